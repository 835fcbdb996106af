"""`--output-format json`: one JSON array of diagnostics (the stable contract in DESIGN.md).

The text is exactly what `json.dumps([d.to_json() for d in diagnostics], ensure_ascii=False,
indent=2)` gives, written out here per diagnostic: with an indent `json` takes its pure-Python
encoder, which made this format cost several times the lint itself on a file with 100,000
problems. Strings go through the same (C) string encoder `json` uses, so the bytes are the same;
`tests/test_reporters_fast.py` holds the two to that on random diagnostics.
"""

from __future__ import annotations

from json.encoder import encode_basestring
from typing import Any, TextIO

from newslint.diagnostics import Diagnostic
from newslint.reporters.concise import BATCH

_int = int.__repr__  # what `json` writes for an int (an IntEnum would be written as its value)


def diagnostic_json(d: Diagnostic) -> str:
    """One diagnostic as an element of the indented array (two spaces in, no trailing comma)."""
    fix = d.fix
    if fix is None:
        fix_text = "null"
    else:
        edits = [
            "        {\n"
            f'          "line": {_int(e.line)},\n'
            f'          "column": {_int(e.column)},\n'
            f'          "end_line": {_int(e.end_line)},\n'
            f'          "end_column": {_int(e.end_column)},\n'
            f'          "content": {encode_basestring(e.content)}\n'
            "        }"
            for e in d.fix_positions
        ]
        edits_text = "[\n" + ",\n".join(edits) + "\n      ]" if edits else "[]"
        fix_text = (
            "{\n"
            f'      "applicability": {encode_basestring(fix.applicability.value)},\n'
            f'      "title": {encode_basestring(fix.title)},\n'
            f'      "edits": {edits_text}\n'
            "    }"
        )
    return (
        "  {\n"
        f'    "path": {encode_basestring(d.path) if d.path else "null"},\n'
        f'    "rule": {encode_basestring(d.rule)},\n'
        f'    "code": {encode_basestring(d.code)},\n'
        f'    "severity": {encode_basestring(d.severity.label)},\n'
        f'    "message": {encode_basestring(d.message)},\n'
        f'    "line": {_int(d.line)},\n'
        f'    "column": {_int(d.column)},\n'
        f'    "end_line": {_int(d.end_line)},\n'
        f'    "end_column": {_int(d.end_column)},\n'
        f'    "fix": {fix_text}\n'
        "  }"
    )


def write(diagnostics: list[Diagnostic], files: int, out: TextIO, **_: Any) -> None:
    # A batch of diagnostics a write: a write per piece (as `json.dump` does) took most of the
    # run, and one write of everything can hide a broken pipe (see `concise.BATCH`).
    if not diagnostics:
        out.write("[]\n")
        return
    for start in range(0, len(diagnostics), BATCH):
        items = ",\n".join(map(diagnostic_json, diagnostics[start : start + BATCH]))
        out.write(("[\n" if start == 0 else ",\n") + items)
    out.write("\n]\n")
