from __future__ import annotations

from pathlib import Path

import pytest

from newslint.config import ConfigError
from newslint.rules import _dates
from newslint.rules.date_future import DateFuture
from newslint.site import Site, date_sources
from newslint.testing import Case, Raw, assert_case, fm

SHANGHAI = Site(time_zone="Asia/Shanghai")
NOW = {"now": "2025-02-08T10:00:00+08:00"}
CUSTOM = Site(
    date_sources=date_sources(
        {
            "date": ["myDate", ":default"],
            "publishdate": ["goLive", ":default"],
            "expirydate": ["endDate"],
        }
    )
)
FILE_NAME = Site(date_sources=date_sources({"publishdate": [":filename", ":default"]}))

CASES = [
    Case("past", fm(date="2025-02-08T09:59:59+08:00"), options=NOW),
    Case("exactly-now", fm(date="2025-02-08T02:00:00Z"), options=NOW),
    Case(
        "future",
        fm(title="Budget", date="2025-02-08T10:00:01+08:00"),
        options=NOW,
        errors=[("future", 3, 7)],
    ),
    Case(
        "no-offset-read-in-the-site-zone",
        fm(date="2025-02-08 09:59:00"),
        site=SHANGHAI,
        options=NOW,
    ),
    Case(
        "same-wall-time-is-future-in-utc",
        fm(date="2025-02-08 09:59:00"),
        options=NOW,
        errors=[("future", 2, 7)],
    ),
    Case(
        "publish-date-wins-over-date",
        fm(date="2025-02-01T00:00:00Z", publishDate="2025-03-01T00:00:00Z"),
        options=NOW,
        errors=[("future", 3, 14)],
    ),
    Case(
        "date-in-future-but-publish-date-past",
        fm(date="2026-01-01T00:00:00Z", publishDate="2025-01-01T00:00:00Z"),
        options=NOW,
    ),
    # Found by the differential test against Hugo (tests/date_matrix.py): with lastmod alone,
    # Hugo dates the page from it and publishes it at that `date`.
    Case(
        "publish-date-from-lastmod",
        fm(lastmod="2025-03-01T00:00:00Z"),
        options=NOW,
        errors=[("future", 2, 10)],
    ),
    Case(
        "publish-date-from-a-custom-date-key",
        fm(myDate="2025-03-01T00:00:00Z"),
        site=CUSTOM,
        options=NOW,
        errors=[("future", 2, 9)],
    ),
    Case(
        "lastmod-and-expiry-in-future-are-fine",
        fm(
            date="2025-01-01T00:00:00Z",
            lastmod="2030-01-01T00:00:00Z",
            expiryDate="2030-01-01T00:00:00Z",
        ),
        options=NOW,
    ),
    Case(
        "build-future-site",
        fm(date="2030-01-01T00:00:00Z"),
        site=Site(build_future=True),
        options=NOW,
    ),
    Case("unreadable-is-date-invalid", fm(date="2030/01/01"), options=NOW),
    Case(
        "toml",
        "+++\ndate = 2030-01-01T00:00:00Z\n+++\n",
        options=NOW,
        errors=[("future", 2, 8)],
    ),
    Case("json", '{"date": "2030-01-01"}\n', options=NOW, errors=[("future", 1, 10)]),
    Case("unix-seconds", fm(date=Raw("1893456000")), options=NOW, errors=[("future", 2, 7)]),
    Case(
        "publish-date-from-a-configured-key",
        fm(goLive="2025-03-01T00:00:00Z", date="2025-02-01T00:00:00Z"),
        site=CUSTOM,
        options=NOW,
        errors=[("future", 2, 9)],
    ),
    # `[frontmatter] publishDate = [":filename", ...]`: the date in the file name publishes the
    # page (hugo 0.168 leaves content/2025-03-01-x.md out until then); no field to point at, so
    # the report is on the front matter's opening delimiter.
    Case(
        "publish-date-from-the-file-name",
        fm(date="2025-02-01T00:00:00Z"),
        path="content/2025-03-01-budget.md",
        site=FILE_NAME,
        options=NOW,
        errors=[("future-file-name", 1, 1)],
    ),
    Case(
        "past-date-in-the-file-name",
        fm(date="2025-03-01T00:00:00Z"),
        path="content/2025-02-01-budget.md",
        site=FILE_NAME,
        options=NOW,
    ),
    Case(
        "date-alone-is-the-publish-date",
        fm(lastmod="2025-03-01T00:00:00Z", date="2025-02-01T00:00:00Z"),
        options=NOW,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_date_future(case: Case) -> None:
    assert_case(DateFuture, case)


def test_the_clock_is_used_without_the_option(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_dates, "clock", lambda: _dates.GoTime(2025, 2, 8, 2, 0, 0))
    assert_case(DateFuture, Case("past", fm(date="2025-02-08T09:59:59+08:00")))
    assert_case(
        DateFuture,
        Case("future", fm(date="2025-02-08T10:00:01+08:00"), errors=[("future", 2, 7)]),
    )


def test_bad_now_option_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="now"):
        assert_case(DateFuture, Case("bad", fm(), options={"now": "tomorrow"}))


def test_results_are_never_cached() -> None:
    assert DateFuture.volatile is True


JEKYLL_POST = "site/_posts/2025-02-09-budget.md"
JEKYLL_SITE = Site(jekyll_config=Path("/site/_config.yml"))
JEKYLL_FUTURE = Site(jekyll_config=Path("/site/_config.yml"), build_future=True)
JEKYLL_EVENTS = Site(jekyll_config=Path("/site/_config.yml"), jekyll_collections=("/site/_events",))
JEKYLL_CASES = [
    # Jekyll leaves a future post out unless `_config.yml` sets `future: true`: the message says
    # Jekyll's rule, the date from the front matter or else from the file name.
    Case(
        "jekyll-post-future-date",
        fm(title="Budget", date="2025-02-08 10:00:01 +0800"),
        path=JEKYLL_POST,
        options=NOW,
        errors=[("future-jekyll", 3, 7)],
    ),
    Case(
        "jekyll-post-future-file-name",
        fm(title="Budget"),
        path=JEKYLL_POST,
        site=JEKYLL_SITE,
        options=NOW,
        errors=[("future-jekyll-file-name", 1, 1)],
    ),
    Case(
        "jekyll-future-true-publishes-the-post",
        fm(title="Budget", date="2025-02-08 10:00:01 +0800"),
        path=JEKYLL_POST,
        site=JEKYLL_FUTURE,
        options=NOW,
    ),
    # A Jekyll page outside `_posts` is published whatever its date.
    Case(
        "jekyll-page-not-held-to-its-date",
        fm(title="About", date="2025-02-09"),
        path="site/about.md",
        site=JEKYLL_SITE,
        options=NOW,
    ),
    # A draft is left out of the build whatever its date.
    Case(
        "jekyll-draft-not-held-to-its-date",
        fm(title="Budget", date="2025-02-08 10:00:01 +0800"),
        path="site/_drafts/2025-02-09-budget.md",
        site=JEKYLL_SITE,
        options=NOW,
    ),
    # A document of another collection the site declares waits for its date as a post does,
    # dated by its front matter or else by its file name.
    Case(
        "jekyll-collection-document-future-date",
        fm(title="Launch", date="2025-02-08 10:00:01 +0800"),
        path="/site/_events/launch.md",
        site=JEKYLL_EVENTS,
        options=NOW,
        errors=[("future-jekyll-document", 3, 7)],
    ),
    Case(
        "jekyll-collection-document-future-file-name",
        fm(title="Launch"),
        path="/site/_events/2025-02-09-launch.md",
        site=JEKYLL_EVENTS,
        options=NOW,
        errors=[("future-jekyll-document-file-name", 1, 1)],
    ),
    Case(
        "jekyll-collection-document-past-date-over-its-file-name",
        fm(title="Launch", date="2025-02-08 09:00:00 +0800"),
        path="/site/_events/2025-02-09-launch.md",
        site=JEKYLL_EVENTS,
        options=NOW,
    ),
    Case(
        "jekyll-collection-document-future-true",
        fm(title="Launch", date="2025-02-08 10:00:01 +0800"),
        path="/site/_events/launch.md",
        site=Site(
            jekyll_config=Path("/site/_config.yml"),
            jekyll_collections=("/site/_events",),
            build_future=True,
        ),
        options=NOW,
    ),
    # A folder named like a collection the site does not declare holds pages.
    Case(
        "jekyll-undeclared-collection-folder-is-pages",
        fm(title="Launch", date="2025-02-08 10:00:01 +0800"),
        path="/site/_talks/launch.md",
        site=JEKYLL_EVENTS,
        options=NOW,
    ),
]


@pytest.mark.parametrize("case", JEKYLL_CASES, ids=lambda c: c.name)
def test_date_future_jekyll(case: Case) -> None:
    assert_case(DateFuture, case)


def test_jekyll_config_future_is_read_for_its_folders_only(tmp_path: Path) -> None:
    """Outside any Hugo site, the nearest `_config.yml` above a file makes it a Jekyll site's,
    whose `future` (a YAML 1.1 boolean, as Jekyll reads it) is `build_future`; the folders above
    that configuration are not its."""
    from newslint.site import clear_site_cache, site_for

    posts = tmp_path / "blog" / "_posts"
    posts.mkdir(parents=True)
    (tmp_path / "blog" / "Gemfile").write_text('gem "jekyll", "~> 4.3"\n', encoding="utf-8")
    (tmp_path / "blog" / "_config.yml").write_text("future: yes\n", encoding="utf-8")
    (tmp_path / "other.md").write_text("x\n", encoding="utf-8")
    clear_site_cache()
    post = site_for(posts / "2031-01-01-a.md")
    assert (post.jekyll_config, post.build_future) == (tmp_path / "blog" / "_config.yml", True)
    above = site_for(tmp_path / "other.md")
    assert (above.jekyll_config, above.build_future) == (None, False)
    assert post.time_zone is None  # no `timezone`: the build machine's
    (tmp_path / "blog" / "_config.yml").write_text(
        "title: Blog\ntimezone: Europe/Berlin\n", encoding="utf-8"
    )
    clear_site_cache()
    again = site_for(posts / "2031-01-01-a.md")
    assert (again.build_future, again.time_zone) == (False, "Europe/Berlin")
    clear_site_cache()


@pytest.mark.parametrize(
    ("gemfiles", "config", "builds_future"),
    [
        # `future` in `_config.yml` decides, whatever builds the site.
        ({"Gemfile": 'gem "github-pages", group: :jekyll_plugins\n'}, "future: false\n", False),
        ({"Gemfile": 'gem "jekyll", "~> 4.3"\n'}, "future: true\n", True),
        # Without it, the builder's default: Jekyll's own is false, the github-pages gem's true.
        ({"Gemfile": 'source "https://rubygems.org"\ngem "jekyll", "~> 4.3"\n'}, "", False),
        ({"Gemfile": '# gem "github-pages"\ngem "jekyll"\n'}, "title: Blog\n", False),
        ({"Gemfile": 'gem "github-pages", group: :jekyll_plugins\n'}, "title: Blog\n", True),
        ({"gems.rb": "  gem('github-pages')\n"}, "title: Blog\n", True),
        ({"../Gemfile": 'gem "jekyll"\n'}, "title: Blog\n", False),
        # No Gemfile: only GitHub Pages builds a site without one.
        ({}, "title: Blog\n", True),
    ],
)
def test_jekyll_future_default_is_the_builders(
    tmp_path: Path, gemfiles: dict[str, str], config: str, builds_future: bool
) -> None:
    from newslint.site import clear_site_cache, site_for

    blog = tmp_path / "repo" / "blog"
    (blog / "_posts").mkdir(parents=True)
    (blog / "_config.yml").write_text(config, encoding="utf-8")
    for name, text in gemfiles.items():
        (blog / name).write_text(text, encoding="utf-8")
    clear_site_cache()
    assert site_for(blog / "_posts" / "2031-01-01-a.md").build_future is builds_future
    clear_site_cache()


@pytest.mark.parametrize(
    ("config", "collections"),
    [
        ("collections: [events, posts]\n", ["_events"]),
        ("collections:\n  events:\n    output: true\n  talks: {}\n", ["_events", "_talks"]),
        ("collections: [events]\ncollections_dir: my_collections\n", ["my_collections/_events"]),
        ('collections: ["ev ents!"]\n', ["_events"]),  # Jekyll's sanitize_label
        ("collections: events\n", []),
        ("title: Blog\n", []),
    ],
)
def test_jekyll_collections_are_read(tmp_path: Path, config: str, collections: list[str]) -> None:
    from newslint.site import clear_site_cache, site_for

    (tmp_path / "_config.yml").write_text(config, encoding="utf-8")
    clear_site_cache()
    site = site_for(tmp_path / "about.md")
    assert site.jekyll_collections == tuple(str(tmp_path / c) for c in collections)
    clear_site_cache()


def test_jekyll_collection_document_reported_through_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from newslint.cli import main
    from newslint.site import clear_site_cache

    (tmp_path / "Gemfile").write_text('gem "jekyll"\n', encoding="utf-8")
    (tmp_path / "_config.yml").write_text("collections: [events]\n", encoding="utf-8")
    (tmp_path / "_events").mkdir()
    (tmp_path / "_events" / "2031-01-01-launch.md").write_text(
        "---\ntitle: Launch\n---\n\nThe launch.\n", encoding="utf-8"
    )
    (tmp_path / "about.md").write_text(
        "---\ntitle: About\ndate: 2031-01-01\n---\n\nAbout us.\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    clear_site_cache()
    code = main(["check", "--no-cache", "--select", "DT003", "--output-format", "concise", "."])
    clear_site_cache()
    out = capsys.readouterr().out
    assert "about.md" not in out  # a page: published whatever its date
    assert out.splitlines()[:1] == [
        "_events/2031-01-01-launch.md:1:1: DT003 [date-future] the date 2031-01-01T00:00:00+00:00 in "
        "the file name is in the future: Jekyll leaves the document out of its collection until "
        "then (future is off)"
    ]
    assert code == 0  # a warning, below the default `--fail-on error`
