"""A call of a shortcode that neither Hugo nor the site defines, which fails the build.

## What it does
Reports a call in the body, in either form (`{{< figur src="a.png" >}}`, `{{% note %}}`), of a
shortcode that is none of Hugo's own (`figure`, `youtube`, `x`, `highlight`, ...) and that no
template of the site or of its theme components defines: no file of that name (whatever its
case, its language or output format: `note.html`, `note.en.html`, `note.amp.html`, `note.md`) in
their `layouts/_shortcodes/` or `layouts/shortcodes/`; for a name with a folder (`{{< media/clip
>}}`), no such file in that folder there (a folder alone defines no shortcode). Editors' backup,
hidden and lock files (`note.html~`, `.note.html`, `#note.html#`) and links define none: Hugo
skips them. A display-only fix offers the closest name that exists, if one is close.

Hugo looks the template up when it creates the page, before Markdown and before it looks at
drafts or build options (checked with hugo 0.168): a call in a code span, a code block or an HTML
comment, on a draft, on a page never rendered (`build.render: never`, `headless: true`) or in a
leaf bundle's Markdown resource fails the build all the same, and is reported. Not reported:

- the commented form that shows a call, `{{</* note */>}}`, which Hugo prints;
- an inline shortcode (`{{< note.inline >}}`), which the page defines itself;
- Hugo's removed shortcodes (`gist`, `tweet`, ...): shortcode-removed (BD015) reports those;
- a call Hugo cannot read, and the calls after it: shortcode-syntax (BD016) reports the first;
- a site whose templates cannot all be listed (a theme component or a `layouts` mount not on
  disk, another `layoutDir`): any name may exist there;
- a file outside any Hugo site (Jekyll's `{% %}` tags are Liquid, not Hugo's) or outside the
  site's content folders (a README, an archetype).

## Why is this bad?
Hugo stops and builds nothing: `ERROR error building site: assemble: failed to create page from
pageMetaSource /p: "content/p.md:7:1": failed to extract shortcode: template for shortcode
"figur" not found`. It happens after a change of theme, when an article is copied from another
site, or with a typo in the name.

## Example
    {{< figur src="chart.png" >}}

## Use instead
    {{< figure src="chart.png" >}}

or add the shortcode's template to the site (`layouts/_shortcodes/figur.html`).

## Fix safety
Display only: the closest existing name (`figur` -> `figure`) is shown, never applied. A name
close to another may still be a shortcode the site has yet to add, and the other shortcode may
take other parameters.
"""

from __future__ import annotations

import difflib

from newslint import Edit, Fix, Rule, Severity, Span
from newslint.document import Document
from newslint.rule import Context

from ._crossfile import content_path
from ._hugo_shortcodes import BUILTIN_INNER
from .shortcode_removed import REMOVED
from .shortcode_syntax import read_calls


class ShortcodeUnknown(Rule):
    code = "BD017"
    name = "shortcode-unknown"
    severity = Severity.ERROR
    messages = {
        "unknown": 'no shortcode "{name}" in Hugo, the site or its theme: hugo fails the build '
        '(template for shortcode "{name}" not found)',
    }

    def on_document_start(self, ctx: Context, document: Document) -> None:
        text = document.text
        # `{` first: one character is looked for by memchr (most articles have none).
        if "{" not in text or ("{{<" not in text and "{{%" not in text):
            return
        site = ctx.site
        if site is None or site.root is None or site.shortcodes_unseen:
            return  # outside a site, or the site may define any name
        if content_path(document) is None:
            return  # Hugo reads only its content folders' files
        calls, failure = read_calls(document, site)
        own = site.shortcode_templates
        for call, name_start, name in calls:
            if failure is not None and call >= failure.call:
                break  # Hugo stops at the call it cannot read (BD016's report)
            lower = name.lower()
            # A name with a folder (`media/clip`) is its template's path there, as `own` holds it.
            if "." in name or lower in own:
                continue  # an inline shortcode (BD016 reports any other period)
            if lower in BUILTIN_INNER or lower in REMOVED:
                continue
            name_end = name_start + len(name)
            ctx.report(
                Span(call, name_end), "unknown", name=name, fix=_closest(lower, own, name_start)
            )


def _closest(name: str, own: frozenset[str], start: int) -> Fix | None:
    """Calling the existing shortcode whose name is closest to `name` (a typo), if one is close."""
    candidates = sorted({*BUILTIN_INNER, *own})
    found = difflib.get_close_matches(name, candidates, n=1, cutoff=0.75)
    if not found:
        return None
    return Fix.display_only(
        f'Call the "{found[0]}" shortcode', Edit(start, start + len(name), found[0])
    )
