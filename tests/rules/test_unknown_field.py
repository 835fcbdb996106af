from __future__ import annotations

import random
from pathlib import Path

import pytest

from newslint.rules import _schema
from newslint.rules._schema import typo_distance
from newslint.rules.unknown_field import UnknownField
from newslint.site import Site, date_sources
from newslint.testing import Case, Raw, assert_case, fm

CASES = [
    Case("known-keys", fm(title="Budget", summary="x", linkTitle="y", tags=["a"], sidebar="left")),
    Case("keys-are-case-insensitive-in-hugo", fm(Title="Budget", PublishDate="2025-02-08")),
    Case(
        "custom-params-left-alone", fm(lang=["en"], translations=["en"], author="A", image="x.jpg")
    ),
    Case(
        "summary-misspelt",
        fm(title="Budget", sumary="The budget passed."),
        errors=[("unknown", 3, 1)],
        unsafe_fixed=fm(title="Budget", summary="The budget passed."),
    ),
    Case(
        "transposed-letters",
        fm(titel="Budget"),
        errors=[("unknown", 2, 1)],
        unsafe_fixed=fm(title="Budget"),
    ),
    Case(
        "underscore-spelling-of-a-date-key",
        fm(publish_date="2025-02-08"),
        errors=[("unknown", 2, 1)],
        unsafe_fixed=fm(publishDate="2025-02-08"),
    ),
    Case(
        # Renamed, "2025-02-07 08:00" would be a lastmod Hugo cannot read (the build fails): no fix.
        "no-rename-into-an-unreadable-date",
        fm(lasmod="2025-02-07 08:00", latsmod="2025-02-07T08:00:00Z"),
        errors=[("unknown", 2, 1), ("unknown", 3, 1)],
        unsafe_fixed=fm(lasmod="2025-02-07 08:00", lastmod="2025-02-07T08:00:00Z"),
    ),
    Case(
        "taxonomy-singular",
        fm(category="economy"),
        errors=[("unknown", 2, 1)],
        unsafe_fixed=fm(categories="economy"),
    ),
    Case(
        "site-taxonomy-singular",
        fm(author="A. Writer"),
        site=Site(taxonomies={"author": "authors"}),
        errors=[("unknown", 2, 1)],
        unsafe_fixed=fm(authors="A. Writer"),
    ),
    Case(
        "site-taxonomy-is-known",
        fm(topics=["budget"], topic="x"),
        site=Site(taxonomies={"topic": "topics"}),
    ),
    Case(
        # A language's own `taxonomies` table replaces the site's for its pages (hugo 0.168).
        "language-taxonomies-replace-the-sites",
        fm(topic="budget"),
        site=Site(
            taxonomies={"tag": "tags"},
            raw={"languages": {"fr": {"taxonomies": {"topic": "topics"}}, "en": {}}},
        ),
        language="fr",
        errors=[("unknown", 2, 1)],
        unsafe_fixed=fm(topics="budget"),
    ),
    Case(
        "other-languages-keep-the-sites-taxonomies",
        fm(topic="budget"),
        site=Site(
            taxonomies={"tag": "tags"},
            raw={"languages": {"fr": {"taxonomies": {"topic": "topics"}}, "en": {}}},
        ),
        language="en",
    ),
    # A key the site's `[frontmatter]` reads a date from is Hugo's date there (hugo 0.168 dates
    # the page from `publish_date` with `date = ["publish_date", ":default"]`).
    Case(
        "site-date-source-is-known",
        fm(publish_date="2025-02-08T09:00:00Z"),
        site=Site(date_sources=date_sources({"date": ["publish_date", ":default"]})),
    ),
    Case(
        "date-source-of-another-site-is-a-slip",
        fm(publish_date="2025-02-08T09:00:00Z"),
        site=Site(),
        errors=[("unknown", 2, 1)],
        unsafe_fixed=fm(publishDate="2025-02-08T09:00:00Z"),
    ),
    # A name the site's `params` sets is a page parameter its theme reads page first, the site's
    # value standing in (PaperMod: `.Params.author | default .Site.Params.author`): a page's
    # `author` there is its byline, not a misspelt `authors` (real PaperMod sites).
    Case(
        "site-param-is-a-page-parameter",
        fm(author="A. Writer"),
        site=Site(taxonomies={"author": "authors"}, raw={"params": {"author": "Newsroom"}}),
    ),
    Case(
        "language-param-is-a-page-parameter-in-that-language",
        fm(author="A. Writer"),
        site=Site(
            taxonomies={"author": "authors"},
            raw={"languages": {"fr": {"params": {"author": "Rédaction"}}, "en": {}}},
        ),
        language="fr",
    ),
    Case(
        "another-languages-param-leaves-the-slip-reported",
        fm(author="A. Writer"),
        site=Site(
            taxonomies={"author": "authors"},
            raw={"languages": {"fr": {"params": {"author": "Rédaction"}}, "en": {}}},
        ),
        language="en",
        errors=[("unknown", 2, 1)],
        unsafe_fixed=fm(authors="A. Writer"),
    ),
    Case(
        "other-site-params-leave-a-typo-reported",
        fm(sumary="The budget passed."),
        site=Site(raw={"params": {"author": "Newsroom", "description": "News"}}),
        errors=[("unknown", 2, 1)],
        unsafe_fixed=fm(summary="The budget passed."),
    ),
    Case("twin-present-no-suggestion", fm(date="2025-02-08", data="x")),
    # A misspelt copy beside its twin: never renamed (the key would be written twice).
    Case(
        "misspelt-copy-of-a-present-key",
        fm(summary="The budget passed.", sumary="Budget talks ended."),
        errors=[("misspelt-copy", 3, 1)],
    ),
    Case(
        "misspelt-copy-with-the-same-value",
        fm(summary="The budget passed.", sumary="The budget passed."),
        errors=[("misspelt-copy", 3, 1)],
        unsafe_fixed=fm(summary="The budget passed."),
    ),
    Case(
        "doubled-letter-copy",
        fm(title="Budget", tittle="Budget talks"),
        errors=[("misspelt-copy", 3, 1)],
    ),
    Case("swapped-letters-beside-the-key", fm(title="Budget", titel="Haushalt")),
    Case(
        "other-separators-beside-the-key",
        fm(publishDate="2025-02-08", publish_date="2025-02-09"),
    ),
    Case("another-word-beside-its-look-alike", fm(url="/a/", uri="urn:x")),
    Case(
        "taxonomy-singular-beside-the-taxonomy",
        fm(categories=["news"], category="Workshop"),
        site=Site(taxonomies={"category": "categories", "tag": "tags"}),
    ),
    # The singular of a known list field beside it: a slip when it holds a list or the twin's
    # value (Hugo reads only `keywords`); with a value of its own, a field of its own.
    Case(
        "singular-list-beside-its-plural",
        fm(keywords=["budget", "vote"], keyword=["budget", "vote"]),
        errors=[("misspelt-copy", 5, 1)],
        unsafe_fixed=fm(keywords=["budget", "vote"]),
    ),
    Case(
        "singular-list-of-its-own-beside-its-plural",
        fm(keywords=["budget"], keyword=["vote"]),
        errors=[("misspelt-copy", 4, 1)],
    ),
    Case(
        "singular-value-beside-its-plural",
        fm(keywords=["budget"], keyword="budget vote", images=["a.jpg"], image="b.jpg"),
    ),
    Case("taxonomy-singular-list-beside-the-taxonomy", fm(tags=["a"], tag=["a"])),
    Case("different-first-letter-is-not-a-typo", fm(height=3)),
    Case("plural-of-a-known-key-is-not-a-typo", fm(drafts=True, images=["a"])),
    Case(
        "config-required-keys-are-known",
        fm(authr="A"),
        config={"required": ["author"]},
        errors=[("unknown", 2, 1)],
        unsafe_fixed=fm(author="A"),
    ),
    Case("option-known", fm(sumary="x"), options={"known": ["sumary"]}),
    # A key the site's or theme's templates read as a page parameter is one on purpose: an events
    # layout showing `.Params.category` as a label (real site on the Bigspring theme).
    Case(
        "template-read-key-is-known",
        fm(category="Workshop"),
        site=Site(template_params=frozenset({"category", "time"})),
    ),
    Case(
        "template-read-key-is-known-in-any-case",
        fm(Category="Workshop"),
        site=Site(template_params=frozenset({"category"})),
    ),
    Case(
        "other-template-params-leave-a-typo-reported",
        fm(category="Workshop"),
        site=Site(template_params=frozenset({"location"})),
        errors=[("unknown", 2, 1)],
        unsafe_fixed=fm(categories="Workshop"),
    ),
    Case(
        "mainroad-keys-unknown-without-its-preset", fm(sidbar="left"), config={"presets": ["hugo"]}
    ),
    Case(
        "mainroad-key-misspelt",
        fm(sidbar="left"),
        errors=[("unknown", 2, 1)],
        unsafe_fixed=fm(sidebar="left"),
    ),
    Case(
        "toml",
        '+++\ntitle = "Budget"\ndescripton = "x"\n+++\nBody.\n',
        errors=[("unknown", 3, 1)],
        unsafe_fixed='+++\ntitle = "Budget"\ndescription = "x"\n+++\nBody.\n',
    ),
    # A TOML datetime is a value (its node carries only the tag), not an empty one: renamed.
    Case(
        "toml-datetime-to-a-date-key",
        '+++\ntitle = "Budget"\nlastmdo = 2025-02-09T09:00:00+08:00\n+++\nBody.\n',
        errors=[("unknown", 3, 1)],
        unsafe_fixed='+++\ntitle = "Budget"\nlastmod = 2025-02-09T09:00:00+08:00\n+++\nBody.\n',
    ),
    Case(
        "json",
        '{"title": "Budget", "catagories": ["x"]}\nBody.\n',
        errors=[("unknown", 1, 21)],
        unsafe_fixed='{"title": "Budget", "categories": ["x"]}\nBody.\n',
    ),
    Case(
        # A map or a list where the known key takes one value is a custom param of its own, not
        # a misspelt date (`publisher` is no `published`) or title; a scalar still is.
        "a-map-or-list-is-no-misspelt-single-value",
        '---\ntitle: "Deal"\npublisher:\n  name: "Wire"\n  link: "https://example.com/a"\n'
        'titel: ["a", "b"]\npublishd: "2025-02-08"\n---\nBody.\n',
        errors=[("unknown", 7, 1)],
        unsafe_fixed='---\ntitle: "Deal"\npublisher:\n  name: "Wire"\n  link: "https://example.com/a"\n'
        'titel: ["a", "b"]\npublished: "2025-02-08"\n---\nBody.\n',
    ),
    Case(
        "a-list-may-be-a-misspelt-list",
        fm(title="Deal", tagz=["a", "b"]),
        errors=[("unknown", 3, 1)],
        unsafe_fixed=fm(title="Deal", tags=["a", "b"]),
    ),
]


