"""The query parameters that only track a click, shared by tracking-params (which cuts them)
and the cross-file rules (for which two URLs that differ only in them are one source)."""

from __future__ import annotations

import fnmatch
from urllib.parse import urlsplit

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
    # AT Internet / Piano Analytics campaigns (BBC News RSS links carry both), and their
    # legacy form, which French newspapers' feeds write (`?xtor=RSS-3208`).
    "at_medium",
    "at_campaign",
    "xtor",
)


# Names that track only on some hosts (and their subdomains), where elsewhere the same name may
# select content: YouTube's and Spotify's `si`, the share identifier that ties a shared link to
# the account that shared it (the video or the track plays the same without it).
TRACKING_BY_HOST = (
    ("youtube.com", ("si",)),
    ("youtu.be", ("si",)),
    ("youtube-nocookie.com", ("si",)),
    ("open.spotify.com", ("si",)),
)


def host_tracking(url: str) -> tuple[str, ...]:
    """The names that `TRACKING_BY_HOST` adds for the host of `url` ("" for none)."""
    if "si=" not in url.lower():
        return ()  # the cheap test first: every name there is `si`
    try:
        host = (urlsplit(url.strip()).hostname or "").rstrip(".")
    except ValueError:
        return ()
    return next(
        (names for known, names in TRACKING_BY_HOST if host == known or host.endswith("." + known)),
        (),
    )


def is_tracking(name: str, names: tuple[str, ...] = TRACKING, url: str = "") -> bool:
    """Whether the query parameter `name` (any case) is one of `names` (`utm_*` matches a prefix),
    or one that tracks on the host of `url`."""
    lowered = name.strip().lower()
    names = names + host_tracking(url) if url else names
    return bool(lowered) and any(fnmatch.fnmatchcase(lowered, pattern) for pattern in names)
