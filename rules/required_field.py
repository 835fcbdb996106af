"""A required front-matter field is missing or empty.

## What it does
Flags an article whose front matter lacks a required field or leaves it empty (`""`, white space
only, `[]`, null): a missing field at the front matter's opening delimiter, an empty one at its
value. (`title: []` is also `field-type`'s: a list where a string belongs.) The default required
fields are `title` and `date`, and `summary` while the `news` preset is on (it is by default); the
`required` config key adds more, and the rule option `fields` replaces the list. `date` is not
missing when Hugo takes the page date from another key (`publishDate`, `pubdate`, `published`,
`lastmod`, `modified`, or what the site's `[frontmatter] date` lists, the file name and the file's
modification time, `:fileModTime`, included), nor for a Jekyll post outside a Hugo site, which
Jekyll dates by its file name (`_posts/2016-12-6-x.md`), nor for a Jekyll draft (`_drafts/x.md`),
which Jekyll dates by its file name or else by the file's modification time. Nor is a field missing that the page gets from a
`cascade` of a section's `_index` file or of the site configuration (see `newslint.cascade`): Hugo
gives the page that value, so `_index.md` with `cascade: {summary: ...}` covers the pages below it.
Nor is `summary` missing when the body sets Hugo's manual summary, the text before a `<!--more-->`
divider, which takes precedence over the front-matter key. On a page Jekyll builds (a Jekyll post,
or a page of a site with a `_config.yml` and no Hugo configuration, see `rules/_jekyll.py`) the
summary is Jekyll's excerpt: the `excerpt` field, else the body up to the `excerpt_separator` (the
page's own, else the site's; by default a blank line, which cuts the first paragraph). There the
field is not missing when `excerpt` holds text or the body has text before a configured separator;
a divider written otherwise than the separator (`<!-- more -->` on a site whose separator is
`<!--more-->`) is reported where it stands, since Jekyll's excerpt is then the whole post, and
otherwise the message says where Jekyll cuts the excerpt (no fix: a `summary` key means nothing
to Jekyll). A `description` does not stand in
for it: Hugo's `.Summary`, which its RSS feed and most themes' cards show, never reads
`description` (the page's meta description, `.Description`) and cuts a summary from the body
instead (checked with hugo 0.168); the message says so. A divider Hugo does not read (`<!-- more
-->`, as Hexo writes it, or `<!--More-->`: Hugo leaves them out as comments) is reported where it
stands, the summary still missing. One of Hugo's own fields written only inside the `params` map
(`params: {summary: ...}`, as an AI news pipeline nests it) is reported there: Hugo keeps it as
`.Params.summary`, and the page's own summary is not it. A custom field (one the `required` config
key or the `fields` option names that is none of Hugo's own, such as `author`) is the reverse: Hugo
0.150+ makes `params.author` the page's `.Params.author`, over a top-level `author` (checked with
hugo 0.168), so it is found there and, when empty there, reported there as `params.author`. Section
list pages (`_index.md`) are no articles: Hugo dates them from their newest page and they list their
pages rather than show a summary, so of the default fields only `title` is asked of a section's, a
taxonomy's or a term's `_index` file, with a message saying why: Hugo titles a list page from its
folder only when it has no `_index` file, and one without a `title` leaves the page's title empty in
menus, breadcrumbs and the browser tab (checked with hugo 0.168). The home page's is not asked for
(themes title it from the site). A page its own `layout` draws, with no body of its own (the
`archives` and `search` pages PaperMod and Stack have their sites create: `layout: "archives"` and
nothing below the front matter), is no article either: its template lists or searches the articles,
so of the default fields only its `title` is asked. So is a page that puts itself in one of the
site's menus (`menu: main`, `menu: {main: {weight: -90}}`, or `menus`) or that a menu entry of the
site's configuration names by its path (`pageRef: /about`): a standing page readers reach from the
navigation (About, Contact, Stack's Links page), with no date, summary or source to give. So is a
documentation page's (type `docs`: its own `type`, a cascaded one, or its top-level section
`content/docs/`, as Docsy, Hextra and Hugo Book lay out docs, on a site whose layouts or theme draw
such pages: a `layouts/docs/` template, a docs theme; elsewhere hugo 0.168 draws them as any
article): it is ordered by its `weight` and has no date, summary or source of its own; on a site
whose theme is Hugo Book, not even a title (nor of a docs section's `_index` file), which the theme
takes from the file's or the folder's name. Only what `fields` or `required` names explicitly is
checked on a page readers never see (`headless: true`, or `build` with `render` and `list` both
never) and on a leaf bundle's resource (`news/story/notes.md` beside `news/story/index.md`, which
hugo 0.168 publishes no page of): a fragment other pages draw from. A value of only white space,
invisible characters and entities for them (`"&nbsp;&#8203;"`) is empty too: that is what a reader
sees, and what the other rules' safe fixes leave of it.

## Why is this bad?
Without a title the article card is blank; without a date Hugo sorts it at year 1; without a summary
Hugo cuts one from the body at an arbitrary word count, which feeds and cards then show.

## Example
    ---
    title: "Budget passes"
    summary: ""
    ---

    The budget passed on Tuesday after a week of talks.

## Use instead
    ---
    title: "Budget passes"
    date: 2025-02-08T09:55:35+08:00
    summary: "The budget passed on Tuesday after a week of talks."
    ---

    The budget passed on Tuesday after a week of talks.

## Fix safety
Unsafe. A divider Hugo does not read is rewritten as `<!--more-->` (on a Jekyll page, as the
site's `excerpt_separator`): the page's summary becomes the text before it, as its author meant,
which changes the page's cards and feed items. Otherwise only
for `summary`: on a page with a `description` the new summary is its text, the editor's own words
for the page; else, when the body has prose, the article's opening sentences (cut at a
sentence end within `max-chars`; a paragraph set apart in italics or bold as a whole, an editor's
note or a newsroom's boilerplate, is passed over, in Markdown or in raw HTML (`<i>`, `<em>`, `<b>`,
`<strong>`, as a CMS export writes it), and so is one in a block quote, an epigraph or a note above
the story; kramdown's attribute lists, `[x](url){:target="_blank"}`, are markup and left out),
which an editor should read. A summary shorter than `summary-length`'s `min` (40, as configured)
is never written, since that rule would report it at once: opening sentences that fall short go on with
the next paragraphs' (up to two, within `max-chars`), and when that cannot reach it, or a
`description` is that short (the opening sentences are then taken), there is no fix (Hugo's own
summary, the first 70 words, says more). There is no fix when a misspelt key such as
`sumary` is present: `unknown-field` renames it instead. Nor is there one while the opening
sentences hold control or invisible characters or mojibake: copied into a quoted value they would
hide behind escapes, so `newslint fix` repairs the body first and offers the summary on its next
pass. Bytes that are not UTF-8 wait the same way for `invalid-utf8`'s transcoding: copied before it,
they would be written as U+FFFD, the character lost. The Example becomes (the date is the editor's
to add):

    ---
    title: "Budget passes"
    summary: "The budget passed on Tuesday after a week of talks."
    ---

    The budget passed on Tuesday after a week of talks.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from newslint import Edit, Fix, Rule, Severity, Span
from newslint.document import Document
from newslint.events import Field, Html
from newslint.rule import Context, check_counts
from newslint.textutil import html_entities

from ._crossfile import is_section_page
from ._dates import hugo_dates
from ._encoding import BIDI, ZERO_WIDTH, hidden_damage, lost_characters
from ._fields import insert_field
from ._jekyll import jekyll_draft_path, jekyll_excerpt_separator, jekyll_post
from ._mainroad import page_kind
from ._pages import (
    documentation_page,
    drawn_by_its_layout,
    hugo_book_site,
    menu_page,
    never_shown,
    opening_delimiter,
)
from ._params import PREFIX, custom_key, params_field
from ._schema import closest, presets_of, schema_of
from ._summary import lead_of, summary_too_short


@dataclass(frozen=True)
class Options:
    """Options of the rule (its `[rules.required-field]` table)."""

    # None: title and date, and summary when the `news` preset is on (the preset that requires it).
    fields: tuple[str, ...] | None = None
    max_chars: int = 300

    def __post_init__(self) -> None:
        check_counts(self)


# What a reader cannot see, and the safe fixes of invisible-char and control-char delete: a value
# made only of these and white space is as empty as "" (and becomes "" once those fixes ran).
_UNSEEN = dict.fromkeys(
    map(ord, [*ZERO_WIDTH, *BIDI, *map(chr, range(32)), *map(chr, range(127, 160))])
)


def _empty(value: object) -> bool:
    if isinstance(value, str):
        # Most values start with a visible character (after white space): no reference begins
        # before it (each begins with `&`), so it stays in the text below and the value is not
        # empty, which the unescaping and translating of the whole value need not show.
        shown = value.lstrip()[:1]
        if shown and shown != "&" and ord(shown) not in _UNSEEN:
            return False
        return not _unescaped(value).translate(_UNSEEN).strip()
    return value is None or (isinstance(value, list | dict) and not value)


def _unescaped(value: str) -> str:
    """`value` with its HTML character references replaced, as html-entity's fix writes it
    (`&nbsp;` is white space, `&#8203;` invisible)."""
    pieces, cursor = [], 0
    for start, end, char in html_entities(value):
        pieces += [value[cursor:start], char]
        cursor = end
    return "".join(pieces) + value[cursor:]


class RequiredField(Rule):
    code = "FM004"
    name = "required-field"
    severity = Severity.ERROR
    messages = {
        "missing": "required field {key!r} is missing",
        "empty": "required field {key!r} is empty",
        "divider": "required field {key!r} is missing: Hugo reads only '<!--more-->' as the "
        "summary divider, not {written!r}",
        "params": "required field {key!r} is missing: it is written under 'params', where Hugo "
        "keeps it as a custom parameter, not as the page's {key!r}",
        "list-title": "required field 'title' is missing: Hugo titles a list page from its "
        "folder only when it has no _index file, so this page's title is empty",
        "description": "required field 'summary' is missing: Hugo's .Summary, which feeds and "
        "cards show, does not read 'description'; it cuts one from the body",
        "jekyll": "required field 'summary' is missing: the post has no 'excerpt' field, so "
        "Jekyll's excerpt is {excerpt}",
        "jekyll-divider": "required field 'summary' is missing: the site's excerpt_separator is "
        "{separator!r}, not {written!r}, so Jekyll's excerpt is the whole post",
    }
    Options = Options

    def on_document_end(self, ctx: Context, document: Document) -> None:
        fm = document.front_matter
        if fm is None:
            return
        required = list(ctx.options.fields if ctx.options.fields is not None else _default(ctx))
        list_page = is_section_page(document) and page_kind(document, ctx.site) != "home"
        template_page = not is_section_page(document) and (
            drawn_by_its_layout(document) or documentation_page(document) or menu_page(document)
        )
        if ctx.options.fields is None and (
            is_section_page(document) or never_shown(document) or template_page
        ):
            # A list page is no article: Hugo dates it from its newest page, and it lists its pages
            # rather than showing a summary; a page never rendered nor listed shows none of them,
            # and a page its own layout draws (an archive, a search page) lists or searches the
            # articles; a documentation page is ordered by its weight and has no date, summary or
            # source to give, nor has a page the site's navigation links (About, Links). A list
            # page's, a drawn page's and a documentation page's title is still its own to give
            # (below).
            # What config `required` names explicitly still applies.
            required = []
            if (list_page or template_page) and not never_shown(document):
                required = ["title"]
            if required and hugo_book_site(ctx.site) and documentation_page(document):
                # Hugo Book titles a page from its file name, a section from its folder's name
                # (its `docs/title` partial), when it has no title.
                required = []
        manual_summary = _manual_summary(document)
        if ctx.config is not None:
            required += [k for k in ctx.config.required if k not in required]
        schema = schema_of(ctx)
        for key in required:
            if custom_key(schema, key, required) and _checked_under_params(ctx, key):
                continue
            found = document.field(key)
            if found is None and key.lower() == "date":
                if _hugo_has_date(ctx) or _jekyll_undated_draft(ctx):
                    continue
            elif found is None and not _empty(document.effective_value(key)):
                continue  # a section's or the site's `cascade` gives it (`newslint.cascade`)
            if key.lower() == "summary" and manual_summary:
                continue
            if key.lower() == "summary" and (found is None or _empty(found.value)):
                separator = jekyll_excerpt_separator(ctx)
                own = document.field("excerpt_separator")
                if separator is not None and own is not None and isinstance(own.value, str):
                    separator = own.value or separator  # the page's own, over the site's
                if separator is not None:
                    # Jekyll's summary is `page.excerpt`: the `excerpt` field, else the body up
                    # to the separator; a Hugo divider means nothing there.
                    if _jekyll_excerpt_set(document, separator):
                        continue
                    divider = _miswritten_divider(document, separator)
                    if divider is not None:
                        fix = Fix.unsafe(f"Write the excerpt separator as {separator}", divider[1])
                        ctx.report(
                            divider[0],
                            "jekyll-divider",
                            separator=separator,
                            written=divider[2],
                            fix=fix,
                        )
                        continue
                    if separator == "\n\n":
                        excerpt = "the body up to the first blank line"
                    elif separator in document.body:
                        excerpt = f"the body up to {separator!r}, which nothing comes before"
                    else:
                        excerpt = f"the whole post (no {separator!r} in it)"
                    ctx.report(opening_delimiter(document), "jekyll", excerpt=excerpt)
                    continue
            if key.lower() == "summary" and (found is None or _empty(found.value)):
                divider = _miswritten_divider(document)
                if divider is not None:
                    # The author meant a manual summary: the divider is the thing to fix.
                    fix = Fix.unsafe("Write the summary divider as <!--more-->", divider[1])
                    ctx.report(divider[0], "divider", key=key, written=divider[2], fix=fix)
                    continue
            if found is None and (nested := _under_params(document, key)) is not None:
                # An importer nested it (`params: {summary: ...}`): Hugo's `.Summary` does not
                # read `.Params.summary` (checked with hugo 0.168), so the page has none.
                ctx.report(nested, "params", key=key)
            elif found is None and list_page and key.lower() == "title":
                # Hugo's title from the folder is for a section without an `_index` file only
                # (hugo 0.168: `sport/` is "Sports", `news/` with an untitled `_index.md` is "").
                ctx.report(opening_delimiter(document), "list-title")
            elif found is None:
                where = opening_delimiter(document)
                described = key == "summary" and _description(document) is not None
                message = "description" if described else "missing"
                ctx.report(where, message, key=key, fix=_summary_fix(ctx, key, found))
            elif _empty(found.value) and found.node.tag not in ("timestamp",):
                ctx.report(
                    found.value_span if len(found.value_span) else found.key_span,
                    "empty",
                    key=key,
                    fix=_summary_fix(ctx, key, found),
                )


def _checked_under_params(ctx: Context, key: str) -> bool:
    """For a custom `key`: whether the page sets it under `params`, which is then its
    `.Params.<key>` over a top-level one (hugo 0.168); that value is reported when empty."""
    under = params_field(ctx.document, key)
    if under is None:
        return False
    if _empty(under.value) and under.node.tag not in ("timestamp",):
        span = under.value_span if len(under.value_span) else under.key_span
        ctx.report(span, "empty", key=PREFIX + under.key)
    return True


def _under_params(document: Document, key: str) -> Span | None:
    """Where `key` is written, with a value, inside the front matter's `params` map."""
    nested = params_field(document, key)
    return nested.key_span if nested is not None and not _empty(nested.value) else None


