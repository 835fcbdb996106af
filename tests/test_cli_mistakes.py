"""Common command-line mistakes: the error names the culprit and the command, suggests the close
match (as ruff does: "a similar argument exists"), and exits 2 without running anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.cli import main


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: A\n---\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)


def error_of(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """The last line on stderr (argparse prints the usage before it); the run must exit 2 and
    print nothing on stdout."""
    code = main(args)
    out = capsys.readouterr()
    assert (code, out.out) == (2, "")
    return out.err.strip().splitlines()[-1]


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ["check", "--selet", "DT", "a.md"],
            "newslint check: error: unrecognized arguments: --selet (did you mean '--select'?)",
        ),
        (
            ["check", "--selet=DT", "a.md"],
            "newslint check: error: unrecognized arguments: --selet=DT (did you mean '--select'?)",
        ),
        (
            ["fix", "--unsafe-fix", "a.md"],
            "newslint fix: error: unrecognized arguments: --unsafe-fix"
            " (did you mean '--unsafe-fixes'?)",
        ),
        (
            ["rules", "--output-fromat", "json"],
            "newslint rules: error: unrecognized arguments: --output-fromat json"
            " (did you mean '--output-format'?)",
        ),
        (["check", "--zzz", "a.md"], "newslint check: error: unrecognized arguments: --zzz"),
    ],
)
def test_an_unknown_option_names_its_command_and_the_close_match(
    args: list[str], error: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert error_of(args, capsys) == error


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ["check", "--output-format", "jsn", "a.md"],
            "newslint check: error: argument --output-format: invalid choice: 'jsn' (choose from"
            " 'full', 'concise', 'grouped', 'json', 'json-lines', 'github', 'sarif', 'junit',"
            " 'gitlab')"
            " (did you mean 'json'?)",
        ),
        (
            ["check", "--fail-on", "errors", "a.md"],
            "newslint check: error: argument --fail-on: invalid choice: 'errors' (choose from"
            " 'error', 'warning', 'info') (did you mean 'error'?)",
        ),
        (
            ["fix", "--color", "allways", "a.md"],
            "newslint fix: error: argument --color: invalid choice: 'allways' (choose from"
            " 'auto', 'always', 'never') (did you mean 'always'?)",
        ),
        (
            ["chek", "a.md"],
            "newslint: error: argument COMMAND: invalid choice: 'chek' (choose from 'check',"
            " 'watch', 'fix', 'rules', 'rule', 'config', 'init', 'server') (did you mean 'check'?)",
        ),
        (
            ["check", "--fail-on", "zzz", "a.md"],
            "newslint check: error: argument --fail-on: invalid choice: 'zzz' (choose from"
            " 'error', 'warning', 'info')",
        ),
    ],
)
def test_an_invalid_choice_suggests_the_close_one(
    args: list[str], error: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert error_of(args, capsys) == error


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--stat", "a.md"],  # --statistics
        ["check", "--out", "x.txt", "a.md"],  # --output or --output-format
        ["fix", "--unsafe", "a.md"],  # --unsafe-fixes
        ["fix", "--exit-non", "a.md"],  # --exit-non-zero-on-fix
    ],
)
def test_an_abbreviated_option_is_no_option(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """As in ruff, an option is taken only as written: an abbreviation that argparse would
    complete today stops meaning that option (or fails as ambiguous) once a longer option
    with the same start is added, and `fix --unsafe` must not silently apply unsafe fixes."""
    assert "unrecognized arguments: " + args[1] in error_of(args, capsys)
    assert not Path("x.txt").exists()


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ["check", "--ignore", "NL003", "a.md"],
            "newslint: error: --ignore: unknown rule or prefix 'NL003' (file-too-large, NL003, is"
            " reported by newslint itself, not by a rule, whatever is selected: exclude the file"
            " or raise max-file-size)",
        ),
        (
            ["check", "--select", "unreadable-file", "a.md"],
            "newslint: error: --select: unknown rule or prefix 'unreadable-file' (unreadable-file,"
            " NL002, is reported by newslint itself, not by a rule, whatever is selected: exclude"
            " the file)",
        ),
        (
            ["check", "--config", 'per-file-ignores = { "big/**" = ["nl003"] }', "a.md"],
            'newslint: error: --config: per-file-ignores."big/**"[0]: unknown rule or prefix'
            " 'nl003' (file-too-large, NL003, is reported by newslint itself, not by a rule,"
            " whatever is selected: exclude the file or raise max-file-size)",
        ),
        (
            ["rule", "NL003"],
            "newslint: error: no rule 'NL003' (file-too-large, NL003, is reported by newslint"
            " itself, not by a rule, whatever is selected: exclude the file or raise"
            " max-file-size)",
        ),
        (
            ["rule", "internal-error"],
            "newslint: error: no rule 'internal-error' (internal-error, NL000, is reported by"
            " newslint itself, not by a rule, whatever is selected: a rule crashed, which is a"
            " bug to report)",
        ),
    ],
)
def test_what_newslint_itself_reports_is_named_as_no_rule(
    args: list[str], error: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The codes newslint prints for a file it could not lint (NL002, NL003) or a crash (NL000)
    are no rules: a selector naming one says so, instead of proposing another rule."""
    assert error_of(args, capsys) == error


