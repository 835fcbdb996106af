"""Bold markers `**` that Markdown shows as they are.

## What it does
Reports a `**` in the prose of the body that Markdown did not turn into bold, so readers see the
two asterisks. By the CommonMark rules Hugo's Goldmark follows, `**` closes bold only when it
follows text directly, and when it follows punctuation, only before a space or punctuation:

- `**The future of the project **looks bright`: a space before the closing `**`;
- `**City -**The mayor`: the closing `**` follows punctuation and a letter follows it, as
  when a dateline was glued to the text;
- `**重要提示 **。`, `微信号：** name **`: a space before the closing `**`, whatever follows it
  (a letter, punctuation or the line end), as editors that pad bold text with spaces write it.

The closing marker is reported, when an opening `**` that Markdown left as text comes before it
in the same paragraph; or when a blank line split the bold, the closing `**` opening the next
paragraph with a space or the line end after it (`**Partnership with the foundation` / a line of
blanks / `**`, as WordPress exports a bold line that ended in a line break): Markdown shows both
markers, each in its own paragraph. ` ** ` between spaces (an exponent, `2 ** 8`) is no marker,
and a run of three or more asterisks is never taken for such an unclosed marker (how it splits
into bold and italic is too fine a rule to guess).

It also reports a marker whose two sides have different lengths, so that Markdown pairs part of
it and shows the rest: `*Not investment advice.**` shows a `*` after the italic text, and
`**Note*` (or `***Note**`) one before it. The `*` that shows is the one reported (the second of
the closing `**`, the first of the opening one).

Escaped markers (`\\*\\*`), code spans and blocks, raw HTML, the arguments of a shortcode call
and the bodies of `{{< >}}` shortcodes are not prose and are not looked at.

## Why is this bad?
The article shows `**City -**The` with its asterisks instead of a bold dateline; a converter
or an editor that put the space on the wrong side of the marker is the usual cause, and the
preview in many editors (which are more lenient) hides it.

## Example
    **City -**The mayor opened the bridge.
    **The future of the project **looks bright.
    *Not investment advice.**

## Use instead
    **City -** The mayor opened the bridge.
    **The future of the project** looks bright.
    *Not investment advice.*
"""

from __future__ import annotations

import re
from bisect import bisect_left

from newslint import Rule, Severity, Span
from newslint.events import Text
from newslint.rule import Context

from ._body import Regions, is_escaped, shortcode_regions

# A blank line ends a paragraph: two line breaks with at most blanks between, whatever the file's
# line endings (`\r\n\r\n` in a CRLF article, `\n \n` with a stray space).
_BLANK_LINE = re.compile(r"(?>\r\n|\r|\n)[ \t]*(?>\r\n|\r|\n)")


