"""Hostile files: what `tests/test_hostile.py` does not reach yet, through the command line.

Front matter that Python's own limits refuse (an integer of more than 4,300 digits, TOML tables
nested by a `[a.a.a...]` header), dates at the ends of the calendar with an offset, folders and
links that cannot be read, names that read as options, and what `newslint fix` must never do: write
through a link that leads out of the tree, drop a set-user-ID bit, give up on a name near the file
system's limit. The contract is the one of `tests/test_hostile.py`: a diagnostic on the file (or a
message and exit 2 for a usage or configuration error), never a traceback, never an internal error
for the whole run. Permission tests run the command as an unprivileged user when the tests run as
root (who reads every file), with `setpriv`.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from newslint import matter
from newslint.cli import main

# One article that every rule of `--select BD002` passes but for its trailing spaces (a safe fix).
SPACES = '---\ntitle: "A title"\n---\n\nBody text here.   \n'


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, object]]]:
    """`newslint check ARGS` in-process, as JSON; asserts nothing reached standard error."""
    code = main(["check", "--output-format", "json", "--no-cache", *args])
    out = capsys.readouterr()
    assert out.err == ""
    return code, json.loads(out.out)


def shown(diagnostics: list[dict[str, object]]) -> list[tuple[object, ...]]:
    return [(d["path"], d["code"], d["line"], d["column"], d["message"]) for d in diagnostics]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Hugo site in `tmp_path`, the working directory."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hugo.toml").write_text("", encoding="utf-8")
    (tmp_path / "content").mkdir()
    return tmp_path


# ------------------------------------------------ front matter beyond Python's own limits

DIGITS = "9" * 5000  # Python converts at most 4,300 digits from text (a ValueError past that)

FRONT_MATTER = [
    (
        "toml-5000-digits",
        f"+++\ntitle = 'x'\nweight = {DIGITS}\n+++\n",
        ("FM002", 3, 10, "TOML: a number of more than 4,300 digits; not read"),
    ),
    (
        "json-5000-digits",
        f'{{"title": "x", "weight": {DIGITS}}}\n',
        ("FM002", 1, 26, "JSON: a number of more than 4,300 digits; not read"),
    ),
    (
        # The spans of such a header were worked out recursively (RecursionError for the whole
        # run); now `tomli`, which reads it recursively, runs out of stack first.
        "toml-header-5000-deep",
        "+++\n[" + ".".join(["a"] * 5000) + "]\nx = 1\n+++\n",
        ("FM002", 2, 1, "TOML is nested too deeply"),
    ),
    (
        "yaml-5000-digits",
        f"---\ntitle: x\nweight: {DIGITS}\n---\n",
        (
            "FM002",
            3,
            9,
            f"!!int '{'9' * 40}... (5,000 characters)' is not a valid int",
        ),
    ),
    (
        "json-comment",
        '{\n// a comment\n"title": "x"}\n',
        ("FM002", 2, 1, "JSON front matter: Expecting property name enclosed in double quotes"),
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in FRONT_MATTER], ids=[c[0] for c in FRONT_MATTER]
)
def test_front_matter_past_pythons_limits_is_a_diagnostic_and_the_run_goes_on(
    here: Path, capsys: pytest.CaptureFixture[str], text: str, expected: tuple[object, ...]
) -> None:
    # Before: the ValueError or RecursionError ended the whole run as "internal error", exit 2,
    # with no report for any file.
    (here / "content" / "bad.md").write_text(text, encoding="utf-8")
    (here / "content" / "good.md").write_text(SPACES, encoding="utf-8")
    code, diagnostics = check(capsys, "--select", "FM002,BD002")
    assert shown(diagnostics) == [
        ("content/bad.md", *expected),
        ("content/good.md", "BD002", 5, 16, "trailing whitespace (3 spaces)"),
    ]
    assert code == 1
    assert main(["fix", "--no-cache", "--select", "FM002,BD002"]) == 1
    assert (here / "content" / "bad.md").read_text(encoding="utf-8") == text
    assert (here / "content" / "good.md").read_text(encoding="utf-8") == SPACES.replace("   ", "")


def test_a_parser_exception_nobody_foresaw_is_fm002_on_the_file(
    here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(text: str, found: matter.Split) -> matter.FrontMatter:
        raise OverflowError("a limit of the parser")

    monkeypatch.setattr(matter, "parse", broken)
    (here / "content" / "a.md").write_text(SPACES, encoding="utf-8")
    code, diagnostics = check(capsys, "--select", "FM002")
    assert shown(diagnostics) == [
        (
            "content/a.md",
            "FM002",
            1,
            1,
            "front matter could not be read (OverflowError: a limit of the parser)",
        )
    ]
    assert code == 1


@pytest.mark.parametrize(
    "date",
    [
        "9999-12-31T23:59:59-23:59",  # past the last UTC date Python has
        "0001-01-01T00:00:00+23:59",  # before the first
        '"9999-12-31T23:59:59.999999-05:00"',
    ],
)
def test_dates_at_the_ends_of_the_calendar_with_an_offset(
    here: Path, capsys: pytest.CaptureFixture[str], date: str
) -> None:
    # Before: duplicate-title and duplicate-source crashed (OverflowError): NL000, exit 2.
    for name in ("a", "b"):
        article = f'---\ntitle: "Same"\ndate: {date}\n---\n\nBody.\n'
        (here / "content" / f"{name}.md").write_text(article, encoding="utf-8")
    code, diagnostics = check(capsys, "--select", "XF002")
    assert shown(diagnostics) == [
        ("content/b.md", "XF002", 2, 8, "title 'Same' is also used by content/a.md")
    ]
    assert code == 0  # XF002 is an info


# ------------------------------------------------------------ newslint's own configuration


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "newslint.toml",
            f"max-file-size = {DIGITS}\n",
            "newslint.toml: not valid TOML: a number of more than 4,300 digits",
        ),
        (
            "pyproject.toml",
            f"[tool.newslint]\nmax-file-size = {DIGITS}\n",
            "pyproject.toml: not valid TOML: a number of more than 4,300 digits",
        ),
        (
            "newslint.toml",
            "[rules." + ".".join(["a"] * 5000) + "]\nx = 1\n",
            "newslint.toml: nested more than 64 levels deep; not read",
        ),
    ],
    ids=["digits", "pyproject-digits", "deep-header"],
)
def test_configuration_past_pythons_limits_is_a_configuration_error(
    here: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, message: str
) -> None:
    # Before: "newslint: internal error: ValueError: Exceeds the limit (4300 digits) ..." and
    # "RecursionError ... while encoding a JSON object" (the cache's key for the configuration).
    (here / name).write_text(text, encoding="utf-8")
    (here / "content" / "a.md").write_text(SPACES, encoding="utf-8")
    assert main(["check", "--no-cache"]) == 2
    out = capsys.readouterr()
    assert (out.out, out.err) == ("", f"newslint: error: {message}\n")


def test_pyproject_of_another_tool_with_a_long_integer_is_passed_over(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "pyproject.toml").write_text(f"[tool.other]\nx = {DIGITS}\n", encoding="utf-8")
    (here / "content" / "a.md").write_text(SPACES, encoding="utf-8")
    code, diagnostics = check(capsys, "--select", "BD002")
    assert (code, [d["code"] for d in diagnostics]) == (0, ["BD002"])


def test_inline_config_with_a_long_integer(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--no-cache", "--config", f"max-file-size = {DIGITS}"]) == 2
    err = capsys.readouterr().err
    assert err.endswith(": not a file, and not valid TOML: a number of more than 4,300 digits\n")


# ------------------------------------------------------------------- links and odd files


def test_symlink_loop_inside_a_walked_folder_is_reported(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: left out without a word (a broken link was reported, a loop was not). In a folder
    # outside the site's content, walked whole with its links: below a content folder a walk
    # leaves every link out, as Hugo does (test_discover), unless it is named.
    (here / "notes").mkdir()
    os.symlink("b.md", here / "notes" / "a.md")
    os.symlink("a.md", here / "notes" / "b.md")
    os.symlink("loop.md", here / "content" / "loop.md")
    code, diagnostics = check(capsys, "notes", "content")
    message = "cannot read file: Too many levels of symbolic links"
    assert shown(diagnostics) == [
        ("notes/a.md", "NL002", 1, 1, message),
        ("notes/b.md", "NL002", 1, 1, message),
    ]
    assert code == 1
    code, diagnostics = check(capsys, "content/loop.md")
    assert shown(diagnostics) == [("content/loop.md", "NL002", 1, 1, message)]


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets here")
def test_socket_and_device_links_in_a_walked_folder(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind("content/sock.md")
    except OSError:  # a path too long for a socket's address
        pytest.skip("cannot bind a socket here")
    os.symlink(os.devnull, here / "content" / "null.md")  # a link: linted when named
    try:
        code, diagnostics = check(capsys, "content", "content/null.md")
    finally:
        server.close()
    message = "not a regular file (a pipe, socket or device); not read"
    assert shown(diagnostics) == [
        ("content/null.md", "NL002", 1, 1, message),
        ("content/sock.md", "NL002", 1, 1, message),
    ]
    assert code == 1
    assert main(["fix", "--no-cache"]) == 1
    assert stat.S_ISSOCK(os.lstat(here / "content" / "sock.md").st_mode)
    assert os.readlink(here / "content" / "null.md") == os.devnull


@pytest.mark.parametrize("word", ["--output=notes.md", "-q.md", "--config=evil.md"])
def test_file_named_like_an_option_is_refused_not_taken_as_one(
    here: Path, capsys: pytest.CaptureFixture[str], word: str
) -> None:
    # pre-commit passes staged names as they are: `--output=notes.md` wrote the report over
    # notes.md, `--config=evil.md` read a configuration (plugins: code) from an article.
    (here / word).write_text(SPACES, encoding="utf-8")
    (here / "notes.md").write_text(SPACES, encoding="utf-8")
    for command in ("check", "fix"):
        assert main([command, "--no-cache", "--force-exclude", word, "notes.md"]) == 2
        out = capsys.readouterr()
        assert (out.out, out.err) == (
            "",
            f"newslint: error: {word!r} is an option and also a file here; name the file "
            f"./{word}, or put -- before the file names\n",
        )
    assert (here / "notes.md").read_text(encoding="utf-8") == SPACES
    # After `--`, or written as a path, it is the file it is.
    code, diagnostics = check(capsys, "--select", "BD002", "--", word)
    assert (code, shown(diagnostics)) == (
        0,
        [(word, "BD002", 5, 16, "trailing whitespace (3 spaces)")],
    )


# -------------------------------------------------------------------------- what fix writes


def test_fix_does_not_write_through_a_link_out_of_the_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    (site / "content").mkdir(parents=True)
    (site / "hugo.toml").write_text("", encoding="utf-8")
    (elsewhere / "folder").mkdir(parents=True)
    for path in (elsewhere / "file.md", elsewhere / "folder" / "b.md", site / "content" / "in.md"):
        path.write_text(SPACES, encoding="utf-8")
    (site / "content" / "file.md").symlink_to(elsewhere / "file.md")
    (site / "content" / "folder").symlink_to(elsewhere / "folder")
    (site / "content" / "alias.md").symlink_to("in.md")  # inside the tree: written through
    monkeypatch.chdir(site)
    # Named: a walk of the content leaves the links out, as Hugo does (test_discover).
    named = ["content", "content/file.md", "content/folder", "content/alias.md"]
    code = main(["fix", "--no-cache", "--select", "BD002", "--output-format", "concise", *named])
    out = capsys.readouterr()
    assert code == 1
    assert out.err.splitlines() == [
        f"newslint: content/file.md: not written: a symbolic link to {elsewhere}/file.md, "
        f"outside {site}; newslint writes only inside the tree it fixes; left alone",
        f"newslint: content/folder/b.md: not written: a symbolic link to {elsewhere}/folder/b.md,"
        f" outside {site}; newslint writes only inside the tree it fixes; left alone",
        "Applied 1 fix in 1 of 4 files; 2 problems remain (2 infos). 2 files left alone (see "
        "above).",
    ]
    assert (elsewhere / "file.md").read_text(encoding="utf-8") == SPACES
    assert (elsewhere / "folder" / "b.md").read_text(encoding="utf-8") == SPACES
    assert (site / "content" / "in.md").read_text(encoding="utf-8") == SPACES.replace("   ", "")
    assert (site / "content" / "alias.md").is_symlink()


def test_fix_keeps_set_user_and_group_id_bits(here: Path) -> None:
    # chown (to the same owner) after chmod cleared them.
    path = here / "content" / "a.md"
    path.write_text(SPACES, encoding="utf-8")
    path.chmod(0o6754)
    if path.stat().st_mode & 0o7777 != 0o6754:
        pytest.skip("the file system does not keep these bits")
    assert main(["fix", "--no-cache", "--select", "BD002"]) == 0
    assert path.read_text(encoding="utf-8") == SPACES.replace("   ", "")
    assert path.stat().st_mode & 0o7777 == 0o6754


def test_fix_of_a_file_whose_name_is_near_the_limit(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The temporary file's name is the article's plus 19 bytes: "File name too long; left alone".
    name = "a" * 250 + ".md"
    try:
        (here / "content" / name).write_text(SPACES, encoding="utf-8")
    except OSError:
        pytest.skip("the file system takes no name of 253 bytes")
    assert main(["fix", "--no-cache", "--select", "BD002"]) == 0
    assert capsys.readouterr().err == "Applied 1 fix in 1 of 1 file; no problems remain.\n"
    assert (here / "content" / name).read_text(encoding="utf-8") == SPACES.replace("   ", "")
    assert os.listdir(here / "content") == [name]


# ---------------------------------------------------------------- folders that cannot be read


def _as_unprivileged() -> list[str] | None:
    """The command prefix that runs newslint without root's right to read everything (none
    needed when not root), or None when there is no way to."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]


