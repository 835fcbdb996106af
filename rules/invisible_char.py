"""Zero-width or bidirectional control characters.

## What it does
Reports runs of invisible characters anywhere in the file: zero-width space (U+200B), zero-width
joiner and non-joiner (U+200D, U+200C), word joiner (U+2060), a zero-width no-break space (U+FEFF)
after the start of the file, and the bidirectional marks, embeddings, overrides and isolates
(U+200E, U+200F, U+061C, U+202A-U+202E, U+2066-U+2069).

They are left alone where they are part of the spelling: a joiner inside an emoji sequence (👨‍👩‍👧,
🏳️‍🌈), joiners and non-joiners after letters of scripts that use them (Arabic, Persian, Indic
scripts, Sinhala, Myanmar, Khmer), a zero-width space between words of Thai, Lao, Tibetan, Myanmar
or Khmer (written without spaces), and bidirectional marks, embeddings and isolates in a file that
holds right-to-left text (Hebrew, Arabic, ...). Overrides (U+202D, U+202E) are reported in any text:
right-to-left writing never needs them. Embeddings, overrides and isolates inside code (a code block
or inline code) are errors in any language: that is how "Trojan Source" makes code display in
another order than it runs. A ZWNJ or ZWJ that is a byte of mis-decoded text (Windows-1256 shows two
UTF-8 bytes that way) is `mojibake`'s, which restores the character it stands for. A front-matter
string that writes them as escapes (`"Bitcoin\\u200b fell"` in JSON, as `json.dumps` does, or in a
double-quoted YAML string) holds them all the same: reported there too, and in a key or a string
nested in a list or map (there without a fix), the legitimate uses above judged in the decoded
string.

## Why is this bad?
Copied from web pages and chat apps, they are invisible debris: they break search ("Monero" with a
zero-width space is not found), split words where a reader sees none, change how URLs and names are
copied, and bidirectional overrides can make text display differently from what it is.

## Example
    Bitcoin​ fell 5% on Monday.   (a U+200B after "Bitcoin")

## Use instead
    Bitcoin fell 5% on Monday.

## Fix safety
Safe: the characters are removed; none of them is visible, and the legitimate uses above are not
reported. Unsafe for bidirectional controls in code: removing them changes the code (a string
literal, say), which its author should look at.
"""

from __future__ import annotations

from newslint import Edit, Fix, Rule, Severity, Span
from newslint.document import Document
from newslint.events import Field
from newslint.rule import Context

from ._encoding import (
    BIDI,
    EXPLICIT_BIDI,
    INVISIBLE_RUN,
    RTL_TEXT,
    char_names,
    code_starts_and_spans,
    find_mojibake,
    in_code,
    invisible_is_legitimate,
)
from ._text import escaped_matches, front_matter_escapes, nested_escaped


class InvisibleChar(Rule):
    code = "EN003"
    name = "invisible-char"
    severity = Severity.WARNING
    messages = {
        "invisible": "invisible {names}",
        "bidi": "bidirectional control {names} in text without right-to-left script",
        "override": "bidirectional override {names}: it shows the text in another order than it "
        "is stored",
        "code": "bidirectional control {names} in code: it can show the code in another order "
        "than it runs (Trojan Source)",
    }

    def on_document_start(self, ctx: Context, document: Document) -> None:
        text = document.text
        if text.isascii():
            return
        has_rtl: bool | None = None
        code: tuple[list[int], list[Span]] | None = None
        for match in INVISIBLE_RUN.finditer(text, 1 if text.startswith("\ufeff") else 0):
            start, end = match.span()
            run = match.group(0)
            title = "Remove the invisible character" + ("s" if len(run) > 1 else "")
            fix = Fix.safe(title, Edit.delete(Span(start, end)))
            if not EXPLICIT_BIDI.isdisjoint(run):
                code = code or code_starts_and_spans(document)
                if in_code(code, start):
                    # Reported in any language; removing it changes the code, so unsafe.
                    fix = Fix.unsafe(title, *fix.edits)
                    names = char_names(run)
                    ctx.report(
                        Span(start, end), "code", fix=fix, severity=Severity.ERROR, names=names
                    )
                    continue
            if has_rtl is None:
                has_rtl = RTL_TEXT.search(text) is not None
            if invisible_is_legitimate(text, start, end, has_rtl):
                continue
            if any(m.span.start <= start < m.span.end for m in find_mojibake(text)):
                continue  # a byte of mis-decoded text (Windows-1256 has ZWNJ): `mojibake`'s
            ctx.report(Span(start, end), _kind(run, has_rtl), fix=fix, names=char_names(run))

    @classmethod
    def field_keys(cls, ctx: Context) -> frozenset[str] | None:
        # `on_field` returns at once for every field when the front matter writes no escape.
        return None if front_matter_escapes(ctx.document) else frozenset()

    def on_field(self, ctx: Context, field: Field) -> None:
        text = ctx.document.text
        if not front_matter_escapes(ctx.document):
            return
        _nested_invisible(ctx, field)
        found = escaped_matches(text, field, INVISIBLE_RUN)
        if found is None:
            return
        edited, matches = found
        value: str = field.value
        has_rtl = RTL_TEXT.search(value) is not None or RTL_TEXT.search(text) is not None
        kept = [m for m in matches if not invisible_is_legitimate(value, *m.span(), has_rtl)]
        if not kept:
            return
        edits = edited.edits([(m.start(), m.end(), "") for m in kept])
        placed: set[Span] = set()  # runs placed by the value's whole span are reported once
        for match, edit in zip(kept, edits, strict=True):
            run = match.group(0)
            fix = Fix.safe("Remove the invisible character" + ("s" if len(run) > 1 else ""), *edit)
            span = edited.span(match.start(), match.end())
            if span in placed:
                continue
            placed.add(span)
            ctx.report(span, _kind(run, has_rtl), fix=fix, names=char_names(run))


def _kind(run: str, has_rtl: bool) -> str:
    if all(c in BIDI for c in run):
        return "override" if has_rtl else "bidi"
    return "invisible"


def _nested_invisible(ctx: Context, field: Field) -> None:
    """Report invisible characters the field's key, or a key or string nested in its list or map
    value, writes as escapes (`"tags": ["a\\u200bb"]`), at that key or string and without a fix
    (no edit of one escape there is proved by a reparse; the top-level value's are fixed by
    `on_field`). The legitimate uses (joiners in emoji and joining scripts, ...) are kept, judged
    in the decoded string."""
    text = ctx.document.text
    has_rtl: bool | None = None
    for span, value, _ in nested_escaped(text, field, INVISIBLE_RUN):
        source = text[span.start : span.end]
        if has_rtl is None:
            has_rtl = RTL_TEXT.search(text) is not None
        rtl = has_rtl or RTL_TEXT.search(value) is not None
        damaged = find_mojibake(value)
        runs = [
            m.group(0)
            for m in INVISIBLE_RUN.finditer(value)
            if m.group(0) not in source
            and not invisible_is_legitimate(value, m.start(), m.end(), rtl)
            and not any(d.span.start <= m.start() < d.span.end for d in damaged)
        ]
        if runs:
            ctx.report(span, _kind(runs[0], rtl), names=char_names("".join(runs)))
