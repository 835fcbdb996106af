"""`newslint fix`: the fix loop (passes, overlaps, dropped fixes, verification) and the writer.

The loop must be right for any rule, so these tests drive it with the test-only rules in
`tests/fix_rules/` (engine tests import them; CLI tests load the folder with `--rules-dir`).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from newslint import Edit, Fix, Rule
from newslint.cli import main
from newslint.config import parse_config
from newslint.document import Document, encode
from newslint.engine import FixOutcome, build_ruleset, fix_document
from newslint.events import Field, Line
from newslint.registry import Registry
from newslint.rule import Context
from newslint.site import Site
from newslint.spans import Span
from tests.fix_rules.fix_rules import (
    AddNote,
    BreakTitle,
    DropInvisibleAtStart,
    Exclaim,
    MarkTypo,
    PingPong,
    ShoutUnsafe,
    TitleSpaces,
    Typo,
)

RULES_DIR = str(Path(__file__).parent / "fix_rules")


def fix(raw: bytes, *rules: type[Rule], unsafe: bool = False) -> tuple[bytes, FixOutcome]:
    ruleset = build_ruleset(parse_config({}), registry=Registry(list(rules)))
    doc = Document.from_bytes(raw, "article.md", Site())
    outcome = fix_document(doc, ruleset, unsafe=unsafe)
    return encode(outcome.text), outcome


def dropped(outcome: FixOutcome) -> list[tuple[str, str]]:
    return [(d.code, d.reason) for d in outcome.dropped_fixes]


# ------------------------------------------------------------------------------- the loop


def test_non_overlapping_fixes_apply_together_in_one_pass() -> None:
    raw = b'---\ntitle: "  Hi "\n---\n\nteh cat and teh dog\n'
    fixed, outcome = fix(raw, Typo, TitleSpaces)
    assert fixed == b'---\ntitle: "Hi"\n---\n\nthe cat and the dog\n'
    assert outcome.passes == 1
    assert outcome.applied == [
        ("ZZ002", "Strip the title"),
        ("ZZ001", "Write 'the'"),
        ("ZZ001", "Write 'the'"),
    ]
    assert [f.original_spans for f in outcome.fixes] == [
        (Span(11, 18),),
        (Span(24, 27),),
        (Span(36, 39),),
    ]
    assert outcome.dropped == []


def test_overlapping_fix_waits_for_the_next_pass() -> None:
    raw = b"---\ntitle: x\n---\na teh b\n"
    fixed, outcome = fix(raw, MarkTypo, Typo)
    assert fixed == b"---\ntitle: x\n---\na the b [sic]\n"
    assert outcome.passes == 2
    assert [(f.code, f.pass_number) for f in outcome.fixes] == [("ZZ010", 1), ("ZZ001", 2)]
    # Pass 2's edit (offsets in pass 1's output) traces back to the line it came from.
    assert outcome.fixes[1].edits == (Edit(19, 22, "the"),)
    assert outcome.original_spans == [Span(17, 24)]


def test_fixes_that_undo_each_other_are_dropped_and_named() -> None:
    raw = b"---\ntitle: x\n---\nping teh\n"
    fixed, outcome = fix(raw, PingPong, Typo)
    assert fixed == b"---\ntitle: x\n---\nping the\n"
    assert dropped(outcome) == [("ZZ003", "undid each other's fixes (the fixes cycle)")]
    assert outcome.dropped == ["ping-pong"]
    # Its diagnostic still shows: the problem was not fixed.
    assert [d.code for d in outcome.result.diagnostics] == ["ZZ003"]


def test_fix_that_never_settles_is_dropped_after_ten_passes() -> None:
    raw = b"---\ntitle: x\n---\nwow!\nteh\n"
    fixed, outcome = fix(raw, Exclaim, Typo)
    # Started again from the original without the rule: no half-applied "!!!!!".
    assert fixed == b"---\ntitle: x\n---\nwow!\nthe\n"
    assert dropped(outcome) == [("ZZ004", "kept changing the text after 10 passes")]


def test_fix_that_breaks_the_front_matter_is_dropped_and_the_rest_applied() -> None:
    raw = b"---\ntitle: broken-me\nx: 1\n---\nteh\n"
    fixed, outcome = fix(raw, BreakTitle, Typo)
    assert fixed == b"---\ntitle: broken-me\nx: 1\n---\nthe\n"
    assert dropped(outcome) == [("ZZ005", "made the front matter stop parsing")]


class HelloTitle(Rule):
    """Rewrites the word "Hi" inside the title's quotes (leaves the rest of the entry alone)."""

    code = "ZZ101"
    name = "hello-title"
    messages = {"hi": "hi"}

    def on_field(self, ctx: Context, field: Field) -> None:
        if field.key == "title":
            at = ctx.document.text.find("Hi", field.value_span.start, field.value_span.end)
            if at >= 0:
                edit = Edit(at, at + 2, "Hello")
                ctx.report(Span(at, at + 2), "hi", fix=Fix.safe("Say hello", edit))


