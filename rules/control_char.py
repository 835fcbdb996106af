"""C0 or C1 control characters.

## What it does
Reports control characters anywhere in the file: the C0 controls (U+0000-U+001F) other than tab,
line feed and carriage return (line endings are `line-endings`' business), DEL (U+007F) and the C1
controls (U+0080-U+009F). A terminal colour code (`ESC [ 31 m`) is reported as one sequence. C1
characters that are part of mis-decoded text (`ï¸\\x8f`, or a Windows-1252 `’` read as Latin-1) are
left to `mojibake`, which restores the character they stand for instead of deleting it. A
front-matter string that writes them as escapes (`"vote\\u0007"` in JSON, `"\\a"` in a double-quoted
YAML string) holds them all the same: reported there too, and in a key or a string nested in a list
or map (there without a fix). The NULs of a UTF-16 file are left to `invalid-utf8`, which reports
the file's encoding once.

## Why is this bad?
They are invisible or shown as boxes, and feeds and sitemaps with them are invalid XML. In front
matter TOML and JSON refuse them written as they are (the build fails); Hugo's YAML reader takes
them into the value (checked with hugo 0.168), Python's refuses them, so newslint cannot check a
YAML front matter that holds one (`front-matter-syntax`).

## Example
    The vote\\x07 passed.   (a BEL character after "vote")

## Use instead
    The vote passed.

## Fix safety
Safe: the characters (or the whole terminal escape sequence) are removed; they carry no text. Inside
front matter that does not parse, the engine applies the fix only when it is what makes the front
matter parse (newslint's YAML reader refuses control characters); otherwise it is held back until
the front matter parses. Not fixed when removing it would write a key that is already there
(`tit\x0cle:` next to `title:`): Hugo reads the two as different keys today, and refuses the page
once they are the same.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from newslint import Edit, Fix, Rule, Severity, Span
from newslint.document import Document
from newslint.events import Field
from newslint.rule import Context

from ._encoding import find_double_byte_mojibake, find_mojibake, foreign_encoding
from ._text import escaped_matches, front_matter_escapes, nested_escaped

# Runs of controls; an ANSI escape sequence (ESC [ params letter) is taken whole.
_CONTROLS = re.compile(r"(?:\x1b\[[0-9;?]{0,32}[A-Za-z]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f])+")
_C1 = re.compile(r"[\x80-\x9f]")
# Every `_CONTROLS` match starts with one of these (ESC is among them).
_CONTROL_CHAR = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# The ones an ASCII text can hold: `str.__contains__` finds each with memchr, several times faster
# than the regex's step per character (most articles are ASCII; others take the regex).
_ASCII_CONTROL_CHARS = tuple(chr(code) for code in range(0x80) if _CONTROL_CHAR.match(chr(code)))


def has_control_char(text: str) -> bool:
    """Whether `_CONTROL_CHAR` occurs in `text`."""
    if text.isascii():
        # `map` over the bound `__contains__`: the same scans, without a Python generator step
        # per control character (29 of them, on every ASCII article).
        return any(map(text.__contains__, _ASCII_CONTROL_CHARS))
    return _CONTROL_CHAR.search(text) is not None


class ControlChar(Rule):
    code = "EN004"
    name = "control-char"
    severity = Severity.ERROR
    messages = {
        "control": "control character {names}",
        "escape": "terminal escape sequence {text!r}",
    }

    def on_document_start(self, ctx: Context, document: Document) -> None:
        text = document.text
        if not has_control_char(text):
            return  # one character class scans much faster than `_CONTROLS`
        if foreign_encoding(document.raw) is not None:
            return  # UTF-16's NULs: `invalid-utf8` reports the file once
        matches = list(_CONTROLS.finditer(text))
        if not matches:
            return
        repaired: list[Span] = []
        if any(_C1.search(m.group(0)) for m in matches):
            found = find_mojibake(text) + find_double_byte_mojibake(text)
            # Merged: a line read back whole (Czech in Windows-1250) holds ftfy's pieces.
            for span in sorted((f.span for f in found), key=lambda span: span.start):
                if repaired and span.start < repaired[-1].end:
                    repaired[-1] = Span(repaired[-1].start, max(repaired[-1].end, span.end))
                else:
                    repaired.append(span)
        starts = [span.start for span in repaired]
        for match in matches:
            for start, end in _outside(match.start(), match.end(), repaired, starts):
                run = text[start:end]
                span = Span(start, end)
                title = "Remove the control character" + ("s" if len(run) > 1 else "")
                fix = Fix.safe(title, Edit.delete(span))
                if "\x1b[" in run:
                    ctx.report(span, "escape", fix=fix, text=run)
                else:
                    ctx.report(span, "control", fix=fix, names=_names(run))

    @classmethod
    def field_keys(cls, ctx: Context) -> frozenset[str] | None:
        # `on_field` returns at once for every field when the front matter writes no escape.
        return None if front_matter_escapes(ctx.document) else frozenset()

    def on_field(self, ctx: Context, field: Field) -> None:
        if front_matter_escapes(ctx.document):
            _field_controls(ctx, field)


def _field_controls(ctx: Context, field: Field) -> None:
    """Report control characters a front-matter string writes as escapes (`\\u0007`)."""
    _nested_controls(ctx, field)
    found = escaped_matches(ctx.document.text, field, _CONTROLS)
    if found is None:
        return
    edited, matches = found
    damaged = find_mojibake(field.value) if any(_C1.search(m.group(0)) for m in matches) else ()
    if damaged:  # escaped mojibake (`\\u00e2\\u0080\\u0099`): deleting a byte would lose it
        matches = [
            m for m in matches if not any(d.span.start <= m.start() < d.span.end for d in damaged)
        ]
        if not matches:
            return
    edits = edited.edits([(m.start(), m.end(), "") for m in matches])
    placed: set[Span] = set()  # runs placed by the value's whole span are reported once
    for match, edit in zip(matches, edits, strict=True):
        run = match.group(0)
        fix = Fix.safe("Remove the control character" + ("s" if len(run) > 1 else ""), *edit)
        span = edited.span(match.start(), match.end())
        if span in placed:
            continue
        placed.add(span)
        if "\x1b[" in run:
            ctx.report(span, "escape", fix=fix, text=run)
        else:
            ctx.report(span, "control", fix=fix, names=_names(run))


def _outside(
    start: int, end: int, repaired: list[Span], starts: list[int]
) -> list[tuple[int, int]]:
    """The parts of `start..end` not covered by a mojibake span (which EN001 repairs).

    `repaired` is sorted and disjoint; `starts` are its starts, for bisection.
    """
    parts = []
    cursor = start
    index = max(0, bisect_right(starts, start) - 1)
    while index < len(repaired) and repaired[index].start < end:
        span = repaired[index]
        if span.end > cursor:
            if span.start > cursor:
                parts.append((cursor, span.start))
            cursor = max(cursor, span.end)
        index += 1
    if cursor < end:
        parts.append((cursor, end))
    return parts


def _nested_controls(ctx: Context, field: Field) -> None:
    """Report escaped control characters in the field's key and in the keys and strings nested in
    its value, at that key or string, without a fix: there is no edit of one escape there that
    a reparse proves (the top-level value's are fixed by `_field_controls`)."""
    for span, value, runs in nested_escaped(ctx.document.text, field, _CONTROLS):
        if any(_C1.search(run) for run in runs) and find_mojibake(value):
            continue  # escaped mojibake: `mojibake`'s
        run = runs[0]
        if "\x1b[" in run:
            ctx.report(span, "escape", text=run)
        else:
            ctx.report(span, "control", names=_names("".join(runs)))


def _names(run: str) -> str:
    shown = sorted(set(run), key=run.index)
    labels = [f"U+{ord(c):04X}" for c in shown[:4]] + (["…"] if len(shown) > 4 else [])
    return ", ".join(labels) + (f" ({len(run)} characters)" if len(run) > 1 else "")
