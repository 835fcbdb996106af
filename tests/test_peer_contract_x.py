"""Peer round X: the command line as a ruff, markdownlint and lychee user drives it, from the docs.

Written as a demanding outside tester who has only DESIGN.md, STYLE.md, the README,
`newslint --help` and `newslint rule CODE`, on what the earlier peer files leave open: the report
file of `--output` under `FORCE_COLOR`, message wording at a count of one, `--statistics` order
and forms, the inline `--config KEY=VALUE` mistakes, `newslint config` read back as a
configuration, configuration discovery past a `pyproject.toml` without `[tool.newslint]`, the
`exclude` glob forms the README lists, the GitHub workflow command's escaping of a file name,
SARIF's UTF-16 columns and relative URIs, `fix --diff` exit codes as ruff defines them, a JSON
article silenced from its body, and a Jekyll site's `_config.yml` written as Windows editors do.
Each case is a small file written here and a run of the command line (in-process,
`newslint.cli.main`), with the exact output it must give.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from newslint.cli import main
from tests.test_peer_contract_w import ARTICLE  # the same clean article as round W's


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("FORCE_COLOR", "NO_COLOR", "GITHUB_ACTIONS", "CI_PROJECT_DIR"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([args[0], "--isolated", "--no-cache", *args[1:]])
    out, err = capsys.readouterr()
    return code, out, err


def discovered(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """A run that reads the configuration files (no `--isolated`)."""
    no_cache = ["--no-cache"] if args[0] in ("check", "fix") else []
    code = main([args[0], *no_cache, *args[1:]])
    out, err = capsys.readouterr()
    return code, out, err


# --- --output: a report file holds no colour codes unless asked ---------------------------------


def test_force_color_leaves_the_output_file_without_escape_codes(
    here: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`FORCE_COLOR` (set by many CI set-ups so that the log is coloured) made `--output-format
    full --output report.txt` write ANSI escape sequences into the report file, an artefact a
    person downloads and reads; ruff never colours its `--output-file`. An explicit `--color
    always` still colours the file, as asked."""
    monkeypatch.setenv("FORCE_COLOR", "1")
    (here / "a.md").write_text(ARTICLE.replace("Budget passes", "Budget &amp; tax"))
    code, out, err = run(
        capsys, "check", "--output-format", "full", "-o", "report.txt", "--select", "TX003", "a.md"
    )
    assert (code, out, err) == (0, "", "")
    report = (here / "report.txt").read_text(encoding="utf-8")
    assert "\x1b" not in report
    assert report.splitlines()[:2] == [
        "a.md",
        "  a.md:2:16: TX003 [html-entity] warning: title shows the HTML entity &amp; literally [*]",
    ]
    code, out, err = run(
        capsys,
        "check",
        "--output-format",
        "full",
        "--color",
        "always",
        "-o",
        "coloured.txt",
        "--select",
        "TX003",
        "a.md",
    )
    assert (code, out, err) == (0, "", "")
    assert "\x1b[" in (here / "coloured.txt").read_text(encoding="utf-8")


# --- messages at a count of one -----------------------------------------------------------------


def test_summary_length_says_one_character_not_one_characters(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "a.md").write_text(
        ARTICLE.replace('"The parliament passed the budget on Tuesday after a long debate."', '"X"')
    )
    assert run(capsys, "check", "--select", "TX002", "a.md") == (
        0,
        "a.md:4:10: TX002 [summary-length] summary is 1 character long, fewer than 40\n",
        "",
    )
    (here / "a.md").write_text(
        ARTICLE.replace(
            '"The parliament passed the budget on Tuesday after a long debate."', '"Xy"'
        )
    )
    assert run(capsys, "check", "--select", "TX002", "a.md")[1] == (
        "a.md:4:10: TX002 [summary-length] summary is 2 characters long, fewer than 40\n"
    )


# --- .gitignore is read as git reads it ---------------------------------------------------------

