"""Peer round Y: DESIGN.md and the README's promises, driven as an outsider drives the command line.

Written as a demanding outside tester (a ruff, markdownlint and lychee user) who has only
DESIGN.md, STYLE.md, the README and `--help`, on what the earlier peer files leave open: body
suppressions naming a one-letter prefix, an unknown code or a prefix no rule has, next to a real
rule (only the bad name goes), and `ALL` in a suppression; `fix` over CRLF, lone-CR, BOM and
no-final-newline files with several rules at once, byte for byte, with and without the line-ending
rules, and a second run that changes nothing; the `per-file-ignores` glob forms the README lists
(`*` crossing `/`, `\\`, `{a,b}`, `[de]`, a final `/`, a bare file name, `!`); `fix`'s exit code
under `--fail-on`, `--exit-non-zero-on-fix` with `--exit-zero`; a display-only fix that no flag
applies; the `rules`/`rule`/`init` commands' forms and refusals; the usage errors' exit code 2.
Each case is a small file written here and a run of the command line in-process
(`newslint.cli.main`), with the exact output it must give.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.cli import main

HEAD = (
    "---\n"
    'title: "Prices rose"\n'
    "date: 2025-02-08T09:55:35+08:00\n"
    'summary: "Prices rose. The index fell sharply on Tuesday after the central bank spoke."\n'
    "---\n"
    "\n"
)
SOURCE = "[Source](https://example.com/a)\n"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("FORCE_COLOR", "NO_COLOR", "GITHUB_ACTIONS", "CI_PROJECT_DIR"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    no_cache = ["--no-cache"] if args[0] in ("check", "fix") else []
    code = main([args[0], "--isolated", *no_cache, *args[1:]])
    out, err = capsys.readouterr()
    return code, out, err


def discovered(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """A run that reads the configuration files (no `--isolated`)."""
    no_cache = ["--no-cache"] if args[0] in ("check", "fix") else []
    code = main([args[0], *no_cache, *args[1:]])
    out, err = capsys.readouterr()
    return code, out, err


# --- body suppressions that name no rule --------------------------------------------------------

SUPPRESSED = (
    HEAD
    + "<!-- newslint-disable-next-line D -->\n"
    + "Prices rose.The index fell.\n"
    + "\n"
    + "<!-- newslint-disable-next-line XX999, sentence-spacing -->\n"
    + "Prices rose.The index fell again.\n"
    + "\n"
    + "<!-- newslint-disable-next-line TX9 -->\n"
    + "Prices rose.The index fell once more.\n"
    + "\n"
    + "<!-- newslint-disable-next-line ALL -->\n"
    + "Prices rose.The index fell twice.\n"
    + "\n"
    + "<!-- newslint-disable-next-line all -->\n"
    + "Prices rose.The index fell thrice.\n"
    + "\n"
    + SOURCE
)


def test_a_suppression_naming_no_rule_is_reported_and_silences_nothing(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """DESIGN: "A suppression that suppresses nothing is reported"; the README: one that "names a
    rule that does not exist" too. A one-letter prefix (a usage error on the command line), an
    unknown code and a prefix no rule has are each NL001 at the name, and the line below is still
    reported; `ALL` (any case) silences every rule, as `select = ["ALL"]` selects every rule."""
    (here / "a.md").write_text(SUPPRESSED, encoding="utf-8")
    code, out, _ = run(capsys, "check", "--output-format", "concise", "a.md")
    assert out.splitlines() == [
        "a.md:7:33: NL001 [unused-suppression] [*] suppression names unknown rule 'D' "
        "(a prefix is at least the two letters of a group: DT)",
        "a.md:8:12: TX004 [sentence-spacing] [*] no space after '.' before 'The'",
        "a.md:10:33: NL001 [unused-suppression] [*] suppression names unknown rule 'XX999'",
        "a.md:13:33: NL001 [unused-suppression] [*] suppression names unknown rule 'TX9' "
        "(did you mean 'TX009'?)",
        "a.md:14:12: TX004 [sentence-spacing] [*] no space after '.' before 'The'",
    ]
    assert code == 0  # warnings and below: the default --fail-on is error


def test_fix_drops_only_the_unknown_name_from_a_suppression_that_also_names_a_rule(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`newslint fix` removes what NL001 reports: a comment naming only an unknown rule goes with
    its line, but in `XX999, sentence-spacing` only `XX999` goes, so the real suppression keeps
    silencing its line; a second run changes nothing."""
    (here / "a.md").write_text(SUPPRESSED, encoding="utf-8")
    code, _, _ = run(capsys, "fix", "a.md")
    assert code == 0
    assert (here / "a.md").read_text(encoding="utf-8") == (
        HEAD
        + "Prices rose. The index fell.\n"
        + "\n"
        + "<!-- newslint-disable-next-line sentence-spacing -->\n"
        + "Prices rose.The index fell again.\n"
        + "\n"
        + "Prices rose. The index fell once more.\n"
        + "\n"
        + "<!-- newslint-disable-next-line ALL -->\n"
        + "Prices rose.The index fell twice.\n"
        + "\n"
        + "<!-- newslint-disable-next-line all -->\n"
        + "Prices rose.The index fell thrice.\n"
        + "\n"
        + SOURCE
    )
    code, out, err = run(capsys, "fix", "a.md")
    assert (code, out) == (0, "")
    assert err == "Applied 0 fixes in 0 of 1 file; no problems remain.\n"


