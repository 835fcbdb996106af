"""Small text helpers shared by rules: sentence splitting, scripts and leads."""

from __future__ import annotations

import re
import unicodedata

# A sentence ends at . ! ? (optionally followed by closing quotes or brackets) and a space, or at
# the CJK full stops, which need no space.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|(?<=[。！？])[」』”’）]*")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Inc|Ltd|Co|Corp|vs|etc|No|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z](?:\.[A-Z])*)\.$"
)


def sentences(text: str) -> list[str]:
    """Split prose into sentences without breaking after common abbreviations."""
    out: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        candidate = text[start : match.start()].rstrip()
        if not candidate:
            continue
        if _ABBREVIATION.search(candidate):
            continue
        out.append(text[start : match.end()].strip())
        start = match.end()
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return out


def lead_from_paragraphs(paragraphs: list[str], max_chars: int, language: str | None = None) -> str:
    """Whole opening sentences that fit in `max_chars`; "" when not even one fits."""
    del language  # sentence ends are recognised for Latin and CJK punctuation alike
    lead = ""
    for paragraph in paragraphs:
        for sentence in sentences(paragraph):
            candidate = sentence if not lead else _join(lead, sentence)
            if len(candidate) > max_chars:
                return lead
            lead = candidate
        if lead:
            return lead
    return lead


def _join(left: str, right: str) -> str:
    if is_cjk_char(left[-1:]) or is_cjk_char(right[:1]):
        return left + right
    return f"{left} {right}"


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
