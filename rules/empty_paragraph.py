"""A paragraph that holds only whitespace.

## What it does
Reports a Markdown paragraph whose text is nothing but non-breaking spaces, other Unicode spaces
(U+3000 IDEOGRAPHIC SPACE, U+2003 EM SPACE, ...), zero-width characters or their HTML entities
(`&nbsp;`, `&#160;`). Markdown treats a line of such characters as text, not as a blank line, so
such a line written between two lines of text (where a blank line was meant) joins them into one
paragraph; that line is reported too. So are a paragraph of emphasis around such characters
(`**&nbsp;**`, rendered `<p><strong> </strong></p>`) and a `<p>` element of them alone on its line
of an HTML block (`<p>&nbsp;</p>`, an empty paragraph on a site that renders raw HTML and raw HTML
left out on one that does not). The item of a tight list (one without blank lines between
its items, whose text is no paragraph) that holds only such characters is reported as well.

## Why is this bad?
Hugo renders it as `<p>&nbsp;</p>`: an unexplained gap between paragraphs, or `<li>&nbsp;</li>`:
an empty bullet. Scraped articles are full of them, and a mis-decoded `Â ` becomes one once
`mojibake` has repaired it.

## Example
    The vote passed on Tuesday.

    \\u00a0

    Talks went on for a week.

## Use instead
    The vote passed on Tuesday.

    Talks went on for a week.

## Fix safety
Safe: the paragraph is removed with one of the blank lines around it, so the paragraphs before and
after stay separated by exactly one blank line. Inside a quote or a list item only the characters
go, but a list item (loose or tight) or a quote that holds nothing else goes whole with its marker,
which alone would render as an empty bullet or quote; when a whole tight list goes, the blank lines
around it meet, and `blank-lines` joins them. When the item goes on after a blank line, its next
block moves up onto the marker's line, so that it stays in the item. A whitespace line inside a
paragraph becomes the blank line it stood for, which splits the paragraph where the source had a
paragraph break (at the paragraph's first or last line it is just removed).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from newslint import Edit, Fix, Rule, Severity, Span
from newslint.events import Html, Paragraph, Text
from newslint.rule import Context

from ._body import delete_block, unescape_references
from ._encoding import ZERO_WIDTH

# What stands before the text of a tight list item on its line: quotes and list markers. Both
# groups are atomic (the spaces after one marker are never re-read as the indent of the next):
# see `_QUOTED_LIST_MARKER` in `_body.py`.
_ITEM_PREFIX = re.compile(r"(?>[ \t]{0,3}>[ \t]?)*(?>[ \t]{0,3}(?:[-*+]|[0-9]{1,9}[.)])[ \t]+)+")


# A whole `<p>` element on one line, with what it holds (group 1).
_EMPTY_P = re.compile(r"<[pP](?:[ \t][^<>]*)?>([^<>]*)</[pP][ \t]*>[ \t]*")
# Emphasis and strikethrough markers.
_MARKS = str.maketrans("", "", "*_~")


def _empty_emphasis(paragraph: Paragraph) -> bool:
    """A paragraph of emphasis around whitespace (`**&nbsp;**`), which Hugo renders as
    `<p><strong> </strong></p>`; markers the parser left as text (`_ _`) are in the plain text."""
    source = paragraph.text
    return (
        source[:1] in ("*", "_", "~")
        and _visibly_empty(paragraph.plain)
        and _visibly_empty(source.translate(_MARKS))
    )


def _visibly_empty(source: str, decode: Callable[[str], str] = unescape_references) -> bool:
    text = decode(source) if "&" in source else source
    return all(c.isspace() or c in ZERO_WIDTH for c in text)


def _what(source: str) -> str:
    source = source.strip(" \t\r\n")
    if "&" in source or not source:
        return repr(source[:20])
    return ", ".join(sorted({f"U+{ord(c):04X}" for c in source})[:3])


class EmptyParagraph(Rule):
    code = "BD001"
    name = "empty-paragraph"
    severity = Severity.WARNING
    messages = {
        "empty": "paragraph holds only whitespace ({what})",
        "line": "line of only whitespace ({what}) inside a paragraph",
        "item": "list item holds only whitespace ({what})",
    }

    # Where the last paragraph ended: the text runs before it are its own, not a tight item's.
    _paragraph_end = -1

    def on_paragraph(self, ctx: Context, paragraph: Paragraph) -> None:
        self._paragraph_end = paragraph.span.end
        # The source, not the plain text: a paragraph of an image or a tag has no plain text either.
        if _visibly_empty(paragraph.text) or _empty_emphasis(paragraph):
            fix = Fix.safe("Remove the empty paragraph", delete_block(ctx.document, paragraph.span))
            ctx.report(paragraph.span, "empty", fix=fix, what=_what(paragraph.text))
            return
        if "\n" not in paragraph.text.rstrip("\r\n"):
            return
        self._empty_lines(ctx, paragraph)

    def on_html(self, ctx: Context, node: Html) -> None:
        """`<p>&nbsp;</p>` alone on its line of an HTML block: an empty paragraph too."""
        if node.inline or node.text[:2] not in ("<p", "<P"):
            return  # the common case, decided on two characters
        match = _EMPTY_P.fullmatch(node.text.rstrip("\r\n"))
        # A browser decodes the HTML: also `&nbsp` without its semicolon, which Markdown keeps.
        if match is None or not _visibly_empty(match.group(1), html.unescape):
            return
        fix = Fix.safe("Remove the empty paragraph", delete_block(ctx.document, node.span))
        ctx.report(node.span, "empty", fix=fix, what=_what(node.text))

    def on_text(self, ctx: Context, text: Text) -> None:
        """The text of a tight list item, which is in no paragraph: reported when it is all the
        item's first line holds after its marker and only whitespace."""
        first = text.text[:1]
        if not first or not (first.isspace() or first == "&" or first in ZERO_WIDTH):
            return  # the common case, decided on one character
        if text.span.start < self._paragraph_end or text.in_heading or text.in_link:
            return
        if "\n" in text.text or "\r" in text.text or not _visibly_empty(text.text):
            return
        document = ctx.document
        line = document.lines.line_span(document.position(text.span.start).line)
        before = document.text[line.start : text.span.start]
        if _ITEM_PREFIX.fullmatch(before) is None or document.text[text.span.end : line.end].strip(
            " \t"
        ):
            return
        fix = Fix.safe("Remove the empty list item", delete_block(document, text.span))
        ctx.report(text.span, "item", fix=fix, what=_what(text.text))

    def _empty_lines(self, ctx: Context, paragraph: Paragraph) -> None:
        """Lines of only whitespace that Markdown reads as part of the paragraph around them."""
        document = ctx.document
        lines = document.lines
        first = document.position(paragraph.span.start).line
        last = document.position(max(paragraph.span.start, paragraph.span.end - 1)).line
        for number in range(first, last + 1):
            span = lines.line_span(number)
            if number == first and span.start != paragraph.span.start:
                continue  # the paragraph shares its first line with a container marker
            content = document.text[span.start : span.end]
            if not content.strip(" \t") or not _visibly_empty(content):
                continue
            if number == first:
                edit = Edit.delete(Span(span.start, lines.line_span(number + 1).start))
                title = "Remove the line"
            elif number == last:
                edit = Edit.delete(Span(lines.line_span(number - 1).end, span.end))
                title = "Remove the line"
            else:
                edit = Edit.delete(span)
                title = "Make it a blank line (a paragraph break)"
            ctx.report(span, "line", fix=Fix.safe(title, edit), what=_what(content))
