"""Diagnostics: plain data that outlives the document (positions computed, text kept small)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from newslint.fixes import Applicability, Fix
from newslint.records import fast_init
from newslint.rule import Severity
from newslint.spans import LineIndex, Span


@fast_init
@dataclass(frozen=True, slots=True)
class EditPosition:
    """A fix's edit placed by line and column (1-based; the end is exclusive)."""

    line: int
    column: int
    end_line: int
    end_column: int
    content: str


# The `path` of a diagnostic that belongs to no file (a cross-file rule that crashed on the data of
# several files). The JSON formats write it as `null`, as ruff writes the `filename` of such a
# diagnostic; the other formats show it without a file (see each reporter).
NO_FILE = ""


@fast_init
@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem at one place. Lines and columns are 1-based, columns in code points, ends exclusive."""

    path: str
    rule: str
    code: str
    severity: Severity
    message: str
    span: Span
    line: int
    column: int
    end_line: int
    end_column: int
    fix: Fix | None = None
    fix_positions: tuple[EditPosition, ...] = ()
    source_line: str = ""
    source_text: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def fixable(self) -> bool:
        return self.fix is not None and self.fix.applicability is Applicability.SAFE

    def to_json(self) -> dict[str, Any]:
        fix = None
        if self.fix is not None:
            fix = {
                "applicability": self.fix.applicability.value,
                "title": self.fix.title,
                "edits": [
                    {
                        "line": e.line,
                        "column": e.column,
                        "end_line": e.end_line,
                        "end_column": e.end_column,
                        "content": e.content,
                    }
                    for e in self.fix_positions
                ],
            }
        return {
            "path": self.path or None,
            "rule": self.rule,
            "code": self.code,
            "severity": self.severity.label,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "fix": fix,
        }

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


def make_diagnostic(
    path: str,
    index: LineIndex,
    span: Span,
    rule: str,
    code: str,
    severity: Severity,
    message: str,
    fix: Fix | None = None,
) -> Diagnostic:
    """The diagnostic of one report: its positions, code frame line and source text computed."""
    return DiagnosticMaker(path, index).make(span, rule, code, severity, message, fix)


class DiagnosticMaker:
    """Makes the diagnostics of one document: what `make_diagnostic` does, at a few microseconds
    each, so that a file with hundreds of thousands of problems is not slowed by its positions.

    Offsets are turned into lines with one `bisect` on the line starts (no `Position` objects),
    and the code frame line of the last line asked is kept: the diagnostics of a document come
    mostly in text order, often several on one line.
    """

    __slots__ = ("_frame", "_frame_line", "_length", "_starts", "_text", "path")

    def __init__(self, path: str, index: LineIndex) -> None:
        self.path = path
        self._text = index.text
        self._length = len(index.text)
        self._starts = index.starts
        self._frame_line = 0
        self._frame = ""

    def _position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of `offset`, clamped to the text (`LineIndex.position`)."""
        if offset < 0:
            offset = 0
        elif offset > self._length:
            offset = self._length
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def _source_line(self, line: int) -> str:
        """The text of 1-based `line` without its break, or "" when it is over 1,000 characters:
        a code frame of a very long line is useless, and copying it for each of many diagnostics
        on that line would make reporting quadratic."""
        if line != self._frame_line:
            starts, text = self._starts, self._text
            start = starts[line - 1]
            end = starts[line] if line < len(starts) else self._length
            while end > start and text[end - 1] in "\r\n":
                end -= 1
            self._frame_line = line
            self._frame = text[start:end] if end - start <= 1000 else ""
        return self._frame

    def make(
        self,
        span: Span,
        rule: str,
        code: str,
        severity: Severity,
        message: str,
        fix: Fix | None = None,
    ) -> Diagnostic:
        line, column = self._position(span.start)
        end_line, end_column = self._position(span.end)
        fix_positions: tuple[EditPosition, ...] = ()
        if fix is not None:
            position = self._position
            positions = []
            for edit in fix.edits:
                a_line, a_column = position(edit.start)
                b_line, b_column = position(edit.end)
                positions.append(EditPosition(a_line, a_column, b_line, b_column, edit.content))
            fix_positions = tuple(positions)
        start = span.start
        return Diagnostic(
            self.path,
            rule,
            code,
            severity,
            message,
            span,
            line,
            column,
            end_line,
            end_column,
            fix,
            fix_positions,
            self._source_line(line) if self._starts else "",
            self._text[start : min(span.end, start + 200)],
        )
