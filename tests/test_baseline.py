"""Baselines through the CLI: record, then report only what is new, by text not by line."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from newslint.baseline import Baseline
from newslint.cli import main
from newslint.diagnostics import make_diagnostic
from newslint.rule import Severity
from newslint.spans import LineIndex, Span

# `duplicate-key` (FM003) reports the repeated key; its span text is the key.
ARTICLE = '---\ntitle: "Budget"\ntitle: "Budget"\ndate: 2025-02-08T09:55:35+08:00\n---\n\nText.\n'


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main([*args, "--no-cache", "--output-format", "concise"])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "content" / "b.md").write_text("No front matter.\n", encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('select = ["FM001", "FM003"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_write_then_check_reports_nothing(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["check", "content", "--write-baseline", "base.json"], capsys)
    assert (code, out) == (0, "")
    assert err == "newslint: recorded 2 problems (2 entries) in base.json\n"
    data = json.loads((site / "base.json").read_text(encoding="utf-8"))
    assert data == {
        "newslint-baseline": 1,
        "entries": [
            {
                "path": "content/a.md",
                "code": "FM003",
                "rule": "duplicate-key",
                "text": "title",
                "context": 'title: "Budget"',
                "count": 1,
            },
            {
                "path": "content/b.md",
                "code": "FM001",
                "rule": "front-matter-missing",
                "text": "file has no front matter",
                "count": 1,
            },
        ],
    }
    code, out, err = run(["check", "content", "--baseline", "base.json"], capsys)
    assert (code, out) == (0, "")
    assert err == "newslint: 2 problems in base.json not shown\n"


def test_moved_lines_stay_known_and_new_problems_show(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(["check", "content", "--write-baseline", "base.json"], capsys)
    moved = ARTICLE.replace(
        '---\ntitle: "Budget"\n', '---\nauthor: "A"\nlang: "en"\ntitle: "Budget"\n', 1
    )
    (site / "content" / "a.md").write_text(moved + "", encoding="utf-8")
    code, out, _ = run(["check", "content", "--baseline", "base.json"], capsys)
    assert (code, out) == (0, "")
    moved = moved.replace("lang:", 'date: "x"\nlang:')
    (site / "content" / "a.md").write_text(moved, encoding="utf-8")
    code, out, _ = run(["check", "content", "--baseline", "base.json"], capsys)
    assert code == 1
    assert [line.split(" [")[0] for line in out.splitlines()] == ["content/a.md:7:1: FM003"]


def test_counts_are_kept(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["check", "content", "--write-baseline", "base.json"], capsys)
    third = ARTICLE.replace("date:", 'title: "Budget"\ndate:')
    (site / "content" / "a.md").write_text(third, encoding="utf-8")
    code, out, _ = run(["check", "content", "--baseline", "base.json"], capsys)
    assert code == 1
    assert [line.split(": ")[0] for line in out.splitlines()] == ["content/a.md:4:1"]


def test_fixed_problems_are_counted_as_stale(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(["check", "content", "--write-baseline", "base.json"], capsys)
    (site / "content" / "b.md").write_text('---\ntitle: "x"\n---\n', encoding="utf-8")
    code, out, err = run(["check", "content", "--baseline", "base.json"], capsys)
    assert (code, out) == (0, "")
    assert err == (
        "newslint: 1 problem in base.json not shown; 1 recorded problem no longer occurs"
        " (shrink the baseline with --write-baseline)\n"
    )
    _, _, err = run(["check", "content/a.md", "--baseline", "base.json"], capsys)
    assert err == "newslint: 1 problem in base.json not shown\n"  # b.md was not linted


def test_paths_are_relative_to_the_baseline_file(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(["check", "content", "--write-baseline", "base.json"], capsys)
    monkeypatch.chdir(site / "content")
    code, out, _ = run(["check", ".", "--baseline", "../base.json"], capsys)
    assert (code, out) == (0, "")


def test_partial_run_keeps_the_other_files_entries(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(["check", "content", "--write-baseline", "base.json"], capsys)
    (site / "content" / "a.md").write_text('---\ntitle: "x"\n---\n', encoding="utf-8")
    code, _, err = run(["check", "content/a.md", "--write-baseline", "base.json"], capsys)
    assert code == 0 and err == "newslint: recorded 1 problem (1 entry) in base.json\n"
    entries = json.loads((site / "base.json").read_text(encoding="utf-8"))["entries"]
    assert [(e["path"], e["code"]) for e in entries] == [("content/b.md", "FM001")]
    (site / "content" / "b.md").unlink()
    run(["check", "content", "--write-baseline", "base.json"], capsys)
    assert json.loads((site / "base.json").read_text(encoding="utf-8"))["entries"] == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "base.json: baseline file not found (create it with --write-baseline)"),
        ("{", "base.json: not a newslint baseline: "),
        ('{"entries": []}', "base.json: not a newslint baseline (format 1 expected)"),
        (
            '{"newslint-baseline": 1, "entries": [{"path": "a"}]}',
            "base.json: malformed entry: KeyError('code')",
        ),
        # An entry that is no object (a list, a string): reported, not a crash.
        (
            '{"newslint-baseline": 1, "entries": [["a.md", "FM001", "x"]]}',
            "base.json: malformed entry: ['a.md', 'FM001', 'x'] is no object",
        ),
        (
            '{"newslint-baseline": 1, "entries": {"a.md": 1}}',
            "base.json: malformed entry: 'a.md' is no object",
        ),
    ],
)
def test_bad_baseline_exits_2(
    site: Path, capsys: pytest.CaptureFixture[str], content: str | None, message: str
) -> None:
    if content is not None:
        (site / "base.json").write_text(content, encoding="utf-8")
    code, out, err = run(["check", "content", "--baseline", "base.json"], capsys)
    assert (code, out) == (2, "")
    assert err.startswith(f"newslint: error: {message}")


def test_empty_span_is_matched_by_message(tmp_path: Path) -> None:
    index = LineIndex("x\n")

    def make(message: str) -> object:
        return make_diagnostic(
            "a.md", index, Span(0, 0), "required-field", "FM004", Severity.ERROR, message
        )

    missing_title, missing_date = make("title is missing"), make("date is missing")
    baseline = Baseline.of([missing_title], tmp_path)  # type: ignore[list-item]
    new, absorbed, stale = baseline.filter([missing_title, missing_date])  # type: ignore[list-item]
    assert (new, absorbed, stale) == ([missing_date], 1, 0)


def _titled(title: str, day: int) -> str:
    return f'---\ntitle: "{title}"\ndate: 2025-02-0{day}T09:55:35+08:00\n---\n\nText.\n'


@pytest.fixture
def duplicates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "content").mkdir()
    for name, day in (("a", 1), ("b", 2)):
        text = _titled("Budget passes", day)
        (tmp_path / "content" / f"{name}.md").write_text(text, encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('select = ["XF002"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_cross_file_problems_are_matched_by_their_text(
    duplicates: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The message names the other file as seen from the working directory and counts the others;
    # neither may bring back a recorded duplicate.
    run(["check", "content", "--write-baseline", "base.json"], capsys)
    entries = json.loads((duplicates / "base.json").read_text(encoding="utf-8"))["entries"]
    assert [(e["path"], e["code"], e["text"]) for e in entries] == [
        ("content/b.md", "XF002", "Budget passes")
    ]
    monkeypatch.chdir(duplicates / "content")
    code, out, err = run(["check", ".", "--baseline", "../base.json", "--fail-on", "info"], capsys)
    assert (code, out, err) == (0, "", "newslint: 1 problem in ../base.json not shown\n")
    (duplicates / "content" / "c.md").write_text(_titled("Budget passes", 3), encoding="utf-8")
    code, out, _ = run(["check", ".", "--baseline", "../base.json", "--fail-on", "info"], capsys)
    assert code == 1
    assert (
        out
        == "c.md:2:8: XF002 [duplicate-title] title 'Budget passes' is also used by a.md (and 1 more)\n"
    )


def test_entries_of_deleted_files_are_stale(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["check", "content", "--write-baseline", "base.json"], capsys)
    (site / "content" / "b.md").rename(site / "content" / "c.md")
    code, out, err = run(["check", "content/a.md", "--baseline", "base.json"], capsys)
    assert (code, out) == (0, "")
    assert err == (
        "newslint: 1 problem in base.json not shown; 1 recorded problem no longer occurs"
        " (shrink the baseline with --write-baseline)\n"
    )


def test_a_failed_write_leaves_the_baseline_and_no_temporary_file(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that fails half-way (a full disk) left `.base.json.newslint-tmp` behind, and two
    runs writing one baseline at once shared that one temporary name (one could rename the
    other's half-written file into place)."""
    (site / "base.json").write_text("{}\n", encoding="utf-8")

    def full_disk(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("newslint.baseline.os.replace", full_disk)
    code, out, err = run(["check", "content", "--write-baseline", "base.json"], capsys)
    assert (code, out) == (2, "")
    assert err == "newslint: error: base.json: cannot write: No space left on device\n"
    assert sorted(p.name for p in site.iterdir()) == ["base.json", "content", "newslint.toml"]
    assert (site / "base.json").read_text(encoding="utf-8") == "{}\n"


def test_a_written_baseline_is_readable_by_all_as_any_new_file(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    previous = os.umask(0o022)
    try:
        run(["check", "content", "--write-baseline", "base.json"], capsys)
    finally:
        os.umask(previous)
    assert stat.S_IMODE((site / "base.json").stat().st_mode) == 0o644


def test_writing_a_baseline_over_a_pipe_or_device_is_refused(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The temporary file was renamed over whatever was there: a pipe (or, run as root in a CI
    container, `/dev/stdout` or `/dev/null`) became a regular file."""
    os.mkfifo(site / "pipe")
    code, out, err = run(["check", "content", "--write-baseline", "pipe"], capsys)
    assert (code, out) == (2, "")
    assert err == (
        "newslint: error: pipe: cannot write: not a regular file (a pipe, socket or device)\n"
    )
    assert stat.S_ISFIFO((site / "pipe").lstat().st_mode)
    assert sorted(p.name for p in site.iterdir()) == ["content", "newslint.toml", "pipe"]


def test_a_baseline_behind_a_symbolic_link_is_written_through_it(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "shared").mkdir()
    (site / "shared" / "base.json").write_text("{}\n", encoding="utf-8")
    (site / "base.json").symlink_to("shared/base.json")
    code, _, _ = run(["check", "content", "--write-baseline", "base.json"], capsys)
    assert code == 0
    assert (site / "base.json").is_symlink()
    data = json.loads((site / "shared" / "base.json").read_text(encoding="utf-8"))
    assert [e["path"] for e in data["entries"]] == ["../content/a.md", "../content/b.md"]


SPACING = (
    '---\ntitle: "Budget"\ndate: 2025-02-08T09:55:35+08:00\n---\n\n'
    "The minister spoke.Then he left.\n\nPrices rose.Wages did not.\n"
)


@pytest.fixture
def spacing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(SPACING, encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('select = ["TX004"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_short_span_is_matched_with_its_context(
    spacing: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`sentence-spacing` reports `.`: before contexts, a recorded problem that was fixed hid a
    new one anywhere in its file. The context (the text with a few characters of its line on
    each side) tells them apart, and it moves with its line."""
    run(["check", "content", "--write-baseline", "base.json"], capsys)
    entries = json.loads((spacing / "base.json").read_text(encoding="utf-8"))["entries"]
    assert [(e["text"], e["context"], e["count"]) for e in entries] == [
        (".", "Prices rose.Wages did no", 1),
        (".", "nister spoke.Then he left", 1),
    ]
    # Lines moved down and text edited outside the window: still the recorded problems.
    moved = SPACING.replace("The minister", "Late on Friday the minister").replace(
        "\n\nPrices", "\n\nA new paragraph.\n\nPrices"
    )
    (spacing / "content" / "a.md").write_text(moved, encoding="utf-8")
    code, out, err = run(["check", "content", "--baseline", "base.json"], capsys)
    assert (code, out, err) == (0, "", "newslint: 2 problems in base.json not shown\n")
    # One recorded problem fixed, a new one written: the new one shows, the fixed one is stale.
    fixed = moved.replace("spoke.Then", "spoke. Then").replace("did not.\n", "did not.So.\n")
    (spacing / "content" / "a.md").write_text(fixed, encoding="utf-8")
    code, out, err = run(["check", "content", "--baseline", "base.json"], capsys)
    assert code == 0  # a warning: `fail-on` is "error"
    assert (
        out == "content/a.md:10:26: TX004 [sentence-spacing] [*] no space after '.' before 'So'\n"
    )
    assert err == (
        "newslint: 1 problem in base.json not shown; 1 recorded problem no longer occurs"
        " (shrink the baseline with --write-baseline)\n"
    )


def test_a_baseline_without_contexts_still_matches_by_text(
    spacing: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A baseline written before contexts (same format number) reads and matches as it did."""
    old = {
        "newslint-baseline": 1,
        "entries": [
            {
                "path": "content/a.md",
                "code": "TX004",
                "rule": "sentence-spacing",
                "text": ".",
                "count": 2,
            }
        ],
    }
    (spacing / "base.json").write_text(json.dumps(old), encoding="utf-8")
    code, out, err = run(["check", "content", "--baseline", "base.json"], capsys)
    assert (code, out, err) == (0, "", "newslint: 2 problems in base.json not shown\n")
    more = SPACING.replace("did not.\n", "did not.So.\n")
    (spacing / "content" / "a.md").write_text(more, encoding="utf-8")
    code, out, _ = run(["check", "content", "--baseline", "base.json"], capsys)
    assert out == "content/a.md:8:26: TX004 [sentence-spacing] [*] no space after '.' before 'So'\n"


def _at(line_text: str, start: int, end: int) -> object:
    index = LineIndex(f"{line_text}\nnext\n")
    return make_diagnostic(
        "a.md", index, Span(start, end), "sentence-spacing", "TX004", Severity.WARNING, "m"
    )


def test_context_window_and_when_there_is_none() -> None:
    from newslint.baseline import context_of

    line = "0123456789abcdefghij.KLMNOPQRSTUVWXYZ"
    assert context_of(_at(line, 20, 21)) == "89abcdefghij.KLMNOPQRSTUV"  # type: ignore[arg-type]
    assert context_of(_at(line, 0, 1)) == "0123456789abc"  # type: ignore[arg-type]
    assert context_of(_at(line, 0, 12)) is None  # type: ignore[arg-type]  # long enough
    assert context_of(_at(line, 36, 39)) is None  # type: ignore[arg-type]  # over the break
    assert context_of(_at(line, 5, 5)) is None  # type: ignore[arg-type]  # empty span
    long_line = "x" * 1001
    assert context_of(_at(long_line, 3, 4)) is None  # type: ignore[arg-type]  # not kept
