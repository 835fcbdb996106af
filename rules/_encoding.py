"""Encoding helpers shared by the EN rules: mojibake detection, invisible and control characters.

Mojibake is found in two steps so that ordinary text costs almost nothing:

1. a cheap pre-filter: ASCII text is skipped, then one regular expression looks for the character
   pairs that UTF-8 leaves behind when it is decoded as Windows-1252/Latin-1 (`Ã©`, `â€™`, `Â `),
   Windows-1251 (`РџСЂ`), Windows-1253 (`Ξ‘ΞΈ`), Mac OS Roman (`‚Äô`) or code page 437 (`├⌐`),
   and for lone C1 control characters (Windows-1252 read as Latin-1);
2. only the lines it selects go to ftfy (imported here, on first need), which confirms the damage
   and repairs it. The repair is then narrowed to the smallest spans, so one fix never rewrites a
   line.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from newslint.spans import Span
from newslint.textutil import lazy_regex, line_start

if TYPE_CHECKING:
    from newslint.document import Document


def _decoded(encoding: str, first: int, last: int) -> str:
    """The characters bytes `first..last` become in `encoding` (undefined bytes read as Latin-1)."""
    chars = set()
    for byte in range(first, last + 1):
        try:
            chars.add(bytes([byte]).decode(encoding))
        except UnicodeDecodeError:
            chars.add(chr(byte))  # what a "sloppy" decoder (and ftfy) keeps for an undefined byte
    return "".join(sorted(chars))


def _cls(chars: str) -> str:
    return "[" + "".join(re.escape(c) for c in chars) + "]"


# UTF-8 continuation bytes 80-BF as a single-byte decoder shows them (a character class). These
# and the patterns below are worked out on first use: decoding the tables loads a codec module
# each and costs milliseconds that a one-file run over ASCII text (which never gets that far)
# need not pay.
@cache
def _cont(encoding: str) -> str:
    if encoding == "cp1252":  # with the C1 controls: Windows-1252 read as Latin-1
        return _cls(_decoded("cp1252", 0x80, 0xBF) + "".join(map(chr, range(0x80, 0xA0))))
    if encoding == "cp1250":  # with ISO-8859-2's letters A0-BF
        return _cls(_decoded("cp1250", 0x80, 0xBF) + _decoded("iso8859_2", 0xA0, 0xBF))
    return _cls(_decoded(encoding, 0x80, 0xBF))


def _candidate() -> str:
    """UTF-8 lead bytes C2-F4, then a continuation byte, as a single-byte decoder shows them."""
    return "|".join(
        (
            _cls(_decoded("cp1252", 0xC2, 0xF4)) + _cont("cp1252"),  # Ã© â€™ Â<NBSP>
            # `Â ` with a plain space: a scraper turned the NBSP of `Â<NBSP>` into a space (the
            # catalogue's own example); ftfy restores the NBSP where the context confirms it
            "\u00c2 ",
            r"[\x80-\x9f]",  # C1 controls: Windows-1252 read as Latin-1 (ftfy maps them)
            f"(?:[РС]{_cont('cp1251')}){{2}}|вЂ",  # Cyrillic and punctuation read as Windows-1251
            f"[ΞΟ]{_cont('cp1253')}",  # Greek read as Windows-1253: `Ξ‘ΞΈΞ®Ξ½Ξ±` for `Αθήνα`
            f"[¬√≈–—]{_cont('mac_roman')}|‚Ä",  # read as Mac OS Roman
            f"[┬├─┼]{_cont('cp437')}",  # read as DOS code page 437 (a Windows console): `caf├⌐`
            # Czech, Slovak, Polish or Hungarian read as Windows-1250 or ISO-8859-2: `pĹ™Ă­ĹˇtĂ­`
            # for `příští` (ftfy repairs it; its lead bytes C2-C5 are `ÂĂÄĹ` there)
            f"[ÂĂÄĹ]{_cont('cp1250')}",
        )
    )


# Compiled on first use: ASCII text (most files) never needs it.
_CANDIDATE = lazy_regex(_candidate)


def _candidate_start() -> str:
    return (
        "["
        + "".join(
            re.escape(c)
            for c in sorted(set(_decoded("cp1252", 0xC2, 0xF4)) | set(map(chr, range(0x80, 0xA0))))
        )
        + "РСвΞΟ¬√≈–—‚┬├─┼ĂĹ]"
    )


# Every character a `_CANDIDATE` match can start with. One character class is scanned several
# times faster than the alternation; most texts have none of these and stop here.
_CANDIDATE_START = lazy_regex(_candidate_start)
_LINE_BREAK = re.compile(r"[\r\n]")
# UTF-8 of a Latin letter (C2-C5, then a continuation byte) read as code page 437: `├⌐` for `é`.
_CP437_LETTERS = lazy_regex(lambda: f"(?:[┬├─┼]{_cont('cp437')})+")
# A UTF-8 character read as Windows-1252 with one of its bytes lost to U+FFFD: `â€�`, `Ï�`, `â�¤`.
_LOST_BYTE = lazy_regex(
    lambda: f"{_cls(_decoded('cp1252', 0xC2, 0xF4))}{_cont('cp1252')}*\ufffd+{_cont('cp1252')}*"
)

_ENCODING_NAMES = {
    "latin-1": "Latin-1",
    "iso-8859-1": "Latin-1",
    "macroman": "Mac OS Roman",
    "cp437": "code page 437",
    "utf-8": "UTF-8",
    "utf-8-variants": "UTF-8",
    "gb18030": "GB18030",
    "big5hkscs": "Big5-HKSCS",
    "cp932": "Shift JIS (Windows-31J)",
    "euc_jp": "EUC-JP",
    "cp949": "EUC-KR (Windows-949)",
    "koi8_r": "KOI8-R",
    "koi8_u": "KOI8-U",
    "cp866": "code page 866 (DOS Cyrillic)",
    "mac_cyrillic": "Mac OS Cyrillic",
    "cp874": "Windows-874 (Thai)",
}


def encoding_name(encoding: str) -> str:
    """A reader's name for a codec: `sloppy-windows-1252` -> `Windows-1252`."""
    encoding = encoding.lower().removeprefix("sloppy-")
    if encoding in _ENCODING_NAMES:
        return _ENCODING_NAMES[encoding]
    if encoding.startswith(("windows-", "cp125")):
        return "Windows-" + encoding.rsplit("-", 1)[-1].removeprefix("cp")
    return encoding.upper() if encoding.startswith("iso") else encoding


def describe(plan: list[tuple[str, str]]) -> str:
    """Say what ftfy's plan undid: 'UTF-8 text decoded as Windows-1252' (twice, ...)."""
    said: list[str] = []
    encoded: str | None = None
    for action, argument in plan:
        if action == "encode":
            encoded = argument
        elif action == "decode" and encoded is not None:
            if argument.startswith("utf-8"):
                said.append(f"UTF-8 text decoded as {encoding_name(encoded)}")
            else:
                said.append(f"{encoding_name(argument)} text decoded as {encoding_name(encoded)}")
            encoded = None
        elif action == "transcode" and argument == "fix_c1_controls":
            said.append("Windows-1252 text decoded as Latin-1")
        elif action == "apply" and argument == "decode_inconsistent_utf8":
            said.append("UTF-8 text decoded as Windows-1252")
    if not said:
        return "mis-decoded text"
    counted: list[tuple[str, int]] = []
    for item in said:
        if counted and counted[-1][0] == item:
            counted[-1] = (item, counted[-1][1] + 1)
        else:
            counted.append((item, 1))
    times = {1: "", 2: " twice"}
    return ", then ".join(f"{item}{times.get(n, f' {n} times')}" for item, n in counted)


_MAX_PIECES = 64


@dataclass(frozen=True, slots=True)
class Mojibake:
    """A mis-decoded span, what it should read, and how it came about."""

    span: Span
    found: str
    fixed: str
    what: str
    # Part of the original is lost and `fixed` is only a guess: reported, never repaired.
    lost: bool = False


@lru_cache(maxsize=4096)
def _fix(text: str) -> Any:
    """ftfy's repair and its explanation (cached: the same damage tends to recur in a file)."""
    import ftfy  # heavy: only when the pre-filter found a candidate

    return ftfy.fix_encoding_and_explain(text)


def _pieces(line: str) -> list[tuple[int, int]]:
    """Where mojibake can sit in a line: ftfy's UTF-8 detector runs, plus lone C1 controls."""
    from ftfy.chardata import UTF8_DETECTOR_RE

    spans = [m.span() for m in UTF8_DETECTOR_RE.finditer(line)]
    if _CP437_LETTERS.search(line):
        # ftfy's detector knows no code page 437 (`caf├⌐`): its runs are pieces too
        spans = sorted(
            spans
            + [
                m.span()
                for m in _CP437_LETTERS.finditer(line)
                if not any(s < m.end() and m.start() < e for s, e in spans)
            ]
        )
    out = list(spans)
    index = 0  # both lists are in order: walk them together
    for match in re.finditer(r"[\x80-\x9f]+", line):
        while index < len(spans) and spans[index][1] <= match.start():
            index += 1
        if index == len(spans) or match.start() < spans[index][0]:
            out.append(match.span())
    if "\ufffd" not in line:
        return sorted(out)
    # A character whose byte was lost to U+FFFD (`â€` + U+FFFD: `”` is E2 80 9D, and 9D is not
    # Windows-1252) is no UTF-8 run for ftfy's detector; ftfy repairs it alone to U+FFFD. Pieces
    # that overlap or touch are merged.
    out.extend(m.span() for m in _LOST_BYTE.finditer(line))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(out):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _narrow(line: str, base: int, fixed: str, what: str) -> list[Mojibake]:
    """Split the repair of a whole line into repairs of the smallest spans; a span whose repair
    takes a space for a lost byte A0 where another byte may as well have been dropped (see
    `_guessed_a0`) is marked lost."""
    pieces = _pieces(line)
    if len(pieces) > _MAX_PIECES:
        pieces = []  # a wholly garbled line: one edit, rather than one ftfy call per piece
    found: list[Mojibake] = []
    rebuilt: list[str] = []
    cursor = 0
    for start, end in pieces:
        result = _fix(line[start:end])
        rebuilt.append(line[cursor:start])
        rebuilt.append(result.text)
        cursor = end
        if result.text != line[start:end]:
            found.append(
                Mojibake(
                    Span(base + start, base + end),
                    line[start:end],
                    result.text,
                    describe(result.explanation or []),
                    _guessed_a0(line[start:end], result.explanation),
                )
            )
    rebuilt.append(line[cursor:])
    # A piece repaired to nothing lost a byte that the line's repair kept as U+FFFD next to it.
    if "".join(rebuilt) == fixed and found and all(piece.fixed for piece in found):
        return found
    # The pieces repaired alone do not add up to ftfy's repair of the line (it needed the
    # context): fall back to one edit between the first and the last changed character.
    prefix = 0
    limit = min(len(line), len(fixed))
    while prefix < limit and line[prefix] == fixed[prefix]:
        prefix += 1
    suffix = 0
    while (
        suffix < limit - prefix and line[len(line) - 1 - suffix] == fixed[len(fixed) - 1 - suffix]
    ):
        suffix += 1
    if suffix and len(fixed) - suffix == prefix:
        suffix -= 1  # show what replaces the garbage (U+FFFD, often) rather than a bare deletion
    damaged = line[prefix : len(line) - suffix]
    guessed = _guessed_a0(damaged, _fix(line).explanation)
    return [
        Mojibake(
            Span(base + prefix, base + len(line) - suffix),
            damaged,
            fixed[prefix : len(fixed) - suffix],
            what,
            guessed,
        )
    ]


