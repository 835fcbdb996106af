"""`newslint check --check-links` through the eyes of a lychee user: black-box contract tests.

Written from the README ("Checking links"), DESIGN.md and `newslint rule LK006`/`LK007` only, for
what they promise and what someone used to lychee would expect of a link checker: statuses,
redirects, HEAD then GET, `[links]` keys, `--no-private`, fragments, which links of an article are
checked (and which not: code, other schemes) and where each is reported, and the redirect fix.

Every request goes to a server this file starts on 127.0.0.1; no other host is contacted. The
file stands alone (its own server and runner), as a peer's test file does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from newslint.cli import main

HEADER = '---\ntitle: "T"\n---\n\n'  # the body starts on line 5
FAST = {"timeout": "0.3", "retries": "0", "backoff": "0.001", "max-wait": "1"}
PAGE = b"<html><body><p>a page</p></body></html>"
ANCHORS = (
    '<html><body><h2 id="intro">Intro</h2><a name="legacy"></a>'
    '<h2 id="caf\u00e9">Caf\u00e9</h2><h2 id="user-content-install">Install</h2>'
    '<h2 id="Mixed-Case">M</h2><div name="boxed">a name on a div is no anchor</div></body></html>'
).encode()
PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")

Row = tuple[str, str, str, int, int, int, int, str]


# ------------------------------------------------------------------------------ the server


class Web(ThreadingHTTPServer):
    """Routes by path prefix; counts requests per (method, path) and keeps their headers."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.counts: Counter[tuple[str, str]] = Counter()
        self.headers_seen: list[dict[str, str]] = []
        self.proxied: list[str] = []  # absolute-form requests: this server used as a proxy
        self.first_seen: dict[str, float] = {}  # path -> when it was first asked
        self.release = threading.Event()  # lets `/held` answer
        self.lock = threading.Lock()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"

    def hits(self, path: str) -> int:
        with self.lock:
            return sum(n for (_, p), n in self.counts.items() if p == path)

    def total(self) -> int:
        with self.lock:
            return sum(self.counts.values())


class _Handler(BaseHTTPRequestHandler):
    server: Web
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_HEAD(self) -> None:
        self._route("HEAD")

    def do_GET(self) -> None:
        self._route("GET")

    def _send(self, status: int, headers: dict[str, str] | None = None, body: bytes = b"") -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _route(self, method: str) -> None:
        if self.path.startswith("http://"):  # asked as a proxy: answer for the path
            with self.server.lock:
                self.server.proxied.append(self.path)
            self.path = "/" + self.path.split("/", 3)[3] if self.path.count("/") >= 3 else "/"
        with self.server.lock:
            self.server.counts[(method, self.path)] += 1
            nth = self.server.counts[(method, self.path)]
            self.server.headers_seen.append(dict(self.headers.items()))
        path = self.path
        html = {"Content-Type": "text/html; charset=utf-8"}
        if path.startswith("/status/"):  # that status, to HEAD and GET alike
            status = int(path.split("/")[2].split("?")[0])
            self._send(status, html, PAGE if status < 300 else b"")
        elif path.startswith("/redirect/"):  # /redirect/301/rest -> /rest (query kept)
            _, _, status, rest = path.split("/", 3)
            self._send(int(status), {"Location": "/" + rest})
        elif path.startswith("/hops/"):  # /hops/N: N permanent redirects, then a page
            left = int(path.split("/")[2])
            if left:
                self._send(301, {"Location": f"/hops/{left - 1}"})
            else:
                self._send(200, html, PAGE)
        elif path.startswith("/head-405"):  # a server that refuses HEAD
            self._send(405 if method == "HEAD" else 200, html, PAGE)
        elif path.startswith("/retry-after/"):  # 429 asking to wait N s, then the page
            seconds = path.split("/")[2]
            if nth == 1 and method == "HEAD":
                self._send(429, {"Retry-After": seconds})
            else:
                self._send(200, html, PAGE)
        elif path.startswith("/busy/"):  # 503 asking to come back in N s, until N s are past
            wait = float(path.split("/")[2])
            with self.server.lock:
                first = self.server.first_seen.setdefault(path, time.monotonic())
            if time.monotonic() - first < wait:
                self._send(503, {"Retry-After": f"{wait:g}"})
            else:
                self._send(200, html, PAGE)
        elif path == "/dotted":  # moved to an address ending in a dot
            self._send(301, {"Location": "/page."})
        elif path.startswith("/anchors"):
            self._send(200, html, ANCHORS)
        elif path.startswith("/held"):  # a 404 held back until the test releases it
            self.server.release.wait(timeout=20)
            self._send(404)
        elif path.startswith("/stall"):  # takes the connection, never answers in time
            time.sleep(2)
            self._send(200, html, PAGE)
        elif path.startswith(("/page", "/caf")) or path == "/":
            self._send(200, html, PAGE)
        else:
            self._send(404)


