"""Link to an anchor the page does not have: on the same page, or on another page of the site.

## What it does
Flags a link to a place on the same page, `[see below](#the-vote)` (also in raw HTML,
`<a href="#the-vote">`, and through a reference definition), when no element of the rendered page
has that id. The ids are the ones Hugo gives the page's headings (`autoHeadingIDType = "github"`,
its default, or "github-ascii": `## The Vote!` is `#the-vote`, a repeat `#the-vote-1`), explicit
heading ids (`## The vote {#vote}`), and, when the site renders raw HTML
(`markup.goldmark.renderer.unsafe`), `id="..."` and `<a name="...">` in it. The fragment is matched
as written and percent-decoded (`#caf%C3%A9` is `#café`), as browsers do.

Left alone: `#` and `#top` (browsers scroll to the top), footnote anchors (`#fn:1`, `#fnref:1`)
in an article with footnotes, a fragment a shortcode call names (`{{< anchor "x" >}}` may write
it) or makes of a quoted argument as `anchorize` does (`{{< heading "The Vote" >}}` and
`#the-vote`) or that starts with the name of a shortcode the article calls (`{{< map ... >}}` and
`#map-3f9a`: a shortcode makes its element's id from its name), any fragment in an article that calls a shortcode with `{{% %}}` (its output is Markdown, with
headings of its own), ids the theme's templates write (the option `ids`, by default
`TableOfContents`, Hugo's table of contents), and every link when the site uses
`autoHeadingIDType = "blackfriday"` or gives definition terms ids (`autoDefinitionTermID`).

Links to another page of the site through Hugo's `ref` and `relref` shortcodes (`[see the
vote]({{< ref "news/budget.md#the-vote" >}})`, also with `{{% %}}` or a `path` argument) are checked
against that page's ids the same way, when that page is linted in the same run: the path is
resolved as Hugo resolves it (from the article's folder, a leaf bundle's section, then from the
content root, then as the base name of the one page that has it; with or without `.md`, a
bundle's `index.md` or a section's `_index.md` by its folder; without regard to case; in the
article's language), a fragment a shortcode call on that page names or that starts with the name of one is
left alone, and so is a page that calls a shortcode with `{{% %}}`. A link to a page that is not
in the run (a pre-commit hook given a few files; add `--project`) is not judged, nor one found
further down that order while an earlier path is a page on disk left out of the run (Hugo takes
that one), nor a `ref` with a `lang` argument or to `#top` (the top of any page).

So are links to another page by its URL: a path (`[the vote](/news/budget/#the-vote)`), relative
to the article's own URL (`../budget/#the-vote`), or on the site's own `baseURL` host; the page is
the one served there, from its file's path, its `slug` or its `url` (a language prefix, `baseURL`'s
path and `index.html` allowed). They are not judged on a site with `[permalinks]` or `uglyURLs`
(a page's URL is then not told by its file alone), nor are links to files (`.md`, images,
feeds), nor relative URLs where a link render hook may take them for content paths from the
page's folder (a multilingual site, where Hugo's own is on; a `render-link` template). Links to other sites are a link check's (`[links] include-fragments`).

It is reported at the fragment's destination (`#the-vote`), where it is written; another page's
anchor at the `ref` shortcode's path argument or at the URL.

## Why is this bad?
The link does nothing when clicked: the reader stays where they are, usually because the heading
was reworded after the link was written.

## Example
    See [the vote](#The-Vote).

    ## The vote

## Use instead
    See [the vote](#the-vote).

    ## The vote

## Fix safety
Unsafe: when exactly one id differs from the fragment only in case (`#The-Vote`) or is the id of a
heading text written as the fragment (`#Results of the vote` in a reference definition), the
fragment is replaced by it; the heading it then leads to should be the one meant.
"""

from __future__ import annotations

import posixpath
import re
import zlib
from array import array
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

from newslint import Edit, Fix, Rule, Severity
from newslint.document import Document
from newslint.events import Collected, Html, Link
from newslint.rule import Context, ProjectContext
from newslint.site import PAGE_SUFFIXES, Site, content_page_on_disk
from newslint.spans import Span

from ._anchors import anchor_name, page_ids
from ._body import _SHORTCODE, _SHORTCODE_CALL
from ._crossfile import content_path, is_section_page, position
from ._html_links import links_in
from ._links import Destinations, split_url

