"""News article without a source link.

## What it does
In the `news` preset, requires every article to name its source: either the body's last line is a
link `[name](https://...)` (also in emphasis, a block quote or quotation marks,
`*[name](https://...)*`, `« [name](https://...) »`), or a front-matter field holds the source URL.
The last line is the last one Markdown shows: HTML comments after it (such as a suppression) and
link reference definitions (`[1]: https://...`) do not count, so a reference link `[name][1]` works
too; and a link that goes on with a sentence the line above it left off in the same paragraph
(hard-wrapped prose: `... the association's website at` / `<https://association.example.org/>`, the
line above ending in a word or a comma) is the end of that sentence to the reader, no source line (a
line with a source label, `Source: [name](url)`, still is one). The link may follow a source label,
as news sites and translated articles write it: `Source:` (or `Sources:`), `来源：`, `來源：`, `原文：`,
`原文链接：`, `原文連結：`, `原始报道：`, `原始報導：`, `原始链接：`, `资料来源：`, `資料來源：`, `新闻来源：`, `新聞來源：`, `出处：`, `出處：`,
`出典：`, `引用元：`, `参照元：`, `ソース：`, `출처:`, `원문:`, `Quelle:`, `Fuente:`, `Fonte:`, `Источник:`, `Sumber:` (Indonesian), `Nguồn:`,
`Kaynak:`, `Bron:`, `Źródło:`, `Джерело:`, `Извор:`, `المصدر:`, `منبع:`, `स्रोत:`, `ที่มา:`,
`Forrás:`, `Zdroj:`, `Lähde:`, `Kilde:`, `Källa:`, `Πηγή:`, `מקור:`, and their plurals (`Quellen:`,
`Fuentes:`, `Fontes:`, `Источники:`, `Πηγές:`, ...), in any case, composed or decomposed (`Nguồn`
as macOS or a Vietnamese input method writes it, with combining marks), with an ASCII or full-width colon,
optionally in emphasis (`**Source:** [name](url)`, `*Source: [name](url)*`), in a block quote, in
parentheses (`(bron: [name](url))`, the full-width ones of Chinese and Japanese, `（出典：[name](url)）`,
also in emphasis: `*(Fuente: [EFE](url))*`; one left open, `(Source: [name](url)`, is a slip of
punctuation, the source still named), with a no-break space before the colon as French writes it
(`Source : [AFP](url)`), after a clause ending in a comma (`本文由…翻译，原文链接：[name](url)`) and followed
by a full stop; the label may also follow the last sentence of a line that holds a whole paragraph,
as a scraper runs paragraphs into one (`... the vote was close. _Sumber: [name](url)_`). After the
label a citation may come first when the line's one link ends it (`Source:
Ministry of Health, "Report," 11 August 2026 — [gov.uk/...](url)`), and the link may be a bare URL
that Hugo makes a link (`Source: https://...`; not one glued to a full-width colon,
`引用元：https://...`, which hugo 0.168 leaves as text). Several sources may end the body
as a list of links, each item one link, right after a line that is such a label alone
(`**Sources:**`, `## Sources`): the first item is the source link. Up to six credit lines may
follow a labelled source line (`_Перевод: [name](url)_`, `译者：…`, `Translated by …`, `Photo: …`,
`> 翻译时间：2026-01-05 17:29`: translation and its date, editing, proofreading, photos), as
translated news credits its translator and proofreader under the source; under a link without a label they name no source. Other words before the link or
above the list (`Related:`), or more than one link on the line, are no source line; nor is a link in
raw HTML (`<a href="...">name</a>`), which Hugo drops unless the site allows unsafe HTML. Footnotes
are citations, which Hugo renders as the page's last list wherever they are defined: when the text
ends in no source line, the first note the body refers to (in the order of the references) that is
one link names the source, a bare URL too (`Oil rose.[^1]` ... `[^1]: https://...`, as digests and
AI-written briefs cite); a note nothing refers to is not shown. A line with a source label may
also open the body instead (`来源：[36氪](url)`, `> Source: [Reuters](url)`, `**原文链接**:
[name](url)`), as reprints and translations credit their source above the story, also below a
heading, a block quote restating the headline or an image that opens the body (`> 見出し` /
`引用元：[url](url)`, as Japanese digests open), and then a last link to a page of the site
(`[記事一覧へ]({{% ref "/posts/" %}})`, back to the list) is no source line that hides it; a bare
link or another label there is no source line (an opening link is as likely the story's own). The field is `source` unless the
rule option `field` or the config key `source-field` names another one; it may hold a list of URLs
(`source: [url1, url2]`), each a source (a placeholder among them is reported), or a map whose `url`
key holds it (`source: {name: Reuters, url: https://...}`, also as list items), and is read under
the page's `params` when set there (`params: {source: ...}`: Hugo 0.150+ makes it the page's
`.Params.source`, over a top-level `source`; checked with hugo 0.168). On a site whose theme is
Congo or Blowfish an article's `externalUrl` (the address of the article published on another
site, to which those themes link it instead of a page of its own) is its source. The message
names a field with a URL under another source-like key (`source_url: "https://..."`, at the top
level or under `params`). A source on no public site, a reserved or dotless host (`https://原文地址`,
"original address", as a translation tool's template leaves it; `localhost`, `.invalid`), is
reported as a placeholder, and the hint names a source-like field (`original_url`, `posturl`,
`external_url`, `link`) that holds such a host or an example domain (`https://example.com/...`).
Section list pages (`_index.md`) are not articles and are skipped, and so are pages readers never
see (`headless: true`, or `build` with `render` and `list` both never) and a leaf bundle's resources
(`news/story/notes.md` beside `news/story/index.md`), fragments other pages draw from, and a page
its own `layout` draws with no body of its own (an `archives` or `search` page), a page that puts
itself in one of the site's menus (`menu: main`: About, Contact, Links) or that a menu entry of
the site's configuration names (`pageRef: /about`), and a documentation
page (type `docs`: its own `type`, a cascaded one, or its top-level section `content/docs/`, where
Docsy, Hextra and Hugo Book lay out their docs, on a site whose layouts or theme draw such pages: a
`layouts/docs/` template, a docs theme; on a news site `docs/` is news like any other), which cites
no source. It is reported at the body's
last line, where the link belongs (at the front matter's opening `---` when the body is empty).

## Why is this bad?
A news article that does not say where it comes from cannot be checked, credited or corrected, and
the site's duplicate-source and link checks have nothing to work with.

## Example
    ---
    title: "Budget passes"
    ---
    The budget passed on Tuesday.

## Use instead
    ---
    title: "Budget passes"
    ---
    The budget passed on Tuesday.

    [reuters](https://www.reuters.com/world/budget-passes-2025-02-11/)
"""

