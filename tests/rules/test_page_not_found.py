from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.testing import fm

MISSING = "no page or file of the site is served at {!r}"
SUMMARY = "A summary of the article that is long enough for every rule of newslint."


def page(body: str = "Text.\n", **fields: object) -> str:
    return fm(title="Story", summary=SUMMARY, body=body, **fields)


def run(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    files: dict[str, str],
    *args: str,
    config: str = 'baseURL = "https://example.org/"\n',
) -> list[tuple[str, int, int, str]]:
    """Write a site (`hugo.toml` and `files`), check it with LK010 alone, and give what it
    reports as (path, line, column, message)."""
    (tmp_path / "hugo.toml").write_text(config, encoding="utf-8")
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    given = list(args) or ["."]
    main(["check", *given, "--select", "LK010", "--output-format", "json", "--no-cache"])
    found = json.loads(capsys.readouterr().out)
    return [(d["path"], d["line"], d["column"], d["message"]) for d in found]


SITE = {
    "content/news/_index.md": fm(title="News"),
    "content/news/budget.md": page(aliases=["/old/budget/", "vote-2024"]),
    "content/news/moved.md": page(url="/elsewhere/moved-page/"),
    "content/news/2024/slugged.md": page(slug="short-name"),
    "content/news/2024/bundle/index.md": page(),
    "content/news/2024/bundle/chart.png": "png",
    "content/news/2024/bundle/data": "1,2",
    "content/news/deep/story.md": page(),
    "content/about.md": page(),
    "static/files/report": "report",
    "static/news/archive/index.html": "<p>old</p>",
    "public/news/kept/index.html": "<p>old</p>",
}


def test_dead_links_are_reported_where_the_url_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "See [a](/news/budjet/) and [b](../budjet/?x=1#vote).\n\n[c]: /news/2024/nope\n\n[c] [d](/News/Nope/) [e](/news/2024/bundle/chart)\n"
    files = {**SITE, "content/news/a.md": page(body)}
    assert run(tmp_path, monkeypatch, capsys, files) == [
        ("content/news/a.md", 6, 9, MISSING.format("/news/budjet/")),
        ("content/news/a.md", 6, 32, MISSING.format("../budjet/?x=1#vote")),
        ("content/news/a.md", 8, 6, MISSING.format("/news/2024/nope")),
        ("content/news/a.md", 10, 9, MISSING.format("/News/Nope/")),
        # no resource of that name (`chart.png` is one), no page
        ("content/news/a.md", 10, 26, MISSING.format("/news/2024/bundle/chart")),
    ]


@pytest.mark.parametrize(
    "url",
    [
        "/news/budget/",  # its file's path
        "/NEWS/Budget",  # case and the slash at the end do not count
        "/news/budget/#vote",
        "/news/budget/?ref=home",
        "/old/budget/",  # an alias
        "/news/vote-2024/",  # a relative alias, from the page's folder URL (hugo 0.168)
        "/elsewhere/moved-page/",  # its `url`
        "/news/2024/short-name/",  # its `slug`
        "/news/2024/bundle/",  # a leaf bundle
        "/news/2024/bundle/chart.png",  # a file: a resource, static, an asset
        "/news/2024/bundle/data",  # a resource without an extension
        "/news/",  # a section
        "/news/deep/story/",  # a page in a folder below a section without `_index.md`
        "/news/page/2/",  # a pager
        "/news/archive/",  # a static folder
        "/news/kept/",  # left in `public/` by an earlier build, which a host serving it serves
        "/tags/politics/",  # a taxonomy
        "/categories/",
        "/index.xml",
        "/news/index.xml",
        "/",
        "/about/",
        "/forum/thread/",  # not a folder of the content: maybe another program on the host
        "../budget/",  # relative to the page's own URL, `/news/a/`
        "./",
        "../budget",  # no slash at the end: maybe a resource of a bundle
        "//cdn.example.org/x/",
        "https://example.org/news/nope/",
        '{{< ref "budget" >}}',
        "/news/budget.md",
    ],
)
def test_what_the_site_serves_is_not_reported(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    url: str,
) -> None:
    files = {**SITE, "content/news/a.md": page(f"See [it]({url}).\n")}
    assert run(tmp_path, monkeypatch, capsys, files) == []


