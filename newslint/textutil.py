"""Small text helpers shared by rules: sentence splitting, scripts and leads."""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, cast

# ------------------------------------------------------------------------------ lazy regexes

# What a lazy pattern copies from the compiled one: after the first use, an attribute is a plain
# instance attribute (the compiled pattern's bound method), so later calls cost what a module-level
# `re.compile` costs.
_PATTERN_ATTRIBUTES = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "scanner",
    "pattern",
    "flags",
    "groups",
    "groupindex",
)


class _LazyPattern:
    """Stands for `re.compile(pattern, flags)` and compiles it on first use (`pattern` may be a
    function that gives it, called then)."""

    def __init__(self, pattern: str | Callable[[], str], flags: int) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        # Called only for an attribute not yet copied, so once per pattern and attribute name.
        pattern, flags = self._source
        compiled = re.compile(pattern() if callable(pattern) else pattern, flags)
        for attribute in _PATTERN_ATTRIBUTES:
            self.__dict__[attribute] = getattr(compiled, attribute)
        return getattr(compiled, name)


def line_start(text: str, index: int, floor: int = 0) -> int:
    """Where the line holding `index` starts (after the last LF or CR before it), no earlier than
    `floor`. A CR is looked for after the last LF only: searched for from `floor` in a text that
    has none, it walked back over the whole text at each line asked about (quadratic on a file of
    100,000 footnote definitions)."""
    low = max(text.rfind("\n", floor, index) + 1, floor)
    return max(text.rfind("\r", low, index) + 1, low)


