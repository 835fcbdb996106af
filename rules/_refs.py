"""Hugo's `ref` and `relref` shortcodes: the calls in a page and the pages their paths may mean,
in the order hugo 0.168 tries them (link-fragment judges the fragment of the page found,
ref-not-found reports a path that finds none)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from typing import NamedTuple

from newslint.document import Document
from newslint.site import PAGE_SUFFIXES
from newslint.spans import Span

from ._body import paired_calls
from ._page_urls import without_page_suffix

# `{{< ref "path#fragment" >}}`, `relref`, `{{% %}}`, a `path=` argument, quoted with `"` or "`".
_REF_CALL = re.compile(
    r"\{\{[<%]-?[ \t]*(?:rel)?ref[ \t]+(?:path[ \t]*=[ \t]*)?(?:\"([^\"\n]{1,500})\"|`([^`\n]{1,500})`)"
)
_CALL_END = re.compile(r"[>%]\}\}")


class RefCall(NamedTuple):
    """A closed `ref`/`relref` call: its path argument as written (fragment included) and where
    that is, whether it names a language (`lang="fr"`: another language's page), and whether it
    is called with `{{% %}}` (Hugo runs those before the Markdown is rendered); the language it
    names (None when it names none, "" when its value cannot be read)."""

    written: str
    span: Span
    other_language: bool
    markdown: bool = False
    language: str | None = None
    # The output format it names (`outputFormat="amp"`, or `ref "x" "amp"`), and where.
    output_format: str | None = None
    format_span: Span | None = None


# A `lang` argument's value.
_LANG_ARGUMENT = re.compile(r"""\blang[ \t]*=[ \t]*(?:"([^"\n]*)"|`([^`\n]*)`)""")
# An `outputFormat` argument's value (the name in any case, as Hugo reads named arguments), or
# the second positional argument.
_FORMAT_ARGUMENT = re.compile(
    r"""\boutputformat[ \t]*=[ \t]*(?:"([^"\n]*)"|`([^`\n]*)`)""", re.IGNORECASE
)
_SECOND_ARGUMENT = re.compile(r"""[ \t]+(?:"([^"\n]*)"|`([^`\n]*)`)""")


def ref_calls(document: Document) -> Iterator[RefCall]:
    """The closed `ref` and `relref` calls of the page's body, in order."""
    text = document.text
    # `{` first: one character is looked for by memchr, a longer text costs more.
    if "{" not in text or "{{" not in text or "ref" not in text:
        return
    for call in _REF_CALL.finditer(text, document.body_start):
        written = call.group(1) if call.group(1) is not None else call.group(2)
        end = _CALL_END.search(text, call.end(), call.end() + 2000)
        if end is None:
            continue  # unclosed
        start = call.start(1) if call.group(1) is not None else call.start(2)
        arguments = text[call.end() : end.start()]
        other = "lang=" in arguments.replace(" ", "")
        language = None
        if other:
            named = _LANG_ARGUMENT.search(arguments)
            language = "" if named is None else (named.group(1) or named.group(2) or "")
        markdown = text.startswith("{{%", call.start())
        span = Span(start, start + len(written))
        keyword = "=" in text[call.start() : start]
        found = (_FORMAT_ARGUMENT.search if keyword else _SECOND_ARGUMENT.match)(arguments)
        output_format = format_span = None
        if found is not None:
            group = 1 if found.group(1) is not None else 2
            output_format = found.group(group)
            offset = call.end() + found.start(group)
            format_span = Span(offset, offset + len(output_format))
        yield RefCall(written, span, other, markdown, language, output_format, format_span)


# What ends the key of a lookup by base name (a `ref` path without `/`, found nowhere else).
BY_NAME = "\0name"


def target_keys(written: str, base: str, logical: str = "", bundle: bool = False) -> list[str]:
    """The logical paths a `ref` path may mean from a page whose relative paths start at `base`,
    in the order Hugo tries them: from `base`, then from the content root (a path that starts
    with `/`: from the root only; one that starts with `.`: from `base` only; a relative path's
    `..` stops at the root); then, for a bare name, the one page of that base name. A leaf
    bundle (`bundle`, at `logical`) takes its own folder for `base` for a path with `.md` that
    starts with `../` (hugo 0.168: `ref "../budget.md"` in `news/bun/index.md` is `news/budget`,
    `ref "../budget"` is `budget`)."""
    lowered = written.strip().lower()
    if bundle and lowered.startswith("../") and lowered.rstrip("/").endswith(PAGE_SUFFIXES):
        base = logical
    path = without_page_suffix(lowered).rstrip("/")
    if path.endswith(("/index", "/_index")) or path in ("index", "_index"):
        path = path.rpartition("/")[0]
    if lowered.startswith("/"):
        # From the root only: `/` alone (and `/_index.md`) is the home page, not `base`'s
        # section (hugo 0.168). `/../x` leaves the content root: no page.
        tried = [path.strip("/")]
    elif lowered.startswith("."):
        tried = [_from(base, path)]  # page-relative: Hugo looks no further
    else:
        tried = [_from(base, path), path]
    keys = content_keys(tried)
    if "/" not in path and path not in ("", ".", "..") and not lowered.startswith("."):
        keys.append(path + BY_NAME)
    return keys


