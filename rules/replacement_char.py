"""The text holds U+FFFD REPLACEMENT CHARACTER.

## What it does
Reports each run of `�` (U+FFFD) written in the file. A decoder puts this character where it met
bytes it could not read, so the character that stood there is gone. Bytes in this file that are not
UTF-8 are `invalid-utf8`'s business (newslint shows each as U+FFFD too, but the bytes are still
there and can be transcoded); this rule reports only the replacement characters that are really in
the text. A front-matter string that writes them as escapes (`"Mal\\ufffdga"`, which Python's
`json.dumps` writes for `Mal�ga`) holds them all the same: reported there too, and in a key or a
string nested in a list or map.

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
from newslint.events import Field
from newslint.rule import Context

from ._text import escaped_matches, front_matter_escapes, nested_escaped

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
                self._report(ctx, Span(start, end), end - start)
                start = end

    @classmethod
    def field_keys(cls, ctx: Context) -> frozenset[str] | None:
        # `on_field` returns at once for every field when the front matter writes no escape.
        return None if front_matter_escapes(ctx.document) else frozenset()

    def on_field(self, ctx: Context, field: Field) -> None:
        text = ctx.document.text
        if not front_matter_escapes(ctx.document):
            return
        for span, _, runs in nested_escaped(text, field, _RUN):
            self._report(ctx, span, sum(len(run) for run in runs))
        found = escaped_matches(text, field, _RUN)
        if found is None:
            return
        edited, matches = found
        placed: set[Span] = set()
        for match in matches:
            if edited.mapping is None:
                # Runs placed by the value's whole span (no character map) are reported once.
                where = edited.span(match.start(), match.end())
                if where not in placed:
                    placed.add(where)
                    self._report(ctx, where, len(match.group(0)))
                continue
            # A run may mix escapes and characters written as they are, which the scan of the
            # text reports: report the escaped stretches only.
            escaped = [
                index
                for index in range(match.start(), match.end())
                if text[edited.mapping.starts[index] : edited.mapping.ends[index]] != "\ufffd"
            ]
            while escaped:
                end = 1
                while end < len(escaped) and escaped[end] == escaped[0] + end:
                    end += 1
                self._report(ctx, edited.span(escaped[0], escaped[0] + end), end)
                escaped = escaped[end:]

    def _report(self, ctx: Context, span: Span, count: int) -> None:
        if count == 1:
            ctx.report(span, "one")
        else:
            ctx.report(span, "run", count=count)
