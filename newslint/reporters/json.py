"""`--output-format json`: one JSON array of diagnostics (the stable contract in DESIGN.md)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from newslint.diagnostics import Diagnostic


def write(diagnostics: list[Diagnostic], files: int, out: TextIO, **_: Any) -> None:
    json.dump([d.to_json() for d in diagnostics], out, ensure_ascii=False, indent=2)
    out.write("\n")
