"""Link that is empty, runs script, has no host, or does not render.

## What it does
Flags links and images that cannot work:

- empty links and images, `[]()` and `![]()`, and links with a URL but no text (`[](url)`,
  a warning: nothing to see or click);
- a link with text but no destination, `[text]()`, and an image with no source, `![alt]()`;
- `javascript:` links (scraped buttons such as `[Watchlist](javascript:void(0))`);
- a link or image whose destination is a program's word for no value, `undefined`, `null`,
  `NULL`, `None`, `nil` or `NaN`, as an exporter writes a missing address (a Medium export's
  `[Ivan Sim](undefined)`, a Python scraper's `[photo](None)`): the browser asks for a page of
  that name next to the article (also in raw HTML, `href="undefined"`);
- web URLs without a host (`http:///x`, `https://`) and URLs with a second scheme where the host
  should be (`http://mailto:desk@example.org`, `https://https://x.org`);
- a `[text](https://... with a space)` that Markdown does not turn into a link at all, so the
  reader sees the brackets and the URL (a tab or a line break in the URL does the same); a
  shortcode call's own spaces, quoted arguments included, do not count, as Hugo puts the call's
  output in its place first, but one outside the call does
  (`[a](https://x.org/{{< param "id" >}}/my page)`: hugo 0.168 shows it as typed);
- a `[text(https://...)` whose `]` between the text and the URL was left out (hugo 0.168 shows
  it as typed: Markdown makes no link, and linkify leaves a URL right after a `(` alone); not
  when a `]` later on the line closes the bracket (`[see (https://...) too]`), nor when the text
  holds a parenthesis;
- a `[text] (https://...)` with white space between the brackets and the parentheses (as
  translation tools and hand editing leave it), which is no link either, unless `[text]` is a
  reference link defined in the article;
- a URL with what is left of an HTML attribute when `<a href="url">text</a>` was converted
  badly: one `"` at its end (`[text](https://x.org/a")`) or a `">` in it. A browser requests `%22`
  as part of the address, so the link goes to a page that does not exist. Quotes in pairs (a
  search query, `?q="budget"`) are left alone.
- a web URL whose query went through an HTML decoder that reads entities without their `;` (as
  Python's `html.unescape` and BeautifulSoup do): `?action=view&current=a.jpg` comes out as
  `?action=view¤t=a.jpg` (`&curren` is `¤`), `&region=` as `®ion=`, `&section=` as `§ion=`,
  so the browser asks for another address. A legacy entity's character counts where a
  parameter's name and `=` follow it in the query; the ASCII ones (`&amp`, `&lt`) cannot be told
  from a real URL and are left alone.
- a web URL with no `?` whose query was percent-encoded into its path, as search alerts and feed
  readers pass links on: `https://x.org/download%3Fformat%3Dpdf` asks the server for a file named
  `download?format=pdf` (a `%3F`, a parameter name and `%3D` count; a `%3F` alone may belong to
  a file name);
- a web or e-mail address written without its scheme (`[cats](icanhascheezburger.com)`,
  `[w](www.example.org/a)`, `[mail](desk@example.org)`, as a CMS's link dialog lets one
  through): the browser takes it for a page next to the article (hugo 0.168 writes
  `href="desk@example.org"`; an autolink, `<desk@example.org>`, is Markdown's e-mail link to
  `mailto:desk@example.org`, and left alone). Only `www.` addresses, the generic top-level
  domains (`.com`, `.org`, `.net`, `.edu`, `.gov`) and a country's generic second-level ones
  (`ufrj.edu.br`, `bbc.co.uk`, `u-tokyo.ac.jp`, `insee.gouv.fr`) count, which few file names end
  in; with a port
  (`www.x.org:8080/a`) the browser takes the host for a scheme of its own, and a last label that is
  a file's extension (`www.backup.tar`) may be a file's name and is left alone. `.org` and `.com`
  are also the extensions of Org-mode and DOS program files: a destination that names a file or
  folder next to the article (`[notes](notes.org)` with `notes.org` in the page bundle) is a
  relative link that works, and is left alone (link-relative judges it; `./notes.org` says the
  same without the file).
- a web URL in one more pair of parentheses, `[text]((https://x.org/a))`: Markdown takes the
  parentheses into the URL, which is then an address next to the article that does not exist;
  Go's URL parser rejects it (`first path segment in URL cannot contain colon`), so where Hugo's
  own link render hook renders the links (by default on a multilingual site without a
  `render-link` template of its own) the build fails (hugo 0.168);
- a web URL in square brackets, `[text]([https://x.org/a])` (a template's placeholder filled in
  around its brackets), or a whole Markdown link pasted where the URL belongs,
  `[text]([label](https://x.org/a))`: Markdown takes the brackets into the URL, an address next to
  the article that does not exist, and Go's URL parser rejects it, so where Hugo's own link render
  hook renders the links the build fails (hugo 0.168). When the pasted link's label has white
  space in it (`[text]([a label](https://x.org/a))`) the outer link is no link at all: only the
  pasted one is, and readers see `[text](` before it and `)` after it (not when `[text]` is a
  reference link defined in the article);
- a URL with a `%` that starts no percent escape (`https://x.org/100%`, `?q=50%off`), in a Markdown
  link, an autolink or a bare URL: an invalid URL that servers refuse, and that Go's URL parser
  rejects, so where Hugo's own link render hook renders the links (by default on a multilingual
  site without a `render-link` template of its own) the build fails (hugo 0.168);
- a link whose text and URL are swapped, as a bad WordPress export writes them:
  `[https://x.org/a](Announcement)` links to a page `Announcement` next to the article, and
  `[https://x.org/a](1 History)` (a space in the "URL") is no link at all. The text must be one
  web URL and the destination words that cannot be an address: no scheme, no `/`, `#`, `?` or
  `.` at its start, no `/` in it, and a space or no `.` (so `page.html` stays a relative link).
- a link whose destination is no URL but has white space in it and a `/` in its first word
  (`[intro](Hacks/Hackers Dublin: Workshop)`, a title pasted where the address belongs;
  `[report](files/annual report.pdf)`), which Markdown shows as typed; not when the bracketed
  text is a reference link defined in the article. Words alone (`[e](not a url)`) are left alone.
- an address in an argument of a Hugo shortcode call (`src`, `link`, `href`, `url`, `image`, or
  any argument that starts with `http://`, `https://` or `/`) that holds Markdown backslash
  escapes, as HTML-to-Markdown converters write them and WordPress importers then put into a
  `{{< figure src="/img/hh\\_gear\\_400.jpg" >}}`: Markdown takes an escape out of a link's URL,
  but Hugo passes a shortcode's arguments on as written, so the page asks for
  `hh%5C_gear%5C_400.jpg` (checked with hugo 0.168).

A problem of the URL (a space, no host, a doubled scheme, a quote, an escape) is reported at the
URL; the others at the whole link. A URL that holds a shortcode call (`[blog]: <{{% param url %}}>`)
is left alone: Hugo puts the call's output in its place before it reads the URL.

In raw HTML (`<a href>`, `<area href>`, `<img src>` and `srcset`, embeds such as `<iframe src>`)
what cannot work in HTML is flagged: a `javascript:` link (at the start tag), an `<img>` without a
`src` value, a web URL without a host, a doubled scheme, a web URL in parentheses
(`href="(https://x.org/a)"`) and a web or e-mail address without its scheme (`href="www.x.org"`; at
the attribute's value). A space is fine there (the browser encodes it), and an empty `href` links to
the page itself.

## Why is this bad?
Empty links render as nothing or as a broken image, `javascript:` links do nothing on a static
site (and are a script-injection risk), hostless URLs go nowhere, and a URL with a space prints as
raw Markdown in the middle of the article.

## Example
    ![]()
    * [Watchlist](javascript:void(0))
    [fx168](https://www.fx168news.com/article/Pi Network-834911)

## Use instead
    * Watchlist
    [fx168](https://www.fx168news.com/article/Pi%20Network-834911)

## Fix safety
Safe: an empty link or image is removed; a space in a URL's path, query or fragment is
percent-encoded (`%20`), which is what the browser would request; a decoded entity is written back
as `&name` (not in raw HTML, nor where the URL is written with escapes). Unsafe: a `javascript:` or
destination-less link is replaced by its text and a source-less image is removed, which changes what
the reader sees (so is a link or image whose destination is a word for no value); a doubled scheme
is dropped to the inner URL; the white space between `[text]` and `(url)` is removed, and a missing `]` is written before
`(url)`, which turns the bracketed text into a link; a URL that ends in a stray `"` is cut before it; the parentheses
around a wrapped URL are removed; a bracketed URL or a pasted link is replaced by the URL in it (the
pasted link's own URL, which its label may not show); a missing scheme is written (`https://`,
`mailto:`), and the page it reaches should be checked; a `%` that starts no escape is written `%25`;
swapped text and URL are swapped back; the backslashes of a shortcode argument's escapes are
removed; a percent-encoded query is written as a query (`?format=pdf`), and the page it then reaches
should be checked. A space in the host, a missing host, a quote inside the URL and a spaced URL with
a quote in it (HTML debris, where `%20` would only link the debris) have no fix, nor has a URL with
a tab or a line break in it (wrapped or pasted: an editor should look), nor a destination of words
(the address is not in the article).
"""