@pytest.fixture
def web(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Web]:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    server = Web()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# ------------------------------------------------------------------------------ the runner


class Run:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err
        self.found: list[dict[str, Any]] = json.loads(out) if out.strip() else []
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
            for d in self.found
        ]


def write(files: dict[str, str], links: dict[str, str] | None = None) -> None:
    for name, body in files.items():
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(HEADER + body, encoding="utf-8")
    settings = {**FAST, **(links or {})}
    lines = "".join(f"{key} = {value}\n" for key, value in settings.items())
    Path("newslint.toml").write_text(f"[links]\n{lines}", encoding="utf-8")


def check(
    capsys: Any,
    files: dict[str, str],
    links: dict[str, str] | None = None,
    *extra: str,
    cache: bool = False,
) -> Run:
    """Write `files` (bodies under a front matter of 4 lines) and `[links]` settings, then run
    `newslint check --check-links --select LK006,LK007` with JSON output."""
    write(files, links)
    argv = ["check", "--check-links", "--select", "LK006,LK007", "--output-format", "json"]
    argv += [*extra, *([] if cache else ["--no-cache"]), *files]
    capsys.readouterr()
    code = main(argv)
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def fix(capsys: Any, body: str, links: dict[str, str] | None = None) -> str:
    """`newslint fix --check-links --unsafe-fixes --select LK007` on one article: its new body."""
    write({"a.md": body}, links)
    capsys.readouterr()
    argv = ["fix", "--check-links", "--unsafe-fixes", "--select", "LK007", "--no-cache", "a.md"]
    main(argv)
    capsys.readouterr()
    return Path("a.md").read_text(encoding="utf-8").removeprefix(HEADER)


def at(line: int, column: int, url: str, code: str, severity: str, message: str) -> Row:
    return ("a.md", code, severity, line, column, line, column + len(url), message)


def broken(line: int, column: int, url: str, reason: str) -> Row:
    return at(line, column, url, "LK006", "error", f"link is broken: {reason}")


def doubtful(line: int, column: int, url: str, reason: str) -> Row:
    return at(line, column, url, "LK006", "warning", f"link may be broken: {reason}")


def moved(line: int, column: int, url: str, target: str) -> Row:
    return at(line, column, url, "LK007", "info", f"link permanently redirects to {target}")


def lines_of(urls: list[str]) -> str:
    """One `[x](url)` per paragraph: URL n starts at line 5 + 2n, column 5."""
    return "\n\n".join(f"[x]({url})" for url in urls) + "\n"


# ------------------------------------------------------------------------------ statuses


def test_every_2xx_and_a_final_3xx_are_working(web: Web, capsys: Any) -> None:
    # lychee accepts 2xx by default; the README: "besides 2xx and 3xx". 204 and 206 carry no page.
    urls = [web.url(f"/status/{status}") for status in (200, 201, 203, 204, 206, 300, 304)]
    run = check(capsys, {"a.md": lines_of(urls)})
    assert (run.code, run.rows) == (0, [])


