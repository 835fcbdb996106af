from __future__ import annotations

import pytest

from newslint.rules.link_fragment import LinkFragment
from newslint.site import Site
from newslint.testing import Case, assert_case, fm

UNSAFE_HTML = Site(raw={"markup": {"goldmark": {"renderer": {"unsafe": True}}}}, unsafe_html=True)

CASES = [
    Case(
        "heading-found",
        fm(body="See [the vote](#results-of-the-vote).\n\n## Results of the Vote!\n"),
    ),
    Case(
        "heading-missing",
        fm(body="See [the vote](#vote-results).\n\n## Results of the vote\n"),
        errors=[("missing", 4, 16)],
    ),
    Case(
        "repeats-numbered",
        fm(body="[a](#notes-1) [b](#notes-2)\n\n## Notes\n\n## Notes\n"),
        errors=[("missing", 4, 19)],
    ),
    Case(
        "explicit-id",
        fm(body="[a](#vote) [b](#the-vote)\n\n## The vote {#vote}\n"),
        errors=[("missing", 4, 16)],
    ),
    Case(
        "case-differs-fix",
        fm(body="See [x](#The-Vote).\n\n## The vote\n"),
        errors=[("close", 4, 9)],
        unsafe_fixed=fm(body="See [x](#the-vote).\n\n## The vote\n"),
    ),
    Case(
        "heading-text-as-fragment-fix",
        fm(body="See [x][v].\n\n## The vote\n\n[v]: <#The vote>\n"),
        errors=[("close", 8, 7)],
        unsafe_fixed=fm(body="See [x][v].\n\n## The vote\n\n[v]: <#the-vote>\n"),
    ),
    Case(
        "percent-encoded",
        fm(body="[a](#caf%C3%A9) [b](#café)\n\n## Café\n"),
    ),
    Case("top-and-empty", fm(body="[a](#) [b](#top) [c](#TOP)\n")),
    Case(
        "theme-ids-option",
        fm(body="[a](#TableOfContents) [b](#comments)\n"),
        errors=[("missing", 4, 27)],
    ),
    Case(
        "theme-ids-configured",
        fm(body="[b](#comments)\n"),
        options={"ids": ["comments"]},
    ),
    Case(
        "footnotes",
        fm(body="Text[^1] and [back](#fnref:1).\n\n[^1]: A note.\n"),
    ),
    Case(
        "shortcode-names-it",
        fm(body='[a](#map) [b](#chart)\n\n{{< anchor "map" >}}\n'),
        errors=[("missing", 4, 15)],
    ),
    Case(
        # A shortcode that makes its element's id from its name and a hash or a number; a
        # fragment that only shares a prefix of letters with it (`#mapping`) is still checked.
        "shortcode-makes-ids-from-its-name",
        fm(
            body="[a](#karte-fb1d860f) [b](#Karte_2) [c](#karte7) [d](#kartei)\n\n"
            "{{< karte 47.69 9.26 15.5 >}}\n"
        ),
        errors=[("missing", 4, 53)],
    ),
    Case(
        "markdown-shortcode-may-write-headings",
        fm(body='[a](#details)\n\n{{% include "/_common/details.md" %}}\n'),
    ),
    Case(
        "definition-term-ids",
        fm(body="[a](#step-2)\n\nStep 2\n: Do it.\n"),
        site=Site(raw={"markup": {"goldmark": {"parser": {"autodefinitiontermid": True}}}}),
    ),
    Case(
        "html-link",
        fm(body='<a href="#nowhere">a</a> <a href="#here">b</a>\n\n## Here\n'),
        errors=[("missing", 4, 10)],
    ),
    Case(
        # Hugo drops raw HTML unless the site allows it: its ids do not exist.
        "raw-html-id-dropped",
        fm(body='[a](#box)\n\n<div id="box">x</div>\n'),
        errors=[("missing", 4, 5)],
    ),
    Case(
        "raw-html-id-rendered",
        fm(body='[a](#box) [b](#old)\n\n<div id="box">x</div> <a name="old"></a>\n'),
        site=UNSAFE_HTML,
    ),
    Case(
        "blackfriday-not-modelled",
        fm(body="[a](#nowhere)\n"),
        site=Site(raw={"markup": {"goldmark": {"parser": {"autoheadingidtype": "blackfriday"}}}}),
    ),
    Case(
        "auto-ids-off",
        fm(body="[a](#results) [b](#r)\n\n## Results\n\n## R {#r}\n"),
        site=Site(raw={"markup": {"goldmark": {"parser": {"autoheadingid": False}}}}),
        errors=[("missing", 4, 5)],
    ),
    Case(
        # Heading attributes turned off: `{#r}` is text, and the id comes from all of it.
        "heading-attributes-off",
        fm(body="[a](#r) [b](#r-r)\n\n## R {#r}\n"),
        site=Site(raw={"markup": {"goldmark": {"parser": {"attribute": {"title": False}}}}}),
        errors=[("missing", 4, 5)],
    ),
    Case(
        "github-ascii",
        fm(body="[a](#cafe) [b](#café)\n\n## Café\n"),
        site=Site(raw={"markup": {"goldmark": {"parser": {"autoheadingidtype": "github-ascii"}}}}),
        errors=[("missing", 4, 16)],
    ),
    Case("in-code", fm(body="`[a](#x)`\n\n    [b](#y)\n")),
    Case("other-page", fm(body="[a](/news/other/#x) [b](other.md#y)\n")),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_link_fragment(case: Case) -> None:
    assert_case(LinkFragment, case)