GITIGNORE_CASES = [
    # A pattern with a slash is anchored, and its `*` stops at `/`: `/*.md` ignores the
    # repository's top-level Markdown (a README, a CHANGELOG), never the content below.
    ("/*.md\n", ["content/news/a.md", "content/news/sub/b.md", "old news/c.md"]),
    ("content/news/*.md\n", ["!x.md", "content/news/sub/b.md", "old news/c.md", "top.md"]),
    ("*/news/a.md\n", ["!x.md", "content/news/sub/b.md", "old news/c.md", "top.md"]),
    # `/**/` matches no folder too.
    ("content/news/**/a.md\n", ["!x.md", "content/news/sub/b.md", "old news/c.md", "top.md"]),
    ("content/news/**/b.md\n", ["!x.md", "content/news/a.md", "old news/c.md", "top.md"]),
    # Escaped space, `#` and `!`; trailing spaces dropped.
    ("old\\ news/\n", ["!x.md", "content/news/a.md", "content/news/sub/b.md", "top.md"]),
    (
        "\\#draft.md\n\\!x.md\n",
        ["content/news/a.md", "content/news/sub/b.md", "old news/c.md", "top.md"],
    ),
    ("top.md   \n", ["!x.md", "content/news/a.md", "content/news/sub/b.md", "old news/c.md"]),
    ("*.md\n!content/**\n", ["content/news/a.md", "content/news/sub/b.md"]),
]


