"""What the tests of the real `pre-commit` share: a hook repository made from a snapshot of this
working tree (pre-commit needs a git revision, and the tests must see uncommitted changes and run
in a clean CI clone alike), content repositories that use it, and git and pre-commit run without
the outer repository's environment.

The fixtures `hook_repo` and `home` (one PRE_COMMIT_HOME) are session-wide (tests/conftest.py):
pre-commit builds the hooks' Python environment, a pip install of this project, once per run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT_IGNORE = shutil.ignore_patterns(
    ".git",
    ".ci",
    ".venv",
    "venv",
    "__pycache__",
    "*.egg-info",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    ".hypothesis",
    ".newslint_cache",
    "build",
    "dist",
)


def hook_env(home: Path) -> dict[str, str]:
    # Inside a git hook GIT_DIR and friends point at the outer repository: drop them.
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never", NO_COLOR="1")
    env.pop("NEWSLINT_CACHE_DIR", None)  # the hooks use the repository's own cache folder
    return env


def git(
    cwd: Path, *args: str, check: bool = True, home: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """git in `cwd`; `home` is pre-commit's home for a commit that runs the installed hooks."""
    return subprocess.run(
        ["git", "-c", "user.name=newslint", "-c", "user.email=newslint@example.invalid", *args],
        cwd=cwd,
        env=hook_env(home or cwd.parent / "pre-commit-home-unused"),
        capture_output=True,
        text=True,
        check=check,
    )


def snapshot_repo(folder: Path) -> tuple[Path, str]:
    """This working tree committed into a new repository under `folder`: (path, revision)."""
    repo = folder / "newslint"
    shutil.copytree(ROOT, repo, ignore=SNAPSHOT_IGNORE, symlinks=True)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--no-verify", "-m", "snapshot of the working tree")
    return repo, git(repo, "rev-parse", "HEAD").stdout.strip()


def write_files(root: Path, files: dict[str, str] | dict[str, str | bytes]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        raw = text.encode("utf-8") if isinstance(text, str) else text
        (root / name).write_bytes(raw)


def content_repo(
    path: Path,
    hook_repo: tuple[Path, str],
    hooks: list[dict[str, object]],
    files: dict[str, str] | dict[str, str | bytes],
) -> Path:
    """A new repository at `path` whose `.pre-commit-config.yaml` runs `hooks` from `hook_repo`,
    holding `files` (not staged)."""
    path.mkdir()
    git(path, "init", "-q")
    repo, rev = hook_repo
    config = {"repos": [{"repo": str(repo), "rev": rev, "hooks": hooks}]}
    (path / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    write_files(path, files)
    return path


def pre_commit(repo: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=repo,
        env=hook_env(home),
        capture_output=True,
        text=True,
        timeout=900,
    )
