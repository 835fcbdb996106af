"""Line formats are printed file by file as results arrive, cross-file diagnostics last."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.cli import main

ARTICLE = '---\ntitle: "{title}"\ndate: 2025-02-08T09:55:35+08:00\nsummary: "{summary}"\n---\n\nThe budget passed on Tuesday.\n\n[Wire](https://wire.example.com/{n})\n'


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for n in range(3):
        summary = (
            "Short."
            if n == 1
            else "The budget passed on Tuesday after a week of talks in the council."
        )
        (tmp_path / f"a{n}.md").write_text(
            ARTICLE.format(title="Budget passes", summary=summary, n=n), encoding="utf-8"
        )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    return code, capsys.readouterr().out


def test_concise_streams_in_file_order_then_cross_file(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(
        [
            "check",
            ".",
            "--isolated",
            "--no-cache",
            "--output-format",
            "concise",
            "--select",
            "TX002,XF002",
        ],
        capsys,
    )
    assert out.splitlines() == [
        "a1.md:4:10: TX002 [summary-length] summary is 6 characters long, fewer than 40",
        "a1.md:2:8: XF002 [duplicate-title] title 'Budget passes' is also used by a0.md (and 1 more)",
        "a2.md:2:8: XF002 [duplicate-title] title 'Budget passes' is also used by a0.md (and 1 more)",
    ]
    assert code == 0  # infos only, below the default fail-on


def test_streamed_lines_equal_the_json_report(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code_lines, lines = run(
        [
            "check",
            ".",
            "--isolated",
            "--no-cache",
            "--output-format",
            "json-lines",
            "--fail-on",
            "info",
        ],
        capsys,
    )
    code_json, whole = run(
        ["check", ".", "--isolated", "--no-cache", "--output-format", "json", "--fail-on", "info"],
        capsys,
    )
    streamed = [json.loads(line) for line in lines.splitlines()]
    key = lambda d: (d["path"], d["line"], d["column"], d["code"])  # noqa: E731
    assert sorted(streamed, key=key) == sorted(json.loads(whole), key=key)
    assert code_lines == code_json == 1


@pytest.mark.parametrize("fmt", ["concise", "full"])
def test_quiet_counts_results_as_they_arrive(
    fmt: str, site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--quiet` in a text format prints the summary line alone, counted as results arrive (no
    run's worth of diagnostics is kept): a file with a problem of its own and a cross-file one
    (a1.md) counts once."""

    def kept(*_: object) -> None:
        raise AssertionError("--quiet kept every diagnostic")

    monkeypatch.setattr("newslint.cli.lint_diagnostics", kept)
    args = ["check", ".", "--isolated", "--no-cache", "--select", "TX002,XF002,FM004"]
    code, out = run([*args, "--output-format", fmt, "-q"], capsys)
    assert (code, out) == (0, "Found 3 problems (3 infos) in 2 of 3 files.\n")
    article = ARTICLE.format(title="Budget passes", summary="", n=0)
    (site / "a0.md").write_text(article.replace('summary: ""\n', ""), encoding="utf-8")
    code, out = run([*args, "--output-format", fmt, "-q"], capsys)
    assert (code, out) == (1, "Found 4 problems (1 error, 3 infos) in 3 of 3 files.\n")
