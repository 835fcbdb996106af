"""Adversarial articles: input built to make a linter slow (regular expressions that backtrack
exponentially, loops that rescan the text) must cost time in proportion to its size.

No test here measures time. Each runs an input on which the old code took minutes (or longer than
the universe has) and the fixed code takes well under a second, under `guarded`: an alarm of a
generous minute that turns a hang into a failure instead of a stuck test run.
"""

from __future__ import annotations

import signal
from collections.abc import Callable
from typing import TypeVar

import pytest

from newslint.document import InvalidBytes, decode
from newslint.engine import check_text
from newslint.fixes import Edit, Fix, apply_fixes
from newslint.spans import Span

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="needs SIGALRM")
T = TypeVar("T")


class _Expired(BaseException):
    """Raised by the alarm. Not an `Exception`: the engine reports a rule's exception as an
    internal error and goes on, which would swallow it and leave the next rule unguarded."""


def guarded(call: Callable[[], T], seconds: int = 60) -> T:
    """`call()`, or a failed test (rather than a hung run) when it runs for `seconds`.

    A minute is hundreds of times what the fixed code needs; the inputs are sized so that the old
    code needed minutes to hours. A regular expression match is interrupted too: `re` checks for
    signals while it backtracks.
    """

    def expire(signum: int, frame: object) -> None:
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        return call()
    except _Expired:
        pass  # failed below, outside this block: the alarm's traceback may not be printable
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    pytest.fail(f"still running after {seconds} s: not linear in the size of its input")


def codes(diagnostics: list[object]) -> list[tuple[str, int, int, str]]:
    return [(d.code, d.line, d.column, d.message) for d in diagnostics]  # type: ignore[attr-defined]


def test_deeply_quoted_lines_do_not_backtrack_exponentially() -> None:
    # The space after a `>` can also be read as the indent before the next `>`: on a line of 60
    # `> ` that is no list item (nor a fence, nor a quoted paragraph of only spaces), the quote
    # patterns of BD001, BD002, BD003 and BD007 tried all 2**60 ways of splitting them.
    deep = "> " * 60
    lines = [deep + "x", "", deep + "\u00a0", "", deep + "x   ", "", "> " + deep + "```"]
    lines += ["> " + deep + "code", "", deep + "- x", deep + "- x"]
    text = '---\ntitle: "Quotes"\n---\n\n' + "\n".join(lines) + "\n\nEnd.\n"
    diagnostics = guarded(lambda: check_text(text, select=["BD001", "BD002", "BD003", "BD007"]))
    assert codes(diagnostics) == [
        ("BD001", 7, 121, "paragraph holds only whitespace (U+00A0)"),
        ("BD002", 9, 122, "trailing whitespace (3 spaces)"),
    ]


def test_braces_at_the_end_of_a_long_word_are_read_once() -> None:
    # Each `{{` looked back to the start of its word (is it a URL?): 2,000 braces after a word of
    # a million letters read two billion characters.
    text = '---\ntitle: "Braces"\n---\n\n' + "x" * 1_000_000 + "{{" * 2000 + "\n"
    diagnostics = guarded(lambda: check_text(text, select=["BD005"]))
    assert len(diagnostics) == 2000
    assert [(d.line, d.column) for d in (diagnostics[0], diagnostics[-1])] == [
        (5, 1_000_001),
        (5, 1_003_999),
    ]
    assert all(d.fix is not None for d in diagnostics)


def test_braces_in_a_url_word_keep_their_word_start() -> None:
    # The word found for the first braces holds for the next ones in the same word: in a bare URL
    # none gets the escape (it would end up in the URL), outside of one each does.
    text = '---\ntitle: "Braces"\n---\n\nhttps://a.b/' + "{{" * 3 + " x{{ y\n"
    diagnostics = check_text(text, select=["BD005"])
    assert [(d.column, d.fix is not None) for d in diagnostics] == [
        (13, False),
        (15, False),
        (17, False),
        (21, True),
    ]


def test_many_invalid_bytes_are_located_in_one_pass() -> None:
    # The byte offset of each bad byte was the length of the whole text before it, encoded anew:
    # 300,000 stray bytes encoded 90 billion characters, each through the error handler.
    text, _, runs = guarded(lambda: decode(b"\xe9 " * 300_000))
    assert len(runs) == 300_000
    assert runs[-1] == InvalidBytes(Span(599_998, 599_999), b"\xe9", 599_998)
    assert text == "\ufffd " * 300_000


def test_invalid_byte_offsets_count_multibyte_characters() -> None:
    raw = "é".encode() + b"\xff" + "中".encode() + b"\xfe\xfd" + b"ok\x80"
    assert decode(raw)[2] == [
        InvalidBytes(Span(1, 2), b"\xff", 2),
        InvalidBytes(Span(3, 5), b"\xfe\xfd", 6),
        InvalidBytes(Span(7, 8), b"\x80", 10),
    ]


def test_a_pass_over_many_fixes_checks_each_against_its_neighbours() -> None:
    # Each fix was checked against every fix chosen before it: a pass over 100,000 fixes (one per
    # `{{` or control character of an adversarial article) made five billion comparisons.
    text = "ab" * 100_000
    fixes = [
        Fix.safe("Capitalise", Edit.replace(Span(i, i + 1), "A")) for i in range(0, 200_000, 2)
    ]
    # Touches the edit at 0 (allowed), and later covers the edits at 102 ... 148 (they wait).
    spread = Fix.safe("Two places", Edit.replace(Span(1, 2), "["), Edit(101, 150, "]"))
    inside = Fix.safe("Insert", Edit.insert(5, "?"))  # an insertion where the edit at 4 ends
    last = Fix.safe("Last", Edit.replace(Span(199_999, 200_000), "B"))  # touches the one at 199,998
    new, applied, deferred = guarded(lambda: apply_fixes(text, [last, inside, *fixes, spread]))
    assert new == "A[" + "Ab" * 49 + "A]" + "Ab" * 99_924 + "AB"
    assert (len(applied), len(deferred)) == (100_000 - 24 + 2, 25)
    assert deferred[:2] == [inside, fixes[51]]