def test_fix_that_changes_a_key_it_did_not_edit_is_dropped() -> None:
    # `alias` shares the title's node: editing the title would silently change it too.
    raw = b'---\ntitle: &t "Hi"\nalias: *t\n---\nteh\n'
    fixed, outcome = fix(raw, HelloTitle, Typo)
    assert fixed == b'---\ntitle: &t "Hi"\nalias: *t\n---\nthe\n'
    assert dropped(outcome) == [("ZZ101", "changed the value of 'alias' without editing it")]
    fixed, outcome = fix(b'---\ntitle: "Hi"\n---\n', HelloTitle)
    assert fixed == b'---\ntitle: "Hello"\n---\n'


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # A syntax error: the body is still fixed, the front matter is not touched.
        (b'---\ntitle: "  Hi\n---\nteh\n', b'---\ntitle: "  Hi\n---\nthe\n'),
        # Unterminated: the front matter runs to the end of the file, so nothing is fixed.
        (b'---\ntitle: "  Hi "\nteh\n', b'---\ntitle: "  Hi "\nteh\n'),
    ],
    ids=["syntax-error", "unterminated"],
)
def test_front_matter_that_does_not_parse_is_never_rewritten(raw: bytes, expected: bytes) -> None:
    fixed, _ = fix(raw, TitleSpaces, Typo, AddNote)
    assert fixed == expected


def test_nothing_before_broken_front_matter_is_rewritten_either() -> None:
    raw = b'\xef\xbb\xbf---\ntitle: "  Hi\n---\nteh\n'
    fixed, _ = fix(raw, RemoveBom, TitleSpaces, Typo, Prepend)
    assert fixed == b'\xef\xbb\xbf---\ntitle: "  Hi\n---\nthe\n'


def test_unsafe_fixes_only_when_asked_and_display_only_never() -> None:
    raw = b"---\ntitle: x\n---\nshout WHISPER\n"
    assert fix(raw, ShoutUnsafe)[0] == raw
    assert fix(raw, ShoutUnsafe, unsafe=True)[0] == b"---\ntitle: x\n---\nXXXXX WHISPER\n"


def test_suppressed_problem_is_not_fixed() -> None:
    raw = b"---\ntitle: x\n---\n<!-- newslint-disable-next-line ZZ001 -->\nteh\n\nteh\n"
    fixed, _ = fix(raw, Typo)
    assert fixed == b"---\ntitle: x\n---\n<!-- newslint-disable-next-line ZZ001 -->\nteh\n\nthe\n"


def test_dropped_rule_keeps_its_suppressions() -> None:
    # ping-pong is dropped for cycling on the last line; it must still count as having run, or
    # its suppression would look unused and the unused-suppression fix would delete it.
    raw = b"---\ntitle: x\n---\n<!-- newslint-disable-next-line ping-pong -->\nping\n\npong\n"
    fixed, outcome = fix(raw, PingPong)
    assert fixed == raw
    assert outcome.dropped == ["ping-pong"]


# ------------------------------------------------------------------ bytes the writer keeps


def test_invalid_bytes_are_written_back_byte_identical() -> None:
    # \xe9, \xff and \xfe are not UTF-8. The title fix keeps them (it only strips the spaces
    # around them); the typo fix rewrites the word next to \xfe and leaves the byte.
    raw = b'---\ntitle: "  Caf\xe9 \xff "\n---\nteh\xfe teh\n'
    fixed, outcome = fix(raw, TitleSpaces, Typo)
    assert fixed == b'---\ntitle: "Caf\xe9 \xff"\n---\nthe\xfe the\n'
    assert outcome.changed
    assert fix(fixed, TitleSpaces, Typo)[0] == fixed


