"""The table test from docs/writing-a-rule.md, run against the example plugin."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from newslint.testing import Case, assert_case, fm


def _load_example() -> type:
    # Loaded by file path, not through sys.path, so no metadata of the example package is ever
    # mistaken for an installed plugin.
    path = (
        Path(__file__).resolve().parent / "plugin_example" / "newsroom_rules" / "source_domain.py"
    )
    spec = importlib.util.spec_from_file_location("example_source_domain", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.SourceDomain  # type: ignore[no-any-return]


SourceDomain = _load_example()

CASES = [
    Case("allowed", fm(title="A", body="Text.\n\n[Wire](https://wire.example.com/a)\n")),
    Case(
        "mirror",
        fm(title="A", body="Text.\n\n[Wire](https://m.wire.example.com/a)\n"),
        errors=[("not-allowed", 7, 8)],
        fixed=fm(title="A", body="Text.\n\n[Wire](https://wire.example.com/a)\n"),
    ),
    Case(
        "option",
        fm(title="A", body="Text.\n\n[Blog](https://blog.example.net/a)\n"),
        options={"domains": ["blog.example.net"]},
    ),
    Case(
        "other-domain",
        fm(title="A", body="Text.\n\n[Blog](https://blog.example.net/a)\n"),
        errors=[("not-allowed", 7, 8)],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_source_domain(case: Case) -> None:
    assert_case(SourceDomain, case)
