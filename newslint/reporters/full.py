"""`--output-format full` (default): diagnostics grouped by file, with a code frame and the fix.

Uses rich on a terminal; plain text (same layout, no escape codes) when the output is not a terminal,
when `NO_COLOR` is set, or with `--color never`. `--color always` or `FORCE_COLOR` (see
force-color.org) colour a pipe too; the flag wins over the environment, and `NO_COLOR` over
`FORCE_COLOR`.
"""

from __future__ import annotations

from array import array
from collections import Counter
from itertools import accumulate, groupby
from typing import Any, TextIO

from newslint.diagnostics import NO_FILE, Diagnostic
from newslint.fixes import Applicability
from newslint.reporters import cell_width, char_cells, printable, use_color

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
# Pieces of text written at once (see `newslint.reporters.concise.BATCH` for why not more).
BATCH = 256
# The heading of the diagnostics that belong to no file (`newslint.diagnostics.NO_FILE`).
NOT_IN_A_FILE = "(not in a file)"


def _frame(d: Diagnostic) -> tuple[str, str]:
    """The source line and the carets under the diagnostic's span. Columns count code points,
    a terminal counts cells: a CJK character or an emoji takes two, a combining accent none, so
    the carets are placed by the cells of what stands before and under them. A tab is shown as
    one space (its width would depend on the terminal's tab stops)."""
    return _Frames().frame(d)


class _Frames:
    """`_frame` for the diagnostics of a run, with what it measured of the last line kept.

    Diagnostics come in line order, often many on one line: measuring the line before each one's
    caret anew cost up to a thousand character look-ups per diagnostic (a line of CJK text with a
    control character every other character took minutes to report). A line that is not ASCII
    is measured as a whole once a second diagnostic lands on it; one diagnostic measures only
    what stands before and under its caret, as before.
    """

    def __init__(self) -> None:
        self._source: str | None = None
        self._line = ""
        self._ascii = True
        self._seen = 0  # diagnostics on this line so far
        self._cells: list[int] | None = None  # cells before each offset of a measured line

    def frame(self, d: Diagnostic) -> tuple[str, str]:
        if d.source_line is not self._source and d.source_line != self._source:
            self._source = d.source_line
            self._line = printable(d.source_line)
            self._ascii = self._line.isascii()
            self._seen = 0
            self._cells = None
        line = self._line
        start = min(max(d.column - 1, 0), len(line))
        end = d.end_column - 1 if d.end_line == d.line else len(line)
        stop = min(max(end, start), len(line))  # `line[start:end]` is `line[start:stop]`
        if self._ascii:
            before, under = start, stop - start
        else:
            self._seen += 1
            if self._cells is None and self._seen > 1:
                self._cells = list(accumulate(map(char_cells, line), initial=0))
            if self._cells is None:
                before, under = cell_width(line[:start]), cell_width(line[start:stop])
            else:
                before, under = self._cells[start], self._cells[stop] - self._cells[start]
        under += 1 if end > len(line) else 0  # + the line break
        return line, " " * before + "^" * max(1, under)


def summary_line(diagnostics: list[Diagnostic], files: int) -> str:
    summary = Summary()
    summary.add(diagnostics)
    return summary.line(files)


class Summary:
    """The counts the summary line is made of, added up as diagnostics arrive: `--quiet` streams
    a run's results through it instead of keeping them (memory does not grow with the files)."""

    def __init__(self) -> None:
        self.severities: Counter[str] = Counter()
        self.fixable = 0
        self.unsafe = 0
        self.paths: set[str] = set()  # the files with a problem (NO_FILE too)
        # The hashes of the paths of files given by `add(..., one_file=True)`: 8 bytes a file with
        # a problem, where the path itself would keep a hundred.
        self.file_hashes = array("q")
        self.elsewhere = 0  # problems in no file

    def add(self, diagnostics: list[Diagnostic], one_file: bool = False) -> None:
        """Count `diagnostics`; `one_file`: they are all of one file (or of none), whose
        diagnostics are given at once, in this call alone."""
        self.severities.update(d.severity.label for d in diagnostics)
        path = ""
        for d in diagnostics:
            if d.fixable:
                self.fixable += 1
            elif d.fix is not None and d.fix.applicability is Applicability.UNSAFE:
                self.unsafe += 1
            if d.path == NO_FILE:
                self.elsewhere += 1
            elif one_file:
                path = d.path
            else:
                self.paths.add(d.path)
        if path:
            self.file_hashes.append(hash(path))

    def in_files(self) -> int:
        """How many files have a problem."""
        if not self.paths:
            return len(self.file_hashes)
        # The hashes of these few paths are looked up in the files' one by one, which keeps no
        # set of the files' hashes.
        hashes = {hash(path) for path in self.paths}
        counted = {value for value in self.file_hashes if value in hashes}
        return len(self.file_hashes) + sum(1 for path in self.paths if hash(path) not in counted)

    def line(self, files: int) -> str:
        counts = self.severities
        total = sum(counts.values())
        if not total:
            return f"All checks passed ({files} file{'s' if files != 1 else ''})."
        parts = [
            f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}"
            for s in ("error", "warning", "info")
            if counts[s]
        ]
        in_files = self.in_files()
        text = (
            f"Found {total} problem{'s' if total != 1 else ''} ({', '.join(parts)}) in {in_files}"
            f" of {files} file{'s' if files != 1 else ''}"
        )
        if self.elsewhere:  # a cross-file rule's crash: counted, but in no file
            text += f" ({self.elsewhere} not in a file)"
        text += "."
        fixable, unsafe = self.fixable, self.unsafe
        if fixable:
            text += f"\n[*] {fixable} fixable with `newslint fix`"
            if unsafe:
                text += f" ({unsafe} more with `--unsafe-fixes`)"
            text += "."
        elif unsafe:
            text += f"\n{unsafe} fixable with `newslint fix --unsafe-fixes`."
        return text