class DropX(Rule):
    """Deletes every "X" in the body."""

    code = "ZZ102"
    name = "drop-x"
    messages = {"x": "x"}

    def on_line(self, ctx: Context, line: Line) -> None:
        at = line.text.find("X")
        if at >= 0 and not line.in_front_matter:
            span = Span(line.span.start + at, line.span.start + at + 1)
            ctx.report(span, "x", fix=Fix.safe("Drop X", Edit.delete(span)))


def test_undecodable_bytes_brought_together_are_still_the_same_bytes() -> None:
    # C3 and A9 are each invalid alone; with the X between them gone they decode as "é".
    raw = b"---\ntitle: x\n---\nab\xc3X\xa9cd X\n"
    fixed, outcome = fix(raw, DropX)
    assert fixed == b"---\ntitle: x\n---\nab\xc3\xa9cd \n"
    assert outcome.original_spans == [Span(20, 21), Span(25, 26)]
    assert fix(fixed, DropX)[0] == fixed


class RemoveBom(Rule):
    """Stands in for the byte-order-mark rule: the only one allowed to remove the BOM."""

    code = "EN006"
    name = "byte-order-mark"
    messages = {"bom": "bom"}

    def on_document_start(self, ctx: Context, document: Document) -> None:
        if document.text.startswith("\ufeff"):
            ctx.report(Span(0, 1), "bom", fix=Fix.safe("Remove the BOM", Edit.delete(Span(0, 1))))


class Prepend(Rule):
    """Inserts a comment line at offset 0."""

    code = "ZZ103"
    name = "prepend"
    messages = {"p": "p"}

    def on_document_start(self, ctx: Context, document: Document) -> None:
        if "<!-- top -->" not in document.text:
            ctx.report(Span(0, 0), "p", fix=Fix.safe("Prepend", Edit.insert(0, "<!-- top -->\n")))


def test_bom_is_kept_unless_the_bom_rule_removes_it() -> None:
    raw = b"\xef\xbb\xbf---\ntitle: x\n---\nteh\n"
    assert fix(raw, DropInvisibleAtStart, Typo)[0] == b"\xef\xbb\xbf---\ntitle: x\n---\nthe\n"
    assert fix(raw, RemoveBom, Typo)[0] == b"---\ntitle: x\n---\nthe\n"
    body = b"\xef\xbb\xbfteh\n"
    assert fix(body, Prepend)[0] == b"\xef\xbb\xbf<!-- top -->\nteh\n"


class LineEndings(Rule):
    """Stands in for the line-endings rule: the only one allowed to change line endings."""

    code = "EN007"
    name = "line-endings"
    messages = {"crlf": "crlf"}

    def on_line(self, ctx: Context, line: Line) -> None:
        if line.ending in ("\r\n", "\r"):
            span = Span(line.span.end, line.span.end + len(line.ending))
            ctx.report(span, "crlf", fix=Fix.safe("Use LF", Edit.replace(span, "\n")))


class StripCarriageReturn(Rule):
    """Deletes the CR of the first CRLF, as a careless whitespace rule might."""

    code = "ZZ104"
    name = "strip-cr"
    messages = {"cr": "cr"}

    def on_document_start(self, ctx: Context, document: Document) -> None:
        at = document.text.find("\r\n")
        if at >= 0:
            span = Span(at, at + 1)
            ctx.report(span, "cr", fix=Fix.safe("Strip CR", Edit.delete(span)))


@pytest.mark.parametrize("newline", [b"\r\n", b"\r"], ids=["crlf", "cr"])
def test_line_endings_are_kept(newline: bytes) -> None:
    raw = b'---\ntitle: "x"\n---\nteh\n'.replace(b"\n", newline)
    fixed, _ = fix(raw, AddNote, Typo)
    assert fixed == b'---\nnote: added\ntitle: "x"\n---\nthe\n'.replace(b"\n", newline)


def test_line_endings_change_only_with_the_line_endings_rule() -> None:
    raw = b'---\r\ntitle: "x"\r\n---\r\nteh\r\n'
    fixed, outcome = fix(raw, StripCarriageReturn, Typo)
    assert fixed == b'---\r\ntitle: "x"\r\n---\r\nthe\r\n'
    assert dropped(outcome) == [("ZZ104", "changed the line endings")]
    fixed, _ = fix(raw, LineEndings, AddNote, Typo)
    assert fixed == b'---\nnote: added\ntitle: "x"\n---\nthe\n'


