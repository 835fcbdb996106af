"""The text holds U+FFFD REPLACEMENT CHARACTER.

## What it does
Reports each run of `�` (U+FFFD) written in the file. A decoder puts this character where it met
bytes it could not read, so the character that stood there is gone. Bytes in this file that are not
UTF-8 are `invalid-utf8`'s business (newslint shows each as U+FFFD too, but the bytes are still
there and can be transcoded); this rule reports only the replacement characters that are really in
the text.

## Why is this bad?
Readers see `�` in the middle of a word or a name, and nothing can bring the lost character back
except the original source.

## Example
    The mayor of Mal�ga said

## Use instead
    The mayor of Málaga said
"""

from __future__ import annotations

import re

from newslint import Rule, Severity, Span
from newslint.document import Document
from newslint.rule import Context

_RUN = re.compile("\ufffd+")


class ReplacementChar(Rule):
    code = "EN002"
    name = "replacement-char"
    severity = Severity.ERROR
    messages = {
        "one": "replacement character U+FFFD: the original character is lost",
        "run": "{count} replacement characters U+FFFD: the original text is lost",
    }

    def on_document_start(self, ctx: Context, document: Document) -> None:
        text = document.text
        if "\ufffd" not in text:
            return
        invalid = {i for run in document.invalid_bytes for i in range(run.span.start, run.span.end)}
        for match in _RUN.finditer(text):
            start = match.start()
            while start < match.end():
                # Split the run around the positions that stand for undecodable bytes.
                if start in invalid:
                    start += 1
                    continue
                end = start
                while end < match.end() and end not in invalid:
                    end += 1
                count = end - start
                span = Span(start, end)
                if count == 1:
                    ctx.report(span, "one")
                else:
                    ctx.report(span, "run", count=count)
                start = end
