"""Peer acceptance tests (team D): the configuration a user's CI depends on, written from DESIGN.md,
the README and docs/ only, and run through the command line as a user runs it.

Each test builds a small project in a temporary folder, runs `newslint` there (in-process, through
`newslint.cli.main`, with the working directory changed) and asserts exactly what is reported, or
the exit code and the message of a configuration mistake. Selection is also checked through
`newslint config --output-format json`, whose `enabled` list is documented as "the codes of the
rules a run would enable".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.cli import main

PROSE = "The city council approved the budget for next year after a long debate on Tuesday."
SOURCE = "[Example News](https://example.com/news/budget)"


def article(
    title: str = "Council approves the new budget",
    date: str | None = "2024-03-01T10:00:00+00:00",
    summary: str | None = PROSE,
    extra: tuple[str, ...] = (),
    body: str = PROSE,
    source: bool = True,
) -> str:
    """A YAML article that every default rule accepts; the arguments put one defect in.

    Line 1 is `---`, line 2 the title, line 3 the date, line 4 the summary, then `extra`."""
    lines = ["---", f'title: "{title}"']
    if date is not None:
        lines.append(f"date: {date}")
    if summary is not None:
        lines.append(f'summary: "{summary}"')
    lines += [*extra, "---", "", body, ""]
    if source:
        lines += [SOURCE, ""]
    return "\n".join(lines)


CLEAN = article()
# One defect each, at a known place (line, column of the reported span).
SHOUTING = article(title="COUNCIL APPROVES THE NEW BUDGET")  # TX006 at 2:8
FUTURE = article(date="2099-03-01T10:00:00+00:00")  # DT003 at 3:7
SHORT = article(summary="Too short.")  # TX002 at 4:10
NO_SUMMARY = article(summary=None)  # FM004 at 1:1
NO_SOURCE = article(source=False)  # LK001 at 7:1
BAD_SIDEBAR = article(extra=('sidebar: "middle"',))  # TH001 at 5:10 when Mainroad is on


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def check(
    capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, list[tuple[str, str, int, int]]]:
    """`newslint check ARGS --output-format json --no-cache`: the exit code and, sorted, the
    (path, code, line, column) of every problem."""
    code, out, err = run(capsys, "check", *args, "--output-format", "json", "--no-cache")
    assert code in (0, 1), (code, err)
    found = sorted((d["path"], d["code"], d["line"], d["column"]) for d in json.loads(out))
    return code, found


def codes(capsys: pytest.CaptureFixture[str], *args: str) -> list[tuple[str, str]]:
    """The (path, code) of every problem `check ARGS` reports, sorted."""
    return sorted({(p, c) for p, c, _, _ in check(capsys, *args)[1]})


def effective(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    code, out, err = run(capsys, "config", "--output-format", "json", *args)
    assert code == 0, err
    result: dict = json.loads(out)
    return result


def error(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run `check ARGS`, demand exit code 2 and nothing on stdout; return stderr."""
    code, out, err = run(capsys, "check", *args, "--no-cache", "--output-format", "json")
    assert code == 2, (code, out, err)
    assert out.strip() in ("", "[]"), out
    return err


