"""Words that mix Latin and Cyrillic letters (`Gemeindеhaus` with a Cyrillic `е`), or Latin and
Greek ones (`Mας` with a Latin `M`), for `language-mismatch`: the letters look alike, so readers
see nothing wrong, while search, spell checking and hyphenation miss the word."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newslint.events import Field, Text
from newslint.rule import Context
from newslint.spans import Span

from ._text import FieldText

_LAT = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_LATIN = re.compile(f"[{_LAT}]")


@dataclass(frozen=True)
class _Script:
    """A script whose words can take a Latin look-alike letter by mistake."""

    name: str  # as the message says it: "cyrillic"
    title: str  # "Cyrillic"
    letters: re.Pattern[str]
    # A letter of this script next to a Latin one: where a mixed word is found, in one regex pass
    # (a C-speed scan for a two-character class; a lookahead would make it ten times slower) that
    # most texts pass with no match.
    seam: re.Pattern[str]
    # This script's letters and the Latin letters they look like (and back): the word in one
    # script that the message suggests.
    lookalikes: dict[str, str]
    # Report only a word whose odd letters all have a look-alike (and are no second word run in).
    only_lookalikes: bool


def _script(name: str, ranges: str, own: str, latin: str, only_lookalikes: bool) -> _Script:
    lookalikes = dict(zip(own, latin, strict=True))
    lookalikes |= {b: a for a, b in list(lookalikes.items())}
    return _Script(
        name,
        name.capitalize(),
        re.compile(f"[{ranges}]"),
        re.compile(f"[{ranges}][{_LAT}]|[{_LAT}][{ranges}]"),
        lookalikes,
        only_lookalikes,
    )


_CYRILLIC_SCRIPT = _script(
    "cyrillic",
    "\u0400-\u052f",
    "аеорсухіјѕԁԛԝһӏАВЕКМНОРСТХІЈЅ",
    "aeopcyxijsdqwhlABEKMHOPCTXIJS",
    only_lookalikes=False,
)
# Greek letters are written next to Latin ones on purpose in science (`μm`, `NF-κB`, `hν`,
# `TNFα`): only the letters drawn exactly like a Latin one, which nobody picks on purpose, count,
# and only a word each of whose odd letters is one of them (`Mας`, typed on a Latin layout).
_GREEK_SCRIPT = _script(
    "greek",
    "\u0370-\u03ff\u1f00-\u1fff",
    "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧο",
    "ABEZHIKMNOPTYXo",
    only_lookalikes=True,
)
_SCRIPTS = (_CYRILLIC_SCRIPT, _GREEK_SCRIPT)
# Any letter of those scripts: most texts hold none, and one scan tells.
_OTHER = re.compile("[\u0370-\u03ff\u0400-\u052f\u1f00-\u1fff]")


def report_in_field(ctx: Context, field: Field) -> None:
    """Report each mixed word of a string field's value, at the word in the source."""
    value = field.value
    if not isinstance(value, str) or value.isascii():
        return
    words = mixed_words(value)
    if not words:
        return
    located = FieldText(ctx.document.text, field)
    for start, end, script, minority, fixed in words:
        _report(ctx, located.span(start, end), value[start:end], script, minority, fixed)


def report_in_text(ctx: Context, node: Text) -> None:
    """Report each mixed word of a run of prose (a word holds no escape, so offsets map as they
    are)."""
    if node.text.isascii():
        return
    at = node.span.start
    # The run without white space around the last word looked at, and whether it is a URL: the
    # words of one run (`aе.aе.aе…`) share it rather than each reading the whole run again.
    token = (0, 0, False)
    for start, end, script, minority, fixed in mixed_words(node.text):
        if fixed and not token[0] <= start < token[1]:
            token = _url_token(node.text, start, end)
        if fixed and token[2]:
            fixed = None  # `https://example.com/Gemeindеhaus`: an address, not a word to rewrite
        _report(ctx, Span(at + start, at + end), node.text[start:end], script, minority, fixed)


def mixed_words(text: str) -> list[tuple[int, int, _Script, str, str | None]]:
    """`(start, end, script, minority, fixed)` of each word of `text` that mixes Latin letters
    with those of `script` (Cyrillic, Greek), in text order: `minority` is the script it has fewer
    letters of (the other one on a tie), `fixed` the word with those letters swapped for the other
    script's look-alikes, None when one has none or when they look like a second word run into the
    first (`Bitcoinили`)."""
    if not (_OTHER.search(text) and _LATIN.search(text)):
        return []
    found = []
    for script in _SCRIPTS:
        if script.letters.search(text):
            found += _mixed_words(text, script)
    return sorted(found, key=lambda word: word[0])


def _mixed_words(text: str, script: _Script) -> list[tuple[int, int, _Script, str, str | None]]:
    found = []
    word_end = 0
    for seam in script.seam.finditer(text):
        if seam.start() < word_end:
            continue  # another seam of the word just reported
        word_start = seam.start()
        while word_start > 0 and text[word_start - 1].isalpha():
            word_start -= 1
        word_end = seam.end()
        while word_end < len(text) and text[word_end].isalpha():
            word_end += 1
        word = text[word_start:word_end]
        own = len(script.letters.findall(word))
        minority = "latin" if len(_LATIN.findall(word)) < own else script.name
        pattern = _LATIN if minority == "latin" else script.letters
        fixed: str | None = None
        if _glued(word, pattern):
            pass  # `Bitcoinили`: two words run together, not a look-alike letter
        elif all(char in script.lookalikes for char in word if pattern.match(char)):
            fixed = "".join(script.lookalikes[c] if pattern.match(c) else c for c in word)
        if fixed is None and script.only_lookalikes:
            continue
        found.append((word_start, word_end, script, minority, fixed))
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


def _report(
    ctx: Context, span: Span, word: str, script: _Script, minority: str, fixed: str | None
) -> None:
    pattern = _LATIN if minority == "latin" else script.letters
    letters = ", ".join(repr(char) for char in dict.fromkeys(c for c in word if pattern.match(c)))
    suggestion = f"; in one script: {fixed!r}" if fixed else ""
    ctx.report(
        span,
        "mixed-word",
        word=word,
        other=script.title,
        letters=letters,
        script=minority,
        suggestion=suggestion,
    )
