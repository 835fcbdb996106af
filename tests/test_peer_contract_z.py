"""Peer round Z: where a diagnostic says it is, when it is in no file or in a file whose name is
not UTF-8.

Written as an outside tester with DESIGN.md, the README and ruff's conventions: a plugin rule that
crashes in its cross-file step (`project_end`) over two files, seen through every output format;
and an article whose file name holds a byte that is not UTF-8 (`caf\\xe9.md`, as an old Latin-1
export leaves it on Linux), named by the SARIF report and fixed by `newslint fix`. Each case is a
small file written here and a run of the installed `newslint` script in a subprocess (a plugin
folder is imported into the process that lints).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

NEWSLINT = str(Path(sys.executable).parent / "newslint")

CROSS_FILE_CRASH = '''\
"""Crashes in its cross-file step.

## What it does
Nothing useful: it tests the engine.

## Why is this bad?
It is not.

## Example
    Anything.

## Use instead
    Anything.
"""

from newslint import Rule, Severity


class CrossFileCrash(Rule):
    code = "HX101"
    name = "cross-file-crash"
    severity = Severity.WARNING
    messages = {"never": "never reported"}

    def collect(self):
        return 1

    @classmethod
    def project_end(cls, ctx, collected):
        raise RuntimeError("cross-file boom")
'''

MESSAGE = (
    "rule cross-file-crash (plugin house/crash.py) crashed in project_end: "
    "RuntimeError: cross-file boom"
)


def article(title: str) -> str:
    return (
        "---\n"
        f'title: "{title}"\n'
        "date: 2025-01-01T00:00:00Z\n"
        'summary: "A summary of the budget that is long enough to pass the check."\n'
        "---\n"
        "\n"
        "Body text.\n"
        "\n"
        "[Source](https://example.com/a)\n"
    )


def run(cwd: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("FORCE_COLOR", "NO_COLOR", "GITHUB_ACTIONS", "CI_PROJECT_DIR")
    }
    return subprocess.run(
        [NEWSLINT, *args],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def two_files(tmp_path: Path) -> Path:
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "crash.py").write_text(CROSS_FILE_CRASH)
    (tmp_path / "a.md").write_text(article("Budget one"))
    (tmp_path / "b.md").write_text(article("Budget two"))
    return tmp_path


def crash_run(cwd: Path, fmt: str, *paths: str) -> subprocess.CompletedProcess[str]:
    return run(
        cwd,
        "check",
        "--isolated",
        "--no-cache",
        "--rules-dir",
        "house",
        "--select",
        "HX101",
        "--output-format",
        fmt,
        *(paths or ("a.md", "b.md")),
    )


# --- a cross-file crash over two files belongs to no file -----------------------------------------


def test_cross_file_crash_is_in_no_file_in_json(two_files: Path) -> None:
    """The crash's path was `.`, a folder no consumer can open; as ruff writes the `filename` of a
    diagnostic not tied to a file, the JSON formats now write `null`."""
    result = crash_run(two_files, "json")
    assert (result.returncode, result.stderr) == (2, "")
    assert json.loads(result.stdout) == [
        {
            "path": None,
            "rule": "internal-error",
            "code": "NL000",
            "severity": "error",
            "message": MESSAGE,
            "line": 1,
            "column": 1,
            "end_line": 1,
            "end_column": 1,
            "fix": None,
        }
    ]
    lines = crash_run(two_files, "json-lines").stdout.splitlines()
    assert [json.loads(line)["path"] for line in lines] == [None]


def test_cross_file_crash_summary_counts_no_file(two_files: Path) -> None:
    """The summary said "in 1 of 2 files" although neither file has a problem."""
    result = crash_run(two_files, "full")
    assert result.returncode == 2
    assert result.stdout == (
        "(not in a file)\n"
        f"  NL000 [internal-error] error: {MESSAGE}\n"
        "\n"
        "Found 1 problem (1 error) in 0 of 2 files (1 not in a file).\n"
    )
    assert crash_run(two_files, "concise").stdout == f"NL000 [internal-error] {MESSAGE}\n"
    grouped = crash_run(two_files, "grouped").stdout.splitlines()
    assert grouped[1:] == [
        f"          {MESSAGE}",
        "Found 1 problem (1 error) in 0 of 2 files (1 not in a file).",
    ]


def test_cross_file_crash_github_annotation_has_no_file(two_files: Path) -> None:
    """`file=.` attached the annotation to no file of the pull request; without `file` it is an
    annotation of the run."""
    result = crash_run(two_files, "github")
    assert result.stdout == f"::error title=NL000 internal-error::{MESSAGE}\n"


def test_cross_file_crash_sarif_is_a_tool_notification(two_files: Path) -> None:
    """Code scanning rejects a result without a location, and `.` is no file: the crash is a tool
    execution notification of the run instead, and the run is not successful."""
    result = crash_run(two_files, "sarif")
    assert (result.returncode, result.stderr) == (2, "")
    run_ = json.loads(result.stdout)["runs"][0]
    assert run_["results"] == []
    index = [rule["id"] for rule in run_["tool"]["driver"]["rules"]].index("NL000")
    assert run_["invocations"] == [
        {
            "executionSuccessful": False,
            "toolExecutionNotifications": [
                {
                    "level": "error",
                    "message": {"text": MESSAGE},
                    "associatedRule": {"id": "NL000", "index": index},
                }
            ],
        }
    ]


def test_cross_file_crash_junit_and_gitlab(two_files: Path) -> None:
    junit = crash_run(two_files, "junit").stdout
    assert '<testsuite name="newslint" tests="1" failures="0" errors="1" skipped="0">' in junit
    assert '<testcase name="NL000 internal-error" classname="newslint">' in junit
    assert 'file="' not in junit
    (issue,) = json.loads(crash_run(two_files, "gitlab").stdout)
    assert issue["location"] == {"path": "", "lines": {"begin": 1, "end": 1}}


def test_cross_file_crash_on_one_file_names_that_file(two_files: Path) -> None:
    """Every item the rule was given came from `a.md`: the crash is reported there."""
    result = crash_run(two_files, "concise", "a.md")
    assert result.stdout == f"a.md:1:1: NL000 [internal-error] {MESSAGE}\n"


# --- a file name that is not UTF-8 --------------------------------------------------------------

LATIN1_NAME = b"caf\xe9.md"


@pytest.fixture
def latin1_file(tmp_path: Path) -> Path:
    path = tmp_path / os.fsdecode(LATIN1_NAME)
    try:
        path.write_text(article("Budget &amp; tax"), encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system does not hold a name that is not UTF-8")
    if os.listdir(os.fsencode(tmp_path)) != [LATIN1_NAME]:
        pytest.skip("the file system changed the name")
    return tmp_path


def test_sarif_uri_encodes_the_names_own_bytes(latin1_file: Path) -> None:
    """The URI read `caf%EF%BF%BD.md` (the U+FFFD the name is shown with), which points at no file,
    and the result had no `primaryLocationLineHash` since the file was not found to hash."""
    result = run(
        latin1_file, "check", "--isolated", "--no-cache", "--select", "TX003",
        "--output-format", "sarif", ".",
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")
    (found,) = json.loads(result.stdout)["runs"][0]["results"]
    location = found["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "caf%E9.md", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 2, "startColumn": 16, "endLine": 2, "endColumn": 21}
    assert found["partialFingerprints"]["primaryLocationLineHash"].endswith(":1")
    change = found["fixes"][0]["artifactChanges"][0]
    assert change["artifactLocation"] == {"uri": "caf%E9.md", "uriBaseId": "%SRCROOT%"}


def test_sarif_file_uri_of_a_name_outside_the_working_directory(latin1_file: Path) -> None:
    (latin1_file / "sub").mkdir()
    result = run(
        latin1_file / "sub", "check", "--isolated", "--no-cache", "--select", "TX003",
        "--output-format", "sarif", "..",
    )  # fmt: skip
    (found,) = json.loads(result.stdout)["runs"][0]["results"]
    uri = found["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == (latin1_file / "x").as_uri()[: -len("x")] + "caf%E9.md"


def test_json_formats_show_the_name_with_a_replacement_character(latin1_file: Path) -> None:
    """JSON text is Unicode: a byte that is not UTF-8 cannot be written, only a lone-surrogate
    escape that strict parsers reject, so the contract's `path` keeps U+FFFD (as ruff's lossy
    file names)."""
    result = run(
        latin1_file, "check", "--isolated", "--no-cache", "--select", "TX003",
        "--output-format", "json", ".",
    )  # fmt: skip
    assert [d["path"] for d in json.loads(result.stdout)] == ["caf\ufffd.md"]


def test_fix_writes_the_file_under_its_own_name(latin1_file: Path) -> None:
    result = run(latin1_file, "fix", "--isolated", "--no-cache", "--select", "TX003", ".")
    assert result.returncode == 0
    assert os.listdir(os.fsencode(latin1_file)) == [LATIN1_NAME]
    fixed = (latin1_file / os.fsdecode(LATIN1_NAME)).read_text(encoding="utf-8")
    assert fixed == article("Budget & tax")


def test_language_server_finds_the_site_of_a_folder_whose_name_is_not_utf8(
    tmp_path: Path,
) -> None:
    """`newslint server` lints an open article "exactly as `newslint check --force-exclude
    --stdin-filename PATH -`" (README). The client names `sit\\xe9/content/news/x.md` by the URI
    `.../sit%E9/...`; the server decoded the escape as UTF-8 (`sit\\ufffd`, a folder that does not
    exist), so the site's `newslint.toml` was not found and an article it excludes was linted."""
    pytest.importorskip("pygls")
    from tests.test_server import _next, _open, _serve

    site = tmp_path / os.fsdecode(b"sit\xe9")
    try:
        (site / "content" / "news").mkdir(parents=True)
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system does not hold a name that is not UTF-8")
    (site / "hugo.toml").write_text('baseURL = "https://example.org/"\ntitle = "x"\n')
    (site / "newslint.toml").write_text('exclude = ["content/news/**"]\n')
    article_path = site / "content" / "news" / "x.md"
    text = article("Budget &amp; tax")
    article_path.write_text(text)
    check = run(
        tmp_path, "check", "--no-cache", "--force-exclude", "--select", "TX003",
        "--stdin-filename", str(article_path), "-", stdin=text,
    )  # fmt: skip
    assert (check.returncode, check.stdout) == (0, "")
    uri = article_path.as_uri()
    assert "/sit%E9/content/news/x.md" in uri

    async def body(client: Any, published: dict[str, list[Any]]) -> None:
        _open(client, uri, text)
        assert await _next(published, uri, 1) == []

    _serve(tmp_path, body)
