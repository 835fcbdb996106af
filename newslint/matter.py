"""Front matter: find the block the way Hugo does, and parse it with a span on every key and value.

YAML is composed (never constructed) with libyaml, so no tag can run code and aliases stay shared
nodes whose expanded size is counted before anything walks them. TOML values come from `tomli`
(TOML 1.1, as Hugo's go-toml v2 reads it) and their spans from a small scanner; JSON members are
scanned with the standard library's own string and value decoders.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate, pairwise
from typing import TYPE_CHECKING, Any

from newslint.events import Entry, Format, FrontMatter, Node, Spread
from newslint.spans import Span


class _Toml:
    """The TOML reader, imported on first use (a site with YAML front matter never loads it).

    TOML 1.1 (`tomli` 2.3+), as Hugo's go-toml v2 reads front matter: inline tables over several
    lines or with a trailing comma, `\\e` and `\\xHH` escapes, times without seconds. The standard
    library's `tomllib` (TOML 1.0 up to Python 3.14), used when `tomli` is missing, refuses all
    of these. Both raise a `TOMLDecodeError` that is a `ValueError`.
    """

    def __getattr__(self, name: str) -> Any:
        try:
            import tomli as module
        except ImportError:  # pragma: no cover - tomli missing: TOML 1.0 only
            import tomllib as module  # type: ignore[no-redef]
        self.__dict__.update(loads=module.loads, TOMLDecodeError=module.TOMLDecodeError)
        return getattr(module, name)


class _Yaml:
    """PyYAML, imported on first use.

    Front matter of plain `key: value` lines and lists of words (`_simple_yaml`: nearly every
    article) is read without it, and importing it cost a one-file run more than 20 M
    instructions (it loads its emitter, representer and dumper too). After the import its names
    are this object's own, so each use costs what a module attribute does.
    """

    def __getattr__(self, name: str) -> Any:
        import yaml as module

        self.__dict__.update(vars(module))
        return getattr(module, name)


if TYPE_CHECKING:
    import json
    import tomllib as tomllib  # re-exported: site.py reads Hugo's TOML configuration with it

    import yaml
else:
    tomllib = _Toml()
    yaml = _Yaml()


@cache
def _yaml_loader() -> type[yaml.SafeLoader]:
    """libyaml's loader (PyYAML's own when it was built without libyaml)."""
    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return loader


MAX_EXPANDED_NODES = 100_000
MAX_DEPTH = 200

# Hugo wants the opener alone on its line (after any white space, which `Document` skips) and the
# closer alone on a later one. python-frontmatter's `YAMLHandler.FM_BOUNDARY`, written out here:
# importing that package (and the TOML library it tries) cost a one-file run more than its split
# (tests/test_matter_split.py holds the two equal).
_YAML_DELIM = re.compile(r"^-{3,}\s*$", re.MULTILINE)
# TOMLHandler exists only when the `toml` package is installed; its boundary is this one.
_TOML_DELIM = re.compile(r"^\+{3,}\s*$", re.MULTILINE)
_OPEN = {"---": "yaml", "+++": "toml"}


@dataclass(frozen=True, slots=True)
class FrontMatterError:
    """Why the front matter could not be used, and where (`span` in document offsets)."""

    message: str
    span: Span
    kind: str = "syntax"  # syntax | unterminated | duplicate


@dataclass(frozen=True, slots=True)
class Split:
    """Where a file's front matter and body are: its format and spans, and where the body starts."""

    format: Format
    content_span: Span  # the front matter's text without its delimiters
    block_span: Span  # delimiters included, through the closing line's line break
    body_start: int


def _line_end(text: str, pos: int) -> tuple[int, int]:
    """Return (end of line content, start of next line) from `pos`."""
    nl = text.find("\n", pos)
    # Only up to the line feed: a search to the end of a file without CR, once per key, made a
    # front matter of many keys quadratic.
    cr = text.find("\r", pos, len(text) if nl == -1 else nl)
    if cr != -1:
        return cr, cr + (2 if text.startswith("\r\n", cr) else 1)
    if nl == -1:
        return len(text), len(text)
    return nl, nl + 1


def split(text: str, start: int = 0) -> Split | FrontMatterError | None:
    """Locate the front matter at `start` (after a BOM). None when there is none."""
    first_end, after_first = _line_end(text, start)
    opener = text[start:first_end].rstrip(" \t")
    if opener in _OPEN:
        fmt: Format = "yaml" if opener == "---" else "toml"
        delim = _YAML_DELIM if fmt == "yaml" else _TOML_DELIM
        # Hugo ends the block at the first line that starts with the opener, whatever follows
        # it (checked with hugo 0.168): jump from one occurrence at a line start to the next
        # rather than walking every line of the front matter.
        pos = text.find(opener, after_first)
        while pos >= 0 and not (pos == after_first or text[pos - 1] in "\r\n"):
            pos = text.find(opener, pos + 1)
        if pos >= 0:
            end, nxt = _line_end(text, pos)
            line = text[pos:end]
            if line.rstrip(" \t") == opener and delim.match(line):
                return Split(fmt, Span(after_first, pos), Span(start, nxt), nxt)
            return _loose_closer(text, opener, pos, end)
        return FrontMatterError(
            f"{fmt.upper()} front matter opened with {opener!r} is never closed",
            Span(start, first_end),
            "unterminated",
        )
    if text.startswith("{", start):
        import json  # here: JSON front matter is rare (the module costs a one-file run otherwise)

        try:
            _, end = json.JSONDecoder().raw_decode(text, start)
        except json.JSONDecodeError as err:
            return FrontMatterError(
                f"JSON front matter: {_json_message(err)}", Span(err.pos, err.pos)
            )
        except RecursionError:
            return FrontMatterError(
                "JSON front matter is nested too deeply", Span(start, start + 1)
            )
        except ValueError:  # not a JSONDecodeError: an integer Python will not convert
            return _too_many_digits("JSON", text, start)
        line_end, nxt = _line_end(text, end)
        if text[end:line_end].strip(" \t"):
            # Hugo shows what follows the closing brace on its line in the body (checked with
            # hugo 0.168): `{"title": "T"} Text` has the body " Text".
            nxt = end
        return Split("json", Span(start, end), Span(start, nxt), nxt)
    return None


def _loose_closer(text: str, opener: str, pos: int, end: int) -> FrontMatterError:
    """Hugo ends the block at the first line that starts with the opener, whatever follows it
    on that line (`----`, `---x`), and shows the rest of the line in the body (checked with hugo
    0.168), even when a line of the opener alone comes later: the error for such a line at
    `pos` (ending at `end`), at that rest."""
    rest = Span(pos + len(opener), end)
    return FrontMatterError(
        f"front matter is closed by {text[pos:end]!r}, not {opener!r} alone: Hugo ends it "
        f"at the {opener!r} and shows {text[rest.start : rest.end]!r} in the body",
        rest,
    )


def parse(text: str, found: Split) -> FrontMatter | list[FrontMatterError]:
    """Parse the front matter found by `split`; errors carry document offsets."""
    parser = {"yaml": _parse_yaml, "toml": _parse_toml, "json": _parse_json}[found.format]
    result = parser(text, found.content_span)
    if isinstance(result, list):
        return result
    return FrontMatter(found.format, result, found.content_span, found.block_span)


