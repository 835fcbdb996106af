"""A real HTTP server on 127.0.0.1 for the link-check tests, with routes for each kind of answer.

It counts requests per (method, path) and keeps the request headers, so tests can prove that a URL
was fetched once, that the cache answered, and that no cookie or credential was sent.
"""

from __future__ import annotations

import functools
import gzip
import os
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newslint.diagnostics import Diagnostic

SLOW_SECONDS = 1.0


BOMB_MEMBERS = 1 << 16  # gzip members of 16 MiB of zeros each: 1 TiB once decompressed


@functools.cache
def _bomb_member() -> bytes:
    """16 MiB of zeros gzip-compressed (about 16 KiB); members concatenated are one gzip body."""
    return gzip.compress(bytes(16 << 20), compresslevel=9, mtime=0)


class LinkServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, host: str = "127.0.0.1") -> None:
        if ":" in host:
            self.address_family = socket.AF_INET6
        super().__init__((host, 0), _Handler)
        self.counts: Counter[tuple[str, str]] = Counter()
        self.sent: Counter[str] = Counter()  # body bytes the client accepted, per path
        # Requests received in absolute form (`GET http://host/path`): this server as a proxy.
        self.proxied: list[str] = []
        self.headers_seen: list[tuple[str, str, dict[str, str]]] = []
        self.lock = threading.Lock()
        self.delay = 0.0  # seconds every answer takes
        self.in_flight = 0
        self.peak = 0  # most requests handled at once

    @property
    def base(self) -> str:
        host = self.server_address[0]
        return f"http://{f'[{host}]' if ':' in host else host}:{self.server_address[1]}"

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

    def _raw(self, data: bytes, *, close: bool = True) -> None:
        """Send `data` as it is (status line and headers included): answers no server should give."""
        self.wfile.write(data)
        self.wfile.flush()
        self.close_connection = close

    def _stream(self, path: str, chunks: Iterator[bytes]) -> None:
        """Write `chunks` until the client hangs up, counting what it accepted."""
        try:
            for chunk in chunks:
                self.wfile.write(chunk)
                self.wfile.flush()
                with self.server.lock:
                    self.server.sent[path] += len(chunk)
        except OSError:
            pass
        self.close_connection = True

    def _route(self, method: str) -> None:
        server = self.server
        if self.path.startswith("http://"):  # asked as a proxy: answer for the path
            with server.lock:
                server.proxied.append(self.path)
            self.path = "/" + self.path.split("/", 3)[3] if self.path.count("/") >= 3 else "/"
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
            self._answer_more(method, path, nth)

    def _answer_more(self, method: str, path: str, nth: int) -> None:
        """Redirect chains and odd Locations, HEAD quirks, and answers that are not HTTP."""
        port = self.server.server_address[1]
        if path.startswith("/chain/"):  # 301 -> 301 -> 308 -> /ok
            hop = int(path.rsplit("/", 1)[1])
            if hop < 3:
                self._send(308 if hop == 2 else 301, {"Location": f"/chain/{hop + 1}"})
            else:
                self._send(301, {"Location": "/ok"}) if hop == 3 else self._send(404)
        elif path == "/temporary-then-moved":  # 302 -> 301 -> /ok: only the 302 is the link's
            self._send(302, {"Location": "/moved"})
        elif path == "/see-other":
            self._send(303, {"Location": "/ok"})
        elif path in ("/ping", "/pong"):
            self._send(301, {"Location": "/pong" if path == "/ping" else "/ping"})
        elif path == "/deep/page":
            self._send(301, {"Location": "../ok"})
        elif path == "/protocol-relative":
            self._send(301, {"Location": f"//127.0.0.1:{port}/ok"})
        elif path == "/location-twice":  # the same Location twice (a proxy adding its own copy)
            self._raw(
                b"HTTP/1.1 301 Moved\r\nLocation: /ok\r\nLocation: /ok\r\n"
                b"Content-Length: 0\r\n\r\n",
                close=False,
            )
        elif path == "/location-missing":
            self._send(301)
        elif path == "/location-on-get-only":  # HEAD answered with a redirect to nowhere
            self._send(301) if method == "HEAD" else self._send(301, {"Location": "/ok"})
        elif path == "/location-bad-ipv6":
            self._send(301, {"Location": "http://[127.0.0.1/x"})
        elif path == "/location-bad-port":
            self._send(301, {"Location": "http://127.0.0.1:99999/x"})
        elif path == "/location-port-not-a-number":
            self._send(301, {"Location": "http://127.0.0.1:abc/x"})
        elif path.startswith("/head-answers/"):  # HEAD gets that status, GET a page
            status = int(path.rsplit("/", 1)[1])
            self._send(status) if method == "HEAD" else self._send(200, body=b"a page")
        elif path == "/retry-after-date-once":  # an HTTP date already past: ask again at once
            if nth == 1:
                self._send(429, {"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"})
            else:
                self._send(200)
        elif path.startswith("/unavailable-twice/"):  # 503 to HEAD and GET, then fine (a deploy)
            self._send(503) if self.server.hits(path) <= 2 else self._send(200)
        elif path.startswith("/slow-once/"):  # one answer too late, then fine
            if self.server.hits(path) == 1:
                time.sleep(SLOW_SECONDS)
            self._send(200)
        elif path.startswith("/rate-limited-until/"):  # 429 until an HTTP date, once
            from email.utils import formatdate

            until = float(path.rsplit("/", 1)[1])
            if nth == 1:
                self._send(429, {"Retry-After": formatdate(until, usegmt=True)})
            else:
                self._send(200)
        elif path.startswith("/rate-limited-for/"):  # 429 asking to wait that many seconds
            self._send(429, {"Retry-After": path.rsplit("/", 1)[1]})
        elif path.startswith("/stall/"):  # no answer for a long time
            time.sleep(30)
            self._send(200)
        elif path == "/status-999":  # LinkedIn's answer to robots
            self._raw(b"HTTP/1.1 999 Request denied\r\nContent-Length: 0\r\n\r\n", close=False)
        elif path == "/empty-page":
            self._send(200)
        elif path == "/moved-query":  # a target with `&`, which HTML writes `&amp;`
            self._send(301, {"Location": "/ok?a=1&b=2"})
        elif path == "/anchors":  # a page with anchors (an id, an `<a name>`, GitHub's prefix)
            body = (
                b'<html><body><h2 id="intro">Intro</h2><a name="legacy"></a>'
                b'<div id="caf\xc3\xa9">x</div><h2 id="user-content-readme">R</h2>'
                b"<!-- <p id='commented'> --></body></html>"
            )
            self._send(200, {"Content-Type": "text/html; charset=utf-8"}, body)
        elif path == "/anchors-moved":
            self._send(301, {"Location": "/anchors"})
        elif path == "/anchors-late":  # the anchor after 64 KiB of page
            body = b"<html><body>" + b"<p>x</p>" * 8192 + b'<h2 id="late">L</h2></body></html>'
            self._send(200, {"Content-Type": "text/html"}, body)
        elif path == "/plain":  # no HTML: nothing to look for anchors in
            self._send(200, {"Content-Type": "text/plain"}, b'id="x"')
        elif path == "/reset":  # a TCP reset instead of an answer
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
        elif path == "/not-http":  # a mail server's greeting, then waiting for a command
            self._raw(b"220 mail.example ESMTP ready\r\n", close=False)
            time.sleep(SLOW_SECONDS)
            self.close_connection = True
        elif path == "/not-http-at-all":  # a line and a blank line, then nothing
            self._raw(b"SSH-2.0-OpenSSH_9.6\r\n\r\n")
        elif path == "/bad-status-line":
            self._raw(b"HTTP/1.1 abc OK\r\nContent-Length: 0\r\n\r\n")
        elif path == "/slow-headers":  # the status line a byte at a time, never finished
            self._stream(path, _drip(b"HTTP/1.1 200 OK\r\n", 0.1))
        elif path in ("/gzip-bomb", "/huge"):  # HEAD refused, so the checker must GET
            if method == "HEAD":
                self._send(405)
                return
            self.send_response(200)
            if path == "/gzip-bomb":
                member = _bomb_member()
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(member) * BOMB_MEMBERS))
                self.end_headers()
                chunks = (member for _ in range(BOMB_MEMBERS))
            else:
                self.send_header("Content-Length", str(1 << 40))  # a terabyte
                self.end_headers()
                chunks = (b"x" * 65_536 for _ in range(1 << 24))
            self._stream(path, chunks)
        else:
            self._send(404)


