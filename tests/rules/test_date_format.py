from __future__ import annotations

from pathlib import Path

import pytest

from newslint.rules.date_format import DateFormat
from newslint.site import Site, load_site
from newslint.testing import Case, Raw, assert_case, case_reports, fm

SHANGHAI = Site(time_zone="Asia/Shanghai")
NEW_YORK = Site(time_zone="America/New_York")

CASES = [
    Case("rfc3339-offset", fm(date="2025-02-08T09:55:35+08:00"), site=SHANGHAI),
    Case(
        "rfc3339-utc-fraction",
        fm(date="2025-02-08T01:55:35.123Z", lastmod=Raw("2025-02-09T10:00:00-05:00")),
    ),
    Case(
        "bulwark-style-in-a-shanghai-site",
        fm(title="Budget", date="2025-02-08 09:55:35"),
        site=SHANGHAI,
        errors=[("no-offset", 3, 7)],
        fixed=fm(title="Budget", date="2025-02-08T09:55:35+08:00"),
    ),
    Case(
        "single-quotes-kept",
        "---\ndate: '2025-02-08 09:55:35' # scraped\n---\nBody.\n",
        site=SHANGHAI,
        errors=[("no-offset", 2, 7)],
        fixed="---\ndate: '2025-02-08T09:55:35+08:00' # scraped\n---\nBody.\n",
    ),
    Case(
        "plain-yaml-timestamp-stays-plain",
        fm(date=Raw("2025-02-08 09:55:35")),
        site=SHANGHAI,
        errors=[("no-offset", 2, 7)],
        fixed=fm(date=Raw("2025-02-08T09:55:35+08:00")),
    ),
    Case(
        "date-only-is-midnight-in-the-zone",
        fm(date="2025-02-08"),
        site=SHANGHAI,
        errors=[("no-offset", 2, 7)],
        fixed=fm(date="2025-02-08T00:00:00+08:00"),
    ),
    Case(
        "no-zone-anywhere-utc-assumed-unsafe",
        fm(date="2025-02-08 09:55:35"),
        errors=[("no-offset", 2, 7)],
        unsafe_fixed=fm(date="2025-02-08T09:55:35Z"),
    ),
    Case(
        "config-timezone-is-known-with-daylight-saving",
        fm(date="2025-02-08 09:55:35", lastmod="2025-07-08 09:55:35"),
        config={"timezone": "Europe/Berlin"},
        errors=[("no-offset", 2, 7), ("no-offset", 3, 10)],
        fixed=fm(date="2025-02-08T09:55:35+01:00", lastmod="2025-07-08T09:55:35+02:00"),
    ),
    Case(
        "config-timezone-wins-over-the-site",
        fm(date="2025-02-08 09:55:35"),
        site=SHANGHAI,
        config={"timezone": "UTC"},
        errors=[("no-offset", 2, 7)],
        fixed=fm(date="2025-02-08T09:55:35Z"),
    ),
    Case(
        "daylight-saving-gap-resolved-like-go",
        fm(date="2025-03-09 02:30:00"),
        site=NEW_YORK,
        errors=[("no-offset", 2, 7)],
        fixed=fm(date="2025-03-09T01:30:00-05:00"),
    ),
    Case(
        "daylight-saving-fold-takes-the-first",
        fm(date="2025-11-02 01:30:00"),
        site=NEW_YORK,
        errors=[("no-offset", 2, 7)],
        fixed=fm(date="2025-11-02T01:30:00-04:00"),
    ),
    Case(
        "per-language-time-zone",
        fm(date="2025-02-08 09:55:35"),
        path="content/zh-CN/news/a.zh-CN.md",
        site=Site(time_zone="UTC", language_time_zones={"zh-CN": "Asia/Shanghai"}),
        errors=[("no-offset", 2, 7)],
        fixed=fm(date="2025-02-08T09:55:35+08:00"),
    ),
    Case(
        "other-layout-with-offset-safe-without-zone",
        fm(date="2025-02-08 09:55:35 +0800", publishDate="Sat, 08 Feb 2025 09:55:35 -0500"),
        errors=[("layout", 2, 7), ("layout", 3, 14)],
        fixed=fm(date="2025-02-08T09:55:35+08:00", publishDate="2025-02-08T09:55:35-05:00"),
    ),
    Case(
        "zone-name-is-ignored-by-hugo",
        fm(date="Sat, 08 Feb 2025 09:55:35 GMT"),
        site=SHANGHAI,
        errors=[("zone-name", 2, 7)],
        fixed=fm(date="2025-02-08T09:55:35+08:00"),
    ),
    Case(
        "fraction-and-space-separated-z-kept",
        fm(date="2025-02-08 09:55:35.5", expiryDate="2026-02-08 09:55:35Z"),
        site=SHANGHAI,
        errors=[("no-offset", 2, 7), ("layout", 3, 13)],
        fixed=fm(date="2025-02-08T09:55:35.5+08:00", expiryDate="2026-02-08T09:55:35Z"),
    ),
    Case(
        "unix-seconds-unsafe",
        fm(date=Raw("1739008535")),
        site=SHANGHAI,
        errors=[("unix", 2, 7)],
        unsafe_fixed=fm(date=Raw("2025-02-08T17:55:35+08:00")),
    ),
    # Eight digits that spell a calendar date were meant as one (2024-01-02), not as seconds
    # (1970-08-23): rewriting them as the instant Hugo reads would make the mistake permanent.
    Case(
        "unix-number-that-spells-a-date-no-fix",
        fm(date=Raw("20240102"), lastmod=Raw("19991231")),
        site=SHANGHAI,
        errors=[("unix", 2, 7), ("unix", 3, 10)],
    ),
    # Not a calendar date (month 13): plain seconds, the unsafe fix stays.
    Case(
        "unix-eight-digits-not-a-date",
        fm(date=Raw("20241345")),
        site=SHANGHAI,
        errors=[("unix", 2, 7)],
        unsafe_fixed=fm(date=Raw("1970-08-23T14:35:45+08:00")),
    ),
    Case("unreadable-and-empty-are-date-invalid", fm(date="2025/02/08", lastmod="")),
    Case("other-keys-ignored", fm(updated="2025-02-08 09:55:35")),
    Case(
        "toml-native-and-string",
        '+++\ndate = 2025-02-08T09:55:35\nlastmod = "2025-02-09"\npubdate = 2025-02-08 09:55:35+08:00\n+++\n',
        site=SHANGHAI,
        errors=[("no-offset", 2, 8), ("no-offset", 3, 11), ("layout", 4, 11)],
        fixed=(
            '+++\ndate = 2025-02-08T09:55:35+08:00\nlastmod = "2025-02-09T00:00:00+08:00"\n'
            "pubdate = 2025-02-08T09:55:35+08:00\n+++\n"
        ),
    ),
    # Found by the differential test against Hugo (tests/date_matrix.py):
    # before 1901 Shanghai's offset is its local mean time, +08:05:43; RFC 3339 offsets are whole
    # minutes, so "+08:05" would move the page by 43 seconds: the instant is written in UTC.
    Case(
        "local-mean-time-written-in-utc",
        fm(date="0001-01-01", lastmod="1000-01-01 00:00:00"),
        site=SHANGHAI,
        errors=[("no-offset", 2, 7), ("no-offset", 3, 10)],
        fixed=fm(date="0000-12-31T15:54:17Z", lastmod="0999-12-31T15:54:17Z"),
    ),
    # Hugo drops the fraction of a TOML datetime with an offset: the fix writes a string.
    Case(
        "toml-fraction-written-as-a-string",
        "+++\ndate = 2025-02-08T09:55:35.5\n+++\n",
        site=SHANGHAI,
        errors=[("no-offset", 2, 8)],
        fixed='+++\ndate = "2025-02-08T09:55:35.5+08:00"\n+++\n',
    ),
    # YAML 1.2's octal integer is seconds for Hugo; YAML 1.1's base 60 (`9:55`) is a string it
    # cannot read (date-invalid's).
    Case(
        "yaml-octal-is-seconds",
        fm(date=Raw("0o14751557627")),
        site=SHANGHAI,
        errors=[("unix", 2, 7)],
        unsafe_fixed=fm(date=Raw("2025-02-08T12:37:43+08:00")),
    ),
    Case("yaml-base-60-is-not-a-date", fm(date=Raw("9:55")), site=SHANGHAI),
    # Go's zero time: date-invalid's, nothing to rewrite.
    # Hugo copies a date it derives into a parameter, and derives the next from that copy; the
    # copy of a time with an offset drops the fraction of a second (tests/test_hugo_fix_oracle.py).
    Case(
        "fraction-copied-to-publishdate-is-unsafe",
        fm(title="T", lastmod="2025-02-08 09:55:35.5"),
        site=NEW_YORK,
        errors=[("no-offset", 3, 10)],
        fixed=fm(title="T", lastmod="2025-02-08 09:55:35.5"),
        unsafe_fixed=fm(title="T", lastmod="2025-02-08T09:55:35.5-05:00"),
    ),
    Case(
        "fraction-copied-to-lastmod-is-unsafe",
        "+++\npublished = 2025-02-08T09:55:35.75\n+++\nBody.\n",
        site=NEW_YORK,
        errors=[("no-offset", 2, 13)],
        fixed="+++\npublished = 2025-02-08T09:55:35.75\n+++\nBody.\n",
        unsafe_fixed='+++\npublished = "2025-02-08T09:55:35.75-05:00"\n+++\nBody.\n',
    ),
    Case(
        "fraction-read-directly-stays-safe",
        fm(date="2025-02-08 10:00:00", lastmod="2025-02-08 09:55:35.5"),
        site=NEW_YORK,
        errors=[("no-offset", 2, 7), ("no-offset", 3, 10)],
        fixed=fm(date="2025-02-08T10:00:00-05:00", lastmod="2025-02-08T09:55:35.5-05:00"),
    ),
    Case(
        "whole-seconds-copied-stay-safe",
        fm(title="T", publishDate="2025-02-08 09:55:35"),
        site=NEW_YORK,
        errors=[("no-offset", 3, 14)],
        fixed=fm(title="T", publishDate="2025-02-08T09:55:35-05:00"),
    ),
    Case("zero-time-is-date-invalids", fm(date="0001-01-01 00:00:00"), site=Site(time_zone="UTC")),
    Case(
        "json",
        '{"title": "Budget", "date": "2025-02-08 09:55:35"}\n',
        site=SHANGHAI,
        errors=[("no-offset", 1, 29)],
        fixed='{"title": "Budget", "date": "2025-02-08T09:55:35+08:00"}\n',
    ),
    # Hugo's YAML reader parses an explicit !!timestamp itself, a zoneless one in UTC even on a
    # site with a zone: the rewrite keeps that instant, so it is safe (hugo 0.168: tests/date_matrix.py).
    Case(
        "tagged-timestamp-is-utc-whatever-the-zone",
        "---\ndate: !!timestamp 2025-2-8 9:55:35\n---\nBody.\n",
        site=SHANGHAI,
        errors=[("layout", 2, 7)],
        fixed="---\ndate: 2025-02-08T09:55:35+00:00\n---\nBody.\n",
    ),
    Case(
        "tagged-rfc3339-is-fine",
        "---\ndate: !!timestamp 2025-02-08T09:55:35+08:00\n---\nBody.\n",
        site=SHANGHAI,
    ),
]


