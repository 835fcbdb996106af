"""LK007 link-redirect: permanent redirects from a real server on 127.0.0.1, with the unsafe fix."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newslint.fixes import Applicability, apply_fixes
from newslint.testing import fm
from tests.linkserver import LinkServer, link_server, lint_links, without_proxies


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[LinkServer]:
    without_proxies(monkeypatch)
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    with link_server() as running:
        yield running


def test_permanent_redirect_with_the_final_url_as_an_unsafe_fix(
    server: LinkServer, tmp_path: Path
) -> None:
    moved, ok = server.url("/moved"), server.url("/ok")
    text = fm(body=f"Read [it]({moved}).\n")
    (found,) = lint_links(tmp_path, {"a.md": text})
    assert found.to_json() == {
        "path": "a.md",
        "rule": "link-redirect",
        "code": "LK007",
        "severity": "info",
        "message": f"link permanently redirects to {ok}",
        "line": 4,
        "column": 11,
        "end_line": 4,
        "end_column": 11 + len(moved),
        "fix": {
            "applicability": "unsafe",
            "title": "Link to the redirect target",
            "edits": [
                {
                    "line": 4,
                    "column": 11,
                    "end_line": 4,
                    "end_column": 11 + len(moved),
                    "content": ok,
                }
            ],
        },
    }
    assert found.fix is not None and found.fix.applicability is Applicability.UNSAFE
    assert apply_fixes(text, [found.fix])[0] == fm(body=f"Read [it]({ok}).\n")


def test_every_occurrence_gets_its_own_fix(server: LinkServer, tmp_path: Path) -> None:
    moved, ok = server.url("/moved-308"), server.url("/ok")
    texts = {
        "a.md": fm(body=f"[one]({moved}) and [two]({moved})\n"),
        "b.md": fm(body="Body.\n", source=moved),
    }
    found = lint_links(tmp_path, texts)
    assert [(d.path, d.line, d.column) for d in found] == [
        ("a.md", 4, 7),
        (
            "a.md",
            4,
            7 + len(moved) + len(") and [two]("),
        ),
        ("b.md", 2, 10),
    ]
    for path, text in texts.items():
        fixes = [d.fix for d in found if d.path == path and d.fix is not None]
        assert apply_fixes(text, fixes)[0] == text.replace(moved, ok)
    assert server.counts[("HEAD", "/moved-308")] == 1


def test_target_is_where_the_permanent_hops_lead(server: LinkServer, tmp_path: Path) -> None:
    text = fm(body=f"[x]({server.url('/moved-then-found')})\n")
    (found,) = lint_links(tmp_path, {"a.md": text})
    assert found.message == f"link permanently redirects to {server.url('/found')}"


def test_temporary_redirects_are_fine(server: LinkServer, tmp_path: Path) -> None:
    body = f"[a]({server.url('/found')}) [b]({server.url('/temporary')})\n"
    assert lint_links(tmp_path, {"a.md": fm(body=body)}) == []


def test_a_reference_link_is_reported_and_fixed_at_its_definition(
    server: LinkServer, tmp_path: Path
) -> None:
    moved = server.url("/moved")
    text = fm(body=f"A [reference][r] and [another][r].\n\n[r]: {moved}\n")
    (found,) = lint_links(tmp_path, {"a.md": text})
    assert (found.line, found.column, found.end_column) == (6, 6, 6 + len(moved))
    assert found.fix is not None
    assert [edit.content for edit in found.fix.edits] == [server.url("/ok")]


def test_no_fix_where_the_written_url_is_not_the_link_target(
    server: LinkServer, tmp_path: Path
) -> None:
    # A definition inside a quote is not placed: the link is reported where it is used.
    moved = server.url("/moved")
    text = fm(body=f"> A [reference][r].\n>\n> [r]: {moved}\n")
    (found,) = lint_links(tmp_path, {"a.md": text})
    assert (found.line, found.column, found.fix) == (4, 5, None)


def test_a_redirect_to_a_broken_page_is_link_broken_only(
    server: LinkServer, tmp_path: Path
) -> None:
    text = fm(body=f"[x]({server.url('/moved-to-missing')})\n")
    assert [d.code for d in lint_links(tmp_path, {"a.md": text})] == ["LK006"]
