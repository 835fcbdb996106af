"""`--output-format concise`: `path:line:col: CODE [name] message`, one line each.

With `--quiet`, only the summary line of the full format is printed instead.
"""

from __future__ import annotations

from typing import Any, TextIO

from newslint.diagnostics import Diagnostic
from newslint.reporters import printable
from newslint.reporters.full import summary_line


def write(
    diagnostics: list[Diagnostic], files: int, out: TextIO, *, quiet: bool = False, **_: Any
) -> None:
    if quiet:
        out.write(summary_line(diagnostics, files) + "\n")
        return
    for d in diagnostics:
        marker = " [*]" if d.fixable else ""
        out.write(
            f"{printable(d.path)}:{d.line}:{d.column}: {d.code} [{d.rule}]{marker} "
            f"{printable(d.message)}\n"
        )
