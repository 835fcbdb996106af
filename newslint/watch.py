"""`newslint watch [PATH...]`: lint everything once, then re-lint each file when it is saved.

- **Start.** The file system watch (watchfiles) is put in place first, then the files are found and
  linted, so a file saved or added while the first lint runs is re-linted right after it. Then
  `Watching N files for changes (Ctrl-C to stop).` is printed.
- **Batches.** Changes are debounced: a batch is handled 50 ms after its last change and at most
  300 ms after its first, so an editor's save (write a temporary file and rename it over the
  article, or vim's move-to-backup and write) and a burst of saves to many files are one batch,
  and each file in it is linted once. A batch is judged by what is on disk when it is handled, not
  by the events' kinds: a file that exists is linted again, one that is gone leaves the picture
  (so does an article replaced by a folder: the folder's files come in). A folder whose files can
  no longer be listed (its permissions taken away) stands for them with the NL002 a check reports
  until it can be listed again, when they come back.
- **Scope.** A new file is linted when `newslint check` of the watched paths would lint it
  (`discover.admits`: Markdown, not excluded by the configuration or `--exclude`, not
  `.gitignore`d, not content Hugo skips); anything else, the cache folder `.newslint_cache` and
  editors' temporary files included, is ignored. An article that is a symbolic link to a file is
  linted again when that file is saved, wherever it lies: the folder of a target outside the
  watched folders is watched too (for that file only), the watch set up again when a new link
  needs one. When only files are named (`newslint watch notes.md`), their folders are watched
  without their subfolders.
- **Output.** Each batch prints a status line naming the files it re-linted, the ones it
  removed, and the other files whose cross-file problems (XF001 duplicate-source, XF002
  duplicate-title, LK008 link-fragment's anchors on other pages, LK009 ref-not-found, and unused
  suppressions of those rules) changed because of it, as
  `[12:00:01] re-linted A; removed B; updated C`; then every current problem of each re-linted
  and updated file, so the last block printed for a file is its whole picture (a named file with
  nothing below it has no problems left); then one `resolved:` line for each cross-file problem
  that went away from an updated file. The cross-file rules run over the results of every
  watched file after each batch, with the files' suppressions applied as in `check`. With
  `--quiet` (a text format) or `--statistics`, the summary line or the counts per rule of every
  watched file's problems are printed in place of the problems.
- **Configuration.** The configuration files a run reads (`newslint.toml`, `.newslint.toml` and
  `pyproject.toml` from the watched folders upward, or the `--config` file; the Hugo site's
  `hugo.*` / `config.*` and `config/_default/`, `config/<environment>/`) are looked at about four
  times a second. When one changes, is added or is removed, the configuration and the site are read
  again, the watch is set up again (the watched folders may have changed) and every file is linted
  and printed again, as at the start. So is a symbolic link to a folder that appears in the watched
  folders (the file system watch follows the links that exist when it starts). A configuration that
  cannot be read is reported (`newslint: error: ...`) and the previous one stays in force until the
  file is fixed. A watched folder that is deleted and created again, or a content folder of the
  site that did not exist at the start (a new language's contentDir), is set up the same way (the
  file system watch followed the old folder), and so is a `.gitignore` file that changes, appears
  or is deleted in the watched folders or above them. The site's templates count as its
  configuration (`layouts/` of the site and of each theme component, and a component's own
  `hugo.*`/`config.*`): a widget template, a docs layout or a link render hook added, changed or
  removed there is seen the same way. Plugins' code is read once: restart to pick up a change
  there.
- **Stopping.** Ctrl-C (SIGINT) and SIGTERM exit 0. A watched path that does not exist is a usage
  error (exit 2), as is a device, a pipe or a socket (`/dev/null`: no editor saves one, and its
  folder is no content), and a configuration that cannot be read at the start.

With a machine-readable `--output-format` (json, json-lines, sarif, junit, github, gitlab) only the
reports go to standard output, so it stays parseable (json, sarif, junit and gitlab print one document
per batch); the status lines go to standard error, and a program that keeps the picture reads them
to learn which files a batch replaced.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import re
import signal
import sys
import time
from collections.abc import Callable, Generator, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from newslint.discover import MARKDOWN_SUFFIXES, admits, walk

if TYPE_CHECKING:
    from newslint.config import Config
    from newslint.diagnostics import Diagnostic
    from newslint.engine import FileResult, RuleSet

# Formats read by programs: their standard output holds the reports only.
MACHINE_FORMATS = ("json", "json-lines", "sarif", "junit", "github", "gitlab")
DEBOUNCE_MS = 300  # a batch is handled at most this long after its first change
STEP_MS = 50  # ... and this long after its last one
IDLE_MS = 100  # with nothing changing, the loop wakes this often (to look at the configuration)
CONFIG_POLL_S = 0.25  # the configuration files are looked at this often
ADDED, DELETED = 1, 3  # watchfiles.Change values (its enum is not imported for two constants)
# Folders whose changes are never looked at (the cache's writes would otherwise wake the watch).
IGNORED_DIRS = frozenset(
    {
        ".newslint_cache",
        ".git",
        ".hg",
        ".svn",
        "node_modules",
        "__pycache__",
        ".venv",
        "venv",
        ".tox",
        ".idea",
        ".mypy_cache",
        ".pytest_cache",
        ".hypothesis",
    }
)
NEWSLINT_CONFIG_NAMES = ("newslint.toml", ".newslint.toml", "pyproject.toml")

Identity = tuple[str, str, int, int, int, int, str]


class Scope:
    """What a watch covers: the paths it was given (or the default ones), and which file that
    appears while it runs would have been linted by `newslint check` of those paths."""

    def __init__(
        self,
        roots: Sequence[Path],
        exclude: Sequence[str] = (),
        *,
        force_exclude: bool = False,
        find_roots: Callable[[], list[Path]] | None = None,
        bases: Sequence[Path] = (),
    ) -> None:
        """`find_roots` finds the roots again (the configuration's `include` globs, which a new
        file may match): asked when a file appears that the current roots do not take; `bases`
        are the folders where it looks, watched as well."""
        self.exclude = list(exclude)
        self.force_exclude = force_exclude
        self.find_roots = find_roots
        self.bases = list(bases)
        self._refreshed = False
        # Folders (real paths) holding the targets of articles that are symbolic links to files
        # outside the watched folders, watched as well, and those targets: a save of the target
        # must re-lint the link, and nothing else in such a folder is looked at.
        self.extra: set[str] = set()
        self.targets: set[str] = set()
        self._set_roots(roots)

    def _set_roots(self, roots: Sequence[Path]) -> None:
        self.roots = list(roots)
        self._folders: list[tuple[str, Path]] = []  # (absolute path + separator, root)
        self._files: dict[str, Path] = {}  # absolute path -> root
        self._watched: list[str] | None = None
        for root in self.roots:
            if root.is_dir():
                self._folders.append((os.path.join(os.path.abspath(root), ""), root))
            else:
                self._files[os.path.abspath(root)] = root

    def watched(self) -> list[str]:
        """The folders to watch: each folder root, and the folder of each file root (a watch on
        the file itself would be lost when an editor renames a new file over it); none inside
        another when the watch is `recursive`, which covers it."""
        if self._watched is None:
            self._watched = self._find_watched()
        return self._watched

    def _find_watched(self, *, extra: bool = True) -> list[str]:
        folders = {top.rstrip(os.sep) or os.sep for top, _ in self._folders}
        folders.update(os.path.dirname(key) for key in self._files)
        folders.update(os.path.abspath(b) for b in self.bases if b.is_dir())
        if extra:
            folders.update(self.extra)
        if not self.recursive:
            # (`content/a.md content/news/b.md`: `content/` alone would not see `b.md` saved)
            return sorted(folders)
        kept: list[str] = []
        for folder in sorted(folders):
            if not any(folder.startswith(os.path.join(k, "")) or folder == k for k in kept):
                kept.append(folder)
        return kept

    @property
    def recursive(self) -> bool:
        """Whether the watch must follow the watched folders' subfolders: only for a folder
        root (or the base of an `include` glob). The folders of named files and of link
        targets are watched for those files alone: a watch of `~/notes.md` must not put a
        watch on every folder below `~` (the system's limit on them, and their changes)."""
        return bool(self._folders) or any(b.is_dir() for b in self.bases)

    def relevant(self, _change: Any, name: str) -> bool:
        """The watch's filter: nothing in a folder of `IGNORED_DIRS` (the cache's, a
        repository's) below a watched folder, so that their writes do not even wake the watch;
        in a folder watched only for the targets of linked articles, only those targets."""
        for folder in self.watched():
            prefix = os.path.join(folder, "")
            if name.startswith(prefix):
                if folder in self.extra and not self._in_folders(name):
                    return name in self.targets
                return IGNORED_DIRS.isdisjoint(name[len(prefix) :].split(os.sep))
        return True

    def _in_folders(self, name: str) -> bool:
        return any(name.startswith(top) for top, _ in self._folders) or (
            os.path.dirname(name) in {os.path.dirname(key) for key in self._files}
        )

    def add_targets(self, targets: Iterable[str]) -> list[str]:
        """Watch the folders of these link targets (real paths) that no watched folder holds;
        the targets whose folder is new to the watch, which must be set up again for them."""
        watched = [os.path.join(os.path.realpath(f), "") for f in self._find_watched(extra=False)]
        # A watch without subfolders (named files alone) holds only the folders themselves.
        recursive = self.recursive
        added = []
        for target in targets:
            folder = os.path.join(os.path.dirname(target), "")
            if target in self.targets or any(
                folder.startswith(w) if recursive else folder == w for w in watched
            ):
                continue
            folder = os.path.dirname(target)
            self.targets.add(target)
            if folder not in self.extra:
                self.extra.add(folder)
                added.append(target)
        if added:
            self._watched = None
        return added

    def is_named(self, key: str) -> bool:
        """Whether the absolute path `key` was named as a root (a file)."""
        return key in self._files

    def admits(self, path: Path) -> bool:
        """Whether a check of the roots would lint the file `path`."""
        if self._admits(path):
            return True
        if self.find_roots is not None and not self._refreshed:
            self._refreshed = True  # once a batch: it matches the globs over the whole tree
            found = self.find_roots()
            if found != self.roots:
                self._set_roots(found)
                return self._admits(path)
        return False

    def refresh(self) -> None:
        """Find the roots again now, when they come from globs."""
        if self.find_roots is not None:
            self._set_roots(self.find_roots())

    def new_batch(self) -> None:
        """A batch begins: the roots may be found again (once) for a file that appeared, and
        the folders a named file lies in are listed again (`--force-exclude`)."""
        from newslint.discover import forget_folders

        self._refreshed = False
        forget_folders()

    def _admits(self, path: Path) -> bool:
        key = os.path.abspath(path)
        named = self._files.get(key)
        if named is not None:
            # A file named as a root is linted whatever its name, as `check` does (unless
            # `--force-exclude` excludes it).
            from newslint.discover import discover

            return bool(discover([named], self.exclude, force_exclude=self.force_exclude)[0])
        return any(
            key.startswith(top) and admits(root, path, self.exclude) for top, root in self._folders
        )

    def files_in(self, folder: Path) -> list[Path]:
        """The files a check of the roots would lint in `folder` (one that was added)."""
        return [path for path in walk(folder, self.exclude) if self.admits(path)]


class Session:
    """The current picture: every watched file's result and the cross-file diagnostics."""

    def __init__(
        self,
        ruleset: RuleSet,
        scope: Scope | Sequence[Path],
        out: TextIO,
        *,
        fmt: str = "full",
        color: str = "auto",
        use_cache: bool = True,
        jobs: int | None = None,
        exclude: Sequence[str] = (),
        status: TextIO | None = None,
        offline: bool = False,
        quiet: bool = False,
        statistics: bool = False,
    ) -> None:
        self.ruleset = ruleset
        self.scope = scope if isinstance(scope, Scope) else Scope(scope, exclude)
        self.out = out
        # Where the status lines go: with the reports, unless a program reads those.
        self.status = status or (sys.stderr if fmt in MACHINE_FORMATS else out)
        self.fmt = fmt
        self.color = color
        self.use_cache = use_cache
        self.jobs = jobs
        self.offline = offline
        # `--quiet`, `--statistics`: a summary of the whole picture in place of the problems.
        self.quiet = quiet
        self.statistics = statistics
        self.results: dict[str, FileResult] = {}  # absolute path -> result
        self.shown: dict[str, str] = {}  # absolute path -> path as reported
        self.keys: dict[str, str] = {}  # path as reported -> absolute path
        self.folders: set[str] = set()  # every folder that holds (or held) a watched file
        self.project: dict[str, list[Diagnostic]] = {}  # cross-file diagnostics by path
        # Symbolic links to folders that appeared in the watched folders: the watch must be set
        # up again to follow them (`Watch`).
        self.linked: list[str] = []
        # Articles that are symbolic links to files: real path of the target -> the links' paths
        # (absolute). The watch reports a save by the target's name, which the picture lacks.
        self.link_targets: dict[str, set[str]] = {}
        # Transient link failures seen in this session (see `check_links`'s `recent`).
        self.recent_links: dict[str, Any] = {}
        self._covers: Callable[[], bool] = lambda: True

    # ------------------------------------------------------------------------------ lint

    def start(self, files: Sequence[Path]) -> list[Diagnostic]:
        """Lint every file once; print and return all diagnostics."""
        from newslint.discover import names_of
        from newslint.runner import once, project_files

        targets = names_of(files)
        ruleset = self.ruleset
        # Whether the cross-file rules see the whole site, so that a suppression of one of them
        # that silences nothing can be called unused (as `check` judges it).
        self._covers = once(lambda: not project_files(targets, ruleset).names)
        diagnostics = self._lint(files, jobs=self.jobs)
        # A file deleted (or replaced by a folder) between discovery and its lint is gone, not
        # a file with an NL002 'file vanished' error, as in a later batch (`update`).
        vanished = [path for path in files if _gone(path)]
        if vanished:
            gone = {self._forget(os.path.abspath(path)) for path in vanished}
            diagnostics = [d for d in diagnostics if d.path not in gone]
            files = [path for path in files if self.shown.get(os.path.abspath(path)) is not None]
        self.project = self._project_end()
        for found in self.project.values():
            diagnostics.extend(found)
        self._print(diagnostics, len(files))
        return diagnostics

    def _lint(self, files: Sequence[Path], *, jobs: int | None) -> list[Diagnostic]:
        from newslint.runner import lint_files

        results = lint_files(files, self.ruleset, jobs=jobs, use_cache=self.use_cache)
        out: list[Diagnostic] = []
        for path, result in zip(files, results, strict=True):
            key = os.path.abspath(path)
            self.results[key] = result
            self.shown[key] = result.path
            if os.path.islink(key):
                self.link_targets.setdefault(os.path.realpath(key), set()).add(key)
            self.keys[result.path] = key
            folder = os.path.dirname(key)
            while folder not in self.folders and folder != os.path.dirname(folder):
                self.folders.add(folder)
                folder = os.path.dirname(folder)
            out.extend(result.diagnostics)
        return out

    def _project_end(self) -> dict[str, list[Diagnostic]]:
        """The cross-file diagnostics over every file's current result, silenced by the files'
        suppressions (and unused suppressions of cross-file rules), by path."""
        from newslint.project import ProjectData
        from newslint.runner import Results, project_end
        from newslint.suppressions import project_suppressions

        results = Results(list(self.results.values()))
        results.covers_project = self._covers
        # Gathered once for both steps (each would gather it again from every file's result).
        results.project = ProjectData.of(results, [active.rule for active in self.ruleset.rules])
        found = project_end(
            results,
            self.ruleset,
            offline=self.offline,
            use_cache=self.use_cache,
            recent=self.recent_links,
        )
        by_path: dict[str, list[Diagnostic]] = {}
        for d in project_suppressions(results, found):
            by_path.setdefault(d.path, []).append(d)
        return by_path

    def update(self, changes: Iterable[tuple[Any, str]]) -> list[Diagnostic]:
        """Handle one batch of (change, path) from watchfiles; print and return what it shows:
        every current diagnostic of the files it re-linted and of the files whose cross-file
        diagnostics it changed."""
        self.scope.new_batch()
        changed, removed = self._classify(changes)
        if not changed and not removed:
            return []
        changed += self._dependents(changed, removed)
        gone = [self._forget(key) for key in removed]
        before = self.project
        if changed:
            self._lint(changed, jobs=self.jobs)
            # A file deleted between the look at the disk and its lint (read as NL002 'file
            # vanished') is gone, not a file with an error: it leaves the picture now (its
            # deletion's event, in the next batch, then finds nothing to remove).
            # So is one replaced by a folder meanwhile. (lexists: a pipe, a symlink loop or a
            # broken link is still there, reported as in a check.)
            vanished = [path for path in changed if _gone(path)]
            if vanished:
                gone.extend(self._forget(os.path.abspath(path)) for path in vanished)
                missing = set(vanished)  # a set: a checkout may take thousands at once
                changed = [path for path in changed if path not in missing]
        self.project = self._project_end()
        relinted = sorted(dict.fromkeys(self.shown[os.path.abspath(p)] for p in changed))
        skip = {*relinted, *gone}
        updated = sorted(
            path
            for path in before.keys() | self.project.keys()
            if path not in skip
            and _identities(before.get(path, ())) != _identities(self.project.get(path, ()))
        )
        diagnostics: list[Diagnostic] = []
        for path in [*relinted, *updated]:
            key = self.keys.get(path)
            if key is not None:
                diagnostics.extend(self.results[key].diagnostics)
            diagnostics.extend(self.project.get(path, ()))
        stamp = time.strftime("%H:%M:%S")
        parts = []
        if relinted:
            parts.append("re-linted " + ", ".join(relinted))
        if gone:
            parts.append("removed " + ", ".join(sorted(gone)))
        named = [path for path in updated if path in self.keys]
        if named:
            parts.append("updated " + ", ".join(named))
        self.status.write(f"[{stamp}] {'; '.join(parts)}\n")
        self.status.flush()
        self._print(diagnostics, len(relinted) + len(named))
        for path in updated:
            now = _identities(self.project.get(path, ()))
            for d in sorted(before.get(path, ()), key=lambda d: d.sort_key()):
                if _identity(d) not in now:
                    self.status.write(
                        f"[{stamp}] resolved: {d.path}:{d.line}:{d.column}: {d.code} [{d.rule}] "
                        f"{d.message}\n"
                    )
        self.status.flush()
        return diagnostics

    def _dependents(self, changed: Sequence[Path], removed: Sequence[str]) -> list[Path]:
        """When a file came or went: the other files of the picture whose result depends on other
        files (`newslint.runner.depends_elsewhere`: LK003 judges a relative link by the pages
        there are), to be linted again with the batch."""
        from newslint.runner import depends_elsewhere, site_dependent_rules, volatile_rules

        keys = {os.path.abspath(path) for path in changed}
        if not removed and keys <= self.results.keys():
            return []  # saves of files the picture holds: no page came or went
        volatile = volatile_rules(self.ruleset) | site_dependent_rules(self.ruleset)
        if not volatile:
            return []
        keys.update(removed)
        return [
            _relative(key)
            for key, result in self.results.items()
            if key not in keys and depends_elsewhere(result, volatile)
        ]

    def _forget(self, key: str) -> str:
        """Drop a file that is gone; its path as reported."""
        self.results.pop(key, None)
        for links in self.link_targets.values():
            links.discard(key)
        shown = self.shown.pop(key, key)
        self.keys.pop(shown, None)
        return shown

    def _classify(self, changes: Iterable[tuple[Any, str]]) -> tuple[list[Path], list[str]]:
        """(files to lint, absolute paths of files gone), judged by what is on disk now."""
        from newslint.cascade import clear_cascade_cache, is_index_file

        changed: dict[str, Path] = {}
        # A dict as an ordered set: `rm -r` reports each file and its folder, one removal each.
        removed: dict[str, None] = {}
        # Folders whose `_index` file changed: its `cascade` reaches every page below.
        sections: set[str] = set()
        # Folders deleted: their files are looked up once for all of them, after the batch (a
        # scan of every file per folder took 13 s when `rm -r` took 8,000 page bundles away).
        gone: set[str] = set()
        for change, name in changes:
            key = os.path.abspath(name)
            if self.link_targets:
                # The target of a linked article (named as the watch saw it, or by a path that
                # leads to it): the article it stands behind is linted again.
                links = self.link_targets.get(key) or self.link_targets.get(os.path.realpath(key))
                for link in sorted(links or ()):
                    if link in self.results and os.path.lexists(link):
                        changed.setdefault(link, _relative(link))
            if is_index_file(key):
                sections.add(os.path.dirname(key))
            if os.path.isdir(name) and not _listable(name):
                # A folder that can no longer be listed (its permissions taken away): its articles
                # leave the picture, and the folder stands for them with the NL002 a check
                # reports ("cannot read folder"), until it can be listed again.
                if key in self.results or key in self.folders or self.scope.admits(Path(name)):
                    gone.add(key)
                    changed[key] = _relative(name)
            elif os.path.isdir(name):
                # A folder created or moved in brings its files; a folder's own metadata changing
                # says nothing about them (they report their own changes) ...
                walk_it = int(change) == ADDED
                if key in self.results:
                    # ... unless something stood for it in the picture: an article replaced by a
                    # folder (deleted, then a folder made under its name), or a folder that could
                    # not be listed and now can. That is gone; the folder's files come in.
                    removed[key] = None
                    walk_it = True
                if int(change) == ADDED and os.path.islink(name):
                    # A symbolic link to a folder: the file system watch does not follow one made
                    # while it runs, and its files may be ones the picture holds by another path
                    # (a link to a folder above): the watch is set up again (`linked`), and walks
                    # it as a check does.
                    if self.scope.admits(Path(name)):
                        self.linked.append(key)
                elif walk_it:
                    for found in self.scope.files_in(_relative(name)):
                        changed.setdefault(os.path.abspath(found), found)
            elif os.path.lexists(name):  # a file, or a pipe or a link loop a check reports
                if key in self.results or (self._may_lint(key) and self.scope.admits(Path(name))):
                    changed[key] = _relative(name)
            elif key in self.results:
                removed[key] = None
            elif key in self.folders:  # a folder and everything that was in it
                gone.add(key)
        if gone:
            removed.update(dict.fromkeys(k for k in self.results if self._below(k, gone)))
        if sections:
            clear_cascade_cache()
            prefixes = tuple(os.path.join(folder, "") for folder in sections)
            for key in sorted(self.results):
                if key.startswith(prefixes) and key not in removed and os.path.isfile(key):
                    changed.setdefault(key, _relative(key))
        return list(changed.values()), [key for key in removed if key not in changed]

    def _below(self, key: str, folders: set[str]) -> bool:
        """Whether the file `key` lies in one of `folders` (each a folder of the picture's, which
        holds every folder above its files)."""
        folder = os.path.dirname(key)
        while folder in self.folders:
            if folder in folders:
                return True
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
        return False

    def _may_lint(self, key: str) -> bool:
        """A quick look before `Scope.admits`: Markdown, or a file named as a root."""
        return key.lower().endswith(MARKDOWN_SUFFIXES) or self.scope.is_named(key)

    def _print(self, diagnostics: list[Diagnostic], files: int) -> None:
        from newslint.reporters import report

        # A summary (`--statistics`, or `--quiet` in a text format: the machine formats ignore
        # it, as in `check`) is of every watched file: what is left to do after this save.
        if self.statistics or (self.quiet and self.fmt not in MACHINE_FORMATS):
            diagnostics = [d for result in self.results.values() for d in result.diagnostics]
            diagnostics += [d for found in self.project.values() for d in found]
            files = len(self.results)
        diagnostics.sort(key=lambda d: d.sort_key())
        if self.statistics:
            from newslint.reporters import statistics

            statistics.write(diagnostics, self.out, self.fmt)
        else:
            report(self.fmt, diagnostics, files, self.out, color=self.color, quiet=self.quiet)
        self.out.flush()


def _gone(path: Path) -> bool:
    """Whether the file at `path` is no longer there: deleted, or a folder in its place (one that
    cannot be listed stays: it stands for its articles, as in a check)."""
    return not os.path.lexists(path) or (os.path.isdir(path) and _listable(path))


def _special(path: Path) -> bool:
    """Whether `path` is (or links to) a device, a pipe or a socket."""
    import stat

    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):  # a dangling link, a loop: `check` says what it is
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _listable(folder: str | os.PathLike[str]) -> bool:
    """Whether the folder's files can be listed (no read permission: not)."""
    try:
        os.scandir(folder).close()
    except FileNotFoundError:
        return True  # gone meanwhile: it hides nothing
    except OSError:
        return False
    return True


