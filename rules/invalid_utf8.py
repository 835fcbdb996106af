"""Bytes that are not UTF-8.

## What it does
Reports each run of bytes that do not decode as UTF-8. The rest of the file is still read and
linted: newslint shows each bad byte as U+FFFD and keeps the bytes, so nothing is lost when other
fixes are written. The message names the legacy encoding the bytes most likely come from: the first
of the article language's usual encodings (GB18030 for Chinese, Big5-HKSCS for Hong Kong and Taiwan,
Shift JIS for Japanese, Windows-1251 for Russian, ...) and finally Windows-1252 under which every
run of the file decodes to ordinary characters. A file that is wholly in a two-byte encoding
(GB18030, Big5, Shift JIS, EUC-KR) cannot be decoded run by run, since some of its bytes read as
ASCII or as valid UTF-8. When the whole file decodes without error in GB18030, Big5, Shift JIS,
EUC-JP or EUC-KR to text that reads as Chinese, Japanese or Korean (mostly that script's letters,
and enough of its most frequent ones: `的 了 是`, hiragana particles, `이 다 는`), each run says which
encoding, whatever the article's language (a scraped Korean article in an English site), and the
first one carries a fix that transcodes the file. Merely decoding is no evidence (any byte pairs
decode in GB18030); a text too short to judge (fewer than 12 such characters, or 5 frequent ones) is
taken in the language's own encoding only. A file that ends in the first bytes of a UTF-8 character
was cut off: that is reported without a fix. So is such a cut character in the middle of the file
whose legacy reading is the mojibake of a lost character (E2 80, the start of `’`, `”` or `—`, reads
`â€` in Windows-1252): transcoding it would give no character back.

A file in UTF-16 or UTF-32 (it starts with such a byte order mark, or its NUL bytes fall where
they do in those encodings: every other byte, or two of every four) is reported once: read as
UTF-8 it is nothing but NULs and bad bytes. Its fix transcodes the whole file to UTF-8 without the
byte order mark, keeping every character and line ending, when the file decodes in that encoding
without error (and, without a byte order mark, to text with no control characters besides tabs
and line breaks).

## Why is this bad?
Hugo reads content as UTF-8: the bytes become `�` on the page, and some tools refuse the file.

## Example
    caf\\xe9 au lait   (the byte E9: Windows-1252 for "é")

## Use instead
    café au lait

## Fix safety
Unsafe: the bytes are transcoded from the detected encoding, which is a guess from a few bytes and
the article's language; an editor should check the result. A UTF-16 or UTF-32 file is transcoded
whole, in a fix pass of its own (other fixes, made on the text read as UTF-8, would be garbage).
"""

from __future__ import annotations

import re

from newslint import Edit, Fix, Rule, Severity, Span
from newslint.document import BOM, Document
from newslint.rule import Context

from ._encoding import (
    detect_encoding,
    detect_file_encoding,
    encoding_name,
    find_mojibake,
    foreign_encoding,
    is_cut_utf8,
    transcode_foreign,
)

_SHOWN = 8


