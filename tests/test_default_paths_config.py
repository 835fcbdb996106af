"""A run without PATH lints the site's content folders (or `include`) under the working
directory's configuration. When some of those folders lie under a nearer configuration of their
own, it says so, as the same run naming the folders does (README, Configuration: "files under
different configurations get the working directory's, with a warning")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.cli import main

HUGO = """baseURL = "https://example.org/"
[languages.en]
contentDir = "content/en"
[languages.zh-CN]
contentDir = "content/zh-CN"
"""
ARTICLE = '---\ntitle: "Budget"\ndate: "2025-02-08 09:55:35"\n---\n\nThe budget passed.\n'
WARNING = (
    "newslint: warning: the files are configured by different files (content/en/newslint.toml,"
    " newslint.toml); using newslint.toml for all (lint each project on its own)\n"
)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "hugo.toml").write_text(HUGO, encoding="utf-8")
    for language in ("en", "zh-CN"):
        (tmp_path / "content" / language).mkdir(parents=True)
        (tmp_path / "content" / language / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('select = ["DT001"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], str]:
    code = main([*args, "--output-format", "json", "--no-cache"])
    out = capsys.readouterr()
    return code, sorted(d["path"] for d in json.loads(out.out)), out.err


@pytest.mark.parametrize("named", [[], ["content/en", "content/zh-CN"]])
def test_a_content_folder_under_its_own_configuration_is_warned_about(
    site: Path, named: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "content" / "en" / "newslint.toml").write_text('select = ["FM004"]\n')
    code, paths, err = run(["check", *named], capsys)
    assert (code, paths, err) == (0, ["content/en/a.md", "content/zh-CN/a.md"], WARNING)


def test_one_configuration_for_every_content_folder_is_no_warning(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["check"], capsys) == (0, ["content/en/a.md", "content/zh-CN/a.md"], "")


@pytest.mark.parametrize("given", [["--isolated"], ["--config", "newslint.toml"]])
def test_a_configuration_chosen_on_the_command_line_is_no_warning(
    site: Path, given: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "content" / "en" / "newslint.toml").write_text('select = ["FM004"]\n')
    code, paths, err = run(["check", *given, "--select", "DT001"], capsys)
    assert (code, paths, err) == (0, ["content/en/a.md", "content/zh-CN/a.md"], "")


def test_the_files_include_selects_are_looked_at_by_folder(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "newslint.toml").write_text('select = ["DT001"]\ninclude = ["content/**/*.md"]\n')
    (site / "content" / "en" / "newslint.toml").write_text('select = ["FM004"]\n')
    code, paths, err = run(["check"], capsys)
    assert (code, paths, err) == (0, ["content/en/a.md", "content/zh-CN/a.md"], WARNING)
