"""A call of a shortcode that Hugo no longer has, which fails the build.

## What it does
Reports a call in the body of one of the built-in shortcodes that Hugo removed, in either form
(`{{< gist user 123 >}}`, `{{% twitter user="x" id="1" %}}`), at the call:

- `gist`: deprecated in Hugo 0.143.0, removed in 0.156.0;
- `tweet`, `twitter` and `twitter_simple`: deprecated in 0.142.0, removed in 0.156.0 (the `x`
  and `x_simple` shortcodes take their place);
- `instagram_simple`: removed in 0.123.0 (`instagram` takes its place).

Hugo runs shortcodes before Markdown, so a call in a code span or a code block fails the build
too (checked with hugo 0.168); only the commented form that shows a call, `{{</* gist user 123
*/>}}`, does not. Not reported:

- a name the site or one of its theme components defines itself (`layouts/shortcodes/gist.html`,
  or Hugo 0.146's `layouts/_shortcodes/`): Hugo then runs that template;
- a site whose templates cannot all be read (a theme component or a `layouts` mount not on disk:
  it may define the shortcode), and a file outside any Hugo site (Jekyll's `{% gist %}` is not
  Hugo's);
- a site whose `module.hugoVersion.max` is older than the release that removed the shortcode,
  or whose builds are pinned to such a Hugo outside the configuration (`HUGO_VERSION` in
  `netlify.toml`, `vercel.json`, `wrangler.toml`, `.gitlab-ci.yml` or a GitHub workflow, a
  workflow's `hugo-version:`, a GitLab job's Hugo image tag; in the site's folder or above it,
  up to the repository's root; one older pin is enough): it is built with a Hugo that still has
  it;
- a page Hugo never renders itself (`build.render: never` or `link`, its own or cascaded, and
  `headless: true`; the older `_build` too): hugo 0.168 runs its shortcodes only if a list
  template shows its `.Summary` or `.Content`, which the templates decide;
- a call in an HTML comment, whose output Hugo leaves out unless raw HTML is allowed.

A draft is reported too: `hugo` builds it once it is published (or with `--buildDrafts`), and
then fails.

## Why is this bad?
Hugo 0.156 and later stop with `ERROR The "gist" shortcode was deprecated in v0.143.0 and removed
in v0.156.0.`: the site is not built at all, not just this page.

## Example
    {{< tweet user="GoHugoIO" id="877500564405444608" >}}

## Use instead
    {{< x user="GoHugoIO" id="877500564405444608" >}}

For a gist, copy its code into a code block, link to it, or write a `gist` shortcode of the site's
own (`layouts/_shortcodes/gist.html`), as Hugo's documentation advises.
"""

from __future__ import annotations

import re

from newslint import Rule, Severity, Span
from newslint.document import Document
from newslint.rule import Context

from ._body import _SHORTCODE_CALL, in_html_comment
from ._pages import never_rendered

# Removed shortcode -> (the release that removed it, what Hugo's docs and error text advise).
REMOVED = {
    "gist": (
        (0, 156, 0),
        "copy the code into a code block, link to the gist, or write a `gist` shortcode of the "
        "site's own",
    ),
    "tweet": ((0, 156, 0), 'use the "x" shortcode: {{< x user="..." id="..." >}}'),
    "twitter": ((0, 156, 0), 'use the "x" shortcode: {{< x user="..." id="..." >}}'),
    "twitter_simple": (
        (0, 156, 0),
        'use the "x_simple" shortcode: {{< x_simple user="..." id="..." >}}',
    ),
    "instagram_simple": ((0, 123, 0), 'use the "instagram" shortcode'),
}
# The opening of a call of one of them (not a closing `{{< /gist >}}`, nor the commented
# `{{</* gist */>}}`); Hugo finds a shortcode whatever the case of its name (hugo 0.168).
_CALL = re.compile(
    r"\{\{[<%]\s*(gist|tweet|twitter|twitter_simple|instagram_simple)(?=[\s>%])", re.IGNORECASE
)
_VERSION = re.compile(r"v?(\d+)\.(\d+)(?:\.(\d+))?")


class ShortcodeRemoved(Rule):
    code = "BD015"
    name = "shortcode-removed"
    severity = Severity.ERROR
    messages = {
        "removed": 'the "{name}" shortcode was removed in Hugo {version}, which fails the build '
        "on it: {advice}",
    }

    def on_document_start(self, ctx: Context, document: Document) -> None:
        text = document.text
        # Substrings first: nearly every article calls none of them.
        if "{{" not in text or not (
            "gist" in text or "twitter" in text or "tweet" in text or "instagram_simple" in text
        ):
            return
        site = ctx.site
        if site is None or site.root is None or site.shortcodes_unseen:
            return
        if never_rendered(document):
            return  # its shortcodes run only if a list template shows its summary or content
        newest = _newest_hugo(site.raw)
        if site.pinned_hugo and (newest is None or site.pinned_hugo[0] < newest):
            newest = site.pinned_hugo[0]  # the oldest pin: that build still works
        for call in _SHORTCODE_CALL.finditer(text, document.body_start):
            match = _CALL.match(call.group(0))
            if match is None:
                continue
            name = match.group(1).lower()
            removed_in, advice = REMOVED[name]
            if name in site.shortcode_templates or (newest is not None and newest < removed_in):
                continue
            if in_html_comment(document, call.start()):
                continue
            ctx.report(
                Span(call.start(), call.end()),
                "removed",
                name=name,
                version=".".join(map(str, removed_in)),
                advice=advice,
            )


def _newest_hugo(config: dict[str, object]) -> tuple[int, int, int] | None:
    """The newest Hugo the site says it builds with (`module.hugoVersion.max`), if it says."""
    module = config.get("module")
    versions = module.get("hugoversion") if isinstance(module, dict) else None
    newest = versions.get("max") if isinstance(versions, dict) else None
    match = _VERSION.match(str(newest).strip()) if newest not in (None, "") else None
    if match is None:
        return None
    return (int(match.group(1)), int(match.group(2)), int(match.group(3) or 0))
