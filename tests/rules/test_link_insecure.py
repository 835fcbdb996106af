from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from newslint import check_text
from newslint.cli import main
from newslint.rules.link_insecure import LinkInsecure
from newslint.site import Site
from newslint.testing import Case, assert_case, fm

CASES = [
    Case("https", fm(body="[a](https://a.org/x) <https://b.org>\n")),
    Case(
        "http-link-and-image",
        fm(body="[bioon](http://news.bioon.com/a.html) and ![x](HTTP://img.org/a.png)\n"),
        errors=[("http", 4, 9), ("http", 4, 48)],
        unsafe_fixed=fm(
            body="[bioon](https://news.bioon.com/a.html) and ![x](https://img.org/a.png)\n"
        ),
    ),
    Case(
        # The reader would still see `http://` with only the target rewritten.
        "a-link-showing-its-url-is-rewritten-where-it-shows-it",
        fm(body="See [http://a.org/x](http://a.org/x) or [HTTP://a.org](http://a.org/).\n"),
        errors=[("http", 4, 22), ("http", 4, 56)],
        unsafe_fixed=fm(
            body="See [https://a.org/x](https://a.org/x) or [HTTP://a.org](https://a.org/).\n"
        ),
    ),
    Case(
        # Hugo passes a shortcode's address on as written: `figure` writes `<img src>` and
        # `<a href>` with `http://`, a site's own `img` shortcode likewise; a caption is no address.
        "shortcode-address-arguments",
        fm(
            body=(
                '{{< figure src="http://img.org/a.jpg" link="https://a.org/" caption="a.org" >}}\n\n'
                '{{< img src="http://img.org/b.jpg" >}}\n'
            )
        ),
        errors=[("http", 4, 17), ("http", 6, 14)],
        unsafe_fixed=fm(
            body=(
                '{{< figure src="https://img.org/a.jpg" link="https://a.org/" caption="a.org" >}}\n\n'
                '{{< img src="https://img.org/b.jpg" >}}\n'
            )
        ),
    ),
    Case(
        "autolink",
        fm(body="See <http://a.org/x>.\n"),
        errors=[("http", 4, 6)],
        unsafe_fixed=fm(body="See <https://a.org/x>.\n"),
    ),
    Case(
        "reference-definition-once",
        fm(body="[go][] and [Go][go].\n\n[go]: http://golang.org/\n"),
        errors=[("http", 6, 7)],
        unsafe_fixed=fm(body="[go][] and [Go][go].\n\n[go]: https://golang.org/\n"),
    ),
    Case(
        "local-and-reserved-hosts",
        fm(
            body=(
                "[a](http://localhost:1313/) [b](http://127.0.0.1/) [c](http://192.168.1.2/) "
                "[d](http://x.example/) [e](http://a.test/) [f](http://my.local/) "
                "[g](http://wiki/) [h](http://[::1]:8080/)\n"
            )
        ),
    ),
    Case(
        # The documentation domains resolve and serve https: nothing local about them.
        "example-domains-are-public",
        fm(body="[d](http://example.com/) [e](http://www.example.org/a)\n"),
        errors=[("http", 4, 5), ("http", 4, 30)],
        unsafe_fixed=fm(body="[d](https://example.com/) [e](https://www.example.org/a)\n"),
    ),
    Case(
        # https on the same explicit port would be another service: reported, no fix.
        "explicit-port-no-fix",
        fm(body="[a](http://radio.org:8000/live) [b](http://a.org:80/x)\n"),
        errors=[("http", 4, 5), ("http", 4, 37)],
    ),
    Case("in-code", fm(body="`[a](http://a.org)`\n\n    [b](http://b.org)\n")),
    # Hugo's Goldmark links a bare URL (Linkify), unless the site turns that off.
    Case(
        "bare-url-is-a-link",
        fm(body="Go to http://a.org now.\n"),
        errors=[("http", 4, 7)],
        unsafe_fixed=fm(body="Go to https://a.org now.\n"),
    ),
    Case("onion-and-i2p", fm(body="[t](http://abc.onion/x) and http://abcd.b32.i2p/ too.\n")),
    Case(
        "bare-url-without-linkify",
        fm(body="Go to http://a.org now.\n"),
        site=Site(raw={"markup": {"goldmark": {"extensions": {"linkify": False}}}}),
    ),
    Case(
        "source-field",
        fm(source="http://www.reuters.com/a"),
        errors=[("http", 2, 10)],
        unsafe_fixed=fm(source="https://www.reuters.com/a"),
    ),
    Case(
        "cjk-link-text",
        fm(body="[生物谷](http://news.bioon.com/a.html)\n"),
        errors=[("http", 4, 7)],
        unsafe_fixed=fm(body="[生物谷](https://news.bioon.com/a.html)\n"),
    ),
    Case(
        "crlf",
        "---\r\ntitle: x\r\n---\r\n\r\n[a](http://a.org/)\r\n",
        errors=[("http", 5, 5)],
        unsafe_fixed="---\r\ntitle: x\r\n---\r\n\r\n[a](https://a.org/)\r\n",
    ),
    Case(
        "toml-source-field",
        '+++\nsource = "http://a.org/x"\n+++\nBody.\n',
        errors=[("http", 2, 11)],
        unsafe_fixed='+++\nsource = "https://a.org/x"\n+++\nBody.\n',
    ),
    Case(
        "capitalised-source-field",
        fm(Source="http://www.reuters.com/a"),
        errors=[("http", 2, 10)],
        unsafe_fixed=fm(Source="https://www.reuters.com/a"),
    ),
    # PHP's json_encode escapes every slash: the scheme is reported as written (`http:\/\/`) and
    # the fix still rewrites its four letters.
    Case(
        "json-source-field-with-escaped-slashes",
        '{"source": "http:\\/\\/a.org\\/x"}\nBody.\n',
        errors=[("http", 1, 13)],
        unsafe_fixed='{"source": "https:\\/\\/a.org\\/x"}\nBody.\n',
    ),
]


