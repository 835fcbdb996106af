"""No space after the end of a sentence.

## What it does
Flags a sentence (or clause) glued to the next one: `preparedness.The`, `said,"After` (or
`sagte,„Wir`, `сказал,«Мы`), a stop before an opening `“` or inside a closing `”` (`rose.“We`,
`“We are ready.”The`: typographic quotes say which side the space belongs on, a straight `"`
does not, and in German, Czech and the languages that close with `“` it is no opening mark),
`aprobado.¿Qué` (a Spanish question or exclamation opens with `¿` or
`¡`), `amor.Y después`, `Act.A spokesperson` or `принят.В Москве` (a one-letter word that opens
sentences, with a word after it: English `I`, `A`, Spanish, Portuguese and French `Y`, `O`, `E`,
`À`, the Cyrillic `А`, `В`, `И`, `К`, `О`, `С`, `У`, `Я`, `І`, `З`, and the Greek articles `Η`,
`Ο`: `ανακοίνωσε.Η συνάντηση`), a one-word sentence that
opens the text before a pronoun or an article and more words (`Again.It was late.`; a lone token
is otherwise taken for a name, `math.Abs`, `Console.In`), a sentence opening with an
elided word (`parti.L’équipe`, `finita.L’Italia`), a French `?` or `!` set off by its space and
glued to the next sentence (`c’est ?C’est`, also after a no-break space), a quotation closed with a
guillemet or the German `“` before the full stop (`«Мы придём».Потом`, `„Wir schaffen das“.Danach`;
the French guillemet set off by a space or a no-break one, `dit « non ».Le`; such a quotation is
words even where it opens a paragraph, `«Non».Puis`, where a lone token such as `math.Abs` is taken
for a name), or one after the Armenian full stop `։` (`հայտարարեց։Բանակցությունները`), or after the
danda `।` of Hindi, Marathi, Nepali and Bengali (`है।वह`; also `?` and `!` there), or after a full
stop, `!`, `؟`, the Arabic comma `،` or the Urdu full stop `۔` between Arabic-script words
(`المصدر.وقال`; the word before needs three letters after a full stop, as `د.محمد`, Dr., takes no
space), or after `.`, `!`, `?` or `,` between Hebrew words (`הסתיים.השיחות`, `אמר,"השיחות`; an
acronym's gershayim is part of its word, `תומכת.צה"ל`, and `פרופ.כהן`, Prof., takes no space), in
the front-matter `title`, `summary` and `lead` and in the body's prose. It is deliberately
conservative: it never fires inside URLs, e-mail addresses, domain and file names (`example.com`,
`Node.js`), numbers (`3.5`), abbreviations (`U.S.`, `e.g.`, and a title or a word for street or
square before a name: `ул.Ленина`, `przy ul.Długiej`, `la Sra.Pérez`, `Hauptstr.`; `cf.L’article`
before a reference, `Vol.I` before a volume's Roman numeral), code, shortcodes or templates, a
variable's method as release notes name it (`wg.Add`, `ctx.Done`: a short lower-case name
without a vowel before the stop, but not a unit after a number, `20 mph.Police`, nor on a Czech,
Slovak, Croatian, Serbian, Bosnian or Slovene page a word whose `r` or `l` makes its syllable,
`vlk.Potom`, `prst.Onda`; or any name,
`os.Exit`, in a paragraph or list item that opens in lower case, as a changelog's items do,
`* call os.Exit when done`, unless a word that often opens sentences, `The`, or a one-letter one
of the page's language, `passed.A spokesperson`, follows the stop, or a word on either side of
it is not ASCII, as no program's name is (`гід з наклейкою.Від`); or a lower-case name and a
capitalised member, `Call os.Exit when done.`, on a page that shows code in a span or a fenced
block, unless a word that often opens sentences follows), a product of a brand that names its
products with a dot (`Яндекс.Метрика`), nor in Chinese or Japanese text, whose full stops take
no space. Korean spaces its sentences: a sentence ending
(`-다`, `-요`, `-죠`, `-까`, `-네`) glued to the next Hangul word (`했다.헬름`) is reported, and so is
one glued to a Latin name or acronym that its particle follows in Hangul (`했다.MSA는`,
`했다.LG전자가`; not `.NET`). A next sentence whose first word opens inline markup is glued all the
same (`done.**The next**`, `done._The_`, `done.[The report](url)`: the reader sees `done.The`); the
space goes before the markup. A letter written decomposed (`e` and the combining U+0301 for `é`,
as macOS file names and PDFs give it) is one letter with its mark: `café.The` is glued all the
same.

A custom field among them (`lead`, a configured `subtitle`) written under the page's `params`
map is checked there, as `params.lead`: Hugo 0.150+ makes it the page's `.Params.lead`, over a
top-level `lead`, which nothing then reads and which is not checked (checked with hugo 0.168).
Hugo's own fields (`title`, `summary`) are read at the top level only.

## Why is this bad?
Scrapers lose the space when they join HTML paragraphs or strip tags; the result reads as a typo
and breaks sentence detection (summaries, search snippets).

## Example
    Following the meeting, the US President said,"After our meeting today ..."

## Use instead
    Following the meeting, the US President said, "After our meeting today ..."

## Fix safety
Safe: a single space is inserted after the punctuation.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from newslint import Edit, Fix, Rule, Severity
from newslint.document import Document
from newslint.events import Code, Field, Text
from newslint.rule import Context
from newslint.spans import Span
from newslint.textutil import (
    in_hebrew_word,
    may_miss_sentence_spaces,
    missing_sentence_spaces,
    one_letter_starter,
    sentence_starter,
    unescaped,
)

from ._fields import lowered_keys
from ._params import read_named
from ._text import TEXT_FIELDS, FieldText, inside, template_spans


@dataclass(frozen=True)
class Options:
    """Options of the rule (its `[rules.sentence-spacing]` table)."""

    fields: tuple[str, ...] = TEXT_FIELDS


class SentenceSpacing(Rule):
    code = "TX004"
    name = "sentence-spacing"
    severity = Severity.WARNING
    messages = {"glued": "no space after {punct!r} before {word!r}"}
    Options = Options

    def __init__(self) -> None:
        self.templates: list[tuple[int, int]] | None = None

    @classmethod
    def field_keys(cls, ctx: Context) -> frozenset[str]:
        # `on_field` returns at once for any other key.
        return lowered_keys((*ctx.options.fields, "params"))

    def on_field(self, ctx: Context, field: Field) -> None:
        # A custom key (`lead`) under `params` is the page's value (hugo 0.168): checked there.
        for read, _ in read_named(ctx.document, field, ctx.options.fields):
            self._check(ctx, read)

    def _check(self, ctx: Context, field: Field) -> None:
        if not isinstance(field.value, str):
            return
        value: str = field.value
        positions = missing_sentence_spaces(value, ctx.document.language)
        if not positions:
            return
        edited = FieldText(ctx.document.text, field)
        changes = [(pos + 1, pos + 1, " ") for pos in positions]
        for pos, edits in zip(positions, edited.edits(changes), strict=True):
            self._report(ctx, edited.span(pos, pos + 1), value, pos, edits)

    def on_text(self, ctx: Context, node: Text) -> None:
        text, origin = node.text, None
        if not may_miss_sentence_spaces(text):
            # Nothing to report: each position reported is one of those marks, and the text
            # judged (unescaped: only backslashes go; with the words after markup: only after
            # such a mark ends the run) holds no other.
            return
        if "\\" in text:
            # Judged as shown (`said,\\"After` shows `said,"After`), reported in the source.
            text, origin = unescaped(text)
        source, language = ctx.document.text, ctx.document.language
        positions = _after_markup(source, node.span.start, text, language)
        shown = _before_markup(source, node.span.start, node.span.end, text, language)
        if shown is not None:
            positions.append(len(text) - 1)
            text = shown  # the run and the words after it, which name the word in the message
        if not positions:
            return
        document: Document = ctx.document
        if self.templates is None:
            self.templates = template_spans(document.body, document.body_start)
        for pos in positions:
            at = node.span.start + (origin[pos] if origin is not None else pos)
            if inside(self.templates, at):
                continue
            if _name_in_lower_case_line(source, at, document.body_start, document.language):
                continue
            if _name_on_a_page_with_code(document, at):
                continue
            self._report(ctx, Span(at, at + 1), text, pos, (Edit.insert(at + 1, " "),))

    def _report(
        self, ctx: Context, span: Span, text: str, pos: int, edits: tuple[Edit, ...]
    ) -> None:
        # The opening quotation marks (`said,"After`, `sagte,„Wir`, `сказал,«Мы`) and Spanish
        # marks (`.¿Qué`) that `missing_sentence_spaces` steps over before the word.
        word_start = pos + (2 if text[pos + 1] in '"“„«¿¡' else 1)
        word_end = word_start
        # Letters and the combining marks between them (Devanagari vowel signs, Arabic harakat),
        # the gershayim of a Hebrew acronym (`צה"ל`) and an elision's apostrophe (`C’est`).
        while word_end < len(text) and (
            text[word_end].isalpha()
            or unicodedata.category(text[word_end])[0] == "M"
            or in_hebrew_word(text, word_end)
            or (
                text[word_end] in "’'"
                and word_end > word_start
                and text[word_end + 1 : word_end + 2].isalpha()
            )
        ):
            word_end += 1
        fix = Fix.safe("Insert a space", *edits)
        ctx.report(span, "glued", punct=text[pos], word=text[word_start:word_end], fix=fix)


# A stand-in for the word that inline markup (`*budget*`, `[budget](url)`, `` `budget` ``) puts
# before a text run: the run alone (` fell.Then prices rose.`) has no word before `fell`, and a
# lone token is judged no prose (`Fig.A`), so the run-on sentence would be missed.
_MARKUP_WORD = "w "


# Inline markup that opens the next sentence's first word right after a run's last character
# (`done.**The next** step`, `done._The_`, `done.[The report](url)`): scrapers that join
# paragraphs drop the space before it too, and the reader sees `done.The next step`.
_MARKUP_OPENING = re.compile(r"(?:\*{1,3}|_{1,3}|\[)(?=[^\W\d_])")
# Within the rest of that line: a link's destination and the markup characters, which the reader
# does not see between the words.
_HIDDEN_MARKUP = re.compile(r"\]\([^()\s]*\)|[*_\[\]]")


def _before_markup(
    source: str, start: int, end: int, text: str, language: str | None
) -> str | None:
    """TEXT (the run from START to END of SOURCE) with the words after it as the reader sees
    them, when the run's last character is a sentence's punctuation glued to the inline markup
    that opens the next sentence; None otherwise. A run between two pieces of markup (`**Budget**
    passed.**The next**`) is judged as `_after_markup` judges it, with a word before it."""
    if text[-1:] not in (".", "!", "?", ","):
        return None
    opening = _MARKUP_OPENING.match(source, end)
    if opening is None:
        return None
    line_end = source.find("\n", end)
    rest = source[opening.end() : line_end if line_end >= 0 else len(source)]
    shown = text + _HIDDEN_MARKUP.sub("", rest)
    return shown if len(text) - 1 in _after_markup(source, start, shown, language) else None


def _after_markup(source: str, start: int, text: str, language: str | None) -> list[int]:
    """Offsets into TEXT of the missing sentence spaces, TEXT being the run at START of SOURCE.

    When the run starts with white space right after inline markup on the same line, the markup
    counts as the word before it."""
    if text[:1] in (" ", "\t") and start > 0 and source[start - 1] not in "\n\r":
        shift = len(_MARKUP_WORD)
        glued = missing_sentence_spaces(_MARKUP_WORD + text, language)
        return [pos - shift for pos in glued]
    return missing_sentence_spaces(text, language)


# A list item or heading opens with its marker (a quote's `>` goes on its paragraph's lines).
_BLOCK_MARKER = re.compile(r"[ \t>]*(?:[*+-]|\d{1,9}[.)]|#{1,6})[ \t]")


def _name_in_lower_case_line(source: str, at: int, floor: int, language: str | None) -> bool:
    """Whether the full stop at `at` joins a name and its member (`os.Exit`, `net.Dial`,
    `log.Printf`) in a line that opens in lower case, as a changelog's items do (`call os.Exit
    when done`, `plugin/forward: use net.Dial`): no sentence opens such a line, so the stop ends
    none. A word that opens sentences after it (`.The`, `.However`) is still a glued sentence."""
    if source[at] != ".":
        return False
    # The next word may open inline markup (`resigned.**The party**`): the reader sees `.The`.
    opening = _MARKUP_OPENING.match(source, at + 1)
    begin = opening.end() if opening is not None else at + 1
    end = begin
    while end < len(source) and source[end].isalpha():
        end += 1
    word = source[begin:end]
    if not (word.isascii() and _word_before(source, at).isascii()):
        # A program's name and member are written in ASCII: `наклейкою.Від`, with letters
        # outside it, joins two words of prose, whatever case the line opens in.
        return False
    if sentence_starter(word):
        return False
    if len(word) == 1 and one_letter_starter(word, language, _next_word(source, end)):
        return False  # `the bill passed.A spokesperson said`
    start = _clause_start(source, at, floor)
    if start is None:
        return False
    for char in source[start:at]:
        if char.isalnum():
            return char.islower()
    return False


def _word_before(source: str, at: int) -> str:
    """The letters, digits and underscores right before offset `at` (`os` in `os.Exit`)."""
    start = at
    while start > 0 and (source[start - 1].isalnum() or source[start - 1] == "_"):
        start -= 1
    return source[start:at]


def _next_word(source: str, end: int) -> str:
    """The word after the one ending at `end` and a space (`A spokesperson`: `spokesperson`)."""
    if source[end : end + 1] != " ":
        return ""
    stop = end + 1
    while stop < len(source) and source[stop].isalpha():
        stop += 1
    return source[end + 1 : stop]


# A program's name and its member as prose names them: a lower-case identifier, the stop, a
# capitalised member (`os.Exit`, `log.Printf`, `http.Get`).
_QUALIFIED_NAME = re.compile(r"(?<![\w.])[a-z][a-z0-9_]*\.([A-Z][a-z]+)(?![\w'’])")


def _name_on_a_page_with_code(document: Document, at: int) -> bool:
    """Whether the full stop at `at` joins a program's name and its member (`Call os.Exit when
    done.`) on a page that shows code (a code span or block): there, a lower-case identifier
    glued to a capitalised word is as likely a name (`net.Dial`, `time.Sleep`) as two sentences,
    unless the word is one that opens sentences (`.The`, `.However`)."""
    source = document.text
    if source[at] != ".":
        return False
    start = at
    while start > 0 and (source[start - 1].isalnum() or source[start - 1] == "_"):
        start -= 1
    name = _QUALIFIED_NAME.match(source, start)
    if name is None or name.start(1) != at + 1 or sentence_starter(name.group(1)):
        return False
    return document.memo("sentence-spacing-code", _shows_code, document)


def _shows_code(document: Document) -> bool:
    """Whether the body has a code span or a fenced code block (an indented block may be prose
    that a scraper indented, which `indented-prose` reports)."""
    return any(
        isinstance(node, Code) and (not node.block or node.text.lstrip(" >")[:3] in _FENCES)
        for node in document.body_nodes
    )


_FENCES = ("```", "~~~")


