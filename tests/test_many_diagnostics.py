"""A file with a hundred thousand problems: the shortcuts that keep reporting and fixing it
linear give exactly what the straightforward code gave.

Each shortcut is held to the code it replaced (kept here as the reference) on generated input:
positions and code frames (`DiagnosticMaker`), the JSON formats (written out, not through
`json.dumps`), the fix loop's test of which front-matter keys a pass edited (`_Regions`), and the
unified diff of `newslint fix --diff` (difflib's, or past its budget a patience match, which must
still apply). Then the formats on the inputs that made them quadratic, at a size where the
behaviour shows. No test here measures time (see `bench/hostile.py` for that).
"""

from __future__ import annotations

import difflib
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint import linediff
from newslint.cli import main
from newslint.diagnostics import Diagnostic, DiagnosticMaker, EditPosition
from newslint.fixes import Applicability, Edit, Fix
from newslint.fixloop import _Regions
from newslint.reporters import cell_width, json_lines, printable
from newslint.reporters import json as json_format
from newslint.rule import Severity
from newslint.spans import LineIndex, Span

PROPERTIES = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FRONT = '---\ntitle: "Many problems"\ndate: 2025-02-08T09:55:35+08:00\nsummary: "A file."\n---\n\n'

# Text that JSON must escape, or must not: quotes, backslashes, controls, separators, an astral
# character, a lone surrogate (a file name that is not UTF-8).
TEXT = st.text(st.sampled_from(list('ab "\\\n\t\x00\x1f\x7f\u2028é中😀\udcff')), max_size=12)
INTS = st.integers(min_value=0, max_value=10**7)


@st.composite
def diagnostics(draw: st.DrawFn) -> Diagnostic:
    fix = None
    positions: tuple[EditPosition, ...] = ()
    if draw(st.booleans()):
        applicability = draw(st.sampled_from(list(Applicability)))
        fix = Fix(draw(TEXT), (Edit(0, 1, draw(TEXT)),), applicability)
        positions = tuple(
            EditPosition(draw(INTS), draw(INTS), draw(INTS), draw(INTS), draw(TEXT))
            for _ in range(draw(st.integers(0, 3)))
        )
    return Diagnostic(
        draw(TEXT),
        draw(TEXT),
        draw(TEXT),
        draw(st.sampled_from(list(Severity))),
        draw(TEXT),
        Span(0, 0),
        draw(INTS),
        draw(INTS),
        draw(INTS),
        draw(INTS),
        fix,
        positions,
    )


@PROPERTIES
@given(st.lists(diagnostics(), max_size=4))
def test_json_formats_write_what_json_dumps_writes(found: list[Diagnostic]) -> None:
    out = io.StringIO()
    json_format.write(found, 1, out)
    data = [d.to_json() for d in found]
    assert out.getvalue() == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    out = io.StringIO()
    json_lines.write(found, 1, out)
    assert out.getvalue() == "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in data)


# --------------------------------------------------------------------- positions, code frames


Where = tuple[int, int]


def reference_diagnostic(
    index: LineIndex, span: Span, fix: Fix | None
) -> tuple[Where, Where, list[tuple[Where, Where, str]], str, str]:
    """What `make_diagnostic` computed before `DiagnosticMaker`, through `LineIndex`: start, end,
    the edits' positions, the code frame line and the source text."""

    def where(offset: int) -> Where:
        position = index.position(offset)
        return position.line, position.column

    edits = [(where(e.start), where(e.end), e.content) for e in fix.edits] if fix else []
    line_span = index.line_span(index.position(span.start).line)
    source_line = index.text[line_span.start : line_span.end] if len(line_span) <= 1000 else ""
    source_text = index.text[span.start : min(span.end, span.start + 200)]
    return where(span.start), where(span.end), edits, source_line, source_text


LINES = st.lists(
    st.tuples(
        st.sampled_from(["", "a", "é中", "x" * 999, "y" * 1000, "z" * 1001, "\x07 b"]),
        st.sampled_from(["\n", "\r\n", "\r", ""]),
    ),
    max_size=8,
)


