"""`--output-format grouped` (also `--statistics`): counts per rule, with examples and fixability."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, TextIO

from newslint.diagnostics import Diagnostic
from newslint.reporters.full import summary_line


def write(
    diagnostics: list[Diagnostic], files: int, out: TextIO, *, quiet: bool = False, **_: Any
) -> None:
    by_rule: dict[tuple[str, str], list[Diagnostic]] = defaultdict(list)
    for d in diagnostics:
        by_rule[(d.code, d.rule)].append(d)
    for (code, rule), group in sorted(by_rule.items(), key=lambda item: (-len(item[1]), item[0])):
        fixable = sum(1 for d in group if d.fixable)
        fix_note = f", {fixable} fixable" if fixable else ""
        out.write(f"{len(group):>6}  {code:<6} {rule:<24} {group[0].severity.label}{fix_note}\n")
        if not quiet:
            for d in group[:3]:
                out.write(f"          {d.path}:{d.line}:{d.column}: {d.message}\n")
            if len(group) > 3:
                out.write(f"          ... and {len(group) - 3} more\n")
    out.write(summary_line(diagnostics, files) + "\n")
