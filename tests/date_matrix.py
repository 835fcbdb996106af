"""A differential test of the date rules (DT001-DT004) against the real Hugo.

`spellings()` generates about 300 ways of writing a date in front matter: every layout Go's
`spf13/cast` accepts, and near misses of each; YAML plain scalars (which a YAML 1.1 reader would
type differently from Hugo's YAML 1.2 one), quoted strings, TOML offset and local datetimes, local
dates and local times, JSON strings and numbers, out-of-range fields (month 13, 30 February,
hour 24, a leap second), years before 1000 and after 9999, wall times in the daylight-saving gaps
and overlaps of Europe/Berlin and America/New_York, and zones with half and quarter hour offsets.
Each spelling is one page; every page of a site goes into one Hugo build.

`run(hugo, folder)` builds the sites, reads each page's four dates from the output (a layout
prints them in UTC), lints the same pages with newslint, and compares:

1. DT002 (at error severity) fires exactly when Hugo fails on the page, or reads the date the value
   feeds as year 1 or year 0 (an empty value, a time without a date);
2. newslint's reading of the page's four dates (`hugo_dates`) is Hugo's, to the nanosecond;
3. DT001 fires only on values Hugo reads, not on RFC 3339 ones, and its fix (safe or unsafe),
   applied, makes a page on which Hugo reads the same four instants (a second build) and that
   DT001 no longer flags;
4. DT003 fires with `now` one nanosecond before Hugo's publish date, not with `now` equal to it;
   DT004 fires for a `lastmod` one nanosecond before Hugo's date, not for one equal to it, and for
   an `expiryDate` equal to Hugo's publish date, not for one a nanosecond after it.

`python -m tests.date_matrix` prints the summary and every disagreement;
`tests/test_dates_matrix.py` (marker `hugo`) asserts there is none.
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

# ------------------------------------------------------------------------------ the sites

# Site "zoned": one language per zone (the site's own zone is Asia/Shanghai, for English).
ZONES = {
    "en": "Asia/Shanghai",
    "de": "Europe/Berlin",
    "us": "America/New_York",
    "hi": "Asia/Kolkata",
    "ne": "Asia/Kathmandu",
}
LAYOUT = (
    "{{ range slice .Date .Lastmod .PublishDate .ExpiryDate }}"
    '{{ .UTC.Format "2006-01-02T15:04:05.999999999Z07:00" }}|{{ end }}'
)


def _site_config(name: str) -> str:
    head = (
        'baseURL = "https://example.org/"\nbuildFuture = true\nbuildExpired = true\n'
        'disableKinds = ["RSS", "sitemap", "robotsTXT", "404", "taxonomy", "term"]\n'
    )
    if name == "plain":  # no timeZone anywhere: newslint assumes UTC, as Hugo does
        return head
    if name == "sources":  # custom [frontmatter] date sources
        return head + (
            'timeZone = "Europe/Berlin"\n[frontmatter]\ndate = ["myDate", ":default"]\n'
            'publishDate = ["release", "publishDate", "date"]\n'
            'expiryDate = ["until", ":default"]\n'
        )
    lines = [head + 'timeZone = "Asia/Shanghai"\ndefaultContentLanguage = "en"\n']
    for lang, zone in ZONES.items():
        lines.append(f'[languages.{lang}]\ncontentDir = "content/{lang}"\n')
        if lang != "en":
            lines.append(f'timeZone = "{zone}"\n')
    return "".join(lines)


# ------------------------------------------------------------------------------ spellings


@dataclass(frozen=True)
class Spelling:
    """One page: `key` set to `value` (the text after `key: `, `key = ` or `"key": `)."""

    site: str  # "zoned", "plain" or "sources"
    lang: str  # the language folder in the zoned site ("" elsewhere)
    fmt: str  # yaml, toml, json
    key: str
    value: str
    extra: tuple[tuple[str, str], ...] = ()  # more (key, value) lines after it

    def article(self) -> str:
        return article(self.fmt, ((self.key, self.value), *self.extra))


def article(fmt: str, items: tuple[tuple[str, str], ...]) -> str:
    if fmt == "yaml":
        return "---\ntitle: a\n" + "".join(f"{k}: {v}\n" for k, v in items) + "---\nbody\n"
    if fmt == "toml":
        return '+++\ntitle = "a"\n' + "".join(f"{k} = {v}\n" for k, v in items) + "+++\nbody\n"
    members = "".join(f', "{k}": {v}' for k, v in items)
    return f'{{"title": "a"{members}}}\nbody\n'


_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_GO_TOKENS = re.compile(
    r"2006|Monday|Mon|Jan|MST|Z07:00|Z0700|-07:00|-0700|\.999999999|\.000000000|\.000000|\.000"
    r"|PM|15|01|02|_2|04|05|06|3"
)


def go_format(layout: str, wall: tuple[int, ...], offset: int = 0, name: str = "CST") -> str:
    """`wall` = (year, month, day, hour, minute, second, nanosecond) written in the Go layout."""
    import datetime

    year, month, day, hour, minute, second, nanos = (*wall, 0)[:7]
    weekday = datetime.date(max(year, 1), month, min(day, 28)).weekday()
    sign = "+" if offset >= 0 else "-"
    oh, om = divmod(abs(offset) // 60, 60)

    def one(match: re.Match[str]) -> str:
        token = match.group(0)
        values = {
            "2006": f"{year:04d}",
            "06": f"{year % 100:02d}",
            "01": f"{month:02d}",
            "Jan": _MONTHS[month - 1],
            "02": f"{day:02d}",
            "_2": f"{day:2d}",
            "15": f"{hour:02d}",
            "3": str(hour % 12 or 12),
            "PM": "PM" if hour >= 12 else "AM",
            "04": f"{minute:02d}",
            "05": f"{second:02d}",
            "Mon": _DAYS[weekday][:3],
            "Monday": _DAYS[weekday],
            "MST": name,
            "-0700": f"{sign}{oh:02d}{om:02d}",
            "-07:00": f"{sign}{oh:02d}:{om:02d}",
            "Z0700": "Z" if offset == 0 else f"{sign}{oh:02d}{om:02d}",
            "Z07:00": "Z" if offset == 0 else f"{sign}{oh:02d}:{om:02d}",
            ".999999999": ("." + f"{nanos:09d}".rstrip("0")) if nanos else "",
        }
        if token.startswith(".000"):
            return "." + f"{nanos:09d}"[: len(token) - 1]
        return values[token]

    return _GO_TOKENS.sub(one, layout)


# cast's layouts (spf13/cast, in its order) and the time-only ones.
CAST = [
    "2006-01-02",
    "2006-01-02T15:04:05Z07:00",
    "2006-01-02T15:04:05",
    "Mon, 02 Jan 2006 15:04:05 -0700",
    "Mon, 02 Jan 2006 15:04:05 MST",
    "02 Jan 06 15:04 -0700",
    "02 Jan 06 15:04 MST",
    "Monday, 02-Jan-06 15:04:05 MST",
    "2006-01-02 15:04:05.999999999 -0700 MST",
    "2006-01-02T15:04:05-0700",
    "2006-01-02 15:04:05Z0700",
    "2006-01-02 15:04:05",
    "Mon Jan _2 15:04:05 2006",
    "Mon Jan _2 15:04:05 MST 2006",
    "Mon Jan 02 15:04:05 -0700 2006",
    "2006-01-02 15:04:05Z07:00",
    "02 Jan 2006",
    "2006-01-02 15:04:05 -07:00",
    "2006-01-02 15:04:05 -0700",
]
TIME_ONLY = [
    "3:04PM",
    "Jan _2 15:04:05",
    "Jan _2 15:04:05.000",
    "Jan _2 15:04:05.000000",
    "Jan _2 15:04:05.000000000",
]
# Layouts without a numeric offset: the wall time is read in the zone.
ZONELESS = [layout for layout in CAST if not re.search(r"-07|Z07", layout)]

WINTER = (2025, 2, 8, 9, 55, 35)
# (language, wall time): daylight-saving gaps and overlaps, and a summer time.
DST = [
    ("de", (2025, 3, 30, 2, 30, 0)),  # gap: 02:00 -> 03:00
    ("de", (2025, 10, 26, 2, 30, 0)),  # overlap: 03:00 -> 02:00
    ("de", (2025, 3, 30, 3, 0, 0)),
    ("de", (2025, 10, 26, 3, 0, 0)),
    ("us", (2025, 3, 9, 2, 30, 0)),  # gap
    ("us", (2025, 11, 2, 1, 30, 0)),  # overlap
    ("us", (2025, 11, 2, 2, 0, 0)),
    ("us", (2025, 7, 4, 12, 0, 0)),
    ("de", (1945, 5, 24, 12, 0, 0)),  # Berlin's double summer time (+03:00)
    ("hi", (1942, 9, 1, 12, 0, 0)),  # Kolkata at +06:30
    ("ne", (1985, 6, 1, 12, 0, 0)),  # Kathmandu at +05:30
    ("ne", (1986, 1, 1, 0, 10, 0)),  # Kathmandu moved to +05:45 at 00:00
    ("us", (2100, 3, 14, 2, 30, 0)),  # a gap past the zone data's last transition
    ("de", (1893, 4, 1, 0, 0, 0)),  # Berlin's move from LMT
]

KEYS = ["date", "lastmod", "publishDate", "expiryDate", "pubdate", "modified", "unpublishdate"]


def _q(value: str) -> str:
    return json.dumps(value)


def spellings() -> list[Spelling]:
    """Every page of the matrix, in a stable order."""
    out: list[Spelling] = []

    def add(
        value: str, *, fmt: str = "yaml", lang: str = "en", key: str = "date", **kw: Any
    ) -> None:
        spelling = Spelling(kw.pop("site", "zoned"), lang, fmt, key, value, **kw)
        if spelling not in out:
            out.append(spelling)

    # Every cast layout, quoted, in Shanghai; with a fraction; and in each other zone.
    for layout in CAST:
        add(_q(go_format(layout, WINTER, 8 * 3600)))
        add(_q(go_format(layout, (*WINTER, 120000000), 8 * 3600)))
    for layout in TIME_ONLY:
        add(_q(go_format(layout, (*WINTER, 123456789), 8 * 3600)))
    for lang, offset, name in (("hi", 19800, "IST"), ("ne", 20700, "NPT")):
        for layout in CAST[:6] + CAST[11:12] + CAST[16:]:
            add(_q(go_format(layout, WINTER, offset, name)), lang=lang)
    # Daylight-saving gaps and overlaps, in the zoneless layouts (and one numeric one).
    for lang, wall in DST:
        for layout in (
            "2006-01-02 15:04:05",
            "2006-01-02T15:04:05",
            "Mon, 02 Jan 2006 15:04:05 MST",
        ):
            add(_q(go_format(layout, wall, 0, "GMT")), lang=lang)
        add(go_format("2006-01-02 15:04:05", wall), lang=lang)  # a YAML plain timestamp
        add(go_format("2006-01-02T15:04:05", wall), lang=lang, fmt="toml")  # local datetime
    for lang in ("de", "us"):
        add(_q("2025-03-30"), lang=lang)
        add(_q("2025-03-09"), lang=lang)
        add(_q("02 Nov 2025"), lang=lang)
        add("2025-11-02", lang=lang, fmt="toml")
    # Near misses and variants of RFC 3339 and of the space layout, rotating the key.
    variants = [
        "2025-02-08T09:55:35+08:00",
        "2025-02-08T09:55:35.5+08:00",
        "2025-02-08T09:55:35,5+08:00",
        "2025-02-08T09:55:35.123456789123+08:00",
        "2025-02-08T09:55:35.+08:00",
        "2025-02-08T09:55:35Z",
        "2025-02-08T09:55:35z",
        "2025-02-08t09:55:35Z",
        "2025-02-08T09:55:35+0800",
        "2025-02-08T09:55:35+08",
        "2025-02-08T09:55:35 +08:00",
        "2025-02-08T09:55:35-00:00",
        "2025-02-08T09:55:35+00:00",
        "2025-02-08T09:55:35+05:30",
        "2025-02-08T09:55:35+05:45",
        "2025-02-08T09:55:35+14:00",
        "2025-02-08T09:55:35-12:00",
        "2025-02-08T09:55:35+23:59",
        "2025-02-08T09:55:35+24:00",
        "2025-02-08T09:55:35+25:00",
        "2025-02-08T09:55:35+08:60",
        "2025-02-08T09:55:35+08:61",
        "2025-02-08T09:55",
        "2025-02-08T9:55:35+08:00",
        "2025-02-08 9:55:35",
        "2025-02-08  09:55:35",
        "2025-02-08 09:55:35 ",
        " 2025-02-08 09:55:35",
        "2025-02-08 09:55:35.5",
        "2025-02-08 09:55:35Z",
        "2025-02-08 09:55:35+08:00",
        "2025-02-08 09:55:35 +0800",
        "2025-02-08 09:55:35 -08:00",
        "2025-02-08 09:55:35 +0800 CST",
        "2025-02-08 09:55:35 UTC",
        "2025-02-08 09:55:35 -5",
        "2025-2-8 09:55:35",
        "2025-2-8",
        "2025/02/08",
        "2025.02.08",
        "20250208",
        "20250208T095535Z",
        "Feb 8, 2025",
        "8 Feb 2025",
        "08 February 2025",
        "08 feb 2025",
        "Sat, 08 Feb 2025 09:55:35 GMT",
        "Sat, 08 Feb 2025 09:55:35 UTC",
        "Sat, 08 Feb 2025 09:55:35 EST",
        "Sat, 08 Feb 2025 09:55:35 +08:00",
        "Sat, 8 Feb 2025 09:55:35 +0800",
        "Mon, 08 Feb 2025 09:55:35 +0800",
        "Sat Feb  8 09:55:35 2025",
        "Sat Feb 8 09:55:35 2025",
        "sat feb  8 09:55:35 2025",
        "2025-02-08T09:55:35.000Z",
        "1739008535",
        "2025",
        "2025-02",
        "9:55AM",
        "9:55 AM",
        "09:55:35",
    ]
    for index, value in enumerate(variants):
        add(_q(value), key=KEYS[index % len(KEYS)])
    # Out-of-range fields and calendar edges.
    edges = [
        "2025-13-01",
        "2025-00-10",
        "2025-02-00",
        "2025-02-29",
        "2024-02-29",
        "2025-02-30",
        "2025-04-31",
        "2025-02-08T24:00:00+08:00",
        "2025-02-08 24:00:00",
        "2025-02-08T23:60:00Z",
        "2016-12-31T23:59:60Z",
        "2016-12-31 23:59:60",
        "2025-02-08T23:59:59.999999999Z",
        "2025-02-08T23:59:59.9999999999Z",
        "0000-01-01",
        "0001-01-01",
        "0001-01-01T00:00:00Z",
        "0001-01-01T00:00:00+00:00",
        "0001-01-01 00:00:00",
        "0999-12-31T23:59:59Z",
        "0999-12-31",
        "1000-01-01 00:00:00",
        "1969-12-31T23:59:59Z",
        "1970-01-01T00:00:00Z",
        "2038-01-19 03:14:08",
        "9999-12-31T23:59:59Z",
        "9999-12-31 23:59:59",
        "10000-01-01T00:00:00Z",
        "-0001-01-01T00:00:00Z",
        "+2025-02-08",
        "01 Jan 69 00:00 +0000",
        "01 Jan 68 00:00 +0000",
    ]
    for value in edges:
        add(_q(value))
    # The same edges and variants as YAML plain scalars, where YAML allows them.
    for value in edges[:14] + variants[:12] + variants[23:40] + ["0001-01-01T00:00:00Z"]:
        if value.strip() == value and ": " not in value and not value.startswith(("-", "+")):
            add(value, lang="de")
    for value in [
        "2025-02-08 09:55:35.5 +8",
        "2025-02-08T09:55:35.5-05",
        "2001-12-14t21:59:43.10-05:00",
        "2025-02-08T09:55:35.12",
        "1739008535",
        "+1739008535",
        "-1",
        "0",
        "0x67A6DF97",
        "0o14751557627",
        "017",
        "1_739_008_535",
        "1739008535.5",
        "1.739e9",
        ".inf",
        "253402300800",
        "true",
        "yes",
        "on",
        "null",
        "~",
        "",
        '""',
        "''",
        "'2025-02-08 09:55:35'",
        "!!str 2025-02-08",
        "[2025-02-08]",
        "{a: 1}",
        "3:04PM",
        "9:55",
        "09:55:35",
        "2025-02-08 # a comment",
        "|\n  2025-02-08",
        "|-\n  2025-02-08",
        ">-\n  2025-02-08\n  09:55:35",
    ]:
        add(value)
    # TOML: native datetimes, strings, numbers.
    for value in [
        "2025-02-08T09:55:35+08:00",
        "2025-02-08T09:55:35Z",
        "2025-02-08T09:55:35z",
        "2025-02-08t09:55:35Z",
        "2025-02-08 09:55:35-05:00",
        "2025-02-08T09:55:35.123456789123+05:45",
        "2025-02-08T09:55:35",
        "2025-02-08 09:55:35",
        "2025-02-08T09:55:35.5",
        "2025-02-08",
        "0001-01-01T00:00:00Z",
        "0001-01-01",
        "0999-12-31T23:59:59",
        "9999-12-31",
        "09:55:35",
        "09:55:35.5",
        '"2025-02-08 09:55:35"',
        "'2025-02-08 09:55:35'",
        '"""2025-02-08"""',
        '"Sat, 08 Feb 2025 09:55:35 +0800"',
        '"2025/02/08"',
        '""',
        "1739008535",
        "0x67A6DF97",
        "1_739_008_535",
        "1739008535.0",
        "true",
        "[2025-02-08]",
    ]:
        add(value, fmt="toml")
        if value in ("2025-02-08T09:55:35", "2025-02-08", "09:55:35"):
            add(value, fmt="toml", lang="ne")
    # JSON: strings and other values.
    for value in [
        '"2025-02-08T09:55:35+08:00"',
        '"2025-02-08 09:55:35"',
        '"2025-02-08"',
        '"Sat, 08 Feb 2025 09:55:35 +0800"',
        '"3:04PM"',
        '"2025/02/08"',
        '""',
        "null",
        "1739008535",
        "1739008535.5",
        "0",
        "true",
        '["2025-02-08"]',
        '"2025-02-08T09:55:35\\u002b08:00"',
    ]:
        add(value, fmt="json", lang="us")
    # A site without timeZone: the zone is UTC, only assumed by newslint.
    for value in [
        _q("2025-02-08 09:55:35"),
        _q("2025-02-08"),
        _q("2025-02-08T09:55:35"),
        _q("Sat, 08 Feb 2025 09:55:35 CST"),
        _q("2025-02-08T09:55:35+08:00"),
        "2025-02-08 09:55:35",
        "1739008535",
        "20250208",
        "-62135596800",
    ]:
        add(value, site="plain", lang="")
    add("2025-02-08", fmt="toml", site="plain", lang="")
    # Custom [frontmatter] sources.
    for key, value, extra in [
        ("myDate", _q("2025-07-01 12:00:00"), ()),
        ("myDate", _q("2025/07/01"), (("date", _q("2025-07-02")),)),
        ("myDate", _q(""), (("date", _q("2025-07-02 10:00:00")),)),
        ("release", _q("2025-07-01 12:00:00"), (("date", _q("2025-06-01")),)),
        ("release", _q("2025-07-01"), (("publishDate", "2025-06-01T10:00:00Z"),)),
        ("until", _q("2025-07-01 12:00:00"), (("date", _q("2025-06-01")),)),
        ("date", _q("2025-07-01 12:00:00"), (("published", _q("2025/01/01")),)),
        ("publishDate", _q("2025-07-01"), (("published", _q("2025/01/01")),)),
        ("date", _q(""), (("lastmod", _q("2025-07-02 10:00:00")),)),
        ("date", _q("2025-07-01"), (("lastmod", _q("")),)),
        ("expiryDate", _q(""), (("date", _q("2025-07-01")),)),
    ]:
        add(value, key=key, extra=extra, site="sources", lang="")
    # An explicit `!!timestamp` (YAML): Hugo's YAML reader parses it, a zoneless one in UTC whatever
    # the site's zone, and makes one it cannot parse Go's zero time (no build failure).
    for value in [
        "!!timestamp 2025-02-08",
        "!!timestamp 2025-2-8",
        "!!timestamp 2025-02-08 09:55:35",
        "!!timestamp 2025-2-8 9:5:3.25",
        "!!timestamp 2025-02-08T09:55:35+08:00",
        "!!timestamp 2025-02-08t09:55:35.5-03:30",
        "!!timestamp 2025-2-8T9:55:35Z",
        "!!timestamp 2025-02-08T09:55:35.75Z",
        '!!timestamp "2025-02-08T09:55:35Z"',
        "!!timestamp 2025-02-08T09:55:35",
        "!!timestamp 2025-02-08 09:55:35 +08:00",
        "!!timestamp 2025-02-30",
        "!!timestamp 2025-02-08T24:00:00Z",
        "!!timestamp Feb 8, 2025",
        "!!timestamp 1739008535",
        "!!str 2025-02-08 09:55:35",
        "!<tag:yaml.org,2002:timestamp> 2025-02-08",
    ]:
        add(value)
        add(value, site="plain", lang="")
    for key, value, extra in [
        ("date", "!!timestamp tomorrow", (("publishDate", _q("2025-02-08T09:55:35+08:00")),)),
        ("expiryDate", "!!timestamp never", (("date", _q("2025-02-08 09:55:35")),)),
        ("lastmod", "!!timestamp 2025-02-07", (("date", _q("2025-02-08 09:55:35")),)),
    ]:
        add(value, key=key, extra=extra)
    # Hugo's fallbacks between the four dates, and Go's zero time.
    for key, value, extra in [
        ("date", "null", (("lastmod", _q("2025-02-08T09:55:35.5+08:00")),)),
        ("date", _q("0001-01-01T00:00:00Z"), (("publishDate", _q("2025-02-08T09:55:35+08:00")),)),
        ("publishDate", _q("0001-01-01T00:00:00Z"), (("lastmod", _q("2025-02-08 09:55:35")),)),
        ("lastmod", _q("0001-01-01T00:00:00Z"), (("date", _q("2025-02-08 09:55:35")),)),
        ("expiryDate", _q("0001-01-01T00:00:00Z"), (("date", _q("2025-02-08 09:55:35")),)),
        ("lastmod", _q("2025-02-08 09:55:35.5"), (("pubdate", _q("2025-02-09T09:55:35.5-05:00")),)),
        ("modified", _q("2025-02-08T09:55:35.25Z"), ()),
        ("published", _q("2025-02-08 09:55:35.25 +0100 CET"), ()),
        ("date", "1739008535", (("lastmod", _q("2025-02-08T09:55:35.25Z")),)),
        ("lastmod", "2025-02-08T09:55:35.75-03:30", ()),
    ]:
        add(value, key=key, extra=extra)
    return out


# ------------------------------------------------------------------------------ Hugo

ZERO = -62135596800 * 10**9  # 0001-01-01T00:00:00Z, Go's zero time, in ns since 1970

# The civil-date arithmetic below repeats rules/_dates.py on purpose: Hugo's output is read without
# newslint's code, so a mistake there cannot make both sides of the comparison agree.


def _days_from_civil(year: int, month: int, day: int) -> int:
    year -= month <= 2
    era = year // 400
    yoe = year - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468


_UTC = re.compile(r"(-?\d{4,})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?Z")


def nanos(text: str) -> int:
    """A UTC time as Go prints it (`...Z07:00` layout, year 0 and 10000 included) in ns since 1970."""
    match = _UTC.fullmatch(text)
    assert match is not None, text
    y, mo, d, h, mi, s = (int(g) for g in match.groups()[:6])
    frac = int((match.group(7) or "0").ljust(9, "0"))
    return ((_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s) * 10**9) + frac


def utc_text(ns: int) -> str:
    """`nanos` reversed, for RFC 3339 values a test writes (years 0000-9999 only)."""
    seconds, rest = divmod(ns, 10**9)
    days, seconds = divmod(seconds, 86400)
    days += 719468
    era = days // 146097
    doe = days - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + (3 if mp < 10 else -9)
    year = yoe + era * 400 + (month <= 2)
    hour, seconds = divmod(seconds, 3600)
    minute, second = divmod(seconds, 60)
    frac = ("." + f"{rest:09d}".rstrip("0")) if rest else ""
    return f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}{frac}Z"


@dataclass
class Built:
    """Hugo's verdict on one page: "ok" with four instants (ns; None for year 1), "fail" (a date
    Hugo cannot parse: the page is named in an ERROR), or "abort" (the build stops at it:
    a front matter Hugo cannot decode)."""

    verdict: str
    dates: tuple[int, int, int, int] | None = None
    log: str = ""


def _page_path(index: int, spelling: Spelling) -> str:
    folder = f"content/{spelling.lang}" if spelling.lang else "content"
    return f"{folder}/p{index:03d}.md"


def write_site(root: Path, name: str, pages: dict[int, tuple[Spelling, str]]) -> None:
    if root.exists():
        shutil.rmtree(root)
    (root / "layouts" / "_default").mkdir(parents=True)
    (root / "hugo.toml").write_text(_site_config(name), encoding="utf-8")
    (root / "layouts" / "_default" / "single.html").write_text(LAYOUT, encoding="utf-8")
    (root / "layouts" / "_default" / "list.html").write_text("list", encoding="utf-8")
    for index, (spelling, text) in pages.items():
        path = root / _page_path(index, spelling)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))


def hugo_build(
    hugo: str, root: Path, name: str, pages: dict[int, tuple[Spelling, str]]
) -> dict[int, Built]:
    """Build `pages` in one site; a page whose front matter stops the whole build is taken out
    (Hugo names it) and the rest built again."""
    out: dict[int, Built] = {}
    todo = dict(pages)
    while todo:
        write_site(root, name, todo)
        done = subprocess.run(
            [hugo, "-s", str(root), "-d", str(root / "public")],
            capture_output=True,
            text=True,
            timeout=300,
        )
        log = done.stdout + done.stderr
        aborted = re.search(r"failed to create page from pageMetaSource \S*?p(\d{3})\b", log)
        if aborted is None:
            aborted = re.search(r"\bp(\d{3})\.md\S*: (?!.*not a parsable date)", log)
        if aborted is not None and "logged" not in log.split("error building site")[-1][:40]:
            index = int(aborted.group(1))
            out[index] = Built("abort", log=log[-600:])
            del todo[index]
            continue
        failed = {int(n) for n in re.findall(r"not a parsable date: see \S*p(\d{3})\.md", log)}
        for index, (spelling, _) in todo.items():
            if index in failed:
                out[index] = Built("fail", log=log[-300:])
                continue
            page = root / "public" / f"p{index:03d}" / "index.html"
            if spelling.lang not in ("", "en"):
                page = root / "public" / spelling.lang / f"p{index:03d}" / "index.html"
            if not page.is_file():
                out[index] = Built("abort", log=log[-600:])
                continue
            parts = html.unescape(page.read_text(encoding="utf-8")).split("|")[:4]
            dates = tuple(nanos(p) for p in parts)
            out[index] = Built("ok", dates)  # type: ignore[arg-type]
        break
    return out


# ------------------------------------------------------------------------------ newslint

TARGET_ORDER = ("date", "lastmod", "publishdate", "expirydate")


@dataclass
class Linted:
    codes: list[tuple[str, int, str]]  # (code, severity 1-3, message) for DT rules
    dates: tuple[int | None, ...]  # hugo_dates: the four instants (None: no source / no time)
    syntax: bool  # newslint could not read the front matter


def _site_object(root: Path) -> Any:
    from newslint.site import site_for

    return site_for(root / "content")


def lint(spelling: Spelling, text: str, path: Path, site: Any) -> Linted:
    from newslint.config import Config
    from newslint.document import Document
    from newslint.engine import check_text
    from newslint.rules import _dates

    diagnostics = check_text(text, path=str(path), site=site, select=["DT"], config=Config())
    codes = [(d.code, int(d.severity), d.message) for d in diagnostics]
    doc = Document.from_text(text, str(path), site)
    doc.language = site.language_of(str(path))
    syntax = bool(doc.front_matter_errors) or doc.front_matter is None
    ctx = SimpleNamespace(document=doc, site=site, config=Config())
    resolved = _dates.hugo_dates(ctx)  # type: ignore[arg-type]
    dates: list[int | None] = []
    for target in TARGET_ORDER:
        source = resolved.targets.get(target)
        time = source.time if source is not None else None
        if time is None:
            dates.append(None)
        else:
            seconds, ns = time.epoch()
            dates.append(seconds * 10**9 + ns)
    return Linted(codes, tuple(dates), syntax)


def _rule_fires(code: str, text: str, path: Path, site: Any, options: dict[str, Any]) -> bool:
    from newslint.config import Config
    from newslint.engine import check_text

    config = Config(rules=options)
    return any(
        d.code == code
        for d in check_text(text, path=str(path), site=site, select=[code], config=config)
    )


# ------------------------------------------------------------------------------ comparison


@dataclass
class Row:
    index: int
    spelling: Spelling
    hugo: Built
    newslint: Linted
    problems: list[str] = field(default_factory=list)
    fixed: str | None = None


def _feeds(spelling: Spelling) -> int:
    """Which of the four dates the spelling's key feeds (for a bad-value check)."""
    key = spelling.key.lower()
    for position, names in enumerate(
        (
            ("date", "mydate"),
            ("lastmod", "modified"),
            ("publishdate", "pubdate", "published", "release"),
            ("expirydate", "unpublishdate", "until"),
        )
    ):
        if key in names:
            return position
    return 0


