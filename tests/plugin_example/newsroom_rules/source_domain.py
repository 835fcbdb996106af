"""Source link is not on the newsroom's allow-list.

## What it does
Flags an article whose source link (the last body line `[name](url)`) points to a domain that is not
in the `domains` option. A link to a mobile mirror (`m.<domain>`) of an allowed domain is offered a
fix to the canonical domain.

## Why is this bad?
The newsroom only republishes from sources it has an agreement with.

## Example
    [Some blog](https://blog.example.net/post)

## Use instead
    [Wire](https://wire.example.com/post)

## Fix safety
Safe: `m.` mirrors serve the same article at the same path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from newslint import Edit, Fix, Rule, Severity
from newslint.document import Document
from newslint.events import Link
from newslint.rule import Context

_LAST_LINE_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)\s*\Z")


@dataclass(frozen=True)
class Options:
    domains: tuple[str, ...] = ("wire.example.com",)


class SourceDomain(Rule):
    code = "NR001"
    name = "source-domain"
    severity = Severity.ERROR
    messages = {"not-allowed": "source domain {domain!r} is not on the allow-list"}
    Options = Options

    def __init__(self) -> None:
        self.last_link: Link | None = None

    def on_link(self, ctx: Context, link: Link) -> None:
        self.last_link = link

    def on_document_end(self, ctx: Context, document: Document) -> None:
        link = self.last_link
        if (
            link is None
            or link.url_span is None
            or not _LAST_LINE_LINK.search(document.text[link.span.start :])
        ):
            return
        host = urlsplit(link.url).hostname or ""
        allowed = tuple(ctx.options.domains)
        if host in allowed:
            return
        fix = None
        if host.startswith("m.") and host[2:] in allowed:
            start = link.url_span.start + link.url.index(host)
            fix = Fix.safe(f"Link to {host[2:]}", Edit(start, start + len(host), host[2:]))
        ctx.report(link.url_span, "not-allowed", domain=host, fix=fix)