@PROPERTIES
@given(LINES, st.lists(st.tuples(INTS, INTS, st.booleans()), min_size=1, max_size=12))
def test_diagnostic_maker_gives_the_line_index_positions(
    lines: list[tuple[str, str]], offsets: list[tuple[int, int, bool]]
) -> None:
    text = "".join(line + ending for line, ending in lines)
    index = LineIndex(text)
    make = DiagnosticMaker("a.md", index).make  # one maker for all: its kept line must not leak
    for a, b, with_fix in offsets:
        start, end = sorted((a % (len(text) + 3), b % (len(text) + 3)))
        span = Span(start, end)
        fix = Fix.safe("Fix", Edit(start, end, "x"), Edit(end, end, "y")) if with_fix else None
        made = make(span, "rule", "XX001", Severity.INFO, "message", fix)
        assert (
            (made.line, made.column),
            (made.end_line, made.end_column),
            [
                ((p.line, p.column), (p.end_line, p.end_column), p.content)
                for p in made.fix_positions
            ],
            made.source_line,
            made.source_text,
        ) == reference_diagnostic(index, span, fix)


# -------------------------------------------------------------------------- the fix loop


def test_fix_orders_its_edits_and_refuses_overlapping_ones() -> None:
    # Its constructor is written out (one per problem): it must still do what the dataclass did.
    one = Edit(5, 6, "a")
    assert Fix.safe("One", one).edits == (one,)
    assert Fix("List", [one], Applicability.SAFE).edits == (one,)  # type: ignore[arg-type]
    two = Fix.unsafe("Two", Edit(5, 6, "a"), Edit(1, 2, "b"), Edit(2, 2, "c"))
    assert two.edits == (Edit(1, 2, "b"), Edit(2, 2, "c"), Edit(5, 6, "a"))
    assert two == Fix("Two", two.edits, Applicability.UNSAFE)
    with pytest.raises(ValueError, match="fix 'Overlap' has overlapping edits"):
        Fix.safe("Overlap", Edit(1, 5, ""), Edit(2, 3, ""))


def reference_overlaps(span: Span, regions: list[tuple[int, int]]) -> bool:
    """The fix loop's test before `_Regions`: a scan of every region."""
    for lo, hi in regions:
        if lo == hi:
            if span.start < lo < span.end:
                return True
        elif lo < span.end and span.start < hi:
            return True
    return False


SMALL = st.integers(min_value=0, max_value=30)


@PROPERTIES
@given(st.lists(st.tuples(SMALL, SMALL)), st.lists(st.tuples(SMALL, SMALL), max_size=10))
def test_regions_tell_what_a_scan_of_them_tells(
    regions: list[tuple[int, int]], spans: list[tuple[int, int]]
) -> None:
    regions = [(min(lo, hi), max(lo, hi)) for lo, hi in regions]  # overlapping ones too
    indexed = _Regions(regions)
    for a, b in spans:
        span = Span(min(a, b), max(a, b))
        assert indexed.change(span) == reference_overlaps(span, regions)


# ------------------------------------------------------------------------- fix --diff


LINE = st.sampled_from(["a\n", "b\n", "c\n", "\n", "d"])


@PROPERTIES
@given(st.lists(LINE, max_size=30), st.lists(LINE, max_size=30))
def test_unified_diff_is_difflibs(a: list[str], b: list[str]) -> None:
    assert list(linediff.unified_diff(a, b, "a/x", "b/x")) == list(
        difflib.unified_diff(a, b, "a/x", "b/x")
    )


@settings(max_examples=20, deadline=None)
@given(st.lists(st.sampled_from(["a\n", "b\n", "\n"]), min_size=200, max_size=300))
def test_unified_diff_is_difflibs_with_popular_lines(a: list[str]) -> None:
    # From 200 lines on, difflib leaves lines that make up more than 1% of the second file out
    # of its matching (autojunk): the blank line and the two letters here.
    b = [line.upper() if n % 7 == 0 else line for n, line in enumerate(a)] + ["e\n"]
    assert list(linediff.unified_diff(a, b, "a/x", "b/x")) == list(
        difflib.unified_diff(a, b, "a/x", "b/x")
    )


def patched(a: list[str], diff: list[str]) -> list[str]:
    """`a` with the unified diff `diff` applied, as `patch` would (hunks in order, context and
    removed lines checked against `a`)."""
    out: list[str] = []
    position = 0
    for line in diff[2:]:
        hunk = re.match(r"@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@\n", line)
        if hunk:
            start = int(hunk.group(1)) - (0 if hunk.group(2) == "0" else 1)
            out.extend(a[position:start])
            position = start
        elif line[0] in " -":
            assert a[position] == line[1:]
            position += 1
            if line[0] == " ":
                out.append(line[1:])
        else:
            out.append(line[1:])
    return out + a[position:]