from __future__ import annotations

from dataclasses import dataclass

from newslint import Rule, Severity
from newslint.document import Document
from newslint.events import Field
from newslint.rule import Context

from ._crossfile import is_section_page
from ._links import (
    find_source_link,
    is_local_host,
    is_web_url,
    last_body_line,
    source_field_name,
    source_values,
    split_url,
    string_values,
)
from ._pages import (
    documentation_page,
    drawn_by_its_layout,
    external_url_site,
    menu_page,
    never_shown,
    opening_delimiter,
)
from ._params import params_field, params_fields


@dataclass(frozen=True)
class Options:
    """Options of the rule (its `[rules.source-link-missing]` table)."""

    field: str = ""


class SourceLinkMissing(Rule):
    code = "LK001"
    name = "source-link-missing"
    severity = Severity.ERROR
    messages = {
        "missing": "no source link: the last line is no [name](url) link and there is no "
        "{field!r} field with a URL{hint}",
        "placeholder": "source link {url!r} is on no public site: a placeholder left where the "
        "source belongs",
    }
    Options = Options
    presets = ("news",)

    def on_document_end(self, ctx: Context, document: Document) -> None:
        if not document.has_front_matter or document.front_matter_errors:
            return  # not an article, or front-matter-syntax speaks first
        if (
            is_section_page(document)
            or never_shown(document)
            or drawn_by_its_layout(document)
            or documentation_page(document)
            or menu_page(document)
        ):
            return
        field = source_field_name(ctx, ctx.options.field)
        found = find_source_link(document, field)
        if found is None and (external := _external_url(ctx, document)) is not None:
            # Congo and Blowfish link the article to its `externalUrl`: that is its source.
            url, span = external.value.strip(), external.value_span
            parts = split_url(url)
            if parts is not None and parts.hostname and is_local_host(parts.hostname):
                ctx.report(span, "placeholder", url=url[:80])
            return
        if found is not None:
            # Every URL of a source list (`source: [url1, url2]`) is a source.
            cited = [(found.url, found.span)]
            if found.field is not None:
                values = source_values(document, field)
                cited = [(v.value.strip(), v.value_span) for v in values if is_web_url(v.value)]
            for url, span in cited:
                parts = split_url(url)
                if parts is not None and parts.hostname and is_local_host(parts.hostname):
                    # `https://原文地址` ("original address"): no site anyone can reach. The
                    # example domains are left to the hint: documentation and tests cite them
                    # on purpose.
                    ctx.report(span, "placeholder", url=url[:80])
            return
        line = last_body_line(document)
        if line is None:
            line = opening_delimiter(document)
        ctx.report(line, "missing", field=field, hint=_other_source_field(document, field))


