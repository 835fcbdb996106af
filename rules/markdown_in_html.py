"""Markdown written inside an HTML block, which Hugo does not render.

## What it does
An HTML block that opens with a tag such as `<div>` or `<p dir="rtl">` runs on to the next blank
line (CommonMark), and everything in it is HTML to Goldmark: a Markdown heading, code fence, list
item, bold text, emphasis (`*word*`, `_word_`) or link written on the lines under the tag, with no
blank line between, or after the tags on a line (`<div>**bold**</div>`), is not rendered. With
unsafe HTML allowed the page shows `## Heading` and `**bold**` as typed (hugo 0.168); without, the
text goes with the block (which `raw-html` reports). An HTML block inside a block quote or a list
item is read the same way (`> <div>**x**</div>`, `- <p>*y*</p>`, and the lines under `> <div>`;
hugo 0.168). This is reported whatever the site's setting, once per block, at its first such
line. Not reported: blocks of HTML only, plain text lines, emphasis marks inside a word
(`a*b*c`, `snake_case`) or with spaces inside them (`5 * 3 * 2`), Markdown inside `<pre>`,
`<code>`, `<script>`, `<style>`, `<textarea>` (meant as it is typed) or inside a comment or a
tag's attributes, a number with more than three digits (`2024. The year`, no list item), blocks
that end at a marker rather than a blank line (comments, `<pre>`, `<script>`), inline HTML in a
paragraph, and a shortcode's body.

## Why is this bad?
The heading, list or emphasis the author wrote is missing from the page, or shown with its `##` and
`**` as typed, and nothing in the build says so.

## Example
    # hugo.toml: markup.goldmark.renderer.unsafe = true
    <p dir="rtl">
    ## Heading
    Some **bold** text
    </p>

## Use instead
    ## Heading

    Some **bold** text

(a right-to-left language's direction is the site's to set: `languageDirection = "rtl"` in its
language's configuration), or a blank line after the opening tag where the HTML must stay.

## Fix safety
The fix inserts a blank line before the block's first line of text, after the opening tags, so
that the Markdown is rendered; in a block quote the blank line carries the quote's `>`, which
keeps the quote going. Markdown on a line that starts with a tag has no fix: after a blank line
that line would open an HTML block again. It is unsafe: the Markdown becomes elements of its
own (a heading, a `<p>`) after the opening tag, which a browser may not keep inside it (a `<p>`
closes before a heading or another paragraph, so `dir="rtl"` no longer applies), and HTML lines
under the text join the new paragraph. The Example becomes:

    <p dir="rtl">

    ## Heading
    Some **bold** text
    </p>
"""

from __future__ import annotations

import re

from newslint import Edit, Fix, Rule, Severity, Span
from newslint.document import Document
from newslint.events import Html
from newslint.rule import Context

from ._body import Regions, shortcode_bodies
from .raw_html import OPENING_TAG, tag_name

