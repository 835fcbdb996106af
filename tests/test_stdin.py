"""`newslint check -` / `fix -` and `--stdin-filename`: one article from standard input (editors).

Most tests run the command in-process (`newslint.cli.main`) with standard input replaced; a few
pipe through a real `python -m newslint` process, as an editor does.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.stdin import read_stdin
from tests.sitegen import make_site

CLEAN = (
    '---\ntitle: "Budget"\ndate: 2025-02-08T09:55:35+08:00\n'
    'summary: "The budget passed on Tuesday after a week of talks."\n---\n\nThe budget passed.\n'
)
NO_SUMMARY = (
    '---\ntitle: "Budget"\ndate: 2025-02-08T09:55:35+08:00\n---\n\n'
    "The budget passed on Tuesday after a week of talks.\n"
)
# A Chinese article with a date in no zone: what the site's language and time zone change.
HAN = (
    '---\ntitle: "东京发生大火灾事件"\ndate: 2025-02-08 09:55:35\n'
    'summary: "东京周二发生大规模火灾，消防部门出动了数十辆消防车进行扑救。"\n---\n\n'
    "东京周二发生大规模火灾，消防部门出动了数十辆消防车进行扑救。\n\n"
    "[example](https://news.example.com/story/99)\n"
)


def run(
    args: list[str],
    data: bytes,
    monkeypatch: pytest.MonkeyPatch,
    capsysbinary: pytest.CaptureFixture[bytes],
) -> tuple[int, bytes, str]:
    """`newslint ARGS` with `data` on standard input: (exit code, stdout bytes, stderr text)."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code = main(args)
    out, err = capsysbinary.readouterr()
    return code, out, err.decode("utf-8")


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory with a configuration selecting only required-field (FM004)."""
    (tmp_path / "newslint.toml").write_text('select = ["FM004"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Hugo site (Asia/Shanghai; languages en and zh-CN by contentDir) as the working directory."""
    make_site(tmp_path, 2)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


Runner = pytest.MonkeyPatch
Capture = pytest.CaptureFixture[bytes]

# ---------------------------------------------------------------------------------- check -


def test_check_dash_shows_the_path_as_dash(
    here: Path, monkeypatch: Runner, capsysbinary: Capture
) -> None:
    code, out, err = run(["check", "-"], NO_SUMMARY.encode(), monkeypatch, capsysbinary)
    assert (code, out, err) == (
        1,
        b"-:1:1: FM004 [required-field] required field 'summary' is missing\n",
        "",
    )
    assert run(["check", "-"], CLEAN.encode(), monkeypatch, capsysbinary) == (0, b"", "")


def test_stdin_filename_is_the_path_shown_in_every_format(
    here: Path, monkeypatch: Runner, capsysbinary: Capture
) -> None:
    # The file need not exist (an unsaved buffer), and `-` may be given or not (ruff's way).
    for args in (
        ["--stdin-filename", "content/new.md"],
        ["--stdin-filename", "content/new.md", "-"],
    ):
        code, out, _ = run(["check", *args], NO_SUMMARY.encode(), monkeypatch, capsysbinary)
        assert (code, out) == (
            1,
            b"content/new.md:1:1: FM004 [required-field] required field 'summary' is missing\n",
        )
    code, out, _ = run(
        ["check", "--stdin-filename", "content/new.md", "--output-format", "json"],
        NO_SUMMARY.encode(),
        monkeypatch,
        capsysbinary,
    )
    [entry] = json.loads(out)
    assert (code, entry["path"], entry["code"], entry["line"], entry["column"]) == (
        1,
        "content/new.md",
        "FM004",
        1,
        1,
    )
    code, out, _ = run(
        [
            "check",
            "--stdin-filename",
            str(here / "content" / "new.md"),
            "--output-format",
            "github",
        ],
        NO_SUMMARY.encode(),
        monkeypatch,
        capsysbinary,
    )
    assert out.startswith(b"::error file=content/new.md,line=1,col=1,endLine=1,endColumn=4,")


