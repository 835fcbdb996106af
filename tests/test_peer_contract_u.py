"""Peer round U: black-box tests of the link check, the site settings DESIGN.md says newslint reads,
and the documented limits of the text rules.

Written from DESIGN.md, STYLE.md, the README and `newslint rule CODE` only. The earlier rounds
covered the catalogue, the output formats, configuration, suppressions, stdin and the hooks in
depth, but ran `--check-links` almost nowhere; this round does, against an HTTP server of its own on
127.0.0.1 (every status the catalogue names, redirects, HEAD refused, the `[links]` keys, the cache,
`--offline`, `--no-private`, the User-Agent and the promise that no cookie or `.netrc` credential is
sent), through the installed console script in a subprocess, exactly as CI runs it. It also pins
the Hugo settings DESIGN.md's "Site awareness" lists that no earlier round set (`buildFuture`,
`taxonomies`, a `timeZone` with summer time) and summary-length's documented bounds.

Positions are worked out from the article text by the test (`at`), never copied from newslint's
output.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import newslint

NEWSLINT = str(Path(sys.executable).with_name("newslint"))

FRONT = (
    "---\n"
    'title: "Budget passes"\n'
    "date: 2025-02-08T09:55:35+08:00\n"
    'summary: "The parliament passed the budget on Tuesday after a long debate."\n'
    "---\n"
    "\n"
)
SOURCE = "[Reuters](https://www.reuters.com/world/budget)\n"
# No test may reach the internet: the source link of every article is excluded from the check.
NO_SOURCE_CHECK = '[links]\nretries = 0\nexclude = ["^https://www\\\\.reuters\\\\.com/"]\n'


def article(body: str) -> str:
    """A clean article whose body (from line 7) is `body`, then the source link."""
    return FRONT + body + "\n" + SOURCE


def at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """1-based (line, column) of the `nth` occurrence of `needle` in `text`."""
    index = -1
    for _ in range(nth + 1):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


# --- a web server with one route per kind of answer -----------------------------------------


class _Handler(BaseHTTPRequestHandler):
    STATUS = {
        "/ok": 200,
        "/partial": 206,
        "/no-head": 200,
        "/gone": 404,
        "/removed": 410,
        "/boom": 500,
        "/unavailable": 503,
        "/busy": 429,
        "/forbidden": 403,
    }
    REDIRECT = {"/moved": 301, "/moved-308": 308, "/found": 302, "/temporary": 307}

    def log_message(self, *args: object) -> None:
        pass

    def _answer(self) -> None:
        server = self.server
        assert isinstance(server, _Server)
        path = self.path.split("?")[0]
        with server.lock:
            server.counts[(self.command, path)] += 1
            server.headers_seen.append({k.lower(): v for k, v in self.headers.items()})
        if path in self.REDIRECT:
            self.send_response(self.REDIRECT[path])
            self.send_header("Location", "/ok")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if path == "/no-head" and self.command == "HEAD":
            status = 405
        else:
            status = self.STATUS.get(path, 404)
        body = b"<html><body>page</body></html>"
        self.send_response(status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        # A site's cookie: a link checker must not send it back.
        self.send_header("Set-Cookie", "session=secret; Path=/")
        self.end_headers()
        if self.command == "GET":
            self.wfile.write(body)

    do_GET = _answer
    do_HEAD = _answer


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.counts: Counter[tuple[str, str]] = Counter()
        self.headers_seen: list[dict[str, str]] = []
        self.lock = threading.Lock()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"

    def hits(self, path: str) -> int:
        """Requests of any method for `path`."""
        return sum(n for (_, p), n in self.counts.items() if p == path)

    def reset(self) -> None:
        with self.lock:
            self.counts.clear()
            self.headers_seen.clear()


@pytest.fixture
def web() -> Iterator[_Server]:
    server = _Server()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


# --- running the console script ----------------------------------------------------------------


class Run:
    def __init__(self, proc: subprocess.CompletedProcess[str]) -> None:
        self.rc = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr

    def json(self) -> list[dict]:
        return json.loads(self.out)

    def rows(self) -> list[tuple]:
        """(path, code, severity, line, column, end_line, end_column) of every problem."""
        return [
            (
                d["path"],
                d["code"],
                d["severity"],
                d["line"],
                d["column"],
                d["end_line"],
                d["end_column"],
            )
            for d in self.json()
        ]


def newslint_run(cwd: Path, *args: str, env: dict[str, str] | None = None) -> Run:
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR")
        and not k.lower().endswith("_proxy")
    }
    proc = subprocess.run(
        [NEWSLINT, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env={**base, **(env or {})},
        timeout=120,
    )
    return Run(proc)


def put(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def check_links(root: Path, *args: str, env: dict[str, str] | None = None) -> Run:
    return newslint_run(
        root, "check", "--check-links", "--no-cache", "--output-format", "json", *args, env=env
    )


def url_span(text: str, url: str, nth: int = 0) -> tuple[int, int, int, int]:
    line, column = at(text, url, nth)
    return line, column, line, column + len(url)


# --- link-broken: what is gone is an error, what answers badly a warning ------------------------


def test_gone_pages_are_errors_and_bad_answers_warnings(web: _Server, tmp_path: Path) -> None:
    """DESIGN: "404/410/DNS failure (error); 5xx, timeout, 429 after retries (warning)";
    README adds the 403 of a bot wall to the warnings. A working link (200, 206) is quiet."""
    urls = {p: web.url(p) for p in ("/ok", "/partial", "/gone", "/removed", "/boom")}
    urls |= {p: web.url(p) for p in ("/unavailable", "/busy", "/forbidden")}
    body = "".join(f"See [page {i}]({u}) today.\n\n" for i, u in enumerate(urls.values()))
    text = article(body)
    put(tmp_path, {"newslint.toml": NO_SOURCE_CHECK, "a.md": text})
    run = check_links(tmp_path, "--select", "LK006", "a.md")
    expected_severity = {
        "/gone": "error",
        "/removed": "error",
        "/boom": "warning",
        "/unavailable": "warning",
        "/busy": "warning",
        "/forbidden": "warning",
    }
    assert run.rows() == [
        ("a.md", "LK006", severity, *url_span(text, urls[path]))
        for path, severity in expected_severity.items()
    ]
    assert all(d["rule"] == "link-broken" and d["fix"] is None for d in run.json())
    assert run.rc == 1  # errors remain


def test_a_host_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    """`.invalid` never resolves (RFC 2606): a DNS failure, which the catalogue makes an error."""
    url = "http://no-such-host.invalid/story"
    text = article(f"See [the story]({url}).\n")
    put(tmp_path, {"newslint.toml": NO_SOURCE_CHECK, "a.md": text})
    run = check_links(tmp_path, "--select", "link-broken", "a.md")
    assert run.rows() == [("a.md", "LK006", "error", *url_span(text, url))]
    assert run.rc == 1


def test_link_warnings_alone_exit_0_unless_fail_on_warning(web: _Server, tmp_path: Path) -> None:
    text = article(f"See [it]({web.url('/boom')}).\n")
    put(tmp_path, {"newslint.toml": NO_SOURCE_CHECK, "a.md": text})
    run = check_links(tmp_path, "--select", "LK006", "a.md")
    assert [d["severity"] for d in run.json()] == ["warning"]
    assert run.rc == 0
    assert check_links(tmp_path, "--select", "LK006", "--fail-on", "warning", "a.md").rc == 1


def test_the_source_field_and_raw_html_links_are_checked(web: _Server, tmp_path: Path) -> None:
    """link-broken's doc: the links in raw HTML and the source field are fetched too, and each
    place a failing URL is written is reported (at the attribute's value, at the field's value)."""
    gone, removed = web.url("/gone"), web.url("/removed")
    text = (
        "---\n"
        'title: "Budget passes"\n'
        "date: 2025-02-08T09:55:35+08:00\n"
        'summary: "The parliament passed the budget on Tuesday after a long debate."\n'
        f'source: "{gone}"\n'
        "---\n"
        "\n"
        f'<p>Read <a href="{removed}">the bill</a>.</p>\n'
    )
    put(tmp_path, {"newslint.toml": NO_SOURCE_CHECK, "a.md": text})
    run = check_links(tmp_path, "--select", "LK006", "a.md")
    assert run.rows() == [
        ("a.md", "LK006", "error", *url_span(text, gone)),
        ("a.md", "LK006", "error", *url_span(text, removed)),
    ]


@pytest.mark.parametrize(
    ("severity", "expected", "rc"),
    [
        ("warning", ["warning", "warning"], 0),
        ("info", ["info", "info"], 0),
        # README: "setting the rule's default changes nothing": the 5xx stays a warning.
        ("error", ["error", "warning"], 1),
    ],
)
def test_a_configured_link_broken_severity_holds_for_both_kinds(
    web: _Server, tmp_path: Path, severity: str, expected: list[str], rc: int
) -> None:
    """README: a rule's `severity` "holds for every problem of the rule, also those it reports at
    another severity than its own"."""
    text = article(f"See [it]({web.url('/gone')}) and [that]({web.url('/boom')}).\n")
    config = NO_SOURCE_CHECK + f'[rules.link-broken]\nseverity = "{severity}"\n'
    put(tmp_path, {"newslint.toml": config, "a.md": text})
    run = check_links(tmp_path, "--select", "LK006", "a.md")
    assert [d["severity"] for d in run.json()] == expected
    assert run.rc == rc


