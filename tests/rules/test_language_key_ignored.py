from __future__ import annotations

from pathlib import Path

import pytest

from newslint.rules.language_key_ignored import LanguageKeyIgnored
from newslint.site import Site
from newslint.testing import Case, assert_case, fm

SITE = Site(root=Path("/site"), language_names=("en", "de"), default_language="en")
ONE_LANGUAGE = Site(root=Path("/site"), default_language="en")

CASES = [
    # hugo 0.168 builds `treffen.md` with `language: de` (or `lang: de`) as an English page
    # (a German Freifunk event site's news, one of them beside its `.en.md` twin).
    Case(
        "language-key",
        fm(title="Mumble-Treffen", language="de"),
        path="content/news/treffen.md",
        site=SITE,
        language="en",
        errors=[("ignored", 3, 11)],
    ),
    Case(
        "lang-key-in-capitals",
        fm(title="Mumble-Treffen", lang="DE"),
        path="content/news/treffen.md",
        site=SITE,
        language="en",
        errors=[("ignored", 3, 7)],
    ),
    Case(
        "own-language",
        fm(title="Mumble meetup", language="en"),
        path="content/news/treffen.en.md",
        site=SITE,
        language="en",
    ),
    Case(
        "file-name-gives-it",
        fm(title="Mumble-Treffen", language="de"),
        path="content/news/treffen.de.md",
        site=SITE,
        language="de",
    ),
    Case(
        "no-language-of-the-site",
        fm(title="Réunion", language="fr"),
        path="content/news/treffen.md",
        site=SITE,
        language="en",
    ),
    Case(
        "site-of-one-language",
        fm(title="Mumble-Treffen", language="de"),
        path="content/news/treffen.md",
        site=ONE_LANGUAGE,
        language="en",
    ),
    # Outside a Hugo site `lang` is the generator's own (Jekyll's, newslint's guess).
    Case(
        "no-site",
        fm(title="Mumble-Treffen", lang="de"),
        path="_posts/2020-10-14-treffen.md",
        language="en",
    ),
    Case(
        "not-a-string",
        fm(title="Mumble-Treffen", language=["de"]),
        path="content/news/treffen.md",
        site=SITE,
        language="en",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_language_key_ignored(case: Case) -> None:
    assert_case(LanguageKeyIgnored, case)
