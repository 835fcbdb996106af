from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from newslint.config import Config
from newslint.engine import RuleSet, build_ruleset
from newslint.watch import Session, watch
from rules.duplicate_title import DuplicateTitle
from rules.required_field import RequiredField
from tests.sitegen import article, make_site

ADDED, MODIFIED, DELETED = 1, 2, 3  # watchfiles.Change values
WAIT = 30.0
WATCH_ARGS = [
    "--select",
    "FM004",
    "--output-format",
    "concise",
    "--no-cache",
]  # generous upper bound so a broken watcher fails instead of hanging


def ruleset() -> RuleSet:
    return build_ruleset(
        Config(presets=["hugo", "news"]), rule_classes=[RequiredField, DuplicateTitle]
    )


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    monkeypatch.chdir(tmp_path)
    return [p.relative_to(tmp_path) for p in make_site(tmp_path, 4)]


def session(out: io.StringIO) -> Session:
    return Session(ruleset(), [Path("content")], out, fmt="concise", use_cache=False)


def test_start_prints_everything(site: list[Path]) -> None:
    out = io.StringIO()
    found = session(out).start(site)
    assert [(d.path, d.code) for d in found] == [
        ("content/en/news/0000.en.md", "FM004"),
        ("content/en/news/0003.en.md", "FM004"),
    ]
    assert out.getvalue().startswith("content/en/news/0000.en.md:4:10: FM004")


def test_update_relints_only_the_changed_file(site: list[Path]) -> None:
    out = io.StringIO()
    watcher = session(out)
    watcher.start(site)
    site[1].write_text(article(1).replace("Summary of story 1.", ""), encoding="utf-8")
    out.seek(0)
    out.truncate()
    found = watcher.update([(MODIFIED, str(site[1].absolute()))])
    assert [(d.path, d.code, d.line) for d in found] == [("content/en/news/0001.en.md", "FM004", 4)]
    lines = out.getvalue().splitlines()
    assert lines[0].endswith("re-linted content/en/news/0001.en.md")
    assert lines[1:] == [
        "content/en/news/0001.en.md:4:10: FM004 [required-field] required field 'summary' is empty"
    ]


def test_update_keeps_the_cross_file_picture(site: list[Path]) -> None:
    out = io.StringIO()
    watcher = session(out)
    watcher.start(site)
    new = Path("content/en/news/9999.en.md")
    new.write_text(article(28, title="Story number 0"), encoding="utf-8")
    found = watcher.update([(ADDED, str(new.absolute()))])
    assert [(d.path, d.code) for d in found] == [("content/en/news/9999.en.md", "XF002")]
    # Fixing the title clears it; deleting the file leaves the picture.
    new.write_text(article(28), encoding="utf-8")
    assert watcher.update([(MODIFIED, str(new.absolute()))]) == []
    new.unlink()
    assert watcher.update([(DELETED, str(new.absolute()))]) == []
    assert len(watcher.results) == len(site)


def test_a_save_that_creates_a_problem_elsewhere_shows_it(site: list[Path]) -> None:
    out = io.StringIO()
    watcher = session(out)
    watcher.start(site)
    # 0002 is dated after 0000: renaming 0000's title onto 0002's reports on 0002.
    site[0].write_text(article(0, title="Story number 2"), encoding="utf-8")
    found = watcher.update([(MODIFIED, str(site[0].absolute()))])
    assert [(d.path, d.code) for d in found] == [
        ("content/en/news/0000.en.md", "FM004"),
        ("content/en/news/0002.en.md", "XF002"),
    ]


def test_irrelevant_changes_are_ignored(site: list[Path]) -> None:
    out = io.StringIO()
    watcher = session(out)
    watcher.start(site)
    out.seek(0)
    out.truncate()
    notes = Path("content/en/news/notes.txt")
    notes.write_text("not an article")
    gone = Path("content/en/news/never-there.md")
    assert watcher.update([(ADDED, str(notes.absolute())), (DELETED, str(gone.absolute()))]) == []
    assert out.getvalue() == ""


def test_a_new_folder_is_linted(site: list[Path]) -> None:
    out = io.StringIO()
    watcher = session(out)
    watcher.start(site)
    folder = Path("content/en/news/more")
    folder.mkdir()
    (folder / "a.en.md").write_text(article(30), encoding="utf-8")
    found = watcher.update([(ADDED, str(folder.absolute()))])
    assert [(d.path, d.code) for d in found] == [("content/en/news/more/a.en.md", "FM004")]
    import shutil

    shutil.rmtree(folder)
    watcher.update([(DELETED, str(folder.absolute()))])
    assert len(watcher.results) == len(site)


def wait_for(check: Callable[[], bool], poke: Callable[[], None]) -> None:
    """Poke (re-save) until `check` holds: the watcher may start after the first save."""
    deadline = time.monotonic() + WAIT
    while not check():
        assert time.monotonic() < deadline, "the watcher did not react"
        poke()
        time.sleep(0.3)