def test_stdin_is_linted_exactly_as_the_same_file_on_disk(
    tmp_path: Path, monkeypatch: Runner, capsysbinary: Capture
) -> None:
    """Every rule, every encoding oddity: `check --stdin-filename F -` == `check F`."""
    monkeypatch.chdir(tmp_path)
    texts = {
        "crlf-bom.md": b"\xef\xbb\xbf" + NO_SUMMARY.replace("\n", "\r\n").encode(),
        "latin1.md": NO_SUMMARY.replace("Budget", "Caf\xe9 budget").encode("latin-1"),
        "empty.md": b"",
        "nul.md": b'---\ntitle: "A\x00B"\n---\n',
        "binary.png": b"\x89PNG\r\n\x1a\n\x00\x00",
    }
    for name, data in texts.items():
        (tmp_path / name).write_bytes(data)
        on_disk = main(["check", name, "--no-cache", "--output-format", "json"])
        expected = capsysbinary.readouterr().out
        code, out, _ = run(
            ["check", "--stdin-filename", name, "--output-format", "json"],
            data,
            monkeypatch,
            capsysbinary,
        )
        assert (code, out) == (on_disk, expected), name
        assert json.loads(out), name  # each of them has something to say


def test_invalid_utf8_and_empty_input(
    here: Path, monkeypatch: Runner, capsysbinary: Capture
) -> None:
    bad = CLEAN.replace("Budget", "Caf\xe9").encode("latin-1")
    code, out, _ = run(["check", "-", "--select", "EN005"], bad, monkeypatch, capsysbinary)
    assert (code, out) == (
        1,
        b"-:2:12: EN005 [invalid-utf8] bytes that are not UTF-8: E9 (as Windows-1252: '\xc3\xa9')\n",
    )
    code, out, _ = run(["check", "-", "--select", "FM001"], b"", monkeypatch, capsysbinary)
    assert (code, out) == (1, b"-:1:1: FM001 [front-matter-missing] file has no front matter\n")


def test_an_input_over_max_file_size_is_not_held_but_measured_and_given_back(
    here: Path, monkeypatch: Runner, capsysbinary: Capture
) -> None:
    (here / "newslint.toml").write_text("max-file-size = 100\n", encoding="utf-8")
    # Over two of the chunks it is read in once its first 101 bytes are known to be too many.
    data = NO_SUMMARY.encode() + b"word " * 500_000
    too_large = (
        f"-:1:1: NL003 [file-too-large] file is {len(data):,} bytes, over max-file-size (100);"
        " not linted\n"
    )
    code, out, _ = run(["check", "-"], data, monkeypatch, capsysbinary)
    assert (code, out.decode()) == (1, too_large)
    code, out, err = run(["fix", "-"], data, monkeypatch, capsysbinary)
    assert (code, out) == (1, data)
    assert err.startswith(too_large)
    code, out, err = run(["fix", "--diff", "-"], data, monkeypatch, capsysbinary)
    assert (code, out) == (0, b"")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    head, rest = read_stdin(100)
    assert (head, rest is not None) == (data[:101], True)  # the rest is left in the pipe


# ------------------------------------------------------------------------- the file it names


def test_the_site_gives_language_and_time_zone(
    site: Path, monkeypatch: Runner, capsysbinary: Capture
) -> None:
    args = ["check", "--select", "TX007,DT001", "--stdin-filename"]
    code, out, _ = run([*args, "content/en/news/x.md"], HAN.encode(), monkeypatch, capsysbinary)
    assert (code, out.decode()) == (
        0,
        "content/en/news/x.md:2:8: TX007 [language-mismatch] title is mostly in han script, not"
        " what 'en' is written in\n"
        "content/en/news/x.md:3:7: DT001 [date-format] [*] date is not RFC 3339 with an offset:"
        " Hugo reads '2025-02-08 09:55:35' in Asia/Shanghai\n"
        "content/en/news/x.md:4:10: TX007 [language-mismatch] summary is mostly in han script, not"
        " what 'en' is written in\n"
        "content/en/news/x.md:7:1: TX007 [language-mismatch] the body is mostly in han script, not"
        " what 'en' is written in\n",
    )
    # In the zh-CN content folder the same text is in its language.
    code, out, _ = run([*args, "content/zh-CN/news/x.md"], HAN.encode(), monkeypatch, capsysbinary)
    assert (code, out.decode()) == (
        0,
        "content/zh-CN/news/x.md:3:7: DT001 [date-format] [*] date is not RFC 3339 with an offset:"
        " Hugo reads '2025-02-08 09:55:35' in Asia/Shanghai\n",
    )


