"""`--output-format sarif`: SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`).

One run whose driver lists every rule of the run (id = code, name, short and full description, the
rule's documentation as help text and Markdown, a help URI, the default level) and one result per
diagnostic with its rule id and index, level, message and region. File URIs are relative to the
root of the git repository around the working directory (what code scanning expects), else to the
working directory, with `uriBaseId` `%SRCROOT%`. A diagnostic in no file (a cross-file rule that
crashed) is not a result but a `toolExecutionNotifications` item of the run's invocation, which
then is not `executionSuccessful`.

Columns are UTF-16 code units (`columnKind` `utf16CodeUnits`, the SARIF default), not the code
points of newslint's own formats: code scanning reads only the regions and ignores `columnKind`
(GitHub's "SARIF support for code scanning" lists the properties it uses), and it counts as
CodeQL does, in UTF-16. An emoji or a CJK extension-B character before a position on its line
moves the column by one. Ends stay exclusive, as SARIF wants.

Each result carries `partialFingerprints.primaryLocationLineHash`, computed from the file as the
`upload-sarif` action computes it, so alerts keep their identity across runs also when the file is
uploaded through the API (which computes nothing).
"""

from __future__ import annotations

import json
import os
import re
from array import array
from bisect import bisect_left
from operator import mul
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from newslint import __version__
from newslint.diagnostics import Diagnostic
from newslint.rule import Rule
from newslint.spans import LineIndex

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/newslint/"
# Where a rule's documentation lives, by rule name. Taken from the installed distribution's
# `Project-URL: Rules` (a template with `{name}` and `{code}`) when there is one.
DEFAULT_HELP_URI = "https://pypi.org/project/newslint/#rules"
# Code scanning rejects a run with more results, and cuts a rule's descriptions to this length
# (GitHub's "SARIF support for code scanning").
MAX_RESULTS = 25_000
DESCRIPTION_LIMIT = 1024
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_PROBLEM = {"error": "error", "warning": "warning", "info": "recommendation"}
_SECTION = re.compile(r"^## What it does\s*\n(.*?)(?=^## |\Z)", re.M | re.S)


def _help_template() -> str:
    try:
        from importlib.metadata import metadata

        for entry in metadata("newslint").get_all("Project-URL") or []:
            label, _, url = str(entry).partition(",")
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


