"""Half-width punctuation between Chinese characters.

## What it does
Flags a half-width (ASCII) comma, semicolon, colon, question mark or exclamation mark between two
Chinese characters, with or without spaces after it (`开放,欢迎`, `举办, 超过`, `来源: 国金证券`, `他说:“我们`), in
the front-matter `title`, `summary` and `lead` and in the body's prose. Chinese text writes these
marks full-width (`，` `；` `：` `？` `！`), and they carry their own spacing. In an article whose
language or locale is Chinese (`zh`, `zh-CN`, `zh-Hant-HK`, `yue`) every text is checked, whatever
else the article quotes; in a Japanese or Korean one none is (kanji are Han characters too); in any
other (an English site, a blog that kept `languageCode = "en-us"`) a text is checked when it is
Chinese itself, Han characters for at least half of its letters, unless the article holds kana or
Hangul anywhere (a Japanese or Korean article on a site that does not say so). A mark at the end of
a line or of the text after Chinese text counts too (`你好吗?`, `如下:`, also in bold, `**注意:**`), as
does one ending a table cell (`| 你好吗? |`) or before an HTML line break (`如下:<br>`), also at the end
of a link's text that ends a cell or a line (`| [你好吗?](…) |`), and so does one before a link or
emphasis that goes on in Chinese (`来源: [新华社](…)`, `**注意:** 请`). A Chinese quotation mark or bracket
counts as the character on its side (`”,他说`, `说:「` and `是吗?）`), and so does bold or italic text
before the mark (`**北京**,上海`) and a percentage (`降低了90％, 内存`, `增长5%,达到`). A number that runs on into Chinese text is Chinese text (`日期:
2026年5月`, `来源: [36氪](…)`). Numbers otherwise (`10:30`, `1,000`), Latin words, URLs (an autolink's
address too, `<https://example.com/北京,上海>`), code, shortcodes and templates are left alone: the mark
must sit between Chinese text on both sides. The full stop is left alone too, since `.` between
Chinese characters is most often part of a name or an address.

A custom field among them (`lead`, a configured `subtitle`) written under the page's `params`
map is checked there, as `params.lead`: Hugo 0.150+ makes it the page's `.Params.lead`, over a
top-level `lead`, which nothing then reads and which is not checked (checked with hugo 0.168).
Hugo's own fields (`title`, `summary`) are read at the top level only.

## Why is this bad?
Mixed half-width marks come from editing on an English keyboard or from machine translation; in
Chinese text they look cramped or misaligned next to full-width characters, and the space an
author types after them leaves a visible gap that Chinese typography does not have.

## Example
    # content/zh-CN/news/x.zh-CN.md
    summary: "源代码正式开放,欢迎大家访问。"

## Use instead
    # content/zh-CN/news/x.zh-CN.md
    summary: "源代码正式开放，欢迎大家访问。"

## Fix safety
Safe: the mark becomes its full-width form and the spaces after it are removed; nothing else
changes. In a front-matter value wrapped over lines (a folded `>` or a plain or quoted YAML
scalar), a mark that ends a line is replaced alone: the line break stays, and reads as a space as
every other wrap of the value does; the value keeps its style.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newslint import Edit, Fix, Rule, Severity
from newslint.document import Document
from newslint.events import Field, Link, Text
from newslint.rule import Context
from newslint.spans import Span
from newslint.textutil import primary_language, unescaped

from ._fields import lowered_keys
from ._params import read_named
from ._text import TEXT_FIELDS, FieldText, inside, template_spans

FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_CHINESE_LANGUAGES = frozenset({"zh", "yue", "cmn"})
_OTHER_HAN_LANGUAGES = frozenset({"ja", "ko"})  # written with Han characters, not Chinese
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
_HAN_CHARACTER = re.compile(f"[{_HAN}]")
# Any of the marks: a fast first look (Chinese text mostly has none), before the full pattern,
# whose lookbehind makes it try every position.
_ANY_MARK = re.compile("[,;:?!]")
_KANA_OR_HANGUL = re.compile("[\u3040-\u30ff\u31f0-\u31ff\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
# The mark with the spaces after it, between Chinese text: Han, or a Chinese closing mark before
# and an opening one after (curly quotes too, which Chinese text uses); or the mark alone after
# Chinese text at the end of a line or of the text (`你好吗?`, `如下:`).
_CLOSING = "」』）】》〉”’"
# What may follow the mark: Chinese text, or a Chinese mark that opens or closes (`（是吗?）`,
# `“好!”`): a closing one after the mark closes Chinese text, which wants the full-width mark.
_AFTER = f"{_HAN}「『（【《〈“‘{_CLOSING}"
# A number that runs on into Chinese text (`2026年`, `36氪`, `3只`) is Chinese text too: `日期: 2026年`
# wants `：` as `日期: 五月` does. One that does not (`时间: 10:30`) is left alone.
_CHINESE_AHEAD = f"(?:[{_AFTER}]|\\d+[{_HAN}])"
# A percentage ends Chinese text as its last character does (`降低了90％, 内存`, `增长5%,达到`):
# a full-width sign counts as Chinese on the mark's left; an ASCII one after a digit only when
# Chinese text follows the mark (`It rose 5%?` at a line's end may be an English sentence).
_HALF_WIDTH = re.compile(
    f"(?<=[{_HAN}{_CLOSING}\uff05])[,;:?!]"
    f"(?:[ \t\u00a0]*(?={_CHINESE_AHEAD})|(?=[ \t\u00a0]*(?:[\r\n]|\\Z)))"
    f"|(?<=\\d%)[,;:?!][ \t\u00a0]*(?={_CHINESE_AHEAD})"
)
# A run that opens with Chinese text (after spaces) continues a mark that ended the run before.
_OPENS_CHINESE = re.compile(f"[ \t\u00a0]*{_CHINESE_AHEAD}")
# Markup that may stand between a run ending in a mark and the next run of its paragraph:
# emphasis and strike-through markers, and the bracket opening a link (`来源:[新华社](url)`,
# `**注意:** 请`).
_INLINE_MARKUP = re.compile(r"[*_~\[]*")
# What follows a run whose mark ends a line of text (`如下:`, `**注意:**`): the emphasis markers
# that close around it and spaces, then the line's end, a table cell's closing pipe
# (`| 你好吗? |`: a pipe in a paragraph is part of its run, so one right after a run closes a
# cell) or an HTML line break (`如下:<br>`).
_CLOSES_A_LINE = re.compile(
    r"[ \t\u00a0]*(?:[*_~]+[ \t\u00a0]*)?(?:[\r\n]|\Z|\||<br[ \t]*/?>)", re.IGNORECASE
)

# What closes a link's text right after its last run: emphasis markers inside the brackets and the
# closing bracket (`[**注意:**](…)`); the link's destination or reference follows.
_CLOSES_LINK_TEXT = re.compile(r"[*_~]*\]")


@dataclass(frozen=True)
class Options:
    """Options of the rule (its `[rules.halfwidth-punctuation]` table)."""

    fields: tuple[str, ...] = TEXT_FIELDS


def is_chinese(*tags: str | None) -> bool:
    """Whether any of the language tags (`zh-CN`, `zh_TW`, `yue-HK`) is Chinese."""
    return any(primary_language(tag) in _CHINESE_LANGUAGES for tag in tags)


def reads_as_chinese(text: str) -> bool:
    """Whether `text` is Chinese by itself: Han for half its letters or more (a Han character
    and a Latin letter count one each), and no kana or Hangul."""
    if _KANA_OR_HANGUL.search(text):
        return False
    return len(_HAN_CHARACTER.findall(text)) * 2 >= sum(map(str.isalpha, text))


def _change(edited: FieldText, start: int, end: int) -> tuple[int, int, str]:
    """The change of a field's value for the mark at `value[start]` with the spaces after it up to
    `end`: (start, end, full-width mark). When those spaces hold a line fold (a YAML value
    wrapped over lines, `开放,` then `欢迎` on the next line), the mark alone: no edit of the
    mark's line can take the space a fold makes out of the value, and joining the lines, or
    rewriting the value on one line, would change far more than the mark. The line break stays
    and reads as a space, as every other wrap of the value does."""
    full = FULL_WIDTH[edited.value[start]]
    if end > start + 1:
        mark = edited.span(start, start + 1)
        text = edited.text
        if mark.end - mark.start == 1 and text[mark.start] == edited.value[start]:
            after = mark.end
            limit = edited.field.value_span.end
            while after < limit and text[after] in " \t\u00a0":
                after += 1
            if after < limit and text[after] in "\r\n":
                return (start, start + 1, full)
    return (start, end, full)


class HalfwidthPunctuation(Rule):
    code = "TX008"
    name = "halfwidth-punctuation"
    severity = Severity.WARNING
    messages = {"half-width": "half-width {mark!r} in Chinese text, which writes {full!r}"}
    Options = Options

    def __init__(self) -> None:
        self.language: tuple[bool | None] | None = None  # `_language(ctx)`, once per document
        self.templates: list[tuple[int, int]] | None = None
        # A mark that ends a run while its paragraph goes on (`请看:**这里**`): where the run
        # ends, the mark's span and its edit, until the next run shows what follows it.
        self.pending: tuple[int, Span, str, Edit] | None = None
        # The span of the link (not an image) whose text runs come next: a mark that ends its
        # text ends a line or a table cell when the link does (`| [你好吗?](…) |`).
        self.link: Span | None = None

    @classmethod
    def field_keys(cls, ctx: Context) -> frozenset[str]:
        # `on_field` returns at once for any other key.
        return lowered_keys((*ctx.options.fields, "params"))

    def _language(self, ctx: Context) -> bool | None:
        """True: the article's language (or its locale) is Chinese; False: Japanese or Korean;
        None: another or none, where each text tells by itself."""
        if self.language is None:
            language = ctx.document.language
            locale = ctx.site.locale_for(language) if ctx.site is not None else None
            if is_chinese(language, locale):
                self.language = (True,)
            elif (
                primary_language(language) in _OTHER_HAN_LANGUAGES
                or primary_language(locale) in _OTHER_HAN_LANGUAGES
            ):
                self.language = (False,)
            elif _KANA_OR_HANGUL.search(ctx.document.text):
                # A Japanese or Korean article on a site that does not say so: its kanji-only
                # title (`東京,大阪`) looks Chinese, the rest of it does not.
                self.language = (False,)
            else:
                self.language = (None,)
        return self.language[0]

    def _checks(self, ctx: Context, text: str) -> bool:
        """Whether `text` (non-ASCII) is Chinese text to check."""
        chinese = self._language(ctx)
        return reads_as_chinese(text) if chinese is None else chinese

    def on_field(self, ctx: Context, field: Field) -> None:
        # A custom key (`lead`) under `params` is the page's value (hugo 0.168): checked there.
        for read, _ in read_named(ctx.document, field, ctx.options.fields):
            self._check_field(ctx, read)

    def _check_field(self, ctx: Context, field: Field) -> None:
        if not isinstance(field.value, str):
            return
        value: str = field.value
        if value.isascii() or _ANY_MARK.search(value) is None:
            return
        matches = list(_HALF_WIDTH.finditer(value))
        if not matches or not self._checks(ctx, value):
            return
        edited = FieldText(ctx.document.text, field)
        changes = [_change(edited, m.start(), m.end()) for m in matches]
        for match, edits in zip(matches, edited.edits(changes), strict=True):
            mark = value[match.start()]
            span = edited.span(match.start(), match.start() + 1)
            self._report(ctx, span, mark, edits)

    def on_text(self, ctx: Context, node: Text) -> None:
        if self.pending is not None:
            self._resolve(ctx, node)
        text, origin = node.text, None
        if text.isascii() and text[:1] not in FULL_WIDTH:
            # An ASCII run matters only when it opens with a mark right after bold or italic
            # Chinese text (`**来源**: [新华社](…)`: the run is `: `). Asked first: `isascii`
            # costs nothing, the scan for a mark a step per character.
            return
        if _ANY_MARK.search(text) is None:
            return
        if node.in_link and ctx.document.text[node.span.start - 1 : node.span.start] == "<":
            # An autolink's text is its address (`<https://example.com/北京,上海>`): the mark
            # is part of the URL, and a full-width one would change where it leads.
            return
        if "\\" in text:
            # Judged as shown (`开放\\!欢迎` shows `开放!欢迎`), reported and fixed in the source.
            text, origin = unescaped(text)
        # A run right after bold or italic text (`**北京**,上海`) starts with the mark: the
        # character it follows is the last one inside the markers, which is looked at too.
        lead = self._before_emphasis(ctx, node) if text[:1] in FULL_WIDTH else ""
        scan = lead + text
        matches = list(_HALF_WIDTH.finditer(scan))
        if not matches or not self._checks(ctx, text):
            return
        for match in matches:
            start, end = match.start() - len(lead), match.end() - len(lead)
            mark_index = start
            # The run ends, its paragraph goes on (`请看:**这里**`): the next run tells.
            waits = not text[end:].strip(" \t\u00a0") and not self._ends_a_line(ctx, node)
            if origin is not None:
                start, end = origin[start], origin[end - 1] + 1
                if start and node.text[start - 1] == "\\":
                    start -= 1  # the escape goes too: `\\，` would show its backslash
            at = node.span.start + start
            mark_at = node.span.start + (origin[mark_index] if origin else mark_index)
            if self.templates is None:
                document: Document = ctx.document
                self.templates = template_spans(document.body, document.body_start)
            if inside(self.templates, at):
                continue
            mark = text[mark_index]
            if waits:
                # Only spaces follow the mark in its run: they go with it (`来源: [新华社](…)`).
                edit = Edit(at, node.span.end, FULL_WIDTH[mark])
                self.pending = (node.span.end, Span(mark_at, mark_at + 1), mark, edit)
                continue
            edit = Edit(at, node.span.start + end, FULL_WIDTH[mark])
            self._report(ctx, Span(mark_at, mark_at + 1), mark, (edit,))

    def _resolve(self, ctx: Context, node: Text) -> None:
        """Report the mark that ended the run before when this run goes on with Chinese text in
        the same paragraph, only inline markup between them (`请看:**这里**`, `来源:[新华社](…)`)."""
        assert self.pending is not None
        run_end, span, mark, edit = self.pending
        self.pending = None
        between = ctx.document.text[run_end : node.span.start]
        if _INLINE_MARKUP.fullmatch(between) and _OPENS_CHINESE.match(node.text):
            self._report(ctx, span, mark, (edit,))

    @staticmethod
    def _before_emphasis(ctx: Context, node: Text) -> str:
        """The character before the emphasis markers (`*`, `_`) that end right before `node` in
        the source, or "" when no marker is there (a link's `)`, a tag: not looked through)."""
        source = ctx.document.text
        index = node.span.start
        floor = max(ctx.document.body_start, index - 8)
        while index > floor and source[index - 1] in "*_":
            index -= 1
        if index == node.span.start or index == floor:
            return ""
        return source[index - 1]

    def on_link(self, ctx: Context, link: Link) -> None:
        self.link = None if link.is_image else link.span

    def _ends_a_line(self, ctx: Context, node: Text) -> bool:
        """Whether the run ends a line of text: at the line's end (past the spaces the parser
        left out of the run, `如下: `), a table cell's end (`| 你好吗? |`) or a `<br>`, the
        closing emphasis markers around it looked past (`**注意:**`), and so does the last run
        of a link's text when the link ends one (`| [你好吗?](…) |`, `[如下:][ref]` at a line's
        end): the rest of the link is its address, not text that goes on."""
        source = ctx.document.text
        end = node.span.end
        link = self.link
        in_text = node.in_link and link is not None and link.start < end < link.end
        if in_text and link is not None and _CLOSES_LINK_TEXT.match(source, end) is not None:
            # A collapsed reference's `[]` is not in the link's span (pyromark).
            end = link.end + 2 if source.startswith("[]", link.end) else link.end
        return _CLOSES_A_LINE.match(source, end) is not None

    def _report(self, ctx: Context, span: Span, mark: str, edits: tuple[Edit, ...]) -> None:
        full = FULL_WIDTH[mark]
        fix = Fix.safe(f"Write {full!r}", *edits)
        ctx.report(span, "half-width", mark=mark, full=full, fix=fix)
