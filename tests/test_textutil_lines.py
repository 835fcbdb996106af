"""`line_start`: where the line holding an offset starts, after an LF, a CR or a CRLF, looking back
no further than the line it is on."""

from __future__ import annotations

import random

import pytest

from newslint.textutil import line_start


def walked_line_start(text: str, index: int, floor: int) -> int:
    start = index
    while start > floor and text[start - 1] not in "\r\n":
        start -= 1
    return start


@pytest.mark.parametrize("seed", range(20))
def test_line_start_agrees_with_a_walk_back(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice("ab \r\n") for _ in range(rng.randrange(0, 200)))
    for index in range(len(text) + 1):
        floor = rng.randrange(0, index + 1)
        assert line_start(text, index, floor) == walked_line_start(text, index, floor), (
            text,
            index,
            floor,
        )


class Searched(str):
    """A text that counts how many characters its `rfind`s look at."""

    looked_at = 0

    def rfind(self, sub: str, start: int | None = None, end: int | None = None) -> int:  # type: ignore[override]
        assert start is not None and end is not None
        found = super().rfind(sub, start, end)
        # From the end back to what it found, or to `start` when nothing.
        Searched.looked_at += max(end - (start if found < 0 else found), 0)
        return found


def test_line_start_looks_at_the_line_only() -> None:
    # Before: the CR was looked for from the start of the text, which has none: on a file of
    # 100,000 footnote definitions, the whole text at each line.
    text = Searched("A line of text.\n" * 1000)
    Searched.looked_at = 0
    starts = [line_start(text, index) for index in range(15, len(text), 16)]
    assert starts == list(range(0, len(text), 16))
    assert Searched.looked_at <= 2 * len(text)