# --- link-redirect ------------------------------------------------------------------------------


def test_a_permanent_redirect_is_reported_with_an_unsafe_fix_to_its_target(
    web: _Server, tmp_path: Path
) -> None:
    """LK007: "permanent redirect", info, "unsafe: final URL". 301 and 308 are permanent; 302 and
    307 are not, and are quiet."""
    urls = [web.url(p) for p in ("/moved", "/moved-308", "/found", "/temporary")]
    text = article("".join(f"Read [part {i}]({u}).\n\n" for i, u in enumerate(urls)))
    put(tmp_path, {"newslint.toml": NO_SOURCE_CHECK, "a.md": text})
    run = check_links(tmp_path, "--select", "LK006,LK007", "a.md")
    target = web.url("/ok")
    assert run.rows() == [
        ("a.md", "LK007", "info", *url_span(text, urls[0])),
        ("a.md", "LK007", "info", *url_span(text, urls[1])),
    ]
    for found, url in zip(run.json(), urls, strict=False):
        assert found["rule"] == "link-redirect"
        assert found["fix"]["applicability"] == "unsafe"
        line, column, end_line, end_column = url_span(text, url)
        assert found["fix"]["edits"] == [
            {
                "line": line,
                "column": column,
                "end_line": end_line,
                "end_column": end_column,
                "content": target,
            }
        ]
    assert run.rc == 0  # info only


def test_fix_points_a_redirected_link_at_its_target_only_with_unsafe_fixes(
    web: _Server, tmp_path: Path
) -> None:
    moved = web.url("/moved")
    text = article(f"Read [the bill]({moved}).\n")
    put(tmp_path, {"newslint.toml": NO_SOURCE_CHECK, "a.md": text})
    safe = newslint_run(tmp_path, "fix", "--check-links", "--no-cache", "--select", "LK007", "a.md")
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == text
    assert safe.rc == 0
    unsafe = newslint_run(
        tmp_path,
        "fix",
        "--check-links",
        "--unsafe-fixes",
        "--no-cache",
        "--select",
        "LK007",
        "a.md",
    )
    assert unsafe.rc == 0
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == text.replace(moved, web.url("/ok"))