def duplicate_keys(node: Node) -> list[tuple[Entry, Entry]]:
    """(first, repeat) pairs of keys that appear twice in one map, at any depth."""
    pairs: list[tuple[Entry, Entry]] = []
    stack = [node]
    seen_nodes: set[int] = set()
    while stack:
        current = stack.pop()
        if id(current) in seen_nodes:
            continue
        seen_nodes.add(id(current))
        first_by_key: dict[str, Entry] = {}
        for entry in current.entries:
            if entry.key in first_by_key:
                pairs.append((first_by_key[entry.key], entry))
            else:
                first_by_key[entry.key] = entry
            # A scalar (no entries, no items) holds no keys: not visited (most values are).
            child = entry.node
            if child.entries or child.items:
                stack.append(child)
        stack.extend(child for child in current.items if child.entries or child.items)
    return sorted(pairs, key=lambda p: p[1].key_span.start)


# --------------------------------------------------------------------------------------- YAML

_YAML_TAGS = {
    "tag:yaml.org,2002:str": "str",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "timestamp",
    "tag:yaml.org,2002:seq": "list",
    "tag:yaml.org,2002:map": "map",
    "tag:yaml.org,2002:binary": "str",
    "tag:yaml.org,2002:merge": "str",
    "tag:yaml.org,2002:value": "str",
}
# PyYAML's `SafeConstructor.bool_values` (tests/test_matter_simple.py holds the two equal).
_BOOLS: dict[str, bool] = {
    "yes": True,
    "no": False,
    "true": True,
    "false": False,
    "on": True,
    "off": False,
}
_STYLE = {"": None, None: None, '"': '"', "'": "'", "|": "|", ">": ">"}


def _short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


def _scalar_value(yaml_tag: str, raw: str, constructor: Any) -> tuple[str, Any, str | None]:
    """The tag, Python value and, when the value is refused, the problem of a YAML scalar.

    Shared by the libyaml path and the simple-front-matter scanner, so both read a value alike.
    `constructor`: None for `_safe_constructor()`, made only for a number (or an odd boolean).
    """
    tag = _YAML_TAGS.get(yaml_tag)
    if tag is None:
        return yaml_tag, raw, f"unsupported YAML tag {_short_tag(yaml_tag)}"
    if tag in ("list", "map"):
        return "str", raw, f"{_short_tag(yaml_tag)} on a single value {raw!r}"
    if tag == "null":
        return tag, None, None
    if tag == "bool" and raw.lower() in _BOOLS:
        return tag, _BOOLS[raw.lower()], None  # what SafeConstructor does, without its machinery
    if tag in ("int", "float", "bool"):
        try:
            if constructor is None:
                constructor = _safe_constructor()
            build = constructor.yaml_constructors[yaml_tag]  # construct_object, without its memo
            return tag, build(constructor, yaml.ScalarNode(yaml_tag, raw)), None
        except (ValueError, KeyError, TypeError, yaml.YAMLError):
            # Only an explicit tag can fail here (`!!bool maybe`); Hugo refuses the file too.
            # A value of 10,000 digits is quoted in the message by its start only.
            shown = raw if len(raw) <= 60 else f"{raw[:40]}... ({len(raw):,} characters)"
            return "str", raw, f"{_short_tag(yaml_tag)} {shown!r} is not a valid {tag}"
    return tag, raw, None


def _entry_span(text: str, key: Span, value: Span) -> Span:
    """From the start of the key's line to the end of the value's line (break included)."""
    start = key.start
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    if start > 0 and text[start - 1] not in "\r\n":
        start = key.start  # key is not first on its line (flow mapping): keep it tight
        return Span(start, max(value.end, key.end))
    _, nxt = _line_end(text, max(value.end, key.end))
    # Keep comment lines that follow: they may belong to the next key.
    return Span(start, nxt)


class _YamlBuilder:
    def __init__(self, text: str, offset: int) -> None:
        self.text = text
        self.offset = offset
        self.constructor = yaml.constructor.SafeConstructor()
        self.memo: dict[int, Node] = {}
        self.in_progress: set[int] = set()
        self.errors: list[FrontMatterError] = []

    def span(self, node: yaml.Node, *, properties: bool = True) -> Span:
        """The node's span; without `properties`, a leading `&anchor` is skipped so an edit of the
        value keeps it for the aliases. A `!tag` stays part of the value: an edit writes a value
        that types itself, which `!!str 10` made a string again and `!!int "x"` an error; only
        an anchor after the tag (`!!str &a x`) makes the tag stay too."""
        start, end = node.start_mark.index, node.end_mark.index
        if not properties:
            text, offset = self.text, self.offset
            tag_start = -1
            while start < end and text[offset + start] in "&!":
                if text[offset + start] == "!":
                    tag_start = start if tag_start < 0 else tag_start
                elif tag_start >= 0:
                    tag_start = -2  # an anchor after the tag: keep both
                while start < end and text[offset + start] not in " \t\r\n":
                    start += 1
                while start < end and text[offset + start] in " \t\r\n":
                    start += 1
            if tag_start >= 0:
                start = tag_start
        if isinstance(node, yaml.CollectionNode) or getattr(node, "style", None) in ("|", ">"):
            # Block collections and block scalars end where the next token starts: trim the
            # trailing whitespace so an edit of the value keeps the line break after it.
            next_token = end
            while end > start and self.text[self.offset + end - 1] in " \t\r\n":
                end -= 1
            if isinstance(node, yaml.ScalarNode):
                # Spaces and tabs that end a block scalar's last line are part of its value.
                while end < next_token and self.text[self.offset + end] in " \t":
                    end += 1
        return Span(self.offset + start, self.offset + end)

    def error(self, message: str, node: yaml.Node) -> None:
        self.errors.append(FrontMatterError(message, self.span(node)))

    def scalar(self, node: yaml.ScalarNode) -> Node:
        tag, value, problem = _scalar_value(node.tag, node.value, self.constructor)
        if problem is not None:
            self.error(problem, node)
        span = self.span(node, properties=node.tag not in _YAML_TAGS)
        return Node("scalar", value, span, tag, _STYLE.get(node.style))

    def alias(self, node: yaml.Node, after: int) -> Node | None:
        """The value at an alias (`*name`) after document offset `after`, as a node of its own.

        libyaml's composer hands back the anchored node itself, whose span is the anchor's: an edit
        through the alias would rewrite the anchored value and every other alias of it. The alias
        keeps the value and gets the span of `*name`; it has no items or entries to edit.
        """
        if id(node) not in self.memo:
            return None
        shared = self.memo[id(node)]
        match = _ALIAS.match(self.text, after)
        if match is None:  # pragma: no cover - libyaml read an alias here
            return shared
        span = Span(match.start(1), match.end(1))
        return Node(shared.kind, shared.value, span, shared.tag, None)

    def build(self, node: yaml.Node, depth: int = 0) -> Node:
        key = id(node)
        if key in self.memo:
            return self.memo[key]  # an alias: `alias` gives it a span of its own
        if key in self.in_progress:
            self.error("recursive alias in front matter", node)
            return Node("scalar", None, self.span(node), "null")
        if depth > MAX_DEPTH:
            raise _TooDeep(self.span(node))
        if isinstance(node, yaml.ScalarNode):
            built = self.scalar(node)
        else:
            self.in_progress.add(key)
            tag = _YAML_TAGS.get(node.tag)
            kind = "list" if isinstance(node, yaml.SequenceNode) else "map"
            if tag is None:
                self.error(f"unsupported YAML tag {_short_tag(node.tag)}", node)
            elif tag != kind:  # `!!str [1, 2]`: PyYAML and Hugo refuse it
                self.error(f"{_short_tag(node.tag)} on a {kind}", node)
            if isinstance(node, yaml.SequenceNode):
                items_list: list[Node] = []
                cursor = self.offset + node.start_mark.index
                for child in node.value:
                    item = self.alias(child, cursor) or self.build(child, depth + 1)
                    items_list.append(item)
                    cursor = item.span.end
                items = tuple(items_list)
                span = self.span(node, properties=False)
                built = Node("list", [i.value for i in items], span, "list", None, items)
            else:
                entries = []
                merged: dict[Any, Any] = {}
                for key_node, value_node in node.value:
                    k = self.build(key_node, depth + 1)
                    v = self.alias(value_node, k.span.end) or self.build(value_node, depth + 1)
                    entries.append(
                        Entry(str(k.value), k.span, v, _entry_span(self.text, k.span, v.span))
                    )
                    if key_node.tag == _MERGE_TAG:
                        merged = _merge(v.value) | merged
                if getattr(node, "flow_style", False) and entries:
                    entries = _flow_entries(self.text, entries)
                value = {e.key: e.node.value for e in entries}
                if merged:
                    # `<<: *base` gives the map base's keys it does not set itself, as Hugo reads
                    # it; the `<<` entry stays, for its span.
                    value = merged | {k: v for k, v in value.items() if k != "<<"}
                span = self.span(node, properties=False)
                built = Node("map", value, span, "map", None, (), tuple(entries))
            self.in_progress.discard(key)
        self.memo[key] = built
        return built


