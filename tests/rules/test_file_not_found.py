from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.testing import fm

MISSING = "no file of the site is served at {!r}"
SUMMARY = "A summary of the article that is long enough for every rule of newslint."
CONFIG = 'baseURL = "https://example.org/"\n'


def page(body: str = "Text.\n", **fields: object) -> str:
    return fm(title="Story", summary=SUMMARY, body=body, **fields)


def run(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    files: dict[str, str],
    *args: str,
    config: str = CONFIG,
) -> list[tuple[str, int, int, str]]:
    """Write a site (`hugo.toml` and `files`), check it with LK011 alone, and give what it
    reports as (path, line, column, message)."""
    (tmp_path / "hugo.toml").write_text(config, encoding="utf-8")
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    given = list(args) or ["."]
    main(["check", *given, "--select", "LK011", "--output-format", "json", "--no-cache"])
    found = json.loads(capsys.readouterr().out)
    assert all(d["code"] == "LK011" for d in found)
    return sorted((d["path"], d["line"], d["column"], d["message"]) for d in found)


BUNDLE = "content/news/story/index.md"
SITE = {
    "content/news/_index.md": fm(title="News"),
    "content/news/banner.jpg": "jpg",
    "content/news/story/photo.jpg": "jpg",
    "content/news/story/my photo.jpg": "jpg",
    "content/news/story/docs/notes.pdf": "pdf",
    "content/news/chart.png": "png",
    "static/images/logo.png": "png",
    "static/files/report.pdf": "pdf",
    "assets/images/hidden.png": "png",
}


def test_a_leaf_bundle_image_that_is_not_in_the_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        "![a](photo.jpg) ![b](vote.jpg)\n\n"
        "![c](my%20photo.jpg) ![d](<my photo.jpg>) ![e](./photo.jpg?w=1#top)\n\n"
        "[f](docs/notes.pdf) [g](docs/minutes.pdf) ![h](Photo.jpg)\n"
    )
    files = {**SITE, BUNDLE: page(body)}
    assert run(tmp_path, monkeypatch, capsys, files) == [
        (BUNDLE, 6, 22, MISSING.format("vote.jpg")),
        (BUNDLE, 10, 25, MISSING.format("docs/minutes.pdf")),
        (
            BUNDLE,
            10,
            48,
            "no file of the site is served at 'Photo.jpg' (it has '/news/story/photo.jpg': "
            "case counts)",
        ),
    ]


def test_root_relative_files_static_content_and_assets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        "![a](/images/logo.png) ![b](/images/logo.jpg) [c](/files/report.pdf)\n\n"
        "[d](/files/report-2024.pdf) ![e](/news/chart.png) ![f](/news/banner.jpg)\n\n"
        "![g](/images/hidden.png) ![h](/news/story/photo.jpg) ![i](https://example.org/x.png)\n"
    )
    files = {**SITE, BUNDLE: page(), "content/news/a.md": page(body)}
    assert run(tmp_path, monkeypatch, capsys, files) == [
        ("content/news/a.md", 6, 29, MISSING.format("/images/logo.jpg")),
        ("content/news/a.md", 8, 5, MISSING.format("/files/report-2024.pdf")),
        ("content/news/a.md", 10, 6, MISSING.format("/images/hidden.png")),
    ]


def test_a_relative_image_in_a_page_of_one_file_is_below_its_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # hugo 0.168: `chart.png` in news/a.md is /news/a/chart.png; the file is at /news/chart.png.
    body = "![a](chart.png) ![b](../chart.png) ![c](../../images/logo.png)\n"
    files = {**SITE, "content/news/a.md": page(body)}
    assert run(tmp_path, monkeypatch, capsys, files) == [
        ("content/news/a.md", 6, 6, MISSING.format("chart.png"))
    ]


