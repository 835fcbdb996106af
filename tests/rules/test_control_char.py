from __future__ import annotations

import pytest

from newslint.rules.control_char import ControlChar
from newslint.testing import Case, assert_case, fm

CASES = [
    Case("tab-and-newline-are-fine", fm(body="Tab\there.\n", title="T")),
    Case(
        "bell",
        fm(body="The vote\x07 passed.\n", title="T"),
        errors=[("control", 5, 9)],
        fixed=fm(body="The vote passed.\n", title="T"),
    ),
    Case(
        "terminal-escape-sequences",
        fm(body="Red \x1b[31mtext\x1b[0m here.\n", title="T"),
        errors=[("escape", 5, 5), ("escape", 5, 14)],
        fixed=fm(body="Red text here.\n", title="T"),
    ),
    Case(
        "form-feed-and-nul-run",
        fm(body="form\x0cfeed and \x00\x01.\n", title="T"),
        errors=[("control", 5, 5), ("control", 5, 15)],
        fixed=fm(body="formfeed and .\n", title="T"),
    ),
    Case(
        "c1-left-to-mojibake-when-it-stands-for-a-character",
        fm(body="x\x81y and It\x92s and âš”ï¸\x8f\n", title="T"),
        errors=[("control", 5, 2)],
        fixed=fm(body="xy and It\x92s and âš”ï¸\x8f\n", title="T"),
    ),
    Case(
        "crlf-line-ending-is-not-a-control-here",
        '---\r\ntitle: "T"\r\n---\r\n\r\nline\x7f\r\nnext\r\n',
        errors=[("control", 5, 5)],
        fixed='---\r\ntitle: "T"\r\n---\r\n\r\nline\r\nnext\r\n',
    ),
    Case(
        "cjk",
        fm(body="北京\x08东京\n", title="T"),
        errors=[("control", 5, 3)],
        fixed=fm(body="北京东京\n", title="T"),
    ),
    # YAML refuses the BEL, so the front matter does not parse. The engine leaves such front
    # matter alone, except for a fix that makes it parse: removing the BEL is that repair.
    Case(
        "in-broken-front-matter-fixed-as-its-repair",
        '---\ntitle: "Bad\x07title"\n---\n\nBody\x07.\n',
        errors=[("control", 2, 12), ("control", 5, 5)],
        fixed='---\ntitle: "Badtitle"\n---\n\nBody.\n',
    ),
    Case(
        "in-front-matter-broken-for-another-reason-not-fixed",
        '---\ntitle: "Bad\x07title"\nsummary: [open\n---\n\nBody.\n',
        errors=[("control", 2, 12)],
        fixed='---\ntitle: "Bad\x07title"\nsummary: [open\n---\n\nBody.\n',
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_control_char(case: Case) -> None:
    assert_case(ControlChar, case)


def test_nul_bytes_of_a_utf16_file_are_not_reported() -> None:
    """Every other byte of UTF-16 text is NUL: `invalid-utf8` says once what the file is."""
    from tests.rules._bytes import lint_bytes

    raw = '\ufeff---\ntitle: "T"\n---\n\nText\x07.\n'.encode("utf-16")
    assert lint_bytes(ControlChar, raw) == []
