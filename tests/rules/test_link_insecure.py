from __future__ import annotations

import pytest

from newslint.rules.link_insecure import LinkInsecure
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
        "local-and-example-hosts",
        fm(
            body=(
                "[a](http://localhost:1313/) [b](http://127.0.0.1/) [c](http://192.168.1.2/) "
                "[d](http://example.com/) [e](http://www.example.org/) [f](http://my.local/) "
                "[g](http://wiki/) [h](http://[::1]:8080/)\n"
            )
        ),
    ),
    Case(
        # https on the same explicit port would be another service: reported, no fix.
        "explicit-port-no-fix",
        fm(body="[a](http://radio.org:8000/live) [b](http://a.org:80/x)\n"),
        errors=[("http", 4, 5), ("http", 4, 37)],
    ),
    Case("in-code", fm(body="`[a](http://a.org)`\n\n    [b](http://b.org)\n")),
    Case("text-url-is-no-link", fm(body="Go to http://a.org now.\n")),
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
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_link_insecure(case: Case) -> None:
    assert_case(LinkInsecure, case)
