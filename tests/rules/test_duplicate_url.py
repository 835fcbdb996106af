from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newslint.site import Site
from newslint.testing import Case, Raw, assert_case, fm, lint_project
from rules import _dates
from rules.duplicate_url import DuplicateUrl

SITE = Site(root=Path("/site"))
A = "/site/content/news/a.md"
B = "/site/content/news/b.md"
C = "/site/content/news/c.md"


def page(date: str = "2024-01-01", **fields: Any) -> str:
    return fm(title="Budget", **fields, date=date)


HOME = "URL {} is also the URL of the site's home page"


def run(files: dict[str, str], site: Site = SITE) -> list[tuple[str, int, int, str]]:
    return lint_project(DuplicateUrl, files, site=site)


def test_a_slug_that_is_another_pages_file_name() -> None:
    found = run({A: page("2024-01-02", slug="b"), B: page()})
    assert found == [(A, 3, 7, f"URL /news/b/ is also the URL of {B}")]


def test_a_slug_in_another_case_is_the_same_url() -> None:
    found = run({A: page("2024-01-02", slug="B"), B: page()})
    assert found == [(A, 3, 7, f"URL /news/b/ is also the URL of {B}")]


@pytest.mark.parametrize("url", ["/news/b", "/news/b/", "news/b/", "/news/b/index.html"])
def test_a_url_with_or_without_its_slashes(url: str) -> None:
    found = run({A: page("2024-01-02", url=url), B: page()})
    shown = "/news/b/index.html" if url.endswith(".html") else "/news/b/"
    assert found == [(A, 3, 6, f"URL {shown} is also the URL of {B}")]


@pytest.mark.parametrize("url", ["/News/B/", "/news/b.html", "https://example.org/news/b/"])
def test_a_url_hugo_writes_elsewhere(url: str) -> None:
    # hugo 0.168 keeps a `url`'s case (`public/News/B/`) and writes `b.html` as a file
    assert run({A: page(url=url), B: page()}) == []


@pytest.mark.parametrize("url", ["?", "#", "/?", "/#/"])
def test_a_url_of_a_bare_question_mark_or_hash_is_no_root(url: str) -> None:
    # Before: `?` and `#` parsed as an empty query or fragment, left `/`, which another page's
    # `url: /` has. hugo 0.168 writes them as they are (`public/?/index.html`, `public/#/...`).
    # (`url: /` takes the home page's place.)
    assert run({A: page(url="/"), B: page("2024-01-02", url=url)}) == [(A, 3, 6, HOME.format("/"))]


@pytest.mark.parametrize("url", ["//", "///"])
def test_a_url_of_slashes_alone_is_the_root(url: str) -> None:
    # hugo 0.168 writes both to `public/index.html`, as `url: /`
    found = run({A: page(url="/"), B: page("2024-01-02", url=url)})
    assert found == [(A, 3, 6, HOME.format("/")), (B, 3, 6, f"URL / is also the URL of {A}")]


def test_the_later_page_is_reported_at_the_front_matter_when_nothing_moved_it() -> None:
    found = run({A: page("2024-01-01", url="/news/b/"), B: page("2024-01-02")})
    assert found == [(B, 1, 1, f"URL /news/b/ is also the URL of {A}")]


def test_the_earliest_is_the_original() -> None:
    found = run(
        {A: page("2024-01-03", slug="c"), B: page("2024-01-02", slug="c"), C: page("2024-01-01")}
    )
    message = f"URL /news/c/ is also the URL of {C} (and 1 more)"
    assert found == [(A, 3, 7, message), (B, 3, 7, message)]


def test_a_bundle_a_section_and_a_page_share_a_path() -> None:
    bundle = "/site/content/news/b/index.md"
    section = "/site/content/news/b/_index.md"
    found = run({B: page("2024-01-01"), bundle: page("2024-01-02"), section: page("2024-01-03")})
    message = f"URL /news/b/ is also the URL of {B} (and 1 more)"
    assert found == [(section, 1, 1, message), (bundle, 1, 1, message)]


def test_an_alias_at_another_pages_url() -> None:
    found = run({A: page(aliases=["/news/old/", "/news/b/"]), B: page("2025-01-01")})
    assert found == [(A, 5, 5, f"alias /news/b/ is also the URL of {B}")]


def test_two_aliases_at_one_url() -> None:
    found = run({A: page(aliases=["/old"]), B: page("2025-01-01", aliases=["/old/"])})
    assert found == [(B, 4, 5, f"alias /old/ is also the URL of {A}")]


def test_an_alias_of_the_pages_own_url_or_relative_is_not_a_collision() -> None:
    assert run({A: page(aliases=["/news/a/", "b/"]), B: page()}) == []