def test_a_branch_bundle_and_the_home_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {
        **SITE,
        "content/news/_index.md": fm(title="News", body="![a](banner.jpg) ![b](gone.jpg)\n"),
        "content/_index.md": fm(title="Home", body="![a](images/logo.png) ![b](logo.png)\n"),
    }
    assert run(tmp_path, monkeypatch, capsys, files) == [
        ("content/_index.md", 5, 28, MISSING.format("logo.png")),
        ("content/news/_index.md", 5, 23, MISSING.format("gone.jpg")),
    ]


def test_ugly_urls_resolve_a_bundle_image_beside_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # hugo 0.168: the bundle is at /news/story.html, its photo at /news/story/photo.jpg, and
    # `photo.jpg` written in it at /news/photo.jpg.
    files = {**SITE, BUNDLE: page("![a](photo.jpg) ![b](story/photo.jpg) ![c](banner.jpg)\n")}
    config = CONFIG + "uglyURLs = true\n"
    assert run(tmp_path, monkeypatch, capsys, files, config=config) == [
        (BUNDLE, 6, 6, MISSING.format("photo.jpg"))
    ]


def test_a_bundle_moved_by_url_or_permalinks_takes_its_files_along(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        "![a](/elsewhere/m/m.png) ![b](/news/moved/m.png) ![c](/2024/story/p.png) "
        "![d](/2024/story/q.png)\n"
    )
    files = {
        "content/news/moved/index.md": page("![a](m.png) ![b](n.png)\n", url="/elsewhere/m/"),
        "content/news/moved/m.png": "png",
        "content/posts/p1/index.md": page(date="2024-03-01"),
        "content/posts/p1/p.png": "png",
        "content/news/a.md": page(body),
    }
    config = CONFIG + '[permalinks]\nposts = "/:year/:slug/"\n'
    assert run(tmp_path, monkeypatch, capsys, files, config=config) == [
        ("content/news/a.md", 6, 79, MISSING.format("/2024/story/q.png")),
        ("content/news/moved/index.md", 7, 18, MISSING.format("n.png")),
    ]


def test_static_folders_themes_and_mounts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        "![a](/one.png) ![b](/two.png) ![c](/th/t.png) ![d](/vendor/lib.js) "
        "![e](/static/one.png) ![f](/three.png)\n"
    )
    files = {
        "static1/one.png": "png",
        "static2/two.png": "png",
        "themes/t/static/th/t.png": "png",
        "node_modules/lib/lib.js": "js",
        "content/news/a.md": page(body),
    }
    config = (
        CONFIG + 'theme = "t"\nstaticDir = ["static1", "static2"]\n'
        '[[module.mounts]]\nsource = "node_modules/lib"\ntarget = "static/vendor"\n'
    )
    assert run(tmp_path, monkeypatch, capsys, files, config=config) == [
        ("content/news/a.md", 6, 73, MISSING.format("/static/one.png")),
        ("content/news/a.md", 6, 95, MISSING.format("/three.png")),
    ]


def test_base_url_path_and_language_prefix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "![a](/sub/images/logo.png) ![b](/sub/images/nope.png) ![c](/images/logo.png)\n"
    files = {**SITE, "content/news/a.md": page(body)}
    config = 'baseURL = "https://example.org/sub/"\n'
    assert run(tmp_path, monkeypatch, capsys, files, config=config) == [
        ("content/news/a.md", 6, 33, MISSING.format("/sub/images/nope.png"))
    ]


MULTILINGUAL = """baseURL = "https://example.org/"
defaultContentLanguage = "en"
[languages.en]
weight = 1
[languages.fr]
weight = 2
"""


def test_hugos_own_image_hook_on_a_multilingual_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # hugo 0.168 renders the images with its embedded hook: an `assets/` file is published,
    # a destination it does not find is left as written.
    # Static files are published once, at the root: `/fr/images/logo.png` is not.
    body = "![a](photo.jpg) ![b](/images/hidden.png) ![c](gone.jpg) ![d](/fr/images/logo.png)\n"
    files = {**SITE, "content/news/story/index.fr.md": page(body)}
    assert run(tmp_path, monkeypatch, capsys, files, config=MULTILINGUAL) == [
        ("content/news/story/index.fr.md", 6, 47, MISSING.format("gone.jpg")),
        ("content/news/story/index.fr.md", 6, 62, MISSING.format("/fr/images/logo.png")),
    ]


