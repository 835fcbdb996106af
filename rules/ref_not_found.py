"""`ref` or `relref` to a page the site does not have, or does not build.

## What it does
Flags the path of a `{{< ref "..." >}}` or `{{< relref "..." >}}` shortcode (also with `{{% %}}` or
a `path` argument, with or without a `#fragment`) that finds no page: hugo 0.168 stops the build
with `REF_NOT_FOUND`, or, when the article's language or the site sets `refLinksErrorLevel =
"warning"` (any case; the language's own value first), warns and links to `refLinksNotFoundURL`
(else to nothing); this rule then reports a warning. The path is resolved as link-fragment resolves
it, as Hugo does (from the article's folder, a leaf bundle's section, then from the content root
unless the path starts with `.`; with or without an extension, a bundle's `index.md` or a section's
`_index.md` by its folder; without regard to case). A `lang` argument (`{{< ref path="x" lang="fr"
>}}`) looks among that language's pages.

It is reported only when newslint is sure: every path Hugo would try is neither a page of the
run nor a file or folder on disk (any extension) that may be a page of the calling page's
language (Hugo finds only the language's own: a file is in the language its name says,
`budget.fr.md`, else its content folder's, else the default one), in the site's content folders
or its theme components' (a
pre-commit hook given a few files sees the others on disk; the disk is looked at when the run
ends, so a result from the cache sees a page added since). A page of the run that Hugo does not
build is reported as such: a draft (unless `buildDrafts`), a page dated in the future or expired
(unless `buildFuture`, `buildExpired`), by the clock when the run ends; from a page Hugo builds,
or from a draft that `hugo -D` would render (checked with hugo 0.168: it fails there for a
future page, not for a draft). A bare name (`ref "budget"`, and `relref "budget"` alike, found
nowhere as a path) Hugo looks up as the base name of any page it builds in the page's language,
and fails when there are several (reported when two pages of the run have it) or none (it finds
a section, an automatic one too, and a term of the page's language: `ref "politics"` finds the
term page of `tags: [Politics]`): reported when no page of the run carries a term of that name,
no other content file or folder on disk may be a page of that name, and the run holds a page of
that name Hugo does not build (a draft, a future or expired page) or builds in another language
only, or holds no page of that name but every content file of the site (`--project`, or a run of
the whole site: the count of its files on disk is the run's, no content adapter). One the run
holds no page of is left alone when the run may miss a page, or a page's term (a pre-commit hook
given a few files, a file left out of the run, a theme's own content; a term newslint cannot
read: a float, a date).

An output format the call names (`outputFormat="amp"`, or `ref "x" "amp"`) that neither Hugo nor the
site (`[outputFormats]`) defines fails the build too, whatever the page: reported at the format's
name.

Left alone: a path into a taxonomy (`/tags/politics`), an `outputFormat` Hugo or the site defines
but the page lacks (`"rss"` for an article), a `lang` the site does not have, a `ref` to a fragment
of its own page (`ref "#vote"`), a `{{< >}}` call in raw HTML (`<!-- -->`, `<div>`) on a site that
does not render raw HTML (`markup.goldmark.renderer.unsafe`: Goldmark omits it, and Hugo never runs
the call), or, on such a site, after a `{{% name %}}` call that starts a line, to the next blank
line (what its template writes is Markdown: a tag, `<div class="box">`, starts an HTML block
Goldmark omits; not after `ref`, `relref` or `param`); a call in the body of a `{{% %}}` call runs
with it, in raw HTML too, and one in the body of a `{{< >}}` call where that call does (checked
with hugo 0.168). Left alone too: the calls of a page readers never see (`headless: true`, `build`
with `render` and `list` never, a leaf bundle's resource: they run only if a template shows its
content), and every call on a site with a content adapter (`_content.gotmpl`, anywhere: hugo 0.168
lets `news/_content.gotmpl` add `../x`, the page `/x`) or a theme component that is a module not on
disk (`github.com/x/y`, which Hugo fetches). A `ref` in a draft to a missing page is reported:
`hugo` builds without the draft, `hugo -D` and its publication fail.

It is reported at the shortcode's path argument.

## Why is this bad?
The site does not build (`hugo` exits with an error), or with the warning level the link leads
nowhere.

## Example
    See [the earlier story]({{< ref "./articel.md" >}}).

## Use instead
    See [the earlier story]({{< ref "./article.md" >}}).
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Hashable
from typing import Any, NamedTuple
from urllib.parse import unquote

from newslint import Rule, Severity
from newslint.document import Document
from newslint.events import Collected, Html
from newslint.rule import GROUP_ALWAYS, Context, CountedKey, ProjectContext, SoughtKey
from newslint.site import (
    PageLanguages,
    Site,
    content_adapter_on_disk,
    content_file_on_disk,
    content_names_on_disk,
    path_segment,
)
from newslint.spans import Span

from . import _dates
from ._crossfile import content_path, every_page_in_run, position
from ._page_urls import config_true, logical_path, publish_window
from ._pages import hugo_true, hugo_value, never_shown
from ._refs import BY_NAME, RefCall, omitted_call, ref_calls, target_keys


class RefPage(NamedTuple):
    """What a page of a site's content gives `project_end` (plain data, cached with the file);
    one without `ref` calls gives its keys alone, to say that it is in the run."""

    own: str  # its key: site root, language and logical path, NUL-separated
    # Its calls: (the keys of the paths Hugo may try, the position of the path, the path).
    refs: tuple[tuple[tuple[str, ...], tuple[int, int, int, int], str], ...]
    roots: tuple[tuple[str, str], ...]  # the content folders, the themes' included
    warning: bool  # `refLinksErrorLevel = "warning"`
    not_found_url: str  # `refLinksNotFoundURL`
    # Its key by base name (`BY_NAME`), "" for a bundle's resource, which is no page.
    name: str = ""
    draft: bool = False  # a draft the site does not build (no `buildDrafts`)
    # When it is built, as `publish_window` gives it (None: cannot be told).
    window: tuple[int | None, int | None] | None = (None, None)
    # What tells the language of a file in `roots` (None: a site of one language).
    languages: PageLanguages | None = None
    # Its taxonomy terms, lower case (keys by base name: `_term_keys`): `ref "politics"` finds
    # the term's page.
    terms: tuple[str, ...] = ()
    # A taxonomy value whose term newslint cannot write as Hugo does (a float, a date, a map).
    unread_terms: bool = False


class RefNotFound(Rule):
    code = "LK009"
    name = "ref-not-found"
    severity = Severity.ERROR
    messages = {
        "missing": "no page {page!r} for this ref: hugo fails the build (REF_NOT_FOUND)",
        "missing-warned": (
            "no page {page!r} for this ref: hugo warns (REF_NOT_FOUND) and links to {url!r}"
        ),
        "unbuilt": (
            "page {page!r} is {why}, which hugo does not build: it fails the build (REF_NOT_FOUND)"
        ),
        "unbuilt-warned": (
            "page {page!r} is {why}, which hugo does not build: it warns (REF_NOT_FOUND) and"
            " links to {url!r}"
        ),
        "ambiguous": (
            "{page!r} is the base name of {count} pages ({pages}): hugo fails the build"
            " (REF_NOT_FOUND, ambiguous)"
        ),
        "format": "no output format {format!r}: hugo fails the build (REF_NOT_FOUND)",
        "format-warned": (
            "no output format {format!r}: hugo warns (REF_NOT_FOUND) and links to {url!r}"
        ),
        "ambiguous-warned": (
            "{page!r} is the base name of {count} pages ({pages}): hugo warns (REF_NOT_FOUND,"
            " ambiguous) and links to {url!r}"
        ),
    }

    def __init__(self) -> None:
        self.page: RefPage | None = None
        self.html: list[Span] = []

    def on_html(self, ctx: Context, node: Html) -> None:
        if "{{<" in node.text:
            self.html.append(node.span)

    def on_document_end(self, ctx: Context, document: Document) -> None:
        self.page = _ref_page(ctx, document, self.html)
        if self.page is not None and self.page.refs:  # (a page of the run: a site's)
            _unknown_formats(ctx, document, self.html)

    def collect(self) -> RefPage | None:
        return self.page

    @classmethod
    def group_keys(cls, data: RefPage) -> tuple[Hashable, ...]:
        """A page with `ref` calls gives `GROUP_ALWAYS` and the keys its calls may find; every
        page gives its own keys (its path's, its base name's, its terms' by base name) as
        `SoughtKey`s: `project_end` then gets the pages with calls and the pages of the run they
        may find, not every page, nor every page that shares a tag with another (peak memory must
        not grow with the number of files). Every page (no bundle's resource) is counted by site,
        and so is a page with a term newslint cannot read: a bare name found nowhere is judged
        only when the run holds every page, and so every term, of the site
        (`every_page_in_run`)."""
        terms = _term_keys(data)
        own = (data.own, data.name, *terms) if data.name else (data.own, *terms)
        given: tuple[Hashable, ...] = tuple(SoughtKey(key) for key in own)
        root = data.own.partition("\0")[0]
        if data.name:
            given += (CountedKey(("pages", root)),)
        if data.unread_terms:
            given += (CountedKey(("unread terms", root)),)
        if not data.refs:
            return given
        return (GROUP_ALWAYS, *given, *(key for keys, _, _ in data.refs for key in keys))

    @classmethod
    def project_end(cls, ctx: ProjectContext, collected: list[Collected]) -> None:
        now = _dates.clock().epoch()[0]
        unbuilt: dict[str, str] = {}  # a page of the run Hugo does not build: why
        built: set[str] = set()
        # Base name key: the built pages of that name, by their key (`news/budget.md` and
        # `news/budget.en.md` are one page to Hugo, which keeps one of the two files).
        names: dict[str, dict[str, str]] = {}
        # The pages of the run by base name in any language, for a bare name that finds none:
        # (path, why Hugo does not build it, its key by base name).
        named: dict[str, list[tuple[str, str | None, str]]] = {}
        terms: set[str] = set()
        for entry in collected:
            page: RefPage = entry.data
            why = _unbuilt(page, now)
            terms.update(_term_keys(page))
            if page.name:
                named.setdefault(_any_language(page.name), []).append((entry.path, why, page.name))
            if why is None:
                built.add(page.own)
                if page.name:
                    names.setdefault(page.name, {}).setdefault(page.own, entry.path)
            else:
                unbuilt.setdefault(page.own, why)
        adapters: dict[tuple[tuple[str, str], ...], bool] = {}
        whole: dict[str, bool] = {}  # by site root: whether the run holds every page, every term
        for entry in collected:
            page = entry.data
            for keys, where, written in page.refs:
                paths = [key for key in keys if not key.endswith(BY_NAME)]
                if any(key in built for key in paths):
                    continue
                missed = [key for key in paths if key in unbuilt]
                if any(
                    content_file_on_disk(page.roots, *_disk_key(key), page.languages)
                    for key in paths
                    if key not in unbuilt
                ):
                    continue
                by_name = [key for key in keys if key.endswith(BY_NAME)]
                path = written.partition("#")[0]
                if by_name:
                    # A bare name: the one page of that base name, built; Hugo fails when it
                    # finds several. None of the run may still be a page on disk or a term.
                    same = sorted(names.get(by_name[0], {}).values())
                    if len(same) > 1:
                        shown = ", ".join(same[:2]) + (", ..." if len(same) > 2 else "")
                        _report(
                            ctx,
                            entry,
                            page,
                            where,
                            written,
                            "ambiguous",
                            page=path,
                            count=len(same),
                            pages=shown,
                        )
                    elif not same and by_name[0] not in terms:
                        _unbuilt_name(
                            ctx, entry, page, by_name[0], named, where, written, now, whole
                        )
                    continue
                if page.roots not in adapters:
                    adapters[page.roots] = content_adapter_on_disk(page.roots)
                if adapters[page.roots]:
                    continue
                if missed:
                    why = unbuilt[missed[0]]
                    # Reported where Hugo renders the calling page and not its target: the site
                    # as configured, or `hugo -D` for a draft (which builds a draft target).
                    source = _unbuilt(page, now)
                    if source is None or (source == "a draft" and why != "a draft"):
                        _report(ctx, entry, page, where, written, "unbuilt", page=path, why=why)
                    continue
                _report(ctx, entry, page, where, written, "missing", page=path)


# The output formats hugo 0.168 defines (`hugo config`), by lower-case name.
_HUGO_FORMATS = frozenset(
    {"alias", "amp", "calendar", "css", "csv", "gotmpl", "html", "json", "markdown", "robots"}
    | {"rss", "sitemap", "sitemapindex", "webappmanifest"}
)


def _unknown_formats(ctx: Context, document: Document, html: list[Span]) -> None:
    """Report the output formats the page's calls name that neither Hugo nor the site defines
    (`[outputFormats]`, any case): hugo 0.168 fails the build for those whatever the page
    (REF_NOT_FOUND, "output format"). One the site defines but the page lacks is left alone
    (its outputs depend on templates and kinds newslint does not follow)."""
    site = document.site
    if site is None or never_shown(document) or site.all_content_roots is None:
        return
    omitted_in: list[Span] | None = None if site.unsafe_html_for(document.language) else html
    defined = site.raw.get("outputformats")
    known = (
        _HUGO_FORMATS | {str(k).lower() for k in defined}
        if isinstance(defined, dict)
        else _HUGO_FORMATS
    )
    language = document.language or site.default_language
    level = str(site.setting_for(language, "reflinkserrorlevel") or "").lower()
    url = site.setting_for(language, "reflinksnotfoundurl")
    for call in ref_calls(document):
        if call.output_format is None or call.format_span is None or not call.output_format:
            continue
        if omitted_call(document, call, omitted_in):
            continue
        if call.output_format.strip().lower() in known:
            continue
        if level == "warning":
            shown = url if isinstance(url, str) else ""
            ctx.report(
                call.format_span,
                "format-warned",
                severity=Severity.WARNING,
                format=call.output_format,
                url=shown,
            )
        else:
            ctx.report(call.format_span, "format", format=call.output_format)


def _any_language(name_key: str) -> str:
    """A key by base name without its language."""
    root, _, rest = name_key.split("\0", 2)
    return f"{root}\0{rest}"


def _unbuilt_name(
    ctx: ProjectContext,
    entry: Collected,
    page: RefPage,
    name_key: str,
    named: dict[str, list[tuple[str, str | None, str]]],
    where: tuple[int, int, int, int],
    written: str,
    now: int,
    whole: dict[str, bool],
) -> None:
    """Report a bare name that finds no page Hugo builds in the calling page's language, where
    the run holds a page of that name Hugo does not build (a draft, a future or expired page:
    "unbuilt") or one of another language only ("missing"), or holds no page of that name but
    every page of the site (so every term, none of that name: "missing"), and no other file or
    folder on disk may be a page of that name (hugo 0.168 fails the build: page not found). One
    the run holds no page of while it may not hold every page is left alone: it may be a page
    not in the run, or a term one of those carries."""
    root, language, _ = name_key.split("\0", 2)
    language = language.lower()
    mine = [
        (path, why) for path, why, key in named.get(_any_language(name_key), []) if key == name_key
    ]
    others = [path for path, _, key in named.get(_any_language(name_key), []) if key != name_key]
    if not mine and not others:
        if root not in whole:
            whole[root] = every_page_in_run(ctx, root) and not ctx.count(("unread terms", root))
        if not whole[root]:
            return
    name = name_key.split("\0", 2)[2].removesuffix(BY_NAME)
    known = {os.path.abspath(path) for path, _ in mine}
    for found in content_names_on_disk(page.roots, name, language, page.languages):
        if found not in known and not any(k.startswith(found + os.sep) for k in known):
            return  # a page of that name the run does not hold, or holds as another language's
    path = written.partition("#")[0]
    source = _unbuilt(page, now)
    if mine:
        why = next(why for _, why in mine if why is not None)
        if source is None or (source == "a draft" and why != "a draft"):
            _report(ctx, entry, page, where, written, "unbuilt", page=path, why=why)
    else:
        _report(ctx, entry, page, where, written, "missing", page=path)


def _disk_key(key: str) -> tuple[str, str]:
    """The logical path of a page's key and its language, lower case."""
    _, language, logical = key.split("\0", 2)
    return logical, language.lower()


def _report(
    ctx: ProjectContext,
    entry: Collected,
    calling: RefPage,
    where: tuple[int, int, int, int],
    written: str,
    message: str,
    **values: Any,
) -> None:
    """Report `message`, or its warning (`-warned`) where the page's language or site sets
    `refLinksErrorLevel = "warning"`."""
    if calling.warning:
        ctx.report(
            entry.path,
            where,
            message + "-warned",
            severity=Severity.WARNING,
            source_text=written,
            url=calling.not_found_url,
            **values,
        )
    else:
        ctx.report(entry.path, where, message, source_text=written, **values)


def _unbuilt(page: RefPage, now: int) -> str | None:
    """Why hugo 0.168 does not build the page now ("a draft", "dated in the future",
    "expired"); None when it does, or that cannot be told."""
    if page.draft:
        return "a draft"
    if page.window is None:
        return None
    published_from, expires = page.window
    if published_from is not None and published_from > now:
        return "dated in the future"
    if expires is not None and expires <= now:
        return "expired"
    return None


def _ref_page(ctx: Context, document: Document, html: list[Span]) -> RefPage | None:
    """The page's keys and its `ref` calls that may find no page (None outside a site's content,
    or when its site has a module component that is not on disk). `html`: the raw HTML that
    holds a `{{< >}}` call; where the site does not render raw HTML, Goldmark drops it, and
    hugo 0.168 never runs the call (a `ref` in `<!-- -->` or `<div>` breaks no build; see
    `_refs.omitted_call`)."""
    place = logical_path(document)
    site = document.site
    if place is None or site is None:
        return None
    logical, base = place
    prefix = f"{site.root}\0{document.language or ''}\0"
    # A page readers never see (headless, a bundle's resource) is built only as far as a
    # template draws on it: its calls run, and fail, only if one shows its content.
    calls = () if never_shown(document) else tuple(ref_calls(document))
    refs = _refs(document, site, calls, html, prefix, logical, base) if calls else []
    name = ""
    if not document.bundle_resource:
        name = prefix + logical.rpartition("/")[2] + BY_NAME
    language = document.language or site.default_language
    draft = hugo_true(document, "draft") and not config_true(site.raw.get("builddrafts"))
    window = publish_window(ctx, site, language)
    found_terms, unread = _terms(document, site)
    if not refs:
        return RefPage(
            prefix + logical, (), (), False, "", name, draft, window, None, found_terms, unread
        )
    roots = site.all_content_roots
    if roots is None:
        return None
    # The language's own setting (`[languages.fr]`), else the site's: hugo 0.168 reads both.
    level = str(site.setting_for(language, "reflinkserrorlevel") or "").lower()
    url = site.setting_for(language, "reflinksnotfoundurl")
    several = len(site._known_languages()) > 1
    return RefPage(
        prefix + logical,
        tuple(refs),
        roots,
        level == "warning",
        url if isinstance(url, str) else "",
        name,
        draft,
        window,
        site.page_languages() if several else None,
        found_terms,
        unread,
    )


def _refs(
    document: Document,
    site: Site,
    calls: tuple[RefCall, ...],
    html: list[Span],
    prefix: str,
    logical: str,
    base: str,
) -> list[tuple[tuple[str, ...], tuple[int, int, int, int], str]]:
    """`_ref_page`'s calls that may find no page: for each, the keys of the paths Hugo may try,
    the position of the path and the path as written (asked only of a page with calls)."""
    bundle = (content_path(document) or "").lower().rpartition("/")[2].startswith("index.")
    taxonomies = {
        plural.lower()
        for language in (None, *site.language_names)
        for plural in site.taxonomies_for(language).values()
    }
    omitted_in: list[Span] | None = None if site.unsafe_html_for(document.language) else html
    languages = {name.lower(): name for name in site.language_names}
    refs = []
    for call in calls:
        if omitted_call(document, call, omitted_in):
            continue  # where Goldmark omits raw HTML: Hugo never runs the call
        path = call.written.partition("#")[0]
        if not path.strip():
            continue  # this page's own fragment
        keys_prefix = prefix
        if call.language is not None:
            # Another language's page (`lang="fr"`), looked for among that language's pages.
            named = languages.get(call.language.strip().lower())
            if named is None:
                continue  # a language the site does not have, or a value not read
            keys_prefix = f"{site.root}\0{named}\0"
        tried = _tried(path, base, logical, bundle)
        if any(key.partition("/")[0] in taxonomies for key in tried):
            continue  # a taxonomy's page, or a term's
        names = [key.removesuffix(BY_NAME) for key in tried if key.endswith(BY_NAME)]
        if names and (len(names) > 1 or "." in names[0] or call.language is not None):
            continue  # a bare name with a dot (`budget.fr`), escaped, or in another language
        where = position(document, call.span)
        keys = [keys_prefix + key for key in tried]
        # A bare name's page in another language: Hugo does not find it, and the run's own says
        # the name meant it (`_unbuilt_name`); its key brings it to `project_end`.
        if names:
            keys += [f"{site.root}\0{lang}\0{names[0]}{BY_NAME}" for lang in own_languages(site)]
        refs.append((tuple(dict.fromkeys(keys)), where, call.written))
    return refs


def own_languages(site: Site) -> tuple[str, ...]:
    """The site's languages as pages' keys name them, when it has several."""
    return site.language_names if len(site.language_names) > 1 else ()


def _term_keys(page: RefPage) -> tuple[str, ...]:
    """The page's terms as keys by base name, in its language."""
    if not page.terms:
        return ()
    prefix = page.own[: page.own.rindex("\0") + 1]
    return tuple(prefix + term + BY_NAME for term in page.terms)


def _terms(document: Document, site: Site) -> tuple[tuple[str, ...], bool]:
    """The page's taxonomy terms (its own or cascaded), as written in lower case and as Hugo
    writes them in paths; and whether a value is one whose term cannot be told (a float, a date,
    a map: Hugo makes a term of it by rules newslint does not follow)."""
    found: set[str] = set()
    unread = False
    for plural in site.taxonomies_for(document.language).values():
        value = hugo_value(document, plural.lower())
        for term in value if isinstance(value, list) else [value]:
            if isinstance(term, bool):
                found.add(str(term).lower())  # (`tags: [yes]` is the text `yes` already)
            elif isinstance(term, str | int):
                if str(term).strip():
                    text = str(term).strip().lower()
                    found.update((text, path_segment(text)))
            elif term is not None:
                unread = True
    return tuple(sorted(found)), unread


def _tried(path: str, base: str, logical: str, bundle: bool) -> list[str]:
    """The keys Hugo may try for `path`, and more: hugo 0.168 reads it as a URL (a query dropped,
    `%20` decoded) and drops any extension (`budget.html` finds `budget.md`); each way is tried,
    as written too, so that a page any of them finds is never reported."""
    tried: list[str] = []
    for variant in dict.fromkeys((path, unquote(path.partition("?")[0]))):
        stem, extension = posixpath.splitext(variant.strip())
        ways = [variant, stem] if extension and "/" not in extension else [variant]
        for way in ways:
            tried += [k for k in target_keys(way, base, logical, bundle) if k not in tried]
    return tried
