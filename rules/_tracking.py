"""The query parameters that only track a click, shared by tracking-params (which cuts them)
and the cross-file rules (for which two URLs that differ only in them are one source)."""

from __future__ import annotations

import fnmatch
import re
from urllib.parse import parse_qs, urlsplit

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


# Click redirects that wrap the real address in a query parameter: Google's result links
# (`https://www.google.com/url?...&url=<target>&ved=...`, as a link copied from a search result
# or an image search reads), Facebook's outgoing links (`l.facebook.com/l.php?u=<target>`) and
# Outlook's Safe Links (`*.safelinks.protection.outlook.com/?url=<target>`). Each: the service,
# its hosts, the redirect's path and the parameters that may hold the target, in order.
REDIRECTS = (
    (
        "Google",
        re.compile(r"(?:www\.)?google\.(?:[a-z]{2,3}|com?\.[a-z]{2})"),
        "/url",
        ("url", "q"),
    ),
    ("Facebook", re.compile(r"(?:l|lm)\.facebook\.com"), "/l.php", ("u",)),
    ("Outlook", re.compile(r"[a-z0-9-]+\.safelinks\.protection\.outlook\.com"), "/", ("url",)),
)


def redirect_target(url: str) -> tuple[str, str] | None:
    """`(service, target)` when `url` is a click redirect of `REDIRECTS` whose query names a web
    address (`target`, decoded as the redirect reads it), else None."""
    if "?" not in url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").rstrip(".")
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    for service, hosts, path, names in REDIRECTS:
        if parts.path != path or not hosts.fullmatch(host):
            continue
        query = parse_qs(parts.query)
        for name in names:
            for value in query.get(name, ()):
                target = value.strip()
                try:
                    inner = urlsplit(target)
                except ValueError:
                    continue
                if inner.scheme.lower() in ("http", "https") and inner.hostname:
                    return service, target
    return None