def _clip(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """`text` cut to `limit` characters at a sentence (else a word) with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    end = cut.rfind(". ")
    if end < limit // 2:
        end = cut.rfind(" ")
    return cut[: end + 1 if end > 0 else len(cut)].rstrip() + "…"


def _full_description(doc: str, summary: str) -> str:
    match = _SECTION.search(doc)
    text = " ".join(match.group(1).split()) if match else ""
    return _clip(text or summary)


def _descriptor(rule: type[Rule], level: str, template: str) -> dict[str, Any]:
    doc = rule.documentation()
    summary = rule.summary() or rule.name
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": _clip(summary)},
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
    """The URI of `path` (relative to the working directory): relative to `root` (the
    repository), or to the working directory when there is none, percent-encoded (a space, a
    comma, a colon, any non-ASCII character, each byte of the name as the file system holds it);
    a `file:` URI when the file lies outside."""
    absolute = Path(os.path.abspath(path))
    try:
        # The name's own bytes: one that is not UTF-8 (`caf\\xe9.md`, held as a lone surrogate)
        # is `caf%E9.md`, the file itself, not the U+FFFD it is shown with.
        return quote(os.fsencode(absolute.relative_to(root or Path.cwd()).as_posix()))
    except ValueError:
        return absolute.as_uri()


def _artifact_location(uri: str) -> dict[str, str]:
    # A relative URI is resolved against `%SRCROOT%` (defined in `originalUriBaseIds`); an
    # absolute one takes no `uriBaseId` (SARIF 2.1.0, 3.4.4).
    if uri.startswith("file:"):
        return {"uri": uri}
    return {"uri": uri, "uriBaseId": "%SRCROOT%"}


# ------------------------------------------------------------------ the file behind the results

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_BLOCK = 100  # the upload-sarif action hashes the first 100 characters from each line on
_MOD = 37
_MASK = (1 << 64) - 1  # its arithmetic is 64-bit (`Long`), printed unsigned
_POWERS = [pow(_MOD, _BLOCK - 1 - i, 1 << 64) for i in range(_BLOCK)]
_END = 65535  # the action's end-of-file marker, then zeros
_BAD_BYTE = {code: 0xFFFD for code in range(0xDC80, 0xDD00)}  # `surrogateescape`'s bytes
_LF = re.compile("\n")


class _LineHasher:
    """`primaryLocationLineHash` per line, as github/codeql-action's `src/fingerprints.ts` computes
    it: a polynomial hash (base 37, modulo 2**64) of the first 100 UTF-16 code units from the
    start of the line onward, across line breaks, after dropping spaces and tabs and turning CR
    LF and lone CR into LF; the end of the file is 65535 then zeros. `:n` counts how often the
    same hash has occurred from the top of the file, this line included."""

    def __init__(self, text: str) -> None:
        normal = text.replace("\r\n", "\n").replace("\r", "\n").replace(" ", "").replace("\t", "")
        units = array("H", normal.encode("utf-16-le", "surrogatepass"))
        units.extend([_END] + [0] * _BLOCK)
        self._units = units
        self._bytes = units.tobytes()
        # The start of each line, in code units. The action does the same with a newline after
        # whitespace only (`"\r \n"` is two line breaks), and so does this order of replacing.
        starts = [0] + [m.end() for m in _LF.finditer(normal)]
        if _ASTRAL.search(normal):  # code points to code units
            astral = [m.start() for m in _ASTRAL.finditer(normal)]
            starts = [start + bisect_left(astral, start) for start in starts]
        self._starts = starts
        self._counted: list[str] = []
        self._seen: dict[bytes, int] = {}
        self._hashes: dict[int, str] = {}

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def _hash(self, start: int) -> str:
        # `map(mul, ...)` multiplies in C: a generator over the hundred units took most of the
        # SARIF report of a file with many results.
        value = sum(map(mul, self._units[start : start + _BLOCK], _POWERS)) & _MASK
        return format(value, "x")

    def line(self, number: int) -> str | None:
        """The hash of 1-based line `number`, or None past the end."""
        if not 1 <= number <= self.line_count:
            return None
        # Equal hashes come from equal windows (a 64-bit collision aside), so occurrences are
        # counted by window and only the lines asked for are hashed.
        counted = self._counted
        if len(counted) < number:
            seen, data, starts = self._seen, self._bytes, self._starts
            for start in starts[len(counted) : number]:
                window = data[2 * start : 2 * (start + _BLOCK)]
                seen[window] = occurrences = seen.get(window, 0) + 1
                counted.append(str(occurrences))
        found = self._hashes.get(number)  # many results on one line: hashed once
        if found is None:
            found = self._hashes[number] = (
                f"{self._hash(self._starts[number - 1])}:{counted[number - 1]}"
            )
        return found


def line_hashes(text: str) -> list[str]:
    """`primaryLocationLineHash` of every line of `text`, in order (see `_LineHasher`)."""
    hasher = _LineHasher(text)
    return [hasher.line(n) or "" for n in range(1, hasher.line_count + 1)]


class _Source:
    """What SARIF needs from a file that has results: its lines (to count UTF-16 code units) and
    the line hashes. Read only when a result needs it; a file that cannot be read, or no longer
    holds the line the diagnostic was reported on, gives neither."""

    def __init__(self, raw: bytes) -> None:
        # As `newslint.document` decodes: one U+FFFD per undecodable byte, so that newslint's
        # columns index this text. The hash decodes as the action (Node) does.
        try:
            self.text = raw.decode("utf-8")
        except UnicodeDecodeError:
            self.text = raw.decode("utf-8", "surrogateescape").translate(_BAD_BYTE)
        self.astral = _ASTRAL.search(self.text) is not None
        self._raw = raw
        self._lines: LineIndex | None = None
        self._hasher: _LineHasher | None = None
        self._astral_at: dict[int, list[int]] = {}  # line -> offsets of its astral characters

    @classmethod
    def read(cls, path: str) -> _Source | None:
        try:
            return cls(Path(path).read_bytes())
        except (OSError, ValueError):
            return None

    def line_text(self, line: int) -> str | None:
        if self._lines is None:
            self._lines = LineIndex(self.text)
        if not 1 <= line <= self._lines.line_count:
            return None
        span = self._lines.line_span(line)
        return self.text[span.start : span.end]

    def astral_before(self, line: int, column: int) -> int:
        """How many astral characters (two UTF-16 code units each) stand before 1-based code-point
        `column` of 1-based `line`: found once per line, so that many results on one long line
        do not each scan it (a 1 MB line of control characters took minutes)."""
        offsets = self._astral_at.get(line)
        if offsets is None:
            text = self.line_text(line)
            offsets = [m.start() for m in _ASTRAL.finditer(text)] if text else []
            self._astral_at[line] = offsets
        return bisect_left(offsets, max(column - 1, 0))

    def line_hash(self, line: int) -> str | None:
        if self._hasher is None:
            self._hasher = _LineHasher(self._raw.decode("utf-8", "replace"))
        return self._hasher.line(line)


def _utf16(line_text: str | None, column: int) -> int:
    """Code-point `column` of a line as UTF-16 code units: one more per astral character before it."""
    if not line_text:
        return column
    return column + len(_ASTRAL.findall(line_text, 0, max(column - 1, 0)))


class _Columns:
    """Converts a diagnostic's positions to UTF-16 columns, from the file when it still holds the
    diagnostic's line, else from the line the diagnostic kept (its own line only)."""

    def __init__(self, d: Diagnostic, source: _Source | None) -> None:
        self.source = source
        if source is not None and d.source_line and source.line_text(d.line) != d.source_line:
            self.source = None  # the file changed since it was linted (`fix` rewrote it)
        self._kept = (d.line, d.source_line)

    def column(self, line: int, column: int) -> int:
        """Code-point `column` of `line` in UTF-16 code units."""
        if self.source is not None:
            return (
                column + self.source.astral_before(line, column) if self.source.astral else column
            )
        kept_line, kept_text = self._kept
        return _utf16(kept_text if line == kept_line else None, column)

    def region(self, line: int, column: int, end_line: int, end_column: int) -> dict[str, int]:
        return {
            "startLine": line,
            "startColumn": self.column(line, column),
            "endLine": end_line,
            "endColumn": self.column(end_line, end_column),
        }


def _result(d: Diagnostic, index: int, uri: str, source: _Source | None) -> dict[str, Any]:
    location = {"artifactLocation": _artifact_location(uri)}
    columns = _Columns(d, source)
    result: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": index,
        "level": _LEVEL[d.severity.label],
        "message": {"text": d.message},
        "locations": [
            {
                "physicalLocation": {
                    **location,
                    "region": columns.region(d.line, d.column, d.end_line, d.end_column),
                }
            }
        ],
    }
    line_hash = columns.source.line_hash(d.line) if columns.source is not None else None
    if line_hash is not None:
        result["partialFingerprints"] = {"primaryLocationLineHash": line_hash}
    if d.fix is not None and d.fix_positions:
        result["fixes"] = [
            {
                "description": {"text": f"{d.fix.title} ({d.fix.applicability.value})"},
                "artifactChanges": [
                    {
                        **location,
                        "replacements": [
                            {
                                "deletedRegion": columns.region(
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


def _notification(d: Diagnostic, index: int) -> dict[str, Any]:
    """A diagnostic in no file (`newslint.diagnostics.NO_FILE`, a cross-file rule's crash) as a
    tool execution notification (SARIF 2.1.0, 3.58): code scanning rejects a result without a
    location, and one at a made-up location would point at no file."""
    return {
        "level": _LEVEL[d.severity.label],
        "message": {"text": d.message},
        "associatedRule": {"id": d.code, "index": index},
    }


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
    kept = _most_severe(diagnostics, MAX_RESULTS)
    sources: dict[str, _Source | None] = {}
    results = []
    uri = ""
    notifications = []
    for d in kept:
        if not d.path:  # in no file: a notification of the run (a result needs a location)
            notifications.append(_notification(d, index_of[d.code]))
            continue
        if d.path not in sources:
            named = d.path
            if "\ufffd" in named:  # maybe a name that is not UTF-8: find the file's own name
                from newslint.engine import named_path_of

                named = named_path_of(named)
            sources = {d.path: _Source.read(named)}  # diagnostics come file by file: keep one
            uri = artifact_uri(named, root)
        results.append(_result(d, index_of[d.code], uri, sources[d.path]))
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
        "columnKind": "utf16CodeUnits",
        # newslint's lines end at CR LF, LF and a lone CR (SARIF's default leaves the last out).
        "newlineSequences": ["\r\n", "\n", "\r"],
        "originalUriBaseIds": {"%SRCROOT%": {"uri": (root or Path.cwd()).as_uri() + "/"}},
        "results": results,
    }
    if notifications:
        run["invocations"] = [
            {"executionSuccessful": False, "toolExecutionNotifications": notifications}
        ]
    if len(kept) < len(diagnostics):
        run["properties"] = {"newslint.omittedResults": len(diagnostics) - len(kept)}
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _most_severe(diagnostics: list[Diagnostic], limit: int) -> list[Diagnostic]:
    """At most `limit` diagnostics, the most severe first chosen, kept in their order."""
    if len(diagnostics) <= limit:
        return diagnostics
    by_severity = sorted(range(len(diagnostics)), key=lambda i: -diagnostics[i].severity)
    return [diagnostics[i] for i in sorted(by_severity[:limit])]


def write(
    diagnostics: list[Diagnostic],
    files: int,
    out: TextIO,
    *,
    rules: list[type[Rule]] | None = None,
    **_: Any,
) -> None:
    log = sarif_log(diagnostics, rules)
    # Compact: `indent` would take json's pure-Python encoder, several times slower on the
    # 25,000 results a run may hold, and code scanning caps the (gzipped) file at 10 MB.
    out.write(json.dumps(log, ensure_ascii=False, separators=(",", ":")))
    out.write("\n")
    run = log["runs"][0]
    kept = len(run["results"]) + sum(
        len(invocation["toolExecutionNotifications"]) for invocation in run.get("invocations", ())
    )
    if kept < len(diagnostics):
        import sys

        print(
            f"newslint: warning: SARIF holds the {kept:,} most severe of {len(diagnostics):,} "
            "results (code scanning rejects a run of more); narrow the run with --select or a "
            "--baseline",
            file=sys.stderr,
        )