JEKYLL_POST = "blog/_posts/2021-10-15-budget.md"
JEKYLL_CASES = [
    # Jekyll's documented `YYYY-MM-DD HH:MM:SS +/-TTTT`: its offset is written, nothing unclear.
    Case("jekyll-documented-form", fm(date=Raw("2021-10-15 14:00:00 +0200")), path=JEKYLL_POST),
    # Any page of a Jekyll site (a `_config.yml` above it) may use it too.
    Case(
        "jekyll-form-on-a-jekyll-sites-page",
        fm(date=Raw("2021-10-15 14:00:00 +0200")),
        path="blog/about.md",
        site=Site(jekyll_config=Path("/blog/_config.yml")),
    ),
    # jekyll-import writes a WordPress post's date with no space before the offset: YAML's
    # timestamp, which Jekyll reads with its offset, allows that too.
    Case(
        "jekyll-import-form-no-space-before-the-offset",
        fm(date=Raw("2007-07-19 11:16:07+00:00")),
        path="news/_posts/2007-07-19-63.markdown",
    ),
    Case(
        "jekyll-import-form-in-a-hugo-site",
        fm(date=Raw("2007-07-19 11:16:07+00:00")),
        path="/site/content/news/63.md",
        site=Site(root=Path("/site")),
        errors=[("layout", 2, 7)],
        fixed=fm(date=Raw("2007-07-19T11:16:07+00:00")),
    ),
    # Jekyll's documented form with the seconds left out, which Hugo cannot read: Jekyll reads
    # it, with its offset (not reported) or in the build machine's zone (reported, unsafe fix).
    Case(
        "jekyll-form-without-seconds-with-offset",
        fm(date=Raw("2021-06-15 09:30 +0200")),
        path=JEKYLL_POST,
    ),
    Case(
        "jekyll-form-without-seconds-no-offset",
        fm(date=Raw("2021-06-15 09:30")),
        path=JEKYLL_POST,
        errors=[("no-offset-jekyll", 2, 7)],
        unsafe_fixed=fm(date=Raw("2021-06-15T09:30:00Z")),
    ),
    Case(
        "jekyll-form-without-seconds-in-the-sites-timezone",
        fm(date=Raw("2021-06-15 09:30")),
        path=JEKYLL_POST,
        site=Site(jekyll_config=Path("/blog/_config.yml"), time_zone="Europe/Berlin"),
        errors=[("no-offset-jekyll", 2, 7)],
        fixed=fm(date=Raw("2021-06-15T09:30:00+02:00")),
    ),
    # Another layout, or no offset, is still reported in a Jekyll post.
    Case(
        "jekyll-post-other-layout",
        fm(date="Fri, 15 Oct 2021 14:00:00 +0200"),
        path=JEKYLL_POST,
        errors=[("layout", 2, 7)],
        fixed=fm(date="2021-10-15T14:00:00+02:00"),
    ),
    Case(
        "jekyll-post-no-offset",
        fm(date=Raw("2021-10-15 14:00:00")),
        path=JEKYLL_POST,
        errors=[("no-offset-jekyll", 2, 7)],
        unsafe_fixed=fm(date=Raw("2021-10-15T14:00:00Z")),
    ),
    # A Jekyll site's `timezone` is where Jekyll reads it: the fix writes that zone's offset.
    Case(
        "jekyll-post-no-offset-in-the-sites-timezone",
        fm(date=Raw("2021-10-15 14:00:00")),
        path="blog/_posts/2021-10-15-budget.md",
        site=Site(jekyll_config=Path("/blog/_config.yml"), time_zone="Europe/Berlin"),
        errors=[("no-offset-jekyll", 2, 7)],
        fixed=fm(date=Raw("2021-10-15T14:00:00+02:00")),
    ),
    # A `timezone` that is no zone: Ruby reads the time in UTC, which the unsafe fix writes.
    Case(
        "jekyll-post-no-offset-in-a-timezone-that-is-no-zone",
        fm(date=Raw("2021-10-15 14:00:00")),
        path="blog/_posts/2021-10-15-budget.md",
        site=Site(jekyll_config=Path("/blog/_config.yml"), time_zone="Europe/Berlinn"),
        errors=[("no-offset-jekyll", 2, 7)],
        unsafe_fixed=fm(date=Raw("2021-10-15T14:00:00Z")),
    ),
    # A POSIX rule (`UTC+2` is two hours behind UTC): Ruby reads the time at its offset, no fix.
    Case(
        "jekyll-post-no-offset-in-a-posix-rule",
        fm(date=Raw("2021-10-15 14:00:00")),
        path="blog/_posts/2021-10-15-budget.md",
        site=Site(jekyll_config=Path("/blog/_config.yml"), time_zone="UTC+2"),
        errors=[("no-offset-jekyll", 2, 7)],
    ),
    # In a Hugo site the same value is Hugo's to read: written as RFC 3339.
    Case(
        "jekyll-form-in-a-hugo-site",
        fm(date=Raw("2021-10-15 14:00:00 +0200")),
        path="/site/content/_posts/2021-10-15-budget.md",
        site=Site(root=Path("/site")),
        errors=[("layout", 2, 7)],
        fixed=fm(date=Raw("2021-10-15T14:00:00+02:00")),
    ),
]


