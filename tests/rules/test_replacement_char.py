from __future__ import annotations

import pytest

from newslint.rules.replacement_char import ReplacementChar
from newslint.testing import Case, assert_case, fm
from tests.rules._bytes import fix_bytes, lint_bytes

CASES = [
    Case("clean", fm(body="Málaga and 北京.\n", title="T")),
    Case(
        "one-and-a-run",
        fm(body="Mal\ufffdga and \ufffd\ufffd.\n", title="T"),
        errors=[("one", 5, 4), ("run", 5, 12)],
    ),
    Case("in-front-matter", fm(title="T\ufffd"), errors=[("one", 2, 10)]),
    Case("cjk", fm(body="北京\ufffd东京\n", title="T"), errors=[("one", 5, 3)]),
    Case("crlf", '---\r\ntitle: "T"\r\n---\r\n\r\nA\ufffd\r\n', errors=[("one", 5, 2)]),
    Case("front-matter-does-not-parse", "---\ntitle: [\ufffd\n", errors=[("one", 2, 9)]),
    # Written as escapes (Python's `json.dumps` writes `\\ufffd`): the value holds them all the same.
    Case(
        "escaped-in-json-front-matter",
        '{"title": "Mal\\ufffdga \\ufffd\\ufffd"}\n\nText.\n',
        errors=[("one", 1, 15), ("run", 1, 24)],
    ),
    Case(
        "escaped-in-toml-beside-a-written-one",
        '+++\ntitle = "a\\uFFFD\ufffdb"\n+++\n\nText.\n',
        errors=[("one", 2, 11), ("one", 2, 17)],
    ),
    # Without a character map (a TOML multi-line string) the runs are placed by the value's
    # whole span: the string is reported once.
    Case(
        "escaped-twice-in-a-toml-multi-line-string",
        '+++\ntitle = """M\\ufffdlaga\nM\\ufffdlaga"""\n+++\n\nText.\n',
        errors=[("one", 2, 9)],
    ),
    Case(
        "escaped-in-a-nested-string",
        '{"title": "T", "tags": ["M\\ufffdlaga"]}\n\nText.\n',
        errors=[("one", 1, 25)],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_replacement_char(case: Case) -> None:
    assert_case(ReplacementChar, case)


def test_undecodable_bytes_are_not_replacement_characters() -> None:
    # E9 is not UTF-8 (invalid-utf8 reports it); EF BF BD is a real U+FFFD written in the file.
    raw = b'---\ntitle: "T"\n---\n\nbad \xe9 and real \xef\xbf\xbd\n'
    assert lint_bytes(ReplacementChar, raw) == [
        ("one", 5, 16, "replacement character U+FFFD: the original character is lost")
    ]
    assert fix_bytes(ReplacementChar, raw, unsafe=True) == raw


def test_run_split_around_undecodable_bytes() -> None:
    raw = b'---\ntitle: "T"\n---\n\n\xef\xbf\xbd\xff\xef\xbf\xbd\xef\xbf\xbd\n'
    assert [r[:3] for r in lint_bytes(ReplacementChar, raw)] == [("one", 5, 1), ("run", 5, 3)]
