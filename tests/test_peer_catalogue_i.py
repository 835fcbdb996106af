"""Peer acceptance cases (team i): where independent implementations of DESIGN.md usually differ.

Written as another team would, from DESIGN.md's rule catalogue, CLI and JSON contract, and driven
through the command line only (`newslint check --output-format json`, `newslint fix`,
`--unsafe-fixes`, `--diff`) on small articles in a temporary Hugo site. Each case asserts, for every
diagnostic, the exact code, rule name and severity (the catalogue's), start and exclusive end
position, the fix's applicability, the output order, and the exact bytes after `fix` and after
`fix --unsafe-fixes`; every fixed file is fixed a second time to prove nothing changes.

The places aimed at: the same defect in YAML, TOML (`+++`) and JSON front matter; CRLF and CR line
endings; a byte order mark; tabs; astral characters, combining marks and CJK text in columns; empty
files, front matter only, a last line without a newline; defects on the delimiter lines; several
defects on one line; fixes that touch the same span; exit codes; `--select` / `--ignore` by code,
name and prefix.

Readings pinned here where the contract leaves room (each one also a case below):

- Columns count code points of the decoded text *including* a leading byte order mark (DESIGN:
  "columns count Unicode code points"; the BOM is U+FEFF at offset 0), so after a BOM the opening
  `---` is at column 2, and EN006 spans 1:1-1:2. Astral characters, combining marks, CJK
  ideographs and a tab are each one column.
- A lone CR is a line break (EN007 names CR endings), so it moves every later line number.
- EN007 reports the file once, at its first CR/CRLF ending (the message counts them); the fix
  converts every ending.
- A required field that is missing is reported on the opening delimiter of the front matter (`---`,
  `+++`, or the one character `{` of JSON front matter); a missing body on the line that closes it.
- Diagnostics come out sorted by position (line, column), then by code.
- FM002 is a point (end = start) at the parser's position, in file coordinates. A repeated TOML key
  and an impossible TOML date are FM002 (the TOML parser rejects them, as Hugo's does), where YAML
  gives FM003 and DT002. A lone-CR TOML file is FM002 as well (TOML knows only LF and CRLF).
- TX004 points at the sentence's closing punctuation; it does not look through an invisible
  character (the fix loop finds the glued sentence once EN003's fix removed it).
- An empty date is both DT002's and FM004's, as the catalogue lists it under both.
- Lines of the front matter, its delimiter lines included, are not the body: BD002 leaves them.
- Some rules lower the severity of one case below the catalogue's default (TH002 for an empty or
  repeated widget, TH003 for `image` instead of `src`); the JSON says so per diagnostic.
- `fix --diff` exits like ruff's: 1 when there is a diff, 0 when there is none.
- An assumed UTC offset is written `Z`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from newslint.cli import main

# The catalogue in DESIGN.md: code -> (name, default severity).
CATALOGUE: dict[str, tuple[str, str]] = {
    "FM001": ("front-matter-missing", "error"),
    "FM002": ("front-matter-syntax", "error"),
    "FM003": ("duplicate-key", "error"),
    "FM004": ("required-field", "error"),
    "FM005": ("field-type", "error"),
    "FM006": ("empty-field", "warning"),
    "FM007": ("unknown-field", "warning"),
    "DT001": ("date-format", "warning"),
    "DT002": ("date-invalid", "error"),
    "DT003": ("date-future", "warning"),
    "DT004": ("date-order", "warning"),
    "TX001": ("summary-truncated", "warning"),
    "TX002": ("summary-length", "info"),
    "TX003": ("html-entity", "warning"),
    "TX004": ("sentence-spacing", "warning"),
    "TX005": ("text-whitespace", "info"),
    "TX006": ("title-shouting", "info"),
    "TX007": ("language-mismatch", "warning"),
    "TH001": ("sidebar-value", "error"),
    "TH002": ("widget-value", "error"),
    "TH003": ("thumbnail-value", "error"),
    "EN001": ("mojibake", "error"),
    "EN002": ("replacement-char", "error"),
    "EN003": ("invisible-char", "warning"),
    "EN004": ("control-char", "error"),
    "EN005": ("invalid-utf8", "error"),
    "EN006": ("byte-order-mark", "warning"),
    "EN007": ("line-endings", "warning"),
    "BD001": ("empty-paragraph", "warning"),
    "BD002": ("trailing-whitespace", "info"),
    "BD003": ("blank-lines", "info"),
    "BD004": ("raw-html", "warning"),
    "BD005": ("template-braces", "error"),
    "BD006": ("body-empty", "warning"),
    "BD007": ("duplicate-paragraph", "warning"),
    "LK001": ("source-link-missing", "error"),
    "LK002": ("link-malformed", "error"),
    "LK003": ("link-relative", "warning"),
    "LK004": ("link-insecure", "info"),
    "LK005": ("tracking-params", "info"),
}

SITE = 'baseURL = "https://news.example.org/"\ntimeZone = "Asia/Shanghai"\ntheme = "mainroad"\n'
SITE_ZH = SITE + 'defaultContentLanguage = "zh"\n\n[languages.zh]\nweight = 1\n'

TITLE = "Budget passes after a week of talks"
DATE = "2025-02-08T09:55:35+08:00"
SUMMARY = "The budget passed on Tuesday after a week of talks between the coalition parties."
PROSE = "The finance minister said the vote showed the government could still govern."
LINK = "[Reuters](https://www.reuters.com/world/budget-passes)"


def q(text: str) -> str:
    """A double-quoted scalar, written the same way in YAML, TOML and JSON."""
    return f'"{text}"'


def art(
    fmt: str = "yaml",
    *extra: str,
    title: str | None = q(TITLE),
    date: str | None = DATE,
    summary: str | None = q(SUMMARY),
    body: str = f"{PROSE}\n\n{LINK}\n",
    eol: str = "\n",
) -> str:
    """An article: the front matter on lines 1-5 (delimiter, title, date, summary, delimiter) plus
    one line per `extra` field (a `key: value` / `key = value` / `"key": value` member, written
    in `fmt`), a blank line, then `body` (by default the prose on line 7 and the source link on
    line 9). Values are given as written in the source; `None` leaves the field out. The date is
    unquoted in YAML and TOML (a TOML datetime) and quoted in JSON. `eol` is every line ending."""
    fields: list[tuple[str, str]] = []
    for key, value in (("title", title), ("date", date), ("summary", summary)):
        if value is not None:
            fields.append((key, q(value) if fmt == "json" and key == "date" else value))
    for line in extra:
        key, _, value = line.partition("=")
        fields.append((key, value))
    if fmt == "yaml":
        head = ["---", *(f"{k}: {v}" for k, v in fields), "---"]
    elif fmt == "toml":
        head = ["+++", *(f"{k} = {v}" for k, v in fields), "+++"]
    else:
        members = [f'  "{k}": {v}' for k, v in fields]
        head = ["{", ",\n".join(members), "}"] if members else ["{", "}"]
    text = "\n".join(head) + "\n\n" + body
    return text.replace("\n", eol)


# A diagnostic as the JSON output states it: code, line, column, end line, end column, and the
# fix's applicability (None: `"fix": null`); a seventh item is the severity when it is not the
# catalogue's default (DESIGN: "Severity is the default"; a rule may lower one case).
Diag = tuple[str, int, int, int, int, str | None] | tuple[str, int, int, int, int, str | None, str]


@dataclass(frozen=True)
class Peer:
    """One case: `text` checked with `--select select` must give exactly `expect`, in this order;
    `fix --select select` must write `fixed` (None: the file is untouched) and `fix --unsafe-fixes`
    `unsafe` (None: the same as `fixed`)."""

    name: str
    text: str | bytes
    expect: tuple[Diag, ...]
    select: str = "ALL"
    fixed: str | bytes | None = None
    unsafe: str | bytes | None = None
    site: str = SITE
    path: str = "content/news/budget.md"


def _bytes(text: str | bytes) -> bytes:
    return text if isinstance(text, bytes) else text.encode("utf-8")


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


def write(root: Path, case: Peer) -> Path:
    (root / "hugo.toml").write_text(case.site, encoding="utf-8")
    article = root / case.path
    article.parent.mkdir(parents=True, exist_ok=True)
    article.write_bytes(_bytes(case.text))
    return article


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def check_json(
    capsys: pytest.CaptureFixture[str], path: str, *args: str
) -> tuple[int, list[dict[str, Any]]]:
    code, out, err = run(capsys, "check", path, "--no-cache", "--output-format", "json", *args)
    assert code in (0, 1), err
    return code, json.loads(out)


def diag(found: dict[str, Any]) -> Diag:
    """The Diag of one JSON element, after checking its name against the catalogue and that its
    fix, if any, is a well-formed object."""
    name, severity = CATALOGUE[found["code"]]
    assert found["rule"] == name, found
    assert found["severity"] in ("error", "warning", "info"), found
    fix = found["fix"]
    if fix is not None:
        assert fix["applicability"] in ("safe", "unsafe", "display-only"), fix
        assert fix["title"] and fix["edits"], fix
    position = (found["line"], found["column"], found["end_line"], found["end_column"])
    result = (found["code"], *position, None if fix is None else fix["applicability"])
    return result if found["severity"] == severity else (*result, found["severity"])


def fix_twice(root: Path, case: Peer, capsys: pytest.CaptureFixture[str], *flags: str) -> bytes:
    """`newslint fix` on a fresh copy of the article; a second run must change nothing."""
    article = write(root, case)
    args = ("fix", case.path, "--no-cache", "-q", "--select", case.select, *flags)
    code, _, err = run(capsys, *args)
    assert code in (0, 1), err
    once = article.read_bytes()
    run(capsys, *args)
    assert article.read_bytes() == once, "a second fix changed the file"
    return once


def run_case(case: Peer, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(root, case)
    _, found = check_json(capsys, case.path, "--select", case.select)
    assert [diag(d) for d in found] == list(case.expect)
    fixed = _bytes(case.text if case.fixed is None else case.fixed)
    assert fix_twice(root, case, capsys) == fixed
    unsafe = fixed if case.unsafe is None else _bytes(case.unsafe)
    assert fix_twice(root, case, capsys, "--unsafe-fixes") == unsafe


def cases(*items: Peer) -> pytest.MarkDecorator:
    return pytest.mark.parametrize("case", items, ids=lambda c: c.name)


def test_the_clean_article_is_clean_in_every_format(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for fmt in ("yaml", "toml", "json"):
        run_case(Peer(f"clean {fmt}", art(fmt), ()), root, capsys)


# ------------------------------------------------------------ one defect, three front-matter syntaxes

FORMAT_CASES = [
    # FM006: the value span, quotes included; the fix removes the whole line / the JSON member
    # (and the comma before it when it is the last member).
    Peer(
        "FM006 yaml",
        art("yaml", 'menu=""'),
        (("FM006", 5, 7, 5, 9, "safe"),),
        fixed=art("yaml"),
    ),
    Peer(
        "FM006 toml",
        art("toml", 'menu=""'),
        (("FM006", 5, 8, 5, 10, "safe"),),
        fixed=art("toml"),
    ),
    Peer(
        "FM006 json last member",
        art("json", 'menu=""'),
        (("FM006", 5, 11, 5, 13, "safe"),),
        fixed=art("json"),
    ),
    Peer(
        "FM006 json first member",
        art("json", title=None, date=None, summary=None).replace(
            "{\n", '{\n  "menu": "",\n  "title": "T",\n'
        ),
        (),
        select="FM006",
    ),
    # TX003: the entity itself, inside the quotes.
    Peer(
        "TX003 yaml title",
        art("yaml", title=q("Budget &amp; talks")),
        (("TX003", 2, 16, 2, 21, "safe"),),
        fixed=art("yaml", title=q("Budget & talks")),
    ),
    Peer(
        "TX003 toml title",
        art("toml", title=q("Budget &amp; talks")),
        (("TX003", 2, 17, 2, 22, "safe"),),
        fixed=art("toml", title=q("Budget & talks")),
    ),
    Peer(
        "TX003 json title",
        art("json", title=q("Budget &amp; talks")),
        (("TX003", 2, 20, 2, 25, "safe"),),
        fixed=art("json", title=q("Budget & talks")),
    ),
    # FM005: a quoted boolean; the unsafe fix writes the bare boolean in every syntax.
    Peer(
        "FM005 yaml comments",
        art("yaml", 'comments="false"'),
        (("FM005", 5, 11, 5, 18, "unsafe"),),
        unsafe=art("yaml", "comments=false"),
    ),
    Peer(
        "FM005 toml comments",
        art("toml", 'comments="false"'),
        (("FM005", 5, 12, 5, 19, "unsafe"),),
        unsafe=art("toml", "comments=false"),
    ),
    Peer(
        "FM005 json comments",
        art("json", 'comments="false"'),
        (("FM005", 5, 15, 5, 22, "unsafe"),),
        unsafe=art("json", "comments=false"),
    ),
    # DT001: no offset; the site's zone is configured, so the rewrite is safe and keeps the
    # value's own form (unquoted YAML timestamp, TOML datetime, JSON string).
    Peer(
        "DT001 yaml space instead of T",
        art("yaml", date="2025-02-08 09:55:35"),
        (("DT001", 3, 7, 3, 26, "safe"),),
        fixed=art("yaml"),
    ),
    Peer(
        "DT001 toml local datetime",
        art("toml", date="2025-02-08T09:55:35"),
        (("DT001", 3, 8, 3, 27, "safe"),),
        fixed=art("toml"),
    ),
    Peer(
        "DT001 json string",
        art("json", date="2025-02-08 09:55:35"),
        (("DT001", 3, 11, 3, 32, "safe"),),
        fixed=art("json"),
    ),
    # FM003: the second occurrence of the key.
    Peer(
        "FM003 yaml",
        art("yaml", 'title="Budget passes"'),
        (("FM003", 5, 1, 5, 6, None),),
    ),
    Peer(
        "FM003 json",
        art("json", 'title="Budget passes"'),
        (("FM003", 5, 3, 5, 10, None),),
    ),
    # TH001 (Mainroad site): a case-only difference is a safe fix.
    Peer(
        "TH001 yaml",
        art("yaml", 'sidebar="Left"'),
        (("TH001", 5, 10, 5, 16, "safe"),),
        fixed=art("yaml", 'sidebar="left"'),
    ),
    Peer(
        "TH001 toml",
        art("toml", 'sidebar="Left"'),
        (("TH001", 5, 11, 5, 17, "safe"),),
        fixed=art("toml", 'sidebar="left"'),
    ),
    Peer(
        "TH001 json",
        art("json", 'sidebar="Left"'),
        (("TH001", 5, 14, 5, 20, "safe"),),
        fixed=art("json", 'sidebar="left"'),
    ),
    # FM007: the key; the unsafe fix renames it.
    Peer(
        "FM007 yaml",
        art("yaml", 'descripton="The vote."'),
        (("FM007", 5, 1, 5, 11, "unsafe"),),
        unsafe=art("yaml", 'description="The vote."'),
    ),
    Peer(
        "FM007 toml",
        art("toml", 'descripton="The vote."'),
        (("FM007", 5, 1, 5, 11, "unsafe"),),
        unsafe=art("toml", 'description="The vote."'),
    ),
    Peer(
        "FM007 json",
        art("json", 'descripton="The vote."'),
        (("FM007", 5, 3, 5, 15, "unsafe"),),
        unsafe=art("json", 'description="The vote."'),
    ),
    # TX005: the double space itself.
    Peer(
        "TX005 yaml",
        art("yaml", title=q("Budget  passes after a week of talks")),
        (("TX005", 2, 15, 2, 17, "safe"),),
        fixed=art("yaml"),
    ),
    Peer(
        "TX005 toml",
        art("toml", title=q("Budget  passes after a week of talks")),
        (("TX005", 2, 16, 2, 18, "safe"),),
        fixed=art("toml"),
    ),
    Peer(
        "TX005 json",
        art("json", title=q("Budget  passes after a week of talks")),
        (("TX005", 2, 19, 2, 21, "safe"),),
        fixed=art("json"),
    ),
    # TX004 in the summary: the sentence's closing punctuation (the space goes after it).
    Peer(
        "TX004 yaml summary",
        art("yaml", summary=q("The budget passed on Tuesday.The vote ended a week of talks.")),
        (("TX004", 4, 39, 4, 40, "safe"),),
        fixed=art(
            "yaml", summary=q("The budget passed on Tuesday. The vote ended a week of talks.")
        ),
    ),
    Peer(
        "TX004 toml summary",
        art("toml", summary=q("The budget passed on Tuesday.The vote ended a week of talks.")),
        (("TX004", 4, 40, 4, 41, "safe"),),
        fixed=art(
            "toml", summary=q("The budget passed on Tuesday. The vote ended a week of talks.")
        ),
    ),
    Peer(
        "TX004 json summary",
        art("json", summary=q("The budget passed on Tuesday.The vote ended a week of talks.")),
        (("TX004", 4, 43, 4, 44, "safe"),),
        fixed=art(
            "json", summary=q("The budget passed on Tuesday. The vote ended a week of talks.")
        ),
    ),
    # EN003 in a front-matter value, in each syntax.
    Peer(
        "EN003 yaml title",
        art("yaml", title=q("Budget\u200b passes after a week of talks")),
        (("EN003", 2, 15, 2, 16, "safe"),),
        fixed=art("yaml"),
    ),
    Peer(
        "EN003 toml title",
        art("toml", title=q("Budget\u200b passes after a week of talks")),
        (("EN003", 2, 16, 2, 17, "safe"),),
        fixed=art("toml"),
    ),
    Peer(
        "EN003 json title",
        art("json", title=q("Budget\u200b passes after a week of talks")),
        (("EN003", 2, 19, 2, 20, "safe"),),
        fixed=art("json"),
    ),
    # FM004: a missing summary is reported on the opening delimiter; the unsafe fix writes one
    # from the body's opening sentences, in the syntax of the front matter.
    Peer(
        "FM004 yaml",
        art("yaml", summary=None),
        (("FM004", 1, 1, 1, 4, "unsafe"),),
        select="FM004",
        unsafe=art("yaml", summary=q(PROSE)),
    ),
    Peer(
        "FM004 toml",
        art("toml", summary=None),
        (("FM004", 1, 1, 1, 4, "unsafe"),),
        select="FM004",
        unsafe=art("toml", summary=q(PROSE)),
    ),
    Peer(
        "FM004 json",
        art("json", summary=None),
        (("FM004", 1, 1, 1, 2, "unsafe"),),
        select="FM004",
        unsafe=art("json", summary=q(PROSE)),
    ),
    Peer(
        "FM004 toml summary goes before a table",
        art("toml", summary=None).replace("+++\n\n", '[params]\nkicker = "Vote"\n+++\n\n'),
        (("FM004", 1, 1, 1, 4, "unsafe"),),
        select="FM004",
        unsafe=art("toml", summary=None).replace(
            "+++\n\n", f'summary = "{PROSE}"\n[params]\nkicker = "Vote"\n+++\n\n'
        ),
    ),
    # FM002: at the parser's line and column, in file coordinates, as a point (end = start): a
    # YAML quote left open runs on to the next `"`, and the parser stops after it (line 4).
    Peer(
        "FM002 yaml unterminated quote",
        art("yaml", title='"Budget passes'),
        (("FM002", 4, 11, 4, 11, None),),
        select="FM002",
    ),
    Peer(
        "FM002 toml missing value",
        art("toml", "menu="),
        (("FM002", 5, 8, 5, 8, None),),
        select="FM002",
    ),
    Peer(
        "FM002 json trailing comma",
        art("json").replace(f'"{SUMMARY}"\n', f'"{SUMMARY}",\n'),
        (("FM002", 5, 1, 5, 1, None),),
        select="FM002",
    ),
    Peer(
        "FM002 yaml unterminated block",
        art("yaml").replace("---\n\n", "\n"),
        (("FM002", 1, 1, 1, 4, None),),
        select="FM002",
    ),
    Peer(
        "FM002 toml unterminated block",
        art("toml").replace("+++\n\n", "\n"),
        (("FM002", 1, 1, 1, 4, None),),
        select="FM002",
    ),
]


@cases(*FORMAT_CASES)
def test_one_defect_in_each_front_matter_syntax(
    case: Peer, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_case(case, root, capsys)


# ------------------------------------------------------------------------------- line endings

CRLF, CR = "\r\n", "\r"
N = len(PROSE)  # 76: the prose line's last column

ENDING_CASES = [
    # EN007 reports the first CR/CRLF ending (the whole break: its span ends at the next line's
    # start), once per file; the fix converts every line.
    Peer("EN007 crlf yaml", art("yaml", eol=CRLF), (("EN007", 1, 4, 2, 1, "safe"),), fixed=art()),
    Peer(
        "EN007 crlf toml",
        art("toml", eol=CRLF),
        (("EN007", 1, 4, 2, 1, "safe"),),
        fixed=art("toml"),
    ),
    Peer(
        "EN007 crlf json",
        art("json", eol=CRLF),
        (("EN007", 1, 2, 2, 1, "safe"),),
        fixed=art("json"),
    ),
    Peer("EN007 cr yaml", art("yaml", eol=CR), (("EN007", 1, 4, 2, 1, "safe"),), fixed=art()),
    # TOML knows no lone CR line break (its spec: LF or CRLF), so the parser stops at the first
    # one, after the title (Hugo fails the build on this file too); once EN007's fix made the
    # endings LF, the front matter parses.
    Peer(
        "EN007 cr toml is also a syntax error",
        art("toml", eol=CR),
        (("EN007", 1, 4, 2, 1, "safe"), ("FM002", 2, 46, 2, 46, None)),
        fixed=art("toml"),
    ),
    Peer(
        "EN007 only the opening delimiter ends in crlf",
        art().replace("---\n", "---\r\n", 1),
        (("EN007", 1, 4, 2, 1, "safe"),),
        fixed=art(),
    ),
    Peer(
        "EN007 crlf and no newline at the end",
        art(eol=CRLF)[:-2],
        (("EN007", 1, 4, 2, 1, "safe"),),
        fixed=art()[:-1],
    ),
    # The CR of a CRLF is not trailing whitespace; the fix keeps the file's endings.
    Peer(
        "BD002 before crlf",
        art(body=f"{PROSE}   \n\n{LINK}\n", eol=CRLF),
        (("BD002", 7, N + 1, 7, N + 4, "safe"),),
        select="BD002",
        fixed=art(eol=CRLF),
    ),
    Peer(
        "BD002 before cr",
        art(body=f"{PROSE}   \n\n{LINK}\n", eol=CR),
        (("BD002", 7, N + 1, 7, N + 4, "safe"),),
        select="BD002",
        fixed=art(eol=CR),
    ),
    Peer(
        "BD002 two spaces before crlf are a hard break",
        art(body=f"The vote passed.  \nTalks went on.\n\n{LINK}\n", eol=CRLF),
        (),
        select="BD002",
    ),
    Peer(
        "BD002 and EN007 fixed together",
        art(body=f"{PROSE}   \n\n{LINK}\n", eol=CRLF),
        (("EN007", 1, 4, 2, 1, "safe"), ("BD002", 7, N + 1, 7, N + 4, "safe")),
        fixed=art(),
    ),
    Peer(
        "DT001 fix keeps crlf",
        art(date="2025-02-08 09:55:35", eol=CRLF),
        (("DT001", 3, 7, 3, 26, "safe"),),
        select="DT001",
        fixed=art(eol=CRLF),
    ),
    Peer(
        "FM006 toml delete keeps crlf",
        art("toml", 'menu=""', eol=CRLF),
        (("FM006", 5, 8, 5, 10, "safe"),),
        select="FM006",
        fixed=art("toml", eol=CRLF),
    ),
    Peer(
        "FM006 json delete keeps crlf",
        art("json", 'menu=""', eol=CRLF),
        (("FM006", 5, 11, 5, 13, "safe"),),
        select="FM006",
        fixed=art("json", eol=CRLF),
    ),
    Peer(
        "EN003 line numbers in a cr file",
        art(body=f"{PROSE}\u200b\n\n{LINK}\n", eol=CR),
        (("EN003", 7, N + 1, 7, N + 2, "safe"),),
        select="EN003",
        fixed=art(eol=CR),
    ),
    # A lone CR inside an LF file is a line break too: the link moves to line 10.
    Peer(
        "EN007 lone cr moves the later lines",
        art(body=f"The vote passed.\rTalks went on.\n\n{LINK}   \n"),
        (("EN007", 7, 17, 8, 1, "safe"), ("BD002", 10, 55, 10, 58, "safe")),
        select="EN007,BD002",
        fixed=art(body=f"The vote passed.\nTalks went on.\n\n{LINK}\n"),
    ),
]


@cases(*ENDING_CASES)
def test_line_endings(case: Peer, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_case(case, root, capsys)


# -------------------------------------------------------------------------- byte order mark

BOM = "\ufeff"

BOM_CASES = [
    Peer("EN006 yaml", BOM + art(), (("EN006", 1, 1, 1, 2, "safe"),), fixed=art()),
    Peer("EN006 toml", BOM + art("toml"), (("EN006", 1, 1, 1, 2, "safe"),), fixed=art("toml")),
    Peer("EN006 json", BOM + art("json"), (("EN006", 1, 1, 1, 2, "safe"),), fixed=art("json")),
    # The BOM is a code point: the delimiter after it starts at column 2.
    Peer(
        "EN006 then a missing summary on the delimiter",
        BOM + art(summary=None),
        (("EN006", 1, 1, 1, 2, "safe"), ("FM004", 1, 2, 1, 5, "unsafe")),
        select="EN006,FM004",
        fixed=art(summary=None),
        unsafe=art(summary=q(PROSE)),
    ),
    Peer(
        "EN006 and EN007 on one line",
        BOM + art(eol=CRLF),
        (("EN006", 1, 1, 1, 2, "safe"), ("EN007", 1, 5, 2, 1, "safe")),
        fixed=art(),
    ),
    Peer(
        "EN006 no front matter, a defect on line 1",
        BOM + "The vote.\u200b\n",
        (("EN006", 1, 1, 1, 2, "safe"), ("EN003", 1, 11, 1, 12, "safe")),
        select="EN003,EN006",
        fixed="The vote.\n",
    ),
]


@cases(*BOM_CASES)
def test_byte_order_mark(case: Peer, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_case(case, root, capsys)


# ------------------------------------------------------- tabs, astral characters, combining marks

COLUMN_CASES = [
    Peer(
        "EN003 a tab is one column",
        art(body=f"Prices\trose.\u200b\n\n{LINK}\n"),
        (("EN003", 7, 13, 7, 14, "safe"),),
        select="EN003",
        fixed=art(body=f"Prices\trose.\n\n{LINK}\n"),
    ),
    Peer(
        "BD002 a trailing tab",
        art(body=f"{PROSE}\t\n\n{LINK}\n"),
        (("BD002", 7, N + 1, 7, N + 2, "safe"),),
        select="BD002",
        fixed=art(),
    ),
    Peer(
        "BD002 space and tab is no hard break",
        art(body=f"The vote passed. \t\nTalks went on.\n\n{LINK}\n"),
        (("BD002", 7, 17, 7, 19, "safe"),),
        select="BD002",
        fixed=art(body=f"The vote passed.\nTalks went on.\n\n{LINK}\n"),
    ),
    Peer(
        "FM002 tab indentation in yaml",
        art().replace("---\n\n", "tags:\n\t- budget\n---\n\n"),
        (("FM002", 6, 1, 6, 1, None),),
        select="FM002",
    ),
    # A tab after the colon separates like a space (Hugo reads the title); as indentation it is a
    # YAML error (above).
    Peer(
        "TX003 yaml tab after the colon",
        art(title=q("Budget &amp; talks")).replace("title: ", "title:\t"),
        (("TX003", 2, 16, 2, 21, "safe"),),
        select="TX003",
        fixed=art(title=q("Budget & talks")).replace("title: ", "title:\t"),
    ),
    Peer(
        "TX003 toml with tabs around the equals sign",
        art("toml").replace(f'title = "{TITLE}"', 'title\t=\t"Budget &amp; talks"'),
        (("TX003", 2, 17, 2, 22, "safe"),),
        select="TX003",
        fixed=art("toml").replace(f'title = "{TITLE}"', 'title\t=\t"Budget & talks"'),
    ),
    Peer(
        "TX003 after an emoji",
        art(title=q("🎉 Budget &amp; talks")),
        (("TX003", 2, 18, 2, 23, "safe"),),
        select="TX003",
        fixed=art(title=q("🎉 Budget & talks")),
    ),
    Peer(
        "TX003 after an emoji in json",
        art("json", title=q("🎉 Budget &amp; talks")),
        (("TX003", 2, 22, 2, 27, "safe"),),
        select="TX003",
        fixed=art("json", title=q("🎉 Budget & talks")),
    ),
    Peer(
        "TX003 after a combining accent",
        art(title=q("Cafe\u0301 owners &amp; staff")),
        (("TX003", 2, 22, 2, 27, "safe"),),
        select="TX003",
        fixed=art(title=q("Cafe\u0301 owners & staff")),
    ),
    Peer(
        "TX003 after an escaped astral character in json",
        art("json", title=q("\\ud83c\\udf89 Budget &amp; talks")),
        (("TX003", 2, 33, 2, 38, "safe"),),
        select="TX003",
        fixed=art("json", title=q("\\ud83c\\udf89 Budget & talks")),
    ),
    Peer(
        "TX003 after escaped quotes in yaml",
        art(title=q('He said \\"yes\\" &amp; left')),
        (("TX003", 2, 25, 2, 30, "safe"),),
        select="TX003",
        fixed=art(title=q('He said \\"yes\\" & left')),
    ),
    Peer(
        "TX003 after a doubled quote in single-quoted yaml",
        art(title="'It''s &amp; done'"),
        (("TX003", 2, 15, 2, 20, "safe"),),
        select="TX003",
        fixed=art(title="'It''s & done'"),
    ),
    Peer(
        "BD002 after an astral character",
        art(body=f"Markets 📈 rallied.   \n\n{LINK}\n"),
        (("BD002", 7, 19, 7, 22, "safe"),),
        select="BD002",
        fixed=art(body=f"Markets 📈 rallied.\n\n{LINK}\n"),
    ),
    Peer(
        "EN002 after an astral letter",
        art(body=f"𝕏 said \ufffd here.\n\n{LINK}\n"),
        (("EN002", 7, 8, 7, 9, None),),
        select="EN002",
    ),
    Peer(
        "EN003 after a skin-tone modifier",
        art(body=f"👍🏽\u200b agreed.\n\n{LINK}\n"),
        (("EN003", 7, 3, 7, 4, "safe"),),
        select="EN003",
        fixed=art(body=f"👍🏽 agreed.\n\n{LINK}\n"),
    ),
    Peer(
        "EN004 after decomposed Vietnamese",
        art(body=f"Vie\u0323\u0302t Nam\x07 voted.\n\n{LINK}\n"),
        (("EN004", 7, 11, 7, 12, "safe"),),
        select="EN004",
        fixed=art(body=f"Vie\u0323\u0302t Nam voted.\n\n{LINK}\n"),
    ),
]


COLUMN_CASES += [
    # Characters written as escapes in JSON: the report spans the escape (six source columns).
    Peer(
        "TX005 and EN004 as json escapes",
        art("json", title=q("Budget\\u00a0passes after\\u0007 a week")),
        (("TX005", 2, 19, 2, 25, "safe"), ("EN004", 2, 37, 2, 43, "safe")),
        fixed=art("json", title=q("Budget passes after a week")),
    ),
    # A byte that is not UTF-8 is one U+FFFD, one column; the unsafe fix transcodes it.
    Peer(
        "EN005 byte then an entity",
        art(title=q("Caf\udce9 &amp; bar talks")).encode("utf-8", "surrogateescape"),
        (("EN005", 2, 12, 2, 13, "unsafe"), ("TX003", 2, 14, 2, 19, "safe")),
        fixed=art(title=q("Caf\udce9 & bar talks")).encode("utf-8", "surrogateescape"),
        unsafe=art(title=q("Café & bar talks")),
    ),
    # TX004 does not look through an invisible character (`Tuesday.<ZWSP>The`): only EN003 is
    # reported, and the fix loop then finds and fixes the glued sentence.
    Peer(
        "TX004 behind a zero-width space",
        art(summary=q("The budget passed on Tuesday.\u200bThe vote ended a week of talks.")),
        (("EN003", 4, 40, 4, 41, "safe"),),
        fixed=art(summary=q("The budget passed on Tuesday. The vote ended a week of talks.")),
    ),
]


@cases(*COLUMN_CASES)
def test_columns_count_code_points(
    case: Peer, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_case(case, root, capsys)


# ----------------------------------------------------------------------------------- CJK text

ZH_SUMMARY = "预算在周二获得通过，此前执政联盟各党进行了为期一周的谈判，财政部长表示这次投票说明政府仍有执政能力。"
ZH_BODY = "预算在周二获得通过。财政部长表示，这次投票说明政府仍有执政能力。\n\n[新华社](https://www.news.cn/budget)\n"


def zh(**kwargs: str) -> str:
    return art(
        **{"title": q("预算在周二获得通过"), "summary": q(ZH_SUMMARY), "body": ZH_BODY, **kwargs}
    )


CJK_CASES = [
    Peer("zh clean", zh(), (), site=SITE_ZH, path="content/news/yusuan.md"),
    Peer(
        "TX004 full-width stops need no space",
        zh(
            body="投票结果：通过。下一步是参议院！会议将于周五举行？\n\n[新华社](https://www.news.cn/b)\n"
        ),
        (),
        select="TX004",
        site=SITE_ZH,
    ),
    Peer(
        "EN003 after ideographs",
        zh(body="预算获得通过。\u200b财政部长表示满意。\n\n[新华社](https://www.news.cn/b)\n"),
        (("EN003", 7, 8, 7, 9, "safe"),),
        select="EN003",
        site=SITE_ZH,
        fixed=zh(body="预算获得通过。财政部长表示满意。\n\n[新华社](https://www.news.cn/b)\n"),
    ),
    Peer(
        "TX003 after ideographs",
        zh(title=q("预算&amp;财政")),
        (("TX003", 2, 11, 2, 16, "safe"),),
        select="TX003",
        site=SITE_ZH,
        fixed=zh(title=q("预算&财政")),
    ),
    Peer(
        "TX001 Chinese ellipsis",
        zh(summary=q("预算在周二获得通过，财政部长表示……")),
        (("TX001", 4, 10, 4, 30, "unsafe"),),
        select="TX001",
        site=SITE_ZH,
        unsafe=zh(summary=q("预算在周二获得通过。财政部长表示，这次投票说明政府仍有执政能力。")),
    ),
    Peer(
        "BD002 after full-width text",
        zh(body="预算获得通过。   \n\n[新华社](https://www.news.cn/b)\n"),
        (("BD002", 7, 8, 7, 11, "safe"),),
        select="BD002",
        site=SITE_ZH,
        fixed=zh(body="预算获得通过。\n\n[新华社](https://www.news.cn/b)\n"),
    ),
]


@cases(*CJK_CASES)
def test_cjk(case: Peer, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_case(case, root, capsys)


# ------------------------------------------- empty files, front matter only, no final newline


def head(fmt: str = "yaml") -> str:
    """The clean front matter alone, lines 1-5, ending in a newline."""
    return art(fmt).split("\n\n", 1)[0] + "\n"


EDGE_CASES = [
    # Nothing to anchor to: both reports are points at 1:1, ordered by code.
    Peer("empty file", "", (("BD006", 1, 1, 1, 1, None), ("FM001", 1, 1, 1, 1, None))),
    Peer("only a newline", "\n", (("BD006", 1, 1, 1, 1, None), ("FM001", 1, 1, 1, 1, None))),
    Peer(
        "only blank lines",
        "\n\n\n",
        (
            ("BD006", 1, 1, 1, 1, None),
            ("FM001", 1, 1, 1, 1, None),
            ("BD003", 2, 1, 3, 1, "safe"),
        ),
        fixed="\n",
    ),
    # The body starts after the BOM (column 2), where body-empty and front-matter-missing point.
    Peer(
        "only a bom",
        BOM,
        (
            ("EN006", 1, 1, 1, 2, "safe"),
            ("BD006", 1, 2, 1, 2, None),
            ("FM001", 1, 2, 1, 2, None),
        ),
        fixed="",
    ),
    Peer(
        "prose without front matter or newline", "The vote passed.", (("FM001", 1, 1, 1, 1, None),)
    ),
    # Front matter and no body: the source link is missing at the opening delimiter, the body at
    # the closing one (the line where it should begin).
    Peer(
        "yaml front matter only",
        head("yaml"),
        (("LK001", 1, 1, 1, 4, None), ("BD006", 5, 1, 5, 4, None)),
    ),
    Peer(
        "yaml front matter only, no final newline",
        head("yaml")[:-1],
        (("LK001", 1, 1, 1, 4, None), ("BD006", 5, 1, 5, 4, None)),
    ),
    Peer(
        "toml front matter only",
        head("toml"),
        (("LK001", 1, 1, 1, 4, None), ("BD006", 5, 1, 5, 4, None)),
    ),
    Peer(
        "json front matter only",
        head("json"),
        (("LK001", 1, 1, 1, 2, None), ("BD006", 5, 1, 5, 2, None)),
    ),
    # One-line JSON front matter: the `{` is the opening delimiter, the line closes it.
    Peer(
        "one-line json front matter only",
        f'{{"title": "{TITLE}", "date": "{DATE}", "summary": "{SUMMARY}"}}\n',
        (("BD006", 1, 1, 1, 182, None), ("LK001", 1, 1, 1, 2, None)),
    ),
    Peer(
        "one-line json front matter without a date",
        f'{{"title": "{TITLE}", "summary": "{SUMMARY}"}}\n\n{PROSE}\n\n{LINK}\n',
        (("FM004", 1, 1, 1, 2, None),),
        select="FM004",
    ),
    # Every required field missing: one report each, in the documented order title, date, summary
    # (same position and code); only the summary can be written from the body.
    Peer(
        "empty yaml front matter",
        f"---\n---\n\n{PROSE}\n\n{LINK}\n",
        (
            ("FM004", 1, 1, 1, 4, None),
            ("FM004", 1, 1, 1, 4, None),
            ("FM004", 1, 1, 1, 4, "unsafe"),
        ),
        select="FM004",
        unsafe=f'---\nsummary: "{PROSE}"\n---\n\n{PROSE}\n\n{LINK}\n',
    ),
    Peer(
        "empty toml front matter",
        f"+++\n+++\n\n{PROSE}\n\n{LINK}\n",
        (
            ("FM004", 1, 1, 1, 4, None),
            ("FM004", 1, 1, 1, 4, None),
            ("FM004", 1, 1, 1, 4, "unsafe"),
        ),
        select="FM004",
        unsafe=f'+++\nsummary = "{PROSE}"\n+++\n\n{PROSE}\n\n{LINK}\n',
    ),
    Peer(
        "empty json front matter",
        f"{{}}\n\n{PROSE}\n\n{LINK}\n",
        (
            ("FM004", 1, 1, 1, 2, None),
            ("FM004", 1, 1, 1, 2, None),
            ("FM004", 1, 1, 1, 2, "unsafe"),
        ),
        select="FM004",
        unsafe=f'{{"summary": "{PROSE}"}}\n\n{PROSE}\n\n{LINK}\n',
    ),
    # No rule asks for a final newline; fixes keep its absence.
    Peer("no final newline is fine", art()[:-1], ()),
    Peer(
        "BD002 on the last line without a newline",
        art()[:-1] + "   ",
        (("BD002", 9, 55, 9, 58, "safe"),),
        fixed=art()[:-1],
    ),
    # An invisible character after the source link is reported, but the link is still the last
    # line a reader sees: source-link-missing stays silent.
    Peer(
        "EN003 as the very last character",
        art()[:-1] + "\u200b",
        (("EN003", 9, 55, 9, 56, "safe"),),
        fixed=art()[:-1],
    ),
    Peer(
        "EN003 right-to-left mark before the source link",
        art().replace(LINK, "\u200f" + LINK),
        (("EN003", 9, 1, 9, 2, "safe"),),
        fixed=art(),
    ),
    Peer(
        "EN003 right-to-left mark after the source link",
        art().replace(LINK, LINK + "\u200f"),
        (("EN003", 9, 55, 9, 56, "safe"),),
        fixed=art(),
    ),
    # Collapsed to one blank line, like any other run (no rule asks for one final newline).
    Peer(
        "BD003 blank lines at the end",
        art() + "\n\n",
        (("BD003", 11, 1, 11, 1, "safe"),),
        fixed=art() + "\n",
    ),
]


@cases(*EDGE_CASES)
def test_empty_and_edge_files(case: Peer, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_case(case, root, capsys)


# ------------------------------------------------------------------- the delimiter lines

DELIMITER_CASES = [
    # Hugo reads `---   ` and `+++ ` as delimiters, and so does newslint. The front matter's
    # lines are not the body: trailing whitespace there is left alone (in a YAML block scalar it
    # is part of the value).
    Peer("trailing spaces after the opening ---", art().replace("---\n", "---   \n", 1), ()),
    Peer("trailing spaces after the closing ---", art().replace("\n---\n", "\n---  \n", 1), ()),
    Peer("trailing space after +++", art("toml").replace("+++\n", "+++ \n", 1), ()),
    Peer("trailing spaces on a front-matter line", art(title=q(TITLE) + "   "), ()),
    # An invisible character glued to the delimiter hides the front matter from Hugo; removing
    # it (safe) brings the front matter back.
    Peer(
        "zero-width space after the opening ---",
        art().replace("---\n", "---\u200b\n", 1),
        (("FM001", 1, 1, 1, 1, None), ("EN003", 1, 4, 1, 5, "safe")),
        fixed=art(),
    ),
    Peer(
        "zero-width space after +++",
        art("toml").replace("+++\n", "+++\u200b\n", 1),
        (("FM001", 1, 1, 1, 1, None), ("EN003", 1, 4, 1, 5, "safe")),
        fixed=art("toml"),
    ),
    # JSON: the character after `{` is inside the object, so the parser stops there (Hugo fails
    # too); after the closing `}` it is body text.
    Peer(
        "zero-width space after {",
        art("json").replace("{\n", "{\u200b\n", 1),
        (("EN003", 1, 2, 1, 3, "safe"), ("FM002", 1, 2, 1, 2, None)),
        fixed=art("json"),
    ),
    Peer(
        "control character after {",
        art("json").replace("{\n", "{\x07\n", 1),
        (("EN004", 1, 2, 1, 3, "safe"), ("FM002", 1, 2, 1, 2, None)),
        fixed=art("json"),
    ),
    Peer(
        "zero-width space after }",
        art("json").replace("\n}", "\n}\u200b", 1),
        # Hugo's body starts after the brace: the space is a paragraph of its own there.
        (("BD001", 5, 2, 6, 1, "safe"), ("EN003", 5, 2, 5, 3, "safe")),
        fixed=art("json"),
    ),
    Peer(
        "four dashes are no delimiter",
        art().replace("---\n", "----\n"),
        (("FM001", 1, 1, 1, 1, None),),
        select="FM",
    ),
    Peer(
        "a list item first",
        f"- one\n- two\n\n{LINK}\n",
        (("FM001", 1, 1, 1, 1, None),),
        select="FM",
    ),
    Peer(
        "crlf on the closing delimiter only",
        art().replace("\n---\n", "\n---\r\n", 1),
        (("EN007", 5, 4, 6, 1, "safe"),),
        fixed=art(),
    ),
    Peer(
        "bom before +++ and a toml defect",
        BOM + art("toml", 'menu=""'),
        (("EN006", 1, 1, 1, 2, "safe"), ("FM006", 5, 8, 5, 10, "safe")),
        fixed=art("toml"),
    ),
    Peer(
        "bom before { and a json defect",
        BOM + art("json", 'sidebar="Left"'),
        (("EN006", 1, 1, 1, 2, "safe"), ("TH001", 5, 14, 5, 20, "safe")),
        fixed=art("json", 'sidebar="left"'),
    ),
]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (art().replace("---\n", "----\n"), "----"),
        (art().replace("---\n", "---\u200b\n", 1), "---\u200b"),
        (f"\n- one\n- two\n\n{LINK}\n", "- one"),
        ("+ one\n", "+ one"),
    ],
    ids=["four dashes", "dashes and zwsp", "list item", "plus"],
)
def test_a_first_dash_or_plus_is_named_as_what_fails_the_hugo_build(
    text: str, line: str, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Hugo reads a file's first `-` or `+` as the start of a front-matter delimiter and fails
    the build when it is none; FM001 says so rather than only that the front matter is
    missing. A first line that starts with anything else gets the plain message."""
    write(root, Peer("dash", text, ()))
    _, found = check_json(capsys, "content/news/budget.md", "--select", "FM001")
    assert [d["message"] for d in found] == [
        f"file has no front matter, and Hugo fails the build: it reads {line!r} as a "
        "front-matter delimiter"
    ]
    write(root, Peer("text", f"Text\n{art()}", ()))
    _, found = check_json(capsys, "content/news/budget.md", "--select", "FM001")
    assert [d["message"] for d in found] == ["file has no front matter"]


