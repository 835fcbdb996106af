"""Bare URLs are links, as Hugo's Goldmark makes them (its Linkify extension, on by default)."""

from __future__ import annotations

from newslint.document import Document
from newslint.events import Code, Link
from newslint.site import Site


def _nodes(body: str) -> list[Link]:
    doc = Document.from_text("---\ntitle: x\n---\n" + body, "a.md", Site())
    return [n for n in doc.body_nodes if isinstance(n, Link)]


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
        # After an opening quote (a typographer's node) Goldmark links; `"` is part of a URL.
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
        ("Linkify", 'https://e.org/q"', 'https://e.org/q"', 'https://e.org/q"'),
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


def test_where_goldmark_starts_a_bare_url() -> None:
    body = (
        "See'https://a.org/x and x\thttps://no.org and \\(https://no.org and ...www.b.org\n\n"
        "[see https://no.org and [x] https://no.org\n\n"
        "After https://c.org/x;, https://d.org/x&amp; https://e.org/x!) and (https://f.org/x!)\n"
    )
    assert [(url, shown) for _, url, shown, _ in _links(body)] == [
        ("https://a.org/x", "https://a.org/x"),
        ("https://www.b.org", "www.b.org"),
        ("https://c.org/x;", "https://c.org/x;"),
        ("https://d.org/x", "https://d.org/x"),
        ("https://e.org/x!", "https://e.org/x!"),
        ("https://f.org/x!", "https://f.org/x!"),
    ]


def test_bare_e_mail_addresses_are_mailto_links() -> None:
    body = "Write to foo@bar.example.com, (a.b+c@d.org) or x@localhost; not a@b.c- or `q@r.org`.\n"
    assert _links(body) == [
        ("Linkify", "mailto:foo@bar.example.com", "foo@bar.example.com", "foo@bar.example.com"),
        ("Linkify", "mailto:a.b+c@d.org", "a.b+c@d.org", "a.b+c@d.org"),
    ]


def test_a_bare_url_runs_on_over_what_commonmark_reads_as_code_or_a_link() -> None:
    body = "See https://a.org/x`c`[y](/l) and *See*a@b.org.\n"
    assert _links(body) == [
        (
            "Linkify",
            "https://a.org/x`c`[y](/l)",
            "https://a.org/x`c`[y](/l)",
            "https://a.org/x`c`[y](/l)",
        ),
        ("Linkify", "mailto:See*a@b.org", "See*a@b.org", "See*a@b.org"),
    ]
    doc = Document.from_text("---\ntitle: x\n---\n" + body, "a.md", Site())
    assert not [n for n in doc.body_nodes if isinstance(n, Code)]


def test_a_link_in_an_image_description_is_alt_text_not_a_link() -> None:
    body = "![foo [bar](/url) https://a.org ![baz](/b.png)](/url2) and [x](/y)\n"
    assert [(n.url, n.is_image) for n in _nodes(body)] == [("/url2", True), ("/y", False)]


def test_a_url_goes_on_through_a_shortcode_call() -> None:
    """Hugo puts a call's output (or a placeholder) in its place before Goldmark reads the line:
    with hugo 0.168, `[x](https://a.org/{{% param "id" %}}/b)` links to `https://a.org/<id>/b`.
    The URL is the whole of it, not `https://a.org/{{%`, cut at the call's first space."""
    body = (
        'See [x](https://a.org/{{% param "id" %}}/b) and https://b.org/{{< param "id" >}}/c.\n\n'
        "Then http://c.org/{{<p>}}{{% q %}}?utm_source=x, and http://d.org/{{ .Site.Title }}.\n"
    )
    urls = [
        'https://a.org/{{% param "id" %}}/b',
        'https://b.org/{{< param "id" >}}/c',
        "http://c.org/{{<p>}}{{% q %}}?utm_source=x",
        "http://d.org/{{",  # template braces, no shortcode call: template-braces reports them
    ]
    assert _links(body) == [("Linkify", url, url, url) for url in urls]


def test_a_url_inside_a_shortcode_call_is_no_link() -> None:
    """Hugo replaces a call before Goldmark reads the line, so the URLs among its arguments are
    never linked (hugo 0.168: `{{< figure src="https://a.org/x.png" >}}` makes an `<img>` and no
    link of the text; a URL was taken from there with the closing quote, `x.png"`). Prose around
    and after the call is linked as ever."""
    body = (
        'A {{< figure src="https://a.org/x.png" link="https://a.org/y" >}} and https://b.org/z\n\n'
        '{{< youtube https://www.youtube.com/watch?v=1 >}} {{% ref "https://c.org/" %}}\n\n'
        "{{< contact desk@news.example >}} or ops@news.example\n\n"
        'Escaped: {{</* figure src="https://d.org/x.png" */>}}\n'
    )
    escaped = 'https://d.org/x.png"'  # hugo 0.168 writes the call out and links this, quote too
    assert _links(body) == [
        ("Linkify", "https://b.org/z", "https://b.org/z", "https://b.org/z"),
        ("Linkify", "mailto:ops@news.example", "ops@news.example", "ops@news.example"),
        ("Linkify", escaped, escaped, escaped),
    ]
