"""file-not-found against hugo 0.168: a small site with images and links to files (a leaf bundle's,
a branch bundle's, a page of one file's relative ones, static files of a `staticDir` list and of a
theme, an `assets/` file, a space written `%20`, a name in another case, a query) is built; each
rendered `<img src>` and `<a href>` is resolved against its page's URL as a browser does, and
newslint must report exactly those whose file `public/` does not have. Under `uglyURLs`, on a
multilingual site (Hugo's own image hook) and on a multihost one (no hook)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from newslint.cli import main
from newslint.site import clear_site_cache
from tests.hugo_pages import run_hugo, write_files

pytestmark = pytest.mark.hugo

BASE = 'baseURL = "https://example.org/"\ntheme = "t"\nstaticDir = ["static", "more"]\n'
MULTILINGUAL = BASE + "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"
MULTIHOST = (
    BASE + "[languages.en]\nweight = 1\nbaseURL = 'https://en.example.org/'\n"
    "[languages.fr]\nweight = 2\nbaseURL = 'https://fr.example.org/'\n"
)
FRENCH = "content/news/story/index.fr.md"
# Each page's links: (text, destination); an image when the text starts with `i`.
LINKS = {
    "content/news/story/index.md": [
        ("i1", "photo.jpg"),
        ("i2", "vote.jpg"),
        ("i3", "my%20photo.jpg"),
        ("i4", "Photo.jpg"),
        ("i5", "photo.jpg?w=1"),
        ("l6", "docs/notes.pdf"),
        ("l7", "docs/minutes.pdf"),
        ("i8", "/images/logo.png"),
        ("i9", "/images/hidden.png"),
        ("i10", "/th/t.png"),
        ("i11", "/m.png"),
        ("i12", "/news/chart.png"),
        ("i13", "/images/nope.png"),
    ],
    "content/news/_index.md": [("i1", "banner.jpg"), ("i2", "gone.jpg")],
    "content/news/a.md": [
        ("i1", "chart.png"),
        ("i2", "../chart.png"),
        ("i3", "../story/photo.jpg"),
        ("l4", "/files/report.pdf"),
        ("l5", "/files/report.PDF"),
        # Static files are at the root of a host, not below a language's folder; a file of the
        # content tree and a bundle's resource below their own language's only.
        ("i6", "/en/images/logo.png"),
        ("i7", "/fr/images/logo.png"),
        ("i8", "/fr/news/story/photo.jpg"),
        ("i9", "/fr/news/chart.png"),
        ("i10", "/fr/news/story/photo.fr.jpg"),
        ("i11", "/news/story/photo.fr.jpg"),
        ("i12", "/en/news/chart.png"),
    ],
}
FILES = {
    "content/news/banner.jpg": "jpg",
    "content/news/chart.png": "png",
    "content/news/story/photo.jpg": "jpg",
    "content/news/story/photo.fr.jpg": "jpg",
    "content/news/story/my photo.jpg": "jpg",
    "content/news/story/docs/notes.pdf": "pdf",
    "static/images/logo.png": "png",
    "static/files/report.pdf": "pdf",
    "more/m.png": "png",
    "assets/images/hidden.png": "png",
    "themes/t/static/th/t.png": "png",
    "themes/t/layouts/_default/single.html": "<u>{{ .RelPermalink }}</u>{{ .Content }}",
    "themes/t/layouts/_default/list.html": "<u>{{ .RelPermalink }}</u>{{ .Content }}",
    "themes/t/layouts/index.html": "home",
}
_URL = re.compile(r"<u>([^<]*)</u>")
_IMG = re.compile(r'<img src="([^"]*)" alt="([^"]*)"')
_A = re.compile(r'<a href="([^"]*)">([^<]*)</a>')


def _reported(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> set[tuple[str, str]]:
    """What `newslint check --select LK011` reports on the site's content: (path, URL path)."""
    monkeypatch.chdir(site)
    clear_site_cache()
    main(["check", "content", "--select", "LK011", "--output-format", "json", "--no-cache"])
    reported = {
        (d["path"], re.search(r"at '([^']*)'", d["message"]).group(1))  # type: ignore[union-attr]
        for d in json.loads(capsys.readouterr().out)
    }
    clear_site_cache()
    return reported


