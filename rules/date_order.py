"""Dates in an impossible order.

## What it does
Flags `lastmod` (or `modified`) earlier than `date`, and `expiryDate` (or `unpublishdate`) that is
not after the publish date (`publishDate`, `pubdate`, `published`, else `date`). Dates are compared
as the instants Hugo reads (each with its own offset, else the site's `timeZone`).

## Why is this bad?
A page modified before it was written confuses sitemaps, feeds and "updated" labels. A page that
expires before (or when) it is published is never shown, and Hugo gives no warning.

## Example
    date: "2025-02-08T09:55:35+08:00"
    lastmod: "2025-02-07T12:00:00+08:00"

## Use instead
    date: "2025-02-08T09:55:35+08:00"
    lastmod: "2025-02-09T12:00:00+08:00"
"""

from __future__ import annotations

from newslint import Rule, Severity
from newslint.document import Document
from newslint.events import Field
from newslint.rule import Context

from ._dates import PUBLISH_KEYS, HugoDate, date_fields


class DateOrder(Rule):
    code = "DT004"
    name = "date-order"
    severity = Severity.WARNING
    messages = {
        "lastmod": "{key} {value} is before {other_key} {other}",
        "expiry": "{key} {value} is not after {other_key} {other}: the page is never shown",
    }

    def on_document_end(self, ctx: Context, document: Document) -> None:
        readings = {
            item.key.lower(): (item, reading)
            for item, reading in date_fields(ctx)
            if reading.kind == "ok" and reading.time is not None
        }

        def first(*keys: str) -> tuple[Field, HugoDate] | None:
            return next((readings[k] for k in keys if k in readings), None)

        date, lastmod = first("date"), first("lastmod", "modified")
        if date and lastmod and _instant(lastmod[1]) < _instant(date[1]):
            self._report(ctx, "lastmod", lastmod, date)
        publish, expiry = first(*PUBLISH_KEYS), first("expirydate", "unpublishdate")
        if publish and expiry and _instant(expiry[1]) <= _instant(publish[1]):
            self._report(ctx, "expiry", expiry, publish)

    @staticmethod
    def _report(
        ctx: Context, message: str, at: tuple[Field, HugoDate], other: tuple[Field, HugoDate]
    ) -> None:
        ctx.report(
            at[0].value_span,
            message,
            key=at[0].key,
            value=at[1].source,
            other_key=other[0].key,
            other=other[1].source,
        )


def _instant(reading: HugoDate) -> tuple[int, int]:
    assert reading.time is not None
    return reading.time.epoch()
