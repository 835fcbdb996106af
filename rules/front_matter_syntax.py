"""Front matter does not parse.

## What it does
Reports a YAML, TOML or JSON syntax error in the front matter at the parser's own line and column,
which is where the parser gave up rather than where the slip is (a quote left open is reported at
the end of the block, the message naming the line it starts on; TOML that ends too soon, a list
or a multi-line string left open, at the end of the block's last line); where hugo 0.168 points
elsewhere, newslint points there too: a repeated TOML key at the key, a YAML line without a `:`
(a value wrapped onto a line of its own) at that line; a block that is opened and never closed
(at its opening delimiter), or closed only by a line that starts with the delimiter and goes on
(`----`, `---x`: Hugo ends the block at the first three characters of the first such line, even
when a line of the delimiter alone comes later, and shows the rest of it in the body); a YAML key
that is a list or a map (`[a, b]: c`, `? - a`), which Python's YAML reader takes and Hugo's refuses
(not a template action, `title: {{ .Name }}`, which an archetype holds and Hugo runs first); and
YAML that newslint refuses to read: tags such as `!!python/object/apply` (never constructed, so
nothing runs), aliases that expand into more than 100,000 values (a "billion laughs" file),
nesting deeper than 200 levels, and control characters written as they are (U+0007 in a value).

## Why is this bad?
`hugo` stops with an error on a syntax error, an unclosed block or a key that is a list or a map,
so the whole site fails to build. What only newslint refuses builds (checked with hugo 0.168):
Hugo's YAML reader ignores a tag it does not know (`!foo a` is `a`, and a
`!!python/object/apply` call is an empty value) and takes a control character into the value;
but then newslint cannot check the front matter, and the page is not what its author sees. A
no-break space (U+00A0) or another Unicode space where indentation was meant (a list pasted from
a web page) is text to both YAML readers, no indentation: after a top-level key with no value,
Hugo's reader takes the line for that key's text (`tags:`, then ` - x` led by U+00A0, makes
`tags` that string, not a list) and builds, which the message says; elsewhere both refuse it.
NEL, LS and PS (U+0085, U+2028, U+2029) are text to Hugo's reader, not line breaks, and so is a
BOM (U+FEFF) at the start of a line; a tab after a list's dash separates a scalar item (`-\\tx`)
and fails the build before a map item: newslint reads them all so too.

## Example
    ---
    title: "Budget: the vote
    ---

## Use instead
    ---
    title: "Budget: the vote"
    ---
"""

from __future__ import annotations

import re

from newslint import Rule, Severity
from newslint.document import Document
from newslint.events import FrontMatter, Node
from newslint.rule import Context

# A key written as a flow list or map (`[a]`, `{a: 1}`) or as a block list (`? - a`): Hugo's YAML
# reader refuses it ("found an invalid key for this map"), Python's makes a string of it.
_COLLECTION_KEY = re.compile(r"[\[{]|-(?:[ \t\r\n]|$)")
# A line where a key that is a list or a map can start: `[a, b]: c`, `? - a`, `- [a]: b`.
_COLLECTION_KEY_LINE = re.compile(r"(?:^|\r)[ \t]*(?:-[ \t]+)*[\[?]", re.MULTILINE)


class FrontMatterSyntax(Rule):
    code = "FM002"
    name = "front-matter-syntax"
    severity = Severity.ERROR
    messages = {
        "syntax": "{message}",
        "unterminated": "{message}",
    }

    def on_document_start(self, ctx: Context, document: Document) -> None:
        for error in document.front_matter_errors:
            if error.kind == "duplicate":
                continue
            kind = "unterminated" if error.kind == "unterminated" else "syntax"
            ctx.report(error.span, kind, message=_with_hugo_verdict(error.message))

    def on_front_matter(self, ctx: Context, front_matter: FrontMatter) -> None:
        if front_matter.format != "yaml":
            return
        text = ctx.document.text
        block = ctx.document.front_matter_block
        if block is not None:
            written = text[block.start : block.end]
            if "{" not in written and (
                ("[" not in written and "?" not in written)
                or _COLLECTION_KEY_LINE.search(written) is None
            ):
                return  # no line starts with `[` or `?` (after list dashes), and no flow map
        stack: list[Node] = [front_matter.root]
        while stack:
            node = stack.pop()
            stack.extend(node.items)
            for entry in node.entries:
                stack.append(entry.node)
                source = text[entry.key_span.start : entry.key_span.end]
                start = entry.key_span.start
                if source.startswith("{") and text[start - 1 : start] == "{":
                    # `title: {{ .Name }}`: a template action, as archetypes hold (Hugo runs
                    # them before it reads the YAML); not reported.
                    continue
                if _COLLECTION_KEY.match(source):
                    message = (
                        f"YAML key {source.splitlines()[0]!r} is a list or a map, not a name: "
                        "Hugo fails the build"
                    )
                    ctx.report(entry.key_span, "syntax", message=message)


def _with_hugo_verdict(message: str) -> str:
    """The parser's message, and what Hugo does where it disagrees (checked with hugo 0.168)."""
    if message.startswith("unsupported YAML tag"):
        return f"{message} (newslint does not read it; Hugo ignores the tag and builds the page)"
    if "control characters are not allowed" in message:
        return (
            f"{message} by newslint's YAML reader (Hugo's takes the character into the value; "
            "control-char removes it)"
        )
    return message