# The next alias: what may stand between a key or the previous item and it is white space,
# comments, `:`, `-`, `,`, `[`, `?` and the previous value's closing quote or bracket. A comment
# runs to the line's end (possessive): never part-way, which on a line of `#`s would try every
# way of cutting it into comments, exponentially many, before the match failed.
_ALIAS = re.compile(r"(?:[\s:\-,\[?\]}\"']|#[^\n\r]*+)*?(\*[^\s,\[\]{}]+)")


_MERGE_TAG = "tag:yaml.org,2002:merge"


def _merge(value: Any) -> dict[Any, Any]:
    """What a merge key's value (a map, or a list of maps where the first wins) contributes."""
    if isinstance(value, dict):
        return dict(value)
    merged: dict[Any, Any] = {}
    for item in value if isinstance(value, list) else ():
        if isinstance(item, dict):
            merged = item | merged
    return merged


def _flow_entries(text: str, entries: list[Entry]) -> list[Entry]:
    """Entries of a flow mapping (`{a: 1, b: 2}`) whose spans take one comma, as JSON members
    do: each but the last up to the next key, the last from the end of the value before it."""
    out = []
    for index, entry in enumerate(entries):
        if index + 1 < len(entries):
            span = Span(entry.key_span.start, entries[index + 1].key_span.start)
        elif index > 0:
            span = Span(entries[index - 1].node.span.end, entry.node.span.end)
        else:
            span = Span(entry.key_span.start, max(entry.node.span.end, entry.key_span.end))
        out.append(Entry(entry.key, entry.key_span, entry.node, span))
    return out


class _TooDeep(Exception):
    def __init__(self, span: Span) -> None:
        self.span = span


def _expanded_size(node: yaml.Node, memo: dict[int, int], active: set[int]) -> int:
    key = id(node)
    if key in memo:
        return memo[key]
    if key in active or isinstance(node, yaml.ScalarNode):
        return 1
    active.add(key)
    if isinstance(node, yaml.SequenceNode):
        size = 1 + sum(_expanded_size(child, memo, active) for child in node.value)
    else:
        size = 1 + sum(
            _expanded_size(k, memo, active) + _expanded_size(v, memo, active) for k, v in node.value
        )
    active.discard(key)
    memo[key] = min(size, MAX_EXPANDED_NODES * 10)
    return memo[key]


# ------------------------------------------------------------------- simple YAML front matter

# Most front matter is a flat list of `key: value` lines and block lists of scalars. That subset
# is read here without libyaml's node graph (composing and walking it was a third of the time a
# document takes to read). Anything outside the subset returns None and goes to libyaml; so do
# characters YAML treats specially (tabs, CR, NEL, line and paragraph separators, BOM, controls).
# tests/test_matter_simple.py checks the result equals the libyaml path's, span for span.
_SIMPLE_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)")
_SIMPLE_ITEM = re.compile(r"( *)- +")
# Written as the excluded characters: the complement class takes 8 ms to compile, on every start.
_SIMPLE_EXCLUDED = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]"
)
# A plain scalar may not start with an indicator (YAML 1.1, 5.3); the subset is stricter still.
_PLAIN_START = frozenset("-?:,[]{}#&*!|>'\"%@`")
# Quoted scalars on one line; of the escapes, only \" \\ and \/ (which stand for themselves).
# Possessive (`++`, `*+`): one regex step per run of plain characters, not one per character (a
# long summary took 12 us to match). A run ends only where the quote closes or at an escape the
# subset refuses, so giving characters back could never find another closing quote that
# `_simple_scalar` accepts (tests/test_matter_simple.py checks this against the plain patterns).
_DOUBLE_QUOTED = re.compile(r'"((?:[^"\\]++|\\["\\/])*+)"')
_SIMPLE_ESCAPE = re.compile(r"\\(.)")
_SINGLE_QUOTED = re.compile(r"'((?:[^']++|'')*+)'")
_PLAIN_IMPLICIT = (True, False)
_STR_TAG = "tag:yaml.org,2002:str"
# How PyYAML's resolver (YAML 1.1) reads a plain scalar, without PyYAML for the common ones: by
# its first character it tries the booleans' pattern (`yYnNtTfFoO`), the null's (`~nN` and the
# empty text) or patterns of numbers, dates, `<<`, `=` and the lone `!`, `&` and `*` (the first
# characters in `_RESOLVED_BY_YAML`), and anything else is a string. The words are those of the
# booleans' and the null's patterns. tests/test_matter_simple.py checks these against the
# resolver's own table.
_RESOLVED_BY_YAML = frozenset("-+.0123456789<=!&*")
# The booleans' pattern takes each word of `_BOOLS` in three spellings: `yes`, `Yes`, `YES`.
_BOOL_WORDS = frozenset(form for word in _BOOLS for form in (word, word.capitalize(), word.upper()))
_NULL_WORDS = frozenset(("~", "null", "Null", "NULL"))
_BOOL_TAG = "tag:yaml.org,2002:bool"
_NULL_TAG = "tag:yaml.org,2002:null"
# How plain scalars read (tag, value), by their text: keys and values such as `title`, `true` and
# `right` recur in every file. The values are immutable (str, int, float, bool, None).
_PLAIN_READINGS: dict[str, tuple[str, Any]] = {}


@cache
def _resolver() -> yaml.resolver.Resolver:
    return yaml.resolver.Resolver()


@cache
def _safe_constructor() -> yaml.constructor.SafeConstructor:
    """The constructor `_simple_yaml` builds numbers with: its int, float and bool builders keep
    no state, so one serves every file."""
    return yaml.constructor.SafeConstructor()


def _plain_tag(raw: str) -> str:
    """The tag PyYAML's resolver gives the plain scalar `raw`."""
    if raw and raw[0] not in _RESOLVED_BY_YAML:
        if raw in _BOOL_WORDS:
            return _BOOL_TAG
        return _NULL_TAG if raw in _NULL_WORDS else _STR_TAG
    tag: str = _resolver().resolve(yaml.ScalarNode, raw, _PLAIN_IMPLICIT)
    return tag


