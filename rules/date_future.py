"""The publish date is in the future.

## What it does
Flags a page whose publish date (`publishDate`, else `pubdate`, `published`, else `date`, or the
sources the site's `[frontmatter] publishDate` names, as Hugo picks it, the date in the file name
with `:filename`, or the one a section's or the site's `cascade` gives a page without its own) is
later than now, read the way Hugo reads it (the offset in the value, else the site's `timeZone`,
else UTC), unless the site sets `buildFuture`. A Jekyll post outside a Hugo site
(`_posts/2031-10-16-x.md`, see `rules/_jekyll.py`), or a document of another collection its
`_config.yml` declares (`_events/x.md` for `collections: [events]`), is held to Jekyll's rule,
which leaves future documents out too: dated by its front matter or else its file name, and not
reported when the Jekyll site builds future documents (`future: true` in `_config.yml`, or, with
no `future` there, a site built by the `github-pages` gem, whose default is true: its Gemfile asks
for that gem, or it has no Gemfile, as GitHub Pages needs none); the other pages of a Jekyll site
(`about.md`), which Jekyll publishes whatever their date, and its drafts (`_drafts/x.md`), which it
leaves out whatever their date, are not reported. The option `now` (RFC 3339) replaces the clock, for
reproducible runs. A date from the file name or a cascade is reported at the front matter's
opening delimiter.

## Why is this bad?
Hugo leaves future pages out of the build: the article is missing from the site, its lists and its
feeds until a build runs after that time. For a scraped article it usually means a time zone
mistake: a local time labelled as UTC on a site east of Greenwich, or a UTC time written without
an offset on a site west of it.

## Example
    # newslint.toml: rules.date-future.now = "2025-02-08T10:00:00+08:00"   (10:00 in Shanghai)
    date: "2025-02-08T17:55:35+08:00"   (09:55:35 in Shanghai, labelled as UTC by the scraper)

## Use instead
    date: "2025-02-08T09:55:35+08:00"
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from newslint import Rule, Severity
from newslint.document import Document
from newslint.rule import Context

from . import _dates
from ._jekyll import jekyll_document, jekyll_draft_path, jekyll_post
from ._pages import opening_delimiter


@dataclass(frozen=True)
class Options:
    """Options of the rule (its `[rules.date-future]` table)."""

    # RFC 3339 time to compare with instead of the clock ("" = the clock).
    now: str = ""

    def __post_init__(self) -> None:
        if self.now and _dates.parse_cast(self.now, None).kind != "ok":
            raise ValueError(f"now {self.now!r} is not a date (write 2025-02-08T09:55:35+08:00)")


class DateFuture(Rule):
    code = "DT003"
    name = "date-future"
    severity = Severity.WARNING
    messages = {
        "future": "{key} {value} is in the future: Hugo leaves the page out until then (buildFuture is off)",
        "future-file-name": "the publish date {value} in the file name is in the future: Hugo leaves the page out until then (buildFuture is off)",
        "future-cascade": "the publish date {value} a cascade gives the page is in the future: Hugo leaves the page out until then (buildFuture is off)",
        "future-jekyll": "{key} {value} is in the future: Jekyll leaves the post out until then (future is off)",
        "future-jekyll-file-name": "the date {value} in the file name is in the future: Jekyll leaves the post out until then (future is off)",
        "future-jekyll-document": "{key} {value} is in the future: Jekyll leaves the document out of its collection until then (future is off)",
        "future-jekyll-document-file-name": "the date {value} in the file name is in the future: Jekyll leaves the document out of its collection until then (future is off)",
    }
    Options = Options
    volatile = True  # depends on the clock: results are never cached

    def on_document_end(self, ctx: Context, document: Document) -> None:
        site = ctx.site
        if site is not None and site.build_future_for(ctx.document.language):
            return
        post = jekyll_post(ctx)
        jekyll = post or jekyll_document(ctx)
        if site is not None and site.jekyll_config is not None and not jekyll:
            return  # a Jekyll page is published whatever its date: only documents wait for theirs
        if post and jekyll_draft_path(os.fspath(document.path)):
            return  # a draft is left out of the build whatever its date
        source = _dates.hugo_dates(ctx).targets.get("publishdate")
        # A field's date, or the file name's (`[frontmatter] publishDate = [":filename", ...]`).
        time = source.reading.time if source is not None and source.reading is not None else None
        if source is None or time is None or (source.field is not None and source.time is None):
            return
        now = _dates.parse_cast(ctx.options.now, None).time if ctx.options.now else _dates.clock()
        if now is None or time.epoch() <= now.epoch():
            return
        item = source.field
        if item is None:  # no field to point at: the front matter's opening delimiter
            message = "future-cascade" if source.origin == _dates.CASCADE else "future-file-name"
            if jekyll:
                message = "future-jekyll-file-name" if post else "future-jekyll-document-file-name"
            ctx.report(opening_delimiter(document), message, value=time.rfc3339())
            return
        message = "future" if not jekyll else "future-jekyll" if post else "future-jekyll-document"
        ctx.report(item.value_span, message, key=item.key, value=time.rfc3339())