def compare(hugo: str, folder: Path) -> list[Row]:
    """Build, lint and compare every spelling (see the module docstring)."""
    rows: list[Row] = []
    all_spellings = spellings()
    sites = sorted({s.site for s in all_spellings})
    for name in sites:
        root = folder / name
        pages = {i: (s, s.article()) for i, s in enumerate(all_spellings) if s.site == name}
        built = hugo_build(hugo, root, name, pages)
        site = _site_object(root)
        for index, (spelling, text) in pages.items():
            path = root / _page_path(index, spelling)
            row = Row(index, spelling, built[index], lint(spelling, text, path, site))
            _check_reading(row)
            rows.append(row)
        # DT001's fixes, applied, must give Hugo the same instants.
        fixed_pages: dict[int, tuple[Spelling, str]] = {}
        for row in rows:
            if row.spelling.site != name or row.hugo.verdict != "ok":
                continue
            path = root / _page_path(row.index, row.spelling)
            new = _fixed(row, path, site)
            if new is not None:
                row.fixed = new
                fixed_pages[row.index] = (row.spelling, new)
            _check_rules(row, path, site)
        if fixed_pages:
            rebuilt = hugo_build(hugo, folder / f"{name}-fixed", name, fixed_pages)
            for row in rows:
                if row.index in rebuilt:
                    after = rebuilt[row.index]
                    if after.verdict != "ok" or after.dates != row.hugo.dates:
                        row.problems.append(
                            f"DT001 fix changes Hugo's reading: {_show(row.hugo)} -> {_show(after)}"
                            f" (fixed: {row.fixed!r})"
                        )
    rows.sort(key=lambda r: r.index)
    return rows


