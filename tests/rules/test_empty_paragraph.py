from __future__ import annotations

import pytest

from newslint import fix_text
from newslint.rules.empty_paragraph import EmptyParagraph
from newslint.testing import Case, assert_case, fm

FENCE = "```"

CASES = [
    Case(
        "nbsp-inside-text-is-fine",
        fm(body='Ten\xa0km away.\n\n![](x.png)\n\n<span id="a"></span>\n', title="T"),
    ),
    Case(
        "nbsp-paragraph",
        fm(body="Before.\n\n\xa0\n\nAfter.\n", title="T"),
        errors=[("empty", 7, 1)],
        fixed=fm(body="Before.\n\nAfter.\n", title="T"),
    ),
    Case(
        "first-in-body",
        fm(body="\xa0\n\nAfter.\n", title="T"),
        errors=[("empty", 5, 1)],
        fixed=fm(body="After.\n", title="T"),
    ),
    Case(
        "right-after-front-matter",
        '---\ntitle: "T"\n---\n\xa0\n\nB\n',
        errors=[("empty", 4, 1)],
        fixed='---\ntitle: "T"\n---\n\nB\n',
    ),
    Case(
        "last-in-file",
        fm(body="Before.\n\n\xa0\n", title="T"),
        errors=[("empty", 7, 1)],
        fixed=fm(body="Before.\n", title="T"),
    ),
    Case(
        "entity-and-ideographic-spaces",
        fm(body="Before.\n\n&nbsp;\n\n\u3000\u3000\n\n预算周二获得通过。\n", title="T"),
        errors=[("empty", 7, 1), ("empty", 9, 1)],
        fixed=fm(body="Before.\n\n预算周二获得通过。\n", title="T"),
    ),
    Case(
        "zero-width-space-paragraph",
        fm(body="A.\n\n\u200b\n\nB.\n", title="T"),
        errors=[("empty", 7, 1)],
        fixed=fm(body="A.\n\nB.\n", title="T"),
    ),
    Case(
        "whitespace-lines-inside-a-paragraph-become-breaks",
        fm(body="One.\n\xa0\nTwo.\n\xa0\n\nThree.\n", title="T"),
        errors=[("line", 6, 1), ("line", 8, 1)],
        fixed=fm(body="One.\n\nTwo.\n\nThree.\n", title="T"),
    ),
    Case(
        "whitespace-line-opening-a-paragraph",
        fm(body="\xa0\nText.\n", title="T"),
        errors=[("line", 5, 1)],
        fixed=fm(body="Text.\n", title="T"),
    ),
    Case(
        "inside-a-quote-only-the-characters-go",
        fm(body="> Quote.\n>\n> \xa0\n\nAfter.\n", title="T"),
        errors=[("empty", 7, 3)],
        fixed=fm(body="> Quote.\n>\n> \n\nAfter.\n", title="T"),
    ),
    Case(
        # A quote of nothing but the paragraph goes whole: `>` alone is an empty <blockquote>.
        "quote-of-only-the-paragraph-goes-whole",
        fm(body="Before.\n\n> &nbsp;\n\nMiddle.\n\n>\n> > \xa0\n>\n\nAfter.\n", title="T"),
        errors=[("empty", 7, 3), ("empty", 12, 5)],
        fixed=fm(body="Before.\n\nMiddle.\n\nAfter.\n", title="T"),
    ),
    Case(
        # A list item of nothing but the paragraph goes whole: `- ` alone is an empty bullet.
        "list-item-of-only-the-paragraph-goes-whole",
        fm(body="- One.\n\n- \xa0\n\n- Three.\n", title="T"),
        errors=[("empty", 7, 3)],
        fixed=fm(body="- One.\n\n- Three.\n", title="T"),
    ),
    Case(
        # The item's next block moves up onto the marker's line: a marker followed by a blank
        # line would be an empty item, and "More of two." a paragraph after the list.
        "list-item-with-more-keeps-its-marker",
        fm(body="1. One.\n\n2. \xa0\n\n   More of two.\n", title="T"),
        errors=[("empty", 7, 4)],
        fixed=fm(body="1. One.\n\n2. More of two.\n", title="T"),
    ),
    Case(
        "list-item-in-a-quote-with-more-keeps-its-marker",
        fm(body="> - One.\n>\n> - \xa0\n>\n>\n>   ```\n>   code\n>   ```\n", title="T"),
        errors=[("empty", 7, 5)],
        fixed=fm(body="> - One.\n>\n> - ```\n>   code\n>   ```\n", title="T"),
    ),
    Case(
        # A tight list has no paragraphs: the item's text is its content, and it goes whole too.
        "tight-list-item-of-only-spaces-goes-whole",
        fm(body="- One.\n- \xa0\n- Three.\n", title="T"),
        errors=[("item", 6, 3)],
        fixed=fm(body="- One.\n- Three.\n", title="T"),
    ),
    Case(
        "tight-list-items-of-unicode-spaces-and-entities",
        fm(body="Before.\n\n1. \u3000\u3000\n2. &nbsp;\xa0\n3. \u2003\n\nAfter.\n", title="T"),
        errors=[("item", 7, 4), ("item", 8, 4), ("item", 9, 4)],
        # Each item goes with its line; the blank lines around the list meet (see below).
        fixed=fm(body="Before.\n\n\nAfter.\n", title="T"),
    ),
    Case(
        "tight-list-item-in-a-quote",
        fm(body="> - One.\n> - \xa0\n", title="T"),
        errors=[("item", 6, 5)],
        fixed=fm(body="> - One.\n", title="T"),
    ),
    Case(
        "tight-list-item-with-a-nested-list-keeps-its-marker",
        fm(body="1. One.\n2. \xa0\n   - Nested.\n", title="T"),
        errors=[("item", 6, 4)],
        fixed=fm(body="1. One.\n2. \n   - Nested.\n", title="T"),
    ),
    Case(
        "tight-list-item-with-text-after-the-spaces",
        fm(body="- \xa0*x*\n- \xa0[a](https://a.example/)\n- Ten\xa0km.\n", title="T"),
    ),
    Case(
        # `<p>&nbsp;</p>` is an HTML block that Hugo renders as an empty paragraph when the site
        # allows raw HTML (and as nothing otherwise); `**&nbsp;**` is `<p><strong> </strong></p>`.
        "html-and-emphasis-paragraphs",
        fm(
            body='A.\n\n<p>&nbsp;</p>\n\n**&nbsp;**\n\n<P class="x">\xa0&nbsp</P>\n\n'
            "<div>\n<p>&nbsp;</p>\n</div>\n\n_\u3000_ ~~ ~~\n\nB.\n",
            title="T",
        ),
        # The `<div>` holding only that blank paragraph is a blank gap as a whole.
        errors=[("empty", 7, 1), ("empty", 9, 1), ("empty", 11, 1), ("html-space", 13, 1)],
        fixed=fm(body="A.\n\n_\u3000_ ~~ ~~\n\nB.\n", title="T"),
    ),
    Case(
        "html-and-emphasis-with-something-to-show",
        fm(body="<p>&nbsp;x</p>\n\n<p><img src=a.png></p>\n\n** **\n\n*&nbsp;*x\n", title="T"),
    ),
    Case(
        # Markdown decodes a reference only with its semicolon: Hugo shows `&nbsp` as it is.
        "reference-without-semicolon-is-text",
        fm(body="A.\n\n&nbsp\n\n&nbsp;&amp\n\nB.\n", title="T"),
    ),
    Case("code-block", fm(body=f"{FENCE}\n\xa0\n{FENCE}\n", title="T")),
    Case(
        "crlf",
        '---\r\ntitle: "T"\r\n---\r\n\r\nBefore.\r\n\r\n\xa0\r\n\r\nAfter.\r\n',
        errors=[("empty", 7, 1)],
        fixed='---\r\ntitle: "T"\r\n---\r\n\r\nBefore.\r\n\r\nAfter.\r\n',
    ),
    # ---- list markers alone on their line: empty list items
    Case(
        # A CMS export: each marker, a blank line, then what was meant as the item's text.
        "marker-then-blank-then-paragraph",
        fm(body="Last year:\n\n-\n\n2 large fires\n\n-\n\n5 small fires\n", title="T"),
        errors=[("detached-item", 7, 1), ("detached-item", 11, 1)],
        unsafe_fixed=fm(body="Last year:\n\n- 2 large fires\n\n- 5 small fires\n", title="T"),
    ),
    Case(
        "empty-item-in-a-tight-list",
        fm(body="- One\n-\n- Two\n", title="T"),
        errors=[("bare-item", 6, 1)],
        fixed=fm(body="- One\n- Two\n", title="T"),
    ),
    Case(
        "empty-item-alone-between-paragraphs",
        fm(body="Before.\n\n+\n\n\n## After\n", title="T"),
        errors=[("bare-item", 7, 1)],
        fixed=fm(body="Before.\n\n\n## After\n", title="T"),
    ),
    Case(
        "empty-item-at-the-end-of-the-file-without-a-line-break",
        fm(body="Before.\n\n*", title="T"),
        errors=[("bare-item", 7, 1)],
        fixed=fm(body="Before.\n", title="T"),
    ),
    Case(
        # `2020.` alone is an ordered list starting at 2020 with nothing in it; escaping the dot
        # shows the line as written.
        "number-alone-is-an-empty-numbered-item",
        fm(body="Before.\n\n2020.\n", title="T"),
        errors=[("bare-item", 7, 1)],
        unsafe_fixed=fm(body="Before.\n\n2020\\.\n", title="T"),
    ),
    Case(
        "numbered-marker-then-blank-then-paragraph",
        fm(body="1)\n\nFirst point.\n", title="T"),
        errors=[("detached-item", 5, 1)],
        unsafe_fixed=fm(body="1) First point.\n", title="T"),
    ),
    Case(
        "nested-empty-item-inside-an-item",
        fm(body="- a\n\n  -\n\nText.\n", title="T"),
        errors=[("bare-item", 7, 3)],
        fixed=fm(body="- a\n\nText.\n", title="T"),
    ),
    Case(
        "empty-item-in-a-block-quote",
        fm(body="Before.\n\n> -\n", title="T"),
        errors=[("bare-item", 7, 3)],
        fixed=fm(body="Before.\n", title="T"),
    ),
    Case(
        "crlf-marker-then-paragraph",
        '---\r\ntitle: "T"\r\n---\r\n-\r\n\r\nText.\r\n',
        errors=[("detached-item", 4, 1)],
        unsafe_fixed='---\r\ntitle: "T"\r\n---\r\n- Text.\r\n',
    ),
    Case(
        # A `-` under text underlines a heading (paragraph-heading's business); `*` and `1.`
        # there continue the paragraph, since an empty item cannot interrupt one.
        "markers-right-under-text-are-no-items",
        fm(body="Heading\n-\n\nText\n*\n\nMore text\n1.\n", title="T"),
    ),
    Case(
        "marker-with-its-text-on-the-next-line-is-no-empty-item",
        fm(body="-\n  The item's text.\n\n10.\n    Ten.\n", title="T"),
    ),
    Case(
        "horizontal-rules-code-html-and-shortcodes-are-no-items",
        fm(
            body=f"- - -\n\n* * *\n\n{FENCE}\n-\n{FENCE}\n\n    -\n\n<div>\n-\n</div>\n\n"
            "{{< note >}}\n-\n{{< /note >}}\n",
            title="T",
        ),
    ),
    Case(
        # A fence left at the end of the article after a list, that nothing closes: Hugo renders
        # an empty `<pre><code></code></pre>` (a university news page, statlab).
        "unclosed-fence-at-the-end-is-an-empty-code-block",
        fm(body="The committee:\n\n- A. Manou\n- A. Burnetas\n```\n", title="T"),
        errors=[("empty-code", 9, 1)],
        fixed=fm(body="The committee:\n\n- A. Manou\n- A. Burnetas\n", title="T"),
    ),
    Case(
        "closed-empty-fences-between-paragraphs",
        fm(body="Before.\n\n~~~ text\n\n~~~\n\nAfter.\n", title="T"),
        errors=[("empty-code", 7, 1)],
        fixed=fm(body="Before.\n\nAfter.\n", title="T"),
    ),
    Case(
        "empty-fences-in-a-quote",
        fm(body="Before.\n\n> ```\n> ```\n\nAfter.\n", title="T"),
        errors=[("empty-code", 7, 3)],
        fixed=fm(body="Before.\n\nAfter.\n", title="T"),
    ),
    Case(
        # Code with something in it, a longer closing fence and an indented block stay.
        "code-that-holds-something-is-left-alone",
        fm(body="Text.\n\n```\nx = 1\n````\n\n    >\n\n```\n  >\n```\n", title="T"),
    ),
]


