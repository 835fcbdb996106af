"""Hostile environment: what the process around newslint does to it, through the real command
(`python -m newslint` in a subprocess): a locale that cannot encode CJK, standard streams closed or
full, a reader that goes away (`| head -1`), a main process killed while its workers run, a working
directory where the cache cannot be written, no HOME. The contract is the one of
`tests/test_hostile_config.py`: a clear message and exit 2, or a working run; no traceback.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.test_hostile_config import CLEAN, project

# An article with a diagnostic that quotes CJK text (the `full` format shows the source line).
CJK = """---
title: "市议会批准了明年的预算"
date: 2024-03-01T10:00:00+00:00
summary: "市议会在周二经过长时间辩论后批准了明年的预算，预算将于下个月开始执行。"
---

市议会在周二经过长时间辩论后批准了明年的预算。[链接](http://example.com/news/budget)
"""


def newslint(
    root: Path, *args: str, env: dict[str, str | None] | None = None, **kwargs: object
) -> subprocess.CompletedProcess[bytes]:
    """`python -m newslint ARGS` in `root`, with `env` changed (None: unset)."""
    environ = dict(os.environ)
    for key, value in (env or {}).items():
        if value is None:
            environ.pop(key, None)
        else:
            environ[key] = value
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kwargs}
    return subprocess.run(
        [sys.executable, "-m", "newslint", *args],
        cwd=root,
        env=environ,
        timeout=120,
        check=False,
        **streams,  # type: ignore[arg-type]
    )


def assert_no_traceback(result: subprocess.CompletedProcess[bytes]) -> None:
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    assert "internal error" not in err, err


# LC_ALL=C without UTF-8 mode: stdout is ASCII with the "surrogateescape" handler, which Python
# chooses for the C locale and which cannot encode CJK either.
C_LOCALE = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": None}


@pytest.mark.parametrize("fmt", ["full", "concise", "grouped"])
def test_text_report_in_the_c_locale_escapes_cjk(tmp_path: Path, fmt: str) -> None:
    # `full` quoted the CJK source line: UnicodeEncodeError, exit 2, "internal error".
    project(tmp_path, {"hugo.toml": "", "content/posts/budget.md": CJK})
    result = newslint(
        tmp_path, "check", "--no-cache", "--output-format", fmt, "--select", "LK004", env=C_LOCALE
    )
    assert_no_traceback(result)
    assert result.returncode == 0  # LK004 is an info: below fail-on
    out = result.stdout.decode("ascii")
    assert "LK004" in out
    if fmt == "full":
        assert "\\u5e02\\u8bae\\u4f1a" in out  # 市议会, escaped


@pytest.mark.parametrize(
    "env", [C_LOCALE, {"PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0"}], ids=["C", "ascii"]
)
def test_fix_diff_in_an_ascii_locale_is_utf8(tmp_path: Path, env: dict[str, str | None]) -> None:
    # The diff went out through the ASCII stdout: UnicodeEncodeError. It is UTF-8, so it applies.
    project(tmp_path, {"hugo.toml": "", "content/posts/budget.md": CJK})
    result = newslint(
        tmp_path, "fix", "--diff", "--unsafe-fixes", "--no-cache", "--select", "LK004", env=env
    )
    assert_no_traceback(result)
    assert result.returncode == 1  # as ruff's `--diff`: there is something to fix
    diff = result.stdout.decode("utf-8")
    assert (
        "-市议会在周二经过长时间辩论后批准了明年的预算。[链接](http://example.com/news/budget)"
        in diff
    )
    assert (
        "+市议会在周二经过长时间辩论后批准了明年的预算。[链接](https://example.com/news/budget)"
        in diff
    )
    assert (tmp_path / "content/posts/budget.md").read_text(encoding="utf-8") == CJK


def test_fix_show_fixes_in_an_ascii_locale(tmp_path: Path) -> None:
    project(tmp_path, {"hugo.toml": "", "content/posts/budget.md": CJK})
    result = newslint(
        tmp_path,
        "fix",
        "--show-fixes",
        "--no-cache",
        "--unsafe-fixes",
        "--select",
        "LK004",
        "--output-format",
        "concise",
        env={"PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0"},
    )
    assert_no_traceback(result)
    assert result.returncode == 0
    assert b"LK004 (link-insecure) Use https://" in result.stdout


def test_stdout_closed_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    # Python sets sys.stdout to None: `print` went to None.write, then run()'s flush to
    # None.flush, a traceback after the "internal error".
    project(tmp_path, {"hugo.toml": ""})
    result = newslint(tmp_path, "check", "--no-cache", stdout=subprocess.DEVNULL)
    assert result.returncode == 0  # the descriptor is open here: the control case
    for command in (["check", "--no-cache"], ["rules"]):
        closed = subprocess.run(
            [sys.executable, "-m", "newslint", *command],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,  # replaced below by a closed descriptor 1
            stderr=subprocess.PIPE,
            preexec_fn=lambda: os.close(1),
            timeout=120,
            check=False,
        )
        assert (closed.returncode, closed.stderr) == (
            2,
            b"newslint: error: the standard output is closed: nowhere to report\n",
        )


def test_stderr_closed_keeps_warnings_out_of_the_report(tmp_path: Path) -> None:
    # With stderr None, `print(..., file=sys.stderr)` prints to stdout: into the JSON report.
    project(tmp_path, {"hugo.toml": "theme = ", "content/posts/budget.md": CLEAN})
    result = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "--no-cache", "--output-format", "json"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        preexec_fn=lambda: os.close(2),
        timeout=120,
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, b"[]\n")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", [["check", "--no-cache"], ["rules"]])
def test_stdout_full_is_an_error(tmp_path: Path, command: list[str]) -> None:
    project(tmp_path, {"hugo.toml": "", "content/posts/budget.md": CJK})
    with open("/dev/full", "w") as full:
        result = newslint(tmp_path, *command, stdout=full, stderr=subprocess.PIPE)
    assert result.returncode == 2
    assert result.stderr == b"newslint: error: cannot write: No space left on device\n"


def test_broken_pipe_after_the_first_line(tmp_path: Path) -> None:
    files = {f"content/posts/a{number}.md": CJK for number in range(60)}
    project(tmp_path, {"hugo.toml": "", **files})
    command = f"{sys.executable} -m newslint check --no-cache --output-format full | head -1"
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert_no_traceback(result)
    assert result.returncode == 1
    assert result.stdout.count(b"\n") == 1


def _start_pool(root: Path, **popen: object) -> tuple[subprocess.Popen[bytes], list[int]]:
    """`newslint check --jobs 2` over 1500 articles in `root`, once its two workers run."""
    files = {f"content/posts/a{number:04}.md": CJK for number in range(1500)}
    project(root, {"hugo.toml": "", **files})
    process = subprocess.Popen(
        [sys.executable, "-m", "newslint", "check", "--no-cache", "--jobs", "2"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        **popen,  # type: ignore[call-overload]
    )
    children_file = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    workers: list[int] = []
    for _ in range(600):  # until the pool has started (the run lasts several seconds)
        if children_file.exists():
            workers = [int(pid) for pid in children_file.read_text().split()]
        if len(workers) >= 2 or process.poll() is not None:
            break
        time.sleep(0.05)
    assert len(workers) >= 2, "the pool did not start"
    return process, workers


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_ctrl_c_during_a_run_with_workers(tmp_path: Path) -> None:
    # Ctrl-C reaches the terminal's whole process group: the main process and its workers.
    process, _ = _start_pool(tmp_path, stderr=subprocess.PIPE, start_new_session=True)
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert (process.returncode, err) == (130, b"")


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_workers_end_when_the_main_process_is_killed(tmp_path: Path) -> None:
    # SIGTERM (a CI timeout) or SIGKILL ends the main process before it can stop its pool; the
    # forked workers waited on their task queue forever, holding the output pipes open.
    process, workers = _start_pool(tmp_path, stderr=subprocess.DEVNULL)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    for _ in range(600):  # a worker notices within half a second; allow a slow machine 60 s
        alive = [pid for pid in workers if _running(pid)]
        if not alive:
            break
        time.sleep(0.1)
    for pid in alive:  # leave nothing behind even when the test fails
        os.kill(pid, signal.SIGKILL)
    assert alive == []


def _running(pid: int) -> bool:
    """Whether process `pid` runs (a zombie does not: adopted, it waits to be reaped)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_read_only_working_directory_still_lints(tmp_path: Path) -> None:
    # Root ignores the mode bits: what matters is that the run works either way.
    project(tmp_path, {"hugo.toml": "", "content/posts/budget.md": CLEAN})
    env: dict[str, str | None] = {"NEWSLINT_CACHE_DIR": None}
    tmp_path.chmod(0o555)
    try:
        result = newslint(tmp_path, "check", env=env)
    finally:
        tmp_path.chmod(0o755)
    assert_no_traceback(result)
    assert (result.returncode, result.stdout) == (0, b"")


def test_cache_path_that_is_a_file_still_lints(tmp_path: Path) -> None:
    project(tmp_path, {"hugo.toml": "", ".newslint_cache": "not a folder"})
    result = newslint(tmp_path, "check", env={"NEWSLINT_CACHE_DIR": None})
    assert_no_traceback(result)
    assert (result.returncode, result.stdout) == (0, b"")


def test_no_home_and_odd_terminal_settings(tmp_path: Path) -> None:
    project(tmp_path, {"hugo.toml": "", "content/posts/budget.md": CJK})
    env: dict[str, str | None] = {
        "HOME": None,
        "TERM": "dumb",
        "COLUMNS": "0",
        "NO_COLOR": "",
        "FORCE_COLOR": "x",
    }
    result = newslint(
        tmp_path, "check", "--no-cache", "--output-format", "full", "--select", "LK004", env=env
    )
    assert_no_traceback(result)
    assert result.returncode == 0
    assert b"LK004" in result.stdout


@pytest.mark.parametrize("command", [["check"], ["fix"], ["rules"], ["check", "a.md"]])
def test_working_directory_removed_is_named(tmp_path: Path, command: list[str]) -> None:
    # A shell left in a folder that was deleted (a checkout removed, a worktree pruned). Before:
    # "newslint: internal error: FileNotFoundError: [Errno 2] No such file or directory".
    gone = tmp_path / "gone"
    gone.mkdir()
    script = 'cd "$1" && rmdir "$1" && shift && exec "$@"'
    result = subprocess.run(
        ["sh", "-c", script, "sh", gone, sys.executable, "-m", "newslint", *command],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        b"",
        b"newslint: error: the working directory no longer exists\n",
    )
