"""A real HTTP server on 127.0.0.1 for the link-check tests, with routes for each kind of answer.

It counts requests per (method, path) and keeps the request headers, so tests can prove that a URL
was fetched once, that the cache answered, and that no cookie or credential was sent.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newslint.diagnostics import Diagnostic

SLOW_SECONDS = 1.0


class LinkServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.counts: Counter[tuple[str, str]] = Counter()
        self.headers_seen: list[tuple[str, str, dict[str, str]]] = []
        self.lock = threading.Lock()
        self.delay = 0.0  # seconds every answer takes
        self.in_flight = 0
        self.peak = 0  # most requests handled at once

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        """Requests for `path`, any method."""
        with self.lock:
            return sum(n for (_, p), n in self.counts.items() if p == path)

    def total(self) -> int:
        with self.lock:
            return sum(self.counts.values())


class _Handler(BaseHTTPRequestHandler):
    server: LinkServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
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
        server = self.server
        with server.lock:
            server.counts[(method, self.path)] += 1
            nth = server.counts[(method, self.path)]
            server.headers_seen.append((method, self.path, dict(self.headers.items())))
            server.in_flight += 1
            server.peak = max(server.peak, server.in_flight)
        try:
            if server.delay:
                time.sleep(server.delay)
            self._answer(method, self.path, nth)
        finally:
            with server.lock:
                server.in_flight -= 1

    def _answer(self, method: str, path: str, nth: int) -> None:
        page = b"<html><body>a page</body></html>"
        if path in ("/", "/ok", "/other", "/echo") or path.startswith("/ok?"):
            self._send(200, {"Content-Type": "text/html"}, page)
        elif path == "/missing":
            self._send(404)
        elif path == "/gone":
            self._send(410)
        elif path == "/moved":
            self._send(301, {"Location": "/ok"})
        elif path == "/moved-308":
            self._send(308, {"Location": self.server.url("/ok")})
        elif path == "/moved-then-found":
            self._send(301, {"Location": "/found"})
        elif path == "/moved-to-missing":
            self._send(301, {"Location": "/missing"})
        elif path == "/moved-to-section":
            self._send(301, {"Location": "/ok#section"})
        elif path == "/moved-home":
            self._send(301, {"Location": "/"})
        elif path == "/found":
            self._send(302, {"Location": "/ok"})
        elif path == "/temporary":
            self._send(307, {"Location": "/ok"})
        elif path == "/loop":
            self._send(302, {"Location": "/loop"})
        elif path.startswith("/hop/"):
            hop = int(path.rsplit("/", 1)[1])
            self._send(302, {"Location": f"/hop/{hop + 1}"})
        elif path == "/to-ftp":
            self._send(301, {"Location": "ftp://127.0.0.1/file"})
        elif path == "/head-refused":
            if method == "HEAD":
                self._send(405, {"Allow": "GET"})
            else:
                self._send(200, {"Content-Type": "text/html"}, page)
        elif path == "/rate-limited":
            self._send(429, {"Retry-After": "0"})
        elif path == "/rate-limited-once":
            self._send(429, {"Retry-After": "1"}) if nth == 1 else self._send(200)
        elif path.startswith("/rate-limited-always/"):
            self._send(429, {"Retry-After": "0.2"})
        elif path == "/rate-limited-long":
            self._send(429, {"Retry-After": "3600"})
        elif path == "/error":
            self._send(500)
        elif path == "/flaky":
            self._send(503) if nth == 1 else self._send(200)
        elif path == "/forbidden":
            self._send(403)
        elif path == "/login":
            self._send(401, {"WWW-Authenticate": 'Basic realm="x"'})
        elif path == "/challenge":
            self._send(503, {"Server": "cloudflare", "cf-mitigated": "challenge"})
        elif path == "/slow":
            time.sleep(SLOW_SECONDS)
            self._send(200)
        elif path == "/drop":
            self.close_connection = True  # no status line at all: the connection just closes
        elif path == "/drop-head":
            if method == "HEAD":
                self.close_connection = True
            else:
                self._send(200)
        elif path == "/head-with-body":  # a HEAD answered with a body, against RFC 9110
            self.send_response(200)
            self.send_header("Content-Length", "6")
            self.end_headers()
            self.wfile.write(b"a page")
        elif path in ("/endless", "/drip-body"):  # HEAD refused, so the checker must GET
            if method == "HEAD":
                self._send(405)
                return
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"x" * 65_536 if path == "/endless" else b"x"
            try:  # until the client hangs up (or 30 s for a drip), never a last chunk
                for _ in range(10_000 if path == "/endless" else 300):
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    self.wfile.flush()
                    if path == "/drip-body":
                        time.sleep(0.1)
            except OSError:
                pass
            self.close_connection = True
        elif path == "/set-cookie":
            self._send(302, {"Location": "/echo", "Set-Cookie": "session=secret; Path=/"})
        else:
            self._send(404)


@contextmanager
def link_server() -> Iterator[LinkServer]:
    server = LinkServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def lint_links(
    root: Path,
    files: dict[str, str],
    links: dict[str, Any] | None = None,
    *,
    config: dict[str, Any] | None = None,
    **project_options: Any,
) -> list[Diagnostic]:
    """Write `files` under `root` (the working directory), lint them with LK006 and LK007 and run
    the project step (which checks the links) with fast test settings."""
    from newslint.config import parse_config
    from newslint.engine import build_ruleset
    from newslint.rules.link_broken import LinkBroken
    from newslint.rules.link_redirect import LinkRedirect
    from newslint.runner import lint_files, project_end

    paths = []
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path.relative_to(root))
    # A generous timeout: no caller waits for one here, and a loaded machine (CI, a parallel test
    # run) must not turn a 403 into "timed out".
    settings = {"check": True, "timeout": 10.0, "retries": 0, "backoff": 0.001, **(links or {})}
    parsed = parse_config({"links": settings, **(config or {})})
    ruleset = build_ruleset(
        parsed, rule_classes=[LinkBroken, LinkRedirect], select=["LK006", "LK007"]
    )
    results = lint_files(paths, ruleset, jobs=1, use_cache=False)
    found = [d for result in results for d in result.diagnostics]
    found.extend(project_end(results, ruleset, **project_options))
    return sorted(found, key=lambda d: d.sort_key())


PROXY_VARIABLES = (
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
)


def without_proxies(monkeypatch: Any) -> None:
    """Loopback requests must not go through a proxy the environment may name."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
