"""Image or link to a file of the site that the site does not have.

## What it does
Flags a Markdown image (`![chart](chart.png)`, `![](/images/2024/vote.jpg)`) or a link to a file
(`[the report](/files/report.pdf)`: a name with an extension) whose path, root-relative or
relative to the page's URL, names nothing hugo 0.168 publishes: no file of the site's static
folders (`static/`, each `staticDir`, its static mounts, its theme components'), no file of its
content folders at that path (Hugo publishes the files of the content tree that are no pages
where they lie: `content/news/chart.png` at `/news/chart.png`), no resource of a page bundle at its
page's URL (`content/news/story/photo.jpg` at `/news/story/photo.jpg`, and at the URL a `url`,
`slug` or `[permalinks]` pattern moves the page to), and nothing a template may publish with Hugo
Pipes: a path a template names (a `targetPath`: `/css/style.css`) and, where a template uses
Pipes (`resources.Get` ...), a file of `assets/` (the site's, its theme components') at that path
or one a pipe makes it of, in the same folder with the same name up to its first dot
(`/js/app.min.js` of `assets/js/app.js`, minified or fingerprinted). A relative path is resolved as the browser
does, against the page's URL: `![](chart.png)` in `news/a.md` is `/news/a/chart.png`, and in a
leaf bundle under `uglyURLs` (`/news/story.html`) it is `/news/chart.png`, not the bundle's file.
The language prefix and `baseURL`'s path are allowed; a query and a fragment are no part of the
path; `%20` is a space. A file of one language's own content folder (`contentDir =
"content/fr"`), and a resource of a page bundle in another language's folder, is served below that
language's folder alone: `content/fr/about/photo.jpg` is at `/fr/about/photo.jpg`, and
`![](../photo.jpg)` in `content/en/about/visit.md` (`/about/visit/`) names nothing. Case counts: a web server on Linux tells `Photo.jpg` from `photo.jpg`.

On a Mainroad site it checks a page's `thumbnail` too (a string, or a map's `src`, top-level or
under `params`), which Mainroad's `post_thumbnail.html` writes with `relURL`: from the site's root
(`img/mario.gif` is `/img/mario.gif`), where the theme draws it (a visibility with `list` or
`post`); not when the site's layouts or another theme component may draw it their own way.

Where Hugo's own image (or link) render hook is on (by default on a multilingual site whose
languages share one host, or with `markup.goldmark.renderHooks.image.useEmbedded`), a destination
it finds as a resource of the page or a file of `assets/` (which it then publishes) counts too.

It judges only what it can be sure of, and stays silent otherwise:

- not on a site with a render hook of its own for images (or links), in its layouts or a theme's:
  it may resolve destinations its own way; nor on a site whose `disablePathToLower` keeps case in
  page URLs, for relative paths;
- not when a theme component, a module or a mount source is not on disk, or a component has
  mounts of its own (its static files cannot be seen); not on a site that keeps redirects for its
  host (`netlify.toml`, `_redirects` ...), whose `.gitmodules` puts a submodule in its content,
  nor a path its `publishDir` (`public/`) in the repository holds;
- a path outside the page's own URL (`/files/report.pdf`, `../other/x.png`) only when the run
  holds every content file of the site and every page's URL is known (a page bundle moved there
  by `url` would publish it): a pre-commit hook given a few files judges only a bare name
  (`photo.jpg`) relative to the page; nothing on a site with a content adapter, a section with a
  `slug` or a bundle whose URL cannot be told;
- not a page's path (`/news/budget/`: page-not-found's), a `.md` link (link-relative's), a `ref`
  or `relref`, a web address, nor a file Hugo writes as a page or a feed (`.html`, `.xml`,
  `.json`, `.txt` ...);
- not in an article whose source link is on another site: link-relative reports the links
  copied from it;
- not in raw HTML (`<img src>`).

## Why is this bad?
Hugo builds the site without a word and the reader gets a broken image or a 404: the file was
never added to the bundle, was renamed, lies in `assets/` where no template publishes it, or the path was written against the wrong folder.

## Example
    # content/en/news/vote/index.en.md
    # has content/en/news/vote/vote.jpeg
    ![The vote](vote.jpg)

    [Example News](https://news.example.org/news/article/)

## Use instead
    ![The vote](vote.jpeg)

    [Example News](https://news.example.org/news/article/)
"""

from __future__ import annotations

import os
import posixpath
import re
from typing import Any, NamedTuple
from urllib.parse import unquote, urlsplit

