"""Helpers of the cross-file rules: what a document contributes, and how a duplicate is reported.

Everything a rule collects here is small plain data (strings, ints, tuples) so that it pickles from
worker processes and is stored in the cache with the file's result.
"""

from __future__ import annotations

import html
import os
import re
from collections import defaultdict
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from newslint.document import Document
from newslint.events import Collected
from newslint.rule import ProjectContext, Rule
from newslint.spans import Span

# The whole last body line is one link: `[name](url)`, optionally `<url>` and a title.
_SOURCE_LINE = re.compile(
    r"[ \t]*\[[^\]\n]*\]\([ \t]*(<[^>\n]*>|[^\s()<>]+)(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'))?[ \t]*\)[ \t]*"
)
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|yclid|igshid)$", re.I)


def source_link(doc: Document, field_name: str = "source") -> tuple[str, Span] | None:
    """The article's source URL and its span: the `source` field, else the last body line's link."""
    found = doc.field(field_name)
    if found is not None and isinstance(found.value, str) and found.value.strip():
        return found.value.strip(), found.value_span
    text = doc.text
    end = len(text.rstrip())
    if end <= doc.body_start:
        return None
    start = max(text.rfind("\n", doc.body_start, end), text.rfind("\r", doc.body_start, end))
    start = doc.body_start if start < 0 else start + 1
    match = _SOURCE_LINE.fullmatch(text, start, end)
    if match is None:
        return None
    url_start, url_end = match.span(1)
    if text[url_start] == "<":
        url_start, url_end = url_start + 1, url_end - 1
    return text[url_start:url_end], Span(url_start, url_end)


def normalise_url(url: str) -> str | None:
    """A comparison key for a source URL, or None when it is not an absolute web address.

    Scheme (http or https), host case, a default port, the fragment, a trailing slash and tracking
    parameters do not make two sources different.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if port is not None and port not in (80, 443):
        host = f"{host}:{port}"
    path = parts.path.rstrip("/") or "/"
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not _TRACKING.match(k)
        ]
    )
    return urlunsplit(("https", host, path, query, ""))


def normalise_title(title: str) -> str:
    """Titles that read the same are the same: entities decoded, spacing and case ignored."""
    return " ".join(html.unescape(title).split()).casefold()


def position(doc: Document, span: Span) -> tuple[int, int, int, int]:
    start, end = doc.position(span.start), doc.position(span.end)
    return (start.line, start.column, end.line, end.column)


def translation_key(doc: Document) -> str:
    """What Hugo links translations by: `translationKey`, else the path without its language.

    The path is taken relative to the language's content folder when the site has one.
    """
    key = doc.value("translationKey")
    if isinstance(key, str | int) and str(key).strip():
        return f"key:{key}"
    relative = doc.path.replace(os.sep, "/")
    site = doc.site
    if site is not None and site.root is not None and doc.language in site.languages:
        folder, name = os.path.split(os.path.abspath(doc.path))
        real = os.path.join(_real_dir(folder), name)
        base = _real_dir(os.path.join(site.root, site.languages[doc.language or ""]))
        if real.startswith(base + os.sep):
            relative = real[len(base) + 1 :].replace(os.sep, "/")
    folder, _, name = relative.rpartition("/")
    if doc.language and name.lower().endswith(f".{doc.language.lower()}.md"):
        name = name[: -len(f".{doc.language}.md")] + ".md"
    return f"path:{folder}/{name}"


@lru_cache(maxsize=1024)
def _real_dir(directory: str) -> str:
    return os.path.realpath(directory)


def date_key(doc: Document) -> str:
    """The article's date as sortable text (UTC), "~" when it has none that parses."""
    value: Any = doc.value("date")
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
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.isoformat()


# What a cross-file rule collects per document: one small tuple (it is kept for every file of the
# run, so 30,000 articles must not mean 30,000 dicts). `key` is None when it equals `value`;
# `translation` is None when only the path links translations (then the path is used).
KEY, VALUE, POSITION, DATE, TRANSLATION = range(5)
Item = tuple[Any, str, tuple[int, int, int, int], str, str | None]


def item(
    key: Any, value: str, where: tuple[int, int, int, int], doc: Document, translations: bool
) -> Item:
    translation = translation_key(doc) if translations else None
    return (None if key == value else key, value, where, date_key(doc), translation)


def group_key(data: Item) -> Any:
    """What an item is grouped by: its key (the rules' `group_key`, and `report_duplicates`)."""
    return data[VALUE] if data[KEY] is None else data[KEY]


def report_duplicates(ctx: ProjectContext, collected: list[Collected], message_id: str) -> None:
    """Group the collected items by key; in each group of two or more, report every member except
    the earliest, naming the earliest.

    Members that are translations of one another (one translation key) count once.
    """
    groups: dict[Any, list[Collected]] = defaultdict(list)
    for entry in collected:
        groups[group_key(entry.data)].append(entry)
    for members in groups.values():
        if len(members) < 2:
            continue
        ordered = sorted(members, key=lambda c: (c.data[DATE], c.path))
        distinct: list[Collected] = []
        seen: set[str] = set()
        for member in ordered:
            translation = member.data[TRANSLATION] or member.path
            if translation not in seen:
                seen.add(translation)
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
                value=member.data[VALUE],
                other=first.path,
                more=more,
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
