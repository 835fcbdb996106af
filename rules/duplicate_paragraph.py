"""The same paragraph appears twice.

## What it does
Reports a paragraph whose Markdown source (whitespace collapsed) repeats an earlier paragraph of the
body, links included: two tweets credited alike but linking to different posts are not repeats. The
items of a tight list (one without blank lines between its items, whose text is no paragraph) are
compared with one another, not with paragraphs: a list of key points repeats the article's sentences
by design. Paragraphs of fewer than `min-words` words (default 15, URLs not counted; two Chinese,
Japanese or Korean characters count as a word, four letters of Thai, Lao, Khmer or Burmese, written
without spaces between words, too; an Indic vowel sign or an accent is part of its word) are not
compared: short lines such as "Advertisement", a byline, a "Rating: ★★★★☆" line, or in documentation
"Build the site and check the result." and a repeated note, recur legitimately. Neither are
paragraphs of only links or images, paragraphs with a shortcode call or inside one (what they show
depends on the shortcode), nor photo captions (a paragraph right below a paragraph of images), since
photos of one event often share a caption, nor quoted paragraphs (`> ...`: a pull quote, a callout
or an embedded post repeats text by nature). The repeat is reported at its first line; the first
occurrence is the one kept.

## Why is this bad?
Scrapers that follow "read more" pages or merge a teaser with the full text duplicate paragraphs;
readers notice at once.

## Example
    The budget passed on Tuesday after a week of talks between the two parties in the upper house.

    Talks went on for a week.

    The budget passed on Tuesday after a week of talks between the two parties in the upper house.

## Use instead
    The budget passed on Tuesday after a week of talks between the two parties in the upper house.

    Talks went on for a week.

## Fix safety
Unsafe: the fix removes the repeat (and one blank line next to it), keeping the first occurrence;
an editor should check that the repeat was not intended, such as a pull quote.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from newslint import Fix, Rule, Severity, Span
from newslint.document import Document
from newslint.events import Heading, Paragraph, Text
from newslint.rule import Context, check_counts
from newslint.textutil import lazy_regex

from ._body import Regions, delete_block, only_links, shortcode_bodies


@dataclass(frozen=True)
class Options:
    """Options of the rule (its `[rules.duplicate-paragraph]` table)."""

    min_words: int = 15

    def __post_init__(self) -> None:
        check_counts(self)


_WORD = re.compile(r"\w+")
_URL = re.compile(r"\bhttps?://\S+")
# Compiled on first use: only a repeated paragraph has its words counted.
_CJK = lazy_regex(
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\U00020000-\U0002fa1f]"
)


def _words(text: str) -> int:
    """Words in `text`; CJK is written without spaces, so two of its characters count as one, and
    so are Thai, Lao, Khmer and Burmese, where four letters count as one."""
    text = _URL.sub(" ", text)
    if text.isascii():
        # No CJK or unspaced letters to count: the two lazy patterns are not compiled (their
        # large classes cost about 37 M instructions to compile, more than the rule's work on
        # hundreds of articles).
        return len(_WORD.findall(text))
    # Combining marks (Indic vowel signs, Thai tone marks, NFD accents) and joiners (the
    # Persian ZWNJ) sit inside words, which `\w` would split at them.
    text = "".join(c for c in text if unicodedata.category(c)[0] not in "MC" or c.isspace())
    cjk = len(_CJK.findall(text))
    text = _CJK.sub(" ", text)
    unspaced = len(_UNSPACED.findall(text)) if not text.isascii() else 0
    if unspaced:
        text = _UNSPACED.sub(" ", text)
    return len(_WORD.findall(text)) + (cjk + 1) // 2 + (unspaced + 3) // 4


# Letters of Thai, Lao, Khmer and Burmese, written without spaces between words (a space ends a
# phrase): four of them count as a word, about the length of one.
_UNSPACED = lazy_regex("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")


class DuplicateParagraph(Rule):
    code = "BD007"
    name = "duplicate-paragraph"
    severity = Severity.WARNING
    messages = {"repeat": "paragraph repeats the one on line {line}"}
    Options = Options

    def __init__(self) -> None:
        # Paragraphs by their first and last word, with whether each is a photo caption; the
        # other checks cost more than the lookup, so they run only for a text that may occur
        # twice. (Two paragraphs of one collapsed source share both words; collapsing every
        # paragraph's source, a word list each, cost more than the rest of the rule.)
        self.occurrences: dict[tuple[str, str], list[tuple[Paragraph, bool]]] = {}
        self.image_end = -1  # where the last paragraph of only images ended

    def on_paragraph(self, ctx: Context, paragraph: Paragraph) -> None:
        source = paragraph.text
        if only_links(source):
            if "![" in source:
                self.image_end = paragraph.span.end
            return
        # A paragraph right below a paragraph of images is a photo caption.
        caption = self.image_end >= 0 and not (
            ctx.document.text[self.image_end : paragraph.span.start].strip()
        )
        # Compare the source, so that two tweets credited alike but linking to different posts,
        # or an image's alt text and its caption, are not taken for one another.
        first = source.split(None, 1)
        key = (first[0], source.rsplit(None, 1)[-1]) if first else ("", "")
        self.occurrences.setdefault(key, []).append((paragraph, caption))

    def on_document_end(self, ctx: Context, document: Document) -> None:
        shortcodes: Regions | None = None
        groups = _by_source(self.occurrences.values())
        # One regex pass decides whether there can be a tight list at all.
        if _has_item_line(document.text, document.body_start):
            groups.extend(_tight_items(document).values())
        for occurrences in groups:
            if len(occurrences) < 2:
                continue
            if shortcodes is None:
                shortcodes = Regions(shortcode_bodies(document))
            compared = [
                p
                for p, caption in occurrences
                if not caption and _compared(document, p, shortcodes)
            ]
            # Counting words costs more than the rest: only a repeat is counted.
            if len(compared) < 2 or _words(compared[0].plain) < ctx.options.min_words:
                continue
            line = document.position(compared[0].span.start).line
            for paragraph in compared[1:]:
                end = paragraph.span.end
                while end > paragraph.span.start and document.text[end - 1] in "\r\n":
                    end -= 1
                fix = Fix.unsafe(
                    "Remove the repeated paragraph", delete_block(document, paragraph.span)
                )
                ctx.report(Span(paragraph.span.start, end), "repeat", fix=fix, line=line)


def _by_source(
    candidates: Iterable[list[tuple[Paragraph, bool]]],
) -> list[list[tuple[Paragraph, bool]]]:
    """The paragraphs of `candidates` (groups that share their first and last word) that share
    their collapsed source, grouped by it in the order of each source's first occurrence."""
    groups: list[list[tuple[Paragraph, bool]]] = []
    for candidate in candidates:
        if len(candidate) < 2:
            continue
        by_source: dict[str, list[tuple[Paragraph, bool]]] = {}
        for occurrence in candidate:
            key = " ".join(occurrence[0].text.split())
            by_source.setdefault(key, []).append(occurrence)
        groups.extend(group for group in by_source.values() if len(group) > 1)
    groups.sort(key=lambda group: group[0][0].span.start)
    return groups