from newslint import Rule, Severity
from newslint.document import Document
from newslint.events import Collected, Field, Link
from newslint.rule import GROUP_ALWAYS, Context, CountedKey, ProjectContext, SoughtKey
from newslint.site import (
    Site,
    file_at,
    names_beside,
    names_differing_in_case,
)
from newslint.spans import Span

from ._crossfile import is_section_page, position, whole_site_in_run
from ._links import (
    Destinations,
    files_beside,
    find_source_link,
    missing_scheme,
    origin_link,
    same_site,
    source_field_name,
)
from ._mainroad import site_param, truthy
from ._page_urls import language_folder, logical_path, multihost, own_url
from ._params import read_fields

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# What Hugo may write as a page, a feed or another output format (`index.json`, `robots.txt`,
# `news/budget.html` under `uglyURLs`), and content files, which are link-relative's.
_NOT_FILES = frozenset(
    {
        "html",
        "htm",
        "xml",
        "rss",
        "atom",
        "json",
        "txt",
        "ics",
        "csv",
        "webmanifest",
        "md",
        "markdown",
        "mdown",
        "org",
        "adoc",
        "asciidoc",
        "pandoc",
        "rst",
        "ipynb",
        "gotmpl",
    }
)


class Missing(NamedTuple):
    """A link whose file nothing on disk serves (`FileLink.links`)."""

    path: str  # the URL path below `baseURL`'s path and a language prefix, no slash at the ends
    where: tuple[int, int, int, int]
    url: str  # as written
    other: str  # the path with another case the site has ("" when none)
    # The language folder the URL is in ("fr/", "" for none; None when it cannot be told): a
    # bundle of a page in another language's folder does not serve it.
    prefix: str | None


class FilePage(NamedTuple):
    """What a page of a site's content gives `project_end` (plain data, cached with the file)."""

    root: str  # the site's root folder
    # A page bundle's URL path (lower case, no slash at the ends) and its folder: its resources
    # are published below that URL. ("", "") for a page of one file.
    bundle: tuple[str, str]
    doubt: bool  # its URL, or the URLs of the bundles below it, cannot be told
    links: tuple[Missing, ...]  # its links to files outside its own URL that were not found
    prefix: str | None  # the language folder of its bundle's URL (None when it cannot be told)


class FileNotFound(Rule):
    code = "LK011"
    name = "file-not-found"
    severity = Severity.WARNING
    messages = {
        "missing": "no file of the site is served at {url!r}",
        "case": "no file of the site is served at {url!r} (it has {other!r}: case counts)",
    }
    # A verdict depends on the site's other files (static, bundle resources): the cache keeps the
    # existence checks made with the result, as for link-relative.
    depends_on_site_files = True

    def __init__(self) -> None:
        self.destinations: Destinations | None = None
        self.found: list[tuple[Link, Span | None, str]] = []
        self.page: FilePage | None = None

    def on_link(self, ctx: Context, link: Link) -> None:
        if link.link_type == "Html":
            return
        url = link.url.strip()
        if not url or url.startswith(("#", "?", "//")) or _SCHEME.match(url):
            return
        if "{{" in url or "{%" in url or "\\" in url:
            return
        try:
            path = unquote(urlsplit(url).path)
        except ValueError:
            return
        name = path.rpartition("/")[2]
        extension = name.rpartition(".")[2].lower() if "." in name.strip(".") else ""
        if not name or (not extension and not link.is_image) or extension in _NOT_FILES:
            return
        if not path.startswith(("/", "./", "../")):
            first = path.partition("/")[0]
            if "/" in path and "." in first:
                return  # `example.org/logo.png`: a web address that lost its scheme
            if missing_scheme(url, files_beside(ctx)) is not None:
                return  # link-malformed's
        self.destinations = self.destinations or Destinations(ctx.document)
        dest = self.destinations.of(link)
        if self.destinations.first_time(link, dest):
            self.found.append((link, dest, path))

    @classmethod
    def field_keys(cls, ctx: Context) -> frozenset[str]:
        return _THUMBNAIL_KEYS

    def on_field(self, ctx: Context, field: Field) -> None:
        site = ctx.site
        if site is None or not site.is_mainroad or is_section_page(ctx.document):
            return
        for read, _ in read_fields(ctx.document, field, "thumbnail"):
            found = _thumbnail(ctx, site, read)
            if found is not None:
                src, span = found
                self.found.append((Link("", src, span, span, True, "", _THUMBNAIL), span, src))

    def on_document_end(self, ctx: Context, document: Document) -> None:
        self.page = _page(ctx, document, self.found)

    def collect(self) -> FilePage | None:
        return self.page

    @classmethod
    def group_keys(cls, data: FilePage) -> tuple[Any, ...]:
        """Every page is counted (`project_end` compares the count with the site's content files
        on disk); a bundle gives its URL as a `SoughtKey`; a page with links not found gives
        `GROUP_ALWAYS` and each folder above each of them, so that only the bundles that may
        hold them come back."""
        keys: list[Any] = [CountedKey(("pages", data.root))]
        if data.doubt:
            keys.append(CountedKey(("doubt", data.root)))
        if data.bundle[0] or data.bundle[1]:
            keys.append(SoughtKey(f"{data.root}\0{data.bundle[0]}"))
        if data.links:
            keys.append(GROUP_ALWAYS)
            for link in data.links:
                keys.extend(f"{data.root}\0{folder}" for folder in _folders_above(link.path))
        return tuple(keys)

    @classmethod
    def project_end(cls, ctx: ProjectContext, collected: list[Collected]) -> None:
        bundles: dict[tuple[str, str], list[tuple[str, str | None]]] = {}
        for entry in collected:
            page: FilePage = entry.data
            if page.bundle[1]:
                place = (page.bundle[1], page.prefix)
                bundles.setdefault((page.root, page.bundle[0]), []).append(place)
        whole: dict[str, bool] = {}
        for entry in collected:
            page = entry.data
            for link in page.links:
                if page.root not in whole:
                    whole[page.root] = whole_site_in_run(ctx, page.root)
                if not whole[page.root]:
                    break
                if _in_a_bundle(link, bundles, page.root):
                    continue
                if link.other:
                    ctx.report(
                        entry.path,
                        link.where,
                        "case",
                        source_text=link.url,
                        url=link.url,
                        other=link.other,
                    )
                else:
                    ctx.report(
                        entry.path, link.where, "missing", source_text=link.url, url=link.url
                    )


