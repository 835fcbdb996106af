"""Helpers for rules that check and repair text in string front-matter fields.

A field's value is the decoded string; its source may hold quotes and escapes (`said,\\"After`,
`it''s`). `ValueMap` says where each character of the value sits in the source, so a rule can
report the exact column and edit the smallest span, and `FieldText.edits` turns changes of the
value into source edits in the field's own quoting, proving them by parsing the result; when it
cannot, the whole value is rewritten with `Field.replace_value`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newslint import matter
from newslint.document import Document
from newslint.events import Field, Node
from newslint.fixes import Edit
from newslint.spans import Span

TEXT_FIELDS = ("title", "summary", "lead")

# Escapes of YAML double-quoted scalars (a superset of JSON's and TOML's): the escaped character
# and how many source characters the escape takes.
_SIMPLE_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "\t": "\t",
    "r": "\r",
    "b": "\b",
    "f": "\f",
    '"': '"',
    "\\": "\\",
    "/": "/",
    "0": "\0",
    "a": "\a",
    "v": "\v",
    "e": "\x1b",
    " ": " ",
    "_": "\u00a0",
    "N": "\u0085",
    "L": "\u2028",
    "P": "\u2029",
}
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


@dataclass(frozen=True)
class ValueMap:
    """Source span of each character of a string field's value; `end` is the inside end of the
    value's source (before a closing quote), where text appended to the value goes."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    end: int

    @classmethod
    def of(cls, text: str, field: Field) -> ValueMap | None:
        """The map for a quoted string on one line (a YAML double-quoted one also folded over
        several), a plain one or a simple YAML block scalar; None for anything whose source does
        not decode to the value."""
        value = field.value
        if not isinstance(value, str):
            return None
        span = field.value_span
        source = text[span.start : span.end]
        style = field.node.style
        pieces: list[tuple[str, int, int]] | None
        if style in ("|", ">") and field.format == "yaml":
            pieces = _decode_block(source, span.start, folded=style == ">")
            if pieces is None:
                return None
            decoded = "".join(p[0] for p in pieces)
            if not decoded.startswith(value) or decoded[len(value) :].strip("\n"):
                return None  # chomping keeps or drops the final line breaks
            pieces = pieces[: len(value)]
            end = pieces[-1][2] if pieces else span.end
            return cls(tuple(p[1] for p in pieces), tuple(p[2] for p in pieces), end)
        yaml_double = style == '"' and field.format == "yaml"
        if ("\n" in source or "\r" in source) and not yaml_double:
            return None
        if style == '"' or field.format == "json":
            if len(source) < 2 or source[0] != '"' or source[-1] != '"':
                return None
            inner = source[1:-1]
            if "\\" not in inner and "\n" not in inner and "\r" not in inner:
                return cls._verbatim(inner, span.start + 1, span.end - 1, value)
            pieces = _decode_double(inner, span.start + 1, folded=yaml_double)
            inner_end = span.end - 1
        elif style == "'":
            if len(source) < 2:
                return None
            inner = source[1:-1]
            if "'" not in inner or field.format != "yaml":
                return cls._verbatim(inner, span.start + 1, span.end - 1, value)
            pieces = _decode_single(inner, span.start + 1, doubled_quote=True)
            inner_end = span.end - 1
        elif style is None and field.format == "yaml":
            return cls._verbatim(source, span.start, span.end, value)
        else:
            return None
        if pieces is None or "".join(p[0] for p in pieces) != value:
            return None
        starts = tuple(p[1] for p in pieces)
        ends = tuple(p[2] for p in pieces)
        return cls(starts, ends, inner_end)

    @classmethod
    def _verbatim(cls, inner: str, base: int, end: int, value: str) -> ValueMap | None:
        """The map of a source `inner` (at `base`) that escapes nothing: each character is
        itself, one source character long (what the decoders give it, one character at a time in
        Python: a long summary's hundreds)."""
        if inner != value:
            return None
        return cls(
            tuple(range(base, base + len(inner))),
            tuple(range(base + 1, base + len(inner) + 1)),
            end,
        )

    def offset(self, index: int) -> int:
        """Source offset of the value's character `index` (or of the value's end)."""
        return self.starts[index] if index < len(self.starts) else self.end


