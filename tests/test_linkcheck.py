"""The link checker against real HTTP servers on 127.0.0.1 (and httpx mock transports for what a
loopback server cannot show: DNS failures, https). No test touches a non-loopback address."""

from __future__ import annotations

import asyncio
import json
import shutil
import signal
import socket
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest

from newslint.config import ConfigError, LinksConfig
from newslint.linkcheck import (
    USER_AGENT,
    LinkResult,
    LinkSettings,
    check_links,
    parse_duration,
    parse_retry_after,
    request_key,
    terminal_progress,
)
from tests.linkserver import LinkServer, link_server

FAST = LinkSettings(
    timeout=0.3, retries=1, backoff=0.001, max_wait=2.0, trust_env=False, use_cache=False
)


class Waits:
    """A `sleep` for the checker that records each wait and does not really wait."""

    def __init__(self) -> None:
        self.seconds: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.seconds.append(seconds)
        await asyncio.sleep(0)


@pytest.fixture(scope="module")
def server() -> Iterator[LinkServer]:
    with link_server() as running:
        yield running


@pytest.fixture
def fresh() -> Iterator[LinkServer]:
    """A server of one's own, for tests that count requests."""
    with link_server() as running:
        yield running


# Path -> (verdict, reason, permanent-redirect target path or None).
ROUTES: dict[str, tuple[str, str, str | None]] = {
    "/ok": ("ok", "", None),
    "/missing": ("broken", "not found (404)", None),
    "/gone": ("broken", "gone (410)", None),
    "/moved": ("redirect", "permanent redirect", "/ok"),
    "/moved-308": ("redirect", "permanent redirect", "/ok"),
    "/moved-then-found": ("redirect", "permanent redirect", "/found"),
    "/found": ("ok", "", None),
    "/temporary": ("ok", "", None),
    "/head-refused": ("ok", "", None),
    "/rate-limited": ("warning", "rate limited (429) after 2 tries", None),
    "/rate-limited-long": ("warning", "rate limited (429, asks to wait 3600 s)", None),
    "/error": ("warning", "server error (500) after 2 tries", None),
    "/flaky": ("ok", "", None),
    "/forbidden": ("warning", "blocked, possibly a bot wall (403)", None),
    "/login": ("warning", "needs a login (401)", None),
    "/challenge": ("warning", "blocked, possibly a bot wall (503)", None),  # not retried
    "/slow": ("warning", "timed out (0.3 s) after 2 tries", None),
    "/drop": ("warning", "connection dropped without a response after 2 tries", None),
    "/moved-home": ("warning", "redirects to the site's home page", None),
    "/loop": ("warning", "redirect loop", None),
    "/hop/0": ("warning", "too many redirects (more than 10)", None),
    "/to-ftp": (
        "warning",
        "redirects to a scheme other than http(s), not followed: ftp:",
        None,
    ),
}


@pytest.fixture(scope="module")
def classified(server: LinkServer) -> dict[str, LinkResult]:
    results = check_links([server.url(path) for path in ROUTES], FAST, sleep=Waits())
    return {path: results[server.url(path)] for path in ROUTES}


@pytest.mark.parametrize("path", list(ROUTES))
def test_each_answer_is_classified(
    path: str, classified: dict[str, LinkResult], server: LinkServer
) -> None:
    verdict, reason, target = ROUTES[path]
    result = classified[path]
    assert (result.verdict, result.reason) == (verdict, reason)
    assert result.target == (server.url(target) if target else None)


def test_moved_to_a_missing_page_is_broken_not_a_redirect(server: LinkServer) -> None:
    result = check_links([server.url("/moved-to-missing")], FAST)[server.url("/moved-to-missing")]
    assert (result.verdict, result.reason) == (
        "broken",
        f"not found (404) at {server.url('/missing')}",
    )


def test_head_refused_is_asked_again_with_get(fresh: LinkServer) -> None:
    check_links([fresh.url("/head-refused")], FAST)
    assert fresh.counts[("HEAD", "/head-refused")] == 1
    assert fresh.counts[("GET", "/head-refused")] == 1


def test_a_body_is_never_read(fresh: LinkServer) -> None:
    # A GET's answer counts from its status line and headers: an endless body, or one dripping a
    # byte every 0.1 s (which a 0.3 s timeout would cut if it were read), changes nothing.
    urls = [fresh.url("/endless"), fresh.url("/drip-body")]
    results = check_links(urls, FAST)
    assert [(r.verdict, r.reason) for r in results.values()] == [("ok", "")] * 2
    assert [fresh.counts[("GET", path)] for path in ("/endless", "/drip-body")] == [1, 1]


def test_a_request_that_failed_is_retried_with_get(fresh: LinkServer) -> None:
    results = check_links([fresh.url("/drop-head"), fresh.url("/drop")], FAST, sleep=Waits())
    assert [r.verdict for r in results.values()] == ["ok", "warning"]
    # HEAD dropped: GET at once (HEAD mishandled); GET dropped: one retry.
    assert [fresh.counts[(m, "/drop")] for m in ("HEAD", "GET")] == [1, 2]