def _show(built: Built) -> str:
    if built.verdict != "ok" or built.dates is None:
        return built.verdict
    return ",".join(
        "zero"
        if d == ZERO
        else utc_text(d)
        if -62167219200 * 10**9 <= d < 253402300800 * 10**9
        else str(d)
        for d in built.dates
    )


def _check_reading(row: Row) -> None:
    hugo, mine = row.hugo, row.newslint
    errors = [c for c in mine.codes if c[0] == "DT002" and c[1] == 3]
    if hugo.verdict == "abort":
        if not mine.syntax:
            row.problems.append(
                f"Hugo cannot decode the front matter; newslint reads it ({mine.codes})"
            )
        return
    if mine.syntax:
        row.problems.append("newslint cannot read the front matter; Hugo can")
        return
    feeds = _feeds(row.spelling)
    # Bad: the build fails, or the date the value feeds is Go's zero time (year 1: no date;
    # for an expiry date that only means "never expires").
    bad = hugo.verdict == "fail" or (
        hugo.dates is not None and feeds != 3 and hugo.dates[feeds] == ZERO
    )
    # A time without a date is dated to year 0: DT002 may call that out too.
    year_zero = hugo.dates is not None and hugo.dates[feeds] < ZERO
    no_day = bool(errors) and all("time without a date" in c[2] for c in errors)
    if bad != bool(errors) and not (year_zero and no_day):
        what = "fails" if hugo.verdict == "fail" else f"reads {_show(hugo)}"
        row.problems.append(
            f"DT002 {'missing' if bad else 'wrong'}: Hugo {what}; newslint {mine.codes}"
        )
    if hugo.verdict == "ok" and hugo.dates is not None:
        for name, want, have in zip(TARGET_ORDER, hugo.dates, mine.dates, strict=True):
            if have is None and (want == ZERO or (want < ZERO and no_day)):
                continue  # no date, or the year 0 of a time without a date
            if want != have:
                row.problems.append(f"{name}: Hugo reads {want}, newslint {have}")


