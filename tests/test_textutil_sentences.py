"""Sentence splitting: its shortcuts find what the plain regex searches find."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint.textutil import (
    _ABBREVIATION,
    _ABBREVIATION_TAIL,
    _SENTENCE_END,
    _sentence_ends,
    sentences,
)

# Stops, closers, white space, the letters and numbers abbreviations are made of.
PIECES = st.sampled_from(
    [
        *("a", "b", " ", "A", "U", "S", ".", "!", "?", "。", "！", "？", '"', "'", "”", "’", "»"),
        *(
            "«",
            ")",
            "]",
            "」",
            "』",
            "）",
            "\n",
            "\t",
            ",",
            "3",
            "12",
            "Mr",
            "Sept",
            "U.S.A.",
            "e.g.",
        ),
    ]
)


def test_sentences_split_after_stops_but_not_after_abbreviations() -> None:
    assert sentences("Mr. Smith left. Prices rose! Did they? 股价上涨。交易量下降。") == [
        "Mr. Smith left.",
        "Prices rose!",
        "Did they?",
        "股价上涨。",
        "交易量下降。",
    ]
    assert sentences("He met officials of the U.S.A. Then he left.") == [
        "He met officials of the U.S.A. Then he left."
    ]


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
@example("x.) y")
@example("股价。」交易")
def test_stops_first_finds_what_finditer_finds(text: str) -> None:
    expected = [match.span() for match in _SENTENCE_END.finditer(text)]
    assert [match.span() for match in _sentence_ends(text)] == expected


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
@example("officials of the U.S.A.B.C.D.E.F.G.H.I.J.")
@example("x Sept.")
def test_the_tail_search_finds_what_the_whole_search_finds(text: str) -> None:
    candidate = text.rstrip()
    tail = max(0, len(candidate) - _ABBREVIATION_TAIL)
    whole = _ABBREVIATION.search(candidate) is not None
    assert (_ABBREVIATION.search(candidate, tail) is not None) == whole