def test_a_head_that_breaks_the_connection_is_asked_again_with_get(fresh: LinkServer) -> None:
    # Without retries too: a server (or firewall) that drops HEAD, or answers it with a body that
    # the next request on the connection then reads as its answer, mishandles HEAD as one that
    # answers 405 does. Neither is a broken link.
    urls = [fresh.url("/drop-head"), fresh.url("/head-with-body"), fresh.url("/ok")]
    results = check_links(urls, replace(FAST, retries=0, per_host=1))
    assert [(r.verdict, r.reason) for r in results.values()] == [("ok", "")] * 3
    assert fresh.counts[("GET", "/drop-head")] == 1


def test_connection_refused_is_an_error() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/x"
    result = check_links([url], FAST, sleep=Waits())[url]
    assert (result.verdict, result.reason) == ("broken", "connection refused after 2 tries")


def test_a_host_that_is_not_there_is_asked_once_for_all_its_links() -> None:
    # Refused, not resolving, a bad certificate: that is the host's answer for every link to it.
    # Asking again (with retries and backoff) for each of its links only makes the run longer.
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    urls = [f"http://127.0.0.1:{port}/{n}" for n in range(5)]
    waits = Waits()
    results = check_links(urls, replace(FAST, per_host=1), sleep=waits)
    assert {(r.verdict, r.reason) for r in results.values()} == {
        ("broken", "connection refused after 2 tries")
    }
    assert len(waits.seconds) == 1  # the first link's retry; the others asked nobody

    asked: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        try:
            raise socket.gaierror(socket.EAI_NONAME, "lookup failed")
        except socket.gaierror as err:
            raise httpx.ConnectError("lookup failed", request=request) from err

    urls = [f"https://gone.invalid/{n}" for n in range(3)] + ["https://other.invalid/x"]
    results = check_links(urls, replace(FAST, per_host=1), transport=_mock(handler))
    assert {r.reason for r in results.values()} == {"host not found"}
    assert asked == ["https://gone.invalid/0", "https://other.invalid/x"]


def test_a_host_that_takes_no_connection_is_asked_once_for_all_its_links() -> None:
    # Connections that time out (packets dropped) are the host's answer for every link to it:
    # 5 links would otherwise each cost (retries + 1) x timeout.
    from tests.linkserver import unanswered_port

    with unanswered_port() as port:
        if port is None:
            pytest.skip("connections to a full listen queue are not dropped here")
        urls = [f"http://127.0.0.1:{port}/{n}" for n in range(5)]
        waits = Waits()
        results = check_links(urls, replace(FAST, per_host=1), sleep=waits)
    assert {(r.verdict, r.reason) for r in results.values()} == {
        ("warning", "timed out connecting (0.3 s) after 2 tries")
    }
    assert len(waits.seconds) == 1  # the first link's retry; the others asked nobody


def test_retry_after_pauses_the_host_then_succeeds(fresh: LinkServer) -> None:
    waits = Waits()
    url = fresh.url("/rate-limited-once")
    result = check_links([url], FAST, sleep=waits)[url]
    assert result.verdict == "ok"
    assert fresh.hits("/rate-limited-once") == 2
    assert waits.seconds == [pytest.approx(1.0, abs=0.05)]


def test_retry_after_as_an_http_date_is_waited_for(fresh: LinkServer) -> None:
    # "Wait until <date>": the wait is the time from now to then (a date has whole seconds).
    waits = Waits()
    until = int(time.time()) + 60
    url = fresh.url(f"/rate-limited-until/{until}")
    result = check_links([url], replace(FAST, max_wait=120.0), sleep=waits)[url]
    assert (result.verdict, fresh.hits(f"/rate-limited-until/{until}")) == ("ok", 2)
    assert len(waits.seconds) == 1 and 30.0 <= waits.seconds[0] <= 60.0  # not a timing: a value


def test_retry_after_longer_than_max_wait_is_not_retried(fresh: LinkServer) -> None:
    waits = Waits()
    check_links([fresh.url("/rate-limited-long")], FAST, sleep=waits)
    assert fresh.hits("/rate-limited-long") == 1
    assert waits.seconds == []


def test_a_host_is_paused_for_at_most_max_wait_in_all(fresh: LinkServer) -> None:
    # Each 429 pauses the host again; without a cap on the sum, a host that keeps answering 429
    # would hold the run for (links x retries x Retry-After). Here the pauses may add up to 0.5 s:
    # the first link's two pauses (0.4 s) fit, a third would not, so the other links get one try.
    urls = [fresh.url(f"/rate-limited-always/{n}") for n in range(6)]
    settings = replace(FAST, retries=2, per_host=1, max_wait=0.5)
    results = check_links(urls, settings)
    assert [fresh.hits(f"/rate-limited-always/{n}") for n in range(6)] == [3, 1, 1, 1, 1, 1]
    assert [r.reason for r in results.values()] == [
        "rate limited (429) after 3 tries",
        *["rate limited (429)"] * 5,
    ]


def test_backoff_grows_and_has_jitter(fresh: LinkServer) -> None:
    waits = Waits()
    settings = replace(FAST, retries=3, backoff=1.0, max_wait=3.0)
    check_links([fresh.url("/error")], settings, sleep=waits)
    first, second, third = waits.seconds
    assert 0.5 <= first <= 1.0 and 1.0 <= second <= 2.0 and 1.5 <= third <= 3.0
    assert fresh.counts[("GET", "/error")] == 4  # HEAD 500 -> GET, then 3 retries