# ftfy reads a space after the first two characters of a three-byte UTF-8 character as its lost
# third byte A0 (`â€ ` as `†`, E2 80 A0). But a Windows-1252 decoder also drops the bytes it leaves
# undefined (81, 8D, 8F, 90, 9D): `”` (E2 80 9D) before a space comes out as that same `â€ `, and
# far more often than a dagger. Which character it was cannot be told.
_AMBIGUOUS_A0 = lazy_regex(lambda: "[\u00e0-\u00ef]" + _cont("cp1252") + " ")


def _guessed_a0(damaged: str, explanation: Any) -> bool:
    """Whether ftfy's repair of `damaged` stands on that guess."""
    return ("transcode", "restore_byte_a0") in (explanation or []) and bool(
        _AMBIGUOUS_A0.search(damaged)
    )


# `â€` (E2 80, the start of a dash, a quote, an ellipsis or a bullet) whose third byte was dropped
# as undefined in Windows-1252 (`”` is E2 80 9D) and that no continuation follows: ftfy leaves it.
# `â€` is no text in any language. (Before a space: see `_AMBIGUOUS_A0`.)
_DROPPED_THIRD = lazy_regex(lambda: "\u00e2\u20ac(?!" + _cont("cp1252") + "| |\ufffd)")


def _dropped_third_bytes(text: str, found: tuple[Mojibake, ...]) -> list[Mojibake]:
    """`â€` with its third byte dropped, outside the spans already found: lost, never repaired."""
    if "\u00e2\u20ac" not in text:
        return []
    out = []
    for match in _DROPPED_THIRD.finditer(text):
        start, end = match.span()
        if any(_overlap(m.span, Span(start, end)) for m in found):
            continue
        what = "UTF-8 text decoded as Windows-1252"
        out.append(Mojibake(Span(start, end), match.group(0), "", what, lost=True))
    return out


# A punctuation mark or symbol (U+2000-U+2FFF: `’`, `•`, `—`, `€`, `™`, E2 then two continuation
# bytes) read as DOS code page 437, as a Windows console shows UTF-8: `ΓÇÖ` for `’`, `ΓÇó` for `•`.
# ftfy leaves it unless the line holds other damage it is sure of. `Γ` before two of those Latin
# letters and box-drawing pieces is no text in any language, so one mark is enough.
_CP437_SYMBOL = lazy_regex(lambda: f"(?:\u0393{_cont('cp437')}{{2}})+")


def _cp437_symbols(text: str, found: tuple[Mojibake, ...]) -> list[Mojibake]:
    """Symbols read as code page 437, outside the spans already found, with the exact inverse."""
    if "\u0393" not in text:
        return []
    out = []
    for match in _CP437_SYMBOL.finditer(text):
        start, end = match.span()
        if any(_overlap(m.span, Span(start, end)) for m in found):
            continue
        try:
            original = match.group(0).encode("cp437").decode("utf-8")
        except UnicodeDecodeError:
            continue  # E2 then two continuation bytes is always UTF-8; kept for safety
        if _HIDDEN_CONTROL.search(original):
            continue
        what = f"UTF-8 text decoded as {encoding_name('cp437')}"
        out.append(Mojibake(Span(start, end), match.group(0), original, what))
    return out


def _mojibake_start() -> str:
    """Every character a damaged stretch that `_code_page_damage` or `_single_byte_mojibake`
    looks for starts with, as one class: the UTF-8 lead bytes C2-F4 of each code page (the first
    class of `_page_searches`' scan) and `_CANDIDATE_START`'s."""
    leads = {c for page in _CODE_PAGES for c in _decoded(page[0], 0xC2, 0xF4)}
    return "[" + "".join(re.escape(c) for c in sorted(leads)) + _candidate_start()[1:]


# One scan of a text that holds neither kind of damage (a Chinese article: two classes of
# Latin-1, Cyrillic, Greek and box-drawing characters, which its prose has none of) instead of
# the two scans, `_page_searches`' and `_CANDIDATE_START`'s.
_MOJIBAKE_START = lazy_regex(_mojibake_start)


@lru_cache(maxsize=8)
def find_mojibake(text: str) -> tuple[Mojibake, ...]:
    """Every mis-decoded span of `text`, with ftfy's repair (cached: EN001 and EN004 both ask),
    and UTF-8 read in the code page of its own script (see `_code_page_damage`)."""
    if text.isascii():
        return ()
    if _MOJIBAKE_START.search(text) is None:
        # Neither finds anything; a dropped third byte (`â€`) starts with a character of the
        # class too, a symbol read as code page 437 (`Γ`) is looked for by `in`.
        return tuple(_cp437_symbols(text, ()))
    pages = _code_page_damage(text)
    found = _single_byte_mojibake(text)
    dropped = _dropped_third_bytes(text, found) + _cp437_symbols(text, found)
    if dropped:
        found = tuple(sorted(found + tuple(dropped), key=lambda m: m.span.start))
    if not pages:
        return found
    # ftfy reads the C1 controls of such damage as Windows-1252 read as Latin-1: a wrong repair.
    kept = [m for m in found if not any(_overlap(m.span, page.span) for page in pages)]
    return tuple(sorted(kept + pages, key=lambda m: m.span.start))


def _overlap(one: Span, other: Span) -> bool:
    return one.start < other.end and other.start < one.end


# UTF-8 of Arabic, Hebrew or Thai read in that script's own Windows code page, which ftfy does not
# know: each letter becomes two or three characters of the code page, a UTF-8 lead byte's and
# continuation bytes' (`ط§ظ„` for `ال`, `׳©׳¨` for `שר`, `เธฃ` for `ร`); punctuation such as `’`
# or the Persian ZWNJ (E2 80 xx) becomes three. (A byte the code page leaves undefined shows as
# the C1 control of its number, as browsers show it.) Prefix of a character, and the letters its
# original must be in.
#
# Cyrillic read as KOI8-R or KOI8-U (`п▒я▌п╢` for `Бюд`), DOS code page 866 (`╨С╤О╨┤`) or Mac OS
# Cyrillic (`–С—О–і`), and Vietnamese read as Windows-1258 (`NgĂ¢n sĂ¡ch Ä‘Æ°á»£c` for `Ngân sách
# được`), are the same kind of damage, which ftfy does not know either (Windows-1251 it repairs).
# For them the lead byte of a punctuation mark (E2) is a letter, so punctuation is not looked for.
_CODE_PAGES: tuple[tuple[str, str, tuple[int, int], bool], ...] = (
    ("cp1256", "[آطظعغ]", (0x0600, 0x06FF), True),  # UTF-8 lead bytes D8-DB, and C2 (`«` is C2 AB)
    ("cp1255", "[ײ׳]", (0x0590, 0x05FF), True),  # D6, D7
    ("cp874", "เ[ธน]", (0x0E00, 0x0E7F), True),  # E0 B8, E0 B9
    ("koi8_r", "[пяр]", (0x0400, 0x04FF), False),  # D0, D1, D2 (Ukrainian `ґ` is D2 91)
    ("koi8_u", "[пяр]", (0x0400, 0x04FF), False),
    ("cp866", "[╨╤╥]", (0x0400, 0x04FF), False),
    ("mac_cyrillic", "[–—]", (0x0400, 0x04FF), False),  # D2 is `“`: left out
    # C3, C4, C6, and E1 BA / E1 BB (Latin Extended Additional: ạ ả ấ ầ ợ ...)
    ("cp1258", "(?:[ĂÄÆ]|á[º»])", (0x00C0, 0x1EFF), True),
)
_MIN_PAGE_CHARACTERS = 3  # damaged characters in a stretch: fewer arise in genuine text


def _page_patterns(
    encoding: str, prefix: str, punctuation: bool
) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """One damaged character, and a stretch of them with ASCII (spaces, digits, ...) between."""
    continuation = _cls(_decoded(encoding, 0x80, 0xBF))
    lead = prefix
    if punctuation:
        # E2 80: the first two bytes of `’`, `“`, `”`, `…` and the ZWNJ, in that order.
        lead += "|" + re.escape(_decoded(encoding, 0xE2, 0xE2) + _decoded(encoding, 0x80, 0x80))
    unit = f"(?:{lead}){continuation}"
    return lazy_regex(unit), lazy_regex(f"{unit}(?:[\t\x20-\x7e]*{unit})*")


@lru_cache(maxsize=1)
def _page_searches() -> tuple[re.Pattern[str], tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]]:
    """Worked out on first use (eight codecs and their tables: milliseconds a one-file run over
    ASCII text need not pay). First, what any code page's damaged character starts with: a UTF-8
    lead byte's character (C2-F4) and a continuation byte's (80-BF) in that page, one cheap scan
    of an article (two character classes) before a search per code page; prose in English or
    Chinese has no such pair. Then each page's `_page_patterns`."""
    leads = {c for page in _CODE_PAGES for c in _decoded(page[0], 0xC2, 0xF4)}
    continuations = {c for page in _CODE_PAGES for c in _decoded(page[0], 0x80, 0xBF)}
    any_unit = re.compile(_cls("".join(sorted(leads))) + _cls("".join(sorted(continuations))))
    patterns = tuple(
        _page_patterns(encoding, prefix, punctuation)
        for encoding, prefix, _, punctuation in _CODE_PAGES
    )
    return any_unit, patterns


