"""Two pages are published at the same URL.

## What it does
Flags a page that Hugo would write to the same file of `public/` as another page of the site, so
that one of the two silently replaces the other. The URL is the one hugo 0.168 gives the page: its
`url` (as written, case kept: `url: /news/b` and `url: /news/b/` are both `/news/b/index.html`,
`url: /news/b.html` is that file; permalink tokens in it expanded, as hugo 0.168 does: `url:
/:section/:year/:month/:slug/`, as the Kubernetes blog writes it on each post, is
`/blog/2015/07/launch/`); else its `[permalinks]` pattern (the site's or its language's, with the
tokens link-fragment knows; a section page's `[permalinks.section]` pattern takes its own folder's
path for `:sections` and its top-level folder for `:section`, whatever their slugs: hugo 0.168
puts `news/sub/_index.md` at `/topics/news/sub/` for `/topics/:sections/`); else its file's path,
with its own `slug` and the `slug`s of the sections above it, in lower case, `.html` under the
site's `uglyURLs`; a page (no leaf bundle) with `slug: index`, exactly, is at its folder's URL
(`news/a.md` at `/news/`, over the list page; reported at its slug). A page at its language's home
page's URL (`content/a.md` with `slug: index`, a `url: /`) is reported whether or not the run holds
`content/_index.md`: Hugo makes the home page without one. A leaf bundle (`news/b/index.md`), a
section (`news/b/_index.md`) and a page (`news/b.md`) share the path-derived URL `/news/b/`. Pages
in a language with a prefix (`/fr/`; the default language's too under
`defaultContentLanguageInSubdir`) get it; a `url` does not (hugo 0.168 writes `url: /news/b/` of a
French page to `/news/b/`). An alias (`aliases: [/news/old/]`, with the language's prefix; `.html`
where `uglyURLs` makes the page's own URL one, per section too, and for a section page of a section
the table makes ugly) at another page's URL, or at another page's alias, is reported too: Hugo
writes only one of the two files. So is a page or an alias at the list page Hugo makes for a
top-level folder without `_index.md` (`content/news/` holding any page, a draft's or a bundle's too,
is listed at `/news/`; at `/fr/news/` when it holds a French page; where the site's
`[permalinks.section]` pattern for the folder puts it, `/topics/news/` for `/topics/:sections/`),
looked for on disk when the run ends; not on a site with content mounts, a content folder per
language, a language's `[permalinks.section]` or a pattern with tokens other than `:section` and
`:sections` (`:slug` and `:title` come from a made-up title, `Blogs` for `blog`).

Pages Hugo does not publish take no URL: drafts (unless the site's `buildDrafts`), pages with
`headless: true` or `build.render` never or link, pages of a kind in `disableKinds`, pages whose
publish date is in the future or whose expiry date has passed (unless `buildFuture`,
`buildExpired`), both checked when the run ends. Left alone, where the URL cannot be told for
certain: a `url` or `slug` from a cascade, a `[permalinks]` token newslint does not reproduce, a
title or slug `urlize` would rewrite in ways not modelled, a slug from a dated file name, a relative
alias, on a site with `disablePathToLower` the path-derived URLs, a `url` with tokens and the list
pages Hugo makes for folders (hugo 0.168 keeps the case of file and folder names, and of some
tokens only: `content/News/` is at `/News/`, not at an alias `/news/`), a `baseURL` with a path (for
`url` and aliases), a multihost site, and a page built in several languages (`sites`). Where the
`slug` of a section above a page is not known (its `_index.md` is on disk but not in the run), the
page is compared only with the pages below the same sections, which that slug moves alike; the URL
is then shown as the file's path makes it, and the message says so.

The earliest page (by `date`, then path) is taken as the original and each later one is reported
at its `url`, its `slug`, its alias, or else at the front matter's opening delimiter; an alias is
reported whatever its page's date. Articles of two Hugo sites linted in one run are never
compared. This is a cross-file rule: when a pre-commit hook passes only the staged files, add
`--project` so they are compared with the rest of the site.

## Why is this bad?
One of the two articles disappears from the published site without an error, and its links lead
to the other one. Hugo 0.168 only prints "Duplicate target paths" with `--printPathWarnings`, and
says nothing when a bundle, a section or an alias takes a page's place.

## Example
    content/news/budget.md:  title: "Budget passes"
    content/news/budget-vote.md:  slug: budget

## Use instead
    content/news/budget-vote.md:  slug: budget-vote
"""

