"""Links in raw HTML inside Markdown (`<a href>`, `<area href>`, `<img src>` and `srcset`, embeds
such as `<iframe src>`): what the link rules see of them, where they report, and fixes that keep
the attribute valid HTML."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from newslint.document import Document
from newslint.engine import check_text
from newslint.events import Html
from newslint.rules._html_links import attribute_text, links_in, srcset_urls
from newslint.rules.link_insecure import LinkInsecure
from newslint.rules.link_malformed import LinkMalformed
from newslint.rules.link_relative import LinkRelative
from newslint.rules.tracking_params import TrackingParams
from newslint.site import Site
from newslint.testing import Case, assert_case, fm

SOURCE = "[mingpao](https://finance.mingpao.com/fin/instantf.php?node=1)\n"


def html_links(body: str) -> list[tuple[str, str, str, bool, str]]:
    """(url, the value as written, the tag, image?, title) of each HTML link of an article."""
    doc = Document.from_text(fm(body=body), "a.md", Site())
    text = doc.text
    found = []
    for node in doc.body_nodes:
        if isinstance(node, Html):
            for link in links_in(doc, node):
                assert link.url_span is not None and link.link_type == "Html"
                value = text[link.url_span.start : link.url_span.end]
                tag = text[link.span.start : link.span.end]
                found.append((link.url, value, tag, link.is_image, link.title))
    return found


def test_links_inline_block_and_entities() -> None:
    body = (
        "Read <a\nhref=\"http://x.org/a?b=1&amp;c=2&d=3\">this</a> and <img src='/i.png'>.\n\n"
        "<div>\n"
        '<!-- <a href="https://commented.org/"> -->\n'
        '<a title="T&amp;C" href = #top >t</a><AREA HREF=" /sp "/>\n'
        "<script>var a = '<a href=\"https://script.org/\">';</script>\n"
        "</div>\n\n"
        '`<a href="https://code.org/">` and\n\n    <a href="https://indented.org/">\n'
    )
    assert html_links(body) == [
        (
            "http://x.org/a?b=1&c=2&d=3",
            "http://x.org/a?b=1&amp;c=2&d=3",
            '<a\nhref="http://x.org/a?b=1&amp;c=2&d=3">',
            False,
            "",
        ),
        ("/i.png", "/i.png", "<img src='/i.png'>", True, ""),
        ("#top", "#top", '<a title="T&amp;C" href = #top >', False, "T&C"),
        ("/sp", "/sp", '<AREA HREF=" /sp "/>', False, ""),
    ]


def test_a_tag_spanning_lines_of_a_block() -> None:
    assert html_links('<p>\n<a class="x"\n   href="https://a.org/">a</a>\n</p>\n') == [
        ("https://a.org/", "https://a.org/", '<a class="x"\n   href="https://a.org/">', False, "")
    ]


def test_no_href_and_empty_href() -> None:
    assert html_links('<a name="x">x</a> <a href>y</a> <img src="">\n') == [
        ("", "", "<a href>", False, ""),
        ("", "", '<img src="">', True, ""),
    ]


def test_embeds_srcset_and_poster() -> None:
    body = (
        '<iframe width="560" src="https://www.youtube.com/embed/x"></iframe>\n\n'
        '<picture><source srcset="/a.webp 1x, /b.webp 2x" type="image/webp">'
        '<img src="/a.jpg" srcset="/a.jpg,/b.jpg 2x"></picture>\n\n'
        '<video src="/v.mp4" poster="/p.jpg"><track src="/v.vtt"></video>'
        ' <audio src="/s.mp3"></audio> <embed src="/e.swf"> <object data="/o.pdf"></object>\n'
    )
    assert [(url, value, image) for url, value, _, image, _ in html_links(body)] == [
        ("https://www.youtube.com/embed/x", "https://www.youtube.com/embed/x", False),
        ("/a.webp", "/a.webp", True),
        ("/b.webp", "/b.webp", True),
        ("/a.jpg", "/a.jpg", True),
        ("/a.jpg,/b.jpg", "/a.jpg,/b.jpg", True),  # a comma inside a URL belongs to it
        ("/v.mp4", "/v.mp4", False),
        ("/p.jpg", "/p.jpg", True),
        ("/v.vtt", "/v.vtt", False),
        ("/s.mp3", "/s.mp3", False),
        ("/e.swf", "/e.swf", False),
        ("/o.pdf", "/o.pdf", False),
    ]


@pytest.mark.parametrize(
    ("value", "urls"),
    [
        ("a.jpg 1x, b.jpg 2x", ["a.jpg", "b.jpg"]),
        (" /a.jpg 480w ,/b.jpg 800w", ["/a.jpg", "/b.jpg"]),
        ("a.jpg, b.jpg 2x", ["a.jpg", "b.jpg"]),
        ("a.jpg,,, b.jpg", ["a.jpg", "b.jpg"]),
        ("data:image/png;base64,AAA= 1x", ["data:image/png;base64,AAA="]),
        ("x.jpg (a, b) 1x, y.jpg", ["x.jpg", "y.jpg"]),
        ("", []),
        (" , ", []),
    ],
)
def test_srcset_urls(value: str, urls: list[str]) -> None:
    assert [value[start:end] for start, end in srcset_urls(value)] == urls


def test_crlf_block() -> None:
    body = '<div>\r\n<a href="http://a.org/">a</a>\r\n</div>\r\n'
    assert [link[0] for link in html_links(body)] == ["http://a.org/"]


def test_attribute_text() -> None:
    doc = Document.from_text(fm(body='<a href="x">a</a> <a href=y>b</a>\n'), "a.md", Site())
    links = [
        link for node in doc.body_nodes if isinstance(node, Html) for link in links_in(doc, node)
    ]
    quoted, bare = links
    assert attribute_text(doc.text, quoted, 'https://a.org/?a=1&b="2"') == (
        "https://a.org/?a=1&amp;b=&quot;2&quot;"
    )
    assert attribute_text(doc.text, bare, "https://a.org/x") == "https://a.org/x"
    assert attribute_text(doc.text, bare, "https://a.org/?a=1") is None


def diagnostics(text: str, code: str, site: Site | None = None) -> list[tuple[str, int, int, str]]:
    """(code, line, column, the reported source text) of one rule's diagnostics."""
    found = check_text(text, select=[code], site=site or Site())
    return [(d.code, d.line, d.column, text[d.span.start : d.span.end]) for d in found]