def _simple_scalar(line: str, start: int) -> tuple[str, str | None, int, int] | None:
    """(raw value, style, start, end) of the one scalar filling `line[start:]`, or None."""
    end = len(line.rstrip(" "))
    if end <= start:
        return None
    first = line[start]
    if first == '"' or first == "'":
        quoted = (_DOUBLE_QUOTED if first == '"' else _SINGLE_QUOTED).match(line, start)
        if quoted is None or quoted.end() != end:
            return None  # unclosed, more after the closing quote, or an escape libyaml must read
        raw = quoted.group(1)
        if first == '"' and "\\" in raw:
            raw = _SIMPLE_ESCAPE.sub(r"\1", raw)
        elif first == "'" and "''" in raw:
            raw = raw.replace("''", "'")
        return raw, first, start, end
    raw = line[start:end]
    if first in _PLAIN_START or ": " in raw or " #" in raw or raw.endswith(":"):
        return None
    return raw, None, start, end


def _plain_reading(raw: str, constructor: Any) -> tuple[str, Any] | None:
    """(tag, value) of the plain scalar `raw`, remembered in `_PLAIN_READINGS`; None when the
    subset cannot take it. `constructor`: None for `_safe_constructor()` (made when needed)."""
    tag, value, problem = _scalar_value(_plain_tag(raw), raw, constructor)
    if problem is not None:
        return None
    if len(_PLAIN_READINGS) > 4096:
        _PLAIN_READINGS.clear()
    read = _PLAIN_READINGS[raw] = (tag, value)
    return read


def _simple_yaml(text: str, span: Span, constructor: Any = None) -> Node | None:
    """The front matter at `span` when it is in the simple subset, else None (`constructor` as
    for `_plain_reading`)."""
    content = text[span.start : span.end]
    if _SIMPLE_EXCLUDED.search(content):
        return None
    offset = span.start
    lines = content.split("\n")
    starts = list(accumulate((len(line) + 1 for line in lines), initial=offset))

    def scalar(raw: str, style: str | None, start: int, end: int) -> Node | None:
        if style is not None:  # quoted: a string, whatever it says
            return Node("scalar", raw, Span(start, end), "str", style)
        read = _PLAIN_READINGS.get(raw) or _plain_reading(raw, constructor)
        if read is None:
            return None
        return Node("scalar", read[1], Span(start, end), read[0], None)

    entries: list[Entry] = []
    count = len(lines)
    index = 0
    first_key = -1
    while index < count:
        line = lines[index]
        bare = line.lstrip(" ")
        if not bare or bare[0] == "#":
            index += 1
            continue
        match = _SIMPLE_KEY.match(line)
        if match is None:
            return None
        base = starts[index]
        if first_key < 0:
            first_key = base
        # A key is a plain scalar too, but only its value and span are kept (no Node for it).
        key_text = match.group(1)
        key_read = _PLAIN_READINGS.get(key_text) or _plain_reading(key_text, constructor)
        if key_read is None:
            return None
        key_span = Span(base, base + match.end(1))
        index += 1
        if match.end() < len(line.rstrip(" ")):
            found = _simple_scalar(line, match.end())
            if found is None:
                return None
            raw, style, start, end = found
            value = scalar(raw, style, base + start, base + end)
            if value is None:
                return None
            if index < count and text[base - 1] == "\n":
                # What `_entry_span` finds: the key starts its line and the line's break is the
                # content's own line feed (the scanner takes no CR), so the next line starts it.
                entries.append(Entry(str(key_read[1]), key_span, value, Span(base, starts[index])))
                continue
        else:
            items: list[Node] = []
            indent = None
            dash = 0
            while index < count:
                line = lines[index]
                bare = line.lstrip(" ")
                if not bare or bare[0] == "#":
                    index += 1
                    continue
                item = _SIMPLE_ITEM.match(line)
                if item is None:
                    if line[0] == " ":
                        return None  # a nested map or a continued scalar
                    break
                if indent is None:
                    indent = item.end(1)
                    dash = starts[index] + indent
                elif item.end(1) != indent:
                    return None
                found = _simple_scalar(line, item.end())
                if found is None:
                    return None
                raw, style, start, end = found
                base = starts[index]
                node = scalar(raw, style, base + start, base + end)
                if node is None:
                    return None
                items.append(node)
                index += 1
            if not items:
                return None  # `key:` alone is null in YAML; libyaml places its span
            value = Node(
                "list",
                [item.value for item in items],
                # Where libyaml ends a block list (the next token), less trailing white space.
                Span(dash, _trim_end(text, offset, starts[index] if index < count else span.end)),
                "list",
                None,
                tuple(items),
            )
        entries.append(
            Entry(str(key_read[1]), key_span, value, _entry_span(text, key_span, value.span))
        )
    if first_key < 0:
        return None
    return Node(
        "map",
        {entry.key: entry.node.value for entry in entries},
        Span(first_key, _trim_end(text, offset, span.end)),
        "map",
        None,
        (),
        tuple(entries),
    )


def _parse_yaml(text: str, span: Span) -> Node | list[FrontMatterError]:
    content = text[span.start : span.end]
    if not content.strip():
        return Node("map", {}, Span(span.start, span.start), "map")
    simple = _simple_yaml(text, span)
    if simple is not None:
        return simple
    return _composed_yaml(text, span)


# Line breaks to PyYAML (YAML 1.1) that Hugo's reader (goccy/go-yaml) takes for text, in plain,
# quoted and block scalars and in keys alike (checked with hugo 0.168): NEL, LS and PS; and the
# BOM (U+FEFF), which libyaml skips at the start of any line and Hugo keeps (`\ufeffb: 1` is the
# key "\ufeffb").
_TEXT_TO_HUGO_CHARS = "\x85\u2028\u2029\ufeff"
_TEXT_TO_HUGO = re.compile(f"[{_TEXT_TO_HUGO_CHARS}]")
# White space to a reader of prose, text to YAML (and to both readers): at the start of a line it
# is no indentation.
_UNICODE_SPACES = frozenset(
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u202f\u205f\u3000\ufeff"
)
_EMPTY_TOP_KEY = re.compile(r"[^\s#\-?:][^#\r\n]*:[ \t]*(?:#.*)?")


def _masked(content: str) -> tuple[str, dict[int, int]]:
    """`content` with each NEL, LS, PS and BOM replaced by a private-use character it does not hold
    (one code point for one, so every offset stays), and the table that puts them back."""
    back: dict[int, int] = {}
    there = set(content)
    candidate = 0xE000
    for char in _TEXT_TO_HUGO_CHARS:
        if char in there:
            while chr(candidate) in there:
                candidate += 1
            back[candidate] = ord(char)
            candidate += 1
    return content.translate({v: k for k, v in back.items()}), back


def _graph_nodes(root: yaml.Node) -> Iterator[yaml.Node]:
    """Every node of a composed YAML graph once (an alias's target is one node, met twice)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)


def _unmask(root: yaml.Node, back: dict[int, int]) -> None:
    """Put the characters `_masked` replaced back into every scalar of the composed graph."""
    for node in _graph_nodes(root):
        if isinstance(node, yaml.ScalarNode):
            node.value = node.value.translate(back)


def _space_led_value(content: str, start: int) -> str | None:
    """What Hugo does with the line at `start` that PyYAML refused as a key, when it starts with
    a Unicode space (a no-break space where indentation was meant, pasted from a web page): after
    a top-level key with no value (blank and comment lines between), Hugo's reader takes the line
    for that key's text and builds the page (checked with hugo 0.168); elsewhere both fail."""
    if start >= len(content) or content[start] not in _UNICODE_SPACES:
        return None
    before = content[:start].splitlines()
    while before and (not before[-1].strip() or before[-1].lstrip().startswith("#")):
        before.pop()
    if not before or not _EMPTY_TOP_KEY.fullmatch(before[-1]):
        return None
    end = start
    while end < len(content) and content[end] not in "\r\n":
        end += 1
    return (
        f"U+{ord(content[start]):04X} at the start of {content[start:end]!r} is text, not "
        "indentation: newslint's YAML reader refuses the line; Hugo's takes it for the text of "
        "the key above it and builds the page"
    )


