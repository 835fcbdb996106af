"""A date is not written as RFC 3339 with an offset.

## What it does
Flags `date`, `lastmod`, `publishDate` and `expiryDate` (and Hugo's other names for them: `pubdate`,
`published`, `modified`, `unpublishdate`) when Hugo can read the value but it is not
`2006-01-02T15:04:05-07:00` (fractional seconds and `Z` allowed): no offset (`2025-02-08 09:55:35`,
`2025-02-08`), another layout (`Sat, 08 Feb 2025 09:55:35 +0800`), a zone name that Hugo ignores
(`... 09:55:35 GMT` is read in the site's zone), or a number of seconds. Values Hugo cannot read at
all are `date-invalid`'s. A Jekyll post outside a Hugo site (`_posts/2021-10-15-x.md`, see
`rules/_jekyll.py`), or any page of a Jekyll site (a `_config.yml` above it and no Hugo
configuration), may use the form Jekyll's documentation gives, `2021-10-15 14:00:00 +0200` (the
seconds optional, the offset with or without its colon, and with or without the space before it, as
jekyll-import writes a WordPress post's date: `2007-07-19 11:16:07+00:00`, a YAML timestamp Jekyll
reads with its offset): its offset is written, so its instant is
as clear as RFC 3339's, and it is not reported there; one without an offset still is: Jekyll reads
it in the `timezone` of its `_config.yml` (the zone the fix then writes, safely), else in the build
machine's zone (the fix assumes UTC, unsafe). Jekyll sets `TZ` to a `timezone` that is no time
zone all the same, and Ruby then reads times in UTC (the message says so; the fix, unsafe, writes
UTC), or, for a POSIX rule such as `UTC+2`, at the rule's offset (no fix).

## Why is this bad?
Without an offset the instant depends on configuration that lives elsewhere: Hugo reads the wall
time in the site's `timeZone` (else UTC), other tools (feeds, search indexes, a scraper's
de-duplication) usually read it as UTC, and moving the site or changing `timeZone` silently moves
every article by hours.

## Example
    # hugo.toml: timeZone = "Asia/Shanghai"
    date: "2025-02-08 09:55:35"

## Use instead
    date: "2025-02-08T09:55:35+08:00"

## Fix safety
The value is rewritten as the instant Hugo reads today, keeping its quoting: the offset written in
the value, else the offset of the time zone at that instant (daylight saving included, and a wall
time that falls in a daylight-saving gap resolved as Go resolves it; an offset that is not a
whole number of minutes, a zone's local mean time before it adopted a standard one, is written
as the same instant in UTC; in TOML, a time with a fraction of a second becomes a string, since
Hugo drops the fraction of a TOML datetime with an offset). Safe when the value has an
offset or the zone is known (config `timezone` or the site's `timeZone`); unsafe when UTC is only
assumed for lack of both, and for a number of seconds, which may not have been meant as one;
none for eight digits that spell a calendar date (`20240102`), which surely were not. Unsafe too
for a time with a fraction of a second and no offset that Hugo copies to another date (a
`lastmod` or `publishDate` on a page without `date`: Hugo derives `date` from it, then the other
from that `date`): Hugo's copy of a time with an offset drops the fraction, so the derived date
would move by under a second.
"""

from __future__ import annotations

import datetime
import re

from newslint import Fix, Rule, Severity
from newslint.document import Document
from newslint.events import Field
from newslint.fixes import Applicability, Edit
from newslint.rule import Context

from ._dates import HugoDate, copied_dates, date_fields, rewritten, zone_for
from ._jekyll import jekyll_post


class DateFormat(Rule):
    code = "DT001"
    name = "date-format"
    severity = Severity.WARNING
    messages = {
        "no-offset": "{key} is not RFC 3339 with an offset: Hugo reads {value!r} in {zone}",
        "no-offset-jekyll": "{key} is not RFC 3339 with an offset: Jekyll reads {value!r} in {zone}",
        "layout": "{key} is not RFC 3339: {value!r}",
        "zone-name": "{key} is not RFC 3339: Hugo ignores the zone name in {value!r} and reads it in {zone}",
        "unix": "{key} is not RFC 3339: Hugo reads the number {value} as seconds since 1970",
    }

    def on_document_end(self, ctx: Context, document: Document) -> None:
        choice = zone_for(ctx)
        zone = choice.name if choice.known else _unknown_zone(ctx)
        site = ctx.site
        jekyll = jekyll_post(ctx) or (site is not None and site.jekyll_config is not None)
        # The `timezone` a Jekyll site's `_config.yml` names, as written.
        jekyll_zone = site.time_zone if site is not None and site.jekyll_config else None
        for item, reading in date_fields(ctx):
            if reading.kind != "ok" or reading.is_rfc3339:
                continue
            if reading.unix:
                message = "unix"
            elif reading.has_offset:
                if jekyll and _JEKYLL_LAYOUT.fullmatch(reading.source.strip().strip("'\"")):
                    continue  # Jekyll's documented form, its offset written: nothing is unclear
                message = "layout"
            elif reading.zone_name:
                message = "zone-name"
            elif jekyll:
                message = "no-offset-jekyll"
            else:
                message = "no-offset"
            fix = None
            text = rewritten(item, reading, choice)
            if jekyll and not choice.known and _JEKYLL_POSIX_RULE.fullmatch(jekyll_zone or ""):
                text = None  # Ruby reads it at the rule's offset, not in UTC: no rewrite
            if reading.unix and _spells_a_date(reading.source):
                text = None  # `20240102` means 2 January 2024, not 23 August 1970: no rewrite
            if text is not None:
                safe = not reading.unix and (reading.has_offset or choice.known)
                if _fraction_lost(ctx, item, reading):
                    safe = False
                fix = Fix(
                    f"Rewrite as {text.strip(chr(34) + chr(39))}",
                    (Edit.replace(item.value_span, text),),
                    Applicability.SAFE if safe else Applicability.UNSAFE,
                )
            ctx.report(
                item.value_span,
                message,
                fix=fix,
                key=item.key,
                value=item.node.value if isinstance(item.node.value, str) else reading.source,
                zone=zone if not jekyll or choice.known else _jekyll_unknown_zone(jekyll_zone),
            )


