"""A front-matter key has an empty value where empty is not the same as absent.

## What it does
Flags `menu: ""` and `menus: ""` (also as a list item), and an empty item (`""`, null) in a list
field of the schema such as `tags`, `categories`, `keywords`, a list of sources (`source: [url,
""]`), `aliases` or `outputs` (an error for the last two, on which Hugo fails the build, except an
alias of white space only, which it builds; a warning otherwise). The option `fields` adds keys
whose empty value (`""`, null, `[]`, `{}`) should be reported too.

On a Mainroad site it flags an empty `authorbox`, `pager`, `toc` or `mathjax` (`""` or null)
where the site's `params` turn that switch on: the theme reads them with `.Param`, which takes the
page's key whenever it is there, so the empty value turns the author box, pager, table of
contents or MathJax off for this page (checked with hugo 0.168). A switch a section's or the
site's `cascade` turns on for the page counts as the site's does.

Empty values that Hugo and the theme treat exactly like a missing key (`lead: ""`, `description:
""`, `categories: []`, `comments: ""`, a `menu:` with no value at all, a switch the site leaves off)
are left alone; empty required fields are `required-field`'s, empty dates `date-invalid`'s and
Mainroad's `sidebar` and `widgets` the theme rules'.

## Why is this bad?
`menu: ""` puts the page in a menu named "", which no template shows; `aliases: [""]` makes the
build fail ("alias "/" resolves to website root directory"), and so does `outputs: [""]` (no output
format is named ""). An empty tag is a scraper's leftover that only hides whether tags were meant.

## Example
    ---
    menu: ""
    tags:
      - ""
    ---

## Use instead
    ---
    ---

## Fix safety
Safe: the key (or, when the list keeps other items, the empty item) is deleted, with its line; an
empty Mainroad switch is written as `false`, which the theme reads the same, where deleting it
would turn the site's setting back on. An empty value under `params` is never deleted (its item
may be): without it a top-level value of the same key would take over.

## Where the value is read
Hugo 0.168 makes each key of a page's `params` map its `.Params.<key>`, winning over a top-level
key of that name whatever either holds: a Mainroad switch, `post_meta`, `lead`, a taxonomy
(`params.tags`, whose terms the page then has) or a key of the `fields` option is checked under
`params` where it is written (named `params.<key>`; YAML, a TOML `[params]` or inline table,
JSON), and the top-level one, which nothing then reads, is left alone (`duplicate-key` reports it).
Hugo's own fields are never read from `params` (`params.title` is no title): not checked there.
"""

from __future__ import annotations

from dataclasses import dataclass

from newslint import Fix, Rule, Severity
from newslint.events import Field, render_scalar
from newslint.rule import Context
from newslint.schema import LIST_KINDS, Schema, Spec

from ._mainroad import SWITCHES, empty_turns_off
from ._params import PREFIX, custom_key, overridden, params_fields
from ._schema import delete_item, is_empty, schema_of, value_or_key_span


@dataclass(frozen=True)
class Options:
    """Options of the rule (its `[rules.empty-field]` table)."""

    # More keys whose empty value is reported.
    fields: tuple[str, ...] = ()


