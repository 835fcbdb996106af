"""A hashtag or a number sign in an unquoted YAML text starts a comment and cuts the text there.

## What it does
Reports an unquoted (plain) YAML value of a text field (`title`, `linktitle`, `summary`,
`description`, `subtitle`, `lead`, `caption`, `alt`) or an item of `tags`, `categories`,
`keywords` or `series`, when a `#` after a space on the value's line begins a comment that reads
as part of the text: a `#` right before a letter or digit (`#1`, `#OSM`), or a comment that holds
such a hashtag further on. YAML ends a plain value at ` #`, so Hugo (checked with 0.168) shows
`title: We're #1 in Europe` as "We're" and drops the rest without a word. The report is at the
`#` that cuts the value.

The same holds when what comes before the ` #` is a number or nothing: Hugo shows
`title: 2024 #recap` as "2024" and `title: #1 in Europe` as an empty title. An explicit null
(`summary: ~ #todo`, `summary: null #todo`) was written as null on purpose, and its comment is a
note; it is left alone, as are `true`/`false`.

A comment after a space (`title: Budget # draft title`) reads as the note it is and is left
alone, and so is one that opens with a to-do marker (`summary: #TODO write it`, `title: Budget
#fixme`), as are quoted values, block scalars (`|`, `>`), a `#` with no space before it (`C#`,
`item#3`) and TOML and JSON front matter, where an unquoted text is a syntax error instead.

## Why is this bad?
The page's title, summary or description is cut in the middle of a sentence, in the page, in
feeds and in search results, and nothing in the build says so: the writer sees the whole line in
the file and the reader gets half of it.

## Example
    title: We're #1 in Europe
    description: The club says thanks for #20yearsofOSM

## Use instead
    title: "We're #1 in Europe"
    description: "The club says thanks for #20yearsofOSM"

## Fix safety
Unsafe: the fix quotes the value together with the comment, which is what the writer meant when
the `#` was text, and changes the value when the comment was a note after all.
"""

from __future__ import annotations

import re

from newslint import Edit, Fix, Rule, Severity, Span
from newslint.events import Field, Node, render_scalar
from newslint.rule import Context

_TEXT_KEYS = frozenset(
    {"title", "linktitle", "summary", "description", "subtitle", "lead", "caption", "alt"}
)
_LIST_KEYS = frozenset({"tags", "categories", "keywords", "series"})
# What follows a plain value on its line when a comment cuts it: blanks, `#`, the comment.
_COMMENT = re.compile(r"[ \t]+#([^\r\n]*)")
# A `#` that reads as text: right before a letter or digit (`#1`, `#OSM`), at the comment's start
# or after a blank further on.
_HASHTAG = re.compile(r"(?:^|[ \t])#[^\W_]")
# A comment that opens with a to-do marker is the writer's note, hashtag or not (`#TODO ...`).
_NOTE = re.compile(r"(?i)(?:todo|fixme|tbd|xxx|note)(?:[\s:]|$)")
_TITLE = "Quote the value with the text after the #"


class ValueCutByComment(Rule):
    code = "FM011"
    name = "value-cut-by-comment"
    severity = Severity.WARNING
    messages = {
        "cut": "YAML reads {key} as {value}: the ` #` after it starts a comment, and the rest "
        "of the line ({rest!r}) is dropped",
    }

    @classmethod
    def field_keys(cls, ctx: Context) -> frozenset[str]:
        return _TEXT_KEYS | _LIST_KEYS

    def on_field(self, ctx: Context, field: Field) -> None:
        if field.format != "yaml":
            return
        key = field.key.lower()
        node = field.node
        if key in _TEXT_KEYS:
            self._check(ctx, field.key, node)
        elif key in _LIST_KEYS and node.kind == "list":
            for item in node.items:
                self._check(ctx, field.key, item)

    def _check(self, ctx: Context, key: str, node: Node) -> None:
        if node.kind != "scalar" or node.style is not None:
            return
        shown = _shown(node)
        if shown is None:
            return
        text = ctx.document.text
        line_end = text.find("\n", node.span.end)
        line_end = len(text) if line_end < 0 else line_end
        if (
            "#" not in text[node.span.end : line_end]
            or "\n" in text[node.span.start : node.span.end]
        ):
            return  # no `#` on the rest of the line, or a plain value over several lines
        comment = _COMMENT.match(text, node.span.end)
        if comment is None or not _HASHTAG.search("#" + comment.group(1)):
            return
        if _NOTE.match(comment.group(1)):
            return
        rest = comment.group(1).rstrip()
        hash_at = comment.start(1) - 1
        # An empty value's span sits before the blanks: the quotes then open at the `#`.
        start = node.span.start if node.span else hash_at
        whole = text[start : comment.start(1)] + rest
        edit = Edit.replace(Span(start, comment.start(1) + len(rest)), _quoted(whole))
        ctx.report(
            Span(hash_at, hash_at + 1),
            "cut",
            fix=Fix.unsafe(_TITLE, edit),
            key=key,
            value=shown,
            rest="#" + rest,
        )


def _shown(node: Node) -> str | None:
    """How the message names what YAML reads, or None when the value is not one a comment cuts.

    A number (`2024 #recap`) is shown by Hugo as its digits and an empty value (`title: #1 in
    Europe`) as nothing; an explicit `~` or `null` was written as null, and its comment is a note.
    """
    if isinstance(node.value, str):
        return repr(node.value)
    if isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return f"the number {node.value}"
    if node.value is None and not node.span:
        return "empty (null)"
    return None


def _quoted(value: str) -> str:
    """The value as a double-quoted YAML string."""
    return render_scalar(value, "yaml", '"')
