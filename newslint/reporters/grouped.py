"""`--output-format grouped`: diagnostics by rule, most frequent first, with counts, up to three
examples each and how many `newslint fix` can fix (and how many more `--unsafe-fixes` can).
Coloured as the concise format is (`newslint.reporters.use_color`): counts and paths bold, codes
in their severity's colour."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, TextIO

from newslint.diagnostics import Diagnostic
from newslint.reporters import BOLD, SEVERITY_STYLE, printable, styled, use_color
from newslint.reporters.full import summary_line
from newslint.reporters.statistics import statistics

EXAMPLES = 3


def write(
    diagnostics: list[Diagnostic],
    files: int,
    out: TextIO,
    *,
    color: str = "auto",
    quiet: bool = False,
    **_: Any,
) -> None:
    on = use_color(out, color)
    by_rule: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in diagnostics:
        by_rule[d.code].append(d)
    width = max([len(d.rule) for d in diagnostics] + [4])
    for row in statistics(diagnostics):
        notes = [row["severity"]]
        if row["fixable"]:
            notes.append(f"{row['fixable']} fixable")
        if row["unsafe_fixable"]:
            notes.append(f"{row['unsafe_fixable']} with --unsafe-fixes")
        count = styled(f"{row['count']:>6}", BOLD, on)
        code = styled(f"{row['code']:<6}", SEVERITY_STYLE.get(row["severity"], BOLD), on)
        out.write(f"{count}  {code} {row['rule']:<{width}}  {', '.join(notes)}\n")
        if quiet:
            continue
        group = by_rule[row["code"]]
        for d in group[:EXAMPLES]:
            if not d.path:  # in no file (`newslint.diagnostics.NO_FILE`)
                out.write(f"          {printable(d.message)}\n")
                continue
            path = styled(printable(d.path), BOLD, on)
            out.write(f"          {path}:{d.line}:{d.column}: {printable(d.message)}\n")
        if len(group) > EXAMPLES:
            out.write(f"          ... and {len(group) - EXAMPLES} more\n")
    out.write(summary_line(diagnostics, files) + "\n")