@pytest.mark.parametrize(
    "fields",
    [
        {"draft": True},
        {"draft": "true"},
        {"build": {"render": "never"}},
        {"headless": True},
        {"expiryDate": "2001-01-01"},
    ],
    ids=["draft", "draft-text", "render-never", "headless", "expired"],
)
def test_pages_hugo_does_not_publish_take_no_url(fields: dict[str, Any]) -> None:
    assert run({A: page(slug="b", **fields), B: page()}) == []


def test_a_future_page_takes_its_url_when_its_day_comes(monkeypatch: pytest.MonkeyPatch) -> None:
    files = {A: page("2030-01-01", slug="b"), B: page()}
    monkeypatch.setattr(_dates, "clock", lambda: _dates.parse_cast("2029-12-31", None).time)
    assert run(files) == []
    monkeypatch.setattr(_dates, "clock", lambda: _dates.parse_cast("2030-01-02", None).time)
    assert run(files) == [(A, 3, 7, f"URL /news/b/ is also the URL of {B}")]


@pytest.mark.parametrize(
    ("settings", "fields"),
    [
        ({"raw": {"builddrafts": True}}, {"draft": True}),
        ({"build_future": True}, {"date": "2099-01-01"}),
        ({"build_expired": True}, {"expiryDate": "2001-01-01"}),
    ],
    ids=["buildDrafts", "buildFuture", "buildExpired"],
)
def test_sites_that_build_them(settings: dict[str, Any], fields: dict[str, Any]) -> None:
    site = Site(root=Path("/site"), **settings)
    files = {A: fm(title="A", slug="b", **{"date": "2024-01-02", **fields}), B: page()}
    assert run(files, site) == [(A, 3, 7, f"URL /news/b/ is also the URL of {B}")]


def test_a_sections_slug_moves_its_pages() -> None:
    files = {
        "/site/content/_index.md": fm(title="Home"),
        "/site/content/news/_index.md": fm(title="News", slug="x"),
        A: page(),
        "/site/content/x/a.md": page("2024-01-02"),
    }
    found = run(files)
    assert found == [("/site/content/x/a.md", 1, 1, f"URL /x/a/ is also the URL of {A}")]
    assert run({A: page(), "/site/content/x/a.md": page("2024-01-02")}) == []


def test_a_section_page_not_in_the_run_may_move_its_pages(tmp_path: Path) -> None:
    news = tmp_path / "content" / "news"
    news.mkdir(parents=True)
    (news / "_index.md").write_text(fm(title="News", slug="x"))
    site = Site(root=tmp_path)
    files = {str(news / "a.md"): page(), str(tmp_path / "content/x/a.md"): page("2024-01-02")}
    assert run(files, site) == []


def test_a_leaf_bundles_other_files_are_no_pages(tmp_path: Path) -> None:
    bundle = tmp_path / "content" / "news" / "b"
    bundle.mkdir(parents=True)
    (bundle / "index.md").write_text(page())
    site = Site(root=tmp_path)
    files = {
        str(bundle / "index.md"): page(),
        str(bundle / "notes.md"): page(),
        str(tmp_path / "content/news/c.md"): page("2024-01-02", url="/news/b/notes/"),
    }
    assert run(files, site) == []


def test_permalinks() -> None:
    site = Site(root=Path("/site"), raw={"permalinks": {"news": "/:year/:slug/"}})
    files = {
        A: fm(title="Budget", date="2024-05-01"),
        B: fm(title="Other", slug="budget", date="2024-06-01"),
    }
    assert run(files, site) == [(B, 3, 7, f"URL /2024/budget/ is also the URL of {A}")]


def test_permalinks_of_both_forms_in_one_table() -> None:
    # A blog (Stack theme): `post = "/p/:slug/"` beside `[permalinks.section]`; two posts whose
    # front matter gives one slug. hugo 0.168 takes the plain key for the pages and writes both
    # to /p/the-glass-door-01/ (and the section table for the sections).
    post_a, post_b = "/site/content/post/a/index.md", "/site/content/post/b/index.md"
    files = {
        post_a: page("2024-11-01", slug="the-glass-door-01"),
        post_b: page("2024-11-11", slug="the-glass-door-01"),
    }
    # (`page` is the blog's section of pages, `content/page/`, not the kind's table.)
    mixed = {"post": "/p/:slug/", "page": "/:slug/", "section": {"artwork": "/art"}}
    site = Site(root=Path("/site"), raw={"permalinks": mixed})
    message = f"URL /p/the-glass-door-01/ is also the URL of {post_a}"
    assert run(files, site) == [(post_b, 3, 7, message)]
    # Both forms name `post` for pages: which one hugo 0.168 keeps is a Go map's order.
    both = {"post": "/p/:slug/", "page": {"post": "/q/:slug/"}}
    assert run(files, Site(root=Path("/site"), raw={"permalinks": both})) == []


