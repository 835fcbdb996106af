"""Prose indented four spaces, which Markdown shows as a code block.

## What it does
Reports an indented code block (lines that start with four spaces or a tab, after a blank line)
that holds prose rather than code: sentences that end in a full stop (`.`, `!`, `?`, `。`, `！`,
`？`), mostly letters, at least eight words (or twenty characters of a script written without
spaces), and none of what code is made of (`;` or a brace at a line's end, `==`, `=>`, `->`, `::`,
`&&`, `||`, a shell or Python prompt, an HTML tag, a line a keyword opens as code does: `def f(`,
`from x import y`, `import x`, `if x:`, `for x in y:`, `while (x)`, `var x =`, a `return` of one
value). A wrapped line of prose may start with the same words (`if the council agrees, the`,
`from Monday on`, a Norwegian `var det`): those do not make the block code. Scrapers and word processors indent paragraphs with spaces (a
Chinese article's two-character first-line indent often becomes four spaces); Markdown then
shows the paragraph in a monospaced box, with its links and emphasis as plain text.

It also reports HTML indented four spaces inside an HTML element left open above it, as
WordPress exporters pretty-print a post (`<div>`, then `    <p>` after a line of spaces): the line
of spaces ends the HTML block, and Markdown shows the rest, tags and all, as a code block (checked
with hugo 0.168). An indented block of HTML that no open element holds is a sample of markup,
left alone.

Only blocks at the top level of the article are looked at (in a list or a block quote, the
indentation that makes code depends on the container), and fenced code blocks never; but the
text of a list item written five spaces or more after its marker (`2.       ATNA is ...`, as word
processors and Blogger write numbered paragraphs) is a code block too, the first block of the
item (checked with hugo 0.168), and is reported the same way. The body of a `{{< name >}}`
shortcode is left alone: Hugo hands it to the shortcode, not to Markdown, and a `rawhtml`
shortcode (`{{ .Inner }}`, how sites that do not render raw HTML let some through) shows it as
written (checked with hugo 0.168); a `{{% name %}}` body is Markdown, and looked at.

## Why is this bad?
Readers get a grey box of monospaced text that does not wrap on a phone, links that cannot be
clicked, and `**bold**` shown with its asterisks; search engines index it as code.

## Example
    The vote was held on Tuesday.

        The minister said the budget would pass this week, as talks went on.

## Use instead
    The vote was held on Tuesday.

    The minister said the budget would pass this week, as talks went on.

## Fix safety
Unsafe: the fix removes the indentation (four columns) from each line of the block, which makes
it the paragraph it reads as (or, for HTML, the HTML block it was written as); the writer may
have meant a quotation or code after all. There is no fix when a line would then start a
heading, list, quote, table or HTML block instead of continuing the paragraph (for HTML: when a
line after a blank one would not start with a tag). In a list item the spaces after the marker
become one, when the item's text is one line (with more lines, their indentation decides where they
belong: no fix).
"""

from __future__ import annotations

import re

from newslint import Edit, Fix, Rule, Severity, Span
from newslint.document import Document
from newslint.events import Code, Html
from newslint.rule import Context
from newslint.textutil import is_cjk_char

from ._body import Regions, shortcode_bodies