_PLAIN_ID = re.compile(r"[\w-]+")
# A shortcode's quoted argument: it may make an id of it (`id="{{ anchorize (.Get 0) }}"`).
_ARGUMENT = re.compile(r"\"([^\"\n]{1,500})\"|`([^`\n]{1,500})`")
# `{{< ref "path#fragment" >}}`, `relref`, `{{% %}}`, a `path=` argument, quoted with `"` or "`".
_REF_CALL = re.compile(
    r"\{\{[<%]-?[ \t]*(?:rel)?ref[ \t]+(?:path[ \t]*=[ \t]*)?(?:\"([^\"\n]{1,500})\"|`([^`\n]{1,500})`)"
)
_CALL_END = re.compile(r"[>%]\}\}")


@dataclass(frozen=True)
class Options:
    ids: tuple[str, ...] = ("TableOfContents",)


class LinkFragment(Rule):
    code = "LK008"
    name = "link-fragment"
    severity = Severity.WARNING
    messages = {
        "missing": "no heading or anchor on this page has the id {fragment!r}",
        "close": "no heading or anchor on this page has the id {fragment!r}; did you mean {id!r}",
        "other-page": "no heading or anchor on {page!r} has the id {fragment!r}",
    }
    Options = Options

    def __init__(self) -> None:
        self.destinations: Destinations | None = None
        self.links: list[tuple[Link, Span | None]] = []
        self.other_links: list[tuple[Link, Span | None]] = []  # to another page, by URL
        self.page: Page | None = None

    def on_link(self, ctx: Context, link: Link) -> None:
        url = link.url.strip()
        if url.startswith("#"):
            if url.lower() in ("#", "#top"):
                return
            found = self.links
        elif "#" in url and not link.is_image and "{{" not in url and "{%" not in url:
            found = self.other_links
        else:
            return
        self.destinations = self.destinations or Destinations(ctx.document)
        dest = self.destinations.of(link)
        if self.destinations.first_time(link, dest):
            found.append((link, dest))

    def on_html(self, ctx: Context, node: Html) -> None:
        for link in links_in(ctx.document, node):
            self.on_link(ctx, link)

    def on_document_end(self, ctx: Context, document: Document) -> None:
        self.page = _page(document, self.other_links)
        if not self.links:
            return
        ids = page_ids(document)
        if ids is None:
            return
        known = ids | set(ctx.options.ids)
        text = document.text
        for link, dest in self.links:
            fragment = link.url.strip()[1:]
            if fragment in known or unquote(fragment) in known or _elsewhere(document, fragment):
                continue
            close = _close(fragment, ids)
            where = dest if dest is not None and len(dest) else link.span
            if close is None:
                ctx.report(where, "missing", fragment=fragment)
                continue
            fix = None
            if dest is not None and text[dest.start : dest.end] == f"#{fragment}":
                fix = Fix.unsafe(f"Link to #{close}", Edit.replace(dest, f"#{close}"))
            ctx.report(where, "close", fragment=fragment, id=close, fix=fix)

    def collect(self) -> Page | None:
        return self.page

    @classmethod
    def group_keys(cls, data: Page) -> tuple[str, ...]:
        """The page's own keys and those its `ref` links may mean: only the pages that link to
        another page of the run, and the pages they may link to, come back to `project_end`."""
        return (*data.keys, *(key for keys, _, _, _ in data.refs for key in keys))

    @classmethod
    def project_end(cls, ctx: ProjectContext, collected: list[Collected]) -> None:
        pages: dict[str, list[Page]] = {}
        for entry in collected:
            page: Page = entry.data
            for key in page.keys:
                pages.setdefault(key, []).append(page)
        extra = {_hash(name) for name in ctx.options.ids}
        for entry in collected:
            for keys, fragment, where, written in entry.data.refs:
                targets = _targets(pages, keys, entry.data.roots)
                if not targets or any(_has(target, fragment, extra) for target in targets):
                    continue
                ctx.report(
                    entry.path,
                    where,
                    "other-page",
                    source_text=written,
                    fragment=fragment,
                    page=written.split("#", 1)[0],
                )


