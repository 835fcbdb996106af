"""Hugo's dates: which front-matter values Hugo parses, the instant it reads, and RFC 3339 output.

Hugo hands a front-matter date to `spf13/cast`, which tries a fixed list of Go layouts with Go's
`time.Parse`. This module runs the same layouts through a small re-implementation of `time.Parse`
(its quirks included: one- or two-digit hours, a fractional second after any seconds field, a space
matching a run of spaces, a zone *name* that cast then ignores), so a verdict here is Hugo's
verdict. The verdicts are pinned by `tests/test_dates_hugo.py`, established with the real Hugo
binary.

- A string with an offset means that instant. Without one, the wall time is read in the site's
  `timeZone` (per language if set), else UTC, resolving daylight-saving gaps the way Go does.
- `""` and null are "no date": Hugo silently dates the page to year 1.
- YAML and TOML integers are Unix seconds; JSON numbers, floats, booleans, lists and maps fail.
- TOML's own datetimes: with an offset, that instant; local datetimes and dates, the site's zone;
  a local time fails.

Which fields Hugo reads, and for which of the page's four dates, is its `[frontmatter]`
configuration (`Site.date_sources`; by default `date` from date, publishDate, lastmod and their
aliases, `publishDate` from publishDate then date, ...). Hugo tries a date's sources in order: an
empty value is skipped, an unreadable one fails the build and the next is tried, the first readable
one wins and the rest are never read. `hugo_dates` replays that.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from newslint.events import Field, Node
from newslint.records import fast_init
from newslint.site import DEFAULT_DATE_SOURCES, JEKYLL_DATE_SOURCES

from ._jekyll import jekyll_document, jekyll_page, name_date

if TYPE_CHECKING:
    from newslint.rule import Context

# Hugo's date keys (front matter keys are case-insensitive) and how the catalogue names them.
DATE_KEYS = {
    "date": "date",
    "lastmod": "lastmod",
    "modified": "lastmod",
    "publishdate": "publishDate",
    "pubdate": "publishDate",
    "published": "publishDate",
    "expirydate": "expiryDate",
    "unpublishdate": "expiryDate",
}

RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})")

# ------------------------------------------------------------------------------ Go's time.Parse

_SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SHORT_DAYS = ("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")
_LONG_DAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
_STD = re.compile(
    r"2006|Monday|Mon|Jan|MST|Z07:00|Z0700|-07:00|-0700|\.999999999|\.000000000|\.000000|\.000"
    r"|PM|15|01|02|_2|04|05|06|3"
)


def _tokens(layout: str) -> tuple[tuple[bool, str], ...]:
    """A Go layout as (is_std, text) chunks."""
    out: list[tuple[bool, str]] = []
    pos = 0
    for match in _STD.finditer(layout):
        if match.start() > pos:
            out.append((False, layout[pos : match.start()]))
        out.append((True, match.group(0)))
        pos = match.end()
    if pos < len(layout):
        out.append((False, layout[pos:]))
    return tuple(out)


# cast's layouts, in its order, with how it treats the zone: "none" and "named" take the location
# (site zone) instead of anything written; "numeric" keeps the written offset; "time" is time-only.
ZoneKind = Literal["none", "named", "numeric", "time"]
CAST_LAYOUTS: tuple[tuple[str, ZoneKind], ...] = (
    ("2006-01-02", "none"),
    ("2006-01-02T15:04:05Z07:00", "numeric"),  # RFC 3339
    ("2006-01-02T15:04:05", "none"),
    ("Mon, 02 Jan 2006 15:04:05 -0700", "numeric"),  # RFC 1123Z
    ("Mon, 02 Jan 2006 15:04:05 MST", "named"),  # RFC 1123
    ("02 Jan 06 15:04 -0700", "numeric"),  # RFC 822Z
    ("02 Jan 06 15:04 MST", "named"),  # RFC 822
    ("Monday, 02-Jan-06 15:04:05 MST", "named"),  # RFC 850
    ("2006-01-02 15:04:05.999999999 -0700 MST", "numeric"),  # Go's Time.String()
    ("2006-01-02T15:04:05-0700", "numeric"),
    ("2006-01-02 15:04:05Z0700", "numeric"),
    ("2006-01-02 15:04:05", "none"),
    ("Mon Jan _2 15:04:05 2006", "none"),  # ANSIC
    ("Mon Jan _2 15:04:05 MST 2006", "named"),  # UnixDate
    ("Mon Jan 02 15:04:05 -0700 2006", "numeric"),  # RubyDate
    ("2006-01-02 15:04:05Z07:00", "numeric"),
    ("02 Jan 2006", "none"),
    ("2006-01-02 15:04:05 -07:00", "numeric"),
    ("2006-01-02 15:04:05 -0700", "numeric"),
    ("3:04PM", "time"),  # Kitchen
    ("Jan _2 15:04:05", "time"),  # Stamp
    ("Jan _2 15:04:05.000", "time"),
    ("Jan _2 15:04:05.000000", "time"),
    ("Jan _2 15:04:05.000000000", "time"),
)
_LAYOUT_TOKENS = tuple((_tokens(layout), kind, layout) for layout, kind in CAST_LAYOUTS)


class _Bad(Exception):
    pass


_DIGITS = re.compile(r"[0-9]*")


def _digit(value: str, index: int) -> bool:
    return index < len(value) and "0" <= value[index] <= "9"


def _digits_end(value: str, start: int) -> int:
    """The end of the run of ASCII digits from `start` (Go's loops, without a Python loop)."""
    return _DIGITS.match(value, start).end()  # type: ignore[union-attr]


def _getnum(value: str, fixed: bool) -> tuple[int, str]:
    if not _digit(value, 0):
        raise _Bad
    if not _digit(value, 1):
        if fixed:
            raise _Bad
        return int(value[0]), value[1:]
    return int(value[:2]), value[2:]


def _leading_int(value: str) -> tuple[int, str]:
    end = _digits_end(value, 0)
    return (int(value[:end]) if end else 0), value[end:]


def _atoi(value: str) -> int:
    negative = value[:1] == "-"
    if value[:1] in ("-", "+"):
        value = value[1:]
    number, rest = _leading_int(value)
    if rest:
        raise _Bad
    return -number if negative else number


def _lookup(names: tuple[str, ...], value: str) -> tuple[int, str]:
    for index, name in enumerate(names):
        if value[: len(name)].lower() == name.lower() and len(value) >= len(name):
            return index, value[len(name) :]
    raise _Bad


def _skip(value: str, literal: str) -> str:
    """Go's `skip`: a space in the layout matches any run of spaces (and none at the end)."""
    while literal:
        if literal[0] == " ":
            if value and value[0] != " ":
                raise _Bad
            literal = literal.lstrip(" ")
            value = value.lstrip(" ")
            continue
        if not value or value[0] != literal[0]:
            raise _Bad
        literal, value = literal[1:], value[1:]
    return value


def _signed_offset_length(value: str) -> int:
    if value[:1] not in ("+", "-"):
        return 0
    number, rest = _leading_int(value[1:])
    if rest == value[1:] or number > 23:
        return 0
    return len(value) - len(rest)


def _zone_name_length(value: str) -> int:
    """Go's parseTimeZone: how much of `value` is a zone name (0: none)."""
    if len(value) < 3:
        return 0
    if value[:4] in ("ChST", "MeST"):
        return 4
    if value[:3] == "GMT":
        return 3 + (_signed_offset_length(value[3:]) if len(value) > 3 else 0)
    if value[0] in "+-":
        return _signed_offset_length(value)
    upper = 0
    while upper < min(6, len(value)) and "A" <= value[upper] <= "Z":
        upper += 1
    if upper == 5 and value[4] == "T":
        return 5
    if upper == 4 and (value[3] == "T" or value[:4] == "WITA"):
        return 4
    return 3 if upper == 3 else 0


def _nanoseconds(value: str, nbytes: int) -> int:
    if value[:1] not in (".", ","):
        raise _Bad
    digits = value[1 : min(nbytes, 10)]
    nanos = _atoi(digits)
    if nanos < 0:
        raise _Bad
    return nanos * 10 ** (9 - len(digits))


@fast_init
@dataclass(frozen=True, slots=True)
class GoTime:
    """A parsed time: wall clock fields and the offset (seconds east of UTC) they are in."""

    year: int
    month: int
    day: int
    hour: int = 0
    minute: int = 0
    second: int = 0
    nanosecond: int = 0
    offset: int = 0

    def epoch(self) -> tuple[int, int]:
        """(seconds, nanoseconds) since 1970-01-01T00:00:00Z; works for year 0 too."""
        days = _days_from_civil(self.year, self.month, self.day)
        seconds = days * 86400 + self.hour * 3600 + self.minute * 60 + self.second - self.offset
        return seconds, self.nanosecond

    def rfc3339(self, utc_as_z: bool = False) -> str:
        frac = ""
        if self.nanosecond:
            frac = "." + f"{self.nanosecond:09d}".rstrip("0")
        if self.offset == 0 and utc_as_z:
            zone = "Z"
        else:
            sign = "+" if self.offset >= 0 else "-"
            hours, minutes = divmod(abs(self.offset) // 60, 60)
            zone = f"{sign}{hours:02d}:{minutes:02d}"
        return (
            f"{self.year:04d}-{self.month:02d}-{self.day:02d}T"
            f"{self.hour:02d}:{self.minute:02d}:{self.second:02d}{frac}{zone}"
        )


def _days_from_civil(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm)."""
    year -= month <= 2
    era = year // 400
    yoe = year - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _civil_from_days(days: int) -> tuple[int, int, int]:
    days += 719468
    era = days // 146097
    doe = days - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + (3 if mp < 10 else -9)
    return yoe + era * 400 + (month <= 2), month, day


def _days_in(month: int, year: int) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


@dataclass(frozen=True)
class Parsed:
    """A value as Go's `time.Parse` read it: its fields, and the zone it named, if any."""

    time: GoTime  # fields as written; offset only when written numerically
    has_offset: bool
    zone_name: str | None


def go_parse(tokens: tuple[tuple[bool, str], ...], value: str) -> Parsed:
    """Go's `time.Parse` for a tokenised layout; raises `_Bad` when Go would return an error."""
    year, month, day, hour, minute, second, nanos = 0, -1, -1, 0, 0, 0, 0
    offset: int | None = None
    zone_name: str | None = None
    pm = am = False
    for index, (is_std, chunk) in enumerate(tokens):
        if not is_std:
            value = _skip(value, chunk)
            continue
        if chunk == "2006":
            if len(value) < 4 or not _digit(value, 0):
                raise _Bad
            year, value = _atoi(value[:4]), value[4:]
        elif chunk == "06":
            if len(value) < 2:
                raise _Bad
            year, value = _atoi(value[:2]), value[2:]
            year += 1900 if year >= 69 else 2000
        elif chunk == "01":
            month, value = _getnum(value, True)
            if not 1 <= month <= 12:
                raise _Bad
        elif chunk == "Jan":
            found, value = _lookup(_SHORT_MONTHS, value)
            month = found + 1
        elif chunk in ("Mon", "Monday"):
            _, value = _lookup(_SHORT_DAYS if chunk == "Mon" else _LONG_DAYS, value)
        elif chunk in ("02", "_2"):
            if chunk == "_2" and value[:1] == " ":
                value = value[1:]
            day, value = _getnum(value, chunk == "02")
        elif chunk in ("15", "3"):
            hour, value = _getnum(value, False)
            if hour >= (24 if chunk == "15" else 13):
                raise _Bad
        elif chunk == "04":
            minute, value = _getnum(value, True)
            if minute >= 60:
                raise _Bad
        elif chunk == "05":
            second, value = _getnum(value, True)
            if second >= 60:
                raise _Bad
            following = next((c for s, c in tokens[index + 1 :] if s), "")
            fraction = len(value) >= 2 and value[0] in ".," and _digit(value, 1)
            if fraction and not following.startswith("."):
                # A fractional second the layout does not mention is still accepted.
                end = _digits_end(value, 2)
                nanos, value = _nanoseconds(value, end), value[end:]
        elif chunk == ".999999999":
            if len(value) >= 2 and value[0] in ".," and _digit(value, 1):
                end = _digits_end(value, 1)
                nanos, value = _nanoseconds(value, end), value[end:]
        elif chunk.startswith(".000"):
            width = len(chunk)
            if len(value) < width:
                raise _Bad
            nanos, value = _nanoseconds(value, width), value[width:]
        elif chunk == "PM":
            if value[:2] == "PM":
                pm = True
            elif value[:2] == "AM":
                am = True
            else:
                raise _Bad
            value = value[2:]
        elif chunk == "MST":
            if value[:3] == "UTC":
                zone_name, value = "UTC", value[3:]
            else:
                length = _zone_name_length(value)
                if not length:
                    raise _Bad
                zone_name, value = value[:length], value[length:]
        else:  # numeric zones: Z07:00, Z0700, -07:00, -0700
            if chunk.startswith("Z") and value[:1] == "Z":
                offset, value = 0, value[1:]
                continue
            colon = chunk.endswith(":00")
            width = 6 if colon else 5
            if len(value) < width or (colon and value[3] != ":"):
                raise _Bad
            sign, hours, mins = value[0], value[1:3], value[4:6] if colon else value[3:5]
            value = value[width:]
            hh, _ = _getnum(hours, True)
            mm, _ = _getnum(mins, True)
            if hh > 24 or mm > 60 or sign not in "+-":
                raise _Bad
            offset = (hh * 60 + mm) * 60 * (-1 if sign == "-" else 1)
    if value:
        raise _Bad  # extra text
    if pm and hour < 12:
        hour += 12
    elif am and hour == 12:
        hour = 0
    month = 1 if month < 0 else month
    day = 1 if day < 0 else day
    if day < 1 or day > _days_in(month, year):
        raise _Bad
    time = GoTime(year, month, day, hour, minute, second, nanos, offset or 0)
    return Parsed(time, offset is not None, zone_name)


# ------------------------------------------------------------------------------ Hugo's verdict

DateKind = Literal["ok", "empty", "invalid", "no-day", "zero"]

# Go's zero time, 0001-01-01T00:00:00Z, as (seconds, nanoseconds) since 1970.
ZERO_EPOCH = (-62135596800, 0)


@fast_init
@dataclass(frozen=True, slots=True)
class HugoDate:
    """What Hugo makes of one front-matter date value.

    `kind`: "ok" (parsed), "empty" ("" or null: year 1), "invalid" (the build fails), "no-day"
    (a time of day only: Hugo dates it to year 0), "zero" (a value that spells Go's zero time,
    `0001-01-01T00:00:00Z`: Hugo takes it, and the page is as undated as with an empty one). `time`
    is the instant Hugo reads, in the offset it shows it in. `has_offset`: the value says its own
    offset. `zone_name`: a zone name Hugo ignored. `unix`: the value is a number of seconds since
    1970. `source`: the value as written. `tagged`: an explicit YAML `!!timestamp`; `unparsed`: one
    Hugo's YAML reader could not parse (it gives Go's zero time, kind "zero").
    """

    kind: DateKind
    source: str
    time: GoTime | None = None
    has_offset: bool = False
    zone_name: str | None = None
    unix: bool = False
    native: bool = False  # a TOML datetime (not a string)
    tagged: bool = False  # a YAML value tagged `!!timestamp`
    unparsed: bool = False  # ... in a layout Hugo's YAML reader does not know (Go's zero time)

    @property
    def is_rfc3339(self) -> bool:
        return self.kind == "ok" and not self.unix and RFC3339.fullmatch(self.source) is not None


# The epoch, made once: `offset_at` adds the seconds to it (a `datetime` built with a keyword, and
# a `timedelta` with one, cost every dated article half its date parsing's instructions).
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def offset_at(zone: tzinfo | None, seconds: int) -> int:
    """The UTC offset of `zone` at the instant `seconds` since the epoch (0 for UTC)."""
    if zone is None:
        return 0
    try:
        instant = _EPOCH + timedelta(0, seconds)
        delta = instant.astimezone(zone).utcoffset()
    except (OverflowError, ValueError):
        # Outside what Python's datetime holds (year 0, year 10000): the zone's earliest offset.
        delta = datetime(2, 1, 1, tzinfo=zone).utcoffset()
    return int(delta.total_seconds()) if delta is not None else 0


def in_zone(wall: GoTime, zone: tzinfo | None) -> GoTime:
    """The wall time read in `zone` the way Go's `time.Date` does, shown at its instant's offset."""
    # `wall.epoch()` without its offset, written out (no GoTime built just for this).
    days = _days_from_civil(wall.year, wall.month, wall.day)
    seconds = days * 86400 + wall.hour * 3600 + wall.minute * 60 + wall.second
    first = offset_at(zone, seconds)
    utc = seconds - first
    second = offset_at(zone, utc)
    if second != first:
        utc = seconds - second  # near a transition: Go looks the offset up again
        second = offset_at(zone, utc)
    return from_epoch(utc, wall.nanosecond, second)


def from_epoch(seconds: int, nanos: int, offset: int) -> GoTime:
    local = seconds + offset
    days, rest = divmod(local, 86400)
    year, month, day = _civil_from_days(days)
    hour, rest = divmod(rest, 3600)
    minute, second = divmod(rest, 60)
    return GoTime(year, month, day, hour, minute, second, nanos, offset)


# `2006-01-02 15:04:05`, the scrapers' favourite, is cast's twelfth layout. A value of exactly that
# shape fails each of the eleven before it on its form alone (a `T` or a zone or a day name where it
# has none, text left over, a space where it has a digit), whatever its digits: the loop may start
# at the twelfth. It still reads on from there when the digits are out of range.
_SPACE_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}")
_SPACE_DATETIME_LAYOUT = next(
    i for i, (_, _, layout) in enumerate(_LAYOUT_TOKENS) if layout == "2006-01-02 15:04:05"
)


def parse_cast(value: str, zone: tzinfo | None) -> HugoDate:
    """Hugo's reading of a date string (cast.ToTimeInDefaultLocationE with the site's zone)."""
    if _SPACE_DATETIME.fullmatch(value) is None:
        return _parse_cast_from(value, zone, 0)
    wall = _space_datetime(value)
    if wall is None:  # digits out of range: the layouts after the twelfth may still read it
        return _parse_cast_from(value, zone, _SPACE_DATETIME_LAYOUT)
    return HugoDate("ok", value, in_zone(wall, zone))


def _space_datetime(value: str) -> GoTime | None:
    """What `go_parse` makes of a value of `_SPACE_DATETIME`'s shape with the twelfth layout,
    `2006-01-02 15:04:05` (None where it fails), without walking the layout's chunks: its digits
    are where the shape puts them, so only their ranges remain to check (a fifth of the time
    every scraped article's date took)."""
    year, month, day = int(value[:4]), int(value[5:7]), int(value[8:10])
    hour, minute, second = int(value[11:13]), int(value[14:16]), int(value[17:19])
    if not 1 <= month <= 12 or hour >= 24 or minute >= 60 or second >= 60:
        return None
    if day < 1 or day > _days_in(month, year):
        return None
    return GoTime(year, month, day, hour, minute, second)


def _parse_cast_from(value: str, zone: tzinfo | None, first: int) -> HugoDate:
    for tokens, kind, _ in _LAYOUT_TOKENS[first:]:
        try:
            parsed = go_parse(tokens, value)
        except _Bad:
            continue
        if kind == "time":
            return HugoDate("no-day", value, parsed.time)
        if kind == "numeric":
            return HugoDate("ok", value, parsed.time, has_offset=True, zone_name=parsed.zone_name)
        return HugoDate("ok", value, in_zone(parsed.time, zone), zone_name=parsed.zone_name)
    return HugoDate("invalid", value)


_TOML_DATETIME = re.compile(
    # TOML 1.1 (and Hugo) let the seconds out: `2024-01-02T03:04Z`.
    r"(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?"
    r"([Zz]|[+-]\d{2}:\d{2})?"
)


def _toml_native(source: str, zone: tzinfo | None) -> HugoDate:
    match = _TOML_DATETIME.fullmatch(source)
    if match is None:
        return HugoDate("invalid", source, native=True)  # a local time: Hugo cannot use it
    year, month, day, hour, minute, second, frac, offset = match.groups()
    nanos = int((frac or "0")[:9].ljust(9, "0"))
    wall = GoTime(
        int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0), nanos
    )
    if offset is None:
        return HugoDate("ok", source, in_zone(wall, zone), native=True)
    minutes = 0 if offset in "Zz" else int(offset[1:3]) * 60 + int(offset[4:6])
    shift = minutes * 60 * (-1 if offset.startswith("-") else 1)
    # Hugo drops the fraction of a TOML datetime with an offset (not of a local one).
    written = GoTime(wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second, 0, shift)
    return HugoDate("ok", source, written, has_offset=True, native=True)


