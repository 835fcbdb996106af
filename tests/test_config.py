"""Configuration through the real CLI: discovery, overrides, effects, `config`, `init`, exit-2 errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.cli import main

NO_SUMMARY = '---\ntitle: "Budget"\ndate: 2025-02-08T09:55:35+08:00\n---\n\nThe budget passed.\n'
# Two well-known diagnostics: FM004 (summary missing) and FM001 (no front matter).
SELECT = '["FM001", "FM004"]'


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "content" / "archive").mkdir(parents=True)
    (tmp_path / "content" / "a.md").write_text(NO_SUMMARY, encoding="utf-8")
    (tmp_path / "content" / "archive" / "b.md").write_text(NO_SUMMARY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def codes(out: str) -> list[tuple[str, str]]:
    return [(d["path"], d["code"]) for d in json.loads(out)]


def config_path(capsys: pytest.CaptureFixture[str], *extra: str) -> str | None:
    code, out, err = run(["config", "--output-format", "json", *extra], capsys)
    assert code == 0, err
    return json.loads(out)["path"]


# ---------------------------------------------------------------------------------- discovery


def test_found_from_the_working_directory_upward(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (site / "newslint.toml").write_text(f"select = {SELECT}\n", encoding="utf-8")
    monkeypatch.chdir(site / "content" / "archive")
    assert config_path(capsys) == str(site / "newslint.toml")
    code, out, _ = run(["check", "b.md", "--output-format", "json", "--no-cache"], capsys)
    assert (code, codes(out)) == (1, [("b.md", "FM004")])


def test_order_within_one_directory(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "pyproject.toml").write_text('[tool.newslint]\nfail-on = "info"\n', encoding="utf-8")
    assert config_path(capsys) == "pyproject.toml"
    (site / ".newslint.toml").write_text('fail-on = "info"\n', encoding="utf-8")
    assert config_path(capsys) == ".newslint.toml"
    (site / "newslint.toml").write_text('fail-on = "info"\n', encoding="utf-8")
    assert config_path(capsys) == "newslint.toml"


def test_pyproject_without_a_newslint_section_is_passed_over(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (site / "newslint.toml").write_text('fail-on = "info"\n', encoding="utf-8")
    (site / "content" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    monkeypatch.chdir(site / "content")
    assert config_path(capsys) == str(site / "newslint.toml")


def test_config_flag_and_isolated_override_discovery(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "newslint.toml").write_text('fail-on = "info"\n', encoding="utf-8")
    (site / "other.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    assert config_path(capsys, "--config", "other.toml") == "other.toml"
    assert config_path(capsys, "--isolated") is None


# ------------------------------------------------------------------------------------ effects


def test_select_ignore_and_per_file_ignores(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "newslint.toml").write_text(
        f'select = {SELECT}\n[per-file-ignores]\n"content/archive/**" = ["required-field"]\n',
        encoding="utf-8",
    )
    _, out, _ = run(["check", "--output-format", "json", "--no-cache", "content"], capsys)
    assert codes(out) == [("content/a.md", "FM004")]
    _, out, _ = run(["check", "--output-format", "json", "--ignore", "FM"], capsys)
    assert codes(out) == []


def test_rule_severity_and_fail_on_decide_the_exit_code(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = f"select = {SELECT}\n"
    (site / "newslint.toml").write_text(base, encoding="utf-8")
    assert run(["check", "content", "--no-cache"], capsys)[0] == 1
    lowered = base + '[rules.required-field]\nseverity = "warning"\n'
    (site / "newslint.toml").write_text(lowered, encoding="utf-8")
    code, out, _ = run(["check", "content", "--no-cache", "--output-format", "json"], capsys)
    assert code == 0 and {d["severity"] for d in json.loads(out)} == {"warning"}
    assert run(["check", "content", "--no-cache", "--fail-on", "warning"], capsys)[0] == 1
    (site / "newslint.toml").write_text(lowered + 'fail-on = "warning"\n', encoding="utf-8")
    # a key after a table belongs to the table: this is an unknown rule option
    assert run(["check", "content", "--no-cache"], capsys)[0] == 2
    (site / "newslint.toml").write_text('fail-on = "warning"\n' + lowered, encoding="utf-8")
    assert run(["check", "content", "--no-cache"], capsys)[0] == 1


def test_rule_options_reach_the_rule(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "newslint.toml").write_text(
        f'select = {SELECT}\n[rules.required-field]\nfields = ["title", "date"]\n',
        encoding="utf-8",
    )
    assert run(["check", "content", "--no-cache"], capsys)[0] == 0


@pytest.mark.parametrize(
    ("name", "table"),
    [
        ("newslint.toml", "[rules.fm004]"),
        ("newslint.toml", "[rules.Required-Field]"),
        ("pyproject.toml", "[tool.newslint.rules.REQUIRED-FIELD]"),
    ],
)
def test_a_rule_table_names_its_rule_in_any_case(
    site: Path, capsys: pytest.CaptureFixture[str], name: str, table: str
) -> None:
    # As select, ignore and suppression comments take codes and names in any case.
    prefix = "[tool.newslint]\n" if name == "pyproject.toml" else ""
    (site / name).write_text(
        f'{prefix}select = ["FM004"]\n{table}\nseverity = "info"\n', encoding="utf-8"
    )
    code, out, err = run(["check", "content/a.md", "--output-format", "json", "--no-cache"], capsys)
    assert (code, err) == (0, "")
    assert [(d["code"], d["severity"]) for d in json.loads(out)] == [("FM004", "info")]
    # --config names the rule in yet another case: it overrides that table, not a second one.
    override = ["--config", "rules.Fm004.severity = 'warning'"]
    code, out, err = run(["check", "content/a.md", "--output-format", "json", *override], capsys)
    assert (code, err) == (0, "")
    assert [(d["code"], d["severity"]) for d in json.loads(out)] == [("FM004", "warning")]


def test_exclude(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "newslint.toml").write_text(
        f'select = {SELECT}\nexclude = ["content/archive/**"]\n', encoding="utf-8"
    )
    _, out, _ = run(["check", "content", "--output-format", "json", "--no-cache"], capsys)
    assert codes(out) == [("content/a.md", "FM004")]


def test_a_class_negated_with_a_caret_excludes_as_ruff_and_git_read_it(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # ruff's globset and gitignore read `[^a]` as `[!a]`; fnmatch read it as `^` or `a`, which
    # excluded `a.md` (and a file named `^.md`) instead of every other one-letter name.
    (site / "content" / "c.md").write_text(NO_SUMMARY, encoding="utf-8")
    (site / "newslint.toml").write_text(
        f'select = {SELECT}\nexclude = ["content/[^a].md", "content/archive/**"]\n',
        encoding="utf-8",
    )
    _, out, _ = run(["check", "content", "--output-format", "json", "--no-cache"], capsys)
    assert codes(out) == [("content/a.md", "FM004")]
    (site / "newslint.toml").write_text(f"select = {SELECT}\n", encoding="utf-8")
    argv = ["check", "content", "--output-format", "json", "--no-cache"]
    _, out, _ = run(
        [*argv, "--exclude", "content/[^c].md", "--exclude", "content/archive/**"], capsys
    )
    assert codes(out) == [("content/c.md", "FM004")]


def test_a_gitignore_class_negated_with_a_caret(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / ".git").mkdir()
    (site / ".gitignore").write_text("content/archive/\ncontent/[^b].md\n", encoding="utf-8")
    (site / "content" / "b.md").write_text(NO_SUMMARY, encoding="utf-8")
    (site / "newslint.toml").write_text(f"select = {SELECT}\n", encoding="utf-8")
    _, out, _ = run(["check", ".", "--output-format", "json", "--no-cache"], capsys)
    assert codes(out) == [("content/b.md", "FM004")]


def test_a_broken_exclude_glob_on_the_command_line_is_a_usage_error(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # As one in the configuration's `exclude` is: read literally it would exclude nothing.
    code, out, err = run(["check", "content", "--exclude", "content/["], capsys)
    assert (code, out) == (2, "")
    assert err.endswith(
        "newslint check: error: argument --exclude: 'content/[' is not a glob: unclosed"
        " character class; missing ']' (write '[[]' for a literal '[')\n"
    )


# ------------------------------------------------------------------------------- exit 2 errors

ERRORS = [
    (
        "newslint.toml",
        'excude = ["x"]\n',
        "newslint.toml: unknown key 'excude' (did you mean 'exclude'?)",
    ),
    (
        "pyproject.toml",
        '[tool.newslint]\nexcude = ["x"]\n',
        "pyproject.toml: unknown key 'tool.newslint.excude' (did you mean 'exclude'?)",
    ),
    (
        "pyproject.toml",
        "[tool.newslint.links]\nper-hots = 2\n",
        "pyproject.toml: unknown key 'tool.newslint.links.per-hots' (did you mean 'per-host'?)",
    ),
    (
        "newslint.toml",
        'select = "FM004"\n',
        'newslint.toml: select: expected a list, got "FM004"',
    ),
    (
        "newslint.toml",
        'fail-on = "errors"\n',
        "newslint.toml: fail-on: expected one of 'error', 'warning', 'info', got \"errors\""
        " (did you mean 'error'?)",
    ),
    (
        "newslint.toml",
        '[links]\ntimeout = "soon"\n',
        'newslint.toml: links.timeout: expected a number, got "soon"',
    ),
    (
        "newslint.toml",
        '[per-file-ignores]\n"content/**" = [4]\n',
        'newslint.toml: per-file-ignores."content/**"[0]: expected a string, got 4',
    ),
    (
        "newslint.toml",
        'timezone = "Asia/Shangai"\n',
        "newslint.toml: timezone: unknown time zone 'Asia/Shangai' (did you mean 'Asia/Shanghai'?)",
    ),
    (
        "newslint.toml",
        'ignore = ["FM04"]\n',
        "newslint.toml: ignore[0]: unknown rule or prefix 'FM04' (did you mean 'FM004'?)",
    ),
    (
        "newslint.toml",
        'select = ["required-feild"]\n',
        "newslint.toml: select[0]: unknown rule or prefix 'required-feild'"
        " (did you mean 'required-field'?)",
    ),
    (
        "newslint.toml",
        '[per-file-ignores]\n"content/**" = ["XM004"]\n',
        "newslint.toml: per-file-ignores.\"content/**\"[0]: unknown rule or prefix 'XM004'"
        " (did you mean 'FM004'?)",
    ),
    (
        "pyproject.toml",
        "[tool.newslint.rules.required-feld]\nfields = []\n",
        "pyproject.toml: tool.newslint.rules.required-feld: unknown rule 'required-feld'"
        " (did you mean 'required-field'?)",
    ),
    (
        "newslint.toml",
        '[rules.required-field]\nfeilds = ["title"]\n',
        "newslint.toml: rules.required-field: unknown option 'feilds' (options: fields, max-chars)"
        " (did you mean 'fields'?)",
    ),
    (
        "newslint.toml",
        '[rules.required-field]\nmax-chars = "300"\n',
        'newslint.toml: rules.required-field.max-chars: expected an integer, got "300"',
    ),
    (
        "newslint.toml",
        '[rules.required-field]\nfields = "title"\n',
        'newslint.toml: rules.required-field.fields: expected a list of strings (or omitted), got "title"',
    ),
    (
        "newslint.toml",
        '[rules.FM004]\nseverity = "warn"\n',
        "newslint.toml: rules.FM004.severity: expected one of 'error', 'warning', 'info',"
        " got \"warn\" (did you mean 'warning'?)",
    ),
    (
        "newslint.toml",
        "[rules.required-field]\nmax-chars = 3\nmax_chars = 4\n",
        "newslint.toml: rules.required-field: option 'max-chars' is given twice"
        " (as 'max-chars' and 'max_chars')",
    ),
    # A table names its rule in any case, so two spellings of one rule are two tables of it.
    (
        "newslint.toml",
        '[rules.FM004]\nseverity = "info"\n[rules.fm004]\nseverity = "warning"\n',
        "newslint.toml: rules.FM004 and rules.fm004 configure the same rule"
        " (required-field, FM004): write one table",
    ),
    (
        "newslint.toml",
        '[rules.Required-Field]\nfeilds = ["title"]\n',
        "newslint.toml: rules.Required-Field: unknown option 'feilds' (options: fields, max-chars)"
        " (did you mean 'fields'?)",
    ),
    (
        "pyproject.toml",
        '[tool.newslint.rules.FM004]\nseverity = "info"\n'
        '[tool.newslint.rules.required-field]\nfields = ["title"]\n',
        "pyproject.toml: tool.newslint.rules.FM004 and tool.newslint.rules.required-field"
        " configure the same rule (required-field, FM004): write one table",
    ),
    # A value the rule's own options reject, named with the file, even when the rule is not on.
    (
        "newslint.toml",
        'ignore = ["DT"]\n[rules.date-future]\nnow = "yesterday"\n',
        "newslint.toml: rules.date-future: now 'yesterday' is not a date"
        " (write 2025-02-08T09:55:35+08:00)",
    ),
    (
        "newslint.toml",
        "max-file-size = -1\n",
        "newslint.toml: max-file-size: must be at least 1 (bytes), not -1",
    ),
    (
        "newslint.toml",
        'presets = ["mainraod"]\n',
        "newslint.toml: presets[0]: unknown preset 'mainraod' (presets: ",
    ),
    (
        "newslint.toml",
        "[tool.newslint]\nselect = []\n",
        "newslint.toml: unknown key 'tool' (newslint.toml takes the keys at its top level,"
        " without [tool.newslint])",
    ),
    # [links] is checked when the configuration is read, not only when links are checked.
    (
        "newslint.toml",
        '[links]\ncache-ttl = "forever"\n',
        "newslint.toml: links.cache-ttl: 'forever' is not a duration such as 1d, 12h, 30m or 45s",
    ),
    # A number is seconds, at least 0; a fraction or a boolean is neither a duration nor seconds.
    (
        "newslint.toml",
        "[links]\ncache-ttl = -5\n",
        "newslint.toml: links.cache-ttl: must be at least 0 seconds, not -5",
    ),
    (
        "newslint.toml",
        "[links]\nfailure-ttl = 1.5\n",
        "newslint.toml: links.failure-ttl: expected a string or an integer, got 1.5",
    ),
    (
        "newslint.toml",
        "[links]\ncache-ttl = true\n",
        "newslint.toml: links.cache-ttl: expected a string or an integer, got true",
    ),
    (
        "pyproject.toml",
        '[tool.newslint.links]\nexclude = ["(unclosed"]\n',
        "pyproject.toml: tool.newslint.links.exclude: '(unclosed' is not a regex: missing ),"
        " unterminated subpattern at position 0",
    ),
    # A glob that cannot mean what it says (fnmatch would read it literally), as ruff rejects it.
    (
        "newslint.toml",
        "[per-file-ignores]\n'content/[' = ['FM004']\n",
        "newslint.toml: per-file-ignores: 'content/[' is not a glob: unclosed character class;"
        " missing ']' (write '[[]' for a literal '[')",
    ),
    (
        "newslint.toml",
        "[per-file-ignores]\n'!content/[' = ['FM004']\n",
        "newslint.toml: per-file-ignores: '!content/[' is not a glob: unclosed character class;",
    ),
    (
        "pyproject.toml",
        "[tool.newslint]\nexclude = ['content/[z-a]/**']\n",
        "pyproject.toml: tool.newslint.exclude: 'content/[z-a]/**' is not a glob:"
        " invalid range; 'z' > 'a'",
    ),
    (
        "newslint.toml",
        "extend-exclude = ['content/{drafts,archive/**']\n",
        "newslint.toml: extend-exclude: 'content/{drafts,archive/**' is not a glob: unclosed"
        " alternate group; missing '}' (write '[{]' for a literal '{')",
    ),
    (
        "newslint.toml",
        "include = ['content/drafts}/**']\n",
        "newslint.toml: include: 'content/drafts}/**' is not a glob: unopened alternate group;"
        " missing '{' (write '[}]' for a literal '}')",
    ),
    (
        "newslint.toml",
        "[links]\nconcurrency = 0\n",
        "newslint.toml: links.concurrency: must be at least 1, not 0",
    ),
    (
        "newslint.toml",
        "[links]\ntimeout = -1\n",
        "newslint.toml: links.timeout: must be more than 0 seconds, not -1",
    ),
    (
        "newslint.toml",
        'plugins = ["house-rules/"]\n',
        "newslint.toml: plugins[0]: no such directory 'house-rules/'",
    ),
    (
        "pyproject.toml",
        '[tool.newslint]\nselect = ["FM004"\n',
        "pyproject.toml: not valid TOML: ",
    ),
    ("newslint.toml", "select = [\n", "newslint.toml: not valid TOML: "),
    (
        "pyproject.toml",
        "[tool]\nnewslint = 3\n",
        "pyproject.toml: tool.newslint: expected a table, got 3",
    ),
]


@pytest.mark.parametrize(("name", "text", "message"), ERRORS, ids=[e[2][:50] for e in ERRORS])
def test_configuration_error_exits_2_naming_file_and_key(
    site: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, message: str
) -> None:
    (site / name).write_text(text, encoding="utf-8")
    code, out, err = run(["check", "content"], capsys)
    assert code == 2 and out == ""
    assert f"newslint: error: {message}" in err
    assert "Traceback" not in err


def test_every_error_is_listed(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "newslint.toml").write_text(
        'select = "x"\nfail-on = 3\nexcude = []\n', encoding="utf-8"
    )
    code, _, err = run(["check", "content"], capsys)
    assert code == 2
    assert err.splitlines() == [
        'newslint: error: newslint.toml: select: expected a list, got "x"',
        "newslint: error: newslint.toml: fail-on: expected one of 'error', 'warning', 'info', got 3",
        "newslint: error: newslint.toml: unknown key 'excude' (did you mean 'exclude'?)",
    ]


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        ("--select", "FM04", "--select: unknown rule or prefix 'FM04' (did you mean 'FM004'?)"),
        # the number says which code, not the letters alone: FM014 is as close to FM14
        ("--select", "FM14", "--select: unknown rule or prefix 'FM14' (did you mean 'FM014'?)"),
        ("--select", "dt4", "--select: unknown rule or prefix 'dt4' (did you mean 'DT004'?)"),
        (
            "--ignore",
            "requird-field",
            "--ignore: unknown rule or prefix 'requird-field' (did you mean 'required-field'?)",
        ),
        ("--extend-select", "ZZ", "--extend-select: unknown rule or prefix 'ZZ'"),
    ],
)
def test_unknown_rule_on_the_command_line(
    site: Path, capsys: pytest.CaptureFixture[str], flag: str, value: str, message: str
) -> None:
    code, _, err = run(["check", "content", flag, value], capsys)
    assert code == 2
    assert err == f"newslint: error: {message}\n"


def test_missing_config_file(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["check", "content", "--config", "nope.toml"], capsys)
    assert code == 2 and err.startswith("newslint: error: nope.toml: cannot read: ")


# ---------------------------------------------------------------------------- config and init


def test_config_prints_the_effective_configuration(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "pyproject.toml").write_text(
        '[tool.newslint]\nignore = ["TX006"]\n[tool.newslint.rules.required-field]\n'
        'severity = "warning"\n[tool.newslint.per-file-ignores]\n"content/archive/**" = ["FM004"]\n',
        encoding="utf-8",
    )
    code, out, _ = run(["config"], capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "# newslint configuration from pyproject.toml"
    assert 'ignore = ["TX006"]' in lines
    assert 'fail-on = "error"' in lines
    assert "# timezone: not set (no Hugo site here: UTC)" in lines
    at = lines.index("[per-file-ignores]")
    assert lines[at + 1] == '"content/archive/**" = ["FM004"]'
    at = lines.index("[rules.required-field]")
    assert lines[at + 1] == 'severity = "warning"'
    assert "per-host = 4" in lines
    enabled = lines[-1]
    assert enabled.startswith("# enabled rules (") and "FM004 required-field" in enabled
    assert "TX006" not in enabled


def test_a_ttl_is_a_duration_or_whole_seconds(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newslint.config import load_config
    from newslint.linkcheck import LinkSettings

    (site / "newslint.toml").write_text("[links]\ncache-ttl = 3600\nfailure-ttl = 0\n")
    settings = LinkSettings.from_config(load_config(site / "newslint.toml").links)
    assert (settings.cache_ttl, settings.failure_ttl) == (3600.0, 0.0)
    assert run(["check", "content", "--no-cache"], capsys)[2] == ""


def test_config_json(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "newslint.toml").write_text(f"select = {SELECT}\n", encoding="utf-8")
    code, out, _ = run(["config", "--output-format", "json"], capsys)
    data = json.loads(out)
    assert code == 0
    assert data["path"] == "newslint.toml"
    assert data["config"]["select"] == ["FM001", "FM004"]
    assert data["config"]["links"]["per-host"] == 4
    assert data["enabled"] == ["FM001", "FM004"]


def test_config_reports_errors_too(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "newslint.toml").write_text("[rules.nope]\n", encoding="utf-8")
    code, _, err = run(["config"], capsys)
    assert code == 2 and err.startswith("newslint: error: newslint.toml: rules.nope: unknown rule")


def test_init_writes_a_starter_that_parses(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["init"], capsys)
    assert (code, out) == (0, "Wrote newslint.toml.\n")
    text = (site / "newslint.toml").read_text(encoding="utf-8")
    assert text.startswith("# newslint configuration.")
    assert '# timezone = "' in text and "[rules.required-field]" in text
    code, out, _ = run(["config", "--output-format", "json"], capsys)
    assert code == 0 and json.loads(out)["path"] == "newslint.toml"


@pytest.mark.parametrize(
    ("theme", "line"),
    [("mainroad", '["hugo", "news", "mainroad"]'), ("ananke", '["hugo", "news"]')],
)
def test_init_writes_the_presets_the_site_has_on(
    site: Path, capsys: pytest.CaptureFixture[str], theme: str, line: str
) -> None:
    (site / "hugo.toml").write_text(f'theme = "{theme}"\n', encoding="utf-8")
    assert run(["init"], capsys)[0] == 0
    text = (site / "newslint.toml").read_text(encoding="utf-8")
    (site / "newslint.toml").write_text(text.replace("# presets = ", "presets = "), "utf-8")
    assert f"\npresets = {line}\n" in (site / "newslint.toml").read_text(encoding="utf-8")
    before = run(["config", "--output-format", "json"], capsys)[1]
    (site / "newslint.toml").write_text(text, encoding="utf-8")
    after = run(["config", "--output-format", "json"], capsys)[1]
    # Uncommented, the line turns on exactly the rules the site had on.
    assert json.loads(before)["enabled"] == json.loads(after)["enabled"]


def test_init_refuses_to_overwrite(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "newslint.toml").write_text("# mine\n", encoding="utf-8")
    code, _, err = run(["init"], capsys)
    assert code == 2
    assert err == "newslint: error: newslint.toml already exists; not overwritten\n"
    assert (site / "newslint.toml").read_text(encoding="utf-8") == "# mine\n"
    code, _, err = run(["init", ".newslint.toml"], capsys)
    assert code == 2
    assert (
        err
        == "newslint: error: newslint.toml already configures newslint here; not writing .newslint.toml\n"
    )


def test_init_writes_only_toml_files(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["init", "newslint.yaml"], capsys)
    assert (code, err) == (
        2,
        "newslint: error: newslint.yaml: newslint's configuration is TOML; name the file *.toml"
        " (newslint.toml, .newslint.toml and pyproject.toml are found by themselves)\n",
    )
    assert not (site / "newslint.yaml").exists()
    assert run(["init", "house.toml"], capsys)[:2] == (0, "Wrote house.toml.\n")


def test_init_into_pyproject(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "pyproject.toml").write_text('[project]\nname = "site"\n', encoding="utf-8")
    code, out, _ = run(["init", "pyproject.toml"], capsys)
    assert (code, out) == (0, "Added a [tool.newslint] section to pyproject.toml.\n")
    text = (site / "pyproject.toml").read_text(encoding="utf-8")
    assert text.startswith('[project]\nname = "site"\n\n[tool.newslint]\n')
    assert "[tool.newslint.links]" in text
    assert config_path(capsys) == "pyproject.toml"
    code, _, err = run(["init", "pyproject.toml"], capsys)
    assert code == 2
    assert (
        err
        == "newslint: error: pyproject.toml already has a [tool.newslint] section; not changed\n"
    )


# ------------------------------------------------ paths in the configuration: from its own folder


def test_per_file_ignores_and_exclude_hold_in_a_subdirectory(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (site / "content" / "c.md").write_text(NO_SUMMARY, encoding="utf-8")
    (site / "newslint.toml").write_text(
        f'select = {SELECT}\nexclude = ["content/c.md"]\n'
        '[per-file-ignores]\n"content/archive/**" = ["FM004"]\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(site / "content")
    code, out, _ = run(["check", ".", "--output-format", "json", "--no-cache"], capsys)
    assert (code, codes(out)) == (1, [("a.md", "FM004")])
    code, out, _ = run(["check", "archive/b.md", "--output-format", "json", "--no-cache"], capsys)
    assert (code, codes(out)) == (0, [])


def test_force_exclude_applies_exclude_to_files_named_on_the_command_line(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # As in ruff: a file named on the command line is linted even when excluded, unless
    # --force-exclude (which the pre-commit hooks pass: pre-commit names every staged file).
    (site / "newslint.toml").write_text(
        f'select = {SELECT}\nexclude = ["content/archive/**"]\n', encoding="utf-8"
    )
    named = ["check", "content/a.md", "content/archive/b.md", "--output-format", "json"]
    code, out, _ = run([*named, "--no-cache"], capsys)
    assert (code, codes(out)) == (1, [("content/a.md", "FM004"), ("content/archive/b.md", "FM004")])
    code, out, _ = run([*named, "--no-cache", "--force-exclude"], capsys)
    assert (code, codes(out)) == (1, [("content/a.md", "FM004")])
    code, out, err = run([*named, "--force-exclude", "--exclude", "content/*.md"], capsys)
    assert (code, codes(out)) == (0, [])
    assert err == "newslint: warning: no Markdown files to lint (all excluded or none found)\n"


def test_plugin_directory_is_relative_to_the_configuration_file(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (site / "house_rules_cfg").mkdir()
    (site / "house_rules_cfg" / "house_style_cfg.py").write_text(
        '"""Every article is reported."""\n\nfrom newslint import Rule\n\n\n'
        "class HouseStyle(Rule):\n"
        '    code = "HS001"\n    name = "house-style"\n    messages = {"always": "house style"}\n',
        encoding="utf-8",
    )
    (site / "newslint.toml").write_text(
        'plugins = ["house_rules_cfg"]\nselect = ["HS001", "FM004"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(site / "content")
    code, out, err = run(["check", "a.md", "--output-format", "json", "--no-cache"], capsys)
    assert (code, codes(out), err) == (1, [("a.md", "FM004")], "")


# ------------------------------------------------------ selection, resolved as ruff resolves it
# As in ruff, within one source the more specific selector wins (ignore wins a tie); the command line
# is a later source than the file, and its `--select` replaces the file's select and ignore.

SELECTION = [
    # (newslint.toml, command line, codes reported for content/a.md)
    ('select = ["FM004"]\nignore = ["FM"]\n', [], ["FM004"]),
    ('select = ["FM"]\nignore = ["FM004"]\n', [], []),
    (
        'select = ["ALL"]\nignore = ["FM", "LK"]\nextend-select = ["required-field"]\n',
        [],
        ["FM004"],
    ),
    ('select = ["FM004"]\nignore = ["required-field"]\n', [], []),
    ('select = ["FM004", "LK001"]\nignore = ["ALL"]\n', [], ["FM004", "LK001"]),
    ('ignore = ["FM004"]\n', ["--select", "FM004"], ["FM004"]),
    ('select = ["LK001"]\nignore = ["FM"]\n', ["--extend-select", "FM004"], ["FM004", "LK001"]),
    ('select = ["FM004", "LK001"]\n', ["--ignore", "LK"], ["FM004"]),
    ('select = ["FM004", "LK001"]\n', ["--select", "FM,LK", "--ignore", "FM"], ["LK001"]),
    ("", ["--select", "LK001", "--ignore", "LK"], ["LK001"]),
]


@pytest.mark.parametrize(("toml", "flags", "expected"), SELECTION)
def test_selection_precedence_follows_ruff(
    site: Path, capsys: pytest.CaptureFixture[str], toml: str, flags: list[str], expected: list[str]
) -> None:
    (site / "newslint.toml").write_text(toml, encoding="utf-8")
    code, out, err = run(
        ["check", "content/a.md", "--output-format", "json", "--no-cache", *flags], capsys
    )
    assert (code, err) == (1 if expected else 0, "")
    assert codes(out) == [("content/a.md", c) for c in expected]


# ------------------------------------------- file patterns (per-file-ignores, exclude), as ruff's
# A pattern is matched against the file's name and against its path from the configuration
# file's folder; `**/` also matches no folder, `{a,b}` is either, and in per-file-ignores an
# initial `!` negates the pattern.

A, B = ("content/a.md", "FM004"), ("content/archive/b.md", "FM004")
PER_FILE_IGNORES = [
    ('"!content/archive/**"', [B]),
    ('"./content/archive/**"', [A]),
    ('"content/{drafts,archive}/*.md"', [A]),
    ('"**/archive/*.md"', [A]),
    ('"content/**/a.md"', [B]),
    ('"b.md"', [A]),
    ('"archive/**"', [A, B]),  # from the configuration's folder: there is no archive/ there
    ('"Content/archive/**"', [A, B]),  # paths are case-sensitive (on a case-sensitive system)
    ('"content/[ab].md"', [B]),
    ('"content/arch[!x]ve/**"', [A]),
    ('"content/[[]archive]/**"', [A, B]),  # `[[]` is a literal `[`: no folder is named so
]


@pytest.mark.parametrize(
    ("pattern", "expected"), PER_FILE_IGNORES, ids=[p[0] for p in PER_FILE_IGNORES]
)
def test_per_file_ignores_patterns(
    site: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    pattern: str,
    expected: list[tuple[str, str]],
) -> None:
    config = f'select = ["FM004"]\n[per-file-ignores]\n{pattern} = ["FM004"]\n'
    _check_from_root_and_subfolder(site, capsys, monkeypatch, config, expected)


def _check_from_root_and_subfolder(
    site: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    config: str,
    expected: list[tuple[str, str]],
) -> None:
    (site / "newslint.toml").write_text(config, encoding="utf-8")
    code, out, err = run(["check", "content", "--output-format", "json", "--no-cache"], capsys)
    assert (code, codes(out), err) == (1, expected, "")
    # The same from a subfolder: the patterns are the configuration's, not the working directory's.
    monkeypatch.chdir(site / "content")
    code, out, err = run(["check", ".", "--output-format", "json", "--no-cache"], capsys)
    moved = [(path.removeprefix("content/"), rule) for path, rule in expected]
    assert (code, codes(out), err) == (1, moved, "")


EXCLUDE = [
    ('"./content/archive/**"', [A]),
    ('"content/{drafts,archive}/**"', [A]),
    ('"**/archive"', [A]),
    ('"content/**/a.md"', [B]),
    ('"archive/**"', [A, B]),
]


@pytest.mark.parametrize(("pattern", "expected"), EXCLUDE, ids=[p[0] for p in EXCLUDE])
def test_exclude_patterns(
    site: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    pattern: str,
    expected: list[tuple[str, str]],
) -> None:
    config = f'select = ["FM004"]\nexclude = [{pattern}]\n'
    _check_from_root_and_subfolder(site, capsys, monkeypatch, config, expected)


# ------------------------------------------------ discovery: the configuration nearest the files


def test_the_configuration_nearest_the_linted_files_is_used(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # As in ruff: the closest configuration to the files, not only to the working directory.
    (site / "newslint.toml").write_text('select = ["FM004"]\n', encoding="utf-8")
    (site / "other" / "content").mkdir(parents=True)
    (site / "other" / "content" / "c.md").write_text(NO_SUMMARY, encoding="utf-8")
    (site / "other" / "newslint.toml").write_text('select = ["LK001"]\n', encoding="utf-8")
    code, out, err = run(
        ["check", "other/content", "--output-format", "json", "--no-cache"], capsys
    )
    assert (code, codes(out), err) == (1, [("other/content/c.md", "LK001")], "")
    # Files under two configurations: the working directory's, with a warning naming both.
    named = ["content/a.md", "other/content/c.md"]
    code, out, err = run(["check", *named, "--output-format", "json", "--no-cache"], capsys)
    assert (code, codes(out)) == (1, [("content/a.md", "FM004"), ("other/content/c.md", "FM004")])
    assert err == (
        "newslint: warning: the files are configured by different files (newslint.toml,"
        " other/newslint.toml); using newslint.toml for all (lint each project on its own)\n"
    )


def test_files_outside_the_working_directory_use_their_configuration(
    site: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    (site / "newslint.toml").write_text('select = ["FM004"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    named = str(site / "content" / "a.md")
    code, out, err = run(["check", named, "--output-format", "json", "--no-cache"], capsys)
    assert (code, codes(out), err) == (1, [(Path(named).as_posix(), "FM004")], "")


def test_a_pyproject_with_a_broken_newslint_section_is_not_passed_over(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "newslint.toml").write_text('select = ["FM004"]\n', encoding="utf-8")
    (site / "content" / "pyproject.toml").write_bytes(
        b'[tool.newslint]\nselect = ["LK001"]\n# caf\xe9\n'
    )
    code, out, err = run(["check", "content/a.md"], capsys)
    assert (code, out) == (2, "")
    assert err == (
        "newslint: error: content/pyproject.toml: not UTF-8: byte 0xe9 on line 3 cannot be"
        " decoded\n"
    )


def test_init_refuses_a_second_configuration_in_the_same_folder(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # newslint.toml would shadow the [tool.newslint] already there, and the other way round.
    (site / "pyproject.toml").write_text('[tool.newslint]\nselect = ["FM004"]\n', encoding="utf-8")
    code, _, err = run(["init"], capsys)
    assert (code, err) == (
        2,
        "newslint: error: pyproject.toml already configures newslint here; not writing"
        " newslint.toml\n",
    )
    assert not (site / "newslint.toml").exists()
    (site / "pyproject.toml").write_text('[project]\nname = "site"\n', encoding="utf-8")
    (site / ".newslint.toml").write_text('select = ["FM004"]\n', encoding="utf-8")
    code, _, err = run(["init", "pyproject.toml"], capsys)
    assert (code, err) == (
        2,
        "newslint: error: .newslint.toml already configures newslint here; not adding"
        " [tool.newslint] to pyproject.toml\n",
    )
    assert (site / "pyproject.toml").read_text(encoding="utf-8") == '[project]\nname = "site"\n'


# ------------------------------------------------------------ --config KEY = VALUE, as in ruff


def test_inline_config_overrides_the_file(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "newslint.toml").write_text(
        'select = ["FM004", "LK001"]\n[rules.required-field]\nseverity = "warning"\n',
        encoding="utf-8",
    )
    args = ["check", "content/a.md", "--output-format", "json", "--no-cache"]
    code, out, err = run([*args, "--config", 'select = ["LK001"]'], capsys)
    assert (code, codes(out), err) == (1, [("content/a.md", "LK001")], "")
    # Tables merge key by key; repeated --config add up; with a file, the file is read first.
    (site / "other.toml").write_text('select = ["FM004"]\n', encoding="utf-8")
    overrides = [
        "--config",
        "rules.required-field.fields = ['title']",
        "--config",
        "fail-on='info'",
    ]
    code, out, err = run([*args, "--config", "other.toml", *overrides], capsys)
    assert (code, codes(out), err) == (0, [], "")
    code, out, err = run(["config", "--output-format", "json", *overrides], capsys)
    data = json.loads(out)
    assert (code, data["path"], data["config"]["fail-on"]) == (0, "newslint.toml", "info")
    assert data["config"]["rules"] == {
        "required-field": {"severity": "warning", "fields": ["title"]}
    }


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('excude = ["x"]', "--config: unknown key 'excude' (did you mean 'exclude'?)"),
        ("fail-on = 3", "--config: fail-on: expected one of 'error', 'warning', 'info', got 3"),
        ("select = [", "--config 'select = [': not a file, and not valid TOML: "),
        ("other.toml", "newslint: error: --config: one configuration file at most: "),
    ],
)
def test_inline_config_errors(
    site: Path, capsys: pytest.CaptureFixture[str], value: str, message: str
) -> None:
    (site / "other.toml").write_text('select = ["FM004"]\n', encoding="utf-8")
    (site / "newslint.toml").write_text('select = ["FM004"]\n', encoding="utf-8")
    extra = ["--config", "newslint.toml"] if value == "other.toml" else []
    code, out, err = run(["check", "content", *extra, "--config", value], capsys)
    assert (code, out) == (2, "")
    assert err.startswith(
        message if message.startswith("newslint") else f"newslint: error: {message}"
    )


def test_an_unreadable_pyproject_is_reported_not_passed_over(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # It may hold [tool.newslint]: passing over it would silently mean a parent's or no
    # configuration. (Simulated: the tests may run as root, who reads every file.)
    (site / "pyproject.toml").write_text('[tool.newslint]\nselect = ["FM004"]\n', encoding="utf-8")
    real_bytes, real_text = Path.read_bytes, Path.read_text

    def denied(path: Path) -> None:
        if path.name == "pyproject.toml":
            raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(Path, "read_bytes", lambda self: denied(self) or real_bytes(self))
    monkeypatch.setattr(
        Path, "read_text", lambda self, *a, **k: denied(self) or real_text(self, *a, **k)
    )
    code, out, err = run(["check", "content"], capsys)
    assert (code, out, err) == (
        2,
        "",
        "newslint: error: pyproject.toml: cannot read: Permission denied\n",
    )


def test_isolated_reads_no_file_but_takes_inline_settings(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "newslint.toml").write_text('select = ["LK001"]\n', encoding="utf-8")
    args = ["check", "content/a.md", "--output-format", "json", "--no-cache", "--isolated"]
    code, out, err = run([*args, "--config", "select = ['FM004']"], capsys)
    assert (code, codes(out), err) == (1, [("content/a.md", "FM004")], "")
    code, out, err = run([*args, "--config", "newslint.toml"], capsys)
    assert (code, out, err) == (
        2,
        "",
        "newslint: error: --config newslint.toml: a configuration file cannot go with --isolated\n",
    )


OVERRIDES = [
    'exclude = ["archive/b.md"]',
    'extend-exclude = ["archive/b.md"]',
    'per-file-ignores = {"archive/b.md" = ["FM004"]}',
]


@pytest.mark.parametrize("override", OVERRIDES)
def test_a_config_override_pattern_is_from_the_working_directory(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], override: str
) -> None:
    """As ruff 0.17 reads `--config 'extend-exclude = ["x/a.py"]'` (checked with the binary, run
    in a subfolder of the configuration's): from the working directory, as `--exclude` is.
    Run in `content/`, `archive/b.md` is `content/archive/b.md`."""
    (site / "newslint.toml").write_text(f"select = {SELECT}\n", encoding="utf-8")
    monkeypatch.chdir(site / "content")
    for args in (["--config", override], ["--exclude", "archive/b.md"]):
        code, out, err = run(["check", *args, "--output-format", "json", "."], capsys)
        assert (code, codes(out), err) == (1, [("a.md", "FM004")], "")


@pytest.mark.parametrize("override", OVERRIDES)
def test_the_same_pattern_in_the_file_is_from_its_folder(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], override: str
) -> None:
    """In `newslint.toml` at the site's root, `archive/b.md` names no file (it is
    `content/archive/b.md`), wherever the run starts."""
    (site / "newslint.toml").write_text(f"select = {SELECT}\n{override}\n", encoding="utf-8")
    monkeypatch.chdir(site / "content")
    code, out, err = run(["check", "--output-format", "json", "."], capsys)
    assert (code, codes(out), err) == (1, [("a.md", "FM004"), ("archive/b.md", "FM004")], "")


def test_a_config_override_include_is_from_the_working_directory(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "newslint.toml").write_text(f"select = {SELECT}\n", encoding="utf-8")
    monkeypatch.chdir(site / "content")
    args = ["check", "--config", 'include = ["archive/*.md"]', "--output-format", "json"]
    code, out, err = run(args, capsys)
    assert (code, codes(out), err) == (1, [("archive/b.md", "FM004")], "")


def test_a_negated_override_pattern_keeps_its_mark(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newslint.config import override_pattern

    monkeypatch.chdir(tmp_path)
    assert override_pattern("!archive/*.md") == f"!{tmp_path.as_posix()}/archive/*.md"
    assert override_pattern("*.md") == "*.md"  # a name matches anywhere, from any folder