def _code_page_damage(text: str) -> list[Mojibake]:
    """Stretches of UTF-8 read in the code page of its own script, with the exact inverse: the
    stretch's bytes in that code page must be UTF-8, strictly, of at least three letters of that
    script and no control character. Genuine text is not: every second character of the damage
    is one a word of the script does not put there (`ط` then `§`, `׳` then `©`)."""
    candidates: list[tuple[int, int, Mojibake]] = []
    any_unit, patterns = _page_searches()
    if any_unit.search(text) is None:
        return []
    for order, ((encoding, _, (low, high), _), (unit, stretch)) in enumerate(
        zip(_CODE_PAGES, patterns, strict=True)
    ):
        if unit.search(text) is None:
            continue
        for match in stretch.finditer(text):
            damaged = match.group(0)
            if len(unit.findall(damaged)) < _MIN_PAGE_CHARACTERS:
                continue
            original = _page_original(damaged, encoding)
            if original is None or _HIDDEN_CONTROL.search(original):
                continue
            if sum(low <= ord(c) <= high for c in original) < _MIN_PAGE_CHARACTERS:
                continue
            what = f"UTF-8 text decoded as {encoding_name(encoding)}"
            found = Mojibake(Span(*match.span()), damaged, original, what)
            candidates.append((match.start() - match.end(), order, found))
    if len({order for _, order, _ in candidates}) <= 1:
        return [found for _, _, found in candidates]
    # Two code pages may read one stretch (KOI8-U reads most of KOI8-R's damage, and a part of
    # its own): the longest reading wins, then the one listed first.
    out: list[Mojibake] = []
    starts: list[int] = []
    for _, _, found in sorted(candidates, key=lambda c: (c[0], c[1])):
        index = bisect_right(starts, found.span.start)
        if index > 0 and out[index - 1].span.end > found.span.start:
            continue
        if index < len(starts) and starts[index] < found.span.end:
            continue
        starts.insert(index, found.span.start)
        out.insert(index, found)
    return out


def _page_original(damaged: str, encoding: str) -> str | None:
    """The UTF-8 text whose bytes `damaged` shows in `encoding`, or None when it is not UTF-8."""
    data = bytearray()
    try:
        data += damaged.encode(encoding)  # the common case: every character is in the code page
    except UnicodeEncodeError:
        for char in damaged:
            try:
                data += char.encode(encoding)
            except UnicodeEncodeError:
                if not "\x80" <= char <= "\x9f":
                    return None
                data.append(ord(char))  # an undefined byte, shown as its C1 control
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _single_byte_mojibake(text: str) -> tuple[Mojibake, ...]:
    """The spans ftfy repairs, found by the pre-filter (see the module's docstring)."""
    if _CANDIDATE_START.search(text) is None:
        return ()
    out: list[Mojibake] = []
    position = 0
    while True:
        hit = _CANDIDATE.search(text, position)
        if hit is None:
            break
        # The line's start: the last break before the hit (searching back no further than the
        # previous line looked at, so that the whole search stays linear).
        start = position
        for index in (
            text.rfind("\n", position, hit.start()),
            text.rfind("\r", position, hit.start()),
        ):
            start = max(start, index + 1)
        after = _LINE_BREAK.search(text, hit.end())
        end = after.start() if after else len(text)
        line = text[start:end]
        result = _fix(line)
        if result.text != line:
            pieces = _narrow(line, start, result.text, describe(result.explanation or []))
            out.extend(
                piece
                for piece in pieces
                if not _ends_word_in_capitals(text, piece) and not _vietnamese_letter(text, piece)
            )
        position = end + 1
    return tuple(out)


# A capital that ends a word in capitals, before a space or a closing quote, is that word's last
# letter, not the first byte of a UTF-8 character: Vietnamese `ĐÃ CÓ`, `XÃ HỘI`, `“CHÚNG TA ĐÃ”`
# and Portuguese `«MINHA IRMÃ»`, `“AMANHÃ”` are what ftfy would turn into `Đà CÓ`, `ĐÔ`, `IRMû`
# (Ã is C3; C3 A0 is `à`, C3 94 `Ô`, C3 BB `û`). Mis-decoded, a capital never ends that way:
# UTF-8 of `À` is `Ã€`, and `à` after a capital (`LÃ  il`, for `Là`) is followed by a word in
# small letters. A closing quote counts only after its opening quote, intact, earlier in the line
# (mis-decoded text would show `â€œ` or `Â«` for it) and before a letter or digit never.
_OPENING_QUOTE = {"\u201d": "\u201c", "\u00bb": "\u00ab", "\u2019": "\u2018"}


def _ends_word_in_capitals(text: str, piece: Mojibake) -> bool:
    found = piece.found
    if (
        len(found) != 2
        or not found[0].isupper()
        or (found[1] != " " and found[1] not in _OPENING_QUOTE)
    ):
        return False
    start, end = piece.span.start, piece.span.end
    if start == 0 or not text[start - 1].isupper():
        return False
    after = text[end] if end < len(text) else ""
    if found[1] == " ":
        return after.isupper()
    if after.isalnum():
        return False
    closing = found[1]
    opening = _OPENING_QUOTE[closing]
    at = text.rfind(opening, line_start(text, start), start)
    if at < 0 or (at > 0 and text[at - 1] == "\u00c2"):
        return False
    # ... and it is the quote that closes it: none before it since, none after it until the next
    # opening quote (`“ALLÃ””` is `“ALLÔ”` mis-decoded inside a line that is not)
    line_end = _LINE_BREAK.search(text, end)
    stop = line_end.start() if line_end else len(text)
    reopened = text.find(opening, end, stop)
    return (
        closing not in text[at + 1 : start]
        and closing not in text[end : reopened if reopened >= 0 else stop]
    )


# The letters Vietnamese writes that neither Windows-1252 nor Latin-1 can show (`ă`, `đ`, `ơ`,
# `ư`, `ĩ`, `ũ` and the letters with two marks, `ệ`, `ườ`): a line that holds one intact was not
# decoded as either, where the whole of it went through the same decoder.
_VIETNAMESE_ONLY = re.compile(
    "[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]"
)
_DASHES = "\u2013\u2014"


def _vietnamese_letter(text: str, piece: Mojibake) -> bool:
    """Whether the piece is Vietnamese text, not mojibake, in a line with intact Vietnamese
    letters (`_VIETNAMESE_ONLY`): the capital `Ã` of a word in capitals glued to the next by a
    dash (`XÃ–PHƯỜNG`, which ftfy would make `XÖPHƯỜNG`: `–` is 96 in Windows-1252, C3 96 `Ö`),
    or `Â` as a word of its own (`Nguyễn Văn Â đã nói`, which ftfy would make a no-break space).
    Mis-decoded, the same pieces are `Ö` inside a word in capitals (`KÃ–LN`) and a no-break
    space (`10Â km`), in lines whose Vietnamese letters, if any, are mis-decoded too."""
    found = piece.found
    if len(found) != 2 or not found[0].isupper():
        return False
    start, end = piece.span.start, piece.span.end
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if found[1] in _DASHES:
        shape = before.isupper() and after.isupper()
    elif found == "Â ":
        shape = _a_word(text, piece)
    else:
        return False
    if not shape:
        return False
    line_end = _LINE_BREAK.search(text, end)
    stop = line_end.start() if line_end else len(text)
    return _VIETNAMESE_ONLY.search(text, line_start(text, start), stop) is not None


def vietnamese_words(
    text: str, found: tuple[Mojibake, ...], language: str | None
) -> tuple[Mojibake, ...]:
    """`found` without the pieces that, on a page in Vietnamese, are its letter `Â` as a word of
    its own (`Hôm nay Â và Ê`, `chữ Â`) on a line that holds no other damage: such a line may
    have no letter beyond Windows-1252 for `_vietnamese_letter` to go by, and ftfy would turn the
    letter into a no-break space. Mis-decoded, its other letters (`ô`, `à`, `ê`: `Ã´`, `Ã `,
    `Ãª`) would be damaged too, and a no-break space read as `Â` sticks to the word before it
    (`10Â km`), so what is left out is the letter of a line that is intact."""
    if (language or "").split("-")[0].lower() != "vi" or not any(m.found == "Â " for m in found):
        return found
    lines: dict[int, int] = {}
    for piece in found:
        start = line_start(text, piece.span.start)
        lines[start] = lines.get(start, 0) + 1
    return tuple(
        piece
        for piece in found
        if not (
            piece.found == "Â "
            and lines[line_start(text, piece.span.start)] == 1
            and _a_word(text, piece)
        )
    )


def _a_word(text: str, piece: Mojibake) -> bool:
    """Whether the piece `Â ` is a word of its own before a letter (see `_vietnamese_letter`)."""
    start, end = piece.span.start, piece.span.end
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return not before.isalnum() and after.isalpha()


