"""Discovery leaves out what Hugo never builds: `ignoreFiles` and disabled languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.discover import discover

ARTICLE = '---\ndate: ""\n---\nBody.\n'  # DT002 on 2:7: one diagnostic per linted file
SITE = """disableLanguages = ["fr"]
ignoreFiles = ["secret", "\\\\.skip\\\\.md$", "drafts$"]
[languages.en]
contentDir = "content/en"
[languages.fr]
contentDir = "content/fr"
[languages.de]
contentDir = "content/de"
"""
# What hugo 0.168 builds from SITE: en/a.md, en/c.de.md, de/i.md; nothing else.
FILES = [
    "content/de/i.md",
    "content/en/a.md",
    "content/en/b.fr.md",
    "content/en/c.de.md",
    "content/en/drafts/g.md",
    "content/en/f.skip.md",
    "content/en/secret-e.md",
    "content/fr/d.en.md",
    "content/fr/d.md",
]
BUILT = ["content/de/i.md", "content/en/a.md", "content/en/c.de.md"]


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "hugo.toml").write_text(SITE, encoding="utf-8")
    for name in FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for variable in ("HUGO_ENVIRONMENT", "HUGO_ENV", "HUGO_DISABLELANGUAGES", "HUGO_IGNOREFILES"):
        monkeypatch.delenv(variable, raising=False)
    return tmp_path


def linted(args: list[str], capsys: pytest.CaptureFixture[str]) -> list[str]:
    main(
        ["check", "--no-cache", "--isolated", "--select", "DT002", "--output-format", "json", *args]
    )
    found = json.loads(capsys.readouterr().out)
    assert {(d["line"], d["column"]) for d in found} <= {(2, 7)}
    return [d["path"] for d in found]


def test_a_walk_skips_what_hugo_does_not_build(site: Path) -> None:
    files, missing = discover([Path("content")])
    assert ([p.as_posix() for p in files], missing) == (BUILT, [])


def test_check_lints_what_hugo_builds(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert linted([], capsys) == BUILT  # the site's content folders, fr's left out
    assert linted(["content"], capsys) == BUILT


def test_named_files_are_linted_unless_force_exclude(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # As ruff does with `exclude`: a file named on the command line is linted (a translator checks
    # a disabled language's article); the hooks pass --force-exclude and skip it like Hugo.
    assert linted(FILES, capsys) == FILES
    assert linted(["--force-exclude", *FILES], capsys) == BUILT


def test_a_named_folder_hugo_skips_is_linted_whole(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert linted(["content/fr"], capsys) == ["content/fr/d.en.md", "content/fr/d.md"]
    assert linted(["content/en/drafts"], capsys) == ["content/en/drafts/g.md"]


def test_environment_folder_disables_a_language(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "hugo.toml").write_text(SITE.replace('disableLanguages = ["fr"]\n', ""), "utf-8")
    (site / "config" / "staging").mkdir(parents=True)
    (site / "config" / "staging" / "hugo.toml").write_text('disableLanguages = ["de"]\n', "utf-8")
    monkeypatch.setenv("HUGO_ENVIRONMENT", "staging")
    assert linted([], capsys) == [
        "content/en/a.md",
        "content/en/b.fr.md",
        "content/fr/d.en.md",
        "content/fr/d.md",
    ]


def test_changed_files_skip_what_hugo_does_not_build_unless_named(site: Path) -> None:
    from newslint.changed import select_changed

    changed = [site / name for name in FILES]
    assert [p.as_posix() for p in select_changed(changed, [Path("content")])] == BUILT
    named = select_changed(changed, [Path("content"), Path("content/fr/d.md")])
    assert [p.as_posix() for p in named] == [*BUILT, "content/fr/d.md"]


def test_a_walk_from_the_site_root_takes_only_the_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A README, an archetype and a theme's example site are no pages of the site: `check .` at
    # the root lints what `check` alone does. A folder named outside the content is linted whole.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hugo.toml").write_text('theme = "x"\n', encoding="utf-8")
    example = tmp_path / "themes" / "x" / "exampleSite"
    for name in (
        "README.md",
        "archetypes/default.md",
        "content/news/a.md",
        "content/news/bundle/index.md",
        "layouts/partials/note.md",
        "themes/x/README.md",
        "themes/x/exampleSite/content/b.md",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    (example / "hugo.toml").write_text("", encoding="utf-8")
    pages = ["content/news/a.md", "content/news/bundle/index.md"]
    assert linted(["."], capsys) == pages
    assert linted([], capsys) == pages
    assert linted(["archetypes"], capsys) == ["archetypes/default.md"]
    # The example site is a site of its own: named, its content is linted, not its README.
    assert linted(["themes/x/exampleSite"], capsys) == ["themes/x/exampleSite/content/b.md"]
    assert linted(["README.md", "content/news/a.md"], capsys) == ["README.md", "content/news/a.md"]


def test_a_site_without_a_content_folder_is_walked_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hugo.toml").write_text("", encoding="utf-8")
    for name in ("a.md", "posts/b.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    assert linted(["."], capsys) == ["a.md", "posts/b.md"]


def test_admits_judges_a_file_as_the_walk_does(site: Path) -> None:
    """`admits` (what `newslint watch` asks of a file that appears) agrees with a walk for every
    way a walk leaves a file out: Hugo's skips, `.gitignore`, `exclude`, always-skipped folders,
    other suffixes, files of the site that are no pages."""
    from newslint.config import anchor_patterns
    from newslint.discover import admits, walk

    extra = [
        "content/en/ignored/h.md",  # .gitignore: ignored/
        "content/en/kept.md",
        "content/en/notes.tmp.md",  # .gitignore: *.tmp.md
        "content/en/old/j.md",  # exclude
        "content/en/node_modules/k.md",
        "content/en/.newslint_cache/l.md",
        "content/en/deep/er/m.markdown",
        "content/en/n.txt",
        "README.md",  # the site's, not a page: only named
        "archetypes/default.md",
    ]
    for name in extra:
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(ARTICLE, encoding="utf-8")
    (site / "content" / "en" / ".gitignore").write_text("ignored/\n*.tmp.md\n", encoding="utf-8")
    exclude = anchor_patterns(["content/en/old/**"], str(site))
    for root in [Path("."), Path("archetypes"), Path("content/en"), Path("content/fr")]:
        walked = {p.as_posix() for p in walk(root, exclude)}
        judged = {name for name in [*FILES, *extra] if admits(root, Path(name), exclude)}
        assert judged == walked, root
    assert walked == {"content/fr/d.en.md", "content/fr/d.md"}  # named: linted whole
    assert {p.as_posix() for p in walk(Path("content/en"), exclude)} == {
        "content/en/a.md",
        "content/en/c.de.md",
        "content/en/deep/er/m.markdown",
        "content/en/kept.md",
    }
    # From the site's root only its content; a folder outside it, named, is taken whole.
    assert not admits(Path("."), Path("README.md"), exclude)
    assert not admits(Path("."), Path("archetypes/default.md"), exclude)
    assert admits(Path("."), Path("content/en/kept.md"), exclude)
    assert admits(Path("archetypes"), Path("archetypes/default.md"), exclude)
    # Folders: entered or not, as the walk does; a path outside the root is not admitted.
    assert admits(Path("content/en"), Path("content/en/deep"), exclude)
    assert not admits(Path("content/en"), Path("content/en/old"), exclude)
    assert not admits(Path("content/en"), Path("content/en/drafts"), exclude)
    assert not admits(Path("content/en"), Path("content/de/i.md"), exclude)
    assert not admits(Path("content/en"), Path("content/en"), exclude)


# Names Hugo 0.168 builds no page from (checked with `hugo` on these files): a file or folder whose
# name starts with "." or "#" or ends with "~" (editors' lock files, autosaves, backups and
# temporary copies, hidden folders), anywhere in a content folder.
HIDDEN = [
    "content/en/.b.md",
    "content/en/.~lock.md",
    "content/en/#c.md#",
    "content/en/#d.md",
    "content/en/.hidden/f.md",
    "content/en/#dir/g.md",
    "content/en/dir~/h.md",
    "content/en/.#a.md",  # emacs's lock: a symbolic link to nowhere
]


def _hidden(site: Path) -> None:
    for name in HIDDEN:
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".#a.md"):
            path.symlink_to("editor@host.1234:1700000000")
        else:
            path.write_text(ARTICLE, encoding="utf-8")


def test_names_hugo_hides_are_skipped_unless_named(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An editor's lock, autosave or temporary file beside an article is no article: `check` left
    the lock (a dangling symbolic link) as NL002 'file vanished', and linted the copies."""
    from newslint.changed import select_changed
    from newslint.discover import admits, walk

    _hidden(site)
    assert [p.as_posix() for p in walk(Path("content"))] == BUILT
    assert not any(admits(Path("content"), Path(name)) for name in HIDDEN)
    assert not admits(Path("content"), Path("content/en/.hidden"))
    assert linted([], capsys) == BUILT
    # Named: linted as any file is, unless --force-exclude (the hooks); the same for --changed-since.
    assert linted(["content/en/.b.md", "content/en/#dir/g.md"], capsys) == [
        "content/en/#dir/g.md",
        "content/en/.b.md",
    ]
    assert linted(["--force-exclude", *HIDDEN, "content/en/a.md"], capsys) == ["content/en/a.md"]
    changed = select_changed([site / name for name in [*HIDDEN, "content/en/a.md"]], [Path(".")])
    assert [p.as_posix() for p in changed] == ["content/en/a.md"]
    # A named hidden folder is walked, its own hidden entries are not.
    assert [p.as_posix() for p in walk(Path("content/en/.hidden"))] == ["content/en/.hidden/f.md"]


