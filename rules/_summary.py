"""Summary helpers: is a summary cut off, and a better one from the article's opening sentences."""

from __future__ import annotations

import html
import re

from newslint.document import Document
from newslint.textutil import collapse_spaces, ellipsis_ending, is_cjk_char

from ._encoding import INVISIBLE_RUN, find_mojibake

__all__ = ["clean_lead", "ellipsis_ending", "mid_word_ending"]

# C0 and C1 control characters (tab and line breaks are no prose in a lead anyway).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean_lead(document: Document, max_chars: int) -> str:
    """The article's opening sentences for a new summary; "" while they hold damage that the
    safe fixes of control-char, invisible-char and mojibake repair in the body.

    Copied into a quoted front-matter value, a control character becomes an escape (`\\u0007`,
    and mojibake's `\\u009d`) that those line-based rules do not read: the damage would stay in
    the summary unreported. The fix loop applies the body's repairs first, and the next pass
    offers the summary from the repaired body.
    """
    lead = document.lead_sentences(max_chars)
    if lead and (_CONTROL.search(lead) or INVISIBLE_RUN.search(lead) or find_mojibake(lead)):
        return ""
    return lead


def mid_word_ending(summary: str, document: Document) -> str | None:
    """The cut word when the summary is the body's opening text stopped inside a word, or None.

    Only a summary found verbatim in the body counts: then the body shows the word it cut.
    """
    text = collapse_spaces(html.unescape(summary))
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
