"""The document model: front matter split and spans for YAML, TOML and JSON; decoding; Markdown nodes."""

from __future__ import annotations

import pytest

from newslint.document import Document
from newslint.events import Code, Heading, Html, Link, Paragraph, Text


def pos(doc: Document, offset: int) -> tuple[int, int]:
    p = doc.position(offset)
    return p.line, p.column


def key_and_value(doc: Document, key: str) -> tuple[tuple[int, int], tuple[int, int], str]:
    field = doc.field(key)
    assert field is not None, key
    return (
        pos(doc, field.key_span.start),
        pos(doc, field.value_span.start),
        doc.text[field.value_span.start : field.value_span.end],
    )


YAML = (
    "---\n"
    'title: "Quoted: title"\n'
    "plain: unquoted value\n"
    "single: 'it''s'\n"
    "date: 2025-02-08 09:55:35\n"
    "tags:\n"
    "  - one\n"
    '  - "two"\n'
    "inline: [a, b]\n"
    "summary: >\n"
    "  folded text\n"
    "  on two lines\n"
    "empty:\n"
    "thumbnail:\n"
    "  src: img.jpg\n"
    "中文: 值\n"
    "---\n"
    "Body\n"
)


def test_yaml_spans() -> None:
    doc = Document.from_text(YAML)
    assert doc.front_matter is not None and doc.front_matter.format == "yaml"
    assert key_and_value(doc, "title") == ((2, 1), (2, 8), '"Quoted: title"')
    assert key_and_value(doc, "plain") == ((3, 1), (3, 8), "unquoted value")
    assert key_and_value(doc, "single") == ((4, 1), (4, 9), "'it''s'")
    assert doc.value("single") == "it's"
    assert key_and_value(doc, "date") == ((5, 1), (5, 7), "2025-02-08 09:55:35")
    assert doc.field("date").node.tag == "timestamp"  # type: ignore[union-attr]
    assert key_and_value(doc, "tags") == ((6, 1), (7, 3), '- one\n  - "two"')
    items = doc.field("tags").node.items  # type: ignore[union-attr]
    assert [(pos(doc, i.span.start), i.value, i.style) for i in items] == [
        ((7, 5), "one", None),
        ((8, 5), "two", '"'),
    ]
    assert key_and_value(doc, "inline") == ((9, 1), (9, 9), "[a, b]")
    key, value, source = key_and_value(doc, "summary")
    assert (key, value) == ((10, 1), (10, 10)) and source.startswith(">")
    assert doc.value("summary") == "folded text on two lines\n"
    empty = doc.field("empty")
    assert empty is not None and empty.value is None and empty.node.tag == "null"
    assert pos(doc, empty.key_span.start) == (13, 1)
    thumb = doc.field("thumbnail")
    assert thumb is not None and thumb.value == {"src": "img.jpg"}
    src = thumb.node.get("src")
    assert src is not None and pos(doc, src.node.span.start) == (15, 8)
    assert key_and_value(doc, "中文") == ((16, 1), (16, 5), "值")
    assert doc.body == "Body\n"


def test_yaml_entry_span_covers_whole_lines() -> None:
    doc = Document.from_text(YAML)
    tags = doc.field("tags")
    assert tags is not None
    assert doc.text[tags.entry_span.start : tags.entry_span.end] == 'tags:\n  - one\n  - "two"\n'


def test_crlf_and_bom_spans() -> None:
    text = '\ufeff---\r\ntitle: "A"\r\ndate: 2025-02-08\r\n---\r\nBody\r\n'
    doc = Document.from_text(text)
    assert doc.front_matter is not None
    # The BOM is one code point on line 1; the keys of later lines are unaffected.
    assert key_and_value(doc, "title") == ((2, 1), (2, 8), '"A"')
    assert key_and_value(doc, "date") == ((3, 1), (3, 7), "2025-02-08")
    assert doc.body == "Body\r\n"
    assert [line.ending for line in doc.iter_lines()] == ["\r\n"] * 5


def test_lone_cr_line_endings_count_as_lines() -> None:
    doc = Document.from_text('---\rtitle: "A"\r---\rBody\r')
    assert doc.position(doc.text.index("Body")).line == 4


TOML = (
    "+++\n"
    'title = "Budget"\n'
    "date = 2025-02-08T09:55:35+08:00\n"
    "draft = false\n"
    "tags = [\n"
    '  "one",\n'
    '  "two",\n'
    "]\n"
    "summary = '''\n"
    "multi\n"
    "line'''\n"
    "# a comment\n"
    "[params]\n"
    "x = 1\n"
    "+++\n"
    "Body\n"
)


