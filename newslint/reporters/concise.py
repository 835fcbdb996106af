"""`--output-format concise`: `path:line:col: CODE [name] message`, one line each.

With `--quiet`, only the summary line of the full format is printed instead. Coloured as ruff's
concise output is (`newslint.reporters.use_color`: on a terminal, or with `--color always` or
`FORCE_COLOR` whatever the output is): the path bold, the code in its severity's colour.
"""

from __future__ import annotations

from typing import Any, TextIO

from newslint.diagnostics import Diagnostic
from newslint.reporters import BOLD, CYAN, SEVERITY_STYLE, printable, styled, use_color
from newslint.reporters.full import summary_line

# Lines written at once. Small: one write far larger than a pipe's buffer can end without the
# broken pipe showing when the reader goes away (`| head`), which must fail the check.
BATCH = 64


def write(
    diagnostics: list[Diagnostic],
    files: int,
    out: TextIO,
    *,
    color: str = "auto",
    quiet: bool = False,
    **_: Any,
) -> None:
    if quiet:
        out.write(summary_line(diagnostics, files) + "\n")
        return
    on = use_color(out, color)
    for start in range(0, len(diagnostics), BATCH):  # a write per line cost a third of the time
        out.write("".join(_line(d, on) for d in diagnostics[start : start + BATCH]))


def _line(d: Diagnostic, on: bool) -> str:
    if not d.path:  # no file (`newslint.diagnostics.NO_FILE`): no position either, as ruff shows it
        return f"{d.code} [{d.rule}] {printable(d.message)}\n"
    if not on:
        return (
            f"{printable(d.path)}:{d.line}:{d.column}: {d.code} [{d.rule}]"
            f"{' [*]' if d.fixable else ''} {printable(d.message)}\n"
        )
    code = styled(d.code, SEVERITY_STYLE.get(d.severity.label, BOLD), on)
    fixable = f" {styled('[*]', CYAN, on)}" if d.fixable else ""
    return (
        f"{styled(printable(d.path), BOLD, on)}:{d.line}:{d.column}: {code} [{d.rule}]"
        f"{fixable} {printable(d.message)}\n"
    )
