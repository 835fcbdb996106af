"""`--output-format json-lines`: the JSON objects of `json`, one per line.

Each line is exactly `json.dumps(diagnostic.to_json(), ensure_ascii=False)`, written out here
without building the dictionaries first (see `newslint.reporters.json`).
"""

from __future__ import annotations

from json.encoder import encode_basestring
from typing import Any, TextIO

from newslint.diagnostics import Diagnostic
from newslint.reporters.concise import BATCH

_int = int.__repr__


def diagnostic_line(d: Diagnostic) -> str:
    """One diagnostic as one line of JSON, with its line break."""
    fix = d.fix
    if fix is None:
        fix_text = "null"
    else:
        edits = ", ".join(
            f'{{"line": {_int(e.line)}, "column": {_int(e.column)}, '
            f'"end_line": {_int(e.end_line)}, "end_column": {_int(e.end_column)}, '
            f'"content": {encode_basestring(e.content)}}}'
            for e in d.fix_positions
        )
        fix_text = (
            f'{{"applicability": {encode_basestring(fix.applicability.value)}, '
            f'"title": {encode_basestring(fix.title)}, "edits": [{edits}]}}'
        )
    return (
        f'{{"path": {encode_basestring(d.path) if d.path else "null"}, "rule": {encode_basestring(d.rule)}, '
        f'"code": {encode_basestring(d.code)}, "severity": {encode_basestring(d.severity.label)}, '
        f'"message": {encode_basestring(d.message)}, "line": {_int(d.line)}, '
        f'"column": {_int(d.column)}, "end_line": {_int(d.end_line)}, '
        f'"end_column": {_int(d.end_column)}, "fix": {fix_text}}}\n'
    )


def write(diagnostics: list[Diagnostic], files: int, out: TextIO, **_: Any) -> None:
    # In batches (see `newslint.reporters.concise.BATCH` for why not all at once).
    for start in range(0, len(diagnostics), BATCH):
        out.write("".join(map(diagnostic_line, diagnostics[start : start + BATCH])))
