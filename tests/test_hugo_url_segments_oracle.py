"""URL segments as hugo 0.168 makes them of terms, slugs and titles, with the real binary as the
oracle.

Marker `hugo`. Slugs and titles: one page per text with it as `slug`, one with it as `title`
under a `[permalinks]` pattern `/:title/`; `hugo list all` gives their permalinks, and
link-fragment's `urlized` must make the same segment of each, or none (not modelled).

Terms: One page carries every term below as a tag; the build writes a term page for each
(the folder under `public/tags/`, named by its URL segment). `newslint.site.path_segment`
must give the segments Hugo writes, one per term, so that a link to
the term page of one of the article's own terms is not reported and a link to a segment Hugo
does not write is.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import unquote

import pytest

from newslint.rules._page_urls import urlized
from newslint.site import path_segment
from tests.hugo_pages import run_hugo, write_files

pytestmark = pytest.mark.hugo

# Terms whose segments differ from one another (two that make one segment make one page).
TERMS = [
    "Hong Kong", "C++", "Über", "S&P 500", "U.S.", "100%", "#hashtag", "  spaced  out ",
    "CamelCase", "中文 标签", "a_b", "Q&A", "what?", "it's", "3.5", "été!", "a\tb", "a~b", "a@b",
    "%41b", "a%zz", "e\u0301t", "a - b", "a--b", "a\\b", "x²", "a=b", "٣",
]  # fmt: skip


@pytest.fixture(scope="module")
def segments(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The URL segments of Hugo's term pages."""
    root = tmp_path_factory.mktemp("terms")
    files = {
        "hugo.toml": 'baseURL = "https://example.org/"\n',
        "content/a.md": "---\ntitle: a\ntags: " + json.dumps(TERMS) + "\n---\nText.\n",
        "layouts/_default/single.html": "page",
        "layouts/_default/list.html": "list",
    }
    write_files(root, files)
    run_hugo(root, "-d", str(root / "public"))
    tags = root / "public" / "tags"
    return {
        os.path.relpath(folder, tags)
        for folder, _, names in os.walk(tags)
        if "index.html" in names and Path(folder) != tags
    }


def test_every_term_has_the_segment_hugo_writes(segments: set[str]) -> None:
    assert {path_segment(term) for term in TERMS} == segments
    assert len(segments) == len(TERMS)


TEXTS = [
    "C++ & Go", "S&P 500", "What?", "a  b", "été!", "x²", "it's", "Hong Kong", "a_b", "#tag",
    "a~b", "a@b", "100%", "a/b", "a.b", "  lead", "a - b", "a -- b", "Trailing !", "Ünï Cödé",
    "中文 标签", "a\tb", "What's up? A: b, c!", "A (b) [c]",
    "%41bc", "a%zz", "İstanbul", "ΣΑΣ", "emoji 😀 x", "a–b", "-lead", "trail-", "- a", "a -",
    "a;b=c$d*e|f<g", "a\u200bb", "a’b «c»", "a\u0301b", "Ⅻ x", "a\u00a0b", "a - - b", "ǅx",
    "中文 标签", "a\tb", "What's up? A: b, c!", "A (b) [c]", "新闻「北京」。", "خبر؟ عاجل",
    "می\u200cرود", "ข่าว ไทย", "समाचार। आज", "ΟΔΟΣ", "İstanbul", "a\u200bb\u200fc", "“a” «b»",
    "a + b", "a+b", "x-+y", "Disney+ news", "🔥 hot",
]  # fmt: skip


def test_slugs_and_titles_make_the_segments_hugo_makes(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    root = tmp_path_factory.mktemp("slugs")
    files = {"hugo.toml": 'baseURL = "https://example.org/"\n[permalinks]\nt = "/t/:title/"\n'}
    for index, text in enumerate(TEXTS):
        for section, key in (("s", "slug"), ("t", "title")):
            files[f"content/{section}/p{index}.md"] = (
                f"---\n{key}: {json.dumps(text)}\n---\nText.\n"
            )
    write_files(root, files)
    permalinks = _permalinks(run_hugo(root, "list", "all"))
    for index, text in enumerate(TEXTS):
        for section, title in (("s", False), ("t", True)):
            made = urlized(text, title=title)
            served = permalinks[f"content/{section}/p{index}.md"]
            # Hugo writes a slug's `%41` as it is (the folder `public/s/%41bc/`), and its
            # permalink shows it so: decoding it would make `A` of it
            served = served if "%" in (made or "") else unquote(served)
            if made is not None:
                assert served == f"https://example.org/{section}/{made}/", (text, title)


# File names (each a page of the section `n`; `%41x` is left out: its URL is escaped).
NAMES = [
    "My Article", "a  b", " lead", "a - b", "Ça---va", "x²", "it's", "What?", "a~b", "a@b",
    "100%", "a+b", "trail ", "A (b) [c]", "a=b", "a\tb", "Été Rapport", "a&b", "İx", "ΣΑΣ",
    "100%", "a+b", "trail ", "A (b) [c]", "a=b", "a\tb", "Été Rapport", "a&b", "ΟΔΟΣ",
    "İstanbul", "ข่าว ไทย", "می\u200cرود",
]  # fmt: skip


def test_file_names_make_the_segments_hugo_makes(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    root = tmp_path_factory.mktemp("names")
    files = {"hugo.toml": 'baseURL = "https://example.org/"\n'}
    for name in NAMES:
        files[f"content/N/{name}.md"] = "---\ntitle: t\n---\nText.\n"
    write_files(root, files)
    permalinks = _permalinks(run_hugo(root, "list", "all"))
    for name in NAMES:
        served = unquote(permalinks[f"content/N/{name}.md"])
        assert served == f"https://example.org/n/{path_segment(name)}/", name


def _permalinks(listing: str) -> dict[str, str]:
    """Each content file's permalink, from the CSV `hugo list all` prints."""
    return {row.split(",")[0]: row.split(",")[-3] for row in listing.splitlines()[1:]}
