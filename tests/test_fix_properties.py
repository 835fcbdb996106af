"""Properties of `newslint fix` over generated articles, with every built-in rule selected.

Articles are built from realistic parts and damaged the ways real ones are: random front-matter
values (YAML, TOML, JSON, broken, unterminated, none), mojibake, entities, invisible and control
characters, NBSP paragraphs, bad links, CR/CRLF line endings, a BOM, bytes that are not UTF-8, and
empty files. Properties:

- fixing is idempotent: fixing the fixed bytes changes nothing (safe, and with unsafe fixes);
- front matter that parsed still parses, in the same format, and every key that no applied fix
  touched keeps its value;
- no safe fix removes a word of prose (words are counted with invisible characters removed,
  which is how a reader sees them);
- outside the spans of the applied fixes the original bytes are kept, in order, and the diff shows
  no changed line that a fix did not touch.

The default profile is short (a few seconds); `NEWSLINT_HYPOTHESIS_PROFILE=long` runs thousands
of examples. The example database lives in `.hypothesis/` (gitignored).
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections import Counter
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newslint.config import Config
from newslint.document import Document, encode
from newslint.engine import FixOutcome, build_ruleset, fix_document
from newslint.site import Site
from tests.fixcheck import gaps_kept, unexplained_changes

LONG = os.environ.get("NEWSLINT_HYPOTHESIS_PROFILE") == "long"
PROFILE = settings(
    max_examples=3000 if LONG else 40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
RULESET = build_ruleset(Config(presets=["hugo", "news", "mainroad"]), select=["ALL"])
SITE = Site(time_zone="Asia/Shanghai", theme="mainroad")
PATH = "content/en/news/article.en.md"

# Prose words: what the "no word removed" property counts. Nothing else generated is one of them.
WORDS = [
    "budget", "council", "minister", "approved", "Tuesday", "inflation", "markets", "talks",
    "café", "naïve", "Zürich", "São", "预算", "通过", "бюджет", "принят", "Ελλάδα",
]  # fmt: skip
VOCABULARY = set(WORDS)
# Damage, each a separate token (bytes that are not UTF-8 are lone surrogates until encoded).
DEFECTS = [
    "â€™", "Ã©", "Â ", "â€œquoteâ€\x9d", "SÃ£o", "&#39;", "&amp;", "&quot;", "\u200b", "\u200e",
    "\u202e", "\ufeff", "\x01", "\x7f", "\x85", "\u00a0", "  ", "\t", "{{", "{{< x >}}", "<b>",
    "\ufffd", "\udcff", "\udcc3", "\udca9\udc80", "U.S.", "3.5",
]  # fmt: skip
LINKS = [
    "[x1](https://example.com/a?utm_source=x2&id=3)", "[](https://example.com/e)",
    "[x3](https://exa mple.com/s p)", "[x4](javascript:void(0))", "[x5](/relative/x6)",
    "[x7](http://example.org/x8)", "![](https://example.com/i.png)", "<https://example.com>",
]  # fmt: skip
DATES = [
    "2025-02-08 09:55:35", "2025-02-08T09:55:35+08:00", "2025-02-08", "", "2025/02/08",
    "2025-13-40", "2025-02-08T09:55:35Z", "2999-01-01 00:00:00",
]  # fmt: skip
KEYS = [
    "title", "date", "lastmod", "summary", "menu", "lead", "sidebar", "widgets", "thumbnail",
    "comments", "tags", "sumary", "publishDate", "source", "draft", "mathjax",
]  # fmt: skip

word = st.sampled_from(WORDS)
# "budget.The", 'said,"After': a missing space after sentence punctuation.
glued = st.builds(
    lambda a, b, p: f"{a}{p}{b.capitalize()}", word, word, st.sampled_from([".", ',"'])
)
token = st.one_of(word, word, word, glued, st.sampled_from(DEFECTS), st.sampled_from(LINKS))
sentence = st.lists(token, min_size=1, max_size=12).map(" ".join)
line_end = st.sampled_from(["", "", "  ", " ", "\u00a0", "\t"])  # trailing whitespace
paragraph = st.one_of(
    st.builds(lambda s, e: s + e, sentence, line_end),
    st.sampled_from(["\u00a0", " \u00a0 ", "", "# heading budget", "> talks", "- markets"]),
)
body = st.lists(paragraph, max_size=8).map(
    lambda ps: "".join(p + "\n" + "\n" * (i % 3) for i, p in enumerate(ps))
)
text_value = st.lists(st.one_of(word, st.sampled_from(DEFECTS)), max_size=6).map(" ".join)
scalar: st.SearchStrategy[Any] = st.one_of(
    text_value,
    st.sampled_from(DATES),
    st.integers(-3, 3),
    st.booleans(),
    st.none(),
    st.sampled_from(["right", "Left", "", "false", "true", "search", "recent", "x9"]),
)
value = st.one_of(scalar, st.lists(scalar, max_size=3), st.just({"image": "a.png"}))
widget = st.sampled_from(["search", "recent", "taglist", "", "Search", "x9"])
# Most articles have the bulwark shape (each key present with probability 3/4), then extras.
SHAPE: list[tuple[str, st.SearchStrategy[Any]]] = [
    ("title", text_value),
    ("date", st.sampled_from(DATES)),
    ("summary", text_value),
    ("tags", st.lists(st.sampled_from(["x1", "x2", ""]), max_size=2)),
    ("menu", st.sampled_from(["", "main"])),
    ("lead", st.one_of(st.just(""), text_value)),
    ("thumbnail", st.one_of(st.just(""), st.just({"image": "a.png"}))),
    ("comments", st.sampled_from([False, "false", "true"])),
    ("sidebar", st.sampled_from(["right", "Left", "", False])),
    ("widgets", st.lists(widget, max_size=4)),
]


@st.composite
def fields(draw: st.DrawFn) -> list[tuple[str, Any]]:
    items = [(key, draw(values)) for key, values in SHAPE if draw(st.integers(0, 3))]
    return items + draw(st.lists(st.tuples(st.sampled_from(KEYS), value), max_size=4))


def _yaml_scalar(item: Any, style: str) -> str:
    if item is None:
        return ""
    if isinstance(item, bool | int):
        return json.dumps(item)
    text = str(item)
    if style == "'" and "\n" not in text:
        return "'" + text.replace("'", "''") + "'"
    if style == "plain" and re.fullmatch(r"[A-Za-z][A-Za-z0-9 ]*", text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _yaml(items: list[tuple[str, Any]], style: str) -> str:
    lines = []
    for key, item in items:
        if isinstance(item, dict):
            lines.append(
                f"{key}:" + "".join(f"\n  {k}: {_yaml_scalar(v, style)}" for k, v in item.items())
            )
        elif isinstance(item, list):
            lines.append(f"{key}:" + "".join(f"\n  - {_yaml_scalar(v, style)}" for v in item))
        else:
            lines.append(f"{key}: {_yaml_scalar(item, style)}".rstrip())
    return "---\n" + "".join(line + "\n" for line in lines) + "---\n"


def _toml(items: list[tuple[str, Any]]) -> str:
    lines = []
    for key, item in dict(items).items():
        if item is None or isinstance(item, dict):
            continue
        if isinstance(item, list):
            item = [v for v in item if v is not None]
            if len({type(v) for v in item}) > 1:
                item = [str(v) for v in item]
        lines.append(f"{key} = {json.dumps(item, ensure_ascii=False)}")
    return "+++\n" + "".join(line + "\n" for line in lines) + "+++\n"


@st.composite
def articles(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["yaml", "yaml", "yaml", "toml", "json", "none", "broken", "open"]))
    items = draw(fields())
    if kind == "yaml":
        head = _yaml(items, draw(st.sampled_from(['"', "'", "plain"])))
    elif kind == "toml":
        head = _toml(items)
    elif kind == "json":
        head = json.dumps(dict(items), ensure_ascii=False, indent=2) + "\n"
    elif kind == "broken":
        head = '---\ntitle: "unterminated\ndate: 2025-02-08\n---\n'
    elif kind == "open":
        head = "---\ntitle: budget\n"
    else:
        head = ""
    text = head + "\n" + draw(body)
    if draw(st.booleans()):
        text += "\n[source](https://example.com/x0?utm_medium=x9)\n"
    if draw(st.integers(0, 9)) == 0:
        text = ""
    ending = draw(st.sampled_from(["\n", "\n", "\n", "\r\n", "\r"]))
    text = text.replace("\n", ending)
    if draw(st.integers(0, 4)) == 0:
        text = "\ufeff" + text
    return text.encode("utf-8", "surrogateescape")


def fix(raw: bytes, *, unsafe: bool = False) -> tuple[bytes, FixOutcome, Document]:
    doc = Document.from_bytes(raw, PATH, SITE)
    outcome = fix_document(doc, RULESET, unsafe=unsafe)
    return encode(outcome.text), outcome, doc


_INVISIBLE = {"Cc", "Cf"}


def prose_words(raw: bytes) -> Counter[str]:
    """The vocabulary words of the text as a reader sees it (invisible characters removed)."""
    text = raw.decode("utf-8", "replace")
    seen = "".join(c for c in text if c in "\n\r\t" or unicodedata.category(c) not in _INVISIBLE)
    return Counter(w for w in re.findall(r"\w+", seen) if w in VOCABULARY)


def untouched_values(doc: Document, outcome: FixOutcome) -> dict[str, list[Any]]:
    """Front-matter values of the keys no applied fix touched (by original span)."""
    assert doc.front_matter is not None
    spans = outcome.original_spans
    values: dict[str, list[Any]] = {}
    touched = set()
    for entry in doc.front_matter.root.entries:
        values.setdefault(entry.key, []).append(entry.node.value)
        area = entry.entry_span
        for span in spans:
            inside = (
                area.start < span.start < area.end
                if not len(span)
                else (span.start < area.end and area.start < span.end)
            )
            if inside:
                touched.add(entry.key)
    return {k: v for k, v in values.items() if k not in touched}


def values_of(doc: Document) -> dict[str, list[Any]]:
    assert doc.front_matter is not None
    values: dict[str, list[Any]] = {}
    for entry in doc.front_matter.root.entries:
        values.setdefault(entry.key, []).append(entry.node.value)
    return values


@PROFILE
@given(articles())
# Two equal headings: the diff aligns the line whose trailing space went away with the other one.
@example(
    b"\xef\xbb\xbf+++\nwidgets = []\n+++\n\n\xc2\xa0\n\xc2\xa0\n\n# heading budget\n\n\n"
    b"# heading budget\nbudget \n\n"
)
def test_safe_fix_is_idempotent_and_keeps_meaning_and_words(raw: bytes) -> None:
    fixed, outcome, doc = fix(raw)
    again, _, _ = fix(fixed)
    assert again == fixed, "fixing the fixed file changed it again"
    assert not [d for d in outcome.result.diagnostics if d.rule == "internal-error"]
    if not outcome.changed:
        assert fixed == raw
        return
    spans = outcome.original_spans
    assert gaps_kept(raw, fixed, spans), "bytes outside the applied fixes changed"
    assert unexplained_changes(raw, fixed, spans) == []
    if doc.front_matter is not None:
        after = Document.from_bytes(fixed, PATH, SITE)
        assert after.front_matter is not None, "the front matter stopped parsing"
        assert after.front_matter.format == doc.front_matter.format
        now = values_of(after)
        for key, before in untouched_values(doc, outcome).items():
            assert repr(now.get(key)) == repr(before), f"{key!r} changed without a fix touching it"
    lost = prose_words(raw) - prose_words(fixed)
    assert not lost, f"safe fixes removed words {dict(lost)}: {outcome.applied}"


@PROFILE
@given(articles())
def test_unsafe_fix_is_idempotent(raw: bytes) -> None:
    fixed, outcome, doc = fix(raw, unsafe=True)
    again, _, _ = fix(fixed, unsafe=True)
    assert again == fixed, "fixing the fixed file changed it again"
    if doc.front_matter is not None and outcome.changed:
        assert Document.from_bytes(fixed, PATH, SITE).front_matter is not None