def _page(links: list[tuple[str, str]]) -> str:
    body = " ".join(f"{'!' if text.startswith('i') else ''}[{text}]({url})" for text, url in links)
    return f"---\ntitle: Story\n---\n{body}\n"


@pytest.mark.parametrize(
    ("config", "unsure"),
    [
        (BASE, set()),
        (BASE + "uglyURLs = true\n", set()),
        (MULTILINGUAL, set()),
        (MULTILINGUAL + "defaultContentLanguageInSubdir = true\n", set()),
        (MULTIHOST, set()),
    ],
    ids=["plain", "ugly", "multilingual", "in-subdir", "multihost"],
)
def test_reported_exactly_where_public_lacks_the_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    config: str,
    unsure: set[tuple[str, str]],
) -> None:
    links_of = dict(LINKS)
    if "languages" in config:
        links_of[FRENCH] = LINKS["content/news/story/index.md"]
    pages = {name: _page(links) for name, links in links_of.items()}
    write_files(tmp_path, {"hugo.toml": config, **FILES, **pages})
    run_hugo(tmp_path, "build", "--quiet", "-d", str(tmp_path / "public"))
    public = tmp_path / "public"
    dead: set[tuple[str, str]] = set()
    seen = 0
    for built in public.rglob("*.html"):
        text = built.read_text(encoding="utf-8")
        found = _URL.search(text)
        inside = built.relative_to(public).as_posix()
        language = inside.partition("/")[0] if inside[:3] in ("en/", "fr/") else ""
        name = _source(inside.removeprefix(language + "/") if language else inside, language)
        if found is None or name is None:
            continue
        # A multihost site's languages are served from their own folders.
        served = public / language if config == MULTIHOST else public
        written = dict(links_of[name])
        for src, label in _IMG.findall(text) + _A.findall(text):
            seen += 1
            here = urljoin("https://example.org/", found.group(1))
            path = unquote(urlsplit(urljoin(here, html.unescape(src))).path)
            if not (served / path.lstrip("/")).is_file():
                dead.add((name, written[label]))
    assert seen >= sum(len(links) for links in links_of.values())
    reported = _reported(tmp_path, monkeypatch, capsys)
    assert len(dead) >= 4
    assert reported <= dead
    assert dead - reported == unsure


def _source(inside: str, language: str) -> str | None:
    """The content file whose page Hugo wrote to `inside` (without a language folder)."""
    for name, built in (
        ("content/news/story/index.md", ("news/story/index.html", "news/story.html")),
        ("content/news/_index.md", ("news/index.html",)),
        ("content/news/a.md", ("news/a/index.html", "news/a.html")),
    ):
        if inside in built:
            return FRENCH if language == "fr" and "story" in name else name
    return None


@pytest.mark.parametrize("hook", ["never", "always"])
def test_resources_of_a_page_that_does_not_publish_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], hook: str
) -> None:
    # `build.publishResources: false`, own and cascaded: Hugo writes the resources its own
    # render hook renders (on with "always"), no other.
    config = (
        'baseURL = "https://example.org/"\n'
        f"[markup.goldmark.renderHooks.image]\nuseEmbedded = '{hook}'\n"
        f"[markup.goldmark.renderHooks.link]\nuseEmbedded = '{hook}'\n"
    )
    layouts = {
        "layouts/_default/single.html": "{{ .Content }}",
        "layouts/_default/list.html": "{{ .Content }}",
        "layouts/index.html": "home",
    }
    pages = {
        "content/news/b/index.md": "---\ntitle: B\nbuild:\n  publishResources: false\n---\n"
        "![a](photo.jpg) [b](docs/doc.pdf)\n",
        "content/news/b/photo.jpg": "jpg",
        "content/news/b/docs/doc.pdf": "pdf",
        "content/cas/_index.md": "---\ntitle: C\ncascade:\n  build:\n    publishResources: false\n---\n",
        "content/cas/d/index.md": "---\ntitle: D\n---\n![a](d.jpg)\n",
        "content/cas/d/d.jpg": "jpg",
    }
    write_files(tmp_path, {"hugo.toml": config, **layouts, **pages})
    run_hugo(tmp_path, "build", "--quiet", "-d", str(tmp_path / "public"))
    public = tmp_path / "public"
    missing = {
        name
        for name in ("news/b/photo.jpg", "news/b/docs/doc.pdf", "cas/d/d.jpg")
        if not (public / name).is_file()
    }
    reported = {
        path.removeprefix("content/").rpartition("/")[0] + "/" + url
        for path, url in _reported(tmp_path, monkeypatch, capsys)
    }
    assert reported == missing
    assert len(missing) == (3 if hook == "never" else 0)


