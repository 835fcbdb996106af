"""A `lang` or `language` key names another of the site's languages, which Hugo does not read.

## What it does
Reports a top-level `lang` or `language` in the front matter of a page of a multilingual Hugo site
when it names one of the site's languages (without case) other than the one Hugo builds the page
in. Hugo (checked with 0.168) takes a page's language from its file name (`x.de.md`), its
language's content folder, or its own `sites.matrix.languages`, else the default language, and
ignores `lang` and `language` in front matter without a word: `treffen.md` with `language: de`
is an English page at `/news/treffen/`, and beside `treffen.en.md` the two are one English page,
of which Hugo builds only one. A value that names the page's own language, or no language of the
site, is left alone; so is a site of one language, and a file outside a Hugo site (Jekyll and
other generators read `lang` themselves).

## Why is this bad?
The translation is missing from its language (its lists, feeds and language switcher) and shows
up among the default language's pages, or not at all when it shares its path with the page it
translates.

## Example
    # content/news/kaigi.md
    language: ja

## Use instead
    # content/news/kaigi.ja.md
    draft: false

(the file name gives the page its language, here Japanese on a site in English, Japanese and
Chinese).
"""

from __future__ import annotations

import os

from newslint import Rule, Severity
from newslint.events import Field
from newslint.rule import Context

_KEYS = frozenset({"lang", "language"})


class LanguageKeyIgnored(Rule):
    code = "FM013"
    name = "language-key-ignored"
    severity = Severity.WARNING
    messages = {
        "ignored": "front matter's {key!r} is not read by Hugo: this page is built in "
        "{language!r}, not {named!r} (rename the file {better!r}, move it to the content folder "
        "of {named!r} or set sites.matrix.languages)",
    }

    @classmethod
    def field_keys(cls, ctx: Context) -> frozenset[str]:
        # `on_field` returns at once for any other key.
        return _KEYS

    def on_field(self, ctx: Context, field: Field) -> None:
        if field.key.lower() not in _KEYS or not isinstance(field.value, str):
            return
        site = ctx.site
        language = ctx.document.language
        if site is None or site.root is None or not language:
            return
        known = site._known_languages()
        named = known.get(field.value.strip().lower())
        if named is None or len(known) < 2 or named.lower() == language.lower():
            return
        stem, dot, extension = os.path.basename(ctx.document.path).rpartition(".")
        better = f"{stem}.{named}.{extension}" if dot else f"{extension}.{named}"
        ctx.report(
            field.value_span,
            "ignored",
            key=field.key,
            language=language,
            named=named,
            better=better,
        )
