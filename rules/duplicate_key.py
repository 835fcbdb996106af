"""A front-matter key appears twice.

## What it does
Flags a key that is repeated in the same map of the front matter, at any depth, and points at the
repeat.

## Why is this bad?
YAML loaders silently keep the last value (and some refuse the file), so the value an editor sees
first is not the one Hugo uses.

## Example
    ---
    title: "Budget passes"
    title: "Budget vote"
    ---

## Use instead
    ---
    title: "Budget passes"
    ---
"""

from __future__ import annotations

from newslint import Rule, Severity
from newslint.events import FrontMatter
from newslint.matter import duplicate_keys
from newslint.rule import Context


class DuplicateKey(Rule):
    code = "FM003"
    name = "duplicate-key"
    severity = Severity.ERROR
    messages = {
        "duplicate": "key {key!r} appears again (first on line {first_line}); the last one wins"
    }

    def on_front_matter(self, ctx: Context, front_matter: FrontMatter) -> None:
        for first, repeat in duplicate_keys(front_matter.root):
            line = ctx.document.position(first.key_span.start).line
            ctx.report(repeat.key_span, "duplicate", key=repeat.key, first_line=line)
