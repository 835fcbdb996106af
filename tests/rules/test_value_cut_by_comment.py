from __future__ import annotations

import pytest

from newslint.engine import check_text
from newslint.rules.value_cut_by_comment import ValueCutByComment
from newslint.testing import Case, assert_case


def page(lines: str, fence: str = "---") -> str:
    return f"{fence}\n{lines}\n{fence}\n\nThe club met on Tuesday.\n"


CASES = [
    Case(
        "a-to-do-note-is-no-cut-text",
        page(
            "summary: #TODO write it\ntitle: Budget #fixme later\ndescription: A #Note-worthy day"
        ),
        errors=[("cut", 4, 16)],
        unsafe_fixed=page(
            'summary: #TODO write it\ntitle: Budget #fixme later\ndescription: "A #Note-worthy day"'
        ),
    ),
    Case(
        "number-after-a-space",
        page("title: We're #1 in Europe"),
        errors=[("cut", 2, 14)],
        unsafe_fixed=page('title: "We\'re #1 in Europe"'),
    ),
    Case(
        "hashtag-further-on-in-the-comment",
        page("description: Thanks for #  #20yearsofOSM and the #OSM-Community."),
        errors=[("cut", 2, 25)],
        unsafe_fixed=page('description: "Thanks for #  #20yearsofOSM and the #OSM-Community."'),
    ),
    Case(
        "trailing-blanks-stay-outside-the-quotes",
        page("summary: Vote for #Budget2025  "),
        errors=[("cut", 2, 19)],
        unsafe_fixed=page('summary: "Vote for #Budget2025"  '),
    ),
    Case(
        "tag-item",
        page("tags:\n  - news #today"),
        errors=[("cut", 3, 10)],
        unsafe_fixed=page('tags:\n  - "news #today"'),
    ),
    Case(
        "key-in-capitals",
        page("Title: Top #10 parks"),
        errors=[("cut", 2, 12)],
        unsafe_fixed=page('Title: "Top #10 parks"'),
    ),
    # Hugo 0.168 shows `title: 2024 #recap` as "2024"
    Case(
        "number-before-the-hashtag",
        page("title: 2024 #recap"),
        errors=[("cut", 2, 13)],
        unsafe_fixed=page('title: "2024 #recap"'),
    ),
    Case(
        "number-tag-item",
        page("tags:\n  - 2024 #recap"),
        errors=[("cut", 3, 10)],
        unsafe_fixed=page('tags:\n  - "2024 #recap"'),
    ),
    # Hugo 0.168 shows an empty title
    Case(
        "empty-value-before-the-hashtag",
        page("title: #1 in Europe"),
        errors=[("cut", 2, 8)],
        unsafe_fixed=page('title: "#1 in Europe"'),
    ),
    Case(
        "empty-tag-item",
        page("tags:\n  - #news"),
        errors=[("cut", 3, 5)],
        unsafe_fixed=page('tags:\n  - "#news"'),
    ),
    # an explicit null was written on purpose: its comment is a note
    Case("explicit-null-tilde", page("summary: ~ #todo")),
    Case("explicit-null-word", page("summary: null #todo")),
    Case("empty-value-note", page("summary: # todo")),
    Case("boolean", page("title: true #yes")),
    # a comment after a blank reads as the note it is
    Case("note-after-a-space", page("title: Budget passes # working title")),
    Case("quoted-value", page('title: "We\'re #1 in Europe"')),
    Case("single-quoted-value", page("title: 'We''re #1 in Europe'")),
    Case("block-scalar", page("summary: >\n  We're #1 in Europe")),
    Case("no-space-before-the-hash", page("title: Why C# matters")),
    Case("not-a-text-field", page("slug: budget #draft")),
    Case("value-is-not-text", page("weight: 3 #first")),
    Case("toml-comment", page('title = "Budget" #draft', fence="+++")),
    Case("plain-value-over-two-lines", page("title: Budget for\n  the city #2025")),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_value_cut_by_comment(case: Case) -> None:
    assert_case(ValueCutByComment, case)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "title: 2024 #recap",
            "YAML reads title as the number 2024: the ` #` after it starts a comment, and the "
            "rest of the line ('#recap') is dropped",
        ),
        (
            "title: #1 in Europe",
            "YAML reads title as empty (null): the ` #` after it starts a comment, and the "
            "rest of the line ('#1 in Europe') is dropped",
        ),
        (
            "title: We're #1",
            'YAML reads title as "We\'re": the ` #` after it starts a comment, and the '
            "rest of the line ('#1') is dropped",
        ),
    ],
)
def test_the_message_names_what_yaml_reads(line: str, message: str) -> None:
    found = [d.message for d in check_text(page(line), select=["FM011"])]
    assert found == [message]