def test_a_permalink_token_not_modelled_is_left_alone() -> None:
    site = Site(root=Path("/site"), raw={"permalinks": {"news": "/:unknown/:slug/"}})
    assert run({A: page(slug="b"), B: page(slug="b")}, site) == []


# A page's `url` may carry permalink tokens (the Kubernetes blog writes
# `url: /:section/:year/:month/:slug/` on its posts): hugo 0.168 expands them, so two posts with
# that `url` and their own slugs are two URLs, and two with one slug are one.
TOKENS = "/:section/:year/:month/:slug/"


def test_a_url_with_permalink_tokens_is_expanded() -> None:
    assert run({A: page(slug="a", url=TOKENS), B: page(slug="b", url=TOKENS)}) == []
    found = run({A: page("2024-01-02", slug="b", url=TOKENS), B: page(slug="b", url=TOKENS)})
    assert found == [(A, 4, 6, f"URL /news/2024/01/b/ is also the URL of {B}")]


def test_a_url_keeps_the_case_of_its_text_around_the_tokens() -> None:
    # hugo 0.168 writes `url: /News/:slug/` to `public/News/b/`, `news/b.md` to `public/news/b/`
    assert run({A: page("2024-01-02", slug="b", url="/News/:slug/"), B: page()}) == []
    found = run({A: page("2024-01-02", slug="b", url="/news/:slug/"), B: page()})
    assert found == [(A, 4, 6, f"URL /news/b/ is also the URL of {B}")]


@pytest.mark.parametrize("url", ["/news/:unknown/", "/news/10:30/"])
def test_a_url_with_a_colon_not_modelled_is_left_alone(url: str) -> None:
    # hugo 0.168 fails on an unknown token and rewrites `10:30` (to `10100`)
    assert run({A: page("2024-01-02", url=url), B: page(url=url)}) == []


def test_ugly_urls() -> None:
    site = Site(root=Path("/site"), raw={"uglyurls": True})
    found = run({A: page("2024-01-02", slug="b"), B: page()}, site)
    assert found == [(A, 3, 7, f"URL /news/b.html is also the URL of {B}")]
    # an alias is a `.html` file too
    found = run({A: page(aliases=["/news/b/"]), B: page()}, site)
    assert found == [(A, 4, 5, f"alias /news/b.html is also the URL of {B}")]
    # a `url` without an extension is a folder, whatever `uglyURLs` says
    assert run({A: page(url="/news/b"), B: page()}, site) == []


@pytest.mark.parametrize(
    ("setting", "shown"),
    [
        ("true", "/news/b.html"),
        ("yes", "/news/b/"),
        ("True", "/news/b/"),
        ({"news": "True"}, "/news/b.html"),
        ({"news": "1"}, "/news/b.html"),
        ({"news": "yes"}, "/news/b/"),
    ],
)
def test_ugly_urls_as_a_string(setting: Any, shown: str) -> None:
    """hugo 0.168 turns the site's `uglyURLs` on for the string "true" as written only (`"yes"`
    and `"True"` leave it off), a section's in a table for Go's booleans (`"True"`, `"1"`): the
    page's URL and its alias follow the same reading."""
    site = Site(root=Path("/site"), raw={"uglyurls": setting})
    found = run({A: page(aliases=["/news/b"]), B: page()}, site)
    assert found == [(A, 4, 5, f"alias {shown} is also the URL of {B}")]


def test_an_alias_of_a_page_with_an_ugly_url_per_section() -> None:
    """hugo 0.168 with `[uglyURLs] news = true`: the aliases of a page of `news` are `.html`
    files wherever they point (`/other/y.html`), those of a page of `other` folders."""
    site = Site(root=Path("/site"), raw={"uglyurls": {"news": True}})
    other = "/site/content/other/c.md"
    files = {A: page(aliases=["/news/b", "/other/y"]), B: page(), other: page()}
    assert run(files, site) == [(A, 4, 5, f"alias /news/b.html is also the URL of {B}")]
    files = {
        other: page(aliases=["/news/b", "/other/d"]),
        B: page(),
        "/site/content/other/d.md": page(),
    }
    assert run(files, site) == [
        (other, 5, 5, "alias /other/d/ is also the URL of /site/content/other/d.md")
    ]


