"""The simple-front-matter scanner reads exactly what libyaml reads, span for span.

`matter._simple_yaml` handles flat `key: value` lines and block lists of scalars without libyaml;
anything else it hands back (None). Where it answers, its tree must equal `matter._composed_yaml`'s:
kinds, values (with their Python types), tags, quoting styles, and every key, value and entry span.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from newslint import matter
from newslint.events import Node
from newslint.spans import Span

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _tree(node: Node) -> Any:
    """Everything a rule can read from a node, as plain comparable data."""
    return (
        node.kind,
        type(node.value).__name__,
        node.value,
        node.span,
        node.tag,
        node.style,
        [_tree(item) for item in node.items],
        [(e.key, e.key_span, e.entry_span, _tree(e.node)) for e in node.entries],
    )


def _both(text: str) -> tuple[Node | None, Node | list[matter.FrontMatterError]]:
    found = matter.split(text)
    assert isinstance(found, matter.Split)
    simple = matter._simple_yaml(text, found.content_span)
    return simple, matter._composed_yaml(text, found.content_span)


def _assert_same(text: str) -> bool:
    """True when the scanner answered (and agreed); False when it handed the text to libyaml."""
    simple, composed = _both(text)
    if simple is None:
        return False
    assert isinstance(composed, Node), f"libyaml refuses what the scanner read: {composed}"
    assert _tree(simple) == _tree(composed)
    return True


def test_typical_hugo_front_matter_is_read_without_libyaml_and_identically() -> None:
    text = (
        "---\n"
        "title: \"Hesai&#39;s Lidar: a 'big' # role\"\n"
        "date: 2025-02-11 23:51:47\n"
        "weight: 10\n"
        "ratio: 1.5\n"
        "draft: no\n"
        "empty: ''\n"
        "nothing: null\n"
        "categories:\n"
        '  - "benzinga"\n'
        "  - news \n"
        "\n"
        "# a comment between keys\n"
        "tags:\n"
        "- a\n"
        "- 'b c'\n"
        "sidebar: right   \n"
        "---\n"
        "Body\n"
    )
    simple, composed = _both(text)
    assert simple is not None
    assert isinstance(composed, Node)
    assert _tree(simple) == _tree(composed)
    # The values a rule sees, spot-checked against the text.
    fields = {e.key: e.node for e in simple.entries}
    assert fields["draft"].value is False and fields["draft"].tag == "bool"
    assert fields["weight"].value == 10 and fields["ratio"].value == 1.5
    assert fields["date"].tag == "timestamp" and fields["date"].value == "2025-02-11 23:51:47"
    assert fields["nothing"].value is None and fields["nothing"].tag == "null"
    assert fields["empty"].style == "'"
    assert fields["categories"].value == ["benzinga", "news"]
    # A list ends where libyaml ends it: at the next key, less trailing whitespace, so the comment
    # line before that key is inside the span.
    assert text[fields["categories"].span.start : fields["categories"].span.end] == (
        '- "benzinga"\n  - news \n\n# a comment between keys'
    )
    assert text[fields["tags"].span.start : fields["tags"].span.end] == "- a\n- 'b c'"


@pytest.mark.parametrize(
    "content",
    [
        'title: "tab\\there"\n',  # escapes other than \" \\ \/: libyaml decodes them
        'title: "\\u00e9"\n',
        'title: "open\\"\n',  # the closing quote is escaped
        "title: a: b\n",  # a mapping value inside a plain scalar: an error
        "title: value # comment\n",
        "title: |\n  block\n",
        "title: &a x\nother: *a\n",
        "title: !!str 12\n",
        "menu:\n",  # null without a value
        "menu:\n  main:\n    weight: 1\n",  # nested map
        "tags:\n  - a\n    - b\n",  # uneven list
        "tags: [a, b]\n",  # flow list
        "title: x\n  continued\n",  # a folded plain scalar
        "\ttitle: x\n",
        "title: a\u2028b\n",  # a YAML 1.1 line break
        "title: \u00e9t\u00e9\x85\n",  # NEL
        "title: x\r\nother: y\r\n",  # CR line breaks
        '"quoted key": 1\n',
        "? complex\n: key\n",
        "- a\n- b\n",  # a list, not a map
        "%YAML 1.1\n---\ntitle: x\n",
        "title: x\n...\n",
        "key:value\n",
    ],
)
def test_anything_outside_the_subset_goes_to_libyaml(content: str) -> None:
    text = f"---\n{content}---\n"
    found = matter.split(text)
    assert isinstance(found, matter.Split)
    assert matter._simple_yaml(text, found.content_span) is None


def test_parse_still_reports_libyaml_errors_for_what_the_scanner_hands_back() -> None:
    text = "---\ntitle: a: b\n---\n"
    found = matter.split(text)
    assert isinstance(found, matter.Split)
    errors = matter.parse(text, found)
    assert isinstance(errors, list)
    assert errors[0].message == "YAML: mapping values are not allowed in this context"
    assert errors[0].span == Span(12, 12)


_KEYS = st.sampled_from(
    ["title", "date", "yes", "on", "null", "No", "a-b", "_x", "k1", "True", "y", "x_"]
)
_PLAIN_CHARS = st.sampled_from(
    # YAML's specials, then letters, spaces and line breaks YAML 1.1 reads its own way.
    [
        *"abcXYZ019 .,:#'\"-_+~=*&!|>%@`[]{}?<eE/\\",
        *"\u00e9\u4e2d\u00a0\u2028\ufeff\t\x85\U0001f600",
    ]
)
_SPECIAL_WORDS = st.sampled_from(
    [
        "yes", "No", "on", "OFF", "~", "null", "Null", "true", "1", "-1", "+12", "0x1F", "0o17",
        "017", "0b101", "1_000", "1:30", "190:20:30", "1.5", ".5", "1e3", "1.0e+3", "._", ".inf",
        "-.INF", ".NaN", "2024-01-02", "2024-01-02 03:04:05", "2024-01-02T03:04:05Z", "2002-1-1",
        "<<", "=", "---", "...", "- a", "a #b", "C#", "x:", "a: b", "", '\\"', "\\\\", "\\/",
        "\\t", "\\u00e9", "''", "a''b", '"a"', "'",
    ]
)  # fmt: skip
_SAFE_TEXT = st.text(st.sampled_from(list("abcXYZ019 .-_/")), max_size=12)
_TRICKY_TEXT = st.text(_PLAIN_CHARS, max_size=12)


@st.composite
def _scalar_source(draw: st.DrawFn) -> str:
    # Mostly text inside the subset, so the comparison runs often; the rest probes its edges.
    kind = draw(st.integers(0, 9))
    text = draw(_SAFE_TEXT if kind < 6 else _SPECIAL_WORDS if kind < 8 else _TRICKY_TEXT)
    quote = draw(st.sampled_from(["", "", '"', "'"]))
    return f"{quote}{text}{quote}" + draw(st.sampled_from(["", "", " ", "  "]))


@st.composite
def _front_matter(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        key = draw(_KEYS)
        if draw(st.booleans()):
            gap = draw(st.sampled_from([" "] * 6 + ["  ", ""]))
            lines.append(f"{key}:{gap}{draw(_scalar_source())}")
        else:
            lines.append(f"{key}:{draw(st.sampled_from(['', ' ']))}")
            indent = draw(st.sampled_from(["", "  ", "    "]))
            for _ in range(draw(st.integers(0, 3)) or draw(st.integers(0, 3))):
                gap = draw(st.sampled_from([" "] * 6 + ["  ", ""]))
                lines.append(f"{indent}-{gap}{draw(_scalar_source())}")
                if draw(st.integers(0, 5)) == 0:
                    lines.append(draw(st.sampled_from(["", "  ", "# note", "  # note", "   "])))
        if draw(st.integers(0, 12)) == 0:
            lines.append(draw(st.sampled_from(["", "# note", "  ", " x", "- y"])))
    return "---\n" + "\n".join(lines) + "\n---\nbody\n"


@settings(max_examples=1500, deadline=None)
@given(_front_matter())
@example("---\ntitle: x\n---\n")
@example("---\ntags:\n- a\n\n# c\n\nlast: 1\n---\n")
@example("---\ntags:\n  - 'a'  \n---\n")
@example("---\n# lead comment\n\ntags:\n# before the first item\n  - a\ntrue: ~\ntrue: 2\n---\n")
@example("---\ntitle: \"say \\\"hi\\\" \\\\ \\/\"\nquote: 'it''s'\n---\n")
def test_scanner_equals_libyaml_wherever_it_answers(text: str) -> None:
    # A generated line that starts with the delimiter (`---0`) ends the block there, as Hugo
    # does, which is an error: no front matter to compare.
    assume(isinstance(matter.split(text), matter.Split))
    _assert_same(text)


def _yaml_articles(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in (".md", ".markdown", ".html"))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not checked out")
def test_scanner_equals_libyaml_on_every_real_article() -> None:
    answered = {"bulwark": 0, "other": 0, "seed": 0}
    for group in answered:
        for path in _yaml_articles(CORPUS / group):
            text = path.read_bytes().decode("utf-8", "replace")
            found = matter.split(text, 1 if text.startswith("\ufeff") else 0)
            if not isinstance(found, matter.Split) or found.format != "yaml":
                continue
            if not text[found.content_span.start : found.content_span.end].strip():
                continue
            answered[group] += _assert_same(text)
    # Every bulwark article is in the subset (the speed of a whole-site run rests on it), and so is
    # some of the mixed Hugo/Jekyll sample.
    assert answered["bulwark"] == len(_yaml_articles(CORPUS / "bulwark"))
    assert answered["other"] > 0


# The quoted-scalar patterns as first written (one regex step per character); the scanner's are
# possessive, which must read every line the same.
_PLAIN_DOUBLE = r'"((?:[^"\\]|\\["\\/])*)"'
_PLAIN_SINGLE = r"'((?:[^']|'')*)'"


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="\"'\\/ a#:n", max_size=14))
@example('"a\\"')
@example("'it''")
@example("'it'' ")
@example("'it''s' ")
@example('"a\\\\" ')
def test_possessive_quoted_patterns_read_what_the_plain_ones_read(rest: str) -> None:
    import re

    plain = (re.compile(_PLAIN_DOUBLE), re.compile(_PLAIN_SINGLE))
    line = "key: " + rest
    fast = matter._simple_scalar(line, 5)
    saved = matter._DOUBLE_QUOTED, matter._SINGLE_QUOTED
    matter._DOUBLE_QUOTED, matter._SINGLE_QUOTED = plain
    try:
        assert matter._simple_scalar(line, 5) == fast
    finally:
        matter._DOUBLE_QUOTED, matter._SINGLE_QUOTED = saved
    # The double-quoted one is the same regex outright: only the maximal run can close.
    assert [(m.span(), m.groups()) for m in [saved[0].match(line, 5)] if m] == [
        (m.span(), m.groups()) for m in [plain[0].match(line, 5)] if m
    ]


_RESOLVER_WORDS = [
    *[
        "yes",
        "Yes",
        "YES",
        "no",
        "No",
        "NO",
        "true",
        "True",
        "TRUE",
        "false",
        "False",
        "FALSE",
        "on",
        "On",
        "ON",
        "off",
        "Off",
        "OFF",
    ],
    *[
        "~",
        "null",
        "Null",
        "NULL",
        "nULL",
        "yES",
        "tRUE",
        "oN",
        "y",
        "n",
        "Y",
        "N",
        "t",
        "f",
        "o",
        "yes!",
        "no.",
        "onward",
        "offset",
        "nulls",
    ],
    *[
        "0",
        "1",
        "-1",
        "+1",
        ".5",
        "1e3",
        "1_000",
        "0x1F",
        "0o17",
        "0b101",
        "1:30",
        ".inf",
        "-.inf",
        ".NaN",
        "2025-02-01",
        "<<",
        "=",
        "-",
        "+",
        ".",
        "!",
        "&",
        "*",
    ],
    *[
        "title",
        "tags",
        "thumbnail",
        "draft",
        "date",
        "menu",
        "lead",
        "sidebar",
        "widgets",
        "Ünïcode",
        "中文",
        "_x",
        "@x",
    ],
    "",
]


@given(
    st.one_of(
        st.sampled_from(_RESOLVER_WORDS),
        st.text(alphabet=st.characters(blacklist_characters="\n"), max_size=8),
    )
)
@example("true")
def test_plain_scalars_are_tagged_as_pyyaml_tags_them(raw: str) -> None:
    """`_plain_tag` reads the booleans, the null and the strings without PyYAML; its resolver
    reads the rest. (A line break, which PyYAML's `$` allows before the end, is never in a raw
    value: the scanner splits the front matter into lines.)"""
    import yaml

    resolver = yaml.resolver.Resolver()
    assert matter._plain_tag(raw) == resolver.resolve(yaml.ScalarNode, raw, (True, False))


def test_the_scanners_resolver_table_is_pyyamls() -> None:
    """What `_plain_tag` and `_BOOLS` take from PyYAML's YAML 1.1 table, checked against it."""
    import yaml

    table = yaml.resolver.Resolver.yaml_implicit_resolvers
    assert None not in table  # no pattern is tried for every first character
    answered = {matter._BOOL_TAG, matter._NULL_TAG}
    others = {first for first, pairs in table.items() if any(t not in answered for t, _ in pairs)}
    assert others == set(matter._RESOLVED_BY_YAML)
    for first, pairs in table.items():
        for tag, pattern in pairs:
            if tag == matter._BOOL_TAG:
                words = matter._BOOL_WORDS
            elif tag == matter._NULL_TAG:
                words = matter._NULL_WORDS | {""}
            else:
                continue
            assert first == "" or all(pattern.match(w) for w in words if w[:1] == first)
            assert first == "" or not any(
                pattern.match(w) for w in _RESOLVER_WORDS if w[:1] == first and w not in words
            )
    assert yaml.constructor.SafeConstructor.bool_values == matter._BOOLS
