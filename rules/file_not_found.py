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
`baseURL`'s path is allowed; a query and a fragment are no part of the path; `%20` is a space.
Case counts: a web server on Linux tells `Photo.jpg` from `photo.jpg`.

On a multilingual site, as hugo 0.168 publishes them: a static file once, at the root of the
host (`/images/x.png`, not `/en/images/x.png` nor `/fr/images/x.png`; where the languages have
hosts of their own, at the root of each); a file of the content tree and a bundle's resource in
their own language alone, below its folder (`/fr/` ..., none for the default language unless
`defaultContentLanguageInSubdir`). A file's language is the one its name says
(`photo.fr.jpg`), else its `contentDir`'s, else the default one: `photo.jpg` beside `index.md`
and `index.fr.md` is at `/news/story/photo.jpg` alone (the French page may show it with Hugo's
own render hook), and beside `index.fr.md` alone at no URL.

On a Mainroad site it checks a page's `thumbnail` too (a string, or a map's `src`, top-level or
under `params`), which Mainroad's `post_thumbnail.html` writes with `relURL`: from the site's root
(`img/mario.gif` is `/img/mario.gif`), where the theme draws it (a visibility with `list` or
`post`); not when the site's layouts or another theme component may draw it their own way.
Likewise, as each theme's template reads it (top-level or under `params`), an image path its
template writes from the site's root when the page has no resource of that name (any file of its
bundle, any case) and, where the template looks there, `assets/` has no such file: Stack's
`image` (or the key its `featuredImageField` names), PaperMod's `cover.image` (not with
`cover.relative`; a resource whose name holds the value counts), Ananke's `featured_image` (one
that starts with `/`: older versions wrote others from the page's URL), and, on a site whose
templates may call Hugo's `opengraph`, `twitter_cards` or `schema` or read `images`, each of
`images` (hugo 0.168's `get-page-images`: the page's resource, then `assets/`, else `absURL`).
Not a web address, a glob, nor a page whose `resources` may rename its files; not Blowfish's or
Congo's `featureimage`, which their templates fetch with `resources.GetRemote`.

A page with `build.publishResources: false` (its own or from a cascade) has hugo 0.168 write
none of its resources but those something uses (`.RelPermalink` of one publishes it): the page's
own link to one of them is reported, unless Hugo's own render hook renders it (below), the page
calls a shortcode (`figure` takes a resource), or a template of the site or its theme names
`Resources` or calls one of Hugo's templates that reads them (`opengraph` ...). A link from
another page to such a resource is not judged.

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
- not in raw HTML but `<img src>` (and `srcset`) and `<a href>`, and those only where Hugo
  writes raw HTML (`markup.goldmark.renderer.unsafe = true`; it leaves it out otherwise).

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

