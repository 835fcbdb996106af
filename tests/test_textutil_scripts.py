"""`script_units`: the regex fast path agrees with the per-character reading."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from newslint.textutil import (
    _WORDISH,
    _script_units_exact,
    han_share,
    is_cjk_char,
    mostly_cjk,
    script_of,
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
@given(
    st.text(
        # With what is no letter inside the letter ranges (`・`, `゛`, unassigned code points of
        # Hangul, the compatibility ideographs and the supplementary plane) and letters among
        # the punctuation (`々`, `〆`, full-width ones).
        st.sampled_from(
            [
                *"ab Z1.",
                *"中文한국カナ、。１２Ａ’é½²ⅫＡｂ𠀀・゛々〆〇\ud7a4\ufa6e\U0002a6e0\U0002ebe1",
            ]
        ),
        max_size=30,
    )
)
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


def _units_char_by_char(text: str) -> dict[str, int]:
    """The definition `_script_units_exact` keeps: each character of each word by `script_of`."""
    units: dict[str, int] = {}
    for token in _WORDISH.findall(text):
        if token.isascii():
            if not token.isdigit() and any(char.isalpha() for char in token):
                units["latin"] = units.get("latin", 0) + 1
            continue
        current: str | None = None
        for char in token:
            script = script_of(char)
            if script is None:
                continue
            if script in ("han", "kana"):
                units[script] = units.get(script, 0) + 1
                current = None
            elif script != current:
                units[script] = units.get(script, 0) + 1
                current = script
    return units


# Every kind of character a word may hold: Latin, Greek, Cyrillic, Han, kana (full- and half-width,
# the prolonged sound mark), Hangul (and half-width Hangul, which `script_of` calls Han), full-width
# Latin and digits, numerals that are no letters (`〇`, `①`, `Ⅻ`), iteration marks, joiners.
MIXED = st.sampled_from(list("aZ9é ’'-.Δγжщ销量𠀀々〇かカーｶﾡ한１Ａｂ①Ⅻ、。"))


@settings(max_examples=600, deadline=None)
@given(st.text(MIXED, max_size=40))
def test_exact_reading_counts_as_character_by_character(text: str) -> None:
    # Compared as lists: the order in which scripts are first met breaks a tie in language-mismatch.
    assert list(_script_units_exact(text).items()) == list(_units_char_by_char(text).items())


def test_exact_reading_keeps_the_order_scripts_are_met_in() -> None:
    assert list(_script_units_exact("Δ カ中").items()) == [("greek", 1), ("kana", 1), ("han", 1)]
    assert list(_script_units_exact("Δ 中カ").items()) == [("greek", 1), ("han", 1), ("kana", 1)]
    assert _script_units_exact("Δ〇Δ ａ〇ｂ") == {"greek": 1, "han": 2}
    assert _script_units_exact("Δ中Δ") == {"greek": 2, "han": 1}
