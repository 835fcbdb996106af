"""A leaf bundle's other content files are its resources, not pages (hugo 0.168 publishes no page
of `news/story/notes.md` beside `news/story/index.md`): the article-level rules leave them alone,
the rules about their text do not."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.config import Config
from newslint.engine import build_ruleset, lint_path
from newslint.site import clear_site_cache
from tests.hugo_pages import write_files

ARTICLE = (
    "---\ntitle: Budget passes\ndate: 2025-02-08T09:55:35+08:00\n"
    'summary: "The budget passed on Tuesday after a long debate in parliament."\n---\n'
    "The budget passed on Tuesday.\n\n[Newsroom](https://example.com/a)\n"
)
# No front matter, no summary, no source link; a sentence run together (text, still checked).
NOTES = "Notes for the story.The vote was close.\n"


def _codes(root: Path, name: str) -> list[tuple[str, int, int]]:
    ruleset = build_ruleset(Config(), select=["ALL"])
    result = lint_path(root / name, ruleset)
    return sorted((d.code, d.line, d.column) for d in result.diagnostics)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    clear_site_cache()
    files = {
        "hugo.toml": 'baseURL = "https://example.org/"\n[languages.en]\n[languages.fr]\n',
        "content/news/story/index.md": ARTICLE,
        "content/news/story/notes.md": NOTES,
        "content/news/story/extra/deep.md": "---\ntitle: Deep\n---\nMore notes.\n",
        "content/news/story/index.fr.md": "---\ntitle: Budget\n---\nTexte.\n",
        "content/news/loose.md": NOTES,
    }
    write_files(tmp_path, files)
    return tmp_path


def test_a_resource_is_no_article(site: Path) -> None:
    # Only sentence-spacing (TX004) speaks: no FM001, FM004, LK001 or BD006.
    assert _codes(site, "content/news/story/notes.md") == [("TX004", 1, 20)]
    # A folder below the bundle's: a resource too (`sub/deep.md` in `.Resources`).
    assert [c for c in _codes(site, "content/news/story/extra/deep.md") if c[0] != "TX004"] == []


def test_the_bundle_and_other_pages_are_articles(site: Path) -> None:
    # The bundle's page in another language is a page; a file beside no index file is one too.
    assert {"FM004", "LK001"} <= {c[0] for c in _codes(site, "content/news/story/index.fr.md")}
    assert ("FM001", 1, 1) in _codes(site, "content/news/loose.md")


def test_an_index_file_in_a_language_the_site_does_not_have_is_a_resource(tmp_path: Path) -> None:
    # hugo 0.168 reads `index.fr.md` on a site without `fr` as the file `index.fr`: one of the
    # bundle's `.Resources`, no page (the same as discovery's `leaf_index`).
    clear_site_cache()
    write_files(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "content/news/story/index.md": ARTICLE,
            "content/news/story/index.fr.md": NOTES,
        },
    )
    # As a resource it is linted as a text, and file-language-unknown says the page is lost.
    assert _codes(tmp_path, "content/news/story/index.fr.md") == [
        ("FM014", 1, 1),
        ("TX004", 1, 20),
    ]


def test_without_a_site_no_file_is_taken_for_a_resource(tmp_path: Path) -> None:
    clear_site_cache()
    write_files(tmp_path, {"story/index.md": ARTICLE, "story/notes.md": NOTES})
    assert ("FM001", 1, 1) in _codes(tmp_path, "story/notes.md")


def test_a_cached_result_follows_the_bundles_index(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The cache keeps a result while the file's bytes stay: whether the folder holds an index
    # file decides it too (`index.md` added, removed).
    from newslint.cli import main

    monkeypatch.chdir(site)
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(site / ".cache"))
    write_files(site, {"content/news/other/notes.md": NOTES})
    index = site / "content" / "news" / "other" / "index.md"

    def missing_front_matter() -> bool:
        main(
            [
                "check",
                "content/news/other/notes.md",
                "--select",
                "FM001",
                "--output-format",
                "concise",
            ]
        )
        return "FM001" in capsys.readouterr().out

    assert missing_front_matter()
    index.write_text(ARTICLE, encoding="utf-8")
    assert not missing_front_matter()
    index.unlink()
    assert missing_front_matter()