class InvalidUtf8(Rule):
    code = "EN005"
    name = "invalid-utf8"
    severity = Severity.ERROR
    messages = {
        "guess": "bytes that are not UTF-8: {data} (as {encoding}: {decoded!r})",
        "unknown": "bytes that are not UTF-8: {data}",
        "file": "bytes that are not UTF-8: {data} (the whole file reads as {encoding})",
        "truncated": "file ends in the middle of a UTF-8 character ({data}): the rest of it is lost",
        "cut": "bytes that are not UTF-8: {data} (a UTF-8 character cut short: the rest is lost)",
        "foreign": "file is encoded in {encoding}, not UTF-8 ({evidence}); save it as UTF-8",
    }

    def on_document_start(self, ctx: Context, document: Document) -> None:
        foreign = foreign_encoding(document.raw)
        if foreign is not None:
            # Every other byte is NUL or not UTF-8: one diagnostic says what the file is.
            span = Span(0, min(1, len(document.text)))
            decoded = transcode_foreign(document.raw, foreign[0])
            fix = None
            if decoded is not None:
                # One edit over the whole text: the fix loop gives it a pass of its own.
                whole = Edit.replace(Span(0, len(document.text)), decoded)
                fix = Fix.unsafe(f"Transcode the file from {foreign[0]} to UTF-8", whole)
            ctx.report(span, "foreign", fix=fix, encoding=foreign[0], evidence=foreign[1])
            return
        runs = list(document.invalid_bytes)
        if not runs:
            return
        last = runs[-1]
        if last.byte_offset + len(last.data) == len(document.raw) and is_cut_utf8(last.data):
            # A file cut off (a full disk, a truncated download) mid-character: the bytes are
            # UTF-8, so no legacy encoding can give the character back.
            ctx.report(last.span, "truncated", data=_shown(last.data))
            runs.pop()
        if not runs:
            return
        if self._whole_file(ctx, document, scored_only=True):
            return  # a file in EUC-KR, Shift_JIS, ...: its text tells which, whatever the language
        encoding = detect_encoding([run.data for run in runs], document.language)
        if encoding in (None, "cp1252") and self._whole_file(ctx, document):
            return  # the runs do not decode alone in the language's encodings: the file does
        for run in runs:
            data = _shown(run.data)
            if encoding is None:
                ctx.report(run.span, "unknown", data=data)
                continue
            decoded = run.data.decode(encoding)
            if _cut_into_mojibake(document, run.span, run.data, decoded, encoding):
                ctx.report(run.span, "cut", data=data)
                continue
            name = encoding_name(encoding)
            fix = Fix.unsafe(
                f"Transcode from {name} to {decoded!r}", Edit.replace(run.span, decoded)
            )
            ctx.report(run.span, "guess", fix=fix, data=data, encoding=name, decoded=decoded)

    def _whole_file(self, ctx: Context, document: Document, *, scored_only: bool = False) -> bool:
        """Report a file wholly in GB18030, Shift JIS, ... with one fix that transcodes it."""
        bom = int(document.text.startswith(BOM))
        raw = document.raw[3:] if bom else document.raw
        invalid = sum(len(run.data) for run in document.invalid_bytes)
        found = detect_file_encoding(
            raw, document.text[bom:], invalid, document.language, scored_only=scored_only
        )
        if found is None:
            return False
        encoding, decoded = found
        escaped = document.escaped_text
        # Rewrite only from the first to the last character that changes.
        prefix = bom + _common_prefix(escaped[bom:], decoded)
        suffix = _common_prefix(escaped[: prefix - 1 : -1], decoded[: prefix - bom - 1 : -1])
        name = encoding_name(encoding)
        edit = Edit.replace(
            Span(prefix, len(escaped) - suffix), decoded[prefix - bom : len(decoded) - suffix]
        )
        fix: Fix | None = Fix.unsafe(f"Transcode the file from {name}", edit)
        for run in document.invalid_bytes:
            ctx.report(run.span, "file", fix=fix, data=_shown(run.data), encoding=name)
            fix = None  # one fix transcodes the file: the first diagnostic carries it
        return True


def _cut_into_mojibake(
    document: Document, span: Span, data: bytes, decoded: str, encoding: str
) -> bool:
    """Whether `data` holds the first bytes of a UTF-8 character that lost the rest (E2 80, the
    start of a quote or a dash), so that `decoded`, its legacy reading in its place, is the
    mojibake that says so (`â€`): that transcode would write an error (`mojibake`) and no
    character back. Its neighbours are read as the other fixes leave them: the bytes around it
    that are not UTF-8 transcoded too, control characters removed (`E2 00 A8` gives `â¨`)."""
    if not any(0xE0 <= byte <= 0xF4 for byte in data):
        return False  # no lead byte of a three- or four-byte character
    escaped = document.escaped_text
    before = _as_fixed(escaped[max(0, span.start - 8) : span.start], encoding)
    after = _as_fixed(escaped[span.end : span.end + 8], encoding)
    where = Span(len(before), len(before) + len(decoded))
    return any(
        found.lost and found.span.start < where.end and where.start < found.span.end
        for found in find_mojibake(before + decoded + after)
    )


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_ESCAPED_BYTES = re.compile(r"[\udc80-\udcff]+")


def _as_fixed(escaped: str, encoding: str) -> str:
    """A piece of the escaped text as control-char's and this rule's fixes leave it."""
    text = _CONTROL.sub("", escaped)
    return _ESCAPED_BYTES.sub(
        lambda m: m.group().encode("utf-8", "surrogateescape").decode(encoding, "replace"), text
    )


def _shown(data: bytes) -> str:
    shown = " ".join(f"{b:02X}" for b in data[:_SHOWN])
    return shown + " …" if len(data) > _SHOWN else shown


def _common_prefix(a: str, b: str) -> int:
    limit = min(len(a), len(b))
    index = 0
    while index < limit and a[index] == b[index]:
        index += 1
    return index
