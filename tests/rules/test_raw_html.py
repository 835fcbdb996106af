from __future__ import annotations

import pytest

from newslint.rules.raw_html import RawHtml
from newslint.site import Site
from newslint.testing import Case, assert_case, fm

FENCE = "```"
BODY = (
    "The results:<br>\n<table><tr><td>Yes</td></tr></table>\n\n"
    "<!-- newslint-disable blank-lines -->\n\n"
    'Text <span class="x">a</span> and </b> and <!-- c --> 北京<b>东京</b>.\n\n'
    "<https://example.com>\n"
)

CASES = [
    Case(
        # A CR LF file: the block's lines arrive without their CR, and are still one block.
        "a-crlf-block-is-reported-once",
        fm(body="<ul>\n  <li>a</li>\n</ul>\n", title="T").replace("\n", "\r\n"),
        errors=[("block", 5, 1)],
    ),
    Case("markdown-only", fm(body="Text with [a link](https://x.org) and `<b>`.\n", title="T")),
    Case(
        "inline-and-block",
        fm(body=BODY, title="T"),
        errors=[("inline", 5, 13), ("block", 6, 1), ("inline", 10, 6), ("inline", 10, 57)],
    ),
    Case(
        "a-block-is-reported-once-comments-and-closing-tags-never",
        fm(
            body="<div>\n<p>x</p>\n</div>\n\n<!--\n<div>hidden</div>\n-->\n\n</div>\n\n"
            f"{FENCE}\n<div>\n{FENCE}\n",
            title="T",
        ),
        errors=[("block", 5, 1)],
    ),
    Case(
        "declarations",
        fm(body="<!DOCTYPE html>\n\n<?php echo 1; ?>\n", title="T"),
        errors=[("block", 5, 1), ("block", 7, 1)],
    ),
    Case(
        "inside-a-shortcode-call",
        fm(body="{{< highlight html >}}\n<div>x</div>\n{{< /highlight >}}\n", title="T"),
    ),
    Case(
        # Hugo replaces a shortcode call before Goldmark sees the Markdown, so the tag-like
        # `<figure src=...>` of a call written without spaces is no raw HTML; a tag after the
        # call is, and so is one in `figure`'s caption, which the shortcode renders as Markdown.
        "shortcode-calls-without-spaces",
        fm(
            body='Text {{<figure src="a.png">}} and {{< figure caption="<b>x</b>" >}}.\n\n'
            '{{<y>}} <i>z</i>\n\n{{%figure src="b.png"%}}\n',
            title="T",
        ),
        errors=[("inline", 5, 55), ("inline", 7, 9)],
    ),
    Case(
        "site-allows-raw-html",
        fm(body="<div>x</div>\n\nA <b>b</b>\n", title="T"),
        site=Site(unsafe_html=True),
    ),
    Case(
        "irc-nick-read-as-a-tag",
        '---\r\ntitle: "T"\r\n---\r\n\r\n<tacotime> change the emission\r\n',
        errors=[("inline", 5, 1)],
    ),
]


UNSAFE_SITE = Site(unsafe_html=True)
CASES += [
    Case(
        # hugo 0.168 with unsafe HTML prints `## Heading` and `**bold**` as typed: the block
        # runs on to the blank line. The blank line goes before the first line of text.
        "markdown-in-an-html-block",
        fm(body='<p dir="rtl">\nIntro\n## Heading\n</p>\n\n<div>\n  - item\n</div>\n', title="T"),
        errors=[("markdown-in-html", 7, 1), ("markdown-in-html", 11, 3)],
        unsafe_fixed=fm(
            body='<p dir="rtl">\n\nIntro\n## Heading\n</p>\n\n<div>\n\n  - item\n</div>\n',
            title="T",
        ),
        site=UNSAFE_SITE,
    ),
    Case(
        # Bold text and a link in a line of text; a fence; a CR LF file keeps its line ending;
        # a kind-7 block (a tag alone on its line) runs on the same way.
        "inline-markdown-fence-and-crlf",
        fm(
            body='<span class="x">\nSee **this** and [that](https://a.org)\n</span>\n\n'
            f"<div>\n{FENCE}\ncode\n{FENCE}\n</div>\n",
            title="T",
        ).replace("\n", "\r\n"),
        errors=[("markdown-in-html", 6, 1), ("markdown-in-html", 10, 1)],
        unsafe_fixed=fm(
            body='<span class="x">\n\nSee **this** and [that](https://a.org)\n</span>\n\n'
            f"<div>\n\n{FENCE}\ncode\n{FENCE}\n</div>\n",
            title="T",
        ).replace("\n", "\r\n"),
        site=UNSAFE_SITE,
    ),
    Case(
        # Not reported: HTML only, plain text, Markdown-like text in a tag's attribute, in
        # <pre> or <code>, in a comment, on a line led by a tag (a blank line would not help),
        # after a tag left open at the end of a line, indented four spaces, inline HTML.
        "html-only-literal-and-inline-are-left-alone",
        fm(
            body='<div class="a">\n<img src="a.png" alt="**x**">\nJust text.\n</div>\n\n'
            "<div>\n<pre>\n## not a heading\n</pre>\n</div>\n\n"
            "<!--\n## hidden\n-->\n\n"
            "<table>\n<tr><td>**x**</td></tr>\n</table>\n\n"
            '<div\n  class="b">\n</div>\n\n'
            "<div>\n    - code\n</div>\n\n"
            "<div>\n<!-- a note\n## hidden\n-->\n2024. The year began\n</div>\n\n"
            'Text <span class="x">\n**bold** here</span>\n',
            title="T",
        ),
        site=UNSAFE_SITE,
    ),
    Case(
        # Without unsafe HTML the block is left out, the Markdown with it: both reported.
        "markdown-in-an-html-block-without-unsafe-html",
        fm(body="<div>\n## Heading\n</div>\n", title="T"),
        errors=[("block", 5, 1), ("markdown-in-html", 6, 1)],
        unsafe_fixed=fm(body="<div>\n\n## Heading\n</div>\n", title="T"),
        site=Site(),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_raw_html(case: Case) -> None:
    assert_case(RawHtml, case)


def test_message() -> None:
    import newslint

    found = newslint.check_text(fm(body="A<br>b\n", title="T"), select=["BD004"], site=Site())
    assert [d.message for d in found] == [
        "raw HTML <br> is left out by Hugo (markup.goldmark.renderer.unsafe is off)"
    ]


def test_markdown_in_html_message() -> None:
    import newslint

    text = fm(body='<p dir="rtl">\n**Note** here\n</p>\n', title="T")
    found = newslint.check_text(text, select=["BD004"], site=Site(unsafe_html=True))
    assert [d.message for d in found] == [
        "bold text inside the HTML block <p> from line 5 is not rendered as Markdown "
        "(the block runs on to a blank line)"
    ]
