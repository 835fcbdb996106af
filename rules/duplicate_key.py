"""A front-matter key appears twice.

## What it does
Flags a key that is repeated in the same map of the front matter, at any depth, and points at the
repeat. Hugo lowercases the keys of the front matter and of the maps in it (not of maps inside
lists), so `title` and `Title` in one map are a repeat too.

## Why is this bad?
Hugo refuses a YAML front matter with a repeated key ("mapping key already defined"), so the site
does not build; in JSON it silently keeps the last value, so the value an editor sees first is not
the one Hugo uses. (A repeated TOML key is a syntax error, `front-matter-syntax`'s.) Of two
spellings of a key Hugo keeps one that is not all lower case, whichever comes first, and of two such
spellings either one, from one build to the next.

A key written both at the top level and under the page's `params` map (`tags: [a]` with
`params: {tags: [b]}`, any form and letter case) is a repeat as well, reported at the top-level
one as a warning: Hugo 0.150+ makes each `params` key the page's `.Params.<key>` and drops the
top-level value, whatever `params` holds (checked with hugo 0.168: the page's terms and term pages
are those of `params.tags`, and `/tags/a/` is not built). Hugo's own fields (`title`, `date`,
`draft`, `summary`, `keywords` ...) are not read from `params`, so both of those count.

## Example
    ---
    title: "Budget passes"
    title: "Budget vote"
    tags: [economy]
    params:
      tags: [budget]
    ---

## Use instead
    ---
    title: "Budget passes"
    params:
      tags: [economy, budget]
    ---
"""

from __future__ import annotations

from newslint import Rule, Severity
from newslint.events import Entry, FrontMatter, Node
from newslint.matter import duplicate_keys
from newslint.rule import Context

from ._params import HUGO_FIELDS, params_field


class DuplicateKey(Rule):
    code = "FM003"
    name = "duplicate-key"
    severity = Severity.ERROR
    messages = {
        "duplicate": "key {key!r} appears again (first on line {first_line}){outcome}",
        "case": "key {key!r} repeats {first!r} (line {first_line}) in other letter case: Hugo "
        "ignores case and keeps only one of them",
        "params": "key {key!r} is set under params too (line {first_line}): Hugo takes "
        "params.{nested} and ignores this one",
    }

    def on_front_matter(self, ctx: Context, front_matter: FrontMatter) -> None:
        # Hugo's YAML decoder stops at a repeated key; Go's JSON decoder keeps the last value.
        if front_matter.format == "yaml":
            outcome = ": Hugo refuses the file"
        else:
            outcome = "; the last one wins"
        text = ctx.document.text
        for first, repeat in duplicate_keys(front_matter.root):
            line = ctx.document.position(first.key_span.start).line
            written = text[repeat.key_span.start : repeat.key_span.end]
            # A key YAML reads as no string (`null`, `~`, `1`) is named as written, not 'None'.
            key = repeat.key if not written or written[0] in "\"'" else written
            ctx.report(repeat.key_span, "duplicate", key=key, first_line=line, outcome=outcome)
        for first, repeat in case_variants(front_matter.root):
            line = ctx.document.position(first.key_span.start).line
            ctx.report(repeat.key_span, "case", key=repeat.key, first=first.key, first_line=line)
        if ctx.document.field("params") is not None:
            self._under_params(ctx)

    def _under_params(self, ctx: Context) -> None:
        """A top-level key that the page's `params` map sets too: Hugo drops the top-level value
        (not one of Hugo's own fields, which it reads from the top level only)."""
        for field in ctx.document.fields:
            if field.key.lower() in HUGO_FIELDS:
                continue
            nested = params_field(ctx.document, field.key)
            if nested is None:
                continue
            line = ctx.document.position(nested.key_span.start).line
            ctx.report(
                field.key_span,
                "params",
                key=field.key,
                nested=nested.key,
                first_line=line,
                severity=Severity.WARNING,
            )


def case_variants(root: Node) -> list[tuple[Entry, Entry]]:
    """(first, repeat) pairs of keys of one map that differ only in letter case, in the maps
    Hugo lowercases: the root and the maps under it, not maps inside lists."""
    pairs: list[tuple[Entry, Entry]] = []
    stack = [root]
    while stack:
        node = stack.pop()
        first_by_key: dict[str, Entry] = {}
        spellings: set[str] = set()
        for entry in node.entries:
            first = first_by_key.setdefault(entry.key.lower(), entry)
            if first.key != entry.key and entry.key not in spellings:
                pairs.append((first, entry))  # an exact repeat is reported as `duplicate`
            spellings.add(entry.key)
            if entry.node.kind == "map":
                stack.append(entry.node)
    return sorted(pairs, key=lambda pair: pair[1].key_span.start)