# A Mainroad `thumbnail` (`Link.link_type`): its template writes it with `relURL`, from the site's
# root whatever the page's URL, and no render hook sees it.
_THUMBNAIL = "Thumbnail"
_THUMBNAIL_KEYS = frozenset({"thumbnail", "params"})


def _thumbnail(ctx: Context, site: Site, field: Field) -> tuple[str, Span] | None:
    """The image path of a Mainroad `thumbnail` (a string, or a map's `src`) the theme draws
    somewhere, and where it is written; None when it draws none (a visibility without `list` or
    `post`), it is no path, or the site overrides `post_thumbnail.html`. As Mainroad's
    `post_thumbnail.html` reads it: `<img src="{{ $thumbnail | relURL }}">`, shown where `in
    $visibility $class` holds for `list` or `post`, the map's `visibility` or the site's
    `params.thumbnail.visibility`, else both."""
    node = field.node
    visibility = site_param(site, "thumbnail", "visibility", language=ctx.document.language)
    if node.kind == "map" and isinstance(node.value, dict):
        entries = {entry.key.lower(): entry for entry in node.entries}
        src = entries.get("src")
        own = {str(key).lower(): value for key, value in node.value.items()}.get("visibility")
        visibility = own if truthy(own) else visibility
        if src is None or src.node.kind != "scalar" or not isinstance(src.node.value, str):
            return None
        value, span = src.node.value, src.node.span
    elif node.kind == "scalar" and isinstance(node.value, str) and node.tag == "str":
        value, span = node.value, field.value_span
    else:
        return None
    visibility = visibility if truthy(visibility) else ["list", "post"]
    if not isinstance(visibility, (list, str)) or not any(
        place in visibility for place in ("list", "post")
    ):
        return None
    value = value.strip()
    if not value or _SCHEME.match(value) or value.startswith("//") or "{{" in value:
        return None
    if site.template_overridden("partials/post_thumbnail.html", "mainroad"):
        return None
    return value, span


def _folders_above(path: str) -> list[str]:
    """The folders of the URL path `path` from the deepest up (lower case: page URLs are)."""
    parts = path.lower().split("/")[:-1]
    return ["/".join(parts[:count]) for count in range(len(parts), 0, -1)]