from __future__ import annotations

import os
import posixpath
import re
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from newslint import Severity
from newslint.cascade import root_cascades
from newslint.document import Document
from newslint.events import Collected
from newslint.rule import GROUP_ALWAYS, Context, ProjectContext, Rule
from newslint.site import (
    Site,
    automatic_section_on_disk,
    bundle_resource_on_disk,
    pages_along,
)
from newslint.spans import Span

from . import _dates
from ._crossfile import content_path, is_section_page, order_key, position
from ._page_urls import (
    _ugly,
    config_true,
    language_folder,
    logical_path,
    multihost,
    own_url,
    publish_window,
    slug_of_section,
    ugly_urls,
    url_tokens_expanded,
)
from ._pages import hugo_true, never_rendered, opening_delimiter


class Target(NamedTuple):
    """One file the page writes: its path in `public/` (`news/b/index.html`), the URL as shown,
    where it is reported, and whether it is an alias."""

    file: str
    shown: str
    where: tuple[int, int, int, int]
    alias: bool


class UrlPage(NamedTuple):
    """What a page gives `project_end` (plain data: it pickles and is cached with the file)."""

    root: str
    language: str  # lower case
    logical: str  # its place in the content tree, lower case (`news/b`; `news` for a section)
    # Files written wherever the page's sections are (its `url`, a permalink, its aliases).
    fixed: tuple[Target, ...]
    # The path-derived URL (`news/b`, `news/b.html`) before its sections' `slug`s apply, its
    # language prefix ("fr/" or ""), where it is reported and whether it is an ugly URL (a
    # file, `news/b.html`); None when there is none.
    derived: tuple[str, str, tuple[int, int, int, int], bool] | None
    section_slug: str | None  # a section page's own slug (`_page_urls.slug_of_section`)
    order: str
    # Epoch seconds from when the page is published and until when (None: always).
    published_from: int | None
    expires: int | None
    roots: tuple[tuple[str, str], ...]
    # For `bundle_resource_on_disk`: the file (absolute), its folders below the content root,
    # the site's languages.
    file: str
    depth: int
    languages: tuple[str, ...]
    # For the list pages hugo 0.168 makes of top-level folders without an `_index` file: the
    # default language and its folder in `public/` ("" or "en/"); None where they are not
    # modelled (see `_automatic_sections`).
    automatic: tuple[str, str] | None
    # Its `slug: index` puts it at its folder's URL (`_page_urls.OwnUrl.index_slug`): it, not the
    # folder's list page, is the one reported.
    index_slug: bool = False
    # The file of its language's home page (`index.html`, `fr/index.html`), which Hugo makes
    # with or without `_index.md`; "" where the site writes none (`disableKinds`).
    home: str = ""
    # The top-level folders whose list page `[permalinks.section]` moves, and where
    # (`("news", "topics/news")`: `_section_moves`).
    moved: tuple[tuple[str, str], ...] = ()