# Headings with nothing to show, as converters write WordPress's and Tumblr's `<h2>&nbsp;</h2>`.
CASES += [
    Case(
        "heading-of-an-entity-or-a-no-break-space",
        fm(body="Before.\n\n## &nbsp;\n\n### \xa0 ###\n\nAfter.\n", title="T"),
        errors=[("heading", 7, 1), ("heading", 9, 1)],
        fixed=fm(body="Before.\n\nAfter.\n", title="T"),
    ),
    Case(
        # A marker alone may have been meant as a section break: the removal is unsafe.
        "marker-alone",
        fm(body="Before.\n\n#\n\nAfter.\n\n##   \n", title="T"),
        errors=[("bare-heading", 7, 1), ("bare-heading", 11, 1)],
        unsafe_fixed=fm(body="Before.\n\nAfter.\n", title="T"),
    ),
    Case(
        # Headings with text, a hashtag (no heading), a setext heading, `#` in code.
        "headings-with-text",
        fm(
            body="## Vote ##\n\n#budget talks\n\nResult\n---\n\n```\n#\n```\n\n## 2 &amp; 3\n",
            title="T",
        ),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_empty_paragraph(case: Case) -> None:
    assert_case(EmptyParagraph, case)


def test_a_list_of_only_empty_items_leaves_one_blank_line_after_fix() -> None:
    # blank-lines (BD003) joins the two blank lines the removed list leaves, in the same fix run.
    text = fm(body="Before.\n\n- \xa0\n- \u3000\n\nAfter.\n", title="T")
    fixed, remaining = fix_text(text, select=["BD001", "BD003"])
    assert (fixed, remaining) == (fm(body="Before.\n\nAfter.\n", title="T"), [])


def test_marker_lines_are_found_as_the_plain_pattern_finds_them() -> None:
    # `_markers_at_line_end` searches only the lines its line-break pattern picks: it must yield
    # exactly what `_MARKER_AT_LINE_END.finditer` yields, whatever ends the lines (spaces, tabs,
    # CR, CRLF, no break at all) and wherever the search starts (mid-line too).
    import itertools

    from newslint.rules.empty_paragraph import _MARKER_AT_LINE_END, _markers_at_line_end

    alphabet = "-1.) \t\r\nx"
    checked = 0
    for length in range(5):
        for chars in itertools.product(alphabet, repeat=length):
            text = "".join(chars)
            for start in {0, length // 2, length}:
                expected = [m.span() for m in _MARKER_AT_LINE_END.finditer(text, start)]
                assert [m.span() for m in _markers_at_line_end(text, start)] == expected, (
                    text,
                    start,
                )
                checked += 1
    for text in ("a\n1. \t\r\n\n- \n* x\n2)", "x\r\n-\r\n+ \t", "- \r- \n", "a\n\n3.  "):
        expected = [m.span() for m in _MARKER_AT_LINE_END.finditer(text, 2)]
        assert [m.span() for m in _markers_at_line_end(text, 2)] == expected, text
        assert expected  # each of them has a marker line
    assert checked > 15_000


def _body(body: str) -> str:
    return fm(body=body, title="T")


# Empty HTML elements that WordPress and rich-text editors leave (`<p></p>`, `<div></div>`,
# `<span></span>`, `<p><br></p>`): removed with the blank line they leave. Not what can matter:
# an anchor (`id`, `name`), an embed (`class`, `data-*`), a style that draws (`clear: both`), an
# element inside another (a wrapper's style may draw it), HTML in code or a shortcode's body.
HTML_LEFTOVER_CASES = [
    Case(
        "empty-elements-alone-on-their-lines",
        _body("A.\n\n<p></p>\n\n<div>\n</div>\n\n<span></span>\n\n<p><br></p>\n\nB.\n"),
        errors=[("html", 7, 1), ("html", 9, 1), ("html", 12, 1), ("empty", 14, 1)],
        fixed=_body("A.\n\nB.\n"),
    ),
    Case(
        "nested-and-word-processor-styles",
        _body(
            '<p style="text-align: center;"><span style="font-weight: 400;"></span></p>\n\n'
            "<DIV><p>&nbsp;</p></DIV>\n\nB.\n"
        ),
        errors=[("html", 5, 1), ("html-space", 7, 1)],
        fixed=_body("B.\n"),
    ),
    Case(
        "inside-a-line-of-text",
        _body("A. <span></span> B.\n\nC.  <b></b>\nD.\n\n# E <em></em>\n"),
        errors=[("html", 5, 4), ("html", 7, 5), ("html", 10, 5)],
        fixed=_body("A. B.\n\nC.\nD.\n\n# E\n"),
    ),
    Case(
        "a-line-of-a-paragraph-and-a-list-item",
        _body("A.\n<span></span>\nB.\n\n- <i></i>\n- c\n"),
        errors=[("html", 6, 1), ("html", 9, 3)],
        fixed=_body("A.\nB.\n\n- c\n"),
    ),
    Case(
        "crlf",
        "---\r\ntitle: T\r\n---\r\n\r\nA.\r\n\r\n<div></div>\r\n\r\nB.\r\n",
        errors=[("html", 7, 1)],
        fixed="---\r\ntitle: T\r\n---\r\n\r\nA.\r\n\r\nB.\r\n",
    ),
    # The text after it would be Markdown once the block's first line goes: unsafe.
    Case(
        "first-line-of-an-html-block",
        _body("<div></div>\n*text*\n"),
        errors=[("html", 5, 1)],
        unsafe_fixed=_body("*text*\n"),
    ),
    # A later line of the block: the text after it stays in the block, raw as before.
    Case(
        "later-line-of-an-html-block",
        _body("<p>x</p>\n<div></div>\n*text*\n"),
        errors=[("html", 6, 1)],
        fixed=_body("<p>x</p>\n*text*\n"),
    ),
    Case(
        "what-can-matter-stays",
        _body(
            '<div id="x"></div>\n\n<a name="y"></a>\n\n<div class="gcse-search"></div>\n\n'
            '<span class="dashicons dashicons-star"></span>\n\n<div data-href="u"></div>\n\n'
            '<div style="clear: both;"></div>\n\n<div style="height:20px"></div>\n\n'
            '<p style="height: 40px"></p>\n\n<P STYLE="margin: 0; Border-Top: 1px solid"></P>\n\n'
            "<td></td>\n\n<div>\n\n</div>\n"
        ),
    ),
    Case(
        "inside-an-element-that-may-draw-it",
        _body(
            '<div class="loader"><div></div></div>\n\n<div class="lines">\n<span></span>\n'
            '</div>\n\nA <span class="x"><span></span></span> B\n'
        ),
    ),
    Case(
        "whitespace-that-shows-between-words",
        _body("word<span>&nbsp;</span>word and <span> </span>\n\nA <p></p> line break\n"),
    ),
    Case(
        "code-shortcode-and-a-quote",
        _body(
            "A `<span></span>` B\n\n```\n<div></div>\n```\n\n{{< x >}}<div></div>{{< /x >}}\n\n"
            "> A\n> <span></span>\n> B\n"
        ),
    ),
]


@pytest.mark.parametrize("case", HTML_LEFTOVER_CASES, ids=lambda c: c.name)
def test_empty_html_leftovers(case: Case) -> None:
    assert_case(EmptyParagraph, case)


def test_empty_html_messages() -> None:
    from newslint.engine import check_text

    text = _body("<div></div>\n\n<div>&#160;<br/></div>\n\n<p>\u3000</p>\n")
    assert [d.message for d in check_text(text, select=["BD001"])] == [
        "HTML element <div> holds nothing: a leftover of an import",
        "HTML element <div> holds only whitespace ('&#160;<br>'): a blank gap",
        "paragraph holds only whitespace (U+3000)",
    ]
