"""A date Hugo cannot read, or an empty one.

## What it does
Gives Hugo's own verdict on `date`, `lastmod`, `publishDate`, `expiryDate` (and `pubdate`,
`published`, `modified`, `unpublishdate`): the value must be one of the layouts Hugo's date parser
accepts (RFC 3339 with or without an offset, `2006-01-02 15:04:05`, `2006-01-02`, the RFC 1123 and
822 forms, ...). `2025/02/08`, `Feb 8, 2025`, `2025-02-08 09:55`, `2025-2-8 09:55:35`,
`2025-02-30`, a float, `true` or a list fail; so does a JSON number (JSON numbers reach Hugo as
floats). `""` and null are reported too, and so are a time without a date (`3:04PM`) and a value
that spells Go's zero time (`0001-01-01T00:00:00Z`, or the number `-62135596800`), which Hugo
takes, and then treats the page as having no date (as an expiry date: as no expiry). A YAML value
tagged `!!timestamp` is parsed by Hugo's YAML reader instead (`2025-2-8`, `2025-02-08 09:55:35`
and RFC 3339 with short fields, read in UTC); in another layout it becomes that zero time too,
silently, without failing the build.

Hugo reads the fields its `[frontmatter]` configuration names (custom keys included), each date
from the first of its sources that has a value, so: an empty value that another source makes up
for (`date: ""` with a `publishDate`), an empty `expiryDate`, and an unreadable alias that Hugo
never reaches (`published` after a readable `publishDate`) are warnings, not errors.

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
from newslint.site import DEFAULT_DATE_SOURCES

from ._dates import TARGETS, hugo_dates
from ._schema import value_or_key_span


class DateInvalid(Rule):
    code = "DT002"
    name = "date-invalid"
    severity = Severity.ERROR
    messages = {
        "invalid": "{key} {value} is not a date Hugo can read (write 2006-01-02T15:04:05-07:00): the build fails",
        "empty": "{key} is empty: Hugo dates the page to year 1",
        "no-day": "{key} {value} is a time without a date: Hugo dates the page to year 0",
        "zero": "{key} {value} is Go's zero time: Hugo takes it as no date and dates the page to year 1",
        "tag-unparsed": "{key} {value} is tagged !!timestamp in a layout Hugo's YAML reader does not parse: Hugo takes it as no date ({effect})",
        "zero-expiry": "{key} {value} is Go's zero time: Hugo takes it as no date, the page does not expire",
        "empty-fallback": "{key} is empty: Hugo takes the {target} from {origin}",
        "empty-expiry": "{key} is empty: the page does not expire",
        "unread": "{key} {value} is not a date, and Hugo never reads it: it takes the {target} from {origin}",
    }

    def on_document_end(self, ctx: Context, document: Document) -> None:
        dates = hugo_dates(ctx)
        sources: dict[str, tuple[str, ...]] | None = None  # looked up for the first one to report
        for item, reading in dates.fields:
            if reading.kind == "ok":
                continue
            if sources is None:
                sources = (
                    ctx.site.date_sources_for(document.language)
                    if ctx.site is not None
                    else DEFAULT_DATE_SOURCES
                )
            span = item.value_span
            value = ctx.document.text[span.start : span.end]  # as written, quotes included
            if item.node.style in ("|", ">") and isinstance(item.value, str):
                # A block scalar's source spans lines: show the string it stands for.
                import json

                value = json.dumps(item.value, ensure_ascii=False)
            key = item.key.lower()
            target = dates.target_of(key, sources)
            source = dates.targets.get(target)
            where = value_or_key_span(item)
            if reading.kind == "empty":
                # Hugo skips an empty value and takes the date from the next source it has.
                if source is not None:
                    ctx.report(
                        where,
                        "empty-fallback",
                        key=item.key,
                        target=TARGETS[target],
                        origin=source.origin,
                        severity=Severity.WARNING,
                    )
                elif target == "expirydate":
                    ctx.report(where, "empty-expiry", key=item.key, severity=Severity.WARNING)
                else:
                    ctx.report(where, "empty", key=item.key)
            elif reading.kind == "zero":
                if key not in dates.read:
                    continue  # an alias Hugo never reaches: harmless
                if reading.unparsed:
                    expiry = target == "expirydate"
                    ctx.report(
                        where,
                        "tag-unparsed",
                        key=item.key,
                        value=value,
                        effect="the page does not expire" if expiry else "the page is dated year 1",
                        severity=Severity.WARNING if expiry else None,
                    )
                elif target == "expirydate":
                    ctx.report(
                        where, "zero-expiry", key=item.key, value=value, severity=Severity.WARNING
                    )
                else:
                    ctx.report(where, "zero", key=item.key, value=value)
            elif key in dates.read or source is None:
                ctx.report(where, reading.kind, key=item.key, value=value)
            else:
                # An alias behind a readable key (`published` after `publishDate`): never parsed.
                ctx.report(
                    where,
                    "unread",
                    key=item.key,
                    value=value,
                    target=TARGETS[target],
                    origin=source.origin,
                    severity=Severity.WARNING,
                )