def test_without_a_file_name_the_working_directory_gives_site_and_configuration(
    site: Path, monkeypatch: Runner, capsysbinary: Capture
) -> None:
    (site / "newslint.toml").write_text('select = ["DT001"]\n', encoding="utf-8")
    code, out, _ = run(["check", "-"], HAN.encode(), monkeypatch, capsysbinary)
    assert (code, out.decode()) == (
        0,
        "-:3:7: DT001 [date-format] [*] date is not RFC 3339 with an offset:"
        " Hugo reads '2025-02-08 09:55:35' in Asia/Shanghai\n",
    )
    # Outside the site, the defaults: UTC.
    monkeypatch.chdir(site.parent)
    code, out, _ = run(["check", "-", "--select", "DT001"], HAN.encode(), monkeypatch, capsysbinary)
    assert (code, out.decode()) == (
        0,
        "-:3:7: DT001 [date-format] date is not RFC 3339 with an offset:"
        " Hugo reads '2025-02-08 09:55:35' in UTC (no time zone is configured)\n",
    )


def test_the_configuration_nearest_the_named_file_is_used(
    here: Path, monkeypatch: Runner, capsysbinary: Capture
) -> None:
    (here / "other").mkdir()
    (here / "other" / "newslint.toml").write_text('select = ["FM001"]\n', encoding="utf-8")
    code, out, _ = run(
        ["check", "--stdin-filename", "other/x.md"], b"no front matter\n", monkeypatch, capsysbinary
    )
    assert (code, out) == (
        1,
        b"other/x.md:1:1: FM001 [front-matter-missing] file has no front matter\n",
    )
    # Without a name, the working directory's (FM004 only).
    code, out, _ = run(["check", "-"], b"no front matter\n", monkeypatch, capsysbinary)
    assert (code, out) == (0, b"")
    code, out, _ = run(["check", "-"], NO_SUMMARY.encode(), monkeypatch, capsysbinary)
    assert (code, out) == (
        1,
        b"-:1:1: FM004 [required-field] required field 'summary' is missing\n",
    )


def test_per_file_ignores_follow_the_named_path(
    here: Path, monkeypatch: Runner, capsysbinary: Capture
) -> None:
    (here / "newslint.toml").write_text(
        'select = ["FM004"]\n[per-file-ignores]\n"content/archive/**" = ["FM004"]\n',
        encoding="utf-8",
    )
    code, out, _ = run(
        ["check", "--stdin-filename", "content/archive/old.md"],
        NO_SUMMARY.encode(),
        monkeypatch,
        capsysbinary,
    )
    assert (code, out) == (0, b"")
    code, out, _ = run(
        ["check", "--stdin-filename", "content/news/new.md"],
        NO_SUMMARY.encode(),
        monkeypatch,
        capsysbinary,
    )
    assert (code, out) == (
        1,
        b"content/news/new.md:1:1: FM004 [required-field] required field 'summary' is missing\n",
    )


def test_force_exclude_skips_an_excluded_name(
    here: Path, monkeypatch: Runner, capsysbinary: Capture
) -> None:
    (here / "newslint.toml").write_text(
        'select = ["BD002"]\nexclude = ["drafts/**"]\n', encoding="utf-8"
    )
    text = CLEAN.replace("passed.\n", "passed. \n").encode()
    name = ["--stdin-filename", "drafts/x.md"]
    # Named explicitly, a file is linted even when excluded (as in ruff) ...
    code, out, _ = run(["check", *name], text, monkeypatch, capsysbinary)
    assert (code, out) == (
        0,
        b"drafts/x.md:7:19: BD002 [trailing-whitespace] [*] trailing whitespace (1 space)\n",
    )
    # ... unless --force-exclude: nothing to say, and `fix` gives the text back unchanged.
    assert run(["check", "--force-exclude", *name], text, monkeypatch, capsysbinary) == (0, b"", "")
    assert run(["fix", "--force-exclude", *name], text, monkeypatch, capsysbinary) == (0, text, "")
    assert run(["fix", "--force-exclude", "--diff", *name], text, monkeypatch, capsysbinary) == (
        0,
        b"",
        "",
    )


