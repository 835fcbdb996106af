"""Output formats against what their real consumers require: GitHub code scanning and the
upload-sarif action (SARIF columns, fingerprints), the Actions runner (workflow commands), XML
parsers (JUnit) and terminals (code frames under wide and combining characters)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from newslint.cli import main
from newslint.diagnostics import Diagnostic, make_diagnostic
from newslint.fixes import Edit, Fix
from newslint.reporters import report
from newslint.reporters.sarif import line_hashes, sarif_log
from newslint.rule import Severity
from newslint.spans import LineIndex, Span


def diagnostic_in(
    path: str,
    text: str,
    span: Span,
    fix: Fix | None = None,
    code: str = "TX004",
    rule: str = "sentence-spacing",
    severity: Severity = Severity.WARNING,
    message: str = "no space after '.' before 'It'",
) -> Diagnostic:
    return make_diagnostic(path, LineIndex(text), span, rule, code, severity, message, fix)


def render(fmt: str, diagnostics: list[Diagnostic], **options: object) -> str:
    out = io.StringIO()
    report(fmt, diagnostics, 1, out, **options)
    return out.getvalue()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository (a `.git` folder is all newslint looks for) as the working directory."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


# -------------------------------------------------------------------------------------- SARIF

# U+20000 (CJK extension B) and U+1F600 (an emoji) are one code point but two UTF-16 code units.
ASTRAL = '---\ntitle: "𠀀 x"\n---\n\n😀𠀀 budget.It passed.\n'


def test_sarif_columns_are_utf16_code_units_as_code_scanning_reads_them(repo: Path) -> None:
    """GitHub code scanning ignores `columnKind` and reads columns as UTF-16 code units (the SARIF
    default, which CodeQL also emits); newslint counts code points, so each astral character
    before a position on its line moves the column by one."""
    (repo / "a.md").write_text(ASTRAL, encoding="utf-8")
    stop = ASTRAL.index(".It")
    fixed = diagnostic_in(
        "a.md", ASTRAL, Span(stop, stop + 1), Fix.safe("Insert a space", Edit.insert(stop + 1, " "))
    )
    assert (fixed.line, fixed.column, fixed.end_column) == (5, 10, 11)  # code points
    (result,) = sarif_log([fixed], [])["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 5,
        "startColumn": 12,
        "endLine": 5,
        "endColumn": 13,
    }
    (replacement,) = result["fixes"][0]["artifactChanges"][0]["replacements"]
    assert replacement["deletedRegion"] == {
        "startLine": 5,
        "startColumn": 13,
        "endLine": 5,
        "endColumn": 13,
    }
    run = sarif_log([fixed], [])["runs"][0]
    assert run["columnKind"] == "utf16CodeUnits"


def test_sarif_columns_without_the_file_use_the_line_the_diagnostic_kept(repo: Path) -> None:
    # The file is gone (or the path is synthetic): the line newslint kept for the code frame is
    # enough for positions on the diagnostic's own line.
    stop = ASTRAL.index(".It")
    d = diagnostic_in("gone.md", ASTRAL, Span(stop, stop + 1))
    (result,) = sarif_log([d], [])["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startColumn"], region["endColumn"]) == (12, 13)
    assert "partialFingerprints" not in result  # nothing to hash


def test_sarif_multi_line_region_converts_each_end_on_its_own_line(repo: Path) -> None:
    (repo / "a.md").write_text(ASTRAL, encoding="utf-8")
    start = ASTRAL.index('x"')  # line 2, after one astral character
    end = ASTRAL.index("budget")  # line 5, after two
    d = diagnostic_in("a.md", ASTRAL, Span(start, end))
    (result,) = sarif_log([d], [])["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 2,
        "startColumn": 12,
        "endLine": 5,
        "endColumn": 6,
    }


# The upload-sarif action's own test vectors (github/codeql-action, src/fingerprints.test.ts):
# the hash of each line, in order, for a text.
HASH_VECTORS = [
    ("", ["c129715d7a2bc9a3:1"]),
    (
        " a\nb\n  \t\tc\n d",
        ["271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"],
    ),
    *[
        (
            text,
            [
                "e9496ae3ebfced30:1",
                "fb7c023a8b9ccb3f:1",
                "ce8ba1a563dcdaca:1",
                "e20e36e16fcb0cc8:1",
                "b3edc88f2938467e:1",
                "c8e28b0b4002a3a0:1",
                "c129715d7a2bc9a3:1",
            ],
        )
        for text in (
            " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n",
            " hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r",
            " hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n",
            " hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n",
        )
    ],
    (
        "Lorem ipsum dolor sit amet.\n" * 10,
        [
            *[f"a7f2ff13bc495cf2:{n}" for n in range(1, 7)],
            "a7f2ff1481e87703:1",
            "a9cf91f7bbf1862b:1",
            "55ec222b86bcae53:1",
            "cc97dc7b1d7d8f7b:1",
            "c129715d7a2bc9a3:1",
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), HASH_VECTORS)
def test_line_hashes_match_the_upload_sarif_action(text: str, expected: list[str]) -> None:
    assert line_hashes(text) == expected


def test_sarif_results_carry_the_primary_location_line_hash(repo: Path) -> None:
    """Code scanning matches alerts across runs by `partialFingerprints.primaryLocationLineHash`;
    the upload-sarif action fills it in, but an upload through the API does not, and then every
    run duplicates every alert. newslint computes it exactly as the action does, so the two
    agree (the action warns when a value it finds differs from its own)."""
    text = " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n"
    (repo / "a.md").write_text(text, encoding="utf-8")
    first = diagnostic_in("a.md", text, Span(1, 2))
    fifth = diagnostic_in("a.md", text, Span(text.index("Greetings"), text.index("Greetings") + 1))
    results = sarif_log([first, fifth], [])["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in results] == [
        {"primaryLocationLineHash": "e9496ae3ebfced30:1"},
        {"primaryLocationLineHash": "b3edc88f2938467e:1"},
    ]


def test_line_hashes_of_a_hostile_file_match_the_action() -> None:
    # A BOM, an astral character, an invalid byte (U+FFFD, as Node decodes it), CR LF, a CR
    # before a space and a newline (two line breaks), a lone CR: expected values from the
    # action's `hash` function run in Node on these bytes.
    raw = b'\xef\xbb\xbf---\r\ntitle: "\xf0\xa0\x80\x80 \xff x"\r \n---\r\r\n'
    assert line_hashes(raw.decode("utf-8", "replace")) == [
        "c5922d04ae97fc03:1",
        "9985115a496104e7:1",
        "2297e72fb8774f5c:1",
        "7d443dfaa1de5e2:1",
        "3c5bef55b72b93c9:1",
        "c129715d7a2bc9a3:1",
    ]


def test_line_hashes_count_astral_characters_as_two_code_units() -> None:
    # The action hashes JavaScript string code units: an astral character is two of them, so a
    # line of 60 of them fills the 100-unit window with the first 50.
    assert line_hashes("𠀀" * 60) == line_hashes("𠀀" * 50)
    assert line_hashes("𠀀" * 60) != line_hashes("𠀀" * 49)


def test_sarif_trusts_no_file_that_changed_since_it_was_linted(repo: Path) -> None:
    # `newslint fix` reports what remains after rewriting files: a line that no longer matches
    # must not lend its hash or its characters to a result.
    stop = ASTRAL.index(".It")
    d = diagnostic_in("a.md", ASTRAL, Span(stop, stop + 1))
    (repo / "a.md").write_text(ASTRAL.replace("😀𠀀 budget", "😀😀😀 budget"), encoding="utf-8")
    (result,) = sarif_log([d], [])["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startColumn"], region["endColumn"]) == (12, 13)  # from the kept line
    assert "partialFingerprints" not in result


def test_sarif_reads_invalid_utf8_as_newslint_does(repo: Path) -> None:
    # Two bad bytes are two U+FFFD in newslint's text (and its columns), and the file still
    # counts as unchanged.
    raw = b"---\ntitle: x\n---\n\n\xff\xfe \xf0\x9f\x98\x80 budget.It\n"
    (repo / "a.md").write_bytes(raw)
    text = (
        raw.decode("utf-8", "surrogateescape")
        .replace("\udcff", "\ufffd")
        .replace("\udcfe", "\ufffd")
    )
    stop = text.index(".It")
    assert LineIndex(text).position(stop).column == 12  # code points
    (result,) = sarif_log([diagnostic_in("a.md", text, Span(stop, stop + 1))], [])["runs"][0][
        "results"
    ]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startColumn"], region["endColumn"]) == (13, 14)
    assert "partialFingerprints" in result


# ------------------------------------------------------------------------------ code frames


def frame(line_text: str, start: int, end: int, *, color: str = "never") -> list[str]:
    """The two code-frame lines `full` prints for a diagnostic over `line_text[start:end]`."""
    text = f"{line_text}\n"
    d = diagnostic_in("a.md", text, Span(start, end))
    lines = render("full", [d], color=color).splitlines()
    return lines[2:4]


def test_carets_stand_under_wide_characters() -> None:
    # An emoji and a CJK character take two terminal cells each: the caret must move by one
    # cell more for each of them before the span, and cover two for each inside it.
    line = 'title: "😀😀 Budget &amp; more"'
    at = line.index("&amp;")
    assert frame(line, at, at + 5) == [
        '       1 | title: "😀😀 Budget &amp; more"',
        "         | " + " " * 20 + "^^^^^",  # 8 + 2 * 2 + 8 cells before it
    ]
    assert frame("中文新闻.It", 4, 5) == ["       1 | 中文新闻.It", "         | " + " " * 8 + "^"]
    assert frame("中文新闻.It", 0, 4) == ["       1 | 中文新闻.It", "         | " + "^" * 8]


def test_carets_ignore_combining_marks() -> None:
    line = "Cafe\u0301 budget.It"  # é as e + COMBINING ACUTE ACCENT: one cell, two code points
    at = line.index(".It")
    assert at == 12
    assert frame(line, at, at + 1) == [f"       1 | {line}", "         | " + " " * 11 + "^"]


def test_carets_in_colour_stand_where_they_do_in_plain_text() -> None:
    line = "中文 budget.It"
    at = line.index(".It")
    plain = frame(line, at, at + 1)
    coloured = frame(line, at, at + 1, color="always")
    strip = re.compile(r"\x1b\[[0-9;]*m")
    assert [strip.sub("", text) for text in coloured] == plain


def test_bidirectional_controls_are_shown_not_obeyed() -> None:
    # U+202E RIGHT-TO-LEFT OVERRIDE would make a terminal draw the rest of the line (and of a
    # message) reversed: the code frame would show text that is not in the file ("Trojan
    # Source"). Shown as U+FFFD, one cell, so the caret of invisible-char points at it.
    line = "total \u202e01 = x"
    at = line.index("\u202e")
    assert frame(line, at, at + 1) == [
        "       1 | total \ufffd01 = x",
        "         | " + " " * 6 + "^",
    ]
    d = diagnostic_in("a\u2066b.md", f"{line}\n", Span(at, at + 1), message="bad \u2067x")
    assert render("concise", [d]) == "a\ufffdb.md:1:7: TX004 [sentence-spacing] bad \ufffdx\n"


# ----------------------------------------------------------------------------- GitHub Actions


def test_github_multi_line_annotation_has_no_columns(repo: Path) -> None:
    """The Actions runner (`ValidateLinesAndColumns` in actions/runner) drops `col` and
    `endColumn` when `line` and `endLine` differ, with a warning in the log: give lines only."""
    text = "---\ntitle: x\n---\n\nOne\ntwo\n"
    d = diagnostic_in("a.md", text, Span(text.index("One"), text.index("two") + 2))
    assert render("github", [d]) == (
        "::warning file=a.md,line=5,endLine=6,title=TX004 sentence-spacing::"
        "no space after '.' before 'It'\n"
    )
    same = diagnostic_in("a.md", text, Span(text.index("two"), text.index("two") + 3))
    assert render("github", [same]) == (
        "::warning file=a.md,line=6,col=1,endLine=6,endColumn=4,title=TX004 sentence-spacing::"
        "no space after '.' before 'It'\n"
    )


# -------------------------------------------------------------------------------------- JUnit

NOT_XML = "a\x00b\x08c\x1bd\ufffee\uffff\ud800f\udfffg"


def test_junit_stays_well_formed_whatever_the_text(repo: Path) -> None:
    text = "---\ntitle: x\n---\n\nA stop.It\n"
    d = diagnostic_in(f"{NOT_XML}.md", text, Span(11, 12), message=f"bad {NOT_XML}\r\nend")
    out = render("junit", [d])
    root = ET.fromstring(out)  # raises on anything XML 1.0 cannot hold
    (suite,) = root.findall("testsuite")
    expected_path = "a\\u0000b\\u0008c\\u001bd\\ufffee\\uffff\\ud800f\\udfffg.md"
    assert suite.get("name") == expected_path
    (case,) = suite.findall("testcase")
    assert case.get("file") == expected_path and case.get("classname") == expected_path
    failure = case.find("failure")
    assert failure is not None
    # An attribute keeps CR and LF (escaped as character references); the text keeps the line.
    assert failure.get("message") == (
        "bad a\\u0000b\\u0008c\\u001bd\\ufffee\\uffff\\ud800f\\udfffg\r\nend"
    )
    assert failure.text is not None and failure.text.startswith(f"{expected_path}:2:8: TX004")
    assert out.encode("utf-8")  # and it can be written out as UTF-8 (no lone surrogate left)


def test_junit_counts_add_up(repo: Path) -> None:
    text = "---\ntitle: x\n---\n\nA stop.It\n"
    ds = [
        diagnostic_in("b.md", text, Span(11, 12)),
        diagnostic_in("a.md", text, Span(11, 12)),
        diagnostic_in("a.md", text, Span(11, 12), code="NL000", rule="internal-error"),
        diagnostic_in("a.md", text, Span(0, 1), severity=Severity.INFO),
    ]
    root = ET.fromstring(render("junit", ds))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["a.md", "b.md"]
    for suite in suites:
        cases = suite.findall("testcase")
        assert suite.get("tests") == str(len(cases))
        assert suite.get("failures") == str(sum(1 for c in cases if c.find("failure") is not None))
        assert suite.get("errors") == str(sum(1 for c in cases if c.find("error") is not None))
    for name in ("tests", "failures", "errors"):
        assert root.get(name) == str(sum(int(s.get(name, "0")) for s in suites))
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "3", "1")


# ------------------------------------------------------------------------------ through the CLI

ARTICLE = '---\ntitle: "Budget"\ndate: 2025-02-08T09:55:35+08:00\n---\n\nThe budget passed.\n'


def test_output_format_from_the_configuration(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As ruff's `output-format`: a CI configuration can pin the format; the flag still wins."""
    (repo / "a.md").write_text(ARTICLE, encoding="utf-8")
    (repo / "newslint.toml").write_text(
        'select = ["FM004"]\noutput-format = "json-lines"\n', encoding="utf-8"
    )
    assert main(["check", "a.md", "--no-cache"]) == 1
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line)["code"] == "FM004"
    assert main(["check", "a.md", "--no-cache", "--output-format", "concise"]) == 1
    assert capsys.readouterr().out == (
        "a.md:1:1: FM004 [required-field] required field 'summary' is missing\n"
    )
    (repo / "newslint.toml").write_text('output-format = "xml"\n', encoding="utf-8")
    assert main(["check", "a.md", "--no-cache"]) == 2
    assert "output-format" in capsys.readouterr().err


