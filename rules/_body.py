"""Helpers for the body rules: verbatim regions, blank lines and removing a whole block."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache

from newslint.document import Document
from newslint.events import Code, Html
from newslint.fixes import Edit
from newslint.spans import Span
from newslint.textutil import unescape

# A list item's marker and the spaces before its content, alone on the line's start.
_LIST_MARKER = re.compile(r"[ \t]{0,3}(?:[-*+]|[0-9]{1,9}[.)])[ \t]+")
# The same after the `>` of the block quotes it lies in (`> - `), which are group 1. Each `>` with
# its spaces is an atomic group: the space after one `>` may also be read as the indent before the
# next, and on a line of 30 `> ` that fails, trying every split took minutes. Taking the space
# right away never loses a match (the indent allows 0 to 3), so the groups match the same lines.
_QUOTED_LIST_MARKER = re.compile(r"((?>[ \t]{0,3}>[ \t]?)*)(" + _LIST_MARKER.pattern + ")")
# What stands before the text of a list item on its line: quotes and list markers (both groups
# atomic, as in `_QUOTED_LIST_MARKER`).
ITEM_PREFIX = re.compile(r"(?>[ \t]{0,3}>[ \t]?)*(?>[ \t]{0,3}(?:[-*+]|[0-9]{1,9}[.)])[ \t]+)+")
_QUOTE = re.compile(r"[ \t]{0,3}>[ \t]?")
_QUOTES = re.compile(r"(?>[ \t]{0,3}>[ \t]?)+")
# The opening fence of a fenced code block (the node's text starts at it), and a line that
# closes one: the quote markers and indent of its container, the fence, spaces.
_FENCE = re.compile(r"(`{3,}|~{3,})")
_CLOSING_FENCE = re.compile(r"(?>[ \t]{0,3}>[ \t]?)*[ \t]*(`{3,}|~{3,})[ \t]*")
_ONLY_LINKS = re.compile(r"\s*(?:!?\[[^\]\n]*\]\([^)\n]*\)\s*)+")
# `{{< name ...` or `{{< /name`; the commented form `{{</* name */>}}` does not match.
_SHORTCODE = re.compile(r"\{\{<-?[ \t]*(/?)[ \t]*([A-Za-z0-9_][\w./-]{0,100})")


# A character reference as Markdown reads one: with its semicolon (`&nbsp` is shown as it is).
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescape_references(text: str) -> str:
    """`text` with its character references decoded as Markdown (and Hugo) decode them."""
    if "&" not in text:
        return text
    return _REFERENCE.sub(lambda match: unescape(match.group(0)), text)


def is_blank(line: str) -> bool:
    """A Markdown blank line: nothing but spaces and tabs."""
    return not line.strip(" \t\r\n")


def only_links(source: str) -> bool:
    """A paragraph that is nothing but links or images (a source line, a photo)."""
    return _ONLY_LINKS.fullmatch(source) is not None


@lru_cache(maxsize=8)
def _shortcode_bodies(text: str, start: int) -> tuple[tuple[int, int], ...]:
    regions = [(opening.start(), end) for opening, end in paired_calls(text, start, _SHORTCODE)]
    return tuple(_merge(regions))


def paired_calls(
    text: str, start: int, calls: re.Pattern[str]
) -> Iterator[tuple[re.Match[str], int]]:
    """Each shortcode call that `calls` (a pattern whose last two groups are a closing call's
    `/` and the name) finds in `text` from `start` and that a closing call of its name ends,
    with where that closing call's `}}` ends; the innermost open call of a name is closed
    first."""
    opened: dict[str, list[re.Match[str]]] = {}
    last = calls.groups
    for match in calls.finditer(text, start):
        closing, name = match.group(last - 1), match.group(last)
        if not closing:
            opened.setdefault(name, []).append(match)
        elif opened.get(name):
            end = text.find("}}", match.end(), match.end() + 200)
            yield opened[name].pop(), match.end() if end < 0 else end + 2


def _merge(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, disjoint regions (one inside or overlapping another merge)."""
    merged: list[tuple[int, int]] = []
    for low, high in sorted(regions):
        if merged and low < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def shortcode_bodies(document: Document) -> tuple[tuple[int, int], ...]:
    """Spans of paired `{{< name >}} ... {{< /name >}}` calls, tags included.

    Hugo takes these out before Goldmark sees the Markdown: what is inside is the shortcode's
    business (`highlight` shows it as code, an `.inline` shortcode runs it as a template), so body
    rules do not look inside. `{{% %}}` calls are Markdown and are looked into.
    """
    text = document.text
    # `{` first: one character is looked for by memchr, a longer text costs about three
    # instructions per character (most articles have no brace at all).
    if "{" not in text or "{{<" not in text:
        return ()
    return _shortcode_bodies(text, document.body_start)


