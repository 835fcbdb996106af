"""The article has no text besides its source link.

## What it does
Reports an article whose body is empty, or holds nothing a reader can read: only links (the source
link, "Read more", a bare URL, which Hugo links), images, code or whitespace (also written as
`&nbsp;`). Text in headings, lists, tables, quotes and shortcode calls counts as text; raw HTML
counts only on a site that lets Hugo render it. It is reported at the body's first line, or at
the closing `---` of the front matter when the body is empty.

Skipped: section pages (`_index.md`, which list their articles whether or not they have text), pages
that are not articles (`headless: true`, `build.render: never` or `link`, which Hugo never renders,
a leaf bundle's resource such as `story/notes.md` beside `story/index.md`, or a page with its own
`layout`, such as an archive or a search page, though not `post`, `page`, `default` or `single`,
which show the article's text), and a file whose front matter does not parse (its body is unknown).
The rule belongs to the `news` preset.

Of raw HTML, only the text between its tags and outside its comments counts: `<p>&nbsp;</p>` is
no text.

## Why is this bad?
The page shows a title and a link and nothing else; a feed with such items looks broken, and the
article usually failed to scrape.

## Example
    ---
    title: "Budget passes"
    ---

    [Reuters](https://www.reuters.com/world/budget-passes)

## Use instead
    ---
    title: "Budget passes"
    ---

    The budget passed on Tuesday after a week of talks.

    [Reuters](https://www.reuters.com/world/budget-passes)
"""

from __future__ import annotations

import re
from pathlib import PurePath

from newslint import Rule, Severity, Span
from newslint.document import Document
from newslint.events import Html, Text
from newslint.rule import Context
from newslint.textutil import unescape

from ._body import unescape_references
from ._pages import never_rendered, own_layout

_WORD = re.compile(r"\w")
_TAG = re.compile(r"<[^<>]*>")
# Hugo's Goldmark links bare URLs (the Linkify extension), so they are links, not text.
_BARE_URL = re.compile(r"\b(?:https?://|www\.)\S*")


class BodyEmpty(Rule):
    code = "BD006"
    name = "body-empty"
    severity = Severity.WARNING
    presets = ("news",)
    messages = {
        "empty": "the body is empty",
        "no-text": "the body has no text besides links, images or code",
    }

    def __init__(self) -> None:
        self.has_text = False
        self.in_comment = False  # inside an HTML comment that runs over lines

    def on_text(self, ctx: Context, text: Text) -> None:
        if not self.has_text and not text.in_link:
            shown = text.text
            if "http" in shown or "www." in shown:  # what every `_BARE_URL` match holds
                shown = _BARE_URL.sub("", shown)
            # `&nbsp;` shows a space: the letters of a reference are no text
            shown = unescape_references(shown)
            self.has_text = _WORD.search(shown) is not None

    def on_html(self, ctx: Context, node: Html) -> None:
        site = ctx.site
        if not self.has_text and site is not None and site.unsafe_html_for(ctx.document.language):
            shown = _TAG.sub("", self._uncommented(node.text))
            if "&" in shown:  # `<p>&nbsp;</p>` shows a space (a browser decodes the HTML)
                shown = unescape(shown)
            self.has_text = _WORD.search(shown) is not None

    def _uncommented(self, text: str) -> str:
        """The HTML `text` without its comments, which may run over the lines of a block (the
        engine sends an HTML block line by line)."""
        kept: list[str] = []
        position = 0
        while position < len(text):
            if self.in_comment:
                close = text.find("-->", position)
                if close < 0:
                    break
                self.in_comment = False
                position = close + 3
            opening = text.find("<!--", position)
            if opening < 0:
                kept.append(text[position:])
                break
            kept.append(text[position:opening])
            self.in_comment = True
            position = opening + 4
        return "".join(kept)

    def on_document_end(self, ctx: Context, document: Document) -> None:
        if self.has_text or document.front_matter_errors:
            return
        if PurePath(document.path).name.split(".")[0] == "_index" or _not_an_article(document):
            return
        body = document.body
        stripped = body.lstrip()
        if not stripped.strip():
            ctx.report(_closing_line(document), "empty")
            return
        start = document.body_start + len(body) - len(stripped)
        line = document.lines.line_span(document.position(start).line)
        ctx.report(Span(start, line.end), "no-text")


def _not_an_article(document: Document) -> bool:
    """Headless pages, pages Hugo does not render, and pages whose own layout draws them (not
    `layout: post` or `single`, which show the article's text: `_pages.own_layout`)."""
    return never_rendered(document) or own_layout(document)


def _closing_line(document: Document) -> Span:
    """The line that closes the front matter (where the body should begin), or the file's start."""
    block = document.front_matter_block
    if block is None:
        return Span(document.body_start, document.body_start)
    end = block.end
    while end > block.start and document.text[end - 1] in "\r\n":
        end -= 1
    return document.lines.line_span(document.position(max(block.start, end - 1)).line)