LANGUAGE_FOLDERS = MULTILINGUAL.replace("weight = 1\n", 'weight = 1\ncontentDir = "content/en"\n')
LANGUAGE_FOLDERS = LANGUAGE_FOLDERS.replace(
    "weight = 2\n", 'weight = 2\ncontentDir = "content/fr"\n'
)


def test_language_folders_static_files_and_content_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # hugo 0.168 with one host: `static/images/x.png` is at `/images/x.png` alone; a file of
    # `content/en` (the default language's) below no language folder, one of `content/fr`
    # below `/fr/` only.
    body = (
        "[a](/en/images/x.png) [b](/images/x.png) [c](/fr/images/x.png)\n\n"
        "[d](/news/b/photo.jpg) [e](/fr/news/b/photo.jpg) [f](/fr/news/b/frphoto.jpg)\n\n"
        "[g](/news/b/frphoto.jpg) [h](/news/chart.png) [i](/fr/news/chart.png)\n"
    )
    files = {
        "static/images/x.png": "png",
        "content/en/news/b/index.md": page(),
        "content/en/news/b/photo.jpg": "jpg",
        "content/fr/news/b/index.md": page(),
        "content/fr/news/b/frphoto.jpg": "jpg",
        "content/en/news/chart.png": "png",
        "content/en/news/a.md": page(body),
    }
    found = run(tmp_path, monkeypatch, capsys, files, config=LANGUAGE_FOLDERS)
    assert found == [
        ("content/en/news/a.md", 6, 5, MISSING.format("/en/images/x.png")),
        ("content/en/news/a.md", 6, 46, MISSING.format("/fr/images/x.png")),
        ("content/en/news/a.md", 8, 28, MISSING.format("/fr/news/b/photo.jpg")),
        ("content/en/news/a.md", 10, 5, MISSING.format("/news/b/frphoto.jpg")),
        ("content/en/news/a.md", 10, 51, MISSING.format("/fr/news/chart.png")),
    ]


NO_HOOKS = (
    MULTILINGUAL + "[markup.goldmark.renderHooks.image]\nuseEmbedded = 'never'\n"
    "[markup.goldmark.renderHooks.link]\nuseEmbedded = 'never'\n"
)


def test_a_bundle_resource_is_published_with_its_own_languages_page_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # hugo 0.168: `photo.jpg` beside `index.md` and `index.fr.md` is at `/news/b/photo.jpg`
    # alone, `photo.fr.jpg` at `/fr/news/b/photo.fr.jpg` alone; `p.jpg` beside `index.fr.md`
    # alone (a default-language file with no page of its language) at no URL.
    files = {
        "content/news/b/index.md": page("![a](photo.jpg) ![b](photo.fr.jpg)\n"),
        "content/news/b/index.fr.md": page("![a](photo.jpg) ![b](photo.fr.jpg)\n"),
        "content/news/b/photo.jpg": "jpg",
        "content/news/b/photo.fr.jpg": "jpg",
        "content/news/f/index.fr.md": page("![a](p.jpg)\n"),
        "content/news/f/p.jpg": "jpg",
        "content/news/a.md": page("![a](/fr/news/b/photo.jpg) ![b](/fr/news/b/photo.fr.jpg)\n"),
    }
    assert run(tmp_path, monkeypatch, capsys, files, config=NO_HOOKS) == [
        ("content/news/a.md", 6, 6, MISSING.format("/fr/news/b/photo.jpg")),
        ("content/news/b/index.fr.md", 6, 6, MISSING.format("photo.jpg")),
        ("content/news/b/index.md", 6, 22, MISSING.format("photo.fr.jpg")),
        ("content/news/f/index.fr.md", 6, 6, MISSING.format("p.jpg")),
    ]


