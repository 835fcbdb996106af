from __future__ import annotations

from pathlib import Path

import pytest

from newslint.rules.raw_html import RawHtml
from newslint.site import Site
from newslint.testing import Case, assert_case, fm

FENCE = "```"
BODY = (
    "The results:<br>\n<table><tr><td>Yes</td></tr></table>\n\n"
    "<!-- newslint-disable blank-lines -->\n\n"
    'Text <span class="x">a</span> and </b> and <!-- c --> 北京<b>东京</b>.\n\n'
    "<https://example.com>\n"
)

CASES = [
    Case(
        # A CR LF file: the block's lines arrive without their CR, and are still one block.
        "a-crlf-block-is-reported-once",
        fm(body="<ul>\n  <li>a</li>\n</ul>\n", title="T").replace("\n", "\r\n"),
        errors=[("block", 5, 1)],
    ),
    Case("markdown-only", fm(body="Text with [a link](https://x.org) and `<b>`.\n", title="T")),
    Case(
        "inline-and-block",
        fm(body=BODY, title="T"),
        errors=[("inline", 5, 13), ("block", 6, 1), ("inline", 10, 6), ("inline", 10, 57)],
    ),
    Case(
        "a-block-is-reported-once-comments-and-closing-tags-never",
        fm(
            body="<div>\n<p>x</p>\n</div>\n\n<!--\n<div>hidden</div>\n-->\n\n</div>\n\n"
            f"{FENCE}\n<div>\n{FENCE}\n",
            title="T",
        ),
        errors=[("block", 5, 1)],
    ),
    Case(
        "declarations",
        fm(body="<!DOCTYPE html>\n\n<?php echo 1; ?>\n", title="T"),
        errors=[("block", 5, 1), ("block", 7, 1)],
    ),
    Case(
        "inside-a-shortcode-call",
        fm(body="{{< highlight html >}}\n<div>x</div>\n{{< /highlight >}}\n", title="T"),
    ),
    Case(
        # Hugo replaces a shortcode call before Goldmark sees the Markdown, so the tag-like
        # `<figure src=...>` of a call written without spaces is no raw HTML; a tag after the
        # call is, and so is one in `figure`'s caption, which the shortcode renders as Markdown.
        "shortcode-calls-without-spaces",
        fm(
            body='Text {{<figure src="a.png">}} and {{< figure caption="<b>x</b>" >}}.\n\n'
            '{{<y>}} <i>z</i>\n\n{{%figure src="b.png"%}}\n',
            title="T",
        ),
        errors=[("inline", 5, 55), ("inline", 7, 9)],
    ),
    Case(
        "site-allows-raw-html",
        fm(body="<div>x</div>\n\nA <b>b</b>\n", title="T"),
        site=Site(unsafe_html=True),
    ),
    Case(
        "irc-nick-read-as-a-tag",
        '---\r\ntitle: "T"\r\n---\r\n\r\n<tacotime> change the emission\r\n',
        errors=[("inline", 5, 1)],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_raw_html(case: Case) -> None:
    assert_case(RawHtml, case)


def test_message() -> None:
    import newslint

    found = newslint.check_text(fm(body="A<br>b\n", title="T"), select=["BD004"], site=Site())
    assert [d.message for d in found] == [
        "raw HTML <br> is left out by Hugo (markup.goldmark.renderer.unsafe is off)"
    ]


JEKYLL_EMBED = '<iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>\n'


def test_a_jekyll_sites_page_passes_raw_html_through(tmp_path: Path) -> None:
    """Jekyll's Markdown (kramdown) passes raw HTML through: a post of a site with a `_config.yml`
    and no Hugo configuration has its embed shown, while the same file in a Hugo site loses it."""
    from newslint.engine import check_text
    from newslint.site import clear_site_cache

    text = fm(body=JEKYLL_EMBED, title="T")
    posts = tmp_path / "jekyll" / "_posts"
    posts.mkdir(parents=True)
    (tmp_path / "jekyll" / "_config.yml").write_text("title: Blog\n", encoding="utf-8")
    hugo_posts = tmp_path / "hugo" / "content" / "_posts"
    hugo_posts.mkdir(parents=True)
    (tmp_path / "hugo" / "hugo.toml").write_text('title = "Blog"\n', encoding="utf-8")
    clear_site_cache()
    try:
        jekyll = check_text(text, path=str(posts / "2014-12-12-video.md"), select=["BD004"])
        about = check_text(text, path=str(tmp_path / "jekyll" / "about.md"), select=["BD004"])
        hugo = check_text(text, path=str(hugo_posts / "2014-12-12-video.md"), select=["BD004"])
    finally:
        clear_site_cache()
    assert (jekyll, about) == ([], [])
    assert [(d.code, d.line, d.column) for d in hugo] == [("BD004", 5, 1)]


JEKYLL_CASES = [
    # A Jekyll post with no `_config.yml` above it: Jekyll's defaults, raw HTML shown.
    Case(
        "jekyll-post-without-a-config",
        fm(body=JEKYLL_EMBED, title="T"),
        path="_posts/2014-12-12-video.md",
    ),
    Case(
        "a-dated-name-outside-posts-is-no-jekyll-post",
        fm(body=JEKYLL_EMBED, title="T"),
        path="notes/2014-12-12-video.md",
        errors=[("block", 5, 1)],
    ),
]


@pytest.mark.parametrize("case", JEKYLL_CASES, ids=lambda c: c.name)
def test_raw_html_jekyll(case: Case) -> None:
    assert_case(RawHtml, case)
