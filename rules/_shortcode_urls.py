"""URLs in the arguments of Hugo shortcode calls that hold Markdown backslash escapes.

HTML-to-Markdown converters escape `_` and `*` everywhere (`hh\\_gear\\_400.jpg`); a WordPress
importer that then writes an image as `{{< figure src="..." >}}` leaves the escapes in the
argument. Markdown would have taken a backslash escape out of a link's URL, but Hugo passes a
shortcode's arguments on as they are written (checked with hugo 0.168: `.Get "src"` is
`hh\\_gear\\_400.jpg`, and the built-in `figure` writes `src="hh%5C_gear_400.jpg"`), so the page
asks for a file whose name has a backslash in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newslint.document import Document
from newslint.spans import Span

from ._body import _SHORTCODE_CALL

# The name of the call, after its opening (not the commented `{{</* x */>}}`, which Hugo shows).
_NAME = re.compile(r"\{\{[<%]-?\s*([A-Za-z0-9_][\w./-]{0,100})")
# An argument: `key="value"`, `key=`value``, `key=value`, or a positional one.
_ARGUMENT = re.compile(r"""(?:([A-Za-z_][\w-]*)\s*=\s*)?("(?:[^"\\\n]|\\.)*"|`[^`]*`|[^\s"`=]+)""")
# Arguments that hold an address whatever they look like.
_URL_KEYS = frozenset({"src", "link", "href", "url", "image", "img", "poster", "thumbnail"})
_ADDRESS = re.compile(r"(?:https?://|/|\./|\.\./)\S*\Z", re.IGNORECASE)
# A Markdown escape: a backslash before ASCII punctuation (not a quote, which Hugo unescapes).
ESCAPE = re.compile(r"\\([!#$%&'()*+,\-./:;<=>?@\[\]^_`{|}~])")


@dataclass(frozen=True)
class EscapedUrl:
    """A URL argument of a shortcode call that holds a backslash escape."""

    shortcode: str  # the shortcode's name
    span: Span  # the value, without its quotes
    url: str  # as written
    unescaped: str  # the backslashes taken out


def escaped_shortcode_urls(document: Document) -> Iterator[EscapedUrl]:
    """The URL arguments of the body's shortcode calls that hold a backslash escape."""
    if "\\" not in document.text:
        return
    for found in shortcode_urls(document):
        if ESCAPE.search(found.url):
            yield EscapedUrl(found.shortcode, found.span, found.url, ESCAPE.sub(r"\1", found.url))


@dataclass(frozen=True)
class ShortcodeUrl:
    """An address argument of a shortcode call (`src="..."` of `figure`, a positional URL)."""

    shortcode: str  # the shortcode's name
    span: Span  # the value, without its quotes
    url: str  # as written


def shortcode_urls(document: Document) -> Iterator[ShortcodeUrl]:
    """The address arguments of the body's shortcode calls: a value of a key that holds one
    (`src`, `link`, `url` ...), or a value that looks like an address (`http://...`, `/img/x.png`)."""
    text = document.text
    if "{{<" not in text and "{{%" not in text:
        return
    for call in _SHORTCODE_CALL.finditer(text, document.body_start):
        name = _NAME.match(call.group(0))
        if name is None:
            continue
        start = call.start() + name.end()
        end = call.end() - 3  # before `>}}` or `%}}`
        for argument in _ARGUMENT.finditer(text, start, end):
            key, value = argument.group(1), argument.group(2)
            quoted = value[:1] in ('"', "`")
            inner = value[1:-1] if quoted else value
            if not _is_address(key, inner):
                continue
            value_start = argument.start(2) + (1 if quoted else 0)
            yield ShortcodeUrl(name.group(1), Span(value_start, value_start + len(inner)), inner)


def _is_address(key: str | None, value: str) -> bool:
    if key is not None and key.lower() in _URL_KEYS:
        return not any(char.isspace() for char in value)
    return _ADDRESS.match(value) is not None