from __future__ import annotations

import re
from functools import lru_cache

from newslint import Edit, Fix, Rule, Severity
from newslint.document import Document
from newslint.events import Html, Link, Text
from newslint.rule import Context
from newslint.spans import Span
from newslint.textutil import line_start as start_of_line

from ._body import delete_inline
from ._html_links import links_in
from ._links import (
    NO_VALUE,
    bracketed_web_url,
    destination,
    doubled_scheme,
    files_beside,
    link_text_source,
    missing_scheme,
    split_url,
    wrapped_web_url,
)
from ._shortcode_urls import escaped_shortcode_urls

# A shortcode call in a URL (`[blog]: <{{% param blogPostURL %}}>`): Hugo replaces the call with
# its output before the Markdown is rendered (checked with hugo 0.168: the link goes to the
# parameter's address), so what the URL will be cannot be judged from the text.
_SHORTCODE_IN_URL = re.compile(r"\{\{(?:<.*?>|%.*?%)\}\}", re.DOTALL)
_SCRIPT = re.compile(r"^\s*(?:javascript|vbscript)\s*:", re.IGNORECASE)
# A `%` that is no percent escape (`100%`, `50%off`): Go's `url.Parse`, which Hugo's own link render
# hook calls on every Markdown link, rejects it (checked with hugo 0.168).
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
# `[text](url with spaces)` left as text: a URL-like start, then parts separated by spaces, then
# maybe a title ("t", 't' or (t)), which does not make the link render either.
# A tab or a line break in the URL does the same (checked with hugo 0.168). A part may hold
# parentheses, as a downloaded file's copy number does (`photo (4).jpg`): a part that is a
# one-word `(title)` closing the link is the title, and that link renders.
_URL_PART = r"(?:[^\s()]|\([^\s()]*\))"
_SPACED = re.compile(
    r"\[[^\[\]\n]{0,1000}\]\(((?:https?://|www\.|/)" + _URL_PART + "*"
    r"(?:(?:[ \t]+|[ \t]*(?:\r\n?|\n)[ \t]*)(?![\"']|\([^()\n]*\)[ \t]*\))" + _URL_PART + "+)+)"
    r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\)"
)
_SPACES = re.compile(r" +")
# `[https://x.org/a](1 History)`: a web URL as the text, words with a space as the destination.
_SWAPPED_TEXT = re.compile(
    r"\[(https?://[^\s\[\]()]{1,2000})\]\(([^()\[\]\n<>]*[ \t][^()\[\]\n<>]*)\)"
)
_WEB_URL = re.compile(r"https?://[^\s\[\]()<>]+\Z")
# `[text](Hacks/Hackers Dublin: words)`: a destination with white space that is no URL (a CMS put
# a title where the address belongs, a path has a space), so no link. `[t](url "title")` is one.
# The words may go on on the next line (a wrapped paragraph): a line break is white space there
# too, and Markdown still makes no link of it; a blank line ends the paragraph, so not past one.
_WORDS_DEST = re.compile(
    r"(?<![\\!\]])\[([^\[\]\n]{1,1000})\]\(([^()\[\]\n<>]{1,2000}(?:\n[^()\[\]\n<>]{1,2000})?)\)"
)
_TITLED = re.compile(r"\S+\s+(?:\"[^\"]*\"|'[^']*')\s*\Z")
_URL_LIKE = re.compile(r"(?:https?://|www\.|/)", re.IGNORECASE)
# `[text(https://...)`: link text and a web URL in parentheses with no `]` between them. Not
# after `\` (an escaped bracket) or `!`; the text holds no bracket or parenthesis.
_UNCLOSED = re.compile(r"(?<![\\!])\[([^\[\]()\n]{1,1000})(\(https?://[^\s()\[\]]{1,2000}\))")
# `[text] (https://...)`: white space between the link text and its destination, so no link. Not
# after `\` (escaped brackets) or `!` (an image: its own matter).
_GAP = re.compile(
    r"(?<![\\!])\[([^\[\]\n]{1,1000})\]([ \t]+)\((?:https?://|www\.)[^\s()]{1,2000}\)"
)


