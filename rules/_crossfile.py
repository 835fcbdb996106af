"""Helpers of the cross-file rules: what a document contributes, and how a duplicate is reported.

Everything a rule collects here is small plain data (strings, ints, tuples) so that it pickles from
worker processes and is stored in the cache with the file's result.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import PurePath
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from newslint.document import Document
from newslint.events import Collected
from newslint.rule import ProjectContext, Rule
from newslint.site import content_files_on_disk, site_for_dir
from newslint.spans import Span
from newslint.textutil import unescape

from ._links import find_source_link
from ._tracking import is_tracking


def source_link(doc: Document, field_name: str = "source") -> tuple[str, Span] | None:
    """The article's source URL and its span: the source link as source-link-missing finds it
    (a web URL in the field `field_name`, else the body's last visible line `[name](url)`, or a
    line that opens the body with a source label, `来源：[name](url)`).

    For a body line the span is the URL's where it is written as parsed, else the whole line.
    """
    found = find_source_link(doc, field_name)
    if found is None:
        return None
    if found.field is not None:
        return found.url, found.span
    line = doc.text[found.span.start : found.span.end]
    at = line.rfind(found.url)
    if at < 0:  # written with entities or spaces that the parser decoded or encoded
        return found.url, found.span
    start = found.span.start + at
    return found.url, Span(start, start + len(found.url))


def is_section_page(doc: Document) -> bool:
    """A list page (`_index.md`, `_index.en.md`): no article, so no duplicate of one."""
    return file_name(doc.path).split(".")[0] == "_index"


def file_name(path: str) -> str:
    """`PurePath(path).name`, without building a path object for every document: on POSIX the
    last part between slashes, unless that is empty or `.` (which the path object drops)."""
    name = path.rpartition("/")[2]
    if name and name != "." and os.sep == "/":
        return name
    return PurePath(path).name


def normalise_url(url: str) -> str | None:
    """A comparison key for a source URL, or None when it is not an absolute web address.

    Scheme (http or https), host case, a leading `www.`, a default port, the fragment, a trailing
    slash, how the path is percent-encoded (`%C3%A9`, `%c3%a9` or `é`) and tracking parameters do
    not make two sources different.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    hostname = parts.hostname  # (worked out again from the address at each ask)
    if parts.scheme.lower() not in ("http", "https") or not hostname:
        return None
    host = hostname.lower().rstrip(".")
    host = host.removeprefix("www.") if host.count(".") > 1 else host
    if port is not None and port not in (80, 443):
        host = f"{host}:{port}"
    path = _normalise_escapes(parts.path).rstrip("/") or "/"
    query = (
        urlencode(
            [
                (k, v)
                for k, v in parse_qsl(parts.query, keep_blank_values=True)
                if not is_tracking(k, url=url)
            ]
        )
        if parts.query
        else ""  # (what the parameters of an empty query encode to; most sources have none)
    )
    return urlunsplit(("https", host, path, query, ""))


# Characters kept as written (`%` and the reserved ones) when a path is encoded again: an
# escaped reserved character (`%2F`) is not the character itself, so neither is decoded.
_PATH_SAFE = "%/:@!$&'()*+,;=-._~"
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def _normalise_escapes(path: str) -> str:
    """One spelling of a path: characters beyond ASCII UTF-8 escaped, escapes in upper case,
    escaped unreserved characters (`%7E`) decoded (RFC 3986, 6.2.2)."""
    path = quote(path, safe=_PATH_SAFE)
    if "%" not in path:
        return path  # no escape to spell

    def one(match: re.Match[str]) -> str:
        byte = int(match.group(1), 16)
        return chr(byte) if byte in _UNRESERVED else f"%{byte:02X}"

    return _ESCAPE.sub(one, path)


# Quotation marks that differ only in typography (feeds disagree on them).
_QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
    }
)


def normalise_title(title: str) -> str:
    """Titles that read the same are the same: entities decoded, compatibility forms folded
    (full-width `：` is `:`, `Ａ` is `A`), invisible characters dropped, typographic quotes made
    plain, spacing and case ignored. Other punctuation counts (`Budget passes?` is another title).
    """
    text = unicodedata.normalize("NFKC", unescape(title)).translate(_QUOTES)
    if not text.isascii():  # no ASCII character is a format character (Cf)
        text = "".join(char for char in text if unicodedata.category(char) != "Cf")
    return " ".join(text.split()).casefold()