# Hugo's reader takes tabs after a block sequence's dash for the space that separates a scalar
# item (`-\tx` is ["x"]; an item that is a map fails the build, checked with hugo 0.168); libyaml
# refuses any tab there.
_DASH_TAB = re.compile(r"^ *-[ \t]*\t[ \t]*(?=[^\s#])", re.MULTILINE)


def _tab_separated(content: str) -> yaml.Node | None:
    """The composed `content` with the tabs after sequence dashes read as spaces (same length,
    so every offset stays), when each such dash starts a scalar item; else None (libyaml's
    reading, and its error, stand)."""
    found = list(_DASH_TAB.finditer(content))
    if not found:
        return None
    pieces, cursor = [], 0
    for match in found:
        pieces.append(content[cursor : match.start()])
        pieces.append(match.group(0).replace("\t", " "))
        cursor = match.end()
    pieces.append(content[cursor:])
    try:
        root = yaml.compose("".join(pieces), Loader=_yaml_loader())
    except (yaml.YAMLError, RecursionError, ValueError):
        return None
    if root is None:
        return None
    starts: set[int] = set()
    for node in _graph_nodes(root):
        if isinstance(node, yaml.SequenceNode):
            starts.update(i.start_mark.index for i in node.value if isinstance(i, yaml.ScalarNode))
    if all(match.end() in starts for match in found):
        return root
    return None


def has_text_to_hugo(content: str) -> bool:
    """Whether `content` holds a character PyYAML reads otherwise than Hugo (NEL, LS, PS, BOM)."""
    return _TEXT_TO_HUGO.search(content) is not None


def yaml_value(content: str) -> Any:
    """The value of the YAML document `content` as newslint reads front matter (NEL, LS, PS and
    a BOM are text, as Hugo reads them, not line breaks as PyYAML's `yaml.load` takes them);
    ValueError when it does not parse."""
    found = _parse_yaml(content, Span(0, len(content)))
    if isinstance(found, list):
        raise ValueError(found[0].message)
    return found.value


def _composed_yaml(text: str, span: Span) -> Node | list[FrontMatterError]:
    """Any YAML front matter, through libyaml's composer (`_simple_yaml` reads the common case)."""
    source = content = text[span.start : span.end]
    back: dict[int, int] = {}
    if _TEXT_TO_HUGO.search(content):
        content, back = _masked(content)
    try:
        tabbed = _tab_separated(content) if "\t" in content else None
        root = tabbed if tabbed is not None else yaml.compose(content, Loader=_yaml_loader())
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        index = span.start + (mark.index if mark is not None else 0)
        index = min(index, span.end)
        problem = err.problem or str(err)
        if err.context_mark is not None and problem == "could not find expected ':'":
            hugo = _space_led_value(source, err.context_mark.index)
            if hugo is not None:
                line = span.start + err.context_mark.index  # the line, not where PyYAML gave up
                return [FrontMatterError(f"YAML: {hugo}", Span(line, line))]
            if err.context == "while scanning a simple key":
                # A line with no `:` (Markdown before a missing closing `---`, a value wrapped
                # onto a line of its own): PyYAML gives up on the line after it, the closing
                # delimiter maybe; the line itself is the one to fix, where hugo 0.168 reports.
                key = span.start + err.context_mark.index
                return [FrontMatterError(f"YAML: {problem} {err.context}", Span(key, key))]
        if err.context:
            problem = f"{problem} {err.context}"
            if (
                err.context_mark is not None
                and mark is not None
                and err.context_mark.line != mark.line
            ):
                start = span.start + err.context_mark.index
                line = text.count("\n", 0, start) + 1
                problem = f"{problem} that starts on line {line}"
        return [FrontMatterError(f"YAML: {problem}", Span(index, index))]
    except yaml.reader.ReaderError as err:
        position = max(err.position, 0)
        if _yaml_loader() is not yaml.SafeLoader:
            # libyaml reads the UTF-8 bytes of the text and says where in them it stopped.
            position = len(
                content.encode("utf-8", "surrogatepass")[:position].decode("utf-8", "ignore")
            )
        index = span.start + min(position, len(content))
        return [
            FrontMatterError(
                f"YAML: unacceptable character #x{err.character:04x}: {err.reason}",
                Span(index, index),
            )
        ]
    except (yaml.YAMLError, RecursionError, ValueError) as err:
        return [FrontMatterError(f"YAML: {err}", Span(span.start, span.start))]
    if root is None:
        return Node("map", {}, Span(span.start, span.start), "map")
    try:
        size = _expanded_size(root, {}, set())
    except RecursionError:
        return [FrontMatterError("YAML is nested too deeply", Span(span.start, span.start))]
    if back:
        _unmask(root, back)
    builder = _YamlBuilder(text, span.start)
    if size > MAX_EXPANDED_NODES:
        return [
            FrontMatterError(
                f"YAML aliases expand to more than {MAX_EXPANDED_NODES:,} values "
                "(an alias bomb); not read",
                builder.span(root),
            )
        ]
    try:
        node = builder.build(root)
    except (_TooDeep, RecursionError) as err:
        where = err.span if isinstance(err, _TooDeep) else Span(span.start, span.start)
        return [FrontMatterError(f"YAML is nested deeper than {MAX_DEPTH} levels", where)]
    if builder.errors:
        return builder.errors
    if node.kind != "map":
        return [FrontMatterError(f"front matter is a {node.kind}, not a map of keys", node.span)]
    return node


# --------------------------------------------------------------------------------------- JSON

_WS = re.compile(r"[ \t\r\n]*")
# A surrogate that `\uXXXX` escapes left unpaired (a pair decodes to one code point).
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@lru_cache(maxsize=1)
def _decoder() -> json.JSONDecoder:
    import json

    return json.JSONDecoder()


class _JsonSpanError(Exception):
    def __init__(self, message: str, pos: int) -> None:
        self.message = message
        self.pos = pos


