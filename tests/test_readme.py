"""The README stays true: two Quick start commands, every pre-commit hook listed."""

from __future__ import annotations

import re
from pathlib import Path

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
