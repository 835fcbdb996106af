"""Unified diffs of lines that take time in proportion to the lines (`newslint fix --diff`).

`unified_diff` gives exactly the lines `difflib.unified_diff` gives, whenever difflib's matcher
finds them with a reasonable amount of work. That matcher looks for the longest matching block
in the whole unmatched range, then again on each side of it: when the lines match in many short
blocks (a fix of every other line of an article: trailing whitespace, a control character per
line), each block costs a scan of everything after it, and a 40,000-line file took minutes, a
1 MB one hours. Its work is counted as it goes (each scan's cost is known before it starts); past
`budget` (by default four million steps, about a second, or ten scans of both files when that
is more; an ordinary article needs a few thousand) the lines are matched as *patience diff* does instead: the lines that
occur once in each file, in the longest order they share, anchor the match, and the lines
around each anchor are matched from both ends. That is a different diff of the same change, as
valid for `patch`, found in O(n log n).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from difflib import Match, SequenceMatcher
from itertools import accumulate

# Steps difflib may take before its matching is given up (see the module docstring).
MIN_BUDGET = 4_000_000  # about a second
BUDGET_PER_LINE = 10


class _OverBudget(Exception):
    """difflib's matcher needs more work than it is given."""


class _CountingMatcher(SequenceMatcher[str]):
    """difflib's `SequenceMatcher` (no junk, autojunk on: what `unified_diff` uses) that stops
    with `_OverBudget` once its scans would exceed `budget` steps.

    A scan of `a[alo:ahi]` against `b[blo:bhi]` (`find_longest_match`) visits each line of that
    part of `a` and each position in `b` of that line (`b2j`): their sum is known up front.
    """

    # What difflib keeps on the matcher (its stubs do not declare them).
    a: Sequence[str]
    b: Sequence[str]
    b2j: dict[str, list[int]]
    matching_blocks: list[Match] | None
    opcodes: list[tuple[str, int, int, int, int]] | None

    def __init__(self, a: Sequence[str], b: Sequence[str], budget: int) -> None:
        super().__init__(None, a, b)
        self.budget = budget
        positions = self.b2j
        self._cost = list(accumulate((1 + len(positions.get(line, ())) for line in a), initial=0))

    def find_longest_match(
        self, alo: int = 0, ahi: int | None = None, blo: int = 0, bhi: int | None = None
    ) -> Match:
        if ahi is None:
            ahi = len(self.a)
        if bhi is None:
            bhi = len(self.b)
        self.budget -= self._cost[ahi] - self._cost[alo]
        if self.budget < 0:
            raise _OverBudget
        return super().find_longest_match(alo, ahi, blo, bhi)


def _patience_blocks(a: Sequence[str], b: Sequence[str]) -> list[Match]:
    """Matching blocks (as `SequenceMatcher.get_matching_blocks` returns them: ascending, adjacent
    ones merged, ending with `(len(a), len(b), 0)`) anchored on the lines unique to both sides."""
    count_a: dict[str, int] = {}
    for line in a:
        count_a[line] = count_a.get(line, 0) + 1
    where_b: dict[str, int] = {}
    count_b: dict[str, int] = {}
    for j, line in enumerate(b):
        count_b[line] = count_b.get(line, 0) + 1
        where_b[line] = j
    pairs = [
        (i, where_b[line])
        for i, line in enumerate(a)
        if count_a[line] == 1 and count_b.get(line) == 1
    ]
    anchors = _longest_increasing(pairs)
    blocks: list[tuple[int, int, int]] = []
    i = j = 0
    for anchor_i, anchor_j in [*anchors, (len(a), len(b))]:
        # The gap before the anchor: equal lines from its start, then from its end.
        start_i, start_j = i, j
        while i < anchor_i and j < anchor_j and a[i] == b[j]:
            i, j = i + 1, j + 1
        if i > start_i:
            blocks.append((start_i, start_j, i - start_i))
        end_i, end_j = anchor_i, anchor_j
        while end_i > i and end_j > j and a[end_i - 1] == b[end_j - 1]:
            end_i, end_j = end_i - 1, end_j - 1
        if end_i < anchor_i:
            blocks.append((end_i, end_j, anchor_i - end_i))
        if anchor_i < len(a):
            blocks.append((anchor_i, anchor_j, 1))
        i, j = anchor_i + 1, anchor_j + 1
    merged: list[Match] = []
    for block_i, block_j, size in blocks:
        if (
            merged
            and merged[-1].a + merged[-1].size == block_i
            and (merged[-1].b + merged[-1].size == block_j)
        ):
            last = merged[-1]
            merged[-1] = Match(last.a, last.b, last.size + size)
        else:
            merged.append(Match(block_i, block_j, size))
    merged.append(Match(len(a), len(b), 0))
    return merged


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of `pairs` (ascending in their first item) ascending in the second too
    (patience sorting, O(n log n))."""
    tails: list[int] = []  # the smallest second item ending a run of each length
    ends: list[int] = []  # index in `pairs` of that end
    before: list[int] = []  # index of the previous pair in the run ending at each pair
    for index, (_, j) in enumerate(pairs):
        length = bisect_left(tails, j)
        if length == len(tails):
            tails.append(j)
            ends.append(index)
        else:
            tails[length] = j
            ends[length] = index
        before.append(ends[length - 1] if length else -1)
    out = []
    index = ends[-1] if ends else -1
    while index >= 0:
        out.append(pairs[index])
        index = before[index]
    return out[::-1]


def _format_range(start: int, stop: int) -> str:
    """A hunk's range as `diff -u` writes it (difflib's `_format_range_unified`)."""
    beginning = start + 1
    length = stop - start
    if length == 1:
        return f"{beginning}"
    if not length:
        beginning -= 1
    return f"{beginning},{length}"


def unified_diff(
    a: Sequence[str],
    b: Sequence[str],
    fromfile: str = "",
    tofile: str = "",
    n: int = 3,
    *,
    budget: int | None = None,
) -> Iterator[str]:
    """`difflib.unified_diff(a, b, fromfile, tofile, n=n)` (lines ending in "\\n", no dates);
    past `budget` steps of difflib's matcher, the patience match (see the module docstring)."""
    if budget is None:
        budget = max(MIN_BUDGET, BUDGET_PER_LINE * (len(a) + len(b)))
    matcher = _CountingMatcher(a, b, budget)
    try:
        groups = list(matcher.get_grouped_opcodes(n))
    except _OverBudget:
        # `get_opcodes` reads the blocks from here (where `get_matching_blocks` leaves them),
        # and starts again once its own list, left empty by the interruption, is gone.
        matcher.matching_blocks = _patience_blocks(a, b)
        matcher.opcodes = None
        groups = list(matcher.get_grouped_opcodes(n))
    for number, group in enumerate(groups):
        if number == 0:
            yield f"--- {fromfile}\n"
            yield f"+++ {tofile}\n"
        first, last = group[0], group[-1]
        yield f"@@ -{_format_range(first[1], last[2])} +{_format_range(first[3], last[4])} @@\n"
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                for line in a[i1:i2]:
                    yield " " + line
                continue
            if tag in ("replace", "delete"):
                for line in a[i1:i2]:
                    yield "-" + line
            if tag in ("replace", "insert"):
                for line in b[j1:j2]:
                    yield "+" + line
