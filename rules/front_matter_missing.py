"""File has no front matter.

## What it does
Flags an article that does not start with a front-matter block (`---` YAML, `+++` TOML or a JSON
object), after an optional byte-order mark.

## Why is this bad?
Hugo builds such a file as a page without a title or date: it sorts at year 1, has no summary, and
cannot be categorised. For a news site it is almost always a scraper or export accident.

## Example
    # Budget passes
    The budget passed on Tuesday.

## Use instead
    ---
    title: "Budget passes"
    date: 2025-02-08T09:55:35+08:00
    ---
    The budget passed on Tuesday.
"""

from __future__ import annotations

from newslint import Rule, Severity
from newslint.document import Document
from newslint.rule import Context
from newslint.spans import Span


class FrontMatterMissing(Rule):
    code = "FM001"
    name = "front-matter-missing"
    severity = Severity.ERROR
    messages = {"missing": "file has no front matter"}

    def on_document_start(self, ctx: Context, document: Document) -> None:
        if not document.has_front_matter:
            first_line = document.lines.line_span(1)
            ctx.report(Span(first_line.start, first_line.start), "missing")
