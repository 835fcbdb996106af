"""Black-box contract tests of newslint's command line (peer team "s").

Every case runs `python -m newslint` in a fresh process on a tiny site written by the test, and
states the exact exit code, standard output and standard error that README.md and DESIGN.md
promise: exit codes per mode, configuration discovery and its errors, output formats, colour,
baselines, the cache, plugins, standard input, unreadable input and the pre-commit hooks.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent

GOOD = (
    "---\n"
    'title: "Budget passes"\n'
    "date: 2025-02-08T09:55:35+08:00\n"
    'summary: "The parliament passed the budget on Friday after a long debate."\n'
    "---\n"
    "\n"
    "The parliament passed the budget.\n"
    "\n"
    "[Source](https://news.example.com/a)\n"
)
# DT002 at 3:7-3:23 (an error); nothing else.
BAD = (
    GOOD.replace("2025-02-08T09:55:35+08:00", "2025-02-08 09:55")
    .replace("Budget passes", "Rain falls")
    .replace("/a)", "/b)")
)
# Three safe fixes (BD002, BD003, LK005), all below the default fail-on.
FIXABLE = (
    "---\n"
    'title: "Sun rises"\n'
    "date: 2025-02-08T09:55:35+08:00\n"
    'summary: "The sun rose over the capital on Friday morning, as forecast."\n'
    "---\n"
    "\n"
    "The sun rose.   \n"
    "\n"
    "\n"
    "\n"
    "It was warm.\n"
    "\n"
    "[Source](https://news.example.com/c?utm_source=x)\n"
)
FIXED = FIXABLE.replace("rose.   \n\n\n\n", "rose.\n\n").replace("?utm_source=x", "")
DT002_MESSAGE = (
    "date 2025-02-08 09:55 is not a date Hugo can read (write 2006-01-02T15:04:05-07:00): "
    "the build fails"
)
DT002_CONCISE = f"content/news/bad.md:3:7: DT002 [date-invalid] {DT002_MESSAGE}\n"
DT002_JSON = {
    "path": "content/news/bad.md",
    "rule": "date-invalid",
    "code": "DT002",
    "severity": "error",
    "message": DT002_MESSAGE,
    "line": 3,
    "column": 7,
    "end_line": 3,
    "end_column": 23,
    "fix": None,
}


def newslint(
    cwd: Path, *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the installed newslint as a user would, output piped (not a terminal)."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "CI_PROJECT_DIR", "PRE_COMMIT"}
    }
    environment.update(env or {})
    done = subprocess.run(
        [sys.executable, "-m", "newslint", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=environment,
        timeout=120,
        check=False,
    )
    return subprocess.CompletedProcess(
        done.args,
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


def make_site(root: Path, **articles: str) -> Path:
    """A Hugo site with `content/news/<name>.md` for each article."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "hugo.toml").write_text('baseURL = "https://example.org/"\ntitle = "t"\n')
    news = root / "content" / "news"
    news.mkdir(parents=True)
    for name, text in articles.items():
        (news / f"{name}.md").write_text(text)
    return root


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return make_site(tmp_path / "site", good=GOOD, bad=BAD)


# --- exit codes -------------------------------------------------------------------------------

EXIT_CODES = [
    # (id, articles, args, exit code)
    ("check-clean", {"good": GOOD}, ["check"], 0),
    ("check-error", {"bad": BAD}, ["check"], 1),
    ("check-info-below-fail-on", {"fixme": FIXABLE}, ["check"], 0),
    ("check-info-fail-on-info", {"fixme": FIXABLE}, ["check", "--fail-on", "info"], 1),
    ("check-info-fail-on-warning", {"fixme": FIXABLE}, ["check", "--fail-on", "warning"], 0),
    ("check-exit-zero", {"bad": BAD}, ["check", "--exit-zero"], 0),
    ("check-exit-zero-usage-error", {"bad": BAD}, ["check", "--exit-zero", "--select", "NOPE"], 2),
    ("check-missing-path", {"good": GOOD}, ["check", "nosuch.md"], 2),
    ("check-unknown-format", {"good": GOOD}, ["check", "--output-format", "xml"], 2),
    ("check-negative-jobs", {"good": GOOD}, ["check", "--jobs", "-1"], 2),
    ("check-stdin-with-path", {"good": GOOD}, ["check", "-", "content/news/good.md"], 2),
    ("fix-nothing", {"good": GOOD}, ["fix"], 0),
    ("fix-fixed", {"fixme": FIXABLE}, ["fix"], 0),
    ("fix-error-remains", {"bad": BAD}, ["fix"], 1),
    ("fix-diff-with-diff", {"fixme": FIXABLE}, ["fix", "--diff"], 1),
    ("fix-diff-without-diff", {"good": GOOD}, ["fix", "--diff"], 0),
    ("fix-exit-non-zero-on-fix", {"fixme": FIXABLE}, ["fix", "--exit-non-zero-on-fix"], 1),
    ("fix-exit-non-zero-nothing", {"good": GOOD}, ["fix", "--exit-non-zero-on-fix"], 0),
    ("fix-exit-zero-wins", {"fixme": FIXABLE}, ["fix", "--exit-non-zero-on-fix", "--exit-zero"], 0),
    ("fix-project-is-check-only", {"good": GOOD}, ["fix", "--project"], 2),
    ("watch-missing-path", {"good": GOOD}, ["watch", "nosuch"], 2),
    ("watch-stdin", {"good": GOOD}, ["watch", "-"], 2),
    ("rules", {}, ["rules"], 0),
    ("rules-format-not-offered", {}, ["rules", "--output-format", "concise"], 2),
    ("rules-check-option", {}, ["rules", "--select", "DT"], 2),
    ("rule-by-code-any-case", {}, ["rule", "dt001"], 0),
    ("rule-unknown", {}, ["rule", "nosuch"], 2),
    ("config", {}, ["config"], 0),
]


@pytest.mark.parametrize(
    ("articles", "args", "code"),
    [case[1:] for case in EXIT_CODES],
    ids=[case[0] for case in EXIT_CODES],
)
def test_exit_code(tmp_path: Path, articles: dict[str, str], args: list[str], code: int) -> None:
    root = make_site(tmp_path / "site", **articles)
    done = newslint(root, *args, "--no-cache" if args[0] in {"check", "fix"} else "--isolated")
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr


