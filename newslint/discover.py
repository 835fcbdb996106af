"""File discovery: directories walked for Markdown, `.gitignore` and `.git/info/exclude` respected,
symlink loops survived.

A walk also leaves out the content Hugo builds no page from (`newslint.site.Site.hugo_skips`): the
files and folders the site's `ignoreFiles` patterns match, the content of the languages its
`disableLanguages` lists, a leaf bundle's resources (`bundle_resource`) and the symbolic links
below a content folder (`hugo_skips_link`). newslint treats them as ruff treats `exclude`: a walk does not enter
them, a file named on the command line is still linted (to check a translation before its
language is enabled), and `--force-exclude`, which the pre-commit hooks pass, skips named ones
too. Rules that depend on the site (future dates, widgets, cross-file duplicates) would otherwise
report on pages that are never published.
"""

from __future__ import annotations

import errno
import itertools
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, overload

if TYPE_CHECKING:
    from newslint.site import Site

# Hugo's Markdown content (media type text/markdown: md, markdown, mdown), any case.
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown")
_ALWAYS_SKIPPED = {
    ".git",
    ".hg",
    ".svn",
    "node_modules",
    ".newslint_cache",
    "__pycache__",
    ".venv",
    "venv",
}


class _GitIgnore:
    """A .gitignore's patterns, matched as git matches them: `*` and `?` stop at `/`, `**/`,
    `/**/` and `/**` span folders, `dir/` only folders, a pattern with a `/` before its end is
    anchored to the file's folder, `!` re-includes, `\\` escapes (`\\ `, `\\#`, `\\!`), and trailing
    spaces are dropped unless escaped."""

    def __init__(self, base: Path, lines: Sequence[str]) -> None:
        self.base = base
        # compiled pattern, negated, dir_only, anchored
        self.rules: list[tuple[re.Pattern[str], bool, bool, bool]] = []
        for line in lines:
            line = _trim_trailing_spaces(line.rstrip("\n"))
            if not line or line.startswith("#"):
                continue
            negated = line.startswith("!")
            if negated:
                line = line[1:]
            dir_only = line.endswith("/")
            line = line.rstrip("/")
            if not line:
                continue
            anchored = "/" in line
            self.rules.append((_git_pattern(line.lstrip("/")), negated, dir_only, anchored))

    def ignored(self, path: Path, is_dir: bool) -> bool | None:
        try:
            rel = path.relative_to(self.base).as_posix()
        except ValueError:
            return None
        verdict: bool | None = None
        for pattern, negated, dir_only, anchored in self.rules:
            if dir_only and not is_dir:
                continue
            if pattern.match(rel if anchored else path.name):
                verdict = not negated
        return verdict


def _trim_trailing_spaces(line: str) -> str:
    """`line` without its trailing spaces, but for one escaped by a backslash (git's rule: tabs
    and other white space stay)."""
    end = len(line)
    while end and line[end - 1] == " ":
        backslashes = len(line[: end - 1]) - len(line[: end - 1].rstrip("\\"))
        if backslashes % 2:
            break
        end -= 1
    return line[:end]


def _git_pattern(pattern: str) -> re.Pattern[str]:
    """A .gitignore glob (without its `!`, leading and trailing `/`) as a regular expression
    over a `/`-separated path, as git's wildmatch reads it with WM_PATHNAME."""
    out: list[str] = []
    index, size = 0, len(pattern)
    while index < size:
        char = pattern[index]
        if char == "*":
            stop = index
            while stop < size and pattern[stop] == "*":
                stop += 1
            whole_segment = (index == 0 or pattern[index - 1] == "/") and (
                stop == size or pattern[stop] == "/"
            )
            if stop - index >= 2 and whole_segment:
                if stop == size:
                    out.append(".*")  # `dir/**`: everything inside
                else:
                    out.append("(?:.*/)?")  # `**/`: any number of folders, none too
                    stop += 1
            else:  # any other run of stars is one star
                out.append("[^/]*")
            index = stop
        elif char == "?":
            out.append("[^/]")
            index += 1
        elif char == "[":
            translated, index = _git_class(pattern, index)
            out.append(translated)
        elif char == "\\" and index + 1 < size:
            out.append(re.escape(pattern[index + 1]))
            index += 2
        else:
            out.append(re.escape(char))
            index += 1
    return re.compile("".join(out) + r"\Z", re.DOTALL)


