"""Mis-decoded text (mojibake).

## What it does
Finds text that was encoded as UTF-8 and then decoded with a legacy single-byte encoding, anywhere in
the file: `Ã©` for `é`, `â€™` for `’`, `Â ` for a non-breaking space, `ï¸` for an emoji's variation
selector, `РџСЂ` for Cyrillic. Also UTF-8 decoded as GBK (a scraper's guess for a Chinese page),
which turns Chinese into other Chinese characters: `鍖椾含鏃堕棿` for `北京时间`, or as Shift_JIS
(`譚ｱ莠ｬ驛ｽ縺ｮ` for `東京都の`), when the damage stands for four CJK characters or more
(`譚ｱ莠ｬ驛ｽ` alone, `東京都`, is too short to tell from chance); Chinese saved in GBK or Big5 and read as Latin-1 or Windows-1252
(`ÖÐÎÄ` for GBK `中文`, `¤¤¤å` for Big5 `中文`, four characters or more of varied Han text);
Russian, Ukrainian or Bulgarian saved in Windows-1251, or Greek in Windows-1253, and read as Latin-1
(`Ìèíèñòð ôèíàíñîâ` for `Министр финансов`, `Ç êõâÝñíçóç` for `Η κυβέρνηση`: three words or more
made only of accented letters that read as words of the script, a vowel in each; one on a page in
one of those languages); Russian saved in KOI8-R and read as Windows-1251 or the other way round,
Cyrillic with its case turned about (`нЙОЙУФТ ЖЙОБОУПЧ` for `Министр финансов`: three words or
more, all in capitals or a small letter then capitals, whose reading is Russian words with a
Russian share of vowels; a headline in capitals is left alone); Polish, Czech or Slovak saved in
Windows-1250 or ISO-8859-2 and read as Windows-1252 or Latin-1 (`Za¿ó³æ gê¶l±` for `Zażółć
gęślą`: three words or more on a line with a symbol such as `³` or `¶` between two letters, which
genuine text never has, the line's other characters past ASCII all reading as letters; the
Catalan `l·l` and a glued Spanish `¿` are no such symbol); and
Arabic, Persian,
Hebrew or Thai decoded with their own script's Windows code page (1256, 1255, 874), Russian or
Ukrainian with KOI8-R, KOI8-U, DOS code page 866 or Mac OS Cyrillic, and Vietnamese with
Windows-1258, which ftfy does not know: `ط§ظ„` for `ال`, `׳©׳¨` for `שר`, `เธฃ` for `ร`,
`п▒я▌п╢` or `╨С╤О╨┤` for `Бюд`, `Ä‘Æ°á»£c` for `được` (three such characters or more whose bytes
are, exactly, UTF-8 of that script). Text read as GBK or Shift_JIS is taken for that only
when its bytes in that encoding are UTF-8 that reads as CJK text again. UTF-8 decoded as EUC-KR
(Windows-949) is not repaired: most UTF-8 byte pairs of Korean are no EUC-KR character, so the
decoder has already turned them into `�` (`replacement-char` reports those) and the text is lost. A cheap pre-filter picks the lines that could hold such damage;
[ftfy](https://ftfy.readthedocs.io/) confirms each one and works out the original text, so
legitimate text (`SÃO PAULO`, French, German, Portuguese, Chinese or Japanese prose, emoji) is left
alone. The message says what happened, for example "UTF-8 text decoded as Windows-1252".

Damage that lost part of the original is reported without a repair ("part of the original is
lost"): a byte turned into U+FFFD, and `â€`, the start of a curly quote, a dash or an ellipsis,
whose third byte a Windows-1252 decoder dropped because that code page leaves it undefined (`”` is
E2 80 9D). Before a space, ftfy would take that space for a lost A0 and write `†` (E2 80 A0) in
place of `”` and the space; which of the two it was cannot be told.

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
have to, there is no fix, see above), or, for the
code pages ftfy does not know (Arabic, Hebrew and Thai in their own, Cyrillic in KOI8, 866 or Mac
OS Cyrillic, Vietnamese in 1258), with the exact inverse (the damage is no words of its script). Unsafe for the GBK, Shift_JIS, GBK or Big5 read as Latin-1, Windows-1251, 1253, 1250 or
ISO-8859-2 read as Latin-1 and KOI8-R and Windows-1251 swapped kinds: the repair is exact, but
which encoding did the damage is inferred from text that still looks like words. Unsafe in code (a code block or
inline code), which is shown verbatim and may quote mis-decoded text on purpose, in an article
about encodings for example.
"""

from __future__ import annotations

from newslint import Edit, Fix, Rule, Severity
from newslint.document import Document
from newslint.rule import Context

from ._encoding import (
    code_starts_and_spans,
    find_double_byte_mojibake,
    find_mojibake,
    in_code,
)


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
        single = find_mojibake(document.text)
        double = find_double_byte_mojibake(document.text, document.language)
        if single and double:
            # A UTF-8 continuation byte such as 80 is a C1 control in Shift_JIS damage, which
            # ftfy alone would take for Windows-1252 read as Latin-1: the double-byte repair wins.
            single = tuple(
                m
                for m in single
                if not any(m.span.start < d.span.end and d.span.start < m.span.end for d in double)
            )
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
            if found.lost or ("\ufffd" in found.fixed and "\ufffd" not in found.found):
                # ftfy could only repair part of it (a fix would trade garbage for U+FFFD), or
                # its repair is a guess at a byte the decoder dropped.
                ctx.report(found.span, "lossy", found=found.found, what=found.what)
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
