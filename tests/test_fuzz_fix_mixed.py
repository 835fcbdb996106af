"""`fix --unsafe-fixes` over articles that mix every rule's trigger with every Markdown and
front-matter form (`tests/mixed_articles.py`).

Properties, in the engine (`tests/fixprops.py`): the fixed file re-parses in the same front-matter
format; fixing it again changes nothing and leaves no applicable fix; bytes outside the applied
fixes are kept; a fixed problem does not come back; no new error. Through the command line: no
traceback, `fix` exits 0 or 1, and `check` afterwards offers no safe fix.

The default run is a few examples; `pytest -m fuzz_long` runs fresh batches for
`NEWSLINT_FUZZ_SECONDS` (default 600).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newslint.cli import main
from tests.fixprops import PATHS, document, problems
from tests.mixed_articles import mixed_articles

SHORT = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# The site `fixprops` uses, as a Hugo config the command line finds.
HUGO_TOML = 'theme = "mainroad"\ntimeZone = "Asia/Shanghai"\n'
paths = st.sampled_from(PATHS)


def engine_properties(raw: bytes, path: str) -> None:
    assert problems(raw, unsafe=True, path=path) == []


def run(site: Path, argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(site), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def held_lines(raw: bytes, path: str) -> int:
    """The lines a fix leaves alone: up to the end of front matter that does not parse."""
    doc = document(raw, path)
    if not doc.front_matter_errors:
        return 0
    block = doc.front_matter_block
    return doc.position(block.end).line if block is not None else 1 << 30


def cli_properties(raw: bytes, path: str) -> None:
    with tempfile.TemporaryDirectory() as name:
        site = Path(name)
        (site / "hugo.toml").write_text(HUGO_TOML, encoding="utf-8")
        article = site / path
        article.parent.mkdir(parents=True)
        article.write_bytes(raw)
        common = ["--isolated", "--no-cache", "--select", "ALL", path]
        code, _, err = run(site, ["fix", "--unsafe-fixes", *common])
        assert code in (0, 1), err
        assert "Traceback" not in err, err
        # The fixes the loop held back, and said so ("fixes of EN003 (invisible-char) were not
        # applied: they made the front matter stop parsing").
        held_back = set(re.findall(r"fixes of (\w+) \(", err))
        fixed = article.read_bytes()
        code, out, err = run(site, ["fix", "--unsafe-fixes", *common])
        assert (code, article.read_bytes()) == (code, fixed), "a second fix changed the file"
        code, out, err = run(site, ["check", "--output-format", "json", *common])
        assert code in (0, 1), err
        assert "Traceback" not in err, err
        # Front matter that does not parse is never rewritten, nor anything before it.
        held = held_lines(fixed, path)
        left = [
            (d["code"], d["line"], d["column"])
            for d in json.loads(out)
            if d["fix"] is not None
            and d["fix"]["applicability"] == "safe"
            and min(e["line"] for e in d["fix"]["edits"]) > held
            and d["code"] not in held_back
        ]
        assert left == [], left


@SHORT
@given(mixed_articles(), paths)
def test_fixing_mixed_articles_keeps_every_property(raw: bytes, path: str) -> None:
    engine_properties(raw, path)


@settings(SHORT, max_examples=5)
@given(mixed_articles(), paths)
# Removing the zero-width space before `---` would make front matter that does not parse (the
# `\xe9` after `tags:`) out of text: the loop holds that fix back and says so.
@example(
    b'\xe2\x80\x8b---\ntitle: "budget"\ntags:\xe9 [a]\n---\n',
    "content/en/news/article.en.md",
)
def test_fix_of_mixed_articles_on_the_command_line(raw: bytes, path: str) -> None:
    cli_properties(raw, path)


@pytest.mark.fuzz_long
def test_long_fuzz_of_mixed_articles() -> None:
    """Fresh random batches until `NEWSLINT_FUZZ_SECONDS` (default 600) are spent; one batch in
    five goes through the command line."""
    budget = float(os.environ.get("NEWSLINT_FUZZ_SECONDS", "600"))
    end = time.monotonic() + budget
    batch = settings(
        max_examples=200, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    rounds = 0
    while time.monotonic() < end:
        batch(given(mixed_articles(), paths)(engine_properties))()
        if rounds % 5 == 0:
            settings(batch, max_examples=40)(given(mixed_articles(), paths)(cli_properties))()
        rounds += 1
