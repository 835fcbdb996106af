"""Link to a page of the site that does not exist.

## What it does
Flags a Markdown link to a path of the site, root-relative (`[the vote](/news/2024/budjet/)`) or
relative to the article's own URL (`[the vote](../budjet/)`, `[the vote](budjet/)`, and without
the slash at the end, `../budjet`, which a host redirects to `../budjet/` only where that is
served), that nothing the site serves answers: no page at its URL (its file's
path, its `url`, its `slug`, a `[permalinks]` pattern), no alias of a page (`aliases`, absolute
or relative to the page's folder URL), no section, taxonomy or term list, pager
(`/news/page/2/`), static file or folder, and no file or folder of the content tree at that
path. `baseURL`'s path is allowed; a query and a fragment are no part of the path; case does
not count. A page is served below its language's folder as hugo 0.168 writes it (`/fr/news/x/`
for `news/x.fr.md` or a French `contentDir`, the default language without one unless
`defaultContentLanguageInSubdir`, on a site that lists no languages too; its aliases there
too, its `url` where it says): a link to a
translation that does not exist (`/fr/news/x/` where only `news/x.md` is) is dead, and so is a
top-level folder's list page in a language with no page in it (`/fr/news/` where `news/` holds
English pages alone). Where the
languages have hosts of their own (a `baseURL` each), a path is the page's own language's host's:
`/news/x/` in an English page is dead when only `news/x.fr.md` is.

When it can tell every page's URL (as hugo 0.168 makes them), it judges by those alone: a page
moved by `[permalinks]` (`/:year/:month/:slug/`) or `uglyURLs` (`/news/budget.html`, globally or
for a section) is not served at its file's path any more, a path the pattern could make but no
page has is dead, a `.html` link into a section with ugly URLs is a page's, and a folder below a
section without an `_index` file (`/news/deep/`) has no list page. One page whose URL it cannot
tell (a `:year` without a date, a token not modelled) and a file or a pattern vouches again.

It judges only what it can be sure of, and stays silent otherwise:

- only when the run holds every content file of the site (its content folders' and its themes'):
  a pre-commit hook given a few files does not see the page that sets its `url` there (add
  `--project`); nor on a site with a content adapter (`_content.gotmpl`), a theme component that
  is a module not on disk, a page whose URL cannot be told (a `url` or `slug` from a cascade, a
  token not modelled) or a section with a `slug` (it moves the pages below it);
- only paths into a folder of the site's content (`/news/...` when there is a `news` section;
  the folder's name as written or as Hugo writes it, `/dealers--artists/` for `Dealers & Artists`)
  or into the first folder of the page's own URL (`team/` in `about.md`, or with `url: /about`,
  both at `/about/`: `/about/team/`): `/forum/` may be another program on the same host;
- not a path to a file (`/files/report.pdf`, `/index.xml`, `/news/budget.html` without
  `uglyURLs`): static files,
  assets, page resources and feeds are written where no content file says; not a path into a
  taxonomy (`/tags/...`, `/news/tags/...` for a plural `news/tags`);
- not a relative link on a site with a link render hook (Hugo's own on a multilingual site, or the
  site's or its theme's `render-link` template: it may take the path for a content path); one
  without a slash at the end is served by a page bundle's resource or a static file of that name,
  and by a page at `budget.html` (GitHub Pages serves `/news/budget` from it);
- not on a site whose `.gitmodules` puts a submodule in its content (a checkout may leave it
  empty), nor on one that keeps redirects for its host (`netlify.toml`, `_redirects`, `vercel.json`,
  `.htaccess` ...), nor a path the site's `publishDir` (`public/`) in the repository holds (Hugo
  leaves there what it did not write);
- not a link in an article whose source link is on another site: link-relative reports the links
  copied from it;
- not a `ref` or `relref` (ref-not-found's), nor a link to a file (`budget.md`: link-relative's).

A page Hugo does not write is no page at that URL: `headless: true`, `build.render: never` or
`link`, its own or from a cascade (the message says which); Hugo writes none of its aliases
either, nor a section's list page so set (the pages below it are still written). `build.list`
and `publishResources` do not change that. Such a page's own relative links are not judged: it
is shown, if anywhere, inside another page, whose URL they resolve against. A page that exists
but is a draft, in the future or expired counts as served: the build's flags decide.

It is reported at the link's URL (at the whole link when the URL is not written in it).

## Why is this bad?
The link is dead on every copy of the site: the reader gets a 404, usually because the page was
renamed, moved with `url` or `slug`, or the path was typed by hand. Only a link check of the live
site (`--check-links`) would see it otherwise.

## Example
    # content/news/article.md
    See [the budget story](/news/budjet/).

    [Example News](https://news.example.org/news/article/)

## Use instead
    # content/news/article.md
    See [the budget story](/news/article/).

    [Example News](https://news.example.org/news/article/)
"""

