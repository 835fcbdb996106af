"""Mis-decoded text (mojibake).

## What it does
Finds text that was encoded as UTF-8 and then decoded with a legacy single-byte encoding, anywhere
in the file: `Ã©` for `é`, `â€™` for `’`, `Â ` for a non-breaking space, `ï¸` for an emoji's
variation selector, `РџСЂ` for Cyrillic, `├⌐` for `é` and `ΓÇÖ` for `’` (DOS code page 437, as a
Windows console shows UTF-8; one such punctuation mark or symbol is enough, as `Γ` before two of
those characters is no text in any language). Also UTF-8 decoded as GBK (a scraper's guess for a
Chinese page), which turns Chinese into other Chinese characters: `鍖椾含鏃堕棿` for `北京时间`, or as
Shift_JIS (`譚ｱ莠ｬ驛ｽ縺ｮ` for `東京都の`), when the damage stands for four CJK characters or more (`譚ｱ莠ｬ驛ｽ`
alone, `東京都`, is too short to tell from chance); Chinese saved in GBK or Big5 and read as Latin-1 or
Windows-1252 (`ÖÐÎÄ` for GBK `中文`, `¤¤¤å` for Big5 `中文`, four characters or more of varied Han
text); Russian, Ukrainian or Bulgarian saved in Windows-1251, or Greek in Windows-1253, and read as
Latin-1 (`Ìèíèñòð ôèíàíñîâ` for `Министр финансов`, `Ç êõâÝñíçóç` for `Η κυβέρνηση`: three words or
more made only of accented letters that read as words of the script, a vowel in each; one on a page
in one of those languages); Russian saved in KOI8-R and read as Windows-1251 or the other way round,
Cyrillic with its case turned about (`нЙОЙУФТ ЖЙОБОУПЧ` for `Министр финансов`: three words or more,
all in capitals or a small letter then capitals, whose reading is Russian words with a Russian share
of vowels; a headline in capitals is left alone); Polish, Czech or Slovak saved in Windows-1250 or
ISO-8859-2 and read as Windows-1252 or Latin-1 (`Za¿ó³æ gê¶l±` for `Zażółć gęślą`: three words or
more on a line with a symbol such as `³` or `¶` between two letters, which genuine text never has,
the line's other characters past ASCII all reading as letters; the Catalan `l·l` and a glued Spanish
`¿` are no such symbol); Czech or Slovak saved so, whose letters mostly turn into other letters
(`Ministr øekl, že rozpoèet` for `Ministr řekl, že rozpočet`, `¾e` for `že`, `ïalšie` for `ďalšie`):
three words or more on a line (two on a Czech or Slovak page) that read back as words with a letter
only Czech and Slovak write (`ě č ř ů ň ď ť ľ ĺ ŕ`), every character past ASCII reading as a letter
of their alphabets, `š`, `ž`, `ť`, `ľ` or `ý` among them, and the damage showing what French,
Italian or Danish never write (`ø` beside `è`, `ì`, `ù` or `ò`, an `ì` inside a word, or a symbol or
control character against a letter), as their `très`, `così` and `på øen` read as such letters too;
and Arabic, Persian, Hebrew or Thai decoded with their own script's Windows code page (1256, 1255,
874), Russian or Ukrainian with KOI8-R, KOI8-U, DOS code page 866 or Mac OS Cyrillic, and Vietnamese
with Windows-1258, which ftfy does not know: `ط§ظ„` for `ال`, `׳©׳¨` for `שר`, `เธฃ` for `ร`,
`п▒я▌п╢` or `╨С╤О╨┤` for `Бюд`, `Ä‘Æ°á»£c` for `được` (three such characters or more whose bytes
are, exactly, UTF-8 of that script). UTF-8 read as Windows-1250 or ISO-8859-2 (`pĹ™Ă­ĹˇtĂ­` for
Czech `příští`) is ftfy's to repair. Text read as GBK or Shift_JIS is taken for that only when its
bytes in that encoding are UTF-8 that reads as CJK text again. UTF-8 decoded as EUC-KR (Windows-949)
is not repaired: most UTF-8 byte pairs of Korean are no EUC-KR character, so the decoder has already
turned them into `�` (`replacement-char` reports those) and the text is lost. A cheap pre-filter
picks the lines that could hold such damage; [ftfy](https://ftfy.readthedocs.io/) confirms each one
and works out the original text, so legitimate text (`SÃO PAULO`, French, German, Portuguese,
Chinese or Japanese prose, emoji) is left alone; so are a capital ending a word in capitals (`“CHÚNG
TA ĐÃ”`, `«MINHA IRMÃ»`) and, on a line with intact Vietnamese letters (`ư`, `đ`, `ệ`, which no
Windows-1252 or Latin-1 text holds), a capital glued to the next word in capitals by a dash
(`XÃ–PHƯỜNG`) and `Â` as a word of its own; so is, on a page in Vietnamese, `Â` as a word of its own
before a letter on a line with no other damage (`Hôm nay Â và Ê`: mis-decoded, its `ô` and `à` would
be `Ã´` and `Ã `). The message says what happened, for example "UTF-8 text decoded as Windows-1252".
A front-matter string that writes the damage as escapes (`"caf\\u00c3\\u00a9"`, which Python's
`json.dumps` writes for `cafÃ©`, or `"\\xc3\\xa9"` in a double-quoted YAML string) holds it all the
same and is reported there too, and in a key or a string nested in a list or map (there without a
fix).

Damage that lost part of the original is reported without a repair ("part of the original is
lost"): a byte turned into U+FFFD, and `â€`, the start of a curly quote, a dash or an ellipsis,
whose third byte a Windows-1252 decoder dropped because that code page leaves it undefined (`”` is
E2 80 9D). Before a space, ftfy would take that space for a lost A0 and write `†` (E2 80 A0) in
place of `”` and the space; which of the two it was cannot be told from the bytes. The text can
tell where the `â€` closes a quotation that `“` (or its damage `â€œ`) opened before it on its
line and nothing closed yet (`say â€œit worksâ€ today`, as WordPress imports have it): of the
characters whose last byte Windows-1252 drops (an em quad, a zero-width joiner, a right-to-left
mark, a hyphen, `”`) only `”` closes a quote, and an unsafe fix writes it.

## Why is this bad?
Readers see `Donâ€™t` instead of `Don’t`; search engines index the garbage; and a mis-decoded
non-breaking space (`Â `) leaves a visible stray letter or an empty-looking paragraph.

## Example
    The minister said the country wonâ€™t change course.

## Use instead
    The minister said the country won’t change course.

## Fix safety
Safe: the fix replaces only the damaged span with ftfy's repair, which re-encodes the characters and
decodes them the right way (it never guesses a character that is not in the bytes; where it would
have to, there is no fix, see above), or, for the code pages ftfy does not know (Arabic, Hebrew and
Thai in their own, Cyrillic in KOI8, 866 or Mac OS Cyrillic, Vietnamese in 1258), with the exact
inverse (the damage is no words of its script). Unsafe for the GBK, Shift_JIS, GBK or Big5 read as
Latin-1, Windows-1251, 1253, 1250 or ISO-8859-2 read as Latin-1 (Polish, Czech, Slovak) and KOI8-R
and Windows-1251 swapped kinds: the repair is exact, but which encoding did the damage is inferred
from text that still looks like words; and for the `”` a decoder dropped, inferred from the
quotation it closes. Unsafe in code (a code block or inline code), which is shown verbatim and may
quote mis-decoded text on purpose, in an article about encodings for example.

## Limits
Some text cannot be told from damage, or damage from text, without a dictionary or the page's
language:

- Czech or Slovak read in the wrong code page on fewer words than above (`Vláda schválila rozpoèet`
  for `rozpočet`): the letters it turns theirs into (`è` for `č`, `ø` for `ř`, `ì` for `ě`, `ù` for
  `ů`, `ò` for `ň`, `ï` for `ď`) are letters of French, Italian, Danish and Norwegian (`très`,
  `così`, `øl`), so one or two such words read as theirs and are left alone; and `š ž á é í ó ú ý`
  have the same bytes in Windows-1250 and Windows-1252, so a line made only of them comes through
  intact, with nothing lost and nothing to find.
- A Vietnamese line whose letters are all in Windows-1252 (`Hôm nay Â và Ê`) on a page of no known
  language: its `Â` standing alone is what a no-break space read as Latin-1 looks like (`Hello Â
  world`), and it is reported so. On a page the site gives the language `vi` it is left alone (see
  above).
"""