def test_a_run_without_every_content_file_judges_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A pre-commit hook gives a few files: a page not in the run may set its `url` there."""
    files = {**SITE, "content/news/a.md": page("See [a](/news/budjet/).\n")}
    assert run(tmp_path, monkeypatch, capsys, files, "content/news/a.md") == []
    reported = [("content/news/a.md", 6, 9, MISSING.format("/news/budjet/"))]
    assert run(tmp_path, monkeypatch, capsys, files, "content/news/a.md", "--project") == reported


@pytest.mark.parametrize(
    "extra",
    [
        {"content/news/other.html": "<p>a page newslint does not lint</p>"},
        {"content/news/_content.gotmpl": ""},  # a content adapter adds pages
        {"content/news/c.md": page(**{"cascade": {"url": "/x/"}})},  # a URL from a cascade
        {"content/news/c.md": page(url="/:year/:unknown/")},  # a token not modelled
        {"content/news/2024/_index.md": fm(title="Y", slug="jahr")},  # moves the pages below
        {"netlify.toml": "[[redirects]]\nfrom = '/news/budjet/'\nto = '/news/budget/'\n"},
        {"static/_redirects": "/news/budjet/ /news/budget/ 301\n"},
        {".gitmodules": '[submodule "x"]\n\tpath = content/news/archive\n\turl = ../x\n'},
    ],
    ids=[
        "html-page",
        "adapter",
        "cascade-url",
        "unknown-token",
        "section-slug",
        "netlify",
        "redirects",
        "submodule",
    ],
)
def test_a_site_with_a_page_not_seen_or_not_told_judges_nothing(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    extra: dict[str, str],
) -> None:
    files = {**SITE, **extra, "content/news/a.md": page("See [a](/news/budjet/).\n")}
    assert run(tmp_path, monkeypatch, capsys, files) == []


def test_a_leaf_bundles_resource_pages_do_not_stop_the_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`notes.md` and `index.cn.md` (no language of the site) beside a bundle's `index.md` are
    its resources: hugo 0.168 makes no page of them, the run lints none, and the site's pages
    are still all seen."""
    files = {
        **SITE,
        "content/news/2024/bundle/notes.md": page(),
        "content/news/2024/bundle/index.cn.md": page(),
        "content/news/a.md": page("See [a](/news/budjet/).\n"),
    }
    assert run(tmp_path, monkeypatch, capsys, files) == [
        ("content/news/a.md", 6, 9, MISSING.format("/news/budjet/"))
    ]


def test_a_path_relative_to_the_page_without_a_dot_segment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`budget/` in the section page `/news/` is `/news/budget/`, `news/budget/` there is
    `/news/news/budget/` (hugo 0.168 writes the link as it is); `example.org/news/` is an
    address without its scheme, not a path."""
    body = "[a](budget/) [b](news/budget/) [c](example.org/news/) [d](2024/bundle/)\n"
    files = {**SITE, "content/news/_index.md": fm(title="News", body=body)}
    assert run(tmp_path, monkeypatch, capsys, files) == [
        ("content/news/_index.md", 5, 18, MISSING.format("news/budget/"))
    ]


def test_a_taxonomy_whose_plural_holds_a_slash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`news_tags = "news/tags"` lists its terms below `/news/tags/`, a path into a taxonomy
    the rule does not judge; a path beside it in the section still is."""
    config = 'baseURL = "https://example.org/"\n[taxonomies]\nnews_tag = "/news/tags"\n'
    body = "See [a](/news/tags/budget-2024/), [b](/news/tags/) and [c](/news/tagz/).\n"
    files = {**SITE, "content/news/a.md": page(body)}
    assert run(tmp_path, monkeypatch, capsys, files, config=config) == [
        ("content/news/a.md", 6, 60, MISSING.format("/news/tagz/"))
    ]


