"""Tracking parameters in a URL.

## What it does
Flags query parameters that only track the click: `utm_*`, `fbclid`, `gclid`, `msclkid`,
`mc_eid`, `igshid`, Twitter's `ref_src` and similar, in body links and images and in the source
field. The `extra` option adds names (a trailing `*` matches a prefix, as in `utm_*`).
Parameters that may select content (`ref`, `from`, `src`, `id`) are never on the default list.

## Why is this bad?
They tie every reader's click to a campaign or a person's share, make one URL look like many (so
duplicate-source checks miss repeats), and leak where the article was copied from.

## Example
    [reddit](https://www.reddit.com/r/x/comments/1?utm_source=share&utm_medium=web2x&context=3)

## Use instead
    [reddit](https://www.reddit.com/r/x/comments/1?context=3)

## Fix safety
Safe: only the tracking parameters are removed; the other parameters, their order and spelling,
and the fragment stay exactly as written.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from urllib.parse import unquote_plus

from newslint import Edit, Fix, Rule, Severity
from newslint.events import Field, Link
from newslint.rule import Context
from newslint.spans import Span

from ._fields import key_in
from ._links import Destinations, source_field_name
from ._text import FieldText

TRACKING = (
    "utm_*",
    "fbclid",
    "gclid",
    "gclsrc",
    "dclid",
    "gbraid",
    "wbraid",
    "msclkid",
    "yclid",
    "twclid",
    "ttclid",
    "li_fat_id",
    "mc_cid",
    "mc_eid",
    "igshid",
    "igsh",
    "_hsenc",
    "_hsmi",
    "mkt_tok",
    "ref_src",
    "ref_url",
    "_ga",
    "_gl",
    "oly_anon_id",
    "oly_enc_id",
    "vero_id",
    "rb_clickid",
    "s_kwcid",
)


@dataclass(frozen=True)
class Options:
    extra: tuple[str, ...] = ()
    field: str = ""


def tracking_query(url: str, names: tuple[str, ...]) -> tuple[int, int, str, list[str]] | None:
    """`(start, end, replacement, removed names)` for the query of `url` (from its `?` up to
    the fragment) without tracking parameters; None when it has none."""
    question = url.find("?")
    hash_at = url.find("#")
    if question < 0 or (0 <= hash_at < question):
        return None
    end = hash_at if hash_at >= 0 else len(url)
    pairs = url[question + 1 : end].split("&")
    keep = []
    removed = []
    for pair in pairs:
        name = unquote_plus(pair.split("=", 1)[0]).strip().lower()
        if name and any(fnmatch.fnmatchcase(name, pattern) for pattern in names):
            removed.append(name)
        else:
            keep.append(pair)
    if not removed:
        return None
    query = "&".join(keep)
    return question, end, ("?" + query if query.strip("&") else ""), removed


class TrackingParams(Rule):
    code = "LK005"
    name = "tracking-params"
    severity = Severity.INFO
    messages = {"tracking": "URL has tracking parameters: {names}"}
    Options = Options

    def __init__(self) -> None:
        self.destinations: Destinations | None = None

    def _names(self, ctx: Context) -> tuple[str, ...]:
        return TRACKING + tuple(n.lower() for n in ctx.options.extra)

    def on_link(self, ctx: Context, link: Link) -> None:
        found = tracking_query(link.url, self._names(ctx))
        if found is None:
            return
        start, end, replacement, removed = found
        text = ctx.document.text
        self.destinations = self.destinations or Destinations(ctx.document)
        dest = self.destinations.of(link)
        if not self.destinations.first_time(link, dest):
            return
        fix = None
        where = link.span
        if dest is not None and text[dest.start : dest.end] == link.url:
            span = Span(dest.start + start, dest.start + end)
            fix = Fix.safe("Remove the tracking parameters", Edit.replace(span, replacement))
            where = span
        ctx.report(where, "tracking", names=", ".join(dict.fromkeys(removed)), fix=fix)

    def on_field(self, ctx: Context, field: Field) -> None:
        if not key_in(field.key, (source_field_name(ctx, ctx.options.field),)):
            return
        if not isinstance(field.value, str):
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