def _jekyll_excerpt_set(document: Document, separator: str) -> bool:
    """Whether a Jekyll page sets its excerpt: a non-empty `excerpt` field, which overrides the
    one Jekyll cuts, or text before an `excerpt_separator` the site configures (Jekyll's default,
    a blank line, cuts the first paragraph, which no author chose for the purpose)."""
    excerpt = document.field("excerpt")
    if excerpt is not None and not _empty(excerpt.value):
        return True
    if separator == "\n\n":
        return False
    before, divider, _ = document.body.partition(separator)
    return bool(divider) and bool(before.strip())


def _manual_summary(document: Document) -> bool:
    """Whether the body sets Hugo's manual summary: text before a `<!--more-->` divider. It takes
    precedence over a front-matter summary (Hugo's docs, "Content summaries"), so the page has the
    summary its author chose. Hugo takes the first `<!--more-->` wherever it stands."""
    before, divider, _ = document.body.partition("<!--more-->")
    return bool(divider) and bool(before.strip())


# `<!-- more -->` (Hexo's spelling), `<!--More-->`: Hugo takes only `<!--more-->` as the divider and
# leaves these out as HTML comments, so the page has no manual summary (checked with hugo 0.168).
_DIVIDER_LIKE = re.compile(r"<!--\s*more\s*-->", re.IGNORECASE)


