"""A content folder named like a language is only a section: its pages are built in another one.

## What it does
Reports a page of a multilingual site that lies in a top-level content folder named like one of
the site's languages (its key or its `languageCode`/`locale`, in any case), as in
`content/ru/news/park.md`, when that language has no contentDir of its own and the file's name
carries no language. Hugo (checked with 0.168) gives a folder no language by its name: the page
is built in the default language (or in that of the contentDir holding it), in a section named
`ru`, at `/ru/news/park/` (`/ro/ru/news/park/` with `defaultContentLanguageInSubdir`). The report
is at the start of the file, once per file.

A page already built in the folder's language (`content/ro/...` on a site whose default is
`ro`, `park.ru.md`) is left alone, as are sites of one language, a disabled language's folder,
a language with a contentDir of its own, and sites with content mounts (they give languages
their folders themselves).

## Why is this bad?
The translation is published in the wrong language: it is missing from its language's lists,
menus and language switcher, while the default language shows it under an odd address.

## Example
    # content/ja/news/budget.md   (languages en, ja and zh-CN, no contentDir; a draft in English)
    ---
    title: "Budget passes after a week of talks"
    date: 2025-02-08T09:55:35+08:00
    summary: "The budget passed on Tuesday after a week of talks between the coalition parties."
    ---

    The budget passed on Tuesday after a week of talks between the coalition parties.

    [Reuters](https://www.reuters.com/world/budget-passes)

## Use instead
    # content/ja/news/budget.ja.md
    ---
    title: "Budget passes after a week of talks"
    date: 2025-02-08T09:55:35+08:00
    summary: "The budget passed on Tuesday after a week of talks between the coalition parties."
    ---

    The budget passed on Tuesday after a week of talks between the coalition parties.

    [Reuters](https://www.reuters.com/world/budget-passes)

Or give each language its own folder (`contentDir = "content/ja"` under `[languages.ja]`, and so
for every language).
"""

from __future__ import annotations

import os

from newslint import Rule, Severity, Span
from newslint.document import Document
from newslint.rule import Context
from newslint.site import Site


class LanguageFolderIgnored(Rule):
    code = "FM015"
    name = "language-folder-ignored"
    severity = Severity.WARNING
    messages = {
        "section": "the folder {folder!r} is named like the language {language!r}, which has no "
        "contentDir, so Hugo builds this page in {built}, in a section {folder!r}: give each "
        "language its contentDir ({folder_path!r} for {language!r}) or rename the file to "
        "{better!r}",
    }

    def on_document_start(self, ctx: Context, document: Document) -> None:
        site = ctx.site
        if site is None or site.root is None or site.content_mounts:
            return
        languages = _enabled_languages(site)
        parts = os.path.basename(document.path).split(".")
        if len(languages) < 2 or (len(parts) >= 3 and parts[-2].lower() in site._known_languages()):
            return  # one language, or the file's name says its language
        inside = site.content_path(document.path)
        folder = inside.split("/", 1)[0] if inside and "/" in inside else None
        language = _folder_language(folder, site, languages) if folder else None
        if folder is None or language is None:
            return
        built = document.language or site.default_language
        matrix = site.matrix_languages(document.value("sites"))  # Hugo 0.150: built in each
        if any(name.lower() == language.lower() for name in (built, *matrix)):
            return
        # At the file's first character, after a byte order mark (which no editor shows).
        start = 1 if document.text.startswith("\ufeff") else 0
        ctx.report(
            Span(start, start),
            "section",
            folder=folder,
            language=language,
            built=built,
            folder_path=f"{site._site_content_dir().rstrip('/')}/{folder}",
            better=".".join((*parts[:-1], language, parts[-1])),
        )


def _enabled_languages(site: Site) -> dict[str, str]:
    """The site's languages Hugo builds, by lower-cased name."""
    disabled = {name.lower() for name in site.disabled_languages}
    return {low: name for low, name in site._known_languages().items() if low not in disabled}


def _folder_language(folder: str, site: Site, languages: dict[str, str]) -> str | None:
    """The enabled language without a contentDir of its own whose key or locale `folder` is
    named like (in any case)."""
    own = {name.lower() for name in site._own_content_dirs()}
    lowered = folder.lower()
    for low, name in languages.items():
        locale = (site.language_locales.get(name) or "").lower()
        if lowered in (low, locale) and low not in own:
            return name
    return None