# Links whose address Markdown (or Hugo's linkify) completes itself: `<editor@example.org>`
# goes to `mailto:editor@example.org` (hugo 0.168), a bare `www.example.org` to `http://`.
_SCHEMELESS_TYPES = ("Linkify", "Email")


class LinkMalformed(Rule):
    code = "LK002"
    name = "link-malformed"
    severity = Severity.ERROR
    messages = {
        "empty": "empty {kind}",
        "no-url": "{kind} has no destination",
        "script": "{kind} runs a script ({scheme}) instead of going somewhere",
        "no-value": "{kind} goes to {url!r}, a program's word for no value: the address was "
        "missing when the article was written out",
        "no-host": "URL {url!r} has no host",
        "double-scheme": "URL {url!r} has a scheme where its host should be",
        "space": "URL has white space in it, so Markdown does not render this link",
        "no-text": "link to {url!r} has no text, so readers cannot see or click it",
        "gap": "a space between ']' and '(' keeps this from being a link",
        "unclosed": "the ']' between the link text and its URL is missing, so Markdown does not "
        "render this link: readers see the '[' and the URL",
        "swapped": "link text is a URL and its destination {dest!r} is words: the two are swapped",
        "words": "link destination {dest!r} has white space in it and is no URL, so Markdown does "
        "not render this link",
        "entity": "URL {url!r} has {found!r} where an HTML decoder read {written!r} as an "
        "entity: the link goes to another address",
        "encoded-query": "URL {url!r} has its query percent-encoded into its path ({found!r}): "
        "the server looks for a file of that name",
        "quote": "URL {url!r} has a '\"' in it, left from an HTML attribute: the link goes nowhere",
        "wrapped": "URL {url!r} is wrapped in parentheses: the link goes to a page that does not "
        "exist, and where Hugo's own link render hook renders links the build fails",
        "wrapped-html": "URL {url!r} is wrapped in parentheses: the link goes to a page that does "
        "not exist",
        "bracketed": "URL {url!r} is in square brackets: the link goes to a page that does not "
        "exist, and where Hugo's own link render hook renders links the build fails",
        "pasted-link": "a Markdown link is written where this link's URL belongs, so Markdown does "
        "not render the outer link: readers see its brackets",
        "no-scheme": "URL {url!r} has no scheme, so the browser takes it for a page next to the "
        "article",
        "bad-escape": "URL {url!r} has a '%' that starts no escape ({found!r}): the URL is "
        "invalid, and where Hugo's own link render hook renders links the build fails",
        "escaped": "URL '{url}' in the {shortcode!r} shortcode holds Markdown escapes: Hugo passes "
        "the backslashes on, so the address goes nowhere",
    }

    def on_document_start(self, ctx: Context, document: Document) -> None:
        for found in escaped_shortcode_urls(document):
            title = f"Remove the backslashes: {found.unescaped}"
            fix = Fix.unsafe(title, Edit.replace(found.span, found.unescaped))
            url = found.url[:80]
            ctx.report(found.span, "escaped", url=url, shortcode=found.shortcode, fix=fix)

    def on_link(self, ctx: Context, link: Link) -> None:
        kind = "image" if link.is_image else "link"
        url = link.url
        text = ctx.document.text
        dest = destination(text, link)
        start = link.span.start
        if link.link_type == "Inline" and start >= 2 and text.startswith("](", start - 2):
            self._pasted_link(ctx, link, dest)
        if not url.strip():
            self._no_url(ctx, link, dest, kind)
        elif not link.is_image and self._invisible(text, link, dest):
            ctx.report(link.span, "no-text", url=url[:80], severity=Severity.WARNING)
        elif _SHORTCODE_IN_URL.search(url):
            pass  # Hugo puts the shortcode's output in its place before it reads the URL
        elif match := _SCRIPT.match(url):
            fix = self._unlink(ctx.document, link, dest, "Remove the script link")
            scheme = match.group(0).strip().lower()
            ctx.report(link.span, "script", kind=kind, scheme=scheme, fix=fix)
        elif url in NO_VALUE and link.link_type != "Linkify":
            fix = self._unlink(ctx.document, link, dest, f"Replace the {kind} by its text")
            ctx.report(link.span, "no-value", kind=kind, url=url, fix=fix)
        elif match := doubled_scheme(url):
            fix = None
            if dest is not None and text.startswith(match.group(1), dest.start):
                end = dest.start + len(match.group(1))
                fix = Fix.unsafe("Drop the outer scheme", Edit.delete(Span(dest.start, end)))
            ctx.report(dest or link.span, "double-scheme", url=url, fix=fix)
        elif wrapped_web_url(url):
            ctx.report(dest or link.span, "wrapped", url=url[:80], fix=_unwrap(text, dest))
        elif (inner := bracketed_web_url(url)) is not None:
            fix = None
            if dest is not None and text[dest.start : dest.end] == url:
                fix = Fix.unsafe(f"Link to {inner}", Edit.replace(dest, inner))
            ctx.report(dest or link.span, "bracketed", url=url[:80], fix=fix)
        elif link.link_type not in _SCHEMELESS_TYPES and (
            missing := self._missing_scheme(ctx, url)
        ):
            fix = _add_scheme(text, url, dest, missing)
            ctx.report(dest or link.span, "no-scheme", url=url[:80], fix=fix)
        elif (bad := _BAD_ESCAPE.search(url)) is not None:
            found = url[bad.start() : bad.start() + 3]
            fix = _encode_percent(text, url, dest)
            ctx.report(dest or link.span, "bad-escape", url=url[:80], found=found, fix=fix)
        else:
            parts = split_url(url)
            web = parts is not None and parts.scheme.lower() in ("http", "https", "ftp")
            if web and parts is not None and not parts.hostname:
                ctx.report(dest or link.span, "no-host", url=url)
            elif _html_debris(url) and link.link_type == "Inline" and (web or url.startswith("/")):
                ctx.report(
                    dest or link.span, "quote", url=url[:80], fix=_cut_quote(text, url, dest)
                )
            elif not link.is_image and dest is not None and _swapped(_label(text, link, dest), url):
                label = _label(text, link, dest) or ""
                written = text[dest.start : dest.end]
                ctx.report(
                    link.span, "swapped", dest=url[:80], fix=_swap(link.span, label, written)
                )
            elif web and (decoded := _decoded_entities(url)):
                fix = (
                    _restore_entities(text, url, dest, decoded)
                    if link.link_type != "Html"
                    else None
                )
                self._entity(ctx, dest or link.span, url, decoded, fix)
            elif web and (encoded := _ENCODED_QUERY.search(url)):
                fix = None
                if dest is not None and text[dest.start : dest.end] == url:
                    fixed = _decode_query(url, encoded.start(1))
                    fix = Fix.unsafe(f"Write the query as such: {fixed}", Edit.replace(dest, fixed))
                found = encoded.group(1)
                ctx.report(dest or link.span, "encoded-query", url=url[:80], found=found, fix=fix)

    def _pasted_link(self, ctx: Context, link: Link, dest: Span | None) -> None:
        """`[text]([a label](https://x.org/a))`: a whole link pasted where the URL belongs, with
        white space in its label, is no URL, so only the inner link is one and readers see
        `[text](` before it and `)` after it (hugo 0.168). Not when `[text]` is a reference link
        defined in the article (a link of its own), nor for a label with brackets in it."""
        text = ctx.document.text
        start, end = link.span.start, link.span.end
        close = start - 2
        if dest is None or not text.startswith(")", end):
            return
        line = start_of_line(text, close, ctx.document.body_start)
        opening = text.rfind("[", line, close)
        if opening < 0 or "]" in text[opening + 1 : close] or text[opening - 1 : opening] == "\\":
            return
        if _reference_key(text[opening + 1 : close]) in self._labels_of(ctx.document):
            return
        paren = text.rfind("(", start, dest.start)
        label = text[opening : close + 1]
        where = Span(opening, end + 1)
        fix = Fix.unsafe(
            f"Link {label[:40]} to the pasted link's URL",
            Edit.replace(where, label + text[paren:end]),
        )
        ctx.report(where, "pasted-link", fix=fix)

    @staticmethod
    def _entity(
        ctx: Context, where: Span, url: str, decoded: list[tuple[int, str]], fix: Fix | None
    ) -> None:
        """Report a URL whose query parameters an HTML decoder turned into characters."""
        index, name = decoded[0]
        param = _PARAM.match(url, index + 1)
        found = url[index : param.end() if param is not None else index + 1]
        written = "&" + name + found[1:]
        ctx.report(where, "entity", url=url[:80], found=found, written=written, fix=fix)

    def on_html(self, ctx: Context, node: Html) -> None:
        for link in links_in(ctx.document, node):
            self._html_link(ctx, link)

    @staticmethod
    def _missing_scheme(ctx: Context, url: str) -> str | None:
        # A file of that name next to the article (`notes.org` in its bundle) is a relative link.
        return missing_scheme(url, files_beside(ctx)) if "." in url else None

    def _html_link(self, ctx: Context, link: Link) -> None:
        """A link in raw HTML: only what breaks it in HTML too. No fix removes the tag (its end
        tag is elsewhere); dropping a doubled scheme is a cut, which no escaping concerns."""
        kind = "image" if link.is_image else "link"
        url, dest = link.url, link.url_span
        assert dest is not None
        if not url.strip():
            if link.is_image:
                ctx.report(link.span, "no-url", kind=kind)
        elif match := _SCRIPT.match(url):
            ctx.report(link.span, "script", kind=kind, scheme=match.group(0).strip().lower())
        elif url in NO_VALUE:
            ctx.report(dest, "no-value", kind=kind, url=url)
        elif match := doubled_scheme(url):
            fix = None
            if ctx.document.text.startswith(match.group(1), dest.start):
                end = dest.start + len(match.group(1))
                fix = Fix.unsafe("Drop the outer scheme", Edit.delete(Span(dest.start, end)))
            ctx.report(dest, "double-scheme", url=url, fix=fix)
        elif wrapped_web_url(url):
            # No render hook reads raw HTML: only the address is wrong.
            ctx.report(dest, "wrapped-html", url=url[:80], fix=_unwrap(ctx.document.text, dest))
        elif missing := self._missing_scheme(ctx, url):
            fix = _add_scheme(ctx.document.text, url, dest, missing)
            ctx.report(dest, "no-scheme", url=url[:80], fix=fix)
        else:
            parts = split_url(url)
            web = parts is not None and parts.scheme.lower() in ("http", "https", "ftp")
            if web and parts is not None and not parts.hostname:
                ctx.report(dest, "no-host", url=url)
            elif web and (decoded := _decoded_entities(url)):
                self._entity(ctx, dest, url, decoded, None)

    @staticmethod
    def _invisible(text: str, link: Link, dest: Span | None) -> bool:
        """A link whose label shows nothing: no text, no image, no HTML, no code."""
        if link.text.strip():
            return False
        label = _label(text, link, dest)
        return label is not None and not _shows(label)

    def _no_url(self, ctx: Context, link: Link, dest: Span | None, kind: str) -> None:
        label = _label(ctx.document.text, link, dest)
        if not link.text.strip() and not link.title and not (label and _shows(label)):
            fix = Fix.safe(f"Remove the empty {kind}", delete_inline(ctx.document, link.span))
            ctx.report(link.span, "empty", kind=kind, fix=fix)
            return
        ctx.report(
            link.span,
            "no-url",
            kind=kind,
            fix=self._unlink(ctx.document, link, dest, f"Replace the {kind} by its text"),
        )

    def _unlink(self, document: Document, link: Link, dest: Span | None, title: str) -> Fix | None:
        text = document.text
        if link.is_image:
            return Fix.unsafe("Remove the image", delete_inline(document, link.span))
        if dest is None:
            return None
        inner = link_text_source(text, link, dest)
        if inner is None:
            return None
        return Fix.unsafe(title, Edit.replace(link.span, inner))

    def on_text(self, ctx: Context, node: Text) -> None:
        if "(http" in node.text and "[" in node.text and not node.in_link:
            self._unclosed(ctx, node)
        if "]" not in node.text:
            # What follows looks for `] `, `]\t` and `](`: one character is looked for by memchr,
            # each pair costs about three instructions per character, and prose has no `]`.
            return
        if "] " in node.text or "]\t" in node.text:
            self._gaps(ctx, node)
        if "](" not in node.text:
            return
        self._swapped_text(ctx, node)
        self._words(ctx, node)
        # The `[text` may be in an earlier run (`[**bold**](a b)` splits the prose at the
        # markup), so the match starts from the line; the run that holds the URL reports it.
        text = ctx.document.text
        # `_SPACED` allows 1,000 characters of link text: its `[` is no further back than that.
        line_start = start_of_line(
            text, node.span.start, max(ctx.document.body_start, node.span.start - 1002)
        )
        # The URL may go on on the next lines (a line break in it), past this run.
        region_end = min(len(text), node.span.end + 2000)
        region = _without_shortcode_calls(text, line_start, region_end)
        for match in _SPACED.finditer(region):
            base = line_start + match.start(1)
            if not node.span.start <= base < node.span.end:
                continue
            # Spaces inside a shortcode call are the call's own: Hugo replaces it with its output
            # before the Markdown is read. One outside it leaves no link (hugo 0.168).
            ctx.report(
                Span(base, line_start + match.end(1)),
                "space",
                fix=_encode_spaces(match.group(1), base),
            )

    def __init__(self) -> None:
        # The article's link reference labels, read once when a gap is first found.
        self.labels: frozenset[str] | None = None

    def _labels_of(self, document: Document) -> frozenset[str]:
        """The article's link reference labels, read once."""
        if self.labels is None:
            self.labels = _labels(document)
        return self.labels

    def _swapped_text(self, ctx: Context, node: Text) -> None:
        """`[https://x.org/a](1 History)`: swapped, and with a space in the "URL" no link at all
        (the URL in the brackets may be a bare-URL link of its own, so the match starts from the
        line; the run that holds the `](` reports it)."""
        text = ctx.document.text
        line_start = start_of_line(
            text, node.span.start, max(ctx.document.body_start, node.span.start - 2100)
        )
        for match in _SWAPPED_TEXT.finditer(text, line_start, node.span.end):
            if not node.span.start <= match.start(2) - 2 < node.span.end:
                continue
            if not _swapped(match.group(1), match.group(2)):
                continue
            span = Span(match.start(), match.end())
            fix = _swap(span, match.group(1), match.group(2))
            ctx.report(span, "swapped", dest=match.group(2)[:80], fix=fix)

    def _words(self, ctx: Context, node: Text) -> None:
        """`[intro](Hacks/Hackers Dublin: Workshop)`: a destination with spaces that is no URL but
        has a `/` in its first word (a URL is `space`, a URL in the brackets is `swapped`), shown
        as typed; not when the bracketed text is a reference link defined in the article (then it
        is a link and the parenthesis text after it). The run that holds the `](` reports it."""
        text = ctx.document.text
        line_start = start_of_line(
            text, node.span.start, max(ctx.document.body_start, node.span.start - 1002)
        )
        for match in _WORDS_DEST.finditer(text, line_start, min(len(text), node.span.end + 2001)):
            dest = match.group(2).strip()
            if not node.span.start <= match.start(2) - 2 < node.span.end:
                continue
            if not any(c in " \t\n" for c in dest) or _URL_LIKE.match(dest) or _TITLED.match(dest):
                continue
            if "/" not in dest.split()[0] or "{{" in dest or "{%" in dest:
                # `[e](not a url)`: words in brackets and parentheses, maybe meant so; a template
                # or Liquid tag writes the URL at build time.
                continue
            if _WEB_URL.match(match.group(1).strip()) or not match.group(1).strip():
                continue
            if self.labels is None:
                self.labels = _labels(ctx.document)
            if _reference_key(match.group(1)) in self.labels:
                continue
            span = Span(match.start(2), match.end(2))
            ctx.report(span, "words", dest=dest.replace("\n", " ")[:80])

    def _unclosed(self, ctx: Context, node: Text) -> None:
        """`[text(https://...)`: the `]` between the link text and its URL left out, so Markdown
        makes no link and readers see the bracket and the URL (hugo 0.168; linkify leaves a URL
        right after a `(` alone). Not when a `]` closes the bracket later on the line
        (`[text(https://...) more]` is bracketed text), and not when the text holds a
        parenthesis (`[0, 1) (https://...)`)."""
        text = ctx.document.text
        for match in _UNCLOSED.finditer(node.text):
            end = node.span.start + match.end()
            line_end = text.find("\n", end)
            rest = text[end : len(text) if line_end < 0 else line_end]
            if "]" in rest.split("[", 1)[0]:
                continue
            paren = node.span.start + match.start(2)
            fix = Fix.unsafe("Close the link text before the URL", Edit.insert(paren, "]"))
            ctx.report(Span(node.span.start + match.start(), end), "unclosed", fix=fix)

    def _gaps(self, ctx: Context, node: Text) -> None:
        """`[text] (https://...)` whose gap is in this run: Markdown makes no link of it (the URL
        alone may be linkified), unless `[text]` is a reference link defined elsewhere."""
        text = ctx.document.text
        start = max(text.rfind("\n", 0, node.span.start) + 1, ctx.document.body_start)
        start = max(start, node.span.start - 1002)  # `_GAP`'s link text is 1,000 at most
        for match in _GAP.finditer(text, start, min(len(text), node.span.end + 2010)):
            gap = match.start(2)
            if not node.span.start <= gap < node.span.end or not match.group(1).strip():
                continue
            if self.labels is None:
                self.labels = _labels(ctx.document)
            if _reference_key(match.group(1)) in self.labels:
                continue
            edit = Edit.delete(Span(gap, match.end(2)))
            fix = Fix.unsafe("Remove the space to make the link", edit)
            ctx.report(Span(gap, match.end(2)), "gap", fix=fix)


