"""A translation named in a language the site does not have is never published in it.

## What it does
Reports a content file whose name ends in a language tag that is none of the site's languages,
as in `index.fr.md` beside `index.en.md` on a site of English and German. Hugo (checked with
0.168) reads a language from a file name only when it is one of the site's languages (in any
case); any other part is just part of the name:

- in a leaf bundle (a folder with `index.md` or `index.<language>.md`), `index.fr.md` is no
  page at all but a resource of the bundle: its text is never published, and nothing says so.
  newslint lints a bundle's page, not its resources, so the bundle's page reports it (the page
  in the language of the file's folder, the default one unless a contentDir says otherwise, else
  the first of the site's languages the bundle has), and so does the file when it is named;
- anywhere else `post.fr.md` is the page `post.fr` of the default language (or of the
  language whose contentDir holds it), at `/posts/post.fr/`, and no translation of `post.md`.

A tag is a two-letter ISO 639-1 language, alone or with a region or script (`pt-BR`,
`es-419`, `zh-Hant`), in any case. It is reported when the text is surely a translation: the
folder holds the same page in one of the site's languages (`index.en.md`, `post.md`), or the
site has more than one language. A language the site disables (`disableLanguages`, or
`disabled = true`) is left alone: Hugo skips its files on purpose. So are names whose part is no
language tag (`v1.2.md`, `node.js.md`, `x.my-post.md`); on a site of one language, a name
with no page beside it to translate (`release.it.md`); and the other files of a leaf bundle
(`notes.fr.md` beside `index.md`), resources whatever their names say. The report is at the
start of the file.

## Why is this bad?
The translation is missing: readers of that language never see it, and the site's own language
shows a page with an odd address instead, or nothing.

## Example
    # content/en/news/budget.en-US.md   (the site's languages: en, ja and zh-CN)
    ---
    title: "Budget passes after a week of talks"
    date: 2025-02-08T09:55:35+08:00
    summary: "The budget passed on Tuesday after a week of talks between the coalition parties."
    ---

    The budget passed on Tuesday after a week of talks between the coalition parties.

    [Reuters](https://www.reuters.com/world/budget-passes)

## Use instead
    # content/en/news/budget.en.md
    ---
    title: "Budget passes after a week of talks"
    date: 2025-02-08T09:55:35+08:00
    summary: "The budget passed on Tuesday after a week of talks between the coalition parties."
    ---

    The budget passed on Tuesday after a week of talks between the coalition parties.

    [Reuters](https://www.reuters.com/world/budget-passes)

Or add the language to the site's (`[languages.fr]` for a lost `index.fr.md`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from newslint import Rule, Severity, Span
from newslint.document import Document
from newslint.rule import Context
from newslint.site import CONTENT_FORMATS, Site, entries_beside

# ISO 639-1, the two-letter language codes (the withdrawn `bh`, `in`, `iw`, `ji`, `jw`, `mo`
# left out): a Hugo language key is almost always one of them, alone or with a subtag.
_ISO_639_1_CODES = (
    "aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv "
    "cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho "
    "hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku "
    "kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn "
    "no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm "
    "sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi "
    "vo wa wo xh yi yo za zh zu"
)
ISO_639_1 = frozenset(_ISO_639_1_CODES.split())
# The ISO 15924 scripts a language tag names on the web (`zh-Hant`, `sr-Latn`): a closed list,
# so that a name like `x.my-post.md` is no tag.
_SCRIPT_CODES = (
    "arab armn beng cyrl deva ethi geor grek guru hans hant hebr jpan knda kore latn mlym mong "
    "orya sinh taml telu thaa thai tibt"
)
SCRIPTS = frozenset(_SCRIPT_CODES.split())
# A language, then a region (`BR`, `419`) or a script, as BCP 47 writes them.
_TAG = re.compile(r"([a-z]{2})(?:-([a-z]{2}|[0-9]{3}|[a-z]{4}))?", re.IGNORECASE)


def is_language_tag(part: str) -> bool:
    """Whether a file-name part is a language tag (`fr`, `pt-BR`, `zh-hant`, `es-419`)."""
    match = _TAG.fullmatch(part)
    if match is None or match.group(1).lower() not in ISO_639_1:
        return False
    subtag = (match.group(2) or "").lower()
    return len(subtag) != 4 or subtag in SCRIPTS


class FileLanguageUnknown(Rule):
    code = "FM014"
    name = "file-language-unknown"
    severity = Severity.WARNING
    messages = {
        "resource": "the file name's language {part!r} is none of the site's languages "
        "({languages}), so Hugo publishes no page from it: it is a resource of the bundle "
        "beside it; add {part!r} to the site's languages or name the file in one of them",
        "page": "the file name's language {part!r} is none of the site's languages "
        "({languages}), so Hugo builds it as the {language} page {page!r}, no translation: add "
        "{part!r} to the site's languages or name the file in one of them",
        "bundle-resource": "{file!r} beside this page is named in {part!r}, none of the site's "
        "languages ({languages}), so Hugo publishes no page from it, only a resource of this "
        "bundle: add {part!r} to the site's languages or name the file in one of them",
    }

    def on_document_start(self, ctx: Context, document: Document) -> None:
        site = ctx.site
        name = os.path.basename(document.path)
        parts = name.split(".")
        if site is None or site.root is None or len(parts) < 2 or not parts[0]:
            return
        if parts[-1].lower() not in CONTENT_FORMATS:
            return
        languages = _enabled_languages(site)
        lost = _lost_language(parts[-2], site, languages) if len(parts) >= 3 else None
        if lost is None and not _has_page([name.lower()], "index", languages):
            return  # no lost language, and no leaf bundle's index that may hold one
        if site.content_path(document.path) is None:
            return  # not content: Hugo makes no page of it either way
        # At the file's first character, after a byte order mark (which no editor shows).
        at = 1 if document.text.startswith("\ufeff") else 0
        listed = ", ".join(languages.values())
        if lost is None:  # a leaf bundle's index in a language of the site
            for index in _lost_indexes(document.path, site, languages):
                part = index.split(".")[-2]
                ctx.report(Span(at, at), "bundle-resource", file=index, part=part, languages=listed)
            return
        kind = _kind(document.path, ".".join(parts[:-2]).lower(), languages)
        if kind is not None:
            language = site.language_of(document.path)
            page = ".".join(parts[:-1])
            ctx.report(
                Span(at, at), kind, part=lost, language=language, page=page, languages=listed
            )


def _kind(path: str, stem: str, languages: dict[str, str]) -> str | None:
    """What Hugo makes of the file `stem.<lost language>.md` when that is a lost translation:
    a resource of the leaf bundle it lies in, else a page; None when no translation is lost."""
    beside = [name.lower() for name in entries_beside(path)]
    if _has_page(beside, "index", languages):
        # Any file of a leaf bundle besides its index is a resource, in any language.
        return "resource" if stem == "index" else None
    if len(languages) < 2 and not _has_page(beside, stem, languages):
        return None  # one language, and no page beside it that the file would translate
    return "page"


def _lost_language(part: str, site: Site, languages: dict[str, str]) -> str | None:
    """`part` when it is a language tag none of the site's languages is, nor a disabled one."""
    lowered = part.lower()
    if not is_language_tag(part) or lowered in languages or lowered in _disabled(site):
        return None
    return part


