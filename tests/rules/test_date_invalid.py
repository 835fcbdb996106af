from __future__ import annotations

from pathlib import Path

import pytest

from newslint.rules.date_invalid import DateInvalid
from newslint.site import JEKYLL_DATE_SOURCES, Site, date_sources
from newslint.testing import Case, Raw, assert_case, fm

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
FROM_FILE_NAME = Site(date_sources=date_sources({"date": [":filename", ":default"]}))
ONLY_CUSTOM = Site(
    date_sources=date_sources(
        {
            "date": ["myDate"],
            "lastmod": ["myDate"],
            "publishdate": ["myDate"],
            "expirydate": ["myEnd"],
        }
    )
)

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
    # Hugo reads each date from the first source with a value; the rest are never parsed.
    Case(
        "unread-aliases",
        fm(
            date="2024-01-01",
            publishDate="2024-01-02",
            published="garbage",
            modified="x",
            lastmod="2024-02-01",
        ),
        errors=[("unread", 4, 12), ("unread", 5, 11)],
    ),
    Case("alias-reached", fm(date="2024-01-02", pubdate="garbage"), errors=[("invalid", 3, 10)]),
    Case(
        "empty-date-publishdate-fills-in",
        fm(date="", publishDate="2024-01-02"),
        errors=[("empty-fallback", 2, 7)],
    ),
    Case(
        "empty-lastmod-date-fills-in",
        fm(date="2024-01-02", lastmod=None),
        errors=[("empty-fallback", 3, 1)],
    ),
    Case("empty-expiry", fm(date="2024-01-02", expiryDate=""), errors=[("empty-expiry", 3, 13)]),
    Case(
        "custom-key-read",
        fm(myDate="not a date", date="2023-01-01"),
        site=CUSTOM,
        errors=[("invalid", 2, 9)],
    ),
    Case(
        "custom-key-empty",
        fm(goLive="", date="2023-01-01"),
        site=CUSTOM,
        errors=[("empty-fallback", 2, 9)],
    ),
    # Only keys the configuration names are dates: here `date` is a plain parameter.
    Case("key-not-configured", fm(date="garbage", myDate="2024-01-01"), site=ONLY_CUSTOM),
    Case(
        "date-from-the-file-name",
        fm(date=""),
        path="content/posts/2024-01-05-budget.md",
        site=FROM_FILE_NAME,
        errors=[("empty-fallback", 2, 7)],
    ),
    Case(
        "date-from-the-bundle-folder",
        fm(date=""),
        path="content/posts/2024-01-07-budget/index.md",
        site=FROM_FILE_NAME,
        errors=[("empty-fallback", 2, 7)],
    ),
    Case(
        "file-name-without-a-date",
        fm(date=""),
        path="content/posts/budget-2024.md",
        site=FROM_FILE_NAME,
        errors=[("empty", 2, 7)],
    ),
    # Found by the differential test against Hugo (tests/date_matrix.py): Go's zero time is
    # taken (the chain stops there) and leaves the page undated, as an empty value does.
    Case("zero-time", fm(date="0001-01-01T00:00:00Z"), errors=[("zero", 2, 7)]),
    Case("zero-time-as-seconds", fm(date=Raw("-62135596800")), errors=[("zero", 2, 7)]),
    Case(
        "zero-time-stops-the-chain",
        fm(publishDate="0001-01-01T00:00:00Z", lastmod="2025-02-08T09:55:35+08:00"),
        errors=[("zero", 2, 14)],
    ),
    Case(
        "zero-expiry-never-expires",
        fm(date="2025-02-08T09:55:35Z", expiryDate="0001-01-01T00:00:00Z"),
        errors=[("zero-expiry", 3, 13)],
    ),
    Case(
        "zero-alias-never-read",
        fm(publishDate="2025-02-08T09:55:35Z", pubdate="0001-01-01T00:00:00Z"),
    ),
    # YAML 1.1's base-60 integer is the string "9:55" for Hugo's YAML 1.2 reader; YAML 1.2's
    # octal integer is a number of seconds.
    Case("yaml-base-60-fails", fm(date=Raw("9:55")), errors=[("invalid", 2, 7)]),
    Case("yaml-octal-reads", fm(date=Raw("0o14751557627"))),
    # An explicit !!timestamp in a layout Hugo's YAML reader does not parse is Go's zero time to
    # Hugo: no build failure, and no fallback to publishDate (hugo 0.168: tests/date_matrix.py).
    Case(
        "tagged-timestamp-unparsed",
        "---\ndate: !!timestamp 2025-02-08T09:55:35\npublishDate: 2025-02-08T09:55:35Z\n---\nBody.\n",
        errors=[("tag-unparsed", 2, 7)],
    ),
    Case(
        "tagged-expiry-unparsed-is-a-warning",
        "---\ndate: 2025-02-08T09:55:35Z\nexpiryDate: !!timestamp never\n---\nBody.\n",
        errors=[("tag-unparsed", 3, 13)],
    ),
    Case(
        "tagged-short-fields-are-read",
        "---\ndate: !!timestamp 2025-2-8T9:55:35Z\n---\nBody.\n",
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


def test_message_shows_a_block_scalar_as_the_string_it_stands_for() -> None:
    from newslint.engine import check_text

    found = check_text("---\ndate: |\n  2025-02-07 08:00\t\n---\nBody.\n", select=["DT002"])
    assert [(d.message, d.line, d.column) for d in found] == [
        (
            'date "2025-02-07 08:00\\t\\n" is not a date Hugo can read'
            " (write 2006-01-02T15:04:05-07:00): the build fails",
            2,
            7,
        )
    ]


def test_messages_name_where_hugo_takes_the_date_from() -> None:
    from newslint.engine import check_text

    text = fm(date="", publishDate="2024-01-02", pubdate="x", expiryDate="")
    found = check_text(text, select=["DT002"], site=Site())
    assert [(d.message, d.severity.name) for d in found] == [
        ("date is empty: Hugo takes the date from publishDate", "WARNING"),
        (
            'pubdate "x" is not a date, and Hugo never reads it: it takes the publishDate from publishDate',
            "WARNING",
        ),
        ("expiryDate is empty: the page does not expire", "WARNING"),
    ]


JEKYLL_CASES = [
    # `published` is Jekyll's publish switch (`published: false` leaves the post out), not the
    # alias of `publishDate` Hugo reads it as (hugo 0.168 fails on `published: false`).
    Case(
        "jekyll-post-published-false",
        fm(title="T", published=False),
        path="_posts/2014-12-17-snippets.md",
    ),
    Case(
        "jekyll-site-page-published-false",
        fm(title="T", published=False),
        path="about.md",
        site=Site(jekyll_config=Path("/site/_config.yml"), date_sources=JEKYLL_DATE_SOURCES),
    ),
    Case(
        "hugo-page-published-false",
        fm(title="T", published=False),
        path="content/posts/snippets.md",
        errors=[("invalid", 3, 12)],
    ),
    # Jekyll's documented `YYYY-MM-DD HH:MM`, seconds left out: Jekyll reads it, Hugo fails.
    Case(
        "jekyll-post-date-without-seconds",
        fm(title="T", date=Raw("2021-06-15 00:00")),
        path="news/_drafts/2021-06-15-news-template.markdown",
    ),
    Case(
        "hugo-page-date-without-seconds",
        fm(title="T", date=Raw("2021-06-15 00:00")),
        path="content/posts/news-template.md",
        errors=[("invalid", 3, 7)],
    ),
    # A YAML timestamp with a one-digit month, day or hour (`2014-1-17 20:00:00`, as real posts
    # write it) is a Time to Jekyll's YAML reader (Ruby's Psych), and Jekyll builds the post;
    # Hugo's date parser wants two digits and fails.
    Case(
        "jekyll-post-date-one-digit-month",
        fm(title="T", date=Raw("2014-1-17 20:00:00")),
        path="_posts/2014-01-17-fixing-joomla-permission-issues.md",
    ),
    Case(
        "jekyll-post-date-one-digit-day-and-hour-with-offset",
        fm(title="T", date=Raw("2014-01-7 8:05:00 +0100")),
        path="_posts/2014-01-07-x.md",
    ),
    Case(
        "hugo-page-date-one-digit-month",
        fm(title="T", date=Raw("2014-1-17 20:00:00")),
        path="content/posts/x.md",
        errors=[("invalid", 3, 7)],
    ),
    Case(
        "jekyll-post-date-one-digit-month-impossible-day",
        fm(title="T", date=Raw("2014-2-30 20:00:00")),
        path="_posts/2014-02-28-x.md",
        errors=[("invalid", 3, 7)],
    ),
    # Jekyll's own date still is one.
    Case(
        "jekyll-post-date-still-read",
        fm(title="T", date="2014/12/17"),
        path="_posts/2014-12-17-snippets.md",
        errors=[("invalid", 3, 7)],
    ),
]


@pytest.mark.parametrize("case", JEKYLL_CASES, ids=lambda c: c.name)
def test_date_invalid_jekyll(case: Case) -> None:
    assert_case(DateInvalid, case)


def test_a_jekyll_sites_published_switch_is_no_date(tmp_path: Path) -> None:
    from newslint.engine import check_text
    from newslint.site import clear_site_cache

    (tmp_path / "_config.yml").write_text("title: Blog\n", encoding="utf-8")
    clear_site_cache()
    try:
        found = check_text(
            "---\ntitle: T\npublished: false\n---\n\nText.\n",
            path=str(tmp_path / "pages" / "about.md"),
            select=["DT002"],
        )
    finally:
        clear_site_cache()
    assert found == []
