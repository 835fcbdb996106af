"""Helpers for the schema and theme rules: the document's schema, list-item edits, typo matches."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from newslint.events import Field, Node, render_scalar
from newslint.fixes import Edit
from newslint.rule import Context
from newslint.schema import Schema, presets_for, schema_for
from newslint.spans import Span
from newslint.textutil import line_start as start_of_line


def schema_of(ctx: Context) -> Schema:
    """The document's schema; a dozen rules ask for it per document, so it is kept with it."""
    # The site is the document's own; the configuration is the run's.
    config = ctx.config
    document = ctx.document
    return document.memo(("schema", id(config)), schema_for, config, ctx.site, document.language)


def presets_of(ctx: Context) -> frozenset[str]:
    return presets_for(ctx.config, ctx.site)


def is_empty(node: Node) -> bool:
    """An empty string (or only white space), or null: a value that says nothing."""
    if node.tag == "null":
        return True
    return node.kind == "scalar" and isinstance(node.value, str) and not node.value.strip()


def value_or_key_span(field: Field) -> Span:
    """Where to report on a field's value (its key when the value is written as nothing)."""
    return field.value_span if len(field.value_span) else field.key_span


_BLOCK_ITEM_PREFIX = re.compile(r"[ \t]*-[ \t]*")


def delete_item(text: str, items: tuple[Node, ...], index: int) -> Edit:
    """An edit removing `items[index]` from its list: its line in a YAML block list, else the item
    and one adjoining comma (flow lists, TOML and JSON arrays)."""
    item = items[index]
    line_start = start_of_line(text, item.span.start)
    if _BLOCK_ITEM_PREFIX.fullmatch(text, line_start, item.span.start):
        end = item.span.end
        while end < len(text) and text[end] not in "\r\n":
            end += 1
        if text.startswith("\r\n", end):
            end += 2
        elif end < len(text):
            end += 1
        return Edit(line_start, end, "")
    if index > 0:
        return Edit(items[index - 1].span.end, item.span.end, "")
    if len(items) > 1:
        return Edit(item.span.start, items[1].span.start, "")
    return Edit(item.span.start, item.span.end, "")


def replace_item(field: Field, item: Node, value: str) -> Edit:
    """An edit writing `value` in place of a list item, in the item's quoting style."""
    style = item.style if item.style in ('"', "'") else None
    return Edit.replace(item.span, render_scalar(value, field.format, style))


def wrap_in_list(text: str, field: Field) -> Edit | None:
    """An edit turning a scalar value into a one-item list (`tags: "x"` -> `tags: ["x"]`)."""
    node = field.node
    if node.kind != "scalar" or node.style in ("|", ">"):
        return None
    source = text[node.span.start : node.span.end]
    if "\n" in source or "\r" in source:
        return None
    if field.format == "yaml" and node.style is None and node.tag == "str":
        # A plain YAML scalar may hold ", " or "#": quote it so the list has exactly one item.
        import json  # here: only this fix needs it

        source = json.dumps(node.value, ensure_ascii=False)
    return Edit.replace(node.span, f"[{source}]")


def typo_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (optimal string alignment), for short keys."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The one candidate `word` is a likely typo of, or None.

    A typo here is one edit (two for words over seven letters: a missed letter, a doubled one, two
    swapped, one wrong) that keeps the first letter, compared without case, `_` or `-`. A bare
    plural or singular of a candidate is no typo (`image` is a common field next to `images`).
    """
    return _closest(word, tuple(candidates))


# A site's articles repeat the same unknown keys: each (key, candidates) is worked out once.
@lru_cache(maxsize=4096)
def _closest(word: str, candidates: tuple[str, ...]) -> str | None:
    squashed = _squash(word)
    if len(squashed) < 3 or len(word) > 64:
        return None
    lowered = word.lower()
    limit = 1 if len(squashed) <= 7 else 2
    best: tuple[int, str] | None = None
    first, size, letters = squashed[:1], len(squashed), frozenset(squashed)
    for candidate, other, candidate_lowered, other_letters in _prepared(candidates):
        if other[:1] != first or abs(len(other) - size) > limit or candidate_lowered == lowered:
            continue
        # Each edit brings in at most one letter and takes out at most one: words whose letters
        # differ by more are further apart than the limit, without the distance's table (on
        # front matter of 100,000 unknown keys, that table was most of the run).
        if len(letters ^ other_letters) > 2 * limit:
            continue
        if other in (squashed + "s", squashed + "es") or squashed in (other + "s", other + "es"):
            continue
        distance = typo_distance(squashed, other)
        if distance <= limit and (best is None or distance < best[0]):
            best = (distance, candidate)
    return best[1] if best else None


@lru_cache(maxsize=32)
def _prepared(
    candidates: tuple[str, ...],
) -> tuple[tuple[str, str, str, frozenset[str]], ...]:
    return tuple((c, _squash(c), c.lower(), frozenset(_squash(c))) for c in candidates)


def _squash(word: str) -> str:
    return word.lower().replace("_", "").replace("-", "")