@pytest.mark.parametrize(("gitignore", "linted"), GITIGNORE_CASES)
def test_gitignore_patterns_mean_what_git_makes_of_them(
    here: Path, capsys: pytest.CaptureFixture[str], gitignore: str, linted: list[str]
) -> None:
    """README: a walk leaves out what `.gitignore` ignores. Its patterns were read with Python's
    `fnmatch`, whose `*` crosses `/`: a repository ignoring its top-level Markdown with `/*.md`
    had all its content skipped without a word, `content/**/a.md` missed `content/a.md`, and
    escapes (`\\ `, `\\#`, `\\!`) were taken literally. Each case also asks git itself."""
    (here / ".git").mkdir()
    files = [
        "top.md",
        "content/news/a.md",
        "content/news/sub/b.md",
        "old news/c.md",
        "#draft.md",  # Hugo (and so newslint) skips it; git lists it
        "!x.md",
    ]
    for name in files:
        (here / name).parent.mkdir(parents=True, exist_ok=True)
        (here / name).write_text("---\ntitle: x\n---\n", encoding="utf-8")
    (here / ".gitignore").write_text(gitignore, encoding="utf-8")
    code, out, err = run(capsys, "check", "--select", "FM004", "--output-format", "json", ".")
    assert (code, err) == (1, "")
    assert sorted({d["path"] for d in json.loads(out)}) == linted
    if shutil.which("git"):
        shutil.rmtree(here / ".git")
        subprocess.run(["git", "init", "-q", "."], check=True)
        listed = subprocess.run(
            ["git", "ls-files", "-o", "--exclude-standard", "-z"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split("\0")
        # Hugo (and so newslint) never builds a name that starts with `#`; git lists it.
        assert sorted(p for p in listed if p.endswith(".md") and p != "#draft.md") == linted


# --- --statistics: ruff's order and forms -------------------------------------------------------


def test_statistics_lists_the_most_frequent_rule_first_then_by_code(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As `ruff check --statistics`: one line per rule, the most frequent first, ties by code,
    then the total; JSON gives each rule's count, fixable and unsafe-fixable numbers."""
    (here / "a.md").write_text(
        ARTICLE.replace("Budget passes", "Budget &amp; tax").replace(
            "after a long debate.\n\n[Source]",
            "after a long debate.The vote was close.The end came.   \n\n[Source]",
        )
    )
    code, out, err = run(capsys, "check", "--statistics", "a.md")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "      2  TX004  sentence-spacing     warning  2 fixable",
        "      1  BD002  trailing-whitespace  info     1 fixable",
        "      1  TX003  html-entity          warning  1 fixable",
        "      4  total, 4 fixable with `newslint fix`",
    ]
    code, out, err = run(capsys, "check", "--statistics", "--output-format", "json", "a.md")
    assert json.loads(out)[0] == {
        "code": "TX004",
        "rule": "sentence-spacing",
        "severity": "warning",
        "count": 2,
        "fixable": 2,
        "unsafe_fixable": 0,
    }
    assert [entry["code"] for entry in json.loads(out)] == ["TX004", "BD002", "TX003"]


@pytest.mark.parametrize("fmt", ["sarif", "junit", "gitlab"])
def test_statistics_has_no_form_in_the_report_formats(
    here: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    """README: `--statistics` ... "not with `sarif`, `junit` or `gitlab`": a usage error (2)."""
    (here / "a.md").write_text(ARTICLE)
    assert run(capsys, "check", "--statistics", "--output-format", fmt, "a.md") == (
        2,
        "",
        f"newslint: error: --statistics has no {fmt} form (use json, json-lines or a text "
        "format)\n",
    )


# --- configuration: discovery, inline settings, `newslint config` read back ----------------------


def test_a_pyproject_without_a_newslint_section_is_passed_over(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """README: the configuration is "a `pyproject.toml` with `[tool.newslint]`", the nearest
    looking upward: a `pyproject.toml` of another tool on the way (a Python helper script's)
    does not stop the search, as in ruff. One that starts with a byte order mark is read."""
    (here / "sub" / "deep").mkdir(parents=True)
    (here / "sub" / "deep" / "a.md").write_text(ARTICLE.replace("Budget passes", "A &amp; B"))
    (here / "sub" / "deep" / "pyproject.toml").write_text("[tool.black]\nline-length = 100\n")
    (here / "sub" / "pyproject.toml").write_bytes(
        b'\xef\xbb\xbf[tool.newslint]\nignore = ["html-entity"]\n'
    )
    (here / "newslint.toml").write_text('select = ["TX003"]\n')
    assert discovered(capsys, "check", "sub/deep/a.md") == (0, "", "")
    out = discovered(capsys, "config", "--output-format", "json")[1]
    assert json.loads(out)["path"] == "newslint.toml"
    (here / "sub" / "pyproject.toml").write_text("[tool.black]\n")
    assert discovered(capsys, "check", "sub/deep/a.md") == (
        0,
        "sub/deep/a.md:2:11: TX003 [html-entity] [*] title shows the HTML entity &amp; literally\n",
        "",
    )


def test_newslint_config_reads_back_as_the_same_configuration(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`newslint config` prints "the effective configuration" in `newslint.toml`'s form: saved
    as a `newslint.toml`, it configures the same run (every key, comments for unset ones)."""
    (here / "a.md").write_text(
        ARTICLE.replace("2025-02-08T09:55:35+08:00", "2025-02-08 09:55:35").replace(
            "(https://example.org/news/1)", "(http://example.org/news/1?utm_source=x)"
        )
    )
    (here / "newslint.toml").write_text(
        'select = ["ALL"]\nignore = ["LK004"]\ntimezone = "Asia/Shanghai"\n'
        '[per-file-ignores]\n"a.*" = ["LK005"]\n[rules.summary-length]\nmax = 50\n'
        '[links]\nexclude = ["^https://example\\\\.com/"]\n'
    )
    before = discovered(capsys, "check", "a.md")
    assert before[1].splitlines() == [
        "a.md:3:7: DT001 [date-format] [*] date is not RFC 3339 with an offset: Hugo reads "
        "'2025-02-08 09:55:35' in Asia/Shanghai",
        "a.md:4:10: TX002 [summary-length] summary is 64 characters long, more than 50",
    ]
    code, printed, err = discovered(capsys, "config")
    assert (code, err) == (0, "")
    (here / "newslint.toml").write_text(printed, encoding="utf-8")
    assert discovered(capsys, "check", "a.md") == before
    assert discovered(capsys, "config")[1] == printed


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("selct = ['DT001']", "--config: unknown key 'selct' (did you mean 'select'?)"),
        ("links.timout = 3", "--config: unknown key 'links.timout' (did you mean 'timeout'?)"),
        ("rules.nope.max = 1", "--config: rules.nope: unknown rule 'nope'"),
        (
            "select = ['DT001'",
            "--config \"select = ['DT001'\": not a file, and not valid TOML: Unclosed array (at "
            "end of document)",
        ),
    ],
)
def test_an_inline_setting_mistake_is_a_usage_error_naming_the_key(
    here: Path, capsys: pytest.CaptureFixture[str], setting: str, message: str
) -> None:
    (here / "a.md").write_text(ARTICLE)
    assert run(capsys, "check", "--config", setting, "a.md") == (
        2,
        "",
        f"newslint: error: {message}\n",
    )


# --- reporters: what their consumers parse ------------------------------------------------------


def test_github_annotations_escape_a_comma_and_a_colon_in_the_file_name(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A workflow command's properties are separated by `,` and end at `::`: the runner reads
    `file=b,c:d.md` as the file `b` (GitHub's toolkit escapes `,` as `%2C` and `:` as `%3A`)."""
    (here / "b,c:d.md").write_text(ARTICLE.replace("Budget passes", "Budget &amp; tax"))
    assert run(capsys, "check", "--output-format", "github", "b,c:d.md") == (
        0,
        "::warning file=b%2Cc%3Ad.md,line=2,col=16,endLine=2,endColumn=21,title=TX003 "
        "html-entity::title shows the HTML entity &amp; literally\n",
        "",
    )


def test_sarif_columns_count_utf16_code_units_after_an_astral_character(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """README: SARIF columns are "in UTF-16 code units (what code scanning reads)", while the
    JSON output counts code points: an emoji before the problem is two units, one point."""
    (here / "a.md").write_text(ARTICLE.replace("Budget passes", "😀 Budget &amp; tax"))
    code, out, err = run(capsys, "check", "--output-format", "sarif", "a.md")
    assert (code, err) == (0, "")
    (result,) = json.loads(out)["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 2,
        "startColumn": 19,
        "endLine": 2,
        "endColumn": 24,
    }
    (item,) = json.loads(run(capsys, "check", "--output-format", "json", "a.md")[1])
    assert (item["column"], item["end_column"]) == (18, 23)


# --- fix: ruff's exit codes, bytes kept ---------------------------------------------------------


def test_fix_diff_exits_0_when_there_is_no_diff_even_with_errors_left(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """README: `fix --diff` exits 1 when "there is a diff, as with ruff": `ruff check --diff`
    exits 0 when nothing would change, whatever problems remain unfixed."""
    (here / "a.md").write_text(
        ARTICLE.replace(
            'summary: "The parliament passed the budget on Tuesday after a long debate."\n', ""
        )
    )
    assert run(capsys, "fix", "--diff", "--select", "FM004", "a.md") == (
        0,
        "",
        "Would apply 0 fixes in 0 of 1 file.\n",
    )
    assert run(capsys, "fix", "--diff", "--unsafe-fixes", "--select", "FM004", "a.md")[0] == 1
    assert run(capsys, "check", "--select", "FM004", "a.md")[0] == 1


def test_fix_removes_unused_suppressions_of_every_kind_keeping_crlf_and_no_final_newline(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """README: an unused suppression "is reported as `unused-suppression` (NL001), and
    `newslint fix` removes it": a key line's comment (with the spaces before it), a comment
    line of its own, a `disable-line` and a `disable-next-line` comment, in a CRLF file whose
    last line has no line break, every other byte kept."""
    text = (
        "---\r\n"
        'title: "Budget passes"   # newslint: disable=TX003\r\n'
        "# newslint: disable=DT003\r\n"
        "date: 2025-02-08T09:55:35+08:00\r\n"
        'summary: "The parliament passed the budget on Tuesday after a long debate."\r\n'
        "---\r\n"
        "\r\n"
        "The parliament passed the budget on Tuesday after a long debate. "
        "<!-- newslint-disable-line BD002 -->\r\n"
        "\r\n"
        "<!-- newslint-disable-next-line LK005 -->\r\n"
        "[Source](https://example.org/news/1)"
    )
    (here / "a.md").write_bytes(text.encode())
    code, out, err = run(capsys, "check", "--ignore", "EN007", "a.md")
    assert [line.split(" [unused-suppression] ")[0] for line in out.splitlines()] == [
        "a.md:2:26: NL001",
        "a.md:3:1: NL001",
        "a.md:8:66: NL001",
        "a.md:10:1: NL001",
    ]
    code, out, err = run(capsys, "fix", "--ignore", "EN007", "a.md")
    assert (code, out, err) == (0, "", "Applied 4 fixes in 1 of 1 file; no problems remain.\n")
    assert (here / "a.md").read_bytes() == (
        b"---\r\n"
        b'title: "Budget passes"\r\n'
        b"date: 2025-02-08T09:55:35+08:00\r\n"
        b'summary: "The parliament passed the budget on Tuesday after a long debate."\r\n'
        b"---\r\n"
        b"\r\n"
        b"The parliament passed the budget on Tuesday after a long debate.\r\n"
        b"\r\n"
        b"[Source](https://example.org/news/1)"
    )


# --- suppressions: a JSON article is silenced from its body -------------------------------------


def test_a_json_front_matter_problem_is_silenced_by_a_body_comment(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """JSON has no comments: DESIGN's body comments are the only way to silence a front-matter
    rule there, and `disable-file` covers the front matter too."""
    article = (
        "{\n"
        '  "title": "Budget &amp; tax",\n'
        '  "date": "2025-02-08T09:55:35+08:00",\n'
        '  "summary": "The parliament passed the budget on Tuesday after a long debate."\n'
        "}\n"
        "\n"
        "<!-- newslint-disable-file html-entity -->\n"
        "The parliament passed the budget on Tuesday after a long debate.\n"
        "\n"
        "[Source](https://example.org/news/1)\n"
    )
    (here / "a.md").write_text(article)
    assert run(capsys, "check", "a.md") == (0, "", "")
    (here / "a.md").write_text(article.replace("html-entity", "TX00"))
    assert run(capsys, "check", "a.md") == (0, "", "")
    (here / "a.md").write_text(article.replace("html-entity", "title-shouting"))
    assert run(capsys, "check", "a.md")[1].splitlines() == [
        "a.md:2:20: TX003 [html-entity] [*] title shows the HTML entity &amp; literally",
        "a.md:7:1: NL001 [unused-suppression] [*] unused suppression (nothing reported for "
        "title-shouting)",
    ]


# --- a Jekyll site's _config.yml as editors write it --------------------------------------------


@pytest.mark.parametrize(
    ("config", "offset"),
    [
        (b"timezone: Asia/Tokyo # JST\n", "+09:00"),
        (b'title: Blog\r\ntimezone: "America/New_York"\r\n', "-04:00"),
        (b"\xef\xbb\xbftimezone: Europe/Paris\n", "+02:00"),
    ],
    ids=["comment", "crlf-quoted", "bom"],
)
def test_jekyll_timezone_is_read_from_a_config_written_in_any_editor(
    here: Path, capsys: pytest.CaptureFixture[str], config: bytes, offset: str
) -> None:
    """`newslint rule date-format`: Jekyll reads a date without an offset "in the `timezone` of
    its `_config.yml` (the zone the fix then writes, safely)"; a comment after the value, CRLF
    line ends, quotes and a byte order mark are all still that zone."""
    (here / "_posts").mkdir()
    (here / "_config.yml").write_bytes(config)
    post = here / "_posts" / "2021-10-15-x.md"
    post.write_text(ARTICLE.replace("2025-02-08T09:55:35+08:00", "2021-10-15 14:00:00"))
    code, out, err = run(capsys, "fix", "--select", "DT001", "_posts")
    assert (code, out, err) == (0, "", "Applied 1 fix in 1 of 1 file; no problems remain.\n")
    assert post.read_text().splitlines()[2] == f"date: 2021-10-15T14:00:00{offset}"


def test_a_gitignore_above_the_working_directory_outside_any_repository_is_not_read(
    here: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """git reads no `.gitignore` outside a repository, nor does ruff's walk. newslint read every
    one up to the file system's root: a home folder's `*` (a dotfiles set-up's) made a site kept
    out of git lint nothing. Those in the working directory and below still hold."""
    (here / ".gitignore").write_text("*\n")
    blog = here / "blog"
    (blog / "content").mkdir(parents=True)
    (blog / ".gitignore").write_text("draft.md\n")
    (blog / "content" / "a.md").write_text(ARTICLE.replace("Budget passes", "A &amp; B"))
    (blog / "content" / "draft.md").write_text(ARTICLE.replace("Budget passes", "C &amp; D"))
    monkeypatch.chdir(blog)
    expected = (
        0,
        "content/a.md:2:11: TX003 [html-entity] [*] title shows the HTML entity &amp; literally\n",
        "",
    )
    assert run(capsys, "check", "--select", "TX003", ".") == expected
    assert run(capsys, "check", "--select", "TX003", "content") == expected
    (here / ".git").mkdir()  # now both files are the repository's: its `*` holds
    assert run(capsys, "check", "--select", "TX003", ".") == (
        0,
        "",
        "newslint: warning: no Markdown files to lint (all excluded or none found)\n",
    )


# --- a site's ignoreFiles in Go's regular expressions -------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "linted", "warning"),
    [
        # RE2's POSIX classes and quoted text (hugo 0.168 leaves `a b.md` out for each).
        ("[[:space:]]", ["content/ab.md"], ""),
        ("\\Qa b\\E", ["content/ab.md"], ""),
        ("a[[:blank:]]b\\.md\\z", ["content/ab.md"], ""),
        ("\\pL\\sb", ["content/ab.md"], ""),
        # A Unicode class Python's re cannot read: hugo builds; newslint says what it does.
        (
            "\\pZ",
            ["content/a b.md", "content/ab.md"],
            "newslint: warning: HERE/hugo.toml: ignoreFiles pattern '\\\\pZ' uses a Unicode class "
            "newslint cannot read; the files it leaves out are linted\n",
        ),
    ],
)
def test_ignore_files_are_read_as_go_reads_them(
    here: Path,
    capsys: pytest.CaptureFixture[str],
    pattern: str,
    linted: list[str],
    warning: str,
) -> None:
    """DESIGN: site.py reads the Hugo configuration, and a walk leaves out what its `ignoreFiles`
    patterns (Go regular expressions) match. `[[:space:]]` was read as Python's class `[[:space:]`
    and matched nothing, and `\\Q...\\E` did not compile, reported with "(Hugo cannot build)",
    which hugo 0.168 builds; checked with the binary."""
    (here / "hugo.toml").write_text(
        f"baseURL = 'https://example.org/'\nignoreFiles = ['{pattern}']\n"
    )
    (here / "content").mkdir()
    for name in ("a b.md", "ab.md"):
        (here / "content" / name).write_text("---\ntitle: x\n---\n", encoding="utf-8")
    code, out, err = run(capsys, "check", "--select", "FM004", "--output-format", "json")
    assert (code, err) == (1, warning.replace("HERE", str(here)))
    assert sorted({d["path"] for d in json.loads(out)}) == linted


# --- exit codes, one error class at a time ------------------------------------------------------

CRASHING_RULE = '''"""Crashes on every file.

## What it does
Crashes.

## Why is this bad?
It is a test.

## Example
    x

## Use instead
    y
"""

from newslint import Rule, Severity


class Boom(Rule):
    code = "HB001"
    name = "boom"
    severity = Severity.INFO
    messages = {"x": "x"}

    def on_document_start(self, ctx, event):
        raise ZeroDivisionError("nope")
'''


def test_each_error_class_has_its_exit_code(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """README's exit codes: an unreadable or too large file is a problem (1, 0 with
    `--exit-zero`), which no selection turns off; a crashing rule (`internal-error`, the
    traceback's last line) and a plugin folder that is not there are errors (2), which
    `--exit-zero` leaves 2."""
    os.mkfifo(here / "pipe.md")
    (here / "a.md").write_text(ARTICLE)
    (here / "rules").mkdir()
    (here / "rules" / "boom.py").write_text(CRASHING_RULE)
    unreadable = "pipe.md:1:1: NL002 [unreadable-file] not a regular file (a pipe, socket or device); not read\n"
    assert run(capsys, "check", "--select", "DT001", "pipe.md") == (1, unreadable, "")
    assert run(capsys, "check", "--exit-zero", "pipe.md") == (0, unreadable, "")
    size = len(ARTICLE)
    assert run(capsys, "check", "--select", "DT001", "--config", "max-file-size = 100", "a.md") == (
        1,
        f"a.md:1:1: NL003 [file-too-large] file is {size} bytes, over max-file-size (100); "
        "not linted\n",
        "",
    )
    crash = (
        "a.md:1:1: NL000 [internal-error] rule boom (plugin rules/boom.py) crashed on this "
        "file: ZeroDivisionError: nope\n"
    )
    for extra in ([], ["--exit-zero"], ["--fail-on", "info"]):
        assert run(
            capsys, "check", "--rules-dir", "rules", "--select", "HB001", *extra, "a.md"
        ) == (
            2,
            crash,
            "",
        )
    assert run(capsys, "check", "--rules-dir", "nowhere", "--exit-zero", "a.md") == (
        2,
        "",
        "newslint: error: --rules-dir nowhere: no such directory\n",
    )
