"""`_Runs` answers the parse's run questions (escapes, runs of one character, e-mail local parts,
line ends)
exactly as a walk over the text does, whatever the order of the questions; and the inputs that
made those walks quadratic still parse to the same nodes. (Their time is measured by
`bench/hostile.py`, never asserted here.)"""

from __future__ import annotations

import random

import pytest

from newslint.markdown import _ESCAPABLE, _LINKIFY_LOCAL, _Runs, parse_body

ALPHABET = "\\\\\\..--<>aa@*_`[] \n"


def walked_run_start(text: str, index: int, char: str) -> int:
    start = index
    while start > 0 and text[start - 1] == char:
        start -= 1
    return start


def walked_escaped(text: str, index: int) -> bool:
    if text[index] not in _ESCAPABLE:
        return False
    return (index - walked_run_start(text, index, "\\")) % 2 == 1


def walked_local_end(text: str, index: int, limit: int) -> int:
    end = index
    while end < limit and text[end] in _LINKIFY_LOCAL:
        end += 1
    return end


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("order", ["ascending", "random"])
def test_runs_agree_with_a_walk_over_the_text(seed: int, order: str) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(1, 300)))
    indexes = list(range(len(text)))
    if order == "random":
        rng.shuffle(indexes)
    runs = _Runs(text)
    for index in indexes:
        for char in "\\.-<>":
            assert runs.run_start(index, char) == walked_run_start(text, index, char), (
                text,
                index,
                char,
            )
        assert runs.escaped(index) == walked_escaped(text, index), (text, index)
        limit = rng.randrange(index, len(text) + 1)
        assert runs.local_end(index, limit) == walked_local_end(text, index, limit), (
            text,
            index,
            limit,
        )
        line_end = text.find("\n", index)
        assert runs.line_end(index) == (len(text) if line_end < 0 else line_end), (text, index)


def test_a_local_part_at_the_very_start_of_the_body_is_walked() -> None:
    # The memory starts empty: offset 0 must not read as "known to end at 0".
    assert _Runs("ab@c.org").local_end(0, 8) == 2


def test_the_end_of_a_line_is_searched_for_once() -> None:
    # A line of 500,000 `*a` asked for its end at each of its 500,000 prose runs, each a search
    # to the end of the line: half of a check of it.
    runs = _Runs("*a" * 1000 + "\nb")
    assert [runs.line_end(index) for index in range(0, 2000, 2)] == [2000] * 1000
    assert runs._line == (0, 2000)  # the first search's answer, kept for the rest
    assert (runs.line_end(2001), runs._line) == (2002, (2001, 2002))


def _links(body: str) -> list[tuple[str, int, int]]:
    return [
        (node.url, node.span.start, node.span.end)
        for node in parse_body(body, 0)
        if type(node).__name__ == "Link"
    ]


@pytest.mark.parametrize(
    ("body", "links"),
    [
        # An address whose local part runs on over emphasis delimiters from run to run.
        ("*a*a*a*b@c.org\n", [("mailto:a*a*a*b@c.org", 1, 14)]),
        # After 999 backslash pairs `\\*` is an escaped backslash and an emphasis star; after
        # 999 pairs and one more `\*` is a literal star before which Linkify does not start.
        ("\\\\" * 999 + "*https://a.org*\n", [("https://a.org", 1999, 2012)]),
        ("\\\\" * 999 + "\\*https://a.org\n", []),
        # Typographer runs: `...` by threes starts a line head, so the URL links.
        ("x " + "." * 300 + "https://a.org\n", [("https://a.org", 302, 315)]),
        ("x " + "." * 301 + "https://a.org\n", []),
    ],
)
def test_hostile_shaped_lines_parse_to_the_same_links(
    body: str, links: list[tuple[str, int, int]]
) -> None:
    assert _links(body) == links
