"""The README stays true: two Quick start commands, every pre-commit hook listed."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_quick_start_has_exactly_two_commands() -> None:
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", quick, re.S)
    assert len(blocks) == 2
    assert all(block.count("\n") == 1 for block in blocks), "each block is one command"
    assert "newslint check examples/" in blocks[0]
    assert "pytest" in blocks[1]


def test_ci_runs_the_readme_test_command() -> None:
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    test_command = re.findall(r"```sh\n(.*?)\n```", quick, re.S)[1]
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_lists_every_hook() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    for hook in hooks:
        assert f"- id: {hook['id']}" in README, f"README does not show hook {hook['id']}"


# ------------------------------------------------------------------ what the README promises


def section(title: str) -> str:
    return README.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", text, re.S)


def subparser(command: str) -> argparse.ArgumentParser:
    from newslint.cli import build_parser

    parser = build_parser(command)
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return action.choices[command]  # type: ignore[no-any-return]


def test_every_command_and_option_is_in_the_readme() -> None:
    from newslint.cli import COMMANDS

    usage = section("Usage")
    for command in COMMANDS:
        assert f"\nnewslint {command} " in usage, f"Usage does not show `newslint {command}`"
        for action in subparser(command)._actions:
            for option in action.option_strings:
                if option.startswith("--") and option != "--help":
                    assert re.search(rf"{re.escape(option)}(?![\w-])", usage), (
                        f"Usage does not mention `newslint {command} {option}`"
                    )


def test_output_formats_table_lists_every_format() -> None:
    choices = next(a.choices for a in subparser("check")._actions if a.dest == "output_format")
    table = section("Usage").split("### Output formats", 1)[1]
    listed = re.findall(r"^\| `([a-z-]+)`(?:, `([a-z-]+)`)? \|", table, re.M)
    assert sorted(name for row in listed for name in row if name) == sorted(choices)


def test_every_setting_is_in_the_settings_tables() -> None:
    import dataclasses

    from newslint.config import Config, LinksConfig

    configuration = section("Configuration")
    for f in dataclasses.fields(Config):
        if f.name not in ("path", "rules", "links"):
            key = f.name.replace("_", "-")
            assert re.search(rf"^\| (`[a-z-]+`, )*`{key}`", configuration, re.M), key
    links = section("Checking links")
    for f in dataclasses.fields(LinksConfig):
        assert f"| `{f.name.replace('_', '-')}` |" in links, f.name


def test_the_configuration_example_is_valid(tmp_path: Path) -> None:
    from newslint.config import load_config

    (tmp_path / "pyproject.toml").write_text(blocks(section("Configuration"), "toml")[0])
    config = load_config(cwd=tmp_path)
    assert (config.fail_on, config.timezone, config.ignore) == ("error", "Asia/Shanghai", ["TX006"])
    assert config.rules == {"required-field": {"fields": ["title", "date"], "severity": "warning"}}


@pytest.mark.parametrize(
    "written",
    [
        '[tool.newslint]\nexcude = ["x"]\n',
        '[tool.newslint]\nfail-on = "errors"\n',
        '[tool.newslint.rules.required-feld]\nfields = ["title"]\n',
    ],
)
def test_the_configuration_mistakes_are_reported_as_shown(
    written: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from newslint.cli import main

    shown = re.findall(r"^newslint: error: .*$", section("Configuration"), re.M)
    assert len(shown) == 3
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(written)
    (tmp_path / "a.md").write_text("---\ntitle: A\n---\n")
    assert main(["check", "a.md"]) == 2
    error = capsys.readouterr().err.strip()
    assert error in shown


def test_the_suppression_examples_silence_what_they_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The README's comments, in one article that has each problem they name: nothing is
    reported; without the comments, each named rule reports."""
    from newslint.cli import main

    suppressions = section("Suppressing a problem")
    head = blocks(suppressions, "yaml")[0].rsplit("---\n", 1)[0]
    body = blocks(suppressions, "markdown")[0]
    article = (
        head
        + 'date: 2031-01-01T00:00:00+00:00\nsummary: "Too short."\n---\n\n'
        + body
        + "\n[Reuters](https://www.reuters.com/world/measles)\n"
    )
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hugo.toml").write_text('baseURL = "https://news.example.org/"\n')
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(article, encoding="utf-8")
    assert main(["check", "--select", "ALL", "--no-cache", "--output-format", "concise"]) == 0
    assert capsys.readouterr().out == ""
    bare = "\n".join(line.split("  #")[0].split(" <!--")[0] for line in article.splitlines())
    bare = "\n".join(line for line in bare.splitlines() if "newslint" not in line) + "\n"
    (tmp_path / "content" / "a.md").write_text(bare, encoding="utf-8")
    main(["check", "--select", "ALL", "--no-cache", "--output-format", "concise"])
    codes = {line.split(" ")[1] for line in capsys.readouterr().out.splitlines()}
    assert {"TX006", "DT003", "TX002", "LK003", "TX004", "BD004"} <= codes


def test_the_python_api_example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import newslint

    code = blocks(section("Python API"), "python")[0]
    article_text = (
        '---\ntitle: "Budget passes"\ndate: "2025-02-08 09:55:35"\n---\n\nThe budget passed.\n'
    )
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hugo.toml").write_text('timeZone = "Europe/London"\n')
    namespace: dict[str, object] = {"article_text": article_text}
    exec(code, namespace)
    problems, fixed, remaining = (namespace[k] for k in ("problems", "fixed", "remaining"))
    assert all(isinstance(p, newslint.Diagnostic) for p in problems)
    assert "DT001" in {p.code for p in problems}
    assert 'date: "2025-02-08T09:55:35+00:00"' in fixed
    assert "DT001" not in {p.code for p in remaining}
    first = problems[0]
    assert first.to_json()["severity"] == first.severity.label
    shown = re.search(r"`(newslint\.Config\(.*?\))`", section("Python API"))
    assert shown is not None
    config = eval(shown.group(1), {"newslint": newslint})
    checked = newslint.check_text(article_text, path="content/en/news/x.en.md", config=config)
    assert "Asia/Shanghai" in next(p.message for p in checked if p.code == "DT001")
