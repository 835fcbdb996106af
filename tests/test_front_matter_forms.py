"""TOML, JSON and the less common YAML forms, read and fixed end to end.

Hugo 0.168 is the reference for what each form means (checked with the real binary): a TOML key
written in several places (dotted keys, a table and its sub-tables) is one key; a line of a
multi-line string or array that starts with `[` is no table header; Go's JSON decoder refuses
NaN, Infinity and numbers out of float64 range; a YAML alias is its own value, a merge key
`<<` merges. Every fix below must keep the file parsing, change nothing outside its edit, and
leave nothing for a second pass (`assert_case` re-lints the fixed text).
"""

from __future__ import annotations

import pytest

from newslint.document import Document
from newslint.events import Edit, Field
from newslint.fixes import Fix, apply_fixes
from newslint.rules.duplicate_key import DuplicateKey
from newslint.rules.empty_field import EmptyField
from newslint.rules.field_type import FieldType
from newslint.rules.front_matter_syntax import FrontMatterSyntax
from newslint.rules.required_field import RequiredField
from newslint.rules.unknown_field import UnknownField
from newslint.testing import Case, assert_case

BODY = "The budget passed on Tuesday. Talks went on for a week.\n"
LEAD = '"The budget passed on Tuesday. Talks went on for a week."'


def _field(text: str, key: str) -> tuple[Document, Field]:
    doc = Document.from_text(text)
    assert doc.front_matter_errors == []
    found = doc.field(key)
    assert found is not None
    return doc, found


def _apply(text: str, edit: Edit) -> str:
    fixed, applied, _ = apply_fixes(text, [Fix.safe("t", edit)])
    assert applied
    assert Document.from_text(fixed).front_matter_errors == []
    return fixed


# ----------------------------------------------------------------------------------- TOML


def test_toml_dotted_keys_are_one_key_with_nested_entries() -> None:
    text = '+++\ntitle = "T"\nparams.a = 1\nparams.b.c = "x"\n+++\nBody\n'
    doc = Document.from_text(text)
    assert [f.key for f in doc.fields] == ["title", "params"]
    params = doc.fields[1]
    assert params.value == {"a": 1, "b": {"c": "x"}}
    assert [e.key for e in params.node.entries] == ["a", "b"]
    b = params.node.entries[1]
    assert [(e.key, text[e.node.span.start : e.node.span.end]) for e in b.node.entries] == [
        ("c", '"x"')
    ]
    assert text[params.entry_span.start : params.entry_span.end] == (
        'params.a = 1\nparams.b.c = "x"\n'
    )


def test_toml_bracket_lines_inside_values_are_no_tables() -> None:
    text = (
        '+++\ntitle = "T"\n[params]\ndesc = """\n[x]\n"""\nm = [\n  [1, 2],\n  ["a"],\n]\n'
        "[other]\nk = 1\n+++\nBody\n"
    )
    doc = Document.from_text(text)
    assert [f.key for f in doc.fields] == ["title", "params", "other"]
    params = doc.fields[1]
    assert [e.key for e in params.node.entries] == ["desc", "m"]
    assert text[params.entry_span.start : params.entry_span.end] == (
        '[params]\ndesc = """\n[x]\n"""\nm = [\n  [1, 2],\n  ["a"],\n]\n'
    )


def test_toml_delete_of_a_key_in_two_places_keeps_what_is_between() -> None:
    text = (
        '+++\ntitle = "T"\n[[resources]]\nsrc = "a"\n[params]\nb = 1\n'
        '[[resources]]\nsrc = "b"\n+++\nBody\n'
    )
    _, resources = _field(text, "resources")
    assert _apply(text, resources.delete()) == '+++\ntitle = "T"\n[params]\nb = 1\n+++\nBody\n'


def test_toml_delete_of_dotted_keys_around_another_key() -> None:
    text = '+++\nparamz.a = 1\ntitle = "T"  # kept\nparamz.b = 2\n+++\nBody\n'
    _, paramz = _field(text, "paramz")
    assert _apply(text, paramz.delete()) == '+++\ntitle = "T"  # kept\n+++\nBody\n'


