"""Black-box contract tests, written from DESIGN.md, STYLE.md and README.md alone (peer t).

Every test runs `python -m newslint ...` in a subprocess, or the documented Python API
(`newslint.check_text`, `newslint.fix_text`, `newslint.Config`), and asserts exact codes,
positions, fixed text and exit codes. Each rule case comes with a near miss that must stay quiet.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import newslint

TITLE = 'title: "Budget passes"\n'
DATE = "date: 2025-02-08T09:55:35+08:00\n"
SUMMARY = 'summary: "The parliament passed the budget on Tuesday after a long debate."\n'
LEAD = "The parliament passed the budget on Tuesday.\n"
SOURCE = "[Reuters](https://www.reuters.com/world/budget)\n"
MAINROAD = ("--config", 'presets = ["hugo", "news", "mainroad"]')


def article(
    extra: str = "", body: str = LEAD, *, title: str = TITLE, summary: str = SUMMARY
) -> str:
    """A clean YAML article (lines: 1 `---`, 2 title, 3 date, 4 summary, then `extra`)."""
    return "---\n" + title + DATE + summary + extra + "---\n\n" + body + "\n" + SOURCE


@dataclass
class Result:
    rc: int
    out: str
    err: str

    def json(self) -> list[dict]:
        return json.loads(self.out)

    def rows(self) -> list[tuple]:
        """(code, line, column, end_line, end_column, applicability or None) per problem."""
        return [
            (
                d["code"],
                d["line"],
                d["column"],
                d["end_line"],
                d["end_column"],
                d["fix"] and d["fix"]["applicability"],
            )
            for d in self.json()
        ]


def run(*args: str, cwd: Path, stdin: str | bytes | None = None) -> Result:
    data = stdin.encode() if isinstance(stdin, str) else stdin
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR")}
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", *args],
        cwd=cwd,
        input=data,
        # Nothing waits on the test's own standard input.
        stdin=subprocess.DEVNULL if data is None else None,
        capture_output=True,
        env=env,
        timeout=120,
    )
    return Result(proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def lint(tmp_path: Path, text: str | bytes, *args: str, name: str = "content/news/x.md") -> Result:
    """`check` of one article read from standard input as `name`, without any configuration."""
    return run(
        "check",
        "--isolated",
        "--no-cache",
        "--output-format",
        "json",
        "--stdin-filename",
        name,
        *args,
        "-",
        cwd=tmp_path,
        stdin=text,
    )


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


GLUED = "Growth slowed.The index fell.\n"


# --- each catalogue rule: a minimal case that triggers it, and a near miss -------------------

RULE_CASES = [
    # (id, article, extra args, expected rows)
    ("clean", article(), (), []),
    (
        "TX004 no space after a full stop",
        article(body="Growth slowed.The index fell.\n"),
        (),
        [("TX004", 7, 14, 7, 15, "safe")],
    ),
    (
        "TX004 no space after a comma before a quote",
        article(body='He said,"After the vote we left."\n'),
        (),
        [("TX004", 7, 8, 7, 9, "safe")],
    ),
    (
        "TX004 near miss: numbers, abbreviations, a bare host",
        article(
            body="Growth was 3.5 percent in the U.S. economy, e.g. in Ohio. See www.example.com.\n"
        ),
        (),
        [],
    ),
    (
        "BD002 three trailing spaces",
        article(body="Line one   \nline two.\n"),
        (),
        [("BD002", 7, 9, 7, 12, "safe")],
    ),
    (
        "BD002 near miss: two spaces make a hard break",
        article(body="Line one  \nline two.\n"),
        (),
        [],
    ),
    (
        "EN003 zero-width space",
        article(body="Family\u200b went home.\n"),
        (),
        [("EN003", 7, 7, 7, 8, "safe")],
    ),
    (
        "EN003 near miss: a joiner inside an emoji sequence",
        article(body="Family \U0001f468\u200d\U0001f469\u200d\U0001f467 went home.\n"),
        (),
        [],
    ),
    ("EN004 bell", article(body="Family\x07 went home.\n"), (), [("EN004", 7, 7, 7, 8, "safe")]),
    ("EN004 near miss: a tab", article(body="Family\twent home.\n"), (), []),
    (
        "BD005 template braces",
        article(body="Use {{ .Title }} here.\n"),
        (),
        [("BD005", 7, 5, 7, 7, "unsafe")],
    ),
    (
        "BD005 near miss: shortcode calls",
        article(body='{{< youtube id="x" >}}\n\n{{% note %}}Hi.{{% /note %}}\n'),
        (),
        [],
    ),
    (
        "FM005 a scalar where a list belongs",
        article("tags: economy\n"),
        (),
        [("FM005", 5, 7, 5, 14, "unsafe")],
    ),
    ("FM005 near miss: a list", article("tags: [economy]\n"), (), []),
    (
        "FM005 mainroad switches written as strings",
        article('comments: "false"\nmathjax: "true"\n'),
        MAINROAD,
        [("FM005", 5, 11, 5, 18, "unsafe"), ("FM005", 6, 10, 6, 16, "unsafe")],
    ),
    (
        "FM005 near miss: mainroad switches as booleans",
        article("comments: false\nmathjax: true\n"),
        MAINROAD,
        [],
    ),
    ("FM006 empty menu", article('menu: ""\n'), (), [("FM006", 5, 7, 5, 9, "safe")]),
    ("FM006 near miss: a named menu", article('menu: "main"\n'), (), []),
    (
        "FM007 misspelt known key",
        article('descripton: "x"\n'),
        (),
        [("FM007", 5, 1, 5, 11, "unsafe")],
    ),
    ("FM007 near miss: a custom key like no known one", article('newsroom: "x"\n'), (), []),
    (
        "DT001 a date without an offset",
        article("lastmod: 2025-02-09\n"),
        (),
        [("DT001", 5, 10, 5, 20, "unsafe")],
    ),
    (
        "DT002 a month 13",
        article('lastmod: "2025-13-45"\n'),
        (),
        [("DT002", 5, 10, 5, 22, None)],
    ),
    (
        "DT003 a publish date far ahead",
        article("publishDate: 2999-01-01T00:00:00Z\n"),
        (),
        [("DT003", 5, 14, 5, 34, None)],
    ),
    (
        "DT004 lastmod before date",
        article("lastmod: 2025-02-01T00:00:00+08:00\n"),
        (),
        [("DT004", 5, 10, 5, 35, None)],
    ),
    (
        "DT004 expiry equal to the date",
        article("expiryDate: 2025-02-08T09:55:35+08:00\n"),
        (),
        [("DT004", 5, 13, 5, 38, None)],
    ),
    (
        "DT004 near miss: lastmod after date",
        article("lastmod: 2025-02-09T00:00:00+08:00\n"),
        (),
        [],
    ),
    (
        "TH001 capitalised sidebar",
        article('sidebar: "Left"\n'),
        MAINROAD,
        [("TH001", 5, 10, 5, 16, "safe")],
    ),
    ("TH001 near miss: sidebar false", article("sidebar: false\n"), MAINROAD, []),
    ("TH001 is a mainroad rule", article('sidebar: "Left"\n'), (), []),
    (
        "TH002 unknown widget",
        article('widgets: ["serach"]\n'),
        MAINROAD,
        [("TH002", 5, 11, 5, 19, "unsafe")],
    ),
    ("TH002 near miss: known widgets", article('widgets: ["search", "recent"]\n'), MAINROAD, []),
    (
        "TH003 thumbnail map with image",
        article("thumbnail:\n  image: img/x.png\n"),
        MAINROAD,
        [("TH003", 6, 3, 6, 8, "safe")],
    ),
    (
        "TH003 near miss: src and visibility",
        article("thumbnail:\n  src: img/x.png\n  visibility: [list, post]\n"),
        MAINROAD,
        [],
    ),
    (
        "TX003 entity in a title after an emoji",
        article(title='title: "\U0001f600 Budget &amp; tax passes"\n'),
        (),
        [("TX003", 2, 18, 2, 23, "safe")],
    ),
    (
        "TX003 near miss: an entity in a field that is no text field",
        article('description: "x &amp; y"\n'),
        (),
        [],
    ),
    (
        "TX005 leading, double and trailing spaces in a title",
        article(title='title: " Budget  passes\u00a0"\n'),
        (),
        [
            ("TX005", 2, 9, 2, 10, "safe"),
            ("TX005", 2, 16, 2, 18, "safe"),
            ("TX005", 2, 24, 2, 25, "safe"),
        ],
    ),
    (
        "TX006 title in capitals",
        article(title='title: "UNICEF AND WHO WARN OF MEASLES"\n'),
        (),
        [("TX006", 2, 8, 2, 40, "display-only")],
    ),
    (
        "TX006 near miss: acronyms in a normal title",
        article(title='title: "UNICEF and WHO warn of measles"\n'),
        (),
        [],
    ),
    (
        "TX001 summary ending in dots",
        article(summary='summary: "The parliament passed the budget on Tuesday after a long..."\n'),
        (),
        [("TX001", 4, 10, 4, 71, "unsafe")],
    ),
    (
        "TX002 short summary",
        article(summary='summary: "Budget passed."\n'),
        (),
        [("TX002", 4, 10, 4, 26, None)],
    ),
    (
        "FM004 missing summary",
        article(summary=""),
        (),
        [("FM004", 1, 1, 1, 4, "unsafe")],
    ),
    ("FM004 empty title", article(title='title: ""\n'), (), [("FM004", 2, 8, 2, 10, None)]),
    (
        "TX004 in the title",
        article(title='title: "Prices rose.The index fell"\n'),
        (),
        [("TX004", 2, 20, 2, 21, "safe")],
    ),
    (
        "TX004 in the summary",
        article(summary=SUMMARY.replace('debate."', 'debate.Then it left."')),
        (),
        [("TX004", 4, 74, 4, 75, "safe")],
    ),
    (
        "TX003 in the lead field",
        article('lead: "Tom &amp; Jerry"\n'),
        (),
        [("TX003", 5, 12, 5, 17, "safe")],
    ),
    (
        "TX003 a reference escaped twice inside a word in the body",
        article(body="The minister said it&amp;#39;s done.\n"),
        (),
        [("TX003", 7, 21, 7, 30, "safe")],
    ),
    (
        "TX003 near miss: a reference in the body is rendered as its character",
        article(body="Tom &amp; Jerry &#39;won&#39;, and `&amp;` is code.\n"),
        (),
        [],
    ),
    (
        "TX005 two spaces in the summary",
        article(summary=SUMMARY.replace("long debate", "long  debate")),
        (),
        [("TX005", 4, 67, 4, 69, "safe")],
    ),
    (
        "FM001 no front matter",
        "Just text.\n",
        (),
        [("FM001", 1, 1, 1, 1, None)],
    ),
    (
        "FM002 unterminated YAML block",
        '---\ntitle: "x"\n\nBody.\n',
        (),
        [("FM002", 1, 1, 1, 4, None)],
    ),
    (
        "FM002 at the YAML parser's line and column",
        article("tags: [a, b\n"),
        (),
        [("FM002", 6, 1, 6, 1, None)],
    ),
    (
        "FM002 at the TOML parser's line and column",
        '+++\ntitle = "x\ndate = 2025-02-08T09:55:35+08:00\n+++\n\nBody.\n',
        (),
        [("FM002", 2, 11, 2, 11, None)],
    ),
    (
        "FM002 at the JSON parser's line and column",
        '{\n  "title": "x",\n  "date": "2025-02-08T09:55:35+08:00",\n}\n\nBody.\n',
        (),
        [("FM002", 4, 1, 4, 1, None)],
    ),
    (
        "FM003 a key twice, on the second",
        article('title: "Again"\n'),
        (),
        [("FM003", 5, 1, 5, 6, None)],
    ),
    ("LK002 empty link", article(body="See []() now.\n"), (), [("LK002", 7, 5, 7, 9, "safe")]),
    (
        "LK002 a space in a URL",
        article(body="See [x](https://example.com/a b) now.\n"),
        (),
        [("LK002", 7, 9, 7, 32, "safe")],
    ),
    (
        "LK002 javascript",
        article(body="See [x](javascript:alert(1)) now.\n"),
        (),
        [("LK002", 7, 5, 7, 29, "unsafe")],
    ),
    ("LK002 no host", article(body="See [x](https://) now.\n"), (), [("LK002", 7, 9, 7, 17, None)]),
    (
        "LK002 near miss: mailto and an anchor",
        article(body="Mail [x](mailto:a@example.com) or [top](#top).\n"),
        (),
        [],
    ),
    (
        "LK003 protocol-relative",
        article(body="See [x](//cdn.example.com/a.js) now.\n"),
        (),
        [("LK003", 7, 9, 7, 31, "unsafe")],
    ),
    (
        "LK004 plain http",
        article(body="See [x](http://example.com/a) now.\n"),
        (),
        [("LK004", 7, 9, 7, 16, "unsafe")],
    ),
    (
        "LK005 tracking parameters",
        article(body="See [x](https://example.com/a?utm_source=tw&id=3&fbclid=abc) now.\n"),
        (),
        [("LK005", 7, 30, 7, 60, "safe")],
    ),
    (
        "LK005 near miss: an ordinary query",
        article(body="See [x](https://example.com/a?id=3) now.\n"),
        (),
        [],
    ),
    (
        "BD001 a paragraph of a no-break space",
        article(body="First.\n\n\u00a0\n\nSecond.\n"),
        (),
        [("BD001", 9, 1, 10, 1, "safe")],
    ),
    (
        "BD003 three blank lines",
        article(body="First.\n\n\n\nSecond.\n"),
        (),
        [("BD003", 9, 1, 10, 1, "safe")],
    ),
    ("BD003 near miss: one blank line", article(body="First.\n\nSecond.\n"), (), []),
    (
        "BD004 an iframe without unsafe HTML",
        article(body='Prices rose.\n\n<iframe src="https://example.com/embed"></iframe>\n'),
        (),
        [("BD004", 9, 1, 9, 50, None)],
    ),
    (
        "BD006 only the source link",
        article(body="<!-- x -->\n"),
        (),
        [("BD006", 7, 1, 7, 11, None)],
    ),
    (
        "BD007 near miss: a repeat shorter than 15 words",
        article(body="The parliament passed the budget.\n\nThe parliament passed the budget.\n"),
        (),
        [],
    ),
    (
        "EN001 mojibake",
        article(body="The minister\u00e2\u20ac\u2122s plan passed.\n"),
        (),
        [("EN001", 7, 13, 7, 16, "safe")],
    ),
    (
        "EN002 replacement character",
        article(body="The minister\ufffds plan passed.\n"),
        (),
        [("EN002", 7, 13, 7, 14, None)],
    ),
    (
        "EN005 a Latin-1 byte",
        article(body="The cafX opened.\n").encode().replace(b"cafX", b"caf\xe9"),
        (),
        [("EN005", 7, 8, 7, 9, "unsafe")],
    ),
    (
        "EN007 lone CR ends lines too",
        article(body=GLUED).replace("\n", "\r"),
        (),
        [("EN007", 1, 4, 2, 1, "safe"), ("TX004", 7, 14, 7, 15, "safe")],
    ),
    (
        "EN007 ignored, CRLF lines are counted as lines",
        article(body=GLUED).replace("\n", "\r\n"),
        ("--ignore", "EN007"),
        [("TX004", 7, 14, 7, 15, "safe")],
    ),
]


@pytest.mark.parametrize(
    ("text", "args", "expected"),
    [case[1:] for case in RULE_CASES],
    ids=[case[0] for case in RULE_CASES],
)
def test_each_rule_fires_on_its_case_and_not_on_the_near_miss(
    tmp_path: Path, text: str, args: tuple[str, ...], expected: list[tuple]
) -> None:
    result = lint(tmp_path, text, *args)
    assert result.rows() == expected, result.err
    # Exit code 1 exactly when an error (the default --fail-on) is among the problems.
    assert result.rc == (1 if any(d["severity"] == "error" for d in result.json()) else 0)


# --- positions: 1-based, code points, front matter lines in every format ----------------------


def test_columns_count_code_points_after_cjk_and_an_emoji(tmp_path: Path) -> None:
    # 8 CJK characters, an astral emoji and a space come before "Growth slowed.": the '.' is
    # code point 24 of the line (an editor counting UTF-16 or bytes would say otherwise).
    body = "中文标题，很好。\U0001f600 Growth slowed.The index fell.\n"
    result = lint(tmp_path, article(body=body))
    assert result.rows() == [("TX004", 7, 24, 7, 25, "safe")]
    edit = result.json()[0]["fix"]["edits"][0]
    assert (
        edit["line"],
        edit["column"],
        edit["end_line"],
        edit["end_column"],
        edit["content"],
    ) == (
        7,
        25,
        7,
        25,
        " ",
    )


TOML_ARTICLE = (
    "+++\n"
    'title = "Budget passes"\n'
    "date = 2025-02-08T09:55:35+08:00\n"
    'summary = "The parliament passed the budget on Tuesday after a long debate."\n'
    'lastmod = "2025-13-45"\n'
    'menu = ""\n'
    "+++\n\n" + LEAD + "\n" + SOURCE
)
JSON_ARTICLE = (
    "{\n"
    '  "title": "Budget passes",\n'
    '  "date": "2025-02-08T09:55:35+08:00",\n'
    '  "summary": "The parliament passed the budget on Tuesday after a long debate.",\n'
    '  "lastmod": "2025-13-45",\n'
    '  "menu": ""\n'
    "}\n\n" + LEAD + "\n" + SOURCE
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            article('lastmod: "2025-13-45"\nmenu: ""\n'),
            [("DT002", 5, 10, 5, 22, None), ("FM006", 6, 7, 6, 9, "safe")],
        ),
        (TOML_ARTICLE, [("DT002", 5, 11, 5, 23, None), ("FM006", 6, 8, 6, 10, "safe")]),
        (JSON_ARTICLE, [("DT002", 5, 14, 5, 26, None), ("FM006", 6, 11, 6, 13, "safe")]),
    ],
    ids=["yaml", "toml", "json"],
)
def test_front_matter_positions_are_lines_of_the_file_in_each_format(
    tmp_path: Path, text: str, expected: list[tuple]
) -> None:
    """The delimiter is line 1, so the fifth key line is line 5; values start after `: `/`= `."""
    result = lint(tmp_path, text)
    assert result.rows() == expected
    assert result.rc == 1


def test_the_fixed_json_front_matter_still_parses_and_keeps_its_other_members(
    tmp_path: Path,
) -> None:
    write(tmp_path, {"x.md": JSON_ARTICLE.replace('"2025-13-45"', '"2025-02-09T00:00:00+08:00"')})
    result = run("fix", "--isolated", "--no-cache", "x.md", cwd=tmp_path)
    assert result.rc == 0, result.err
    fixed = (tmp_path / "x.md").read_text(encoding="utf-8")
    header = json.loads(fixed[: fixed.index("}\n") + 1])
    assert header == {
        "title": "Budget passes",
        "date": "2025-02-08T09:55:35+08:00",
        "summary": "The parliament passed the budget on Tuesday after a long debate.",
        "lastmod": "2025-02-09T00:00:00+08:00",
    }
    assert fixed.endswith("}\n\n" + LEAD + "\n" + SOURCE)


def test_a_bom_is_a_code_point_of_line_1(tmp_path: Path) -> None:
    result = lint(tmp_path, "\ufeff" + article())
    assert result.rows() == [("EN006", 1, 1, 1, 2, "safe")]
    assert result.json()[0]["fix"]["edits"] == [
        {"line": 1, "column": 1, "end_line": 1, "end_column": 2, "content": ""}
    ]


# --- paths and ordering of the JSON report ----------------------------------------------------


def _same_title_tree(tmp_path: Path) -> None:
    # Four files with the same title: each has its own problem (no date) and, but for the first,
    # XF002 against it.
    text = (
        '---\ntitle: "Same"\nsummary: "The parliament passed the budget on Tuesday after a long debate."\n---\n\n'
        + LEAD
        + "\n"
        + SOURCE
    )
    write(
        tmp_path,
        {
            f"t/{name}": text.replace("budget)", f"{i})")
            for i, name in enumerate(["B.md", "a-b/x.md", "a.md", "a/x.md"])
        },
    )


def test_json_is_sorted_by_path_in_code_point_order(tmp_path: Path) -> None:
    _same_title_tree(tmp_path)
    result = run("check", "--isolated", "--no-cache", "--output-format", "json", "t", cwd=tmp_path)
    paths = [d["path"] for d in result.json()]
    assert paths == sorted(paths)
    assert list(dict.fromkeys(paths)) == ["t/B.md", "t/a-b/x.md", "t/a.md", "t/a/x.md"]
    assert result.rc == 1


def test_json_lines_streams_files_in_walk_order_and_cross_file_problems_last(
    tmp_path: Path,
) -> None:
    _same_title_tree(tmp_path)
    result = run(
        "check", "--isolated", "--no-cache", "--output-format", "json-lines", "t", cwd=tmp_path
    )
    rows = [json.loads(line) for line in result.out.splitlines()]
    own = [d["path"] for d in rows if d["code"] != "XF002"]
    cross = [d["path"] for d in rows if d["code"] == "XF002"]
    # A folder's entries in name order, folder by folder: `a/x.md` before `a-b/x.md`.
    assert list(dict.fromkeys(own)) == ["t/B.md", "t/a/x.md", "t/a-b/x.md", "t/a.md"]
    assert len(cross) == 3 and cross == sorted(cross)
    assert rows[-3:] == [d for d in rows if d["code"] == "XF002"]


@pytest.mark.parametrize("fmt", ["json", "json-lines", "concise", "github"])
def test_a_file_named_through_dot_dot_is_shown_by_its_absolute_path(
    tmp_path: Path, fmt: str
) -> None:
    """README "JSON output": a file outside the working directory, named by an absolute path or
    `../`, keeps its absolute path, as in ruff (it used to be shown as `../a.md`)."""
    write(tmp_path, {"a.md": article(body="Growth slowed.The index fell.\n"), "sub/.keep": ""})
    shown = (tmp_path / "a.md").as_posix()
    for named in ("../a.md", shown):
        result = run(
            "check", "--isolated", "--no-cache", "--output-format", fmt, named, cwd=tmp_path / "sub"
        )
        assert result.rc == 0, result.err
        if fmt == "json":
            assert [d["path"] for d in result.json()] == [shown]
        elif fmt == "json-lines":
            assert [json.loads(line)["path"] for line in result.out.splitlines()] == [shown]
        elif fmt == "concise":
            assert result.out.startswith(shown + ":7:14: TX004 [sentence-spacing] ")
        else:
            assert result.out.startswith(f"::warning file={shown},line=7,col=14,")


def test_a_name_that_starts_with_two_dots_is_below_the_working_directory(tmp_path: Path) -> None:
    write(tmp_path, {"..odd.md": article(body="Growth slowed.The index fell.\n")})
    result = run(
        "check", "--isolated", "--no-cache", "--output-format", "json", "..odd.md", cwd=tmp_path
    )
    assert [d["path"] for d in result.json()] == ["..odd.md"]


def test_stdin_is_shown_as_a_dash_and_an_empty_text_is_an_empty_file(tmp_path: Path) -> None:
    result = run(
        "check", "--isolated", "--no-cache", "--output-format", "json", "-", cwd=tmp_path, stdin=""
    )
    assert [(d["path"], d["code"], d["line"], d["column"]) for d in result.json()] == [
        ("-", "BD006", 1, 1),
        ("-", "FM001", 1, 1),
    ]
    assert result.rc == 1


def test_stdin_filename_alone_reads_standard_input(tmp_path: Path) -> None:
    result = run(
        "check",
        "--isolated",
        "--no-cache",
        "--output-format",
        "json",
        "--stdin-filename",
        "content/news/y.md",
        cwd=tmp_path,
        stdin=article(body="Growth slowed.The index fell.\n"),
    )
    assert [(d["path"], d["code"]) for d in result.json()] == [("content/news/y.md", "TX004")]
    assert result.rc == 0


# --- the Python API -----------------------------------------------------------------------------


def test_check_text_gives_diagnostics_whose_to_json_is_the_json_object() -> None:
    text = article(body="Growth slowed.The index fell.\n")
    (problem,) = newslint.check_text(text, path="content/news/x.md")
    assert isinstance(problem, newslint.Diagnostic)
    assert (problem.code, problem.rule, problem.line, problem.column) == (
        "TX004",
        "sentence-spacing",
        7,
        14,
    )
    assert problem.severity.label == "warning"
    assert problem.to_json() == {
        "path": "content/news/x.md",
        "rule": "sentence-spacing",
        "code": "TX004",
        "severity": "warning",
        "message": "no space after '.' before 'The'",
        "line": 7,
        "column": 14,
        "end_line": 7,
        "end_column": 15,
        "fix": {
            "applicability": "safe",
            "title": problem.fix.title,
            "edits": [{"line": 7, "column": 15, "end_line": 7, "end_column": 15, "content": " "}],
        },
    }


def test_fix_text_applies_safe_fixes_and_unsafe_only_when_asked() -> None:
    text = article("lastmod: 2025-02-09\n", body="Growth slowed.The index fell.\n")
    fixed, remaining = newslint.fix_text(text, path="content/news/x.md")
    assert fixed == text.replace("slowed.The", "slowed. The")
    assert [(d.code, d.line, d.column) for d in remaining] == [("DT001", 5, 10)]
    fixed, remaining = newslint.fix_text(text, path="content/news/x.md", unsafe=True)
    assert fixed == text.replace("slowed.The", "slowed. The").replace(
        "lastmod: 2025-02-09\n", "lastmod: 2025-02-09T00:00:00Z\n"
    )
    assert remaining == []
    # Fixing the fixed text again changes nothing.
    assert newslint.fix_text(fixed, path="content/news/x.md", unsafe=True) == (fixed, [])


def test_api_selection_and_config() -> None:
    text = article("lastmod: 2025-02-09\n", body="Growth slowed.The index fell.\n")
    path = "content/news/x.md"
    assert [d.code for d in newslint.check_text(text, path=path, ignore=["DT"])] == ["TX004"]
    assert [d.code for d in newslint.check_text(text, path=path, select=["date-format"])] == [
        "DT001"
    ]
    config = newslint.Config(timezone="Asia/Shanghai", ignore=["TX004"])
    (zoned,) = newslint.check_text(text, path=path, config=config)
    # A configured zone makes the rewrite safe (DESIGN: DT001's fix).
    assert zoned.to_json()["fix"]["applicability"] == "safe"
    assert zoned.to_json()["fix"]["edits"][0]["content"] == "2025-02-09T00:00:00+08:00"


# --- exit codes of every command --------------------------------------------------------------

WARNING_ONLY = article(body="Growth slowed.The index fell.\n")  # TX004, a warning
WITH_ERROR = article(body="Family\x07 went home.\n")  # EN004, an error


@pytest.mark.parametrize(
    ("args", "rc", "stderr_start"),
    [
        (("check", "warn.md"), 0, ""),
        (("check", "err.md"), 1, ""),
        (("check", "--fail-on", "warning", "warn.md"), 1, ""),
        (("check", "--fail-on", "info", "clean.md"), 0, ""),
        (("check", "--exit-zero", "err.md"), 0, ""),
        (("check", "--bogus", "warn.md"), 2, "usage: newslint check"),
        (("check", "--output-format", "xml", "warn.md"), 2, "usage: newslint check"),
        (("check", "--fail-on", "fatal", "warn.md"), 2, "usage: newslint check"),
        (("check", "--color", "sometimes", "warn.md"), 2, "usage: newslint check"),
        (("check", "--jobs", "x", "warn.md"), 2, "usage: newslint check"),
        (("check", "--select", "NOPE1", "warn.md"), 2, "newslint: error: --select: unknown rule"),
        (
            ("check", "--ignore", "nope-rule", "warn.md"),
            2,
            "newslint: error: --ignore: unknown rule",
        ),
        (
            ("check", "--extend-select", "XX", "warn.md"),
            2,
            "newslint: error: --extend-select: unknown",
        ),
        (("check", "missing.md"), 2, "newslint: error: no such file or directory: missing.md"),
        (("check", "--exit-zero", "missing.md"), 2, "newslint: error: no such file"),
        (("check", "--config", "nosuch.toml", "warn.md"), 2, "newslint: error: nosuch.toml"),
        (
            ("check", "--config", "bogus-key = 1", "warn.md"),
            2,
            "newslint: error: --config: unknown key",
        ),
        (("check", "-", "warn.md"), 2, "newslint: error: standard input cannot be linted together"),
        (("fix", "--diff", "warn.md"), 1, ""),
        (("fix", "--diff", "clean.md"), 0, ""),
        (("fix", "missing.md"), 2, "newslint: error: no such file"),
        (("fix", "--output-format", "xml", "warn.md"), 2, "usage: newslint fix"),
        (("watch", "-"), 2, "newslint: error: watch cannot read standard input"),
        (("watch", "missing.md"), 2, "newslint: error: no such file"),
        (("rules",), 0, ""),
        (("rules", "--output-format", "json"), 0, ""),
        (("rules", "--bogus"), 2, "usage: newslint rules"),
        (("rule", "DT001"), 0, ""),
        (("rule", "date-format"), 0, ""),
        (("rule", "NOPE"), 2, "newslint: error: no rule 'NOPE'"),
        (("rule",), 2, "usage: newslint rule"),
        (("config",), 0, ""),
        (("config", "--bogus"), 2, "usage: newslint config"),
        (("bogus",), 2, "usage: newslint"),
        (("--version",), 0, ""),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, tuple) else None,
)
def test_exit_codes_of_each_command(
    tmp_path: Path, args: tuple[str, ...], rc: int, stderr_start: str
) -> None:
    write(tmp_path, {"warn.md": WARNING_ONLY, "err.md": WITH_ERROR, "clean.md": article()})
    result = run(*args, cwd=tmp_path)
    assert result.rc == rc, result.err
    assert result.err.startswith(stderr_start)
    if rc == 2 and args[0] in ("check", "fix"):
        assert result.out == ""


def test_fix_diff_writes_nothing_and_a_second_fix_is_a_no_op(tmp_path: Path) -> None:
    write(
        tmp_path,
        {"a.md": article("lastmod: 2025-02-09\n", body="Growth slowed.The index fell.   \n")},
    )
    before = (tmp_path / "a.md").read_bytes()
    diff = run("fix", "--isolated", "--no-cache", "--diff", "a.md", cwd=tmp_path)
    assert (tmp_path / "a.md").read_bytes() == before
    assert diff.rc == 1
    assert diff.out == (
        "--- a/a.md\n"
        "+++ b/a.md\n"
        "@@ -5,6 +5,6 @@\n"
        " lastmod: 2025-02-09\n"
        " ---\n"
        " \n"
        "-Growth slowed.The index fell.   \n"
        "+Growth slowed. The index fell.\n"
        " \n"
        " [Reuters](https://www.reuters.com/world/budget)\n"
    )
    first = run("fix", "--isolated", "--no-cache", "a.md", cwd=tmp_path)
    fixed = (tmp_path / "a.md").read_bytes()
    assert fixed == before.replace(b"slowed.The index fell.   ", b"slowed. The index fell.")
    assert first.rc == 0  # only the warning DT001 (an unsafe fix) remains
    second = run("fix", "--isolated", "--no-cache", "--exit-non-zero-on-fix", "a.md", cwd=tmp_path)
    assert (second.rc, (tmp_path / "a.md").read_bytes()) == (0, fixed)
    assert run("fix", "--isolated", "--no-cache", "--diff", "a.md", cwd=tmp_path).out == ""
    unsafe = run(
        "fix",
        "--isolated",
        "--no-cache",
        "--unsafe-fixes",
        "--exit-non-zero-on-fix",
        "a.md",
        cwd=tmp_path,
    )
    assert unsafe.rc == 1
    assert (tmp_path / "a.md").read_bytes() == fixed.replace(
        b"lastmod: 2025-02-09\n", b"lastmod: 2025-02-09T00:00:00Z\n"
    )


def test_fix_stdin_prints_the_fixed_text_and_keeps_crlf(tmp_path: Path) -> None:
    text = WARNING_ONLY.replace("\n", "\r\n")
    result = run(
        "fix", "--isolated", "--no-cache", "--ignore", "EN007", "-", cwd=tmp_path, stdin=text
    )
    assert result.out == text.replace("slowed.The", "slowed. The")
    assert result.rc == 0
    diff = run(
        "fix",
        "--isolated",
        "--no-cache",
        "--diff",
        "--stdin-filename",
        "content/x.md",
        "-",
        cwd=tmp_path,
        stdin=WARNING_ONLY,
    )
    assert diff.out.startswith("--- a/content/x.md\n+++ b/content/x.md\n")
    assert diff.rc == 1


# --- selection as ruff users expect ---------------------------------------------------------

SELECTION_ARTICLE = (
    "---\n"
    'title: "UNICEF AND WHO WARN"\n'
    "date: 2025-02-08\n"
    "lastmod: 2025-02-01\n" + SUMMARY + "---\n\n"
    "The parliament passed the budget on Tuesday.Then it left.\n\n" + SOURCE
)


@pytest.mark.parametrize(
    ("config", "args", "codes"),
    [
        ("", (), ["DT001", "DT004", "TX004", "TX006"]),
        ("", ("--select", "DT00"), ["DT001", "DT004"]),
        ("", ("--select", "DT", "--ignore", "DT001"), ["DT004"]),
        ("", ("--select", "DT001", "--ignore", "DT"), ["DT001"]),
        ("", ("--select", "ALL", "--ignore", "DT"), ["TX004", "TX006"]),
        ("", ("--select", "DT001", "--ignore", "ALL"), ["DT001"]),
        ("", ("--select", "date-format,TX", "--ignore", "title-shouting"), ["DT001", "TX004"]),
        ("", ("--select", "DT001", "--select", "TX004"), ["DT001", "TX004"]),
        # Equal specificity (a name is a code): ignore wins.
        (
            "",
            ("--select", "TX", "--ignore", "TX004", "--extend-select", "sentence-spacing"),
            ["TX006"],
        ),
        ('ignore = ["DT001"]\n', (), ["DT004", "TX004", "TX006"]),
        # The command line comes after the file: --extend-select brings back what the file ignores.
        ('ignore = ["DT001"]\n', ("--extend-select", "DT"), ["DT001", "DT004", "TX004", "TX006"]),
        (
            'ignore = ["DT001"]\n',
            ("--extend-select", "date-format"),
            ["DT001", "DT004", "TX004", "TX006"],
        ),
        # --select replaces the file's select and ignore.
        ('select = ["TX"]\nignore = ["DT001"]\n', ("--select", "DT"), ["DT001", "DT004"]),
        # --ignore adjusts the file's select, even its more specific selector.
        ('select = ["DT001", "TX"]\n', ("--ignore", "DT"), ["TX004", "TX006"]),
        ('select = ["DT"]\n', ("--extend-select", "TX004"), ["DT001", "DT004", "TX004"]),
    ],
)
def test_selection(tmp_path: Path, config: str, args: tuple[str, ...], codes: list[str]) -> None:
    write(tmp_path, {"newslint.toml": config, "a.md": SELECTION_ARTICLE})
    result = run("check", "--no-cache", "--output-format", "json", *args, "a.md", cwd=tmp_path)
    assert sorted({d["code"] for d in result.json()}) == codes, result.err


# --- suppression comments --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "args", "expected"),
    [
        (
            article(
                body="Growth slowed.The index fell. <!-- newslint-disable-line sentence-spacing -->\n"
            ),
            (),
            [],
        ),
        (
            article(
                body="Growth slowed.The index fell. <!-- newslint-disable-line TX004 -- a quote -->\n"
            ),
            (),
            [],
        ),
        (article(body="<!-- newslint-disable-next-line TX -->\n" + GLUED), (), []),
        (article(body="<!-- newslint-disable-next-line -->\n" + GLUED), (), []),
        (
            article(
                body="<!-- newslint-disable-next-line TX004,BD002 -->\nGrowth slowed.The index fell.   \n"
            ),
            (),
            [],
        ),
        (
            article(body="<!-- newslint-disable-next-line DT001 -->\n" + GLUED),
            (),
            [("NL001", 7, 1, 7, 42, "safe"), ("TX004", 8, 14, 8, 15, "safe")],
        ),
        (
            article(body="<!-- newslint-disable-next-line nope-rule -->\n" + GLUED),
            (),
            [("NL001", 7, 33, 7, 42, "safe"), ("TX004", 8, 14, 8, 15, "safe")],
        ),
        (
            article(body="<!-- newslint-disabel TX004 -->\n\n" + GLUED),
            (),
            [("NL001", 7, 1, 7, 32, None), ("TX004", 9, 14, 9, 15, "safe")],
        ),
        (
            article(body=GLUED + "\n<!-- newslint-enable TX004 -->\n"),
            (),
            [("TX004", 7, 14, 7, 15, "safe"), ("NL001", 9, 1, 9, 31, "safe")],
        ),
        (
            article(
                body="<!-- newslint-disable sentence-spacing -->\n"
                + GLUED
                + "<!-- newslint-enable sentence-spacing -->\n\nGrowth rose.The index rose.\n"
            ),
            (),
            [("TX004", 11, 12, 11, 13, "safe")],
        ),
        (
            article(
                "lastmod: 2025-02-09\n",
                body="Prices rose.\n\n<!-- newslint-disable-file DT001 -->\n",
            ),
            (),
            [],
        ),
        # A suppression of a rule the run does not enable is left alone.
        (
            article(body="<!-- newslint-disable-next-line TX004 -->\n" + GLUED),
            ("--select", "DT"),
            [],
        ),
        # Front matter: a comment line of its own covers the file, one after a key that key only.
        (article("# newslint: disable=DT\nlastmod: 2025-02-09\n"), (), []),
        (article("lastmod: 2025-02-09  # newslint: disable=date-format\n"), (), []),
        (
            article(
                "lastmod: 2025-02-09  # newslint: disable=date-format\nexpiryDate: 2025-02-09\n"
            ),
            (),
            [("DT001", 6, 13, 6, 23, "unsafe")],
        ),
        (
            article(
                title='title: "UNICEF AND WHO WARN OF MEASLES"  # newslint: disable=title-shouting its own capitals\n'
            ),
            (),
            [],
        ),
        (
            article("# newslint: disable=DT003 TX002\npublishDate: 2999-01-01T00:00:00Z\n"),
            (),
            [("NL001", 5, 1, 5, 32, "safe")],
        ),
        (article("# newslint disable TX006\n"), (), [("NL001", 5, 1, 5, 25, None)]),
        (
            article('widgets: ["search",\n  "serach"]  # newslint: disable=widget-value\n'),
            MAINROAD,
            [],
        ),
    ],
)
def test_suppressions(
    tmp_path: Path, text: str, args: tuple[str, ...], expected: list[tuple]
) -> None:
    assert lint(tmp_path, text, *args).rows() == expected


def test_toml_front_matter_comments_silence_a_key_or_the_file(tmp_path: Path) -> None:
    head = '+++\ntitle = "Budget passes"\ndate = 2025-02-08T09:55:35+08:00\n' + SUMMARY.replace(
        ": ", " = "
    )
    tail = "+++\n\n" + LEAD + "\n" + SOURCE
    assert lint(tmp_path, head + "lastmod = 2025-02-09\n" + tail).rows() == [
        ("DT001", 5, 11, 5, 21, "unsafe")
    ]
    assert (
        lint(tmp_path, head + "# newslint: disable=DT001\nlastmod = 2025-02-09\n" + tail).rows()
        == []
    )
    assert (
        lint(tmp_path, head + "lastmod = 2025-02-09  # newslint: disable=DT001\n" + tail).rows()
        == []
    )


def test_fix_removes_only_the_unused_code_of_a_front_matter_suppression(tmp_path: Path) -> None:
    text = article("# newslint: disable=DT003 TX002\npublishDate: 2999-01-01T00:00:00Z\n")
    write(tmp_path, {"a.md": text})
    result = run("fix", "--isolated", "--no-cache", "a.md", cwd=tmp_path)
    assert result.rc == 0, result.err
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == text.replace("DT003 TX002", "DT003")


# --- configuration --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"newslint.toml": 'ignore = ["TX004"]\n'}, ["DT001"]),
        ({".newslint.toml": 'ignore = ["TX004"]\n'}, ["DT001"]),
        ({"pyproject.toml": '[tool.newslint]\nignore = ["TX004"]\n'}, ["DT001"]),
        # A pyproject.toml without [tool.newslint] is no configuration: the parent's is read.
        (
            {
                "../newslint.toml": 'ignore = ["TX004"]\n',
                "pyproject.toml": '[project]\nname = "x"\n',
            },
            ["DT001"],
        ),
        # In one folder: newslint.toml, then .newslint.toml, then pyproject.toml.
        (
            {"newslint.toml": 'select = ["DT"]\n', ".newslint.toml": 'ignore = ["TX004"]\n'},
            ["DT001"],
        ),
        (
            {
                ".newslint.toml": 'select = ["DT"]\n',
                "pyproject.toml": '[tool.newslint]\nignore = ["TX004"]\n',
            },
            ["DT001"],
        ),
        # The nearest wins over one further up.
        (
            {"../newslint.toml": 'select = ["DT"]\n', "pyproject.toml": "[tool.newslint]\n"},
            ["DT001", "TX004"],
        ),
    ],
)
def test_configuration_discovery(
    tmp_path: Path, files: dict[str, str], expected: list[str]
) -> None:
    site = tmp_path / "site"
    write(site, {"a.md": article("lastmod: 2025-02-09\n", body=GLUED)})
    write(site, files)
    result = run("check", "--no-cache", "--output-format", "json", "a.md", cwd=site)
    assert sorted(d["code"] for d in result.json()) == expected


@pytest.mark.parametrize(
    ("pattern", "ignored"),
    [
        ("!content/news/**", ["content/archive/old/a.md", "content/c.md"]),
        ("content/{news,archive}/**", ["content/archive/old/a.md", "content/news/b.md"]),
        ("content\\\\news\\\\*", ["content/news/b.md"]),
        ("c.md", ["content/c.md"]),
        ("content/*.md", ["content/archive/old/a.md", "content/c.md", "content/news/b.md"]),
        ("content/**/b.md", ["content/news/b.md"]),
    ],
)
def test_per_file_ignores_patterns(tmp_path: Path, pattern: str, ignored: list[str]) -> None:
    names = ["content/archive/old/a.md", "content/news/b.md", "content/c.md"]
    write(
        tmp_path,
        {
            name: article("lastmod: 2025-02-09\n", title=f'title: "Budget {i}"\n').replace(
                "budget)", f"{i})"
            )
            for i, name in enumerate(names)
        },
    )
    write(tmp_path, {"newslint.toml": f'[per-file-ignores]\n"{pattern}" = ["date-format"]\n'})
    result = run("check", "--no-cache", "--output-format", "json", "content", cwd=tmp_path)
    assert result.rc == 0, result.err
    assert [d["path"] for d in result.json() if d["code"] == "DT001"] == sorted(
        set(names) - set(ignored)
    )


def test_exclude_and_extend_exclude_in_a_walk_but_not_for_a_named_file(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            name: article(body=GLUED, title=f'title: "T {name}"\n').replace("budget)", name + ")")
            for name in ["content/archive/a.md", "content/b.md", "content/c.md"]
        },
    )
    write(
        tmp_path, {"newslint.toml": 'exclude = ["content/archive/**"]\nextend-exclude = ["c.md"]\n'}
    )
    walk = run("check", "--no-cache", "--output-format", "json", "content", cwd=tmp_path)
    assert [d["path"] for d in walk.json()] == ["content/b.md"]
    named = run("check", "--no-cache", "--output-format", "json", "content/c.md", cwd=tmp_path)
    assert [d["path"] for d in named.json()] == ["content/c.md"]
    forced = run(
        "check",
        "--no-cache",
        "--force-exclude",
        "--output-format",
        "json",
        "content/c.md",
        cwd=tmp_path,
    )
    assert forced.json() == []


# --- site awareness: the Hugo site the path lies in --------------------------------------------

SITE_CONFIG = """baseURL = "https://news.example.org/"
timeZone = "Asia/Shanghai"
defaultContentLanguage = "en"
[languages.en]
contentDir = "content/en"
[languages.zh]
contentDir = "content/zh"
"""


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        # A path-relative link is checked inside a known site: nothing serves /reports/2024.pdf.
        (
            "content/en/news/a.md",
            article(body="See [the report](/reports/2024.pdf).\n"),
            [("LK003", 7, 18, 7, 35, "unsafe")],
        ),
        # static/reports/2025.pdf is served at /reports/2025.pdf.
        ("content/en/news/a.md", article(body="See [the report](/reports/2025.pdf).\n"), []),
        # The site's time zone makes the date rewrite safe.
        (
            "content/en/news/a.md",
            article("lastmod: 2025-02-09 10:00:00\n"),
            [("DT001", 5, 10, 5, 29, "safe")],
        ),
        # The language comes from the content folder.
        (
            "content/en/news/a.md",
            article(title='title: "预算案获得通过"\n'),
            [("TX007", 2, 8, 2, 17, None)],
        ),
        (
            "content/zh/news/a.md",
            article(
                title='title: "预算案获得通过"\n',
                summary='summary: "议会在经过长时间辩论后于周二通过了预算案，财政部长表示将尽快执行。"\n',
                body="议会在周二通过了预算案。\n",
            ),
            [],
        ),
    ],
)
def test_stdin_filename_places_the_article_in_its_site(
    tmp_path: Path, name: str, text: str, expected: list[tuple]
) -> None:
    write(tmp_path, {"hugo.toml": SITE_CONFIG, "static/reports/2025.pdf": "%PDF"})
    result = run(
        "check",
        "--no-cache",
        "--output-format",
        "json",
        "--stdin-filename",
        name,
        "-",
        cwd=tmp_path,
        stdin=text,
    )
    assert result.rows() == expected, result.err
    if expected and expected[0][0] == "DT001":
        assert result.json()[0]["fix"]["edits"][0]["content"] == "2025-02-09T10:00:00+08:00"


def test_cross_file_rules_report_the_later_article(tmp_path: Path) -> None:
    first = article()
    later = article(title='title: "Budget passes"\n').replace(
        "2025-02-08T09:55:35", "2025-02-09T09:55:35"
    )
    write(tmp_path, {"content/a.md": later, "content/b.md": first})
    # The later article (by date, whatever its name) carries both: same title, same source URL.
    result = run(
        "check", "--isolated", "--no-cache", "--output-format", "json", "content", cwd=tmp_path
    )
    assert [(d["path"], d["code"], d["line"], d["column"]) for d in result.json()] == [
        ("content/a.md", "XF002", 2, 8),
        ("content/a.md", "XF001", 9, 11),
    ]


# --- watch --------------------------------------------------------------------------------------


def _wait_for(path: Path, needle: str, timeout: float = 60.0) -> str:
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        if needle in text:
            return text
        time.sleep(0.1)
    raise AssertionError(f"{needle!r} never appeared in {path.read_text(encoding='utf-8')!r}")


def test_watch_relints_a_saved_file_reports_a_removed_one_and_exits_0_on_ctrl_c(
    tmp_path: Path,
) -> None:
    import signal

    write(
        tmp_path,
        {
            "content/a.md": article(body=GLUED),
            "content/b.md": article(title='title: "Other"\n').replace("budget)", "other)"),
        },
    )
    out, err = tmp_path / "out.txt", tmp_path / "err.txt"
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR")}
    with out.open("wb") as stdout, err.open("wb") as stderr:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "newslint",
                "watch",
                "--isolated",
                "--no-cache",
                "--output-format",
                "json-lines",
                "content",
            ],
            cwd=tmp_path,
            stdout=stdout,
            stderr=stderr,
            env=env,
        )
        try:
            _wait_for(err, "Watching 2 files for changes (Ctrl-C to stop).\n")
            first = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
            assert [(d["path"], d["code"], d["line"], d["column"]) for d in first] == [
                ("content/a.md", "TX004", 7, 14)
            ]
            (tmp_path / "content/a.md").write_text(article(), encoding="utf-8")
            _wait_for(err, "] re-linted content/a.md")
            (tmp_path / "content/b.md").unlink()
            _wait_for(err, "] removed content/b.md")
            proc.send_signal(signal.SIGINT)
            assert proc.wait(timeout=60) == 0
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    # json-lines output carries only reports: the clean re-lint added none.
    assert out.read_text(encoding="utf-8").count("\n") == 1


# --- configuration keys that change what is reported -----------------------------------------


def _without_source(text: str) -> str:
    return text.replace("\n" + SOURCE, "")


@pytest.mark.parametrize(
    ("text", "settings", "expected"),
    [
        (article(), ['required = ["author"]'], [("FM004", 1, 1, 1, 4, None)]),
        (article('author: "Ann"\n'), ['required = ["author"]'], []),
        (
            article('categories: ["economy", "sport"]\n'),
            ['allowed = { categories = ["economy", "politics"] }'],
            [("FM005", 5, 25, 5, 32, None)],
        ),
        (
            article('categories: ["economy"]\n'),
            ['allowed = { categories = ["economy", "politics"] }'],
            [],
        ),
        (
            _without_source(article('origin: "https://www.reuters.com/x"\n', body="Text.\n")),
            ['source-field = "origin"'],
            [],
        ),
        (
            _without_source(article(body="Text.\n")),
            ['source-field = "origin"'],
            [("LK001", 7, 1, 7, 6, None)],
        ),
        (_without_source(article('source: "https://www.reuters.com/x"\n', body="Text.\n")), [], []),
        # Without the news preset neither a summary nor a source link is required.
        (_without_source(article(body="Text.\n", summary="")), ['presets = ["hugo"]'], []),
        (article(), ["rules.summary-length.max = 50"], [("TX002", 4, 10, 4, 76, None)]),
        # unused-suppression is a rule like the others for --select and --ignore.
        (
            article(body="<!-- newslint-disable-next-line DT001 -->\n" + GLUED),
            ['ignore = ["NL001"]'],
            [("TX004", 8, 14, 8, 15, "safe")],
        ),
        (
            article(body="<!-- newslint-disable-next-line DT001 -->\n" + GLUED),
            ['select = ["NL", "DT"]'],
            [("NL001", 7, 1, 7, 42, "safe")],
        ),
    ],
)
def test_configuration_keys(
    tmp_path: Path, text: str, settings: list[str], expected: list[tuple]
) -> None:
    args = [arg for setting in settings for arg in ("--config", setting)]
    result = lint(tmp_path, text, *args)
    assert result.rows() == expected, result.err


def test_a_rule_severity_from_the_configuration_moves_json_and_the_exit_code(
    tmp_path: Path,
) -> None:
    result = lint(
        tmp_path,
        article(),
        "--config",
        "rules.summary-length.max = 50",
        "--config",
        'rules.summary-length.severity = "error"',
    )
    assert [(d["code"], d["severity"]) for d in result.json()] == [("TX002", "error")]
    assert result.rc == 1


# --- a fix that never converges (STYLE: give up loudly) -----------------------------------------

GROWING_RULE = '''"""Grows forever."""

from newslint import Context, Edit, Fix, Rule, Severity
from newslint.events import Paragraph


class Grow(Rule):
    code = "HG001"
    name = "grow"
    severity = Severity.WARNING
    messages = {"grow": "paragraph can always grow"}

    def on_paragraph(self, ctx: Context, paragraph: Paragraph) -> None:
        start = paragraph.span.start
        ctx.report(paragraph.span, "grow", fix=Fix.safe("Grow", Edit(start, start, "x")))
'''


def test_a_fix_that_never_converges_is_dropped_and_named(tmp_path: Path) -> None:
    write(tmp_path, {"house/grow.py": GROWING_RULE, "a.md": article(body=GLUED)})
    result = run("fix", "--isolated", "--no-cache", "--rules-dir", "house", "a.md", cwd=tmp_path)
    assert (
        "newslint: warning: a.md: fixes of HG001 (grow) were not applied: "
        "they kept changing the text after 10 passes\n"
    ) in result.err
    # The other rules' safe fixes still apply; the growing one leaves no trace.
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == article(
        body=GLUED.replace(".The", ". The")
    )
    assert result.rc == 0


def test_output_file_receives_the_report(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": WARNING_ONLY})
    result = run(
        "check",
        "--isolated",
        "--no-cache",
        "-o",
        "report.json",
        "--output-format",
        "json",
        "a.md",
        cwd=tmp_path,
    )
    assert (result.rc, result.out) == (0, "")
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert [(d["path"], d["code"], d["line"], d["column"]) for d in report] == [
        ("a.md", "TX004", 7, 14)
    ]


def test_github_format_escapes_the_file_name_and_the_message(tmp_path: Path) -> None:
    write(tmp_path, {"a,b:c.md": article('lastmod: "50%"\n')})
    result = run(
        "check", "--isolated", "--no-cache", "--output-format", "github", "a,b:c.md", cwd=tmp_path
    )
    assert result.out == (
        "::error file=a%2Cb%3Ac.md,line=5,col=10,endLine=5,endColumn=15,title=DT002 date-invalid::"
        'lastmod "50%25" is not a date Hugo can read (write 2006-01-02T15:04:05-07:00): the build fails\n'
    )
    assert result.rc == 1


def test_api_path_places_the_text_in_its_site_without_reading_newslint_toml(tmp_path: Path) -> None:
    write(tmp_path, {"hugo.toml": SITE_CONFIG, "newslint.toml": 'ignore = ["DT001"]\n'})
    path = str(tmp_path / "content/en/news/a.md")
    (problem,) = newslint.check_text(article("lastmod: 2025-02-09 10:00:00\n"), path=path)
    assert (problem.code, problem.line, problem.column, problem.path) == ("DT001", 5, 10, path)
    assert problem.to_json()["fix"]["applicability"] == "safe"
    assert problem.to_json()["fix"]["edits"][0]["content"] == "2025-02-09T10:00:00+08:00"


# --- what is linted without paths, and the theme's widgets ---------------------------------------


def test_without_paths_a_site_lints_its_content_and_a_plain_folder_itself(tmp_path: Path) -> None:
    site, plain = tmp_path / "site", tmp_path / "plain"
    write(
        site,
        {
            "hugo.toml": 'baseURL = "https://x.org/"\n',
            "README.md": WARNING_ONLY,
            "content/news/a.md": WARNING_ONLY,
        },
    )
    write(plain, {"sub/x.md": WARNING_ONLY})
    for cwd, args, paths in [
        (site, (), ["content/news/a.md"]),
        (site, (".",), ["content/news/a.md"]),  # the site root walks as `check` alone does
        (site, ("README.md",), ["README.md"]),  # a named file is linted whatever it is
        (plain, (), ["sub/x.md"]),
    ]:
        result = run("check", "--isolated", "--no-cache", "--output-format", "json", *args, cwd=cwd)
        assert [d["path"] for d in result.json()] == paths, (cwd, args, result.err)


def test_mainroad_widgets_are_those_the_theme_and_the_site_have(tmp_path: Path) -> None:
    files = {"hugo.toml": 'baseURL = "https://x.org/"\ntheme = "mainroad"\n'}
    for widget in ("search", "recent", "custom"):
        files[f"themes/mainroad/layouts/partials/widgets/{widget}.html"] = "<div></div>\n"
    files["layouts/partials/widgets/extra.html"] = "<div></div>\n"
    write(tmp_path, files)
    text = article('widgets: ["search", "custom", "extra", "social"]\nsidebar: "Right"\n')
    result = run(
        "check",
        "--isolated",
        "--no-cache",
        "--output-format",
        "json",
        "--stdin-filename",
        "content/news/a.md",
        "-",
        cwd=tmp_path,
        stdin=text,
    )
    # The theme is Mainroad, so its preset is on without configuration; `social` is in
    # Mainroad's usual list but not on disk here.
    assert result.rows() == [("TH002", 5, 40, 5, 48, None), ("TH001", 6, 10, 6, 17, "safe")]
    assert result.rc == 1
