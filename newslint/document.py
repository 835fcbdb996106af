"""The document model: one read, one decode, one front-matter parse and one Markdown parse per file.

Invalid UTF-8 never stops linting: each undecodable byte becomes U+FFFD in `text` (one code point per
byte, so offsets stay stable), and `invalid_bytes` keeps where they were and what they were, so a
rule can report them and `newslint fix` can write them back untouched.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeVar

from newslint import matter
from newslint.events import Code, Field, FrontMatter, Heading, Html, Line, Link, Paragraph, Text
from newslint.spans import LineIndex, Position, Span
from newslint.textutil import collapse_spaces, continues_a_sentence, lead_from_paragraphs, unescape

if TYPE_CHECKING:
    from newslint.markdown import BodyNode
    from newslint.site import Site

BOM = "\ufeff"
_SURROGATES = re.compile(r"[\udc80-\udcff]+")
# Hugo's page lexer skips spaces, tabs and line breaks before the front matter's opener.
_LEADING_SPACE = re.compile(r"[ \t\r\n]+")
_ONLY_LINK = re.compile(r"\s*!?\[[^\]]*\]\([^)]*\)\s*")
# A line break inside Chinese or Japanese prose, with the spaces around it: CSS drops such a
# segment break between two wide characters (CSS Text 3, "Segment Break Transformation Rules"),
# and the writer meant none (`参加中兴\n大学`, `演讲，\n讲题`). Korean spaces its words: a break
# next to Hangul stays a space.
# Tried only where a run of spaces starts: from inside one, a run that no break ends would be read
# again at each of its spaces (quadratic on a line of 100,000 spaces).
_EAST_ASIAN_BREAK = re.compile("(?<![ \t])[ \t]*(?:\r\n|\r|\n)[ \t]*")
# A backslash hard line break (CommonMark 6.7): an unescaped backslash at the end of a line inside
# a paragraph. The reader sees a line break, never the backslash; a summary made from the text
# must drop it too, or `abgehalten.\` + break becomes "abgehalten.\ Unter" on every card (a
# backslash before a space is no escape in Markdown). An even run of backslashes is escaped
# backslashes (`\\` shows one), kept as written.
_BACKSLASH_BREAK = re.compile(r"(?<!\\)((?:\\\\)*)\\(?=\r\n|\r|\n)")


def _east_asian_wide(char: str) -> bool:
    """Whether `char` is wide (or full- or half-width) East Asian, and not Hangul."""
    if unicodedata.east_asian_width(char) not in ("W", "F", "H"):
        return False
    return not (
        "\u1100" <= char <= "\u11ff" or "\u3130" <= char <= "\u318f" or "\uac00" <= char <= "\ud7af"
    )


def _join_east_asian_lines(piece: str) -> str:
    """`piece` without the line breaks that stand between two wide East Asian characters."""
    if piece.isascii() or ("\n" not in piece and "\r" not in piece):
        return piece

    def joined(match: re.Match[str]) -> str:
        start, end = match.span()
        wide = start and end < len(piece) and _east_asian_wide(piece[start - 1])
        return "" if wide and _east_asian_wide(piece[end]) else match.group()

    return _EAST_ASIAN_BREAK.sub(joined, piece)


_T = TypeVar("_T")
_UNSET = object()


@dataclass(frozen=True, slots=True)
class InvalidBytes:
    """A run of bytes that are not UTF-8, at `span` in the text (one U+FFFD per byte)."""

    span: Span
    data: bytes
    byte_offset: int


def decode(raw: bytes) -> tuple[str, str, list[InvalidBytes]]:
    """Decode UTF-8 leniently: (text with U+FFFD per bad byte, escaped text, invalid runs).

    The escaped text holds each bad byte as a lone surrogate (`surrogateescape`), so encoding it with
    the same handler gives the original bytes back.
    """
    try:
        text = raw.decode("utf-8")
        return text, text, []
    except UnicodeDecodeError:
        pass
    escaped = raw.decode("utf-8", "surrogateescape")
    runs: list[InvalidBytes] = []
    # The byte offset of each run is counted on from the previous run's end, not from the start:
    # a file of 100,000 stray bytes would otherwise encode its text 100,000 times over.
    done, done_bytes = 0, 0
    for match in _SURROGATES.finditer(escaped):
        data = match.group(0).encode("utf-8", "surrogateescape")
        done_bytes += len(escaped[done : match.start()].encode("utf-8"))
        runs.append(InvalidBytes(Span(match.start(), match.end()), data, done_bytes))
        done, done_bytes = match.end(), done_bytes + len(data)
    text = _SURROGATES.sub(lambda m: "\ufffd" * len(m.group(0)), escaped)
    return text, escaped, runs


def encode(escaped_text: str) -> bytes:
    return escaped_text.encode("utf-8", "surrogateescape")


# `newslint.cascade`, imported on first use (it imports the site's module, which a document
# without a site does not need) and kept: an import statement in a method that runs for every
# page costs ~8k instructions a call.
_CASCADE: ModuleType | None = None


def _cascade() -> ModuleType:
    global _CASCADE
    if _CASCADE is None:
        from newslint import cascade

        _CASCADE = cascade
    return _CASCADE


@dataclass
class Document:
    """One article, parsed once. Rules read it; they never read files themselves."""

    path: str
    text: str
    raw: bytes = b""
    escaped_text: str = ""
    invalid_bytes: list[InvalidBytes] = field(default_factory=list)
    site: Site | None = None
    language: str | None = None
    front_matter: FrontMatter | None = None
    front_matter_errors: list[matter.FrontMatterError] = field(default_factory=list)
    front_matter_block: Span | None = None
    front_matter_format: str | None = None
    body_start: int = 0
    # What Hugo's `cascade` gives the page (`newslint.cascade`): None until first asked for, then
    # worked out from the site's `_index` files and configuration; set it to give one directly.
    cascade_values: dict[str, Any] | None = None

    @classmethod
    def from_bytes(cls, raw: bytes, path: str = "<text>", site: Site | None = None) -> Document:
        text, escaped, invalid = decode(raw)
        doc = cls(
            path=path, text=text, raw=raw, escaped_text=escaped, invalid_bytes=invalid, site=site
        )
        doc._parse_front_matter()
        return doc

    @classmethod
    def from_text(cls, text: str, path: str = "<text>", site: Site | None = None) -> Document:
        escaped = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
        doc = cls(
            path=path, text=escaped, raw=escaped.encode("utf-8"), escaped_text=escaped, site=site
        )
        doc._parse_front_matter()
        return doc

    def _parse_front_matter(self) -> None:
        try:
            self._read_front_matter()
        except Exception as err:  # one file's front matter never ends the run
            # The parsers turn what they know to be bad into errors with a place; anything else
            # they raise (a parser's own limit nobody foresaw) is still this file's problem: it
            # is reported on the file as front matter newslint cannot read, and the run goes on.
            self.front_matter = None
            self.front_matter_errors = [
                matter.FrontMatterError(
                    f"front matter could not be read ({type(err).__name__}: {err})"[:300],
                    Span(0, 0),
                )
            ]
            if self.front_matter_format is None:
                self.front_matter_format = "unknown"
                self.body_start = len(self.text)

    def _read_front_matter(self) -> None:
        start = 1 if self.text.startswith(BOM) else 0
        found = matter.split(self.text, start)
        blank = _LEADING_SPACE.match(self.text, start)
        if found is None and blank is not None:
            found = matter.split(self.text, blank.end())
        if found is None:
            self.body_start = start
            return
        if isinstance(found, matter.FrontMatterError):
            self.front_matter_errors = [found]
            self.front_matter_format = "unknown"
            self.body_start = len(self.text)
            return
        self.front_matter_block = found.block_span
        self.front_matter_format = found.format
        self.body_start = found.body_start
        parsed = matter.parse(self.text, found)
        if isinstance(parsed, list):
            self.front_matter_errors = parsed
        else:
            self.front_matter = parsed

    def memo(self, key: Hashable, compute: Callable[..., _T], *args: Any) -> _T:
        """`compute(*args)` once per document and `key`, for what several rules ask of the same
        document (its schema, its dates, its source link): the first rule works it out, the others
        get it. The answers live and die with the document."""
        memos: dict[Hashable, Any] | None = self.__dict__.get("_memos")
        if memos is None:
            memos = self.__dict__["_memos"] = {}
        value = memos.get(key, _UNSET)
        if value is _UNSET:
            value = memos[key] = compute(*args)
        return value

    # ----------------------------------------------------------------------------- positions

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    def position(self, offset: int) -> Position:
        return self.lines.position(offset)

    def iter_lines(self) -> list[Line]:
        text = self.text
        starts = self.lines.starts
        block = self.front_matter_block
        count = len(starts)
        length = len(text)
        result = []
        # One pass over the line starts (this runs for every file; it was a hot spot).
        for index, start in enumerate(starts):
            if index + 1 == count and start == length and count > 1:
                break  # the text ends with a line break: no empty last line
            end = starts[index + 1] if index + 1 < count else length
            bare = end
            if bare > start and text[bare - 1] == "\n":
                bare -= 1
            if bare > start and text[bare - 1] == "\r":
                bare -= 1
            in_fm = block is not None and block.start <= start < block.end
            result.append(
                Line(index + 1, text[start:bare], Span(start, bare), text[bare:end], in_fm)
            )
        return result

    # ----------------------------------------------------------------------------- contents

    @cached_property
    def bundle_resource(self) -> bool:
        """Whether the file is a leaf bundle's resource, not a page (`Site.bundle_resource`):
        `news/story/notes.md` beside `news/story/index.md`. Article-level rules (a required
        field, a source link, front matter at all) leave it alone; what is in it is still text
        a template may render."""
        site = self.site
        return site is not None and site.bundle_resource(self.path)

    @property
    def has_front_matter(self) -> bool:
        return self.front_matter_block is not None or bool(self.front_matter_errors)

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    @cached_property
    def body_nodes(self) -> list[BodyNode]:
        """The Markdown body, parsed once (empty when the front matter is unterminated)."""
        from newslint.markdown import parse_body

        if self.body_start >= len(self.text):
            return []
        linkify, protocol = (True, "https") if self.site is None else self.site.linkify
        return parse_body(self.body, self.body_start, linkify=linkify, linkify_protocol=protocol)

    @cached_property
    def fields(self) -> list[Field]:
        fm = self.front_matter
        if fm is None:
            return []
        return [
            Field(e.key, e.key_span, e.node, e.entry_span, fm.format, e.spread)
            for e in fm.root.entries
        ]

    def field(self, key: str) -> Field | None:
        """The top-level field named `key` that Hugo uses, compared without case: Hugo lowercases
        front-matter keys, so `Title:` is the title (`duplicate-key` reports two spellings)."""
        return self._fields_by_key.get(key.lower())

    @cached_property
    def _fields_by_key(self) -> dict[str, Field]:
        """Each lowercased key's field as Hugo picks it (rules look fields up for every document):
        of a key written twice, the first (YAML and TOML refuse the file), the last in JSON (Go's
        decoder keeps it); of two spellings, the first that is not all lower case (Hugo keeps
        one of those, checked with hugo 0.168), else the lower-case one."""
        by_spelling: dict[str, Field] = {}
        last_wins = self.front_matter_format == "json"
        for candidate in self.fields:
            if last_wins or candidate.key not in by_spelling:
                by_spelling[candidate.key] = candidate
        by_key: dict[str, Field] = {}
        for spelling, candidate in by_spelling.items():
            key = spelling.lower()
            found = by_key.get(key)
            if found is None or (found.key == key and spelling != key):
                by_key[key] = candidate
        return by_key

    def value(self, key: str, default: Any = None) -> Any:
        found = self.field(key)
        return default if found is None else found.value

    # ----------------------------------------------------------------------------- cascade

    @property
    def cascade(self) -> dict[str, Any]:
        """The front-matter values Hugo cascades onto this page from its sections' `_index` files
        and the site configuration (keys lower case; empty without a site). Rules consult it
        through `effective_value` and `inherits`; it has no span in this document's text."""
        found = self.cascade_values
        if found is None:
            found = self.cascade_values = _cascade().cascade_for(self)
        return found

    def effective_value(self, key: str, default: Any = None) -> Any:
        """The value Hugo gives the page for `key`: the article's own field whenever it has one,
        else what the cascade gives (`Document.cascade`), else `default`."""
        found = self.field(key)
        if found is not None:
            return found.value
        if self._no_cascade():
            return default
        cascade = self.cascade
        if not cascade:
            return default  # (most pages: nothing cascades onto them, no key to look up)
        return _cascade().cascaded_value(cascade, key, default)

    def cascaded_value(self, key: str, default: Any = None) -> Any:
        """What the cascade alone gives the page for `key`, whatever the page sets itself (the
        value the page would get if its own key were deleted); `default` when nothing."""
        if self._no_cascade():
            return default
        cascade = self.cascade
        if not cascade:
            return default  # (most pages: nothing cascades onto them, no key to look up)
        return _cascade().cascaded_value(cascade, key, default)

    def _no_cascade(self) -> bool:
        """Nothing cascades: no site (and none given), so nothing to work out."""
        return self.cascade_values is None and (self.site is None or self.site.root is None)

    def inherits(self, key: str) -> bool:
        """Whether the page gets `key` from a cascade, not from its own front matter."""
        if self.field(key) is not None:
            return False
        if self._no_cascade():
            return False
        return _cascade().has_cascaded(self.cascade, key)

    def lead_sentences(
        self,
        max_chars: int | None = 300,
        *,
        raw_html: bool = False,
        enough: Callable[[str], bool] | None = None,
    ) -> str:
        """The article's complete opening sentences within `max_chars` (None: 300; "" when there
        are none). A paragraph that continues a sentence a blank line cut (`continues_a_sentence`)
        is no opening and is passed over.

        With `raw_html` (the site lets Hugo render raw HTML), a paragraph written as an HTML block
        that starts with `<p>` (`<p dir="rtl">...</p>`, as right-to-left articles wrap theirs) is
        read in its place among the Markdown ones: the reader sees it where it stands, and the
        first Markdown paragraph after it is no opening. Elsewhere Hugo leaves such a block out.

        With `enough`, a lead that does not say enough goes on into the next paragraphs where
        they let it (`lead_from_paragraphs`)."""
        if max_chars is None:
            max_chars = 300

        # The lead is almost always in the first paragraph or two: walk them lazily rather than
        # turning the whole body into prose first.
        placed = self._prose_paragraphs_at(set_apart=False)
        if raw_html:
            placed = heapq.merge(placed, self._html_paragraphs_at())
        paragraphs = (_without_attribute_lists(p) for _, p in placed if not continues_a_sentence(p))
        return lead_from_paragraphs(paragraphs, max_chars, enough)

    def _html_paragraphs_at(self) -> Iterator[tuple[int, str]]:
        """The text of each `<p>` element of a raw HTML block that starts with one, with the
        element's offset, in order. The engine gives a block line by line: the lines that follow
        each other are one block."""
        nodes = self.body_nodes
        index = 0
        while index < len(nodes):
            node = nodes[index]
            index += 1
            if not isinstance(node, Html) or node.inline:
                continue
            start, end = node.span.start, node.span.end
            while index < len(nodes):
                line = nodes[index]
                if not isinstance(line, Html) or line.inline or line.span.start != end:
                    break
                end = line.span.end
                index += 1
            block = self.text[start:end]
            if _HTML_PARAGRAPH_BLOCK.match(block) is None:
                continue
            for element in _HTML_PARAGRAPH.finditer(block):
                plain = _html_text(element.group(1))
                if plain:
                    yield start + element.start(), plain

    def prose_and_headings(self) -> list[str]:
        """Reader-visible paragraph texts and heading texts, in the order a reader meets them:
        what an excerpt cut at a fixed length runs together once the tags are stripped
        (WordPress's 55 words take in a subheading as readily as a paragraph). A heading's text
        is its runs and code spans, without Goldmark's trailing `{#id .class}` attributes.

        Worked out once per document (several checks of one summary ask for it): the list is
        shared, never to be changed by a caller."""
        # Looked up by hand: `cached_property` takes a lock at each first access.
        found: list[str] | None = self.__dict__.get("_prose_and_headings")
        if found is None:
            found = self.__dict__["_prose_and_headings"] = self._placed_prose_and_headings()
        return found

    def _placed_prose_and_headings(self) -> list[str]:
        """`prose_and_headings`, worked out."""
        placed = list(self._prose_paragraphs_at())
        nodes = self.body_nodes
        for index, node in enumerate(nodes):
            if not isinstance(node, Heading):
                continue
            parts: list[str] = []
            inner_index = index + 1
            while inner_index < len(nodes) and nodes[inner_index].span.start < node.span.end:
                inner = nodes[inner_index]
                inner_index += 1
                if isinstance(inner, Text):
                    parts.append(inner.text)
                elif isinstance(inner, Code) and not inner.block:
                    parts.append(_code_span_text(inner.text))
            shown = collapse_spaces(_HEADING_ATTRIBUTES.sub("", "".join(parts)))
            if shown:
                placed.append((node.span.start, shown))
        placed.sort(key=lambda item: item[0])
        return [text for _, text in placed]

    def iter_prose_paragraphs(self, *, set_apart: bool = True) -> Iterator[str]:
        """Reader-visible paragraph texts, in order (see `_prose_paragraphs_at`)."""
        return (plain for _, plain in self._prose_paragraphs_at(set_apart=set_apart))

    def _prose_paragraphs_at(self, *, set_apart: bool = True) -> Iterator[tuple[int, str]]:
        """Reader-visible paragraph texts with their offsets, in order, skipping blank ones and
        the source line;
        without `set_apart`, also those set apart in italics or bold as a whole (`*Editor's note:
        ...*`, a newsroom's boilerplate; also in raw HTML emphasis, `<i>...</i>`), in a block quote (`> This is a historic post...`, an
        epigraph, a pull quote), and notes led by an emphasised label and a colon
        (`**Note:** This post was first published...`, `**更新**：`), which are no part of the
        story's opening.

            Inline code spans count as text here, as written (the reader sees `make check` in the
            sentence), so a summary built from these says "Run `make check`", not "Run the command";
            an inline image's alt text does not (the reader sees the picture). A line break between
            two pieces of prose (after a link, emphasis or code) is a space to the reader, except between
        two Chinese or Japanese characters, where it is nothing (see `_EAST_ASIAN_BREAK`)."""
        nodes = self.body_nodes
        text = self.text
        for index, node in enumerate(nodes):
            if not isinstance(node, Paragraph) or _ONLY_LINK.fullmatch(node.text):
                continue
            if not set_apart:
                source = node.text
                # Emphasis, an HTML tag or a note's label opens such a paragraph (after white
                # space): without one of those characters first, the three tests (each a copy of
                # the text) are all false.
                opening = source[:1]
                if opening.isspace():
                    opening = source.lstrip()[:1]
                if _quoted(text, node.span.start) or (
                    opening in "*_<"
                    and (_set_apart(source) or _set_apart_in_html(source) or _labelled_note(source))
                ):
                    continue
            parts: list[str] = []
            last_end = -1  # where the previous piece of prose ended in the source
            image_end = -1  # an inline image shows a picture, not its alt text
            inner_index = index + 1
            while inner_index < len(nodes) and nodes[inner_index].span.start < node.span.end:
                inner = nodes[inner_index]
                inner_index += 1
                if isinstance(inner, Link) and inner.is_image:
                    image_end = max(image_end, inner.span.end)
                    continue
                if inner.span.start < image_end:
                    continue
                if isinstance(inner, Text):
                    piece = inner.text
                    if "\\" in piece:  # the pattern's scan costs more than this test
                        piece = _BACKSLASH_BREAK.sub(r"\1", piece)
                elif isinstance(inner, Code) and not inner.block:
                    piece = _code_span_text(inner.text)
                else:
                    continue
                if last_end >= 0 and "\n" in text[last_end : inner.span.start]:
                    parts.append("\n")  # a space, or nothing between two wide characters
                parts.append(piece)
                last_end = inner.span.end
            plain = collapse_spaces(_join_east_asian_lines("".join(parts)))
            if plain:
                yield node.span.start, plain