def test_a_url_is_fetched_once_whatever_its_fragment(fresh: LinkServer) -> None:
    urls = [fresh.url("/ok"), fresh.url("/ok#top"), fresh.url("/ok#end"), fresh.url("/ok")]
    results = check_links(urls, FAST)
    assert fresh.hits("/ok") == 1
    assert {r.verdict for r in results.values()} == {"ok"}
    assert set(results) == set(urls)


def test_permanent_redirect_keeps_the_fragment(fresh: LinkServer) -> None:
    url = fresh.url("/moved#para-2")
    assert check_links([url], FAST)[url].target == fresh.url("/ok#para-2")


def test_a_fragment_in_the_location_is_the_targets_own(fresh: LinkServer) -> None:
    plain, with_fragment = fresh.url("/moved-to-section"), fresh.url("/moved-to-section#para-2")
    results = check_links([plain, with_fragment], FAST)
    assert [r.target for r in results.values()] == [fresh.url("/ok#section")] * 2
    assert fresh.hits("/moved-to-section") == 1


def test_one_request_for_spellings_of_one_url(fresh: LinkServer) -> None:
    spellings = ["/ok?q=a b", "/ok?q=a%20b", "/ok?q=中", "/ok?q=%E4%B8%AD"]
    urls = [fresh.url(s) for s in spellings] + ["HTTP" + fresh.url("/ok?q=a b")[4:]]
    results = check_links(urls, FAST)
    assert [r.verdict for r in results.values()] == ["ok"] * 5
    assert set(results) == set(urls)
    assert sorted(path for (_, path) in fresh.counts) == ["/ok?q=%E4%B8%AD", "/ok?q=a%20b"]
    assert fresh.total() == 2


@pytest.mark.parametrize(
    ("url", "key"),
    [
        (
            "HTTP://Editor:pw@News.Example.COM:80/a b?q=中#top",
            "http://news.example.com/a%20b?q=%E4%B8%AD",
        ),
        ("https://example.com:443", "https://example.com/"),
        ("https://example.com:8443/x?a=1&b=%2F#f", "https://example.com:8443/x?a=1&b=%2F"),
        ("https://[2001:DB8::1]:443/é", "https://[2001:db8::1]/%C3%A9"),
    ],
)
def test_request_key(url: str, key: str) -> None:
    assert request_key(url) == key


def test_no_cookie_no_credentials_and_a_user_agent_naming_newslint(fresh: LinkServer) -> None:
    with_password = fresh.url("/set-cookie").replace("http://", "http://editor:secret@")
    check_links([with_password], FAST)
    seen = {path: headers for _, path, headers in fresh.headers_seen}
    assert set(seen) == {"/set-cookie", "/echo"}
    for headers in seen.values():
        assert "Cookie" not in headers and "Authorization" not in headers
        assert headers["User-Agent"] == USER_AGENT
    assert "newslint/" in USER_AGENT


def test_at_most_per_host_requests_in_flight(fresh: LinkServer) -> None:
    fresh.delay = 0.15
    settings = replace(FAST, per_host=2, timeout=5.0)
    results = check_links([fresh.url(f"/ok?n={n}") for n in range(6)], settings)
    assert {r.verdict for r in results.values()} == {"ok"}
    assert fresh.peak == 2


def test_accept_lists_statuses_that_count_as_working(fresh: LinkServer) -> None:
    settings = replace(FAST, accept=frozenset({200, 403, 429}))
    results = check_links([fresh.url("/forbidden"), fresh.url("/rate-limited")], settings)
    assert [r.verdict for r in results.values()] == ["ok", "ok"]
    assert fresh.hits("/rate-limited") == 1  # accepted: no retry


def test_excluded_urls_are_not_fetched(fresh: LinkServer) -> None:
    settings = replace(FAST, exclude=(__import__("re").compile(r"/missing$"),))
    results = check_links([fresh.url("/missing"), "mailto:a@b.c"], settings)
    assert [r.verdict for r in results.values()] == ["skipped", "skipped"]
    assert fresh.total() == 0


def test_no_private_refuses_loopback(fresh: LinkServer) -> None:
    result = check_links([fresh.url("/ok")], replace(FAST, no_private=True))[fresh.url("/ok")]
    assert (result.verdict, fresh.total()) == ("skipped", 0)


def test_offline_makes_no_request(fresh: LinkServer) -> None:
    result = check_links([fresh.url("/ok")], replace(FAST, offline=True))[fresh.url("/ok")]
    assert (result.verdict, result.reason) == ("skipped", "not checked (--offline)")
    assert fresh.total() == 0


# ----------------------------------------------------------------------------------- cache


def test_second_run_is_served_by_the_cache(fresh: LinkServer, tmp_path: Path) -> None:
    settings = replace(FAST, use_cache=True, cache_dir=tmp_path / ".newslint_cache")
    urls = [fresh.url("/ok"), fresh.url("/missing"), fresh.url("/moved")]
    first = check_links(urls, settings)
    requests = fresh.total()
    second = check_links(urls, settings)
    assert fresh.total() == requests
    assert [r.cached for r in second.values()] == [True, True, True]
    assert [replace(r, cached=False) for r in second.values()] == list(first.values())
    assert (tmp_path / ".newslint_cache" / ".gitignore").read_text().endswith("*\n")
    assert (tmp_path / ".newslint_cache" / "links" / ".gitignore").is_file()
    assert (tmp_path / ".newslint_cache" / "CACHEDIR.TAG").is_file()
    stored = (tmp_path / ".newslint_cache" / "links" / "links.json").read_text()
    assert "a page" not in stored  # bodies are never stored