from __future__ import annotations

import re
from functools import cache

from newslint import Edit, Fix, Rule, Severity, Span
from newslint.document import Document
from newslint.events import Field
from newslint.rule import Context

from ._encoding import Mojibake as Damage
from ._encoding import (
    code_starts_and_spans,
    find_double_byte_mojibake,
    find_mojibake,
    in_code,
    vietnamese_words,
)
from ._text import FieldText, front_matter_escapes, nested_escaped

# A run of characters outside ASCII: what mis-decoded text is made of. A string whose source
# writes one of them as an escape may hold mojibake that a scan of the file's text does not see.
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


class Mojibake(Rule):
    code = "EN001"
    name = "mojibake"
    severity = Severity.ERROR
    messages = {
        "mojibake": "mojibake {found!r} ({what}); it should read {fixed!r}",
        "in-code": "mojibake {found!r} in code ({what}); it should read {fixed!r}",
        "lossy": "mojibake {found!r} ({what}); part of the original is lost",
    }

    def on_document_start(self, ctx: Context, document: Document) -> None:
        single, double = _damage(document.text, document.language)
        code = code_starts_and_spans(document) if single or double else ([], [])
        for found in double:
            quoted = in_code(code, found.span.start)
            fix = Fix.unsafe(f"Replace with {found.fixed!r}", Edit.replace(found.span, found.fixed))
            ctx.report(
                found.span,
                "in-code" if quoted else "mojibake",
                fix=fix,
                found=found.found,
                what=found.what,
                fixed=found.fixed,
            )
        for found in single:
            if _lossy(found):
                closing = (
                    None
                    if in_code(code, found.span.start)
                    else _closing_quote(document.text, found)
                )
                ctx.report(found.span, "lossy", found=found.found, what=found.what, fix=closing)
                continue
            title = f"Replace with {found.fixed!r}"
            edit = Edit.replace(found.span, found.fixed)
            # Code is shown verbatim and may quote mis-decoded text on purpose.
            quoted = in_code(code, found.span.start)
            ctx.report(
                found.span,
                "in-code" if quoted else "mojibake",
                fix=Fix.unsafe(title, edit) if quoted else Fix.safe(title, edit),
                found=found.found,
                what=found.what,
                fixed=found.fixed,
            )

    @classmethod
    def field_keys(cls, ctx: Context) -> frozenset[str] | None:
        # `on_field` returns at once for every field when the front matter writes no escape.
        return None if front_matter_escapes(ctx.document) else frozenset()

    def on_field(self, ctx: Context, field: Field) -> None:
        text = ctx.document.text
        if not front_matter_escapes(ctx.document):
            return
        for span, value, _ in nested_escaped(text, field, _NON_ASCII):
            source = text[span.start : span.end]
            single, double = _damage(value, ctx.document.language)
            escaped = [found for found in (*double, *single) if found.found not in source]
            if escaped:  # one report per string, as the string is all a report can point at
                found = escaped[0]
                if _lossy(found):
                    ctx.report(span, "lossy", found=found.found, what=found.what)
                else:
                    ctx.report(
                        span, "mojibake", found=found.found, what=found.what, fixed=found.fixed
                    )
        self._escaped_value(ctx, field)

    def _escaped_value(self, ctx: Context, field: Field) -> None:
        """Report (and repair) mojibake that the field's string value writes as escapes."""
        text = ctx.document.text
        value = field.value
        span = field.value_span
        if not isinstance(value, str) or "\\" not in text[span.start : span.end]:
            return
        single, double = _damage(value, ctx.document.language)
        if not single and not double:
            return
        edited = FieldText(text, field)
        source = text[span.start : span.end]
        escaped: list[tuple[Damage, bool]] = []
        for found, exact in [*((d, False) for d in double), *((s, True) for s in single)]:
            if edited.mapping is None:
                if found.found in source:
                    continue  # written as it is somewhere: the scan of the text reports it
            else:
                where = edited.span(found.span.start, found.span.end)
                if text[where.start : where.end] == found.found:
                    continue
            escaped.append((found, exact))
        if not escaped:
            return
        escaped.sort(key=lambda pair: pair[0].span.start)
        repairable = [(found, exact) for found, exact in escaped if not _lossy(found)]
        # All repairs of the value are proved together, by one parse of the edited value.
        edits = edited.edits([(f.span.start, f.span.end, f.fixed) for f, _ in repairable])
        # Pieces placed by the value's whole span (no character map) are reported there once.
        reported: set[tuple[int, int, str]] = set()
        for found, _ in escaped:
            if _lossy(found):
                where = edited.span(found.span.start, found.span.end)
                if (where.start, where.end, "lossy") not in reported:
                    reported.add((where.start, where.end, "lossy"))
                    ctx.report(where, "lossy", found=found.found, what=found.what)
        exact_of = [exact for _, exact in repairable]
        for (found, _), edit in zip(repairable, edits, strict=True):
            where = edited.span(found.span.start, found.span.end)
            if (where.start, where.end, "mojibake") in reported:
                continue
            reported.add((where.start, where.end, "mojibake"))
            # Double-byte damage (GBK, Shift_JIS) is inferred from text that still reads as
            # words: its repair is unsafe, as in the body; so is a fix that rewrites the whole
            # value with all repairs (`edits` falls back to one), when one of them is.
            safe = all(e for e, made in zip(exact_of, edits, strict=True) if made == edit)
            fix = (Fix.safe if safe else Fix.unsafe)(f"Replace with {found.fixed!r}", *edit)
            ctx.report(
                where, "mojibake", fix=fix, found=found.found, what=found.what, fixed=found.fixed
            )


