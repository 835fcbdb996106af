"""Output formats: exact text, escaping, the SARIF code scanning needs, JUnit, and the same count
of problems in every format through the real CLI."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import get_args, get_type_hints

import pytest

from newslint.cli import main
from newslint.config import Config
from newslint.diagnostics import Diagnostic, make_diagnostic
from newslint.fixes import Edit, Fix
from newslint.reporters import FORMATS, default_format, report
from newslint.reporters.gitlab import fingerprint
from newslint.reporters.sarif import artifact_uri, help_uri, sarif_log
from newslint.rule import Severity
from newslint.rules.required_field import RequiredField
from newslint.spans import LineIndex, Span

TEXT = '---\ntitle: "Budget"\nsummary: ""\n---\n\nThe budget passed.\n'
INDEX = LineIndex(TEXT)


EMPTY_SPAN = Span(29, 31)  # the `""` of `summary: ""`


def diagnostic(
    path: str = "content/a.md",
    span: Span = EMPTY_SPAN,
    code: str = "FM004",
    rule: str = "required-field",
    severity: Severity = Severity.ERROR,
    message: str = "required field 'summary' is empty",
    fix: Fix | None = None,
) -> Diagnostic:
    return make_diagnostic(path, INDEX, span, rule, code, severity, message, fix)


EMPTY = diagnostic()
UNSAFE = diagnostic(
    span=Span(11, 19),
    code="TX006",
    rule="title-shouting",
    severity=Severity.INFO,
    message="title in capitals",
    fix=Fix.unsafe("Write the title in sentence case", Edit(11, 19, '"budget"')),
)
SAFE = diagnostic(
    path="content/b,c:d%.md",
    span=Span(37, 40),
    code="TX004",
    rule="sentence-spacing",
    severity=Severity.WARNING,
    message="50% of it\nis wrong: here",
    fix=Fix.safe("Insert a space", Edit(40, 40, " ")),
)
ALL = [EMPTY, UNSAFE, SAFE]


@pytest.fixture(autouse=True)
def _outside_any_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # SARIF and GitHub paths are relative to the enclosing git repository, if any.
    monkeypatch.chdir(tmp_path)


def render(fmt: str, diagnostics: list[Diagnostic], **options: object) -> str:
    out = io.StringIO()
    report(fmt, diagnostics, 2, out, **options)
    return out.getvalue()


def test_concise() -> None:
    assert render("concise", ALL) == (
        "content/a.md:3:10: FM004 [required-field] required field 'summary' is empty\n"
        "content/a.md:2:8: TX006 [title-shouting] title in capitals\n"
        "content/b,c:d%.md:6:1: TX004 [sentence-spacing] [*] 50% of it␊is wrong: here\n"
    )


def test_github_workflow_commands_and_escaping() -> None:
    assert render("github", ALL).splitlines() == [
        "::error file=content/a.md,line=3,col=10,endLine=3,endColumn=12,"
        "title=FM004 required-field::required field 'summary' is empty",
        "::notice file=content/a.md,line=2,col=8,endLine=2,endColumn=16,"
        "title=TX006 title-shouting::title in capitals",
        "::warning file=content/b%2Cc%3Ad%25.md,line=6,col=1,endLine=6,endColumn=4,"
        "title=TX004 sentence-spacing::50%25 of it%0Ais wrong: here",
    ]


def test_json_is_the_documented_contract() -> None:
    data = json.loads(render("json", [SAFE]))
    assert data == [
        {
            "path": "content/b,c:d%.md",
            "rule": "sentence-spacing",
            "code": "TX004",
            "severity": "warning",
            "message": "50% of it\nis wrong: here",
            "line": 6,
            "column": 1,
            "end_line": 6,
            "end_column": 4,
            "fix": {
                "applicability": "safe",
                "title": "Insert a space",
                "edits": [{"line": 6, "column": 4, "end_line": 6, "end_column": 4, "content": " "}],
            },
        }
    ]
    assert list(data[0]) == list(EMPTY.to_json())
    assert [json.loads(line) for line in render("json-lines", ALL).splitlines()] == [
        d.to_json() for d in ALL
    ]


def test_grouped_counts_examples_and_fixability() -> None:
    many = [EMPTY] * 5 + [SAFE, UNSAFE]
    assert render("grouped", many) == (
        "     5  FM004  required-field    error\n"
        "          content/a.md:3:10: required field 'summary' is empty\n"
        "          content/a.md:3:10: required field 'summary' is empty\n"
        "          content/a.md:3:10: required field 'summary' is empty\n"
        "          ... and 2 more\n"
        "     1  TX004  sentence-spacing  warning, 1 fixable\n"
        "          content/b,c:d%.md:6:1: 50% of it␊is wrong: here\n"
        "     1  TX006  title-shouting    info, 1 with --unsafe-fixes\n"
        "          content/a.md:2:8: title in capitals\n"
        "Found 7 problems (5 errors, 1 warning, 1 info) in 2 of 2 files.\n"
        "[*] 1 fixable with `newslint fix` (1 more with `--unsafe-fixes`).\n"
    )


def test_full_plain_text_frame() -> None:
    assert render("full", [EMPTY], color="never") == (
        "content/a.md\n"
        "  content/a.md:3:10: FM004 [required-field] error: required field 'summary' is empty\n"
        '       3 | summary: ""\n'
        "         |          ^^\n"
        "\n"
        "Found 1 problem (1 error) in 1 of 2 files.\n"
    )


# -------------------------------------------------------------------------------------- SARIF


def test_sarif_has_what_github_code_scanning_requires(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "site").mkdir()
    monkeypatch.chdir(tmp_path / "site")
    log = json.loads(render("sarif", ALL, rules=[RequiredField]))
    assert log["version"] == "2.1.0"
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "newslint" and driver["version"]
    assert driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    assert [r["id"] for r in rules] == ["FM004", "TX006", "TX004"]
    fm004 = rules[0]
    assert fm004["name"] == "required-field"
    assert fm004["shortDescription"] == {
        "text": "A required front-matter field is missing or empty."
    }
    assert fm004["fullDescription"]["text"].startswith("Flags an article whose front matter lacks")
    assert fm004["help"]["markdown"] == RequiredField.documentation()
    assert fm004["help"]["text"] == RequiredField.documentation()
    assert fm004["helpUri"] == help_uri(RequiredField) and fm004["helpUri"].startswith("https://")
    assert fm004["defaultConfiguration"] == {"level": "error"}
    assert run["columnKind"] == "utf16CodeUnits"  # see test_reporters_consumers.py
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": tmp_path.as_uri() + "/"}}
    results = run["results"]
    assert len(results) == 3
    for result, d in zip(results, ALL, strict=True):
        assert result["ruleId"] == d.code
        assert rules[result["ruleIndex"]]["id"] == d.code
        assert result["message"]["text"] == d.message
        (location,) = result["locations"]
        region = location["physicalLocation"]["region"]
        assert region == {
            "startLine": d.line,
            "startColumn": d.column,
            "endLine": d.end_line,
            "endColumn": d.end_column,
        }
    assert [r["level"] for r in results] == ["error", "note", "warning"]
    artifact = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "site/content/a.md", "uriBaseId": "%SRCROOT%"}
    assert results[2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "site/content/b%2Cc%3Ad%25.md"
    )
    assert "fixes" not in results[0]
    (fix,) = results[2]["fixes"]
    assert fix["description"] == {"text": "Insert a space (safe)"}
    (change,) = fix["artifactChanges"]
    assert change["replacements"] == [
        {
            "deletedRegion": {"startLine": 6, "startColumn": 4, "endLine": 6, "endColumn": 4},
            "insertedContent": {"text": " "},
        }
    ]


def test_sarif_without_a_repository_uses_paths_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert artifact_uri("content/a b.md", None) == "content/a%20b.md"
    assert artifact_uri("/srv/x.md", None) == "file:///srv/x.md"
    run = sarif_log([], [RequiredField])["runs"][0]
    assert run["results"] == []
    # Relative URIs need their base defined: the working directory.
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": tmp_path.as_uri() + "/"}}


def test_plugin_rule_may_name_its_own_help_uri() -> None:
    class House(RequiredField):
        url = "https://wiki.example.com/newsroom-rules#required"

    assert help_uri(House) == "https://wiki.example.com/newsroom-rules#required"


# -------------------------------------------------------------------------------------- JUnit


def test_junit_suite_per_file_case_per_diagnostic() -> None:
    crash = diagnostic(code="NL000", rule="internal-error", message="rule x crashed: \x1b[31m")
    root = ET.fromstring(render("junit", [*ALL, crash]))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "3", "1")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["content/a.md", "content/b,c:d%.md"]
    assert [(s.get("tests"), s.get("failures"), s.get("errors")) for s in suites] == [
        ("3", "2", "1"),
        ("1", "1", "0"),
    ]
    cases = suites[0].findall("testcase")
    assert [c.get("name") for c in cases] == [
        "TX006 title-shouting at 2:8",
        "FM004 required-field at 3:10",
        "NL000 internal-error at 3:10",
    ]
    failure = cases[1].find("failure")
    assert failure is not None
    assert failure.get("message") == "required field 'summary' is empty"
    assert failure.get("type") == "error"
    assert failure.text == (
        "content/a.md:3:10: FM004 [required-field] error: required field 'summary' is empty"
    )
    error = cases[2].find("error")
    assert error is not None and error.get("message") == "rule x crashed: \\u001b[31m"
    assert cases[0].get("file") == "content/a.md" and cases[0].get("line") == "2"


def test_junit_clean_run_is_one_passing_case() -> None:
    root = ET.fromstring(render("junit", []))
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("1", "0", "0")
    (case,) = root.iter("testcase")
    assert case.get("name") == "all checks passed" and list(case) == []


# ----------------------------------------------------------------------------------- choosing


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_default_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert default_format(io.StringIO()) == "concise"
    assert default_format(_Terminal()) == "full"
    assert default_format(io.StringIO(), "always") == "full"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert default_format(_Terminal()) == "github"


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown output format 'xml'"):
        report("xml", [], 0, io.StringIO())


# ------------------------------------------------------------------------------ through the CLI

ARTICLE = (
    '---\ntitle: "Budget"\ndate: 2025-02-08T09:55:35+08:00\n---\n\n'
    "The budget passed on Tuesday after a week of talks.\n"
)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "d.md").write_text("No front matter.\n", encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('select = ["FM001", "FM004"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def _count(fmt: str, text: str) -> int:
    if fmt in ("json", "gitlab"):
        return len(json.loads(text))
    if fmt == "sarif":
        return len(json.loads(text)["runs"][0]["results"])
    if fmt == "junit":
        root = ET.fromstring(text)
        return int(root.get("failures", 0)) + int(root.get("errors", 0))
    if fmt == "github":
        return sum(1 for line in text.splitlines() if line.startswith("::"))
    if fmt == "grouped":
        return sum(int(line.split()[0]) for line in text.splitlines() if line[:6].strip().isdigit())
    if fmt == "full":
        return sum(1 for line in text.splitlines() if line.startswith("  ") and ": FM" in line)
    return len(text.splitlines())  # concise, json-lines


def test_every_format_reports_the_same_problems(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    counts = {}
    for fmt in FORMATS:
        code = main(["check", ".", "--no-cache", "--output-format", fmt])
        counts[fmt] = (code, _count(fmt, capsys.readouterr().out))
    assert counts == {fmt: (1, 4) for fmt in FORMATS}


def test_output_file(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", ".", "--no-cache", "--output-format", "sarif", "--output", "r.sarif"])
    assert code == 1 and capsys.readouterr().out == ""
    assert (
        len(json.loads((site / "r.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]) == 4
    )
    code = main(["check", ".", "--no-cache", "-o", "missing-dir/r.txt"])
    assert code == 2
    assert capsys.readouterr().err.startswith("newslint: error: --output missing-dir/r.txt: ")


def test_default_is_concise_in_a_pipe_and_github_in_actions(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    main(["check", "a.md", "--no-cache"])
    assert (
        capsys.readouterr().out
        == "a.md:1:1: FM004 [required-field] required field 'summary' is missing\n"
    )
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    main(["check", "a.md", "--no-cache"])
    assert capsys.readouterr().out == (
        "::error file=a.md,line=1,col=1,endLine=1,endColumn=4,"
        "title=FM004 required-field::required field 'summary' is missing\n"
    )


def test_statistics(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", ".", "--no-cache", "--statistics"])
    assert code == 1
    assert capsys.readouterr().out == (
        "      3  FM004  required-field        error    3 with --unsafe-fixes\n"
        "      1  FM001  front-matter-missing  error\n"
        "      4  total, 0 fixable with `newslint fix`\n"
    )
    main(["check", ".", "--no-cache", "--statistics", "--output-format", "json"])
    assert json.loads(capsys.readouterr().out) == [
        {
            "code": "FM004",
            "rule": "required-field",
            "severity": "error",
            "count": 3,
            "fixable": 0,
            "unsafe_fixable": 3,
        },
        {
            "code": "FM001",
            "rule": "front-matter-missing",
            "severity": "error",
            "count": 1,
            "fixable": 0,
            "unsafe_fixable": 0,
        },
    ]


def test_github_paths_are_from_the_repository_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "site").mkdir()
    monkeypatch.chdir(tmp_path / "site")
    assert render("github", [EMPTY]).startswith("::error file=site/content/a.md,line=3,")


def test_gitlab_code_quality_report(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI_PROJECT_DIR", raising=False)
    data = json.loads(render("gitlab", ALL))
    assert [issue["fingerprint"] for issue in data] == [
        fingerprint(path, d, 1)
        for path, d in (
            ("content/a.md", EMPTY),
            ("content/a.md", UNSAFE),
            ("content/b,c:d%.md", SAFE),
        )
    ]
    for issue in data:
        assert re.fullmatch(r"[0-9a-f]{32}", issue.pop("fingerprint"))
    assert data == [
        {
            "description": "FM004 required-field: required field 'summary' is empty",
            "check_name": "FM004",
            "severity": "major",
            "location": {"path": "content/a.md", "lines": {"begin": 3, "end": 3}},
        },
        {
            "description": "TX006 title-shouting: title in capitals",
            "check_name": "TX006",
            "severity": "info",
            "location": {"path": "content/a.md", "lines": {"begin": 2, "end": 2}},
        },
        {
            "description": "TX004 sentence-spacing: 50% of it\nis wrong: here",
            "check_name": "TX004",
            "severity": "minor",
            "location": {"path": "content/b,c:d%.md", "lines": {"begin": 6, "end": 6}},
        },
    ]
    assert render("gitlab", []) == "[]\n"


def test_gitlab_fingerprints_are_unique_and_survive_lines_moving() -> None:
    text = "---\ntitle: x\n---\n\nA  b.\n\nA  b.\n"
    index = LineIndex(text)
    first, second = (
        make_diagnostic("a.md", index, Span(at, at + 2), "x", "TX004", Severity.WARNING, "m")
        for at in (text.index("  "), text.rindex("  "))
    )
    moved_text = "---\ntitle: x\n---\n\nNew paragraph.\n\n" + text[18:]
    moved = LineIndex(moved_text)
    moved_first = make_diagnostic(
        "a.md",
        moved,
        Span(moved_text.index("  "), moved_text.index("  ") + 2),
        "x",
        "TX004",
        Severity.WARNING,
        "m",
    )
    prints = [issue["fingerprint"] for issue in json.loads(render("gitlab", [first, second]))]
    assert len(set(prints)) == 2
    assert json.loads(render("gitlab", [moved_first]))[0]["fingerprint"] == prints[0]
    assert moved_first.line == first.line + 2


def test_gitlab_paths_are_from_the_project_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "site").mkdir()
    monkeypatch.chdir(tmp_path / "site")
    monkeypatch.setenv("CI_PROJECT_DIR", str(tmp_path))
    assert json.loads(render("gitlab", [EMPTY]))[0]["location"]["path"] == "site/content/a.md"
    monkeypatch.delenv("CI_PROJECT_DIR")
    (tmp_path / ".git").mkdir()
    assert json.loads(render("gitlab", [EMPTY]))[0]["location"]["path"] == "site/content/a.md"


def test_the_configuration_takes_every_format() -> None:
    annotation = get_type_hints(Config)["output_format"]
    assert get_args(get_args(annotation)[0]) == FORMATS


def test_sarif_validates_against_the_official_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The SARIF 2.1.0 JSON schema is not on this machine; `.ci/run` fetches it from npm
    (`@microsoft/jest-sarif` ships it) and names it in NEWSLINT_SARIF_SCHEMA."""
    import os

    schema_path = os.environ.get("NEWSLINT_SARIF_SCHEMA")
    if not schema_path:
        pytest.skip("NEWSLINT_SARIF_SCHEMA is not set (.ci/run sets it)")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(Path(schema_path).read_text(encoding="utf-8"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(TEXT + "Two  spaces.after a stop &amp; a tab\t\n")
    assert main(["check", "--select", "ALL", "--no-cache", "--output-format", "sarif", "a.md"]) == 1
    log = json.loads(capsys.readouterr().out)
    assert any("fixes" in result for result in log["runs"][0]["results"])
    errors = [e.message for e in jsonschema.Draft4Validator(schema).iter_errors(log)]
    assert errors == []


# ------------------------------------------------------------------------------------ colour


@pytest.mark.parametrize(
    ("color", "env", "coloured"),
    [
        ("auto", {}, False),  # not a terminal
        ("auto", {"FORCE_COLOR": "1"}, True),
        ("auto", {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),  # NO_COLOR wins over FORCE_COLOR
        ("always", {"NO_COLOR": "1"}, True),  # the flag wins over the environment
        ("never", {"FORCE_COLOR": "1"}, False),
    ],
)
def test_colour_from_flag_and_environment(
    monkeypatch: pytest.MonkeyPatch, color: str, env: dict[str, str], coloured: bool
) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    text = render("full", [EMPTY], color=color)
    assert ("\x1b[1;31mFM004" in text) is coloured
    assert ("\x1b[" in text) is coloured


@pytest.mark.parametrize("fmt", ["concise", "grouped"])
@pytest.mark.parametrize(
    ("color", "env", "coloured"),
    [
        ("auto", {}, False),  # not a terminal
        ("always", {}, True),  # as ruff: forced whatever the output is
        ("auto", {"FORCE_COLOR": "1"}, True),
        ("always", {"NO_COLOR": "1"}, True),
        ("never", {"FORCE_COLOR": "1"}, False),
    ],
)
def test_plain_formats_are_coloured_as_ruffs(
    monkeypatch: pytest.MonkeyPatch, fmt: str, color: str, env: dict[str, str], coloured: bool
) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    text = render(fmt, [EMPTY, UNSAFE], color=color)
    assert ("\x1b[1;31mFM004" in text) is coloured  # an error's code in bold red
    assert ("\x1b[36mTX006" in text) is coloured  # an info's in cyan
    assert ("\x1b[1mcontent/a.md\x1b[0m:3:10: " in text) is coloured  # the path bold
    plain = render(fmt, [EMPTY, UNSAFE], color="never")
    assert re.sub("\x1b\\[[0-9;]*m", "", text) == plain  # the same text, only styled


def test_concise_coloured_line() -> None:
    assert render("concise", [UNSAFE], color="always") == (
        "\x1b[1mcontent/a.md\x1b[0m:2:8: \x1b[36mTX006\x1b[0m [title-shouting] title in capitals\n"
    )


def test_colour_output_keeps_emoji_codes_as_text() -> None:
    # rich would turn `:fire:` into an emoji: the article's text changes and the carets shift.
    text = "---\ntitle: x\n---\n\nHot :fire: news  \n"
    start = text.index("  \n")
    found = make_diagnostic(
        "a.md",
        LineIndex(text),
        Span(start, start + 2),
        "trailing-whitespace",
        "BD002",
        Severity.INFO,
        "trailing :fire: spaces",
    )
    plain = render("full", [found], color="never")
    coloured = render("full", [found], color="always")
    assert "Hot :fire: news" in plain
    assert "Hot :fire: news" in coloured and "trailing :fire: spaces" in coloured
    assert "\U0001f525" not in coloured
    caret_column = next(line for line in plain.splitlines() if "^" in line).index("^")
    without_colour = re.sub(r"\x1b\[[0-9;]*m", "", coloured)
    assert (
        next(line for line in without_colour.splitlines() if "^" in line).index("^") == caret_column
    )


@pytest.mark.parametrize(
    ("flags", "env", "coloured"),
    [
        (["--color", "always"], {}, True),
        (["--color", "never"], {"FORCE_COLOR": "1"}, False),
        ([], {}, False),
    ],
)
def test_check_streams_concise_in_the_colour_asked_for(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    flags: list[str],
    env: dict[str, str],
    coloured: bool,
) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(TEXT + "Trailing   \n", encoding="utf-8")
    args = ["check", "--select", "BD002", "--no-cache", "--output-format", "concise", *flags]
    assert main([*args, "a.md"]) == 0
    out = capsys.readouterr().out
    assert ("\x1b[1ma.md\x1b[0m:" in out) is coloured
    assert "BD002" in out