def _external_url(ctx: Context, document: Document) -> Field | None:
    """The page's `externalUrl` holding a web URL (under `params` first, as Hugo 0.150+ reads
    `.Params`), on a site whose theme links the article to it (Congo, Blowfish)."""
    if not external_url_site(ctx.site):
        return None
    found = params_field(document, "externalUrl") or document.field("externalUrl")
    if found is None or not isinstance(found.value, str) or not is_web_url(found.value.strip()):
        return None
    return found


# Keys, lower case without `_` and `-`, under which importers write the address an article was
# taken from besides `source…` ones: `original_url`, `posturl` (a feed clipper), `external_url`
# (a bulletin digest), `canonicalURL`; and keys that are one only as a whole: `link` (the MemE
# theme's reprint fields, `original = false` with `link` to the article reprinted).
_SOURCE_LIKE = ("source", "original", "posturl", "externalurl", "canonicalurl")
_SOURCE_KEYS = ("link",)


def _other_source_field(document: Document, field: str) -> str:
    """A hint naming another field that holds a web URL under a source-like key (`source_url`,
    `sourceLink`, `original_url`), as sites name it: the config key `source-field` makes it the
    source. One that holds a placeholder (`https://example.com/x`, `https://原文地址`) is named as
    such: the import left it where the address belongs."""
    for other in (*document.fields, *params_fields(document)):
        key = other.key
        flat = key.lower().replace("_", "").replace("-", "")
        if key == field or not (flat in _SOURCE_KEYS or any(w in flat for w in _SOURCE_LIKE)):
            continue
        urls = [v.value.strip() for v in string_values(other) if is_web_url(v.value.strip())]
        if urls:
            url = urls[0]
            if _placeholder(url):
                return f" ({key!r} holds {url[:80]!r}, a placeholder)"
            return f" ({key!r} holds one: name it in the config key source-field)"
    return ""


# The documentation domains (RFC 2606), which templates and importers leave where an address
# belongs; reserved and intranet names (`https://原文地址`, "original address", has no dot) too.
_EXAMPLE_DOMAINS = ("example.com", "example.org", "example.net")


def _placeholder(url: str) -> bool:
    """Whether `url` names no real site: an example domain, a reserved name or a dotless host."""
    parts = split_url(url)
    host = (parts.hostname or "").lower().rstrip(".") if parts is not None else ""
    if not host:
        return False
    return (
        host in _EXAMPLE_DOMAINS
        or host.endswith(tuple("." + domain for domain in _EXAMPLE_DOMAINS))
        or is_local_host(host)
    )