from __future__ import annotations

import posixpath
import re
from typing import Any, NamedTuple
from urllib.parse import unquote, urlsplit

from newslint import Rule, Severity
from newslint.document import Document
from newslint.events import Collected, Link
from newslint.rule import GROUP_ALWAYS, Context, CountedKey, ProjectContext, SoughtKey
from newslint.site import Site, site_for_dir
from newslint.spans import Span

from ._crossfile import is_section_page, position, whole_site_in_run
from ._links import (
    NO_VALUE,
    Destinations,
    find_source_link,
    origin_link,
    same_site,
    source_field_name,
)
from ._page_urls import (
    _ugly,
    language_folder,
    logical_path,
    multihost,
    own_url,
    split_site_path,
)
from ._pages import build_options, hugo_true, never_rendered

# A pager's path (`page/2`; the site may name it otherwise: `_pager_name`).
_PAGER = re.compile(r"(?:^|/)([^/]+)/\d+$")


class SitePage(NamedTuple):
    """What a page of a site's content gives `project_end` (plain data, cached with the file)."""

    root: str  # the site's root folder
    # The URL paths it is served at (its own, its `aliases`): lower case, without the slashes at
    # the ends, `baseURL`'s path or a language prefix.
    served: tuple[str, ...]
    doubt: bool  # its URL, or the URLs of the pages below it, cannot be told
    # Its links into the site: (URL path as `served` has them, position, URL as written).
    links: tuple[tuple[str, tuple[int, int, int, int], str], ...]
    section: str  # the first segment of its URL path: a link there is into the site's content
    # Its own URL is known (or it is no page of its own: a section with a `slug` is `doubt`).
    known: bool = True
    # Why Hugo writes neither the page nor its aliases (`headless: true`, `build.render: never`),
    # "" when it does: its URLs in `served` are then where nothing is served.
    unwritten: str = ""