_YAML_OCTAL = re.compile(r"0o[0-7]+")

# The layouts Hugo's YAML reader (go-yaml) tries on a value tagged `!!timestamp`, in Go's notation:
# 2006-1-2T15:4:5.999999999Z07:00 (T or t), 2006-1-2 15:4:5.999999999 and 2006-1-2.
_TAGGED_TIMESTAMP = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})"
    r"| (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,9}))?)?"
)


def _tagged_timestamp(value: str, zone: tzinfo | None) -> HugoDate:
    """Hugo's reading of a YAML value tagged `!!timestamp`: the reader parses it itself, a value
    without an offset in UTC (not in the site's zone `zone`); one it cannot parse becomes Go's zero
    time, without failing the build (checked with hugo 0.168)."""
    match = _TAGGED_TIMESTAMP.fullmatch(value)
    if match is not None:
        year, month, day, hour, minute, second, frac, offset = match.groups()[:8]
        if hour is None:
            hour, minute, second, frac = match.groups()[8:]
        try:
            datetime(
                int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
            )
        except ValueError:
            match = None  # 2024-02-30, 24:00:00: Go's time.Parse refuses them too
    if match is None:
        return HugoDate("zero", value, GoTime(1, 1, 1), tagged=True, unparsed=True)
    shift = 0
    if offset is not None and offset != "Z":
        shift = (int(offset[1:3]) * 60 + int(offset[4:6])) * 60 * (-1 if offset[0] == "-" else 1)
    # Hugo keeps the fraction only of a time in the site's own zone: a UTC one (no offset, or Z)
    # on a site in UTC. It drops any other's, as it does a TOML datetime's with an offset.
    in_site_zone = offset in (None, "Z") and (zone is None or getattr(zone, "key", None) == "UTC")
    nanos = int((frac or "0").ljust(9, "0")) if in_site_zone else 0
    time = GoTime(
        int(year),
        int(month),
        int(day),
        int(hour or 0),
        int(minute or 0),
        int(second or 0),
        nanos,
        shift,
    )
    # The instant is fixed whatever the site's zone: to the date rules it has its offset.
    return HugoDate("ok", value, time, has_offset=True, tagged=True)