@pytest.fixture
def proj(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project folder (no Hugo site) as the working directory."""
    monkeypatch.chdir(tmp_path)
    for name in ("GITHUB_ACTIONS", "HUGO_ENVIRONMENT", "HUGO_ENV", "HUGO_THEME"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


# ------------------------------------------------------------------------- the article fixtures


def test_the_fixture_articles_carry_exactly_their_one_defect(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        proj,
        {
            "a/clean.md": CLEAN,
            "b/shout.md": SHOUTING,
            "c/future.md": FUTURE,
            "d/short.md": SHORT,
            "e/nosum.md": NO_SUMMARY,
            "f/nosrc.md": NO_SOURCE,
            "g/sidebar.md": BAD_SIDEBAR,
        },
    )
    # One file per call: the cross-file rules would compare the titles otherwise.
    assert check(capsys, "a/clean.md") == (0, [])
    assert check(capsys, "b/shout.md") == (0, [("b/shout.md", "TX006", 2, 8)])
    assert check(capsys, "c/future.md") == (0, [("c/future.md", "DT003", 3, 7)])
    assert check(capsys, "d/short.md") == (0, [("d/short.md", "TX002", 4, 10)])
    assert check(capsys, "e/nosum.md") == (1, [("e/nosum.md", "FM004", 1, 1)])
    assert check(capsys, "f/nosrc.md") == (1, [("f/nosrc.md", "LK001", 7, 1)])
    # No Hugo site, no `presets`: Mainroad is off, so its sidebar rule says nothing.
    assert check(capsys, "g/sidebar.md") == (0, [])


# ----------------------------------------------------------------------------------- discovery


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("newslint.toml", 'select = ["TX006"]\n'),
        (".newslint.toml", 'select = ["TX006"]\n'),
        ("pyproject.toml", '[project]\nname = "site"\n\n[tool.newslint]\nselect = ["TX006"]\n'),
    ],
)
def test_each_documented_configuration_file_is_read(
    proj: Path, capsys: pytest.CaptureFixture[str], name: str, text: str
) -> None:
    write(proj, {name: text, "x.md": article(title="COUNCIL APPROVES BUDGET", summary=None)})
    assert check(capsys, "x.md") == (0, [("x.md", "TX006", 2, 8)])
    assert effective(capsys)["path"] == name


def test_newslint_toml_then_dot_newslint_toml_then_pyproject_in_one_folder(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        proj,
        {
            "newslint.toml": 'select = ["TX006"]\n',
            ".newslint.toml": 'select = ["DT003"]\n',
            "pyproject.toml": '[tool.newslint]\nselect = ["TX002"]\n',
        },
    )
    assert effective(capsys)["path"] == "newslint.toml"
    (proj / "newslint.toml").unlink()
    assert effective(capsys)["path"] == ".newslint.toml"
    (proj / ".newslint.toml").unlink()
    assert effective(capsys)["path"] == "pyproject.toml"
    assert effective(capsys)["enabled"] == ["TX002"]


def test_a_pyproject_without_the_section_is_passed_over_for_the_parent_folder(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        proj,
        {
            "newslint.toml": 'select = ["TX006"]\n',
            "site/pyproject.toml": '[project]\nname = "site"\n\n[tool.ruff]\nline-length = 90\n',
            "site/x.md": SHOUTING,
        },
    )
    monkeypatch.chdir(proj / "site")
    assert Path(effective(capsys)["path"]).resolve() == (proj / "newslint.toml").resolve()
    assert check(capsys, "x.md") == (0, [("x.md", "TX006", 2, 8)])


def test_the_configuration_is_found_upward_from_the_working_directory(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(proj, {"newslint.toml": 'ignore = ["TX006"]\n', "a/b/x.md": SHOUTING})
    monkeypatch.chdir(proj / "a" / "b")
    assert check(capsys, "x.md") == (0, [])


def test_the_configuration_nearest_the_linted_files_wins_over_the_working_directory(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # As in ruff: a sub-project's own configuration governs its files, wherever the run starts.
    write(
        proj,
        {
            "newslint.toml": 'select = ["DT003"]\n',
            "sub/newslint.toml": 'select = ["TX006"]\n',
            "sub/x.md": article(title="COUNCIL APPROVES BUDGET", date="2099-01-01T00:00:00Z"),
        },
    )
    assert check(capsys, "sub/x.md") == (0, [("sub/x.md", "TX006", 2, 8)])
    assert check(capsys, "sub") == (0, [("sub/x.md", "TX006", 2, 8)])


def test_files_under_two_configurations_get_the_working_directory_s_with_a_warning(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        proj,
        {
            "newslint.toml": 'select = ["DT003"]\n',
            "a/newslint.toml": 'select = ["TX006"]\n',
            "b/newslint.toml": 'select = ["TX002"]\n',
            "a/x.md": article(title="COUNCIL APPROVES BUDGET", date="2099-01-01T00:00:00Z"),
            "b/y.md": article(title="Other", summary="Too short.", date="2099-01-01T00:00:00Z"),
        },
    )
    code, out, err = run(
        capsys, "check", "a/x.md", "b/y.md", "--no-cache", "--output-format", "json"
    )
    assert code == 0
    assert sorted((d["path"], d["code"]) for d in json.loads(out)) == [
        ("a/x.md", "DT003"),
        ("b/y.md", "DT003"),
    ]
    assert "warning" in err.lower() and "newslint.toml" in err


def test_files_outside_the_working_directory_use_their_own_configuration(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(proj, {"elsewhere/newslint.toml": 'select = ["TX006"]\n', "elsewhere/x.md": SHOUTING})
    (proj / "cwd").mkdir()
    monkeypatch.chdir(proj / "cwd")
    target = str(proj / "elsewhere" / "x.md")
    code, out, _ = run(capsys, "check", target, "--no-cache", "--output-format", "json")
    assert code == 0
    assert [d["code"] for d in json.loads(out)] == ["TX006"]


def test_config_file_flag_skips_discovery_and_its_globs_are_relative_to_it(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        proj,
        {
            "newslint.toml": 'select = ["DT003"]\n',
            "conf/other.toml": 'select = ["TX006"]\nexclude = ["skip/**"]\n',
            "conf/skip/x.md": SHOUTING,
            "conf/keep/y.md": article(title="SHOUTING TITLE HERE"),
            "skip/z.md": article(title="ANOTHER LOUD TITLE"),
        },
    )
    assert codes(capsys, ".", "--config", "conf/other.toml") == [
        ("conf/keep/y.md", "TX006"),
        ("skip/z.md", "TX006"),
    ]


def test_config_flag_naming_a_missing_file_exits_2(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(proj, {"x.md": CLEAN})
    err = error(capsys, "x.md", "--config", "nope.toml")
    assert "nope.toml" in err


def test_isolated_reads_no_file_not_even_a_broken_one(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(proj, {"newslint.toml": 'select = ["TX006"]\nselct = 3\n', "x.md": NO_SUMMARY})
    error(capsys, "x.md")
    assert check(capsys, "x.md", "--isolated") == (1, [("x.md", "FM004", 1, 1)])
    assert effective(capsys, "--isolated")["path"] is None


def test_isolated_still_takes_inline_settings(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(proj, {"newslint.toml": 'select = ["DT003"]\n', "x.md": SHOUTING})
    assert check(capsys, "x.md", "--isolated", "--config", 'select = ["TX006"]') == (
        0,
        [("x.md", "TX006", 2, 8)],
    )


def test_inline_settings_override_the_file_key_by_key(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        proj,
        {
            "newslint.toml": 'select = ["TX002"]\n\n[rules.summary-length]\nmin = 5\n',
            "x.md": SHORT,
        },
    )
    assert check(capsys, "x.md") == (0, [])
    assert check(capsys, "x.md", "--config", "rules.summary-length.min = 20") == (
        0,
        [("x.md", "TX002", 4, 10)],
    )
    # The override of one option leaves the file's other settings alone (select still applies).
    assert effective(capsys, "--config", "rules.summary-length.min = 20")["enabled"] == ["TX002"]


def test_an_inline_rule_option_overrides_the_file_however_either_spells_it(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The file configures the rule by code and its option in snake_case; `--config` names the
    # rule and the option as documented. That is one setting overridden, not two tables.
    write(
        proj,
        {
            "newslint.toml": "[rules.TX002]\nmin = 1\n[rules.language-mismatch]\nmin_units = 50\n",
            "x.md": SHORT,
        },
    )
    assert check(capsys, "x.md", "--select", "TX002") == (0, [])
    override = ["--config", "rules.summary-length.min = 20"]
    assert check(capsys, "x.md", "--select", "TX002", *override) == (0, [("x.md", "TX002", 4, 10)])
    assert effective(capsys, *override)["config"]["rules"]["TX002"] == {"min": 20}
    override = ["--config", "rules.language-mismatch.min-units = 4"]
    assert effective(capsys, *override)["config"]["rules"]["language-mismatch"] == {"min-units": 4}


def test_inline_setting_that_is_not_toml_exits_2(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(proj, {"x.md": CLEAN})
    err = error(capsys, "x.md", "--config", "select = [TX006")
    assert "select" in err


def test_a_newslint_toml_written_like_a_pyproject_is_an_error(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `newslint.toml` takes the keys at the top level; a copied `[tool.newslint]` table would
    # otherwise be silently ignored.
    write(proj, {"newslint.toml": '[tool.newslint]\nselect = ["TX006"]\n', "x.md": CLEAN})
    err = error(capsys, "x.md")
    assert "newslint.toml" in err and "tool" in err


def test_a_pyproject_with_a_broken_section_stops_the_run(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        proj,
        {
            "newslint.toml": 'select = ["TX006"]\n',  # in the parent: must not be fallen back to
            "site/pyproject.toml": '[tool.newslint]\nfail-on = "errors"\n',
            "site/x.md": CLEAN,
        },
    )
    err = error(capsys, "site/x.md")
    assert "pyproject.toml" in err and "fail-on" in err and "'error'" in err


def test_a_toml_syntax_error_in_the_configuration_exits_2_naming_the_file(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(proj, {"newslint.toml": 'select = ["TX006"\n', "x.md": CLEAN})
    assert "newslint.toml" in error(capsys, "x.md")


# ----------------------------------------------------------------------------------- selection


def enabled(capsys: pytest.CaptureFixture[str], config: str) -> list[str]:
    Path("newslint.toml").write_text(config, encoding="utf-8")
    result: list[str] = effective(capsys)["enabled"]
    return result


DT = ["DT001", "DT002", "DT003", "DT004"]


def test_select_by_prefix_code_and_name(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert enabled(capsys, 'select = ["DT"]\n') == DT
    assert enabled(capsys, 'select = ["DT003"]\n') == ["DT003"]
    assert enabled(capsys, 'select = ["date-future", "title-shouting"]\n') == ["DT003", "TX006"]
    assert enabled(capsys, 'select = ["DT00"]\n') == DT


def test_the_more_specific_selector_wins_and_ignore_wins_a_tie(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert enabled(capsys, 'select = ["DT001"]\nignore = ["DT"]\n') == ["DT001"]
    assert enabled(capsys, 'select = ["DT"]\nignore = ["DT001"]\n') == ["DT002", "DT003", "DT004"]
    assert enabled(capsys, 'select = ["DT"]\nignore = ["DT"]\n') == []
    assert enabled(capsys, 'select = ["date-format"]\nignore = ["DT001"]\n') == []
    # A name is as specific as its code.
    assert enabled(capsys, 'select = ["DT"]\nignore = ["date-format"]\n') == DT[1:]


def test_all_selects_every_default_rule(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    default = enabled(capsys, "")
    assert set(default) <= set(enabled(capsys, 'select = ["ALL"]\n'))
    assert "TX006" not in enabled(capsys, 'select = ["ALL"]\nignore = ["TX006"]\n')


def test_extend_select_in_the_file_adds_to_the_default_selection(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    default = enabled(capsys, "")
    assert enabled(capsys, 'extend-select = ["DT003"]\n') == default
    assert enabled(capsys, 'select = ["TX006"]\nextend-select = ["DT003"]\n') == ["DT003", "TX006"]


def test_command_line_select_replaces_the_file_s_select_and_ignore(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        proj,
        {
            "newslint.toml": 'select = ["TX"]\nignore = ["DT003", "TX006"]\n',
            "x.md": article(title="COUNCIL APPROVES BUDGET", date="2099-01-01T00:00:00Z"),
        },
    )
    assert codes(capsys, "x.md") == []
    assert codes(capsys, "x.md", "--select", "DT003,TX006") == [
        ("x.md", "DT003"),
        ("x.md", "TX006"),
    ]


def test_command_line_extend_select_and_ignore_adjust_the_file(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        proj,
        {
            "newslint.toml": 'select = ["TX006"]\n',
            "x.md": article(
                title="COUNCIL APPROVES BUDGET", date="2099-01-01T00:00:00Z", summary="Short."
            ),
        },
    )
    assert codes(capsys, "x.md") == [("x.md", "TX006")]
    assert codes(capsys, "x.md", "--extend-select", "DT003") == [
        ("x.md", "DT003"),
        ("x.md", "TX006"),
    ]
    assert codes(capsys, "x.md", "--extend-select", "DT003", "--ignore", "TX006") == [
        ("x.md", "DT003")
    ]
    # The command line's more specific selector beats its broader ignore, as in the file.
    assert codes(capsys, "x.md", "--select", "TX002,TX006", "--ignore", "TX") == [
        ("x.md", "TX002"),
        ("x.md", "TX006"),
    ]


def test_command_line_ignore_beats_the_file_s_more_specific_select(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "the command line comes after the file": its --ignore DT removes the file's DT003.
    write(
        proj,
        {
            "newslint.toml": 'select = ["DT003", "TX006"]\n',
            "x.md": article(title="COUNCIL APPROVES BUDGET", date="2099-01-01T00:00:00Z"),
        },
    )
    assert codes(capsys, "x.md", "--ignore", "DT") == [("x.md", "TX006")]


@pytest.mark.parametrize(
    ("config", "key"),
    [
        ('select = ["DT999"]\n', "select"),
        ('ignore = ["date-fromat"]\n', "ignore"),
        ('extend-select = ["QQ"]\n', "extend-select"),
    ],
)
def test_an_unknown_selector_in_the_file_exits_2_naming_the_key(
    proj: Path, capsys: pytest.CaptureFixture[str], config: str, key: str
) -> None:
    write(proj, {"newslint.toml": config, "x.md": CLEAN})
    err = error(capsys, "x.md")
    assert "newslint.toml" in err and key in err


def test_an_unknown_selector_on_the_command_line_exits_2(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(proj, {"x.md": CLEAN})
    assert "date-fromat" in error(capsys, "x.md", "--select", "date-fromat")


def test_a_selector_list_written_as_one_string_is_an_error_not_letters(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # select = "DT" must not become ["D", "T"] (or pass as a string): ruff rejects it too.
    write(proj, {"newslint.toml": 'select = "DT003"\n', "x.md": CLEAN})
    assert "select" in error(capsys, "x.md")


# ---------------------------------------------------------------------------- per-file-ignores


@pytest.mark.parametrize(
    ("pattern", "ignored"),
    [
        ("content/archive/**", ["content/archive/2019/old.md"]),
        ("old.md", ["content/archive/2019/old.md"]),  # a bare file name matches in any folder
        ("content/*.md", ["content/archive/2019/old.md", "content/news/new.md"]),  # * crosses /
        ("content/**/new.md", ["content/news/new.md"]),
        ("**/top.md", ["top.md"]),  # **/ matches no folder too
        ("content/{archive,news}/**", ["content/archive/2019/old.md", "content/news/new.md"]),
        ("!content/archive/**", ["content/news/new.md", "top.md"]),  # negated: the others
    ],
)
def test_per_file_ignores_patterns(
    proj: Path, capsys: pytest.CaptureFixture[str], pattern: str, ignored: list[str]
) -> None:
    files = ["content/archive/2019/old.md", "content/news/new.md", "top.md"]
    write(proj, {name: article(title=f"LOUD TITLE NUMBER {i}") for i, name in enumerate(files)})
    write(
        proj,
        {"newslint.toml": f'select = ["TX006"]\n[per-file-ignores]\n"{pattern}" = ["TX006"]\n'},
    )
    assert codes(capsys, ".") == [(name, "TX006") for name in files if name not in ignored]


def test_per_file_ignores_take_names_and_prefixes_and_hold_from_a_subfolder(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        proj,
        {
            "newslint.toml": (
                'select = ["TX006", "DT003"]\n[per-file-ignores]\n'
                '"content/archive/**" = ["title-shouting"]\n"content/news/**" = ["DT"]\n'
            ),
            "content/archive/a.md": article(
                title="LOUD TITLE NUMBER ONE", date="2099-01-01T00:00:00Z"
            ),
            "content/news/b.md": article(
                title="LOUD TITLE NUMBER TWO", date="2099-01-01T00:00:00Z"
            ),
        },
    )
    expected = [("content/archive/a.md", "DT003"), ("content/news/b.md", "TX006")]
    assert codes(capsys, ".") == expected
    # Patterns are relative to the configuration file, not to the working directory.
    monkeypatch.chdir(proj / "content")
    assert codes(capsys, ".") == [(p.removeprefix("content/"), c) for p, c in expected]


def test_per_file_ignores_with_an_unknown_rule_exits_2(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(proj, {"newslint.toml": '[per-file-ignores]\n"x.md" = ["DT009"]\n', "x.md": CLEAN})
    assert "DT009" in error(capsys, "x.md")


def test_per_file_ignores_value_must_be_a_list(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(proj, {"newslint.toml": '[per-file-ignores]\n"x.md" = "DT003"\n', "x.md": CLEAN})
    assert "per-file-ignores" in error(capsys, "x.md")


# ------------------------------------------------------------------------------ include/exclude


def test_exclude_skips_folders_of_a_walk_but_not_a_file_named_on_the_command_line(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        proj,
        {
            "newslint.toml": 'select = ["TX006"]\nexclude = ["content/drafts/**"]\n',
            "content/drafts/d.md": article(title="LOUD DRAFT TITLE HERE"),
            "content/news/n.md": article(title="LOUD NEWS TITLE HERE"),
        },
    )
    assert codes(capsys, ".") == [("content/news/n.md", "TX006")]
    # Named on the command line it is linted, as in ruff; --force-exclude applies exclude anyway.
    assert codes(capsys, "content/drafts/d.md") == [("content/drafts/d.md", "TX006")]
    assert codes(capsys, "content/drafts/d.md", "--force-exclude") == []


def test_exclude_from_the_command_line_adds_to_the_file(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        proj,
        {
            "newslint.toml": 'select = ["TX006"]\nexclude = ["a/**"]\n',
            "a/x.md": article(title="LOUD TITLE NUMBER A"),
            "b/y.md": article(title="LOUD TITLE NUMBER B"),
            "c/z.md": article(title="LOUD TITLE NUMBER C"),
        },
    )
    assert codes(capsys, ".", "--exclude", "b/**") == [("c/z.md", "TX006")]


def test_extend_exclude_adds_to_exclude_as_in_ruff(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Decision: ruff users write `extend-exclude`; newslint's `exclude` never drops the built-in
    # skips (.git, node_modules, ...), so `extend-exclude` simply adds patterns to it (same base).
    write(
        proj,
        {
            "newslint.toml": 'select = ["TX006"]\nexclude = ["a/**"]\nextend-exclude = ["b/**"]\n',
            "a/x.md": article(title="LOUD TITLE NUMBER A"),
            "b/y.md": article(title="LOUD TITLE NUMBER B"),
            "c/z.md": article(title="LOUD TITLE NUMBER C"),
        },
    )
    assert codes(capsys, ".") == [("c/z.md", "TX006")]
    write(proj, {"newslint.toml": 'select = ["TX006"]\nextend-exclude = ["a/**", "b/**"]\n'})
    assert codes(capsys, ".") == [("c/z.md", "TX006")]
    assert effective(capsys)["config"]["extend-exclude"] == ["a/**", "b/**"]


def test_include_limits_a_walk(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(
        proj,
        {
            "newslint.toml": 'select = ["TX006"]\ninclude = ["content/**/*.md"]\n',
            "content/a/x.md": article(title="LOUD TITLE NUMBER A"),
            "notes/y.md": article(title="LOUD TITLE NUMBER B"),
        },
    )
    assert codes(capsys) == [("content/a/x.md", "TX006")]


def test_exclude_holds_for_the_files_include_selects(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The README's own example: the drafts must stay out.
    write(
        proj,
        {
            "newslint.toml": (
                'select = ["TX006"]\ninclude = ["content/**/*.md"]\nexclude = ["content/drafts/**"]\n'
            ),
            "content/drafts/d.md": article(title="LOUD DRAFT TITLE HERE"),
            "content/news/n.md": article(title="LOUD NEWS TITLE HERE"),
        },
    )
    assert codes(capsys) == [("content/news/n.md", "TX006")]
    # And the command line's --exclude too.
    assert codes(capsys, "--exclude", "content/news/**") == []


def test_include_selects_markdown_only(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # `content/**` means the articles under content/, not its images and notes.
    write(
        proj,
        {
            "newslint.toml": 'include = ["content/**"]\n',
            "content/en/a.md": CLEAN,
            "content/en/notes.txt": "see the budget\n",
        },
    )
    (proj / "content" / "en" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not text")
    assert check(capsys) == (0, [])


@pytest.mark.parametrize(
    ("pattern", "linted"),
    [
        ("content/{en,de}/*.md", ["content/de/b.md", "content/en/a.md"]),  # braces, as in exclude
        ("content/*.md", ["content/de/b.md", "content/en/a.md", "content/fr/c.md"]),  # * crosses /
        ("c.md", ["content/fr/c.md"]),  # a bare name matches in any folder
        ("content/fr", ["content/fr/c.md"]),  # a folder
        ("content/en/a.md", ["content/en/a.md"]),  # a file
    ],
)
def test_include_patterns_are_read_as_exclude_patterns_are(
    proj: Path, capsys: pytest.CaptureFixture[str], pattern: str, linted: list[str]
) -> None:
    files = ["content/en/a.md", "content/de/b.md", "content/fr/c.md"]
    write(proj, {name: article(title=f"LOUD TITLE NUMBER {name.upper()}") for name in files})
    write(proj, {"newslint.toml": f'select = ["TX006"]\ninclude = ["{pattern}"]\n'})
    assert codes(capsys) == [(name, "TX006") for name in sorted(linted)]


# ---------------------------------------------------------------------------------- rule options


def test_a_rule_option_reaches_the_rule(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(proj, {"newslint.toml": "[rules.summary-length]\nmax = 50\n", "x.md": CLEAN})
    assert check(capsys, "x.md", "--select", "TX002") == (0, [("x.md", "TX002", 4, 10)])


def test_kebab_case_option_keys_are_read(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Outside a Hugo site the article's language is its `lang` field.
    text = article(title="预算获得通过了", extra=('lang: "en"',))
    write(proj, {"x.md": text})
    assert codes(capsys, "x.md", "--select", "TX007") == [("x.md", "TX007")]
    write(proj, {"newslint.toml": "[rules.language-mismatch]\nmin-units = 50\n"})
    assert codes(capsys, "x.md", "--select", "TX007") == []


def test_a_snake_case_option_key_means_the_kebab_case_one_and_both_together_are_an_error(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Decision: the documented spelling is kebab-case; snake_case is accepted as the same key, at
    # the top level (`fail_on`) as in a rule's table, so it never silently does nothing. Both
    # spellings of one option at once are a mistake.
    write(proj, {"x.md": article(title="预算获得通过了", extra=('lang: "en"',))})
    write(proj, {"newslint.toml": "[rules.language-mismatch]\nmin_units = 50\n"})
    assert codes(capsys, "x.md", "--select", "TX007") == []
    write(proj, {"newslint.toml": "[rules.language-mismatch]\nmin_units = 50\nmin-units = 4\n"})
    err = error(capsys, "x.md")
    assert "rules.language-mismatch" in err and "min-units" in err and "twice" in err


@pytest.mark.parametrize(
    "value",
    ['"300"', "true", "300.5", "[300]"],
    ids=["string", "bool", "float", "list"],
)
def test_an_option_of_the_wrong_type_exits_2_naming_the_key(
    proj: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    # `true` is no integer here, though Python's bool is one.
    write(proj, {"newslint.toml": f"[rules.summary-length]\nmax = {value}\n", "x.md": CLEAN})
    err = error(capsys, "x.md")
    assert "newslint.toml" in err and "rules.summary-length.max" in err


@pytest.mark.parametrize("value", ['"title"', "[1, 2]", '["title", 3]'])
def test_a_list_option_of_the_wrong_type_exits_2(
    proj: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    # A string is not a list of one-letter field names.
    write(proj, {"newslint.toml": f"[rules.required-field]\nfields = {value}\n", "x.md": CLEAN})
    assert "rules.required-field.fields" in error(capsys, "x.md")


def test_a_list_option_replaces_the_default(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(
        proj,
        {
            "newslint.toml": '[rules.required-field]\nfields = ["title", "author"]\n',
            "x.md": NO_SUMMARY,
        },
    )
    assert check(capsys, "x.md", "--select", "FM004") == (1, [("x.md", "FM004", 1, 1)])
    code, out, _ = run(
        capsys, "check", "x.md", "--select", "FM004", "--output-format", "json", "--no-cache"
    )
    assert code == 1
    assert [d["message"] for d in json.loads(out)] == ["required field 'author' is missing"]


def test_an_unknown_option_exits_2_with_a_suggestion(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(proj, {"newslint.toml": "[rules.summary-length]\nmaximum = 50\n", "x.md": CLEAN})
    err = error(capsys, "x.md")
    assert "maximum" in err and "'max'" in err


def test_options_of_an_unknown_rule_exit_2_with_a_suggestion(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(proj, {"newslint.toml": "[rules.sumary-length]\nmax = 50\n", "x.md": CLEAN})
    err = error(capsys, "x.md")
    assert "sumary-length" in err and "summary-length" in err


def test_rule_options_may_be_given_by_code_as_selectors_are(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Codes and names are interchangeable everywhere else (select, ignore, suppressions).
    write(proj, {"newslint.toml": "[rules.TX002]\nmax = 50\n", "x.md": CLEAN})
    assert check(capsys, "x.md", "--select", "TX002") == (0, [("x.md", "TX002", 4, 10)])


def test_a_rule_table_that_is_not_a_table_exits_2(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(proj, {"newslint.toml": "rules = {summary-length = 5}\n", "x.md": CLEAN})
    assert "summary-length" in error(capsys, "x.md")


# ------------------------------------------------------------------------------------ severity


def test_a_severity_override_changes_the_output_and_the_exit_code(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(proj, {"x.md": SHORT})
    code, out, _ = run(capsys, "check", "x.md", "--output-format", "json", "--no-cache")
    assert (code, [d["severity"] for d in json.loads(out)]) == (0, ["info"])
    write(proj, {"newslint.toml": '[rules.summary-length]\nseverity = "error"\n'})
    code, out, _ = run(capsys, "check", "x.md", "--output-format", "json", "--no-cache")
    assert (code, [d["severity"] for d in json.loads(out)]) == (1, ["error"])


def test_lowering_an_error_rule_to_info_passes_the_default_fail_on(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        proj, {"newslint.toml": '[rules.required-field]\nseverity = "info"\n', "x.md": NO_SUMMARY}
    )
    assert check(capsys, "x.md") == (0, [("x.md", "FM004", 1, 1)])
    assert check(capsys, "x.md", "--fail-on", "info") == (1, [("x.md", "FM004", 1, 1)])


def test_fail_on_in_the_file_and_the_flag_wins(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(proj, {"newslint.toml": 'fail-on = "info"\n', "x.md": SHORT})
    assert check(capsys, "x.md") == (1, [("x.md", "TX002", 4, 10)])
    assert check(capsys, "x.md", "--fail-on", "error") == (0, [("x.md", "TX002", 4, 10)])


def test_output_format_in_the_file_and_the_flag_wins(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(proj, {"newslint.toml": 'output-format = "json-lines"\n', "x.md": SHORT})
    code, out, _ = run(capsys, "check", "x.md", "--no-cache")
    assert code == 0 and [json.loads(line)["code"] for line in out.splitlines()] == ["TX002"]
    code, out, _ = run(capsys, "check", "x.md", "--no-cache", "--output-format", "concise")
    assert out.startswith("x.md:4:10: TX002 [summary-length] ")


@pytest.mark.parametrize("value", ['"fatal"', '"off"', "2"])
def test_a_bad_severity_exits_2_naming_the_key(
    proj: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    write(proj, {"newslint.toml": f"[rules.summary-length]\nseverity = {value}\n", "x.md": CLEAN})
    assert "rules.summary-length.severity" in error(capsys, "x.md")


# --------------------------------------------------------------------------- top-level mistakes


def test_an_unknown_key_exits_2_with_a_suggestion(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(proj, {"pyproject.toml": '[tool.newslint]\nexcude = ["a/**"]\n', "x.md": CLEAN})
    err = error(capsys, "x.md")
    assert "pyproject.toml" in err and "tool.newslint.excude" in err and "'exclude'" in err


@pytest.mark.parametrize(
    ("config", "key"),
    [
        ('fail-on = "errors"\n', "fail-on"),
        ('timezone = "Mars/Olympus_Mons"\n', "timezone"),
        ("timezone = 8\n", "timezone"),
        ('presets = ["hugo", "newz"]\n', "presets"),
        ('presets = "news"\n', "presets"),
        ('exclude = "drafts/**"\n', "exclude"),
        ("per-file-ignores = []\n", "per-file-ignores"),
    ],
)
def test_a_bad_top_level_value_exits_2_naming_the_key(
    proj: Path, capsys: pytest.CaptureFixture[str], config: str, key: str
) -> None:
    write(proj, {"newslint.toml": config, "x.md": CLEAN})
    err = error(capsys, "x.md")
    assert "newslint.toml" in err and key in err


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('[links]\ntimeout = "10"\n', 'links.timeout: expected a number, got "10"'),
        ('[links]\ncheck = "yes"\n', 'links.check: expected true or false, got "yes"'),
        (
            # Strings are lychee-style ranges ("200..=299"); a status is still a number.
            '[links]\naccept = [200, "206"]\n',
            'links.accept: "206" is a string: write the status as a number, 206, or a range'
            ' such as "200..=299"',
        ),
        ('max-file-size = "1000"\n', 'max-file-size: expected an integer, got "1000"'),
        ("max-file-size = 1000.0\n", "max-file-size: expected an integer, got 1000.0"),
    ],
)
def test_a_value_of_another_toml_type_is_not_converted(
    proj: Path, capsys: pytest.CaptureFixture[str], config: str, message: str
) -> None:
    # As a rule option's `max = "300"` is refused, so is a string where the file's own keys take
    # a number or a boolean: TOML has the types, and `check = "no"` must not mean true.
    write(proj, {"newslint.toml": config, "x.md": CLEAN})
    assert error(capsys, "x.md") == f"newslint: error: newslint.toml: {message}\n"


def test_a_key_given_in_both_spellings_is_an_error(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # As for a rule's options: `fail_on` and `fail-on` together must not silently pick one.
    write(proj, {"newslint.toml": 'fail_on = "info"\nfail-on = "warning"\n', "x.md": CLEAN})
    assert error(capsys, "x.md") == (
        "newslint: error: newslint.toml: key 'fail-on' is given twice (as 'fail_on' and 'fail-on')\n"
    )
    write(proj, {"newslint.toml": "[links]\nper-host = 2\nper_host = 3\n"})
    assert error(capsys, "x.md") == (
        "newslint: error: newslint.toml: key 'links.per-host' is given twice"
        " (as 'per-host' and 'per_host')\n"
    )


def test_every_mistake_is_listed_not_only_the_first(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        proj,
        {
            "newslint.toml": (
                'fail-on = "errors"\nselct = []\n'
                '[rules.summary-length]\nmax = "x"\nmaximum = 3\n[rules.sumary-length]\n'
            ),
            "x.md": CLEAN,
        },
    )
    err = error(capsys, "x.md")
    assert "fail-on" in err and "selct" in err
    # Decision: the rule tables are checked once the file's own keys are valid, because which
    # rules exist depends on the `plugins` the file names; then all of their mistakes are listed.
    write(
        proj,
        {
            "newslint.toml": '[rules.summary-length]\nmax = "x"\nmaximum = 3\n[rules.sumary-length]\n'
        },
    )
    err = error(capsys, "x.md")
    assert "rules.summary-length.max" in err and "maximum" in err and "rules.sumary-length" in err


def test_the_config_command_reports_mistakes_with_exit_2(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(proj, {"newslint.toml": "selct = []\n"})
    code, out, err = run(capsys, "config")
    assert code == 2 and out == "" and "selct" in err


# ------------------------------------------------------------------------------------- presets


def test_without_the_news_preset_summary_and_source_are_not_required(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # DESIGN: "news (on by default: summary and a source link required)".
    write(
        proj, {"newslint.toml": 'presets = ["hugo"]\n', "x.md": article(summary=None, source=False)}
    )
    assert check(capsys, "x.md") == (0, [])
    # The rule option still names summary when asked to.
    write(
        proj,
        {"newslint.toml": 'presets = ["hugo"]\n[rules.required-field]\nfields = ["summary"]\n'},
    )
    assert check(capsys, "x.md") == (1, [("x.md", "FM004", 1, 1)])


def test_enabled_lists_only_rules_of_active_presets(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # README: `enabled` is "the codes of the rules a run would enable".
    theme = {"TH001", "TH002", "TH003"}
    news = {"BD006", "LK001", "TX001", "TX002", "XF001", "XF002", "XF003"}
    default = set(enabled(capsys, ""))
    assert news <= default and not theme & default
    assert theme <= set(enabled(capsys, 'presets = ["hugo", "news", "mainroad"]\n'))
    assert not (news | theme) & set(enabled(capsys, 'presets = ["hugo"]\n'))
    # A Mainroad site here turns the theme's rules on.
    write(proj, {"hugo.toml": 'theme = "mainroad"\n'})
    assert theme <= set(enabled(capsys, ""))


def test_the_hugo_preset_cannot_be_turned_off(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        proj,
        {"newslint.toml": "presets = []\n", "x.md": article(date='"yesterday"', summary=None)},
    )
    assert codes(capsys, "x.md") == [("x.md", "DT002")]


def test_the_news_preset_is_on_by_default(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(proj, {"x.md": article(summary=None, source=False)})
    assert check(capsys, "x.md") == (1, [("x.md", "FM004", 1, 1), ("x.md", "LK001", 6, 1)])


def test_the_mainroad_preset_by_config_turns_the_theme_rules_on(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(proj, {"x.md": BAD_SIDEBAR})
    assert check(capsys, "x.md") == (0, [])
    write(proj, {"newslint.toml": 'presets = ["hugo", "news", "mainroad"]\n'})
    assert check(capsys, "x.md") == (1, [("x.md", "TH001", 5, 10)])


def test_required_and_allowed_from_the_configuration(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        proj,
        {
            "newslint.toml": 'required = ["author"]\n',
            "x.md": CLEAN,
            "y.md": article(title="Other title here", extra=('author: "Ann Lee"',)),
        },
    )
    assert codes(capsys, ".", "--select", "FM004") == [("x.md", "FM004")]
