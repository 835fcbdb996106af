"""Shared by the link-check rules (LK006, LK007): which URLs of an article are checked, and where.

During the document walk a rule records each absolute http(s) URL with its position; `collect()`
returns them, the main process checks them once over the network (`newslint.linkcheck`) and the
rule's `project_end` reports on every occurrence from `ctx.links`. Rules never touch the network.

Checked: every link and image of the body, those in raw HTML (`<a href>`, `<area href>`,
`<img src>` and `srcset`, embeds such as `<iframe src>`, see `_html_links`) included, and the source
field (`source`, or the configured `source-field`). With `[links] only-source = true`: the source
field and the source line only (the last line of the body when it is nothing but a link, the `news`
preset's convention, as source-link-missing finds it). A reference-style link's URL is recorded
where it is written, in its definition, once however many links use it (at the link when the
definition cannot be placed). A URL that holds a shortcode call
(`https://x.org/{{< param "id" >}}/a`) is not checked: the call's output goes in its place when Hugo
builds the page.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, ClassVar

from newslint import Rule
from newslint.document import Document
from newslint.events import Field, Html, Link
from newslint.linkuse import LinkUse
from newslint.rule import Context
from newslint.spans import Span

from ._fields import lowered_keys
from ._html_links import links_in, quoted
from ._links import (
    Destinations,
    destination,
    ends_a_wrapped_sentence,
    is_web_url,
    last_body_line,
    source_field_keys,
    source_field_name,
    source_line_link,
    source_values_in,
    url_shown_at,
)

# Link types whose URL is written in the link itself, never in a reference definition.
_OWN_DESTINATION = frozenset({"Inline", "Autolink", "Email", "Linkify", "Html"})

# What Markdown reads as more than text in a link's text: `_` only at a word's edge.
_MARKDOWN_IN_TEXT = re.compile(r"[*`\[\]\\<>&~]|(?<![^\W_])_|_(?![^\W_])")

# A replacement URL is written as is into Markdown and into YAML/TOML/JSON strings: refuse what
# would need quoting or escaping in any of them.
_PLAIN_URL = re.compile(r"[^\s\"'<>\\\x00-\x1f\x7f]+")


class CheckedLinks(Rule):
    """Base class: records the checked links of one document (see the module docstring)."""

    default_enabled: ClassVar[bool] = False
    checks_links: ClassVar[bool] = True

    def __init__(self) -> None:
        self._field_uses: list[LinkUse] = []
        self._body: list[tuple[Link, LinkUse]] = []
        self._uses: list[LinkUse] = []
        self.destinations: Destinations | None = None

    @classmethod
    def field_keys(cls, ctx: Context) -> frozenset[str]:
        # `on_field` returns at once for any other key.
        return lowered_keys(source_field_keys(source_field_name(ctx)))

    def on_field(self, ctx: Context, field: Field) -> None:
        if not links_checked(ctx):
            return
        # Each source the page takes: under `params` when set there, each item of a list.
        for value in source_values_in(ctx.document, field, source_field_name(ctx)):
            if is_web_url(value.value):
                self._field_use(ctx, value)

    def _field_use(self, ctx: Context, value: Field) -> None:
        url = value.value.strip()
        span = value.value_span
        written = ctx.document.text[span.start : span.end]
        if written[:1] in ("'", '"') and written[1:-1] == url:
            span = Span(span.start + 1, span.end - 1)
        written_url = ctx.document.text[span.start : span.end]
        self._field_uses.append(link_use(ctx.document, url, span, replaceable=written_url == url))

    def on_link(self, ctx: Context, link: Link) -> None:
        if not links_checked(ctx) or not is_web_url(link.url):
            return
        if "{{<" in link.url or "{{%" in link.url:
            return  # a shortcode call's output goes in its place at build time: no URL to fetch
        document = ctx.document
        written = destination(document.text, link)  # None: the URL is in a reference definition
        if written is None and link.link_type not in _OWN_DESTINATION:
            self.destinations = self.destinations or Destinations(document)
            written = self.destinations.of(link)
        if written is None:
            use = link_use(document, link.url, link.span, replaceable=False)
        elif link.link_type == "Html":  # an unquoted value: a new URL may need quotes, no fix
            replaceable = quoted(document.text, link)
            use = link_use(document, link.url, written, replaceable=replaceable, html=True)
        elif link.link_type == "Linkify":
            use = link_use(document, link.url, written, replaceable=True)
            use = dataclasses.replace(use, bare=True)
        else:
            use = link_use(document, link.url, written, replaceable=True)
            shown = url_shown_at(document.text, link, written)
            if shown >= 0:  # `[http://x/a](http://x/a)`: a fix rewrites what the reader sees too
                column = document.position(shown).column
                use = dataclasses.replace(use, shown_at=shown, shown_column=column)
        self._body.append((link, use))

    def on_html(self, ctx: Context, node: Html) -> None:
        for link in links_in(ctx.document, node):
            self.on_link(ctx, link)

    def on_document_end(self, ctx: Context, document: Document) -> None:
        if not links_checked(ctx):
            return
        only_source = bool(ctx.config is not None and ctx.config.links.only_source)
        body = [use for _, use in self._body]
        if only_source:
            markdown = [(link, use) for link, use in self._body if link.link_type != "Html"]
            body = [use for link, use in markdown[-1:] if is_source_line(document, link)]
        # A reference definition used by several links is one place the URL is written.
        body = list({(use.start, use.end): use for use in body}.values())
        self._uses = [*self._field_uses, *body]

    def collect(self) -> Any:
        return self._uses or None


def links_checked(ctx: Context) -> bool:
    """Links are checked in this run; else nothing is recorded (it would only cost time and
    memory: the rules are selected by `ALL` even when no link is fetched)."""
    return ctx.config is not None and bool(ctx.config.links.check)


def link_use(
    doc: Document, url: str, span: Span, *, replaceable: bool, kind: str = "", html: bool = False
) -> LinkUse:
    """The link check's record of `url` written at `span`. `replaceable`: `span` is exactly the
    written URL (escapes and entities allowed), so replacing it changes the link's target and
    nothing else; `kind` and `html` as in `LinkUse`."""
    start, end = doc.position(span.start), doc.position(span.end)
    line = doc.lines.line_span(start.line)
    return LinkUse(
        url,
        span.start,
        span.end,
        start.line,
        start.column,
        end.line,
        end.column,
        replaceable=replaceable,
        source_line=doc.text[line.start : min(line.end, line.start + 1000)],
        kind=kind,
        html=html,
    )


def is_source_line(doc: Document, link: Link) -> bool:
    """The link is the source link of the body's last line that shows something: the whole line,
    or the link after a source label (`Source: [name](url)`)."""
    line = last_body_line(doc)
    if line is None or link.span.start < line.start or ends_a_wrapped_sentence(doc, line):
        return False
    found = source_line_link(doc, line)
    return found is not None and (found[1].start, found[1].end) == (link.span.start, link.span.end)


def reads_as_written(url: str) -> bool:
    """`url` written as a link's text shows as it is: no emphasis, code span, escape, entity or
    bracket (`_` only inside a word, where it never opens emphasis)."""
    return not _MARKDOWN_IN_TEXT.search(url)


def links_back(url: str) -> bool:
    """`url` written as a bare URL is linked whole by Hugo's linkify: not `https://x.org/a.` (the
    dot is left out), `https://x.org/a)` or an address with no top-level domain name."""
    from newslint.markdown import parse_body  # only a redirected bare URL gets this far

    return [node.url for node in parse_body(f"{url}\n", 0) if isinstance(node, Link)] == [url]


def safe_replacement(url: str) -> bool:
    """`url` can replace a written URL verbatim (no quoting, escaping or unbalanced parentheses)."""
    return bool(_PLAIN_URL.fullmatch(url)) and _balanced(url)


def _balanced(url: str) -> bool:
    depth = 0
    for char in url:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0