def _in_a_bundle(
    link: Missing, bundles: dict[tuple[str, str], list[tuple[str, str | None]]], root: str
) -> bool:
    """Whether a page bundle whose URL is a folder of the link's path, in its language folder,
    holds the rest of it (hugo 0.168 writes a French bundle's resources below `/fr/` alone)."""
    path = link.path
    for folder in _folders_above(path):
        for place, prefix in bundles.get((root, folder), ()):
            if None not in (prefix, link.prefix) and prefix != link.prefix:
                continue
            if file_at(((place, ""),), path[len(folder) + 1 :]):
                return True
    return False


def _page(
    ctx: Context, document: Document, found: list[tuple[Link, Span | None, str]]
) -> FilePage | None:
    """The page's bundle and its links to files not found; the links relative to its own URL
    by a bare name are reported here, the others when the run ends. None outside a site."""
    site = document.site
    place = logical_path(document)
    if site is None or site.root is None or site.jekyll_config is not None or place is None:
        return None
    root = str(site.root)
    section = is_section_page(document)
    name = os.path.basename(document.path).lower()
    bundle = section or name.split(".")[0] == "index"
    if section and (document.value("slug") or document.cascaded_value("slug")):
        return FilePage(root, ("", ""), True, (), None)  # it moves the pages below it
    if not bundle and not found:
        return FilePage(root, ("", ""), False, (), None)  # only counted
    own = own_url(ctx, place[0], section)
    folder = os.path.dirname(os.path.abspath(document.path))
    own_folder = ""
    if own is not None:
        own_folder = own.path[: -len(".html")] if own.ugly else own.path
    links = _links(ctx, document, site, own, own_folder, bundle, folder, found) if found else ()
    return FilePage(
        root,
        (own_folder, folder) if bundle and own is not None else ("", ""),
        bundle and own is None,
        links,
        _url_language_folder(site, document, "", True),
    )


def _links(
    ctx: Context,
    document: Document,
    site: Site,
    own: Any,
    own_folder: str,
    bundle: bool,
    folder: str,
    found: list[tuple[Link, Span | None, str]],
) -> tuple[Missing, ...]:
    """The links to files the site's folders on disk do not hold. A bare name relative to the
    page (`photo.jpg`) is reported at once: only the page's own URL could serve it. `own_folder`:
    the URL path the page's resources are published under ("" when its URL is not known)."""
    if site.keeps_host_redirects or site.content_in_submodule:
        return ()
    statics = site.file_folders("static")
    contents = site.all_content_roots
    if statics is None or contents is None:
        return ()
    source = origin_link(ctx) or find_source_link(document, source_field_name(ctx))
    if source is not None and not same_site(source.url, site):
        return ()  # link-relative's: links copied from the source
    lowered_paths = site.raw.get("disablepathtolower") in (True, "true")
    out: list[Missing] = []
    for link, dest, path in found:
        thumbnail = link.link_type == _THUMBNAIL
        kind = "image" if link.is_image else "link"
        if not thumbnail and site.own_render_hook(kind):
            continue
        if thumbnail:
            path = "/" + unquote(path.split("#", 1)[0].split("?", 1)[0]).lstrip("/")
        relative = not path.startswith("/")
        if relative:
            if own is None or lowered_paths:
                continue
            # The browser's folder: the page's URL, or its parent for an ugly one.
            here = own.path.rpartition("/")[0] if own.ugly else own.path
            resolved = posixpath.normpath(posixpath.join("/" + here, path))
            if resolved.startswith("//"):
                resolved = resolved[1:]
            segments = [part for part in resolved.split("/") if part]
        else:
            segments = site.url_segments(path)[1]
        if not segments or ".." in segments:
            continue
        target = "/".join(segments)
        prefix = _url_language_folder(site, document, path, relative)
        own_contents = _language_contents(site, contents, prefix)
        if _served(site, target, statics, own_contents, own_folder if bundle else None, folder):
            continue
        hooked = site.embedded_image_hook() if link.is_image else site.embedded_link_hook
        if hooked and not thumbnail and _hook_finds(site, path, bundle, folder):
            continue
        others = names_differing_in_case(statics, target) + names_differing_in_case(
            own_contents, target
        )
        where = dest if dest is not None and len(dest) else link.span
        other = "/" + others[0] if others else ""
        missing = Missing(target, position(document, where), link.url.strip(), other, prefix)
        if relative and "/" not in path:
            if missing.other:
                ctx.report(where, "case", url=missing.url, other=missing.other)
            else:
                ctx.report(where, "missing", url=missing.url)
        else:
            out.append(missing)
    return tuple(out)


