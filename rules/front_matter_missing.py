"""File has no front matter.

## What it does
Flags an article that does not start with a front-matter block (`---` YAML, `+++` TOML or a JSON
object), after an optional byte-order mark.

A file whose first character (after white space) is `-` or `+` but whose first line is no
delimiter (`----`, `---x`, `--- ` and an invisible character, a list item `- one`) is reported with
a message saying so: Hugo takes that character for the start of a front-matter delimiter and fails
the build ("invalid YAML delimiter", or a YAML error from the rest of the line).

A leaf bundle's resource (`news/story/notes.md` beside `news/story/index.md`, in a Hugo site) is
no article: hugo 0.168 publishes no page of it and builds it without front matter, so only the
broken delimiter is reported there.

## Why is this bad?
Hugo builds such a file as a page without a title or date: it sorts at year 1, has no summary, and
cannot be categorised; or, when the file starts with `-` or `+`, does not build the site at all.
For a news site it is almost always a scraper or export accident.

## Example
    # Budget passes
    The budget passed on Tuesday.

## Use instead
    ---
    title: "Budget passes"
    date: 2025-02-08T09:55:35+08:00
    ---
    The budget passed on Tuesday.
"""

from __future__ import annotations

from newslint import Rule, Severity
from newslint.document import Document
from newslint.rule import Context
from newslint.spans import Span


class FrontMatterMissing(Rule):
    code = "FM001"
    name = "front-matter-missing"
    severity = Severity.ERROR
    messages = {
        "missing": "file has no front matter",
        "delimiter": "file has no front matter, and Hugo fails the build: it reads {line!r} as "
        "a front-matter delimiter",
    }

    def on_document_start(self, ctx: Context, document: Document) -> None:
        if document.has_front_matter:
            return
        # At the file's first character: after a BOM, as every other report on line 1 counts
        # it (columns count the code points of the text, and the BOM is not the article's).
        first = 1 if document.text.startswith("\ufeff") else 0
        where = Span(first, first)
        # Hugo skips spaces, tabs, line breaks and a BOM before the front matter; a `-` or `+`
        # there opens a YAML or TOML delimiter for it, which then fails to parse.
        text = document.text
        start = len(text) - len(text.lstrip(" \t\r\n\ufeff"))
        if text[start : start + 1] in ("-", "+"):
            end = len(text)
            for brk in "\r\n":
                found = text.find(brk, start)
                end = min(end, found) if found >= 0 else end
            line = text[start:end].rstrip(" \t")
            ctx.report(where, "delimiter", line=line[:40])
            return
        if document.bundle_resource:
            # A leaf bundle's resource (`story/notes.md`) is no page: Hugo needs no front matter
            # in it (hugo 0.168), though a broken delimiter above still fails the build.
            return
        ctx.report(where, "missing")
