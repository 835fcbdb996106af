"""Rules that exist only to drive `newslint fix` in tests: well-behaved, overlapping, cycling,
never-ending, front-matter-breaking and meaning-changing fixes.

The fix loop must be right for any rule, so its tests do not depend on the built-in rules. The CLI
tests load this folder with `--rules-dir`; the engine tests import the classes. Codes ZZ... never
clash with built-in ones. Two rules borrow the codes of the BOM (EN006) and line-endings (EN007)
rules, the only rules allowed to change those; they are only used in registries of their own.
"""

from __future__ import annotations

import re

from newslint import Edit, Fix, Rule, Severity
from newslint.document import BOM, Document
from newslint.events import Field, Line
from newslint.rule import Context
from newslint.spans import Span

_TEH = re.compile(r"\bteh\b")


class Typo(Rule):
    """Fixes the typo "teh" in the body (safe)."""

    code = "ZZ001"
    name = "typo-teh"
    severity = Severity.ERROR
    messages = {"typo": "typo 'teh'"}

    def on_line(self, ctx: Context, line: Line) -> None:
        if line.in_front_matter:
            return
        for match in _TEH.finditer(line.text):
            start = line.span.start + match.start()
            edit = Edit(start, start + 3, "the")
            ctx.report(Span(edit.start, edit.end), "typo", fix=Fix.safe("Write 'the'", edit))


class TitleSpaces(Rule):
    """Strips spaces around the title (safe; a front-matter fix)."""

    code = "ZZ002"
    name = "title-spaces"
    severity = Severity.WARNING
    messages = {"spaces": "title has spaces around it"}

    def on_field(self, ctx: Context, field: Field) -> None:
        if field.key == "title" and isinstance(field.value, str):
            stripped = field.value.strip(" ")
            if stripped != field.value:
                fix = Fix.safe("Strip the title", field.replace_value(stripped))
                ctx.report(field.value_span, "spaces", fix=fix)


class PingPong(Rule):
    """Turns "ping" into "pong" and "pong" into "ping": its fixes never settle."""

    code = "ZZ003"
    name = "ping-pong"
    messages = {"ball": "ball"}

    def on_line(self, ctx: Context, line: Line) -> None:
        for match in re.finditer(r"\b(ping|pong)\b", line.text):
            start = line.span.start + match.start()
            other = "pong" if match.group(1) == "ping" else "ping"
            edit = Edit(start, start + 4, other)
            ctx.report(Span(edit.start, edit.end), "ball", fix=Fix.safe("Return the ball", edit))


class Exclaim(Rule):
    """Appends "!" to a line that starts with "wow!": it never stops changing the text."""

    code = "ZZ004"
    name = "exclaim"
    messages = {"more": "more"}

    def on_line(self, ctx: Context, line: Line) -> None:
        if line.text.startswith("wow!"):
            edit = Edit.insert(line.span.end, "!")
            ctx.report(Span(edit.start, edit.end), "more", fix=Fix.safe("Exclaim more", edit))


class BreakTitle(Rule):
    """Rewrites `title: broken-me` into a value that does not parse."""

    code = "ZZ005"
    name = "break-title"
    messages = {"break": "break"}

    def on_field(self, ctx: Context, field: Field) -> None:
        if field.key == "title" and field.value == "broken-me":
            fix = Fix.safe("Break the title", field.replace_value_text('"unterminated'))
            ctx.report(field.value_span, "break", fix=fix)


class AddNote(Rule):
    """Inserts `note: added` as the first key when there is none (safe; writes a line break)."""

    code = "ZZ007"
    name = "add-note"
    messages = {"note": "no note"}

    def on_document_end(self, ctx: Context, document: Document) -> None:
        fm = document.front_matter
        if fm is None or document.field("note") is not None or fm.format != "yaml":
            return
        first = fm.root.entries[0].entry_span.start if fm.root.entries else fm.span.start
        edit = Edit.insert(first, "note: added\n")
        ctx.report(Span(edit.start, edit.end), "note", fix=Fix.safe("Add a note", edit))


class DropInvisibleAtStart(Rule):
    """Deletes a U+FEFF at offset 0 as if it were any invisible character."""

    code = "ZZ008"
    name = "drop-feff"
    messages = {"feff": "invisible U+FEFF"}

    def on_document_start(self, ctx: Context, document: Document) -> None:
        if document.text.startswith(BOM):
            edit = Edit.delete(Span(0, 1))
            ctx.report(Span(edit.start, edit.end), "feff", fix=Fix.safe("Remove U+FEFF", edit))


class ShoutUnsafe(Rule):
    """Upper-cases "shout" (unsafe) and lower-cases "WHISPER" (display-only)."""

    code = "ZZ009"
    name = "shout"
    messages = {"shout": "shout", "whisper": "whisper"}

    def on_line(self, ctx: Context, line: Line) -> None:
        for word, message, make in (
            ("shout", "shout", Fix.unsafe),
            ("WHISPER", "whisper", Fix.display_only),
        ):
            at = line.text.find(word)
            if at >= 0 and not line.in_front_matter:
                edit = Edit(line.span.start + at, line.span.start + at + len(word), "X" * len(word))
                ctx.report(Span(edit.start, edit.end), message, fix=make("Change case", edit))


class MarkTypo(Rule):
    """Rewrites a whole line that holds "teh", adding " [sic]" (overlaps `typo-teh`'s fix)."""

    code = "ZZ010"
    name = "mark-typo"
    severity = Severity.INFO
    messages = {"mark": "line with a typo"}

    def on_line(self, ctx: Context, line: Line) -> None:
        if _TEH.search(line.text) and not line.in_front_matter and "[sic]" not in line.text:
            edit = Edit.replace(line.span, line.text + " [sic]")
            ctx.report(line.span, "mark", fix=Fix.safe("Mark the line", edit))


class SiteZone(Rule):
    """Sets `zone` to the time zone of the article's own site (a fix that depends on the site)."""

    code = "ZZ011"
    name = "site-zone"
    messages = {"zone": "zone is not the site's"}

    def on_field(self, ctx: Context, field: Field) -> None:
        wanted = (ctx.site.time_zone if ctx.site else None) or "UTC"
        if field.key == "zone" and field.value != wanted:
            fix = Fix.safe(f"Set the zone to {wanted}", field.replace_value(wanted))
            ctx.report(field.value_span, "zone", fix=fix)


class NulBytes(Rule):
    """Deletes NUL characters, as a control-character rule does (fatal to a UTF-16 file)."""

    code = "ZZ012"
    name = "nul-bytes"
    messages = {"nul": "NUL"}

    def on_document_start(self, ctx: Context, document: Document) -> None:
        at = document.text.find("\x00")
        while at >= 0:
            span = Span(at, at + 1)
            ctx.report(span, "nul", fix=Fix.safe("Remove NUL", Edit.delete(span)))
            at = document.text.find("\x00", at + 1)