def _labels(document: Document) -> frozenset[str]:
    """The labels of the article's link reference definitions (`[label]: ...`); such a `[label]`
    is a link of its own."""
    return frozenset(
        _reference_key(match.group(1)) for match in _DEFINITION.finditer(document.body)
    )


def _reference_key(text: str) -> str:
    """A reference label as Markdown matches it: without case, white space collapsed."""
    return " ".join(text.split()).casefold()


_DEFINITION = re.compile(r"^ {0,3}\[([^\[\]\n]{1,1000})\]:", re.MULTILINE)


def _label(text: str, link: Link, dest: Span | None) -> str | None:
    """The source between an inline link's brackets (an image's alt text), None for others."""
    if link.link_type != "Inline" or dest is None:
        return None
    start = link.span.start + (2 if link.is_image else 1)
    end = text.rfind("](", start, dest.start)
    return text[start:end] if end >= 0 else None


def _shows(label: str) -> bool:
    """Whether a label without prose shows something: an image, HTML, code or a reference
    (the link's text holds only the prose)."""
    return any(mark in label for mark in ("![", "<", "`", "&"))


def _encode_spaces(url: str, base: int) -> Fix | None:
    """Percent-encode the spaces of `url` (at document offset `base`), unless one is in the
    host, where encoding would only hide that the URL is cut in two."""
    host_end = len(url)
    if "://" in url:
        after_scheme = url.index("://") + 3
        slash = url.find("/", after_scheme)
        host_end = slash if slash >= 0 else len(url)
    elif url.startswith("www."):
        slash = url.find("/")
        host_end = slash if slash >= 0 else len(url)
    else:
        host_end = 0
    spaces = list(_SPACES.finditer(url))
    if not spaces or spaces[0].start() < host_end or '"' in url or ">" in url or "{{" in url:
        # `(https://a.org/x">more text)` is an HTML attribute's debris, not a path with spaces:
        # encoding them would make a link to `x">more%20text`, a page that does not exist. And
        # a shortcode call's own spaces must stay.
        return None
    if any(char in url for char in "\t\r\n"):
        # A tab or a line break is no space the author typed in a path: a wrapped or pasted URL,
        # whose right repair an editor should choose.
        return None
    edits = [
        Edit.replace(Span(base + m.start(), base + m.end()), "%20" * len(m.group(0)))
        for m in spaces
    ]
    return Fix.safe("Percent-encode the space", *edits)


