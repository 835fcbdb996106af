"""`LinkUse`: a URL a link rule recorded during the document walk, for `newslint.linkcheck`.

Kept apart from `newslint.linkcheck`, which re-exports it, so that loading the link rules does not
load the checker: a run without `--check-links` never needs it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LinkUse:
    """One occurrence of a URL in one file, as a link rule records it during the document walk.

    `start`/`end` and the 1-based positions are where a diagnostic goes. `replaceable` is true when
    `text[start:end]` is exactly `url`, so an edit there can swap in another URL. `html`: the URL
    is an HTML attribute's value (`<a href="...">`), where a new URL must be HTML-escaped.
    """

    url: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    replaceable: bool = False
    source_line: str = ""
    kind: str = ""  # what the rule calls the URL in its message (`link-insecure`: link, image, ...)
    html: bool = (
        False  # written in a quoted HTML attribute: a new URL goes in with `&amp;` and such
    )
    # Where the same URL is also the link's visible text (`[http://x](http://x)`), on the same
    # line: a rule that rewrites the URL's start rewrites it there too (-1: nowhere).
    shown_at: int = -1
    shown_column: int = 0
    # A bare URL that Hugo's linkify makes a link: a new URL there must read back as one link.
    bare: bool = False

    @property
    def position(self) -> tuple[int, int, int, int]:
        return (self.line, self.column, self.end_line, self.end_column)