def _relative(name: str | os.PathLike[str]) -> Path:
    """The path from the working directory, as the files of a check are reported."""
    try:
        return Path(os.path.relpath(name))
    except ValueError:  # another drive (Windows)
        return Path(name)


def _identity(d: Diagnostic) -> Identity:
    return (d.path, d.code, d.line, d.column, d.end_line, d.end_column, d.message)


def _identities(diagnostics: Iterable[Diagnostic]) -> set[Identity]:
    return {_identity(d) for d in diagnostics}


# ------------------------------------------------------------------------------ configuration

Stamp = tuple[int, int, int] | None


def config_stamps(
    args: argparse.Namespace, config: Config, folders: Sequence[str]
) -> dict[str, Stamp]:
    """The configuration files a run over the watched `folders` reads, or would read if they
    appeared: newslint's and the Hugo site's in those folders and above them (where a check
    looks for them; a Jekyll site's `_config.yml` and Gemfile too, and the files that pin the
    Hugo version of its builds), each with its modification time, size and
    inode (None when missing)."""
    from newslint.site import (
        CONFIG_NAMES,
        GEMFILE_NAMES,
        GITHUB_WORKFLOWS,
        HUGO_PIN_FILES,
        JEKYLL_CONFIG_NAMES,
    )

    env = os.environ.get("HUGO_ENVIRONMENT") or os.environ.get("HUGO_ENV") or "production"
    searched = not args.isolated and not _config_file_given(args)
    names: list[str] = []
    if config.path is not None:
        names.append(os.path.abspath(config.path))
    seen: set[str] = set()
    for start in dict.fromkeys([*folders, os.getcwd()]):
        folder = start
        while folder not in seen:
            seen.add(folder)
            if searched:
                names.extend(os.path.join(folder, n) for n in NEWSLINT_CONFIG_NAMES)
            # The `.gitignore` files above the watched folders (the walk reads them up to the
            # repository's root); those inside them come as changes of the watch.
            names.append(os.path.join(folder, ".gitignore"))
            names.extend(os.path.join(folder, n) for n in CONFIG_NAMES)
            # Outside a Hugo site, a Jekyll site's `future` decides which posts are published,
            # and its Gemfile that setting's default (`github-pages` or Jekyll's own).
            names.extend(os.path.join(folder, n) for n in (*JEKYLL_CONFIG_NAMES, *GEMFILE_NAMES))
            for part in ("_default", env):
                names.extend(_files_under(os.path.join(folder, "config", part)))
            # The Hugo version a host or CI service builds with (shortcode-removed reads it).
            names.extend(os.path.join(folder, n) for n in HUGO_PIN_FILES)
            names.extend(_files_under(os.path.join(folder, GITHUB_WORKFLOWS)))
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
    names.extend(_template_files(folders))
    return {name: _stamp(name) for name in dict.fromkeys(names)}


