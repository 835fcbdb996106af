"""A white space around the language in a file name makes Hugo build the page in another language.

## What it does
Reports a content file of a multilingual site whose name carries one of the site's languages
with white space around it, as in `communityday.de .md` or `treffen. en.md`. Hugo (checked with
0.168) reads a language from a file name only when the part before the extension is exactly one
of the site's language codes (in any case: `x.DE.md` is German): `communityday.de .md` is the
page `communityday.de ` of the default language, written at `/de/events/communityday.de-/` and
no translation of `communityday.en.md`, and `treffen.en .md` is an English text published as a
German page. The report is at the start of the file.

Only sites with more than one language are looked at, and only a part that is a language of
the site once the white space is taken away: a space elsewhere in the name (`old news.de.md`)
leaves the language as it is, and a part that names no language of the site (`v1.2 .md`) is no
language either way.

## Why is this bad?
The translation is missing from its language (its menus, its list pages, the language switcher
of the page it translates), while a page with the wrong language and a dash in its address
turns up in the default one, next to the page it was meant to translate.

## Example
    # content/events/communityday.en .md
    ---
    title: "Community Day"
    date: 2025-03-09T12:00:00+01:00
    summary: "Our community day on Sunday: talks, repairs and a walk through the neighbourhood."
    ---

    The community day takes place on Sunday at noon in the new workshop.

    [Freifunk Berlin](https://berlin.freifunk.net/events/community-day/)

## Use instead
    # content/events/communityday.en.md
    ---
    title: "Community Day"
    date: 2025-03-09T12:00:00+01:00
    summary: "Our community day on Sunday: talks, repairs and a walk through the neighbourhood."
    ---

    The community day takes place on Sunday at noon in the new workshop.

    [Freifunk Berlin](https://berlin.freifunk.net/events/community-day/)
"""

from __future__ import annotations

import os

from newslint import Rule, Severity, Span
from newslint.document import Document
from newslint.rule import Context


class FileLanguageSpaced(Rule):
    code = "FM012"
    name = "file-language-spaced"
    severity = Severity.WARNING
    messages = {
        "spaced": "the file name's language part {part!r} has white space around it, so Hugo "
        "builds this page in {default} instead of {language}: rename the file to {better!r}",
        "spaced-default": "the file name's language part {part!r} has white space around it, so "
        "Hugo takes it as part of the page's name (its address gets a '-' and it is no "
        "translation of the page's other languages): rename the file to {better!r}",
    }

    def on_document_start(self, ctx: Context, document: Document) -> None:
        site = ctx.site
        name = os.path.basename(document.path)
        parts = name.split(".")
        if site is None or site.root is None or len(parts) < 3:
            return
        part = parts[-2]
        if part == part.strip():
            return  # the cheap test first: nothing spaced around the language part
        known = site._known_languages()
        language = known.get(part.strip().lower())
        if language is None or len(known) < 2:
            return
        default = site.default_language
        better = ".".join((*parts[:-2], part.strip(), parts[-1]))
        # At the file's first character, after a byte order mark (which no editor shows).
        start = 1 if document.text.startswith("\ufeff") else 0
        ctx.report(
            Span(start, start),
            "spaced-default" if language == default else "spaced",
            part=part,
            default=default,
            language=language,
            better=better,
        )