# CommonMark's HTML blocks of kinds 1-5 end at a marker, not at a blank line: Markdown in them is
# meant as typed (`<pre>`) or unseen (a comment).
_MARKER_BLOCKS = (
    (re.compile(r"[ \t]{0,3}<(?:script|pre|style|textarea)(?=[\s>]|$)", re.I), re.compile(r"</(?:script|pre|style|textarea)>", re.I)),
    (re.compile(r"[ \t]{0,3}<!--"), re.compile(r"-->")),
    (re.compile(r"[ \t]{0,3}<\?"), re.compile(r"\?>")),
    (re.compile(r"[ \t]{0,3}<!\[CDATA\["), re.compile(r"\]\]>")),
    (re.compile(r"[ \t]{0,3}<![A-Za-z]"), re.compile(r">")),
)  # fmt: skip
# Elements whose text is shown as typed: Markdown-like text inside them is meant.
_LITERAL = re.compile(r"<(?:pre|code|script|style|textarea|kbd|samp|math|svg)(?=[\s>/]|$)", re.I)
_TAG_START = re.compile(r"<[A-Za-z/]")
_CLOSING_TAG = re.compile(r"[ \t>]*</([A-Za-z][A-Za-z0-9-]*)")
# The tags (and comments) an HTML block's opening line starts with.
_LEADING_TAGS = re.compile(r"[ \t]*(?:(?:<!--.*?-->|</?[A-Za-z][^<>]*>)[ \t]*)+")
_UNCLOSED = re.compile(r"<!--|<[A-Za-z/]")
# What may stand between two lines of one block inside a block quote or a list item.
_CONTAINER_MARKS = re.compile(r"[ \t>]*")
_TAG_OR_COMMENT = re.compile(r"<!--.*?-->|</?[A-Za-z][^<>]*>", re.S)
# Block syntax at the start of a line (indented less than four columns; the indent is removed).
_BLOCK_SYNTAX = (
    (re.compile(r"#{1,6}[ \t]+\S"), "a heading"),
    (re.compile(r"(?:```|~~~)"), "a code fence"),
    (re.compile(r"(?:[-*+]|[0-9]{1,3}[.)])[ \t]+\S"), "a list item"),
)
_BLOCK_NAMES = frozenset(name for _, name in _BLOCK_SYNTAX)
_INLINE_SYNTAX = (
    (re.compile(r"\*\*[^\s*](?:[^*]*[^\s*])?\*\*|__[^\s_](?:[^_]*[^\s_])?__"), "bold text"),
    (re.compile(r"!?\[[^\[\]\n]+\]\([^()\s]+\)"), "a link"),
    # `*word*` and `_word_` as a whole, not inside a word (`a*b*c`, `snake_case_name`), nor
    # with a space inside the marks (`5 * 3 * 2`).
    (
        re.compile(
            r"(?<![\w*\\])\*[^\s*](?:[^*]*[^\s*])?\*(?![\w*])"
            r"|(?<![\w\\])_[^\s_](?:[^_]*[^\s_])?_(?!\w)"
        ),
        "emphasis",
    ),
)