## Fix safety
Unsafe, and only where the site has the file in another case (`Photo.JPG` for `photo.jpg`) and
in that one case alone: the link is rewritten with its case. The file may be the one misnamed,
and other links may name it with the link's case. A file missing in every case has no fix: the
Example stays as it is:

    ![The vote](vote.jpg)

    [Example News](https://news.example.org/news/article/)
"""

from __future__ import annotations

import fnmatch
import os
import posixpath
import re
from typing import Any, NamedTuple
from urllib.parse import unquote, urlsplit

from newslint import Applicability, Edit, Fix, Rule, Severity
from newslint.document import Document
from newslint.events import Collected, Field, Html, Link, Node
from newslint.rule import GROUP_ALWAYS, Context, CountedKey, ProjectContext, SoughtKey
from newslint.site import (
    Site,
    component_name,
    file_at,
    files_below,
    names_beside,
    names_differing_in_case,
    paths_at,
    site_for_dir,
)
from newslint.spans import Span

from ._crossfile import is_section_page, position, whole_site_in_run
from ._html_links import links_in
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
from ._pages import build_options
from ._params import read_fields

# The raw HTML tags whose links are judged: `<img src>` (and `srcset`), `<a href>`.
_HTML_TAG = re.compile(r"<(?:img|a)[\s/>]", re.IGNORECASE)
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
    fixed: str  # the URL written with the case of the one such path ("" when none or several)
    span: tuple[int, int]  # where the URL is written


class FilePage(NamedTuple):
    """What a page of a site's content gives `project_end` (plain data, cached with the file)."""

    root: str  # the site's root folder
    # A page bundle's URL path on its host (lower case, no slash at the ends, its language's
    # folder first: `_page_prefix`), its folder and its language (lower case): its resources of
    # that language are published below that URL. ("", "", "") for a page of one file.
    bundle: tuple[str, str, str]
    doubt: bool  # its URL, or the URLs of the bundles below it, cannot be told
    links: tuple[Missing, ...]  # its links to files outside its own URL that were not found


class FileNotFound(Rule):
    code = "LK011"
    name = "file-not-found"
    severity = Severity.WARNING
    messages = {
        "missing": "no file of the site is served at {url!r}",
        "case": "no file of the site is served at {url!r} (it has {other!r}: case counts)",
        "unpublished": "no file of the site is served at {url!r} (its page has {why}, and "
        "nothing publishes the resource)",
    }
    # A verdict depends on the site's other files (static, bundle resources): the cache keeps the
    # existence checks made with the result, as for link-relative.
    depends_on_site_files = True
    # A name in another case is fixed when the run ends too (a link beyond the page's own URL).
    project_fixes = Applicability.UNSAFE

    def __init__(self) -> None:
        self.destinations: Destinations | None = None
        self.found: list[tuple[Link, Span | None, str]] = []
        self.page: FilePage | None = None

    def on_link(self, ctx: Context, link: Link) -> None:
        if link.link_type != "Html":
            self._take(ctx, link)

    def on_html(self, ctx: Context, node: Html) -> None:
        site = ctx.site
        if site is None or not site.unsafe_html_for(ctx.document.language):
            return  # Hugo leaves raw HTML out
        for link in links_in(ctx.document, node):
            if _HTML_TAG.match(ctx.document.text, link.span.start):
                self._take(ctx, link)

    def _take(self, ctx: Context, link: Link) -> None:
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
        configured = site_param(ctx.site, "featuredimagefield", language=ctx.document.language)
        if isinstance(configured, str) and configured:
            return _IMAGE_KEYS | {configured.lower()}
        return _IMAGE_KEYS

    def on_field(self, ctx: Context, field: Field) -> None:
        site = ctx.site
        if site is None or is_section_page(ctx.document):
            return
        if site.is_mainroad:
            for read, _ in read_fields(ctx.document, field, "thumbnail"):
                found = _thumbnail(ctx, site, read)
                if found is not None:
                    self._take_image(*found)
        for name, how in _image_fields(ctx, site):
            for read, _ in read_fields(ctx.document, field, name):
                for value, span in _image_values(read, how):
                    if not _found_as_resource(ctx, site, value, how):
                        self._take_image(value, span)

    def _take_image(self, src: str, span: Span) -> None:
        """An image path a template writes from the site's root (`relURL`, `absURL`)."""
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
        if data.bundle[1]:
            keys.append(SoughtKey(f"{data.root}\0{data.bundle[0]}"))
        if data.links:
            keys.append(GROUP_ALWAYS)
            for link in data.links:
                keys.extend(f"{data.root}\0{folder}" for folder in _folders_above(link.path))
        return tuple(keys)

    @classmethod
    def project_end(cls, ctx: ProjectContext, collected: list[Collected]) -> None:
        bundles: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for entry in collected:
            page: FilePage = entry.data
            if page.bundle[1]:
                key = (page.root, page.bundle[0])
                bundles.setdefault(key, []).append((page.bundle[1], page.bundle[2]))
        whole: dict[str, bool] = {}
        for entry in collected:
            page = entry.data
            for link in page.links:
                if page.root not in whole:
                    whole[page.root] = whole_site_in_run(ctx, page.root)
                if not whole[page.root]:
                    break
                if _in_a_bundle(link.path, bundles, page.root):
                    continue
                if link.other:
                    ctx.report(
                        entry.path,
                        link.where,
                        "case",
                        source_text=link.url,
                        fix=_case_fix(link),
                        fix_positions=[link.where] if link.fixed else [],
                        url=link.url,
                        other=link.other,
                    )
                else:
                    ctx.report(
                        entry.path, link.where, "missing", source_text=link.url, url=link.url
                    )


# A Mainroad `thumbnail`, or another theme's image field (`Link.link_type`): its template writes
# it with `relURL` or `absURL`, from the site's root whatever the page's URL, and no render hook
# sees it.
_THUMBNAIL = "Thumbnail"
_IMAGE_KEYS = frozenset({"thumbnail", "params", "image", "cover", "featured_image", "images"})


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


# How a theme's template (or Hugo's own) finds a front-matter image before it writes the value
# from the site's root, as read in each theme's templates: `page`, the page's resources by
# `.Resources.GetMatch` of the value (a glob, any case); `page-within`, by `GetMatch "*value*"`
# (PaperMod's `cover.html`); `assets`, then `resources.GetMatch` of the value (Stack's
# `helper/image.html` since v3.30, Hugo 0.168's `_funcs/get-page-images.html`); `rooted`, only a
# value that starts with `/` is judged (Ananke wrote the value as it is, relative to the page's
# URL, before `GetFeaturedImage.html` took `strings.Trim . "/" | absURL`).
_Finding = frozenset[str]
_STACK: _Finding = frozenset({"page", "assets"})
_PAPERMOD: _Finding = frozenset({"page-within", "cover"})
_ANANKE: _Finding = frozenset({"page", "rooted"})
_HUGO_IMAGES: _Finding = frozenset({"page", "assets", "list"})
# A glob's characters, which a value of `GetMatch` may hold: newslint does not match those.
_GLOB = re.compile(r"[*?\[\]{}]")


def _image_fields(ctx: Context, site: Site) -> list[tuple[str, _Finding]]:
    """The front-matter keys (lower case) whose value the site's theme draws as an image, each
    with how its template finds it (`_Finding`); only where the theme's own template draws it
    (not one of the site's layouts or of another component: `Site.template_overridden`).

    - Stack: `image` (or the key `params.featuredImageField` names), by `helper/image.html`;
    - PaperMod: `cover.image`, by `cover.html` and `templates/opengraph.html` (`absURL`), not
      with `cover.relative` (then from the page's URL);
    - Ananke: `featured_image`, by `func/GetFeaturedImage.html`;
    - any site whose templates may call Hugo's `opengraph`, `twitter_cards` or `schema`, or read
      `images`: `images`, a list, as hugo 0.168's `_funcs/get-page-images.html` reads it.

    Blowfish's and Congo's `featureimage` is left alone: their templates fetch it with
    `resources.GetRemote`, no path of the site."""
    fields: list[tuple[str, _Finding]] = []
    for theme in site.themes or ((site.theme,) if site.theme else ()):
        name = component_name(str(theme))
        if "stack" in name and not site.template_overridden("partials/helper/image.html", name):
            configured = site_param(site, "featuredimagefield", language=ctx.document.language)
            key = configured.lower() if isinstance(configured, str) and configured else "image"
            fields.append((key, _STACK))
        elif "papermod" in name and not any(
            site.template_overridden(template, name)
            for template in ("partials/cover.html", "partials/templates/opengraph.html")
        ):
            fields.append(("cover", _PAPERMOD))
        elif "ananke" in name and not site.template_overridden(
            "partials/func/GetFeaturedImage.html", name
        ):
            fields.append(("featured_image", _ANANKE))
    if site.template_resources or "images" in site.template_params:
        fields.append(("images", _HUGO_IMAGES))
    return fields


def _image_values(field: Field, how: _Finding) -> list[tuple[str, Span]]:
    """The image paths of `field` a template writes from the site's root, each with where it is
    written: a string (PaperMod: a map's `image`, none with `relative`; `images`: a list's
    strings). Web addresses, template text, globs and other values (a number) are left out."""
    node = field.node
    written: list[tuple[Node, Span]] = []
    if "cover" in how:
        if node.kind != "map" or not isinstance(node.value, dict):
            return []
        if truthy({str(k).lower(): v for k, v in node.value.items()}.get("relative")):
            return []  # from the page's URL
        entries = {entry.key.lower(): entry for entry in node.entries}
        image = entries.get("image")
        written = [(image.node, image.node.span)] if image is not None else []
    elif "list" in how:
        written = [(item, item.span) for item in node.items] if node.kind == "list" else []
    else:
        written = [(node, field.value_span)]
    out = []
    for scalar, span in written:
        if scalar.kind != "scalar" or scalar.tag != "str" or not isinstance(scalar.value, str):
            continue
        value = scalar.value.strip()
        if not value or _SCHEME.match(value) or value.startswith("//") or "{{" in value:
            continue
        if _GLOB.search(value) or ("rooted" in how and not value.startswith("/")):
            continue  # (Ananke before 2.12 wrote it as it is: from the page's URL)
        name = urlsplit(value).path.rpartition("/")[2]
        extension = name.rpartition(".")[2].lower() if "." in name.strip(".") else ""
        if extension and extension not in _NOT_FILES:
            out.append((value, span))  # (no page's URL: `/news/`, `story.html`)
    return out


def _found_as_resource(ctx: Context, site: Site, value: str, how: _Finding) -> bool:
    """Whether the theme's template finds `value` before it writes it from the site's root: as a
    resource of the page's bundle (any file below its folder, matched without regard to case, a
    leading `/` or not), or a file of `assets/`; or whether that cannot be told (the page renames
    its resources with `resources`, the bundle holds too many files, `assets/` cannot be seen)."""
    document = ctx.document
    name = os.path.basename(document.path).lower()
    wanted = value.lower().lstrip("/")
    if name.split(".")[0] in ("index", "_index"):
        if document.value("resources") is not None:
            return True  # a resource's `name` may be the value
        files = files_below(os.path.dirname(os.path.abspath(document.path)))
        if files is None:
            return True
        pattern = f"*{wanted}*" if "page-within" in how else wanted
        if any(fnmatch.fnmatchcase(path.lower(), pattern) for path in files):
            return True
    if "assets" in how:
        assets = site.file_folders("assets")
        if assets is None:
            return True
        if file_at(assets, wanted) or names_differing_in_case(assets, wanted):
            return True
    return False


def _folders_above(path: str) -> list[str]:
    """The folders of the URL path `path` from the deepest up (lower case: page URLs are)."""
    parts = path.lower().split("/")[:-1]
    return ["/".join(parts[:count]) for count in range(len(parts), 0, -1)]


def _in_a_bundle(
    path: str, bundles: dict[tuple[str, str], list[tuple[str, str]]], root: str
) -> bool:
    """Whether a page bundle whose URL is a folder of `path` holds the rest of it in its page's
    language."""
    site = site_for_dir(root)
    for folder in _folders_above(path):
        for place, language in bundles.get((root, folder), ()):
            if _resource(site, place, path[len(folder) + 1 :], language):
                return True
    return False


def _resource(site: Site, folder: str, rest: str, language: str) -> bool:
    """Whether the bundle folder `folder` holds a resource at `rest` that hugo 0.168 publishes
    with its page of `language` (lower case): a file's language is the one its name says
    (`photo.fr.jpg`), else its content folder's, else the default one, and a resource is
    published only below the URL of its own language's page (checked with the binary:
    `photo.jpg` beside `index.md` and `index.fr.md` is at `/news/story/photo.jpg` alone, and
    at no URL without `index.md`; a French page's `.Resources` falls back to it)."""
    return any(
        (site.language_of(found) or "").lower() == language
        for found in paths_at(((folder, ""),), rest)
    )


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
        return FilePage(root, ("", "", ""), True, ())  # it moves the pages below it
    if not bundle and not found:
        return FilePage(root, ("", "", ""), False, ())  # only counted
    own = own_url(ctx, place[0], section)
    folder = os.path.dirname(os.path.abspath(document.path))
    language = (document.language or site.default_language).lower()
    prefix = _page_prefix(site, document, language)
    own_folder = ""
    if own is not None:
        own_folder = own.path[: -len(".html")] if own.ugly else own.path
    own_key = (prefix + own_folder).strip("/")
    links = (
        _links(ctx, document, site, own, prefix, own_key if bundle else None, folder, found)
        if found
        else ()
    )
    return FilePage(
        root,
        (own_key, folder, language) if bundle and own is not None else ("", "", ""),
        bundle and own is None,
        links,
    )


def _page_prefix(site: Site, document: Document, language: str) -> str:
    """What comes before the page's URL path in the keys of its URLs: where the languages have
    hosts of their own (a `baseURL` each), its language and a slash (hugo 0.168 writes each
    host's site in its language's folder of `public/`, and a path is that host's); else its
    language's folder (`fr/`, "" for the default language unless
    `defaultContentLanguageInSubdir`), or the one its `url` names (hugo 0.168 puts a `url`
    where it says, in any language)."""
    if multihost(site):
        return f"{language}/"
    url = document.value("url")
    if isinstance(url, str) and url.strip():
        written = site.url_segments("/" + url.strip())[0]
        return f"{written}/" if written else ""
    return language_folder(site, language)


def _links(
    ctx: Context,
    document: Document,
    site: Site,
    own: Any,
    prefix: str,
    own_key: str | None,
    folder: str,
    found: list[tuple[Link, Span | None, str]],
) -> tuple[Missing, ...]:
    """The links to files the site's folders on disk do not hold. A bare name relative to the
    page (`photo.jpg`) is reported at once: only the page's own URL could serve it. `prefix`:
    the page's host and language folder (`_page_prefix`); `own_key`: the key of the URL path
    a bundle's resources are published under (None for a page of one file)."""
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
    unpublished = _unpublished(document, site) if own_key is not None else ""
    host = prefix if multihost(site) else ""
    language = (document.language or site.default_language).lower()
    out: list[Missing] = []
    for link, dest, path in found:
        thumbnail = link.link_type == _THUMBNAIL
        kind = "image" if link.is_image else "link"
        hookless = thumbnail or link.link_type == "Html"  # (no render hook sees them)
        if not hookless and site.own_render_hook(kind):
            continue
        if thumbnail:
            path = "/" + unquote(path.split("#", 1)[0].split("?", 1)[0]).lstrip("/")
        relative = not path.startswith("/")
        if relative:
            if own is None or lowered_paths:
                continue
            # The browser's folder: the page's URL, or its parent for a page at a file's URL
            # (`uglyURLs`, `url: /contact.html`: hugo 0.168 writes it there).
            in_folder = own.ugly or "." in own.path.rpartition("/")[2]
            here = prefix[len(host) :] + (own.path.rpartition("/")[0] if in_folder else own.path)
            resolved = posixpath.normpath(posixpath.join("/" + here, path))
            if resolved.startswith("//"):
                resolved = resolved[1:]
            segments = [part for part in resolved.split("/") if part]
        else:
            written_in, segments = site.url_segments(path)
            segments = [written_in, *segments] if written_in else segments
        if not segments or ".." in segments:
            continue
        served_in, inner = _url_language(site, language, segments)
        target = "/".join(segments)
        key = host + target
        own_file = own_key is not None and _own_resource(key, own_key, folder, site, language)
        if (
            file_at(statics, target)
            or (own_file and not unpublished)
            # (the page's own resources are files of the content tree too)
            or (
                served_in
                and not (own_file and unpublished)
                and _in_content(site, contents, "/".join(inner), served_in)
            )
            or _pipes_may_publish(site, target)
            or site.publish_dir_holds(key)
        ):
            continue
        hooked = site.embedded_image_hook() if link.is_image else site.embedded_link_hook
        if hooked and not hookless and _hook_finds(site, path, own_key is not None, folder):
            continue  # (it publishes a resource it finds, whatever `publishResources` says)
        head = "/".join(segments[: len(segments) - len(inner)])
        others = [f"/{other}" for other in names_differing_in_case(statics, target)] + [
            f"/{head}/{other}".replace("//", "/")
            for other in names_differing_in_case(contents, "/".join(inner))
            if served_in and _in_content(site, contents, other, served_in)
        ]
        where = dest if dest is not None and len(dest) else link.span
        written = document.text[where.start : where.end]
        fixed = _case_fixed(written, others[0]) if len(set(others)) == 1 else None
        missing = Missing(
            key,
            position(document, where),
            link.url.strip(),
            others[0] if others else "",
            fixed or "",
            (where.start, where.end),
        )
        if own_file:
            ctx.report(where, "unpublished", url=missing.url, why=unpublished)
        elif relative and "/" not in path:
            if missing.other:
                ctx.report(
                    where,
                    "case",
                    url=missing.url,
                    other=missing.other,
                    fix=_case_fix(missing),
                )
            else:
                ctx.report(where, "missing", url=missing.url)
        else:
            out.append(missing)
    return tuple(out)


def _case_fixed(written: str, other: str) -> str | None:
    """The URL `written` (as in the source) with the case of its names taken from the URL path
    `other` that differs from its path only in case, the names aligned from the end; None when
    they do not align (an escape, a `%` sequence, a name that differs in more than case)."""
    cut = min((i for i in (written.find("?"), written.find("#")) if i >= 0), default=len(written))
    path = written[:cut]
    if not path or any(char in path for char in r"%\&<>"):
        return None
    parts = path.split("/")
    names = [i for i, part in enumerate(parts) if part not in ("", ".", "..")]
    theirs = [part for part in other.split("/") if part]
    changed = False
    for index, their in zip(reversed(names), reversed(theirs), strict=False):
        if parts[index].lower() != their.lower():
            return None
        changed = changed or parts[index] != their
        parts[index] = their
    return "/".join(parts) + written[cut:] if changed else None


def _case_fix(missing: Missing) -> Fix | None:
    """The unsafe fix of a link whose file the site has in another case: the name as the file
    is named (unsafe: the file may be the one misnamed, and links elsewhere may use its case)."""
    if not missing.fixed:
        return None
    edit = Edit(missing.span[0], missing.span[1], missing.fixed)
    return Fix.unsafe(f"Write {missing.fixed!r}, as the file is named", edit)


def _unpublished(document: Document, site: Site) -> str:
    """Why hugo 0.168 publishes none of the page's resources unless something uses one (its
    `build.publishResources: false`, own or cascaded; checked with the binary), as the page
    says it; "" when it publishes them, or when a template or a shortcode of the page may use
    one (`.Permalink` of a resource publishes it: `site.template_resources`)."""
    if site.template_resources or "{{<" in document.body or "{{%" in document.body:
        return ""
    for key, options in build_options(document):
        if options.get("publishresources") is False:
            cascaded = document.field(key) is None
            return f"`{key}.publishResources: false`" + (", from a cascade" if cascaded else "")
    return ""


def _url_language(site: Site, language: str, segments: list[str]) -> tuple[str, list[str]]:
    """The language (lower case) whose pages and content files are served at the URL path
    `segments` of the page of `language`, and the path below its folder: the page's own where
    the languages have hosts of their own; else the one whose folder (`fr/`) starts the path, or
    the default language, whose folder is none unless `defaultContentLanguageInSubdir` ("" when
    no language's content is served there)."""
    if multihost(site):
        return language, segments
    first = segments[0].lower()
    languages = {name.lower() for name in site.language_names}
    if first in languages and language_folder(site, first) == first + "/":
        return first, segments[1:]
    default = site.default_language.lower()
    return (default if not language_folder(site, default) else ""), segments


def _in_content(
    site: Site, contents: tuple[tuple[str, str], ...], inner: str, language: str
) -> bool:
    """Whether a file of the content tree that is no page is at `inner` in `language`: hugo
    0.168 publishes it where it lies below its language's folder (`content/news/chart.png` of
    the default language at `/news/chart.png`, not `/fr/news/chart.png`)."""
    return any(
        (site.language_of(found) or "").lower() == language for found in paths_at(contents, inner)
    )


def _own_resource(key: str, own_key: str, folder: str, site: Site, language: str) -> bool:
    """Whether the page's own bundle (in `folder`, its resources published below the URL key
    `own_key`, its language `language`) publishes a resource at the URL key `key`."""
    rest = ""
    if not own_key:
        rest = key  # the home page's bundle
    elif key.lower().startswith(own_key + "/"):
        rest = key[len(own_key) + 1 :]
    return bool(rest) and _resource(site, folder, rest, language)


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
