"""Links written in raw HTML inside Markdown: `<a href>`, `<area href>` and `<img src>`.

Markdown passes raw HTML through, and scraped articles are full of it; lychee, the link checker
editors compare newslint with, extracts these links too. The parser reports raw HTML as `html`
events (an inline tag, or one line of an HTML block), so the link rules read the links out of
them: `links_in(document, node)` gives the links whose tag starts in `node`, as `Link` payloads
with `link_type == "Html"`.

- `span` is the start tag (`<a href="...">`), `url_span` the attribute's value as written
  (inside the quotes, surrounding white space left out, which browsers strip too); `url` is the
  value with its character references decoded (`&amp;` -> `&`).
- Only references with their `;` are decoded; a bare `&` stays as written, which is what browsers
  do in an attribute for the `&utm_source=` of a query (`&not` and its like aside).
- Comments, `<script>` and `<style>` are skipped (html.parser's tokenizer); an HTML block's lines,
  separate events, are parsed as one text, so a tag may span lines.

Fixes inside an attribute must keep it valid HTML: `attribute_text` says how a new URL is written
there (with `&amp;` in a quoted value), or that it cannot be (an unquoted value it would end).
"""

from __future__ import annotations

import functools
import html
import re
from typing import Any

from newslint.document import Document
from newslint.events import Html, Link
from newslint.spans import Span
from newslint.textutil import lazy_regex

from ._links import decode_references

# Tag name -> (attribute, is an image). `<a>`/`<area>` link; `<img>` embeds.
_TAGS = {"a": ("href", False), "area": ("href", False), "img": ("src", True)}
_HINT = re.compile(r"<(?:a|area|img)[\s/>]", re.IGNORECASE)
_ATTRIBUTE = lazy_regex(
    r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>`]+)))?""", re.DOTALL
)
_HTML_SPACE = " \t\n\r\f"


@functools.cache
def _collector_class() -> type[Any]:
    """The tag collector, an `html.parser.HTMLParser`: made on first use, so that a run over
    articles without raw HTML links never imports html.parser (about 1.5 ms at start-up)."""
    from html.parser import HTMLParser

    class Collector(HTMLParser):
        """Start tags of interest in one piece of HTML, with their offsets in it."""

        def __init__(self, text: str) -> None:
            super().__init__(convert_charrefs=True)
            self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
            self.found: list[tuple[int, str, str]] = []  # (offset of `<`, tag, start tag)

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in _TAGS:
                line, column = self.getpos()
                self.found.append(
                    (self.line_starts[line - 1] + column, tag, self.get_starttag_text() or "")
                )

        handle_startendtag = handle_starttag

    return Collector


def _links_of(text: str, base: int) -> list[Link]:
    """The links of the HTML `text`, which starts at document offset `base`."""
    collector = _collector_class()(text)
    try:
        collector.feed(text)
        collector.close()
    except (AssertionError, ValueError):  # html.parser's complaints about hopeless markup
        pass
    links = []
    for offset, tag, written in collector.found:
        wanted, is_image = _TAGS[tag]
        if text[offset : offset + len(written)] != written:
            continue  # not where it was said to be (cannot happen with \n line breaks)
        title = ""
        value: tuple[int, int] | None = None
        for match in _ATTRIBUTE.finditer(written, len(tag) + 1):
            name = match.group(1).lower()
            group = next((g for g in (2, 3, 4) if match.group(g) is not None), None)
            if name == "title" and group is not None:
                title = decode_references(match.group(group))
            if name == wanted and value is None and group is not None:
                value = match.span(group)
            elif name == wanted and value is None:
                value = (match.end(), match.end())  # `<a href>`: an empty value
        if value is None:
            continue
        raw = written[value[0] : value[1]]
        start = value[0] + len(raw) - len(raw.lstrip(_HTML_SPACE))
        end = max(start, value[1] - (len(raw) - len(raw.rstrip(_HTML_SPACE))))
        url_span = Span(base + offset + start, base + offset + end)
        links.append(
            Link(
                "",
                decode_references(written[start:end]),
                Span(base + offset, base + offset + len(written)),
                url_span,
                is_image,
                title,
                "Html",
            )
        )
    return links


def _all_links(document: Document) -> dict[int, tuple[Link, ...]]:
    """The document's HTML links by the start of the `html` node their tag starts in."""
    nodes = [n for n in document.body_nodes if isinstance(n, Html)]
    if not any(_HINT.search(n.text) for n in nodes):
        return {}  # the common case: no raw HTML link at all
    # An HTML block comes as one node per line: adjacent block nodes are parsed as one text.
    pieces: list[list[Html]] = []
    for node in nodes:
        last = pieces[-1][-1] if pieces else None
        if (
            last is not None
            and not node.inline
            and not last.inline
            and last.span.end == node.span.start
        ):
            pieces[-1].append(node)
        else:
            pieces.append([node])
    found: dict[int, list[Link]] = {}
    for piece in pieces:
        start, end = piece[0].span.start, piece[-1].span.end
        text = document.text[start:end]
        if not _HINT.search(text):
            continue
        starts = [n.span.start for n in piece]
        for link in _links_of(text, start):
            owner = max(s for s in starts if s <= link.span.start)
            found.setdefault(owner, []).append(link)
    return {key: tuple(value) for key, value in found.items()}


def links_in(document: Document, node: Html) -> tuple[Link, ...]:
    """The `<a href>`, `<area href>` and `<img src>` links whose tag starts in `node`."""
    return document.memo(("html-links",), _all_links, document).get(node.span.start, ())


def quoted(text: str, link: Link) -> bool:
    """The link's attribute value is quoted (`href="..."` or `href='...'`)."""
    assert link.url_span is not None
    before = text[link.span.start : link.url_span.start].rstrip(_HTML_SPACE)
    return before.endswith(('"', "'"))


def attribute_text(text: str, link: Link, url: str) -> str | None:
    """How to write `url` as the value of the link's attribute: with `&`, `<`, `>` and quotes as
    character references in a quoted value; as it is in an unquoted value, or None when it would
    need quotes there (white space, a quote, `=`, `<`, `>`, a backquote or `&` in it)."""
    if quoted(text, link):
        return html.escape(url, quote=True)
    return None if re.search(r"[\s\"'=<>`&]", url) else url
