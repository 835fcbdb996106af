"""Two pages are published at the same URL.

## What it does
Flags a page that Hugo would write to the same file of `public/` as another page of the site, so
that one of the two silently replaces the other. The URL is the one hugo 0.168 gives the page:
its `url` (as written, case kept: `url: /news/b` and `url: /news/b/` are both
`/news/b/index.html`, `url: /news/b.html` is that file); else its `[permalinks]` pattern (the
site's or its language's, with the tokens link-fragment knows); else its file's path, with its
own `slug` and the `slug`s of the sections above it, in lower case, `.html` under the site's
`uglyURLs`. A leaf bundle (`news/b/index.md`), a section (`news/b/_index.md`) and a page
(`news/b.md`) share the path-derived URL `/news/b/`. Pages in a language with a prefix
(`/fr/`; the default language's too under `defaultContentLanguageInSubdir`) get it; a `url` does
not (hugo 0.168 writes `url: /news/b/` of a French page to `/news/b/`). An alias (`aliases:
[/news/old/]`, with the language's prefix, `.html` under `uglyURLs`) at another page's URL, or at
another page's alias, is reported too: Hugo writes only one of the two files.

Pages Hugo does not publish take no URL: drafts (unless the site's `buildDrafts`), pages with
`headless: true` or `build.render` never or link, pages of a kind in `disableKinds`, pages whose
publish date is in the future or whose expiry date has passed (unless `buildFuture`,
`buildExpired`), both checked when the run ends. Left alone, where the URL cannot be told for
certain: a `url` or `slug` from a cascade, a `[permalinks]` token newslint does not reproduce, a
title or slug `urlize` would rewrite in ways not modelled, a slug from a dated file name, a
relative alias, a site with `disablePathToLower`, a `baseURL` with a path (for `url` and
aliases), a multihost site, and a page built in several languages (`sites`). Where the `slug`
of a section above a page is not known (its `_index.md` is not in the run, or is the run's only
section page), the page is compared only with the pages below the same sections, which that slug
moves alike; the URL is then shown as the file's path makes it.

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

import posixpath
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from newslint import Severity
from newslint.document import Document
from newslint.events import Collected
from newslint.rule import Context, ProjectContext, Rule
from newslint.site import Site, pages_along
from newslint.spans import Span

from . import _dates
from ._crossfile import is_section_page, order_key, position
from ._page_urls import (
    _logical_path,
    _own_url,
    _section_slug,
    config_true,
    language_folder,
    multihost,
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
    section_slug: str | None  # a section page's own slug (see link-fragment's `_section_slug`)
    order: str
    # Epoch seconds from when the page is published and until when (None: always).
    published_from: int | None
    expires: int | None
    roots: tuple[tuple[str, str], ...]


class DuplicateUrl(Rule):
    code = "XF003"
    name = "duplicate-url"
    severity = Severity.WARNING
    messages = {
        "duplicate": "URL {value} is also the URL of {other}{more}",
        "alias": "alias {value} is also the URL of {other}{more}",
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
        page meets the other section pages, whose `slug`s the derived URLs need."""
        keys = [f"{data.root}\0{target.file}" for target in data.fixed]
        leaves = [_leaf(target.file) for target in data.fixed]
        if data.derived is not None:
            own = data.section_slug if data.section_slug not in (None, "", "\0") else None
            leaves.append(
                own or _leaf(_file_target(data.derived[0], data.derived[2], data.derived[3]).file)
            )
        keys += [f"{data.root}\0leaf\0{leaf.lower()}" for leaf in leaves]
        if data.section_slug is not None:
            keys.append(f"{data.root}\0sections")
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
        for members in groups.values():
            if len(members) > 1:
                members = [m for m in members if not _bundle_resource(m[0].data)]
            if len(members) > 1:
                _report(ctx, members)


def _bundle_resource(page: UrlPage) -> bool:
    """Whether the file lies in a leaf bundle below its `index.md` (`news/bun/notes.md`): a
    resource of the bundle, no page. Looked up when the run ends, so that a result from the
    cache sees the folders as they are now."""
    parts = page.logical.split("/")
    folders = parts if page.section_slug is not None else parts[:-1]
    return any(pages_along(page.roots, folders, "index"))


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


