"""WordPress shortcode left in the text.

## What it does
Finds WordPress shortcodes that came along when posts were exported from WordPress (exitwp,
wordpress-to-hugo-exporter, jekyll-import, wordpress-export-to-markdown and the like) and that
nothing converted to Markdown or to a Hugo shortcode, with their brackets as they were or escaped
the way HTML-to-Markdown converters write them (`\\[youtube ...\\]`):

- a shortcode with attributes, `[caption id="attachment_12" align="aligncenter" width="300"]`,
  `[gallery ids="4,5,6"]`, `[contact-form-7 id="9"]` (a lower-case name, then at least one
  quoted `key="value"`);
- one of WordPress's own or Jetpack's shortcodes (`caption`, `gallery`, `embed`, `audio`, `video`,
  `youtube`, `vimeo`, `googlemaps`, `sourcecode`, ...) written with a URL
  (`[youtube https://youtu.be/x]`), with `=` (`[youtube=https://...]`, WordPress.com's form) or
  closed further on (`[embed]https://...[/embed]`);
- the closing tag of one of those (`[/caption]`) whose opening tag was not reported.

Each shortcode is reported once, at its opening tag. Bracketed words are left alone (`[sic]`,
`[video unavailable]`, a reference link `[1]`, a link's text `[video https://youtu.be/x](...)`), and
so is code (inline or a block) and what a Hugo shortcode call holds: an article about WordPress
shows shortcodes there.

## Why is this bad?
Only WordPress runs shortcodes. Hugo prints `[caption id="attachment_12" align="aligncenter"
width="300"]` and `[/caption]` around the image as they are, and a `[youtube ...]` or
`[gallery ...]` shows its code instead of the video or the photos.

## Example
    [caption id="attachment_12" align="aligncenter" width="300"]![Crowd](https://example.org/img/crowd.jpg) The crowd
    on Sunday[/caption]

## Use instead
    {{< figure src="https://example.org/img/crowd.jpg" alt="Crowd" caption="The crowd on Sunday" >}}
"""

from __future__ import annotations

import re
from collections import deque

from newslint import Rule, Severity, Span
from newslint.document import Document
from newslint.rule import Context

from ._body import Regions, shortcode_regions
from ._encoding import code_starts_and_spans, in_code

# WordPress's own shortcodes, and those of Jetpack (which WordPress.com runs): the ones an export
# carries most. Written with a URL, `=` or a closing tag, these are shortcodes without attributes.
KNOWN = frozenset(
    {
        "archives",
        "audio",
        "bandcamp",
        "caption",
        "code",
        "crowdsignal",
        "dailymotion",
        "embed",
        "facebook",
        "flickr",
        "gallery",
        "gist",
        "googleapps",
        "googlemaps",
        "instagram",
        "latex",
        "playlist",
        "polldaddy",
        "scribd",
        "slideshare",
        "slideshow",
        "soundcloud",
        "sourcecode",
        "spotify",
        "ted",
        "tweet",
        "twitter",
        "video",
        "vimeo",
        "wp_caption",
        "youtube",
    }
)
_NAME = r"[a-z][a-z0-9_-]{1,40}"
# An opening tag on one line: `[name ...]`, or `\[name ...\]` as a converter escapes it. The
# escaped bracket is spelled as two alternatives (a backslash and a bracket, or a bracket), not as
# an optional backslash: a search then scans for the two characters, where a pattern that starts
# with an optional one is tried at every character (twice as slow; the matches are the same).
_OPENING = re.compile(r"(?:\\\[|\[)(" + _NAME + r")(?=[\s=\]\\])([^\[\]\n]{0,1000}?)\\?\]")
_CLOSING = re.compile(r"(?:\\\[|\[)/(" + _NAME + r")\\?\]")
# What every `_OPENING` and `_CLOSING` match holds: a bracket and a lower-case letter or a slash,
# searched for by its literal bracket; most articles (whose link texts start with a capital) have
# no such bracket at all.
_CANDIDATE = re.compile(r"\[[a-z/]")
# A quoted attribute; WordPress's editor may have curled the quotes.
_ATTRIBUTE = re.compile(r"""\s[A-Za-z_][\w-]*\s*=\s*(?:"[^"]*"|'[^']*'|[“”″][^“”″]*[“”″])""")


class WordpressShortcode(Rule):
    code = "BD012"
    name = "wordpress-shortcode"
    severity = Severity.WARNING
    messages = {
        "shortcode": "shortcode [{name}] from WordPress left in the text: Hugo shows it as written",
        "closing": "closing tag [/{name}] of a WordPress shortcode left in the text: Hugo shows "
        "it as written",
    }

    def on_document_start(self, ctx: Context, document: Document) -> None:
        text = document.text
        start = document.body_start
        candidate = _CANDIDATE.search(text, start)
        if candidate is None:
            return
        # No match starts before the first candidate (or the backslash just before it).
        start = max(start, candidate.start() - 1)
        skip = _Skipped(document)
        closings = [m for m in _CLOSING.finditer(text, start) if not skip(m.start())]
        last_closing = {m.group(1): m.start() for m in closings}  # the last one of each name
        # The closing tags that a reported opening tag closes: for each, the first one of its
        # name after it that no earlier opening took. The others are reported on their own.
        # Openings come in the text's order, so a closing tag before one is left for good.
        waiting: dict[str, deque[int]] = {}
        for m in closings:
            waiting.setdefault(m.group(1), deque()).append(m.start())
        closed: set[int] = set()
        for match in _OPENING.finditer(text, start):
            name, rest = match.group(1), match.group(2)
            if text.startswith("(", match.end()) and not match.group().endswith("\\]"):
                continue  # a link's text: `[video https://youtu.be/x](https://youtu.be/x)`
            if not _is_shortcode(name, rest, match.end(), last_closing) or skip(match.start()):
                continue
            queue = waiting.get(name)
            while queue and queue[0] < match.end():
                queue.popleft()
            if queue:
                closed.add(queue.popleft())
            ctx.report(Span(match.start(), match.end()), "shortcode", name=name)
        for match in closings:
            if match.group(1) in KNOWN and match.start() not in closed:
                ctx.report(Span(match.start(), match.end()), "closing", name=match.group(1))


def _is_shortcode(name: str, rest: str, end: int, last_closing: dict[str, int]) -> bool:
    """Whether `[name rest]` is a shortcode: attributes make any name one; one of WordPress's own
    also counts with a URL, with `=`, or with its closing tag further on."""
    if _ATTRIBUTE.search(rest):
        return True
    if name not in KNOWN:
        return False
    if rest.startswith("=") or re.search(r"\bhttps?://", rest):
        return True
    return last_closing.get(name, -1) >= end


class _Skipped:
    """Code and what Hugo shortcode calls hold: shortcodes shown on purpose."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.regions: tuple[tuple[list[int], list[Span]], Regions] | None = None

    def __call__(self, offset: int) -> bool:
        if self.regions is None:  # found only when a candidate asks: most articles have none
            self.regions = (code_starts_and_spans(self.document), shortcode_regions(self.document))
        code, shortcodes = self.regions
        return in_code(code, offset) or shortcodes.covers(offset)
