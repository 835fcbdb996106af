from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.rules.title_shouting import TitleShouting, is_shouting, sentence_case
from newslint.testing import Case, assert_case, fm

CASES = [
    Case("normal", fm(title="Fed raises rates again")),
    Case("shouting", fm(title="FED RAISES RATES AGAIN"), errors=[("shouting", 2, 8)]),
    Case(
        "newswire-with-date",
        fm(title="SANOMA CORPORATION: ACQUISITION OF OWN SHARES 12 February 2025"),
        errors=[("shouting", 2, 8)],
    ),
    Case("one-acronym", fm(title="NATO")),
    Case("acronyms-only", fm(title="US GDP Q4")),
    Case("three-short-acronyms", fm(title="NASA, ESA, JAXA")),
    Case("two-words", fm(title="BREAKING NEWS")),
    Case("mostly-acronyms-in-a-sentence", fm(title="US and EU agree on AI rules at UN")),
    Case("cjk-with-tickers", fm(title="NVIDIA AMD INTEL 财报季来临")),
    Case("not-title", fm(summary="FED RAISES RATES AGAIN")),
    Case(
        "toml", '+++\ntitle = "FED RAISES RATES AGAIN"\n+++\nBody.\n', errors=[("shouting", 2, 9)]
    ),
    Case("json", '{"title": "FED RAISES RATES AGAIN"}\nBody.\n', errors=[("shouting", 1, 11)]),
    Case(
        "crlf",
        '---\r\ntitle: "FED RAISES RATES AGAIN"\r\n---\r\nBody.\r\n',
        errors=[("shouting", 2, 8)],
    ),
    # `ß` has no capital in common use: `STRAßE` is a word in capitals.
    Case("german-sharp-s", fm(title="STRAßE GESPERRT NACH UNFALL"), errors=[("shouting", 2, 8)]),
    # Hugo reads front-matter keys without case: `Title` is the title.
    Case("capitalised-key", fm(Title="FED RAISES RATES AGAIN"), errors=[("shouting", 2, 8)]),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_title_shouting(case: Case) -> None:
    # The fix is display-only: `newslint fix` never applies it, so the text stays the same.
    assert_case(TitleShouting, case)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("MARKETS RALLY AS INFLATION COOLS", "Markets rally as inflation cools"),
        # Words of up to three letters in capitals may be acronyms: they stay.
        ("FED RAISES RATES AGAIN", "FED raises rates again"),
        ("US, UK AND EU SIGN TRADE DEAL", "US, UK and EU sign trade deal"),
        ("ANYWHERE REAL ESTATE INC. REPORTS RESULTS", "Anywhere real estate INC. Reports results"),
        ("WHY IT MATTERS: PRICES ARE UP", "Why it matters: Prices are up"),
    ],
)
def test_sentence_case(title: str, expected: str) -> None:
    assert sentence_case(title) == expected


@pytest.mark.parametrize(
    ("title", "language", "expected"),
    [
        # Turkish has a dotted and a dotless i: I is ı and İ is i in lower case.
        ("İSTANBUL'DA BÜYÜK YANGIN ÇIKTI", "tr", "İstanbul'da büyük yangın çıktı"),
        ("IRAK'TA SEÇİM", "tr-TR", "Irak'ta seçim"),
        # The language's own short words are no acronyms.
        ("L'ÉQUIPE DE FRANCE GAGNE LA FINALE", "fr", "L'équipe de france gagne la finale"),
        ("ВЫБОРЫ В РОССИИ ПРОШЛИ", "ru", "Выборы в россии прошли"),
        ("EL GOBIERNO Y LA UE FIRMAN", "es", "El gobierno y la UE firman"),
        ("STRAßE GESPERRT NACH UNFALL", None, "Straße gesperrt nach unfall"),
    ],
)
def test_sentence_case_in_the_articles_language(
    title: str, language: str | None, expected: str
) -> None:
    assert sentence_case(title, language) == expected


def test_no_sentence_case_for_german() -> None:
    # German writes every noun with a capital: sentence case cannot know which words are nouns.
    from newslint.config import Config
    from newslint.engine import check_text

    found = check_text(
        fm(title="DIE REGIERUNG BESCHLIESST NEUE STEUERN"),
        path="content/de/news/a.de.md",
        config=Config(),
        select=["TX006"],
    )
    assert [(d.code, d.fix) for d in found] == [("TX006", None)]


def test_display_only_fix_offers_sentence_case() -> None:
    from newslint.config import Config
    from newslint.engine import check_text

    found = check_text(
        fm(title="MARKETS RALLY AS INFLATION COOLS"), config=Config(), select=["TX006"]
    )
    assert [d.code for d in found] == ["TX006"]
    fix = found[0].fix
    assert fix is not None
    assert fix.applicability.value == "display-only"
    assert [e.content for e in fix.edits] == ['"Markets rally as inflation cools"']


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from([*"ABCDEFGHIJ abcdefg'.:-0123"]), max_size=40))
def test_ascii_titles_without_two_capitals_in_a_row_take_the_short_way_to_the_same_answer(
    title: str,
) -> None:
    # An em dash is not ASCII, not CJK and not part of a word: it only turns the short way off.
    assert is_shouting(title) == is_shouting(title + "\u2014")