# Template files looked at per site at most (a theme has tens to a few hundred): the look, four
# times a second, stays a few milliseconds.
_MAX_TEMPLATE_FILES = 4000


def _template_files(folders: Sequence[str]) -> list[str]:
    """The files of the templates and theme configurations of the sites around `folders`
    (`Site.template_sources`): reading the site depends on them as on its configuration."""
    from newslint.site import find_root, load_site

    found: list[str] = []
    roots: set[Path] = set()
    for start in dict.fromkeys([*folders, os.getcwd()]):
        try:
            located = find_root(Path(start))
            if located is None or located[0] in roots:
                continue
            roots.add(located[0])
            sources = load_site(*located).template_sources()
        except (OSError, ValueError):
            continue  # a site that cannot be read now is read again when its configuration is
        budget = len(found) + _MAX_TEMPLATE_FILES
        for source in sources:
            name = os.fspath(source)
            if not os.path.isdir(name):
                found.append(name)  # a file, or none yet: its appearing counts
                continue
            for where, subfolders, files in os.walk(name):
                subfolders.sort()
                found.extend(os.path.join(where, file) for file in sorted(files))
                if len(found) >= budget:
                    break
    return found


_CONFIG_SUFFIXES = ("toml", "yaml", "yml", "json")


def _config_file_given(args: argparse.Namespace) -> bool:
    return any("=" not in str(v) or os.path.isfile(v) for v in args.config or ())


