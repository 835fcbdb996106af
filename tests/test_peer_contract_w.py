"""Peer round W: hostile input through every entry point, and the command line, from the docs alone.

Written as a demanding outside tester reads DESIGN.md, the README and `newslint rule CODE`, on
what the earlier peer and hostile files leave open. Each case is a small file written here and a
run of the command line (in-process, `newslint.cli.main`), with the exact output it must give.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.cli import main

ARTICLE = (
    "---\n"
    'title: "Budget passes"\n'
    "date: 2025-02-08T09:55:35+08:00\n"
    'summary: "The parliament passed the budget on Tuesday after a long debate."\n'
    "---\n"
    "\n"
    "The parliament passed the budget on Tuesday after a long debate.\n"
    "\n"
    "[Source](https://example.org/news/1)\n"
)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([args[0], "--isolated", "--no-cache", *args[1:]])
    out, err = capsys.readouterr()
    return code, out, err


# --- fix --diff says which files it could not read ----------------------------------------------


def test_fix_diff_names_a_symbolic_link_loop_it_cannot_read(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """README: what cannot be linted is reported as `unreadable-file`, "never skipped without a
    word". `fix --diff` prints no problems, but it printed nothing at all about a file it could
    not read, whose fixes it therefore cannot show (ruff warns of such a file in `--diff` too)."""
    os.symlink("b.md", here / "a.md")
    os.symlink("a.md", here / "b.md")
    code, out, err = run(capsys, "fix", "--diff", "a.md")
    assert (code, out) == (0, "")
    assert err.splitlines() == [
        "a.md:1:1: NL002 [unreadable-file] cannot read file: Too many levels of symbolic links",
        "Would apply 0 fixes in 0 of 1 file.",
    ]


def test_fix_diff_names_a_file_over_max_file_size(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "a.md").write_text(ARTICLE + "Trailing   \n", encoding="utf-8")
    code, out, err = run(capsys, "fix", "--diff", "--config", "max-file-size = 100", "a.md")
    size = len(ARTICLE) + 12
    assert (code, out) == (0, "")
    assert err.splitlines() == [
        f"a.md:1:1: NL003 [file-too-large] file is {size} bytes, over max-file-size (100); "
        "not linted",
        "Would apply 0 fixes in 0 of 1 file.",
    ]


def test_fix_diff_still_prints_no_other_problem(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "a.md").write_text(ARTICLE.replace('"Budget passes"', '"Budget &amp; tax"'))
    code, out, err = run(capsys, "fix", "--diff", "--select", "TX003,DT003", "a.md")
    assert code == 1
    assert out.startswith("--- a/a.md\n+++ b/a.md\n")
    assert err == "Would apply 1 fix in 1 of 1 file.\n"


# --- --no-cache writes no cache -----------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["check", "a.md"],
        ["check", "--config", "fail-on = 'info'", "a.md"],
        ["fix", "--diff", "a.md"],
        ["check", "--stdin-filename", "a.md", "-"],
    ],
    ids=["check", "check-config-override", "fix-diff", "stdin"],
)
def test_no_cache_leaves_no_cache_folder_beside_a_configuration_file(
    here: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    """`--no-cache`: "do not read or write .newslint_cache" (`newslint check --help`). With a
    `newslint.toml` in the folder, a run wrote `.newslint_cache/` all the same: the validated
    configuration, remembered so that the next run skips validating it."""
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode()), encoding="utf-8")
    )
    (here / "newslint.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    (here / "a.md").write_text(ARTICLE, encoding="utf-8")
    code = main([command[0], "--no-cache", *command[1:]])
    capsys.readouterr()
    assert code == 0
    assert sorted(p.name for p in here.iterdir()) == ["a.md", "newslint.toml"]


# --- --changed-since and links that lead nowhere ------------------------------------------------


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_changed_since_passes_over_an_untracked_link_loop(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An untracked `a.md -> b.md -> a.md` beside a changed article: `--changed-since` stopped
    with "internal error: RuntimeError: Symlink loop" (exit 2; `Path.resolve` raises on a loop),
    and nothing was linted. An unnamed loop is left out, as an unnamed broken link is."""
    _git(here, "init", "-q")
    _git(here, "commit", "-q", "--allow-empty", "-m", "base")
    (here / "news.md").write_text(ARTICLE.replace('"Budget passes"', '"Budget &amp; tax"'))
    os.symlink("b.md", here / "a.md")
    os.symlink("a.md", here / "b.md")
    code, out, err = run(capsys, "check", "--changed-since", "HEAD", "--select", "TX003", ".")
    assert (code, err) == (0, "")
    assert (
        out == "news.md:2:16: TX003 [html-entity] [*] title shows the HTML entity &amp; literally\n"
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_changed_since_reports_a_named_link_loop_as_without_it(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _git(here, "init", "-q")
    _git(here, "commit", "-q", "--allow-empty", "-m", "base")
    os.symlink("b.md", here / "a.md")
    os.symlink("a.md", here / "b.md")
    expected = (
        "a.md:1:1: NL002 [unreadable-file] cannot read file: Too many levels of symbolic links\n"
    )
    assert run(capsys, "check", "a.md")[:2] == (1, expected)
    assert run(capsys, "check", "--changed-since", "HEAD", "a.md") == (1, expected, "")


# --- a link loop wherever a path is taken -------------------------------------------------------


@pytest.fixture
def loops(here: Path) -> Path:
    """`loop` (a folder link loop), `loop.toml` and `loop.json` (file link loops), `a.md`."""
    for name in ("loop", "loop.toml", "loop.json"):
        os.symlink(name + ".2", here / name)
        os.symlink(name, here / (name + ".2"))
    (here / "a.md").write_text(ARTICLE, encoding="utf-8")
    return here


ELOOP = "Too many levels of symbolic links"


def test_a_file_in_a_folder_link_loop_is_unreadable_not_an_internal_error(
    loops: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`Path.resolve` raises RuntimeError on a link loop (Python before 3.13): finding the site
    of `loop/x.md` stopped the run with "internal error: RuntimeError: Symlink loop"."""
    expected = f"loop/x.md:1:1: NL002 [unreadable-file] cannot read file: {ELOOP}\n"
    assert run(capsys, "check", "loop/x.md") == (1, expected, "")
    assert main(["check", "--no-cache", "loop/x.md"]) == 1  # the configuration search too
    assert capsys.readouterr().out == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["check", "--no-cache", "--config", "loop.toml", "a.md"],
            f"loop.toml: cannot read: {ELOOP}",
        ),
        (["config", "--config", "loop.toml"], f"loop.toml: cannot read: {ELOOP}"),
        (
            ["check", "--isolated", "--no-cache", "--write-baseline", "loop.json", "a.md"],
            f"loop.json: cannot write: {ELOOP}",
        ),
    ],
    ids=["config-check", "config-command", "write-baseline"],
)
def test_a_link_loop_named_as_a_configuration_or_baseline_is_a_usage_error(
    loops: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(args) == 2
    assert capsys.readouterr().err == f"newslint: error: {message}\n"


def test_the_python_api_lints_an_article_at_a_path_in_a_link_loop(loops: Path) -> None:
    from newslint import check_text, fix_text

    text = ARTICLE.replace('"Budget passes"', '"Budget &amp; tax"')
    assert [(d.code, d.line, d.column) for d in check_text(text, path="loop/x.md")] == [
        ("TX003", 2, 16)
    ]
    assert fix_text(text, path="loop/x.md")[0] == ARTICLE.replace(
        '"Budget passes"', '"Budget & tax"'
    )


# --- check --output never replaces an article ---------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["-o", "a.md", "a.md"],
        ["--output", "./a.md", "."],
        ["-o", "a.md", "--stdin-filename", "a.md"],
    ],
    ids=["named", "walked", "stdin"],
)
def test_output_naming_an_article_being_linted_is_refused(
    here: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    """`check` only reads the articles (DESIGN: `fix` is the command that writes), but `check -o
    a.md a.md` replaced the article with its own report, and `check -o report.md .` run twice
    linted the first report and then overwrote it."""
    (here / "a.md").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode()), encoding="utf-8")
    )
    assert run(capsys, "check", *args) == (
        2,
        "",
        f"newslint: error: --output {Path(args[1])}: is an article being linted; the report would "
        "replace it\n",
    )
    assert (here / "a.md").read_text(encoding="utf-8") == ARTICLE


def test_output_to_a_new_file_beside_the_articles_is_written(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "a.md").write_text(ARTICLE.replace('"Budget passes"', '"Budget &amp; tax"'))
    assert run(capsys, "check", "-o", "report.txt", "--select", "TX003", ".") == (0, "", "")
    assert (here / "report.txt").read_text(encoding="utf-8") == (
        "a.md:2:16: TX003 [html-entity] [*] title shows the HTML entity &amp; literally\n"
    )


def test_write_baseline_naming_an_article_being_linted_is_refused(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "a.md").write_text(ARTICLE, encoding="utf-8")
    assert run(capsys, "check", "--write-baseline", "a.md", "a.md") == (
        2,
        "",
        "newslint: error: --write-baseline a.md: is an article being linted; the baseline would "
        "replace it\n",
    )
    assert (here / "a.md").read_text(encoding="utf-8") == ARTICLE