def test_gone_pages_and_bad_answers(web: Web, capsys: Any) -> None:
    urls = [web.url(f"/status/{status}") for status in (404, 410, 401, 403, 400, 418, 500, 503)]
    run = check(capsys, {"a.md": lines_of(urls)})
    assert run.rows == [
        broken(5, 5, urls[0], "not found (404)"),
        broken(7, 5, urls[1], "gone (410)"),
        doubtful(9, 5, urls[2], "needs a login (401)"),
        doubtful(11, 5, urls[3], "blocked, possibly a bot wall (403)"),
        doubtful(13, 5, urls[4], "refused by the server (400)"),
        doubtful(15, 5, urls[5], "refused by the server (418)"),
        doubtful(17, 5, urls[6], "server error (500)"),
        doubtful(19, 5, urls[7], "server error (503)"),
    ]
    assert run.code == 1  # the errors


def test_only_permanent_redirects_are_reported(web: Web, capsys: Any) -> None:
    # LK007: 301 and 308 are permanent; 302, 303 and 307 are fine and not reported.
    urls = [web.url(f"/redirect/{status}/page") for status in (301, 302, 303, 307, 308)]
    run = check(capsys, {"a.md": lines_of(urls)})
    target = web.url("/page")
    assert run.rows == [moved(5, 5, urls[0], target), moved(13, 5, urls[4], target)]
    assert run.code == 0


def test_a_temporary_redirect_to_a_gone_page_is_broken_there(web: Web, capsys: Any) -> None:
    urls = [web.url("/redirect/302/status/404"), web.url("/redirect/307/status/410")]
    run = check(capsys, {"a.md": lines_of(urls)})
    assert run.rows == [
        broken(5, 5, urls[0], f"not found (404) at {web.url('/status/404')}"),
        broken(7, 5, urls[1], f"gone (410) at {web.url('/status/410')}"),
    ]


def test_ten_redirects_are_followed_and_the_eleventh_is_too_many(web: Web, capsys: Any) -> None:
    # "redirects followed by hand, at most 10 hops" (lychee's --max-redirects defaults to 5).
    ten, eleven = web.url("/hops/10"), web.url("/hops/11")
    run = check(capsys, {"a.md": lines_of([ten, eleven])})
    assert run.rows == [
        moved(5, 5, ten, web.url("/hops/0")),
        doubtful(7, 5, eleven, "too many redirects (more than 10)"),
    ]


def test_a_server_that_refuses_head_is_asked_with_get(web: Web, capsys: Any) -> None:
    url = web.url("/head-405")
    assert check(capsys, {"a.md": lines_of([url])}).rows == []
    assert (web.counts[("HEAD", "/head-405")], web.counts[("GET", "/head-405")]) == (1, 1)


def test_a_short_retry_after_is_waited_for(web: Web, capsys: Any) -> None:
    url = web.url("/retry-after/0")
    assert check(capsys, {"a.md": lines_of([url])}, {"retries": "1"}).rows == []
    assert web.hits("/retry-after/0") == 2


def test_a_503_with_retry_after_is_asked_again_when_the_server_says(web: Web, capsys: Any) -> None:
    # RFC 9110 gives Retry-After to 503 as to 429; lychee waits for neither. One second here.
    url = web.url("/busy/1")
    run = check(capsys, {"a.md": lines_of([url])}, {"retries": "1", "max-wait": "5"})
    assert run.rows == []
    assert (web.counts[("HEAD", "/busy/1")], web.counts[("GET", "/busy/1")]) == (1, 2)


def test_a_server_that_never_answers_times_out(web: Web, capsys: Any) -> None:
    url = web.url("/stall")
    started = time.monotonic()
    run = check(capsys, {"a.md": lines_of([url])}, {"timeout": "0.2"})
    assert run.rows == [doubtful(5, 5, url, "timed out (0.2 s)")]
    assert time.monotonic() - started < 1.8  # not the server's 2 s
    assert run.code == 0