# A leaf bundle's page is its `index` file (`index.en.md` in a language of the site); every
# other file in its folder and below is a resource of the page, of which Hugo makes no page.
BUNDLES = 'defaultContentLanguage = "zh"\n[languages.zh]\nweight = 1\n[languages.en]\nweight = 2\n'
BUNDLE_FILES = [
    "content/news/_index.md",  # a branch bundle: its files are pages
    "content/news/a.md",
    "content/post/b/index.en.md",
    "content/post/b/notes.md",  # a resource of b, as a book's outline kept beside the post is
    "content/post/b/sub/deep.md",
    "content/post/b/sub/index.md",
    "content/post/c/index.fr.md",  # `fr` is no language of the site: the page `index.fr`
    "content/post/c/notes.md",
]
BUNDLE_PAGES = [
    "content/news/_index.md",
    "content/news/a.md",
    "content/post/b/index.en.md",
    "content/post/c/index.fr.md",
    "content/post/c/notes.md",
]


@pytest.fixture
def bundles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    (root / "hugo.toml").write_text(BUNDLES, encoding="utf-8")
    for name in BUNDLE_FILES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def test_a_leaf_bundle_s_resources_are_no_pages(
    bundles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files, missing = discover([Path("content")])
    assert ([p.as_posix() for p in files], missing) == (BUNDLE_PAGES, [])
    assert linted([], capsys) == BUNDLE_PAGES
    # Named, a resource is linted as any named file is; the hooks' --force-exclude skips it.
    assert linted(BUNDLE_FILES, capsys) == BUNDLE_FILES
    assert linted(["--force-exclude", *BUNDLE_FILES], capsys) == BUNDLE_PAGES


@pytest.mark.hugo
def test_hugo_builds_a_page_of_a_leaf_bundle_s_index_only(bundles: Path, tmp_path: Path) -> None:
    from tests.test_peer_site_d import hugo_pages

    for name in BUNDLE_FILES:  # a date Hugo can build with
        (bundles / name).write_text("---\ntitle: T\n---\nBody.\n", encoding="utf-8")
    built = hugo_pages(bundles, tmp_path)
    assert sorted(built) == sorted(name for name in BUNDLE_PAGES if not name.endswith("_index.md"))


def test_the_hooks_resolve_a_site_s_content_folders_once(
    bundles: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `--force-exclude` asks of every staged file whether it is content and whether it lies in a
    # leaf bundle. Resolving the site's content folders (a `realpath` each) for every file, and
    # the folders above it again at each level, made a hooks run over 300 files of a site with 20
    # content mounts cost 4.3 million instructions a file (callgrind) in the leaf-bundle check
    # alone, more than the rest of the question.
    import os

    from newslint.discover import force_excluded

    names = [f"content/news/deep/er/f{i}.md" for i in range(20)]
    for name in names:
        (bundles / name).parent.mkdir(parents=True, exist_ok=True)
        (bundles / name).write_text(ARTICLE, encoding="utf-8")
    assert not force_excluded(Path("content/news/a.md"))  # the site is read
    resolved: list[str] = []
    realpath = os.path.realpath

    def counted(path: str, *args: object, **kwargs: object) -> str:
        resolved.append(path)
        return realpath(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os.path, "realpath", counted)
    assert [force_excluded(Path(name)) for name in names] == [False] * len(names)
    assert force_excluded(Path("content/post/b/sub/deep.md"))
    assert len(resolved) <= len(names) + 1 + 4


# A folder mounted below the content tree's root (`docs` at `content/guide`) is a section of the
# site, and with an `index.md` a leaf bundle like any other: only a folder at the tree's root (the
# home page's) is none.
MOUNTED_BUNDLE = (
    '[[module.mounts]]\nsource = "content"\ntarget = "content"\n'
    '[[module.mounts]]\nsource = "docs"\ntarget = "content/guide"\n'
)
MOUNTED_FILES = ["content/news/a.md", "docs/index.md", "docs/notes.md", "docs/sub/deep.md"]
MOUNTED_PAGES = ["content/news/a.md", "docs/index.md"]


@pytest.fixture
def mounted_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    (root / "hugo.toml").write_text(MOUNTED_BUNDLE, encoding="utf-8")
    for name in MOUNTED_FILES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def test_a_mounted_folder_with_an_index_is_a_leaf_bundle(
    mounted_bundle: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert linted([], capsys) == MOUNTED_PAGES
    assert linted(["--force-exclude", *MOUNTED_FILES], capsys) == MOUNTED_PAGES
    assert linted(MOUNTED_FILES, capsys) == MOUNTED_FILES
    # A watch of the mounted folder takes the bundle's page only, when a file appears there.
    from newslint.discover import admits

    taken = [name for name in MOUNTED_FILES[1:] if admits(Path("docs"), Path(name))]
    assert taken == ["docs/index.md"]


@pytest.mark.hugo
def test_hugo_builds_only_the_index_of_a_mounted_bundle(
    mounted_bundle: Path, tmp_path: Path
) -> None:
    from tests.test_peer_site_d import hugo_pages

    for name in MOUNTED_FILES:
        (mounted_bundle / name).write_text("---\ntitle: T\n---\nBody.\n", encoding="utf-8")
    assert sorted(hugo_pages(mounted_bundle, tmp_path)) == MOUNTED_PAGES


# Symbolic links below a content folder: hugo 0.168 makes no page of one, to a file or to a
# folder, in the site or out of it; a content folder that is itself a link it follows.
LINKS_BUILT = ["content/posts/a.md", "content/posts/bundle/notes.md"]


@pytest.fixture
def linked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A site whose content holds links (`linked_site`'s), and one whose `content` is a link."""
    site, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    posts = site / "content" / "posts"
    (posts / "bundle").mkdir(parents=True)
    (elsewhere / "folder").mkdir(parents=True)
    (site / "hugo.toml").write_text("", encoding="utf-8")
    for path in (posts / "a.md", posts / "bundle" / "notes.md", elsewhere / "folder" / "b.md"):
        path.write_text(ARTICLE, encoding="utf-8")
    (elsewhere / "file.md").write_text(ARTICLE, encoding="utf-8")
    (elsewhere / "index.md").write_text(ARTICLE, encoding="utf-8")
    (posts / "alias.md").symlink_to("a.md")
    (posts / "file.md").symlink_to("../../../elsewhere/file.md")
    (posts / "folder").symlink_to("../../../elsewhere/folder")
    # A linked `index.md` makes no leaf bundle: `notes.md` beside it is a page.
    (posts / "bundle" / "index.md").symlink_to("../../../elsewhere/index.md")
    monkeypatch.chdir(site)
    return site


def test_a_walk_leaves_out_the_links_in_the_content(
    linked: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: all five links were linted (the folder's `b.md` too), `notes.md` was not.
    assert [p.as_posix() for p in discover([Path("content")])[0]] == LINKS_BUILT
    assert [p.as_posix() for p in discover([Path(".")])[0]] == LINKS_BUILT
    assert linted([], capsys) == LINKS_BUILT
    # Named, a link is linted, and a linked folder walked whole (as ruff takes a link it is
    # given); the hooks' --force-exclude leaves a staged link out.
    named = ["content/posts/alias.md", "content/posts/folder"]
    assert linted(named, capsys) == ["content/posts/alias.md", "content/posts/folder/b.md"]
    assert linted(["--force-exclude", "content/posts/alias.md", "content/posts/a.md"], capsys) == [
        "content/posts/a.md"
    ]
    from newslint.discover import admits

    for name in ("alias.md", "folder", "folder/b.md", "bundle/index.md"):
        assert not admits(Path("content"), Path("content/posts", name)), name
    assert admits(Path("content"), Path("content/posts/bundle/notes.md"))
    assert admits(Path("content/posts/folder"), Path("content/posts/folder/b.md"))


def test_the_page_map_holds_no_link(linked: Path) -> None:
    from newslint.site import content_page_on_disk, site_for

    roots = site_for(linked / "content/posts/a.md").content_roots
    assert content_page_on_disk(roots, "posts/a")
    assert content_page_on_disk(roots, "posts/bundle/notes")
    for logical in ("posts/alias", "posts/file", "posts/folder", "posts/folder/b"):
        assert not content_page_on_disk(roots, logical), logical


def test_a_linked_content_folder_is_the_site_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: its articles, whose real folder lies in no site, had no site (no time zone, no
    # languages), and the links in it were followed.
    from newslint.site import site_for

    site, real = tmp_path / "site", tmp_path / "articles"
    (real / "posts").mkdir(parents=True)
    site.mkdir()
    (site / "hugo.toml").write_text('timeZone = "Asia/Tokyo"\n', encoding="utf-8")
    (real / "posts" / "a.md").write_text(ARTICLE, encoding="utf-8")
    (real / "x.md").symlink_to("posts/a.md")
    (site / "content").symlink_to(real)
    monkeypatch.chdir(site)
    assert site_for("content/posts/a.md").root == site
    assert site_for("content/posts/a.md").time_zone == "Asia/Tokyo"
    assert linted([], capsys) == ["content/posts/a.md"]


@pytest.mark.hugo
def test_hugo_builds_no_page_of_a_link_in_the_content(linked: Path, tmp_path: Path) -> None:
    from tests.hugo_pages import run_hugo

    for path in [*linked.rglob("*.md"), *(tmp_path / "elsewhere").rglob("*.md")]:
        if not path.is_symlink():
            path.write_text("---\ntitle: T\n---\nBody.\n", encoding="utf-8")
    rows = run_hugo(linked, "list", "all").splitlines()[1:]
    assert sorted(row.split(",")[0] for row in rows) == LINKS_BUILT
    # A `content` that is a link is followed.
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "hugo.toml").write_text("", encoding="utf-8")
    (tmp_path / "other" / "content").symlink_to(linked / "content")
    rows = run_hugo(tmp_path / "other", "list", "all").splitlines()[1:]
    assert sorted(row.split(",")[0] for row in rows) == LINKS_BUILT
