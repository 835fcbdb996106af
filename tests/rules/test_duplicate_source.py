from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint.site import Site
from newslint.testing import Case, Raw, assert_case, fm, lint_project
from rules.duplicate_source import DuplicateSource


def article(url: str, date: str = "2025-02-01 10:00:00", **fields: object) -> str:
    return fm(body=f"The budget passed.\n\n[Reuters]({url})\n", title="T", date=date, **fields)


A = "content/en/news/a.en.md"
B = "content/en/news/b.en.md"
C = "content/en/news/c.en.md"
URL = "https://www.reuters.com/world/budget-2025/"


def test_second_article_with_the_same_source_is_reported() -> None:
    found = lint_project(
        DuplicateSource,
        {A: article(URL), B: article(URL, "2025-02-02 08:00:00")},
    )
    assert found == [(B, 8, 11, f"source {URL} is also cited by {A}")]


def test_the_earlier_date_is_the_original_whatever_the_path() -> None:
    found = lint_project(
        DuplicateSource,
        {A: article(URL, "2025-03-01 10:00:00"), B: article(URL, "2025-02-02 08:00:00")},
    )
    assert found == [(A, 8, 11, f"source {URL} is also cited by {B}")]


def test_url_variants_are_the_same_source() -> None:
    variant = "http://WWW.Reuters.com/world/budget-2025?utm_source=rss&utm_medium=feed#top"
    found = lint_project(DuplicateSource, {A: article(URL), B: article(variant, "2025-02-02")})
    assert found == [(B, 8, 11, f"source {variant} is also cited by {A}")]


def test_every_parameter_tracking_params_cuts_makes_no_other_source() -> None:
    # A BBC News feed link carries Piano's `at_medium`/`at_campaign`; a tweet's `ref_src`: the
    # same story without them (or with other values) is the same source, as tracking-params
    # would cut them.
    bbc = "https://www.bbc.co.uk/news/articles/c8935?at_medium=RSS&at_campaign=rss"
    tweet = "https://twitter.com/okx/status/1?ref_src=twsrc%5Etfw&igsh=x"
    found = lint_project(
        DuplicateSource,
        {
            A: article("https://bbc.co.uk/news/articles/c8935"),
            B: article(bbc, "2025-02-02"),
            C: article("https://twitter.com/okx/status/1"),
            "content/en/news/d.en.md": article(tweet, "2025-02-03"),
        },
    )
    assert found == [
        (B, 8, 11, f"source {bbc} is also cited by {A}"),
        ("content/en/news/d.en.md", 8, 11, f"source {tweet} is also cited by {C}"),
    ]


def test_different_queries_are_different_sources() -> None:
    found = lint_project(
        DuplicateSource,
        {A: article("https://example.com/a?id=1"), B: article("https://example.com/a?id=2")},
    )
    assert found == []


def test_three_articles_name_the_original_and_the_count() -> None:
    found = lint_project(
        DuplicateSource,
        {
            A: article(URL, "2025-02-01"),
            B: article(URL, "2025-02-02"),
            C: article(URL, "2025-02-03"),
        },
    )
    more = f"source {URL} is also cited by {A} (and 1 more)"
    assert found == [(B, 8, 11, more), (C, 8, 11, more)]


def test_source_field_counts() -> None:
    text = fm(title="T", source=URL)
    found = lint_project(DuplicateSource, {A: article(URL), B: text})
    # B has no date, so A (dated) is the original; the field's value is at line 3, column 9.
    assert found == [(B, 3, 9, f"source {URL} is also cited by {A}")]


def test_configured_source_field() -> None:
    text = fm(title="T", origin=URL)
    found = lint_project(
        DuplicateSource, {A: article(URL), B: text}, config={"source-field": "origin"}
    )
    assert found == [(B, 3, 9, f"source {URL} is also cited by {A}")]


def test_translations_share_their_source() -> None:
    files = {
        "content/news/story.en.md": article(URL),
        "content/news/story.zh-CN.md": article(URL, "2025-02-02"),
    }
    assert lint_project(DuplicateSource, files) == []


def test_translation_key_links_translations() -> None:
    files = {
        A: article(URL, translationKey="budget"),
        "content/zh-CN/news/x.zh-CN.md": article(URL, "2025-02-02", translationKey="budget"),
    }
    assert lint_project(DuplicateSource, files) == []


def test_same_source_in_another_language_without_translation_link_is_reported() -> None:
    other = "content/zh-CN/news/x.zh-CN.md"
    found = lint_project(DuplicateSource, {A: article(URL), other: article(URL, "2025-02-02")})
    assert found == [(other, 8, 11, f"source {URL} is also cited by {A}")]


