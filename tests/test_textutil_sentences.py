"""Sentence splitting: its shortcuts find what the plain regex searches find."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint.textutil import (
    _ABBREVIATION,
    _ABBREVIATION_TAIL,
    _BREAKING_SPACE,
    _COMPLETE,
    _SENTENCE_END,
    _may_end_in_abbreviation,
    _sentence_ends,
    _strip_span,
    _unpunctuated_end,
    collapse_spaces,
    complete,
    ellipsis_ending,
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
        # The other scripts' stops, and `;` after a Greek letter (a Greek question mark).
        *("\u0964", "\u061f", "\u0589", "\u037e", ";", "α", "Ω", "ά"),
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


def test_greek_question_mark_and_danda_end_sentences_inside_a_paragraph() -> None:
    """A Greek `;` (after a Greek letter) and the danda end a sentence where they stand, not only
    at the paragraph's end; a Greek question followed by a lower-case word goes on (`ρώτησε`,
    `asked`), and a `;` after a Latin word is a semicolon."""
    assert sentences("Τι θα γίνει; Η κυβέρνηση αποφασίζει. Και μετά") == [
        "Τι θα γίνει;",
        "Η κυβέρνηση αποφασίζει.",
        "Και μετά",
    ]
    assert sentences("Τι θα γίνει; ρώτησε ο υπουργός. Και μετά") == [
        "Τι θα γίνει; ρώτησε ο υπουργός.",
        "Και μετά",
    ]
    assert sentences("यह है। वह है।") == ["यह है।", "वह है।"]
    assert sentences("အစိုးရသည် ကြေညာခဲ့သည်။ ပြည်သူများ ကြိုဆိုကြသည်။") == [
        "အစိုးရသည် ကြေညာခဲ့သည်။",
        "ပြည်သူများ ကြိုဆိုကြသည်။",
    ]
    assert sentences("መንግሥት ዛሬ አዲስ ፖሊሲ አውጇል። ሚኒስትሩ ደስተኛ ናቸው።") == [
        "መንግሥት ዛሬ አዲስ ፖሊሲ አውጇል።",
        "ሚኒስትሩ ደስተኛ ናቸው።",
    ]
    assert sentences("Prices rose; Markets fell.") == ["Prices rose; Markets fell."]


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
@example("x.) y")
@example("股价。」交易")
@example("γίνει; Η")
@example("है।वह है। ok")
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


# Words around the length that `_may_end_in_abbreviation` draws its line at, with the characters
# `\w` holds beyond the letters (`_`, digits, letters outside ASCII).
WORDS = st.sampled_from(
    ["Sept", "Septe", "Corp", "Corps", "x_", "_", "ab3", "12", "123", "é", "Prof", "naïve", "Δ"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(PIECES, WORDS), max_size=12).map("".join))
@example("Mr.")
@example("xSept.")
@example("x_Sept.")
@example("He said Sept.")
def test_the_abbreviation_pre_check_passes_every_match(text: str) -> None:
    candidate = text.rstrip()
    if _ABBREVIATION.search(candidate) is not None:
        assert _may_end_in_abbreviation(candidate)


def test_the_abbreviation_pre_check_passes_over_long_words_only() -> None:
    assert not _may_end_in_abbreviation("Prices rose in the quarter.")
    assert _may_end_in_abbreviation("He left in Sept.")
    assert not _may_end_in_abbreviation("He left")  # no full stop, no abbreviation
    assert sentences("Prices rose in Sept. Then they fell.") == [
        "Prices rose in Sept. Then they fell."
    ]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(PIECES, WORDS), max_size=12).map("".join))
@example("rose.")
@example("rose..")
@example("2025.")
@example("x\u2026.")
def test_complete_at_once_is_what_the_pattern_says(text: str) -> None:
    expected = _COMPLETE.search(text) is not None and ellipsis_ending(text) is None
    assert complete(text) == expected


SPACES = st.sampled_from(
    [
        *(" ", "  ", "\t", "\n", "\r", "\x0b", "\x1c", "\x85", "\u00a0", "\u2007", "\u3000"),
        "\u2028",
        # ASCII's other white space, and control characters that are none (kept as they are)
        *("\x0c", "\x1d", "\x1e", "\x1f", "\x01", "\x7f"),
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(WORDS, SPACES), max_size=12).map("".join))
@example("a b")
@example(" a")
@example("a\u3000b")
@example("a\x1fb c")
@example("a\x01b c")
def test_collapse_spaces_at_once_is_what_splitting_gives(text: str) -> None:
    nbsp = "\u00a0" in text or "\u2007" in text or "\u202f" in text
    expected = _BREAKING_SPACE.sub(" ", text).strip(" ") if nbsp else " ".join(text.split())
    assert collapse_spaces(text) == expected


# Thai and Lao letters, their vowel signs and digits (no letters), Latin, Chinese, an ellipsis.
THAI_MIXED = st.sampled_from(list("กขไทยັສລາວ\u0e31\u0e48๑໒ab中文 .…"))


@settings(max_examples=500, deadline=None)
@given(st.text(THAI_MIXED, min_size=1, max_size=30))
@example("ไทย ab")
@example("ไ\u0e31\u0e48ab")
def test_unpunctuated_end_is_most_letters_thai_or_lao(text: str) -> None:
    letters = [char for char in text if char.isalpha()]
    thai_lao = sum("\u0e00" <= char <= "\u0eff" for char in letters)
    expected = not text.isascii() and ellipsis_ending(text) is None and thai_lao * 2 > len(letters)
    assert _unpunctuated_end(text, ends_paragraph=True) == expected
    assert not _unpunctuated_end(text, ends_paragraph=False)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(WORDS, SPACES), max_size=8).map("".join), st.data())
def test_strip_span_drops_what_isspace_calls_white_space(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    expected_start, expected_end = start, end
    while expected_start < expected_end and text[expected_start].isspace():
        expected_start += 1
    while expected_end > expected_start and text[expected_end - 1].isspace():
        expected_end -= 1
    assert _strip_span(text, start, end) == (expected_start, expected_end)
