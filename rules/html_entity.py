"""HTML entity or HTML formatting tags in a text field; an entity escaped twice in the body.

## What it does
Flags each HTML character reference, such as `&#39;`, `&amp;`, `&quot;` or `&nbsp;`, in the
front-matter `title`, `summary` and `lead` (the `fields` option changes the list, and may name a
list of strings such as `tags`: each item is checked): one problem per reference, at the reference,
so the example below has two. Only references HTML defines count (`&amp;`, `&#39;`, `&#x27;`), not a
lone `&` (`AT&T`) nor text in backticks. It also flags HTML formatting around part of a title or
lead, as a CMS copies it (`<strong>Writing privacy notices</strong>`, `<em>`, `<span class="...">`,
...): an inline element opened and closed again, reported once at the outermost pair; a lone tag
(`Goodbye <marquee>`) names the element and passes. (A `summary` is Markdown, where raw HTML is
`raw-html`'s.)

Hugo renders a front-matter `summary` as Markdown (`.Summary`), where a reference shows its
character; there references for characters Markdown would read as syntax are left alone
(`&lt;b&gt;` shows `<b>`, a bare `<b>` is raw HTML that Hugo leaves out; `&#42;` is no emphasis),
and so are references to white space and invisible characters (`40.000&nbsp;Euro`, `&shy;`):
Hugo shows the character the author chose, which written out would be invisible in the source
(and `text-whitespace` would turn a no-break space into a plain one).

A custom field among them (`lead`, a configured `subtitle`) written under the page's `params`
map is checked there, as `params.lead`: Hugo 0.150+ makes it the page's `.Params.lead`, over a
top-level `lead`, which nothing then reads and which is not checked (checked with hugo 0.168).
Hugo's own fields (`title`, `summary`) are read at the top level only.

In the body Hugo renders a reference as its character (`it&rsquo;s`, `40.000&nbsp;Euro`, `&#8217;`:
checked with hugo 0.168), in the page and in the summary it makes from the opening, so those are not
reported (a `&nbsp;` is also the one way to see a no-break space in the source). What the page shows
literally is a reference escaped twice, as scrapers leave it (`it&amp;#39;s` shows `it&#39;s`):
reported in prose, outside code, when it is a number or is written inside a word
(`Trump&amp;rsquo;s`, `40.000&amp;nbsp;Euro`); written apart (` &amp;nbsp; `) it may be how an
article about HTML shows a reference, and is left alone. Also reported: a reference that lost its
`;` (`caf&eacute`, `&copy 2024`, `one&nbsp`: Markdown reads none without it), for the names CMSs
write (`&nbsp`, `&amp`, `&quot`, `&lt`, `&mdash`, `&rsquo`, `&copy`, accented letters such as
`&eacute` ...), not names that are also words (`Pub&sub`, `&and`), nor one before `=`, a query's
parameter (`list?id=1&copy=2`). An `&` escaped with a backslash (`\\&nbsp;`) is shown as meant.

## Why is this bad?
Themes print these fields escaped, so readers see `Trump&#39;s` instead of `Trump's`, and
`<strong>Writing ...</strong>` with its tags (checked with hugo 0.168: `{{ .Title }}` escapes
them, `markdownify` drops them); feeds and search results show the same. Scrapers produce them
when they copy already-escaped HTML.

## Example
    title: "Trump&#39;s plan for S&amp;P 500 firms"

## Use instead
    title: "Trump's plan for S&P 500 firms"

## Fix safety
HTML tags in a title have no fix: a theme that renders the title as HTML would show them as meant,
and an editor decides. Safe: each reference is replaced by the character it stands for, written in
the field's quoting (`&quot;` becomes `\\"` in a double-quoted string, `&#39;` becomes `''` in a
single-quoted YAML string). A doubly escaped `&amp;#39;` takes two passes. A numeric reference to no
character (`&#0;`, `&#xD800;`) is reported but not decoded: a browser shows it as U+FFFD, and the
character the author meant is unknown. In a list item the reference is replaced where the item is
written without escapes and the character needs none in its quoting (a `&quot;` in a double-quoted
item is reported without a fix). In the body the fix removes the outer escape (`&amp;#39;` becomes
`&#39;`), or writes the missing `;` (`&copy` becomes `&copy;`), and the page shows the character the
reference stands for, nothing else. Hugo renders a `summary` as Markdown, where a reference already
showed as its character: there the one change a page shows is Hugo's typographer's, which curls a
straight quote written out (`&#39;s` showed `'s`, `'s` shows `’s`), as it curls every other quote of
the summary (checked with Hugo as the oracle, `tests/test_hugo_fix_oracle.py`); titles and other
fields are not rendered, and show the character instead of the reference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newslint import Edit, Fix, Rule, Severity
from newslint.events import Field, Text
from newslint.rule import Context
from newslint.spans import Span
from newslint.textutil import html_entities

from ._fields import lowered_keys
from ._params import read_named
from ._text import TEXT_FIELDS, FieldText

# Fields Hugo renders as Markdown, and the characters that would turn into Markdown or HTML
# syntax there if their reference were decoded.
MARKDOWN_FIELDS = ("summary",)
_MARKDOWN_SYNTAX = frozenset("<>*_`[]\\~")
# Characters a plain YAML list item may hold anywhere (nothing YAML reads as syntax), and those
# it may hold only after its first character (an indicator there: `&anchor`, a quoted scalar).
_PLAIN_SAFE = frozenset("’‘“”«»–—…")
_PLAIN_INNER = frozenset("&'\"")


def _writable(char: str, quote: str, at_start: bool) -> bool:
    """Whether `char` may replace a reference as it is in a list item quoted with `quote` ("" for
    a plain YAML item): no quote or backslash that would end or escape a quoted string; in a
    plain item only letters, digits and typographic punctuation."""
    if not char.isprintable():
        return False
    if quote:
        return char not in (quote, "\\")
    return char.isalnum() or char in _PLAIN_SAFE or (char in _PLAIN_INNER and not at_start)


@dataclass(frozen=True)
class Options:
    """Options of the rule (its `[rules.html-entity]` table)."""

    fields: tuple[str, ...] = TEXT_FIELDS


class HtmlEntity(Rule):
    code = "TX003"
    name = "html-entity"
    severity = Severity.WARNING
    messages = {
        "entity": "{key} shows the HTML entity {entity} literally{where}",
        "tag": "{key} shows the HTML tags {opening}...{closing} literally",
    }
    Options = Options

    @classmethod
    def field_keys(cls, ctx: Context) -> frozenset[str]:
        # `on_field` returns at once for any other key.
        return lowered_keys((*ctx.options.fields, "params"))

    def on_field(self, ctx: Context, field: Field) -> None:
        # A custom key (`lead`) under `params` is the page's value (hugo 0.168): checked there.
        for read, key in read_named(ctx.document, field, ctx.options.fields):
            self._check(ctx, read, key)

    def _check(self, ctx: Context, field: Field, key: str) -> None:
        if field.node.kind == "list":
            # A list where a text belongs (`title: [...]`) is field-type's to report.
            if field.key.lower() not in TEXT_FIELDS:
                self._list_items(ctx, field, key)
            return
        if not isinstance(field.value, str):
            return
        if "</" in field.value and field.key.lower() not in MARKDOWN_FIELDS:
            self._tags(ctx, field, key)
        found = html_entities(field.value)
        if found and field.key.lower() in MARKDOWN_FIELDS:
            found = [
                item
                for item in found
                if item[2] not in _MARKDOWN_SYNTAX and not _invisible(item[2])
            ]
        if not found:
            return
        edited = FieldText(ctx.document.text, field)
        # A reference to no character (`&#0;`, `&#xD800;`) decodes to U+FFFD, as a browser shows
        # it; writing that character would only hide that the original is lost.
        decodable = [
            item for item in found if item[2] != "\ufffd" or _names_fffd(field.value, item)
        ]
        # One problem per reference, as the other text rules report each place (and a reader of
        # the catalogue expects `Trump&#39;s ... S&amp;P` to give two); each fix is its own edit.
        fixes = dict(zip(decodable, edited.edits(decodable), strict=True)) if decodable else {}
        for item in found:
            start, end, _ = item
            edits = fixes.get(item)
            fix = Fix.safe(f"Unescape {field.value[start:end]}", *edits) if edits else None
            entity = field.value[start:end]
            # Hugo's `.Summary` renders the Markdown: the reference shows its character there,
            # and literally only where a theme or feed prints the field as written.
            where = (
                f" where it is printed as written (Hugo's rendered summary shows {item[2]!r})"
                if field.key.lower() in MARKDOWN_FIELDS
                else ""
            )
            ctx.report(
                edited.span(start, end),
                "entity",
                entity=entity,
                key=key,
                where=where,
                fix=fix,
            )

    def on_text(self, ctx: Context, node: Text) -> None:
        """A reference the page shows as typed: escaped twice in the body's prose
        (`it&amp;#39;s` shows `&#39;`), or with no `;` to end it (`&nbsp`). One Hugo renders
        (`&rsquo;`, `&nbsp;`) shows its character and is left alone."""
        text = node.text
        if "&" not in text:
            return
        if "&amp;" in text:
            self._escaped_twice(ctx, node)
        for match in _UNENDED.finditer(text):
            start, end = node.span.start + match.start(), node.span.start + match.end()
            source = ctx.document.text
            if _unended_name(match.group(1)) and not _escaped(source, start):
                name = match.group(0)
                ctx.report(
                    Span(start, end),
                    "entity",
                    key="body",
                    entity=name,
                    where=" (no ';' ends it)",
                    fix=Fix.safe(f"End {name} with ';'", Edit.insert(end, ";")),
                )

    def _escaped_twice(self, ctx: Context, node: Text) -> None:
        import html
        from html.entities import html5

        text = node.text
        source = ctx.document.text
        base = node.span.start
        for match in _TWICE_ESCAPED.finditer(text):
            reference = match.group(1)
            if not reference.startswith("#") and reference not in html5:
                continue  # `&amp;foo;` is no reference escaped twice
            start, end = base + match.start(), base + match.end()
            # Written apart (` &amp;nbsp; `), it may be prose about HTML showing a reference as
            # text, which is how Markdown shows one; inside a word or as a number it is not.
            glued = _word_char(source, start - 1) or _word_char(source, end)
            if not (reference.startswith("#") or glued) or _escaped(source, start):
                continue
            fix = None
            if html.unescape(f"&{reference}") != "\ufffd":  # `&#0;` would show U+FFFD
                fix = Fix.safe(
                    f"Unescape &amp;{reference}", Edit.replace(Span(start, start + 5), "&")
                )
            ctx.report(
                Span(start, end),
                "entity",
                key="body",
                entity=f"&{reference}",
                where=f" (escaped twice as &amp;{reference})",
                fix=fix,
            )

    def _tags(self, ctx: Context, field: Field, key: str) -> None:
        """Inline formatting written as HTML around part of a title (`<strong>Writing privacy
        notices</strong>`, as a CMS copies it): themes print the title escaped, so the reader sees
        the tags. Only a tag closed again counts; a lone `<dialog>` is the element's name."""
        value = str(field.value)
        edited = FieldText(ctx.document.text, field)
        for start, end, opening, closing in tag_pairs(value):
            ctx.report(edited.span(start, end), "tag", key=key, opening=opening, closing=closing)

    def _list_items(self, ctx: Context, field: Field, key: str) -> None:
        """The references in each string item of a list field (`tags: ["Trump&#39;s plan"]`)."""
        text = ctx.document.text
        for item in field.node.items:
            if item.kind != "scalar" or not isinstance(item.value, str):
                continue
            found = html_entities(item.value)
            if not found:
                continue
            source = text[item.span.start : item.span.end]
            quote = source[:1] if source[:1] in ("'", '"') else ""
            inner = source[1:-1] if quote else source
            # Offsets in the value are offsets in the source only when nothing is escaped.
            as_written = inner == item.value and not (quote == '"' and "\\" in inner)
            base = item.span.start + len(quote)
            for start, end, char in found:
                entity = item.value[start:end]
                if not as_written:
                    ctx.report(item.span, "entity", entity=entity, key=key, where="")
                    continue
                span = Span(base + start, base + end)
                fix = None
                if _writable(char, quote, start == 0):
                    fix = Fix.safe(f"Unescape {entity}", Edit.replace(span, char))
                ctx.report(span, "entity", entity=entity, key=key, where="", fix=fix)


