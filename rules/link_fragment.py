"""Link to an anchor the page does not have: on the same page, or on another page of the site.

## What it does
Flags a link to a place on the same page, `[see below](#the-vote)` (also in raw HTML,
`<a href="#the-vote">`, and through a reference definition), when no element of the rendered page
has that id. The ids are the ones Hugo gives the page's headings (`autoHeadingIDType = "github"`,
its default, or "github-ascii": `## The Vote!` is `#the-vote`, a repeat `#the-vote-1`), explicit
heading ids (`## The vote {#vote}`), and, when the site renders raw HTML
(`markup.goldmark.renderer.unsafe`), `id="..."` and `<a name="...">` in it. The fragment is matched
as written and percent-decoded (`#caf%C3%A9` is `#café`), as browsers do; a text fragment
directive is no part of it (`#the-vote:~:text=passed` needs `the-vote`, `#:~:text=passed` no
element), as browsers strip it before they look for the element.

Left alone: `#` and `#top` (browsers scroll to the top), footnote anchors (`#fn:1`, `#fnref:1`) in
an article with footnotes, a fragment a shortcode call names (`{{< anchor "x" >}}` may write it) or
makes of a quoted argument as `anchorize` does (`{{< heading "The Vote" >}}` and `#the-vote`) or
that starts with the name of a shortcode the article calls (`{{< map ... >}}` and `#map-3f9a`: a
shortcode makes its element's id from its name), any fragment in an article that calls a shortcode
with `{{% %}}` (its output is Markdown, with headings of its own), ids the theme's templates write
(the option `ids`, by default `TableOfContents`, Hugo's table of contents), and every link when the
site uses `autoHeadingIDType = "blackfriday"` or gives definition terms ids
(`autoDefinitionTermID`).

Links to another page of the site through Hugo's `ref` and `relref` shortcodes (`[see the vote]({{<
ref "news/budget.md#the-vote" >}})`, also with `{{% %}}` or a `path` argument) are checked against
that page's ids the same way, when that page is linted in the same run: the path is resolved as Hugo
resolves it (from the article's folder, a leaf bundle's section (its own folder for a `../` path
with `.md`), then from the content root unless the path starts with `.`, then as the base name of
the one page that has it; with or without `.md`, a bundle's `index.md` or a section's `_index.md` by
its folder; without regard to case; in the article's language), a fragment a shortcode call on that
page names or that starts with the name of one is left alone, and so is a page that calls a
shortcode with `{{% %}}`. A link to a page that is not in the run (a pre-commit hook given a few
files; add `--project`) is not judged, nor one found further down that order while an earlier path
is a page on disk left out of the run (Hugo takes that one), nor a `ref` with a `lang` argument or
to `#top` (the top of any page), nor one in an HTML comment (`<!-- [old]({{< ref "x.md#y" >}}) -->`:
hugo 0.168 runs the call there, but no reader sees the link), nor, on a site that does not render
raw HTML (`markup.goldmark.renderer.unsafe`), one in raw HTML (a `<div>` block) or otherwise in a
place Goldmark omits, which Hugo never runs (the calls ref-not-found leaves alone). A `ref` path
that finds no page at all is ref-not-found's.

So are links to another page by its URL: a path (`[the vote](/news/budget/#the-vote)`), relative to
the article's own URL (`../budget/#the-vote`), or on the site's own `baseURL` host; the page is the
one served there (a language prefix, `baseURL`'s path and `index.html` allowed), as Hugo 0.168 makes
its URL: its `url`; else its `[permalinks]` pattern (the site's or its language's, plain or per
kind, with `:year`, `:month`, `:day`, `:section`, `:sections`, `:title`, `:slug`, `:filename`,
`:contentbasename`, `:slugorfilename`, `:slugorcontentbasename`); else its file's path with its
`slug` and the `slug`s of the sections above it (`news/_index.md` with `slug: nachrichten` serves
`news/budget.md` at `/nachrichten/budget/`; a section's `url` moves only the section page);
`budget.html` under the site's `uglyURLs`. A page whose URL cannot be told so (another token, two
keys for its section, a title `urlize` would rewrite in ways not modelled, a `slug` or `url` from a
cascade, a slug from a dated file name, a section above it whose `_index.md` is not in the run) is
not judged, nor are links to files (images, feeds), nor relative URLs where a link render hook may
take them for content paths from the page's folder (a multilingual site, where Hugo's own is on; a
`render-link` template). Where Hugo's own hook is on (below), a `/`-path is also the page the hook
finds at it as content (`/news/budget/`, `/news/budget.html`: the page of `news/budget.md` wherever
its URL is), and is not judged when that page is on disk but not in the run.

A link to a Markdown file (`[the vote](../budget.md#the-vote)`, `budget/index.md#x`) is
judged where Hugo's own link render hook renders it (`markup.goldmark.renderHooks.link.useEmbedded`
"always"; "fallback" or, before Hugo 0.148, `enableDefault = true`, and "auto", the default, on a
multilingual site with one host, unless the site or its theme has a `render-link` template):
against the page it finds as `GetPage` does, from the article's folder (a leaf bundle's
section, or its own folder for `../`), then from the content root unless the path starts with
`.`. A link it finds no page for is rendered as written: a broken link, link-relative's to
report, as is every `.md` link on a site without the hook. Links to other sites are a link
check's (`[links] include-fragments`).

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
from ._body import _SHORTCODE, _SHORTCODE_CALL, in_html_comment
from ._crossfile import content_path, is_section_page, position
from ._html_links import links_in
from ._links import Destinations, split_url
from ._page_urls import (
    logical_path,
    own_url,
    slug_of_section,
    split_site_path,
    without_page_suffix,
)
from ._refs import BY_NAME, content_keys, omitted_call, ref_calls, target_keys

_PLAIN_ID = re.compile(r"[\w-]+")
# A shortcode's quoted argument: it may make an id of it (`id="{{ anchorize (.Get 0) }}"`).
_ARGUMENT = re.compile(r"\"([^\"\n]{1,500})\"|`([^`\n]{1,500})`")


@dataclass(frozen=True)
class Options:
    """Options of the rule (its `[rules.link-fragment]` table)."""

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
        self.html: list[Span] = []  # the raw HTML that holds a `{{< >}}` call (see `_page`)

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
        if "{{<" in node.text:
            self.html.append(node.span)
        for link in links_in(ctx.document, node):
            self.on_link(ctx, link)

    def on_document_end(self, ctx: Context, document: Document) -> None:
        self.page = _page(ctx, self.other_links, self.html)
        if not self.links:
            return
        ids = page_ids(document)
        if ids is None:
            return
        known = ids | set(ctx.options.ids)
        text = document.text
        for link, dest in self.links:
            fragment = element_id(link.url.strip()[1:])
            if (
                not fragment
                or fragment in known
                or unquote(fragment) in known
                or _elsewhere(document, fragment)
            ):
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
        return (*data.keys, *data.meet, *(key for keys, _, _, _ in data.refs for key in keys))

    @classmethod
    def project_end(cls, ctx: ProjectContext, collected: list[Collected]) -> None:
        pages: dict[str, list[Page]] = {}
        for entry in collected:
            page: Page = entry.data
            for key in page.keys:
                pages.setdefault(key, []).append(page)
        sections = _sections(collected)
        extra = {_hash(name) for name in ctx.options.ids}
        for entry in collected:
            for keys, fragment, where, written in entry.data.refs:
                targets = _targets(pages, keys, entry.data.roots, sections)
                if not targets or any(_has(target, fragment, extra) for target in targets):
                    continue
                if _unseen_sections(keys, entry.data.roots, sections):
                    continue
                if _found_elsewhere(keys, pages, entry.data.roots):
                    continue
                ctx.report(
                    entry.path,
                    where,
                    "other-page",
                    source_text=written,
                    fragment=fragment,
                    page=written.split("#", 1)[0],
                )


def element_id(fragment: str) -> str:
    """The element a fragment leads to: without a fragment directive (`#results:~:text=vote`,
    a text fragment, which browsers highlight and strip before they look for the element);
    "" for a text alone (`#:~:text=vote`), which needs no element."""
    return fragment.split(":~:", 1)[0]


class SiteSections(NamedTuple):
    """The section pages of the run in one language of one site: the URL segment each one's
    `slug` gives it ("" for none, NUL when it cannot be told), by logical path; and the
    sections by (parent section, slug)."""

    slugs: dict[str, str]
    by_slug: dict[tuple[str, str], list[str]]


Sections = dict[tuple[str, str], SiteSections]
_NO_SECTIONS = SiteSections({}, {})


def _sections(collected: list[Collected]) -> Sections:
    """The section pages that came back to `project_end`: all of the run's, in each language
    a page links into by URL (they share a `_SECTIONS` key)."""
    found: Sections = {}
    for entry in collected:
        page: Page = entry.data
        if page.section_slug is not None:
            root, language, logical = page.keys[0].split("\0", 2)
            if not logical:
                continue  # the home page
            known = found.setdefault((root, language.lower()), SiteSections({}, {}))
            known.slugs[logical] = page.section_slug
            if page.section_slug:
                parent = logical.rpartition("/")[0]
                known.by_slug.setdefault((parent, page.section_slug), []).append(logical)
    return found


def _targets(
    pages: dict[str, list[Page]],
    keys: tuple[str, ...],
    roots: tuple[tuple[str, str], ...],
    sections: Sections | None = None,
) -> list[Page]:
    """The pages of the run a link with these keys leads to ([] when none, or when it cannot be
    told). By URL: the page of any language the link may mean, by the URL it has for certain or
    by its path-derived one through its sections' slugs (`_translate`), and the page Hugo's link
    render hook finds at the path as content (hugo 0.168 links there: `/news/budget/` in a
    French page is `/fr/news/budget/`; all of them, in case a theme's own hook was not seen
    and the link goes where its URL says). By `ref`: the first key
    that names a page is the one Hugo takes, a base name only when one page has it, and not
    when a path tried before it is a page on disk that is not in the run (a pre-commit hook's)."""
    if any(_URL in key or _PATH in key for key in keys):
        found: list[Page] = []
        for key in keys:
            if _PATH in key:
                root, _, rest = key.partition(_PATH)
                language, _, path = rest.partition("\0")
                logical = _translate(path, (sections or {}).get((root, language), _NO_SECTIONS))
                if logical is None:
                    continue
                key = f"{root}{_PATH}{language}\0{logical}"
            found.extend(pages.get(key, ()))
        return found
    place = next((n for n, key in enumerate(keys) if key in pages), None)
    if place is None:
        return []
    matched = keys[place]
    if matched.endswith(BY_NAME) and len(pages[matched]) > 1:
        return []
    if _before_on_disk(roots, keys[:place]):
        return []
    return pages[matched]


class Page(NamedTuple):
    """What a page gives `project_end` (plain data, so that it pickles and is cached with the
    file). A hash collision can only hide a report, never make one."""

    # As a `ref` target: site root, language and logical path, NUL-separated; then the same with
    # the base name alone (`BY_NAME`); then, when it can be told, its URL path (`_URL`, then the
    # language and NUL: translations share a URL path but for the prefix, not a key).
    keys: tuple[str, ...]
    ids: bytes | None  # its ids as CRC-32s (an `array("I")`), None when they cannot be told
    shortcodes: tuple[str, ...]  # the names of the shortcodes it calls (they may make ids)
    footnotes: bool
    # Its `ref` links to other pages' anchors: (the keys the path may mean, the fragment, the
    # position of the path, the path as written).
    refs: tuple[tuple[tuple[str, ...], str, tuple[int, int, int, int], str], ...]
    # The site's content folders and where they sit in the content tree, when it has links to
    # other pages (`project_end` looks their paths up on disk).
    roots: tuple[tuple[str, str], ...] = ()
    # Keys that only bring pages together in `project_end` (`_LEAF`, `_SECTIONS`).
    meet: tuple[str, ...] = ()
    # A section page's: the URL segment its `slug` gives it ("" when none, NUL when it cannot
    # be told); None for any other page.
    section_slug: str | None = None


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


def _found_elsewhere(
    keys: tuple[str, ...], pages: dict[str, list[Page]], roots: tuple[tuple[str, str], ...]
) -> bool:
    """Whether Hugo's link render hook finds the content path of a link by URL as a page on
    disk that is not in the run (it then links there, not to the page at the URL)."""
    if len(keys) < 2 or _URL in keys[0] or _PATH in keys[0] or keys[0] in pages:
        return False
    return _before_on_disk(roots, keys[:1])


def _translate(path: str, sections: SiteSections) -> str | None:
    """The path-derived URL key of the page a link's URL path leads to, as a page has it before
    its sections' slugs: `nachrichten/budget` is `news/budget` when the section `news` has the
    slug `nachrichten`; None when no such page can be (`news/budget` itself then, a 404) or it
    cannot be told (two sections with that slug, a slug not modelled)."""
    if not sections.by_slug and "\0" not in sections.slugs.values():
        return path
    logical = ""
    for segment in path.split("/") if path else ():
        child = f"{logical}/{segment}" if logical else segment
        named = sections.by_slug.get((logical, segment), [])
        if len(named) > 1:
            return None
        if named:
            logical = named[0]
        elif sections.slugs.get(child):
            return None  # that section's URL is its slug
        else:
            logical = child
    return logical


def _unseen_sections(
    keys: tuple[str, ...], roots: tuple[tuple[str, str], ...], sections: Sections
) -> bool:
    """Whether a link by URL may pass a section whose `_index.md` is on disk but not in the run
    (a pre-commit hook's few files): its slug, if any, is not known. Asked before a report only
    (it lists folders)."""
    for key in keys:
        if _PATH not in key:
            continue
        root, _, rest = key.partition(_PATH)
        language, _, path = rest.partition("\0")
        known = sections.get((root, language), _NO_SECTIONS)
        logical = _translate(path, known)
        parts = (logical or path).split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            section = "/".join(parts[:depth])
            if section not in known.slugs and content_page_on_disk(roots, section + "/_index"):
                return True
    return False


def _before_on_disk(roots: tuple[tuple[str, str], ...], skipped: tuple[str, ...]) -> bool:
    """Whether one of the paths a `ref` tries before the page it found in the run is a page on
    disk: Hugo takes that one, in the run or not (a pre-commit hook gives a few files; the root's
    `budget.md` in the run is not what `ref "budget"` means next to `news/budget.md`). Looked up
    when the run ends, so that a result from the cache sees the files as they are now; only for
    the rare `ref` that does not find its first path, a listing per folder each."""
    return any(
        not key.endswith(BY_NAME) and content_page_on_disk(roots, key.split("\0", 2)[2])
        for key in skipped
    )


def _page(ctx: Context, url_links: list[tuple[Link, Span | None]], html: list[Span]) -> Page | None:
    """What the page gives `project_end` (None outside a site's content): its keys, its ids, and
    its links to other pages' anchors, by `ref`, by a Markdown file Hugo's link render hook
    resolves (`budget.md#the-vote`), or by URL (`url_links`). `html`: the raw HTML that holds a
    `{{< >}}` call; where the site does not render raw HTML, Goldmark drops it and hugo 0.168
    never runs the call (`_refs.omitted_call`, as ref-not-found reads it)."""
    document = ctx.document
    place = logical_path(document)
    if place is None:
        return None
    logical, base = place
    site = document.site
    assert site is not None
    prefix = f"{site.root}\0{document.language or ''}\0"
    language = (document.language or "").lower()
    section = is_section_page(document)
    own = own_url(ctx, logical, section)
    text = document.text
    refs: list[tuple[tuple[str, ...], str, tuple[int, int, int, int], str]] = []
    calls = "{" in text and "{{" in text  # `{` first: looked for by memchr
    found_calls = tuple(ref_calls(document))
    # Asked only of a page with calls, or with links to other pages.
    bundle = (
        (content_path(document) or "").lower().rpartition("/")[2].startswith("index.")
        if found_calls or url_links
        else False
    )
    omitted_in: list[Span] | None = None
    if found_calls and not site.unsafe_html_for(document.language):
        omitted_in = html
    for ref in found_calls:
        path, hash_mark, fragment = ref.written.partition("#")
        fragment = element_id(fragment)
        if not hash_mark or not fragment or not path.strip() or fragment.lower() == "top":
            continue  # no fragment, the top of the page, or this page's own (`ref "#x"`)
        if ref.other_language:
            continue  # another language's page
        if in_html_comment(document, ref.span.start):
            continue  # commented out: Hugo runs the call, but no reader sees the link
        if omitted_call(document, ref, omitted_in):
            continue  # in raw HTML the site does not render: no reader sees the link
        where = position(document, ref.span)
        keys = tuple(prefix + key for key in target_keys(path, base, logical, bundle))
        refs.append((keys, fragment, where, ref.written))
    meet: set[str] = set()
    if own is not None:
        here = "/" + own.path.rpartition("/")[0] + "/" if own.ugly else "/" + own.path + "/"
    else:
        here = "/" + logical + "/"
    hooked = site.link_render_hook if url_links else False
    embedded = site.embedded_link_hook if url_links else False
    for link, dest in url_links:
        url = link.url.strip()
        fragment = element_id(url.partition("#")[2])
        if not fragment or fragment.lower() == "top":
            continue
        where = position(document, dest if dest is not None and len(dest) else link.span)
        if embedded and link.link_type != "Html":
            page_path = _page_file(url)
            if page_path is not None:
                # Hugo's link render hook takes it for a page (`GetPage`); a path it finds no
                # page at is rendered as written, a broken link: link-relative's.
                keys = tuple(
                    prefix + key for key in _get_page_keys(page_path, logical, base, bundle)
                )
                if keys:
                    refs.append((keys, fragment, where, url))
                continue
        if hooked and not url.startswith("/") and "://" not in url:
            continue  # the hook may take it for a content path, from the page's folder
        found = _link_path(url, site, here.replace("//", "/"))
        if found is None:
            continue
        first: tuple[str, ...] = ()
        if embedded and link.link_type != "Html" and url.startswith("/"):
            # Hugo's hook looks a path up as content first (`/news/budget/` is the page of
            # `news/budget.md` wherever its URL is), and leaves it as written when none is there.
            content = _content_path_of(url)
            if content is None:
                continue
            first = (prefix + content,)
        # Without a language prefix: the default language's page, or (Hugo's link render hook,
        # on for multilingual sites, looks the path up as content) the page's own language's.
        written_in, target = found
        languages = dict.fromkeys(
            [written_in] if written_in else [site.default_language.lower(), language]
        )
        keys = first + tuple(
            f"{site.root}{marker}{lang}\0{target}" for lang in languages for marker in (_URL, _PATH)
        )
        refs.append((keys, fragment, where, url))
        leaf = target.rpartition("/")[2]
        meet.update(f"{site.root}{_LEAF}{lang}\0{leaf}" for lang in languages)
        meet.update(f"{site.root}{_SECTIONS}{lang}" for lang in languages)
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
    footnotes = "^" in text and "[^" in text
    own_keys = [prefix + logical, prefix + logical.rpartition("/")[2] + BY_NAME]
    if own is not None:
        own_keys.append(f"{site.root}{_PATH if own.derived else _URL}{language}\0{own.path}")
        if own.derived:
            meet.add(f"{site.root}{_LEAF}{language}\0{own.path.rpartition('/')[2]}")
    section_slug = None
    if section:
        section_slug = slug_of_section(document)
        meet.add(f"{site.root}{_SECTIONS}{language}")
        if section_slug and section_slug != "\0":
            meet.add(f"{site.root}{_LEAF}{language}\0{section_slug}")
    roots: tuple[tuple[str, str], ...] = ()
    if refs:
        roots = site.content_roots
    return Page(
        tuple(own_keys),
        blob,
        shortcodes,
        footnotes,
        tuple(refs),
        roots,
        tuple(sorted(meet)),
        section_slug,
    )


def _content_path_of(url: str) -> str | None:
    """The content path `GetPage` looks a `/`-path link up at, lower case, as hugo 0.168 does
    (checked with the binary): `news/budget` for `/news/budget/`, `/news/budget.html` and
    `/news/budget/index.html`; `news` for `/news/_index/`. None for another extension (`.txt`,
    an image: a resource, or nothing)."""
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return None
    folder, _, name = posixpath.normpath("/" + path).strip("/").lower().rpartition("/")
    if "." in name:
        name, _, extension = name.rpartition(".")
        if extension not in ("html", "htm"):
            return None
    if name in ("index", "_index"):
        return folder
    return f"{folder}/{name}" if folder else name


def _page_file(url: str) -> str | None:
    """The path of a link to a content file, as Hugo's link render hook gives it to `GetPage`
    (decoded, without `./` in front, query and fragment; a slash at the end dropped): None for
    another link (a URL with a scheme or host, a path that is not a `.md` file)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path).rstrip("/")
    if path.startswith("./"):
        path = path[2:]
    return path if path.lower().endswith(PAGE_SUFFIXES) and "\\" not in path else None


def _get_page_keys(path: str, logical: str, base: str, bundle: bool) -> list[str]:
    """The logical paths `GetPage` tries for a `.md` path from the page, in its order (read in
    hugo 0.168's `getContentNodeForRef` and checked with the binary): from the page's folder
    (a section page's own, a leaf bundle's section; a leaf bundle's own folder for a path that
    starts with `../`), then, unless the path starts with `.`, from the content root. No
    lookup by base name (that is `ref`'s)."""
    stem = without_page_suffix(path.lower())
    folder, _, name = stem.rpartition("/")
    if "." in name:
        return []  # `budget.fr.md`: a language Hugo drops if the site has it; not modelled
    if name in ("index", "_index"):
        stem = folder or "."
    if bundle and path.startswith("../"):
        base = logical  # Hugo takes a leaf bundle's own folder for a `../` path with `.md`
    tried = [stem.strip("/")] if path.startswith("/") else [posixpath.join(base, stem)]
    if not path.startswith((".", "/")):
        tried.append(stem)
    return content_keys(tried)


# What stands between the site root and the language in the keys of a page's URL path: `_URL`
# for the URL it has for certain (its `url`, or what a `[permalinks]` pattern makes of it),
# `_PATH` for one made of its file's path (with its own `slug`), before the `slug`s of the
# sections above it, which `project_end` applies (`_translate`).
_URL = "\0url\0"
_PATH = "\0path\0"
# Keys that only bring pages together in `project_end`: a URL path's last segment (`_LEAF`), so
# that a link through a section's `slug` meets the page; the sections of a language and the
# pages that link into it by URL (`_SECTIONS`), so that their `slug`s are known.
_LEAF = "\0leaf\0"
_SECTIONS = "\0sections\0"


def _link_path(url: str, site: Site, here: str) -> tuple[str, str] | None:
    """The language prefix written (lower case, else "") and the URL path a link to another page
    of the site leads to (as `_page_urls.own_url` gives a page's), resolved from the page's own
    URL folder `here`; None for a link elsewhere or to a file."""
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
    return split_site_path(path, site)


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
