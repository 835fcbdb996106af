"""BD002 and BD003 look at lines only when one regex pass over the body finds a candidate.

The pre-filters must never hide a finding: with each pre-filter replaced by one that always
matches (every line looked at, as before the pre-filter existed), the diagnostics are the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint.config import Config
from newslint.engine import check_text
from newslint.rules import blank_lines, trailing_whitespace

_ALWAYS = re.compile("")


@contextmanager
def _every_line_looked_at() -> Iterator[None]:
    saved = (
        blank_lines._TWO_BLANK_LINES,
        blank_lines._TWO_BLANK_LINES_LF,
        trailing_whitespace._TRAILING,
    )
    blank_lines._TWO_BLANK_LINES = blank_lines._TWO_BLANK_LINES_LF = _ALWAYS
    trailing_whitespace._TRAILING = _ALWAYS
    try:
        yield
    finally:
        (
            blank_lines._TWO_BLANK_LINES,
            blank_lines._TWO_BLANK_LINES_LF,
            trailing_whitespace._TRAILING,
        ) = saved


def _found(text: str) -> list[tuple[str, int, int, str]]:
    return [
        (d.code, d.line, d.column, d.message)
        for d in check_text(text, config=Config(), select=["BD002", "BD003"])
    ]


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(["", "---\ntitle: x  \n---\n", "\ufeff", "+++\ntitle = 'x'\n+++\n"]),
    st.lists(
        st.sampled_from([" ", "\t", "\n", "\r", "\r\n", "a", "```", "<pre>", "{{< x >}}"])
    ).map("".join),
)
@example("", "a\r\n  \r\nb")
@example("", "a\n\n  \t\n\nb  ")
@example("", "  \n\n")
def test_pre_filters_never_hide_a_finding(front: str, body: str) -> None:
    text = front + body
    quick = _found(text)
    with _every_line_looked_at():
        assert _found(text) == quick
