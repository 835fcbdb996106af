"""LK006 link-broken: results of a real check against a server on 127.0.0.1, on every occurrence."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from newslint.config import parse_config
from newslint.document import Document
from newslint.engine import build_ruleset, run_rules
from newslint.linkcheck import LinkUse
from newslint.rule import Severity
from newslint.rules.link_broken import LinkBroken
from newslint.testing import fm
from tests.linkserver import LinkServer, link_server, lint_links, without_proxies


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[LinkServer]:
    without_proxies(monkeypatch)
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    with link_server() as running:
        yield running


def rows(diagnostics: list) -> list[tuple[str, str, int, int, str, str]]:
    return [(d.path, d.code, d.line, d.column, d.severity.label, d.message) for d in diagnostics]


def test_every_occurrence_is_reported_and_the_url_fetched_once(
    server: LinkServer, tmp_path: Path
) -> None:
    missing = server.url("/missing")
    files = {
        "a.md": fm(body=f"See [the report]({missing}).\n\n[source]({server.url('/ok')})\n"),
        "b.md": fm(body=f"Again: <{missing}>\n", source=missing),
    }
    found = lint_links(tmp_path, files)
    message = "link is broken: not found (404)"
    assert rows(found) == [
        ("a.md", "LK006", 4, 18, "error", message),
        ("b.md", "LK006", 2, 10, "error", message),
        ("b.md", "LK006", 5, 9, "error", message),
    ]
    assert server.counts[("HEAD", "/missing")] == 1  # then one GET, as HEAD got an error status
    assert server.counts[("HEAD", "/ok")] == 1


def test_doubtful_failures_are_warnings_with_the_reason(server: LinkServer, tmp_path: Path) -> None:
    forbidden, limited = server.url("/forbidden"), server.url("/rate-limited")
    line = f"[x]({forbidden}) and [y]({limited})\n"
    assert rows(lint_links(tmp_path, {"a.md": fm(body=line)})) == [
        (
            "a.md",
            "LK006",
            4,
            5,
            "warning",
            "link may be broken: blocked, possibly a bot wall (403)",
        ),
        (
            "a.md",
            "LK006",
            4,
            line.index(limited) + 1,
            "warning",
            "link may be broken: rate limited (429)",
        ),
    ]


def test_a_host_that_is_not_there_is_an_error(server: LinkServer, tmp_path: Path) -> None:
    # Nothing listens on a port just released; a `.invalid` name never resolves (RFC 6761), so
    # the lookup fails on this machine without asking any outside server.
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    refused, unknown = f"http://127.0.0.1:{port}/a", "https://no-such-host.invalid/a"
    line = f"[x]({refused}) and [y]({unknown})\n"
    assert rows(lint_links(tmp_path, {"a.md": fm(body=line)}, {"retries": 1})) == [
        ("a.md", "LK006", 4, 5, "error", "link is broken: connection refused after 2 tries"),
        ("a.md", "LK006", 4, line.index(unknown) + 1, "error", "link is broken: host not found"),
    ]


def test_working_links_and_redirects_are_not_reported(server: LinkServer, tmp_path: Path) -> None:
    body = "".join(
        f"[{p}]({server.url(p)})\n" for p in ("/ok", "/found", "/moved", "/head-refused")
    )
    assert [d.code for d in lint_links(tmp_path, {"a.md": fm(body=body)})] == ["LK007"]


def test_a_second_run_is_served_by_the_cache(server: LinkServer, tmp_path: Path) -> None:
    files = {"a.md": fm(body=f"[x]({server.url('/gone')})\n")}
    first = lint_links(tmp_path, files)
    requests = server.total()
    second = lint_links(tmp_path, files)
    assert (
        rows(second)
        == rows(first)
        == [("a.md", "LK006", 4, 5, "error", "link is broken: gone (410)")]
    )
    assert server.total() == requests
    assert (tmp_path / ".newslint_cache" / "links" / "links.json").is_file()


def test_no_cache_fetches_again(server: LinkServer, tmp_path: Path) -> None:
    files = {"a.md": fm(body=f"[x]({server.url('/ok')})\n")}
    lint_links(tmp_path, files, use_cache=False)
    lint_links(tmp_path, files, use_cache=False)
    assert server.hits("/ok") == 2


def test_nothing_is_fetched_unless_links_are_checked(server: LinkServer, tmp_path: Path) -> None:
    files = {"a.md": fm(body=f"[x]({server.url('/missing')})\n")}
    assert lint_links(tmp_path, files, {"check": False}) == []
    assert lint_links(tmp_path, files, offline=True) == []
    assert server.total() == 0


def test_only_source_checks_the_source_link_and_field(server: LinkServer, tmp_path: Path) -> None:
    body = f"Body [link]({server.url('/missing')}).\n\n[source]({server.url('/gone')})\n"
    files = {
        "a.md": fm(body=body, source=server.url("/error")),
        "b.md": fm(body=f"[not last]({server.url('/login')})\n\nThe end.\n"),
    }
    found = lint_links(tmp_path, files, {"only-source": True})
    assert [(d.path, d.line, d.message) for d in found] == [
        ("a.md", 2, "link may be broken: server error (500)"),
        ("a.md", 7, "link is broken: gone (410)"),
    ]
    assert server.hits("/missing") == server.hits("/login") == 0


def test_only_source_checks_a_labelled_source_link(server: LinkServer, tmp_path: Path) -> None:
    # `Source: [name](url)` on the last line is the source link; the other link is not checked.
    body = f"Body [link]({server.url('/missing')}).\n\nSource: [Example]({server.url('/gone')}).\n"
    found = lint_links(tmp_path, {"a.md": fm(body=body)}, {"only-source": True})
    assert [(d.path, d.line, d.column, d.message) for d in found] == [
        ("a.md", 6, 19, "link is broken: gone (410)"),
    ]
    assert server.hits("/missing") == 0


def test_configured_severity_applies_to_broken_links(server: LinkServer, tmp_path: Path) -> None:
    files = {"a.md": fm(body=f"[x]({server.url('/missing')})\n")}
    config = {"rules": {"link-broken": {"severity": "warning"}}}
    assert [d.severity for d in lint_links(tmp_path, files, config=config)] == [Severity.WARNING]


def _collected(text: str, config: dict | None = None) -> list[LinkUse]:
    parsed = parse_config({"links": {"check": True}, **(config or {})})
    ruleset = build_ruleset(parsed, rule_classes=[LinkBroken], select=["LK006"])
    doc = Document.from_text(text, "a.md")
    _, crashes, collected = run_rules(doc, ruleset.rules, parsed)
    assert not crashes
    return collected["link-broken"].data if "link-broken" in collected else []


def test_what_is_recorded_during_the_walk() -> None:
    text = fm(
        body=(
            "An ![image](https://img.example/a.png), a [reference][r], <https://auto.example/p>,\n"
            "[relative](/a), [mail](mailto:a@b.c) and [entity](https://x.example/?a=1&amp;b=2).\n\n"
            "[r]: https://ref.example/page\n"
        ),
        title="T",
        source="https://src.example/a",
    )
    found = [(u.url, u.line, u.column, u.end_column, u.replaceable) for u in _collected(text)]
    assert found == [
        ("https://src.example/a", 3, 10, 31, True),
        ("https://img.example/a.png", 6, 13, 38, True),
        ("https://ref.example/page", 9, 6, 30, True),  # in its definition, where it is written
        ("https://auto.example/p", 6, 60, 82, True),
        ("https://x.example/?a=1&b=2", 7, 51, 81, True),  # written with &amp;: still its span
    ]


def test_links_in_code_and_other_schemes_are_not_recorded() -> None:
    text = fm(
        body=(
            "Code `[a](https://code.example/a)` and `https://code.example/b`.\n\n"
            "```\n[c](https://code.example/c)\n```\n\n"
            "    [d](https://code.example/d)\n\n"
            "[tel](tel:+123) [ftp](ftp://files.example/x) [page](page.md) [top](#top)\n"
        ),
        title="T",
    )
    assert _collected(text) == []


def test_a_url_holding_a_shortcode_call_is_not_recorded() -> None:
    """Its address is made at build time (`https://x.org/{{% param "id" %}}/p` was fetched as
    `https://x.org/{{%`, cut at the call's first space)."""
    text = fm(
        body='[a](https://x.org/{{% param "id" %}}/p) [b](https://x.org/{{<p>}}) [c](https://x.org/c)\n',
        title="T",
    )
    found = [(u.url, u.line, u.column) for u in _collected(text)]
    assert found == [("https://x.org/c", 5, 72)]


def test_nothing_is_recorded_when_links_are_not_checked() -> None:
    text = fm(body="See [a](https://example.com/a).\n")
    assert _collected(text, {"links": {"check": False}}) == []


def test_nothing_is_recorded_without_http_links() -> None:
    assert _collected(fm(body="No links here, only [a relative one](/x).\n")) == []


def test_each_source_the_page_takes_is_checked(server: LinkServer, tmp_path: Path) -> None:
    # Each URL of a source list; under `params` the page's source (hugo 0.168), over a top-level
    # one, which is then read by nothing and not fetched.
    missing, gone = server.url("/missing"), server.url("/gone")
    listed = f"---\nsource:\n  - {server.url('/ok')}\n  - {missing}\n---\n\nBody.\n"
    nested = f"---\nsource: {gone}\nparams:\n  source: [{missing}]\n---\n\nBody.\n"
    found = lint_links(tmp_path, {"a.md": listed, "b.md": nested})
    message = "link is broken: not found (404)"
    assert rows(found) == [
        ("a.md", "LK006", 4, 5, "error", message),
        ("b.md", "LK006", 4, 12, "error", message),
    ]
    assert ("HEAD", "/gone") not in server.counts
