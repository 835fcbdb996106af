"""`newslint fix` of every fixable rule's case (`tests/test_peer_fix_e.CASES`) again with CR LF line
endings, a UTF-8 byte order mark, and CR LF on some lines and LF on others: a fix never changes
a line ending or the mark it was not asked to change, and a line it inserts takes the file's
ending. Each variant is checked against the case's own LF result, byte for byte."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from tests.test_peer_fix_e import CASES, SAME, FixCase, Newslint, _bytes, make_site, write

BOM = b"\xef\xbb\xbf"
# Cases about line endings or the mark themselves: their LF result says nothing of the variants.
PLAIN = [c for c in CASES if b"\r" not in _bytes(c.before) and not _bytes(c.before).startswith(BOM)]


def _fixed_lf(c: FixCase) -> bytes:
    """What `fix --unsafe-fixes` writes for the case as it is (LF endings)."""
    before = _bytes(c.before)
    safe = before if c.safe is None else _bytes(c.safe)
    return safe if c.unsafe is SAME else before if c.unsafe is None else _bytes(c.unsafe)  # type: ignore[arg-type]


def _fix(c: FixCase, root: Path, capsys: pytest.CaptureFixture[str], before: bytes) -> bytes:
    site = make_site(root, c.hugo)
    path = site / c.name
    write(path, before)
    Newslint(site, capsys)(
        "fix", "--no-cache", "--unsafe-fixes", "--select", c.select, *c.args, c.name
    )
    return path.read_bytes()


@pytest.mark.parametrize("c", PLAIN, ids=lambda c: c.id)
def test_crlf_and_a_bom_are_kept_by_every_fix(
    c: FixCase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _bytes(c.before)
    expected = _fixed_lf(c)
    crlf = _fix(c, tmp_path / "crlf", capsys, before.replace(b"\n", b"\r\n"))
    assert crlf == expected.replace(b"\n", b"\r\n")
    bom = _fix(c, tmp_path / "bom", capsys, BOM + before)
    assert bom == BOM + expected


@pytest.mark.parametrize("c", PLAIN, ids=lambda c: c.id)
def test_mixed_endings_are_kept_line_by_line(
    c: FixCase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """CR LF on every other line: the fixed text is the LF result, and each line the fix left
    alone keeps the ending it had."""
    lines = _bytes(c.before).split(b"\n")
    endings = [b"\r\n" if i % 2 else b"\n" for i in range(len(lines) - 1)] + [b""]
    mixed = b"".join(line + end for line, end in zip(lines, endings, strict=True))
    after = _fix(c, tmp_path, capsys, mixed)
    assert after.replace(b"\r\n", b"\n") == _fixed_lf(c)
    after_lines = after.split(b"\n")
    fixed_lines = _fixed_lf(c).split(b"\n")
    matcher = difflib.SequenceMatcher(None, lines, fixed_lines, autojunk=False)
    for old, new, size in matcher.get_matching_blocks():
        for k in range(size - 1):  # the block's last line may end where an edit begins
            crlf = after_lines[new + k].endswith(b"\r")
            assert crlf == (endings[old + k] == b"\r\n"), (old + k, after_lines[new + k])