def test_toml_spans() -> None:
    doc = Document.from_text(TOML)
    assert doc.front_matter is not None and doc.front_matter.format == "toml"
    assert key_and_value(doc, "title") == ((2, 1), (2, 9), '"Budget"')
    assert key_and_value(doc, "date") == ((3, 1), (3, 8), "2025-02-08T09:55:35+08:00")
    assert doc.field("date").node.tag == "timestamp"  # type: ignore[union-attr]
    assert key_and_value(doc, "draft") == ((4, 1), (4, 9), "false")
    assert doc.value("draft") is False
    key, value, source = key_and_value(doc, "tags")
    assert (key, value) == ((5, 1), (5, 8)) and source.endswith("]")
    items = doc.field("tags").node.items  # type: ignore[union-attr]
    assert [(pos(doc, i.span.start), i.value) for i in items] == [((6, 3), "one"), ((7, 3), "two")]
    key, value, source = key_and_value(doc, "summary")
    assert (key, value, source) == ((9, 1), (9, 11), "'''\nmulti\nline'''")
    assert doc.value("summary") == "multi\nline"
    params = doc.field("params")
    assert (
        params is not None
        and params.value == {"x": 1}
        and pos(doc, params.key_span.start) == (13, 2)
    )


JSON = (
    '{\n  "title": "Budget",\n  "tags": ["a", "b"],\n  "n": 3,\n  "nested": {"k": null}\n}\nBody\n'
)


def test_json_spans() -> None:
    doc = Document.from_text(JSON)
    assert doc.front_matter is not None and doc.front_matter.format == "json"
    assert key_and_value(doc, "title") == ((2, 3), (2, 12), '"Budget"')
    assert key_and_value(doc, "tags") == ((3, 3), (3, 11), '["a", "b"]')
    items = doc.field("tags").node.items  # type: ignore[union-attr]
    assert [pos(doc, i.span.start) for i in items] == [(3, 12), (3, 17)]
    assert key_and_value(doc, "n") == ((4, 3), (4, 8), "3")
    assert doc.value("nested") == {"k": None}
    assert doc.body == "Body\n"


def test_json_delete_member_keeps_valid_json() -> None:
    import json

    doc = Document.from_text(JSON)
    for key in ("title", "n", "nested"):
        field = doc.field(key)
        assert field is not None
        edit = field.delete()
        new = doc.text[: edit.start] + doc.text[edit.end :]
        remaining = json.loads(new[: new.rindex("}") + 1])
        assert key not in remaining and len(remaining) == 3


@pytest.mark.parametrize(
    ("text", "message", "line", "column"),
    [
        ('---\ntitle: "open\n---\n', "YAML", 3, 1),
        (
            "---\ntitle: a\n  b: c\n---\n",
            "YAML: mapping values are not allowed in this context",
            3,
            4,
        ),
        ("+++\ntitle = \n+++\n", "TOML: Invalid value", 2, 9),
        ('{"title": "a",}\nBody', "JSON", 1, 15),
        ("---\ntitle: a\n", "YAML front matter opened with '---' is never closed", 1, 1),
    ],
)
def test_syntax_errors_have_the_parsers_position(
    text: str, message: str, line: int, column: int
) -> None:
    doc = Document.from_text(text)
    assert doc.front_matter is None
    (error,) = doc.front_matter_errors
    assert error.message.startswith(message)
    assert pos(doc, error.span.start) == (line, column)


def test_no_front_matter() -> None:
    doc = Document.from_text("# Title\n\nText\n")
    assert not doc.has_front_matter and doc.body_start == 0


def test_invalid_utf8_keeps_offsets_and_bytes() -> None:
    raw = b'---\ntitle: "caf\xe9"\n---\nna\xefve \xff\xfe text\n'
    doc = Document.from_bytes(raw)
    assert doc.value("title") == "caf\ufffd"
    assert [(pos(doc, b.span.start), b.data) for b in doc.invalid_bytes] == [
        ((2, 12), b"\xe9"),
        ((4, 3), b"\xef"),
        ((4, 7), b"\xff\xfe"),
    ]
    assert doc.escaped_text.encode("utf-8", "surrogateescape") == raw


