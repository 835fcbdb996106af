"""`--output-format concise`: `path:line:col: CODE [name] message`, one line each.

With `--quiet`, only the summary line of the full format is printed instead.
"""

from __future__ import annotations

from typing import Any, TextIO

from newslint.diagnostics import Diagnostic
from newslint.reporters import printable
from newslint.reporters.full import summary_line

# Lines written at once. Small: one write far larger than a pipe's buffer can end without the
# broken pipe showing when the reader goes away (`| head`), which must fail the check.
BATCH = 64


def write(
    diagnostics: list[Diagnostic], files: int, out: TextIO, *, quiet: bool = False, **_: Any
) -> None:
    if quiet:
        out.write(summary_line(diagnostics, files) + "\n")
        return
    for start in range(0, len(diagnostics), BATCH):  # a write per line cost a third of the time
        out.write(
            "".join(
                f"{printable(d.path)}:{d.line}:{d.column}: {d.code} [{d.rule}]"
                f"{' [*]' if d.fixable else ''} {printable(d.message)}\n"
                for d in diagnostics[start : start + BATCH]
            )
        )
