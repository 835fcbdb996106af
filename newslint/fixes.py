"""Text edits and fixes, and the pure function that applies them.

A fix never re-serialises a file: it is a list of `Edit`s over the original text, each replacing the
smallest span it needs to. Edits of one fix must not overlap; fixes that overlap an already chosen fix
wait for the next pass of `newslint fix`.
"""

from __future__ import annotations

import enum
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from newslint.records import fast_init
from newslint.spans import Span


class Applicability(enum.Enum):
    """How sure a fix is: SAFE is applied by `newslint fix`, UNSAFE only with `--unsafe-fixes`."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY_ONLY = "display-only"


@fast_init
@dataclass(frozen=True, slots=True)
class Edit:
    """Replace `text[start:end]` with `content` (code-point offsets into the document's text).

    The third field is named `content`, as in the JSON output's edits (DESIGN.md sketches
    `Edit(start, end, text)`; positional construction is the same)."""

    start: int
    end: int
    content: str

    @classmethod
    def replace(cls, span: Span, content: str) -> Edit:
        return cls(span.start, span.end, content)

    @classmethod
    def delete(cls, span: Span) -> Edit:
        return cls(span.start, span.end, "")

    @classmethod
    def insert(cls, offset: int, content: str) -> Edit:
        return cls(offset, offset, content)


@dataclass(frozen=True, slots=True)
class Fix:
    """A titled set of non-overlapping edits with an applicability."""

    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability

    # Written out (the dataclass keeps an explicit __init__), as `Span`'s is: a file can have a
    # fix per problem, 100,000 of them, and this is several times faster than the generated
    # frozen __init__ and a __post_init__.
    def __init__(self, title: str, edits: tuple[Edit, ...], applicability: Applicability) -> None:
        if type(edits) is not tuple or len(edits) > 1:  # one edit is ordered, overlaps nothing
            edits = tuple(sorted(edits, key=lambda e: (e.start, e.end)))
            for first, second in pairwise(edits):
                if first.end > second.start:
                    raise ValueError(f"fix {title!r} has overlapping edits")
        _SET_TITLE(self, title)
        _SET_EDITS(self, edits)
        _SET_APPLICABILITY(self, applicability)

    # The edits come as arguments (`Fix.safe(title, edit1, edit2)`) or as one list of them
    # (`Fix.safe(title, [edit1, edit2])`, as an ESLint fixer returns an array of fixes).
    @classmethod
    def safe(cls, title: str, *edits: Edit | Iterable[Edit]) -> Fix:
        return cls(title, _edit_tuple(edits), Applicability.SAFE)

    @classmethod
    def unsafe(cls, title: str, *edits: Edit | Iterable[Edit]) -> Fix:
        return cls(title, _edit_tuple(edits), Applicability.UNSAFE)

    @classmethod
    def display_only(cls, title: str, *edits: Edit | Iterable[Edit]) -> Fix:
        return cls(title, _edit_tuple(edits), Applicability.DISPLAY_ONLY)

    @property
    def span(self) -> Span:
        return Span(self.edits[0].start, max(e.end for e in self.edits))

    def applies(self, *, unsafe: bool) -> bool:
        if self.applicability is Applicability.SAFE:
            return True
        return unsafe and self.applicability is Applicability.UNSAFE

    def changes(self, text: str) -> bool:
        return any(text[e.start : e.end] != e.content for e in self.edits)


def _edit_tuple(edits: tuple[Edit | Iterable[Edit], ...]) -> tuple[Edit, ...]:
    """The edits given to `Fix.safe` and its kin: each an `Edit`, or one list (or tuple) of them."""
    if len(edits) == 1 and not isinstance(edits[0], Edit):
        return tuple(edits[0])
    return edits  # type: ignore[return-value]  # every item is an Edit here


# The slots' own setters, for `Fix.__init__` and `ordered_fix` (past the frozen class's
# __setattr__, once).
_SET_TITLE = Fix.__dict__["title"].__set__
_SET_EDITS = Fix.__dict__["edits"].__set__
_SET_APPLICABILITY = Fix.__dict__["applicability"].__set__
APPLICABILITIES = {a.value: a for a in Applicability}


def ordered_fix(title: str, edits: tuple[Edit, ...], applicability: Applicability) -> Fix:
    """A `Fix` from edits that a `Fix` already ordered and checked (the cache's and the workers'
    encoded results), without ordering and checking them again."""
    fix = object.__new__(Fix)
    _SET_TITLE(fix, title)
    _SET_EDITS(fix, edits)
    _SET_APPLICABILITY(fix, applicability)
    return fix


def _conflicts(edit: Edit, taken: Sequence[Edit]) -> bool:
    for other in taken:
        if edit.start < other.end and other.start < edit.end:
            return True
        # Touching at one point is a conflict only when one of them is an insertion there,
        # since the order of the two results would then be ambiguous.
        if edit.start == edit.end and other.start <= edit.start <= other.end:
            return True
        if other.start == other.end and edit.start <= other.start <= edit.end:
            return True
    return False


class _Taken:
    """The edits chosen so far, ordered, for `_conflicts` with only their neighbours.

    Chosen edits do not overlap (only a fix's own insertion may share a start with its next
    edit), so ordered by start their ends are ordered too: the edits an edit can conflict with are
    those whose closed range meets its own, next to each other in that order, and of those at most
    two (one ending where it starts, one starting where it ends) do not conflict. Checking every
    chosen edit instead made a pass over 50,000 fixes take minutes.
    """

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.edits: list[Edit] = []

    def conflicts(self, edit: Edit) -> bool:
        index = bisect_right(self.starts, edit.end)
        nearby = []
        while index > 0 and self.edits[index - 1].end >= edit.start:
            index -= 1
            nearby.append(self.edits[index])
            if len(nearby) > 2:  # more than the two at its ends: one lies inside it
                break
        return _conflicts(edit, nearby)

    def add(self, edit: Edit) -> None:
        index = bisect_right(self.starts, edit.start)  # fixes come in order: mostly the end
        self.starts.insert(index, edit.start)
        self.edits.insert(index, edit)


def fix_order(fix: Fix) -> tuple[int, int, str]:
    """`(fix.span.start, fix.span.end, fix.title)`, without making the span."""
    edits = fix.edits
    first = edits[0]  # a fix without edits fails here, as `fix.span` does
    return first.start, first.end if len(edits) == 1 else max(e.end for e in edits), fix.title


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, list[Fix], list[Fix]]:
    """Apply every fix whose edits do not overlap an earlier chosen fix.

    Returns the new text, the fixes applied and the fixes left for a later pass. Fixes are taken in
    order of their first edit, so the result does not depend on the order rules reported them.
    """
    applied: list[Fix] = []
    deferred: list[Fix] = []
    taken = _Taken()
    for fix in sorted(fixes, key=fix_order):
        if not fix.edits or not fix.changes(text):
            continue
        if any(taken.conflicts(edit) for edit in fix.edits):
            deferred.append(fix)
            continue
        applied.append(fix)
        for edit in fix.edits:
            taken.add(edit)
    pieces: list[str] = []
    cursor = 0
    for edit in taken.edits:
        pieces.append(text[cursor : edit.start])
        pieces.append(edit.content)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces), applied, deferred