def _git_class(pattern: str, start: int) -> tuple[str, int]:
    """The character class opening at `pattern[start]` as a regular expression that never
    matches `/`, and the index after it; an unclosed `[` is a literal bracket."""
    index = start + 1
    negated = index < len(pattern) and pattern[index] in "!^"
    if negated:
        index += 1
    members: list[str] = []
    first = True
    while index < len(pattern):
        char = pattern[index]
        if char == "]" and not first:
            body = "".join(members)
            return ("[^/" + body + "]" if negated else "(?!/)[" + body + "]"), index + 1
        if char == "\\" and index + 1 < len(pattern):
            index += 1
            char = pattern[index]
        members.append(char if char == "-" else re.escape(char))
        first = False
        index += 1
    return re.escape("["), start + 1


def _load_ignore(directory: Path) -> _GitIgnore | None:
    candidate = directory / ".gitignore"
    try:
        # Inside the try: a folder that can be listed but not searched (mode 0o644, or /proc's)
        # makes even the stat an OSError.
        if not candidate.is_file():
            return None
        # "utf-8-sig": git skips a byte order mark at the start of a .gitignore, so must we,
        # else its first pattern would begin with U+FEFF and match nothing.
        return _GitIgnore(
            directory, candidate.read_text(encoding="utf-8-sig", errors="replace").splitlines()
        )
    except OSError:
        return None


def _ignored(path: Path, is_dir: bool, stack: Sequence[_GitIgnore]) -> bool:
    verdict = False
    for ignore in stack:
        result = ignore.ignored(path, is_dir)
        if result is not None:
            verdict = result
    return verdict


def _parents_ignores(directory: Path) -> list[_GitIgnore]:
    """The .gitignore files of the enclosing git repository above `directory`, after the
    repository's own `.git/info/exclude`, which git (and ruff's walk) honour below them.
    Outside any repository, only those in `directory` and in the working directory and the
    folders between: a `.gitignore` further up (a home folder's `*` of a dotfiles set-up) belongs
    to no repository of these files, and git and ruff read none there."""
    found: list[_GitIgnore] = []
    for parent in [directory, *directory.parents]:
        ignore = _load_ignore(parent)
        if ignore is not None:
            found.append(ignore)
        if os.path.exists(parent / ".git"):  # False, not an error, where it cannot be looked at
            info = _info_exclude(parent)
            if info is not None:
                found.append(info)
            break
    else:
        try:
            here = Path.cwd()
        except OSError:  # the working directory was deleted: nothing lies inside it
            here = directory
        found = [i for i in found if i.base == directory or i.base.is_relative_to(here)]
    return list(reversed(found))


def _info_exclude(top: Path) -> _GitIgnore | None:
    """The patterns of `info/exclude` in the git directory of the work tree at `top` (`.git`, or
    for a linked work tree or a submodule, where its `gitdir:` line and `commondir` lead), read
    as a .gitignore at `top`."""
    git = top / ".git"
    try:
        if git.is_file():
            first = git.read_text(encoding="utf-8-sig", errors="replace").partition("\n")[0]
            if not first.startswith("gitdir:"):
                return None
            git = top / first[len("gitdir:") :].strip()
            common = git / "commondir"
            if common.is_file():
                git = git / common.read_text(encoding="utf-8", errors="replace").strip()
        exclude = git / "info" / "exclude"
        if not exclude.is_file():
            return None
        lines = exclude.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    except OSError:
        return None
    return _GitIgnore(top, lines) if lines else None


def _excluded(path: Path, patterns: Sequence[str]) -> bool:
    """Whether `path` matches an exclude glob (`newslint.config.path_matches`). The configuration's
    globs come anchored at its folder (`newslint.config.exclude_patterns`); any other is read from
    the working directory."""
    if not patterns:
        return False
    from newslint.config import any_matches

    return any_matches(path, patterns, os.getcwd())


