"""Helpers for rules that add or rewrite front-matter fields."""

from __future__ import annotations

from typing import Any

from newslint.document import Document
from newslint.events import Node, render_key, render_scalar
from newslint.fixes import Edit


def key_in(key: str, names: tuple[str, ...]) -> bool:
    """Whether the front-matter `key` is one of `names`, compared without case: Hugo lowercases
    front-matter keys, so `Title:` is the title and `Source:` the source."""
    return key.lower() in lowered_keys(names)


def lowered_keys(names: tuple[str, ...]) -> frozenset[str]:
    """`names` lower-cased, as `key_in` compares them (a rule's `field_keys`)."""
    lowered = _LOWERED.get(names)
    if lowered is None:
        if len(_LOWERED) > 256:
            _LOWERED.clear()
        lowered = _LOWERED[names] = frozenset(name.lower() for name in names)
    return lowered


# Rules ask with the same few option tuples for every field of every document.
_LOWERED: dict[tuple[str, ...], frozenset[str]] = {}


def insert_field(document: Document, key: str, value: Any) -> Edit | None:
    """An edit that adds `key: value` as the last top-level key (before any TOML table)."""
    fm = document.front_matter
    if fm is None:
        return None
    text = document.text
    newline = "\r\n" if "\r\n" in text[fm.block_span.start : fm.block_span.end] else "\n"
    rendered = render_scalar(value, fm.format, '"')
    if fm.format == "json" or text.startswith("{", fm.root.span.start):
        # JSON, or YAML written as one flow mapping (`{title: x}`): a member before the `}`.
        return _insert_member(text, fm.root, f"{render_key(key, fm.format)}: {rendered}")
    line = f"{key}: {rendered}" if fm.format == "yaml" else f"{key} = {rendered}"
    if fm.format == "toml":
        # Every key after a `[table]` or `[[array.of.tables]]` header belongs to that table: a
        # top-level key goes before the first header. A key's own line never starts with `[`;
        # a key written in several places (`params.a = 1` above `[params.sub]`) has a piece for
        # each, and its first need not be a header.
        headers = [
            piece.start
            for entry in fm.root.entries
            for piece in (entry.spread.pieces if entry.spread else (entry.entry_span,))
            if text[piece.start : piece.end].lstrip(" \t").startswith("[")
        ]
        if headers:
            at = min(headers)
            # Right under the last top-level line, so the blank lines that set the table apart
            # stay between the new key and the table.
            above = text[fm.span.start : at].rstrip(" \t\r\n")
            if above:
                return Edit.insert(fm.span.start + len(above), newline + line)
            return Edit.insert(at, line + newline)
    end = fm.span.end
    if end > fm.span.start and text[end - 1] not in "\r\n":
        return Edit.insert(end, newline + line + newline)
    return Edit.insert(end, line + newline)


def _insert_member(text: str, root: Node, member: str) -> Edit:
    """An edit adding `member` as the last member of the `{...}` map `root`, set apart from the
    one before it as the members before are (`, ` on one line, `,` + line break + indent)."""
    members = root.entries
    if not members:
        return Edit.insert(root.span.start + 1, member)
    last = members[-1]
    if len(members) > 1:
        between = text[members[-2].node.span.end : last.key_span.start]
        separator = between if between.lstrip(" \t").startswith(",") else ", "
    else:
        before = text[root.span.start + 1 : last.key_span.start]
        separator = "," + before if before.strip(" \t\r\n") == "" and before else ", "
    return Edit.insert(last.node.span.end, separator + member)