def test_toml_rename_quotes_a_key_that_is_not_bare() -> None:
    text = '+++\ntitle = "T"\nkey = 1\n+++\nBody\n'
    _, key = _field(text, "key")
    fixed = _apply(text, key.rename("key with space"))
    assert fixed == '+++\ntitle = "T"\n"key with space" = 1\n+++\nBody\n'


def test_yaml_rename_quotes_a_key_yaml_would_retype() -> None:
    text = "---\ntitle: T\nkey: 1\n---\nBody\n"
    _, key = _field(text, "key")
    assert _apply(text, key.rename("yes")) == '---\ntitle: T\n"yes": 1\n---\nBody\n'
    assert Document.from_text(_apply(text, key.rename("yes"))).field("yes") is not None


def test_toml_inline_table_members_have_entries_that_delete_with_a_comma() -> None:
    text = '+++\nthumbnail = { src = "a.jpg", visibility = ["list"], x = { y = 1 } }\n+++\nB\n'
    _, thumbnail = _field(text, "thumbnail")
    members = {e.key: e for e in thumbnail.node.entries}
    assert [(k, text[e.node.span.start : e.node.span.end]) for k, e in members.items()] == [
        ("src", '"a.jpg"'),
        ("visibility", '["list"]'),
        ("x", "{ y = 1 }"),
    ]
    assert [e.key for e in members["x"].node.entries] == ["y"]
    deleted = [
        _apply(text, Edit.delete(members[key].entry_span)) for key in ("src", "visibility", "x")
    ]
    assert deleted == [
        '+++\nthumbnail = { visibility = ["list"], x = { y = 1 } }\n+++\nB\n',
        '+++\nthumbnail = { src = "a.jpg", x = { y = 1 } }\n+++\nB\n',
        '+++\nthumbnail = { src = "a.jpg", visibility = ["list"] }\n+++\nB\n',
    ]


# ----------------------------------------------------------------------------------- JSON


def test_json_lone_surrogate_reads_as_go_does() -> None:
    doc = Document.from_text('{"title": "a\\ud800b", "x\\udc00": 1}\nBody\n')
    assert doc.value("title") == "a\ufffdb"
    assert [f.key for f in doc.fields] == ["title", "x\ufffd"]


# ----------------------------------------------------------------------------------- YAML


def test_yaml_alias_has_its_own_span_and_a_fix_leaves_the_anchor() -> None:
    text = '---\ntitle: &t "Budget"\nsummary: *t\ntags: [&g a, *g]\n---\nBody\n'
    doc, summary = _field(text, "summary")
    assert (summary.value, text[summary.value_span.start : summary.value_span.end]) == (
        "Budget",
        "*t",
    )
    tags = doc.field("tags")
    assert tags is not None
    assert [text[i.span.start : i.span.end] for i in tags.node.items] == ["a", "*g"]
    fixed = _apply(text, summary.replace_value("A summary"))
    assert fixed == '---\ntitle: &t "Budget"\nsummary: A summary\ntags: [&g a, *g]\n---\nBody\n'


def test_yaml_anchored_collection_keeps_its_anchor_out_of_the_value() -> None:
    text = "---\nbase: &b\n  x: 1\nlist: &l [a]\nother: *b\nmore: *l\n---\nBody\n"
    doc = Document.from_text(text)
    spans = {f.key: text[f.value_span.start : f.value_span.end] for f in doc.fields}
    assert spans == {"base": "x: 1", "list": "[a]", "other": "*b", "more": "*l"}


