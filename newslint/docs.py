"""Generate the README rule table from the rules themselves: `python -m newslint.docs [--check]`."""

from __future__ import annotations

import sys
from pathlib import Path

from newslint.registry import load_registry

START, END = "<!-- rules:start -->", "<!-- rules:end -->"


def rule_table() -> str:
    rows = ["| code | name | severity | fix | preset | what |", "|---|---|---|---|---|---|"]
    for rule in load_registry().rules:
        if rule.origin != "builtin":
            continue
        fix = "yes" if rule.fixable() else "—"
        preset = ", ".join(rule.presets) or "—"
        rows.append(
            f"| {rule.code} | `{rule.name}` | {rule.severity.label} | {fix} | {preset} | {rule.summary()} |"
        )
    return "\n".join(rows)


def update_readme(path: Path, *, check: bool = False) -> bool:
    """Rewrite the table between the markers; return whether it was already current."""
    text = path.read_text(encoding="utf-8")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    new = f"{head}{START}\n{rule_table()}\n{END}{tail}"
    if new == text:
        return True
    if not check:
        path.write_text(new, encoding="utf-8")
    return False


def main() -> int:
    check = "--check" in sys.argv
    current = update_readme(Path("README.md"), check=check)
    if check and not current:
        print("README.md rule table is out of date: run `python -m newslint.docs`", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
