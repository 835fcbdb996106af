"""Dates in an impossible order.

## What it does
Flags a page's lastmod earlier than its date, and an expiry date that is not after its publish
date, each date taken from the field Hugo takes it from (`lastmod`, else `modified`; `date`, else
`publishDate` ...; or the site's `[frontmatter]` sources). Dates are compared as the instants Hugo
reads (each with its own offset, else the site's `timeZone`).

## Why is this bad?
A page modified before it was written confuses sitemaps, feeds and "updated" labels. A page that
expires before (or when) it is published is never shown, and Hugo gives no warning. Where the
site builds expired pages (`buildExpired`, the site's or the page's language's), Hugo shows it
anyway, and the message says so: the expiry date still says nothing true. Where it builds future
pages (`buildFuture`), a page whose publish date is still to come is shown now, until its expiry
date, and never after it is published: the message says that instead (checked with hugo 0.168).

A date a section's or the site's `cascade` gives a page that does not set it is compared too (hugo
0.168 leaves out a page dated after the `expiryDate` its section cascades): the report is at the
page's own date field it is compared with, and names the cascaded one as `expiryDate (from a
cascade)`. Two dates that both come from cascades are not reported on the page: the cascade is where
they are written.

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
from newslint.rule import Context

from ._dates import CASCADE, GoTime, Source, hugo_dates

# How Hugo's documentation spells the date keys a cascade may hold (the cascade's are lower-cased).
_SPELLING = {
    "publishdate": "publishDate",
    "expirydate": "expiryDate",
    "unpublishdate": "unpublishDate",
}


class DateOrder(Rule):
    code = "DT004"
    name = "date-order"
    severity = Severity.WARNING
    messages = {
        "lastmod": "{key} {value} is before {other_key} {other}",
        "expiry": "{key} {value} is not after {other_key} {other}: the page is never shown",
        "expiry-built": "{key} {value} is not after {other_key} {other} (buildExpired is on: the page is shown all the same)",
        "expiry-future-built": "{key} {value} is not after {other_key} {other}: the page is shown only while it is not yet published (buildFuture is on), then it has expired",
    }

    def on_document_end(self, ctx: Context, document: Document) -> None:
        targets = hugo_dates(ctx).targets
        date, lastmod = targets.get("date"), targets.get("lastmod")
        if _before(lastmod, date):
            self._report(ctx, "lastmod", lastmod, date)
        publish, expiry = targets.get("publishdate"), targets.get("expirydate")
        if _before(expiry, publish, or_same=True):
            site, language = ctx.site, ctx.document.language
            if site is not None and site.build_expired_for(language):
                self._report(ctx, "expiry-built", expiry, publish)
            elif site is not None and site.build_future_for(language):
                # Hugo builds a page whose publish date is still to come, and leaves it out
                # only once its expiry date has passed (hugo 0.168).
                self._report(ctx, "expiry-future-built", expiry, publish)
            else:
                self._report(ctx, "expiry", expiry, publish)

    @staticmethod
    def _report(ctx: Context, message: str, at: Source | None, other: Source | None) -> None:
        assert at is not None and at.reading is not None
        assert other is not None and other.reading is not None
        # One of the two is the page's own field (see `_before`): the report is there.
        where = at.field if at.field is not None else other.field
        assert where is not None
        ctx.report(
            where.value_span,
            message,
            key=_name(at),
            value=at.reading.source,
            other_key=_name(other),
            other=other.reading.source,
        )


def _before(first: Source | None, second: Source | None, or_same: bool = False) -> bool:
    """Whether two dates read from two different fields (or a field and a value a cascade
    gives the page) are in the wrong order."""
    if first is None or second is None or first.field is second.field:
        return False
    if first.field is None and second.field is None:
        return False  # both cascaded (or from the file name): not the page's to fix
    a, b = _time(first), _time(second)
    if a is None or b is None:
        return False
    return a.epoch() < b.epoch() or (or_same and a.epoch() == b.epoch())


def _time(source: Source) -> GoTime | None:
    """The instant of a field's date, or of a value a cascade gives the page."""
    if source.field is not None:
        return source.time
    if source.origin == CASCADE and source.reading is not None and source.reading.kind == "ok":
        return source.reading.time
    return None


def _name(source: Source) -> str:
    if source.field is not None:
        return source.field.key
    return f"{_SPELLING.get(source.key, source.key)} (from a cascade)"
