"""Front matter does not parse.

## What it does
Reports a YAML, TOML or JSON syntax error in the front matter at the parser's own line and column,
which is where the parser gave up rather than where the slip is (a quote left open is reported at
the end of the block, the message naming the line it starts on; a repeated TOML key after its
value); a block that is opened and never closed (at its opening delimiter); and YAML that newslint
refuses to read: tags such as `!!python/object/apply` (never constructed, so nothing runs), aliases
that expand into more than 100,000 values (a "billion laughs" file), and nesting deeper than 200
levels.

## Why is this bad?
`hugo` stops with an error on such a file, so the whole site fails to build.

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

from newslint import Rule, Severity
from newslint.document import Document
from newslint.rule import Context


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
            ctx.report(error.span, kind, message=error.message)