def _without_shortcode_calls(text: str, start: int, end: int) -> str:
    """`text[start:end]` with each shortcode call (`{{< ref "my story.md" >}}`) written as a
    path of as many characters (`/xxx...`), as Hugo puts a placeholder in its place before it
    reads the Markdown: offsets within it stay, and a URL's spaces are its own. The region
    alone: copying the whole article for each of its links was quadratic (20,000 links with a
    `ref` each took ten times as long as without)."""
    region = text[start:end]
    if "{{" not in region:
        return region
    return _SHORTCODE_IN_URL.sub(lambda call: "/" + "x" * (len(call.group()) - 1), region)


def _unwrap(text: str, dest: Span | None) -> Fix | None:
    """Remove the parentheses around a wrapped URL, when they are written as such."""
    if dest is None or not (text.startswith("(", dest.start) and text[dest.end - 1] == ")"):
        return None
    edits = (
        Edit.delete(Span(dest.start, dest.start + 1)),
        Edit.delete(Span(dest.end - 1, dest.end)),
    )
    return Fix.unsafe("Remove the parentheses around the URL", *edits)


def _encode_percent(text: str, url: str, dest: Span | None) -> Fix | None:
    """Write each `%` that starts no escape as `%25`, where the URL is written as parsed."""
    if dest is None or text[dest.start : dest.end] != url:
        return None
    edits = [Edit.insert(dest.start + m.start() + 1, "25") for m in _BAD_ESCAPE.finditer(url)]
    return Fix.unsafe("Encode the '%' as %25", *edits)