@pytest.mark.parametrize(
    ("text", "key", "value", "source"),
    [
        # NEL, LS and PS are line breaks to YAML 1.1 (PyYAML) and text to Hugo's reader, in
        # plain, quoted and block scalars and in keys (checked with hugo 0.168).
        ("---\ntitle: a\x85b\n---\nBody\n", "title", "a\x85b", "a\x85b"),
        ('---\ntitle: "a\x85b"\n---\nBody\n', "title", "a\x85b", '"a\x85b"'),
        ("---\ntitle: 'a\u2029b'\n---\nBody\n", "title", "a\u2029b", "'a\u2029b'"),
        ("---\ntitle: |\n  a\x85b\n  c\n---\nBody\n", "title", "a\x85b\nc\n", "|\n  a\x85b\n  c"),
        ("---\ntitle: a\nk\u2028x: b\n---\nBody\n", "k\u2028x", "b", "b"),
        # So is a BOM, which libyaml skips at the start of a line.
        ("---\ntitle: a\n\ufeffb: 1\n---\nBody\n", "\ufeffb", 1, "1"),
        # A tab after a list's dash separates a scalar item, as a space does, to Hugo's reader.
        (
            "---\ntitle: a\ntags:\n  -\tx\n  - \t'y'\n---\nBody\n",
            "tags",
            ["x", "y"],
            "-\tx\n  - \t'y'",
        ),
        ("---\ntitle: |\n  -\tx\n---\nBody\n", "title", "-\tx\n", "|\n  -\tx"),
        # A private-use character already there is left as it is.
        ("---\ntitle: \ue000a\u2028b\n---\nBody\n", "title", "\ue000a\u2028b", "\ue000a\u2028b"),
    ],
)
def test_yaml_unicode_line_breaks_are_text_as_hugo_reads_them(
    text: str, key: str, value: str, source: str
) -> None:
    _, found = _field(text, key)
    assert found.value == value
    assert text[found.value_span.start : found.value_span.end] == source
    assert text[found.key_span.start : found.key_span.end] == key


def test_yaml_tab_separated_items_keep_their_spans() -> None:
    text = "---\ntitle: a\nparams:\n  list:\n    -\tx\n    -\t\t'y'\n---\nBody\n"
    doc, params = _field(text, "params")
    assert params.value == {"list": ["x", "y"]}
    (entry,) = params.node.entries
    assert [text[i.span.start : i.span.end] for i in entry.node.items] == ["x", "'y'"]
    position = doc.position(entry.node.items[1].span.start)
    assert (position.line, position.column) == (6, 8)


def test_yaml_merge_key_merges_as_hugo_reads_it() -> None:
    text = "---\nbase: &b\n  x: 1\n  y: 1\nparams:\n  <<: *b\n  y: 2\n---\nBody\n"
    assert Document.from_text(text).value("params") == {"x": 1, "y": 2}


# ------------------------------------------------------------------------ rules end to end

