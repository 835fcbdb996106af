"""A paragraph or an HTML element that holds only whitespace.

## What it does
Reports a Markdown paragraph whose text is nothing but non-breaking spaces, other Unicode spaces
(U+3000 IDEOGRAPHIC SPACE, U+2003 EM SPACE, ...), zero-width characters or their HTML entities
(`&nbsp;`, `&#160;`). Markdown treats a line of such characters as text, not as a blank line, so
such a line written between two lines of text (where a blank line was meant) joins them into one
paragraph; that line is reported too. So are a paragraph of emphasis around such characters
(`**&nbsp;**`, rendered `<p><strong> </strong></p>`) and a `<p>` element of them alone on its line
of an HTML block (`<p>&nbsp;</p>`, an empty paragraph on a site that renders raw HTML and raw HTML
left out on one that does not). The item of a tight list (one without blank lines between
its items, whose text is no paragraph) that holds only such characters is reported as well.

A list marker alone on its line (`-`, `*`, `+`, `1.`) is an empty list item, and so is one whose
text comes only after a blank line: a CMS export that writes `-`, a blank line and then the
item's text gives an empty bullet and, below it, a paragraph outside the list. A `-` right under
a line of text (a heading underline, see `paragraph-heading`), a `*` or `1.` there (the
paragraph's next line: an empty item cannot interrupt a paragraph), `- - -` (a horizontal rule)
and markers in code or HTML are left alone.

A heading written with `#` that has nothing to show is reported too: one of such characters
(`## &nbsp;`, as converters write WordPress's and Tumblr's `<h2>&nbsp;</h2>`) or a marker alone
(`##`). Hugo renders an empty `<h2>`, which takes the space of a heading and, from level 2 on, an
empty entry in the page's table of contents (checked with hugo 0.168).

Empty HTML elements that WordPress and rich-text editors leave behind are reported too: a `p`,
`div`, `span`, `font`, `b`, `strong`, `i`, `em` or `u` holding only white space, spaces written
as references (`&nbsp;`), line breaks (`<br>`) and such elements (`<p></p>`, `<div></div>`,
`<span></span>`, `<p><br></p>`, `<div><p>&nbsp;</p></div>`; its lines, or inside a line of text).
Not what can matter: an element with an `id` or `name` (a link's anchor), a `data-*` attribute or
an event handler (an embed's script fills it), a `class` or a `style` that can draw (an icon
font's `<span class="dashicons">`, `<div class="gcse-search">`, `<div style="clear: both">`; a
`style` that only dresses text, `font-weight: 400`, is harmless, and so is any on a `p`); an
element holding nothing inside another HTML element (a wrapper's style may draw it); a `span`
holding a space between two words, or a `div` or `p` in a line of text (it breaks the line);
HTML in code, in a shortcode's body or on a line of a block quote. `raw-html` still reports the
HTML a site without unsafe HTML leaves out.

A fenced code block with nothing inside (`` ``` `` and `` ``` `` on the next line, or a fence that
opens at the end of the article and that nothing closes, as a converter or a hasty edit leaves
it) is reported too: Hugo renders it as an empty `<pre><code></code></pre>` box.

## Why is this bad?
Hugo renders it as `<p>&nbsp;</p>`: an unexplained gap between paragraphs, or `<li>&nbsp;</li>`:
an empty bullet. Scraped articles are full of them, and a mis-decoded `Â ` becomes one once
`mojibake` has repaired it.

## Example
    The vote passed on Tuesday.

    \\u00a0

    Talks went on for a week.

## Use instead
    The vote passed on Tuesday.

    Talks went on for a week.

## Fix safety
An empty bullet item goes with one of the blank lines around it (safe). When a paragraph
follows it after one blank line, that paragraph is most likely the item's text: the unsafe fix
moves it onto the marker's line (`-`, blank, `2 fires` becomes `- 2 fires`), and there is no safe
fix. An empty numbered item (`2020.` alone) may be text that Markdown took for a list number: its
unsafe fix escapes the `.` or `)` (`2020\\.`) so that the line shows as written.

Safe: the paragraph is removed with one of the blank lines around it, so the paragraphs before and
after stay separated by exactly one blank line. Inside a quote or a list item only the characters
go, but a list item (loose or tight) or a quote that holds nothing else goes whole with its marker,
which alone would render as an empty bullet or quote; an empty code block goes with its fence
lines. An empty HTML element goes with its lines and one blank line beside them when it stands
alone, else alone with a space it would leave doubled or trailing; unsafe when it is the first
line of an HTML block followed by a line of text, which Markdown would then read as Markdown.
When a whole tight list goes, the blank lines around it meet, and `blank-lines` joins them. An
empty heading goes the same way (safe), but a marker with nothing after it (`#`) may have been
meant as a section break: removing it is unsafe. When the item goes on after a blank line, its
next block moves up onto the marker's line, so that it stays in the item. A whitespace line inside a
paragraph becomes the blank line it stood for, which splits the paragraph where the source had a
paragraph break (at the paragraph's first or last line it is just removed).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from newslint import Edit, Fix, Rule, Severity, Span
from newslint.document import Document
from newslint.events import Code, Heading, Html, Paragraph, Text
from newslint.rule import Context

from ._body import (
    ITEM_PREFIX,
    Regions,
    covered_by_node,
    delete_block,
    is_blank,
    shortcode_bodies,
    unescape_references,
)
from ._encoding import ZERO_WIDTH
from ._html_empty import LeftoverFinder

# The opening fence of a fenced code block (group 1: its run of backticks or tildes).
_FENCE = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})")


def _empty_fenced_block(source: str, quoted: bool) -> tuple[str, bool] | None:
    """`(fence, closed)` when `source`, a fenced code block as written, holds nothing but blank
    lines; None otherwise. In a block quote (`quoted`) a line of `>` markers alone is blank."""
    lines = source.rstrip("\r\n").splitlines()
    match = _FENCE.match(lines[0]) if lines else None
    if match is None:
        return None
    fence = match.group(1)
    inner = lines[1:]
    closing = inner[-1].strip(" \t>" if quoted else " \t") if inner else ""
    closed = bool(closing) and closing[0] == fence[0] and set(closing) == {fence[0]}
    closed = closed and len(closing) >= len(fence)
    if closed:
        inner = inner[:-1]
    blank = " \t>" if quoted else " \t"
    if any(line.strip(blank) for line in inner):
        return None
    return fence, closed


# An ATX heading as written: its marker (group 1) and its text (group 2) without the spaces around
# it or a closing sequence of `#`.
_ATX_HEADING = re.compile(
    r"[ \t]{0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*(?:\r\n|\r|\n)?", re.DOTALL
)
# Emphasis and strikethrough markers.
_MARKS = str.maketrans("", "", "*_~")


def _empty_emphasis(paragraph: Paragraph) -> bool:
    """A paragraph of emphasis around whitespace (`**&nbsp;**`), which Hugo renders as
    `<p><strong> </strong></p>`; markers the parser left as text (`_ _`) are in the plain text."""
    source = paragraph.text
    return (
        source[:1] in ("*", "_", "~")
        and _visibly_empty(paragraph.plain)
        and _visibly_empty(source.translate(_MARKS))
    )


def _visibly_empty(source: str, decode: Callable[[str], str] = unescape_references) -> bool:
    first = source[:1]
    if first and first != "&" and not first.isspace() and first not in ZERO_WIDTH:
        # Nearly every paragraph and line, decided on its first character (decoding changes
        # only character references, which start with `&`).
        return False
    text = decode(source) if "&" in source else source
    return all(c.isspace() or c in ZERO_WIDTH for c in text)


def _what_shown(shown: str) -> str:
    """What an empty element shows, for a message: `'&nbsp;'`, `'<br>'`, or the code points."""
    if "&" in shown or "<" in shown:
        return repr(shown[:20])
    return ", ".join(sorted({f"U+{ord(c):04X}" for c in shown})[:3])


def _what(source: str) -> str:
    source = source.strip(" \t\r\n")
    if "&" in source or not source:
        return repr(source[:20])
    return ", ".join(sorted({f"U+{ord(c):04X}" for c in source})[:3])


class EmptyParagraph(Rule):
    code = "BD001"
    name = "empty-paragraph"
    severity = Severity.WARNING
    messages = {
        "empty": "paragraph holds only whitespace ({what})",
        "line": "line of only whitespace ({what}) inside a paragraph",
        "item": "list item holds only whitespace ({what})",
        "bare-item": "list item '{marker}' is empty: Hugo shows a bullet or number with nothing after it",
        "empty-code": "code block '{fence}' holds nothing: Hugo shows an empty box{unclosed}",
        "heading": "heading holds only whitespace ({what}): Hugo renders an empty <h{level}>",
        "bare-heading": "heading '{marker}' has no text: Hugo renders an empty <h{level}>",
        "html": "HTML element {tag} holds nothing: a leftover of an import",
        "html-space": "HTML element {tag} holds only whitespace ({what}): a blank gap",
        "detached-item": (
            "list item '{marker}' is empty: the text after the blank line below it is a paragraph"
            " outside the list"
        ),
    }

    # Where the last paragraph ended: the text runs before it are its own, not a tight item's.
    _paragraph_end = -1

    def __init__(self) -> None:
        # Made for the first HTML node (most articles have none): before it, a new container
        # changes nothing.
        self.leftovers: LeftoverFinder | None = None
        self.shortcodes: Regions | None = None  # worked out for the first leftover

    def on_paragraph(self, ctx: Context, paragraph: Paragraph) -> None:
        self._paragraph_end = paragraph.span.end
        if self.leftovers is not None:
            self.leftovers.new_container()
        # The source, not the plain text: a paragraph of an image or a tag has no plain text either.
        # Nearly every paragraph is decided on its first character, as the two checks would.
        first = paragraph.text[:1]
        if (
            not first
            or first == "&"
            or first.isspace()
            or first in ZERO_WIDTH
            or first in ("*", "_", "~")
        ) and (_visibly_empty(paragraph.text) or _empty_emphasis(paragraph)):
            fix = Fix.safe("Remove the empty paragraph", delete_block(ctx.document, paragraph.span))
            ctx.report(paragraph.span, "empty", fix=fix, what=_what(paragraph.text))
            return
        if "\n" not in paragraph.text.rstrip("\r\n"):
            return
        self._empty_lines(ctx, paragraph)

    def on_heading(self, ctx: Context, heading: Heading) -> None:
        """An ATX heading with nothing to show: `## &nbsp;`, as converters write `<h2>&nbsp;</h2>`,
        or a `##` alone."""
        if self.leftovers is not None:
            self.leftovers.new_container()
        document = ctx.document
        source = document.text[heading.span.start : heading.span.end]
        match = _ATX_HEADING.fullmatch(source)
        if match is None or not _visibly_empty(match.group(2) or ""):
            return  # a setext heading, or one with text
        marker, content = match.group(1), match.group(2) or ""
        delete = delete_block(document, heading.span)
        if content.strip(" \t"):
            fix = Fix.safe("Remove the empty heading", delete)
            ctx.report(heading.span, "heading", fix=fix, what=_what(content), level=heading.level)
        else:
            # Nothing after the marker: a `#` may have been meant as a section break.
            fix = Fix.unsafe("Remove the empty heading", delete)
            ctx.report(heading.span, "bare-heading", fix=fix, marker=marker, level=heading.level)

    def on_code(self, ctx: Context, code: Code) -> None:
        """A fenced code block with nothing inside: an empty box on the page."""
        if not code.block or code.text.strip(" \t\r\n>")[:3] not in ("```", "~~~"):
            return  # indented code: decided on three characters
        document = ctx.document
        line = document.lines.line_span(document.position(code.span.start).line)
        quoted = ">" in document.text[line.start : code.span.start]
        found = _empty_fenced_block(code.text, quoted)
        if found is None:
            return
        fence, closed = found
        fix = Fix.safe("Remove the empty code block", delete_block(document, code.span))
        unclosed = "" if closed else " (no fence closes it)"
        ctx.report(code.span, "empty-code", fix=fix, fence=fence, unclosed=unclosed)

    def on_html(self, ctx: Context, node: Html) -> None:
        """An empty HTML element (`<p>&nbsp;</p>`, `<div></div>`, `<span></span>`) that nothing
        about can matter (`_html_empty`): a blank paragraph or an import's leftover."""
        if self.leftovers is None:
            self.leftovers = LeftoverFinder()
        found = self.leftovers.visit(ctx.document, node)
        if found is None:
            return
        if self.shortcodes is None:
            self.shortcodes = Regions(shortcode_bodies(ctx.document))
        if self.shortcodes.covers(found.span.start):
            return  # Hugo hands it to the shortcode, which may fill it
        element = found.element
        tag = f"<{element.tag}>"
        title = f"Remove the empty {tag}"
        fix = Fix.safe(title, found.edit) if found.safe else Fix.unsafe(title, found.edit)
        what = _what_shown(element.shown)
        if not element.shown:
            ctx.report(found.span, "html", fix=fix, tag=tag)
        elif element.tag.lower() == "p":
            ctx.report(found.span, "empty", fix=fix, what=what)
        else:
            ctx.report(found.span, "html-space", fix=fix, tag=tag, what=what)

    def on_text(self, ctx: Context, text: Text) -> None:
        """The text of a tight list item, which is in no paragraph: reported when it is all the
        item's first line holds after its marker and only whitespace."""
        first = text.text[:1]
        if not first or not (first.isspace() or first == "&" or first in ZERO_WIDTH):
            return  # the common case, decided on one character
        if text.span.start < self._paragraph_end or text.in_heading or text.in_link:
            return
        if "\n" in text.text or "\r" in text.text or not _visibly_empty(text.text):
            return
        document = ctx.document
        line = document.lines.line_span(document.position(text.span.start).line)
        before = document.text[line.start : text.span.start]
        if ITEM_PREFIX.fullmatch(before) is None or document.text[text.span.end : line.end].strip(
            " \t"
        ):
            return
        fix = Fix.safe("Remove the empty list item", delete_block(document, text.span))
        ctx.report(text.span, "item", fix=fix, what=_what(text.text))

    def on_document_end(self, ctx: Context, document: Document) -> None:
        """List markers alone on their line: empty list items."""
        text = document.text
        if document.body_start >= len(text):
            return
        bodies: Regions | None = None
        for hit in _markers_at_line_end(text, document.body_start):
            # Looked for from the end of the line: a marker then the line break is rare in prose,
            # and a pattern anchored at every line start costs each article a scan of its own.
            match = _BARE_MARKERS.match(text, text.rfind("\n", 0, hit.start()) + 1)
            if match is None or match.end() < hit.start():
                continue
            markers = match.group("markers")
            start, end = match.span("markers")
            bare = markers.replace(" ", "").replace("\t", "")
            if len(bare) >= 3 and bare[0] in "-*" and bare == bare[0] * len(bare):
                continue  # `- - -`, `* * *`: a horizontal rule
            if covered_by_node(document, start):
                continue  # a heading underline, a paragraph's line, code or HTML
            if bodies is None:
                bodies = Regions(shortcode_bodies(document))
            if bodies.covers(start):
                continue
            quoted = ">" in match.group("prefix")
            column = end - match.start() + 1  # where the item's text would have to start
            following = _next_line(text, match.end())
            if (
                following is not None
                and not is_blank(following[1])
                and (quoted or _indent(following[1]) >= column)
            ):
                continue  # the item's text is on the next line: not empty
            last = bare[-1]
            marker = markers.split()[-1]
            fix: Fix | None
            after = None if match.group("prefix") else _detached_paragraph(document, match.end())
            if after is not None:
                fix = Fix.unsafe(
                    "Move the paragraph below onto the marker's line",
                    Edit.replace(Span(end, after), " "),
                )
                ctx.report(Span(start, end), "detached-item", fix=fix, marker=marker)
                continue
            if last in ".)":
                fix = Fix.unsafe(
                    f"Escape the {last!r} so that the line shows as text",
                    Edit.insert(end - 1, "\\"),
                )
            else:
                fix = Fix.safe(
                    "Remove the empty list item", delete_block(document, Span(start, end))
                )
            ctx.report(Span(start, end), "bare-item", fix=fix, marker=marker)

    def _empty_lines(self, ctx: Context, paragraph: Paragraph) -> None:
        """Lines of only whitespace that Markdown reads as part of the paragraph around them."""
        document = ctx.document
        lines = document.lines
        first = document.position(paragraph.span.start).line
        last = document.position(max(paragraph.span.start, paragraph.span.end - 1)).line
        for number in range(first, last + 1):
            span = lines.line_span(number)
            if number == first and span.start != paragraph.span.start:
                continue  # the paragraph shares its first line with a container marker
            content = document.text[span.start : span.end]
            if not content.strip(" \t") or not _visibly_empty(content):
                continue
            if number == first:
                edit = Edit.delete(Span(span.start, lines.line_span(number + 1).start))
                title = "Remove the line"
            elif number == last:
                edit = Edit.delete(Span(lines.line_span(number - 1).end, span.end))
                title = "Remove the line"
            else:
                edit = Edit.delete(span)
                title = "Make it a blank line (a paragraph break)"
            ctx.report(span, "line", fix=Fix.safe(title, edit), what=_what(content))


