"""Inline suppressions, handled by the engine (never by rules).

Front matter (YAML or TOML): `# newslint: disable=DT001,summary-length` at the end of a key's line
silences those rules on that line; on a line of its own it silences them in the whole file.
Body: `<!-- newslint-disable-next-line RULE -->`, `<!-- newslint-disable RULE -->` ...
`<!-- newslint-enable RULE -->`, `<!-- newslint-disable-file RULE -->`; no rule means all rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from newslint.registry import matches

if TYPE_CHECKING:
    from newslint.diagnostics import Diagnostic
    from newslint.document import Document
    from newslint.engine import RuleSet
    from newslint.rule import Report

_FM_COMMENT = re.compile(r"#\s*newslint:\s*disable=([A-Za-z0-9_,\- ]+)")
_BODY_COMMENT = re.compile(
    r"<!--\s*newslint-(disable-next-line|disable-file|disable|enable)\b([^>]*?)-->"
)
ALL = "ALL"


@dataclass(frozen=True)
class Suppression:
    selectors: tuple[str, ...]
    first_line: int
    last_line: int  # inclusive; a huge number for "to the end"


class _HasRule(Protocol):
    rule: str


def parse_suppressions(doc: Document) -> list[Suppression]:
    text = doc.text
    if "newslint" not in text:
        return []
    out: list[Suppression] = []
    end_of_file = 10**9
    block = doc.front_matter_block
    if block is not None and doc.front_matter_format in ("yaml", "toml"):
        for match in _FM_COMMENT.finditer(text, block.start, block.end):
            selectors = tuple(s.strip() for s in match.group(1).split(",") if s.strip())
            line = doc.position(match.start()).line
            line_span = doc.lines.line_span(line)
            before = text[line_span.start : match.start()].strip()
            if before:
                out.append(Suppression(selectors, line, line))
            else:
                out.append(Suppression(selectors, 1, end_of_file))
    open_ranges: dict[tuple[str, ...], int] = {}
    for match in _BODY_COMMENT.finditer(text, doc.body_start):
        kind = match.group(1)
        selectors = tuple(match.group(2).replace(",", " ").split()) or (ALL,)
        line = doc.position(match.start()).line
        if kind == "disable-next-line":
            end_line = doc.position(match.end()).line
            out.append(Suppression(selectors, end_line + 1, end_line + 1))
        elif kind == "disable-file":
            out.append(Suppression(selectors, 1, end_of_file))
        elif kind == "disable":
            open_ranges[selectors] = line
        else:
            for key in list(open_ranges):
                if key == selectors or selectors == (ALL,):
                    out.append(Suppression(key, open_ranges.pop(key), line))
    for selectors, line in open_ranges.items():
        out.append(Suppression(selectors, line, end_of_file))
    return out


def _silenced(suppressions: list[Suppression], rule_name: str, code: str, line: int) -> bool:
    from newslint.registry import Registry  # noqa: F401  (kept for type clarity)

    for item in suppressions:
        if item.first_line <= line <= item.last_line:
            for selector in item.selectors:
                if (
                    selector.upper() == ALL
                    or selector == rule_name
                    or (code.startswith(selector.upper()) and len(selector) >= 2)
                ):
                    return True
    return False


def apply_suppressions(
    doc: Document, diagnostics: list[Diagnostic], ruleset: RuleSet
) -> list[Diagnostic]:
    suppressions = parse_suppressions(doc)
    if not suppressions:
        return diagnostics
    return [
        d
        for d in diagnostics
        if d.rule == "internal-error" or not _silenced(suppressions, d.rule, d.code, d.line)
    ]


def suppressed_reports(doc: Document, reports: list[Report], ruleset: RuleSet) -> list[Report]:
    """Drop reports a suppression silences (so `newslint fix` does not fix silenced problems)."""
    suppressions = parse_suppressions(doc)
    if not suppressions:
        return reports
    return [
        r
        for r in reports
        if not _silenced(suppressions, r.rule.name, r.rule.code, doc.position(r.span.start).line)
    ]


__all__ = ["apply_suppressions", "matches", "parse_suppressions", "suppressed_reports"]
