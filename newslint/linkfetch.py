"""The network half of the link checker (`newslint.linkcheck`): async requests with httpx.

Imported only when there are URLs to fetch, so that loading the link rules costs no asyncio,
httpx or ssl import. See `newslint.linkcheck` for the manners this keeps.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import random
import socket
import time
from collections.abc import Coroutine, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from newslint.linkcheck import (
    ACCEPT,
    FRAGMENT_BODY_LIMIT,
    REDIRECTS,
    LinkSettings,
    Observation,
    Progress,
    Sleep,
    classify,
    parse_retry_after,
    request_key,
    with_fragment,
)

if TYPE_CHECKING:
    import httpx


@dataclass
class _Host:
    """One host's share of a check: its request slots, its client and its back-off."""

    semaphore: asyncio.Semaphore
    client: httpx.AsyncClient
    not_before: float = 0.0  # loop time before which no request goes to this host (429)
    private: bool | None = None
    owners: int = 0  # host jobs checking this host's URLs
    active: int = 0  # requests under way (waiting for a slot included)


@dataclass
class _Outcome:
    """What fetching one URL gave: a status and headers, or an error, and the page's anchors."""

    status: int | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    error: str | None = None
    detail: str = ""
    retryable: bool = False
    tries: int = 0  # for a host's known failure: the tries it took (0: this request's own)
    down_key: str = ""  # a proxy's failure: the proxy, down for every URL sent through it
    anchors: tuple[str, ...] | None = None  # the page's ids and names, when it was read for them
    anchors_partial: bool = False


# Failures that are the host's answer for every URL on it (an origin: scheme, host and port).
_HOST_FAILURES = frozenset({"dns", "refused", "tls", "proxy", "connect-timeout"})
_MARGIN = 0.1  # seconds the bound on a whole request allows beyond httpx's connect timeout
# Failures to connect, which through a proxy are the proxy's (it answers for the link's host).
_PROXY_FAILURES = {
    "dns": "was not found",
    "dns-temporary": "was not found",
    "refused": "refused the connection",
    "connect": "could not be reached",
    "connect-timeout": "did not accept the connection in time",
}


class _BadLocation(Exception):
    """A redirect whose Location httpx cannot read (raised by `_check_location`)."""

    def __init__(self, status: int, location: str) -> None:
        super().__init__(location)
        self.status = status
        self.location = location


async def _check_location(response: httpx.Response) -> None:
    """A response hook: httpx reads the Location of every redirect, followed or not, and fails
    on one that is no URL with a protocol error, which would pass for a broken connection. Say
    instead that the redirect is broken, with the status and the Location as sent."""
    import httpx

    if not response.has_redirect_location:
        return
    try:
        httpx.URL(response.headers["location"])
    except httpx.InvalidURL:
        raise _BadLocation(response.status_code, _location(response.headers)) from None


def _failure(err: BaseException) -> _Outcome:
    """Map a transport exception to an error kind and whether retrying can help."""
    import ssl

    import httpx

    if isinstance(err, _BadLocation):
        return _Outcome(err.status, error="location", detail=err.location[:200])
    chain: list[BaseException] = []
    seen: BaseException | None = err
    while seen is not None and len(chain) < 10:
        chain.append(seen)
        seen = seen.__cause__ or seen.__context__
    for item in chain:
        if isinstance(item, socket.gaierror):
            if item.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", -5)):
                return _Outcome(error="dns", detail=str(item))
            return _Outcome(error="dns-temporary", detail=str(item), retryable=True)
        if isinstance(item, ssl.SSLError):
            return _Outcome(error="tls", detail=_short(item))
        if isinstance(item, ConnectionRefusedError):
            return _Outcome(error="refused", retryable=True)
    if isinstance(err, httpx.ConnectTimeout):
        # No connection at all in time (a firewall that drops packets): the host's answer for
        # all its links, as a refused connection is.
        return _Outcome(error="connect-timeout", retryable=True)
    if isinstance(err, TimeoutError | httpx.TimeoutException):
        return _Outcome(error="timeout", retryable=True)
    if isinstance(err, httpx.RemoteProtocolError) and any(
        type(item).__module__.startswith("h11") for item in chain
    ):
        # The parser's complaint (an illegal status line, headers too long): an answer came, but
        # not in HTTP. Retried all the same, as what a HEAD with a body left on the connection
        # makes the next request read looks just like this.
        return _Outcome(error="protocol", detail=_short(err), retryable=True)
    if isinstance(err, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError):
        return _Outcome(error="dropped", detail=_short(err), retryable=True)
    if isinstance(err, httpx.ConnectError | OSError):
        return _Outcome(error="connect", detail=_short(err), retryable=True)
    if isinstance(err, httpx.UnsupportedProtocol | httpx.InvalidURL | ValueError):
        return _Outcome(error="invalid", detail=_short(err))
    return _Outcome(error="error", detail=_short(err))


