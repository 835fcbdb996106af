"""Text written decomposed: letters and their accents as separate characters.

## What it does
Flags each word of the front-matter `title`, `summary`, `lead` and `description` and of the body's
prose that is written decomposed: a letter followed by combining marks that Unicode composes into
one character (`e` + U+0301 for `é`, `o` + U+0302 + U+0300 or `ô` + U+0300 for Vietnamese `ồ`, `ト` +
U+3099 for `ド`), or Hangul written as its jamo (`ᄎ` `ᅮ` `ᆯ` for `출`). Text copied from macOS file
names, PDF files and some input methods (Vietnamese "tổ hợp") comes so. Browsers draw it like the
composed text, so nobody sees it; marks that compose into nothing (Hebrew points, a Devanagari
nukta, which Unicode keeps apart) are left alone, and so are code, URLs and templates.

A custom field among them (`lead`, a configured `subtitle`) written under the page's `params`
map is checked there, as `params.lead` (Hugo 0.150+ reads it there).

## Why is this bad?
Search, sorting and spell checking take a decomposed word for another one (`Nguồn` written
decomposed is not found by a search for `Nguồn`), and Hugo drops the combining marks from heading
ids: `## Čeština` written decomposed gets the id `cestina` (hugo 0.168), so a link to `#čeština`
written the same way finds nothing.

## Example
    title: "Cafe\u0301 de Flore rouvre ses portes"

## Use instead
    title: "Café de Flore rouvre ses portes"

## Fix safety
Safe: the word is replaced by its composed form (Unicode NFC), which is canonically the same text
and looks the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from unicodedata import combining, is_normalized, normalize

from newslint import Edit, Fix, Rule, Severity
from newslint.document import Document
from newslint.events import Field, Link, Text
from newslint.rule import Context
from newslint.spans import Span

from ._fields import lowered_keys
from ._params import read_named
from ._text import TEXT_FIELDS, FieldText, front_matter_escapes, inside, template_spans


@dataclass(frozen=True)
class Options:
    """Options of the rule (its `[rules.decomposed-text]` table)."""

    # The description too: search engines show it, and search is what a decomposed word misses.
    fields: tuple[str, ...] = (*TEXT_FIELDS, "description")


def _joins(char: str) -> bool:
    """A combining mark, or a Hangul vowel or final jamo (which compose with the jamo before)."""
    return combining(char) != 0 or "\u1160" <= char <= "\u11ff"


def _in_word(char: str) -> bool:
    return char.isalnum() or _joins(char)


def decomposed_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, composed form) of each word of `text` with a letter and marks, or Hangul jamo,
    that Unicode's NFC composes: characters that compose into one, not marks that only reorder
    or that Unicode keeps apart (a Devanagari nukta, Hebrew points)."""
    if text.isascii() or is_normalized("NFC", text):
        return []
    found: list[tuple[int, int, str]] = []
    index, size = 1, len(text)
    while index < size:
        if not _joins(text[index]) or _joins(text[index - 1]):
            index += 1
            continue
        start, end = index - 1, index
        while end < size and _joins(text[end]):
            end += 1
        cluster = text[start:end]
        if len(normalize("NFC", cluster)) < len(cluster):
            while start > 0 and _in_word(text[start - 1]):
                start -= 1
            while end < size and _in_word(text[end]):
                end += 1
            if found and start <= found[-1][1]:
                start = found.pop()[0]
            found.append((start, end, normalize("NFC", text[start:end])))
        index = end + 1
    return found


def _composed(document: Document) -> bool:
    """Whether the file's text has nothing NFC would compose, asked once per file: then no field
    or text run of it has either (a field may still write a mark as an escape, `\\u0301`)."""
    return document.memo("decomposed-text-composed", _is_composed, document)


def _is_composed(document: Document) -> bool:
    text = document.text
    return text.isascii() or is_normalized("NFC", text)


def _url_texts(document: Document) -> list[tuple[int, int]]:
    """The spans of the links whose text is their address (`<https://x.org/café>`, a bare URL
    that Hugo links, an e-mail address): composing a word there changes where the link leads."""
    return sorted(
        (node.span.start, node.span.end)
        for node in document.body_nodes
        if isinstance(node, Link) and node.link_type in ("Autolink", "Email", "Linkify")
    )


class DecomposedText(Rule):
    code = "EN008"
    name = "decomposed-text"
    severity = Severity.WARNING
    messages = {
        "decomposed": "{word!r} is written decomposed (letters and combining marks apart): "
        "search and Hugo's heading ids take it for another word",
    }
    Options = Options

    @classmethod
    def field_keys(cls, ctx: Context) -> frozenset[str]:
        # `on_field` returns at once for any other key, and is not called at all in a file whose
        # text is composed and whose front matter writes no escape (most files).
        if _composed(ctx.document) and not front_matter_escapes(ctx.document):
            return frozenset()
        return lowered_keys((*ctx.options.fields, "params"))

    def on_field(self, ctx: Context, field: Field) -> None:
        for read, _ in read_named(ctx.document, field, ctx.options.fields):
            value = read.value
            if not isinstance(value, str):
                continue
            words = decomposed_words(value)
            if not words:
                continue
            edited = FieldText(ctx.document.text, read)
            changes = [(start, end, composed) for start, end, composed in words]
            for (start, end, composed), edits in zip(words, edited.edits(changes), strict=True):
                self._report(ctx, edited.span(start, end), composed, edits)

    def on_document_start(self, ctx: Context, document: Document) -> None:
        # One check of the whole file instead of a handler call for each text run: a text run
        # with something to compose makes the file's text not NFC.
        if _composed(document):
            return
        templates: list[tuple[int, int]] | None = None
        urls: list[tuple[int, int]] | None = None
        for node in document.body_nodes:
            if not isinstance(node, Text):
                continue
            # The source as written: an escape or an entity is ASCII, so the words are the same.
            words = decomposed_words(document.text[node.span.start : node.span.end])
            if not words:
                continue
            if templates is None:
                templates = template_spans(document.body, document.body_start)
            if urls is None:
                urls = _url_texts(document)
            for start, end, composed in words:
                at = node.span.start + start
                if inside(templates, at) or inside(urls, at):
                    continue
                span = Span(at, node.span.start + end)
                self._report(ctx, span, composed, (Edit.replace(span, composed),))

    def _report(self, ctx: Context, span: Span, composed: str, edits: tuple[Edit, ...]) -> None:
        fix = Fix.safe("Compose the word (NFC)", *edits)
        ctx.report(span, "decomposed", word=composed, fix=fix)
