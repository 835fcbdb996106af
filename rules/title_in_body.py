"""The body starts with the title again.

## What it does
Reports a body whose first block repeats the front matter's `title`: a heading of any level (`#`
or an underlined one), or a paragraph of one line that holds nothing but the title (plain, or all
in bold or italics; not a link). The two are compared as a reader sees them: without Markdown
markup (a code span's backticks, backslash escapes, a heading's `{#id}` attributes) and HTML
entities, ignoring case, spacing (in Chinese, Japanese and Korean text, whether there is a space
at all: full-width punctuation carries its own, `v1.33：HPAの設定` repeats `v1.33: HPAの設定`),
the kind of quotes, and the punctuation and pictographs at either end (announcements put an emoji
before the heading: `## 📢 Deadline extended` repeats `Deadline extended`); a `title` that is not
a string to PyYAML is compared as Hugo shows it (`title: 1984`, `title: 1:30`). The report is at
the repeat.

Only the first block counts (HTML comments above it, which show nothing, are passed over), and only
at the top level (not inside a list or a quote); a title that comes again further down is not
reported, nor is a first heading that differs from the title. A file without a `title` (or with an
empty one) is left alone, and so is a page with `chapter: true`: the Learn themes
(hugo-theme-learn, Relearn) print no title on such a page, so its heading is the only one; nor is a
page of a site whose theme is Hugo Book (`hugo-book`), which prints no title on any page, nor the
home page (`content/_index.md`), whose template shows the site's name or a banner rather than the
page's title in most themes (Learn, Relearn, Book among them), nor a page readers never see as a
page of its own (`headless: true`, `build` with `render` and `list` never, a leaf bundle's
resource), whose body a template may show without its title. The rule belongs to the `news`
preset.

## Why is this bad?
News themes print the title as the page's heading, so the page shows the headline twice, has two
top-level headings (what markdownlint's MD025 reports as well), and Hugo's automatic summary, which
starts at the top of the body, opens with the headline again. Articles copied from a web page
or a word processor usually bring their headline along this way.

## Example
    ---
    title: "Budget passes after a week of talks"
    ---

    # Budget passes after a week of talks

    The budget passed on Tuesday.

    [Reuters](https://www.reuters.com/world/budget-passes)

## Use instead
    ---
    title: "Budget passes after a week of talks"
    ---

    The budget passed on Tuesday.

    [Reuters](https://www.reuters.com/world/budget-passes)

## Fix safety
The fix deletes the repeated block and the blank lines after it. It is unsafe: it removes text the
page shows, and on a site whose theme does not print the title the heading is the only one. There
is no fix for a heading whose anchor the article links to (`[the vote](#budget-passes)`): the link
would lead nowhere (links from other pages to it cannot be seen from the article, another reason
the fix is unsafe), nor for a repeat that is all the text the body has (`Apply for a student job!`
under that title, with at most a source link below): deleting it would leave the article empty,
which `body-empty` reports.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from newslint import Edit, Fix, Rule, Severity, Span
from newslint.document import Document
from newslint.events import Code, Heading, Paragraph
from newslint.rule import Context
from newslint.textutil import line_start, unescape

from ._anchors import _ATTRIBUTES, _dig, _heading_source, first_heading_id
from ._crossfile import is_section_page
from ._page_urls import logical_path
from ._pages import hugo_book_site, hugo_text, hugo_true, never_shown

# Emphasis around a whole paragraph: `**Title**`, `_Title_`.
_EMPHASIS = "*_"
# What is left out of the comparison: punctuation and spaces at the ends.
_ENDS = " \t\r\n.:;,!?。：；，！？…-–—|"
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_REST_OF_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
# Markup that the heading's text runs leave out (code spans) or keep (escapes, attributes).
_MARKUP = re.compile(r"[`\\{]")
_BLANK_LINES = re.compile(r"(?:[ \t]*(?:\r\n|\r|\n))*")


def comparable(text: str) -> str:
    """`text` as the rule compares it: unescaped, NFKC, no invisible characters or backticks,
    plain quotes, single spaces, no punctuation at the ends, case-folded."""
    if "&" in text:
        text = unescape(text)
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():  # invisible characters and curly quotes are all outside ASCII
        text = _INVISIBLE.sub("", text).translate(_QUOTES)
    text = text.replace("`", "")  # a title's code span shows as its text in the heading
    # `str.split` splits at the characters `\s` matches, in one pass instead of a regex's try
    # at every position; the spaces at the ends go with `_ENDS` either way.
    spaced = " ".join(text.split()).strip(_ENDS).casefold()
    if not spaced.isascii():
        spaced = _without_pictographs(spaced)
    if not spaced.isascii() and _CJK.search(spaced):
        # Chinese, Japanese and Korean full-width punctuation carries its own spacing: the title
        # `v1.33: HPAの設定` is the heading `v1.33：HPAの設定` (NFKC makes `：` a `:`, not `: `)
        return spaced.replace(" ", "")
    return spaced


def _without_pictographs(text: str) -> str:
    """`text` without the emoji and other pictographs (with their variation selectors) at its
    ends, and the punctuation and spaces they leave there: `📢 Deadline extended` is the title
    `Deadline extended` to a reader. A text of nothing else is kept as it is."""
    start, end = 0, len(text)
    while start < end and (text[start] in _ENDS or _is_pictograph(text[start])):
        start += 1
    while end > start and (text[end - 1] in _ENDS or _is_pictograph(text[end - 1])):
        end -= 1
    return text[start:end] if start < end else text


def _is_pictograph(char: str) -> bool:
    """An emoji or another pictograph (Unicode's other symbols), or a variation selector."""
    return unicodedata.category(char) == "So" or "\ufe00" <= char <= "\ufe0f"


class TitleInBody(Rule):
    code = "BD014"
    name = "title-in-body"
    severity = Severity.WARNING
    presets = ("news",)
    messages = {
        "heading": "the first heading repeats the title: the page shows it twice",
        "paragraph": "the first paragraph repeats the title: the page shows it twice",
    }

    def __init__(self) -> None:
        self.first_seen = False

    def on_heading(self, ctx: Context, heading: Heading) -> None:
        self._first_block(ctx, heading.span, heading, "heading")

    def on_paragraph(self, ctx: Context, paragraph: Paragraph) -> None:
        self._first_block(ctx, paragraph.span, paragraph.plain, "paragraph")

    def on_code(self, ctx: Context, node: Code) -> None:
        self.first_seen = True

    def _first_block(self, ctx: Context, span: Span, shown: str | Heading, kind: str) -> None:
        if self.first_seen:
            return
        self.first_seen = True
        document = ctx.document
        text = document.text
        if _without_comments(text[document.body_start : span.start]).strip(" \t\r\n"):
            return  # the block is inside a list or a quote, or after something else
        if kind == "paragraph":
            source = text[span.start : span.end].strip()
            if "\n" in source or "\r" in source or "[" in source or "<" in source:
                # A title takes one line; and a link named after the title (the source link of
                # an article that has no other text) or HTML is no repeat of it.
                return
            shown = _without_emphasis(source)
        title = hugo_text(document, "title")  # `title: 1984`: Hugo shows the number
        if title is None or not (wanted := comparable(title)):
            return
        heading: Heading | None = None
        if isinstance(shown, Heading):
            heading = shown
            shown = heading.text
            if comparable(shown) != wanted and _MARKUP.search(text, span.start, span.end):
                shown = _heading_shown(document, heading)
        if comparable(shown) != wanted:
            return
        # After the comparison, which nearly every article fails: these read the page's cascade.
        if hugo_true(document, "chapter") or hugo_book_site(document.site):
            return  # the theme prints no title: the body's heading is the only one
        if never_shown(document):
            return  # no page of its own (headless, a bundle's resource): a template shows its body
        if _home_page(document):
            return  # a home page's template shows the site's name or a hero, rarely the title
        end = _after_blank_lines(text, _line_end(text, span.end))
        # From the line's start: an indentation left behind would indent the line after
        start = line_start(text, span.start, document.body_start)
        start = start if not text[start : span.start].strip(" \t") else span.start
        fix: Fix | None = Fix.unsafe("Delete the repeated title", Edit.delete(Span(start, end)))
        if heading is not None and _linked_to(document, heading):
            fix = None  # deleting the heading would break the page's links to it
        elif len(document.prose_and_headings()) < 2:
            fix = None  # the repeat is the body's only text: deleting it would empty the page
        ctx.report(span, kind, fix=fix)


def _heading_shown(document: Document, heading: Heading) -> str:
    """What a reader sees of a heading whose text has markup the parser's runs leave out or
    keep: its code spans' text, its characters without their backslash escapes, and without
    Goldmark's `{#id .class}` attributes (on in Hugo unless turned off)."""
    import pyromark

    source = _heading_source(document, heading)
    raw = document.site.raw if document.site is not None else {}
    attributes = _ATTRIBUTES.search(source)
    if attributes and _dig(raw, "markup", "goldmark", "parser", "attribute", "title") is not False:
        source = source[: attributes.start()]
    out: list[str] = []
    events: Any = pyromark.events("# " + source)
    for event in events:
        if isinstance(event, dict):
            kind, info = next(iter(event.items()))
            if kind in ("Text", "Code"):
                out.append(info)
    return "".join(out)


def _linked_to(document: Document, heading: Heading) -> bool:
    """Whether the article names the heading's anchor (`[vote](#budget-passes)`, `href="#..."`,
    a reference definition) anywhere outside the heading itself."""
    anchor = first_heading_id(document, heading)
    if anchor is None:
        return False
    text = document.text
    mention = re.compile("#" + re.escape(anchor) + r"(?![\w-])")
    return any(
        mention.search(text, start, end)
        for start, end in ((document.body_start, heading.span.start), (heading.span.end, len(text)))
    )


def _home_page(document: Document) -> bool:
    """Whether the file is the site's (or a language's) home page, `content/_index.md`."""
    if not is_section_page(document):
        return False
    place = logical_path(document)
    if place is not None:
        return not place[0]
    # no site to place it in: a folder named `content` holds it
    return document.path.replace("\\", "/").rpartition("/")[0].rpartition("/")[2] == "content"


def _without_emphasis(source: str) -> str:
    """The paragraph's text inside emphasis markers that wrap all of it (`**Title**`, `_Title_`,
    `**_Title_**`); as written where they do not pair (`*Title**` shows a star)."""
    opening = len(source) - len(source.lstrip(_EMPHASIS))
    markers = source[:opening]
    if markers and len(source) > 2 * opening and source.endswith(markers[::-1]):
        return source[opening:-opening]
    return source


def _without_comments(text: str) -> str:
    """`text` without its HTML comments, which show nothing (a suppression comment above a
    heading is no block before it); an unclosed `<!--` and what follows it stay."""
    kept: list[str] = []
    at = 0
    while (opening := text.find("<!--", at)) >= 0:
        closing = text.find("-->", opening + 4)
        if closing < 0:
            break
        kept.append(text[at:opening])
        at = closing + 3
    kept.append(text[at:])
    return "".join(kept)


def _after_blank_lines(text: str, offset: int) -> int:
    """The offset after the blank lines that start at `offset`."""
    match = _BLANK_LINES.match(text, offset)
    return match.end() if match else offset


def _line_end(text: str, offset: int) -> int:
    """The offset after the line break that ends the line `offset` is on (or the text's end)."""
    if offset > 0 and text[offset - 1] in "\r\n":
        return offset  # the span already ends with its line break
    match = _REST_OF_LINE.match(text, offset)
    return match.end() if match else offset