# A shortcode call with its arguments, which may run over lines: `{{< info text="**x" >}}`.
_SHORTCODE_CALL = re.compile(r"\{\{<.{0,2000}?>\}\}|\{\{%.{0,2000}?%\}\}", re.DOTALL)


def shortcode_regions(document: Document) -> Regions:
    """Shortcode bodies (`shortcode_bodies`) and the arguments of every shortcode call: text
    Markdown does not show as prose."""
    regions = Regions(shortcode_bodies(document))
    text = document.text
    if "{" in text and ("{{<" in text or "{{%" in text):  # `{` first: see `shortcode_bodies`
        for call in _SHORTCODE_CALL.finditer(document.text, document.body_start):
            regions.add(call.start(), call.end())
    return regions


# The delimiters of TeX math as MathJax, KaTeX and Hugo's passthrough extension read them, and
# what makes a delimited text TeX rather than prose between two prices (`$5 and $6`): a control
# word (`\frac`) or a braced super- or subscript (`x^{2}`).
_MATH_DELIMITER = re.compile(r"\$\$|\$|\\[()[\]]")
_MATH_CLOSER = {"$$": "$$", "$": "$", "\\(": "\\)", "\\[": "\\]"}
_TEX = re.compile(r"\\[A-Za-z]{2,}|[\^_]\{")
_MAX_MATH = 4000  # characters of one formula; a longer "formula" is two stray delimiters


def math_regions(document: Document) -> Regions:
    """The body's TeX formulas, `$...$`, `$$...$$`, `\\(...\\)` and `\\[...\\]`: text that a
    site's MathJax or KaTeX (or Hugo's passthrough extension) shows as math. An inline formula
    stays on its line, a display one in its paragraph (no blank line).

    One pass over the delimiters; the line breaks are looked for only in the text between two
    delimiters, so a line of a million `$` or `\\(` is read once.
    """
    text = document.text
    regions = Regions()
    if "$" not in text and ("\\" not in text or ("\\(" not in text and "\\[" not in text)):
        return regions
    opener: re.Match[str] | None = None
    previous = document.body_start
    last_break = last_blank = -1
    for match in _MATH_DELIMITER.finditer(text, document.body_start):
        token, at = match.group(), match.start()
        last_break = max(last_break, text.rfind("\n", previous, at))
        last_blank = max(last_blank, text.rfind("\n\n", max(previous - 1, 0), at))
        previous = match.end()
        if token in ("$", "$$") and is_escaped(text, at):
            continue  # `\$5`: a dollar sign
        if opener is None:
            opener = match if token in _MATH_CLOSER else None
            continue
        inline = opener.group() in ("$", "\\(")
        if (
            at - opener.end() > _MAX_MATH
            or (last_blank if not inline else last_break) > opener.start()
        ):
            opener = match if token in _MATH_CLOSER else None  # no formula: look from here
            continue
        if token != _MATH_CLOSER[opener.group()]:
            continue
        if _TEX.search(text, opener.end(), at):
            regions.add(opener.start(), match.end())
        opener = None
    return regions


def covered_by_node(document: Document, offset: int) -> bool:
    """Whether a node of the parsed body (a paragraph, heading, code block, HTML, ...) covers
    `offset`: a line no node covers shows nothing of its own (a blank line, a definition, an
    empty list item's marker). By bisection, as it is asked line by line."""
    starts, reach = document.memo("node-reach", _node_reach, document)
    index = bisect_right(starts, offset) - 1
    return index >= 0 and reach[index] > offset


def _node_reach(document: Document) -> tuple[list[int], list[int]]:
    """The starts of the body's nodes in order, and for each the furthest end of the nodes
    starting there or before: a node covers an offset when the reach before it goes past it.
    (Asked of every line of a body of 10,000 footnote definitions, a walk over the nodes per
    line was quadratic.)"""
    spans = sorted((node.span.start, node.span.end) for node in document.body_nodes)
    starts: list[int] = []
    reach: list[int] = []
    furthest = -1
    for start, end in spans:
        furthest = max(furthest, end)
        starts.append(start)
        reach.append(furthest)
    return starts, reach