def test_real_file_change_is_picked_up(site: list[Path]) -> None:
    out = io.StringIO()
    watcher = session(out)
    watcher.start(site)
    stop = threading.Event()
    thread = threading.Thread(target=watch, args=(watcher,), kwargs={"stop_event": stop})
    thread.start()
    try:
        text = article(2).replace("Summary of story 2.", "")
        wait_for(
            lambda: "0002.en.md:4:10: FM004" in out.getvalue(),
            lambda: site[2].write_text(text, encoding="utf-8"),
        )
    finally:
        stop.set()
        thread.join(WAIT)
    assert not thread.is_alive()


def test_ctrl_c_exits_zero(site: list[Path]) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "newslint", "watch", *WATCH_ARGS],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.extend(iter(process.stdout.readline, "")))
        reader.start()
        text = article(1).replace("Summary of story 1.", "")
        wait_for(
            lambda: any("0001.en.md:4:10: FM004" in line for line in lines),
            lambda: (
                site[1].write_text(text, encoding="utf-8")
                if any(line.startswith("Watching") for line in lines)
                else None
            ),
        )
        process.send_signal(signal.SIGINT)
        assert process.wait(WAIT) == 0
        reader.join(WAIT)
    finally:
        if process.poll() is None:
            process.kill()
    assert lines[0].startswith("content/en/news/0000.en.md:4:10: FM004")
    assert "Watching 4 files" in "".join(lines)
    assert os.path.exists("hugo.toml")


def test_a_save_that_resolves_a_problem_elsewhere_says_so(site: list[Path]) -> None:
    out = io.StringIO()
    watcher = session(out)
    watcher.start(site)
    site[0].write_text(article(0, title="Story number 2"), encoding="utf-8")
    watcher.update([(MODIFIED, str(site[0].absolute()))])
    out.seek(0)
    out.truncate()
    site[0].write_text(article(0), encoding="utf-8")  # 0002's duplicate title goes away
    found = watcher.update([(MODIFIED, str(site[0].absolute()))])
    assert [(d.path, d.code) for d in found] == [("content/en/news/0000.en.md", "FM004")]
    lines = out.getvalue().splitlines()
    assert lines[0].endswith("] re-linted content/en/news/0000.en.md")
    assert lines[1].startswith("content/en/news/0000.en.md:4:10: FM004")
    assert lines[2].endswith(
        "] resolved: content/en/news/0002.en.md:2:8: XF002 [duplicate-title] "
        "title 'Story number 2' is also used by content/en/news/0000.en.md"
    )
    assert len(lines) == 3


def test_deleting_a_folder_counts_each_file_once(site: list[Path]) -> None:
    out = io.StringIO()
    watcher = session(out)
    folder = Path("content/en/news/more")
    folder.mkdir()
    added = [folder / "a.en.md", folder / "b.en.md"]
    for number, path in enumerate(added, start=30):
        path.write_text(article(number), encoding="utf-8")
    watcher.start([*site, *added])
    out.seek(0)
    out.truncate()
    import shutil

    shutil.rmtree(folder)
    # What watchfiles reports for `rm -r`: the files and the folder.
    changes = [(DELETED, str(p.absolute())) for p in [*added, folder]]
    assert watcher.update(changes) == []
    assert out.getvalue().splitlines()[0].endswith("] re-linted nothing; 2 removed")
    assert len(watcher.results) == len(site)


@pytest.mark.parametrize("fmt", ["json-lines", "json"])
def test_machine_readable_output_keeps_status_lines_off_stdout(site: list[Path], fmt: str) -> None:
    import json

    out, status = io.StringIO(), io.StringIO()
    watcher = Session(ruleset(), [Path("content")], out, fmt=fmt, use_cache=False, status=status)
    watcher.start(site)
    site[1].write_text(article(1).replace("Summary of story 1.", ""), encoding="utf-8")
    watcher.update([(MODIFIED, str(site[1].absolute()))])
    if fmt == "json-lines":
        printed = [json.loads(line) for line in out.getvalue().splitlines()]
    else:  # one array per batch, each on lines of its own
        decoder, text, printed = json.JSONDecoder(), out.getvalue(), []
        position = 0
        while text[position:].strip():
            position += len(text[position:]) - len(text[position:].lstrip())
            batch, position = decoder.raw_decode(text, position)
            printed.extend(batch)
    assert [(d["path"], d["code"], d["line"]) for d in printed] == [
        ("content/en/news/0000.en.md", "FM004", 4),
        ("content/en/news/0003.en.md", "FM004", 4),
        ("content/en/news/0001.en.md", "FM004", 4),
    ]
    assert status.getvalue().splitlines()[0].endswith("] re-linted content/en/news/0001.en.md")
