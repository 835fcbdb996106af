"""More than one blank line in a row.

## What it does
Reports a run of two or more blank lines (empty, or holding only spaces and tabs) in the body,
including at its start and end. Blank lines inside code blocks, raw HTML blocks (a `<pre>`) and the
bodies of `{{< >}}` shortcodes (such as `highlight`) are content and are skipped; the front matter
is not looked at.

## Why is this bad?
Markdown renders one blank line and ten the same way, so the extra ones only make the source
harder to read and diffs noisier; in scraped articles they mark where page furniture was removed.

## Example
    The vote passed on Tuesday.



    Talks went on for a week.

## Use instead
    The vote passed on Tuesday.

    Talks went on for a week.

## Fix safety
Safe: the extra blank lines are removed and one is kept, which renders the same.
"""

from __future__ import annotations

import re

from newslint import Edit, Fix, Rule, Severity, Span
from newslint.document import Document
from newslint.events import Code, Html, Line
from newslint.rule import Context

from ._body import Verbatim, is_blank

_BREAK = r"(?:\r\n|\n|\r)"
_TWO_BLANK_LINES = re.compile(rf"(?:\A|{_BREAK})[ \t]*{_BREAK}[ \t]*(?:{_BREAK}|\Z)")
# The same for text without CR, starting with a literal the regex engine can scan for (30 x faster).
_TWO_BLANK_LINES_LF = re.compile(r"\n[ \t]*\n[ \t]*(?:\n|\Z)")


class BlankLines(Rule):
    code = "BD003"
    name = "blank-lines"
    severity = Severity.INFO
    messages = {"blank": "{count} blank lines in a row"}

    def __init__(self) -> None:
        self.verbatim = Verbatim()
        self.run: list[Line] = []

    def on_document_start(self, ctx: Context, document: Document) -> None:
        self.verbatim.add_shortcodes(document)

    def on_code(self, ctx: Context, code: Code) -> None:
        self.verbatim.add_node(code)

    def on_html(self, ctx: Context, node: Html) -> None:
        self.verbatim.add_node(node)

    def on_document_end(self, ctx: Context, document: Document) -> None:
        # Lines are looked at only when the body has two blank lines in a row at all (one regex
        # pass, which may also match one CRLF blank line); most articles have none.
        body = document.text[document.body_start :]
        if "\r" in body:
            if _TWO_BLANK_LINES.search(body) is None:
                return
        elif _TWO_BLANK_LINES_LF.search("\n" + body) is None:  # the body starts a line
            return
        for line in document.iter_lines():
            self._check(ctx, line)
        self._flush(ctx)

    def _check(self, ctx: Context, line: Line) -> None:
        if (
            not line.in_front_matter
            and line.span.start >= ctx.document.body_start
            and is_blank(line.text)
            and not self.verbatim.covers(line.span.start)
        ):
            self.run.append(line)
            return
        self._flush(ctx)

    def _flush(self, ctx: Context) -> None:
        run, self.run = self.run, []
        if len(run) < 2:
            return
        extra = Span(run[1].span.start, run[-1].span.end + len(run[-1].ending))
        fix = Fix.safe("Remove the extra blank lines", Edit.delete(extra))
        ctx.report(Span(run[1].span.start, run[-1].span.end), "blank", fix=fix, count=len(run))