def hugo_date(node: Node, source: str, fmt: str, zone: tzinfo | None) -> HugoDate:
    """Hugo's reading of the front-matter value `node` (`source` is its text in the file)."""
    reading = _hugo_date(node, source, fmt, zone)
    if reading.kind == "ok" and reading.time is not None and reading.time.epoch() == ZERO_EPOCH:
        return HugoDate("zero", source, reading.time, reading.has_offset, unix=reading.unix)
    return reading


def _hugo_date(node: Node, source: str, fmt: str, zone: tzinfo | None) -> HugoDate:
    if node.tag == "null" or (node.tag == "str" and node.value == ""):
        return HugoDate("empty", source)
    plain_yaml = fmt == "yaml" and node.style is None
    if plain_yaml and node.tag == "str" and _YAML_OCTAL.fullmatch(source.strip()):
        # YAML 1.2's octal integer (Hugo's reader has it; a YAML 1.1 reader sees a string).
        return _unix(int(source.strip()[2:], 8), source)
    if plain_yaml and node.tag == "int" and ":" in source:
        # YAML 1.1's base-60 integer (`9:55`); Hugo's reader sees the string "9:55".
        return parse_cast(source.strip(), zone)
    if node.tag == "timestamp" and fmt == "yaml" and source.startswith("!!timestamp"):
        # An explicit `!!timestamp`: Hugo's YAML reader makes the time itself.
        return _tagged_timestamp(str(node.value), zone)
    if node.tag == "str" or (node.tag == "timestamp" and isinstance(node.value, str)):
        # YAML timestamps reach Hugo as the text written, like strings do.
        return parse_cast(str(node.value), zone)
    if node.tag == "timestamp":
        return _toml_native(source, zone)
    if node.tag == "int" and fmt != "json" and isinstance(node.value, int):
        # Go's JSON decoder makes every number a float, which cast cannot read as a time.
        return _unix(node.value, source)
    return HugoDate("invalid", source)


