"""`--changed-since REF` against a real temporary git repository."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from newslint.cli import main

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

BAD = '---\ntitle: "x"\n---\n\nText.\n'  # FM004: date and summary missing


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def write(repo: Path, name: str, text: str = BAD) -> None:
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    for name in ("content/old.md", "content/edited.md", "content/gone.md", "content/renamed.md"):
        write(tmp_path, name)
    write(tmp_path, "newslint.toml", 'select = ["FM004"]\nexclude = ["content/drafts/**"]\n')
    write(tmp_path, ".gitignore", "content/ignored.md\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    git(tmp_path, "checkout", "-q", "-b", "feature")
    write(tmp_path, "content/committed.md")
    git(tmp_path, "add", "content/committed.md")
    git(tmp_path, "commit", "-q", "-m", "branch work")
    # main moves on after the branch was cut: its changes are not the branch's
    git(tmp_path, "checkout", "-q", "main")
    write(tmp_path, "content/old.md", BAD + "Changed on main.\n")
    git(tmp_path, "commit", "-q", "-am", "main work")
    git(tmp_path, "checkout", "-q", "feature")
    # not committed yet
    write(tmp_path, "content/edited.md", BAD + "More.\n")
    (tmp_path / "content" / "gone.md").unlink()
    git(tmp_path, "mv", "content/renamed.md", "content/moved here é.md")
    write(tmp_path, "content/untracked.md")
    write(tmp_path, "content/ignored.md")
    write(tmp_path, "content/drafts/draft.md")
    write(tmp_path, "content/notes.txt", "not markdown")
    write(tmp_path, "other/elsewhere.md")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def linted(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], str]:
    code = main(["check", *args, "--no-cache", "--output-format", "json"])
    out = capsys.readouterr()
    paths = sorted({d["path"] for d in json.loads(out.out)}) if out.out.strip() else []
    return code, paths, out.err


def test_changed_and_untracked_files_under_the_paths(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, paths, _ = linted(["content", "--changed-since", "main"], capsys)
    assert code == 1
    assert paths == [
        "content/committed.md",
        "content/edited.md",
        "content/moved here é.md",
        "content/untracked.md",
    ]


def test_default_paths_and_a_subdirectory(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, paths, _ = linted(["--changed-since", "main"], capsys)
    assert "other/elsewhere.md" in paths and "content/edited.md" in paths
    monkeypatch.chdir(repo / "content")
    _, paths, _ = linted([".", "--changed-since", "main"], capsys)
    assert paths == ["committed.md", "edited.md", "moved here é.md", "untracked.md"]


def test_a_file_named_explicitly_is_linted_only_when_changed(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert linted(["content/edited.md", "--changed-since", "main"], capsys)[1] == [
        "content/edited.md"
    ]
    assert linted(["content/old.md", "--changed-since", "main"], capsys)[:2] == (0, [])


def test_nothing_changed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert linted(["content", "--changed-since", "HEAD~0"], capsys)[:2] != (0, [])
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "all")
    assert linted(["content", "--changed-since", "HEAD"], capsys)[:2] == (0, [])


def test_unknown_revision_exits_2(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = linted(["content", "--changed-since", "no-such-branch"], capsys)
    assert code == 2
    assert err == "newslint: error: --changed-since: unknown git revision 'no-such-branch'\n"


def test_outside_a_repository_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    write(plain, "a.md")
    monkeypatch.chdir(plain)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    code, _, err = linted([".", "--changed-since", "main", "--isolated"], capsys)
    assert code == 2
    assert err == f"newslint: error: --changed-since: {plain} is not inside a git repository\n"
