"""markdown-in-html (BD013): Markdown written inside an HTML block, which Hugo does not render."""

from __future__ import annotations

import pytest

from newslint.rules.markdown_in_html import MarkdownInHtml
from newslint.site import Site
from newslint.testing import Case, assert_case, fm

FENCE = "```"
UNSAFE_SITE = Site(unsafe_html=True)
CASES = [
    Case(
        # hugo 0.168 with unsafe HTML prints `## Heading` and `**bold**` as typed: the block
        # runs on to the blank line. The blank line goes before the first line of text.
        "markdown-in-an-html-block",
        fm(body='<p dir="rtl">\nIntro\n## Heading\n</p>\n\n<div>\n  - item\n</div>\n', title="T"),
        errors=[("markdown", 7, 1), ("markdown", 11, 3)],
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
        errors=[("markdown", 6, 1), ("markdown", 10, 1)],
        unsafe_fixed=fm(
            body='<span class="x">\n\nSee **this** and [that](https://a.org)\n</span>\n\n'
            f"<div>\n\n{FENCE}\ncode\n{FENCE}\n</div>\n",
            title="T",
        ).replace("\n", "\r\n"),
        site=UNSAFE_SITE,
    ),
    Case(
        # Not reported: HTML only, plain text, Markdown-like text in a tag's attribute, in
        # <pre> or <code>, in a comment, after a tag left open at the end of a line, indented
        # four spaces, inline HTML.
        "html-only-literal-and-inline-are-left-alone",
        fm(
            body='<div class="a">\n<img src="a.png" alt="**x**">\nJust text.\n</div>\n\n'
            "<div>\n<pre>\n## not a heading\n</pre>\n</div>\n\n"
            "<!--\n## hidden\n-->\n\n"
            '<div\n  class="b">\n</div>\n\n'
            "<div>\n    - code\n</div>\n\n"
            "<div>\n<!-- a note\n## hidden\n-->\n2024. The year began\n</div>\n\n"
            'Text <span class="x">\n**bold** here</span>\n',
            title="T",
        ),
        site=UNSAFE_SITE,
    ),
    Case(
        # Without unsafe HTML the block is left out, the Markdown with it (raw-html reports the
        # block).
        "markdown-in-an-html-block-without-unsafe-html",
        fm(body="<div>\n## Heading\n</div>\n", title="T"),
        errors=[("markdown", 6, 1)],
        unsafe_fixed=fm(body="<div>\n\n## Heading\n</div>\n", title="T"),
        site=Site(),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_markdown_in_html(case: Case) -> None:
    assert_case(MarkdownInHtml, case)


def test_markdown_in_html_message() -> None:
    import newslint

    text = fm(body='<p dir="rtl">\n**Note** here\n</p>\n', title="T")
    found = newslint.check_text(text, select=["BD013"], site=Site(unsafe_html=True))
    assert [d.message for d in found] == [
        "bold text inside the HTML block <p> from line 5 is not rendered as Markdown "
        "(the block runs on to a blank line)"
    ]


CONTAINER_CASES = [
    Case(
        # Goldmark (hugo 0.168) reads an HTML block inside a block quote or a list item as it
        # does at the top: `**quoted**` and `## item` are shown as typed. The blank line goes
        # in with the quote's `>` (without it the quote would end), or the item's indent.
        "block-in-quote-and-list",
        fm(
            body="> <div>\n> **quoted**\n> </div>\n\n- <div>\n  ## item\n  </div>\n\n"
            "> - <p>\n>   *deep*\n>   </p>\n",
            title="T",
        ),
        errors=[("markdown", 6, 3), ("markdown", 10, 3), ("markdown", 14, 5)],
        unsafe_fixed=fm(
            body="> <div>\n>\n> **quoted**\n> </div>\n\n- <div>\n\n  ## item\n  </div>\n\n"
            "> - <p>\n>\n>   *deep*\n>   </p>\n",
            title="T",
        ),
        site=UNSAFE_SITE,
    ),
    Case(
        # Markdown on a line led by a tag (`<div>**top**</div>`, in a quote or a list item too,
        # a table's cell) is HTML as well; no fix: after a blank line the line would open an
        # HTML block again.
        "after-a-tag-on-its-line",
        fm(
            body="<div>**top**</div>\n\n> <div>**quoted**</div>\n\n- <p>*item*</p>\n\n"
            "<table>\n<tr><td>see [it](https://a.org)</td></tr>\n</table>\n",
            title="T",
        ),
        errors=[("markdown", 5, 6), ("markdown", 7, 8), ("markdown", 9, 6), ("markdown", 12, 9)],
        site=UNSAFE_SITE,
    ),
    Case(
        # Not emphasis: inside a word, with spaces inside the marks, a snake_case name; a
        # block quote whose HTML block already ends at a blank `>` line; two list items; a
        # comment or a tag's attributes that go on to the next line.
        "no-emphasis-and-blocks-apart",
        fm(
            body="<div>\na*b*c, 5 * 3 * 2 and snake_case_name\n</div>\n\n"
            "> <div>\n>\n> **rendered**\n> </div>\n\n- <div>a</div>\n- **b**\n\n"
            "<div>a <!-- **x**\n-->\n</div>\n\n<p>b <a title='**y**'\nhref='z'>c</a></p>\n",
            title="T",
        ),
        site=UNSAFE_SITE,
    ),
]


@pytest.mark.parametrize("case", CONTAINER_CASES, ids=lambda c: c.name)
def test_markdown_in_html_in_containers(case: Case) -> None:
    assert_case(MarkdownInHtml, case)
