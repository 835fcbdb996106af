"""`newslint check --check-links` seen from outside: the command line, its JSON output and exit
code, against real HTTP servers on 127.0.0.1 (or ::1) started here. Each test pins the rule, the
position and the message of every diagnostic, and counts what the server was asked.

No test contacts another host or looks up a real name: hosts that are not loopback addresses are
only ever reached through a proxy that is itself a loopback server of the test.
"""

from __future__ import annotations

import json
import signal
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newslint.cli import main
from tests.linkserver import (
    LinkServer,
    interrupt_check_links,
    link_server,
    without_proxies,
)

HEADER = '---\ntitle: "T"\n---\n\n'  # the body starts on line 5
FAST = "timeout = 0.3\nretries = 0\nbackoff = 0.001\nmax-wait = 2\n"

Row = tuple[str, str, str, int, int, int, int, str]


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[LinkServer]:
    without_proxies(monkeypatch)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    with link_server() as running:
        yield running


class Run:
    """One `newslint check --check-links` in the working directory: exit code, rows, stderr."""

    def __init__(self, code: int, out: str, err: str) -> None:
        self.code = code
        self.err = err
        found = json.loads(out) if out.strip() else []
        self.found = found
        self.rows: list[Row] = [
            (
                d["path"],
                d["code"],
                d["severity"],
                d["line"],
                d["column"],
                d["end_line"],
                d["end_column"],
                d["message"],
            )
            for d in found
        ]


def check(
    capsys: Any,
    files: dict[str, str],
    links: str = "",
    *extra: str,
    cache: bool = False,
) -> Run:
    """Write `files` (bodies: the front matter is added) and `[links]` settings (`key = value`
    lines that override the fast defaults), then run."""
    for name, body in files.items():
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(HEADER + body, encoding="utf-8")
    settings = dict(line.split(" = ", 1) for line in (FAST + links).splitlines() if line)
    lines = "".join(f"{key} = {value}\n" for key, value in settings.items())
    Path("newslint.toml").write_text(f"[links]\n{lines}")
    argv = ["check", "--check-links", "--select", "LK006,LK007", "--output-format", "json"]
    argv += [*extra, *([] if cache else ["--no-cache"]), *files]
    capsys.readouterr()
    code = main(argv)
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def link(url: str, text: str = "x") -> str:
    return f"[{text}]({url})"


def broken(path: str, line: int, column: int, url: str, reason: str) -> Row:
    return (
        path,
        "LK006",
        "error",
        line,
        column,
        line,
        column + len(url),
        f"link is broken: {reason}",
    )


def doubtful(path: str, line: int, column: int, url: str, reason: str) -> Row:
    message = f"link may be broken: {reason}"
    return (path, "LK006", "warning", line, column, line, column + len(url), message)


def moved(path: str, line: int, column: int, url: str, target: str) -> Row:
    message = f"link permanently redirects to {target}"
    return (path, "LK007", "info", line, column, line, column + len(url), message)


def one_per_line(urls: list[str]) -> str:
    """A body with one link per line (each URL starts in column 5 of lines 5, 7, 9 ...)."""
    return "\n\n".join(link(url) for url in urls) + "\n"


# ------------------------------------------------------------------------------- redirects


def test_redirect_chains_relative_and_protocol_relative_locations(
    server: LinkServer, capsys: Any
) -> None:
    urls = [
        server.url("/chain/0"),  # 301 -> 301 -> 308 -> 301 -> /ok
        server.url("/deep/page"),  # 301 to ../ok
        server.url("/protocol-relative"),  # 301 to //127.0.0.1:port/ok
        server.url("/temporary-then-moved"),  # 302 -> 301: the 302 may change, nothing to do
        server.url("/see-other"),  # 303
        server.url("/temporary"),  # 307
        server.url("/found"),  # 302
    ]
    run = check(capsys, {"a.md": one_per_line(urls)})
    ok = server.url("/ok")
    assert run.rows == [
        moved("a.md", 5, 5, urls[0], ok),
        moved("a.md", 7, 5, urls[1], ok),
        moved("a.md", 9, 5, urls[2], ok),
    ]
    assert [d["fix"]["edits"][0]["content"] for d in run.found] == [ok] * 3
    assert {d["fix"]["applicability"] for d in run.found} == {"unsafe"}
    assert run.code == 0
    assert [server.hits(f"/chain/{n}") for n in range(4)] == [1, 1, 1, 1]