def test_statistics_cannot_be_sarif_or_junit(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A table of counts in a file that upload-sarif or a test reporter then rejects helps no one.
    (repo / "a.md").write_text(ARTICLE, encoding="utf-8")
    for fmt in ("sarif", "junit"):
        assert main(["check", "a.md", "--no-cache", "--statistics", "--output-format", fmt]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err == (
            f"newslint: error: --statistics has no {fmt} form (use json, json-lines or a text format)\n"
        )


# ---------------------------------------------------------------------------- SARIF, the rest


def test_sarif_says_a_lone_cr_ends_a_line() -> None:
    # SARIF's default line breaks are CR LF and LF; newslint (like Hugo, Python and the
    # upload-sarif action) also ends a line at a lone CR, and its line numbers count that way.
    run = sarif_log([], [])["runs"][0]
    assert run["newlineSequences"] == ["\r\n", "\n", "\r"]


def test_sarif_uris_relative_to_a_stated_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A relative URI needs its `uriBaseId` defined in `originalUriBaseIds`; an absolute URI takes
    no `uriBaseId` (SARIF 3.4.4); a path outside the repository is absolute, not `../`."""
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "site").mkdir()
    monkeypatch.chdir(tmp_path / "repo" / "site")
    text = "---\ntitle: x\n---\n\nA stop.It\n"
    inside = diagnostic_in("content/a b/é.md", text, Span(11, 12))
    outside = diagnostic_in("../../elsewhere.md", text, Span(11, 12))
    run = sarif_log([inside, outside], [])["runs"][0]
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    assert locations == [
        {"uri": "site/content/a%20b/%C3%A9.md", "uriBaseId": "%SRCROOT%"},
        {"uri": (tmp_path / "elsewhere.md").as_uri()},
    ]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": (tmp_path / "repo").as_uri() + "/"}}
    for result in run["results"]:
        assert "fixes" not in result or result["fixes"][0]["artifactChanges"][0]["artifactLocation"]


def test_sarif_outside_a_repository_is_relative_to_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    text = "---\ntitle: x\n---\n\nA stop.It\n"
    run = sarif_log([diagnostic_in("a.md", text, Span(11, 12))], [])["runs"][0]
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "a.md",
        "uriBaseId": "%SRCROOT%",
    }
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": tmp_path.as_uri() + "/"}}


def test_sarif_rule_descriptions_fit_code_scanning() -> None:
    """Code scanning limits `shortDescription` and `fullDescription` to 1024 characters and a
    rule's `name` to 255; the whole documentation stays in `help`."""
    rules = sarif_log([])["runs"][0]["tool"]["driver"]["rules"]
    for rule in rules:
        assert len(rule["shortDescription"]["text"]) <= 1024
        assert len(rule["fullDescription"]["text"]) <= 1024
        assert len(rule["name"]) <= 255
    fm005 = next(r for r in rules if r["id"] == "FM005")
    assert fm005["fullDescription"]["text"].endswith("…")
    assert fm005["fullDescription"]["text"][:-1].rstrip() in " ".join(fm005["help"]["text"].split())


def test_sarif_keeps_to_the_results_code_scanning_accepts(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Code scanning rejects a run of more than 25,000 results (and shows the 5,000 most severe):
    the most severe are kept, in their order, and the cut is said on stderr and in the run."""
    from newslint.reporters import sarif

    monkeypatch.setattr(sarif, "MAX_RESULTS", 3)
    text = "---\ntitle: x\n---\n\nA stop.It\n"
    levels = [Severity.INFO, Severity.ERROR, Severity.WARNING, Severity.INFO, Severity.ERROR]
    ds = [diagnostic_in(f"{n}.md", text, Span(11, 12), severity=s) for n, s in enumerate(levels)]
    out = io.StringIO()
    sarif.write(ds, 5, out, rules=[])
    run = json.loads(out.getvalue())["runs"][0]
    assert [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    ] == [
        "1.md",
        "2.md",
        "4.md",
    ]
    assert run["properties"] == {"newslint.omittedResults": 2}
    assert capsys.readouterr().err == (
        "newslint: warning: SARIF holds the 3 most severe of 5 results "
        "(code scanning rejects a run of more); narrow the run with --select or a --baseline\n"
    )


# ---------------------------------------------------------------------------------- encodings


def ascii_stdout() -> io.TextIOWrapper:
    """A standard output whose encoding cannot hold CJK: a Windows console, `LANG=C` without
    coercion, `PYTHONIOENCODING=ascii`."""
    return io.TextIOWrapper(io.BytesIO(), encoding="ascii")


CJK = "---\ntitle: 中文\n---\n\n新闻.It\n"


@pytest.mark.parametrize("fmt", ["json", "json-lines", "sarif", "junit", "github"])
def test_machine_formats_are_utf8_whatever_the_locale(repo: Path, fmt: str) -> None:
    # JSON and SARIF are UTF-8 by definition and the JUnit file says so in its prolog; a
    # locale's encoding must neither crash the run nor change the bytes.
    out = ascii_stdout()
    d = diagnostic_in("新闻.md", CJK, Span(CJK.index("."), CJK.index(".") + 1), message="在 “x”")
    report(fmt, [d], 1, out, rules=[])
    out.flush()
    data = out.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]
    assert "在 “x”" in data
    assert ("新闻" if fmt != "sarif" else "%E6%96%B0%E9%97%BB.md") in data  # SARIF: a URI


@pytest.mark.parametrize("fmt", ["full", "concise", "grouped"])
def test_text_formats_escape_what_the_terminal_cannot_show(fmt: str) -> None:
    out = ascii_stdout()
    d = diagnostic_in("新闻.md", CJK, Span(CJK.index("."), CJK.index(".") + 1), message="在 x")
    report(fmt, [d], 1, out, color="never")
    out.flush()
    data = out.buffer.getvalue().decode("ascii")  # type: ignore[attr-defined]
    assert "\\u65b0\\u95fb.md:5:3:" in data and "\\u5728 x" in data