def _short(err: BaseException) -> str:
    text = str(err).strip() or type(err).__name__
    return text.splitlines()[0][:200]


_BOT_SERVERS = ("cloudflare", "akamaighost", "ddos-guard", "sucuri", "datadome")


def _looks_like_bot_wall(headers: Mapping[str, str]) -> bool:
    server = headers.get("server", "").lower()
    return (
        "cf-mitigated" in headers
        or "x-datadome" in headers
        or any(name in server for name in _BOT_SERVERS)
    )


class _Checker:
    def __init__(
        self,
        settings: LinkSettings,
        transport: Any,
        sleep: Sleep,
        progress: Progress | None,
        total: int,
        done: int,
        anchors: frozenset[str] = frozenset(),
    ) -> None:
        self.settings = settings
        self.anchors = anchors  # keys whose page is read for its anchors (`include-fragments`)
        self.transport = transport
        self.tls: Any = None  # one SSL context for all hosts: building one costs ~20 ms
        self.sleep = sleep
        self.progress = progress
        self.total = total
        self.done = done
        self.failures = 0
        self.hosts: dict[str, _Host] = {}
        # Seconds each host was paused for its 429s (kept when its `_Host` is released).
        self.paused: dict[str, float] = {}
        # Origins found not there (see `_HOST_FAILURES`): their other URLs are not requested.
        self.down: dict[str, _Outcome] = {}
        self.slots = asyncio.Semaphore(settings.concurrency)
        self.random = random.Random()

    def host(self, url: str) -> _Host:
        name = _hostname(url)
        if name not in self.hosts:
            # One client (connection pool) per host: httpcore scans its whole pool for every
            # queued request, so one shared pool costs O(connections x requests) per request.
            if self.tls is None:
                import httpx

                self.tls = httpx.create_ssl_context(trust_env=self.settings.trust_env)
            try:
                client = _client(self.settings, self.transport, self.tls)
            except (ImportError, ValueError) as err:  # a SOCKS proxy without socksio, ftp://
                from newslint.cli import UsageError

                raise UsageError(
                    f"cannot use the proxy from the environment ({_environment_proxies()}): "
                    f"{_short(err)}"
                ) from None
            self.hosts[name] = _Host(asyncio.Semaphore(self.settings.per_host), client)
        return self.hosts[name]

    async def release(self, name: str) -> None:
        """Close a host's connections once nothing needs them, so open sockets stay bounded."""
        host = self.hosts.get(name)
        if host is not None and host.owners == 0 and host.active == 0:
            del self.hosts[name]
            await host.client.aclose()

    async def close(self) -> None:
        hosts, self.hosts = list(self.hosts.values()), {}
        for host in hosts:
            await host.client.aclose()

    async def run(
        self, keys: Sequence[str], results: dict[str, Observation] | None = None
    ) -> dict[str, Observation]:
        """Check by host: at most `concurrency` hosts at a time, `per-host` workers each.
        `results` is filled as each URL is done (what an interrupted run had found)."""
        by_host: dict[str, list[str]] = {}
        for key in keys:
            by_host.setdefault(_hostname(key), []).append(key)
        results = {} if results is None else results
        open_hosts = asyncio.Semaphore(self.settings.concurrency)

        async def host_job(name: str, urls: list[str]) -> None:
            async with open_hosts:
                host = self.host(urls[0])
                host.owners += 1
                queue = iter(urls)  # shared by the workers: each takes the next URL

                async def worker() -> None:
                    for url in queue:
                        results[url] = await self.observe_counted(url)

                try:
                    workers = min(self.settings.per_host, len(urls))
                    await asyncio.gather(*(worker() for _ in range(workers)))
                finally:
                    host.owners -= 1
                    await self.release(name)

        await asyncio.gather(*(host_job(name, urls) for name, urls in by_host.items()))
        return {key: results[key] for key in keys}

    async def observe_counted(self, url: str) -> Observation:
        from newslint.cli import UsageError

        try:
            obs = await self.observe(url)
        except UsageError:
            raise
        except Exception as err:  # one URL's surprise must not end the check of all the others
            detail = f"{type(err).__name__}: {_short(err)}"
            obs = Observation(url, error="error", detail=detail, checked_at=time.time())
        self.done += 1
        if classify(obs, self.settings).verdict in ("broken", "warning"):
            self.failures += 1
        if self.progress is not None:
            self.progress(self.done, self.total, self.failures)
        return obs

    async def observe(self, url: str) -> Observation:
        """Follow `url` to its final answer: HEAD, GET fallback, redirects, retries."""
        settings = self.settings
        read = url in self.anchors  # the page's HTML is wanted: GET at once, HEAD shows none
        current, method, tries = url, "GET" if read else "HEAD", 1
        chain: list[tuple[int, str]] = []

        def done(outcome: _Outcome, **extra: Any) -> Observation:
            return Observation(
                url,
                status=outcome.status,
                error=outcome.error,
                detail=outcome.detail,
                final_url=current,
                chain=tuple(chain),
                tries=tries,
                checked_at=time.time(),
                anchors=outcome.anchors,
                anchors_partial=outcome.anchors_partial,
                **extra,
            )

        while True:
            outcome = await self.request(method, current, read)
            if outcome.error in ("dropped", "protocol") and method == "HEAD":
                # HEAD mishandled, as by a 405: dropped (some firewalls), or answered with a body
                # that the next request on the connection then read as its own answer. Asked
                # again at once the way a browser asks, on a new connection; not a retry.
                method = "GET"
                continue
            if outcome.error is not None:
                if outcome.tries:  # the host's failure, found for another URL
                    tries = outcome.tries
                elif outcome.error in _HOST_FAILURES and not (
                    outcome.retryable and tries <= settings.retries
                ):
                    self.down.setdefault(
                        outcome.down_key or _origin(current),
                        replace(outcome, retryable=False, tries=tries),
                    )
                if outcome.retryable and tries <= settings.retries:
                    await self.sleep(self.backoff(tries))
                    tries += 1
                    method = "GET"  # some servers and firewalls drop or stall HEAD requests
                    continue
                if outcome.error in ("timeout", "connect-timeout"):
                    return done(outcome, timeout=settings.timeout)
                return done(outcome)
            status = outcome.status or 0
            headers = outcome.headers
            if (
                method == "HEAD"
                and status >= 400
                and status != 429
                and status not in settings.accept
            ):
                method = "GET"  # HEAD refused or mishandled: ask again the way a browser does
                continue
            if status in REDIRECTS:
                location = _location(headers)
                if not location and method == "HEAD":
                    method = "GET"  # HEAD mishandled (a redirect to nowhere): ask as a browser
                    continue
                if not location:
                    return done(_Outcome(status, error="no-location"))
                joined = _join(current, location)
                if joined is None:
                    return done(_Outcome(status, error="location", detail=location[:200]))
                scheme = urlsplit(joined).scheme.lower()
                if scheme not in ("http", "https"):
                    return done(_Outcome(status, error="scheme", detail=f"{scheme}:"))
                if scheme == "http" and urlsplit(current).scheme.lower() == "https":
                    return done(_Outcome(status, error="downgrade"))
                if len(chain) >= settings.max_redirects:
                    return done(_Outcome(status, error="redirects"))
                target = request_key(joined)
                if target == url or any(target == seen.partition("#")[0] for _, seen in chain):
                    return done(_Outcome(status, error="loop"))
                # The hop keeps the Location's fragment: it is part of where the link now leads.
                chain.append((status, with_fragment(target, urlsplit(joined).fragment)))
                current = target
                continue
            retry_after = parse_retry_after(headers.get("retry-after"))
            bot_wall = _looks_like_bot_wall(headers)
            # A 5xx from a bot wall is a challenge page: asking again only adds to the load.
            wants_retry = status == 429 or (500 <= status < 600 and not bot_wall)
            if wants_retry and status not in settings.accept and tries <= settings.retries:
                if retry_after is not None and retry_after > settings.max_wait:
                    return done(outcome, retry_after=retry_after)
                delay = retry_after if retry_after is not None else self.backoff(tries)
                if status == 429:  # the whole host asked us to slow down, not one URL
                    if not self.pause(current, delay):
                        return done(outcome, retry_after=retry_after)
                else:
                    await self.sleep(delay)
                tries += 1
                continue
            return done(
                outcome,
                retry_after=retry_after if status == 429 else None,
                bot_wall=bot_wall,
            )

    def pause(self, url: str, delay: float) -> bool:
        """Pause `url`'s host for `delay` seconds (a 429), unless that would make the host's
        pauses add up to more than `max-wait`: then False, and the 429 is the answer.

        Every 429 pauses the host again, so without a cap on the sum a host that keeps answering
        429 would hold the run for links x retries x Retry-After. Pauses that overlap (workers
        told to wait at the same moment) count once: only what a pause adds to the one pending.
        """
        host = self.host(url)
        name = _hostname(url)
        now = asyncio.get_running_loop().time()
        added = max(0.0, now + delay - max(host.not_before, now))
        paused = self.paused.get(name, 0.0) + added
        if paused > self.settings.max_wait:
            return False
        self.paused[name] = paused
        host.not_before = max(host.not_before, now + delay)
        return True

    def backoff(self, tries: int) -> float:
        """Exponential backoff with jitter: about backoff, 2x, 4x ... capped at max-wait."""
        base = min(self.settings.max_wait, self.settings.backoff * 2 ** (tries - 1))
        return base * self.random.uniform(0.5, 1.0)

    async def request(self, method: str, url: str, read: bool = False) -> _Outcome:
        down = self.down.get(_origin(url))
        if down is not None:
            return down
        host = self.host(url)
        proxy = _proxy_for(host.client, url)
        if proxy is not None and proxy in self.down:
            return self.down[proxy]
        host.active += 1
        try:
            if self.settings.no_private:
                refused = await self.refuse_private(url, host)
                if refused is not None:
                    return refused
            outcome = await self._request(method, url, host, read)
            if proxy is not None and outcome.error in _PROXY_FAILURES:
                # Not the link's host: the proxy could not be reached. A warning for each link,
                # found once for them all, and no "broken link" for a site nobody asked.
                what = _PROXY_FAILURES[outcome.error]
                return replace(outcome, error="proxy", detail=f"{proxy} {what}", down_key=proxy)
            return outcome
        finally:
            host.active -= 1
            await self.release(_hostname(url))

    async def _request(self, method: str, url: str, host: _Host, read: bool = False) -> _Outcome:
        wait = host.not_before - asyncio.get_running_loop().time()
        if wait > 0:
            await self.sleep(wait)
        try:
            async with host.semaphore, self.slots:
                # The whole request's bound; httpx's own timeout for each step (connect, each
                # read) is the same, so a connection not made in time ends a little earlier and
                # is known as such (ConnectTimeout).
                async with asyncio.timeout(self.settings.timeout + _MARGIN):
                    # A page read for its anchors is asked for unencoded, so that the limit on
                    # what is read is a limit on memory too (no compression bomb).
                    headers = {"Accept-Encoding": "identity"} if read else None
                    request = host.client.build_request(method, url, headers=headers)
                    response = await host.client.send(request, stream=True)
                    found: tuple[tuple[str, ...], bool] | None = None
                    if read and method == "GET" and 200 <= response.status_code < 300:
                        # Not HTML: no anchors to look for; read all the same (cached as such).
                        html = _is_html_page(response)
                        found = await _anchors(response, self.settings) if html else ((), True)
                    if method == "HEAD":
                        await response.aread()  # nothing to read; frees the connection for reuse
                    await response.aclose()  # a GET's body is not read further: it closes
        except Exception as err:
            return _failure(err)
        if found is None:
            return _Outcome(response.status_code, response.headers)
        return _Outcome(
            response.status_code, response.headers, anchors=found[0], anchors_partial=found[1]
        )

    async def refuse_private(self, url: str, host: _Host) -> _Outcome | None:
        if host.private is None:
            parts = urlsplit(url)
            try:
                host.private = await _resolves_to_private(
                    parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80)
                )
            except (OSError, ValueError) as err:  # ValueError: a host the idna codec refuses
                return _failure(err)
        return _Outcome(error="private") if host.private else None