LANGUAGE_FOLDERS = """baseURL = "https://example.org/"
defaultContentLanguage = "en"
[languages.en]
weight = 1
contentDir = "content/en"
[languages.fr]
weight = 2
contentDir = "content/fr"
"""


@pytest.mark.parametrize("in_subdir", [False, True])
def test_a_file_of_one_languages_content_folder_is_served_under_its_prefix_only(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    in_subdir: bool,
) -> None:
    # A school's site (en/fr): `![](../premises.jpg)` in both languages' `about/premises.md`,
    # the photo only in `content/fr/about/`. hugo 0.168 writes it to /fr/about/premises.jpg
    # alone: the English page's image is dead, the French one's is not.
    body = "![a](../premises.jpg) ![b](/fr/about/premises.jpg) ![c](/about/premises.jpg)\n"
    files = {
        "content/en/about/_index.md": fm(title="About"),
        "content/fr/about/_index.md": fm(title="À propos"),
        "content/en/about/premises.md": page(body),
        "content/fr/about/premises.md": page(body),
        "content/fr/about/premises.jpg": "jpg",
        "static/images/logo.png": "png",
    }
    config = ("defaultContentLanguageInSubdir = true\n" if in_subdir else "") + LANGUAGE_FOLDERS
    missing = [
        ("content/en/about/premises.md", 6, 6, MISSING.format("../premises.jpg")),
        ("content/en/about/premises.md", 6, 57, MISSING.format("/about/premises.jpg")),
        ("content/fr/about/premises.md", 6, 57, MISSING.format("/about/premises.jpg")),
    ]
    assert run(tmp_path, monkeypatch, capsys, files, config=config) == missing


@pytest.mark.parametrize(
    ("extra", "config"),
    [
        ({"layouts/_markup/render-image.html": "x"}, CONFIG),
        ({"themes/t/layouts/_default/_markup/render-image.html": "x"}, CONFIG + 'theme="t"\n'),
        ({}, CONFIG + 'theme = "missing-theme"\n'),
        ({}, CONFIG + 'theme = "github.com/x/y"\n'),
        ({"netlify.toml": ""}, CONFIG),
        ({"static/_redirects": ""}, CONFIG),
        ({".gitmodules": '[submodule "c"]\n\tpath = content/news\n'}, CONFIG),
        ({}, CONFIG + '[[module.mounts]]\nsource = "not-there"\ntarget = "static"\n'),
        (
            {"themes/t/hugo.toml": '[[module.mounts]]\nsource = "x"\ntarget = "static"\n'},
            CONFIG + 'theme = "t"\n',
        ),
    ],
)
def test_silent_when_it_cannot_be_sure(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    extra: dict[str, str],
    config: str,
) -> None:
    files = {**SITE, **extra, BUNDLE: page("![a](gone.jpg) ![b](/images/gone.png)\n")}
    assert run(tmp_path, monkeypatch, capsys, files, config=config) == []


def test_silent_for_paths_beyond_the_page_without_the_whole_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "![a](gone.jpg) ![b](/images/gone.png) ![c](sub/gone.png)\n"
    files = {**SITE, BUNDLE: page(body), "content/news/other.md": page()}
    assert run(tmp_path, monkeypatch, capsys, files, BUNDLE) == [
        (BUNDLE, 6, 6, MISSING.format("gone.jpg"))
    ]


@pytest.mark.parametrize(
    ("files", "config"),
    [
        ({"content/news/_content.gotmpl": ""}, CONFIG),
        ({"content/news/_index.md": fm(title="News", slug="nachrichten")}, CONFIG),
        ({"content/other/x/index.md": page(url=":unknown/")}, CONFIG),
        ({"public/images/gone.png": "png"}, CONFIG),
    ],
)
def test_silent_beyond_the_page_when_a_bundle_may_be_anywhere(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    files: dict[str, str],
    config: str,
) -> None:
    body = "![b](/images/gone.png)\n"
    all_files = {**SITE, BUNDLE: page(body), **files}
    assert run(tmp_path, monkeypatch, capsys, all_files, config=config) == []


