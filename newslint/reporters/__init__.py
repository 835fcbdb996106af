"""Reporters: one module per output format; each takes the run's results and writes text."""

from __future__ import annotations

import importlib
from typing import Protocol, TextIO

from newslint.diagnostics import Diagnostic

FORMATS = ("full", "concise", "grouped", "json", "json-lines", "github", "sarif", "junit")


class RunSummary(Protocol):
    files: int
    diagnostics: list[Diagnostic]


def report(
    fmt: str, diagnostics: list[Diagnostic], files: int, out: TextIO, **options: object
) -> None:
    module = importlib.import_module(f"newslint.reporters.{fmt.replace('-', '_')}")
    module.write(diagnostics, files, out, **options)
