"""The same paragraph appears twice.

## What it does
Reports a paragraph whose Markdown source (whitespace collapsed) repeats an earlier paragraph of the
body, links included: two tweets credited alike but linking to different posts are not repeats.
Paragraphs of fewer than `min-words` words (default 15, URLs not counted; two Chinese, Japanese or
Korean characters count as a word) are not compared: short lines such as "Advertisement", a byline,
a "Rating: ★★★★☆" line, or in documentation "Build the site and check the result." and a repeated
note, recur legitimately. Neither are paragraphs of only links or images, paragraphs with a
shortcode call or inside one (what they show depends on the shortcode), nor photo captions (a paragraph right below a
paragraph of images), since photos of one event often share a caption, nor quoted paragraphs
(`> ...`: a pull quote, a callout or an embedded post repeats text by nature).

## Why is this bad?
Scrapers that follow "read more" pages or merge a teaser with the full text duplicate paragraphs;
readers notice at once.

## Example
    The budget passed on Tuesday after a week of talks.

    Talks went on for a week.

    The budget passed on Tuesday after a week of talks.

## Use instead
    The budget passed on Tuesday after a week of talks.

    Talks went on for a week.

## Fix safety
Unsafe: the fix removes the repeat (and one blank line next to it), keeping the first occurrence;
an editor should check that the repeat was not intended, such as a pull quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newslint import Fix, Rule, Severity, Span
from newslint.events import Paragraph
from newslint.rule import Context
from newslint.textutil import lazy_regex

from ._body import Regions, delete_block, only_links, shortcode_bodies


@dataclass(frozen=True)
class Options:
    min_words: int = 15


_WORD = re.compile(r"\w+")
_URL = re.compile(r"\bhttps?://\S+")
# Compiled on first use: only a repeated paragraph has its words counted.
_CJK = lazy_regex(
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\U00020000-\U0002fa1f]"
)


def _words(text: str) -> int:
    """Words in `text`; CJK is written without spaces, so two of its characters count as one."""
    text = _URL.sub(" ", text)
    cjk = len(_CJK.findall(text))
    return len(_WORD.findall(_CJK.sub(" ", text))) + (cjk + 1) // 2


class DuplicateParagraph(Rule):
    code = "BD007"
    name = "duplicate-paragraph"
    severity = Severity.WARNING
    messages = {"repeat": "paragraph repeats the one on line {line}"}
    Options = Options

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}
        self.image_end = -1  # where the last paragraph of only images ended
        self.shortcodes: Regions | None = None

    def on_paragraph(self, ctx: Context, paragraph: Paragraph) -> None:
        if not self._compared(ctx, paragraph):
            return
        # Compare the source, so that two tweets credited alike but linking to different posts,
        # or an image's alt text and its caption, are not taken for one another.
        key = " ".join(paragraph.text.split())
        first = self.seen.setdefault(key, paragraph.span.start)
        # Counting words costs more than the lookup: only a repeat is counted.
        if first == paragraph.span.start or _words(paragraph.plain) < ctx.options.min_words:
            return
        document = ctx.document
        end = paragraph.span.end
        while end > paragraph.span.start and document.text[end - 1] in "\r\n":
            end -= 1
        fix = Fix.unsafe("Remove the repeated paragraph", delete_block(document, paragraph.span))
        ctx.report(
            Span(paragraph.span.start, end), "repeat", fix=fix, line=document.position(first).line
        )

    def _compared(self, ctx: Context, paragraph: Paragraph) -> bool:
        """Whether the paragraph is one that must not repeat (see the rule's documentation)."""
        source = paragraph.text
        if only_links(source):
            if "![" in source:
                self.image_end = paragraph.span.end
            return False
        document = ctx.document
        if self.shortcodes is None:
            self.shortcodes = Regions(shortcode_bodies(document))
        if "{{<" in source or "{{%" in source:
            return False  # what a shortcode call shows depends on the call, not on the paragraph
        if self.shortcodes.covers(paragraph.span.start):
            return False
        line_start = document.lines.line_span(document.position(paragraph.span.start).line).start
        if ">" in document.text[line_start : paragraph.span.start]:
            return False  # a quote repeats by nature: a pull quote, a callout, an embedded post
        # A paragraph right below a paragraph of images is a photo caption.
        return self.image_end < 0 or bool(
            document.text[self.image_end : paragraph.span.start].strip()
        )
