from __future__ import annotations

import time

import pytest

from newslint.document import Document
from newslint.rules.front_matter_syntax import FrontMatterSyntax
from newslint.testing import Case, assert_case, fm, lint_case

BILLION_LAUGHS = (
    "---\n"
    + "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(9)
    )
    + "---\nBody\n"
)

CASES = [
    Case("valid", fm(title="A", date="2025-02-08")),
    Case("unclosed-quote", '---\ntitle: "open\ndate: x\n---\n', errors=[("syntax", 4, 1)]),
    Case("bad-indent", "---\ntitle: a\n  b: c\n---\n", errors=[("syntax", 3, 4)]),
    Case("unterminated-yaml", "---\ntitle: a\nBody\n", errors=[("unterminated", 1, 1)]),
    Case("unterminated-toml", '+++\ntitle = "a"\n', errors=[("unterminated", 1, 1)]),
    Case("toml-error", '+++\ntitle = "a"\ntitle2 = \n+++\n', errors=[("syntax", 3, 10)]),
    Case("toml-duplicate", '+++\ntitle = "a"\ntitle = "b"\n+++\n', errors=[("syntax", 3, 12)]),
    Case("json-error", '{"title": "a",}\nBody\n', errors=[("syntax", 1, 15)]),
    Case("json-unclosed", '{"title": "a"\nBody\n', errors=[("syntax", 2, 1)]),
    Case(
        "python-tag",
        '---\ntitle: !!python/object/apply:os.system ["echo pwned"]\n---\n',
        errors=[("syntax", 2, 8)],
    ),
    Case("alias-bomb", BILLION_LAUGHS, errors=[("syntax", 2, 1)]),
    Case("list-not-map", "---\n- a\n- b\n---\n", errors=[("syntax", 2, 1)]),
    Case("crlf-error-position", "---\r\ntitle: a\r\n  b: c\r\n---\r\n", errors=[("syntax", 3, 4)]),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_front_matter_syntax(case: Case) -> None:
    assert_case(FrontMatterSyntax, case)


def test_messages_name_the_problem() -> None:
    doc = Document.from_text(BILLION_LAUGHS)
    assert "alias bomb" in doc.front_matter_errors[0].message
    doc = Document.from_text('---\ntitle: !!python/object/apply:os.system ["echo pwned"]\n---\n')
    assert (
        doc.front_matter_errors[0].message == "unsupported YAML tag !!python/object/apply:os.system"
    )


def test_hostile_yaml_costs_nothing(tmp_path: object) -> None:
    marker = "newslint-pwned"
    text = f'---\ntitle: !!python/object/apply:os.system ["touch {marker}"]\n---\n'
    start = time.perf_counter()
    assert lint_case(FrontMatterSyntax, Case("tag", text)) == [("syntax", 2, 8)]
    assert lint_case(FrontMatterSyntax, Case("bomb", BILLION_LAUGHS)) == [("syntax", 2, 1)]
    # Generous bound: it exists to catch exponential expansion (minutes), not to time the code.
    assert time.perf_counter() - start < 5
    import os

    assert not os.path.exists(marker)


def test_deep_nesting_is_reported_not_crashing() -> None:
    deep = "---\na: " + "[" * 5000 + "]" * 5000 + "\n---\n"
    assert lint_case(FrontMatterSyntax, Case("deep-flow", deep))[0][0] == "syntax"
    block = "---\n" + "".join("  " * i + f"k{i}:\n" for i in range(400)) + "---\n"
    assert lint_case(FrontMatterSyntax, Case("deep-block", block))[0][0] == "syntax"
