"""Mainroad `thumbnail` is neither an image path nor a map with `src`.

## What it does
Checks a page's `thumbnail` (Mainroad theme): a string (the image path), or a map with a string
`src` and an optional `visibility`, a list drawn from `list` and `post`. Flags any other type
(a number, a list, `true`), a map without `src` (also when it says `image` instead), a `src` that is
not a string, and a visibility outside `list` and `post`, saying where the thumbnail then shows.
A value a template reads as false (`""`, `false`, 0, `[]`, `{}`) means no thumbnail, and an empty
visibility the site's `[params.thumbnail] visibility` (else both places): neither is flagged.
Errors are what fails `hugo` (a non-empty list, a map or list as `src`); a number, `true` or a map
without `src` only renders a broken image, and a visibility only hides the thumbnail: warnings.

## Why is this bad?
Mainroad's `post_thumbnail.html` draws the thumbnail when `.Params.thumbnail` is true; from a map
it takes `src` (without it the image path is `/`: a broken image on the card and in the article)
and `visibility`, then draws it where `in $visibility $class` holds: for a list, an item equal to
`list` (list pages) or `post` (the article); for a string, `list` or `post` as part of it; for
anything else, nowhere. So `visibility: [single]` or `[List]` hides the thumbnail everywhere
(checked with hugo 0.168).

## Example
    thumbnail:
      image: "img/budget.jpg"
      visibility: ["list", "single"]

## Use instead
    thumbnail:
      src: "img/budget.jpg"
      visibility: ["list", "post"]

## Fix safety
Safe: a map that has `image` and no `src` gets `image` renamed to `src`, which is what the author
meant; nothing else is fixed. The Example becomes:

    thumbnail:
      src: "img/budget.jpg"
      visibility: ["list", "single"]

## Where the value is read
Hugo 0.168 makes a page's `params: {thumbnail: ...}` its `.Params.thumbnail`, winning over a
top-level `thumbnail`: the rule checks `params.thumbnail` where it is written (YAML, a TOML
`[params]` or inline table, JSON) and leaves the top-level one, which nothing then reads, alone.
"""

from __future__ import annotations

from typing import Any

from newslint import Fix, Rule, Severity
from newslint.events import Entry, Field, Node
from newslint.fixes import Edit
from newslint.rule import Context
from newslint.schema import describe

from ._mainroad import is_set, truthy
from ._params import read_fields

VISIBILITY = ("list", "post")


class ThumbnailValue(Rule):
    code = "TH003"
    name = "thumbnail-value"
    severity = Severity.ERROR
    messages = {
        "type": "{key} should be an image path or a map with src, not {actual}",
        "no-src": "{key} map has no src{hint}",
        "src-type": "{key} src should be an image path, not {actual}",
        "visibility": "{key} visibility {value} is not list or post: it shows {where}",
    }
    presets = ("mainroad",)

    @classmethod
    def field_keys(cls, ctx: Context) -> frozenset[str]:
        # `on_field` returns at once for any other key.
        return _KEYS

    def on_field(self, ctx: Context, field: Field) -> None:
        for read, nested in read_fields(ctx.document, field, "thumbnail"):
            self._check(ctx, read, "params.thumbnail" if nested else "thumbnail")

    def _check(self, ctx: Context, field: Field, key: str) -> None:
        node = field.node
        if node.tag in ("str", "null"):
            return
        if not truthy(node.value):
            return  # false, 0, [] or {}: the theme draws no thumbnail, as for an absent one
        if node.kind != "map" or not isinstance(node.value, dict):
            # A number or boolean becomes a broken image path; a list fails the build.
            severity = Severity.WARNING if node.kind == "scalar" else Severity.ERROR
            ctx.report(field.value_span, "type", key=key, actual=describe(node), severity=severity)
            return
        entries = {e.key.lower(): e for e in node.entries}
        values = {str(k).lower(): v for k, v in node.value.items()}
        src = values.get("src")
        if src is None or (isinstance(src, str) and not src.strip()):
            image = entries.get("image")
            fix = None
            if image is not None and "src" not in values and isinstance(values.get("image"), str):
                src_key = '"src"' if field.format == "json" else "src"
                fix = Fix.safe("Rename image to src", Edit.replace(image.key_span, src_key))
            where = image.key_span if image is not None else field.key_span
            hint = ' (it has "image")' if image is not None else ""
            # Without src the theme renders an image with no path: broken, but the build passes.
            ctx.report(where, "no-src", key=key, hint=hint, fix=fix, severity=Severity.WARNING)
        elif not isinstance(src, str):
            entry = entries.get("src")
            span = entry.node.span if entry is not None else field.value_span
            scalar = entry is None or entry.node.kind == "scalar"
            severity = Severity.WARNING if scalar else Severity.ERROR
            actual = _describe(entry, src)
            ctx.report(span, "src-type", key=key, actual=actual, severity=severity)
        self._visibility(ctx, field, key, entries.get("visibility"), values.get("visibility"))

    def _visibility(
        self, ctx: Context, field: Field, key: str, entry: Entry | None, value: Any
    ) -> None:
        if not is_set(value) or (isinstance(value, str) and value in VISIBILITY):
            return  # unset: the site's visibility, else both places
        where = _WHERE[_shown_in(value)]
        if isinstance(value, list):
            nodes: list[Node | None] = list(entry.node.items) if entry is not None else []
            for index, item in enumerate(value):
                if item not in VISIBILITY:
                    node = nodes[index] if index < len(nodes) else None
                    span = node.span if node is not None else field.value_span
                    shown = _shown(node, item)
                    ctx.report(
                        span, "visibility", key=key, value=shown, where=where, severity=_HIDES
                    )
            return
        node = entry.node if entry is not None else None
        span = node.span if node is not None else field.value_span
        shown = _shown(node, value)
        ctx.report(span, "visibility", key=key, value=shown, where=where, severity=_HIDES)


# A visibility only hides the thumbnail: the build passes.
_HIDES = Severity.WARNING
_WHERE = {
    (): "nowhere",
    ("list",): "on lists only",
    ("post",): "on the post only",
    ("list", "post"): "on lists and the post",
}


def _shown_in(value: Any) -> tuple[str, ...]:
    """Where `in $visibility $class` holds: list items compare equal, a string contains."""
    if isinstance(value, list):
        return tuple(place for place in VISIBILITY if place in value)
    if isinstance(value, str):
        return tuple(place for place in VISIBILITY if place in value)
    return ()


def _shown(node: Node | None, value: Any) -> str:
    """A visibility value as the message shows it: 'single', 3, false, a map."""
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if (node is not None and node.kind == "map") or isinstance(value, dict):
        return "a map"
    return "a list" if isinstance(value, list) else "a value"


def _describe(entry: Entry | None, value: Any) -> str:
    if entry is not None:
        return describe(entry.node)
    return f"the number {value}" if isinstance(value, int | float) else "a value"


_KEYS = frozenset({"thumbnail", "params"})