def test_failures_expire_sooner_than_successes(fresh: LinkServer, tmp_path: Path) -> None:
    settings = replace(FAST, use_cache=True, cache_dir=tmp_path, failure_ttl=0.0)
    urls = [fresh.url("/ok"), fresh.url("/missing")]
    check_links(urls, settings)
    check_links(urls, settings)
    assert fresh.counts[("HEAD", "/ok")] == 1
    assert fresh.counts[("HEAD", "/missing")] == 2


def test_an_entry_from_the_future_is_not_trusted(fresh: LinkServer, tmp_path: Path) -> None:
    # Written while the clock was years ahead: "checked in the future" must not mean "fresh until
    # then", or a failure (or a success) would be cached for years.
    url = fresh.url("/missing")
    later = time.time() + 5 * 365 * 86_400
    entry = {"url": request_key(url), "status": 200, "checked_at": later}
    (tmp_path / "links").mkdir()
    (tmp_path / "links" / "links.json").write_text(
        json.dumps({"version": 1, "entries": {request_key(url): entry}})
    )
    settings = replace(FAST, use_cache=True, cache_dir=tmp_path)
    result = check_links([url], settings)[url]
    assert (result.verdict, result.cached, fresh.counts[("HEAD", "/missing")]) == (
        "broken",
        False,
        1,
    )
    stored = json.loads((tmp_path / "links" / "links.json").read_text())["entries"]
    assert stored[request_key(url)]["checked_at"] < later


def test_a_timeout_is_not_cached(fresh: LinkServer, tmp_path: Path) -> None:
    # /slow answers after 1 s. A timeout says nothing lasting about the link: the next run asks
    # again (here with a longer timeout, and it works) rather than repeat it from the cache.
    settings = replace(FAST, retries=0, use_cache=True, cache_dir=tmp_path)
    url = fresh.url("/slow")
    first = check_links([url], settings)[url]
    assert (first.verdict, first.reason) == ("warning", "timed out (0.3 s)")
    longer = check_links([url], replace(settings, timeout=5.0))[url]
    assert (longer.verdict, longer.cached) == ("ok", False)
    assert fresh.hits("/slow") == 2


def test_a_session_reuses_the_transient_failures_it_saw(fresh: LinkServer, tmp_path: Path) -> None:
    # `newslint watch` checks again on every save: a link that failed a moment ago (here a 503,
    # which the server then stops answering) is not asked again within the session's few
    # minutes, while another session (another run) asks again.
    settings = replace(FAST, retries=0, use_cache=True, cache_dir=tmp_path)
    url, recent = fresh.url("/unavailable-twice/w"), {}
    first = check_links([url], settings, recent=recent)[url]
    again = check_links([url], settings, recent=recent)[url]
    assert (first.reason, again.reason, again.cached) == (
        "server error (503)",
        "server error (503)",
        True,
    )
    assert fresh.hits("/unavailable-twice/w") == 2  # HEAD and GET, once
    assert check_links([url], settings)[url].verdict == "ok"
    assert (
        check_links([url], replace(settings, use_cache=False), recent=recent)[url].verdict == "ok"
    )


def test_a_transient_failure_an_older_version_cached_is_not_used(
    fresh: LinkServer, tmp_path: Path
) -> None:
    url = fresh.url("/ok")
    entries = {
        request_key(url): {"url": request_key(url), "status": 503, "checked_at": time.time()}
    }
    (tmp_path / "links").mkdir()
    (tmp_path / "links" / "links.json").write_text(json.dumps({"version": 1, "entries": entries}))
    result = check_links([url], replace(FAST, use_cache=True, cache_dir=tmp_path))[url]
    assert (result.verdict, result.cached, fresh.hits("/ok")) == ("ok", False, 1)


def test_no_cache_neither_reads_nor_writes(fresh: LinkServer, tmp_path: Path) -> None:
    settings = replace(FAST, use_cache=False, cache_dir=tmp_path)
    check_links([fresh.url("/ok")], settings)
    check_links([fresh.url("/ok")], settings)
    assert fresh.hits("/ok") == 2
    assert not (tmp_path / "links").exists()


def test_offline_uses_what_the_cache_holds(fresh: LinkServer, tmp_path: Path) -> None:
    settings = replace(FAST, use_cache=True, cache_dir=tmp_path)
    check_links([fresh.url("/missing")], settings)
    result = check_links([fresh.url("/missing")], replace(settings, offline=True))
    assert (result[fresh.url("/missing")].verdict, result[fresh.url("/missing")].cached) == (
        "broken",
        True,
    )