def _url_language_folder(site: Site, document: Document, path: str, relative: bool) -> str | None:
    """The language folder ("fr/", "" for none) of the URL a link names: a relative one's is
    its page's, as hugo 0.168 writes the page (its language's folder; none for a page with a
    `url`, which is where it says: not told here), a root-relative one's the prefix it is written
    with. None when it cannot be told, or on a multihost site (a folder per host)."""
    if multihost(site):
        return None
    if relative:
        url = document.value("url")
        if isinstance(url, str) and url.strip():
            return None
        return language_folder(site, document.language or site.default_language)
    language = site.url_segments(path)[0]
    return language + "/" if language else ""


def _language_contents(
    site: Site, contents: tuple[tuple[str, str], ...], prefix: str | None
) -> tuple[tuple[str, str], ...]:
    """The content folders whose files may be served under the language folder `prefix`: a
    folder of one language's own (its `contentDir`, a content mount for it) only under that
    language's folder (hugo 0.168 writes `content/fr/about/photo.jpg` to `/fr/about/photo.jpg`
    alone), a folder shared by the languages and a theme's under any (which languages Hugo
    writes their files for is not modelled). All of them when `prefix` is None."""
    if prefix is None:
        return contents
    owners = site.page_languages().roots
    return tuple(
        root
        for index, root in enumerate(contents)
        if index >= len(owners)
        or not owners[index]
        or language_folder(site, owners[index]) == prefix
    )


def _served(
    site: Site,
    target: str,
    statics: tuple[tuple[str, str], ...],
    contents: tuple[tuple[str, str], ...],
    own_folder: str | None,
    folder: str,
) -> bool:
    """Whether a file the site publishes may be at the URL path `target`: a static file, a file
    of the content tree at its path, a resource of the page's own bundle (`own_folder`: its URL
    path, None for a page of one file) at the page's URL, a file its `publishDir` holds."""
    if file_at(statics, target) or file_at(contents, target):
        return True
    if own_folder is not None:
        # The bundle's resources are published below its page's URL, wherever that is.
        lowered = target.lower()
        rest = None
        if not own_folder:
            rest = target  # the home page's bundle
        elif lowered.startswith(own_folder + "/"):
            rest = target[len(own_folder) + 1 :]
        if rest and file_at(((folder, ""),), rest):
            return True
    return _pipes_may_publish(site, target) or site.publish_dir_holds(target)


def _pipes_may_publish(site: Site, target: str) -> bool:
    """Whether a template may publish a file at `target` through Hugo Pipes, which writes an
    asset where a template uses it: a template names the path (a `targetPath`,
    `resources.FromString`), or one uses Pipes (`resources.`) and an `assets/` folder holds, in
    that folder, the file or one a pipe turns into it, of the same name up to its first dot
    (`js/app.js` minified to `js/app.min.js`, fingerprinted to `js/app.<hash>.js`,
    `scss/site.scss` made `scss/site.css`); True when an assets folder cannot be
    seen. Which assets the templates use is not told: that needs running them."""
    if target in site.template_paths:
        return True
    if not site.template_pipes:
        return False
    assets = site.file_folders("assets")
    if assets is None:
        return True
    inner, _, name = target.rpartition("/")
    stem = name.split(".", 1)[0]
    siblings = names_beside(assets, inner)
    return any(other.split(".", 1)[0] == stem for other in siblings)


def _hook_finds(site: Site, path: str, bundle: bool, folder: str) -> bool:
    """Whether Hugo's own render hook finds the destination `path` (decoded), as hugo 0.168's
    does: a resource of the page (`./` trimmed), else a file of `assets/` (a leading `/`
    trimmed, which `resources.Get` ignores), in any case; True when the assets folders cannot
    be seen."""
    inner = path[2:] if path.startswith("./") else path
    if bundle and not inner.startswith("/") and _any_case(((folder, ""),), inner):
        return True
    assets = site.file_folders("assets")
    if assets is None:
        return True
    return _any_case(assets, posixpath.normpath(inner.lstrip("/")))


def _any_case(folders: tuple[tuple[str, str], ...], path: str) -> bool:
    """Whether `folders` hold `path` in any case: hugo 0.168's `Resources.Get` finds
    `photo.jpg` for `Photo.jpg` (checked with the binary)."""
    return file_at(folders, path) or bool(names_differing_in_case(folders, path))
