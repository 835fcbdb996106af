"""The table test from docs/writing-a-rule.md, run against the example plugin."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newslint.testing import Case, assert_case, fm

sys.path.insert(0, str(Path(__file__).resolve().parent / "plugin_example"))
from newsroom_rules.source_domain import SourceDomain  # noqa: E402

CASES = [
    Case("allowed", fm(title="A", body="Text.\n\n[Wire](https://wire.example.com/a)\n")),
    Case(
        "mirror",
        fm(title="A", body="Text.\n\n[Wire](https://m.wire.example.com/a)\n"),
        errors=[("not-allowed", 7, 8)],
        fixed=fm(title="A", body="Text.\n\n[Wire](https://wire.example.com/a)\n"),
    ),
    Case("option", fm(title="A", body="Text.\n\n[Blog](https://blog.example.net/a)\n"), options={"domains": ["blog.example.net"]}),
    Case("other-domain", fm(title="A", body="Text.\n\n[Blog](https://blog.example.net/a)\n"), errors=[("not-allowed", 7, 8)]),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_source_domain(case: Case) -> None:
    assert_case(SourceDomain, case)