def test_not_pages_feeds_web_addresses_or_copied_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        "[a](/news/gone/) [b](other.md) [c](/index.xml) [d](/news/gone.html) "
        "[e](example.org/x.png) [f](//cdn.example.org/x.png) [g](mailto:a@b.org) "
        "[h](#top) ![i]({{< param img >}}) [j](/feed.json) [k](/files/data)\n"
    )
    files = {
        **SITE,
        "content/news/a.md": page(body),
        "content/news/b.md": page(
            "![x](/images/copied.png)\n", source="https://other.example.com/story"
        ),
    }
    assert run(tmp_path, monkeypatch, capsys, files) == []


def test_a_file_that_appears_clears_the_report_with_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {**SITE, BUNDLE: page("![a](vote.jpg)\n")}
    run(tmp_path, monkeypatch, capsys, files)
    args = ["check", BUNDLE, "--select", "LK011", "--output-format", "json"]
    main(args)
    assert [d["line"] for d in json.loads(capsys.readouterr().out)] == [6]
    (tmp_path / "content/news/story/vote.jpg").write_text("jpg", encoding="utf-8")
    main(args)
    assert json.loads(capsys.readouterr().out) == []


MAINROAD = CONFIG + 'theme = "mainroad"\n'
THUMBNAILS = {
    "themes/mainroad/static/img/placeholder.png": "png",
    "static/img/there.gif": "gif",
    "content/post/a.md": page(thumbnail="img/mario.gif"),
    "content/post/b.md": page(thumbnail={"src": "img/there.gif"}),
    "content/post/c.md": page(thumbnail={"src": "img/gone.gif", "visibility": ["single"]}),
    "content/post/d.md": page(params={"thumbnail": "/img/p.gif"}),
    "content/post/e.md": page(thumbnail="img/placeholder.png"),
    "content/post/f.md": page(thumbnail="https://example.org/img/x.gif"),
}


STACK = CONFIG + 'theme = "hugo-theme-stack"\n'
STACK_IMAGES = {
    "themes/hugo-theme-stack/theme.toml": 'name = "Stack"\n',
    "static/img/there.png": "png",
    "assets/img/hidden.png": "png",
    "content/post/cover/index.md": page(image="Cover.jpg"),
    "content/post/cover/cover.jpg": "jpg",
    "content/post/gone/index.md": page(image="gone.jpg"),
    "content/post/a.md": page(image="img/there.png"),
    "content/post/b.md": page(image="img/hidden.png"),
    "content/post/c.md": page(image="img/missing.png"),
    "content/post/d.md": page(params={"image": "/img/p.png"}),
    "content/post/e.md": page(image="https://example.org/img/x.png"),
    "content/post/f.md": page(image="*.png"),
}


