from __future__ import annotations

import pytest

from newslint.rules.thumbnail_value import ThumbnailValue
from newslint.testing import Case, Raw, assert_case, fm

CASES = [
    Case("path", fm(thumbnail="img/budget.jpg")),
    Case("empty-means-none", fm(thumbnail="")),
    Case("map-with-src", fm(thumbnail={"src": "img/budget.jpg", "visibility": ["list", "post"]})),
    Case("visibility-one-word", fm(thumbnail={"src": "img/budget.jpg", "visibility": "post"})),
    Case("number", fm(thumbnail=Raw("3")), errors=[("type", 2, 12)]),
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
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_thumbnail_value(case: Case) -> None:
    assert_case(ThumbnailValue, case)