INSECURE = [
    Case(
        "html-link-and-image",
        fm(body='<a href="http://a.org/x">a</a> <IMG SRC=http://b.org/i.png>\n'),
        errors=[("http", 4, 10), ("http", 4, 41)],
        unsafe_fixed=fm(body='<a href="https://a.org/x">a</a> <IMG SRC=https://b.org/i.png>\n'),
    ),
    Case(
        "html-block",
        fm(body='<figure>\n<img src="http://b.org/i.png">\n</figure>\n'),
        errors=[("http", 5, 11)],
        unsafe_fixed=fm(body='<figure>\n<img src="https://b.org/i.png">\n</figure>\n'),
    ),
    Case(
        "html-iframe-srcset-and-poster",
        fm(
            body='<iframe src="http://www.youtube.com/embed/x"></iframe>\n\n'
            '<img src="https://a.org/i.png" srcset="https://a.org/i.png 1x, http://a.org/j.png 2x">'
            '\n\n<video poster="http://a.org/p.jpg"></video>\n'
        ),
        errors=[("http", 4, 14), ("http", 6, 64), ("http", 8, 16)],
        unsafe_fixed=fm(
            body='<iframe src="https://www.youtube.com/embed/x"></iframe>\n\n'
            '<img src="https://a.org/i.png" srcset="https://a.org/i.png 1x, https://a.org/j.png 2x">'
            '\n\n<video poster="https://a.org/p.jpg"></video>\n'
        ),
    ),
    Case(
        "html-local-and-https",
        fm(body='<a href="http://localhost/">a</a> <a href="https://a.org/">b</a>\n'),
    ),
    Case(
        "html-comment",
        fm(body='<!-- <a href="http://a.org/">a</a> -->\n'),
    ),
]


@pytest.mark.parametrize("case", INSECURE, ids=lambda c: c.name)
def test_link_insecure_html(case: Case) -> None:
    assert_case(LinkInsecure, case)


def test_link_insecure_html_span() -> None:
    text = fm(body='x <a href="http://a.org/x">a</a>\n')
    assert diagnostics(text, "LK004") == [("LK004", 4, 12, "http://")]


