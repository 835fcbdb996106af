"""Title cut off at a colon.

## What it does
Flags a `title` that ends in a colon (`:`, or the full-width `：`) right after a word, such as
`Virtual Reality:`: the title stops where its subtitle should begin. Feed readers and scrapers
that take the headline from a page's first element, or split it at the colon to keep the
subtitle apart, leave titles like this; so does a CMS field cut at its last part.

French typography sets the colon off by a space (`Réalité virtuelle :`, with a plain, a no-break
or a narrow no-break space): a title that ends in a word, that space and the colon is cut too. With
a no-break space the title says it is French by itself; with a plain one it is taken for a cut
only when the article's language (or the site's locale for it) is French, since elsewhere a
spaced colon at the end is no sentence's end either but may be an emoticon or a stray mark. A
lone colon, and a colon after a space that does not follow a word of two characters or more
(`x :`, `^^ :`), are left alone.

A colon after an Armenian or Ethiopic letter is left alone: writers of these scripts type the
ASCII colon for their own full stop (Armenian `։`) or word space and full stop (Ethiopic `፡`,
`።`), so `Հայաստանը հաղթեց:` is a whole sentence.

## Why is this bad?
The page, its card in lists and feeds, and search results show a headline that announces
something and stops: `Faith in the Public Square:` reads as broken, and two articles cut at the
same words share one title.

## Example
    title: "Virtual Reality:"

## Use instead
    title: "Virtual Reality: The New Frontier of Historical Exploration"
"""

from __future__ import annotations

import re

from newslint import Rule, Severity
from newslint.events import Field
from newslint.rule import Context
from newslint.textutil import primary_language

_COLONS = (":", "：")
# What may stand right before the colon of a cut title: a word's last letter or digit, or the
# bracket or quotation mark that closes it. After a space (`Smile :`) or another colon (`std::`)
# the colon is something else.
_CLOSERS = frozenset(")]\"'’”»」』")
# Scripts whose writers type `:` as their full stop or word space (Armenian `։`, Ethiopic `፡` `።`):
# Armenian, its ligatures, and Ethiopic with its supplement and extensions.
_COLON_AS_STOP = re.compile(
    "[\u0531-\u058f\ufb13-\ufb17\u1200-\u139f\u2d80-\u2ddf\uab00-\uab2f\U0001e7e0-\U0001e7ff]"
)

# The no-break spaces French typography sets before a colon, and the plain one.
_FRENCH_SPACES = ("\u00a0", "\u202f", " ")
# A word of two characters or more, ending in a letter, a digit or a closing mark, then the
# space and the colon of French typography: `virtuelle :`, `(Partie 2) :`. The word's letter or
# digit before its last character is asked by a look-ahead: `[^\s:]*\w[^\s:]*` would try each
# split of a long word, quadratic in a title of one 40,000-character word.
_FRENCH_CUT = re.compile(
    r"(?:^|\s)(?=[^\s:]*\w[^\s:])[^\s:]*[^\s:][\w)\]\"'’”»]([ \u00a0\u202f])[:：]$"
)


class TitleTruncated(Rule):
    code = "TX009"
    name = "title-truncated"
    severity = Severity.WARNING
    messages = {"colon": "title ends in {colon!r}: it stops where its subtitle should begin"}

    @classmethod
    def field_keys(cls, ctx: Context) -> frozenset[str]:
        # `on_field` returns at once for any other key.
        return _KEYS

    def on_field(self, ctx: Context, field: Field) -> None:
        if field.key.lower() != "title" or not isinstance(field.value, str):
            return
        title = field.value.rstrip()
        if len(title) < 2 or not title.endswith(_COLONS):
            return
        before = title[-2]
        if (before.isalnum() or before in _CLOSERS) and not _COLON_AS_STOP.match(before):
            ctx.report(field.value_span, "colon", colon=title[-1])
        elif before in _FRENCH_SPACES:
            french = _FRENCH_CUT.search(title)
            if (
                french is not None
                and not _COLON_AS_STOP.match(title[french.start(1) - 1])
                and (french.group(1) != " " or _is_french(ctx))
            ):
                ctx.report(field.value_span, "colon", colon=title[-1])


def _is_french(ctx: Context) -> bool:
    """Whether the article's language, or the site's locale for it, is French."""
    language = ctx.document.language
    locale = ctx.site.locale_for(language) if ctx.site is not None else None
    return "fr" in (primary_language(language), primary_language(locale))


_KEYS = frozenset({"title"})
