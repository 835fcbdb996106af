from __future__ import annotations

import pytest

from newslint.rules.line_endings import LineEndings
from newslint.site import Site
from newslint.testing import Case, assert_case, fm

CASES = [
    Case("lf", fm(body="A\nB\n", title="T")),
    Case(
        "crlf",
        '---\r\ntitle: "T"\r\n---\r\n\r\nA\r\nB\r\n',
        errors=[("crlf", 1, 4)],
        fixed='---\ntitle: "T"\n---\n\nA\nB\n',
    ),
    Case(
        "lone-cr-and-mixed",
        '---\ntitle: "T"\n---\n\nA\rB\r\nC\n',
        errors=[("cr", 5, 2)],
        fixed='---\ntitle: "T"\n---\n\nA\nB\nC\n',
    ),
    Case(
        "cjk-crlf",
        '---\ntitle: "T"\n---\n\n北京。\u3000\r\n东京\n',
        errors=[("crlf", 5, 5)],
        fixed='---\ntitle: "T"\n---\n\n北京。\u3000\n东京\n',
    ),
    Case("no-front-matter", "A\r\n", errors=[("crlf", 1, 2)], fixed="A\n"),
    # Front matter that does not parse is never rewritten, and the fix would touch it.
    Case(
        "front-matter-does-not-parse",
        "---\r\ntitle: [x\r\n---\r\n\r\nA\r\n",
        errors=[("crlf", 1, 4)],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_line_endings(case: Case) -> None:
    assert_case(LineEndings, case)


def test_one_report_counts_every_line() -> None:
    import newslint

    found = newslint.check_text("A\r\nB\r\nC\rD\n", select=["EN007"], site=Site())
    assert [(d.line, d.column, d.message) for d in found] == [
        (1, 2, "line ends in CR LF, not LF (3 in this file)")
    ]


def test_fixes_on_the_same_lines_all_land() -> None:
    """Line endings, trailing spaces and mojibake on the same CRLF lines: every fix lands."""
    import newslint

    text = '---\r\ntitle: "T"\r\n---\r\n\r\nDonâ€™t \r\nstop\u200b \r\n'
    fixed, remaining = newslint.fix_text(
        text, select=["EN001", "EN003", "EN007", "BD002"], site=Site()
    )
    assert fixed == '---\ntitle: "T"\n---\n\nDon’t\nstop\n'
    assert remaining == []


def test_utf16_file_is_left_to_invalid_utf8() -> None:
    from tests.rules._bytes import lint_bytes

    raw = '---\r\ntitle: "T"\r\n---\r\n\r\nText.\r\n'.encode("utf-16")
    assert lint_bytes(LineEndings, raw) == []


def test_lone_cr_message_says_hugo_does_not_break_there() -> None:
    """Goldmark runs lines that a lone CR separates into one paragraph (checked with hugo 0.168,
    and in tests/test_hugo_claims_oracle.py)."""
    from newslint.engine import check_text

    found = check_text(fm(body="One.\r\rTwo.\n"), select=["EN007"])
    assert [(d.line, d.column, d.message) for d in found] == [
        (
            4,
            5,
            "line ends in a lone CR, not LF (2 in this file): Hugo's Markdown does not end the "
            "line there",
        )
    ]
