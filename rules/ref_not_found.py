"""`ref` or `relref` to a page the site does not have.

## What it does
Flags the path of a `{{< ref "..." >}}` or `{{< relref "..." >}}` shortcode (also with `{{% %}}`
or a `path` argument, with or without a `#fragment`) that finds no page: hugo 0.168 stops the
build with `REF_NOT_FOUND`, or, when the article's language or the site sets
`refLinksErrorLevel = "warning"` (any case; the language's own value first), warns and links to
`refLinksNotFoundURL` (else to nothing); this rule then reports a warning. The path is resolved
as link-fragment resolves it, as Hugo does (from the article's folder, a leaf bundle's section,
then from the content root unless the path starts with `.`; with or without an extension, a
bundle's `index.md` or a section's `_index.md` by its folder; without regard to case).

It is reported only when newslint is sure: every path Hugo would try is neither a page of the
run nor a file or folder on disk (any extension, any language), in the site's content folders
or its theme components' (a pre-commit hook given a few files sees the others on disk; the disk
is looked at when the run ends, so a result from the cache sees a page added since). Left alone:
a bare name (`ref "budget"`, which Hugo also looks up as the base name of any page and as a
taxonomy term), a path into a taxonomy (`/tags/politics`), a `ref` with a `lang` argument, one
to a fragment of its own page (`ref "#vote"`), a `{{< >}}` call in raw HTML (`<!-- -->`,
`<div>`) on a site that does not render raw HTML (`markup.goldmark.renderer.unsafe`: Goldmark
omits it, and Hugo never runs the call), the calls of a page readers never see (`headless:
true`, `build` with `render` and `list` never, a leaf bundle's resource: they run only if a
template shows its content), and every call on a site with a content adapter
(`_content.gotmpl`) or a theme component that is a module not on disk (`github.com/x/y`, which
Hugo fetches). A draft, a future or an expired page is on disk: Hugo does not build it and fails
the same, but this rule cannot tell. A `ref` in a draft is reported: `hugo` builds without the
draft, `hugo -D` and its publication fail.

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

import posixpath
from typing import NamedTuple
from urllib.parse import unquote

from newslint import Rule, Severity
from newslint.document import Document
from newslint.events import Collected, Html
from newslint.rule import GROUP_ALWAYS, Context, ProjectContext
from newslint.site import content_adapter_on_disk, content_file_on_disk
from newslint.spans import Span

from ._crossfile import content_path, position
from ._page_urls import logical_path
from ._pages import never_shown
from ._refs import BY_NAME, ref_calls, target_keys


class RefPage(NamedTuple):
    """What a page of a site's content gives `project_end` (plain data, cached with the file);
    one without `ref` calls gives its key alone, to say that it is in the run."""

    own: str  # its key: site root, language and logical path, NUL-separated
    # Its calls: (the keys of the paths Hugo may try, the position of the path, the path).
    refs: tuple[tuple[tuple[str, ...], tuple[int, int, int, int], str], ...]
    roots: tuple[tuple[str, str], ...]  # the content folders, the themes' included
    warning: bool  # `refLinksErrorLevel = "warning"`
    not_found_url: str  # `refLinksNotFoundURL`


class RefNotFound(Rule):
    code = "LK009"
    name = "ref-not-found"
    severity = Severity.ERROR
    messages = {
        "missing": "no page {page!r} for this ref: hugo fails the build (REF_NOT_FOUND)",
        "missing-warned": (
            "no page {page!r} for this ref: hugo warns (REF_NOT_FOUND) and links to {url!r}"
        ),
    }

    def __init__(self) -> None:
        self.page: RefPage | None = None
        self.html: list[Span] = []

    def on_html(self, ctx: Context, node: Html) -> None:
        if "{{<" in node.text:
            self.html.append(node.span)

    def on_document_end(self, ctx: Context, document: Document) -> None:
        self.page = _ref_page(document, self.html)

    def collect(self) -> RefPage | None:
        return self.page

    @classmethod
    def group_keys(cls, data: RefPage) -> tuple[str, ...]:
        """A page's own key; a page with `ref` calls gives the keys its calls may find too, and
        `GROUP_ALWAYS`: `project_end` then gets the pages with calls and the pages of the run
        they may find, not every page (peak memory must not grow with the number of files)."""
        if not data.refs:
            return (data.own,)
        return (GROUP_ALWAYS, data.own, *(key for keys, _, _ in data.refs for key in keys))

    @classmethod
    def project_end(cls, ctx: ProjectContext, collected: list[Collected]) -> None:
        in_run = {entry.data.own for entry in collected}
        adapters: dict[tuple[tuple[str, str], ...], bool] = {}
        for entry in collected:
            page: RefPage = entry.data
            for keys, where, written in page.refs:
                if any(key in in_run for key in keys):
                    continue
                if any(content_file_on_disk(page.roots, key.split("\0", 2)[2]) for key in keys):
                    continue
                if page.roots not in adapters:
                    adapters[page.roots] = content_adapter_on_disk(page.roots)
                if adapters[page.roots]:
                    continue
                path = written.partition("#")[0]
                if page.warning:
                    ctx.report(
                        entry.path,
                        where,
                        "missing-warned",
                        severity=Severity.WARNING,
                        source_text=written,
                        page=path,
                        url=page.not_found_url,
                    )
                else:
                    ctx.report(entry.path, where, "missing", source_text=written, page=path)


def _ref_page(document: Document, html: list[Span]) -> RefPage | None:
    """The page's key and its `ref` calls that may find no page (None outside a site's content,
    or when its site has a module component that is not on disk). `html`: the raw HTML that
    holds a `{{< >}}` call; where the site does not render raw HTML, Goldmark drops it, and
    hugo 0.168 never runs the call (a `ref` in `<!-- -->` or `<div>` breaks no build)."""
    place = logical_path(document)
    site = document.site
    if place is None or site is None:
        return None
    logical, base = place
    prefix = f"{site.root}\0{document.language or ''}\0"
    bundle = (content_path(document) or "").lower().rpartition("/")[2].startswith("index.")
    taxonomies = {
        plural.lower()
        for language in (None, *site.language_names)
        for plural in site.taxonomies_for(language).values()
    }
    if site.unsafe_html_for(document.language):
        html = []
    refs = []
    # A page readers never see (headless, a bundle's resource) is built only as far as a
    # template draws on it: its calls run, and fail, only if one shows its content.
    calls = () if never_shown(document) else ref_calls(document)
    for call in calls:
        if not call.markdown and any(s.start <= call.span.start < s.end for s in html):
            continue  # in raw HTML Goldmark omits: Hugo never runs the call
        path = call.written.partition("#")[0]
        if not path.strip() or call.other_language:
            continue  # this page's own fragment, or another language's page
        tried = _tried(path, base, logical, bundle)
        if any(key.endswith(BY_NAME) for key in tried):
            continue  # a bare name: any page's base name, or a taxonomy's term
        if any(key.partition("/")[0] in taxonomies for key in tried):
            continue  # a taxonomy's page, or a term's
        where = position(document, call.span)
        refs.append((tuple(prefix + key for key in tried), where, call.written))
    if not refs:
        return RefPage(prefix + logical, (), (), False, "")
    roots = site.all_content_roots
    if roots is None:
        return None
    # The language's own setting (`[languages.fr]`), else the site's: hugo 0.168 reads both.
    language = document.language or site.default_language
    level = str(site.setting_for(language, "reflinkserrorlevel") or "").lower()
    url = site.setting_for(language, "reflinksnotfoundurl")
    return RefPage(
        prefix + logical,
        tuple(refs),
        roots,
        level == "warning",
        url if isinstance(url, str) else "",
    )


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