@PROPERTIES
@given(st.lists(LINE, max_size=40), st.lists(LINE, max_size=40))
def test_unified_diff_past_its_budget_still_patches_a_into_b(a: list[str], b: list[str]) -> None:
    diff = list(linediff.unified_diff(a, b, "a/x", "b/x", budget=0))
    assert patched(a, diff) == b
    assert diff == [] if a == b else diff[:2] == ["--- a/x\n", "+++ b/x\n"]


def test_fix_diff_of_every_other_line_past_the_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Trailing whitespace on every other line: difflib finds the 300 one-line blocks by scanning
    # the rest of the file for each (quadratic). Past the budget the patience match takes over,
    # and gives the same diff here.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(linediff, "MIN_BUDGET", 1000)
    monkeypatch.setattr(linediff, "BUDGET_PER_LINE", 1)
    patience, used = linediff._patience_blocks, []

    def spy(a: list[str], b: list[str]) -> list[difflib.Match]:
        used.append(len(a))
        return patience(a, b)

    monkeypatch.setattr(linediff, "_patience_blocks", spy)
    lines = "".join(f"Line {n} is fine.\nLine {n} ends in spaces.   \n" for n in range(300))
    original = FRONT + lines + "\n[Source](https://example.org/news/1)\n"
    (tmp_path / "a.md").write_text(original, encoding="utf-8")
    assert main(["fix", "--diff", "a.md", "--isolated", "--no-cache", "--select", "BD002"]) == 1
    diff = capsys.readouterr().out
    assert used == [608]
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == original  # --diff writes nothing
    assert main(["fix", "a.md", "--isolated", "--no-cache", "--select", "BD002"]) == 0
    fixed = (tmp_path / "a.md").read_text(encoding="utf-8")
    assert fixed.count("spaces.  \n") == 299  # the last line of the paragraph loses all three
    old, new = original.splitlines(keepends=True), fixed.splitlines(keepends=True)
    assert diff == "".join(difflib.unified_diff(old, new, "a/a.md", "b/a.md"))


# ------------------------------------------------------------------- formats on one long line


def run_check(tmp_path: Path, text: str, fmt: str, capsys: pytest.CaptureFixture[str]) -> str:
    (tmp_path / "a.md").write_text(text, encoding="utf-8", newline="")
    main(["check", "a.md", "--isolated", "--no-cache", "--select", "EN004",
          "--output-format", fmt, "--color", "never"])  # fmt: skip
    return capsys.readouterr().out


def test_sarif_columns_after_an_emoji_on_a_long_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The line is too long for a code frame, so the columns are counted in the file's line:
    # once per line, not once per result (each result scanned the line up to its column).
    monkeypatch.chdir(tmp_path)
    text = FRONT + "😀 " + "a\x07" * 600 + "\n"
    log = json.loads(run_check(tmp_path, text, "sarif", capsys))
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in log["runs"][0]["results"]]
    # The n-th control character is at code point 3 + 2n + 1; the emoji is two UTF-16 units.
    assert [(r["startLine"], r["startColumn"], r["endColumn"]) for r in regions] == [
        (7, 3 + 2 * n + 2, 3 + 2 * n + 3) for n in range(600)
    ]


def reference_carets(line: str, column: int, end_column: int) -> str:
    """The carets `full` drew before it kept the cells of the line (same line only)."""
    start = min(max(column - 1, 0), len(line))
    end = end_column - 1
    under = cell_width(line[start:end]) + (1 if end > len(line) else 0)
    return " " * cell_width(line[:start]) + "^" * max(1, under)


def test_full_format_carets_on_a_line_of_cjk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    source = "中\x07e\u0301\x07\u200b中\x07" * 3
    out = run_check(tmp_path, FRONT + source + "\n" + source + "x\n", "full", capsys)
    shown = printable(source)
    carets = re.findall(r"^ {9}\| (.*)$", out, re.M)
    columns = [n + 1 for n, char in enumerate(source) if char == "\x07"]
    expected = [reference_carets(shown, c, c + 1) for c in columns]
    assert carets == expected * 2
    assert expected[:3] == ["  ^", "    ^", "        ^"]  # 中 two cells, é one, U+200B one