@pytest.mark.parametrize("case", JEKYLL_CASES, ids=lambda c: c.name)
def test_date_format_jekyll(case: Case) -> None:
    assert_case(DateFormat, case)


@pytest.mark.parametrize(
    ("site", "zone"),
    [
        (Site(), "the build machine's time zone (no timezone in _config.yml)"),
        (Site(jekyll_config=Path("/blog/_config.yml"), time_zone="Europe/Berlin"), "Europe/Berlin"),
        # Jekyll sets TZ to a name that is no zone; glibc (`TZ=Mars/Base date`) reads it as UTC
        (
            Site(jekyll_config=Path("/blog/_config.yml"), time_zone="Mars/Base"),
            "UTC (the timezone 'Mars/Base' of _config.yml is not a time zone: Jekyll sets TZ to "
            "it, and Ruby then reads times in UTC)",
        ),
        (
            Site(jekyll_config=Path("/blog/_config.yml"), time_zone="UTC+2"),
            "the POSIX TZ rule 'UTC+2' (the timezone of _config.yml, which is no time zone name: "
            "Jekyll sets TZ to it), which newslint does not read",
        ),
    ],
)
def test_date_format_jekyll_message_names_where_jekyll_reads_it(site: Site, zone: str) -> None:
    from newslint.engine import check_text

    found = check_text(
        fm(date=Raw("2021-10-15 14:00:00")),
        select=["DT001"],
        site=site,
        path="blog/_posts/2021-10-15-budget.md",
    )
    assert [d.message for d in found] == [
        f"date is not RFC 3339 with an offset: Jekyll reads '2021-10-15 14:00:00' in {zone}"
    ]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_date_format(case: Case) -> None:
    assert_case(DateFormat, case)


