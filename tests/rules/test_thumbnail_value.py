from __future__ import annotations

import pytest

from newslint.engine import check_text
from newslint.rules.thumbnail_value import ThumbnailValue
from newslint.site import Site
from newslint.testing import Case, Raw, assert_case, fm

CASES = [
    Case("path", fm(thumbnail="img/budget.jpg")),
    Case("empty-means-none", fm(thumbnail="")),
    Case("map-with-src", fm(thumbnail={"src": "img/budget.jpg", "visibility": ["list", "post"]})),
    Case("visibility-one-word", fm(thumbnail={"src": "img/budget.jpg", "visibility": "post"})),
    Case("number", fm(thumbnail=Raw("3")), errors=[("type", 2, 12)]),
    # Values a Go template reads as false draw no thumbnail, as an absent one.
    Case("false-means-none", fm(thumbnail=False)),
    Case("zero-means-none", fm(thumbnail=Raw("0"))),
    Case("empty-list-means-none", fm(thumbnail=Raw("[]"))),
    Case("empty-map-means-none", fm(thumbnail=Raw("{}"))),
    Case("true-is-a-broken-path", fm(thumbnail=True), errors=[("type", 2, 12)]),
    # An empty visibility falls back to the site's, then to both places.
    Case("visibility-empty-string", fm(thumbnail={"src": "a.jpg", "visibility": ""})),
    Case("visibility-empty-list", fm(thumbnail={"src": "a.jpg", "visibility": Raw("[]")})),
    Case("visibility-null", fm(thumbnail={"src": "a.jpg", "visibility": None})),
    Case("list", fm(thumbnail=["a.jpg"]), errors=[("type", 3, 3)]),
    Case(
        "image-instead-of-src",
        fm(thumbnail={"image": "img/budget.jpg", "visibility": ["list"]}),
        errors=[("no-src", 3, 3)],
        fixed=fm(thumbnail={"src": "img/budget.jpg", "visibility": ["list"]}),
    ),
    Case(
        "no-src", fm(title="Budget", thumbnail={"visibility": ["list"]}), errors=[("no-src", 3, 1)]
    ),
    Case("empty-src", fm(thumbnail={"src": ""}), errors=[("no-src", 2, 1)]),
    Case("src-not-a-path", fm(thumbnail={"src": Raw("[a.jpg]")}), errors=[("src-type", 3, 8)]),
    Case(
        "visibility-outside-list-and-post",
        fm(thumbnail={"src": "a.jpg", "visibility": ["list", "single"]}),
        errors=[("visibility", 6, 7)],
    ),
    Case(
        "visibility-word",
        fm(thumbnail={"src": "a.jpg", "visibility": "all"}),
        errors=[("visibility", 4, 15)],
    ),
    Case("mainroad-preset-off", fm(thumbnail=Raw("3")), config={"presets": ["hugo", "news"]}),
    Case(
        "toml-inline-table",
        '+++\nthumbnail = {image = "a.jpg"}\n+++\n',
        errors=[("no-src", 2, 14)],
        fixed='+++\nthumbnail = {src = "a.jpg"}\n+++\n',
    ),
    Case("toml-table", '+++\n[thumbnail]\nsrc = "a.jpg"\nvisibility = ["post"]\n+++\n'),
    Case(
        "toml-table-with-image-and-a-bad-visibility",
        '+++\ntitle = "x"\n[thumbnail]\n  image = "a.jpg"\n  visibility = ["list", "single"]\n'
        "[params]\n  x = 1\n+++\n",
        errors=[("no-src", 4, 3), ("visibility", 5, 25)],
        fixed='+++\ntitle = "x"\n[thumbnail]\n  src = "a.jpg"\n  visibility = ["list", "single"]\n'
        "[params]\n  x = 1\n+++\n",
    ),
    Case(
        "json",
        '{"thumbnail": {"image": "a.jpg"}}\n',
        errors=[("no-src", 1, 16)],
        fixed='{"thumbnail": {"src": "a.jpg"}}\n',
    ),
    # A page's `params.thumbnail` is its `.Params.thumbnail` (hugo 0.168), checked where it is.
    Case("params-yaml-number", "---\nparams:\n  thumbnail: 3\n---\n", errors=[("type", 3, 14)]),
    Case(
        "params-yaml-image",
        '---\nparams:\n  thumbnail:\n    image: "a.jpg"\n    visibility: [single]\n---\n',
        errors=[("no-src", 4, 5), ("visibility", 5, 18)],
        fixed='---\nparams:\n  thumbnail:\n    src: "a.jpg"\n    visibility: [single]\n---\n',
    ),
    Case(
        "params-toml-table",
        '+++\n[params.thumbnail]\nimage = "a.jpg"\n+++\n',
        errors=[("no-src", 3, 1)],
        fixed='+++\n[params.thumbnail]\nsrc = "a.jpg"\n+++\n',
    ),
    Case(
        "params-toml-inline-table",
        '+++\nparams = {thumbnail = {image = "a.jpg"}}\n+++\n',
        errors=[("no-src", 2, 24)],
        fixed='+++\nparams = {thumbnail = {src = "a.jpg"}}\n+++\n',
    ),
    Case(
        "params-json",
        '{"params": {"thumbnail": {"image": "a.jpg"}}}\n',
        errors=[("no-src", 1, 27)],
        fixed='{"params": {"thumbnail": {"src": "a.jpg"}}}\n',
    ),
    # The overridden top-level thumbnail is read by nothing: not reported.
    Case(
        "params-overrides-the-top-level", '---\nthumbnail: 3\nparams:\n  thumbnail: "a.jpg"\n---\n'
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_thumbnail_value(case: Case) -> None:
    assert_case(ThumbnailValue, case)


def test_a_params_thumbnail_is_named_so_in_the_message() -> None:
    site = Site(theme="mainroad", themes=("mainroad",))
    text = "---\nparams:\n  thumbnail: 3\n---\n"
    found = [d.message for d in check_text(text, select=["TH003"], site=site)]
    assert found == ["params.thumbnail should be an image path or a map with src, not the number 3"]
    text = '---\nthumbnail: {image: "a.jpg"}\nparams:\n  thumbnail: {image: "a.jpg"}\n---\n'
    found = [d.message for d in check_text(text, select=["TH003"], site=site)]
    assert found == ['params.thumbnail map has no src (it has "image")']


MAINROAD = Site(theme="mainroad", themes=("mainroad",))


@pytest.mark.parametrize(
    ("visibility", "message"),
    [
        (
            "[list, single]",
            "thumbnail visibility 'single' is not list or post: it shows on lists only",
        ),
        ("[List]", "thumbnail visibility 'List' is not list or post: it shows nowhere"),
        ("[post, 3]", "thumbnail visibility 3 is not list or post: it shows on the post only"),
        ('"all"', "thumbnail visibility 'all' is not list or post: it shows nowhere"),
        (
            '"list, post"',
            "thumbnail visibility 'list, post' is not list or post: it shows on lists and the post",
        ),
        ("false", "thumbnail visibility false is not list or post: it shows nowhere"),
        ("{a: list}", "thumbnail visibility a map is not list or post: it shows nowhere"),
    ],
)
def test_visibility_hides_but_never_fails_the_build(visibility: str, message: str) -> None:
    """Mainroad's post_thumbnail.html draws the thumbnail where `in $visibility $class` holds: an
    item of a list equal to "list" or "post", or, in a string, "list" or "post" as a part; any
    other value hides it. Nothing here fails hugo 0.168: a warning, never an error."""
    text = f"---\nthumbnail:\n  src: a.jpg\n  visibility: {visibility}\n---\n"
    found = [
        (d.severity.name.lower(), d.message)
        for d in check_text(text, select=["TH003"], site=MAINROAD)
    ]
    assert found == [("warning", message)]
