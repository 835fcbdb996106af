"""Diagnostics: plain data that outlives the document (positions computed, text kept small)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newslint.fixes import Applicability, Fix
from newslint.records import fast_init
from newslint.rule import Severity
from newslint.spans import LineIndex, Span


@fast_init
@dataclass(frozen=True, slots=True)
class EditPosition:
    line: int
    column: int
    end_line: int
    end_column: int
    content: str


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
            "path": self.path,
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
    start = index.position(span.start)
    end = index.position(span.end)
    fix_positions: tuple[EditPosition, ...] = ()
    if fix is not None:
        positions = []
        for edit in fix.edits:
            a, b = index.position(edit.start), index.position(edit.end)
            positions.append(EditPosition(a.line, a.column, b.line, b.column, edit.content))
        fix_positions = tuple(positions)
    line_span = index.line_span(start.line) if index.line_count else Span(0, 0)
    # A code frame of a very long line is useless, and copying it for each of many diagnostics
    # on that line would make reporting quadratic.
    source_line = index.text[line_span.start : line_span.end] if len(line_span) <= 1000 else ""
    return Diagnostic(
        path=path,
        rule=rule,
        code=code,
        severity=severity,
        message=message,
        span=span,
        line=start.line,
        column=start.column,
        end_line=end.line,
        end_column=end.column,
        fix=fix,
        fix_positions=fix_positions,
        source_line=source_line,
        source_text=index.text[span.start : min(span.end, span.start + 200)],
    )
