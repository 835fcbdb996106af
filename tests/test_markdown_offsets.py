"""The byte-to-character offset map behind every Markdown node span (a hot spot made run-based)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newslint.markdown import _boundary_chars, _ByteToChar

ALPHABET = st.sampled_from(
    ["a", "\n", "é", "\u07ff", "\u0800", "中", "\u00a0", "’", "😀", "\uffff"]
)


def naive(text: str) -> dict[int, int]:
    """Byte offset of each character boundary -> character offset."""
    out, offset = {}, 0
    for index, char in enumerate(text):
        out[offset] = index
        offset += len(char.encode("utf-8"))
    out[offset] = len(text)
    return out


@given(st.lists(ALPHABET, max_size=80).map("".join))
def test_every_character_boundary_maps_back(text: str) -> None:
    to_char = _ByteToChar(text)
    assert {b: to_char(b) for b in naive(text)} == naive(text)


def test_runs_not_characters() -> None:
    to_char = _ByteToChar("ab中文字xé😀c")
    assert len(to_char.runs) == 3  # 中文字 is one run; é😀 mix widths: one run each
    offsets = (0, 2, 5, 11, 12, 14, 18, 19)
    assert [to_char(b) for b in offsets] == [0, 2, 3, 5, 6, 7, 8, 9]


@given(st.lists(ALPHABET, max_size=80).map("".join), st.data())
def test_boundary_offsets_map_like_the_run_map(text: str, data: st.DataObject) -> None:
    boundaries = naive(text)
    wanted = data.draw(st.sets(st.sampled_from(sorted(boundaries))))
    assert _boundary_chars(text, wanted) == {b: boundaries[b] for b in wanted}


def test_an_offset_inside_a_character_or_past_the_end_is_refused() -> None:
    assert _boundary_chars("a中b", {0, 2}) is None  # byte 2 is inside 中 (bytes 1-3)
    assert _boundary_chars("a中b", {0, 6}) is None  # the text is 5 bytes long
    assert _boundary_chars("a中b", {0, 1, 4, 5}) == {0: 0, 1: 1, 4: 2, 5: 3}