# The last list marker of a line that may be one of only markers, and the line's end.
_MARKER_AT_LINE_END = re.compile(r"(?:[-*+]|[0-9][.)])[ \t]*(?:\r?\n|\Z)")
# A line break after what a `_MARKER_AT_LINE_END` line ends with: a marker (`-`, `*`, `+`, or `.`
# or `)` after a digit) right before it, or a space or tab (a marker may stand before them). It
# starts with the line break, which the regex engine finds by a fast scan for that one character,
# where `_MARKER_AT_LINE_END` is tried at every position of the body (most of BD001's time).
_MARKER_LINE_BREAK = re.compile(
    r"\n(?:(?<=[-*+]\n)|(?<=[0-9][.)]\n)|(?<=[-*+]\r\n)|(?<=[0-9][.)]\r\n)|(?<=[ \t]\n)|(?<=[ \t]\r\n))"
)


def _markers_at_line_end(text: str, start: int) -> Iterator[re.Match[str]]:
    """The matches of `_MARKER_AT_LINE_END.finditer(text, start)`, found faster: only the lines
    `_MARKER_LINE_BREAK` picks (and the last line, when no line break ends it) are searched, each
    on its own (the line break ends the search, so a line without a marker costs its own length
    only, and a file of such lines stays linear)."""
    for found in _MARKER_LINE_BREAK.finditer(text, start):
        end = found.end()
        hit = _MARKER_AT_LINE_END.search(text, max(text.rfind("\n", 0, end - 1) + 1, start), end)
        if hit is not None:
            yield hit
    if not text.endswith("\n"):
        hit = _MARKER_AT_LINE_END.search(text, max(text.rfind("\n") + 1, start))
        if hit is not None:
            yield hit


