"""The body starts with the title again.

## What it does
Reports a body whose first block repeats the front matter's `title`: a heading of any level (`#`
or an underlined one), or a paragraph of one line that holds nothing but the title (plain, or all
in bold or italics; not a link). The two are compared as a reader sees them: without Markdown
markup and HTML entities, ignoring case, spacing, the kind of quotes and the punctuation at the
end. The report is at the repeat.

Only the first block counts, and only at the top level (not inside a list or a quote); a title
that comes again further down is not reported, nor is a first heading that differs from the
title. A file without a `title` (or with an empty one) is left alone. The rule belongs to the
`news` preset.

## Why is this bad?
News themes print the title as the page's heading, so the page shows the headline twice, has two
top-level headings (what markdownlint's MD025 reports as well), and Hugo's automatic summary, which
starts at the top of the body, opens with the headline again. Articles copied from a web page
or a word processor usually bring their headline along this way.

## Example
    ---
    title: "Budget passes after a week of talks"
    ---

    # Budget passes after a week of talks

    The budget passed on Tuesday.

    [Reuters](https://www.reuters.com/world/budget-passes)

## Use instead
    ---
    title: "Budget passes after a week of talks"
    ---

    The budget passed on Tuesday.

    [Reuters](https://www.reuters.com/world/budget-passes)

## Fix safety
The fix deletes the repeated block and the blank lines after it. It is unsafe: it removes text the
page shows, and on a site whose theme does not print the title the heading is the only one.
"""

from __future__ import annotations

import html
import re
import unicodedata

from newslint import Edit, Fix, Rule, Severity, Span
from newslint.events import Code, Heading, Html, Paragraph
from newslint.rule import Context

# Emphasis around a whole paragraph: `**Title**`, `_Title_`.
_EMPHASIS = "*_"
# What is left out of the comparison: punctuation and spaces at the ends.
_ENDS = " \t\r\n.:;,!?。：；，！？…-–—|"
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
_REST_OF_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
_BLANK_LINES = re.compile(r"(?:[ \t]*(?:\r\n|\r|\n))*")


def comparable(text: str) -> str:
    """`text` as the rule compares it: unescaped, NFKC, no invisible characters, plain quotes,
    single spaces, no punctuation at the ends, case-folded."""
    if "&" in text:
        text = html.unescape(text)
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():  # invisible characters and curly quotes are all outside ASCII
        text = _INVISIBLE.sub("", text).translate(_QUOTES)
    # `str.split` splits at the characters `\s` matches, in one pass instead of a regex's try
    # at every position; the spaces at the ends go with `_ENDS` either way.
    return " ".join(text.split()).strip(_ENDS).casefold()


class TitleInBody(Rule):
    code = "BD014"
    name = "title-in-body"
    severity = Severity.WARNING
    presets = ("news",)
    messages = {
        "heading": "the first heading repeats the title: the page shows it twice",
        "paragraph": "the first paragraph repeats the title: the page shows it twice",
    }

    def __init__(self) -> None:
        self.first_seen = False

    def on_heading(self, ctx: Context, heading: Heading) -> None:
        self._first_block(ctx, heading.span, heading.text, "heading")

    def on_paragraph(self, ctx: Context, paragraph: Paragraph) -> None:
        self._first_block(ctx, paragraph.span, paragraph.plain, "paragraph")

    def on_html(self, ctx: Context, node: Html) -> None:
        self.first_seen = True

    def on_code(self, ctx: Context, node: Code) -> None:
        self.first_seen = True

    def _first_block(self, ctx: Context, span: Span, shown: str, kind: str) -> None:
        if self.first_seen:
            return
        self.first_seen = True
        document = ctx.document
        text = document.text
        if text[document.body_start : span.start].strip(" \t\r\n"):
            return  # the block is inside a list or a quote, or after something else
        if kind == "paragraph":
            source = text[span.start : span.end].strip()
            if "\n" in source or "\r" in source or "[" in source or "<" in source:
                # A title takes one line; and a link named after the title (the source link of
                # an article that has no other text) or HTML is no repeat of it.
                return
            shown = source.strip(_EMPHASIS) if source[:1] in _EMPHASIS else source
        # The title last: most first blocks are no one-line paragraph, and need no comparison.
        title = document.value("title")
        if not isinstance(title, str) or not (wanted := comparable(title)):
            return
        if comparable(shown) != wanted:
            return
        end = _after_blank_lines(text, _line_end(text, span.end))
        fix = Fix.unsafe("Delete the repeated title", Edit.delete(Span(span.start, end)))
        ctx.report(span, kind, fix=fix)


def _after_blank_lines(text: str, offset: int) -> int:
    """The offset after the blank lines that start at `offset`."""
    match = _BLANK_LINES.match(text, offset)
    return match.end() if match else offset


def _line_end(text: str, offset: int) -> int:
    """The offset after the line break that ends the line `offset` is on (or the text's end)."""
    if offset > 0 and text[offset - 1] in "\r\n":
        return offset  # the span already ends with its line break
    match = _REST_OF_LINE.match(text, offset)
    return match.end() if match else offset
