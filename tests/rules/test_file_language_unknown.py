from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from newslint.rules.file_language_unknown import FileLanguageUnknown, is_language_tag
from newslint.site import load_site
from newslint.testing import Case, assert_case, case_reports, fm

TWO = "[languages.en]\nweight = 1\n[languages.de]\nweight = 2\n"
ONE = 'baseURL = "https://example.org/"\n'
FR_OFF = TWO + "[languages.fr]\nweight = 3\ndisabled = true\n"
FR_LISTED_OFF = 'disableLanguages = ["fr"]\n' + TWO + "[languages.fr]\nweight = 3\n"
OWN_DIRS = '[languages.en]\ncontentDir = "content/en"\n[languages.de]\ncontentDir = "content/de"\n'


@dataclass
class SiteCase:
    case: Case
    config: str = TWO
    beside: tuple[str, ...] = ()  # other content files on disk


def _on(
    name: str, path: str, config: str = TWO, *beside: str, errors: list | None = None
) -> SiteCase:
    return SiteCase(Case(name, fm(title="Titre"), path=path, errors=errors or []), config, beside)


CASES = [
    # fipguide: hugo 0.168 makes index.fr.md a resource of the en bundle, published nowhere
    _on("bundle-index-beside-translations", "content/news/14/index.fr.md", TWO,
        "content/news/14/index.en.md", "content/news/14/index.de.md", errors=[("resource", 1, 1)]),
    _on("bundle-of-a-plain-index", "content/news/14/index.fr.md", TWO,
        "content/news/14/index.md", errors=[("resource", 1, 1)]),
    # hugo 0.168: the en page `post.fr` at /posts/post.fr/
    # newslint lints a bundle's page, not its resources: the page of the language it goes to
    _on("bundle-page-of-the-default-language", "content/news/14/index.en.md", TWO,
        "content/news/14/index.de.md", "content/news/14/index.fr.md",
        errors=[("bundle-resource", 1, 1)]),
    _on("bundle-page-of-another-language", "content/news/14/index.de.md", TWO,
        "content/news/14/index.en.md", "content/news/14/index.fr.md"),
    # hugo 0.168 lists index.fr.md as a resource of no page here: the bundle's first language
    _on("bundle-without-the-default-language", "content/news/16/index.de.md", TWO,
        "content/news/16/index.fr.md", errors=[("bundle-resource", 1, 1)]),
    _on("plain-bundle-index", "content/news/17/index.md", TWO, "content/news/17/index.de.md",
        "content/news/17/index.fr.md", errors=[("bundle-resource", 1, 1)]),
    _on("bundle-losing-two", "content/news/14/index.en.md", TWO, "content/news/14/index.fr.md",
        "content/news/14/index.it.md", errors=[("bundle-resource", 1, 1)] * 2),
    _on("one-language-bundle-page", "content/posts/b/index.md", ONE,
        "content/posts/b/index.fr.md", errors=[("bundle-resource", 1, 1)]),
    _on("bundle-page-losing-nothing", "content/news/14/index.en.md", TWO,
        "content/news/14/index.de.md", "content/news/14/notes.fr.md"),
    _on("bundle-page-of-a-disabled-language", "content/news/14/index.en.md", FR_OFF,
        "content/news/14/index.fr.md"),
    _on("page-beside-its-translation", "content/posts/post.fr.md", TWO,
        "content/posts/post.en.md", errors=[("page", 1, 1)]),
    _on("page-alone-on-a-multilingual-site", "content/posts/lone.fr.md", errors=[("page", 1, 1)]),
    # alone in its folder, index.fr.md is the en page `index.fr` at /news/15/index.fr/
    _on("index-alone-is-a-page", "content/news/15/index.fr.md", errors=[("page", 1, 1)]),
    # a section's _index.fr.md is the en page `_index.fr` of the section
    _on("section-index", "content/news/_index.fr.md", TWO, "content/news/_index.md",
        errors=[("page", 1, 1)]),
    _on("region-tag", "content/posts/x.pt-br.md", errors=[("page", 1, 1)]),
    _on("tag-in-capitals", "content/posts/x.FR.md", errors=[("page", 1, 1)]),
    _on("one-language-beside-its-page", "content/posts/post.fr.md", ONE, "content/posts/post.md",
        errors=[("page", 1, 1)]),
    _on("one-language-bundle", "content/posts/b/index.fr.md", ONE, "content/posts/b/index.md",
        errors=[("resource", 1, 1)]),
    _on("in-a-language-content-dir", "content/de/posts/x.fr.md", OWN_DIRS, errors=[("page", 1, 1)]),
    SiteCase(Case("after-a-byte-order-mark", "\ufeff" + fm(title="Titre"),
                  path="content/posts/x.fr.md", errors=[("page", 1, 2)])),
    _on("configured-language", "content/posts/post.de.md", TWO, "content/posts/post.en.md"),
    _on("configured-language-in-capitals", "content/posts/post.DE.md"),
    _on("disabled-language", "content/posts/post.fr.md", FR_OFF, "content/posts/post.en.md"),
    _on("language-in-disable-languages", "content/posts/post.fr.md", FR_LISTED_OFF,
        "content/posts/post.en.md"),
    _on("no-language-tag", "content/posts/node.js.md", TWO, "content/posts/node.md"),
    _on("version-number", "content/posts/v1.2.md"),
    _on("three-letters", "content/posts/notes.txt.md"),
    _on("one-language-nothing-beside", "content/posts/release.it.md", ONE),
    _on("one-language-other-page-beside", "content/posts/release.it.md", ONE, "content/posts/other.md"),
    # any file of a leaf bundle besides its index is a resource, whatever its name
    _on("resource-of-a-bundle", "content/news/14/notes.fr.md", TWO, "content/news/14/index.md",
        "content/news/14/notes.md"),
    _on("not-content", "layouts/partials/x.fr.md"),
]  # fmt: skip