def test_a_section_page_s_alias_under_ugly_urls_per_section() -> None:
    """hugo 0.168 with `[uglyURLs] news = true` writes the aliases of `news/_index.md` and of
    `news/sub/_index.md` as `.html` files (`/old.html`), though the list pages stay folders;
    those of the home page and of another section's page as folders (the oracle:
    test_hugo_duplicate_url_oracle)."""
    site = Site(root=Path("/site"), raw={"uglyurls": {"news": True}})
    old, gone = "/site/content/old.md", "/site/content/gone/index.md"
    sub = "/site/content/news/sub/_index.md"
    files = {
        SECTION: page(aliases=["/old"]),
        sub: page(aliases=["/gone"]),
        "/site/content/_index.md": page(aliases=["/gone"]),
        old: page("2020-01-01", url="/old.html"),
        gone: page("2020-01-01"),
    }
    assert run(files, site) == [
        ("/site/content/_index.md", 4, 5, f"alias /gone/ is also the URL of {gone}"),
        (SECTION, 4, 5, f"alias /old.html is also the URL of {old}"),
    ]


def test_disable_path_to_lower_is_left_alone() -> None:
    site = Site(root=Path("/site"), raw={"disablepathtolower": True})
    assert run({A: page(slug="b"), B: page()}, site) == []


LANGUAGES = {"en": "content/en", "fr": "content/fr"}


def test_languages_have_their_prefix_and_url_has_none() -> None:
    site = Site(root=Path("/site"), languages=LANGUAGES, language_names=("en", "fr"))
    en, fr = "/site/content/en/news/b.md", "/site/content/fr/news/b.md"
    assert run({en: page(), fr: page()}, site) == []
    moved = "/site/content/fr/news/c.md"
    found = run({en: page(), moved: page("2024-01-02", url="/news/b/")}, site)
    assert found == [(moved, 3, 6, f"URL /news/b/ is also the URL of {en}")]
    # the French alias is written under /fr/
    found = run({fr: page(), "/site/content/fr/news/d.md": page(aliases=["/news/b/"])}, site)
    assert found == [
        ("/site/content/fr/news/d.md", 4, 5, f"alias /fr/news/b/ is also the URL of {fr}")
    ]


def test_an_english_folder_named_like_the_french_prefix() -> None:
    site = Site(root=Path("/site"), languages=LANGUAGES, language_names=("en", "fr"))
    en, fr = "/site/content/en/fr/news/b.md", "/site/content/fr/news/b.md"
    assert run({en: page(), fr: page("2024-01-02")}, site) == [
        (fr, 1, 1, f"URL /fr/news/b/ is also the URL of {en}")
    ]
    subdir = Site(
        root=Path("/site"),
        languages=LANGUAGES,
        language_names=("en", "fr"),
        raw={"defaultcontentlanguageinsubdir": True},
    )
    assert run({en: page(), fr: page("2024-01-02")}, subdir) == []


def test_multihost_sites_and_a_base_url_path_are_left_alone() -> None:
    multihost = Site(
        root=Path("/site"), raw={"languages": {"en": {"baseurl": "https://example.org/"}}}
    )
    assert run({A: page(slug="b"), B: page()}, multihost) == []
    base_path = Site(root=Path("/site"), raw={"baseurl": "https://example.org/blog/"})
    assert run({A: page(url="/news/b/"), B: page()}, base_path) == []
    assert run({A: page("2024-01-02", slug="b"), B: page()}, base_path) == [
        (A, 3, 7, f"URL /news/b/ is also the URL of {B}")
    ]


def test_two_sites_are_never_compared() -> None:
    east, west = Site(root=Path("/east")), Site(root=Path("/west"))
    from newslint.document import Document
    from newslint.engine import lint_document
    from newslint.runner import project_end
    from newslint.testing import _ruleset

    ruleset = _ruleset(DuplicateUrl, Case("project", ""))
    results = [
        lint_document(Document.from_text(page(), "/east/content/news/b.md", east), ruleset),
        lint_document(Document.from_text(page(), "/west/content/news/b.md", west), ruleset),
    ]
    assert list(project_end(results, ruleset)) == []


def test_outside_a_site_nothing_is_compared() -> None:
    assert lint_project(DuplicateUrl, {"a.md": page(slug="b"), "b.md": page()}) == []


CASES = [Case("single-file", page(slug="b"))]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_duplicate_url(case: Case) -> None:
    assert_case(DuplicateUrl, case)


def test_pages_of_a_disabled_kind_take_no_url() -> None:
    section = "/site/content/news/b/_index.md"
    site = Site(root=Path("/site"), raw={"disablekinds": ["section"]})
    assert run({B: page(), section: page("2024-01-02")}, site) == []
    site = Site(root=Path("/site"), raw={"disablekinds": ["page"]})
    assert run({A: page(slug="b"), B: page()}, site) == []


