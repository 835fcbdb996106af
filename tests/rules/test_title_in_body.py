from __future__ import annotations

import pytest

from newslint.rules.title_in_body import TitleInBody, comparable
from newslint.testing import Case, assert_case

LINK = "[Reuters](https://www.reuters.com/world/budget-passes)\n"
TOP = '---\ntitle: "Budget passes after a week of talks"\n---\n\n'


def article(body: str, top: str = TOP) -> str:
    return top + body + "\n" + LINK


CASES = [
    Case("no-heading", article("The budget passed on Tuesday.\n")),
    Case(
        "atx-heading-repeats-the-title",
        article("# Budget passes after a week of talks\n\nThe budget passed on Tuesday.\n"),
        errors=[("heading", 5, 1)],
        unsafe_fixed=article("The budget passed on Tuesday.\n"),
    ),
    Case(
        "level-two-heading-with-other-case-and-a-full-stop",
        article("## Budget Passes After a Week of Talks.\n\nThe budget passed on Tuesday.\n"),
        errors=[("heading", 5, 1)],
        unsafe_fixed=article("The budget passed on Tuesday.\n"),
    ),
    Case(
        "underlined-heading",
        article("Budget passes after a week of talks\n===\n\nThe budget passed.\n"),
        errors=[("heading", 5, 1)],
        unsafe_fixed=article("The budget passed.\n"),
    ),
    Case(
        "bold-paragraph",
        article("**Budget passes after a week of talks**\n\nThe budget passed.\n"),
        errors=[("paragraph", 5, 1)],
        unsafe_fixed=article("The budget passed.\n"),
    ),
    Case(
        "plain-paragraph-after-blank-lines-with-crlf",
        (TOP + "\nBudget passes after a week of talks\n\n\nThe budget passed.\n\n" + LINK).replace(
            "\n", "\r\n"
        ),
        errors=[("paragraph", 6, 1)],
        unsafe_fixed=(TOP + "\nThe budget passed.\n\n" + LINK).replace("\n", "\r\n"),
    ),
    Case(
        "curly-quotes-and-an-entity-in-the-title",
        article(
            "# “Budget” passes & talks end\n\nThe budget passed.\n",
            top='---\ntitle: "&quot;Budget&quot; passes &amp; talks end"\n---\n\n',
        ),
        errors=[("heading", 5, 1)],
        unsafe_fixed=article(
            "The budget passed.\n",
            top='---\ntitle: "&quot;Budget&quot; passes &amp; talks end"\n---\n\n',
        ),
    ),
    Case(
        "toml-front-matter",
        '+++\ntitle = "北京下雪"\n+++\n\n# 北京下雪\n\n今天北京下雪了。\n',
        errors=[("heading", 5, 1)],
        unsafe_fixed='+++\ntitle = "北京下雪"\n+++\n\n今天北京下雪了。\n',
    ),
    Case("a-different-first-heading", article("# What happened\n\nThe budget passed.\n")),
    Case(
        "the-title-as-the-second-block",
        article("The budget passed.\n\n# Budget passes after a week of talks\n"),
    ),
    Case(
        "inside-a-quote",
        article("> # Budget passes after a week of talks\n\nThe budget passed.\n"),
    ),
    Case(
        "inside-a-list",
        article("- Budget passes after a week of talks\n\nThe budget passed.\n"),
    ),
    Case(
        "after-an-html-block",
        article('<div class="x">\n</div>\n\n# Budget passes after a week of talks\n'),
    ),
    Case(
        "a-source-link-named-after-the-title-is-no-repeat",
        '---\ntitle: "Budget passes"\n---\n\n[Budget passes](https://www.reuters.com/x)\n',
    ),
    Case(
        "a-paragraph-that-starts-with-the-title",
        article("Budget passes after a week of talks, said the minister.\n"),
    ),
    Case("no-title", "---\ndate: 2025-02-08\n---\n\n# Budget\n\nText.\n"),
    Case("empty-title", '---\ntitle: ""\n---\n\n# Budget\n\nText.\n'),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_title_in_body(case: Case) -> None:
    assert_case(TitleInBody, case)


@pytest.mark.parametrize(
    ("written", "compared"),
    [
        ("  Budget   passes. ", "budget passes"),
        ("‘Budget’ – passes!", "'budget' – passes"),
        ("Budget&nbsp;passes", "budget passes"),
        ("Bud\u00adget passes", "budget passes"),
        ("ＢＵＤＧＥＴ", "budget"),
        # Every white space `\s` matches is one space (a form feed, a line separator, U+3000).
        ("\x0cBudget\u2028\x1f passes\u3000now.\u00a0", "budget passes now"),
        ("Budget \u200b passes", "budget passes"),
    ],
)
def test_comparable(written: str, compared: str) -> None:
    assert comparable(written) == compared
