"""An `index.md` at the root of the content folder makes the home page a leaf bundle.

## What it does
Reports an `index.md` (or `index.fr.md`, any content format) that lies directly in a content
folder of a Hugo site: the site's `content/` or a language's `contentDir`. Without a Hugo site
(no `hugo.toml`, `config.toml` or `config/_default/` above the file) nothing is reported: a
`content/index.md` there may belong to another tool (Nuxt Content, Astro, Eleventy), where it is
the home page as meant. The home page's file is `_index.md`; `index.md` is a leaf bundle's. There
is no fix: the file is to be renamed, which is no edit of its text.

## Why is this bad?
Hugo takes the file as the home page and makes it a leaf bundle: every other file of the content
folder becomes a resource of that page, so no article, section or other page of the site is
published, in any language, even beside an `_index.md` (hugo 0.168 warns "Using index.md in your
content's root directory is usually incorrect for your home page" and builds the site with the
home page alone). A theme's example site written for older Hugo versions may still carry one.

## Example
    # content/index.md
    ---
    title: "Home"
    date: 2025-02-08T09:55:35+08:00
    summary: "The latest stories from the newsroom, updated through the day."
    ---

    The latest stories from the newsroom.

    [Newsroom](https://example.com/about)

## Use instead
    # content/_index.md
    ---
    title: "Home"
    date: 2025-02-08T09:55:35+08:00
    summary: "The latest stories from the newsroom, updated through the day."
    ---

    The latest stories from the newsroom.

    [Newsroom](https://example.com/about)
"""

from __future__ import annotations

import os

from newslint import Rule, Severity, Span
from newslint.cascade import CONTENT_SUFFIXES
from newslint.document import Document
from newslint.rule import Context


class HomeLeafBundle(Rule):
    code = "FM008"
    name = "home-leaf-bundle"
    severity = Severity.ERROR
    messages = {
        "leaf": "{name} at the root of the content folder makes the home page a leaf bundle: "
        "Hugo publishes no other page of the site (rename it _index{suffix})",
    }

    def on_document_start(self, ctx: Context, document: Document) -> None:
        name = os.path.basename(document.path)
        if name.partition(".")[0] != "index" or not name.lower().endswith(CONTENT_SUFFIXES):
            return
        if not _in_content_root(document, ctx):
            return
        # At the file's first character, after a byte order mark (which no editor shows).
        start = 1 if document.text.startswith("\ufeff") else 0
        ctx.report(Span(start, start), "leaf", name=name, suffix=name[len("index") :])


def _in_content_root(document: Document, ctx: Context) -> bool:
    """Whether the file lies directly in one of the site's content folders (never without a Hugo
    site: a folder named `content` is no Hugo content folder by its name alone)."""
    site = ctx.site
    if site is None or site.root is None:
        return False
    parent = os.path.realpath(os.path.dirname(os.path.abspath(document.path)))
    return any(os.path.realpath(folder) == parent for folder in site.tree_roots())