def _fixed(row: Row, path: Path, site: Any) -> str | None:
    from newslint.config import Config
    from newslint.engine import check_text, fix_text

    text = row.spelling.article()
    dt001 = [
        c for c in row.newslint.codes if c[0] == "DT001" and c[2].startswith(row.spelling.key + " ")
    ]
    value = row.spelling.value.strip().strip("'\"")
    from newslint.rules._dates import RFC3339

    if RFC3339.fullmatch(value) and row.spelling.fmt != "toml" and dt001:
        row.problems.append(f"DT001 fires on an RFC 3339 value: {dt001}")
    if not any(c[0] == "DT001" for c in row.newslint.codes):
        return None
    new, _ = fix_text(
        text, path=str(path), site=site, select=["DT001"], unsafe=True, config=Config()
    )
    if new == text:
        return None
    again = [
        d for d in check_text(new, path=str(path), site=site, select=["DT001"]) if d.code == "DT001"
    ]
    if again:
        row.problems.append(f"DT001 still fires after its fix: {[d.message for d in again]}")
    return new


def _check_rules(row: Row, path: Path, site: Any) -> None:
    """DT003 and DT004 at one nanosecond either side of Hugo's instants."""
    assert row.hugo.dates is not None
    date, _, publish, _ = row.hugo.dates
    lo, hi = -62167219200 * 10**9, 253402300800 * 10**9  # what RFC 3339 can write
    text = row.spelling.article()
    sp = row.spelling
    if publish > ZERO and lo < publish < hi and row.newslint.dates[2] is not None:
        for now, fires in ((publish, False), (publish - 1, True)):
            options = {"date-future": {"now": utc_text(now)}}
            # The built site sets buildFuture (Hugo renders every page); DT003 is off there.
            strict = dataclasses.replace(site, build_future=False)
            if _rule_fires("DT003", text, path, strict, options) != fires:
                row.problems.append(
                    f"DT003 {'does not fire' if fires else 'fires'} with now={utc_text(now)}"
                )
    if sp.extra or sp.site == "sources":
        return
    fmt = sp.fmt
    quoted = _q  # a string in every format (a TOML datetime would lose the nanosecond)
    if sp.key == "date" and lo < date < hi and row.newslint.dates[0] is not None:
        for lastmod, fires in ((date, False), (date - 1, True)):
            page = article(fmt, ((sp.key, sp.value), ("lastmod", quoted(utc_text(lastmod)))))
            if _rule_fires("DT004", page, path, site, {}) != fires:
                row.problems.append(
                    f"DT004 {'does not fire' if fires else 'fires'} for lastmod {utc_text(lastmod)}"
                )
        for expiry, fires in ((date, True), (date + 1, False)):
            page = article(fmt, ((sp.key, sp.value), ("expiryDate", quoted(utc_text(expiry)))))
            if _rule_fires("DT004", page, path, site, {}) != fires:
                row.problems.append(
                    f"DT004 {'does not fire' if fires else 'fires'} for expiryDate {utc_text(expiry)}"
                )