def test_fix_diff_and_fix_stdin_show_the_redirect_fix_and_write_nothing(
    web: _Server, tmp_path: Path
) -> None:
    moved, target = web.url("/moved"), web.url("/ok")
    text = article(f"Read [the bill]({moved}).\n")
    put(tmp_path, {"newslint.toml": NO_SOURCE_CHECK, "a.md": text})
    args = ("fix", "--check-links", "--unsafe-fixes", "--no-cache", "--select", "LK007")
    diff = newslint_run(tmp_path, *args, "--diff", "a.md")
    line = at(text, moved)[0]
    old_line = text.splitlines()[line - 1]
    assert diff.rc == 1  # there is a diff
    assert f"-{old_line}\n+{old_line.replace(moved, target)}\n" in diff.out
    assert diff.out.startswith("--- a/a.md\n+++ b/a.md\n")
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == text
    proc = subprocess.run(
        [NEWSLINT, *args, "--stdin-filename", "a.md", "-"],
        cwd=tmp_path,
        input=text,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (proc.returncode, proc.stdout) == (0, text.replace(moved, target))
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == text


# --- how requests are made ----------------------------------------------------------------------


def test_without_check_links_no_request_is_made_whatever_select_says(
    web: _Server, tmp_path: Path
) -> None:
    text = article(f"See [it]({web.url('/gone')}) and [that]({web.url('/moved')}).\n")
    put(tmp_path, {"newslint.toml": NO_SOURCE_CHECK, "a.md": text})
    for args in ((), ("--select", "ALL"), ("--select", "LK006,LK007")):
        run = newslint_run(
            tmp_path, "check", "--no-cache", "--output-format", "json", *args, "a.md"
        )
        assert [d["code"] for d in run.json() if d["code"] in ("LK006", "LK007")] == []
    assert web.counts == Counter()


def test_a_url_is_fetched_once_per_run_and_reported_at_every_place(
    web: _Server, tmp_path: Path
) -> None:
    """README: "fetches every http(s) URL of the linted articles, once per run however often it
    appears" -- and link-broken "reports each place a failing URL is written"."""
    gone, ok = web.url("/gone"), web.url("/ok")
    first = article(f"See [it]({gone}), [it again]({gone}) and [this]({ok}).\n")
    second = article(f"Also [here]({gone}) and [there]({ok}).\n")
    put(tmp_path, {"newslint.toml": NO_SOURCE_CHECK, "a.md": first, "b.md": second})
    run = check_links(tmp_path, "--select", "LK006", "a.md", "b.md")
    assert run.rows() == [
        ("a.md", "LK006", "error", *url_span(first, gone, 0)),
        ("a.md", "LK006", "error", *url_span(first, gone, 1)),
        ("b.md", "LK006", "error", *url_span(second, gone)),
    ]
    # HEAD first; a 404 may be asked again with GET, but never once per place.
    assert web.counts[("HEAD", "/gone")] == 1
    assert web.counts[("GET", "/gone")] <= 1
    assert web.counts[("HEAD", "/ok")] == 1
    assert web.counts[("GET", "/ok")] == 0


def test_head_refused_is_asked_again_with_get(web: _Server, tmp_path: Path) -> None:
    """README: "Requests go HEAD first (GET when HEAD fails)"."""
    text = article(f"See [it]({web.url('/no-head')}).\n")
    put(tmp_path, {"newslint.toml": NO_SOURCE_CHECK, "a.md": text})
    run = check_links(tmp_path, "--select", "LK006,LK007", "a.md")
    assert run.json() == []
    assert web.counts[("HEAD", "/no-head")] == 1
    assert web.counts[("GET", "/no-head")] == 1


def test_requests_name_newslint_and_carry_no_cookie_or_netrc_credentials(
    web: _Server, tmp_path: Path
) -> None:
    """README: "under a User-Agent that names newslint, without cookies or credentials";
    "`.netrc` is never read and no credentials are sent to sites". The server sets a cookie on
    every answer, and a `.netrc` in $HOME has a login for its host."""
    home = tmp_path / "home"
    home.mkdir()
    netrc = home / ".netrc"
    netrc.write_text("machine 127.0.0.1 login editor password hunter2\n", encoding="utf-8")
    netrc.chmod(0o600)
    work = tmp_path / "work"
    urls = [web.url(p) for p in ("/moved", "/ok", "/no-head", "/gone")]
    text = article(" ".join(f"[{i}]({u})" for i, u in enumerate(urls)) + "\n")
    put(work, {"newslint.toml": NO_SOURCE_CHECK, "a.md": text})
    check_links(work, "a.md", env={"HOME": str(home), "NETRC": str(netrc)})
    assert len(web.headers_seen) >= len(urls)
    for headers in web.headers_seen:
        assert "newslint" in headers.get("user-agent", "").lower()
        assert "cookie" not in headers
        assert "authorization" not in headers


def test_user_agent_from_the_configuration(web: _Server, tmp_path: Path) -> None:
    text = article(f"See [it]({web.url('/ok')}).\n")
    config = NO_SOURCE_CHECK + 'user-agent = "NewsroomBot/2.0"\n'
    put(tmp_path, {"newslint.toml": config, "a.md": text})
    check_links(tmp_path, "a.md")
    assert [h["user-agent"] for h in web.headers_seen] == ["NewsroomBot/2.0"]


# --- the [links] keys ---------------------------------------------------------------------------


def test_accept_as_in_designs_example_makes_a_429_work(web: _Server, tmp_path: Path) -> None:
    busy, gone = web.url("/busy"), web.url("/gone")
    text = article(f"See [it]({busy}) and [that]({gone}).\n")
    config = NO_SOURCE_CHECK + "accept = [200, 206, 429]\n"
    put(tmp_path, {"newslint.toml": config, "a.md": text})
    run = check_links(tmp_path, "--select", "LK006", "a.md")
    assert run.rows() == [("a.md", "LK006", "error", *url_span(text, gone))]


def test_accept_takes_lychee_ranges(web: _Server, tmp_path: Path) -> None:
    """README: `"400..=404"` includes 404; `"400..404"` leaves it out."""
    forbidden, gone, removed = web.url("/forbidden"), web.url("/gone"), web.url("/removed")
    text = article(f"[a]({forbidden}) [b]({gone}) [c]({removed})\n")
    put(tmp_path, {"a.md": text})
    inclusive = NO_SOURCE_CHECK + 'accept = ["400..=404"]\n'
    (tmp_path / "newslint.toml").write_text(inclusive, encoding="utf-8")
    run = check_links(tmp_path, "--select", "LK006", "a.md")
    assert run.rows() == [("a.md", "LK006", "error", *url_span(text, removed))]
    exclusive = NO_SOURCE_CHECK + 'accept = ["400..404"]\n'
    (tmp_path / "newslint.toml").write_text(exclusive, encoding="utf-8")
    run = check_links(tmp_path, "--select", "LK006", "a.md")
    assert run.rows() == [
        ("a.md", "LK006", "error", *url_span(text, gone)),
        ("a.md", "LK006", "error", *url_span(text, removed)),
    ]


def test_an_excluded_url_is_never_fetched(web: _Server, tmp_path: Path) -> None:
    gone, removed = web.url("/gone"), web.url("/removed")
    text = article(f"See [it]({gone}) and [that]({removed}).\n")
    config = NO_SOURCE_CHECK.replace('"]\n', '", "/gone$"]\n')
    put(tmp_path, {"newslint.toml": config, "a.md": text})
    run = check_links(tmp_path, "--select", "LK006", "a.md")
    assert run.rows() == [("a.md", "LK006", "error", *url_span(text, removed))]
    assert web.hits("/gone") == 0


def test_a_bad_links_setting_exits_2_naming_the_key(tmp_path: Path) -> None:
    put(tmp_path, {"a.md": article("Text.\n")})
    for setting, key in (
        ("timeout = -1", "timeout"),
        ("per-host = 0", "per-host"),
        ('cache-ttl = "forever"', "cache-ttl"),
        ('exclude = ["(unclosed"]', "exclude"),
        ('accept = ["two hundred"]', "accept"),
    ):
        (tmp_path / "newslint.toml").write_text(f"[links]\n{setting}\n", encoding="utf-8")
        run = newslint_run(tmp_path, "check", "--no-cache", "a.md")
        assert run.rc == 2, setting
        assert key in run.err, (setting, run.err)
        assert run.out == ""


# --- the cache, --offline, --no-private ---------------------------------------------------------


def test_the_cache_answers_a_second_run_and_no_cache_asks_again(
    web: _Server, tmp_path: Path
) -> None:
    """A working link and a lasting failure (404) are kept (`cache-ttl`, `failure-ttl`); a 5xx is
    "never kept: the next run asks again"; `--no-cache` fetches again."""
    ok, gone, boom = web.url("/ok"), web.url("/gone"), web.url("/boom")
    text = article(f"[a]({ok}) [b]({gone}) [c]({boom})\n")
    put(tmp_path, {"newslint.toml": NO_SOURCE_CHECK, "a.md": text})
    args = ("check", "--check-links", "--output-format", "json", "--select", "LK006", "a.md")
    expected = [
        ("a.md", "LK006", "error", *url_span(text, gone)),
        ("a.md", "LK006", "warning", *url_span(text, boom)),
    ]
    first = newslint_run(tmp_path, *args)
    assert first.rows() == expected
    assert web.hits("/ok") == 1
    web.reset()
    second = newslint_run(tmp_path, *args)
    assert second.rows() == expected
    assert web.hits("/ok") == 0
    assert web.hits("/gone") == 0
    assert web.hits("/boom") >= 1
    web.reset()
    third = newslint_run(tmp_path, *args[:-1], "--no-cache", "a.md")
    assert third.rows() == expected
    assert web.hits("/ok") == 1
    assert web.hits("/gone") >= 1


def test_offline_makes_no_request_and_uses_only_the_cache(web: _Server, tmp_path: Path) -> None:
    gone = web.url("/gone")
    text = article(f"See [it]({gone}).\n")
    put(tmp_path, {"newslint.toml": NO_SOURCE_CHECK, "a.md": text})
    args = ("check", "--check-links", "--output-format", "json", "--select", "LK006")
    cold = newslint_run(tmp_path, *args, "--offline", "a.md")
    assert cold.json() == []
    assert cold.rc == 0
    assert web.counts == Counter()
    newslint_run(tmp_path, *args, "a.md")  # fills the cache
    web.reset()
    warm = newslint_run(tmp_path, *args, "--offline", "a.md")
    assert warm.rows() == [("a.md", "LK006", "error", *url_span(text, gone))]
    assert web.counts == Counter()


def test_no_private_never_fetches_a_loopback_link(web: _Server, tmp_path: Path) -> None:
    text = article(f"See [it]({web.url('/gone')}).\n")
    put(tmp_path, {"newslint.toml": NO_SOURCE_CHECK, "a.md": text})
    run = check_links(tmp_path, "--select", "LK006", "--no-private", "a.md")
    assert run.json() == []
    assert web.counts == Counter()
    config = NO_SOURCE_CHECK + "no-private = true\n"
    (tmp_path / "newslint.toml").write_text(config, encoding="utf-8")
    assert check_links(tmp_path, "--select", "LK006", "a.md").json() == []
    assert web.counts == Counter()


# --- link checks with suppressions and the output formats ---------------------------------------


def test_a_link_broken_suppression_silences_the_link_and_is_used(
    web: _Server, tmp_path: Path
) -> None:
    gone = web.url("/gone")
    text = article(
        f"<!-- newslint-disable-next-line link-broken -- archived copy kept -->\nSee [it]({gone}).\n"
        f"\nAnd [again]({gone}).\n"
    )
    put(tmp_path, {"newslint.toml": NO_SOURCE_CHECK, "a.md": text})
    run = check_links(tmp_path, "a.md")
    assert run.rows() == [("a.md", "LK006", "error", *url_span(text, gone, 1))]


def test_json_lines_prints_the_link_checks_after_every_file(web: _Server, tmp_path: Path) -> None:
    """README: json-lines streams each file's problems, and "with `--check-links` the link
    checks" after all the files."""
    gone = web.url("/gone")
    first = article(f"See [it]({gone}).\n")
    second = article("Growth slowed.The index fell.\n")
    put(tmp_path, {"newslint.toml": NO_SOURCE_CHECK, "a.md": first, "b.md": second})
    run = newslint_run(
        tmp_path,
        "check",
        "--check-links",
        "--no-cache",
        "--output-format",
        "json-lines",
        "--select",
        "LK006,TX004",
        ".",
    )
    found = [json.loads(line) for line in run.out.splitlines()]
    assert [(d["path"], d["code"]) for d in found] == [("b.md", "TX004"), ("a.md", "LK006")]
    assert run.rc == 1


def test_statistics_count_the_link_checks(web: _Server, tmp_path: Path) -> None:
    text = article(f"[a]({web.url('/gone')}) [b]({web.url('/removed')}) [c]({web.url('/moved')})\n")
    put(tmp_path, {"newslint.toml": NO_SOURCE_CHECK, "a.md": text})
    run = newslint_run(
        tmp_path,
        "check",
        "--check-links",
        "--no-cache",
        "--statistics",
        "--output-format",
        "json",
        "--select",
        "LK006,LK007",
        "a.md",
    )
    counts = {entry["code"]: entry["count"] for entry in json.loads(run.out)}
    assert counts == {"LK006": 2, "LK007": 1}


# --- the Hugo settings DESIGN.md's "Site awareness" names ---------------------------------------

SITE = 'baseURL = "https://example.org/"\ntitle = "News"\n'


def site_article(front: str) -> str:
    return (
        "---\n"
        'title: "Budget passes"\n'
        + front
        + 'summary: "The parliament passed the budget on Tuesday after a long debate."\n'
        "---\n\nThe parliament passed the budget.\n\n" + SOURCE
    )


def lint_site(root: Path, *args: str) -> Run:
    return newslint_run(root, "check", "--no-cache", "--output-format", "json", *args)


def test_build_future_in_the_site_silences_date_future(tmp_path: Path) -> None:
    """DT003: "date later than now: Hugo does not publish it without buildFuture"."""
    text = site_article("date: 2099-01-01T00:00:00Z\n")
    put(tmp_path, {"hugo.toml": SITE, "content/news/a.md": text})
    run = lint_site(tmp_path)
    assert run.rows() == [("content/news/a.md", "DT003", "warning", 3, 7, 3, 27)]
    put(tmp_path, {"hugo.toml": SITE + "buildFuture = true\n"})
    assert lint_site(tmp_path).json() == []


def test_the_sites_zone_offset_follows_summer_time(tmp_path: Path) -> None:
    """DT001: "rewrite with the site's zone offset for that instant": New York is -04:00 in July
    and -05:00 in January; safe, because the zone comes from the site."""
    text = site_article("date: 2025-07-01 10:00:00\nlastmod: 2025-12-15T08:30:00\n")
    put(
        tmp_path, {"hugo.toml": SITE + 'timeZone = "America/New_York"\n', "content/news/a.md": text}
    )
    found = lint_site(tmp_path, "--select", "DT001").json()
    assert [(d["line"], d["column"], d["end_column"]) for d in found] == [(3, 7, 26), (4, 10, 29)]
    assert [d["fix"]["applicability"] for d in found] == ["safe", "safe"]
    assert [d["fix"]["edits"][0]["content"] for d in found] == [
        "2025-07-01T10:00:00-04:00",
        "2025-12-15T08:30:00-05:00",
    ]
    fixed = newslint_run(tmp_path, "fix", "--no-cache", "--select", "DT001")
    assert fixed.rc == 0
    assert (tmp_path / "content/news/a.md").read_text(encoding="utf-8") == text.replace(
        "2025-07-01 10:00:00", "2025-07-01T10:00:00-04:00"
    ).replace("2025-12-15T08:30:00", "2025-12-15T08:30:00-05:00")


def test_the_configured_timezone_wins_over_the_sites(tmp_path: Path) -> None:
    """DESIGN: `timezone` "default: the site's timeZone, else UTC"."""
    text = site_article("date: 2025-02-08 09:55:35\n")
    put(
        tmp_path,
        {
            "hugo.toml": SITE + 'timeZone = "America/New_York"\n',
            "newslint.toml": 'timezone = "Asia/Shanghai"\n',
            "content/news/a.md": text,
        },
    )
    found = lint_site(tmp_path, "--select", "DT001").json()
    assert [d["fix"]["edits"][0]["content"] for d in found] == ["2025-02-08T09:55:35+08:00"]
    assert found[0]["fix"]["applicability"] == "safe"


def test_the_sites_taxonomies_are_the_list_fields(tmp_path: Path) -> None:
    """FM005's "scalar -> one-item list" for the site's own taxonomy (`regions`); a site that
    defines its taxonomies has no `categories` taxonomy (as in Hugo), so that key is a param."""
    text = site_article("date: 2025-02-08T09:55:35+08:00\nregions: Asia\ncategories: politics\n")
    config = SITE + '[taxonomies]\n  region = "regions"\n  tag = "tags"\n'
    put(tmp_path, {"hugo.toml": config, "content/news/a.md": text})
    found = lint_site(tmp_path).json()
    assert [(d["code"], d["line"], d["column"], d["end_column"]) for d in found] == [
        ("FM005", 4, 10, 14)
    ]
    assert found[0]["fix"]["applicability"] == "unsafe"
    assert found[0]["fix"]["edits"][0]["content"] == '["Asia"]'
    # Without the site's table, Hugo's defaults (tags, categories) apply.
    put(tmp_path, {"hugo.toml": SITE})
    found = lint_site(tmp_path).json()
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("FM005", 5, 13)]