def _report(ctx: ProjectContext, members: list[tuple[Collected, Target]]) -> None:
    """Pages before aliases, then by date and path: the first is the original; every other
    member of another file is reported, naming it."""
    members.sort(key=lambda m: (m[1].alias, m[0].data.order, m[0].path))
    first = members[0][0]
    others: list[tuple[Collected, Target]] = []
    seen = {first.path}
    for entry, target in members[1:]:
        if entry.path not in seen:
            seen.add(entry.path)
            others.append((entry, target))
    more = f" (and {len(others) - 1} more)" if len(others) > 1 else ""
    for entry, target in others:
        ctx.report(
            entry.path,
            target.where,
            "alias" if target.alias else "duplicate",
            source_text=target.shown,
            value=target.shown,
            other=first.path,
            more=more,
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


def _url_page(ctx: Context, document: Document) -> UrlPage | None:
    site = document.site
    if site is None or site.root is None or multihost(site):
        return None
    place = _logical_path(document)
    if place is None or document.field("sites") is not None:
        return None
    if hugo_true(document, "draft") and not config_true(site.raw.get("builddrafts")):
        return None
    if never_rendered(document):
        return None
    language = document.language or site.default_language
    window = _window(ctx, site, language)
    if window is None:
        return None
    logical = place[0]
    section = is_section_page(document)
    prefix = language_folder(site, language)
    ugly = (
        config_true(site.raw.get("uglyurls"))
        if not isinstance(site.raw.get("uglyurls"), dict)
        else None
    )
    fixed: list[Target] = []
    derived = None
    url_field = document.field("url")
    lower = not config_true(site.raw.get("disablepathtolower"))
    if url_field is not None:
        target = _url_target(document, site, url_field.value, url_field.value_span)
        if target is not None:
            fixed.append(target)
    elif document.cascaded_value("url") is None and lower:
        own = _own_url(ctx, logical, section)
        if own is not None:
            slug = document.field("slug")
            span = slug.value_span if slug is not None else opening_delimiter(document)
            where = position(document, span)
            if own.derived:
                derived = (own.path, prefix, where, own.ugly)
            else:
                fixed.append(_file_target(prefix + own.path, where, own.ugly))
    aliases = document.field("aliases")
    if aliases is not None and ugly is not None and not _base_path(site):
        for node in aliases.node.items if aliases.node.kind == "list" else (aliases.node,):
            if isinstance(node.value, str) and node.value.strip().startswith("/"):
                target = _alias_target(document, node.value, node.span, prefix, ugly)
                if target is not None:
                    fixed.append(target)
    section_slug = _section_slug(document) if section else None
    if _disabled(site, "home" if section and not logical else "section" if section else "page"):
        # hugo 0.168 writes nothing for the page (`disableKinds`); whether its slug still moves
        # the pages below it is not known
        fixed, derived = [], None
        section_slug = None if section_slug is None else section_slug and "\0"
    if not fixed and derived is None and section_slug is None:
        return None
    return UrlPage(
        str(site.root),
        (document.language or "").lower(),
        logical,
        tuple(fixed),
        derived,
        section_slug,
        document.memo("order-key", order_key, document),
        window[0],
        window[1],
        site.content_roots,
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


def _window(ctx: Context, site: Site, language: str) -> tuple[int | None, int | None] | None:
    """(published from, expires) in epoch seconds, each None when it does not apply; None when
    it cannot be told (a date from the file's modification time)."""
    found = _dates.hugo_dates(ctx).targets
    bounds: list[int | None] = []
    for target, ignored in (
        ("publishdate", site.build_future_for(language)),
        ("expirydate", site.build_expired_for(language)),
    ):
        source = found.get(target)
        if source is None or ignored:
            bounds.append(None)
            continue
        reading = source.reading
        if reading is None or reading.kind != "ok" or reading.time is None:
            return None
        bounds.append(reading.time.epoch()[0])
    return bounds[0], bounds[1]


def _url_target(document: Document, site: Site, value: Any, span: Span) -> Target | None:
    """The file a `url` writes: as written, from the site's root (no language prefix), case
    kept; a folder's `index.html` unless its last segment has an extension."""
    if not isinstance(value, str) or not value.strip() or _base_path(site):
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
