"""File discovery: directories walked for Markdown, `.gitignore` respected, symlink loops survived."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

MARKDOWN_SUFFIXES = (".md", ".markdown")
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
    """The subset of .gitignore that content repositories use: globs, `dir/`, `/anchored`, `!negation`."""

    def __init__(self, base: Path, lines: Sequence[str]) -> None:
        self.base = base
        self.rules: list[tuple[str, bool, bool, bool]] = []  # pattern, negated, dir_only, anchored
        for line in lines:
            line = line.rstrip("\n").rstrip()
            if not line or line.startswith("#"):
                continue
            negated = line.startswith("!")
            if negated:
                line = line[1:]
            dir_only = line.endswith("/")
            line = line.rstrip("/")
            anchored = "/" in line
            self.rules.append((line.lstrip("/"), negated, dir_only, anchored))

    def ignored(self, path: Path, is_dir: bool) -> bool | None:
        try:
            rel = path.relative_to(self.base).as_posix()
        except ValueError:
            return None
        verdict: bool | None = None
        for pattern, negated, dir_only, anchored in self.rules:
            if dir_only and not is_dir:
                continue
            target = rel if anchored else path.name
            if fnmatch.fnmatch(target, pattern) or (
                pattern.startswith("**/") and fnmatch.fnmatch(rel, pattern[3:])
            ):
                verdict = not negated
        return verdict


def _load_ignore(directory: Path) -> _GitIgnore | None:
    candidate = directory / ".gitignore"
    if not candidate.is_file():
        return None
    try:
        return _GitIgnore(
            directory, candidate.read_text(encoding="utf-8", errors="replace").splitlines()
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
    """The .gitignore files of the enclosing git repository above `directory`."""
    found: list[_GitIgnore] = []
    for parent in [directory, *directory.parents]:
        ignore = _load_ignore(parent)
        if ignore is not None:
            found.append(ignore)
        if (parent / ".git").exists():
            break
    return list(reversed(found))


def _excluded(path: Path, patterns: Sequence[str]) -> bool:
    if not patterns:
        return False
    try:
        rel = os.path.relpath(path).replace(os.sep, "/")
    except ValueError:
        rel = path.as_posix()
    for pattern in patterns:
        if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(
            path.as_posix(), "*/" + pattern.lstrip("/")
        ):
            return True
        if pattern.endswith("/**") and (rel + "/").startswith(pattern[:-2]):
            return True
    return False


def walk(root: Path, exclude: Sequence[str] = ()) -> Iterator[Path]:
    """Markdown files under `root` in sorted order, skipping ignored paths and symlink loops."""
    seen_dirs: set[tuple[int, int]] = set()
    base_ignores = _parents_ignores(root.absolute())

    def visit(directory: Path, ignores: list[_GitIgnore]) -> Iterator[Path]:
        try:
            stat = directory.stat()
        except OSError:
            return
        key = (stat.st_dev, stat.st_ino)
        if key in seen_dirs:
            return  # a symlink loop, or a directory reached twice
        seen_dirs.add(key)
        local = _load_ignore(directory.absolute())
        if local is not None and local.base not in [i.base for i in ignores]:
            ignores = [*ignores, local]
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError:
                continue
            if is_dir:
                if entry.name in _ALWAYS_SKIPPED or _ignored(path.absolute(), True, ignores):
                    continue
                if _excluded(path, exclude):
                    continue
                yield from visit(path, ignores)
            elif entry.name.lower().endswith(MARKDOWN_SUFFIXES):
                if _ignored(path.absolute(), False, ignores) or _excluded(path, exclude):
                    continue
                yield path

    yield from visit(root, list(base_ignores))


def discover(paths: Sequence[Path], exclude: Sequence[str] = ()) -> tuple[list[Path], list[str]]:
    """Files to lint from `paths`, and the paths that do not exist."""
    files: list[Path] = []
    missing: list[str] = []
    seen: set[Path] = set()
    for given in paths:
        if not given.exists() and not given.is_symlink():
            missing.append(str(given))
            continue
        if given.is_dir():
            candidates: Iterator[Path] | list[Path] = walk(given, exclude)
        else:
            candidates = [given]  # a file named explicitly is linted whatever its name
        for path in candidates:
            key = path.absolute()
            if key not in seen:
                seen.add(key)
                files.append(path)
    return files, missing