_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)


def in_html_comment(document: Document, offset: int) -> bool:
    """Whether `offset` lies in an HTML comment of the body (`<!-- ... -->`, a block over lines
    or inline in a paragraph): what is there never shows, in the page or, as a comment, in its
    HTML. (Hugo runs the shortcodes in it all the same: a `ref` there still fails the build.)"""
    return document.memo("html-comments", _html_comments, document).covers(offset)


def _html_comments(document: Document) -> Regions:
    regions = Regions()
    text = document.text
    if "<" not in text or "<!--" not in text:  # `<` first: see `shortcode_bodies`
        return regions
    # An HTML block comes as one node per line: adjacent block nodes are read as one text.
    pieces: list[list[int]] = []  # [start, end], and whether the last node was a block's
    for node in document.body_nodes:
        if not isinstance(node, Html):
            continue
        start, end = node.span.start, node.span.end
        if pieces and not node.inline and pieces[-1][2] and pieces[-1][1] == start:
            pieces[-1][1] = end
        else:
            pieces.append([start, end, not node.inline])
    for start, end, _ in pieces:
        for comment in _HTML_COMMENT.finditer(text, start, end):
            regions.add(comment.start(), comment.end())
    return regions


def is_escaped(text: str, offset: int) -> bool:
    """Whether the character at `offset` follows an odd number of backslashes (a Markdown escape
    written before it)."""
    count = 0
    while offset - count > 0 and text[offset - count - 1] == "\\":
        count += 1
    return count % 2 == 1


class Regions:
    """A set of `[low, high)` offset ranges, asked whether they cover an offset (by bisection)."""

    def __init__(self, spans: tuple[tuple[int, int], ...] | list[tuple[int, int]] = ()) -> None:
        self.spans: list[tuple[int, int]] = list(spans)
        self._starts: list[int] | None = None

    def add(self, low: int, high: int) -> None:
        self.spans.append((low, high))
        self._starts = None

    def covers(self, offset: int) -> bool:
        if self._starts is None:
            self.spans = _merge(self.spans)
            self._starts = [start for start, _ in self.spans]
        index = bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self.spans[index][1]


class Verbatim(Regions):
    """Regions whose whitespace is content: code blocks (between their fences), code spans, raw
    HTML blocks and the bodies of `{{< >}}` shortcodes."""

    def add_node(self, node: Code | Html) -> None:
        if isinstance(node, Html) and node.inline:
            return
        fence = _FENCE.match(node.text) if isinstance(node, Code) and node.block else None
        if fence is None:
            self.add(node.span.start, node.span.end)
            return
        # A fenced block's own lines are no content: its info string and its closing fence
        # are trimmed, so only the lines between them are verbatim.
        text = node.text
        first_break = text.find("\n")
        if first_break < 0:
            return  # an opening fence alone at the end of the file
        last_line = text.rfind("\n", 0, len(text.rstrip("\r\n"))) + 1
        closing = _CLOSING_FENCE.fullmatch(text, last_line, len(text.rstrip("\r\n")))
        closed = (
            last_line > first_break
            and closing is not None
            and closing.group(1)[0] == fence.group(1)[0]
            and len(closing.group(1)) >= len(fence.group(1))
        )
        self.add(
            node.span.start + first_break + 1,
            node.span.start + (last_line if closed else len(text)),
        )

    def add_shortcodes(self, document: Document) -> None:
        for low, high in shortcode_bodies(document):
            self.add(low, high)