def _unix(seconds: int, source: str) -> HugoDate:
    if not -(10**13) < seconds < 10**13:
        return HugoDate("invalid", source)
    return HugoDate("ok", source, from_epoch(seconds, 0, 0), has_offset=True, unix=True)


# ------------------------------------------------------------------------------ rule helpers


@dataclass(frozen=True)
class ZoneChoice:
    """The zone dates without an offset are read in, and whether it is known or assumed (UTC)."""

    zone: tzinfo | None
    name: str
    known: bool


def zone_for(ctx: Context) -> ZoneChoice:
    """Config `timezone`, else the site's `timeZone` for the article's language, else UTC."""
    configured = ctx.config.timezone if ctx.config is not None else None
    site = ctx.site
    if site is None:
        return _zone_choice((configured,) if configured else ())
    # Asked several times for every page (each date rule, `hugo_dates`, duplicate-url): once per
    # site, configured zone and language. The zones are the configuration's (a new configuration
    # is a new `Site`), never an `_index` file's.
    memo: dict[tuple[str | None, str | None], ZoneChoice] = site.__dict__.setdefault(
        "_zone_for_memo", {}
    )
    key = (configured, ctx.document.language)
    found = memo.get(key)
    if found is None:
        candidates: list[str] = [configured] if configured else []
        site_zone = site.time_zone_for(key[1])
        if site_zone:
            candidates.append(site_zone)
        found = memo[key] = _zone_choice(tuple(candidates))
    return found