def test_fix_rewrites_the_file_and_reports_it(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site", fixme=FIXABLE)
    done = newslint(root, "fix", "--no-cache", "--show-fixes")
    assert done.returncode == 0
    assert (root / "content/news/fixme.md").read_text() == FIXED
    assert done.stdout == (
        "Fixed 3 problems:\n"
        "- content/news/fixme.md:\n"
        "    1 × BD002 (trailing-whitespace) Remove trailing whitespace\n"
        "    1 × BD003 (blank-lines) Remove the extra blank lines\n"
        "    1 × LK005 (tracking-params) Remove the tracking parameters\n"
    )
    assert done.stderr == "Applied 3 fixes in 1 of 1 file; no problems remain.\n"


def test_fix_diff_writes_nothing(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site", fixme=FIXABLE)
    done = newslint(root, "fix", "--no-cache", "--diff")
    assert done.returncode == 1
    assert (root / "content/news/fixme.md").read_text() == FIXABLE
    assert done.stdout == (
        "--- a/content/news/fixme.md\n"
        "+++ b/content/news/fixme.md\n"
        "@@ -4,10 +4,8 @@\n"
        ' summary: "The sun rose over the capital on Friday morning, as forecast."\n'
        " ---\n"
        " \n"
        "-The sun rose.   \n"
        "-\n"
        "-\n"
        "+The sun rose.\n"
        " \n"
        " It was warm.\n"
        " \n"
        "-[Source](https://news.example.com/c?utm_source=x)\n"
        "+[Source](https://news.example.com/c)\n"
    )
    assert done.stderr == "Would apply 3 fixes in 1 of 1 file.\n"


# --- configuration ----------------------------------------------------------------------------

CONFIG_ERRORS = [
    # (id, file name, file text, message after "newslint: error: ")
    (
        "unknown-key",
        "pyproject.toml",
        '[tool.newslint]\nexcude = ["x"]\n',
        "pyproject.toml: unknown key 'tool.newslint.excude' (did you mean 'exclude'?)",
    ),
    (
        "bad-fail-on",
        "pyproject.toml",
        '[tool.newslint]\nfail-on = "errors"\n',
        "pyproject.toml: tool.newslint.fail-on: expected one of 'error', 'warning', 'info', "
        "got \"errors\" (did you mean 'error'?)",
    ),
    (
        "unknown-rule-table",
        "pyproject.toml",
        "[tool.newslint.rules.required-feld]\nfields = []\n",
        "pyproject.toml: tool.newslint.rules.required-feld: unknown rule 'required-feld' "
        "(did you mean 'required-field'?)",
    ),
    (
        "option-type",
        "newslint.toml",
        '[rules.summary-length]\nmax = "x"\n',
        'newslint.toml: rules.summary-length.max: expected an integer, got "x"',
    ),
    (
        "unknown-option",
        "newslint.toml",
        "[rules.summary-length]\nmaxx = 3\n",
        "newslint.toml: rules.summary-length: unknown option 'maxx' (options: max, min) "
        "(did you mean 'max'?)",
    ),
    (
        "options-contradict",
        "newslint.toml",
        "[rules.summary-length]\nmax = 20\n",
        "newslint.toml: rules.summary-length: min (40) is more than max (20)",
    ),
    (
        "rule-severity",
        ".newslint.toml",
        '[rules.summary-length]\nseverity = "fatal"\n',
        ".newslint.toml: rules.summary-length.severity: expected one of 'error', 'warning', "
        "'info', got \"fatal\"",
    ),
    (
        "unknown-selector",
        "newslint.toml",
        'select = ["XX999"]\n',
        "newslint.toml: select[0]: unknown rule or prefix 'XX999'",
    ),
    (
        "unknown-preset",
        "newslint.toml",
        'presets = ["nope"]\n',
        "newslint.toml: presets[0]: unknown preset 'nope' (presets: hugo, mainroad, news)",
    ),
    (
        "unknown-zone",
        "newslint.toml",
        'timezone = "Mars/Base"\n',
        "newslint.toml: timezone: unknown time zone 'Mars/Base'",
    ),
    (
        "not-toml",
        "pyproject.toml",
        "[tool.newslint\n",
        "pyproject.toml: not valid TOML: Expected ']' at the end of a table declaration "
        "(at line 1, column 15)",
    ),
    (
        "ttl",
        "newslint.toml",
        '[links]\ncache-ttl = "1x"\n',
        "newslint.toml: links.cache-ttl: '1x' is not a duration such as 1d, 12h, 30m or 45s",
    ),
    (
        "per-file-ignores-rule",
        "newslint.toml",
        '[per-file-ignores]\n"a.md" = ["NOPE1"]\n',
        "newslint.toml: per-file-ignores.\"a.md\"[0]: unknown rule or prefix 'NOPE1'",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [case[1:] for case in CONFIG_ERRORS],
    ids=[case[0] for case in CONFIG_ERRORS],
)
@pytest.mark.parametrize("command", ["check", "fix", "config"])
def test_config_error_exits_2_naming_the_key(
    site: Path, name: str, text: str, message: str, command: str
) -> None:
    (site / name).write_text(text)
    done = newslint(site, command, *(["--no-cache"] if command != "config" else []))
    assert (done.returncode, done.stdout, done.stderr) == (2, "", f"newslint: error: {message}\n")


CONFIG_OVERRIDE_ERRORS = [
    (
        "fail-on = warning",
        "--config 'fail-on = warning': not a file, and not valid TOML: "
        "Invalid value (at line 1, column 11)",
    ),
    ("nokey = 1", "--config: unknown key 'nokey'"),
    ("nosuchfile.toml", "nosuchfile.toml: cannot read: No such file or directory"),
    ("max-file-size = -1", "--config: max-file-size: must be at least 1 (bytes), not -1"),
    ("max-file-size = 1.5", "--config: max-file-size: expected an integer, got 1.5"),
    ('select = "DT"', '--config: select: expected a list, got "DT"'),
    ("links.per-host = 0", "--config: links.per-host: must be at least 1, not 0"),
    (
        'links.exclude = ["("]',
        "--config: links.exclude: '(' is not a regex: missing ), "
        "unterminated subpattern at position 0",
    ),
    ('rules.ALL.severity = "info"', "--config: rules.ALL: unknown rule 'ALL'"),
]


@pytest.mark.parametrize(("override", "message"), CONFIG_OVERRIDE_ERRORS)
def test_config_override_error(site: Path, override: str, message: str) -> None:
    done = newslint(site, "check", "--no-cache", "--config", override)
    assert (done.returncode, done.stdout, done.stderr) == (2, "", f"newslint: error: {message}\n")


def test_config_override_wins_over_the_file(site: Path) -> None:
    (site / "newslint.toml").write_text('select = ["TX002"]\n[rules.summary-length]\nmax = 300\n')
    done = newslint(
        site,
        "check",
        "--no-cache",
        "--config",
        "rules.summary-length.max = 50",
        "content/news/good.md",
    )
    assert done.returncode == 0  # TX002 is info, below fail-on
    assert done.stdout == (
        "content/news/good.md:4:10: TX002 [summary-length] summary is 63 characters long, "
        "more than 50\n"
    )


def test_config_is_found_from_the_files_folder_upward(tmp_path: Path) -> None:
    # The nearest pyproject.toml has no [tool.newslint] section, so the search goes on upward.
    root = make_site(tmp_path / "repo" / "site", good=GOOD)
    (tmp_path / "repo" / "newslint.toml").write_text(
        'fail-on = "info"\nselect = ["TX002"]\n[rules.summary-length]\nmax = 50\n'
    )
    (root / "pyproject.toml").write_text('[project]\nname = "x"\n')
    done = newslint(root / "content" / "news", "check", "--no-cache", "good.md")
    assert done.returncode == 1
    assert (
        done.stdout
        == "good.md:4:10: TX002 [summary-length] summary is 63 characters long, more than 50\n"
    )
    shown = newslint(root / "content" / "news", "config", "--output-format", "json")
    assert json.loads(shown.stdout)["path"] == str(tmp_path / "repo" / "newslint.toml")


def test_files_under_two_configurations_warn_and_use_the_working_directorys(tmp_path: Path) -> None:
    make_site(tmp_path / "site", good=GOOD)
    (tmp_path / "newslint.toml").write_text(
        'select = ["TX002"]\n[rules.summary-length]\nmax = 50\n'
    )
    other = tmp_path / "site" / "content" / "b"
    other.mkdir()
    (other / "y.md").write_text(GOOD.replace("Budget passes", "Other").replace("/a)", "/z)"))
    (other / "newslint.toml").write_text('select = ["TX002"]\n[rules.summary-length]\nmax = 60\n')
    done = newslint(
        tmp_path, "check", "--no-cache", "site/content/news/good.md", "site/content/b/y.md"
    )
    # concise streams file after file in the order the paths were given
    assert done.stdout == (
        "site/content/news/good.md:4:10: TX002 [summary-length] summary is 63 characters long, more than 50\n"
        "site/content/b/y.md:4:10: TX002 [summary-length] summary is 63 characters long, more than 50\n"
    )
    assert done.stderr == (
        "newslint: warning: the files are configured by different files (newslint.toml, "
        "site/content/b/newslint.toml); using newslint.toml for all (lint each project on its own)\n"
    )


def test_isolated_ignores_the_configuration(site: Path) -> None:
    (site / "newslint.toml").write_text("bogus = 1\n")
    assert newslint(site, "check", "--no-cache", "--isolated").returncode == 1  # DT002 only
    assert newslint(site, "check", "--no-cache").returncode == 2


def test_config_json_shape(site: Path) -> None:
    (site / "newslint.toml").write_text('fail-on = "warning"\nselect = ["DT"]\n')
    done = newslint(site / "content", "config", "--output-format", "json")
    shown = json.loads(done.stdout)
    assert sorted(shown) == ["config", "enabled", "path"]
    assert shown["path"] == str(site / "newslint.toml")
    assert shown["config"]["fail-on"] == "warning"
    assert shown["enabled"] == ["DT001", "DT002", "DT003", "DT004"]


# --- init ---------------------------------------------------------------------------------------

INIT_CASES = [
    # (id, existing files, argument, exit code, stderr)
    ("fresh", {}, [], 0, ""),
    (
        "exists",
        {"newslint.toml": "# mine\n"},
        [],
        2,
        "newslint: error: newslint.toml already exists; not overwritten\n",
    ),
    (
        "beside-newslint-toml",
        {"newslint.toml": "# mine\n"},
        ["pyproject.toml"],
        2,
        "newslint: error: newslint.toml already configures newslint here; not adding "
        "[tool.newslint] to pyproject.toml\n",
    ),
    ("into-pyproject", {"pyproject.toml": '[project]\nname = "x"\n'}, ["pyproject.toml"], 0, ""),
    (
        "second-beside-pyproject",
        {"pyproject.toml": "[tool.newslint]\n"},
        ["other.toml"],
        2,
        "newslint: error: pyproject.toml already configures newslint here; not writing other.toml\n",
    ),
]


@pytest.mark.parametrize(
    ("existing", "args", "code", "stderr"),
    [case[1:] for case in INIT_CASES],
    ids=[case[0] for case in INIT_CASES],
)
def test_init(
    tmp_path: Path, existing: dict[str, str], args: list[str], code: int, stderr: str
) -> None:
    for name, text in existing.items():
        (tmp_path / name).write_text(text)
    done = newslint(tmp_path, "init", *args)
    assert (done.returncode, done.stderr) == (code, stderr)
    for name, text in existing.items():
        if code == 2:
            assert (tmp_path / name).read_text() == text  # never overwritten
    if code == 0:
        # What init wrote is a configuration newslint reads without complaint.
        assert newslint(tmp_path, "config").returncode == 0


# --- output formats ---------------------------------------------------------------------------

FORMATS = [
    ("concise", DT002_CONCISE),
    (
        "full",
        "content/news/bad.md\n"
        f"  content/news/bad.md:3:7: DT002 [date-invalid] error: {DT002_MESSAGE}\n"
        "       3 | date: 2025-02-08 09:55\n"
        "         |       ^^^^^^^^^^^^^^^^\n"
        "\n"
        "Found 1 problem (1 error) in 1 of 2 files.\n",
    ),
    (
        "grouped",
        "     1  DT002  date-invalid  error\n"
        f"          content/news/bad.md:3:7: {DT002_MESSAGE}\n"
        "Found 1 problem (1 error) in 1 of 2 files.\n",
    ),
    ("json", json.dumps([DT002_JSON], indent=2) + "\n"),
    ("json-lines", json.dumps(DT002_JSON) + "\n"),
    (
        "github",
        "::error file=content/news/bad.md,line=3,col=7,endLine=3,endColumn=23,"
        f"title=DT002 date-invalid::{DT002_MESSAGE}\n",
    ),
    (
        "junit",
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<testsuites name="newslint" tests="1" failures="1" errors="0">\n'
        '  <testsuite name="content/news/bad.md" tests="1" failures="1" errors="0" skipped="0">\n'
        '    <testcase name="DT002 date-invalid at 3:7" classname="content/news/bad.md" '
        'file="content/news/bad.md" line="3">\n'
        f'      <failure message="{DT002_MESSAGE}" type="error">content/news/bad.md:3:7: DT002 '
        f"[date-invalid] error: {DT002_MESSAGE}</failure>\n"
        "    </testcase>\n"
        "  </testsuite>\n"
        "</testsuites>\n",
    ),
]


@pytest.mark.parametrize(("fmt", "expected"), FORMATS, ids=[f[0] for f in FORMATS])
def test_output_format_exact(site: Path, fmt: str, expected: str) -> None:
    done = newslint(site, "check", "--no-cache", "--output-format", fmt)
    assert (done.returncode, done.stdout) == (1, expected)


def test_output_format_from_configuration_and_flag_wins(site: Path) -> None:
    (site / "newslint.toml").write_text('output-format = "json-lines"\n')
    assert newslint(site, "check", "--no-cache").stdout == json.dumps(DT002_JSON) + "\n"
    done = newslint(site, "check", "--no-cache", "--output-format", "concise")
    assert done.stdout == DT002_CONCISE


def test_default_format_under_github_actions(site: Path) -> None:
    done = newslint(site, "check", "--no-cache", env={"GITHUB_ACTIONS": "true"})
    assert done.stdout.startswith("::error file=content/news/bad.md,line=3,col=7,")


def test_gitlab_shape(site: Path) -> None:
    done = newslint(site, "check", "--no-cache", "--output-format", "gitlab")
    (entry,) = json.loads(done.stdout)
    assert sorted(entry) == ["check_name", "description", "fingerprint", "location", "severity"]
    assert entry["description"] == f"DT002 date-invalid: {DT002_MESSAGE}"
    assert (entry["check_name"], entry["severity"]) == ("DT002", "major")
    assert entry["location"] == {"path": "content/news/bad.md", "lines": {"begin": 3, "end": 3}}


def test_sarif_shape(site: Path) -> None:
    done = newslint(site, "check", "--no-cache", "--output-format", "sarif")
    log = json.loads(done.stdout)
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    (result,) = run["results"]
    assert result["ruleId"] == "DT002"
    assert result["level"] == "error"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (3, 7, 23)


def test_output_file(site: Path) -> None:
    done = newslint(site, "check", "--no-cache", "-o", "report.txt")
    assert (done.returncode, done.stdout) == (1, "")
    assert (site / "report.txt").read_text() == DT002_CONCISE
    missing = newslint(site, "check", "--no-cache", "-o", "no/such/dir/report.txt")
    assert missing.returncode == 2
    assert (
        missing.stderr
        == "newslint: error: --output no/such/dir/report.txt: No such file or directory\n"
    )


STATISTICS = [
    (
        [],
        "      1  BD002  trailing-whitespace  info     1 fixable\n"
        "      1  BD003  blank-lines          info     1 fixable\n"
        "      1  DT002  date-invalid         error\n"
        "      1  LK005  tracking-params      info     1 fixable\n"
        "      4  total, 3 fixable with `newslint fix`\n",
    ),
    (
        ["--output-format", "json"],
        json.dumps(
            [
                {
                    "code": "BD002",
                    "rule": "trailing-whitespace",
                    "severity": "info",
                    "count": 1,
                    "fixable": 1,
                    "unsafe_fixable": 0,
                },
                {
                    "code": "BD003",
                    "rule": "blank-lines",
                    "severity": "info",
                    "count": 1,
                    "fixable": 1,
                    "unsafe_fixable": 0,
                },
                {
                    "code": "DT002",
                    "rule": "date-invalid",
                    "severity": "error",
                    "count": 1,
                    "fixable": 0,
                    "unsafe_fixable": 0,
                },
                {
                    "code": "LK005",
                    "rule": "tracking-params",
                    "severity": "info",
                    "count": 1,
                    "fixable": 1,
                    "unsafe_fixable": 0,
                },
            ],
            indent=2,
        )
        + "\n",
    ),
]


@pytest.mark.parametrize(("args", "expected"), STATISTICS, ids=["text", "json"])
def test_statistics(tmp_path: Path, args: list[str], expected: str) -> None:
    root = make_site(tmp_path / "site", bad=BAD, fixme=FIXABLE)
    done = newslint(root, "check", "--no-cache", "--statistics", *args)
    assert (done.returncode, done.stdout) == (1, expected)


@pytest.mark.parametrize("fmt", ["sarif", "junit", "gitlab"])
def test_statistics_has_no_form_in_report_formats(site: Path, fmt: str) -> None:
    done = newslint(site, "check", "--no-cache", "--statistics", "--output-format", fmt)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"newslint: error: --statistics has no {fmt} form (use json, json-lines or a text format)\n"
    )


@pytest.mark.parametrize("fmt", ["concise", "full"])
def test_quiet_prints_only_the_summary(site: Path, fmt: str) -> None:
    done = newslint(site, "check", "--no-cache", "--quiet", "--output-format", fmt)
    assert (done.returncode, done.stdout) == (1, "Found 1 problem (1 error) in 1 of 2 files.\n")


COLOURS = [
    # (id, args, env, coloured)
    ("pipe", [], {}, False),
    ("always", ["--color", "always"], {}, True),
    ("never-beats-force", ["--color", "never"], {"FORCE_COLOR": "1"}, False),
    ("force-color", [], {"FORCE_COLOR": "1"}, True),
    ("no-color-beats-force", [], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
]


@pytest.mark.parametrize(
    ("args", "env", "coloured"), [c[1:] for c in COLOURS], ids=[c[0] for c in COLOURS]
)
def test_colour(site: Path, args: list[str], env: dict[str, str], coloured: bool) -> None:
    done = newslint(site, "check", "--no-cache", "--output-format", "full", *args, env=env)
    assert done.returncode == 1
    assert ("\x1b[" in done.stdout) is coloured
    if not coloured:
        assert done.stdout == FORMATS[1][1]


# --- baseline -----------------------------------------------------------------------------------


def test_baseline_round_trip(site: Path) -> None:
    written = newslint(site, "check", "--no-cache", "--write-baseline", "bl.json")
    assert (written.returncode, written.stdout) == (0, "")
    assert written.stderr == "newslint: recorded 1 problem (1 entry) in bl.json\n"
    assert json.loads((site / "bl.json").read_text()) == {
        "newslint-baseline": 1,
        "entries": [
            {
                "path": "content/news/bad.md",
                "code": "DT002",
                "rule": "date-invalid",
                "text": "2025-02-08 09:55",
                "count": 1,
            }
        ],
    }
    used = newslint(site, "check", "--no-cache", "--baseline", "bl.json")
    assert (used.returncode, used.stdout) == (0, "")
    # A line added above the recorded problem does not bring it back; a new problem is reported.
    bad = site / "content/news/bad.md"
    bad.write_text(BAD.replace("---\ntitle", "---\nsubtitle: x\ntitle", 1))
    moved = newslint(site, "check", "--no-cache", "--baseline", "bl.json", "--select", "DT,FM")
    assert (moved.returncode, moved.stdout) == (0, "")
    (site / "content/news/new.md").write_text(BAD.replace("/b)", "/n)").replace("Rain", "Snow"))
    new = newslint(site, "check", "--no-cache", "--baseline", "bl.json")
    assert new.returncode == 1
    assert new.stdout == DT002_CONCISE.replace("bad.md", "new.md")


def test_baseline_counts_problems_that_went_away(site: Path) -> None:
    newslint(site, "check", "--no-cache", "--write-baseline", "bl.json")
    (site / "content/news/bad.md").write_text(
        BAD.replace("2025-02-08 09:55", "2025-02-08T09:55:00Z")
    )
    done = newslint(site, "check", "--no-cache", "--baseline", "bl.json")
    assert (done.returncode, done.stdout) == (0, "")
    assert done.stderr == (
        "newslint: 0 problems in bl.json not shown; 1 recorded problem no longer occurs "
        "(shrink the baseline with --write-baseline)\n"
    )


BASELINE_ERRORS = [
    ("missing", None, "nosuch.json: baseline file not found (create it with --write-baseline)"),
    (
        "not-json",
        "{bad",
        "b.json: not a newslint baseline: Expecting property name enclosed in "
        "double quotes: line 1 column 2 (char 1)",
    ),
    ("other-json", "[]", "b.json: not a newslint baseline (format 1 expected)"),
]


@pytest.mark.parametrize(
    ("text", "message"), [c[1:] for c in BASELINE_ERRORS], ids=[c[0] for c in BASELINE_ERRORS]
)
def test_baseline_errors(site: Path, text: str | None, message: str) -> None:
    name = "nosuch.json" if text is None else "b.json"
    if text is not None:
        (site / name).write_text(text)
    done = newslint(site, "check", "--no-cache", "--baseline", name)
    assert (done.returncode, done.stdout, done.stderr) == (2, "", f"newslint: error: {message}\n")


# --- cache --------------------------------------------------------------------------------------


def _tx002(max_chars: int) -> str:
    return f'select = ["TX002"]\n[rules.summary-length]\nmax = {max_chars}\nmin = 10\n'


def test_cache_is_invalidated_by_a_rule_option_and_a_file(site: Path, tmp_path: Path) -> None:
    env = {"NEWSLINT_CACHE_DIR": str(tmp_path / "cache")}
    config = site / "newslint.toml"
    config.write_text(_tx002(300))
    assert newslint(site, "check", env=env).stdout == ""
    config.write_text(_tx002(50))
    assert newslint(site, "check", env=env).stdout == (
        "content/news/bad.md:4:10: TX002 [summary-length] summary is 63 characters long, more than 50\n"
        "content/news/good.md:4:10: TX002 [summary-length] summary is 63 characters long, more than 50\n"
    )
    (site / "content/news/good.md").write_text(GOOD.replace(" after a long debate", ""))
    assert newslint(site, "check", env=env).stdout == (
        "content/news/bad.md:4:10: TX002 [summary-length] summary is 63 characters long, more than 50\n"
    )
    assert (tmp_path / "cache" / "CACHEDIR.TAG").is_file()
    assert not (site / ".newslint_cache").exists()


@pytest.mark.parametrize("damage", ["values", "empty-values", "not-sqlite", "cache-is-a-file"])
def test_damaged_cache_is_ignored(site: Path, tmp_path: Path, damage: str) -> None:
    cache = tmp_path / "cache"
    env = {"NEWSLINT_CACHE_DIR": str(cache)}
    assert newslint(site, "check", env=env).stdout == DT002_CONCISE
    (database,) = cache.glob("*/files.sqlite")
    if damage in {"values", "empty-values"}:
        with sqlite3.connect(database) as connection:
            connection.execute(
                "UPDATE entries SET value = ?", (b"\x00\xff\x10" if damage == "values" else b"",)
            )
    elif damage == "not-sqlite":
        database.write_bytes(b"garbage\n")
    else:
        import shutil

        shutil.rmtree(cache)
        cache.write_text("x\n")
    done = newslint(site, "check", env=env)
    assert (done.returncode, done.stdout) == (1, DT002_CONCISE)
    assert "Traceback" not in done.stderr


def test_no_cache_writes_no_cache(site: Path) -> None:
    env = {"NEWSLINT_CACHE_DIR": ""}
    done = newslint(site, "check", "--no-cache", env=env)
    assert done.stdout == DT002_CONCISE
    assert not (site / ".newslint_cache").exists()


def test_default_cache_folder_carries_its_gitignore(site: Path) -> None:
    environment = {"NEWSLINT_CACHE_DIR": ""}
    done = newslint(site, "check", env=environment)
    assert done.stdout == DT002_CONCISE
    cache = site / ".newslint_cache"
    assert (cache / ".gitignore").read_text() == "# Created by newslint automatically.\n*\n"
    assert (cache / "CACHEDIR.TAG").is_file()


# --- plugins ------------------------------------------------------------------------------------

PLUGIN = '''\
"""The word 'fell'.

## What it does
Flags the word 'fell'.
"""
from newslint import Rule, Severity, Span


class NoFell(Rule):
    code = "HR001"
    name = "no-fell"
    severity = Severity.WARNING
    messages = {"fell": "the word 'fell'"}

    def on_text(self, ctx, text):
        at = text.text.find("fell")
        if at >= 0:
            ctx.report(Span(text.span.start + at, text.span.start + at + 4), "fell")
'''


@pytest.fixture
def plugin_site(tmp_path: Path) -> Path:
    root = make_site(
        tmp_path / "site", bad=BAD.replace("The parliament passed the budget.", "The rain fell.")
    )
    (root / "house").mkdir()
    (root / "house" / "no_fell.py").write_text(PLUGIN)
    return root


HR001 = "content/news/bad.md:7:10: HR001 [no-fell] the word 'fell'\n"


@pytest.mark.parametrize("how", ["rules-dir", "config-plugins"])
def test_plugin_rule_runs(plugin_site: Path, how: str) -> None:
    if how == "rules-dir":
        args = ["--rules-dir", "../house"]  # relative to the working directory
    else:
        (plugin_site / "newslint.toml").write_text('plugins = ["house/"]\n')
        args = []
    done = newslint(plugin_site / "content", "check", "--no-cache", "--select", "HR001", *args)
    assert (done.returncode, done.stdout) == (0, HR001.replace("content/", "", 1))
    listed = newslint(plugin_site / "content", "rules", *args)
    assert "HR001  no-fell" in listed.stdout
    documented = newslint(plugin_site / "content", "rule", "no-fell", *args)
    assert documented.returncode == 0
    assert documented.stdout.startswith("# no-fell (HR001)\n")


def test_plugin_crash_is_an_internal_error(plugin_site: Path) -> None:
    module = plugin_site / "house" / "no_fell.py"
    module.write_text(PLUGIN.replace('at = text.text.find("fell")', 'raise ValueError("boom")'))
    done = newslint(plugin_site, "check", "--no-cache", "--rules-dir", "house", "--select", "HR001")
    assert done.returncode == 2
    assert done.stdout == (
        "content/news/bad.md:1:1: NL000 [internal-error] rule no-fell (plugin house/no_fell.py) "
        "crashed on this file: ValueError: boom\n"
    )


def test_plugin_that_does_not_import(plugin_site: Path) -> None:
    (plugin_site / "house" / "broken.py").write_text("def (\n")
    done = newslint(plugin_site, "check", "--no-cache", "--rules-dir", "house", "--select", "DT,HR")
    assert done.returncode == 2
    assert done.stdout == DT002_CONCISE + HR001  # the other rules still ran
    assert done.stderr == (
        "newslint: error: plugin house/broken.py: cannot import: SyntaxError: invalid syntax "
        "(broken.py, line 1)\n"
    )


PLUGIN_ERRORS = [
    (
        "code-clash",
        ["--rules-dir", "house"],
        "DT001",
        "rule 'DT001' is defined twice: by newslint.rules.date_format.DateFormat (builtin) and by "
        "newslint_local_rules.house.no_fell.NoFell (house/no_fell.py)",
    ),
    (
        "missing-dir",
        ["--rules-dir", "nosuchdir"],
        "HR001",
        "--rules-dir nosuchdir: no such directory",
    ),
    (
        "missing-module",
        ["--config", 'plugins = ["nosuchmod_xyz"]'],
        "HR001",
        "plugin nosuchmod_xyz: cannot import: ModuleNotFoundError: No module named 'nosuchmod_xyz'",
    ),
]


@pytest.mark.parametrize(
    ("args", "code", "message"), [c[1:] for c in PLUGIN_ERRORS], ids=[c[0] for c in PLUGIN_ERRORS]
)
def test_plugin_errors_exit_2(plugin_site: Path, args: list[str], code: str, message: str) -> None:
    module = plugin_site / "house" / "no_fell.py"
    module.write_text(PLUGIN.replace("HR001", code))
    done = newslint(plugin_site, "check", "--no-cache", *args)
    assert done.returncode == 2
    assert f"newslint: error: {message}\n" in done.stderr
    assert "Traceback" not in done.stderr


# --- bad input ----------------------------------------------------------------------------------

BAD_INPUT = [
    ("fifo", "not a regular file (a pipe, socket or device); not read"),
    ("broken-link", "broken symbolic link: its target 'nowhere.md' does not exist"),
    ("link-loop", "cannot read file: Too many levels of symbolic links"),
]


@pytest.mark.parametrize(("kind", "message"), BAD_INPUT, ids=[b[0] for b in BAD_INPUT])
@pytest.mark.parametrize("named", [True, False], ids=["named", "walked"])
def test_unreadable_file_is_one_diagnostic(
    tmp_path: Path, kind: str, message: str, named: bool
) -> None:
    path = tmp_path / "x.md"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "broken-link":
        path.symlink_to("nowhere.md")
    else:
        path.symlink_to("x.md")
    done = newslint(tmp_path, "check", "--no-cache", "x.md" if named else ".")
    assert (done.returncode, done.stderr) == (1, "")
    assert done.stdout == f"x.md:1:1: NL002 [unreadable-file] {message}\n"


def test_directory_named_like_an_article_is_walked(tmp_path: Path) -> None:
    folder = tmp_path / "dir.md"
    folder.mkdir()
    (folder / "inner.md").write_text(BAD.replace("date: ", "date: \n", 0))
    done = newslint(tmp_path, "check", "--no-cache", "--select", "DT", "dir.md")
    assert done.returncode == 1
    assert done.stdout == f"dir.md/inner.md:3:7: DT002 [date-invalid] {DT002_MESSAGE}\n"


@pytest.mark.parametrize("command", ["check", "fix"])
def test_file_over_max_file_size(tmp_path: Path, command: str) -> None:
    (tmp_path / "x.md").write_text(GOOD)
    done = newslint(tmp_path, command, "--no-cache", "--config", "max-file-size = 10", "x.md")
    assert done.returncode == 1
    assert done.stdout == (
        f"x.md:1:1: NL003 [file-too-large] file is {len(GOOD.encode())} bytes, over max-file-size "
        "(10); not linted\n"
    )
    assert (tmp_path / "x.md").read_text() == GOOD


def test_invalid_utf8_is_reported_and_the_rest_is_linted(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_bytes(b'---\ntitle: "caf\xe9"\ndate: 2025-02-08 09:55\n---\n')
    done = newslint(tmp_path, "check", "--no-cache", "--select", "EN005,DT002", "x.md")
    assert done.returncode == 1
    assert done.stdout == (
        "x.md:2:12: EN005 [invalid-utf8] bytes that are not UTF-8: E9 (as Windows-1252: 'é')\n"
        f"x.md:3:7: DT002 [date-invalid] {DT002_MESSAGE}\n"
    )


def test_empty_folder_warns_and_exits_0(tmp_path: Path) -> None:
    done = newslint(tmp_path, "check", "--no-cache", ".")
    assert (done.returncode, done.stdout) == (0, "")
    assert (
        done.stderr == "newslint: warning: no Markdown files to lint (all excluded or none found)\n"
    )


def test_same_file_named_several_ways_is_linted_once(site: Path) -> None:
    bad = site / "content/news/bad.md"
    done = newslint(
        site,
        "check",
        "--no-cache",
        "content/news/bad.md",
        "./content/news/bad.md",
        str(bad),
        "content/news",
    )
    assert (done.returncode, done.stdout) == (1, DT002_CONCISE)


# --- standard input -----------------------------------------------------------------------------


def test_check_stdin(site: Path) -> None:
    done = newslint(site, "check", "-", stdin=FIXABLE.encode())
    assert (done.returncode, done.stdout) == (
        0,
        "-:7:14: BD002 [trailing-whitespace] [*] trailing whitespace (3 spaces)\n"
        "-:9:1: BD003 [blank-lines] [*] 3 blank lines in a row\n"
        "-:13:36: LK005 [tracking-params] [*] URL has tracking parameters: utm_source\n",
    )


def test_check_stdin_filename(site: Path) -> None:
    done = newslint(
        site,
        "check",
        "--stdin-filename",
        "content/news/x.md",
        "--output-format",
        "json",
        stdin=BAD.encode(),
    )
    assert done.returncode == 1
    assert json.loads(done.stdout) == [dict(DT002_JSON, path="content/news/x.md")]


def test_fix_stdin_prints_the_fixed_text(site: Path) -> None:
    done = newslint(site, "fix", "-", stdin=FIXABLE.encode())
    assert (done.returncode, done.stdout) == (0, FIXED)
    assert done.stderr == "Applied 3 fixes in 1 of 1 file; no problems remain.\n"


# --- --project and the cross-file rules -------------------------------------------------------


def test_project_compares_named_files_with_the_whole_site(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site", good=GOOD, dup=GOOD)
    alone = newslint(root, "check", "--no-cache", "--select", "XF", "content/news/dup.md")
    assert (alone.returncode, alone.stdout) == (0, "")
    project = newslint(
        root, "check", "--no-cache", "--select", "XF", "--project", "content/news/dup.md"
    )
    assert project.returncode == 0
    assert project.stdout == (
        "content/news/good.md:2:8: XF002 [duplicate-title] title 'Budget passes' is also used by "
        "content/news/dup.md\n"
        "content/news/good.md:9:10: XF001 [duplicate-source] source https://news.example.com/a is "
        "also cited by content/news/dup.md\n"
    )


# --- pre-commit hooks ---------------------------------------------------------------------------

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())


def test_hook_ids() -> None:
    assert [hook["id"] for hook in HOOKS] == ["newslint", "newslint-fix", "newslint-links"]
    readme = (ROOT / "README.md").read_text()
    for hook in HOOKS:
        assert f"id: {hook['id']}" in readme
        assert hook["require_serial"] is True
        assert (hook["files"], hook["types"]) == (r"(?i)\.(md|markdown|mdown)$", ["file"])


@pytest.mark.parametrize(
    ("hook_id", "articles", "code"),
    [
        ("newslint", {"good": GOOD}, 0),
        ("newslint", {"bad": BAD}, 1),
        ("newslint-fix", {"fixme": FIXABLE}, 0),
        ("newslint-fix", {"good": GOOD}, 0),
    ],
)
def test_hook_entry_as_pre_commit_runs_it(
    tmp_path: Path, hook_id: str, articles: dict[str, str], code: int
) -> None:
    """pre-commit runs `entry` + the staged files. The fixing hook exits 0 when only fixed
    problems were left: pre-commit itself fails a hook that modified a file."""
    (hook,) = [h for h in HOOKS if h["id"] == hook_id]
    program, *args = hook["entry"].split()
    assert program == "newslint"
    root = make_site(tmp_path / "site", **articles)
    (root / "README.md").write_text("# not an article\n")
    files = [f"content/news/{name}.md" for name in articles] + ["README.md"]
    done = newslint(root, *args, "--no-cache", *files, env={"PRE_COMMIT": "1"})
    assert done.returncode == code, done.stdout + done.stderr
    if "fixme" in articles:
        assert (root / "content/news/fixme.md").read_text() == FIXED


def test_links_hook_selects_only_link_checks(tmp_path: Path) -> None:
    (hook,) = [h for h in HOOKS if h["id"] == "newslint-links"]
    assert hook["stages"] == ["pre-push", "manual"]
    args = hook["entry"].split()[1:]
    root = make_site(tmp_path / "site", bad=BAD)
    # Offline and no cached result: nothing to report, and DT002 is not selected.
    done = newslint(root, *args, "--offline", "--no-cache", "content/news/bad.md")
    assert (done.returncode, done.stdout) == (0, "")


# --- a configuration file with a byte order mark, and init into an existing pyproject.toml ------

BOM = b"\xef\xbb\xbf"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("newslint.toml", b'fail-on = "info"\n'),
        (".newslint.toml", b'fail-on = "info"\n'),
        ("pyproject.toml", b'[project]\nname = "x"\n\n[tool.newslint]\nfail-on = "info"\n'),
    ],
    ids=["newslint.toml", ".newslint.toml", "pyproject.toml"],
)
@pytest.mark.parametrize("named", [False, True], ids=["found", "config-flag"])
def test_configuration_with_a_byte_order_mark_is_read(
    tmp_path: Path, name: str, text: bytes, named: bool
) -> None:
    """Notepad and PowerShell write UTF-8 with a BOM; Hugo reads such a hugo.toml, and so
    newslint reads its own configuration (it used to stop with exit 2: 'Invalid statement')."""
    root = make_site(tmp_path / "site", fixme=FIXABLE)
    (root / name).write_bytes(BOM + text)
    args = ["--config", f"../{name}"] if named else []
    done = newslint(root / "content", "check", "--no-cache", *args)
    assert (done.returncode, done.stderr) == (1, "")  # fail-on = "info" was read
    shown = newslint(root / "content", "config", "--output-format", "json", *args)
    assert json.loads(shown.stdout)["config"]["fail-on"] == "info"


@pytest.mark.parametrize(
    ("before", "after_start"),
    [
        (b'[project]\r\nname = "x"\r\n', b'[project]\r\nname = "x"\r\n\r\n[tool.newslint]\r\n'),
        (BOM + b'[project]\nname = "x"\n', BOM + b'[project]\nname = "x"\n\n[tool.newslint]\n'),
        (b"[project]", b"[project]\n\n[tool.newslint]\n"),
        (b'[project]\nname = "x"\n\n', b'[project]\nname = "x"\n\n[tool.newslint]\n'),
    ],
    ids=["crlf", "bom", "no-final-newline", "blank-line"],
)
def test_init_appends_to_pyproject_keeping_its_bytes(
    tmp_path: Path, before: bytes, after_start: bytes
) -> None:
    """The section goes after the file's bytes, unchanged, in the file's line ending (a CRLF
    file used to be rewritten with LF line endings; one with a BOM was refused)."""
    (tmp_path / "pyproject.toml").write_bytes(before)
    done = newslint(tmp_path, "init", "pyproject.toml")
    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        "Added a [tool.newslint] section to pyproject.toml.\n",
        "",
    )
    after = (tmp_path / "pyproject.toml").read_bytes()
    assert after.startswith(after_start)
    if b"\r\n" in before:
        assert b"\n" not in after.replace(b"\r\n", b"")
    assert newslint(tmp_path, "config").returncode == 0


# --- the language server's exit codes ---------------------------------------------------------


def _lsp(*messages: dict[str, object]) -> bytes:
    out = b""
    for message in messages:
        body = json.dumps(message).encode()
        out += b"Content-Length: %d\r\n\r\n" % len(body) + body
    return out


INITIALIZE = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {"processId": None, "rootUri": None, "capabilities": {}},
}