def _json_value(text: str, pos: int, depth: int = 0) -> tuple[Node, int]:
    import json

    if depth > MAX_DEPTH:
        raise _JsonSpanError(f"nested deeper than {MAX_DEPTH} levels", pos)
    char = text[pos : pos + 1]
    if char == "{":
        entries: list[Entry] = []
        cur = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
        if text.startswith("}", cur):
            return Node("map", {}, Span(pos, cur + 1), "map"), cur + 1
        while True:
            if not text.startswith('"', cur):
                raise _JsonSpanError("expected a quoted key", cur)
            key, key_end = json.decoder.scanstring(text, cur + 1)  # type: ignore[attr-defined]
            if _LONE_SURROGATE.search(key):
                key = _LONE_SURROGATE.sub("\ufffd", key)
            key_span = Span(cur, key_end)
            cur = _WS.match(text, key_end).end()  # type: ignore[union-attr]
            if not text.startswith(":", cur):
                raise _JsonSpanError("expected ':'", cur)
            cur = _WS.match(text, cur + 1).end()  # type: ignore[union-attr]
            value, value_end = _json_value(text, cur, depth + 1)
            after = _WS.match(text, value_end).end()  # type: ignore[union-attr]
            entries.append(Entry(key, key_span, value, Span(key_span.start, value_end)))
            if text.startswith(",", after):
                cur = _WS.match(text, after + 1).end()  # type: ignore[union-attr]
                # The entry takes its comma and the space up to the next key with it.
                last = entries[-1]
                entries[-1] = Entry(
                    last.key, last.key_span, last.node, Span(last.key_span.start, cur)
                )
                continue
            if text.startswith("}", after):
                if len(entries) > 1:
                    # The last member takes the comma before it instead.
                    prev, last = entries[-2], entries[-1]
                    prev_value_end = prev.node.span.end
                    entries[-1] = Entry(
                        last.key, last.key_span, last.node, Span(prev_value_end, value_end)
                    )
                mapping = {e.key: e.node.value for e in entries}
                return Node(
                    "map", mapping, Span(pos, after + 1), "map", None, (), tuple(entries)
                ), after + 1
            raise _JsonSpanError("expected ',' or '}'", after)
    if char == "[":
        items: list[Node] = []
        cur = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
        if text.startswith("]", cur):
            return Node("list", [], Span(pos, cur + 1), "list"), cur + 1
        while True:
            item, item_end = _json_value(text, cur, depth + 1)
            items.append(item)
            after = _WS.match(text, item_end).end()  # type: ignore[union-attr]
            if text.startswith(",", after):
                cur = _WS.match(text, after + 1).end()  # type: ignore[union-attr]
                continue
            if text.startswith("]", after):
                values = [i.value for i in items]
                return Node(
                    "list", values, Span(pos, after + 1), "list", None, tuple(items)
                ), after + 1
            raise _JsonSpanError("expected ',' or ']'", after)
    try:
        decoded, end = _decoder().raw_decode(text, pos)
    except json.JSONDecodeError as err:
        raise _JsonSpanError(_json_message(err), err.pos) from None
    if isinstance(decoded, float) and not math.isfinite(decoded):
        # Python reads NaN, Infinity and 1e400; Go's encoding/json, and so Hugo, refuses them.
        written = text[pos:end]
        if written[-1:].isdigit():
            raise _JsonSpanError(f"number {written} is out of range", pos)
        raise _JsonSpanError(f"{written} is not a JSON value", pos)
    if isinstance(decoded, str) and _LONE_SURROGATE.search(decoded):
        decoded = _LONE_SURROGATE.sub("\ufffd", decoded)  # what Go's decoder makes of `\ud800`
    tag = {bool: "bool", int: "int", float: "float", str: "str", type(None): "null"}[type(decoded)]
    return Node("scalar", decoded, Span(pos, end), tag, '"' if tag == "str" else None), end


def _parse_json(text: str, span: Span) -> Node | list[FrontMatterError]:
    try:
        node, _ = _json_value(text[: span.end], span.start)
    except _JsonSpanError as err:
        return [FrontMatterError(f"JSON: {err.message}", Span(err.pos, err.pos))]
    except RecursionError:
        return [FrontMatterError("JSON is nested too deeply", Span(span.start, span.start))]
    except ValueError:  # an integer Python will not convert
        return [_too_many_digits("JSON", text, span.start)]
    return node


# --------------------------------------------------------------------------------------- TOML

_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_TOML_SCALAR_END = re.compile(r"[^,\]\}#\r\n]*")


def _toml_error(text: str, span: Span, err: tomllib.TOMLDecodeError) -> FrontMatterError:
    message = str(err)
    match = _TOML_POSITION.search(message)
    offset = span.start
    if match:
        line, column = int(match.group(1)), int(match.group(2))
        content = text[span.start : span.end]
        starts = [0] + [m.end() for m in re.finditer(r"\r\n?|\n", content)]
        if line - 1 < len(starts):
            offset = span.start + min(starts[line - 1] + column - 1, len(content))
            if message.startswith(_TOML_REDEFINED):
                # tomli points past the statement; Hugo, as here, at the key or table name
                # defined again (checked with hugo 0.168).
                offset = _TOML_STATEMENT.match(text, span.start + starts[line - 1]).end()  # type: ignore[union-attr]
        message = _TOML_POSITION.sub("", message).strip()
    elif message.endswith(_TOML_AT_END):
        # The reader ran out of text (a list or a string left open): the problem is at the end
        # of the block's last line, where hugo 0.168 reports it too, not on its first line.
        content = text[span.start : span.end]
        ending = re.search(r"(?:\r\n?|\n)\Z", content)
        offset = span.end - (len(ending.group()) if ending else 0)
    return FrontMatterError(f"TOML: {message}", Span(offset, offset))


_TOML_AT_END = "(at end of document)"


# tomli's messages for a key or table defined twice, and where such a statement's name starts.
_TOML_REDEFINED = ("Cannot overwrite a value", "Cannot declare", "Cannot mutate", "Duplicate")
_TOML_STATEMENT = re.compile(r"[ \t]*(?:\[{1,2}[ \t]*)?")


class _TomlScanner:
    """Finds the spans of TOML keys and values; `tomllib` has already validated the text."""

    def __init__(self, text: str, end: int) -> None:
        self.text = text
        self.end = end

    def skip_ws(self, pos: int, newlines: bool = True) -> int:
        text = self.text
        while pos < self.end:
            char = text[pos]
            if char in " \t" or (newlines and char in "\r\n"):
                pos += 1
            elif char == "#" and newlines:
                nl, _ = _line_end(text, pos)
                pos = nl
            else:
                break
        return pos

    def key(self, pos: int) -> tuple[list[str], Span, int]:
        parts, _, span, after = self.dotted_key(pos)
        return parts, span, after

    def dotted_key(self, pos: int) -> tuple[list[str], list[Span], Span, int]:
        """The parts of the (dotted) key at `pos`, each part's span, the whole key's span, and
        where what follows it starts."""
        parts: list[str] = []
        spans: list[Span] = []
        start = pos
        while True:
            pos = self.skip_ws(pos, newlines=False)
            part_start = pos
            if self.text.startswith('"', pos):
                part, pos = _toml_basic_string(self.text, pos + 1)
            elif self.text.startswith("'", pos):
                close = self.text.index("'", pos + 1)
                part, pos = self.text[pos + 1 : close], close + 1
            else:
                match = _BARE_KEY.match(self.text, pos)
                part = match.group(0) if match else ""
                pos = match.end() if match else pos
            parts.append(part)
            spans.append(Span(part_start, pos))
            after = self.skip_ws(pos, newlines=False)
            if self.text.startswith(".", after):
                pos = after + 1
                continue
            return parts, spans, Span(start, pos), after

    def value(self, pos: int, depth: int = 0) -> Node:
        """The value at `pos` as a node of spans only (no value, no tag; `_toml_node` fills them
        in from what `tomllib` read): its span, string style, array items and the members of
        an inline table."""
        text = self.text
        for quote in ('"""', "'''"):
            if text.startswith(quote, pos):
                close = pos + 3
                while True:
                    close = text.index(quote, close)
                    if quote == '"""' and _escaped(text, close):
                        close += 1
                        continue
                    break
                while text.startswith(quote[0], close + 3):
                    close += 1  # up to two quotes may end the content
                source = text[pos : close + 3]
                # `tomli` reads each CR LF in it as LF; the scanner reads what Hugo does.
                value = _toml_multiline(source) if "\r" in source else None
                return Node("scalar", value, Span(pos, close + 3), "", quote)
        if text.startswith('"', pos):
            _, end = _toml_basic_string(text, pos + 1)
            return Node("scalar", None, Span(pos, end), "", '"')
        if text.startswith("'", pos):
            return Node("scalar", None, Span(pos, text.index("'", pos + 1) + 1), "", "'")
        if text.startswith("[", pos):
            items: list[Node] = []
            cur = self.skip_ws(pos + 1)
            while not text.startswith("]", cur):
                item = self.value(cur, depth + 1)
                items.append(item)
                cur = self.skip_ws(item.span.end)
                if text.startswith(",", cur):
                    cur = self.skip_ws(cur + 1)
            return Node("list", None, Span(pos, cur + 1), "", None, tuple(items))
        if text.startswith("{", pos):
            return self.inline_table(pos, depth)
        match = _TOML_SCALAR_END.match(text, pos)
        end = match.end() if match else pos
        while end > pos and text[end - 1] in " \t":
            end -= 1
        return Node("scalar", None, Span(pos, end), "")

    def inline_table(self, pos: int, depth: int) -> Node:
        """An inline table `{ a = 1, b = "x" }`: its members get entries whose spans take one
        comma, as JSON members do (a dotted key inside one leaves the table without entries)."""
        text = self.text
        members: list[tuple[str, Span, Node]] = []
        dotted = False
        # TOML 1.1 (and Hugo) let an inline table run over several lines, with comments and a
        # comma after its last member.
        cur = self.skip_ws(pos + 1)
        while not text.startswith("}", cur):
            parts, key_span, after = self.key(cur)
            dotted = dotted or len(parts) > 1
            value = self.value(self.skip_ws(after + 1, newlines=False), depth + 1)
            members.append((parts[0], key_span, value))
            cur = self.skip_ws(value.span.end)
            if text.startswith(",", cur):
                cur = self.skip_ws(cur + 1)
        entries: list[Entry] = []
        for index, (key, key_span, value) in enumerate(members):
            if index + 1 < len(members):
                member = Span(key_span.start, members[index + 1][1].start)
            elif index > 0:
                member = Span(members[index - 1][2].span.end, value.span.end)
            else:
                member = Span(key_span.start, value.span.end)
            entries.append(Entry(key, key_span, value, member))
        return Node("map", None, Span(pos, cur + 1), "", None, (), () if dotted else tuple(entries))