# A line of list markers and nothing else (in block quotes too): group `markers` from the first
# marker to the last. `\r?$`: CRLF lines; CR-only files are not looked at.
_BARE_MARKERS = re.compile(
    r"^(?P<prefix>(?>[ \t]{0,3}>[ \t]?)*[ \t]*)"
    r"(?P<markers>(?:(?:[-*+]|[0-9]{1,9}[.)])[ \t]+)*(?:[-*+]|[0-9]{1,9}[.)]))[ \t]*\r?$",
    re.MULTILINE,
)


def _next_line(text: str, end: int) -> tuple[int, str] | None:
    """The line after the one that ends at `end` (its start and text), or None at the end."""
    start = text.find("\n", end) + 1
    if start <= 0 or start >= len(text):
        return None
    stop = text.find("\n", start)
    return start, text[start : len(text) if stop < 0 else stop].rstrip("\r")


def _indent(line: str) -> int:
    """Columns of indentation (a tab to the next multiple of 4)."""
    column = 0
    for char in line:
        if char == " ":
            column += 1
        elif char == "\t":
            column += 4 - column % 4
        else:
            break
    return column


def _detached_paragraph(document: Document, line_end: int) -> int | None:
    """Where the paragraph starts that follows an empty item's marker line (ending at
    `line_end`) after exactly one blank line, or None. (An item may start with one blank line
    only when text follows on its marker's line, so the paragraph is outside it however deep
    it is indented, short of code.)"""
    blank = _next_line(document.text, line_end)
    if blank is None or not is_blank(blank[1]):
        return None
    following = _next_line(document.text, blank[0] + len(blank[1]))
    if following is None or is_blank(following[1]) or _indent(following[1]) >= 4:
        return None
    start = following[0] + len(following[1]) - len(following[1].lstrip(" \t"))
    return (
        start if start in document.memo("paragraph-starts", _paragraph_starts, document) else None
    )


def _paragraph_starts(document: Document) -> frozenset[int]:
    return frozenset(node.span.start for node in document.body_nodes if isinstance(node, Paragraph))
