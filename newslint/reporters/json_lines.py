"""`--output-format json-lines`: the JSON objects of `json`, one per line."""

from __future__ import annotations

import json
from typing import Any, TextIO

from newslint.diagnostics import Diagnostic


def write(diagnostics: list[Diagnostic], files: int, out: TextIO, **_: Any) -> None:
    for diagnostic in diagnostics:
        out.write(json.dumps(diagnostic.to_json(), ensure_ascii=False) + "\n")