def test_unsafe_html_in_the_sites_markup_silences_raw_html(tmp_path: Path) -> None:
    text = (
        "---\n"
        'title: "Budget passes"\n'
        "date: 2025-02-08T09:55:35+08:00\n"
        'summary: "The parliament passed the budget on Tuesday after a long debate."\n'
        "---\n\nThe parliament passed the budget.\n\n"
        '<iframe src="https://example.com/embed"></iframe>\n\n' + SOURCE
    )
    put(tmp_path, {"hugo.toml": SITE, "content/news/a.md": text})
    assert [(d["code"], d["line"], d["column"]) for d in lint_site(tmp_path).json()] == [
        ("BD004", 9, 1)
    ]
    unsafe = SITE + "[markup.goldmark.renderer]\n  unsafe = true\n"
    put(tmp_path, {"hugo.toml": unsafe})
    assert lint_site(tmp_path).json() == []


# --- summary-length's documented bounds -----------------------------------------------------------


def summary_of(length: int) -> str:
    """A summary of exactly `length` characters, words of ten letters and a final full stop."""
    words = ("Parliament " * (length // 11 + 1))[: length - 1].rstrip()
    text = words + "x" * (length - 1 - len(words)) + "."
    assert len(text) == length
    return text


@pytest.mark.parametrize(
    ("length", "options", "reported"),
    [
        (39, {}, True),
        (40, {}, False),
        (300, {}, False),
        (301, {}, True),
        (101, {"max": 100}, True),
        (100, {"max": 100}, False),
        (20, {"min": 20}, False),
        (19, {"min": 20}, True),
    ],
)
def test_summary_length_bounds(length: int, options: dict[str, int], reported: bool) -> None:
    """TX002: "longer than `max` (300) or shorter than `min` (40) characters", both inclusive
    bounds of what is fine; the span is the value with its quotes."""
    summary = summary_of(length)
    text = (
        "---\n"
        'title: "Budget passes"\n'
        "date: 2025-02-08T09:55:35+08:00\n"
        f'summary: "{summary}"\n'
        "---\n\nThe parliament passed the budget.\n\n" + SOURCE
    )
    config = newslint.Config(rules={"summary-length": options}) if options else None
    found = newslint.check_text(text, path="a.md", config=config, select=["TX002"])
    expected = [("TX002", "info", 4, 10, 4, 10 + length + 2)] if reported else []
    assert [
        (d.code, d.severity.label, d.line, d.column, d.end_line, d.end_column) for d in found
    ] == expected


def test_summary_length_of_a_cjk_summary_is_a_third_and_counts_characters_not_bytes() -> None:
    """summary-length's doc: in a summary written mostly in Chinese, Japanese or Korean "both
    limits are a third as large (14 and 100 by default)"; 100 such characters (300 bytes of
    UTF-8) are fine, 101 are too long."""
    summary = ("議会は予算案を可決した。" * 9)[:99] + "。"
    assert len(summary) == 100
    text = (
        "---\n"
        'title: "予算案が可決"\n'
        "date: 2025-02-08T09:55:35+08:00\n"
        f'summary: "{summary}"\n'
        "---\n\n議会は予算案を可決した。\n\n" + SOURCE
    )
    assert newslint.check_text(text, path="a.md", select=["TX002"]) == []
    longer = text.replace(summary, "議" + summary)
    found = newslint.check_text(longer, path="a.md", select=["TX002"])
    assert [(d.code, d.line, d.column, d.end_column) for d in found] == [("TX002", 4, 10, 113)]


# --- --changed-since -----------------------------------------------------------------------------


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=ed@example.org", "-c", "user.name=Ed", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def glued(name: str) -> str:
    """An article whose only problem is TX004 at 7:14; `name` keeps the articles apart."""
    return (
        "---\n"
        f'title: "Budget {name}"\n'
        "date: 2025-02-08T09:55:35+08:00\n"
        f'summary: "The parliament passed budget {name} on Tuesday after a long debate."\n'
        "---\n\n"
        "Growth slowed.The index fell.\n\n"
        f"[Reuters](https://www.reuters.com/world/{name})\n"
    )


def test_changed_since_lints_what_changed_since_the_merge_base_and_untracked_files(
    tmp_path: Path,
) -> None:
    """README: "`--changed-since REF` lints only the Markdown files changed since the merge base
    with `REF`, plus untracked ones (deleted files are skipped)". A file changed on REF after the
    branch left it is not this branch's change."""
    git(tmp_path, "init", "-q", "-b", "main")
    put(tmp_path, {f"{n}.md": glued(n) for n in ("kept", "edited", "deleted", "dirty", "gone")})
    put(tmp_path, {"main-only.md": glued("main-only")})
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "articles")
    git(tmp_path, "checkout", "-qb", "feature")
    put(tmp_path, {"edited.md": glued("edited-again"), "added.md": glued("added")})
    git(tmp_path, "rm", "-q", "deleted.md")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "edit")
    # The base branch moves on after the feature branch left it.
    git(tmp_path, "checkout", "-q", "main")
    put(tmp_path, {"main-only.md": glued("main-only-changed")})
    git(tmp_path, "commit", "-qam", "main moves")
    git(tmp_path, "checkout", "-q", "feature")
    # Not committed: an edit, a new file, a deletion, and a non-Markdown file.
    put(tmp_path, {"dirty.md": glued("dirty-now"), "untracked.md": glued("untracked")})
    put(tmp_path, {"notes.txt": "Growth slowed.The index fell.\n"})
    (tmp_path / "gone.md").unlink()
    run = newslint_run(
        tmp_path, "check", "--no-cache", "--output-format", "json", "--changed-since", "main"
    )
    assert [(d["path"], d["code"], d["line"], d["column"]) for d in run.json()] == [
        ("added.md", "TX004", 7, 14),
        ("dirty.md", "TX004", 7, 14),
        ("edited.md", "TX004", 7, 14),
        ("untracked.md", "TX004", 7, 14),
    ]
    assert run.rc == 0  # warnings only
    # Paths narrow it further.
    put(tmp_path, {"sub/new.md": glued("sub")})
    narrowed = newslint_run(
        tmp_path,
        "check",
        "--no-cache",
        "--output-format",
        "json",
        "--changed-since",
        "main",
        "sub",
    )
    assert [d["path"] for d in narrowed.json()] == ["sub/new.md"]


