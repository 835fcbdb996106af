"""Peer round P: every catalogue rule fires where it should and keeps quiet on the near-misses of
real news writing; the command line, the JSON contract, the configuration and suppressions.

Written black-box from DESIGN.md, STYLE.md, the README and `newslint rule NAME` only, as a peer
team judging newslint would. The rule cases go through the documented Python API
(`newslint.check_text` / `newslint.fix_text`, whose diagnostics are the JSON objects), the
command-line cases through the installed console script in a subprocess.

Each rule case is one base article with one change, and states every problem the article then
has (code, line, column) and, where the catalogue names a fix, its applicability and text.

Readings pinned here (where the documents leave room):

- `[text]()` (a link with text but no destination) is not the catalogue's "empty `[]()`": the
  link-malformed docs replace it by its text, an unsafe fix; `[]()` is dropped safely.
- A path-relative link (`/world/story`) is judged by link-relative only inside a Hugo site (its
  docs: "path-relative links are checked only when the site is known"); a protocol-relative one
  (`//host/x.png`) always.
- duplicate-paragraph compares paragraphs of at least `min-words` (15) words; a repeated credit
  line (`Photo: Reuters`) is a near-miss.
- sentence-spacing is "deliberately conservative": `Why?Because` and `Prices rose...Then` are not
  asserted either way; the near-misses below are asserted quiet.

Failures found in this round (newslint was wrong; fixed, and pinned here):

- `select = ["ALL"]` (DESIGN.md's own example) without `--check-links`: every link-broken or
  link-redirect suppression was reported unused, though those rules make no request and report
  nothing then ("suppressions of rules that a run does not enable are left alone").
- An unused link-insecure suppression went unreported in a run of some of a folder's files (a
  pre-commit run): it was deferred to the cross-file step like duplicate-title's, though the rule
  reports per file; with `--check-links`, so did link-broken's over a link that works.
- `--offline` (or a URL in `[links] exclude`): a link-broken suppression over a link no check
  looked at was called unused, and `fix` removed it.
- template-braces reported the `{{` of TeX formulas (`$\\frac{{a}}{b}$`), an error with an
  escape that would break the formula.
- source-link-missing took `*[Reuters](https://...)*` (the link alone in emphasis) for no source
  line, though `*Source: [Reuters](https://...)*` was one.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import newslint
from newslint.cli import main

TITLE = '"Budget passes in parliament"'
SUMMARY = '"The parliament passed the budget on Tuesday after a long debate."'
PROSE = "The parliament passed the budget on Tuesday after a long debate."
LINK = "[Reuters](https://www.reuters.com/world/budget)"
LONG = (
    "Lawmakers voted late on Tuesday evening to approve the spending plan after weeks of "
    "tense negotiations between the coalition partners."
)


def art(
    extra: str = "",
    body: str = PROSE,
    title: str = TITLE,
    summary: str = SUMMARY,
    date: str = "2025-02-08T09:55:35+08:00",
    link: str = LINK,
) -> str:
    """The base article (YAML): front matter on lines 1-5 (+ `extra`), the body from line 7."""
    head = f"---\ntitle: {title}\ndate: {date}\nsummary: {summary}\n{extra}---\n"
    return head + "\n" + body + "\n\n" + link + "\n"


TOML_ARTICLE = (
    "+++\n"
    'title = "It\'s a deal: the budget passes"\n'
    "date = 2025-02-08T09:55:35+08:00\n"
    'summary = """The parliament passed the budget\non Tuesday after a long debate."""\n'
    "+++\n\n" + PROSE + "\n\n" + LINK + "\n"
)
JSON_ARTICLE = (
    "{\n"
    '  "title": "Budget passes in parliament",\n'
    '  "date": "2025-02-08T09:55:35+08:00",\n'
    '  "summary": "The parliament passed the budget on Tuesday after a long debate."\n'
    "}\n\n" + PROSE + "\n\n" + LINK + "\n"
)

MAINROAD = {"presets": ["hugo", "news", "mainroad"]}

Fixes = dict[str, tuple[str, list[str]]]


@dataclass(frozen=True)
class R:
    """A rule case: the text, every expected (code, line, column), and fixes by code."""

    name: str
    text: str
    problems: list[tuple[str, int, int]]
    fixes: Fixes = field(default_factory=dict)
    config: dict[str, object] = field(default_factory=dict)
    lang: str = ""  # "en" puts the article at x.en.md


# Near-misses of sentence-spacing taken from real news writing: each must be quiet.
TX004_NEAR_MISSES = [
    "U.S. officials said prices rose 3.5 percent to $1.2bn at 10.30am, e.g. this year.",
    "The Node.js team and www.reuters.com agreed; see https://example.com/a.B for the rest.",
    "The report.PDF and v2.0 of the `a.B` tool were released on Tuesday.",
    "\"He said 'no.' Then he left,\" she said. (Reuters)",
    "据新华社报道，3月5日，国务院总理李强在北京作政府工作报告。GDP增长5.2%。",
    "東京都は5日、感染者が100人と発表した。詳細はhttps://example.jp/aを参照。",
    "Gen. Smith, Sen. Jones, Dr. Who, St. Louis, Jan. 5, Inc., Ltd. and Corp. all agreed.",
    "J.R.R. Tolkien and J.K. Rowling met George W. Bush at the U.N. headquarters.",
    "Shares rose to HK$12.50, €1.2bn and ¥3,000 (US$20) as the S&P 500 gained 0.5%.",
    "The storm brought 120 km/h winds, 35°C heat, 2.5 mm of rain and a 5.4-magnitude quake.",
    "Am 3.Oktober feierten die Deutschen den Tag der Einheit.",
    "| file | size |\n|---|---|\n| a.b | 3.5 MB |",
    "Text.[^n]\n\n[^n]: Data from example.com and the U.S. census.",
    'Run `npm install.Then run` now.\n\n```js\nconst a = b.c;console.log("x.Y");\n```',
    "See <https://example.com/a.B> and [Reuters.Com report](https://example.com/a).",
]

RULE_CASES = [
    # ---------------------------------------------------------------- front matter
    R("FM001-fires", PROSE + "\n", [("FM001", 1, 1)]),
    R("FM001-json-front-matter-is-front-matter", JSON_ARTICLE, []),
    R("FM002-fires", art(title='"Unclosed'), [("FM002", 4, 11)]),
    R("FM002-colon-inside-quotes", art(title='"Budget: what changes"'), []),
    R("FM004-toml-multiline-summary", TOML_ARTICLE, []),
    R("FM003-fires-on-the-second-key", art('title: "Again"\n'), [("FM003", 5, 1)]),
    R("FM003-nested-key-of-the-same-name", art('params:\n  title: "Other"\n'), []),
    R(
        "FM004-fires-with-an-unsafe-summary",
        '---\ntitle: "Budget passes"\ndate: 2025-02-08T09:55:35+08:00\n---\n\n'
        + PROSE
        + " More followed.\n\n"
        + LINK
        + "\n",
        [("FM004", 1, 1)],
        {"FM004": ("unsafe", [f'summary: "{PROSE} More followed."\n'])},
    ),
    R(
        "FM005-fires-mainroad-comments-string",
        art('comments: "false"\n'),
        [("FM005", 5, 11)],
        {"FM005": ("unsafe", ["false"])},
        MAINROAD,
    ),
    R(
        "FM005-fires-scalar-taxonomy",
        art("tags: economy\n"),
        [("FM005", 5, 7)],
        {"FM005": ("unsafe", ['["economy"]'])},
    ),
    R("FM005-proper-types", art('draft: false\ntags: ["a", "b"]\n'), []),
    R(
        "FM006-fires-empty-menu",
        art('menu: ""\n'),
        [("FM006", 5, 7)],
        {"FM006": ("safe", [""])},
    ),
    R("FM006-zero-and-false-are-values", art("weight: 0\ndraft: false\n"), []),
    R(
        "FM007-fires-misspelt-key",
        art("lastmdo: 2025-02-09T00:00:00Z\n"),
        [("FM007", 5, 1)],
        {"FM007": ("unsafe", ["lastmod"])},
    ),
    R("FM007-custom-param", art("photographer: Jane Doe\n"), []),
    # ---------------------------------------------------------------- dates
    R(
        "DT001-fires-utc-assumed-unsafe",
        art(date="2025-02-08 09:55:35"),
        [("DT001", 3, 7)],
        {"DT001": ("unsafe", ["2025-02-08T09:55:35Z"])},
    ),
    R(
        "DT001-fires-configured-zone-safe",
        art(date="2025-02-08 09:55:35"),
        [("DT001", 3, 7)],
        {"DT001": ("safe", ["2025-02-08T09:55:35+08:00"])},
        {"timezone": "Asia/Shanghai"},
    ),
    R("DT001-z-offset", art(date="2025-02-08T09:55:35Z"), []),
    R("DT002-nanoseconds", art(date="2025-02-08T09:55:35.123456789+08:00"), []),
    R("DT002-fires-month-13", art(date='"2025-13-45"'), [("DT002", 3, 7)]),
    R("DT002-fires-empty", art(date='""'), [("DT002", 3, 7), ("FM004", 3, 7)]),
    R("DT003-fires", art(date="2999-01-01T00:00:00Z"), [("DT003", 3, 7)]),
    R("DT003-past", art(date="2020-01-01T00:00:00Z"), []),
    R("DT004-fires", art("lastmod: 2025-01-01T00:00:00+08:00\n"), [("DT004", 5, 10)]),
    R("DT004-same-instant-other-offset", art("lastmod: 2025-02-08T01:55:35Z\n"), []),
    # ---------------------------------------------------------------- text
    R(
        "TX001-fires-dots",
        art(summary='"The parliament passed the budget on Tuesday after a long..."'),
        [("TX001", 4, 10)],
        {"TX001": ("unsafe", [SUMMARY])},
    ),
    R(
        "TX001-fires-ellipsis-char",
        art(summary='"The parliament passed the budget on Tuesday after a long…"'),
        [("TX001", 4, 10)],
    ),
    R(
        "TX001-fires-mid-word",
        art(summary='"The parliament passed the budget on Tuesday after a lo"'),
        [("TX001", 4, 10)],
    ),
    R("TX001-question", art(summary='"Will the parliament pass the budget after all?"'), []),
    R(
        "TX001-closing-quote",
        art(summary="'The minister said: \"The parliament passed the budget.\"'"),
        [],
    ),
    R("TX001-etc", art(summary='"New taxes on fuel, tobacco, alcohol, sugar etc."'), []),
    R(
        "TX001-ellipsis-mid-sentence",
        art(summary='"The parliament... passed the budget on Tuesday after all."'),
        [],
    ),
    R("TX001-closing-parenthesis", art(summary='"The parliament passed the budget (Reuters)"'), []),
    R("TX002-fires-short", art(summary='"The budget passed."'), [("TX002", 4, 10)]),
    R("TX002-exactly-40", art(summary='"The parliament passed the budget today!!"'), []),
    R(
        "TX003-fires",
        art(title='"Tom &amp; Jerry return to the screen"'),
        [("TX003", 2, 13)],
        {"TX003": ("safe", ["&"])},
    ),
    R(
        "TX003-ampersand-and-code-span",
        art(title='"AT&T results beat forecasts again"', body="Write `&amp;` in HTML, AT&T said."),
        [],
    ),
    R(
        "TX004-fires-full-stop-and-comma-quote",
        art(body='The plan improves preparedness.The agency said,"After the storm we acted."'),
        [("TX004", 7, 31), ("TX004", 7, 47)],
        {"TX004": ("safe", [" "])},
    ),
    R(
        "TX004-fires-in-the-summary",
        art(summary='"The parliament passed the budget.It was a long debate on Tuesday."'),
        [("TX004", 4, 43)],
    ),
    R(
        "TX004-fires-in-a-table-cell-and-a-footnote",
        art(
            body="| a | b |\n|---|---|\n| It ended.The end | x |\n\nA[^1].\n\n[^1]: The source said so.The end."
        ),
        [("TX004", 9, 11), ("TX004", 13, 25)],
    ),
    *[R(f"TX004-near-miss-{i}", art(body=text), []) for i, text in enumerate(TX004_NEAR_MISSES)],
    R(
        "TX005-fires-double-space",
        art(title='"Budget passes  in parliament"'),
        [("TX005", 2, 22)],
        {"TX005": ("safe", [" "])},
    ),
    R("TX005-fires-nbsp", art(title='"Budget passes\u00a0in parliament"'), [("TX005", 2, 22)]),
    R("TX005-em-dash", art(title='"Budget passes — after a long debate"'), []),
    R(
        "TX006-fires-display-only",
        art(title='"UNICEF AND WHO WARN OF MEASLES OUTBREAK"'),
        [("TX006", 2, 8)],
        {"TX006": ("display-only", ['"Unicef and who warn of measles outbreak"'])},
    ),
    R("TX006-acronyms", art(title='"NATO and EU leaders meet in Brussels"'), []),
    R("TX006-one-shouted-word", art(title='"BREAKING: Budget passes in parliament"'), []),
    R("TX007-fires", art(title='"予算が国会で可決された"'), [("TX007", 2, 8)], lang="en"),
    R(
        "TX007-accents-and-a-name-in-han",
        art(
            title='"Café owners in Zürich protest"',
            body="Xi Jinping (习近平) visited the factory in Shenzhen on Tuesday with the premier.",
        ),
        [],
        lang="en",
    ),
    # ---------------------------------------------------------------- mainroad
    R(
        "TH001-fires-case",
        art('sidebar: "Left"\n'),
        [("TH001", 5, 10)],
        {"TH001": ("safe", ['"left"'])},
        MAINROAD,
    ),
    R("TH001-false-and-right", art("sidebar: false\n"), [], config=MAINROAD),
    R("TH001-right", art("sidebar: right\n"), [], config=MAINROAD),
    R(
        "TH002-fires-duplicate",
        art('widgets: ["recent", "recent"]\n'),
        [("TH002", 5, 21)],
        {"TH002": ("safe", [""])},
        MAINROAD,
    ),
    R(
        "TH002-fires-unknown",
        art('widgets: ["recnt"]\n'),
        [("TH002", 5, 11)],
        {"TH002": ("unsafe", ['"recent"'])},
        MAINROAD,
    ),
    R("TH002-known-widgets", art('widgets: ["search", "recent"]\n'), [], config=MAINROAD),
    R(
        "TH003-fires-image-key",
        art("thumbnail:\n  image: img/x.jpg\n"),
        [("TH003", 6, 3)],
        {"TH003": ("safe", ["src"])},
        MAINROAD,
    ),
    R("TH003-string", art('thumbnail: "img/x.jpg"\n'), [], config=MAINROAD),
    R(
        "TH003-map-with-src",
        art("thumbnail:\n  src: img/x.jpg\n  visibility: [list, post]\n"),
        [],
        config=MAINROAD,
    ),
    # ---------------------------------------------------------------- encoding
    R(
        "EN001-fires",
        art(body="Itâ€™s a deal, the minister said after the long debate on Tuesday."),
        [("EN001", 7, 3)],
        {"EN001": ("safe", ["’"])},
    ),
    R(
        "EN001-real-accents",
        art(body="In SÃO PAULO, São Paulo, Zürich and Besançon a naïve Âge of €5 began."),
        [],
    ),
    R("EN002-fires", art(body="The minister said \ufffd it passed."), [("EN002", 7, 19)]),
    R("EN002-the-code-point-named", art(body="The tool shows U+FFFD for lost text."), []),
    R(
        "EN003-fires",
        art(title='"Budget\u200b passes in parliament"'),
        [("EN003", 2, 15)],
        {"EN003": ("safe", [""])},
    ),
    R(
        "EN003-joiner-in-an-emoji-family",
        art(body="The family 👨\u200d👩\u200d👧 emoji was used by the minister after the debate."),
        [],
    ),
    R(
        "EN004-fires",
        art(body="The minister\x07 said it passed."),
        [("EN004", 7, 13)],
        {"EN004": ("safe", [""])},
    ),
    R("EN004-tab", art(body="The minister\tsaid it passed."), []),
    # ---------------------------------------------------------------- body
    R(
        "BD001-fires-nbsp-paragraph",
        art(body=PROSE + "\n\n\u00a0\n\nMore text here."),
        [("BD001", 9, 1)],
        {"BD001": ("safe", [""])},
    ),
    R("BD001-dash-and-break", art(body=PROSE + "\n\n—\n\n* * *\n\nMore text here."), []),
    R(
        "BD002-fires-three-spaces",
        art(body=PROSE + "   \nMore text here."),
        [("BD002", 7, 65)],
        {"BD002": ("safe", [""])},
    ),
    R("BD002-hard-break", art(body=PROSE + "  \nMore text here."), []),
    R(
        "BD003-fires",
        art(body=PROSE + "\n\n\nMore text here."),
        [("BD003", 9, 1)],
        {"BD003": ("safe", [""])},
    ),
    R("BD003-inside-a-fence", art(body=PROSE + "\n\n```python\nx = 1\n\n\ny = 2\n```"), []),
    R(
        "BD004-fires",
        art(body=PROSE + '\n\n<iframe src="https://example.com/embed"></iframe>'),
        [("BD004", 9, 1)],
    ),
    R(
        "BD004-code-span-autolink-comment",
        art(body=PROSE + " Use `<br>` tags. See <https://example.com/x>.\n\n<!-- desk: check -->"),
        [],
    ),
    R(
        "BD005-fires",
        art(body="The {{ price }} rose on Tuesday after a long debate in parliament."),
        [("BD005", 7, 5)],
        {"BD005": ("unsafe", ["\\{\\{"])},
    ),
    R(
        "BD005-shortcodes-and-code",
        art(
            body=PROSE
            + "\n\n{{< youtube w7Ft2ymGmfc >}}\n\n{{% note %}}\nA note.\n{{% /note %}}\n\n"
            "Use `{{ .Title }}` here.\n\n```\n{{ .Content }}\n```"
        ),
        [],
    ),
    R(
        "BD005-tex-formulas",
        art(
            body=PROSE + " The formula $\\frac{{a}}{b}$ holds, as does \\(x^{{2}}\\).\n\n"
            "$$\n{{n}\\choose{k}}\n$$"
        ),
        [],
    ),
    R(
        "BD005-fires-between-two-prices",
        art(body=PROSE + " It costs $5 and {{ price }} is $6."),
        [("BD005", 7, 82)],
    ),
    R(
        "BD006-fires",
        art(body="![A photo of the vote](https://example.com/a.jpg)"),
        [("BD006", 7, 1)],
    ),
    R("BD006-one-sentence", art(body="The budget passed."), []),
    R(
        "BD007-fires",
        art(body=LONG + "\n\nMore text here.\n\n" + LONG),
        [("BD007", 11, 1)],
        {"BD007": ("unsafe", [""])},
    ),
    R(
        "BD007-short-credit-line",
        art(body=PROSE + "\n\nPhoto: Reuters\n\nMore news.\n\nPhoto: Reuters"),
        [],
    ),
    # ---------------------------------------------------------------- links
    R("LK001-fires", art(body=PROSE, link="More text."), [("LK001", 9, 1)]),
    R("LK001-link-in-emphasis", art(link="*[Reuters](https://www.reuters.com/world/budget)*"), []),
    R(
        "LK001-source-field",
        art('source: "https://www.reuters.com/world/budget"\n', link="More text."),
        [],
    ),
    R(
        "LK002-fires-empty-link-and-image",
        art(body="Text here. See []() and ![]() today."),
        [("LK002", 7, 16), ("LK002", 7, 25)],
        {"LK002": ("safe", [""])},
    ),
    R(
        "LK002-fires-javascript",
        art(body=PROSE + " See [the report](javascript:alert(1))."),
        [("LK002", 7, 70)],
        {"LK002": ("unsafe", ["the report"])},
    ),
    R(
        "LK002-fires-space",
        art(body=PROSE + " See [the report](https://e.com/a b)."),
        [("LK002", 7, 83)],
        {"LK002": ("safe", ["%20"])},
    ),
    R(
        "LK002-angle-brackets-mailto-anchor-footnote",
        art(
            body=PROSE
            + " See [r](<https://e.com/a b>), [mail](mailto:desk@e.com), [top](#top), a note[^1]."
            "\n\n[^1]: A footnote."
        ),
        [],
    ),
    R(
        "LK003-fires-protocol-relative",
        art(body=PROSE + " ![x](//n.sinaimg.cn/x.png)"),
        [("LK003", 7, 71)],
        {"LK003": ("unsafe", ["https:"])},
    ),
    R(
        "LK003-ref-shortcode-anchor-mailto",
        art(body=PROSE + ' See [other]({{< ref "other.md" >}}), [a](#top), [m](mailto:x@e.com).'),
        [],
    ),
    R(
        "LK004-fires",
        art(body=PROSE + " See [the report](http://example.org/a)."),
        [("LK004", 7, 83)],
        {"LK004": ("unsafe", ["https"])},
    ),
    R("LK004-https", art(body=PROSE + " See [the report](https://example.org/a)."), []),
    R(
        "LK005-fires",
        art(body=PROSE + " See [the report](https://example.org/a?utm_source=tw&id=5)."),
        [("LK005", 7, 104)],
        {"LK005": ("safe", [""])},
    ),
    R(
        "LK005-lookalike-names-and-values",
        art(
            body=PROSE
            + " See [r](https://example.org/a?source=twitter), [s](https://example.org/s?q=utm_source)."
        ),
        [],
    ),
]


def _place(case: R, tmp_path: Path) -> str:
    name = "x.en.md" if case.lang == "en" else "x.md"
    return str(tmp_path / "content" / "news" / name)


@pytest.mark.parametrize("case", RULE_CASES, ids=lambda c: c.name)
def test_rule_fires_or_stays_quiet(case: R, tmp_path: Path) -> None:
    """Exactly the stated problems, at the stated places, with the stated fixes."""
    found = newslint.check_text(
        case.text,
        path=_place(case, tmp_path),
        config=newslint.Config(**case.config) if case.config else None,  # type: ignore[arg-type]
    )
    got = sorted((d.code, d.line, d.column) for d in found)
    assert got == sorted(case.problems)
    for diagnostic in found:
        if diagnostic.code not in case.fixes:
            continue
        applicability, contents = case.fixes[diagnostic.code]
        fix = diagnostic.to_json()["fix"]
        assert fix is not None, diagnostic
        assert fix["applicability"] == applicability
        assert [edit["content"] for edit in fix["edits"]] == contents


def test_there_are_cases_for_every_catalogue_rule_both_ways() -> None:
    codes = {
        "FM001", "FM002", "FM003", "FM004", "FM005", "FM006", "FM007",
        "DT001", "DT002", "DT003", "DT004",
        "TX001", "TX002", "TX003", "TX004", "TX005", "TX006", "TX007",
        "TH001", "TH002", "TH003",
        "EN001", "EN002", "EN003", "EN004",
        "BD001", "BD002", "BD003", "BD004", "BD005", "BD006", "BD007",
        "LK001", "LK002", "LK003", "LK004", "LK005",
    }  # fmt: skip
    fires = {c.name[:5] for c in RULE_CASES if "-fires" in c.name}
    quiet = {c.name[:5] for c in RULE_CASES if "-fires" not in c.name}
    assert codes <= fires
    assert codes <= quiet


# ================================================================== the command line, black-box


def newslint_cli(
    *args: str, cwd: Path, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    """`newslint ARGS` run in `cwd`: with `stdin`, the installed command in a process of its own;
    else its documented entry point `main(argv) -> int` in this process (much faster)."""
    if stdin is not None:
        env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "FORCE_COLOR")}
        return subprocess.run(
            [sys.executable, "-m", "newslint", *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            check=False,
            env=env,
        )
    out, err = io.BytesIO(), io.BytesIO()
    out_text = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    err_text = io.TextIOWrapper(err, encoding="utf-8", write_through=True)
    before = os.getcwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out_text), contextlib.redirect_stderr(err_text):
            try:
                code = main(list(args))
            except SystemExit as exit_:  # argparse's usage errors
                code = exit_.code if isinstance(exit_.code, int) else 2
    finally:
        os.chdir(before)
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


def json_check(*args: str, cwd: Path) -> tuple[int, list[dict[str, object]]]:
    done = newslint_cli("check", "--no-cache", "--output-format", "json", *args, cwd=cwd)
    assert done.returncode != 2, done.stderr.decode()
    return done.returncode, json.loads(done.stdout)


def places(found: list[dict[str, object]]) -> list[tuple[object, ...]]:
    return [(d["path"], d["code"], d["line"], d["column"]) for d in found]


# An article with an error (EN005, a Latin-1 byte) and a warning later in the file (TX004).
BAD = art(body="Caf\u00e9 owners said the plan improves preparedness.The end.").encode()
BAD = BAD.replace("é".encode(), b"\xe9")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "clean.md").write_text(art(), encoding="utf-8")
    (tmp_path / "bad.md").write_bytes(BAD)
    (tmp_path / "warn.md").write_text(art(title='"Tom &amp; Jerry return to the screen"'))
    (tmp_path / "info.md").write_text(art(title='"UNICEF AND WHO WARN OF MEASLES OUTBREAK"'))
    return tmp_path


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("clean.md",), 0),
        (("bad.md",), 1),
        (("warn.md",), 0),
        (("warn.md", "--fail-on", "warning"), 1),
        (("info.md", "--fail-on", "warning"), 0),
        (("info.md", "--fail-on", "info"), 1),
        (("info.md", "--fail-on", "info", "--exit-zero"), 0),
        (("bad.md", "--exit-zero"), 0),
        (("nothere.md",), 2),
        (("bad.md", "--select", "XX999"), 2),
        (("bad.md", "--ignore", "no-such-rule"), 2),
        (("bad.md", "--fail-on", "errors"), 2),
        (("bad.md", "--output-format", "xml"), 2),
    ],
)
def test_exit_codes(tree: Path, args: tuple[str, ...], code: int) -> None:
    done = newslint_cli("check", "--no-cache", *args, cwd=tree)
    assert done.returncode == code, done.stderr
    if code == 2:
        assert done.stdout == b""
        assert done.stderr.startswith(b"newslint: error: ") or b"usage:" in done.stderr


def test_a_missing_path_is_named_and_an_empty_folder_is_an_empty_report(tree: Path) -> None:
    done = newslint_cli("check", "--no-cache", "nothere.md", cwd=tree)
    assert b"nothere.md" in done.stderr
    (tree / "empty").mkdir()
    assert json_check("empty", cwd=tree) == (0, [])


def test_the_rest_of_a_file_with_invalid_utf8_is_still_linted(tree: Path) -> None:
    code, found = json_check("bad.md", cwd=tree)
    assert code == 1
    assert places(found) == [("bad.md", "EN005", 7, 4), ("bad.md", "TX004", 7, 48)]


@pytest.mark.parametrize(
    ("selection", "codes"),
    [
        (("--select", "EN005"), ["EN005"]),
        (("--select", "sentence-spacing"), ["TX004"]),
        (("--select", "EN,TX"), ["EN005", "TX004"]),
        (("--select", "EN", "--select", "TX004"), ["EN005", "TX004"]),
        (("--select", "invalid-utf8,TX"), ["EN005", "TX004"]),
        (("--ignore", "EN005"), ["TX004"]),
        (("--ignore", "TX"), ["EN005"]),
        (("--select", "TX", "--ignore", "sentence-spacing"), []),
        (("--select", "EN", "--extend-select", "TX004"), ["EN005", "TX004"]),
        (("--select", "ALL", "--ignore", "EN"), ["TX004"]),
        (("--select", "DT"), []),
    ],
)
def test_selection_by_code_name_and_prefix(
    tree: Path, selection: tuple[str, ...], codes: list[str]
) -> None:
    _, found = json_check("bad.md", *selection, cwd=tree)
    assert [d["code"] for d in found] == codes


FORMATS = ["full", "concise", "grouped", "json", "json-lines", "sarif", "github", "junit", "gitlab"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_output_format_exits_alike_and_names_both_problems(tree: Path, fmt: str) -> None:
    done = newslint_cli("check", "--no-cache", "--output-format", fmt, "bad.md", cwd=tree)
    assert done.returncode == 1, done.stderr
    out = done.stdout.decode()
    assert "EN005" in out or "invalid-utf8" in out
    assert "TX004" in out or "sentence-spacing" in out


def test_json_objects_have_the_documented_keys_and_json_lines_the_same_objects(tree: Path) -> None:
    _, found = json_check("bad.md", cwd=tree)
    keys = ["path", "rule", "code", "severity", "message", "line", "column", "end_line",
            "end_column", "fix"]  # fmt: skip
    assert [list(d) for d in found] == [keys, keys]
    first, second = found
    assert (first["rule"], first["severity"], first["end_line"], first["end_column"]) == (
        "invalid-utf8", "error", 7, 5
    )  # fmt: skip
    assert first["fix"] is not None and first["fix"]["applicability"] == "unsafe"  # type: ignore[index]
    fix = second["fix"]
    assert fix == {
        "applicability": "safe",
        "title": fix["title"],  # type: ignore[index]
        "edits": [{"line": 7, "column": 49, "end_line": 7, "end_column": 49, "content": " "}],
    }
    lines = newslint_cli("check", "--no-cache", "--output-format", "json-lines", "bad.md", cwd=tree)
    assert [json.loads(line) for line in lines.stdout.decode().splitlines()] == found


def test_concise_is_one_line_per_problem_with_a_mark_for_safe_fixes(tree: Path) -> None:
    done = newslint_cli("check", "--no-cache", "--output-format", "concise", "bad.md", cwd=tree)
    assert done.stdout.decode().splitlines() == [
        "bad.md:7:4: EN005 [invalid-utf8] bytes that are not UTF-8: E9 (as Windows-1252: 'é')",
        "bad.md:7:48: TX004 [sentence-spacing] [*] no space after '.' before 'The'",
    ]


def test_byte_order_mark_and_crlf_are_reported_and_fixed(tmp_path: Path) -> None:
    (tmp_path / "bom.md").write_bytes(b"\xef\xbb\xbf" + art().encode())
    (tmp_path / "crlf.md").write_bytes(art().replace("\n", "\r\n").encode())
    code, found = json_check("bom.md", "crlf.md", "--ignore", "XF", cwd=tmp_path)
    assert code == 0  # both are warnings
    assert [(d["code"], d["line"], d["column"], d["end_line"], d["end_column"]) for d in found] == [
        ("EN006", 1, 1, 1, 2),
        ("EN007", 1, 4, 2, 1),
    ]
    done = newslint_cli("fix", "--no-cache", "bom.md", "crlf.md", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "bom.md").read_bytes() == art().encode()
    assert (tmp_path / "crlf.md").read_bytes() == art().encode()


FIXABLE = art(
    title='"UNICEF AND WHO WARN  OF MEASLES"',
    body="The plan improves preparedness.The end.",
    extra="lastmdo: 2025-02-09T00:00:00Z\n",
)


def test_fix_applies_safe_fixes_only_then_unsafe_never_display_only(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    target.write_text(FIXABLE)
    diff = newslint_cli("fix", "--no-cache", "--diff", "a.md", cwd=tmp_path)
    assert diff.returncode == 1
    assert b'-title: "UNICEF AND WHO WARN  OF MEASLES"' in diff.stdout
    assert target.read_text() == FIXABLE  # --diff writes nothing
    done = newslint_cli("fix", "--no-cache", "a.md", cwd=tmp_path)
    safe = FIXABLE.replace("WARN  OF", "WARN OF").replace("preparedness.The", "preparedness. The")
    assert target.read_text() == safe
    assert done.returncode == 0  # what remains (TX006 info, FM007 warning) is below `error`
    newslint_cli("fix", "--no-cache", "--unsafe-fixes", "a.md", cwd=tmp_path)
    assert target.read_text() == safe.replace("lastmdo:", "lastmod:")  # TX006 stays in capitals
    again = newslint_cli("fix", "--no-cache", "--diff", "--unsafe-fixes", "a.md", cwd=tmp_path)
    assert (again.returncode, again.stdout) == (0, b"")


def test_stdin_with_and_without_a_file_name(tree: Path) -> None:
    plain = newslint_cli("check", "--output-format", "concise", "-", cwd=tree, stdin=BAD)
    assert plain.returncode == 1
    assert plain.stdout.decode().splitlines()[0].startswith("-:7:4: EN005 ")
    named = newslint_cli(
        "check",
        "--output-format",
        "json",
        "--stdin-filename",
        "news/x.md",
        "-",
        cwd=tree,
        stdin=BAD,
    )
    assert {d["path"] for d in json.loads(named.stdout)} == {"news/x.md"}
    fixed = newslint_cli("fix", "-", cwd=tree, stdin=BAD)
    assert fixed.stdout == BAD.replace(b"preparedness.The", b"preparedness. The")
    assert fixed.returncode == 1  # EN005 (an error) remains: its transcoding is unsafe


def test_no_cache_writes_no_cache_and_statistics_count_per_rule(tree: Path) -> None:
    newslint_cli("check", "--no-cache", "bad.md", cwd=tree)
    assert not (tree / ".newslint_cache").exists()
    stats = newslint_cli("check", "--no-cache", "--statistics", "bad.md", "warn.md", cwd=tree)
    text = stats.stdout.decode()
    assert "EN005" in text and "TX004" in text and "TX003" in text
    assert "preparedness" not in text  # counts, not the problems


# ================================================================== configuration


def test_pyproject_newslint_toml_and_the_config_flag(tree: Path) -> None:
    (tree / "pyproject.toml").write_text('[tool.newslint]\nignore = ["TX004"]\n')
    assert [d["code"] for d in json_check("bad.md", cwd=tree)[1]] == ["EN005"]
    (tree / "newslint.toml").write_text('ignore = ["EN005"]\n')  # newslint.toml comes first
    assert [d["code"] for d in json_check("bad.md", cwd=tree)[1]] == ["TX004"]
    (tree / "other.toml").write_text('select = ["TX003"]\n')
    assert [d["code"] for d in json_check("--config", "other.toml", "bad.md", "warn.md",
                                          cwd=tree)[1]] == ["TX003"]  # fmt: skip


def test_per_file_ignores_and_a_rule_option(tree: Path) -> None:
    (tree / "archive").mkdir()
    (tree / "archive" / "old.md").write_bytes(BAD)
    (tree / "newslint.toml").write_text(
        '[per-file-ignores]\n"archive/**" = ["invalid-utf8"]\n[rules.summary-length]\nmax = 50\n'
    )
    _, found = json_check("archive/old.md", "bad.md", "--ignore", "XF", cwd=tree)
    assert places(found) == [
        ("archive/old.md", "TX002", 4, 10),
        ("archive/old.md", "TX004", 7, 48),
        ("bad.md", "TX002", 4, 10),
        ("bad.md", "EN005", 7, 4),
        ("bad.md", "TX004", 7, 48),
    ]


@pytest.mark.parametrize(
    ("content", "named"),
    [
        ("excude = []\n", "excude"),
        ('fail-on = "errors"\n', "fail-on"),
        ("[rules.summary-length]\nmaxx = 3\n", "maxx"),
        ('select = ["XX999"]\n', "XX999"),
    ],
)
def test_a_bad_configuration_exits_2_naming_the_key(tree: Path, content: str, named: str) -> None:
    (tree / "newslint.toml").write_text(content)
    done = newslint_cli("check", "--no-cache", "clean.md", cwd=tree)
    assert done.returncode == 2
    assert named.encode() in done.stderr and b"newslint.toml" in done.stderr


# ================================================================== suppressions

SUPPRESSED = (
    '---\ntitle: "UNICEF AND WHO WARN OF MEASLES OUTBREAK"  # newslint: disable=title-shouting\n'
    "date: 2025-02-08T09:55:35+08:00\n"
    f"summary: {SUMMARY}\n---\n\n"
    "<!-- newslint-disable-next-line sentence-spacing -->\n"
    "The plan improves preparedness.The end.\n\n"
    "<!-- newslint-disable BD004 -->\n"
    '<iframe src="https://example.com/embed"></iframe>\n'
    "<!-- newslint-enable BD004 -->\n\n"
    "<!-- newslint-disable-next-line LK004 -->\n"
    "See [the archive](http://example.org/a).\n\n"
    f"{LINK}\n"
)


def test_used_suppressions_silence_and_report_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(SUPPRESSED)
    assert json_check("a.md", "--select", "ALL", "--fail-on", "info", cwd=tmp_path) == (0, [])


@pytest.mark.parametrize("rule", ["sentence-spacing", "title-shouting", "LK004", "link-insecure"])
def test_an_unused_suppression_is_reported_in_a_run_of_one_file_and_fix_removes_it(
    tmp_path: Path, rule: str
) -> None:
    """Also for link-insecure, which reports as it lints each file when links are not checked:
    newslint deferred its suppressions to the cross-file step, which judges them only when the
    run saw the whole site, so a pre-commit run of the staged file never reported a stale one."""
    text = art(
        body=f"<!-- newslint-disable-next-line {rule} -->\nSee [the archive](https://e.org/a)."
    )
    (tmp_path / "a.md").write_text(text)
    (tmp_path / "other.md").write_text(art())  # the run below sees only a part of the folder
    _, found = json_check("a.md", cwd=tmp_path)
    assert places(found) == [("a.md", "NL001", 7, 1)]
    assert found[0]["fix"]["applicability"] == "safe"  # type: ignore[index]
    newslint_cli("fix", "--no-cache", "a.md", cwd=tmp_path)
    assert (tmp_path / "a.md").read_text() == art(body="See [the archive](https://e.org/a).")


@pytest.mark.parametrize("rule", ["link-broken", "LK007", "LK006"])
@pytest.mark.parametrize("how", [("--select", "ALL"), ("--config", 'select = ["ALL"]')])
def test_a_link_check_suppression_is_left_alone_without_a_link_check(
    tmp_path: Path, rule: str, how: tuple[str, str]
) -> None:
    """`select = ["ALL"]` (DESIGN.md's own example) enables link-broken and link-redirect, but
    without `--check-links` they make no request and report nothing: their suppressions are of
    rules the run does not run, "left alone" (newslint reported them unused, inviting their
    removal before the next CI link check)."""
    body = (
        f"<!-- newslint-disable-next-line {rule} -- archived -->\nSee [it](https://gone.invalid/a)."
    )
    (tmp_path / "a.md").write_text(art(body=body))
    assert json_check("a.md", *how, "--fail-on", "info", cwd=tmp_path) == (0, [])
    done = newslint_cli("fix", "--no-cache", *how, "a.md", cwd=tmp_path)
    assert done.returncode == 0
    assert (tmp_path / "a.md").read_text() == art(body=body)


# ================================================================== a Hugo site


@pytest.fixture
def site(tmp_path: Path) -> Path:
    tmp_path = tmp_path / "site"
    tmp_path.mkdir()
    (tmp_path / "hugo.toml").write_text(
        'baseURL = "https://news.example.org/"\ndefaultContentLanguage = "en"\n'
        '[languages.en]\ncontentDir = "content/en"\n[languages.fr]\ncontentDir = "content/fr"\n'
    )
    en, fr = tmp_path / "content" / "en" / "news", tmp_path / "content" / "fr" / "news"
    en.mkdir(parents=True)
    fr.mkdir(parents=True)
    (en / "one.md").write_text(art())
    (en / "two.md").write_text(
        art(date="2025-02-09T09:55:35+08:00", title='"Budget clears the senate"',
            body=PROSE + " See [the story](/world/story) and [one](/news/one/).",
            link="[Reuters](https://www.reuters.com/world/other)")
    )  # fmt: skip
    (fr / "un.md").write_text(
        art(date="2025-02-09T09:55:35+08:00", body="Le parlement a adopté le budget mardi.",
            summary='"Le parlement a adopté le budget mardi après un long débat."',
            link="[Le Monde](https://www.lemonde.fr/a)")
    )  # fmt: skip
    return tmp_path


def test_site_relative_links_cross_file_rules_and_their_near_misses(site: Path) -> None:
    """LK003 absolutises a copied path against the source's origin and leaves a link to one of
    the site's own pages; same title in another language and same host are no duplicates."""
    code, found = json_check(cwd=site)
    assert code == 0
    assert places(found) == [("content/en/news/two.md", "LK003", 7, 82)]
    edit = found[0]["fix"]["edits"][0]  # type: ignore[index]
    assert edit["content"] == "https://www.reuters.com/world/story"
    (site / "content" / "en" / "news" / "three.md").write_text(
        art(date="2025-02-10T09:55:35+08:00")
    )
    _, found = json_check(cwd=site)
    assert places(found) == [
        ("content/en/news/three.md", "XF002", 2, 8),
        ("content/en/news/three.md", "XF001", 9, 11),
        ("content/en/news/two.md", "LK003", 7, 82),
    ]


def test_raw_html_is_quiet_where_the_site_allows_it(site: Path) -> None:
    page = site / "content" / "en" / "news" / "one.md"
    page.write_text(art(body=PROSE + '\n\n<iframe src="https://example.com/embed"></iframe>'))
    assert places(json_check(cwd=site)[1]) == [
        ("content/en/news/one.md", "BD004", 9, 1),
        ("content/en/news/two.md", "LK003", 7, 82),
    ]
    allowing = site.parent / "allowing"  # another site: a process reads a site's config once
    shutil.copytree(site, allowing)
    with (allowing / "hugo.toml").open("a") as config:
        config.write("[markup.goldmark.renderer]\nunsafe = true\n")
    assert places(json_check(cwd=allowing)[1]) == [("content/en/news/two.md", "LK003", 7, 82)]


def test_no_link_is_checked_without_the_flag(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(art(body=PROSE + " See [it](https://gone.invalid/a)."))
    assert json_check("a.md", "--select", "ALL", cwd=tmp_path) == (0, [])


def _link_broken_article(url: str, source: str = LINK) -> str:
    body = f"<!-- newslint-disable-next-line link-broken -- archived -->\nSee [it]({url})."
    return art(body=body, link=source)


def test_a_link_check_suppression_over_an_unchecked_link_is_not_called_unused(
    tmp_path: Path,
) -> None:
    """`--offline` uses only the cache: a link it holds no result for was not checked, so the
    suppression over it may be needed (newslint called it unused, and `fix` removed it); one over
    no link at all is unused, also in a run of some of the folder's files."""
    needed = _link_broken_article("https://gone.example.org/a")
    (tmp_path / "a.md").write_text(needed)
    (tmp_path / "b.md").write_text(art(body=PROSE))
    offline = ("--check-links", "--offline")
    assert json_check("a.md", *offline, "--fail-on", "info", cwd=tmp_path) == (0, [])
    newslint_cli("fix", "--no-cache", *offline, "a.md", cwd=tmp_path)
    assert (tmp_path / "a.md").read_text() == needed
    (tmp_path / "a.md").write_text(needed.replace("See [it](https://gone.example.org/a).", "No."))
    _, found = json_check("a.md", *offline, cwd=tmp_path)
    assert places(found) == [("a.md", "NL001", 7, 1)]


def test_a_link_check_suppression_is_judged_in_a_run_of_some_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A link check looks at the given files' own links, so what it found there does not depend
    on the files left out (a pre-commit run of the staged ones): a suppression of link-broken
    over a link that works is unused, one over a broken link is used."""
    from tests.linkserver import link_server, without_proxies

    without_proxies(monkeypatch)
    (tmp_path / "other.md").write_text(art(body=PROSE))
    with link_server() as server:
        source = f"[Server]({server.url('/other')})"
        (tmp_path / "works.md").write_text(_link_broken_article(server.url("/ok"), source))
        (tmp_path / "gone.md").write_text(_link_broken_article(server.url("/missing"), source))
        selection = ("--select", "LK006,NL001")
        _, found = json_check("works.md", "gone.md", "--check-links", *selection, cwd=tmp_path)
    assert places(found) == [("works.md", "NL001", 7, 1)]
