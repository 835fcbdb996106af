"""`--output-format json`: one JSON array of diagnostics (the stable contract in DESIGN.md)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from newslint.diagnostics import Diagnostic


def write(diagnostics: list[Diagnostic], files: int, out: TextIO, **_: Any) -> None:
    # One string, one write: `json.dump` writes each of the ~80 pieces of a diagnostic to the
    # stream on its own, which for a file with 500,000 diagnostics took most of the run.
    out.write(json.dumps([d.to_json() for d in diagnostics], ensure_ascii=False, indent=2) + "\n")