def test_redirect_loops_and_too_many_hops(server: LinkServer, capsys: Any) -> None:
    urls = [server.url("/ping"), server.url("/loop"), server.url("/hop/0")]
    run = check(capsys, {"a.md": one_per_line(urls)})
    assert run.rows == [
        doubtful("a.md", 5, 5, urls[0], "redirect loop"),
        doubtful("a.md", 7, 5, urls[1], "redirect loop"),
        doubtful("a.md", 9, 5, urls[2], "too many redirects (more than 10)"),
    ]
    assert (server.hits("/ping"), server.hits("/pong"), server.hits("/hop/10")) == (1, 1, 1)
    assert server.hits("/hop/11") == 0  # 10 hops followed, the 11th not


def test_max_redirects_and_headers_from_the_links_table(server: LinkServer, capsys: Any) -> None:
    urls = [server.url("/chain/0"), server.url("/moved")]  # four hops, then one
    run = check(
        capsys, {"a.md": one_per_line(urls)}, 'max-redirects = 2\nheaders = { "X-Desk" = "news" }'
    )
    assert run.rows == [
        doubtful("a.md", 5, 5, urls[0], "too many redirects (more than 2)"),
        moved("a.md", 7, 5, urls[1], server.url("/ok")),
    ]
    assert {headers.get("X-Desk") for _, _, headers in server.headers_seen} == {"news"}


def test_a_header_the_client_writes_itself_is_a_configuration_error(
    server: LinkServer, capsys: Any
) -> None:
    run = check(capsys, {"a.md": one_per_line([server.url("/ok")])}, 'headers = { Host = "x" }')
    assert run.code == 2
    assert "links.headers: Host is written by the HTTP client itself" in run.err
    assert server.total() == 0


def test_the_same_location_twice_is_one_redirect(server: LinkServer, capsys: Any) -> None:
    # A proxy that adds its own copy of the header: httpx joins the two as "/ok, /ok".
    url = server.url("/location-twice")
    run = check(capsys, {"a.md": one_per_line([url])})
    assert run.rows == [moved("a.md", 5, 5, url, server.url("/ok"))]


@pytest.mark.parametrize(
    ("path", "location"),
    [
        ("/location-bad-ipv6", "http://[127.0.0.1/x"),
        ("/location-bad-port", "http://127.0.0.1:99999/x"),
        ("/location-port-not-a-number", "http://127.0.0.1:abc/x"),
    ],
)
def test_a_redirect_to_an_invalid_url_is_reported_not_a_crash(
    server: LinkServer, capsys: Any, path: str, location: str
) -> None:
    # One site's broken Location header used to end the whole run as an internal error.
    url, ok = server.url(path), server.url("/missing")
    run = check(capsys, {"a.md": one_per_line([url, ok])})
    assert run.rows == [
        doubtful("a.md", 5, 5, url, f"redirects to an invalid URL: {location}"),
        broken("a.md", 7, 5, ok, "not found (404)"),
    ]
    assert (run.code, run.err) == (1, "")
    assert server.hits(path) == 1  # not retried: asking again gets the same header


def test_a_redirect_without_a_location_is_doubtful(server: LinkServer, capsys: Any) -> None:
    # Asked again with GET first: a server may mishandle HEAD so, and answer GET properly.
    urls = [server.url("/location-missing"), server.url("/location-on-get-only")]
    run = check(capsys, {"a.md": one_per_line(urls)})
    assert run.rows == [
        doubtful("a.md", 5, 5, urls[0], "redirect (301) without a location"),
        moved("a.md", 7, 5, urls[1], server.url("/ok")),
    ]
    assert server.counts[("GET", "/location-missing")] == 1


# ------------------------------------------------------------------------- HEAD, retries


@pytest.mark.parametrize("status", [400, 403, 404, 405, 500, 501])
def test_head_answered_with_an_error_falls_back_to_get(
    server: LinkServer, capsys: Any, status: int
) -> None:
    url = server.url(f"/head-answers/{status}")
    assert check(capsys, {"a.md": one_per_line([url])}).rows == []
    path = f"/head-answers/{status}"
    assert (server.counts[("HEAD", path)], server.counts[("GET", path)]) == (1, 1)