def _miswritten_divider(
    document: Document, divider: str = "<!--more-->"
) -> tuple[Span, Edit, str] | None:
    """Where the body writes the summary divider in a form the generator does not read (a
    comment of its own, not in code, with text before it), the edit that writes it as `divider`
    (Hugo's `<!--more-->`, or a Jekyll site's `excerpt_separator` when that is such a comment),
    and how it is written."""
    if _DIVIDER_LIKE.fullmatch(divider) is None:
        return None  # a separator of another kind (`<!--cut-->`): no look-alike to correct
    for node in document.body_nodes:
        if not isinstance(node, Html):
            continue
        written = node.text.strip()
        if _DIVIDER_LIKE.fullmatch(written) is None or written == divider:
            continue
        start = node.span.start + node.text.index(written)
        if not document.text[document.body_start : start].strip():
            return None  # nothing before it: no summary either way
        span = Span(start, start + len(written))
        return span, Edit.replace(span, divider), written
    return None


def _hugo_has_date(ctx: Context) -> bool:
    """Whether Hugo gives the page a date without a `date` key: from `publishDate`, `lastmod` or
    another key of the site's `[frontmatter] date` list, from the file name or the file's
    modification time (`:fileModTime`, which every file has) when the site asks for them. Such a
    page is not sorted at year 1 (checked with hugo 0.168). A `:git` source is not counted: an
    article not yet committed has no author date, and Hugo then goes on down the list."""
    if hugo_dates(ctx).targets.get("date") is not None:
        return True
    # A cascaded `date`, `publishDate` (or another key of the list) dates the page as its own
    # would; a key the site's `[frontmatter] date` does not list dates nothing.
    document = ctx.document
    keys = (
        ctx.site.date_sources_for(document.language)["date"] if ctx.site is not None else ("date",)
    )
    return any(
        not key.startswith(":") and document.inherits(key) and document.effective_value(key)
        for key in keys
    )