class EmphasisUnclosed(Rule):
    code = "BD008"
    name = "emphasis-unclosed"
    severity = Severity.WARNING
    messages = {
        "literal": "bold marker '**' is shown as it is and closes nothing: {why}",
        "leftover": "one '*' of this marker is shown as it is: the {side} marker is longer than "
        "its pair",
    }

    def __init__(self) -> None:
        self.skipped: Regions | None = None  # computed on the first `**`
        self.opened = -1  # where the last `**` that Markdown left as text is
        # Where the document's blank lines start and end, found on first use: looked up for
        # each marker, rather than searching again from `opened` (quadratic when many `2 ** 8`
        # markers, which leave `opened` where it is, follow a long paragraph).
        self.blank_lines: tuple[list[int], list[int]] | None = None

    def on_text(self, ctx: Context, text: Text) -> None:
        shown = text.text
        if shown[:1] == "*" or shown[-1:] == "*":
            self._leftover(ctx, text)
        if "*" not in shown or "**" not in shown:  # `*` first: looked for by memchr
            return
        document = ctx.document.text
        if self.skipped is None:
            self.skipped = shortcode_regions(ctx.document)
        position = text.span.start
        while True:
            start = document.find("**", position, text.span.end)
            if start < 0:
                return
            end = start + 2
            while end < len(document) and document[end] == "*":
                end += 1  # `***` is one run of markers
            position = end
            if end - start != 2 or is_escaped(document, start) or self.skipped.covers(start):
                continue  # `***` and longer runs pair up by rules too fine to guess here
            before = document[start - 1] if start > 0 else " "
            after = document[end] if end < len(document) else "\n"
            opened = self.opened
            if opened >= 0 and self._blank_line_between(document, opened, start):
                opened = -1  # its pair would be in another paragraph
            if (
                opened < 0 <= self.opened
                and after.isspace()
                and self._opens_next_paragraph(document, self.opened, start)
            ):
                # `**Title` / blank line / `**`: the bold was split, neither marker can pair.
                ctx.report(
                    Span(start, end), "literal", why="a blank line between it and the opening '**'"
                )
                continue
            # A space before and a line end after: the closing marker of `**Note **` at the end
            # of a line (when an opening one is open), else a marker between spaces, `2 ** 8`.
            line_end = after in "\r\n" and opened >= 0
            if before.isspace() and after.isspace() and not line_end:
                continue  # `2 ** 8`: no marker at all
            self.opened = start
            if opened < 0:
                continue  # an opening marker, or one whose pair is not in this paragraph
            if before.isspace() and not after.isalnum():
                # `**重要提示 **。`, `**Note **.`: a space before the marker keeps it from closing
                # whatever follows; punctuation and line ends are reported here, letters below.
                gap = "a line break" if before in "\r\n" else "a space"
                ctx.report(Span(start, end), "literal", why=f"{gap} before the closing '**'")
                self.opened = -1  # the pair is complete: the next `**` opens another
                continue
            if not after.isalnum():
                continue  # a closing marker Markdown honours (it follows a letter)
            if before.isspace():
                # A line break is white space to Markdown as much as a space is.
                gap = "a line break" if before in "\r\n" else "a space"
                ctx.report(Span(start, end), "literal", why=f"{gap} before the closing '**'")
                self.opened = -1
            elif not before.isalnum():
                ctx.report(
                    Span(start, end),
                    "literal",
                    why=f"{before!r} and a letter around the closing '**'",
                )
                self.opened = -1

    def _blank_line_between(self, document: str, opened: int, start: int) -> bool:
        """Whether a blank line lies between the markers at `opened` and `start`: as searching
        `_BLANK_LINE` there, since no match runs over the `*` at either end."""
        if self.blank_lines is None:
            found = [match.span() for match in _BLANK_LINE.finditer(document)]
            self.blank_lines = ([s for s, _ in found], [e for _, e in found])
        starts, ends = self.blank_lines
        index = bisect_left(starts, opened)
        return index < len(starts) and ends[index] <= start

    def _opens_next_paragraph(self, document: str, opened: int, start: int) -> bool:
        """Whether the marker at `start` is the first thing of the paragraph right after the one
        holding the marker at `opened` (one run of blank lines between them)."""
        if self.blank_lines is None:
            self._blank_line_between(document, opened, start)  # finds the blank lines
        assert self.blank_lines is not None
        starts, ends = self.blank_lines
        index = bisect_left(ends, start + 1) - 1  # the last run of blank lines before the marker
        if index < 0 or starts[index] < opened or document[ends[index] : start].strip():
            return False
        return index == 0 or ends[index - 1] <= opened

    def _leftover(self, ctx: Context, text: Text) -> None:
        """A single `*` shown next to a marker Markdown honoured: the rest of a run it split, as in
        `*text.**` (the closing side is longer) or `**text*` (the opening side is)."""
        document = ctx.document.text
        start, end = text.span.start, text.span.end
        # The run's other asterisks are just outside the text, so the shown one is its remainder.
        shown = text.text
        if shown[:1] == "*" and shown[:2] != "**" and start > 0 and document[start - 1] == "*":
            at, side = start, "closing"
        elif (
            shown[-1:] == "*"
            and shown[-2:] != "**"
            and end < len(document)
            and document[end] == "*"
        ):
            at, side = end - 1, "opening"
        else:
            return
        if is_escaped(document, at):
            return  # `\**a*`: the author wrote the star on purpose
        if self.skipped is None:
            self.skipped = shortcode_regions(ctx.document)
        if not self.skipped.covers(at):
            ctx.report(Span(at, at + 1), "leftover", side=side)
