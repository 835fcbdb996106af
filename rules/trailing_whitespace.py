"""Spaces or tabs at the end of a line.

## What it does
Reports spaces and tabs at the end of a line of the body, and lines of the body that hold nothing
but spaces and tabs. Exactly two spaces after text are allowed at the end of any line, as in
markdownlint: before a line that continues the text they are a Markdown hard line break, and an
author who writes hard breaks this way types them at the end of a paragraph too. With
`strict = true`, two spaces where no line follows to break to (before a blank line or at the end
of the file) are reported as well, since they do nothing.

Lines of code blocks, code spans, raw HTML blocks and the bodies of `{{< >}}` shortcodes (such as
`highlight`) are skipped: there the spaces are content (a Markdown sample may show a hard break).
The front matter is skipped too: in a YAML block scalar trailing spaces are part of the value.

Spaces make a line break only where the text of the same paragraph, heading or list item goes on
on the next line: not at the end of a table row or of an ATX heading (`# Title`), nor before a
list, a heading or a fence that ends the paragraph; three spaces there are stripped, not cut to
two. The lines of a code fence (its info string, its closing fence) are no code: Markdown drops
their trailing spaces, and they are reported.

## Why is this bad?
Invisible whitespace makes diffs noisy and hides real changes; three or more trailing spaces are
also a hard break, which is rarely intended.

## Example
    The vote passed on Tuesday.···

    Talks went on for a week.

## Use instead
    The vote passed on Tuesday.

    Talks went on for a week.

## Fix safety
Safe: the trailing spaces and tabs are removed. Where they make a hard line break (two or more
spaces before a line that goes on), exactly two spaces are kept, so the page renders the same.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from newslint import Edit, Fix, Rule, Severity, Span
from newslint.document import Document
from newslint.events import Code, Heading, Html, Line, Paragraph, Text
from newslint.rule import Context

from ._body import Verbatim, is_blank

# A space or tab at the end of a line (or of the text).
_TRAILING = re.compile(r"[ \t](?:\r|\n|\Z)")
# The same found from the line break: a pattern that starts with a character is looked for by the
# regex engine's fast scan for it, where `[ \t]` is tried at every space of the prose (an eighth of
# the time); a CR is looked for only in a text that has one.
_SPACE_LF = re.compile(r"\n(?<=[ \t]\n)")
_SPACE_CR = re.compile(r"\r(?<=[ \t]\r)")


def _has_trailing(text: str, start: int) -> bool:
    """Whether `_TRAILING.search(text, start)` finds a space or tab before a line break or at the
    end of `text`."""
    return (
        _SPACE_LF.search(text, start + 1) is not None
        or ("\r" in text and _SPACE_CR.search(text, start + 1) is not None)
        or (len(text) - 1 >= start and text[-1] in " \t")
    )


@dataclass(frozen=True)
class Options:
    """Options of the rule (its `[rules.trailing-whitespace]` table)."""

    strict: bool = False


class TrailingWhitespace(Rule):
    code = "BD002"
    name = "trailing-whitespace"
    severity = Severity.INFO
    messages = {
        "trailing": "trailing whitespace ({what})",
        "no-break": "two trailing spaces but no line of the same text follows for them to break",
        "break": "trailing whitespace ({what}) where two spaces make the line break",
    }
    Options = Options

    def __init__(self) -> None:
        self.verbatim = Verbatim()
        self.inline: _InlineText | None = None  # made for the first possible hard break

    def on_document_start(self, ctx: Context, document: Document) -> None:
        self.verbatim.add_shortcodes(document)

    def on_code(self, ctx: Context, code: Code) -> None:
        self.verbatim.add_node(code)

    def on_html(self, ctx: Context, node: Html) -> None:
        self.verbatim.add_node(node)

    def on_document_end(self, ctx: Context, document: Document) -> None:
        # Lines are looked at only when the body has a space or tab before a line break at all
        # (one regex pass); most articles have none, and then no line object is made.
        if not _has_trailing(document.text, document.body_start):
            return
        for line in document.iter_lines():
            self._check(ctx, line)

    def _check(self, ctx: Context, line: Line) -> None:
        document = ctx.document
        if line.in_front_matter or line.span.start < document.body_start:
            return
        text = line.text
        stripped = text.rstrip(" \t")
        if len(stripped) == len(text):
            return
        start = line.span.start + len(stripped)
        if self.verbatim.covers(start):
            return
        tail = text[len(stripped) :]
        following = line.number + 1
        continues = following <= document.lines.line_count and not is_blank(
            _text_of(document, following)
        )
        if continues and stripped and tail.endswith("  "):
            if self.inline is None:
                self.inline = _InlineText(document)
            continues = self.inline.breaks(start, document.lines.line_span(following).start)
        if stripped and continues and tail.endswith("  "):
            # Two or more spaces before a line that goes on are a hard break: keep exactly two.
            if tail == "  ":
                return
            span = Span(start, line.span.end - 2)
            fix = Fix.safe("Keep two spaces (the line break)", Edit.delete(span))
            ctx.report(Span(start, line.span.end), "break", fix=fix, what=_describe(tail))
            return
        if tail == "  " and stripped and not ctx.options.strict:
            return
        span = Span(start, line.span.end)
        fix = Fix.safe("Remove trailing whitespace", Edit.delete(span))
        message = "no-break" if tail == "  " and stripped else "trailing"
        ctx.report(span, message, fix=fix, what=_describe(tail))


class _InlineText:
    """Where the body's inline text runs, to tell a hard line break from spaces that only end a
    block: two spaces break a line only when the paragraph's (or heading's, or tight list
    item's) text goes on on the next line, not at the end of a table row, of an ATX heading or
    of a paragraph that a list, a heading or a fence interrupts."""

    def __init__(self, document: Document) -> None:
        self.texts: list[tuple[int, int]] = []
        self.blocks: list[tuple[int, int, bool]] = []  # (start, end, is a heading)
        for node in document.body_nodes:
            if isinstance(node, Text):
                self.texts.append((node.span.start, node.span.end))
            elif isinstance(node, (Paragraph, Heading)):
                self.blocks.append((node.span.start, node.span.end, isinstance(node, Heading)))
        self.text_starts = [start for start, _ in self.texts]
        self.block_starts = [start for start, _, _ in self.blocks]
        self.document = document

    def breaks(self, spaces: int, next_line: int) -> bool:
        """Whether the spaces from `spaces` to the end of their line make a hard line break."""
        index = bisect_right(self.text_starts, spaces) - 1
        if index >= 0 and spaces < self.texts[index][1]:
            # The parser puts a line break into the text run only when the text goes on.
            return self.texts[index][1] >= next_line
        index = bisect_right(self.block_starts, spaces) - 1
        if index >= 0 and spaces < self.blocks[index][1]:
            start, end, heading = self.blocks[index]
            if heading:  # a setext heading's text ends at the line break before its underline
                text = self.document.text
                while end > start and text[end - 1] in "\r\n":
                    end -= 1
                end = text.rfind("\n", start, end) + 1
            return next_line < end
        # Spaces outside any paragraph or heading: a table row (`| a |  `), the end of a tight
        # list item, or a line break in a tight list item after inline markup (`- **a**  `),
        # where no text run goes on across the break for the parser to tell. A break unless
        # the next line starts an item of the same list or an outer one.
        text = self.document.text
        if text[spaces - 1 : spaces] not in _MARKUP_END:
            return False
        following = _MARKER_LINE.match(text, next_line)
        if following is None:
            return True
        here = _MARKER_LINE.match(text, text.rfind("\n", 0, spaces) + 1)
        indent = len(following.group(1))
        return not (indent == 0 or (here is not None and indent <= len(here.group(1))))


# What ends inline markup that a hard break can follow: emphasis, code, a link or image, a tag.
_MARKUP_END = frozenset("*_`~)]>")
# A line that opens a list item: its quote markers, the indent before the marker (group 1).
# Atomic quote markers: see `_QUOTED_LIST_MARKER` in `_body.py` (no exponential backtracking).
_MARKER_LINE = re.compile(
    r"(?>[ \t]{0,3}>[ \t]?)*([ \t]*)(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]|$)", re.M
)


def _text_of(document: Document, number: int) -> str:
    span = document.lines.line_span(number)
    return document.text[span.start : span.end]


def _describe(tail: str) -> str:
    spaces, tabs = tail.count(" "), tail.count("\t")
    parts = []
    if spaces:
        parts.append(f"{spaces} space" + ("s" if spaces > 1 else ""))
    if tabs:
        parts.append(f"{tabs} tab" + ("s" if tabs > 1 else ""))
    return ", ".join(parts)
