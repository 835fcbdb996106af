"""A front-matter key is unknown and looks like a misspelt known one.

## What it does
Flags a top-level key that no active preset, site taxonomy or configuration knows when it is one
typing slip away from a known key (`sumary`, `tittle`, `publish_date`, `catagories`), or is the
singular of a taxonomy (`tag`, `category`). Keys are compared without case, as Hugo does. Any other
unknown key is a custom param and is left alone, and so is a key whose known twin is also present.
The option `known` adds keys to the schema.

## Why is this bad?
Hugo ignores a misspelt key without a word: a `sumary` leaves the card to Hugo's automatic summary,
a `publish_date` publishes the page at once, a `tag` makes no tag page.

## Example
    ---
    sumary: "The budget passed on Tuesday."
    ---

## Use instead
    ---
    summary: "The budget passed on Tuesday."
    ---

## Fix safety
Unsafe: the key is renamed to the known one it resembles, which changes what Hugo does with it; the
guess can be wrong for a custom param. There is no fix for a key with an empty value: renamed, it
would be an empty known field (`date: ""`) instead of a missing one; nor for a rename to a date
key (`lastmod`) of a value Hugo cannot read as a date, which would fail the build.
"""

from __future__ import annotations

from dataclasses import dataclass

from newslint import Fix, Rule, Severity
from newslint.events import FrontMatter
from newslint.rule import Context

from ._dates import reads_as_date
from ._schema import closest, schema_of


@dataclass(frozen=True)
class Options:
    # More keys the site uses on purpose.
    known: tuple[str, ...] = ()


class UnknownField(Rule):
    code = "FM007"
    name = "unknown-field"
    severity = Severity.WARNING
    messages = {"unknown": "unknown field {key!r} (did you mean {suggestion!r}?)"}
    Options = Options

    def on_front_matter(self, ctx: Context, front_matter: FrontMatter) -> None:
        schema = schema_of(ctx)
        known = {key.lower() for key in ctx.options.known}
        candidates = [spec.name for spec in schema.specs.values()]
        singulars = {}
        if ctx.site is not None:
            singulars = {s.lower(): p for s, p in ctx.site.taxonomies.items() if schema.known(p)}
        fields = ctx.document.fields
        present = {field.key.lower() for field in fields}
        for field in fields:
            key = field.key.lower()
            if schema.known(key) or key in known:
                continue
            suggestion = singulars.get(key) or closest(field.key, candidates)
            if suggestion is None or suggestion.lower() in present:
                continue
            # An empty value renamed would turn a missing field into an empty one (`date: ""`:
            # Hugo dates the page to year 1, a new error); empty-field deletes it instead.
            # (A TOML datetime's node carries no Python value, only its tag: not empty.)
            empty = field.node.tag == "null" or field.value in ("", [], {})
            # Renamed to a date key, a value Hugo cannot read as a date would fail the build.
            renamable = not empty and reads_as_date(ctx, suggestion, field)
            fix = (
                Fix.unsafe(f"Rename to {suggestion}", field.rename(suggestion))
                if renamable
                else None
            )
            ctx.report(field.key_span, "unknown", key=field.key, suggestion=suggestion, fix=fix)
