"""Content mounts (`[[module.mounts]]` with a `content` target), with `hugo` as the oracle.

When a site mounts folders into `content`, those folders are what Hugo builds from (neither
`content/` nor a language's `contentDir` is read any more), a mount for one language gives its
pages that language, and `target = "content/blog"` serves a folder's pages under `/blog/`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.site import Mount, clear_site_cache, site_for
from tests.test_peer_site_d import BASE, hugo_pages, lint, page, write

pytestmark = pytest.mark.hugo

LANGUAGES = (
    'defaultContentLanguage = "en"\n[languages.en]\nweight = 1\n'
    '[languages.zh]\nweight = 2\ncontentDir = "content/zh"\n'
)
MOUNTS = (
    '[[module.mounts]]\nsource = "articles/en"\ntarget = "content"\n'
    '[module.mounts.sites.matrix]\nlanguages = ["en"]\n'
    '[[module.mounts]]\nsource = "articles/zh"\ntarget = "content"\n'
    '[module.mounts.sites.matrix]\nlanguages = ["zh"]\n'
    '[[module.mounts]]\nsource = "blog"\ntarget = "content/blog"\n'
    '[[module.mounts]]\nsource = "files"\ntarget = "static/media"\n'
)
# Chinese text is a language-mismatch (TX007) exactly on the pages Hugo builds in English.
CHINESE = (
    '---\ntitle: "市议会批准了明年的预算案"\ndate: 2024-06-01T10:00:00+00:00\n'
    'summary: "市议会周二经过长时间辩论后批准了明年的预算案，议员们对此意见不一。"\n---\n\n'
    "市议会周二经过长时间辩论后批准了明年的预算案，议员们对此意见不一。\n\n"
    "[新闻网](https://example.com/news/zh)\n"
)


@pytest.fixture
def mounted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    monkeypatch.chdir(root)
    clear_site_cache()
    write(root, {"hugo.toml": BASE + LANGUAGES + MOUNTS})
    files = {
        "articles/en/news/a.md": page("Council approves the budget"),
        "articles/en/news/b.zh.md": CHINESE,  # the file name's language wins over the mount's
        "articles/en/news/h.md": CHINESE,  # Chinese text on an English page
        "articles/zh/news/c.md": CHINESE,
        "blog/d.md": page("Notes from the newsroom"),
        "content/news/e.md": page("Never built: the mounts replace content/"),
        "content/zh/news/f.md": CHINESE,  # never built: the mounts replace contentDir too
        "files/chart.png": "",  # served as /media/chart.png
        "static/logo.png": "",  # not served: the static mount replaces static/
    }
    write(root, files)
    return root


def test_the_files_linted_and_their_languages_are_those_hugo_builds(
    mounted: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built = hugo_pages(mounted, tmp_path)
    assert {path: one.lang for path, one in built.items()} == {
        "articles/en/news/a.md": "en",
        "articles/en/news/b.zh.md": "zh",
        "articles/en/news/h.md": "en",
        "articles/zh/news/c.md": "zh",
        "blog/d.md": "en",
    }
    found = lint(capsys, monkeypatch, None, "--select", "TX007")
    assert [(d["path"], d["line"]) for d in found] == [
        ("articles/en/news/h.md", 2),
        ("articles/en/news/h.md", 4),
        ("articles/en/news/h.md", 7),
    ]
    linted = lint(capsys, monkeypatch, None, "--select", "TX002", "--config", "rules.TX002.min=200")
    assert sorted({d["path"] for d in linted}) == sorted(built)


def test_a_mount_s_language_and_place_in_the_content_tree(mounted: Path) -> None:
    site = site_for(mounted / "hugo.toml")
    assert site.content_mounts == (
        Mount("articles/en", "", "en"),
        Mount("articles/zh", "", "zh"),
        Mount("blog", "blog", None),
    )
    assert site.content_dirs() == [
        mounted / "articles/en",
        mounted / "articles/zh",
        mounted / "blog",
    ]
    assert site.language_of("articles/zh/news/c.md") == "zh"
    assert site.language_of("blog/d.md") == "en"
    assert site.content_path("blog/d.md") == "blog/d.md"
    assert site.content_path("articles/zh/news/c.md") == "news/c.md"
    assert site.content_path("content/news/e.md") is None


def test_the_older_lang_key_names_the_mount_s_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Hugo before 0.153 wrote `lang`; 0.153 replaced it with `sites.matrix.languages`.
    monkeypatch.chdir(tmp_path)
    clear_site_cache()
    write(
        tmp_path,
        {
            "config.yaml": "languages:\n  en: {weight: 1}\n  zh-CN: {weight: 2}\n"
            "module:\n  mounts:\n    - {source: posts/zh, target: content, lang: zh-cn}\n"
            "    - {source: posts/all, target: content, sites: {matrix: {languages: ['**']}}}\n",
            "posts/zh/a.md": page("x"),
        },
    )
    site = site_for(tmp_path / "config.yaml")
    assert site.content_mounts == (
        Mount("posts/zh", "", "zh-CN"),
        Mount("posts/all", "", None),  # a pattern names no one language
    )
    assert site.language_of("posts/zh/a.md") == "zh-CN"


def test_relative_links_resolve_through_the_mounts_targets(
    mounted: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    body = (
        "See [the notes](/blog/d/), [the budget](/news/a/), [a lost page](/blog/missing/), "
        "![a chart](/media/chart.png) and ![the logo](/logo.png)."
    )
    write(mounted, {"articles/en/news/g.md": page("Council vote", body=body)})
    served = {
        p.relative_to(tmp_path / "hugo-public").as_posix() for p in _public(mounted, tmp_path)
    }
    assert {"media/chart.png", "blog/d/index.html", "news/a/index.html"} <= served
    assert not {"logo.png", "blog/missing/index.html"} & served
    found = lint(capsys, monkeypatch, None, "--select", "LK003", "articles/en/news/g.md")
    assert [(d["code"], d["line"], d["column"]) for d in found] == [
        ("LK003", 7, 66),
        ("LK003", 7, 128),
    ]


def _public(site: Path, tmp_path: Path) -> list[Path]:
    """The files `hugo` writes for `site`."""
    hugo_pages(site, tmp_path)
    return [p for p in (tmp_path / "hugo-public").rglob("*") if p.is_file()]


# A folder of English pages mounted again into each translation (fallback pages, as
# opentelemetry.io mounts `content/en/announcements` for every language), and a folder mounted
# for French alone inside a mount of the default language's.
FALLBACK = (
    'defaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.zh]\nweight = 2\n'
    "[languages.fr]\nweight = 3\n"
    '[[module.mounts]]\nsource = "site/en"\ntarget = "content"\n'
    '[[module.mounts]]\nsource = "site/zh"\ntarget = "content"\n'
    '[module.mounts.sites.matrix]\nlanguages = ["zh"]\n'
    '[[module.mounts]]\nsource = "site/en/events"\ntarget = "content/events"\n'
    '[module.mounts.sites.matrix]\nlanguages = ["zh"]\n'
    '[[module.mounts]]\nsource = "site/en/events"\ntarget = "content/events"\n'
    '[module.mounts.sites.matrix]\nlanguages = ["fr"]\n'
    '[[module.mounts]]\nsource = "site/en/guest"\ntarget = "content/guest"\n'
    '[module.mounts.sites.matrix]\nlanguages = ["zh"]\n'
)


def test_fallback_pages_mounted_into_each_language_are_in_their_own_folder_s_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "site"
    root.mkdir()
    monkeypatch.chdir(root)
    clear_site_cache()
    write(
        root,
        {
            "hugo.toml": BASE + FALLBACK,
            "site/en/events/summit.md": page("Observability summit opens in Tokyo"),
            "site/en/guest/column.md": CHINESE,  # mounted for Chinese alone: Chinese
            "site/en/guest/notes.md": page("Notes from the newsroom"),
            "site/zh/news/c.md": CHINESE,
        },
    )
    hugo_pages(root, tmp_path)
    served = {
        p.parent.relative_to(tmp_path / "hugo-public").as_posix()
        for p in (tmp_path / "hugo-public").rglob("index.html")
    }
    # Hugo builds the fallback page in every language whose mount brings it in.
    assert {"events/summit", "zh/events/summit", "fr/events/summit"} <= served
    assert {"guest/column", "zh/guest/column"} <= served
    site = site_for(root / "hugo.toml")
    assert site.language_of(root / "site/en/events/summit.md") == "en"
    assert site.language_of(root / "site/en/guest/column.md") == "zh"
    assert site.language_of(root / "site/zh/news/c.md") == "zh"
    found = lint(capsys, monkeypatch, None, "--select", "TX007")
    assert [(d["path"], d["line"]) for d in found] == [
        ("site/en/guest/notes.md", 2),
        ("site/en/guest/notes.md", 4),
        ("site/en/guest/notes.md", 7),
    ]
