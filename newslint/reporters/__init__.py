"""Reporters: one module per output format; each takes the run's diagnostics and writes text.

Every reporter is `write(diagnostics, files, out, **options)`. Options a reporter may use:
`color` ("auto"|"always"|"never"), `quiet`, `rules` (the rule classes of the run, for formats that
describe rules, such as SARIF) and `paths` (the files linted). Unknown options are ignored.
"""

from __future__ import annotations

import importlib
import os
from typing import Protocol, TextIO

from newslint.diagnostics import Diagnostic

FORMATS = ("full", "concise", "grouped", "json", "json-lines", "github", "sarif", "junit")


class RunSummary(Protocol):
    files: int
    diagnostics: list[Diagnostic]


def default_format(out: TextIO, color: str = "auto") -> str:
    """`github` under GitHub Actions, `full` on a terminal (or with `--color always`), else
    `concise`."""
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    if color == "always" or getattr(out, "isatty", lambda: False)():
        return "full"
    return "concise"


def report(
    fmt: str, diagnostics: list[Diagnostic], files: int, out: TextIO, **options: object
) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown output format {fmt!r} ({', '.join(FORMATS)})")
    module = importlib.import_module(f"newslint.reporters.{fmt.replace('-', '_')}")
    module.write(diagnostics, files, out, **options)
