"""Peer round L: black-box acceptance tests of newslint's documented contract.

Written from the public documentation only: DESIGN.md's "Command line", "JSON output",
"Configuration" and "Rule catalogue" sections, the README, `newslint --help` and the output of
`newslint rules` / `newslint rule CODE`. Every test drives the installed `newslint` console script
in a subprocess, exactly as a user or CI job does, and asserts the documented promise exactly.

Runs that several tests read (the same command in the same unchanged folder) are made once and
memoised, so the module stays fast although it holds several hundred cases; a test that changes
files works on its own copy.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _newslint_executable() -> str:
    """The console script installed beside the running interpreter (the venv's `newslint`)."""
    beside = Path(sys.executable).parent / "newslint"
    if beside.exists():
        return str(beside)
    found = shutil.which("newslint")
    if found is None:  # pragma: no cover - the test extra installs the package
        pytest.skip("the newslint console script is not installed")
    return found


# Variables that change the output format or colour are removed so every run is a plain pipe.
_SCRUBBED = ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR", "CI")


@dataclass(frozen=True)
class Result:
    """One finished run: exit code, standard output and standard error as text."""

    rc: int
    out: str
    err: str

    def json(self) -> object:
        return json.loads(self.out)


def _env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _SCRUBBED}
    env.update(extra or {})
    return env


def run_script(
    *args: str,
    cwd: Path,
    stdin: bytes | None = None,
    env: Mapping[str, str] | None = None,
) -> Result:
    """Run the installed `newslint` console script in a new process, exactly as a user does."""
    proc = subprocess.run(
        [_newslint_executable(), *args],
        cwd=cwd,
        input=stdin if stdin is not None else b"",
        capture_output=True,
        env=_env(env),
        timeout=120,
    )
    return Result(
        proc.returncode,
        proc.stdout.decode("utf-8", "replace"),
        proc.stderr.decode("utf-8", "replace"),
    )


# A fork server: one process imports newslint once, then forks a fresh child per command, which
# sets up the working directory, environment and standard streams (files) as a new process would
# have them and calls the console script's `main(argv)`. Each run starts from a clean process
# state (nothing newslint caches survives from one command to the next) without paying the
# interpreter's and the imports' start-up per command: the module runs some three hundred
# commands. `test_the_fork_server_runs_as_the_console_script_does` checks it against the script.
_FORK_SERVER = r"""
import base64, json, os, sys, tempfile, traceback

import newslint.cli

import pkgutil
import newslint
import newslint.rules

# Import (compile, with PYTHONDONTWRITEBYTECODE set) every module once, here, not in each child.
_names = ["yaml", "pydantic", "ftfy", "pyromark", "httpx"]
for _package in (newslint, newslint.rules):
    _names += [m.name for m in pkgutil.walk_packages(_package.__path__, _package.__name__ + ".")]
for _name in _names:
    if _name.endswith("__main__"):  # `python -m newslint` would run the command
        continue
    try:
        __import__(_name)
    except Exception:  # a module the run may not need; the child imports what it needs
        pass

reply = sys.stdout
for line in sys.stdin:
    request = json.loads(line)
    folder = tempfile.mkdtemp(prefix="newslint-fork-")
    names = [os.path.join(folder, n) for n in ("stdin", "stdout", "stderr")]
    with open(names[0], "wb") as handle:
        handle.write(base64.b64decode(request["stdin"]))
    pid = os.fork()
    if pid == 0:
        code = 3
        try:
            os.chdir(request["cwd"])
            os.environ.clear()
            os.environ.update(request["env"])
            flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
            for fd, opened in enumerate(
                (os.open(names[0], os.O_RDONLY), os.open(names[1], flags), os.open(names[2], flags))
            ):
                os.dup2(opened, fd)
                os.close(opened)
            sys.stdin = open(0, encoding="utf-8", closefd=False)
            sys.stdout = open(1, "w", encoding="utf-8", closefd=False)
            sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)
            sys.argv = ["newslint", *request["argv"]]
            try:
                code = newslint.cli.main(request["argv"])
            except SystemExit as exit_:
                if exit_.code is None or isinstance(exit_.code, int):
                    code = exit_.code or 0
                else:
                    print(exit_.code, file=sys.stderr)
                    code = 1
        except BaseException:
            traceback.print_exc()
        finally:
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            finally:
                os._exit(code)
    _, status = os.waitpid(pid, 0)
    out = []
    for name in names:
        with open(name, "rb") as handle:
            out.append(base64.b64encode(handle.read()).decode())
        os.unlink(name)
    os.rmdir(folder)
    reply.write(json.dumps({"rc": os.waitstatus_to_exitcode(status), "out": out[1], "err": out[2]}) + "\n")
    reply.flush()
"""


class _ForkServer:
    """The fork server's process, started on first use; one command at a time."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    def __call__(
        self, args: Sequence[str], cwd: Path, stdin: bytes, env: Mapping[str, str]
    ) -> Result:
        with self._lock:
            if self._proc is None or self._proc.poll() is not None:
                self._proc = subprocess.Popen(
                    [sys.executable, "-c", _FORK_SERVER],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    env=_env(),
                )
            assert self._proc.stdin is not None and self._proc.stdout is not None
            request = {
                "argv": list(args),
                "cwd": str(cwd),
                "env": dict(env),
                "stdin": base64.b64encode(stdin).decode(),
            }
            self._proc.stdin.write(json.dumps(request).encode() + b"\n")
            self._proc.stdin.flush()
            reply = json.loads(self._proc.stdout.readline())
        return Result(
            reply["rc"],
            base64.b64decode(reply["out"]).decode("utf-8", "replace"),
            base64.b64decode(reply["err"]).decode("utf-8", "replace"),
        )

    def close(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            assert self._proc.stdin is not None
            self._proc.stdin.close()
            self._proc.wait(timeout=30)


_SERVER = _ForkServer()


@pytest.fixture(scope="module", autouse=True)
def _stop_the_fork_server() -> Iterator[None]:
    yield
    _SERVER.close()


def run(
    *args: str,
    cwd: Path,
    stdin: bytes | None = None,
    env: Mapping[str, str] | None = None,
) -> Result:
    """Run `newslint ARGS` in CWD, in a fresh process (not memoised: for folders a test changes)."""
    return _SERVER(args, cwd, stdin if stdin is not None else b"", _env(env))


@cache
def _memo(
    args: tuple[str, ...], cwd: str, stdin: bytes | None, env: tuple[tuple[str, str], ...]
) -> Result:
    return run(*args, cwd=Path(cwd), stdin=stdin, env=dict(env))


def memo(
    *args: str,
    cwd: Path,
    stdin: bytes | None = None,
    env: Mapping[str, str] | None = None,
) -> Result:
    """Run `newslint ARGS` once per distinct command, for folders that no test changes."""
    return _memo(tuple(args), str(cwd), stdin, tuple(sorted((env or {}).items())))


# --------------------------------------------------------------------------------------------
# The articles. Each one's problems are spelt out where a test relies on them.
# --------------------------------------------------------------------------------------------

HUGO_TOML = """\
baseURL = "https://news.example.org/"
title = "Example News"
timeZone = "Asia/Shanghai"
"""

# No problem at all.
CLEAN = """\
---
title: "Harbour reopens after storm repairs"
date: 2025-03-14T08:30:00+08:00
summary: "The east harbour reopened on Friday after three weeks of repairs to the sea wall."
---

The east harbour reopened on Friday after three weeks of repairs to the sea wall.

Fishing boats were the first to return, followed by the morning ferry.

