"""Peer round O: black-box tests of the contract, in the three front-matter formats.

Written from the public documents only (DESIGN.md, STYLE.md, the README, `newslint --help`,
`newslint rules` and `newslint rule CODE`), as a team that wants to break newslint would read them.
The earlier rounds covered YAML articles best; this one runs every front-matter rule's documented
`## Example` and `## Use instead` in YAML, TOML and JSON front matter (exact code, line, column,
end, message and the bytes `newslint fix` writes), and the places where formats differ: inline
suppressions (YAML and TOML comments, the body's comments for a JSON article), the JSON output of
`check`, `fix`, `rules`, `config` and `--statistics` field by field, and the exit codes.

Positions are found in the article text by the test (`At`), never copied from newslint's output,
so a column that is off by one in one format only fails here.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from newslint.cli import main

SITE = """\
baseURL = "https://example.org/"
title = "Newsroom"
timeZone = "Asia/Shanghai"
theme = "mainroad"
defaultContentLanguage = "en"
[languages.en]
contentDir = "content/en"
[languages.ja]
contentDir = "content/ja"
[languages.zh-CN]
contentDir = "content/zh-CN"
"""

ARTICLE = "content/en/news/a.md"
FORMATS = ("yaml", "toml", "json")
PROSE = "The budget passed on Tuesday after a week of talks."
LINK = "[Reuters](https://www.reuters.com/world/budget-passes)"
BODY = f"{PROSE}\n\n{LINK}\n"
SUMMARY = "The budget passed on Tuesday after a week of talks between the parties."


class Bare(str):
    """A value written without quotes in YAML and TOML (a date), as a string in JSON."""

    __slots__ = ()


DATE = Bare("2025-02-08T09:55:35+08:00")
DROP = object()  # leaves a field out of the article


def scalar(value: Any, fmt: str) -> str:
    """`value` in `fmt`'s syntax: strings double-quoted, lists and maps in flow style."""
    if isinstance(value, Bare):
        return json.dumps(value) if fmt == "json" else str(value)
    if isinstance(value, list):
        return "[" + ", ".join(scalar(v, fmt) for v in value) + "]"
    if isinstance(value, dict):
        sep = {"yaml": ": ", "toml": " = ", "json": ": "}[fmt]
        items = [
            (json.dumps(k) if fmt == "json" else k) + sep + scalar(v, fmt) for k, v in value.items()
        ]
        return "{" + ", ".join(items) + "}"
    return json.dumps(value, ensure_ascii=False)


def art(fmt: str, body: str = BODY, **changes: Any) -> str:
    """A clean article in `fmt`: title (line 2), date (3), summary (4), then each new key of
    `changes` on a line of its own, in order; a change to a base key replaces its value in place,
    `DROP` leaves it out. The body follows a blank line after the closing delimiter."""
    fields: dict[str, Any] = {"title": "Budget passes", "date": DATE, "summary": SUMMARY}
    fields.update(changes)
    pairs = [(k, v) for k, v in fields.items() if v is not DROP]
    if fmt == "yaml":
        head = ["---", *(f"{k}: {scalar(v, fmt)}" for k, v in pairs), "---"]
    elif fmt == "toml":
        head = ["+++", *(f"{k} = {scalar(v, fmt)}" for k, v in pairs), "+++"]
    else:
        head = ["{", ",\n".join(f"  {json.dumps(k)}: {scalar(v, fmt)}" for k, v in pairs), "}"]
    return "\n".join(head) + "\n\n" + body


@dataclass(frozen=True)
class At:
    """Where a problem is: the `nth` occurrence of `needle` in the text, from `skip` code points
    into it, `size` long (default: the rest of the needle). `bare=True`: a key or a `Bare` value,
    which JSON writes in quotes (and the span takes them); `delimiter=True`: the opening
    delimiter."""

    needle: str = ""
    skip: int = 0
    size: int | None = None
    nth: int = 0
    bare: bool = False
    delimiter: bool = False

    def span(self, text: str, fmt: str) -> tuple[int, int, int, int]:
        needle = self.needle
        if self.delimiter:
            needle = {"yaml": "---", "toml": "+++", "json": "{"}[fmt]
        elif self.bare and fmt == "json":
            needle = json.dumps(needle)
        offset = -1
        for _ in range(self.nth + 1):
            offset = text.index(needle, offset + 1)
        start = offset + self.skip
        end = start + (len(needle) - self.skip if self.size is None else self.size)
        return (*position(text, start), *position(text, end))


def position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column (in code points) of `offset` in `text`."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


@dataclass(frozen=True)
class Problem:
    code: str
    at: At
    message: str  # a fragment of the message
    applicability: str | None  # the fix's, None without a fix


