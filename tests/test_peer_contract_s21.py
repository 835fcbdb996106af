"""Peer round s21: what this session's rule docs promise, played on small ordinary sites.

Written as an outside tester with only `newslint rule CODE`, the README and DESIGN.md: file-not-found
(LK011) and page-not-found (LK010) must stay silent on what an ordinary Hugo site serves (static
files under a base path, a theme's files, bundles, `uglyURLs`, `[permalinks]`, languages in
folders, feeds and files templates publish) and report, at the URL, what hugo 0.168 does not write;
tracking-params' click redirects (LK005) and source-link-missing's credit lines (LK001) as their
docs word them. What Hugo writes was checked with the hugo 0.168 binary on the same sites.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newslint.cli import main
from newslint.site import clear_site_cache
from tests.linkserver import link_server, without_proxies

SOURCE = "\n\n[Example News](https://example.org/news/a/)\n"
MISSING = "no file of the site is served at {!r}"
DEAD = "no page or file of the site is served at {!r}"
THEME = {
    "themes/t/layouts/_default/single.html": "{{ .Content }}",
    "themes/t/layouts/_default/list.html": "{{ .Content }}x",
    "themes/t/layouts/index.html": "home",
}


def page(body: str, title: str = "Story", extra: str = "") -> str:
    """An article whose body starts on line 6."""
    return f"---\ntitle: {title}\ndate: 2025-01-01\n{extra}---\n\n{body}{SOURCE}"


def check(
    root: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    files: dict[str, str],
    select: str = "LK010,LK011",
    *paths: str,
) -> list[tuple[str, int, int, str, str]]:
    """Write `files`, check the site with `select` and give (path, line, column, code, message)."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(root)
    clear_site_cache()
    args = ["check", *(paths or ("content",)), "--isolated", "--no-cache", "--select", select]
    main([*args, "--output-format", "json"])
    clear_site_cache()
    found: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    return sorted((d["path"], d["line"], d["column"], d["code"], d["message"]) for d in found)


# --- file-not-found: files Hugo Pipes publish -----------------------------------------------------

PIPES = {
    "hugo.toml": 'baseURL = "https://example.org/"\ntheme = "t"\n',
    **THEME,
    "themes/t/assets/images/logo.png": "png",
    "themes/t/assets/css/main.css": "body{}",
    "themes/t/assets/js/app.js": "var a = 1;",
    "themes/t/assets/scss/site.scss": "a{b:c}",
    "assets/images/unused.png": "png",
    # hugo 0.168 publishes /images/logo.png, /css/main.css, /js/app.min.js and /css/style.css.
    "themes/t/layouts/_default/baseof.html": (
        '<img src="{{ (resources.Get "images/logo.png").RelPermalink }}">'
        '<link href="{{ (resources.Get "css/main.css").RelPermalink }}">'
        '<script src="{{ (resources.Get "js/app.js" | minify).RelPermalink }}"></script>'
        '{{ $css := resources.Get "scss/site.scss" | toCSS (dict "targetPath" "css/style.css") }}'
        '<link href="{{ $css.RelPermalink }}">{{ block "main" . }}{{ end }}'
    ),
}


def test_files_the_theme_publishes_from_assets_are_served(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        "![a](/images/logo.png) [b](/css/main.css) [c](/js/app.min.js) [d](/css/style.css)\n\n"
        "![e](/images/gone.png) [f](/css/other/x.css)\n"
    )
    files = {**PIPES, "content/news/a.md": page(body)}
    assert check(tmp_path, monkeypatch, capsys, files, "LK011") == [
        ("content/news/a.md", 8, 6, "LK011", MISSING.format("/images/gone.png")),
        ("content/news/a.md", 8, 28, "LK011", MISSING.format("/css/other/x.css")),
    ]


def test_an_asset_is_no_file_of_the_site_where_no_template_uses_pipes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Without a template that calls `resources.`, hugo 0.168 publishes nothing of `assets/`.
    files = {
        "hugo.toml": 'baseURL = "https://example.org/"\ntheme = "t"\n',
        **THEME,
        "assets/images/unused.png": "png",
        "content/news/a.md": page("![a](/images/unused.png)\n"),
    }
    assert check(tmp_path, monkeypatch, capsys, files, "LK011") == [
        ("content/news/a.md", 6, 6, "LK011", MISSING.format("/images/unused.png")),
    ]