def _damage(text: str, language: str | None) -> tuple[tuple[Damage, ...], tuple[Damage, ...]]:
    """The single-byte and the double-byte mojibake of `text` on a page in `language`."""
    single = vietnamese_words(text, find_mojibake(text), language)
    double = find_double_byte_mojibake(text, language)
    if single and double:
        # A UTF-8 continuation byte such as 80 is a C1 control in Shift_JIS damage, which
        # ftfy alone would take for Windows-1252 read as Latin-1: the double-byte repair wins.
        single = tuple(
            m
            for m in single
            if not any(m.span.start < d.span.end and d.span.start < m.span.end for d in double)
        )
    return single, double


# What Windows-1252 makes of the bytes 80-BF, the last byte of a UTF-8 character: after `â€`
# (E2 80) one of them ends the character; without one the decoder dropped the byte.
@cache
def _continuation() -> frozenset[str]:
    # (On first use: an ASCII text never needs the codec.)
    return frozenset(bytes(range(0x80, 0xC0)).decode("cp1252", errors="ignore"))


_QUOTE_MARKS = re.compile("“|”|â€(.?)", re.DOTALL)


def _closing_quote(text: str, found: Damage) -> Fix | None:
    """An unsafe fix for `â€` whose third byte was dropped (E2 80 with 81, 8D, 8F, 90 or 9D:
    an em quad, a zero-width joiner, a right-to-left mark, a hyphen or `”`), where it closes a
    quotation opened before it on its line (`“` or `â€œ`, not yet closed): there only `”` fits."""
    if found.found.rstrip(" ") != "â€":
        return None
    start = found.span.start
    depth = 0
    for mark in _QUOTE_MARKS.finditer(text, text.rfind("\n", 0, start) + 1, start):
        written = mark.group()
        if written == "“" or written == "â€œ":
            depth += 1
        elif written == "”" or mark.group(1) not in _continuation():
            depth = max(0, depth - 1)  # `”`, or another `â€` that lost its byte
    if depth == 0:
        return None
    edit = Edit.replace(Span(start, start + 2), "”")
    return Fix.unsafe("Replace with '”', the closing quotation mark the decoder dropped", edit)


def _lossy(found: Damage) -> bool:
    """Whether ftfy could only repair part of it (a fix would trade garbage for U+FFFD), or its
    repair is a guess at a byte the decoder dropped."""
    return found.lost or ("\ufffd" in found.fixed and "\ufffd" not in found.found)
