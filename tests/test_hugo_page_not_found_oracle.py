"""page-not-found (LK010) against what hugo 0.168 writes, with the real binary as the oracle.

Marker `hugo`. Each site below is checked by newslint (LK010 alone, before any build: a `public/`
in the site would vouch for what it holds) and built by Hugo into a folder outside it; a link is
reported exactly when nothing of the build is at the path it leads to (the browser's resolution
of a relative link against the page's URL; a folder's `index.html`, or a file). The links lead
into folders of the content: a path outside them (`/forum/`) is left alone by design.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.testing import fm
from tests.hugo_pages import run_hugo, write_files

pytestmark = pytest.mark.hugo

SUMMARY = "A summary of the article that is long enough for every rule of newslint."
LAYOUTS = {
    "layouts/_default/single.html": "page",
    "layouts/_default/list.html": "list",
    "layouts/index.html": "home",
}


def page(body: str = "Text.\n", **fields: object) -> str:
    return fm(title="Story", summary=SUMMARY, body=body, **fields)


# (site files, the page of the links, its URL, the links)
SITES: dict[str, tuple[dict[str, str], str, str, list[str]]] = {
    "unwritten": (
        {
            "hugo.toml": 'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term"]\n',
            "content/news/_index.md": fm(title="News"),
            "content/news/a.md": page(build={"render": "never"}, aliases=["/old-a/"]),
            "content/news/b.md": page(build={"render": "link"}, aliases=["/old-b/"]),
            "content/news/c/index.md": page(headless=True, aliases=["/old-c/"]),
            "content/news/c/r.txt": "data",
            "content/news/d.md": page(headless=True),
            "content/news/f.md": page(
                build={"list": "never", "publishResources": False}, aliases=["/old-f/"]
            ),
            "content/news/draft.md": page(draft=True),
            "content/hidden/_index.md": fm(title="Hidden", build={"render": "never"}),
            "content/hidden/h1.md": page(aliases=["/old-h1/"]),
            "content/cas/_index.md": fm(title="Cas", cascade={"build": {"render": "never"}}),
            "content/cas/c1.md": page(aliases=["/old-c1/"]),
        },
        "content/news/links.md",
        "/news/links/",
        [
            "/news/a/",
            "/old-a/",
            "/news/b/",
            "/old-b/",
            "/news/c/",
            "/old-c/",
            "/news/c/r.txt",
            "/news/d/",
            "/news/f/",
            "/old-f/",
            "/news/draft/",
            "/hidden/",
            "/hidden/h1/",
            "/old-h1/",
            "/cas/",
            "/cas/c1/",
            "/old-c1/",
            "../a/",
            "../f/",
        ],
    ),
    # A convention's site: folders whose names hugo 0.168 rewrites in URLs (`Dealers & Artists`
    # at `/dealers--artists/`); a path written as the folder's name on disk is served by nothing.
    "rewritten-folders": (
        {
            "hugo.toml": 'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term"]\n',
            "content/Dealers & Artists/_index.md": fm(title="Dealers & Artists"),
            "content/Dealers & Artists/drip/index.md": page(),
            "content/Dealers & Artists/Tax Guide/index.md": page(),
            "content/Frequently Asked Questions/wifi/index.md": page(),
        },
        "content/faq/links.md",
        "/faq/links/",
        [
            "/dealers--artists/drip/",
            "/dealers--artists/drip2/",
            "/dealers--artists/",
            "/dealers--artists/tax-guide/",
            "/dealers--artists/taxguide/",
            "/frequently-asked-questions/wifi/",
            "/frequently-asked-questions/wi-fi/",
            "/Dealers%20%26%20Artists/drip/",
            "../../dealers--artists/drip2/",
        ],
    ),
    "slashless": (
        {
            "hugo.toml": 'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term"]\n',
            "content/news/_index.md": fm(title="News"),
            "content/news/budget.md": page(),
            "content/news/deep/story.md": page(),
            "content/news/sub/_index.md": fm(title="Sub"),
            "content/news/bundle/index.md": page(),
            "content/news/bundle/data": "1,2",
            "content/news/bundle/chart.png": "png",
            "content/about.md": page(),
            "static/files/report": "report",
            "static/news/archive/index.html": "<p>old</p>",
        },
        "content/news/links.md",
        "/news/links/",
        [
            "../budget",
            "../budjet",
            "budget",
            "../bundle/data",
            "../bundle/chart",
            "../bundle",
            "../archive",
            "../../files/report",
            "../deep",
            "../deep/story",
            "../sub",
            "../..",
            "../../about",
            "budget?x=1",
        ],
    ),
}

LANGUAGES = """baseURL = "https://example.org/"
defaultContentLanguage = "en"
disableKinds = ["taxonomy", "term"]
[languages.en]
weight = 1
[languages.fr]
weight = 2
"""
TRANSLATED = {
    "content/news/_index.md": fm(title="News"),
    "content/news/budget.md": page(aliases=["/old-budget/"]),
    "content/news/other.fr.md": page(aliases=["/old-other/", "rel-other"]),
    "content/news/both.md": page(),
    "content/news/both.fr.md": page(),
    "content/news/moved.fr.md": page(url="/news/moved-fr/"),
    "content/news/sub/_index.md": fm(title="Sub"),
    "content/news/sub/p.md": page(),
    "content/news/sub/p.fr.md": page(),
}
TRANSLATED_LINKS = [
    "/news/budget/",
    "/fr/news/budget/",
    "/en/news/budget/",
    "/news/other/",
    "/fr/news/other/",
    "/en/news/other/",
    "/news/both/",
    "/fr/news/both/",
    "/en/news/both/",
    "/news/old-budget/",
    "/fr/news/rel-other/",
    "/news/rel-other/",
    "/news/moved-fr/",
    "/fr/news/moved-fr/",
    "/news/sub/",
    "/fr/news/sub/",
    "/fr/news/sub/p/",
    "/fr/news/",
]
for name, config, files in [
    ("languages", LANGUAGES, TRANSLATED),
    (
        "languages-in-subdir",
        LANGUAGES.replace("disableKinds", "defaultContentLanguageInSubdir = true\ndisableKinds"),
        TRANSLATED,
    ),
    (
        "languages-multihost",
        LANGUAGES.replace("weight = 1", 'weight = 1\nbaseURL = "https://en.example.org/"').replace(
            "weight = 2", 'weight = 2\nbaseURL = "https://fr.example.org/"'
        ),
        TRANSLATED,
    ),
    (
        "languages-content-dirs",
        LANGUAGES.replace("weight = 1", 'weight = 1\ncontentDir = "content/en"').replace(
            "weight = 2", 'weight = 2\ncontentDir = "content/fr"'
        ),
        {
            name.replace("content/", "content/fr/" if ".fr." in name else "content/en/").replace(
                ".fr.", "."
            ): text
            for name, text in TRANSLATED.items()
        },
    ),
]:
    links_page = "content/en/news/links.md" if "dirs" in name else "content/news/links.md"
    page_url = "/en/news/links/" if "subdir" in name else "/news/links/"
    links = TRANSLATED_LINKS
    if "multihost" in name:
        # `/fr/...` on the English host is a folder of it, no content's: not judged
        links = [url for url in links if not url.startswith(("/fr/", "/en/"))]
    SITES[name] = ({"hugo.toml": config, **files}, links_page, page_url, links)

# A page at the root with `url: /about` (no slash): hugo 0.168 writes it at `/about/`, and its
# relative links resolve there.
SITES["root-url"] = (
    {
        "hugo.toml": 'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term"]\n',
        "content/news/_index.md": fm(title="News"),
        "content/news/budget.md": page(),
        "content/sub.md": page(url="/about/sub/"),
    },
    "content/about.md",
    "/about/",
    ["team/", "../news/budget/", "news/budget/", "./", "../news/", "sub/", "../about/sub/"],
)
PAGE_FIELDS = {"root-url": {"url": "/about"}}

# Top-level folders whose pages are in one language: hugo 0.168 writes a folder's list page in the
# languages with a page in it alone (its `_index` file's included).
SITES["languages-sections"] = (
    {
        "hugo.toml": LANGUAGES,
        "content/news/_index.md": fm(title="News"),
        "content/news/a.md": page(),
        "content/blog/b.md": page(),
        "content/docs/_index.fr.md": fm(title="Docs"),
        "content/docs/d.md": page(),
        "content/fronly/f.fr.md": page(),
        "content/deep/sub/s.fr.md": page(),
        "content/bundled/x/index.fr.md": page(),
        "content/bundled/x/notes.md": page(),
    },
    "content/news/links.md",
    "/news/links/",
    [
        "/fr/news/",
        "/news/",
        "/fr/blog/",
        "/blog/",
        "/fr/docs/",
        "/docs/",
        "/fronly/",
        "/fr/fronly/",
        "/deep/",
        "/fr/deep/",
        "/bundled/",
        "/fr/bundled/",
    ],
)

# A site that lists no languages, with `defaultContentLanguageInSubdir`: its pages are below `/en/`.
SITES["monolingual-in-subdir"] = (
    {
        "hugo.toml": 'baseURL = "https://example.org/"\ndefaultContentLanguageInSubdir = true\n'
        'disableKinds = ["taxonomy", "term"]\n',
        "content/news/x.md": page(),
        "content/blog/_index.md": fm(title="Blog"),
    },
    "content/news/links.md",
    "/en/news/links/",
    ["/en/news/x/", "/news/x/", "/en/news/y/", "/en/news/", "/news/", "/en/blog/", "../x/"],
)

# Where each language has a host of its own, hugo 0.168 writes the English one's files below
# `public/en/`: the host the links page is on.
HOST_FOLDER = {"languages-multihost": "en"}


def _served(public: Path, url: str) -> bool:
    """Whether a host serving `public` answers `url` (after a redirect to the folder's URL
    where the path is a folder without its slash, as `hugo server`, Netlify and GitHub Pages
    do)."""
    path = url.split("#")[0].split("?")[0].strip("/")
    target = public / path
    return target.is_file() or (target / "index.html").is_file()


@pytest.mark.parametrize("name", sorted(SITES))
def test_reported_exactly_where_hugo_writes_nothing(
    name: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    files, links_page, page_url, links = SITES[name]
    site = tmp_path / "site"
    body = "\n\n".join(f"[x]({url})" for url in links) + "\n"
    write_files(site, {**LAYOUTS, **files, links_page: page(body, **PAGE_FIELDS.get(name, {}))})
    monkeypatch.chdir(site)
    main(["check", ".", "--select", "LK010", "--output-format", "json", "--no-cache"])
    reported = {d["message"].split("'")[1] for d in json.loads(capsys.readouterr().out)}
    public = tmp_path / "public"
    run_hugo(site, "-d", str(public), "--buildDrafts")
    public = public / HOST_FOLDER.get(name, "")
    dead = {
        url
        for url in links
        if not _served(public, posixpath.normpath(posixpath.join(page_url, url)))
    }
    assert reported == dead
