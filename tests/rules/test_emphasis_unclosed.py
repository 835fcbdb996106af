from __future__ import annotations

import pytest

from newslint.rules.emphasis_unclosed import EmphasisUnclosed
from newslint.testing import Case, assert_case, fm

CASES = [
    Case(
        "bold-that-closes",
        fm(body="**City -** The mayor said **ok.** and **also ok**, then ***all***.\n"),
    ),
    Case(
        # A dateline glued to the text: the closing `**` follows punctuation, a letter follows it,
        # so Hugo shows `**Kota -**Warga` with its asterisks.
        "punctuation-then-a-letter",
        fm(body="**Kota -**Warga berkumpul di alun-alun.\n"),
        errors=[("literal", 4, 9)],
    ),
    Case(
        "space-before-the-closing-marker",
        fm(body="Intro.\n\n**El futuro del proyecto **lo veo claro.\n"),
        errors=[("literal", 6, 26)],
    ),
    Case(
        # Full-width punctuation before the closing marker and a Han character after it: Goldmark
        # (CommonMark) shows both markers, a frequent trap in Chinese and Japanese text.
        "cjk-punctuation",
        fm(body="A **中文：**后面 b.\n\nC **“引号”**之后 d.\n"),
        errors=[("literal", 4, 8), ("literal", 6, 9)],
    ),
    Case(
        # A space before the closing marker and punctuation or the line end after it: Goldmark
        # (hugo 0.168) shows `**重要提示 **。` and `微信号：** name **` with their asterisks, and
        # a marker between spaces inside bold (`2 ** 8`) is still no marker.
        "space-before-a-closing-marker-then-punctuation-or-line-end",
        fm(
            body=(
                "**重要提示 **。后面。\n\n微信号：** openLooKengoss **\n\n"
                "**The future of the project **.\n\n**Note 2 ** 8**\n"
            )
        ),
        errors=[("literal", 4, 8), ("literal", 6, 23), ("literal", 8, 29)],
    ),
    Case(
        # No marker: between spaces, escaped, in code, in a shortcode's arguments, the two markers
        # in different paragraphs (an opener alone is not reported), or a run of four.
        "not-markers",
        fm(
            body=(
                "2 ** 8 is 256, \\*\\*a -\\*\\*b and `**a -**b`.\n\n"
                '{{< note text="**a -**b" >}}\n\n'
                "**Open\n\nthen -**b in another paragraph.\n\n"
                'A run of four, as****"****This, is left alone.\n'
            )
        ),
    ),
    Case(
        # A WordPress export that ended a bold line in a line break: a line of blanks splits the
        # bold, and Goldmark (hugo 0.168) shows `**Partnerstvo ...` and a paragraph `**`.
        "bold-split-by-a-blank-line",
        fm(
            body=(
                "**Ostvarili smo partnerstvo s udrugom “[Primjer][1]”\n  \n** \n\n"
                "Tekst.\n\n**Open\n\n** then text.\n\n [1]: https://example.org/\n"
            )
        ),
        errors=[("literal", 6, 1), ("literal", 12, 1)],
    ),
    Case(
        # The opening marker two paragraphs up, or the marker not first in its paragraph: no
        # split bold to name.
        "not-a-split-bold",
        fm(body="**Open\n\nMiddle.\n\n**\n\nA **b\n\nc ** d\n"),
    ),
    Case(
        # A line of blanks ends a paragraph as an empty line does: the two markers do not pair.
        "markers-apart-across-a-line-of-blanks",
        fm(body="**Open\n \t\nthen -**b in another paragraph.\n"),
    ),
    Case(
        # A reported closing marker completes its pair: the `**` after it opens another bold
        # text (a space before it, a letter after), and only that one's closing is reported.
        "two-unclosed-pairs-in-a-paragraph",
        fm(
            body="**The project **looks bright and **City -**The mayor.\n\n**One **two **three **four\n"
        ),
        errors=[("literal", 4, 15), ("literal", 4, 42), ("literal", 6, 7), ("literal", 6, 21)],
    ),
]


# Markers of different lengths on the two sides: Markdown pairs what it can and shows the rest
# (checked with Hugo 0.168: `*Not advice.**` renders `<em>Not advice.</em>*`).
LEFTOVER_CASES = [
    Case(
        "closing-side-longer",
        fm(body="The fund rose.\n\n*이 글은 투자 권유가 아닙니다.**\n"),
        errors=[("leftover", 6, 20)],
    ),
    Case(
        "opening-side-longer",
        fm(body="**Hinweis* Der Termin entfällt.\n\n***Note** the new time.\n"),
        errors=[("leftover", 4, 1), ("leftover", 6, 1)],
    ),
    Case(
        "closing-side-longer-after-a-link",
        fm(body="*[Quelle](https://a.example)** gestern.\n"),
        errors=[("leftover", 4, 30)],
    ),
    # Pairs of equal length, nested pairs, an escaped star and a lone star are no leftover.
    Case(
        "balanced-and-escaped",
        fm(body="*a* **b** ***c*** **d*e** *f**g*\n\n\\**h* and *i*\\* and j* 2 * 3\n"),
    ),
]


@pytest.mark.parametrize("case", LEFTOVER_CASES, ids=lambda c: c.name)
def test_emphasis_leftover(case: Case) -> None:
    assert_case(EmphasisUnclosed, case)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_emphasis_unclosed(case: Case) -> None:
    assert_case(EmphasisUnclosed, case)


def test_a_line_break_before_the_closing_marker_is_named() -> None:
    """`**The future\n**looks` shows both markers (checked with hugo 0.168)."""
    from newslint.engine import check_text

    found = check_text(fm(body="**The future\n**looks bright.\n"), select=["BD008"])
    assert [(d.line, d.column, d.message) for d in found] == [
        (5, 1, "bold marker '**' is shown as it is and closes nothing: a line break before the "
         "closing '**'")
    ]  # fmt: skip


def test_blank_line_between_markers_is_what_a_search_between_them_finds() -> None:
    # Blank lines are looked up once per document; the answer for each pair of markers is the
    # one a search of the text between them gives (line breaks of every kind, spaces, tabs).
    import random

    from newslint.rules.emphasis_unclosed import _BLANK_LINE, EmphasisUnclosed

    pieces = ["**", "a", " ", "\t", "\n", "\r\n", "\r", "*"]
    generator = random.Random(8)
    for _ in range(300):
        document = "".join(generator.choice(pieces) for _ in range(12))
        rule = EmphasisUnclosed()
        markers = [i for i in range(len(document) - 1) if document[i : i + 2] == "**"]
        for opened in markers:
            for start in (m for m in markers if m > opened):
                expected = _BLANK_LINE.search(document, opened, start) is not None
                assert rule._blank_line_between(document, opened, start) == expected, document
