"""A `url`, `slug` or alias written with percent escapes, which Hugo keeps in the folder's name.

## What it does
Reports a front-matter `url`, `slug` or `aliases` entry with percent escapes
(`url: /%D7%A2%D7%91%D7%A8%D7%99%D7%AA/`), as WordPress exports write non-Latin slugs. Hugo
0.168 does not decode them: it writes the page (or the alias's redirect) to a folder literally
named `%D7%A2%D7%91%D7%A8%D7%99%D7%AA` (a slug's escapes in lower case), while the page's
permalink is the usual escaped address `/%D7%A2%D7%91%D7%A8%D7%99%D7%AA/`. A static server
(`python -m http.server`, nginx, GitHub Pages) decodes that address to the folder `עברית`, which
does not exist. The report is at the value.

Left alone: a value with a scheme (`https://...`, not a path), a `%` without two hex digits
after it, and a page Hugo does not render (`headless: true`, `build.render` never or link).

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
The fix decodes the escapes. Safe for an alias, and for a `url` whose escapes are in upper case
and stand for characters Hugo escapes again (letters outside ASCII, a space): its permalink is
the same address, now served. Unsafe for a `url` with lower-case escapes or escaped ASCII letters,
digits or `-._~` (`/%41bc/` becomes `/Abc/`: the same page, but its permalink's text changes),
and for a `slug` (Hugo lower-cases the escapes in its permalink). No fix where an escape does not
decode to UTF-8 or stands for a character that would change the path or need quoting (`%2F`,
`%3F`, `%23`, `%25`, `%2B`, which Hugo turns into a space, control characters, other
punctuation), nor where the value's source holds escapes of its own format.
"""

from __future__ import annotations

import re

from newslint import Edit, Fix, Rule, Severity, Span
from newslint.events import Field, Node
from newslint.rule import Context

from ._pages import never_rendered

_KEYS = frozenset({"url", "slug", "aliases"})
# A run of escapes, decoded together: one character outside ASCII takes two to four of them.
_ESCAPES = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
# What may come before the value's first character in its source: white space and quotes.
_OPENERS = " \t\"'"
# ASCII characters that decode in place without changing the path or needing quotes: the
# unreserved ones (RFC 3986), and a space (Hugo escapes it again as %20).
_UNRESERVED = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
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
            safe = key == "aliases" or (key == "url" and same)
            fix = Fix.safe(title, edit) if safe else Fix.unsafe(title, edit)
        ctx.report(
            item.span, "escaped", fix=fix, key=names[key], value=value, what=what, decoded=decoded
        )


def _decode(value: str) -> tuple[str, bool, tuple[str, str] | None]:
    """`value` with its escapes decoded; whether Hugo escapes the result to the same text (upper
    case escapes of characters it escapes again); and, for an escape that cannot be decoded in
    place, that escape and why."""
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
            elif char != " " and not ord(char) >= 0xA0:
                escape = run[3 * offset : 3 * offset + 3] if ord(char) < 0x80 else run
                why = _WHY.get(char, "a character that would change the path or need quotes")
                return value, False, (escape, why)
        if run != run.upper():
            same = False
        parts += [value[end : match.start()], text]
        end = match.end()
    return "".join(parts) + value[end:], same, None


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