MIN_WORDS = 8
MIN_CJK_CHARS = 20
# A line a keyword opens the way code opens it, not as a sentence's wrapped line opens it:
# `from x import y`, not `from Monday on`; `if x:`, not `if the council agrees, it`; `var x =`,
# not a Swedish `var det`. A prose line may start with any of these words.
_KEYWORD_LINE = (
    r"^[ \t]*(?:def[ \t]+\w+[ \t]*\("
    r"|(?:async[ \t]+)?function\b[ \t]*[\w$]*[ \t]*\("
    r"|class[ \t]+\w+[ \t]*(?:\([^()\n]*\)[ \t]*)?:"
    r"|class[ \t]+\w+[ \t]+(?:extends|implements)\b"
    r"|from[ \t]+\.*[\w.]+[ \t]+import\b"
    r"|import[ \t]*[{*\"'(]"
    r"|import[ \t]+[\w.]+(?:[ \t]+as[ \t]+\w+)?(?:[ \t]*,[ \t]*[\w.]+(?:[ \t]+as[ \t]+\w+)?)*"
    r"[ \t]*;?[ \t]*$"
    r"|(?:var|let|const)[ \t]+[\w$]+[ \t]*(?::[^=\n]*)?=(?!=)"
    r"|(?:public|private|protected)[ \t]+(?:static|final|abstract|void|class|interface|enum|async"
    r"|function|override|readonly|int|bool|boolean)\b"
    r"|return(?:[ \t]+[^\s.!?。]+(?:\.[^\s.!?。]+)*)?[ \t]*$"
    # Python's `if x:` (a comment after it), C's `while (x)` (its body on the next line), the
    # shell's `for f in *; do`.
    r"|(?:if|elif|for|while)\b[^\n]*:[ \t]*(?:#[^\n]*)?$"
    r"|(?:if|for|while)[ \t]*\([^\n]*\)[ \t]*$"
    r"|(?:if|for|while)\b[^\n]*;[ \t]*(?:then|do)[ \t]*$)"
)
# What code is made of, and prose is not.
_CODE_SIGNS = re.compile(
    r"[;{}]\s*$|^\s*[{}]|==|=>|->|::|&&|\|\||</?[A-Za-z][\w-]*[\s/>]|^\s*(?:\$|>>>|%|#!|//|/\*)"
    r"|\b\w+\([^()\n]*\)\s*$|^\s*[\w.]+\s*=\s|" + _KEYWORD_LINE,
    re.MULTILINE,
)
# A list item's marker at the start of its line and the spaces after it, when its text is a code
# block (five spaces or more after the marker: one for the marker, four for the code).
_ITEM_START = re.compile(r"[ ]{0,3}([-*+]|[0-9]{1,9}[.)])( {5,})")
_SENTENCE_END = re.compile(r"[.!?](?:[\"'”’)\]]*)(?:\s|$)|[。！？]")
_WORD = re.compile(r"[^\W\d_]{2,}")
# What a line may not start with once it loses its indentation: it would begin another block.
_BLOCK_START = re.compile(
    r"[ \t]*(?:[#>|<]|[-*+][ \t]|[0-9]{1,9}[.)](?:[ \t]|$)|```|~~~|=+[ \t]*$|-+[ \t]*$)"
)


def _looks_like_prose(content: str) -> bool:
    if _CODE_SIGNS.search(content) or not _SENTENCE_END.search(content):
        return False
    visible = [c for c in content if not c.isspace()]
    if not visible:
        return False
    letters = sum(c.isalpha() for c in visible)
    if letters < 0.6 * len(visible):
        return False
    cjk = sum(is_cjk_char(c) for c in visible)
    return cjk >= MIN_CJK_CHARS or len(_WORD.findall(content)) >= MIN_WORDS