def test_pages_below_one_section_collide_whatever_its_slug(tmp_path: Path) -> None:
    news = tmp_path / "content" / "news"
    news.mkdir(parents=True)
    (news / "_index.md").write_text(fm(title="News", slug="x"))
    site = Site(root=tmp_path)
    a, b = str(news / "a.md"), str(news / "b.md")
    unmoved = "a `slug` of news/ or a section above it, not known here, moves both alike"
    assert run({a: page("2024-01-02", slug="b"), b: page()}, site) == [
        (a, 3, 7, f"URL /news/b/ is also the URL of {b} (as the file paths make it; {unmoved})")
    ]
    # the section page in the run, alone (its text, without the slug, is what counts)
    index = str(news / "_index.md")
    files = {index: fm(title="News"), a: page("2024-01-02", slug="b"), b: page()}
    assert run(files, site) == [(a, 3, 7, f"URL /news/b/ is also the URL of {b}")]


def test_the_runs_only_section_page_still_places_its_pages(tmp_path: Path) -> None:
    # `news/_index.md` (no slug) is the only section page of the run: it must still reach the
    # end of the run, or `news/b.md`'s URL is unknown and the `url` at it goes unreported
    news = tmp_path / "content" / "news"
    news.mkdir(parents=True)
    (news / "_index.md").write_text(fm(title="News"))
    site = Site(root=tmp_path)
    b, other = str(news / "b.md"), str(tmp_path / "content" / "other.md")
    files = {
        str(news / "_index.md"): fm(title="News"),
        b: page(),
        other: page("2024-01-02", url="/news/b/"),
    }
    assert run(files, site) == [(other, 3, 6, f"URL /news/b/ is also the URL of {b}")]


def test_a_slug_as_hugos_yaml_reads_it() -> None:
    # hugo 0.168 serves `slug: 1:30` at /news/130/ (PyYAML reads 90) and `slug: yes` at
    # /news/yes/ (PyYAML reads true)
    files = {A: page("2024-01-02", slug=Raw("1:30")), "/site/content/news/90.md": page()}
    assert run(files) == []
    files = {A: page("2024-01-02", slug=Raw("yes")), "/site/content/news/yes.md": page()}
    assert run(files) == [(A, 3, 7, "URL /news/yes/ is also the URL of /site/content/news/yes.md")]


def test_an_mdown_file_is_a_page_like_an_md_one() -> None:
    # hugo 0.168 writes `news/a.mdown` and `news/a.md` both to /news/a/ (and says nothing)
    files = {"/site/content/news/a.mdown": page("2024-01-02"), A: page()}
    assert run(files) == [
        ("/site/content/news/a.mdown", 1, 1, f"URL /news/a/ is also the URL of {A}")
    ]


def test_the_runs_only_section_page_tells_its_pages_url() -> None:
    """hugo 0.168 writes `news/b.md` and a `url: /news/b/` to one file; the section page without
    a slug, the run's only one, shares no URL with them and still says the folder is not moved."""
    news = "/site/content/news/_index.md"
    x = "/site/content/x.md"
    files = {news: fm(title="News"), B: page(), x: page("2024-01-02", url="/news/b/")}
    assert run(files) == [(x, 3, 6, f"URL /news/b/ is also the URL of {B}")]
    files[news] = fm(title="News", slug="nachrichten")
    assert run(files) == []
    files[x] = page("2024-01-02", url="/nachrichten/b/")
    assert run(files) == [(x, 3, 6, f"URL /nachrichten/b/ is also the URL of {B}")]


def test_an_index_file_in_a_language_the_site_lacks_makes_no_bundle(tmp_path: Path) -> None:
    """hugo 0.168: `news/b/index.de.md` on a site without `de` is the page `index.de`, and
    `news/b/notes.md` beside it a page at `/news/b/notes/`; with `de` a language of the site,
    the folder is a bundle in every language and `notes.md` its resource."""
    bundle = tmp_path / "content" / "news" / "b"
    bundle.mkdir(parents=True)
    (bundle / "index.de.md").write_text(page())
    (bundle / "notes.md").write_text(page())
    c = str(tmp_path / "content/news/c.md")
    files = {str(bundle / "notes.md"): page(), c: page("2024-01-02", url="/news/b/notes/")}
    notes = str(bundle / "notes.md")
    message = f"URL /news/b/notes/ is also the URL of {notes}"
    assert run(files, Site(root=tmp_path)) == [(c, 3, 6, message)]
    languages = Site(root=tmp_path, language_names=("en", "de"))
    assert run(files, languages) == []