class PageNotFound(Rule):
    code = "LK010"
    name = "page-not-found"
    severity = Severity.WARNING
    messages = {
        "missing": "no page or file of the site is served at {url!r}",
        "unwritten": "{url!r} leads to a page that exists but that Hugo does not write ({why})",
    }

    def __init__(self) -> None:
        self.destinations: Destinations | None = None
        self.found: list[tuple[Link, Span | None]] = []
        self.page: SitePage | None = None

    def on_link(self, ctx: Context, link: Link) -> None:
        url = link.url.strip()
        if link.is_image or link.link_type == "Html":
            return
        if not url.startswith(("/", "./", "../")) and not _bare_path(url):
            return
        if url.startswith("//") or "{{" in url or "{%" in url:
            return
        self.destinations = self.destinations or Destinations(ctx.document)
        dest = self.destinations.of(link)
        if self.destinations.first_time(link, dest):
            self.found.append((link, dest))

    def on_document_end(self, ctx: Context, document: Document) -> None:
        self.page = _page(ctx, document, self.found)

    def collect(self) -> SitePage | None:
        return self.page

    @classmethod
    def group_keys(cls, data: SitePage) -> tuple[Any, ...]:
        """Every page is counted (`project_end` compares the count with the site's content files
        on disk) and gives its URLs as `SoughtKey`s; a page with links gives `GROUP_ALWAYS` and
        their URLs. Only those pages, and the pages they lead to, come back: peak memory does not
        grow with the number of files."""
        keys: list[Any] = [CountedKey(("pages", data.root))]
        if data.doubt:
            keys.append(CountedKey(("doubt", data.root)))
        if not data.known:
            keys.append(CountedKey(("unknown", data.root)))
        keys.extend(SoughtKey(f"{data.root}\0{path}") for path in data.served)
        if data.links:
            keys.append(GROUP_ALWAYS)
            for path, _, written in data.links:
                keys.append(f"{data.root}\0{path}")
                if _slashless(written):
                    keys.append(f"{data.root}\0{path}.html")
        return tuple(keys)

    @classmethod
    def project_end(cls, ctx: ProjectContext, collected: list[Collected]) -> None:
        served: set[str] = set()
        unwritten: dict[str, str] = {}  # the URLs of pages Hugo does not write, and why
        for found in collected:
            for path in found.data.served:
                key = f"{found.data.root}\0{path}"
                if found.data.unwritten:
                    unwritten.setdefault(key, found.data.unwritten)
                else:
                    served.add(key)
        whole: dict[str, bool] = {}
        for entry in collected:
            page: SitePage = entry.data
            for path, where, written in page.links:
                key = f"{page.root}\0{path}"
                if key in served or (_slashless(written) and key + ".html" in served):
                    continue  # (GitHub Pages serves `/news/budget` from `news/budget.html`)
                if page.root not in whole:
                    whole[page.root] = whole_site_in_run(ctx, page.root)
                if not whole[page.root]:
                    break
                site = site_for_dir(page.root)
                # Every page's own URL is known: a file or a pattern no longer vouches for one.
                known = not ctx.count(("unknown", page.root)) and site.jekyll_config is None
                if path.endswith(".html") and not known:
                    continue  # an ugly URL: a page whose URL is not known may be there
                why = unwritten.get(key)
                # A page's URL where it is not written: no folder or file of its own vouches.
                sure = why is not None and known
                inside = "/".join(site.url_segments("/" + path)[1])  # (no language prefix)
                first = inside.partition("/")[0]
                if (
                    not sure
                    and first != page.section
                    and not site.has_content_folder(first)
                    and not (known and site.permalink_matches(inside))
                ):
                    continue
                if site.may_serve(
                    "/" + path + "/", entry.path, pages_known=known, unwritten=sure
                ) or site.publish_dir_holds(path):
                    continue
                if why is None:
                    ctx.report(entry.path, where, "missing", source_text=written, url=written)
                else:
                    ctx.report(
                        entry.path, where, "unwritten", source_text=written, url=written, why=why
                    )