def test_changed_since_an_unknown_revision_is_exit_2(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    put(tmp_path, {"a.md": glued("a")})
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "a")
    run = newslint_run(tmp_path, "check", "--no-cache", "--changed-since", "no-such-branch")
    assert run.rc == 2
    assert "no-such-branch" in run.err
    assert run.out == ""


# --- gitlab and sarif: the parts CI reads -----------------------------------------------------

THREE_SEVERITIES = (
    "---\n"
    'title: "Budget 🎉 passes &amp; more"\n'  # TX003 (warning) after an emoji
    'date: "someday"\n'  # DT002 (error)
    'summary: "The parliament passed the budget on Tuesday after a long debate."\n'
    "---\n\n"
    "Growth slowed.The index fell.   \n"  # TX004 (warning), BD002 (info)
    "Growth slowed.The index fell.\n\n"  # the same TX004 again
    "[Reuters](https://www.reuters.com/world/budget)\n"
)


def test_gitlab_report_fields_and_severities(tmp_path: Path) -> None:
    """README: `description` (`CODE name: message`), `check_name` (the code), `severity` (error
    `major`, warning `minor`, info `info`), `location` (`path` from the git repository's root,
    and `lines`)."""
    git(tmp_path, "init", "-q")
    put(tmp_path, {"content/news/a.md": THREE_SEVERITIES})
    work = tmp_path / "content"
    checked = newslint_run(work, "check", "--no-cache", "--output-format", "json")
    report = newslint_run(work, "check", "--no-cache", "--output-format", "gitlab")
    assert report.rc == checked.rc == 1
    entries = json.loads(report.out)
    expected = [
        {
            "description": f"{d['code']} {d['rule']}: {d['message']}",
            "check_name": d["code"],
            "severity": {"error": "major", "warning": "minor", "info": "info"}[d["severity"]],
            "location": {
                "path": "content/" + d["path"],
                "lines": {"begin": d["line"], "end": d["end_line"]},
            },
        }
        for d in checked.json()
    ]
    assert [{k: v for k, v in e.items() if k != "fingerprint"} for e in entries] == expected
    assert {e["severity"] for e in entries} == {"major", "minor", "info"}
    # Two identical problems (the same glued sentence twice) are two entries, told apart.
    fingerprints = [e["fingerprint"] for e in entries]
    assert len(set(fingerprints)) == len(fingerprints)
    # CI_PROJECT_DIR, as GitLab sets it, is where the paths start.
    in_ci = newslint_run(
        work,
        "check",
        "--no-cache",
        "--output-format",
        "gitlab",
        env={"CI_PROJECT_DIR": str(work)},
    )
    assert [e["location"]["path"] for e in json.loads(in_ci.out)] == ["news/a.md" for _ in entries]