def test_a_damaged_cache_is_ignored(fresh: LinkServer, tmp_path: Path) -> None:
    (tmp_path / "links").mkdir()
    (tmp_path / "links" / "links.json").write_text("{not json")
    settings = replace(FAST, use_cache=True, cache_dir=tmp_path)
    assert check_links([fresh.url("/ok")], settings)[fresh.url("/ok")].verdict == "ok"
    assert json.loads((tmp_path / "links" / "links.json").read_text())["version"] == 1


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl to make a certificate")
def test_an_untrusted_certificate_is_a_tls_warning(tmp_path: Path) -> None:
    import ssl
    import subprocess
    import threading
    from http.server import ThreadingHTTPServer

    from tests.linkserver import _Handler

    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"),
            *("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"),
            *("-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        url = f"https://127.0.0.1:{server.server_address[1]}/ok"
        result = check_links([url], replace(FAST, timeout=5.0), sleep=Waits())[url]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
    assert (result.verdict, result.reason.split(":")[0]) == ("warning", "TLS error")
    assert "certificate verify failed" in result.reason


# --------------------------------------------------- what a loopback server cannot show


def _mock(handler: Any) -> httpx.MockTransport:
    return httpx.MockTransport(handler)


@pytest.mark.parametrize(
    ("errno", "verdict", "reason"),
    [
        (socket.EAI_NONAME, "broken", "host not found"),
        (socket.EAI_AGAIN, "warning", "host name lookup failed after 2 tries"),
    ],
)
def test_dns_failure(errno: int, verdict: str, reason: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        try:
            raise socket.gaierror(errno, "lookup failed")
        except socket.gaierror as err:
            raise httpx.ConnectError("lookup failed", request=request) from err

    url = "https://no-such-host.invalid/a"
    result = check_links([url], FAST, transport=_mock(handler), sleep=Waits())[url]
    assert (result.verdict, result.reason) == (verdict, reason)


class _InFlight(httpx.AsyncBaseTransport):
    """Answers 200 after a moment, counting the requests in flight per host as sent."""

    def __init__(self) -> None:
        self.now: dict[str, int] = {}
        self.peak: dict[str, int] = {}
        self.paths: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.raw_host.decode()  # the ASCII form, as sent
        self.paths.append(request.url.raw_path.decode())
        self.now[host] = self.now.get(host, 0) + 1
        self.peak[host] = max(self.peak.get(host, 0), self.now[host])
        await asyncio.sleep(0.01)
        self.now[host] -= 1
        return httpx.Response(200)


def test_per_host_holds_whatever_the_spelling_of_an_idn_host() -> None:
    # One host written in Unicode and in its ASCII form (what is sent either way): one host.
    transport = _InFlight()
    urls = [f"https://{host}/caf%C3%A9/{n}" for n in range(3) for host in ("bücher.invalid",
            "XN--BCHER-KVA.invalid")]  # fmt: skip
    results = check_links(urls, replace(FAST, per_host=1), transport=transport)
    assert {r.verdict for r in results.values()} == {"ok"}
    assert transport.peak == {"xn--bcher-kva.invalid": 1}
    assert sorted(set(transport.paths)) == [f"/caf%C3%A9/{n}" for n in range(3)]  # as written


def test_a_failure_after_a_redirect_names_where_it_happened() -> None:
    # The link's own host answers; the one it redirects to does not exist. "host not found" alone
    # would send the editor looking at a host that is fine.
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "moved.invalid":
            return httpx.Response(301, headers={"Location": "https://gone.invalid/a"})
        try:
            raise socket.gaierror(socket.EAI_NONAME, "lookup failed")
        except socket.gaierror as err:
            raise httpx.ConnectError("lookup failed", request=request) from err

    url = "https://moved.invalid/a"
    result = check_links([url], FAST, transport=_mock(handler))[url]
    assert (result.verdict, result.reason) == ("broken", "host not found at https://gone.invalid/a")


def test_https_to_http_redirect_is_not_followed() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(301, headers={"Location": "http://site.invalid/a"})

    url = "https://site.invalid/a"
    result = check_links([url], FAST, transport=_mock(handler))[url]
    assert (result.verdict, result.reason) == (
        "warning",
        "redirects from https to insecure http, not followed",
    )
    assert seen == [url]


def test_http_to_https_upgrade_is_a_permanent_redirect() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.scheme == "http":
            return httpx.Response(301, headers={"Location": "https://site.invalid/a"})
        return httpx.Response(200)

    result = check_links(["http://site.invalid/a"], FAST, transport=_mock(handler))
    assert result["http://site.invalid/a"].target == "https://site.invalid/a"


def test_a_short_link_to_another_sites_home_page_is_fine() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "short.invalid":
            return httpx.Response(301, headers={"Location": "https://news.invalid/"})
        return httpx.Response(200)

    url = "https://short.invalid/x7"
    result = check_links([url], FAST, transport=_mock(handler))[url]
    assert (result.verdict, result.target) == ("redirect", "https://news.invalid/")


# ----------------------------------------------------------------------- small pieces


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("120", 120.0),
        (" 0 ", 0.0),
        ("Wed, 21 Oct 2015 07:28:30 GMT", 30.0),  # now is 07:28:00
        ("Wed, 21 Oct 2015 07:27:00 GMT", 0.0),  # in the past: no wait
        ("soon", None),
        ("0.5", 0.5),
        ("inf", None),  # float() reads these, the header's grammar has none of them
        ("NaN", None),
        ("1e9", None),
        ("-5", None),
        ("1_000", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_retry_after(header: str | None, seconds: float | None) -> None:
    now = 1445412480.0  # 2015-10-21T07:28:00Z
    assert parse_retry_after(header, now) == seconds


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("1d", 86_400), ("12h", 43_200), ("1h30m", 5_400), ("45s", 45), ("90", 90), (30, 30)],
)
def test_parse_duration(text: str | int, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "1x", "1d tomorrow"])
def test_parse_duration_rejects(text: str) -> None:
    with pytest.raises(ConfigError, match="not a duration"):
        parse_duration(text, "links.cache-ttl")