@lru_cache(maxsize=64)
def _zone_choice(candidates: tuple[str, ...]) -> ZoneChoice:
    """The first zone of `candidates` that exists (each date rule asks once per document)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    for name in candidates:
        if name.upper() == "UTC":
            return ZoneChoice(None, "UTC", True)
        try:
            return ZoneChoice(ZoneInfo(name), name, True)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return ZoneChoice(None, "UTC", False)


# The four dates of a page, by the `[frontmatter]` name Hugo uses, and how messages name them.
TARGETS = {
    "date": "date",
    "lastmod": "lastmod",
    "publishdate": "publishDate",
    "expirydate": "expiryDate",
}


def _sources(ctx: Context) -> dict[str, tuple[str, ...]]:
    site = ctx.site
    if jekyll_document(ctx):
        return _JEKYLL_POST_SOURCES
    return (
        site.date_sources_for(ctx.document.language) if site is not None else DEFAULT_DATE_SOURCES
    )


# A Jekyll post outside a Hugo site (`_posts/2016-12-06-x.md`), or a document of another of its
# collections, is dated by its file name when its front matter sets no date; `:jekyll` stands for
# that name in the `date` chain.
_JEKYLL_POST_SOURCES = {
    **JEKYLL_DATE_SOURCES,
    "date": (*JEKYLL_DATE_SOURCES["date"], ":jekyll"),
}


def date_fields(ctx: Context) -> list[tuple[Field, HugoDate]]:
    """Every top-level field Hugo reads as a date (the site's `[frontmatter]` keys, by default
    date, lastmod, publishDate, expiryDate and their aliases) with Hugo's reading of it (first of
    each key)."""
    # The four date rules ask for the same readings.
    choice = zone_for(ctx)
    return ctx.document.memo(("date-fields", choice.name), _date_fields, ctx, choice)


# The front-matter keys a `[frontmatter]` configuration reads, by the configuration (one per site).
_FIELD_KEYS: dict[int, tuple[dict[str, tuple[str, ...]], frozenset[str]]] = {}


def _field_keys(sources: dict[str, tuple[str, ...]]) -> frozenset[str]:
    found = _FIELD_KEYS.get(id(sources))
    if found is not None and found[0] is sources:
        return found[1]
    keys = frozenset(key for chain in sources.values() for key in chain if not key.startswith(":"))
    if len(_FIELD_KEYS) > 64:
        _FIELD_KEYS.clear()
    _FIELD_KEYS[id(sources)] = (sources, keys)  # the dict is kept, so its id is not reused
    return keys


def reads_as_date(ctx: Context, key: str, field: Field) -> bool:
    """Whether `field`'s value would be a date Hugo reads under the key `key`; True when Hugo does
    not read `key` as a date at all (a rename to it cannot make a date error)."""
    if key.lower() not in _field_keys(_sources(ctx)):
        return True
    span = field.value_span
    source = ctx.document.text[span.start : span.end]
    return hugo_date(field.node, source, field.format, zone_for(ctx).zone).kind == "ok"


def _date_fields(ctx: Context, choice: ZoneChoice) -> list[tuple[Field, HugoDate]]:
    text = ctx.document.text
    keys = _field_keys(_sources(ctx))
    out: list[tuple[Field, HugoDate]] = []
    jekyll: bool | None = None
    # The first field of each lower-cased key, in the document's order (already worked out).
    by_key = ctx.document._fields_by_key
    # The keys read as dates, found by a set operation (an article has one or two of its
    # twenty-odd keys), then put in the document's order.
    found = keys.intersection(by_key)
    present: Iterable[str] = [key for key in by_key if key in found] if len(found) > 1 else found
    for key in present:
        item = by_key[key]
        span = item.value_span
        reading = hugo_date(item.node, text[span.start : span.end], item.format, choice.zone)
        if reading.kind == "invalid" and isinstance(item.node.value, str):
            if jekyll is None:
                jekyll = jekyll_page(ctx)
            if jekyll:
                reading = _jekyll_reading(item.node.value, choice.zone) or reading
        out.append((item, reading))
    return out


# The date Jekyll's documentation gives for front matter, `YYYY-MM-DD HH:MM:SS +/-TTTT`, whose
# "hours, minutes, seconds, and timezone offset are optional": Hugo's layouts want the seconds
# (`2021-06-15 00:00` fails its build), Jekyll (Ruby's `Time.parse`) reads it. The month, the
# day and the hour may have one digit (`2014-1-17 20:00:00`), as in a YAML 1.1 timestamp, which
# Jekyll's YAML reader (Ruby's Psych) already makes a Time of; Hugo wants two digits.
_JEKYLL_DATE = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{2})(?::(\d{2}))? ?(?:([+-])(\d{2}):?(\d{2}))?"
)


def _jekyll_reading(value: str, zone: tzinfo | None) -> HugoDate | None:
    """Jekyll's reading of a date in its documented form that Hugo cannot read (None for any
    other value): the wall time in its written offset, else in `zone`."""
    match = _JEKYLL_DATE.fullmatch(value.strip())
    if match is None:
        return None
    year, month, day, hour, minute = (int(match.group(i)) for i in range(1, 6))
    second = int(match.group(6) or 0)
    if not 1 <= month <= 12 or not 1 <= day <= _days_in(month, year):
        return None
    if hour >= 24 or minute >= 60 or second >= 60:
        return None
    wall = GoTime(year, month, day, hour, minute, second)
    if match.group(7) is None:
        return HugoDate("ok", value, in_zone(wall, zone))
    offset = (int(match.group(8)) * 60 + int(match.group(9))) * 60
    offset = -offset if match.group(7) == "-" else offset
    return HugoDate("ok", value, replace(wall, offset=offset), has_offset=True)


@fast_init
@dataclass(frozen=True, slots=True)
class Source:
    """Where Hugo took one of the page's dates from: a field (with its reading), or `origin`
    alone ("the file name", "the file's modification time", or `CASCADE` with the reading of the
    value a cascade gives the page, and its lower-cased `key`)."""

    origin: str
    field: Field | None = None
    reading: HugoDate | None = None
    key: str = ""

    @property
    def time(self) -> GoTime | None:
        """The instant, when the source is a field Hugo reads as a full date."""
        if self.field is None or self.reading is None or self.reading.kind != "ok":
            return None
        return self.reading.time


@fast_init
@dataclass(frozen=True, slots=True)
class HugoDates:
    """The page's four dates as Hugo resolves them, and the fields it reads on the way.

    `targets`: "date", "lastmod", "publishdate", "expirydate" -> the source, None when nothing
    gave one (year 1; for expirydate, no expiry). `read`: lower-cased keys Hugo parses (an
    unreadable one there fails the build). `fields`: as `date_fields`.
    """

    targets: dict[str, Source | None]
    read: frozenset[str]
    fields: list[tuple[Field, HugoDate]]

    def target_of(self, key: str, sources: dict[str, tuple[str, ...]]) -> str:
        """The date a key stands for: its own (`modified` is lastmod), else the first it feeds."""
        own = DATE_KEYS.get(key)
        if own is not None:
            return own.lower()
        return next((t for t, chain in sources.items() if key in chain), "date")


def hugo_dates(ctx: Context) -> HugoDates:
    """Replay Hugo's date handlers (pagemeta.FrontMatterHandler) on the document."""
    choice = zone_for(ctx)
    return ctx.document.memo(("hugo-dates", choice.name), _hugo_dates, ctx, choice)