# Goldmark's attributes at a heading's end (`## Why We Did It {#why .lead}`), not shown.
_HEADING_ATTRIBUTES = re.compile(r"\s*\{[^{}]*\}\s*$")


# A paragraph in emphasis as a whole: the same `*`, `_`, `**`, ... around all of it, and no
# closing marker inside it (`*A* and *B*` is two emphases, not one).
_WHOLLY_EMPHASISED = re.compile(r"(?s)(\*{1,3}|_{1,3})(?=\S)(.+)(?<=\S)\1")


# A kramdown inline attribute list after a span (`[Hacktoberfest](url){:target="_blank"}`, `{: .note}`),
# as Jekyll sites and their imports write them: markup to kramdown, text Hugo shows as it is,
# never words of the sentence. Not kramdown's extensions (`{::nomarkdown}`).
_KRAMDOWN_ATTRIBUTES = re.compile(
    r"""[ \t]*\{:(?!:)(?:[ \t]*(?:[.#][\w-]+|[\w-]+(?:=(?:"[^"\n]*"|'[^'\n]*'|[^\s"'{}]+))?))+"""
    r"[ \t]*\}"
)


def _without_attribute_lists(paragraph: str) -> str:
    """`paragraph` without kramdown's attribute lists, for a summary taken from it."""
    if "{:" not in paragraph:
        return paragraph
    return _KRAMDOWN_ATTRIBUTES.sub("", paragraph)