def folders(root: Path, *names: str) -> Site:
    """A site at `root` whose content holds the files `names` (empty pages)."""
    for name in names:
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page())
    return Site(root=root)


def test_a_page_at_the_list_page_hugo_makes_for_a_folder(tmp_path: Path) -> None:
    """hugo 0.168 makes a list page at `/news/` for the top-level folder `news` without an
    `_index.md` (any page below it, a draft or a bundle's too) and writes a page with `url:
    /news/`, a `slug: news` at the root, or an alias `/news/` to the same file."""
    site = folders(tmp_path, "news/a.md", "Caps Folder/b/index.md", "dr/c.md")
    x, y = str(tmp_path / "content/x.md"), str(tmp_path / "content/y.md")
    files = {x: page(url="/news/"), y: page(slug="caps-folder", aliases=["/dr/"])}
    section = "URL {} is also the URL of the list page Hugo makes for the folder {}"
    alias = "alias {} is also the URL of the list page Hugo makes for the folder {}"
    news, caps, drafts = (
        str(tmp_path / "content" / name) + "/" for name in ("news", "Caps Folder", "dr")
    )
    assert run(files, site) == [
        (x, 3, 6, section.format("/news/", news)),
        (y, 3, 7, section.format("/caps-folder/", caps)),
        (y, 5, 5, alias.format("/dr/", drafts)),
    ]


@pytest.mark.parametrize(
    ("names", "raw", "url"),
    [
        (("news/_index.md", "news/a.md"), {}, "/news/"),  # a section page: its own slug decides
        (("news/index.md",), {}, "/news/"),  # a leaf bundle
        (("news/sub/a.md",), {}, "/news/sub/"),  # only top-level folders get one
        (("news/a.txt",), {}, "/news/"),  # no page in it
        (("news/a.fr.md",), {"languages": {"en": {}, "fr": {}}}, "/news/"),  # French pages only
        (("news/a.md",), {"disablekinds": ["section"]}, "/news/"),
        (("news/a.md",), {"permalinks": {"section": {"news": "/s/:slug/"}}}, "/news/"),
        # moved by `[permalinks.section]`: no longer at `/news/`; `:slug` is not modelled
        (("news/a.md",), {"permalinks": {"section": {"news": "/s/:section/"}}}, "/news/"),
        (("news/a.md",), {"permalinks": {"section": {"news": "/s/:slug/"}}}, "/s/news/"),
        (("news/a.md",), {}, "/news.html"),
    ],
)
def test_no_list_page_there(
    names: tuple[str, ...], raw: dict[str, Any], url: str, tmp_path: Path
) -> None:
    site = folders(tmp_path, *names)
    languages = tuple(raw.get("languages", ()))
    site = Site(root=tmp_path, raw=raw, language_names=languages, default_language="en")
    assert run({str(tmp_path / "content/x.md"): page(url=url)}, site) == []


def test_a_folders_list_page_moved_by_permalinks(tmp_path: Path) -> None:
    """hugo 0.168 puts the list page of `content/news/` (no `_index.md`) where the site's
    `[permalinks.section]` pattern for `news` says, its `:section` and `:sections` the folder's
    name (the oracle: test_hugo_duplicate_url_oracle); `blog`, not in the table, stays."""
    folders(tmp_path, "news/a.md", "blog/b.md")
    raw = {"permalinks": {"section": {"news": "/topics/:sections/"}}}
    site = Site(root=tmp_path, raw=raw)
    x, y = str(tmp_path / "content/x.md"), str(tmp_path / "content/y.md")
    files = {x: page(url="/topics/news/"), y: page(aliases=["/blog/"])}
    news, blog = (str(tmp_path / "content" / name) + "/" for name in ("news", "blog"))
    assert run(files, site) == [
        (
            x,
            3,
            6,
            f"URL /topics/news/ is also the URL of the list page Hugo makes for the folder {news}",
        ),
        (
            y,
            4,
            5,
            f"alias /blog/ is also the URL of the list page Hugo makes for the folder {blog}",
        ),
    ]


@pytest.mark.parametrize("beside", ["news.md", "News.fr.md", "news.html"])
def test_no_list_page_for_a_folder_beside_a_page_of_its_path(beside: str, tmp_path: Path) -> None:
    """hugo 0.168 makes no list page of `content/news/` when `content/news.md` (or
    `news.fr.md`, in any language) is there: that page is `/news/`, and a page with `url:
    /news/` meets it, not a list page."""
    folders(tmp_path, "news/a.md", beside)
    site = Site(root=tmp_path, language_names=("en", "fr"), default_language="en")
    assert run({str(tmp_path / "content/x.md"): page(url="/news/")}, site) == []