def _hugo_dates(ctx: Context, choice: ZoneChoice) -> HugoDates:
    fields = date_fields(ctx)
    by_key = {item.key.lower(): (item, reading) for item, reading in fields}
    # Hugo's parameters: the front matter's keys (`Document._fields_by_key` holds each one,
    # lower case), and each date it resolves under its own name (`added`).
    written = ctx.document._fields_by_key
    # A key the page does not set that a section's or the site's cascade gives it is the page's
    # as if written there (hugo 0.168 dates `news/a.md` from `cascade: {date: ...}` in
    # `news/_index.md`): a source with no field of the page to point at.
    cascaded = _cascaded_dates(ctx, choice, by_key)
    added: set[str] = set()
    copied: dict[str, Source] = {}
    read: set[str] = set()
    targets: dict[str, Source | None] = {}
    for target, chain in _sources(ctx).items():
        found: Source | None = None
        for key in chain:
            if key[:1] == ":":
                if key == ":filename":
                    reading = _file_name_date(ctx.document.path, choice.zone)
                    if reading is not None:
                        found = Source("the file name", None, reading)
                        break
                elif key == ":jekyll":
                    reading = _jekyll_name_date(ctx.document.path, choice.zone)
                    if reading is not None:
                        found = Source("the file name", None, reading)
                        break
                elif key == ":filemodtime":
                    found = Source("the file's modification time")
                    break
                # `:git` is skipped: a file not yet committed has no author date. (No other
                # source is named with a colon: `cascaded` and `copied` hold none.)
                continue
            hit = by_key.get(key)
            if hit is not None:
                item, reading = hit
                if reading.kind == "empty":
                    continue  # "" and null count as absent
                read.add(key)
                if reading.kind != "invalid":
                    found = Source(item.key, item, reading)
                    break
            elif key in cascaded:
                found = cascaded[key]
                break
            elif key in copied:
                found = copied[key]
                break
        targets[target] = found
        if (
            found is not None
            and target not in written
            and target not in cascaded
            and target not in added
        ):
            # Hugo sets a date it resolved as the parameter of its name when the front matter
            # has none, so the later dates' sources see it (lastmod falls back to the `date`
            # that came from `publishDate`; publishDate to the `date` of the file's
            # modification time). The copy loses the fraction of a second when the value had
            # its own offset (a time in the site's zone keeps it).
            added.add(target)
            reading = found.reading
            copied[target] = Source(
                found.origin,
                found.field,
                _param_copy(reading) if reading is not None else None,
                found.key,
            )
    return HugoDates(targets, frozenset(read), fields)


