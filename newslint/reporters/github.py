"""`--output-format github`: GitHub Actions workflow commands that annotate the pull request.

`::error file=...,line=...,col=...,endLine=...,endColumn=...,title=CODE name::message` per
diagnostic (`warning` for warnings, `notice` for infos); an annotation over several lines has no
columns, which the runner would drop with a warning. GitHub attaches an annotation to a file by
its path from the repository root, so paths are given from the root of the git repository around
the working directory (as they are when newslint runs there). Data is escaped as the Actions
toolkit does: `%`, CR and LF everywhere, and also `:` and `,` in properties. A diagnostic in no
file (`newslint.diagnostics.NO_FILE`) is an annotation of the run, with a title but no `file`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, TextIO

from newslint.diagnostics import Diagnostic

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def repository_path(path: str, root: Path | None) -> str:
    """`path` (relative to the working directory) from the repository root, when it is inside."""
    if root is None:
        return path
    try:
        return Path(os.path.abspath(path)).relative_to(root).as_posix()
    except ValueError:
        return path


def write(diagnostics: list[Diagnostic], files: int, out: TextIO, **_: Any) -> None:
    from newslint.reporters.sarif import repository_root

    root = repository_root()
    shown: dict[str, str] = {}  # path -> its escaped property, worked out once per file
    for d in diagnostics:
        title = f"title={_escape_property(f'{d.code} {d.rule}')}"
        if not d.path:  # in no file: an annotation of the run, without file or position
            out.write(f"::{_LEVEL[d.severity.label]} {title}::{_escape_data(d.message)}\n")
            continue
        file = shown.get(d.path)
        if file is None:
            file = shown[d.path] = _escape_property(repository_path(d.path, root))
        # The runner drops columns (with a warning) when the annotation spans lines.
        if d.end_line == d.line:
            where = f"line={d.line},col={d.column},endLine={d.end_line},endColumn={d.end_column}"
        else:
            where = f"line={d.line},endLine={d.end_line}"
        props = f"file={file},{where},{title}"
        out.write(f"::{_LEVEL[d.severity.label]} {props}::{_escape_data(d.message)}\n")
