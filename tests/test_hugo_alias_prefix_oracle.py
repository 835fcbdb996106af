"""alias-language-prefix against hugo 0.168: where Hugo writes each alias of a page in a language
with a folder (case kept: `/FR/caps-b/` goes to `fr/FR/caps-b`, not `fr/caps-b`), and that
newslint reports exactly the aliases Hugo writes one folder too deep."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.site import clear_site_cache
from tests.hugo_pages import run_hugo, write_files

pytestmark = pytest.mark.hugo

CONFIG = """baseURL = "https://example.org/"
defaultContentLanguage = "en"
{subdir}
[languages.en]
contentDir = "content/en"
weight = 1
[languages.fr]
contentDir = "content/fr"
weight = 2
"""
FILES = {
    "content/en/a.md": '---\ntitle: A\naliases: ["/en/old-a/", "/plain-a/"]\n---\nText.\n',
    "content/fr/b.md": '---\ntitle: B\naliases: ["/fr/old-b/", "/plain-b/", "/en/cross-b/", "/FR/caps-b/"]\n---\n'
    "Texte.\n",
    "layouts/_default/single.html": "{{ .Title }}",
    "layouts/_default/list.html": "list",
}


@pytest.mark.parametrize(
    ("subdir", "written", "reported"),
    [
        (
            "",
            ["en/old-a", "fr/FR/caps-b", "fr/en/cross-b", "fr/fr/old-b", "fr/plain-b", "plain-a"],
            [("content/fr/b.md", 3, 11), ("content/fr/b.md", 3, 38), ("content/fr/b.md", 3, 54)],
        ),
        (
            "defaultContentLanguageInSubdir = true",
            [
                "en/en/old-a",
                "en/plain-a",
                "fr/FR/caps-b",
                "fr/en/cross-b",
                "fr/fr/old-b",
                "fr/plain-b",
            ],
            [
                ("content/en/a.md", 3, 11),
                ("content/fr/b.md", 3, 11),
                ("content/fr/b.md", 3, 38),
                ("content/fr/b.md", 3, 54),
            ],
        ),
    ],
)
def test_the_aliases_hugo_writes_one_folder_too_deep(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    subdir: str,
    written: list[str],
    reported: list[tuple[str, int, int]],
) -> None:
    write_files(tmp_path, {"hugo.toml": CONFIG.format(subdir=subdir), **FILES})
    run_hugo(tmp_path, "build", "--quiet", "-d", str(tmp_path / "public"))
    aliases = sorted(
        str(p.parent.relative_to(tmp_path / "public"))
        for p in (tmp_path / "public").rglob("index.html")
        if any(word in str(p) for word in ("old", "plain", "cross", "caps"))
    )
    assert aliases == written
    clear_site_cache()
    monkeypatch.chdir(tmp_path)
    main(["check", "--output-format", "json", "--no-cache", "--select", "FM009", "content"])
    found = json.loads(capsys.readouterr().out)
    assert [(d["path"], d["line"], d["column"]) for d in found] == (reported)