# UTF-8 decoded as GBK (a scraper's guess for a Chinese page) turns `北京时间` into `鍖椾含鏃堕棿`:
# CJK again, so the single-byte check above never sees it. In a run of CJK characters, a stretch of four or more
# is taken for it only when its bytes in that encoding are, exactly and whole characters at both
# ends, UTF-8 of CJK text: genuine text almost never is (its bytes would have to fall into
# UTF-8's three-byte pattern, lead byte E3-ED then two continuation bytes, again and again).
_CJK_RUN = lazy_regex("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]{4,}")
# Besides CJK, a continuation byte read as a GBK lead byte gives the symbols of GBK's rows A1-A9:
# `㈠` (A2 E5) in `闄㈠` for `院`, the box drawing `╁` (A9 C1) in `澶╁` for `天`, kana, Greek.
_GBK_SYMBOLS = lazy_regex(
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
    "\u00a4-\u00f7\u0100-\u01dc\u02c7-\u02d9\u0391-\u03c9\u0401-\u0451\u2010-\u203b"
    "\u2103-\u2199\u2208-\u2312\u2460-\u249b\u2500-\u2573\u25a0-\u2642\u3000-\u3017"
    "\u3105-\u3129\u3220-\u3229\uff01-\uffe5]{4,}"
)
_UTF8_CJK = re.compile(rb"(?:[\xe3-\xed][\x80-\xbf][\x80-\xbf])+")
# The characters GBK writes as a byte from E3-ED and then one from 80-BF: UTF-8 of CJK decoded as
# GBK is made of them, one character in three at least; genuine text seldom has two close
# together. (Generated from the codec: tests/rules/test_mojibake.py checks it still matches.)
_GBK_SUSPECTS = (
    "刖妗妞妤妫妯妲妾姊姒姗姘姝姣姹娅娆娈娉娌娑娓娣娲娴娼婀婊婕婢婧婵宀宄宓宕宥宸寤寮寰彀怼恁恙恚恝恣恧恪恽悃悌悒悖悚悛悝悫悭"
    "悱悴悻惆惘惚惝惬惴愀愆愍愎愕愠愣愦愫慊慝慵憔憝憧憩憬懋懑戆戋戗戛戟戡戢戤戥戬搴搿擘攴攵敕敫斐斓斫於旃旄旆旌旎旒旖旮旯旰昃"
    "昊昕昙杈杌杓杞杩杲棣棰椁椋椐椤椴椹楂楗楝楠楣楦楫楱楸楹榀榄榇榈榉榘榛榧榫榭榻槌槎欤欷欹歃歆歙殳毂毪毳毵毹毽氅氆氇氍氕氘氙"
    "氚氡氤氩氪氲沓泶洄洇洌洎洙洚洧洫洮洳洵洹浃浈浍浏浒浔浜浞浠浣浯浼涑涓涔涞涠淇淼渚澧澶澹濂濉濞濠濡濮濯瀚瀛瀣瀵瀹灏灞炀炜爰"
    "牍牒牖琚琛瑁瑕瑗瑙瑜瑭瑷瑾璀璁璇璋璎璐璜璞璧璨璩璺瓒瓯瓴瓿甏甑甓甯矶矸砀砉砑砗砘砜砭纭纰纾绀绁绂绉绋绌绐绔绗绛绠绡绨绫绮"
    "绯绱绲绶绺绻绾缁缂缃缇缈缍耄聿肀肟膦臁臧虢褰觳蹇軎辍辎辏辘辚銆銇銈銉銊銋銌銍銏銐銑銒銓銔銕銖銗銘銙銚銛銜銝銞銟銠銡銢銣銤"
    "銥銦銧鋩鋪鋫鋬鋭鋮鋯鋰鋱鋲鋳鋴鋵鋶鋷鋸鋹鋺鋻鋼鋽鋾鋿錀錁錂錃錄錅錆錇錈錉鍊鍋鍌鍍鍎鍏鍐鍑鍒鍓鍔鍕鍖鍗鍘鍙鍚鍛鍜鍝鍞鍟鍠鍡"
    "鍢鍣鍤鍥鍦鍧鍨鍩鍫鎬鎭鎮鎯鎰鎱鎲鎳鎴鎵鎶鎷鎸鎹鎺鎻鎼鎽鎾鎿鏀鏁鏂鏃鏄鏅鏆鏇鏈鏉鏋鏌鏍鐎鐏鐐鐑鐒鐓鐔鐕鐖鐗鐘鐙鐚鐛鐜鐝鐞鐟"
    "鐠鐡鐢鐣鐤鐥鐦鐧鐨鐩鐪鐫鐬鐭鐮鑰鑱鑲鑳鑴鑵鑶鑷鑸鑹鑺鑻鑼鑽鑾鑿钀钁钂钃钄钑钖钘铇铏铓铔铚铦铻锜锠閫閬閭閮閯閰閱閲閳閴閵閶"
    "閷閸閹閺閻閼閽閾閿闀闁闂闃闄闅闆闇闈闉闊闋陘陙陚陜陝陞陠陣陥陦陫陭陮陯陰陱陳陸陹険陻陼陽陾陿隀隁隂隃隄隇隉隊雬雭雮雰雱雲"
    "雴雵雸雺電雼雽雿霂霃霅霊霋霌霐霑霒霔霕霗霘霙霚霛霝霟霠靲靵靷靸靹靺靻靽靾靿鞀鞁鞂鞃鞄鞆鞇鞈鞉鞊鞌鞎鞏鞐鞓鞕鞖鞗鞙鞚鞛鞜鞝"
    "韤韥韨韪韫韬韮韯韰韱韲韴韷韸韹韺韻韼韽韾響頀頁頂頃頄項順頇須頉頊頋頌頍頎飑飒飓飕飙飚骞齑"
)
_GBK_SUSPECT_PAIR = lazy_regex(f"[{_GBK_SUSPECTS}][^\\x00-\\x7f]{{0,4}}[{_GBK_SUSPECTS}]")
_MIN_DAMAGED = 4  # characters of mojibake: shorter stretches arise by chance
# Characters looked at: the positions of a hit are counted one character at a time, which a
# 50 MB file of such damage must not turn into minutes (any article is far shorter).
_DOUBLE_BYTE_SCAN = 1_000_000


def find_double_byte_mojibake(text: str, language: str | None = None) -> tuple[Mojibake, ...]:
    """Stretches of CJK that are UTF-8 decoded as GBK, with the text their bytes hold (the exact
    inverse, so nothing is guessed but the encoding); also legacy single-byte text read as
    Latin-1 (`_legacy_single_byte`), whose repair is as much an inference. `language` is the
    page's."""
    text = text[:_DOUBLE_BYTE_SCAN]
    if text.isascii() or _DOUBLE_BYTE_START.search(text) is None:
        return ()
    found: tuple[Mojibake, ...] = ()
    if _GBK_SUSPECT_PAIR.search(text) is not None:
        found = _double_byte(text, "gbk")
    if _sjis_suspect_pair().search(text) is not None:
        found += _double_byte(text, "cp932")
    legacy: list[Mojibake] = []
    # One scan for the characters the four patterns below start with, instead of four (most
    # texts outside ASCII, Chinese ones among them, hold none).
    single_byte = _SINGLE_BYTE_START.search(text) is not None
    if single_byte:
        if _LEGACY_WORD.search(text) is not None:
            legacy = _legacy_single_byte(text, language)
        legacy += _cyrillic_code_page_swap(text) if _CYRILLIC_WORD.search(text) is not None else []
        legacy += _central_european(text) if _SYMBOL_INSIDE.search(text) is not None else []
    # Every character `_czech_slovak_shown` looks for (`_CZECH_SLOVAK_MARKS`, `ì`, `ø` and their
    # capitals) lies in A1-FF or 81-FE, in `_SINGLE_BYTE_START`'s class: a text without one (a
    # Chinese article) is not searched again, with a pattern the engine tries at every character.
    if single_byte and _czech_slovak_shown(text):
        legacy += [
            m
            for m in _czech_slovak(text, language)
            if not any(_overlap(m.span, other.span) for other in legacy)
        ]
    if single_byte and _LEGACY_PAIRS.search(text) is not None:
        found += tuple(
            m for m in _legacy_chinese(text) if not any(_overlap(m.span, c.span) for c in legacy)
        )
    if legacy:
        found = tuple(sorted(found + tuple(legacy), key=lambda m: m.span.start))
    return found


# Russian, Ukrainian or Bulgarian saved in Windows-1251, or Greek in Windows-1253, and decoded as
# Windows-1252 or Latin-1 (a scraper that trusted a missing charset): every letter becomes an
# accented Latin one, `Ìèíèñòð ôèíàíñîâ` for `Министр финансов`, `Ç êõâÝñíçóç` for `Η κυβέρνηση`.
# The bytes are not UTF-8, so ftfy leaves them alone. Genuine Latin text has no words made only of
# such letters, three of them in a row; the reading must also give words of the script (a vowel in
# each, no capital inside a word), which tells the two code pages apart and keeps GBK's damage
# (`ÖÐÎÄ`) for `_legacy_chinese`.
# On a page in one of a code page's languages a single such word is enough (GBK's reading of
# `ôèíàíñîâ`, `翳磬眈钼`, makes no sense on a Russian page).
_LEGACY_SCRIPTS: tuple[tuple[str, str, str, frozenset[str]], ...] = (
    (
        "cp1251",
        "аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ",
        "Windows-1251",
        frozenset({"ru", "uk", "be", "bg", "sr", "mk"}),
    ),
    ("cp1253", "αεηιουωάέήίόύώϊϋΐΰΑΕΗΙΟΥΩΆΈΉΊΌΎΏ", "Windows-1253", frozenset({"el"})),
)
_MIN_LEGACY_WORDS = 3
# Bytes A1-FF shown as Windows-1252 (the same characters as Latin-1): a word of them between
# characters that are no letters or digits. Only words of three or more count towards the minimum
# and need a vowel; shorter ones (`â` for `в`) join the stretch when they read as letters.
# The class first, then the lookbehind on the character before it (the same matches as
# `(?<!\w)[\u00a1-\u00ff]+(?!\w)`): a search scans for the class instead of trying the
# lookbehind at every position, four times faster on an article in another script.
_LEGACY_WORD = lazy_regex(r"[\u00a1-\u00ff](?<!\w.)[\u00a1-\u00ff]*(?!\w)")
_LEGACY_LONG = 3
_ASCII_GAP = re.compile(r"[^A-Za-z\u0080-\uffff]*")


def _legacy_reading(word: str, encoding: str, vowels: str) -> str | None:
    """`word` (Latin-1 characters) read back in `encoding`, when that gives a word of its script."""
    try:
        original = word.encode("latin-1").decode(encoding)
    except UnicodeDecodeError:
        return None  # a byte the code page leaves undefined
    if not original.isalpha():
        return None
    if len(original) >= _LEGACY_LONG and not any(char in vowels for char in original):
        return None
    if not (original.islower() or original.isupper() or original[1:].islower()):
        return None  # `кхвЭснзуз`: a capital inside the word, no word of the script
    return original


def _legacy_single_byte(text: str, language: str | None) -> list[Mojibake]:
    """Stretches of at least `_MIN_LEGACY_WORDS` such words (one on a page in the script's
    language), with only ASCII punctuation, digits and spaces between them, that read as words of
    one of `_LEGACY_SCRIPTS`."""
    primary = (language or "").split("-")[0].lower()
    scripts = sorted(_LEGACY_SCRIPTS, key=lambda script: primary not in script[3])
    groups: list[list[re.Match[str]]] = []
    for match in _LEGACY_WORD.finditer(text):
        last = groups[-1][-1] if groups else None
        if last is not None and _ASCII_GAP.fullmatch(text, last.end(), match.start()):
            groups[-1].append(match)
        else:
            groups.append([match])
    out = []
    for group in groups:
        long_words = sum(len(m.group(0)) >= _LEGACY_LONG for m in group)
        words = [m.group(0) for m in group]
        reading = next(
            (
                (encoding, name)
                for encoding, vowels, name, languages in scripts
                if long_words >= (1 if primary in languages else _MIN_LEGACY_WORDS)
                and all(_legacy_reading(word, encoding, vowels) for word in words)
            ),
            None,
        )
        if reading is None:
            continue
        start, end = group[0].start(), group[-1].end()
        damaged = text[start:end]
        fixed = damaged.encode("latin-1").decode(reading[0])
        what = f"{reading[1]} text decoded as Latin-1"
        out.append(Mojibake(Span(start, end), damaged, fixed, what))
    return out