def _files_under(folder: str) -> list[str]:
    if not os.path.isdir(folder):
        return []
    return [
        os.path.join(where, name)
        for where, _, files in os.walk(folder)
        for name in sorted(files)
        if name.rsplit(".", 1)[-1].lower() in _CONFIG_SUFFIXES
    ]


def _stamp(name: str) -> Stamp:
    try:
        info = os.stat(name)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size, info.st_ino)


def _inodes(folders: Iterable[str]) -> dict[str, int | None]:
    found: dict[str, int | None] = {}
    for folder in folders:
        try:
            found[folder] = os.stat(folder).st_ino
        except OSError:
            found[folder] = None
    return found


def _differences(old: dict[str, Stamp], new: dict[str, Stamp]) -> list[str]:
    return sorted(n for n in old.keys() | new.keys() if old.get(n) != new.get(n))


# ------------------------------------------------------------------------------ the command


@dataclass
class Setup:
    """What a watch runs with until its configuration changes."""

    config: Config
    ruleset: RuleSet
    scope: Scope
    stamps: dict[str, Stamp] = field(default_factory=dict)
    # The watched folders' inodes (None: gone): one deleted and created again is no longer
    # watched (the watch followed the old folder), so the watch is set up again when one is back.
    folders: dict[str, int | None] = field(default_factory=dict)
    # The site's content folders that did not exist at the setup (a language's contentDir not
    # made yet), among `folders` as gone: the watch is set up when one is created.
    to_come: frozenset[str] = frozenset()
    # Whether each root named on the command line was a folder at the setup (absolute paths).
    # One that is now the other kind is set up again: a named folder that became a file, was
    # removed and became a folder again is no longer among the watched folders, whose inodes
    # would say so.
    named_folders: dict[str, bool] = field(default_factory=dict)


