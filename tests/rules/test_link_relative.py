from __future__ import annotations

import dataclasses
from pathlib import Path
from urllib.parse import urljoin

import pytest

from newslint.rules.link_relative import LinkRelative
from newslint.site import Site
from newslint.testing import Case, Raw, assert_case, fm

SOURCE_URL = "https://finance.mingpao.com/fin/instantf.php?node=1"
SOURCE = f"[mingpao]({SOURCE_URL})\n"
ORIGIN = "https://old.example.ru/animation/news-item"


# Cases name the site by this placeholder root; the test builds the site under `tmp_path`.
ROOT = Path("/site-placeholder")


def site_at(root: Path, raw: dict[str, str]) -> Site:
    """A small Hugo site: a content page, a static image and a page bundle with a photo."""
    (root / "content" / "news").mkdir(parents=True, exist_ok=True)
    (root / "content" / "news" / "other.md").write_text("---\n---\n", encoding="utf-8")
    (root / "static" / "img").mkdir(parents=True, exist_ok=True)
    (root / "static" / "img" / "logo.png").write_bytes(b"")
    bundle = root / "content" / "news" / "bundle"
    bundle.mkdir(exist_ok=True)
    (bundle / "photo.jpg").write_bytes(b"")
    return Site(root=root, raw=dict(raw))