RULE_CASES = [
    (
        UnknownField,
        Case(
            "toml-dotted-keys-renamed-together",
            '+++\ntitle = "T"\nparamz.a = 1\nparamz.b = ""\n+++\nBody\n',
            errors=[("unknown", 3, 1)],
            unsafe_fixed='+++\ntitle = "T"\nparams.a = 1\nparams.b = ""\n+++\nBody\n',
        ),
    ),
    (
        UnknownField,
        Case(
            "toml-every-header-renamed",
            '+++\ntitle = "T"\n[paramz.a]\nx = 1\n[other]\ny = 2\n[paramz.b]\nz = 1\n+++\nBody\n',
            errors=[("unknown", 3, 2)],
            unsafe_fixed=(
                '+++\ntitle = "T"\n[params.a]\nx = 1\n[other]\ny = 2\n[params.b]\nz = 1\n+++\nBody\n'
            ),
        ),
    ),
    (
        DuplicateKey,
        Case("toml-dotted-keys-are-no-duplicates", "+++\nparams.a = 1\nparams.b = 2\n+++\nBody\n"),
    ),
    (
        RequiredField,
        Case(
            "toml-insert-before-a-sub-table-of-a-dotted-key",
            '+++\ntitle = "T"\ndate = 2025-02-08T00:00:00Z\nparams.a = 1\n[params.sub]\nb = 2\n'
            "+++\n" + BODY,
            errors=[("missing", 1, 1)],
            unsafe_fixed=(
                '+++\ntitle = "T"\ndate = 2025-02-08T00:00:00Z\nparams.a = 1\n'
                f"summary = {LEAD}\n[params.sub]\nb = 2\n+++\n" + BODY
            ),
        ),
    ),
    (
        RequiredField,
        Case(
            "yaml-flow-mapping-insert-before-the-brace",
            "---\n{title: Budget, date: 2025-02-08T00:00:00Z}\n---\n" + BODY,
            errors=[("missing", 1, 1)],
            unsafe_fixed=(
                f"---\n{{title: Budget, date: 2025-02-08T00:00:00Z, summary: {LEAD}}}\n---\n" + BODY
            ),
        ),
    ),
    (
        RequiredField,
        Case(
            "json-insert-on-a-line-of-its-own-as-the-members-before",
            '{\n  "title": "Budget",\n  "date": "2025-02-08T00:00:00Z"\n}\n' + BODY,
            errors=[("missing", 1, 1)],
            unsafe_fixed=(
                '{\n  "title": "Budget",\n  "date": "2025-02-08T00:00:00Z",\n'
                f'  "summary": {LEAD}\n}}\n' + BODY
            ),
        ),
    ),
    (
        FrontMatterSyntax,
        Case(
            "toml-float-out-of-range",
            "+++\nweight = 1e400\n+++\nBody\n",
            errors=[("syntax", 2, 10)],
        ),
    ),
    (FrontMatterSyntax, Case("toml-inf-is-fine", "+++\nweight = inf\n+++\nBody\n")),
    (FrontMatterSyntax, Case("json-nan", '{"weight": NaN}\nBody\n', errors=[("syntax", 1, 12)])),
    (
        FrontMatterSyntax,
        Case("json-infinity", '{"weight": -Infinity}\nBody\n', errors=[("syntax", 1, 12)]),
    ),
    (
        FrontMatterSyntax,
        Case("json-out-of-range", '{"a": [1e400]}\nBody\n', errors=[("syntax", 1, 8)]),
    ),
    (
        EmptyField,
        Case(
            "json-column-after-a-surrogate-pair",
            '{"title": "\\ud83d\\ude00", "menu": ""}\nBody\n',
            errors=[("empty", 1, 35)],
            fixed='{"title": "\\ud83d\\ude00"}\nBody\n',
        ),
    ),
    (
        RequiredField,
        Case(
            "yaml-null-value-gets-a-space",
            "---\ntitle: Budget\ndate: 2025-02-08T00:00:00Z\nsummary: # none yet\n---\n" + BODY,
            errors=[("empty", 4, 1)],
            unsafe_fixed=(
                "---\ntitle: Budget\ndate: 2025-02-08T00:00:00Z\n"
                f"summary: {LEAD[1:-1]} # none yet\n---\n" + BODY
            ),
        ),
    ),
    (
        FieldType,
        Case(
            "yaml-explicit-str-tag-goes-with-the-value",
            "---\ntitle: Budget\nweight: !!str 10\ndraft: !!str true\n---\nBody\n",
            errors=[("type", 3, 9), ("type", 4, 8)],
            fixed="---\ntitle: Budget\nweight: 10\ndraft: true\n---\nBody\n",
        ),
    ),
    (
        EmptyField,
        Case(
            "yaml-flow-mapping-first-member",
            '---\n{menu: "", title: "Budget"}\n---\nBody\n',
            errors=[("empty", 2, 8)],
            fixed='---\n{title: "Budget"}\n---\nBody\n',
        ),
    ),
    (
        EmptyField,
        Case(
            "yaml-flow-mapping-on-two-lines",
            '---\n{title: "Budget",\n menu: ""}\n---\nBody\n',
            errors=[("empty", 3, 8)],
            fixed='---\n{title: "Budget"}\n---\nBody\n',
        ),
    ),
]


@pytest.mark.parametrize("rule, case", RULE_CASES, ids=lambda c: getattr(c, "name", ""))
def test_rules_on_front_matter_forms(rule: type, case: Case) -> None:
    assert_case(rule, case)
