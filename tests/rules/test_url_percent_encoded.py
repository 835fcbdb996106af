from __future__ import annotations

from pathlib import Path

import pytest

from newslint.rules.url_percent_encoded import UrlPercentEncoded
from newslint.site import Site
from newslint.testing import Case, assert_case, case_reports

HEBREW = "%D7%A2%D7%91%D7%A8%D7%99%D7%AA"  # עברית as WordPress exports its slug
BY_TITLE = Site(root=Path("/site"), raw={"permalinks": {"news": "/:year/:title/"}})
BY_SLUG = Site(root=Path("/site"), raw={"permalinks": {"news": "/:year/:slug/"}})
NEWS = "/site/content/news/a.md"


def page(lines: str, fence: str = "---") -> str:
    if fence == "{":
        return '{\n"title": "Budget",\n' + lines + "\n}\n\nText.\n"
    title = 'title = "Budget"' if fence == "+++" else "title: Budget"
    return f"{fence}\n{title}\n{lines}\n{fence}\n\nText.\n"


CASES = [
    # hugo 0.168 writes public/%D7%A2.../index.html; its permalink /%D7%A2.../ answers 404
    Case(
        "url-plain-yaml",
        page(f"url: /{HEBREW}/"),
        errors=[("escaped", 3, 6)],
        fixed=page("url: /עברית/"),
    ),
    Case(
        "url-toml",
        page(f'url = "/news/{HEBREW}/"', fence="+++"),
        errors=[("escaped", 3, 7)],
        fixed=page('url = "/news/עברית/"', fence="+++"),
    ),
    Case(
        "url-json",
        page(f'"url": "/{HEBREW}-2/"', fence="{"),
        errors=[("escaped", 3, 8)],
        fixed=page('"url": "/עברית-2/"', fence="{"),
    ),
    # written partly decoded: Hugo's permalink escapes it all, the folder keeps the escapes
    Case(
        "url-mixed",
        page("url: /עב%D7%A8%D7%99%D7%AA-x/"),
        errors=[("escaped", 3, 6)],
        fixed=page("url: /עברית-x/"),
    ),
    Case(
        "url-space",
        page('url: "/a%20b/"'),
        errors=[("escaped", 3, 6)],
        fixed=page('url: "/a b/"'),
    ),
    # /%41bc/ becomes /Abc/: the same page for a server, another permalink text
    Case(
        "url-ascii-letter-is-unsafe",
        page("url: /%41bc/"),
        errors=[("escaped", 3, 6)],
        unsafe_fixed=page("url: /Abc/"),
    ),
    # WordPress's lower-case escapes: the permalink becomes /%D7%A2%D7%91/, the same address
    Case(
        "url-lower-case-escapes",
        page("url: /%d7%a2%d7%91/"),
        errors=[("escaped", 3, 6)],
        fixed=page("url: /עב/"),
    ),
    # hugo 0.168 writes public/%d7%a1.../ for this slug (lower-cased), 404 at its permalink;
    # decoded, urlize keeps it: public/סלאג/ at the same address
    Case(
        "slug",
        page('slug: "%D7%A1%D7%9C%D7%90%D7%92"'),
        errors=[("escaped", 3, 7)],
        fixed=page('slug: "סלאג"'),
    ),
    # urlize makes /abc/ of the decoded slug: requests for /%41bc/ look for Abc
    Case(
        "slug-ascii-letter-is-unsafe",
        page("slug: '%41bc'"),
        errors=[("escaped", 3, 7)],
        unsafe_fixed=page("slug: 'Abc'"),
    ),
    Case(
        "slug-upper-case-letter-is-unsafe",
        page("slug = '%C3%89t%C3%A9'", fence="+++"),
        errors=[("escaped", 3, 8)],
        unsafe_fixed=page("slug = 'Été'", fence="+++"),
    ),
    Case(
        "slug-space-is-unsafe",
        page('"slug": "a%20b"', fence="{"),
        errors=[("escaped", 3, 9)],
        unsafe_fixed=page('"slug": "a b"', fence="{"),
    ),
    Case(
        "aliases-yaml-block-list",
        page("aliases:\n  - /%D7%99%D7%A9%D7%9F/\n  - /old/\n  - /%d7%99%41/"),
        errors=[("escaped", 4, 5), ("escaped", 6, 5)],
        fixed=page("aliases:\n  - /ישן/\n  - /old/\n  - /יA/"),
    ),
    Case(
        "aliases-toml",
        page("aliases = ['/old%20one/', '/new/']", fence="+++"),
        errors=[("escaped", 3, 12)],
        fixed=page("aliases = ['/old one/', '/new/']", fence="+++"),
    ),
    Case(
        "aliases-json-string",
        page('"aliases": "/%D7%99%D7%A9%D7%9F/"', fence="{"),
        errors=[("escaped", 3, 12)],
        fixed=page('"aliases": "/ישן/"', fence="{"),
    ),
    Case("slash-has-no-fix", page("url: /a%2Fb/"), errors=[("kept", 3, 6)]),
    Case("question-mark-has-no-fix", page("url: /a%3Fb/"), errors=[("kept", 3, 6)]),
    Case("hash-has-no-fix", page('url: "/a%23b/"'), errors=[("kept", 3, 6)]),
    Case("percent-has-no-fix", page("url: /100%25/"), errors=[("kept", 3, 6)]),
    Case("plus-has-no-fix", page("url: /a%2Bb/"), errors=[("kept", 3, 6)]),
    Case("not-utf8-has-no-fix", page("url: /a%FFb/"), errors=[("kept", 3, 6)]),
    Case("control-char-has-no-fix", page('url: "/a%09b/"'), errors=[("kept", 3, 6)]),
    Case("c1-control-has-no-fix", page("url: /a%C2%85b/"), errors=[("kept", 3, 6)]),
    Case("line-separator-has-no-fix", page("url: /a%E2%80%A8b/"), errors=[("kept", 3, 6)]),
    # the source spells the value with an escape of its own: no edit can decode it in place
    Case("source-escape-has-no-fix", page('url: "/\\u00e9%D7%99/"'), errors=[("escaped", 3, 6)]),
    # decoded into a plain YAML scalar, the trailing space would be lost
    Case("plain-scalar-end-space-has-no-fix", page("slug: a%20"), errors=[("escaped", 3, 7)]),
    # hugo 0.168 makes no folder of a slug under a `url`, or a pattern without `:slug`
    Case("slug-under-a-url", page('url: /news/a/\nslug: "%D7%A1"')),
    Case("slug-unused-by-the-pattern", page('slug: "%D7%A1"'), path=NEWS, site=BY_TITLE),
    Case(
        "slug-used-by-the-pattern",
        page('slug: "%D7%A1"'),
        errors=[("escaped", 3, 7)],
        fixed=page('slug: "ס"'),
        path=NEWS,
        site=BY_SLUG,
    ),
    Case("plain-url", page("url: /עברית/")),
    Case("percent-without-hex", page("url: /100%-sure/")),
    Case("full-url-is-not-a-path", page('url: "https://example.org/%D7%99/"')),
    Case("headless-page", page(f"headless: true\nurl: /{HEBREW}/")),
    Case("other-field", page(f"source: https://example.org/{HEBREW}/")),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_url_percent_encoded(case: Case) -> None:
    assert_case(UrlPercentEncoded, case)


def test_the_message_gives_the_decoded_value_or_the_escape_left() -> None:
    case = Case("m", page('aliases: ["/%D7%99/", "/%D7%99%2Fb/"]\nurl: /x%FFy/'))
    _, reports = case_reports(UrlPercentEncoded, case)
    tail = "is percent-escaped, and Hugo keeps the escapes in the folder's name"
    assert [r.message for r in reports] == [
        f"alias /%D7%99/ {tail}: the redirect's address answers 404 on a static server; "
        "decoded it is /י/",
        f"alias /%D7%99%2Fb/ {tail}: the redirect's address answers 404 on a static server "
        "(%2F: a slash would split the folder)",
        f"url /x%FFy/ {tail}: the page's address answers 404 on a static server (%FF: not UTF-8)",
    ]
