"""Summary is cut off.

## What it does
Flags a front-matter `summary` that ends in an ellipsis (`...`, `…`, `&hellip;`, `[…]`, `。。。`,
Chinese `……` and the centred `⋯⋯` of Taiwan and Hong Kong, Japanese `・・・` and `‥`) or stops in the
middle of a word: the summary is the body's opening text and the body carries on with the same word
(`... with plans to supply lid` when the body says `lidar`; the message quotes the cut word, or in
Thai, Lao, Khmer, Myanmar and Tibetan, which put no space between words, the summary's last few
characters), or a long summary (15 words or more) that is the body's opening stopped between two
words of a sentence the body goes on with (`... what Mobile Gov implementers need to` when the body
says `need to know!`), or inside the subheading after a paragraph (`... on December 24th. Why`
before `## Why We Did It`): cut at a fixed length, as a WordPress excerpt is at 55 words. A short
one that stops there (`The budget passed on Tuesday`) reads as a whole statement and passes, and so
does one that ends where a paragraph of the body does. An ellipsis inside a quotation that is closed
again (`He called it “a plan that would…”`) is the speaker trailing off, not a cut.

## Why is this bad?
Feeds and article cards show the summary as written; a cut sentence looks broken. Summaries cut at
a fixed length are a scraper's habit, and the article's own opening sentences are usually better.

## Example
    ---
    title: "Budget to pass this week"
    date: 2025-02-08T09:55:35+08:00
    summary: "The finance minister said on Tuesday that the budget would..."
    ---

    The finance minister said on Tuesday that the budget would pass this week.

    [Reuters](https://www.reuters.com/world/budget-passes)

## Use instead
    ---
    title: "Budget to pass this week"
    date: 2025-02-08T09:55:35+08:00
    summary: "The finance minister said on Tuesday that the budget would pass this week."
    ---

    The finance minister said on Tuesday that the budget would pass this week.

    [Reuters](https://www.reuters.com/world/budget-passes)

## Fix safety
Unsafe: the new summary is taken from the article's opening sentences (whole sentences only, within
`max-chars`, a third of it for mostly CJK text as in `summary-length`, CJK full stops included),
which an editor should read. Sentences shorter than `summary-length`'s `min` go on with the next
paragraphs' (up to two) until they reach it, so the new summary is not reported as short. A body
that cannot give that many gives its whole sentences only in place of a cut summary that is short
already (`The budget...` becomes `The budget passed on Tuesday.`); in place of one long enough
there is no fix, which would trade a cut summary for a short one. There is no fix when the body has no complete opening sentence that
fits, nor while those sentences hold control characters, invisible characters, mojibake or bytes
that are not UTF-8 (their own fixes repair the body first; a byte copied before `invalid-utf8`
transcodes it would be written as U+FFFD).
"""

from __future__ import annotations

from dataclasses import dataclass

from newslint import Fix, Rule, Severity
from newslint.events import Field
from newslint.rule import Context, check_counts
from newslint.textutil import unescape

from ._encoding import hidden_damage, lost_characters
from ._summary import (
    ellipsis_ending,
    lead_of,
    mid_sentence_ending,
    mid_word_ending,
    summary_too_short,
)


@dataclass(frozen=True)
class Options:
    """Options of the rule (its `[rules.summary-truncated]` table)."""

    max_chars: int = 300

    def __post_init__(self) -> None:
        check_counts(self)


class SummaryTruncated(Rule):
    code = "TX001"
    name = "summary-truncated"
    severity = Severity.WARNING
    messages = {
        "cut": "summary is cut off ({ending!r})",
        "mid-word": "summary stops in the middle of a word ({ending!r})",
        "mid-sentence": "summary stops in the middle of a sentence ({ending!r})",
    }
    Options = Options
    presets = ("news",)

    @classmethod
    def field_keys(cls, ctx: Context) -> frozenset[str]:
        # `on_field` returns at once for any other key.
        return _KEYS

    def on_field(self, ctx: Context, field: Field) -> None:
        if field.key.lower() != "summary" or not isinstance(field.value, str):
            return
        value: str = field.value
        # Hugo renders the summary as Markdown, where `&hellip;` shows as the ellipsis it names.
        ending = ellipsis_ending(unescape(value) if "&" in value else value)
        message = "cut"
        if ending is None:
            ending = mid_word_ending(field.value, ctx.document)
            message = "mid-word"
        if ending is None:
            ending = mid_sentence_ending(field.value, ctx.document)
            message = "mid-sentence"
        if ending is None:
            return
        better = lead_of(ctx)
        fix = None
        if (
            better
            and better != field.value
            and not hidden_damage(better)
            and not lost_characters(better)
            # Not a summary summary-length reports as short in place of one it does not: the
            # fix would trade one report for another (a press release's `Time: 2:00 p.m.`).
            and not (summary_too_short(ctx, better) and not summary_too_short(ctx, value))
        ):
            fix = Fix.unsafe(
                "Rewrite the summary from the opening sentences", field.replace_value(better)
            )
        ctx.report(field.value_span, message, ending=ending, fix=fix)


_KEYS = frozenset({"summary"})