# How far back a sentence's start is looked for: a longer run is taken for prose.
_CLAUSE_LIMIT = 2000


def _clause_start(source: str, at: int, floor: int) -> int | None:
    """Where the sentence holding offset `at` of `source` starts: after the last full stop, `!`
    or `?` followed by white space and no lower-case word (an abbreviation's stop, `U.S. and`,
    ends no sentence), or at its paragraph, list item or heading (a line that goes
    on a wrapped paragraph or quotation is no start), but not before `floor`; None when it is
    further back than `_CLAUSE_LIMIT`."""
    index = at
    limit = max(floor, at - _CLAUSE_LIMIT)
    while index > limit and not source[index - 1].isspace():
        index -= 1  # the stop's own token (`os.Exit`)
    while index > limit:
        char = source[index - 1]
        if char == "\n":
            if _BLOCK_MARKER.match(source, index):
                return index
            above = max(floor, source.rfind("\n", floor, index - 1) + 1)
            if not source[above : index - 1].strip(" \t>\r"):
                return index  # a blank line above, or the body's first line: a paragraph
        elif char in ".!?" and source[index].isspace() and not _ends_no_sentence(source, index):
            return index
        index -= 1
    return floor if index == floor else None


def _ends_no_sentence(source: str, end: int) -> bool:
    """Whether the stop before `end` is followed by a lower-case word (`officials of the U.S.
    and`, `los EE.UU. y`, `tools, etc. and`): an abbreviation's stop, which ends no sentence."""
    after = end
    while after < len(source) and source[after] in " \t":
        after += 1
    return after < len(source) and source[after].islower()