def test_a_template_that_starts_using_pipes_clears_the_cached_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {
        "hugo.toml": 'baseURL = "https://example.org/"\ntheme = "t"\n',
        **THEME,
        "themes/t/assets/images/logo.png": "png",
        "content/news/a.md": page("![a](/images/logo.png)\n"),
    }
    check(tmp_path, monkeypatch, capsys, files, "LK011")
    args = ["check", "content", "--isolated", "--select", "LK011", "--output-format", "json"]
    main(args)
    assert [d["line"] for d in json.loads(capsys.readouterr().out)] == [6]
    logo = '<img src="{{ (resources.Get "images/logo.png").RelPermalink }}">{{ .Content }}'
    (tmp_path / "themes/t/layouts/_default/single.html").write_text(logo, encoding="utf-8")
    clear_site_cache()
    main(args)
    assert json.loads(capsys.readouterr().out) == []


# --- file-not-found and page-not-found: an ordinary site is silent --------------------------------

ORDINARY = {
    "hugo.toml": 'baseURL = "https://example.org/"\ntheme = "t"\n',
    **THEME,
    "static/images/logo.png": "png",
    "static/images/my logo.png": "png",
    "static/favicon.ico": "ico",
    "themes/t/static/css/style.css": "css",
    "content/news/b.md": page("B.\n", title="b"),
    "content/news/bundle/index.md": page(
        '![p](photo.jpg) ![q](./photo.jpg) ![t](photo.jpg "The title")\n', title="bundle"
    ),
    "content/news/bundle/photo.jpg": "jpg",
    "content/news/branch/_index.md": page("![b](banner.jpg) [kid](kid/)\n", title="branch"),
    "content/news/branch/banner.jpg": "jpg",
    "content/news/branch/kid.md": page("![up](../banner.jpg)\n", title="kid"),
}
ORDINARY_LINKS = (
    '![a](/images/logo.png) ![b](/images/logo.png "The logo") ![c](/images/logo.png?v=1)\n\n'
    "![d](/images/my%20logo.png) [e](/index.xml) [f](/sitemap.xml) [g](/robots.txt)\n\n"
    "[h](/favicon.ico) [i](/css/style.css) [j](#top) [k](?page=2) [l](/) [m](/news/)\n\n"
    "[n](/news) [o](/news/b/) [p](../b) [q](../b/) [r](/news/index.xml) [s](/tags/)\n\n"
    "![t](/news/bundle/photo.jpg) ![u](../bundle/photo.jpg) [v](/news/branch/kid/)\n\n"
    "![w](/images/gone.png) [x](../gone) [y](/news/gone/)\n"
)


def test_an_ordinary_site_is_reported_only_where_hugo_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {**ORDINARY, "content/news/a.md": page(ORDINARY_LINKS, title="a")}
    assert check(tmp_path, monkeypatch, capsys, files) == [
        ("content/news/a.md", 16, 6, "LK011", MISSING.format("/images/gone.png")),
        ("content/news/a.md", 16, 28, "LK010", DEAD.format("../gone")),
        ("content/news/a.md", 16, 41, "LK010", DEAD.format("/news/gone/")),
    ]


def test_a_base_path_is_allowed_and_a_relative_file_is_below_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # hugo 0.168 with baseURL https://example.org/blog/ writes news/a.md's `images/logo.png` as it
    # is: the browser asks /blog/news/a/images/logo.png. `/images/logo.png` (no base path) is
    # taken as the site's: `canonifyURLs` would make it so.
    body = (
        "![a](/blog/images/logo.png) ![b](/images/logo.png) ![c](../../images/logo.png)\n\n"
        "[d](/blog/news/b/) [e](/blog/) [f](/blog/index.xml) [g](/blog/news/b)\n\n"
        "![h](/blog/news/bundle/photo.jpg) [i](/blog/css/style.css) ![j](images/logo.png)\n"
    )
    files = {
        **ORDINARY,
        "hugo.toml": 'baseURL = "https://example.org/blog/"\ntheme = "t"\n',
        "content/news/a.md": page(body, title="a"),
    }
    assert check(tmp_path, monkeypatch, capsys, files) == [
        ("content/news/a.md", 10, 65, "LK011", MISSING.format("images/logo.png")),
    ]