def _add_scheme(text: str, url: str, dest: Span | None, scheme: str) -> Fix | None:
    """Write the missing `scheme` before an address written without one, where the address is
    written as such (not with entities or escapes)."""
    if dest is None or not text.startswith(url, dest.start):
        return None
    return Fix.unsafe(f"Write it as {scheme}{url}"[:100], Edit.insert(dest.start, scheme))


# HTML's legacy entities, which decoders such as Python's `html.unescape` and BeautifulSoup also
# read without their `;`: a query `?action=view&current=a.jpg` copied through one becomes
# `?action=view¤t=a.jpg` (`&curren` is `¤`), `&region=` becomes `®ion=`, `&param=` `¶m=`,
# `&section=` `§ion=`, `&times=` `×=`. Only symbols count: the ASCII ones (`&amp`, `&lt`), the
# letters (`&ntilde` is `ñ`, and `?q=años=` is a real query) and the invisible ones (`&nbsp`,
# `&shy`) leave what cannot be told from a real URL.
# Worked out on first need (a pass over HTML's 2,231 entities): most URLs are ASCII, and every
# character of the table is not.
@lru_cache(maxsize=1)
def _legacy_entities() -> dict[str, str]:
    from html.entities import html5

    legacy: dict[str, str] = {}
    for name, char in sorted(html5.items(), key=lambda item: item[0].isupper()):
        invisible = char in "\xa0\xad"
        if not name.endswith(";") and not char.isascii() and not char.isalpha() and not invisible:
            legacy.setdefault(char, name)
    return legacy


