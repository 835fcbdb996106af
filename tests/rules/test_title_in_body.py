from __future__ import annotations

from pathlib import Path

import pytest

from newslint import check_text
from newslint.rules.title_in_body import TitleInBody, comparable
from newslint.site import Site
from newslint.testing import Case, assert_case

LINK = "[Reuters](https://www.reuters.com/world/budget-passes)\n"
TOP = '---\ntitle: "Budget passes after a week of talks"\n---\n\n'


def article(body: str, top: str = TOP) -> str:
    return top + body + "\n" + LINK


JA_TOP = '---\ntitle: "Kubernetes v1.33: HPAの設定"\n---\n\n'

CASES = [
    Case("no-heading", article("The budget passed on Tuesday.\n")),
    # Full-width punctuation carries its own spacing: `：` is the title's `: `
    Case(
        "japanese-heading-with-a-full-width-colon",
        article("# Kubernetes v1.33：HPAの設定\n\n本文です。\n", JA_TOP),
        errors=[("heading", 5, 1)],
        unsafe_fixed=article("本文です。\n", JA_TOP),
    ),
    Case(
        "japanese-heading-that-differs",
        article("# Kubernetes v1.33：VPAの設定\n\n本文です。\n", JA_TOP),
    ),
    # The repeat is all the body says (a library's one-line news item): reported, but deleting
    # it would leave the article empty.
    Case(
        "a-repeat-that-is-the-only-text-has-no-fix",
        article("Budget passes after a week of talks!\n"),
        errors=[("paragraph", 5, 1)],
    ),
    Case(
        "a-heading-that-is-the-only-text-has-no-fix",
        TOP + "# Budget passes after a week of talks\n",
        errors=[("heading", 5, 1)],
    ),
    Case(
        # An announcement's emoji before the heading (icaps25.github.io, realsites48): the page
        # shows the title, then the same words after a 📢.
        "heading-with-an-emoji-before-it",
        article("## 📢 Budget passes after a week of talks  \n\nThe budget passed on Tuesday.\n"),
        errors=[("heading", 5, 1)],
        unsafe_fixed=article("The budget passed on Tuesday.\n"),
    ),
    Case(
        "heading-with-emoji-around-it",
        article("# 🎉 Budget passes after a week of talks! 🎉\n\nThe budget passed on Tuesday.\n"),
        errors=[("heading", 5, 1)],
        unsafe_fixed=article("The budget passed on Tuesday.\n"),
    ),
    Case(
        # A pictograph inside the words is part of them: no repeat.
        "heading-with-an-emoji-inside",
        article("# Budget passes ✅ after a week of talks\n\nThe budget passed on Tuesday.\n"),
    ),
    Case(
        "atx-heading-repeats-the-title",
        article("# Budget passes after a week of talks\n\nThe budget passed on Tuesday.\n"),
        errors=[("heading", 5, 1)],
        unsafe_fixed=article("The budget passed on Tuesday.\n"),
    ),
    Case(
        # the indentation goes with the heading: left behind, it would indent the next line
        "indented-heading",
        article("   # Budget passes after a week of talks\n\nThe budget passed on Tuesday.\n"),
        errors=[("heading", 5, 4)],
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
        "bold-and-italic-paragraph",
        article("**_Budget passes after a week of talks_**\n\nThe budget passed.\n"),
        errors=[("paragraph", 5, 1)],
        unsafe_fixed=article("The budget passed.\n"),
    ),
    Case(
        "unpaired-markers-show-a-star",
        article("*Budget passes after a week of talks**\n\nThe budget passed.\n"),
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
    Case(
        "heading-with-an-id-attribute-an-escape-and-a-code-span",
        '---\ntitle: "Use `git rebase` in C# projects"\n---\n\n'
        "## Use `git rebase` in C\\# projects {#rebase}\n\nText.\n",
        errors=[("heading", 5, 1)],
        unsafe_fixed='---\ntitle: "Use `git rebase` in C# projects"\n---\n\nText.\n',
    ),
    Case(
        "numeric-title",
        "+++\ntitle = 1984\n+++\n\n# 1984\n\nText.\n",
        errors=[("heading", 5, 1)],
        unsafe_fixed="+++\ntitle = 1984\n+++\n\nText.\n",
    ),
    Case(
        # PyYAML reads `1:30` as 90 and `yes` as true; Hugo's YAML reads both as the text
        "yaml-1-1-words-are-the-title-hugo-shows",
        "---\ntitle: 1:30\n---\n\n# 1:30\n\nText.\n",
        errors=[("heading", 5, 1)],
        unsafe_fixed="---\ntitle: 1:30\n---\n\nText.\n",
    ),
    Case("a-sexagesimal-title-is-not-its-number", "---\ntitle: 1:30\n---\n\n# 90\n\nText.\n"),
    Case(
        "a-yes-title",
        "---\ntitle: yes\n---\n\n# Yes\n\nText.\n",
        errors=[("heading", 5, 1)],
        unsafe_fixed="---\ntitle: yes\n---\n\nText.\n",
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
        "after-an-html-comment-which-shows-nothing",
        article("<!-- an editor's\nnote -->\n\n# Budget passes after a week of talks\n\nText.\n"),
        errors=[("heading", 8, 1)],
        unsafe_fixed=article("<!-- an editor's\nnote -->\n\nText.\n"),
    ),
    Case(
        # the fix would break the link: LK008 then reported `#budget-passes-after-a-week-of-talks`
        "a-heading-the-article-links-to-has-no-fix",
        article(
            "# Budget passes after a week of talks\n\n"
            "Back to [the top](#budget-passes-after-a-week-of-talks).\n"
        ),
        errors=[("heading", 5, 1)],
    ),
    Case(
        "a-heading-whose-written-id-the-article-links-to-has-no-fix",
        article(
            "## Budget passes after a week of talks {#top}\n\n"
            '<a href="#top">Top</a> and the text.\n'
        ),
        errors=[("heading", 5, 1)],
    ),
    Case(
        "a-link-to-a-longer-anchor-is-no-link-to-the-heading",
        article(
            "# Budget passes after a week of talks\n\n"
            "See [more](#budget-passes-after-a-week-of-talks-1).\n"
        ),
        errors=[("heading", 5, 1)],
        unsafe_fixed=article("See [more](#budget-passes-after-a-week-of-talks-1).\n"),
    ),
    Case(
        "after-an-unclosed-html-comment",
        article("<!-- note\n\n# Budget passes after a week of talks\n"),
    ),
    Case(
        "a-source-link-named-after-the-title-is-no-repeat",
        '---\ntitle: "Budget passes"\n---\n\n[Budget passes](https://www.reuters.com/x)\n',
    ),
    Case(
        "a-paragraph-that-starts-with-the-title",
        article("Budget passes after a week of talks, said the minister.\n"),
    ),
    Case(
        "a-learn-theme-chapter-page-prints-no-title-of-its-own",
        '---\ntitle: "API Reference"\nchapter: true\n---\n\n# API Reference\n\nText.\n',
    ),
    Case(
        # a headless page is no page of its own: a template shows its body, not its title
        "a-headless-page-shows-no-title",
        '---\ntitle: "Contact"\nheadless: true\n---\n\n# Contact\n\nText.\n',
    ),
    Case(
        "a-page-neither-rendered-nor-listed-shows-no-title",
        '---\ntitle: "Contact"\nbuild:\n  render: never\n  list: never\n---\n\n# Contact\n\nText.\n',
    ),
    Case(
        # listed, its automatic summary still opens with the repeat
        "a-page-listed-but-not-rendered",
        '---\ntitle: "Contact"\nbuild:\n  render: never\n---\n\n# Contact\n\nText.\n',
        errors=[("heading", 7, 1)],
        unsafe_fixed='---\ntitle: "Contact"\nbuild:\n  render: never\n---\n\nText.\n',
    ),
    Case(
        "chapter-false-is-an-ordinary-page",
        '---\ntitle: "API Reference"\nchapter: false\n---\n\n# API Reference\n\nText.\n',
        errors=[("heading", 6, 1)],
        unsafe_fixed='---\ntitle: "API Reference"\nchapter: false\n---\n\nText.\n',
    ),
    Case(
        "the-home-page",
        '---\ntitle: "Hugo Relearn Theme"\n---\n\n# Hugo Relearn Theme\n\nText.\n',
        path="content/_index.en.md",
    ),
    Case(
        "a-section-page",
        '---\ntitle: "News"\n---\n\n# News\n\nText.\n',
        path="content/news/_index.md",
        errors=[("heading", 5, 1)],
        unsafe_fixed='---\ntitle: "News"\n---\n\nText.\n',
    ),
    Case("no-title", "---\ndate: 2025-02-08\n---\n\n# Budget\n\nText.\n"),
    Case("empty-title", '---\ntitle: ""\n---\n\n# Budget\n\nText.\n'),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_title_in_body(case: Case) -> None:
    assert_case(TitleInBody, case)


def test_the_home_page_of_a_site(tmp_path: Path) -> None:
    (tmp_path / "hugo.toml").write_text('title = "S"\n[languages.fr]\n[languages.en]\n')
    text = '---\ntitle: "Accueil"\n---\n\n# Accueil\n\nTexte.\n'
    for inside, reported in (("_index.fr.md", False), ("docs/_index.fr.md", True)):
        path = tmp_path / "content" / inside
        found = check_text(text, select=["BD014"], path=str(path))
        assert [(d.code, d.line) for d in found] == ([("BD014", 5)] if reported else [])


def test_heading_attributes_turned_off_are_text() -> None:
    text = '---\ntitle: "Budget passes"\n---\n\n# Budget passes {#budget}\n\nText.\n'
    off = {"markup": {"goldmark": {"parser": {"attribute": {"title": False}}}}}
    assert check_text(text, select=["BD014"], site=Site(raw=off)) == []
    found = check_text(text, select=["BD014"], site=Site())
    assert [(d.code, d.line, d.column) for d in found] == [("BD014", 5, 1)]


@pytest.mark.parametrize(
    ("theme", "reported"),
    [
        ("hugo-book", False),
        ("github.com/alex-shpak/hugo-book", False),
        # A Go module of major version 2 on ends in `/v2`, `/v10`: the name is the segment before.
        ("github.com/alex-shpak/hugo-book/v10", False),
        ("github.com/alex-shpak/hugo-book/v1", True),  # not a major version's suffix
        ("mainroad", True),
    ],
)
def test_a_theme_that_prints_no_title(theme: str, reported: bool) -> None:
    text = '---\ntitle: "Introduction"\n---\n\n# Introduction\n\nText.\n'
    found = check_text(text, select=["BD014"], site=Site(theme=theme, themes=(theme,)))
    assert [(d.code, d.line, d.column) for d in found] == ([("BD014", 5, 1)] if reported else [])


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


def test_a_suppression_comment_above_the_repeat_silences_it() -> None:
    # The comment was taken for the first block: the heading went unreported, the suppression
    # was reported unused, and `fix` removed it, after which the heading was reported.
    text = article(
        "<!-- newslint-disable-next-line title-in-body -->\n"
        "# Budget passes after a week of talks\n\nThe budget passed.\n"
    )
    assert check_text(text, select=["BD014", "NL001"]) == []