def test_empty_file_and_no_fixes_are_left_as_they_are() -> None:
    for raw in (b"", b"\xef\xbb\xbf", b"\xff\xfe", b"---\n---\n", b"\n\n"):
        fixed, outcome = fix(raw, Typo, TitleSpaces)
        assert fixed == raw
        assert not outcome.changed


# ------------------------------------------------------------------------------ the CLI

ARTICLE = '---\ntitle: "  Hi "\n---\n\nteh cat\n'


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.md").write_text('---\ntitle: "Ok"\n---\n\nfine\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["fix", "--isolated", "--rules-dir", RULES_DIR, "--select", "ZZ001,ZZ002", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_fix_writes_and_summarises(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "a.md", "b.md")
    assert (site / "a.md").read_text(encoding="utf-8") == '---\ntitle: "Hi"\n---\n\nthe cat\n'
    assert out == ""  # the concise report (not a terminal) of nothing
    assert err == "Applied 2 fixes in 1 of 2 files; no problems remain.\n"
    assert code == 0


def test_show_fixes_lists_each_file(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "a.md", "b.md", "--show-fixes", "--quiet")
    assert out == (
        "Fixed 2 problems:\n"
        "- a.md:\n"
        "    1 × ZZ002 (title-spaces) Strip the title\n"
        "    1 × ZZ001 (typo-teh) Write 'the'\n"
    )
    assert code == 0


def test_diff_prints_and_writes_nothing(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "a.md", "b.md", "--diff")
    assert out == (
        "--- a/a.md\n+++ b/a.md\n@@ -1,5 +1,5 @@\n ---\n"
        '-title: "  Hi "\n+title: "Hi"\n ---\n \n-teh cat\n+the cat\n'
    )
    assert err == "Would apply 2 fixes in 1 of 2 files.\n"
    assert (site / "a.md").read_text(encoding="utf-8") == ARTICLE
    assert code == 1
    code, out, _ = run(capsys, "b.md", "--diff")
    assert (code, out) == (0, "")


def test_diff_marks_a_missing_final_newline_and_shows_bad_bytes(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "c.md").write_bytes(b"---\ntitle: x\n---\nteh \xff")
    code, out, _ = run(capsys, "c.md", "--diff")
    assert out.splitlines()[-4:] == [
        "-teh \\xff",
        "\\ No newline at end of file",
        "+the \\xff",
        "\\ No newline at end of file",
    ]
    assert code == 1


