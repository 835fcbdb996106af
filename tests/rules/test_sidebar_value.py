from __future__ import annotations

import pytest

from newslint.rules.sidebar_value import SidebarValue
from newslint.testing import Case, Raw, assert_case, fm

CASES = [
    Case("left", fm(sidebar="left")),
    Case("right", fm(sidebar="right")),
    Case("false", fm(sidebar=False)),
    Case("null-is-unset", fm(sidebar=None)),
    Case("absent", fm(title="Budget")),
    Case("wrong-case", fm(sidebar="Left"), errors=[("case", 2, 10)], fixed=fm(sidebar="left")),
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
    Case("true-is-not-a-position", fm(sidebar=True), errors=[("value", 2, 10)]),
    Case("string-false-is-truthy", fm(sidebar="false"), errors=[("value", 2, 10)]),
    Case("other-word", fm(sidebar="none"), errors=[("value", 2, 10)]),
    Case("yaml-1.1-no-is-a-string-to-hugo", fm(sidebar=Raw("no")), errors=[("value", 2, 10)]),
    Case("capitalised-false-is-false", fm(sidebar=Raw("False"))),
    Case("number", fm(sidebar=Raw("0")), errors=[("value", 2, 10)]),
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
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_sidebar_value(case: Case) -> None:
    assert_case(SidebarValue, case)
