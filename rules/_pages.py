"""What kind of page a document is, as Hugo builds it: shared by the rules that apply to articles
only. `build` and `headless` are read as Hugo gives them to the page: its own, else cascaded from
a section's `_index` file or the site configuration (`newslint.cascade`)."""

from __future__ import annotations

from newslint.document import Document
from newslint.spans import Span

# Build option values meaning "never": the word, or a boolean false (from the days the options
# were booleans), also as the string a boolean false is read as.
_NEVER = (False, "never", "false")


def _build_options(document: Document) -> list[dict[object, object]]:
    """The page's `build` options, under the current key or the older spelling `_build`."""
    found = (document.effective_value(key) for key in ("build", "_build"))
    return [options for options in found if isinstance(options, dict)]


def never_rendered(document: Document) -> bool:
    """Whether Hugo never renders the page itself: `headless: true` or `build.render: never` (or
    the older `_build`). Its body is never shown, though the page may still be listed (with its
    title and summary) when `build.list` is not never."""
    if document.effective_value("headless") is True:
        return True
    return any(options.get("render") in _NEVER for options in _build_options(document))


def never_shown(document: Document) -> bool:
    """Whether readers never see the page anywhere: `headless: true`, or `build.render` and
    `build.list` both never. Such a page is a fragment other pages draw from (a headless bundle, a
    snippet a shortcode includes), not an article; a page rendered as a link (`render: link`) or
    listed without being rendered (`render: never` with `list` always or local) still shows its
    title and summary."""
    if document.effective_value("headless") is True:
        return True
    return any(
        options.get("render") in _NEVER and options.get("list") in _NEVER
        for options in _build_options(document)
    )


def opening_delimiter(document: Document) -> Span:
    """Where a diagnostic about the front matter as a whole points: its opening delimiter, `---`
    or `+++`, or the `{` that opens JSON front matter (one character: the rest of that line is
    already the first member). The file's start when there is no front matter."""
    block = document.front_matter_block
    if block is None:
        return Span(0, 0)
    width = 1 if document.front_matter_format == "json" else 3
    return Span(block.start, min(block.start + width, len(document.text)))