def test_a_leaf_bundle_under_ugly_urls_resolves_its_images_beside_its_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # hugo 0.168 writes news/bundle.html with `<img src="photo.jpg">`: /news/photo.jpg, no file.
    files = {
        **ORDINARY,
        "hugo.toml": 'baseURL = "https://example.org/"\ntheme = "t"\nuglyURLs = true\n',
        "content/news/bundle/index.md": page("![p](photo.jpg) ![q](/news/bundle/photo.jpg)\n"),
        "content/news/a.md": page("[a](b.html) [b](/news/b.html) [c](/news/b/)\n", title="a"),
    }
    assert check(tmp_path, monkeypatch, capsys, files) == [
        ("content/news/a.md", 6, 35, "LK010", DEAD.format("/news/b/")),
        # The branch is /news/branch/index.html, its child /news/branch/kid.html.
        ("content/news/branch/_index.md", 6, 24, "LK010", DEAD.format("kid/")),
        ("content/news/branch/kid.md", 6, 7, "LK011", MISSING.format("../banner.jpg")),
        ("content/news/bundle/index.md", 6, 6, "LK011", MISSING.format("photo.jpg")),
    ]


def test_permalinks_move_pages_and_their_resources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # hugo 0.168: /2025/01/b/, /2025/01/bundle/photo.jpg; nothing at /news/b/.
    body = "[a](/2025/01/b/) [b](/news/b/) ![c](/2025/01/bundle/photo.jpg) [d](/2025/01/gone/)\n"
    files = {
        **ORDINARY,
        "hugo.toml": (
            'baseURL = "https://example.org/"\ntheme = "t"\n'
            '[permalinks]\nnews = "/:year/:month/:slug/"\n'
        ),
        "content/news/a.md": page(body, title="a"),
    }
    assert check(tmp_path, monkeypatch, capsys, files) == [
        ("content/news/a.md", 6, 22, "LK010", DEAD.format("/news/b/")),
        ("content/news/a.md", 6, 68, "LK010", DEAD.format("/2025/01/gone/")),
        # The child moves to /2025/01/kid/, away from its section's folder and its banner.
        ("content/news/branch/_index.md", 6, 24, "LK010", DEAD.format("kid/")),
        ("content/news/branch/kid.md", 6, 7, "LK011", MISSING.format("../banner.jpg")),
    ]


LANGUAGES = (
    'baseURL = "https://example.org/"\ntheme = "t"\ndefaultContentLanguage = "en"\n'
    "defaultContentLanguageInSubdir = true\n"
    "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"
)


