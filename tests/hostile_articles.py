"""Hostile articles that stack several defects in one file, often in one line and one value.

`tests/test_fix_properties.py` damages articles one token at a time; here the defects are glued
together where real scrapes glue them: mojibake touching an entity touching a run of non-breaking
spaces in a title; a link that is `http://`, carries tracking parameters and has a space; a BOM,
CRLF line endings, trailing white space and runs of blank lines in one file; control characters
inside front-matter values; an empty field next to a duplicate key; a truncated summary full of
entities; YAML, TOML and JSON front matter. Fixes of different rules then meet in the same span.

`hostile_articles()` draws (the text, a label of the front-matter format) as bytes.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

WORDS = ["budget", "council", "minister", "Tuesday", "café", "São", "Zürich", "预算", "бюджет"]
# Pieces of damage that are glued to each other and to words without a space between them.
PIECES = [
    "Ã©",  # é read as Windows-1252
    "â€™",  # ’
    "â€œ",  # “
    "Â ",  # NBSP read as Windows-1252
    "SÃ£o",
    "&amp;",
    "&#39;",
    "&quot;",
    "&nbsp;",
    "&lt;b&gt;",
    "&#123;&#123;",
    "\u00a0",
    "\u00a0\u00a0",
    "\u00a0 \u00a0",
    "  ",
    "\t",
    "\u200b",
    "\u200e",
    "\ufeff",
    "\x01",
    "\x07",
    "\x1b",
    "\x7f",
    "\x85",
    "\u0092",
    ".The",
    ',"After',
    "...",
    "…",
    "{{",
    "\ufffd",
    "\u2028",
    "\x0c",
    "\u202e",
]
URL_HOSTS = [
    "http://example.com",
    "https://example.com",
    "http://exa mple.org",
    "//cdn.example.com",
]
URL_PATHS = ["/a", "/a b", "/news/1", "", "/x%20y", "/é"]
URL_QUERIES = [
    "",
    "?utm_source=x",
    "?id=3&utm_medium=y",
    "?utm_source=a b&fbclid=1",
    "?a=1&&gclid=2#frag",
    "?id=1&amp;utm_campaign=z",
]

word = st.sampled_from(WORDS)
piece = st.sampled_from(PIECES)
# A run of words and pieces with a random separator (often none: the defects touch).
glue = st.sampled_from(["", "", " ", "\u00a0"])


@st.composite
def stacked(draw: st.DrawFn, min_size: int = 1, max_size: int = 6) -> str:
    parts = draw(st.lists(st.one_of(word, piece, piece), min_size=min_size, max_size=max_size))
    return "".join(p + draw(glue) for p in parts).rstrip(" ") if parts else ""


@st.composite
def url(draw: st.DrawFn) -> str:
    return (
        draw(st.sampled_from(URL_HOSTS))
        + draw(st.sampled_from(URL_PATHS))
        + draw(st.sampled_from(URL_QUERIES))
    )


@st.composite
def link(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(["src", "", "Ã©", "a&amp;b", "x\u00a0y", "a.The", "{{x"]))
    bang = draw(st.sampled_from(["", "", "!"]))
    target = draw(url())
    form = draw(st.integers(0, 5))
    if form == 0:
        return f"<{target}>"  # an autolink (no space allowed: it is text when there is one)
    if form == 1:
        return f'{bang}[{text}]({target} "Ã© title")'
    if form == 2:
        return f"{bang}[{text}](<{target}>)"
    return f"{bang}[{text}]({target})"


# Text fields, with a truncated summary often; empty, control characters and duplicates later.
TEXT_KEYS = ["title", "summary", "lead"]


@st.composite
def summary(draw: st.DrawFn) -> str:
    text = draw(stacked(min_size=2))
    return text + draw(st.sampled_from(["", "...", "…", " wou", "&hellip;", "&quot;..."]))


@st.composite
def fields(draw: st.DrawFn) -> list[tuple[str, Any]]:
    """Front-matter items in order; keys may repeat and values may be empty."""
    base: list[tuple[str, Any]] = [
        ("title", draw(stacked())),
        ("date", draw(st.sampled_from(["2025-02-08 09:55:35", "2025-02-08T09:55:35+08:00", ""]))),
        ("summary", draw(summary())),
    ]
    # Each is missing now and then (FM004 inserts a summary; FM007 renames `sumary` to it).
    items = [item for item in base if draw(st.integers(0, 4))]
    extra = st.one_of(
        st.tuples(st.sampled_from(TEXT_KEYS), st.one_of(stacked(), st.just(""))),
        st.tuples(st.sampled_from(["menu", "lead", "tags", "thumbnail"]), st.just("")),
        st.tuples(st.just("source"), url()),
        st.tuples(st.just("sidebar"), st.sampled_from(["Left", "", "right"])),
        st.tuples(st.just("widgets"), st.lists(st.sampled_from(["search", "", "Search"]))),
        st.tuples(st.just("comments"), st.sampled_from(["false", True])),
        st.tuples(st.just("sumary"), stacked()),
        st.tuples(st.sampled_from(["draft", "mathjax"]), st.sampled_from(["true", "false"])),
        st.tuples(st.just("lastmod"), st.sampled_from(["2025-02-07 08:00", "2025/02/09", ""])),
        st.tuples(st.just("tags"), st.lists(st.sampled_from(["a", "", "Ã©"]), max_size=3)),
    )
    for key, value in draw(st.lists(extra, max_size=5)):
        items.insert(draw(st.integers(0, len(items))), (key, value))
    # A duplicate key right next to an empty field, now and then.
    if draw(st.booleans()):
        key = draw(st.sampled_from(["title", "summary", "menu", "lead"]))
        at = draw(st.integers(0, len(items)))
        items[at:at] = [(draw(st.sampled_from(["menu", "lead"])), ""), (key, draw(stacked()))]
    return items


def _yaml_scalar(value: Any, style: str) -> str:
    if isinstance(value, bool):
        return json.dumps(value)
    text = str(value)
    if style in ("|", ">-") and text and "\n" not in text and not text.startswith((" ", "\t")):
        return f"{style}\n  {text}"
    if style == "'":
        return "'" + text.replace("'", "''") + "'"
    if style == "plain" and text and text.isalnum():
        return text
    if style == "raw":  # control characters written as they are, which YAML refuses
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return json.dumps(text, ensure_ascii=False)


def yaml_front_matter(items: list[tuple[str, Any]], style: str, tails: list[str]) -> str:
    """YAML with each value in `style`; `tails` (cycled) end the lines: trailing white space, a
    comment, a suppression comment."""
    lines = []
    for key, value in items:
        if isinstance(value, list):
            item_style = '"' if style in ("|", ">-") else style
            lines.append(f"{key}:" + "".join(f"\n  - {_yaml_scalar(v, item_style)}" for v in value))
        elif value == "" and style == "plain":
            lines.append(f"{key}:")
        else:
            lines.append(f"{key}: {_yaml_scalar(value, style)}")
    lines = [line + tails[i % len(tails)] for i, line in enumerate(lines)]
    return "---\n" + "".join(line + "\n" for line in lines) + "---\n"


def _toml_string(text: str, raw: bool) -> str:
    if raw:  # a literal string keeps control characters as written (TOML refuses most)
        return "'" + text.replace("'", "") + "'"
    return json.dumps(text, ensure_ascii=False)


def toml_front_matter(items: list[tuple[str, Any]], raw: bool) -> str:
    lines = []
    for key, value in items:  # duplicates kept: TOML refuses them (a syntax error)
        if isinstance(value, list):
            rendered = "[" + ", ".join(_toml_string(str(v), raw) for v in value) + "]"
        elif isinstance(value, bool):
            rendered = json.dumps(value)
        else:
            rendered = _toml_string(str(value), raw)
        lines.append(f"{key} = {rendered}")
    return "+++\n" + "".join(line + "\n" for line in lines) + "+++\n"


def json_front_matter(items: list[tuple[str, Any]], raw: bool) -> str:
    members = []
    for key, value in items:  # duplicate members kept as written
        text = json.dumps(value, ensure_ascii=False)
        if raw:  # raw control characters inside strings: invalid JSON
            for escape, char in (("\\u0001", "\x01"), ("\\u0007", "\x07"), ("\\t", "\t")):
                text = text.replace(escape, char)
        members.append(f"  {json.dumps(key)}: {text}")
    return "{\n" + ",\n".join(members) + "\n}\n"


# Lines that end YAML front-matter lines: mostly nothing.
TAILS = ["", "", "", "  ", "\t", " # note", "  # newslint: disable=TX005", "\u00a0"]
# Body blocks other than prose: the same defects where they are code, or suppressed, or doubled.
BLOCKS = [
    "\u00a0",
    "&nbsp;",
    " \u00a0 ",
    "# Ã©lection&amp;\u00a0\u00a0vote",
    "> â€œ",
    "```\nÃ© &amp;\u00a0 {{ x  \n```",
    "    indented Ã©  ",
    "`Ã©&amp;` code",
    "<!-- newslint-disable-next-line EN001 -->\nÃ© budget",
    "- Ã©\u00a0\u00a0a\n- &amp;  ",
    "| a | Ã© |\n|---|---|\n| &amp; | x  |",
    "[1]: http://example.com/a?utm_source=x",
    "see [x][1]",
    "<b>Ã©</b>",
]


@st.composite
def body(draw: st.DrawFn) -> str:
    paragraphs = draw(
        st.lists(
            st.one_of(
                stacked(min_size=2, max_size=8),
                st.builds(lambda a, b: f"{a} {b}", stacked(), link()),
                st.sampled_from(BLOCKS),
            ),
            max_size=5,
        )
    )
    if paragraphs and draw(st.integers(0, 4)) == 0:  # the same paragraph twice (BD007)
        paragraphs.append(paragraphs[0])
    out = []
    for paragraph in paragraphs:
        trailing = draw(st.sampled_from(["", "", " ", "  ", "   ", "\t", "\u00a0", " \u00a0"]))
        blanks = draw(st.sampled_from([1, 1, 2, 3, 4]))
        # Blank lines may hold white space too (trailing-whitespace and blank-lines meet there).
        gap = draw(st.sampled_from(["", "", " ", "\u00a0", "\t"]))
        out.append(paragraph + trailing + "\n" + (gap + "\n") * (blanks - 1))
    source = draw(st.one_of(st.none(), link()))
    if source is not None:
        out.append(source.lstrip("!") + "\n")
    return "".join(out)


@st.composite
def hostile_articles(draw: st.DrawFn) -> bytes:
    items = draw(fields())
    kind = draw(st.sampled_from(["yaml", "yaml", "yaml", "toml", "json"]))
    raw = draw(st.integers(0, 3)) == 0
    if kind == "yaml":
        style = "raw" if raw else draw(st.sampled_from(['"', "'", "plain", "|", ">-"]))
        tails = draw(st.lists(st.sampled_from(TAILS), min_size=1, max_size=4))
        head = yaml_front_matter(items, style, tails)
    elif kind == "toml":
        head = toml_front_matter(items, raw)
    else:
        head = json_front_matter(items, raw)
    text = head + draw(st.sampled_from(["", "\n", "\n\n\n"])) + draw(body())
    ending = draw(st.sampled_from(["\n", "\r\n", "\r\n", "\r", "mixed"]))
    if ending == "mixed":
        lines = text.split("\n")
        text = (
            "".join(line + draw(st.sampled_from(["\n", "\r\n"])) for line in lines[:-1]) + lines[-1]
        )
    else:
        text = text.replace("\n", ending)
    # Now and then a few pieces of damage anywhere at all: in a key, a delimiter, a URL.
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2, 3]))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(piece) + text[at:]
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text.encode("utf-8", "surrogateescape")