# Inline formatting elements a CMS leaves in a title, opened and closed again around some text.
_INLINE = "strong|b|em|i|u|s|span|sup|sub|small|mark|del|ins|font|cite|abbr|code|a"
_TAG = re.compile(rf"<(/?)({_INLINE})(?:\s[^<>]*)?>", re.IGNORECASE)


def tag_pairs(value: str) -> list[tuple[int, int, str, str]]:
    """Each inline element opened and closed again in `value`: (start, end, opening tag, closing
    tag), outermost only. One pass over the tags (a value of many unclosed ones is no quadratic
    search)."""
    pairs: list[tuple[int, int, str, str]] = []
    open_at: dict[str, tuple[int, str]] = {}  # the first unclosed opening of each element
    for tag in _TAG.finditer(value):
        name = tag.group(2).lower()
        if not tag.group(1):
            open_at.setdefault(name, (tag.start(), tag.group(0)))
            continue
        opening = open_at.pop(name, None)
        if opening is None:
            continue
        while pairs and pairs[-1][0] > opening[0]:
            pairs.pop()  # an element inside the one closing now: the outer one is reported
        pairs.append((opening[0], tag.end(), opening[1], tag.group(0)))
    return pairs


# `&amp;` before a character reference in the body: `&amp;#39;`, `&amp;#x27;`, `&amp;nbsp;`.
_TWICE_ESCAPED = re.compile(
    r"&amp;(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)"
)