def delete_block(document: Document, span: Span) -> Edit:
    """An edit that removes the block at `span` with its lines and one blank line next to it.

    When the block shares its lines with something else (a `>` or `-` marker), only the block's own
    text goes, so the container keeps its shape; but a list item or a block quote that holds
    nothing else goes whole, since a marker alone renders as an empty bullet or quote. When the
    item goes on after a blank line, its next block moves up onto the marker's line (`2. x` +
    blank + `   More` becomes `2. More`): a marker before a blank line starts an empty item, and
    would leave the rest of the item out of the list.
    """
    text = document.text
    lines = document.lines
    end = span.end
    while end > span.start and text[end - 1] in "\r\n":
        end -= 1
    first = lines.position(span.start).line
    last = lines.position(max(span.start, end - 1)).line
    prefix = text[lines.line_span(first).start : span.start]
    if not is_blank(text[end : lines.line_span(last).end]):
        return Edit.delete(Span(span.start, end))
    body_first = lines.position(document.body_start).line
    if prefix.strip(" \t"):
        item = _QUOTED_LIST_MARKER.fullmatch(prefix)
        if item is None:
            quote = _whole_quote(document, prefix, first, last, body_first)
            if quote is None:
                return Edit.delete(Span(span.start, end))
            first, last = quote
        else:
            rest = _rest_of_item(document, item, last)
            if rest is not None and rest[0] == last + 1:
                return Edit.delete(Span(span.start, end))
            if rest is not None:
                # A marker before a blank line would be an empty item, and what follows a
                # paragraph after the list: the item's next block moves up onto the marker's line.
                return Edit.delete(Span(span.start, rest[1]))
    start, stop = lines.line_span(first).start, lines.line_span(last, with_break=True).end
    previous_blank = first > body_first and is_blank(_line(document, first - 1))
    if stop < len(text):
        if previous_blank and is_blank(_line(document, last + 1)):
            stop = lines.line_span(last + 1, with_break=True).end
    elif previous_blank:
        start = lines.line_span(first - 1).start
    return Edit.delete(Span(start, stop))


def delete_inline(document: Document, span: Span) -> Edit:
    """An edit that removes inline text at `span` (an empty link, an image) without leaving two
    spaces, or a space before punctuation, behind; alone on its lines it goes as a block does."""
    text = document.text
    lines = document.lines
    line = lines.line_span(lines.position(span.start).line)
    last = lines.line_span(lines.position(max(span.start, span.end - 1)).line)
    before, after = text[line.start : span.start], text[span.end : last.end]
    if not before.strip(" \t") and not after.strip(" \t"):
        return delete_block(document, span)
    start, end = span.start, span.end
    space_before = before.endswith((" ", "\t"))
    if space_before and after[:1] in (" ", "\t"):
        end += 1  # `a [](x) b` -> `a b`
    elif space_before and (not after or after[0] in _CLOSING):
        start -= 1  # `a [](x).` -> `a.`
    elif after[:1] in (" ", "\t") and (not before.strip(" \t") or before[-1] in "([{"):
        end += 1  # `[](x) a` at the start of a line -> `a`
    return Edit.delete(Span(start, end))


# Punctuation that follows a word without a space.
_CLOSING = frozenset(".,;:!?)]}\u3001\u3002\uff0c\uff1b\uff1a\uff01\uff1f")


def _whole_quote(
    document: Document, prefix: str, first: int, last: int, body_first: int
) -> tuple[int, int] | None:
    """The first and last line of the block quote around lines `first` to `last` (whose block
    follows `prefix`, the quote's markers), when that block is all the quote holds: its other
    lines are blank (`>` alone). None when the prefix is no quote or the quote holds more."""
    if _QUOTES.fullmatch(prefix) is None:
        return None
    low, high = first, last
    while low > body_first and _QUOTE.match(_line(document, low - 1)):
        low -= 1
    while high < document.lines.line_count and _QUOTE.match(_line(document, high + 1)):
        high += 1
    for number in (*range(low, first), *range(last + 1, high + 1)):
        line = _line(document, number)
        markers = _QUOTES.match(line)
        if not is_blank(line[markers.end() if markers else 0 :]):
            return None
    return low, high


def _rest_of_item(document: Document, item: re.Match[str], last: int) -> tuple[int, int] | None:
    """Where the list item goes on after a block that ends on line `last` and starts after
    `item` (a list marker such as `- ` or `12. `, possibly inside block quotes: `> - `): the
    number of the next line indented as the item's content, and the offset of that content
    (after the line's quote markers and the item's indent); None when the block is all the item
    holds (no such line before the next item or the end of the quote)."""
    depth = item.group(1).count(">")
    indent = len(item.group(2))
    for number in range(last + 1, document.lines.line_count + 1):
        line = _line(document, number)
        consumed = 0
        for _ in range(depth):
            quote = _QUOTE.match(line, consumed)
            if quote is None:
                return None  # the quote, and the item in it, ended
            consumed = quote.end()
        rest = line[consumed:]
        if is_blank(rest):
            continue
        if len(rest) - len(rest.lstrip(" \t")) < indent:
            return None
        return number, document.lines.line_span(number).start + consumed + indent
    return None


def _line(document: Document, number: int) -> str:
    span = document.lines.line_span(number)
    return document.text[span.start : span.end]