def position(doc: Document, span: Span) -> tuple[int, int, int, int]:
    start, end = doc.position(span.start), doc.position(span.end)
    return (start.line, start.column, end.line, end.column)


def translation_key(doc: Document) -> str:
    """What Hugo links translations by: `translationKey`, else the path without its language.

    The path is the file's place in Hugo's content tree when it lies in the site's content.
    """
    key = doc.value("translationKey")
    if isinstance(key, str | int) and str(key).strip():
        return f"key:{key}"
    inside = content_path(doc)
    relative = inside if inside is not None else doc.path.replace(os.sep, "/")
    folder, _, name = relative.rpartition("/")
    if doc.language and name.lower().endswith(f".{doc.language.lower()}.md"):
        name = name[: -len(f".{doc.language}.md")] + ".md"
    return f"path:{folder}/{name}"


def content_path(doc: Document) -> str | None:
    """The document's place in the site's content tree (`Site.content_path`), worked out once
    per document for every rule that asks; None outside a site's content folders."""
    site = doc.site
    if site is None or site.root is None:
        return None
    return doc.memo(("content-path",), site.content_path, doc.path)


def order_key(doc: Document) -> str:
    """Which article of a group is the original, as sortable text: published articles before
    drafts (a draft that repeats a published article is the one to change; `draft` may come from
    a section's `cascade`; read as Hugo reads it, so `draft: "true"` is one), then by
    `date_key`."""
    return ("1" if _hugo_true()(doc, "draft") else "0") + date_key(doc)


_HUGO_TRUE: Callable[[Document, str], bool] | None = None


def _hugo_true() -> Callable[[Document, str], bool]:
    """`_pages.hugo_true`, imported on first use (as it always was: `_pages` imports this module
    in turn) and kept: an import statement run on every call costs ~8k instructions."""
    global _HUGO_TRUE
    if _HUGO_TRUE is None:
        from ._pages import hugo_true

        _HUGO_TRUE = hugo_true
    return _HUGO_TRUE


def date_key(doc: Document) -> str:
    """The article's date as sortable text (UTC), "~" when it has none that parses."""
    value: Any = doc.value("date")
    found = doc.field("date")
    if value is None and found is not None and found.node.tag == "timestamp":
        # A TOML date-time has no value on its node (YAML's is its text): read the source, or
        # every TOML article would sort as undated, after the YAML and JSON ones.
        from newslint.matter import toml_value

        try:
            value = toml_value(doc.text[found.node.span.start : found.node.span.end])
        except ValueError:
            return "~"
    if isinstance(value, int) and not isinstance(value, bool):
        # Hugo reads a YAML or TOML integer as seconds since 1970 (a JSON number it cannot read).
        if found is None or found.format == "json":
            return "~"
        try:
            value = datetime.fromtimestamp(value, UTC)
        except (OverflowError, OSError, ValueError):
            return "~"
    if isinstance(value, date) and not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return "~"
    if not isinstance(value, datetime):
        return "~"
    if value.tzinfo is not None:
        try:
            value = value.astimezone(UTC).replace(tzinfo=None)
        except OverflowError:  # 9999-12-31T23:59:59-05:00 is past the last UTC date Python has
            value = value.replace(tzinfo=None)  # its local time orders it within a day
    return value.isoformat()


# What a cross-file rule collects per document: one small tuple (it is kept for every file of the
# run, so 30,000 articles must not mean 30,000 dicts). `key` is None when it equals `value`;
# `date` is the `order_key`; `translation` is "language NUL translation key", or None when
# translations do not matter (then each file stands alone).
KEY, VALUE, POSITION, DATE, TRANSLATION = range(5)
Item = tuple[Any, str, tuple[int, int, int, int], str, str | None]


def item(
    key: Any, value: str, where: tuple[int, int, int, int], doc: Document, translations: bool
) -> Item:
    """The document's `Item`. Its key is the site's too: two Hugo sites in one run (`check east
    west`, a repository of several sites) build separate pages, so articles of different sites
    are never each other's duplicates."""
    translation = f"{doc.language or ''}\0{translation_key(doc)}" if translations else None
    root = doc.site.root if doc.site is not None else None
    if root is not None:
        key = (str(root), key)
    # duplicate-source and duplicate-title both ask for the order key: worked out once.
    order = doc.memo("order-key", order_key, doc)
    return (None if key == value else key, value, where, order, translation)