# Russian saved in KOI8-R and read as Windows-1251, or the other way round: Cyrillic again, with
# the case turned about, since KOI8-R keeps the small letters where Windows-1251 keeps the capitals
# (`нЙОЙУФТ ЖЙОБОУПЧ` for `Министр финансов`, `лХМХЯРП ТХМЮМЯНБ` the other way). Every word of
# the damage is in capitals, or a small letter then capitals (a sentence's first word), which
# Russian prose never is; a headline in capitals is told apart by that first word, which it lacks,
# and by its reading, which must be words (a vowel in each, no capital inside) mostly in small
# letters.
_CYRILLIC_SWAPS: tuple[tuple[str, str, str], ...] = (
    ("cp1251", "koi8_r", "KOI8-R text decoded as Windows-1251"),
    ("koi8_r", "cp1251", "Windows-1251 text decoded as KOI8-R"),
)
# The class first, as `_LEGACY_WORD` (the same matches as `(?<!\w)[...]+(?!\w)`).
_CYRILLIC_WORD = lazy_regex(
    r"[\u0401\u0410-\u044f\u0451](?<!\w.)[\u0401\u0410-\u044f\u0451]*(?!\w)"
)
_RUSSIAN_VOWELS = "аеёиоуыэюяАЕЁИОУЫЭЮЯ"


# A `_CYRILLIC_WORD` in swapped case (`ЖЙОБОУПЧ`, `нЙОЙУФТ`: capitals, or a small letter then
# capitals; a word of one letter tells nothing): the same matches as that pattern's whose letters
# after the first are all capitals, found without a step in Python per word of Russian prose.
_SWAPPED_CYRILLIC_WORD = lazy_regex(
    r"[\u0401\u0410-\u044f\u0451](?<!\w.)[\u0401\u0410-\u042f]*(?!\w)"
)


def _swapped_stretches(text: str) -> list[list[re.Match[str]]]:
    """The words in swapped case of `text`, grouped into stretches with no letter between two
    words of one stretch (a word written as Russian writes it is letters between, and ends one)."""
    groups: list[list[re.Match[str]]] = []
    last_end = -1
    for match in _SWAPPED_CYRILLIC_WORD.finditer(text):
        if last_end >= 0 and not any(map(str.isalpha, text[last_end : match.start()])):
            groups[-1].append(match)
        else:
            groups.append([match])
        last_end = match.end()
    return groups


def _cyrillic_code_page_swap(text: str) -> list[Mojibake]:
    """Stretches of at least `_MIN_LEGACY_WORDS` Cyrillic words of three letters or more, with
    no letter between them, all in swapped case and one of them a small letter then capitals,
    whose reading in the other code page is Russian words, mostly in small letters."""
    groups = _swapped_stretches(text)
    out = []
    for group in groups:
        words = [m.group(0) for m in group]
        long_words = [word for word in words if len(word) >= _LEGACY_LONG]
        if len(long_words) < _MIN_LEGACY_WORDS:
            continue
        if not any(word[0].islower() for word in long_words):
            continue  # a headline in capitals
        start, end = group[0].start(), group[-1].end()
        damaged = text[start:end]
        for wrong, right, what in _CYRILLIC_SWAPS:
            try:
                fixed = damaged.encode(wrong).decode(right)
            except UnicodeError:
                continue
            fixed_words = _CYRILLIC_WORD.findall(fixed)
            if len(fixed_words) != len(words):
                continue
            if (
                all(_russian_word(word) for word in fixed_words)
                and sum(word.islower() for word in fixed_words) * 2 >= len(fixed_words)
                and _vowel_share(fixed) >= max(_RUSSIAN_VOWEL_SHARE, _vowel_share(damaged) + 0.05)
            ):
                out.append(Mojibake(Span(start, end), damaged, fixed, what))
                break
    return out


# Vowels are four letters in ten of Russian prose (a third at the least in a sentence); the other
# code page's reading of a genuine text in capitals has far fewer (`ВАКЦИНЫ РАБОТАЮТ` reads
# `чблгйощ тбвпфбаф`), and so has the damage itself.
_RUSSIAN_VOWEL_SHARE = 0.33


def _vowel_share(text: str) -> float:
    letters = [char for char in text if char.isalpha()]
    return sum(char in _RUSSIAN_VOWELS for char in letters) / len(letters) if letters else 0.0


def _russian_word(word: str) -> bool:
    """A word as Russian writes it: small letters, capitalised or in capitals, and a vowel in it
    when it has three letters or more."""
    if not (word.islower() or word.isupper() or word[1:].islower()):
        return False
    return len(word) < _LEGACY_LONG or any(char in _RUSSIAN_VOWELS for char in word)


# Polish, Czech or Slovak saved in Windows-1250 or ISO-8859-2 and read as Windows-1252 or Latin-1:
# the letters that Latin-1 lacks become symbols inside words (`Za¿ó³æ gêœl¹` for `Zażółć gęślą`,
# `w¶rodê` for `w środę`), which genuine text never has between two letters. Three words with
# such a symbol inside on one line tell the damage from chance; the line is read back whole in
# the code page that turns every character of it into a letter or a quotation mark or dash.
# (Not the middle dot: Catalan writes it between two l's, `col·lecció`; nor the Spanish `¿` and
# `¡`, which a glued question brings between letters, `dijo¿qué`: they are repaired on a line
# the other symbols show to be damaged, `¿` standing for `ż`.)
_CENTRAL_SYMBOLS = "".join(
    chr(code) for code in range(0xA1, 0xC0) if not chr(code).isalpha() and chr(code) not in "·¿¡"
)
# The class first: a search scans for it (a lookbehind first is tried at every position).
_SYMBOL_INSIDE = lazy_regex(
    f"[{re.escape(_CENTRAL_SYMBOLS)}](?<=[^\\W\\d_].)(?=[^\\W\\d_])", re.DOTALL
)
_CENTRAL_PAGES = (("cp1252", "cp1250", "Windows-1250"), ("latin-1", "iso8859_2", "ISO-8859-2"))
_TOKEN_RE = re.compile(r"\S+")
_CENTRAL_PUNCTUATION = frozenset("„”“‚‘’–—…«»\u00a0")


def _central_byte(char: str, wrong: str) -> bytes | None:
    """The byte `char` stands for when text was decoded as `wrong` (a C1 control for a byte
    Windows-1252 leaves undefined, as browsers show it)."""
    try:
        return char.encode(wrong)
    except UnicodeEncodeError:
        return bytes([ord(char)]) if "\x80" <= char <= "\x9f" else None


def _central_european(text: str) -> list[Mojibake]:
    """Lines with three words or more that hold a Latin-1 symbol between two letters, read back
    in Windows-1250 or ISO-8859-2 (the one that gives letters for all of the line's characters
    past ASCII, in words written as words are)."""
    out: list[Mojibake] = []
    line_start = 0
    for line in text.split("\n"):
        base, line_start = line_start, line_start + len(line) + 1
        if _SYMBOL_INSIDE.search(line) is None:
            continue
        words = sum(
            _SYMBOL_INSIDE.search(line, token.start(), token.end()) is not None
            for token in _TOKEN_RE.finditer(line)
        )
        if words < _MIN_LEGACY_WORDS:
            continue
        high = [at for at, char in enumerate(line) if ord(char) > 0x7F]
        first, last = high[0], high[-1] + 1
        damaged = line[first:last]
        for wrong, right, name in _CENTRAL_PAGES:
            fixed = _central_reading(damaged, wrong, right)
            if fixed is not None:
                what = f"{name} text decoded as {encoding_name(wrong)}"
                out.append(Mojibake(Span(base + first, base + last), damaged, fixed, what))
                break
    return out


def _central_reading(damaged: str, wrong: str, right: str) -> str | None:
    """`damaged` read back in `right`, when every character past ASCII becomes a letter, a
    quotation mark or a dash, and every word is written as words are (no capital inside)."""
    chars = []
    for char in damaged:
        if char.isascii():
            chars.append(char)
            continue
        data = _central_byte(char, wrong)
        if data is None:
            return None
        try:
            original = data.decode(right)
        except UnicodeDecodeError:
            return None
        if not (unicodedata.category(original) in ("Lu", "Ll") or original in _CENTRAL_PUNCTUATION):
            return None  # (a modifier letter such as the caron `ˇ` is no letter of a word)
        chars.append(original)
    fixed = "".join(chars)
    for word in re.findall(r"[^\W\d_]+", fixed):
        if not (word.islower() or word.isupper() or word[1:].islower()):
            return None
    return fixed


# Czech or Slovak saved in Windows-1250 or ISO-8859-2 and read as Windows-1252 or Latin-1: most of
# their own letters turn into other letters rather than symbols (`pøíští` for `příští`, `rozpoèet`
# for `rozpočet`, `kùò` for `kůň`, `¾e` for `že`, `ïalší` for `ďalší`), which the symbol test
# above misses. A line is read back whole when three of its words (two on a Czech or Slovak
# page) change into words with a letter only Czech and Slovak write (`ě č ř ů ň ď ť ľ ĺ ŕ`), every
# character of it past ASCII reads as a letter of their alphabets (or a quotation mark or dash),
# and it holds `š`, `ž`, `ť`, `ľ` or `ý` once read. French (`très`, `à`), Italian (`più`,
# `così`) and Danish (`på øen`) read as such letters too, and their other letters (`ç`, `ê`, `æ`,
# `ñ`) as none of Czech or Slovak; so the damage must also show what none of them writes: `ø`
# (for `ř`) beside `è`, `ì`, `ù` or `ò` (for `č`, `ě`, `ů`, `ň`), an `ì` inside a word (`mìsto`,
# Italian sets it last), or a symbol or control character against a letter (`¾e` for `že`,
# `pøí¹tí`, `\x9d` for `ť`).
_CZECH_SLOVAK = frozenset("áäčďéěíĺľňóôŕřšťúůýžÁÄČĎÉĚÍĹĽŇÓÔŔŘŠŤÚŮÝŽ")
_CZECH_SLOVAK_OWN = frozenset("ěčřůňďťľĺŕĚČŘŮŇĎŤĽĹŔ")
_CZECH_SLOVAK_SIGN = frozenset("šžťľýŠŽŤĽÝ")
_CZECH_SLOVAK_LANGUAGES = frozenset({"cs", "sk"})
_CZECH_SLOVAK_BESIDE_R = frozenset("èìùòÈÌÙÒ")
_CZECH_SLOVAK_MARKS = "¾¼¹\x8d\x9a\x9d\x9e"
# The class of both first characters first, then which one it was (a lookbehind): a search then
# scans for the class, where a pattern of two alternatives is tried at every character (five
# times slower on an article; the matches are the same).
_CZECH_SLOVAK_SHOWN = lazy_regex(
    f"[ìÌ{_CZECH_SLOVAK_MARKS}](?:(?<=[ìÌ])(?=[^\\W\\d_])"
    f"|(?<=[{_CZECH_SLOVAK_MARKS}])(?:(?<=[^\\W\\d_].)|(?=[^\\W\\d_])))",
    re.DOTALL,
)