def _cases() -> list[Case]:
    site = Site(root=ROOT)
    path = str(ROOT / "content" / "news" / "bundle" / "index.md")
    return [
        # A link ending a hard-wrapped sentence is no source line (a real lab's news page ended
        # "... website at" / "<http://association.drupal.org/>"): the site's own relative link
        # was not copied from that host, and no fix points it there.
        Case(
            "link-ending-a-wrapped-sentence-is-no-source",
            fm(
                body="See our [FAQ](/donate/faq). Visit the association's website at\n"
                "<https://association.example.org/>\n"
            ),
            site=site,
            path=path,
        ),
        Case(
            "root-relative-link",
            fm(body="See [食品](/tags/231) today.\n\n" + SOURCE),
            errors=[("relative", 4, 10)],
            unsafe_fixed=fm(
                body="See [食品](https://finance.mingpao.com/tags/231) today.\n\n" + SOURCE
            ),
            site=site,
            path=path,
        ),
        Case(
            # An address without its scheme is no path copied from the source: link-malformed
            # reports it (no-scheme), with the scheme as its fix, not the source's origin.
            "address-without-its-scheme",
            fm(body="See [cats](icanhascheezburger.com) or [mail](desk@example.org).\n\n" + SOURCE),
            site=site,
            path=path,
        ),
        Case(
            "path-relative-resolved-against-the-source-page",
            fm(body="[**（9988）**](stock1.php?code=9988) rose.\n\n" + SOURCE),
            errors=[("relative", 4, 14)],
            unsafe_fixed=fm(
                body="[**（9988）**](https://finance.mingpao.com/fin/stock1.php?code=9988) rose.\n\n"
                + SOURCE
            ),
            site=site,
            path=path,
        ),
        Case(
            "protocol-relative-image",
            fm(body="![](//n.sinaimg.cn/a.png)\n\n[sina](http://finance.sina.com.cn/a.html)\n"),
            errors=[("protocol", 4, 5)],
            unsafe_fixed=fm(
                body="![](http://n.sinaimg.cn/a.png)\n\n[sina](http://finance.sina.com.cn/a.html)\n"
            ),
            site=site,
            path=path,
        ),
        Case(
            "left-alone",
            fm(
                body=(
                    "[top](#top) [m](mailto:a@b.org) [q](?page=2) [r]({{%ref%}}) "
                    "![logo](/img/logo.png) [other](/news/other/) ![p](photo.jpg) [home](/)\n\n"
                    + SOURCE
                )
            ),
            site=site,
            path=path,
        ),
        Case(
            # `<name@host>` is an email autolink: Hugo writes `mailto:name@host`, no path.
            "email-autolink",
            fm(body="Write to <desk@example.org> or see [食品](/tags/231).\n\n" + SOURCE),
            errors=[("relative", 4, 41)],
            unsafe_fixed=fm(
                body="Write to <desk@example.org> or see "
                "[食品](https://finance.mingpao.com/tags/231).\n\n" + SOURCE
            ),
            site=site,
            path=path,
        ),
        Case(
            # In a leaf bundle an image named by a path that stays in the page's folder is a page
            # resource (a bundle's `images/1.png` too: a real Chinese blog's missing bundle image
            # was "fixed" to an address under the istio.io page it cited): the missing one is
            # reported without a fix (not resolved against the source); a link, or a path that
            # leaves the folder, still is.
            "missing-bundle-image",
            fm(
                body="![Team](img1.jpg) ![](images/1.png)\n\n"
                "[Table](table.html) ![](../img/a.jpg)\n\n" + SOURCE
            ),
            errors=[("bundle", 4, 9), ("bundle", 4, 23), ("relative", 6, 9), ("relative", 6, 25)],
            unsafe_fixed=fm(
                body="![Team](img1.jpg) ![](images/1.png)\n\n"
                "[Table](https://finance.mingpao.com/fin/table.html) "
                "![](https://finance.mingpao.com/img/a.jpg)\n\n" + SOURCE
            ),
            site=site,
            path=path,
        ),
        Case(
            # An article ending in a list of its sources was written from them: a missing image
            # of its own is not blamed on the first source's host, nor pointed there by a fix.
            "missing-image-in-an-article-that-lists-its-sources",
            fm(
                body="![Chart](/images/chart.png) and [食品](/tags/231).\n\n## Sources\n\n"
                "- [Reuters](https://www.reuters.com/world/a)\n- [AP](https://apnews.com/b)\n"
            ),
            errors=[("unserved", 4, 10), ("unserved", 4, 38)],
            site=site,
            path=path,
        ),
        Case(
            "one-listed-source-is-a-list-too",
            fm(body="![Chart](/images/chart.png)\n\n**Sources:**\n\n- [AP](http://apnews.com/b)\n"),
            errors=[("unserved", 4, 10)],
            site=site,
            path=path,
        ),
        Case(
            # Given a scheme, a protocol-relative image takes https, not the first source's.
            "protocol-relative-image-in-an-article-that-lists-its-sources",
            fm(body="![](//cdn.example.net/a.png)\n\n## Sources\n\n- [AP](http://apnews.com/b)\n"),
            errors=[("protocol", 4, 5)],
            unsafe_fixed=fm(
                body="![](https://cdn.example.net/a.png)\n\n## Sources\n\n"
                "- [AP](http://apnews.com/b)\n"
            ),
            site=site,
            path=path,
        ),
        Case(
            "source-field-of-several-urls",
            fm(
                body="See [食品](/tags/231) today.\n",
                source=["https://www.reuters.com/world/a", "https://apnews.com/b"],
            ),
            errors=[("unserved", 7, 10)],
            site=site,
            path=path,
        ),
        Case(
            "source-field-of-one-url-in-a-list",
            fm(body="See [食品](/tags/231) today.\n", source=["https://apnews.com/world/b"]),
            errors=[("relative", 6, 10)],
            unsafe_fixed=fm(
                body="See [食品](https://apnews.com/tags/231) today.\n",
                source=["https://apnews.com/world/b"],
            ),
            site=site,
            path=path,
        ),
        Case(
            # Footnotes citing several pages are a list of sources: no guess at the first one's host.
            "footnotes-of-several-sources",
            fm(
                body="Oil rose.[^1] See [食品](/tags/231).[^2]\n\n"
                "[^1]: https://www.reuters.com/world/a\n[^2]: https://apnews.com/b\n"
            ),
            errors=[("unserved", 4, 24)],
            site=site,
            path=path,
        ),
        Case(
            "footnote-of-one-source",
            fm(body="Oil rose.[^1] See [食品](/tags/231).\n\n[^1]: https://apnews.com/world/b\n"),
            errors=[("relative", 4, 24)],
            unsafe_fixed=fm(
                body="Oil rose.[^1] See [食品](https://apnews.com/tags/231).\n\n"
                "[^1]: https://apnews.com/world/b\n"
            ),
            site=site,
            path=path,
        ),
        Case("no-source-link", fm(body="See [食品](/tags/231) today.\n"), site=site, path=path),
        Case(
            "source-is-this-site",
            fm(body="See [x](/tags/231) today.\n\n[own](https://bulwark.news/a)\n"),
            site=Site(root=ROOT, raw={"baseurl": "https://bulwark.news/"}),
            path=path,
        ),
        Case(
            # Without a site nothing says whether a path exists: only `//` links are reported.
            "no-site",
            fm(body="See [x](/tags/231) and ![](//n.sinaimg.cn/a.png).\n\n" + SOURCE),
            errors=[("protocol", 4, 28)],
            unsafe_fixed=fm(
                body="See [x](/tags/231) and ![](https://n.sinaimg.cn/a.png).\n\n" + SOURCE
            ),
        ),
        Case(
            "reference-definition-reported-once",
            fm(body="[a][r] and [b][r].\n\n[r]: /analysis/HSY\n\n" + SOURCE),
            errors=[("relative", 6, 6)],
            unsafe_fixed=fm(
                body="[a][r] and [b][r].\n\n[r]: https://finance.mingpao.com/analysis/HSY\n\n"
                + SOURCE
            ),
            site=site,
            path=path,
        ),
        Case(
            "escapes-kept",
            fm(body="[a](/a\\_b) x\n\n" + SOURCE),
            errors=[("relative", 4, 5)],
            unsafe_fixed=fm(body="[a](https://finance.mingpao.com/a\\_b) x\n\n" + SOURCE),
            site=site,
            path=path,
        ),
        Case(
            "source-field",
            fm(body="[a](/a) x\n", source="https://www.etf.com/news/1"),
            errors=[("relative", 5, 5)],
            unsafe_fixed=fm(
                body="[a](https://www.etf.com/a) x\n", source="https://www.etf.com/news/1"
            ),
            site=site,
            path=path,
        ),
        Case(
            # An archive of a Russian site cites Entertainment Weekly on its last line, but its
            # relative links came from the page it was imported from (real site: spidermedia).
            "origin-field-over-cited-source",
            fm(body="[a](../../articles/b-0/) x\n\n" + SOURCE, original_url=ORIGIN),
            errors=[("relative", 5, 5)],
            unsafe_fixed=fm(
                body="[a](https://old.example.ru/articles/b-0/) x\n\n" + SOURCE,
                original_url=ORIGIN,
            ),
            site=site,
            path=path,
        ),
        Case(
            # Under `params` it is the page's `.Params.original_url` (hugo 0.168).
            "origin-field-under-params",
            fm(body="[a](/a) x\n\n" + SOURCE, params=Raw(f"{{original_url: '{ORIGIN}'}}")),
            errors=[("relative", 5, 5)],
            unsafe_fixed=fm(
                body="[a](https://old.example.ru/a) x\n\n" + SOURCE,
                params=Raw(f"{{original_url: '{ORIGIN}'}}"),
            ),
            site=site,
            path=path,
        ),
        Case(
            "source-field-list-under-params",
            fm(body="[a](/a) x\n", params=Raw("{source: [Reuters, 'https://www.etf.com/n/1']}")),
            errors=[("relative", 5, 5)],
            unsafe_fixed=fm(
                body="[a](https://www.etf.com/a) x\n",
                params=Raw("{source: [Reuters, 'https://www.etf.com/n/1']}"),
            ),
            site=site,
            path=path,
        ),
        Case(
            "origin-field-without-source-link",
            fm(body="[a](/tags/x) x\n", canonicalURL=ORIGIN),
            errors=[("relative", 5, 5)],
            unsafe_fixed=fm(body="[a](https://old.example.ru/tags/x) x\n", canonicalURL=ORIGIN),
            site=site,
            path=path,
        ),
        Case(
            # A translation tool's placeholder, "original address": the cited source is used.
            "origin-field-placeholder",
            fm(body="[a](/a) x\n\n" + SOURCE, original_url="https://原文地址"),
            errors=[("relative", 5, 5)],
            unsafe_fixed=fm(
                body="[a](https://finance.mingpao.com/a) x\n\n" + SOURCE,
                original_url="https://原文地址",
            ),
            site=site,
            path=path,
        ),
        Case(
            "origin-field-on-this-site",
            fm(body="[a](/tags/x) x\n\n" + SOURCE, originalUrl="https://bulwark.news/a/b"),
            site=Site(root=ROOT, raw={"baseurl": "https://bulwark.news/"}),
            path=path,
        ),
        Case(
            # `[text]((https://x.org/a))` is an absolute URL in one more pair of parentheses:
            # link-malformed reports it; resolved against the source it would be nonsense
            # (`https://finance.mingpao.com/fin/(https:/x.org/a)`). A relative one still counts.
            "web-url-wrapped-in-parentheses-is-link-malformed-s",
            fm(
                body='[plan]((https://x.org/a)) and <a href="(https://x.org/b)">b</a>, '
                "[c]((c.php))\n\n" + SOURCE
            ),
            errors=[("relative", 4, 70)],
            unsafe_fixed=fm(
                body='[plan]((https://x.org/a)) and <a href="(https://x.org/b)">b</a>, '
                "[c](https://finance.mingpao.com/fin/(c.php))\n\n" + SOURCE
            ),
            site=site,
            path=path,
        ),
        Case(
            # `www.x.org/a` is a web address without its scheme (link-malformed's), not a path
            # to resolve against the source (`https://finance.mingpao.com/fin/www.x.org/a`).
            "web-address-without-a-scheme-is-link-malformed-s",
            fm(body='[a](www.x.org/a) and <a href="www.y.org">y</a>\n\n' + SOURCE),
            site=site,
            path=path,
        ),
        Case(
            # `undefined`, `None`: an exporter's missing address (link-malformed's), no path to
            # resolve against the source (`https://finance.mingpao.com/fin/undefined`).
            "word-for-no-value-is-link-malformed-s",
            fm(body='[a](undefined) ![b](None) <a href="null">c</a>\n\n' + SOURCE),
            site=site,
            path=path,
        ),
        Case(
            "crlf",
            "---\r\ntitle: x\r\n---\r\n\r\n[a](/a)\r\n\r\n[s](https://s.org/n/1)\r\n",
            errors=[("relative", 5, 5)],
            unsafe_fixed="---\r\ntitle: x\r\n---\r\n\r\n[a](https://s.org/a)\r\n\r\n[s](https://s.org/n/1)\r\n",
            site=site,
            path=path,
        ),
    ]