def test_retry_after_as_an_http_date(server: LinkServer, capsys: Any) -> None:
    url = server.url("/retry-after-date-once")  # 429 with a date already past, then 200
    assert check(capsys, {"a.md": one_per_line([url])}, "retries = 1").rows == []
    assert server.hits("/retry-after-date-once") == 2


def test_rate_limiting_retries_are_bounded(server: LinkServer, capsys: Any) -> None:
    # Retry-After 0.2 s each time: two retries, then the 429 is the answer.
    url = server.url("/rate-limited-always/1")
    run = check(capsys, {"a.md": one_per_line([url])}, "retries = 2")
    assert run.rows == [doubtful("a.md", 5, 5, url, "rate limited (429) after 3 tries")]
    assert server.hits("/rate-limited-always/1") == 3


def test_a_long_retry_after_is_reported_not_waited_for(server: LinkServer, capsys: Any) -> None:
    url = server.url("/rate-limited-for/3600")
    run = check(capsys, {"a.md": one_per_line([url])}, "retries = 2")
    assert run.rows == [doubtful("a.md", 5, 5, url, "rate limited (429, asks to wait 3600 s)")]
    assert server.hits("/rate-limited-for/3600") == 1


def test_server_errors_are_retried(server: LinkServer, capsys: Any) -> None:
    once, twice = server.url("/unavailable-twice/a"), server.url("/unavailable-twice/b")
    assert check(capsys, {"a.md": one_per_line([once])}, "retries = 1").rows == []
    run = check(capsys, {"a.md": one_per_line([twice])}, "retries = 0")
    assert run.rows == [doubtful("a.md", 5, 5, twice, "server error (503)")]
    # HEAD 503, GET 503, one retry (GET): fine. Without retries, the GET's 503 is the answer.
    assert (server.hits("/unavailable-twice/a"), server.hits("/unavailable-twice/b")) == (3, 2)


# ------------------------------------------------------- answers that are not answers


def test_answers_that_are_no_http(server: LinkServer, capsys: Any) -> None:
    # Nothing at all (0 bytes), a reset, a mail server's greeting (then silence), a line that is
    # no status line, LinkedIn's 999, and a 200 with an empty body.
    paths = [
        "/drop",
        "/reset",
        "/not-http",
        "/not-http-at-all",
        "/bad-status-line",
        "/status-999",
        "/empty-page",
    ]
    urls = [server.url(p) for p in paths]
    run = check(capsys, {"a.md": one_per_line(urls)}, "retries = 1")
    dropped = "connection dropped without a response after 2 tries"
    assert run.rows == [
        doubtful("a.md", 5, 5, urls[0], dropped),
        doubtful("a.md", 7, 5, urls[1], dropped),
        doubtful("a.md", 9, 5, urls[2], "timed out (0.3 s) after 2 tries"),
        doubtful("a.md", 11, 5, urls[3], "not a valid HTTP response after 2 tries"),
        doubtful("a.md", 13, 5, urls[4], "not a valid HTTP response after 2 tries"),
        # Not a server error (5xx): not retried.
        doubtful("a.md", 15, 5, urls[5], "blocked, possibly a bot wall (999)"),
    ]
    assert run.code == 0  # warnings only
    assert server.hits("/status-999") == 2  # HEAD, then GET


def test_timeouts_and_bodies_that_never_end(server: LinkServer, capsys: Any) -> None:
    # The answer counts from its status line and headers. A body of a terabyte, a gzip body
    # that would inflate to a terabyte, or one dripping a byte each 0.1 s is never read: the
    # server could hand over no more than the sockets' buffers. Headers that never end time out.
    paths = ["/huge", "/gzip-bomb", "/drip-body", "/slow-headers", "/slow"]
    urls = [server.url(p) for p in paths]
    run = check(capsys, {"a.md": one_per_line(urls)})
    assert run.rows == [
        doubtful("a.md", 11, 5, urls[3], "timed out (0.3 s)"),
        doubtful("a.md", 13, 5, urls[4], "timed out (0.3 s)"),
    ]
    assert server.counts[("GET", "/huge")] == server.counts[("GET", "/gzip-bomb")] == 1
    for path in ("/huge", "/gzip-bomb"):
        assert server.sent[path] < 32 << 20, path


# -------------------------------------------------------------- one request per URL


