"""Summary helpers: is a summary cut off, and a better one from the article's opening sentences."""

from __future__ import annotations

import re
import unicodedata

from newslint.config import Config
from newslint.document import Document
from newslint.rule import Context
from newslint.textutil import (
    collapse_spaces,
    ellipsis_ending,
    is_cjk_char,
    length_limits,
    mostly_cjk,
    reader_length,
    unescape,
)

from ._crossfile import is_section_page

__all__ = ["ellipsis_ending", "lead_of", "mid_sentence_ending", "mid_word_ending"]

# `summary-length`'s default limits (its `min` and `max` options).
SUMMARY_MIN = 40
SUMMARY_MAX = 300


def lead_of(ctx: Context) -> str:
    """The article's opening sentences for a summary, read as the page shows them: a paragraph
    written as raw HTML (`<p dir="rtl">`) counts where the site lets Hugo render it. When its
    sentences are fewer than `summary-length` (as configured) asks of a summary, the next
    paragraphs' opening sentences are taken in, within `max-chars`, up to that minimum; where
    they cannot be, the lead stays short (`summary_too_short` tells)."""
    site = ctx.site
    raw_html = site is not None and site.unsafe_html_for(ctx.document.language)
    low, high = _summary_limits(ctx)
    enough = None
    if low > 0 and not is_section_page(ctx.document):

        def enough(text: str) -> bool:
            return not too_short(text, low, high)

    return ctx.document.lead_sentences(ctx.options.max_chars, raw_html=raw_html, enough=enough)


def summary_too_short(ctx: Context, text: str) -> bool:
    """Whether `summary-length` as configured reports `text`, written as the page's summary, as
    too short."""
    low, high = _summary_limits(ctx)
    text = " ".join(unescape(text).split())
    return low > 0 and not is_section_page(ctx.document) and too_short(text, low, high)


def _summary_limits(ctx: Context) -> tuple[int, int]:
    """`summary-length`'s `min` and `max`: the options it runs with under the run's configuration
    (`rule_options`, validated and coerced as the engine gives them to it), else its defaults. A
    table it refuses (`min = "30"`) fails a run that selects it; where it is not selected, the
    defaults hold. Worked out once per configuration."""
    config = ctx.config
    if config is None:
        return SUMMARY_MIN, SUMMARY_MAX
    cached = _LIMITS.get(id(config))
    if cached is not None and cached[0] is config:
        return cached[1]
    from newslint.config import ConfigError
    from newslint.engine import rule_options

    from .summary_length import SummaryLength  # (it imports this module)

    try:
        options = rule_options(config, SummaryLength)
        limits = (options.min, options.max)
    except ConfigError:
        limits = (SUMMARY_MIN, SUMMARY_MAX)
    if len(_LIMITS) >= 64:
        _LIMITS.clear()
    _LIMITS[id(config)] = (config, limits)
    return limits


# Configuration (by identity) -> its `summary-length` limits (`_summary_limits`).
_LIMITS: dict[int, tuple[Config, tuple[int, int]]] = {}


def too_short(text: str, low: int, high: int) -> bool:
    """Whether `summary-length` reports the summary `text` (white space collapsed, entities
    shown) as shorter than `low`: its `length_limits` (a third for mostly CJK text), and a half
    CJK, half Latin one counted as `_carries_enough` does."""
    minimum, _ = length_limits(text, low, high)
    length = reader_length(text)
    return length < minimum and not _carries_enough(text, length, minimum)


def _carries_enough(text: str, length: int, low: int) -> bool:
    """Whether a summary below `low` that is half CJK, half Latin (`示例签署CLA，加入
    OpenExample社区。`) still says as much as `low` Latin letters: each CJK letter counted as the
    three it stands for. Mostly CJK text already has its lower limit (a third of `min`)."""
    if text.isascii() or mostly_cjk(text):
        return False
    cjk = sum(1 for char in text if char.isalpha() and is_cjk_char(char))
    return length + 2 * cjk >= low


