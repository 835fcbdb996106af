"""`--output-format concise`: `path:line:col: CODE [name] message`, one line each."""

from __future__ import annotations

from typing import Any, TextIO

from newslint.diagnostics import Diagnostic
from newslint.reporters import printable


def write(diagnostics: list[Diagnostic], files: int, out: TextIO, **_: Any) -> None:
    for d in diagnostics:
        marker = " [*]" if d.fixable else ""
        out.write(
            f"{printable(d.path)}:{d.line}:{d.column}: {d.code} [{d.rule}]{marker} "
            f"{printable(d.message)}\n"
        )
