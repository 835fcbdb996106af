from __future__ import annotations

import pytest

from newslint.engine import check_text
from newslint.rules.sidebar_value import SidebarValue
from newslint.site import Site
from newslint.testing import Case, Raw, assert_case, fm

CASES = [
    Case("left", fm(sidebar="left")),
    Case("right", fm(sidebar="right")),
    Case("false", fm(sidebar=False)),
    Case("null-is-unset", fm(sidebar=None)),
    Case("absent", fm(title="Budget")),
    # "Left" draws the sidebar on the right; "left" is what the value already names (catalogue:
    # "safe: case").
    Case("wrong-case-left", fm(sidebar="Left"), errors=[("case", 2, 10)], fixed=fm(sidebar="left")),
    Case("spaces-left", fm(sidebar=" left"), errors=[("case", 2, 10)], fixed=fm(sidebar="left")),
    # Any other word is drawn on the right already: "right" changes nothing on the page.
    Case(
        "wrong-case-right", fm(sidebar="Right"), errors=[("case", 2, 10)], fixed=fm(sidebar="right")
    ),
    Case(
        "spaces-and-case-plain-style-kept",
        "---\nSidebar: RIGHT # per page\n---\n",
        errors=[("case", 2, 10)],
        fixed="---\nSidebar: right # per page\n---\n",
    ),
    Case(
        "empty-string-removed",
        fm(title="Budget", sidebar="", toc=True),
        errors=[("empty", 3, 10)],
        fixed=fm(title="Budget", toc=True),
    ),
    Case(
        # Deleted, the key would let the section's cascaded sidebar apply: an editor decides.
        "empty-string-with-a-cascaded-sidebar-removed-only-unsafely",
        fm(title="Budget", sidebar="", toc=True),
        cascade={"sidebar": "left"},
        errors=[("empty", 3, 10)],
        unsafe_fixed=fm(title="Budget", toc=True),
    ),
    Case("true-is-not-a-position", fm(sidebar=True), errors=[("value", 2, 10)]),
    Case("string-false-is-truthy", fm(sidebar="false"), errors=[("value", 2, 10)]),
    Case("other-word", fm(sidebar="none"), errors=[("value", 2, 10)]),
    Case("yaml-1.1-no-is-a-string-to-hugo", fm(sidebar=Raw("no")), errors=[("value", 2, 10)]),
    Case("capitalised-false-is-false", fm(sidebar=Raw("False"))),
    Case("number", fm(sidebar=Raw("0")), errors=[("value", 2, 10)]),
    Case("empty-list", fm(sidebar=Raw("[]")), errors=[("value", 2, 10)]),
    Case("mainroad-preset-off", fm(sidebar="Left"), config={"presets": ["hugo", "news"]}),
    Case(
        "toml",
        '+++\nsidebar = "Right"\n+++\n',
        errors=[("case", 2, 11)],
        fixed='+++\nsidebar = "right"\n+++\n',
    ),
    Case(
        "json",
        '{"title": "Budget", "sidebar": ""}\n',
        errors=[("empty", 1, 32)],
        fixed='{"title": "Budget"}\n',
    ),
    # A page's `params.sidebar` is its `.Params.sidebar` (hugo 0.168), checked where it is written.
    Case(
        "params-yaml",
        '---\ntitle: "Budget"\nparams:\n  sidebar: "Left"\n---\n',
        errors=[("case", 4, 12)],
        fixed='---\ntitle: "Budget"\nparams:\n  sidebar: "left"\n---\n',
    ),
    Case(
        "params-toml-table",
        '+++\ntitle = "Budget"\n[params]\nSidebar = "Left"\n+++\n',
        errors=[("case", 4, 11)],
        fixed='+++\ntitle = "Budget"\n[params]\nSidebar = "left"\n+++\n',
    ),
    Case(
        "params-toml-inline-table",
        '+++\nparams = {toc = true, sidebar = " right"}\n+++\n',
        errors=[("case", 2, 33)],
        fixed='+++\nparams = {toc = true, sidebar = "right"}\n+++\n',
    ),
    Case(
        "params-toml-dotted-key",
        '+++\nparams.sidebar = "Left"\n+++\n',
        errors=[("case", 2, 18)],
        fixed='+++\nparams.sidebar = "left"\n+++\n',
    ),
    Case(
        "params-json",
        '{\n  "params": {"sidebar": "Left"}\n}\n',
        errors=[("case", 2, 25)],
        fixed='{\n  "params": {"sidebar": "left"}\n}\n',
    ),
    # The top-level value, which `params.sidebar` overrides, is read by nothing: not reported.
    Case(
        "params-overrides-the-top-level",
        '---\nsidebar: "Left"\nparams:\n  sidebar: "none"\n---\n',
        errors=[("value", 4, 12)],
    ),
    Case(
        "params-right-over-a-wrong-top-level",
        '---\nsidebar: "Left"\nparams: {sidebar: right}\n---\n',
    ),
    # Removed, the empty `params.sidebar` would hand the page its top-level sidebar: no fix.
    Case(
        "params-empty-not-removed",
        '---\nsidebar: "right"\nparams:\n  sidebar: ""\n---\n',
        errors=[("empty", 4, 12)],
    ),
    Case("params-not-a-map", '---\nsidebar: "left"\nparams: ""\n---\n'),
    # A section's cascade gives its value to the section and every page below without its own
    # (hugo 0.168): "Left" draws all their sidebars on the right.
    Case(
        "cascaded-wrong-case",
        '---\ntitle: News\ncascade:\n  sidebar: "Left"\n---\n',
        path="content/news/_index.md",
        errors=[("case", 4, 12)],
        fixed='---\ntitle: News\ncascade:\n  sidebar: "left"\n---\n',
    ),
    Case(
        "cascaded-entries-with-targets-each-checked",
        "---\ncascade:\n  - sidebar: none\n    target:\n      path: /news/**\n"
        "  - params:\n      Sidebar: ' right'\n---\n",
        path="content/_index.md",
        errors=[("value", 3, 14), ("case", 7, 16)],
        fixed="---\ncascade:\n  - sidebar: none\n    target:\n      path: /news/**\n"
        "  - params:\n      Sidebar: 'right'\n---\n",
    ),
    # Within one entry the cascade's `params.sidebar` wins (hugo 0.168): the top-level one is
    # read by nothing.
    Case(
        "cascaded-params-over-a-wrong-top-level",
        "---\ncascade:\n  sidebar: Left\n  params:\n    sidebar: right\n---\n",
        path="content/news/_index.md",
    ),
    # Deleted, an empty cascaded value would let a cascade from above apply: no fix.
    Case(
        "cascaded-empty-not-removed",
        '+++\n[cascade]\nsidebar = ""\n+++\n',
        path="content/news/_index.md",
        errors=[("empty", 3, 11)],
    ),
    Case(
        "cascaded-right-and-false",
        "---\ncascade:\n  - sidebar: right\n  - sidebar: false\n  - title: x\n  - 3\n---\n",
        path="content/news/_index.md",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_sidebar_value(case: Case) -> None:
    assert_case(SidebarValue, case)


MAINROAD = Site(theme="mainroad", themes=("mainroad",))


def test_a_params_sidebar_is_named_so_in_the_message() -> None:
    text = '---\nparams:\n  sidebar: "none"\n---\n'
    found = [d.message for d in check_text(text, select=["TH001"], site=MAINROAD)]
    assert found == [
        'params.sidebar \'none\' is not "left", "right" or false: Mainroad draws it on the right'
    ]


def test_a_cascaded_sidebar_is_named_so_in_the_message() -> None:
    text = '---\ncascade:\n  params:\n    sidebar: "none"\n---\n'
    found = [d.message for d in check_text(text, select=["TH001"], site=MAINROAD)]
    assert found == [
        'cascade params.sidebar \'none\' is not "left", "right" or false: '
        "Mainroad draws it on the right"
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("true", 'sidebar true is not "left", "right" or false: Mainroad draws it on the right'),
        (
            '"none"',
            'sidebar \'none\' is not "left", "right" or false: Mainroad draws it on the right',
        ),
        ("no", 'sidebar \'no\' is not "left", "right" or false: Mainroad draws it on the right'),
        ("0", 'sidebar 0 is not "left", "right" or false: Mainroad uses the site\'s default'),
        ("[]", 'sidebar [] is not "left", "right" or false: Mainroad uses the site\'s default'),
        (
            "[left]",
            'sidebar [left] is not "left", "right" or false: Mainroad draws it on the right',
        ),
    ],
)
def test_sidebar_message_says_what_mainroad_draws(value: str, message: str) -> None:
    """Checked with hugo 0.168 and Mainroad's sidebar.html: a value Hugo's `default` counts as
    unset (0, an empty list) gives the site's setting; any other true value the right side."""
    text = f"---\nsidebar: {value}\n---\n"
    found = [
        (d.message, d.line, d.column) for d in check_text(text, select=["TH001"], site=MAINROAD)
    ]
    assert found == [(message, 2, 10)]