def lazy_regex(pattern: str | Callable[[], str], flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled the first time it is used.

    For module-level patterns that are expensive to compile (large Unicode classes take
    milliseconds each) and used only behind a pre-filter (non-ASCII text, a repeated paragraph):
    a one-file run that never reaches them does not pay for them. `pattern` may be a function
    that gives the pattern, for one whose text is itself costly to work out (called on first use).
    """
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))


# The full stops and question and exclamation marks of other scripts, which like Latin ones take a
# space after them: Devanagari danda `।` and `॥`, Arabic question mark `؟` and Urdu full stop `۔`,
# Armenian `։`, Burmese `။`, Ethiopic `።` and `፧`, the Greek question mark (U+037E, and `;` after
# a Greek letter, which is how Greek text writes it).
_OTHER_STOPS = "\u0964\u0965\u061f\u06d4\u0589\u104b\u1362\u1367\u037e"
_GREEK_QUESTION = "(?<=[\u0370-\u03ff\u1f00-\u1fff];)"
# A sentence ends at . ! ? (or one of those) (optionally followed by closing quotes or brackets)
# and a space, or at the CJK full stops, which need no space.
_SENTENCE_END = re.compile(
    rf"(?:(?<=[.!?{_OTHER_STOPS}])|{_GREEK_QUESTION})[\"'”’»«)\]]*\s+|(?<=[。！？])[」』”’）]*"
)
# Words before a full stop that ends no sentence: titles and other abbreviations, initials and
# single letters (`U.S.`, `z. B.`), and numbers of one or two digits, which in German and other
# languages are ordinals (`am 3. Oktober`, `der 1. FC`).
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Inc|Ltd|Co|Corp|vs|etc|No|"
    r"Nr|ca|bzw|vgl|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z](?:\.[A-Z])*"
    r"|(?<![\w.,])[a-z]|(?<![\w.,])[0-9]{1,2})\.$"
)
# A guillemet or curly quote standing alone after a sentence's full stop, as French spaces it
# (`gagné. » Puis`, `gewonnen.« Er`): it closes that sentence when the sentence opened it.
_LONE_CLOSER = re.compile(r"([»«”])(?=\s|\Z)\s*")
_OPENER_OF = {"»": "«", "«": "»", "”": "“"}


# Where `_SENTENCE_END` can match: right after one of these (its lookbehinds). The regex engine
# tries those lookbehinds at every position of a paragraph; finding the stops first leaves one
# anchored `match` per stop, four times faster on prose (the lookbehind still sees the stop, which
# is before the position matched from). A match holds no stop past its first position, so the
# matches are those `finditer` gives. The other scripts' stops and `;` (a Greek question mark after
# a Greek letter) are stops too: left out, a danda or a Greek `;` ended no sentence inside a
# paragraph, only the paragraph's end did.
_STOP = re.compile(f"[.!?。！？{_OTHER_STOPS};]")
# `_ABBREVIATION` ends at the end of the candidate, and each of its forms is at most six
# characters long except the initials `U.S.A.`, whose tail (`S.A.`) matches as well: searching the
# last characters only finds a match exactly when searching the whole sentence does (the
# lookbehinds and `\b` still see the characters before), without trying every position of it.
_ABBREVIATION_TAIL = 16


def _sentence_ends(text: str) -> Iterator[re.Match[str]]:
    """`_SENTENCE_END.finditer(text)`, found from the stops."""
    if text.isascii() and "!" not in text and "?" not in text:
        # Full stops only (most prose): `str.find` scans for them in C, several times faster
        # than the regex engine's scan for a class, and finds the same stops in the same order.
        index = text.find(".")
        while index >= 0:
            match = _SENTENCE_END.match(text, index + 1)
            if match is not None:
                yield match
            index = text.find(".", index + 1)
        return
    for stop in _STOP.finditer(text):
        match = _SENTENCE_END.match(text, stop.end())
        if match is not None:
            yield match


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """`(start, end)` of each sentence of `text`, white space around it excluded.

    No sentence ends after a common abbreviation (`Mr.`, `U.S.`), nor before a lower-case letter
    (`e.g. in`, `et al. found`, `rose... and`): a sentence never starts with one. A closing
    guillemet set off by a space (`gagné. » Puis`) stays with the sentence it closes.
    """
    return list(iter_sentence_spans(text))


def iter_sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """`sentence_spans`, one at a time: a caller that needs only the opening sentences (the lead)
    stops early. Each span is final when it is yielded (no later one changes it)."""
    start = 0
    for match in _sentence_ends(text):
        end = match.end()
        if not text[start : match.start()].strip():
            continue
        candidate = text[start : match.start()].rstrip()
        if _may_end_in_abbreviation(candidate) and _ABBREVIATION.search(
            candidate, max(0, len(candidate) - _ABBREVIATION_TAIL)
        ):
            continue
        lone = _LONE_CLOSER.match(text, end)
        if lone is not None:
            closer = lone.group(1)
            sentence = text[start:end]
            if sentence.count(_OPENER_OF[closer]) > sentence.count(closer):
                end = lone.end()
        if end < len(text) and text[end].islower() and text[match.start() - 1] in ".!?;\u037e":
            # `e.g. in`, `a.m. on`: cased scripts start a sentence with a capital. So does Greek
            # after its question mark: `Τι έγινε; ρώτησε` goes on, as `What? he asked` does.
            continue
        yield _strip_span(text, start, end)
        start = end
    if text[start:].strip():
        yield _strip_span(text, start, len(text))


def _may_end_in_abbreviation(candidate: str) -> bool:
    r"""Whether `_ABBREVIATION` may match `candidate` (a sentence without its trailing white
    space): a cheap test that passes over most sentences, which the pattern's search costs
    thousands of instructions each to reject. Each of its forms ends in a full stop after a word
    of at most four characters (`Sept`, `Mr`, `S`, `a`, `12`) that has a character outside `\w`
    (or the text's start) before it: five word characters before the final full stop rule all of
    them out (`\w` is what `str.isalnum` accepts, and `_`, which only makes this say maybe)."""
    return candidate[-1:] == "." and not (len(candidate) >= 6 and candidate[-6:-1].isalnum())


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """`(start, end)` without the white space at either end of `text[start:end]` (`str.strip`'s,
    which is `str.isspace`'s, found in C rather than a step per character here)."""
    piece = text[start:end]
    kept = piece.lstrip()
    start += len(piece) - len(kept)
    return start, start + len(kept.rstrip())


def sentences(text: str) -> list[str]:
    """Split prose into sentences (see `sentence_spans`)."""
    return [text[start:end] for start, end in sentence_spans(text)]


_CLOSERS = "\"'”’)]」』）》»«"
# `・・・` (and its half-width form) and the two-dot leader `‥` are how Japanese writes an ellipsis.
# Chinese writes it doubled, `……`, and Taiwan and Hong Kong centre it: `⋯⋯` (U+22EF). The doubled
# forms come first, so that the whole ellipsis is named.
# Two full stops (`Stoy ke Trino .. 30 Festa`) are a hurried ellipsis, not a sentence's end.
_ELLIPSES = ("……", "⋯⋯", "...", "..", "…", "⋯", "。。。", "．．．", "・・・", "･･･", "‥")
# A complete sentence ends in . ! ? or a CJK full stop, then maybe closing quotes or brackets (a
# guillemet maybe after a space, as French sets it).
_COMPLETE = re.compile(
    rf"(?:[.!?。！？{_OTHER_STOPS}]|{_GREEK_QUESTION})(?:["
    + re.escape(_CLOSERS)
    + r"]|[ \u00a0\u202f][»«])*\Z"
)
# Quotation marks that close a quotation, and the marks that open one.
_QUOTE_OPENERS = {"”": "“„", "“": "„", "»": "«", "«": "»", "」": "「", "』": "『", "》": "《"}
_SPACES = " \t\r\n\u00a0\u202f"


def ellipsis_ending(text: str) -> str | None:
    """The ellipsis `text` ends with (closing quotes and brackets aside), or None.

    An ellipsis inside a quotation that is closed again (`called it “a plan that would…”`) is the
    quoted speaker trailing off, not a cut: a scraper that cuts a text does not close its quotes.
    """
    text = text.rstrip(_SPACES)
    body = text.rstrip(_CLOSERS + _SPACES)
    if not body.endswith(_ELLIPSES):  # one call for the common case, a sentence's full stop
        return None
    for ending in _ELLIPSES:
        if body.endswith(ending):
            if ending == ".." and _abbreviation_before(body[:-2]):
                return None  # `the U.S..`: the abbreviation's full stop, then the sentence's
            return None if _closes_a_quotation(body, text[len(body) :]) else ending
    return None


# Abbreviations written without inner full stops that end a sentence with an extra one (`etc..`).
_ABBREVIATIONS = frozenset({"etc", "inc", "ltd", "co", "corp", "jr", "sr", "st", "vs", "no"})


def _abbreviation_before(body: str) -> bool:
    """Whether `body` ends with an abbreviation (`U.S`, `a.m`, `etc`): two full stops after it
    are a typo for one, not a sentence trailing off."""
    word = body.rsplit(None, 1)[-1] if body.strip() else ""
    return bool(word) and word[-1].isalpha() and ("." in word or word.lower() in _ABBREVIATIONS)


def _closes_a_quotation(body: str, closers: str) -> bool:
    """Whether `closers` (after `body`) hold a quotation mark that closes one opened in `body`."""
    for closer in closers:
        if closer == '"':
            if body.count('"') % 2 == 1:  # straight quotes: an odd number before is one open
                return True
        elif closer in _QUOTE_OPENERS:
            opened = sum(body.count(opener) for opener in _QUOTE_OPENERS[closer])
            if opened > body.count(closer):
                return True
    return False


# What may follow the full stop of a complete sentence (`_COMPLETE`).
_AFTER_STOP = _CLOSERS + " \u00a0\u202f"


def complete(sentence: str) -> bool:
    """The sentence ends with its own full stop, not cut off with an ellipsis."""
    if sentence[-1:] == "." and sentence[-2:-1].isalnum():
        # The common case at once: `_COMPLETE` matches a full stop that ends the text, and no
        # ellipsis ends with a letter or digit and one full stop.
        return True
    # A match ends the text, so it starts at its last character before the closing marks (or
    # after it, past a Greek `;`): searched from there, not tried at every position.
    start = max(0, len(sentence.rstrip(_AFTER_STOP)) - 1)
    return bool(_COMPLETE.search(sentence, start)) and ellipsis_ending(sentence) is None


# The first word, digits included: "3 people died." opens with a number, not with "people".
_FIRST_WORD = re.compile(r"[^\W_]+")
# The scripts whose sentences open with a capital; Georgian has capitals (Mtavruli) that its
# sentences do not use, so a lower-case Georgian opening is the rule there.
_CAPITALISING = ("LATIN", "GREEK", "CYRILLIC", "ARMENIAN")


def continues_a_sentence(paragraph: str) -> bool:
    """Whether `paragraph` opens with a word all in lower case, in a script whose sentences open
    with a capital ("sont en supplément."): the rest of a sentence a blank line cut from its
    start (a hard-wrapped text pasted with empty lines), no opening. A word with a capital in it
    ("iPhone") opens one, as a number does ("3 people died."); Georgian writes no capitals."""
    match = _FIRST_WORD.search(paragraph)
    if match is None or not match.group(0)[0].isalpha() or not match.group(0).islower():
        return False
    return unicodedata.name(match.group(0)[0], "").startswith(_CAPITALISING)


@functools.cache
def _cjk_chars() -> re.Pattern[str]:
    """The characters `is_cjk_char` accepts, as one class (counted by the regex engine, not per
    char). Compiled on first use: the class takes about 3 ms to compile, which a run over
    English text (and every one-file pre-commit run) would pay at import for nothing."""
    return re.compile(
        "[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
        "\uac00-\ud7af\U00020000-\U0002fa1f]"
    )


def mostly_cjk(text: str) -> bool:
    """Whether most letters of `text` are Chinese, Japanese or Korean."""
    if text.isascii():
        return False
    cjk_chars = _cjk_chars()
    if cjk_chars.search(text) is None:
        return False
    # Han is counted by the run (a run of Han is letters throughout: one `isalpha`), not one
    # character at a time, and taken out; what is left of the CJK class (kana, Hangul,
    # punctuation, full-width forms) is counted character by character, then what is left of the
    # text. (`_HAN_RUN`, which `script_units` and `han_share` read CJK text with, lies within
    # `_cjk_chars`.)
    cjk = 0
    for run in _HAN_RUN.findall(text):
        cjk += len(run) if run.isalpha() else sum(map(str.isalpha, run))
    rest = _HAN_RUN.sub("", text)
    cjk += sum(map(str.isalpha, cjk_chars.findall(rest)))
    other = sum(map(str.isalpha, cjk_chars.sub("", rest)))
    return cjk * 2 > cjk + other


_EMOJI_MODIFIERS = ("\U0001f3fb", "\U0001f3ff")  # skin tones
_TAGS = ("\U000e0020", "\U000e007f")  # the tag letters of subdivision flags (🏴 + tags)
_REGIONAL = ("\U0001f1e6", "\U0001f1ff")  # two regional indicators make one flag
# The general categories of which `reader_length` counts every character.
_COUNTED_CATEGORIES = frozenset(
    {"Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Nl", "No", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po"}
    | {"Sm", "Sc", "Zs", "Zl", "Zp", "Cc", "Cs", "Co", "Cn"}
)


def reader_length(text: str) -> int:
    """How many characters a reader sees in `text`: its length in NFC, where a combining mark
    (an Indic vowel sign, a Thai tone mark, an accent left decomposed), an invisible format
    character, a variation selector, an emoji modifier, and the rest of an emoji sequence (what a
    ZWJ joins, a keycap, the second half of a flag) add nothing. The same text is one length in
    NFC and in NFD, and 👨‍👩‍👧 is one character, as a reader counts them."""
    if text.isascii():
        return len(text)
    normal = unicodedata.normalize("NFC", text)
    # Every character the loop below passes over is a mark (M*), a format character (Cf: ZWJ,
    # tags), an emoji modifier (Sk) or a regional indicator (So): without any of those, each
    # counts (the categories are looked up in C, not one by one in Python).
    if _COUNTED_CATEGORIES.issuperset(map(unicodedata.category, normal)):
        return len(normal)
    count = 0
    joined = False  # the last character was a ZWJ: the next one is part of its sequence
    flag_half = False  # the last character opened a flag
    for char in normal:
        category = unicodedata.category(char)
        if (
            category[0] == "M"
            or category == "Cf"
            or "\ufe00" <= char <= "\ufe0f"
            or _EMOJI_MODIFIERS[0] <= char <= _EMOJI_MODIFIERS[1]
            or _TAGS[0] <= char <= _TAGS[1]
        ):
            joined = char == "\u200d"
            continue
        if joined:
            joined = False
            continue
        if _REGIONAL[0] <= char <= _REGIONAL[1]:
            flag_half = not flag_half
            if not flag_half:
                continue
        else:
            flag_half = False
        count += 1
    return count


def length_limit(text: str, limit: int) -> int:
    """`limit` (in characters) for `text`: a third of it for mostly CJK text, whose characters
    each carry about as much as three Latin letters (`summary-length` and the lead agree)."""
    return (limit + 2) // 3 if mostly_cjk(text) else limit


def length_limits(text: str, low: int, high: int) -> tuple[int, int]:
    """`length_limit` of `text` for `low` and for `high`, telling once whether it is mostly CJK
    (which counts every letter of the text)."""
    if mostly_cjk(text):
        return (low + 2) // 3, (high + 2) // 3
    return low, high


# White space other than the no-break spaces (U+00A0, U+2007, U+202F), which typography puts where a
# line must not break: French `dit\u202f:`, `«\u00a0Nous`, `10\u00a0000`.
_BREAKING_SPACE = re.compile("[^\\S\u00a0\u2007\u202f]+")


def collapse_spaces(text: str) -> str:
    """`text` with each run of white space as one space and none at either end, its no-break
    spaces kept as they are."""
    if "\n" not in text and "  " not in text and text[:1] != " " and text[-1:] != " ":
        # Already collapsed (most paragraphs written on one line) when it holds no white space
        # but the space, which here stands alone between other characters. These first tests are
        # the cheap ones that rule out a wrapped paragraph.
        if text.isascii():
            # ASCII's other white space (what `str.split` splits at besides the space and the
            # line feed), each looked for by `memchr` (`isprintable` costs several instructions
            # a character); a control character that is not white space stays, as the split
            # below would leave it.
            if (
                "\t" not in text
                and "\r" not in text
                and "\x0b" not in text
                and "\x0c" not in text
                and "\x1c" not in text
                and "\x1d" not in text
                and "\x1e" not in text
                and "\x1f" not in text
            ):
                return text
        elif text.isprintable():  # a printable text holds no white space but the space
            return text
    if "\u00a0" not in text and "\u2007" not in text and "\u202f" not in text:
        # Without a no-break space, `split` finds the same runs (its white space is the regex
        # engine's `\s`) and is several times faster than the substitution.
        return " ".join(text.split())
    return _BREAKING_SPACE.sub(" ", text).strip(" ")


def lead_from_paragraphs(
    paragraphs: Iterable[str], max_chars: int, enough: Callable[[str], bool] | None = None
) -> str:
    """Whole, complete opening sentences of the first paragraph that has one, within `max_chars`
    as `reader_length` counts them (a third of it for mostly CJK text, see `length_limit`).

    A paragraph that does not open with a complete sentence (a dateline such as "HERZLIYA,
    Israel —", a body cut with "...", a shortcode call) is skipped, and a fragment never ends the
    result. When the opening sentence alone is longer than the limit there is no lead (""): a
    later paragraph would not be an opening. The sentences keep the paragraph's own spacing between them (none
    after a CJK full stop, a space after a Korean or Latin one).

    A lead too slight to summarise anything (a greeting or a label alone in its paragraph:
    "Breaking news.", "Hello!", one Thai word; see `_slight`) gives way to the next of the two
    paragraphs after it that has a lead, and is the answer only when none has.

    With `enough` (whether a summary says enough, `summary-length`'s minimum), a lead that falls
    short goes on with the whole opening sentences of the next paragraphs (at most
    `_LOOK_PAST_SHORT`) within `max_chars`, as a news story's one-sentence paragraphs need; one
    that cannot is given as it is (the caller tells whether a short lead will do).
    """
    slight = ""
    after_slight = 0
    paragraphs = iter(paragraphs)
    for paragraph in paragraphs:
        if slight:
            after_slight += 1
            if after_slight > _LOOK_PAST_SLIGHT:
                break
        lead, lead_length = "", 0
        first = -1
        for start, end in iter_sentence_spans(paragraph):
            if first < 0:
                first = start
            if not _summary_sentence(paragraph, start, end):
                break
            candidate = paragraph[first:end]
            length = reader_length(candidate)
            # Within the smaller of the two limits `length_limit` chooses from, the candidate
            # fits either way: no need to tell whether it is mostly CJK.
            if length > min(max_chars, (max_chars + 2) // 3) and length > length_limit(
                candidate, max_chars
            ):
                if not lead:
                    # Past a slight lead, the opening it was stays the answer.
                    return _long_enough(slight, (), max_chars, enough)
                break
            lead, lead_length = candidate, length
        if lead and not _slight(lead, lead_length):
            return _long_enough(lead, paragraphs, max_chars, enough)
        slight = slight or lead
    return _long_enough(slight, (), max_chars, enough)


def _summary_sentence(paragraph: str, start: int, end: int) -> bool:
    """Whether the sentence `paragraph[start:end]` may go into a summary: a whole sentence, and
    no shortcode call (`{{< ref "x" >}}`, `{{% note %}}`), which the body renders but a
    front-matter summary shows literally."""
    sentence = paragraph[start:end]
    return "{{" not in sentence and (
        complete(sentence) or _unpunctuated_end(sentence, not paragraph[end:].strip())
    )


# How many paragraphs after the opening one a lead too short for a summary may take in.
_LOOK_PAST_SHORT = 2


def _long_enough(
    lead: str, following: Iterable[str], max_chars: int, enough: Callable[[str], bool] | None
) -> str:
    """`lead` when it says `enough`, else it and the whole opening sentences of the paragraphs
    in `following` up to the first that says enough, within `max_chars`; `lead` as it is when
    none does."""
    if not lead or enough is None or enough(lead):
        return lead
    opening = lead
    for paragraph in islice(following, _LOOK_PAST_SHORT):
        # A CJK full stop takes no space after it; a Latin or Korean one takes one.
        joined = lead + ("" if lead[-1] in "。！？」』）" else " ")
        first = -1
        for start, end in iter_sentence_spans(paragraph):
            if first < 0:
                first = start
            if not _summary_sentence(paragraph, start, end):
                return opening  # the paragraph does not go on in whole sentences
            candidate = joined + paragraph[first:end]
            if reader_length(candidate) > length_limit(candidate, max_chars):
                return opening
            if enough(candidate):
                return candidate
            lead = candidate
        if first < 0:
            break
    return opening


# How many paragraphs past a slight lead may still give the summary: further down is no opening.
_LOOK_PAST_SLIGHT = 2


# The characters of the scripts that do not space their words: `is_cjk_char`'s less Hangul, and
# Thai and Lao (counted by the regex engine, not one by one in Python).
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\uff00-\uffef\U00020000-\U0002fa1f]"
)


def _slight(lead: str, length: int) -> bool:
    """Whether `lead` (of `reader_length` `length`) is too slight for a summary: fewer than
    three words; in a script that does not space its words (Chinese, Japanese, Thai, Lao), fewer
    than ten characters."""
    if len(lead.split(None, 2)) >= 3:  # (at most three parts, not a list of every word)
        return False
    if lead.isascii():
        return True  # no letter of a script that does not space its words
    unspaced = sum(map(str.isalpha, _UNSPACED.findall(lead)))
    return not unspaced or unspaced * 2 <= sum(map(str.isalpha, lead)) or length < 10


def _unpunctuated_end(sentence: str, ends_paragraph: bool) -> bool:
    """Whether `sentence`, the end of its paragraph and written mostly in Thai or Lao, is complete
    without a full stop: a paragraph break ends it (a paragraph cut with an ellipsis does not)."""
    if not ends_paragraph or sentence.isascii() or ellipsis_ending(sentence) is not None:
        return False
    # Thai and Lao (U+0E00-U+0EFF) mark no sentence end: a space separates sentences, and a
    # paragraph break ends the last one. (Counted by the regex engine and `map`, not one
    # character at a time in Python: a Chinese paragraph's unpunctuated end comes here too.)
    thai_lao = _THAI_LAO.findall(sentence)
    if not thai_lao:
        return False  # no Thai or Lao letter: not most of them
    return sum(map(str.isalpha, thai_lao)) * 2 > sum(map(str.isalpha, sentence))


_THAI_LAO = re.compile("[\u0e00-\u0eff]")


def primary_language(tag: str | None) -> str:
    """The primary subtag of a language tag, lower case (`zh` of `zh_TW`, `pt` of `pt-BR`); ""
    for None."""
    return (tag or "").replace("_", "-").split("-")[0].lower()


def is_cjk_char(char: str) -> bool:
    if not char:
        return False
    code = ord(char)
    return (
        0x3000 <= code <= 0x303F
        or 0x3040 <= code <= 0x30FF
        or 0x3400 <= code <= 0x4DBF
        or 0x4E00 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF
        or 0xAC00 <= code <= 0xD7AF
        or 0x20000 <= code <= 0x2FA1F
    )


def script_of(char: str) -> str | None:
    """A coarse script name for a letter: latin, han, kana, hangul, cyrillic, greek, arabic, ..."""
    if not char.isalpha():
        return None
    code = ord(char)
    if code < 0x250 or 0x1E00 <= code <= 0x1EFF:
        return "latin"
    if 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF66 <= code <= 0xFF9D:
        return "kana"
    if 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return "hangul"
    if is_cjk_char(char):
        return "han"
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0].lower() if name else None


# ------------------------------------------------------------------------------ HTML entities


def unescape(text: str) -> str:
    """`html.unescape(text)`. The `html` package is imported for a text with a `&` only (a one-file
    run seldom meets one): it loads HTML's table of 2,231 entities, and `html.unescape` returns
    any other text as it is."""
    if "&" not in text:
        return text
    import html

    return html.unescape(text)


_ENTITY = re.compile(r"&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
_BACKTICKS = re.compile(r"`[^`\n]*`")


def html_entities(text: str) -> list[tuple[int, int, str]]:
    """`(start, end, character)` of each HTML character reference (`&#39;`, `&amp;`), outside
    backtick code. Only names HTML5 defines count, so `AT&T;` or `&foo;` are left alone."""
    if "&" not in text:
        return []  # (before the imports: most texts have no reference, and this runs per field)
    import html
    from html.entities import html5

    code = [m.span() for m in _BACKTICKS.finditer(text)] if "`" in text else []
    found = []
    for match in _ENTITY.finditer(text):
        start, end = match.span()
        index = bisect_right(code, (start, len(text) + 1)) - 1
        if index >= 0 and code[index][0] <= start < code[index][1]:
            continue
        ref = match.group(0)
        if ref[1] != "#" and ref[1:] not in html5:
            continue
        found.append((start, end, html.unescape(ref)))
    return found


# ------------------------------------------------------------------------------ sentence spacing

# `։` is the Armenian full stop, a cased script's like the Latin one; `।` and `॥` the danda of
# Hindi, Marathi, Nepali and Bengali; `؟`, `،` and `۔` the Arabic question mark, comma and the
# Urdu full stop.
_GLUE = re.compile(r"[.!?,։।॥؟،۔](?=[\"“„«¿¡]?[^\W\d_])")
# `_GLUE` in ASCII text (most runs): a smaller class to test at every position, same matches.
_GLUE_ASCII = re.compile(r"[.!?,](?=\"?[A-Za-z])")
# The marks `_GLUE` matches at, alone.
_GLUE_MARK = re.compile("[.!?,։।॥؟،۔]")
# What a token (a run without white space) holds when it is a URL, an e-mail address, a path, code
# or a template rather than prose.
_NOT_PROSE_RE = re.compile(r"[/\\@:=_#{}<>|$~`&^*+\[\]]")
_PUNCT_WORD = re.compile(r"[.!?,][^\W_]")
_CJK = lazy_regex(
    "[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\uac00-\ud7af"
    "\U00020000-\U0002fa1f]"
)
_TLDS = frozenset({"com", "org", "net", "gov", "edu", "io", "co", "uk", "de", "cn", "jp", "info"})
_TOKEN_LIMIT = 64
_TOKEN = re.compile(r"\S+")
_DECIMAL = re.compile(r"\(?[-+]?[$€£¥]?\d[\d,]*\.\d+%?\)?")  # `3.1%`, `$2.25`, `(6.7103%)`
_NUMBER_RANGE = re.compile(r"\d+[-–]\d+")  # a score or a span: `52-48`, `2020–2024`
# Words that often open an English sentence: after one of them a glued sentence is certain.
# fmt: off
_STARTERS = frozenset({
    "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "You", "His",
    "Her", "Their", "Our", "There", "Here", "In", "On", "At", "But", "And", "As", "An", "When",
    "While", "After", "Before", "Despite", "However", "Nevertheless", "Meanwhile", "Moreover",
    "Also", "According", "Following", "For", "With", "If", "Although", "Though", "Since", "Some",
    "Many", "Most", "Other", "Others", "Analysts", "Shares", "Investors", "Officials", "What",
    "Why", "How", "Who", "Yet", "Still", "Now", "Today", "Yesterday", "Last", "Earlier", "Later",
    "Instead", "Overall", "Separately", "Additionally", "Furthermore", "Then", "Thus", "So",
    "Once", "Under",
    # Spanish, Portuguese, French, Italian, German, Dutch and Indonesian openers: a clause after
    # them is often short (`.Además, el ...`), so the count of words after cannot tell.
    "El", "La", "Los", "Las", "Un", "Una", "En", "Se", "Pero", "Según", "Además", "También",
    "Sin", "Mientras",
    "Os", "Em", "Um", "Uma", "Mas", "Segundo", "Também", "Ele", "Ela",
    "Le", "Les", "Une", "Il", "Elle", "Ils", "Dans", "Mais", "Pour", "Selon", "Cette", "Ainsi",
    "Puis", "Ensuite", "Enfin", "Alors", "Pourtant", "Cependant", "Toutefois", "Depuis", "Après",
    "Lo", "Gli", "Secondo", "Inoltre", "Anche", "Però",
    "Der", "Die", "Das", "Ein", "Eine", "Er", "Sie", "Im", "Auch", "Aber", "Laut", "Nach", "Doch",
    "Het", "Een", "Maar", "Volgens",
    "Ini", "Itu", "Namun", "Menurut", "Dalam", "Pada", "Selain", "Sementara",
})
# One-letter words that open a sentence (English `I`, `A`; Spanish `Y`, `A`, `O`; Portuguese `O`,
# `A`, `E`, `É`; French `À`; the Cyrillic prepositions and conjunctions of Russian, Ukrainian,
# Belarusian, Bulgarian and Serbian, `В Москве`, `У нас`, `І`, `З`; the Greek articles `Η` and
# `Ο`, `Η συνάντηση`). Latin ones of Polish or Czech (`W`, `V`, `Z`, `S`) are left out: `Type.S
# models` names a product.
_ONE_LETTER_STARTERS = frozenset("IAYOEÀÉ" + "АВИКОСУЯІЗ" + "\u0397\u039f")
# fmt: on
# Brands that name their products with a dot and a capital (`Яндекс.Метрика`, `Yandex.Browser`,
# common in Russian news): `Brand.Product` is one name. A name that ends a sentence glued to the
# next one (`Moneycontrol.Indian equity markets`) looks the same, so only these are left alone.
_DOTTED_BRANDS = frozenset({"Яндекс", "Yandex"})
# Abbreviations that stand before a name, a street or a place and are often written without the
# space (`ул.Ленина`, `przy ul.Długiej`, `la Sra.Pérez`, `il sig.Rossi`, `Atatürk Cad.Beşiktaş`):
# titles and the words for street, square, avenue, district, saint, in the languages of the
# catalogue's news. Their full stop ends no sentence. A short word that is also an ordinary word
# at the end of a sentence (Russian `им`, Polish `im`, Czech `nám`, Portuguese `os`, English
# `on`, `me`) is left out. German street names end in `str.` (`Hauptstr.`): see
# `_name_abbreviation`.
# fmt: off
_NAME_ABBREVIATIONS = frozenset({
    # Russian, Ukrainian, Belarusian, Bulgarian
    "ул", "вул", "пл", "пр", "просп", "пер", "пров", "наб", "бул", "бульв", "пос", "смт", "дер",
    "обл", "св", "ген", "акад", "проф", "доц", "тов", "гр",
    # Polish, Czech, Slovak
    "ul", "al", "pl", "gen", "prof", "dr", "mgr", "inż", "św", "ks", "sv", "tř", "nábř", "doc",
    "ing", "mjr", "płk", "gm", "pow", "woj",
    # Spanish, Portuguese, Italian, French, German, Dutch
    "sra", "srta", "dra", "dña", "avda", "av", "pza", "pça", "sta", "sto", "excmo", "excma",
    "gral", "lic", "arq", "eng", "sig", "sigg", "dott", "avv", "geom", "mons", "mme", "mlle",
    "bd", "ste", "hr", "fr", "dipl", "dhr", "mevr", "drs", "ir",
    # Turkish, Greek
    "cad", "sok", "mah", "bul", "doç", "yrd", "οδ", "αγ", "κκ",
    # before a reference rather than a name: `cf.L’article 12`, Italian and Spanish `cfr.`
    "cf", "cfr",
})
# Abbreviations written before a number, which may be a Roman numeral (`Vol.I`, `vol.II`,
# `chap.IV`): before one, their full stop ends no sentence (`un vol.Il a porté plainte`, French
# for theft, still does).
_NUMBER_ABBREVIATIONS = frozenset({"vol", "vols", "chap", "ch"})
_ROMAN_NUMERAL = re.compile(r"(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
# fmt: on


# The characters a Markdown backslash escapes (CommonMark: ASCII punctuation).
MARKDOWN_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def unescaped(text: str) -> tuple[str, list[int]]:
    """`text` (Markdown prose source) as a reader sees its backslash escapes (`said,\\"After` is
    `said,"After`), and for each character of that the offset in `text` it comes from."""
    shown: list[str] = []
    origin: list[int] = []
    index, end = 0, len(text)
    while index < end:
        if text[index] == "\\" and index + 1 < end and text[index + 1] in MARKDOWN_ESCAPABLE:
            index += 1
        shown.append(text[index])
        origin.append(index)
        index += 1
    return "".join(shown), origin


def may_miss_sentence_spaces(text: str) -> bool:
    """Whether `text` holds a mark `missing_sentence_spaces` may report: without one (most runs
    of a Chinese text, whose marks are full-width) it reports nothing, nor in any text made of
    some of its characters."""
    if text.isascii():
        return "." in text or "," in text or "!" in text or "?" in text
    return _GLUE_MARK.search(text) is not None


def missing_sentence_spaces(text: str, language: str | None = None) -> list[int]:
    """Offsets of `.`, `!`, `?`, `,` or the Armenian full stop `։` that the next word is glued to
    (`preparedness.The`, `said,"After` or, with the quotation marks of German and Russian,
    `sagte,„Wir` and `сказал,«Мы`, and `aprobado.¿Qué`: a Spanish `¿` or `¡` may open the next
    sentence), where a space is missing.

    Deliberately conservative (a false alarm costs more than a miss): the word before must end in
    two lower-case letters (or be a number such as a year, or end in `)`/`%`), the word after must
    be a capitalised word (`The`, not `js`, `NET`, `McDonald`), and the token must not look like a
    brand's product named with a dot (`Яндекс.Метрика`), a
    URL, e-mail address, domain or file name, abbreviation (`U.S.`, `e.g.`), number (`3.5`), code
    or template, nor hold CJK text. Korean, which spaces its sentences, is the exception: a
    sentence ending (`했다.헬름`, `할까?다시`) glued to the next Hangul word is reported. Scripts
    without capitals are judged by their letters: Arabic, Persian, Urdu and Hebrew
    (`المصدر.وقال`, `הסתיים.השיחות`; see `_rtl_glued`) and the danda of Hindi (`है।वह`).
    `language`, the text's (`cs`, `en-us`), tells a word from a program's name where they look
    alike (`_vowelless_name`).
    """
    found = []
    for match in (_GLUE_ASCII if text.isascii() else _GLUE).finditer(text):
        pos = match.start()
        if _glued(text, pos, language):
            found.append(pos)
    if "”" in text:
        found = sorted(found + _glued_after_closing_quote(text, language))
    return found


# A sentence's stop inside the closing quotation mark, glued to the next word: `ready.”The`.
_QUOTE_WINDOW = 4096  # characters on each side that judging the stop may look at
_STOP_THEN_CLOSING_QUOTE = re.compile(r"[.!?]”(?=[^\W\d_])")


@functools.lru_cache(maxsize=4)
def _curly_quotes(text: str) -> tuple[list[int], list[int]]:
    """The offsets of `“` and of `”` in `text`, for counting those before a place by bisection:
    counting with `str.count` at each stop would be quadratic in a long text full of them."""
    return [m.start() for m in re.finditer("“", text)], [m.start() for m in re.finditer("”", text)]


def _quotation_open_at(text: str, at: int) -> bool:
    """Whether more `“` than `”` come before `at`: a quotation opened with `“` is still open."""
    opening, closing = _curly_quotes(text)
    return bisect_right(opening, at - 1) > bisect_right(closing, at - 1)


def _glued_after_closing_quote(text: str, language: str | None) -> list[int]:
    """Offsets of the `”` that closes a quotation after its sentence's stop and that the next
    sentence is glued to (`“We are ready.”The crowd`): the space is missing after the mark. Only
    where a `“` before it is still open, so the `”` closes it (Swedish and Finnish open with `”`
    too), and judged as the stop without the mark (`ready.The crowd`) would be."""
    found = []
    for match in _STOP_THEN_CLOSING_QUOTE.finditer(text):
        pos = match.start()
        if not _quotation_open_at(text, pos):
            continue
        # Judged in a window of the text around the stop (without the mark): copying the
        # whole text for each would be quadratic in a long one full of quotations.
        start = max(0, pos - _QUOTE_WINDOW)
        window = text[start : pos + 1] + text[pos + 2 : pos + 2 + _QUOTE_WINDOW]
        if _glued(window, pos - start, language):
            found.append(pos + 1)
    return found


# Languages whose quotations close with `“` (German `„Wir schaffen das“`, Czech, the Baltic and
# Cyrillic ones): there `.“` may be a stop inside a closing mark; elsewhere `“` opens one.
_CLOSING_LOW_HIGH_QUOTE_LANGUAGES = frozenset(
    ("be", "bg", "bs", "cs", "da", "de", "et", "hr", "is", "ka", "lt", "lv", "mk", "ru", "sk",
     "sl", "sq", "sr", "uk")
)  # fmt: skip


def _opening_curly_quote(text: str, at: int, language: str | None) -> bool:
    """Whether the `“` at `at` opens a quotation: in a language that opens with it, when no
    quotation opened before it is left open (a `“` typed for the closing `”` follows one)."""
    primary = (language or "").split("-")[0].lower()
    return (
        text[at] == "“"
        and primary not in _CLOSING_LOW_HIGH_QUOTE_LANGUAGES
        and not _quotation_open_at(text, at)
    )


# Korean, unlike Chinese and Japanese, puts a space after a sentence's full stop. A sentence's
# last syllable is one of the common endings (했다, 해요, 하죠, 할까, 하네), which a Hangul
# domain (정부.한국) or a name does not end in.
_KOREAN_ENDINGS = frozenset("다요죠까네")


def _hangul(char: str) -> bool:
    return "\uac00" <= char <= "\ud7a3"


def _korean_glued(text: str, pos: int) -> bool:
    """`했다.헬름`, `했다.MSA는`: a Korean sentence run into the next one, outside a URL, path or
    address."""
    if pos < 2 or text[pos] == "," or text[pos - 1] not in _KOREAN_ENDINGS:
        return False
    if not (_hangul(text[pos - 2]) and pos + 1 < len(text)):
        return False
    if not (_hangul(text[pos + 1]) or _latin_in_korean(text, pos + 1)):
        return False
    return _prose_token(text, pos)


# A Korean sentence may open with a Latin name or acronym, its particle or the rest of the word
# written on in Hangul (`MSA는`, `LG전자가`, `Go언어`): that Hangul tells a sentence's first word
# from a file extension or a dotted name. `.NET` is such a name even with a particle (`.NET은`).
_LATIN_THEN_HANGUL = re.compile(r"[A-Z][A-Za-z0-9]*(?=[\uac00-\ud7a3])")


def _latin_in_korean(text: str, start: int) -> bool:
    match = _LATIN_THEN_HANGUL.match(text, start)
    return match is not None and match.group() != "NET"


def _indic(char: str) -> bool:
    return "\u0900" <= char <= "\u0dff"


def _arabic_letter(char: str) -> bool:
    return "\u0620" <= char <= "\u064a" or "\u066e" <= char <= "\u06d3" or char == "\u06d5"


def _prose_token(text: str, pos: int) -> bool:
    """Whether the token (run without white space) around `pos` is prose: no URL, path, address
    or template."""
    start = pos
    floor = max(0, pos - _TOKEN_LIMIT)
    while start > floor and not text[start - 1].isspace():
        start -= 1
    end = pos + 1
    limit = min(len(text), pos + _TOKEN_LIMIT)
    while end < limit and not text[end].isspace():
        end += 1
    return not _NOT_PROSE_RE.search(text, start, end)


def _indic_glued(text: str, pos: int) -> bool:
    """`है।वह`: a Hindi (Marathi, Nepali, Bengali) sentence that ends in a danda, `?` or `!` run
    into the next word. A `.` is left alone: abbreviations (`डॉ.`) take one with no space."""
    if text[pos] not in "।॥?!" or pos < 1:
        return False
    before = text[pos - 1]
    return _indic(before) and _prose_token(text, pos)


def _hebrew_letter(char: str) -> bool:
    return "\u05d0" <= char <= "\u05ea" or "\u05f0" <= char <= "\u05f2"


# Hebrew writes an acronym with gershayim inside the word (`צה"ל`, `ארה"ב`, often typed as the
# ASCII `"`) and an abbreviation with a geresh (`פרופ'`); `פרופ.` is the same abbreviation typed
# with a full stop, which takes no space before the name (`פרופ.כהן`).
_HEBREW_WORD_MARKS = frozenset("\"'\u05f3\u05f4")
_HEBREW_DOTTED = frozenset({"פרופ"})


def in_hebrew_word(text: str, index: int) -> bool:
    """Whether `text[index]` is the gershayim or geresh inside a Hebrew word (`צה"ל`)."""
    return (
        text[index] in _HEBREW_WORD_MARKS
        and _hebrew_letter(text[index - 1 : index])
        and _hebrew_letter(text[index + 1 : index + 2])
    )


def _rtl_glued(text: str, pos: int, letter: Callable[[str], bool], after: int) -> bool:
    """`المصدر.وقال`, `הסתיים.השיחות`: an Arabic, Persian, Urdu or Hebrew sentence (or clause,
    with `،` or `,`) run into the next word, which starts at `after`. The word before must have
    three letters for a full stop (`د.محمد`, Dr., takes no space) and two for the rest, and the
    word after two."""
    hebrew = letter is _hebrew_letter
    letters = 0
    index = pos
    while index > 0 and letters < 3:
        char = text[index - 1]
        if letter(char):
            letters += 1
        elif hebrew and letters and in_hebrew_word(text, index - 1):
            pass  # the gershayim inside `ארה"ב`
        elif unicodedata.category(char) != "Mn":  # harakat (or niqqud) between the letters
            break
        index -= 1
    needed = 3 if text[pos] == "." else 2
    if letters < needed:
        return False
    if hebrew and text[pos] == "." and _word_before(text, pos) in _HEBREW_DOTTED:
        return False
    # a word of one letter after it is an abbreviation's (`ق.م`), no sentence
    return after + 1 < len(text) and letter(text[after + 1]) and _prose_token(text, pos)


def _word_before(text: str, pos: int) -> str:
    """The letters (of any script) right before `pos`."""
    start = pos
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start:pos]


def _glued(text: str, pos: int, language: str | None = None) -> bool:
    punct = text[pos]
    after = pos + 1
    if _hangul(text[after]) or (_hangul(text[pos - 1 : pos]) and _latin_in_korean(text, after)):
        return _korean_glued(text, pos)
    if _indic(text[after]):
        return _indic_glued(text, pos)
    if _arabic_letter(text[after]):
        return _rtl_glued(text, pos, _arabic_letter, after)
    if _hebrew_letter(text[after]):
        return _rtl_glued(text, pos, _hebrew_letter, after)
    if (
        punct == ","
        and text[after] in '"“„'
        and after + 1 < len(text)
        and _hebrew_letter(text[after + 1])
    ):
        return _rtl_glued(text, pos, _hebrew_letter, after + 1)  # `אמר,"אנחנו`
    if punct in "।॥؟،۔":
        return False  # before a word of another script: a quotation, a name
    if text[after] in '"“„«':  # `said,"After`; German `sagte,„Wir`, Russian `сказал,«Мы`
        if punct != "," and not (punct in ".!?" and _opening_curly_quote(text, after, language)):
            # `."The` may close a quotation: which side the quote is on is unclear. `.“We`
            # opens one where `“` is an opening mark.
            return False
        after += 1
    elif text[after] in "¿¡":
        if punct == ",":
            return False
        after += 1  # Spanish opens a question or exclamation with its own mark: `.¿Qué`
    # The word after: a capital then lower-case letters, ending the token or before punctuation.
    end = after
    limit = min(len(text), after + _TOKEN_LIMIT)
    # (a combining mark is part of its letter: `.E\u0301tienne`, decomposed)
    while end < limit and (
        text[end].isalpha() or (end > after and unicodedata.category(text[end])[0] == "M")
    ):
        end += 1
    elided = _elision(text, after, end, limit)
    if elided:
        end = elided  # `parti.L’équipe`, `finita.L’Italia`, `left.I’m`: the word goes on
    word = text[after:end]
    if elided:
        pass  # `_elision` checked it: a capital, an apostrophe, then a word
    elif len(word) == 1:
        # `amor.Y después`: a one-letter word opens a sentence only when it is one of the few that
        # do (`Y`, `A`, `I`) and a word follows (`plan.A.` or `Fig.A` is a label, not a sentence).
        if word not in _ONE_LETTER_STARTERS or not _space_then_word(text, end):
            return False
    elif len(word) < 2 or not word[0].isupper() or not word[1:].islower():
        return False
    token_end = end
    while token_end < limit and not text[token_end].isspace():
        token_end += 1
    if token_end == limit and limit < len(text) and not text[limit].isspace():
        return False  # an endless token is no prose
    rest = text[end:token_end]
    if _NOT_PROSE_RE.search(rest) or "(" in rest or _PUNCT_WORD.search(rest):
        return False
    # `.The`, `.Además`, `.Y`, `.India's`
    prose_like = word in _STARTERS or len(word) == 1 or rest[:2] in ("'s", "’s") or bool(elided)
    if not prose_like and _words_after(text, token_end) < 2:
        return False  # `math.Abs in Go`, `[Hugo: time.Format]`: a name, not a run-on sentence
    # The word before; French sets `?` and `!` off from it with a (no-break) space: `c’est ?C’est`.
    stop = pos
    if (
        punct in "?!"
        and pos >= 2
        and text[pos - 1] in _FRENCH_SPACES
        and not text[pos - 2].isspace()
    ):
        stop = pos - 1
    # French sets a closing guillemet off from the quotation by a (no-break) space, and the
    # sentence's full stop comes after it: `a dit « non ».Le vote`. The quotation's last word is
    # the word before, the guillemet its closing mark.
    closer = ""
    if (
        stop == pos
        and pos >= 3
        and text[pos - 1] == "»"
        and text[pos - 2] in _FRENCH_SPACES
        and not text[pos - 3].isspace()
    ):
        stop, closer = pos - 2, "»"
    start = stop
    floor = max(0, stop - _TOKEN_LIMIT)
    while start > floor and not text[start - 1].isspace():
        start -= 1
    if start == floor and floor > 0 and not text[floor - 1].isspace():
        return False
    left = text[start:stop] + closer
    if (
        not _word_precedes(text, start)
        and not _closed_quotation(left)
        and not _opening_sentence(left, word, text, token_end)
    ):
        return False  # `math.Abs` alone in a title: a name; `«Non».Puis il` opens with words
    if not _sentence_end(left, punct):
        return False
    if (
        punct == "."
        and _vowelless_name(left, language)
        and word not in _STARTERS
        and not _number_before(text, start)
    ):
        return False  # `wg.Add`, `ctx.Done`: a variable's method named in a changelog
    if punct == "." and left.lstrip("(\"'“‘«") in _DOTTED_BRANDS:
        return False  # `Яндекс.Метрика`: one name, the brand and its product
    if punct == "." and _name_abbreviation(left):
        return False  # `ул.Ленина`, `la Sra.Pérez`: an abbreviation before a name
    if (
        punct == "."
        and left.lstrip("(\"'“‘«„").casefold() in _NUMBER_ABBREVIATIONS
        and _ROMAN_NUMERAL.fullmatch(word)
    ):
        return False  # `Vol.I`: a volume's number
    if _DECIMAL.fullmatch(left):
        pass  # `$2.25.The`, `3.1%.On`
    elif _NOT_PROSE_RE.search(left) or "." in left or left.lower().startswith("www"):
        return False  # `U.S.The`, `e.g.The`, `example.com.The`, `$page.Title`: not sure enough
    if word.lower() in _TLDS and left.replace("-", "").isalnum():
        return False  # `example.Com`
    return not _CJK.search(text, start, token_end)


# The space French puts before `?` and `!`: a plain one, a no-break one or a narrow no-break one.
_FRENCH_SPACES = " \u00a0\u202f"
# Elided words that open a sentence, an apostrophe joining them to the next word: French `L’`,
# `D’`, `C’`, `Qu’` ..., Italian `L’`, `Dell’`, `Un’`, English `I’m`.
# fmt: off
_ELISIONS = frozenset({
    "l", "d", "c", "j", "n", "s", "m", "t", "qu", "lorsqu", "puisqu", "jusqu", "quoiqu",
    "dell", "all", "nell", "sull", "dall", "un", "quest", "quell", "i",
})
# fmt: on


def _elision(text: str, after: int, end: int, limit: int) -> int:
    """Where the word at `after` ends when its letters (`text[after:end]`) are a capitalised
    elided word and an apostrophe joins it to the next word (`L’équipe`); 0 otherwise."""
    if not (
        end + 1 < limit
        and text[end] in "’'"
        and text[end + 1].isalpha()
        and text[after].isupper()
        and text[after:end].casefold() in _ELISIONS
    ):
        return 0
    end += 1
    while end < limit and text[end].isalpha():
        end += 1
    return end


# A quotation's opening marks and the marks that close it: French and Russian guillemets, English
# quotes, German `„…“` and Polish `„…”`.
_QUOTE_PAIRS = {"«": "»", "“": "”", "„": "“”"}


def _closed_quotation(left: str) -> bool:
    """Whether the word `left` before the stop is a quotation opened and closed in it (`«Non»`,
    `“No”`, `„Nein“`): words, not a name such as `math.Abs`, even with nothing before it."""
    closing = _QUOTE_PAIRS.get(left[:1])
    return (
        closing is not None
        and len(left) > 2
        and left[-1] in closing
        and any(c.isalpha() for c in left[1:-1])
    )


def sentence_starter(word: str) -> bool:
    """Whether `word` often opens a sentence (`The`, `However`, `Además`): after one of them a
    glued sentence is certain."""
    return word in _STARTERS


# The Latin one-letter words that open sentences in each language (see `_ONE_LETTER_STARTERS`).
# A program's one-letter member is Latin too (Go's `math.E`, `color.A`, `p.Y`), so where names are
# likely only the page's own language's words count; no program names a member `В` or `À`.
_LATIN_ONE_LETTER_STARTERS = {
    "en": "AI",
    "es": "YAOE",
    "pt": "AOE",
    "it": "EIAO",
}
# Words that never follow the article `A` (`color.A to 255` sets a member).
_NOT_AFTER_ARTICLE = frozenset(
    {"to", "of", "and", "or", "is", "are", "was", "were", "in", "on", "at", "as", "by", "for"}
)


def one_letter_starter(word: str, language: str | None, next_word: str) -> bool:
    """Whether the one-letter `word`, followed by `next_word`, opens a sentence in a text of
    `language` (`the bill passed.A spokesperson said`), where a member's name (`math.E`) is as
    likely: a Latin letter counts only as a word of the page's language that opens sentences."""
    if word not in _ONE_LETTER_STARTERS or not next_word.isalpha() or not next_word.islower():
        return False
    if not ("A" <= word <= "Z"):
        return True  # `À`, `É` and the Cyrillic words are no member's name
    starters = _LATIN_ONE_LETTER_STARTERS.get((language or "").split("-")[0].lower(), "")
    return word in starters and not (word == "A" and next_word in _NOT_AFTER_ARTICLE)


def _vowelless_name(left: str, language: str | None = None) -> bool:
    """Whether the word `left`, before a full stop, is a short lower-case name without a vowel
    (`wg`, `ctx`, `fmt`, `db`): a program's variable or package, as release notes name Go's
    `wg.Add` or `ctx.Done` without code marks. Words of English (bar `hmm`, `shh`) have a vowel or
    a `y`, so its sentences are not missed. Czech, Slovak, Croatian, Serbian, Bosnian and Slovene
    words may have none, an `r` or `l` between consonants making the syllable (`vlk`, `krk`,
    `prst`, `smrt`, `trg`): in a text of those `language`s such a word is a word. The caller
    keeps a unit after a number (`20 mph.Forecasters`) and a glued sentence's usual first word
    (`.The`)."""
    word = left.lstrip("(\"'“‘«„")
    if not (
        2 <= len(word) <= 5
        and word.isascii()
        and word.isalpha()
        and word.islower()
        and not any(c in "aeiouy" for c in word)
    ):
        return False
    if (language or "").split("-")[0].lower() in _SYLLABIC_LIQUID_LANGUAGES:
        return _SYLLABIC_LIQUID.search(word) is None
    return True


# Languages whose words may hold no vowel, `r` or `l` standing for one between consonants (or
# opening the word: Croatian `rt`, a cape), and that syllable in a vowelless word.
_SYLLABIC_LIQUID_LANGUAGES = frozenset({"cs", "sk", "hr", "sr", "bs", "sl"})
_SYLLABIC_LIQUID = re.compile(r"(?:^|[^aeiouy])[rl][^aeiouy]")


# A number before a unit (`20 mph`, `1,200 km`, `3.5 kg`).
_NUMBER = re.compile(r"[-+~]?\d[\d,.]*")


def _number_before(text: str, start: int) -> bool:
    """Whether the word before the token at `start` is a number: the token is then its unit
    (`20 mph`, `5 km`), which may end a sentence."""
    end = start
    while end > 0 and text[end - 1] in " \t\u00a0":
        end -= 1
    begin = end
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    return begin < end and _NUMBER.fullmatch(text, begin, end) is not None


def _name_abbreviation(left: str) -> bool:
    """Whether the word `left`, before a full stop, is an abbreviation written before a name (see
    `_NAME_ABBREVIATIONS`), or a German street name (`Hauptstr.`)."""
    word = left.lstrip("(\"'“‘«„").casefold()
    return word in _NAME_ABBREVIATIONS or (len(word) > 4 and word.endswith("str"))


def _space_then_word(text: str, pos: int) -> bool:
    """Whether a space and then a letter follow `pos`."""
    return text[pos : pos + 1] == " " and text[pos + 1 : pos + 2].isalpha()


def _words_after(text: str, pos: int, wanted: int = 2) -> int:
    """How many plain words (up to `wanted`) follow `pos` before a clause ends (`,;:.!?` or the
    end of the text): a glued sentence goes on, a name such as `math.Abs` is followed by a few
    words of explanation at most."""
    count = 0
    end = min(len(text), pos + 4 * _TOKEN_LIMIT)
    for match in _TOKEN.finditer(text, pos, end):
        token = match.group(0)
        if token[-1] in ",;:" or not any(c.isalnum() for c in token):
            break
        count += 1
        if token[-1] in ".!?":
            break  # the glued sentence ends here: `.Gold did too.` has two words after `Gold`
        if count >= wanted:
            break
    return count


# Pronouns and articles that open a sentence and no name's second part (`math.Abs`,
# `Console.In`, `Promise.All`): after a capitalised word that opens the text they tell a glued
# sentence (`Again.It was late.`).
_PRONOUN_STARTERS = frozenset(
    {"The", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "You", "I"}
)


def _opening_sentence(left: str, word: str, text: str, token_end: int) -> bool:
    """Whether `left`, the text's first word, is a one-word sentence glued to the next one
    (`Again.It was late.`, `Yes.We can.`): a capitalised word of three letters or more (`Mr`,
    `St`, `U.S` are abbreviations, `math`, `Node` a name's part), a pronoun or article after it,
    and a word after that."""
    return (
        len(left) >= 3
        and left.isalpha()
        and left[0].isupper()
        and left[1:].islower()
        and word in _PRONOUN_STARTERS
        and _words_after(text, token_end, 1) >= 1
    )


def _word_precedes(text: str, pos: int) -> bool:
    """Whether a word comes before the token that starts at `pos`."""
    start = max(0, pos - _TOKEN_LIMIT)
    while pos > start and text[pos - 1].isspace():
        pos -= 1
    return pos > start


def _sentence_end(left: str, punct: str) -> bool:
    """Whether the word `left` can end a sentence (or a clause, for a comma) before `punct`."""
    # Closing marks: English `”`, German `“`, guillemets either way (`«Мы придём».Потом`).
    core = left.rstrip(")%”’\"'»«“›‹")
    # A combining mark is part of its letter (`cafe\u0301`, decomposed as macOS writes it).
    letters = core if core.isascii() else _without_marks(core)
    if len(core) < len(left) and punct != "," and letters[-1:].isalnum():
        return True  # `(VOA).The`, `5%.The`, `„Wir schaffen das“.Danach`
    if len(letters) >= 2 and letters[-2:].isalpha() and letters[-2:].islower():
        return len(core) == len(left) or punct != ","
    number = core.lstrip("(\"'“‘")
    # `in 2027.The`, `is $2.25.The`, a score or a span of years `52-48.The`, `2020–2024.The`
    return punct != "," and (
        (len(number) >= 2 and number.isdigit())
        or bool(_DECIMAL.fullmatch(number))
        or bool(_NUMBER_RANGE.fullmatch(number))
    )


def _without_marks(text: str) -> str:
    """`text` without its combining marks (category M)."""
    return "".join(char for char in text if unicodedata.category(char)[0] != "M")


# ------------------------------------------------------------------------------ scripts


_ASCII_LETTER = re.compile(r"[A-Za-z]")
_ASCII_WORD = re.compile(r"[A-Za-z0-9'’-]*[A-Za-z][A-Za-z0-9'’-]*")
_WORDISH = re.compile(r"[^\W_](?:[^\W_]|['’-](?=[^\W_]))*")


_LATIN_LETTER = "A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
# A letter, then letters and digits, an apostrophe or hyphen only between two of them. Written
# without a lookahead per character: about a third faster, which matters on every text event.
_LATIN_RUN = lazy_regex(f"[{_LATIN_LETTER}][{_LATIN_LETTER}\\d]*(?:['’-][{_LATIN_LETTER}\\d]+)*")
# Han and kana count per character; they are matched as runs (and the runs' lengths summed)
# because one match per character costs ten times as much on a Chinese text.
_HAN_RUN = lazy_regex("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]+")
_KANA_RUN = lazy_regex("[\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9d]+")
_HANGUL = "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
# A Hangul word, like a Latin one, may hold digits and joiners (`국0국`, `국-국` are one word).
_HANGUL_RUN = lazy_regex(f"[{_HANGUL}][{_HANGUL}\\d]*(?:['’-][{_HANGUL}\\d]+)*")
# Letters the fast path does not know (Cyrillic, Arabic, ...): those texts take the exact path.
_OTHER_LETTER = lazy_regex(
    f"[^\\W\\d_{_LATIN_LETTER}\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f\uf900-\ufaff\uff66-\uff9d\U00020000-\U0002fa1f]"
)


def script_units(text: str) -> dict[str, int]:
    """How much of `text` is in each script: a Han or kana character counts as one unit, a word of
    any other script (a run of its letters and digits) as one, so that `Apple Vision Pro 销量不佳`
    weighs about as much Latin as Chinese."""
    if text.isascii():
        count = len(_ASCII_WORD.findall(text))
        return {"latin": count} if count else {}
    if not _OTHER_LETTER.search(text):
        # Latin and CJK only (nearly every news text): counted by regexes, not per character.
        counts = {
            "latin": len(_LATIN_RUN.findall(text)),
            "han": sum(map(len, _HAN_RUN.findall(text))),
            "kana": sum(map(len, _KANA_RUN.findall(text))),
            "hangul": len(_HANGUL_RUN.findall(text)),
        }
        return {script: count for script, count in counts.items() if count}
    return _script_units_exact(text)


def han_share(text: str) -> float | None:
    """Han characters as a share of all the characters of `text`, when `script_units` counts it by
    its fast path (Latin and CJK only; None otherwise, and for ""). Each unit it counts there is
    at least one character of its own, so the Han share of the units is never below this: a
    caller may skip counting the other scripts when this alone is enough."""
    if not text or _OTHER_LETTER.search(text):
        return None
    return sum(map(len, _HAN_RUN.findall(text))) / len(text)


# The characters `script_of` calls Han or kana (when they are letters), and of those the kana: a
# Chinese or Japanese word is counted by the run, not one character at a time in Python.
_HAN_OR_KANA_RUN = lazy_regex(
    "[\u3000-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
    "\U00020000-\U0002fa1f]+"
)
_KANA_CHAR = lazy_regex("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9d]")


def _script_units_exact(text: str) -> dict[str, int]:
    """`script_units` read character by character: each letter's `script_of`, a Han or kana
    letter one unit, a run of letters of any other script one (what is no letter, a digit or a
    joiner, neither splits nor counts)."""
    units: dict[str, int] = {}
    for token in _WORDISH.findall(text):
        if token.isascii():
            if not token.isdigit() and _ASCII_LETTER.search(token):  # `0-0` is a score, no word
                units["latin"] = units.get("latin", 0) + 1
            continue
        current: str | None = None
        start = 0
        for run in _HAN_OR_KANA_RUN.finditer(token):
            current = _count_word_runs(token[start : run.start()], units, current)
            start = run.end()
            han_or_kana = run.group()
            letters = sum(map(str.isalpha, han_or_kana))
            if not letters:
                continue  # numerals (`〇`, `１`): no letter, as a digit in a word
            kana = sum(map(str.isalpha, _KANA_CHAR.findall(han_or_kana)))
            han = letters - kana
            if han and kana and "han" not in units and "kana" not in units:
                # Both scripts are new: each takes its place in the order first met.
                first = next(char for char in han_or_kana if char.isalpha())
                if _KANA_CHAR.match(first):
                    units["kana"] = 0
            if han:
                units["han"] = units.get("han", 0) + han
            if kana:
                units["kana"] = units.get("kana", 0) + kana
            current = None  # a Han or kana letter ends the word of another script before it
        _count_word_runs(token[start:], units, current)
    return units


def _count_word_runs(piece: str, units: dict[str, int], current: str | None) -> str | None:
    """Count into `units` each run of letters of one script in `piece` (a word's characters that
    are not Han nor kana), `current` the script of the run it goes on; the script of its last."""
    for char in piece:
        script = "latin" if char < "\x80" and char.isalpha() else script_of(char)
        if script is None:
            continue  # digits and joiners inside a word: `9950X3D`, `don't`
        if script != current:
            units[script] = units.get(script, 0) + 1
            current = script
    return current


def undecodable(err: UnicodeDecodeError) -> str:
    """Where a file's bytes stop being UTF-8, for a message: the byte and its line, not Python's
    "'utf-8' codec can't decode byte 0xe9 in position 1234: invalid continuation byte"."""
    data = bytes(err.object)
    line = data.count(b"\n", 0, err.start) + 1
    return f"not UTF-8: byte 0x{data[err.start]:02x} on line {line} cannot be decoded"
