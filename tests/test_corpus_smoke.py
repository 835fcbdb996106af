"""newslint reads every real corpus file without an internal error or a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.cli import main


@pytest.mark.parametrize("folder", ["other", "bulwark", "seed"])
def test_corpus_has_no_internal_error(
    corpus: Path, folder: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(corpus / folder)
    code = main(["check", ".", "--output-format", "json", "--isolated", "--no-cache"])
    out = capsys.readouterr()
    diagnostics = json.loads(out.out)
    assert "Traceback" not in out.err
    assert [d for d in diagnostics if d["rule"] == "internal-error"] == []
    assert code in (0, 1)
    files = {d["path"] for d in diagnostics}
    assert all(not p.startswith("/") for p in files)
