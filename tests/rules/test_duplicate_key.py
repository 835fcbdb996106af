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
    # A key under `params` replaces the top-level one (hugo 0.168): the page's terms are those of
    # `params.tags`, whatever it holds, in any form and letter case.
    Case(
        "params-taxonomy-yaml",
        "---\ntags: [a]\nparams:\n  tags: [b]\n---\n",
        errors=[("params", 2, 1)],
    ),
    Case(
        "params-taxonomy-empty-still-wins",
        "---\nCategories: [a]\nparams:\n  categories: []\n---\n",
        errors=[("params", 2, 1)],
    ),
    Case(
        "params-toml-table",
        '+++\nsidebar = "left"\n[params]\nsidebar = "right"\n+++\n',
        errors=[("params", 2, 1)],
    ),
    Case(
        "params-toml-dotted",
        '+++\nauthor = "A"\nparams.author = "B"\n+++\n',
        errors=[("params", 2, 1)],
    ),
    Case("params-json", '{"tags": ["a"], "params": {"Tags": null}}\n', errors=[("params", 1, 2)]),
    # Hugo reads its own fields from the top level only: `params.title` is another value.
    Case(
        "params-hugo-field",
        "---\ntitle: A\nkeywords: [a]\nparams:\n  title: B\n  keywords: [b]\n---\n",
    ),
    Case("params-other-key", "---\ntags: [a]\nparams:\n  series: [b]\n---\n"),
    Case("params-not-a-map", "---\ntags: [a]\nparams: tags\n---\n"),
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
        (
            "---\nTags: [a]\nparams:\n  tags: [b]\n---\n",
            "key 'Tags' is set under params too (line 4): Hugo takes params.tags and ignores "
            "this one",
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


def test_a_key_under_params_too_is_a_warning() -> None:
    # The page builds; only the top-level value is lost.
    from newslint import Severity
    from newslint.engine import check_text

    found = check_text("---\ntags: [a]\nparams:\n  tags: [b]\n---\n", select=["FM003"])
    assert [d.severity for d in found] == [Severity.WARNING]
