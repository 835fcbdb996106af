"""Mainroad `sidebar` is not "left", "right" or false.

## What it does
Flags a page's `sidebar` (Mainroad theme) that is not `"left"`, `"right"` or `false`: a wrong case
or stray spaces (`"Left"`, `"right "`), an empty string, `true`, or any other word, `no` and `off`
included (Hugo reads YAML 1.2, where they are strings, not false). The message says what the theme
draws instead.

## Why is this bad?
Mainroad's `sidebar.html` takes `default .Site.Params.sidebar.<home|single|list> .Params.sidebar`
and draws the sidebar when that is true, on the left only for exactly `"left"`. So any other true
value, even `"Left"`, `"none"`, `"false"` or `true`, puts it on the right; `false` hides it; and a
value Hugo's `default` counts as unset (`""`, null, 0, `[]`) falls back to the site's setting, so
`sidebar: ""` only looks like a choice (checked with hugo 0.168).

## Example
    sidebar: "Left"

## Use instead
    sidebar: "left"

## Fix safety
Safe: `sidebar: ""` (which the theme already treats as unset) is removed (unsafe where a section's
or the site's `cascade` gives the page a sidebar: without its own key the page takes that one), and
a value that is `left` or `right` but for case and spaces is written in lower case, as the catalogue
says. `"Right"` stays where it is drawn; `"Left"` moves from the right, where the theme draws it
today, to the left the value names: the page then does what its front matter already says, with no
new choice made. Other values need a decision: no fix. An empty `params.sidebar` is not removed:
without it a top-level `sidebar` would take over.

## Cascaded values
A `cascade` (in a section's `_index.md`, or any page's: hugo 0.168 applies it to the page itself
and every page below that sets no `sidebar` of its own) is checked the same way: `cascade:
{sidebar: "Left"}` draws every such page's sidebar on the right. Reported at the cascade's value as
`cascade sidebar` (or `cascade params.sidebar`, which within one entry wins over a top-level
`sidebar`, then not checked), in each entry whatever its `target`; the case fix is offered there
too, and an empty value is reported without a fix.

## Where the value is read
Hugo 0.168 makes a page's `params: {sidebar: ...}` its `.Params.sidebar`, and that one wins over a
top-level `sidebar` whatever either holds: the rule checks `params.sidebar` where it is written
(YAML, a TOML `[params]` or inline table, JSON) and then leaves the top-level one, which nothing
reads, alone.
"""

from __future__ import annotations

from newslint import Fix, Rule, Severity
from newslint.events import Entry, Field
from newslint.rule import Context
from newslint.schema import yaml11_word

from ._mainroad import hugo_value, is_set
from ._params import read_fields
from ._schema import value_or_key_span


class SidebarValue(Rule):
    code = "TH001"
    name = "sidebar-value"
    severity = Severity.ERROR
    messages = {
        "empty": '{key} is "": Mainroad uses the site\'s default',
        "case": "{key} {value!r} should be {fixed!r}",
        "value": '{key} {value} is not "left", "right" or false: {effect}',
    }
    presets = ("mainroad",)

    @classmethod
    def field_keys(cls, ctx: Context) -> frozenset[str]:
        # `on_field` returns at once for any other key.
        return _KEYS

    def on_field(self, ctx: Context, field: Field) -> None:
        if field.key.lower() == "cascade":
            for read, key in _cascaded_sidebars(field):
                self._check(ctx, read, key, nested=True)
            return
        for read, nested in read_fields(ctx.document, field, "sidebar"):
            self._check(ctx, read, "params.sidebar" if nested else "sidebar", nested)

    def _check(self, ctx: Context, field: Field, key: str, nested: bool) -> None:
        node = field.node
        word = yaml11_word(node, ctx.document.text)
        if word is not None:
            # `sidebar: no` is the string "no" to Hugo's YAML 1.2: a right sidebar, not none.
            ctx.report(field.value_span, "value", key=key, value=repr(word), effect=_RIGHT)
            return
        if node.tag == "null" or (node.tag == "bool" and node.value is False):
            return
        if node.tag == "str" and isinstance(node.value, str):
            value = node.value
            if value in ("left", "right"):
                return
            if not value.strip():
                title, edit = "Remove the empty sidebar", field.delete()
                # Deleted, the key would let a section's `cascade` give the page its sidebar.
                cascaded = ctx.document.cascaded_value("sidebar") is not None
                fix = Fix.unsafe(title, edit) if cascaded else Fix.safe(title, edit)
                # Not `params.sidebar`: deleted, it would hand the page a top-level sidebar.
                ctx.report(value_or_key_span(field), "empty", key=key, fix=None if nested else fix)
                return
            fixed = value.strip().lower()
            if fixed in ("left", "right"):
                fix = Fix.safe(f'Write "{fixed}"', field.replace_value(fixed))
                ctx.report(field.value_span, "case", key=key, value=value, fixed=fixed, fix=fix)
                return
            shown = repr(value)
        else:
            shown = ctx.document.text[field.value_span.start : field.value_span.end]
        effect = _RIGHT if is_set(hugo_value(node, ctx.document.text)) else _DEFAULT
        ctx.report(value_or_key_span(field), "value", key=key, value=shown, effect=effect)


_RIGHT = "Mainroad draws it on the right"
_DEFAULT = "Mainroad uses the site's default"


def _cascaded_sidebars(cascade: Field) -> list[tuple[Field, str]]:
    """The `sidebar` values a `cascade` (a map, or a list of entries each with its own `target`)
    gives pages, with the key a message names each by: an entry's `params.sidebar`, else its
    top-level `sidebar` (hugo 0.168: within one entry the `params` one wins, as on a page)."""
    node = cascade.node
    found: list[tuple[Field, str]] = []
    for item in node.items if node.kind == "list" else (node,):
        if item.kind != "map":
            continue
        nested: list[tuple[Field, str]] = []
        top: list[tuple[Field, str]] = []
        for entry in item.entries:
            lowered = entry.key.lower()
            if lowered == "sidebar":
                top.append((_as_field(cascade, entry), f"cascade {entry.key}"))
            elif lowered == "params" and entry.node.kind == "map":
                nested += [
                    (_as_field(cascade, inner), f"cascade {entry.key}.{inner.key}")
                    for inner in entry.node.entries
                    if inner.key.lower() == "sidebar"
                ]
        found += nested or top
    return found


def _as_field(cascade: Field, entry: Entry) -> Field:
    return Field(
        entry.key, entry.key_span, entry.node, entry.entry_span, cascade.format, entry.spread
    )


_KEYS = frozenset({"sidebar", "params", "cascade"})