def test_a_link_inside_the_text_is_not_the_source() -> None:
    inline = fm(body=f"See [Reuters]({URL}) for more.\n", title="T")
    angle = fm(body=f'Text.\n\n[Reuters](<{URL}> "title")\r\n\r\n', title="T", date="2025-02-03")
    found = lint_project(DuplicateSource, {A: article(URL), B: inline, C: angle})
    assert found == [(C, 8, 12, f"source {URL} is also cited by {A}")]


def test_relative_and_non_web_links_are_ignored() -> None:
    files = {A: article("/news/a"), B: article("/news/a"), C: article("mailto:x@example.com")}
    assert lint_project(DuplicateSource, files) == []


def test_unparsable_dates_sort_last() -> None:
    found = lint_project(
        DuplicateSource,
        {A: article(URL, "soon"), B: article(URL, "2025-02-02T08:00:00+08:00")},
    )
    assert found == [(A, 8, 11, f"source {URL} is also cited by {B}")]


def test_unquoted_timestamp_dates() -> None:
    found = lint_project(
        DuplicateSource,
        {A: article(URL, Raw("2025-03-01")), B: article(URL, Raw("2025-02-01T08:00:00Z"))},
    )
    assert found == [(A, 8, 11, f"source {URL} is also cited by {B}")]


# One file alone: the rule never reports from a single document.
CASES = [
    Case("single-file", article(URL)),
    Case("no-front-matter", f"[Reuters]({URL})\n"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_duplicate_source(case: Case) -> None:
    assert_case(DuplicateSource, case)


def test_same_path_in_each_language_folder_is_a_translation(tmp_path: Path) -> None:
    site = Site(root=tmp_path, languages={"en": "content/en", "zh-CN": "content/zh"})
    english = str(tmp_path / "content/en/news/story.md")
    chinese = str(tmp_path / "content/zh/news/story.md")
    other = str(tmp_path / "content/zh/news/other.md")
    files = {english: article(URL), chinese: article(URL, "2025-02-02")}
    assert lint_project(DuplicateSource, files, site=site) == []
    files[other] = article(URL, "2025-02-03")
    found = lint_project(DuplicateSource, files, site=site)
    assert found == [(other, 8, 11, f"source {URL} is also cited by {english}")]


def test_the_documented_example_is_a_duplicate() -> None:
    # The rule's own example: `www.`, the trailing slash and `utm_source` make no difference.
    variant = "https://reuters.com/world/budget-2025?utm_source=rss"
    found = lint_project(DuplicateSource, {A: article(URL), B: article(variant, "2025-02-02")})
    assert found == [(B, 8, 11, f"source {variant} is also cited by {A}")]


def test_percent_encoding_does_not_make_another_source() -> None:
    upper, lower, plain = (
        "https://example.com/caf%C3%A9?q=%C3%A9",
        "https://example.com/caf%c3%a9?q=%c3%a9",
        "https://example.com/café?q=é",
    )
    found = lint_project(
        DuplicateSource,
        {A: article(upper), B: article(lower, "2025-02-02"), C: article(plain, "2025-02-03")},
    )
    assert found == [
        (B, 8, 11, f"source {lower} is also cited by {A} (and 1 more)"),
        (C, 8, 11, f"source {plain} is also cited by {A} (and 1 more)"),
    ]


def test_an_encoded_slash_is_not_a_slash() -> None:
    files = {A: article("https://example.com/a%2Fb"), B: article("https://example.com/a/b")}
    assert lint_project(DuplicateSource, files) == []


def test_a_shared_translation_key_in_one_language_is_no_translation() -> None:
    # A translationKey copied into another English article does not make the two translations.
    chinese = "content/zh-CN/news/x.zh-CN.md"
    files = {
        A: article(URL, translationKey="budget"),
        chinese: article(URL, "2025-02-02", translationKey="budget"),
        B: article(URL, "2025-02-03", translationKey="budget"),
    }
    found = lint_project(DuplicateSource, files)
    assert found == [(B, 9, 11, f"source {URL} is also cited by {A}")]


def test_a_draft_is_reported_rather_than_the_published_article() -> None:
    files = {A: article(URL, "2025-02-02"), B: article(URL, "2025-02-01", draft=True)}
    assert lint_project(DuplicateSource, files) == [
        (B, 9, 11, f"source {URL} is also cited by {A}")
    ]


def test_section_pages_are_not_articles() -> None:
    files = {A: article(URL), "content/en/news/_index.md": article(URL, "2025-02-02")}
    assert lint_project(DuplicateSource, files) == []


def test_the_source_line_is_found_as_source_link_missing_finds_it() -> None:
    # A trailing comment (a suppression, an editor's note) and parentheses in the URL.
    wiki = "https://en.wikipedia.org/wiki/Budget_(2025)"
    body = f"The budget passed.\n\n[Wikipedia]({wiki})\n\n<!-- imported by the feed bot -->\n"
    files = {A: article(wiki), B: fm(body=body, title="T", date="2025-02-02")}
    assert lint_project(DuplicateSource, files) == [
        (B, 8, 13, f"source {wiki} is also cited by {A}")
    ]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="/._\\aéx", max_size=12))
