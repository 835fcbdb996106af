"""Peer round N: black-box tests of `newslint fix`, configuration, suppressions, baselines,
standard input, `init`/`config` and the pre-commit hooks.

Written from the public documents only (DESIGN.md, STYLE.md, the README, `.pre-commit-hooks.yaml`,
`newslint --help`, `newslint COMMAND --help`, `newslint rules` and `newslint rule CODE`), as a user
of ruff, markdownlint and lychee reads them. Every test drives the command line exactly as a shell
does (`main(argv)` in a fresh forked process, with its own working directory and standard streams)
and asserts the documented promise exactly: exit code, rule, line, column and the bytes written.

Running each command in a forked child of the test process keeps the module fast (the imports are
paid once) and every run independent (nothing newslint caches in memory survives a command);
`test_the_forked_run_matches_the_console_script` checks the runner against the installed script.
"""

from __future__ import annotations

import contextlib
import json
import os
import pkgutil
import shlex
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

import newslint
import newslint.cli
import newslint.rules

ROOT = Path(__file__).resolve().parent.parent

# Output format and colour depend on these; every run here is a plain pipe outside CI.
_SCRUBBED = ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR", "CI", "PRE_COMMIT")


def _import_everything() -> None:
    """Import newslint's modules and its heavy dependencies once, so each forked run starts warm."""
    names = ["yaml", "pydantic", "ftfy", "pyromark"]
    for package in (newslint, newslint.rules):
        names += [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
    for name in names:
        if name.endswith("__main__"):  # importing it would run the command line
            continue
        with contextlib.suppress(Exception):  # an optional module; the child imports it if needed
            __import__(name)


_import_everything()


@dataclass(frozen=True)
class Result:
    """One finished command: exit code and the raw bytes of standard output and error."""

    rc: int
    stdout: bytes
    stderr: bytes

    @property
    def out(self) -> str:
        return self.stdout.decode("utf-8", "replace")

    @property
    def err(self) -> str:
        return self.stderr.decode("utf-8", "replace")

    def json(self) -> object:
        return json.loads(self.out)

    def found(self) -> list[tuple[str, int, int]]:
        """(code, line, column) of each diagnostic of a `--output-format json` run."""
        data = self.json()
        assert isinstance(data, list)
        return [(d["code"], d["line"], d["column"]) for d in data]

    def codes(self) -> list[str]:
        return [code for code, _, _ in self.found()]


def run(*argv: str, cwd: Path, stdin: bytes = b"", env: Mapping[str, str] | None = None) -> Result:
    """Run `newslint ARGV` in a forked child with CWD as its working directory.

    The child gets fresh file descriptors 0-2 (files), its own environment and `sys.argv`, then
    calls the console script's `main(argv)`; `SystemExit` (argparse's usage errors) becomes the
    exit code as the interpreter would make it.
    """
    folder = tempfile.mkdtemp(prefix="newslint-n-")
    names = [os.path.join(folder, n) for n in ("stdin", "stdout", "stderr")]
    Path(names[0]).write_bytes(stdin)
    environment = {k: v for k, v in os.environ.items() if k not in _SCRUBBED}
    environment.update(env or {})
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 3
        try:
            os.chdir(cwd)
            os.environ.clear()
            os.environ.update(environment)
            flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
            opened = (
                os.open(names[0], os.O_RDONLY),
                os.open(names[1], flags),
                os.open(names[2], flags),
            )
            for fd, handle in enumerate(opened):
                os.dup2(handle, fd)
                os.close(handle)
            sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115
            sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
            sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
            sys.argv = ["newslint", *argv]
            try:
                code = newslint.cli.main(list(argv))
            except SystemExit as exit_:
                if exit_.code is None or isinstance(exit_.code, int):
                    code = exit_.code or 0
                else:
                    print(exit_.code, file=sys.stderr)
                    code = 1
        except BaseException:
            import traceback

            traceback.print_exc()
        finally:
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            finally:
                os._exit(code)
    _, status = os.waitpid(pid, 0)
    result = Result(
        os.waitstatus_to_exitcode(status), Path(names[1]).read_bytes(), Path(names[2]).read_bytes()
    )
    shutil.rmtree(folder)
    return result


def script(*argv: str, cwd: Path, stdin: bytes = b"") -> Result:
    """Run the installed console script in a real subprocess (for the few end-to-end checks)."""
    exe = Path(sys.executable).parent / "newslint"
    environment = {k: v for k, v in os.environ.items() if k not in _SCRUBBED}
    proc = subprocess.run(
        [str(exe), *argv], cwd=cwd, input=stdin, capture_output=True, env=environment, timeout=60
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


# ---------------------------------------------------------------------------------------------
# Articles

SUMMARY = "The budget passed on Tuesday after a week of talks between the parties."
BODY = "The budget passed on Tuesday after a week of talks between the parties.\n"
SOURCE = "[Source](https://example.com/a)\n"


def article(
    *front: str,
    title: str = '"Budget passes"',
    date: str = "2025-02-08T09:55:35+08:00",
    summary: str = f'"{SUMMARY}"',
    body: str = BODY,
    source: str = SOURCE,
) -> str:
    """A clean YAML article (no diagnostic with the default rules); FRONT adds raw lines.

    Line numbers: 1 `---`, 2 title, 3 date, 4 summary, then FRONT, the closing `---`, a blank
    line and the body.
    """
    lines = ["---", f"title: {title}", f"date: {date}", f"summary: {summary}", *front, "---", ""]
    return "\n".join(lines) + "\n" + body + "\n" + source


CLEAN = article()


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_bytes(text.encode("utf-8"))
    return path


def check(cwd: Path, *args: str) -> Result:
    """`newslint check ARGS --output-format json --no-cache` in CWD."""
    return run("check", "--output-format", "json", "--no-cache", *args, cwd=cwd)


def test_the_clean_article_is_clean(tmp_path: Path) -> None:
    write(tmp_path, "a.md", CLEAN)
    result = check(tmp_path, "a.md")
    assert (result.rc, result.json()) == (0, [])


def test_the_forked_run_matches_the_console_script(tmp_path: Path) -> None:
    write(tmp_path, "a.md", article(body="Prices rose.The index fell.\n"))
    forked = run("check", "--output-format", "concise", "--no-cache", "a.md", cwd=tmp_path)
    real = script("check", "--output-format", "concise", "--no-cache", "a.md", cwd=tmp_path)
    assert (forked.rc, forked.out) == (real.rc, real.out)
    assert forked.out == "a.md:7:12: TX004 [sentence-spacing] [*] no space after '.' before 'The'\n"


# ---------------------------------------------------------------------------------------------
# newslint fix: what it writes


# An article with four safe problems on different lines (and none of another kind):
# an entity and a double space in the title (line 2), a sentence without its space and three
# trailing spaces (line 7), a tracking parameter (line 9).
MESSY = article(
    title='"Trump&#39;s plan for S&amp;P  firms"',
    body="The budget passed.The vote was close.   \n\nSee [it](https://example.com/r?utm_source=x&id=3).\n",
)
MESSY_FIXED = article(
    title='"Trump\'s plan for S&P firms"',
    body="The budget passed. The vote was close.\n\nSee [it](https://example.com/r?id=3).\n",
)


def test_fix_applies_every_safe_fix_and_exits_0_when_nothing_remains(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", MESSY)
    result = run("fix", "--no-cache", "a.md", cwd=tmp_path)
    assert result.rc == 0
    assert path.read_text(encoding="utf-8") == MESSY_FIXED
    assert result.out == ""
    assert "Applied 6 fixes in 1 of 1 file" in result.err


def test_fix_twice_is_fix_once(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", MESSY)
    run("fix", "--no-cache", "a.md", cwd=tmp_path)
    once = path.read_bytes()
    second = run("fix", "--no-cache", "a.md", cwd=tmp_path)
    assert (second.rc, path.read_bytes()) == (0, once)
    assert "Applied 0 fixes" in second.err


def test_a_fixed_file_re_parses_and_has_no_fixable_problem_left(tmp_path: Path) -> None:
    write(tmp_path, "a.md", MESSY)
    run("fix", "--no-cache", "a.md", cwd=tmp_path)
    after = check(tmp_path, "a.md", "--select", "ALL")
    assert after.rc == 0
    assert [d for d in after.json() if d["fix"] is not None] == []  # type: ignore[union-attr]


def test_fix_leaves_an_unchanged_file_untouched(tmp_path: Path) -> None:
    # Like ruff, a file with nothing to fix is not rewritten: its modification time stays.
    path = write(tmp_path, "a.md", CLEAN)
    os.utime(path, (1_000_000_000, 1_000_000_000))
    result = run("fix", "--no-cache", "a.md", cwd=tmp_path)
    assert result.rc == 0
    assert path.stat().st_mtime == 1_000_000_000


def test_fix_keeps_the_file_mode(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", MESSY)
    path.chmod(0o640)
    run("fix", "--no-cache", "a.md", cwd=tmp_path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.read_text(encoding="utf-8") == MESSY_FIXED


def test_fix_diff_writes_nothing_and_exits_1_when_there_is_a_diff(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", MESSY)
    result = run("fix", "--diff", "--no-cache", "a.md", cwd=tmp_path)
    assert result.rc == 1
    assert path.read_text(encoding="utf-8") == MESSY
    lines = result.out.splitlines()
    assert lines[:2] == ["--- a/a.md", "+++ b/a.md"]
    assert '-title: "Trump&#39;s plan for S&amp;P  firms"' in lines
    assert '+title: "Trump\'s plan for S&P firms"' in lines
    assert "-The budget passed.The vote was close.   " in lines
    assert "+The budget passed. The vote was close." in lines


def _apply_unified_diff(original: str, diff: str) -> str:
    """Apply a one-file unified diff (what `patch` does), to prove the diff is the fix."""
    source = original.splitlines(keepends=True)
    out: list[str] = []
    position = 0
    for line in diff.splitlines(keepends=True):
        if line.startswith(("---", "+++")):
            continue
        if line.startswith("@@"):
            start = int(line.split()[1].split(",")[0][1:])
            start = max(start - 1, 0)
            out.extend(source[position:start])
            position = start
        elif line.startswith(" "):
            out.append(source[position])
            position += 1
        elif line.startswith("-"):
            position += 1
        elif line.startswith("+"):
            out.append(line[1:])
        elif line.startswith("\\") and out and out[-1].endswith("\n"):
            out[-1] = out[-1][:-1]  # "\ No newline at end of file"
    out.extend(source[position:])
    return "".join(out)


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_the_diff_is_exactly_what_fix_writes(tmp_path: Path, unsafe: bool) -> None:
    text = article(
        "sumary: x",
        date="2025-02-08 09:55:35",
        title='"A &amp; B"',
        body="One.Two.   \n\n\n\nThree.\n",
    )
    write(tmp_path, "a.md", text)
    flags = ["--unsafe-fixes"] if unsafe else []
    diff = run("fix", "--diff", "--no-cache", *flags, "a.md", cwd=tmp_path)
    assert diff.rc == 1
    fixed = run("fix", "--no-cache", *flags, "a.md", cwd=tmp_path)
    assert fixed.rc in (0, 1)
    assert _apply_unified_diff(text, diff.out) == (tmp_path / "a.md").read_text(encoding="utf-8")


def test_fix_diff_with_nothing_to_fix_prints_nothing_and_exits_0(tmp_path: Path) -> None:
    write(tmp_path, "a.md", CLEAN)
    result = run("fix", "--diff", "--no-cache", "a.md", cwd=tmp_path)
    assert (result.rc, result.out) == (0, "")


def test_fix_diff_over_two_files_prints_one_diff_per_changed_file(tmp_path: Path) -> None:
    write(tmp_path, "a.md", MESSY)
    write(tmp_path, "b.md", CLEAN)
    write(tmp_path, "c.md", article(body="Trailing.   \n"))
    result = run("fix", "--diff", "--no-cache", "a.md", "b.md", "c.md", cwd=tmp_path)
    assert result.rc == 1
    headers = [line for line in result.out.splitlines() if line.startswith(("--- ", "+++ "))]
    assert headers == ["--- a/a.md", "+++ b/a.md", "--- a/c.md", "+++ b/c.md"]
    assert (tmp_path / "c.md").read_text(encoding="utf-8") == article(body="Trailing.   \n")


def test_fix_diff_exit_zero_still_prints_the_diff(tmp_path: Path) -> None:
    write(tmp_path, "a.md", MESSY)
    result = run("fix", "--diff", "--exit-zero", "--no-cache", "a.md", cwd=tmp_path)
    assert result.rc == 0
    assert "+The budget passed. The vote was close." in result.out.splitlines()


# An unsafe-only problem: a misspelt key (FM007 renames it, unsafe). Its rename also makes the
# required summary appear, so the article has one summary and no other problem.
UNSAFE_ONLY = article("sumary: x", summary=f'"{SUMMARY}"').replace(f'summary: "{SUMMARY}"\n', "")


def test_fix_without_unsafe_fixes_leaves_an_unsafe_fix_and_exits_1(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", UNSAFE_ONLY)
    result = run("fix", "--no-cache", "a.md", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == UNSAFE_ONLY
    assert result.rc == 1  # FM004: the summary is missing (an error)
    assert "fixable with `--unsafe-fixes`" in result.err


def test_fix_with_unsafe_fixes_applies_it(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", UNSAFE_ONLY)
    result = run("fix", "--unsafe-fixes", "--no-cache", "a.md", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == UNSAFE_ONLY.replace("sumary: x", "summary: x")
    assert result.rc == 0 or "summary" in result.err


def test_unsafe_fixes_include_the_safe_ones(tmp_path: Path) -> None:
    text = article(date="2025-02-08 09:55:35", body="Prices rose.The index fell.\n")
    path = write(tmp_path, "a.md", text)
    result = run("fix", "--unsafe-fixes", "--no-cache", "a.md", cwd=tmp_path)
    assert result.rc == 0
    assert path.read_text(encoding="utf-8") == article(
        date="2025-02-08T09:55:35Z", body="Prices rose. The index fell.\n"
    )


def test_a_date_without_zone_is_an_unsafe_fix_without_a_site(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", article(date="2025-02-08 09:55:35"))
    result = run("fix", "--no-cache", "a.md", cwd=tmp_path)
    assert result.rc == 0  # DT001 is a warning, below the default fail-on
    assert path.read_text(encoding="utf-8") == article(date="2025-02-08 09:55:35")


def test_a_date_without_zone_is_a_safe_fix_with_a_configured_timezone(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'timezone = "Asia/Shanghai"\n')
    path = write(tmp_path, "a.md", article(date="2025-02-08 09:55:35"))
    result = run("fix", "--no-cache", "a.md", cwd=tmp_path)
    assert result.rc == 0
    assert path.read_text(encoding="utf-8") == article(date="2025-02-08T09:55:35+08:00")


def test_a_date_without_zone_is_a_safe_fix_with_the_sites_time_zone(tmp_path: Path) -> None:
    write(tmp_path, "hugo.toml", 'title = "x"\ntimeZone = "Europe/Berlin"\n')
    path = write(tmp_path, "content/a.md", article(date="2025-07-08 09:55:35"))
    result = run("fix", "--no-cache", "content/a.md", cwd=tmp_path)
    assert result.rc == 0
    assert path.read_text(encoding="utf-8") == article(date="2025-07-08T09:55:35+02:00")


def test_display_only_fixes_are_never_applied(tmp_path: Path) -> None:
    text = article(title='"UNICEF AND WHO WARN OF MEASLES IN EUROPE"')
    path = write(tmp_path, "a.md", text)
    listed = check(tmp_path, "a.md")
    assert listed.found() == [("TX006", 2, 8)]
    assert listed.json()[0]["fix"]["applicability"] == "display-only"  # type: ignore[index]
    result = run("fix", "--unsafe-fixes", "--no-cache", "a.md", cwd=tmp_path)
    assert result.rc == 0
    assert path.read_text(encoding="utf-8") == text


def test_fix_exits_1_when_an_error_remains(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", article(body="Trailing.   \n", source="No link here.\n"))
    result = run("fix", "--no-cache", "a.md", cwd=tmp_path)
    assert result.rc == 1  # LK001 (error) has no fix
    assert path.read_text(encoding="utf-8") == article(body="Trailing.\n", source="No link here.\n")


def test_fix_exits_0_when_only_a_warning_remains(tmp_path: Path) -> None:
    write(tmp_path, "a.md", article(date="2025-02-08 09:55:35", body="Trailing.   \n"))
    assert run("fix", "--no-cache", "a.md", cwd=tmp_path).rc == 0


def test_fix_fail_on_warning_exits_1_when_a_warning_remains(tmp_path: Path) -> None:
    write(tmp_path, "a.md", article(date="2025-02-08 09:55:35"))
    assert run("fix", "--fail-on", "warning", "--no-cache", "a.md", cwd=tmp_path).rc == 1


def test_fix_fail_on_warning_exits_0_once_the_warnings_are_fixed(tmp_path: Path) -> None:
    write(tmp_path, "a.md", article(body="One.Two.\n"))
    assert run("fix", "--fail-on", "warning", "--no-cache", "a.md", cwd=tmp_path).rc == 0


def test_fix_fail_on_info_counts_an_unfixable_info(tmp_path: Path) -> None:
    # summary-length (info, no fix): a summary shorter than 40 characters.
    write(tmp_path, "a.md", article(summary='"Budget passes on Tuesday."'))
    assert run("fix", "--fail-on", "info", "--no-cache", "a.md", cwd=tmp_path).rc == 1
    assert run("fix", "--fail-on", "warning", "--no-cache", "a.md", cwd=tmp_path).rc == 0


def test_exit_non_zero_on_fix_exits_1_when_a_file_changed(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", MESSY)
    result = run("fix", "--exit-non-zero-on-fix", "--no-cache", "a.md", cwd=tmp_path)
    assert result.rc == 1
    assert path.read_text(encoding="utf-8") == MESSY_FIXED


def test_exit_non_zero_on_fix_exits_0_when_nothing_changed(tmp_path: Path) -> None:
    write(tmp_path, "a.md", CLEAN)
    assert run("fix", "--exit-non-zero-on-fix", "--no-cache", "a.md", cwd=tmp_path).rc == 0


def test_exit_zero_makes_remaining_errors_exit_0_after_fix(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", article(body="Trailing.   \n", source="No link.\n"))
    result = run("fix", "--exit-zero", "--no-cache", "a.md", cwd=tmp_path)
    assert result.rc == 0
    assert path.read_text(encoding="utf-8") == article(body="Trailing.\n", source="No link.\n")


def test_exit_zero_wins_over_exit_non_zero_on_fix(tmp_path: Path) -> None:
    # `fix --help`: --exit-zero "exit 0 even when problems remain (or files were fixed)".
    write(tmp_path, "a.md", MESSY)
    result = run("fix", "--exit-zero", "--exit-non-zero-on-fix", "--no-cache", "a.md", cwd=tmp_path)
    assert result.rc == 0


def test_exit_zero_keeps_exit_2_for_a_usage_error(tmp_path: Path) -> None:
    write(tmp_path, "a.md", CLEAN)
    result = run("fix", "--exit-zero", "--fail-on", "never", "a.md", cwd=tmp_path)
    assert result.rc == 2


def test_exit_zero_keeps_exit_2_for_a_bad_configuration(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'fail-on = "errors"\n')
    write(tmp_path, "a.md", CLEAN)
    assert run("fix", "--exit-zero", "a.md", cwd=tmp_path).rc == 2
    assert run("check", "--exit-zero", "a.md", cwd=tmp_path).rc == 2


def test_show_fixes_lists_each_fix_applied_per_file(tmp_path: Path) -> None:
    write(tmp_path, "a.md", MESSY)
    write(tmp_path, "b.md", article(source="[Source](https://example.com/b)\n"))
    result = run("fix", "--show-fixes", "--no-cache", "a.md", "b.md", cwd=tmp_path)
    assert result.rc == 0
    text = result.out + result.err
    assert "- a.md:" in text
    assert "b.md:" not in text.replace("in 1 of 2 files", "")
    for code in ("TX003", "TX005", "TX004", "BD002", "LK005"):
        assert code in text
    assert "2 × TX003 (html-entity)" in text or text.count("TX003 (html-entity)") == 2


def test_show_fixes_with_diff_writes_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", MESSY)
    result = run("fix", "--show-fixes", "--diff", "--no-cache", "a.md", cwd=tmp_path)
    assert result.rc == 1
    assert path.read_text(encoding="utf-8") == MESSY


# ---------------------------------------------------------------------------------------------
# fix with a selection


def test_fix_select_fixes_only_the_selected_rule(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", MESSY)
    result = run("fix", "--select", "BD002", "--no-cache", "a.md", cwd=tmp_path)
    assert result.rc == 0
    assert path.read_text(encoding="utf-8") == MESSY.replace("close.   \n", "close.\n")


def test_fix_select_by_name_and_prefix(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", MESSY)
    run("fix", "--select", "trailing-whitespace,LK", "--no-cache", "a.md", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == MESSY.replace("close.   \n", "close.\n").replace(
        "utm_source=x&", ""
    )


def test_fix_ignore_leaves_the_ignored_rules_problems(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", MESSY)
    run("fix", "--ignore", "TX", "--no-cache", "a.md", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == MESSY.replace("close.   \n", "close.\n").replace(
        "utm_source=x&", ""
    )


def test_fix_ignore_in_the_configuration_holds_for_fix(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'ignore = ["BD002", "tracking-params"]\n')
    path = write(tmp_path, "a.md", MESSY)
    run("fix", "--no-cache", "a.md", cwd=tmp_path)
    expected = MESSY_FIXED.replace("close.\n", "close.   \n").replace(
        "r?id=3", "r?utm_source=x&id=3"
    )
    assert path.read_text(encoding="utf-8") == expected


def test_fix_extend_select_fixes_a_rule_the_file_leaves_off(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'select = ["BD002"]\n')
    path = write(tmp_path, "a.md", MESSY)
    run("fix", "--extend-select", "LK005", "--no-cache", "a.md", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == MESSY.replace("close.   \n", "close.\n").replace(
        "utm_source=x&", ""
    )


def test_fix_per_file_ignores_hold_for_fix(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", '[per-file-ignores]\n"old/**" = ["BD002"]\n')
    old = write(tmp_path, "old/a.md", article(body="Trailing.   \n"))
    new = write(tmp_path, "new/a.md", article(body="Trailing.   \n"))
    run("fix", "--no-cache", "old/a.md", "new/a.md", cwd=tmp_path)
    assert old.read_text(encoding="utf-8") == article(body="Trailing.   \n")
    assert new.read_text(encoding="utf-8") == article(body="Trailing.\n")


# ---------------------------------------------------------------------------------------------
# several fixes on one line; fixes in each front-matter format


def test_several_fixes_on_one_body_line(tmp_path: Path) -> None:
    body = "Prices rose.The [x](https://e.com/?utm_source=a) fell.Then [y](https://e.com/?fbclid=1)   \n"
    path = write(tmp_path, "a.md", article(body=body))
    assert check(tmp_path, "a.md").found() == [
        ("TX004", 7, 12),
        ("LK005", 7, 35),
        ("TX004", 7, 54),
        ("LK005", 7, 78),
        ("BD002", 7, 88),
    ]
    run("fix", "--no-cache", "a.md", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == article(
        body="Prices rose. The [x](https://e.com/) fell. Then [y](https://e.com/)\n"
    )


def test_several_entities_in_one_title_are_all_unescaped(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", article(title='"&quot;A&quot; &amp; &#39;B&#39;"'))
    run("fix", "--no-cache", "a.md", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == article(title='"\\"A\\" & \'B\'"')


def test_an_entity_in_a_single_quoted_yaml_title_becomes_two_quotes(tmp_path: Path) -> None:
    # html-entity's Fix safety: `&#39;` becomes `''` in a single-quoted YAML string.
    path = write(tmp_path, "a.md", article(title="'Trump&#39;s plan'"))
    run("fix", "--no-cache", "a.md", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == article(title="'Trump''s plan'")


def test_a_doubly_escaped_entity_takes_two_passes_in_one_fix_run(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", article(title='"A &amp;amp; B"'))
    run("fix", "--no-cache", "a.md", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == article(title='"A & B"')


TOML_MESSY = (
    "+++\n"
    'title = "Budget &amp; passes"\n'
    'menu = ""\n'
    "date = 2025-02-08T09:55:35+08:00\n"
    f'summary = "{SUMMARY}"\n'
    "+++\n\n" + BODY + "\n" + SOURCE
)
TOML_FIXED = (
    "+++\n"
    'title = "Budget & passes"\n'
    "date = 2025-02-08T09:55:35+08:00\n"
    f'summary = "{SUMMARY}"\n'
    "+++\n\n" + BODY + "\n" + SOURCE
)


def test_fixes_in_toml_front_matter(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", TOML_MESSY)
    result = run("fix", "--no-cache", "a.md", cwd=tmp_path)
    assert result.rc == 0
    assert path.read_text(encoding="utf-8") == TOML_FIXED
    assert check(tmp_path, "a.md").json() == []


def _json_article(members: list[str]) -> str:
    return "{\n" + ",\n".join("  " + m for m in members) + "\n}\n\n" + BODY + "\n" + SOURCE


JSON_BASE = [
    '"title": "Budget passes"',
    '"date": "2025-02-08T09:55:35+08:00"',
    f'"summary": "{SUMMARY}"',
]


@pytest.mark.parametrize("where", [0, 1, 3], ids=["first", "middle", "last"])
def test_deleting_an_empty_json_member_keeps_the_json_valid(tmp_path: Path, where: int) -> None:
    members = [*JSON_BASE]
    members.insert(where, '"menu": ""')
    path = write(tmp_path, "a.md", _json_article(members))
    result = run("fix", "--no-cache", "a.md", cwd=tmp_path)
    assert result.rc == 0
    text = path.read_text(encoding="utf-8")
    front = text[: text.index("\n}\n") + 2]
    assert json.loads(front) == {
        "title": "Budget passes",
        "date": "2025-02-08T09:55:35+08:00",
        "summary": SUMMARY,
    }
    assert check(tmp_path, "a.md").json() == []


def test_an_entity_in_json_front_matter_is_unescaped_with_json_quoting(tmp_path: Path) -> None:
    members = [*JSON_BASE]
    members[0] = '"title": "&quot;Budget&quot; &amp; tax"'
    path = write(tmp_path, "a.md", _json_article(members))
    run("fix", "--no-cache", "a.md", cwd=tmp_path)
    text = path.read_text(encoding="utf-8")
    assert json.loads(text[: text.index("\n}\n") + 2])["title"] == '"Budget" & tax'


def test_an_empty_yaml_key_is_deleted_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", article('menu: ""', "tags:", '  - "economy"'))
    run("fix", "--no-cache", "a.md", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == article("tags:", '  - "economy"')


def test_fix_never_writes_a_file_whose_front_matter_does_not_parse(tmp_path: Path) -> None:
    text = '---\ntitle: "A &amp; B\ndate: [\n---\n\nTrailing.   \n'
    path = write(tmp_path, "a.md", text)
    result = run("fix", "--no-cache", "a.md", cwd=tmp_path)
    assert result.rc == 1
    assert "FM002" in check(tmp_path, "a.md").codes()
    # The body's safe fixes may apply (they cannot break the front matter); the front matter stays.
    assert path.read_text(encoding="utf-8").startswith('---\ntitle: "A &amp; B\ndate: [\n---\n')


# ---------------------------------------------------------------------------------------------
# CRLF, BOM, invalid bytes


def crlf(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-8")


def test_fix_converts_crlf_to_lf(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", crlf(CLEAN))
    assert check(tmp_path, "a.md").found() == [("EN007", 1, 4)]
    run("fix", "--no-cache", "a.md", cwd=tmp_path)
    assert path.read_bytes() == CLEAN.encode("utf-8")


def test_fixes_in_a_crlf_file_keep_crlf_when_line_endings_is_ignored(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", crlf(MESSY))
    result = run("fix", "--ignore", "EN007", "--no-cache", "a.md", cwd=tmp_path)
    assert result.rc == 0
    assert path.read_bytes() == crlf(MESSY_FIXED)


def test_deleting_a_yaml_key_in_a_crlf_file_keeps_crlf(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", crlf(article('menu: ""')))
    run("fix", "--ignore", "line-endings", "--no-cache", "a.md", cwd=tmp_path)
    assert path.read_bytes() == crlf(CLEAN)


def test_collapsing_blank_lines_in_a_crlf_file_keeps_crlf(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", crlf(article(body="One.\n\n\n\nTwo.\n")))
    run("fix", "--ignore", "EN007", "--no-cache", "a.md", cwd=tmp_path)
    assert path.read_bytes() == crlf(article(body="One.\n\nTwo.\n"))


def test_the_json_edits_of_a_crlf_file_write_crlf(tmp_path: Path) -> None:
    # README: "A fix's edits write line breaks in the file's own line ending (CRLF in a CRLF file)".
    write(tmp_path, "a.md", crlf(article(body="One.\n\n\n\nTwo.\n")))
    found = check(tmp_path, "a.md", "--select", "BD003").json()
    assert isinstance(found, list) and len(found) == 1
    for edit in found[0]["fix"]["edits"]:
        assert "\n" not in edit["content"].replace("\r\n", "")


BOM = "\ufeff"


def test_fix_removes_a_bom(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", BOM + CLEAN)
    assert check(tmp_path, "a.md").found() == [("EN006", 1, 1)]
    run("fix", "--no-cache", "a.md", cwd=tmp_path)
    assert path.read_bytes() == CLEAN.encode("utf-8")


def test_fixes_keep_the_bom_when_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", BOM + MESSY)
    result = run("fix", "--ignore", "EN006", "--no-cache", "a.md", cwd=tmp_path)
    assert result.rc == 0
    assert path.read_bytes() == (BOM + MESSY_FIXED).encode("utf-8")


def test_a_bom_shifts_the_columns_of_line_1_only(tmp_path: Path) -> None:
    text = BOM + "---\ntitle: x\n---\n"
    write(tmp_path, "a.md", text)
    found = check(tmp_path, "a.md", "--select", "EN006").json()
    assert isinstance(found, list)
    assert [(d["line"], d["column"], d["end_line"], d["end_column"]) for d in found] == [
        (1, 1, 1, 2)
    ]


def test_bom_and_crlf_together_are_both_fixed(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", BOM.encode("utf-8") + crlf(MESSY))
    result = run("fix", "--no-cache", "a.md", cwd=tmp_path)
    assert result.rc == 0
    assert path.read_bytes() == MESSY_FIXED.encode("utf-8")


def test_fix_twice_on_a_crlf_bom_file_is_fix_once(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", BOM.encode("utf-8") + crlf(MESSY))
    run("fix", "--ignore", "EN006,EN007", "--no-cache", "a.md", cwd=tmp_path)
    once = path.read_bytes()
    run("fix", "--ignore", "EN006,EN007", "--no-cache", "a.md", cwd=tmp_path)
    assert path.read_bytes() == once == BOM.encode("utf-8") + crlf(MESSY_FIXED)


def test_fix_keeps_bytes_that_are_not_utf8_without_unsafe_fixes(tmp_path: Path) -> None:
    raw = article(body="Caf\x00 trailing.   \n").encode("utf-8").replace(b"\x00", b"\xe9")
    path = write(tmp_path, "a.md", raw)
    assert [c for c in check(tmp_path, "a.md").codes()] == ["EN005", "BD002"]
    run("fix", "--no-cache", "a.md", cwd=tmp_path)
    assert path.read_bytes() == raw.replace(b"trailing.   \n", b"trailing.\n")


def test_unsafe_fixes_transcode_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    raw = article(body="Le caf\x00 est ouvert, la r\x00ponse est claire.\n").encode("utf-8")
    raw = raw.replace(b"\x00", b"\xe9")
    path = write(tmp_path, "a.md", raw)
    run("fix", "--unsafe-fixes", "--no-cache", "a.md", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == article(
        body="Le café est ouvert, la réponse est claire.\n"
    )


@pytest.mark.parametrize(
    ("body", "column"),
    [
        ("The [budget](https://e.com/) fell.Then prices rose.", 34),
        ("The *budget* fell.Then prices rose.", 18),
        ("The **budget** fell.Then prices rose.", 20),
        ("The `budget` fell.Then prices rose.", 18),
        ("The [budget] fell.Then prices rose.", 18),
    ],
    ids=["link", "emphasis", "strong", "code-span", "brackets"],
)
def test_a_missing_sentence_space_right_after_inline_markup_is_found(
    tmp_path: Path, body: str, column: int
) -> None:
    write(tmp_path, "a.md", article(body=body + "\n"))
    assert check(tmp_path, "a.md").found() == [("TX004", 7, column)]


# ---------------------------------------------------------------------------------------------
# Configuration files: which one is read

# An article with one problem of each of three severities, one rule each:
# TX004 (warning) on line 7, BD002 (info) on line 7, LK001 (error) on line 9.
THREE = article(body="Prices rose.The index fell.   \n", source="No source link.\n")
THREE_FOUND = [("TX004", 7, 12), ("BD002", 7, 28), ("LK001", 9, 1)]


def test_the_three_severity_article(tmp_path: Path) -> None:
    write(tmp_path, "a.md", THREE)
    result = check(tmp_path, "a.md")
    assert (result.rc, result.found()) == (1, THREE_FOUND)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("newslint.toml", 'ignore = ["TX004"]\n'),
        (".newslint.toml", 'ignore = ["TX004"]\n'),
        ("pyproject.toml", '[project]\nname = "x"\n\n[tool.newslint]\nignore = ["TX004"]\n'),
    ],
)
def test_each_documented_configuration_file_is_read(tmp_path: Path, name: str, text: str) -> None:
    write(tmp_path, name, text)
    write(tmp_path, "a.md", THREE)
    assert check(tmp_path, "a.md").found() == [("BD002", 7, 28), ("LK001", 9, 1)]


def test_a_pyproject_without_a_newslint_section_is_no_configuration(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'ignore = ["TX004"]\n')
    write(tmp_path, "sub/pyproject.toml", '[project]\nname = "x"\n')
    write(tmp_path, "sub/a.md", THREE)
    assert check(tmp_path / "sub", "a.md").found() == [("BD002", 7, 28), ("LK001", 9, 1)]


def test_newslint_toml_comes_before_dot_newslint_toml_and_pyproject(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'ignore = ["TX004"]\n')
    write(tmp_path, ".newslint.toml", 'ignore = ["BD002"]\n')
    write(tmp_path, "pyproject.toml", '[tool.newslint]\nignore = ["LK001"]\n')
    write(tmp_path, "a.md", THREE)
    assert check(tmp_path, "a.md").codes() == ["BD002", "LK001"]


def test_dot_newslint_toml_comes_before_pyproject(tmp_path: Path) -> None:
    write(tmp_path, ".newslint.toml", 'ignore = ["BD002"]\n')
    write(tmp_path, "pyproject.toml", '[tool.newslint]\nignore = ["LK001"]\n')
    write(tmp_path, "a.md", THREE)
    assert check(tmp_path, "a.md").codes() == ["TX004", "LK001"]


def test_the_configuration_is_found_upward_from_the_working_directory(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'ignore = ["TX004"]\n')
    write(tmp_path, "deep/er/a.md", THREE)
    assert check(tmp_path / "deep" / "er", "a.md").codes() == ["BD002", "LK001"]


def test_the_nearest_configuration_to_the_linted_file_wins(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'ignore = ["TX004"]\n')
    write(tmp_path, "sub/newslint.toml", 'ignore = ["BD002"]\n')
    write(tmp_path, "sub/a.md", THREE)
    assert check(tmp_path, "sub/a.md").codes() == ["TX004", "LK001"]


def test_the_nearest_configuration_is_found_from_the_files_folder_not_the_cwd(
    tmp_path: Path,
) -> None:
    write(tmp_path, "site/newslint.toml", 'ignore = ["BD002"]\n')
    write(tmp_path, "site/a.md", THREE)
    write(tmp_path, "elsewhere/.keep", "")
    result = check(tmp_path / "elsewhere", "../site/a.md")
    assert result.codes() == ["TX004", "LK001"]


def test_files_under_different_configurations_get_the_cwds_with_a_warning(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'ignore = ["LK001"]\n')
    write(tmp_path, "a/newslint.toml", 'ignore = ["TX004"]\n')
    write(tmp_path, "b/newslint.toml", 'ignore = ["BD002"]\n')
    write(tmp_path, "a/x.md", THREE)
    write(tmp_path, "b/y.md", THREE.replace("Budget passes", "Budget fails"))
    result = check(tmp_path, "a/x.md", "b/y.md")
    assert result.codes() == ["TX004", "BD002", "TX004", "BD002"]
    assert "warning" in result.err.lower()


def test_config_file_option_skips_discovery(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'ignore = ["TX004"]\n')
    write(tmp_path, "other.toml", 'ignore = ["BD002"]\n')
    write(tmp_path, "a.md", THREE)
    assert check(tmp_path, "--config", "other.toml", "a.md").codes() == ["TX004", "LK001"]


def test_config_file_option_reads_a_pyproject_section(tmp_path: Path) -> None:
    write(tmp_path, "conf/pyproject.toml", '[tool.newslint]\nignore = ["BD002"]\n')
    write(tmp_path, "a.md", THREE)
    assert check(tmp_path, "--config", "conf/pyproject.toml", "a.md").codes() == ["TX004", "LK001"]


def test_a_missing_config_file_is_exit_2(tmp_path: Path) -> None:
    write(tmp_path, "a.md", THREE)
    result = run("check", "--config", "nope.toml", "a.md", cwd=tmp_path)
    assert result.rc == 2
    assert "nope.toml" in result.err
    assert result.out == ""


def test_config_key_value_overrides_one_setting(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'ignore = ["TX004"]\n')
    write(tmp_path, "a.md", THREE)
    result = check(tmp_path, "--config", 'ignore = ["LK001"]', "a.md")
    assert result.codes() == ["TX004", "BD002"]


def test_config_key_value_is_repeatable_and_keeps_the_file(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'ignore = ["TX004"]\n')
    write(tmp_path, "a.md", THREE)
    result = check(
        tmp_path, "--config", 'fail-on = "warning"', "--config", "max-file-size = 100000", "a.md"
    )
    assert result.codes() == ["BD002", "LK001"]
    assert result.rc == 1


def test_config_key_value_sets_a_rule_option(tmp_path: Path) -> None:
    write(tmp_path, "a.md", article(summary='"Budget passes on Tuesday after talks."'))
    assert check(tmp_path, "a.md").found() == [("TX002", 4, 10)]
    assert check(tmp_path, "--config", "rules.summary-length.min = 10", "a.md").found() == []


def test_a_bad_config_key_value_is_exit_2(tmp_path: Path) -> None:
    write(tmp_path, "a.md", CLEAN)
    for bad in ("fail-on = ", "nonsense-key = 1", 'fail-on = "never"'):
        result = run("check", "--config", bad, "a.md", cwd=tmp_path)
        assert result.rc == 2, bad
        assert result.err.startswith("newslint: error:"), bad


def test_isolated_ignores_every_configuration_file(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'ignore = ["TX004", "BD002", "LK001"]\n')
    write(tmp_path, "a.md", THREE)
    assert check(tmp_path, "--isolated", "a.md").found() == THREE_FOUND


def test_isolated_ignores_even_a_broken_configuration_file(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", "this is [not toml\n")
    write(tmp_path, "a.md", THREE)
    assert check(tmp_path, "--isolated", "a.md").found() == THREE_FOUND


# ---------------------------------------------------------------------------------------------
# Configuration: selection


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ('select = ["TX004"]', ["TX004"]),
        ('select = ["TX"]', ["TX004"]),
        ('select = ["sentence-spacing", "LK001"]', ["TX004", "LK001"]),
        ('select = ["ALL"]\nignore = ["BD", "TX"]', ["LK001"]),
        ('ignore = ["trailing-whitespace"]', ["TX004", "LK001"]),
        # extend-select's TX004 is more specific than ignore's TX
        ('extend-select = ["TX004"]\nignore = ["TX"]', ["TX004", "BD002", "LK001"]),
        # the more specific selector wins, within the file
        ('select = ["TX004"]\nignore = ["TX"]', ["TX004"]),
        ('select = ["TX"]\nignore = ["TX004"]', []),
        # equal specificity: ignore wins
        ('select = ["TX004"]\nignore = ["TX004"]', []),
        ('select = ["TX004"]\nignore = ["sentence-spacing"]', []),
        ('select = ["BD002"]\nextend-select = ["LK001"]', ["BD002", "LK001"]),
    ],
)
def test_selection_in_the_file(tmp_path: Path, config: str, expected: list[str]) -> None:
    write(tmp_path, "newslint.toml", config + "\n")
    write(tmp_path, "a.md", THREE)
    assert check(tmp_path, "a.md").codes() == expected


@pytest.mark.parametrize(
    ("config", "flags", "expected"),
    [
        # --select replaces the file's select and ignore
        ('select = ["BD002"]\nignore = ["TX004"]', ["--select", "TX004"], ["TX004"]),
        ('ignore = ["TX004"]', ["--select", "TX,LK"], ["TX004", "LK001"]),
        # --extend-select and --ignore adjust them
        ('select = ["BD002"]', ["--extend-select", "LK001"], ["BD002", "LK001"]),
        ('select = ["BD002", "LK001"]', ["--ignore", "LK001"], ["BD002"]),
        ('ignore = ["TX004"]', ["--extend-select", "TX004"], ["TX004", "BD002", "LK001"]),
        ('select = ["TX"]', ["--ignore", "TX004", "--extend-select", "LK"], ["LK001"]),
        # repeated flags add up, comma-separated or not
        ("", ["--select", "TX004", "--select", "LK001"], ["TX004", "LK001"]),
        ("", ["--ignore", "TX004", "--ignore", "BD002"], ["LK001"]),
        # within the command line the more specific selector wins
        ("", ["--select", "TX004", "--ignore", "TX"], ["TX004"]),
        ("", ["--select", "ALL", "--ignore", "TX004,BD002"], ["LK001"]),
    ],
)
def test_selection_on_the_command_line_after_the_file(
    tmp_path: Path, config: str, flags: list[str], expected: list[str]
) -> None:
    write(tmp_path, "newslint.toml", config + "\n")
    write(tmp_path, "a.md", THREE)
    assert check(tmp_path, *flags, "a.md").codes() == expected


def test_select_all_turns_on_a_rule_that_is_off_by_default(tmp_path: Path) -> None:
    # The `news` preset is on by default; `presets = ["hugo"]` turns LK001 off. "ALL" selects
    # every rule, but a rule still runs only while its preset is on (the README's `preset`).
    write(tmp_path, "newslint.toml", 'presets = ["hugo"]\n')
    write(tmp_path, "a.md", THREE)
    assert check(tmp_path, "a.md").codes() == ["TX004", "BD002"]


@pytest.mark.parametrize("selector", ["XX999", "sentence-spacin", "QQ"])
def test_an_unknown_selector_is_a_usage_error(tmp_path: Path, selector: str) -> None:
    # As in ruff (`invalid value 'XX999' for '--select'`): a typo must not select nothing silently.
    write(tmp_path, "a.md", THREE)
    result = run("check", "--select", selector, "a.md", cwd=tmp_path)
    assert result.rc == 2
    assert selector in result.err


@pytest.mark.parametrize("selector", ["XX999", "sentence-spacin"])
def test_an_unknown_selector_in_the_file_is_exit_2_naming_the_key(
    tmp_path: Path, selector: str
) -> None:
    write(tmp_path, "newslint.toml", f'ignore = ["{selector}"]\n')
    write(tmp_path, "a.md", THREE)
    result = run("check", "a.md", cwd=tmp_path)
    assert result.rc == 2
    assert "ignore" in result.err and selector in result.err


# ---------------------------------------------------------------------------------------------
# Configuration: per-file-ignores and file patterns


@pytest.mark.parametrize(
    ("pattern", "ignored", "kept"),
    [
        ("old/**", ["old/a.md", "old/x/b.md"], ["new/a.md"]),
        ("old/", ["old/a.md"], ["new/a.md"]),
        ("a.md", ["old/a.md", "new/a.md"], ["old/x/b.md"]),
        ("**/x/*.md", ["old/x/b.md"], ["old/a.md", "new/a.md"]),
        ("{old,new}/a.md", ["old/a.md", "new/a.md"], ["old/x/b.md"]),
        ("old/*", ["old/a.md", "old/x/b.md"], ["new/a.md"]),  # `*` crosses `/`
        ("!old/**", ["new/a.md"], ["old/a.md", "old/x/b.md"]),
        ("old\\\\**", ["old/a.md", "old/x/b.md"], ["new/a.md"]),  # `\\` separates as `/`
    ],
)
def test_per_file_ignores_patterns(
    tmp_path: Path, pattern: str, ignored: list[str], kept: list[str]
) -> None:
    write(tmp_path, "newslint.toml", f'[per-file-ignores]\n"{pattern}" = ["BD002"]\n')
    for name in ignored + kept:
        write(tmp_path, name, THREE)
    for name in ignored:
        assert "BD002" not in check(tmp_path, name).codes(), name
    for name in kept:
        assert "BD002" in check(tmp_path, name).codes(), name


def test_per_file_ignores_are_relative_to_the_configuration_files_folder(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", '[per-file-ignores]\n"old/**" = ["BD002"]\n')
    write(tmp_path, "old/a.md", THREE)
    assert check(tmp_path / "old", "a.md").codes() == ["TX004", "LK001"]


def test_per_file_ignores_take_names_and_prefixes(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", '[per-file-ignores]\n"*.md" = ["trailing-whitespace", "LK"]\n')
    write(tmp_path, "a.md", THREE)
    assert check(tmp_path, "a.md").codes() == ["TX004"]


def test_per_file_ignores_in_pyproject(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.newslint.per-file-ignores]\n"a.md" = ["TX004"]\n')
    write(tmp_path, "a.md", THREE)
    assert check(tmp_path, "a.md").codes() == ["BD002", "LK001"]


def test_exclude_skips_files_in_a_walk(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'exclude = ["drafts/**"]\n')
    write(tmp_path, "drafts/a.md", THREE)
    write(tmp_path, "news/a.md", THREE.replace("No source link.", "No link at all."))
    result = check(tmp_path, ".")
    assert {d["path"] for d in result.json()} == {"news/a.md"}  # type: ignore[union-attr]


def test_extend_exclude_adds_to_exclude(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'exclude = ["drafts/**"]\nextend-exclude = ["old/**"]\n')
    write(tmp_path, "drafts/a.md", THREE)
    write(tmp_path, "old/a.md", THREE)
    write(tmp_path, "news/a.md", THREE.replace("No source link.", "No link at all."))
    assert {d["path"] for d in check(tmp_path, ".").json()} == {"news/a.md"}  # type: ignore[union-attr]


def test_exclude_option_adds_to_the_configurations(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'exclude = ["drafts/**"]\n')
    write(tmp_path, "drafts/a.md", THREE)
    write(tmp_path, "old/a.md", THREE)
    write(tmp_path, "news/a.md", THREE.replace("No source link.", "No link at all."))
    result = check(tmp_path, "--exclude", "old/**", ".")
    assert {d["path"] for d in result.json()} == {"news/a.md"}  # type: ignore[union-attr]


def test_a_named_file_is_linted_although_excluded(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'exclude = ["drafts/**"]\n')
    write(tmp_path, "drafts/a.md", THREE)
    assert check(tmp_path, "drafts/a.md").codes() == ["TX004", "BD002", "LK001"]


def test_force_exclude_applies_exclude_to_named_files(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'exclude = ["drafts/**"]\n')
    write(tmp_path, "drafts/a.md", THREE)
    result = check(tmp_path, "--force-exclude", "drafts/a.md")
    assert (result.rc, result.json()) == (0, [])


def test_fix_force_exclude_leaves_an_excluded_file_alone(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'exclude = ["drafts/**"]\n')
    path = write(tmp_path, "drafts/a.md", MESSY)
    result = run("fix", "--force-exclude", "--no-cache", "drafts/a.md", cwd=tmp_path)
    assert result.rc == 0
    assert path.read_text(encoding="utf-8") == MESSY


def test_include_chooses_the_files_when_no_path_is_given(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'include = ["news/**/*.md"]\n')
    write(tmp_path, "news/2025/a.md", THREE)
    write(tmp_path, "other/a.md", THREE)
    assert {d["path"] for d in check(tmp_path).json()} == {"news/2025/a.md"}  # type: ignore[union-attr]


# ---------------------------------------------------------------------------------------------
# Configuration: fail-on, output-format, severity, options, presets and the rest


def test_fail_on_in_the_file(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'fail-on = "warning"\nignore = ["LK001"]\n')
    write(tmp_path, "a.md", THREE)
    assert check(tmp_path, "a.md").rc == 1


def test_fail_on_flag_wins_over_the_file(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'fail-on = "info"\nignore = ["LK001", "TX004"]\n')
    write(tmp_path, "a.md", THREE)
    assert check(tmp_path, "a.md").rc == 1
    assert check(tmp_path, "--fail-on", "error", "a.md").rc == 0


def test_output_format_in_the_file_and_the_flag_wins(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'output-format = "json-lines"\n')
    write(tmp_path, "a.md", THREE)
    lines = run("check", "--no-cache", "a.md", cwd=tmp_path).out.splitlines()
    assert [json.loads(line)["code"] for line in lines] == ["TX004", "BD002", "LK001"]
    concise = run("check", "--no-cache", "--output-format", "concise", "a.md", cwd=tmp_path)
    assert (
        concise.out.splitlines()[0]
        == "a.md:7:12: TX004 [sentence-spacing] [*] no space after '.' before 'The'"
    )


def test_a_severity_override_changes_the_reported_severity_and_exit_code(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", '[rules.source-link-missing]\nseverity = "warning"\n')
    write(tmp_path, "a.md", THREE)
    result = check(tmp_path, "a.md")
    assert result.rc == 0
    assert [(d["code"], d["severity"]) for d in result.json()] == [  # type: ignore[union-attr]
        ("TX004", "warning"),
        ("BD002", "info"),
        ("LK001", "warning"),
    ]


def test_a_severity_override_by_code_and_raising_a_severity(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", '[rules.BD002]\nseverity = "error"\n')
    write(tmp_path, "a.md", article(body="Trailing.   \n"))
    result = check(tmp_path, "a.md")
    assert result.rc == 1
    assert [d["severity"] for d in result.json()] == ["error"]  # type: ignore[union-attr]


def test_a_severity_override_in_pyproject_and_in_fix(tmp_path: Path) -> None:
    write(
        tmp_path,
        "pyproject.toml",
        '[tool.newslint.rules.trailing-whitespace]\nseverity = "error"\nstrict = true\n',
    )
    write(tmp_path, "a.md", article(body="Line.  \n", source="No link.\n"))
    found = check(tmp_path, "--select", "BD002", "a.md")
    assert (found.rc, found.found()) == (1, [("BD002", 7, 6)])
    path = tmp_path / "a.md"
    assert run("fix", "--select", "BD002", "--no-cache", "a.md", cwd=tmp_path).rc == 0
    assert path.read_text(encoding="utf-8") == article(body="Line.\n", source="No link.\n")


def test_rule_options_summary_length(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", "[rules.summary-length]\nmin = 10\nmax = 50\n")
    write(tmp_path, "a.md", CLEAN)
    assert check(tmp_path, "a.md").found() == [("TX002", 4, 10)]


def test_rule_options_required_field_fields_replaces_the_list(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", '[rules.required-field]\nfields = ["title", "author"]\n')
    write(tmp_path, "a.md", "---\ntitle: x\n---\n\n" + BODY + "\n" + SOURCE)
    result = check(tmp_path, "--select", "FM004", "a.md")
    assert [d["message"] for d in result.json()] == ["required field 'author' is missing"]  # type: ignore[union-attr]


def test_required_adds_a_field(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'required = ["author"]\n')
    write(tmp_path, "a.md", CLEAN)
    result = check(tmp_path, "a.md")
    assert [(d["code"], d["message"]) for d in result.json()] == [  # type: ignore[union-attr]
        ("FM004", "required field 'author' is missing")
    ]
    assert result.rc == 1


def test_allowed_values(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'allowed = { categories = ["economy", "politics"] }\n')
    write(tmp_path, "a.md", article("categories:", '  - "economy"', '  - "sport"'))
    assert check(tmp_path, "a.md").found() == [("FM005", 7, 5)]


def test_source_field_names_the_field_with_the_source(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'source-field = "origin"\n')
    write(tmp_path, "a.md", article('origin: "https://example.com/a"', source=""))
    assert check(tmp_path, "a.md").found() == []


def test_presets_without_news_drop_the_news_rules(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'presets = ["hugo"]\n')
    write(tmp_path, "a.md", "---\ntitle: x\ndate: 2025-02-08T09:55:35+08:00\n---\n\nText.\n")
    assert check(tmp_path, "a.md").found() == []


def test_max_file_size_reports_file_too_large(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", "max-file-size = 100\n")
    write(tmp_path, "a.md", CLEAN)
    result = check(tmp_path, "a.md")
    assert result.codes() == ["NL003"]
    assert result.rc == 1 or result.json()[0]["severity"] != "error"  # type: ignore[index]


def test_a_rule_option_in_fix_changes_what_is_fixed(tmp_path: Path) -> None:
    # html-entity's `fields` option: only the title is unescaped.
    write(tmp_path, "newslint.toml", '[rules.html-entity]\nfields = ["title"]\n')
    text = article(title='"A &amp; B"', summary=f'"{SUMMARY[:-1]} &amp; more."')
    path = write(tmp_path, "a.md", text)
    run("fix", "--no-cache", "a.md", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == text.replace('"A &amp; B"', '"A & B"')


# ---------------------------------------------------------------------------------------------
# Configuration mistakes: exit 2, naming the file and the key


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "pyproject.toml",
            '[tool.newslint]\nexcude = ["x"]\n',
            "newslint: error: pyproject.toml: unknown key 'tool.newslint.excude' (did you mean 'exclude'?)",
        ),
        (
            "pyproject.toml",
            '[tool.newslint]\nfail-on = "errors"\n',
            "newslint: error: pyproject.toml: tool.newslint.fail-on: expected one of 'error', 'warning', "
            "'info', got \"errors\" (did you mean 'error'?)",
        ),
        (
            "pyproject.toml",
            '[tool.newslint.rules.required-feld]\nseverity = "error"\n',
            "newslint: error: pyproject.toml: tool.newslint.rules.required-feld: unknown rule "
            "'required-feld' (did you mean 'required-field'?)",
        ),
    ],
)
def test_the_readmes_configuration_errors_verbatim(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    write(tmp_path, name, text)
    write(tmp_path, "a.md", CLEAN)
    result = run("check", "a.md", cwd=tmp_path)
    assert result.rc == 2
    assert result.err.splitlines()[0] == message
    assert result.out == ""


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('timezone = "Mars/Olympus"\n', "timezone"),
        ('presets = ["hugo", "newz"]\n', "presets"),
        ("max-file-size = -1\n", "max-file-size"),
        ('select = "DT001"\n', "select"),
        ("[rules.summary-length]\nmaximum = 3\n", "maximum"),
        ('[rules.summary-length]\nmax = "long"\n', "max"),
        ('[rules.summary-length]\nseverity = "fatal"\n', "severity"),
        ('[links]\ntimeout = "soon"\n', "timeout"),
        ("[links]\ntimout = 3\n", "timout"),
        ('[per-file-ignores]\n"a.md" = "BD002"\n', "per-file-ignores"),
        ('output-format = "xml"\n', "output-format"),
    ],
)
def test_a_bad_value_or_key_exits_2_naming_the_key(tmp_path: Path, text: str, key: str) -> None:
    write(tmp_path, "newslint.toml", text)
    write(tmp_path, "a.md", CLEAN)
    result = run("check", "a.md", cwd=tmp_path)
    assert result.rc == 2, result.err
    assert result.err.startswith("newslint: error: newslint.toml:"), result.err
    assert key in result.err


@pytest.mark.parametrize("command", ["check", "fix", "config", "rules"])
def test_every_command_that_reads_the_configuration_refuses_a_bad_one(
    tmp_path: Path, command: str
) -> None:
    write(tmp_path, "newslint.toml", "[links]\ntimout = 3\n")
    write(tmp_path, "a.md", MESSY)
    args = (command,) if command in ("config", "rules") else (command, "a.md")
    result = run(*args, cwd=tmp_path)
    assert result.rc == 2
    assert result.err.startswith("newslint: error: newslint.toml:")
    assert "timout" in result.err
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == MESSY


def test_a_toml_syntax_error_exits_2_with_the_line(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'ignore = ["TX004"]\nfail-on = \n')
    write(tmp_path, "a.md", CLEAN)
    result = run("check", "a.md", cwd=tmp_path)
    assert result.rc == 2
    assert result.err.startswith("newslint: error: newslint.toml:")
    assert "line 2" in result.err


def test_a_bad_configuration_writes_nothing_in_fix(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'fail-on = "errors"\n')
    path = write(tmp_path, "a.md", MESSY)
    assert run("fix", "a.md", cwd=tmp_path).rc == 2
    assert path.read_text(encoding="utf-8") == MESSY


# ---------------------------------------------------------------------------------------------
# Inline suppressions

GLUED = "Prices rose.The index fell."


def body_check(tmp_path: Path, body: str, *flags: str) -> list[tuple[str, int, int]]:
    write(tmp_path, "a.md", article(body=body))
    return check(tmp_path, *flags, "a.md").found()


def test_without_a_suppression_the_glued_sentence_is_reported(tmp_path: Path) -> None:
    assert body_check(tmp_path, GLUED + "\n") == [("TX004", 7, 12)]


@pytest.mark.parametrize(
    "comment",
    [
        "<!-- newslint-disable-next-line sentence-spacing -->",
        "<!-- newslint-disable-next-line TX004 -->",
        "<!-- newslint-disable-next-line TX -->",
        "<!-- newslint-disable-next-line BD002,TX004 -->",
        "<!-- newslint-disable-next-line BD002, TX004 -->",
        "<!-- newslint-disable-next-line BD002 TX004 -->",
        "<!-- newslint-disable-next-line -->",
        "<!-- newslint-disable-next-line TX004 -- the source wrote it so -->",
    ],
    ids=["name", "code", "prefix", "comma", "comma-space", "space", "all", "reason"],
)
def test_disable_next_line_silences_the_next_line(tmp_path: Path, comment: str) -> None:
    body = f"{comment}\n{GLUED}   \n"
    found = body_check(tmp_path, body)
    # BD002 on the same line is silenced only where the comment names it (or every rule).
    if "BD002" in comment or comment == "<!-- newslint-disable-next-line -->":
        assert found == []
    else:
        assert found == [("BD002", 8, 28)]


def test_disable_next_line_does_not_reach_further(tmp_path: Path) -> None:
    body = f"<!-- newslint-disable-next-line TX004 -->\n{GLUED}\n\n{GLUED}\n"
    assert body_check(tmp_path, body) == [("TX004", 10, 12)]


def test_disable_line_silences_its_own_line(tmp_path: Path) -> None:
    body = f"{GLUED} <!-- newslint-disable-line sentence-spacing -->\n\n{GLUED}\n"
    assert body_check(tmp_path, body) == [("TX004", 9, 12)]


def test_disable_and_enable_bracket_a_region(tmp_path: Path) -> None:
    body = (
        f"{GLUED}\n\n<!-- newslint-disable TX004 -->\n\n{GLUED}\n\n{GLUED}\n\n"
        f"<!-- newslint-enable TX004 -->\n\n{GLUED}\n"
    )
    assert body_check(tmp_path, body) == [("TX004", 7, 12), ("TX004", 17, 12)]


def test_disable_without_enable_runs_to_the_end(tmp_path: Path) -> None:
    body = f"{GLUED}\n\n<!-- newslint-disable TX004 -->\n\n{GLUED}\n"
    assert body_check(tmp_path, body) == [("TX004", 7, 12)]


def test_disable_file_silences_the_whole_file_from_anywhere(tmp_path: Path) -> None:
    body = f"{GLUED}\n\n{GLUED}\n\n<!-- newslint-disable-file sentence-spacing -->\n"
    assert body_check(tmp_path, body) == []


def test_raw_html_block_between_disable_and_enable(tmp_path: Path) -> None:
    body = (
        "<!-- newslint-disable BD004 -->\n"
        '<iframe src="https://example.com/embed"></iframe>\n'
        "<!-- newslint-enable BD004 -->\n\n" + BODY
    )
    assert body_check(tmp_path, body) == []
    html = '<iframe src="https://example.com/embed"></iframe>\n\n' + BODY
    assert body_check(tmp_path, html) == [("BD004", 7, 1)]


def test_an_unused_body_suppression_is_nl001_at_the_comment(tmp_path: Path) -> None:
    body = "<!-- newslint-disable-next-line TX004 -->\nPrices rose. The index fell.\n"
    assert body_check(tmp_path, body) == [("NL001", 7, 1)]


def test_a_suppression_naming_an_unknown_rule_is_reported(tmp_path: Path) -> None:
    body = f"<!-- newslint-disable-next-line TX004 no-such-rule -->\n{GLUED}\n"
    write(tmp_path, "a.md", article(body=body))
    result = check(tmp_path, "a.md")
    assert result.found() == [("NL001", 7, 39)]  # at the unknown name
    assert "no-such-rule" in result.json()[0]["message"]  # type: ignore[index]


def test_an_enable_without_a_disable_is_reported(tmp_path: Path) -> None:
    body = f"{GLUED}\n\n<!-- newslint-enable TX004 -->\n"
    assert body_check(tmp_path, body) == [("TX004", 7, 12), ("NL001", 9, 1)]


@pytest.mark.parametrize(
    "comment",
    [
        "<!-- newslint-disabel TX004 -->",
        "<!-- newslint: disable=TX004 -->",
        "<!-- newslint-disable-nextline TX004 -->",
    ],
)
def test_a_misspelt_suppression_is_reported_and_silences_nothing(
    tmp_path: Path, comment: str
) -> None:
    body = f"{comment}\n{GLUED}\n"
    write(tmp_path, "a.md", article(body=body))
    result = check(tmp_path, "a.md")
    assert sorted(result.found()) == [("NL001", 7, 1), ("TX004", 8, 12)]
    nl001 = [d for d in result.json() if d["code"] == "NL001"]  # type: ignore[union-attr]
    assert nl001[0]["fix"] is None


def test_a_suppression_of_a_rule_the_run_leaves_off_is_left_alone(tmp_path: Path) -> None:
    body = f"<!-- newslint-disable-next-line TX004 -->\n{GLUED}\n"
    assert body_check(tmp_path, body, "--ignore", "TX004") == []
    assert body_check(tmp_path, body, "--select", "NL001") == []


def test_fix_removes_an_unused_suppression_comment(tmp_path: Path) -> None:
    body = "Prices rose.\n\n<!-- newslint-disable-next-line TX004 -->\nThe index fell.\n"
    path = write(tmp_path, "a.md", article(body=body))
    result = run("fix", "--no-cache", "a.md", cwd=tmp_path)
    assert result.rc == 0
    fixed = path.read_text(encoding="utf-8")
    assert "newslint-disable" not in fixed
    assert "Prices rose.\n" in fixed and "The index fell.\n" in fixed
    assert check(tmp_path, "a.md").found() == []


def test_fix_removes_only_the_unused_names_of_a_suppression(tmp_path: Path) -> None:
    body = f"<!-- newslint-disable-next-line BD002, TX004 -->\n{GLUED}\n"
    path = write(tmp_path, "a.md", article(body=body))
    run("fix", "--no-cache", "a.md", cwd=tmp_path)
    fixed = path.read_text(encoding="utf-8")
    assert "BD002" not in fixed
    assert "TX004" in fixed
    assert GLUED in fixed  # still silenced, so not fixed
    assert check(tmp_path, "a.md").found() == []


def test_fix_with_ignore_does_not_delete_a_suppression_of_the_ignored_rule(tmp_path: Path) -> None:
    body = f"<!-- newslint-disable-next-line TX004 -->\n{GLUED}\n"
    text = article(body=body)
    path = write(tmp_path, "a.md", text)
    run("fix", "--ignore", "TX004", "--no-cache", "a.md", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == text


def test_a_suppressed_problem_is_not_fixed(tmp_path: Path) -> None:
    body = f"{GLUED} <!-- newslint-disable-line TX004 -->\n"
    text = article(body=body)
    path = write(tmp_path, "a.md", text)
    run("fix", "--no-cache", "a.md", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == text


SHOUTING = '"UNICEF AND WHO WARN OF MEASLES IN EUROPE"'


def test_a_yaml_key_comment_silences_that_key(tmp_path: Path) -> None:
    write(tmp_path, "a.md", article(title=SHOUTING + "  # newslint: disable=title-shouting"))
    assert check(tmp_path, "a.md").found() == []


def test_a_yaml_key_comment_silences_only_that_key(tmp_path: Path) -> None:
    text = article(
        title=SHOUTING + "  # newslint: disable=TX003",
        summary=f'"{SUMMARY[:-1]} &amp; more."',
    )
    write(tmp_path, "a.md", text)
    found = check(tmp_path, "a.md").found()
    assert ("TX003", 4, 82) in found
    assert ("TX006", 2, 8) in found
    assert ("NL001", 2, 52) in found


def test_a_yaml_key_comment_covers_every_line_of_the_key(tmp_path: Path) -> None:
    text = article(
        "lead: >-  # newslint: disable=html-entity",
        "  S&amp;P and",
        "  Dow &amp; Jones rose.",
        'subtitle: "A &amp; B"',
    )
    write(tmp_path, "a.md", text)
    fields = 'rules.html-entity.fields = ["lead", "subtitle"]'
    found = check(tmp_path, "--select", "TX003,NL001", "--config", fields, "a.md").found()
    assert found == [("TX003", 8, 14)]
    unsilenced = text.replace("  # newslint: disable=html-entity", "")
    write(tmp_path, "a.md", unsilenced)
    found = check(tmp_path, "--select", "TX003,NL001", "--config", fields, "a.md").found()
    assert found == [("TX003", 6, 4), ("TX003", 7, 7), ("TX003", 8, 14)]


def test_suppression_words_inside_a_block_scalar_are_text(tmp_path: Path) -> None:
    text = article(
        "lead: |",
        "  Tags are written # newslint: disable=html-entity",
        "  S&amp;P rose.",
    )
    write(tmp_path, "a.md", text)
    fields = 'rules.html-entity.fields = ["lead"]'
    found = check(tmp_path, "--select", "TX003,NL001", "--config", fields, "a.md").found()
    assert found == [("TX003", 7, 4)]


def test_a_yaml_comment_line_silences_the_whole_file(tmp_path: Path) -> None:
    text = article("# newslint: disable=TX004,title-shouting", title=SHOUTING, body=GLUED + "\n")
    write(tmp_path, "a.md", text)
    assert check(tmp_path, "a.md").found() == []


def test_a_future_date_silenced_in_the_front_matter(tmp_path: Path) -> None:
    write(tmp_path, "a.md", article(date="2099-02-08T09:55:35+08:00"))
    assert check(tmp_path, "a.md").found() == [("DT003", 3, 7)]
    write(tmp_path, "a.md", article("# newslint: disable=DT003", date="2099-02-08T09:55:35+08:00"))
    assert check(tmp_path, "a.md").found() == []


def test_a_toml_key_comment_and_comment_line(tmp_path: Path) -> None:
    text = (
        "+++\n"
        f"title = {SHOUTING}  # newslint: disable=title-shouting\n"
        "date = 2025-02-08T09:55:35+08:00\n"
        f'summary = "{SUMMARY}"\n'
        "# newslint: disable=sentence-spacing\n"
        "+++\n\n" + GLUED + "\n\n" + SOURCE
    )
    write(tmp_path, "a.md", text)
    assert check(tmp_path, "a.md").found() == []


def test_an_unused_front_matter_suppression_is_reported_and_fixed(tmp_path: Path) -> None:
    text = article("# newslint: disable=DT003")
    path = write(tmp_path, "a.md", text)
    assert check(tmp_path, "a.md").found() == [("NL001", 5, 1)]
    run("fix", "--no-cache", "a.md", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == CLEAN


def test_a_front_matter_comment_that_is_almost_a_suppression_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "a.md", article("# newslint disable DT003", date="2099-02-08T09:55:35+08:00"))
    assert sorted(check(tmp_path, "a.md").found()) == [("DT003", 3, 7), ("NL001", 5, 1)]


# ---------------------------------------------------------------------------------------------
# Baselines


def test_a_baseline_hides_the_recorded_problems(tmp_path: Path) -> None:
    write(tmp_path, "a.md", THREE)
    recorded = run("check", "--no-cache", "--write-baseline", "base.json", "a.md", cwd=tmp_path)
    assert recorded.rc in (0, 1)
    assert (tmp_path / "base.json").is_file()
    result = check(tmp_path, "--baseline", "base.json", "a.md")
    assert (result.rc, result.json()) == (0, [])


def test_a_baseline_reports_a_new_problem(tmp_path: Path) -> None:
    write(tmp_path, "a.md", THREE)
    run("check", "--no-cache", "--write-baseline", "base.json", "a.md", cwd=tmp_path)
    write(tmp_path, "a.md", THREE.replace(GLUED, GLUED + "\n\nRain fell.Then it stopped."))
    result = check(tmp_path, "--baseline", "base.json", "a.md")
    # The recorded trailing spaces moved to the new line: a short text is matched with its
    # context (the line's text around it), so the spaces after `it stopped.` are new too.
    assert result.found() == [("TX004", 9, 10), ("BD002", 9, 27)]


def test_a_baseline_matches_by_text_not_line(tmp_path: Path) -> None:
    write(tmp_path, "a.md", THREE)
    run("check", "--no-cache", "--write-baseline", "base.json", "a.md", cwd=tmp_path)
    write(tmp_path, "a.md", THREE.replace(GLUED, "A new paragraph.\n\n" + GLUED))
    assert check(tmp_path, "--baseline", "base.json", "a.md").json() == []


def test_a_baseline_counts_copies(tmp_path: Path) -> None:
    write(tmp_path, "a.md", THREE)
    run("check", "--no-cache", "--write-baseline", "base.json", "a.md", cwd=tmp_path)
    write(tmp_path, "a.md", THREE.replace(GLUED, GLUED + "\n\n" + GLUED))
    assert check(tmp_path, "--baseline", "base.json", "a.md").codes() == ["TX004"]


def test_a_baseline_counts_what_no_longer_occurs_on_stderr(tmp_path: Path) -> None:
    write(tmp_path, "a.md", THREE)
    run("check", "--no-cache", "--write-baseline", "base.json", "a.md", cwd=tmp_path)
    write(tmp_path, "a.md", THREE.replace(GLUED, "Prices rose. The index fell."))
    result = check(tmp_path, "--baseline", "base.json", "a.md")
    assert (result.rc, result.json()) == (0, [])
    assert "1" in result.err


def test_a_missing_baseline_file_is_exit_2(tmp_path: Path) -> None:
    write(tmp_path, "a.md", THREE)
    result = run("check", "--baseline", "nope.json", "a.md", cwd=tmp_path)
    assert result.rc == 2
    assert "nope.json" in result.err


def test_a_baseline_that_is_not_json_is_exit_2(tmp_path: Path) -> None:
    write(tmp_path, "a.md", THREE)
    write(tmp_path, "base.json", "not json")
    result = run("check", "--baseline", "base.json", "a.md", cwd=tmp_path)
    assert result.rc == 2
    assert "base.json" in result.err


# ---------------------------------------------------------------------------------------------
# Standard input


def test_check_dash_reads_standard_input(tmp_path: Path) -> None:
    result = run("check", "--output-format", "json", "-", cwd=tmp_path, stdin=THREE.encode())
    assert (result.rc, result.found()) == (1, THREE_FOUND)
    assert {d["path"] for d in result.json()} == {"-"}  # type: ignore[union-attr]


def test_stdin_filename_names_the_path_in_every_format(tmp_path: Path) -> None:
    stdin = THREE.encode()
    found = run(
        "check",
        "--output-format",
        "json",
        "--stdin-filename",
        "news/x.md",
        "-",
        cwd=tmp_path,
        stdin=stdin,
    )
    assert {d["path"] for d in found.json()} == {"news/x.md"}  # type: ignore[union-attr]
    concise = run(
        "check",
        "--output-format",
        "concise",
        "--stdin-filename",
        "news/x.md",
        cwd=tmp_path,
        stdin=stdin,
    )
    assert concise.out.splitlines()[0].startswith("news/x.md:7:12: TX004")
    github = run(
        "check",
        "--output-format",
        "github",
        "--stdin-filename",
        "news/x.md",
        cwd=tmp_path,
        stdin=stdin,
    )
    assert "file=news/x.md," in github.out


def test_stdin_filename_applies_per_file_ignores(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", '[per-file-ignores]\n"news/**" = ["TX004"]\n')
    result = run(
        "check",
        "--output-format",
        "json",
        "--stdin-filename",
        "news/x.md",
        "-",
        cwd=tmp_path,
        stdin=THREE.encode(),
    )
    assert result.codes() == ["BD002", "LK001"]


def test_stdin_filename_finds_that_files_configuration(tmp_path: Path) -> None:
    write(tmp_path, "site/newslint.toml", 'ignore = ["LK001"]\n')
    result = run(
        "check",
        "--output-format",
        "json",
        "--stdin-filename",
        "site/x.md",
        "-",
        cwd=tmp_path,
        stdin=THREE.encode(),
    )
    assert result.codes() == ["TX004", "BD002"]


def test_stdin_filename_with_force_exclude_skips_an_excluded_path(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'exclude = ["drafts/**"]\n')
    args = ("check", "--output-format", "json", "--stdin-filename", "drafts/x.md")
    assert run(*args, "-", cwd=tmp_path, stdin=THREE.encode()).codes() == [
        "TX004",
        "BD002",
        "LK001",
    ]
    skipped = run(*args, "--force-exclude", "-", cwd=tmp_path, stdin=THREE.encode())
    assert (skipped.rc, skipped.json()) == (0, [])


def test_stdin_filename_gives_the_sites_time_zone(tmp_path: Path) -> None:
    write(tmp_path, "hugo.toml", 'timeZone = "Asia/Shanghai"\n')
    stdin = article(date="2025-02-08 09:55:35").encode()
    result = run("fix", "--stdin-filename", "content/x.md", "-", cwd=tmp_path, stdin=stdin)
    assert result.stdout == article(date="2025-02-08T09:55:35+08:00").encode()
    assert result.rc == 0


def test_fix_dash_prints_the_fixed_text_and_writes_no_file(tmp_path: Path) -> None:
    result = run("fix", "--stdin-filename", "a.md", "-", cwd=tmp_path, stdin=MESSY.encode())
    assert result.stdout == MESSY_FIXED.encode()
    assert result.rc == 0
    assert not (tmp_path / "a.md").exists()


def test_fix_dash_prints_the_remaining_problems_on_stderr(tmp_path: Path) -> None:
    result = run("fix", "--stdin-filename", "a.md", "-", cwd=tmp_path, stdin=THREE.encode())
    assert (
        result.stdout
        == THREE.replace("fell.   \n", "fell.\n")
        .replace(GLUED, "Prices rose. The index fell.")
        .encode()
    )
    assert result.rc == 1
    assert "a.md:9:1: LK001" in result.err


def test_fix_dash_is_byte_for_byte_what_fix_path_writes(tmp_path: Path) -> None:
    raw = BOM.encode() + crlf(MESSY)
    path = write(tmp_path, "a.md", raw)
    piped = run(
        "fix", "--ignore", "EN006,EN007", "--stdin-filename", "a.md", "-", cwd=tmp_path, stdin=raw
    )
    run("fix", "--ignore", "EN006,EN007", "--no-cache", "a.md", cwd=tmp_path)
    assert piped.stdout == path.read_bytes() == BOM.encode() + crlf(MESSY_FIXED)


def test_fix_dash_returns_an_unfixable_text_unchanged(tmp_path: Path) -> None:
    raw = b"\xff\xfe not utf-8 \r\n at all"
    result = run("fix", "-", cwd=tmp_path, stdin=raw)
    assert result.stdout == raw
    assert result.rc == 1


def test_fix_dash_returns_an_excluded_text_unchanged(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'exclude = ["drafts/**"]\n')
    args = ("fix", "--force-exclude", "--stdin-filename", "drafts/x.md", "-")
    result = run(*args, cwd=tmp_path, stdin=MESSY.encode())
    assert (result.rc, result.stdout) == (0, MESSY.encode())


def test_fix_diff_dash_prints_the_diff(tmp_path: Path) -> None:
    result = run(
        "fix", "--diff", "--stdin-filename", "a.md", "-", cwd=tmp_path, stdin=MESSY.encode()
    )
    assert result.rc == 1
    assert _apply_unified_diff(MESSY, result.out) == MESSY_FIXED


def test_fix_dash_exit_zero(tmp_path: Path) -> None:
    result = run("fix", "--exit-zero", "-", cwd=tmp_path, stdin=THREE.encode())
    assert result.rc == 0
    assert b"Prices rose. The index fell." in result.stdout


def test_fix_dash_unsafe_fixes(tmp_path: Path) -> None:
    result = run("fix", "--unsafe-fixes", "-", cwd=tmp_path, stdin=UNSAFE_ONLY.encode())
    assert result.stdout == UNSAFE_ONLY.replace("sumary: x", "summary: x").encode()


def test_dash_with_other_paths_is_a_usage_error(tmp_path: Path) -> None:
    write(tmp_path, "a.md", CLEAN)
    for command in ("check", "fix"):
        result = run(command, "-", "a.md", cwd=tmp_path, stdin=CLEAN.encode())
        assert result.rc == 2, command
        assert result.stdout == b""


def test_watch_dash_is_a_usage_error(tmp_path: Path) -> None:
    assert run("watch", "-", cwd=tmp_path, stdin=CLEAN.encode()).rc == 2


def test_empty_standard_input_is_an_empty_file(tmp_path: Path) -> None:
    write(tmp_path, "empty.md", "")
    piped = run(
        "check",
        "--output-format",
        "json",
        "--stdin-filename",
        "empty.md",
        "-",
        cwd=tmp_path,
        stdin=b"",
    )
    on_disk = check(tmp_path, "empty.md")
    assert (piped.rc, piped.json()) == (on_disk.rc, on_disk.json())


def test_stdin_invalid_utf8_is_en005(tmp_path: Path) -> None:
    raw = article(body="Caf\x00 ouvert.\n").encode().replace(b"\x00", b"\xe9")
    result = run("check", "--output-format", "json", "-", cwd=tmp_path, stdin=raw)
    assert result.found() == [("EN005", 7, 4)]


# ---------------------------------------------------------------------------------------------
# --statistics


def test_statistics_counts_per_rule(tmp_path: Path) -> None:
    write(tmp_path, "a.md", THREE)
    write(
        tmp_path,
        "b.md",
        THREE.replace("Budget passes", "Budget fails").replace("fell.   ", "fell."),
    )
    result = run("check", "--statistics", "--no-cache", "a.md", "b.md", cwd=tmp_path)
    assert result.rc == 1
    rows = [line.split() for line in result.out.splitlines()]
    # Most frequent first (as ruff), then by code: count, code, name, severity, fixable count.
    assert rows[:3] == [
        ["2", "LK001", "source-link-missing", "error"],
        ["2", "TX004", "sentence-spacing", "warning", "2", "fixable"],
        ["1", "BD002", "trailing-whitespace", "info", "1", "fixable"],
    ]
    assert "5" in result.out.splitlines()[-1]
    assert "3 fixable" in result.out.splitlines()[-1]


def test_statistics_json(tmp_path: Path) -> None:
    write(tmp_path, "a.md", THREE)
    result = run(
        "check", "--statistics", "--output-format", "json", "--no-cache", "a.md", cwd=tmp_path
    )
    data = result.json()
    assert isinstance(data, list)
    assert {d["code"]: (d["count"], d["fixable"]) for d in data} == {
        "TX004": (1, 1),
        "BD002": (1, 1),
        "LK001": (1, 0),
    }
    assert result.rc == 1


@pytest.mark.parametrize("fmt", ["sarif", "junit"])
def test_statistics_has_no_sarif_or_junit_form(tmp_path: Path, fmt: str) -> None:
    write(tmp_path, "a.md", THREE)
    result = run("check", "--statistics", "--output-format", fmt, "a.md", cwd=tmp_path)
    assert result.rc == 2
    assert result.out == ""
    assert "--statistics" in result.err


def test_fix_statistics_counts_what_remains(tmp_path: Path) -> None:
    write(tmp_path, "a.md", THREE)
    result = run(
        "fix", "--statistics", "--output-format", "json", "--no-cache", "a.md", cwd=tmp_path
    )
    data = result.json()
    assert isinstance(data, list)
    assert [(d["code"], d["count"]) for d in data] == [("LK001", 1)]
    assert result.rc == 1


# ---------------------------------------------------------------------------------------------
# newslint init and newslint config


def test_init_writes_a_commented_newslint_toml_that_config_reads(tmp_path: Path) -> None:
    result = run("init", cwd=tmp_path)
    assert result.rc == 0
    text = (tmp_path / "newslint.toml").read_text(encoding="utf-8")
    assert text.startswith("#")
    shown = run("config", "--output-format", "json", cwd=tmp_path)
    assert shown.rc == 0
    assert shown.json()["path"] == "newslint.toml"  # type: ignore[index]


def test_init_never_overwrites(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'ignore = ["TX004"]\n')
    result = run("init", cwd=tmp_path)
    assert result.rc == 2
    assert (tmp_path / "newslint.toml").read_text(encoding="utf-8") == 'ignore = ["TX004"]\n'


def test_init_dot_newslint_toml(tmp_path: Path) -> None:
    assert run("init", ".newslint.toml", cwd=tmp_path).rc == 0
    assert (tmp_path / ".newslint.toml").is_file()
    assert not (tmp_path / "newslint.toml").exists()


def test_init_pyproject_adds_a_section_and_keeps_the_rest(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[project]\nname = "site"\n')
    assert run("init", "pyproject.toml", cwd=tmp_path).rc == 0
    text = (tmp_path / "pyproject.toml").read_text(encoding="utf-8")
    assert text.startswith('[project]\nname = "site"\n')
    assert "[tool.newslint]" in text
    import tomllib

    assert tomllib.loads(text)["project"] == {"name": "site"}
    assert run("config", cwd=tmp_path).rc == 0


def test_init_pyproject_never_adds_a_second_section(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.newslint]\nignore = ["TX004"]\n')
    assert run("init", "pyproject.toml", cwd=tmp_path).rc == 2
    assert (tmp_path / "pyproject.toml").read_text(
        encoding="utf-8"
    ) == '[tool.newslint]\nignore = ["TX004"]\n'


def test_init_never_writes_a_second_configuration_beside_one(tmp_path: Path) -> None:
    write(tmp_path, ".newslint.toml", "")
    assert run("init", cwd=tmp_path).rc == 2
    assert not (tmp_path / "newslint.toml").exists()
    assert run("init", "pyproject.toml", cwd=tmp_path).rc == 2
    assert not (tmp_path / "pyproject.toml").exists()


def test_init_refuses_another_file_name(tmp_path: Path) -> None:
    assert run("init", "newslint.yaml", cwd=tmp_path).rc == 2
    assert not (tmp_path / "newslint.yaml").exists()


def test_the_starter_configuration_changes_nothing(tmp_path: Path) -> None:
    write(tmp_path, "a.md", THREE)
    before = check(tmp_path, "a.md")
    run("init", cwd=tmp_path)
    after = check(tmp_path, "a.md")
    assert (after.rc, after.json()) == (before.rc, before.json())


def test_config_json_has_path_config_and_enabled(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'select = ["TX", "LK001"]\nignore = ["TX006"]\n')
    data = run("config", "--output-format", "json", cwd=tmp_path).json()
    assert isinstance(data, dict)
    assert set(data) == {"path", "config", "enabled"}
    assert data["path"] == "newslint.toml"
    assert data["config"]["select"] == ["TX", "LK001"]
    assert data["config"]["ignore"] == ["TX006"]
    # Every TX rule but TX006: the catalogue's, and any a later release adds to the group.
    listed = run("rules", "--output-format", "json", cwd=tmp_path).json()
    assert isinstance(listed, list)
    text_rules = [r["code"] for r in listed if r["code"].startswith("TX") and r["code"] != "TX006"]
    assert {"TX001", "TX002", "TX003", "TX004", "TX005", "TX007", "TX008"} <= set(text_rules)
    assert data["enabled"] == sorted(["LK001", *text_rules])


def test_config_json_path_is_null_without_a_file(tmp_path: Path) -> None:
    data = run("config", "--output-format", "json", cwd=tmp_path).json()
    assert data["path"] is None  # type: ignore[index]
    assert data["config"]["fail-on"] == "error"  # type: ignore[index]


def test_config_isolated_reads_no_file(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'fail-on = "info"\n')
    data = run("config", "--isolated", "--output-format", "json", cwd=tmp_path).json()
    assert data["path"] is None  # type: ignore[index]
    assert data["config"]["fail-on"] == "error"  # type: ignore[index]


def test_config_key_value_shows_in_config(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", 'fail-on = "info"\n')
    data = run(
        "config", "--config", 'fail-on = "warning"', "--output-format", "json", cwd=tmp_path
    ).json()
    assert data["config"]["fail-on"] == "warning"  # type: ignore[index]


def test_config_shows_the_pyproject_path_found_upward(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.newslint]\nfail-on = "info"\n')
    (tmp_path / "sub").mkdir()
    data = run("config", "--output-format", "json", cwd=tmp_path / "sub").json()
    assert data["config"]["fail-on"] == "info"  # type: ignore[index]
    assert data["path"] in ("../pyproject.toml", str(tmp_path / "pyproject.toml"))  # type: ignore[index]


def test_config_toml_output_is_valid_toml_that_reads_back(tmp_path: Path) -> None:
    import tomllib

    write(
        tmp_path,
        "newslint.toml",
        'ignore = ["TX006"]\nfail-on = "warning"\n[per-file-ignores]\n"old/**" = ["DT003"]\n',
    )
    shown = run("config", cwd=tmp_path)
    assert shown.rc == 0
    data = tomllib.loads(shown.out)
    assert data["ignore"] == ["TX006"]
    assert data["fail-on"] == "warning"
    assert data["per-file-ignores"] == {"old/**": ["DT003"]}
    # What it prints is a configuration newslint accepts.
    write(tmp_path / "copy", "newslint.toml", shown.out)
    assert run("config", cwd=tmp_path / "copy").rc == 0


def test_config_shows_rule_options_set_in_the_file(tmp_path: Path) -> None:
    write(tmp_path, "newslint.toml", "[rules.summary-length]\nmax = 200\n")
    data = run("config", "--output-format", "json", cwd=tmp_path).json()
    assert data["config"]["rules"]["summary-length"]["max"] == 200  # type: ignore[index]


# ---------------------------------------------------------------------------------------------
# The pre-commit hooks, run as pre-commit runs them: entry + args + the staged file names


def _hooks() -> dict[str, dict[str, object]]:
    data = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: hook for hook in data}


def run_hook(
    hook_id: str,
    files: list[str],
    cwd: Path,
    args: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
) -> Result:
    """pre-commit's `language: python` hook: `shlex.split(entry) + args + files`, PRE_COMMIT=1."""
    entry = shlex.split(str(_hooks()[hook_id]["entry"]))
    assert entry[0] == "newslint"
    environment = {"PRE_COMMIT": "1", **(env or {})}
    return run(*entry[1:], *args, *files, cwd=cwd, env=environment)


def test_the_three_documented_hooks_exist() -> None:
    hooks = _hooks()
    assert set(hooks) == {"newslint", "newslint-fix", "newslint-links"}
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert (hook["files"], hook["types"]) == (r"(?i)\.(md|markdown|mdown)$", ["file"])
        assert hook["require_serial"] is True
    assert hooks["newslint-links"]["stages"] == ["pre-push", "manual"]


def _site(tmp_path: Path) -> Path:
    """A content repository: a Hugo site with a README beside hugo.toml and an archetype."""
    write(tmp_path, "site/hugo.toml", 'title = "News"\ntimeZone = "Asia/Shanghai"\n')
    write(tmp_path, "site/README.md", "# Our site\n\nTrailing.   \n")
    write(tmp_path, "site/archetypes/default.md", "---\ntitle: x\n---\n")
    return tmp_path


def test_the_fix_hook_repairs_a_staged_file_and_modifies_it(tmp_path: Path) -> None:
    repo = _site(tmp_path)
    path = write(repo, "site/content/news/a.md", MESSY)
    result = run_hook("newslint-fix", ["site/content/news/a.md"], repo)
    assert path.read_text(encoding="utf-8") == MESSY_FIXED  # pre-commit fails the hook: modified
    assert result.rc == 0


def test_the_fix_hook_then_the_check_hook_pass_on_the_repaired_file(tmp_path: Path) -> None:
    repo = _site(tmp_path)
    write(repo, "site/content/news/a.md", MESSY)
    run_hook("newslint-fix", ["site/content/news/a.md"], repo)
    result = run_hook("newslint", ["site/content/news/a.md"], repo)
    assert (result.rc, result.out) == (0, "")


def test_the_check_hook_fails_on_an_error_and_names_the_file(tmp_path: Path) -> None:
    repo = _site(tmp_path)
    write(repo, "site/content/news/a.md", THREE)
    result = run_hook("newslint", ["site/content/news/a.md"], repo)
    assert result.rc == 1
    assert "site/content/news/a.md:9:1: LK001 [source-link-missing]" in result.out


def test_the_check_hook_passes_on_warnings_only(tmp_path: Path) -> None:
    repo = _site(tmp_path)
    write(repo, "site/content/news/a.md", article(body=GLUED + "\n"))
    result = run_hook("newslint", ["site/content/news/a.md"], repo)
    assert result.rc == 0
    assert "TX004" in result.out


def test_the_hooks_skip_markdown_of_the_site_outside_its_content(tmp_path: Path) -> None:
    repo = _site(tmp_path)
    readme = repo / "site" / "README.md"
    files = ["site/README.md", "site/archetypes/default.md"]
    assert run_hook("newslint", files, repo).rc == 0
    before = readme.read_bytes()
    assert run_hook("newslint-fix", files, repo).rc == 0
    assert readme.read_bytes() == before


def test_the_hooks_lint_markdown_that_belongs_to_no_site(tmp_path: Path) -> None:
    repo = _site(tmp_path)
    write(repo, "README.md", "# Monorepo\n")
    result = run_hook("newslint", ["README.md"], repo)
    assert result.rc == 1
    assert "README.md:1:1: FM001 [front-matter-missing]" in result.out


def test_the_hooks_honour_the_configurations_exclude(tmp_path: Path) -> None:
    repo = _site(tmp_path)
    write(repo, "site/newslint.toml", 'exclude = ["content/drafts/**"]\n')
    path = write(repo, "site/content/drafts/a.md", MESSY.replace("Source", "Src"))
    assert run_hook("newslint", ["site/content/drafts/a.md"], repo).rc == 0
    run_hook("newslint-fix", ["site/content/drafts/a.md"], repo)
    assert path.read_text(encoding="utf-8") == MESSY.replace("Source", "Src")


def test_a_batch_may_mix_sites_and_each_file_gets_its_sites_time_zone(tmp_path: Path) -> None:
    write(tmp_path, "one/hugo.toml", 'timeZone = "Asia/Shanghai"\n')
    write(tmp_path, "two/hugo.toml", 'timeZone = "Europe/Berlin"\n')
    a = write(tmp_path, "one/content/a.md", article(date="2025-07-08 09:55:35"))
    b = write(
        tmp_path,
        "two/content/b.md",
        article(date="2025-07-08 09:55:35", title='"Other"', source="[S](https://example.com/b)\n"),
    )
    result = run_hook("newslint-fix", ["one/content/a.md", "two/content/b.md"], tmp_path)
    assert result.rc == 0
    assert a.read_text(encoding="utf-8") == article(date="2025-07-08T09:55:35+08:00")
    assert b.read_text(encoding="utf-8") == article(
        date="2025-07-08T09:55:35+02:00", title='"Other"', source="[S](https://example.com/b)\n"
    )


def test_the_check_hook_runs_from_any_folder(tmp_path: Path) -> None:
    repo = _site(tmp_path)
    write(repo, "site/content/news/a.md", THREE)
    (repo / "elsewhere").mkdir()
    result = run_hook("newslint", ["../site/content/news/a.md"], repo / "elsewhere")
    assert result.rc == 1
    assert ":9:1: LK001" in result.out


def test_the_check_hook_with_project_compares_with_the_whole_site(tmp_path: Path) -> None:
    repo = _site(tmp_path)
    write(repo, "site/content/news/old.md", article(date="2025-01-01T09:00:00+08:00"))
    write(repo, "site/content/news/new.md", article(title='"Another title"'))
    alone = run_hook("newslint", ["site/content/news/new.md"], repo)
    assert "XF001" not in alone.out
    project = run_hook("newslint", ["site/content/news/new.md"], repo, args=["--project"])
    assert (
        "site/content/news/new.md:9:" in project.out and "XF001 [duplicate-source]" in project.out
    )


def test_the_links_hook_selects_only_the_link_checks(tmp_path: Path) -> None:
    # No article here has an http(s) link but the source, which --offline never fetches: the
    # hook's own selection leaves every other problem (LK001, TX004, BD002) out.
    repo = _site(tmp_path)
    write(repo, "site/content/news/a.md", THREE)
    result = run_hook("newslint-links", ["site/content/news/a.md"], repo, args=["--offline"])
    assert (result.rc, result.out) == (0, "")


def test_the_links_hook_takes_an_ignore_argument(tmp_path: Path) -> None:
    repo = _site(tmp_path)
    write(repo, "site/content/news/a.md", THREE)
    result = run_hook(
        "newslint-links", ["site/content/news/a.md"], repo, args=["--offline", "--ignore", "LK007"]
    )
    assert result.rc == 0


def test_a_file_named_like_an_option_is_refused(tmp_path: Path) -> None:
    repo = _site(tmp_path)
    write(repo, "--output=x.md", CLEAN)
    result = run_hook("newslint", ["--output=x.md"], repo)
    assert result.rc == 2
    assert not (repo / "x.md").exists()
    assert run_hook("newslint", ["./--output=x.md"], repo).rc == 0


def test_pre_commit_draws_no_progress_on_stderr(tmp_path: Path) -> None:
    repo = _site(tmp_path)
    for n in range(3):
        write(
            repo,
            f"site/content/news/a{n}.md",
            article(title=f'"Title {n}"', source=f"[S](https://e.com/{n})\n"),
        )
    result = run_hook("newslint", [f"site/content/news/a{n}.md" for n in range(3)], repo)
    assert (result.rc, result.out, result.err) == (0, "", "")


# ---------------------------------------------------------------------------------------------
# Rule documentation


def _rule_codes() -> list[str]:
    listed = run("rules", "--output-format", "json", cwd=ROOT).json()
    assert isinstance(listed, list)
    return [row["code"] for row in listed]


def test_no_rule_documentation_holds_a_merge_conflict_marker() -> None:
    for code in _rule_codes():
        doc = run("rule", code, cwd=ROOT)
        assert doc.rc == 0, code
        for line in doc.out.splitlines():
            assert not line.startswith(("<<<<<<< ", "=======", ">>>>>>> ")), (code, line)


# ---------------------------------------------------------------------------------------------
# A walked folder holding a configuration of its own


def _nested(tmp_path: Path) -> Path:
    write(tmp_path, "newslint.toml", 'ignore = ["LK001"]\n')
    write(tmp_path, "sub/newslint.toml", 'ignore = ["TX004"]\n')
    write(tmp_path, "sub/a.md", THREE)
    write(tmp_path, "b.md", THREE.replace("Budget passes", "Budget fails"))
    return tmp_path


def test_a_walk_over_a_nested_configuration_uses_the_cwds_and_warns(tmp_path: Path) -> None:
    # README: "files under different configurations get the working directory's, with a
    # warning" holds for the files a walk finds, not only for files named one by one.
    _nested(tmp_path)
    result = check(tmp_path, ".")
    assert [(d["path"], d["code"]) for d in result.json()] == [  # type: ignore[union-attr]
        ("b.md", "TX004"),
        ("b.md", "BD002"),
        ("sub/a.md", "TX004"),
        ("sub/a.md", "BD002"),
    ]
    assert result.err == (
        "newslint: warning: the files are configured by different files (newslint.toml, "
        "sub/newslint.toml); using newslint.toml for all (lint each project on its own)\n"
    )


def test_a_walk_of_the_nested_folder_alone_uses_its_configuration(tmp_path: Path) -> None:
    _nested(tmp_path)
    result = check(tmp_path, "sub")
    assert (result.codes(), result.err) == (["BD002", "LK001"], "")


def test_a_walk_without_nested_configuration_does_not_warn(tmp_path: Path) -> None:
    _nested(tmp_path)
    (tmp_path / "sub" / "newslint.toml").unlink()
    assert check(tmp_path, ".").err == ""


@pytest.mark.parametrize("flags", [["--isolated"], ["--config", "newslint.toml"]])
def test_no_nested_warning_when_no_configuration_is_discovered(
    tmp_path: Path, flags: list[str]
) -> None:
    _nested(tmp_path)
    assert check(tmp_path, *flags, ".").err == ""


def test_fix_over_a_nested_configuration_warns_too(tmp_path: Path) -> None:
    _nested(tmp_path)
    result = run("fix", "--no-cache", ".", cwd=tmp_path)
    assert "sub/newslint.toml" in result.err
    assert (tmp_path / "sub" / "a.md").read_text(encoding="utf-8") == THREE.replace(
        GLUED + "   ", "Prices rose. The index fell."
    )


# ---------------------------------------------------------------------------------------------
# Unescaping into a value that must change its quoting to stay the same value


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("A &#58; B", '"A : B"'),  # `: ` would start a mapping in a plain scalar
        ("Budget &#35;1 passes", '"Budget #1 passes"'),  # ` #` would start a comment
        ("Budget &amp;amp; more", "Budget & more"),  # two passes, stays plain
        ("Trump&#39;s plan", "Trump's plan"),
    ],
)
def test_a_plain_yaml_title_is_quoted_when_its_text_needs_it(
    tmp_path: Path, before: str, after: str
) -> None:
    path = write(tmp_path, "a.md", article(title=before))
    assert run("fix", "--no-cache", "a.md", cwd=tmp_path).rc == 0
    assert path.read_text(encoding="utf-8") == article(title=after)
    assert check(tmp_path, "a.md").json() == []


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("'Trump&#39;s plan'", '"Trump\'s plan"'),  # a literal string cannot hold `'`
        ("'''Trump&#39;s plan'''", "'''Trump's plan'''"),
        ('"""A &amp; B"""', '"""A & B"""'),
        ('"Say &quot;hi&quot;"', '"Say \\"hi\\""'),
        ("'Say &quot;hi&quot;'", "'Say \"hi\"'"),
    ],
)
def test_an_entity_in_a_toml_string_keeps_the_value_valid(
    tmp_path: Path, before: str, after: str
) -> None:
    def toml(title: str) -> str:
        return (
            f"+++\ntitle = {title}\ndate = 2025-02-08T09:55:35+08:00\n"
            f'summary = "{SUMMARY}"\n+++\n\n' + BODY + "\n" + SOURCE
        )

    path = write(tmp_path, "a.md", toml(before))
    assert run("fix", "--no-cache", "a.md", cwd=tmp_path).rc == 0
    assert path.read_text(encoding="utf-8") == toml(after)
    assert check(tmp_path, "a.md").json() == []


def test_a_json_front_matter_with_crlf_keeps_crlf_when_a_member_is_deleted(tmp_path: Path) -> None:
    members = [*JSON_BASE, '"menu": ""']
    path = write(tmp_path, "a.md", crlf(_json_article(members)))
    run("fix", "--ignore", "EN007", "--no-cache", "a.md", cwd=tmp_path)
    assert path.read_bytes() == crlf(_json_article(JSON_BASE))


def test_a_lone_cr_file_is_fixed_to_lf(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", CLEAN.replace("\n", "\r").encode())
    assert check(tmp_path, "a.md").found() == [("EN007", 1, 4)]
    run("fix", "--no-cache", "a.md", cwd=tmp_path)
    assert path.read_bytes() == CLEAN.encode()


def test_the_diff_of_a_file_without_a_final_newline(tmp_path: Path) -> None:
    text = article(body="Trailing.   \n", source=SOURCE.rstrip("\n"))
    write(tmp_path, "a.md", text)
    result = run("fix", "--diff", "--no-cache", "a.md", cwd=tmp_path)
    assert result.rc == 1
    assert _apply_unified_diff(text, result.out) == article(
        body="Trailing.\n", source=SOURCE.rstrip("\n")
    )


def test_fix_select_unused_suppression_keeps_suppressions_of_rules_left_off(tmp_path: Path) -> None:
    body = f"<!-- newslint-disable-next-line TX004 -->\n{GLUED}\n"
    text = article(body=body)
    path = write(tmp_path, "a.md", text)
    run("fix", "--select", "NL001", "--no-cache", "a.md", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == text


def test_a_config_files_patterns_are_relative_to_its_own_folder(tmp_path: Path) -> None:
    write(tmp_path, "conf/newslint.toml", '[per-file-ignores]\n"content/**" = ["BD002"]\n')
    write(tmp_path, "content/a.md", THREE)
    write(tmp_path, "conf/content/a.md", THREE)
    assert "BD002" in check(tmp_path, "--config", "conf/newslint.toml", "content/a.md").codes()
    assert (
        "BD002"
        not in check(tmp_path, "--config", "conf/newslint.toml", "conf/content/a.md").codes()
    )


@pytest.mark.parametrize("flag", ["--ignore", "--extend-select"])
def test_an_unknown_selector_in_ignore_or_extend_select_is_a_usage_error(
    tmp_path: Path, flag: str
) -> None:
    write(tmp_path, "a.md", THREE)
    result = run("check", flag, "XX999", "a.md", cwd=tmp_path)
    assert result.rc == 2
    assert result.err == f"newslint: error: {flag}: unknown rule or prefix 'XX999'\n"


def test_rule_takes_a_name_or_a_code_and_refuses_an_unknown_one(tmp_path: Path) -> None:
    by_code = run("rule", "TX004", cwd=tmp_path)
    by_name = run("rule", "sentence-spacing", cwd=tmp_path)
    assert (by_code.rc, by_name.rc) == (0, 0)
    assert by_code.out == by_name.out
    assert by_code.out.startswith("# sentence-spacing (TX004)\n")
    unknown = run("rule", "XX999", cwd=tmp_path)
    assert unknown.rc == 2
    assert unknown.err == "newslint: error: no rule 'XX999'\n"


def test_the_hooks_skip_the_readme_of_a_site_with_a_content_folder(tmp_path: Path) -> None:
    repo = _site(tmp_path)
    (repo / "site" / "content").mkdir()
    result = run_hook("newslint", ["site/README.md", "site/archetypes/default.md"], repo)
    assert (result.rc, result.out) == (0, "")


def test_the_hooks_skip_the_readme_of_a_site_whose_content_dir_is_configured(
    tmp_path: Path,
) -> None:
    # No `articles/` folder yet: git keeps no empty folder, so a new site's first commit has none.
    write(tmp_path, "site/hugo.toml", 'contentDir = "articles"\n')
    write(tmp_path, "site/README.md", "# Our site\n")
    write(tmp_path, "site/content/a.md", "# Not content here\n")
    result = run_hook("newslint", ["site/README.md"], tmp_path)
    assert (result.rc, result.out) == (0, "")
    linted = run_hook("newslint", ["site/content/a.md"], tmp_path)
    assert (linted.rc, linted.out) == (0, "")


# ---------------------------------------------------------------------------------------------
# unused-suppression as a rule like the others


UNUSED = article(body="<!-- newslint-disable-next-line TX004 -->\nPrices rose. The index fell.\n")


def test_a_suppression_comment_inside_a_code_block_is_text(tmp_path: Path) -> None:
    body = "```\n<!-- newslint-disable-next-line BD002 -->\ncode   \n```\n\n" + BODY
    write(tmp_path, "a.md", article(body=body))
    assert check(tmp_path, "a.md").found() == []


def test_unused_suppression_obeys_per_file_ignores(tmp_path: Path) -> None:
    write(tmp_path, "a.md", UNUSED)
    assert check(tmp_path, "a.md").found() == [("NL001", 7, 1)]
    pfi = 'per-file-ignores = {"*.md" = ["NL001"]}'
    assert check(tmp_path, "--config", pfi, "a.md").found() == []


def test_unused_suppression_takes_a_severity_override(tmp_path: Path) -> None:
    write(tmp_path, "a.md", UNUSED)
    result = check(tmp_path, "--config", 'rules.unused-suppression.severity = "error"', "a.md")
    assert result.rc == 1
    assert [d["severity"] for d in result.json()] == ["error"]  # type: ignore[union-attr]


def test_output_writes_the_report_to_a_file(tmp_path: Path) -> None:
    write(tmp_path, "a.md", UNUSED)
    result = run(
        "check",
        "--no-cache",
        "--output-format",
        "concise",
        "-o",
        "report.txt",
        "a.md",
        cwd=tmp_path,
    )
    assert (result.rc, result.out) == (0, "")
    assert (tmp_path / "report.txt").read_text(encoding="utf-8") == (
        "a.md:7:1: NL001 [unused-suppression] [*] unused suppression (nothing reported for TX004)\n"
    )


def test_quiet_prints_only_the_summary(tmp_path: Path) -> None:
    write(tmp_path, "a.md", UNUSED)
    result = run("check", "--no-cache", "-q", "a.md", cwd=tmp_path)
    assert result.rc == 0
    assert "a.md:7:1" not in result.out + result.err
    assert "1 problem" in result.out + result.err
