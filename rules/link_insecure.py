"""Link over plain HTTP.

## What it does
Flags `http://` links and images in the body and an `http://` source URL in the source field
(`source` unless the rule option `field` or the config key `source-field` says otherwise).
Addresses that are no public web site are left alone: `localhost`, private and loopback IP
addresses, `.local`/`.test`/`.internal` names and the example domains.

## Why is this bad?
Browsers warn about or block plain-HTTP images on an HTTPS page (mixed content), and a plain-HTTP
link can be intercepted or rewritten on the way. Nearly every news site serves HTTPS today.

## Example
    [bioon](http://news.bioon.com/article/6754321.html)

## Use instead
    [bioon](https://news.bioon.com/article/6754321.html)

## Fix safety
Unsafe: not every host serves the same page over HTTPS; check the link (`--check-links`) after
applying it. A URL with an explicit port (`http://radio.org:8000/`) gets no fix: https on that
port would be another service.
"""

from __future__ import annotations

from dataclasses import dataclass

from newslint import Edit, Fix, Rule, Severity
from newslint.events import Field, Link
from newslint.rule import Context
from newslint.spans import Span

from ._fields import key_in
from ._links import Destinations, doubled_scheme, is_local_host, source_field_name, split_url
from ._text import FieldText


@dataclass(frozen=True)
class Options:
    field: str = ""


def _insecure(url: str) -> bool:
    parts = split_url(url)
    return (
        parts is not None
        and parts.scheme.lower() == "http"
        and bool(parts.hostname)
        and not is_local_host(parts.hostname or "")
        and url.lstrip()[:7].lower() == "http://"
        and doubled_scheme(url) is None  # link-malformed reports `http://mailto:...`
    )


class LinkInsecure(Rule):
    code = "LK004"
    name = "link-insecure"
    severity = Severity.INFO
    messages = {"http": "{kind} uses http://, not https://"}
    Options = Options

    def __init__(self) -> None:
        self.destinations: Destinations | None = None

    def on_link(self, ctx: Context, link: Link) -> None:
        if not _insecure(link.url):
            return
        text = ctx.document.text
        self.destinations = self.destinations or Destinations(ctx.document)
        dest = self.destinations.of(link)
        if not self.destinations.first_time(link, dest):
            return
        kind = "image" if link.is_image else "link"
        if dest is None or text[dest.start : dest.start + 7].lower() != "http://":
            ctx.report(link.span, "http", kind=kind)
            return
        ctx.report(Span(dest.start, dest.start + 7), "http", kind=kind, fix=_https(link.url, dest))

    def on_field(self, ctx: Context, field: Field) -> None:
        if not key_in(field.key, (source_field_name(ctx, ctx.options.field),)):
            return
        if not isinstance(field.value, str) or not _insecure(field.value):
            return
        text = ctx.document.text
        offset = FieldText(text, field).offset(len(field.value) - len(field.value.lstrip()))
        fix = None
        if text[offset : offset + 7].lower() == "http://":
            fix = _https(field.value, Span(offset, offset + 7))
        ctx.report(Span(offset, offset + 7), "http", kind="source URL", fix=fix)


def _https(url: str, written: Span) -> Fix | None:
    """Rewrite the `http` written at `written` as `https`; none for a URL with an explicit
    port, where https would be another service (`:8000`) or a wrong one (`:80`)."""
    parts = split_url(url)
    if parts is None or parts.port is not None:
        return None
    return Fix.unsafe("Use https://", Edit.replace(Span(written.start, written.start + 4), "https"))
