"""`--output-format gitlab`: a GitLab Code Quality report (`artifacts: reports: codequality:`).

One JSON array, an object per diagnostic, as GitLab reads it (its subset of the Code Climate
issue format):

    {"description": "CODE name: message", "check_name": "CODE", "fingerprint": "32 hex digits",
     "severity": "major"|"minor"|"info",
     "location": {"path": "content/x.md", "lines": {"begin": 3, "end": 3}}}

`error` is `major`, `warning` `minor` and `info` `info`. The path is the file's path from the
project root: `CI_PROJECT_DIR` under GitLab CI, else the git repository around the working
directory (as the `github` and `sarif` formats give it). GitLab tells a new problem from a fixed
one by its fingerprint, so the fingerprint is made of what a baseline matches (the path, the rule
and the text the problem is about, see `newslint.baseline`) and of how many identical problems
come before it in the file, not of the line: editing a paragraph above a problem does not make
the merge request show it as fixed and found again.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any, TextIO

from newslint.diagnostics import Diagnostic
from newslint.reporters.concise import BATCH
from newslint.reporters.github import repository_path

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def project_root() -> Path | None:
    """`CI_PROJECT_DIR` when GitLab CI sets it, else the git repository's root, else None."""
    from newslint.reporters.sarif import repository_root

    ci_dir = os.environ.get("CI_PROJECT_DIR")
    if ci_dir:
        return Path(os.path.abspath(ci_dir))
    return repository_root()


def fingerprint(path: str, diagnostic: Diagnostic, occurrence: int) -> str:
    """The issue's identity: path, code, the text it is about and its rank among equal ones."""
    text = diagnostic.source_text or diagnostic.message
    key = "\0".join((path, diagnostic.code, text, str(occurrence)))
    return hashlib.md5(key.encode("utf-8", "surrogatepass"), usedforsecurity=False).hexdigest()


def issues(diagnostics: list[Diagnostic], root: Path | None) -> list[dict[str, Any]]:
    """The report's objects, in the diagnostics' order."""
    seen: Counter[tuple[str, str, str]] = Counter()
    shown: dict[str, str] = {}
    found = []
    for d in diagnostics:
        path = shown.get(d.path)
        if path is None:  # no file (a cross-file rule's crash): GitLab needs a path, an empty one
            path = shown[d.path] = repository_path(d.path, root) if d.path else ""
        same = (path, d.code, d.source_text or d.message)
        seen[same] += 1
        found.append(
            {
                "description": f"{d.code} {d.rule}: {d.message}",
                "check_name": d.code,
                "fingerprint": fingerprint(path, d, seen[same]),
                "severity": _SEVERITY[d.severity.label],
                "location": {"path": path, "lines": {"begin": d.line, "end": d.end_line}},
            }
        )
    return found


def write(diagnostics: list[Diagnostic], files: int, out: TextIO, **_: Any) -> None:
    found = issues(diagnostics, project_root())
    if not found:
        out.write("[]\n")
        return
    # One compact object a line: `json.dumps` with an indent falls back to its pure-Python
    # encoder, which costs more than the lint on a file with 100,000 problems.
    for start in range(0, len(found), BATCH):
        items = ",\n".join(
            "  " + json.dumps(issue, ensure_ascii=False) for issue in found[start : start + BATCH]
        )
        out.write(("[\n" if start == 0 else ",\n") + items)
    out.write("\n]\n")
