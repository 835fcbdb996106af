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
    # Hugo lowercases keys: of `title` and `Title` it keeps one, and not by order.
    Case(
        "case-variant",
        '---\ntitle: "A"\ndate: 2025-02-08\nTitle: "B"\n---\n',
        errors=[("case", 4, 1)],
    ),
    Case(
        "case-variant-nested",
        "---\nthumbnail:\n  src: a.jpg\n  SRC: b.jpg\n---\n",
        errors=[("case", 4, 3)],
    ),
    Case("case-variant-toml", '+++\ntitle = "A"\nTITLE = "B"\n+++\n', errors=[("case", 3, 1)]),
    Case("case-variant-json", '{"Title": "A", "title": "B"}\n', errors=[("case", 1, 16)]),
    # Hugo keeps the keys of a map inside a list as written: both stay.
    Case("case-variant-in-list-item", "---\nresources:\n  - src: a.jpg\n    Src: b.jpg\n---\n"),
    Case(
        "exact-and-case-repeat-reported-once-each",
        '---\ntitle: "A"\nTitle: "B"\nTitle: "C"\n---\n',
        errors=[("case", 3, 1), ("duplicate", 4, 1)],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_duplicate_key(case: Case) -> None:
    assert_case(DuplicateKey, case)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # Hugo's YAML decoder refuses a repeated key ("mapping key already defined"): no build.
        (
            '---\ntitle: "A"\nmenu:\n  main: {}\n  main: {}\n---\n',
            "key 'main' appears again (first on line 4): Hugo refuses the file",
        ),
        # Keys YAML reads as null: named as written, not as Python's `None`.
        (
            '---\ntitle: "A"\nnull: 1\n~: 2\n---\n',
            "key '~' appears again (first on line 3): Hugo refuses the file",
        ),
        # Go's JSON decoder keeps the last value.
        (
            '{"title": "A", "title": "B"}\n',
            "key 'title' appears again (first on line 1); the last one wins",
        ),
    ],
)
def test_message_says_what_hugo_does(text: str, message: str) -> None:
    from newslint.engine import check_text

    found = check_text(text, select=["FM003"])
    assert [d.message for d in found] == [message]
