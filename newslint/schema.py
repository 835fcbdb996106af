"""The front-matter schema: pydantic models composed from presets and the site's own configuration.

- `hugo` (always): Hugo's own front-matter fields and the types its decoder wants, plus one list
  field per taxonomy the site configures (`tags` and `categories` by default).
- `news` (on by default): `summary` and the source field (`source`, or config `source-field`),
  which holds one source or a list of them (`source: [url1, url2]`), each a URL or a map whose
  `url` is one (`source: {name: Reuters, url: https://...}`).
- `mainroad` (on when the site's theme is Mainroad, or by config `presets`): the theme's page params.

Config `required` adds fields (known to the schema, any type) and `allowed` restricts a field's values
(`allowed = { section = ["news", "opinion"] }`; for a list field, each item). Front-matter keys are
case-insensitive, as in Hugo. Values that other rules own are typed loosely here (dates: the DT
rules; `sidebar`, `widgets` items, `thumbnail`: the TH rules), so one defect is reported once.

`Schema.validate` runs the pydantic model in strict mode and turns each error into an `Issue` on the
exact value, or list item, that caused it: a message, never a dump. Most front matter is valid, and
importing pydantic and building a model costs more than linting one article, so a plain exact-type
check (`_certainly_valid`) runs first: it can only say "pydantic would accept this value", never
reject one, and pydantic is imported and the model built only for a document it cannot vouch for.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newslint.spans import Span

if TYPE_CHECKING:
    from newslint.config import Config
    from newslint.events import Field, Node
    from newslint.site import Site

DEFAULT_PRESETS = ("hugo", "news")

# What each kind of field holds, for messages ("comments should be true or false, not ...").
EXPECTED = {
    "str": "a string",
    # The source field: one source (a URL, or a map whose `url` is one), or a list of them.
    "string-or-list": "a string, a map or a list of them",
    "bool": "true or false",
    "int": "a whole number",
    "strings": "a list of strings",
    # Hugo reads `aliases` with cast.ToStringSlice: one path may stand alone as a string.
    "paths": "a list of strings",
    "terms": "a list of names",
    "list": "a list",
    "map": "a map of keys",
    "maps": "a list of maps",
    "cascade": "a map or a list of maps",
    "menu": "a menu name, a list of names or a map",
    "any": "a value",
    "number": "a number",
}
LIST_KINDS = frozenset({"strings", "paths", "terms", "list", "maps"})
MAP_KINDS = frozenset({"map", "maps", "cascade"})
# Hugo refuses to build when these are not maps, even for an empty string; an empty `sitemap` or
# `resources` builds like an absent one.
EMPTY_FAILS = frozenset({"params", "build", "cascade", "sites"})
# Menu entry fields Hugo decodes as strings (a list or map there fails the build).
_MENU_STRINGS = frozenset(
    {"identifier", "name", "parent", "pre", "post", "title", "url", "pageref"}
)
# Go's strconv.ParseInt(s, 0, 64), which decodes a string menu weight: a sign, then a decimal,
# 0x, 0o, 0b or leading-0 octal number, `_` allowed between digits.
_GO_INT = re.compile(
    r"[+-]?(?:0[xX](?:_?[0-9a-fA-F])+|0[bB](?:_?[01])+|0[oO](?:_?[0-7])+|0(?:_?[0-7])*"
    r"|[1-9](?:_?[0-9])*)"
)


@dataclass(frozen=True)
class Spec:
    """One field of the schema: its spelling, the kind of value, and who checks its values."""

    name: str  # canonical spelling, e.g. publishDate
    kind: str  # a key of EXPECTED
    preset: str
    owner: str | None = None  # a rule that checks the values itself (only the container is typed)
    empty_matters: bool = False  # an empty value is not the same as no value (`menu: ""`)
    taxonomy: bool = False  # one of the site's taxonomies (its plural), whose terms a page sets


def _specs(preset: str, kinds: dict[str, str], **extra: Any) -> dict[str, Spec]:
    return {name.lower(): Spec(name, kind, preset, **extra) for name, kind in kinds.items()}


HUGO = {
    **_specs(
        "hugo",
        {
            "title": "str",
            "linkTitle": "str",
            "description": "str",
            "summary": "str",
            "slug": "str",
            "url": "str",
            "type": "str",
            "layout": "str",
            "translationKey": "str",
            "markup": "str",
            "draft": "bool",
            "headless": "bool",
            "isCJKLanguage": "bool",
            "weight": "int",
            "aliases": "paths",
            "outputs": "strings",
            "images": "strings",
            "videos": "strings",
            "audio": "strings",
            "keywords": "terms",
            "build": "map",
            # The older spelling of `build`, which Hugo still reads.
            "_build": "map",
            "params": "map",
            "sitemap": "map",
            "resources": "maps",
            "cascade": "cascade",
            # The page's own language matrix (Hugo 0.150): anything but a map fails the build.
            "sites": "map",
        },
    ),
    # `menu: ""` puts the page in a menu named "" (Hugo then warns about it).
    **_specs("hugo", {"menu": "menu", "menus": "menu"}, empty_matters=True),
    **_specs(
        "hugo",
        {
            "date": "any",
            "lastmod": "any",
            "modified": "any",
            "publishDate": "any",
            "pubdate": "any",
            "published": "any",
            "expiryDate": "any",
            "unpublishdate": "any",
        },
        owner="date-format",
    ),
}
NEWS = _specs("news", {"summary": "str", "source": "string-or-list"})
# Mainroad's page params, as its templates read them (checked with hugo 0.168): `lead` is printed
# (`with .Params.lead`); the switches are tested for truth (`comments` through `index .Params
# "comments" | default "true"`, `authorbox`, `pager` and `toc` through `.Param`) except `mathjax`,
# compared with the boolean true; `post_meta` (`.Param`, the site's list by default) is ranged over,
# each name a `post_meta/<name>.html` partial, so a string fails the build. What the theme does
# with each value: `rules/_mainroad.py`.
MAINROAD = {
    **_specs(
        "mainroad",
        {
            "lead": "str",
            "comments": "bool",
            "authorbox": "bool",
            "pager": "bool",
            "toc": "bool",
            "mathjax": "bool",
            "post_meta": "strings",
        },
    ),
    "sidebar": Spec("sidebar", "any", "mainroad", owner="sidebar-value"),
    "widgets": Spec("widgets", "list", "mainroad", owner="widget-value"),
    "thumbnail": Spec("thumbnail", "any", "mainroad", owner="thumbnail-value"),
}
PRESETS = {"hugo": HUGO, "news": NEWS, "mainroad": MAINROAD}


def presets_for(config: Config | None, site: Site | None) -> frozenset[str]:
    """The presets in force: config `presets`, else hugo + news (+ mainroad for a Mainroad site)."""
    if config is not None and config.presets is not None:
        chosen = set(config.presets)
    else:
        chosen = set(DEFAULT_PRESETS)
        if site is not None and site.is_mainroad:
            chosen.add("mainroad")
    chosen.add("hugo")
    return frozenset(chosen)


@dataclass(frozen=True)
class Issue:
    """A schema violation: where, what (message id of field-type) and the values for the message."""

    field: Field
    span: Span
    message_id: str  # "type" | "item-type" | "not-allowed"
    values: dict[str, Any]
    item: Node | None = None


class _TomlDate:
    """Stands for a TOML datetime value (tomllib's value is not kept on the node)."""


_SAMPLE_TOML_DATE = _TomlDate()


@dataclass
class Schema:
    """The fields known for one combination of presets, site taxonomies and config."""

    specs: dict[str, Spec]
    allowed: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    # `_key()`, worked out once: a schema is built once per combination and asked per document.
    _model_key: tuple[Any, ...] | None = field(default=None, init=False, repr=False, compare=False)

    def spec(self, key: str) -> Spec | None:
        return self.specs.get(key.lower())

    def known(self, key: str) -> bool:
        return key.lower() in self.specs

    def validate(self, fields: Sequence[Field], text: str = "") -> list[Issue]:
        """Type and allowed-value problems of the document's fields, one per value or item.

        `text` (the document's) lets a YAML 1.1 boolean word be read as Hugo reads it: Hugo's
        YAML is 1.2, where `yes`, `no`, `on`, `off`, `y` and `n` are strings (`draft: yes`
        publishes the page).
        """
        plain_kinds = self._plain_kinds()
        by_key: dict[str, Field] = {}
        # Whether some value is not one `_plainly_valid` vouches for: only then are the values
        # converted (`_value`) and, if `_certainly_valid` cannot vouch for them either, handed
        # to pydantic.
        doubtful = False
        for item in fields:
            key = item.key.lower()
            if key not in plain_kinds or key in by_key:
                continue
            node = item.node
            # `_empty(node)`, written out: this runs for every field of every document.
            empty = node.tag == "null" or (
                node.kind == "scalar" and isinstance(node.value, str) and not node.value.strip()
            )
            if empty and not (key in EMPTY_FAILS and node.tag == "str"):
                continue  # empty is empty-field's (or harmless), except where Hugo wants a map
            by_key[key] = item
            if doubtful:
                continue
            kind = plain_kinds[key]
            # `_plainly_valid` in short for the commonest values: a quoted string and a boolean
            # written `true` or `false` (`hugo_reading` None: Hugo reads them alike).
            if node.kind == "scalar" and (
                (
                    node.tag == "str"
                    and node.style is not None
                    and kind in _STRING_FITS
                    and type(node.value) is str
                )
                or (
                    node.tag == "bool"
                    and kind == "bool"
                    and type(node.value) is bool
                    and text[node.span.start : node.span.end] == ("true" if node.value else "false")
                )
            ):
                continue
            if not _plainly_valid(kind, node, text):
                doubtful = True
        menus = self._menu_keys()
        nested = (
            [
                issue
                for key, item in by_key.items()
                if key in menus
                for issue in _menu_issues(item, text)
            ]
            if menus and not menus.isdisjoint(by_key)
            else []
        )
        for key, kinds in _DECODED_MAPS.items():
            found = by_key.get(key)
            if found is not None and self.specs[key].preset == "hugo":
                nested.extend(_decoded_map_issues(found, text, kinds))
        sites = by_key.get("sites")
        if sites is not None and self.specs["sites"].preset == "hugo":
            nested.extend(_sites_issues(sites, text))
        if not doubtful:
            return nested
        data = {key: self._value(key, item.node, text) for key, item in by_key.items()}
        if all(self._certainly_valid(key, value) for key, value in data.items()):
            return nested
        from pydantic import ValidationError

        model, _ = _model(self._key())
        try:
            model.model_validate(data)
        except ValidationError as err:
            issues = self._issues(err.errors(), by_key, text) + nested
            return sorted(issues, key=lambda i: i.span.start)
        return nested

    def _value(self, key: str, node: Node, text: str) -> Any:
        """The value pydantic validates for `key`: as Hugo reads it, a number in one of Hugo's
        string fields the text Hugo makes of it when that is what was written."""
        value = _python(node, text)
        if self.specs[key].kind == "str" and key in _HUGO_STRINGS:
            return _number_as_written(node, text) or value
        return value

    def _plain_kinds(self) -> dict[str, str | None]:
        """The keys the model validates (`_validated_keys`), each with its kind, or None where
        `allowed` lists its values (never vouched for by `_plainly_valid`). Worked out once per
        schema: `validate` runs for every document."""
        found = self.__dict__.get("_plain_kinds_memo")
        if found is None:
            found = {
                key: None if self.allowed.get(key) else self.specs[key].kind
                for key in sorted(_validated_keys(self._key()))
            }
            self.__dict__["_plain_kinds_memo"] = found
        return found

    def _menu_keys(self) -> frozenset[str]:
        """The keys whose kind is `menu`, worked out once per schema (`validate` runs for every
        document, and few have a menu)."""
        found = self.__dict__.get("_menu_keys_memo")
        if found is None:
            found = frozenset(key for key, spec in self.specs.items() if spec.kind == "menu")
            self.__dict__["_menu_keys_memo"] = found
        return found

    def _certainly_valid(self, key: str, value: Any) -> bool:
        """True only when the model built by `_model` surely accepts `value` for `key`.

        Exact types only (`type(v) is str`, never a subclass or a conversion), so a True here is
        always a value strict pydantic accepts; anything unusual (a date, a TOML datetime, a
        bool where a number is wanted, an allowed-values list of non-strings) answers False and is
        left to pydantic, which then words the error.
        """
        if value is None:
            return True  # every model field is Optional
        spec = self.specs[key]
        allowed = self.allowed.get(key)
        if allowed:
            if spec.kind in LIST_KINDS or (spec.kind == "any" and type(value) is list):
                return type(value) is list and all(_allowed_str(v, allowed) for v in value)
            return _allowed_str(value, allowed)
        return _exact(spec.kind, value)

    def _key(self) -> tuple[Any, ...]:
        if self._model_key is None:
            self._model_key = self._compute_key()
        return self._model_key

    def _compute_key(self) -> tuple[Any, ...]:
        return (
            tuple(sorted((k, s.kind, s.owner is not None) for k, s in self.specs.items())),
            tuple(sorted(self.allowed.items())),
        )

    def _issues(self, errors: Iterable[Any], by_key: dict[str, Field], text: str) -> list[Issue]:
        issues: list[Issue] = []
        grouped: dict[str, list[Any]] = {}
        for error in errors:
            grouped.setdefault(str(error["loc"][0]), []).append(error)
        for key, errs in grouped.items():
            item_field = by_key[key]
            spec = self.specs.get(key)
            kind = spec.kind if spec else "any"
            allowed = self.allowed.get(key)
            indexes = [_item_index(e["loc"]) for e in errs]
            node = item_field.node
            # For a list, the errors with an index are the list's; those without come from a union's
            # other members (the string or map a `menu` may also be), which a list is not.
            if node.kind == "list" and any(i is not None for i in indexes):
                for index in sorted({i for i in indexes if i is not None}):
                    if index >= len(node.items) or _empty(node.items[index]):
                        continue  # an empty item is empty-field's to report
                    child = node.items[index]
                    literal = any(
                        e["type"] == "literal_error"
                        for e, i in zip(errs, indexes, strict=True)
                        if i == index
                    )
                    issues.append(
                        self._issue(item_field, child, kind, allowed, literal, True, text)
                    )
                continue
            literal = allowed is not None and any(e["type"] == "literal_error" for e in errs)
            issues.append(self._issue(item_field, node, kind, allowed, literal, False, text))
        return sorted(issues, key=lambda i: i.span.start)

    def _issue(
        self,
        item_field: Field,
        node: Node,
        kind: str,
        allowed: tuple[Any, ...] | None,
        literal: bool,
        item: bool,
        text: str,
    ) -> Issue:
        key = item_field.key
        if literal and allowed is not None:
            shown = ", ".join(repr(v) for v in allowed)
            return Issue(
                item_field,
                node.span,
                "not-allowed",
                {"key": key, "value": _shown(node), "allowed": shown},
                node if item else None,
            )
        if item:
            expected = "a map" if kind in ("maps", "cascade") else "a string"
            if kind == "menu":
                expected = "a menu name"
            elif kind == "string-or-list":
                expected = "a string or a map"
            return Issue(
                item_field,
                node.span,
                "item-type",
                {"key": key, "actual": describe(node, text), "expected": expected},
                node,
            )
        return Issue(
            item_field,
            node.span,
            "type",
            {
                "key": key,
                "expected": EXPECTED.get(kind, "a value"),
                "actual": describe(node, text),
            },
        )


def _menu_issues(item_field: Field, text: str) -> list[Issue]:
    """Entries of a `menu` map that Hugo cannot decode as menu entries (the build fails).

    Each entry must be a map (or null: an entry with defaults); in it `weight` a number, a boolean
    or a string Go's ParseInt reads (`"5"`, `"0x10"`, `""`, not `"5.0"`), `params` a map, and the
    names and links scalars. Other keys Hugo ignores.
    """
    node = item_field.node
    if node.kind != "map":
        return []
    issues: list[Issue] = []

    def issue(where: Node, key: str, kind: str) -> None:
        values = {"key": key, "expected": EXPECTED[kind], "actual": describe(where, text)}
        issues.append(Issue(item_field, where.span, "type", values))

    for menu in node.entries:
        entry, name = menu.node, f"{item_field.key}.{menu.key}"
        if entry.tag == "null":
            continue
        if entry.kind != "map":
            issue(entry, name, "map")
            continue
        for sub in entry.entries:
            key, value = sub.key.lower(), sub.node
            if value.tag == "null":
                continue
            if key == "weight" and not _menu_weight(value):
                issue(value, f"{name}.{sub.key}", "int")
            elif key == "params" and value.kind != "map":
                issue(value, f"{name}.{sub.key}", "map")
            elif key in _MENU_STRINGS and value.kind != "scalar":
                issue(value, f"{name}.{sub.key}", "str")
    return issues


# Maps Hugo decodes weakly into a struct: each key's kind ("number", "bool", or "str" for any
# scalar); a value its decoding cannot convert fails the build (checked with hugo 0.168).
_DECODED_MAPS = {
    "sitemap": {"priority": "number", "disable": "bool", "changefreq": "str", "filename": "str"},
    "build": {"publishresources": "bool", "list": "str", "render": "str"},
}


def _decoded_map_issues(item_field: Field, text: str, kinds: dict[str, str]) -> list[Issue]:
    """Keys of a `sitemap` or `build` map that Hugo's weak decoding cannot read: a number may be
    written as a string of one (`"0.5"`), a boolean as a word Go's ParseBool reads (`"true"`, not
    `"yes"`), a string as any scalar; a list or map fails."""
    issues: list[Issue] = []
    if item_field.node.kind != "map":
        return issues
    for sub in item_field.node.entries:
        kind, value = kinds.get(sub.key.lower()), sub.node
        if kind is None or value.tag == "null":
            continue
        if kind == "number":
            readable = _weak_float(value)
        elif kind == "bool":
            readable = _weak_bool(value)
        else:
            readable = value.kind == "scalar"
        if not readable:
            values = {
                "key": f"{item_field.key}.{sub.key}",
                "expected": EXPECTED[kind],
                "actual": describe(value, text),
            }
            issues.append(Issue(item_field, value.span, "type", values))
    return issues


_SITES_PARTS = frozenset({"matrix", "complements"})
_SITES_DIMENSIONS = frozenset({"languages", "versions", "roles"})


def _sites_issues(item_field: Field, text: str) -> list[Issue]:
    """A page's own `sites` (Hugo 0.150) that hugo 0.168 cannot decode, which fails the build: a
    `matrix` or `complements` that is no map (`matrix: fr`, even `""` or `[]`), and in one a
    `languages`, `versions` or `roles` that is a map or a list holding a list or map (one glob,
    a list of globs, a number or null decode). Other keys are ignored, as Hugo ignores them."""
    issues: list[Issue] = []
    if item_field.node.kind != "map":
        return issues
    for part in item_field.node.entries:
        if part.key.lower() not in _SITES_PARTS or part.node.tag == "null":
            continue
        key = f"{item_field.key}.{part.key}"
        if part.node.kind != "map":
            values = {"key": key, "expected": EXPECTED["map"], "actual": describe(part.node, text)}
            issues.append(Issue(item_field, part.node.span, "type", values))
            continue
        for dimension in part.node.entries:
            node = dimension.node
            if dimension.key.lower() not in _SITES_DIMENSIONS:
                continue
            where = f"{key}.{dimension.key}"
            if node.kind == "map":
                values = {"key": where, "expected": "a glob or a list of globs"}
                values["actual"] = describe(node, text)
                issues.append(Issue(item_field, node.span, "type", values))
            for item in node.items if node.kind == "list" else ():
                if item.kind != "scalar":
                    values = {"key": where, "expected": "a glob", "actual": describe(item, text)}
                    issues.append(Issue(item_field, item.span, "item-type", values, item))
    return issues


def _weak_float(node: Node) -> bool:
    if node.tag in ("int", "float", "bool"):
        return True
    if node.tag == "str" and isinstance(node.value, str):
        try:
            float(node.value)
        except ValueError:
            return not node.value  # "" decodes as 0
        return True
    return False


# The strings Go's strconv.ParseBool accepts, with which Hugo reads its booleans (`draft`,
# `headless`, `isCJKLanguage`, and the weakly decoded `sitemap.disable` ...).
GO_BOOLS = {
    **dict.fromkeys(("1", "t", "T", "TRUE", "true", "True"), True),
    **dict.fromkeys(("0", "f", "F", "FALSE", "false", "False"), False),
}


def _weak_bool(node: Node) -> bool:
    if node.tag in ("bool", "int", "float"):
        return True
    return (
        node.tag == "str"
        and isinstance(node.value, str)
        and (not node.value or node.value in GO_BOOLS)
    )


def _menu_weight(node: Node) -> bool:
    """A menu entry weight Hugo's weak decoding turns into a number."""
    if node.tag in ("int", "float", "bool"):
        return True
    if node.tag == "str" and isinstance(node.value, str):
        return not node.value or _GO_INT.fullmatch(node.value) is not None
    return False


def _allowed_str(value: Any, allowed: tuple[Any, ...]) -> bool:
    """`value` is a string listed in `allowed` (a `Literal` of those values accepts it)."""
    return type(value) is str and any(type(a) is str and a == value for a in allowed)


def _str_keys(value: Any) -> bool:
    return type(value) is dict and all(type(k) is str for k in value)


# Exact-type checks that imply acceptance by the pydantic annotation `_model` gives each kind
# (strict mode: `StrictInt` refuses a bool, `dict[str, Any]` a non-string key).
_EXACT: dict[str, Callable[[Any], bool]] = {
    "str": lambda v: type(v) is str,
    "string-or-list": lambda v: (
        type(v) is str
        or _str_keys(v)
        or (type(v) is list and all(type(i) is str or _str_keys(i) for i in v))
    ),
    "bool": lambda v: type(v) is bool,
    "int": lambda v: type(v) is int,
    "strings": lambda v: type(v) is list and all(type(i) is str for i in v),
    "paths": lambda v: (
        (type(v) is list and all(type(i) is str for i in v))
        or (type(v) is str and v.isprintable() and len(v.split()) == 1 and v.strip() == v)
    ),
    "terms": lambda v: type(v) is list and all(type(i) in (str, int, float) for i in v),
    "list": lambda v: type(v) is list,
    "map": _str_keys,
    "maps": lambda v: type(v) is list and all(_str_keys(i) for i in v),
    "cascade": lambda v: _str_keys(v) or (type(v) is list and all(_str_keys(i) for i in v)),
    "menu": lambda v: (
        type(v) is str
        or (type(v) is list and all(type(i) in (str, int, float) for i in v))
        or _str_keys(v)
    ),
}


# Kinds a list of strings is valid for (`_EXACT`), and kinds a scalar string is.
_STRINGS_FIT = frozenset({"string-or-list", "strings", "paths", "terms", "list", "menu"})
_STRING_FITS = frozenset({"str", "string-or-list", "menu"})
# Kinds a map with string keys is valid for, and the kinds whose value is one exact type.
_MAP_FITS = frozenset({"map", "cascade", "menu", "string-or-list"})
_SCALAR_TAGS: dict[str, type] = {"bool": bool, "int": int}


def _plain_string(node: Node, text: str) -> bool:
    """Whether `_python(node, text)` is `node.value`, a `str` exactly: a string scalar Hugo
    reads as the same string (`hugo_reading` None)."""
    return (
        node.tag == "str"
        and node.kind == "scalar"
        and type(node.value) is str
        and hugo_reading(node, text) is None
    )


def _plainly_valid(kind: str | None, node: Node, text: str) -> bool:
    """A cheaper `_certainly_valid(key, schema._value(key, node, text))` for the common values
    (a string, a boolean, a whole number, a list of strings): True only when that would be
    True (so a True here is always a value strict pydantic accepts); False for anything else,
    which `validate` then converts and checks as before. `kind` None (values listed in
    `allowed`) is never vouched for here."""
    if kind is None:
        return False
    if node.kind == "list":
        # `_python` makes a list of its items' values (an empty list's value is its own).
        if kind not in _STRINGS_FIT or not node.items:
            return False
        for child in node.items:
            # `_plain_string(child, text)`, a quoted one (`hugo_reading` None) decided at once.
            if child.style is None or child.tag != "str" or child.kind != "scalar":
                if not _plain_string(child, text):
                    return False
            elif type(child.value) is not str:
                return False
        return True
    if kind in _STRING_FITS:
        # (A string in Hugo's string field: `_number_as_written` is None for a `str` tag.)
        return _plain_string(node, text)
    if node.kind == "map":
        # `_python` gives a map's value as it is.
        return kind in _MAP_FITS and _str_keys(node.value)
    if kind in _SCALAR_TAGS:
        return (
            node.tag == kind
            and type(node.value) is _SCALAR_TAGS[kind]
            and node.kind == "scalar"
            and hugo_reading(node, text) is None
        )
    return False


def _exact(kind: str, value: Any) -> bool:
    check = _EXACT.get(kind)
    return check is not None and check(value)


def _item_index(loc: Sequence[Any]) -> int | None:
    """The list index in an error location (past a union member's name such as 'list[str]')."""
    for part in loc[1:]:
        if isinstance(part, int):
            return part
    return None


def _empty(node: Node) -> bool:
    if node.tag == "null":
        return True
    return node.kind == "scalar" and isinstance(node.value, str) and not node.value.strip()


# Front matter in YAML: its opener after a byte-order mark and white space (`newslint.matter`).
_YAML_OPENER = re.compile(r"\ufeff?\s*---")


def hugo_reading(node: Node, text: str) -> tuple[str, Any] | None:
    """How Hugo reads a plain YAML scalar that PyYAML (YAML 1.1) reads otherwise: its tag (`str`,
    `int`, `float`, `bool`) and value, else None (the same reading, a quoted or tagged value, or
    TOML and JSON, whose values both read alike).

    Hugo's YAML (goccy/go-yaml) resolves plain scalars much as YAML 1.2 does (`newslint.
    hugo_yaml`; checked with hugo 0.168): `yes`, `off`, `1:30` and `+.inf` are text where PyYAML
    reads a boolean or a number, and `0o17` (15), `0.1e1` and `1.0e3` (floats) numbers where it
    reads text. `1e3`, text to both, stays text.
    """
    if node.kind != "scalar" or node.style is not None or not text:
        return None
    if node.tag not in ("str", "int", "float", "bool"):
        return None
    word = text[node.span.start : node.span.end]
    if not word or word[0] in "!&*" or "\n" in word or "\r" in word:
        return None  # tagged, anchored or an alias; a plain scalar over lines is text to both
    if node.tag == "str" and word[0] not in "+-.0123456789":
        return None  # no number: text to both (the common case, decided without a regex)
    if node.tag == "bool" and word in ("true", "false") and node.value is (word == "true"):
        return None  # the same boolean to both (the common case, decided without a regex)
    if _YAML_OPENER.match(text) is None:
        return None
    tag, value = _hugo_scalar(word)
    if tag == node.tag and value == node.value and type(value) is type(node.value):
        return None
    return (tag, value) if tag in ("str", "int", "float", "bool") else None


@lru_cache(maxsize=1024)
def _hugo_scalar(word: str) -> tuple[str, Any]:
    import yaml

    from newslint.hugo_yaml import HugoConstructor, HugoResolver

    full = HugoResolver().resolve(yaml.ScalarNode, word, (True, False))
    tag = full.rpartition(":")[2]
    node = yaml.ScalarNode(full, word)
    if tag == "int":
        return tag, HugoConstructor().construct_yaml_int(node)
    if tag == "float":
        return tag, HugoConstructor().construct_yaml_float(node)
    if tag == "bool":
        return tag, word.lower() == "true"
    return tag, word


def yaml11_word(node: Node, text: str) -> str | None:
    """The text of a plain YAML 1.1 scalar that YAML 1.2 (and so Hugo) reads as a string, else
    None: a boolean word (`yes`, `off`), a sexagesimal number (`1:30`, which PyYAML reads as
    90; hugo 0.168 titles `title: 1:30` "1:30" and weighs `weight: 1:30` as 0) or `+.inf`."""
    if node.tag not in ("bool", "int", "float"):
        return None
    reading = hugo_reading(node, text)
    return reading[1] if reading is not None and reading[0] == "str" else None


def hugo_value(node: Node, text: str) -> Any:
    """The value Hugo reads for `node` (see `hugo_reading`): `no` is the string "no", `0o17`
    the number 15."""
    reading = hugo_reading(node, text)
    return reading[1] if reading is not None else node.value


# Hugo's own string fields, which it decodes weakly: a number there becomes its text (checked
# with hugo 0.168: `title: 2025` titles the page "2025", `slug = 42` serves it at `.../42/`).
_HUGO_STRINGS = frozenset(
    name.lower()
    for name in (
        "title",
        "linkTitle",
        "description",
        "summary",
        "slug",
        "url",
        "type",
        "layout",
        "translationKey",
    )
)


def _number_as_written(node: Node, text: str) -> str | None:
    """The text of a plain number that Hugo turns back into exactly that text where it wants a
    string (`2025`, `1.5`), else None: `1.10`, `007` and `2.0` come out as "1.1", "7" and "2"
    (hugo 0.168), so the page shows something else than was written."""
    reading = hugo_reading(node, text)
    tag, value = reading if reading is not None else (node.tag, node.value)
    if node.kind != "scalar" or tag not in ("int", "float") or isinstance(value, bool):
        return None
    if not isinstance(value, (int, float)) or value != value:
        return None
    written = text[node.span.start : node.span.end] if text else ""
    if isinstance(value, int):
        shown = str(value)
    else:
        from decimal import Decimal

        shown = format(Decimal(repr(value)).normalize(), "f")
    return written if written == shown else None


def _python(node: Node, text: str = "") -> Any:
    if node.tag == "timestamp" and node.value is None:
        return _SAMPLE_TOML_DATE
    reading = hugo_reading(node, text)
    if reading is not None:
        return reading[1]
    if node.kind == "list" and node.items:
        return [_python(child, text) for child in node.items]
    return node.value


def describe(node: Node, text: str = "") -> str:
    """How a value reads in a message: 'the string "false"', 'a number', 'a list' ..."""
    reading = hugo_reading(node, text)
    if reading is not None:
        tag, value = reading
        if tag == "str":
            return f"the string {value!r}"
        return ("true" if value else "false") if tag == "bool" else f"the number {value}"
    if node.kind == "list":
        return "a list"
    if node.kind == "map":
        return "a map"
    if node.tag == "str":
        shown = str(node.value)
        shown = shown if len(shown) <= 40 else shown[:37] + "..."
        return f"the string {shown!r}"
    if node.tag == "bool":
        return "true" if node.value else "false"
    if node.tag in ("int", "float"):
        return f"the number {node.value}"
    if node.tag == "timestamp":
        return "a date"
    return "a value"


def _shown(node: Node) -> str:
    if node.kind != "scalar":
        return describe(node)
    return repr(node.value) if node.tag != "timestamp" else "a date"


# ------------------------------------------------------------------------------ building models


def schema_for(config: Config | None, site: Site | None, language: str | None = None) -> Schema:
    """The schema for a document in `language` of `site` under `config` (cached per
    combination); a language with a `taxonomies` table of its own knows only those."""
    presets = presets_for(config, site)
    taxonomies = (
        tuple(sorted(site.taxonomies_for(language).values()))
        if site is not None
        else ("categories", "tags")
    )
    source_field = config.source_field if config is not None else None
    required = tuple(config.required) if config is not None else ()
    allowed: list[tuple[str, tuple[Any, ...]]] = []
    for key, values in config.allowed.items() if config is not None else ():
        listed = values if isinstance(values, list) else [values]
        # Only scalars can be compared with a front-matter value (and be cached).
        kept = tuple(v for v in listed if isinstance(v, str | int | float | bool))
        allowed.append((str(key), kept))
    return _schema(presets, taxonomies, source_field, required, tuple(allowed))


@lru_cache(maxsize=64)
def _schema(
    presets: frozenset[str],
    taxonomies: tuple[str, ...],
    source_field: str | None,
    required: tuple[str, ...],
    allowed: tuple[tuple[str, tuple[Any, ...]], ...],
) -> Schema:
    specs: dict[str, Spec] = {}
    for name in ("hugo", "news", "mainroad"):
        if name in presets:
            specs.update(PRESETS[name])
    for plural in taxonomies:
        specs.setdefault(plural.lower(), Spec(plural, "terms", "hugo", taxonomy=True))
    if source_field and "news" in presets:
        specs.setdefault(source_field.lower(), Spec(source_field, "string-or-list", "news"))
    for key in required:
        specs.setdefault(key.lower(), Spec(key, "any", "config"))
    allowed_map: dict[str, tuple[Any, ...]] = {}
    for key, values in allowed:
        specs.setdefault(key.lower(), Spec(key, "any", "config"))
        allowed_map[key.lower()] = values
    return Schema(specs, allowed_map)


@lru_cache(maxsize=64)
def _validated_keys(key: tuple[Any, ...]) -> frozenset[str]:
    """The keys the model for `key` (see `Schema._key`) has a field for: all but untyped ones."""
    kinds, allowed_items = key
    allowed = dict(allowed_items)
    return frozenset(name for name, kind, _ in kinds if allowed.get(name) or kind != "any")


@lru_cache(maxsize=64)
def _model(key: tuple[Any, ...]) -> tuple[Any, frozenset[str]]:
    """A pydantic model for one schema key (see `Schema._key`), and the keys it validates."""
    from typing import Annotated, Literal, Optional, Union

    from pydantic import (
        ConfigDict,
        Field,
        StrictBool,
        StrictFloat,
        StrictInt,
        StrictStr,
        StringConstraints,
        create_model,
    )

    kinds, allowed_items = key
    allowed = dict(allowed_items)
    scalar = Union[StrictStr, StrictInt, StrictFloat]  # noqa: UP007 - built at run time
    annotations: dict[str, Any] = {
        "str": StrictStr,
        # A source map (`{name: Reuters, url: https://...}`) names its URL as `url`.
        "string-or-list": Union[  # noqa: UP007
            StrictStr, dict[str, Any], list[Union[StrictStr, dict[str, Any]]]  # noqa: UP007
        ],
        "bool": StrictBool,
        "int": StrictInt,
        "strings": list[StrictStr],
        # One path without white space (Hugo would split it into several aliases).
        "paths": Union[  # noqa: UP007
            list[StrictStr], Annotated[StrictStr, StringConstraints(pattern=r"^\S+$")]
        ],
        "terms": list[scalar],
        "list": list[Any],
        "map": dict[str, Any],
        "maps": list[dict[str, Any]],
        "cascade": Union[dict[str, Any], list[dict[str, Any]]],  # noqa: UP007
        # Hugo names a menu by each item of a list, as it names taxonomy terms.
        "menu": Union[StrictStr, list[scalar], dict[str, Any]],  # noqa: UP007
        "any": Any,
    }
    fields: dict[str, Any] = {}
    names: set[str] = set()
    for index, (name, kind, owned) in enumerate(kinds):
        annotation = annotations[kind]
        if owned and kind == "list":
            annotation = list[Any]  # the owner checks the items
        values = allowed.get(name)
        if values:
            literal: Any = Literal[values]
            if kind in LIST_KINDS:
                annotation = list[literal]
            elif kind == "any":
                annotation = Union[literal, list[literal]]  # noqa: UP007
            else:
                annotation = literal
        elif annotation is Any:
            continue
        # Field names are positional: front-matter keys need not be identifiers.
        fields[f"f{index}"] = (Optional[annotation], Field(None, alias=name))  # noqa: UP045
        names.add(name)
    model = create_model("FrontMatter", __config__=ConfigDict(extra="allow", strict=True), **fields)
    return model, frozenset(names)