def walk(root: Path, exclude: Sequence[str] = ()) -> Iterator[Path]:
    """Markdown files under `root` in sorted order, skipping ignored paths, content Hugo does not
    build (unless `root` itself is such content) and symlink loops."""
    from newslint.site import entry_is_link, leaf_index

    seen_dirs: set[tuple[int, int]] = set()
    base_ignores = _parents_ignores(root.absolute())
    # A folder named on the command line that Hugo skips is linted whole, as a named file is.
    named_skipped = _named_skipped(root)
    # So is one outside its site's content folders (`newslint check archetypes`); a walk from
    # above them (a site's root) takes only the content: a README, archetypes and themes are no
    # pages of the site.
    places = _ContentPlaces()
    content_only = places.of(root.absolute()) != OUTSIDE
    # And so is one Hugo reaches only through a symbolic link below a content folder.
    links_skipped = not _behind_link(root)

    def visit(
        directory: Path, ignores: list[_GitIgnore]
    ) -> Iterator[Path | tuple[Path, list[_GitIgnore]]]:
        """The folder's Markdown files, and (folder, ignores) for each folder to enter next."""
        try:
            stat = directory.stat()
        except FileNotFoundError:
            return  # gone since its folder was listed
        except OSError:
            # Listed in its folder but not to be looked at: a path longer than the system takes
            # (PATH_MAX), a folder that cannot be searched. Yielded, so that its read says why
            # its articles are not linted (NL002), as for a folder that cannot be listed.
            if directory != root:
                yield directory
            return
        key = (stat.st_dev, stat.st_ino)
        if key in seen_dirs:
            return  # a symlink loop, or a directory reached twice
        seen_dirs.add(key)
        absolute = directory.absolute()  # once per folder: `absolute()` asks for the cwd each time
        ignores, hugo = _folder_state(absolute, ignores, named_skipped)
        place = places.of(absolute) if content_only else INSIDE
        if place == OUTSIDE:
            return
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except FileNotFoundError:
            return  # gone since its `stat`
        except OSError:
            # A folder that cannot be listed (no read permission): yielded itself, so that
            # reading it says why its articles are not linted (NL002) instead of leaving them
            # out without a word.
            yield directory
            return
        # In a leaf bundle only its page is one; the rest is the page's resources.
        site = places.site_of(absolute) if place == INSIDE else None
        leaf = site is not None and places.leaf_bundle(absolute, site, _file_names(entries))
        folders = places.folders(site) if links_skipped and site is not None else None
        if folders is not None and not content_only and places.of(absolute) != INSIDE:
            folders = None  # a walk of a folder outside the content (archetypes) follows links
        for entry in entries:
            if (
                folders is not None
                and entry_is_link(entry)
                and hugo_skips_link(entry.path, folders)
            ):
                continue
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError:
                # A symlink loop (ELOOP) or an entry that cannot be looked at: no folder to enter,
                # and a Markdown name is yielded, so its read reports why (as a broken link is).
                is_dir = False
            if is_dir:
                if not leaf and not _skips_dir(path, absolute / entry.name, ignores, exclude, hugo):
                    yield path, ignores
            elif (
                place == INSIDE
                and entry.name.lower().endswith(MARKDOWN_SUFFIXES)
                and not (leaf and site is not None and not leaf_index(entry.name, site))
                and not _skips_file(path, absolute / entry.name, ignores, exclude, hugo)
            ):
                yield path

    # Depth first with a stack of the folders being listed, not by recursion: a tree 2,000
    # folders deep (a path of 4,000 bytes) ended the run with a RecursionError.
    stack = [visit(root, list(base_ignores))]
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
        elif isinstance(item, tuple):
            stack.append(visit(*item))
        else:
            yield item


def admits(root: Path, path: Path, exclude: Sequence[str] = ()) -> bool:
    """Whether `walk(root, exclude)` would yield the file `path`, or enter the folder `path`,
    judged without walking: each folder from `root` down to `path` is judged as the walk judges
    it (`newslint watch` asks this of each file that appears while it runs)."""
    try:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    except ValueError:  # another drive (Windows)
        return False
    parts = Path(rel).parts
    if not parts or parts[0] in (os.curdir, os.pardir):
        return False
    is_dir = os.path.isdir(path)
    if not is_dir and not parts[-1].lower().endswith(MARKDOWN_SUFFIXES):
        return False
    named_skipped = _named_skipped(root)
    places = _ContentPlaces()
    content_only = places.of(root.absolute()) != OUTSIDE
    links_skipped = not _behind_link(root)
    ignores = _parents_ignores(root.absolute())
    directory, absolute = root, root.absolute()
    for number, name in enumerate(parts):
        # `directory` is a folder the walk visits: its entry `name` is judged as `visit` does.
        ignores, hugo = _folder_state(absolute, ignores, named_skipped)
        place = places.of(absolute) if content_only else INSIDE
        if place == OUTSIDE:
            return False
        if place == INSIDE and bundle_resource(absolute, name):
            return False
        directory, absolute = directory / name, absolute / name
        if place == INSIDE and links_skipped and os.path.islink(absolute):
            folders = places.folders(places.site_of(absolute.parent))
            inside = folders.content and places.of(absolute.parent) == INSIDE
            if inside and hugo_skips_link(str(absolute), folders):
                return False
        if number < len(parts) - 1 or is_dir:
            if _skips_dir(directory, absolute, ignores, exclude, hugo):
                return False
        elif place != INSIDE or _skips_file(directory, absolute, ignores, exclude, hugo):
            return False
    return True