def test_settings_from_config() -> None:
    links = LinksConfig(
        timeout=3, cache_ttl="2h", accept=[200, 429], exclude=["^https://x"], backoff=0.1
    )
    settings = LinkSettings.from_config(links, offline=True)
    assert (settings.timeout, settings.cache_ttl, settings.failure_ttl) == (3.0, 7200.0, 3600.0)
    assert settings.accept == frozenset({200, 429}) and settings.offline
    assert settings.exclude[0].pattern == "^https://x" and settings.backoff == 0.1
    with pytest.raises(ConfigError, match=r"links\.exclude"):
        LinkSettings.from_config(LinksConfig(exclude=["("]))


def test_configured_headers_go_with_every_request_and_replace_newslints_own(
    fresh: LinkServer,
) -> None:
    links = LinksConfig(headers={"accept": "text/html", "Accept-Language": "de", "X-Token": "t"})
    settings = replace(FAST, headers=LinkSettings.from_config(links).headers)
    assert check_links([fresh.url("/moved")], settings)[fresh.url("/moved")].verdict == "redirect"
    seen = [headers for _, path, headers in fresh.headers_seen]
    assert [path for _, path, _ in fresh.headers_seen] == ["/moved", "/ok"]  # the redirect too
    for headers in seen:
        lowered = {name.lower(): value for name, value in headers.items()}
        assert (lowered["accept"], lowered["accept-language"], lowered["x-token"]) == (
            "text/html",
            "de",
            "t",
        )
        assert lowered["user-agent"] == USER_AGENT
        assert list(lowered).count("accept") == 1


@pytest.mark.parametrize(
    ("links", "message"),
    [
        (LinksConfig(headers={"Bad Name": "x"}), "links.headers: 'Bad Name' is not a header name"),
        (LinksConfig(headers={"Host": "x"}), "Host is written by the HTTP client itself"),
        (LinksConfig(headers={"X-A": "1\r\nX-B: 2"}), "the value of X-A holds a line break"),
        (LinksConfig(headers={"X-A": "1", "x-a": "2"}), "x-a is given twice (as 'X-A')"),
        (
            LinksConfig(user_agent="Bot/1", headers={"User-Agent": "Bot/2"}),
            "User-Agent is set by links.user-agent already",
        ),
        (LinksConfig(max_redirects=-1), "links.max-redirects: must be at least 0, not -1"),
    ],
)
def test_bad_headers_and_max_redirects_are_configuration_errors(
    links: LinksConfig, message: str
) -> None:
    with pytest.raises(ConfigError) as raised:
        LinkSettings.from_config(links)
    assert message in str(raised.value)


def test_max_redirects_limits_the_hops_followed(fresh: LinkServer) -> None:
    settings = replace(FAST, max_redirects=3)
    result = check_links([fresh.url("/hop/0")], settings)[fresh.url("/hop/0")]
    assert (result.verdict, result.reason) == ("warning", "too many redirects (more than 3)")
    assert (fresh.hits("/hop/3"), fresh.hits("/hop/4")) == (1, 0)
    none = check_links([fresh.url("/moved")], replace(FAST, max_redirects=0))
    assert none[fresh.url("/moved")].reason == "too many redirects (more than 0)"


def test_a_cached_chain_is_judged_by_the_max_redirects_of_this_run(
    fresh: LinkServer, tmp_path: Path
) -> None:
    cached = replace(FAST, use_cache=True, cache_dir=tmp_path)
    chain = fresh.url("/chain/0")  # four redirects, then a page
    assert check_links([chain], cached)[chain].verdict == "redirect"
    lower = check_links([chain], replace(cached, max_redirects=2))[chain]
    assert (lower.verdict, lower.reason, lower.cached) == (
        "warning",
        "too many redirects (more than 2)",
        True,
    )
    # A chain cut at a lower limit is asked again once more hops are allowed.
    hops = fresh.url("/hop/5")
    check_links([hops], replace(cached, max_redirects=2))
    again = check_links([hops], replace(cached, max_redirects=10))[hops]
    assert (again.reason, again.cached) == ("too many redirects (more than 10)", False)


def test_progress_reports_checked_total_and_failures(fresh: LinkServer) -> None:
    calls: list[tuple[int, int, int]] = []
    check_links(
        [fresh.url("/ok"), fresh.url("/missing")],
        FAST,
        progress=lambda *args: calls.append(args),
    )
    assert calls[0] == (0, 2, 0) and calls[-1] == (2, 2, 1)


def test_no_progress_bar_under_pre_commit_or_off_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    monkeypatch.setenv("PRE_COMMIT", "1")
    with terminal_progress() as bar:
        assert bar is None
    monkeypatch.delenv("PRE_COMMIT")
    monkeypatch.setattr("sys.stderr.isatty", lambda: False)
    with terminal_progress() as bar:
        assert bar is None


