"""`--output-format github`: GitHub Actions workflow commands that annotate the pull request."""

from __future__ import annotations

from typing import Any, TextIO

from newslint.diagnostics import Diagnostic

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write(diagnostics: list[Diagnostic], files: int, out: TextIO, **_: Any) -> None:
    for d in diagnostics:
        props = (
            f"file={_escape_property(d.path)},line={d.line},col={d.column},"
            f"endLine={d.end_line},endColumn={d.end_column},"
            f"title={_escape_property(f'{d.code} {d.rule}')}"
        )
        out.write(f"::{_LEVEL[d.severity.label]} {props}::{_escape_data(d.message)}\n")
