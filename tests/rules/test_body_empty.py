from __future__ import annotations

import pytest

from newslint.rules.body_empty import BodyEmpty
from newslint.site import Site
from newslint.testing import Case, assert_case, fm

FENCE = "```"
SOURCE = "[Reuters](https://www.reuters.com/a)\n"

CASES = [
    Case("prose", fm(body="The budget passed.\n\n" + SOURCE, title="T")),
    Case("cjk-prose", fm(body="预算周二获得通过。\n\n" + SOURCE, title="T")),
    Case("tight-list", fm(body="- one\n- two\n", title="T")),
    Case("shortcode-call", fm(body="{{< youtube abc >}}\n", title="T")),
    Case("only-the-source-link", fm(body=SOURCE, title="T"), errors=[("no-text", 5, 1)]),
    Case(
        # `&nbsp;` and `&#8203;` show as white space: letters in a reference are not text.
        "only-character-references",
        fm(body="&nbsp;\n\n&#8203; &#160;\n\n" + SOURCE, title="T"),
        errors=[("no-text", 5, 1)],
    ),
    Case("a-reference-among-words", fm(body="Caf&eacute; reopens.\n\n" + SOURCE, title="T")),
    Case(
        "only-a-bare-url",
        fm(body="Source: https://www.reuters.com/a\n", title="T"),
    ),
    Case(
        "bare-urls-are-links",
        fm(body="https://www.reuters.com/a\n\nwww.example.com/b\n", title="T"),
        errors=[("no-text", 5, 1)],
    ),
    Case("empty", fm(body="", title="T"), errors=[("empty", 3, 1)]),
    Case("blank-lines-only", fm(body="\n\xa0\n", title="T"), errors=[("empty", 3, 1)]),
    Case(
        "image-and-link",
        fm(body="![](https://img/x.jpg)\n\n[jin10](https://x/1)\n", title="T"),
        errors=[("no-text", 5, 1)],
    ),
    Case(
        "code-only",
        fm(body=f"{FENCE}\ntable\n{FENCE}\n\n" + SOURCE, title="T"),
        errors=[("no-text", 5, 1)],
    ),
    Case(
        "html-only-dropped-by-hugo",
        fm(body="<div>Hello</div>\n", title="T"),
        errors=[("no-text", 5, 1)],
    ),
    Case(
        "html-rendered-by-the-site",
        fm(body="<div>Hello</div>\n", title="T"),
        site=Site(unsafe_html=True),
    ),
    Case(
        # Rendered, these show a blank paragraph and a picture: the letters of `&nbsp;` and of
        # an HTML comment are no text.
        "html-of-only-spaces-images-and-comments",
        fm(
            body='<p>&nbsp;</p>\n\n<p><img src="a.png" alt="A photo"></p>\n<!--\nfrom the wire\n-->\n\n'
            + SOURCE,
            title="T",
        ),
        site=Site(unsafe_html=True),
        errors=[("no-text", 5, 1)],
    ),
    Case("section-page", fm(body="", title="T"), path="content/en/news/_index.md"),
    Case("headless", fm(body="", headless=True)),
    Case("own-layout", fm(body="", layout="archives")),
    # `layout: post` (a Jekyll import) shows the article's text: an empty one is a failed scrape
    Case("article-layout", "---\ntitle: T\nlayout: post\n---\n", errors=[("empty", 4, 1)]),
    Case("article-layout-single", "---\nlayout: Single\n---\n", errors=[("empty", 3, 1)]),
    Case("not-rendered", "---\nbuild:\n  render: never\n---\n"),
    # Listed with a permalink, never rendered (hugo 0.168 writes no file for it).
    Case("rendered-as-a-link", "---\nbuild:\n  render: link\n---\n"),
    # `Never` is no value Hugo knows: the page is rendered.
    Case(
        "render-capitalised-never",
        "---\nbuild:\n  render: Never\n---\n",
        errors=[("empty", 4, 1)],
    ),
    Case("front-matter-does-not-parse", "---\ntitle: [x\n---\n\n[a](b)\n"),
    Case("no-front-matter", SOURCE, errors=[("no-text", 1, 1)]),
    Case("crlf", '---\r\ntitle: "T"\r\n---\r\n\r\n' + SOURCE, errors=[("no-text", 5, 1)]),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_body_empty(case: Case) -> None:
    assert_case(BodyEmpty, case)


def test_not_in_the_hugo_preset_alone() -> None:
    assert_case(BodyEmpty, Case("docs-site", fm(body="", title="T"), config={"presets": ["hugo"]}))
