"""Summary helpers: is a summary cut off, and a better one from the article's opening sentences."""

from __future__ import annotations

import html
import re

from newslint.document import Document
from newslint.textutil import is_cjk_char, sentences

_CLOSERS = "\"'”’)]」』）》"
_ELLIPSES = ("...", "…", "。。。", "．．．")
# A complete sentence ends in . ! ? or a CJK full stop, then maybe closing quotes or brackets.
_COMPLETE = re.compile(r"[.!?。！？][" + re.escape(_CLOSERS) + r"]*\Z")


def ellipsis_ending(summary: str) -> str | None:
    """The ellipsis a summary ends with (closing quotes and brackets aside), or None."""
    text = summary.rstrip().rstrip(_CLOSERS).rstrip()
    for ending in _ELLIPSES:
        if text.endswith(ending):
            return ending
    return None


def mid_word_ending(summary: str, document: Document) -> str | None:
    """The cut word when the summary is the body's opening text stopped inside a word, or None.

    Only a summary found verbatim in the body counts: then the body shows the word it cut.
    """
    text = " ".join(html.unescape(summary).split())
    if len(text) < 20 or not text[-1].isalnum():
        return None
    body = " ".join(document.prose_paragraphs())
    found = body.find(text)
    if found < 0:
        return None
    following = body[found + len(text) : found + len(text) + 1]
    if not following or not following.isalnum():
        return None
    if is_cjk_char(text[-1]):
        return text[-1]
    return text.rsplit(" ", 1)[-1]


def complete(sentence: str) -> bool:
    return bool(_COMPLETE.search(sentence)) and ellipsis_ending(sentence) is None


def opening_sentences(document: Document, max_chars: int) -> str:
    """Whole, complete opening sentences of the first paragraph that has one, within `max_chars`.

    Built on `document.lead_sentences`' inputs (the reader-visible paragraphs), but a paragraph that
    does not open with a complete sentence (a dateline such as "HERZLIYA, Israel —", a body cut
    with "...") is skipped, and a fragment never ends the result. When the opening sentence alone
    is longer than `max_chars` there is no summary: a later paragraph would not be an opening.
    """
    for paragraph in document.prose_paragraphs():
        lead = ""
        for sentence in sentences(paragraph):
            if not complete(sentence):
                break
            candidate = sentence if not lead else _join(lead, sentence)
            if len(candidate) > max_chars:
                if not lead:
                    return ""  # the opening sentence is too long: later ones are no opening
                break
            lead = candidate
        if lead:
            return lead
    return ""


def _join(left: str, right: str) -> str:
    if is_cjk_char(left[-1:]) or is_cjk_char(right[:1]):
        return left + right
    return f"{left} {right}"
