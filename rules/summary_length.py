"""Summary too long or too short.

## What it does
Flags a front-matter `summary` longer than `max` (300) or shorter than `min` (40) characters, as a
reader sees them: an HTML entity such as `&#39;` counts as the one character it shows, a letter with
its combining marks (Indic vowel signs, accents in NFD) as one, and so does an emoji sequence (a
flag, a family joined by ZWJ, a skin tone), so one text has one length in NFC and in NFD. In a
summary written mostly in Chinese, Japanese or Korean both limits are a third as large (14 and 100
by default): one such character carries about as much as three Latin letters. A summary that mixes
the two (`示例签署CLA，加入OpenExample社区。`) is short only when its Latin characters and three for each CJK
letter add up to less than `min`, and a mostly CJK one over its third of `max` is long only when
three for each CJK character (full-width punctuation too) and one for any other add up to more than
`max` (a Korean summary's spaces, ASCII full stops and Latin names count one each: `Starburst가 …
Trino 릴리스가 63% 감소했다.`; 101 Chinese or Japanese characters still count 303). An empty summary is
`required-field`'s. A page its own `layout` draws, with no body (PaperMod's archive and search
pages, whose documentation has them set `summary: "archives"`), is no article whose summary a card
or a feed shows: left alone. A list page's (`_index.md`: a section, a taxonomy or term, the home
page) is held to `max` only: it labels the pages it lists (`summary: "211 stories"` for a day's
section) rather than retelling a story, so a short one says no less than it should, and
`required-field` asks none of it.

## Why is this bad?
Cards and feed readers cut a long summary wherever their layout ends; search engines show about
150 to 300 characters. A very short summary says no more than the title.

## Example
    summary: "Budget."

## Use instead
    summary: "The budget passed on Tuesday after a week of talks between the coalition parties."
"""

from __future__ import annotations

from dataclasses import dataclass

from newslint import Rule, Severity
from newslint.events import Field
from newslint.rule import Context, check_counts
from newslint.textutil import is_cjk_char, length_limits, mostly_cjk, reader_length, unescape

from ._crossfile import is_section_page
from ._pages import drawn_by_its_layout
from ._summary import SUMMARY_MAX, SUMMARY_MIN, too_short


@dataclass(frozen=True)
class Options:
    """Options of the rule (its `[rules.summary-length]` table)."""

    min: int = SUMMARY_MIN
    max: int = SUMMARY_MAX

    def __post_init__(self) -> None:
        # Limits that cannot hold would report every summary ("more than -1"): say so at once.
        check_counts(self)
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is more than max ({self.max})")


class SummaryLength(Rule):
    code = "TX002"
    name = "summary-length"
    severity = Severity.INFO
    messages = {
        "long": "summary is {length} characters long, more than {limit}",
        # {length} is "1 character" or "N characters"
        "short": "summary is {length} long, fewer than {limit}",
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
        if drawn_by_its_layout(ctx.document):
            return  # an archive or search page: its summary is no card's
        text = " ".join(unescape(field.value).split())
        if not text:
            return
        low, high = length_limits(text, ctx.options.min, ctx.options.max)
        length = reader_length(text)
        if length > high and not _within_in_letters(text, length, ctx.options.max):
            ctx.report(field.value_span, "long", length=length, limit=high)
        elif (
            length < low
            # A list page's summary labels what it lists: short is no fault there.
            and not is_section_page(ctx.document)
            # (the summary fixes of required-field and summary-truncated ask the same)
            and too_short(text, ctx.options.min, ctx.options.max)
        ):
            counted = f"{length} character{'' if length == 1 else 's'}"
            ctx.report(field.value_span, "short", length=counted, limit=low)


def _within_in_letters(text: str, length: int, latin_max: int) -> bool:
    """Whether a mostly CJK summary over its third of `max` still says no more than
    `latin_max` Latin letters: each CJK character counted as the three it stands for, and the
    Latin words, digits, spaces and ASCII punctuation among them as one each (`Starburst가 …
    Trino 릴리스가 63% 감소했다.`), much as `_summary.too_short` weighs a short one."""
    if not mostly_cjk(text):
        return False  # the plain count is the measure
    # Every CJK character, full-width punctuation too (`。`, `，`), is as wide as two Latin ones
    # and stands for three: a Chinese or Japanese text weighs three times its length.
    cjk = sum(1 for char in text if is_cjk_char(char))
    return length + 2 * cjk <= latin_max


_KEYS = frozenset({"summary"})
