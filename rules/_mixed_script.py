"""Words that mix Latin and Cyrillic letters (`Gemeindеhaus` with a Cyrillic `е`), for
`language-mismatch`: the letters look alike, so readers see nothing wrong, while search, spell
checking and hyphenation miss the word."""

from __future__ import annotations

import re

from newslint.events import Field, Text
from newslint.rule import Context
from newslint.spans import Span

from ._text import FieldText

# A Latin and a Cyrillic letter side by side: where a word that mixes the two scripts is found, in
# one regex pass (a C-speed scan for a two-character class; a lookahead would make it ten times
# slower) that most texts pass with no match.
_CYR = "\u0400-\u052f"
_LAT = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_SEAM = re.compile(f"[{_CYR}][{_LAT}]|[{_LAT}][{_CYR}]")
_CYRILLIC = re.compile(f"[{_CYR}]")
_LATIN = re.compile(f"[{_LAT}]")
# Cyrillic letters and the Latin letters they look like (and back): the word in one script that
# the message suggests.
_LOOKALIKES = dict(
    zip("аеорсухіјѕԁԛԝһӏАВЕКМНОРСТХІЈЅ", "aeopcyxijsdqwhlABEKMHOPCTXIJS", strict=True)
)
_LOOKALIKES |= {latin: cyrillic for cyrillic, latin in list(_LOOKALIKES.items())}


def report_in_field(ctx: Context, field: Field) -> None:
    """Report each mixed word of a string field's value, at the word in the source."""
    value = field.value
    if not isinstance(value, str) or value.isascii():
        return
    words = mixed_words(value)
    if not words:
        return
    located = FieldText(ctx.document.text, field)
    for start, end, minority, fixed in words:
        _report(ctx, located.span(start, end), value[start:end], minority, fixed)


def report_in_text(ctx: Context, node: Text) -> None:
    """Report each mixed word of a run of prose (a word holds no escape, so offsets map as they
    are)."""
    if node.text.isascii():
        return
    at = node.span.start
    # The run without white space around the last word looked at, and whether it is a URL: the
    # words of one run (`aе.aе.aе…`) share it rather than each reading the whole run again.
    token = (0, 0, False)
    for start, end, minority, fixed in mixed_words(node.text):
        if fixed and not token[0] <= start < token[1]:
            token = _url_token(node.text, start, end)
        if fixed and token[2]:
            fixed = None  # `https://example.com/Gemeindеhaus`: an address, not a word to rewrite
        _report(ctx, Span(at + start, at + end), node.text[start:end], minority, fixed)


def mixed_words(text: str) -> list[tuple[int, int, str, str | None]]:
    """`(start, end, minority, fixed)` of each word of `text` that mixes Latin and Cyrillic
    letters: `minority` is the script it has fewer letters of ("cyrillic" on a tie), `fixed` the
    word with those letters swapped for the other script's look-alikes, None when one has none or
    when they look like a second word run into the first (`Bitcoinили`)."""
    if not (_CYRILLIC.search(text) and _LATIN.search(text)):
        return []
    found = []
    word_end = 0
    for seam in _SEAM.finditer(text):
        if seam.start() < word_end:
            continue  # another seam of the word just reported
        word_start = seam.start()
        while word_start > 0 and text[word_start - 1].isalpha():
            word_start -= 1
        word_end = seam.end()
        while word_end < len(text) and text[word_end].isalpha():
            word_end += 1
        word = text[word_start:word_end]
        minority = (
            "latin" if len(_LATIN.findall(word)) < len(_CYRILLIC.findall(word)) else "cyrillic"
        )
        pattern = _LATIN if minority == "latin" else _CYRILLIC
        fixed: str | None = None
        if _glued(word, pattern):
            pass  # `Bitcoinили`: two words run together, not a look-alike letter
        elif all(char in _LOOKALIKES for char in word if pattern.match(char)):
            fixed = "".join(_LOOKALIKES[c] if pattern.match(c) else c for c in word)
        found.append((word_start, word_end, minority, fixed))
    return found


def _url_token(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """The run without white space around the word at `start:end`, and whether it is a URL
    written as text (it holds `://` or starts with `www.`), as Hugo links it or an autolink
    shows it."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    token = text[start:end].lstrip("<(\"'")
    return start, end, "://" in token or token.lower().startswith(("www.", "mailto:"))


def _glued(word: str, pattern: re.Pattern[str]) -> bool:
    """Whether the minority script's letters are a run of two or more at one end of the word."""
    for run in (word, word[::-1]):
        length = 0
        while length < len(run) and pattern.match(run[length]):
            length += 1
        if length >= 2 and length == sum(1 for char in word if pattern.match(char)):
            return True
    return False


def _report(ctx: Context, span: Span, word: str, minority: str, fixed: str | None) -> None:
    pattern = _LATIN if minority == "latin" else _CYRILLIC
    letters = ", ".join(repr(char) for char in dict.fromkeys(c for c in word if pattern.match(c)))
    suggestion = f"; in one script: {fixed!r}" if fixed else ""
    ctx.report(
        span, "mixed-word", word=word, letters=letters, script=minority, suggestion=suggestion
    )
