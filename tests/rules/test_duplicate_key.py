from __future__ import annotations

import pytest

from newslint.rules.duplicate_key import DuplicateKey
from newslint.testing import Case, assert_case, fm

CASES = [
    Case("unique", fm(title="A", date="2025-02-08")),
    Case(
        "top-level",
        '---\ntitle: "A"\ndate: 2025-02-08\ntitle: "B"\n---\n',
        errors=[("duplicate", 4, 1)],
    ),
    Case(
        "nested", "---\nthumbnail:\n  src: a.jpg\n  src: b.jpg\n---\n", errors=[("duplicate", 4, 3)]
    ),
    Case(
        "three-times",
        "---\na: 1\na: 2\na: 3\n---\n",
        errors=[("duplicate", 3, 1), ("duplicate", 4, 1)],
    ),
    Case("json", '{"title": "A", "title": "B"}\n', errors=[("duplicate", 1, 16)]),
    Case("same-key-in-two-maps-is-fine", "---\na:\n  x: 1\nb:\n  x: 2\n---\n"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_duplicate_key(case: Case) -> None:
    assert_case(DuplicateKey, case)