def _decode_double(
    inner: str, base: int, folded: bool = False
) -> list[tuple[str, int, int]] | None:
    """The characters of a double-quoted string's inside, each with its source span. `folded`:
    a YAML string over several lines (as PyYAML's `yaml.dump` writes a long one), whose line
    breaks fold into a space, or into nothing after a `\\`; None where it has empty lines."""
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(inner):
        char = inner[i]
        if char in "\r\n":
            if not folded:
                return None
            # The white space around an unescaped break goes; the break becomes one space.
            start = base + i
            while out and out[-1][0] in " \t" and out[-1][2] - out[-1][1] == 1:
                start = out.pop()[1]
            after = _continuation(inner, i)
            if after is None:
                return None
            out.append((" ", start, base + after))
            i = after
            continue
        if char != "\\":
            out.append((char, base + i, base + i + 1))
            i += 1
            continue
        code = inner[i + 1 : i + 2]
        if code in ("\r", "\n"):
            # An escaped break joins the lines: it and the next line's indentation are nothing.
            after = _continuation(inner, i + 1) if folded else None
            if after is None:
                return None
            i = after
            continue
        if code in _SIMPLE_ESCAPES:
            out.append((_SIMPLE_ESCAPES[code], base + i, base + i + 2))
            i += 2
        elif code in _HEX_ESCAPES:
            width = _HEX_ESCAPES[code]
            digits = inner[i + 2 : i + 2 + width]
            try:
                point = int(digits, 16)
            except ValueError:
                return None
            size = 2 + width
            if code == "u" and 0xD800 <= point <= 0xDBFF and len(digits) == width:
                # A surrogate pair (`\ud83d\ude00`, how JSON writes an emoji in ASCII) is one
                # character of twelve source characters.
                low = _low_surrogate(inner, i + size)
                if low is None:
                    return None
                point = 0x10000 + ((point - 0xD800) << 10) + (low - 0xDC00)
                size += 6
            elif len(digits) != width or 0xD800 <= point <= 0xDFFF or point > 0x10FFFF:
                return None  # a lone surrogate: leave it to the fallback
            out.append((chr(point), base + i, base + i + size))
            i += size
        else:
            return None
    return out


def _continuation(inner: str, at: int) -> int | None:
    """Where the next line's text starts after the line break at `inner[at]` (its indentation
    skipped); None when an empty line follows, which folds into a line break of its own."""
    at += 2 if inner.startswith("\r\n", at) else 1
    while at < len(inner) and inner[at] in " \t":
        at += 1
    return None if inner[at : at + 1] in ("\r", "\n") and at < len(inner) else at


def _low_surrogate(inner: str, at: int) -> int | None:
    """The low surrogate escaped at `inner[at:]` (`\\udc00`-`\\udfff`), or None."""
    if inner[at : at + 2] != "\\u":
        return None
    try:
        point = int(inner[at + 2 : at + 6], 16)
    except ValueError:
        return None
    return point if len(inner[at + 2 : at + 6]) == 4 and 0xDC00 <= point <= 0xDFFF else None


def _decode_block(source: str, base: int, folded: bool) -> list[tuple[str, int, int]] | None:
    """Characters of a YAML block scalar (`|` or `>`) with simple lines: one indentation, no
    blank lines inside a folded scalar, no explicit indentation indicator."""
    lines = source.splitlines(keepends=True)
    if len(lines) < 2 or any(c.isdigit() for c in lines[0].split("#", 1)[0]):
        return None
    body = lines[1:]
    first = next((line for line in body if line.strip()), None)
    if first is None:
        return None
    indent = len(first) - len(first.lstrip(" "))
    out: list[tuple[str, int, int]] = []
    offset = base + len(lines[0])
    for number, line in enumerate(body):
        content = line.rstrip("\r\n")
        brk = line[len(content) :]
        if content.strip():
            if not content.startswith(" " * indent):
                return None
            if folded and content[indent : indent + 1] in (" ", "\t"):
                return None  # a more-indented line keeps its break in a folded scalar
            for i in range(indent, len(content)):
                out.append((content[i], offset + i, offset + i + 1))
        elif folded:
            return None  # an empty line in a folded scalar is a line break of its own
        if brk:
            last = number == len(body) - 1
            char = " " if folded and not last else "\n"
            out.append((char, offset + len(content), offset + len(line)))
        offset += len(line)
    if not body[-1].endswith(("\n", "\r")):
        # The value's span stops before its final line break, which still belongs to the value.
        out.append(("\n", offset, offset))
    return out


def _decode_single(inner: str, base: int, doubled_quote: bool) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(inner):
        if doubled_quote and inner.startswith("''", i):
            out.append(("'", base + i, base + i + 2))
            i += 2
        else:
            out.append((inner[i], base + i, base + i + 1))
            i += 1
    return out


def encode_fragment(fragment: str, field: Field) -> str | None:
    """`fragment` as it must be written inside the field's quoting; None when it cannot be."""
    style = field.node.style
    if style == '"' or field.format == "json":
        import json  # here: only a fix writes a fragment

        return json.dumps(fragment, ensure_ascii=False)[1:-1]
    if style == "'":
        if any(c in fragment for c in "\r\n"):
            return None
        if field.format == "toml":
            return None if "'" in fragment else fragment
        return fragment.replace("'", "''")
    return fragment


