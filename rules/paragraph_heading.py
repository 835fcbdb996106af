"""A paragraph that the `---` line right under it turns into a heading.

## What it does
Reports a `---` line that Markdown reads as the underline of a heading (a setext heading, `<h2>`)
where the text above it is a paragraph, not a heading: the text ends with a full stop (`.`, `。`,
`!`, also before closing `*`, `_`, quotes or brackets), runs over two or more lines, or is longer
than a heading (more than 20 words, or 60 characters of a script written without spaces); and the
`---` line is shorter than half of that text's widest line. A writer who puts `---` under text
without a blank line means a horizontal rule; CommonMark (Hugo's Goldmark) makes the text above
it a heading instead.

Underlines as wide as their text (what converters such as html2text write for an `<h2>`, and what
people type when they mean a heading), `===` underlines (an `<h1>`) and short headings are left
alone, and so is text at the start of a file without front matter (there the `---` is most
likely the end of a front-matter block whose start is broken, which front-matter-missing reports).
The report is at the `---` line.

## Why is this bad?
The whole paragraph is shown in heading type, enters the table of contents and the outline
screen readers navigate by, and the rule the writer wanted is not drawn. Scraped disclaimers and
sign-offs above a `---` are the usual cause.

## Example
    The vote passed on Monday.
    ---

## Use instead
    The vote passed on Monday.

    ---

## Fix safety
The fix inserts a blank line before the `---` line, which makes the text a paragraph and the
`---` a horizontal rule. It is unsafe: the writer may have meant the heading. There is no fix
inside a blockquote or a list, where the blank line would also end the quote or the item.
"""

from __future__ import annotations

import re

from newslint import Edit, Fix, Rule, Severity, Span
from newslint.events import Heading
from newslint.rule import Context
from newslint.textutil import is_cjk_char

# Full stops end a paragraph; `?` is left out: a question is a common heading ("What's next?").
_FULL_STOPS = frozenset(".。!！．")
# What may follow the full stop at the end of the text: emphasis markers, quotes, brackets.
_CLOSERS = "*_\"'”’»)]）」』 \t"
_UNDERLINE = re.compile(r" {0,3}-+[ \t]*")
MAX_HEADING_WORDS = 20
MAX_HEADING_CJK_CHARS = 60


class ParagraphHeading(Rule):
    code = "BD009"
    name = "paragraph-heading"
    severity = Severity.WARNING
    messages = {
        "underline": "the '---' line under this {why} makes it a heading; a blank line before "
        "it makes a paragraph and a horizontal rule",
    }

    def on_heading(self, ctx: Context, heading: Heading) -> None:
        if heading.level != 2:
            return
        document = ctx.document
        text = document.text
        if not document.has_front_matter and not text[: heading.span.start].strip(" \t\r\n\ufeff"):
            return  # the `---` most likely closes front matter that Hugo did not see open
        source = text[heading.span.start : heading.span.end]
        lines = source.splitlines(keepends=True)
        if len(lines) < 2:
            return  # an ATX heading (`## ...`) is one line
        underline = lines[-1].rstrip("\r\n")
        start = heading.span.end - len(lines[-1])
        dashes = underline.lstrip(" \t>")  # in a blockquote the line is `> ---`
        if not dashes.startswith("-"):
            return
        written = [line.rstrip("\r\n") for line in lines[:-1]]
        widest = max(len(line.strip()) for line in written)
        if len(dashes.strip()) * 2 >= widest:
            return  # as wide as its text: a heading someone (or a converter) underlined
        why = _paragraph_reason(heading.text, len(written))
        if why is None:
            return
        fix = None
        line_start = text.rfind("\n", 0, start) + 1
        top_level = _UNDERLINE.fullmatch(underline) is not None and not text[
            text.rfind("\n", 0, heading.span.start) + 1 : heading.span.start
        ].strip(" ")
        if top_level and line_start == start:
            ending = lines[-2][len(written[-1]) :] or "\n"  # the file's own line break
            fix = Fix.unsafe("Insert a blank line before '---'", Edit.insert(start, ending))
        at = start + len(underline) - len(dashes)
        ctx.report(Span(at, at + len(dashes.rstrip())), "underline", fix=fix, why=why)


def _paragraph_reason(plain: str, line_count: int) -> str | None:
    """Why the heading's text reads as a paragraph ("sentence", ...), or None when it does not."""
    if line_count >= 2:
        return "paragraph of several lines"
    stripped = plain.rstrip(_CLOSERS)
    if stripped[-1:] in _FULL_STOPS and not stripped.endswith(".."):  # `...` trails off
        return "sentence"
    cjk = sum(1 for char in plain if is_cjk_char(char))
    if len(plain.split()) > MAX_HEADING_WORDS or cjk > MAX_HEADING_CJK_CHARS:
        return "paragraph"
    return None
