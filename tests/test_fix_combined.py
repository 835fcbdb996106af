"""How fixes combine: hostile articles with several defects stacked in one file, one line, one value.

The generator is `tests/hostile_articles.py`, the properties are `tests/fixprops.py` (the fixed file
re-parses; fixing it again changes nothing and leaves no applicable fix; bytes outside the applied
fixes are kept; a fixed problem does not come back at the same place; no new error). Every rule is
selected, with the Mainroad preset. The default run is a few dozen examples; `pytest -m fuzz_long`
runs fresh batches for `NEWSLINT_FUZZ_SECONDS` (default 600).

Below the properties: the minimal regression test of each bug a fuzz run found.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newslint.cli import main
from newslint.fixer import unified_diff
from newslint.fixloop import merge_spans
from newslint.spans import Span
from tests.fixprops import PATHS, fix, lint, problems
from tests.hostile_articles import hostile_articles

SHORT = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PATCH = shutil.which("patch")
needs_patch = pytest.mark.skipif(PATCH is None, reason="needs the patch program")
# The site `fixprops` uses, as a Hugo config the CLI finds.
HUGO_TOML = 'theme = "mainroad"\ntimeZone = "Asia/Shanghai"\n'


def at(raw: bytes) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in lint(raw)]


# --------------------------------------------------------------------------------- properties


paths = st.sampled_from(PATHS)


@SHORT
@given(hostile_articles(), st.booleans(), paths)
# Mojibake's repair makes the line before an autolink end in a letter (`Ã©` -> `é`): the link
# goes on with that sentence and is no source line, which the damage hid (source-link-missing).
@example(
    b"---\n---\nbudgetbudget\xc3\x83\xc2\xa9\nbudgetbudget\xc3\x83\xc2\xa9\n"
    b"<http://example.com/a>\n",
    False,
    "content/en/news/article.en.md",
)
# A menu named by a control character alone made the page a menu page; control-char's fix left
# `menu: ""`, empty-field removed it, and the page became an article asked for a date, a summary
# and a source (required-field, source-link-missing): such a name is no menu.
@example(
    b'---\nlead: ""\nmenu: "\\u001b"\ntitle: "budget"\ntitle: ""\n---\n',
    False,
    "content/en/news/article.en.md",
)
def test_fixing_stacked_defects_keeps_every_property(raw: bytes, unsafe: bool, path: str) -> None:
    assert problems(raw, unsafe=unsafe, path=path) == []


def cli_fix(site: Path, raw: bytes, *, unsafe: bool, diff: bool) -> tuple[bytes, str]:
    """`newslint fix [--diff]` on `site/a.md` holding `raw`: (the file afterwards, stdout)."""
    (site / "a.md").write_bytes(raw)
    argv = ["fix", "--isolated", "--no-cache", "--select", "ALL", "a.md"]
    out = io.StringIO()
    quiet = contextlib.redirect_stderr(io.StringIO())
    with contextlib.chdir(site), contextlib.redirect_stdout(out), quiet:
        main(argv + ["--unsafe-fixes"] * unsafe + ["--diff"] * diff)
    return (site / "a.md").read_bytes(), out.getvalue()


def run_patch(folder: Path, diff: str) -> subprocess.CompletedProcess[bytes]:
    """`patch -p1` applying `diff` in `folder`."""
    assert PATCH is not None
    return subprocess.run(
        [PATCH, "-p1", "--batch", "--quiet", "--no-backup-if-mismatch"],
        input=diff.encode("utf-8", "surrogateescape"),
        cwd=folder,
        capture_output=True,
        check=False,
    )


def patched(site: Path, diff: str) -> bytes:
    """`site/a.md` after `patch -p1` applied `diff` in `site`."""
    done = run_patch(site, diff)
    assert done.returncode == 0, done.stdout + done.stderr
    return (site / "a.md").read_bytes()


def diff_applies(raw: bytes, *, unsafe: bool) -> None:
    with tempfile.TemporaryDirectory() as name:
        site = Path(name)
        (site / "hugo.toml").write_text(HUGO_TOML, encoding="utf-8")
        written, _ = cli_fix(site, raw, unsafe=unsafe, diff=False)
        unchanged, diff = cli_fix(site, raw, unsafe=unsafe, diff=True)
        assert unchanged == raw, "fix --diff wrote the file"
        if written == raw:
            assert diff == ""
        else:
            assert patched(site, diff) == written


@needs_patch
@settings(SHORT, max_examples=8)
@given(hostile_articles(), st.booleans())
def test_the_diff_patched_onto_the_file_gives_what_fix_writes(raw: bytes, unsafe: bool) -> None:
    diff_applies(raw, unsafe=unsafe)


@needs_patch
@pytest.mark.skipif(os.name != "posix", reason="file names are bytes on POSIX only")
def test_the_diff_names_a_file_whose_name_is_not_utf8_by_its_bytes(tmp_path: Path) -> None:
    # A Latin-1 name (`caf\xe9.md`, copied from an old archive): the headers must hold the byte
    # itself, not U+FFFD, or `patch` finds no file to patch.
    name = os.fsdecode(b"caf\xe9.md")
    (tmp_path / name).write_bytes(b"---\ntitle: x\n---\n\nText.   \n")
    command = [sys.executable, "-m", "newslint", "fix", "--diff", "--isolated", "--no-cache"]
    done = subprocess.run(
        [*command, "--select", "BD002", "."], cwd=tmp_path, capture_output=True, check=False
    )
    assert done.stdout.splitlines()[:2] == [b"--- a/caf\xe9.md", b"+++ b/caf\xe9.md"]
    assert PATCH is not None
    applied = subprocess.run(
        [PATCH, "-p1", "--batch", "--quiet", "--no-backup-if-mismatch"],
        input=done.stdout,
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    assert applied.returncode == 0, applied.stdout + applied.stderr
    assert (tmp_path / name).read_bytes() == b"---\ntitle: x\n---\n\nText.\n"


@pytest.mark.fuzz_long
def test_long_fuzz_of_stacked_defects() -> None:
    """Fresh random batches until `NEWSLINT_FUZZ_SECONDS` (default 600) are spent; one batch in
    ten also checks the diff with `patch`."""
    budget = float(os.environ.get("NEWSLINT_FUZZ_SECONDS", "600"))
    end = time.monotonic() + budget
    batch = settings(
        max_examples=200, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    rounds = 0
    while time.monotonic() < end:
        batch(given(hostile_articles(), st.booleans(), paths)(check_all))()
        if PATCH is not None and rounds % 10 == 0:
            batch(given(hostile_articles(), st.booleans())(diff_applies_kw))()
        rounds += 1


def check_all(raw: bytes, unsafe: bool, path: str) -> None:
    assert problems(raw, unsafe=unsafe, path=path) == []


def diff_applies_kw(raw: bytes, unsafe: bool) -> None:
    diff_applies(raw, unsafe=unsafe)


# ----------------------------------------------------------------------- regression: joint repair


def test_an_insertion_that_a_later_pass_rewrote_is_inside_the_changed_span() -> None:
    # Found by the long fuzz run: sentence-spacing inserts a space in the summary (pass 1), then
    # summary-truncated rewrites the whole summary (pass 2). The insertion point lies inside the
    # rewritten span, so the changed spans are that span and the body's insertion, in order.
    # (The body opens with a capital: a paragraph opening in lower case is no lead.)
    raw = (
        b'---\nsummary: "budget budget.The budgetbudgetbudget..."\n---\n'
        b"Budgetbudget\nbudgetbudget\nbudgetbudget\nbudgetbudget.The\n"
    )
    assert problems(raw, unsafe=True, path=PATHS[0]) == []
    fixed, outcome = fix(raw, unsafe=True)
    assert fixed == (
        b'---\nsummary: "Budgetbudget budgetbudget budgetbudget budgetbudget."\n---\n'
        b"Budgetbudget\nbudgetbudget\nbudgetbudget\nbudgetbudget. The\n"
    )
    assert outcome.original_spans == [Span(13, 54), Span(111, 111)]
    assert merge_spans([Span(28, 28), Span(13, 54), Span(54, 54), Span(13, 13)]) == [
        Span(13, 13),
        Span(13, 54),
        Span(54, 54),
    ]


def test_two_fixes_that_repair_the_front_matter_only_together_are_applied() -> None:
    # Two U+0092 (Windows-1252's ’ read as Latin-1): YAML refuses each, so repairing one alone does
    # not make the front matter parse, and each fix used to be held back for ever.
    raw = '---\ntitle: "It\x92s\x92"\ndate: 2025-02-08T09:55:35+08:00\n---\n'.encode()
    assert at(raw)[:3] == [("EN001", 2, 11), ("FM002", 2, 11), ("EN001", 2, 13)]
    fixed, outcome = fix(raw, unsafe=False)
    assert fixed == '---\ntitle: "It’s’"\ndate: 2025-02-08T09:55:35+08:00\n---\n'.encode()
    assert [code for code, _ in outcome.applied] == ["EN001", "EN001"]


def test_fixes_that_do_not_repair_the_front_matter_even_together_stay_out() -> None:
    # Two control characters and an unclosed list: removing both still leaves a syntax error.
    raw = b'---\ntitle: "a\x07b\x07"\ntags: [x\n---\n\nBody.\n'
    fixed, outcome = fix(raw, unsafe=False)
    assert fixed == raw
    assert outcome.applied == []


# ------------------------------------------------------------ regression: fixes that clash


SOURCE = "\n[src](https://example.com/a)\n"
PROSE = "\nThe budget passed on Tuesday. Talks went on for a week.\n" + SOURCE


@pytest.mark.parametrize(
    ("head", "rename_at"),
    [
        (
            '---\ntitle: "Budget"\ndate: 2025-02-08T09:55:35+08:00\nsumary: "The budget passed."\n---\n',
            1,
        ),
        (
            '+++\ntitle = "Budget"\ndate = 2025-02-08T09:55:35+08:00\nsumary = "The budget passed."\n+++\n',
            1,
        ),
        (
            '{\n  "title": "Budget",\n  "date": "2025-02-08T09:55:35+08:00",\n  "sumary": "The budget passed."\n}\n',
            3,
        ),
    ],
    ids=["yaml", "toml", "json"],
)
def test_rename_and_insert_of_the_same_key_do_not_both_apply(head: str, rename_at: int) -> None:
    # FM007 renames `sumary` to `summary` and FM004 inserts the missing `summary`: the edits do
    # not overlap, so both used to apply in one pass and write the key twice (FM003: Hugo refuses
    # the file; TOML does not even parse). The insert now waits for the next pass, which finds
    # the summary there.
    raw = (head + PROSE).encode()
    assert [(c, line, col) for c, line, col in at(raw) if c.startswith("FM")] == [
        ("FM004", 1, 1),
        ("FM007", 4, rename_at),
    ]
    fixed, outcome = fix(raw, unsafe=True)
    assert fixed == (head.replace("sumary", "summary") + PROSE).encode()
    assert [code for code, _ in outcome.applied] == ["FM007"]
    assert outcome.dropped_fixes == []


def test_a_fix_rejected_on_one_text_is_tried_again_on_the_next() -> None:
    # EN003's removal of the LRM in `sum\u200eary` would duplicate `sumary`, and FM007's two
    # renames would both write `summary`: all rejected. A rejection used to be keyed by the fix
    # alone and hold for the rest of the run: after the CRLF pass shifted the offsets, FM007's
    # renames came back as new fixes and one of them applied, EN003's fix (valid once `sumary`
    # was renamed) stayed rejected, and a second run removed the LRM: not idempotent. A fix is
    # now rejected for the text it was offered on.
    raw = "---\r\ndate: >-\r\n  2025-02-08 09:55:35\r\nsum\u200eary: a\r\nsumary: b\r\n---\r\n".encode()
    fixed, outcome = fix(raw, unsafe=True)
    expected = '---\ndate: "2025-02-08T09:55:35+08:00"\nsum\u200eary: a\nsumary: b\n---\n'.encode()
    assert fixed == expected
    assert [(f.code, f.pass_number) for f in outcome.fixes] == [("EN007", 1), ("DT001", 2)]
    assert [(d.code, d.reason) for d in outcome.dropped_fixes] == [
        ("EN003", "made the key 'sumary' appear twice"),
        ("FM007", "made the key 'summary' appear twice"),
    ]
    again, second = fix(fixed, unsafe=True)
    assert (again, second.applied) == (fixed, [])


def test_an_empty_misspelt_key_is_not_renamed_into_an_empty_date() -> None:
    # EN001 repaired the key `dÃ©ate` to `déate`, then FM007 renamed it to `date`: the missing
    # date (FM004) became `date: ""`, a new DT002 error (Hugo dates the page to year 1).
    raw = '---\ntitle: "Budget"\ndÃ©ate: ""\n---\n'.encode()
    fixed, outcome = fix(raw, unsafe=True)
    assert fixed == '---\ntitle: "Budget"\ndéate: ""\n---\n'.encode()
    assert [code for code, _ in outcome.applied] == ["EN001"]
    assert [(d.code, d.line, d.column, d.fix) for d in outcome.result.diagnostics][:3] == [
        ("FM004", 1, 1, None),
        ("FM004", 1, 1, None),
        ("LK001", 1, 1, None),
    ]
    assert ("FM007", 3, 1, None) in [
        (d.code, d.line, d.column, d.fix) for d in outcome.result.diagnostics
    ]


def test_summary_is_rewritten_from_the_body_only_once_the_body_is_repaired() -> None:
    # TX001 copied the opening sentences with their BEL and mojibake into the quoted summary
    # (`The\u0007 budget ... today\u00e2\u20ac\u009d`) in the pass that repaired the body: behind
    # the escapes, EN004 and EN001 saw nothing, and the damage stayed. Now the rewrite waits.
    head = '---\ntitle: "Budget"\ndate: 2025-02-08T09:55:35+08:00\nsummary: "The budget would..."\n---\n'
    raw = (
        head + "\nThe\x07 budget passed “today\u00e2\u20ac\x9d. Talks went on.\n" + SOURCE
    ).encode()
    assert [d for d in at(raw) if d[0] in ("TX001", "EN004", "EN001")] == [
        ("TX001", 4, 10),
        ("EN004", 7, 4),
        ("EN001", 7, 26),
    ]
    fixed, outcome = fix(raw, unsafe=True)
    lead = "The budget passed “today”. Talks went on."
    assert fixed == (head.replace("The budget would...", lead) + f"\n{lead}\n" + SOURCE).encode()
    assert [(f.code, f.pass_number) for f in outcome.fixes] == [
        ("EN004", 1),
        ("EN001", 1),
        ("TX001", 2),
    ]


# ---------------------------------------------------------------------- regression: fix --diff


@needs_patch
@pytest.mark.parametrize(
    ("raw", "fixed"),
    [
        # U+0085 (NEL) inside a title: `str.splitlines` broke the diff's line there and marked the
        # piece "No newline at end of file", which `patch` refused as a malformed patch.
        ('---\ntitle: "a\x85  b"\n---\nx\n'.encode(), '---\ntitle: "a… b"\n---\nx\n'.encode()),
        # CR line endings: `patch` sees one line; the diff showed five, each with an LF added.
        (b"---\rtitle: a\r---\rx\r", b"---\ntitle: a\n---\nx\n"),
    ],
    ids=["nel", "cr"],
)
def test_diff_applies_with_lines_only_lf_ends(tmp_path: Path, raw: bytes, fixed: bytes) -> None:
    (tmp_path / "hugo.toml").write_text(HUGO_TOML, encoding="utf-8")
    written, _ = cli_fix(tmp_path, raw, unsafe=False, diff=False)
    assert written == fixed
    _, diff = cli_fix(tmp_path, raw, unsafe=False, diff=True)
    assert patched(tmp_path, diff) == fixed


def test_diff_lines_end_only_at_lf() -> None:
    before = '---\ntitle: "a\x85  b"\n---\n'.encode()
    after = '---\ntitle: "a… b"\n---\n'.encode()
    assert unified_diff("a.md", before, after) == (
        '--- a/a.md\n+++ b/a.md\n@@ -1,3 +1,3 @@\n ---\n-title: "a\x85  b"\n+title: "a… b"\n ---\n'
    )
    assert unified_diff("a.md", b"a\rb\r", b"a\nb\n") == (
        "--- a/a.md\n+++ b/a.md\n@@ -1 +1,2 @@\n-a\rb\r\n\\ No newline at end of file\n+a\n+b\n"
    )


def test_a_name_with_a_space_ends_with_a_tab_in_the_diff_header() -> None:
    """GNU patch ends a header's file name at white space unless a tab ends it (git writes the tab
    after a name with a space for that reason): `patch -p1` asked 'File to patch:' and skipped
    the fixes of `content/posts/my file.md`."""
    assert unified_diff("my file.md", b"a  \n", b"a\n") == (
        "--- a/my file.md\t\n+++ b/my file.md\t\n@@ -1 +1 @@\n-a  \n+a\n"
    )
    assert unified_diff("a.md", b"a  \n", b"a\n").startswith("--- a/a.md\n+++ b/a.md\n")


@needs_patch
def test_a_diff_of_a_name_with_a_space_applies(tmp_path: Path) -> None:
    (tmp_path / "my file.md").write_bytes(b"Text  \n\n")
    diff = unified_diff("my file.md", b"Text  \n\n", b"Text\n")
    done = run_patch(tmp_path, diff)
    assert (done.returncode, (tmp_path / "my file.md").read_bytes()) == (0, b"Text\n")


@pytest.mark.parametrize(
    ("name", "header"),
    [
        ("new\nline.md", '"a/new\\nline.md"'),
        ("tab\tx.md", '"a/tab\\tx.md"'),
        ('say "x".md', '"a/say \\"x\\".md"'),
        ("back\\slash.md", '"a/back\\\\slash.md"'),
        ("bell\x07.md", '"a/bell\\a.md"'),
        ("esc\x1b.md", '"a/esc\\033.md"'),
    ],
)
def test_a_name_with_a_control_character_or_quote_is_quoted_in_the_diff_header(
    name: str, header: str
) -> None:
    """A line break in a name split the `---` header in two and a tab ended the name there, so
    `patch -p1` asked 'File to patch:' and `git apply` stopped at 'patch fragment without header':
    such a name is written in double quotes with C escapes, as git writes it."""
    diff = unified_diff(name, b"a  \n", b"a\n")
    assert diff.splitlines()[0] == "--- " + header
    assert diff.splitlines()[1] == "+++ " + header.replace('"a/', '"b/', 1)


@needs_patch
@pytest.mark.parametrize("name", ["new\nline.md", "tab\tx.md", 'say "x".md', "back\\slash.md"])
def test_a_diff_of_a_name_with_a_control_character_or_quote_applies(
    tmp_path: Path, name: str
) -> None:
    (tmp_path / name).write_bytes(b"Text  \n\n")
    diff = unified_diff(name, b"Text  \n\n", b"Text\n")
    done = run_patch(tmp_path, diff)
    assert (done.returncode, (tmp_path / name).read_bytes()) == (0, b"Text\n")