# A line that opens a list item: its quote markers, indent and marker, before the item's text.
# Atomic quote markers: see `_QUOTED_LIST_MARKER` in `_body.py` (no exponential backtracking).
_ITEM_LINE = re.compile(r"(?m)^(?>[ \t]{0,3}>[ \t]?)*[ \t]*(?:[-*+]|[0-9]{1,9}[.)])[ \t]+(?=\S)")
# The same after the line feed that starts its line: a pattern that starts with a character is
# looked for by the regex engine's fast scan for that character, where `^` is tried at every
# position (a tenth of the time on an article).
_ITEM_AFTER_BREAK = re.compile(r"\n" + _ITEM_LINE.pattern.removeprefix("(?m)^"))


def _has_item_line(text: str, start: int) -> bool:
    """Whether `_ITEM_LINE.search(text, start)` finds a line: `^` matches at the text's start and
    after each line feed."""
    if start == 0 and _ITEM_LINE.match(text) is not None:
        return True
    return _ITEM_AFTER_BREAK.search(text, max(start - 1, 0)) is not None


@dataclass
class _Item:
    """A tight list item being read: its last line so far and the text runs on its lines."""

    last: int
    plain: list[str] = field(default_factory=list)


def _tight_items(document: Document) -> dict[str, list[tuple[Paragraph, bool]]]:
    """The items of tight lists (whose text is in no paragraph), as paragraphs of their source
    lines: the marker's line and the lines that go on with it, up to a blank line or the next
    marker. Keyed apart from paragraphs, which a list of key points repeats by design."""
    text = document.text
    lines = document.lines
    items: dict[int, _Item] = {}  # by the offset where the item's text starts
    block_end = -1  # the end of the last paragraph or heading: text before it is theirs
    current: _Item | None = None
    for node in document.body_nodes:
        if isinstance(node, (Paragraph, Heading)):
            block_end = node.span.end
            continue
        if not isinstance(node, Text) or node.span.start < block_end:
            continue
        number = lines.position(node.span.start).line
        marker = _ITEM_LINE.match(text, lines.line_span(number).start)
        if marker is not None and marker.end() <= node.span.start:
            current = items.setdefault(marker.end(), _Item(number))
        elif current is None or current.last < number - 1:
            current = None  # a table cell, or text after something else
            continue
        current.last = number
        current.plain.append(node.text)
    found: dict[str, list[tuple[Paragraph, bool]]] = {}
    for start, item in items.items():
        end = lines.line_span(item.last).end
        source = text[start:end]
        if only_links(source):
            continue  # as a paragraph of only links is not compared
        paragraph = Paragraph(source, "".join(item.plain), Span(start, end))
        found.setdefault(" ".join(source.split()), []).append((paragraph, False))
    return found


def _compared(document: Document, paragraph: Paragraph, shortcodes: Regions) -> bool:
    """Whether a paragraph that occurs twice is one that must not repeat (see the documentation)."""
    source = paragraph.text
    if "{{<" in source or "{{%" in source:
        return False  # what a shortcode call shows depends on the call, not on the paragraph
    if shortcodes.covers(paragraph.span.start):
        return False
    line_start = document.lines.line_span(document.position(paragraph.span.start).line).start
    # A quote repeats by nature: a pull quote, a callout, an embedded post.
    return ">" not in document.text[line_start : paragraph.span.start]