def hugo_hidden(name: str) -> bool:
    """Whether Hugo leaves out a file or folder of this name in its content: one that starts with
    "." or "#" or ends with "~" (checked with hugo 0.168). Editors leave such files beside an
    article while it is open or being saved (emacs's `.#x.md` lock, a dangling symbolic link, and
    `#x.md#` autosave; `.~x.md` and `x.md~` copies), and none of them is a page."""
    return name[:1] in (".", "#") or name.endswith("~")


def hugo_skips_link(link: str, folders: _Folders) -> bool:
    """Whether hugo 0.168 makes no page of the symbolic link `link` in a folder below one of its
    site's content folders (`folders`): it follows no link there, to a file or to a
    folder, in or out of the site (checked with the binary, which says nothing of them), unless
    the link is itself a content folder (a mount's source, a language's `contentDir`). It does
    follow the content folders themselves when they are links (`content` linked to a folder
    elsewhere, a mount's linked source). A walk leaves such links out, as ruff leaves out the
    links to folders it finds while walking; named on the command line, a link is linted (ruff
    follows a link it is given), and so is a folder behind one (`_behind_link`)."""
    return bool(folders.content) and os.path.abspath(link) not in folders.written


def _behind_link(root: Path) -> bool:
    """Whether the folder `root` lies in its site's content only through a symbolic link below a
    content folder (`hugo_skips_link`), which Hugo does not follow: named on the command line, it
    is linted whole, links and all, as a named file is."""
    from newslint.site import site_for_dir

    content = _Folders.of(site_for_dir(root)).content
    if not content:
        return False
    current = os.path.abspath(root)
    while True:
        parent = os.path.dirname(current)
        if parent == current or os.path.realpath(current) in content:
            return False
        if os.path.islink(current) and _place(os.path.realpath(parent), content) == INSIDE:
            return True
        current = parent


def _named_skipped(root: Path) -> bool:
    """Whether `root` is a folder Hugo skips: named on the command line, it is linted whole, as a
    named file is."""
    from newslint.site import site_for_dir

    return site_for_dir(root).hugo_skips(root, is_dir=True)


def _folder_state(
    absolute: Path, ignores: list[_GitIgnore], named_skipped: bool
) -> tuple[list[_GitIgnore], Site | None]:
    """What judges the entries of the folder `absolute`: the .gitignore files in force (its own
    added), and its site when that site makes Hugo skip some content."""
    from newslint.site import site_for_dir

    local = _load_ignore(absolute)
    if local is not None and local.base not in [i.base for i in ignores]:
        ignores = [*ignores, local]
    site = site_for_dir(absolute)
    hugo = site if site.skips_content and not named_skipped else None
    return ignores, hugo


def _skips_dir(
    path: Path,
    absolute: Path,
    ignores: Sequence[_GitIgnore],
    exclude: Sequence[str],
    hugo: Site | None,
) -> bool:
    """Whether a walk leaves out the folder `path` (`absolute`) and everything in it."""
    return (
        path.name in _ALWAYS_SKIPPED
        or hugo_hidden(path.name)
        or bool(ignores and _ignored(absolute, True, ignores))
        or _excluded(path, exclude)
        or (hugo is not None and hugo.hugo_skips(absolute, is_dir=True, folders=False))
    )


def _skips_file(
    path: Path,
    absolute: Path,
    ignores: Sequence[_GitIgnore],
    exclude: Sequence[str],
    hugo: Site | None,
) -> bool:
    """Whether a walk leaves out the Markdown file `path` (`absolute`)."""
    return (
        hugo_hidden(path.name)
        or bool(ignores and _ignored(absolute, False, ignores))
        or _excluded(path, exclude)
        or (hugo is not None and hugo.hugo_skips(absolute, folders=False))
    )


# Where a folder lies with respect to its Hugo site's content folders.
INSIDE, ABOVE, OUTSIDE = "inside", "above", "outside"


