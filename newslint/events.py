"""Event payloads: the contract between the engine and the rules.

Rules subscribe by defining `on_<event>(self, ctx, payload)` methods. Every payload is a frozen
dataclass whose spans are code-point offsets into `ctx.document.text`.

| event            | payload                | when                                            |
|------------------|------------------------|-------------------------------------------------|
| `document_start` | `Document`             | first, always (also when front matter is broken) |
| `front_matter`   | `FrontMatter`          | when the front matter parsed                    |
| `field`          | `Field`                | each top-level key of parsed front matter       |
| `heading`        | `Heading`              | each Markdown heading                           |
| `paragraph`      | `Paragraph`            | each Markdown paragraph                         |
| `link`           | `Link`                 | each link or image                              |
| `html`           | `Html`                 | each raw HTML block or inline tag               |
| `text`           | `Text`                 | each prose run outside code and HTML            |
| `code`           | `Code`                 | each code block or code span                    |
| `line`           | `Line`                 | each line of the file, front matter included    |
| `document_end`   | `Document`             | last, always                                    |
| `project_end`    | list of collected data | once per run, in the main process (classmethod) |
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from newslint.fixes import Edit
from newslint.records import fast_init
from newslint.spans import Span

EVENTS = (
    "document_start",
    "front_matter",
    "field",
    "heading",
    "paragraph",
    "link",
    "html",
    "text",
    "code",
    "line",
    "document_end",
)

Format = Literal["yaml", "toml", "json"]
NodeKind = Literal["scalar", "list", "map"]


@fast_init
@dataclass(frozen=True, slots=True, eq=False)
class Node:
    """A front-matter value with its span: a scalar, a list (`items`) or a map (`entries`).

    `tag` is the resolved type: `str`, `int`, `float`, `bool`, `null`, `timestamp`, `list`, `map`,
    or the literal tag of an unsupported YAML tag. `style` is the quoting of a string scalar as
    written: None (plain), `"`, `'`, `|` or `>` (YAML block scalars), `'''` or `\"\"\"` (TOML).
    """

    kind: NodeKind
    value: Any
    span: Span
    tag: str
    style: str | None = None
    items: tuple[Node, ...] = ()
    entries: tuple[Entry, ...] = ()

    def get(self, key: str) -> Entry | None:
        for entry in self.entries:
            if entry.key == key:
                return entry
        return None


@fast_init
@dataclass(frozen=True, slots=True, eq=False)
class Entry:
    """One key of a map: its key, the key's span, the value and the span of the whole entry.

    `entry_span` covers what deleting the entry removes (for YAML and TOML the key's full lines, for
    JSON the member and one adjoining comma).
    """

    key: str
    key_span: Span
    node: Node
    entry_span: Span
    spread: Spread | None = None


@fast_init
@dataclass(frozen=True, slots=True, eq=False)
class Spread:
    """Where a key written in several places is: a TOML table named by its sub-tables' headers
    (`[params]`, `[params.sub]`) or by dotted keys (`params.a = 1`, `params.b = 2`).

    `key_spans` are every place the key is written, `pieces` the runs of lines it takes (a dotted
    key's line, a header's table), in source order; `between_keys` and `between_pieces`
    the source between consecutive ones. An edit over their hull can then rename or delete the key
    everywhere and rewrite the text in between byte for byte (`Field.rename`, `Field.delete`).
    """

    key_spans: tuple[Span, ...]
    pieces: tuple[Span, ...]
    between_keys: tuple[str, ...]
    between_pieces: tuple[str, ...]


@fast_init
@dataclass(frozen=True, slots=True, eq=False)
class FrontMatter:
    """Parsed front matter: its format, root map, the span of its content and of the whole block."""

    format: Format
    root: Node
    span: Span
    block_span: Span

    @property
    def mapping(self) -> dict[str, Any]:
        return dict(self.root.value) if isinstance(self.root.value, dict) else {}


_PLAIN_YAML_SAFE = re.compile(r"[A-Za-z0-9_./][A-Za-z0-9_ ./:+-]*")
_YAML_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"}
# Plain scalars YAML reads as numbers although `_PLAIN_YAML_SAFE` lets them through: hex, octal
# and binary integers and the special floats.
_YAML_NUMBER_WORD = re.compile(r"[-+]?(?:0[xob][0-9a-f_]*|\.(?:inf|nan))", re.IGNORECASE)


# Characters json.dumps leaves raw that YAML and TOML strings may not hold: DEL and C1 controls.
_UNPRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029]")


def _quoted(text: str) -> str:
    """A double-quoted string valid in JSON, YAML and TOML alike."""
    import json  # here: only a fix writes a quoted string

    return _UNPRINTABLE.sub(
        lambda m: f"\\u{ord(m.group(0)):04x}", json.dumps(text, ensure_ascii=False)
    )


def render_scalar(value: Any, fmt: Format, style: str | None = None, lead: str = "") -> str:
    """Serialise a scalar for `fmt`, keeping a string's original quoting style where possible.

    `lead` is the line break a TOML multi-line string had right after its opening quotes (which
    TOML drops from the value), written there again."""
    if fmt == "json":
        import json

        return _quoted(value) if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return '""' if fmt == "toml" else "null"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    if fmt == "toml":
        if style == "'" and "'" not in text and "\n" not in text and not _UNPRINTABLE.search(text):
            return f"'{text}'"
        if style in ('"""', "'''"):
            return _toml_multiline(text, style, lead)
        return _quoted(text)
    if style == "'" and "\n" not in text and not _UNPRINTABLE.search(text):
        return "'" + text.replace("'", "''") + "'"
    if (
        style is None
        and _PLAIN_YAML_SAFE.fullmatch(text)
        and text.lower() not in _YAML_RESERVED
        and ": " not in text
        and not text.endswith(":")
        and not re.fullmatch(r"[-+0-9.:eE_ ]+", text)
        and not _YAML_NUMBER_WORD.fullmatch(text)
        and not text.endswith(" ")  # a plain scalar loses its trailing spaces
    ):
        return text
    return _quoted(text)