def _lost_indexes(path: str, site: Site, languages: dict[str, str]) -> list[str]:
    """The files beside the leaf bundle index `path` named `index.<tag>.md` in no language of
    the site, when `path` is the index whose bundle Hugo gives them to: the one in the language
    of their folder (the default language, or the contentDir's), else the first of the site's
    languages the bundle has (hugo 0.168 lists them as resources of that one, or of none)."""
    names = {*entries_beside(path), os.path.basename(path)}
    lost = sorted(
        name
        for name in names
        if name.count(".") == 2
        and name.lower().startswith("index.")
        and name.rpartition(".")[2].lower() in CONTENT_FORMATS
        and _lost_language(name.split(".")[1], site, languages) is not None
    )
    if not lost:
        return []
    folder = os.path.dirname(path)
    held = {
        (site.language_of(os.path.join(folder, name)) or "").lower()
        for name in names
        if name.lower().startswith("index.") and _has_page([name.lower()], "index", languages)
    }
    owner = (site.language_of(os.path.join(folder, lost[0])) or "").lower()
    if owner not in held:
        owner = next((low for low in languages if low in held), owner)
    return lost if (site.language_of(path) or "").lower() == owner else []


def _enabled_languages(site: Site) -> dict[str, str]:
    """The site's languages Hugo builds, by lower-cased name."""
    disabled = _disabled(site)
    return {low: name for low, name in site._known_languages().items() if low not in disabled}


def _disabled(site: Site) -> set[str]:
    return {name.lower() for name in site.disabled_languages}


def _has_page(names: Iterable[str], stem: str, languages: dict[str, str]) -> bool:
    """Whether `names` (a folder's, lower case) hold the page `stem` in one of `languages`:
    `stem.md`, or `stem.<language>.md` (a leaf bundle's index when `stem` is `index`)."""
    for name in names:
        if not name.startswith(stem + "."):
            continue
        rest = name[len(stem) + 1 :].split(".")
        if rest[-1] in CONTENT_FORMATS and (
            len(rest) == 1 or (len(rest) == 2 and rest[0] in languages)
        ):
            return True
    return False