# ------------------------------------------------------------------------------ options


def test_exclude_is_a_regex_searched_anywhere_in_the_url(web: Web, capsys: Any) -> None:
    # lychee's --exclude: a regex that may match anywhere (no implicit anchors).
    urls = [web.url("/status/404?utm=1"), web.url("/archive/2019/gone"), web.url("/status/410")]
    run = check(capsys, {"a.md": lines_of(urls)}, {"exclude": '["utm=", "/archive/"]'})
    assert run.rows == [broken(9, 5, urls[2], "gone (410)")]
    assert web.total() == 2  # HEAD, then GET, of the one link checked


def test_exclude_holds_for_every_spelling_of_an_excluded_address(web: Web, capsys: Any) -> None:
    # One address, one request, one decision: an upper-case scheme or host, or a user:password
    # written in the link, does not get it past `^http://127\.0\.0\.1:PORT/status/` (lychee
    # matches the URL it parsed, in lower case). The URL as written still counts (`#skip$`).
    port = web.server_address[1]
    urls = [
        f"HTTP://127.0.0.1:{port}/status/404",
        f"http://editor:secret@127.0.0.1:{port}/status/401",
        web.url("/status/410#skip"),
        web.url("/page/gone").replace("page/gone", "status/403"),
    ]
    exclude = f'["^http://127\\\\.0\\\\.0\\\\.1:{port}/status/40[14]$", "#skip$"]'
    run = check(capsys, {"a.md": lines_of(urls)}, {"exclude": exclude})
    assert run.rows == [doubtful(11, 5, urls[3], "blocked, possibly a bot wall (403)")]
    assert web.total() == 2


def test_accept_turns_a_status_into_a_working_link(web: Web, capsys: Any) -> None:
    urls = [web.url("/status/403"), web.url("/status/404"), web.url("/status/500")]
    run = check(capsys, {"a.md": lines_of(urls)}, {"accept": '["403..=404"]'})
    assert run.rows == [doubtful(9, 5, urls[2], "server error (500)")]


@pytest.mark.parametrize("host", ["localhost", "127.0.0.2", "0.0.0.0", "[::ffff:127.0.0.1]"])
def test_no_private_fetches_no_loopback_link_however_written(
    web: Web, capsys: Any, host: str
) -> None:
    port = web.server_address[1]
    url = f"http://{host}:{port}/status/404"
    run = check(capsys, {"a.md": lines_of([url, web.url("/status/410")])}, None, "--no-private")
    assert (run.code, run.rows) == (0, [])
    assert web.total() == 0


def test_no_private_skips_private_networks_without_trying_them(web: Web, capsys: Any) -> None:
    # Unroutable from here: a try would be a connect timeout, not an instant skip.
    urls = [
        "http://10.255.255.1/x",
        "http://192.168.255.254/y",
        "http://172.31.255.254/z",
        "http://169.254.1.1/",
        "http://100.64.0.1/",
        "http://[fd00::1]/",
    ]
    started = time.monotonic()
    run = check(capsys, {"a.md": lines_of(urls)}, {"timeout": "5"}, "--no-private")
    assert (run.code, run.rows) == (0, [])
    assert time.monotonic() - started < 3


def test_offline_asks_nothing_and_reports_nothing_new(web: Web, capsys: Any) -> None:
    run = check(capsys, {"a.md": lines_of([web.url("/status/404")])}, None, "--offline")
    assert (run.code, run.rows, web.total()) == (0, [], 0)


# ------------------------------------------------------------------------------ fragments