def group_key(data: Item) -> Any:
    """What an item is grouped by: its key (the rules' `group_key`, and `report_duplicates`)."""
    return data[VALUE] if data[KEY] is None else data[KEY]


def report_duplicates(ctx: ProjectContext, collected: list[Collected], message_id: str) -> None:
    """Group the collected items by key; in each group of two or more, report every member except
    the earliest, naming the earliest.

    A translation of an earlier member (one translation key, another language) counts once with
    it; two members in one language are two articles whatever their keys.
    """
    groups: dict[Any, list[Collected]] = defaultdict(list)
    for entry in collected:
        groups[group_key(entry.data)].append(entry)
    for members in groups.values():
        if len(members) < 2:
            continue
        ordered = sorted(members, key=lambda c: (c.data[DATE], c.path))
        distinct: list[Collected] = []
        languages: dict[str, set[str]] = {}  # translation key -> languages seen with it
        for member in ordered:
            translation = member.data[TRANSLATION]
            if translation is not None:
                language, _, key = translation.partition("\0")
                seen = languages.setdefault(key, set())
                if seen and language not in seen:
                    seen.add(language)
                    continue  # a translation of a member already counted
                seen.add(language)
            distinct.append(member)
        if len(distinct) < 2:
            continue
        first = distinct[0]
        others = len(distinct) - 2
        more = f" (and {others} more)" if others else ""
        for member in distinct[1:]:
            ctx.report(
                member.path,
                member.data[POSITION],
                message_id,
                # A baseline matches the value, not the message (the other file's path is seen
                # from the working directory, and the count changes with every new duplicate).
                source_text=member.data[VALUE],
                value=member.data[VALUE],
                other=first.path,
                more=more,
                # Under `--project`, a given file that turns out to be the original (dated before
                # an existing article) gets the existing one reported, as a whole run reports it.
                related=(first.path,),
            )


class DuplicateRule(Rule):
    """Base of the duplicate rules: a document sets `self.data` (an `Item`) in a handler; the items
    are grouped by `group_key` and each group's later members reported as "duplicate"."""

    def __init__(self) -> None:
        self.data: Item | None = None

    def collect(self) -> Any:
        return self.data

    @classmethod
    def group_key(cls, data: Item) -> Any:
        return group_key(data)

    @classmethod
    def project_end(cls, ctx: ProjectContext, collected: list[Collected]) -> None:
        report_duplicates(ctx, collected, "duplicate")


def whole_site_in_run(ctx: ProjectContext, root: str) -> bool:
    """Whether the run holds every content file of the site at `root` (a content adapter's pages
    are none), and no page of it whose URL cannot be told: else a page not seen may be served at
    any path, and a page bundle not seen may publish its resources there. The counts are the
    cross-file rule's own: `("doubt", root)` for pages whose URL cannot be told, `("pages",
    root)` for every page (page-not-found and file-not-found)."""
    if ctx.count(("doubt", root)):
        return False
    if site_for_dir(root).keeps_host_redirects:
        return False  # the host redirects paths the site has no page at any more
    return every_page_in_run(ctx, root)


def every_page_in_run(ctx: ProjectContext, root: str) -> bool:
    """Whether the run holds every content file of the site at `root`, as many as the rule's
    `CountedKey(("pages", root))` counts (each page of the run gives it once): no content adapter
    adds pages, no submodule not checked out holds some, and the content folders on disk hold no
    more files than that. A pre-commit hook given a few files, or a file the run skips, makes it
    false."""
    site = site_for_dir(root)
    roots = site.all_content_roots
    if site.root is None or not roots:
        return False  # no site there (a run of texts with a site of its own): nothing to count
    if site.content_in_submodule:
        return False  # a submodule not checked out holds pages no file on disk shows
    # At most as many as the run holds: a text given on stdin may stand for a file not yet saved.
    languages = site.leaf_index_languages()
    return content_files_on_disk(roots, ctx.count(("pages", root)), languages) is not None
