"""Title written in capitals.

## What it does
Flags a `title` whose words are all in capitals, such as `FED RAISES RATES AGAIN`. Titles of
acronyms only (`NATO`, `US GDP Q4`, `NASA, ESA, JAXA`) are left alone: it takes at least three
words in capitals, at least two of them four letters or longer, adding up to ten letters or more.
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
words of up to three letters in capitals (`US`, `GDP`) unless they are common short words (`AND`,
`THE`), so an editor should read and apply it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newslint import Fix, Rule, Severity
from newslint.events import Field
from newslint.rule import Context
from newslint.textutil import is_cjk_char

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


@dataclass(frozen=True)
class Options:
    min_words: int = 3
    min_letters: int = 10


def is_shouting(title: str, min_words: int = 3, min_letters: int = 10) -> bool:
    """Whether `title` is written in capitals (and is not just a few acronyms)."""
    if title.isascii():
        if _ASCII_CAPITALS.search(title) is None:
            return False  # no word of two capitals: nothing below could count as shouting
    elif any(is_cjk_char(c) for c in title):
        return False
    words = [w for w in _WORD.findall(title) if any(c.isupper() or c.islower() for c in w)]
    upper = [w for w in words if len(w) >= 2 and w.isupper()]
    mixed = [w for w in words if any(c.islower() for c in w)]
    if len(mixed) * 5 > len(words):
        return False  # a date or an `iPhone` in five words still counts as capitals
    long_words = [w for w in upper if len(w) >= 4]
    return (
        len(upper) >= min_words
        and len(long_words) >= 2
        and sum(len(w) for w in long_words) >= min_letters
    )


def sentence_case(title: str) -> str:
    """`MARKETS RALLY AS GDP COOLS` -> `Markets rally as GDP cools`: words of up to three letters
    in capitals stay (acronyms), unless they are common short words."""
    first = True

    def repl(match: re.Match[str]) -> str:
        nonlocal first
        word = match.group(0)
        at_start = first
        first = False
        if not word.isupper():
            return word
        if len(word) <= 3 and word.lower() not in _SHORT_WORDS:
            return word
        lowered = word.lower()
        return lowered[:1].upper() + lowered[1:] if at_start else lowered

    cased = _WORD.sub(repl, title)
    # A new sentence after `:`, `.`, `?` or `!` starts with a capital again.
    return re.sub(r"([.:?!]\s+)([^\W\d_])", lambda m: m.group(1) + m.group(2).upper(), cased)


class TitleShouting(Rule):
    code = "TX006"
    name = "title-shouting"
    severity = Severity.INFO
    messages = {"shouting": "title is in capitals"}
    Options = Options

    def on_field(self, ctx: Context, field: Field) -> None:
        if field.key.lower() != "title" or not isinstance(field.value, str):
            return
        if not is_shouting(field.value, ctx.options.min_words, ctx.options.min_letters):
            return
        fix = Fix.display_only(
            "Write the title in sentence case", field.replace_value(sentence_case(field.value))
        )
        ctx.report(field.value_span, "shouting", fix=fix)
