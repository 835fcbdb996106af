"""The query parameters that only track a click, shared by tracking-params (which cuts them)
and the cross-file rules (for which two URLs that differ only in them are one source)."""

from __future__ import annotations

import fnmatch

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


def is_tracking(name: str, names: tuple[str, ...] = TRACKING) -> bool:
    """Whether the query parameter `name` (any case) is one of `names` (`utm_*` matches a prefix)."""
    lowered = name.strip().lower()
    return bool(lowered) and any(fnmatch.fnmatchcase(lowered, pattern) for pattern in names)