def test_no_cache_is_read_or_written(
    site: Path, monkeypatch: Runner, capsysbinary: Capture
) -> None:
    cache = site / "cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(cache))
    name = "content/en/news/0000.en.md"
    run(["check", "--stdin-filename", name], (site / name).read_bytes(), monkeypatch, capsysbinary)
    run(["fix", "--stdin-filename", name], (site / name).read_bytes(), monkeypatch, capsysbinary)
    assert not cache.exists()
    main(["check", name])  # a file is cached: the same folder is the one that would be written
    assert (cache / ".gitignore").is_file()


# ------------------------------------------------------------------------------- cross-file


def test_cross_file_rules_compare_with_the_site_only_under_project(
    site: Path, monkeypatch: Runner, capsysbinary: Capture
) -> None:
    # The site's 0001.en.md cites https://news.example.com/story/1 under the title below.
    text = (site / "content/en/news/0001.en.md").read_bytes().replace(b"happened", b"occurred")
    args = ["check", "--select", "XF001,XF002", "--stdin-filename", "content/en/news/new.md"]
    assert run(args, text, monkeypatch, capsysbinary) == (0, b"", "")
    code, out, _ = run([*args, "--project"], text, monkeypatch, capsysbinary)
    assert (code, out.decode()) == (
        0,
        "content/en/news/new.md:2:8: XF002 [duplicate-title] title 'Story number 1' is also used"
        " by content/en/news/0001.en.md\n"
        "content/en/news/new.md:9:11: XF001 [duplicate-source] source"
        " https://news.example.com/story/1 is also cited by content/en/news/0001.en.md\n",
    )
    # The text takes the place of the file it names: no duplicate of its own older version.
    same = ["check", "--select", "XF001,XF002", "--project", "--stdin-filename"]
    assert run([*same, "content/en/news/0001.en.md"], text, monkeypatch, capsysbinary) == (
        0,
        b"",
        "",
    )


# ------------------------------------------------------------------------------------ fix -


def test_fix_prints_the_fixed_text_byte_exact(
    here: Path, monkeypatch: Runner, capsysbinary: Capture
) -> None:
    """CRLF, a BOM and a byte that is not UTF-8 stay; only the trailing spaces go."""
    original = (
        b'\xef\xbb\xbf---\r\ntitle: "Caf\xe9"\r\n---\r\n\r\nThe budget passed. \r\nMore.\t\r\n'
    )
    code, out, err = run(["fix", "-", "--select", "BD002"], original, monkeypatch, capsysbinary)
    assert (
        out == b'\xef\xbb\xbf---\r\ntitle: "Caf\xe9"\r\n---\r\n\r\nThe budget passed.\r\nMore.\r\n'
    )
    assert (code, err) == (0, "Applied 2 fixes in 1 of 1 file; no problems remain.\n")


def test_fix_gives_what_fix_writes_to_the_file(
    tmp_path: Path, monkeypatch: Runner, capsysbinary: Capture
) -> None:
    monkeypatch.chdir(tmp_path)
    original = b"\xef\xbb\xbf" + NO_SUMMARY.replace("\n", "\r\n").replace(
        "passed.", "passed.   \xa0"
    ).encode("utf-8")
    for flags in ([], ["--unsafe-fixes"]):
        (tmp_path / "a.md").write_bytes(original)
        file_code = main(["fix", "a.md", "--no-cache", *flags])
        capsysbinary.readouterr()
        code, out, _ = run(
            ["fix", "--stdin-filename", "a.md", *flags], original, monkeypatch, capsysbinary
        )
        assert (code, out) == (file_code, (tmp_path / "a.md").read_bytes())
        assert out != original