@contextmanager
def unanswered_port() -> Iterator[int | None]:
    """A port on 127.0.0.1 where a connection is never accepted: its listen queue is full, so the
    kernel drops new SYNs and a connect times out, as with a firewall that drops packets. None
    where the system does not behave so (connections made anyway)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    fillers = []
    try:
        for _ in range(4):
            filler = socket.socket()
            filler.setblocking(False)
            with suppress(BlockingIOError):  # not connected yet: queued, or dropped
                filler.connect(("127.0.0.1", port))
            fillers.append(filler)
        time.sleep(0.05)
        probe = socket.socket()
        probe.settimeout(0.2)
        try:
            probe.connect(("127.0.0.1", port))
        except TimeoutError:
            yield port
        else:
            yield None
        finally:
            probe.close()
    finally:
        for filler in fillers:
            filler.close()
        listener.close()


def _drip(data: bytes, pause: float) -> Iterator[bytes]:
    for i in range(len(data)):
        yield data[i : i + 1]
        time.sleep(pause)


@contextmanager
def link_server(host: str = "127.0.0.1") -> Iterator[LinkServer]:
    server = LinkServer(host)
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


def interrupt_check_links(
    tmp_path: Path,
    ready: Callable[[], bool],
    *argv: str,
    settle: float = 0.2,
    signum: int = signal.SIGINT,
) -> tuple[int, str, str]:
    """Run `newslint check --check-links ARGV` in a child process in `tmp_path` and press Ctrl-C
    (or send `signum`) `settle` seconds after `ready()`; its exit code (minus the signal's number
    when the signal ended it), standard output and standard error."""
    env = {k: v for k, v in os.environ.items() if k not in PROXY_VARIABLES}
    env["PYTHONPATH"] = str(Path(__file__).parent.parent)
    env.pop("NEWSLINT_CACHE_DIR", None)
    child = subprocess.Popen(
        [sys.executable, "-m", "newslint", "check", "--check-links", *argv],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # A shell may start a background child with Ctrl-C ignored; this one must see it.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        for _ in range(2000):  # at most 20 s
            if ready() or child.poll() is not None:
                break
            time.sleep(0.01)
        time.sleep(settle)  # e.g. the answer read, the wait begun
        child.send_signal(signum)
        out, err = child.communicate(timeout=20)
    finally:
        child.kill()
    return child.returncode, out, err