class DuplicateUrl(Rule):
    code = "XF003"
    name = "duplicate-url"
    severity = Severity.WARNING
    messages = {
        "duplicate": "URL {value} is also the URL of {other}{more}",
        "alias": "alias {value} is also the URL of {other}{more}",
        "unmoved": (
            "URL {value} is also the URL of {other}{more} (as the file paths make it; a `slug` of"
            " {sections}/ or a section above it, not known here, moves both alike)"
        ),
        "index-slug": "slug `index` puts the page at {value}, the URL of {other}{more}",
        "section": "URL {value} is also the URL of the list page Hugo makes for the folder {other}",
        "alias-section": (
            "alias {value} is also the URL of the list page Hugo makes for the folder {other}"
        ),
        "home": "URL {value} is also the URL of the site's home page",
        "index-slug-home": "slug `index` puts the page at {value}, the URL of the site's home page",
    }
    presets = ("news",)

    def __init__(self) -> None:
        self.page: UrlPage | None = None

    def on_document_end(self, ctx: Context, document: Document) -> None:
        self.page = _url_page(ctx, document)

    def collect(self) -> UrlPage | None:
        return self.page

    @classmethod
    def group_keys(cls, data: UrlPage) -> list[str]:
        """The files the page writes, and the last segment of each of its URLs (a path-derived
        URL's file is known only once its sections' `slug`s are, in `project_end`); a section
        page always comes to `project_end` (`GROUP_ALWAYS`): the path-derived URLs below it need
        its `slug`, or that it has none, even when it is the run's only section page; so does a
        page or alias at a top-level URL (`/news/`), which may be a folder's list page
        (`_automatic_section`). A site has few of either beside its articles."""
        keys = [f"{data.root}\0{target.file}" for target in data.fixed]
        leaves = [_leaf(target.file) for target in data.fixed]
        if data.derived is not None:
            own = data.section_slug if data.section_slug not in (None, "", "\0") else None
            leaves.append(
                own or _leaf(_file_target(data.derived[0], data.derived[2], data.derived[3]).file)
            )
        keys += [f"{data.root}\0leaf\0{leaf.lower()}" for leaf in leaves]
        if data.section_slug is not None or _top_level(data) or _at_home(data):
            keys.append(GROUP_ALWAYS)
        return keys

    @classmethod
    def project_end(cls, ctx: ProjectContext, collected: list[Collected]) -> None:
        now = _dates.clock().epoch()[0]
        live = [entry for entry in collected if _published(entry.data, now)]
        sections: dict[tuple[str, str, str], str] = {}
        for entry in live:
            page: UrlPage = entry.data
            if page.section_slug is not None:
                sections[(page.root, page.language, page.logical)] = page.section_slug
        groups: dict[tuple[str, str], list[tuple[Collected, Target]]] = {}
        for entry in live:
            page = entry.data
            for target in page.fixed:
                groups.setdefault((page.root, target.file), []).append((entry, target))
            if page.derived is None:
                continue
            made = _derived_target(page, sections)
            if made is not None:
                groups.setdefault((page.root, made.file), []).append((entry, made))
                continue
            # Its sections' slugs are not known, but two pages below the same sections share
            # them: the same path-derived URL is the same URL, wherever the slugs move it.
            path, prefix, where, ugly = page.derived
            chain = (
                page.logical if page.section_slug is not None else page.logical.rpartition("/")[0]
            )
            same = _file_target(prefix + path, where, ugly)
            groups.setdefault((page.root, f"{chain}\0{same.file}"), []).append((entry, same))
        for (_, file), members in groups.items():
            if _automatic_section(ctx, file, members):
                continue
            _home(ctx, file, members)
            if len(members) > 1:
                members = [m for m in members if not _bundle_resource(m[0].data)]
            if len(members) > 1:
                _report(ctx, members, file.partition("\0")[0] if "\0" in file else None)


def _bundle_resource(page: UrlPage) -> bool:
    """Whether the file is a leaf bundle's resource, no page (`news/bun/notes.md` beside
    `news/bun/index.md`), as `Site.bundle_resource` tells it: looked at again when the run ends,
    so that a result from the cache sees the folders as they are now."""
    return bundle_resource_on_disk(page.file, page.depth, page.languages)


def _at_home(page: UrlPage) -> bool:
    """Whether the page may be at its language's home page's URL (a top-level `slug: index`, a
    `url: /`), no home page itself."""
    if not page.home or not page.logical:
        return False  # (`content/_index.md` or `content/index.md`: the home page itself)
    if page.derived is not None and page.index_slug and "/" not in page.logical:
        return True
    return any(target.file == page.home for target in page.fixed)


def _home(ctx: ProjectContext, file: str, members: list[tuple[Collected, Target]]) -> None:
    """Report the first page at `file` when it is its language's home page's and the run holds
    no file of that home page (`_index.md`): hugo 0.168 makes the home page all the same, and
    writes one of the two (checked with the binary: "Duplicate target paths: /index.html").
    The others there are reported as any pages at one URL are, naming the first."""
    if "\0" in file or not any(m[0].data.home == file for m in members):
        return
    if any(not m[0].data.logical for m in members):
        return  # the home page's file is in the run: reported as any two pages are
    members = [m for m in members if not _bundle_resource(m[0].data) and not m[1].alias]
    if members:
        # The one `_report` takes for the original (the others name it).
        entry, target = min(
            members, key=lambda m: (m[0].data.index_slug, m[0].data.order, m[0].path)
        )
        ctx.report(
            entry.path,
            target.where,
            "index-slug-home" if entry.data.index_slug else "home",
            source_text=target.shown,
            value=target.shown,
        )


