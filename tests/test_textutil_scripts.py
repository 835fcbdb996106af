"""`script_units`: the regex fast path agrees with the per-character reading."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from newslint.textutil import (
    _script_units_exact,
    han_share,
    is_cjk_char,
    mostly_cjk,
    script_units,
)

# Latin (ASCII and accented), digits, joiners, CJK, kana, hangul, spacing and punctuation: the
# letters the fast path handles, with the characters that split or join its words.
ALPHABET = st.sampled_from(list("abcXYZ09１٣ '’-.,\néßñǅạ销量不佳𠀀かカｶ한국。，"))


def test_counts_words_of_latin_and_characters_of_han() -> None:
    assert script_units("Apple Vision Pro 销量不佳") == {"latin": 3, "han": 4}
    assert script_units("don't re-run 9950X3D") == {"latin": 3}
    assert script_units("café — naïve l’été") == {"latin": 3}
    assert script_units("東京タワー 한국어 말") == {"han": 2, "kana": 3, "hangul": 2}
    assert script_units("2025 — 12") == {}
    assert script_units("a score of 0-0") == {"latin": 3}
    assert script_units("국0국 국-국") == {"hangul": 2}


@settings(max_examples=400, deadline=None)
@given(st.text(ALPHABET, max_size=60))
def test_fast_path_matches_the_exact_reading(text: str) -> None:
    # (ASCII text has its own path: it is all Latin, only its count of words matters.)
    assume(not text.isascii())
    assert script_units(text) == _script_units_exact(text)


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from([*"ab Z1.", *"中文한국カナ、。１２Ａ’é½²ⅫＡｂ𠀀"]), max_size=30))
def test_mostly_cjk_counts_as_the_per_character_definition(text: str) -> None:
    letters = [char for char in text if char.isalpha()]
    expected = bool(letters) and sum(map(is_cjk_char, letters)) * 2 > len(letters)
    assert mostly_cjk(text) == expected


def test_han_share_is_the_share_of_characters_on_the_fast_path_only() -> None:
    assert han_share("销量不佳 ok") == 4 / 7
    assert han_share("Apple") == 0.0
    assert han_share("") is None
    assert han_share("Москва 北京") is None  # Cyrillic: script_units counts it exactly


@settings(max_examples=400, deadline=None)
@given(st.text(ALPHABET, max_size=60))
def test_han_share_never_exceeds_the_han_share_of_the_units(text: str) -> None:
    share = han_share(text)
    units = script_units(text)
    assume(units)
    if share is not None:
        assert share <= units.get("han", 0) / sum(units.values())