def test_a_folders_list_page_in_each_language(tmp_path: Path) -> None:
    """hugo 0.168 makes `/fr/news/` only of a folder that holds a French page."""
    folders(tmp_path, "news/a.fr.md", "world/b.md")
    site = Site(root=tmp_path, language_names=("en", "fr"), default_language="en")
    x = str(tmp_path / "content/x.fr.md")
    files = {x: page(slug="news"), str(tmp_path / "content/y.fr.md"): page(slug="world")}
    news = str(tmp_path / "content/news") + "/"
    assert run(files, site) == [
        (
            x,
            3,
            7,
            f"URL /fr/news/ is also the URL of the list page Hugo makes for the folder {news}",
        )
    ]


def test_a_cascade_from_the_root_may_leave_the_list_page_unwritten(tmp_path: Path) -> None:
    """hugo 0.168 writes no `/news/` for the folder when the content root's `_index.md`
    cascades `build: {render: never}` onto sections: the page with `url: /news/` stands alone."""
    site = folders(tmp_path, "news/a.md")
    cascade = "---\ntitle: Home\ncascade:\n  build:\n    render: never\n  target:\n    kind: section\n---\n"
    (tmp_path / "content/_index.md").write_text(cascade)
    x = str(tmp_path / "content/x.md")
    assert run({x: page(url="/news/")}, site) == []
    (tmp_path / "content/_index.md").write_text(fm(title="Home"))
    news = str(tmp_path / "content/news") + "/"
    site = Site(root=tmp_path)  # the cascade is read once per site
    assert run({x: page(url="/news/")}, site) == [
        (x, 3, 6, f"URL /news/ is also the URL of the list page Hugo makes for the folder {news}")
    ]


@pytest.mark.parametrize(
    ("slug", "other", "url"),
    [
        # hugo 0.168 drops every character but letters, digits, marks and `._-~@+` from a slug:
        # CJK brackets and full stops, Arabic and Devanagari punctuation, the Persian ZWNJ
        ("ニュース「速報」。", "ニュース速報", "/news/ニュース速報/"),
        ("خبر؟ عاجل", "خبر-عاجل", "/news/خبر-عاجل/"),
        ("समाचार। आज", "समाचार-आज", "/news/समाचार-आज/"),
        ("می\u200cرود", "میرود", "/news/میرود/"),
        # and keeps marks: Thai tone marks, Hebrew points
        ("ข่าว ไทย", "ข่าว-ไทย", "/news/ข่าว-ไทย/"),
        # then lowers the case as Go does, without a final sigma
        ("ΟΔΟΣ", "οδοσ", "/news/οδοσ/"),
    ],
)
def test_slugs_in_other_scripts_that_hugo_makes_one_url(slug: str, other: str, url: str) -> None:
    found = run({A: page("2024-01-02", slug=slug), B: page(slug=other)})
    assert found == [(A, 3, 7, f"URL {url} is also the URL of {B}")]


def test_a_final_sigma_is_another_url() -> None:
    # `ΟΔΟΣ` is `οδοσ` in hugo 0.168's URL, and `οδος` (with `ς`) stays as it is
    assert run({A: page("2024-01-02", slug="ΟΔΟΣ"), B: page(slug="οδος")}) == []


SECTION = "/site/content/news/_index.md"


def test_a_slug_index_puts_the_page_at_its_sections_list_page() -> None:
    """hugo 0.168 writes `news/a.md` with `slug: index` to `news/index.html`, over the list page
    of `news/_index.md`: the page is the one reported, whatever the dates."""
    found = run({A: page("2020-01-01", slug="index"), SECTION: page("2024-01-01")})
    assert found == [(A, 3, 7, f"slug `index` puts the page at /news/, the URL of {SECTION}")]


def test_a_slug_index_at_the_top_is_the_home_page() -> None:
    top, home = "/site/content/a.md", "/site/content/_index.md"
    found = run({top: page(slug="index"), home: page()})
    assert found == [(top, 3, 7, f"slug `index` puts the page at /, the URL of {home}")]


@pytest.mark.parametrize(
    ("path", "slug"),
    [
        (A, "Index"),  # only `index` as written: hugo 0.168 writes `news/index/index.html`
        (A, " index "),
        ("/site/content/news/b/index.md", "index"),  # a leaf bundle: `news/index/index.html`
    ],
)
def test_a_slug_hugo_does_not_put_at_the_folders_url(path: str, slug: str) -> None:
    assert run({path: page(slug=slug), SECTION: page()}) == []


