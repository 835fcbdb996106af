"""Summary helpers: is a summary cut off, and a better one from the article's opening sentences."""

from __future__ import annotations

import html
import unicodedata

from newslint.document import Document
from newslint.rule import Context
from newslint.textutil import collapse_spaces, ellipsis_ending, is_cjk_char

__all__ = ["ellipsis_ending", "lead_of", "mid_word_ending"]


def lead_of(ctx: Context) -> str:
    """The article's opening sentences for a summary, read as the page shows them: a paragraph
    written as raw HTML (`<p dir="rtl">`) counts where the site lets Hugo render it."""
    site = ctx.site
    raw_html = site is not None and site.unsafe_html_for(ctx.document.language)
    return ctx.document.lead_sentences(ctx.options.max_chars, raw_html=raw_html)


def mid_word_ending(summary: str, document: Document) -> str | None:
    """The cut word when the summary is the body's opening text stopped inside a word, or None.

    Only a summary found verbatim in the body counts: then the body shows the word it cut.
    """
    text = collapse_spaces(html.unescape(summary))
    if len(text) < 20 or not _in_word(text[-1]):
        return None
    body = " ".join(document.prose_paragraphs())
    found = body.find(text)
    if found < 0:
        return None
    following = body[found + len(text) : found + len(text) + 1]
    if not following or not _in_word(following):
        return None
    if is_cjk_char(text[-1]):
        return text[-1]
    return text.rsplit(" ", 1)[-1]


def _in_word(char: str) -> bool:
    """Whether `char` belongs to a word: a letter or digit, or a combining mark, which Indic
    scripts end their words with (the vowel sign of `तैयारी`), as does text in NFD (`nghê`)."""
    return char.isalnum() or unicodedata.category(char).startswith("M")
