"""Real-corpus regression: per-rule counts over ../shared/corpus against a committed snapshot.

Any change in behaviour on real content shows up in review as a change of
`tests/snapshots/corpus-counts.json`. To accept a change, update the snapshot with one command:

    NEWSLINT_UPDATE_SNAPSHOT=1 python -m pytest tests/test_corpus_snapshot.py
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest

from newslint.cli import main

SNAPSHOT = Path(__file__).resolve().parent / "snapshots" / "corpus-counts.json"
FOLDERS = ("bulwark", "other", "seed")


def counts(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> dict[str, dict[str, int]]:
    result: dict[str, dict[str, int]] = {}
    for folder in FOLDERS:
        monkeypatch.chdir(corpus / folder)
        main(
            [
                "check",
                ".",
                "--select",
                "ALL",
                "--output-format",
                "json",
                "--isolated",
                "--no-cache",
                "--jobs",
                "1",
            ]
        )
        diagnostics = json.loads(capsys.readouterr().out)
        by_rule = Counter(f"{d['code']} {d['rule']}" for d in diagnostics)
        result[folder] = dict(sorted(by_rule.items()))
    return result


def test_corpus_counts_match_the_snapshot(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    current = counts(corpus, monkeypatch, capsys)
    if os.environ.get("NEWSLINT_UPDATE_SNAPSHOT"):
        SNAPSHOT.write_text(
            json.dumps(current, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert current == expected, (
        "behaviour on the real corpus changed; review, then update the snapshot (see the docstring)"
    )