def _top_level(page: UrlPage) -> bool:
    """Whether the page or one of its aliases may be at a top-level URL (`/news/`, `/fr/news/`)
    or where `[permalinks.section]` moves a top-level folder's list page (`_section_moves`)."""
    if page.automatic is None:
        return False
    if page.derived is not None and "/" not in page.derived[0].strip("/"):
        return True
    if page.derived is not None and page.derived[0].strip("/") in dict(page.moved).values():
        return True
    moved = tuple(f"{path}/index.html" for _, path in page.moved)
    return any(
        t.file.endswith("/index.html") and (t.file.count("/") <= 2 or t.file.endswith(moved))
        for t in page.fixed
    )


# The tokens of a `[permalinks.section]` pattern a top-level folder's list page expands as its
# folder's name (hugo 0.168: `/topics/:sections/` and `/s/:section/` put `content/news/` at
# `/topics/news/`, `/s/news/`; `:slug` and `:title` it takes from the list page's made-up
# title, `Blogs` for `blog`: not modelled).
_SECTION_TOKENS = re.compile(r":sections\b|:section\b")


def _section_moves(site: Site) -> tuple[tuple[str, str], ...] | None:
    """Where the site's `[permalinks.section]` table moves the list pages of top-level folders:
    (folder name, its URL path) for each folder it names; None where a pattern is not modelled
    (a token other than `:section` and `:sections`, upper case, not a string)."""
    table = site.raw.get("permalinks")
    sections = table.get("section") if isinstance(table, dict) else None
    if sections is None:
        return ()
    if not isinstance(sections, dict):
        return None
    moves = []
    for name, pattern in sections.items():
        if not isinstance(pattern, str) or not isinstance(name, str) or pattern != pattern.lower():
            return None
        expanded = _SECTION_TOKENS.sub(name.lower(), pattern)
        if ":" in expanded or not _plain_path(expanded.strip("/")) or "." in expanded:
            return None
        moves.append((name.lower(), expanded.strip("/")))
    return tuple(moves)


def _automatic_sections(site: Site) -> tuple[str, str] | None:
    """`UrlPage.automatic`: None where a top-level folder's list page may be elsewhere or
    absent (the `section` kind disabled, a `[permalinks.section]` table newslint does not
    model (`_section_moves`) or a language's, a cascade from the configuration or the content
    root's `_index` file that sets `build`, `url` or `slug`) or its folder not found by name
    alone (content mounts, a content folder per language)."""
    found = _configured_sections(site)
    if found is None:
        return None
    automatic, languages = found
    # A cascade may give the list page `build` options (no file written) or move it. Asked for
    # every page, not memoised with the configuration: `newslint watch` reads an `_index` file
    # again when it changes (`clear_cascade_cache`), with the same `Site`.
    for language in languages:
        if root_cascades(site, language, ("build", "_build", "url", "slug")):
            return None
    return automatic


def _configured_sections(site: Site) -> tuple[tuple[str, str], tuple[str, ...]] | None:
    """The part of `_automatic_sections` the configuration alone tells, worked out once per
    site (a new configuration is a new `Site`): None, or its answer and the languages whose
    root cascades are still to be asked."""
    memo: dict[str, Any] = site.__dict__.setdefault("_duplicate_url_memo", {})
    if "sections" not in memo:
        memo["sections"] = _find_configured_sections(site)
    found: tuple[tuple[str, str], tuple[str, ...]] | None = memo["sections"]
    return found


def _find_configured_sections(site: Site) -> tuple[tuple[str, str], tuple[str, ...]] | None:
    roots = site.content_roots
    if _disabled(site, "section") or len(roots) != 1 or roots[0][1]:
        return None
    if config_true(site.raw.get("disablepathtolower")):
        return None  # the list page keeps its folder's case (`content/News/` at `/News/`)
    if _site_section_moves(site) is None:
        return None
    tables = [site._language_settings(name).get("permalinks") for name in site.language_names]
    for table in tables:
        if table is not None and (not isinstance(table, dict) or "section" in table):
            return None
    default = site.default_language.lower()
    languages = tuple(site.language_names or (site.default_language,))
    return (default, language_folder(site, default)), languages