class EmptyField(Rule):
    code = "FM006"
    name = "empty-field"
    severity = Severity.WARNING
    messages = {
        "empty": "{key} is empty{why}",
        "empty-item": "{key} has an empty item{why}",
    }
    Options = Options

    @classmethod
    def field_keys(cls, ctx: Context) -> frozenset[str]:
        # The keys `_check` may report on (a superset: it still checks each value): `params`,
        # the `fields` option's, and the schema's that no other rule owns and that are a
        # Mainroad switch, empty where that matters (`menu`) or a list.
        schema = schema_of(ctx)
        custom = ctx.options.fields
        memo: dict[tuple[str, ...], frozenset[str]]
        memo = schema.__dict__.setdefault("_empty_field_keys_memo", {})
        found = memo.get(custom)
        if found is None:
            found = memo[custom] = frozenset(
                {"params", *(name.lower() for name in custom)}
                | {key for key, spec in schema.specs.items() if _may_report(key, spec)}
            )
        return found

    def on_field(self, ctx: Context, field: Field) -> None:
        node = field.node
        # Every report is of an empty value: a null, a blank string (`is_empty`), an empty list
        # or map, an empty item of a list, or a value under a `params` map. A scalar that is not
        # empty, or a list with a value and no empty item, has none of them (nor a `params` map
        # to look into): most fields leave here, before the schema is asked.
        if node.tag != "null":
            if node.kind == "scalar":
                value = node.value
                if not isinstance(value, str) or value.strip():
                    return
            elif node.kind == "list" and node.value and not any(map(is_empty, node.items)):
                return
        schema = schema_of(ctx)
        custom = ctx.options.fields
        if field.key.lower() == "params":
            # A theme or custom value under `params` is the page's: checked where it is written.
            for nested in params_fields(ctx.document):
                if custom_key(schema, nested.key, custom):
                    self._check(ctx, schema, nested, PREFIX + nested.key, nested=True)
        elif overridden(ctx.document, field.key) and custom_key(schema, field.key, custom):
            return  # `params.<key>` wins: this value is read by nothing
        self._check(ctx, schema, field, field.key, nested=False)

    def _check(self, ctx: Context, schema: Schema, field: Field, key: str, nested: bool) -> None:
        """Report `field`'s empty value (or items), naming it `key`; a `nested` one (under
        `params`) is never deleted: without it the page would take a top-level value."""
        spec = schema.spec(field.key)
        node = field.node
        if (
            ctx.options.fields
            and field.key.lower() in {name.lower() for name in ctx.options.fields}
            and (is_empty(node) or (node.kind in ("list", "map") and not node.value))
        ):
            fix = None if nested else _delete(field)
            ctx.report(value_or_key_span(field), "empty", key=key, why="", fix=fix)
            return
        if spec is None or spec.owner is not None:
            return
        if (
            spec.preset == "mainroad"
            and is_empty(node)
            and empty_turns_off(field.key, ctx.site, ctx.document.language, ctx.document)
        ):
            # Deleting the key would turn the site's setting back on: false keeps the page.
            fix = Fix.safe(
                f"Write {field.key} as false",
                field.replace_value_text(render_scalar(False, field.format, None)),
            )
            why = f": Mainroad then turns the site's {field.key.lower()} off on this page"
            ctx.report(value_or_key_span(field), "empty", key=key, why=why, fix=fix)
            return
        if (
            spec.empty_matters
            and node.kind == "scalar"
            and isinstance(node.value, str)
            and is_empty(node)
        ):
            why = ': Hugo puts the page in a menu named ""' if spec.kind == "menu" else ""
            ctx.report(
                value_or_key_span(field), "empty", key=field.key, why=why, fix=_delete(field)
            )
            return
        if node.kind != "list" or (
            spec.kind not in LIST_KINDS and spec.kind not in ("menu", "string-or-list")
        ):
            return
        empties = [i for i, item in enumerate(node.items) if is_empty(item)]
        for index in empties:
            if len(empties) == len(node.items):
                fix = None if nested else _delete(field)
            else:
                edit = delete_item(ctx.document.text, node.items, index)
                fix = Fix.safe(f"Remove the empty item of {field.key}", edit)
            lowered = field.key.lower()
            item = node.items[index]
            # An empty alias is the site's root and an empty output format no format: Hugo
            # fails the build on either (checked with hugo 0.168). An alias of white space
            # only is no root to Hugo, which builds (` `, a tab, a no-break space).
            blank = item.tag == "null" or item.value == ""
            fails = lowered == "outputs" or (lowered == "aliases" and blank)
            why = f": {_FAILS[lowered]}, the build fails" if fails else ""
            ctx.report(
                item.span,
                "empty-item",
                key=key,
                why=why,
                fix=fix,
                severity=Severity.ERROR if fails else None,
            )


def _may_report(key: str, spec: Spec) -> bool:
    """Whether `_check` may report on a value of the schema's `key` (lower case)."""
    if spec.owner is not None:
        return False
    return (
        (spec.preset == "mainroad" and key in SWITCHES)
        or spec.empty_matters
        or spec.kind in LIST_KINDS
        or spec.kind in ("menu", "string-or-list")
    )


_FAILS = {
    "aliases": "Hugo makes it an alias of the site's root",
    "outputs": 'Hugo knows no output format named ""',
}


def _delete(field: Field) -> Fix:
    return Fix.safe(f"Remove the empty {field.key}", field.delete())
