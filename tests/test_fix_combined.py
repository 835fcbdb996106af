"""How fixes combine: hostile articles with several defects stacked in one file, one line, one value.

The generator is `tests/hostile_articles.py`, the properties are `tests/fixprops.py` (the fixed file
re-parses; fixing it again changes nothing and leaves no applicable fix; bytes outside the applied
fixes are kept; a fixed problem does not come back at the same place; no new error). Every rule is
selected, with the Mainroad preset. The default run is a few dozen examples; `pytest -m fuzz_long`
runs fresh batches for `NEWSLINT_FUZZ_SECONDS` (default 600).

Below the properties: the minimal regression test of each bug a fuzz run found.
"""

from __future__ import annotations

import os
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fixprops import fix, lint, problems
from tests.hostile_articles import hostile_articles

SHORT = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def at(raw: bytes) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in lint(raw)]


# --------------------------------------------------------------------------------- properties


@SHORT
@given(hostile_articles(), st.booleans())
def test_fixing_stacked_defects_keeps_every_property(raw: bytes, unsafe: bool) -> None:
    assert problems(raw, unsafe=unsafe) == []


@pytest.mark.fuzz_long
def test_long_fuzz_of_stacked_defects() -> None:
    """Fresh random batches until `NEWSLINT_FUZZ_SECONDS` (default 600) are spent."""
    budget = float(os.environ.get("NEWSLINT_FUZZ_SECONDS", "600"))
    end = time.monotonic() + budget
    batch = settings(
        max_examples=200, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    while time.monotonic() < end:
        batch(given(hostile_articles(), st.booleans())(check_all))()


def check_all(raw: bytes, unsafe: bool) -> None:
    assert problems(raw, unsafe=unsafe) == []


# ----------------------------------------------------------------------- regression: joint repair


def test_two_fixes_that_repair_the_front_matter_only_together_are_applied() -> None:
    # Two U+0092 (Windows-1252's ’ read as Latin-1): YAML refuses each, so repairing one alone does
    # not make the front matter parse, and each fix used to be held back for ever.
    raw = '---\ntitle: "It\x92s\x92"\ndate: 2025-02-08T09:55:35+08:00\n---\n'.encode()
    assert at(raw)[:3] == [("EN001", 2, 11), ("FM002", 2, 11), ("EN001", 2, 13)]
    fixed, outcome = fix(raw, unsafe=False)
    assert fixed == '---\ntitle: "It’s’"\ndate: 2025-02-08T09:55:35+08:00\n---\n'.encode()
    assert [code for code, _ in outcome.applied] == ["EN001", "EN001"]


def test_fixes_that_do_not_repair_the_front_matter_even_together_stay_out() -> None:
    # Two control characters and an unclosed list: removing both still leaves a syntax error.
    raw = b'---\ntitle: "a\x07b\x07"\ntags: [x\n---\n\nBody.\n'
    fixed, outcome = fix(raw, unsafe=False)
    assert fixed == raw
    assert outcome.applied == []