class _ContentPlaces:
    """`of(folder)`: INSIDE a content folder of its site (or of no site, or of a site whose
    content folders cannot be told: none exists), ABOVE one (the site's root: its files are no
    pages, some of its folders hold them), or OUTSIDE (archetypes, themes, layouts: nothing below
    is a page of the site). A site that mounts content (`module.mounts`) has the mounts' sources
    as its content folders, and `content/` is then none (`Site.content_dirs`)."""

    def __init__(self) -> None:
        self._folders: dict[int, tuple[Site, _Folders]] = {}

    def of(self, folder: Path) -> str:
        from newslint.site import real_dir, site_for_dir

        site = site_for_dir(folder)
        # real_dir, not os.path.realpath: resolved from its parent's, not from the root.
        return _place(real_dir(os.path.abspath(folder)), self._known(site).content)

    def _known(self, site: Site) -> _Folders:
        known = self._folders.get(id(site))
        if known is None or known[0] is not site:
            known = self._folders[id(site)] = (site, _Folders.of(site))
        return known[1]

    def folders(self, site: Site) -> _Folders:
        """The site's content folders (none without a site)."""
        return self._known(site)

    def site_of(self, folder: Path) -> Site:
        from newslint.site import site_for_dir

        return site_for_dir(folder)

    def leaf_bundle(self, folder: Path, site: Site, names: Iterable[str]) -> bool:
        """Whether `folder`, whose files are `names`, is a leaf bundle of `site` (see
        `bundle_resource`)."""
        from newslint.site import leaf_index, real_dir

        if site.root is None or not any(leaf_index(name, site) for name in names):
            return False
        return real_dir(os.path.abspath(folder)) not in self._known(site).tree


class _Folders(NamedTuple):
    """A site's folders, resolved: its content folders (`_content_folders`) and those at the
    root of its content tree (`Site.tree_roots`: `content`, a language's contentDir, a mount
    into `content` itself), where an `index.md` is the home page's, not a leaf bundle's."""

    content: list[str]
    tree: list[str]
    written: frozenset[str] = frozenset()  # the content folders, absolute, links unresolved

    @classmethod
    def of(cls, site: Site) -> _Folders:
        if site.root is None:
            return cls([], [])
        # A folder no path can name (a NUL in the configuration's contentDir) holds nothing.
        tree = [os.path.realpath(folder) for folder in site.tree_roots() if "\0" not in str(folder)]
        written = frozenset(os.path.abspath(folder) for folder in site.content_dirs())
        return cls(_content_folders(site), tree, written)


def _content_folders(site: Site) -> list[str]:
    """The site's content folders, resolved (the sources of its content mounts when it has
    any: checked with hugo 0.168, which then makes no page of `content/`); none without a
    site."""
    if site.root is None:
        return []
    return [os.path.realpath(folder) for folder in site.content_dirs()]


def _place(real: str, content: list[str]) -> str:
    """Where the resolved path `real` lies with respect to the `content` folders (none: INSIDE)."""
    if not content or any(real == d or real.startswith(d.rstrip(os.sep) + os.sep) for d in content):
        return INSIDE
    if any(d.startswith(real.rstrip(os.sep) + os.sep) for d in content):
        return ABOVE
    return OUTSIDE


def _file_names(entries: Iterable[os.DirEntry[str]]) -> list[str]:
    """The names of the files among a folder's entries."""
    names = []
    for entry in entries:
        try:
            # No link: below a content folder Hugo makes no page of one (`hugo_skips_link`).
            if entry.is_file() and not entry.is_symlink():
                names.append(entry.name)
        except OSError:
            continue
    return names


def bundle_resource(folder: Path, name: str, *, remembered: bool = False) -> bool:
    """Whether the entry `name` of the content folder `folder` is a resource of a leaf bundle:
    `folder` holds a leaf bundle's page (`leaf_index`) and `name` is no such page. Hugo makes no
    page of a bundle's resources, whatever their format, nor of anything in its subfolders
    (checked with hugo 0.168: `post/b/notes.md` and `post/b/sub/index.md` beside
    `post/b/index.en.md` are not built, in any language). A folder at the root of the content
    tree is no bundle here: an `index.md` there is `home-leaf-bundle`'s to report; a folder
    mounted below it (`docs` at `content/guide`) is one. With `remembered`, a folder's
    listing and the site's content folders are read once per run (the hooks ask this of each
    staged file's folders; a watch forgets them at each batch, `forget_folders`); a watch's
    walk, whose folders change while it runs, reads them each time."""
    from newslint.site import leaf_index, real_dir, site_for_dir

    site = site_for_dir(folder)
    if site.root is None or leaf_index(name, site):
        return False
    names = _listing(str(folder)) if remembered else _scan(str(folder))
    if not any(leaf_index(other, site) for other in names):
        return False
    known = _remembered_folders(site) if remembered else _Folders.of(site)
    return real_dir(os.path.abspath(folder)) not in known.tree


