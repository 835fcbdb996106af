from __future__ import annotations

import pytest

from newslint.rules.widget_value import WidgetValue
from newslint.site import Site
from newslint.testing import Case, Raw, assert_case, fm

CUSTOM = Site(theme="mainroad", widgets=("custom", "recent"), widgets_from_theme=True)

CASES = [
    Case("known", fm(widgets=["search", "recent", "taglist", "ddg-search"])),
    Case("empty-list", fm(widgets=[])),
    Case(
        "misspelt",
        fm(widgets=["recnet", "taglist"]),
        errors=[("unknown", 3, 5)],
        unsafe_fixed=fm(widgets=["recent", "taglist"]),
    ),
    Case(
        "wrong-case",
        fm(widgets=["Search"]),
        errors=[("case", 3, 5)],
        fixed=fm(widgets=["search"]),
    ),
    Case("unknown-without-a-guess", fm(widgets=["weather"]), errors=[("unknown", 3, 5)]),
    Case(
        "guess-already-listed-no-fix",
        fm(widgets=["recent", "recnet"]),
        errors=[("unknown", 4, 5)],
    ),
    Case(
        "empty-item-dropped",
        fm(widgets=["recent", "", "taglist"], toc=True),
        errors=[("empty", 4, 5)],
        fixed=fm(widgets=["recent", "taglist"], toc=True),
    ),
    Case(
        "duplicate-dropped",
        fm(widgets=["recent", "taglist", "recent"]),
        errors=[("duplicate", 5, 5)],
        fixed=fm(widgets=["recent", "taglist"]),
    ),
    Case(
        "only-empty-items-remove-the-key",
        fm(title="Budget", widgets=["", ""]),
        errors=[("empty", 4, 5), ("empty", 5, 5)],
        fixed=fm(title="Budget"),
    ),
    Case(
        "flow-list",
        fm(widgets=Raw('["recent", "recent", ""]')),
        errors=[("duplicate", 2, 21), ("empty", 2, 31)],
        fixed=fm(widgets=Raw('["recent"]')),
    ),
    Case("site-widgets-from-the-theme-on-disk", fm(widgets=["custom", "recent"]), site=CUSTOM),
    Case(
        "not-in-the-site-widgets", fm(widgets=["search"]), site=CUSTOM, errors=[("unknown", 3, 5)]
    ),
    Case("not-a-list-is-field-type", fm(widgets="weather")),
    Case("mainroad-preset-off", fm(widgets=["weather"]), config={"presets": ["hugo", "news"]}),
    Case(
        "toml",
        '+++\nwidgets = ["recnet", ""]\n+++\n',
        errors=[("unknown", 2, 12), ("empty", 2, 22)],
        fixed='+++\nwidgets = ["recnet"]\n+++\n',
        unsafe_fixed='+++\nwidgets = ["recent"]\n+++\n',
    ),
    Case(
        "json",
        '{"widgets": ["taglist", "taglist"]}\n',
        errors=[("duplicate", 1, 25)],
        fixed='{"widgets": ["taglist"]}\n',
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_widget_value(case: Case) -> None:
    assert_case(WidgetValue, case)
