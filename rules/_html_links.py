"""Links written in raw HTML inside Markdown: `<a href>` and `<area href>`, images (`<img src>`
and each URL of its `srcset`, `<video poster>`), and the resources a page embeds (`<iframe src>`,
`<video src>`, `<audio src>`, `<source src>` and `srcset`, `<embed src>`, `<track src>`,
`<object data>`).

Markdown passes raw HTML through, and scraped articles are full of it; lychee, the link checker
editors compare newslint with, extracts these links too. The parser reports raw HTML as `html`
events (an inline tag, or one line of an HTML block), so the link rules read the links out of
them: `links_in(document, node)` gives the links whose tag starts in `node`, as `Link` payloads
with `link_type == "Html"`.

- `span` is the start tag (`<a href="...">`), `url_span` the attribute's value as written
  (inside the quotes, surrounding white space left out, which browsers strip too); `url` is the
  value with its character references decoded (`&amp;` -> `&`). A `srcset` gives one link per
  image candidate (`a.jpg 1x, b.jpg 2x`), each with the span of its URL.
- `is_image` is set for images; an embedded resource is a link, as a page's `<a href>` is.
- Only references with their `;` are decoded; a bare `&` stays as written, which is what browsers
  do in an attribute for the `&utm_source=` of a query (`&not` and its like aside).
- Comments, `<script>` and `<style>` are skipped (html.parser's tokenizer); an HTML block's lines,
  separate events, are parsed as one text, so a tag may span lines.

Fixes inside an attribute must keep it valid HTML: `attribute_text` says how a new URL is written
there (with `&amp;` in a quoted value), or that it cannot be (an unquoted value it would end).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from newslint.document import Document
from newslint.events import Html, Link
from newslint.spans import Span
from newslint.textutil import lazy_regex

from ._links import decode_references

# Tag name -> its URL attributes: (attribute, is an image, is a `srcset` list of candidates).
_TAGS: dict[str, tuple[tuple[str, bool, bool], ...]] = {
    "a": (("href", False, False),),
    "area": (("href", False, False),),
    "img": (("src", True, False), ("srcset", True, True)),
    "iframe": (("src", False, False),),
    "video": (("src", False, False), ("poster", True, False)),
    "audio": (("src", False, False),),
    "source": (("src", False, False), ("srcset", True, True)),
    "embed": (("src", False, False),),
    "track": (("src", False, False),),
    "object": (("data", False, False),),
}
_HINT = re.compile(
    r"<(?:a|area|img|iframe|video|audio|source|embed|track|object)[\s/>]", re.IGNORECASE
)
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
        if text[offset : offset + len(written)] != written:
            continue  # not where it was said to be (cannot happen with \n line breaks)
        title = ""
        values: dict[str, tuple[int, int]] = {}  # the first value of each attribute
        for match in _ATTRIBUTE.finditer(written, len(tag) + 1):
            name = match.group(1).lower()
            group = next((g for g in (2, 3, 4) if match.group(g) is not None), None)
            if name == "title" and group is not None:
                title = decode_references(match.group(group))
            if name not in values:
                # `<a href>` without `=`: an empty value
                values[name] = match.span(group) if group is not None else (match.end(),) * 2
        tag_span = Span(base + offset, base + offset + len(written))
        for attribute, is_image, is_srcset in _TAGS[tag]:
            value = values.get(attribute)
            if value is None:
                continue
            if is_srcset:
                pieces = [
                    (value[0] + s, value[0] + e) for s, e in srcset_urls(written[slice(*value)])
                ]
            else:
                raw = written[value[0] : value[1]]
                start = value[0] + len(raw) - len(raw.lstrip(_HTML_SPACE))
                end = max(start, value[1] - (len(raw) - len(raw.rstrip(_HTML_SPACE))))
                pieces = [(start, end)]
            for start, end in pieces:
                url_span = Span(base + offset + start, base + offset + end)
                url = decode_references(written[start:end])
                links.append(Link("", url, tag_span, url_span, is_image, title, "Html"))
    return links


def srcset_urls(value: str) -> list[tuple[int, int]]:
    """The spans of the image URLs in a `srcset` value (`a.jpg 1x, b.jpg 480w`), read as the
    HTML standard's candidate parser does: a URL runs to white space, a comma at its end
    separates it from the next (`a.jpg,b.jpg 2x`), and descriptors run to the next comma outside
    parentheses."""
    spans = []
    pos, end = 0, len(value)
    while pos < end:
        while pos < end and (value[pos] in _HTML_SPACE or value[pos] == ","):
            pos += 1
        if pos >= end:
            break
        start = pos
        while pos < end and value[pos] not in _HTML_SPACE:
            pos += 1
        url_end = pos
        if value[start:url_end].endswith(","):
            url_end = start + len(value[start:url_end].rstrip(","))
        else:
            depth = 0  # descriptors up to the next comma outside parentheses
            while pos < end:
                char = value[pos]
                if char == "(":
                    depth += 1
                elif char == ")" and depth:
                    depth -= 1
                elif char == "," and not depth:
                    break
                pos += 1
        if url_end > start:
            spans.append((start, url_end))
    return spans


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
    """The links whose tag starts in `node` (see the module's doc)."""
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
        import html  # here: only a fix writes a URL into an attribute

        return html.escape(url, quote=True)
    return None if re.search(r"[\s\"'=<>`&]", url) else url