def test_gitlab_fingerprints_survive_lines_added_above(tmp_path: Path) -> None:
    """README: the fingerprint is "not of the line, so that a problem above which lines were
    added is not shown as fixed and new"."""
    git(tmp_path, "init", "-q")
    put(tmp_path, {"a.md": THREE_SEVERITIES})
    before = json.loads(newslint_run(tmp_path, "check", "--output-format", "gitlab").out)
    moved = THREE_SEVERITIES.replace("---\n\nGrowth", "---\n\nA new lead.\n\nGrowth")
    put(tmp_path, {"a.md": moved})
    after = json.loads(newslint_run(tmp_path, "check", "--output-format", "gitlab").out)
    assert [e["fingerprint"] for e in after] == [e["fingerprint"] for e in before]
    assert [e["location"]["lines"]["begin"] for e in after] == [
        e["location"]["lines"]["begin"] + (2 if e["location"]["lines"]["begin"] >= 7 else 0)
        for e in before
    ]


def test_sarif_fixes_are_replacements_in_utf16_columns_relative_to_the_repository(
    tmp_path: Path,
) -> None:
    """README: SARIF "fixes as replacements; columns in UTF-16 code units; file URIs relative to
    the git repository's root". The emoji before `&amp;` is one code point and two UTF-16 units."""
    git(tmp_path, "init", "-q")
    put(tmp_path, {"content/news/a.md": THREE_SEVERITIES})
    work = tmp_path / "content"
    checked = newslint_run(work, "check", "--no-cache", "--output-format", "json").json()
    log = json.loads(newslint_run(work, "check", "--no-cache", "--output-format", "sarif").out)
    (run,) = log["runs"]
    results = {r["ruleId"]: r for r in run["results"]}
    entity = results["TX003"]
    location = entity["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "content/news/a.md"
    tx003 = next(d for d in checked if d["code"] == "TX003")
    line, column = at(THREE_SEVERITIES, "&amp;")
    assert (tx003["line"], tx003["column"], tx003["end_column"]) == (line, column, column + 5)
    assert location["region"] == {
        "startLine": line,
        "startColumn": column + 1,
        "endLine": line,
        "endColumn": column + 6,
    }
    (fix,) = entity["fixes"]
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "content/news/a.md"
    assert change["replacements"] == [
        {
            "deletedRegion": {
                "startLine": line,
                "startColumn": column + 1,
                "endLine": line,
                "endColumn": column + 6,
            },
            "insertedContent": {"text": "&"},
        }
    ]
    # A problem without a fix has no `fixes`, or an empty list.
    assert not results["DT002"].get("fixes")


# --- the site: where its configuration is, and when the Mainroad preset is on --------------------

SIDEBAR_CASE = (
    "---\n"
    'title: "Budget passes"\n'
    "date: 2025-02-08 09:55:35\n"
    'summary: "The parliament passed the budget on Tuesday after a long debate."\n'
    'sidebar: "Left"\n'
    "---\n\nThe parliament passed the budget on Tuesday.\n\n" + SOURCE
)


@pytest.mark.parametrize(
    ("config_file", "config", "mainroad"),
    [
        ("hugo.toml", 'theme = "mainroad"\n', True),
        ("hugo.toml", 'theme = ["mainroad"]\n', True),
        ("hugo.toml", 'theme = ["hugo-theme-mainroad"]\n', True),
        ("hugo.toml", 'theme = "Mainroad"\n', True),
        ("hugo.toml", '[[module.imports]]\npath = "github.com/Vimux/Mainroad"\n', True),
        ("hugo.toml", 'theme = "papermod"\n', False),
        ("hugo.toml", "", False),
        ("hugo.yaml", "theme: mainroad\n", True),
        ("hugo.json", '{"theme": "mainroad"}\n', True),
        ("config.toml", 'theme = "mainroad"\n', True),
        ("config.yaml", "theme: mainroad\n", True),
        ("config/_default/hugo.toml", 'theme = "mainroad"\n', True),
        ("config/_default/config.yaml", "theme: mainroad\n", True),
    ],
)
def test_the_site_is_found_in_each_configuration_file_and_mainroad_follows_its_theme(
    tmp_path: Path, config_file: str, config: str, mainroad: bool
) -> None:
    """DESIGN: the site root is "the nearest `hugo.toml|yaml|json` or `config.toml|yaml|json`, also
    `config/_default/`"; the `mainroad` preset is "on when the site's theme is Mainroad". The
    site's `timeZone` makes date-format's fix safe (no site: unsafe, UTC assumed)."""
    if config_file.endswith(".json"):
        body = config.replace("{", '{"timeZone": "Asia/Tokyo", ', 1)
    elif config_file.endswith(".yaml"):
        body = "timeZone: Asia/Tokyo\n" + config
    else:
        body = 'timeZone = "Asia/Tokyo"\n' + config
    put(tmp_path, {config_file: body, "content/news/a.md": SIDEBAR_CASE})
    found = newslint_run(tmp_path, "check", "--no-cache", "--output-format", "json").json()
    rows = [(d["code"], d["line"], d["column"], d["fix"]["applicability"]) for d in found]
    expected = [("DT001", 3, 7, "safe")] + ([("TH001", 5, 10, "safe")] if mainroad else [])
    assert rows == expected
    assert found[0]["fix"]["edits"][0]["content"] == "2025-02-08T09:55:35+09:00"


def test_the_nearest_site_configuration_wins(tmp_path: Path) -> None:
    """A site inside another folder that has one (a monorepo of sites): the nearest is the site."""
    put(
        tmp_path,
        {
            "hugo.toml": 'timeZone = "America/New_York"\n',
            "sites/tokyo/hugo.toml": 'timeZone = "Asia/Tokyo"\ntheme = "mainroad"\n',
            "sites/tokyo/content/a.md": SIDEBAR_CASE,
        },
    )
    found = newslint_run(
        tmp_path, "check", "--no-cache", "--output-format", "json", "sites/tokyo/content"
    ).json()
    assert [(d["code"], d["fix"]["edits"][0]["content"]) for d in found] == [
        ("DT001", "2025-02-08T09:55:35+09:00"),
        ("TH001", '"left"'),
    ]


def test_without_a_site_the_mainroad_preset_uses_the_built_in_widget_list(tmp_path: Path) -> None:
    """DESIGN: "Without a site, built-in defaults apply (UTC, the Mainroad widget list)"."""
    text = SIDEBAR_CASE.replace(
        'sidebar: "Left"\n', "widgets:\n  - categories\n  - taglist\n  - recnet\n"
    )
    put(tmp_path, {"a.md": text, "newslint.toml": 'presets = ["hugo", "news", "mainroad"]\n'})
    found = newslint_run(tmp_path, "check", "--no-cache", "--output-format", "json").json()
    rows = [(d["code"], d["line"], d["column"], d["severity"]) for d in found]
    assert rows == [("DT001", 3, 7, "warning"), ("TH002", 8, 5, "error")]
    assert found[0]["fix"]["applicability"] == "unsafe"  # UTC assumed
    assert found[0]["fix"]["edits"][0]["content"] == "2025-02-08T09:55:35Z"
    widget = found[1]["fix"]
    assert widget["applicability"] == "unsafe"  # closest known name
    assert widget["edits"][0]["content"] == "recent"


def test_the_built_in_rules_load_through_the_entry_point_group() -> None:
    """DESIGN: rules are "loaded through the entry-point group `newslint.rules` (the built-ins
    register there like any plugin)"."""
    from importlib.metadata import entry_points

    builtins = [e for e in entry_points(group="newslint.rules") if e.value == "newslint.rules"]
    assert len(builtins) == 1


# --- configuration values -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "text", "message"),
    [
        (
            "newslint.toml",
            'source-field = ""\n',
            'newslint: error: newslint.toml: source-field: expected a front-matter key, got ""\n',
        ),
        (
            "pyproject.toml",
            '[tool.newslint]\nsource-field = "  "\n',
            "newslint: error: pyproject.toml: tool.newslint.source-field:"
            ' expected a front-matter key, got "  "\n',
        ),
        (
            "newslint.toml",
            '[per-file-ignores]\n"a.md" = ["XX999"]\n',
            'newslint: error: newslint.toml: per-file-ignores."a.md"[0]: unknown rule or prefix'
            " 'XX999'\n",
        ),
        (
            "newslint.toml",
            "[rules.summary-length]\nmin = 500\n",
            "newslint: error: newslint.toml: rules.summary-length: min (500) is more than max"
            " (300)\n",
        ),
    ],
)
def test_a_bad_value_exits_2_naming_its_key(
    tmp_path: Path, file: str, text: str, message: str
) -> None:
    """DESIGN: "Unknown keys and bad values exit 2 naming the key". An empty `source-field` used to
    be taken silently as the default `source`."""
    put(tmp_path, {file: text, "a.md": article("Text.\n")})
    run = newslint_run(tmp_path, "check", "--no-cache", "a.md")
    assert (run.rc, run.out, run.err) == (2, "", message)


