"""Helpers for rules that add or rewrite front-matter fields."""

from __future__ import annotations

from typing import Any

from newslint.document import Document
from newslint.events import render_scalar
from newslint.fixes import Edit


def key_in(key: str, names: tuple[str, ...]) -> bool:
    """Whether the front-matter `key` is one of `names`, compared without case: Hugo lowercases
    front-matter keys, so `Title:` is the title and `Source:` the source."""
    lowered = _LOWERED.get(names)
    if lowered is None:
        if len(_LOWERED) > 256:
            _LOWERED.clear()
        lowered = _LOWERED[names] = frozenset(name.lower() for name in names)
    return key.lower() in lowered


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
    if fm.format == "json":
        members = fm.root.entries
        if members:
            return Edit.insert(members[-1].node.span.end, f", {rendered_key(key)}: {rendered}")
        return Edit.insert(fm.root.span.start + 1, f"{rendered_key(key)}: {rendered}")
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
            return Edit.insert(min(headers), line + newline)
    end = fm.span.end
    if end > fm.span.start and text[end - 1] not in "\r\n":
        return Edit.insert(end, newline + line + newline)
    return Edit.insert(end, line + newline)


def rendered_key(key: str) -> str:
    import json

    return json.dumps(key)
