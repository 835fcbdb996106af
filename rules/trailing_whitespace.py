"""Spaces or tabs at the end of a line.

## What it does
Reports spaces and tabs at the end of a line of the body, and lines of the body that hold nothing
but spaces and tabs. Exactly two spaces after text are allowed at the end of any line, as in
markdownlint: before a line that continues the text they are a Markdown hard line break, and an
author who writes hard breaks this way types them at the end of a paragraph too. With
`strict = true`, two spaces where no line follows to break to (before a blank line or at the end
of the file) are reported as well, since they do nothing.

Lines of code blocks, code spans, raw HTML blocks and the bodies of `{{< >}}` shortcodes (such as
`highlight`) are skipped: there the spaces are content (a Markdown sample may show a hard break). The front matter is skipped too: in a YAML block scalar
trailing spaces are part of the value.

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
from dataclasses import dataclass

from newslint import Edit, Fix, Rule, Severity, Span
from newslint.document import Document
from newslint.events import Code, Html, Line
from newslint.rule import Context

from ._body import Verbatim, is_blank

# A space or tab at the end of a line (or of the text).
_TRAILING = re.compile(r"[ \t](?:\r|\n|\Z)")


@dataclass(frozen=True)
class Options:
    strict: bool = False


class TrailingWhitespace(Rule):
    code = "BD002"
    name = "trailing-whitespace"
    severity = Severity.INFO
    messages = {
        "trailing": "trailing whitespace ({what})",
        "no-break": "two trailing spaces but no line follows for them to break",
        "break": "trailing whitespace ({what}) where two spaces make the line break",
    }
    Options = Options

    def __init__(self) -> None:
        self.verbatim = Verbatim()

    def on_document_start(self, ctx: Context, document: Document) -> None:
        self.verbatim.add_shortcodes(document)

    def on_code(self, ctx: Context, code: Code) -> None:
        self.verbatim.add_node(code)

    def on_html(self, ctx: Context, node: Html) -> None:
        self.verbatim.add_node(node)

    def on_document_end(self, ctx: Context, document: Document) -> None:
        # Lines are looked at only when the body has a space or tab before a line break at all
        # (one regex pass); most articles have none, and then no line object is made.
        if _TRAILING.search(document.text, document.body_start) is None:
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
