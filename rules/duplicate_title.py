"""Two articles in one language share a title.

## What it does
Flags an article whose `title` is also the title of another article in the same language. Titles
that differ only in HTML entities (`&#39;` and `'`), typographic quotes (`’` and `'`), full-width
and half-width forms (`：` and `:`), invisible characters, spacing or letter case are the same
title; other punctuation counts. Articles in different languages never clash. The earliest article
(by `date`, then path; published articles before drafts) is taken as the original; each later one
is reported, naming it. Section pages (`_index.md`) and a leaf bundle's resources
(`story/notes.md`) are not articles and are skipped. Articles of two Hugo sites linted in one run
(`newslint check east west`) are never compared.

This is a cross-file rule: it sees the files of the run. When a pre-commit hook passes only the
staged files, add `--project` so they are compared with the rest of the site; it then reports what
a run over the whole site reports about them: a staged article that repeats an earlier one, and
an existing article that a staged one dated before it makes the later of the two (reported on the
existing file, naming the staged one, and silenced by that file's own suppressions).

## Why is this bad?
Lists, feeds and search results show two entries that look the same, and search engines may treat
the pages as duplicates. It often means one story was imported twice under different sources; a
recurring column ("Morning briefing") is better told apart by its date in the title.

## Example
    content/en/news/a.md:  title: "Budget passes"
    content/en/news/b.md:  title: "Budget Passes"

## Use instead
    content/en/news/b.md:  title: "Budget passes the upper house"
"""

from __future__ import annotations

from newslint import Severity
from newslint.document import Document
from newslint.rule import Context

from ._crossfile import DuplicateRule, is_section_page, item, normalise_title, position

try:  # `hashlib.blake2b` itself; importing hashlib would also load OpenSSL (milliseconds)
    from _blake2 import blake2b
except ImportError:  # an interpreter without CPython's module
    from hashlib import blake2b


class DuplicateTitle(DuplicateRule):
    code = "XF002"
    name = "duplicate-title"
    severity = Severity.INFO
    messages = {"duplicate": "title {value!r} is also used by {other}{more}"}
    presets = ("news",)

    def on_document_end(self, ctx: Context, document: Document) -> None:
        if is_section_page(document) or document.bundle_resource:
            return  # no article (a leaf bundle's `notes.md` is a resource of its page)
        found = document.field("title")
        if found is None or not isinstance(found.value, str):
            return
        key = normalise_title(found.value)
        if not key:
            return
        # A digest stands for the normalised title (it is kept for every file of the run).
        digest = blake2b(f"{document.language or ''}\0{key}".encode(), digest_size=16)
        where = position(document, found.value_span)
        self.data = item(digest.digest(), found.value, where, document, translations=False)