def _jekyll_unknown_zone(written: str | None) -> str:
    """Where Jekyll reads a date without an offset, for the message, when its `_config.yml`
    names no `timezone` newslint knows (`written`: the one it names). Jekyll sets `TZ` to the
    value as written; the C library (glibc, as on GitHub Pages' builders, checked with `date`)
    reads a name it has no zone of as UTC (`Mars/Base`, `europe/berlin`), and a POSIX rule
    (`UTC+2`, two hours behind UTC) at its offset."""
    if written is None:
        return _JEKYLL_LOCAL_ZONE
    if _JEKYLL_POSIX_RULE.fullmatch(written):
        return (
            f"the POSIX TZ rule {written!r} (the timezone of _config.yml, which is no time zone "
            "name: Jekyll sets TZ to it), which newslint does not read"
        )
    return (
        f"UTC (the timezone {written!r} of _config.yml is not a time zone: Jekyll sets TZ to "
        "it, and Ruby then reads times in UTC)"
    )


# Where Jekyll reads a date without an offset when its configuration names no `timezone`.
_JEKYLL_LOCAL_ZONE = "the build machine's time zone (no timezone in _config.yml)"
# A `TZ` value the C library reads as a POSIX rule: a name of three letters or more (or `<...>`)
# and an offset (`UTC+2`, `CET-1CEST`, `<+03>-3`); not a path (`Asia/Shanghai8` is UTC).
_JEKYLL_POSIX_RULE = re.compile(r"(?:[A-Za-z]{3,}|<[A-Za-z0-9+-]{3,}>)[+-]?\d[^/]*")

# The date Jekyll's documentation gives for a post's front matter, `YYYY-MM-DD HH:MM:SS +/-TTTT`
# (`2021-10-15 14:00:00 +0200`; the seconds may be left out, the offset may have its colon, and
# the space before the offset may be left out, as in jekyll-import's `2007-07-19 11:16:07+00:00`:
# YAML's timestamp allows any white space there, none included).
_JEKYLL_LAYOUT = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2}(?:\.\d+)?)? ?[+-]\d{2}:?\d{2}")


def _fraction_lost(ctx: Context, item: Field, reading: HugoDate) -> bool:
    """Whether the rewrite moves a date Hugo copies from this one: a time in the site's zone
    with a fraction of a second keeps it in the copy (publishDate from a `lastmod` when there is
    no `date`), the same time with an offset does not (found with Hugo as the oracle)."""
    time = reading.time
    if reading.has_offset or time is None or not time.nanosecond:
        return False
    return bool(copied_dates(ctx, item))


def _spells_a_date(source: str) -> bool:
    """Whether a number written as eight digits reads as a calendar date `YYYYMMDD` between 1900
    and 2099 (an author's date without dashes, which Hugo reads as seconds since 1970)."""
    digits = source.strip().strip("'\"")
    if len(digits) != 8 or not digits.isascii() or not digits.isdigit():
        return False
    try:
        day = datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return False
    return 1900 <= day.year <= 2099


def _unknown_zone(ctx: Context) -> str:
    """The zone Hugo reads dates without an offset in, for the message, when newslint has none to
    use (the fix, then unsafe, writes them in UTC): none configured, `Local` or an unknown name."""
    written = ctx.site.unusable_time_zone_for(ctx.document.language) if ctx.site else None
    if written is None:
        return "UTC (no time zone is configured)"
    if written == "Local":
        return "the build machine's time zone (timeZone 'Local'), which newslint cannot know"
    return f"UTC (timeZone {written!r} is not a known time zone, and Hugo cannot build)"