def test_fix_reports_what_remains_on_stderr(
    here: Path, monkeypatch: Runner, capsysbinary: Capture
) -> None:
    code, out, err = run(["fix", "-"], NO_SUMMARY.encode(), monkeypatch, capsysbinary)
    assert (code, out) == (1, NO_SUMMARY.encode())  # nothing fixable: the input unchanged
    assert err == (
        "-:1:1: FM004 [required-field] required field 'summary' is missing\n"
        "Applied 0 fixes in 0 of 1 file; 1 problem remains (1 error), 1 fixable with"
        " `--unsafe-fixes`.\n"
    )
    code, out, err = run(
        ["fix", "-", "--output-format", "json"], NO_SUMMARY.encode(), monkeypatch, capsysbinary
    )
    assert out == NO_SUMMARY.encode()
    assert [d["code"] for d in json.loads(err.split("\nApplied")[0])] == ["FM004"]


def test_fix_exit_codes(here: Path, monkeypatch: Runner, capsysbinary: Capture) -> None:
    spaced = CLEAN.replace("passed.\n", "passed. \n").encode()
    args = ["fix", "-", "--select", "BD002"]
    assert run(args, spaced, monkeypatch, capsysbinary)[:2] == (0, CLEAN.encode())
    assert run([*args, "--exit-non-zero-on-fix"], spaced, monkeypatch, capsysbinary)[:2] == (
        1,
        CLEAN.encode(),
    )
    assert run([*args, "--exit-non-zero-on-fix"], CLEAN.encode(), monkeypatch, capsysbinary)[
        :2
    ] == (
        0,
        CLEAN.encode(),
    )


def test_the_readme_formatter_command_keeps_the_fix_when_problems_remain(
    here: Path, monkeypatch: Runner, capsysbinary: Capture
) -> None:
    # README "Editors": efm keeps a formatter's output only on exit 0.
    args = ["fix", "--exit-zero", "--stdin-filename", "x.md", "-", "--select", "BD002,FM004"]
    spaced = NO_SUMMARY.replace("passed.\n", "passed. \n").encode()
    code, out, err = run(args, spaced, monkeypatch, capsysbinary)
    assert (code, out) == (0, NO_SUMMARY.encode())
    assert err.startswith("x.md:1:1: FM004 [required-field] required field 'summary' is missing\n")


def test_fix_diff_prints_the_diff_and_no_text(
    here: Path, monkeypatch: Runner, capsysbinary: Capture
) -> None:
    spaced = CLEAN.replace("passed.\n", "passed. \n").encode()
    code, out, err = run(
        ["fix", "--diff", "--select", "BD002", "--stdin-filename", "news/a.md"],
        spaced,
        monkeypatch,
        capsysbinary,
    )
    assert out.decode() == (
        "--- a/news/a.md\n+++ b/news/a.md\n@@ -4,4 +4,4 @@\n"
        ' summary: "The budget passed on Tuesday after a week of talks."\n'
        " ---\n \n-The budget passed. \n+The budget passed.\n"
    )
    assert (code, err) == (1, "Would apply 1 fix in 1 of 1 file.\n")
    assert run(
        ["fix", "--diff", "-", "--select", "BD002"], CLEAN.encode(), monkeypatch, capsysbinary
    ) == (
        0,
        b"",
        "Would apply 0 fixes in 0 of 1 file.\n",
    )


def test_fix_in_a_site_uses_its_time_zone(
    site: Path, monkeypatch: Runner, capsysbinary: Capture
) -> None:
    code, out, _ = run(
        ["fix", "--select", "DT001", "--stdin-filename", "content/zh-CN/news/x.md"],
        HAN.encode(),
        monkeypatch,
        capsysbinary,
    )
    assert (code, out) == (
        0,
        HAN.replace("2025-02-08 09:55:35", "2025-02-08T09:55:35+08:00").encode(),
    )


