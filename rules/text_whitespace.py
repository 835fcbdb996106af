"""Stray white space in a text field.

## What it does
Flags leading or trailing white space, runs of two or more spaces, and non-breaking spaces used as
ordinary spaces in the front-matter `title`, `summary` and `lead` (the `fields` option changes the
list). A single non-breaking space where typography wants one is left alone: next to a digit
(`10 km`, `£ 5`), after a period (`Mr. Smith`), around French punctuation (`« oui »`, `prix :`) and
dashes (`up — and`), and, in Czech, Slovak, Polish, Russian and other Slavic languages, after a
word of one letter (`v Praze`, `в Москве`), as their typography wants. Ideographic spaces (U+3000)
and other typographic spaces inside the text are left alone too; at its start or end any white
space counts.

A custom field among them (`lead`, a configured `subtitle`) written under the page's `params`
map is checked there, as `params.lead`: Hugo 0.150+ makes it the page's `.Params.lead`, over a
top-level `lead`, which nothing then reads and which is not checked (checked with hugo 0.168).
Hugo's own fields (`title`, `summary`) are read at the top level only.

## Why is this bad?
Scrapers leave these behind when they copy HTML. They are invisible in the editor but make titles
compare unequal (duplicate detection, search), break sentence splitting and show as odd gaps in
cards and feeds.

## Example
    title: " Trump  hails security partnership "

## Use instead
    title: "Trump hails security partnership"

## Fix safety
Safe: the value is trimmed, runs collapse to one space and a stray non-breaking space becomes a
plain space; each problem is its own edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newslint import Fix, Rule, Severity
from newslint.events import Field
from newslint.rule import Context
from newslint.textutil import primary_language

from ._fields import lowered_keys
from ._params import read_named
from ._text import TEXT_FIELDS, FieldText

NBSP = "\u00a0"
_RUN = re.compile(r"[ \t\u00a0]{2,}|\u00a0|\t|[\r\n]+[ \t\u00a0]*")
_KEEP_NBSP_BEFORE = frozenset(":;!?»%—–")
_KEEP_NBSP_AFTER = frozenset(".«$£€¥—–")
# Languages whose typography binds a one-letter word (`v Praze`, `w Polsce`, `в Москве`) to the
# next word with a non-breaking space.
_BIND_ONE_LETTER = frozenset(
    {"cs", "sk", "pl", "sl", "hr", "bs", "sr", "ru", "uk", "be", "bg", "mk"}
)
# White space that may not start or end a value: what a reader sees as a gap, including the
# ideographic space (U+3000) and the typographic spaces (U+2000-U+200A). Zero-width characters
# and control characters are `invisible-char`'s and `control-char`'s.
_EDGE_SPACE = " \t\r\n\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))


@dataclass(frozen=True)
class Options:
    """Options of the rule (its `[rules.text-whitespace]` table)."""

    fields: tuple[str, ...] = TEXT_FIELDS


def problems(
    value: str, block: bool, language: str | None = None, multiline: bool = False
) -> list[tuple[int, int, str, str]]:
    """`(start, end, replacement, message id)` for each white-space problem in `value`.

    In a YAML block scalar the line breaks are the author's and the final break is syntax, so only
    runs inside a line count there. A TOML multi-line (triple-quoted) string, `multiline`,
    is the same choice of the author's: its breaks, blank lines (a summary's paragraphs, which
    Hugo renders as Markdown) and a final break before the closing quotes stay, but white space
    at its start still counts, since no indentation is syntax there. `language` (a tag such as
    `cs-CZ`) tells whether a non-breaking space after a one-letter word is typography.
    """
    found: list[tuple[int, int, str, str]] = []
    keep_breaks = block or multiline
    body_end = len(value.rstrip("\r\n")) if keep_breaks else len(value)
    stripped_start = len(value) - len(value.lstrip(_EDGE_SPACE))
    stripped_end = len(value[:body_end].rstrip(_EDGE_SPACE))
    if not block and stripped_start:
        found.append((0, stripped_start, "", "leading"))
    if stripped_end < body_end and stripped_end >= stripped_start:
        found.append((stripped_end, body_end, "", "trailing"))
    if not ("  " in value or "\t" in value or NBSP in value or "\n" in value or "\r" in value):
        # What every `_RUN` match holds is missing: a title is decided by five substring scans, a
        # twentieth of `_RUN` (tried at every position: it starts with a repeat).
        return found
    one_letter_binds = primary_language(language) in _BIND_ONE_LETTER
    for match in _RUN.finditer(value, stripped_start, max(stripped_start, stripped_end)):
        start, end = match.span()
        run = match.group(0)
        if "\n" in run or "\r" in run:
            if keep_breaks:
                continue
            found.append((start, end, " ", "line-break"))
        elif run == NBSP:
            before, after = value[start - 1 : start], value[end : end + 1]
            if (
                before.isdigit()
                or after.isdigit()
                or before in _KEEP_NBSP_AFTER
                or after in _KEEP_NBSP_BEFORE
                or (one_letter_binds and _one_letter_word(value, start))
            ):
                continue
            found.append((start, end, " ", "nbsp"))
        elif run == "\t":
            found.append((start, end, " ", "tab"))
        else:
            found.append((start, end, " ", "double"))
    return found


def _one_letter_word(value: str, end: int) -> bool:
    """Whether a word of one letter ends at `end` (`v Praze`, `в Москве`)."""
    return end >= 1 and value[end - 1].isalpha() and (end == 1 or not value[end - 2].isalnum())


class TextWhitespace(Rule):
    code = "TX005"
    name = "text-whitespace"
    severity = Severity.INFO
    messages = {
        "leading": "{key} starts with white space",
        "trailing": "{key} ends with white space",
        "double": "{key} has {count} white-space characters in a row",
        "nbsp": "{key} has a non-breaking space between words",
        "tab": "{key} has a tab between words",
        "line-break": "{key} has a line break inside",
    }
    Options = Options

    @classmethod
    def field_keys(cls, ctx: Context) -> frozenset[str]:
        # `on_field` returns at once for any other key.
        return lowered_keys((*ctx.options.fields, "params"))

    def on_field(self, ctx: Context, field: Field) -> None:
        # A custom key (`lead`) under `params` is the page's value (hugo 0.168): checked there.
        for read, key in read_named(ctx.document, field, ctx.options.fields):
            self._check(ctx, read, key)

    def _check(self, ctx: Context, field: Field, key: str) -> None:
        if not isinstance(field.value, str):
            return
        value: str = field.value
        block = field.node.style in ("|", ">")
        multiline = field.node.style in ('"""', "'''")
        found = problems(value, block, ctx.document.language, multiline)
        if not found:
            return
        edited = FieldText(ctx.document.text, field)
        changes = [(start, end, replacement) for start, end, replacement, _ in found]
        for (start, end, replacement, message), edits in zip(
            found, edited.edits(changes), strict=True
        ):
            title = "Remove the white space" if not replacement else "Use one plain space"
            ctx.report(
                edited.span(start, end),
                message,
                key=key,
                count=end - start,
                fix=Fix.safe(title, *edits),
            )