def test_a_link_copied_from_the_source_is_link_relatives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "See [a](/news/budjet/).\n\n[Reuters](https://www.reuters.com/x)\n"
    files = {**SITE, "content/news/a.md": page(body)}
    assert run(tmp_path, monkeypatch, capsys, files) == []
    own = "See [a](/news/budjet/).\n\n[Example](https://example.org/news/budget/)\n"
    files["content/news/a.md"] = page(own)
    assert run(tmp_path, monkeypatch, capsys, files) == [
        ("content/news/a.md", 6, 9, MISSING.format("/news/budjet/"))
    ]


def test_language_prefix_and_base_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = (
        'baseURL = "https://example.org/blog/"\ndefaultContentLanguage = "en"\n'
        '[languages.en]\ncontentDir = "content/en"\n[languages.fr]\ncontentDir = "content/fr"\n'
    )
    body = (
        "[a](/fr/news/budget/) [b](/blog/fr/news/budget/) [c](/fr/news/budjet/)\n\n"
        "[d](/blog/news/nope/) [e](../nope/)\n"  # relative: Hugo's link render hook is on
    )
    files = {
        "content/en/news/budget.md": page(),
        "content/fr/news/budget.md": page(),
        "content/fr/news/a.md": page(body),
    }
    assert run(tmp_path, monkeypatch, capsys, files, config=config) == [
        ("content/fr/news/a.md", 6, 54, MISSING.format("/fr/news/budjet/")),
        ("content/fr/news/a.md", 8, 5, MISSING.format("/blog/news/nope/")),
    ]


def test_a_render_link_template_may_take_a_relative_link_for_a_content_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {
        **SITE,
        "layouts/_default/_markup/render-link.html": '<a href="{{ .Destination }}">x</a>',
        "content/news/a.md": page("[a](../budjet/) [b](/news/budjet/)\n"),
    }
    assert run(tmp_path, monkeypatch, capsys, files) == [
        ("content/news/a.md", 6, 21, MISSING.format("/news/budjet/"))
    ]


def test_the_pager_path_the_site_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = 'baseURL = "https://example.org/"\n[pagination]\npath = "seite"\n'
    files = {**SITE, "content/news/a.md": page("[a](/news/seite/3/) [b](/news/folio/3/)\n")}
    assert run(tmp_path, monkeypatch, capsys, files, config=config) == [
        ("content/news/a.md", 6, 25, MISSING.format("/news/folio/3/"))
    ]


NEWS_PERMALINKS = """baseURL = "https://example.org/"
[permalinks]
news = "/news/:year/:slug/"
tags = "/news/topics/:slug/"
"""


def test_a_permalinks_pattern_adds_no_page_where_every_url_is_known(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every page's URL is told (`/news/2024/budget/`, `a.md` at `/news/2024/story/` from its
    title): a path the pattern would match but no page is at is dead; a term page's pattern
    still serves its paths."""
    body = "[a](/news/2024/budget/) [b](/news/2024/budjet/) [c](/news/topics/politics/)\n"
    files = {
        "content/news/budget.md": page(slug="budget", date="2024-05-01"),
        "content/news/a.md": page(body, date="2024-05-02"),
    }
    assert run(tmp_path, monkeypatch, capsys, files, config=NEWS_PERMALINKS) == [
        ("content/news/a.md", 7, 29, MISSING.format("/news/2024/budjet/"))
    ]


def test_a_permalinks_pattern_serves_where_a_page_url_is_not_known(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`2024-05-01-budget.md` on a site that reads dates from file names: its slug is not
    modelled, so any path of its section's pattern may be its URL."""
    config = NEWS_PERMALINKS + '[frontmatter]\ndate = [":filename", ":default"]\n'
    body = "[b](/news/2024/budjet/) [c](/elsewhere/x/)\n"
    files = {
        "content/news/2024-05-01-budget.md": page(),
        "content/news/a.md": page(body, date="2024-05-02"),
        "content/elsewhere/y.md": page(),
    }
    assert run(tmp_path, monkeypatch, capsys, files, config=config) == [
        ("content/news/a.md", 7, 29, MISSING.format("/elsewhere/x/"))
    ]


