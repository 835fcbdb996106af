"""Bare URLs are links, as Hugo's Goldmark makes them (its Linkify extension, on by default)."""

from __future__ import annotations

from newslint.document import Document
from newslint.events import Link
from newslint.site import Site


def _links(body: str, site: Site | None = None) -> list[tuple[str, str, str, str]]:
    doc = Document.from_text("---\ntitle: x\n---\n" + body, "a.md", site or Site())
    return [
        (n.link_type, n.url, doc.text[n.span.start : n.span.end], n.text)
        for n in doc.body_nodes
        if isinstance(n, Link)
    ]


def test_bare_urls_in_prose_are_links_without_their_closing_punctuation() -> None:
    body = (
        "See http://a.org/x. Then (https://b.org/wiki/Foo_(bar)), and www.cc.org/p?q=1!\n\n"
        # After a quote Goldmark links nothing (it wants a space or one of `*_~(` first).
        'Mail ftp://d.org/f, "https://e.org/q" and *https://f.org/g*.\n'
    )
    assert _links(body) == [
        ("Linkify", "http://a.org/x", "http://a.org/x", "http://a.org/x"),
        (
            "Linkify",
            "https://b.org/wiki/Foo_(bar)",
            "https://b.org/wiki/Foo_(bar)",
            "https://b.org/wiki/Foo_(bar)",
        ),
        ("Linkify", "https://www.cc.org/p?q=1", "www.cc.org/p?q=1", "www.cc.org/p?q=1"),
        ("Linkify", "ftp://d.org/f", "ftp://d.org/f", "ftp://d.org/f"),
        ("Linkify", "https://f.org/g", "https://f.org/g", "https://f.org/g"),
    ]


def test_urls_that_are_already_links_or_code_are_not_linked_again() -> None:
    body = (
        "[a](https://a.org) <https://b.org> `https://c.org` word.http://d.org localhost http://e\n"
    )
    assert [kind for kind, *_ in _links(body)] == ["Inline", "Autolink"]


def test_a_site_can_turn_linkify_off_and_choose_the_protocol_of_www_links() -> None:
    off = Site(raw={"markup": {"goldmark": {"extensions": {"linkify": False}}}})
    assert _links("See http://a.org now.\n", off) == []
    http = Site(raw={"markup": {"goldmark": {"extensions": {"linkifyprotocol": "http"}}}})
    assert _links("See www.aa.org now.\n", http)[0][1] == "http://www.aa.org"