def _targets(
    pages: dict[str, list[Page]], keys: tuple[str, ...], roots: tuple[tuple[str, str], ...]
) -> list[Page]:
    """The pages of the run a link with these keys leads to ([] when none, or when it cannot be
    told). By URL: the page of any language the link may mean. By `ref`: the first key that
    names a page is the one Hugo takes, a base name only when one page has it, and not when a
    path tried before it is a page on disk that is not in the run (a pre-commit hook's)."""
    if _URL in keys[0]:
        return [target for key in keys for target in pages.get(key, ())]
    place = next((n for n, key in enumerate(keys) if key in pages), None)
    if place is None:
        return []
    matched = keys[place]
    if matched.endswith(_BY_NAME) and len(pages[matched]) > 1:
        return []
    if _before_on_disk(roots, keys[:place]):
        return []
    return pages[matched]


class Page(NamedTuple):
    """What a page gives `project_end` (plain data, so that it pickles and is cached with the
    file). A hash collision can only hide a report, never make one."""

    # As a `ref` target: site root, language and logical path, NUL-separated; then the same with
    # the base name alone (`_BY_NAME`); then, when it can be told, its URL path (`_URL`, then the
    # language and NUL: translations share a URL path but for the prefix, not a key).
    keys: tuple[str, ...]
    ids: bytes | None  # its ids as CRC-32s (an `array("I")`), None when they cannot be told
    shortcodes: tuple[str, ...]  # the names of the shortcodes it calls (they may make ids)
    footnotes: bool
    # Its `ref` links to other pages' anchors: (the keys the path may mean, the fragment, the
    # position of the path, the path as written).
    refs: tuple[tuple[tuple[str, ...], str, tuple[int, int, int, int], str], ...]
    # The site's content folders and where they sit in the content tree, when it has `ref` links
    # (`project_end` looks their paths up on disk).
    roots: tuple[tuple[str, str], ...] = ()


def _hash(name: str) -> int:
    return zlib.crc32(name.encode("utf-8", "surrogatepass"))


def _has(page: Page, fragment: str, extra: set[int]) -> bool:
    """Whether `page` may have the id `fragment` (True when its ids cannot be told)."""
    if page.ids is None:
        return True
    if fragment.startswith(("fn:", "fnref:")) and page.footnotes:
        return True
    lowered = fragment.lower()
    for name in page.shortcodes:
        rest = lowered[len(name) :]
        if lowered.startswith(name) and (not rest or rest[0] in "-_" or rest.isdigit()):
            return True
    ids = set(array("I", page.ids)) | extra
    return _hash(fragment) in ids or _hash(unquote(fragment)) in ids


def _logical_path(document: Document) -> tuple[str, str] | None:
    """The page's path in the content tree as `ref` names it, and the folder its relative `ref`
    paths start from (as hugo 0.168 resolves them): `news/budget` and `news` for
    `news/budget.md` and `news/budget.en.md`; the same for the leaf bundle `news/budget/index.md`
    (its own folder is not where its paths start); `news` and `news` for the section page
    `news/_index.md`. Lower case: Hugo's page paths are."""
    inside = content_path(document)
    if inside is None:
        return None
    inside = inside.lower()
    folder, _, name = inside.rpartition("/")
    stem = _without_page_suffix(name)
    language = (document.language or "").lower()
    if language and stem.endswith(f".{language}"):
        stem = stem[: -len(language) - 1]
    if stem == "_index":
        return folder, folder
    if stem == "index":
        return folder, folder.rpartition("/")[0]
    return (f"{folder}/{stem}" if folder else stem), folder


def _without_page_suffix(name: str) -> str:
    """`name` (lower case) without the extension of a content file (`budget.md`: `budget`)."""
    for suffix in PAGE_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


# What ends the key of a lookup by base name (a `ref` path without `/`, found nowhere else).
_BY_NAME = "\0name"


def _target_keys(written: str, base: str) -> list[str]:
    """The logical paths a `ref` path may mean from a page whose relative paths start at `base`,
    in the order Hugo tries them: from `base`, then from the content root (a path that starts
    with `/`: from the root only); then, for a bare name, the one page of that base name."""
    path = _without_page_suffix(written.strip().lower()).rstrip("/")
    if path.endswith(("/index", "/_index")) or path in ("index", "_index"):
        path = path.rpartition("/")[0]
    tried = [path.strip("/")] if path.startswith("/") else [posixpath.join(base, path), path]
    keys = []
    for candidate in tried:
        normal = posixpath.normpath(candidate) if candidate else "."
        if normal.startswith(".."):
            continue
        normal = "" if normal == "." else normal
        if normal not in keys:
            keys.append(normal)
    if "/" not in path and path not in ("", ".", ".."):
        keys.append(path + _BY_NAME)
    return keys


