"""docs/writing-a-rule.md, run as a reader would run it: its rule is the example plugin's file, its
table test passes, its configuration loads the rule, its cross-file rule works.

The code blocks are taken from the guide itself, so the guide cannot drift from what works.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from newslint import Severity
from newslint.cli import main
from newslint.testing import lint_project

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "docs" / "writing-a-rule.md").read_text(encoding="utf-8")
EXAMPLE = ROOT / "tests" / "plugin_example"
RULE_FILE = EXAMPLE / "newsroom_rules" / "source_domain.py"


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", GUIDE, re.S)


def _load_example() -> type:
    # Loaded by file path, not through sys.path, so no metadata of the example package is ever
    # mistaken for an installed plugin.
    spec = importlib.util.spec_from_file_location("example_source_domain", RULE_FILE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.SourceDomain  # type: ignore[no-any-return]


SourceDomain = _load_example()


def _table() -> dict[str, Any]:
    """The guide's table test, run with its `SourceDomain` import answered by the example's."""
    code = blocks("python")[1]
    line = "from newsroom_rules.source_domain import SourceDomain\n"
    assert line in code
    namespace: dict[str, Any] = {"SourceDomain": SourceDomain}
    exec(compile(code.replace(line, ""), "docs/writing-a-rule.md", "exec"), namespace)
    return namespace


TABLE = _table()


def test_the_guide_shows_the_example_rule_as_it_is() -> None:
    shown = blocks("python")[0]
    assert shown == "# newsroom_rules/source_domain.py\n" + RULE_FILE.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", TABLE["CASES"], ids=lambda c: c.name)
def test_the_guide_table(case: Any) -> None:
    TABLE["test_source_domain"](case)


ARTICLE = (
    '---\ntitle: "Budget passes after a week of talks"\ndate: 2025-02-08T09:55:35+08:00\n'
    'summary: "The budget passed on Tuesday after a week of talks between the parties."\n---\n\n'
    "The budget passed on Tuesday after a week of talks between the parties.\n\n{source}\n"
)


def test_the_guide_configuration_loads_and_configures_the_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(EXAMPLE / "newsroom_rules", tmp_path / "newsroom_rules")
    (tmp_path / "newslint.toml").write_text(blocks("toml")[0], encoding="utf-8")
    for name, source in {
        "wire": "[Wire](https://m.wire.example.com/a)",
        "agency": "[Agency](https://agency.example.org/a)",
        "blog": "[Blog](https://blog.example.net/a)",
    }.items():
        (tmp_path / f"{name}.md").write_text(ARTICLE.format(source=source), encoding="utf-8")
    code = main(["check", "--select", "source-domain", "--output-format", "concise", "."])
    out = capsys.readouterr().out
    # `domains` replaced the default, `severity = "warning"` leaves exit 0 at fail-on error.
    assert (code, out) == (
        0,
        "blog.md:9:8: NR001 [source-domain] source domain 'blog.example.net' is not on the"
        " allow-list\n"
        "wire.md:9:8: NR001 [source-domain] [*] source domain 'm.wire.example.com' is not on the"
        " allow-list\n",
    )


def test_the_guide_entry_point_is_the_example_package_s() -> None:
    declared = blocks("toml")[1].split("#", 1)[0].strip()
    assert declared.splitlines() == [
        '[project.entry-points."newslint.rules"]',
        'newsroom = "newsroom_rules"',
    ]
    assert declared in (EXAMPLE / "pyproject.toml").read_text(encoding="utf-8")


def test_the_guide_cross_file_rule() -> None:
    namespace: dict[str, Any] = {}
    exec(compile(blocks("python")[2], "docs/writing-a-rule.md", "exec"), namespace)
    lead = "The budget passed on Tuesday.\n\n[Wire](https://wire.example.com/{})\n"
    files = {
        "content/a.md": '---\ntitle: "A"\n---\n\n' + lead.format("a"),
        "content/b.md": '---\ntitle: "B"\n---\n\n' + lead.format("b"),
        "content/c.md": '---\ntitle: "C"\n---\n\nAnother lead.\n',
    }
    assert lint_project(namespace["SameLead"], files) == [
        ("content/b.md", 5, 1, "the first paragraph repeats the first paragraph of content/a.md")
    ]


@pytest.mark.parametrize("written", [Severity.WARNING, "warning", "WARNING"])
def test_severity_may_be_written_as_the_guide_says(written: object) -> None:
    from newslint.config import check_rules, parse_config
    from newslint.engine import build_ruleset
    from newslint.registry import Registry

    config = parse_config({"rules": {"source-domain": {"severity": written}}})
    check_rules(config, [SourceDomain])
    ruleset = build_ruleset(config, registry=Registry([SourceDomain]))
    assert [(active.rule, active.severity) for active in ruleset.rules] == [
        (SourceDomain, Severity.WARNING)
    ]