def _page(
    ctx: Context, document: Document, found: list[tuple[Link, Span | None]]
) -> SitePage | None:
    """The page's URLs and its links into the site; None outside a site's content."""
    site = document.site
    place = logical_path(document)
    if site is None or site.root is None or place is None:
        return None
    logical = place[0]
    section = is_section_page(document)
    moved = any(
        document.field(key) is not None or document.cascaded_value(key) is not None
        for key in ("url", "slug")
    )
    if section and (document.value("slug") or document.cascaded_value("slug")):
        return SitePage(str(site.root), (), True, (), "")  # it moves the pages below it
    own = own_url(ctx, logical, section)
    # Keys with the language's folder where the site has them, so that a link to a translation
    # that does not exist (`/fr/news/budget/`) is not taken for the page (`/news/budget/`). Where
    # the languages have hosts of their own (a `baseURL` each), hugo 0.168 writes each below its
    # language's folder of `public/` and a path is that host's: the keys start with the page's
    # language, and a link's path is the host's as written (`/fr/x/` on the French host is
    # `fr/fr/x/`).
    language = (document.language or site.default_language).lower()
    host = f"{language}/" if multihost(site) else ""
    folder = "" if host else language_folder(site, language)
    own_key: str | None = None  # its own URL's path on its host
    if own is not None:
        url = document.value("url")
        if isinstance(url, str) and url.strip():
            # hugo 0.168 puts a `url` where it says, in any language (`url: /x/` of a French
            # page is `/x/`, `url: /fr/x/` `/fr/x/`)
            prefix = split_site_path(url, site)
            written = prefix[0] + "/" if prefix is not None and prefix[0] else ""
            own_key = (written + own.path).strip("/")
        else:
            own_key = (folder + own.path).strip("/")
    served: list[str] = [(host + own_key).strip("/")] if own_key is not None else []
    aliases = document.value("aliases")
    if aliases:
        # Relative to the page's folder URL; an absolute one below the page's language folder
        # (hugo 0.168: `/old/` of a French page is `/fr/old/`; alias-language-prefix's).
        base = "/" + (own.path if own is not None else logical).rpartition("/")[0]
        ugly = _has_ugly_urls(site)
        for alias in aliases if isinstance(aliases, list) else [aliases]:
            if isinstance(alias, str) and alias.strip():
                path = _key(site, posixpath.join(base, alias.strip()))
                served.append((host + folder + path).strip("/"))
                if ugly and not served[-1].endswith(".html"):
                    # hugo 0.168 writes `/old/a/` as `old/a.html` on an `uglyURLs` site
                    served.append(served[-1] + ".html")
    unwritten = _unwritten(document)
    # A page Hugo does not write is shown, if anywhere, inside another page (a headless bundle a
    # template draws on): its relative links resolve against that page's URL, not known here.
    resolved_from = None if unwritten else own_key
    links = _links(ctx, document, site, own, resolved_from, host, found) if found else ()
    own_path = own.path if own is not None else logical
    # Its URL's first folder: hugo 0.168 writes a page at the root (`about.md`, `url: /about`)
    # at `/about/`, and resolves its relative links there (`team/` is `/about/team/`).
    # A page at a file's URL (`uglyURLs`, `url: /contact.html`) is in the folder above it.
    in_folder = own is None or own.ugly or "." in own_path.rpartition("/")[2]
    own_section = own_path.partition("/")[0] if "/" in own_path or not in_folder else ""
    return SitePage(
        str(site.root),
        tuple(served),
        moved and own is None,
        links,
        own_section,
        own is not None,
        unwritten,
    )


def _unwritten(document: Document) -> str:
    """Why hugo 0.168 writes neither the page nor its aliases, as the page says it (checked with
    the binary: `headless: true`, `build.render` never or `link`, its own or cascaded, on a page
    or a section page, whose pages it still writes); "" when it writes them. `build.list` and
    `publishResources` do not change that (its resources are still written)."""
    if document.bundle_resource or not never_rendered(document):
        return ""
    if hugo_true(document, "headless"):
        why = "`headless: true`"
    else:
        why = "`build.render: never`"
        for key, options in build_options(document):
            render = options.get("render")
            if render in ("never", "link") or render is False or render == 0:
                shown = str(render).lower() if isinstance(render, bool) else render
                why = f"`{key}.render: {shown}`"
                break
    if all(document.field(key) is None for key in ("headless", "build", "_build")):
        why += ", from a cascade"
    return why


def _has_ugly_urls(site: Site) -> bool:
    """Whether `uglyURLs` is on for the site or for any section of it (as written)."""
    value = site.raw.get("uglyurls")
    return bool(value) if not isinstance(value, dict) else any(value.values())


def _bare_path(url: str) -> bool:
    """Whether `url` is a path relative to the page's URL written without `./`
    (`docs/security/`, `budget`): no scheme, and a first segment without a dot
    (`example.org/news/` is a web address that lost its scheme, `[x](undefined)` an address
    never filled in: link-malformed's)."""
    first, slash, _ = re.split(r"[?#]", url, maxsplit=1)[0].partition("/")
    if not first or any(c in first for c in ".:{ \t"):
        return False
    return bool(slash) or first not in NO_VALUE