def test_select_and_ignore_apply(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(
        [
            "fix",
            "--isolated",
            "--rules-dir",
            RULES_DIR,
            "--select",
            "ZZ00",
            "--ignore",
            "ZZ001,ZZ007",
            "a.md",
        ]
    )
    assert (site / "a.md").read_text(encoding="utf-8") == '---\ntitle: "Hi"\n---\n\nteh cat\n'
    main(["fix", "--isolated", "--rules-dir", RULES_DIR, "--select", "typo-teh", "a.md"])
    assert (site / "a.md").read_text(encoding="utf-8") == '---\ntitle: "Hi"\n---\n\nthe cat\n'


def test_exit_codes(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "a.md", "--exit-non-zero-on-fix")[0] == 1
    assert run(capsys, "a.md", "--exit-non-zero-on-fix")[0] == 0  # nothing left to fix
    # An unsafe fix is not applied: the error remains (exit 1) unless below --fail-on.
    (site / "s.md").write_text("---\ntitle: x\n---\nshout\n", encoding="utf-8")
    args = ["fix", "--isolated", "--rules-dir", RULES_DIR, "--select", "ZZ009", "s.md"]
    assert main([*args, "--fail-on", "error"]) == 0  # ZZ009 is a warning
    assert main([*args, "--fail-on", "warning"]) == 1
    assert main([*args, "--fail-on", "warning", "--unsafe-fixes"]) == 0
    assert (site / "s.md").read_text(encoding="utf-8") == "---\ntitle: x\n---\nXXXXX\n"
    capsys.readouterr()


def test_summary_says_what_remains(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "s.md").write_text("---\ntitle: x\n---\nshout teh\n", encoding="utf-8")
    code = main(
        [
            "fix",
            "--isolated",
            "--rules-dir",
            RULES_DIR,
            "--select",
            "ZZ001,ZZ009",
            "--quiet",
            "s.md",
        ]
    )
    err = capsys.readouterr().err
    assert err == (
        "Applied 1 fix in 1 of 1 file; 1 problem remains (1 warning), "
        "1 fixable with `--unsafe-fixes`.\n"
    )
    assert code == 0


def test_dropped_rule_is_named(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "p.md").write_text("---\ntitle: x\n---\nping teh\n", encoding="utf-8")
    code = main(
        [
            "fix",
            "--isolated",
            "--rules-dir",
            RULES_DIR,
            "--select",
            "ZZ001,ZZ003",
            "--quiet",
            "p.md",
        ]
    )
    err = capsys.readouterr().err
    assert err.splitlines()[0] == (
        "newslint: warning: p.md: fixes of ZZ003 (ping-pong) were not applied: "
        "they undid each other's fixes (the fixes cycle)"
    )
    assert (site / "p.md").read_text(encoding="utf-8") == "---\ntitle: x\n---\nping the\n"
    assert code == 0  # ping-pong reports a warning


def test_write_is_atomic_and_keeps_mode(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = site / "a.md"
    os.chmod(path, 0o640)
    inode = path.stat().st_ino
    run(capsys, "a.md")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.stat().st_ino != inode  # a new file renamed over the old one
    assert sorted(p.name for p in site.iterdir()) == ["a.md", "b.md"]  # no temporary file left


def test_symlink_stays_a_link(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "link.md").symlink_to(site / "a.md")
    run(capsys, "link.md")
    assert (site / "link.md").is_symlink()
    assert (site / "a.md").read_text(encoding="utf-8") == '---\ntitle: "Hi"\n---\n\nthe cat\n'


def test_file_changed_on_disk_is_left_alone(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import newslint.fixer

    real = newslint.fixer.fix_document

    def edit_meanwhile(doc: Document, *args: object, **kwargs: bool) -> FixOutcome:
        (site / "a.md").write_text(ARTICLE + "\nAn editor's new line.\n", encoding="utf-8")
        return real(doc, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(newslint.fixer, "fix_document", edit_meanwhile)
    code, _, err = run(capsys, "a.md", "--quiet")
    assert (site / "a.md").read_text(encoding="utf-8") == ARTICLE + "\nAn editor's new line.\n"
    assert err.splitlines()[0] == (
        "newslint: a.md: changed on disk while newslint was fixing it; left alone"
    )
    assert code == 1


def test_failed_write_leaves_the_file_and_reports_what_remains(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    code, out, err = run(capsys, "a.md", "--output-format", "concise")
    assert (site / "a.md").read_text(encoding="utf-8") == ARTICLE
    assert "a.md: cannot write: Permission denied; left alone" in err
    assert "Applied 0 fixes in 0 of 1 file; 2 problems remain (1 error, 1 warning)." in err
    assert "ZZ001" in out  # the original's problems are what remains
    assert sorted(p.name for p in site.iterdir()) == ["a.md", "b.md"]
    assert code == 1


def test_utf16_file_is_never_rewritten(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = ARTICLE.encode("utf-16")
    (site / "u.md").write_bytes(raw)
    code = main(["fix", "--isolated", "--rules-dir", RULES_DIR, "--select", "ZZ012", "u.md"])
    err = capsys.readouterr().err
    assert (site / "u.md").read_bytes() == raw
    assert "newslint rewrites UTF-8 files only" in err
    assert code == 1


def test_utf16_file_is_transcoded_by_unsafe_fixes_and_then_stable(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # With every encoding, front-matter and body rule on: the transcoding goes first and alone,
    # the other rules then fix the UTF-8 text (here: the NBSP paragraph), and a second run is a
    # no-op.
    text = '---\ntitle: "Zürich \u2014 北京"\n---\n\nGrüezi.\n\n\xa0\n\nAdieu.\n'
    raw = b"\xff\xfe" + text.encode("utf-16-le")
    (site / "u.md").write_bytes(raw)
    args = ["fix", "--isolated", "--no-cache", "--select", "EN,FM001,FM002,BD", "u.md"]
    assert main(args) == 1  # safe fixes only: the transcoding is unsafe, nothing is written
    assert (site / "u.md").read_bytes() == raw
    capsys.readouterr()
    assert main([*args, "--unsafe-fixes"]) == 0
    fixed = '---\ntitle: "Zürich \u2014 北京"\n---\n\nGrüezi.\n\nAdieu.\n'
    assert (site / "u.md").read_bytes() == fixed.encode()
    assert "Applied 2 fixes in 1 of 1 file" in capsys.readouterr().err
    assert main([*args, "--unsafe-fixes"]) == 0
    assert (site / "u.md").read_bytes() == fixed.encode()
    assert main(["check", "--isolated", "--no-cache", "--select", "EN,FM001,FM002,BD", "u.md"]) == 0


def test_site_is_found_from_each_files_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Like a pre-commit batch: files of two sites in one call, run from a directory above both.
    for name, zone in (("east", "Asia/Shanghai"), ("west", "America/New_York")):
        (tmp_path / name / "content").mkdir(parents=True)
        (tmp_path / name / "hugo.toml").write_text(f'timeZone = "{zone}"\n', encoding="utf-8")
        (tmp_path / name / "content" / "x.md").write_text(
            '---\nzone: "UTC"\n---\nx\n', encoding="utf-8"
        )
    monkeypatch.chdir(tmp_path)
    code = main(
        [
            "fix",
            "--isolated",
            "--rules-dir",
            RULES_DIR,
            "--select",
            "ZZ011",
            "east/content/x.md",
            "west/content/x.md",
        ]
    )
    capsys.readouterr()
    assert (tmp_path / "east/content/x.md").read_text(encoding="utf-8") == (
        '---\nzone: "Asia/Shanghai"\n---\nx\n'
    )
    assert (tmp_path / "west/content/x.md").read_text(encoding="utf-8") == (
        '---\nzone: "America/New_York"\n---\nx\n'
    )
    assert code == 0


def test_read_only_file_is_left_alone(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests may run as root, for whom every file is writable: ask os.access the question.
    import newslint.fixer

    monkeypatch.setattr(newslint.fixer.os, "access", lambda *_: False)
    code, _, err = run(capsys, "a.md", "--quiet")
    assert (site / "a.md").read_text(encoding="utf-8") == ARTICLE
    assert err.splitlines()[0] == "newslint: a.md: the file is read-only; left alone"
    assert code == 1


def test_a_fix_that_makes_broken_front_matter_parse_is_applied_and_no_other() -> None:
    from newslint.config import Config
    from newslint.engine import fix_text

    # YAML refuses the BEL in the value (FM002); removing it is the repair the file needs.
    text = '---\ntitle: "a\x07b"\n---\n\nBody.\n'
    fixed, remaining = fix_text(text, config=Config(), select=["EN004", "FM002"])
    assert fixed == '---\ntitle: "ab"\n---\n\nBody.\n'
    assert remaining == []
    # Front matter broken for another reason is still never rewritten (its spans are guesses).
    text = '---\ntitle: "a\x07b"\nsummary: [unclosed\n---\n\nBody.\n'
    fixed, remaining = fix_text(text, config=Config(), select=["EN004", "FM002"])
    assert fixed == text
    assert [(d.code, d.line, d.column) for d in remaining] == [("EN004", 2, 10), ("FM002", 2, 10)]


def test_a_fix_held_back_by_broken_front_matter_is_shown_as_display_only() -> None:
    """`[*]` promises what `fix` does: a BOM before front matter that never closes, and line
    endings that run through it, are not rewritten, so their fixes are display-only; the fix that
    repairs the front matter, and one in the body of a closed block, stay safe."""
    from newslint.config import Config
    from newslint.engine import check_text, fix_text

    def fixes(text: str, select: list[str]) -> list[tuple[str, int, int, str, str]]:
        return [
            (d.code, d.line, d.column, d.fix.applicability.value, d.fix.title)
            for d in check_text(text, config=Config(), select=select)
            if d.fix is not None
        ]

    held = " (held: the front matter does not parse)"
    never_closed = '\ufeff---\r\ntitle: "A"\r\nThe budget passed.\r\n'
    assert fixes(never_closed, ["EN006", "EN007"]) == [
        ("EN006", 1, 1, "display-only", "Remove the byte order mark" + held),
        ("EN007", 1, 5, "display-only", "Convert line endings to LF" + held),
    ]
    assert fix_text(never_closed, config=Config(), select=["EN006", "EN007"])[0] == never_closed
    broken = "---\ntitle: [A\n---\nThe budget passed.   \n"
    assert fixes(broken, ["BD002"]) == [("BD002", 4, 19, "safe", "Remove trailing whitespace")]
    repairable = '---\ntitle: "a\x07b"\nsummary: "c\x07d"\n---\n\nBody.\n'
    assert [f[:4] for f in fixes(repairable, ["EN004"])] == [
        ("EN004", 2, 10, "safe"),
        ("EN004", 3, 12, "safe"),
    ]
    # JSON front matter that does not parse has no known end: the body's fix waits for the pass
    # after the repair, and is applied then.
    json_matter = '{\n  "title": "Vote\x07 passes"\n}\n\nThe vote\x07 passed.\n'
    assert [f[:4] for f in fixes(json_matter, ["EN004"])] == [
        ("EN004", 2, 17, "safe"),
        ("EN004", 5, 9, "safe"),
    ]
    fixed = fix_text(json_matter, config=Config(), select=["EN004"])[0]
    assert fixed == '{\n  "title": "Vote passes"\n}\n\nThe vote passed.\n'


def test_the_fixable_mark_is_not_shown_for_a_fix_that_fix_holds_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_bytes(b'\xef\xbb\xbf---\r\ntitle: "A"\r\nThe budget passed.\r\n')
    argv = ["--no-cache", "--select", "EN006,EN007", "--output-format", "concise", "a.md"]
    assert main(["check", *argv]) == 0
    assert capsys.readouterr().out == (
        "a.md:1:1: EN006 [byte-order-mark] file starts with a UTF-8 byte order mark\n"
        "a.md:1:5: EN007 [line-endings] line ends in CR LF, not LF (3 in this file)\n"
    )


@pytest.mark.parametrize("how", ["in place", "renamed over"])
def test_a_save_while_the_fixed_bytes_go_to_disk_is_kept(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """Another writer saves after newslint looked at the file and before its rename (while the
    temporary file is synced): its save is kept, newslint's fix is not written."""
    import newslint.fixer

    real_fsync = os.fsync
    saved = ARTICLE + "\nAn editor's new line.\n"

    def save_meanwhile(fd: int) -> None:
        real_fsync(fd)
        if how == "in place":
            (site / "a.md").write_text(saved, encoding="utf-8")
        else:
            (site / "a.md.tmp").write_text(ARTICLE, encoding="utf-8")  # the same bytes, anew
            os.replace(site / "a.md.tmp", site / "a.md")

    monkeypatch.setattr(newslint.fixer.os, "fsync", save_meanwhile)
    code, _, err = run(capsys, "a.md", "--quiet")
    expected = saved if how == "in place" else ARTICLE
    assert (site / "a.md").read_text(encoding="utf-8") == expected
    assert err.splitlines()[0] == (
        "newslint: a.md: changed on disk while newslint was fixing it; left alone"
    )
    assert code == 1
    assert sorted(p.name for p in site.iterdir()) == ["a.md", "b.md"]  # no temporary file left


@pytest.mark.parametrize("what", ["a pipe", "a folder"])
def test_a_file_replaced_while_it_is_fixed_is_left_alone(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, what: str
) -> None:
    # Before: a pipe put in the file's place while it was fixed was read before the write, and
    # the read waited for a writer forever.
    import signal

    import newslint.fixer

    real = newslint.fixer.fix_document

    def replace_meanwhile(doc: Document, *args: object, **kwargs: bool) -> FixOutcome:
        (site / "a.md").unlink()
        if what == "a pipe":
            os.mkfifo(site / "a.md")
        else:
            (site / "a.md").mkdir()
        return real(doc, *args, **kwargs)  # type: ignore[arg-type]

    def hung(*_: object) -> None:
        raise TimeoutError("the fix waited on the pipe")

    monkeypatch.setattr(newslint.fixer, "fix_document", replace_meanwhile)
    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)
    try:
        code, _, err = run(capsys, "a.md", "--quiet")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert err.splitlines()[0] == (
        "newslint: a.md: changed on disk while newslint was fixing it; left alone"
    )
    assert code == 1
