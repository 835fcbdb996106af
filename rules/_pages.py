"""What kind of page a document is, as Hugo builds it: shared by the rules that apply to articles
only."""

from __future__ import annotations

from newslint.document import Document

# `build.render` values that keep a page off disk and out of every page collection ("never"; a
# boolean false, or the string Hugo also reads as one, from the days the option was a boolean).
_NEVER = (False, "never", "false")


def never_rendered(document: Document) -> bool:
    """Whether Hugo never renders the page: `headless: true`, or `build.render` (or the older
    spelling `_build`) set to never. Such a page is a fragment other pages draw from (a headless
    bundle, a snippet a shortcode includes), not an article readers open; `render: link` and
    `list: never` pages still are published."""
    if document.value("headless") is True:
        return True
    for key in ("build", "_build"):
        options = document.value(key)
        if isinstance(options, dict) and options.get("render") in _NEVER:
            return True
    return False
