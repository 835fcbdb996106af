from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from newslint.rules.home_leaf_bundle import HomeLeafBundle
from newslint.site import load_site
from newslint.testing import Case, assert_case, fm

LEAF = "index.md at the root of the content folder makes the home page a leaf bundle"

CASES = [
    # A theme's example site (Jane) carries `content/index.md` beside `content/_index.md`: hugo
    # 0.168 makes the home page a leaf bundle and publishes none of the posts.
    Case("root-index", fm(title="Custom home page"), path="content/index.md", errors=[("leaf", 1, 1)]),
    Case("root-index-translated", fm(title="Accueil"), path="content/index.fr.md", errors=[("leaf", 1, 1)]),
    Case("root-index-html", "---\ntitle: Home\n---\n<p>Hi</p>\n", path="content/index.html", errors=[("leaf", 1, 1)]),
    Case("root-index-without-front-matter", "Welcome.\n", path="content/index.md", errors=[("leaf", 1, 1)]),
    Case("home-page-file", fm(title="Home"), path="content/_index.md"),
    Case("leaf-bundle-in-a-section", fm(title="Budget"), path="content/news/budget/index.md"),
    Case("section-named-index", fm(title="A"), path="content/index/a.md"),
    Case("index-like-name", fm(title="A"), path="content/indexes.md"),
    Case("not-content", "index\n", path="content/index.txt"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_home_leaf_bundle(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Each case's path is in a Hugo site in the working directory.
    monkeypatch.chdir(tmp_path)
    _site(tmp_path, 'baseURL = "https://example.org/"\n')
    site = load_site(tmp_path, tmp_path / "hugo.toml")
    assert_case(HomeLeafBundle, replace(case, site=site))


@pytest.mark.parametrize("path", ["content/index.md", "content/index.fr.md"])
def test_no_hugo_site_no_report(path: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # No Hugo configuration above the folder (a Nuxt Content or Astro project's `content/`):
    # nothing says it is a Hugo site's content root.
    from newslint.engine import check_text

    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "nuxt.config.ts").write_text("export default {}\n", encoding="utf-8")
    assert check_text(fm(title="Home"), path=path, select=["FM008"]) == []


def _site(root: Path, config: str) -> None:
    (root / "hugo.toml").write_text(config, encoding="utf-8")


@pytest.mark.parametrize(
    ("config", "folders", "path", "reported"),
    [
        # A language's contentDir is a content root; the site's `content/` is none when every
        # language has its own.
        (
            '[languages.en]\ncontentDir = "content/en"\n[languages.fr]\ncontentDir = "content/fr"\n',
            ["content/en", "content/fr"],
            "content/fr/index.md",
            True,
        ),
        (
            '[languages.en]\ncontentDir = "content/en"\n',
            ["content/en"],
            "content/en/posts/index.md",
            False,
        ),
        ('contentDir = "articles"\n', ["articles"], "articles/index.md", True),
        ('contentDir = "articles"\n', ["articles", "content"], "content/index.md", False),
    ],
)
def test_content_roots_of_the_site(
    tmp_path: Path, config: str, folders: list[str], path: str, reported: bool
) -> None:
    _site(tmp_path, config)
    for folder in folders:
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
    case = Case(
        "site",
        fm(title="Home"),
        path=str(tmp_path / path),
        site=load_site(tmp_path, tmp_path / "hugo.toml"),
        errors=[("leaf", 1, 1)] if reported else [],
    )
    assert_case(HomeLeafBundle, case)


def test_message_names_the_file_and_the_home_page_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newslint.engine import check_text

    monkeypatch.chdir(tmp_path)
    _site(tmp_path, 'baseURL = "https://example.org/"\n')
    (tmp_path / "content").mkdir()

    found = check_text(fm(title="Accueil"), path="content/index.fr.md", select=["FM008"])
    assert [(d.line, d.column, d.message) for d in found] == [
        (
            1,
            1,
            LEAF.replace("index.md", "index.fr.md")
            + ": Hugo publishes no other page of the site (rename it _index.fr.md)",
        )
    ]