def test_the_escaped_scheme_is_reported_whole() -> None:
    text = '{"source": "http:\\/\\/a.org\\/x"}\nBody.\n'
    [found] = check_text(text, select=["LK004"], site=Site())
    assert (found.line, found.column, found.end_line, found.end_column) == (1, 13, 1, 22)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_link_insecure(case: Case) -> None:
    assert_case(LinkInsecure, case)


def _site(tmp_path: Path) -> Path:
    article = tmp_path / "a.md"
    article.write_text(
        '---\ntitle: "T"\nsource: "http://news.site.com/a"\n---\n\n'
        "See [the report](http://other.site.com/b) and [radio](http://radio.site.com:8000/).\n",
        encoding="utf-8",
    )
    return article


def test_a_checked_link_showing_its_url_is_fixed_where_it_shows_it_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.md").write_text(
        '---\ntitle: "T"\n---\n\nSee [http://news.site.com/a](http://news.site.com/a).\n',
        encoding="utf-8",
    )
    _https_answers(monkeypatch)
    monkeypatch.chdir(tmp_path)
    args = ["--no-cache", "--isolated", "--select", "LK004", "--check-links", "a.md"]
    assert main(["check", *args, "--output-format", "json"]) == 0
    [found] = json.loads(capsys.readouterr().out)
    assert (found["line"], found["column"], found["fix"]["applicability"]) == (5, 30, "safe")
    assert [(e["column"], e["content"]) for e in found["fix"]["edits"]] == [
        (6, "https"),
        (30, "https"),
    ]
    assert main(["fix", *args]) == 0
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == (
        '---\ntitle: "T"\n---\n\nSee [https://news.site.com/a](https://news.site.com/a).\n'
    )


def _https_answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Link checks answered by a mock transport (no network): news.site.com serves https, the
    other host does not. Returns the URLs asked for."""
    from newslint import linkcheck

    asked: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        return httpx.Response(200 if request.url.host == "news.site.com" else 404)

    real = linkcheck.check_links

    def check(urls: Any, settings: Any, **options: Any) -> Any:
        return real(urls, settings, transport=httpx.MockTransport(handler))

    monkeypatch.setattr(linkcheck, "check_links", check)
    return asked


def test_with_a_link_check_the_fix_is_safe_where_https_answered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _site(tmp_path)
    asked = _https_answers(monkeypatch)
    monkeypatch.chdir(tmp_path)
    args = ["--no-cache", "--isolated", "--select", "LK004", "--check-links", "a.md"]
    # --check-links also turns on link-broken, which reports the 404s: exit 1.
    assert main(["check", *args, "--output-format", "json"]) == 1
    found = [d for d in json.loads(capsys.readouterr().out) if d["code"] == "LK004"]
    assert [
        (d["line"], d["column"], d["fix"]["applicability"] if d["fix"] else None) for d in found
    ] == [
        (3, 10, "safe"),  # https://news.site.com/a answered
        (6, 18, "unsafe"),  # https://other.site.com/b did not
        (6, 55, None),  # an explicit port: no fix, and nothing to check
    ]
    assert {"https://news.site.com/a", "https://other.site.com/b"} <= set(asked)
    assert "https://radio.site.com:8000/" not in asked
    # `fix --check-links` applies the safe fix only.
    assert main(["fix", *args]) == 1
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == (
        '---\ntitle: "T"\nsource: "https://news.site.com/a"\n---\n\n'
        "See [the report](http://other.site.com/b) and [radio](http://radio.site.com:8000/).\n"
    )


def test_without_a_link_check_every_fix_stays_unsafe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _site(tmp_path)
    asked = _https_answers(monkeypatch)
    monkeypatch.chdir(tmp_path)
    main(
        [
            "check",
            "--no-cache",
            "--isolated",
            "--select",
            "LK004",
            "--output-format",
            "json",
            "a.md",
        ]
    )
    found = json.loads(capsys.readouterr().out)
    assert [d["fix"]["applicability"] if d["fix"] else None for d in found] == [
        "unsafe",
        "unsafe",
        None,
    ]
    assert asked == []


# Each URL of a source list; under `params` the page's source (hugo 0.168), over a top-level one.
SOURCE_LIST_CASES = [
    Case(
        "source-list-each-url",
        "---\nsource: [http://a.org/x, https://b.org/, 'http://c.org/']\n---\n",
        errors=[("http", 2, 10), ("http", 2, 43)],
        unsafe_fixed="---\nsource: [https://a.org/x, https://b.org/, 'https://c.org/']\n---\n",
    ),
    Case(
        "source-under-params-over-top-level",
        "---\nsource: http://a.org/x\nparams:\n  source: http://c.org/\n---\n",
        errors=[("http", 4, 11)],
        unsafe_fixed="---\nsource: http://a.org/x\nparams:\n  source: https://c.org/\n---\n",
    ),
]


@pytest.mark.parametrize("case", SOURCE_LIST_CASES, ids=lambda c: c.name)
def test_each_source_the_page_takes(case: Case) -> None:
    assert_case(LinkInsecure, case)