def test_markdown_nodes_have_spans() -> None:
    body = '# Héading\n\nSome *text* with [a link](https://x.com/é "t") and `code`.\n\n<div>raw</div>\n\n```\nfenced\n```\n\n![img](a.png)\n'
    doc = Document.from_text("---\ntitle: x\n---\n" + body)
    kinds = [type(n).__name__ for n in doc.body_nodes]
    assert kinds[:2] == ["Heading", "Text"]
    heading = next(n for n in doc.body_nodes if isinstance(n, Heading))
    assert (
        heading.level == 1 and heading.text == "Héading" and pos(doc, heading.span.start) == (4, 1)
    )
    link = next(n for n in doc.body_nodes if isinstance(n, Link) and not n.is_image)
    assert link.url == "https://x.com/é" and link.text == "a link" and link.title == "t"
    assert (
        link.url_span is not None
        and doc.text[link.url_span.start : link.url_span.end] == "https://x.com/é"
    )
    assert pos(doc, link.span.start) == (6, 18)
    image = next(n for n in doc.body_nodes if isinstance(n, Link) and n.is_image)
    assert image.url == "a.png" and pos(doc, image.span.start) == (14, 1)
    code = [n for n in doc.body_nodes if isinstance(n, Code)]
    assert [c.block for c in code] == [False, True]
    html = next(n for n in doc.body_nodes if isinstance(n, Html))
    assert html.text.startswith("<div>") and not html.inline
    texts = [n for n in doc.body_nodes if isinstance(n, Text)]
    for text in texts:
        assert doc.text[text.span.start : text.span.end] == text.text
    assert not any("fenced" in t.text for t in texts)
    paragraph = next(n for n in doc.body_nodes if isinstance(n, Paragraph))
    assert paragraph.text.startswith("Some *text*")


def test_field_lookup_ignores_case_as_hugo_does() -> None:
    doc = Document.from_text('---\nTitle: "A"\nSummary: "S"\ntitle: "B"\n---\nBody.\n', "a.md")
    found = doc.field("title")
    assert found is not None and (found.key, found.value) == ("Title", "A")
    assert doc.value("SUMMARY") == "S"
    assert doc.field("lead") is None


@pytest.mark.parametrize(
    "value",
    [
        "0x1F",
        "0b101",
        ".inf",
        "-.Inf",
        ".NaN",
        "x y ",
        "Budget passes",
        "a-b",
        "It passed.",
        "abc\n",
    ],
)
def test_replace_value_keeps_a_plain_yaml_string_a_string(value: str) -> None:
    import yaml

    doc = Document.from_text("---\ntitle: Budget\n---\nBody.\n", "a.md")
    found = doc.field("title")
    assert found is not None
    edit = found.replace_value(value)
    assert yaml.safe_load(f"title: {edit.content}\n") == {"title": value}


def test_front_matter_after_blank_lines_as_hugo_reads_it() -> None:
    text = '\n  \n---\ntitle: "A"\n---\nBody.\n'
    doc = Document.from_text(text, "a.md")
    assert doc.front_matter is not None and doc.value("title") == "A"
    assert doc.front_matter_block is not None
    assert pos(doc, doc.front_matter_block.start) == (3, 1)
    assert doc.body == "Body.\n"


def test_no_front_matter_after_blank_lines_keeps_the_whole_body() -> None:
    doc = Document.from_text("\n\n- item\n", "a.md")
    assert not doc.has_front_matter and doc.body_start == 0


@pytest.mark.parametrize(
    ("piece", "joined"),
    [
        ("参加中兴 \t\n  大学", "参加中兴大学"),
        ("参加中兴" + " " * 40 + "x\n大学", "参加中兴" + " " * 40 + "x\n大学"),
        ("演讲，  x  演讲\r\n讲题", "演讲，  x  演讲讲题"),
        ("한국 \n말", "한국 \n말"),
    ],
)
def test_east_asian_line_breaks_are_joined_after_runs_of_spaces(piece: str, joined: str) -> None:
    from newslint.document import _join_east_asian_lines

    assert _join_east_asian_lines(piece) == joined


# A paragraph set apart by its emphasis or label is passed over even when a space Markdown keeps
# stands before its marker (an ideographic space, as Chinese articles indent their paragraphs).
@pytest.mark.parametrize(
    "opening",
    [
        "\u3000**编者按**：本文已更新。",
        "\u3000*本文已更新。*",
        "\u3000<i>本文已更新。</i>",
    ],
)
def test_lead_passes_over_a_set_apart_paragraph_after_an_ideographic_space(opening: str) -> None:
    doc = Document.from_text(f"---\ntitle: x\n---\n\n{opening}\n\n预算于周二通过。\n")
    assert doc.body_nodes[0].text.startswith("\u3000")
    assert doc.lead_sentences(300) == "预算于周二通过。"


def test_prose_and_headings_is_worked_out_once_per_document() -> None:
    doc = Document.from_text("---\ntitle: x\n---\n\nFirst *one*.\n\n## Why {#why}\n\nSecond.\n")
    assert doc.prose_and_headings() == ["First one.", "Why", "Second."]
    assert doc.prose_and_headings() is doc.prose_and_headings()
