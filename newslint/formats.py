"""The names of the output formats, in a module of their own: `--help` and `--version` list them
without importing the reporters (which import the diagnostics, about 20 ms), and the
configuration's `output-format` takes the same ones (`OutputFormat`)."""

from __future__ import annotations

from typing import Literal, get_args

OutputFormat = Literal[
    "full",
    "concise",
    "grouped",
    "json",
    "json-lines",
    "github",
    "sarif",
    "junit",
    "gitlab",
]
FORMATS: tuple[str, ...] = get_args(OutputFormat)
