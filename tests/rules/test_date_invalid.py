from __future__ import annotations

import pytest

from newslint.rules.date_invalid import DateInvalid
from newslint.site import Site
from newslint.testing import Case, Raw, assert_case, fm

SHANGHAI = Site(time_zone="Asia/Shanghai")

CASES = [
    Case(
        "readable-forms",
        fm(
            date="2025-02-08 09:55:35",
            lastmod="Sat, 08 Feb 2025 09:55:35 +0800",
            publishDate=Raw("2025-02-08"),
            expiryDate=Raw("1739008535"),
        ),
        site=SHANGHAI,
    ),
    Case("slashes", fm(title="Budget", date="2025/02/08"), errors=[("invalid", 3, 7)]),
    Case("month-name", fm(date="Feb 8, 2025"), errors=[("invalid", 2, 7)]),
    Case("no-seconds", fm(date="2025-02-08 09:55"), errors=[("invalid", 2, 7)]),
    Case("one-digit-month", fm(date="2025-2-8 09:55:35"), errors=[("invalid", 2, 7)]),
    Case("impossible-day", fm(date="2025-02-30"), errors=[("invalid", 2, 7)]),
    Case("plain-yaml-impossible", fm(date=Raw("2025-02-29 10:00:00")), errors=[("invalid", 2, 7)]),
    Case("trailing-space", fm(date="2025-02-08 "), errors=[("invalid", 2, 7)]),
    Case("empty-string-is-year-one", fm(date=""), errors=[("empty", 2, 7)]),
    Case("null-is-year-one", fm(title="Budget", lastmod=None), errors=[("empty", 3, 1)]),
    Case("time-only-is-year-zero", fm(date="3:04PM"), errors=[("no-day", 2, 7)]),
    Case("float", fm(date=Raw("1739008535.5")), errors=[("invalid", 2, 7)]),
    Case("boolean", fm(date=Raw("true")), errors=[("invalid", 2, 7)]),
    Case("list", fm(date=["2025-02-08"]), errors=[("invalid", 3, 3)]),
    Case(
        "other-date-keys",
        fm(pubdate="2025/02/08", Modified="x"),
        errors=[("invalid", 2, 10), ("invalid", 3, 11)],
    ),
    Case("not-a-date-key", fm(updated="2025/02/08")),
    Case(
        "toml",
        '+++\ndate = "2025/02/08"\nlastmod = 09:55:35\nexpiryDate = 2025-02-08\n+++\n',
        errors=[("invalid", 2, 8), ("invalid", 3, 11)],
    ),
    Case(
        "json-numbers-are-floats-to-hugo",
        '{"date": 1739008535, "lastmod": ""}\n',
        errors=[("invalid", 1, 10), ("empty", 1, 33)],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_date_invalid(case: Case) -> None:
    assert_case(DateInvalid, case)


def test_message_says_the_build_fails() -> None:
    from newslint.engine import check_text

    found = check_text(fm(date="2025/02/08"), select=["DT002"])
    assert [d.message for d in found] == [
        'date "2025/02/08" is not a date Hugo can read (write 2006-01-02T15:04:05-07:00): the build fails'
    ]