def test_languages_in_folders_and_a_translation_that_does_not_exist(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # hugo 0.168: /en/news/b/, /fr/news/b/, /en/news/bundle/photo.jpg, /images/logo.png; no
    # /news/b/ (the English pages are below /en/) and no /fr/news/a/ (no French a).
    body = (
        "[a](/en/news/b/) [b](/fr/news/b/) [c](/news/b/) [d](/fr/news/a/) [e](/en/)\n\n"
        "![f](/images/logo.png) ![g](/en/news/bundle/photo.jpg) [h](/en/index.xml)\n"
    )
    files = {
        "hugo.toml": LANGUAGES,
        **THEME,
        "static/images/logo.png": "png",
        "content/news/a.md": page(body, title="a"),
        "content/news/b.md": page("B.\n", title="b"),
        "content/news/b.fr.md": page("B.\n", title="b"),
        "content/news/bundle/index.md": page("![p](photo.jpg)\n", title="bundle"),
        "content/news/bundle/photo.jpg": "jpg",
    }
    assert check(tmp_path, monkeypatch, capsys, files) == [
        ("content/news/a.md", 6, 39, "LK010", DEAD.format("/news/b/")),
        ("content/news/a.md", 6, 53, "LK010", DEAD.format("/fr/news/a/")),
    ]


def test_a_page_only_the_other_host_serves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {
        "hugo.toml": (
            'baseURL = "https://example.org/"\ntheme = "t"\n'
            "[languages.en]\nweight = 1\nbaseURL = 'https://en.example.org/'\n"
            "[languages.fr]\nweight = 2\nbaseURL = 'https://fr.example.org/'\n"
        ),
        **THEME,
        "static/images/logo.png": "png",
        "content/news/a.md": page("[a](/news/only-fr/) ![b](/images/logo.png)\n", title="a"),
        "content/news/only-fr.fr.md": page("[back](/news/a/)\n", title="of"),
    }
    assert check(tmp_path, monkeypatch, capsys, files) == [
        ("content/news/a.md", 6, 5, "LK010", DEAD.format("/news/only-fr/")),
        ("content/news/only-fr.fr.md", 6, 8, "LK010", DEAD.format("/news/a/")),
    ]


def test_pages_hugo_does_not_write_and_the_message_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # hugo 0.168 writes none of these pages, but it does write their bundles' resources.
    body = (
        "[a](/news/hl/) ![b](/news/hl/photo.jpg) [c](/news/never/) [d](/news/link/)\n\n"
        "[e](/news/casc/) [f](/news/casc/kid/) [g](/news/lst/)\n"
    )
    files = {
        "hugo.toml": 'baseURL = "https://example.org/"\ntheme = "t"\n',
        **THEME,
        "content/news/a.md": page(body, title="a"),
        "content/news/hl/index.md": page("x\n", title="hl", extra="headless: true\n"),
        "content/news/hl/photo.jpg": "jpg",
        "content/news/never/index.md": page("x\n", extra="build:\n  render: never\n"),
        "content/news/link/index.md": page("x\n", extra="build:\n  render: link\n"),
        "content/news/casc/_index.md": page("x\n", extra="cascade:\n  build:\n    render: never\n"),
        "content/news/casc/kid.md": page("x\n", title="kid"),
        "content/news/lst/_index.md": page("x\n", extra="build:\n  list: never\n"),
    }
    unwritten = "{!r} leads to a page that exists but that Hugo does not write ({})"
    assert check(tmp_path, monkeypatch, capsys, files) == [
        ("content/news/a.md", 6, 5, "LK010", unwritten.format("/news/hl/", "`headless: true`")),
        (
            "content/news/a.md",
            6,
            45,
            "LK010",
            unwritten.format("/news/never/", "`build.render: never`"),
        ),
        (
            "content/news/a.md",
            6,
            63,
            "LK010",
            unwritten.format("/news/link/", "`build.render: link`"),
        ),
        (
            "content/news/a.md",
            8,
            5,
            "LK010",
            unwritten.format("/news/casc/", "`build.render: never`, from a cascade"),
        ),
        (
            "content/news/a.md",
            8,
            22,
            "LK010",
            unwritten.format("/news/casc/kid/", "`build.render: never`, from a cascade"),
        ),
    ]


def test_output_formats_are_written_below_their_own_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # hugo 0.168 writes AMP at /amp/news/b/ (its path is a prefix), not /news/b/amp/; the pager
    # of a section at /news/page/2/.
    files = {
        "hugo.toml": (
            'baseURL = "https://example.org/"\ntheme = "t"\n[pagination]\npagerSize = 1\n'
            '[outputs]\npage = ["html", "amp"]\n'
        ),
        **THEME,
        "themes/t/layouts/_default/single.amp.html": "amp{{ .Content }}",
        "content/news/a.md": page("[a](/news/b/amp/) [b](/news/page/2/)\n", title="a"),
        "content/news/b.md": page("B.\n", title="b"),
    }
    assert check(tmp_path, monkeypatch, capsys, files) == [
        ("content/news/a.md", 6, 5, "LK010", DEAD.format("/news/b/amp/")),
    ]


# --- tracking-params: click redirects -------------------------------------------------------------


def fix(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], text: str
) -> tuple[list[tuple[int, int, str]], str]:
    """Check `a.md` with LK005 alone, then fix it: (line, column, message) and the fixed text."""
    (root / "a.md").write_text(text, encoding="utf-8")
    monkeypatch.chdir(root)
    main(
        [
            "check",
            "a.md",
            "--isolated",
            "--no-cache",
            "--select",
            "LK005",
            "--output-format",
            "json",
        ]
    )
    found = [(d["line"], d["column"], d["message"]) for d in json.loads(capsys.readouterr().out)]
    main(["fix", "a.md", "--isolated", "--no-cache", "--select", "LK005"])
    capsys.readouterr()
    return found, (root / "a.md").read_text(encoding="utf-8")


REDIRECTS = (
    "---\ntitle: T\ndate: 2025-01-01\n"
    'source: "https://www.google.com/url?sa=t&url=https://news.example.com/a&ved=2"\n---\n\n'
    "A [x](https://www.google.co.uk/url?q=https://news.example.com/b%3Futm_source%3Dg%26id%3D2&sa=U)"
    " [y](https://l.facebook.com/l.php?u=https%3A%2F%2Fx.org%2Fc&h=AT0)"
    " [z](https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fx.org%2Fd&data=05)\n\n"
    "[s](https://www.google.com/search?q=budget) [q](https://www.google.com/url?q=/search%3Fq%3Dx)"
    " [w](https://www.google.de/url?url=https://x.org/a%20b&sa=D)\n\n"
    "[Example](https://example.org/b)\n"
)


