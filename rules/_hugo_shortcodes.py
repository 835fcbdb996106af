"""Hugo's own shortcodes (hugo 0.168), which a site need not define to call."""

from __future__ import annotations

# Whether each reads `.Inner` (checked with hugo 0.168: one that does not fails the build when
# closed or self-closed, one that does when left open). The removed ones (`gist`, `tweet`, ...:
# `shortcode_removed.REMOVED`) are not here: calling them fails the build.
READS_INNER = ("comment", "details", "highlight", "qr")
WITHOUT_INNER = (
    "figure",
    "instagram",
    "param",
    "ref",
    "relref",
    "vimeo",
    "vimeo_simple",
    "x",
    "x_simple",
    "youtube",
)
BUILTIN_INNER = {name: name in READS_INNER for name in (*READS_INNER, *WITHOUT_INNER)}