def _in_leaf_bundle(path: Path, site: Site) -> bool:
    """Whether the content file `path` is a resource of a leaf bundle in a folder it lies in,
    below its content folder (`bundle_resource`)."""
    from newslint.site import real_dir

    if site.root is None:
        return False
    roots = _remembered_folders(site).content
    absolute = Path(os.path.abspath(path))
    child, folder = absolute.name, absolute.parent
    while True:
        real = real_dir(str(folder))
        if _place(real, roots) != INSIDE:
            return False
        if bundle_resource(folder, child, remembered=True):
            return True
        if real in roots or folder == folder.parent:
            return False  # a content folder's own `index.md` makes it a bundle (a mounted one)
        child, folder = folder.name, folder.parent


# Site -> its content folders resolved, for the hooks' questions (`force_excluded`), asked of
# every staged file: resolving them (a `realpath` each) per file and per folder above it cost more
# than the rest of the question. Kept with the site, whose id a later site may take.
_CONTENT_FOLDERS: dict[int, tuple[Site, _Folders]] = {}


def _remembered_folders(site: Site) -> _Folders:
    known = _CONTENT_FOLDERS.get(id(site))
    if known is None or known[0] is not site:
        known = _CONTENT_FOLDERS[id(site)] = (site, _Folders.of(site))
    return known[1]


# Folder -> the names of its files, for `bundle_resource` (asked of each staged file's folders).
_LISTINGS: dict[str, list[str]] = {}


def forget_folders() -> None:
    """Forget the listings and content folders remembered for the hooks' questions: a watch
    asks them again of each batch, whose files and folders may have changed since."""
    _LISTINGS.clear()
    _CONTENT_FOLDERS.clear()


def _scan(folder: str) -> list[str]:
    try:
        with os.scandir(folder) as entries:
            return _file_names(entries)
    except OSError:
        return []


def _listing(folder: str) -> list[str]:
    found = _LISTINGS.get(folder)
    if found is None:
        found = _scan(folder)
        if len(_LISTINGS) >= 4096:
            _LISTINGS.clear()
        _LISTINGS[folder] = found
    return found


_GLOB_CHARS = frozenset("*?[{")


def included(patterns: Sequence[str], base: str, exclude: Sequence[str] = ()) -> list[Path]:
    """The files the configuration's `include` patterns select (globs from `base`, the
    configuration's folder, read as `exclude`'s are: see `newslint.config.any_matches`), relative
    to the working directory when inside it.

    A pattern without glob characters names a file or a folder (walked whole). A glob walks the
    folder before its first glob character and keeps the Markdown files it matches: the walk is
    the one a folder on the command line gets, so `.gitignore`, `exclude` (`exclude`, anchored,
    as `newslint.config.exclude_patterns` gives them) and the content Hugo skips hold for what
    `include` selects too, and `content/**` means the articles, not the images beside them.
    """
    from newslint.config import any_matches, glob_variants

    found: dict[str, None] = {}

    def add(path: Path) -> None:
        absolute = os.path.abspath(path)
        relative = os.path.relpath(absolute)
        outside = relative == os.pardir or relative.startswith(os.pardir + os.sep)
        found[absolute if outside else relative] = None

    roots: dict[str, list[str] | None] = {}  # folder to walk -> the globs it serves (None: all)
    for pattern in patterns:
        for variant in glob_variants(pattern):
            parts = variant.split("/")
            literal = list(itertools.takewhile(lambda part: not _GLOB_CHARS & set(part), parts))
            if literal and not literal[0]:
                literal[0] = "/"  # an absolute pattern (a `--config` one, anchored)
            target = os.path.normpath(os.path.join(base, variant))
            if len(literal) == len(parts) and os.path.isfile(target):  # a file, named
                if not _excluded(Path(target), exclude):
                    add(Path(target))
            elif len(literal) == len(parts) and os.path.isdir(target):  # a folder, walked whole
                roots[target] = None
            else:
                # A glob walks the folder before its first glob character; a bare name (no `/`)
                # matches in any folder, as in `exclude`.
                folder = os.path.normpath(os.path.join(base, *literal[: len(parts) - 1]))
                if len(parts) == 1:
                    folder = os.path.normpath(base)
                globs = roots.setdefault(folder, []) if os.path.isdir(folder) else None
                if globs is not None:  # None: the folder is walked whole anyway
                    globs.append(pattern)
    for folder, globs in roots.items():
        for path in walk(Path(folder), exclude):
            if globs is None or any_matches(path, globs, base):
                add(path)
    return [Path(name) for name in sorted(found)]