@pytest.fixture
def open_site() -> Iterator[Path]:
    """A site in a folder everybody can enter (pytest's own is root's alone)."""
    if _as_unprivileged() is None:
        pytest.skip("running as root without setpriv")
    folder = Path(tempfile.mkdtemp(prefix="newslint-hostile-files-"))
    try:
        folder.chmod(0o777)
        (folder / "hugo.toml").write_text("", encoding="utf-8")
        (folder / "content").mkdir(mode=0o777)
        (folder / "content").chmod(0o777)
        yield folder
    finally:
        for path, _, _ in os.walk(folder):
            os.chmod(path, 0o777)
        shutil.rmtree(folder)


def newslint(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`newslint ARGS` in `root` as a user who cannot read what is locked."""
    prefix = _as_unprivileged()
    assert prefix is not None
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(root / ".cache")}
    result = subprocess.run(
        [*prefix, sys.executable, "-m", "newslint", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    return result


def _article(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o777)
    path.write_text(SPACES, encoding="utf-8")
    path.chmod(0o666)


@pytest.mark.slow
def test_folder_that_cannot_be_listed_is_reported(open_site: Path) -> None:
    # Before: its articles were left out without a word (exit 0 for a folder of errors).
    _article(open_site / "content" / "locked" / "a.md")
    _article(open_site / "content" / "open.md")
    (open_site / "content" / "locked").chmod(0o300)  # may be searched, not listed
    concise = ["--no-cache", "--select", "BD002", "--output-format", "concise"]
    result = newslint(open_site, "check", *concise)
    assert result.stdout.splitlines() == [
        "content/locked:1:1: NL002 [unreadable-file] cannot read folder: Permission denied; the "
        "articles in it are not linted",
        "content/open.md:5:16: BD002 [trailing-whitespace] [*] trailing whitespace (3 spaces)",
    ]
    assert (result.returncode, result.stderr) == (1, "")
    # Named on the command line, and in `fix`, alike.
    assert newslint(open_site, "check", *concise, "content/locked").returncode == 1
    result = newslint(open_site, "fix", *concise)
    assert result.stdout.splitlines()[0].startswith("content/locked:1:1: NL002")
    assert result.returncode == 1


def test_content_folder_that_cannot_be_searched(open_site: Path) -> None:
    # Before: "internal error: PermissionError" looking for a newslint.toml in it; a file in
    # it named on the command line was "no such file or directory".
    _article(open_site / "content" / "a.md")
    (open_site / "content").chmod(0o600)
    result = newslint(open_site, "check", "--no-cache", "--output-format", "concise")
    assert result.stdout == (
        "content:1:1: NL002 [unreadable-file] cannot read folder: Permission denied; the "
        "articles in it are not linted\n"
    )
    assert (result.returncode, result.stderr) == (1, "")
    result = newslint(
        open_site, "check", "--no-cache", "--output-format", "concise", "content/a.md"
    )
    assert result.stdout == (
        "content/a.md:1:1: NL002 [unreadable-file] cannot read file: Permission denied\n"
    )
    assert (result.returncode, result.stderr) == (1, "")


def test_folder_inside_a_folder_that_cannot_be_searched(open_site: Path) -> None:
    # `content/shut` may be listed but not searched: its folder `sub` is seen but cannot be
    # looked at. Before: left out without a word (exit 0, "no Markdown files to lint").
    _article(open_site / "content" / "shut" / "sub" / "a.md")
    (open_site / "content" / "shut").chmod(0o666)
    for command in ("check", "fix"):
        result = newslint(open_site, command, "--no-cache", "--output-format", "concise")
        assert result.stdout == (
            "content/shut/sub:1:1: NL002 [unreadable-file] cannot read file: Permission denied\n"
        )
        assert result.returncode == 1
    (open_site / "content" / "shut").chmod(0o777)
    assert (open_site / "content" / "shut" / "sub" / "a.md").read_text("utf-8") == SPACES


def test_folder_past_the_systems_path_limit_is_reported(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Folders nested past PATH_MAX (4,096 bytes on Linux), made through folder descriptors: the
    # walk lists a folder whose path the system refuses. Before: its articles were left out
    # without a word (exit 0, "no Markdown files to lint").
    name = "y" * 200
    handle = os.open(here / "content", os.O_RDONLY)
    try:
        for _ in range(25):
            os.mkdir(name, dir_fd=handle)
            inner = os.open(name, os.O_RDONLY, dir_fd=handle)
            os.close(handle)
            handle = inner
        article = os.open("a.md", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=handle)
        os.write(article, SPACES.encode())
        os.close(article)
    finally:
        os.close(handle)
    # The first folder whose path is over the limit (4,095 bytes and the NUL).
    depth = next(n for n in range(1, 26) if len("content" + f"/{name}" * n) > 4095)
    folder = "content" + f"/{name}" * depth
    for command in ("check", "fix"):
        code = main([command, "--output-format", "json", "--no-cache", "--select", "BD002"])
        found = json.loads(capsys.readouterr().out)
        assert [(d["path"], d["code"], d["message"]) for d in found] == [
            (
                folder,
                "NL002",
                f"cannot read: the path is longer than the system allows ({len(folder):,} bytes)",
            )
        ]
        assert code == 1


# ----------------------------------------------------------------------------------- watch


@pytest.mark.slow
def test_watch_reports_a_pipe_made_while_it_runs_and_not_a_link_loop(here: Path) -> None:
    # Before: only the first run reported a pipe; made while watching it was no file to it. A
    # link loop in the content is no page of the site: left out, as a walk leaves it out.
    from tests.test_watch import Watcher

    (here / "content" / "a.md").write_text(SPACES, encoding="utf-8")
    watcher = Watcher(["--no-cache", "--select", "BD002", "--output-format", "concise"])
    try:
        watcher.line("Watching 1 file for changes (Ctrl-C to stop).")
        os.symlink("loop-b.md", here / "content" / "loop-a.md")
        os.symlink("loop-a.md", here / "content" / "loop-b.md")
        os.mkfifo(here / "content" / "pipe.md")
        message = "not a regular file (a pipe, socket or device); not read"
        watcher.line(f"content/pipe.md:1:1: NL002 [unreadable-file] {message}")
    finally:
        code = watcher.stop(signal.SIGINT)
    assert code == 0
    assert not [line for line in watcher.out if "loop-" in line]
    assert not [line for line in watcher.err if "Traceback" in line]


# -------------------------------------------------------------------------------- baselines


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "not a newslint baseline: nested too deeply"),
        ('{"x": ' + DIGITS + "}", "not a newslint baseline: a number of more than 4,300 digits"),
        (
            '{"newslint-baseline": 1, "entries": [{"path": "a", "code": "BD002", "text": "x",'
            ' "count": 1e999}]}',
            "malformed entry: OverflowError('cannot convert float infinity to integer')",
        ),
    ],
    ids=["deep", "digits", "infinite-count"],
)
def test_hostile_baseline_is_a_usage_error(
    here: Path, capsys: pytest.CaptureFixture[str], data: str, message: str
) -> None:
    # Before: "internal error: RecursionError" and an OverflowError traceback's last line.
    (here / "content" / "a.md").write_text(SPACES, encoding="utf-8")
    (here / "baseline.json").write_text(data, encoding="utf-8")
    assert main(["check", "--no-cache", "--baseline", "baseline.json"]) == 2
    out = capsys.readouterr()
    assert (out.out, out.err) == ("", f"newslint: error: baseline.json: {message}\n")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_baseline_that_is_a_pipe_is_not_waited_on(here: Path) -> None:
    # Before: --baseline and --write-baseline both read the pipe, and waited for ever (a
    # subprocess, so that a regression is a timeout, not a test run that never ends).
    (here / "content" / "a.md").write_text(SPACES, encoding="utf-8")
    os.mkfifo(here / "baseline.json")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "newslint", "check", "--no-cache", *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)

    result = run("--baseline", "baseline.json")
    assert (result.returncode, result.stderr) == (
        2,
        "newslint: error: baseline.json: cannot read: not a regular file (a pipe, socket or "
        "device)\n",
    )
    # Not renamed over either (it was, "as asked"): the same rename made /dev/null or
    # /dev/stdout a regular file when run as root in a CI container.
    result = run("--write-baseline", "baseline.json")
    assert (result.returncode, result.stderr) == (
        2,
        "newslint: error: baseline.json: cannot write: not a regular file (a pipe, socket or "
        "device)\n",
    )
    assert stat.S_ISFIFO(os.stat(here / "baseline.json").st_mode)


# ----------------------------------------------------------------- what newslint reads besides


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_index_file_that_is_a_pipe_is_not_waited_on(here: Path) -> None:
    # Before: the `cascade` of a section was read from its `_index.md` whatever it was: a pipe
    # there made every run wait for ever (a subprocess: a regression is a timeout, not a hang).
    (here / "content" / "news").mkdir()
    (here / "content" / "news" / "a.md").write_text(SPACES, encoding="utf-8")
    os.mkfifo(here / "content" / "news" / "_index.md")
    command = [sys.executable, "-m", "newslint", "check", "--no-cache", "--select", "BD002"]
    result = subprocess.run(
        [*command, "--output-format", "concise"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.stdout.splitlines() == [
        "content/news/_index.md:1:1: NL002 [unreadable-file] not a regular file (a pipe, socket "
        "or device); not read",
        "content/news/a.md:5:16: BD002 [trailing-whitespace] [*] trailing whitespace (3 spaces)",
    ]
    assert (result.returncode, result.stderr) == (1, "")


def test_link_cache_nested_100_000_deep_is_ignored(tmp_path: Path) -> None:
    # Before: RecursionError, an internal error (a damaged cache is to be ignored).
    from dataclasses import replace

    from newslint.linkcheck import check_links
    from tests.linkserver import link_server
    from tests.test_linkcheck import FAST

    (tmp_path / "links").mkdir()
    (tmp_path / "links" / "links.json").write_text("[" * 100_000 + "]" * 100_000)
    with link_server() as server:
        results = check_links(
            [server.url("/ok")], replace(FAST, use_cache=True, cache_dir=tmp_path)
        )
    assert results[server.url("/ok")].verdict == "ok"
    stored = json.loads((tmp_path / "links" / "links.json").read_text(encoding="utf-8"))
    assert stored["version"] == 1


@pytest.mark.slow
def test_folder_tree_1500_deep(here: Path) -> None:
    # Before: a RecursionError ended the run (the walk recursed per folder), and each folder was
    # resolved from the root (a million lstat calls at 800 deep: a minute).
    folder = here / "content"
    descend = os.open(folder, os.O_RDONLY)
    try:
        for _ in range(1500):  # relative to an open folder: a path this long cannot be named
            os.mkdir("a", dir_fd=descend)
            deeper = os.open("a", os.O_RDONLY, dir_fd=descend)
            os.close(descend)
            descend = deeper
        article = os.open("x.md", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=descend)
        os.write(article, SPACES.encode())
        os.close(article)
    finally:
        os.close(descend)
    try:
        _lint_the_deep_tree()
    finally:
        # pytest's own clean-up of old temporary folders recurses per folder and would fail on
        # this tree in a later session; `rm` walks it without a recursion limit.
        subprocess.run(["rm", "-rf", str(folder / "a")], check=False, timeout=300)


def _lint_the_deep_tree() -> None:
    command = [sys.executable, "-m", "newslint"]
    for verb in ("check", "fix"):
        result = subprocess.run(
            [*command, verb, "--no-cache", "--select", "BD002", "--output-format", "concise"],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr
        if verb == "check":
            assert result.stdout == (
                "content/" + "a/" * 1500 + "x.md:5:16: BD002 [trailing-whitespace] [*] trailing "
                "whitespace (3 spaces)\n"
            )
            assert result.returncode == 0
        else:
            assert (result.returncode, result.stderr) == (
                0,
                "Applied 1 fix in 1 of 1 file; no problems remain.\n",
            )


def test_fix_on_a_full_disk_leaves_the_file_whole(
    here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A full disk is often told only when the data is flushed (delayed allocation): the
    # article is left as it was and the temporary file goes.
    import errno

    from newslint import fixer

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fixer.os, "fsync", full)
    (here / "content" / "a.md").write_text(SPACES, encoding="utf-8")
    assert main(["fix", "--no-cache", "--select", "BD002"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        "newslint: content/a.md: cannot write: No space left on device; left alone"
    )
    assert (here / "content" / "a.md").read_text(encoding="utf-8") == SPACES
    assert os.listdir(here / "content") == ["a.md"]


@pytest.mark.parametrize("kind", ["folder", "pipe", "loop"])
def test_site_configuration_that_is_no_file_is_named(tmp_path: Path, kind: str) -> None:
    # Before: passed over without a word, so the folder was no site root (a subprocess: were
    # the pipe read, a regression would be a timeout, not a test run that never ends).
    if kind == "folder":
        (tmp_path / "hugo.toml").mkdir()
    elif kind == "pipe":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes here")
        os.mkfifo(tmp_path / "hugo.toml")
    else:
        os.symlink("hugo.toml", tmp_path / "hugo.toml")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(SPACES, encoding="utf-8")
    command = [sys.executable, "-m", "newslint", "check", "--no-cache", "--select", "BD002"]
    result = subprocess.run(
        [*command, "--output-format", "concise"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.stdout == (
        "content/a.md:5:16: BD002 [trailing-whitespace] [*] trailing whitespace (3 spaces)\n"
    )
    assert result.stderr == (
        f"newslint: warning: {tmp_path}/hugo.toml: cannot read the site configuration: not a "
        "regular file (a folder, pipe, socket or device, or a broken link); using defaults\n"
    )
    assert result.returncode == 0


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("content", "cannot read file: Too many levels of symbolic links"),
        ("gone", "broken symbolic link: its target 'gone' does not exist"),
    ],
    ids=["loop", "dangling"],
)
@pytest.mark.parametrize("command", ["check", "fix"])
def test_content_folder_that_is_a_link_to_nowhere_is_reported(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    target: str,
    message: str,
    command: str,
) -> None:
    # Before: the site's content folder, a link loop (or a link to nothing), was no folder, so a
    # run without paths walked "." instead, passed the link over, said "no Markdown files to
    # lint" and exited 0: a CI job that linted nothing and passed.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hugo.toml").write_text("", encoding="utf-8")
    os.symlink(target, tmp_path / "content")
    code = main([command, "--output-format", "json", "--no-cache"])
    out = capsys.readouterr()
    assert [(d["path"], d["code"], d["message"]) for d in json.loads(out.out)] == [
        ("content", "NL002", message)
    ]
    assert "no Markdown files" not in out.err
    assert code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "hugo.toml"]
