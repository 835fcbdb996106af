"""A page's own `params` map, which Hugo merges into the page's `.Params`.

Checked with hugo 0.168 (tests/test_hugo_claims_oracle.py builds such a page):

- Every key under the page's `params` map (a YAML or JSON map, a TOML `[params]` table, inline
  table or dotted `params.key`) becomes `.Params.<key>`, its key in lower case, as a top-level
  custom key does; `.Param "key"` finds it the same way.
- When both are written, the `params` value wins, whatever its value (even `""` or null) and
  whatever either key's case: `sidebar: "right"` with `params: {Sidebar: "Left"}` gives
  `.Params.sidebar` = "Left". The top-level value is then read by nothing.
- A `cascade` (its own `params` or top-level keys) gives the page a value only when the page
  has none, top-level or under `params`.
- Hugo's own fields are never read from `params`: `params.title` is no title, `params.date` no
  date, `params.draft`, `params.summary`, `params.description`, `params.weight` and
  `params.keywords` change nothing Hugo does (they only show in `.Params`, as any custom key).
- A taxonomy is read from `params` like a custom key: `params.tags` (any form, any case) gives
  the page its terms and term pages, and the top-level `tags` is then dropped whatever
  `params.tags` holds (`[]` or null leave the page without tags; a string is one term).

So a theme or custom value is checked where the page takes it from: under `params` when it is
there (and the top-level one, then unused, is not reported), else at the top level.
"""

from __future__ import annotations

from collections.abc import Iterable

from newslint.cascade import HUGO_FIELDS as CASCADE_HUGO_FIELDS
from newslint.document import Document
from newslint.events import Entry, Field
from newslint.schema import Schema
from newslint.site import Site

PREFIX = "params."

# Hugo's own page fields (0.168, lower case): Hugo reads them from the top level only, so one
# under `params` is a custom value of that name and the top-level one keeps its meaning. The
# cascade's list (a cascaded `params.title` is no title either), with the fields a page may set
# but a cascade not.
HUGO_FIELDS = CASCADE_HUGO_FIELDS | {"kind", "lang", "path", "sites"}


def custom_key(schema: Schema, key: str, custom: Iterable[str] = ()) -> bool:
    """Whether `key` is a theme or custom value the page may set under `params` as well as at
    the top level: a key of the `mainroad` or `news` preset or of the configuration, one of the
    site's taxonomies (`tags`: hugo 0.168 takes a page's terms from `params.tags`), or one of
    `custom` (a rule's own list), and none of Hugo's own fields."""
    lowered = key.lower()
    if lowered in HUGO_FIELDS:
        return False
    if any(lowered == name.lower() for name in custom):
        return True
    spec = schema.spec(lowered)
    return spec is not None and (spec.preset != "hugo" or spec.taxonomy)


def site_param_names(site: Site | None, language: str | None = None) -> frozenset[str]:
    """The names (lower case) the site's configuration sets under `params`, site-wide or for
    `language` (`[languages.fr.params]`), a theme component's own defaults included. Themes
    read such a name page first, the site's value standing in for a page without one (PaperMod:
    `.Params.author | default .Site.Params.author`; `.Param "author"`), so a page that sets
    `author` on a site with `params.author` sets that parameter on purpose. Worked out once per
    site and language (unknown-field asks for every page; a new configuration is a new `Site`)."""
    if site is None:
        return frozenset()
    memo: dict[str | None, frozenset[str]] = site.__dict__.setdefault("_param_names_memo", {})
    found = memo.get(language)
    if found is None:
        found = memo[language] = _site_param_names(site, language)
    return found


def _site_param_names(site: Site, language: str | None) -> frozenset[str]:
    names = set(_keys(site.raw.get("params")))
    languages = site.raw.get("languages")
    own = languages.get(language.lower()) if isinstance(languages, dict) and language else None
    if isinstance(own, dict):
        names.update(_keys(own.get("params")))
    return frozenset(names)


def _keys(table: object) -> list[str]:
    return [str(key).lower() for key in table] if isinstance(table, dict) else []


def _entries(document: Document) -> tuple[Field | None, tuple[Entry, ...]]:
    """The page's `params` field and its map's entries; (None, ()) when it has no `params` map
    (most pages: one dictionary look-up)."""
    params = document.field("params")
    if params is None or params.node.kind != "map":
        return None, ()
    return params, params.node.entries


def _as_field(params: Field, entry: Entry) -> Field:
    return Field(
        entry.key, entry.key_span, entry.node, entry.entry_span, params.format, entry.spread
    )


def params_fields(document: Document) -> tuple[Field, ...]:
    """The entries of the page's own `params` map, as fields with their bare key (`sidebar`)."""
    params, entries = _entries(document)
    return tuple(_as_field(params, entry) for entry in entries) if params is not None else ()


def params_field(document: Document, key: str) -> Field | None:
    """The page's `params.<key>` (any case; the last one written, as Hugo keeps it), or None."""
    params, entries = _entries(document)
    lowered = key.lower()
    found = [entry for entry in entries if entry.key.lower() == lowered]
    return _as_field(params, found[-1]) if params is not None and found else None


def overridden(document: Document, key: str) -> bool:
    """Whether the page's top-level custom `key` is unused because its `params` map sets the
    same key (any case, any value): `.Params.<key>` is then the `params` one."""
    lowered = key.lower()
    return any(entry.key.lower() == lowered for entry in _entries(document)[1])


def read_fields(document: Document, field: Field, key: str) -> tuple[tuple[Field, bool], ...]:
    """For a rule's `on_field` (whose `field_keys` hold `key` and "params"): the values of `key`
    the page takes, to check, each with whether it is nested (a message then names it
    `params.<key>`): the top-level `field` when it is `key` and no `params.<key>` overrides it,
    else, for the `params` field, its entries named `key` (any case). A rule offers no fix that
    deletes a nested entry: without it, a top-level value the author may have forgotten would take
    over."""
    lowered = field.key.lower()
    if lowered == key:
        return () if overridden(document, key) else ((field, False),)
    if lowered != "params":
        return ()
    return tuple((nested, True) for nested in params_fields(document) if nested.key.lower() == key)


def read_named(
    document: Document, field: Field, names: Iterable[str]
) -> tuple[tuple[Field, str], ...]:
    """For a rule's `on_field` whose `field_keys` hold `names` and "params" (a text rule's
    `fields` option: `title`, `summary`, `lead`, a configured `subtitle`): the values among
    `names` the page takes, each with the key a message names it by (`params.lead` for a nested
    one). Hugo's own fields are read at the top level only; a custom key under `params` instead
    of a top-level one, which is then read by nothing and not checked."""
    lowered = field.key.lower()
    wanted = {name.lower() for name in names}
    if lowered in wanted:
        if lowered not in HUGO_FIELDS and overridden(document, lowered):
            return ()
        return ((field, field.key),)
    if lowered != "params":
        return ()
    return tuple(
        (nested, PREFIX + nested.key)
        for nested in params_fields(document)
        if nested.key.lower() in wanted and nested.key.lower() not in HUGO_FIELDS
    )