def test_a_dated_file_name_with_its_own_slug_has_a_known_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """On a site that reads dates from file names, `2024-05-01-budget.md` with `slug: vote`
    is at `/news/2024/vote/` (hugo 0.168: the page's own slug comes before the one its file
    name gives): every URL is known, and the pattern adds no page."""
    config = NEWS_PERMALINKS + '[frontmatter]\ndate = [":filename", ":default"]\n'
    body = "[a](/news/2024/vote/) [b](/news/2024/budget/)\n"
    files = {
        "content/news/2024-05-01-budget.md": page(slug="vote"),
        "content/news/a.md": page(body, date="2024-05-02"),
    }
    assert run(tmp_path, monkeypatch, capsys, files, config=config) == [
        ("content/news/a.md", 7, 27, MISSING.format("/news/2024/budget/"))
    ]


def test_sections_in_a_permalink_are_the_folders_that_are_sections(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`/:sections/:slug/`: `news/a/q.md` with `slug: vote` is at `/news/vote/` where `news/a`
    has no `_index.md` (no section of its own), `news/b/p.md` at `/news/b/vote/` (hugo 0.168)."""
    config = 'baseURL = "https://example.org/"\n[permalinks]\nnews = "/:sections/:slug/"\n'
    body = "[a](/news/vote/) [b](/news/a/vote/) [c](/news/b/vote/)\n"
    files = {
        "content/news/a/q.md": page(slug="vote"),
        "content/news/b/_index.md": fm(title="B"),
        "content/news/b/p.md": page(slug="vote"),
        "content/news/l.md": page(body, slug="l"),
    }
    assert run(tmp_path, monkeypatch, capsys, files, config=config) == [
        ("content/news/l.md", 7, 22, MISSING.format("/news/a/vote/"))
    ]


def test_the_section_of_a_page_whose_url_cannot_be_told_is_its_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page whose URL a `[permalinks]` token not modelled makes: its aliases are no section of
    the content (`/old/...`), its file's folder is (`/news/...`)."""
    config = 'baseURL = "https://example.org/"\n[permalinks]\nnews = "/:year/:unknown/"\n'
    body = "[a](/old/nope/) [b](/news/nope/)\n"
    files = {"content/news/a.md": page(body, aliases=["/old/a/"], date="2024-01-02")}
    assert run(tmp_path, monkeypatch, capsys, files, config=config) == [
        ("content/news/a.md", 9, 21, MISSING.format("/news/nope/"))
    ]


def test_a_folder_below_a_section_without_index_has_no_list_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """hugo 0.168 serves `news/deep/story.md` at `/news/deep/story/` and nothing at `/news/deep/`
    (no `news/deep/_index.md`); a top-level folder is a section with or without one."""
    files = {
        **SITE,
        "content/misc/page.md": page(),
        "content/news/a.md": page("[a](/news/deep/) [b](/news/2024/) [c](/misc/) [d](/news/)\n"),
    }
    assert run(tmp_path, monkeypatch, capsys, files) == [
        ("content/news/a.md", 6, 5, MISSING.format("/news/deep/")),
        ("content/news/a.md", 6, 22, MISSING.format("/news/2024/")),
    ]


PERMALINKS = 'baseURL = "https://example.org/"\n[permalinks]\nnews = "/:year/:month/:slug/"\n'


def test_pages_moved_by_permalinks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """hugo 0.168 serves `news/budget.md` (title "Budget Vote", 2024-03-05) at
    `/2024/03/budget-vote/` only: its file's path and a path the pattern could make but no page
    has are dead."""
    body = "[a](/2024/03/budget-vote/) [b](/2024/03/budjet-vote/) [c](/news/budget/) [d](/news/)\n"
    files = {
        "content/news/budget.md": fm(title="Budget Vote", date="2024-03-05"),
        "content/news/a.md": page(body, date="2024-03-06"),
    }
    assert run(tmp_path, monkeypatch, capsys, files, config=PERMALINKS) == [
        ("content/news/a.md", 7, 32, MISSING.format("/2024/03/budjet-vote/")),
        ("content/news/a.md", 7, 59, MISSING.format("/news/budget/")),
    ]
    # a page without a date: its URL cannot be told, so a file or a pattern still vouches
    files["content/news/undated.md"] = fm(title="Undated")
    assert run(tmp_path, monkeypatch, capsys, files, config=PERMALINKS) == []


@pytest.mark.parametrize(
    ("ugly", "reported"),
    [
        ("uglyURLs = true", ["/news/budjet.html", "/news/budget/", "/news/deep/story/"]),
        ("[uglyURLs]\nnews = true", ["/news/budjet.html", "/news/budget/", "/news/deep/story/"]),
        ("[uglyURLs]\nother = true", []),  # `.html` links outside its sections are files
    ],
)
def test_ugly_urls(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    ugly: str,
    reported: list[str],
) -> None:
    """hugo 0.168 writes `news/budget.md` as `news/budget.html` (and the sections below a
    section in the table too); an alias `/old/budget/` as `old/budget.html`."""
    config = f'baseURL = "https://example.org/"\n{ugly}\n'
    links = [
        "/news/budget.html",
        "/news/budjet.html",
        "/news/deep/story.html",
        "/news/budget/",
        "/news/deep/story/",
        "/old/budget.html",
        "/news/",
    ]
    body = "\n\n".join(f"[x]({url})" for url in links) + "\n"
    files = {
        "content/news/budget.md": page(aliases=["/old/budget/"]),
        "content/news/deep/story.md": page(),
        "content/news/a.md": page(body),
    }
    found = run(tmp_path, monkeypatch, capsys, files, config=config)
    lines = {url: 6 + 2 * index for index, url in enumerate(links)}
    assert found == [("content/news/a.md", lines[url], 5, MISSING.format(url)) for url in reported]


@pytest.mark.parametrize(
    ("index", "served", "dead"),
    [
        # hugo 0.168: `news/deep/` without `_index.md` is no section: the page is in `news`
        (False, "/news/story/", "/news/deep/story/"),
        (True, "/news/deep/story/", "/news/story/"),
    ],
)
def test_sections_are_the_folders_with_an_index_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    index: bool,
    served: str,
    dead: str,
) -> None:
    config = 'baseURL = "https://example.org/"\n[permalinks]\nnews = "/:sections/:filename/"\n'
    files = {
        "content/news/deep/story.md": page(),
        "content/other/a.md": page(f"[a]({served}) [b]({dead})\n"),
    }
    if index:
        files["content/news/deep/_index.md"] = fm(title="Deep")
    start = len(served) + 11  # after `[a](URL) [b](`
    assert run(tmp_path, monkeypatch, capsys, files, config=config) == [
        ("content/other/a.md", 6, start, MISSING.format(dead))
    ]


