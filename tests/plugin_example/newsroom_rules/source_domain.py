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

from newslint import Context, Edit, Fix, Rule, Severity
from newslint.document import Document
from newslint.events import Link

# An inline link `[name](url)` that ends the text: the source link.
_LAST_LINE_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)\s*\Z")


@dataclass(frozen=True)
class Options:
    domains: tuple[str, ...] = ("wire.example.com",)  # the documented default


class SourceDomain(Rule):
    code = "NR001"  # two letters + three digits, yours to choose
    name = "source-domain"  # kebab-case; works in select/ignore/suppressions
    severity = Severity.ERROR
    messages = {"not-allowed": "source domain {domain!r} is not on the allow-list"}
    Options = Options

    def __init__(self) -> None:
        self.last_link: Link | None = None  # one instance per document: per-file state is fine

    def on_link(self, ctx: Context, link: Link) -> None:  # subscribe by naming the event
        self.last_link = link

    def on_document_end(self, ctx: Context, document: Document) -> None:
        link = self.last_link
        if (
            link is None
            or link.url_span is None  # a reference link: its URL is written elsewhere
            or not _LAST_LINE_LINK.search(document.text[link.span.start :])
        ):
            return  # no source link: source-link-missing reports that
        host = urlsplit(link.url).hostname  # lower case
        if not host or host in ctx.options.domains:
            return  # no host: a relative link is no source link either
        fix = None
        if host.startswith("m.") and host[2:] in ctx.options.domains:
            start = link.url_span.start + link.url.lower().index(host)
            fix = Fix.safe(f"Link to {host[2:]}", Edit(start, start + len(host), host[2:]))
        ctx.report(link.url_span, "not-allowed", domain=host, fix=fix)