def _czech_slovak(text: str, language: str | None) -> list[Mojibake]:
    """Lines of Czech or Slovak read in the wrong code page (see above), read back whole in
    Windows-1250 or ISO-8859-2."""
    primary = (language or "").split("-")[0].lower()
    least = 2 if primary in _CZECH_SLOVAK_LANGUAGES else _MIN_LEGACY_WORDS
    out: list[Mojibake] = []
    line_start = 0
    for line in text.split("\n"):
        base, line_start = line_start, line_start + len(line) + 1
        if not _czech_slovak_shown(line):
            continue  # no such damage, or French, Italian or Danish, read as Czech letters too
        high = [at for at, char in enumerate(line) if ord(char) > 0x7F]
        first, last = high[0], high[-1] + 1
        damaged = line[first:last]
        for wrong, right, name in _CENTRAL_PAGES:
            fixed = _central_reading(damaged, wrong, right)
            if fixed is None or not _czech_slovak_reading(damaged, fixed, least):
                continue
            read_as = encoding_name(wrong)
            if wrong == "cp1252" and any(char in _LATIN1_ONLY for char in damaged):
                read_as = encoding_name("latin-1")  # `\x9a` for `š`: Windows-1252 shows `š`
            what = f"{name} text decoded as {read_as}"
            out.append(Mojibake(Span(base + first, base + last), damaged, fixed, what))
            break
    return out


def _czech_slovak_shown(damaged: str) -> bool:
    """Whether the damage shows what no French, Italian or Danish text writes (see above)."""
    if ("ø" in damaged or "Ø" in damaged) and _CZECH_SLOVAK_BESIDE_R.intersection(damaged):
        return True
    return _CZECH_SLOVAK_SHOWN.search(damaged) is not None


# C1 controls that Windows-1252 shows as characters: text that holds one was read as Latin-1.
_LATIN1_ONLY = frozenset(chr(byte) for byte in range(0x80, 0xA0)) - frozenset(
    "\x81\x8d\x8f\x90\x9d"
)


def _czech_slovak_reading(damaged: str, fixed: str, least: int) -> bool:
    """Whether `fixed`, read from `damaged` character for character, is Czech or Slovak text in
    which at least `least` words changed into words with a letter only those languages write (or
    with a letter where the damage shows a symbol or a control character: `¹` for `š`)."""
    if not _CZECH_SLOVAK_SIGN.intersection(fixed):
        return False
    if any(
        not char.isascii() and char not in _CZECH_SLOVAK and char not in _CENTRAL_PUNCTUATION
        for char in fixed
    ):
        return False
    changed = 0
    for token in _TOKEN_RE.finditer(fixed):
        start, end = token.span()
        changed += any(
            fixed[at] != damaged[at]
            and (fixed[at] in _CZECH_SLOVAK_OWN or not damaged[at].isalpha())
            for at in range(start, end)
        )
    return changed >= least


# Chinese saved in GBK or Big5 and decoded as Latin-1 or Windows-1252 (a scraper that trusted a
# missing charset): each character becomes two, a lead byte's (81-FE) and a trail byte's (40-7E,
# 80-FE), `ÖÐÎÄ` for GBK `中文`, `¤¤¤å` for Big5 `中文`. ftfy takes pieces of it for UTF-8 read as
# Latin-1 and would "repair" `Å±` to `ű`. The Windows-1252 characters of bytes 80-9F count too.
# (Worked out on first use, as the classes below: an ASCII text never needs the codec.)
@cache
def _cp1252_bytes() -> dict[str, int]:
    return {
        char: byte
        for byte in range(0x80, 0xA0)
        for char in [bytes([byte]).decode("cp1252", "replace")]
        if char != "\ufffd"
    }


def _lead() -> str:
    return "\x81-\xfe" + "".join(c for c, b in _cp1252_bytes().items() if b >= 0x81)


def _trail() -> str:
    return "\x40-\x7e\x80-\xfe" + "".join(_cp1252_bytes())


# The first pair is written out: a pattern that starts with a character class is searched by a
# scan for that class, one that starts with a repeat is tried at every position (20 times slower
# on an article; the matches are the same).
_LEGACY_PAIRS = lazy_regex(
    lambda: f"[{_lead()}][{_trail()}](?:[{_lead()}][{_trail()}]){{{_MIN_DAMAGED - 1},}}"
)


def _single_byte_class() -> str:
    """Every character a match of `_LEGACY_WORD`, `_CYRILLIC_WORD`, `_SYMBOL_INSIDE` or
    `_LEGACY_PAIRS` starts with (their first classes; `_CENTRAL_SYMBOLS` lie in A1-FF), and every
    character `_czech_slovak_shown` needs: a text without one holds no match of any of them."""
    return f"\\u00a1-\\u00ff\\u0401\\u0410-\\u044f\\u0451{_lead()}"


_SINGLE_BYTE_START = lazy_regex(lambda: f"[{_single_byte_class()}]")
# Han characters and CJK and full-width punctuation: what a Chinese original is made of (kana,
# Greek or box drawing, which GBK and Big5 also hold, are no sign of Chinese prose).
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_HAN_TEXT = lazy_regex("[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+")


def _mostly_common(data: bytes, encoding: str) -> bool:
    """Whether at least half the characters of `data` come from the encoding's everyday block:
    GB2312's (lead A1-F7, trail A1-FE) in GBK, the frequent characters (lead A4-C6) in Big5.

    Chinese prose is made of them; a Latin word whose accented letters alternate with ASCII ones
    (Turkish `günümüzün`, German `für`) pairs up as a high lead and an ASCII trail, which in GBK
    only the rare extension rows hold (`ünümüzün` would be `黱黰鼁黱`)."""
    pairs = list(zip(data[::2], data[1::2], strict=False))
    if encoding == "gbk":
        common = sum(0xA1 <= lead <= 0xF7 and 0xA1 <= trail <= 0xFE for lead, trail in pairs)
    else:
        common = sum(0xA4 <= lead <= 0xC6 for lead, _ in pairs)
    return common * 2 >= len(pairs)


def _legacy_chinese(text: str) -> tuple[Mojibake, ...]:
    """Runs of at least `_MIN_DAMAGED` lead-and-trail pairs whose bytes are GBK or Big5 of Chinese
    text. Where both read as Han, the lead bytes choose: A4-AF lead Big5's common characters (in
    GBK they are kana, Greek and unassigned rows), C7-D7 lead GB2312's (Big5's rarer ones)."""
    out = []
    for match in _LEGACY_PAIRS.finditer(text):
        damaged = match.group(0)
        if len(set(damaged)) * 2 < len(damaged):
            continue  # a rule of `——————` or non-breaking spaces: prose has varied characters
        data = bytes(_cp1252_bytes().get(char, ord(char) & 0xFF) for char in damaged)
        utf8 = sum(len(seq) for seq in _UTF8_SEQUENCE.findall(data))
        if utf8 * 2 >= sum(byte >= 0x80 for byte in data):
            # UTF-8 read as Latin-1 (Greek `Î•Î»`, Korean `ì •ë¶€`) is ftfy's kind: its bytes are
            # mostly UTF-8 sequences, where GBK and Big5 text form one now and then (`Å±`).
            continue
        readings = {}
        for encoding, name in (("gbk", "GBK"), ("big5", "Big5")):
            try:
                original = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if (
                _HAN_TEXT.fullmatch(original)
                and len(set(original)) * 2 >= len(original)
                and _mostly_common(data, encoding)
            ):
                readings[name] = original
        if not readings:
            continue
        name = next(iter(readings))
        if len(readings) == 2:
            leads = data[::2]
            big5 = sum(0xA4 <= lead <= 0xAF for lead in leads)
            gbk = sum(0xC7 <= lead <= 0xD7 for lead in leads)
            name = "Big5" if big5 > gbk else "GBK"
        latin = "Windows-1252" if any(char in _cp1252_bytes() for char in damaged) else "Latin-1"
        out.append(
            Mojibake(
                Span(match.start(), match.end()),
                damaged,
                readings[name],
                f"{name} text decoded as {latin}",
            )
        )
    return tuple(out)


@cache
def _sjis_suspects() -> str:
    """The characters Shift_JIS (Windows-31J) writes as a byte from E3-ED then one from 80-BF, as
    a class (worked out from the codec on first use)."""
    chars = []
    for lead in range(0xE3, 0xEE):
        for trail in range(0x80, 0xC0):
            try:
                chars.append(bytes([lead, trail]).decode("cp932"))
            except UnicodeDecodeError:
                continue
    return _cls("".join(chars))


@lru_cache(maxsize=1)
def _sjis_suspect_pair() -> re.Pattern[str]:
    """Two characters close together of `_sjis_suspects`: UTF-8 of CJK read as Shift_JIS, the
    classic `文字化け` (`縺ゅ≠`), is made of them, like GBK's `_GBK_SUSPECTS`."""
    suspects = _sjis_suspects()
    return re.compile(f"{suspects}[^\\x00-\\x7f]{{0,4}}{suspects}")


def _double_byte_start() -> str:
    """Every character a match of the searches of `find_double_byte_mojibake` starts with, as
    one class: the GBK and Shift_JIS suspects and `_SINGLE_BYTE_START`'s (which the Czech and
    Slovak damage lies in too)."""
    return f"[{_GBK_SUSPECTS}{_sjis_suspects()[1:-1]}{_single_byte_class()}]"


# One scan of a text without any of them (a Chinese article in its own encoding, as nearly every
# one is) instead of three, for the GBK suspects, the Shift_JIS ones and `_SINGLE_BYTE_START`.
_DOUBLE_BYTE_START = lazy_regex(_double_byte_start)

_DOUBLE_BYTE_NAMES = {"gbk": "GBK", "cp932": "Shift_JIS (Windows-31J)"}


def _double_byte(text: str, encoding: str) -> tuple[Mojibake, ...]:
    # The whole text at once (what the encoding cannot hold becomes `?`): the byte pattern is looked
    # for by the regex engine, and character positions are worked out only around a hit.
    data = text.encode(encoding, "replace")
    hits = [m for m in _UTF8_CJK.finditer(data) if m.end() - m.start() >= 3 * _MIN_DAMAGED]
    return _damaged(text, data, hits, encoding) if hits else ()


def _damaged(
    text: str, data: bytes, hits: list[re.Match[bytes]], encoding: str
) -> tuple[Mojibake, ...]:
    """The hits that start and end on character boundaries of `text` in `data` and hold UTF-8
    of CJK text."""
    bounds: dict[int, int] = {}
    offset = 0
    for index, char in enumerate(text):
        bounds[offset] = index
        offset += 1 if char < "\x80" else len(char.encode(encoding, "replace"))
    bounds[offset] = len(text)
    what = f"UTF-8 text decoded as {_DOUBLE_BYTE_NAMES[encoding]}"
    out = []
    for hit in hits:
        first, last = bounds.get(hit.start()), bounds.get(hit.end())
        if first is None or last is None or last - first < _MIN_DAMAGED:
            continue
        damaged = text[first:last]
        original = hit.group(0).decode("utf-8", "replace")
        looks_damaged = (
            bool(_GBK_SYMBOLS.fullmatch(damaged) and _CJK_RUN.search(damaged))
            if encoding == "gbk"
            else not any(c.isspace() for c in damaged)
        )
        if looks_damaged and "\ufffd" not in original and _CJK_TEXT.fullmatch(original):
            out.append(Mojibake(Span(first, last), damaged, original, what))
    return tuple(out)