def _slashless(url: str) -> bool:
    """Whether the path of the link's `url` has no slash at its end (`../budget`)."""
    return not re.split(r"[?#]", url, maxsplit=1)[0].endswith("/")


def _key(site: Site, path: str) -> str:
    """A URL path as a key: without `baseURL`'s path and the slashes at the ends, lower case."""
    prefix, segments = site.url_segments("/" + path)
    return "/".join([prefix, *segments] if prefix else segments).lower()


def _links(
    ctx: Context,
    document: Document,
    site: Site,
    own: Any,
    own_key: str | None,
    host: str,
    found: list[tuple[Link, Span | None]],
) -> tuple[tuple[str, tuple[int, int, int, int], str], ...]:
    """The links that lead to a page path of the site, as (URL path as a key, position, URL);
    a relative one resolved against the page's URL (`own_key`), on the page's `host` (a
    language's folder where each has a host of its own, else "")."""
    source = origin_link(ctx) or find_source_link(document, source_field_name(ctx))
    if source is not None and not same_site(source.url, site):
        return ()  # link-relative's: links copied from the source
    taxonomies = {
        plural.lower().strip("/")
        for language in {document.language, site.default_language}
        for plural in site.taxonomies_for(language).values()
    }
    pager = _pager_name(site)
    out = []
    for link, dest in found:
        url = link.url.strip()
        try:
            path = unquote(urlsplit(url).path)
        except ValueError:
            continue
        if not path.startswith("/"):
            if site.link_render_hook or own is None or own_key is None:
                continue
            # A page at a file's URL (`uglyURLs`, `url: /news/special.html`) is in its folder.
            in_folder = own.ugly or "." in own_key.rpartition("/")[2]
            here = "/" + (own_key.rpartition("/")[0] if in_folder else own_key) + "/"
            path = posixpath.join(here.replace("//", "/"), path)
        if "\\" in path:
            continue
        name = path.rstrip("/").rpartition("/")[2]
        if "." in name and not (_ugly_page_link(site, path) and not path.endswith("/")):
            continue  # a file: static, an asset, a resource, a feed, `x.html`, `x.md`
        prefix, segments = site.url_segments(path)
        segments = [part.lower() for part in segments]
        if not segments or ".." in segments:
            continue
        joined = "/".join(segments)
        # A taxonomy's plural may hold a slash (`news_tags = "news/tags"`: its terms are below
        # `/news/tags/`).
        if any(joined == plural or joined.startswith(plural + "/") for plural in taxonomies):
            continue
        numbered = _PAGER.search(joined)
        if numbered is not None and numbered.group(1) in pager:
            continue
        where = dest if dest is not None and len(dest) else link.span
        key = host + (f"{prefix}/{joined}" if prefix else joined)
        out.append((key, position(document, where), url))
    return tuple(out)


def _ugly_page_link(site: Site, path: str) -> bool:
    """Whether the root-relative `path` ends in `.html` where `uglyURLs` writes pages so
    (`/news/budget.html`, checked with hugo 0.168, globally or for the top-level section, which
    takes in the sections below it)."""
    if not path.lower().endswith(".html") or not path.startswith("/"):
        return False
    segments = site.url_segments(path)[1]
    if len(segments) < 2 or segments[-1].lower() == "index.html":
        return False  # a page at the root (`/about.html`) is outside a section
    return bool(_ugly(site, "/".join(segments).lower()))


def _pager_name(site: Site) -> set[str]:
    """The path segment of the site's pagers (`page`, or `pagination.path`, `paginatePath`)."""
    names = {"page"}
    table = site.raw.get("pagination")
    for value in (
        table.get("path") if isinstance(table, dict) else None,
        site.raw.get("paginatepath"),
    ):
        if isinstance(value, str) and value.strip("/ "):
            names.add(value.strip("/ ").lower())
    return names