def test_one_section_of_the_path_by_its_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """hugo 0.168: `/gg/:sections[last]/:filename/` of `g/sub/_index.md`'s page `g/sub/p.md` is
    `/gg/sub/p/`; `[:last]` all but the last, `[0]` the first."""
    config = (
        'baseURL = "https://example.org/"\n[permalinks]\ng = "/gg/:sections[last]/:filename/"\n'
        'h = "/hh/:sections[:last]/:sections[0]/:filename/"\n'
    )
    files = {
        "content/g/sub/_index.md": fm(title="Sub"),
        "content/g/sub/p.md": page(),
        "content/h/i/_index.md": fm(title="I"),
        "content/h/i/q.md": page(),
        "content/other/a.md": page("[a](/gg/sub/p/) [b](/hh/h/h/q/) [c](/gg/g/sub/p/)\n"),
    }
    assert run(tmp_path, monkeypatch, capsys, files, config=config) == [
        ("content/other/a.md", 6, 37, MISSING.format("/gg/g/sub/p/"))
    ]


@pytest.mark.parametrize(
    ("table", "about"),
    [
        ('news = "/:year/:slug/"', "/about/"),  # no key moves a page at the root
        ('news = "/:year/:slug/"\n"/" = "/r/:slug/"', "/r/about-us/"),  # `/` does
    ],
)
def test_a_page_at_the_root_on_a_site_with_permalinks(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    table: str,
    about: str,
) -> None:
    """hugo 0.168 serves `about.md` (title "About Us") at `/about/`, or with `"/" = "/r/:slug/"`
    at `/r/about-us/`; the news page at `/2024/budget/` either way."""
    config = f'baseURL = "https://example.org/"\n[permalinks]\n{table}\n'
    files = {
        "content/about.md": fm(title="About Us", summary=SUMMARY, date="2024-01-01"),
        "content/news/budget.md": fm(title="Budget", summary=SUMMARY, date="2024-03-05"),
        "content/news/a.md": page(
            f"[a]({about}) [b](/2024/budget/) [c](/2024/budjet/)\n", date="2024-03-06"
        ),
    }
    column = len(about) + 30  # after `[a](URL) [b](/2024/budget/) [c](`
    assert run(tmp_path, monkeypatch, capsys, files, config=config) == [
        ("content/news/a.md", 7, column, MISSING.format("/2024/budjet/"))
    ]


