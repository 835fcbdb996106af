"""Character spans into a document's text, and the line index that turns them into positions.

Every node and diagnostic carries a `Span` of code-point offsets into the decoded text. Lines and
columns are computed only when something is reported, from a `LineIndex` built once per document.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from newslint.records import fast_init

# Hugo (and CommonMark) end a line at LF, CRLF or a lone CR.
_LINE_BREAK = re.compile(r"\r\n?|\n")
_PLUS_ONE = (1).__add__


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open range `[start, end)` of code-point offsets into the document text."""

    start: int
    end: int

    # Written out (the dataclass keeps an explicit __init__): spans are made by the hundred per
    # document, and this is about twice as fast as the generated frozen __init__ + __post_init__.
    def __init__(self, start: int, end: int) -> None:
        if start < 0 or end < start:
            raise ValueError(f"bad span {start}..{end}")
        _set_start(self, start)
        _set_end(self, end)

    def shift(self, offset: int) -> Span:
        return Span(self.start + offset, self.end + offset)

    def __len__(self) -> int:
        return self.end - self.start


# The slots' own setters: they write past the frozen class's __setattr__, once, in __init__.
_set_start = Span.__dict__["start"].__set__
_set_end = Span.__dict__["end"].__set__


@fast_init
@dataclass(frozen=True, slots=True)
class Position:
    """1-based line and column (columns count code points)."""

    line: int
    column: int


class LineIndex:
    """Maps offsets to 1-based (line, column) pairs and back."""

    def __init__(self, text: str) -> None:
        self.text = text
        if "\r" in text:
            self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
        else:  # LF only (nearly every file): summing line lengths is six times faster
            lines = text.split("\n")
            # Each line's length and its line break, summed; `map` keeps the loop in C (a
            # generator expression resumed once per line cost as much again).
            self.starts = list(accumulate(map(_PLUS_ONE, map(len, lines[:-1])), initial=0))

    def position(self, offset: int) -> Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        return Position(line + 1, offset - self.starts[line] + 1)

    def offset(self, line: int, column: int) -> int:
        """Offset of a 1-based line and column (clamped to the text)."""
        if line < 1:
            return 0
        if line > len(self.starts):
            return len(self.text)
        return min(self.starts[line - 1] + column - 1, len(self.text))

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def line_span(self, line: int, *, with_break: bool = False) -> Span:
        """Span of 1-based line `line`, without its line break unless asked."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        if not with_break:
            while end > start and self.text[end - 1] in "\r\n":
                end -= 1
        return Span(start, end)