def test_include_fragments_finds_ids_names_github_and_encoded_anchors(
    web: Web, capsys: Any
) -> None:
    fragments = ["intro", "legacy", "install", "caf%C3%A9", "caf\u00e9", "nowhere", "mixed-case"]
    urls = [web.url(f"/anchors#{fragment}") for fragment in [*fragments, "boxed"]]
    run = check(capsys, {"a.md": lines_of(urls)}, {"include-fragments": "true"})
    # Fragments are case-sensitive, as ids are in browsers, and only `<a name>` is an anchor.
    assert run.rows == [
        doubtful(15, 5, urls[5], "the page has no anchor #nowhere"),
        doubtful(17, 5, urls[6], "the page has no anchor #mixed-case"),
        doubtful(19, 5, urls[7], "the page has no anchor #boxed"),
    ]
    assert web.hits("/anchors") == 1  # one GET for every fragment of the page


def test_a_fragment_is_looked_for_on_the_page_a_redirect_leads_to(web: Web, capsys: Any) -> None:
    urls = [web.url("/redirect/302/anchors#intro"), web.url("/redirect/302/anchors#nowhere")]
    run = check(capsys, {"a.md": lines_of(urls)}, {"include-fragments": "true"})
    assert run.rows == [doubtful(7, 5, urls[1], "the page has no anchor #nowhere")]


# --------------------------------------------------------------- which links, and where


def test_links_in_code_and_comments_are_not_fetched(web: Web, capsys: Any) -> None:
    dead = web.url("/status/404")
    body = (
        f"Inline `{dead}` and `[x]({dead})`.\n\n"
        f"```\ncurl {dead}\n[x]({dead})\n```\n\n"
        f"    indented [x]({dead})\n\n"
        f"<!-- [x]({dead}) -->\n"
    )
    run = check(capsys, {"a.md": body})
    assert (run.rows, web.total()) == ([], 0)


def test_every_kind_of_markdown_link_is_checked_where_its_url_is_written(
    web: Web, capsys: Any
) -> None:
    # LK006 "reports each place a failing URL is written": a reference-style link's URL is written
    # in its definition, reported there once however many links use it (as link-insecure does).
    dead = web.url("/status/404")
    body = (
        f"An autolink <{dead}>.\n\n"  # line 5
        f"A reference [x][gone], [again][gone] and an image ![alt]({dead}).\n\n"  # line 7
        f'A title [x]({dead} "T") and angle brackets [x](<{dead}>).\n\n'  # line 9
        f"[gone]: {dead}\n"  # line 11
    )
    run = check(capsys, {"a.md": body})
    reason = "not found (404)"
    assert run.rows == [
        broken(5, 14, dead, reason),
        broken(7, 58, dead, reason),
        broken(9, 13, dead, reason),
        broken(9, 43 + len(dead), dead, reason),
        broken(11, 9, dead, reason),
    ]
    assert web.total() == 2  # one URL: HEAD and GET once


def test_a_reference_definition_in_a_quote_is_reported_at_the_link(web: Web, capsys: Any) -> None:
    # Where the definition cannot be placed for sure, the link that uses it is the place.
    dead = web.url("/status/404")
    run = check(capsys, {"a.md": f"> See [x][gone].\n>\n> [gone]: {dead}\n"})
    assert run.rows == [("a.md", "LK006", "error", 5, 7, 5, 16, "link is broken: not found (404)")]