# `_build` is Hugo's older spelling of `build`, still read (a theme's own pages use it).
HUGO_SPELLINGS = [
    Case("legacy-build-key", '+++\n[_build]\n  render = "never"\n  list = "never"\n+++\nx\n'),
    Case("legacy-build-key-yaml", fm(title="Fragment", _build={"render": "never"})),
]


@pytest.mark.parametrize("case", HUGO_SPELLINGS, ids=lambda c: c.name)
def test_hugo_spellings_are_known(case: Case) -> None:
    assert_case(UnknownField, case)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_unknown_field(case: Case) -> None:
    assert_case(UnknownField, case)


# An empty misspelt key is reported but not renamed: `date: ""` would be a new error (date-invalid),
# where the missing date was one already; empty-field deletes the key.
@pytest.mark.parametrize("value", ["", Raw(""), Raw("[]")], ids=["quoted", "null", "list"])
def test_empty_value_is_not_renamed(value: object) -> None:
    assert_case(
        UnknownField, Case("empty", fm(title="Budget", deate=value), errors=[("unknown", 3, 1)])
    )


@pytest.mark.parametrize("seed", range(10))
def test_the_letters_two_words_do_not_share_bound_their_distance(seed: int) -> None:
    # `closest` skips the distance's table when the words' letters differ by more than two per
    # edit allowed: each edit brings in at most one letter and takes out at most one.
    rng = random.Random(seed)
    for _ in range(300):
        a = "".join(rng.choice("abcdes") for _ in range(rng.randrange(0, 10)))
        b = "".join(rng.choice("abcdes") for _ in range(rng.randrange(0, 10)))
        assert 2 * typo_distance(a, b) >= len(set(a) ^ set(b)), (a, b)