@dataclass(frozen=True)
class Doc:
    """A rule's documented Example (`example`), its problems and its Use instead (`instead`), as
    article changes; `safe`/`unsafe`: the changes `fix` / `fix --unsafe-fixes` make (None: the
    text stays); `exit`: the exit code of `check`."""

    code: str
    example: dict[str, Any]
    problems: list[Problem]
    instead: dict[str, Any]
    exit: int
    safe: dict[str, Any] | None = None
    unsafe: dict[str, Any] | None = None
    args: tuple[str, ...] = ()
    path: str = ARTICLE
    body: str = BODY


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Hugo site (Asia/Shanghai, Mainroad, en/ja/zh-CN) as the working directory, no config."""
    monkeypatch.chdir(tmp_path)
    for name in ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR", "CI"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "hugo.toml").write_text(SITE, encoding="utf-8")
    return tmp_path


def put(root: Path, text: str | bytes, path: str = ARTICLE) -> Path:
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return target


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`newslint ARGS` in process: exit code, standard output, standard error."""
    capsys.readouterr()
    try:
        code = main(list(args))
    except SystemExit as exit_:  # argparse's usage errors
        code = exit_.code if isinstance(exit_.code, int) else 2
    out = capsys.readouterr()
    return code, out.out, out.err


def check(
    capsys: pytest.CaptureFixture[str], *args: str, path: str = ARTICLE
) -> tuple[int, list[dict[str, Any]]]:
    """`check PATH --output-format json --no-cache ARGS`: the exit code and the parsed array."""
    code, out, err = run(capsys, "check", path, "--no-cache", "--output-format", "json", *args)
    assert code in (0, 1), err
    return code, json.loads(out)


def spans(items: list[dict[str, Any]]) -> list[tuple[str, int, int, int, int]]:
    return [(d["code"], d["line"], d["column"], d["end_line"], d["end_column"]) for d in items]


def pipe(
    monkeypatch: pytest.MonkeyPatch, *args: str, stdin: bytes = b""
) -> tuple[int, bytes, bytes]:
    """`main(args)` with `stdin` as standard input's bytes: exit code, stdout and stderr bytes."""
    out, err = io.BytesIO(), io.BytesIO()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    out_text = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    err_text = io.TextIOWrapper(err, encoding="utf-8", write_through=True)
    monkeypatch.setattr(sys, "stdout", out_text)
    monkeypatch.setattr(sys, "stderr", err_text)
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 2
    out_text.flush()
    err_text.flush()
    return code, out.getvalue(), err.getvalue()


