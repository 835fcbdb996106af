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
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import newslint

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
    "title = \"It's a deal: the budget passes\"\n"
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
    "Run `npm install.Then run` now.\n\n```js\nconst a = b.c;console.log(\"x.Y\");\n```",
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
    R("TX001-ellipsis-mid-sentence", art(summary='"The parliament... passed the budget on Tuesday after all."'), []),
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
        art(body="| a | b |\n|---|---|\n| It ended.The end | x |\n\nA[^1].\n\n[^1]: The source said so.The end."),
        [("TX004", 9, 11), ("TX004", 13, 25)],
    ),
    *[
        R(f"TX004-near-miss-{i}", art(body=text), [])
        for i, text in enumerate(TX004_NEAR_MISSES)
    ],
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
    R("BD006-fires", art(body="![A photo of the vote](https://example.com/a.jpg)"), [("BD006", 7, 1)]),
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