def test_message_and_fix_title() -> None:
    from newslint.engine import check_text

    found = check_text(fm(date="2025-02-08 09:55:35"), select=["DT001"], site=SHANGHAI)
    assert [d.message for d in found] == [
        "date is not RFC 3339 with an offset: Hugo reads '2025-02-08 09:55:35' in Asia/Shanghai"
    ]
    assert found[0].fix is not None
    assert found[0].fix.title == "Rewrite as 2025-02-08T09:55:35+08:00"


@pytest.mark.parametrize(
    ("config", "path", "zone"),
    [
        ("", "content/a.md", "UTC (no time zone is configured)"),
        (
            "timeZone = 'Mars/Olympus'\n",
            "content/a.md",
            "UTC (timeZone 'Mars/Olympus' is not a known time zone, and Hugo cannot build)",
        ),
        (
            "timeZone = 'Local'\n",
            "content/a.md",
            "the build machine's time zone (timeZone 'Local'), which newslint cannot know",
        ),
        (
            "timeZone = 'Asia/Tokyo'\n[languages.en]\n[languages.fr]\ntimeZone = 'Local'\n",
            "content/a.fr.md",
            "the build machine's time zone (timeZone 'Local'), which newslint cannot know",
        ),
        (
            "timeZone = 'Local'\n[languages.en]\n[languages.fr]\ntimeZone = 'Asia/Tokyo'\n",
            "content/a.fr.md",
            "Asia/Tokyo",
        ),
        (
            "timeZone = 'Local'\n[languages.en]\ntimeZone = ''\n",
            "content/a.md",
            "UTC (no time zone is configured)",
        ),
    ],
    ids=["none", "unknown", "local", "language-local", "language-known", "language-empty"],
)
def test_the_message_names_the_zone_hugo_reads_in_or_why_not(
    tmp_path: Path, config: str, path: str, zone: str
) -> None:
    (tmp_path / "hugo.toml").write_text(config, encoding="utf-8")
    site = load_site(tmp_path, tmp_path / "hugo.toml")
    case = Case("zone", fm(date="2025-02-08 09:55:35"), path=path, site=site)
    doc, reports = case_reports(DateFormat, case)
    assert [(r.message_id, doc.position(r.span.start).line, r.message) for r in reports] == [
        (
            "no-offset",
            2,
            f"date is not RFC 3339 with an offset: Hugo reads '2025-02-08 09:55:35' in {zone}",
        )
    ]
