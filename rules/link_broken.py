"""A link does not work (with `--check-links`).

## What it does
With `newslint check --check-links` (or `[links] check = true`), fetches every http(s) link of the
linted articles once, the links in raw HTML (`<a href>`, `<area href>`, `<img src>` and each URL of
its `srcset`, `<iframe src>`, `<video src>`, `<audio src>`, `<source src>`, `<embed src>`, `<object
data>`, reported at the attribute's value) and the source field included (each URL of a list,
`source: [url1, url2]`; under the page's `params` when set there), and bare URLs that Hugo's
linkify makes links; code is skipped. It reports each place a failing URL is written (a
reference-style link's in its definition, once):

- error: the page is gone (404, 410), the host does not exist, or nothing answers at its
  address (connection refused, after the retries);
- warning, with the reason: a login is needed (401), the request was blocked, possibly by a bot
  wall (403), rate limited (429), a server error (5xx), a timeout or a dropped connection after the
  retries, an answer that is not HTTP, too many redirects or a redirect loop, a redirect to an
  invalid URL or without a location, a redirect of a deep link to the site's home page (the usual
  way news sites retire an article), or a proxy (from `HTTP_PROXY`...) that cannot be reached;
- warning, with `[links] include-fragments = true` (lychee's `--include-fragments`): a link with a
  `#fragment` to a page that has no element with that `id` (or `<a name>`); the page is read for
  it (GET, at most 4 MiB; a page read only in part, or not HTML, is not judged).

Statuses listed in `[links] accept` count as working; `[links] exclude` regexes are never fetched,
nor is a URL that holds a shortcode call (`https://x.org/{{< param "id" >}}/a`: the call's output
goes in its place when Hugo builds the page);
`--offline` makes no request (results still in the cache are used). See `newslint.linkcheck` for how
requests are made: HEAD then GET, per-host limits, retries honouring `Retry-After`, and a cache
(of lasting answers only: a timeout, a 5xx or a 429 is asked again on the next run).

## Why is this bad?
The source link is how a reader checks a news article; a dead one makes the article unverifiable,
and a dead link in the body sends readers to an error page.

## Example
    [reuters](https://www.reuters.com/world/an-article-that-was-removed)

## Use instead
    [reuters](https://www.reuters.com/world/the-article-at-its-current-address)
"""

from __future__ import annotations

from newslint import Severity
from newslint.events import Collected
from newslint.rule import ProjectContext
from newslint.spans import Span

from ._checked_links import CheckedLinks


class LinkBroken(CheckedLinks):
    code = "LK006"
    name = "link-broken"
    severity = Severity.ERROR
    messages = {
        "broken": "link is broken: {reason}",
        "unreliable": "link may be broken: {reason}",
    }

    @classmethod
    def project_end(cls, ctx: ProjectContext, collected: list[Collected]) -> None:
        for item in collected:
            for use in item.data:
                result = ctx.links.get(use.url)
                if result is None or result.verdict not in ("broken", "warning"):
                    continue
                broken = result.verdict == "broken"
                ctx.report(
                    item.path,
                    use.position,
                    "broken" if broken else "unreliable",
                    severity=ctx.severity if broken else min(ctx.severity, Severity.WARNING),
                    span=Span(use.start, use.end),
                    source_line=use.source_line,
                    reason=result.reason,
                )