_CJK_TEXT = lazy_regex(
    "[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+"
)

# ------------------------------------------------------------------------- invisible characters

ZERO_WIDTH = {
    "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER",
    "\u200d": "ZERO WIDTH JOINER",
    "\u2060": "WORD JOINER",
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE",
    "\u180e": "MONGOLIAN VOWEL SEPARATOR",
    "\u2061": "FUNCTION APPLICATION",
    "\u2062": "INVISIBLE TIMES",
    "\u2063": "INVISIBLE SEPARATOR",
    "\u2064": "INVISIBLE PLUS",
}
BIDI = {
    "\u200e": "LEFT-TO-RIGHT MARK",
    "\u200f": "RIGHT-TO-LEFT MARK",
    "\u061c": "ARABIC LETTER MARK",
    "\u202a": "LEFT-TO-RIGHT EMBEDDING",
    "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
    "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE",
}
# The explicit embeddings, overrides and isolates: what "Trojan Source" hides code with. (The
# marks U+200E, U+200F and U+061C only nudge neutral characters.)
EXPLICIT_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Overrides force an order on letters: right-to-left text needs marks, embeddings or isolates, never
# these, so they are reported in any text.
OVERRIDES = frozenset("\u202d\u202e")
# `[...][...]*`, not `[...]+`: a pattern that starts with a character class is searched by a scan
# for that class, a repeat is tried at every position (four times slower over an article that is
# not ASCII; the matches are the same).
_INVISIBLE = "[" + "".join(ZERO_WIDTH) + "".join(BIDI) + "]"
INVISIBLE_RUN = re.compile(_INVISIBLE + _INVISIBLE + "*")
# Hebrew, Arabic, Syriac, Thaana, N'Ko ... and their presentation forms: text that needs bidi marks.
RTL_TEXT = lazy_regex("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff]")


def _in_ranges(char: str, ranges: tuple[tuple[int, int], ...]) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in ranges)


# Scripts whose spelling uses ZWJ/ZWNJ (Arabic, Syriac, Indic, Sinhala, Myanmar, Khmer, Mongolian).
_JOINING_SCRIPTS = (
    (0x0600, 0x08FF),
    (0x0900, 0x0DFF),
    (0x1000, 0x109F),
    (0x1780, 0x18AF),
    (0xA8E0, 0xA8FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)
# Scripts written without spaces, where ZWSP marks word boundaries (Thai, Lao, Tibetan, Myanmar, Khmer).
_NO_SPACE_SCRIPTS = ((0x0E00, 0x0FFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x1950, 0x19DF))
# Emoji (roughly Extended_Pictographic), skin tones, VS16 and the keycap: what a ZWJ joins in a
# sequence such as 👨‍👩‍👧 or 🏳️‍🌈.
_EMOJI = (
    (0x00A9, 0x00A9),
    (0x00AE, 0x00AE),
    (0x203C, 0x203C),
    (0x2049, 0x2049),
    (0x20E3, 0x20E3),
    (0x2122, 0x2122),
    (0x2139, 0x2139),
    (0x2190, 0x2BFF),
    (0x3030, 0x3030),
    (0x303D, 0x303D),
    (0x3297, 0x3299),
    (0xFE0F, 0xFE0F),
    (0x1F000, 0x1FAFF),
)


def invisible_is_legitimate(text: str, start: int, end: int, has_rtl: bool) -> bool:
    """Whether the run `text[start:end]` is part of the text's spelling rather than debris."""
    run = text[start:end]
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if all(c in BIDI for c in run):
        return has_rtl and OVERRIDES.isdisjoint(run)
    if len(run) != 1:
        return False
    emoji_joiner = run == "\u200d" and bool(before and after)
    if emoji_joiner and _in_ranges(before, _EMOJI) and _in_ranges(after, _EMOJI):
        return True
    if run in "\u200c\u200d" and before and _in_ranges(before, _JOINING_SCRIPTS):
        return True
    return (
        run == "\u200b"
        and bool(before and after)
        and _in_ranges(before, _NO_SPACE_SCRIPTS)
        and _in_ranges(after, _NO_SPACE_SCRIPTS)
    )


def code_starts_and_spans(document: Document) -> tuple[list[int], list[Span]]:
    """The spans of the body's code (blocks and inline), sorted, with their starts for bisection."""
    from newslint.events import Code

    spans = sorted(
        (node.span for node in document.body_nodes if isinstance(node, Code)),
        key=lambda span: span.start,
    )
    return [span.start for span in spans], spans


def in_code(code: tuple[list[int], list[Span]], offset: int) -> bool:
    """Whether `offset` is inside one of the spans from `code_starts_and_spans`."""
    starts, spans = code
    index = bisect_right(starts, offset) - 1
    return index >= 0 and offset < spans[index].end


def char_names(run: str) -> str:
    """`U+200B ZERO WIDTH SPACE`, `21 × U+200D ZERO WIDTH JOINER`, or several, comma-joined."""
    groups: list[tuple[str, int]] = []
    for char in run:
        if groups and groups[-1][0] == char:
            groups[-1] = (char, groups[-1][1] + 1)
        else:
            groups.append((char, 1))
    parts = []
    for char, count in groups[:4]:
        name = ZERO_WIDTH.get(char) or BIDI.get(char) or unicodedata.name(char, "")
        label = f"U+{ord(char):04X}" + (f" {name}" if name else "")
        parts.append(f"{count} × {label}" if count > 1 else label)
    if len(groups) > 4:
        parts.append("…")
    return ", ".join(parts)


# ------------------------------------------------------------------------- invalid bytes

# UTF-32 first: its little-endian mark starts with UTF-16's.
_FOREIGN_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32 LE"),
    (b"\x00\x00\xfe\xff", "UTF-32 BE"),
    (b"\xff\xfe", "UTF-16 LE"),
    (b"\xfe\xff", "UTF-16 BE"),
)


def foreign_encoding(raw: bytes) -> tuple[str, str] | None:
    """(encoding, evidence) of a file that is not meant as UTF-8 at all, such as UTF-16.

    Read as UTF-8, such a file is a NUL between every two letters and a bad byte for every other
    letter; reporting those one by one (or "transcoding" them) would be noise and garbage, so the
    EN rules leave such a file to one `invalid-utf8` diagnostic.
    """
    for bom, name in _FOREIGN_BOMS:
        if raw.startswith(bom):
            return name, "byte order mark " + " ".join(f"{b:02X}" for b in bom)
    sample = raw[:4096]
    nuls = sample.count(0)
    # UTF-16 text in a Latin script has a NUL in every other byte; a UTF-8 article has none, or
    # a stray one that `control-char` reports.
    if not sample or nuls * 4 < len(sample):
        return None
    if len(raw) % 4 == 0:
        # UTF-32: a code point is at most 10FFFF, so of its four bytes the highest is NUL and the
        # next at most 10 (NUL below U+10000): the last two of four (LE) or the first two (BE).
        if not sample[3::4].strip(b"\x00") and max(sample[2::4], default=0) <= 0x10:
            return "UTF-32 LE", "every fourth byte is NUL"
        if not sample[0::4].strip(b"\x00") and max(sample[1::4], default=0) <= 0x10:
            return "UTF-32 BE", "every fourth byte is NUL"
    odd = sum(1 for index in range(1, len(sample), 2) if sample[index] == 0)
    if odd * 10 >= nuls * 9:
        return "UTF-16 LE", "every other byte is NUL"
    if (nuls - odd) * 10 >= nuls * 9:
        return "UTF-16 BE", "every other byte is NUL"
    return None


_CODECS = {"UTF-16 LE": "utf-16-le", "UTF-16 BE": "utf-16-be"}
_CODECS |= {"UTF-32 LE": "utf-32-le", "UTF-32 BE": "utf-32-be"}


def transcode_foreign(raw: bytes, encoding: str) -> str | None:
    """The text of a file `foreign_encoding` found in `encoding` (its BOM left out), or None when
    the decoding is not certain: a byte that does not decode (an odd length, a lone surrogate), or
    for a file without a BOM, whose encoding was told by its NUL bytes, a control character other
    than a tab or a line break (binary data decodes to those). A U+FFFD in the text also gives
    None: the fixer reads U+FFFD as a byte kept from the original and would write that back."""
    bom = next((mark for mark, name in _FOREIGN_BOMS if name == encoding), b"")
    marked = raw.startswith(bom) and bool(bom)
    try:
        decoded = raw[len(bom) if marked else 0 :].decode(_CODECS[encoding])
    except (UnicodeDecodeError, KeyError):
        return None
    if "\ufffd" in decoded or "\x00" in decoded or not (marked or _plausible_text(decoded)):
        return None
    return decoded


_BY_LANGUAGE = {
    "zh": ("gb18030",),
    "zh-hk": ("big5hkscs", "gb18030"),
    "zh-tw": ("big5hkscs", "gb18030"),
    "zh-mo": ("big5hkscs", "gb18030"),
    "zh-hant": ("big5hkscs", "gb18030"),
    "ja": ("cp932", "euc_jp"),
    "ko": ("cp949",),
    "ru": ("cp1251", "koi8_r"),
    "uk": ("cp1251", "koi8_u"),
    "be": ("cp1251",),
    "bg": ("cp1251",),
    "sr": ("cp1251",),
    "mk": ("cp1251",),
    "el": ("cp1253",),
    "tr": ("cp1254",),
    "he": ("cp1255",),
    "ar": ("cp1256",),
    "fa": ("cp1256",),
    "pl": ("cp1250",),
    "cs": ("cp1250",),
    "sk": ("cp1250",),
    "hu": ("cp1250",),
    "hr": ("cp1250",),
    "sl": ("cp1250",),
    "ro": ("cp1250",),
    "lt": ("cp1257",),
    "lv": ("cp1257",),
    "et": ("cp1257",),
    "vi": ("cp1258",),
    "th": ("cp874",),
}


def candidate_encodings(language: str | None) -> tuple[str, ...]:
    """Legacy encodings to try for bytes that are not UTF-8, likeliest first (Windows-1252 last)."""
    found: tuple[str, ...] = ()
    if language:
        tag = language.lower().replace("_", "-")
        found = _BY_LANGUAGE.get(tag) or _BY_LANGUAGE.get(tag.split("-")[0], ())
    return (*found, "cp1252") if "cp1252" not in found else found


