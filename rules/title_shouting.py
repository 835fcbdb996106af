"""Title written in capitals.

## What it does
Flags a `title` whose words are all in capitals, such as `FED RAISES RATES AGAIN`. Titles of
acronyms only (`NATO`, `US GDP Q4`, `NASA, ESA, JAXA`) are left alone: it takes at least three
words in capitals, at least two of them four letters or longer, and those long words adding up to
ten letters or more (`EU WAGES RISES` is shouting, `EU WAGE RISES` is not). In Vietnamese, whose
words are one syllable, a word in capitals with a letter outside ASCII (`MỚI`) counts as long.
Titles with CJK text are left alone too (capitals there are names and tickers, not shouting).

## Why is this bad?
All-caps titles read as shouting, are harder to read, and stand out against the rest of the
site's cards and feeds. Newswires often send them that way.

## Example
    title: "MARKETS RALLY AS INFLATION COOLS"

## Use instead
    title: "Markets rally as inflation cools"

## Fix safety
Display only: the suggested sentence case cannot know which words are names or acronyms. It keeps
words of up to three letters in capitals (`US`, `GDP`) unless they are common short words of
English or of the article's language (`AND`, `THE`, `LA`, `В`), and follows the language's case
rules (Turkish `I` is `ı`, Dutch `IJ` stays one capital, a Georgian sentence starts in small
letters), so an editor should read and apply it. In Vietnamese, whose words are one syllable, a
short word with a letter outside ASCII (`MỚI`) is no acronym. German titles get no suggestion:
German writes every noun with a capital.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newslint import Fix, Rule, Severity
from newslint.events import Field
from newslint.rule import Context, check_counts
from newslint.textutil import is_cjk_char, primary_language

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Two capitals in a row (or around an apostrophe): every word in capitals of two letters or more
# has them, and most titles, in title case, do not.
_ASCII_CAPITALS = re.compile(r"[A-Z]'?[A-Z]")
# Two-letter English words that a sentence-cased title writes in lower case; other short words in
# capitals are kept as they are, since they are mostly acronyms (US, UK, EU, AI).
# fmt: off
_SHORT_WORDS = frozenset({
    "a", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my", "no",
    "of", "on", "or", "so", "to", "up", "we", "and", "are", "but", "for", "has", "her", "his",
    "its", "not", "the", "was", "who", "why", "how", "new", "out", "off", "all",
})
# fmt: on


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Short words of other languages, which a sentence-cased title writes in lower case too.
_SHORT_WORDS_OF = {
    "fr": _words("le la les de des du un une et en au aux à ou sur par pour dans il ne"),
    "es": _words("el la los las de del y en un una al con por a o e u que se"),
    "it": _words("il lo la gli le di da del un una e in con su per a i"),
    "pt": _words("o a os as de do da dos das em no na um uma e com por ao"),
    "nl": _words("de het een en van in op te met"),
    "ru": _words("в и на с к о у по за из не а от до"),
    "uk": _words("в у і й на з до за від не"),
    "tr": _words("ve ile bir bu da de ki"),
    "el": _words("ο η το οι τα του της των τον την στο στη στα και με σε για από να θα δεν μη ως"),
    "vi": _words("cho ra sau khi nay con anh em hai ba tin"),
}
# Languages of one-syllable words: a short word in capitals with a letter outside ASCII (`MỚI`,
# `TẠI`) is a word, not an acronym.
_SYLLABIC = frozenset({"vi"})
# Languages that write every noun with a capital: sentence case cannot be suggested.
_NOUN_CAPITALS = frozenset({"de", "lb"})


@dataclass(frozen=True)
class Options:
    """Options of the rule (its `[rules.title-shouting]` table)."""

    min_words: int = 3
    min_letters: int = 10

    def __post_init__(self) -> None:
        check_counts(self)


def is_shouting(
    title: str, min_words: int = 3, min_letters: int = 10, language: str | None = None
) -> bool:
    """Whether `title` is written in capitals (and is not just a few acronyms).

    In a language of one-syllable words (Vietnamese, `language`), a word in capitals with a letter
    outside ASCII (`MỚI`) counts as a long word: it is a word, not an acronym."""
    if title.isascii():
        if _ASCII_CAPITALS.search(title) is None:
            return False  # no word of two capitals: nothing below could count as shouting
    elif any(is_cjk_char(c) for c in title):
        return False
    title = title.replace("ß", "ẞ")  # `STRAßE` is in capitals: `ß` has no capital in common use
    words = [w for w in _WORD.findall(title) if any(c.isupper() or c.islower() for c in w)]
    upper = [w for w in words if len(w) >= 2 and w.isupper()]
    mixed = [w for w in words if any(c.islower() for c in w)]
    if len(mixed) * 5 > len(words):
        return False  # a date or an `iPhone` in five words still counts as capitals
    syllabic = primary_language(language) in _SYLLABIC
    long_words = [w for w in upper if len(w) >= 4 or (syllabic and not w.isascii())]
    return (
        len(upper) >= min_words
        and len(long_words) >= 2
        and sum(len(w) for w in long_words) >= min_letters
    )


def sentence_case(title: str, language: str | None = None) -> str:
    """`MARKETS RALLY AS GDP COOLS` -> `Markets rally as GDP cools`: words of up to three letters
    in capitals stay (acronyms), unless they are common short words of English or of `language`
    (a tag such as `fr` or `tr-TR`), whose case rules apply (Turkish `I` is `ı`)."""
    base = primary_language(language)
    short = _SHORT_WORDS | _SHORT_WORDS_OF.get(base, frozenset())
    first = True

    def repl(match: re.Match[str]) -> str:
        nonlocal first
        word = match.group(0)
        at_start = first
        first = False
        if not word.replace("ß", "ẞ").isupper():
            return word
        lowered = _lower(word, base)
        if len(word) <= 3 and lowered not in short and (base not in _SYLLABIC or word.isascii()):
            return word
        if not at_start:
            return lowered
        if base == "nl" and lowered.startswith("ij"):
            return "IJ" + lowered[2:]  # Dutch capitalises the digraph IJ as one letter
        return _upper(lowered[:1], base) + lowered[1:]

    cased = _WORD.sub(repl, title)
    # A new sentence after `:`, `.`, `?` or `!` starts with a capital again.
    return re.sub(r"([.:?!]\s+)([^\W\d_])", lambda m: m.group(1) + _upper(m.group(2), base), cased)


def _lower(word: str, base: str) -> str:
    if base in ("tr", "az"):
        word = word.replace("I", "ı").replace("İ", "i")
    return word.lower()


def _upper(char: str, base: str) -> str:
    """The capital that starts a sentence: the title case of `char`, which differs from its upper
    case for Georgian (whose capitals, Mtavruli, are for all-caps text only) and digraphs (`ǆ` ->
    `ǅ`)."""
    if base in ("tr", "az") and char == "i":
        return "İ"
    return char.title()


class TitleShouting(Rule):
    code = "TX006"
    name = "title-shouting"
    severity = Severity.INFO
    messages = {"shouting": "title is in capitals"}
    Options = Options

    @classmethod
    def field_keys(cls, ctx: Context) -> frozenset[str]:
        # `on_field` returns at once for any other key.
        return _KEYS

    def on_field(self, ctx: Context, field: Field) -> None:
        if field.key.lower() != "title" or not isinstance(field.value, str):
            return
        language = ctx.document.language
        if not is_shouting(field.value, ctx.options.min_words, ctx.options.min_letters, language):
            return
        fix = None
        if primary_language(language) not in _NOUN_CAPITALS:
            cased = sentence_case(field.value, language)
            fix = Fix.display_only("Write the title in sentence case", field.replace_value(cased))
        ctx.report(field.value_span, "shouting", fix=fix)


_KEYS = frozenset({"title"})
