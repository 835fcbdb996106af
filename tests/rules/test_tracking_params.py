from __future__ import annotations

import pytest

from newslint.rules.tracking_params import TrackingParams, tracking_query
from newslint.testing import Case, assert_case, fm

REDDIT = (
    "https://www.reddit.com/r/Monero/comments/nx/h1k?utm_source=share&utm_medium=web2x&context=3"
)

CASES = [
    Case("clean", fm(body="[a](https://a.org/x?id=3&ref=blog&from=home#top)\n")),
    # YouTube's and Spotify's `si` ties a shared link to the sharer's account; elsewhere `si`
    # may select content and stays.
    Case(
        "share-identifier-on-youtube-and-spotify",
        fm(
            body="[talk](https://youtu.be/BwmQ?si=4SV4) and "
            "[song](https://open.spotify.com/track/7?si=ab&context=x) and "
            "[v](https://m.youtube.com/watch?v=Bw&si=Q) and [site](https://a.org/p?si=3)\n"
        ),
        errors=[("tracking", 4, 29), ("tracking", 4, 82), ("tracking", 4, 135)],
        fixed=fm(
            body="[talk](https://youtu.be/BwmQ) and "
            "[song](https://open.spotify.com/track/7?context=x) and "
            "[v](https://m.youtube.com/watch?v=Bw) and [site](https://a.org/p?si=3)\n"
        ),
    ),
    Case(
        "utm-keeps-other-params",
        fm(body=f"[thread]({REDDIT})\n"),
        errors=[("tracking", 4, 57)],
        fixed=fm(body="[thread](https://www.reddit.com/r/Monero/comments/nx/h1k?context=3)\n"),
    ),
    Case(
        "only-tracking-drops-question-mark-keeps-fragment",
        fm(
            body="[t](https://twitter.com/okx/status/1?ref_src=twsrc%5Etfw#m) and <https://a.org/?fbclid=x>\n"
        ),
        errors=[("tracking", 4, 37), ("tracking", 4, 80)],
        fixed=fm(body="[t](https://twitter.com/okx/status/1#m) and <https://a.org/>\n"),
    ),
    Case(
        # A shortcode call in the URL is output in its place at build time; the query after it
        # is the URL's still.
        "after-a-shortcode-call",
        fm(body='[a](https://x.org/{{% param "id" %}}/p?utm_source=rss&id=2)\n'),
        errors=[("tracking", 4, 39)],
        fixed=fm(body='[a](https://x.org/{{% param "id" %}}/p?id=2)\n'),
    ),
    Case(
        "middle-param-and-case",
        fm(body="[a](https://a.org/?q=%24PI&src=ctag&UTM_Campaign=x&gclid=1&page=2)\n"),
        errors=[("tracking", 4, 19)],
        fixed=fm(body="[a](https://a.org/?q=%24PI&src=ctag&page=2)\n"),
    ),
    Case(
        # Piano Analytics (AT Internet) campaign pairs, as BBC News feed links carry them, and
        # its legacy `xtor`, as French newspapers' feeds write it.
        "piano-campaign-params-and-xtor",
        fm(
            body="[a](https://www.bbc.co.uk/news/1?at_medium=RSS&at_campaign=rss)\n"
            "[b](https://lemonde.fr/x.html?xtor=RSS-3208&page=2)\n"
        ),
        errors=[("tracking", 4, 33), ("tracking", 5, 30)],
        fixed=fm(body="[a](https://www.bbc.co.uk/news/1)\n[b](https://lemonde.fr/x.html?page=2)\n"),
    ),
    Case(
        "two-links-on-one-line",
        fm(body="[a](https://a.org/?mc_eid=1) [b](https://b.org/?igshid=2&x=1)\n"),
        errors=[("tracking", 4, 19), ("tracking", 4, 48)],
        fixed=fm(body="[a](https://a.org/) [b](https://b.org/?x=1)\n"),
    ),
    Case(
        "extra-option",
        fm(body="[a](https://thehill.com/a/?email=467c&emaila=12a&id=1)\n"),
        options={"extra": ["email*"]},
        errors=[("tracking", 4, 27)],
        fixed=fm(body="[a](https://thehill.com/a/?id=1)\n"),
    ),
    Case(
        # Scraped from HTML: `&amp;` is how the source writes `&`; only the tracking pair goes.
        "entity-in-destination",
        fm(body="[a](https://a.org/?a=1&amp;utm_source=x&amp;b=2)\n"),
        errors=[("tracking", 4, 19)],
        fixed=fm(body="[a](https://a.org/?a=1&amp;b=2)\n"),
    ),
    Case(
        "escapes-in-destination",
        fm(body="[a](https://a.org/x\\(1\\)?utm_source=x&b=\\*2)\n"),
        errors=[("tracking", 4, 25)],
        fixed=fm(body="[a](https://a.org/x\\(1\\)?b=\\*2)\n"),
    ),
    Case(
        "entity-in-reference-definition",
        fm(body="[a][r]\n\n[r]: https://a.org/?fbclid=1&amp;id=2\n"),
        errors=[("tracking", 6, 20)],
        fixed=fm(body="[a][r]\n\n[r]: https://a.org/?id=2\n"),
    ),
    Case(
        # Empty pairs carry nothing: none is left dangling where a tracking pair was cut.
        "empty-pairs",
        fm(body="[a](https://a.org/?&a=1&&utm_source=x&) [b](https://b.org/?fbclid=1&&c=3)\n"),
        errors=[("tracking", 4, 19), ("tracking", 4, 59)],
        fixed=fm(body="[a](https://a.org/?a=1) [b](https://b.org/?c=3)\n"),
    ),
    Case(
        "empty-pairs-in-source-field",
        fm(source="https://r.com/a?x=1&&utm_source=rss&"),
        errors=[("tracking", 2, 25)],
        fixed=fm(source="https://r.com/a?x=1"),
    ),
    Case(
        "image",
        fm(body="![x](https://cdn.org/a.png?utm_source=feed)\n"),
        errors=[("tracking", 4, 27)],
        fixed=fm(body="![x](https://cdn.org/a.png)\n"),
    ),
    Case(
        "source-field",
        fm(source="https://r.com/a?utm_source=rss&id=2"),
        errors=[("tracking", 2, 25)],
        fixed=fm(source="https://r.com/a?id=2"),
    ),
    Case(
        "json-source-field",
        '{"source": "https://r.com/a?fbclid=1"}\nBody.\n',
        errors=[("tracking", 1, 28)],
        fixed='{"source": "https://r.com/a"}\nBody.\n',
    ),
    Case(
        "crlf-cjk",
        "---\r\ntitle: x\r\n---\r\n\r\n[报道](https://a.cn/x?utm_medium=web)\r\n",
        errors=[("tracking", 5, 20)],
        fixed="---\r\ntitle: x\r\n---\r\n\r\n[报道](https://a.cn/x)\r\n",
    ),
    # A link copied from a Google result (an Indonesian local news site's source link) goes
    # through Google's click redirect: the address it names replaces it. Facebook's outgoing
    # links and Outlook's Safe Links wrap theirs alike; a Google search or a `q` that is no
    # address is no redirect.
    Case(
        "google-click-redirect",
        fm(
            body="[(Sumber)](https://www.google.com/url?sa=i&source=web&rct=j"
            "&url=https://www.instagram.com/reel/DcGj/&ved=2ahUKEw&opi=89978449&cd&psig=AOv)\n"
        ),
        errors=[("redirect", 4, 12)],
        fixed=fm(body="[(Sumber)](https://www.instagram.com/reel/DcGj/)\n"),
    ),
    Case(
        "encoded-targets",
        fm(
            body="[a](https://www.google.co.id/url?q=https%3A%2F%2Fnews.detik.com%2Fa%3Fx%3D1"
            "&sa=U) [b](https://l.facebook.com/l.php?u=https%3A%2F%2Fbbc.com%2Fn&h=AT0)\n"
        ),
        errors=[("redirect", 4, 5), ("redirect", 4, 87)],
        fixed=fm(body="[a](https://news.detik.com/a?x=1) [b](https://bbc.com/n)\n"),
    ),
    Case(
        "safelinks-source-field",
        fm(
            source="https://eur01.safelinks.protection.outlook.com/"
            "?url=https%3A%2F%2Fwww.gov.uk%2Fa&data=05"
        ),
        errors=[("redirect", 2, 10)],
        fixed=fm(source="https://www.gov.uk/a"),
    ),
    Case(
        "google-search-is-no-redirect",
        fm(
            body="[a](https://www.google.com/search?q=https://a.org) "
            "[b](https://www.google.com/url?q=budget+vote)\n"
        ),
    ),
    Case(
        "escaped-redirect-reported-without-fix",
        fm(body="[a](https://www.google.com/url?url=https://a.org/x\\_y&amp;ved=1)\n"),
        errors=[("redirect", 4, 5)],
    ),
    Case(
        "capitalised-source-field",
        fm(Source="https://a.org/x?utm_source=feed"),
        errors=[("tracking", 2, 25)],
        fixed=fm(Source="https://a.org/x"),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_tracking_params(case: Case) -> None:
    assert_case(TrackingParams, case)


def test_question_mark_in_fragment_is_no_query() -> None:
    assert tracking_query("https://a.org/#x?utm_source=1", ("utm_*",)) is None


# The source field may hold a list of URLs, each a source; under `params` it is the page's
# `.Params.source` (hugo 0.168), over a top-level one, which is then read by nothing.
SOURCE_LIST_CASES = [
    Case(
        "source-list-each-url",
        "---\nsource:\n  - https://a.org/x?utm_source=rss\n  - 'https://b.org/y?fbclid=1&a=2'\n---\n",
        errors=[("tracking", 3, 20), ("tracking", 4, 21)],
        fixed="---\nsource:\n  - https://a.org/x\n  - 'https://b.org/y?a=2'\n---\n",
    ),
    Case(
        "source-under-params-over-top-level",
        "---\nsource: https://a.org/x?utm_source=rss\nparams:\n  source: [https://c.org/z?gclid=3]\n---\n",
        errors=[("tracking", 4, 27)],
        fixed="---\nsource: https://a.org/x?utm_source=rss\nparams:\n  source: [https://c.org/z]\n---\n",
    ),
    Case(
        "source-list-toml-params-table",
        '+++\n[params]\nsource = ["https://c.org/z?gclid=3", 4]\n+++\n',
        errors=[("tracking", 3, 27)],
        fixed='+++\n[params]\nsource = ["https://c.org/z", 4]\n+++\n',
    ),
    Case(
        "source-list-json",
        '{"source": ["https://c.org/z", "https://d.org/?utm_medium=x"]}\n',
        errors=[("tracking", 1, 47)],
        fixed='{"source": ["https://c.org/z", "https://d.org/"]}\n',
    ),
]


@pytest.mark.parametrize("case", SOURCE_LIST_CASES, ids=lambda c: c.name)
def test_each_source_the_page_takes(case: Case) -> None:
    assert_case(TrackingParams, case)


def test_share_identifier_makes_no_other_source() -> None:
    # duplicate-source compares sources without their tracking parameters: YouTube's `si` is one
    # on YouTube, and selects content elsewhere.
    from newslint.rules._crossfile import normalise_url

    assert normalise_url("https://youtu.be/BwmQ?si=4SV4") == normalise_url("https://youtu.be/BwmQ")
    assert normalise_url("https://a.org/p?si=3") != normalise_url("https://a.org/p")
