"""Exact cases for the Markdown body model (`newslint.markdown.parse_body`): the nodes and spans
rules see, one case per bug the differential test against markdown-it-py found."""

from __future__ import annotations

from newslint.events import Html, Link, Text
from newslint.markdown import BodyNode, parse_body


def _nodes(body: str) -> list[BodyNode]:
    return parse_body(body, 0, linkify=False)


def _texts(body: str) -> list[tuple[str, int, int]]:
    return [(n.text, n.span.start, n.span.end) for n in _nodes(body) if isinstance(n, Text)]


def _destinations(body: str) -> list[tuple[str, str | None]]:
    """Each link's URL and the source at its `url_span`."""
    return [
        (n.url, None if n.url_span is None else body[n.url_span.start : n.url_span.end])
        for n in _nodes(body)
        if isinstance(n, Link)
    ]


def test_a_backslash_escape_stays_in_its_prose_run() -> None:
    # pulldown-cmark reports `\*` as the text `*` without the backslash; the run is the source.
    assert _texts("a \\*b\\* c\n") == [("a \\*b\\* c", 0, 9)]
    assert _texts("\\# not a heading\n") == [("\\# not a heading", 0, 16)]
    assert _texts("# foo \\###\n") == [("foo \\###", 2, 10)]
    assert _texts("[x\\]y](u)\n") == [("x\\]y", 1, 5)]


def test_an_escaped_backslash_is_not_an_escape_of_what_follows() -> None:
    # `\\` shows one backslash; the `&amp;` after it is a reference, not escaped.
    assert _texts("a\\\\&amp; b\n") == [("a\\\\&amp; b", 0, 10)]


def test_a_destination_with_nested_parentheses_has_its_span() -> None:
    assert _destinations("[link](foo(and(bar)))\n") == [("foo(and(bar))", "foo(and(bar))")]
    assert _destinations("[a](x((((y)))) 't')\n") == [("x((((y))))", "x((((y))))")]


def test_a_no_break_space_is_part_of_the_destination() -> None:
    # Only ASCII spaces, tabs and line endings end a destination; U+00A0 is one of its characters.
    assert _destinations('[link](/url\xa0"title")\n') == [('/url\xa0"title"', '/url\xa0"title"')]


def test_a_title_on_the_next_line_of_a_block_quote_or_list_item() -> None:
    # The next line starts with the container's `> ` or indent before the title.
    assert _destinations('> [a](https://x.org/p\n> "title")\n') == [
        ("https://x.org/p", "https://x.org/p")
    ]
    assert _destinations('- > ![a](/i.png\n  >   "title")\n') == [("/i.png", "/i.png")]


def test_an_html_block_is_one_node_per_line_with_crlf_as_with_lf() -> None:
    # pulldown-cmark reports a CRLF line of an HTML block as its text, then `\n` without the `\r`.
    body = "<!--\r\n\r\nnote\r\n-->\r\n> <div>\r\n> x\r\n"
    lines = [(body[n.span.start : n.span.end], n.text) for n in _nodes(body) if isinstance(n, Html)]
    assert lines == [
        ("<!--\r\n", "<!--\r\n"),
        ("\r\n", "\r\n"),
        ("note\r\n", "note\r\n"),
        ("-->\r\n", "-->\r\n"),
        ("<div>\r\n", "<div>\r\n"),
        ("x\r\n", "x\r\n"),
    ]