def _jekyll_undated_draft(ctx: Context) -> bool:
    """Whether the page is a Jekyll draft with no date in its name: Jekyll dates it by the file's
    modification time (a dated name gives the date through `hugo_dates`)."""
    return jekyll_post(ctx) and jekyll_draft_path(os.fspath(ctx.document.path))


def _default(ctx: Context) -> tuple[str, ...]:
    """The required fields when the `fields` option is not set: `hugo` wants a title and a date,
    and the `news` preset adds the summary (`presets = ["hugo"]` turns that off)."""
    return ("title", "date", "summary") if "news" in presets_of(ctx) else ("title", "date")


def _summary_fix(ctx: Context, key: str, found: Field | None) -> Fix | None:
    """For a missing or empty `summary`: write it from the article's opening sentences."""
    if key != "summary":
        return None
    document = ctx.document
    if found is None and any(closest(f.key, (key,)) for f in document.fields):
        # A misspelt `sumary` is there: unknown-field renames it, and a second summary written
        # beside it in the same pass would leave the key twice.
        return None
    description = _description(document)
    if description is not None and not summary_too_short(ctx, description):
        # The editor's own words for the page, which `.Description` shows in its meta tags and
        # many themes' cards: a better summary than sentences cut from the body. One shorter
        # than summary-length's minimum would be reported as soon as it was written.
        text, title = description, "Write the summary from the description"
    else:
        text, title = lead_of(ctx), "Write the summary from the opening sentences"
        if text and summary_too_short(ctx, text):
            # summary-length would report what the fix wrote (`fix` would not converge), and
            # Hugo's own summary, the body's first 70 words, says more than it.
            return None
    if not text or hidden_damage(text) or lost_characters(text):
        return None
    edit = found.replace_value(text) if found is not None else insert_field(document, key, text)
    if edit is None:
        return None
    return Fix.unsafe(title, edit)


def _description(document: Document) -> str | None:
    """The page's `description` (its `.Description`), when it holds text."""
    found = document.field("description")
    if found is None or not isinstance(found.value, str) or _empty(found.value):
        return None
    return " ".join(found.value.split())