def test_a_mainroad_thumbnail_the_site_does_not_have(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # hugo 0.168 with Mainroad's `post_thumbnail.html`: `img/mario.gif` is `/img/mario.gif`
    # (`relURL`), whatever the page's URL.
    assert run(tmp_path, monkeypatch, capsys, THUMBNAILS, config=MAINROAD) == [
        ("content/post/a.md", 4, 12, MISSING.format("img/mario.gif")),
        ("content/post/d.md", 5, 14, MISSING.format("/img/p.gif")),
    ]


@pytest.mark.parametrize(
    ("images", "extra", "config"),
    [
        (THUMBNAILS, {"layouts/partials/post_thumbnail.html": "x"}, MAINROAD),
        (THUMBNAILS, {}, CONFIG + 'theme = ["child", "mainroad"]\n'),
        (THUMBNAILS, {}, CONFIG + 'theme = "other"\n'),
        (STACK_IMAGES, {"layouts/partials/helper/image.html": "x"}, STACK),
        (STACK_IMAGES, {}, CONFIG + 'theme = "other"\n'),
        # the field Stack reads is another one
        (STACK_IMAGES, {}, STACK + '[params]\nfeaturedImageField = "cover"\n'),
    ],
)
def test_no_theme_image_where_another_template_may_draw_it(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    images: dict[str, str],
    extra: dict[str, str],
    config: str,
) -> None:
    files = {**images, **extra, "themes/other/static/x.png": "png"}
    assert run(tmp_path, monkeypatch, capsys, files, config=config) == []


UNPUBLISHED = (
    "no file of the site is served at {!r} (its page has {}, and nothing publishes the resource)"
)


def test_resources_of_a_page_that_does_not_publish_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # hugo 0.168 writes no resource of a page with `build.publishResources: false`, its own or
    # cascaded, unless something uses it.
    files = {
        "content/news/b/index.md": page(
            "![a](photo.jpg) [b](docs/doc.pdf)\n", build={"publishResources": False}
        ),
        "content/news/b/photo.jpg": "jpg",
        "content/news/b/docs/doc.pdf": "pdf",
        "content/cas/_index.md": fm(title="Cas", cascade={"build": {"publishResources": False}}),
        "content/cas/d/index.md": page("![a](d.jpg)\n"),
        "content/cas/d/d.jpg": "jpg",
    }
    own = "`build.publishResources: false`"
    assert run(tmp_path, monkeypatch, capsys, files) == [
        ("content/cas/d/index.md", 6, 6, UNPUBLISHED.format("d.jpg", own + ", from a cascade")),
        ("content/news/b/index.md", 8, 6, UNPUBLISHED.format("photo.jpg", own)),
        ("content/news/b/index.md", 8, 21, UNPUBLISHED.format("docs/doc.pdf", own)),
    ]


@pytest.mark.parametrize(
    ("extra", "config", "body"),
    [
        # Hugo's own render hooks publish what they render.
        ({}, CONFIG + "[markup.goldmark.renderHooks.image]\nuseEmbedded = 'always'\n", ""),
        (
            {"layouts/_default/single.html": "{{ range .Resources }}{{ .RelPermalink }}{{ end }}"},
            CONFIG,
            "",
        ),
        ({"layouts/partials/head.html": '{{ partial "opengraph.html" . }}'}, CONFIG, ""),
        ({}, CONFIG, '{{< figure src="photo.jpg" >}}\n'),
    ],
)
def test_unpublished_resources_silent_where_something_may_publish_them(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    extra: dict[str, str],
    config: str,
    body: str,
) -> None:
    files = {
        **extra,
        "content/news/b/index.md": page(
            body + "![a](photo.jpg)\n", build={"publishResources": False}
        ),
        "content/news/b/photo.jpg": "jpg",
    }
    assert run(tmp_path, monkeypatch, capsys, files, config=config) == []


UNSAFE = MULTILINGUAL + "[markup.goldmark.renderer]\nunsafe = true\n"


@pytest.mark.parametrize("config", [UNSAFE, MULTILINGUAL])
def test_raw_html_images_and_links_where_hugo_writes_them(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    config: str,
) -> None:
    # hugo 0.168 with `unsafe = true` writes raw HTML as it is (no render hook sees it): the
    # French page's `photo.jpg` is `/fr/news/b/photo.jpg`, which it does not publish; without
    # it, it leaves the HTML out.
    body = (
        '<img src="photo.jpg"> <a href="doc.pdf">d</a> <img src="gone.jpg">\n\n'
        '<div><img src="/images/x.png"><iframe src="/gone.pdf"></iframe></div>\n'
    )
    files = {
        "content/news/b/index.md": page(body),
        "content/news/b/index.fr.md": page('<img src="photo.jpg">\n'),
        "content/news/b/photo.jpg": "jpg",
        "content/news/b/doc.pdf": "pdf",
    }
    expected = [
        ("content/news/b/index.fr.md", 6, 11, MISSING.format("photo.jpg")),
        ("content/news/b/index.md", 6, 57, MISSING.format("gone.jpg")),
        ("content/news/b/index.md", 8, 16, MISSING.format("/images/x.png")),
    ]
    found = run(tmp_path, monkeypatch, capsys, files, config=config)
    assert found == (expected if config == UNSAFE else [])


def test_a_name_in_another_case_is_fixed_to_the_files_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        "![a](Photo.jpg?w=1#top) ![b](/News/Story/photo.JPG) ![c](/Images/Logo.png)\n\n"
        "![d](/images/two.PNG) ![e](../story/PHOTO.jpg)\n"
    )
    files = {
        **SITE,
        "static/images/two.png": "png",
        "static/images/Two.png": "png",
        BUNDLE: page(body),
    }
    found = run(tmp_path, monkeypatch, capsys, files)
    assert [(line, column) for _, line, column, _ in found] == [
        (6, 6),
        (6, 30),
        (6, 58),
        (8, 6),
        (8, 28),
    ]
    args = ["fix", ".", "--select", "LK011", "--no-cache", "--unsafe-fixes"]
    main(args)
    capsys.readouterr()
    assert (tmp_path / BUNDLE).read_text(encoding="utf-8") == page(
        "![a](photo.jpg?w=1#top) ![b](/news/story/photo.jpg) ![c](/images/logo.png)\n\n"
        "![d](/images/two.PNG) ![e](../story/photo.jpg)\n"
    )
    main(["fix", ".", "--select", "LK011", "--no-cache"])  # (safe fixes only: none)
    capsys.readouterr()


