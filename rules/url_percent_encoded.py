"""A `url`, `slug` or alias written with percent escapes, which Hugo keeps in the folder's name.

## What it does
Reports a front-matter `url`, `slug` or `aliases` entry with percent escapes (`url:
/%D7%A2%D7%91%D7%A8%D7%99%D7%AA/`), as WordPress exports write non-Latin slugs. Hugo 0.168 does not
decode them: it writes the page (or the alias's redirect) to a folder literally named
`%D7%A2%D7%91%D7%A8%D7%99%D7%AA` (a slug's escapes in lower case), while the page's permalink is the
usual escaped address `/%D7%A2%D7%91%D7%A8%D7%99%D7%AA/`. A static server (`python -m http.server`,
nginx, GitHub Pages) decodes that address to the folder `עברית`, which does not exist. The report is
at the value.

Left alone: a value with a scheme (`https://...`, not a path), a `%` without two hex digits
after it, a page Hugo does not render (`headless: true`, `build.render` never or link), and a
`slug` Hugo makes no folder of (under a `url`, or a `[permalinks]` pattern without `:slug`).

## Why is this bad?
The page answers 404 at its own permalink, and an alias's redirect is never reached: only a
doubly escaped address (`/%25D7%25A2.../`) finds the file. Every link to the article is broken.

## Example
    url: /%D7%A2%D7%91%D7%A8%D7%99%D7%AA/
    aliases: ["/old%20story/"]

## Use instead
    url: /עברית/
    aliases: ["/old story/"]

## Fix safety
The fix decodes the escapes. Safe where the page (or redirect) then lands in the folder a static
server looks for at the old address, under the same permalink up to the case of its escapes
(`%d7` and `%D7` are one address, RFC 3986): every alias; a `url` whose escapes stand for
letters outside ASCII or a space (WordPress writes them in lower case, Hugo's permalink then has
them in upper case); a `slug` that Hugo's `urlize` keeps as it is once decoded (`סלאג`). Unsafe
for escaped ASCII letters, digits or `-._~` in a `url` (`/%41bc/` becomes `/Abc/`: the same
page for a server, another permalink text), and for a `slug` that `urlize` changes once decoded
(`%41bc` becomes `abc`, `a%20b` becomes `a-b`: another address). No fix where an escape does
not decode to UTF-8 or stands for a character that would change the path or need quoting (`%2F`,
`%3F`, `%23`, `%25`, `%2B`, which Hugo turns into a space, control characters, other
punctuation), nor where the value's source holds escapes of its own format.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

from newslint import Edit, Fix, Rule, Severity, Span
from newslint.document import Document
from newslint.events import Field, Node
from newslint.rule import Context

from ._crossfile import is_section_page
from ._page_urls import _permalink, logical_path, urlized
from ._pages import never_rendered

_KEYS = frozenset({"url", "slug", "aliases"})
# A run of escapes, decoded together: one character outside ASCII takes two to four of them.
_ESCAPES = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
# What may come before the value's first character in its source: white space and quotes.
_OPENERS = " \t\"'"
# ASCII characters that decode in place without changing the path or needing quotes: the
# unreserved ones (RFC 3986), and a space (Hugo escapes it again as %20).
_UNRESERVED = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
# Line and paragraph separators, which YAML 1.1 readers take for line breaks.
_BREAKS = ("Zl", "Zp")
_WHY = {
    "/": "a slash would split the folder",
    "?": "it would end the path",
    "#": "it would end the path",
    "%": "it would make new escapes",
    "+": "Hugo turns a + into a space",
}


class UrlPercentEncoded(Rule):
    code = "FM010"
    name = "url-percent-encoded"
    severity = Severity.WARNING
    messages = {
        "escaped": "{key} {value} is percent-escaped, and Hugo keeps the escapes in the folder's "
        "name: {what} answers 404 on a static server; decoded it is {decoded}",
        "kept": "{key} {value} is percent-escaped, and Hugo keeps the escapes in the folder's "
        "name: {what} answers 404 on a static server ({escape}: {why})",
    }

    @classmethod
    def field_keys(cls, ctx: Context) -> frozenset[str]:
        return _KEYS

    def on_field(self, ctx: Context, field: Field) -> None:
        key = field.key.lower()
        if key not in _KEYS or never_rendered(ctx.document):
            return
        if key == "slug" and not _slug_in_path(ctx.document):
            return
        node = field.node
        items = node.items if key == "aliases" and node.kind == "list" else (node,)
        for item in items:
            self._check(ctx, key, item)

    def _check(self, ctx: Context, key: str, item: Node) -> None:
        value = item.value
        if not isinstance(value, str) or "://" in value or not _ESCAPES.search(value):
            return
        what = "the redirect's address" if key == "aliases" else "the page's address"
        names = {"aliases": "alias", "url": "url", "slug": "slug"}
        decoded, same, problem = _decode(value)
        if problem is not None:
            escape, why = problem
            ctx.report(
                item.span, "kept", key=names[key], value=value, what=what, escape=escape, why=why
            )
            return
        fix = None
        edit = _edit(ctx.document.text, item, value, decoded)
        if edit is not None:
            title = f"Decode the escapes: {decoded}"
            safe = key == "aliases" or (key == "url" and same) or _same_slug(key, value, decoded)
            fix = Fix.safe(title, edit) if safe else Fix.unsafe(title, edit)
        ctx.report(
            item.span, "escaped", fix=fix, key=names[key], value=value, what=what, decoded=decoded
        )


def _decode(value: str) -> tuple[str, bool, tuple[str, str] | None]:
    """`value` with its escapes decoded; whether Hugo escapes the result to the same address (no
    escaped ASCII letter, digit or `-._~`); and, for an escape that cannot be decoded in place,
    that escape and why."""
    parts: list[str] = []
    same = True
    end = 0
    for match in _ESCAPES.finditer(value):
        run = match.group()
        try:
            text = bytes.fromhex(run.replace("%", "")).decode("utf-8")
        except UnicodeDecodeError:
            return value, False, (run, "not UTF-8")
        for offset, char in enumerate(text):
            if char in _UNRESERVED:
                same = False
            elif char != " " and (ord(char) < 0xA0 or unicodedata.category(char) in _BREAKS):
                first = len(text[:offset].encode())
                escape = run[3 * first : 3 * (first + len(char.encode()))]
                why = _WHY.get(char, "a character that would change the path or need quotes")
                return value, False, (escape, why)
        parts += [value[end : match.start()], text]
        end = match.end()
    return "".join(parts) + value[end:], same, None


def _slug_in_path(document: Document) -> bool:
    """Whether hugo 0.168 makes the page's URL of its `slug`: not under a `url`, nor under a
    `[permalinks]` pattern without `:slug` (or one newslint cannot read)."""
    url = document.value("url")
    if isinstance(url, str) and url.strip():
        return False
    site = document.site
    if site is None:
        return True
    place = logical_path(document)
    kind = "section" if is_section_page(document) else "page"
    pattern = _permalink(site, document.language, kind, place[0] if place else "")
    if pattern is None:
        return True
    return place is not None and isinstance(pattern, str) and "slug" in pattern


def _same_slug(key: str, slug: str, decoded: str) -> bool:
    """Whether the decoded `slug` puts the page in the folder a static server looks for at its
    old permalink: hugo 0.168's `urlize` keeps the escapes (lower-cased) in a slug, the server
    decodes them; `urlize` may change the decoded text (case, spaces)."""
    if key != "slug":
        return False
    old, new = urlized(slug.strip()), urlized(decoded.strip())
    return old is not None and new is not None and unquote(old, errors="strict") == new


def _edit(text: str, item: Node, value: str, decoded: str) -> Edit | None:
    """The edit that writes `decoded` over the value's spelling in the source, or None when the
    source does not spell the value as it is (an escape of its format), it is a YAML block
    scalar, or the result would read differently as a plain YAML scalar (a space at an end,
    `: ` or ` #` inside)."""
    if item.style in ("|", ">"):
        return None
    if item.style is None and (decoded != decoded.strip() or ": " in decoded or " #" in decoded):
        return None
    span = item.span
    source = text[span.start : span.end]
    start = len(source) - len(source.lstrip(_OPENERS))
    if source[start : start + len(value)] != value:
        return None
    begin = span.start + start
    return Edit.replace(Span(begin, begin + len(value)), decoded)
