"""Hostile input: each gets a clear diagnostic or message and a clean exit code, never a traceback."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newslint.cli import main
from newslint.config import Config
from newslint.engine import build_ruleset, lint_path
from newslint.reporters import FORMATS


def check(
    path: Path | str, capsys: pytest.CaptureFixture[str], *extra: str
) -> tuple[int, list[dict[str, object]], str]:
    code = main(["check", str(path), "--output-format", "json", "--isolated", "--no-cache", *extra])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, json.loads(out.out) if out.out.strip() else [], out.err


def rules_of(diagnostics: list[dict[str, object]]) -> list[tuple[object, object, object]]:
    return [(d["code"], d["line"], d["column"]) for d in diagnostics]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


CASES: list[tuple[str, bytes, tuple[str, int, int]]] = [
    ("empty", b"", ("FM001", 1, 1)),
    ("only-dashes", b"---", ("FM002", 1, 1)),
    ("never-closed", b"---\ntitle: x\n\nBody text\n", ("FM002", 1, 1)),
    ("nul-in-yaml", b'---\ntitle: "a\x00b"\n---\n', ("FM002", 2, 10)),
    ("python-tag", b'---\nx: !!python/object/apply:os.system ["true"]\n---\n', ("FM002", 2, 4)),
    ("deep-flow", b"---\na: " + b"[" * 10000 + b"]" * 10000 + b"\n---\n", ("FM002", 2, 1003)),
    ("deep-json", b'{"a": ' + b"[" * 10000 + b"]" * 10000 + b"}\n", ("FM002", 1, 1)),
    ("deep-toml", b"+++\na = " + b"[" * 10000 + b"]" * 10000 + b"\n+++\n", ("FM002", 2, 1)),
    ("toml-error", b'+++\ntitle = "x\n+++\n', ("FM002", 2, 11)),
    ("json-error", b'{"title": x}\n', ("FM002", 1, 11)),
    # An explicit tag the value does not fit: PyYAML raises KeyError/ValueError, Hugo refuses it.
    ("bad-bool-tag", b"---\ndraft: !!bool maybe\n---\n", ("FM002", 2, 8)),
    ("bad-int-tag", b"---\nweight: !!int 12abc\n---\n", ("FM002", 2, 9)),
    ("str-tag-on-list", b"---\ntags: !!str [a, b]\n---\n", ("FM002", 2, 7)),
    ("seq-tag-on-scalar", b"---\ntags: !!seq a\n---\n", ("FM002", 2, 7)),
]


@pytest.mark.parametrize(("name", "data", "expected"), CASES, ids=[c[0] for c in CASES])
def test_hostile_file_gets_a_diagnostic(
    here: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    data: bytes,
    expected: tuple[str, int, int],
) -> None:
    (here / f"{name}.md").write_bytes(data)
    code, diagnostics, _ = check(f"{name}.md", capsys, "--select", "FM")
    assert expected in rules_of(diagnostics)
    assert code == 1


def test_alias_bomb_is_refused(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = ["---", "a: &a [x, x, x, x, x, x, x, x, x, x]"]
    lines += [
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]" for i in range(9)
    ]
    (here / "bomb.md").write_text("\n".join([*lines, "---", "Body"]) + "\n", encoding="utf-8")
    code, diagnostics, _ = check("bomb.md", capsys)
    assert any(d["code"] == "FM002" and "alias bomb" in str(d["message"]) for d in diagnostics)
    assert code == 1


def test_random_bytes_and_long_lines_and_nul(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(7)
    (here / "random.md").write_bytes(bytes(rng.randrange(256) for _ in range(100_000)))
    (here / "long.md").write_text(
        "---\ntitle: x\n---\n" + "word " * 200_000 + "\n", encoding="utf-8"
    )
    (here / "nul.md").write_bytes(b'---\ntitle: "x"\n---\nbody\x00text \xff\xfe\n')
    code, diagnostics, _ = check(".", capsys)
    assert not [d for d in diagnostics if d["rule"] == "internal-error"]
    assert code == 1


def test_over_size_limit_is_reported_not_read(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open(here / "huge.md", "wb") as stream:
        stream.write(b"---\ntitle: x\n---\n")
        stream.write(b"Lorem ipsum dolor sit amet. " * 1_900_000)  # ~53 MB
    code, diagnostics, _ = check("huge.md", capsys)
    assert [(d["code"], d["message"]) for d in diagnostics] == [
        ("NL003", "file is 53,200,017 bytes, over max-file-size (10,000,000); not linted")
    ]
    assert code == 1


def test_file_that_grew_past_the_size_limit_is_not_read_whole(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `stat` saw a small file, but it grew before it was read (a scraper still writing it): the
    # read stops one byte past the limit, and the file is reported as too large.
    (here / "growing.md").write_bytes(b"---\ntitle: x\n---\n" + b"x" * 983)
    real_stat = Path.stat

    def small(self: Path, **kwargs: bool) -> os.stat_result:
        info = real_stat(self, **kwargs)
        if self.name != "growing.md":
            return info
        return os.stat_result((info.st_mode, *info[1:6], 50, *info[7:10]))

    monkeypatch.setattr(Path, "stat", small)
    result = lint_path(here / "growing.md", build_ruleset(Config(max_file_size=100)))
    assert [(d.code, d.message) for d in result.diagnostics] == [
        ("NL003", "file is 1,000 bytes, over max-file-size (100); not linted")
    ]


def test_directory_named_md_and_symlink_loop(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "content" / "x.md").mkdir(parents=True)
    (here / "content" / "x.md" / "inner.md").write_text('---\ntitle: "a"\n---\n', encoding="utf-8")
    os.symlink(here / "content", here / "content" / "loop")
    code, diagnostics, _ = check("content", capsys, "--select", "FM001,FM002")
    assert diagnostics == []
    assert code == 0


def test_missing_path_is_a_usage_error(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", "nope/not-here.md"])
    err = capsys.readouterr().err
    assert code == 2
    assert err == "newslint: error: no such file or directory: nope/not-here.md\n"


def test_vanished_file_is_a_diagnostic(here: Path) -> None:
    result = lint_path(here / "gone.md", build_ruleset(Config()))
    assert [(d.code, d.message) for d in result.diagnostics] == [
        ("NL002", "file vanished before it could be read")
    ]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file_is_a_diagnostic(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = here / "locked.md"
    path.write_text("---\ntitle: x\n---\n", encoding="utf-8")
    path.chmod(0)
    try:
        code, diagnostics, _ = check("locked.md", capsys)
    finally:
        path.chmod(0o644)
    assert [(d["code"], d["message"]) for d in diagnostics] == [
        ("NL002", "cannot read file: Permission denied")
    ]
    assert code == 1


def test_unreadable_file_via_oserror(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = here / "locked.md"
    path.write_text("---\ntitle: x\n---\n", encoding="utf-8")

    real_open = os.open

    def refuse(name: Any, *args: Any, **kwargs: Any) -> int:
        if os.path.basename(name) == "locked.md":
            raise PermissionError(13, "Permission denied")
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    result = lint_path(path, build_ruleset(Config()))
    assert [(d.code, d.message) for d in result.diagnostics] == [
        ("NL002", "cannot read file: Permission denied")
    ]


# ------------------------------------------------- named on the command line: loops, binaries


def test_symlink_loop_named_on_the_command_line(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.symlink("loop-b.md", here / "loop-a.md")
    os.symlink("loop-a.md", here / "loop-b.md")
    code, diagnostics, err = check("loop-a.md", capsys)
    assert [(d["code"], d["message"]) for d in diagnostics] == [
        ("NL002", "cannot read file: Too many levels of symbolic links")
    ]
    assert (code, err) == (1, "")
    assert main(["fix", "loop-a.md", "--isolated", "--no-cache"]) == 1
    assert "Traceback" not in capsys.readouterr().err


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def test_binary_file_named_on_the_command_line_is_not_linted_or_fixed(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "photo.png").write_bytes(PNG)
    code, diagnostics, _ = check("photo.png", capsys)
    assert [(d["code"], d["line"], d["message"]) for d in diagnostics] == [
        ("NL002", 1, "binary file (it contains NUL bytes), not an article; not linted")
    ]
    assert code == 1
    assert main(["fix", "photo.png", "--isolated", "--no-cache", "--unsafe-fixes"]) == 1
    assert (here / "photo.png").read_bytes() == PNG  # CR LF and control bytes left alone


def test_markdown_file_with_a_stray_nul_is_still_linted(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "nul.md").write_bytes(b'---\ntitle: "x"\n---\nbody\x00text\n')
    code, diagnostics, _ = check("nul.md", capsys, "--select", "EN004")
    assert (code, rules_of(diagnostics)) == (1, [("EN004", 4, 5)])


# ------------------------------------------------------ control characters never reach a terminal


def test_control_characters_in_text_and_names_are_shown_not_sent(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "a\x1b[2Jb.md"
    (here / name).write_bytes(b'---\ntitle: "x\x1b]0;pwned\x07y\x9bz"\n---\n')
    printed = {}
    for fmt in ("full", "concise", "grouped"):
        main(
            [
                "check",
                name,
                "--isolated",
                "--no-cache",
                "--select",
                "EN004,FM004",
                "--output-format",
                fmt,
                "--color",
                "never",
            ]
        )
        printed[fmt] = capsys.readouterr().out
        assert not [c for c in printed[fmt] if (ord(c) < 32 and c != "\n") or 127 <= ord(c) < 160]
    assert printed["concise"].splitlines()[0] == (
        "a␛[2Jb.md:2:10: EN004 [control-char] [*] control character U+001B"
    )
    assert '       2 | title: "x␛]0;pwned␇y\ufffdz"\n' in printed["full"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_is_reported_not_read(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Reading a pipe nobody writes to would wait forever (and a device such as /dev/zero would
    # fill the memory): only regular files are read.
    (here / "content").mkdir()
    os.mkfifo(here / "content" / "pipe.md")
    code, diagnostics, _ = check("content", capsys)
    assert [(d["path"], d["code"], d["message"]) for d in diagnostics] == [
        ("content/pipe.md", "NL002", "not a regular file (a pipe, socket or device); not read")
    ]
    assert code == 1
    assert main(["fix", "content/pipe.md", "--isolated", "--no-cache"]) == 1


@pytest.mark.skipif(sys.platform in ("darwin", "win32"), reason="file names are Unicode there")
def test_file_name_that_is_not_utf8(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Python holds the byte as a lone surrogate, which no UTF-8 output (a terminal, a JSON
    # file, SARIF) can take: every format shows it as U+FFFD instead of crashing.
    (here / os.fsdecode(b"caf\xe9.md")).write_text("---\ntitle: x\n---\n", encoding="utf-8")
    for fmt in FORMATS:
        code = main(["check", ".", "--isolated", "--no-cache", "--select", "FM001,FM004",
                     "--output-format", fmt])  # fmt: skip
        out = capsys.readouterr()
        assert (code, out.err) == (1, ""), fmt
        out.out.encode("utf-8")  # strict: no lone surrogate
    _, diagnostics, _ = check(".", capsys, "--select", "FM004")
    assert {d["path"] for d in diagnostics} == {"caf\ufffd.md"}


def test_reader_going_away_ends_quietly_and_does_not_pass_the_check(tmp_path: Path) -> None:
    # `newslint check | head -1`: the pipe breaks while problems are still being printed. No
    # traceback, and exit 1 (the status of the whole run, whose finding fails it), so
    # `set -o pipefail` in CI does not see a clean run.
    article = tmp_path / "many.md"
    lines = "".join(f"Line {n} ends in spaces.   \n" for n in range(4000))
    article.write_text(f'---\ntitle: "Many"\n---\n\n{lines}', encoding="utf-8")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newslint",
            "check",
            "--no-cache",
            "--output-format",
            "concise",
            "--select",
            "BD002",
            "--fail-on",
            "info",
            "many.md",
        ],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # more than a pipe's buffer is still to come
    errors = process.stderr.read()
    assert process.wait(timeout=60) == 1
    assert first == (
        b"many.md:5:23: BD002 [trailing-whitespace] [*] trailing whitespace (3 spaces)"
        b" where two spaces make the line break\n"
    )
    assert b"Traceback" not in errors and b"internal error" not in errors


@pytest.mark.parametrize("fmt", ["concise", "json"])
@pytest.mark.parametrize(
    ("options", "status"),
    [
        (["--fail-on", "error"], 0),  # only info findings: the whole run passes
        (["--fail-on", "info", "--exit-zero"], 0),
        (["--fail-on", "info"], 1),
    ],
)
def test_reader_going_away_keeps_the_status_of_the_whole_run(
    tmp_path: Path, fmt: str, options: list[str], status: int
) -> None:
    # `newslint check --exit-zero | head -1`: a closed pipe is no finding (ruff exits 0 on it);
    # the status is the one the run gives when read to the end, and stderr stays empty.
    article = tmp_path / "many.md"
    lines = "".join(f"Line {n} ends in spaces.   \n" for n in range(4000))
    article.write_text(f'---\ntitle: "Many"\n---\n\n{lines}', encoding="utf-8")
    command = [sys.executable, "-m", "newslint", "check", "--no-cache", "--select", "BD002"]
    process = subprocess.Popen(
        [*command, *options, "--output-format", fmt, "many.md"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    errors = process.stderr.read()
    assert (process.wait(timeout=60), errors) == (status, b"")
    assert first == b"[\n" if fmt == "json" else first.startswith(b"many.md:5:23: BD002")


# ------------------------------------------- inputs built to be large: one clear answer each

DEEP_FRONT = (
    '---\ntitle: "Deep"\ndate: 2025-02-08T09:55:35+08:00\n'
    'summary: "An article whose body is built to make a parser work hard."\n---\n\n'
)
DEEP_SOURCE = "\n[Source](https://example.org/news/1)\n"


@pytest.mark.parametrize(
    ("name", "body", "expected"),
    [
        ("quotes", "> " * 20_000 + "deep\n", []),
        ("lists", "- " * 20_000 + "deep\n", []),
        ("quoted-lists", "> - " * 10_000 + "deep\n", []),
        ("stars", "*" * 200_000 + "\n", [("BD006", 7, 1)]),
    ],
)
def test_deeply_nested_body_is_linted_in_full(
    here: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    body: str,
    expected: list[tuple[str, int, int]],
) -> None:
    # Tens of thousands of nested quote or list markers, or of emphasis markers that never
    # close: the Markdown parser and every rule go through, and nothing is reported about them.
    (here / f"{name}.md").write_text(DEEP_FRONT + body + DEEP_SOURCE, encoding="utf-8")
    code, diagnostics, err = check(f"{name}.md", capsys)
    assert (rules_of(diagnostics), code, err) == (expected, 0, "")


def test_toml_front_matter_with_thousands_of_keys(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = "".join(f'key{n} = "value {n}"\n' for n in range(3000))
    (here / "keys.md").write_text(
        f'+++\ntitle = "Many keys"\n{keys}+++\n\nBody.\n{DEEP_SOURCE}', encoding="utf-8"
    )
    code, diagnostics, _ = check("keys.md", capsys)
    assert [(d["code"], d["line"], d["message"]) for d in diagnostics] == [
        ("FM004", 1, "required field 'date' is missing"),
        ("FM004", 1, "required field 'summary' is missing"),
    ]
    assert code == 1


def test_json_front_matter_of_objects_nested_100_000_deep(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = '{"a": ' * 100_000 + "1" + "}" * 100_000
    (here / "deep.md").write_text(f'{{"title": "Deep", "x": {deep}}}\n\nBody.\n', encoding="utf-8")
    code, diagnostics, _ = check("deep.md", capsys)
    assert [(d["code"], d["line"], d["column"], d["message"]) for d in diagnostics] == [
        ("FM002", 1, 1, "JSON front matter is nested too deeply")
    ]
    assert code == 1
    assert main(["fix", "deep.md", "--isolated", "--no-cache"]) == 1


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_device_named_on_the_command_line_is_not_read(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # /dev/zero read to its end would never end; /dev/null would read as an empty article.
    for device in ("/dev/zero", "/dev/null"):
        code, diagnostics, err = check(device, capsys)
        assert [(d["path"], d["code"], d["message"]) for d in diagnostics] == [
            (device, "NL002", "not a regular file (a pipe, socket or device); not read")
        ]
        assert (code, err) == (1, "")
    assert main(["fix", "/dev/zero", "/dev/null", "--isolated", "--no-cache"]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_file_that_vanishes_after_discovery(
    here: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found in its folder, gone when it is opened (a checkout switching branches under the run).
    (here / "content").mkdir()
    (here / "content" / "gone.md").write_text('---\ntitle: "x"\n---\n', encoding="utf-8")
    (here / "content" / "kept.md").write_text('---\ntitle: "x"\n---\n', encoding="utf-8")
    real_open = os.open

    def vanishing(path: Any, *args: Any, **kwargs: Any) -> Any:
        if os.path.basename(path) == "gone.md":
            Path(path).unlink(missing_ok=True)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", vanishing)
    code, diagnostics, err = check("content", capsys, "--select", "FM001")
    assert [(d["path"], d["code"], d["message"]) for d in diagnostics] == [
        ("content/gone.md", "NL002", "file vanished before it could be read")
    ]
    assert (code, err) == (1, "")
    (here / "content" / "gone.md").write_text('---\ntitle: "x"\n---\n', encoding="utf-8")
    assert main(["fix", "content", "--isolated", "--no-cache", "--select", "FM001"]) == 1
    out = capsys.readouterr()
    assert "content/gone.md:1:1: NL002" in out.out
    assert "Traceback" not in out.err


def test_file_replaced_by_a_pipe_after_discovery_is_not_waited_on(
    here: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A pipe put in the file's place between the look at it and its read. Before: the read
    # waited for a writer forever.
    import signal

    (here / "content").mkdir()
    (here / "content" / "pipe.md").write_text('---\ntitle: "x"\n---\n', encoding="utf-8")
    real_stat = Path.stat

    def replacing(self: Path, *args: Any, **kwargs: Any) -> Any:
        found = real_stat(self, *args, **kwargs)
        # Right after the read's own look at the file (`newslint.engine.read_source`).
        if self.name == "pipe.md" and sys._getframe(1).f_code.co_name == "read_source":
            self.unlink()
            os.mkfifo(self)
        return found

    def hung(*_: object) -> None:
        raise TimeoutError("the read waited on the pipe")

    monkeypatch.setattr(Path, "stat", replacing)
    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)
    try:
        code, diagnostics, err = check("content", capsys, "--select", "FM001")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert [(d["path"], d["code"], d["message"]) for d in diagnostics] == [
        ("content/pipe.md", "NL002", "not a regular file (a pipe, socket or device); not read")
    ]
    assert (code, err) == (1, "")


ARTICLE_WITH_SPACES = "---\ntitle: x\n---\n\nText.   \n"


@pytest.mark.parametrize("when", ["before-stat", "after-stat"])
def test_file_replaced_by_a_folder_after_discovery(
    here: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], when: str
) -> None:
    # A checkout turning an article into a page bundle (`a.md` -> `a.md/`... or `a/index.md`)
    # under the run: between the walk and the read, or between the read's look and its open.
    (here / "content").mkdir()
    (here / "content" / "a.md").write_text(ARTICLE_WITH_SPACES, encoding="utf-8")
    real_stat = Path.stat
    real_open = os.open

    def replace(path: Any) -> None:
        if os.path.basename(path) == "a.md" and not os.path.isdir(path):
            os.unlink(path)
            os.mkdir(path)

    def stat_then_replace(self: Path, *args: Any, **kwargs: Any) -> Any:
        found = real_stat(self, *args, **kwargs)
        if sys._getframe(1).f_code.co_name == "read_source":
            replace(self)
        return found

    def replace_then_open(path: Any, *args: Any, **kwargs: Any) -> Any:
        replace(path)
        return real_open(path, *args, **kwargs)

    if when == "after-stat":
        monkeypatch.setattr(Path, "stat", stat_then_replace)
    else:
        monkeypatch.setattr(os, "open", replace_then_open)
    for command in ("check", "fix"):
        if (here / "content" / "a.md").is_dir():
            (here / "content" / "a.md").rmdir()
            (here / "content" / "a.md").write_text(ARTICLE_WITH_SPACES, encoding="utf-8")
        code = main(
            [command, "content", "--output-format", "json", "--isolated", "--select", "BD002"]
        )
        out = capsys.readouterr()
        assert "Traceback" not in out.err
        found = [(d["path"], d["code"], d["message"]) for d in json.loads(out.out)]
        assert found == [("content/a.md", "NL002", "is a directory, not a file")]
        assert code == 1
        assert os.listdir(here / "content" / "a.md") == []
    monkeypatch.setattr(Path, "stat", real_stat)
    monkeypatch.setattr(os, "open", real_open)
    # Nothing about it was cached: an article in its place again is linted.
    (here / "content" / "a.md").rmdir()
    (here / "content" / "a.md").write_text(ARTICLE_WITH_SPACES, encoding="utf-8")
    code = main(["check", "content", "--output-format", "json", "--isolated", "--select", "BD002"])
    found = [(d["code"], d["line"], d["column"]) for d in json.loads(capsys.readouterr().out)]
    assert (code, found) == (0, [("BD002", 5, 6)])


def test_broken_symbolic_link_is_named_as_one(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A link left behind by a moved article: not a file that vanished mid-run.
    (here / "content").mkdir()
    (here / "content" / "moved.md").symlink_to("../archive/moved.md")
    code, diagnostics, err = check("content", capsys, "--select", "FM001")
    assert [(d["path"], d["code"], d["line"], d["column"], d["message"]) for d in diagnostics] == [
        (
            "content/moved.md",
            "NL002",
            1,
            1,
            "broken symbolic link: its target '../archive/moved.md' does not exist",
        )
    ]
    assert (code, err) == (1, "")


@pytest.mark.parametrize("fmt", ["full", "json", "json-lines", "github"])
def test_reader_going_away_fails_the_check_in_every_streamed_format(
    tmp_path: Path, fmt: str
) -> None:
    # The formats write in batches: none may be so large that the broken pipe goes unseen.
    # (`json` is not streamed, but a check cut short is no clean check either.)
    article = tmp_path / "many.md"
    lines = "".join(f"Line {n} ends in spaces.   \n" for n in range(4000))
    article.write_text(f'---\ntitle: "Many"\n---\n\n{lines}', encoding="utf-8")
    command = [sys.executable, "-m", "newslint", "check", "--no-cache", "--color", "never"]
    command += ["--fail-on", "info"]
    process = subprocess.Popen(
        [*command, "--output-format", fmt, "--select", "BD002", "many.md"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    errors = process.stderr.read()
    assert process.wait(timeout=60) == 1
    assert first == b"[\n" if fmt == "json" else b"many.md" in first
    assert b"Traceback" not in errors and b"internal error" not in errors
