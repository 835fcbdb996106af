"""Checking that links work (`--check-links`): async HTTP(S) with manners, and an on-disk cache.

Rules never touch the network. While each document is walked, the link rules (LK006, LK007) record
every URL and where it is; after all files are linted, the main process calls
`check_project_links`, which makes one request per unique URL across all files and hands the
results to the rules' `project_end` as `ctx.links`.

Manners, because link checkers are judged by false alarms and by how they treat the sites they hit:

- a global limit (`concurrency`) and a per-host limit (`per-host`) on requests in flight;
- HEAD first; GET (streamed, the body not read, but for `include-fragments`) when HEAD answers
  with an error status, since servers that mishandle HEAD answer 405, 403, 501 but also 404, 400
  or 500, or when the connection breaks on HEAD (dropped, or a body sent with the answer that the
  next request then reads);
- redirects followed by hand, at most 10 hops, http -> https allowed, never to another scheme;
- retries with exponential backoff and jitter for timeouts, connection errors, 5xx and 429; a 429
  pauses the whole host for its `Retry-After` (seconds or an HTTP date), and one asking for longer
  than `max-wait` is not retried at all but reported as rate limited; a host's pauses add up to at
  most `max-wait` over the run, after which its 429s are reported without retry (bounded time);
- a host that is not there (no such name, connection refused or not taken in time, a bad
  certificate) is asked once: that answer, retries included, stands for its other links in the
  run;
- a User-Agent naming newslint; no cookies kept, no credentials sent (user:password in a URL is
  dropped), no body stored; only http and https; `--no-private` refuses private addresses;
- proxies from the environment (httpx's `trust_env`: HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, NO_PROXY,
  and SSL_CERT_FILE / SSL_CERT_DIR), as curl and lychee take them, since CI runners behind a proxy
  reach nothing without; a proxy that cannot be used is a usage error (exit 2), one that cannot be
  reached a warning naming it on each link, never a broken link; `.netrc` is not read.

With `include-fragments` (off by default), a URL with a `#fragment` is fetched with GET and its
HTML read, unencoded, up to `FRAGMENT_BODY_LIMIT`, for the ids and `<a name>`s it has; only they
are kept (in the cache too), never the body.

What the network said (an `Observation`) is cached in `.newslint_cache/links/`; it is classified
into a `LinkResult` with the current settings on every run, so changing `accept` needs no re-check.
This module is light (the link rules import it in every run); the requests themselves live in
`newslint.linkfetch`, imported with asyncio and httpx only when a URL is about to be fetched.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import quote, urlsplit, urlunsplit

from newslint import __version__
from newslint.linkuse import LinkUse as LinkUse  # re-exported: plugins import it from here

if TYPE_CHECKING:
    from newslint.config import Config, LinksConfig
    from newslint.engine import FileResult, RuleSet
    from newslint.rule import Rule

USER_AGENT = f"Mozilla/5.0 (compatible; newslint/{__version__}; link checker for news articles)"
ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
REDIRECTS = frozenset({301, 302, 303, 307, 308})
PERMANENT = frozenset({301, 308})
CACHE_VERSION = 1
FRAGMENT_BODY_LIMIT = 4 * 1024 * 1024  # bytes of a page read to find a fragment (then: unknown)

Verdict = Literal["ok", "broken", "warning", "redirect", "skipped"]
Progress = Callable[[int, int, int], None]  # (checked, total, failures so far)
Sleep = Callable[[float], Awaitable[None]]


# ---------------------------------------------------------------------------------- data


@dataclass(frozen=True, slots=True)
class Observation:
    """What the network said about one URL (cached; never a body, never a cookie)."""

    url: str
    status: int | None = None  # the last response's status
    error: str | None = None  # dns, dns-temporary, timeout, refused, dropped, connect, tls, ...
    detail: str = ""
    final_url: str = ""
    chain: tuple[tuple[int, str], ...] = ()  # (status, Location resolved) per redirect hop
    retry_after: float | None = None
    bot_wall: bool = False
    tries: int = 1
    checked_at: float = 0.0
    timeout: float | None = None  # the timeout a `timeout` error was seen with
    # `include-fragments`: the ids and `<a name>`s of the final page's HTML (None: not read), and
    # whether they may be incomplete: the page went on beyond what was read (`FRAGMENT_BODY_LIMIT`)
    # or is no HTML (read as `()`, partial).
    anchors: tuple[str, ...] | None = None
    anchors_partial: bool = False

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["chain"] = [list(hop) for hop in self.chain]
        if self.anchors is not None:
            data["anchors"] = list(self.anchors)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Observation:
        values = dict(data)
        values["chain"] = tuple((int(s), str(u)) for s, u in values.get("chain", ()))
        if values.get("anchors") is not None:
            values["anchors"] = tuple(str(a) for a in values["anchors"])
        return cls(**values)


@dataclass(frozen=True, slots=True)
class LinkResult:
    """A classified check: `broken` (LK006 error), `warning` (LK006 warning), `redirect` (LK007),
    `ok`, or `skipped` (excluded, offline, not http(s), private). `target` is where a permanent
    redirect leads (the URL to link to instead)."""

    url: str
    verdict: Verdict
    reason: str = ""
    status: int | None = None
    target: str | None = None
    cached: bool = False


@dataclass(frozen=True)
class LinkSettings:
    """Everything the checker needs; built from `[links]` config plus command-line flags."""

    timeout: float = 10.0
    concurrency: int = 64
    per_host: int = 4
    retries: int = 2
    backoff: float = 0.5  # first retry waits about this long, then twice as long each time
    max_wait: float = 30.0  # cap on one backoff, and on a host's 429 pauses in all
    max_redirects: int = 10
    accept: frozenset[int] = frozenset({200, 206})
    exclude: tuple[re.Pattern[str], ...] = ()
    cache_ttl: float = 86_400.0
    failure_ttl: float = 3_600.0
    no_private: bool = False
    offline: bool = False
    use_cache: bool = True
    cache_dir: Path | None = None  # `.newslint_cache`; the links live in its `links/` folder
    user_agent: str = USER_AGENT
    headers: tuple[tuple[str, str], ...] = ()  # `[links] headers`, sent with every request
    trust_env: bool = True  # proxies from the environment (never .netrc: httpx does not read it)
    include_fragments: bool = False  # read the HTML of pages linked with a #fragment, look for it
    fragment_body_limit: int = 0  # bytes of a page read for its anchors (0: FRAGMENT_BODY_LIMIT)

    @classmethod
    def from_config(cls, links: LinksConfig, **overrides: Any) -> LinkSettings:
        """Validate and convert `[links]`; a bad value raises `ConfigError` naming the key."""
        from newslint.config import ConfigError

        patterns = []
        for pattern in links.exclude:
            try:
                patterns.append(re.compile(pattern))
            except re.error as err:
                raise ConfigError(f"links.exclude: {pattern!r} is not a regex: {err}") from None
        for key, seconds in (
            ("timeout", links.timeout),
            ("backoff", links.backoff),
            ("max-wait", links.max_wait),
        ):
            if seconds != seconds:  # nan: every comparison false, so no check (LK006) reported
                raise ConfigError(f"links.{key}: must be a number of seconds, not nan")
        if links.timeout <= 0:
            raise ConfigError(f"links.timeout: must be more than 0 seconds, not {links.timeout:g}")
        for key, value in (("concurrency", links.concurrency), ("per-host", links.per_host)):
            if value < 1:
                raise ConfigError(f"links.{key}: must be at least 1, not {value}")
        for key, value in (("retries", links.retries), ("max-redirects", links.max_redirects)):
            if value < 0:
                raise ConfigError(f"links.{key}: must be at least 0, not {value}")
        for key, seconds in (("backoff", links.backoff), ("max-wait", links.max_wait)):
            if seconds < 0:
                raise ConfigError(f"links.{key}: must be at least 0 seconds, not {seconds:g}")
        values: dict[str, Any] = {
            "timeout": float(links.timeout),
            "concurrency": links.concurrency,
            "per_host": links.per_host,
            "retries": max(0, links.retries),
            "accept": parse_accept(links.accept),
            "exclude": tuple(patterns),
            "cache_ttl": parse_duration(links.cache_ttl, "links.cache-ttl"),
            "failure_ttl": parse_duration(links.failure_ttl, "links.failure-ttl"),
            "no_private": links.no_private,
            "backoff": max(0.0, float(links.backoff)),
            "max_wait": max(0.0, float(links.max_wait)),
            "include_fragments": links.include_fragments,
            "max_redirects": links.max_redirects,
            "headers": parse_headers(links.headers, user_agent_set=bool(links.user_agent)),
        }
        if links.user_agent:
            values["user_agent"] = links.user_agent
        values.update(overrides)
        return cls(**values)


# RFC 9110's token: what a header's name may be made of.
_HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
# Headers that say how the request itself is framed or routed: httpx writes them, and one set by
# hand would break every request (or send the checker to another host).
_FRAMING_HEADERS = frozenset(
    {"host", "content-length", "transfer-encoding", "connection", "keep-alive", "te", "trailer"}
    | {"upgrade", "expect"}
)


def parse_headers(
    headers: Mapping[str, str], *, user_agent_set: bool = False
) -> tuple[tuple[str, str], ...]:
    """`[links] headers` (`{ "Accept-Language" = "de" }`, lychee's `header`) -> (name, value)
    pairs; a name that is no HTTP token, a value with a line break or NUL, a framing header
    (`Host`, `Content-Length`, ...) or a `User-Agent` beside `user-agent` raises `ConfigError`."""
    from newslint.config import ConfigError

    pairs: list[tuple[str, str]] = []
    seen: dict[str, str] = {}
    for name, value in headers.items():
        if not _HEADER_NAME.fullmatch(name):
            raise ConfigError(f"links.headers: {name!r} is not a header name")
        lowered = name.lower()
        if lowered in _FRAMING_HEADERS:
            raise ConfigError(f"links.headers: {name} is written by the HTTP client itself")
        if lowered in seen:
            raise ConfigError(f"links.headers: {name} is given twice (as {seen[lowered]!r})")
        if lowered == "user-agent" and user_agent_set:
            raise ConfigError("links.headers: User-Agent is set by links.user-agent already")
        if any(char in value for char in "\r\n\0"):
            raise ConfigError(f"links.headers: the value of {name} holds a line break or NUL")
        seen[lowered] = name
        pairs.append((name, value))
    return tuple(pairs)


# lychee's range syntax: `A..B` (B excluded), `A..=B`, `..B`, `..=B`.
_RANGE = re.compile(r"\s*([0-9]+)?\s*\.\.(=?)\s*([0-9]+)\s*")


def parse_accept(values: Sequence[int | str]) -> frozenset[int]:
    """`[links] accept`: statuses (`429`) and lychee-style ranges (`"200..=299"`, `"200..300"`,
    `"..=204"`, the start then being 100) -> the set of statuses; a bad one raises `ConfigError`.

    Statuses lie between 100 and 999 (999 is LinkedIn's answer to robots): a typo such as `4030`
    would otherwise accept nothing, silently. A status written as a string (`"429"`) is refused,
    as TOML's types are elsewhere, with the number to write instead.
    """
    from newslint.config import ConfigError

    statuses: set[int] = set()
    for value in values:
        if isinstance(value, int) and not isinstance(value, bool):
            if not 100 <= value <= 999:
                raise ConfigError(f"links.accept: {value} is not an HTTP status (100 to 999)")
            statuses.add(value)
            continue
        shown = json.dumps(value) if not isinstance(value, bool) else str(value).lower()
        if not isinstance(value, str):
            raise ConfigError(
                f'links.accept: {shown} is neither a status nor a range such as "200..=299"'
            )
        if value.strip().isdigit():
            raise ConfigError(
                f"links.accept: {shown} is a string: write the status as a number, "
                f'{value.strip()}, or a range such as "200..=299"'
            )
        match = _RANGE.fullmatch(value)
        if match is None:
            raise ConfigError(
                f'links.accept: {shown} is not a status range such as "200..=299" (200 to 299)'
                ' or "200..300" (300 excluded)'
            )
        inclusive = match.group(2) == "="
        start = int(match.group(1)) if match.group(1) else 100
        bound = int(match.group(3))  # `..1000` is fine: 1000 itself is left out
        for status, highest in ((start, 999), (bound, 999 if inclusive else 1000)):
            if not 100 <= status <= highest:
                raise ConfigError(
                    f"links.accept: {shown}: {status} is not an HTTP status (100 to 999)"
                )
        end = bound if inclusive else bound - 1
        if end < start:
            raise ConfigError(f"links.accept: {shown} is an empty range")
        statuses.update(range(start, end + 1))
    return frozenset(statuses)


_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*([smhdw]?)")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3_600, "d": 86_400, "w": 604_800}


def parse_duration(value: str | float | int, key: str = "duration") -> float:
    """`"1d"`, `"12h"`, `"1h30m"`, `"90"` (seconds) or a number of seconds (at least 0) -> seconds."""
    from newslint.config import ConfigError

    if isinstance(value, int | float) and not isinstance(value, bool):
        if not value >= 0:  # also nan
            raise ConfigError(f"{key}: must be at least 0 seconds, not {value:g}")
        return float(value)
    text = str(value).strip().lower()
    total, pos = 0.0, 0
    for match in _DURATION.finditer(text):
        if text[pos : match.start()].strip():
            break
        total += float(match.group(1)) * _UNITS[match.group(2)]
        pos = match.end()
    if not text or pos == 0 or text[pos:].strip():
        raise ConfigError(f"{key}: {value!r} is not a duration such as 1d, 12h, 30m or 45s")
    return total


_DELAY = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` header: delta-seconds or an HTTP date (RFC 9110)."""
    if not value:
        return None
    value = value.strip()
    if _DELAY.fullmatch(value):  # digits (RFC 9110), or with a fraction: not "inf", "1e9", "-5"
        return float(value)
    import email.utils

    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # an HTTP date is GMT by definition
        from datetime import UTC

        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def is_checkable(url: str) -> bool:
    """An absolute http(s) URL with a host: the only kind ever fetched."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises on a port that is no number
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


# What a client percent-encodes in a path or query before sending it (spaces, non-ASCII,
# `"<>\\^`{|}`); everything else, `%XX` included, is sent as written.
_KEEP = "!#$%&'()*+,/:;=?@[]~"
_DEFAULT_PORTS = {"http": ":80", "https": ":443"}


def request_key(url: str) -> str:
    """The URL that is fetched for `url`, one spelling for one request: no fragment (the same
    resource), no user:password, scheme and host in lower case, no default port, `/` for an
    empty path, and spaces and non-ASCII characters percent-encoded as a client sends them."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    netloc = parts.netloc.rpartition("@")[2].lower()
    default = _DEFAULT_PORTS.get(scheme)
    if default and netloc.endswith(default):
        netloc = netloc[: -len(default)]
    netloc = netloc.removesuffix(":")
    path = quote(parts.path, safe=_KEEP) or "/"
    return urlunsplit((scheme, netloc, path, quote(parts.query, safe=_KEEP), ""))


def excluded(url: str, patterns: Sequence[re.Pattern[str]]) -> bool:
    """A `[links] exclude` regex is found in the URL as written or in the address fetched for it
    (`request_key`: scheme and host in lower case, no user:password or fragment), so every
    spelling of one address is excluded alike, as lychee matches the URL it parsed."""
    if not patterns:
        return False
    key = request_key(url)
    return any(pattern.search(url) or pattern.search(key) for pattern in patterns)


def with_fragment(url: str, fragment: str) -> str:
    """`url` with `fragment` (none when empty)."""
    return f"{url}#{fragment}" if fragment else url


# -------------------------------------------------------------------------- classification


def _status_reason(status: int, bot_wall: bool) -> tuple[Verdict, str]:
    if status in (404, 410):
        return "broken", "not found (404)" if status == 404 else "gone (410)"
    if status == 401:
        return "warning", "needs a login (401)"
    if status == 403 or status >= 600 or (bot_wall and status in (429, 503)):
        return "warning", f"blocked, possibly a bot wall ({status})"
    if status == 429:
        return "warning", "rate limited (429)"
    if status >= 500:
        return "warning", f"server error ({status})"
    return "warning", f"refused by the server ({status})"


_ERRORS: dict[str, tuple[Verdict, str]] = {
    "dns": ("broken", "host not found"),
    "dns-temporary": ("warning", "host name lookup failed"),
    "timeout": ("warning", "timed out"),
    "connect-timeout": ("warning", "timed out connecting"),
    # Nothing listens where the link points, still so after the retries: the site is not there,
    # as with a host that does not resolve (a dropped or stalled connection is only doubtful).
    "refused": ("broken", "connection refused"),
    "dropped": ("warning", "connection dropped without a response"),
    "protocol": ("warning", "not a valid HTTP response"),
    "connect": ("warning", "connection failed"),
    "tls": ("warning", "TLS error"),
    "proxy": ("warning", "proxy"),
    "redirects": ("warning", "too many redirects"),
    "location": ("warning", "redirects to an invalid URL"),
    "no-location": ("warning", "redirect without a location"),
    "loop": ("warning", "redirect loop"),
    "scheme": ("warning", "redirects to a scheme other than http(s), not followed"),
    "downgrade": ("warning", "redirects from https to insecure http, not followed"),
    "private": ("skipped", "private address, not fetched (--no-private)"),
    "invalid": ("skipped", "not a URL that can be fetched"),
    "error": ("warning", "request failed"),
}


# Errors of the host a redirect led to (the others are about the redirect itself).
_WHERE = frozenset(
    {"dns", "dns-temporary", "timeout", "connect-timeout", "refused", "dropped", "connect", "tls"}
)


def classify(obs: Observation, settings: LinkSettings, url: str | None = None) -> LinkResult:
    """Turn an observation into a verdict with the current settings (`accept` in particular)."""
    url = url or obs.url
    tries = f" after {obs.tries} tries" if obs.tries > 1 else ""
    if obs.error is not None:
        verdict, reason = _ERRORS.get(obs.error, _ERRORS["error"])
        if obs.error in ("timeout", "connect-timeout"):  # with the timeout it was seen with
            reason = f"{reason} ({obs.timeout or settings.timeout:g} s)"
        elif obs.error == "no-location":
            reason = f"redirect ({obs.status}) without a location"
        elif obs.error == "proxy":
            reason = f"proxy {obs.detail}"
        elif obs.error == "redirects":  # the hops followed: the limit it was seen with
            reason = f"{reason} (more than {len(obs.chain)})"
        elif obs.detail and obs.error in ("connect", "tls", "error", "scheme", "location"):
            reason = f"{reason}: {obs.detail}"
        if verdict != "skipped":
            reason += tries
        if obs.chain and obs.error in _WHERE:  # the link's own host may be fine
            reason += f" at {obs.final_url}"
        return LinkResult(url, verdict, reason, obs.status)
    if len(obs.chain) > settings.max_redirects:  # cached when `max-redirects` was higher
        reason = f"{_ERRORS['redirects'][1]} (more than {settings.max_redirects})"
        return LinkResult(url, "warning", reason, obs.status)
    status = obs.status or 0
    if not (200 <= status < 400 or status in settings.accept):
        verdict, reason = _status_reason(status, obs.bot_wall)
        if status == 429 and obs.retry_after is not None and obs.retry_after >= 1:
            reason = f"rate limited (429, asks to wait {obs.retry_after:.0f} s)"
        if verdict == "warning":
            reason += tries
        if obs.chain:
            reason += f" at {obs.final_url}"
        return LinkResult(url, verdict, reason, status)
    if obs.chain and _soft_404(obs.url, obs.final_url):
        return LinkResult(url, "warning", "redirects to the site's home page", status)
    # A Location with a fragment points into the new page; one without keeps the link's own.
    target, fragment = obs.url, urlsplit(url).fragment
    for hop_status, location in obs.chain:
        if hop_status not in PERMANENT:
            break
        target, _, hop_fragment = location.partition("#")
        fragment = hop_fragment or fragment
    missing = _missing_fragment(obs, settings, fragment)
    if missing is not None:
        return LinkResult(url, "warning", missing, status)
    if target != obs.url:
        return LinkResult(
            url, "redirect", "permanent redirect", status, with_fragment(target, fragment)
        )
    return LinkResult(url, "ok", "", status)


def _missing_fragment(obs: Observation, settings: LinkSettings, fragment: str) -> str | None:
    """With `include-fragments`: the reason when the page has no anchor `fragment`, else None.

    Like a browser: `#top` and an empty fragment need no anchor, and the fragment counts as
    written or percent-decoded. GitHub prefixes the ids of a README's headings with
    `user-content-` (a script follows the bare fragment). A fragment directive (`:~:text=...`, a
    text fragment, which browsers highlight and strip before they look for the element) is no
    part of the anchor: `#IIIA:~:text=Reduce` needs `IIIA`, `#:~:text=Reduce` none. A route of a
    page's script (`#!/user/status/1`, the "hashbang" of old Twitter links, or `#/inbox`) names
    no element either. A page read only in part, or not HTML (no anchors read), says nothing.
    """
    if not settings.include_fragments or obs.anchors is None or obs.anchors_partial:
        return None
    fragment = fragment.split(":~:", 1)[0]
    if not fragment or fragment.lower() == "top" or fragment.startswith(("!", "/")):
        return None
    from urllib.parse import unquote

    found = set(obs.anchors)
    for name in dict.fromkeys((fragment, unquote(fragment))):
        if name in found or f"user-content-{name}" in found:
            return None
    return f"the page has no anchor #{fragment}"


def _soft_404(url: str, final_url: str) -> bool:
    """A deep link that the same site sends to its front page: the article is usually gone.

    Another host's front page is not suspicious (a short link to a home page is legitimate).
    """
    before, after = urlsplit(url), urlsplit(final_url)

    def site(parts: Any) -> str:
        host = (parts.hostname or "").lower()
        return host[4:] if host.startswith("www.") else host

    home = after.path in ("", "/") and not after.query
    deep = before.path not in ("", "/") or bool(before.query)
    return home and deep and site(before) == site(after)


# ----------------------------------------------------------------------------------- cache


_GITIGNORE = "# Created by newslint automatically; never commit this cache.\n*\n"
_CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by newslint.\n"
)


class LinkCache:
    """Observations on disk in `<cache_dir>/links/links.json`, keyed by the fetched URL.

    A success lives `cache-ttl`, a lasting failure `failure-ttl`; a transient one (`is_transient`)
    is not kept. Writes merge with what another run may
    have written meanwhile, then replace the file atomically; a damaged file is treated as empty.
    """

    def __init__(self, cache_dir: Path) -> None:
        self.root = cache_dir
        self.folder = cache_dir / "links"
        self.path = self.folder / "links.json"
        self._entries: dict[str, dict[str, Any]] = self._read()
        self._new: dict[str, dict[str, Any]] = {}

    def _read(self) -> dict[str, dict[str, Any]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):  # a corrupted cache is an empty one
            return {}
        if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    def get(self, key: str, settings: LinkSettings, now: float) -> Observation | None:
        raw = self._entries.get(key)
        if raw is None:
            return None
        try:
            obs = Observation.from_json(raw)
        except (TypeError, ValueError):
            return None
        if is_transient(obs) or not _fresh(now - obs.checked_at, _ttl(obs, settings)):
            return None  # (a transient failure: written by a version that cached them)
        if obs.error == "timeout" and (obs.timeout or 0.0) < settings.timeout:
            return None  # a timeout seen with a shorter timeout says nothing about this one
        if obs.error == "redirects" and len(obs.chain) < settings.max_redirects:
            return None  # more hops are followed now: the chain may end
        return obs

    def put(self, key: str, obs: Observation) -> None:
        self._entries[key] = self._new[key] = obs.to_json()

    def save(self, settings: LinkSettings, now: float) -> None:
        if not self._new:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for path, text in (
                (self.root / ".gitignore", _GITIGNORE),
                (self.root / "CACHEDIR.TAG", _CACHEDIR_TAG),  # backup tools skip the folder
                (self.folder / ".gitignore", _GITIGNORE),
            ):
                if not path.exists():
                    path.write_text(text)
            entries = self._read()
            entries.update(self._new)
            keep = max(settings.cache_ttl, settings.failure_ttl)
            entries = {
                k: v
                for k, v in entries.items()
                if isinstance(v, dict) and _fresh(now - float(v.get("checked_at", 0)), keep)
            }
            temp = self.folder / f".links.{os.getpid()}.tmp"
            temp.write_text(json.dumps({"version": CACHE_VERSION, "entries": entries}))
            os.replace(temp, self.path)
        except OSError as err:  # a read-only checkout still gets its results
            print(f"newslint: warning: cannot write the link cache: {err}", file=sys.stderr)
        self._new.clear()


# How far in the future an entry's check time may be (another machine's clock sharing the cache).
_CLOCK_SKEW = 60.0


def _fresh(age: float, ttl: float) -> bool:
    """An entry `age` seconds old is usable. One checked "in the future" (written while the clock
    was wrong) is not: it would otherwise count as fresh until then, perhaps for years."""
    return -_CLOCK_SKEW <= age <= ttl


# How long a session (`check_links`'s `recent`) reuses a transient failure it saw.
RECENT_TTL = 300.0

# Failures that say nothing lasting about a link: the site may answer on the next run.
_TRANSIENT = frozenset(
    {"dns-temporary", "timeout", "connect-timeout", "refused", "dropped", "protocol", "connect"}
    | {"error", "proxy"}
)


def is_transient(obs: Observation) -> bool:
    """A failure of the moment (a timeout, a dropped or refused connection, a 5xx that is no bot
    wall's, a 429): never cached, so one bad minute is not repeated for `failure-ttl` after the
    site is back. Lasting answers (404, 410, no such host, 401, 403, a bad certificate, a broken
    redirect) are cached."""
    if obs.error is not None:
        return obs.error in _TRANSIENT
    status = obs.status or 0
    return status == 429 or (500 <= status < 600 and not obs.bot_wall)


def _ttl(obs: Observation, settings: LinkSettings) -> float:
    verdict = classify(obs, settings).verdict
    return settings.cache_ttl if verdict in ("ok", "redirect") else settings.failure_ttl


# ----------------------------------------------------------------------------- entry points


def check_links(
    urls: Iterable[str],
    settings: LinkSettings,
    *,
    progress: Progress | None = None,
    transport: Any = None,
    sleep: Sleep | None = None,
    recent: dict[str, Observation] | None = None,
) -> dict[str, LinkResult]:
    """Check every URL once (fragments and user:password ignored); a result for each input URL.

    Transient failures are not cached on disk (`is_transient`); a long-lived caller that checks
    again and again (`newslint watch`, on each save) passes `recent`, a dict of its own where they
    are kept for `RECENT_TTL` (at most `failure-ttl`), so that a link that times out does not cost
    its timeouts on every save. `transport` (an httpx transport) and `sleep` exist for tests and
    benchmarks.
    """
    by_key: dict[str, list[str]] = {}
    results: dict[str, LinkResult] = {}
    for url in dict.fromkeys(urls):
        if not is_checkable(url):
            results[url] = LinkResult(url, "skipped", "not an http(s) URL")
        elif excluded(url, settings.exclude):
            results[url] = LinkResult(url, "skipped", "excluded by links.exclude")
        else:
            by_key.setdefault(request_key(url), []).append(url)
    cache = LinkCache(settings.cache_dir) if settings.use_cache and settings.cache_dir else None
    now = time.time()
    observations: dict[str, tuple[Observation, bool]] = {}
    pending: list[str] = []
    anchors = wants_anchors(by_key, settings)
    for key in by_key:
        hit = cache.get(key, settings, now) if cache is not None else None
        if hit is not None and key in anchors and hit.anchors is None and _page(hit):
            hit = None  # a page checked without reading it: read it now for the fragments
        if hit is None and recent is not None and settings.use_cache and key in recent:
            seen = recent[key]
            if _fresh(now - seen.checked_at, min(RECENT_TTL, settings.failure_ttl)):
                hit = seen
        if hit is not None:
            observations[key] = (hit, True)
        elif not settings.offline:
            pending.append(key)
    if pending:
        failed = sum(
            classify(obs, settings).verdict in ("broken", "warning")
            for obs, _ in observations.values()
        )
        counts = (len(by_key), len(observations), failed)
        from newslint.linkfetch import fetch, run_sync

        fetched: dict[str, Observation] = {}
        with _sigterm_as_interrupt():
            try:
                run_sync(
                    fetch(
                        pending,
                        settings,
                        progress,
                        transport,
                        sleep,
                        counts,
                        fetched,
                        anchors=anchors,
                    )
                )
            finally:  # interrupted (Ctrl-C, SIGTERM) too: what was checked is kept, and the
                # next run goes on from there
                _keep(fetched, observations, cache, recent, settings)
    for key, originals in by_key.items():
        for url in originals:
            if key in observations:
                obs, from_cache = observations[key]
                results[url] = replace(classify(obs, settings, url), cached=from_cache)
            else:
                results[url] = LinkResult(url, "skipped", "not checked (--offline)")
    return results


def _page(obs: Observation) -> bool:
    """The URL led to a page (a 2xx answer), which `include-fragments` reads."""
    return obs.error is None and 200 <= (obs.status or 0) < 300


def wants_anchors(by_key: Mapping[str, Sequence[str]], settings: LinkSettings) -> frozenset[str]:
    """The request keys whose page is read for its anchors: with `include-fragments`, those that
    a URL with a fragment (other than `#top`) points into."""
    if not settings.include_fragments:
        return frozenset()
    return frozenset(
        key
        for key, urls in by_key.items()
        if any(urlsplit(u).fragment and urlsplit(u).fragment.lower() != "top" for u in urls)
    )


def _keep(
    fetched: dict[str, Observation],
    observations: dict[str, tuple[Observation, bool]],
    cache: LinkCache | None,
    recent: dict[str, Observation] | None,
    settings: LinkSettings,
) -> None:
    """Take in what was fetched: lasting answers to the disk cache (saved now), transient ones
    to `recent`."""
    for key, obs in fetched.items():
        observations[key] = (obs, False)
        kept = obs.error not in ("private", "invalid") and not is_transient(obs)
        if cache is not None and kept:
            cache.put(key, obs)
        elif recent is not None and is_transient(obs):
            recent[key] = obs
    if cache is not None:
        cache.save(settings, time.time())


class _Terminated(KeyboardInterrupt):
    """SIGTERM during the requests, raised as Ctrl-C's KeyboardInterrupt is, so that the same
    clean-up runs (requests cancelled, what was checked saved to the cache)."""


def _raise_terminated(signum: int, frame: Any) -> None:
    raise _Terminated


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """While the links are fetched, SIGTERM (a CI job cancelled, `timeout`, a container stopped)
    saves what was checked, as Ctrl-C does, and then ends the process by SIGTERM as before.

    Only where SIGTERM has its default action and in the main thread: a caller with a handler of
    its own (`newslint watch` makes SIGTERM a KeyboardInterrupt) keeps it.
    """
    import signal

    installed = False
    try:
        if signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
            signal.signal(signal.SIGTERM, _raise_terminated)
            installed = True
    except (ValueError, AttributeError):  # not the main thread; no SIGTERM on this platform
        pass
    try:
        yield
    except _Terminated:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)  # the cache is saved: now end as SIGTERM ends
        raise  # (only reached where the signal is not delivered at once)
    finally:
        if installed:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)