def test_fix_keeps_nothing_for_the_case_fix_unless_unsafe_fixes_are_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The case fix is unsafe and known only when the run ends: `fix --diff` keeps each file's
    text for it only with `--unsafe-fixes` (else each file's diff is printed as it is done, and
    memory does not grow with the files)."""
    from newslint.fixer import FileFix

    assert len(run(tmp_path, monkeypatch, capsys, {**SITE, BUNDLE: page("![a](Photo.jpg) t \n")}))
    kept: list[bool] = []
    release = FileFix.release

    def watched(self: FileFix, keep_text: bool = False, keep_digest: bool = False) -> None:
        kept.append(keep_text or keep_digest)
        release(self, keep_text=keep_text, keep_digest=keep_digest)

    monkeypatch.setattr(FileFix, "release", watched)
    main(["fix", ".", "--select", "LK011,BD002", "--no-cache", "--diff"])
    diff = capsys.readouterr().out
    assert "+![a](Photo.jpg) t\n" in diff
    assert kept and not any(kept)
    kept.clear()
    main(["fix", ".", "--select", "LK011,BD002", "--no-cache", "--diff", "--unsafe-fixes"])
    diff = capsys.readouterr().out
    assert "+![a](photo.jpg) t\n" in diff
    assert any(kept)


def test_a_page_at_a_files_url_resolves_in_the_folder_above(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # hugo 0.168 writes `url: /contact.html` to that file (`logo.png` is `/logo.png` from it),
    # `url: /about` to `/about/` (`logo.png` is `/about/logo.png`).
    files = {
        "static/logo.png": "png",
        "content/contact.md": page("![a](logo.png) ![b](gone.png)\n", url="/contact.html"),
        "content/about.md": page("![a](logo.png) ![b](../logo.png)\n", url="/about"),
    }
    assert run(tmp_path, monkeypatch, capsys, files) == [
        ("content/about.md", 7, 6, MISSING.format("logo.png")),
        ("content/contact.md", 7, 21, MISSING.format("gone.png")),
    ]


def test_a_stack_image_the_site_does_not_have(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Stack's `helper/image.html` takes the page's resource (`.Resources.GetMatch`, any case),
    then a file of `assets/` (v3.30 on), else writes `relURL` of the value: from the site's
    root (older versions), or fails the build (v3.30 on)."""
    assert run(tmp_path, monkeypatch, capsys, STACK_IMAGES, config=STACK) == [
        ("content/post/c.md", 4, 8, MISSING.format("img/missing.png")),
        ("content/post/d.md", 5, 10, MISSING.format("/img/p.png")),
        ("content/post/gone/index.md", 4, 8, MISSING.format("gone.jpg")),
    ]