def test_a_url_in_many_files_is_fetched_once_and_reported_everywhere(
    server: LinkServer, capsys: Any
) -> None:
    url = server.url("/missing")
    files = {f"news/{n}.md": f"Text {n}.\n\n{link(url)}\n" for n in range(5)}
    run = check(capsys, files)
    assert run.rows == [broken(f"news/{n}.md", 7, 5, url, "not found (404)") for n in range(5)]
    assert (server.counts[("HEAD", "/missing")], server.counts[("GET", "/missing")]) == (1, 1)
    assert run.code == 1


def test_spellings_of_one_url_are_one_request(server: LinkServer, capsys: Any) -> None:
    # A fragment, user:password (never sent) and the default spelling of the query: one fetch.
    port = server.server_address[1]
    urls = [
        server.url("/missing#top"),
        server.url("/missing?q=%C3%A9"),
        f"http://editor:secret@127.0.0.1:{port}/missing",
        server.url("/missing?q=é"),
        f"HTTP://127.0.0.1:{port}/missing#end",
    ]
    run = check(capsys, {"a.md": one_per_line(urls)})
    assert run.rows == [
        broken("a.md", 5 + 2 * n, 5, url, "not found (404)") for n, url in enumerate(urls)
    ]
    assert sorted(p for (m, p) in server.counts if m == "HEAD") == ["/missing", "/missing?q=%C3%A9"]
    assert server.total() == 4  # HEAD and GET for each of the two
    assert all("Authorization" not in h for _, _, h in server.headers_seen)


def test_at_most_per_host_requests_at_once(server: LinkServer, capsys: Any) -> None:
    server.delay = 0.2
    urls = [server.url(f"/ok?n={n}") for n in range(6)]
    assert check(capsys, {"a.md": one_per_line(urls)}, "timeout = 5\nper-host = 2").rows == []
    assert server.peak == 2


