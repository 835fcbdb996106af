"""`newslint fix` over copies of the real corpora changes only what the applied fixes describe.

Each file is fixed through the writer `newslint fix` uses (`fix_file`), on a copy in a temporary
directory. Then, per file: every line the diff of (original, written file) shows as changed lies in
the spans of the fixes applied to it (traced back to the original), the bytes between those spans
are the original bytes in order, the file on disk is exactly the fixed text, and fixing it again
changes nothing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newslint.config import Config
from newslint.discover import discover
from newslint.document import encode
from newslint.engine import RuleSet, build_ruleset
from newslint.fixer import FileFix, fix_file
from newslint.spans import Span
from tests.conftest import CORPUS
from tests.fixcheck import gaps_kept, unexplained_changes


def ruleset() -> RuleSet:
    # The built-in rules with their default selection and no configuration file (`--isolated`).
    return build_ruleset(Config())


@pytest.fixture(scope="module", params=["bulwark", "other"])
def fixed(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, list[FileFix]]:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    copy = tmp_path_factory.mktemp("corpus") / request.param
    shutil.copytree(CORPUS / request.param, copy)
    rules = ruleset()
    files, missing = discover([copy])  # what `newslint fix DIR` would fix (.md, .markdown)
    assert not missing
    return copy, [fix_file(path, rules) for path in files]


def spans(record: FileFix) -> list[Span]:
    assert record.outcome is not None
    return record.outcome.original_spans


def test_changed_lines_are_the_lines_of_the_applied_fixes(
    fixed: tuple[Path, list[FileFix]],
) -> None:
    _, records = fixed
    assert sum(r.fix_count for r in records) > 0  # the corpus has things to fix
    problems = {
        r.shown: unexplained_changes(r.before, r.after, spans(r)) for r in records if r.changed
    }
    assert {path: found for path, found in problems.items() if found} == {}


def test_bytes_outside_the_fixes_are_kept(fixed: tuple[Path, list[FileFix]]) -> None:
    _, records = fixed
    changed = [r for r in records if r.changed]
    assert [r.shown for r in changed if not gaps_kept(r.before, r.after, spans(r))] == []


def test_written_files_are_the_fixed_text(fixed: tuple[Path, list[FileFix]]) -> None:
    copy, records = fixed
    for record in records:
        assert record.note is None, f"{record.shown}: {record.note}"
        on_disk = record.path.read_bytes()
        original = (CORPUS / copy.name / record.path.relative_to(copy)).read_bytes()
        assert original == record.before
        if record.changed:
            assert record.outcome is not None and record.written
            assert on_disk == encode(record.outcome.text) == record.after
        else:
            assert on_disk == original


def test_every_fix_converges_without_crashing(fixed: tuple[Path, list[FileFix]]) -> None:
    _, records = fixed
    dropped = {
        r.shown: [(d.code, d.reason) for d in r.outcome.dropped_fixes]
        for r in records
        if r.outcome is not None and r.outcome.dropped_fixes
    }
    assert dropped == {}
    crashes = [d for r in records for d in r.remaining if d.rule == "internal-error"]
    assert crashes == []


def test_fixing_again_changes_nothing(fixed: tuple[Path, list[FileFix]]) -> None:
    _, records = fixed
    rules = ruleset()
    again = [fix_file(r.path, rules, write=False) for r in records if r.changed]
    assert [r.shown for r in again if r.changed] == []
