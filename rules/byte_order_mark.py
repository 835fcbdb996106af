"""The file starts with a UTF-8 byte order mark.

## What it does
Reports the byte order mark (the bytes EF BB BF, U+FEFF) at the start of a file. A U+FEFF anywhere
else is `invisible-char`'s business.

## Why is this bad?
UTF-8 has no byte order; the mark is an invisible character that some tools (older Hugo versions,
shell scripts, `grep '^---'`, other front-matter parsers) take as text, so they miss the front
matter that follows it.

## Example
    \\ufeff---
    title: "Budget passes"

## Use instead
    ---
    title: "Budget passes"

## Fix safety
Safe: the mark is removed; it carries no text.
"""

from __future__ import annotations

from newslint import Edit, Fix, Rule, Severity, Span
from newslint.document import BOM, Document
from newslint.rule import Context


class ByteOrderMark(Rule):
    code = "EN006"
    name = "byte-order-mark"
    severity = Severity.WARNING
    messages = {"bom": "file starts with a UTF-8 byte order mark"}

    def on_document_start(self, ctx: Context, document: Document) -> None:
        if document.text.startswith(BOM):
            span = Span(0, 1)
            ctx.report(span, "bom", fix=Fix.safe("Remove the byte order mark", Edit.delete(span)))