# ---------------------------------------------------------------------------------- usage


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["check", "-", "a.md"],
            "standard input cannot be linted together with other paths (-, a.md)",
        ),
        (
            ["fix", "a.md", "-"],
            "standard input cannot be linted together with other paths (a.md, -)",
        ),
        (
            ["check", "--stdin-filename", "x.md", "a.md"],
            "standard input cannot be linted together with other paths (a.md)",
        ),
        (["check", "-", "-"], "standard input cannot be linted together with other paths (-, -)"),
        (["watch", "-"], "watch cannot read standard input (-); use `check -` or `fix -`"),
        (
            ["check", "--stdin-filename", "", "-"],
            "--stdin-filename: expected a file name, got an empty one",
        ),
        (["check", "--stdin-filename", "."], "--stdin-filename .: is a directory, not a file"),
        (
            ["check", "-", "--changed-since", "HEAD"],
            "--changed-since cannot go with standard input",
        ),
        (
            ["check", "-", "--write-baseline", "b.json"],
            "--write-baseline cannot go with standard input (it records whole runs)",
        ),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    args: list[str], message: str, here: Path, monkeypatch: Runner, capsysbinary: Capture
) -> None:
    (here / "a.md").write_text(CLEAN, encoding="utf-8")
    assert run(args, CLEAN.encode(), monkeypatch, capsysbinary) == (
        2,
        b"",
        f"newslint: error: {message}\n",
    )


def test_help_mentions_standard_input(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("check", "fix"):
        assert main([command, "--help"]) == 0
        out = " ".join(capsys.readouterr().out.split())
        assert "--stdin-filename PATH" in out
        assert "PATH - reads one article from standard input" in out


# ------------------------------------------------------------------- a real pipe, as editors do


def newslint(args: list[str], data: bytes, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "newslint", *args], input=data, cwd=cwd, capture_output=True, env=env
    )


def test_through_a_pipe(here: Path) -> None:
    original = b'---\r\ntitle: "Caf\xe9"\r\n---\r\n\r\nText.  \t\r\n'
    done = newslint(
        ["fix", "--select", "BD002,EN005", "--stdin-filename", "news/x.md"], original, here
    )
    assert (done.returncode, done.stdout) == (1, b'---\r\ntitle: "Caf\xe9"\r\n---\r\n\r\nText.\r\n')
    assert done.stderr.decode() == (
        "news/x.md:2:12: EN005 [invalid-utf8] bytes that are not UTF-8: E9 (as Windows-1252: 'é')\n"
        "Applied 1 fix in 1 of 1 file; 1 problem remains (1 error), 1 fixable with"
        " `--unsafe-fixes`.\n"
    )
    done = newslint(["check", "-"], NO_SUMMARY.encode(), here)
    assert (done.returncode, done.stdout, done.stderr) == (
        1,
        b"-:1:1: FM004 [required-field] required field 'summary' is missing\n",
        b"",
    )


@pytest.mark.parametrize("encoding", ["utf-8", "ascii"])
def test_fix_diff_names_a_file_whose_name_is_not_utf8(here: Path, encoding: str) -> None:
    # Linux names are bytes: `caf\xe9.md` is Latin-1. The diff's headers name the very file
    # (`patch` opens it), as for a file read from disk; before, they showed U+FFFD, and with an
    # ASCII standard output the run ended in "internal error: UnicodeEncodeError".
    spaced = CLEAN.replace("passed.\n", "passed. \n").encode()
    env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": encoding}
    env.pop("GITHUB_ACTIONS", None)
    args = [b"fix", b"--diff", b"--select", b"BD002", b"--stdin-filename", b"news/caf\xe9.md", b"-"]
    done = subprocess.run(
        [sys.executable, "-m", "newslint", *args],
        input=spaced,
        cwd=here,
        capture_output=True,
        env=env,
    )
    assert (done.returncode, done.stderr) == (1, b"Would apply 1 fix in 1 of 1 file.\n")
    assert done.stdout == (
        b"--- a/news/caf\xe9.md\n+++ b/news/caf\xe9.md\n@@ -4,4 +4,4 @@\n"
        b' summary: "The budget passed on Tuesday after a week of talks."\n'
        b" ---\n \n-The budget passed. \n+The budget passed.\n"
    )
