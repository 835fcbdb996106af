from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.rules.duplicate_paragraph import _ITEM_LINE, DuplicateParagraph, _has_item_line
from newslint.testing import Case, assert_case, fm

LONG = "The budget passed on Tuesday after a week of talks in the capital between all the parties."
CJK = "美联储主席鲍威尔表示当前美国经济形势良好因此无需急于调整利率。"
SOURCE = "[src](https://example.com/a)\n"
REWRAPPED = LONG.replace(" after ", "\nafter  ")
WRAPPED = LONG.replace(" after ", "\n  after ")  # a list item's lazy second line

CASES = [
    Case("distinct", fm(body=f"{LONG}\n\nTalks went on.\n\n{SOURCE}", title="T")),
    Case(
        "repeat-removed",
        fm(body=f"{LONG}\n\nTalks went on.\n\n{LONG}\n\n{SOURCE}", title="T"),
        errors=[("repeat", 9, 1)],
        unsafe_fixed=fm(body=f"{LONG}\n\nTalks went on.\n\n{SOURCE}", title="T"),
    ),
    Case(
        "adjacent-repeat-at-the-end",
        fm(body=f"{LONG}\n\n{LONG}\n", title="T"),
        errors=[("repeat", 7, 1)],
        unsafe_fixed=fm(body=f"{LONG}\n", title="T"),
    ),
    Case(
        "whitespace-does-not-matter",
        fm(body=f"{LONG}\n\n{REWRAPPED}\n", title="T"),
        errors=[("repeat", 7, 1)],
        unsafe_fixed=fm(body=f"{LONG}\n", title="T"),
    ),
    Case(
        "cjk",
        fm(body=f"{CJK}\n\n其他。\n\n{CJK}\n", title="T"),
        errors=[("repeat", 9, 1)],
        unsafe_fixed=fm(body=f"{CJK}\n\n其他。\n", title="T"),
    ),
    Case(
        "short-lines-repeat-legitimately",
        fm(
            body="Advertisement\n\nText.\n\nAdvertisement\n\n"
            "Build the web site and then verify the results.\n\n"
            "Build the web site and then verify the results.\n",
            title="T",
        ),
    ),
    Case(
        "same-text-different-links",
        fm(
            body=f"Musk said it in [a post](https://t/1) on the platform. {LONG}\n\n"
            f"Musk said it in [a post](https://t/2) on the platform. {LONG}\n",
            title="T",
        ),
    ),
    Case(
        "repeated-list-item",
        fm(body=f"- {LONG}\n\n- Other.\n\n- {LONG}\n", title="T"),
        errors=[("repeat", 9, 3)],
        unsafe_fixed=fm(body=f"- {LONG}\n\n- Other.\n", title="T"),
    ),
    Case(
        # The rest of the item moves up onto the marker's line: `- ` before a blank line would be
        # an empty item, and "More." a paragraph after the list.
        "repeated-list-item-with-more",
        fm(body=f"- {LONG}\n\n- Other.\n\n- {LONG}\n\n  More.\n", title="T"),
        errors=[("repeat", 9, 3)],
        unsafe_fixed=fm(body=f"- {LONG}\n\n- Other.\n\n- More.\n", title="T"),
    ),
    Case(
        # A tight list has no paragraphs: its items are compared with one another (not with
        # paragraphs: a list of key points repeats the article's sentences by design).
        "repeated-tight-list-item",
        fm(
            body=f"- {LONG}\n- Other.\n- {WRAPPED}\n\nText.\n\n{LONG}\n\n> - {LONG}\n> - {LONG}\n",
            title="T",
        ),
        errors=[("repeat", 7, 3)],
        unsafe_fixed=fm(
            body=f"- {LONG}\n- Other.\n\nText.\n\n{LONG}\n\n> - {LONG}\n> - {LONG}\n", title="T"
        ),
    ),
    Case(
        "tight-list-items-of-only-links",
        fm(body=f"- [{LONG}](https://a/1)\n- [{LONG}](https://a/1)\n", title="T"),
    ),
    Case(
        "tight-list-items-with-markup",
        fm(body=f"1. **{LONG}**\n2. Other.\n3. **{LONG}**\n   - Nested.\n", title="T"),
        errors=[("repeat", 7, 4)],
        unsafe_fixed=fm(body=f"1. **{LONG}**\n2. Other.\n3. \n   - Nested.\n", title="T"),
    ),
    Case("quotes", fm(body=f"{LONG}\n\n> {LONG}\n\n> {LONG}\n", title="T")),
    Case("captions", fm(body=f"![a](1.jpg)\n\n{LONG}\n\n![a](2.jpg)\n\n{LONG}\n", title="T")),
    Case(
        "shortcode-calls",
        fm(body=f"{{{{< note >}}}}\n{LONG}\n\n{{{{< note >}}}}\n{LONG}\n", title="T"),
    ),
    Case(
        "option-min-words",
        fm(body="Build the web site and verify.\n\nBuild the web site and verify.\n", title="T"),
        options={"min-words": 4},
        errors=[("repeat", 7, 1)],
        unsafe_fixed=fm(body="Build the web site and verify.\n", title="T"),
    ),
    Case(
        "crlf",
        f'---\r\ntitle: "T"\r\n---\r\n\r\n{LONG}\r\n\r\n{LONG}\r\n',
        errors=[("repeat", 7, 1)],
        unsafe_fixed=f'---\r\ntitle: "T"\r\n---\r\n\r\n{LONG}\r\n',
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_duplicate_paragraph(case: Case) -> None:
    assert_case(DuplicateParagraph, case)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(["\n", " ", "\t", ">", "-", "*", "1.", "2)", "x", "\ufeff"])).map(
        "".join
    ),
    st.integers(min_value=0, max_value=12),
)
def test_item_line_check_finds_what_the_multiline_search_finds(text: str, start: int) -> None:
    expected = _ITEM_LINE.search(text, start) is not None
    assert _has_item_line(text, start) == expected