def parse_value(source: str, fmt: str) -> Any:
    """The value a field's source text stands for (raises on a syntax error)."""
    if fmt == "json":
        import json

        return json.loads(source)
    if fmt == "toml":
        return matter.toml_value(source)
    if matter.has_text_to_hugo(source):
        # Characters PyYAML breaks lines at and Hugo keeps: read as the front matter is.
        loaded = matter.yaml_value(f"k: {source}\n")
    else:
        yaml = matter.yaml
        loaded = yaml.load(f"k: {source}\n", Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return loaded["k"] if isinstance(loaded, dict) else None


class FieldText:
    """A string field's value and how to report on it and edit it in the source."""

    def __init__(self, text: str, field: Field) -> None:
        self.text = text
        self.field = field
        self.value: str = field.value
        self.mapping = ValueMap.of(text, field)

    def span(self, start: int, end: int) -> Span:
        """The source span of `value[start:end]`: from the character map, else (a TOML
        multi-line string, a YAML plain or single-quoted scalar over several lines, a
        double-quoted one with an empty line) the piece's occurrence in the source when it is
        unambiguous, as the fix finds it; else the whole value."""
        if self.mapping is None:
            found = _occurrence(self.text, self.field, start, end)
            return self.field.value_span if found is None else found
        return Span(self.mapping.offset(start), self.mapping.ends[max(start, end - 1)])

    def offset(self, index: int) -> int:
        """The source offset of `value[index]` (the value's start when it cannot be mapped)."""
        return self.mapping.offset(index) if self.mapping else self.field.value_span.start

    def edits(self, changes: Sequence[tuple[int, int, str]]) -> list[tuple[Edit, ...]]:
        """Source edits for each of `changes` (`(start, end, replacement)` in the value).

        Each change becomes an edit of just its span, in the field's quoting. All of them together
        are proved with one parse of the edited value; when that fails, or the value cannot be
        mapped, every change gets the same fallback: the whole value, with all changes applied,
        rewritten by `Field.replace_value`.
        """
        new_value = apply_changes(self.value, changes)
        edits = self._mapped(changes) if self.mapping is not None else None
        if edits is None and len(changes) <= _MAX_OCCURRENCE_CHANGES:
            edits = _occurrence_edits(self.text, self.field, changes)
        if edits is not None and _proves(self.text, self.field, edits, new_value):
            return [(edit,) for edit in edits]
        whole = self.field.replace_value(new_value, self.text)
        # A block scalar's span takes its last line break, which must stay before the next key.
        source = self.text[whole.start : whole.end]
        keep = len(source) - len(source.rstrip("\r\n"))
        return [(Edit(whole.start, whole.end - keep, whole.content),)] * len(changes)

    def _mapped(self, changes: Sequence[tuple[int, int, str]]) -> list[Edit] | None:
        mapping = self.mapping
        assert mapping is not None
        edits = []
        for start, end, replacement in changes:
            encoded = encode_fragment(replacement, self.field)
            if encoded is None:
                return None
            source_start = mapping.offset(start)
            source_end = mapping.ends[end - 1] if end > start else source_start
            edits.append(Edit(source_start, source_end, encoded))
        return edits


def front_matter_escapes(document: Document) -> bool:
    """Whether the front matter holds a backslash, asked once per file: without one no field
    writes an escape, and the rules that look at every field for escaped characters
    (`escaped_matches`, `nested_escaped`) have nothing to find. A Markdown escape in the body
    (`\\*`) does not count."""
    return document.memo("front-matter-escapes", _front_matter_backslash, document)


def _front_matter_backslash(document: Document) -> bool:
    block = document.front_matter_block
    return block is not None and document.text.find("\\", block.start, block.end) >= 0


def escaped_matches(
    text: str, field: Field, pattern: re.Pattern[str]
) -> tuple[FieldText, list[re.Match[str]]] | None:
    """Matches of `pattern` in a string field's value that its source writes as escapes (`\\u200b`
    in JSON or a double-quoted YAML string, `\\a`): a scan of the file's text does not see them,
    yet the value, and the page, holds the characters. With the field's `FieldText`, to report
    and fix them; None when there are none."""
    value = field.value
    span = field.value_span
    if not isinstance(value, str) or "\\" not in text[span.start : span.end]:
        return None
    matches = list(pattern.finditer(value))
    if not matches:
        return None
    edited = FieldText(text, field)
    source = text[span.start : span.end]
    escaped = []
    for match in matches:
        if edited.mapping is None:
            if match.group(0) in source:
                continue  # written as it is somewhere: the scan of the text reports it
        else:
            where = edited.span(match.start(), match.end())
            if text[where.start : where.end] == match.group(0):
                continue
        escaped.append(match)
    return (edited, escaped) if escaped else None


def nested_escaped(
    text: str, field: Field, pattern: re.Pattern[str]
) -> list[tuple[Span, str, list[str]]]:
    """Matches of `pattern` that the field's key, or a key or string nested in its list or map
    value, writes as escapes (`"tags": ["a\\u0007"]`): `escaped_matches` covers the top-level
    value only (and can edit it). Each as (the source span of that key or string, its decoded
    text, the runs of matching characters the source does not hold as they are)."""
    found: list[tuple[Span, str, list[str]]] = []
    entry = field.entry_span
    if field.format != "toml" and text.find("\\", entry.start, entry.end) < 0:
        return found  # no escape in the key or value (a TOML key may be written in several places)

    def visit(value: object, span: Span) -> None:
        if not isinstance(value, str):
            return
        source = text[span.start : span.end]
        if "\\" not in source:
            return
        runs = [m.group(0) for m in pattern.finditer(value) if m.group(0) not in source]
        if runs:
            found.append((span, value, runs))

    def walk(node: Node) -> None:
        for item in node.items:
            if item.kind == "scalar":
                visit(item.value, item.span)
            walk(item)
        for entry in node.entries:
            visit(entry.key, entry.key_span)
            if entry.node.kind == "scalar":
                visit(entry.node.value, entry.node.span)
            walk(entry.node)

    visit(field.key, field.key_span)
    walk(field.node)
    return found


# Matching pieces by occurrence counts every piece once per change: keep that small.
_MAX_OCCURRENCE_CHANGES = 64


def _occurrence_edits(
    text: str, field: Field, changes: Sequence[tuple[int, int, str]]
) -> list[Edit] | None:
    """For sources without a character map (block scalars): the k-th occurrence of a changed
    piece in the value is its k-th occurrence in the source, when both counts agree."""
    edits = []
    for start, end, replacement in changes:
        found = _occurrence(text, field, start, end)
        if found is None:
            return None
        encoded = encode_fragment(replacement, field)
        if encoded is None or any(c in replacement for c in "\r\n"):
            return None
        edits.append(Edit(found.start, found.end, encoded))
    return edits


def _occurrence(text: str, field: Field, start: int, end: int) -> Span | None:
    """The source span of `value[start:end]` for a value without a character map: the k-th
    occurrence of the piece in the value is its k-th occurrence in the source, when the piece
    occurs as often in both (no escape or line folding hides or makes one)."""
    value: str = field.value
    span = field.value_span
    source = text[span.start : span.end]
    piece = value[start:end]
    if not piece or value.count(piece) != source.count(piece):
        return None
    nth = value.count(piece, 0, start)
    at = -1
    for _ in range(nth + 1):
        at = source.find(piece, at + 1)
    return Span(span.start + at, span.start + at + len(piece))


# Characters that end a plain YAML scalar inside a flow collection (`{title: a, lead: b}`).
_FLOW_INDICATORS = frozenset(",[]{}")


def _proves(text: str, field: Field, edits: Sequence[Edit], new_value: str) -> bool:
    span = field.value_span
    if (
        field.format == "yaml"
        and field.node.style is None
        and any(_FLOW_INDICATORS.intersection(edit.content) for edit in edits)
    ):
        # The proof parses the value alone, in block context; in a flow mapping the indicator
        # would end the scalar there. The fallback writes the value quoted, right in both.
        return False
    pieces = []
    cursor = span.start
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < cursor or edit.end > span.end:
            return False
        pieces.append(text[cursor : edit.start])
        pieces.append(edit.content)
        cursor = edit.end
    pieces.append(text[cursor : span.end])
    try:
        return bool(parse_value("".join(pieces), field.format) == new_value)
    except (ValueError, KeyError, TypeError, matter.yaml.YAMLError):  # TOML's are ValueErrors
        return False


def apply_changes(value: str, changes: Sequence[tuple[int, int, str]]) -> str:
    """`value` with non-overlapping `(start, end, replacement)` changes applied."""
    out = []
    cursor = 0
    for start, end, replacement in sorted(changes):
        out.append(value[cursor:start])
        out.append(replacement)
        cursor = end
    out.append(value[cursor:])
    return "".join(out)


_TEMPLATE_MARK = re.compile(r"\{\{|\{%|\}\}|%\}")


def template_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Spans (plus `offset`) of Hugo shortcodes and template or Liquid tags (`{{< x >}}`,
    `{{ .Title }}`, `{% link a.md %}`), found in one linear pass."""
    spans = []
    opened = -1
    for match in _TEMPLATE_MARK.finditer(text):
        if match.group(0)[0] == "{":
            if opened < 0:
                opened = match.start()
        elif opened >= 0:
            spans.append((offset + opened, offset + match.end()))
            opened = -1
    return spans


def inside(spans: Sequence[tuple[int, int]], offset: int) -> bool:
    """Whether `offset` falls in one of the sorted `spans`."""
    index = bisect_right(spans, (offset, 1 << 62)) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]