def test_an_ipv6_literal(capsys: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    try:
        context = link_server("::1")
        server = context.__enter__()
    except OSError:
        pytest.skip("no IPv6 loopback here")
    try:
        without_proxies(monkeypatch)
        monkeypatch.chdir(tmp_path)
        urls = [server.url("/missing"), server.url("/moved")]
        assert urls[0].startswith("http://[::1]:")
        run = check(capsys, {"a.md": one_per_line(urls)})
        assert run.rows == [
            broken("a.md", 5, 5, urls[0], "not found (404)"),
            moved("a.md", 7, 5, urls[1], server.url("/ok")),
        ]
    finally:
        context.__exit__(None, None, None)


def test_other_schemes_and_excluded_links_are_not_fetched(server: LinkServer, capsys: Any) -> None:
    body = (
        "[m](mailto:desk@example.com) [t](tel:+15551234) [j](javascript:void(0))\n\n"
        "[f](ftp://127.0.0.1/x) [r](/relative) [h](#top)\n\n"
        f"{link(server.url('/missing?private=1'))} {link(server.url('/missing'))}\n"
    )
    run = check(capsys, {"a.md": body}, 'exclude = ["private=1$"]')
    url = server.url("/missing")
    column = 5 + len(server.url("/missing?private=1")) + len(") [x](")
    assert run.rows == [broken("a.md", 9, column, url, "not found (404)")]
    assert [path for (_, path) in server.counts] == ["/missing", "/missing"]


def test_no_private_with_a_host_name_that_cannot_be_encoded(
    server: LinkServer, capsys: Any
) -> None:
    # A label of 64 characters: the lookup that --no-private makes first fails to encode it
    # (before asking any resolver), which used to end the whole run as an internal error.
    urls = ["http://" + "a" * 64 + ".example/x", server.url("/missing")]
    run = check(capsys, {"a.md": one_per_line(urls)}, "", "--no-private")
    assert (run.code, run.rows, run.err) == (0, [], "")
    assert server.total() == 0


def test_accepted_statuses(server: LinkServer, capsys: Any) -> None:
    urls = [server.url("/forbidden"), server.url("/rate-limited"), server.url("/login")]
    run = check(capsys, {"a.md": one_per_line(urls)}, "accept = [200, 403, 429]\nretries = 2")
    assert run.rows == [doubtful("a.md", 9, 5, urls[2], "needs a login (401)")]
    assert server.hits("/rate-limited") == 1  # accepted: not retried


@pytest.mark.parametrize("status", [0, 2000, -404])
def test_an_accepted_status_that_is_no_status_is_a_usage_error(
    server: LinkServer, capsys: Any, status: int
) -> None:
    run = check(capsys, {"a.md": one_per_line([server.url("/ok")])}, f"accept = [200, {status}]")
    assert (run.code, run.rows) == (2, [])
    expected = f"newslint: error: newslint.toml: links.accept: {status} is not an HTTP status"
    assert run.err.startswith(expected)
    assert server.total() == 0


# ---------------------------------------------------------------------------- proxies


def test_proxy_variables_are_honoured(
    server: LinkServer, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The loopback server is the proxy: a host that is no loopback address is reached through
    # it, as the absolute URL the proxy receives shows; nothing looks the name up here. An IDN
    # host is sent in its ASCII form.
    monkeypatch.setenv("HTTP_PROXY", server.base)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    urls = ["http://bücher.example/missing", "http://news.example/ok", server.url("/gone")]
    run = check(capsys, {"a.md": one_per_line(urls)})
    assert run.rows == [
        broken("a.md", 5, 5, urls[0], "not found (404)"),
        broken("a.md", 9, 5, urls[2], "gone (410)"),
    ]
    assert sorted(server.proxied) == [  # HEAD and GET for the 404; nothing for 127.0.0.1
        "http://news.example/ok",
        "http://xn--bcher-kva.example/missing",
        "http://xn--bcher-kva.example/missing",
    ]


def test_a_url_httpx_refuses_is_skipped_with_a_proxy_too(
    server: LinkServer, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `xn--` is no host name (bad IDNA): choosing a proxy for it (matching it against NO_PROXY
    # decodes it) must not crash the run.
    monkeypatch.setenv("HTTP_PROXY", server.base)
    monkeypatch.setenv("NO_PROXY", "intranet.example")
    urls = ["http://xn--/x", server.url("/missing")]
    run = check(capsys, {"a.md": one_per_line(urls)})
    assert (run.code, run.rows) == (1, [broken("a.md", 7, 5, urls[1], "not found (404)")])
    assert sorted(server.proxied) == [urls[1]] * 2


@pytest.mark.parametrize(
    ("variable", "value"),
    [("ALL_PROXY", "socks5://127.0.0.1:9"), ("HTTP_PROXY", "ftp://127.0.0.1:9")],
)
def test_a_proxy_that_cannot_be_used_is_a_usage_error(
    server: LinkServer, capsys: Any, monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    run = check(capsys, {"a.md": one_per_line([server.url("/ok")])})
    assert run.code == 2
    assert run.err.startswith("newslint: error: cannot use the proxy from the environment")
    assert "internal error" not in run.err
    assert server.total() == 0


def test_an_unreachable_proxy_is_not_a_broken_link(
    server: LinkServer, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        proxy = f"http://127.0.0.1:{sock.getsockname()[1]}"
    monkeypatch.setenv("HTTP_PROXY", proxy)
    urls = [server.url("/ok"), server.url("/other")]
    run = check(capsys, {"a.md": one_per_line(urls)})
    reason = f"proxy {proxy} refused the connection"
    assert run.rows == [
        doubtful("a.md", 5, 5, urls[0], reason),
        doubtful("a.md", 7, 5, urls[1], reason),
    ]
    assert (run.code, server.total()) == (0, 0)


# ------------------------------------------------------------------------------ cache


def _cache_file() -> Path:
    return Path(".newslint_cache", "links", "links.json")


def test_a_warm_run_asks_nothing(server: LinkServer, capsys: Any) -> None:
    urls = [server.url("/missing"), server.url("/moved"), server.url("/ok")]
    first = check(capsys, {"a.md": one_per_line(urls)}, cache=True)
    asked = server.total()
    second = check(capsys, {"a.md": one_per_line(urls)}, cache=True)
    assert (
        second.rows
        == first.rows
        == [
            broken("a.md", 5, 5, urls[0], "not found (404)"),
            moved("a.md", 7, 5, urls[1], server.url("/ok")),
        ]
    )
    assert server.total() == asked == 5  # HEAD+GET /missing, HEAD /moved and /ok, HEAD /ok


@pytest.mark.parametrize(("ttl", "asked_again"), [('"1d"', False), ('"1h"', True)])
def test_cache_entries_expire_after_their_ttl(
    server: LinkServer, capsys: Any, ttl: str, asked_again: bool
) -> None:
    urls = [server.url("/ok"), server.url("/missing")]
    check(
        capsys, {"a.md": one_per_line(urls)}, f"cache-ttl = {ttl}\nfailure-ttl = {ttl}", cache=True
    )
    data = json.loads(_cache_file().read_text())
    for entry in data["entries"].values():  # checked two hours ago
        entry["checked_at"] -= 2 * 3600
    _cache_file().write_text(json.dumps(data))
    asked = server.total()
    run = check(
        capsys, {"a.md": one_per_line(urls)}, f"cache-ttl = {ttl}\nfailure-ttl = {ttl}", cache=True
    )
    assert run.rows == [broken("a.md", 7, 5, urls[1], "not found (404)")]
    assert server.total() == asked + (3 if asked_again else 0)


def test_a_transient_failure_is_not_cached(server: LinkServer, capsys: Any) -> None:
    # A 503 during a deploy, an answer too late, a dropped connection: the next run asks again
    # rather than repeating a failure the site no longer has.
    urls = [server.url("/unavailable-twice/c"), server.url("/slow-once/d")]
    first = check(capsys, {"a.md": one_per_line(urls)}, cache=True)
    assert first.rows == [
        doubtful("a.md", 5, 5, urls[0], "server error (503)"),
        doubtful("a.md", 7, 5, urls[1], "timed out (0.3 s)"),
    ]
    second = check(capsys, {"a.md": one_per_line(urls)}, "timeout = 5", cache=True)
    assert second.rows == []
    third = check(capsys, {"a.md": one_per_line(urls)}, cache=True)
    assert third.rows == []
    assert (server.hits("/unavailable-twice/c"), server.hits("/slow-once/d")) == (3, 2)


# ----------------------------------------------------------------------------- Ctrl-C


POSIX_ONLY = pytest.mark.skipif(
    not hasattr(signal, "SIGINT") or sys.platform == "win32", reason="POSIX"
)


@POSIX_ONLY
def test_ctrl_c_during_a_retry_wait(server: LinkServer, tmp_path: Path) -> None:
    # Told to wait 20 s by a 429, the run is interrupted while it waits: exit 130 at once, no
    # traceback, no report, and no half-written cache left behind.
    path = "/rate-limited-for/20"
    (tmp_path / "a.md").write_text(HEADER + link(server.url(path)) + "\n")
    (tmp_path / "newslint.toml").write_text(
        'select = ["LK006"]\n[links]\ntimeout = 5\nretries = 2\nmax-wait = 60\n'
    )
    ready = lambda: server.hits(path) == 1 and not server.in_flight  # noqa: E731
    assert interrupt_check_links(tmp_path, ready, "a.md") == (130, "", "")
    assert server.hits(path) == 1
    assert list((tmp_path / ".newslint_cache").rglob("*.tmp")) == []


@POSIX_ONLY
def test_what_was_checked_before_ctrl_c_is_cached(
    server: LinkServer, tmp_path: Path, capsys: Any
) -> None:
    # 10,000 links, Ctrl-C at the 9,000th: the next run must not start over. Here the 404 is
    # answered, the other link stalls when Ctrl-C comes; the next run asks only for the latter.
    # One request at a time: once the stalling link is asked, the 404 is known.
    missing, stalled = server.url("/missing"), server.url("/stall/1")
    (tmp_path / "a.md").write_text(HEADER + one_per_line([missing, stalled]))
    (tmp_path / "newslint.toml").write_text(
        'select = ["LK006"]\n[links]\ntimeout = 60\nper-host = 1\n'
    )
    ready = lambda: server.hits("/stall/1") == 1  # noqa: E731
    assert interrupt_check_links(tmp_path, ready, "a.md") == (130, "", "")
    run = check(capsys, {"a.md": one_per_line([missing, stalled])}, "", "--offline", cache=True)
    assert run.rows == [broken("a.md", 5, 5, missing, "not found (404)")]
    assert (server.hits("/missing"), server.hits("/stall/1")) == (2, 1)


@POSIX_ONLY
def test_what_was_checked_before_sigterm_is_cached(
    server: LinkServer, tmp_path: Path, capsys: Any
) -> None:
    # A cancelled CI job or `timeout` sends SIGTERM: as with Ctrl-C the checked links are kept,
    # then the process ends by SIGTERM as it would have (no report, no traceback).
    missing, stalled = server.url("/missing"), server.url("/stall/2")
    (tmp_path / "a.md").write_text(HEADER + one_per_line([missing, stalled]))
    (tmp_path / "newslint.toml").write_text(
        'select = ["LK006"]\n[links]\ntimeout = 60\nper-host = 1\n'
    )
    ready = lambda: server.hits("/stall/2") == 1  # noqa: E731
    found = interrupt_check_links(tmp_path, ready, "a.md", signum=signal.SIGTERM)
    assert found == (-signal.SIGTERM, "", "")
    assert list((tmp_path / ".newslint_cache").rglob("*.tmp")) == []
    run = check(capsys, {"a.md": one_per_line([missing, stalled])}, "", "--offline", cache=True)
    assert run.rows == [broken("a.md", 5, 5, missing, "not found (404)")]
    assert (server.hits("/missing"), server.hits("/stall/2")) == (2, 1)


# ------------------------------------------------------------------------------ raw HTML


def test_links_in_raw_html_are_checked(server: LinkServer, capsys: Any) -> None:
    gone, moved_url = server.url("/missing"), server.url("/moved-query")
    body = (
        f'<p><a href="{gone}">gone</a></p>\n\n'
        f"Inline <img src='{moved_url}'> and <a href={moved_url}>bare</a>.\n"
    )
    run = check(capsys, {"a.md": body})
    target = server.url("/ok?a=1&b=2")
    assert run.rows == [
        broken("a.md", 5, 13, gone, "not found (404)"),
        moved("a.md", 7, 18, moved_url, target),
        moved("a.md", 7, 18 + len(moved_url) + 15, moved_url, target),
    ]
    # A quoted attribute gets the target with `&amp;`; an unquoted one, which `&` and `=` would
    # need quotes in, gets no fix.
    fixes = [d["fix"] for d in run.found]
    assert fixes[0] is None
    assert fixes[1]["edits"][0]["content"] == server.url("/ok?a=1&amp;b=2")
    assert fixes[2] is None
    assert server.hits("/moved-query") == 1


# --------------------------------------------------------------------- accepted ranges


def test_accepted_ranges_lychee_style(server: LinkServer, capsys: Any) -> None:
    urls = [
        server.url("/forbidden"),  # 403: in "400..=403"
        server.url("/rate-limited"),  # 429: in "420..430" (430 left out)
        server.url("/error"),  # 500: only "..=499" and 503 would cover: not accepted
        server.url("/login"),  # 401: in "400..=403"
    ]
    accept = 'accept = [200, "400..=403", "420..430", 503]\nretries = 2'
    run = check(capsys, {"a.md": one_per_line(urls)}, accept)
    assert run.rows == [doubtful("a.md", 9, 5, urls[2], "server error (500) after 3 tries")]
    assert server.hits("/rate-limited") == 1  # accepted: not retried


@pytest.mark.parametrize(
    ("value", "error"),
    [
        ('"200..=1000"', '"200..=1000": 1000 is not an HTTP status (100 to 999)'),
        ('"..=99"', '"..=99": 99 is not an HTTP status (100 to 999)'),
        ('"300..300"', '"300..300" is an empty range'),
        (
            '"200.."',
            '"200.." is not a status range such as "200..=299" (200 to 299) or "200..300"'
            " (300 excluded)",
        ),
        (
            '"2xx"',
            '"2xx" is not a status range such as "200..=299" (200 to 299) or "200..300"'
            " (300 excluded)",
        ),
        ("true", "expected a list of integers or strings, got [true]"),
    ],
)
def test_a_bad_accepted_range_is_a_usage_error(
    server: LinkServer, capsys: Any, value: str, error: str
) -> None:
    run = check(capsys, {"a.md": one_per_line([server.url("/ok")])}, f"accept = [{value}]")
    assert (run.code, run.rows) == (2, [])
    assert run.err == f"newslint: error: newslint.toml: links.accept: {error}\n"
    assert server.total() == 0


# ------------------------------------------------------------------ fragments of web pages


def test_fragments_are_not_looked_for_by_default(server: LinkServer, capsys: Any) -> None:
    url = server.url("/anchors#nowhere")
    run = check(capsys, {"a.md": one_per_line([url])})
    assert (run.code, run.rows) == (0, [])
    assert server.counts[("HEAD", "/anchors")] == 1 and server.counts[("GET", "/anchors")] == 0


def test_include_fragments_reads_the_page_for_its_anchors(server: LinkServer, capsys: Any) -> None:
    urls = [
        server.url("/anchors#intro"),  # an id
        server.url("/anchors#legacy"),  # an <a name>
        server.url("/anchors#caf%C3%A9"),  # percent-encoded: the id `café`
        server.url("/anchors#readme"),  # GitHub's `user-content-` prefix
        server.url("/anchors#top"),  # the top of any page
        server.url("/anchors#commented"),  # in a comment: no anchor
        server.url("/anchors#Intro"),  # ids are matched as written
        server.url("/anchors-moved#nowhere"),  # after a redirect: the final page's anchors
        server.url("/plain#x"),  # not HTML: not known
    ]
    run = check(capsys, {"a.md": one_per_line(urls)}, "include-fragments = true")
    assert run.rows == [
        doubtful("a.md", 15, 5, urls[5], "the page has no anchor #commented"),
        doubtful("a.md", 17, 5, urls[6], "the page has no anchor #Intro"),
        doubtful("a.md", 19, 5, urls[7], "the page has no anchor #nowhere"),
    ]
    # One GET for the page's seven links (HEAD would show no page), one more as the redirect's
    # target; every such request asks for the page unencoded.
    assert server.counts[("GET", "/anchors")] == 2 and server.counts[("HEAD", "/anchors")] == 0
    assert server.counts[("GET", "/anchors-moved")] == 1
    assert {h[2].get("Accept-Encoding") for h in server.headers_seen} == {"identity"}


def test_a_text_fragment_directive_or_a_route_is_no_anchor(server: LinkServer, capsys: Any) -> None:
    # `#IIIA:~:text=Reduce%20user%20friction` on a real government news page: browsers strip
    # the directive after `:~:` (a text to highlight) before they look for the element.
    urls = [
        server.url("/anchors#intro:~:text=Intro"),  # the id `intro`, then a text to highlight
        server.url("/anchors#:~:text=Intro"),  # a text alone: no element needed
        server.url("/anchors#nowhere:~:text=Intro"),  # an id the page does not have
        # A script's route (`http://twitter.com/#!/edwardog/status/68822874810626048` on a real
        # newsletter): no element is meant.
        server.url("/anchors#!/edwardog/status/68822874810626048"),
        server.url("/anchors#/inbox"),
    ]
    run = check(capsys, {"a.md": one_per_line(urls)}, "include-fragments = true")
    assert run.rows == [
        doubtful("a.md", 9, 5, urls[2], "the page has no anchor #nowhere"),
    ]


def test_fragments_of_a_page_read_in_part_are_not_reported(
    server: LinkServer, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newslint.linkcheck

    monkeypatch.setattr(newslint.linkcheck, "FRAGMENT_BODY_LIMIT", 64 * 1024)
    monkeypatch.setattr("newslint.linkfetch.FRAGMENT_BODY_LIMIT", 64 * 1024)
    urls = [server.url("/anchors-late#late"), server.url("/anchors-late#nowhere")]
    run = check(capsys, {"a.md": one_per_line(urls)}, "include-fragments = true")
    assert (run.code, run.rows) == (0, [])  # `#late` lies past the limit: neither is known


def test_fragments_come_from_the_cache_and_a_cached_check_without_them_is_redone(
    server: LinkServer, capsys: Any
) -> None:
    urls = [server.url(p) for p in ("/anchors#intro", "/anchors#nowhere", "/plain#x", "/missing#x")]
    files = {"a.md": one_per_line(urls)}
    gone = broken("a.md", 11, 5, urls[3], "not found (404)")
    missing = [doubtful("a.md", 7, 5, urls[1], "the page has no anchor #nowhere"), gone]
    assert check(capsys, files, cache=True).rows == [gone]  # HEAD only: no anchors read
    assert check(capsys, files, "include-fragments = true", cache=True).rows == missing
    assert check(capsys, files, "include-fragments = true", cache=True).rows == missing
    assert server.counts[("HEAD", "/anchors")] == 1 and server.counts[("GET", "/anchors")] == 1
    # A page that is no HTML is read once too; a cached 404 is no page, and not asked again.
    assert server.counts[("GET", "/plain")] == 1 and server.hits("/missing") == 2