def test_raw_html_images_and_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # With `unsafe = true` Hugo writes raw HTML as it is, on a multilingual site too (no render
    # hook sees it): each `src` and `href` is resolved against its page's URL.
    config = MULTILINGUAL + "[markup.goldmark.renderer]\nunsafe = true\n"
    body = (
        '<img src="photo.jpg"> <a href="docs/notes.pdf">n</a> <img src="gone.jpg">\n\n'
        '<div><img src="/images/logo.png"><img src="/fr/images/logo.png"></div>\n'
    )
    pages = {
        "content/news/story/index.md": f"---\ntitle: S\n---\n{body}",
        FRENCH: f"---\ntitle: S\n---\n{body}",
    }
    write_files(tmp_path, {"hugo.toml": config, **FILES, **pages})
    run_hugo(tmp_path, "build", "--quiet", "-d", str(tmp_path / "public"))
    public = tmp_path / "public"
    dead: set[tuple[str, str]] = set()
    for name, built in (("content/news/story/index.md", "news/story/"), (FRENCH, "fr/news/story/")):
        text = (public / built / "index.html").read_text(encoding="utf-8")
        for src in re.findall(r'(?:src|href)="([^"]*)"', text):
            path = urlsplit(urljoin(f"https://example.org/{built}", src)).path
            if not (public / path.lstrip("/")).is_file():
                dead.add((name, src))
    reported = _reported(tmp_path, monkeypatch, capsys)
    assert len(dead) >= 5
    assert reported == dead


LANGUAGE_FOLDERS = (
    'baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\n'
    '[languages.en]\nweight = 1\ncontentDir = "content/en"\n'
    '[languages.fr]\nweight = 2\ncontentDir = "content/fr"\n'
)
# A school's site (en/fr): one page in each language, in a section of each, its photo only in the
# French content folder; and a French leaf bundle with its own photo.
LANGUAGE_LINKS = [
    ("i1", "../premises.jpg"),
    ("i2", "/fr/about/premises.jpg"),
    ("i3", "/about/premises.jpg"),
    ("i4", "/fr/about/visit/plan.png"),
    ("i5", "/about/visit/plan.png"),
]
LANGUAGE_PAGES = ("content/en/about/premises.md", "content/fr/about/premises.md")


@pytest.mark.parametrize("in_subdir", [False, True], ids=["root", "subdir"])
def test_a_languages_content_folder_is_served_below_its_prefix(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    in_subdir: bool,
) -> None:
    config = ("defaultContentLanguageInSubdir = true\n" if in_subdir else "") + LANGUAGE_FOLDERS
    files = {
        "hugo.toml": config,
        "content/en/about/_index.md": "---\ntitle: About\n---\n",
        "content/fr/about/_index.md": "---\ntitle: About\n---\n",
        "content/fr/about/premises.jpg": "jpg",
        "content/fr/about/visit/index.md": "---\ntitle: Visit\n---\n",
        "content/fr/about/visit/plan.png": "png",
        **{name: _page(LANGUAGE_LINKS) for name in LANGUAGE_PAGES},
        **{
            name.replace("themes/t/", ""): text for name, text in FILES.items() if "layouts" in name
        },
    }
    write_files(tmp_path, files)
    run_hugo(tmp_path, "build", "--quiet", "-d", str(tmp_path / "public"))
    public = tmp_path / "public"
    dead: set[tuple[str, str]] = set()
    for name in LANGUAGE_PAGES:
        language = name.split("/")[1]
        folder = "en/" if language == "en" and in_subdir else "" if language == "en" else "fr/"
        built = public / folder / "about/premises/index.html"
        text = built.read_text(encoding="utf-8")
        here = urljoin("https://example.org/", _URL.search(text).group(1))  # type: ignore[union-attr]
        written = dict(LANGUAGE_LINKS)
        for src, label in _IMG.findall(text):
            path = unquote(urlsplit(urljoin(here, html.unescape(src))).path)
            if not (public / path.lstrip("/")).is_file():
                dead.add((name, written[label]))
    reported = _reported(tmp_path, monkeypatch, capsys)
    assert len(dead) >= 5
    assert reported == dead