def _word_char(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isalnum()


# A reference CMSs and scrapers write, with its `;` lost: `&nbsp`, `&mdash`, `&eacute`. Only these
# names: many others are words (`&and`, `&sub`, `&star`, `&phone`), and `Pub&sub` is a name.
# Before `=` it is a query's parameter (`?id=1&copy=2`), as HTML reads it in an attribute.
_UNENDED = re.compile(
    r"&(nbsp|amp|quot|apos|lt|gt|mdash|ndash|hellip|[lr]squo|[lr]dquo|[lr]aquo|copy|reg|trade"
    r"|[A-Za-z](?:acute|grave|circ|uml|tilde|cedil|slash))(?![A-Za-z0-9;=])"
)


def _unended_name(name: str) -> bool:
    from html.entities import html5

    return f"{name};" in html5


def _escaped(text: str, start: int) -> bool:
    """Whether the `&` at `start` is escaped with a backslash (`\\&nbsp` shows `&nbsp` as
    meant)."""
    return start > 0 and text[start - 1] == "\\"


def _invisible(characters: str) -> bool:
    """Whether a reference stands for white space or an invisible format character (`&nbsp;`,
    `&thinsp;`, `&shy;`, `&zwj;`): in a field Hugo renders, the reference shows that character,
    and is the one way to see in the source that it is there."""
    import unicodedata

    return all(char.isspace() or unicodedata.category(char) == "Cf" for char in characters)


def _names_fffd(value: str, item: tuple[int, int, str]) -> bool:
    """Whether the reference at `item` names U+FFFD itself (`&#65533;`, `&#xFFFD;`)."""
    reference = value[item[0] + 2 : item[1] - 1].lower()
    number = int(reference[1:], 16) if reference.startswith("x") else int(reference or "0")
    return number == 0xFFFD