# What follows such a character: the rest of a parameter's name and its `=`.
_PARAM = re.compile(r"[A-Za-z0-9_.\-\[\]]*=")


def _decoded_entities(url: str) -> list[tuple[int, str]]:
    """Where in `url`'s query an entity was decoded: each index of a legacy entity's character
    that stands where a parameter starts (a parameter name and `=` right after it), with the
    entity's name."""
    query = url.find("?")
    if query < 0 or url.isascii():  # no legacy entity's character is ASCII
        return []
    end = url.find("#", query)
    end = len(url) if end < 0 else end
    legacy = _legacy_entities()
    found = []
    for index in range(query + 1, end):
        name = legacy.get(url[index])
        if name is not None and _PARAM.match(url, index + 1, end):
            found.append((index, name))
    return found


def _restore_entities(
    text: str, url: str, dest: Span | None, decoded: list[tuple[int, str]]
) -> Fix | None:
    """Write `&name` back for each decoded character, where the destination is written as the
    URL reads (no Markdown escapes or entities that would move the characters)."""
    if dest is None or not decoded or text[dest.start : dest.end] != url:
        return None
    edits = [
        Edit.replace(Span(dest.start + index, dest.start + index + 1), "&" + name)
        for index, name in decoded
    ]
    return Fix.safe("Write the '&' parameters back", *edits)