def test_a_key_whose_letters_are_far_from_every_field_costs_no_distance_table(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Before: each of 100,000 unknown keys `key00001`, ... was measured against `keywords`.
    tables: list[tuple[str, str]] = []

    def counted(a: str, b: str) -> int:
        tables.append((a, b))
        return typo_distance(a, b)

    monkeypatch.setattr(_schema, "typo_distance", counted)
    _schema._closest.cache_clear()  # (worked out once per key: an earlier test may have)
    assert _schema.closest("key12345", ["keywords"]) is None
    assert _schema.closest("keywrods", ["keywords"]) == "keywords"
    assert tables == [("keywrods", "keywords")]


def test_the_sites_param_names_are_read_once_per_site_and_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Before: every page's unknown-field walked the site's `params` (and its language's) again.
    from newslint.rules import _params

    walked: list[object] = []

    def counted(table: object) -> list[str]:
        walked.append(table)
        return [str(key).lower() for key in table] if isinstance(table, dict) else []

    monkeypatch.setattr(_params, "_keys", counted)
    site = Site(raw={"params": {"author": "Newsroom"}, "languages": {"fr": {}, "en": {}}})
    for language in ("fr", "fr", "en", "fr"):
        case = Case("byline", fm(author="A. Writer"), site=site, language=language)
        assert_case(UnknownField, case)
    assert len(walked) == 4  # `params` and the language's own, for `fr` and for `en`


JEKYLL_CASES = [
    # Jekyll reads `category` as a post's one category (`categories` lists several): on a page
    # Jekyll builds it is no misspelt `categories`; a real slip is still one.
    Case(
        "jekyll-post-category",
        fm(category="blog", sumary="A post."),
        path="_posts/2016-03-14-the-scala-center.md",
        errors=[("unknown", 3, 1)],
        unsafe_fixed=fm(category="blog", summary="A post."),
    ),
    # And `tag`, its singular of `tags` (Jekyll's `Utils.pluralized_array_from_hash`).
    Case(
        "jekyll-post-tag",
        fm(tag="scala"),
        path="_posts/2016-03-14-the-scala-center.md",
    ),
    Case(
        "jekyll-site-page-category",
        fm(category="blog"),
        path="about.md",
        site=Site(jekyll_config=Path("/site/_config.yml")),
    ),
    Case(
        "hugo-page-category",
        fm(category="blog"),
        path="content/posts/the-scala-center.md",
        errors=[("unknown", 2, 1)],
        unsafe_fixed=fm(categories="blog"),
    ),
]


@pytest.mark.parametrize("case", JEKYLL_CASES, ids=lambda c: c.name)
def test_unknown_field_jekyll(case: Case) -> None:
    assert_case(UnknownField, case)