# TOML's escapes (1.0, and 1.1's \e and \xHH); `\uXXXX` and `\UXXXXXXXX` are read apart.
_TOML_ESCAPES = {
    "b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", "e": "\x1b", '"': '"', "\\": "\\",
}  # fmt: skip
_TOML_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


def _toml_basic_string(text: str, pos: int) -> tuple[str, int]:
    """The value of the one-line TOML basic string whose content starts at `pos` (after its
    opening quote), and the offset after its closing quote. `tomllib` has validated it. Not
    JSON's scanner: TOML has `\\UXXXXXXXX`, which JSON refuses."""
    out: list[str] = []
    while True:
        char = text[pos]
        if char == '"':
            return "".join(out), pos + 1
        if char != "\\":
            out.append(char)
            pos += 1
            continue
        char, pos = _toml_escape(text, pos)
        out.append(char)


def _toml_multiline(source: str) -> str:
    """The value of the multi-line string `source` (quotes included), its line breaks kept as
    written: Hugo's go-toml keeps a CR LF in one where `tomli` reads LF (checked with hugo
    0.168). `tomli` has validated it."""
    body = source[3:-3]
    body = body[2:] if body.startswith("\r\n") else body[1:] if body.startswith("\n") else body
    if source.startswith("'''"):
        return body
    out: list[str] = []
    pos = 0
    while pos < len(body):
        char = body[pos]
        if char != "\\":
            out.append(char)
            pos += 1
            continue
        if body[pos + 1] in " \t\r\n":
            # A backslash that ends a line drops the white space and line breaks after it.
            pos += 1
            while pos < len(body) and body[pos] in " \t\r\n":
                pos += 1
        else:
            char, pos = _toml_escape(body, pos)
            out.append(char)
    return "".join(out)


def _toml_escape(text: str, pos: int) -> tuple[str, int]:
    """The character the escape at `pos` (its backslash) stands for, and the offset after it."""
    code = text[pos + 1]
    width = _TOML_HEX_ESCAPES.get(code)
    if width is None:
        return _TOML_ESCAPES.get(code, code), pos + 2
    return chr(int(text[pos + 2 : pos + 2 + width], 16)), pos + 2 + width


def toml_value(source: str) -> Any:
    """What the source text of one TOML value stands for, read as the front matter is (raises
    the reader's `TOMLDecodeError`, a `ValueError`)."""
    value = tomllib.loads(f"k = {source}\n")["k"]
    if isinstance(value, str) and source.startswith(('"""', "'''")) and "\r" in source:
        return _toml_multiline(source)
    return value