CASES = _cases()


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_link_relative(case: Case, tmp_path: Path) -> None:
    if case.site is not None and case.site.root == ROOT:
        site = site_at(tmp_path, case.site.raw)
        case = dataclasses.replace(
            case, site=site, path=case.path.replace(str(ROOT), str(tmp_path))
        )
    assert_case(LinkRelative, case)


SITE_CONFIG = """baseURL = "https://example.org/blog/"
defaultContentLanguage = "en"
[languages.en]
[languages.zh-cn]
[permalinks]
opinion = "/:year/:month/:slug/"
"""


def test_md_links_hugos_link_render_hook_finds(tmp_path: Path) -> None:
    """Hugo's embedded link render hook (`useEmbedded`, on by default on a multilingual site)
    looks a `.md` link up as a page where hugo 0.168's `GetPage` does: `budget.md` in the bundle
    `news/bun/index.md` is `news/budget.md` (its section's), `other/c.md` and `./other/c.md`
    are the content root's. Only the link it finds no page for is reported (link-fragment judges
    the anchors of the others)."""
    (tmp_path / "content" / "news" / "bun").mkdir(parents=True)
    (tmp_path / "content" / "other").mkdir()
    (tmp_path / "content" / "news" / "budget.md").write_text("---\n---\n", encoding="utf-8")
    (tmp_path / "content" / "other" / "c.md").write_text("---\n---\n", encoding="utf-8")
    article = tmp_path / "content" / "news" / "bun" / "index.md"
    text = fm(body="[a](budget.md#x) [b](other/c.md) [c](./other/c.md) [d](gone.md)\n\n" + SOURCE)
    hook = {"markup": {"goldmark": {"renderhooks": {"link": {"useembedded": "always"}}}}}
    for raw, errors in (
        (hook, [("relative", 4, 56)]),
        ({}, [("relative", 4, 5), ("relative", 4, 22), ("relative", 4, 38), ("relative", 4, 56)]),
    ):
        site = Site(root=tmp_path, raw=raw)
        fixed = text
        for url in ("gone.md", "./other/c.md", "other/c.md", "budget.md#x")[: len(errors)]:
            fixed = fixed.replace(f"]({url})", f"]({urljoin(SOURCE_URL, url)})")
        case = Case("md", text, errors=errors, unsafe_fixed=fixed, site=site, path=str(article))
        assert_case(LinkRelative, case)