def _toml_multiline(text: str, style: str, lead: str = "") -> str:
    """A TOML multi-line string stays one: literal (three single quotes) when the text can be
    written as it is, else basic (three double quotes) with its line breaks as they are and, for
    the rest, the escapes of a one-line basic string, which are valid there too. `lead` (a line
    break, or nothing) goes right after the opening quotes, where TOML drops it from the value;
    without one, a break that starts the text is written as an escape, which TOML keeps."""
    if (
        style == "'''"
        and "'''" not in text
        and not text.endswith("'")
        # The line break right after the quotes is dropped.
        and (lead or not text.startswith(("\n", "\r\n")))
        and not _TOML_LITERAL_BAD.search(text)
    ):
        return f"'''{lead}{text}'''"
    # Even items are lines, odd ones the breaks between them (only LF and CR LF are breaks in
    # TOML; a lone CR is a control character and stays an escape).
    pieces = _LINE_BREAK.split(text)
    written = [piece if index % 2 else _quoted(piece)[1:-1] for index, piece in enumerate(pieces)]
    if not lead and len(pieces) > 1 and not pieces[0]:
        written[1] = _quoted(pieces[1])[1:-1]  # the first break, escaped: TOML would drop it
    return f'"""{lead}{"".join(written)}"""'


_LINE_BREAK = re.compile(r"(\r?\n)")


# What a multi-line literal string cannot hold: control characters but tab and line feed (and
# the C1 and line-separator characters no quoted form here writes as they are).
_TOML_LITERAL_BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_TOML_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_YAML_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def render_key(key: str, fmt: Format) -> str:
    """Serialise a map key for `fmt`: bare where the format allows it, else double-quoted."""
    if fmt == "toml" and _TOML_BARE_KEY.fullmatch(key):
        return key
    if fmt == "yaml" and _YAML_PLAIN_KEY.fullmatch(key) and key.lower() not in _YAML_RESERVED:
        return key
    return _quoted(key)


