from __future__ import annotations

import pytest

from newslint.rules.summary_length import SummaryLength
from newslint.testing import Case, assert_case, fm

FORTY = "The budget passed on Tuesday after talks."  # 41 characters

CASES = [
    Case("in-range", fm(summary=FORTY)),
    Case("exactly-max", fm(summary="x" * 300)),
    Case("too-long", fm(title="Budget", summary="x" * 301), errors=[("long", 3, 10)]),
    Case("too-short", fm(summary="Budget passes."), errors=[("short", 2, 10)]),
    Case("entities-count-as-one-character", fm(summary="It&#39;s " + "x" * 293)),
    Case(
        "white-space-runs-count-once",
        fm(summary="Budget   passes   today."),
        options={"min": 1, "max": 20},
    ),
    Case("empty-is-required-field", fm(summary="")),
    # PaperMod's archive and search pages: `layout` and no body; the summary is no card's.
    Case("archives-page", '---\ntitle: Archive\nlayout: "archives"\nsummary: archives\n---\n'),
    Case(
        "layout-with-a-body-is-an-article",
        "---\nlayout: post\nsummary: Budget passes.\n---\n\nThe budget passed.\n",
        errors=[("short", 3, 10)],
    ),
    Case(
        "options",
        fm(summary=FORTY),
        options={"min": 10, "max": 20},
        errors=[("long", 2, 10)],
    ),
    # A day's section of an aggregator: the summary counts what the list holds.
    Case("section-page-label", fm(summary="211 条新闻"), path="content/news/2026/05/25/_index.md"),
    Case("home-page-label", fm(summary="Local news."), path="content/_index.md"),
    Case(
        "section-page-still-too-long",
        fm(summary="x" * 301),
        path="content/news/_index.md",
        errors=[("long", 2, 10)],
    ),
    Case(
        "section-named-index-is-an-article",
        fm(summary="Budget."),
        path="content/news/index.md",
        errors=[("short", 2, 10)],
    ),
    Case("news-preset-off", fm(summary="x"), config={"presets": ["hugo"]}),
    Case("toml", '+++\nsummary = "Short."\n+++\n', errors=[("short", 2, 11)]),
    Case("json", '{"summary": "Short."}\n', errors=[("short", 1, 13)]),
    Case("cjk-short-sentence-is-fine", fm(summary="东港在海堤修复三周后于周五重新开放。")),
    Case("cjk-too-short", fm(summary="港口重开。"), errors=[("short", 2, 10)]),
    Case("cjk-too-long", fm(summary="港" * 101), errors=[("long", 2, 10)]),
    Case(
        "cjk-name-in-latin-summary",
        fm(summary="Talks in 北京 went on and on."),
        errors=[("short", 2, 10)],
    ),
    Case("cjk-at-the-limit", fm(summary="港" * 100)),
    Case(
        # Half CJK, half Latin, as a real news summary was: 24 characters that say as much as a
        # Latin sentence of 40, each CJK letter counted as three.
        "half-cjk-half-latin-says-enough",
        fm(summary="示例签署CLA，加入OpenExample社区。"),
    ),
    Case("half-cjk-half-latin-too-short", fm(summary="加入openGauss。"), errors=[("short", 2, 10)]),
    Case(
        # Mostly Korean, 149 characters over the third of `max`, but its Latin words, digits,
        # spaces and full stops count one each: 269 Latin letters' worth, within 300.
        "mostly-cjk-with-latin-words-within-max-in-letters",
        fm(summary=("Trino 팀은 2025년 릴리스 11개를 정리한다. " * 5).strip()),
    ),
    Case(
        # 117 characters, 104 of them CJK letters: 325 Latin letters' worth, over 300.
        "mostly-cjk-over-max-in-letters-too",
        fm(summary="港口周五重新开放，" * 13),
        errors=[("long", 2, 10)],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_summary_length(case: Case) -> None:
    assert_case(SummaryLength, case)