@pytest.mark.parametrize(
    ("stdin", "code"),
    [
        (
            _lsp(
                INITIALIZE,
                {"jsonrpc": "2.0", "method": "initialized", "params": {}},
                {"jsonrpc": "2.0", "id": 2, "method": "shutdown"},
                {"jsonrpc": "2.0", "method": "exit"},
            ),
            0,
        ),
        (_lsp(INITIALIZE, {"jsonrpc": "2.0", "method": "exit"}), 1),
        (b"", 1),
    ],
    ids=["shutdown-then-exit", "exit-without-shutdown", "client-gone"],
)
def test_server_exit_codes(tmp_path: Path, stdin: bytes, code: int) -> None:
    pytest.importorskip("pygls")
    done = newslint(tmp_path, "server", stdin=stdin)
    assert done.returncode == code
    assert "Traceback" not in done.stderr


def test_baseline_with_a_byte_order_mark_is_read(site: Path) -> None:
    """A committed baseline saved again by a Windows editor starts with a BOM (it used to be
    'not a newslint baseline: Unexpected UTF-8 BOM', exit 2)."""
    newslint(site, "check", "--no-cache", "--write-baseline", "bl.json")
    (site / "bl.json").write_bytes(BOM + (site / "bl.json").read_bytes())
    done = newslint(site, "check", "--no-cache", "--baseline", "bl.json")
    assert (done.returncode, done.stdout) == (0, "")
    assert done.stderr == "newslint: 1 problem in bl.json not shown\n"


@pytest.mark.parametrize("bom", [b"", BOM], ids=["plain", "bom"])
def test_gitignore_with_a_byte_order_mark_is_honoured(tmp_path: Path, bom: bytes) -> None:
    """git skips a BOM at the start of a .gitignore (`git status` ignores drafts/ here); the
    walk used to read the first pattern as U+FEFF + 'drafts/' and lint the drafts."""
    root = make_site(tmp_path / "site", good=GOOD)
    drafts = root / "content" / "drafts"
    drafts.mkdir()
    (drafts / "d.md").write_text(BAD)
    (root / ".gitignore").write_bytes(bom + b"drafts/\n")
    done = newslint(root, "check", "--no-cache", "--quiet", ".")
    assert (done.returncode, done.stdout) == (0, "All checks passed (1 file).\n")