# ------------------------------------------------------------------------- command line


def test_check_links_on_the_command_line(
    fresh: LinkServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    from newslint.cli import main
    from newslint.testing import fm
    from tests.linkserver import without_proxies

    without_proxies(monkeypatch)
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "newslint.toml").write_text("[links]\ntimeout = 0.3\nretries = 0\n")
    missing, moved = fresh.url("/missing"), fresh.url("/moved")
    (tmp_path / "a.md").write_text(fm(body=f"[x]({missing}) [y]({moved})\n"))
    argv = ["check", "--select", "LK006,LK007", "--output-format", "json", "a.md"]

    assert main(argv) == 0  # selected, but links are only fetched with --check-links
    assert json.loads(capsys.readouterr().out) == [] and fresh.total() == 0

    assert main([*argv, "--check-links"]) == 1
    found = json.loads(capsys.readouterr().out)
    assert [(d["code"], d["severity"], d["line"], d["column"]) for d in found] == [
        ("LK006", "error", 4, 5),
        ("LK007", "info", 4, 5 + len(missing) + len(") [y](")),
    ]
    assert found[1]["fix"]["edits"][0]["content"] == fresh.url("/ok")
    assert (tmp_path / ".newslint_cache" / "links" / "links.json").is_file()

    requests = fresh.total()
    assert main([*argv, "--check-links", "--offline", "--no-cache"]) == 0
    assert json.loads(capsys.readouterr().out) == [] and fresh.total() == requests
    assert main([*argv, "--check-links", "--no-private", "--no-cache"]) == 0  # 127.0.0.1
    assert json.loads(capsys.readouterr().out) == [] and fresh.total() == requests


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or sys.platform == "win32", reason="POSIX")
def test_ctrl_c_while_checking_stops_cleanly(fresh: LinkServer, tmp_path: Path) -> None:
    from newslint.testing import fm
    from tests.linkserver import interrupt_check_links

    fresh.delay = 30.0  # the request is under way, and stays so, when Ctrl-C comes
    (tmp_path / "a.md").write_text(fm(body=f"[x]({fresh.url('/ok')})\n"))
    # Only the link rules: what the other rules find is printed as each file is done.
    (tmp_path / "newslint.toml").write_text('select = ["LK006"]\n[links]\ntimeout = 60\n')

    def held() -> bool:  # the server holds the request
        return bool(fresh.in_flight)

    found = interrupt_check_links(tmp_path, held, "--no-cache", "a.md", settle=0)
    assert found == (130, "", "")
    assert fresh.hits("/ok") == 1


def test_a_bad_links_setting_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    from newslint.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "newslint.toml").write_text('[links]\ncache-ttl = "soon"\n')
    (tmp_path / "a.md").write_text("---\ntitle: x\n---\n")
    assert main(["check", "--check-links", "a.md"]) == 2
    assert "links.cache-ttl: 'soon' is not a duration" in capsys.readouterr().err


def test_fix_rewrites_permanent_redirects_with_unsafe_fixes(
    fresh: LinkServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    from newslint.cli import main
    from tests.linkserver import without_proxies

    without_proxies(monkeypatch)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "newslint.toml").write_text("[links]\ntimeout = 0.3\nretries = 0\n")
    moved, ok = fresh.url("/moved"), fresh.url("/ok")
    original = f'---\ntitle: "A"\nsource: "{moved}"\n---\n\nSee [y]({moved}) and [z]({ok}).\n'
    article = tmp_path / "a.md"
    article.write_text(original)
    argv = ["fix", "--check-links", "--select", "LK007", "--no-cache", "a.md"]

    # LK007's fix is unsafe: without --unsafe-fixes the file stays as it is.
    assert main(argv) == 0
    assert article.read_text() == original
    assert "Applied 0 fixes in 0 of 1 file" in capsys.readouterr().err

    # --diff shows both rewrites and writes nothing.
    assert main([*argv, "--unsafe-fixes", "--diff"]) == 1
    out = capsys.readouterr().out
    assert f'-source: "{moved}"\n+source: "{ok}"\n' in out
    assert f"-See [y]({moved}) and [z]({ok}).\n+See [y]({ok}) and [z]({ok}).\n" in out
    assert article.read_text() == original

    assert main([*argv, "--unsafe-fixes", "--show-fixes"]) == 0
    captured = capsys.readouterr()
    assert article.read_text() == original.replace(moved, ok)
    assert "2 × LK007 (link-redirect) Link to the redirect target" in captured.out
    assert "Applied 2 fixes in 1 of 1 file" in captured.err

    # Fixed: a second run finds nothing to do.
    assert main([*argv, "--unsafe-fixes"]) == 0
    assert "Applied 0 fixes" in capsys.readouterr().err


