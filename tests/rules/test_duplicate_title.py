from __future__ import annotations

import pytest

from newslint.testing import Case, assert_case, fm, lint_project
from rules.duplicate_title import DuplicateTitle

A = "content/en/news/a.en.md"
B = "content/en/news/b.en.md"
C = "content/en/news/c.en.md"


def article(title: object, date: str = "2025-02-01 10:00:00") -> str:
    return fm(title=title, date=date)


def test_same_title_in_one_language() -> None:
    found = lint_project(
        DuplicateTitle, {A: article("Budget passes"), B: article("Budget passes", "2025-02-02")}
    )
    assert found == [(B, 2, 8, "title 'Budget passes' is also used by " + A)]


def test_entities_spacing_and_case_do_not_matter() -> None:
    found = lint_project(
        DuplicateTitle,
        {A: article("Hesai's lidar"), B: article("HESAI&#39;s  Lidar ", "2025-02-02")},
    )
    assert found == [(B, 2, 8, f"title 'HESAI&#39;s  Lidar ' is also used by {A}")]


def test_other_languages_do_not_clash() -> None:
    files = {A: article("Budget passes"), "content/news/b.zh-CN.md": article("Budget passes")}
    assert lint_project(DuplicateTitle, files) == []


def test_different_titles() -> None:
    files = {A: article("Budget passes"), B: article("Budget fails")}
    assert lint_project(DuplicateTitle, files) == []


def test_empty_and_non_string_titles_are_left_to_other_rules() -> None:
    files = {A: article(""), B: article(""), C: article(2025), "d.en.md": article(2025)}
    assert lint_project(DuplicateTitle, files) == []


def test_the_earliest_is_the_original() -> None:
    found = lint_project(
        DuplicateTitle,
        {
            A: article("Morning briefing", "2025-02-03"),
            B: article("Morning briefing", "2025-02-01"),
            C: article("Morning briefing", "2025-02-02"),
        },
    )
    message = f"title 'Morning briefing' is also used by {B} (and 1 more)"
    assert found == [(A, 2, 8, message), (C, 2, 8, message)]


CASES = [Case("single-file", article("Budget passes"))]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_duplicate_title(case: Case) -> None:
    assert_case(DuplicateTitle, case)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Trump&#39;s new proposal", "Trump’s new proposal"),  # two feeds, two apostrophes
        ("“Big” day", '"Big" day'),
        ("特斯拉：股价上涨！", "特斯拉:股价上涨!"),  # full-width and half-width punctuation
        ("ＡＩ boom", "AI boom"),
        ("特斯拉\u3000股价", "特斯拉 股价"),
        ("Budget\u200bpasses", "Budgetpasses"),  # an invisible character
    ],
)
def test_titles_that_read_the_same(first: str, second: str) -> None:
    found = lint_project(DuplicateTitle, {A: article(first), B: article(second, "2025-02-02")})
    assert found == [(B, 2, 8, f"title {second!r} is also used by {A}")]


def test_punctuation_that_changes_the_title_counts() -> None:
    files = {A: article("Budget passes"), B: article("Budget passes?", "2025-02-02")}
    assert lint_project(DuplicateTitle, files) == []


def test_section_pages_are_not_articles() -> None:
    files = {
        "content/en/news/_index.md": article("News"),
        "content/en/tags/news/_index.en.md": article("News", "2025-02-02"),
        A: article("News", "2025-02-03"),
    }
    assert lint_project(DuplicateTitle, files) == []


def test_a_draft_is_reported_rather_than_the_published_article() -> None:
    draft = fm(title="Budget passes", date="2025-02-01", draft=True)
    files = {A: article("Budget passes", "2025-02-02"), B: draft}
    assert lint_project(DuplicateTitle, files) == [
        (B, 2, 8, f"title 'Budget passes' is also used by {A}")
    ]


def test_no_ascii_character_is_a_format_character() -> None:
    # `normalise_title` skips its Cf filter for ASCII titles: exact only while this holds.
    import unicodedata

    assert [c for c in range(128) if unicodedata.category(chr(c)) == "Cf"] == []


def test_normalise_title_drops_format_characters() -> None:
    from rules._crossfile import normalise_title

    assert normalise_title("Budget\u200b passes\u00ad") == "budget passes"
    assert normalise_title("Budget  Passes") == "budget passes"