@pytest.mark.parametrize(
    ("args", "error"),
    [
        # ruff's `check --fix` and `--watch` are commands here.
        (["check", "--fix", "a.md"], "unrecognized arguments: --fix (use `newslint fix`)"),
        (["check", "--watch", "a.md"], "unrecognized arguments: --watch (use `newslint watch`)"),
        (
            ["check", "--diff", "a.md"],
            "unrecognized arguments: --diff (an option of `newslint fix`)",
        ),
        (
            ["check", "--unsafe-fixes", "a.md"],
            "unrecognized arguments: --unsafe-fixes (an option of `newslint fix`)",
        ),
        (
            ["check", "--exit-non-zero-on-fix", "a.md"],
            "unrecognized arguments: --exit-non-zero-on-fix (an option of `newslint fix`)",
        ),
        (
            ["fix", "--baseline", "b.json", "a.md"],
            "unrecognized arguments: --baseline (an option of `newslint check`)",
        ),
        (
            ["watch", "--exit-zero", "a.md"],
            "unrecognized arguments: --exit-zero (an option of `newslint check` and `newslint fix`)",
        ),
        (
            ["rules", "--select=DT"],
            "unrecognized arguments: --select=DT (an option of `newslint check`, `newslint watch`"
            " and `newslint fix`)",
        ),
    ],
)
def test_an_option_of_another_command_says_which(
    args: list[str], error: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rather than a far-fetched "did you mean '--config'?" for ruff's `check --fix`."""
    assert error_of(args, capsys) == f"newslint {args[0]}: error: {error}"


@pytest.mark.parametrize(
    ("selector", "hint"),
    [("DT001X", " (did you mean 'DT001'?)"), ("dt0011", " (did you mean 'DT001'?)")],
)
def test_a_code_with_a_character_too_many_suggests_the_code(
    selector: str, hint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    error = error_of(["check", "--select", selector, "a.md"], capsys)
    assert error == f"newslint: error: --select: unknown rule or prefix {selector!r}{hint}"


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ["check", "--select", "D", "a.md"],
            "--select: unknown rule or prefix 'D' (a prefix is at least the two letters of a"
            " group: DT)",
        ),
        (
            ["check", "--ignore", "t", "a.md"],
            "--ignore: unknown rule or prefix 't' (a prefix is at least the two letters of a"
            " group: TH, TX)",
        ),
        (
            ["check", "--config", 'extend-select = ["E"]', "a.md"],
            "--config: extend-select[0]: unknown rule or prefix 'E' (a prefix is at least the two"
            " letters of a group: EN)",
        ),
        (["check", "--select", "Z", "a.md"], "--select: unknown rule or prefix 'Z'"),
    ],
)
def test_a_one_letter_prefix_is_a_usage_error_naming_the_groups(
    args: list[str], error: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """DESIGN: a prefix (`DT`) selects a group; one letter is no group (ruff's one-letter
    selectors are linters' names, which newslint has none of), so it stops the run (exit 2)
    and names the groups that begin with it."""
    assert error_of(args, capsys) == f"newslint: error: {error}"


@pytest.mark.parametrize(
    ("setting", "error"),
    [
        ("links.accept = [200, 4030]", "links.accept: 4030 is not an HTTP status (100 to 999)"),
        ("links.accept = [99]", "links.accept: 99 is not an HTTP status (100 to 999)"),
        ("links.retries = -1", "links.retries: must be at least 0, not -1"),
        ("links.backoff = -0.5", "links.backoff: must be at least 0 seconds, not -0.5"),
        ("links.max-wait = -3", "links.max-wait: must be at least 0 seconds, not -3"),
    ],
)
def test_a_links_value_out_of_range_is_an_error(
    setting: str, error: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not silently clamped or kept (an `accept` of 4030 would never match): the README's
    "a mistake stops the run with exit code 2 and names the file and the key"."""
    got = error_of(["check", "--config", setting, "a.md"], capsys)
    assert got == f"newslint: error: --config: {error}"


def test_rule_with_a_prefix_lists_the_rules_it_selects(capsys: pytest.CaptureFixture[str]) -> None:
    """`newslint rule DT`: a prefix selects a group (`--select DT`) but documents no one rule."""
    assert error_of(["rule", "dt"], capsys) == (
        "newslint: error: no rule 'dt' (a prefix of DT001 date-format, DT002 date-invalid,"
        " DT003 date-future, DT004 date-order: name one)"
    )


def test_rules_keeps_its_columns_with_a_plugin_of_a_long_origin(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A plugin's origin (its file) is longer than `builtin`: the summaries stay in a column."""
    plugin = Path(__file__).parent / "plugin_example" / "newsroom_rules"
    assert main(["rules", "--rules-dir", str(plugin)]) == 0
    header, *rows = capsys.readouterr().out.splitlines()
    start = header.index("summary")
    plugin_row = next(row for row in rows if row.startswith("NR001"))
    assert plugin_row[start:] == "Source link is not on the newsroom's allow-list."
    assert all(row[start - 1] == " " and row[start] != " " for row in rows)


@pytest.mark.parametrize("selector", ["html-entity", "HTML-ENTITY", "Html-Entity", "tx003"])
def test_a_rule_name_selects_in_any_case_as_a_code_does(selector: str) -> None:
    from newslint.engine import check_text

    found = check_text('---\ntitle: "Rain&#39;s"\n---\nBody.\n', select=[selector])
    assert [(d.code, d.line, d.column) for d in found] == [("TX003", 2, 13)]


EMPTY = " (an empty selector: as in ruff, an empty value does not stand for the default selection)"


@pytest.mark.parametrize(
    ("args", "flag"),
    [
        (["check", "--select", "", "a.md"], "--select"),
        (["check", "--select=", "a.md"], "--select"),
        (["fix", "--ignore", " ", "a.md"], "--ignore"),
        (["check", "--extend-select", " , ", "a.md"], "--extend-select"),
        (["check", "--select", "DT001", "--select", "", "a.md"], "--select"),
        (["check", "--config", 'select = [""]', "a.md"], "--config: select[0]"),
    ],
)
def test_an_empty_selector_is_a_usage_error(
    args: list[str], flag: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """ruff 0.17 exits 2 on `--select ""` ("Unknown rule selector `` in `select` from the CLI",
    astral-sh/ruff#3374), where newslint took it for the default selection. (A stray comma
    beside a selector, `--select DT001,`, which ruff rejects too, stays accepted: the contract
    test_peer_contract_o2 pins it.)"""
    assert error_of(args, capsys) == f"newslint: error: {flag}: unknown rule or prefix ''{EMPTY}"