def _assert_link_on_site(
    root: Path,
    config: str,
    name: str,
    url: str,
    line: int | None,
    language: str | None = None,
    **fields: object,
) -> None:
    """`[x](url)` in the article `content/news/<name>` (with `fields`) of a site at `root` whose
    `hugo.toml` is `config`: reported on `line` with the fix resolving it against the source,
    or (`line` None) not reported."""
    from newslint.site import clear_site_cache, site_for

    site_at(root, {})
    (root / "hugo.toml").write_text(config, encoding="utf-8")
    article = root / "content" / "news" / name
    clear_site_cache()
    text = fm(body=f"See [x]({url}) now.\n\n" + SOURCE, **fields)
    article.write_text(text, encoding="utf-8")
    case = Case(
        url,
        text,
        errors=[("relative", line, 9)] if line is not None else [],
        unsafe_fixed=text.replace(f"]({url})", f"]({urljoin(SOURCE_URL, url)})")
        if line is not None
        else None,
        site=site_for(article),
        path=str(article),
        language=language,
    )
    assert_case(LinkRelative, case)


@pytest.mark.parametrize(
    ("url", "reported"),
    [
        ("/tags/", False),  # a taxonomy's list page
        ("/tags/hong-kong/", False),  # the page's own term, as Hugo writes it in the URL
        ("/tags/231", True),  # a term only the source site has (the catalogue's example)
        ("/categories/markets/", True),
        ("/zh-cn/news/other/", False),  # a language prefix
        ("/blog/news/other/", False),  # baseURL's path
        ("/news/other", False),
        ("/news/missing/", True),
        ("/2024/05/a-slug/", False),  # a [permalinks] pattern makes it
        ("/2024/", True),  # ... but not this
        ("/news/page/2/", False),  # a list page's pager
        ("/index.xml", False),
        ("/img/logo.png", False),  # static/
        ("../other/", False),  # from /news/a/: /news/other/
        ("../missing/", True),
        ("photo.jpg", True),  # a regular page has no resources
        ("/analysis/HSY", True),
    ],
)
def test_what_a_site_serves_is_told_from_its_configuration_and_file_names(
    url: str, reported: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    line = 6 if reported else None
    _assert_link_on_site(tmp_path, SITE_CONFIG, "a.md", url, line, tags=["Hong Kong"])


@pytest.mark.parametrize(
    ("language", "url", "reported"),
    [
        ("fr", "/fr/topics/budget/", False),  # French has `topics`: the page's own term
        ("fr", "/fr/topics/", False),
        ("fr", "/fr/tags/", True),  # French's own table replaces the site's: no `tags` in French
        ("fr", "/tags/", False),  # English tags, from a French page
        ("en", "/fr/topics/", False),  # French topics, from an English page
        ("en", "/tags/", False),
        ("en", "/topics/", True),
    ],
)
def test_a_language_s_own_taxonomies_are_the_ones_its_pages_link_to(
    language: str, url: str, reported: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    config = (
        'baseURL = "https://example.org/"\n[taxonomies]\ntag = "tags"\n[languages.en]\n'
        "weight = 1\n[languages.fr]\nweight = 2\n[languages.fr.taxonomies]\n"
        'topic = "topics"\n'
    )
    line = 8 if reported else None
    fields = {"topics": ["Budget"], "tags": ["Budget"]}
    _assert_link_on_site(tmp_path, config, f"a.{language}.md", url, line, language, **fields)


@pytest.mark.parametrize(("url", "reported"), [("/tags/beta/", False), ("/tags/alpha/", True)])
def test_a_page_s_terms_under_params_are_its_terms(
    url: str, reported: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # hugo 0.168 makes /tags/beta/ of `params.tags` and drops the top-level `tags`.
    monkeypatch.chdir(tmp_path)
    config = 'baseURL = "https://example.org/"\n'
    line = 7 if reported else None
    fields = {"tags": ["alpha"], "params": Raw("{tags: [beta]}")}
    _assert_link_on_site(tmp_path, config, "a.md", url, line, **fields)


@pytest.mark.parametrize(
    ("url", "reported"),
    [
        ("/2020/10/02/a-post/", False),  # English's own [permalinks] pattern makes it
        ("/2020/10/", True),  # ... but not this
    ],
)
def test_a_language_s_own_permalinks_make_urls_too(
    url: str, reported: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A real bilingual site sets its blog's permalinks only per language
    # (`languages.en.permalinks.blog: /:year/:month/:day/:filename`).
    monkeypatch.chdir(tmp_path)
    config = (
        'defaultContentLanguage = "en"\n'
        '[languages.en]\nweight = 1\n[languages.en.permalinks]\nnews = "/:year/:month/:day/:slug/"\n'
        "[languages.fr]\nweight = 2\n"
    )
    _assert_link_on_site(tmp_path, config, "a.md", url, 4 if reported else None)


@pytest.mark.parametrize(
    ("url", "reported"),
    [
        ("/news/budget/", False),  # news/2024-01-02-budget.md
        ("/news/vote/", False),  # news/2024-01-02_vote/index.md
        ("/news/my-title/", False),  # news/2024-01-02 My Title.md
        ("/news/poll/", False),  # news/2024-01-02-poll.fr.md: the language is no part of it
        ("/news/2024-01-02-budget/", False),  # the file's own path is served too... as a name
        ("/news/report/", True),  # news/2024-13-02-report.md: no date, no slug from it
        ("/news/missing/", True),
        ("/other/budget/", True),  # another section
    ],
)
def test_a_slug_hugo_takes_from_a_dated_file_name_is_served(
    url: str, reported: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With `:filename` among the date sources, hugo 0.168 serves `news/2024-01-02-budget.md` at
    `/news/budget/` (the rest of the name, trimmed of spaces, `-` and `_`)."""
    monkeypatch.chdir(tmp_path)
    config = (
        'baseURL = "https://example.org/"\n[languages.en]\nweight = 1\n[languages.fr]\n'
        'weight = 2\n[frontmatter]\ndate = [":filename", ":default"]\n'
    )
    news = tmp_path / "content" / "news"
    for name in (
        "2024-01-02-budget.md",
        "2024-01-02_vote/index.md",
        "2024-01-02 My Title.md",
        "2024-01-02-poll.fr.md",
        "2024-13-02-report.md",
    ):
        (news / name).parent.mkdir(parents=True, exist_ok=True)
        (news / name).write_text("---\ntitle: t\n---\n", encoding="utf-8")
    line = 4 if reported else None
    _assert_link_on_site(tmp_path, config, "a.md", url, line)


def test_a_dated_file_name_gives_no_slug_without_filename_dates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content" / "news").mkdir(parents=True)
    (tmp_path / "content" / "news" / "2024-01-02-budget.md").write_text("---\n---\n")
    config = 'baseURL = "https://example.org/"\n'
    _assert_link_on_site(tmp_path, config, "a.md", "/news/budget/", 4)


@pytest.mark.parametrize(
    ("url", "reported"),
    [
        ("/tags/sp-500/", False),  # S&P 500: hugo 0.168 drops the `&`
        ("/tags/s&p-500/", True),
        ("/tags/qa/", False),  # Q&A
        ("/tags/c++/", False),  # C++ keeps its `+`
        ("/tags/what/", False),  # What?
        ("/tags/-two--spaces/", False),  # " two  spaces": each space is a `-`
    ],
)
def test_a_term_is_served_where_hugo_writes_its_url(
    url: str, reported: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    config = 'baseURL = "https://example.org/"\n'
    line = 10 if reported else None
    tags = ["S&P 500", "Q&A", "C++", "What?", " two  spaces"]
    _assert_link_on_site(tmp_path, config, "a.md", url, line, tags=tags)


@pytest.mark.parametrize(
    ("url", "reported"),
    [
        ("/news/my-article/", False),  # content/news/My Article.md
        ("/news/ab/", False),  # content/news/a&b.md
        ("/big-section/sub/page/", False),  # content/Big Section/Sub/page.md
        ("/big-section/sub/", False),  # ... and its section
        ("/news/bun-dle/", False),  # content/news/bun dle/index.md
        ("/news/my%20article/", True),  # the name as written is no URL of it
        ("/news/other-article/", True),
    ],
)
def test_a_page_is_served_at_the_path_hugo_makes_of_its_names(
    url: str, reported: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """hugo 0.168 serves a page at its file's path in lower case, white space as `-`, and only
    some characters kept (`path_segment`)."""
    monkeypatch.chdir(tmp_path)
    for name in (
        "news/My Article.md",
        "news/a&b.md",
        "Big Section/Sub/page.md",
        "news/bun dle/index.md",
    ):
        page = tmp_path / "content" / name
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text("---\ntitle: t\n---\n", encoding="utf-8")
    line = 4 if reported else None
    _assert_link_on_site(tmp_path, 'baseURL = "https://example.org/"\n', "a.md", url, line)


@pytest.mark.parametrize(
    ("url", "reported"),
    [
        ("/fr/monde/le-monde/", False),  # French's own [permalinks] (hugo 0.168 serves it)
        ("/monde/le-monde/", False),  # without the prefix: may be the language's too
        ("/welt/x/", True),
    ],
)
def test_a_language_s_own_permalinks_make_urls_it_serves(
    url: str, reported: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    config = (
        'baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\n[languages.en]\n'
        'weight = 1\n[languages.fr]\nweight = 2\n[languages.fr.permalinks]\nworld = "/monde/:slug/"\n'
    )
    line = 4 if reported else None
    _assert_link_on_site(tmp_path, config, "a.fr.md", url, line, "fr")
