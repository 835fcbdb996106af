from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint.rules.wordpress_shortcode import _CLOSING, _NAME, _OPENING, WordpressShortcode
from newslint.testing import Case, assert_case, fm

CASES = [
    Case(
        # Bracketed words, a reference link, a WordPress name used as a word: no shortcode.
        "bracketed-words",
        fm(
            body="He said it [sic] twice [1].\n\n[video unavailable] [audio cuts out]\n\n"
            "See the [gallery] below.\n\n[1]: https://example.org/a\n",
            title="T",
        ),
    ),
    Case(
        # exitwp and wordpress-to-hugo-exporter leave the caption around the image: one report,
        # at the opening tag; the closing tag goes with it.
        "caption-with-attributes-and-closing-tag",
        fm(
            body='Before.\n\n[caption id="attachment_12" align="aligncenter" width="300"]'
            "![Crowd](/img/crowd.jpg) The crowd[/caption]\n",
            title="T",
        ),
        errors=[("shortcode", 7, 1)],
    ),
    Case(
        # wordpress-export-to-markdown escapes the brackets; a URL makes a known name one.
        "escaped-youtube-with-a-url",
        fm(
            body="Video:\n\n\\[youtube https://www.youtube.com/watch?v=9l\\_zPggA4fU\\]\n",
            title="T",
        ),
        errors=[("shortcode", 7, 1)],
    ),
    Case(
        "embed-closed-further-on-and-wordpress-com-form",
        fm(
            body="[embed]https://example.org/v[/embed] and [youtube=https://youtu.be/x]\n",
            title="T",
        ),
        errors=[("shortcode", 5, 1), ("shortcode", 5, 42)],
    ),
    Case(
        # A plugin's shortcode: any lower-case name with a quoted attribute; curled quotes too.
        "plugin-shortcode-and-curled-quotes",
        fm(
            body='Write to us: [contact-form-7 id="9" title="Contact"]\n\n'
            "[caption id=\u201dattachment_5\u2033 align=\u201dalignnone\u201d]\n",
            title="T",
        ),
        errors=[("shortcode", 5, 14), ("shortcode", 7, 1)],
    ),
    Case(
        # A link whose text names a shortcode and a URL is a link (Markdown makes it one); an
        # escaped opening tag before a parenthesis is not a link's text.
        "link-text-is-no-shortcode",
        fm(
            body="Watch the [video https://youtu.be/abc](https://youtu.be/abc) now.\n\n"
            "\\[youtube https://youtu.be/abc\\](sic)\n",
            title="T",
        ),
        errors=[("shortcode", 7, 1)],
    ),
    Case(
        # A closing tag before the opening tag does not make it a shortcode; many closing tags
        # are looked up once each (a list scanned per opening tag took minutes on 20,000 each).
        "closing-tags-before-the-opening-tags",
        fm(body="[/video] " * 3 + "\n\n" + "[video] " * 2 + "\n", title="T"),
        errors=[("closing", 5, 1), ("closing", 5, 10), ("closing", 5, 19)],
    ),
    Case(
        "closing-tag-alone",
        fm(body="The crowd on Sunday[/caption]\n", title="T"),
        errors=[("closing", 5, 20)],
    ),
    Case(
        # Each opening tag closes the first closing tag of its name after it: one left over is
        # reported, though a caption was reported before it.
        "closing-tag-left-over-after-a-closed-caption",
        fm(
            body='[caption id="a"]One[/caption] and [caption id="b"]two[/caption]\n\n'
            "Three[/caption]\n",
            title="T",
        ),
        errors=[("shortcode", 5, 1), ("shortcode", 5, 35), ("closing", 7, 6)],
    ),
    Case(
        # Shown on purpose: in code, and in what a Hugo shortcode call holds.
        "code-and-hugo-shortcode-bodies",
        fm(
            body='Use `[gallery ids="1,2"]` here.\n\n```\n[caption id="a" width="3"]x[/caption]\n```\n\n'
            "{{< highlight text >}}\n[embed]https://example.org/v[/embed]\n{{< /highlight >}}\n",
            title="T",
        ),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_wordpress_shortcode(case: Case) -> None:
    assert_case(WordpressShortcode, case)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["\\", "[", "]", "/", "ab", "x", " ", "=", '"', "\n"]), max_size=12
    ).map("".join)
)
@example('\\[ab x="1"\\] and \\[/ab\\]')
@example("\\\\[ab]\\[/ab]")
def test_tags_match_as_the_optional_backslash_spelling(text: str) -> None:
    # `_OPENING` and `_CLOSING` spell the escaped bracket as two alternatives: they must find
    # exactly what an optional backslash finds.
    for pattern, reference in (
        (_OPENING, re.compile(r"\\?\[(" + _NAME + r")(?=[\s=\]\\])([^\[\]\n]{0,1000}?)\\?\]")),
        (_CLOSING, re.compile(r"\\?\[/(" + _NAME + r")\\?\]")),
    ):
        for start in range(len(text) + 1):
            found = [(m.span(), m.groups()) for m in pattern.finditer(text, start)]
            expected = [(m.span(), m.groups()) for m in reference.finditer(text, start)]
            assert found == expected, (text, start)
