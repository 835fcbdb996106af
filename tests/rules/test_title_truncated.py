from __future__ import annotations

import pytest

from newslint.rules.title_truncated import TitleTruncated
from newslint.site import Site
from newslint.testing import Case, assert_case, fm

CASES = [
    # A feed scraper kept the headline up to its colon (real site: a Substack aggregator).
    Case("cut-at-the-colon", fm(title="Virtual Reality:"), errors=[("colon", 2, 8)]),
    Case("full-width-colon", fm(title="虚拟现实："), errors=[("colon", 2, 8)]),
    Case(
        "after-a-bracket", fm(title="Kitchen-Table Companies (Part 2):"), errors=[("colon", 2, 8)]
    ),
    Case("trailing-space", fm(title="Faith in the Public Square: "), errors=[("colon", 2, 8)]),
    Case("toml", '+++\ntitle = "Virtual Reality:"\n+++\nBody.\n', errors=[("colon", 2, 9)]),
    # Hugo reads front-matter keys without case: `Title` is the title.
    Case("capitalised-key", fm(Title="Virtual Reality:"), errors=[("colon", 2, 8)]),
    Case("whole-title", fm(title="Virtual Reality: The New Frontier of Historical Exploration")),
    # A colon after a space or another colon is no cut headline; other fields are not titles.
    Case("colon-after-a-space", fm(title="Smile :")),
    Case("double-colon", fm(title="Namespaces in C++: std::")),
    Case("lone-colon", fm(title=":")),
    # Armenian and Ethiopic writers type `:` for their full stop: a whole sentence, not a cut.
    Case("armenian-full-stop", fm(title="Հայաստանը հաղթեց:")),
    Case("ethiopic-full-stop", fm(title="ኢትዮጵያ አሸነፈች:")),
    Case("latin-after-armenian", fm(title="Հայաստան - Interview:"), errors=[("colon", 2, 8)]),
    # French sets the colon off by a space: cut in a French article, or with a no-break space.
    Case(
        "french-spaced-colon",
        fm(title="Réalité virtuelle :"),
        language="fr",
        errors=[("colon", 2, 8)],
    ),
    Case(
        "french-region-tag",
        fm(title="Réalité virtuelle :"),
        language="fr-CA",
        errors=[("colon", 2, 8)],
    ),
    Case(
        "french-lang-in-front-matter",
        fm(title="Réalité virtuelle :", lang="fr"),
        path="content/news/article.md",
        errors=[("colon", 2, 8)],
    ),
    Case(
        "french-site-locale",
        fm(title="Réalité virtuelle :"),
        language="en",
        site=Site(language_locales={"en": "fr-FR"}),
        errors=[("colon", 2, 8)],
    ),
    Case("no-break-space", fm(title="Réalité virtuelle\u00a0:"), errors=[("colon", 2, 8)]),
    Case("narrow-no-break-space", fm(title="Réalité virtuelle\u202f:"), errors=[("colon", 2, 8)]),
    Case(
        "french-after-a-bracket",
        fm(title="Entreprises (partie 2) :"),
        language="fr",
        errors=[("colon", 2, 8)],
    ),
    Case(
        "french-whole-title", fm(title="Réalité virtuelle : la nouvelle frontière"), language="fr"
    ),
    Case("spaced-colon-not-french", fm(title="Réalité virtuelle :"), language="en"),
    Case("spaced-colon-no-language", fm(title="Réalité virtuelle :")),
    Case("french-lone-colon", fm(title=" :"), language="fr"),
    Case("french-emoticon", fm(title="Bravo ^^ :"), language="fr"),
    Case("french-one-letter", fm(title="Plan x :"), language="fr"),
    Case("french-double-colon", fm(title="Espaces de noms : std ::"), language="fr"),
    Case("armenian-no-break-space", fm(title="Հայաստանը հաղթեց\u00a0:")),
    Case("not-the-title", fm(summary="The minister said:")),
    Case("title-not-a-string", fm(title=2025)),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_title_truncated(case: Case) -> None:
    assert_case(TitleTruncated, case)


def test_long_french_word_stays_linear() -> None:
    # A title of one 200,000-character word before the French colon: found (or not) in one pass;
    # the pattern had tried each split of the word, minutes for this one.
    word = "a" * 200_000
    assert_case(TitleTruncated, Case("long-word", fm(title=word + "-\u00a0:")))
    assert_case(
        TitleTruncated, Case("long-word-cut", fm(title=word + "\u00a0:"), errors=[("colon", 2, 8)])
    )
