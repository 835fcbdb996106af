"""Mainroad `thumbnail` is neither an image path nor a map with `src`.

## What it does
Checks a page's `thumbnail` (Mainroad theme): a string (the image path), or a map with a string
`src` and an optional `visibility`, a list drawn from `list` and `post`. Flags any other type
(a number, a list, `true`), a map without `src` (also when it says `image` instead), a `src` that is
not a string, and a visibility outside `list` and `post`. An empty string means no thumbnail.
Errors are what fails `hugo` (a list, a map or list as `src`, a bad visibility); a number, a boolean
or a map without `src` only renders a broken image, and is a warning.

## Why is this bad?
Mainroad reads `thumbnail.src` from a map; without it the card and the article show a broken
image, and a visibility such as `single` hides the thumbnail everywhere.

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
meant; nothing else is fixed.
"""

from __future__ import annotations

from typing import Any

from newslint import Fix, Rule, Severity
from newslint.events import Entry, Field, Node
from newslint.fixes import Edit
from newslint.rule import Context
from newslint.schema import describe

VISIBILITY = ("list", "post")


class ThumbnailValue(Rule):
    code = "TH003"
    name = "thumbnail-value"
    severity = Severity.ERROR
    messages = {
        "type": "thumbnail should be an image path or a map with src, not {actual}",
        "no-src": "thumbnail map has no src{hint}",
        "src-type": "thumbnail src should be an image path, not {actual}",
        "visibility": "thumbnail visibility {value} is not list or post",
    }
    presets = ("mainroad",)

    def on_field(self, ctx: Context, field: Field) -> None:
        node = field.node
        if field.key.lower() != "thumbnail" or node.tag in ("str", "null"):
            return
        if node.kind != "map" or not isinstance(node.value, dict):
            # A number or boolean becomes a broken image path; a list fails the build.
            severity = Severity.WARNING if node.kind == "scalar" else Severity.ERROR
            ctx.report(field.value_span, "type", actual=describe(node), severity=severity)
            return
        entries = {e.key.lower(): e for e in node.entries}
        values = {str(k).lower(): v for k, v in node.value.items()}
        src = values.get("src")
        if src is None or (isinstance(src, str) and not src.strip()):
            image = entries.get("image")
            fix = None
            if image is not None and "src" not in values and isinstance(values.get("image"), str):
                key = '"src"' if field.format == "json" else "src"
                fix = Fix.safe("Rename image to src", Edit.replace(image.key_span, key))
            where = image.key_span if image is not None else field.key_span
            hint = ' (it has "image")' if image is not None else ""
            # Without src the theme renders an image with no path: broken, but the build passes.
            ctx.report(where, "no-src", hint=hint, fix=fix, severity=Severity.WARNING)
        elif not isinstance(src, str):
            entry = entries.get("src")
            span = entry.node.span if entry is not None else field.value_span
            scalar = entry is None or entry.node.kind == "scalar"
            severity = Severity.WARNING if scalar else Severity.ERROR
            ctx.report(span, "src-type", actual=_describe(entry, src), severity=severity)
        self._visibility(ctx, field, entries.get("visibility"), values.get("visibility"))

    def _visibility(self, ctx: Context, field: Field, entry: Entry | None, value: Any) -> None:
        if value is None or value == [] or value in VISIBILITY:
            return
        if isinstance(value, list):
            nodes: list[Node | None] = list(entry.node.items) if entry is not None else []
            for index, item in enumerate(value):
                if item not in VISIBILITY:
                    node = nodes[index] if index < len(nodes) else None
                    span = node.span if node is not None else field.value_span
                    ctx.report(span, "visibility", value=repr(item))
            return
        span = entry.node.span if entry is not None else field.value_span
        ctx.report(span, "visibility", value=repr(value))


def _describe(entry: Entry | None, value: Any) -> str:
    if entry is not None:
        return describe(entry.node)
    return f"the number {value}" if isinstance(value, int | float) else "a value"