def _set_apart(source: str) -> bool:
    """Whether the paragraph's source is emphasised as a whole (`*Editor's note: ...*`)."""
    source = source.strip()
    if not source or source[0] not in "*_" or source[-1] != source[0]:
        return False  # the common case, at once
    found = _WHOLLY_EMPHASISED.fullmatch(source)
    if found is None:
        return False
    marker, inner = found.group(1), found.group(2)
    return re.search(re.escape(marker[0]) + r"(?=[\s.,;:!?)])", inner) is None


def _set_apart_in_html(source: str) -> bool:
    """Whether all the paragraph's text is inside raw HTML emphasis (`<i>`, `<em>`, `<b>`,
    `<strong>`), as a CMS export writes a newsroom's boilerplate: `<a href="..."><i>Spotlight
    News</i></a><i> is an independent newsroom.</i>`. A link or span around the emphasis is no
    text of its own; one word outside it is."""
    source = source.strip()
    if not source.startswith("<"):
        return False  # the common case, at once
    depth = 0
    seen = False
    position = 0
    for tag in _HTML_TAG.finditer(source):
        if source[position : tag.start()].strip():
            if depth == 0:
                return False
            seen = True
        emphasis = _HTML_EMPHASIS.fullmatch(tag.group())
        if emphasis is not None:
            depth = max(0, depth - 1) if emphasis.group(1) else depth + 1
        position = tag.end()
    if source[position:].strip():
        return depth > 0  # text after the last tag, emphasised only inside an open element
    return seen


