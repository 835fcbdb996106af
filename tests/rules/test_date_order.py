from __future__ import annotations

import pytest

from newslint.rules.date_order import DateOrder
from newslint.site import Site, date_sources
from newslint.testing import Case, assert_case, fm

SHANGHAI = Site(time_zone="Asia/Shanghai")
CUSTOM = Site(
    date_sources=date_sources(
        {
            "date": ["myDate", ":default"],
            "publishdate": ["goLive", ":default"],
            "expirydate": ["endDate"],
        }
    )
)

CASES = [
    Case(
        "in-order",
        fm(
            date="2025-02-08T09:00:00+08:00",
            lastmod="2025-02-09T09:00:00+08:00",
            expiryDate="2026-01-01T00:00:00Z",
        ),
    ),
    Case(
        "lastmod-equal-to-date",
        fm(date="2025-02-08T09:00:00+08:00", lastmod="2025-02-08T01:00:00Z"),
    ),
    Case(
        "lastmod-before-date",
        fm(date="2025-02-08T09:00:00+08:00", lastmod="2025-02-07T09:00:00+08:00"),
        errors=[("lastmod", 3, 10)],
    ),
    Case(
        "offsets-compared-as-instants",
        fm(date="2025-02-08T09:00:00+08:00", lastmod="2025-02-08T00:59:59Z"),
        errors=[("lastmod", 3, 10)],
    ),
    Case(
        "no-offset-read-in-the-site-zone",
        fm(date="2025-02-08 09:00:00", lastmod="2025-02-08T01:30:00Z"),
        site=SHANGHAI,
    ),
    Case(
        "expiry-before-date",
        fm(date="2025-02-08T09:00:00Z", expiryDate="2025-02-01T00:00:00Z"),
        errors=[("expiry", 3, 13)],
    ),
    Case(
        "expiry-equal-to-publish-date",
        fm(
            date="2025-01-01T00:00:00Z",
            publishDate="2025-02-08T00:00:00Z",
            expiryDate="2025-02-08T00:00:00Z",
        ),
        errors=[("expiry", 4, 13)],
    ),
    Case(
        "unpublishdate-alias",
        fm(date="2025-02-08T00:00:00Z", unpublishdate="2025-01-08T00:00:00Z"),
        errors=[("expiry", 3, 16)],
    ),
    # Where Hugo builds expired pages (`buildExpired`, the site's or the page's language's), the
    # page is shown: the message says so.
    Case(
        "expiry-before-date-build-expired",
        fm(date="2025-02-08T09:00:00Z", expiryDate="2025-02-01T00:00:00Z"),
        site=Site(build_expired=True),
        errors=[("expiry-built", 3, 13)],
    ),
    Case(
        "expiry-before-date-build-expired-for-the-language",
        fm(date="2025-02-08T09:00:00Z", expiryDate="2025-02-01T00:00:00Z"),
        site=Site(raw={"languages": {"fr": {"buildexpired": True}}}),
        language="fr",
        errors=[("expiry-built", 3, 13)],
    ),
    Case(
        "expiry-before-date-build-expired-off-for-the-language",
        fm(date="2025-02-08T09:00:00Z", expiryDate="2025-02-01T00:00:00Z"),
        site=Site(build_expired=True, raw={"languages": {"fr": {"buildexpired": False}}}),
        language="fr",
        errors=[("expiry", 3, 13)],
    ),
    # Where Hugo builds future pages, a page whose expiry is not after its publish date is shown
    # while both are still to come (hugo 0.168 builds it with buildFuture = true).
    Case(
        "expiry-equal-to-date-build-future",
        fm(date="2098-01-01T00:00:00Z", expiryDate="2098-01-01T00:00:00Z"),
        site=Site(build_future=True),
        errors=[("expiry-future-built", 3, 13)],
    ),
    Case(
        "expiry-before-date-build-future-for-the-language",
        fm(date="2098-01-01T00:00:00Z", expiryDate="2097-01-01T00:00:00Z"),
        site=Site(raw={"languages": {"fr": {"buildfuture": True}}}),
        language="fr",
        errors=[("expiry-future-built", 3, 13)],
    ),
    # buildExpired says more: the page is shown whatever the clock.
    Case(
        "expiry-before-date-build-future-and-expired",
        fm(date="2098-01-01T00:00:00Z", expiryDate="2097-01-01T00:00:00Z"),
        site=Site(build_future=True, build_expired=True),
        errors=[("expiry-built", 3, 13)],
    ),
    Case("unreadable-skipped", fm(date="2025/02/08", lastmod="2025-01-01T00:00:00Z")),
    Case(
        "toml",
        "+++\ndate = 2025-02-08T09:00:00+08:00\nlastmod = 2025-02-07\n+++\n",
        site=SHANGHAI,
        errors=[("lastmod", 3, 11)],
    ),
    Case(
        "json",
        '{"date": "2025-02-08", "expiryDate": "2025-02-07"}\n',
        errors=[("expiry", 1, 38)],
    ),
    # Without `date`, Hugo dates the page from publishDate: lastmod is compared with it.
    Case(
        "lastmod-before-publishdate-without-date",
        fm(publishDate="2025-02-08T09:00:00+08:00", lastmod="2025-02-07T09:00:00+08:00"),
        errors=[("lastmod", 3, 10)],
    ),
    Case(
        "modified-shadowed-by-lastmod",
        fm(
            date="2025-02-08T09:00:00+08:00",
            lastmod="2025-02-09T09:00:00+08:00",
            modified="2025-02-01T09:00:00+08:00",
        ),
    ),
    Case(
        "configured-expiry-key",
        fm(endDate="2020-01-01T00:00:00Z", date="2023-01-01T00:00:00Z"),
        site=CUSTOM,
        errors=[("expiry", 2, 10)],
    ),
    # Found by the differential test against Hugo (tests/date_matrix.py): Hugo's publish date
    # falls back to the `date` it took from lastmod, through a copy that drops the fraction of a
    # second of a value with an offset (35.5 becomes 35): an expiry at 35 is not after it.
    Case(
        "publish-date-from-lastmod-loses-the-fraction",
        fm(lastmod="2025-02-08T09:55:35.5+08:00", expiryDate="2025-02-08T09:55:35+08:00"),
        errors=[("expiry", 3, 13)],
    ),
    # A wall time read in the site's zone keeps it: 35.6 is after 35.5.
    Case(
        "fraction-kept-in-the-site-zone",
        fm(lastmod="2025-02-08 09:55:35.5", expiryDate="2025-02-08T09:55:35.6+08:00"),
        site=SHANGHAI,
    ),
    # Hugo reads a TOML datetime with an offset without its fraction: 35 is before 35.2.
    Case(
        "toml-offset-datetime-without-fraction",
        '+++\ndate = 2025-02-08T09:55:35.5+08:00\nexpiryDate = "2025-02-08T09:55:35.2+08:00"\n+++\n',
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_date_order(case: Case) -> None:
    assert_case(DateOrder, case)
