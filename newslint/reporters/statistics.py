"""`--statistics`: one line per rule with its count and how many of those `newslint fix` can fix.

With `--output-format json` (or `json-lines`) the same as JSON objects
`{"code", "rule", "severity", "count", "fixable", "unsafe_fixable"}`, most frequent first.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any, TextIO

from newslint.diagnostics import Diagnostic
from newslint.fixes import Applicability


def statistics(diagnostics: list[Diagnostic]) -> list[dict[str, Any]]:
    groups: dict[tuple[str, str], list[Diagnostic]] = defaultdict(list)
    for d in diagnostics:
        groups[(d.code, d.rule)].append(d)
    rows: list[dict[str, Any]] = []
    for (code, rule), items in groups.items():
        rows.append(
            {
                "code": code,
                "rule": rule,
                "severity": max(d.severity for d in items).label,
                "count": len(items),
                "fixable": sum(1 for d in items if d.fixable),
                "unsafe_fixable": sum(
                    1
                    for d in items
                    if d.fix is not None and d.fix.applicability is Applicability.UNSAFE
                ),
            }
        )
    rows.sort(key=lambda r: (-r["count"], r["code"]))
    return rows


def write(diagnostics: list[Diagnostic], out: TextIO, fmt: str = "full") -> None:
    from newslint.reporters import prepare

    prepare(out, fmt)
    rows = statistics(diagnostics)
    if fmt == "json":
        json.dump(rows, out, indent=2)
        out.write("\n")
        return
    if fmt == "json-lines":
        for row in rows:
            out.write(json.dumps(row) + "\n")
        return
    width = max([len(r["rule"]) for r in rows] + [4])
    for row in rows:
        fix = ""
        if row["fixable"]:
            fix = f"{row['fixable']} fixable"
        if row["unsafe_fixable"]:
            fix += ("; " if fix else "") + f"{row['unsafe_fixable']} with --unsafe-fixes"
        line = f"{row['count']:>7}  {row['code']:<6} {row['rule']:<{width}}  {row['severity']:<7}  {fix}"
        out.write(line.rstrip() + "\n")
    total = len(diagnostics)
    fixable = sum(r["fixable"] for r in rows)
    out.write(f"{total:>7}  total, {fixable} fixable with `newslint fix`\n")
