"""What the Mainroad theme does with a page's front matter, for the theme and schema rules.

Read from Mainroad's templates (`layouts/partials/sidebar.html`, `post_thumbnail.html`,
`comments.html`, `authorbox.html`, `pager.html`, `post_toc.html`, `mathjax.html`) and checked by
building a site with the theme and hugo 0.168:

- Go templates test a value's truth: false, 0, nil and an empty string, list or map are false,
  anything else (`"false"`, `"no"`, `[x]`) is true. Hugo's `default` replaces a value that is not
  "set": nil, 0, and an empty string, list or map, but never a boolean (`false | default "x"` is
  false).
- `sidebar`: `default .Site.Params.sidebar.<home|single|list> .Params.sidebar`, drawn when true,
  on the left only for exactly "left". `.Params.sidebar` may come from a `cascade` (a section's
  `_index` file or the site configuration: `newslint.cascade`) when the page has no `sidebar`.
  A page's `params: {sidebar: ...}` is its `.Params.sidebar` too, and wins over a top-level one
  (`_params.py`).
- `widgets`: `default .Site.Params.sidebar.widgets .Params.widgets`, ranged over only when the
  sidebar is drawn.
- `comments`: `index .Params "comments" | default "true"`: the site's params are not read; only
  `false` turns comments off (`""`, null and 0 are "not set", so the default "true" applies).
- `authorbox`, `pager`, `toc`: `.Param "key"`: the page's value whenever the key is there, even `""`
  or null, else the site's `params.key`; then tested for truth.
- `mathjax`: `eq (.Param "mathjax") true`: on for the boolean true only.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from newslint.document import Document
from newslint.events import Node
from newslint.schema import hugo_value as schema_hugo_value
from newslint.site import Site

from ._params import params_field

# How each page switch is read: "truthy" (`.Param`, tested for truth), "default-on"
# (`index .Params "comments" | default "true"`) or "exactly-true" (`eq (.Param "mathjax") true`).
SWITCHES = {
    "comments": "default-on",
    "authorbox": "truthy",
    "pager": "truthy",
    "toc": "truthy",
    "mathjax": "exactly-true",
}


def truthy(value: Any) -> bool:
    """A value's truth in a Go template."""
    if value is None or value is False:
        return False
    if isinstance(value, int | float):
        return value != 0
    if isinstance(value, str | list | dict | tuple):
        return len(value) > 0
    return True


def is_set(value: Any) -> bool:
    """Whether Hugo's `default` keeps `value` (a boolean always; nil, 0 and empties never)."""
    return isinstance(value, bool) or truthy(value)


def hugo_value(node: Node, text: str) -> Any:
    """The value Hugo sees: a YAML 1.1 boolean word (`no`, `off`) is a string to Hugo's YAML 1.2,
    `0o1` a number (see `newslint.schema.hugo_reading`)."""
    return schema_hugo_value(node, text)


def switch_on(key: str, value: Any, *, absent: bool = False, site_value: Any = None) -> bool:
    """Whether Mainroad turns the page switch `key` on for the page's `value` (an empty one is ""
    or None), or, when the key is `absent`, for the site's `params.<key>` (`site_value`)."""
    kind = SWITCHES[key.lower()]
    if kind == "default-on":
        return value is not False or absent  # `default "true"`: only a page's false turns it off
    if absent:
        value = site_value
    return value is True if kind == "exactly-true" else truthy(value)


def empty_turns_off(
    key: str, site: Site | None, language: str | None = None, document: Document | None = None
) -> bool:
    """Whether an empty page value of the switch `key` (`pager: ""`, `toc:`) turns off what the
    site, or a `cascade` onto the `document`'s page, turns on for the page's `language`:
    `.Param` takes the page's key whenever it is there, and empty is false."""
    if key.lower() not in SWITCHES:
        return False
    from newslint.cascade import cascaded_value

    marker = object()
    cascaded = cascaded_value(document.cascade, key, marker) if document is not None else marker
    if cascaded is not marker:
        # Without the page's key, `.Param` finds the cascaded one first (it is the page's).
        return switch_on(key, None, absent=True, site_value=cascaded) and not switch_on(key, None)
    site_value = site_param(site, key.lower(), language=language)
    return switch_on(key, None, absent=True, site_value=site_value) and not switch_on(key, None)


def site_param(site: Site | None, *keys: str, language: str | None = None) -> Any:
    """`params.<keys...>` of the site's configuration (keys lower case) as a page in `language`
    sees it (`.Site.Params`: the language's own `params`, from `[languages.<lang>.params]` or
    `params.<lang>.toml`, merged over the site's), or None."""
    data: Any = site.raw.get("params") if site is not None else None
    languages = site.raw.get("languages") if site is not None and language else None
    own = languages.get(language.lower()) if isinstance(languages, dict) and language else None
    if isinstance(own, dict) and isinstance(own.get("params"), dict):
        data = _merged(data if isinstance(data, dict) else {}, own["params"])
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _merged(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """`over` merged into a copy of `base`, table by table (Hugo merges a language's params so:
    `[sidebar] single = false` for one language keeps the site's `sidebar.home`)."""
    out = dict(base)
    for key, value in over.items():
        old = out.get(key)
        out[key] = (
            _merged(old, value) if isinstance(old, dict) and isinstance(value, dict) else value
        )
    return out


def page_kind(document: Document, site: Site | None) -> str:
    """Mainroad's choice of site sidebar setting for the page: "home" for the `_index` file of a
    content folder, "list" for another `_index` file (sections, taxonomies), else "single"."""
    name = os.path.basename(document.path)
    if not name.startswith("_index."):
        return "single"
    parent = os.path.dirname(os.path.abspath(document.path))
    roots = site.content_dirs() if site is not None and site.root is not None else []
    if roots:
        home = any(os.path.realpath(parent) == os.path.realpath(d) for d in roots)
    else:
        home = Path(parent).name == "content"
    return "home" if home else "list"


def sidebar_drawn(document: Document, site: Site | None) -> bool | None:
    """Whether Mainroad draws the sidebar (and so includes the widgets) on this page; None when it
    depends on a site configuration newslint does not have."""
    # A page's `params.sidebar` wins over its top-level `sidebar` (hugo 0.168).
    field = params_field(document, "sidebar") or document.field("sidebar")
    if field is not None:
        value = hugo_value(field.node, document.text)
        if is_set(value):
            return truthy(value)
    elif document.inherits("sidebar"):
        # A section's or the site's `cascade` gives the page its `.Params.sidebar`.
        value = document.effective_value("sidebar")
        if is_set(value):
            return truthy(value)
    if site is None or site.root is None:
        return None
    return truthy(
        site_param(site, "sidebar", page_kind(document, site), language=document.language)
    )