CASCADE = "a cascade"


def _cascaded_dates(
    ctx: Context, choice: ZoneChoice, written: dict[str, tuple[Field, HugoDate]]
) -> dict[str, Source]:
    """The date keys of the site's `[frontmatter]` sources that the page gets from a cascade (not
    written in its front matter), each with Hugo's reading of the value; an empty or unreadable
    one is left out (Hugo goes on to the next source)."""
    document = ctx.document
    site = ctx.site
    if site is None or site.root is None or document.front_matter is None:
        return {}
    cascade = document.cascade
    if not cascade:
        return {}
    out: dict[str, Source] = {}
    for key in _field_keys(_sources(ctx)):
        if key in written or key not in cascade or document.field(key) is not None:
            continue
        reading = _value_reading(cascade[key], choice.zone)
        if reading is not None and reading.kind == "ok":
            out[key] = Source(CASCADE, None, reading, key)
    return out


def _value_reading(value: object, zone: tzinfo | None) -> HugoDate | None:
    """Hugo's reading of a date given as a parsed value (a cascade's): text as written, an integer
    as seconds since 1970, a TOML datetime or date; None for anything else."""
    if isinstance(value, str):
        return parse_cast(value, zone) if value else None
    if isinstance(value, int) and not isinstance(value, bool):
        return _unix(value, str(value))
    if isinstance(value, datetime):
        wall = GoTime(
            value.year,
            value.month,
            value.day,
            value.hour,
            value.minute,
            value.second,
            value.microsecond * 1000,
        )
        delta = value.utcoffset()
        if delta is None:
            return HugoDate("ok", value.isoformat(), in_zone(wall, zone), native=True)
        # As of a TOML datetime in front matter: with an offset, the fraction is dropped.
        written = GoTime(
            wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second, 0,
            int(delta.total_seconds()),
        )  # fmt: skip
        return HugoDate("ok", value.isoformat(), written, has_offset=True, native=True)
    if isinstance(value, date):
        wall = GoTime(value.year, value.month, value.day)
        return HugoDate("ok", value.isoformat(), in_zone(wall, zone), native=True)
    return None