# `download%3Fformat%3Dpdf`: a query whose `?` and `=` were percent-encoded (as search alerts and
# feed readers hand links on), in a URL with no `?` of its own: the server takes it for part of
# the file name. A parameter name between them, so that a `%3F` in a real file name stays alone.
_ENCODED_QUERY = re.compile(r"\A[^?#]*?(%3F[A-Za-z0-9_.\-]{1,64}%3D)", re.IGNORECASE)


def _decode_query(url: str, at: int) -> str:
    """`url` with the percent-encoded query at `at` (`%3Fformat%3Dpdf`) written as a query: its
    `%3F` as `?`, and after it `%3D` as `=` and `%26` as `&`."""
    query = re.sub("%3D", "=", url[at + 3 :], flags=re.IGNORECASE)
    query = re.sub("%26", "&", query, flags=re.IGNORECASE)
    return url[:at] + "?" + query


def _html_debris(url: str) -> bool:
    """Whether `url` ends in an HTML attribute's closing quote (its only one) or holds `">`."""
    return '">' in url or (url.endswith('"') and url.count('"') == 1)


def _cut_quote(text: str, url: str, dest: Span | None) -> Fix | None:
    """Cut a URL that ends in a stray `"` (`https://x.org/a"`) before the quote, when the quote
    is written as such in the source (not as `&quot;` or `%22`) and is the URL's only one."""
    if dest is None or url.count('"') != 1 or not url.endswith('"'):
        return None
    written = text[dest.start : dest.end]
    if not written.endswith('"') or written.count('"') != 1:
        return None
    return Fix.unsafe("Remove the stray quote", Edit.delete(Span(dest.end - 1, dest.end)))


def _swapped(label: str | None, dest: str) -> bool:
    """Whether a link's text `label` (as written) is one web URL and its destination `dest` words
    that cannot be an address, so the two were written the wrong way round."""
    if label is None or not _WEB_URL.match(label.strip()):
        return False
    dest = dest.strip()
    if not dest or "://" in dest or "/" in dest or dest[0] in "#?.~<\"'" or ":" in dest:
        return False
    return " " in dest or "." not in dest


def _swap(span: Span, label: str, dest: str) -> Fix:
    """Write the link at `span` the right way round: the words as its text, the URL as its
    destination."""
    return Fix.unsafe(
        "Swap the link text and the URL", Edit.replace(span, f"[{dest.strip()}]({label.strip()})")
    )