def reference_rich(diagnostics: list[Diagnostic], files: int, out: io.StringIO) -> None:
    """`full` with colour before it gave rich its lines in batches: one `print` per line."""
    from rich.console import Console
    from rich.markup import escape

    from newslint.reporters.full import _STYLE, _frame, summary_line

    console = Console(
        file=out,
        force_terminal=True,
        no_color=False,
        highlight=False,
        soft_wrap=True,
        emoji=False,
    )
    for path in dict.fromkeys(d.path for d in diagnostics):
        console.print(f"[bold underline]{escape(printable(path))}[/]")
        for d in (d for d in diagnostics if d.path == path):
            style = _STYLE[d.severity.label]
            marker = " [green]\\[*][/]" if d.fixable else ""
            console.print(
                f"  [dim]{escape(printable(d.path))}:{d.line}:{d.column}:[/] [{style}]{d.code}[/] "
                f"[dim]\\[{d.rule}][/] [{style}]{d.severity.label}[/]: "
                f"{escape(printable(d.message))}{marker}"
            )
            if d.source_line:
                line, carets = _frame(d)
                console.print(f"    [dim]{d.line:>4} |[/] {escape(line)}")
                console.print(f"         [dim]|[/] [{style}]{carets}[/]")
            if d.fix is not None:
                how = {"safe": "fix", "unsafe": "unsafe fix", "display-only": "suggestion"}[
                    d.fix.applicability.value
                ]
                console.print(
                    f"         [dim]=[/] [green]{how}[/]: {escape(printable(d.fix.title))}"
                )
        console.print()
    console.print(escape(summary_line(diagnostics, files)))


# What rich's markup reads specially: tags, escapes, a trailing backslash, emoji codes.
MARKUP = st.lists(
    st.sampled_from([*"ab:[]/\\ *", ":fire:", "[bold]", "\\[", "中"]), max_size=6
).map("".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(MARKUP, MARKUP, MARKUP, st.booleans()), min_size=1, max_size=6))
def test_colour_output_in_batches_is_line_by_line_output(
    items: list[tuple[str, str, str, bool]],
) -> None:
    from newslint.reporters import full

    found = []
    for n, (path, message, line, with_fix) in enumerate(items):
        fix = Fix.safe(message, Edit(0, 1, "x")) if with_fix else None
        text = f"{line}\n"
        found.append(
            DiagnosticMaker(f"{path}.md", LineIndex(text)).make(
                Span(min(1, len(line)), len(line)),
                "rule",
                f"XX{n:03}",
                Severity.ERROR,
                message,
                fix,
            )
        )
    found.sort(key=Diagnostic.sort_key)
    expected, out = io.StringIO(), io.StringIO()
    reference_rich(found, 2, expected)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(full, "RICH_BATCH", 3)  # batches end anywhere, inside a diagnostic too
        full._write_rich(found, 2, out, quiet=False)
    assert out.getvalue() == expected.getvalue()


# ------------------------------------------------------ fixes inside front matter that is broken


def count_lone_tries(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Calls of the fix loop's "does this fix alone make the front matter parse?" (each parses
    the whole file again), counted."""
    from newslint import fixloop

    calls: list[int] = []
    real = fixloop._repairs_front_matter

    def counted(doc: object, fix: Fix) -> bool:
        calls.append(1)
        return real(doc, fix)  # type: ignore[arg-type]

    monkeypatch.setattr(fixloop, "_repairs_front_matter", counted)
    return calls


def test_front_matter_that_parses_once_every_control_character_is_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # YAML refuses a control character in a value: no fix alone makes this parse, all together
    # do. Only the first 100 are tried alone (each try parses the file again).
    monkeypatch.chdir(tmp_path)
    calls = count_lone_tries(monkeypatch)
    keys = "".join(f'key{n}: "value\x07 {n}"\n' for n in range(150))
    text = FRONT.replace("---\n\n", keys + "---\n\n") + "Body.\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    assert main(["fix", "a.md", "--isolated", "--no-cache", "--select", "EN004"]) == 0
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == text.replace("\x07", "")
    assert len(calls) == 100


def test_front_matter_never_closed_keeps_every_line_after_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Unterminated, the front matter runs to the end of the file: nothing in it is rewritten,
    # however many fixes are on offer.
    monkeypatch.chdir(tmp_path)
    calls = count_lone_tries(monkeypatch)
    text = '---\ntitle: "Never closed"\n' + "".join(f"Line {n}\x07.\n" for n in range(150))
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    assert main(["fix", "a.md", "--isolated", "--no-cache", "--select", "EN004,FM002"]) == 1
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == text
    assert len(calls) == 100
    assert capsys.readouterr().err == (
        "Applied 0 fixes in 0 of 1 file; 151 problems remain (151 errors).\n"
    )
