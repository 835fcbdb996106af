"""The ids a page's anchors (`#fragment`) can point at, as Hugo renders the page.

- **Headings.** Hugo gives every heading an id (`markup.goldmark.parser.autoHeadingID`, on by
  default) made by `autoHeadingIDType` "github" (the default): the heading's text, trimmed; each
  space and `-` becomes `-`; letters, digits (Unicode `Nd`) and `_` are kept in lower case; all else
  is dropped. An empty result is `heading`; a repeat gets `-1`, `-2` ... (the first number not
  taken). "github-ascii" also drops accents, then every non-ASCII character.
- **What the text is.** Checked against Hugo 0.168 (`tests/test_linkcheck_fragments.py`, marked
  `hugo`): entities and escapes decoded, raw HTML tags left out (the text between them kept),
  autolinks and bare URLs left out, `--` and `---` dashes (Goldmark's typographer, on by default)
  dropped, the text of a code span kept; of emphasis, a link or an image,
  only the first piece of text inside counts (`**bold *it* more**` is `bold`); of a heading written
  over several lines (setext), only the last line.
- **Explicit ids.** `## Title {#custom .class}` (Goldmark's heading attributes, on in Hugo unless
  `markup.goldmark.parser.attribute.title = false`): the id is `custom`, and it counts as taken
  for the automatic ones after it.
- **Raw HTML.** `id="..."` on any element and `name="..."` on `<a>`, when the site lets Goldmark
  render raw HTML (`markup.goldmark.renderer.unsafe`); otherwise Hugo drops that HTML.

`page_ids(document)` is None when the ids cannot be told (`autoHeadingIDType = "blackfriday"`, or
`autoDefinitionTermID = true`, which gives definition terms ids too).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, NamedTuple

from newslint.document import Document
from newslint.events import Heading, Html
from newslint.textutil import lazy_regex

_ATTR_ITEM = r"""(?:[#.][^\s{}#.]+|[A-Za-z_:][\w:.-]*=(?:"[^"]*"|'[^']*'|[^\s"'{}]+))"""
_ATTRIBUTES = lazy_regex(
    r"[ \t]*\{[ \t]*(" + _ATTR_ITEM + r"(?:[ \t]+" + _ATTR_ITEM + r")*)[ \t]*\}[ \t]*$"
)
_EXPLICIT_ID = lazy_regex(r"(?:^|[ \t])#([^\s{}#.]+)")
_ATX = lazy_regex(r"[ \t]{0,3}#{1,6}(?=[ \t]|$)")
_CLOSING = lazy_regex(r"(?:[ \t]+#+)?[ \t]*$")
_BARE_URL = lazy_regex(r"(?:https?://|www\.)[^\s<]+", re.IGNORECASE)


def anchor_name(text: str, id_type: str = "github") -> str:
    """Hugo's id for a heading text (before duplicates are numbered); `urls.Anchorize` too."""
    if id_type == "github-ascii":
        text = unicodedata.normalize(
            "NFC",
            "".join(
                c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"
            ),
        )
    out = []
    for char in text.strip():
        if id_type == "github-ascii" and not char.isascii():
            continue
        if char in "- ":
            out.append("-")
        elif char == "_" or char.isalpha() or unicodedata.category(char) == "Nd":
            out.append(char.lower()[0])  # Go's ToLower maps one rune to one rune (`İ` -> `i`)
    return "".join(out)


def _heading_source(document: Document, heading: Heading) -> str:
    """The heading's own text as written: the ATX line without its `#`s, or the last line of a
    setext heading's text."""
    written = document.text[heading.span.start : heading.span.end]
    lines = written.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n").split("\n")
    opener = _ATX.match(lines[0])
    if opener is not None:
        content = lines[0][opener.end() :]
        return _CLOSING.sub("", content) if not content.rstrip().endswith("\\#") else content
    text_lines = [line for line in lines[:-1] if line.strip()]  # the last line is the underline
    return text_lines[-1] if text_lines else ""


def _inline_text(source: str, linkify: bool, typographer: bool = True) -> str:
    """The heading text Hugo makes its id from (see the module docstring): what the heading
    holds directly, and of each container in it (emphasis, link, image) its first piece."""
    import pyromark

    out: list[str] = []
    depth = 0  # containers open around the current event
    done = False  # in the outermost open container: its first piece was taken
    taking = False  # ... and it is a text, which goes on while the text events do
    options = pyromark.Options.ENABLE_STRIKETHROUGH
    if typographer:  # Hugo's default: `--` is an en dash, which the id drops (` -- ` is `--`)
        options |= pyromark.Options.ENABLE_SMART_PUNCTUATION
    events: Any = pyromark.events("# " + source, options=options)
    for event in events:
        info: Any
        kind, info = ("Break", None) if isinstance(event, str) else next(iter(event.items()))
        name = info if isinstance(info, str) or info is None else next(iter(info))
        if name == "Heading":
            continue
        if kind == "Text" and depth == 0:
            out.append(_BARE_URL.sub("", info) if linkify else info)
            continue
        if kind == "Code" and depth == 0:
            out.append(info)
            continue
        if depth and kind == "Text" and not done:
            out.append(info)
            taking = True
            continue
        if taking:  # the first piece was a text, and it has ended
            done, taking = True, False
        if kind == "Start":
            autolink = name == "Link" and info["Link"].get("link_type") in ("Autolink", "Email")
            if depth == 0:
                done = False
            depth += 1
            done = done or autolink  # an autolink shows its URL, which the id leaves out
        elif kind == "End":
            depth -= 1
            done = depth > 0
        elif depth and kind == "Code" and not done:
            out.append(info)
            done = True
        elif depth:
            done = True  # raw HTML or a break first: nothing of this container
    return "".join(out)


def _raw_html_ids(nodes: list[Html]) -> list[str]:
    """`id`s of any element and `name`s of `<a>`s in raw HTML."""
    from html.parser import HTMLParser  # here: most articles have no raw HTML to read

    ids: list[str] = []

    class Ids(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            for name, value in attrs:
                if value and (name == "id" or (name == "name" and tag == "a")):
                    ids.append(value)

        handle_startendtag = handle_starttag

    parser = Ids(convert_charrefs=True)
    for node in nodes:
        parser.feed(node.text)
    parser.close()
    return ids


def _dig(data: Any, *keys: str) -> Any:
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    return data


class _Settings(NamedTuple):
    """What the site's configuration says of ids (`markup.goldmark`)."""

    auto: bool  # parser.autoHeadingID
    id_type: str  # parser.autoHeadingIDType, lower case
    typographer: bool  # extensions.typographer, not disabled
    definition_ids: bool  # parser.autoDefinitionTermID
    heading_attributes: bool  # parser.attribute.title


def _read_settings(raw: dict[str, Any]) -> _Settings:
    return _Settings(
        _dig(raw, "markup", "goldmark", "parser", "autoheadingid") is not False,
        str(_dig(raw, "markup", "goldmark", "parser", "autoheadingidtype") or "github").lower(),
        _dig(raw, "markup", "goldmark", "extensions", "typographer", "disable") is not True,
        _dig(raw, "markup", "goldmark", "parser", "autodefinitiontermid") is True,
        _dig(raw, "markup", "goldmark", "parser", "attribute", "title") is not False,
    )


_NO_SITE = _read_settings({})


def _site_settings(document: Document) -> _Settings:
    """`_read_settings` of the document's site, once per site (asked for every page, and for
    each of its headings)."""
    site = document.site
    if site is None:
        return _NO_SITE
    raw = site.raw
    memo: tuple[dict[str, Any], _Settings] | None = site.__dict__.get("_anchor_settings_memo")
    if memo is None or memo[0] is not raw:
        memo = site.__dict__["_anchor_settings_memo"] = (raw, _read_settings(raw))
    return memo[1]


def _settings(document: Document) -> tuple[bool, str, bool]:
    """(autoHeadingID, autoHeadingIDType, typographer) from the site's configuration."""
    found = _site_settings(document)
    return found.auto, found.id_type, found.typographer


def _page_ids(document: Document) -> frozenset[str] | None:
    settings = _site_settings(document)
    if settings.auto and settings.id_type not in ("github", "github-ascii"):
        return None  # blackfriday: not modelled
    if settings.definition_ids:
        return None  # ids of definition terms (Hugo 0.144+): not modelled
    nodes = document.body_nodes
    # Only headings and raw HTML give ids: a page with neither (told from the few kinds of node
    # it has, collected in C) has none, without a Python loop over its nodes.
    if not any(issubclass(kind, (Heading, Html)) for kind in set(map(type, nodes))):
        return frozenset()
    ids: set[str] = set()
    html_nodes: list[Html] = []
    for node in nodes:
        if isinstance(node, Html):
            html_nodes.append(node)
        if not isinstance(node, Heading):
            continue
        own = _heading_id(document, node)
        if own is None:
            continue
        name, explicit = own
        if explicit:
            ids.add(name)
            continue
        if name in ids:
            number = 1
            while f"{name}-{number}" in ids:
                number += 1
            name = f"{name}-{number}"
        ids.add(name)
    site = document.site
    if site is not None and site.unsafe_html_for(document.language) and html_nodes:
        ids.update(_raw_html_ids(html_nodes))
    return frozenset(ids)


def _heading_id(document: Document, heading: Heading) -> tuple[str, bool] | None:
    """The id `heading` asks for (before a repeat's number) and whether it is written out
    (`{#id}`); None when it gets none (automatic ids off, or an empty heading)."""
    auto, id_type, typographer, _, heading_attributes = _site_settings(document)
    # `{#id}` after a heading: Goldmark's attribute syntax, on in Hugo unless turned off.
    source = _heading_source(document, heading)
    attributes = _ATTRIBUTES.search(source) if heading_attributes else None
    if attributes is not None:
        explicit = _EXPLICIT_ID.search(attributes.group(1))
        source = source[: attributes.start()]
        if explicit is not None:
            return explicit.group(1), True
    if not auto or not source.strip():
        return None
    linkify = document.site.linkify[0] if document.site is not None else True
    return anchor_name(_inline_text(source, linkify, typographer), id_type) or "heading", False


def first_heading_id(document: Document, heading: Heading) -> str | None:
    """The id of the page's first heading, `heading` (None: it has none, or it cannot be told)."""
    auto, id_type, _ = _settings(document)
    if auto and id_type not in ("github", "github-ascii"):
        return None
    own = _heading_id(document, heading)
    return own[0] if own is not None else None


def page_ids(document: Document) -> frozenset[str] | None:
    """Every id the rendered page has from its Markdown (see the module docstring), or None when
    they cannot be told."""
    return document.memo(("page-ids",), _page_ids, document)