UNWRITTEN = "{!r} leads to a page that exists but that Hugo does not write ({})"


def test_relative_links_of_a_page_hugo_does_not_write_are_not_judged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A headless bundle is shown, if anywhere, inside the page whose template draws on it: its
    relative links resolve against that page's URL; its root-relative ones are judged."""
    body = "[a](../nope/) [b](nope) [c](/news/nope/)\n"
    files = {**SITE, "content/news/parts/index.md": page(body, headless=True)}
    assert run(tmp_path, monkeypatch, capsys, files) == [
        ("content/news/parts/index.md", 7, 29, MISSING.format("/news/nope/"))
    ]


def test_a_page_hugo_does_not_write_serves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """hugo 0.168 writes neither the page nor its aliases for `build.render: never` or `link`
    and `headless: true` (a leaf bundle's or a page's), its own or cascaded (onto the section
    page too), nor a section page's list (`/hidden/`) where it writes the pages below it;
    `build.list: never` and `publishResources: false` leave the page written, and a draft counts
    as served."""
    files = {
        "content/news/_index.md": fm(title="News"),
        "content/news/a.md": page(build={"render": "never"}, aliases=["/old-a/"]),
        "content/news/b.md": page(build={"render": "link"}),
        "content/news/c/index.md": page(headless=True, aliases=["/old-c/"]),
        "content/news/c/r.txt": "data",
        "content/news/f.md": page(
            build={"list": "never", "publishResources": False}, aliases=["/old-f/"]
        ),
        "content/news/draft.md": page(draft=True),
        "content/hidden/_index.md": fm(title="Hidden", build={"render": "never"}),
        "content/hidden/h1.md": page(),
        "content/cas/_index.md": fm(title="Cas", cascade={"build": {"render": "never"}}),
        "content/cas/c1.md": page(aliases=["/old-c1/"]),
    }
    links = [
        "/news/a/",
        "/old-a/",
        "/news/b/",
        "/news/c/",
        "/old-c/",
        "/news/c/r.txt",
        "/news/f/",
        "/old-f/",
        "/news/draft/",
        "/hidden/",
        "/hidden/h1/",
        "/cas/",
        "/cas/c1/",
        "/old-c1/",
    ]
    files["content/news/links.md"] = page("\n\n".join(f"[x]({url})" for url in links) + "\n")
    found = run(tmp_path, monkeypatch, capsys, files)
    lines = {url: 6 + 2 * index for index, url in enumerate(links)}
    never, cascaded = "`build.render: never`", "`build.render: never`, from a cascade"
    assert found == [
        ("content/news/links.md", lines[url], 5, UNWRITTEN.format(url, why))
        for url, why in [
            ("/news/a/", never),
            ("/old-a/", never),
            ("/news/b/", "`build.render: link`"),
            ("/news/c/", "`headless: true`"),
            ("/old-c/", "`headless: true`"),
            ("/hidden/", never),
            ("/cas/", cascaded),
            ("/cas/c1/", cascaded),
            ("/old-c1/", cascaded),
        ]
    ]