def _plausible(decoded: str) -> bool:
    return not any(unicodedata.category(c) in ("Cc", "Co", "Cn") for c in decoded)


def detect_encoding(runs: list[bytes], language: str | None) -> str | None:
    """The first candidate encoding that turns every run into ordinary characters, or None."""
    for encoding in candidate_encodings(language):
        try:
            if all(_plausible(run.decode(encoding)) for run in runs):
                return encoding
        except UnicodeDecodeError:
            continue
    return None


# Encodings with two-byte characters. Read as UTF-8, their files split into runs at trail bytes
# that are ASCII (Shift JIS "都" is 93 73, "s" for the second byte) or at byte pairs that happen
# to be valid UTF-8 (GBK "日，" C8 D5 A3 AC holds D5 A3, Armenian "գ"): no run decodes alone.
_MULTIBYTE = frozenset({"gb18030", "big5hkscs", "cp932", "euc_jp", "cp949"})
_LINE_CONTROLS = frozenset("\t\n\r")


def _plausible_text(decoded: str) -> bool:
    return not any(
        unicodedata.category(c) in ("Cc", "Co", "Cn") and c not in _LINE_CONTROLS for c in decoded
    )


def detect_file_encoding(
    raw: bytes, text: str, invalid: int, language: str | None, *, scored_only: bool = False
) -> tuple[str, str] | None:
    """(encoding, decoded text) when the whole file is in a multi-byte legacy encoding.

    For when the bad runs do not decode one by one. Only for a file that is mostly not UTF-8
    (more bad bytes than valid non-ASCII characters), so a UTF-8 article with a few legacy bytes
    keeps its UTF-8 text. The file must decode without error to ordinary characters that read as
    real text of the encoding's language (`score_legacy_cjk`), whatever the article's language
    says: a Korean article scraped into an English site is found as EUC-KR, and a Chinese one in
    Big5 is not taken for GB18030 (in which any pairs of bytes decode). The language's own
    encodings are preferred when several readings pass. A text too short to judge (fewer than
    `_MIN_SCORED` non-ASCII characters, or `_MIN_HITS` frequent ones: `_too_short_to_judge`) is
    taken in the first of the language's encodings in which it decodes to ordinary characters,
    unless `scored_only`.
    `text` is the document's text without a leading BOM, `raw` its bytes without one.
    """
    ascii_count = len(text.encode("ascii", "ignore"))
    if invalid <= len(text) - ascii_count - invalid:  # each bad byte is one U+FFFD in `text`
        return None
    preferred = [e for e in candidate_encodings(language) if e in _MULTIBYTE]
    scored = score_legacy_cjk(raw)
    if scored:
        best = min(scored, key=lambda s: preferred.index(s[0]) if s[0] in preferred else 99)
        return best[0], best[1]
    if scored_only:
        return None
    for encoding in preferred:
        try:
            decoded = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible_text(decoded) and _too_short_to_judge(decoded, encoding):
            return encoding, decoded
    return None


def _too_short_to_judge(decoded: str, encoding: str) -> bool:
    """Whether `decoded` is too little text for `_script_score` to tell real text from bytes
    that merely decode: fewer than `_MIN_SCORED` non-ASCII characters, or fewer than
    `_MIN_HITS` of the language's most frequent ones (a list of city names)."""
    letters = [c for c in decoded if c >= "\x80" and not c.isspace()]
    if len(letters) < _MIN_SCORED:
        return True
    check = _SCRIPT_CHECKS.get(encoding)
    return check is not None and sum(c in check[1] for c in letters) < _MIN_HITS


# What real text in each script is made of, for telling a file in a legacy CJK encoding from
# bytes that merely decode in it. Any byte string of pairs decodes in GB18030 and most in Big5 or
# CP949; what the decoding reads as differs: Korean read as GBK is common Han characters but
# hardly ever the few that make up a fifth of every Chinese text (the, of, is: 的 了 是 ...), and
# Chinese read as EUC-KR is Hangul syllables, none of them the particles and endings every Korean
# sentence has. Japanese is told by its hiragana, which no other encoding's text decodes to in
# Shift_JIS or EUC-JP.
_ZH_HANS = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过"
    "子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体"
    "制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内"
    "数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提"
    "直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计"
    "别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府市场报"
)
_ZH_HANT = (
    "的一是在不了有和人這中大為上個國我以要他時來用們生到作地於出就分對成會可主發年動同工也能下過"
    "子說產種面而方後多定行學法所民得經十三之進著等部度家電力裡如水化高自二理起小物現實加量都兩體"
    "制機當使點從業本去把性好應開它合還因由其些然前外天政四日那社義事平形相全表間樣與關各重新線內"
    "數正心反你明看原又麼利比或但質氣第向道命此變條只沒結解問意建月公無系軍很情者最立代想已通並提"
    "直題黨程展五果料象員革位入常文總次品式活設及管特件長求老頭基資邊流路級少圖山統接知較將組見計"
    "別她手角期根論運農指幾九區強放決西被幹做必戰先回則任取據處府市場報臺台灣"
)
_KO_COMMON = (
    "이다는의에을를가고하지서한로기사도으대자리정수시인나일어국해부것들적보전있과했상주제장원동오성"
    "만우문내중게면연개세위라회여소공화아무요구니관신비마경모조았르학년할된등및며"
)
_JA_COMMON = "のにはをがたてとしでいるなかもうれっすまりこくよだらさ"
# The score each reading must reach (see `_script_score`) and the non-ASCII characters it needs:
# fewer say nothing (two Hangul syllables are as likely garbage as text).
_MIN_SCORED = 12
_MIN_HITS = 5
_SCRIPT_CHECKS: dict[str, tuple[str, str, float]] = {
    # encoding: (what real text is made of, its most frequent characters, their least share)
    # Chinese in either script: GB18030 holds the traditional characters too (a Hong Kong article).
    "gb18030": ("han", _ZH_HANS + _ZH_HANT, 0.2),
    "big5hkscs": ("han", _ZH_HANS + _ZH_HANT, 0.2),
    "cp949": ("hangul", _KO_COMMON, 0.3),
    "cp932": ("hiragana", _JA_COMMON, 0.5),
    "euc_jp": ("hiragana", _JA_COMMON, 0.5),
}


def _script_score(decoded: str, encoding: str) -> float | None:
    """How much `decoded` reads as real text in the script of `encoding` (Chinese, Korean,
    Japanese): the share of its script's letters that are that language's most frequent ones, or
    None when it does not read as such text at all (too few letters of that script, or letters of
    another CJK script mixed in, or fewer than `_MIN_SCORED` non-ASCII characters to judge by)."""
    letters = [c for c in decoded if c >= "\x80" and not c.isspace()]
    if len(letters) < _MIN_SCORED:
        return None
    hangul = sum("\uac00" <= c <= "\ud7a3" for c in letters)
    kana = sum("\u3040" <= c <= "\u30ff" for c in letters)
    han = sum("\u4e00" <= c <= "\u9fff" for c in letters)
    script, common, least = _SCRIPT_CHECKS[encoding]
    if script == "han":
        # Chinese prose: Han characters, never kana or Hangul (Japanese and Korean read as GBK).
        # (A tenth at most: a Hong Kong article names a Korean company in Hangul.)
        if han * 10 < len(letters) * 6 or (kana + hangul) * 10 > len(letters):
            return None
        hits = sum(c in common for c in letters)
        share = hits / han
    elif script == "hangul":
        if hangul * 10 < len(letters) * 6:
            return None
        hits = sum(c in common for c in letters)
        share = hits / hangul
    else:
        hiragana = sum("\u3040" <= c <= "\u309f" for c in letters)
        if hiragana * 5 < len(letters) or hangul:
            return None
        hits = sum(c in common for c in letters)
        share = hits / hiragana
    # A few hits prove nothing: random pairs of bytes read as GB18030 are one of its common
    # characters in about 6 cases out of 100.
    return share if share >= least and hits >= _MIN_HITS else None


def score_legacy_cjk(raw: bytes) -> list[tuple[str, str, float]]:
    """(encoding, decoded text, score) of each legacy CJK encoding in which `raw` decodes without
    error to ordinary characters that read as real text of its language, best first."""
    found = []
    for encoding in _SCRIPT_CHECKS:
        try:
            decoded = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _plausible_text(decoded):
            continue
        score = _script_score(decoded, encoding)
        if score is not None:
            found.append((encoding, decoded, score))
    return sorted(found, key=lambda item: -item[2])


def is_cut_utf8(data: bytes) -> bool:
    """Whether `data` is the first bytes of a UTF-8 character whose last bytes are missing."""
    lead = data[0]
    if 0xC2 <= lead <= 0xDF:
        needed = 1
    elif 0xE0 <= lead <= 0xEF:
        needed = 2
    elif 0xF0 <= lead <= 0xF4:
        needed = 3
    else:
        return False
    return len(data) <= needed and all(0x80 <= byte <= 0xBF for byte in data[1:])


# C0 and C1 control characters other than tab and line breaks.
_HIDDEN_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def hidden_damage(text: str) -> bool:
    """Does `text` hold control characters, invisible characters or mojibake?

    A fix that copies body text into a quoted front-matter value (a summary from the opening
    sentences) must not copy these: a control character there becomes an escape (`\\u0007`, and
    mojibake's `\\u009d`) that the line-based rules do not read, so the damage would stay
    unreported. Such a fix waits: the fix loop repairs the body first and the next pass offers it.
    """
    if _HIDDEN_CONTROL.search(text):
        return True
    # Invisible characters and mojibake are all outside ASCII (`isascii` costs nothing).
    return not text.isascii() and bool(_debris(text) or find_mojibake(text))


def _debris(text: str) -> bool:
    """Whether `text` holds an invisible character that `invisible-char` reports (a Persian ZWNJ
    or the joiner of an emoji sequence is spelling, and copied as it is)."""
    has_rtl: bool | None = None
    for match in INVISIBLE_RUN.finditer(text):
        if has_rtl is None:
            has_rtl = RTL_TEXT.search(text) is not None
        if not invisible_is_legitimate(text, match.start(), match.end(), has_rtl):
            return True
    return False


def lost_characters(text: str) -> bool:
    """Does `text` hold a U+FFFD, a character that is lost (`replacement-char`) or that stands
    for bytes of the file that are not UTF-8?

    A fix that copies body text (a summary from the opening sentences) must not copy it: the
    summary would show `�` on every card, and a second replacement-char error would appear. Bytes
    that are not UTF-8 are transcoded by `invalid-utf8`'s fix in the same run, and the copy is
    offered in the next pass; a character that is lost stays lost, and the copy is not offered.
    """
    return "\ufffd" in text
