from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from newslint.rules.language_folder_ignored import LanguageFolderIgnored
from newslint.site import load_site
from newslint.testing import Case, assert_case, case_reports, fm

# ungheni-news: Romanian and Russian, no contentDir
RO_RU = 'defaultContentLanguage = "ro"\n[languages.ro]\nweight = 1\n[languages.ru]\nweight = 2\n'
RU_CODE = RO_RU + 'languageCode = "ru-RU"\n'
RU_OWN_DIR = RO_RU + 'contentDir = "content/ru"\n'
RU_OFF = RO_RU + "disabled = true\n"
ONE = 'defaultContentLanguage = "ro"\n[languages.ro]\nweight = 1\n'
MOUNTS = RO_RU + '[[module.mounts]]\nsource = "content"\ntarget = "content"\n'
RU_ELSEWHERE = RO_RU + 'contentDir = "content/russian"\n'
RU_MATRIX = "---\ntitle: Парк\nsites:\n  matrix:\n    languages: [ru]\n---\n\nТекст.\n"
BOTH_MATRIX = RU_MATRIX.replace("[ru]", "[ro, ru]")


def _on(name: str, path: str, config: str = RO_RU, errors: list | None = None) -> tuple[Case, str]:
    return Case(name, fm(title="Парк"), path=path, errors=errors or []), config


CASES = [
    # hugo 0.168: the ro page /ro/ru/news/park/ (defaultContentLanguageInSubdir), no ru page
    _on("language-folder", "content/ru/news/park.md", errors=[("section", 1, 1)]),
    _on("section-page", "content/ru/_index.md", errors=[("section", 1, 1)]),
    _on("folder-named-like-the-language-code", "content/ru-ru/code.md", RU_CODE,
        errors=[("section", 1, 1)]),
    _on("folder-in-capitals", "content/RU/news/park.md", errors=[("section", 1, 1)]),
    (Case("after-a-byte-order-mark", "\ufeff" + fm(title="Парк"), path="content/ru/park.md",
          errors=[("section", 1, 2)]), RO_RU),
    # the page is in ro already: the section's name is the only oddity
    _on("default-language-folder", "content/ro/news/parc.md"),
    _on("name-says-the-language", "content/ru/news/park.ru.md"),
    _on("name-says-another-language", "content/ru/news/parc.ro.md"),
    _on("language-with-its-content-dir", "content/ru/news/park.md", RU_OWN_DIR),
    _on("language-with-its-content-dir-elsewhere", "content/ru/news/park.md", RU_ELSEWHERE),
    _on("site-of-one-language", "content/ru/news/park.md", ONE),
    _on("disabled-language", "content/ru/news/park.md", RU_OFF),
    _on("content-mounts", "content/ru/news/park.md", MOUNTS),
    (Case("matrix-builds-it-in-the-language", RU_MATRIX, path="content/ru/news/park.md"), RO_RU),
    (Case("matrix-builds-it-in-both", BOTH_MATRIX, path="content/ru/news/park.md"), RO_RU),
    _on("file-named-like-the-language", "content/ru.md"),
    _on("deeper-folder", "content/news/ru/park.md"),
    _on("other-folder", "content/news/park.md"),
]  # fmt: skip


def _with_site(case: Case, config: str, root: Path) -> Case:
    (root / "hugo.toml").write_text(config, encoding="utf-8")
    (root / "content").mkdir(exist_ok=True)
    return replace(case, site=load_site(root, root / "hugo.toml"))


@pytest.mark.parametrize(("case", "config"), CASES, ids=[case.name for case, _ in CASES])
def test_language_folder_ignored(
    case: Case, config: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # each case's path is in a Hugo site in the working directory
    assert_case(LanguageFolderIgnored, _with_site(case, config, tmp_path))


def test_no_site() -> None:
    assert_case(LanguageFolderIgnored, Case("no-site", fm(title="T"), path="content/ru/x.md"))


def test_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _, reports = case_reports(LanguageFolderIgnored, _with_site(*CASES[2], tmp_path))
    assert [r.message for r in reports] == [
        "the folder 'ru-ru' is named like the language 'ru', which has no contentDir, so Hugo "
        "builds this page in ro, in a section 'ru-ru': give each language its contentDir "
        "('content/ru-ru' for 'ru') or rename the file to 'code.ru.md'"
    ]
