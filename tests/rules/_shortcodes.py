"""What the shortcode rules' tests share: a Hugo site whose shortcode templates are all known."""

from __future__ import annotations

from pathlib import Path

from newslint.site import Site

PATH = "/site/content/news/a.md"


def hugo_site(templates: frozenset[str] = frozenset()) -> Site:
    """A Hugo site whose shortcode templates were all read: `templates` (its own) and no others."""
    return Site(
        root=Path("/site"),
        config_path=Path("/site/hugo.toml"),
        shortcodes_unseen=False,
        shortcode_templates=templates,
    )
