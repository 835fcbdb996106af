"""`--output-format sarif`: SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`).

One run whose driver lists every rule of the run (id = code, name, short and full description, the
rule's documentation as help text and Markdown, a help URI, the default level) and one result per
diagnostic with its rule id and index, level, message and region. Columns count Unicode code
points (`columnKind`), ends are exclusive as SARIF wants. File URIs are relative to the root of the
git repository around the working directory (what code scanning expects), else to the working
directory, with `uriBaseId` `%SRCROOT%`.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from newslint import __version__
from newslint.diagnostics import Diagnostic
from newslint.rule import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/newslint/"
# Where a rule's documentation lives, by rule name. Taken from the installed distribution's
# `Project-URL: Rules` (a template with `{name}` and `{code}`) when there is one.
DEFAULT_HELP_URI = "https://pypi.org/project/newslint/#rules"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_PROBLEM = {"error": "error", "warning": "warning", "info": "recommendation"}
_SECTION = re.compile(r"^## What it does\s*\n(.*?)(?=^## |\Z)", re.M | re.S)


def _help_template() -> str:
    try:
        from importlib.metadata import metadata

        for entry in metadata("newslint").get_all("Project-URL") or []:
            label, _, url = entry.partition(",")
            if label.strip().lower() == "rules" and url.strip():
                return url.strip()
    except Exception:  # not installed: the default is fine
        pass
    return DEFAULT_HELP_URI


def help_uri(rule: type[Rule], template: str | None = None) -> str:
    """The documentation URL of `rule`: its own `url` attribute (plugins), else the project's."""
    own = getattr(rule, "url", None)
    if isinstance(own, str) and own:
        return own
    return (template or _help_template()).format(name=rule.name, code=rule.code)


def _full_description(doc: str, summary: str) -> str:
    match = _SECTION.search(doc)
    text = " ".join(match.group(1).split()) if match else ""
    return text or summary


def _descriptor(rule: type[Rule], level: str, template: str) -> dict[str, Any]:
    doc = rule.documentation()
    summary = rule.summary() or rule.name
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": _full_description(doc, summary)},
        "help": {"text": doc or summary, "markdown": doc or summary},
        "helpUri": help_uri(rule, template),
        "defaultConfiguration": {"level": _LEVEL[level]},
        "properties": {
            "tags": ["newslint", *rule.presets],
            "precision": "high",
            "problem.severity": _PROBLEM[level],
        },
    }


def _engine_descriptor(code: str, name: str, level: str, template: str) -> dict[str, Any]:
    text = f"newslint reported {name} (an engine diagnostic, not a rule)."
    return {
        "id": code,
        "name": name,
        "shortDescription": {"text": text},
        "fullDescription": {"text": text},
        "help": {"text": text, "markdown": text},
        "helpUri": template.format(name=name, code=code),
        "defaultConfiguration": {"level": _LEVEL[level]},
        "properties": {
            "tags": ["newslint"],
            "precision": "high",
            "problem.severity": _PROBLEM[level],
        },
    }


def repository_root() -> Path | None:
    """The nearest folder from the working directory upward that holds `.git`, or None."""
    here = Path.cwd()
    for directory in [here, *here.parents]:
        if (directory / ".git").exists():
            return directory
    return None


def artifact_uri(path: str, root: Path | None) -> str:
    """A relative URI for `path` (relative to the working directory) under `root`."""
    absolute = Path(os.path.abspath(path))
    if root is not None:
        try:
            return quote(absolute.relative_to(root).as_posix())
        except ValueError:
            pass
    if not Path(path).is_absolute():
        return quote(Path(path).as_posix())
    return absolute.as_uri()


def _region(line: int, column: int, end_line: int, end_column: int) -> dict[str, int]:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _result(d: Diagnostic, index: int, uri: str) -> dict[str, Any]:
    location = {"artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"}}
    result: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": index,
        "level": _LEVEL[d.severity.label],
        "message": {"text": d.message},
        "locations": [
            {
                "physicalLocation": {
                    **location,
                    "region": _region(d.line, d.column, d.end_line, d.end_column),
                }
            }
        ],
    }
    if d.fix is not None and d.fix_positions:
        result["fixes"] = [
            {
                "description": {"text": f"{d.fix.title} ({d.fix.applicability.value})"},
                "artifactChanges": [
                    {
                        **location,
                        "replacements": [
                            {
                                "deletedRegion": _region(
                                    e.line, e.column, e.end_line, e.end_column
                                ),
                                "insertedContent": {"text": e.content},
                            }
                            for e in d.fix_positions
                        ],
                    }
                ],
            }
        ]
    return result


def sarif_log(
    diagnostics: list[Diagnostic], rules: list[type[Rule]] | None = None
) -> dict[str, Any]:
    """The SARIF document as data."""
    if rules is None:
        from newslint.registry import load_registry

        rules = list(load_registry().rules)
    template = _help_template()
    descriptors: list[dict[str, Any]] = []
    index_of: dict[str, int] = {}
    for rule in sorted(rules, key=lambda r: r.code):
        if rule.code not in index_of:
            index_of[rule.code] = len(descriptors)
            descriptors.append(_descriptor(rule, rule.severity.label, template))
    for d in diagnostics:  # engine diagnostics and rules of another run still need a descriptor
        if d.code not in index_of:
            index_of[d.code] = len(descriptors)
            descriptors.append(_engine_descriptor(d.code, d.rule, d.severity.label, template))
    root = repository_root()
    results = [_result(d, index_of[d.code], artifact_uri(d.path, root)) for d in diagnostics]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "newslint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": descriptors,
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if root is not None:
        run["originalUriBaseIds"] = {"%SRCROOT%": {"uri": root.as_uri() + "/"}}
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def write(
    diagnostics: list[Diagnostic],
    files: int,
    out: TextIO,
    *,
    rules: list[type[Rule]] | None = None,
    **_: Any,
) -> None:
    json.dump(sarif_log(diagnostics, rules), out, ensure_ascii=False, indent=2)
    out.write("\n")
