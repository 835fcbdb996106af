"""Empty HTML elements that imports leave in the body (`<p></p>`, `<div></div>`, `<span></span>`,
`<p>&nbsp;</p>`, `<p><br></p>`), as WordPress's and rich-text editors' exports write them.

An element counts only when nothing about it can matter: a paragraph, division or phrase element
(`p`, `div`, `span`, `font`, `b`, `strong`, `i`, `em`, `u`) whose attributes are none or only
ones that change nothing on an element without text (`dir`, `lang`, `align`, `title`, a
`style` that only dresses text such as `font-weight: 400`; a `p` may have any `class` or `style`
too, which dress text it does not have, but no `style` that draws a box without text, such as a
spacer's `height`), holding only white space
(without a blank line, which would end the HTML), spaces written as references (`&nbsp;`), line
breaks (`<br>`) and such elements. An `id` or `name` (a link's anchor), a `data-*` attribute (an
embed's script fills the element), an event handler, or a `class` or another `style` on another
element (an icon font's `<span class="dashicons">`, Google's `<div class="gcse-search">`, a spacer
`<div style="height:20px">`, `<div style="clear: both">`) keep it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newslint.document import Document
from newslint.events import Html
from newslint.fixes import Edit
from newslint.spans import Span
from newslint.textutil import unescape

from ._body import ITEM_PREFIX, delete_block, is_blank
from ._encoding import ZERO_WIDTH

BLOCK_ELEMENTS = frozenset({"p", "div"})
PHRASE_ELEMENTS = frozenset({"span", "font", "b", "strong", "i", "em", "u"})
_HARMLESS = frozenset({"dir", "lang", "xml:lang", "align", "title"})

_OPEN = re.compile(r"<([A-Za-z][A-Za-z0-9]*)((?:[ \t\r\n]+[^\s\"'<>/=]+(?:[ \t\r\n]*=[ \t\r\n]*"
                   r"(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)[ \t\r\n]*>")  # fmt: skip
_ATTRIBUTE = re.compile(r"([^\s\"'<>/=]+)(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?")
_BR = re.compile(r"<[bB][rR][ \t\r\n]*/?>")
# A character reference a browser decodes (also `&nbsp` without its semicolon).
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9A-Fa-f]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)")
_SPACE_RUN = re.compile(r"[ \t\r\n]+")
# Tags for the nesting depth (void elements and `/>` open nothing).
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?:[ \t\r\n/][^<>]*)?>")
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"}
)  # fmt: skip
_MOST_NESTED = 8
_QUOTES = re.compile(r"(?>[ \t]{0,3}>[ \t]?)+")


@dataclass(frozen=True)
class EmptyElement:
    """An HTML element that shows nothing but (at most) white space."""

    tag: str  # the outermost element's name as written (`p`, `DIV`)
    end: int  # where its closing tag ends
    shown: str  # the white space it shows ("" for none: `&nbsp;`, `<br>`, U+3000 ...)
    spaced: bool  # it holds white space of any kind (in a line of text, a space between words)


def empty_element(text: str, start: int) -> EmptyElement | None:
    """The element whose opening tag is at `start` in `text`, when it holds nothing that shows
    (see the module's docstring), else None."""
    opening = _OPEN.match(text, start)
    if opening is None or not _kept_out(opening):
        return None
    found = _content(text, opening.end(), opening.group(1).lower(), 1)
    if found is None:
        return None
    end, shown, spaced = found
    return EmptyElement(opening.group(1), end, shown, spaced)


def _kept_out(opening: re.Match[str]) -> bool:
    """Whether the opening tag is one of the elements looked at, with harmless attributes."""
    name = opening.group(1).lower()
    if name not in BLOCK_ELEMENTS and name not in PHRASE_ELEMENTS:
        return False
    for attribute in _ATTRIBUTE.finditer(opening.group(2)):
        key = attribute.group(1).lower()
        if key in _HARMLESS or (name == "p" and key == "class"):
            continue
        if name == "p" and key == "style" and not _draws_a_box(attribute.group(0)):
            continue  # Word's `margin: 0in 0in 0pt`, `text-align: center`: nothing to see
        if key != "style" or not _dresses_text(attribute.group(0)):
            return False
    return True


# Style properties that only dress text (a word processor's `font-weight: 400`, Word's `mso-*`,
# which browsers ignore): on an element without text they draw nothing.
_TEXT_PROPERTIES = ("font", "color", "text-", "line-height", "letter-spacing", "word-spacing",
                    "white-space", "vertical-align", "direction", "unicode-bidi", "mso-")  # fmt: skip
_STYLE_VALUE = re.compile(r"""style\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)


# Style properties that draw an empty element as a box of its own: a spacer
# `<p style="height: 40px"></p>` is a gap on purpose.
_BOX_PROPERTIES = ("height", "min-height", "padding", "border", "background", "outline")


def _draws_a_box(attribute: str) -> bool:
    """Whether a `style` attribute sets a property that draws the element without its text."""
    return any(prop.startswith(_BOX_PROPERTIES) for prop in _style_properties(attribute) or ("",))


def _style_properties(attribute: str) -> list[str] | None:
    """The properties a `style` attribute sets (lower case), or None when it is no `style`."""
    value = _STYLE_VALUE.fullmatch(attribute)
    if value is None:
        return None
    declarations = (value.group(1) or value.group(2) or value.group(3) or "").split(";")
    return [p for d in declarations if (p := d.partition(":")[0].strip().lower())]


def _dresses_text(attribute: str) -> bool:
    """Whether a `style` attribute sets only properties of text."""
    properties = _style_properties(attribute)
    return properties is not None and all(p.startswith(_TEXT_PROPERTIES) for p in properties)


def _content(text: str, at: int, name: str, depth: int) -> tuple[int, str, bool] | None:
    """Where the element `name` whose content starts at `at` ends, the white space its content
    shows, and whether it holds any; None when it holds anything else."""
    shown: list[str] = []
    spaced = False
    closing = f"</{name}"
    while at < len(text):
        space = _SPACE_RUN.match(text, at)
        if space is not None:
            if space.group(0).count("\n") > 1:
                return None  # a blank line ends an HTML block: Markdown follows
            at = space.end()
            spaced = True
            continue
        char = text[at]
        if char in ZERO_WIDTH or (char.isspace() and char not in "\r\n"):
            shown.append(char)
            at += 1
        elif char == "&":
            reference = _REFERENCE.match(text, at)
            decoded = unescape(reference.group(0)) if reference is not None else "&"
            if reference is None or not all(c.isspace() or c in ZERO_WIDTH for c in decoded):
                return None
            shown.append(reference.group(0))
            at = reference.end()
        elif text.startswith(closing, at) or text[at : at + len(closing)].lower() == closing:
            end = text.find(">", at)
            if end < 0 or text[at + len(closing) : end].strip(" \t\r\n"):
                return None
            joined = "".join(shown)
            return end + 1, joined, spaced or bool(joined)
        elif (br := _BR.match(text, at)) is not None:
            shown.append("<br>")
            at = br.end()
        elif char == "<" and depth < _MOST_NESTED:
            opening = _OPEN.match(text, at)
            if opening is None or not _kept_out(opening):
                return None
            inner = _content(text, opening.end(), opening.group(1).lower(), depth + 1)
            if inner is None:
                return None
            at, inner_shown, inner_spaced = inner
            shown.append(inner_shown)
            spaced = spaced or inner_spaced
        else:
            return None
    return None


def depth_change(source: str) -> int:
    """How many elements the tags in `source` leave open (negative: closed more than opened)."""
    if "<" not in source:
        return 0
    change = 0
    for tag in _TAG.finditer(_without_comments(source)):
        if tag.group(2).lower() in _VOID or tag.group(0).endswith("/>"):
            continue
        change += -1 if tag.group(1) else 1
    return change


def _without_comments(source: str) -> str:
    """`source` without its HTML comments (one left open runs to the end), in one pass."""
    if "<!--" not in source:
        return source
    parts: list[str] = []
    at = 0
    while (opening := source.find("<!--", at)) >= 0:
        parts.append(source[at:opening])
        closing = source.find("-->", opening + 4)
        if closing < 0:
            return "".join(parts)
        at = closing + 3
    parts.append(source[at:])
    return "".join(parts)


@dataclass(frozen=True)
class Leftover:
    """An empty element to report: where, what, and the edit that removes it."""

    span: Span
    element: EmptyElement
    edit: Edit
    safe: bool  # False when Markdown would read the line after it differently once it is gone


class LeftoverFinder:
    """Follows a document's raw HTML nodes in order, keeping track of how deep they nest, and
    finds the empty elements among them that can go. An element holding nothing may be drawn by
    a wrapper's style (`.loader div`, an icon built of `<span>`s), so it counts only outside any
    other element: block HTML open over the whole body (Markdown between `<div class="x">` and
    `</div>` is inside it), phrase tags within their paragraph or heading. A blank `p` or `div`
    (`&nbsp;`, `<br>`) is a gap wherever it stands."""

    def __init__(self) -> None:
        self.block_depth = 0
        self.inline_depth = 0
        self.reported_until = -1
        self.block_end = -1  # where the last line of block HTML ended

    def new_container(self) -> None:
        """A paragraph or heading starts: its phrase tags nest afresh."""
        self.inline_depth = 0

    def visit(self, document: Document, node: Html) -> Leftover | None:
        found = None
        if node.span.start >= self.reported_until:
            found = self._find(document, node)
        change = depth_change(node.text)
        if node.inline:
            self.inline_depth = max(0, self.inline_depth + change)
        else:
            self.block_depth = max(0, self.block_depth + change)
            self.block_end = node.span.end
        if found is not None:
            self.reported_until = found.span.end
        return found

    def _find(self, document: Document, node: Html) -> Leftover | None:
        text = document.text
        start = node.span.start
        if not node.inline:
            start += len(node.text) - len(node.text.lstrip(" \t"))
        if text[start : start + 1] != "<" or text[start + 1 : start + 2] in ("/", "!", "?"):
            return None
        element = empty_element(text, start)
        if element is None:
            return None
        name = element.tag.lower()
        nested = self.block_depth > 0 or (node.inline and self.inline_depth > 0)
        gap = name in BLOCK_ELEMENTS and bool(element.shown)
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", element.end)
        before = text[line_start:start]
        after = text[element.end : len(text) if line_end < 0 else line_end]
        if nested and not gap:
            return None
        alone = is_blank(after) and (is_blank(before) or ITEM_PREFIX.fullmatch(before) is not None)
        if not alone and is_blank(after) and _QUOTES.fullmatch(before) is not None:
            return None  # the quote's line would stay, empty: it would split the quote
        if not alone and name in PHRASE_ELEMENTS and element.spaced:
            return None  # a space between words: it shows
        if not alone and name in BLOCK_ELEMENTS and node.inline:
            return None  # in a line of text it breaks the line: it shows
        span = Span(start, element.end)
        if not alone:
            return Leftover(span, element, _cut(text, span, before, after), True)
        # A line of a paragraph goes as it is; the first line of an HTML block may not.
        first_line = not node.inline and node.span.start != self.block_end
        safe = not first_line or _next_line_stays(text, line_end)
        return Leftover(span, element, delete_block(document, span), safe)


def _cut(text: str, span: Span, before: str, after: str) -> Edit:
    """Removes an element that shares its line with text, and the spaces it leaves doubled or
    trailing (two trailing spaces would become a hard line break)."""
    start, end = span.start, span.end
    if is_blank(after):
        start -= len(before) - len(before.rstrip(" \t"))
    elif (not before or before[-1] in " \t") and after[:1] in (" ", "\t"):
        end += len(after) - len(after.lstrip(" \t"))
    return Edit.delete(Span(start, end))


def _next_line_stays(text: str, line_end: int) -> bool:
    """Whether the line after an element's line reads the same without it: none, blank, or
    another line of HTML. (An HTML block's later lines are raw HTML; once its first line goes,
    a line of text there would be read as Markdown.)"""
    if line_end < 0:
        return True
    following_end = text.find("\n", line_end + 1)
    following = text[line_end + 1 : len(text) if following_end < 0 else following_end]
    return is_blank(following) or following.lstrip(" \t").startswith("<")
