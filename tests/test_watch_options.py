"""`newslint watch --quiet` and `--statistics`: the README lists them among the options of
`check`, `fix` and `watch`, so watch honours them. A summary is of the whole picture (every
watched file's current problems): after a save, what is left to do, not what the save touched."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.config import Config
from newslint.engine import build_ruleset
from newslint.watch import Session
from rules.required_field import RequiredField
from tests.sitegen import article, make_site

MODIFIED = 2  # watchfiles.Change.modified
NEWS = "content/en/news"
# The empty summaries get an unsafe fix (a summary from the opening sentences).
UNSAFE2 = "2 fixable with `newslint fix --unsafe-fixes`."
TABLE2 = [
    "      2  FM004  required-field  error    2 with --unsafe-fixes",
    "      2  total, 0 fixable with `newslint fix`",
]


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Four articles; 0000 and 0003 have an empty summary (FM004)."""
    monkeypatch.chdir(tmp_path)
    return [p.relative_to(tmp_path) for p in make_site(tmp_path, 4)]


def session(out: io.StringIO, *, quiet: bool = False, statistics: bool = False) -> Session:
    ruleset = build_ruleset(Config(presets=["hugo", "news"]), rule_classes=[RequiredField])
    return Session(
        ruleset,
        [Path("content")],
        out,
        fmt="concise",
        use_cache=False,
        quiet=quiet,
        statistics=statistics,
    )


def printed(out: io.StringIO) -> list[str]:
    lines = [re.sub(r"\[\d\d:\d\d:\d\d\] ", "[t] ", line) for line in out.getvalue().splitlines()]
    out.seek(0)
    out.truncate()
    return lines


def test_quiet_prints_the_summary_of_the_whole_picture(site: list[Path]) -> None:
    out = io.StringIO()
    watcher = session(out, quiet=True)
    watcher.start(site)
    assert printed(out) == ["Found 2 problems (2 errors) in 2 of 4 files.", UNSAFE2]
    site[1].write_text(article(1).replace("Summary of story 1.", ""), encoding="utf-8")
    watcher.update([(MODIFIED, str(site[1].absolute()))])
    assert printed(out) == [
        f"[t] re-linted {NEWS}/0001.en.md",
        "Found 3 problems (3 errors) in 3 of 4 files.",
        "3 fixable with `newslint fix --unsafe-fixes`.",
    ]
    site[0].write_text(article(1, title="Story zero"), encoding="utf-8")
    watcher.update([(MODIFIED, str(site[0].absolute()))])
    assert printed(out) == [
        f"[t] re-linted {NEWS}/0000.en.md",
        "Found 2 problems (2 errors) in 2 of 4 files.",
        UNSAFE2,
    ]


def test_statistics_prints_the_counts_of_the_whole_picture(site: list[Path]) -> None:
    out = io.StringIO()
    watcher = session(out, statistics=True)
    watcher.start(site)
    assert printed(out) == TABLE2
    site[2].write_text(article(2).replace("Summary of story 2.", ""), encoding="utf-8")
    watcher.update([(MODIFIED, str(site[2].absolute()))])
    assert printed(out) == [
        f"[t] re-linted {NEWS}/0002.en.md",
        "      3  FM004  required-field  error    3 with --unsafe-fixes",
        "      3  total, 0 fixable with `newslint fix`",
    ]


@pytest.mark.parametrize(
    ("option", "first"),
    [
        ("--quiet", ["Found 2 problems (2 errors) in 2 of 4 files.", UNSAFE2]),
        ("--statistics", TABLE2),
    ],
)
def test_the_watch_command_passes_them_on(site: list[Path], option: str, first: list[str]) -> None:
    """The first lint of a real `newslint watch` (stopped once it watches) prints the summary."""
    args = ["--select", "FM004", "--output-format", "concise", "--no-cache", option]
    process = subprocess.Popen(
        [sys.executable, "-m", "newslint", "watch", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    lines = []
    for line in process.stdout:  # the first lint, then the line that says it watches
        lines.append(line.rstrip("\n"))
        if line.startswith("Watching "):
            break
    process.terminate()
    assert process.wait(30) == 0
    assert lines == [*first, "Watching 4 files for changes (Ctrl-C to stop)."]
