"""Link over plain HTTP.

## What it does
Flags `http://` links and images in the body and an `http://` source URL in the source field
(`source` unless the rule option `field` or the config key `source-field` says otherwise; each URL
of a list, `source: [url1, url2]`; under the page's `params` when set there, as Hugo 0.150+ reads
it: `params.source` is then the page's `.Params.source`). Addresses that are no public web site are
left alone: `localhost`, private and loopback IP addresses and reserved names (`.local`, `.test`,
`.example`, `.internal`); so are Tor (`.onion`) and I2P (`.i2p`) sites, which their networks
encrypt. The documentation domains `example.com`, `.net` and `.org` are real hosts that serve HTTPS,
so their `http://` links are flagged like any other. A bare URL in the text is a link too, as Hugo
links it (Goldmark's Linkify, unless the site turns it off).

Links in raw HTML are flagged too: `<a href="http://...">`, `<area href>`, `<img src>` and each URL
of its `srcset`, and what a page embeds (`<iframe src>`, `<video src>` and `poster`, `<audio src>`,
`<source src>`, `<embed src>`, `<object data>`: on an HTTPS page a browser blocks such content or
warns about it), at the `http://` of the attribute's value (the fix only adds the `s`, which HTML
needs no escape for).

An address argument of a shortcode call is flagged too (`{{< figure src="http://..." >}}`, a
site's `{{< img src="http://..." >}}`: a value of `src`, `link`, `href`, `url`, `image`, `img`,
`poster` or `thumbnail`, or one written as an address): Hugo passes it on as written, and its
embedded `figure` writes it into `<img src>` and `<a href>` (checked with hugo 0.168).

It is reported at the `http://` of the URL (at the whole link when the URL is not written in it:
a reference link or an entity-encoded scheme).

## Why is this bad?
Browsers warn about or block plain-HTTP images on an HTTPS page (mixed content), and a plain-HTTP
link can be intercepted or rewritten on the way. Nearly every news site serves HTTPS today.

## Example
    [bioon](http://news.bioon.com/article/6754321.html)

## Use instead
    [bioon](https://news.bioon.com/article/6754321.html)

## Fix safety
The fix writes `https` over the URL's `http`, and over the link's text too when the link shows
its own URL (`[http://a.org/x](http://a.org/x)`), so that the reader does not still see `http://`.
Unsafe: not every host serves the same page over HTTPS. Safe when the run checks links
(`--check-links`) and the `https://` address answered (a page, or a permanent redirect to another
`https://` address): then these diagnostics come with the link check's, after every file, and
`newslint fix --check-links` applies the fix. A URL with an explicit port
(`http://radio.org:8000/`) gets no fix: https on that port would be another service.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, ClassVar

from newslint import Edit, Fix, Rule, Severity
from newslint.document import Document
from newslint.events import Collected, Field, Html, Link
from newslint.fixes import Applicability
from newslint.linkuse import LinkUse
from newslint.rule import Context, ProjectContext
from newslint.spans import Span

from ._checked_links import is_source_line, link_use, links_checked
from ._fields import lowered_keys
from ._html_links import links_in
from ._links import (
    Destinations,
    doubled_scheme,
    is_local_host,
    source_field_keys,
    source_field_name,
    source_values_in,
    split_url,
    url_shown_at,
)
from ._shortcode_urls import shortcode_urls
from ._text import FieldText


@dataclass(frozen=True)
class Options:
    """Options of the rule (its `[rules.link-insecure]` table)."""

    field: str = ""


def _insecure(url: str) -> bool:
    parts = split_url(url)
    return (
        parts is not None
        and parts.scheme.lower() == "http"
        and bool(parts.hostname)
        and not is_local_host(parts.hostname or "")
        # Tor and I2P sites are served over plain HTTP: their networks encrypt the traffic.
        and not (parts.hostname or "").lower().rstrip(".").endswith((".onion", ".i2p"))
        and url.lstrip()[:7].lower() == "http://"
        and doubled_scheme(url) is None  # link-malformed reports `http://mailto:...`
    )


def _written(text: str, start: int) -> str:
    """The bare URL at `start` as written, up to the next white space."""
    end = start
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end]


class LinkInsecure(Rule):
    code = "LK004"
    name = "link-insecure"
    severity = Severity.INFO
    messages = {"http": "{kind} uses http://, not https://"}
    Options = Options
    # With `--check-links`, the https:// address of each fixable link is checked too.
    checks_links: ClassVar[bool] = True

    def __init__(self) -> None:
        self.destinations: Destinations | None = None
        # Held back while links are checked: (use, the link or None for the source field).
        self.held: list[tuple[LinkUse, Link | None]] = []
        self.uses: list[LinkUse] = []

    def on_link(self, ctx: Context, link: Link) -> None:
        if not _insecure(link.url):
            return
        text = ctx.document.text
        if link.link_type == "Linkify" and not _insecure(_written(text, link.span.start)):
            return  # `http://a.b32.i2p/`: Hugo links `http://a.b32.i` (a TLD has no digit)
        self.destinations = self.destinations or Destinations(ctx.document)
        dest = self.destinations.of(link)
        if not self.destinations.first_time(link, dest):
            return
        kind = "image" if link.is_image else "link"
        if dest is None or text[dest.start : dest.start + 7].lower() != "http://":
            ctx.report(link.span, "http", kind=kind)
            return
        self._report(
            ctx,
            link.url,
            Span(dest.start, dest.start + 7),
            kind,
            link,
            url_shown_at(text, link, dest),
        )

    def on_html(self, ctx: Context, node: Html) -> None:
        for link in links_in(ctx.document, node):
            self.on_link(ctx, link)

    @classmethod
    def field_keys(cls, ctx: Context) -> frozenset[str]:
        # `on_field` returns at once for any other key.
        return lowered_keys(source_field_keys(source_field_name(ctx, ctx.options.field)))

    def on_field(self, ctx: Context, field: Field) -> None:
        # Each source the page takes: under `params` when set there, each item of a list.
        name = source_field_name(ctx, ctx.options.field)
        for value in source_values_in(ctx.document, field, name):
            if _insecure(value.value):
                self._source(ctx, value)

    def _source(self, ctx: Context, field: Field) -> None:
        text = ctx.document.text
        written = FieldText(text, field)
        lead = len(field.value) - len(field.value.lstrip())
        offset = written.offset(lead)
        if written.mapping is not None:
            # The scheme as the source writes it: `http:\/\/` in JSON from PHP's json_encode.
            scheme = written.span(lead, lead + 7)
        else:
            scheme = Span(offset, offset + 7)
        if text[offset : offset + 4].lower() != "http":
            ctx.report(scheme, "http", kind="source URL")
            return
        # The fix rewrites the four letters `http`, whatever escapes write the slashes.
        self._report(ctx, field.value, scheme, "source URL", None)

    def _report(
        self, ctx: Context, url: str, scheme: Span, kind: str, link: Link | None, shown: int = -1
    ) -> None:
        fix = _https(url, scheme, shown)
        if fix is None or not links_checked(ctx):
            ctx.report(scheme, "http", kind=kind, fix=fix)
            return
        https = "https://" + url.strip()[7:]
        use = link_use(ctx.document, https, scheme, replaceable=True, kind=kind)
        if shown >= 0:
            column = ctx.document.position(shown).column
            use = dataclasses.replace(use, shown_at=shown, shown_column=column)
        self.held.append((use, link))

    def on_document_end(self, ctx: Context, document: Document) -> None:
        for argument in shortcode_urls(document):
            # Hugo passes a shortcode's arguments on as written: the embedded `figure` writes
            # `src` into `<img src>` and `link` into `<a href>`, as a site's own `img` or `link`
            # shortcode does with its address.
            if _insecure(argument.url) and argument.url[:7].lower() == "http://":
                scheme = Span(argument.span.start, argument.span.start + 7)
                kind = f"{argument.shortcode} shortcode's address"
                self._report(ctx, argument.url, scheme, kind, None)
        only_source = bool(ctx.config is not None and ctx.config.links.only_source)
        for use, link in self.held:
            if only_source and link is not None and not is_source_line(document, link):
                # Not checked in this run: reported now, as without a link check.
                fix = _https(use.url, Span(use.start, use.end), use.shown_at)
                ctx.report(Span(use.start, use.end), "http", kind=use.kind, fix=fix)
            else:
                self.uses.append(use)

    def collect(self) -> Any:
        return self.uses or None

    @classmethod
    def project_end(cls, ctx: ProjectContext, collected: list[Collected]) -> None:
        for item in collected:
            for use in item.data:
                result = ctx.links.get(use.url)
                works = result is not None and (
                    result.verdict == "ok"
                    or (
                        result.verdict == "redirect"
                        and (result.target or "").startswith("https://")
                    )
                )
                fix = _https(use.url, Span(use.start, use.end), use.shown_at)
                assert fix is not None  # held back only when there is one
                if works:
                    fix = Fix("Use https:// (it answered)", fix.edits, Applicability.SAFE)
                line, column = use.line, use.column
                positions = [(line, column, line, column + 4)]
                if use.shown_at >= 0:
                    positions.insert(0, (line, use.shown_column, line, use.shown_column + 4))
                ctx.report(
                    item.path,
                    use.position,
                    "http",
                    fix=fix,
                    fix_positions=positions,
                    span=Span(use.start, use.end),
                    source_line=use.source_line,
                    kind=use.kind,
                )


def _https(url: str, written: Span, shown: int = -1) -> Fix | None:
    """Rewrite the `http` written at `written` as `https`, and at `shown` too when the link
    shows its URL as its text there; none for a URL with an explicit port, where https would be
    another service (`:8000`) or a wrong one (`:80`)."""
    parts = split_url(url)
    if parts is None or parts.port is not None:
        return None
    edits = [Edit.replace(Span(written.start, written.start + 4), "https")]
    if shown >= 0:
        edits.insert(0, Edit.replace(Span(shown, shown + 4), "https"))
    return Fix.unsafe("Use https://", *edits)
