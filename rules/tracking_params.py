"""Tracking parameters in a URL.

## What it does
Flags query parameters that only track the click: `utm_*`, `fbclid`, `gclid`, `msclkid`, `mc_eid`,
`igshid`, Twitter's `ref_src`, Piano's `at_medium` and `at_campaign` (as BBC News feeds write them),
YouTube's and Spotify's share identifier `si` (on their own hosts only: `youtu.be/x?si=...`,
`open.spotify.com/track/x?si=...`) and similar, in body links and images and in the source field
(each URL of a list, `source: [url1, url2]`; under the page's `params` when set there, as Hugo
0.150+ reads it). The `extra` option adds names (a trailing `*` matches a prefix, as in `utm_*`).
Parameters that may select content (`ref`, `from`, `src`, `id`) are never on the default list.

It is reported at the whole query, from its `?` up to the fragment, also when the tracking
parameters are not the first; the fix cuts only the tracking pairs, each with one `&`. Links in raw
HTML (`<a href>`, `<area href>`, `<img src>` and `srcset`, embeds such as `<iframe src>`) are
flagged too, and the cut keeps the rest of the attribute as written (`&amp;` stays `&amp;`; a
backslash there is no escape).

A link through a click redirect that names its target in the query is reported too (message
`redirect`), once, instead of its parameters: Google's result links (`https://www.google.com/url?
...&url=<address>&ved=...`, any Google country domain, the address in `url` or `q`), Facebook's
outgoing links (`l.facebook.com/l.php?u=<address>`) and Outlook's Safe Links
(`*.safelinks.protection.outlook.com/?url=<address>`), as a link copied from a search result, a
post or a mail reads. A Google search (`/search?q=...`) or a `q` that is no web address is none.

## Why is this bad?
They tie every reader's click to a campaign or a person's share, make one URL look like many (so
duplicate-source checks miss repeats), and leak where the article was copied from.

## Example
    [reddit](https://www.reddit.com/r/x/comments/1?utm_source=share&utm_medium=web2x&context=3)

## Use instead
    [reddit](https://www.reddit.com/r/x/comments/1?context=3)

## Fix safety
Safe: only the tracking parameters (and empty pairs such as the one in `a=1&&b=2`) are removed;
the other parameters, their order and spelling, escapes and entities such as `&amp;`, and the
fragment stay exactly as written. A click redirect becomes the address it names (decoded as the
redirect reads it), which is where the reader lands anyway; not when the destination is written
with escapes or entities, or the address holds white space, brackets, quotes or backslashes.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from urllib.parse import unquote_plus

from newslint import Edit, Fix, Rule, Severity
from newslint.events import Field, Html, Link
from newslint.rule import Context
from newslint.spans import Span

from ._fields import lowered_keys
from ._html_links import links_in
from ._links import (
    Destinations,
    source_field_keys,
    source_field_name,
    source_offsets,
    source_values_in,
)
from ._text import FieldText
from ._tracking import TRACKING, host_tracking, redirect_target


@dataclass(frozen=True)
class Options:
    """Options of the rule (its `[rules.tracking-params]` table)."""

    extra: tuple[str, ...] = ()
    field: str = ""


def tracking_cuts(
    url: str, names: tuple[str, ...]
) -> tuple[int, int, list[tuple[int, int]], list[str]] | None:
    """The query of `url` (`start`, `end`: from its `?` up to the fragment), the pieces of `url`
    to cut to drop its tracking parameters, and their names; None when it has none.

    Each cut takes a parameter with the `&` before it (after it, for a leading one), so the rest
    of the URL stays as written. Empty pairs (`a=1&&b=2`) go too once something is cut: they
    carry nothing. When nothing would be left, the `?` goes as well.
    """
    question = url.find("?")
    hash_at = url.find("#")
    if question < 0 or (0 <= hash_at < question):
        return None
    names = names + host_tracking(url)
    end = hash_at if hash_at >= 0 else len(url)
    pieces: list[tuple[int, int, bool]] = []  # (start, end, cut) of each pair
    removed: list[str] = []
    start = question + 1
    for pair in url[start:end].split("&"):
        name = unquote_plus(pair.split("=", 1)[0]).strip().lower()
        tracking = bool(name) and any(fnmatch.fnmatchcase(name, p) for p in names)
        if tracking:
            removed.append(name)
        pieces.append((start, start + len(pair), tracking or not pair.strip()))
        start += len(pair) + 1
    if not removed:
        return None
    if all(cut for _, _, cut in pieces):
        return question, end, [(question, end)], removed
    cuts: list[tuple[int, int]] = []
    kept_before = False
    for piece_start, piece_end, cut in pieces:
        if not cut:
            kept_before = True
            continue
        # With a kept pair before it, a pair takes the `&` before it; else the `&` after it.
        span = (piece_start - 1, piece_end) if kept_before else (piece_start, piece_end + 1)
        if cuts and cuts[-1][1] == span[0]:
            cuts[-1] = (cuts[-1][0], span[1])
        else:
            cuts.append(span)
    return question, end, cuts, removed


def tracking_query(url: str, names: tuple[str, ...]) -> tuple[int, int, str, list[str]] | None:
    """`(start, end, replacement, removed names)` for the query of `url` (from its `?` up to
    the fragment) without tracking parameters; None when it has none."""
    found = tracking_cuts(url, names)
    if found is None:
        return None
    start, end, cuts, removed = found
    kept, pos = [], start
    for cut_start, cut_end in cuts:
        kept.append(url[pos:cut_start])
        pos = cut_end
    kept.append(url[pos:end])
    return start, end, "".join(kept), removed


class TrackingParams(Rule):
    code = "LK005"
    name = "tracking-params"
    severity = Severity.INFO
    messages = {
        "tracking": "URL has tracking parameters: {names}",
        "redirect": "URL goes through {service}'s click redirect to {target}",
    }
    Options = Options

    def __init__(self) -> None:
        self.destinations: Destinations | None = None

    def _names(self, ctx: Context) -> tuple[str, ...]:
        return TRACKING + tuple(n.lower() for n in ctx.options.extra)

    def on_link(self, ctx: Context, link: Link) -> None:
        if (redirect := redirect_target(link.url)) is not None:
            self._redirect(ctx, link, *redirect)
            return
        found = tracking_cuts(link.url, self._names(ctx))
        if found is None:
            return
        start, end, cuts, removed = found
        self.destinations = self.destinations or Destinations(ctx.document)
        dest = self.destinations.of(link)
        if not self.destinations.first_time(link, dest):
            return
        fix = None
        where = link.span
        # Offsets through escapes and entities (`&amp;` from scraped HTML), so the cut keeps
        # the rest of the destination exactly as written.
        at = (
            source_offsets(
                ctx.document.text, dest, link.url, html_attribute=link.link_type == "Html"
            )
            if dest is not None
            else None
        )
        if at is not None:
            edits = [Edit.delete(Span(at[a], at[b])) for a, b in cuts]
            fix = Fix.safe("Remove the tracking parameters", *edits)
            where = Span(at[start], at[end])
        ctx.report(where, "tracking", names=", ".join(dict.fromkeys(removed)), fix=fix)

    def _redirect(self, ctx: Context, link: Link, service: str, target: str) -> None:
        self.destinations = self.destinations or Destinations(ctx.document)
        dest = self.destinations.of(link)
        if not self.destinations.first_time(link, dest):
            return
        fix = None
        where = link.span
        if dest is not None:
            where = dest
            # Only a destination written as the parser read it (no escapes or entities), and a
            # target that needs no brackets or escapes of its own, is swapped as a whole.
            if ctx.document.text[dest.start : dest.end] == link.url and _plain(target):
                fix = Fix.safe("Link the address itself", Edit.replace(dest, target))
        ctx.report(where, "redirect", service=service, target=_shown(target), fix=fix)

    def on_html(self, ctx: Context, node: Html) -> None:
        for link in links_in(ctx.document, node):
            self.on_link(ctx, link)

    @classmethod
    def field_keys(cls, ctx: Context) -> frozenset[str]:
        # `on_field` returns at once for any other key.
        return lowered_keys(source_field_keys(source_field_name(ctx, ctx.options.field)))

    def on_field(self, ctx: Context, field: Field) -> None:
        # Each source the page takes: under `params` when set there, each item of a list.
        name = source_field_name(ctx, ctx.options.field)
        for value in source_values_in(ctx.document, field, name):
            self._source(ctx, value)

    def _source(self, ctx: Context, field: Field) -> None:
        if (redirect := redirect_target(field.value)) is not None:
            service, target = redirect
            edited = FieldText(ctx.document.text, field)
            start = len(field.value) - len(field.value.lstrip())
            end = len(field.value.rstrip())
            fix = None
            if _plain(target):
                (edits,) = edited.edits([(start, end, target)])
                fix = Fix.safe("Link the address itself", *edits)
            shown = _shown(target)
            ctx.report(edited.span(start, end), "redirect", service=service, target=shown, fix=fix)
            return
        found = tracking_query(field.value, self._names(ctx))
        if found is None:
            return
        start, end, replacement, removed = found
        edited = FieldText(ctx.document.text, field)
        (edits,) = edited.edits([(start, end, replacement)])
        fix = Fix.safe("Remove the tracking parameters", *edits)
        names = ", ".join(dict.fromkeys(removed))
        ctx.report(edited.span(start, end), "tracking", names=names, fix=fix)


_NOT_PLAIN = re.compile(r"[\s()<>\"'\\\[\]`]")


def _plain(target: str) -> bool:
    """Whether `target` can stand for the redirect as written: nothing Markdown or YAML would
    read otherwise (white space, brackets, quotes, backslashes)."""
    return _NOT_PLAIN.search(target) is None


def _shown(target: str) -> str:
    return target if len(target) <= 80 else target[:77] + "..."