# --- link-insecure: safe once the link check saw https work --------------------------------------
#
# A real https check without the internet: the link checker goes through a proxy (README: proxies
# "come from the environment as for curl"; `SSL_CERT_FILE` names "the certificates to trust"). The
# proxy answers plain http itself, and for `CONNECT www.example.org:443` plays that site with a
# certificate of a test authority; it refuses a tunnel to any other host.


@pytest.fixture(scope="module")
def authority(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A test certificate authority (ca.crt) and its certificate for www.example.org."""
    import shutil

    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")

    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True)

    openssl(
        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt",
        "-days", "2", "-subj", "/CN=newslint peer test CA",
        "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign",
    )  # fmt: skip
    openssl(
        "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "site.key", "-out", "site.csr",
        "-subj", "/CN=www.example.org",
    )  # fmt: skip
    (folder / "site.ext").write_text(
        "subjectAltName=DNS:www.example.org\nbasicConstraints=CA:FALSE\n"
        "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n"
        "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n",
        encoding="utf-8",
    )
    openssl(
        "x509", "-req", "-in", "site.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
        "-CAcreateserial", "-out", "site.crt", "-days", "2", "-extfile", "site.ext",
    )  # fmt: skip
    return folder


class _Site(BaseHTTPRequestHandler):
    """www.example.org over https, inside the proxy's tunnel: every page is there."""

    def log_message(self, *args: object) -> None:
        pass

    def _answer(self) -> None:
        server = self.server
        assert isinstance(server, _Proxy)
        with server.lock:
            server.seen.append(f"https {self.command} {self.headers.get('Host')}{self.path}")
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "2")
        self.end_headers()
        if self.command == "GET":
            self.wfile.write(b"ok")

    do_GET = _answer
    do_HEAD = _answer


class _ProxyHandler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_CONNECT(self) -> None:
        server = self.server
        assert isinstance(server, _Proxy)
        with server.lock:
            server.seen.append(f"CONNECT {self.path}")
        if self.path != "www.example.org:443":
            self.send_response(502)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200, "Connection established")
        self.end_headers()
        self.wfile.flush()
        tunnel = server.tls.wrap_socket(self.connection, server_side=True)
        _Site(tunnel, self.client_address, server)
        self.close_connection = True

    def _plain(self) -> None:
        server = self.server
        assert isinstance(server, _Proxy)
        with server.lock:
            server.seen.append(f"http {self.command} {self.path}")
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        if self.command == "GET":
            self.wfile.write(b"ok")

    do_GET = _plain
    do_HEAD = _plain


class _Proxy(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, authority: Path) -> None:
        import ssl

        super().__init__(("127.0.0.1", 0), _ProxyHandler)
        self.tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.tls.load_cert_chain(authority / "site.crt", authority / "site.key")
        self.seen: list[str] = []
        self.lock = threading.Lock()

    def env(self, authority: Path) -> dict[str, str]:
        address = f"http://127.0.0.1:{self.server_address[1]}"
        return {
            "HTTP_PROXY": address,
            "HTTPS_PROXY": address,
            "SSL_CERT_FILE": str(authority / "ca.crt"),
        }


@pytest.fixture
def proxy(authority: Path) -> Iterator[_Proxy]:
    server = _Proxy(authority)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


INSECURE = article(
    "See [the bill](http://www.example.org/bill) and [the vote](http://insecure.example.net/vote).\n"
)


def insecure_rows(run: Run) -> list[tuple[int, int, int, str]]:
    return [
        (d["line"], d["column"], d["end_column"], d["fix"]["applicability"])
        for d in run.json()
        if d["code"] == "LK004"
    ]


def test_link_insecure_is_safe_where_the_check_saw_https_answer(
    proxy: _Proxy, authority: Path, tmp_path: Path
) -> None:
    """DESIGN, LK004: "unsafe: https (safe once a link check saw https work)"."""
    put(tmp_path, {"newslint.toml": NO_SOURCE_CHECK, "a.md": INSECURE})
    bill = at(INSECURE, "http://www.example.org")
    vote = at(INSECURE, "http://insecure.example.net")
    # Reported at the `http://` of each URL.
    expected_spans = [(bill[0], bill[1], bill[1] + 7), (vote[0], vote[1], vote[1] + 7)]
    unchecked = newslint_run(tmp_path, "check", "--no-cache", "--output-format", "json", "a.md")
    assert insecure_rows(unchecked) == [(*span, "unsafe") for span in expected_spans]
    assert proxy.seen == []
    checked = check_links(tmp_path, "a.md", env=proxy.env(authority))
    assert insecure_rows(checked) == [
        (*expected_spans[0], "safe"),
        (*expected_spans[1], "unsafe"),
    ]
    assert "https HEAD www.example.org/bill" in proxy.seen or (
        "https GET www.example.org/bill" in proxy.seen
    )
    (fix,) = [d["fix"] for d in checked.json() if d["fix"]["applicability"] == "safe"]
    assert fix["edits"] == [
        {
            "line": bill[0],
            "column": bill[1],
            "end_line": bill[0],
            "end_column": bill[1] + 4,
            "content": "https",
        }
    ]