def _automatic_section(
    ctx: ProjectContext, file: str, members: list[tuple[Collected, Target]]
) -> bool:
    """Report the pages and aliases at `file` when it is the list page hugo 0.168 makes for a
    top-level folder without an `_index` file (`content/news/` at `/news/`, `/fr/news/` for its
    French pages): Hugo writes both, and one of them is lost (checked with the binary; it
    prints "Duplicate target paths" for a page). Whether there was one."""
    parts = file.split("/")
    page: UrlPage = members[0][0].data
    if "\0" in file or parts[-1] != "index.html" or page.automatic is None:
        return False
    default, default_folder = page.automatic
    if parts[0] in page.languages and (parts[0] != default or default_folder):
        language, inner = parts[0], "/".join(parts[1:-1])
    elif not default_folder:
        language, inner = default, "/".join(parts[:-1])
    else:
        return False
    moved = dict(page.moved)
    by_path = {path: name for name, path in page.moved}
    if inner in by_path:
        segment = by_path[inner]
    elif "/" in inner or not inner or inner in moved:
        return False  # (a folder `[permalinks.section]` moves is not at `/news/`)
    else:
        segment = inner
    if segment in page.languages:
        return False  # a language's home page, not a section
    members = [m for m in members if not _bundle_resource(m[0].data)]
    if not members:
        return False
    folder = automatic_section_on_disk(page.roots, segment, language, default, page.languages)
    if folder is None:
        return False
    shown = os.path.relpath(folder) if not os.path.relpath(folder).startswith("..") else folder
    members.sort(key=lambda m: (m[1].alias, m[0].data.order, m[0].path))
    for entry, target in members:
        ctx.report(
            entry.path,
            target.where,
            "alias-section" if target.alias else "section",
            source_text=target.shown,
            value=target.shown,
            other=shown.replace(os.sep, "/") + "/",
        )
    return True


def _leaf(file: str) -> str:
    """The last segment of the URL of a file in `public/` (`b` for `news/b/index.html` and for
    `news/b.html`)."""
    folder, _, name = file.rpartition("/")
    if name == "index.html":
        return folder.rpartition("/")[2]
    return name.removesuffix(".html")


def _published(page: UrlPage, now: int) -> bool:
    if page.published_from is not None and page.published_from > now:
        return False
    return page.expires is None or page.expires > now


def _report(
    ctx: ProjectContext, members: list[tuple[Collected, Target]], sections: str | None
) -> None:
    """Pages before aliases, then by date and path: the first is the original; every other
    member of another file is reported, naming it. `sections`: the content folder of pages
    compared by their path-derived URL alone, the `slug` of a section above them not being
    known (its `_index` file is not in the run, or its slug not modelled): the URL shown is then
    the one the file paths make, which that slug may move (both alike)."""
    members.sort(key=lambda m: (m[1].alias, m[0].data.index_slug, m[0].data.order, m[0].path))
    first = members[0][0]
    others: list[tuple[Collected, Target]] = []
    seen = {first.path}
    for entry, target in members[1:]:
        if entry.path not in seen:
            seen.add(entry.path)
            others.append((entry, target))
    more = f" (and {len(others) - 1} more)" if len(others) > 1 else ""
    for entry, target in others:
        message = "alias" if target.alias else "duplicate" if sections is None else "unmoved"
        if entry.data.index_slug and not target.alias and sections is None:
            message = "index-slug"
        ctx.report(
            entry.path,
            target.where,
            message,
            source_text=target.shown,
            value=target.shown,
            other=first.path,
            more=more,
            sections=sections,
            related=(first.path,),
        )


def _derived_target(page: UrlPage, sections: dict[tuple[str, str, str], str]) -> Target | None:
    """The page's path-derived URL with the `slug`s of its sections (its own, for a section
    page) applied; None when one of them cannot be told (a slug not modelled, or an `_index`
    file on disk that is not in the run)."""
    if page.derived is None:
        return None
    path, prefix, where, ugly = page.derived
    segments = path.split("/") if path else []
    parts = page.logical.split("/") if page.logical else []
    folders = parts if page.section_slug is not None else parts[:-1]
    indexes: list[bool] | None = None  # the `_index` files on disk, looked up when needed
    for depth in range(1, len(folders) + 1):
        folder = "/".join(folders[:depth])
        slug = sections.get((page.root, page.language, folder))
        if slug is None:
            if indexes is None:
                indexes = pages_along(page.roots, folders, "_index")
            if indexes[depth - 1]:
                return None
            continue
        if slug == "\0":
            return None
        if slug:
            segments[depth - 1] = slug
    return _file_target(prefix + "/".join(segments), where, ugly)


