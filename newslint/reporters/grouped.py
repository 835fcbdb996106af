"""`--output-format grouped`: diagnostics by rule, most frequent first, with counts, up to three
examples each and how many `newslint fix` can fix (and how many more `--unsafe-fixes` can)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, TextIO

from newslint.diagnostics import Diagnostic
from newslint.reporters import printable
from newslint.reporters.full import summary_line
from newslint.reporters.statistics import statistics

EXAMPLES = 3


def write(
    diagnostics: list[Diagnostic], files: int, out: TextIO, *, quiet: bool = False, **_: Any
) -> None:
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
        out.write(
            f"{row['count']:>6}  {row['code']:<6} {row['rule']:<{width}}  {', '.join(notes)}\n"
        )
        if quiet:
            continue
        group = by_rule[row["code"]]
        for d in group[:EXAMPLES]:
            out.write(
                f"          {printable(d.path)}:{d.line}:{d.column}: {printable(d.message)}\n"
            )
        if len(group) > EXAMPLES:
            out.write(f"          ... and {len(group) - EXAMPLES} more\n")
    out.write(summary_line(diagnostics, files) + "\n")