def test_the_field_stack_is_told_to_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = STACK + '[params]\nfeaturedImageField = "Banner"\n'
    files = {
        "themes/hugo-theme-stack/theme.toml": 'name = "Stack"\n',
        "content/post/a.md": page(banner="img/missing.png", image="img/other.png"),
    }
    assert run(tmp_path, monkeypatch, capsys, files, config=config) == [
        ("content/post/a.md", 4, 9, MISSING.format("img/missing.png"))
    ]


def test_a_papermod_cover_the_site_does_not_have(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """PaperMod's `cover.html` takes a resource of the page whose name holds the value
    (`GetMatch "*value*"`), else writes `absURL` of it, as its `templates/opengraph.html` does:
    from the site's root; with `cover.relative`, from the page's URL (left alone)."""
    files = {
        "themes/PaperMod/theme.toml": 'name = "PaperMod"\n',
        "static/images/there.jpg": "jpg",
        "content/post/bundle/index.md": page(cover={"image": "photo", "alt": "A"}),
        "content/post/bundle/my-photo.jpg": "jpg",
        "content/post/a.md": page(cover={"image": "images/there.jpg"}),
        "content/post/b.md": page(cover={"image": "images/gone.jpg", "caption": "C"}),
        "content/post/c.md": page(cover={"image": "gone.jpg", "relative": True}),
        "content/post/d.md": page(cover="images/gone.jpg"),
    }
    config = CONFIG + 'theme = ["PaperMod"]\n'
    assert run(tmp_path, monkeypatch, capsys, files, config=config) == [
        ("content/post/b.md", 5, 10, MISSING.format("images/gone.jpg"))
    ]


def test_an_ananke_featured_image_from_the_site_s_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ananke's `GetFeaturedImage.html` takes the page's resource, else writes the value from
    the site's root (`strings.Trim . "/" | absURL`; before 2.12 as written, from the page's URL
    when it does not start with `/`: such a value is left alone)."""
    files = {
        "themes/ananke/theme.toml": 'name = "Ananke"\n',
        "static/images/there.jpg": "jpg",
        "content/post/a.md": page(featured_image="/images/there.jpg"),
        "content/post/b.md": page(featured_image="/images/gone.jpg"),
        "content/post/c.md": page(featured_image="images/gone.jpg"),
    }
    config = CONFIG + 'theme = "ananke"\n'
    assert run(tmp_path, monkeypatch, capsys, files, config=config) == [
        ("content/post/b.md", 4, 17, MISSING.format("/images/gone.jpg"))
    ]


@pytest.mark.parametrize("drawn", [True, False])
def test_images_hugo_s_own_templates_write(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    drawn: bool,
) -> None:
    """hugo 0.168's `opengraph.html`, `twitter_cards.html` and `schema.html` take each of
    `images` as the page's resource (any case), then a file of `assets/`, else write `absURL`
    of it from the site's root (checked with the binary). Not where no template draws them,
    nor Blowfish's `featureimage` (fetched with `resources.GetRemote`)."""
    files = {
        "static/img/y.png": "png",
        "assets/a/z.png": "png",
        "content/news/story/index.md": page(
            images=["Photo.JPG", "/img/y.png", "a/z.png", "img/gone.png"]
        ),
        "content/news/story/photo.jpg": "jpg",
        "content/news/plain.md": page(images=["news/story/photo.jpg", "/img/x.png"]),
        "content/news/blow.md": page(featureimage="/img/x.png"),
    }
    if drawn:
        files["layouts/_default/baseof.html"] = '<head>{{ partial "opengraph.html" . }}</head>'
    assert run(tmp_path, monkeypatch, capsys, files, config=CONFIG) == (
        [
            ("content/news/plain.md", 6, 5, MISSING.format("/img/x.png")),
            ("content/news/story/index.md", 8, 5, MISSING.format("img/gone.png")),
        ]
        if drawn
        else []
    )
