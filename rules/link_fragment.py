"""Same-page link to an anchor the page does not have.

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
it) or that starts with the name of a shortcode the article calls (`{{< map ... >}}` and
`#map-3f9a`: a shortcode makes its element's id from its name), any fragment in an article that calls a shortcode with `{{% %}}` (its output is Markdown, with
headings of its own), ids the theme's templates write (the option `ids`, by default
`TableOfContents`, Hugo's table of contents), and every link when the site uses
`autoHeadingIDType = "blackfriday"` or gives definition terms ids (`autoDefinitionTermID`). Links to
another page's anchors are a link check's (`[links] include-fragments` for web URLs).

It is reported at the fragment's destination (`#the-vote`), where it is written.

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

import re
from dataclasses import dataclass
from urllib.parse import unquote

from newslint import Edit, Fix, Rule, Severity
from newslint.document import Document
from newslint.events import Html, Link
from newslint.rule import Context
from newslint.spans import Span

from ._anchors import anchor_name, page_ids
from ._body import _SHORTCODE, _SHORTCODE_CALL
from ._html_links import links_in
from ._links import Destinations

_PLAIN_ID = re.compile(r"[\w-]+")


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
    }
    Options = Options

    def __init__(self) -> None:
        self.destinations: Destinations | None = None
        self.links: list[tuple[Link, Span | None]] = []

    def on_link(self, ctx: Context, link: Link) -> None:
        url = link.url.strip()
        if not url.startswith("#") or url.lower() in ("#", "#top"):
            return
        self.destinations = self.destinations or Destinations(ctx.document)
        dest = self.destinations.of(link)
        if self.destinations.first_time(link, dest):
            self.links.append((link, dest))

    def on_html(self, ctx: Context, node: Html) -> None:
        for link in links_in(ctx.document, node):
            self.on_link(ctx, link)

    def on_document_end(self, ctx: Context, document: Document) -> None:
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
        # A shortcode that writes an element per call names it after itself and makes it unique
        # (`{{ .Name }}-{{ .Ordinal }}`, a hash of its arguments): `{{< karte ... >}}` and
        # `#karte-fb1d860f...`.
        name = _SHORTCODE.match(call.group(0))
        if name is not None and lowered.startswith(name.group(2).lower()):
            rest = lowered[len(name.group(2)) :]
            if not rest or rest[0] in "-_" or rest.isdigit():
                return True
    return False


def _close(fragment: str, ids: frozenset[str]) -> str | None:
    """The one id the fragment was meant to be: the same but for case, or the id of the fragment
    read as a heading text. Only plain ids (letters, digits, `_`, `-`), which any destination
    holds without escaping."""
    decoded = unquote(fragment)
    wanted = {decoded.lower(), anchor_name(decoded)}
    found = [i for i in ids if _PLAIN_ID.fullmatch(i) and i.lower() in wanted]
    return found[0] if len(found) == 1 else None