class _SiteFacts(NamedTuple):
    """What `_url_page` asks of the site's configuration for every page, worked out once per
    site (a new configuration is a new `Site`). Nothing from the `_index` files' cascades, which
    `newslint watch` reads again with the same `Site` (`_automatic_sections`)."""

    root: str
    multihost: bool
    build_drafts: bool
    lower: bool  # no `disablePathToLower`
    ugly: bool | None  # the site-wide `uglyURLs` (`ugly_urls`)
    ugly_table: bool  # `uglyURLs` is a table of sections (`_page_urls._ugly`)
    base_path: bool  # `_base_path`
    page_disabled: bool  # `_disabled(site, "page")`
    section_disabled: bool
    home_disabled: bool
    content_roots: tuple[tuple[str, str], ...]
    languages: tuple[str, ...]  # `UrlPage.languages`


def _site_facts(site: Site) -> _SiteFacts:
    memo: dict[str, Any] = site.__dict__.setdefault("_duplicate_url_memo", {})
    found: _SiteFacts | None = memo.get("facts")
    if found is None:
        ugly = site.raw.get("uglyurls")
        found = memo["facts"] = _SiteFacts(
            str(site.root),
            multihost(site),
            config_true(site.raw.get("builddrafts")),
            not config_true(site.raw.get("disablepathtolower")),
            ugly_urls(ugly),
            isinstance(ugly, dict),
            _base_path(site),
            _disabled(site, "page"),
            _disabled(site, "section"),
            _disabled(site, "home"),
            site.content_roots,
            tuple(sorted(site._known_languages())),
        )
    return found


def _site_section_moves(site: Site) -> tuple[tuple[str, str], ...] | None:
    """`_section_moves`, once per site (it raises for a pattern `re` cannot take as a
    replacement, every time, as before: nothing is kept then)."""
    memo: dict[str, Any] = site.__dict__.setdefault("_duplicate_url_memo", {})
    if "moves" not in memo:
        memo["moves"] = _section_moves(site)
    found: tuple[tuple[str, str], ...] | None = memo["moves"]
    return found


def _url_page(ctx: Context, document: Document) -> UrlPage | None:
    site = document.site
    if site is None or site.root is None:
        return None
    facts = _site_facts(site)
    if facts.multihost:
        return None
    place = logical_path(document)
    if place is None or document.field("sites") is not None:
        return None
    if hugo_true(document, "draft") and not facts.build_drafts:
        return None
    if never_rendered(document):
        return None
    language = document.language or site.default_language
    window = publish_window(ctx, site, language)
    if window is None:
        return None
    logical = place[0]
    section = is_section_page(document)
    prefix = language_folder(site, language)
    # An alias is a `.html` file where the page's own URL is (hugo 0.168, `uglyURLs` per
    # section: a page of `news = true` writes `/other/y.html` for its alias `/other/y`), and
    # so is a section page's of such a section (`news/_index.md`, `news/sub/_index.md`; the
    # list page itself stays `/news/`), not the home page's (checked with the binary).
    ugly = facts.ugly
    if facts.ugly_table:
        ugly = _ugly(site, logical)
    fixed: list[Target] = []
    derived = None
    index_slug = False
    url_field = document.field("url")
    lower = facts.lower
    if url_field is not None:
        url = url_field.value
        if isinstance(url, str) and ":" in url:
            # `url: /:section/:year/:slug/`: hugo 0.168 expands the tokens (None: not modelled);
            # under `disablePathToLower` it keeps the case of some (`:filename`, `:title`) and
            # not of others (`:sections`): not modelled
            url = url_tokens_expanded(ctx, url.strip(), logical, section) if lower else None
        target = _url_target(document, facts.base_path, url, url_field.value_span)
        if target is not None:
            fixed.append(target)
    elif document.cascaded_value("url") is None and lower:
        own = own_url(ctx, logical, section)
        if own is not None:
            index_slug = own.index_slug
            slug = document.field("slug")
            span = slug.value_span if slug is not None else opening_delimiter(document)
            where = position(document, span)
            if own.derived:
                derived = (own.path, prefix, where, own.ugly)
            else:
                fixed.append(_file_target(prefix + own.path, where, own.ugly))
    aliases = document.field("aliases")
    if aliases is not None and ugly is not None and not facts.base_path:
        for node in aliases.node.items if aliases.node.kind == "list" else (aliases.node,):
            if isinstance(node.value, str) and node.value.strip().startswith("/"):
                target = _alias_target(document, node.value, node.span, prefix, ugly)
                if target is not None:
                    fixed.append(target)
    section_slug = slug_of_section(document) if section else None
    if (
        (facts.home_disabled if not logical else facts.section_disabled)
        if section
        else facts.page_disabled
    ):
        # hugo 0.168 writes nothing for the page (`disableKinds`); whether its slug still moves
        # the pages below it is not known
        fixed, derived = [], None
        section_slug = None if section_slug is None else section_slug and "\0"
    if not fixed and derived is None and section_slug is None:
        return None
    return UrlPage(
        facts.root,
        (document.language or "").lower(),
        logical,
        tuple(fixed),
        derived,
        section_slug,
        document.memo("order-key", order_key, document),
        window[0],
        window[1],
        facts.content_roots,
        os.path.abspath(document.path),
        (content_path(document) or "").count("/"),
        facts.languages,
        _automatic_sections(site),
        index_slug,
        "" if facts.home_disabled else prefix + "index.html",
        _site_section_moves(site) or (),
    )


