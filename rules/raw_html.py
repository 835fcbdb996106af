"""Raw HTML that Hugo leaves out.

## What it does
Reports raw HTML in the body (an HTML block, or an inline tag such as `<span>` or `<br>`) when the
site does not set `markup.goldmark.renderer.unsafe = true`. Hugo's Markdown renderer (Goldmark) then
replaces it with `<!-- raw HTML omitted -->`. An HTML block is reported once, at its first line; an
inline element at its opening tag. A shortcode call written without spaces (`{{<figure
src="a.png">}}`) looks like a tag but is none: Hugo replaces it before Goldmark sees the Markdown.
HTML comments are not reported (nobody sees them either way, and they carry newslint's own
suppression comments), nor are closing tags on their own, nor autolinks such as
`<https://example.com>`.

The rule reads the site's configuration (`hugo.toml`, `config.yaml`, `config/_default/...`); on a
site that allows raw HTML it reports nothing. Nor on a Jekyll site's page or a Jekyll post (see
`rules/_jekyll.py`): Jekyll's Markdown, kramdown or CommonMark, passes raw HTML through.

## Why is this bad?
Whatever the HTML was meant to show (a table, an embed, a line break) is missing from the page, and
nothing in the build says so.

## Example
    The results:<br>
    <table><tr><td>Yes</td><td>52%</td></tr></table>

## Use instead
    The results:

    | Yes | 52% |
    |-----|-----|

or set `markup.goldmark.renderer.unsafe = true` in the site configuration if the HTML is trusted.

"""

from __future__ import annotations

import re

from newslint import Rule, Severity, Span
from newslint.document import Document
from newslint.events import Html
from newslint.rule import Context

from ._body import Regions, shortcode_bodies
from ._jekyll import jekyll_post

# An opening tag, or the start of a comment-like construct (`<!DOCTYPE`, `<?php`, `<![CDATA[`).
OPENING_TAG = re.compile(r"<(?:([A-Za-z][A-Za-z0-9-]*)|(!\[CDATA\[|![A-Za-z]+|\?[A-Za-z]*))")


class RawHtml(Rule):
    code = "BD004"
    name = "raw-html"
    severity = Severity.WARNING
    messages = {
        "block": "raw HTML block {tag} is left out by Hugo (markup.goldmark.renderer.unsafe is off)",
        "inline": "raw HTML {tag} is left out by Hugo (markup.goldmark.renderer.unsafe is off)",
    }

    def __init__(self) -> None:
        # The engine sends an HTML block line by line; these follow the current block.
        self.block_end = -1
        self.reported = False
        self.in_comment = False
        self.shortcodes = Regions()
        self.jekyll = False

    def on_document_start(self, ctx: Context, document: Document) -> None:
        self.shortcodes = Regions(shortcode_bodies(document))
        # A Jekyll post with no `_config.yml` above it: Jekyll's defaults show raw HTML.
        self.jekyll = jekyll_post(ctx)

    def on_html(self, ctx: Context, node: Html) -> None:
        if self.shortcodes.covers(node.span.start):
            return  # Hugo hands it to the shortcode, not to Goldmark
        site = ctx.site
        if site is not None and site.unsafe_html_for(ctx.document.language):
            return  # a Jekyll site's too (`newslint.site._jekyll_site`)
        if self.jekyll:
            return
        if node.inline:
            if ctx.document.text[node.span.start - 2 : node.span.start] == "{{":
                return  # the call `{{<figure src="a.png">}}`, written without spaces
            match = OPENING_TAG.match(node.text)
            if match is not None:
                ctx.report(node.span, "inline", tag=tag_name(match))
            return
        # A new block, unless it starts where the last line ended (each line arrives with its
        # line ending, CR LF included).
        begin, end = node.span.start, self.block_end
        if begin != end:
            self.reported = False
            self.in_comment = False
        self.block_end = node.span.end
        match = None if self.reported else self._first_tag(node.text)
        if match is not None:
            self.reported = True
            line = node.text[match.start() :].split("\n", 1)[0].rstrip("\r")
            start = node.span.start + match.start()
            ctx.report(Span(start, start + len(line)), "block", tag=tag_name(match))

    def _first_tag(self, text: str) -> re.Match[str] | None:
        """The first opening tag of a block line that is not inside an HTML comment."""
        offset = 0
        while offset < len(text):
            if self.in_comment:
                close = text.find("-->", offset)
                if close < 0:
                    return None
                self.in_comment = False
                offset = close + 3
            opening = text.find("<!--", offset)
            match = OPENING_TAG.search(text, offset, opening if opening >= 0 else len(text))
            if match is not None or opening < 0:
                return match
            self.in_comment = True
            offset = opening + 4
        return None


def tag_name(match: re.Match[str]) -> str:
    """`<div>` of an `OPENING_TAG` match."""
    return f"<{match.group(1) or match.group(2)}>"
