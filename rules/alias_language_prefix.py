"""An alias starts with a language's folder, which Hugo puts before it once more.

## What it does
Reports an absolute alias (`aliases: ["/fr/old-url/"]`) that starts with the folder of one of
the site's languages, on a page whose own language has a folder in the site's URLs (every
language but the default one, and that one too under `defaultContentLanguageInSubdir`). Hugo
0.168 writes each alias of such a page below the page's language folder, whatever the alias
says: `/fr/old-url/` of a French page becomes `/fr/fr/old-url/`, and `/en/old-url/` of it
`/fr/en/old-url/`. The report is at the alias.

Left alone: relative aliases, an alias on a page of the default language without a folder (it
is written as it is), a page built in several languages (`sites`), a site whose languages have
hosts of their own (a `baseURL` per language), and a page Hugo does not render, whose aliases it
does not write at all (`headless: true`, `build.render` never or link, a leaf bundle's resource).

## Why is this bad?
An alias keeps an old address working by writing a redirect there. Written one folder too deep,
the redirect is never reached and the old address still answers 404: links from other sites and
search engines to the article break after a move, which is what the alias was for.

## Example
    # content/news/budget.ja.md
    aliases: ["/ja/news/old-budget/"]

## Use instead
    # content/news/budget.ja.md
    aliases: ["/news/old-budget/"]

## Fix safety
Safe where the folder is the page's own language: the fix deletes it, and Hugo writes the redirect
at the address the alias spelt out. Unsafe where the folder is written in other capitals (`/FR/` on
a French page): Hugo keeps an alias's case, so the redirect moves from `/fr/FR/old/` to `/fr/old/`,
which a case-sensitive server treats as another address than `/FR/old/`. There is no fix for
another language's folder (no alias of the page can be written there) or for an alias of just the
folder (`/fr/`, which would become the language's home page).
"""

from __future__ import annotations

from newslint import Edit, Fix, Rule, Severity, Span
from newslint.events import Field, Node
from newslint.rule import Context

from ._page_urls import language_folder, multihost
from ._pages import never_rendered

_KEYS = frozenset({"aliases"})
# What may come before the alias's first character in its source: white space and a quote.
_OPENERS = " \t\"'"
_TITLE = "Delete the language folder"


class AliasLanguagePrefix(Rule):
    code = "FM009"
    name = "alias-language-prefix"
    severity = Severity.WARNING
    messages = {
        "prefix": "alias {alias} is written to {written}: Hugo puts the page's language folder "
        "{folder} before every alias of it",
    }

    @classmethod
    def field_keys(cls, ctx: Context) -> frozenset[str]:
        return _KEYS

    def on_field(self, ctx: Context, field: Field) -> None:
        if field.key.lower() != "aliases":
            return
        document = ctx.document
        site = ctx.site
        language = document.language
        if site is None or site.root is None or language is None or multihost(site):
            return
        own = language_folder(site, language)
        if not own or document.field("sites") is not None:
            return
        if never_rendered(document):
            return  # hugo 0.168 writes no alias of a page it does not render
        folders = {name.lower() for name in site._known_languages()}
        node = field.node
        for item in node.items if node.kind == "list" else (node,):
            self._check(ctx, item, own, folders)

    def _check(self, ctx: Context, item: Node, own: str, folders: set[str]) -> None:
        if not isinstance(item.value, str):
            return
        alias = item.value.strip()
        first = alias[1:].partition("/")[0].lower()
        if not alias.startswith("/") or first not in folders:
            return
        written = "/" + own + alias.lstrip("/")
        fix = None
        rest = alias[1 + len(first) :]
        if first + "/" == own and rest.strip("/"):
            # `/FR/old/` (Hugo keeps an alias's case: it writes `/fr/FR/old/`) names another
            # address than `/fr/old/` on a case-sensitive server: whether that was meant is the
            # editor's call.
            exact = alias[1 : 1 + len(first)] == first
            fix = _strip_folder(ctx.document.text, item.span, len(first) + 1, safe=exact)
        ctx.report(item.span, "prefix", fix=fix, alias=alias, written=written, folder="/" + own)


def _strip_folder(text: str, span: Span, length: int, *, safe: bool) -> Fix | None:
    """The fix that deletes the `/xx` at the start of the alias written at `span` (None when its
    source does not spell the alias out as it is: an escape)."""
    source = text[span.start : span.end]
    start = len(source) - len(source.lstrip(_OPENERS))
    if not source.startswith("/", start) or "\\" in source[start : start + length]:
        return None
    cut = Span(span.start + start, span.start + start + length)
    edit = Edit.delete(cut)
    return Fix.safe(_TITLE, edit) if safe else Fix.unsafe(_TITLE, edit)