def _from(base: str, path: str) -> str:
    """The relative `path` from the folder `base`, its `..` stopped at the content root as
    hugo 0.168's `path.Join` stops them (`../../news/b` from `news` is `news/b`)."""
    return posixpath.normpath(posixpath.join("/", base, path)).lstrip("/")


def content_keys(tried: list[str]) -> list[str]:
    """The content paths `tried` in order, normalised ("" for the root), without repeats and
    without those that leave the content root."""
    keys: list[str] = []
    for candidate in tried:
        normal = posixpath.normpath(candidate) if candidate else "."
        if normal.startswith(".."):
            continue
        normal = "" if normal == "." else normal
        if normal not in keys:
            keys.append(normal)
    return keys


# A shortcode call's opening, either notation, with its name (`/name` for a closing call).
_SHORTCODE_OPEN = re.compile(r"\{\{([<%])-?[ \t]*(/?)[ \t]*([A-Za-z0-9_][\w./-]{0,100})")
# A `{{% %}}` call that starts a line (after indentation, quote or list markers): its output is
# Markdown, and output that starts with a tag starts an HTML block there, to the next blank line.
_LINE_START_CALL = re.compile(
    r"^[ \t]*(?:(?:>|[-*+]|[0-9]{1,9}[.)])[ \t]*)*\{\{%-?[ \t]*/?[ \t]*([A-Za-z0-9_][\w./-]*)",
    re.MULTILINE,
)
_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")
# Built-in shortcodes whose output is text, never a tag: a URL, a parameter's value.
_TEXT_SHORTCODES = frozenset({"ref", "relref", "param"})


class _CallPlaces(NamedTuple):
    """Where the page's shortcodes put a `{{< >}}` call out of Goldmark's reach or into it: the
    outermost paired calls (start, end, whether `{{% %}}`), and the text after a `{{% %}}` call
    that starts a line, to the next blank line."""

    outermost: list[tuple[int, int, bool]]
    swallowing: list[tuple[int, int]]


def _call_places(document: Document) -> _CallPlaces:
    text = document.text
    pairs = [
        (opening.start(), end, opening.group(1) == "%")
        for opening, end in paired_calls(text, document.body_start, _SHORTCODE_OPEN)
    ]
    outermost: list[tuple[int, int, bool]] = []
    for start, end, markdown in sorted(pairs):
        if outermost and start < outermost[-1][1]:
            continue  # inside (or across) one before
        outermost.append((start, end, markdown))
    swallowing = []
    if "{{%" in text:
        for match in _LINE_START_CALL.finditer(text, document.body_start):
            if match.group(1).lower() in _TEXT_SHORTCODES:
                continue
            blank = _BLANK_LINE.search(text, match.end())
            swallowing.append((match.end(), len(text) if blank is None else blank.start()))
    return _CallPlaces(outermost, swallowing)


def omitted_call(document: Document, call: RefCall, html: list[Span] | None) -> bool:
    """Whether hugo 0.168 never runs the call because Goldmark omits where it is, on a site that
    does not render raw HTML (`html`: the raw HTML of the body that holds a `{{< >}}` call; None
    on a site that renders it). Hugo runs a `{{% %}}` call, and every call in the body of one,
    before the Markdown is rendered; a `{{< >}}` call (with the calls in its body) only when
    Goldmark keeps its place: not in raw HTML (`<!-- -->`, a `<div>` block), nor after a
    `{{% %}}` call that starts a line (other than `ref`, `relref`, `param`), to the next blank
    line: when its template writes a tag (`<div class="box">`), its output starts an HTML block
    there (all checked with the binary)."""
    if call.markdown or html is None or (not html and "{{%" not in document.text):
        return False
    places = document.memo(("ref-call-places",), _call_places, document)
    at = call.span.start
    for start, end, markdown in places.outermost:
        if start <= at < end:
            if markdown:
                return False  # run with the `{{% %}}` call it is in
            at = start  # run if the outermost call is
            break
    if any(span.start <= at < span.end for span in html):
        return True
    return any(start <= at < end for start, end in places.swallowing)