def mid_word_ending(summary: str, document: Document) -> str | None:
    """The cut word when the summary is the body's opening text stopped inside a word, or None.

    Only a summary found verbatim in the body counts: then the body shows the word it cut.
    """
    text = collapse_spaces(unescape(summary))
    if len(text) < 20 or not _in_word(text[-1]):
        return None
    # Headings count, as in `mid_sentence_ending`: `... on December 24th. Wh` before `## Why`.
    body = " ".join(document.prose_and_headings())
    found = body.find(text)
    if found < 0:
        return None
    following = body[found + len(text) : found + len(text) + 1]
    if not following or not _in_word(following):
        return None
    if is_cjk_char(text[-1]):
        return text[-1]
    word = text.rsplit(" ", 1)[-1]
    if _UNSPACED_WORDS.match(text[-1]) and len(word) > _TAIL:
        # Thai, Lao, Khmer, Myanmar and Tibetan put no space between words: the text after the
        # last space is a phrase or the whole summary, not the word. Its last few characters
        # show where it stops, a combining mark (a vowel sign, a tone mark) kept with its letter.
        start = len(word) - _TAIL
        while start > 0 and unicodedata.category(word[start]).startswith("M"):
            start -= 1
        return word[start:]
    return word


# The scripts that put no space between words beside Chinese and Japanese: Thai and Lao,
# Tibetan, Myanmar, Khmer (and its symbols).
_UNSPACED_WORDS = re.compile("[\u0e00-\u0fff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff]")
# How many characters of such a summary's end the message quotes.
_TAIL = 8


def _in_word(char: str) -> bool:
    """Whether `char` belongs to a word: a letter or digit, or a combining mark, which Indic
    scripts end their words with (the vowel sign of `तैयारी`), as does text in NFD (`nghê`)."""
    return char.isalnum() or unicodedata.category(char).startswith("M")


# A summary of this many words or more that stops where the body's sentence goes on was cut at a
# fixed length (WordPress's excerpt is 55 words, Hugo's automatic summary 70), not written: a
# short one that stops there ("The budget passed on Tuesday") reads as a whole statement.
_CUT_SENTENCE_WORDS = 15
# A summary ending in one of these (or in a letter or digit) stops inside a sentence.
_INSIDE_A_SENTENCE = ",;:\u2013\u2014-"


def mid_sentence_ending(summary: str, document: Document) -> str | None:
    """The summary's last words when it is the body's opening text stopped between two words of a
    sentence the body goes on with (`... what Mobile Gov implementers need to` when the body says
    `need to know!`), or None.

    Only a long summary found verbatim in the body counts (see `_CUT_SENTENCE_WORDS`; it may take
    in several paragraphs, as a scraper joins them), and only where the body's paragraph goes on
    with a word: a summary that ends where a paragraph does is whole. Chinese and Japanese, written
    without spaces, are `mid_word_ending`'s."""
    text = collapse_spaces(unescape(summary))
    words = text.split(" ")
    if len(words) < _CUT_SENTENCE_WORDS:
        return None
    if not (_in_word(text[-1]) or text[-1] in _INSIDE_A_SENTENCE):
        return None
    # The body's character references show as their characters, as the summary's do.
    # Headings count as blocks of their own: an excerpt cut at a fixed length runs a paragraph
    # and the subheading after it together (`... on December 24th. Why` before `## Why We Did
    # It`), and a summary that stops inside a heading was cut there.
    paragraphs = [unescape(p) if "&" in p else p for p in document.prose_and_headings()]
    body = " ".join(paragraphs)
    found = body.find(text)
    if found < 0:
        return None
    end = found + len(text)
    ends: set[int] = set()
    position = 0
    for paragraph in paragraphs:
        position += len(paragraph)
        ends.add(position)
        position += 1
    if end in ends or body[end : end + 1] != " " or not _in_word(body[end + 1 : end + 2] or "."):
        return None
    return " ".join(words[-3:])