def test_bare_urls_hugo_links_are_checked_and_idns_are_asked_in_punycode(
    web: Web, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Hugo's Goldmark has linkify on: a bare URL in prose (a table, a footnote) is a link on the
    # page, which lychee checks too. Hosts other than loopback are reached through this server
    # as a proxy, so no name is looked up.
    monkeypatch.setenv("HTTP_PROXY", web.url(""))
    body = (
        "Read it at http://news.example/status/404.\n\n"  # line 5
        "| a | http://news.example/status/410 |\n|---|---|\n\n"  # line 7
        "Note[^1] and [idn](http://b\u00fccher.example/status/404).\n\n"  # line 10
        "[^1]: http://news.example/status/401\n\n"  # line 12
        "Spaced [s](<http://news.example/page one>).\n"  # line 14
    )
    run = check(capsys, {"a.md": body})
    assert run.rows == [
        broken(5, 12, "http://news.example/status/404", "not found (404)"),
        broken(7, 7, "http://news.example/status/410", "gone (410)"),
        broken(10, 20, "http://b\u00fccher.example/status/404", "not found (404)"),
        doubtful(12, 7, "http://news.example/status/401", "needs a login (401)"),
    ]
    assert sorted(set(web.proxied)) == [
        "http://news.example/page%20one",
        "http://news.example/status/401",
        "http://news.example/status/404",
        "http://news.example/status/410",
        "http://xn--bcher-kva.example/status/404",
    ]


def test_an_upper_case_scheme_and_non_ascii_path_are_fetched(web: Web, capsys: Any) -> None:
    port = web.server_address[1]
    urls = [f"HTTPS://127.0.0.1:{port}/x".replace("HTTPS", "HTTP"), web.url("/caf\u00e9")]
    run = check(capsys, {"a.md": lines_of([urls[0].replace("/x", "/status/404"), urls[1]])})
    assert run.rows == [broken(5, 5, urls[0].replace("/x", "/status/404"), "not found (404)")]
    assert web.counts[("HEAD", "/caf%C3%A9")] == 1


def test_other_schemes_and_protocol_relative_links_are_not_fetched(web: Web, capsys: Any) -> None:
    port = web.server_address[1]
    body = (
        "[m](mailto:desk@example.com) [t](tel:+15551234) [f](file:///etc/hosts)\n\n"
        f"[p](//127.0.0.1:{port}/status/404)\n"
    )
    run = check(capsys, {"a.md": body})
    assert (run.rows, web.total()) == ([], 0)


def test_credentials_written_in_a_link_are_not_sent(web: Web, capsys: Any) -> None:
    port = web.server_address[1]
    url = f"http://editor:secret@127.0.0.1:{port}/page"
    assert check(capsys, {"a.md": lines_of([url])}).rows == []
    assert web.total() == 1
    assert all("Authorization" not in headers for headers in web.headers_seen)


def test_a_dead_link_in_many_articles_is_reported_in_each(web: Web, capsys: Any) -> None:
    dead = web.url("/status/410")
    files = {
        "a.md": f"[x]({dead})\n",
        "b.md": f"First.\n\nThen [the report]({dead}).\n",
        "c.md": f"<{dead}> and again [y]({dead}#part)\n",
    }
    run = check(capsys, files)
    reason = "link is broken: gone (410)"
    assert [(r[0], r[3], r[4], r[6]) for r in run.rows] == [
        ("a.md", 5, 5, 5 + len(dead)),
        ("b.md", 7, 19, 19 + len(dead)),
        ("c.md", 5, 2, 2 + len(dead)),
        ("c.md", 5, 2 + len(dead) + 16, 2 + 2 * len(dead) + 16 + 5),
    ]
    assert {r[7] for r in run.rows} == {reason}
    assert web.total() == 2


# ------------------------------------------------------------------------------ the cache


def test_the_cache_answers_a_second_run_and_keeps_no_transient_failure(
    web: Web, capsys: Any
) -> None:
    urls = [web.url("/status/404"), web.url("/status/503"), web.url("/page")]
    first = check(capsys, {"a.md": lines_of(urls)}, cache=True)
    asked = web.total()
    second = check(capsys, {"a.md": lines_of(urls)}, cache=True)
    assert second.rows == first.rows
    assert web.total() - asked == 2  # only the 503 is asked again (HEAD, GET)


def test_two_runs_at_once_both_keep_what_they_checked(web: Web, capsys: Any) -> None:
    # Two CI jobs (or pre-commit and an editor) sharing `.newslint_cache/`: the run that saves
    # last must not drop what the other saved meanwhile. An offline run then knows both.
    files = {"a.md": lines_of([web.url("/status/404")]), "b.md": lines_of([web.url("/held")])}
    write(files, {"timeout": "20"})
    env = {k: v for k, v in os.environ.items() if k.upper() not in PROXY_VARIABLES}
    argv = [sys.executable, "-m", "newslint", "check", "--check-links", "--select", "LK006"]
    held = subprocess.Popen([*argv, "b.md"], env=env, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while not web.hits("/held") and time.monotonic() < deadline:
            time.sleep(0.05)
        fast = subprocess.run([*argv, "a.md"], env=env, stdout=subprocess.DEVNULL, timeout=60)
    finally:
        web.release.set()  # the held run gets its answers and saves last
    assert (fast.returncode, held.wait(timeout=60)) == (1, 1)
    asked = web.total()
    run = check(capsys, {}, None, "--offline", *files, cache=True)
    assert [(row[0], row[7]) for row in run.rows] == [
        ("a.md", "link is broken: not found (404)"),
        ("b.md", "link is broken: not found (404)"),
    ]
    assert web.total() == asked


# ------------------------------------------------------------------------------ the fix


def test_the_fix_keeps_the_query_and_fragment_and_collapses_a_chain(web: Web, capsys: Any) -> None:
    body = (
        f"[a]({web.url('/hops/3#section')})\n\n"
        f"[b]({web.url('/redirect/301/page?id=7')})\n\n"
        f"[c]({web.url('/redirect/301/redirect/302/page')})\n\n"
        f"[d]({web.url('/redirect/302/redirect/301/page')})\n\n"
        f"<{web.url('/redirect/308/page#top')}>\n\n"
        f"[r][ref] and [s][ref]\n\n[ref]: <{web.url('/redirect/301/page')}>\n"
    )
    assert fix(capsys, body) == (
        f"[a]({web.url('/hops/0#section')})\n\n"
        f"[b]({web.url('/page?id=7')})\n\n"
        f"[c]({web.url('/redirect/302/page')})\n\n"
        f"[d]({web.url('/redirect/302/redirect/301/page')})\n\n"
        f"<{web.url('/page#top')}>\n\n"
        f"[r][ref] and [s][ref]\n\n[ref]: <{web.url('/page')}>\n"
    )


def test_the_fix_rewrites_a_url_the_link_shows_as_its_text(web: Web, capsys: Any) -> None:
    # `[url](url)` pointed elsewhere but still showing the old address would mislead the reader;
    # a new URL that Markdown would not show as written there (emphasis) gets no fix.
    old, shown_oddly = web.url("/redirect/301/page?id=1"), web.url("/redirect/301/_x_")
    body = f"See [{old}]({old}).\n\n[{shown_oddly}]({shown_oddly})\n"
    new = web.url("/page?id=1")
    assert fix(capsys, body) == f"See [{new}]({new}).\n\n[{shown_oddly}]({shown_oddly})\n"


def test_urls_among_a_shortcode_calls_arguments_are_not_fetched_as_links(
    web: Web, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Hugo replaces `{{< figure src="..." >}}` before Markdown is read: its arguments are no bare
    # URLs. They were fetched with the closing quote (`a.png%22`), a 404 for a working image.
    monkeypatch.setenv("HTTP_PROXY", web.url(""))
    body = (
        'A {{< figure src="http://news.example/page/a.png" link="http://news.example/page" >}}\n\n'
        "{{< youtube http://news.example/page?v=1 >}} then http://news.example/status/404\n"
    )
    run = check(capsys, {"a.md": body})
    assert run.rows == [broken(7, 51, "http://news.example/status/404", "not found (404)")]
    assert sorted(set(web.proxied)) == ["http://news.example/status/404"]


def test_the_fix_of_a_bare_url_only_writes_what_hugo_links_whole(
    web: Web, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Hugo would link `http://news.example/page.` without its dot: such a target gets no fix.
    monkeypatch.setenv("HTTP_PROXY", web.url(""))
    body = "Read http://news.example/redirect/301/page?id=2, or http://news.example/dotted here.\n"
    expected = "Read http://news.example/page?id=2, or http://news.example/dotted here.\n"
    assert fix(capsys, body) == expected
