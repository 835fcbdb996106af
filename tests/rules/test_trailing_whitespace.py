from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.rules.trailing_whitespace import _TRAILING, TrailingWhitespace, _has_trailing
from newslint.testing import Case, assert_case, fm

FENCE = "```"
HARD_BREAKS = (
    "| a | b |  \n|---|---|\n| c | d |   \n| e | f |\n\n# Title  \nText ends here.  \nSetext  \n"
    "======\n\nPara  \n- item   \n  more\n\n**Bold**  \ntext\n\n- **a**  \n  b\n- c  \n- d\n"
    "- **e**  \n  - *f*  \n- g\n"
)

CASES = [
    Case("clean", fm(body="One.\nTwo.\n", title="T")),
    Case(
        "spaces-tabs-and-blank-lines",
        fm(body="One. \nTwo.\t\n\n   \nThree.\n", title="T  "),  # front matter is not looked at
        errors=[("trailing", 5, 5), ("trailing", 6, 5), ("trailing", 8, 1)],
        fixed=fm(body="One.\nTwo.\n\n\nThree.\n", title="T  "),
    ),
    Case("hard-break-kept", fm(body="Three.  \nFour.\n", title="T")),
    Case(
        "longer-hard-break-kept-as-two-spaces",
        fm(body="Four.   \nFive.\n", title="T"),
        errors=[("break", 5, 6)],
        fixed=fm(body="Four.  \nFive.\n", title="T"),
    ),
    Case(
        "strict-two-spaces-before-a-blank-line-break-nothing",
        fm(body="**Pros**:  \n\nEnd.  \n", title="T"),
        options={"strict": True},
        errors=[("no-break", 5, 10), ("no-break", 7, 5)],
        fixed=fm(body="**Pros**:\n\nEnd.\n", title="T"),
    ),
    Case(
        "by-default-two-spaces-are-allowed-anywhere",
        fm(body="**Pros**:  \n\nEnd.  \nx \n", title="T"),
        errors=[("trailing", 8, 2)],
        fixed=fm(body="**Pros**:  \n\nEnd.  \nx\n", title="T"),
    ),
    Case(
        "code-html-and-shortcode-bodies-skipped",
        fm(
            body=f"{FENCE}\ncode   \n{FENCE}\n\n    indented  \n\n<pre>\nx   \n</pre>\n\n"
            "{{< highlight go >}}\nx := 1   \n{{< /highlight >}}\n",
            title="T",
        ),
    ),
    Case(
        # Two spaces break a line only inside a paragraph or heading whose text goes on: not at the
        # end of a table row, of an ATX heading, or of a paragraph that a list or heading follows.
        # What Hugo renders: no <br> for those; a <br> in the setext heading, the list item and
        # after the bold text.
        "hard-break-only-where-the-text-goes-on",
        fm(body=HARD_BREAKS, title="T"),
        options={"strict": True},
        errors=[
            ("no-break", 5, 10),
            ("trailing", 7, 10),
            ("no-break", 10, 8),
            ("no-break", 12, 7),
            ("no-break", 15, 5),
            ("break", 16, 7),
            ("no-break", 24, 4),
            ("no-break", 27, 8),
        ],
        fixed=fm(
            body=HARD_BREAKS.replace("|  \n", "|\n")
            .replace("|   \n", "|\n")
            .replace("Title  \n", "Title\n")
            .replace("Setext  \n", "Setext\n")
            .replace("Para  \n", "Para\n")
            .replace("item   \n", "item  \n")
            .replace("c  \n", "c\n")
            .replace("*f*  \n", "*f*\n"),
            title="T",
        ),
    ),
    Case(
        "not-strict-strips-more-than-two-where-no-break-is-made",
        fm(body="| a |   \n|---|\n\n# Title   \nText.  \n- **a**   \n- b\n", title="T"),
        options={"strict": False},
        errors=[("trailing", 5, 6), ("trailing", 8, 8), ("trailing", 10, 8)],
        fixed=fm(body="| a |\n|---|\n\n# Title\nText.  \n- **a**\n- b\n", title="T"),
    ),
    Case(
        # A fence's own line is no content: its info string and a closing fence are trimmed.
        "fence-lines-are-not-code",
        fm(
            body=f"{FENCE}go   \ncode  \n{FENCE}  \n\n- a\n\n  ~~~~ \n  x  \n\n  ~~~~\t\n\n"
            f"> {FENCE}\n> {FENCE}x \n> y  \n> {FENCE}  \n",
            title="T",
        ),
        options={"strict": True},
        errors=[
            ("trailing", 5, 6),
            ("no-break", 7, 4),
            ("trailing", 11, 7),
            ("trailing", 14, 7),
            ("no-break", 19, 6),
        ],
        fixed=fm(
            body=f"{FENCE}go\ncode  \n{FENCE}\n\n- a\n\n  ~~~~\n  x  \n\n  ~~~~\n\n"
            f"> {FENCE}\n> {FENCE}x \n> y  \n> {FENCE}\n",
            title="T",
        ),
    ),
    Case(
        "crlf",
        '---\r\ntitle: "T"\r\n---\r\n\r\nA  \r\nB \r\n',
        errors=[("trailing", 6, 2)],
        fixed='---\r\ntitle: "T"\r\n---\r\n\r\nA  \r\nB\r\n',
    ),
    Case(
        "cjk",
        fm(body="北京。 \n东京\n", title="T"),
        errors=[("trailing", 5, 4)],
        fixed=fm(body="北京。\n东京\n", title="T"),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_trailing_whitespace(case: Case) -> None:
    assert_case(TrailingWhitespace, case)


def test_file_with_invalid_utf8_keeps_its_bad_bytes() -> None:
    from tests.rules._bytes import fix_bytes, lint_bytes

    raw = b'---\ntitle: "T"\n---\n\nCaf\xe9 \t\nnext\n'
    assert [r[:3] for r in lint_bytes(TrailingWhitespace, raw)] == [("trailing", 5, 5)]
    assert fix_bytes(TrailingWhitespace, raw, unsafe=False) == raw.replace(b" \t\n", b"\n")


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from([" ", "\t", "\n", "\r", "\r\n", "x", "\u3000"])).map("".join),
    st.integers(min_value=0, max_value=12),
)
def test_trailing_check_finds_what_the_search_finds(text: str, start: int) -> None:
    assert _has_trailing(text, start) == (_TRAILING.search(text, start) is not None)
