"""`LineIndex`: lines end at LF, CRLF or a lone CR, whichever way the starts are found."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from newslint.spans import LineIndex, Position


@given(st.lists(st.sampled_from(["a", "é", "\n", "\r", "\r\n", " "]), max_size=60).map("".join))
def test_line_starts_follow_every_kind_of_break(text: str) -> None:
    expected = [0] + [m.end() for m in re.finditer(r"\r\n?|\n", text)]
    assert LineIndex(text).starts == expected


def test_positions_on_lf_and_crlf_text() -> None:
    assert LineIndex("ab\n\ncd").starts == [0, 3, 4]
    assert LineIndex("ab\r\ncd\rx").starts == [0, 4, 7]
    assert LineIndex("ab\n\ncd").position(5) == Position(3, 2)
    assert LineIndex("").starts == [0]
    assert LineIndex("x\n").starts == [0, 2]