_HTML_EMPHASIS = re.compile(r"(?i)<(/?)(?:i|em|b|strong)(?:\s[^<>]*)?>")


# What may stand before a paragraph on its first line inside a block quote: the quote markers, and
# those of a list the quote is in (`- > quoted`).
_QUOTE_PREFIX = re.compile(r"[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*(?:>[ \t]?)+[ \t]*")


def _quoted(text: str, start: int) -> bool:
    """Whether the paragraph starting at `start` is in a block quote: only quote (and list)
    markers stand before it on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    return (
        ">" in text[line_start:start]
        and _QUOTE_PREFIX.fullmatch(text, line_start, start) is not None
    )


# An HTML block that is a paragraph (`<p>`, `<p dir="rtl">`), and each `<p>` element in it: up to
# its end tag, the next `<p>` (which closes it in HTML) or the end of the block.
_HTML_PARAGRAPH_BLOCK = re.compile(r"\s*<p[\s>]", re.IGNORECASE)
_HTML_PARAGRAPH = re.compile(r"(?is)<p(?:\s[^>]*)?>(.*?)(?=</p\s*>|<p[\s>/]|\Z)")
_HTML_UNSEEN = re.compile(r"(?is)<!--.*?(?:-->|\Z)|<(script|style)\b.*?(?:</\1\s*>|\Z)")
_HTML_BREAK = re.compile(r"(?i)<br\s*/?>")
_HTML_TAG = re.compile(r"<[^<>]*>")


def _html_text(fragment: str) -> str:
    """What a reader sees of an HTML fragment: its text, tags, comments and scripts left out,
    entities read, white space collapsed (and none kept at a line break between two Chinese or
    Japanese characters)."""
    shown = _HTML_TAG.sub("", _HTML_BREAK.sub("\n", _HTML_UNSEEN.sub("", fragment)))
    if "&" in shown:
        shown = unescape(shown)
    return collapse_spaces(_join_east_asian_lines(shown))


# The labels a note opens with, in bold or italics and with a colon (`**Note:**`, `*Update*:`,
# `**Anm. d. Red.:**`, `**更新**：`): an editor's or a translator's note, a correction, an update.
# A dateline in bold (`**ISLAMABAD:** The prime minister...`) opens the story and is no such label.
# fmt: off
_NOTE_LABELS = (
    "note", "notes", "nb", "n.b.", "editor's note", "editors' note", "editor’s note", "update",
    "updated", "updates", "correction", "clarification", "disclaimer", "disclosure",
    "author's note", "translator's note", "upd", "nota", "nota del editor", "nota do editor",
    "nota de la redacción", "nota da redação", "nota della redazione", "aviso", "actualización",
    "atualização", "aclaración", "corrección", "correção", "aggiornamento", "avviso", "nde",
    "note de la rédaction", "mise à jour", "avertissement", "rectificatif", "précision",
    "hinweis", "anmerkung", "anmerkung der redaktion", "anm. d. red.", "korrektur", "nachtrag",
    "aktualisierung", "transparenzhinweis", "примечание", "примечание редакции", "обновление",
    "更新", "注", "注意", "编者按", "编者注", "编注", "編者按", "編者注", "編注", "说明", "說明",
    "声明", "聲明", "更正", "追記", "注記", "お知らせ", "編集部注", "참고", "업데이트", "편집자 주",
    "알림", "ملاحظة", "تحديث", "تنويه", "ملاحظة المحرر", "توجه", "یادداشت", "הערה", "עדכון",
    "הערת העורך",
)
# fmt: on
_LABELLED_NOTE = re.compile(
    r"\s*(\*{1,2}|_{1,2})\s*(?:"
    + "|".join(re.escape(label) for label in sorted(_NOTE_LABELS, key=len, reverse=True))
    + r")\s*(?:[:：]\s*\1|\1\s*[:：])",
    re.IGNORECASE,
)


def _labelled_note(source: str) -> bool:
    """Whether the paragraph's source opens with a note's label, emphasised and with a colon."""
    return source.lstrip()[:1] in "*_" and _LABELLED_NOTE.match(source) is not None


def _code_span_text(source: str) -> str:
    """A code span as a summary should carry it: as written, backticks included, because Hugo
    renders a front-matter summary as Markdown (`<iframe>` in a summary without its backticks
    would become an HTML tag). Math spans (`$x$`) give nothing a summary could use."""
    return source if source.startswith("`") else ""