@example("content/_index.md/")
@example("content/_index.md/.")
@example("/")
@example("")
def test_file_name_is_the_path_objects_name(path: str) -> None:
    # `is_section_page` reads the name without a PurePath for each document: the same name.
    from pathlib import PurePosixPath

    from rules._crossfile import file_name

    assert file_name(path) == PurePosixPath(path).name


def test_articles_of_two_sites_in_one_run_are_no_duplicates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from newslint.cli import main

    for site, day in (("east", "01"), ("west", "02")):
        (tmp_path / site / "content/news").mkdir(parents=True)
        (tmp_path / site / "hugo.toml").write_text('title = "S"\n', encoding="utf-8")
        page = article(URL, f"2025-02-{day} 10:00:00")
        (tmp_path / site / "content/news/a.md").write_text(page, encoding="utf-8")
    # A second article in the east site repeats the source: that one is a duplicate.
    later = article(URL, "2025-02-03 10:00:00")
    (tmp_path / "east/content/news/b.md").write_text(later, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ["check", "--no-cache", "--select", "XF001", "--output-format", "json", "east", "west"]
    assert main(args) == 0  # a warning does not fail the run
    found = [(d["path"], d["line"], d["message"]) for d in json.loads(capsys.readouterr().out)]
    assert found == [
        ("east/content/news/b.md", 8, f"source {URL} is also cited by east/content/news/a.md")
    ]


def test_a_source_list_or_params_source_counts_by_its_first_url() -> None:
    # The first URL of a list is the article's source, as of a list of sources ending the body;
    # under `params` the field is the page's (hugo 0.168).
    listed = fm(title="T", source=[URL, "https://other.example/x"])
    nested = fm(title="T", params=Raw(f"{{source: [{URL}]}}"))
    found = lint_project(DuplicateSource, {A: article(URL), B: listed, C: nested})
    assert found == [
        (B, 4, 5, f"source {URL} is also cited by {A} (and 1 more)"),
        (C, 3, 19, f"source {URL} is also cited by {A} (and 1 more)"),
    ]


def test_a_url_after_the_first_of_a_source_list_is_not_compared() -> None:
    # A follow-up lists its own story first and the earlier story it builds on second: two
    # stories, not one imported twice. Only the first URLs are compared.
    follow_up = fm(title="T", source=["https://www.reuters.com/world/budget-vote/", URL])
    found = lint_project(DuplicateSource, {A: article(URL), B: follow_up})
    assert found == []


def test_source_map_url_counts() -> None:
    # `source: {name: Reuters, url: ...}`: the map's url is the source, reported where it is.
    text = fm(title="T", source=Raw(f"{{name: Reuters, url: {URL}}}"))
    found = lint_project(DuplicateSource, {A: article(URL), B: text})
    assert found == [(B, 3, 30, f"source {URL} is also cited by {A}")]


@pytest.mark.parametrize(
    ("url", "key"),
    [
        # No query, an empty one and one of tracking parameters only: the same key, no `?`.
        ("https://www.a.example/world/budget/", "https://a.example/world/budget"),
        ("https://a.example/world/budget?", "https://a.example/world/budget"),
        ("https://a.example/world/budget?utm_source=rss", "https://a.example/world/budget"),
        ("https://a.example/p?id=3&utm_source=x", "https://a.example/p?id=3"),
        # Escapes: one spelling (upper case, unreserved decoded, beyond ASCII escaped).
        ("https://a.example/caf%c3%a9/%7Eme", "https://a.example/caf%C3%A9/~me"),
        ("https://a.example/café", "https://a.example/caf%C3%A9"),
        ("https://a.example/a%2fb", "https://a.example/a%2Fb"),
    ],
)
def test_normalised_source_keys(url: str, key: str) -> None:
    from rules._crossfile import normalise_url

    assert normalise_url(url) == key
