from __future__ import annotations

from pathlib import Path

import pytest

from newslint.engine import check_text
from newslint.rules.widget_value import WidgetValue
from newslint.site import Site
from newslint.testing import Case, Raw, assert_case, fm

CUSTOM = Site(theme="mainroad", widgets=("custom", "recent"), widgets_from_theme=True)
UNSEEN = Site(theme="extras", themes=("extras", "mainroad"), widgets_unseen=True)

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
    # A theme component other than Mainroad is not on disk: a name not in the list may be its
    # widget, not judged; empty, repeated and miscased items still are.
    Case(
        "unknown-name-not-judged-with-a-component-unseen",
        fm(widgets=["weather", "", "recent", "recent", "Search"]),
        site=UNSEEN,
        errors=[("empty", 4, 5), ("duplicate", 6, 5), ("case", 7, 5)],
        fixed=fm(widgets=["weather", "recent", "search"]),
    ),
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
    # A page's `params.widgets` is its `.Params.widgets` (hugo 0.168), checked where it is written.
    Case(
        "params-yaml",
        '---\nparams:\n  widgets:\n    - "recnet"\n    - "Search"\n---\n',
        errors=[("unknown", 4, 7), ("case", 5, 7)],
        fixed='---\nparams:\n  widgets:\n    - "recnet"\n    - "search"\n---\n',
        unsafe_fixed='---\nparams:\n  widgets:\n    - "recent"\n    - "search"\n---\n',
    ),
    Case(
        "params-toml-table",
        '+++\n[params]\nwidgets = ["recnet", ""]\n+++\n',
        errors=[("unknown", 3, 12), ("empty", 3, 22)],
        fixed='+++\n[params]\nwidgets = ["recnet"]\n+++\n',
        unsafe_fixed='+++\n[params]\nwidgets = ["recent"]\n+++\n',
    ),
    Case(
        "params-toml-inline-table",
        '+++\nparams = {widgets = ["recnet"]}\n+++\n',
        errors=[("unknown", 2, 22)],
        unsafe_fixed='+++\nparams = {widgets = ["recent"]}\n+++\n',
    ),
    Case(
        "params-json",
        '{"params": {"widgets": ["taglist", "taglist"]}}\n',
        errors=[("duplicate", 1, 36)],
        fixed='{"params": {"widgets": ["taglist"]}}\n',
    ),
    # The overridden top-level list is read by nothing: not reported.
    Case(
        "params-overrides-the-top-level",
        '---\nwidgets: ["weather"]\nparams:\n  widgets: ["recent"]\n---\n',
    ),
    # Removed, the empty `params.widgets` would hand the page its top-level list: no fix.
    Case(
        "params-all-empty-not-removed",
        '---\nwidgets: ["recent"]\nparams:\n  widgets: [""]\n---\n',
        errors=[("empty", 4, 13)],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_widget_value(case: Case) -> None:
    assert_case(WidgetValue, case)


def _site(**sidebar: object) -> Site:
    """A Mainroad site whose `[params.sidebar]` is `sidebar` (not on disk: the built-in widgets)."""
    raw = {"params": {"sidebar": sidebar}}
    return Site(root=Path("/nonexistent/site"), theme="mainroad", themes=("mainroad",), raw=raw)


DRAWN = "unknown widget 'weather': the build fails"
NOT_DRAWN = (
    "unknown widget 'weather': the sidebar is off on this page, the build fails once it is drawn"
)


@pytest.mark.parametrize(
    ("front", "path", "site", "expected"),
    [
        ("", "content/post/a.md", _site(single="right"), ("error", DRAWN)),
        ("", "content/post/a.md", _site(single=False), ("warning", NOT_DRAWN)),
        ("", "content/post/a.md", _site(), ("warning", NOT_DRAWN)),
        ("sidebar: false\n", "content/post/a.md", _site(single="left"), ("warning", NOT_DRAWN)),
        ('sidebar: ""\n', "content/post/a.md", _site(single=False), ("warning", NOT_DRAWN)),
        ('sidebar: "none"\n', "content/post/a.md", _site(single=False), ("error", DRAWN)),
        ("sidebar: no\n", "content/post/a.md", _site(), ("error", DRAWN)),
        ("", "content/_index.md", _site(single="right", home=False), ("warning", NOT_DRAWN)),
        ("", "content/post/_index.md", _site(home=False, list="left"), ("error", DRAWN)),
        ("", "content/post/a.md", Site(theme="mainroad"), ("error", DRAWN)),
        # `params.sidebar` wins over a top-level sidebar (hugo 0.168).
        (
            "sidebar: right\nparams: {sidebar: false}\n",
            "content/post/a.md",
            _site(single="right"),
            ("warning", NOT_DRAWN),
        ),
        (
            "sidebar: false\nparams: {sidebar: left}\n",
            "content/post/a.md",
            _site(single=False),
            ("error", DRAWN),
        ),
    ],
)
def test_unknown_widget_fails_only_where_the_sidebar_is_drawn(
    front: str, path: str, site: Site, expected: tuple[str, str]
) -> None:
    """Mainroad ranges over `widgets` only inside the drawn sidebar (`default
    .Site.Params.sidebar.<home|single|list> .Params.sidebar`): with the sidebar off an unknown
    widget builds (checked with hugo 0.168); without the site's configuration it is assumed on."""
    text = f"---\n{front}widgets: [weather]\n---\n"
    found = [
        (d.severity.name.lower(), d.message)
        for d in check_text(text, path=path, select=["TH002"], site=site)
    ]
    assert found == [expected]
