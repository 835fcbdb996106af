"""`--changed-since REF`: lint only the Markdown files that changed since a git revision.

"Changed" means what a pull request would show plus what is not committed yet: files that differ
between the merge base of REF and HEAD and the working tree (added, copied, modified, renamed or
with a changed type; deleted files are gone and skipped), and untracked files that `.gitignore`
does not exclude. Using the merge base means that commits which landed on REF after the branch
was cut are not counted as changes of the branch. Paths come from git NUL-separated, so names
with spaces, quotes or non-ASCII characters survive.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

from newslint.discover import MARKDOWN_SUFFIXES


class ChangedError(Exception):
    """git is missing, this is not a repository, or REF is unknown; the CLI exits 2."""


def _git(args: Sequence[str], cwd: Path) -> str:
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            check=False,
        )
    except FileNotFoundError:
        raise ChangedError("--changed-since needs git, which is not installed") from None
    if done.returncode != 0:
        raise ChangedError(
            done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "git failed"
        )
    return done.stdout


def _top_level(directory: Path) -> Path:
    try:
        return Path(_git(["rev-parse", "--show-toplevel"], directory).strip())
    except ChangedError:
        raise ChangedError(f"--changed-since: {directory} is not inside a git repository") from None


def changed_files(ref: str, cwd: Path | None = None) -> list[Path]:
    """Absolute paths of the files changed since `ref` in the repository around `cwd`, sorted."""
    top = _top_level(cwd or Path.cwd())
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], top)
    except ChangedError:
        raise ChangedError(f"--changed-since: unknown git revision {ref!r}") from None
    try:
        base = _git(["merge-base", ref, "HEAD"], top).strip()
    except ChangedError:
        base = ref  # unrelated histories or a shallow clone: compare with REF itself
    diff = _git(
        ["diff", "--name-only", "-z", "--no-renames", "--diff-filter=ACMRT", base, "--"], top
    )
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z", "--full-name"], top)
    names = {name for name in (diff + untracked).split("\0") if name}
    return sorted(top / name for name in names)


def changed_under(ref: str, paths: Sequence[Path]) -> list[Path]:
    """The files changed since `ref` in the repositories that hold `paths` (usually one)."""
    tops: dict[Path, None] = {}
    for path in paths:
        directory = path if path.is_dir() else path.parent
        tops[_top_level(_real(directory))] = None
    found: set[Path] = set()
    for top in tops:
        found.update(changed_files(ref, top))
    return sorted(found)


def _real(path: Path) -> Path:
    """`path` with its links resolved, as far as they go: `Path.resolve` raises RuntimeError on a
    link loop (an untracked `a.md -> b.md -> a.md` crashed `--changed-since`), `realpath` stops."""
    return Path(os.path.realpath(path))


def _under(path: Path, roots: Sequence[Path]) -> bool:
    return any(path == root or root in path.parents for root in roots)


def select_changed(
    changed: Sequence[Path], paths: Sequence[Path], exclude: Sequence[str] = ()
) -> list[Path]:
    """The changed Markdown files inside `paths` (a file named in `paths` counts whatever its name),
    not matching `exclude` nor skipped by Hugo (`ignoreFiles`, a disabled language: as a walk
    skips them), relative to the working directory."""
    from newslint.discover import _excluded, hugo_skips

    roots = [_real(p) for p in paths]
    # A named file counts whatever it is: a broken link or a link loop is then `unreadable-file`,
    # as it is when named without --changed-since.
    named = {_real(p) for p in paths if not p.is_dir()}
    out: list[Path] = []
    for path in changed:
        real = _real(path)
        if real not in named and not real.is_file():
            continue
        markdown = path.name.lower().endswith(MARKDOWN_SUFFIXES)
        if real not in named and not (markdown and _under(real, roots)):
            continue
        if _excluded(path, exclude):  # absolute, so `*/content/drafts/**` matches anywhere
            continue
        if real not in named and hugo_skips(path):
            continue
        out.append(Path(os.path.relpath(path)))
    return out