def _escaped(text: str, pos: int) -> bool:
    count = 0
    while pos - count - 1 >= 0 and text[pos - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def _toml_node(value: Any, scanned: Node) -> Node:
    """The node of `value` (as `tomllib` read it) at the spans `scanned` found."""
    span = scanned.span
    if isinstance(value, dict):
        entries = tuple(
            Entry(e.key, e.key_span, _toml_node(value.get(e.key), e.node), e.entry_span)
            for e in scanned.entries
        )
        return Node("map", value, span, "map", None, (), entries)
    if isinstance(value, list):
        children = tuple(
            _toml_node(v, child) for v, child in zip(value, scanned.items, strict=False)
        )
        return Node("list", value, span, "list", None, children)
    tag = {bool: "bool", int: "int", float: "float", str: "str"}.get(type(value), "timestamp")
    if tag == "timestamp":
        return Node("scalar", None, span, "timestamp", None)
    if tag == "str" and scanned.value is not None:
        value = scanned.value  # a multi-line string with its CR LF kept (`_toml_multiline`)
    return Node("scalar", value, span, tag, scanned.style)


def _parse_toml(text: str, span: Span) -> Node | list[FrontMatterError]:
    content = text[span.start : span.end]
    try:
        data = tomllib.loads(content)
    except tomllib.TOMLDecodeError as err:
        return [_toml_error(text, span, err)]
    except RecursionError:
        return [FrontMatterError("TOML is nested too deeply", Span(span.start, span.start))]
    except ValueError:  # not a TOMLDecodeError: an integer Python will not convert
        return [_too_many_digits("TOML", text, span.start)]
    problem = _toml_out_of_range(text, span, data) or _toml_too_deep(span, data)
    if problem is not None:
        return [problem]
    scanner = _TomlScanner(text, span.end)
    root = _TomlTable("", Span(span.start, span.start), span.start, data)
    # The statements in order: `key = value` lines go to the current table, a `[header]` opens
    # one. A header is only ever first on its line, where a key would be: the lines of a
    # multi-line string or array that start with `[` are read as part of their value.
    current: _TomlTable | None = root
    open_headers: list[tuple[_TomlTable, int]] = []  # tables whose current piece is a header's
    pos = scanner.skip_ws(span.start)
    while pos < span.end:
        line_start = _line_start(text, pos, span.start)
        if text.startswith("[", pos):
            for table, piece_start in open_headers:
                table.add_piece(Span(piece_start, line_start))
            open_headers = []
            array = text.startswith("[[", pos)
            parts, part_spans, _, after = scanner.dotted_key(pos + (2 if array else 1))
            _, nxt = _line_end(text, after)
            # Each table on the header's path holds the next one; a header inside an array of
            # tables, or over a key that is no table, only widens what it names.
            table, current = root, None
            for depth, (part, part_span) in enumerate(zip(parts, part_spans, strict=True)):
                child = table.child(part, part_span, pos)
                child.key_spans.append(part_span)
                open_headers.append((child, line_start))
                if not isinstance(child.value, dict) or (array and depth == len(parts) - 1):
                    break
                table = child
            else:
                current = table
            pos = scanner.skip_ws(nxt)
            continue
        parts, part_spans, _, after = scanner.dotted_key(pos)
        if not text.startswith("=", after):  # pragma: no cover - tomllib accepted the text
            break
        value_start = scanner.skip_ws(after + 1, newlines=False)
        scanned = scanner.value(value_start)
        _, nxt = _line_end(text, scanned.span.end)
        line = Span(line_start, nxt)
        owner = current
        for part, part_span in zip(parts[:-1], part_spans[:-1], strict=True):
            if owner is None:
                break
            owner = owner.child(part, part_span, pos)
            owner.key_spans.append(part_span)
            owner.add_piece(line)
            if not isinstance(owner.value, dict):
                owner = None
        if owner is not None:
            leaf = _toml_node(_toml_child(owner.value, parts[-1]), scanned)
            owner.items.append(Entry(parts[-1], part_spans[-1], leaf, line))
        pos = scanner.skip_ws(nxt)
    for table, piece_start in open_headers:
        table.add_piece(Span(piece_start, span.end))
    entries = tuple(_toml_entry(text, item) for item in root.items)
    mapping = {e.key: e.node.value for e in entries}
    return Node("map", mapping, span, "map", None, (), entries)


def _toml_out_of_range(text: str, span: Span, data: dict[str, Any]) -> FrontMatterError | None:
    """A number `tomllib` reads and Hugo's TOML parser refuses: a float too large for a float64
    (`1e400`: `tomllib` reads infinity, Hugo "value out of range"; `inf` as written is fine for
    both), or an integer outside int64 (`9223372036854775808`, `0xffffffffffffffff`: "too large
    to fit in a 64-bit signed integer", checked with hugo 0.168)."""
    stack: list[Any] = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
        elif type(value) is int and not -(2**63) <= value < 2**63:
            at, written = span.start, str(value)
            for match in _TOML_INTEGER.finditer(text, span.start, span.end):
                if _toml_integer(match.group(1)) == value:
                    at, written = match.start(1), match.group(1)
                    break
            return FrontMatterError(
                f"TOML: integer {written} does not fit in 64 bits", Span(at, at)
            )
        elif isinstance(value, float) and value in (_INF, -_INF):
            for match in _TOML_HUGE_FLOAT.finditer(text, span.start, span.end):
                if tomllib.loads(f"f = {match.group(1)}")["f"] in (_INF, -_INF):
                    at = match.start(1)
                    return FrontMatterError(
                        f"TOML: float {match.group(1)} is out of range", Span(at, at)
                    )
    return None


def toml_range_problem(text: str, data: dict[str, Any]) -> str | None:
    """Why Hugo cannot read the TOML document `text` that `tomllib` read as `data` (see
    `_toml_out_of_range`: an integer outside 64 bits, a float out of range), naming its line and
    column; None when it can. For a site's configuration, which Hugo then fails to load."""
    error = _toml_out_of_range(text, Span(0, len(text)), data)
    if error is None:
        return None
    at = error.span.start
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    return f"{error.message.removeprefix('TOML: ')} (line {line}, column {column})"


_INF = float("inf")
# Python converts integers of at most 4,300 digits from text (`sys.get_int_max_str_digits`, a
# guard against denial of service); `json` and `tomllib` raise a plain ValueError past it.
_LONG_NUMBER = re.compile(r"[0-9][0-9_]{4299,}")


def _json_message(err: json.JSONDecodeError) -> str:
    """The json module's message made whole: it leaves off the position it appends to its
    exception text (the diagnostic carries it), so two of its messages end in a dangling "at"
    ("Invalid control character at"); name the character instead."""
    msg = err.msg
    if msg == "Invalid control character at" and err.pos < len(err.doc):
        return f"Invalid control character U+{ord(err.doc[err.pos]):04X} in a string"
    return msg.removesuffix(" starting at").removesuffix(" at")


def _too_many_digits(fmt: str, text: str, start: int) -> FrontMatterError:
    """The error for front matter holding an integer too long to read (at the first such run of
    digits): no int64 that Hugo reads is anywhere near that long."""
    match = _LONG_NUMBER.search(text, start)
    at = match.start() if match else start
    return FrontMatterError(f"{fmt}: a number of more than 4,300 digits; not read", Span(at, at))


def _toml_too_deep(span: Span, data: dict[str, Any]) -> FrontMatterError | None:
    """Tables nested more than `MAX_DEPTH` levels (`[a.a.a....]`, which `tomllib` reads without
    descending, unlike inline tables): the spans are worked out recursively, as YAML's and
    JSON's are refused past that depth."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            return FrontMatterError(
                f"TOML is nested deeper than {MAX_DEPTH} levels", Span(span.start, span.start)
            )
        if isinstance(value, dict):
            stack.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
    return None


# A float with an exponent where a value starts (after `=`, `[` or `,`). Only a file that read
# an infinity is searched, so text in a string that looks like this can mislead only a file
# that also holds an `inf`.
_TOML_HUGE_FLOAT = re.compile(
    r"[=\[,][ \t\r\n]*([-+]?[0-9][0-9_]*(?:\.[0-9_]+)?[eE][-+]?[0-9_]+)(?=[ \t\r\n,\]}#]|$)"
)


# An integer where a value starts, searched only in a file that read one outside int64.
_TOML_INTEGER = re.compile(
    r"[=\[,][ \t\r\n]*([-+]?(?:0x[0-9A-Fa-f_]+|0o[0-7_]+|0b[01_]+|[0-9][0-9_]*))"
    r"(?=[ \t\r\n,\]}#]|$)"
)


def _toml_integer(written: str) -> int | None:
    try:
        value = tomllib.loads(f"i = {written}")["i"]
    except tomllib.TOMLDecodeError:
        return None  # `007`: no TOML integer
    return value if type(value) is int else None


def _line_start(text: str, pos: int, floor: int) -> int:
    while pos > floor and text[pos - 1] in " \t":
        pos -= 1
    return pos


@dataclass
class _TomlTable:
    """A table of a TOML front matter while it is read: where its key is written and the runs of
    lines it takes (header tables, dotted keys), its entries and sub-tables in the order written."""

    key: str
    key_span: Span
    start: int  # where its first header or dotted key starts
    value: Any
    items: list[Entry | _TomlTable] = field(default_factory=list)
    children: dict[str, _TomlTable] = field(default_factory=dict)
    key_spans: list[Span] = field(default_factory=list)
    pieces: list[Span] = field(default_factory=list)

    def child(self, key: str, key_span: Span, start: int) -> _TomlTable:
        found = self.children.get(key)
        if found is None:
            found = _TomlTable(key, key_span, start, _toml_child(self.value, key))
            self.children[key] = found
            self.items.append(found)
        return found

    def add_piece(self, piece: Span) -> None:
        # Pieces that touch stay apart: a `[header]` piece must start at its header.
        self.pieces.append(piece)


def _toml_child(value: Any, key: str) -> Any:
    return value.get(key) if isinstance(value, dict) else None


def _toml_entry(text: str, item: Entry | _TomlTable) -> Entry:
    if isinstance(item, Entry):
        return item
    end = item.pieces[-1].end
    node_span = Span(item.start, max(item.start, _trim_end(text, item.start, end)))
    if isinstance(item.value, dict):
        entries = tuple(_toml_entry(text, child) for child in item.items)
        node = Node("map", item.value, node_span, "map", None, (), entries)
    else:  # an array of tables: its items are not read one by one
        node = _toml_node(item.value, Node("list", None, node_span, ""))
    spread = None
    if len(item.pieces) > 1 or len(item.key_spans) > 1:
        spread = Spread(
            tuple(item.key_spans),
            tuple(item.pieces),
            tuple(text[a.end : b.start] for a, b in pairwise(item.key_spans)),
            tuple(text[a.end : b.start] for a, b in pairwise(item.pieces)),
        )
    entry_span = Span(item.pieces[0].start, end)
    return Entry(item.key, item.key_spans[0], node, entry_span, spread)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\r\n":
        end -= 1
    return end