def write(
    diagnostics: list[Diagnostic],
    files: int,
    out: TextIO,
    *,
    color: str = "auto",
    quiet: bool = False,
    **_: Any,
) -> None:
    if use_color(out, color):
        _write_rich(diagnostics, files, out, quiet)
        return
    frames = _Frames()
    parts: list[str] = []  # written a batch at a time: a write per line cost a third of the time
    for path, group in groupby(diagnostics, key=lambda d: d.path):
        if quiet:
            continue
        parts.append(f"{printable(path) if path else NOT_IN_A_FILE}\n")
        for d in group:
            marker = " [*]" if d.fixable else ""
            where = f"{printable(d.path)}:{d.line}:{d.column}: " if d.path else ""
            parts.append(
                f"  {where}{d.code} [{d.rule}] {d.severity.label}: {printable(d.message)}{marker}\n"
            )
            if d.source_line:
                line, carets = frames.frame(d)
                parts.append(f"    {d.line:>4} | {line}\n         | {carets}\n")
            if d.fix is not None:
                how = {"safe": "fix", "unsafe": "unsafe fix", "display-only": "suggestion"}[
                    d.fix.applicability.value
                ]
                parts.append(f"         = {how}: {printable(d.fix.title)}\n")
            if len(parts) >= BATCH:
                out.write("".join(parts))
                parts.clear()
        parts.append("\n")
    parts.append(summary_line(diagnostics, files) + "\n")
    out.write("".join(parts))


# Lines of markup given to rich at once: rich spends about a tenth of a millisecond on each call
# of `print` whatever its length, which made a file with 100,000 problems take a minute on a
# terminal. Every line opens and closes its own markup and the next starts with a tag, so the
# lines print the same together as one by one (`tests/test_many_diagnostics.py` holds them to it).
# Not more at once: see `BATCH`.
RICH_BATCH = 64


def _write_rich(diagnostics: list[Diagnostic], files: int, out: TextIO, quiet: bool) -> None:
    from rich.console import Console
    from rich.markup import escape

    # no_color=False: `use_color` has decided (rich alone would let NO_COLOR beat --color always).
    console = Console(
        file=out,
        force_terminal=True,
        no_color=False,
        highlight=False,
        soft_wrap=True,
        emoji=False,  # `:fire:` in an article is text, not an emoji (the carets would shift)
    )
    lines: list[str] = []

    def emit(markup: str) -> None:
        lines.append(markup)
        if len(lines) >= RICH_BATCH:
            console.print("\n".join(lines))
            lines.clear()

    frames = _Frames()
    for path, group in groupby(diagnostics, key=lambda d: d.path):
        if quiet:
            continue
        emit(f"[bold underline]{escape(printable(path) if path else NOT_IN_A_FILE)}[/]")
        for d in group:
            style = _STYLE[d.severity.label]
            marker = " [green]\\[*][/]" if d.fixable else ""
            where = f"[dim]{escape(printable(d.path))}:{d.line}:{d.column}:[/] " if d.path else ""
            emit(
                f"  {where}[{style}]{d.code}[/] "
                f"[dim]\\[{d.rule}][/] [{style}]{d.severity.label}[/]: "
                f"{escape(printable(d.message))}{marker}"
            )
            if d.source_line:
                line, carets = frames.frame(d)
                emit(f"    [dim]{d.line:>4} |[/] {escape(line)}")
                emit(f"         [dim]|[/] [{style}]{carets}[/]")
            if d.fix is not None:
                how = {"safe": "fix", "unsafe": "unsafe fix", "display-only": "suggestion"}[
                    d.fix.applicability.value
                ]
                emit(f"         [dim]=[/] [green]{how}[/]: {escape(printable(d.fix.title))}")
        emit("")
    if lines:
        console.print("\n".join(lines))
    console.print(escape(summary_line(diagnostics, files)))


def print_markdown(text: str, out: TextIO) -> None:
    """Render Markdown (a rule's documentation) with rich, for a terminal."""
    from rich.console import Console
    from rich.markdown import Markdown

    Console(file=out, force_terminal=True, highlight=False, emoji=False).print(Markdown(text))