def console(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command in a process of its own (for plugins, which stay loaded in a process)."""
    return subprocess.run(
        [sys.executable, "-m", "newslint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


# ===================================================== every rule's Example, in three formats

NOW = ("--config", 'rules.date-future.now = "2025-02-08T10:00:00+08:00"')
JA_BODY = "東京都内で大規模な火災が発生し、消防車が出動した。\n\n[NHK](https://www3.nhk.or.jp/news/html/fire.html)\n"

DOCS = [
    Doc(
        "FM004",
        {"summary": "", "date": DROP},
        [
            Problem("FM004", At(delimiter=True), "required field 'date' is missing", None),
            Problem("FM004", At('""'), "required field 'summary' is empty", "unsafe"),
        ],
        {},
        exit=1,
        unsafe={"summary": PROSE, "date": DROP},
    ),
    Doc(
        "FM005",
        {"comments": "false", "tags": "economy"},
        [
            Problem("FM005", At('"false"'), "comments should be true or false", "unsafe"),
            Problem("FM005", At('"economy"'), "tags should be a list", "unsafe"),
        ],
        {"comments": False, "tags": ["economy"]},
        exit=1,
        unsafe={"comments": False, "tags": ["economy"]},
    ),
    Doc(
        "FM006",
        {"menu": "", "tags": [""]},
        [
            Problem(
                "FM006", At('""'), 'menu is empty: Hugo puts the page in a menu named ""', "safe"
            ),
            Problem("FM006", At('""', nth=1), "tags has an empty item", "safe"),
        ],
        {},
        exit=0,
        safe={"menu": DROP, "tags": DROP},
    ),
    Doc(
        "FM007",
        {"summary": DROP, "sumary": "The budget passed on Tuesday."},
        [
            Problem(
                "FM007",
                At("sumary", bare=True),
                "unknown field 'sumary' (did you mean 'summary'?)",
                "unsafe",
            )
        ],
        {"summary": "The budget passed on Tuesday."},
        exit=0,
        unsafe={"summary": "The budget passed on Tuesday.", "sumary": DROP},
    ),
    Doc(
        "DT001",
        {"date": "2025-02-08 09:55:35"},
        [
            Problem(
                "DT001",
                At('"2025-02-08 09:55:35"'),
                "Hugo reads '2025-02-08 09:55:35' in Asia/Shanghai",
                "safe",
            )
        ],
        {"date": "2025-02-08T09:55:35+08:00"},
        exit=0,
        safe={"date": "2025-02-08T09:55:35+08:00"},
    ),
    Doc(
        "DT002",
        {"date": "2025/02/08", "lastmod": ""},
        [
            Problem("DT002", At('"2025/02/08"'), "is not a date Hugo can read", None),
            Problem("DT002", At('""'), "lastmod is empty: Hugo dates the page to year 1", None),
        ],
        {"date": "2025-02-08T00:00:00+08:00"},
        exit=1,
    ),
    Doc(
        "DT003",
        {"date": Bare("2025-02-08T17:55:35+08:00")},
        [Problem("DT003", At("2025-02-08T17:55:35+08:00", bare=True), "", None)],
        {},
        exit=0,
        args=NOW,
    ),
    Doc(
        "DT004",
        {"lastmod": Bare("2025-02-07T12:00:00+08:00")},
        [
            Problem(
                "DT004",
                At("2025-02-07T12:00:00+08:00", bare=True),
                "lastmod 2025-02-07T12:00:00+08:00 is before date",
                None,
            )
        ],
        {"lastmod": Bare("2025-02-09T12:00:00+08:00")},
        exit=0,
    ),
    Doc(
        "TX001",
        {"summary": "The finance minister said on Tuesday that the budget would..."},
        [
            Problem(
                "TX001",
                At('"The finance minister said on Tuesday that the budget would..."'),
                "summary is cut off ('...')",
                "unsafe",
            )
        ],
        {"summary": "The finance minister said on Tuesday that the budget would pass this week."},
        exit=0,
        unsafe={"summary": PROSE},
    ),
    Doc(
        "TX002",
        {"summary": "Budget."},
        [Problem("TX002", At('"Budget."'), "summary is 7 characters long, fewer than 40", None)],
        {
            "summary": "The budget passed on Tuesday after a week of talks between the coalition parties."
        },
        exit=0,
    ),
    Doc(
        "TX003",
        {"title": "Trump&#39;s plan for S&amp;P 500 firms"},
        [
            Problem("TX003", At("&#39;"), "title shows the HTML entity &#39; literally", "safe"),
            Problem("TX003", At("&amp;"), "title shows the HTML entity &amp; literally", "safe"),
        ],
        {"title": "Trump's plan for S&P 500 firms"},
        exit=0,
        safe={"title": "Trump's plan for S&P 500 firms"},
    ),
    Doc(
        "TX005",
        {"title": " Trump  hails security partnership "},
        [
            Problem(
                "TX005", At('" Trump', skip=1, size=1), "title starts with white space", "safe"
            ),
            Problem(
                "TX005",
                At("  hails", size=2),
                "title has 2 white-space characters in a row",
                "safe",
            ),
            Problem(
                "TX005", At('partnership "', skip=11, size=1), "title ends with white space", "safe"
            ),
        ],
        {"title": "Trump hails security partnership"},
        exit=0,
        safe={"title": "Trump hails security partnership"},
    ),
    Doc(
        "TX006",
        {"title": "MARKETS RALLY AS INFLATION COOLS"},
        [
            Problem(
                "TX006",
                At('"MARKETS RALLY AS INFLATION COOLS"'),
                "title is in capitals",
                "display-only",
            )
        ],
        {"title": "Markets rally as inflation cools"},
        exit=0,
    ),
    Doc(
        "TX007",
        {"title": "東京で大規模な火災"},
        [Problem("TX007", At('"東京で大規模な火災"'), "not what 'en' is written in", None)],
        {
            "title": "東京で大規模な火災",
            "summary": "東京都内で大規模な火災が発生し、消防車が出動した。住民が避難した。",
        },
        exit=0,
        path="content/en/news/x.en.md",
    ),
    Doc(
        "TX008",
        {"title": "源代码开放", "summary": "源代码正式开放,欢迎大家访问。"},
        [
            Problem(
                "TX008",
                At("放,", skip=1),
                "half-width ',' in Chinese text, which writes '，'",
                "safe",
            )
        ],
        {"title": "源代码开放", "summary": "源代码正式开放，欢迎大家访问。"},
        exit=0,
        safe={"title": "源代码开放", "summary": "源代码正式开放，欢迎大家访问。"},
        path="content/zh-CN/news/x.zh-CN.md",
    ),
    Doc(
        "TH001",
        {"sidebar": "Left"},
        [Problem("TH001", At('"Left"'), "sidebar 'Left' should be 'left'", "safe")],
        {"sidebar": "left"},
        exit=1,
        safe={"sidebar": "left"},
    ),
    Doc(
        "TH002",
        {"widgets": ["recnet", "", "taglist", "taglist"]},
        [
            Problem("TH002", At('"recnet"'), "unknown widget 'recnet'", "unsafe"),
            Problem("TH002", At('""'), "empty widget name", "safe"),
            Problem("TH002", At('"taglist"', nth=1), "widget 'taglist' is listed twice", "safe"),
        ],
        {"widgets": ["recent", "taglist"]},
        exit=0,
        safe={"widgets": ["recnet", "taglist"]},
        unsafe={"widgets": ["recent", "taglist"]},
    ),
    Doc(
        "TH003",
        {"thumbnail": {"image": "img/budget.jpg", "visibility": ["list", "single"]}},
        [
            Problem(
                "TH003", At("image", bare=True), 'thumbnail map has no src (it has "image")', "safe"
            ),
            Problem(
                "TH003", At('"single"'), "thumbnail visibility 'single' is not list or post", None
            ),
        ],
        {"thumbnail": {"src": "img/budget.jpg", "visibility": ["list", "post"]}},
        exit=0,
        safe={"thumbnail": {"src": "img/budget.jpg", "visibility": ["list", "single"]}},
    ),
]


def doc_id(doc: Doc) -> str:
    return doc.code


def test_every_front_matter_rule_of_the_catalogue_has_a_case() -> None:
    """The front-matter rules whose Example is a front-matter fragment are all here (FM001-FM003,
    the whole-file ones, are below)."""
    assert {d.code for d in DOCS} == {
        "FM004", "FM005", "FM006", "FM007", "DT001", "DT002", "DT003", "DT004", "TX001",
        "TX002", "TX003", "TX005", "TX006", "TX007", "TX008", "TH001", "TH002", "TH003",
    }  # fmt: skip


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("doc", DOCS, ids=doc_id)
def test_the_example_reports_exactly_its_problems(
    doc: Doc, fmt: str, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = art(fmt, doc.body, **doc.example)
    put(root, text, doc.path)
    code, items = check(capsys, "--select", doc.code, *doc.args, path=doc.path)
    expected = [(p.code, *p.at.span(text, fmt)) for p in doc.problems]
    assert spans(items) == expected
    for item, problem in zip(items, doc.problems, strict=True):
        assert problem.message in item["message"], item
        assert (item["fix"] and item["fix"]["applicability"]) == problem.applicability, item
    assert code == doc.exit


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("doc", DOCS, ids=doc_id)
def test_the_use_instead_reports_nothing(
    doc: Doc, fmt: str, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = JA_BODY if doc.code == "TX007" else doc.body
    path = "content/ja/news/x.ja.md" if doc.code == "TX007" else doc.path
    put(root, art(fmt, body, **doc.instead), path)
    assert check(capsys, "--select", doc.code, *doc.args, path=path) == (0, [])


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("doc", DOCS, ids=doc_id)
def test_fix_writes_the_documented_repair(
    doc: Doc, fmt: str, unsafe: bool, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`fix --select CODE` writes the safe repairs, `--unsafe-fixes` also the unsafe ones, in
    the article's own syntax; what a fix does not cover stays byte for byte."""
    text = art(fmt, doc.body, **doc.example)
    target = put(root, text, doc.path)
    flags = ("--unsafe-fixes",) if unsafe else ()
    code, _, err = run(
        capsys, "fix", doc.path, "--no-cache", "--select", doc.code, *flags, *doc.args
    )
    assert code in (0, 1), err
    changes = (doc.unsafe or doc.safe) if unsafe else doc.safe
    expected = text if changes is None else art(fmt, doc.body, **(doc.example | changes))
    assert target.read_text(encoding="utf-8") == expected


# ============================================= body rules after each kind of front matter


@dataclass(frozen=True)
class BodyDoc:
    """A body rule's Example as the text before the source link (`example`), its problems, and
    the text `fix` (`safe`) and `fix --unsafe-fixes` (`unsafe`) leave (None: unchanged)."""

    code: str
    example: str
    problems: list[Problem]
    exit: int
    safe: str | None = None
    unsafe: str | None = None
    instead: str | None = None  # the Use instead, when no fix gives it


TALKS = "Talks went on for a week."
VOTE = "The vote passed on Tuesday."
LONG = (
    "The budget passed on Tuesday after a week of talks between the two parties in the upper house."
)

BODY_DOCS = [
    BodyDoc(
        "BD001",
        f"{VOTE}\n\n\u00a0\n\n{TALKS}\n",
        [Problem("BD001", At("\u00a0\n"), "paragraph", "safe")],
        exit=0,
        safe=f"{VOTE}\n\n{TALKS}\n",
    ),
    BodyDoc(
        "BD002",
        f"{VOTE}   \n\n{TALKS}\n",
        [Problem("BD002", At("   \n", size=3), "trailing whitespace (3 spaces)", "safe")],
        exit=0,
        safe=f"{VOTE}\n\n{TALKS}\n",
    ),
    BodyDoc(
        "BD003",
        f"{VOTE}\n\n\n\n{TALKS}\n",
        [Problem("BD003", At("\n\n\n\n", skip=2, size=1), "3 blank lines in a row", "safe")],
        exit=0,
        safe=f"{VOTE}\n\n{TALKS}\n",
    ),
    BodyDoc(
        "BD005",
        '{{if !contains(profile.lists,"Evening Report")}} Sign up for the Evening Report.\n',
        [Problem("BD005", At("{{", size=2), "template braces", "unsafe")],
        exit=1,
        instead="Sign up for the Evening Report.\n",
        unsafe='\\{\\{if !contains(profile.lists,"Evening Report")}} Sign up for the Evening Report.\n',
    ),
    BodyDoc(
        "BD007",
        f"{LONG}\n\n{TALKS}\n\n{LONG}\n",
        [Problem("BD007", At(LONG, nth=1), "", "unsafe")],
        exit=0,
        unsafe=f"{LONG}\n\n{TALKS}\n",
    ),
    BodyDoc(
        "BD009",
        "The vote passed on Monday.\n---\n",
        [Problem("BD009", At("Monday.\n---", skip=8), "", "unsafe")],
        exit=0,
        unsafe="The vote passed on Monday.\n\n---\n",
    ),
    BodyDoc(
        "BD004",
        "The results:<br>\n",
        [Problem("BD004", At("<br>"), "", None)],
        exit=0,
        instead="The results:\n\n| Yes | 52% |\n|-----|-----|\n",
    ),
    BodyDoc(
        "BD008",
        "**City -**The mayor opened the bridge.\n",
        [Problem("BD008", At("**", nth=1), "", None)],
        exit=0,
        instead="**City -** The mayor opened the bridge.\n",
    ),
    BodyDoc(
        "BD010",
        "The vote was held on Tuesday.\n\n    The minister said the budget would pass this week, as talks went on.\n",
        [
            Problem(
                "BD010",
                At("The minister said the budget would pass this week, as talks went on."),
                "",
                "unsafe",
            )
        ],
        exit=0,
        unsafe="The vote was held on Tuesday.\n\nThe minister said the budget would pass this week, as talks went on.\n",
    ),
    BodyDoc(
        "LK002",
        "* [Watchlist](javascript:void(0))\n\n[fx168](https://www.fx168news.com/article/Pi Network-834911)\n",
        [
            Problem("LK002", At("[Watchlist](javascript:void(0))"), "javascript", "unsafe"),
            Problem(
                "LK002", At("https://www.fx168news.com/article/Pi Network-834911"), "space", "safe"
            ),
        ],
        exit=1,
        safe="* [Watchlist](javascript:void(0))\n\n[fx168](https://www.fx168news.com/article/Pi%20Network-834911)\n",
        unsafe="* Watchlist\n\n[fx168](https://www.fx168news.com/article/Pi%20Network-834911)\n",
    ),
    BodyDoc(
        "LK003",
        "[HSY 好時](/analysis/HSY) fell.\n",
        [Problem("LK003", At("/analysis/HSY"), "", "unsafe")],
        exit=0,
        unsafe="[HSY 好時](https://www.reuters.com/analysis/HSY) fell.\n",
    ),
    BodyDoc(
        "LK008",
        "See [the vote](#The-Vote).\n\n## The vote\n",
        [Problem("LK008", At("#The-Vote"), "", "unsafe")],
        exit=0,
        unsafe="See [the vote](#the-vote).\n\n## The vote\n",
    ),
    BodyDoc(
        "EN001",
        "The minister said the country wonâ€™t change course.\n",
        [Problem("EN001", At("â€™"), "decoded as Windows-1252", "safe")],
        exit=1,
        safe="The minister said the country won’t change course.\n",
    ),
    BodyDoc(
        "EN003",
        "Bitcoin\u200b fell 5% on Monday.\n",
        [Problem("EN003", At("\u200b"), "", "safe")],
        exit=0,
        safe="Bitcoin fell 5% on Monday.\n",
    ),
    BodyDoc(
        "EN004",
        "The vote\x07 passed.\n",
        [Problem("EN004", At("\x07"), "", "safe")],
        exit=1,
        safe="The vote passed.\n",
    ),
    BodyDoc(
        "LK004",
        "See [bioon](http://news.bioon.com/article/6754321.html).\n",
        [Problem("LK004", At("http://"), "", "unsafe")],
        exit=0,
        unsafe="See [bioon](https://news.bioon.com/article/6754321.html).\n",
    ),
    BodyDoc(
        "LK005",
        "See [reddit](https://www.reddit.com/r/x/comments/1?utm_source=share&utm_medium=web2x&context=3).\n",
        [
            Problem(
                "LK005", At("?utm_source=share&utm_medium=web2x&context=3"), "utm_source", "safe"
            )
        ],
        exit=0,
        safe="See [reddit](https://www.reddit.com/r/x/comments/1?context=3).\n",
    ),
    BodyDoc(
        "TX004",
        'Following the meeting, the US President said,"After our meeting today ..."\n',
        [Problem("TX004", At(',"', size=1), "no space after ','", "safe")],
        exit=0,
        safe='Following the meeting, the US President said, "After our meeting today ..."\n',
    ),
]


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("doc", BODY_DOCS, ids=lambda d: d.code)
def test_body_examples_after_each_front_matter(
    doc: BodyDoc, fmt: str, unsafe: bool, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The body starts on line 7 after every format's front matter; the body rules report the
    same positions and `fix` writes the same repair whatever the front matter is written in."""
    text = art(fmt, f"{doc.example}\n{LINK}\n")
    target = put(root, text)
    code, items = check(capsys, "--select", doc.code)
    expected = [(p.code, *p.at.span(text, fmt)) for p in doc.problems]
    assert spans(items) == expected
    for item, problem in zip(items, doc.problems, strict=True):
        assert problem.message in item["message"], item
        assert (item["fix"] and item["fix"]["applicability"]) == problem.applicability, item
    assert code == doc.exit
    flags = ("--unsafe-fixes",) if unsafe else ()
    run(capsys, "fix", ARTICLE, "--no-cache", "--select", doc.code, *flags)
    body = (doc.unsafe or doc.safe) if unsafe else doc.safe
    expected_text = text if body is None else art(fmt, f"{body}\n{LINK}\n")
    assert target.read_text(encoding="utf-8") == expected_text


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("doc", BODY_DOCS, ids=lambda d: d.code)
def test_body_use_instead_reports_nothing(
    doc: BodyDoc, fmt: str, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    instead = doc.instead or doc.unsafe or doc.safe
    assert instead is not None
    put(root, art(fmt, f"{instead}\n{LINK}\n"))
    assert check(capsys, "--select", doc.code) == (0, [])


# ====================================================== whole-file front-matter problems


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_a_duplicate_key_is_fm003_on_the_second_key(
    fmt: str, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """YAML and JSON loaders keep the last of two equal keys: FM003 on the second, naming the
    line of the first."""
    text = art(fmt)
    lines = text.split("\n")
    lines.insert(2, lines[1].replace("Budget passes", "Budget vote"))
    text = "\n".join(lines)
    put(root, text)
    code, items = check(capsys, "--select", "FM")
    assert spans(items) == [("FM003", *At("title", bare=True, nth=1).span(text, fmt))]
    assert "key 'title' appears again (first on line 2)" in items[0]["message"]
    assert (code, items[0]["severity"], items[0]["fix"]) == (1, "error", None)


def test_a_duplicate_key_in_toml_is_reported_once_on_the_second_key(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """TOML forbids a key twice (Hugo refuses the file): one error on the second key's line,
    whichever of FM002/FM003 names it, and nothing else of the FM group."""
    text = art("toml").replace(
        'title = "Budget passes"\n', 'title = "Budget passes"\ntitle = "X"\n'
    )
    put(root, text)
    code, items = check(capsys, "--select", "FM")
    assert [(d["code"] in ("FM002", "FM003"), d["line"], d["severity"]) for d in items] == [
        (True, 3, "error")
    ]
    assert code == 1


@pytest.mark.parametrize(
    ("fmt", "text", "where", "message"),
    [
        ("yaml", '---\ntitle: "Budget: the vote\n---\n\nBody.\n', None, None),
        ("toml", '+++\ntitle = "Budget: the vote\n+++\n\nBody.\n', (2, 26), None),
        (
            "json",
            '{\n  "title": "Budget: the vote\n}\n\nBody.\n',
            (2, 29),
            "JSON front matter: Invalid control character U+000A in a string",
        ),
        (
            "json",
            '{\n  "title": "A",\n}\n\nBody.\n',
            (3, 1),
            "JSON front matter: Expecting property name enclosed in double quotes",
        ),
        (
            "json",
            '{\n  "title": "A\tB"\n}\n\nBody.\n',
            (2, 14),
            "JSON front matter: Invalid control character U+0009 in a string",
        ),
        ("json", '{\n  "title": "A', (2, 12), "JSON front matter: Unterminated string"),
    ],
    ids=["yaml-quote", "toml-quote", "json-quote", "json-comma", "json-tab", "json-end"],
)
def test_front_matter_syntax_names_the_parser_and_the_place(
    fmt: str,
    text: str,
    where: tuple[int, int] | None,
    message: str | None,
    root: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """FM002 at the parser's line:col, naming the format; its message is a whole phrase (Python's
    json module says "Invalid control character at" before the position it strips: a message
    that ends in a dangling "at" reads as cut off)."""
    put(root, text)
    code, items = check(capsys)
    assert [d["code"] for d in items] == ["FM002"]
    if where is not None:
        assert (items[0]["line"], items[0]["column"]) == where
    found = items[0]["message"]
    assert found.startswith({"yaml": "YAML", "toml": "TOML", "json": "JSON front matter"}[fmt])
    assert not found.endswith((" at", ":")), found
    if message is not None:
        assert found == message
    assert code == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_use_instead_of_fm002_and_fm003_is_clean(
    fmt: str, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(root, art(fmt, title="Budget: the vote"))
    assert check(capsys, "--select", "FM") == (0, [])


def test_front_matter_missing_is_one_error_at_the_start(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(root, "# Budget passes\nThe budget passed on Tuesday.\n")
    code, items = check(capsys, "--select", "FM001")
    assert [(d["code"], d["line"], d["column"], d["severity"], d["fix"]) for d in items] == [
        ("FM001", 1, 1, "error", None)
    ]
    assert code == 1


# ============================================================ suppressions in each format


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_disable_file_comment_in_the_body_silences_a_front_matter_problem(
    fmt: str, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """JSON has no comments: the body's `newslint-disable-file` is how a JSON article silences
    a front-matter rule, and it works the same after YAML and TOML front matter (by name, code
    and prefix)."""
    for selector in ("title-shouting", "TX006", "TX"):
        body = f"{PROSE}\n\n<!-- newslint-disable-file {selector} -->\n\n{LINK}\n"
        put(root, art(fmt, body, title="MARKETS RALLY AS INFLATION COOLS"))
        assert check(capsys, "--select", "TX006,NL001") == (0, []), selector


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_body_suppression_of_another_rule_leaves_the_problem_and_is_unused(
    fmt: str, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    comment = "<!-- newslint-disable-file sentence-spacing -->"
    body = f"{PROSE}\n\n{comment}\n\n{LINK}\n"
    text = art(fmt, body, title="MARKETS RALLY AS INFLATION COOLS")
    put(root, text)
    code, items = check(capsys, "--select", "TX006,TX004,NL001")
    assert spans(items) == [
        ("TX006", *At('"MARKETS RALLY AS INFLATION COOLS"').span(text, fmt)),
        ("NL001", *At(comment).span(text, fmt)),
    ]
    assert items[1]["message"] == "unused suppression (nothing reported for sentence-spacing)"
    assert items[1]["fix"]["applicability"] == "safe"
    assert code == 0
    run(capsys, "fix", ARTICLE, "--no-cache", "--select", "TX006,TX004,NL001")
    assert comment not in (root / ARTICLE).read_text(encoding="utf-8")


TOML_HEAD = (
    f'+++\ntitle = "Budget passes"\ndate = 2025-02-08T09:55:35+08:00\nsummary = "{SUMMARY}"\n'
)
YAML_HEAD = TOML_HEAD.replace("+++", "---").replace(" = ", ": ")


@pytest.mark.parametrize(
    "front",
    [
        # a comment at the end of the key's own line covers every line of the key
        'tags = [  # newslint: disable=FM006\n  "a",\n  "",\n]\n',
        'tags:  # newslint: disable=FM006\n  - a\n  - ""\n',
        'tags: [  # newslint: disable=empty-field\n  a,\n  "",\n]\n',
        # and a comment on the problem's own line covers that line
        'tags = [\n  "a",\n  "",  # newslint: disable=FM006\n]\n',
        'tags:\n  - a\n  - ""  # newslint: disable=FM\n',
        # a comment line of its own covers the whole file
        'tags = ["a", ""]\n# newslint: disable=FM006\n',
        '# newslint: disable=FM006\ntags: ["a", ""]\n',
    ],
    ids=["toml-key", "yaml-key", "yaml-flow-key", "toml-item", "yaml-item", "toml-own", "yaml-own"],
)
def test_front_matter_comments_silence_a_multi_line_key(
    front: str, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    head = TOML_HEAD if " = " in front else YAML_HEAD
    fence = head[:3]
    put(root, f"{head}{front}{fence}\n\n{BODY}")
    assert check(capsys, "--select", "FM006,NL001") == (0, [])


@pytest.mark.parametrize("fmt", ["yaml", "toml"])
def test_a_key_comment_silences_only_its_key(
    fmt: str, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`menu` keeps its report when the comment is on `tags`: the comment covers one key."""
    text = art(fmt, menu="", tags=[""])
    marker = {"yaml": 'tags: [""]', "toml": 'tags = [""]'}[fmt]
    text = text.replace(marker, marker + "  # newslint: disable=empty-field")
    put(root, text)
    code, items = check(capsys, "--select", "FM006,NL001")
    assert spans(items) == [("FM006", *At('""').span(text, fmt))]
    assert items[0]["message"].startswith("menu is empty")
    assert code == 0


@pytest.mark.parametrize("fmt", ["yaml", "toml"])
def test_an_unused_front_matter_suppression_is_nl001_on_its_comment(
    fmt: str, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    comment = "# newslint: disable=DT001"
    text = art(fmt).replace('Budget passes"', f'Budget passes"  {comment}')
    put(root, text)
    code, items = check(capsys, "--select", "DT001,NL001")
    assert spans(items) == [("NL001", *At(comment).span(text, fmt))]
    assert items[0]["message"] == "unused suppression (nothing reported for DT001)"
    assert code == 0
    run(capsys, "fix", ARTICLE, "--no-cache", "--select", "DT001,NL001")
    assert (root / ARTICLE).read_text(encoding="utf-8") == art(fmt)


# ====================================================== JSON of `rules`, `config`, statistics

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def readme_rule_rows() -> dict[str, list[str]]:
    """The README's generated rule table: code -> [name, severity, fix, preset, what]."""
    table = README.split("<!-- rules:start -->")[1].split("<!-- rules:end -->")[0]
    rows = {}
    for line in table.strip().splitlines()[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        rows[cells[0]] = [cells[1].strip("`"), *cells[2:]]
    return rows


def test_rules_json_is_the_readme_table_plus_the_engine_s_own_rule(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One object per rule with exactly the documented columns (code, name, severity, fix,
    preset, origin, summary), sorted by code, agreeing with the README's table; NL001, which
    selection and suppression comments name like a rule, is there with origin `engine`."""
    code, out, _ = run(capsys, "rules", "--output-format", "json")
    assert code == 0
    rules = json.loads(out)
    assert [r["code"] for r in rules] == sorted(r["code"] for r in rules)
    for rule in rules:
        assert list(rule) == ["code", "name", "severity", "fixable", "presets", "origin", "summary"]
        assert isinstance(rule["fixable"], bool) and isinstance(rule["presets"], list)
    by_code = {r["code"]: r for r in rules}
    for code_, (name, severity, fix, preset, what) in readme_rule_rows().items():
        rule = by_code.pop(code_)
        assert (rule["name"], rule["severity"], rule["origin"]) == (name, severity, "builtin")
        assert rule["fixable"] is (fix == "yes")
        assert rule["presets"] == ([] if preset == "—" else [preset])
        assert rule["summary"] == what
    assert by_code == {
        "NL001": {
            "code": "NL001",
            "name": "unused-suppression",
            "severity": "warning",
            "fixable": True,
            "presets": [],
            "origin": "engine",
            "summary": by_code["NL001"]["summary"],
        }
    }


CONFIG_KEYS = [
    "include", "exclude", "extend-exclude", "select", "extend-select", "ignore",
    "per-file-ignores", "fail-on", "output-format", "timezone", "presets", "required",
    "allowed", "source-field", "plugins", "max-file-size", "rules", "links",
]  # fmt: skip
LINKS_KEYS = {
    "check", "timeout", "concurrency", "per-host", "retries", "backoff", "max-wait", "cache-ttl",
    "failure-ttl", "accept", "exclude", "only-source", "include-fragments", "no-private",
    "user-agent", "max-redirects", "headers",
}  # fmt: skip


def config_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    code, out, err = run(capsys, "config", "--output-format", "json", *args)
    assert code == 0, err
    data = json.loads(out)
    assert list(data) == ["path", "config", "enabled"]
    return data


def test_config_json_lists_every_documented_setting(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every key of the README's settings table, and of its `[links]` table, with the
    documented defaults; `path` is null without a file."""
    data = config_json(capsys)
    assert data["path"] is None
    assert sorted(data["config"]) == sorted(CONFIG_KEYS)
    assert set(data["config"]["links"]) == LINKS_KEYS
    config, links = data["config"], data["config"]["links"]
    assert (config["fail-on"], config["max-file-size"]) == ("error", 10000000)
    assert (links["check"], links["timeout"], links["concurrency"], links["per-host"]) == (
        False,
        10,
        64,
        4,
    )
    assert (links["retries"], links["backoff"], links["max-wait"]) == (2, 0.5, 30)
    assert (links["cache-ttl"], links["failure-ttl"], links["accept"]) == ("1d", "1h", [200, 206])


def test_config_json_path_is_the_file_read(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (root / "pyproject.toml").write_text('[tool.newslint]\nignore = ["TX006"]\n', encoding="utf-8")
    data = config_json(capsys)
    assert (data["path"], data["config"]["ignore"]) == ("pyproject.toml", ["TX006"])
    assert "TX006" not in data["enabled"]


def codes_with(prefix: str, *known: str) -> list[str]:
    """The codes of the built-in rules that start with `prefix`: those `known` (the catalogue's,
    checked to be there) and any a later release adds, which the prefix enables as well."""
    from newslint.registry import load_registry

    found = [rule.code for rule in load_registry().rules if rule.code.startswith(prefix)]
    assert set(known) <= set(found), (known, found)
    return found


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        (['select = ["DT"]'], codes_with("DT", "DT001", "DT002", "DT003", "DT004")),
        (
            ['select = ["date-format", "FM00"]'],
            [*codes_with("FM00", *(f"FM00{i}" for i in range(1, 9))), "DT001"],
        ),
        (['select = ["DT"]', 'ignore = ["DT00"]'], []),
        (['select = ["DT001"]', 'ignore = ["DT"]'], ["DT001"]),
        (['select = ["TH"]'], ["TH001", "TH002", "TH003"]),  # the site's theme is Mainroad
        (['select = ["LK006", "LK007"]'], ["LK006", "LK007"]),
    ],
    ids=["prefix", "name-and-prefix", "ignore-prefix", "specific-select", "theme", "link-checks"],
)
def test_config_enabled_is_what_a_run_enables(
    settings: list[str], expected: list[str], root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [a for s in settings for a in ("--config", s)]
    assert config_json(capsys, *args)["enabled"] == sorted(expected)


def test_config_enabled_lists_the_link_checks_when_links_check_is_on(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`check = true` in `[links]` makes every run check links as `--check-links` does, so
    link-broken and link-redirect are among "the codes of the rules a run would enable"; without
    it they are not (no request is made whatever `select` says by default)."""
    assert not {"LK006", "LK007"} & set(config_json(capsys)["enabled"])
    enabled = config_json(capsys, "--config", "links.check = true")["enabled"]
    assert {"LK006", "LK007"} <= set(enabled)
    enabled = config_json(
        capsys, "--config", "links.check = true", "--config", 'ignore = ["LK007"]'
    )
    assert "LK006" in enabled["enabled"] and "LK007" not in enabled["enabled"]


def test_statistics_json_counts_fixable_by_applicability(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`fixable` counts what `newslint fix` applies, `unsafe_fixable` what needs
    `--unsafe-fixes`; a display-only fix (title-shouting's) is neither."""
    text = art(
        "yaml",
        title="MARKETS RALLY AS INFLATION COOLS &amp; MORE",
        summary="The finance minister said on Tuesday that the budget would...",
        menu="",
    )
    put(root, text)
    code, out, _ = run(
        capsys, "check", ARTICLE, "--no-cache", "--statistics", "--output-format", "json"
    )
    assert code == 0
    assert json.loads(out) == [
        {"code": "FM006", "rule": "empty-field", "severity": "warning", "count": 1, "fixable": 1, "unsafe_fixable": 0},
        {"code": "TX001", "rule": "summary-truncated", "severity": "warning", "count": 1, "fixable": 0, "unsafe_fixable": 1},
        {"code": "TX003", "rule": "html-entity", "severity": "warning", "count": 1, "fixable": 1, "unsafe_fixable": 0},
        {"code": "TX006", "rule": "title-shouting", "severity": "info", "count": 1, "fixable": 0, "unsafe_fixable": 0},
    ]  # fmt: skip
    code, out, _ = run(capsys, "check", ARTICLE, "--no-cache", "--statistics")
    assert out.splitlines()[-1].split() == [
        "4",
        "total,",
        "2",
        "fixable",
        "with",
        "`newslint",
        "fix`",
    ]
