"""TOML front matter: tables and their keys get nodes with spans, as YAML maps do."""

from __future__ import annotations

from newslint import matter
from newslint.events import Node


def _parse(text: str) -> Node:
    found = matter.split(text)
    assert isinstance(found, matter.Split)
    node = matter.parse(text, found)
    assert not isinstance(node, list), node
    return node.root


def _keys(text: str, node: Node) -> list[tuple[str, str, str]]:
    """(key, the key as written, the node's source) for each entry, depth first."""
    out = []
    for entry in node.entries:
        written = text[entry.key_span.start : entry.key_span.end]
        out.append((entry.key, written, text[entry.node.span.start : entry.node.span.end]))
        out.extend(_keys(text, entry.node))
    return out


TEXT = (
    "+++\n"
    'title = "T"\n'
    "[menu.main]\n"
    "  weight = 3\n"
    "[params]\n"
    '  "quoted key" = true\n'
    "[params.sub]\n"
    "  deep = [1, 2]\n"
    "[[resources]]\n"
    '  src = "a.jpg"\n'
    "[[resources]]\n"
    '  src = "b.jpg"\n'
    "+++\n"
)


def test_tables_dotted_headers_and_implicit_parents_have_entries() -> None:
    root = _parse(TEXT)
    assert _keys(TEXT, root) == [
        ("title", "title", '"T"'),
        ("menu", "menu", "[menu.main]\n  weight = 3"),  # made by [menu.main] alone
        ("main", "main", "[menu.main]\n  weight = 3"),
        ("weight", "weight", "3"),
        ("params", "params", '[params]\n  "quoted key" = true\n[params.sub]\n  deep = [1, 2]'),
        ("quoted key", '"quoted key"', "true"),
        ("sub", "sub", "[params.sub]\n  deep = [1, 2]"),
        ("deep", "deep", "[1, 2]"),
        # An array of tables keeps its value; its items are not read one by one.
        (
            "resources",
            "resources",
            '[[resources]]\n  src = "a.jpg"\n[[resources]]\n  src = "b.jpg"',
        ),
    ]
    assert root.value["params"] == {"quoted key": True, "sub": {"deep": [1, 2]}}
    assert root.get("resources") is not None
    resources = root.get("resources")
    assert resources is not None and resources.node.kind == "list" and not resources.node.entries


def test_a_tables_entry_span_runs_to_the_end_of_its_last_sub_table() -> None:
    root = _parse(TEXT)
    params = root.get("params")
    assert params is not None
    assert TEXT[params.entry_span.start : params.entry_span.end] == (
        '[params]\n  "quoted key" = true\n[params.sub]\n  deep = [1, 2]\n'
    )
