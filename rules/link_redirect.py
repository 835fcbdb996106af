"""A link permanently redirects (with `--check-links`).

## What it does
With `newslint check --check-links` (or `[links] check = true`), reports each place a URL is written
that answers with a permanent redirect (301 or 308), naming where it leads. Temporary redirects
(302, 303, 307) are fine and not reported. The target is the address reached through the permanent
redirects only: in `301 -> 302 -> page` the link should point where the 301 leads, since the 302
may change. A redirect that leads to a broken page, or that sends a deep link to the site's home
page, is `link-broken`'s to report, not this rule's.

## Why is this bad?
A permanent redirect says the page has moved for good; every visit pays an extra round trip, and
the old address can stop redirecting when the site is rebuilt.

## Example
    [source](https://example.com/news/2025/budget)

## Use instead
    [source](https://example.com/news/2025/budget-passes)

## Fix safety
Unsafe: the new URL is whatever the site answered at check time, which an editor should look at (a
site may redirect retired articles to a section page). A reference-style link (`[text][ref]`) is
reported and fixed once, at its definition (`[ref]: https://...`), where its URL is written; a link
that shows its own URL as its text (`[https://x.org/a](https://x.org/a)`) gets the new URL in both
places. No fix is offered when the written URL differs from the link's target (entities, escapes, a
definition that cannot be placed, such as one inside a quote), when the new URL would need quoting,
or when it would not show as written in such a link's text (`_emphasis_`, `*`) or, for a bare URL,
would not be linked whole (`https://x.org/a.` links `https://x.org/a`). Links in raw HTML
(`<a href="...">`, `<img src="...">`, an `<iframe src>`) are reported too, at the attribute's value;
the new URL is written there HTML-escaped (`&` as `&amp;`), and an unquoted value
(`href=https://...`) gets no fix. `newslint fix --check-links --unsafe-fixes` applies it once every
file is fixed and linted, to files whose bytes have not changed since; `--diff` shows it.
"""

from __future__ import annotations

from newslint import Edit, Fix, Severity
from newslint.events import Collected
from newslint.rule import ProjectContext
from newslint.spans import Span

from ._checked_links import CheckedLinks, links_back, reads_as_written, safe_replacement


class LinkRedirect(CheckedLinks):
    code = "LK007"
    name = "link-redirect"
    severity = Severity.INFO
    messages = {"redirect": "link permanently redirects to {target}"}

    @classmethod
    def project_end(cls, ctx: ProjectContext, collected: list[Collected]) -> None:
        for item in collected:
            for use in item.data:
                result = ctx.links.get(use.url)
                if result is None or result.verdict != "redirect" or not result.target:
                    continue
                span = Span(use.start, use.end)
                fix = None
                positions = [use.position]
                if use.replaceable and safe_replacement(result.target):
                    from html import escape  # here: only a checked redirect gets this far

                    # In a quoted HTML attribute `&` is written `&amp;`.
                    new = escape(result.target) if use.html else result.target
                    edits = [Edit.replace(span, new)]
                    if use.shown_at >= 0:  # the link's text is its URL: it shows the new one
                        shown = Span(use.shown_at, use.shown_at + use.end - use.start)
                        edits.insert(0, Edit.replace(shown, new))
                        column = use.shown_column
                        end = column + use.end - use.start
                        positions.insert(0, (use.line, column, use.line, end))
                    if (use.shown_at < 0 or reads_as_written(new)) and (
                        not use.bare or links_back(new)
                    ):
                        fix = Fix.unsafe("Link to the redirect target", *edits)
                ctx.report(
                    item.path,
                    use.position,
                    "redirect",
                    fix=fix,
                    fix_positions=positions if fix else (),
                    span=span,
                    source_line=use.source_line,
                    target=result.target,
                )