def test_a_relative_link_without_a_slash_at_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Hugo writes `../budjet` as it is; the browser asks for `/news/budjet` from the page
    `/news/a/`, and a host (`hugo server` too) redirects to `/news/budjet/` only where that is a
    folder of the build. Silent where a page, a section, a bundle's resource or a static file is
    at the path, or an ugly URL (GitHub Pages serves `/news/b` from `news/b.html`)."""
    links = [
        "../budget",  # a page
        "../budjet",
        "budget",  # `/news/a/budget`: `a` is no bundle
        "../2024/bundle/data",  # a resource without an extension
        "../2024/bundle/chart",  # `chart.png` is one; the browser does not guess the extension
        "../archive",  # a static folder
        "../../files/report",  # a static file
        "../deep",  # a folder without `_index.md` has no list page
        "../..",
        "../../about?ref=x",
        "budget#vote",
        "undefined",  # never filled in: link-malformed's
    ]
    body = "\n\n".join(f"[x]({url})" for url in links) + "\n"
    files = {
        **SITE,
        "content/news/a.md": page(body),
        "content/news/2024/bundle/index.md": page("[x](data) [y](chart) [z](chart.png)\n"),
    }
    lines = {url: 6 + 2 * index for index, url in enumerate(links)}
    assert run(tmp_path, monkeypatch, capsys, files) == [
        ("content/news/2024/bundle/index.md", 6, 15, MISSING.format("chart")),
        *[
            ("content/news/a.md", lines[url], 5, MISSING.format(url))
            for url in ["../budjet", "budget", "../2024/bundle/chart", "../deep", "budget#vote"]
        ],
    ]


LANGUAGES = (
    'baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\n'
    "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"
)


@pytest.mark.parametrize(
    ("config", "reported"),
    [
        # hugo 0.168: the default language has no folder, French pages and aliases are below
        # `/fr/`, a page's `url` is where it says
        (LANGUAGES, ["/fr/news/budget/", "/en/news/budget/", "/news/autre/", "/news/old-fr/"]),
        # every language has its folder: `/news/budget/` is no page
        (
            LANGUAGES.replace(
                "[languages.en]", "defaultContentLanguageInSubdir = true\n[languages.en]"
            ),
            ["/news/budget/", "/fr/news/budget/", "/news/autre/", "/news/old-fr/"],
        ),
        # hosts of their own: a path is each host's (a French page is not on the English
        # host), and `/fr/...` there a folder of the English host (not judged: no content's)
        (
            LANGUAGES.replace("weight = 2", 'weight = 2\nbaseURL = "https://fr.example.org/"'),
            ["/news/autre/", "/news/old-fr/", "/news/url-fr/"],
        ),
    ],
    ids=["prefix", "in-subdir", "multihost"],
)
def test_a_translation_that_does_not_exist(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    config: str,
    reported: list[str],
) -> None:
    links = [
        "/news/budget/",
        "/fr/news/budget/",
        "/en/news/budget/",
        "/fr/news/autre/",
        "/news/autre/",
        "/fr/news/old-fr/",
        "/news/old-fr/",
        "/news/url-fr/",
    ]
    body = "\n\n".join(f"[x]({url})" for url in links) + "\n"
    files = {
        "content/news/budget.md": page(),
        "content/news/autre.fr.md": page(aliases=["/news/old-fr/"]),
        "content/news/moved.fr.md": page(url="/news/url-fr/"),
        "content/news/links.en.md": page(body),
    }
    found = run(tmp_path, monkeypatch, capsys, files, config=config)
    lines = {url: 6 + 2 * index for index, url in enumerate(links)}
    assert found == [
        ("content/news/links.en.md", lines[url], 5, MISSING.format(url)) for url in reported
    ]


def test_relative_links_of_a_page_at_a_files_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """hugo 0.168 writes `url: /news/special.html` to that file: the browser resolves its
    relative links against `/news/`."""
    files = {
        **SITE,
        "content/news/s.md": page("[a](budget) [b](budjet/) [c](./)\n", url="/news/special.html"),
    }
    assert run(tmp_path, monkeypatch, capsys, files) == [
        ("content/news/s.md", 7, 17, MISSING.format("budjet/"))
    ]


def test_relative_links_of_a_page_at_the_root_without_a_slash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """hugo 0.168 writes `url: /about` (no slash) to `about/index.html`, its permalink
    `/about/`: the browser resolves its relative links there (`team/` is `/about/team/`), as
    for `about.md` without a `url`; `url: /contact.html` to that file, below `/`."""
    body = "[a](team/) [b](../news/budget/) [c](news/budget/)\n"
    files = {
        **SITE,
        "content/about.md": page(body),
        "content/us.md": page(body, url="/us"),
        "content/contact.md": page("[a](news/budget/) [b](news/gone/)\n", url="/contact.html"),
    }
    assert sorted(run(tmp_path, monkeypatch, capsys, files)) == [
        ("content/about.md", 6, 5, MISSING.format("team/")),
        ("content/about.md", 6, 37, MISSING.format("news/budget/")),
        ("content/contact.md", 7, 23, MISSING.format("news/gone/")),
        ("content/us.md", 7, 5, MISSING.format("team/")),
        ("content/us.md", 7, 37, MISSING.format("news/budget/")),
    ]


def test_a_top_level_folders_list_page_in_a_language_without_a_page_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """hugo 0.168 writes `/fr/news/` only where `news/` holds a French page (its `_index`
    file's included), and `/fronly/` only where `fronly/` holds an English one."""
    links = ["/fr/news/", "/news/", "/fr/docs/", "/docs/", "/fronly/", "/fr/fronly/"]
    body = "\n\n".join(f"[x]({url})" for url in links) + "\n"
    files = {
        "content/news/_index.md": fm(title="News"),
        "content/news/a.md": page(),
        "content/docs/_index.fr.md": fm(title="Docs"),
        "content/docs/d.md": page(),
        "content/fronly/f.fr.md": page(),
        "content/news/links.md": page(body),
    }
    found = run(tmp_path, monkeypatch, capsys, files, config=LANGUAGES)
    assert found == [
        ("content/news/links.md", 6, 5, MISSING.format("/fr/news/")),
        ("content/news/links.md", 14, 5, MISSING.format("/fronly/")),
    ]


def test_a_monolingual_site_with_its_language_in_a_subfolder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """hugo 0.168 writes every page of a site that lists no languages below `/en/` with
    `defaultContentLanguageInSubdir`: `/en/news/y/` is judged as `/news/y/` is."""
    links = ["/en/news/x/", "/news/x/", "/en/news/y/", "/en/news/"]
    body = "\n\n".join(f"[x]({url})" for url in links) + "\n"
    files = {"content/news/x.md": page(), "content/news/links.md": page(body)}
    config = 'baseURL = "https://example.org/"\ndefaultContentLanguageInSubdir = true\n'
    assert run(tmp_path, monkeypatch, capsys, files, config=config) == [
        ("content/news/links.md", 8, 5, MISSING.format("/news/x/")),
        ("content/news/links.md", 10, 5, MISSING.format("/en/news/y/")),
    ]


def test_a_folder_whose_name_hugo_rewrites_in_urls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A convention's site: `content/Dealers & Artists/drip/index.md`, which hugo 0.168 writes to
    # /dealers--artists/drip/. A path into that folder as Hugo writes it is judged; one written
    # as the folder's name on disk still is (no server has it).
    body = (
        "[a](/dealers--artists/drip/) [b](/dealers--artists/drip2/) "
        "[c](/Dealers%20%26%20Artists/drip/)\n"
    )
    files = {
        "content/Dealers & Artists/_index.md": fm(title="Dealers & Artists"),
        "content/Dealers & Artists/drip/index.md": page(),
        "content/faq/wifi.md": page(body),
    }
    assert run(tmp_path, monkeypatch, capsys, files) == [
        ("content/faq/wifi.md", 6, 34, MISSING.format("/dealers--artists/drip2/")),
        ("content/faq/wifi.md", 6, 64, MISSING.format("/Dealers%20%26%20Artists/drip/")),
    ]