def _before_on_disk(roots: tuple[tuple[str, str], ...], skipped: tuple[str, ...]) -> bool:
    """Whether one of the paths a `ref` tries before the page it found in the run is a page on
    disk: Hugo takes that one, in the run or not (a pre-commit hook gives a few files; the root's
    `budget.md` in the run is not what `ref "budget"` means next to `news/budget.md`). Looked up
    when the run ends, so that a result from the cache sees the files as they are now; only for
    the rare `ref` that does not find its first path, a listing per folder each."""
    return any(
        not key.endswith(_BY_NAME) and content_page_on_disk(roots, key.split("\0", 2)[2])
        for key in skipped
    )


def _page(document: Document, url_links: list[tuple[Link, Span | None]]) -> Page | None:
    """What the page gives `project_end` (None outside a site's content): its keys, its ids, and
    its links to other pages' anchors, by `ref` or by URL (`url_links`)."""
    place = _logical_path(document)
    if place is None:
        return None
    logical, base = place
    site = document.site
    assert site is not None
    prefix = f"{site.root}\0{document.language or ''}\0"
    url_prefix = f"{site.root}{_URL}"
    language = (document.language or "").lower()
    own_url = _url_path(document, logical)
    text = document.text
    refs: list[tuple[tuple[str, ...], str, tuple[int, int, int, int], str]] = []
    calls = "{{" in text
    if calls and "ref" in text:
        for call in _REF_CALL.finditer(text, document.body_start):
            written = call.group(1) if call.group(1) is not None else call.group(2)
            path, hash_mark, fragment = written.partition("#")
            if not hash_mark or not fragment or not path.strip() or fragment.lower() == "top":
                continue  # no fragment, the top of the page, or this page's own (`ref "#x"`)
            end = _CALL_END.search(text, call.end(), call.end() + 2000)
            if end is None or "lang=" in text[call.end() : end.start()].replace(" ", ""):
                continue  # unclosed, or another language's page
            start = call.start(1) if call.group(1) is not None else call.start(2)
            where = position(document, Span(start, start + len(written)))
            keys = tuple(prefix + key for key in _target_keys(path, base))
            refs.append((keys, fragment, where, written))
    here = "/" + (own_url if own_url is not None else logical) + "/"
    hooked = site.link_render_hook if url_links else False
    for link, dest in url_links:
        if hooked and not link.url.strip().startswith("/") and "://" not in link.url:
            continue  # the hook may take it for a content path, from the page's folder
        found = _link_path(link.url.strip(), site, here.replace("//", "/"))
        if found is None:
            continue
        # Without a language prefix: the default language's page, or (Hugo's link render hook,
        # on for multilingual sites, looks the path up as content) the page's own language's.
        written_in, target = found
        languages = dict.fromkeys(
            [written_in] if written_in else [site.default_language.lower(), language]
        )
        fragment = link.url.strip().partition("#")[2]
        if not fragment or fragment.lower() == "top":
            continue
        where = position(document, dest if dest is not None and len(dest) else link.span)
        keys = tuple(f"{url_prefix}{lang}\0{target}" for lang in languages)
        refs.append((keys, fragment, where, link.url.strip()))
    ids = page_ids(document)
    shortcodes: tuple[str, ...] = ()
    if ids is not None and calls:
        names: set[str] = set()
        tokens: set[str] = set()
        for call in _SHORTCODE_CALL.finditer(text, document.body_start):
            source = call.group(0)
            if source.startswith("{{%"):
                ids = None  # its output is Markdown, with headings of its own
                break
            name = _SHORTCODE.match(source)
            if name is not None:
                names.add(name.group(2).lower())
            tokens.update(_PLAIN_ID.findall(source))  # a shortcode may write an id it is given
            tokens.update(_anchorized(source))
        if ids is not None:
            ids = ids | tokens
            shortcodes = tuple(sorted(names))
    blob = None if ids is None else array("I", sorted({_hash(i) for i in ids})).tobytes()
    footnotes = "[^" in text
    own_keys = [prefix + logical, prefix + logical.rpartition("/")[2] + _BY_NAME]
    if own_url is not None:
        own_keys.append(f"{url_prefix}{language}\0{own_url}")
    roots: tuple[tuple[str, str], ...] = ()
    if any(not keys[0].startswith(url_prefix) for keys, _, _, _ in refs):
        roots = site.content_roots
    return Page(tuple(own_keys), blob, shortcodes, footnotes, tuple(refs), roots)


