"""A rule or prefix selected by name that runs on none of the files is worth one warning on stderr
(ruff: "Selection `X` has no effect because preview is not enabled"); the exit code stays what the
run gives, and `ALL` or a prefix of which some rule runs says nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.cli import main
from newslint.testing import fm

ARTICLE = fm(
    body="The council passed the budget.\n\n[Reuters](https://www.reuters.com/world/a)\n",
    title="Budget",
    date="2024-01-02T10:00:00+00:00",
    summary="The city council passed the budget on Tuesday after a long debate.",
    sidebar="Left",
)
MAINROAD_OFF = (
    "newslint: warning: selection 'TH001' has no effect: sidebar-value is a rule of the mainroad"
    " preset, which is off for these files (it is on where the site's theme is Mainroad, or when"
    " `presets` names it)\n"
)


def site(root: Path, theme: str, config: str = "") -> None:
    (root / "hugo.toml").write_text(f'theme = "{theme}"\n', encoding="utf-8")
    (root / "content").mkdir()
    (root / "content" / "a.md").write_text(ARTICLE, encoding="utf-8")
    if config:
        (root / "newslint.toml").write_text(config, encoding="utf-8")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([*args, "--no-cache", "--output-format", "concise", "content/a.md"])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_a_theme_rule_selected_on_another_theme_is_said_to_have_no_effect(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site(tmp_path, "PaperMod")
    code, out, err = run(capsys, "check", "--select", "TH001")
    assert (code, out, err) == (0, "", MAINROAD_OFF)
    code, out, err = run(capsys, "fix", "--select", "TH001")
    assert (code, err) == (
        0,
        f"{MAINROAD_OFF}Applied 0 fixes in 0 of 1 file; no problems remain.\n",
    )
    code, out, err = run(capsys, "check", "--select", "TH001", "--quiet")
    assert (code, err) == (0, "")


def test_on_a_mainroad_site_the_rule_runs_and_nothing_is_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site(tmp_path, "mainroad")
    code, out, err = run(capsys, "check", "--select", "TH001")
    assert (code, out.splitlines()[0], err) == (
        1,
        "content/a.md:5:10: TH001 [sidebar-value] [*] sidebar 'Left' should be 'left'",
        "",
    )


def test_a_prefix_names_its_rules_and_all_or_a_prefix_with_a_rule_that_runs_says_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site(tmp_path, "PaperMod")
    assert run(capsys, "check", "--select", "TH,EN")[2] == (
        "newslint: warning: selection 'TH' has no effect: sidebar-value, widget-value and"
        " thumbnail-value are rules of the mainroad preset, which is off for these files (it is"
        " on where the site's theme is Mainroad, or when `presets` names it)\n"
    )
    assert run(capsys, "check", "--select", "ALL")[2] == ""
    assert run(capsys, "check", "--select", "TH001,TX")[2] == MAINROAD_OFF  # TX rules run
    assert run(capsys, "check", "--extend-select", "TH001")[2] == MAINROAD_OFF


def test_a_preset_left_out_by_the_configuration_and_a_link_check_rule_without_a_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site(tmp_path, "PaperMod", 'presets = ["hugo"]\nselect = ["LK001"]\n')
    assert run(capsys, "check", "--extend-select", "LK006,LK007") == (
        0,
        "",
        "newslint: warning: selection 'LK001' has no effect: source-link-missing is a rule of the"
        " news preset, which is off for these files (`presets` leaves it out)\n"
        "newslint: warning: selection 'LK006' has no effect: link-broken only reports a link"
        " check, which runs with --check-links\n"
        "newslint: warning: selection 'LK007' has no effect: link-redirect only reports a link"
        " check, which runs with --check-links\n",
    )
