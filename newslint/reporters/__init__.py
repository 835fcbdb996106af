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


# C0 controls (but the tab) and DEL as their Unicode "control pictures" (ESC shows as ␛), C1
# controls as U+FFFD: one visible character each, so carets under a code frame stay aligned.
_PRINTABLE = {code: 0x2400 + code for code in range(32)} | {0x7F: 0x2421, 0x09: 0x20}
_PRINTABLE |= {code: 0xFFFD for code in range(0x80, 0xA0)}


def printable(text: str) -> str:
    """`text` safe to print on a terminal, one line: a scraped article or a file name may hold
    escape sequences (which recolour, retitle or clear the terminal) and line breaks (which would
    split a one-line-per-problem report). Machine formats (JSON, SARIF, JUnit, GitHub) escape by
    their own rules and do not use this."""
    if text.isprintable():  # the common case, and a fast check
        return text
    return text.translate(_PRINTABLE)


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