# What stands between the site root and a URL key's language.
_URL = "\0url\0"


def _url_path(document: Document, logical: str) -> str | None:
    """The page's URL path, lower case, without slashes at the ends (`news/budget`): its `url`, or
    the path-derived one with its `slug`. None when it cannot be told from the page alone (the
    site has `[permalinks]` or `uglyURLs`)."""
    site = document.site
    assert site is not None
    url = document.value("url")
    if isinstance(url, str) and url.strip():
        return _site_path(url, site)
    if site.raw.get("permalinks") or site.raw.get("uglyurls"):
        return None
    slug = document.value("slug")
    if isinstance(slug, str | int) and str(slug).strip() and not is_section_page(document):
        logical = f"{logical.rpartition('/')[0]}/{str(slug).strip()}".strip("/")
    return logical.replace(" ", "-").lower()


def _link_path(url: str, site: Site, here: str) -> tuple[str, str] | None:
    """The language prefix written (lower case, else "") and the URL path a link to another page
    of the site leads to (as `_url_path` gives a page's), resolved from the page's own URL folder
    `here`; None for a link elsewhere or to a file."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme or parts.netloc:
        base = split_url(str(site.raw.get("baseurl") or ""))
        host = base.hostname if base is not None else None
        if parts.scheme.lower() not in ("http", "https", "") or not host:
            return None
        if (parts.hostname or "").lower() != host.lower():
            return None
    path = unquote(parts.path)
    if not path.startswith("/"):
        if not path or path.lower().endswith(PAGE_SUFFIXES):
            return None  # a fragment alone, or a Markdown file (Hugo's link render hook, if any)
        path = posixpath.join(here, path)
    return _split_site_path(path, site)


def _site_path(path: str, site: Site) -> str | None:
    """`path` as a key: without `baseURL`'s path, a language prefix, `index.html` and the slashes
    at the ends, lower case; None for a file other than `index.html` (an image, a feed)."""
    found = _split_site_path(path, site)
    return None if found is None else found[1]


def _split_site_path(path: str, site: Site) -> tuple[str, str] | None:
    """The language prefix of `path` (lower case, else "") and `path` as `_site_path` gives it."""
    written_in, segments = site.url_segments("/" + path.strip())
    if segments and segments[-1].lower() == "index.html":
        segments.pop()
    if segments and "." in segments[-1]:
        return None
    return written_in, "/".join(segments).lower()


def _elsewhere(document: Document, fragment: str) -> bool:
    """Footnote anchors, and fragments a shortcode call names (it may write the anchor)."""
    text = document.text
    if fragment.startswith(("fn:", "fnref:")) and "[^" in text:
        return True
    if "{{<" not in text and "{{%" not in text:
        return False
    lowered = fragment.lower()
    for call in _SHORTCODE_CALL.finditer(text, document.body_start):
        # `{{% %}}`: the output is Markdown, headings and their ids included (`{{% include %}}`).
        if call.group(0).startswith("{{%") or fragment in call.group(0):
            return True
        if fragment in _anchorized(call.group(0)):
            return True
        # A shortcode that writes an element per call names it after itself and makes it unique
        # (`{{ .Name }}-{{ .Ordinal }}`, a hash of its arguments): `{{< karte ... >}}` and
        # `#karte-fb1d860f...`.
        name = _SHORTCODE.match(call.group(0))
        if name is not None and lowered.startswith(name.group(2).lower()):
            rest = lowered[len(name.group(2)) :]
            if not rest or rest[0] in "-_" or rest.isdigit():
                return True
    return False


def _anchorized(call: str) -> set[str]:
    """The ids a shortcode call may make of its quoted arguments with `anchorize`
    (`{{< heading "The Vote" >}}` and `#the-vote`)."""
    return {anchor_name(a or b) for a, b in _ARGUMENT.findall(call)}


def _close(fragment: str, ids: frozenset[str]) -> str | None:
    """The one id the fragment was meant to be: the same but for case, or the id of the fragment
    read as a heading text. Only plain ids (letters, digits, `_`, `-`), which any destination
    holds without escaping."""
    decoded = unquote(fragment)
    wanted = {decoded.lower(), anchor_name(decoded)}
    found = [i for i in ids if _PLAIN_ID.fullmatch(i) and i.lower() in wanted]
    return found[0] if len(found) == 1 else None
