"""Content trees looked at from the rules: `pages_along` (the pages, `index` or `_index`, in each
folder down a content path, in one walk, exactly as `content_page_on_disk` finds them one depth
at a time) and `content_adapter_on_disk`, on deep trees."""

from __future__ import annotations

import random
import sys
import traceback
from pathlib import Path

import pytest

from newslint import site
from newslint.site import content_adapter_on_disk, content_page_on_disk, pages_along


@pytest.mark.parametrize("seed", range(12))
def test_pages_along_agrees_with_each_depths_lookup(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    content = tmp_path / "content"
    folder = content
    names = []
    for _ in range(rng.randrange(1, 7)):
        name = rng.choice(["news", "News", "a", "B", "s"])
        names.append(name.lower())
        folder = folder / name
        folder.mkdir(parents=True, exist_ok=True)
        for page in rng.sample(["index.md", "_index.md", "Index.fr.md", "other.md"], 2):
            (folder / page).write_text("---\ntitle: T\n---\n")
    roots = [(str(content), rng.choice(["", "", names[0]]))]
    if roots[0][1]:  # a folder mounted at `names[0]`: its paths start there
        roots = [(str(content / names[0]), names[0])]
    asked = names + ["extra"] * rng.randrange(0, 2)
    for name in ("index", "_index"):
        expected = [
            content_page_on_disk(roots, "/".join(asked[:depth]) + "/" + name)
            for depth in range(1, len(asked) + 1)
        ]
        assert pages_along(roots, asked, name) == expected, (asked, roots, name)


def test_pages_along_lists_each_folder_of_a_deep_path_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Before: duplicate-url asked depth by depth, each walk from the top: a page 800 folders deep
    # made 320,000 listings, and 2,000 deep hung the check.
    folder = tmp_path / "content"
    for _ in range(100):
        folder = folder / "s"
    folder.mkdir(parents=True)
    (folder / "index.md").write_text("---\ntitle: T\n---\n")
    listed: list[str] = []
    listing = site._listing

    def counted(place: str) -> tuple[set[str], dict[str, list[str]]]:
        listed.append(place)
        return listing(place)

    monkeypatch.setattr(site, "_listing", counted)
    found = pages_along([(str(tmp_path / "content"), "")], ["s"] * 100, "index")
    assert found == [False] * 99 + [True]
    assert len(listed) <= 2 * 101


def test_a_content_adapter_is_found_below_more_folders_than_the_recursion_limit(
    tmp_path: Path,
) -> None:
    # Before: `os.walk` recursed (Python 3.11): ref-not-found's look for a `_content.gotmpl`
    # crashed with a RecursionError in a content tree 2,000 folders deep. (A tree 200 deep under
    # a recursion limit lowered to 60 frames above this one: pytest must still be able to delete
    # the tree, which `shutil.rmtree` does by recursion too.)
    content = tmp_path / "content"
    folder = content / "/".join(["s"] * 200)
    folder.mkdir(parents=True)
    (folder / "_content.gotmpl").write_text("")
    roots = [(str(content), "")]
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(traceback.extract_stack()) + 60)
    try:
        found = content_adapter_on_disk(roots)
    finally:
        sys.setrecursionlimit(limit)
    assert found
    (folder / "_content.gotmpl").unlink()
    assert not content_adapter_on_disk(roots)