def cache_dir_for(results: Sequence[FileResult], ruleset: RuleSet) -> Path:
    """The run's `.newslint_cache` (the same folder as the per-file cache, `newslint.cache`)."""
    files = [Path(result.path) for result in results[:1]]
    try:
        from newslint.cache import locate
    except ImportError:  # pragma: no cover - the per-file cache is optional for link checking
        base = ruleset.config.path.parent if ruleset.config.path is not None else Path.cwd()
        return base / ".newslint_cache"
    return locate(files, ruleset.config.path)


def check_project_links(
    results: Sequence[FileResult],
    ruleset: RuleSet,
    *,
    offline: bool = False,
    use_cache: bool = True,
    progress: Progress | None = None,
    transport: Any = None,
    sleep: Sleep | None = None,
    recent: dict[str, Observation] | None = None,
) -> dict[str, LinkResult]:
    """Check the URLs the link rules collected over all files (nothing unless `links.check`);
    `recent` as for `check_links`."""
    names = [a.rule.name for a in ruleset.rules if a.rule.checks_links]
    if not names or not ruleset.config.links.check:
        return {}
    urls: dict[str, None] = {}
    for result in results:
        for name in names:
            collected = result.collected.get(name)
            if collected is not None:
                urls.update((use.url, None) for use in collected.data)
    if not urls:
        return {}
    settings = LinkSettings.from_config(
        ruleset.config.links,
        offline=offline,
        use_cache=use_cache,
        cache_dir=cache_dir_for(results, ruleset),
    )
    with terminal_progress(progress) as bar:
        return check_links(
            urls, settings, progress=bar, transport=transport, sleep=sleep, recent=recent
        )


