"""The names of the output formats, in a module of their own: `--help` and `--version` list them
without importing the reporters (which import the diagnostics, about 20 ms)."""

from __future__ import annotations

FORMATS = (
    "full",
    "concise",
    "grouped",
    "json",
    "json-lines",
    "github",
    "sarif",
    "junit",
    "gitlab",
)