class MarkdownInHtml(Rule):
    code = "BD013"
    name = "markdown-in-html"
    severity = Severity.WARNING
    messages = {
        "markdown": "{syntax} inside the HTML block {tag} from line {line} is not rendered "
        "as Markdown (the block runs on to a blank line)",
    }

    def __init__(self) -> None:
        self.shortcodes = Regions()
        # The state of the current block (the engine sends an HTML block line by line).
        self.markdown_block_end = -1
        self.block_start = -1
        self.block_tag = ""
        self.end_marker: re.Pattern[str] | None = None  # the block ends at this marker
        self.marker_seen = False
        self.literal = False  # a <pre>, <code> ... opened: what follows is meant as typed
        self.open_tag = False  # the last line ended inside a tag
        self.open_comment = False  # ... or inside an HTML comment
        self.text_line = -1  # where the block's first line of text starts
        self.markdown_reported = False

    def on_document_start(self, ctx: Context, document: Document) -> None:
        self.shortcodes = Regions(shortcode_bodies(document))

    def on_html(self, ctx: Context, node: Html) -> None:
        if node.inline or self.shortcodes.covers(node.span.start):
            return  # a shortcode's body is Hugo's to hand over, not Goldmark's
        self._check_line(ctx, node)

    def _check_line(self, ctx: Context, node: Html) -> None:
        """Report Markdown written on a later line of a block that runs on to a blank line."""
        line = node.text.rstrip("\r\n")
        adjacent = self._continues_block(ctx.document.text, node.span.start)
        self.markdown_block_end = node.span.end
        if not adjacent or self.marker_seen:
            self.block_start = node.span.start
            opening = OPENING_TAG.search(line)
            closing = _CLOSING_TAG.match(line)
            # A block may open with a closing tag (`</div>` left after a blank line): name it so.
            self.block_tag = (
                tag_name(opening)
                if opening is not None
                else f"</{closing.group(1)}>"
                if closing is not None
                else ""
            )
            self.end_marker = next(
                (end for start, end in _MARKER_BLOCKS if start.match(line)), None
            )
            self.marker_seen = False
            self.literal = False
            self.open_tag = False
            self.open_comment = False
            self.text_line = -1
            self.markdown_reported = False
            if self.end_marker is None:
                self._tag_led_line(ctx, node, line)
            self._follow_line(line)
            return
        if self.end_marker is not None or self.literal or self.markdown_reported:
            self._follow_line(line)
            return
        stripped = line.lstrip(" ")
        if self.open_tag or self.open_comment or len(line) - len(stripped) >= 4:
            pass
        elif stripped.startswith("<"):
            self._tag_led_line(ctx, node, line)
        elif not stripped.startswith("\t"):
            if self.text_line < 0:
                self.text_line = node.span.start
            syntax = _markdown_syntax(stripped)
            if syntax is not None:
                self.markdown_reported = True
                text = ctx.document.text
                ending = "\r\n" if text.startswith("\r\n", node.span.start + len(line)) else "\n"
                # In a block quote or a list item the blank line carries the container's marks
                # (`>`), or it would end the quote instead of the HTML block.
                line_start = text.rfind("\n", 0, self.text_line) + 1
                marks = text[line_start : self.text_line].rstrip(" \t")
                fix = Fix.unsafe(
                    "Insert a blank line to end the HTML block",
                    Edit.insert(line_start, marks + ending),
                )
                start = node.span.start + len(line) - len(stripped)
                ctx.report(
                    Span(start, node.span.start + len(line)),
                    "markdown",
                    fix=fix,
                    syntax=syntax,
                    tag=self.block_tag,
                    line=ctx.document.position(self.block_start).line,
                )
        self._follow_line(line)

    def _continues_block(self, text: str, start: int) -> bool:
        """Whether the line at `start` is the next line of the current block: right after it, or
        after the marks of the block quote or list item that holds both (`> `, an indent)."""
        end = self.markdown_block_end
        return 0 <= end <= start and _CONTAINER_MARKS.fullmatch(text, end, start) is not None

    def _tag_led_line(self, ctx: Context, node: Html, line: str) -> None:
        """Inline Markdown on a block line after its leading tags (`<div>**x**</div>`,
        `> <p>See [the report](https://x.org)</p>`, `<tr><td>*a*</td></tr>`): HTML to Goldmark
        as well (hugo 0.168). No fix: the line would open an HTML block again after a blank
        line."""
        lead = _LEADING_TAGS.match(line)
        if lead is None or _LITERAL.search(line):
            return
        # Up to a tag or comment left open for the next line (`<a href="...`, `<!-- note`).
        rest = _TAG_OR_COMMENT.sub(" ", line[lead.end() :])
        unclosed = _UNCLOSED.search(rest)
        rest = rest[: unclosed.start()] if unclosed is not None else rest
        syntax = _markdown_syntax(rest) if rest.strip() else None
        if syntax is None or syntax in _BLOCK_NAMES:
            return
        self.markdown_reported = True
        ctx.report(
            Span(node.span.start + lead.end(), node.span.start + len(line.rstrip())),
            "markdown",
            syntax=syntax,
            tag=self.block_tag,
            line=ctx.document.position(self.block_start).line,
        )

    def _follow_line(self, line: str) -> None:
        """Keep up with a block line: a marker that ends the block, a literal element, a comment
        or a tag left open at the line's end."""
        if self.end_marker is not None:
            self.marker_seen = self.end_marker.search(line) is not None
            return
        rest = line
        if self.open_comment:
            close = rest.find("-->")
            if close < 0:
                return
            self.open_comment = False
            rest = rest[close + 3 :]
        if self.open_tag:
            close = rest.find(">")
            if close < 0:
                return
            self.open_tag = False
            rest = rest[close + 1 :]
        if _LITERAL.search(rest):
            self.literal = True
        rest = _TAG_OR_COMMENT.sub("", rest)
        if "<!--" in rest:
            self.open_comment = True
            return
        self.open_tag = _TAG_START.search(rest) is not None


def _markdown_syntax(line: str) -> str | None:
    """What Markdown a line of text (its indent removed) carries, if any."""
    for pattern, name in _BLOCK_SYNTAX:
        if pattern.match(line):
            return name
    prose = _TAG_OR_COMMENT.sub(" ", line)
    for pattern, name in _INLINE_SYNTAX:
        if pattern.search(prose):
            return name
    return None