TRACKING = [
    Case(
        "html-entities-kept",
        fm(body='<a href="https://a.org/?id=1&amp;utm_source=x&amp;b=2">a</a>\n'),
        errors=[("tracking", 4, 24)],
        fixed=fm(body='<a href="https://a.org/?id=1&amp;b=2">a</a>\n'),
    ),
    Case(
        # A backslash is no escape in HTML: the offsets go through it as a character.
        "html-backslash",
        fm(body="<img src='https://a.org/a\\b?utm_medium=m'>\n"),
        errors=[("tracking", 4, 28)],
        fixed=fm(body="<img src='https://a.org/a\\b'>\n"),
    ),
]


TRACKING.append(
    Case(
        "html-srcset-candidate",
        fm(body='<img srcset="/a.jpg?utm_source=x 1x, /b.jpg?id=2&amp;utm_medium=y 2x">\n'),
        errors=[("tracking", 4, 20), ("tracking", 4, 44)],
        fixed=fm(body='<img srcset="/a.jpg 1x, /b.jpg?id=2 2x">\n'),
    )
)


@pytest.mark.parametrize("case", TRACKING, ids=lambda c: c.name)
def test_tracking_params_html(case: Case) -> None:
    assert_case(TrackingParams, case)


def test_tracking_params_html_span() -> None:
    text = fm(body='<a href="https://a.org/?utm_source=x&amp;b=2#f">a</a>\n')
    assert diagnostics(text, "LK005") == [("LK005", 4, 24, "?utm_source=x&amp;b=2")]


MALFORMED = [
    Case(
        "html-script",
        fm(body='<a href="javascript:void(0)">Watch</a>\n'),
        errors=[("script", 4, 1)],
    ),
    Case("html-empty-href-is-this-page", fm(body='<a href="">top</a> <a href>x</a>\n')),
    Case("html-space-works", fm(body='<a href="https://a.org/a b">a</a>\n')),
    Case("html-image-without-source", fm(body='<img src="" alt="x">\n'), errors=[("no-url", 4, 1)]),
    Case("html-no-host", fm(body='<a href="https:///x">a</a>\n'), errors=[("no-host", 4, 10)]),
    Case(
        "html-double-scheme",
        fm(body='<a href="https://https://a.org/">a</a>\n'),
        errors=[("double-scheme", 4, 10)],
        unsafe_fixed=fm(body='<a href="https://a.org/">a</a>\n'),
    ),
]


@pytest.mark.parametrize("case", MALFORMED, ids=lambda c: c.name)
def test_link_malformed_html(case: Case) -> None:
    assert_case(LinkMalformed, case)


def test_link_malformed_html_spans() -> None:
    text = fm(body="<a href=\"https:///x\">a</a> <a href='javascript:x()'>b</a>\n")
    assert diagnostics(text, "LK002") == [
        ("LK002", 4, 10, "https:///x"),
        ("LK002", 4, 28, "<a href='javascript:x()'>"),
    ]


RELATIVE = [
    Case(
        "html-protocol-relative",
        fm(body='<img src="//n.sinaimg.cn/x.png">\n\n' + SOURCE),
        errors=[("protocol", 4, 11)],
        unsafe_fixed=fm(body='<img src="https://n.sinaimg.cn/x.png">\n\n' + SOURCE),
    ),
    Case(
        "html-relative-escaped",
        fm(body='<a href="/q?a=1&amp;b=2">q</a>\n\n' + SOURCE),
        errors=[("relative", 4, 10)],
        unsafe_fixed=fm(
            body='<a href="https://finance.mingpao.com/q?a=1&amp;b=2">q</a>\n\n' + SOURCE
        ),
    ),
    Case(
        # Unquoted, the absolute URL's `&` could not be escaped: reported without a fix.
        "html-relative-unquoted-no-fix",
        fm(body="<a href=/q?a&b>q</a>\n\n" + SOURCE),
        errors=[("relative", 4, 9)],
    ),
    Case(
        "html-relative-unquoted",
        fm(body="<a href=/q>q</a>\n\n" + SOURCE),
        errors=[("relative", 4, 9)],
        unsafe_fixed=fm(body="<a href=https://finance.mingpao.com/q>q</a>\n\n" + SOURCE),
    ),
    Case("html-anchor", fm(body='<a href="#x">q</a>\n\n' + SOURCE)),
]


@pytest.mark.parametrize("case", RELATIVE, ids=lambda c: c.name)
def test_link_relative_html(case: Case, tmp_path: Path) -> None:
    # Path-relative links are judged only inside a known site (here an empty one).
    assert_case(LinkRelative, dataclasses.replace(case, site=Site(root=tmp_path)))
