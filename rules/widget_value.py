"""Mainroad `widgets` names a widget the site does not have, an empty one, or one twice.

## What it does
Checks each item of a page's `widgets` list (Mainroad theme) against the widgets the site has: the
templates in `layouts/partials/widgets/` of the site and of the theme on disk, else Mainroad's own
(`categories`, `ddg-search`, `languages`, `recent`, `search`, `sidemenu`, `social`, `taglist`). When
a theme component other than Mainroad itself is not on disk (a child theme or a fork left out of the
checkout, a module in Hugo's cache), a name none of these has may be that component's: it is not
reported (empty and repeated items still are). Flags unknown names and empty items (errors: the
build fails), and, as warnings, repeats and names that differ from the theme's only in case (Hugo
finds partials by lower-cased name, so those build). Where the page draws no sidebar (its `sidebar:
false`, one a section's or the site's `cascade` gives it, or the site's `[params.sidebar]` setting
for the page's kind, `home`, `single` or `list`, is off and the page sets none) an unknown or empty
name is a warning: the theme never reads the list there. A `widgets` that is not a list is
`field-type`'s.

## Why is this bad?
Mainroad's `sidebar.html` ranges over `default .Site.Params.sidebar.widgets .Params.widgets`
inside the drawn sidebar and includes `widgets/<name>.html` for each item, so an unknown or empty
name fails the build ("partial "widgets/x.html" not found") and a repeated one draws the widget
twice (checked with hugo 0.168).

## Example
    widgets:
      - "recnet"
      - ""
      - "taglist"
      - "taglist"

## Use instead
    widgets:
      - "recent"
      - "taglist"

## Fix safety
Safe: empty and repeated items are removed (the key, when no item is left), and a name that differs
from the theme's only in case is written as the theme spells it (`Search` -> `search`: Hugo already
builds it as that widget, so the page does not change). Unsafe: an unknown name becomes the closest
known one (`recnet` -> `recent`, `" search"` -> `search`), which may not be the widget the author
wanted. A `params.widgets` whose every item goes is left for the author: removed, it would let
a top-level `widgets` take over.

## Where the value is read
Hugo 0.168 makes a page's `params: {widgets: [...]}` its `.Params.widgets`, winning over a
top-level `widgets`: the rule checks `params.widgets` where it is written (YAML, a TOML
`[params]` or inline table, JSON) and leaves the top-level list, which nothing then reads, alone.
"""

from __future__ import annotations

from newslint import Fix, Rule, Severity
from newslint.events import Field
from newslint.rule import Context
from newslint.schema import yaml11_word
from newslint.site import MAINROAD_WIDGETS

from ._mainroad import sidebar_drawn
from ._params import read_fields
from ._schema import closest, delete_item, is_empty, replace_item


class WidgetValue(Rule):
    code = "TH002"
    name = "widget-value"
    severity = Severity.ERROR
    messages = {
        "unknown": "unknown widget {name!r}: {effect}",
        "empty": "empty widget name: {effect}",
        "duplicate": "widget {name!r} is listed twice",
        "case": "widget {name!r} is spelled {known!r} by the theme",
    }
    presets = ("mainroad",)

    @classmethod
    def field_keys(cls, ctx: Context) -> frozenset[str]:
        # `on_field` returns at once for any other key.
        return _KEYS

    def on_field(self, ctx: Context, field: Field) -> None:
        for read, nested in read_fields(ctx.document, field, "widgets"):
            if read.node.kind == "list":
                self._check(ctx, read, nested)

    def _check(self, ctx: Context, field: Field, nested: bool) -> None:
        node = field.node
        known = ctx.site.widgets if ctx.site is not None else MAINROAD_WIDGETS
        # A theme component not on disk (other than Mainroad) may have the widget: not judged.
        unseen = ctx.site is not None and ctx.site.widgets_unseen
        text = ctx.document.text
        names = [
            (yaml11_word(item, text) or str(item.value)) if item.kind == "scalar" else ""
            for item in node.items
        ]
        # With the sidebar off the theme never includes the widgets: the name only fails later.
        drawn = sidebar_drawn(ctx.document, ctx.site) is not False
        effect = _FAILS if drawn else _LATENT
        severity = None if drawn else Severity.WARNING
        seen: set[str] = set()
        dropped = []
        for name, item in zip(names, node.items, strict=True):
            dropped.append(is_empty(item) or name in seen)
            seen.add(name)
        for index, item in enumerate(node.items):
            if dropped[index]:
                if all(dropped):
                    # Not `params.widgets`: deleted, it would hand the page a top-level list.
                    fix = None if nested else Fix.safe("Remove the widgets", field.delete())
                else:
                    fix = Fix.safe("Remove the item", delete_item(text, node.items, index))
                if is_empty(item):
                    ctx.report(item.span, "empty", fix=fix, effect=effect, severity=severity)
                else:
                    # Listed twice, it renders twice: untidy, but the build does not fail.
                    ctx.report(
                        item.span,
                        "duplicate",
                        name=names[index],
                        fix=fix,
                        severity=Severity.WARNING,
                    )
            elif (
                names[index] not in known
                and item.kind == "scalar"
                and names[index].lower() in _lowered(known)
            ):
                # Hugo looks partials up by lower-cased name, so this builds; the theme's spelling is
                # still the one to use.
                canonical = _lowered(known)[names[index].lower()]
                fix = Fix.safe(f"Write {canonical!r}", replace_item(field, item, canonical))
                ctx.report(
                    item.span,
                    "case",
                    name=names[index],
                    known=canonical,
                    fix=fix,
                    severity=Severity.WARNING,
                )
            elif names[index] not in known and not unseen:
                guess = _guess(names[index], known) if item.kind == "scalar" else None
                fix = None
                if guess is not None and guess not in seen:
                    edit = replace_item(field, item, guess)
                    fix = Fix.unsafe(f"Replace with {guess!r}", edit)
                ctx.report(
                    item.span,
                    "unknown",
                    name=names[index],
                    fix=fix,
                    effect=effect,
                    severity=severity,
                )


_FAILS = "the build fails"
_LATENT = "the sidebar is off on this page, the build fails once it is drawn"


def _lowered(known: tuple[str, ...]) -> dict[str, str]:
    return {name.lower(): name for name in known}


def _guess(name: str, known: tuple[str, ...]) -> str | None:
    if len(name) > 64:
        return None  # no widget name is that long; keep the matching cheap
    lowered = {k.lower(): k for k in known}
    key = name.strip().lower()
    if key in lowered:
        return lowered[key]
    import difflib  # here: only an unknown widget needs it

    return closest(name.strip(), known) or next(
        iter(difflib.get_close_matches(key, list(known), n=1, cutoff=0.75)), None
    )


_KEYS = frozenset({"widgets", "params"})
