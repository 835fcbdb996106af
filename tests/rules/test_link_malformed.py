from __future__ import annotations

from pathlib import Path

import pytest

from newslint.rules.link_malformed import LinkMalformed
from newslint.testing import Case, assert_case, fm

CASES = [
    Case(
        # A photo-host query copied through an HTML decoder that reads `&curren` without its `;`
        # (real site: spidermedia, a Wayback archive); `&region=` and `&section=` the same way.
        "decoded-entity-in-query",
        fm(body="[p](http://s.org/a/?action=view¤t=b.jpg) x\n\n[m](https://m.org/?id=1®ion=eu)\n"),
        errors=[("entity", 4, 5), ("entity", 6, 5)],
        fixed=fm(
            body="[p](http://s.org/a/?action=view&current=b.jpg) x\n\n"
            "[m](https://m.org/?id=1&region=eu)\n"
        ),
    ),
    Case(
        "decoded-entity-in-html-reported-without-fix",
        fm(body='<a href="https://m.org/?id=1§ion=2">m</a>\n'),
        errors=[("entity", 4, 10)],
    ),
    Case(
        # A search alert's links, their query percent-encoded into the path (real site: a
        # research digest built from such alerts); the fix writes `?`, `=` and `&` back.
        "percent-encoded-query",
        fm(
            body="[a\nb](https://p.org/u4/download%3Fformat%3Dpdf) x [c](https://j.org/article%3fid%3D1%26v%3D2)\n"
        ),
        errors=[("encoded-query", 5, 4), ("encoded-query", 5, 52)],
        unsafe_fixed=fm(
            body="[a\nb](https://p.org/u4/download?format=pdf) x [c](https://j.org/article?id=1&v=2)\n"
        ),
    ),
    Case(
        # A `%3F` in a file name, or after a real `?`, is no encoded query.
        "percent-encoded-question-mark-left-alone",
        fm(body="[a](https://a.org/why%3F.pdf) [b](https://a.org/s?q=a%3Fb%3Dc)\n"),
    ),
    Case(
        # No parameter follows, or the character is in the path or fragment: a real URL.
        "entity-characters-that-are-no-decoded-query",
        fm(
            body="[a](https://a.org/©-2020?x=1) [b](https://a.org/?q=£) [c](https://a.org/?x=1#®ion=x)"
            " [d](https://a.org/?q=años=2)\n"
        ),
    ),
    Case(
        "good-links",
        fm(body="See [a](https://a.org/x), ![b](https://a.org/b.png) and <https://a.org>.\n"),
    ),
    Case(
        "empty-image-and-link",
        fm(body="Volume  ![]()  and [](<>) here\n"),
        errors=[("empty", 4, 9), ("empty", 4, 20)],
        # One space next to each removed link goes with it (the text's own double spaces stay).
        fixed=fm(body="Volume   and here\n"),
    ),
    Case(
        "empty-images-around-a-url",
        fm(body="![]()https://static001.infoq.cn/a.gif![]()\n"),
        errors=[("empty", 4, 1), ("empty", 4, 38)],
        fixed=fm(body="https://static001.infoq.cn/a.gif\n"),
    ),
    Case(
        "javascript-unlinked-unsafely",
        fm(body="* [Watchlist](javascript:void(0);)\n* [**Set** Alert](JavaScript:alert(1))\n"),
        errors=[("script", 4, 3), ("script", 5, 3)],
        unsafe_fixed=fm(body="* Watchlist\n* **Set** Alert\n"),
    ),
    Case(
        "text-without-destination",
        fm(body="Read [the report]() and ![chart]() now.\n"),
        errors=[("no-url", 4, 6), ("no-url", 4, 25)],
        unsafe_fixed=fm(body="Read the report and now.\n"),
    ),
    Case(
        "no-host",
        fm(body="See [a](http:///path) and [b](https://) now.\n"),
        errors=[("no-host", 4, 9), ("no-host", 4, 31)],
    ),
    Case(
        "doubled-scheme",
        fm(body="Mail [desk](http://mailto:desk@reuters.com) or [x](https://https://x.org/a).\n"),
        errors=[("double-scheme", 4, 13), ("double-scheme", 4, 52)],
        unsafe_fixed=fm(body="Mail [desk](mailto:desk@reuters.com) or [x](https://x.org/a).\n"),
    ),
    Case(
        "space-in-url-does-not-render",
        fm(body="[fx168](https://www.fx168news.com/article/Pi Network-834911)\n"),
        errors=[("space", 4, 9)],
        fixed=fm(body="[fx168](https://www.fx168news.com/article/Pi%20Network-834911)\n"),
    ),
    # A tab or a line break in the URL keeps the link from rendering too (checked with hugo
    # 0.168); no fix: a wrapped or pasted URL.
    Case("tab-in-url", fm(body="[a](https://example.com/a\tb)\n"), errors=[("space", 4, 5)]),
    Case("line-break-in-url", fm(body="[a](https://example.com/a\nb)\n"), errors=[("space", 4, 5)]),
    Case(
        "crlf-in-url-after-text",
        fm(body="x [a](https://example.com/a\r\n  b) y\n"),
        errors=[("space", 4, 7)],
    ),
    Case(
        # A downloaded file's copy number, `다운로드 (4).jpg`: the part after the space holds
        # parentheses (a Korean AI-news site, koreannews); `%20` makes the image render.
        "space-before-a-parenthesised-copy-number",
        fm(body="![EV9](https://x.org/up/20250628_img (4).jpg)\n\n[b](/a (2).pdf) end\n"),
        errors=[("space", 4, 8), ("space", 6, 5)],
        fixed=fm(body="![EV9](https://x.org/up/20250628_img%20(4).jpg)\n\n[b](/a%20(2).pdf) end\n"),
    ),
    # A one-word `(title)` closing the link is a title: the link renders.
    Case("parenthesised-title", fm(body="[a](https://example.com/a (Title)) [b](/b (T) )\n")),
    Case("title-on-the-next-line", fm(body='[a](https://example.com/a\n"title")\n')),
    Case("blank-line-ends-it", fm(body="[a](https://example.com/a\n\nb)\n")),
    Case(
        "two-spaced-urls-on-one-line",
        fm(body="A [x](/a b) and [y](https://y.org/c  d?q=1 2) end\n"),
        errors=[("space", 4, 7), ("space", 4, 21)],
        fixed=fm(body="A [x](/a%20b) and [y](https://y.org/c%20%20d?q=1%202) end\n"),
    ),
    Case(
        # The link text's markup splits the prose into runs: the URL is in a later run.
        "space-in-url-after-emphasised-text",
        fm(body="See [**the report**](https://a.org/x y.html) and [`x` y](/a b) now.\n"),
        errors=[("space", 4, 22), ("space", 4, 58)],
        fixed=fm(body="See [**the report**](https://a.org/x%20y.html) and [`x` y](/a%20b) now.\n"),
    ),
    Case(
        # `<a href="url">text</a>` converted badly: the quote is part of the URL Hugo links to
        # (`href="https://x.org/a%22"`), a page that does not exist.
        "stray-quote-from-an-html-attribute",
        fm(body='Follow [us](https://x.org/a") and [b](/c/d").\n'),
        errors=[("quote", 4, 13), ("quote", 4, 39)],
        unsafe_fixed=fm(body="Follow [us](https://x.org/a) and [b](/c/d).\n"),
    ),
    Case(
        # `">` inside the URL, or the quote written as an entity: no fix, where the address ends
        # is not sure.
        "quote-inside-the-url-no-fix",
        fm(body='[a](https://x.org/a">b) [c](https://x.org/c&quot;)\n'),
        errors=[("quote", 4, 5), ("quote", 4, 29)],
    ),
    Case(
        # `[text]((url))`: Markdown takes the outer parentheses into the URL, a relative address
        # that does not exist. Balanced parentheses inside a URL, or around words, are no URL.
        "url-wrapped-in-parentheses",
        fm(
            body="Read the [plan]((https://x.org/a/b)) and ![chart]((https://x.org/c.png)); [wiki](https://en.wikipedia.org/wiki/A_(b)) and [note]((draft)) stay.\n"
        ),
        errors=[("wrapped", 4, 17), ("wrapped", 4, 51)],
        unsafe_fixed=fm(
            body="Read the [plan](https://x.org/a/b) and ![chart](https://x.org/c.png); [wiki](https://en.wikipedia.org/wiki/A_(b)) and [note]((draft)) stay.\n"
        ),
    ),
    Case(
        # `[text]([https://x.org/a])` and a whole link pasted as the URL (real site: an NGO's
        # blog; READMEs fill in a `[URL]` placeholder so): Markdown takes the brackets into the
        # URL, and hugo 0.168's own render hook fails the build on it. Brackets around a path,
        # or in a URL in angle brackets that is no web URL, are left alone.
        "url-in-square-brackets",
        fm(
            body="See [the plan]([https://x.org/a]), [wiki]([A](https://en.wikipedia.org/wiki/A_(b))) "
            "and [docs]([/a](/b)).\n"
        ),
        errors=[("bracketed", 4, 16), ("bracketed", 4, 43)],
        unsafe_fixed=fm(
            body="See [the plan](https://x.org/a), [wiki](https://en.wikipedia.org/wiki/A_(b)) "
            "and [docs]([/a](/b)).\n"
        ),
    ),
    Case(
        # A pasted link whose label has a space is no URL: only it is a link, and readers see
        # `[second vignette](` before it (hugo 0.168). Its title goes with its URL. Not after a
        # reference link the article defines, nor after `](` that closes no label of its own.
        "whole-link-pasted-as-the-url",
        fm(
            body='In our [second vignette]([LINK TO VIGNETTE](https://c.org/a "T")), Jan shows.\n\n'
            "[ref]([a b](https://x.org/r)) and [ok](https://x.org) ([a b](https://x.org/c)).\n\n"
            "[ref]: https://x.org/ref\n"
        ),
        errors=[("pasted-link", 4, 8)],
        unsafe_fixed=fm(
            body='In our [second vignette](https://c.org/a "T"), Jan shows.\n\n'
            "[ref]([a b](https://x.org/r)) and [ok](https://x.org) ([a b](https://x.org/c)).\n\n"
            "[ref]: https://x.org/ref\n"
        ),
    ),
    Case(
        # The same in raw HTML: the browser asks for a page named `(https:` beside the article.
        "url-wrapped-in-parentheses-in-html",
        fm(body='See <a href="(https://x.org/a)">the plan</a> and <img src="(/c.png)">.\n'),
        errors=[("wrapped-html", 4, 14)],
        unsafe_fixed=fm(
            body='See <a href="https://x.org/a">the plan</a> and <img src="(/c.png)">.\n'
        ),
    ),
    Case(
        # `www.x.org` without `https://` is a path to the browser: `/news/www.x.org/a`. A last
        # label that is a file's extension may be a file's name; a bare `www.x.org` in the text
        # is Hugo's (Linkify links it with a scheme).
        "web-address-without-a-scheme",
        fm(
            body="See [the report](www.x.org/a?id=1), [home](WWW.Example.de) and "
            '<a href="www.y.org">y</a>; [f](www.backup.tar), [d](www/a.html) and www.z.org stay.\n'
        ),
        errors=[("no-scheme", 4, 18), ("no-scheme", 4, 44), ("no-scheme", 4, 73)],
        unsafe_fixed=fm(
            body="See [the report](https://www.x.org/a?id=1), [home](https://WWW.Example.de) and "
            '<a href="https://www.y.org">y</a>; [f](www.backup.tar), [d](www/a.html) and www.z.org '
            "stay.\n"
        ),
    ),
    Case(
        # A `%` that starts no escape: Go's URL parser (Hugo's own link render hook) rejects it.
        # Escapes, in either case, are fine; so is raw HTML, which no render hook reads.
        "percent-that-starts-no-escape",
        fm(
            body="[a](https://x.org/100%), https://x.org/50%off and [b](/f/a%2.pdf); "
            '[c](https://x.org/%E4%b8%AD?q=%20) and <a href="https://x.org/1%">d</a>.\n'
        ),
        errors=[("bad-escape", 4, 5), ("bad-escape", 4, 26), ("bad-escape", 4, 55)],
        unsafe_fixed=fm(
            body="[a](https://x.org/100%25), https://x.org/50%25off and [b](/f/a%252.pdf); "
            '[c](https://x.org/%E4%b8%AD?q=%20) and <a href="https://x.org/1%">d</a>.\n'
        ),
    ),
    Case(
        # A shortcode call in the URL is replaced by its output before Hugo reads the URL
        # (hugo 0.168 links these to the `u` parameter's address); a Jekyll tag is not.
        "shortcode-call-in-url",
        fm(
            body="[a](<{{% param u %}}>), [b][r], [c]({{< ref x >}}) and [d]({%post_url%}/x).\n"
            "\n[r]: <{{% param u %}}x?{{% _param utm %}}>\n"
        ),
        errors=[("bad-escape", 4, 60)],
        unsafe_fixed=fm(
            body="[a](<{{% param u %}}>), [b][r], [c]({{< ref x >}}) and [d]({%25post_url%25}/x).\n"
            "\n[r]: <{{% param u %}}x?{{% _param utm %}}>\n"
        ),
    ),
    Case(
        # The spaces inside a shortcode call in the middle of a URL are gone before Markdown reads
        # it (hugo 0.168 links this to `https://x.org/abc/p`); a space outside the call is not.
        "spaces-of-a-shortcode-call-inside-a-url",
        fm(body="[a](https://x.org/{{< param id >}}/p) and [b](/t/{{% param tag %}}/p q).\n"),
        errors=[("space", 4, 47)],
        fixed=fm(
            body="[a](https://x.org/{{< param id >}}/p) and [b](/t/{{% param tag %}}/p%20q).\n"
        ),
    ),
    Case(
        # A `{{% %}}` call with a space after a web URL's host: the URL runs through the call to
        # `/p` (hugo 0.168 links it to `https://x.org/abc/p`); its `%` is the call's, no escape.
        "percent-shortcode-call-inside-a-web-url",
        fm(body='[a](https://x.org/{{% param "id" %}}/p) and https://y.org/{{% param id %}}.\n'),
    ),
    Case(
        # The same with a quoted argument, spaced or not, at the URL's start or in its middle:
        # hugo 0.168 renders `[a]({{< echo "x y" >}}/a b)` as typed, and links the fixed URLs.
        "space-outside-a-quoted-shortcode-argument",
        fm(
            body='[a]({{< echo "x y" >}}/a b) [b](https://x.org/{{< param "a" >}}/my page)\n\n'
            '[c]({{< echo "https://x.org/a" >}}?q=1 2) [d]({{< ref "my story.md" >}})\n'
        ),
        errors=[("space", 4, 5), ("space", 4, 33), ("space", 6, 5)],
        fixed=fm(
            body='[a]({{< echo "x y" >}}/a%20b) [b](https://x.org/{{< param "a" >}}/my%20page)\n\n'
            '[c]({{< echo "https://x.org/a" >}}?q=1%202) [d]({{< ref "my story.md" >}})\n'
        ),
    ),
    Case(
        # Quotes in pairs are a search query's, which the server reads: no debris.
        "quoted-search-query",
        fm(body='[a](https://x.org/search?q="budget") [b](/s?q="a"&r="b")\n'),
    ),
    Case(
        # `(https://a.org/x">more text)`: HTML debris with spaces is no path with spaces; `%20`
        # would turn it into a link to a page that does not exist.
        "spaced-url-with-html-debris-no-fix",
        fm(body='[c](https://a.org/x">more text) end\n'),
        errors=[("space", 4, 5)],
    ),
    Case(
        # A bad export writes `[url](text)`: the first links to a page "Announcement" beside the
        # article, the second (a space in the "URL") is no link at all.
        "text-and-url-swapped",
        fm(body="[https://x.org/a](Announcement) and [https://x.org/b#H](1.1 History)\n"),
        errors=[("swapped", 4, 1), ("swapped", 4, 37)],
        unsafe_fixed=fm(
            body="[Announcement](https://x.org/a) and [1.1 History](https://x.org/b#H)\n"
        ),
    ),
    Case(
        # A CMS put an event's name where the address belongs, a path has a space: no URL, no
        # link (Hugo shows the brackets); nothing to fix it with.
        "destination-of-words",
        fm(
            body=(
                "* Dublin has an [intro](Hacks/Hackers Dublin: Workshop @datajconf) on data\n"
                "* the [report](files/annual report.pdf)\n"
            )
        ),
        errors=[("words", 4, 25), ("words", 5, 16)],
    ),
    Case(
        # A link with a title, a reference link followed by a parenthesis, an image and a
        # one-word destination are left alone.
        "destination-of-words-left-alone",
        fm(
            body=(
                "[a](b \"t\") and [c](d 'e') and [ref](the note here) and "
                "![alt](the picture) and [x](page) and [d]({{'/docs/x/' | relative_url }})\n\n"
                "[ref]: https://example.com/r\n"
            )
        ),
    ),
    Case(
        # The words go on on the next line of the paragraph: still no link (hugo 0.168 shows
        # `[b](plugin/secondary: Denial` and the next line as typed).
        "destination-of-words-over-a-line-break",
        fm(body="Two [b](plugin/secondary: Denial\nvia endless Zone Transfer) here.\n"),
        errors=[("words", 4, 9)],
    ),
    Case(
        # Links whose title, or destination, is on the next line, and one whose title spans a
        # line break, are links (hugo 0.168 renders all three); a blank line ends the paragraph.
        "destination-over-a-line-break-left-alone",
        fm(
            body=(
                '[c](a/b\n"title") and [d](a/b "multi\nline") and [e](\nx/y).\n\n[f](g/h i\n\nj)\n'
            )
        ),
    ),
    Case(
        # A URL as the text of a link to an address (absolute, relative, a file, an anchor, a
        # title after the URL) is no swap.
        "url-as-link-text",
        fm(
            body=(
                "[https://x.org](https://x.org) [https://x.org/a](page.html) "
                "[https://x.org/b](/b) [https://x.org/c](#c) [https://x.org/d](../d)\n\n"
                '[https://x.org/e](/e "A title") [see https://x.org](Notes)\n'
            )
        ),
    ),
    Case(
        # Encoding a space in the host would only hide that the URL was cut in two.
        "space-in-host-no-fix",
        fm(body="[x](https://exa mple.com/a)\n"),
        errors=[("space", 4, 5)],
    ),
    Case(
        # A title does not make a spaced URL render: the URL is reported, the title kept.
        "space-in-url-with-a-title",
        fm(body="[a](https://a.org/x y \"Title\") [b](/c d 'T') [c](https://a.org/e f (T))\n"),
        errors=[("space", 4, 5), ("space", 4, 36), ("space", 4, 50)],
        fixed=fm(
            body="[a](https://a.org/x%20y \"Title\") [b](/c%20d 'T') [c](https://a.org/e%20f (T))\n"
        ),
    ),
    Case(
        "valid-forms-with-spaces",
        fm(
            body=(
                "[a](https://a.org/x \"A title\") [b](<https://a.org/x y>) [c](https://a.org/x 't')\n\n"
                '`[d](https://a.org/x y)` and [e](not a url) and [f]({{< ref "x y" >}})\n\n'
                "```\n[g](https://a.org/x y)\n```\n"
            )
        ),
    ),
    Case(
        "anchors-mailto-data",
        fm(body="[top](#top) [m](mailto:a@b.org) ![x](data:image/png;base64,AAAA)\n"),
    ),
    Case(
        # A Medium export's mention without an address, a Python scraper's missing image, and
        # the same in raw HTML: a program's word for no value is no address.
        "destination-that-is-no-value",
        fm(
            body="[Ivan Sim](undefined) wrote it. ![photo](None) [a](null)\n\n"
            '<a href="undefined">Ivan</a>\n'
        ),
        errors=[("no-value", 4, 1), ("no-value", 4, 33), ("no-value", 4, 48), ("no-value", 6, 10)],
        unsafe_fixed=fm(body='Ivan Sim wrote it. a\n\n<a href="undefined">Ivan</a>\n'),
    ),
    Case(
        # Words that only look like one (another case, inside a path, in the text) are left alone.
        "no-value-words-left-alone",
        fm(body="[a](Undefined.html) [b](/null/x) [undefined](https://a.org/undefined)\n"),
    ),
    Case(
        "cjk-text",
        fm(body="![傷者送院治理。]()見[報道](javascript:void(0))。\n"),
        errors=[("no-url", 4, 1), ("script", 4, 14)],
        unsafe_fixed=fm(body="見報道。\n"),
    ),
    Case(
        "crlf",
        "---\r\ntitle: x\r\n---\r\n\r\nA ![]() b\r\n[c](https://c.org/d e)\r\n",
        errors=[("empty", 5, 3), ("space", 6, 5)],
        fixed="---\r\ntitle: x\r\n---\r\n\r\nA b\r\n[c](https://c.org/d%20e)\r\n",
    ),
    Case(
        "removed-without-leaving-spaces",
        fm(body="Text ![]().\n\n[]() Starts a line.\n\n![]()\n\nLast.\n"),
        errors=[("empty", 4, 6), ("empty", 6, 1), ("empty", 8, 1)],
        fixed=fm(body="Text.\n\nStarts a line.\n\nLast.\n"),
    ),
    Case(
        "link-without-text",
        fm(body="See [](https://example.com/a) here.\n"),
        errors=[("no-text", 4, 5)],
    ),
    Case("linked-image-is-visible", fm(body="See [![](a.png)](https://example.com/a) here.\n")),
    Case("linked-image-with-alt", fm(body="See [![Chart](a.png)](https://example.com/a).\n")),
    Case("html-label-is-visible", fm(body="See [<b></b>](https://example.com/a).\n")),
    # A destination in angle brackets: the label ends at `](`, the `<` is not in it.
    Case(
        "link-without-text-angle-destination",
        fm(body="See [](<https://example.com/a b>) here.\n"),
        errors=[("no-text", 4, 5)],
    ),
    # No destination, but the label shows code or an image: no empty link to delete safely.
    Case(
        "code-or-image-without-destination",
        fm(body="Run [`make`]() or [![](a.png)](<>) now.\n"),
        errors=[("no-url", 4, 5), ("no-url", 4, 19)],
        unsafe_fixed=fm(body="Run `make` or ![](a.png) now.\n"),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_link_malformed(case: Case) -> None:
    assert_case(LinkMalformed, case)


# `[text] (url)`: a space between the brackets and the parentheses, as translation tools and
# hand editing leave it, makes no link; the reader sees the brackets and a bare URL.
GAP_CASES = [
    Case(
        "gap-between-text-and-url",
        fm(body="Read [the full report] (https://example.org/report) today.\n"),
        errors=[("gap", 4, 23)],
        unsafe_fixed=fm(body="Read [the full report](https://example.org/report) today.\n"),
    ),
    Case(
        "gap-in-cjk-text",
        fm(body="많은 차트를 [저장소로 이전]  (https://example.org/issues/1) 할 수 있다.\n"),
        errors=[("gap", 4, 17)],
        unsafe_fixed=fm(
            body="많은 차트를 [저장소로 이전](https://example.org/issues/1) 할 수 있다.\n"
        ),
    ),
    # A shortcut reference link followed by a URL in parentheses is a link already.
    Case(
        "defined-reference-then-url",
        fm(body="See [report] (https://example.org/a).\n\n[report]: https://example.org/r\n"),
    ),
    # Not a link text: an editorial mark, a task box, an image, escaped brackets, code.
    Case(
        "not-link-shapes",
        fm(
            body="He said [sic] (in 2019) it was fine.\n\n"
            "- [ ] (https://example.org/todo)\n\n"
            "An image ![chart] (https://example.org/c.png) here.\n\n"
            "Escaped \\[note\\] (https://example.org/n) stays.\n\n"
            "`[x] (https://example.org/code)`\n"
        ),
    ),
]


@pytest.mark.parametrize("case", GAP_CASES, ids=lambda c: c.name)
def test_link_malformed_gap(case: Case) -> None:
    assert_case(LinkMalformed, case)


# `[text(url)`: the `]` left out between the link text and its URL (a Chinese cloud-native
# weekly digest): Markdown makes no link, and readers see the bracket and the URL.
UNCLOSED_CASES = [
    Case(
        "bracket-left-out-before-the-url",
        fm(body="1. [API proposal(https://docs.example.org/d/10wu/edit#slide=id.p)**升级**。\n"),
        errors=[("unclosed", 4, 4)],
        unsafe_fixed=fm(
            body="1. [API proposal](https://docs.example.org/d/10wu/edit#slide=id.p)**升级**。\n"
        ),
    ),
    Case(
        "bracket-left-out-then-a-link",
        fm(body="见[说明(https://example.org/a)，以及[更多](https://example.org/b)。\n"),
        errors=[("unclosed", 4, 2)],
        unsafe_fixed=fm(
            body="见[说明](https://example.org/a)，以及[更多](https://example.org/b)。\n"
        ),
    ),
    # Bracketed text closed later, a link whose text holds a URL in parentheses, an interval, an
    # escaped bracket, an image and code are no unclosed link text.
    Case(
        "not-unclosed",
        fm(
            body="Note [see (https://example.org/a) too] here.\n\n"
            "[说明(https://example.org/a)和更多](https://example.org/b)\n\n"
            "In [0, 1) (https://example.org/i) the value.\n\n"
            "Escaped \\[note(https://example.org/n) stays.\n\n"
            "`[x(https://example.org/code)`\n"
        ),
    ),
]


@pytest.mark.parametrize("case", UNCLOSED_CASES, ids=lambda c: c.name)
def test_link_malformed_unclosed(case: Case) -> None:
    assert_case(LinkMalformed, case)


# Markdown escapes a converter left in a URL argument of a Hugo shortcode: Hugo passes them on
# (hugo 0.168: `figure` writes src="/a/hh%5C_gear.jpg"), unlike a Markdown link's URL.
SHORTCODE_CASES = [
    Case(
        "figure-src-and-link-with-escaped-underscores",
        fm(body='{{< figure link="/img/hh\\_gear.jpg" src="/img/hh\\_gear\\_400.jpg" >}}\n'),
        errors=[("escaped", 4, 18), ("escaped", 4, 42)],
        unsafe_fixed=fm(body='{{< figure link="/img/hh_gear.jpg" src="/img/hh_gear_400.jpg" >}}\n'),
    ),
    Case(
        # A positional address, a `{{% %}}` call and a raw string count too.
        "positional-percent-call-and-raw-string",
        fm(body='{{% img "https://example.org/a\\*b.png" %}} {{< pic src=`/c\\_d.png` >}}\n'),
        errors=[("escaped", 4, 10), ("escaped", 4, 57)],
        unsafe_fixed=fm(
            body='{{% img "https://example.org/a*b.png" %}} {{< pic src=`/c_d.png` >}}\n'
        ),
    ),
    Case(
        # Not an address: a caption, words with a space under an address key, an escaped quote;
        # a Markdown link's URL (Markdown takes the escape out); a commented call Hugo shows.
        "not-addresses",
        fm(
            body='{{< figure src="/img/a.jpg" caption="2\\*3 \\_x\\_" >}}\n\n'
            '{{< note link="see the \\_a\\_ page" title="say \\"hi\\"" >}}\n\n'
            "[photo](/img/a\\_b.jpg)\n\n"
            '{{</* figure src="/img/a\\_b.jpg" */>}}\n'
        ),
    ),
]


@pytest.mark.parametrize("case", SHORTCODE_CASES, ids=lambda c: c.name)
def test_link_malformed_shortcode_escapes(case: Case) -> None:
    assert_case(LinkMalformed, case)


# An address written without its scheme: the browser (and hugo 0.168, which writes
# href="hatchbacks@disroot.org") takes it for a page next to the article.
NO_SCHEME_CASES = [
    Case(
        "domain-www-and-e-mail",
        fm(
            body="[cats](icanhascheezburger.com), [w](www.example.org/a?b=1), [mail](desk@example.org)\n"
        ),
        errors=[("no-scheme", 4, 8), ("no-scheme", 4, 37), ("no-scheme", 4, 68)],
        unsafe_fixed=fm(
            body="[cats](https://icanhascheezburger.com), [w](https://www.example.org/a?b=1), "
            "[mail](mailto:desk@example.org)\n"
        ),
    ),
    Case(
        # A country's generic second-level domain, as sites outside the US write their hosts;
        # a file's name with two extensions is left alone, and so is a page named after a
        # source file (`main.go.md`).
        "country-second-level-domain",
        fm(
            body="[IC](ic.ufrj.edu.br/noticias) e [BBC](bbc.co.uk) e [a](dump.tar.gz) e "
            "[b](main.go.md)\n"
        ),
        errors=[("no-scheme", 4, 6), ("no-scheme", 4, 39)],
        unsafe_fixed=fm(
            body="[IC](https://ic.ufrj.edu.br/noticias) e [BBC](https://bbc.co.uk) e "
            "[a](dump.tar.gz) e [b](main.go.md)\n"
        ),
    ),
    Case(
        "raw-html-href",
        fm(body='<a href="www.example.org/a">site</a>\n'),
        errors=[("no-scheme", 4, 10)],
        unsafe_fixed=fm(body='<a href="https://www.example.org/a">site</a>\n'),
    ),
    Case(
        # A file name, a page next to the article, a linkified bare address, schemes written.
        "not-missing-a-scheme",
        fm(
            body="[a](report.pdf) [b](budget.md) [c](../x.com.html) www.example.org "
            "[d](mailto:desk@example.org) [e](https://example.com)\n"
        ),
    ),
    Case(
        # An e-mail autolink is Markdown's: hugo 0.168 links `<desk@example.org>` to
        # `mailto:desk@example.org`. The same address as an inline link's URL is not completed.
        "e-mail-autolink",
        fm(body="Email <desk@example.org> or [the desk](desk@example.org).\n"),
        errors=[("no-scheme", 4, 40)],
        unsafe_fixed=fm(body="Email <desk@example.org> or [the desk](mailto:desk@example.org).\n"),
    ),
]


@pytest.mark.parametrize("case", NO_SCHEME_CASES, ids=lambda c: c.name)
def test_link_malformed_no_scheme(case: Case) -> None:
    assert_case(LinkMalformed, case)


def test_no_scheme_file_beside_the_article(tmp_path: Path) -> None:
    # `notes.org` (an Org file) and `setup.com` in the page bundle are its resources: relative
    # links to them work; `other.org`, which is not there, is an address without its scheme.
    bundle = tmp_path / "content" / "news" / "story"
    bundle.mkdir(parents=True)
    for name in ("index.md", "notes.org", "setup.com"):
        (bundle / name).write_text("x\n", encoding="utf-8")
    body = "[notes](notes.org), [setup](setup.com#run) and [other](other.org)\n"
    case = Case(
        "file-beside",
        fm(body=body),
        path=str(bundle / "index.md"),
        errors=[("no-scheme", 4, 56)],
        unsafe_fixed=fm(body=body.replace("(other.org)", "(https://other.org)")),
    )
    assert_case(LinkMalformed, case)


def test_the_shortcode_calls_are_masked_in_the_links_region_alone() -> None:
    # Before: the whole article was copied for each text run with a link, quadratic in its
    # links (20,000 links with a `ref` took ten times as long as plain ones).
    from newslint.rules.link_malformed import _without_shortcode_calls

    text = 'intro\n[a](/x/{{< ref "b c" >}}/y z)\nmore\n'
    start, end = text.index("["), text.index("\nmore")
    assert _without_shortcode_calls(text, start, end) == "[a](/x/" + "/" + "x" * 16 + "/y z)"
    assert _without_shortcode_calls("plain text", 2, 6) == "ain "