@cases(*DELIMITER_CASES)
def test_delimiter_lines(case: Peer, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_case(case, root, capsys)


# ------------------------------------------------------- several defects on one line / one span

MULTI_CASES = [
    # Reports come out in column order, whatever rule found them.
    Peer(
        "three rules on one body line",
        art(body=f"Prices rose.The vote\u200b passed.   \n\n{LINK}\n"),
        (
            ("TX004", 7, 12, 7, 13, "safe"),
            ("EN003", 7, 21, 7, 22, "safe"),
            ("BD002", 7, 30, 7, 33, "safe"),
        ),
        fixed=art(body=f"Prices rose. The vote passed.\n\n{LINK}\n"),
    ),
    Peer(
        "two entities in one title",
        art(title=q("Budget &amp; talks &quot;end&quot;")),
        (
            ("TX003", 2, 16, 2, 21, "safe"),
            ("TX003", 2, 28, 2, 34, "safe"),
            ("TX003", 2, 37, 2, 43, "safe"),
        ),
        select="TX003",
        fixed=art(title=q('Budget & talks \\"end\\"')),
    ),
    Peer(
        "shouting title with an entity",
        art(title=q("BUDGET &amp; TALKS END IN A DEAL")),
        (("TX006", 2, 8, 2, 42, "display-only"), ("TX003", 2, 16, 2, 21, "safe")),
        select="TX",
        fixed=art(title=q("BUDGET & TALKS END IN A DEAL")),
    ),
    # Fixes over the same text: applied in passes until nothing changes.
    Peer(
        "entity inside padded title",
        art(title=q("  Budget &amp; talks  ")),
        (
            ("TX005", 2, 9, 2, 11, "safe"),
            ("TX003", 2, 18, 2, 23, "safe"),
            ("TX005", 2, 29, 2, 31, "safe"),
        ),
        fixed=art(title=q("Budget & talks")),
    ),
    Peer(
        "entity next to a double space",
        art(title=q("Budget &amp;  talks end")),
        (("TX003", 2, 16, 2, 21, "safe"), ("TX005", 2, 21, 2, 23, "safe")),
        fixed=art(title=q("Budget & talks end")),
    ),
    Peer(
        "mojibake and an entity in one title",
        art(title=q("Donâ€™t panic &amp; vote")),
        (("EN001", 2, 12, 2, 15, "safe"), ("TX003", 2, 23, 2, 28, "safe")),
        fixed=art(title=q("Don’t panic & vote")),
    ),
    Peer(
        "tracking parameter on an insecure link",
        art(body=f"See [the vote](http://example.com/vote?utm_source=x) now.\n\n{LINK}\n"),
        (("LK004", 7, 16, 7, 23, "unsafe"), ("LK005", 7, 39, 7, 52, "safe")),
        select="LK",
        fixed=art(body=f"See [the vote](http://example.com/vote) now.\n\n{LINK}\n"),
        unsafe=art(body=f"See [the vote](https://example.com/vote) now.\n\n{LINK}\n"),
    ),
    Peer(
        "an nbsp paragraph with trailing spaces",
        art(body=f"{PROSE}\n\n\xa0   \n\n{LINK}\n"),
        (("BD001", 9, 1, 10, 1, "safe"), ("BD002", 9, 2, 9, 5, "safe")),
        select="BD",
        fixed=art(),
    ),
    Peer(
        "blank lines holding spaces",
        art(body=f"{PROSE}\n\n  \n\n{LINK}\n"),
        (("BD002", 9, 1, 9, 3, "safe"), ("BD003", 9, 1, 10, 1, "safe")),
        select="BD",
        fixed=art(),
    ),
    Peer(
        "empty menu and empty sidebar on adjacent lines",
        art("yaml", 'menu=""', 'sidebar=""'),
        (("FM006", 5, 7, 5, 9, "safe"), ("TH001", 6, 10, 6, 12, "safe")),
        fixed=art(),
    ),
    # The catalogue gives an empty date to both rules (DT002: "or empty"; FM004: "missing or
    # empty"), and both report it, on the same span, ordered by code.
    Peer(
        "an empty date",
        art(date='""'),
        (("DT002", 3, 7, 3, 9, None), ("FM004", 3, 7, 3, 9, None)),
    ),
]


@cases(*MULTI_CASES)
def test_several_defects(case: Peer, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_case(case, root, capsys)


# -------------------------------------------------------------------------------- exit codes

INFO_FIXABLE = art(body=f"{PROSE}   \n\n{LINK}\n")  # BD002 (info, safe fix)
WARN_FIXABLE = art("yaml", 'menu=""')  # FM006 (warning, safe fix)
WARN_NO_FIX = art("yaml", "lastmod=2025-02-01T09:00:00+08:00")  # DT004 (warning, no fix)
ERROR_UNSAFE = art("yaml", 'comments="false"')  # FM005 (error, unsafe fix)
ERROR_NO_FIX = art(body=f"The mayor of Mal\ufffdga spoke.\n\n{LINK}\n")  # EN002 (error, no fix)
ERROR_AND_INFO = art(body=f"The mayor of Mal\ufffdga spoke.   \n\n{LINK}\n")  # EN002 + BD002


@dataclass(frozen=True)
class Exit:
    """`newslint <args> PATH` on `text` exits `code` and leaves `after` (None: the text)."""

    name: str
    text: str
    args: tuple[str, ...]
    code: int
    after: str | None = None


EXIT_CASES = [
    Exit("check clean", art(), ("check",), 0),
    Exit("check info only", INFO_FIXABLE, ("check",), 0),
    Exit("check warning only", WARN_FIXABLE, ("check",), 0),
    Exit("check error", ERROR_NO_FIX, ("check",), 1),
    Exit("check empty file", "", ("check",), 1),
    Exit("check syntax error", art(title='"open'), ("check",), 1),
    Exit("check warning, fail on warning", WARN_NO_FIX, ("check", "--fail-on", "warning"), 1),
    Exit("check info, fail on warning", INFO_FIXABLE, ("check", "--fail-on", "warning"), 0),
    Exit("check info, fail on info", INFO_FIXABLE, ("check", "--fail-on", "info"), 1),
    Exit("check error ignored by code", ERROR_UNSAFE, ("check", "--ignore", "FM005"), 0),
    Exit("check error ignored by name", ERROR_UNSAFE, ("check", "--ignore", "field-type"), 0),
    Exit("check error ignored by prefix", ERROR_UNSAFE, ("check", "--ignore", "FM"), 0),
    Exit("check error not selected", ERROR_UNSAFE, ("check", "--select", "DT"), 0),
    Exit("check error, exit zero", ERROR_NO_FIX, ("check", "--exit-zero"), 0),
    Exit("check unknown code", art(), ("check", "--select", "XX999"), 2),
    Exit("check unknown name", art(), ("check", "--select", "date-fromat"), 2),
    Exit("check unknown ignore", art(), ("check", "--ignore", "no-such-rule"), 2),
    Exit("check bad fail-on", art(), ("check", "--fail-on", "fatal"), 2),
    Exit("fix info", INFO_FIXABLE, ("fix",), 0, art()),
    Exit("fix warning", WARN_FIXABLE, ("fix",), 0, art()),
    Exit("fix unsafe error without the flag", ERROR_UNSAFE, ("fix",), 1),
    Exit(
        "fix unsafe error with the flag",
        ERROR_UNSAFE,
        ("fix", "--unsafe-fixes"),
        0,
        art("yaml", "comments=false"),
    ),
    Exit("fix error without a fix", ERROR_NO_FIX, ("fix",), 1),
    Exit("fix error and info", ERROR_AND_INFO, ("fix",), 1, ERROR_NO_FIX),
    Exit("fix warning without a fix", WARN_NO_FIX, ("fix",), 0),
    Exit(
        "fix warning without a fix, fail on warning",
        WARN_NO_FIX,
        ("fix", "--fail-on", "warning"),
        1,
    ),
    Exit("fix info, fail on info", INFO_FIXABLE, ("fix", "--fail-on", "info"), 0, art()),
    Exit("fix exit non-zero on fix", INFO_FIXABLE, ("fix", "--exit-non-zero-on-fix"), 1, art()),
    Exit("fix exit non-zero, nothing to fix", art(), ("fix", "--exit-non-zero-on-fix"), 0),
    Exit("fix not selected", INFO_FIXABLE, ("fix", "--select", "FM"), 0),
    Exit("fix error, exit zero", ERROR_NO_FIX, ("fix", "--exit-zero"), 0),
    Exit("diff with a change", INFO_FIXABLE, ("fix", "--diff"), 1),
    Exit("diff without a change", art(), ("fix", "--diff"), 0),
    Exit("diff of an unsafe fix", ERROR_UNSAFE, ("fix", "--diff", "--unsafe-fixes"), 1),
    Exit("fix unknown code", INFO_FIXABLE, ("fix", "--select", "XX999"), 2),
    Exit("check unknown code, exit zero", art(), ("check", "--exit-zero", "--select", "XX9"), 2),
    Exit("check error, fail on info", ERROR_NO_FIX, ("check", "--fail-on", "info"), 1),
    # `--diff` exits as ruff's does: 1 when there is a diff to show, else 0, whatever remains.
    Exit("fix unsafe, diff, no flag", ERROR_UNSAFE, ("fix", "--diff"), 0),
]


@pytest.mark.parametrize("case", EXIT_CASES, ids=lambda c: c.name)
def test_exit_codes(case: Exit, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = write(root, Peer(case.name, case.text, ()))
    command, *rest = case.args
    code, _, err = run(capsys, command, "content/news/budget.md", "--no-cache", *rest)
    assert code == case.code, err
    after = case.text if case.after is None else case.after
    assert article.read_text(encoding="utf-8") == after
    if code == 2:
        assert err.strip(), "a usage error says what is wrong"


CRASHING_RULE = """A rule that crashes.

## What it does
Raises on every file.

## Why is this bad?
It is a test of the engine.

## Example
    anything

## Use instead
    anything
"""

CRASHING_RULE = (
    f'"""{CRASHING_RULE}"""\n'
    "from newslint import Rule, Severity\n\n\n"
    "class Boom(Rule):\n"
    '    code = "ZZ001"\n'
    '    name = "boom"\n'
    "    severity = Severity.INFO\n"
    '    messages = {"never": "never reported"}\n\n'
    "    def on_document_start(self, ctx, document):\n"
    '        raise ValueError("kaboom")\n'
)


@pytest.mark.parametrize(
    "args",
    [("check",), ("check", "--exit-zero"), ("fix",), ("fix", "--diff")],
    ids=" ".join,
)
def test_an_internal_error_exits_2(
    args: tuple[str, ...], root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """DESIGN: a crashed rule is an `internal-error` diagnostic naming the rule and the
    traceback's last line, and makes the exit code 2, whatever else happened."""
    write(root, Peer("crash", art(), ()))
    (root / "plugins").mkdir()
    (root / "plugins" / "boom.py").write_text(CRASHING_RULE, encoding="utf-8")
    command, *rest = args
    common = ("--no-cache", "--rules-dir", "plugins", "--select", "ZZ001,FM")
    code, _, _ = run(capsys, command, "content/news/budget.md", *common, *rest)
    assert code == 2
    if command == "check":
        _, out, _ = run(capsys, *args, "content/news/budget.md", *common, "--output-format", "json")
        (found,) = json.loads(out)
        assert (found["rule"], found["severity"], found["line"], found["column"]) == (
            "internal-error",
            "error",
            1,
            1,
        )
        assert "boom" in found["message"]
        assert "ValueError: kaboom" in found["message"]


def test_a_bad_configuration_exits_2_naming_the_key(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(root, Peer("config", art(), ()))
    (root / "newslint.toml").write_text('fail-on = "error"\nselct = ["DT"]\n', encoding="utf-8")
    code, _, err = run(capsys, "check", "content/news/budget.md", "--no-cache")
    assert code == 2
    assert "selct" in err


# ------------------------------------------------------------------------- select and ignore

# One article with four defects of four groups: DT001 (line 3), FM006 (line 5), TX003 (line 2)
# and BD002 (line 7).
MIXED = art(
    "yaml",
    'menu=""',
    title=q("Budget &amp; talks"),
    date="2025-02-08 09:55:35",
    body=f"{PROSE}   \n\n{LINK}\n",
)

SELECT_CASES = [
    (("--select", "ALL"), ["TX003", "DT001", "FM006", "BD002"]),
    (("--select", "DT001"), ["DT001"]),
    (("--select", "date-format"), ["DT001"]),
    (("--select", "DT"), ["DT001"]),
    (("--select", "DT00"), ["DT001"]),
    (("--select", "DT001,FM006"), ["DT001", "FM006"]),
    (("--select", "date-format,empty-field"), ["DT001", "FM006"]),
    (("--select", "DT,trailing-whitespace"), ["DT001", "BD002"]),
    (("--select", "DT", "--select", "BD"), ["DT001", "BD002"]),
    (("--select", "ALL", "--ignore", "DT001"), ["TX003", "FM006", "BD002"]),
    (("--select", "ALL", "--ignore", "date-format"), ["TX003", "FM006", "BD002"]),
    (("--select", "ALL", "--ignore", "DT,FM"), ["TX003", "BD002"]),
    (("--select", "DT", "--ignore", "DT001"), []),
    (("--select", "TX,BD", "--ignore", "html-entity"), ["BD002"]),
    # As ruff: the more specific selector wins, whichever list it is in.
    (("--select", "DT001", "--ignore", "DT"), ["DT001"]),
    (
        ("--select", "ALL", "--ignore", "DT", "--extend-select", "DT001"),
        ["TX003", "DT001", "FM006", "BD002"],
    ),
]


@pytest.mark.parametrize(
    ("args", "codes"), SELECT_CASES, ids=lambda v: " ".join(v) if isinstance(v, tuple) else None
)
def test_select_and_ignore(
    args: tuple[str, ...], codes: list[str], root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(root, Peer("mixed", MIXED, ()))
    _, found = check_json(capsys, "content/news/budget.md", *args)
    assert [d["code"] for d in found] == codes


def test_extend_select_adds_to_the_configured_selection(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(root, Peer("mixed", MIXED, ()))
    (root / "newslint.toml").write_text('select = ["DT"]\n', encoding="utf-8")
    _, found = check_json(capsys, "content/news/budget.md")
    assert [d["code"] for d in found] == ["DT001"]
    _, found = check_json(capsys, "content/news/budget.md", "--extend-select", "BD002")
    assert [d["code"] for d in found] == ["DT001", "BD002"]
    _, found = check_json(capsys, "content/news/budget.md", "--select", "FM")
    assert [d["code"] for d in found] == ["FM006"]


# ----------------------------------------------------------------------- severities in JSON


def test_configured_severity_shows_in_json_and_in_the_exit_code(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(root, Peer("mixed", MIXED, ()))
    (root / "newslint.toml").write_text(
        '[rules.date-format]\nseverity = "error"\n\n[rules.trailing-whitespace]\nseverity = "warning"\n',
        encoding="utf-8",
    )
    code, found = check_json(capsys, "content/news/budget.md")
    assert [(d["code"], d["severity"]) for d in found] == [
        ("TX003", "warning"),
        ("DT001", "error"),
        ("FM006", "warning"),
        ("BD002", "warning"),
    ]
    assert code == 1


def test_the_json_elements_in_full(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every key of the contract, for a value rewrite (TX003), a JSON member deletion that takes
    the comma before it (FM006), and a diagnostic without a fix (DT004)."""
    text = art("json", 'lastmod="2025-02-01T09:00:00+08:00"', 'menu=""', title=q("A &amp; B"))
    write(root, Peer("json", text, ()))
    _, found = check_json(capsys, "content/news/budget.md", "--select", "TX003,FM006,DT004")
    assert found == [
        {
            "path": "content/news/budget.md",
            "rule": "html-entity",
            "code": "TX003",
            "severity": "warning",
            "message": "title shows the HTML entity &amp; literally",
            "line": 2,
            "column": 15,
            "end_line": 2,
            "end_column": 20,
            "fix": {
                "applicability": "safe",
                "title": "Unescape &amp;",
                "edits": [
                    {"line": 2, "column": 15, "end_line": 2, "end_column": 20, "content": "&"}
                ],
            },
        },
        {
            "path": "content/news/budget.md",
            "rule": "date-order",
            "code": "DT004",
            "severity": "warning",
            "message": found[1]["message"],
            "line": 5,
            "column": 14,
            "end_line": 5,
            "end_column": 41,
            "fix": None,
        },
        {
            "path": "content/news/budget.md",
            "rule": "empty-field",
            "code": "FM006",
            "severity": "warning",
            "message": 'menu is empty: Hugo puts the page in a menu named ""',
            "line": 6,
            "column": 11,
            "end_line": 6,
            "end_column": 13,
            "fix": {
                "applicability": "safe",
                "title": "Remove the empty menu",
                "edits": [
                    {"line": 5, "column": 41, "end_line": 6, "end_column": 13, "content": ""}
                ],
            },
        },
    ]
    assert "lastmod" in found[1]["message"]


def test_diff_shows_the_fix_and_keeps_crlf(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = art(date="2025-02-08 09:55:35", eol=CRLF)
    article = write(root, Peer("diff", text, ()))
    code, out, _ = run(
        capsys, "fix", "content/news/budget.md", "--no-cache", "--select", "DT001", "--diff"
    )
    assert code == 1
    assert "-date: 2025-02-08 09:55:35\r\n+date: 2025-02-08T09:55:35+08:00\r\n" in out
    assert article.read_bytes() == text.encode("utf-8")


# ------------------------------------------------------ quoting styles and structured values

PARTIES = "The budget &amp; the vote passed on Tuesday after a week of talks between the parties."

STYLE_CASES = [
    # A TOML literal string cannot hold the `'` the entity stands for: the value is rewritten as
    # a basic string; the report still points at the entity.
    Peer(
        "TX003 toml literal string to basic",
        art("toml", title="'It&#39;s done'"),
        (("TX003", 2, 12, 2, 17, "safe"),),
        fixed=art("toml", title=q("It's done")),
    ),
    Peer(
        "TX003 yaml single-quoted doubles the quote",
        art("yaml", title="'It&#39;s done'"),
        (("TX003", 2, 11, 2, 16, "safe"),),
        fixed=art("yaml", title="'It''s done'"),
    ),
    Peer(
        "TX003 json quote entity is escaped",
        art("json", title=q("He said &quot;no&quot;")),
        (("TX003", 2, 21, 2, 27, "safe"), ("TX003", 2, 29, 2, 35, "safe")),
        fixed=art("json", title=q('He said \\"no\\"')),
    ),
    Peer(
        "TX003 toml literal keeps a double quote",
        art("toml", title="'He said &quot;no&quot;'"),
        (("TX003", 2, 18, 2, 24, "safe"), ("TX003", 2, 26, 2, 32, "safe")),
        fixed=art("toml", title="'He said \"no\"'"),
    ),
    Peer(
        "TX003 yaml plain scalar",
        art("yaml", title="Budget &amp; talks end"),
        (("TX003", 2, 15, 2, 20, "safe"),),
        fixed=art("yaml", title="Budget & talks end"),
    ),
    Peer(
        "TX003 yaml folded summary",
        art("yaml", summary=">\n  " + PARTIES[:58] + "\n  " + PARTIES[59:]),
        (("TX003", 5, 14, 5, 19, "safe"),),
        fixed=art(
            "yaml", summary=">\n  " + PARTIES[:58].replace("&amp;", "&") + "\n  " + PARTIES[59:]
        ),
    ),
    # A multi-line TOML string has no character map; the entity is found in the source as the
    # fix finds it (it used to be reported over the whole value, 4:11-5:90).
    Peer(
        "TX003 toml multi-line basic summary",
        art("toml", summary=f'"""\n{PARTIES}"""'),
        (("TX003", 5, 12, 5, 17, "safe"),),
        fixed=art("toml", summary=f'"""\n{PARTIES.replace("&amp;", "&")}"""'),
    ),
    Peer(
        "TX003 toml multi-line literal summary",
        art("toml", summary=f"'''\n{PARTIES}'''"),
        (("TX003", 5, 12, 5, 17, "safe"),),
        fixed=art("toml", summary=f"'''\n{PARTIES.replace('&amp;', '&')}'''"),
    ),
    Peer(
        "three text rules in a toml multi-line literal",
        art(
            "toml", summary="'''\nThe budget  passed\u200b on Tuesday.The vote ended the talks.'''"
        ),
        (
            ("TX005", 5, 11, 5, 13, "safe"),
            ("EN003", 5, 19, 5, 20, "safe"),
            ("TX004", 5, 31, 5, 32, "safe"),
        ),
        # The rewritten value stays a multi-line literal string, the line break after its
        # opening quotes kept.
        fixed=art(
            "toml", summary="'''\nThe budget passed on Tuesday. The vote ended the talks.'''"
        ),
    ),
    # FM005: a scalar where a list belongs becomes a one-item flow list in every syntax.
    Peer(
        "FM005 yaml tags string",
        art("yaml", 'tags="budget"'),
        (("FM005", 5, 7, 5, 15, "unsafe"),),
        unsafe=art("yaml", 'tags=["budget"]'),
    ),
    Peer(
        "FM005 toml tags string",
        art("toml", 'tags="budget"'),
        (("FM005", 5, 8, 5, 16, "unsafe"),),
        unsafe=art("toml", 'tags=["budget"]'),
    ),
    Peer(
        "FM005 json tags string",
        art("json", 'tags="budget"'),
        (("FM005", 5, 11, 5, 19, "unsafe"),),
        unsafe=art("json", 'tags=["budget"]'),
    ),
    # TH002: the empty item and the repeat are reported; neither fails the build (the list is
    # drawn), so they are warnings, and the fixes remove each item with its comma.
    Peer(
        "TH002 yaml flow list",
        art("yaml", 'widgets=["recent", "", "recent"]'),
        (
            ("TH002", 5, 21, 5, 23, "safe", "warning"),
            ("TH002", 5, 25, 5, 33, "safe", "warning"),
        ),
        fixed=art("yaml", 'widgets=["recent"]'),
    ),
    Peer(
        "TH002 toml array",
        art("toml", 'widgets=["recent", "", "recent"]'),
        (
            ("TH002", 5, 22, 5, 24, "safe", "warning"),
            ("TH002", 5, 26, 5, 34, "safe", "warning"),
        ),
        fixed=art("toml", 'widgets=["recent"]'),
    ),
    Peer(
        "TH002 json array",
        art("json", 'widgets=["recent", "", "recent"]'),
        (
            ("TH002", 5, 25, 5, 27, "safe", "warning"),
            ("TH002", 5, 29, 5, 37, "safe", "warning"),
        ),
        fixed=art("json", 'widgets=["recent"]'),
    ),
    # TH003: `image` for `src`, in a YAML block map, a TOML table and a JSON object.
    Peer(
        "TH003 yaml map",
        art("yaml", 'thumbnail=\n  image: "img/a.jpg"'),
        (("TH003", 6, 3, 6, 8, "safe", "warning"),),
        fixed=art("yaml", 'thumbnail=\n  src: "img/a.jpg"'),
    ),
    Peer(
        "TH003 toml table",
        art("toml").replace("+++\n\n", '[thumbnail]\nimage = "img/a.jpg"\n+++\n\n'),
        (("TH003", 6, 1, 6, 6, "safe", "warning"),),
        fixed=art("toml").replace("+++\n\n", '[thumbnail]\nsrc = "img/a.jpg"\n+++\n\n'),
    ),
    Peer(
        "TH003 json object",
        art("json", 'thumbnail={"image": "img/a.jpg"}'),
        (("TH003", 5, 17, 5, 24, "safe", "warning"),),
        fixed=art("json", 'thumbnail={"src": "img/a.jpg"}'),
    ),
    # FM006 in JSON: two empty members at the end (the two deletions share the comma between
    # them, so they take two passes), and the only member.
    Peer(
        "FM006 and TH001 json adjacent members",
        art("json", 'menu=""', 'sidebar=""'),
        (("FM006", 5, 11, 5, 13, "safe"), ("TH001", 6, 14, 6, 16, "safe")),
        fixed=art("json"),
    ),
    Peer(
        "FM006 json only member",
        f'{{"menu": ""}}\n\n{PROSE}\n\n{LINK}\n',
        (("FM006", 1, 10, 1, 12, "safe"),),
        select="FM006",
        fixed=f"{{}}\n\n{PROSE}\n\n{LINK}\n",
    ),
    # DT001 keeps the value's form: quotes (which kind), a TOML string, a TOML local date.
    Peer(
        "DT001 yaml single-quoted",
        art("yaml", date="'2025-02-08 09:55:35'"),
        (("DT001", 3, 7, 3, 28, "safe"),),
        fixed=art("yaml", date=f"'{DATE}'"),
    ),
    Peer(
        "DT001 toml string",
        art("toml", date=q("2025-02-08 09:55:35")),
        (("DT001", 3, 8, 3, 29, "safe"),),
        fixed=art("toml", date=q(DATE)),
    ),
    Peer(
        "DT001 toml local date",
        art("toml", date="2025-02-08"),
        (("DT001", 3, 8, 3, 18, "safe"),),
        fixed=art("toml", date="2025-02-08T00:00:00+08:00"),
    ),
    # The same impossible date: DT002 in YAML (Hugo's date parser fails), a syntax error in
    # TOML (the TOML parser itself rejects it, as Hugo's does), at the parser's point.
    Peer(
        "DT002 yaml February 30",
        art("yaml", date="2025-02-30T09:00:00+08:00"),
        (("DT002", 3, 7, 3, 32, None),),
    ),
    Peer(
        "FM002 toml February 30",
        art("toml", date="2025-02-30T09:00:00+08:00"),
        (("FM002", 3, 8, 3, 8, None),),
    ),
    # A repeated key: FM003 in YAML and JSON; in TOML a syntax error (the TOML spec forbids it
    # and the parser stops), at the parser's point, the end of the repeated statement.
    Peer(
        "FM003 toml is a syntax error",
        art("toml", 'title="Budget passes"'),
        (("FM002", 5, 1, 5, 1, None),),  # at the key, where Hugo points
    ),
]


@cases(*STYLE_CASES)
def test_quoting_styles_and_structures(
    case: Peer, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_case(case, root, capsys)


# ------------------------------------------------------------------------------ suppressions

SUPPRESSION_CASES = [
    Peer(
        "toml key comment by code",
        art("toml", date="2025-02-08T09:55:35  # newslint: disable=DT001"),
        (),
    ),
    Peer(
        "toml key comment by name",
        art("toml", date="2025-02-08T09:55:35  # newslint: disable=date-format"),
        (),
    ),
    Peer(
        "yaml key comment by prefix",
        art("yaml", date="2025-02-08 09:55:35  # newslint: disable=DT"),
        (),
    ),
    # JSON front matter has no comments: a file-wide body comment silences its diagnostics.
    Peer(
        "json front matter, disable-file by code",
        art(
            "json",
            date="2025-02-08 09:55:35",
            body=f"<!-- newslint-disable-file DT001 -->\n\n{PROSE}\n\n{LINK}\n",
        ),
        (),
    ),
    Peer(
        "json front matter, disable-file by name, crlf",
        art(
            "json",
            date="2025-02-08 09:55:35",
            body=f"<!-- newslint-disable-file date-format -->\n{PROSE}\n\n{LINK}\n",
            eol=CRLF,
        ),
        (("EN007", 1, 2, 2, 1, "safe"),),
        fixed=art(
            "json",
            date="2025-02-08 09:55:35",
            body=f"<!-- newslint-disable-file date-format -->\n{PROSE}\n\n{LINK}\n",
        ),
    ),
    Peer(
        "disable-next-line in a crlf file",
        art(
            body=f"<!-- newslint-disable-next-line BD002 -->\nThe vote passed.   \n\n"
            f"Talks went on.   \n\n{LINK}\n",
            eol=CRLF,
        ),
        (("BD002", 10, 15, 10, 18, "safe"),),
        select="BD002",
        fixed=art(
            body=f"<!-- newslint-disable-next-line BD002 -->\nThe vote passed.   \n\n"
            f"Talks went on.\n\n{LINK}\n",
            eol=CRLF,
        ),
    ),
]


@cases(*SUPPRESSION_CASES)
def test_suppressions(case: Peer, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_case(case, root, capsys)


# ------------------------------------------------------------------ dates and time zones

SITE_UTC = 'baseURL = "https://news.example.org/"\ntheme = "mainroad"\n'

DATE_CASES = [
    # No zone from the site or the configuration: UTC is assumed, so the rewrite is unsafe; it
    # writes UTC as `Z` (RFC 3339 allows either).
    Peer(
        "DT001 yaml assumed utc",
        art("yaml", date="2025-02-08 09:55:35"),
        (("DT001", 3, 7, 3, 26, "unsafe"),),
        site=SITE_UTC,
        unsafe=art("yaml", date="2025-02-08T09:55:35Z"),
    ),
    Peer(
        "DT001 toml assumed utc",
        art("toml", date="2025-02-08T09:55:35"),
        (("DT001", 3, 8, 3, 27, "unsafe"),),
        site=SITE_UTC,
        unsafe=art("toml", date="2025-02-08T09:55:35Z"),
    ),
    Peer(
        "DT001 json assumed utc",
        art("json", date="2025-02-08 09:55:35"),
        (("DT001", 3, 11, 3, 32, "unsafe"),),
        site=SITE_UTC,
        unsafe=art("json", date="2025-02-08T09:55:35Z"),
    ),
    Peer("DT001 Z is an offset", art("json", date="2025-02-08T01:55:35Z"), ()),
    # Keys are matched as Hugo does, without regard to case; each keeps its own value form.
    Peer(
        "DT001 lower-case publishdate and ExpiryDate",
        art("toml", "publishdate=2025-02-08T09:00:00", 'ExpiryDate="2026-02-08"'),
        (("DT001", 5, 15, 5, 34, "safe"), ("DT001", 6, 14, 6, 26, "safe")),
        fixed=art(
            "toml",
            "publishdate=2025-02-08T09:00:00+08:00",
            'ExpiryDate="2026-02-08T00:00:00+08:00"',
        ),
    ),
    # DT004 on the later key, in every syntax.
    Peer(
        "DT004 yaml lastmod before date",
        art("yaml", "lastmod=2025-02-01T09:00:00+08:00"),
        (("DT004", 5, 10, 5, 35, None),),
    ),
    Peer(
        "DT004 toml lastmod before date",
        art("toml", "lastmod=2025-02-01T09:00:00+08:00"),
        (("DT004", 5, 11, 5, 36, None),),
    ),
    Peer(
        "DT004 json lastmod before date",
        art("json", 'lastmod="2025-02-01T09:00:00+08:00"'),
        (("DT004", 5, 14, 5, 41, None),),
    ),
]


@cases(*DATE_CASES)
def test_dates(case: Peer, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_case(case, root, capsys)


def test_a_configured_time_zone_makes_the_date_rewrite_safe(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = Peer("tz", art("yaml", date="2025-02-08 09:55:35"), (), site=SITE_UTC)
    write(root, case)
    (root / "newslint.toml").write_text('timezone = "Asia/Tokyo"\n', encoding="utf-8")
    _, found = check_json(capsys, case.path, "--select", "DT001")
    assert [diag(d) for d in found] == [("DT001", 3, 7, 3, 26, "safe")]
    assert fix_twice(root, Peer("tz", case.text, (), select="DT001", site=SITE_UTC), capsys) == (
        art("yaml", date="2025-02-08T09:55:35+09:00").encode()
    )


def test_json_paths_are_relative_with_slashes_and_sorted(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """However a file is named on the command line (`./x`, absolute, twice), the JSON path is
    relative to the working directory with `/`, each file is reported once, and the array is
    sorted by path then position; no problem at all is `[]`."""
    (root / "hugo.toml").write_text(SITE, encoding="utf-8")
    bad = art(title=q("Budget &amp; talks"))
    for name in ("content/news/b.md", "content/news/a.md", "content/news/sub/a.md"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(bad, encoding="utf-8")
    paths = ["content/news/b.md", "./content/news/a.md", str(root / "content/news/sub/a.md")]
    _, out, _ = run(
        capsys,
        "check",
        *paths,
        "content/news/b.md",
        "--no-cache",
        "--select",
        "TX003",
        "--output-format",
        "json",
    )
    found = json.loads(out)
    assert [(d["path"], d["line"], d["column"]) for d in found] == [
        ("content/news/a.md", 2, 16),
        ("content/news/b.md", 2, 16),
        ("content/news/sub/a.md", 2, 16),
    ]
    code, out, _ = run(
        capsys,
        "check",
        "content/news/a.md",
        "--no-cache",
        "--select",
        "BD005",
        "--output-format",
        "json",
    )
    assert (code, json.loads(out)) == (0, [])