class IndentedProse(Rule):
    code = "BD010"
    name = "indented-prose"
    severity = Severity.WARNING
    messages = {
        "indented": "this prose is indented four spaces, so Markdown shows it as a code block",
        "item": "this list item's text starts {spaces} spaces after its marker, so Markdown shows "
        "it as a code block",
        "html": "this HTML is indented four spaces inside <{tag}>, so Markdown shows its tags as a "
        "code block",
    }

    def on_code(self, ctx: Context, code: Code) -> None:
        if not code.block or code.text.lstrip(" \t").startswith(("```", "~~~")):
            return
        document = ctx.document
        if Regions(shortcode_bodies(document)).covers(code.span.start):
            return  # a `{{< >}}` body is the shortcode's to show (as it is, for `rawhtml`)
        text = document.text
        line_start = text.rfind("\n", 0, code.span.start) + 1
        prefix = text[line_start : code.span.start]
        item = _ITEM_START.fullmatch(prefix)
        if prefix not in ("    ", "\t") and item is None:
            return  # in a quote, or indented further: not the top-level case
        end = code.span.end
        while end > code.span.start and text[end - 1] in "\r\n":
            end -= 1
        if not _looks_like_prose(code.text):
            if item is None and _HTML_START.match(code.text):
                tag = _open_elements(document).get(code.span.start)
                if tag is not None:
                    fix = _dedent(text, line_start, end, html=True)
                    ctx.report(Span(code.span.start, end), "html", fix=fix, tag=tag)
            return
        if item is None:
            ctx.report(Span(code.span.start, end), "indented", fix=_dedent(text, line_start, end))
            return
        # The item's text: from the spaces after the marker (those the block keeps included).
        start = line_start + item.end(1)
        words = len(code.text) - len(code.text.lstrip(" "))
        spaces = len(item.group(2)) + words
        fix = None
        if "\n" not in text[start:end]:
            edit = Edit.replace(Span(start, code.span.start + words), " ")
            fix = Fix.unsafe("Keep one space after the list marker", edit)
        ctx.report(Span(start + spaces, end), "item", fix=fix, spaces=spaces)


def _dedent(text: str, start: int, end: int, *, html: bool = False) -> Fix | None:
    """Four columns of indentation off each line of `text[start:end]`, or None when a line would
    then start another block (for HTML: when a line that starts a block is no tag)."""
    edits = []
    position = start
    starts_a_block = True
    while position < end:
        line_end = text.find("\n", position, end)
        line_end = end if line_end < 0 else line_end
        line = text[position:line_end].rstrip("\r")
        if line.strip(" \t"):
            if line.startswith("    "):
                width = 4
            elif line.startswith("\t"):
                width = 1
            else:
                return None  # a lazy line: not the block's own
            if html:
                if starts_a_block and not _HTML_START.match(line[width:]):
                    return None
            elif _BLOCK_START.match(line[width:]):
                return None
            edits.append(Edit.delete(Span(position, position + width)))
            starts_a_block = False
        else:
            starts_a_block = True
        position = line_end + 1
    return Fix.unsafe("Remove the indentation", *edits) if edits else None


# An indented block that starts with a tag; a tag, open, closing or self-closing.
_HTML_START = re.compile(r"[ \t]*</?[A-Za-z][\w-]*[\s/>]")
_TAG = re.compile(r"<(/?)([A-Za-z][\w-]*)(?:\s[^<>]*?)?(/?)>")
# Elements whose text is no HTML, and elements without content, which no closing tag ends.
_RAW_TEXT = frozenset({"script", "style", "textarea", "title"})
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)


def _open_elements(document: Document) -> dict[int, str]:
    """For each indented block of HTML at the article's top level, the innermost element that
    the HTML blocks above it (and such blocks, meant as HTML) left open, by the block's start."""
    return document.memo("indented-prose-open-html", _walk_open_elements, document)


def _walk_open_elements(document: Document) -> dict[int, str]:
    found: dict[int, str] = {}
    if "<" not in document.body:
        return found
    text = document.text
    stack: list[str] = []
    for node in document.body_nodes:
        if isinstance(node, Html) and not node.inline:
            written = node.text
        elif (
            isinstance(node, Code)
            and node.block
            and _HTML_START.match(node.text)
            and text[text.rfind("\n", 0, node.span.start) + 1 : node.span.start] in ("    ", "\t")
        ):
            if stack:
                found[node.span.start] = stack[-1]
            written = node.text
        else:
            continue
        for tag in _TAG.finditer(written):
            name = tag.group(2).lower()
            if stack and stack[-1] in _RAW_TEXT and name != stack[-1]:
                continue  # `if (a <b && c > d)` in a script is no tag
            if tag.group(1):
                if name in stack:
                    del stack[len(stack) - 1 - stack[::-1].index(name) :]
            elif not tag.group(3) and name not in _VOID:
                stack.append(name)
    return found