# A character `os.fsdecode` made of a byte that is not UTF-8 (a lone surrogate).
_UNDECODED = re.compile("[\udc80-\udcff]")


def _undecodable_in(folder: str) -> frozenset[tuple[bytes, int, int, int]] | None:
    """(name, modification time, size, inode) of each entry of `folder` whose name is not UTF-8;
    None when the folder cannot be listed."""
    found = set()
    try:
        with os.scandir(os.fsencode(folder)) as entries:
            for entry in entries:
                try:
                    entry.name.decode("utf-8")
                    continue
                except UnicodeDecodeError:
                    pass
                try:
                    stat = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                found.add((entry.name, stat.st_mtime_ns, stat.st_size, stat.st_ino))
    except (OSError, ValueError):
        return None
    return frozenset(found)


class Watch:
    """The `watch` command: set up, lint everything, follow the changes; set up again when the
    configuration changes."""

    def __init__(self, args: argparse.Namespace, out: TextIO | None = None) -> None:
        self.args = args
        self.out = out or sys.stdout
        self.fmt = "full"
        self.status = self.out
        # The session to go on with when a watch ends only because a file whose name is not
        # UTF-8 was read (`_follow`), and the files of such names last seen in each folder.
        self._kept: tuple[Setup, Session] | None = None
        self._undecodable: dict[str, frozenset[tuple[bytes, int, int, int]] | None] = {}
        # When the watch last handed over a batch, or was set up (`time.time_ns`): what changed
        # after it is in the batch a watch ending on such a read took with it (`_missed`).
        self._since = 0

    def setup(self) -> Setup:
        """Read the configuration and the rules; `UsageError` when they cannot be used."""
        from newslint.cli import UsageError, _default_paths, build_rules, warn_nearer_configs
        from newslint.config import exclude_patterns

        args = self.args
        config, ruleset = build_rules(args)
        exclude = exclude_patterns(config, args.exclude)
        if args.paths:
            roots = [Path(p) for p in args.paths]
            find_roots = None
        else:
            roots = _default_paths(config, exclude)
            warn_nearer_configs(args, config, roots)
            # The `include` globs are matched again when a file appears that they may match.
            find_roots = (lambda: _default_paths(config, exclude)) if config.include else None
        # lexists: False, not an OSError, for a name too long for the file system.
        missing = [str(p) for p in roots if not os.path.lexists(p)]
        if missing:
            raise UsageError(f"no such file or directory: {', '.join(missing)}")
        # A device, a pipe or a socket is read once by `check` (NL002), but no editor saves it:
        # a watch of it would watch its folder (all of /dev for /dev/null) for nothing.
        special = [str(p) for p in roots if _special(p)]
        if special:
            raise UsageError(
                f"not a file or folder (a device, pipe or socket): {', '.join(special)}; "
                "watch follows Markdown files and the folders that hold them"
            )
        scope = Scope(
            roots,
            exclude,
            force_exclude=args.force_exclude,
            find_roots=find_roots,
            bases=[_glob_base(config, pattern) for pattern in config.include],
        )
        folders = scope.watched()
        to_come = [] if args.paths or config.include else _content_to_come(folders)
        folders = [*folders, *to_come]
        return Setup(
            config,
            ruleset,
            scope,
            config_stamps(args, config, folders),
            _inodes(folders),
            frozenset(to_come),
            {os.path.abspath(p): os.path.isdir(p) for p in roots} if args.paths else {},
        )

    def run(self, stop_event: Any = None) -> None:
        """Watch until Ctrl-C, SIGTERM or `stop_event`."""
        from newslint.reporters import default_format

        setup: Setup | None = self.setup()
        # After the first setup: the configuration's `output-format` counts (the flag wins). It
        # stays as it is for the whole watch.
        self.fmt = self.args.output_format or default_format(self.out, self.args.color)
        self.status = sys.stderr if self.fmt in MACHINE_FORMATS else self.out
        while setup is not None:
            setup = self._follow(setup, stop_event)

    def _say(self, text: str) -> None:
        self.status.write(text + "\n")
        self.status.flush()

    def _follow(self, setup: Setup, stop_event: Any) -> Setup | None:
        """Watch with `setup` until the configuration changes (the new setup) or the end (None)."""
        import watchfiles
        from watchfiles._rust_notify import WatchfilesRustInternalError

        from newslint.cli import _files, _site_errors, resume_gc

        args = self.args
        changes: Generator[set[tuple[Any, str]], None, None] = watchfiles.watch(
            *setup.scope.watched(),
            watch_filter=setup.scope.relevant,
            recursive=setup.scope.recursive,
            debounce=DEBOUNCE_MS,
            step=STEP_MS,
            stop_event=stop_event,
            rust_timeout=IDLE_MS,
            yield_on_timeout=True,
            raise_interrupt=True,
            # An unreadable folder is skipped, as a check's walk skips it.
            ignore_permission_denied=True,
        )
        session: Session | None = None
        kept, self._kept = self._kept, None
        batches: Iterable[set[tuple[Any, str]]] = changes
        try:
            # The watch is in place once the generator first yields (within IDLE_MS, or at once
            # with a change): what changed so far, the files found and linted below already see.
            if kept is not None and kept[0] is setup:
                session = kept[1]
            started = time.time_ns()
            first = next(changes, None)
            if first is None:
                return None
            if session is not None:
                # The last watch ended on a read of a file whose name is not UTF-8: the session
                # goes on, with what that watch's last batch held (found on disk) and what
                # changed since as batches like any others.
                missed = self._missed(setup, session)
                self._since = started
                batches = itertools.chain([missed, first], changes)
                return self._changes(setup, session, batches)
            self._since = started
            setup.scope.refresh()  # the include globs: a file may have appeared since the setup
            files = _files(args, setup.scope.roots, setup.scope.exclude)
            if setup.scope.add_targets(
                os.path.realpath(f) for f in files if os.path.islink(f) and os.path.isfile(f)
            ):
                # Articles linked to files outside the watched folders: a watch that also
                # follows those files' folders, before anything is linted.
                return setup
            resume_gc()  # set up: from here on, linting makes garbage
            for message in _site_errors(files):
                print(f"newslint: warning: {message}", file=sys.stderr)
            if not files:
                print("newslint: warning: no Markdown files to lint yet", file=sys.stderr)
            session = Session(
                setup.ruleset,
                setup.scope,
                self.out,
                fmt=self.fmt,
                color=args.color,
                use_cache=not args.no_cache,
                jobs=args.jobs,
                status=self.status,
                offline=args.offline,
                quiet=args.quiet,
                statistics=args.statistics,
            )
            session.start(files)
            self._undecodable = {
                folder: _undecodable_in(folder)
                for folder in {
                    os.path.dirname(os.path.abspath(name))
                    for name in files
                    if not str(name).isascii() and _UNDECODED.search(str(name))
                }
            }
            # The picture lives as long as the watch: garbage collections need not walk it again
            # (on 10,000 articles, a full collection during a re-lint took the longest ones from
            # about 0.15 s to 0.5 s). A result replaced later is still freed by its reference
            # count.
            gc.freeze()
            count = len(files)
            self._say(
                f"Watching {count} file{'' if count == 1 else 's'} for changes (Ctrl-C to stop)."
            )
            return self._changes(setup, session, batches)
        except WatchfilesRustInternalError as err:
            # A change to a file whose name is not UTF-8 (a Latin-1 name from an old archive):
            # watchfiles cannot give its name, and ends the watch with the batch it was in. A new
            # watch lints everything again, so that batch's other changes are not lost.
            found = re.search(r'decode path "(.*)" to string', str(err))
            if found is None:
                raise
            place = os.path.abspath(os.path.dirname(found.group(1)))
            names = _undecodable_in(place)
            if session is not None and names is not None and self._undecodable.get(place) == names:
                # Its name, size, time and inode are as they were: linting it read it (inotify
                # reports a read too, which watchfiles cannot name either). Watching again with
                # the same session ends the loop a re-lint of everything would start again.
                self._kept = (setup, session)
                return setup
            self._undecodable[place] = names
            folder = _relative(place).as_posix()
            self._say(
                f"[{time.strftime('%H:%M:%S')}] a file whose name is not UTF-8 changed in "
                f"{folder}; watching again, re-linting all"
            )
            return setup
        finally:
            changes.close()  # stops watchfiles' thread

    def _changes(
        self, setup: Setup, session: Session, batches: Iterable[set[tuple[Any, str]]]
    ) -> Setup | None:
        """Follow the watch's `batches` with `session` until the configuration or the watch
        itself must change (the new setup) or the end (None)."""
        args = self.args
        looked = time.monotonic()
        for batch in batches:
            self._since = time.time_ns()
            for change, name in batch:
                if int(change) == DELETED and name in setup.folders:
                    # Its inode may well be the new folder's too: remember it went.
                    setup.folders[name] = None
            if time.monotonic() - looked >= CONFIG_POLL_S:
                looked = time.monotonic()
                new = self._reconfigure(setup)
                if new is not None:
                    return new  # it lints everything again, this batch included
            ignores = [n for _, n in batch if os.path.basename(n) == ".gitignore"]
            if ignores:
                # It may take files out of the picture or bring some in: the watch is set up
                # again, and walks as a check does (the batch's other changes with it).
                names = ", ".join(_relative(n).as_posix() for n in sorted(set(ignores)))
                self._say(f"[{time.strftime('%H:%M:%S')}] {names} changed; re-linting all")
                # Its stamp too, if it is one (in a watched folder): not read again as a
                # change at the next look at the configuration.
                setup.stamps = config_stamps(args, setup.config, list(setup.folders))
                return setup
            if batch:
                session.update(batch)
                outside = setup.scope.add_targets(
                    target for target in session.link_targets if os.path.isfile(target)
                )
                if outside:
                    links = sorted(
                        _relative(link).as_posix()
                        for target in outside
                        for link in session.link_targets[target]
                    )
                    stamp = time.strftime("%H:%M:%S")
                    self._say(
                        f"[{stamp}] {', '.join(links)} links to a file outside the watched "
                        "folders; watching its folder too, re-linting all"
                    )
                    return setup
            if session.linked:
                names = ", ".join(_relative(name).as_posix() for name in session.linked)
                what = (
                    "is a symbolic link to a folder; watching it"
                    if len(session.linked) == 1
                    else "are symbolic links to folders; watching them"
                )
                stamp = time.strftime("%H:%M:%S")
                self._say(f"[{stamp}] {names} {what} too, re-linting all")
                return setup  # a new file system watch, which follows the link
        return None

    def _missed(self, setup: Setup, session: Session) -> set[tuple[Any, str]]:
        """The changes of the batch a watch ended with (it ends on a file whose name is not
        UTF-8, and takes the batch's other changes with it), as watchfiles would have named
        them: files changed since the batch before it (`_since`), files added, files gone."""
        from watchfiles import Change

        from newslint.cli import _files

        # A file's times come from a clock coarser than `time_ns` (a tick): a save just before
        # the mark may carry a time a little below it.
        since = self._since - 50_000_000
        found: set[tuple[Any, str]] = set()
        present = set()
        for name in _files(self.args, setup.scope.roots, setup.scope.exclude):
            path = os.path.abspath(name)
            present.add(path)
            if path not in session.results:
                found.add((Change.added, path))
                continue
            try:
                stat = os.stat(path)
            except OSError:
                continue
            if max(stat.st_mtime_ns, stat.st_ctime_ns) >= since:
                found.add((Change.modified, path))
        found.update((Change.deleted, path) for path in session.results.keys() - present)
        return found

    def _reconfigure(self, setup: Setup) -> Setup | None:
        """A new setup when a configuration file changed, or a watched folder was created again,
        and the configuration can be read; None otherwise."""
        from newslint.cli import UsageError
        from newslint.site import clear_site_cache

        folders = list(setup.folders)  # as watched (the include globs may find more roots since)
        stamps = config_stamps(self.args, setup.config, folders)
        inodes = _inodes(folders)
        back = [f for f, inode in inodes.items() if inode not in (None, setup.folders.get(f))]
        setup.folders = inodes  # a folder gone is remembered as gone, and seen when it is back
        back += [
            root
            for root, was_folder in setup.named_folders.items()
            if os.path.lexists(root) and os.path.isdir(root) != was_folder and root not in back
        ]
        if stamps == setup.stamps and not back:
            return None
        # An editor may save in steps (vim moves the file away, then writes it): wait until the
        # files stay as they are for a step.
        for _ in range(DEBOUNCE_MS // STEP_MS):
            time.sleep(STEP_MS / 1000)
            again = config_stamps(self.args, setup.config, folders)
            if again == stamps:
                break
            stamps = again
        changed = _differences(setup.stamps, stamps)
        setup.stamps = stamps
        names = ", ".join(_relative(name).as_posix() for name in changed or back)
        stamp = time.strftime("%H:%M:%S")
        clear_site_cache()
        try:
            new = self.setup()
        except UsageError as err:
            for line in str(err).splitlines() or [""]:
                print(f"newslint: error: {line}", file=sys.stderr)
            self._say(f"[{stamp}] {names} changed; keeping the previous configuration")
            return None
        if changed:
            self._say(f"[{stamp}] {names} changed; reading the configuration again, re-linting all")
        elif set(back) <= setup.to_come:
            self._say(f"[{stamp}] {names} was created; watching it, re-linting all")
        else:
            self._say(f"[{stamp}] {names} was created again; watching it again, re-linting all")
        return new


def _content_to_come(watched: Sequence[str]) -> list[str]:
    """The content folders of the site around the working directory (what a watch without
    paths watches) that do not exist yet, outside the `watched` folders (absolute paths)."""
    from newslint.site import find_root, load_site

    located = find_root(Path.cwd())
    if located is None:
        return []
    found: list[str] = []
    for folder, _ in load_site(*located)._content_roots():
        key = os.path.abspath(folder)
        inside = any(key == top or key.startswith(os.path.join(top, "")) for top in watched)
        if not inside and not os.path.isdir(key):
            found.append(key)
    return found


def _glob_base(config: Config, pattern: str) -> Path:
    """The folder an `include` glob starts from: its path up to the first wildcard."""
    base = config.path.parent if config.path else Path.cwd()
    parts: list[str] = []
    for part in Path(pattern).parts:
        if any(char in part for char in "*?[{"):
            break
        parts.append(part)
    folder = base.joinpath(*parts) if parts else base
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    return _relative(folder)


def _terminate(signum: int, frame: Any) -> None:
    """SIGTERM stops the watch as Ctrl-C does (a KeyboardInterrupt, which no `except Exception`
    on the way catches)."""
    raise KeyboardInterrupt


def cmd_watch(args: argparse.Namespace) -> int:
    """The `watch` command (called by the CLI): 0 when stopped, 2 (`UsageError`) when it cannot
    start."""
    try:
        previous = signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread: no handler can be set
        previous = None
    try:
        Watch(args).run()
    except KeyboardInterrupt:
        pass
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return 0