def test_fix_check_links_writes_https_where_it_answered(
    proxy: _Proxy, authority: Path, tmp_path: Path
) -> None:
    put(tmp_path, {"newslint.toml": NO_SOURCE_CHECK, "a.md": INSECURE})
    unchecked = newslint_run(tmp_path, "fix", "--no-cache", "a.md")
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == INSECURE
    assert unchecked.rc == 0
    fixed = newslint_run(
        tmp_path, "fix", "--check-links", "--no-cache", "a.md", env=proxy.env(authority)
    )
    assert fixed.rc == 0
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == INSECURE.replace(
        "http://www.example.org", "https://www.example.org"
    )


# --- the `lead` field: DESIGN names it beside title and summary for TX003, TX004 and TX005 ----------


def lead_article(lead_lines: str) -> str:
    return (
        "---\n"
        'title: "Budget passes"\n'
        "date: 2025-02-08T09:55:35+08:00\n"
        'summary: "The parliament passed the budget on Tuesday after a long debate."\n'
        + lead_lines
        + "---\n\nThe parliament passed the budget on Tuesday.\n\n"
        + SOURCE
    )


@pytest.mark.parametrize(
    ("lead", "needle", "code", "length", "content"),
    [
        ('lead: "Tom &amp; Jerry met the minister."\n', "&amp;", "TX003", 5, "&"),
        ('lead: "Tom met the minister.Then he left."\n', ".Then", "TX004", 1, None),
        ('lead: "Tom met  the minister."\n', "  ", "TX005", 2, " "),
        ('lead: "Tom met\u00a0the minister."\n', "\u00a0", "TX005", 1, " "),
        # Hugo 0.150+ reads a custom key under `params` as the page's `.Params.lead`.
        ('params:\n  lead: "Tom &#39;s minister."\n', "&#39;", "TX003", 5, "'"),
    ],
)
def test_text_rules_check_the_lead_field(
    lead: str, needle: str, code: str, length: int, content: str | None
) -> None:
    text = lead_article(lead)
    found = newslint.check_text(text, path="a.md")
    line, column = at(text, needle)
    assert [(d.code, d.line, d.column, d.end_column) for d in found] == [
        (code, line, column, column + length)
    ]
    (fix,) = [d.to_json()["fix"] for d in found]
    assert fix["applicability"] == "safe"
    fixed, remaining = newslint.fix_text(text, path="a.md")
    assert remaining == []
    if content is not None:
        assert fix["edits"][0]["content"] == content
        assert fixed == text[: text.index(needle)] + content + text[text.index(needle) + length :]
    else:  # sentence-spacing inserts a space after the full stop
        assert fixed == text.replace(needle, ". Then")


# --- date-order: "lastmod before date; expiryDate not after publishDate/date" ---------------------


@pytest.mark.parametrize(
    ("extra", "needle"),
    [
        # Not after publishDate, though after date: the page would never be shown.
        (
            "publishDate: 2025-02-10T00:00:00+08:00\nexpiryDate: 2025-02-09T00:00:00+08:00\n",
            "2025-02-09T00:00:00+08:00",
        ),
        # Equal is "not after".
        (
            "publishDate: 2025-02-10T00:00:00+08:00\nexpiryDate: 2025-02-10T00:00:00+08:00\n",
            "2025-02-10T00:00:00+08:00\n",
        ),
        ("expiryDate: 2025-02-08T09:55:35+08:00\n", "2025-02-08T09:55:35+08:00\n"),
        # The same instant as date, written in another offset.
        ("expiryDate: 2025-02-08T01:55:35Z\n", "2025-02-08T01:55:35Z"),
        # One second before date, in another offset.
        ("lastmod: 2025-02-08T01:55:34Z\n", "2025-02-08T01:55:34Z"),
        # Near misses: lastmod at the same instant, expiry one second after.
        ("lastmod: 2025-02-08T01:55:35Z\n", None),
        ("expiryDate: 2025-02-08T09:55:36+08:00\n", None),
        ("publishDate: 2025-02-07T00:00:00Z\nexpiryDate: 2025-02-08T09:55:36+08:00\n", None),
    ],
)
def test_date_order_compares_instants(extra: str, needle: str | None) -> None:
    text = lead_article(extra)
    found = newslint.check_text(text, path="a.md", select=["DT"])
    if needle is None:
        assert found == []
        return
    value = needle.rstrip("\n")
    index = text.rindex(needle)
    line = text.count("\n", 0, index) + 1
    column = index - text.rfind("\n", 0, index)
    assert [(d.code, d.severity.label, d.line, d.column, d.end_column, d.fix) for d in found] == [
        ("DT004", "warning", line, column, column + len(value), None)
    ]


def test_a_walk_takes_the_files_hugo_reads_as_markdown(tmp_path: Path) -> None:
    """README: "A folder is walked for Markdown files". hugo 0.168 makes a Markdown page of
    `.md`, `.markdown`, `.mdown` and `.MD`; `.mkd` it copies as a file, and `.txt`, `.adoc`,
    `.html` are no Markdown (checked with the hugo binary)."""
    names = ("a.md", "b.markdown", "c.mdown", "d.MD", "e.mkd", "f.txt", "g.adoc", "h.html")
    put(tmp_path, {name: glued(name.replace(".", "-")) for name in names})
    run = newslint_run(
        tmp_path, "check", "--no-cache", "--output-format", "json", "--select", "TX004", "."
    )
    assert [(d["path"], d["line"], d["column"]) for d in run.json()] == [
        ("a.md", 7, 14),
        ("b.markdown", 7, 14),
        ("c.mdown", 7, 14),
        ("d.MD", 7, 14),
    ]


def test_a_walk_leaves_out_what_git_info_exclude_ignores(tmp_path: Path) -> None:
    """README: a walk leaves out what `.gitignore` does; ruff's walk (and git) also honour the
    repository's `.git/info/exclude`, where a clone keeps its own ignores. The .gitignore files
    win over it, as in git; a file named on the command line is linted whatever its name."""
    git(tmp_path, "init", "-q", "-b", "main")
    put(tmp_path, {n: glued(n.replace("/", "-")) for n in ("a.md", "scratch.md", "notes/b.md")})
    put(tmp_path, {"notes/keep.md": glued("keep"), "notes/.gitignore": "!keep.md\n"})
    (tmp_path / ".git" / "info").mkdir(exist_ok=True)
    (tmp_path / ".git" / "info" / "exclude").write_text(
        "# local\nscratch.md\nnotes/*.md\n", encoding="utf-8"
    )

    def walked(cwd: Path, *paths: str) -> list[str]:
        run = newslint_run(
            cwd, "check", "--no-cache", "--output-format", "json", "--select", "TX004", *paths
        )
        return [d["path"] for d in run.json()]

    assert walked(tmp_path, ".") == ["a.md", "notes/keep.md"]
    assert walked(tmp_path / "notes", ".") == ["keep.md"]
    assert walked(tmp_path, "scratch.md") == ["scratch.md"]
    # A linked work tree keeps its ignores in the main repository's git directory.
    git(tmp_path, "add", "a.md", "notes/keep.md", "notes/.gitignore")
    git(tmp_path, "commit", "-qm", "articles")
    git(tmp_path, "worktree", "add", "-q", str(tmp_path / "linked"), "-b", "linked")
    put(tmp_path / "linked", {"scratch.md": glued("scratch"), "notes/b.md": glued("b")})
    assert walked(tmp_path / "linked", ".") == ["a.md", "notes/keep.md"]