@fast_init
@dataclass(frozen=True, slots=True, eq=False)
class Field:
    """A top-level front-matter key and its value."""

    key: str
    key_span: Span
    node: Node
    entry_span: Span
    format: Format
    spread: Spread | None = None

    @property
    def value(self) -> Any:
        return self.node.value

    @property
    def value_span(self) -> Span:
        return self.node.span

    @property
    def children(self) -> tuple[Node, ...]:
        """DESIGN.md's "child nodes for lists/maps": a list's items, or the values of a map's
        entries in source order (each key is in `node.entries`); () for a scalar."""
        if self.node.kind == "map":
            return tuple(entry.node for entry in self.node.entries)
        return self.node.items

    def replace_value(self, value: Any, text: str = "") -> Edit:
        """An edit that replaces the value with `value`, serialised in the original style.

        Given the document's `text`, a TOML multi-line string that opened with a line break
        (the text on the lines below the quotes) opens with it again."""
        style = self.node.style if self.node.style in ('"', "'") else None
        lead = ""
        if self.format == "toml" and self.node.style in ('"""', "'''"):
            style = self.node.style  # a multi-line string stays one
            after = self.node.span.start + 3
            lead = "\r\n" if text.startswith("\r\n", after) else text[after : after + 1]
            lead = lead if lead in ("\n", "\r\n") else ""
        return self.replace_value_text(render_scalar(value, self.format, style, lead))

    def replace_value_text(self, source: str) -> Edit:
        """An edit that replaces the value's source text verbatim.

        A YAML value left out (`summary:`, read as null) has an empty span right after the colon,
        where a value needs a space before it to be one.
        """
        span = self.value_span
        if self.format == "yaml" and span.start == span.end:
            source = " " + source
        return Edit.replace(span, source)

    def delete(self) -> Edit:
        """An edit that removes the whole key (its lines, or its JSON member and a comma).

        A TOML key written in several places loses every piece; what lies between them stays.
        """
        spread = self.spread
        if spread is not None and len(spread.pieces) > 1:
            first, last = spread.pieces[0], spread.pieces[-1]
            return Edit(first.start, last.end, "".join(spread.between_pieces))
        return Edit.delete(self.entry_span)

    def rename(self, new_key: str) -> Edit:
        """An edit that renames the key wherever it is written, quoted when it must be."""
        key = render_key(new_key, self.format)
        spread = self.spread
        if spread is not None and len(spread.key_spans) > 1:
            first, last = spread.key_spans[0], spread.key_spans[-1]
            parts = [key]
            for between in spread.between_keys:
                parts += (between, key)
            return Edit(first.start, last.end, "".join(parts))
        return Edit.replace(self.key_span, key)


@fast_init
@dataclass(frozen=True, slots=True, eq=False)
class Heading:
    """A Markdown heading: its level (1 to 6) and its text."""

    level: int
    text: str
    span: Span


@fast_init
@dataclass(frozen=True, slots=True, eq=False)
class Paragraph:
    """A Markdown paragraph; `text` is its source, `plain` the text a reader sees."""

    text: str
    plain: str
    span: Span


@fast_init
@dataclass(frozen=True, slots=True, eq=False)
class Link:
    """A link or image. `url_span` is the destination's span when it is written inline."""

    text: str
    url: str
    span: Span
    url_span: Span | None
    is_image: bool = False
    title: str = ""
    link_type: str = "Inline"


@fast_init
@dataclass(frozen=True, slots=True, eq=False)
class Html:
    """Raw HTML in the body: an HTML block, or an inline tag (`inline`)."""

    text: str
    span: Span
    inline: bool


@fast_init
@dataclass(frozen=True, slots=True, eq=False)
class Text:
    """A run of prose; `text` is the exact source slice at `span` (escapes and entities included)."""

    text: str
    span: Span
    in_heading: bool = False
    in_link: bool = False


@fast_init
@dataclass(frozen=True, slots=True, eq=False)
class Code:
    """Code in the body: a code block (`block`) or an inline code span."""

    text: str
    span: Span
    block: bool


@fast_init
@dataclass(frozen=True, slots=True, eq=False)
class Line:
    """One line of the file; `text` excludes the line break, `ending` is it (`\\n`, `\\r\\n`, `\\r`
    or empty on the last line). `in_front_matter` is true for the front-matter block's lines."""

    number: int
    text: str
    span: Span
    ending: str
    in_front_matter: bool = False


@fast_init
@dataclass(frozen=True, slots=True)
class Collected:
    """What one rule's `collect` returned for one document (for `project_end`)."""

    path: str
    data: Any
    extra: dict[str, Any] = field(default_factory=dict)
