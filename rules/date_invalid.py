"""A date Hugo cannot read, or an empty one.

## What it does
Gives Hugo's own verdict on `date`, `lastmod`, `publishDate`, `expiryDate` (and `pubdate`,
`published`, `modified`, `unpublishdate`): the value must be one of the layouts Hugo's date parser
accepts (RFC 3339 with or without an offset, `2006-01-02 15:04:05`, `2006-01-02`, the RFC 1123 and
822 forms, ...). `2025/02/08`, `Feb 8, 2025`, `2025-02-08 09:55`, `2025-2-8 09:55:35`,
`2025-02-30`, a float, `true` or a list fail; so does a JSON number (JSON numbers reach Hugo as
floats). `""` and null are reported too, and so is a time without a date (`3:04PM`).

## Why is this bad?
One unreadable date fails the whole build ("the "date" front matter field is not a parsable
date"). An empty date does not: Hugo silently dates the page to year 1 (a time alone, to year 0),
so it sorts last and shows "0001-01-01" wherever the theme prints the date.

## Example
    date: "2025/02/08"
    lastmod: ""

## Use instead
    date: "2025-02-08T00:00:00+08:00"
"""

from __future__ import annotations

from newslint import Rule, Severity
from newslint.document import Document
from newslint.rule import Context

from ._dates import date_fields
from ._schema import value_or_key_span


class DateInvalid(Rule):
    code = "DT002"
    name = "date-invalid"
    severity = Severity.ERROR
    messages = {
        "invalid": "{key} {value} is not a date Hugo can read (write 2006-01-02T15:04:05-07:00): the build fails",
        "empty": "{key} is empty: Hugo dates the page to year 1",
        "no-day": "{key} {value} is a time without a date: Hugo dates the page to year 0",
    }

    def on_document_end(self, ctx: Context, document: Document) -> None:
        for item, reading in date_fields(ctx):
            if reading.kind == "ok":
                continue
            span = item.value_span
            value = ctx.document.text[span.start : span.end]  # as written, quotes included
            ctx.report(value_or_key_span(item), reading.kind, key=item.key, value=value)