[Harbour Gazette](https://gazette.example.com/harbour-reopens)
"""

# Warnings and infos only, each with a safe fix; line 3 is DESIGN.md's JSON example exactly.
BAD = """\
---
title: "Council approves &#39;balanced&#39; budget"
date: "2025-02-08 09:55:35"
summary: "The council approved the budget on Tuesday after a long and heated debate."
---

The council approved the budget on Tuesday after a long and heated debate.

Prices rose.The index fell. Trade was quiet in the afternoon session.{space}

[Daily Example](https://daily.example.com/news/budget?utm_source=rss)
""".format(space=" ")  # one trailing space (BD002), kept out of the source's own line ends

BAD_FIXED = """\
---
title: "Council approves 'balanced' budget"
date: "2025-02-08T09:55:35+08:00"
summary: "The council approved the budget on Tuesday after a long and heated debate."
---

The council approved the budget on Tuesday after a long and heated debate.

Prices rose. The index fell. Trade was quiet in the afternoon session.

[Daily Example](https://daily.example.com/news/budget)
"""

# Errors: a missing summary (unsafe fix), a shouting title (display-only), a string boolean (safe).
ERR = """\
---
title: "MINISTERS WARN OF MEASLES OUTBREAK IN CAPITAL"
date: 2025-03-14T08:30:00+08:00
draft: "false"
---

Health ministers warned on Monday of a measles outbreak in the capital city.

[Health Daily](https://health.example.com/measles)
"""

# Problems without a fix: a short summary (info) and a future date (warning).
NOFIX = """\
---
title: "Town plans a new bridge over the river"
date: 2099-01-01T08:00:00+08:00
summary: "A new bridge."
---

The town council plans a new bridge over the river, the mayor said on Monday.

[Town Hall](https://townhall.example.com/bridge)
"""

# Columns count code points: the emoji before the entity is one column (two UTF-16 units).
UNI = """\
---
title: "😀 Café &amp; bar reopen in the old town"
date: 2025-03-14T08:30:00+08:00
summary: "The café and bar in the old town reopened on Saturday after a long renovation."
---

The café and bar in the old town reopened on Saturday after a long renovation.

[Old Town News](https://oldtown.example.com/cafe)
"""

ARTICLES = {
    "content/news/bad.md": BAD,
    "content/news/clean.md": CLEAN,
    "content/news/err.md": ERR,
    "content/news/nofix.md": NOFIX,
    "content/news/uni.md": UNI,
}


def write_site(root: Path, articles: Mapping[str, str] = ARTICLES, hugo: str = HUGO_TOML) -> Path:
    """A Hugo site at ROOT with the given articles (paths relative to it)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "hugo.toml").write_text(hugo, encoding="utf-8")
    for rel, text in articles.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shared site; no test changes it (fix tests copy it)."""
    return write_site(tmp_path_factory.mktemp("contract-site") / "site")


@pytest.fixture(scope="module")
def nowhere(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with no configuration and no Hugo site, for the commands that lint nothing."""
    return tmp_path_factory.mktemp("contract-nowhere")


@pytest.fixture
def site_copy(tmp_path: Path) -> Path:
    """A fresh copy of the site for a test that writes."""
    return write_site(tmp_path / "site")


def diags(result: Result) -> list[dict[str, object]]:
    data = result.json()
    assert isinstance(data, list)
    return data


def triples(result: Result) -> list[tuple[str, int, int]]:
    """(code, line, column) of each JSON diagnostic, in output order."""
    return [(str(d["code"]), int(d["line"]), int(d["column"])) for d in diags(result)]  # type: ignore[call-overload]


def codes(result: Result) -> set[str]:
    return {str(d["code"]) for d in diags(result)}


BAD_TRIPLES = [
    ("TX003", 2, 26),
    ("TX003", 2, 39),
    ("DT001", 3, 7),
    ("TX004", 9, 12),
    ("BD002", 9, 70),
    ("LK005", 11, 54),
]
ERR_TRIPLES = [("FM004", 1, 1), ("TX006", 2, 8), ("FM005", 4, 8)]
NOFIX_TRIPLES = [("DT003", 3, 7), ("TX002", 4, 10)]


# --------------------------------------------------------------------------------------------
# Rule catalogue: DESIGN.md's table, row by row (code, name, default severity, has a fix).
# LK006's severity is written "error/warning" (404 an error, 5xx a warning): the default is error.
# --------------------------------------------------------------------------------------------

DESIGN_CATALOGUE: list[tuple[str, str, str, bool]] = [
    ("FM001", "front-matter-missing", "error", False),
    ("FM002", "front-matter-syntax", "error", False),
    ("FM003", "duplicate-key", "error", False),
    ("FM004", "required-field", "error", True),
    ("FM005", "field-type", "error", True),
    ("FM006", "empty-field", "warning", True),
    ("FM007", "unknown-field", "warning", True),
    ("DT001", "date-format", "warning", True),
    ("DT002", "date-invalid", "error", False),
    ("DT003", "date-future", "warning", False),
    ("DT004", "date-order", "warning", False),
    ("TX001", "summary-truncated", "warning", True),
    ("TX002", "summary-length", "info", False),
    ("TX003", "html-entity", "warning", True),
    ("TX004", "sentence-spacing", "warning", True),
    ("TX005", "text-whitespace", "info", True),
    ("TX006", "title-shouting", "info", True),
    ("TX007", "language-mismatch", "warning", False),
    ("TH001", "sidebar-value", "error", True),
    ("TH002", "widget-value", "error", True),
    ("TH003", "thumbnail-value", "error", True),
    ("EN001", "mojibake", "error", True),
    ("EN002", "replacement-char", "error", False),
    ("EN003", "invisible-char", "warning", True),
    ("EN004", "control-char", "error", True),
    ("EN005", "invalid-utf8", "error", True),
    ("EN006", "byte-order-mark", "warning", True),
    ("EN007", "line-endings", "warning", True),
    ("BD001", "empty-paragraph", "warning", True),
    ("BD002", "trailing-whitespace", "info", True),
    ("BD003", "blank-lines", "info", True),
    ("BD004", "raw-html", "warning", False),
    ("BD005", "template-braces", "error", True),
    ("BD006", "body-empty", "warning", False),
    ("BD007", "duplicate-paragraph", "warning", True),
    ("LK001", "source-link-missing", "error", False),
    ("LK002", "link-malformed", "error", True),
    ("LK003", "link-relative", "warning", True),
    ("LK004", "link-insecure", "info", True),
    ("LK005", "tracking-params", "info", True),
    ("LK006", "link-broken", "error", False),
    ("LK007", "link-redirect", "info", True),
    ("XF001", "duplicate-source", "warning", False),
    ("XF002", "duplicate-title", "info", False),
]
DESIGN_CODES = [row[0] for row in DESIGN_CATALOGUE]


@cache
def rules_table(cwd: str) -> dict[str, list[str]]:
    """`newslint rules` (text) rows by code, split on runs of spaces up to the summary."""
    result = memo("rules", cwd=Path(cwd))
    assert result.rc == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].split() == ["code", "name", "severity", "fix", "preset", "origin", "summary"]
    return {line.split()[0]: line.split(None, 6) for line in lines[1:] if line.strip()}


@cache
def rules_json(cwd: str) -> dict[str, dict[str, object]]:
    result = memo("rules", "--output-format", "json", cwd=Path(cwd))
    assert result.rc == 0, result.err
    return {str(r["code"]): r for r in result.json()}  # type: ignore[union-attr]


_BATCH = """
import contextlib, io, json, sys
from newslint.cli import main
results = []
for argv in json.loads(sys.stdin.read()):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = main(argv)
        except SystemExit as exit_:
            rc = exit_.code if isinstance(exit_.code, int) else 2
    results.append([rc, out.getvalue(), err.getvalue()])
print(json.dumps(results))
"""


def run_batch(argvs: list[list[str]], cwd: Path) -> list[Result]:
    """Run many read-only commands through the console script's `main(argv)` in one process.

    `newslint rule X` for ninety selectors as ninety processes costs most of this module's time;
    the entry point the console script calls gives the same output (checked for a sample below).
    """
    proc = subprocess.run(
        [sys.executable, "-c", _BATCH],
        cwd=cwd,
        input=json.dumps(argvs).encode(),
        capture_output=True,
        env=_env(),
        timeout=300,
        check=True,
    )
    return [Result(rc, out, err) for rc, out, err in json.loads(proc.stdout)]


@pytest.fixture(scope="module")
def rule_docs(nowhere: Path) -> dict[str, Result]:
    """`newslint rule X` for every catalogue code and name."""
    selectors = [code for code, *_ in DESIGN_CATALOGUE] + [name for _, name, *_ in DESIGN_CATALOGUE]
    results = run_batch([["rule", s] for s in selectors], nowhere)
    return dict(zip(selectors, results, strict=True))


@pytest.mark.parametrize("selector", ["DT001", "summary-length", "EN005"])
def test_the_console_script_prints_the_same_rule_doc(
    rule_docs: dict[str, Result], nowhere: Path, selector: str
) -> None:
    assert memo("rule", selector, cwd=nowhere) == rule_docs[selector]


@pytest.mark.parametrize(
    ("code", "name", "severity", "fixable"), DESIGN_CATALOGUE, ids=DESIGN_CODES
)
def test_catalogue_row_is_in_the_rules_table(
    nowhere: Path, code: str, name: str, severity: str, fixable: bool
) -> None:
    row = rules_table(str(nowhere))[code]
    assert row[1:4] == [name, severity, "yes" if fixable else "-"]
    assert row[5] == "builtin"


@pytest.mark.parametrize(
    ("code", "name", "severity", "fixable"), DESIGN_CATALOGUE, ids=DESIGN_CODES
)
def test_catalogue_row_is_in_the_rules_json(
    nowhere: Path, code: str, name: str, severity: str, fixable: bool
) -> None:
    entry = rules_json(str(nowhere))[code]
    assert (entry["name"], entry["severity"], entry["fixable"], entry["origin"]) == (
        name,
        severity,
        fixable,
        "builtin",
    )


@pytest.mark.parametrize(
    ("code", "name", "severity", "fixable"), DESIGN_CATALOGUE, ids=DESIGN_CODES
)
def test_rule_doc_by_code(
    rule_docs: dict[str, Result], code: str, name: str, severity: str, fixable: bool
) -> None:
    result = rule_docs[code]
    assert result.rc == 0 and result.err == ""
    lines = result.out.splitlines()
    assert lines[0] == f"# {name} ({code})"
    assert (
        lines[2] == f"Severity: {severity}. Fixable: {'yes' if fixable else 'no'}. Origin: builtin."
    )
    # STYLE.md: the rule doc's sections, and Fix safety exactly when the rule fixes.
    headings = [line for line in lines if line.startswith("## ")]
    assert headings[:4] == [
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "## Use instead",
    ]
    assert ("## Fix safety" in headings) is fixable


@pytest.mark.parametrize(("code", "name"), [row[:2] for row in DESIGN_CATALOGUE], ids=DESIGN_CODES)
def test_rule_doc_by_name_is_the_doc_by_code(
    rule_docs: dict[str, Result], code: str, name: str
) -> None:
    assert rule_docs[name] == rule_docs[code]


def _readme_rule_rows() -> list[tuple[str, str, str, str, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("<!-- rules:start -->", 1)[1].split("<!-- rules:end -->", 1)[0]
    rows = []
    for line in block.strip().splitlines()[2:]:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        rows.append((cells[0], cells[1].strip("`"), cells[2], cells[3], cells[4]))
    return rows


README_ROWS = _readme_rule_rows()


@pytest.mark.parametrize("row", README_ROWS, ids=[r[0] for r in README_ROWS])
def test_readme_rule_row_matches_the_rules_json(
    nowhere: Path, row: tuple[str, str, str, str, str]
) -> None:
    code, name, severity, fix, preset = row
    entry = rules_json(str(nowhere))[code]
    presets = entry["presets"]
    assert isinstance(presets, list)
    assert (entry["name"], entry["severity"], entry["fixable"]) == (name, severity, fix == "yes")
    assert (", ".join(presets) or "—") == preset


def test_every_design_code_and_every_readme_code_is_listed_once(nowhere: Path) -> None:
    listed = list(rules_json(str(nowhere)))
    assert len(listed) == len(set(listed))
    assert set(DESIGN_CODES) <= set(listed)
    # The README's generated table lists the rules; unused-suppression (NL001) is the engine's
    # and is described beside the table ("Besides the rules, newslint itself reports ...").
    rules = rules_json(str(nowhere))
    assert [code for code in sorted(listed) if rules[code]["origin"] == "engine"] == ["NL001"]
    assert [r[0] for r in README_ROWS] == sorted(
        c for c in listed if rules[c]["origin"] == "builtin"
    )


def test_codes_are_two_letters_and_three_digits_and_names_kebab_case(nowhere: Path) -> None:
    for code, entry in rules_json(str(nowhere)).items():
        assert re.fullmatch(r"[A-Z]{2}\d{3}", code), code
        assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", str(entry["name"])), entry


def test_rules_text_table_is_sorted_by_code(nowhere: Path) -> None:
    table = rules_table(str(nowhere))
    assert list(table) == sorted(table)


@pytest.mark.parametrize("selector", ["XX001", "date-formatt", "DT999"])
def test_rule_with_an_unknown_selector_exits_2_on_stderr(nowhere: Path, selector: str) -> None:
    result = memo("rule", selector, cwd=nowhere)
    assert result.rc == 2
    assert result.out == ""
    assert result.err.startswith("newslint: error: ")


def test_rule_suggests_the_closest_name(nowhere: Path) -> None:
    result = memo("rule", "date-formatt", cwd=nowhere)
    assert "date-format" in result.err


def test_every_catalogue_name_is_a_selector(site: Path) -> None:
    names = ",".join(name for _, name, *_ in DESIGN_CATALOGUE)
    result = memo(
        "check", "--select", names, "--output-format", "json", "content/news/bad.md", cwd=site
    )
    # Names, not errors; those of rules that sit out on this site (the theme's, not Mainroad,
    # and the link check's, not asked for) are each said to have no effect.
    idle = ["sidebar-value", "widget-value", "thumbnail-value", "link-broken", "link-redirect"]
    assert [line.split("'")[1] for line in result.err.splitlines()] == idle
    assert all(
        line.startswith("newslint: warning: selection '") for line in result.err.splitlines()
    )
    assert triples(result) == BAD_TRIPLES


def test_every_catalogue_code_is_a_selector(site: Path) -> None:
    result = memo(
        "check",
        "--select",
        ",".join(DESIGN_CODES),
        "--output-format",
        "json",
        "content/news/bad.md",
        cwd=site,
    )
    # Codes, not errors; those of rules that sit out on this site get the no-effect warning.
    idle = ["TH001", "TH002", "TH003", "LK006", "LK007"]
    assert [line.split("'")[1] for line in result.err.splitlines()] == idle
    assert all(
        line.startswith("newslint: warning: selection '") for line in result.err.splitlines()
    )
    assert triples(result) == BAD_TRIPLES


# --------------------------------------------------------------------------------------------
# JSON output (DESIGN.md "JSON output", README "JSON output").
# --------------------------------------------------------------------------------------------

JSON_KEYS = [
    "path",
    "rule",
    "code",
    "severity",
    "message",
    "line",
    "column",
    "end_line",
    "end_column",
    "fix",
]
EDIT_KEYS = ["line", "column", "end_line", "end_column", "content"]


def site_json(site: Path, *extra: str) -> Result:
    return memo("check", "--output-format", "json", *extra, cwd=site)


def test_design_json_example_is_reproduced_exactly(site: Path) -> None:
    """DESIGN.md's example element, for a site whose timeZone is Asia/Shanghai (+08:00)."""
    [element] = [d for d in diags(site_json(site)) if d["code"] == "DT001"]
    assert element == {
        "path": "content/news/bad.md",
        "rule": "date-format",
        "code": "DT001",
        "severity": "warning",
        "message": "date is not RFC 3339 with an offset: Hugo reads '2025-02-08 09:55:35' in Asia/Shanghai",
        "line": 3,
        "column": 7,
        "end_line": 3,
        "end_column": 28,
        "fix": {
            "applicability": "safe",
            "title": "Rewrite as 2025-02-08T09:55:35+08:00",
            "edits": [
                {
                    "line": 3,
                    "column": 7,
                    "end_line": 3,
                    "end_column": 28,
                    "content": '"2025-02-08T09:55:35+08:00"',
                }
            ],
        },
    }


def test_json_is_one_array_and_the_run_exits_1_for_the_errors(site: Path) -> None:
    result = site_json(site)
    assert result.rc == 1
    assert result.out.lstrip().startswith("[") and result.out.rstrip().endswith("]")
    assert isinstance(result.json(), list)


def _all_site_diags() -> list[str]:
    return [
        f"{path}:{code}:{line}:{col}"
        for path, ts in _EXPECTED_BY_PATH.items()
        for code, line, col in ts
    ]


_EXPECTED_BY_PATH: dict[str, list[tuple[str, int, int]]] = {
    "content/news/bad.md": BAD_TRIPLES,
    "content/news/err.md": ERR_TRIPLES,
    "content/news/nofix.md": NOFIX_TRIPLES,
    "content/news/uni.md": [("TX003", 2, 16)],
}


def test_json_lists_exactly_the_expected_problems_in_order(site: Path) -> None:
    """Sorted by path, then line and column; the clean article has none."""
    got = [(d["path"], d["code"], d["line"], d["column"]) for d in diags(site_json(site))]
    want = [(p, c, ln, col) for p, ts in _EXPECTED_BY_PATH.items() for c, ln, col in ts]
    assert got == want


@pytest.mark.parametrize("key", _all_site_diags())
def test_json_element_has_the_documented_keys_in_order_and_types(site: Path, key: str) -> None:
    path, code, line, col = key.split(":")
    [d] = [
        d
        for d in diags(site_json(site))
        if (d["path"], d["code"], d["line"], d["column"]) == (path, code, int(line), int(col))
    ]
    assert list(d) == JSON_KEYS
    for name in ("path", "rule", "code", "severity", "message"):
        assert isinstance(d[name], str) and d[name]
    for name in ("line", "column", "end_line", "end_column"):
        assert type(d[name]) is int and d[name] >= 1  # 1-based, never bool or float
    assert d["severity"] in ("error", "warning", "info")
    assert (d["end_line"], d["end_column"]) > (
        d["line"],
        d["column"],
    )  # exclusive end: non-empty span
    assert "\\" not in str(d["path"]) and not str(d["path"]).startswith("/")
    # message style (STYLE.md): lower case, no trailing period
    assert not str(d["message"]).endswith(".")
    fix = d["fix"]
    if fix is not None:
        assert isinstance(fix, dict)
        assert list(fix) == ["applicability", "title", "edits"]
        assert fix["applicability"] in ("safe", "unsafe", "display-only")
        assert isinstance(fix["title"], str) and fix["title"]
        assert fix["edits"] and all(list(e) == EDIT_KEYS for e in fix["edits"])


def test_rule_and_code_agree_with_the_catalogue(site: Path, nowhere: Path) -> None:
    table = rules_json(str(nowhere))
    for d in diags(site_json(site)):
        entry = table[str(d["code"])]
        assert (d["rule"], d["severity"]) == (entry["name"], entry["severity"])


@pytest.mark.parametrize(
    ("code", "applicability"),
    [("DT001", "safe"), ("FM004", "unsafe"), ("TX006", "display-only"), ("FM005", "safe")],
)
def test_fix_applicability_strings(site: Path, code: str, applicability: str) -> None:
    [d] = [d for d in diags(site_json(site)) if d["code"] == code]
    assert d["fix"]["applicability"] == applicability  # type: ignore[index]


@pytest.mark.parametrize("code", ["DT003", "TX002"])
def test_fix_is_null_without_a_fix(site: Path, code: str) -> None:
    [d] = [d for d in diags(site_json(site)) if d["code"] == code]
    assert d["fix"] is None
    assert '"fix": null' in site_json(site).out.replace('"fix":null', '"fix": null')


def test_unsafe_fix_inserts_the_summary_from_the_opening_sentence(site: Path) -> None:
    [d] = [d for d in diags(site_json(site)) if d["code"] == "FM004"]
    assert d["message"] == "required field 'summary' is missing"
    assert d["fix"] == {
        "applicability": "unsafe",
        "title": "Write the summary from the opening sentences",
        "edits": [
            {
                "line": 5,
                "column": 1,
                "end_line": 5,
                "end_column": 1,
                "content": 'summary: "Health ministers warned on Monday of a measles outbreak in the capital city."\n',
            }
        ],
    }


def test_display_only_fix_shows_the_sentence_case_title(site: Path) -> None:
    [d] = [d for d in diags(site_json(site)) if d["code"] == "TX006"]
    assert (d["line"], d["column"], d["end_line"], d["end_column"]) == (2, 8, 2, 55)
    assert d["fix"]["edits"][0]["content"] == '"Ministers warn of measles outbreak in capital"'  # type: ignore[index]


def test_columns_count_code_points(site: Path) -> None:
    """The astral emoji is one column: `&amp;` starts at code point 16 of the title line."""
    [d] = [d for d in diags(site_json(site)) if d["path"] == "content/news/uni.md"]
    assert (d["code"], d["line"], d["column"], d["end_line"], d["end_column"]) == (
        "TX003",
        2,
        16,
        2,
        21,
    )
    line = UNI.splitlines()[1]
    assert line[15:20] == "&amp;"


def test_end_column_is_exclusive(site: Path) -> None:
    """end_column - column is the length of the problem's text, for a one-line problem."""
    by_code = {d["code"]: d for d in diags(site_json(site)) if d["path"] == "content/news/bad.md"}
    lines = BAD.splitlines()
    spans = {
        code: lines[int(d["line"]) - 1][int(d["column"]) - 1 : int(d["end_column"]) - 1]  # type: ignore[call-overload]
        for code, d in by_code.items()
    }
    assert spans["DT001"] == '"2025-02-08 09:55:35"'
    assert spans["LK005"] == "?utm_source=rss"
    assert spans["BD002"] == " "


def test_applying_the_safe_edits_gives_what_fix_writes(site: Path, site_copy: Path) -> None:
    """The JSON edits, applied to the original text, are the fix `newslint fix` makes."""
    text = BAD
    line_starts = [0]
    for line in text.splitlines(keepends=True):
        line_starts.append(line_starts[-1] + len(line))
    edits = []
    for d in diags(site_json(site)):
        if d["path"] == "content/news/bad.md" and d["fix"] and d["fix"]["applicability"] == "safe":  # type: ignore[index]
            for e in d["fix"]["edits"]:  # type: ignore[index]
                start = line_starts[e["line"] - 1] + e["column"] - 1
                end = line_starts[e["end_line"] - 1] + e["end_column"] - 1
                edits.append((start, end, e["content"]))
    for start, end, content in sorted(edits, reverse=True):
        text = text[:start] + content + text[end:]
    assert text == BAD_FIXED
    run("fix", "content/news/bad.md", cwd=site_copy)
    assert (site_copy / "content/news/bad.md").read_text(encoding="utf-8") == BAD_FIXED


def test_json_lines_prints_the_same_objects_one_per_line(site: Path) -> None:
    lines = memo("check", "--output-format", "json-lines", cwd=site)
    assert lines.rc == 1
    objects = [json.loads(line) for line in lines.out.splitlines()]
    assert objects == diags(site_json(site))


@pytest.mark.parametrize(("fmt", "expected"), [("json", "[]"), ("json-lines", "")])
def test_a_clean_run_prints_an_empty_report(site: Path, fmt: str, expected: str) -> None:
    result = memo("check", "--output-format", fmt, "content/news/clean.md", cwd=site)
    assert (result.rc, result.out.strip(), result.err) == (0, expected, "")


def test_json_paths_are_relative_to_the_working_directory(site: Path) -> None:
    result = memo("check", "--output-format", "json", "news/bad.md", cwd=site / "content")
    assert {d["path"] for d in diags(result)} == {"news/bad.md"}
    assert triples(result) == BAD_TRIPLES


def test_json_path_of_an_absolute_argument_is_still_relative(site: Path) -> None:
    result = memo("check", "--output-format", "json", str(site / "content/news/bad.md"), cwd=site)
    assert {d["path"] for d in diags(result)} == {"content/news/bad.md"}


# --------------------------------------------------------------------------------------------
# The other output formats (README "Output formats").
# --------------------------------------------------------------------------------------------

BAD_CONCISE = """\
content/news/bad.md:2:26: TX003 [html-entity] [*] title shows the HTML entity &#39; literally
content/news/bad.md:2:39: TX003 [html-entity] [*] title shows the HTML entity &#39; literally
content/news/bad.md:3:7: DT001 [date-format] [*] date is not RFC 3339 with an offset: Hugo reads '2025-02-08 09:55:35' in Asia/Shanghai
content/news/bad.md:9:12: TX004 [sentence-spacing] [*] no space after '.' before 'The'
content/news/bad.md:9:70: BD002 [trailing-whitespace] [*] trailing whitespace (1 space)
content/news/bad.md:11:54: LK005 [tracking-params] [*] URL has tracking parameters: utm_source
"""


def test_concise_is_one_line_per_problem(site: Path) -> None:
    result = memo("check", "--output-format", "concise", "content/news/bad.md", cwd=site)
    assert (result.rc, result.out) == (0, BAD_CONCISE)


def test_concise_is_the_default_when_the_output_is_a_pipe(site: Path) -> None:
    assert memo("check", "content/news/bad.md", cwd=site).out == BAD_CONCISE


def test_concise_marks_only_safe_fixes(site: Path) -> None:
    out = memo("check", "--output-format", "concise", "content/news/err.md", cwd=site).out
    assert out.splitlines() == [
        "content/news/err.md:1:1: FM004 [required-field] required field 'summary' is missing",
        "content/news/err.md:2:8: TX006 [title-shouting] title is in capitals",
        "content/news/err.md:4:8: FM005 [field-type] [*] draft should be true or false, not the string 'false'",
    ]


def test_concise_lines_match_the_documented_shape(site: Path) -> None:
    pattern = re.compile(
        r"(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]{2}\d{3}) \[(?P<name>[a-z0-9-]+)\] .+"
    )
    out = memo("check", "--output-format", "concise", cwd=site).out
    parsed = [pattern.fullmatch(line) for line in out.splitlines()]
    assert all(parsed), out
    assert [(m["path"], m["code"], int(m["line"]), int(m["col"])) for m in parsed if m] == [
        (d["path"], d["code"], d["line"], d["column"]) for d in diags(site_json(site))
    ]


def test_github_format_lines(site: Path) -> None:
    out = memo("check", "--output-format", "github", "content/news/err.md", cwd=site).out
    assert out.splitlines() == [
        "::error file=content/news/err.md,line=1,col=1,endLine=1,endColumn=4,title=FM004 required-field::"
        "required field 'summary' is missing",
        "::notice file=content/news/err.md,line=2,col=8,endLine=2,endColumn=55,title=TX006 title-shouting::"
        "title is in capitals",
        "::error file=content/news/err.md,line=4,col=8,endLine=4,endColumn=15,title=FM005 field-type::"
        "draft should be true or false, not the string 'false'",
    ]


def test_github_format_warning_level(site: Path) -> None:
    out = memo("check", "--output-format", "github", "content/news/nofix.md", cwd=site).out
    assert out.splitlines()[0].startswith("::warning file=content/news/nofix.md,line=3,col=7,")
    assert out.splitlines()[1].startswith("::notice file=content/news/nofix.md,line=4,col=10,")


def test_github_is_the_default_under_github_actions(site: Path) -> None:
    a = memo("check", "content/news/err.md", cwd=site, env={"GITHUB_ACTIONS": "true"})
    b = memo("check", "--output-format", "github", "content/news/err.md", cwd=site)
    assert (a.rc, a.out) == (b.rc, b.out)


def test_the_flag_wins_over_github_actions(site: Path) -> None:
    result = memo(
        "check",
        "--output-format",
        "concise",
        "content/news/err.md",
        cwd=site,
        env={"GITHUB_ACTIONS": "true"},
    )
    assert result.out.startswith("content/news/err.md:1:1: FM004")


def test_junit_has_a_suite_per_file_and_a_failure_per_problem(site: Path) -> None:
    root = ET.fromstring(memo("check", "--output-format", "junit", cwd=site).out)
    suites = root.findall("testsuite")
    failing = {s.get("name"): len(s.findall("testcase/failure")) for s in suites}
    assert {k: v for k, v in failing.items() if v} == {
        p: len(ts) for p, ts in _EXPECTED_BY_PATH.items()
    }
    assert sum(failing.values()) == len(diags(site_json(site)))


def test_sarif_is_2_1_0_with_utf16_columns(site: Path) -> None:
    log = json.loads(memo("check", "--output-format", "sarif", "content/news/uni.md", cwd=site).out)
    assert log["version"] == "2.1.0"
    [result] = log["runs"][0]["results"]
    assert result["ruleId"] == "TX003"
    region = result["locations"][0]["physicalLocation"]["region"]
    # the emoji is two UTF-16 code units, so SARIF's column is one more than the JSON's 16
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (2, 17, 22)
    assert "primaryLocationLineHash" in result["partialFingerprints"]


def test_sarif_lists_every_rule_with_a_help_uri(site: Path, nowhere: Path) -> None:
    log = json.loads(memo("check", "--output-format", "sarif", "content/news/uni.md", cwd=site).out)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= set(DESIGN_CODES) - {
        "TH001",
        "TH002",
        "TH003",
        "LK006",
        "LK007",
    }
    assert all(r.get("helpUri") for r in rules)


def test_grouped_counts_per_rule_most_frequent_first(site: Path) -> None:
    out = memo("check", "--output-format", "grouped", "content/news/bad.md", cwd=site).out
    heads = [
        line.split() for line in out.splitlines() if re.match(r"\s+\d+\s+[A-Z]{2}\d{3}\s", line)
    ]
    assert (heads[0][0], heads[0][1]) == ("2", "TX003")
    assert sorted(h[1] for h in heads) == ["BD002", "DT001", "LK005", "TX003", "TX004"]


def test_full_shows_the_source_line_and_a_caret(site: Path) -> None:
    out = memo("check", "--output-format", "full", "content/news/bad.md", cwd=site).out
    assert '       3 | date: "2025-02-08 09:55:35"' in out.splitlines()
    assert "         |       ^^^^^^^^^^^^^^^^^^^^^" in out.splitlines()


FORMATS = ["full", "concise", "grouped", "json", "json-lines", "github", "sarif", "junit"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_exits_alike(site: Path, fmt: str) -> None:
    assert memo("check", "--output-format", fmt, cwd=site).rc == 1
    assert memo("check", "--output-format", fmt, "content/news/bad.md", cwd=site).rc == 0


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_file_receives_the_report(site_copy: Path, fmt: str) -> None:
    result = run(
        "check",
        "--output-format",
        fmt,
        "--output",
        "report.out",
        "content/news/err.md",
        cwd=site_copy,
    )
    assert result.rc == 1
    assert result.out == ""
    expected = run("check", "--output-format", fmt, "content/news/err.md", cwd=site_copy).out
    assert (site_copy / "report.out").read_text(encoding="utf-8") == expected


@pytest.mark.parametrize("fmt", ["concise", "github", "json-lines"])
def test_every_format_reports_the_same_number_of_problems(site: Path, fmt: str) -> None:
    lines = [
        line for line in memo("check", "--output-format", fmt, cwd=site).out.splitlines() if line
    ]
    assert len(lines) == len(diags(site_json(site)))


def test_output_format_from_the_configuration_and_the_flag_wins(site_copy: Path) -> None:
    (site_copy / "newslint.toml").write_text('output-format = "json"\n', encoding="utf-8")
    assert json.loads(run("check", "content/news/err.md", cwd=site_copy).out)[0]["code"] == "FM004"
    flag = run("check", "--output-format", "concise", "content/news/err.md", cwd=site_copy)
    assert flag.out.startswith("content/news/err.md:1:1: FM004 [required-field]")


# --------------------------------------------------------------------------------------------
# --statistics, --quiet, colour.
# --------------------------------------------------------------------------------------------


def test_statistics_text(site: Path) -> None:
    result = memo("check", "--statistics", "content/news/err.md", cwd=site)
    assert result.rc == 1
    rows = [line.split() for line in result.out.splitlines()]
    assert rows[0][:4] == ["1", "FM004", "required-field", "error"]
    assert [r[1] for r in rows[:-1]] == ["FM004", "FM005", "TX006"]
    assert rows[-1][0] == "3"


def test_statistics_json(site: Path) -> None:
    result = memo(
        "check", "--statistics", "--output-format", "json", "content/news/bad.md", cwd=site
    )
    stats = {s["code"]: s for s in result.json()}  # type: ignore[union-attr]
    assert stats["TX003"] == {
        "code": "TX003",
        "rule": "html-entity",
        "severity": "warning",
        "count": 2,
        "fixable": 2,
        "unsafe_fixable": 0,
    }
    assert sum(s["count"] for s in stats.values()) == 6


def test_statistics_counts_unsafe_fixes_apart(site: Path) -> None:
    result = memo(
        "check", "--statistics", "--output-format", "json", "content/news/err.md", cwd=site
    )
    stats = {s["code"]: (s["fixable"], s["unsafe_fixable"]) for s in result.json()}  # type: ignore[union-attr]
    assert stats == {"FM004": (0, 1), "FM005": (1, 0), "TX006": (0, 0)}


def test_quiet_prints_only_the_summary(site: Path) -> None:
    result = memo("check", "-q", "content/news/err.md", cwd=site)
    assert result.rc == 1
    assert "FM004" not in result.out
    assert result.out.strip().startswith("Found 3 problems")


def test_quiet_on_a_clean_file(site: Path) -> None:
    result = memo("check", "--quiet", "content/news/clean.md", cwd=site)
    assert (result.rc, result.out) == (0, "All checks passed (1 file).\n")


@pytest.mark.parametrize(
    ("flag", "env", "coloured"),
    [
        ("always", {}, True),
        ("never", {}, False),
        ("auto", {}, False),
        ("always", {"NO_COLOR": "1"}, True),
        ("auto", {"FORCE_COLOR": "1"}, True),
    ],
)
def test_color_flag(site: Path, flag: str, env: dict[str, str], coloured: bool) -> None:
    out = memo(
        "check",
        "--output-format",
        "full",
        "--color",
        flag,
        "content/news/err.md",
        cwd=site,
        env=env,
    ).out
    assert ("\x1b[" in out) is coloured


# --------------------------------------------------------------------------------------------
# Exit codes (DESIGN.md "Command line", README "Exit codes").
# --------------------------------------------------------------------------------------------

EXIT_CASES = [
    # file, extra args, exit code
    ("content/news/clean.md", (), 0),
    ("content/news/bad.md", (), 0),  # warnings and infos are below the default fail-on (error)
    ("content/news/err.md", (), 1),
    ("content/news/bad.md", ("--fail-on", "warning"), 1),
    ("content/news/bad.md", ("--fail-on", "info"), 1),
    ("content/news/bad.md", ("--fail-on", "error"), 0),
    ("content/news/nofix.md", ("--fail-on", "warning"), 1),  # DT003 is a warning
    ("content/news/nofix.md", ("--fail-on", "warning", "--ignore", "DT003"), 0),  # TX002 is info
    ("content/news/nofix.md", ("--fail-on", "info", "--ignore", "DT003"), 1),
    ("content/news/err.md", ("--exit-zero",), 0),
    ("content/news/err.md", ("--ignore", "FM004,FM005"), 0),
    ("content/news/err.md", ("--select", "TX006"), 0),
    ("content/news/err.md", ("--select", "TX006", "--fail-on", "info"), 1),
    ("content/news/clean.md", ("--fail-on", "info"), 0),
    ("content/news/err.md", ("--exit-zero", "--fail-on", "info"), 0),
]


@pytest.mark.parametrize(
    ("path", "extra", "rc"),
    EXIT_CASES,
    ids=[f"{p.split('/')[-1]}{' '.join(e)}" for p, e, _ in EXIT_CASES],
)
def test_check_exit_code(site: Path, path: str, extra: tuple[str, ...], rc: int) -> None:
    result = memo("check", *extra, path, cwd=site)
    assert result.rc == rc, result.err


USAGE_ERRORS = [
    ("check", "--bogus"),
    ("check", "--output-format", "xml"),
    ("check", "--fail-on", "fatal"),
    ("check", "no/such/file.md"),
    ("check", "--jobs", "x"),
    ("check", "--select"),
    ("check", "--select", "XX999"),
    ("check", "--ignore", "not-a-rule"),
    ("check", "--extend-select", "ZZ"),
    ("check", "--color", "sometimes"),
    ("check", "--exit-zero", "--select", "XX999"),  # --exit-zero: 2 still means an error
    ("check", "--config", "missing.toml"),
    ("check", "-", "content/news/bad.md"),
    ("fix", "--unsafe-fixes", "--bogus"),
    ("watch", "-"),
    ("rules", "--output-format", "csv"),
    ("rule",),
    ("frobnicate",),
]


@pytest.mark.parametrize("argv", USAGE_ERRORS, ids=[" ".join(a) for a in USAGE_ERRORS])
def test_usage_errors_exit_2_with_the_message_on_stderr(site: Path, argv: tuple[str, ...]) -> None:
    result = memo(*argv, cwd=site)
    assert result.rc == 2
    assert result.out == ""
    assert re.search(r"^(newslint: error: |newslint( \w+)?: error: )", result.err, re.M), result.err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ("check", "--select", "XX999"),
            "newslint: error: --select: unknown rule or prefix 'XX999'\n",
        ),
        (
            ("check", "no/such/file.md"),
            "newslint: error: no such file or directory: no/such/file.md\n",
        ),
    ],
)
def test_usage_error_messages(site: Path, argv: tuple[str, ...], message: str) -> None:
    assert memo(*argv, cwd=site).err == message


def test_version(nowhere: Path) -> None:
    result = memo("--version", cwd=nowhere)
    assert result.rc == 0
    assert re.fullmatch(r"newslint \d+\.\d+\.\d+\S*\n", result.out)


@pytest.mark.parametrize("command", ["check", "fix", "watch", "rules", "rule", "config", "init"])
def test_help_of_each_command(nowhere: Path, command: str) -> None:
    result = memo(command, "--help", cwd=nowhere)
    assert result.rc == 0 and result.out.startswith(f"usage: newslint {command} ")


HELP_FLAGS = {
    "check": [
        "--select",
        "--extend-select",
        "--ignore",
        "--config",
        "--isolated",
        "--output-format",
        "--fail-on",
        "--color",
        "--quiet",
        "--statistics",
        "--no-cache",
        "--jobs",
        "--rules-dir",
        "--check-links",
        "--offline",
        "--no-private",
        "--exclude",
        "--force-exclude",
        "--changed-since",
        "--stdin-filename",
        "--exit-zero",
        "--project",
        "--baseline",
        "--write-baseline",
        "--output",
    ],
    "fix": [
        "--unsafe-fixes",
        "--diff",
        "--show-fixes",
        "--exit-non-zero-on-fix",
        "--exit-zero",
        "--stdin-filename",
    ],
}


@pytest.mark.parametrize(
    ("command", "flag"),
    [(c, f) for c, flags in HELP_FLAGS.items() for f in flags],
    ids=lambda v: str(v),
)
def test_documented_flag_is_in_help(nowhere: Path, command: str, flag: str) -> None:
    assert re.search(rf"\[{re.escape(flag)}[ \]]", memo(command, "--help", cwd=nowhere).out)


def test_top_level_help_lists_every_command(nowhere: Path) -> None:
    out = memo("--help", cwd=nowhere).out
    for command in ("check", "fix", "watch", "rules", "rule", "config", "init"):
        assert re.search(rf"^    {command} ", out, re.M), command


# --------------------------------------------------------------------------------------------
# Selection on the command line: codes, prefixes, names, ALL; comma-separated or repeated.
# --------------------------------------------------------------------------------------------

BAD_CODES = {"TX003", "DT001", "TX004", "BD002", "LK005"}

SELECT_CASES = [
    (("--select", "DT001"), {"DT001"}),
    (("--select", "date-format"), {"DT001"}),
    (("--select", "DT"), {"DT001"}),
    (("--select", "TX"), {"TX003", "TX004"}),
    (("--select", "TX00"), {"TX003", "TX004"}),
    (("--select", "DT001,LK005"), {"DT001", "LK005"}),
    (("--select", "DT001", "--select", "LK005"), {"DT001", "LK005"}),
    (("--select", "date-format,tracking-params"), {"DT001", "LK005"}),
    (("--select", "ALL"), BAD_CODES),
    (("--select", "ALL", "--ignore", "TX"), {"DT001", "BD002", "LK005"}),
    (("--ignore", "TX003"), BAD_CODES - {"TX003"}),
    (("--ignore", "html-entity"), BAD_CODES - {"TX003"}),
    (("--ignore", "TX"), {"DT001", "BD002", "LK005"}),
    (("--ignore", "TX,BD"), {"DT001", "LK005"}),
    (("--ignore", "TX", "--ignore", "BD"), {"DT001", "LK005"}),
    (("--select", "DT001", "--extend-select", "LK005"), {"DT001", "LK005"}),
    (("--select", "DT", "--extend-select", "tracking-params"), {"DT001", "LK005"}),
    (("--select", "TX", "--ignore", "TX004"), {"TX003"}),
    # the more specific selector wins: DT001 stays although DT is ignored
    (("--select", "DT001", "--ignore", "DT"), {"DT001"}),
    # at equal specificity ignore wins
    (("--select", "DT001", "--ignore", "DT001"), set()),
    (("--select", "DT001", "--ignore", "date-format"), set()),
    (("--select", "sentence-spacing", "--ignore", "TX"), {"TX004"}),
]


@pytest.mark.parametrize(
    ("args", "expected"), SELECT_CASES, ids=[" ".join(a) for a, _ in SELECT_CASES]
)
def test_selection(site: Path, args: tuple[str, ...], expected: set[str]) -> None:
    result = memo("check", "--output-format", "json", *args, "content/news/bad.md", cwd=site)
    assert result.err == ""
    assert codes(result) == expected


def test_selection_keeps_positions(site: Path) -> None:
    result = memo(
        "check", "--output-format", "json", "--select", "TX003", "content/news/bad.md", cwd=site
    )
    assert triples(result) == [("TX003", 2, 26), ("TX003", 2, 39)]


# --------------------------------------------------------------------------------------------
# Configuration files, discovery and overrides.
# --------------------------------------------------------------------------------------------


def config_site(root: Path, files: Mapping[str, str]) -> Path:
    site = write_site(root, {"content/news/bad.md": BAD, "content/news/err.md": ERR})
    for rel, text in files.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    return site


DISCOVERY_CASES = [
    ("newslint.toml", {"newslint.toml": 'ignore = ["TX003"]\n'}, BAD_CODES - {"TX003"}),
    (".newslint.toml", {".newslint.toml": 'ignore = ["TX003"]\n'}, BAD_CODES - {"TX003"}),
    (
        "pyproject",
        {"pyproject.toml": '[tool.newslint]\nignore = ["TX003"]\n'},
        BAD_CODES - {"TX003"},
    ),
    (
        "pyproject-without-section-is-passed-over",
        {"pyproject.toml": '[project]\nname = "x"\n', "../newslint.toml": 'ignore = ["DT"]\n'},
        BAD_CODES - {"DT001"},
    ),
    (
        "newslint.toml-before-pyproject",
        {
            "newslint.toml": 'ignore = ["TX003"]\n',
            "pyproject.toml": '[tool.newslint]\nignore = ["DT"]\n',
        },
        BAD_CODES - {"TX003"},
    ),
    (
        "newslint.toml-before-dot-newslint.toml",
        {"newslint.toml": 'ignore = ["TX003"]\n', ".newslint.toml": 'ignore = ["DT"]\n'},
        BAD_CODES - {"TX003"},
    ),
    ("select-by-name", {"newslint.toml": 'select = ["date-format"]\n'}, {"DT001"}),
    ("select-prefix", {"newslint.toml": 'select = ["TX"]\n'}, {"TX003", "TX004"}),
    (
        "select-all-ignore",
        {"newslint.toml": 'select = ["ALL"]\nignore = ["TX", "BD"]\n'},
        {"DT001", "LK005"},
    ),
    (
        "specific-select-beats-ignore",
        {"newslint.toml": 'select = ["DT001"]\nignore = ["DT"]\n'},
        {"DT001"},
    ),
    (
        "extend-select",
        {"newslint.toml": 'select = ["DT"]\nextend-select = ["LK005"]\n'},
        {"DT001", "LK005"},
    ),
    (
        "upward-from-a-subfolder",
        {"../newslint.toml": 'ignore = ["TX003"]\n'},
        BAD_CODES - {"TX003"},
    ),
]


@pytest.mark.parametrize(
    ("name", "files", "expected"), DISCOVERY_CASES, ids=[c[0] for c in DISCOVERY_CASES]
)
def test_configuration_discovery(
    tmp_path: Path, name: str, files: dict[str, str], expected: set[str]
) -> None:
    site = config_site(tmp_path / "outer" / "site", files)
    result = run("check", "--output-format", "json", "content/news/bad.md", cwd=site)
    assert result.err == ""
    assert codes(result) == expected


def test_configuration_found_from_a_subfolder_working_directory(tmp_path: Path) -> None:
    site = config_site(tmp_path / "site", {"newslint.toml": 'ignore = ["TX003"]\n'})
    result = run("check", "--output-format", "json", "bad.md", cwd=site / "content" / "news")
    assert codes(result) == BAD_CODES - {"TX003"}
    assert {d["path"] for d in diags(result)} == {"bad.md"}


CLI_OVER_FILE = [
    # the file selects DT; --select replaces the file's select and ignore
    (('select = ["DT"]\nignore = ["DT001"]\n'), ("--select", "TX003"), {"TX003"}),
    (('select = ["DT"]\nignore = ["DT001"]\n'), ("--select", "DT001"), {"DT001"}),
    # --extend-select and --ignore adjust the file's selection
    (('select = ["DT"]\n'), ("--extend-select", "LK005"), {"DT001", "LK005"}),
    (('select = ["DT", "LK"]\n'), ("--ignore", "LK005"), {"DT001"}),
    (('ignore = ["TX"]\n'), ("--extend-select", "TX004"), BAD_CODES - {"TX003"}),
    (('ignore = ["TX003"]\n'), (), BAD_CODES - {"TX003"}),
]


@pytest.mark.parametrize(
    ("toml", "args", "expected"),
    CLI_OVER_FILE,
    ids=[f"{t.strip()}|{' '.join(a)}" for t, a, _ in CLI_OVER_FILE],
)
def test_the_command_line_comes_after_the_file(
    tmp_path: Path, toml: str, args: tuple[str, ...], expected: set[str]
) -> None:
    site = config_site(tmp_path / "site", {"newslint.toml": toml})
    result = run("check", "--output-format", "json", *args, "content/news/bad.md", cwd=site)
    assert result.err == ""
    assert codes(result) == expected


def test_config_file_option_skips_discovery(tmp_path: Path) -> None:
    site = config_site(
        tmp_path / "site",
        {"newslint.toml": 'ignore = ["TX003"]\n', "other/custom.toml": 'select = ["LK005"]\n'},
    )
    result = run(
        "check",
        "--output-format",
        "json",
        "--config",
        "other/custom.toml",
        "content/news/bad.md",
        cwd=site,
    )
    assert codes(result) == {"LK005"}


def test_config_file_option_reads_a_pyproject(tmp_path: Path) -> None:
    site = config_site(
        tmp_path / "site", {"elsewhere/pyproject.toml": '[tool.newslint]\nselect = ["DT"]\n'}
    )
    result = run(
        "check",
        "--output-format",
        "json",
        "--config",
        "elsewhere/pyproject.toml",
        "content/news/bad.md",
        cwd=site,
    )
    assert codes(result) == {"DT001"}


@pytest.mark.parametrize(
    ("override", "expected", "rc"),
    [
        # a KEY = VALUE replaces that one key of the file; the file's other keys hold
        ('ignore = ["TX003"]', BAD_CODES - {"TX003"}, 0),
        ("select=['DT']", {"DT001"}, 0),
        ('fail-on = "info"', BAD_CODES - {"BD002"}, 1),
    ],
)
def test_config_key_value_overrides_one_setting(
    tmp_path: Path, override: str, expected: set[str], rc: int
) -> None:
    site = config_site(tmp_path / "site", {"newslint.toml": 'select = ["ALL"]\nignore = ["BD"]\n'})
    result = run(
        "check", "--output-format", "json", "--config", override, "content/news/bad.md", cwd=site
    )
    assert (result.rc, codes(result)) == (rc, expected)


def test_config_key_value_select_is_a_file_setting_not_the_select_flag(tmp_path: Path) -> None:
    """`--config 'select = [...]'` overrides the file's select only: its ignore still holds, and at
    equal specificity ignore wins, whereas `--select` replaces the file's select and ignore."""
    site = config_site(tmp_path / "site", {"newslint.toml": 'ignore = ["DT"]\n'})
    key_value = run(
        "check",
        "--output-format",
        "json",
        "--config",
        "select = ['DT']",
        "content/news/bad.md",
        cwd=site,
    )
    flag = run(
        "check", "--output-format", "json", "--select", "DT", "content/news/bad.md", cwd=site
    )
    assert (codes(key_value), codes(flag)) == (set(), {"DT001"})


def test_config_key_value_fail_on_keeps_the_file_s_other_settings(tmp_path: Path) -> None:
    site = config_site(tmp_path / "site", {"newslint.toml": 'ignore = ["DT"]\n'})
    result = run(
        "check",
        "--output-format",
        "json",
        "--config",
        'fail-on = "info"',
        "content/news/bad.md",
        cwd=site,
    )
    assert (result.rc, codes(result)) == (1, BAD_CODES - {"DT001"})


def test_config_key_value_sets_a_rule_severity(tmp_path: Path) -> None:
    site = config_site(tmp_path / "site", {})
    result = run(
        "check",
        "--output-format",
        "json",
        "--config",
        'rules.date-format.severity = "error"',
        "content/news/bad.md",
        cwd=site,
    )
    [dt] = [d for d in diags(result) if d["code"] == "DT001"]
    assert (result.rc, dt["severity"]) == (1, "error")


def test_isolated_ignores_every_configuration_file(tmp_path: Path) -> None:
    site = config_site(tmp_path / "site", {"newslint.toml": 'select = ["DT"]\n'})
    result = run("check", "--output-format", "json", "--isolated", "content/news/bad.md", cwd=site)
    assert codes(result) == BAD_CODES


def test_isolated_does_not_even_read_a_broken_file(tmp_path: Path) -> None:
    site = config_site(tmp_path / "site", {"newslint.toml": "this is not toml\n"})
    assert run("check", "--isolated", "content/news/bad.md", cwd=site).rc == 0
    assert run("check", "content/news/bad.md", cwd=site).rc == 2


def test_config_fail_on_and_the_flag_wins(tmp_path: Path) -> None:
    site = config_site(tmp_path / "site", {"newslint.toml": 'fail-on = "warning"\n'})
    assert run("check", "content/news/bad.md", cwd=site).rc == 1
    assert run("check", "--fail-on", "error", "content/news/bad.md", cwd=site).rc == 0


def test_config_rule_severity_changes_json_and_exit_code(tmp_path: Path) -> None:
    site = config_site(
        tmp_path / "site", {"newslint.toml": '[rules.tracking-params]\nseverity = "error"\n'}
    )
    result = run("check", "--output-format", "json", "content/news/bad.md", cwd=site)
    [lk] = [d for d in diags(result) if d["code"] == "LK005"]
    assert (result.rc, lk["severity"]) == (1, "error")


def test_config_rule_severity_in_pyproject_design_spelling(tmp_path: Path) -> None:
    site = config_site(
        tmp_path / "site",
        {
            "pyproject.toml": '[tool.newslint.rules.summary-length]\nmax = 300\nseverity = "warning"\n'
        },
    )
    result = run(
        "check", "--output-format", "json", "--select", "TX002", "content/news/bad.md", cwd=site
    )
    assert result.err == "" and result.rc == 0


CONFIG_ERRORS = [
    (
        "pyproject.toml",
        "[tool.newslint]\nexcude = []\n",
        "newslint: error: pyproject.toml: unknown key 'tool.newslint.excude' (did you mean 'exclude'?)\n",
    ),
    (
        "pyproject.toml",
        '[tool.newslint]\nfail-on = "errors"\n',
        "newslint: error: pyproject.toml: tool.newslint.fail-on: expected one of 'error', 'warning', 'info', "
        "got \"errors\" (did you mean 'error'?)\n",
    ),
    (
        "pyproject.toml",
        "[tool.newslint.rules.required-feld]\n",
        "newslint: error: pyproject.toml: tool.newslint.rules.required-feld: unknown rule 'required-feld' "
        "(did you mean 'required-field'?)\n",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "message"), CONFIG_ERRORS, ids=["unknown-key", "bad-value", "unknown-rule"]
)
def test_readme_configuration_error_messages(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    site = config_site(tmp_path / "site", {name: text})
    result = run("check", "content/news/bad.md", cwd=site)
    assert (result.rc, result.out, result.err) == (2, "", message)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("excude = []\n", "excude"),
        ('fail-on = "fatal"\n', "fail-on"),
        ('select = ["XX999"]\n', "select"),
        ('ignore = "TX003"\n', "ignore"),
        ('[per-file-ignores]\n"content/**" = ["nope-rule"]\n', "per-file-ignores"),
        ('timezone = "Mars/Olympus"\n', "timezone"),
        ('presets = ["hugo", "weather"]\n', "presets"),
        ("[rules.summary-length]\nmaxx = 3\n", "maxx"),
        ('[links]\ntimeout = "soon"\n', "links.timeout"),
        ('output-format = "xml"\n', "output-format"),
    ],
)
def test_bad_configuration_exits_2_naming_the_key(tmp_path: Path, text: str, key: str) -> None:
    site = config_site(tmp_path / "site", {"newslint.toml": text})
    for extra in ((), ("--exit-zero",)):
        result = run("check", *extra, "content/news/bad.md", cwd=site)
        assert result.rc == 2 and result.out == ""
        assert result.err.startswith("newslint: error: newslint.toml: ")
        assert key in result.err


# --------------------------------------------------------------------------------------------
# per-file-ignores, include and exclude.
# --------------------------------------------------------------------------------------------

PFI_CASES = [
    ('"content/news/**" = ["TX003"]', BAD_CODES - {"TX003"}),
    ('"content/news/bad.md" = ["html-entity"]', BAD_CODES - {"TX003"}),
    (
        '"bad.md" = ["TX"]',
        BAD_CODES - {"TX003", "TX004"},
    ),  # a pattern also matches a bare file name
    ('"content/**/*.md" = ["TX", "BD"]', {"DT001", "LK005"}),
    ('"content/news/" = ["DT001"]', BAD_CODES - {"DT001"}),  # a final / means the folder's files
    (
        '"!content/archive/**" = ["DT001"]',
        BAD_CODES - {"DT001"},
    ),  # ! applies where it does not match
    ('"!content/news/**" = ["DT001"]', BAD_CODES),
    ('"content/archive/**" = ["DT001"]', BAD_CODES),
    ('"content/{news,sport}/*.md" = ["LK005"]', BAD_CODES - {"LK005"}),
    (
        '"content\\\\news\\\\bad.md" = ["LK005"]',
        BAD_CODES - {"LK005"},
    ),  # \\ separates folders as / does
    ('"content/*.md" = ["LK005"]', BAD_CODES - {"LK005"}),  # * crosses /
    ('"content/**/news/bad.md" = ["LK005"]', BAD_CODES - {"LK005"}),  # **/ matches no folder too
    ('"*.md" = ["LK005"]', BAD_CODES - {"LK005"}),
    ('"content/news/*.txt" = ["LK005"]', BAD_CODES),
]


@pytest.mark.parametrize(("entry", "expected"), PFI_CASES, ids=[e for e, _ in PFI_CASES])
def test_per_file_ignores(tmp_path: Path, entry: str, expected: set[str]) -> None:
    site = config_site(tmp_path / "site", {"newslint.toml": f"[per-file-ignores]\n{entry}\n"})
    result = run("check", "--output-format", "json", "content/news/bad.md", cwd=site)
    assert result.err == ""
    assert codes(result) == expected


def test_per_file_ignores_in_pyproject_as_in_design(tmp_path: Path) -> None:
    site = config_site(
        tmp_path / "site",
        {"pyproject.toml": '[tool.newslint.per-file-ignores]\n"content/news/**" = ["DT001"]\n'},
    )
    result = run("check", "--output-format", "json", "content/news/bad.md", cwd=site)
    assert codes(result) == BAD_CODES - {"DT001"}


def test_exclude_skips_a_walked_file_but_not_a_named_one(tmp_path: Path) -> None:
    site = config_site(tmp_path / "site", {"newslint.toml": 'exclude = ["content/news/err.md"]\n'})
    walked = run("check", "--output-format", "json", cwd=site)
    assert {d["path"] for d in diags(walked)} == {"content/news/bad.md"}
    named = run("check", "--output-format", "json", "content/news/err.md", cwd=site)
    assert {d["path"] for d in diags(named)} == {"content/news/err.md"}
    forced = run(
        "check", "--output-format", "json", "--force-exclude", "content/news/err.md", cwd=site
    )
    assert (forced.rc, diags(forced)) == (0, [])


def test_exclude_flag_adds_to_the_configuration(tmp_path: Path) -> None:
    site = config_site(tmp_path / "site", {})
    result = run("check", "--output-format", "json", "--exclude", "content/news/err.md", cwd=site)
    assert ({d["path"] for d in diags(result)}, result.rc) == ({"content/news/bad.md"}, 0)


def test_include_limits_a_walk(tmp_path: Path) -> None:
    site = config_site(tmp_path / "site", {"newslint.toml": 'include = ["content/**/bad.md"]\n'})
    result = run("check", "--output-format", "json", cwd=site)
    assert {d["path"] for d in diags(result)} == {"content/news/bad.md"}


# --------------------------------------------------------------------------------------------
# The Hugo site's configuration is found and read (time zone in the DT001 message and fix).
# --------------------------------------------------------------------------------------------

HUGO_CONFIGS = [
    ("hugo.toml", 'timeZone = "Asia/Tokyo"\n'),
    ("hugo.yaml", "timeZone: Asia/Tokyo\n"),
    ("hugo.json", '{"timeZone": "Asia/Tokyo"}\n'),
    ("config.toml", 'timeZone = "Asia/Tokyo"\n'),
    ("config.yaml", "timeZone: Asia/Tokyo\n"),
    ("config/_default/hugo.toml", 'timeZone = "Asia/Tokyo"\n'),
]


@pytest.mark.parametrize(("name", "text"), HUGO_CONFIGS, ids=[n for n, _ in HUGO_CONFIGS])
def test_the_hugo_site_configuration_is_found(tmp_path: Path, name: str, text: str) -> None:
    root = tmp_path / "site"
    (root / "content/news").mkdir(parents=True)
    (root / "content/news/bad.md").write_text(BAD, encoding="utf-8")
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, encoding="utf-8")
    result = run("check", "--output-format", "json", "--select", "DT001", cwd=root)
    [d] = diags(result)
    assert d["path"] == "content/news/bad.md"
    assert (
        d["message"]
        == "date is not RFC 3339 with an offset: Hugo reads '2025-02-08 09:55:35' in Asia/Tokyo"
    )
    assert d["fix"] == {
        "applicability": "safe",
        "title": "Rewrite as 2025-02-08T09:55:35+09:00",
        "edits": [
            {
                "line": 3,
                "column": 7,
                "end_line": 3,
                "end_column": 28,
                "content": '"2025-02-08T09:55:35+09:00"',
            }
        ],
    }


def test_without_a_site_utc_is_assumed_and_the_date_fix_is_unsafe(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_text(BAD, encoding="utf-8")
    result = run("check", "--output-format", "json", "--select", "DT001", "bad.md", cwd=tmp_path)
    [d] = diags(result)
    assert d["fix"]["applicability"] == "unsafe"  # type: ignore[index]
    # RFC 3339's Z is UTC's offset (the rule doc: "fractional seconds and `Z` allowed")
    assert d["fix"]["edits"][0]["content"] == '"2025-02-08T09:55:35Z"'  # type: ignore[index]


def test_the_configured_timezone_makes_the_date_fix_safe(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('timezone = "Asia/Shanghai"\n', encoding="utf-8")
    [d] = diags(
        run("check", "--output-format", "json", "--select", "DT001", "bad.md", cwd=tmp_path)
    )
    assert d["fix"]["applicability"] == "safe"  # type: ignore[index]
    assert d["fix"]["edits"][0]["content"] == '"2025-02-08T09:55:35+08:00"'  # type: ignore[index]


def test_without_paths_check_lints_the_content_folders(tmp_path: Path) -> None:
    site = config_site(tmp_path / "site", {"README.md": "# not an article\n"})
    result = run("check", "--output-format", "json", cwd=site)
    assert {d["path"] for d in diags(result)} == {"content/news/bad.md", "content/news/err.md"}
    dot = run("check", "--output-format", "json", ".", cwd=site)
    assert dot.out == result.out


# --------------------------------------------------------------------------------------------
# Standard input (README "Editors").
# --------------------------------------------------------------------------------------------


def test_check_stdin_shows_a_dash(site: Path) -> None:
    result = memo("check", "-", cwd=site, stdin=BAD.encode())
    assert result.out == BAD_CONCISE.replace("content/news/bad.md", "-")
    assert result.rc == 0


def test_check_stdin_filename_shows_the_path(site: Path) -> None:
    result = memo(
        "check", "--stdin-filename", "content/news/typed.md", "-", cwd=site, stdin=BAD.encode()
    )
    assert result.out == BAD_CONCISE.replace("content/news/bad.md", "content/news/typed.md")


def test_stdin_filename_alone_reads_standard_input(site: Path) -> None:
    alone = memo("check", "--stdin-filename", "content/news/typed.md", cwd=site, stdin=BAD.encode())
    dash = memo(
        "check", "--stdin-filename", "content/news/typed.md", "-", cwd=site, stdin=BAD.encode()
    )
    assert alone == dash


@pytest.mark.parametrize(
    "fmt", ["json", "json-lines", "github", "junit", "sarif", "grouped", "full"]
)
def test_stdin_filename_is_shown_in_every_format(site: Path, fmt: str) -> None:
    result = memo(
        "check",
        "--output-format",
        fmt,
        "--stdin-filename",
        "content/news/typed.md",
        cwd=site,
        stdin=ERR.encode(),
    )
    assert result.rc == 1
    assert "content/news/typed.md" in result.out


def test_stdin_json_equals_the_file_s_json(site: Path) -> None:
    piped = memo(
        "check",
        "--output-format",
        "json",
        "--stdin-filename",
        "content/news/err.md",
        cwd=site,
        stdin=ERR.encode(),
    )
    assert (
        piped.json()
        == memo("check", "--output-format", "json", "content/news/err.md", cwd=site).json()
    )


def test_stdin_exit_code_is_that_of_a_file(site: Path) -> None:
    assert memo("check", "-", cwd=site, stdin=ERR.encode()).rc == 1
    assert memo("check", "--exit-zero", "-", cwd=site, stdin=ERR.encode()).rc == 0
    assert memo("check", "-", cwd=site, stdin=CLEAN.encode()).rc == 0


def test_stdin_filename_applies_per_file_ignores(tmp_path: Path) -> None:
    site = config_site(
        tmp_path / "site",
        {"newslint.toml": '[per-file-ignores]\n"content/archive/**" = ["TX", "DT"]\n'},
    )
    result = run(
        "check",
        "--output-format",
        "json",
        "--stdin-filename",
        "content/archive/old.md",
        cwd=site,
        stdin=BAD.encode(),
    )
    assert codes(result) == {"BD002", "LK005"}


def test_fix_stdin_prints_the_fixed_text(site: Path) -> None:
    result = memo(
        "fix", "--stdin-filename", "content/news/typed.md", "-", cwd=site, stdin=BAD.encode()
    )
    assert (result.rc, result.out) == (0, BAD_FIXED)


def test_fix_stdin_prints_remaining_problems_on_stderr(site: Path) -> None:
    result = memo("fix", "-", cwd=site, stdin=ERR.encode())
    assert result.rc == 1  # the missing summary (an error) remains
    assert result.out == ERR.replace('draft: "false"', "draft: false")
    assert "FM004" in result.err and "FM004" not in result.out


def test_fix_stdin_keeps_crlf_lines(site: Path) -> None:
    crlf = BAD.replace("\n", "\r\n").encode()
    result = memo("fix", "--ignore", "EN007", "-", cwd=site, stdin=crlf)
    assert result.out.encode() == BAD_FIXED.replace("\n", "\r\n").encode()


def test_fix_diff_stdin_prints_a_diff(site: Path) -> None:
    result = memo(
        "fix",
        "--diff",
        "--stdin-filename",
        "content/news/typed.md",
        "-",
        cwd=site,
        stdin=BAD.encode(),
    )
    assert result.rc == 1
    assert '-date: "2025-02-08 09:55:35"' in result.out.splitlines()
    assert '+date: "2025-02-08T09:55:35+08:00"' in result.out.splitlines()


def test_fix_stdin_with_nothing_to_fix_returns_the_text(site: Path) -> None:
    result = memo("fix", "-", cwd=site, stdin=CLEAN.encode())
    assert (result.rc, result.out) == (0, CLEAN)


def test_fix_stdin_exit_zero(site: Path) -> None:
    result = memo("fix", "--exit-zero", "-", cwd=site, stdin=ERR.encode())
    assert result.rc == 0
    assert result.out == ERR.replace('draft: "false"', "draft: false")


# --------------------------------------------------------------------------------------------
# Suppressions (DESIGN.md "Configuration", README "Suppressing a problem").
# --------------------------------------------------------------------------------------------

SUPP = """\
---
title: "UNICEF AND WHO WARN OF MEASLES IN THE CAPITAL"  # newslint: disable=title-shouting
date: "2025-02-08 09:55:35"
summary: "Short."
# newslint: disable=TX002
---

<!-- newslint-disable-next-line sentence-spacing -- quoted as printed -->
Prices rose.The index fell.

Trade was quiet.The market closed early. <!-- newslint-disable-line TX004 -->

<!-- newslint-disable LK -->
See [the report](http://example.com/report?utm_source=x).
<!-- newslint-enable LK -->

<!-- newslint-disable-next-line BD004 -->
Nothing to silence here.

<!-- newslint-disabel TX004 -->

[Daily Example](https://daily.example.com/news/budget)
"""


@pytest.fixture(scope="module")
def supp_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_site(
        tmp_path_factory.mktemp("contract-supp") / "site", {"content/news/supp.md": SUPP}
    )


def test_suppressions_leave_exactly_the_unsuppressed_problems(supp_site: Path) -> None:
    result = memo("check", "--output-format", "json", cwd=supp_site)
    assert triples(result) == [("DT001", 3, 7), ("NL001", 17, 1), ("NL001", 20, 1)]


def test_unused_suppression_is_reported_with_a_safe_fix(supp_site: Path) -> None:
    [unused, typo] = [
        d
        for d in diags(memo("check", "--output-format", "json", cwd=supp_site))
        if d["code"] == "NL001"
    ]
    assert (unused["rule"], unused["severity"]) == ("unused-suppression", "warning")
    assert unused["message"] == "unused suppression (nothing reported for BD004)"
    assert unused["fix"]["applicability"] == "safe"  # type: ignore[index]
    assert (
        typo["message"]
        == "'<!-- newslint-disabel TX004 -->' is no newslint suppression; it silences nothing"
    )


SUPPRESSED = [
    ("TX006", "a front-matter key comment"),
    ("TX002", "a front-matter comment on its own line"),
    ("TX004", "disable-next-line and disable-line"),
    ("LK004", "a disable ... enable range by prefix"),
    ("LK005", "a disable ... enable range by prefix"),
]


@pytest.mark.parametrize(("code", "how"), SUPPRESSED, ids=[c for c, _ in SUPPRESSED])
def test_suppressed_problem_is_reported_without_the_comment(
    supp_site: Path, code: str, how: str
) -> None:
    silenced = memo("check", "--output-format", "json", "--select", code, cwd=supp_site)
    assert codes(silenced) <= {"NL001"}
    bare = SUPP.replace("newslint", "nl-off")  # the same text without any suppression
    loud = memo(
        "check",
        "--output-format",
        "json",
        "--select",
        code,
        "-",
        cwd=supp_site,
        stdin=bare.encode(),
    )
    assert code in codes(loud), how


@pytest.mark.parametrize(
    "comment",
    [
        "<!-- newslint-disable-file TX004 -->",
        "<!-- newslint-disable-file sentence-spacing -->",
        "<!-- newslint-disable-file TX -->",
        "<!-- newslint-disable-file -->",
        "<!-- newslint-disable-file TX003, TX004 -->",
        "<!-- newslint-disable-file TX003 TX004 -- a reason -->",
    ],
)
def test_disable_file(site: Path, comment: str) -> None:
    text = BAD.replace("[Daily Example]", comment + "\n\n[Daily Example]")
    result = memo(
        "check", "--output-format", "json", "--select", "TX004", "-", cwd=site, stdin=text.encode()
    )
    assert diags(result) == []


@pytest.mark.parametrize(
    "comment",
    [
        "# newslint: disable=DT001",
        "# newslint: disable=date-format",
        "# newslint: disable=DT",
        "# newslint: disable=TX003,DT001",
    ],
)
def test_front_matter_key_comment_variants(site: Path, comment: str) -> None:
    text = BAD.replace('date: "2025-02-08 09:55:35"', f'date: "2025-02-08 09:55:35"  {comment}')
    result = memo(
        "check", "--output-format", "json", "--select", "DT001", "-", cwd=site, stdin=text.encode()
    )
    assert diags(result) == []


def test_toml_front_matter_comment(site: Path) -> None:
    text = (
        "+++\n"
        'title = "Council approves the budget"\n'
        'date = "2025-02-08 09:55:35"  # newslint: disable=DT001\n'
        'summary = "The council approved the budget on Tuesday after a long and heated debate."\n'
        "+++\n\n"
        "The council approved the budget on Tuesday after a long and heated debate.\n\n"
        "[Daily Example](https://daily.example.com/news/budget)\n"
    )
    result = memo(
        "check", "--output-format", "json", "--select", "DT001", "-", cwd=site, stdin=text.encode()
    )
    assert diags(result) == []
    loud = memo(
        "check",
        "--output-format",
        "json",
        "--select",
        "DT001",
        "-",
        cwd=site,
        stdin=text.replace("  # newslint: disable=DT001", "").encode(),
    )
    assert triples(loud) == [("DT001", 3, 8)]


def test_suppression_of_a_rule_the_run_does_not_enable_is_left_alone(supp_site: Path) -> None:
    result = memo("check", "--output-format", "json", "--select", "DT001", cwd=supp_site)
    assert triples(result) == [("DT001", 3, 7)]


def test_fix_removes_an_unused_suppression_and_keeps_the_used_ones(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {"content/news/supp.md": SUPP})
    result = run("fix", cwd=site)
    text = (site / "content/news/supp.md").read_text(encoding="utf-8")
    assert text == SUPP.replace("<!-- newslint-disable-next-line BD004 -->\n", "").replace(
        '"2025-02-08 09:55:35"', '"2025-02-08T09:55:35+08:00"'
    )
    # the misspelt comment is reported but not removed: it may be text the author meant
    assert result.out == (
        "content/news/supp.md:19:1: NL001 [unused-suppression] '<!-- newslint-disabel TX004 -->' is no "
        "newslint suppression; it silences nothing\n"
    )


def test_fix_leaves_a_suppression_of_a_rule_it_does_not_run(tmp_path: Path) -> None:
    """README: "Suppressions of rules that a run does not enable are left alone"."""
    site = write_site(tmp_path / "site", {"content/news/supp.md": SUPP})
    run("fix", "--select", "NL001", cwd=site)
    assert (site / "content/news/supp.md").read_text(encoding="utf-8") == SUPP


# --------------------------------------------------------------------------------------------
# newslint fix.
# --------------------------------------------------------------------------------------------


def test_fix_writes_the_safe_fixes_and_exits_by_what_remains(site_copy: Path) -> None:
    result = run("fix", cwd=site_copy)
    assert result.rc == 1  # FM004 (unsafe fix only) remains an error in err.md
    assert (site_copy / "content/news/bad.md").read_text(encoding="utf-8") == BAD_FIXED
    err = (site_copy / "content/news/err.md").read_text(encoding="utf-8")
    assert err == ERR.replace(
        'draft: "false"', "draft: false"
    )  # display-only and unsafe fixes not applied
    assert (site_copy / "content/news/clean.md").read_text(encoding="utf-8") == CLEAN


def test_fix_exits_0_when_only_what_is_below_fail_on_remains(site_copy: Path) -> None:
    assert run("fix", "content/news/bad.md", "content/news/nofix.md", cwd=site_copy).rc == 0


def test_fix_exits_1_when_a_warning_remains_under_fail_on_warning(site_copy: Path) -> None:
    assert run("fix", "--fail-on", "warning", "content/news/nofix.md", cwd=site_copy).rc == 1


def test_fix_unsafe_fixes_write_the_summary(site_copy: Path) -> None:
    result = run("fix", "--unsafe-fixes", "content/news/err.md", cwd=site_copy)
    text = (site_copy / "content/news/err.md").read_text(encoding="utf-8")
    assert text == ERR.replace(
        'draft: "false"\n',
        'draft: false\nsummary: "Health ministers warned on Monday of a measles outbreak in the capital city."\n',
    )
    assert result.rc == 0  # only the shouting title (info, display-only) remains


def test_fix_never_applies_a_display_only_fix(site_copy: Path) -> None:
    run("fix", "--unsafe-fixes", "--select", "TX006", "content/news/err.md", cwd=site_copy)
    assert (site_copy / "content/news/err.md").read_text(encoding="utf-8") == ERR


def test_fix_exit_non_zero_on_fix(site_copy: Path) -> None:
    assert run("fix", "--exit-non-zero-on-fix", "content/news/bad.md", cwd=site_copy).rc == 1
    assert (
        run("fix", "--exit-non-zero-on-fix", "content/news/bad.md", cwd=site_copy).rc == 0
    )  # nothing left to fix


def test_fix_exit_zero(site_copy: Path) -> None:
    assert run("fix", "--exit-zero", "content/news/err.md", cwd=site_copy).rc == 0


def test_fix_diff_writes_nothing(site_copy: Path) -> None:
    result = run("fix", "--diff", "content/news/bad.md", cwd=site_copy)
    assert result.rc == 1
    assert (site_copy / "content/news/bad.md").read_text(encoding="utf-8") == BAD
    lines = result.out.splitlines()
    assert lines[0].startswith("--- ") and "content/news/bad.md" in lines[0]
    assert lines[1].startswith("+++ ") and "content/news/bad.md" in lines[1]
    assert "-Prices rose.The index fell. Trade was quiet in the afternoon session. " in lines
    assert "+Prices rose. The index fell. Trade was quiet in the afternoon session." in lines


def test_fix_diff_exits_0_without_a_diff(site: Path) -> None:
    result = memo("fix", "--diff", "content/news/clean.md", cwd=site)
    assert (result.rc, result.out) == (0, "")


def test_fix_diff_unsafe_shows_the_unsafe_edit(site: Path) -> None:
    result = memo("fix", "--diff", "--unsafe-fixes", "content/news/err.md", cwd=site)
    assert (
        '+summary: "Health ministers warned on Monday of a measles outbreak in the capital city."'
        in result.out.splitlines()
    )


def test_fix_show_fixes_lists_the_fixes_applied(site_copy: Path) -> None:
    result = run("fix", "--show-fixes", "content/news/bad.md", cwd=site_copy)
    assert result.rc == 0
    shown = result.out + result.err
    assert "content/news/bad.md" in shown
    for code in ("TX003", "DT001", "TX004", "BD002", "LK005"):
        assert code in shown


def test_fix_json_reports_what_remains(site_copy: Path) -> None:
    result = run("fix", "--output-format", "json", "content/news/err.md", cwd=site_copy)
    assert triples(result) == [("FM004", 1, 1), ("TX006", 2, 8)]


def test_fix_statistics_count_what_remains(site_copy: Path) -> None:
    result = run(
        "fix", "--statistics", "--output-format", "json", "content/news/err.md", cwd=site_copy
    )
    assert {s["code"]: s["count"] for s in result.json()} == {"FM004": 1, "TX006": 1}  # type: ignore[union-attr]


def test_fix_select_fixes_only_the_selected_rules(site_copy: Path) -> None:
    run("fix", "--select", "DT001", "content/news/bad.md", cwd=site_copy)
    text = (site_copy / "content/news/bad.md").read_text(encoding="utf-8")
    assert text == BAD.replace('"2025-02-08 09:55:35"', '"2025-02-08T09:55:35+08:00"')


def test_fix_twice_changes_nothing_more(site_copy: Path) -> None:
    run("fix", cwd=site_copy)
    before = {p: p.read_bytes() for p in (site_copy / "content").rglob("*.md")}
    assert run("fix", "--exit-non-zero-on-fix", "content/news/bad.md", cwd=site_copy).rc == 0
    assert {p: p.read_bytes() for p in (site_copy / "content").rglob("*.md")} == before


# --------------------------------------------------------------------------------------------
# The other commands: rules, config, init.
# --------------------------------------------------------------------------------------------


def test_rules_json_entries_have_the_documented_columns(nowhere: Path) -> None:
    for entry in rules_json(str(nowhere)).values():
        assert set(entry) >= {"code", "name", "severity", "fixable", "presets", "origin", "summary"}


@pytest.mark.parametrize(
    ("code", "presets"),
    [
        ("LK001", ["news"]),
        ("TX001", ["news"]),
        ("TH001", ["mainroad"]),
        ("DT001", []),
        ("XF002", ["news"]),
        ("XF003", ["news"]),
    ],
)
def test_rules_presets(nowhere: Path, code: str, presets: list[str]) -> None:
    assert rules_json(str(nowhere))[code]["presets"] == presets


def test_config_json_shape(site: Path) -> None:
    result = memo("config", "--output-format", "json", cwd=site)
    data = result.json()
    assert isinstance(data, dict) and list(data) == ["path", "config", "enabled"]
    assert data["path"] is None
    assert data["config"]["fail-on"] == "error"
    assert data["config"]["max-file-size"] == 10000000
    enabled = data["enabled"]
    # the rules on by default: all but the mainroad ones (no Mainroad theme) and the link checks
    assert "DT001" in enabled and "TH001" not in enabled and "LK006" not in enabled


def test_config_names_the_file_read(tmp_path: Path) -> None:
    site = config_site(
        tmp_path / "site", {"newslint.toml": 'ignore = ["TX003"]\nfail-on = "warning"\n'}
    )
    data = run("config", "--output-format", "json", cwd=site).json()
    assert isinstance(data, dict)
    assert Path(str(data["path"])).name == "newslint.toml"
    assert data["config"]["ignore"] == ["TX003"]
    assert data["config"]["fail-on"] == "warning"
    assert "TX003" not in data["enabled"]


def test_init_writes_a_starter_once(tmp_path: Path) -> None:
    first = run("init", cwd=tmp_path)
    assert first.rc == 0
    text = (tmp_path / "newslint.toml").read_text(encoding="utf-8")
    assert text.lstrip().startswith("#")  # commented
    second = run("init", cwd=tmp_path)
    assert second.rc == 2
    assert (tmp_path / "newslint.toml").read_text(encoding="utf-8") == text
    assert run("config", cwd=tmp_path).rc == 0  # the starter is a valid configuration


def test_init_pyproject_adds_a_section(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "site"\n', encoding="utf-8")
    assert run("init", "pyproject.toml", cwd=tmp_path).rc == 0
    text = (tmp_path / "pyproject.toml").read_text(encoding="utf-8")
    assert text.startswith('[project]\nname = "site"\n')
    assert "[tool.newslint]" in text
    assert not (tmp_path / "newslint.toml").exists()


# --------------------------------------------------------------------------------------------
# The README's commands, literally.
# --------------------------------------------------------------------------------------------


def test_readme_quick_start_check_examples(tmp_path: Path) -> None:
    """`newslint check examples/` lists the broken articles' problems one per line and exits 1."""
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    result = run("check", "examples/", cwd=tmp_path)
    assert result.rc == 1
    lines = result.out.splitlines()
    assert lines and all(
        re.match(r"examples/content/\S+\.md:\d+:\d+: [A-Z]{2}\d{3} \[", line) for line in lines
    )
    assert (
        "examples/content/en/news/no-front-matter.en.md:1:1: FM001 [front-matter-missing] file has no front matter"
        in lines
    )
    assert not any("harbour-reopens" in line or "library-hours" in line for line in lines)


def test_readme_baseline_commands(site_copy: Path) -> None:
    write = run("check", "--write-baseline", ".newslint-baseline.json", cwd=site_copy)
    assert (site_copy / ".newslint-baseline.json").is_file()
    assert write.rc in (0, 1)
    again = run(
        "check", "--baseline", ".newslint-baseline.json", "--output-format", "json", cwd=site_copy
    )
    assert (again.rc, diags(again)) == (0, [])
    (site_copy / "content/news/new.md").write_text(ERR, encoding="utf-8")
    new = run(
        "check", "--baseline", ".newslint-baseline.json", "--output-format", "json", cwd=site_copy
    )
    assert new.rc == 1
    assert {d["path"] for d in diags(new)} == {"content/news/new.md"}


def test_readme_config_example_is_valid(tmp_path: Path) -> None:
    """The README's [tool.newslint] example, as written (with the folders it names)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## Configuration", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]
    site = config_site(tmp_path / "site", {"pyproject.toml": block})
    result = run("config", "--output-format", "json", cwd=site)
    assert result.rc == 0, result.err
    config = result.json()["config"]  # type: ignore[index]
    assert config["timezone"] == "Asia/Shanghai" and config["ignore"] == ["TX006"]


def test_design_config_example_is_valid(tmp_path: Path) -> None:
    """DESIGN.md's [tool.newslint] example, copied here (DESIGN.md is not shipped)."""
    block = """\
[tool.newslint]
include = ["content/**/*.md"]        # default: the site's content dirs
exclude = ["content/drafts/**"]
select = ["ALL"]                     # codes, prefixes (e.g. "DT") or names
ignore = ["TX006"]
fail-on = "error"
timezone = "Asia/Shanghai"           # default: the site's timeZone, else UTC
presets = ["hugo", "news", "mainroad"]

[tool.newslint.per-file-ignores]
"content/archive/**" = ["DT003"]

[tool.newslint.rules.summary-length]
max = 300
severity = "warning"

[tool.newslint.links]
timeout = 10
concurrency = 64
per-host = 4
cache-ttl = "1d"
accept = [200, 206, 429]
exclude = ["^https://example\\\\.com/"]
"""
    site = config_site(tmp_path / "site", {"pyproject.toml": block})
    result = run("check", "--output-format", "json", cwd=site)
    assert result.err == "" and result.rc == 1
    assert "TX006" not in codes(result) and "FM004" in codes(result)


# --------------------------------------------------------------------------------------------
# DESIGN.md's catalogue, the "what" and "fix" columns: one article per row, written from the
# row's own example, linted in one run of a Mainroad site (theme set, not on disk: the built-in
# widget list) whose time zone is configured.
# --------------------------------------------------------------------------------------------

MAINROAD_HUGO = HUGO_TOML + 'theme = "mainroad"\n'
LEAD = "The east harbour reopened on Friday after three weeks of repairs to the sea wall."


def article(
    *,
    title: str = '"Harbour reopens after storm repairs"',
    date: str = "2025-03-14T08:30:00+08:00",
    summary: str | None = f'"{LEAD}"',
    extra: str = "",
    body: str = LEAD
    + "\n\nFishing boats were the first to return, followed by the morning ferry.\n",
    source: str = "[Harbour Gazette](https://gazette.example.com/harbour-reopens)\n",
) -> str:
    """A clean YAML article with one part replaced."""
    fields = f"title: {title}\ndate: {date}\n"
    if summary is not None:
        fields += f"summary: {summary}\n"
    return f"---\n{fields}{extra}---\n\n{body}\n{source}"


# code -> (article text, applicability of the fix DESIGN.md's "fix" column promises, or None)
CATALOGUE_EXAMPLES: dict[str, tuple[str, str | None]] = {
    "FM001": ("The harbour reopened on Friday.\n", None),
    "FM002": (
        '---\ntitle: "Harbour reopens\ndate: 2025-03-14T08:30:00+08:00\n---\n\nText.\n',
        None,
    ),
    "FM003": (article(extra='title: "Harbour reopens again"\n'), None),
    "FM004": (article(summary=None), "unsafe"),
    "FM005": (article(extra='comments: "false"\n'), "unsafe"),
    "FM006": (article(extra='menu: ""\n'), "safe"),
    "FM007": (article(summary=None, extra=f'sumary: "{LEAD}"\n'), "unsafe"),
    "DT001": (article(date='"2025-02-08 09:55:35"'), "safe"),
    "DT002": (article(date='"2025-02-30T10:00:00+08:00"'), None),
    "DT003": (article(date="2099-01-01T08:00:00+08:00"), None),
    "DT004": (article(extra="lastmod: 2025-01-01T08:00:00+08:00\n"), None),
    "TX001": (
        article(summary='"The east harbour reopened on Friday after three weeks of..."'),
        "unsafe",
    ),
    "TX002": (article(summary='"' + ("The harbour reopened on Friday. " * 12).strip() + '"'), None),
    "TX003": (article(title='"Harbour &amp; marina reopen after storm repairs"'), "safe"),
    "TX004": (article(body=LEAD + " It was ready for preparedness.The ferry returned.\n"), "safe"),
    "TX005": (article(title='"Harbour reopens  after storm repairs"'), "safe"),
    "TX006": (article(title='"HARBOUR REOPENS AFTER STORM REPAIRS"'), "display-only"),
    "TX007": (article(title='"港が嵐の修理の後に再開しました"'), None),
    "TH001": (article(extra='sidebar: "Right"\n'), "safe"),
    "TH002": (article(extra='widgets:\n  - "search"\n  - "recnt"\n'), "unsafe"),
    "TH003": (article(extra='thumbnail:\n  image: "img/harbour.jpg"\n'), "safe"),
    "EN001": (article(body=LEAD + " The harbourâ€™s wall was rebuilt.\n"), "safe"),
    "EN002": (article(body=LEAD + " The harbour\ufffds wall was rebuilt.\n"), None),
    "EN003": (article(body=LEAD + " The wall\u200b was rebuilt.\n"), "safe"),
    "EN004": (article(body=LEAD + " The wall\x07 was rebuilt.\n"), "safe"),
    "EN006": ("\ufeff" + article(), "safe"),
    "EN007": (article().replace("\n", "\r\n"), "safe"),
    "BD001": (
        article(body=LEAD + "\n\n\u00a0\n\nFishing boats were the first to return.\n"),
        "safe",
    ),
    "BD002": (article(body=LEAD + "   \nFishing boats were the first to return.\n"), "safe"),
    "BD003": (article(body=LEAD + "\n\n\n\nFishing boats were the first to return.\n"), "safe"),
    "BD004": (article(body=LEAD + '\n\n<iframe src="https://example.com/embed"></iframe>\n'), None),
    "BD005": (article(body=LEAD + " The {{ price }} rose.\n"), "unsafe"),
    "BD006": (
        '---\ntitle: "Harbour reopens after storm repairs"\ndate: 2025-03-14T08:30:00+08:00\n'
        f'summary: "{LEAD}"\n---\n\n[Harbour Gazette](https://gazette.example.com/harbour-reopens)\n',
        None,
    ),
    "BD007": (article(body=LEAD + "\n\nThe ferry returned.\n\n" + LEAD + "\n"), "unsafe"),
    "LK001": (article(source=""), None),
    "LK002": (article(body=LEAD + " See [the plan](javascript:alert(1)).\n"), "unsafe"),
    "LK003": (article(body=LEAD + " See [the plan](/reports/plan.pdf).\n"), "unsafe"),
    "LK004": (article(body=LEAD + " See [the plan](http://harbour.example.com/plan).\n"), "unsafe"),
    "LK005": (
        article(source="[Harbour Gazette](https://gazette.example.com/h?utm_source=rss)\n"),
        "safe",
    ),
}

# Bytes that are not UTF-8 (Windows-1252 é) are written as bytes.
EN005_BYTES = (
    article(body=LEAD + " The caf\u00e9 reopened.\n")
    .encode("utf-8")
    .replace("caf\u00e9".encode(), b"caf\xe9")
)

# Cross-file: two articles with one source, two articles with one title.
XF_FILES = {
    "content/xf/a.md": article(date="2025-03-01T08:00:00+08:00"),
    "content/xf/b.md": article(
        title='"Sea wall repairs finished"', date="2025-03-02T08:00:00+08:00"
    ),
    "content/xf/c.md": article(
        title='"Harbour reopens after storm repairs"',
        date="2025-03-03T08:00:00+08:00",
        source="[Harbour Post](https://post.example.com/harbour)\n",
    ),
}


@pytest.fixture(scope="module")
def examples_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files = {
        f"content/cat/{code.lower()}.md": text for code, (text, _) in CATALOGUE_EXAMPLES.items()
    }
    files |= XF_FILES
    root = write_site(
        tmp_path_factory.mktemp("contract-examples") / "site", files, hugo=MAINROAD_HUGO
    )
    (root / "content/cat/en005.md").write_bytes(EN005_BYTES)
    return root


def examples_json(examples_site: Path) -> list[dict[str, object]]:
    """The catalogue examples' problems; they share a title and a source, so XF is left off."""
    return diags(
        memo("check", "--output-format", "json", "--ignore", "XF", "content/cat", cwd=examples_site)
    )


@pytest.mark.parametrize("code", list(CATALOGUE_EXAMPLES), ids=list(CATALOGUE_EXAMPLES))
def test_design_catalogue_example_is_reported_with_the_promised_fix(
    examples_site: Path, code: str
) -> None:
    _, applicability = CATALOGUE_EXAMPLES[code]
    mine = [
        d for d in examples_json(examples_site) if d["path"] == f"content/cat/{code.lower()}.md"
    ]
    found = [d for d in mine if d["code"] == code]
    assert found, [d["code"] for d in mine]
    fixes = {d["fix"]["applicability"] if d["fix"] else None for d in found}  # type: ignore[index]
    assert applicability in fixes


def test_invalid_utf8_is_reported_and_the_rest_is_linted(examples_site: Path) -> None:
    mine = [d for d in examples_json(examples_site) if d["path"] == "content/cat/en005.md"]
    assert [(d["code"], d["line"], d["column"]) for d in mine] == [
        ("EN005", 7, len(LEAD) + len(" The caf") + 1)
    ]
    assert mine[0]["fix"]["applicability"] == "unsafe"  # type: ignore[index]


def test_clean_examples_have_only_their_own_problem(examples_site: Path) -> None:
    """Each example is the clean article with one change: it shows that change's rule, plus only
    the rules that the change implies (a missing summary is also no prose for the summary...)."""
    implied = {
        "FM002": {"FM002"},
        "FM007": {"FM007", "FM004"},
        "TX007": {"TX007", "TX006"},
        "BD006": {"BD006", "FM004"},
    }
    for code in CATALOGUE_EXAMPLES:
        mine = {
            str(d["code"])
            for d in examples_json(examples_site)
            if d["path"] == f"content/cat/{code.lower()}.md"
        }
        assert mine <= implied.get(code, {code}) | {code}, (code, mine)


def test_duplicate_source_and_title_across_articles(examples_site: Path) -> None:
    result = memo(
        "check", "--output-format", "json", "--select", "XF", "content/xf", cwd=examples_site
    )
    xf = [(d["path"], d["code"]) for d in diags(result)]
    assert sorted(xf) == [("content/xf/b.md", "XF001"), ("content/xf/c.md", "XF002")]


# --------------------------------------------------------------------------------------------
# The fork server that runs most commands gives what the console script gives.
# --------------------------------------------------------------------------------------------

FIDELITY = [
    (("check", "--output-format", "json"), None),
    (("check", "--output-format", "full", "--color", "always", "content/news/err.md"), None),
    (("check",), None),
    (("check", "--statistics"), None),
    (("check", "--select", "XX999"), None),
    (("check", "--bogus"), None),
    (("fix", "--diff"), None),
    (("fix", "--stdin-filename", "content/news/x.md", "-"), BAD.replace("\n", "\r\n").encode()),
    (("check", "-"), EN005_BYTES),
    (("rules",), None),
    (("rule", "DT001"), None),
    (("config",), None),
]


@pytest.mark.parametrize(("args", "stdin"), FIDELITY, ids=[" ".join(a) for a, _ in FIDELITY])
def test_the_fork_server_runs_as_the_console_script_does(
    site: Path, args: tuple[str, ...], stdin: bytes | None
) -> None:
    assert run(*args, cwd=site, stdin=stdin) == run_script(*args, cwd=site, stdin=stdin)


# --------------------------------------------------------------------------------------------
# On a terminal (a pseudo-terminal): `full` with colour by default; NO_COLOR and --color never
# turn the colour off.
# --------------------------------------------------------------------------------------------


def run_on_a_terminal(
    *args: str, cwd: Path, env: Mapping[str, str] | None = None
) -> tuple[int, str]:
    """The console script with its standard output on a pseudo-terminal."""
    pty = pytest.importorskip("pty")
    primary, secondary = pty.openpty()
    proc = subprocess.Popen(
        [_newslint_executable(), *args],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=secondary,
        stderr=subprocess.DEVNULL,
        env=_env({"TERM": "xterm-256color", "COLUMNS": "200", **(env or {})}),
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            data = os.read(primary, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(primary)
    return proc.wait(timeout=120), b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")


ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        ((), {}, True),
        ((), {"NO_COLOR": "1"}, False),
        (("--color", "never"), {}, False),
        (("--color", "always"), {"NO_COLOR": "1"}, True),
    ],
    ids=["default", "NO_COLOR", "never", "always-beats-NO_COLOR"],
)
def test_on_a_terminal_the_default_is_full(
    site: Path, args: tuple[str, ...], env: dict[str, str], coloured: bool
) -> None:
    rc, out = run_on_a_terminal("check", *args, "content/news/err.md", cwd=site, env=env)
    assert rc == 1
    assert bool(ESCAPES.search(out)) is coloured
    plain = ESCAPES.sub("", out)
    # full: the file, then each problem with its source line and a caret under it
    assert '       2 | title: "MINISTERS WARN OF MEASLES OUTBREAK IN CAPITAL"' in plain
    assert "content/news/err.md:4:8: FM005 [field-type]" in plain


# --------------------------------------------------------------------------------------------
# Walking folders (README "Usage"); more than 100 files go to worker processes.
# --------------------------------------------------------------------------------------------


def test_a_walk_outside_a_site_lints_the_markdown_of_the_working_directory(tmp_path: Path) -> None:
    skipped = [".#c.md", "#d.md#", "e.md~", ".~f.md", "sub/.hidden/g.md", "ign/h.md", "j.txt"]
    linted = ["README.md", "a.md", "i.markdown", "sub/b.md"]
    for name in skipped + linted:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("no front matter\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("ign/\n", encoding="utf-8")
    result = run("check", "--output-format", "json", cwd=tmp_path)
    assert [(d["path"], d["code"]) for d in diags(result)] == [(name, "FM001") for name in linted]
    assert result.rc == 1


def test_many_files_in_workers_are_sorted_as_one_file_is(tmp_path: Path) -> None:
    articles = {f"content/news/{n:03d}.md": BAD if n % 3 else ERR for n in range(130)}
    site = write_site(tmp_path / "site", articles)
    pooled = run("check", "--no-cache", "--output-format", "json", "--jobs", "2", cwd=site)
    single = run("check", "--no-cache", "--output-format", "json", "-j", "1", cwd=site)
    assert pooled.out == single.out
    got = [(d["path"], d["line"], d["column"]) for d in diags(pooled)]
    assert got == sorted(got)
    bad, err = sum(1 for n in range(130) if n % 3), sum(1 for n in range(130) if not n % 3)
    # every copy but the first repeats the first's title (XF002) and source (XF001)
    assert len(got) == bad * len(BAD_TRIPLES) + err * len(ERR_TRIPLES) + 2 * (bad - 1) + 2 * (
        err - 1
    )
    cached = run("check", "--output-format", "json", cwd=site)
    assert run("check", "--output-format", "json", cwd=site).out == cached.out == pooled.out


def test_the_same_file_named_twice_is_linted_once(site: Path) -> None:
    result = memo(
        "check",
        "--output-format",
        "json",
        "content/news/bad.md",
        "./content/news/bad.md",
        "content",
        cwd=site,
    )
    assert [
        (d["code"], d["line"], d["column"])
        for d in diags(result)
        if d["path"] == "content/news/bad.md"
    ] == BAD_TRIPLES


def test_a_path_with_dot_dot_is_shown_normalised(site: Path) -> None:
    result = memo("check", "--output-format", "json", "content/news/../news/bad.md", cwd=site)
    assert {d["path"] for d in diags(result)} == {"content/news/bad.md"}


def test_a_file_outside_the_working_directory_is_shown_by_its_absolute_path(
    site: Path, tmp_path: Path
) -> None:
    """README "JSON output": a file outside the working directory keeps its absolute path."""
    result = run(
        "check", "--output-format", "json", str(site / "content/news/err.md"), cwd=tmp_path
    )
    assert {d["path"] for d in diags(result)} == {(site / "content/news/err.md").as_posix()}


def test_an_empty_folder_warns_and_exits_0(tmp_path: Path) -> None:
    result = run("check", cwd=tmp_path)
    assert (result.rc, result.out) == (0, "")
    assert (
        result.err == "newslint: warning: no Markdown files to lint (all excluded or none found)\n"
    )


def test_github_format_without_columns_for_a_problem_over_lines(site: Path) -> None:
    text = article(body=LEAD + "\n\n\n\nFishing boats were the first to return.\n")
    result = memo(
        "check",
        "--output-format",
        "github",
        "--stdin-filename",
        "content/news/b.md",
        cwd=site,
        stdin=text.encode(),
    )
    assert result.out == (
        "::notice file=content/news/b.md,line=9,endLine=10,title=BD003 blank-lines::3 blank lines in a row\n"
    )


@pytest.mark.parametrize("fmt", ["sarif", "junit"])
def test_statistics_has_no_sarif_or_junit_form(site: Path, fmt: str) -> None:
    result = memo("check", "--statistics", "--output-format", fmt, "content/news/err.md", cwd=site)
    assert (result.rc, result.out) == (2, "")
    assert (
        result.err
        == f"newslint: error: --statistics has no {fmt} form (use json, json-lines or a text format)\n"
    )


def test_statistics_json_lines(site: Path) -> None:
    result = memo(
        "check", "--statistics", "--output-format", "json-lines", "content/news/err.md", cwd=site
    )
    assert [json.loads(line)["code"] for line in result.out.splitlines()] == [
        "FM004",
        "FM005",
        "TX006",
    ]


def test_fix_diff_exits_by_the_diff_not_by_an_unfixable_error(tmp_path: Path) -> None:
    """README: `fix --diff` exits 1 when there is a diff; an error that no fix touches is no diff."""
    (tmp_path / "a.md").write_text('---\ntitle: "x"\n', encoding="utf-8")  # FM002: never closed
    result = run("fix", "--diff", "a.md", cwd=tmp_path)
    assert (result.rc, result.out) == (0, "")
    assert run("fix", "a.md", cwd=tmp_path).rc == 1  # without --diff the error decides


def test_fix_diff_exit_zero(site: Path) -> None:
    result = memo("fix", "--diff", "--exit-zero", "content/news/bad.md", cwd=site)
    assert result.rc == 0 and result.out.startswith(
        "--- a/content/news/bad.md\n+++ b/content/news/bad.md\n"
    )


def test_short_flags(site: Path, tmp_path: Path) -> None:
    long = run(
        "check",
        "--quiet",
        "--jobs",
        "1",
        "--output",
        str(tmp_path / "long"),
        "content/news/err.md",
        cwd=site,
    )
    short = run(
        "check", "-q", "-j", "1", "-o", str(tmp_path / "short"), "content/news/err.md", cwd=site
    )
    assert (long.rc, long.out) == (short.rc, short.out)
    assert (tmp_path / "long").read_text(encoding="utf-8") == (tmp_path / "short").read_text(
        encoding="utf-8"
    )


def test_jobs_0_means_one_per_cpu(site: Path) -> None:
    assert (
        memo("check", "--jobs", "0", "--output-format", "json", cwd=site).out == site_json(site).out
    )


def order_site(root: Path) -> Path:
    for name in ("a-b/x.md", "a/x.md", "a.b/x.md", "B.md", "a.md"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("no front matter\n", encoding="utf-8")
    return root


STRING_ORDER = ["B.md", "a-b/x.md", "a.b/x.md", "a.md", "a/x.md"]


@pytest.mark.parametrize("args", [(), ("a.md", "a.b", "B.md", "a", "a-b")], ids=["walk", "named"])
def test_json_is_sorted_by_path_in_code_point_order(tmp_path: Path, args: tuple[str, ...]) -> None:
    """README "JSON output": sorted by path (`B.md` before `a-b/x.md` before `a.md` before `a/x.md`)."""
    result = run("check", "--output-format", "json", *args, cwd=order_site(tmp_path))
    assert [d["path"] for d in diags(result)] == STRING_ORDER


def test_junit_and_sarif_are_sorted_by_path_as_json_is(tmp_path: Path) -> None:
    site = order_site(tmp_path)
    named = ("a.md", "a.b", "B.md", "a", "a-b")
    junit = ET.fromstring(run("check", "--output-format", "junit", *named, cwd=site).out)
    assert [suite.get("name") for suite in junit.findall("testsuite")] == STRING_ORDER
    sarif = json.loads(run("check", "--output-format", "sarif", *named, cwd=site).out)
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in sarif["runs"][0]["results"]
    ]
    assert uris == STRING_ORDER


@pytest.mark.parametrize("fmt", ["json-lines", "concise", "github"])
def test_streamed_formats_go_file_by_file_in_the_order_given(tmp_path: Path, fmt: str) -> None:
    """README "JSON output": json-lines, concise and github print each file's problems as they
    arrive: the paths' order, a folder's files in name order (`a/x.md` before `a-b/x.md`)."""
    site = order_site(tmp_path)
    walked = run("check", "--output-format", fmt, cwd=site).out
    named = run("check", "--output-format", fmt, "a.md", "a.b", "B.md", "a", "a-b", cwd=site).out
    pattern = r"(?:B\.md|a-b/x\.md|a\.b/x\.md|a\.md|a/x\.md)"
    assert re.findall(pattern, walked) == ["B.md", "a/x.md", "a-b/x.md", "a.b/x.md", "a.md"]
    assert re.findall(pattern, named) == ["a.md", "a.b/x.md", "B.md", "a/x.md", "a-b/x.md"]


def test_json_lines_prints_the_cross_file_problems_after_the_files(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {"content/news/a.md": BAD, "content/news/b.md": BAD, "content/news/c.md": ERR},
    )
    lines = [
        json.loads(line)
        for line in run("check", "--output-format", "json-lines", cwd=site).out.splitlines()
    ]
    whole = diags(run("check", "--output-format", "json", cwd=site))
    assert sorted(lines, key=lambda d: (d["path"], d["line"], d["column"], d["code"])) == whole
    # the cross-file problems come last, by path and position among themselves
    assert [(d["path"], d["code"], d["line"]) for d in lines[-2:]] == [
        ("content/news/b.md", "XF002", 2),
        ("content/news/b.md", "XF001", 11),
    ]


def test_show_fixes_output(site_copy: Path) -> None:
    result = run("fix", "--show-fixes", "content/news/bad.md", "content/news/err.md", cwd=site_copy)
    assert result.rc == 1
    assert result.out == (
        "Fixed 7 problems:\n"
        "- content/news/bad.md:\n"
        "    2 × TX003 (html-entity) Unescape &#39;\n"
        "    1 × DT001 (date-format) Rewrite as 2025-02-08T09:55:35+08:00\n"
        "    1 × TX004 (sentence-spacing) Insert a space\n"
        "    1 × BD002 (trailing-whitespace) Remove trailing whitespace\n"
        "    1 × LK005 (tracking-params) Remove the tracking parameters\n"
        "- content/news/err.md:\n"
        "    1 × FM005 (field-type) Write draft as false\n"
        "content/news/err.md:1:1: FM004 [required-field] required field 'summary' is missing\n"
        "content/news/err.md:2:8: TX006 [title-shouting] title is in capitals\n"
    )


@pytest.mark.parametrize(
    "argv",
    [
        ("rules", "--isolated"),
        ("rules", "--config", "fail-on = 'info'"),
        ("rules", "--rules-dir", "plugins"),
        ("rule", "DT001", "--isolated"),
        ("rule", "date-format", "--config", "newslint.toml"),
        ("rule", "DT001", "--rules-dir", "plugins"),
        ("config", "--isolated"),
        ("config", "--config", "newslint.toml", "--output-format", "json"),
        ("config", "--rules-dir", "plugins"),
    ],
    ids=lambda a: " ".join(a),
)
def test_rules_rule_and_config_take_config_isolated_and_rules_dir(
    tmp_path: Path, argv: tuple[str, ...]
) -> None:
    (tmp_path / "plugins").mkdir()
    (tmp_path / "newslint.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    result = run(*argv, cwd=tmp_path)
    assert (result.rc, result.err) == (0, "")
    assert result.out


def test_config_isolated_reads_no_file(tmp_path: Path) -> None:
    (tmp_path / "newslint.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    isolated = run("config", "--isolated", "--output-format", "json", cwd=tmp_path).json()
    found = run("config", "--output-format", "json", cwd=tmp_path).json()
    assert isinstance(isolated, dict) and isinstance(found, dict)
    assert (isolated["path"], isolated["config"]["fail-on"]) == (None, "error")
    assert found["config"]["fail-on"] == "warning"


def test_engine_rule_doc(nowhere: Path) -> None:
    result = memo("rule", "unused-suppression", cwd=nowhere)
    assert result.rc == 0
    assert result.out.splitlines()[:3] == [
        "# unused-suppression (NL001)",
        "",
        "Severity: warning. Fixable: yes. Origin: engine.",
    ]
    assert memo("rule", "NL001", cwd=nowhere) == result


WALK_SETTINGS = [
    ('include = ["bad.md"]', ["content/news/bad.md"]),  # a bare file name
    ('include = ["content/news/e*.md"]', ["content/news/err.md"]),
    ('include = ["content/{news,sport}/err.md"]', ["content/news/err.md"]),
    ('exclude = ["err.md"]', ["content/news/bad.md"]),
    ('exclude = ["content/news/"]', []),  # a final / means the folder's files
    ('exclude = ["content/*"]', []),  # * crosses /
    ('exclude = ["**/bad.md"]', ["content/news/err.md"]),
    ('extend-exclude = ["bad.md"]', ["content/news/err.md"]),
    ('exclude = ["bad.md"]\nextend-exclude = ["err.md"]', []),
    ('include = ["content/**/*.md"]\nexclude = ["content/news/bad.md"]', ["content/news/err.md"]),
]


@pytest.mark.parametrize(("settings", "paths"), WALK_SETTINGS, ids=[s for s, _ in WALK_SETTINGS])
def test_include_and_exclude_patterns_in_a_walk(
    tmp_path: Path, settings: str, paths: list[str]
) -> None:
    site = config_site(tmp_path / "site", {"newslint.toml": settings + "\n"})
    result = run("check", "--output-format", "json", cwd=site)
    assert sorted({str(d["path"]) for d in diags(result)}) == paths


@pytest.mark.parametrize(
    "selection",
    [(), ("--select", "DT001"), ("--ignore", "ALL")],
    ids=["default", "select", "ignore-all"],
)
def test_a_file_over_max_file_size_is_reported_whatever_is_selected(
    site: Path, selection: tuple[str, ...]
) -> None:
    """README: a larger file is reported as `file-too-large` (NL003), not linted; no selection
    turns it off."""
    size = len(BAD.encode())
    result = memo(
        "check",
        "--config",
        "max-file-size = 100",
        "--output-format",
        "json",
        *selection,
        "content/news/bad.md",
        cwd=site,
    )
    assert result.rc == 1
    assert diags(result) == [
        {
            "path": "content/news/bad.md",
            "rule": "file-too-large",
            "code": "NL003",
            "severity": "error",
            "message": f"file is {size} bytes, over max-file-size (100); not linted",
            "line": 1,
            "column": 1,
            "end_line": 1,
            "end_column": 1,
            "fix": None,
        }
    ]


def _line_starts(text: str) -> list[int]:
    """Offsets of the starts of the lines, for line breaks LF, CR LF and a lone CR."""
    starts = [0]
    for match in re.finditer(r"\r\n|\r|\n", text):
        starts.append(match.end())
    return starts


def _offset(text: str, starts: list[int], line: int, column: int) -> int:
    assert 1 <= line <= len(starts), (line, len(starts))
    offset = starts[line - 1] + column - 1
    assert column >= 1 and offset <= len(text)
    if line < len(starts):  # a column lies within its line, or just past its line break's start
        assert offset <= starts[line], (line, column)
    return offset


@pytest.mark.parametrize("code", list(CATALOGUE_EXAMPLES), ids=list(CATALOGUE_EXAMPLES))
def test_fix_edits_are_sorted_disjoint_in_range_and_change_the_text(
    examples_site: Path, code: str
) -> None:
    """The JSON contract's edits, for every fix the example gets: positions inside the file, sorted,
    not overlapping, and applying them (from the end) changes the text."""
    raw = (examples_site / f"content/cat/{code.lower()}.md").read_bytes()
    text = raw.decode("utf-8", "replace")
    starts = _line_starts(text)
    mine = [
        d for d in examples_json(examples_site) if d["path"] == f"content/cat/{code.lower()}.md"
    ]
    for d in mine:
        start = _offset(text, starts, int(d["line"]), int(d["column"]))  # type: ignore[call-overload]
        end = _offset(text, starts, int(d["end_line"]), int(d["end_column"]))  # type: ignore[call-overload]
        assert start <= end
        if not d["fix"]:
            continue
        spans = [
            (
                _offset(text, starts, e["line"], e["column"]),
                _offset(text, starts, e["end_line"], e["end_column"]),
                e["content"],
            )
            for e in d["fix"]["edits"]  # type: ignore[index]
        ]
        assert all(a <= b for a, b, _ in spans)
        # sorted and disjoint
        assert all(prev[1] <= nxt[0] for prev, nxt in itertools.pairwise(spans)), spans
        changed = text
        for a, b, content in reversed(spans):
            changed = changed[:a] + content + changed[b:]
        assert changed != text, d


def test_grouped_shows_three_examples_per_rule(site: Path) -> None:
    """README "Output formats": grouped is by rule, most frequent first, with counts, three
    examples and how many are fixable."""
    text = BAD.replace(
        "Council approves &#39;balanced&#39; budget", "A &amp; B &amp; C &amp; D &amp; E &amp; F"
    )
    result = memo(
        "check",
        "--output-format",
        "grouped",
        "--stdin-filename",
        "content/news/g.md",
        cwd=site,
        stdin=text.encode(),
    )
    lines = result.out.splitlines()
    assert lines[:5] == [
        "     5  TX003  html-entity          warning, 5 fixable",
        "          content/news/g.md:2:11: title shows the HTML entity &amp; literally",
        "          content/news/g.md:2:19: title shows the HTML entity &amp; literally",
        "          content/news/g.md:2:27: title shows the HTML entity &amp; literally",
        "          ... and 2 more",
    ]
    assert lines[-2:] == [
        "Found 9 problems (7 warnings, 2 infos) in 1 of 1 file.",
        "[*] 9 fixable with `newslint fix`.",
    ]


def test_a_byte_order_mark_is_a_column_of_line_1(site: Path) -> None:
    """README "JSON output": the BOM is a code point of line 1 (EN006 at 1:1-1:2), so the
    `---` a missing summary is reported at is at columns 2 to 5."""
    result = memo(
        "check", "--output-format", "json", "-", cwd=site, stdin=b"\xef\xbb\xbf" + ERR.encode()
    )
    spans = {
        d["code"]: (d["line"], d["column"], d["end_line"], d["end_column"]) for d in diags(result)
    }
    assert spans["EN006"] == (1, 1, 1, 2)
    assert spans["FM004"] == (1, 2, 1, 5)
    assert spans["FM005"] == (4, 8, 4, 15)  # other lines are as without the mark


@pytest.mark.parametrize(
    ("existing", "target"),
    [
        ({"pyproject.toml": '[tool.newslint]\nfail-on = "warning"\n'}, ()),
        ({"pyproject.toml": '[tool.newslint]\nfail-on = "warning"\n'}, (".newslint.toml",)),
        ({"pyproject.toml": '[tool.newslint]\nfail-on = "warning"\n'}, ("pyproject.toml",)),
        ({"newslint.toml": 'fail-on = "warning"\n'}, ("pyproject.toml",)),
        ({".newslint.toml": 'fail-on = "warning"\n'}, ()),
        ({"newslint.toml": 'fail-on = "warning"\n'}, ("newslint.toml",)),
    ],
    ids=[
        "toml-beside-pyproject",
        "dot-toml-beside-pyproject",
        "pyproject-twice",
        "pyproject-beside-toml",
        "toml-beside-dot-toml",
        "overwrite",
    ],
)
def test_init_never_overwrites_nor_writes_a_second_configuration(
    tmp_path: Path, existing: dict[str, str], target: tuple[str, ...]
) -> None:
    for name, text in existing.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = run("init", *target, cwd=tmp_path)
    assert (result.rc, result.out) == (2, "")
    assert result.err.startswith("newslint: error: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(existing)
    for name, text in existing.items():
        assert (tmp_path / name).read_text(encoding="utf-8") == text


@pytest.mark.parametrize("target", [".newslint.toml", "newslint.toml"])
def test_init_writes_the_named_file(tmp_path: Path, target: str) -> None:
    result = run("init", target, cwd=tmp_path)
    assert (result.rc, result.err) == (0, "")
    assert [p.name for p in tmp_path.iterdir()] == [target]
    config = run("config", "--output-format", "json", cwd=tmp_path).json()
    assert isinstance(config, dict) and Path(str(config["path"])).name == target


def test_fix_stdin_show_fixes_lists_the_fixes_on_stderr(site: Path) -> None:
    """`fix -` prints the fixed text on standard output and the rest on standard error:
    `--show-fixes` lists the fix it applied there, as for a file (it said "No fixes applied.")."""
    result = run("fix", "--show-fixes", "-", cwd=site, stdin=ERR.encode())
    assert result.rc == 1
    assert result.out == ERR.replace('draft: "false"', "draft: false")
    assert result.err.startswith(
        "Fixed 1 problem:\n- -:\n    1 × FM005 (field-type) Write draft as false\n"
    )


def test_fix_stdin_show_fixes_with_nothing_to_fix(site: Path) -> None:
    result = run("fix", "--show-fixes", "-", cwd=site, stdin=CLEAN.encode())
    assert (result.rc, result.out) == (0, CLEAN)
    assert result.err.startswith("No fixes applied.\n")


@pytest.mark.parametrize(
    "extra",
    [(), ("--statistics",), ("--output-format", "json"), ("-q",), ("--output-format", "github")],
)
def test_fix_stdin_keeps_standard_output_for_the_text(site: Path, extra: tuple[str, ...]) -> None:
    result = memo("fix", *extra, "-", cwd=site, stdin=ERR.encode())
    assert result.out == ERR.replace('draft: "false"', "draft: false")
    assert result.rc == 1


@pytest.mark.parametrize("fmt", ["json", "json-lines", "sarif", "junit"])
def test_fix_show_fixes_keeps_a_machine_format_parseable(site_copy: Path, fmt: str) -> None:
    result = run(
        "fix", "--show-fixes", "--output-format", fmt, "content/news/err.md", cwd=site_copy
    )
    assert result.rc == 1
    assert "Fixed 1 problem:" in result.err
    if fmt == "json":
        assert triples(result) == [("FM004", 1, 1), ("TX006", 2, 8)]
    elif fmt == "json-lines":
        assert [json.loads(line)["code"] for line in result.out.splitlines()] == ["FM004", "TX006"]
    elif fmt == "sarif":
        assert [r["ruleId"] for r in json.loads(result.out)["runs"][0]["results"]] == [
            "FM004",
            "TX006",
        ]
    else:
        assert len(ET.fromstring(result.out).findall("testsuite/testcase/failure")) == 2