class FileList(Sequence[Path]):
    """A list of files kept as strings; indexing and iterating give `Path`s, made when asked for.

    A `Path` costs about 350 bytes in Python 3.11 (its parts are a list of strings), its string
    about 100: for 30,000 articles that is 10 MB against 3 MB, held by the main process for the
    whole run and copied into every worker forked from it. `names` gives the strings themselves.
    """

    __slots__ = ("names",)

    def __init__(self, paths: Iterable[str | os.PathLike[str]] = ()) -> None:
        self.names: list[str] = [os.fspath(p) for p in paths]

    def __len__(self) -> int:
        return len(self.names)

    @overload
    def __getitem__(self, index: int) -> Path: ...

    @overload
    def __getitem__(self, index: slice) -> FileList: ...

    def __getitem__(self, index: int | slice) -> Path | FileList:
        if isinstance(index, slice):
            return FileList(self.names[index])
        return Path(self.names[index])

    def __iter__(self) -> Iterator[Path]:
        return (Path(name) for name in self.names)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FileList):
            return self.names == other.names
        if isinstance(other, list | tuple):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, like a list

    def __repr__(self) -> str:
        return f"FileList({self.names!r})"


def names_of(files: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The files as strings (a `FileList`'s own, without copying them)."""
    if isinstance(files, FileList):
        return files.names
    return [os.fspath(p) for p in files]


def _overlapping(paths: Sequence[Path]) -> bool:
    """Whether two of `paths` can yield the same file: one is the other, or lies inside it.

    The walk joins entry names (never `..`) to the given path, so files from two paths that do not
    nest always differ. Linear in the number of paths (a hook may pass thousands): each path's
    parent folders are looked up in the set of the others.
    """
    roots = [os.path.abspath(p) for p in paths]
    given = set(roots)
    if len(given) < len(roots):
        return True
    for root in roots:
        parent = os.path.dirname(root)
        while parent and parent != root:
            if parent in given:
                return True
            root, parent = parent, os.path.dirname(parent)
    return False


def discover(
    paths: Sequence[Path], exclude: Sequence[str] = (), *, force_exclude: bool = False
) -> tuple[FileList, list[str]]:
    """Files to lint from `paths`, and the paths that do not exist.

    A file named in `paths` is linted whatever its name and even when `exclude` matches it (as
    ruff does), unless `force_exclude`: pre-commit names every staged file, excluded or not, and
    every Markdown file, pages or not (see `not_site_content`)."""
    files = FileList()
    missing: list[str] = []
    # Absolute paths already taken: only needed when one given path lies inside another (for
    # 30,000 files the set would cost 4 MB at the moment the worker processes are forked).
    seen: set[str] | None = set() if _overlapping(paths) else None
    for given in paths:
        if absent(given):
            missing.append(str(given))
            continue
        if os.path.isdir(given):  # False for a path that cannot be looked at: read, it says why
            candidates: Iterator[Path] | list[Path] = walk(given, exclude)
        elif force_exclude and force_excluded(given, exclude):
            continue
        else:
            candidates = [given]  # a file named explicitly is linted whatever its name
        for path in candidates:
            name = os.fspath(path)
            if seen is not None:
                key = os.path.abspath(name)
                if key in seen:
                    continue
                seen.add(key)
            files.names.append(name)
    return files, missing


def absent(path: str | os.PathLike[str]) -> bool:
    """Whether nothing is at `path` (a symbolic link to nothing is something: its read reports
    it), or the name cannot be one (too long for the file system, a NUL in it). A path behind a
    folder that cannot be searched is not absent: linting it reports "Permission denied" on the
    file (NL002), not a usage error that says it does not exist."""
    try:
        os.lstat(path)
    except ValueError:
        return True
    except OSError as err:
        return err.errno in (errno.ENOENT, errno.ENOTDIR, errno.ENAMETOOLONG)
    return False


def force_excluded(path: Path, exclude: Sequence[str] = ()) -> bool:
    """Whether `--force-exclude` skips the file named `path` (it need not exist: standard input
    named by `--stdin-filename` is judged by its name too): `exclude` matches it, it is no page of
    its Hugo site (`not_site_content`) or Hugo builds nothing from it (`hugo_skips`)."""
    return _excluded(path, exclude) or not_site_content(path) or hugo_skips(path)


def not_site_content(path: Path) -> bool:
    """Whether `path` belongs to a Hugo site but lies outside its content folders: the site's
    README, an archetype (a template with `{{ }}` in its front matter), a theme's documentation.
    Hugo makes no page of it, so the hooks (`--force-exclude`) leave it alone. A file of no site
    is content. In a site that mounts content (`module.mounts`) the mounts' sources are its
    content folders: `content/` is then no more content than the README."""
    from newslint.site import site_for

    site = site_for(path)
    folders = _remembered_folders(site).content
    if not folders and site.root is not None and not _mounts_content(site.raw):
        # No content folder exists yet: a new site's first commit stages its README and
        # archetypes, and git keeps no empty `content/`. Where content would be still says
        # what is none.
        folders = [os.path.realpath(folder) for folder, _ in site._content_roots()]
    return _place(os.path.realpath(path), folders) != INSIDE


def hugo_skips(path: Path) -> bool:
    """Whether Hugo builds no page from the content file `path` (`ignoreFiles`, a disabled
    language: see `newslint.site.Site.hugo_skips`; a name it hides, `hugo_hidden`, of the file
    or of a folder it lies in below its content folder; a resource of a leaf bundle,
    `bundle_resource`)."""
    from newslint.site import site_for

    site = site_for(path)
    return (
        hugo_hidden(path.name)
        or site.hugo_skips(path)
        or _in_hidden_folder(path, site)
        or _in_leaf_bundle(path, site)
        or _content_link(path)
    )


def _content_link(path: Path) -> bool:
    """Whether the file `path` is a symbolic link in a folder below its site's content folders,
    of which Hugo makes no page (`hugo_skips_link`). The site is the link's own folder's, not
    its target's (`site_for` follows the link)."""
    if not os.path.islink(path):
        return False
    from newslint.site import real_dir, site_for_dir

    folder = os.path.dirname(os.path.abspath(path))
    folders = _remembered_folders(site_for_dir(folder))
    return (
        bool(folders.content)
        and _place(real_dir(folder), folders.content) == INSIDE
        and hugo_skips_link(os.fspath(path), folders)
    )


def _in_hidden_folder(path: Path, site: Site) -> bool:
    """Whether `path` lies in a folder Hugo hides (`hugo_hidden`) below one of its site's content
    folders. Told from the path's text, without touching the disk: the hooks ask it of every
    staged file (a `realpath` per folder made 10,000 files cost 5 s more)."""
    if site.root is None:  # no site: the folders above the file are not known to be content
        return False
    known = _CONTENT_BASES.get(id(site))
    if known is None or known[0] is not site:
        if len(_CONTENT_BASES) >= 64:  # sites read again (a watch's new configuration)
            _CONTENT_BASES.clear()
        top = os.path.abspath(site.root)
        folders = [os.path.relpath(os.path.abspath(f), top) for f, _ in site._content_roots()]
        known = _CONTENT_BASES[id(site)] = (site, top, folders)
    _, root, bases = known
    relative = os.path.relpath(os.path.abspath(path), root)
    for base in bases:
        if base == os.curdir or relative.startswith(base + os.sep):
            inner = relative if base == os.curdir else relative[len(base) + 1 :]
            if any(hugo_hidden(part) for part in inner.split(os.sep)[:-1]):
                return True
    return False


# By the site's id: the site, its root and its content folders relative to the root, for
# `_in_hidden_folder` (a site is no dictionary key: a dataclass compared by value).
_CONTENT_BASES: dict[int, tuple[Site, str, list[str]]] = {}


def _mounts_content(raw: dict[str, object]) -> bool:
    """Whether the configuration mounts anything into `content` (`module.mounts`)."""
    module = raw.get("module")
    mounts = module.get("mounts") if isinstance(module, dict) else None
    return isinstance(mounts, list) and any(
        isinstance(m, dict) and str(m.get("target", "")).strip("/").startswith("content")
        for m in mounts
    )