def _param_copy(reading: HugoDate) -> HugoDate:
    """A reading as Hugo copies it into a page parameter: a time with its own offset loses its
    fraction of a second."""
    time = reading.time
    if time is None or not reading.has_offset or not time.nanosecond:
        return reading
    whole = GoTime(
        time.year, time.month, time.day, time.hour, time.minute, time.second, 0, time.offset
    )
    return replace(reading, time=whole)


def _file_name_date(path: str | os.PathLike[str], zone: tzinfo | None) -> HugoDate | None:
    """Hugo's `:filename` date: the first ten characters of the file name without its extension
    (of the bundle's folder for `index.md`), when they are a date."""
    name = os.path.basename(os.fspath(path))
    stem = name.rsplit(".", 1)[0]
    if stem.split(".")[0] == "index":
        stem = os.path.basename(os.path.dirname(os.fspath(path)))
    if len(stem) < 10:
        return None
    reading = parse_cast(stem[:10], zone)
    return reading if reading.kind == "ok" else None


def _jekyll_name_date(path: str | os.PathLike[str], zone: tzinfo | None) -> HugoDate | None:
    """A Jekyll document's date from its file name (`2016-12-6-x.md` is 6 December), at midnight."""
    found = name_date(os.path.basename(os.fspath(path)))
    if found is None:
        return None
    year, month, day = found
    reading = parse_cast(f"{year:04d}-{month:02d}-{day:02d}", zone)
    return reading if reading.kind == "ok" else None


def _system_now() -> GoTime:
    moment = datetime.now(UTC)
    return GoTime(moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


# The clock DT003 compares with; tests pass a fixed `now` option instead of patching this.
clock: Callable[[], GoTime] = _system_now


def rewritten(item: Field, reading: HugoDate, choice: ZoneChoice) -> str | None:
    """The RFC 3339 text for the instant Hugo reads from `item`, written in the field's style.

    An offset in the value is kept; otherwise the zone's offset at that instant is used (UTC is
    written `Z`). A quoted value stays quoted with the same quote; a plain YAML value, a TOML
    datetime and a number become a plain (TOML: native) datetime.
    """
    time = reading.time
    if reading.kind != "ok" or time is None:
        return None
    if reading.unix:
        seconds, nanos = time.epoch()
        time = from_epoch(seconds, nanos, offset_at(choice.zone, seconds))
    if reading.has_offset and not reading.unix:
        utc_as_z = reading.source.rstrip().upper().endswith("Z") or reading.zone_name == "UTC"
    else:
        utc_as_z = choice.zone is None
    if time.offset % 60:
        # A local mean time (Shanghai's +08:05:43 before 1901): RFC 3339 offsets are whole
        # minutes, so the instant is written in UTC.
        seconds, nanos = time.epoch()
        time, utc_as_z = from_epoch(seconds, nanos, 0), True
    text = time.rfc3339(utc_as_z=utc_as_z)
    if RFC3339.fullmatch(text) is None:
        return None  # a year outside 0000-9999 cannot be written in RFC 3339
    style = item.node.style
    if style in ('"', "'"):
        return f"{style}{text}{style}"
    if item.format == "json" or (item.node.tag == "str" and style is not None):
        return f'"{text}"'
    if item.format == "toml" and time.nanosecond:
        return f'"{text}"'  # Hugo drops the fraction of a TOML datetime with an offset
    return text


def copied_dates(ctx: Context, item: Field) -> list[str]:
    """The page's dates Hugo takes from `item` through a parameter it copied there (publishDate
    from the `date` it set from a `lastmod`; lastmod from the `date` it set from a
    `publishDate`), not from the field itself: such a copy loses the fraction of a second once
    the value has its own offset (`_param_copy`)."""
    sources = _sources(ctx)
    targets = hugo_dates(ctx).targets
    written = {field.key.lower() for field in ctx.document.fields}
    key = item.key.lower()
    out = []
    for target, source in targets.items():
        if source is None or source.field is not item:
            continue
        chain = sources.get(target, ())
        direct = chain.index(key) if key in chain else len(chain)
        # A date Hugo resolved from `item` and set as a parameter (the front matter has none
        # of that name), read before the field itself in this date's chain.
        copies = [
            chain.index(name)
            for name, other in targets.items()
            if name != target
            and name in chain
            and name not in written
            and other is not None
            and other.field is item
        ]
        if copies and min(copies) < direct:
            out.append(target)
    return out