def _run(site_case: SiteCase, root: Path) -> SiteCase:
    (root / "hugo.toml").write_text(site_case.config, encoding="utf-8")
    for name in site_case.beside:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(fm(title="Title"), encoding="utf-8")
    site = load_site(root, root / "hugo.toml")
    return replace(site_case, case=replace(site_case.case, site=site))


@pytest.mark.parametrize("site_case", CASES, ids=lambda c: c.case.name)
def test_file_language_unknown(
    site_case: SiteCase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # each case's path is in a Hugo site in the working directory
    assert_case(FileLanguageUnknown, _run(site_case, tmp_path).case)


def test_no_site() -> None:
    assert_case(FileLanguageUnknown, Case("no-site", fm(title="T"), path="content/x.fr.md"))


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "bundle-index-beside-translations",
            "the file name's language 'fr' is none of the site's languages (en, de), so Hugo "
            "publishes no page from it: it is a resource of the bundle beside it; add 'fr' to "
            "the site's languages or name the file in one of them",
        ),
        (
            "bundle-page-of-the-default-language",
            "'index.fr.md' beside this page is named in 'fr', none of the site's languages (en, "
            "de), so Hugo publishes no page from it, only a resource of this bundle: add 'fr' to "
            "the site's languages or name the file in one of them",
        ),
        (
            "in-a-language-content-dir",
            "the file name's language 'fr' is none of the site's languages (en, de), so Hugo "
            "builds it as the de page 'x.fr', no translation: add 'fr' to the site's languages "
            "or name the file in one of them",
        ),
    ],
)
def test_message(name: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    site_case = next(c for c in CASES if c.case.name == name)
    _, reports = case_reports(FileLanguageUnknown, _run(site_case, tmp_path).case)
    assert [r.message for r in reports] == [message]


@pytest.mark.parametrize(
    ("part", "expected"),
    [("fr", True), ("FR", True), ("pt-BR", True), ("es-419", True), ("zh-Hant", True),
     ("js", False), ("txt", False), ("2", False), ("fr-", False), ("xx", False), ("en-u", False),
     ("sr-Latn", True), ("my-post", False)],
)  # fmt: skip
def test_is_language_tag(part: str, expected: bool) -> None:
    assert is_language_tag(part) is expected
