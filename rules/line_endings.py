"""Lines end in CR LF or a lone CR.

## What it does
Reports a file whose line endings are not all LF: Windows endings (CR LF) or old Mac endings (a
lone CR, which CommonMark takes as a line break, and Hugo only in the front matter: its Markdown
renderer does not, so in the body the lines, and the paragraphs, that lone CRs separate run
together into one paragraph; checked with hugo 0.168). It reports once per file, at the first
such line ending (the column of its CR, after the line's text), and counts the others.

## Why is this bad?
Mixed endings make every diff noisy, a lone CR joins lines in many tools (`grep`, `wc -l`, Git's
diff), and a CR left inside a front-matter value or a Markdown table cell becomes part of the text.

## Example
    title: "Budget passes"\\r\\n

## Use instead
    title: "Budget passes"\\n

## Fix safety
Safe: every CR LF becomes LF and every lone CR becomes LF; the line breaks stay where they are. In
the body Hugo then breaks the lines and paragraphs where the writer did, which it did not before.
"""

from __future__ import annotations

import re

from newslint import Edit, Fix, Rule, Severity, Span
from newslint.document import Document
from newslint.rule import Context

from ._encoding import foreign_encoding

_CR = re.compile(r"\r(\n?)")


class LineEndings(Rule):
    code = "EN007"
    name = "line-endings"
    severity = Severity.WARNING
    messages = {
        "crlf": "line ends in CR LF, not LF ({count} in this file)",
        "cr": "line ends in a lone CR, not LF ({count} in this file): Hugo's Markdown does not "
        "end the line there",
    }

    def on_document_start(self, ctx: Context, document: Document) -> None:
        text = document.text
        if "\r" not in text or foreign_encoding(document.raw) is not None:
            return  # a UTF-16 file's breaks are not lines yet: `invalid-utf8` reports the file
        edits = []
        for match in _CR.finditer(text):
            if match.group(1):
                edits.append(Edit.delete(Span(match.start(), match.start() + 1)))
            else:
                edits.append(Edit.replace(Span(match.start(), match.start() + 1), "\n"))
        first = edits[0]
        kind = "cr" if first.content else "crlf"
        fix = Fix.safe("Convert line endings to LF", *edits)
        ctx.report(
            Span(first.start, first.start + 1 + (kind == "crlf")), kind, fix=fix, count=len(edits)
        )