def _is_html_page(response: httpx.Response) -> bool:
    """A page whose anchors can be read: an answer in HTML (or XHTML)."""
    kind = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return kind in ("text/html", "application/xhtml+xml")


_MAX_ANCHORS = 20_000  # a page's ids kept (in the cache too); beyond, it counts as read in part


async def _anchors(
    response: httpx.Response, settings: LinkSettings
) -> tuple[tuple[str, ...], bool]:
    """The `id`s of the page's elements and the `name`s of its `<a>`s, read from at most
    `fragment-body-limit` bytes; and whether the page went on beyond (then what is missing is
    not known to be missing)."""
    from html.parser import HTMLParser

    limit = settings.fragment_body_limit or FRAGMENT_BODY_LIMIT
    found: dict[str, None] = {}

    class Ids(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            for name, value in attrs:
                if value and (name == "id" or (name == "name" and tag == "a")):
                    found[value] = None

        handle_startendtag = handle_starttag

    import codecs

    try:
        decoder = codecs.getincrementaldecoder(response.charset_encoding or "utf-8")("replace")
    except LookupError:  # a charset Python does not know
        decoder = codecs.getincrementaldecoder("utf-8")("replace")
    parser = Ids(convert_charrefs=True)
    read, partial = 0, False
    # Asked for without compression; a server that compresses all the same is decoded (each
    # chunk in full, so the limit then bounds what is parsed, not each chunk's size).
    encoded = response.headers.get("content-encoding", "identity").strip().lower() != "identity"
    chunks = response.aiter_bytes() if encoded else response.aiter_raw()
    async for chunk in chunks:
        chunk = chunk[: limit - read]
        read += len(chunk)
        parser.feed(decoder.decode(chunk))
        if read >= limit:
            partial = True
            break
    parser.feed(decoder.decode(b"", final=True))
    parser.close()
    partial = partial or len(found) > _MAX_ANCHORS
    return tuple(list(found)[:_MAX_ANCHORS]), partial


_PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")


def _proxy_for(client: httpx.AsyncClient, url: str) -> str | None:
    """The proxy (from HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, minus NO_PROXY) a request to `url` goes
    through, user:password left out; None for a direct connection. httpx's own choice is asked
    (a private method: without it every request counts as direct)."""
    import httpx

    choose = getattr(client, "_transport_for_url", None)
    try:
        if choose is None or choose(httpx.URL(url)) is getattr(client, "_transport", None):
            return None
    except Exception:  # not a URL httpx takes (bad IDNA): the request itself says so
        return None
    from urllib.request import getproxies

    proxies = getproxies()
    found = proxies.get(urlsplit(url).scheme.lower()) or proxies.get("all") or "(unnamed)"
    return _without_password(found if "://" in found else f"http://{found}")


def _without_password(url: str) -> str:
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()


def _environment_proxies() -> str:
    """The proxy variables that are set, as `NAME=value` without passwords, for a message."""
    import os

    found = []
    for name in _PROXY_VARIABLES:
        for variable in (name, name.lower()):
            value = os.environ.get(variable)
            if value:
                found.append(f"{variable}={_without_password(value)}")
    return ", ".join(found) or "none set"


def _location(headers: Any) -> str:
    """The redirect's Location. Sent twice, it is joined into one "a, b" by httpx: the same
    value twice (a proxy adding its own copy) is that value; different ones, the first, as a
    browser takes it."""
    values = [value.strip() for value in headers.get_list("location")]
    return next((value for value in values if value), "")


def _join(current: str, location: str) -> str | None:
    """`location` resolved against `current`; None when it is no URL that can be fetched (a
    broken IPv6 literal, a port that is not one), which a redirect must not crash on."""
    try:
        joined = urljoin(current, location)
        parts = urlsplit(joined)
        parts.port  # noqa: B018 - raises on a port that is no number, or out of range
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and not parts.hostname:
        return None
    return joined


def _hostname(url: str) -> str:
    """The host as it is sent (IDNA ASCII form, lower case): `bücher.de` and `xn--bcher-kva.de`
    are one host for the per-host limit and for what one host's answers say about another URL."""
    name = (urlsplit(url).hostname or "").lower()
    if name.isascii():
        return name
    import idna  # httpx's own dependency, the IDNA 2008 rules it sends hosts with

    try:
        return idna.encode(name, uts46=True).decode("ascii")
    except idna.IDNAError:
        return name  # httpx refuses it too: the request fails as invalid


def _origin(url: str) -> str:
    """`scheme://host:port`: where a connection goes (a TLS error is one port's, not the host's)."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    return f"{parts.scheme.lower()}://{_hostname(url)}:{port}"


def _not_global(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global


async def _resolves_to_private(hostname: str, port: int) -> bool:
    """True when `hostname` is, or resolves to, any address outside the public internet.

    The connection itself resolves again, so a DNS server that answers differently the second
    time is not stopped; this guards shared CI runners against links to their own network.
    """
    with contextlib.suppress(ValueError):
        return _not_global(hostname)
    infos = await asyncio.get_running_loop().getaddrinfo(hostname, port, type=socket.SOCK_STREAM)
    return any(_not_global(str(info[4][0])) for info in infos)


def _client(settings: LinkSettings, transport: Any, tls: Any) -> httpx.AsyncClient:
    from http.cookiejar import CookieJar, DefaultCookiePolicy

    import httpx

    # A jar whose policy accepts no domain: Set-Cookie is never kept, so none is ever sent.
    jar = CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))
    headers = httpx.Headers({"User-Agent": settings.user_agent, "Accept": ACCEPT})
    for name, value in settings.headers:  # a configured Accept or User-Agent replaces newslint's
        headers[name] = value
    return httpx.AsyncClient(
        headers=headers,
        cookies=jar,
        follow_redirects=False,
        timeout=httpx.Timeout(settings.timeout),
        limits=httpx.Limits(
            max_connections=settings.per_host, max_keepalive_connections=settings.per_host
        ),
        trust_env=settings.trust_env,
        verify=tls,
        event_hooks={"response": [_check_location]},
        transport=transport,
    )


async def fetch(
    keys: Sequence[str],
    settings: LinkSettings,
    progress: Progress | None,
    transport: Any,
    sleep: Sleep | None,
    counts: tuple[int, int, int],
    into: dict[str, Observation] | None = None,
    *,
    anchors: frozenset[str] = frozenset(),
) -> dict[str, Observation]:
    """Observe every URL of `keys`; `into`, when given, receives each observation as it is made,
    so that what a cancelled run (Ctrl-C) found is not lost. The pages of `anchors` (keys) are
    read for their ids (`include-fragments`)."""
    total, done, failed = counts
    checker = _Checker(settings, transport, sleep or asyncio.sleep, progress, total, done, anchors)
    checker.failures = failed
    if progress is not None:
        progress(done, total, failed)
    try:
        return await checker.run(keys, into)
    finally:
        await checker.close()


def run_sync(coro: Coroutine[Any, Any, dict[str, Observation]]) -> dict[str, Observation]:
    """`asyncio.run`, also from a thread that already runs an event loop (an editor plugin)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()
