"""Relative link copied from the source site.

## What it does
In an article whose source link (see `source-link-missing`) is on another site, flags links and
images whose URL is relative (`/tags/231`, `stock1.php?code=9988`) or protocol-relative
(`//n.sinaimg.cn/x.png`): they were copied from the source page and point at nothing here.

It stays quiet where a relative link is right: `#anchors`, `mailto:` and other schemes (an email
autolink `<name@host>` too), a web URL in one more pair of parentheses (`[text]((https://x.org/a))`,
relative only by mistake: link-malformed reports it), Hugo shortcodes (`{{< ref >}}`, `{{< relref
>}}`) and template or Liquid tags, articles without a source link or whose source is this site
(`baseURL`), and relative links that may lead to something the site serves, told from its
configuration and file names alone: a file under `static/` (or the theme's), a page or section at
its path-derived URL (its folder and file names in lower case, white space as `-`: `News/My
Article.md` at `/news/my-article/`), a file next to the article (a page-bundle resource, or another
article through Hugo's link render hook; where Hugo's own hook is on, a `.md` file wherever its
`GetPage` finds the page: `budget.md` in a leaf bundle is its section's, `other/c.md` the content
root's), with or without a language prefix or `baseURL`'s path; a taxonomy's list page (`/tags/`) or
the page of one of the article's own terms; a URL a `[permalinks]` pattern makes
(`/:year/:month/:slug/`); where the site reads dates from file names (`:filename`), the slug Hugo
takes from the rest of a dated name (`news/2024-01-02-budget.md` at `/news/budget/`); a feed,
sitemap or pager (`index.xml`, `/page/2/`). Whether a link resolves can only be told inside a Hugo
site, so path-relative links are checked only when the site is known. No other file is read, so a
link to a page that moved itself with `url`, `slug` or `aliases`, or to a term only other articles
carry, is reported: suppress it there, or link with `{{< ref >}}`.

Where a front-matter field records the page the article was imported from (`original_url`,
`originalUrl`, `original_link`, `canonicalURL`, as archivers and feed importers write it), the
relative links were copied from that page, whatever source the body cites: they are resolved
against it, and an article with such a field is checked even without a source link. A
placeholder there (a dotless or reserved host, `https://原文地址`) names no page and is passed over.
Such a field, and the source field, is read under the page's `params` when set there (Hugo 0.150+
makes `params.original_url` the page's `.Params.original_url`, over a top-level one).

An article that lists its sources (a `## Sources` label over a list of links, or a source field
of several URLs) was written from them, not copied from one: a relative link in it that leads to
nothing the site serves is reported as such, naming no host, and a protocol-relative one is given
`https:`, not the first source's scheme.

Links in raw HTML (`<a href>`, `<area href>`, `<img src>` and `srcset`, embeds such as `<iframe
src>`) are checked too, at the attribute's value; the fix writes the absolute URL there HTML-escaped
(`&amp;`), and none is offered for an unquoted value that would need quotes.

It is reported at the URL (at the whole link when the URL is not written in it: a reference
link).

## Why is this bad?
On the source site `/tags/231` was a page; on this site it is a 404, and a protocol-relative image
breaks in feed readers and e-mail, which have no page scheme to borrow.

## Example
    [HSY 好時](/analysis/HSY)

    [wallstreetcn](https://wallstreetcn.com/articles/3740904)

## Use instead
    [HSY 好時](https://wallstreetcn.com/analysis/HSY)

    [wallstreetcn](https://wallstreetcn.com/articles/3740904)

## Fix safety
Unsafe: the URL is resolved against the source link the way a browser on the source page would
have; the page it then points at should be checked. An image named by a path that stays in the
page's folder (`![](img1.jpg)`, `![](images/1.png)`) in a leaf bundle's `index.md` is a resource
of the page, missing from its folder: it is reported as such, with no fix (the source never had that address), and so is a
link in an article that lists its sources (which of them it came from, if any, is not known).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import unquote, urljoin

from newslint import Edit, Fix, Rule, Severity
from newslint.events import Html, Link
from newslint.rule import Context
from newslint.site import PAGE_SUFFIXES, path_segment

from ._html_links import attribute_text, links_in
from ._links import (
    NO_VALUE,
    Destinations,
    SourceLink,
    files_beside,
    find_source_link,
    missing_scheme,
    origin_link,
    same_site,
    source_field_name,
    split_url,
    wrapped_web_url,
)
from ._params import params_field

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class Options:
    """Options of the rule (its `[rules.link-relative]` table)."""

    field: str = ""


class LinkRelative(Rule):
    code = "LK003"
    name = "link-relative"
    severity = Severity.WARNING
    messages = {
        "relative": "relative {kind} {url!r} was copied from {host} and points at nothing here",
        "unserved": "relative {kind} {url!r} points at nothing this site serves",
        "protocol": "protocol-relative {kind} {url!r} has no scheme",
        "bundle": "{kind} {url!r} is no file of this page bundle (nor anything else the site "
        "serves)",
    }
    Options = Options
    # A verdict depends on other files (the page, section or static file the link may lead to),
    # which the cache key (the file's own bytes) does not see: the cache stores the existence
    # checks `Site.may_serve` made with the result and re-checks them on a lookup, so writing the
    # target page clears a stored report and deleting it brings one back.
    # Not `volatile`: a watch still lints the articles whose verdict a page that came or went may
    # change again (`collect` says which: `newslint.watch.Session`).
    depends_on_site_files = True

    def __init__(self) -> None:
        self.source: SourceLink | bool | None = False
        self.destinations: Destinations | None = None
        self.terms: dict[str, set[str]] | None = (
            None  # the article's own, once it has a relative link
        )
        self.served = False  # a link was let through as leading to something the site serves

    def collect(self) -> bool | None:
        """True when a link was let through because of the site's files: the result depends on
        them, and `newslint watch` lints the article again when a page comes or goes (the cache
        re-checks the files themselves)."""
        return True if self.served else None

    def _source(self, ctx: Context) -> SourceLink | None:
        if self.source is False:
            found = origin_link(ctx) or find_source_link(
                ctx.document, source_field_name(ctx, ctx.options.field)
            )
            if found is not None and same_site(found.url, ctx.site):
                found = None
            self.source = found
        return self.source if isinstance(self.source, SourceLink) else None

    def on_link(self, ctx: Context, link: Link) -> None:
        url = link.url.strip()
        if not url or url.startswith(("#", "?")) or _SCHEME.match(url):
            return
        if link.link_type == "Email":
            return  # `<name@host>`: the parser gives the address, Hugo writes `mailto:name@host`
        if "{{" in url or "{%" in url:
            return  # a shortcode or template tag makes the URL at build time
        if (
            url in NO_VALUE
            or wrapped_web_url(url)
            or missing_scheme(url, files_beside(ctx)) is not None
        ):
            # `[text]((https://x.org/a))`, `[text](www.x.org/a)`, `desk@example.org`,
            # `[text](undefined)`: an address written wrong or missing, which link-malformed
            # reports; resolved against the source it would be nonsense.
            return
        source = self._source(ctx)
        if source is None:
            return
        kind = "image" if link.is_image else "link"
        text = ctx.document.text
        self.destinations = self.destinations or Destinations(ctx.document)
        dest = self.destinations.of(link)
        if not self.destinations.first_time(link, dest):
            return
        where = dest if dest is not None and len(dest) else link.span
        parts = split_url(source.url)
        scheme = parts.scheme.lower() if parts is not None and not source.listed else "https"
        if url.startswith("//"):
            fix = (
                Fix.unsafe(f"Use {scheme}:", Edit.insert(dest.start, f"{scheme}:"))
                if dest is not None and text.startswith("//", dest.start)
                else None
            )
            ctx.report(where, "protocol", kind=kind, url=url, fix=fix)
            return
        if ctx.site is None or ctx.site.root is None:
            return
        path = unquote(url.split("#", 1)[0].split("?", 1)[0]).strip()
        if not path:
            return
        if self.terms is None:
            self.terms = _terms(ctx)
        if ctx.site.may_serve(path, ctx.document.path, self.terms):
            self.served = True
            return
        if link.is_image and _bundle_resource_name(url, ctx.document.path):
            # `![](img1.jpg)` in a leaf bundle names a resource of the page that is not there:
            # resolving it against the source would guess at an address nobody wrote.
            ctx.report(where, "bundle", kind=kind, url=url)
            return
        if source.listed:
            # `## Sources` and a list of links: the article was written from them, and which
            # page, if any, the link came from is not known; a fix pointing it at the first of
            # them would guess.
            ctx.report(where, "unserved", kind=kind, url=url)
            return
        # Resolve the destination as written, so that its Markdown escapes stay valid; in HTML,
        # resolve the URL and write it escaped for the attribute.
        absolute = urljoin(source.url, text[dest.start : dest.end] if dest is not None else url)
        written: str | None = absolute
        if link.link_type == "Html":
            absolute = urljoin(source.url, url)
            written = attribute_text(text, link, absolute)
        fix = (
            Fix.unsafe(f"Resolve against the source: {absolute}", Edit.replace(dest, written))
            if dest is not None and written is not None
            else None
        )
        host = parts.hostname if parts is not None else source.url
        ctx.report(where, "relative", kind=kind, url=url, host=host, fix=fix)

    def on_html(self, ctx: Context, node: Html) -> None:
        for link in links_in(ctx.document, node):
            self.on_link(ctx, link)


def _bundle_resource_name(url: str, path: str | None) -> bool:
    """Whether `url` is a file name that stays in the page's folder (`img1.jpg`, `images/1.png`:
    no query or fragment, no `/` first, no `..`) written in a leaf bundle's `index.md`
    (`index.uk.md`), where Hugo looks for it among the page's own resources (a bundle keeps its
    images in a folder of its own as often as beside the page)."""
    if path is None or url.startswith("/") or any(c in url for c in "?#\\:"):
        return False
    if ".." in url.split("/"):
        return False
    name = PurePath(path).name.lower()
    return name.split(".")[0] == "index" and name.endswith(PAGE_SUFFIXES)


def _terms(ctx: Context) -> dict[str, set[str]]:
    """The page's own taxonomy terms as Hugo writes them in URLs (`path_segment`); a
    `params.tags` takes the place of the top-level `tags` (hugo 0.168 makes term pages of it)."""
    assert ctx.site is not None
    found: dict[str, set[str]] = {}
    for plural in ctx.site.taxonomies_for(ctx.document.language).values():
        nested = params_field(ctx.document, plural)
        value = nested.value if nested is not None else ctx.document.value(plural)
        items = value if isinstance(value, list) else [value]
        found[plural.lower()] = {
            path_segment(str(item)) for item in items if isinstance(item, str | int)
        }
    return found
