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

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
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


def run(
    *args: str,
    cwd: Path,
    stdin: bytes | None = None,
    env: Mapping[str, str] | None = None,
) -> Result:
    """Run `newslint ARGS` in CWD (not memoised: for folders a test changes)."""
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


@cache
def _memo(args: tuple[str, ...], cwd: str, stdin: bytes | None, env: tuple[tuple[str, str], ...]) -> Result:
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
def test_the_console_script_prints_the_same_rule_doc(rule_docs: dict[str, Result], nowhere: Path, selector: str) -> None:
    assert memo("rule", selector, cwd=nowhere) == rule_docs[selector]


@pytest.mark.parametrize(("code", "name", "severity", "fixable"), DESIGN_CATALOGUE, ids=DESIGN_CODES)
def test_catalogue_row_is_in_the_rules_table(nowhere: Path, code: str, name: str, severity: str, fixable: bool) -> None:
    row = rules_table(str(nowhere))[code]
    assert row[1:4] == [name, severity, "yes" if fixable else "-"]
    assert row[5] == "builtin"


@pytest.mark.parametrize(("code", "name", "severity", "fixable"), DESIGN_CATALOGUE, ids=DESIGN_CODES)
def test_catalogue_row_is_in_the_rules_json(nowhere: Path, code: str, name: str, severity: str, fixable: bool) -> None:
    entry = rules_json(str(nowhere))[code]
    assert (entry["name"], entry["severity"], entry["fixable"], entry["origin"]) == (name, severity, fixable, "builtin")


@pytest.mark.parametrize(("code", "name", "severity", "fixable"), DESIGN_CATALOGUE, ids=DESIGN_CODES)
def test_rule_doc_by_code(rule_docs: dict[str, Result], code: str, name: str, severity: str, fixable: bool) -> None:
    result = rule_docs[code]
    assert result.rc == 0 and result.err == ""
    lines = result.out.splitlines()
    assert lines[0] == f"# {name} ({code})"
    assert lines[2] == f"Severity: {severity}. Fixable: {'yes' if fixable else 'no'}. Origin: builtin."
    # STYLE.md: the rule doc's sections, and Fix safety exactly when the rule fixes.
    headings = [line for line in lines if line.startswith("## ")]
    assert headings[:4] == ["## What it does", "## Why is this bad?", "## Example", "## Use instead"]
    assert ("## Fix safety" in headings) is fixable


@pytest.mark.parametrize(("code", "name"), [row[:2] for row in DESIGN_CATALOGUE], ids=DESIGN_CODES)
def test_rule_doc_by_name_is_the_doc_by_code(rule_docs: dict[str, Result], code: str, name: str) -> None:
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
def test_readme_rule_row_matches_the_rules_json(nowhere: Path, row: tuple[str, str, str, str, str]) -> None:
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
    assert [r[0] for r in README_ROWS] == sorted(c for c in listed if rules[c]["origin"] == "builtin")


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
    result = memo("check", "--select", names, "--output-format", "json", "content/news/bad.md", cwd=site)
    assert result.err == ""
    assert triples(result) == BAD_TRIPLES


def test_every_catalogue_code_is_a_selector(site: Path) -> None:
    result = memo("check", "--select", ",".join(DESIGN_CODES), "--output-format", "json", "content/news/bad.md", cwd=site)
    assert result.err == ""
    assert triples(result) == BAD_TRIPLES