def test_the_nl001_fix_of_a_one_letter_prefix_is_a_safe_edit_of_its_whole_line(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The JSON contract for NL001 at a comment of its own: a safe fix whose edit takes the whole
    line (7:1 to 8:1, exclusive), so an editor applying it leaves no blank line behind."""
    (here / "a.md").write_text(SUPPRESSED, encoding="utf-8")
    _, out, _ = run(capsys, "check", "--output-format", "json", "--select", "NL001", "a.md")
    first = json.loads(out)[0]
    assert first == {
        "path": "a.md",
        "rule": "unused-suppression",
        "code": "NL001",
        "severity": "warning",
        "message": "suppression names unknown rule 'D' (a prefix is at least the two letters of a "
        "group: DT)",
        "line": 7,
        "column": 33,
        "end_line": 7,
        "end_column": 34,
        "fix": {
            "applicability": "safe",
            "title": "Remove unknown rule 'D' from suppression",
            "edits": [{"line": 7, "column": 1, "end_line": 8, "end_column": 1, "content": ""}],
        },
    }


# --- fix on line endings, byte order marks and files without a final newline -------------------

CRLF = (
    "---\r\n"
    'title: "Prices  rose"\r\n'
    "date: 2025-02-08T09:55:35+08:00\r\n"
    'summary: "Prices rose.The index fell sharply on Tuesday after the bank spoke."\r\n'
    'menu: ""\r\n'
    "---\r\n"
    "\r\n"
    "\r\n"
    "\r\n"
    "Prices rose.The index fell. \r\n"
    "\r\n"
    "[Source](https://example.com/a?utm_source=x)"
)
BOM = (
    "\ufeff---\n"
    'title: "Caf&eacute; &amp; bar"\n'
    "date: 2025-02-08T09:55:35+08:00\n"
    'summary: "Prices rose. The index fell sharply on Tuesday after the bank spoke."\n'
    "---\n"
    "\n"
    "Text\u200b here.   \n"
    "\n"
    "[Source](https://example.com/b)"
)
LONE_CR = (
    "---\r"
    "title: Prices\r"
    "date: 2025-02-08T09:55:35+08:00\r"
    'summary: "Prices rose. The index fell sharply on Tuesday after the bank spoke."\r'
    "---\r"
    "\r"
    "Text here. \r"
    "\r"
    "[Source](https://example.com/c)\r"
)
JSON_CRLF = (
    "{\r\n"
    '  "title": "Caf&#39;s ",\r\n'
    '  "date": "2025-02-08T09:55:35+08:00",\r\n'
    '  "summary": "Prices rose. The index fell sharply on Tuesday after the bank spoke.",\r\n'
    '  "menu": ""\r\n'
    "}\r\n"
    "\r\n"
    "Text here. \r\n"
    "\r\n"
    "[Source](https://example.com/d)"
)
TOML_NO_FINAL_NEWLINE = (
    "+++\n"
    'title = "Prices fell"\n'
    "date = 2025-02-08T09:55:35+08:00\n"
    'summary = "Prices rose. The index fell sharply on Tuesday after the bank spoke."\n'
    "+++\n"
    "\n"
    "Text here.\t \n"
    "\n"
    "\n"
    "[Source](https://example.com/e?fbclid=1)   "
)
AWKWARD = {
    "crlf.md": CRLF,
    "bom.md": BOM,
    "cr.md": LONE_CR,
    "json.md": JSON_CRLF,
    "toml.md": TOML_NO_FINAL_NEWLINE,
}


def write_awkward(here: Path) -> None:
    for name, text in AWKWARD.items():
        (here / name).write_bytes(text.encode("utf-8"))


def test_check_reports_each_awkward_file_s_problems_at_their_places(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Line and column of each problem in files with CRLF, lone-CR, a BOM (a code point of line
    1) and no final newline: what an editor shows, a CR never counted as a column."""
    write_awkward(here)
    names = list(AWKWARD)
    code, out, _ = run(capsys, "check", "--output-format", "concise", "--ignore", "XF", *names)
    assert out.splitlines() == [
        "crlf.md:1:4: EN007 [line-endings] [*] line ends in CR LF, not LF (11 in this file)",
        "crlf.md:2:15: TX005 [text-whitespace] [*] title has 2 white-space characters in a row",
        "crlf.md:4:22: TX004 [sentence-spacing] [*] no space after '.' before 'The'",
        'crlf.md:5:7: FM006 [empty-field] [*] menu is empty: Hugo puts the page in a menu named ""',
        "crlf.md:8:1: BD003 [blank-lines] [*] 3 blank lines in a row",
        "crlf.md:10:12: TX004 [sentence-spacing] [*] no space after '.' before 'The'",
        "crlf.md:10:28: BD002 [trailing-whitespace] [*] trailing whitespace (1 space)",
        "crlf.md:12:31: LK005 [tracking-params] [*] URL has tracking parameters: utm_source",
        "bom.md:1:1: EN006 [byte-order-mark] [*] file starts with a UTF-8 byte order mark",
        "bom.md:2:12: TX003 [html-entity] [*] title shows the HTML entity &eacute; literally",
        "bom.md:2:21: TX003 [html-entity] [*] title shows the HTML entity &amp; literally",
        "bom.md:7:5: EN003 [invisible-char] [*] invisible U+200B ZERO WIDTH SPACE",
        "bom.md:7:12: BD002 [trailing-whitespace] [*] trailing whitespace (3 spaces)",
        "cr.md:1:4: EN007 [line-endings] [*] line ends in a lone CR, not LF (9 in this file): "
        "Hugo's Markdown does not end the line there",
        "cr.md:7:11: BD002 [trailing-whitespace] [*] trailing whitespace (1 space)",
        "json.md:1:2: EN007 [line-endings] [*] line ends in CR LF, not LF (9 in this file)",
        "json.md:2:16: TX003 [html-entity] [*] title shows the HTML entity &#39; literally",
        "json.md:2:22: TX005 [text-whitespace] [*] title ends with white space",
        'json.md:5:11: FM006 [empty-field] [*] menu is empty: Hugo puts the page in a menu named ""',
        "json.md:8:11: BD002 [trailing-whitespace] [*] trailing whitespace (1 space)",
        "toml.md:7:11: BD002 [trailing-whitespace] [*] trailing whitespace (1 space, 1 tab)",
        "toml.md:9:1: BD003 [blank-lines] [*] 2 blank lines in a row",
        "toml.md:10:31: LK005 [tracking-params] [*] URL has tracking parameters: fbclid",
        "toml.md:10:41: BD002 [trailing-whitespace] [*] trailing whitespace (3 spaces)",
    ]
    assert code == 0


def test_fix_repairs_every_awkward_file_in_one_run_byte_for_byte_and_then_changes_nothing(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`newslint fix` applies every safe fix "until stable" in one run: line endings become LF,
    the BOM goes, the other fixes land in the converted text; a missing final newline is not a
    problem newslint names, so none is added. A second run applies nothing."""
    write_awkward(here)
    names = list(AWKWARD)
    code, _, err = run(capsys, "fix", "--ignore", "XF", *names)
    assert code == 0
    assert err == "Applied 24 fixes in 5 of 5 files; no problems remain.\n"
    body = "Text here.\n\n"
    assert (here / "crlf.md").read_bytes().decode() == (
        "---\n"
        'title: "Prices rose"\n'
        "date: 2025-02-08T09:55:35+08:00\n"
        'summary: "Prices rose. The index fell sharply on Tuesday after the bank spoke."\n'
        "---\n"
        "\n"
        "Prices rose. The index fell.\n"
        "\n"
        "[Source](https://example.com/a)"
    )
    assert (here / "bom.md").read_bytes().decode() == (
        "---\n"
        'title: "Café & bar"\n'
        "date: 2025-02-08T09:55:35+08:00\n"
        'summary: "Prices rose. The index fell sharply on Tuesday after the bank spoke."\n'
        "---\n"
        "\n" + body + "[Source](https://example.com/b)"
    )
    assert (here / "cr.md").read_bytes().decode() == LONE_CR.replace("\r", "\n").replace(
        "here. \n", "here.\n"
    )
    assert (here / "json.md").read_bytes().decode() == (
        "{\n"
        '  "title": "Caf\'s",\n'
        '  "date": "2025-02-08T09:55:35+08:00",\n'
        '  "summary": "Prices rose. The index fell sharply on Tuesday after the bank spoke."\n'
        "}\n"
        "\n" + body + "[Source](https://example.com/d)"
    )
    assert (here / "toml.md").read_bytes().decode() == (
        TOML_NO_FINAL_NEWLINE.split("Text")[0] + body + "[Source](https://example.com/e)"
    )
    code, out, err = run(capsys, "fix", "--ignore", "XF", *names)
    assert (code, out, err) == (0, "", "Applied 0 fixes in 0 of 5 files; no problems remain.\n")


def test_fix_with_the_line_ending_rules_off_keeps_crlf_lone_cr_and_the_bom(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "A fix's edits write line breaks in the file's own line ending" and "never touch the BOM"
    but for byte-order-mark's: with EN006 and EN007 ignored, the other fixes keep every CR and
    the BOM, also where a fix deletes a line (FM006 in JSON, BD003 in CRLF)."""
    write_awkward(here)
    names = ["crlf.md", "bom.md", "cr.md", "json.md"]
    code, _, err = run(capsys, "fix", "--ignore", "EN006,EN007,XF", *names)
    assert code == 0
    assert err == "Applied 16 fixes in 4 of 4 files; no problems remain.\n"
    assert (here / "crlf.md").read_bytes() == (
        b"---\r\n"
        b'title: "Prices rose"\r\n'
        b"date: 2025-02-08T09:55:35+08:00\r\n"
        b'summary: "Prices rose. The index fell sharply on Tuesday after the bank spoke."\r\n'
        b"---\r\n"
        b"\r\n"
        b"Prices rose. The index fell.\r\n"
        b"\r\n"
        b"[Source](https://example.com/a)"
    )
    assert (
        (here / "bom.md").read_bytes().startswith(b'\xef\xbb\xbf---\ntitle: "Caf\xc3\xa9 & bar"\n')
    )
    assert (here / "cr.md").read_bytes() == LONE_CR.replace("here. \r", "here.\r").encode()
    assert (here / "json.md").read_bytes() == (
        b"{\r\n"
        b'  "title": "Caf\'s",\r\n'
        b'  "date": "2025-02-08T09:55:35+08:00",\r\n'
        b'  "summary": "Prices rose. The index fell sharply on Tuesday after the bank spoke."\r\n'
        b"}\r\n"
        b"\r\n"
        b"Text here.\r\n"
        b"\r\n"
        b"[Source](https://example.com/d)"
    )
    code, _, err = run(capsys, "fix", "--ignore", "EN006,EN007,XF", *names)
    assert (code, err) == (0, "Applied 0 fixes in 0 of 4 files; no problems remain.\n")


def test_fix_diff_of_a_crlf_file_is_what_fix_writes(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`fix --diff` "prints a unified diff, writes nothing", and its exit code is 1 when there is
    a diff (as ruff's); the diff's lines are those `fix` writes."""
    (here / "crlf.md").write_bytes(CRLF.encode())
    code, out, err = run(capsys, "fix", "--diff", "--select", "TX004", "crlf.md")
    assert code == 1
    assert (here / "crlf.md").read_bytes() == CRLF.encode()
    assert err == "Would apply 2 fixes in 1 of 1 file.\n"
    removed = [line for line in out.splitlines() if line.startswith("-") and line[:3] != "---"]
    added = [line for line in out.splitlines() if line.startswith("+") and line[:3] != "+++"]
    assert [line.rstrip("\r") for line in removed] == [
        '-summary: "Prices rose.The index fell sharply on Tuesday after the bank spoke."',
        "-Prices rose.The index fell. ",
    ]
    assert [line.rstrip("\r") for line in added] == [
        '+summary: "Prices rose. The index fell sharply on Tuesday after the bank spoke."',
        "+Prices rose. The index fell. ",
    ]


# --- per-file-ignores: the glob forms the README lists ------------------------------------------

GLOB_FILES = [
    "content/news/a.md",
    "content/news/sub/b.md",
    "content/drafts/c.md",
    "content/other/d.md",
    "content/other/e.md",
]


@pytest.mark.parametrize(
    ("pattern", "codes", "still_reported"),
    [
        # `*` crosses `/` (ruff's globs), so this reaches news/sub/b.md too.
        (
            "content/news/*.md",
            "TX004",
            ["content/drafts/c.md", "content/other/d.md", "content/other/e.md"],
        ),
        (
            "content/news/**",
            "TX004",
            ["content/drafts/c.md", "content/other/d.md", "content/other/e.md"],
        ),
        # `\` separates folders as `/` does.
        (
            "content\\\\news\\\\*.md",
            "TX004",
            ["content/drafts/c.md", "content/other/d.md", "content/other/e.md"],
        ),
        # A final `/` means the folder's files.
        (
            "content/drafts/",
            "TX004",
            [
                "content/news/a.md",
                "content/news/sub/b.md",
                "content/other/d.md",
                "content/other/e.md",
            ],
        ),
        # `{a,b}` either; a prefix selects its group.
        ("content/{drafts,other}/*.md", "TX", ["content/news/a.md", "content/news/sub/b.md"]),
        # `!` applies to the files the pattern does not match; a name works as a code does.
        ("!content/news/**", "sentence-spacing", ["content/news/a.md", "content/news/sub/b.md"]),
        # A bare file name matches in any folder.
        (
            "d.md",
            "TX004",
            [
                "content/drafts/c.md",
                "content/news/a.md",
                "content/news/sub/b.md",
                "content/other/e.md",
            ],
        ),
        ("*.md", "TX004", []),
        (
            "content/other/[de].md",
            "TX004",
            ["content/drafts/c.md", "content/news/a.md", "content/news/sub/b.md"],
        ),
    ],
)
def test_per_file_ignores_glob_forms(
    here: Path,
    capsys: pytest.CaptureFixture[str],
    pattern: str,
    codes: str,
    still_reported: list[str],
) -> None:
    for index, name in enumerate(GLOB_FILES):
        path = here / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            HEAD.replace("Prices rose", f"Prices rose {index}", 1)
            + "Prices rose.The index fell.\n\n"
            + f"[Source](https://example.com/{index})\n",
            encoding="utf-8",
        )
    (here / "newslint.toml").write_text(
        f'[per-file-ignores]\n"{pattern}" = ["{codes}"]\n', encoding="utf-8"
    )
    code, out, _ = discovered(
        capsys, "check", "--output-format", "concise", "--select", "TX004", "content"
    )
    assert [line.split(":")[0] for line in out.splitlines()] == still_reported
    assert all(":7:12: TX004 [sentence-spacing]" in line for line in out.splitlines())
    assert code == 0


# --- fix's exit codes -----------------------------------------------------------------------------

UTC_DATE = (
    HEAD.replace("2025-02-08T09:55:35+08:00", "2025-02-08 09:55:35")
    + "Prices rose.The index fell.\n\n"
    + SOURCE
)


def test_fix_exits_1_when_a_problem_at_fail_on_remains_after_the_safe_fixes(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """DESIGN: "`fix` exits 0 when all that remains is below `--fail-on`, 1 otherwise". The date
    without a zone has only an unsafe fix (UTC is assumed), so its warning remains."""
    (here / "a.md").write_text(UTC_DATE, encoding="utf-8")
    code, out, err = run(capsys, "fix", "--fail-on", "warning", "a.md")
    assert code == 1
    assert out == (
        "a.md:3:7: DT001 [date-format] date is not RFC 3339 with an offset: Hugo reads "
        "'2025-02-08 09:55:35' in UTC (no time zone is configured)\n"
    )
    assert err == (
        "Applied 1 fix in 1 of 1 file; 1 problem remains (1 warning), 1 fixable with "
        "`--unsafe-fixes`.\n"
    )
    code, _, _ = run(capsys, "fix", "--fail-on", "error", "a.md")
    assert code == 0
    code, _, err = run(capsys, "fix", "--fail-on", "warning", "--unsafe-fixes", "a.md")
    assert code == 0
    assert err == "Applied 1 fix in 1 of 1 file; no problems remain.\n"
    assert "date: 2025-02-08T09:55:35Z\n" in (here / "a.md").read_text(encoding="utf-8")


def test_exit_non_zero_on_fix_is_1_only_on_the_run_that_changes_a_file_and_exit_zero_wins(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--exit-non-zero-on-fix` "makes any change exit 1"; the next run, which changes nothing,
    exits 0; `--exit-zero` makes that 1 a 0 ("never with `--exit-zero`")."""
    (here / "a.md").write_text(UTC_DATE, encoding="utf-8")
    (here / "b.md").write_text(UTC_DATE.replace('Prices rose"', 'Prices fell"'), encoding="utf-8")
    assert run(capsys, "fix", "--exit-non-zero-on-fix", "a.md")[0] == 1
    assert run(capsys, "fix", "--exit-non-zero-on-fix", "a.md")[0] == 0
    code, _, err = run(capsys, "fix", "--exit-non-zero-on-fix", "--exit-zero", "b.md")
    assert code == 0
    assert err.startswith("Applied 1 fix in 1 of 1 file;")
    assert "Prices rose. The index" in (here / "b.md").read_text(encoding="utf-8")


def test_a_display_only_fix_is_shown_but_never_applied(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """TX006's fix is display-only: JSON shows it with its applicability, `--unsafe-fixes`
    does not apply it, and `--statistics` counts it as fixable by neither."""
    (here / "a.md").write_text(
        HEAD.replace('"Prices rose"', '"UNICEF AND WHO WARN OF MEASLES OUTBREAK"')
        + "Prices rose.\n\n"
        + SOURCE,
        encoding="utf-8",
    )
    _, out, _ = run(capsys, "check", "--output-format", "json", "a.md")
    assert json.loads(out) == [
        {
            "path": "a.md",
            "rule": "title-shouting",
            "code": "TX006",
            "severity": "info",
            "message": "title is in capitals",
            "line": 2,
            "column": 8,
            "end_line": 2,
            "end_column": 49,
            "fix": {
                "applicability": "display-only",
                "title": "Write the title in sentence case",
                "edits": [
                    {
                        "line": 2,
                        "column": 8,
                        "end_line": 2,
                        "end_column": 49,
                        "content": '"Unicef and who warn of measles outbreak"',
                    }
                ],
            },
        }
    ]
    before = (here / "a.md").read_bytes()
    code, _, err = run(capsys, "fix", "--unsafe-fixes", "--fail-on", "info", "a.md")
    assert code == 1
    assert err == "Applied 0 fixes in 0 of 1 file; 1 problem remains (1 info).\n"
    assert (here / "a.md").read_bytes() == before
    _, out, _ = run(capsys, "check", "--statistics", "--output-format", "json", "a.md")
    assert json.loads(out) == [
        {
            "code": "TX006",
            "rule": "title-shouting",
            "severity": "info",
            "count": 1,
            "fixable": 0,
            "unsafe_fixable": 0,
        }
    ]


# --- rules, rule, init ------------------------------------------------------------------------------


def test_rules_lists_designs_columns_in_text_and_json(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """DESIGN: "table of all rules (code, name, severity, fixable, preset)"."""
    code, out, _ = run(capsys, "rules")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["code", "name", "severity", "fix", "preset", "origin", "summary"]
    date_format = next(line for line in lines if line.startswith("DT001 "))
    assert date_format.split()[:6] == ["DT001", "date-format", "warning", "yes", "-", "builtin"]
    code, out, _ = run(capsys, "rules", "--output-format", "json")
    assert code == 0
    rows = {row["code"]: row for row in json.loads(out)}
    assert rows["DT001"] == {
        "code": "DT001",
        "name": "date-format",
        "severity": "warning",
        "fixable": True,
        "presets": [],
        "origin": "builtin",
        "summary": "A date is not written as RFC 3339 with an offset.",
    }
    assert rows["LK001"]["presets"] == ["news"]
    assert rows["NL001"]["origin"] == "engine"
    assert list(rows) == sorted(rows)


@pytest.mark.parametrize("spelling", ["DT001", "dt001", "date-format", "Date-Format"])
def test_rule_takes_the_code_or_the_name_in_any_case(
    here: Path, capsys: pytest.CaptureFixture[str], spelling: str
) -> None:
    code, out, _ = run(capsys, "rule", spelling)
    assert code == 0
    assert out.splitlines()[:3] == [
        "# date-format (DT001)",
        "",
        "Severity: warning. Fixable: yes. Origin: builtin.",
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "DT",
            "newslint: error: no rule 'DT' (a prefix of DT001 date-format, DT002 date-invalid, "
            "DT003 date-future, DT004 date-order: name one)\n",
        ),
        (
            "internal-error",
            "newslint: error: no rule 'internal-error' (internal-error, NL000, is reported by "
            "newslint itself, not by a rule, whatever is selected: a rule crashed, which is a bug "
            "to report)\n",
        ),
    ],
)
def test_rule_refuses_what_is_not_one_rule_with_exit_2(
    here: Path, capsys: pytest.CaptureFixture[str], name: str, message: str
) -> None:
    code, out, err = run(capsys, "rule", name)
    assert (code, out, err) == (2, "", message)


def test_init_writes_once_and_never_a_second_configuration(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """README: `init` "never overwrites, nor writes a second configuration beside one"; `init
    pyproject.toml` adds a `[tool.newslint]` section to an existing pyproject, which `config`
    then reads."""
    (here / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    code, out, _ = discovered(capsys, "init", "pyproject.toml")
    assert (code, out) == (0, "Added a [tool.newslint] section to pyproject.toml.\n")
    text = (here / "pyproject.toml").read_text(encoding="utf-8")
    assert text.startswith('[project]\nname = "x"\n\n[tool.newslint]\n')
    code, out, _ = discovered(capsys, "config", "--output-format", "json")
    assert code == 0
    assert json.loads(out)["path"] == "pyproject.toml"
    code, _, err = discovered(capsys, "init")
    assert (code, err) == (
        2,
        "newslint: error: pyproject.toml already configures newslint here; not writing newslint.toml\n",
    )
    assert not (here / "newslint.toml").exists()
    assert (here / "pyproject.toml").read_text(encoding="utf-8") == text
    code, _, err = discovered(capsys, "init", "pyproject.toml")
    assert code == 2
    assert (here / "pyproject.toml").read_text(encoding="utf-8") == text


def test_init_refuses_beside_a_dot_newslint_toml(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / ".newslint.toml").write_text("", encoding="utf-8")
    code, _, err = discovered(capsys, "init")
    assert (code, err) == (
        2,
        "newslint: error: .newslint.toml already configures newslint here; not writing newslint.toml\n",
    )
    assert not (here / "newslint.toml").exists()


# --- usage errors: exit 2, a message on stderr, nothing on stdout ------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--jobs", "-1"], "argument --jobs/-j: expected 0 (one per CPU) or more, not -1"),
        (["--jobs", "x"], "argument --jobs/-j: expected a whole number, not 'x'"),
        (["--fail-on", "bad"], "argument --fail-on: invalid choice: 'bad'"),
        (["--output-format", "xml"], "argument --output-format: invalid choice: 'xml'"),
        (["--color", "maybe"], "argument --color: invalid choice: 'maybe'"),
        (["--select", "ZZ"], "newslint: error: --select: unknown rule or prefix 'ZZ'"),
        (["--rules-dir", "missing"], "newslint: error: --rules-dir missing: no such directory"),
        (["--exclude", "["], "'[' is not a glob: unclosed character class"),
        (["nope.md"], "newslint: error: no such file or directory: nope.md"),
    ],
)
def test_each_usage_error_exits_2_with_its_message(
    here: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    (here / "a.md").write_text(HEAD + "Prices rose.\n\n" + SOURCE, encoding="utf-8")
    with_path = args if args == ["nope.md"] else [*args, "a.md"]
    try:
        code = main(["check", "--isolated", "--no-cache", *with_path])
    except SystemExit as exit_:  # argparse's own errors
        code = exit_.code  # type: ignore[assignment]
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert message in err


def test_a_github_annotation_of_a_problem_over_a_line_break_has_no_columns(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """README: "no columns when a problem spans lines"; the line and end line are those of the
    JSON contract."""
    (here / "a.md").write_text(
        HEAD + "The vote passed.\n\n\n\nMore.\n\n" + SOURCE, encoding="utf-8"
    )
    _, out, _ = run(capsys, "check", "--output-format", "github", "a.md")
    assert (
        out
        == "::notice file=a.md,line=9,endLine=10,title=BD003 blank-lines::3 blank lines in a row\n"
    )
    _, out, _ = run(capsys, "check", "--output-format", "json", "a.md")
    (problem,) = json.loads(out)
    assert (problem["line"], problem["column"], problem["end_line"], problem["end_column"]) == (
        9,
        1,
        10,
        1,
    )


# --- ruff's command-line-only settings written into the configuration ---------------------------


@pytest.mark.parametrize(
    ("key", "hint"),
    [
        ("unsafe-fixes", "pass --unsafe-fixes to `newslint fix`"),
        ("unsafe_fixes", "pass --unsafe-fixes to `newslint fix`"),
        ("fix", "run `newslint fix`"),
        ("show-fixes", "pass --show-fixes to `newslint fix`"),
        ("force-exclude", "pass --force-exclude"),
    ],
)
def test_a_ruff_setting_newslint_takes_on_the_command_line_is_named_as_such(
    here: Path, capsys: pytest.CaptureFixture[str], key: str, hint: str
) -> None:
    """A ruff user writes `unsafe-fixes = true` (or `force-exclude`) into the configuration. The
    run exits 2 naming the key ("Unknown keys ... exit 2 naming the key"), and says where the
    setting lives instead of nothing (`unsafe-fixes`) or a wrong lead (`force-exclude` had
    "did you mean 'exclude'?", a key that does something else)."""
    (here / "a.md").write_text(HEAD + "Prices rose.\n\n" + SOURCE, encoding="utf-8")
    (here / "pyproject.toml").write_text(f"[tool.newslint]\n{key} = true\n", encoding="utf-8")
    code, out, err = discovered(capsys, "fix", "a.md")
    assert (code, out) == (2, "")
    assert err == (
        f"newslint: error: pyproject.toml: unknown key 'tool.newslint.{key}' "
        f"(a command-line option: {hint})\n"
    )
    code, out, err = run(capsys, "check", "--config", f"{key} = true", "a.md")
    assert (code, out) == (2, "")
    assert (
        err == f"newslint: error: --config: unknown key '{key}' (a command-line option: {hint})\n"
    )


def test_a_misspelt_key_still_gets_its_suggestion_and_a_links_key_no_flag_hint(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "a.md").write_text(HEAD + "Prices rose.\n\n" + SOURCE, encoding="utf-8")
    (here / "newslint.toml").write_text("excude = []\n", encoding="utf-8")
    code, _, err = discovered(capsys, "check", "a.md")
    assert (code, err) == (
        2,
        "newslint: error: newslint.toml: unknown key 'excude' (did you mean 'exclude'?)\n",
    )
    (here / "newslint.toml").write_text("[links]\nfix = true\n", encoding="utf-8")
    code, _, err = discovered(capsys, "check", "a.md")
    assert (code, err) == (2, "newslint: error: newslint.toml: unknown key 'links.fix'\n")


# --- disable and enable ranges that cross a prefix or a bare disable -----------------------------


def test_an_enable_of_one_rule_inside_a_prefix_or_bare_disable_turns_on_that_rule_alone(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As in ESLint and markdownlint: after `disable TX`, `enable TX004` turns sentence-spacing
    back on while the rest of TX stays off; after a bare `disable`, `enable sentence-spacing`
    turns that rule on and trailing-whitespace stays off until the bare `enable`. No suppression
    here is unused."""
    (here / "a.md").write_text(
        HEAD
        + "<!-- newslint-disable TX -->\n"
        + "Prices fell.The index fell.\n"
        + "\n"
        + "<!-- newslint-enable TX004 -->\n"
        + "Prices went.The index fell.\n"
        + "\n"
        + "<!-- newslint-enable TX -->\n"
        + "Prices came.The index fell.\n"
        + "\n"
        + "<!-- newslint-disable -->\n"
        + "Prices sat.The index fell.   \n"
        + "\n"
        + "<!-- newslint-enable sentence-spacing -->\n"
        + "Prices stood.The index fell.   \n"
        + "\n"
        + "<!-- newslint-enable -->\n"
        + "Prices lay.The index fell.   \n"
        + "\n"
        + SOURCE,
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "check", "--output-format", "concise", "a.md")
    assert out.splitlines() == [
        "a.md:11:12: TX004 [sentence-spacing] [*] no space after '.' before 'The'",
        "a.md:14:12: TX004 [sentence-spacing] [*] no space after '.' before 'The'",
        "a.md:20:13: TX004 [sentence-spacing] [*] no space after '.' before 'The'",
        "a.md:23:11: TX004 [sentence-spacing] [*] no space after '.' before 'The'",
        "a.md:23:27: BD002 [trailing-whitespace] [*] trailing whitespace (3 spaces)",
    ]
    assert code == 0


# --- --show-fixes keeps standard output for the report or the fixed text ------------------------


def test_show_fixes_goes_to_stderr_so_fix_stdin_and_json_stay_pure(
    here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    text = UTC_DATE
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode()), encoding="utf-8"))
    code, out, err = run(capsys, "fix", "--show-fixes", "-")
    assert code == 0
    assert out == text.replace("rose.The", "rose. The")
    assert err.startswith(
        "Fixed 1 problem:\n- -:\n    1 × TX004 (sentence-spacing) Insert a space\n-:3:7: DT001"
    )
    (here / "a.md").write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "fix", "--show-fixes", "--output-format", "json", "a.md")
    assert code == 0
    assert [d["code"] for d in json.loads(out)] == ["DT001"]
    assert err == (
        "Fixed 1 problem:\n- a.md:\n    1 × TX004 (sentence-spacing) Insert a space\n"
        "Applied 1 fix in 1 of 1 file; 1 problem remains (1 warning), 1 fixable with "
        "`--unsafe-fixes`.\n"
    )


# --- `newslint rule NAME`'s options table is a configuration that changes nothing ---------------


def _rules_with_options() -> list[str]:
    from newslint.registry import load_registry
    from newslint.rule import NoOptions

    return sorted(rule.name for rule in load_registry().rules if rule.Options is not NoOptions)


ALL_PROBLEMS = UTC_DATE.replace(
    "[Source](https://example.com/a)", "[Source](http://example.com/a?utm_source=x)"
)


def test_there_are_rules_with_options() -> None:
    assert {"summary-length", "required-field", "title-shouting"} <= set(_rules_with_options())


@pytest.mark.parametrize("name", _rules_with_options())
def test_a_rules_options_table_pasted_into_the_configuration_changes_nothing(
    here: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """`newslint rule NAME` prints "the defaults, as a configuration table": pasted into
    newslint.toml as it stands, it is a valid configuration and every rule reports as before."""
    (here / "a.md").write_text(ALL_PROBLEMS, encoding="utf-8")
    before = discovered(capsys, "check", "--select", "ALL", "--output-format", "json", "a.md")
    code, doc, _ = run(capsys, "rule", name)
    assert code == 0
    section = doc.split("\n## Options\n", 1)[1]
    table = "\n".join(line[4:] for line in section.splitlines() if line.startswith("    "))
    assert table.startswith(f"[rules.{name}]\n")
    (here / "newslint.toml").write_text(table + "\n", encoding="utf-8")
    after = discovered(capsys, "check", "--select", "ALL", "--output-format", "json", "a.md")
    assert after == before
    assert json.loads(before[1])  # the article has problems for the comparison to mean something


# --- fix on degenerate files ------------------------------------------------------------------------

DEGENERATE = [
    ("bom-only.md", b"\xef\xbb\xbf", b""),
    ("blank-crlf.md", b"\r\n\r\n\r\n", b"\n"),
    ("front-matter-only-crlf.md", b'---\r\ntitle: "A b"\r\n---', b'---\ntitle: "A b"\n---'),
    ("toml-no-final-newline.md", b'+++\ntitle = "A  b"\n+++', b'+++\ntitle = "A b"\n+++'),
    ("json-no-final-newline.md", b'{"title": "A &amp; b"}', b'{"title": "A & b"}'),
    (
        "bom-lone-cr.md",
        b'\xef\xbb\xbf---\rtitle: "A  b"\r---\rText.The end.  ',
        b'---\ntitle: "A b"\n---\nText. The end.  ',
    ),
    ("nul.md", b'---\ntitle: "A\x00b"\n---\nText\x01.\n', b'---\ntitle: "Ab"\n---\nText.\n'),
    (
        "latin1.md",
        b'---\ntitle: "Caf\xe9"\n---\n\nText caf\xe9.The end.\r\n',
        b'---\ntitle: "Caf\xc3\xa9"\n---\n\nText caf\xc3\xa9. The end.\n',
    ),
    (
        "tabs.md",
        b'---\ntitle:\t"A b"\n---\n\n\t\n \t \nText.\n\n\n',
        b'---\ntitle:\t"A b"\n---\n\nText.\n\n',
    ),
    ("unclosed.md", b"---\ntitle: x\n", b"---\ntitle: x\n"),
    ("empty.md", b"", b""),
]


@pytest.mark.parametrize(
    ("name", "before", "after"), DEGENERATE, ids=[case[0] for case in DEGENERATE]
)
def test_fix_of_a_degenerate_file_is_exact_and_a_second_run_changes_nothing(
    here: Path, capsys: pytest.CaptureFixture[str], name: str, before: bytes, after: bytes
) -> None:
    """ "Bad input → a diagnostic and clean exit, never a traceback", and a fix never loses a byte
    it need not: an empty file, a BOM alone, blank CRLF lines, front matter without a body or a
    final newline, a lone-CR file with a BOM, control characters, Latin-1 bytes (an unsafe
    transcode), whitespace-only lines; an unclosed block is left as it is (FM002 has no fix)."""
    (here / name).write_bytes(before)
    args = ("fix", "--select", "ALL", "--ignore", "XF", "--unsafe-fixes", name)
    code, _, err = run(capsys, *args)
    assert code == 1  # errors remain: no front matter, no title/date/summary, no source link
    assert "Traceback" not in err
    assert (here / name).read_bytes() == after
    code, _, err = run(capsys, *args)
    assert code == 1
    assert err.startswith("Applied 0 fixes in 0 of 1 file;")
    assert (here / name).read_bytes() == after