@contextlib.contextmanager
def terminal_progress(progress: Progress | None = None) -> Iterator[Progress | None]:
    """The given callback, else a rich progress bar on a terminal, else nothing.

    Never under pre-commit (which sets PRE_COMMIT) or when stderr is not a terminal.
    """
    if progress is not None:
        yield progress
        return
    if os.environ.get("PRE_COMMIT") or not sys.stderr.isatty():
        yield None
        return
    from newslint.reporters.progress import LinkProgressBar

    with LinkProgressBar() as bar:
        yield bar


def link_rules(
    rules: Iterable[type[Rule]], config: Config, select: Sequence[str] = ()
) -> list[str]:
    """The link rules' codes when links are checked (`--check-links`, `[links] check = true`).

    They are off by default and turned on here, so `select = ["ALL"]` never makes a pre-commit run
    go to the network. A selection (`select`: the command line's, else the configuration's) that
    names one of the rules that only report a link check (link-broken, link-redirect) keeps just
    the link rules it names, so `--check-links --select LK007` reports redirects only; one that
    names neither (`--select EN` or `--select LK004`) gets them all, which is what the flag asks
    for. Also validates `[links]` early (a bad value raises `ConfigError`).
    """
    if not config.links.check:
        return []
    from newslint.registry import matches

    LinkSettings.from_config(config.links)
    found = [rule for rule in rules if rule.checks_links]
    named = [rule for rule in found if any(matches(rule, s) for s in select)]
    if any(not rule.default_enabled for rule in named):
        return [rule.code for rule in named]
    return [rule.code for rule in found]
