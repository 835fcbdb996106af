"""A front-matter key is unknown and looks like a misspelt known one.

## What it does
Flags a top-level key that no active preset, site taxonomy or configuration (a key the site's
`[frontmatter]` reads dates from, such as `publish_date`, included) knows when it is one
typing slip away from a known key (`sumary`, `tittle`, `publish_date`, `catagories`), or is the
singular of a taxonomy (`tag`, `category`). Keys are compared without case, as Hugo does. Any other
unknown key is a custom param and is left alone, and so is one holding a map or a list where its
look-alike takes one value (`publisher:` with a name and a link is no misspelt `published`). Nor is
a key the site's or its theme's templates read as a page parameter (`.Params.category`, `.Param
"category"`, `index .Params "category"`, in `layouts/` on disk): an events layout showing
`.Params.category` as a label makes `category` a parameter on purpose, not a misspelt `categories`,
and renaming it would empty the label. Nor is a name the site's configuration sets under `params`
(site-wide, for the page's language, or as a theme's default): themes read such a name page first,
the site's value standing in (PaperMod's byline is `.Params.author | default .Site.Params.author`),
so `author` on a site with `params.author` is the page's author, not a misspelt `authors`, also when
the theme is not on disk to be read. Nor, on a page Jekyll builds (a Jekyll post or a page of a
Jekyll site, see `rules/_jekyll.py`), is one of Jekyll's own keys: `category` is a post's one
category there, as `categories` lists several. The option `known` adds keys to the schema.

A look-alike written beside its known twin (`sumary:` next to `summary:`, `tittle:` next to
`title:`) is reported only when it is a slip of the fingers, one letter missed, doubled or added:
Hugo reads the twin and ignores the copy. A different word one letter away (`data` next to
`date`, `uri` next to `url`), two letters swapped (German `titel` beside `title`), other
separators (a CMS's `publish_date` beside `publishDate`) and a taxonomy's singular (`category`
next to `categories`) are custom params beside it on purpose and left alone. The singular of
another known field beside it (`keyword:` next to `keywords:`) is a slip when it holds a list, as
the plural does, or the twin's very value; with a value of its own (`image: a.jpg` next to
`images:`, an SEO plugin's focus `keyword:`) it is a field of its own.

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
key (`lastmod`) of a value Hugo cannot read as a date, which would fail the build. A misspelt copy
beside its twin is never renamed, which would write the key twice: it is deleted (unsafe: a
template may still read it) when it holds the twin's value, and left to the editor, who must
choose between the two texts, when it does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newslint import Fix, Rule, Severity
from newslint.events import Field, FrontMatter, Node
from newslint.rule import Context
from newslint.schema import LIST_KINDS, MAP_KINDS, Schema, Spec

from ._dates import reads_as_date
from ._jekyll import JEKYLL_KEYS, jekyll_page
from ._params import site_param_names
from ._schema import closest, schema_of


@dataclass(frozen=True)
class Options:
    """Options of the rule (its `[rules.unknown-field]` table)."""

    # More keys the site uses on purpose.
    known: tuple[str, ...] = ()


class UnknownField(Rule):
    code = "FM007"
    name = "unknown-field"
    severity = Severity.WARNING
    messages = {
        "unknown": "unknown field {key!r} (did you mean {suggestion!r}?)",
        "misspelt-copy": "unknown field {key!r} is a misspelt copy of {suggestion!r}, which is "
        "also present: Hugo reads only {suggestion!r}",
    }
    Options = Options

    def on_front_matter(self, ctx: Context, front_matter: FrontMatter) -> None:
        schema = schema_of(ctx)
        known, candidates, singulars = _words(ctx, schema)
        fields = ctx.document.fields
        present = {field.key.lower(): field for field in fields}
        for field in fields:
            key = field.key.lower()
            if schema.known(key) or key in known:
                continue
            singular = singulars.get(key)
            suggestion = singular or closest(field.key, candidates)
            if suggestion is None:
                twin = _plural_twin(key, present, schema)
                if twin is not None and _plural_copy(field, twin):
                    self._misspelt_copy(ctx, field, twin, twin.key)
                continue
            if not _could_hold(schema.spec(suggestion), field.node):
                # `publisher: {name: ..., link: ...}` is no misspelt `published`: a map or a list
                # where the known key takes a single value is a custom param of its own.
                continue
            twin = present.get(suggestion.lower())
            if twin is not None:
                if singular is None and _slip(key, suggestion.lower()):
                    self._misspelt_copy(ctx, field, twin, suggestion)
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

    def _misspelt_copy(self, ctx: Context, field: Field, twin: Field, suggestion: str) -> None:
        same = field.node.tag == twin.node.tag and field.value == twin.value
        fix = Fix.unsafe("Delete the misspelt copy", field.delete()) if same else None
        ctx.report(field.key_span, "misspelt-copy", key=field.key, suggestion=suggestion, fix=fix)


_Words = tuple[frozenset[str], tuple[str, ...], dict[str, str]]


def _words(ctx: Context, schema: Schema) -> _Words:
    """The keys the site uses on purpose, the schema's spellings (what an unknown key may be a
    typo of) and the site's taxonomies by singular: the same for every page of a site, its
    language and the options, so worked out once for them (a new configuration is a new
    `Site`; a schema is kept per combination, and checked to be the same one)."""
    site = ctx.site
    if site is None:
        return _site_words(ctx, schema)
    memo: dict[tuple[Any, ...], tuple[Schema, _Words]]
    memo = site.__dict__.setdefault("_unknown_field_memo", {})
    key = (ctx.document.language, ctx.options.known, id(schema), jekyll_page(ctx))
    found = memo.get(key)
    if found is None or found[0] is not schema:
        if len(memo) >= 64:
            memo.clear()
        found = memo[key] = (schema, _site_words(ctx, schema))
    return found[1]


def _site_words(ctx: Context, schema: Schema) -> _Words:
    known = {key.lower() for key in ctx.options.known}
    if jekyll_page(ctx):
        known |= JEKYLL_KEYS  # Jekyll's own keys (`category`), not misspelt Hugo ones
    if ctx.site is not None:
        known |= ctx.site.template_params
        # A theme reads such a key page first, the site's `params` value standing in.
        known |= site_param_names(ctx.site, ctx.document.language)
    candidates = tuple(spec.name for spec in schema.specs.values())
    singulars = {}
    if ctx.site is not None:
        taxonomies = ctx.site.taxonomies_for(ctx.document.language)
        singulars = {s.lower(): p for s, p in taxonomies.items() if schema.known(p)}
        # The keys the site's `[frontmatter]` reads dates from (`publish_date`, `updated`)
        # are Hugo's dates on this site, not misspelt ones.
        known.update(
            key
            for chain in ctx.site.date_sources.values()
            for key in chain
            if not key.startswith(":")
        )
    return frozenset(known), candidates, singulars


def _slip(key: str, twin: str) -> bool:
    """Whether `key` is `twin` typed with one letter missed, doubled or added (both lower case).

    Not with a letter changed, which makes another word (`data`, `date`), two letters swapped
    (German `titel` is a field of its own beside `title`), or other separators (a CMS writes
    its `publish_date` beside Hugo's `publishDate`)."""
    short, long = sorted((key, twin), key=len)
    return len(long) - len(short) == 1 and any(
        long[i].isalpha() and long[:i] + long[i + 1 :] == short for i in range(len(long))
    )


def _plural_twin(key: str, present: dict[str, Field], schema: Schema) -> Field | None:
    """The known field whose name is `key`'s plural (`keywords` for `keyword`), when present; a
    taxonomy's singular (`tag` beside `tags`) is a field of its own, as the docs above say."""
    for plural in (key + "s", key + "es"):
        twin = present.get(plural)
        spec = schema.spec(plural)
        if twin is not None and spec is not None and not spec.taxonomy:
            return twin
    return None


def _plural_copy(field: Field, twin: Field) -> bool:
    """Whether `field`, named as the singular of its present `twin`, is a slip rather than a
    field of its own: it holds a list, as the plural does (`keyword: [budget, vote]` beside
    `keywords:`), or the twin's very value. A single value is a field of its own (`image: a.jpg`
    beside `images:`, an SEO plugin's focus `keyword:`)."""
    if field.node.kind == "list" and field.node.items:
        return True
    return field.node.tag == twin.node.tag and field.value == twin.value


def _could_hold(spec: Spec | None, node: Node) -> bool:
    """Whether the known key of `spec` takes a value of `node`'s kind: a map only where a map
    goes (`params`, `cascade`, `menu`, a theme's free-form key), a list only where a list goes;
    any scalar may be a slip (`tag: "x"` for `tags`, `date: 2025` typed as a number), and so may
    an empty `[]` or `{}`, which says nothing of what was meant."""
    if spec is None or node.kind == "scalar" or not (node.items or node.entries):
        return True
    free = spec.kind == "any" and spec.owner != "date-format"  # a date is never a map or a list
    if node.kind == "map":
        return free or spec.kind in MAP_KINDS or spec.kind == "menu"
    return free or spec.kind in LIST_KINDS or spec.kind in ("cascade", "menu")