def test_a_page_at_the_home_page_s_url_without_its_file() -> None:
    """hugo 0.168 makes the home page without `content/_index.md`: a top-level `slug: index`
    and a `url: /` take its place all the same (the oracle: test_hugo_duplicate_url_oracle);
    the French home page is at `/fr/`; with the home page disabled, no home page is there."""
    top, url = "/site/content/a.md", "/site/content/news/u.md"
    french = "/site/content/b.fr.md"
    files = {top: page(slug="index"), url: page(url="/"), french: page(slug="index")}
    site = Site(root=Path("/site"), language_names=("en", "fr"), default_language="en")
    assert run(files, site) == [
        (top, 3, 7, f"slug `index` puts the page at /, the URL of {url}"),
        (french, 3, 7, "slug `index` puts the page at /fr/, the URL of the site's home page"),
        (url, 3, 6, "URL / is also the URL of the site's home page"),
    ]
    home = "/site/content/_index.md"
    assert run({top: page("2024-01-02", slug="index"), home: page()}) == [
        (top, 3, 7, f"slug `index` puts the page at /, the URL of {home}")
    ]
    quiet = Site(root=Path("/site"), raw={"disablekinds": ["home"]})
    assert [found for found in run(files, quiet) if "home page" in found[3]] == []
    # A page's alias at `/` is none (`aliases: [/]` writes no redirect over the home page);
    # `content/index.md` is the home page itself (a leaf bundle: home-leaf-bundle says so).
    assert run({top: page(aliases=["/"])}) == []
    assert run({"/site/content/index.md": page()}) == []


def test_a_slug_index_under_ugly_urls() -> None:
    # `uglyURLs`: `news/index.html` anyway, the section's list page too
    site = Site(root=Path("/site"), raw={"uglyurls": True})
    found = run({A: page("2020-01-01", slug="index"), SECTION: page("2024-01-01")}, site)
    message = f"slug `index` puts the page at /news/index.html, the URL of {SECTION}"
    assert found == [(A, 3, 7, message)]


def test_a_slug_index_at_the_list_page_hugo_makes_for_a_folder(tmp_path: Path) -> None:
    site = folders(tmp_path, "news/b.md")
    a = str(tmp_path / "content/news/a.md")
    news = str(tmp_path / "content/news") + "/"
    message = f"URL /news/ is also the URL of the list page Hugo makes for the folder {news}"
    assert run({a: page(slug="index")}, site) == [(a, 3, 7, message)]


def test_a_section_page_moved_by_permalinks_section() -> None:
    """hugo 0.168 expands a section page's `[permalinks.section]` pattern with its own folder:
    `:sections` is its path (`news/sub`), `:section` its top-level section (the oracle:
    test_hugo_duplicate_url_oracle); `url: /news/` then meets no list page."""
    news, sub = "/site/content/news/_index.md", "/site/content/news/sub/_index.md"
    x, y = "/site/content/x.md", "/site/content/y.md"
    files = {
        news: fm(title="News"),
        sub: fm(title="Sub", slug="subby"),
        x: page(url="/topics/news/sub/"),
        y: page(url="/news/"),
    }
    site = Site(root=Path("/site"), raw={"permalinks": {"section": {"news": "/topics/:sections/"}}})
    assert run(files, site) == [(sub, 3, 7, f"URL /topics/news/sub/ is also the URL of {x}")]
    site = Site(root=Path("/site"), raw={"permalinks": {"section": {"news": "/s/:section/x"}}})
    assert run({news: files[news], sub: files[sub]}, site) == [
        (sub, 3, 7, f"URL /s/news/x/ is also the URL of {news}")
    ]


def test_disable_path_to_lower_keeps_a_folders_case(tmp_path: Path) -> None:
    """Under `disablePathToLower` hugo 0.168 writes the list page of `content/News/` to
    `/News/`, not to the alias `/news/`; and keeps the case of some of a `url`'s tokens
    (`:filename`, `:title`) and not of others (`:sections`): neither is a duplicate here."""
    folders(tmp_path, "News/a.md", "News/Budget.md")
    site = Site(root=tmp_path, raw={"disablepathtolower": True})
    budget, x = str(tmp_path / "content/News/Budget.md"), str(tmp_path / "content/x.md")
    files = {
        budget: page(url="/u/:sections/:filename/"),
        x: page(aliases=["/news/", "/u/news/budget/"]),
    }
    assert run(files, site) == []
    lower = Site(root=tmp_path)
    assert [found[:3] for found in run(files, lower)] == [(x, 4, 5), (x, 5, 5)]
