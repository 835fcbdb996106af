"""Every rule is complete: well-formed unique code, module named after it, docs, a test, in the README."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from newslint.registry import load_registry
from newslint.rule import Rule

ROOT = Path(__file__).resolve().parent.parent
BUILTIN = [r for r in load_registry().rules if r.origin == "builtin"]
SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "## Use instead")


def test_codes_and_names_are_unique() -> None:
    assert len({r.code for r in BUILTIN}) == len(BUILTIN)
    assert len({r.name for r in BUILTIN}) == len(BUILTIN)


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda r: r.code)
def test_rule_is_complete(rule: type[Rule]) -> None:
    assert re.fullmatch(r"[A-Z]{2}\d{3}", rule.code)
    module = rule.__module__.rsplit(".", 1)[-1]
    assert module == rule.name.replace("-", "_"), "module name must be the rule name"
    doc = rule.documentation()
    for section in SECTIONS:
        assert section in doc, f"{rule.name}: docstring lacks {section!r}"
    source = inspect.getsource(inspect.getmodule(rule))  # type: ignore[arg-type]
    if re.search(r"\bFix\.(safe|unsafe|display_only)\(", source):
        assert "## Fix safety" in doc, f"{rule.name}: makes fixes but has no 'Fix safety' section"
    for message in rule.messages.values():
        first_word = message.split(" ", 1)[0]
        lower_case = (
            message[:1].islower() or message.startswith("{") or first_word.isupper()
        )  # "URL", "YAML"
        assert lower_case, f"{rule.name}: message {message!r} not lower case"
        assert not message.endswith("."), f"{rule.name}: message {message!r} ends with a period"
    assert (ROOT / "tests" / "rules" / f"test_{module}.py").is_file(), (
        f"{rule.name}: no test module"
    )
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"| {rule.code} | `{rule.name}` |" in readme, (
        f"{rule.name}: not in the README rule table"
    )


def test_readme_rule_table_is_current() -> None:
    from newslint.docs import START, rule_table

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"{START}\n{rule_table()}\n" in readme, "run `python -m newslint.docs`"


def test_unknown_event_fails_at_class_definition() -> None:
    with pytest.raises(TypeError, match="unknown event 'paragraf'"):

        class Bad(Rule):
            code = "XX999"
            name = "bad"

            def on_paragraf(self, ctx: object, node: object) -> None: ...