def test_click_redirects_become_the_address_they_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    found, fixed = fix(tmp_path, monkeypatch, capsys, REDIRECTS)
    via = "URL goes through {}'s click redirect to {}"
    assert found == [
        (4, 10, via.format("Google", "https://news.example.com/a")),
        (7, 7, via.format("Google", "https://news.example.com/b?utm_source=g&id=2")),
        (7, 101, via.format("Facebook", "https://x.org/c")),
        (7, 167, via.format("Outlook", "https://x.org/d")),
        # A Google search and a `q` that is no web address are no click redirect; an address
        # with white space once decoded is reported but not fixed.
        (9, 99, via.format("Google", "https://x.org/a b")),
    ]
    # The redirect's target loses its own tracking parameters in the same run.
    assert fixed == REDIRECTS.replace(
        "https://www.google.com/url?sa=t&url=https://news.example.com/a&ved=2",
        "https://news.example.com/a",
    ).replace(
        "https://www.google.co.uk/url?q=https://news.example.com/b%3Futm_source%3Dg%26id%3D2&sa=U",
        "https://news.example.com/b?id=2",
    ).replace(
        "https://l.facebook.com/l.php?u=https%3A%2F%2Fx.org%2Fc&h=AT0", "https://x.org/c"
    ).replace(
        "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fx.org%2Fd&data=05",
        "https://x.org/d",
    )


# --- source-link-missing: credit lines under the source -------------------------------------------


def source_check(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], body: str
) -> list[tuple[int, int]]:
    (root / "a.md").write_text(f"---\ntitle: T\ndate: 2025-01-01\n---\n\n{body}", encoding="utf-8")
    monkeypatch.chdir(root)
    main(
        [
            "check",
            "a.md",
            "--isolated",
            "--no-cache",
            "--select",
            "LK001",
            "--output-format",
            "json",
        ]
    )
    return [(d["line"], d["column"]) for d in json.loads(capsys.readouterr().out)]


@pytest.mark.parametrize(
    ("body", "found"),
    [
        (
            "Text.\n\nSource: [Reuters](https://reuters.com/a)\n\n_Перевод: [Иван](https://t.me/i)_\n",
            [],
        ),
        ("Text.\n\n来源：[新华社](https://xinhua.example.cn/a)\n\n译者：张三\n\n校对：李四\n", []),
        (
            "Text.\n\nSource: [Reuters](https://reuters.com/a)\n\nTranslated by Jane\n\nPhoto: AP\n",
            [],
        ),
        # Under a link without a label a credit line names no source.
        ("Text.\n\n[Reuters](https://reuters.com/a)\n\nTranslated by Jane\n", [(10, 1)]),
        # Up to six credit lines; a seventh line is the end of the text.
        ("Text.\n\nSource: [R](https://reuters.com/a)\n" + "\nPhoto: AP\n" * 6, []),
        ("Text.\n\nSource: [R](https://reuters.com/a)\n" + "\nPhoto: AP\n" * 7, [(22, 1)]),
        (
            "Text.\n\nSource: [R](https://reuters.com/a)\n\nRelated: [x](https://x.org/)\n",
            [(10, 1)],
        ),
    ],
    ids=["ru", "zh", "en", "unlabelled", "six", "seven", "related"],
)
def test_credit_lines_under_a_labelled_source_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    body: str,
    found: list[tuple[int, int]],
) -> None:
    assert source_check(tmp_path, monkeypatch, capsys, body) == found


# --- link-broken, link-redirect: reference definitions and shortcode calls ------------------------


def test_a_reference_link_is_reported_once_at_its_definition(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    without_proxies(monkeypatch)
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    with link_server() as server:
        url = server.url
        body = (
            "See [a][r] and [b][r] and [c][moved].\n\n"
            f'{{{{< figure src="{url("/missing")}" >}}}} {{{{< link "{url("/gone")}" >}}}}\n\n'
            f"[r]: {url('/missing')}\n[moved]: {url('/moved')}\n[unused]: {url('/gone')}\n\n"
            f"[Example]({url('/ok')})\n"
        )
        (tmp_path / "a.md").write_text(f"---\ntitle: T\n---\n\n{body}", encoding="utf-8")
        (tmp_path / "newslint.toml").write_text("[links]\ntimeout = 0.3\nretries = 0\n")
        args = ["--select", "LK006,LK007", "--output-format", "json", "--no-cache", "a.md"]
        main(["check", "--check-links", *args])
        found = [
            (d["code"], d["line"], d["column"], d["message"])
            for d in json.loads(capsys.readouterr().out)
        ]
        assert found == [
            ("LK006", 9, 6, "link is broken: not found (404)"),
            ("LK007", 10, 10, f"link permanently redirects to {url('/ok')}"),
        ]
        # A shortcode's argument is no link of the page, an unused definition neither.
        assert server.hits("/gone") == 0
        assert server.hits("/missing") == 2  # HEAD, then GET