def _disabled(site: Site, kind: str) -> bool:
    """Whether the site's `disableKinds` lists the page kind (`page`, `section`, `home`)."""
    kinds = site.raw.get("disablekinds")
    return isinstance(kinds, list) and kind in {str(k).lower() for k in kinds}


def _base_path(site: Site) -> bool:
    """Whether `baseURL` has a path (`https://example.org/blog/`)."""
    try:
        return bool(urlsplit(str(site.raw.get("baseurl") or "")).path.strip("/"))
    except ValueError:
        return True


def _url_target(document: Document, base_path: bool, value: Any, span: Span) -> Target | None:
    """The file a `url` writes: as written, from the site's root (no language prefix), case
    kept; a folder's `index.html` unless its last segment has an extension."""
    if not isinstance(value, str) or not value.strip() or base_path:
        return None
    written = value.strip()
    try:
        parts = urlsplit(written)
    except ValueError:
        return None
    if parts.scheme or parts.netloc or "?" in written or "#" in written or "{" in written:
        # (An empty query or fragment too: hugo 0.168 writes `url: "?"` to `/?/`, not `/`.)
        return None
    path = parts.path.strip("/")
    if not _plain_path(path):
        return None
    return _file_target(path, position(document, span), _has_extension(path, written))


def _alias_target(
    document: Document, value: str, span: Span, prefix: str, ugly: bool
) -> Target | None:
    """The file an alias writes (hugo 0.168): the language's prefix, case kept; `x/` and `x` a
    folder's `index.html`, or `x.html` under `uglyURLs`; `x.html` as written."""
    written = value.strip()
    if "?" in written or "#" in written or "{" in written:
        return None
    path = written.strip("/")
    if not path or not _plain_path(path):
        return None
    where = position(document, span)
    if _has_extension(path, written):
        return Target(prefix + path, "/" + prefix + path, where, True)
    if ugly:
        return Target(prefix + path + ".html", "/" + prefix + path + ".html", where, True)
    return Target(prefix + path + "/index.html", "/" + prefix + path + "/", where, True)


def _plain_path(path: str) -> bool:
    """A path Hugo writes as it is: no `.` or `..` segments, no empty ones, no backslash."""
    if not path:
        return True
    return "\\" not in path and all(part not in ("", ".", "..") for part in path.split("/"))


def _has_extension(path: str, written: str) -> bool:
    """Whether the URL names a file (`b.html`, `feed.v2`) rather than a folder."""
    return not written.endswith("/") and "." in path.rpartition("/")[2]


def _file_target(path: str, where: tuple[int, int, int, int], is_file: bool) -> Target:
    if is_file:
        return Target(path, "/" + path, where, False)
    folder = path.strip("/")
    shown = "/" + folder + "/" if folder else "/"
    return Target(posixpath.join(folder, "index.html"), shown, where, False)