def test_a_project_fix_leaves_a_file_that_changed_alone(tmp_path: Path, capsys: Any) -> None:
    from newslint.diagnostics import Diagnostic, EditPosition
    from newslint.fixer import FileFix, apply_project_fixes
    from newslint.fixes import Edit, Fix
    from newslint.rule import Severity
    from newslint.spans import Span

    article = tmp_path / "a.md"
    article.write_bytes(b"[y](http://old.example/)\n")
    record = FileFix(article, "a.md", before=b"x", after=article.read_bytes())
    record.release(keep_digest=True)
    article.write_bytes(b"[y](http://old.example/) edited meanwhile\n")
    redirect = Diagnostic(
        "a.md", "link-redirect", "LK007", Severity.INFO, "link permanently redirects",
        Span(0, 0), 1, 5, 1, 24,
        fix=Fix.unsafe("Link to the redirect target", Edit(4, 23, "https://new.example/")),
        fix_positions=(EditPosition(1, 5, 1, 24, "https://new.example/"),),
    )  # fmt: skip
    assert apply_project_fixes([record], [redirect], unsafe=True, write=True) == [redirect]
    assert article.read_bytes() == b"[y](http://old.example/) edited meanwhile\n"
    assert "a.md: changed while it was checked; links not fixed" in capsys.readouterr().err
    assert record.project_fixes == []


def test_a_surprise_while_checking_one_url_spares_the_others(
    fresh: LinkServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Whatever goes wrong in following one URL (here: resolving its redirect) is that URL's
    # warning, not an internal error that ends the check of every other link.
    def broken_join(current: str, location: str) -> str | None:
        raise RuntimeError("surprise")

    monkeypatch.setattr("newslint.linkfetch._join", broken_join)
    urls = [fresh.url("/moved"), fresh.url("/missing")]
    results = check_links(urls, FAST)
    assert [(r.verdict, r.reason) for r in results.values()] == [
        ("warning", "request failed: RuntimeError: surprise"),
        ("broken", "not found (404)"),
    ]


def test_a_watch_session_does_not_ask_again_on_each_save(
    fresh: LinkServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from newslint.config import parse_config
    from newslint.engine import build_ruleset
    from newslint.rules.link_broken import LinkBroken
    from newslint.testing import fm
    from newslint.watch import Session
    from tests.linkserver import without_proxies

    without_proxies(monkeypatch)
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    url = fresh.url("/unavailable-twice/s")
    article = tmp_path / "a.md"
    article.write_text(fm(body=f"[x]({url})\n"))
    config = parse_config({"links": {"check": True, "timeout": 0.3, "retries": 0}})
    ruleset = build_ruleset(config, rule_classes=[LinkBroken], select=["LK006"])
    out = io.StringIO()
    session = Session(ruleset, [Path("a.md")], out, fmt="concise")
    message = "a.md:4:5: LK006 [link-broken] link may be broken: server error (503)"
    assert [d.code for d in session.start([Path("a.md")])] == ["LK006"]
    article.write_text(fm(body=f"Saved again.\n\n[x]({url})\n"))
    found = session.update([(2, str(article))])  # watchfiles.Change.modified
    assert [(d.code, d.line, d.message) for d in found] == [
        ("LK006", 6, "link may be broken: server error (503)")
    ]
    assert fresh.hits("/unavailable-twice/s") == 2  # HEAD and GET at the start, not again
    assert message in out.getvalue()


@pytest.mark.parametrize(
    ("values", "statuses"),
    [
        ([200, 206], {200, 206}),
        (["200..=204"], {200, 201, 202, 203, 204}),
        (["300..302", 999], {300, 301, 999}),
        (["..=102"], {100, 101, 102}),
        (["..101"], {100}),
        ([" 400 ..= 401 "], {400, 401}),
        (["990..1000"], set(range(990, 1000))),  # an excluded end may be 1000
        ([], set()),
    ],
)
def test_parse_accept_statuses_and_ranges(values: list[int | str], statuses: set[int]) -> None:
    from newslint.linkcheck import parse_accept

    assert parse_accept(values) == frozenset(statuses)


def test_parse_accept_refuses_a_boolean_from_the_python_api() -> None:
    from newslint.config import ConfigError
    from newslint.linkcheck import parse_accept

    with pytest.raises(ConfigError) as caught:
        parse_accept([True])
    assert (
        str(caught.value)
        == 'links.accept: true is neither a status nor a range such as "200..=299"'
    )


def test_a_missing_fragment_is_a_warning_only_with_include_fragments() -> None:
    from newslint.linkcheck import LinkSettings, Observation, classify

    page = Observation("https://a.org/p", status=200, anchors=("intro",))
    on = LinkSettings(include_fragments=True)
    assert classify(page, on, "https://a.org/p#intro").verdict == "ok"
    missing = classify(page, on, "https://a.org/p#outro")
    assert (missing.verdict, missing.reason) == ("warning", "the page has no anchor #outro")
    assert classify(page, LinkSettings(), "https://a.org/p#outro").verdict == "ok"
    partial = Observation("https://a.org/p", status=200, anchors=("intro",), anchors_partial=True)
    assert classify(partial, on, "https://a.org/p#outro").verdict == "ok"
    # A permanent redirect whose Location has a fragment: that fragment is the one looked for.
    moved = Observation(
        "https://a.org/old",
        status=200,
        final_url="https://a.org/new",
        chain=((301, "https://a.org/new#intro"),),
        anchors=("intro",),
    )
    result = classify(moved, on, "https://a.org/old#gone")
    assert (result.verdict, result.target) == ("redirect", "https://a.org/new#intro")
    assert Observation.from_json(page.to_json()) == page