def summary(rows: list[Row]) -> str:
    verdicts: dict[str, int] = {}
    for row in rows:
        verdicts[row.hugo.verdict] = verdicts.get(row.hugo.verdict, 0) + 1
    bad = [r for r in rows if r.problems]
    lines = [
        f"{len(rows)} spellings; Hugo: {verdicts}; DT001 fixes rebuilt: {sum(r.fixed is not None for r in rows)}; "
        f"agree: {len(rows) - len(bad)}; disagree: {len(bad)}"
    ]
    for row in bad:
        s = row.spelling
        lines.append(
            f"- p{row.index:03d} [{s.site}/{s.lang or '-'} {s.fmt}] {s.key}: {s.value!r} {list(s.extra)}"
        )
        lines.extend(f"    {p}" for p in row.problems)
    return "\n".join(lines)


def find_hugo() -> str | None:
    from tests.test_dates_hugo import _hugo

    return _hugo()


def main() -> int:
    import tempfile

    hugo = find_hugo()
    if hugo is None:
        print("no hugo binary", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        rows = compare(hugo, Path(tmp))
    print(summary(rows))
    return 1 if any(r.problems for r in rows) else 0


def iter_problems(rows: list[Row]) -> Iterator[str]:
    for row in rows:
        for problem in row.problems:
            yield f"p{row.index:03d} {row.spelling.key}: {row.spelling.value!r}: {problem}"


if __name__ == "__main__":
    raise SystemExit(main())
