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
    # At the key defined again, where Hugo points ("3:1": key title is already defined).
    Case("toml-duplicate", '+++\ntitle = "a"\ntitle = "b"\n+++\n', errors=[("syntax", 3, 1)]),
    Case(
        "toml-table-twice",
        '+++\ntitle = "a"\n[params]\na = 1\n  [ params ]\nb = 2\n+++\n',
        errors=[("syntax", 5, 5)],
    ),
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
    # Hugo's YAML reader refuses a key that is a list or a map ("found an invalid key for this
    # map", at the key); Python's takes it (checked with hugo 0.168).
    Case("flow-list-key", "---\ntitle: a\n[a, b]: c\n---\n", errors=[("syntax", 3, 1)]),
    Case("flow-map-key", "---\ntitle: a\n? {a: 1}\n: c\n---\n", errors=[("syntax", 3, 3)]),
    Case("block-list-key", "---\ntitle: a\n? - a\n  - b\n: c\n---\n", errors=[("syntax", 3, 3)]),
    Case(
        "nested-keys",
        "---\nparams:\n  [a]: 1\nitems:\n  - {[b]: 1}\n---\n",
        errors=[("syntax", 3, 3), ("syntax", 5, 6)],
    ),
    Case("template-action-as-in-an-archetype", "---\ntitle: {{ .Name }}\n---\n"),
    Case("quoted-key", '---\ntitle: a\n"[a]": c\n---\n'),
    Case("explicit-scalar-key", "---\ntitle: a\n? a\n: c\n---\n"),
    Case("dash-in-key", "---\ntitle: a\n-x: c\n---\n"),
    Case("toml-array-of-tables", '+++\ntitle = "a"\n[[x]]\ny = 1\n+++\n'),
    # Hugo ends the block at the first line that starts with the delimiter, and shows the rest
    # of that line in the body (checked with hugo 0.168): reported at the rest.
    Case("closed-by-four-dashes", "---\ntitle: a\n----\nBody\n", errors=[("syntax", 3, 4)]),
    Case("closed-by-dashes-and-text", "---\ntitle: a\n---x\nBody\n", errors=[("syntax", 3, 4)]),
    Case("closed-by-four-pluses", '+++\ntitle = "a"\n++++\nBody\n', errors=[("syntax", 3, 4)]),
    Case("closed-by-dashes-crlf", "---\r\ntitle: a\r\n----\r\n", errors=[("syntax", 3, 4)]),
    # ... even when a line of the delimiter alone comes later: Hugo shows `x`, `b: c` and `---`
    # in the body and never reads `b`.
    Case(
        "dashes-and-text-before-closer",
        "---\ntitle: a\n---x\nb: c\n---\nBody\n",
        errors=[("syntax", 3, 4)],
    ),
    # A no-break space or an ideographic space where indentation was meant is text to YAML
    # (to Hugo's reader too): reported at the start of the line PyYAML refuses; the message says
    # Hugo builds when it follows a top-level key with no value (checked with hugo 0.168).
    Case(
        "no-break-space-indent",
        "---\ntitle: a\ntags:\n\u00a0 - x\n---\n",
        errors=[("syntax", 4, 1)],
    ),
    Case(
        "ideographic-space-indent",
        "---\ntitle: a\ntags:\n\u3000- x\n---\n",
        errors=[("syntax", 4, 1)],
    ),
    Case(
        # At the line PyYAML refuses as a key, where hugo 0.168 reports it too (5:1), not on the
        # closing delimiter after it, where PyYAML gave up.
        "no-break-space-indent-nested",
        "---\ntitle: a\nparams:\n  tags:\n\u00a0 - x\n---\n",
        errors=[("syntax", 5, 1)],
    ),
    Case(
        # The closing `---` forgotten after the last field: the article's first lines are read as
        # front matter up to a `---` rule in the body. Reported at the first line that is no
        # `key: value` (hugo 0.168 says 14:1 on a real site), not two lines below it where PyYAML
        # gave up (an NGO's news article, aikkms).
        "closing-delimiter-missing-markdown-read-as-yaml",
        '---\ntitle: "Rise up"\ndraft: false\n\n*Published in Vol. 1.*\n\n**By A. Writer**\n\n---\n'
        "Text.\n",
        errors=[("syntax", 5, 1)],
    ),
    Case(
        # A value wrapped onto a line of its own: that line, not the closing delimiter below it.
        "plain-value-wrapped-onto-the-next-line",
        "---\ntitle: x\nsummary: A line\nthat goes on\n---\nBody.\n",
        errors=[("syntax", 4, 1)],
    ),
    Case("no-break-space-key", "---\ntitle: a\n\u00a0b: 1\n---\n"),
    Case(
        "byte-order-mark-indent",
        "---\ntitle: a\ntags:\n\ufeff- x\n---\n",
        errors=[("syntax", 4, 1)],
    ),
    # A tab after a list's dash: Hugo reads a scalar item, and fails on a map item.
    Case("tab-after-dash", "---\ntitle: a\ntags:\n  -\tx\n---\n"),
    Case(
        "tab-after-dash-before-a-map",
        "---\ntitle: a\nitems:\n  -\tk: 1\n    j: 2\n---\n",
        errors=[("syntax", 4, 4)],
    ),
    Case(
        "four-pluses-before-closer",
        '+++\ntitle = "a"\n++++\nb = 1\n+++\nBody\n',
        errors=[("syntax", 3, 4)],
    ),
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


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "---\ntitle: a\n[a, b]: c\n---\n",
            "YAML key '[a, b]' is a list or a map, not a name: Hugo fails the build",
        ),
        (
            "---\ntitle: a\n---- x\nBody\n",
            "front matter is closed by '---- x', not '---' alone: Hugo ends it at the '---' "
            "and shows '- x' in the body",
        ),
        (
            "---\ntitle: a\ntags: # c\n\n\u00a0 - x\n---\n",
            "YAML: U+00A0 at the start of '\\xa0 - x' is text, not indentation: newslint's YAML "
            "reader refuses the line; Hugo's takes it for the text of the key above it and builds "
            "the page",
        ),
        (
            "---\ntitle: !foo a\n---\n",
            "unsupported YAML tag !foo (newslint does not read it; Hugo ignores the tag and builds "
            "the page)",
        ),
        (
            "---\ntitle: a\x07\n---\n",
            "YAML: unacceptable character #x0007: control characters are not allowed by "
            "newslint's YAML reader (Hugo's takes the character into the value; control-char "
            "removes it)",
        ),
    ],
)
def test_messages_say_what_hugo_does(text: str, message: str) -> None:
    """Where Hugo 0.168 and newslint's readers disagree, the message says what Hugo does
    (tests/test_hugo_claims_oracle.py checks it against the real Hugo)."""
    from newslint.engine import check_text

    assert [d.message for d in check_text(text, select=["FM002"])] == [message]
