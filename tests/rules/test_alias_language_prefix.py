from __future__ import annotations

from pathlib import Path

import pytest

from newslint.rules.alias_language_prefix import AliasLanguagePrefix
from newslint.site import Site
from newslint.testing import Case, assert_case, case_reports

LANGUAGES = {"en": "content/en", "fr": "content/fr"}
SITE = Site(root=Path("/site"), languages=LANGUAGES, language_names=("en", "fr"))
IN_SUBDIR = Site(
    root=Path("/site"),
    languages=LANGUAGES,
    language_names=("en", "fr"),
    raw={"defaultcontentlanguageinsubdir": True},
)
MULTIHOST = Site(
    root=Path("/site"),
    languages=LANGUAGES,
    language_names=("en", "fr"),
    raw={"languages": {"en": {"baseurl": "https://a.org/"}, "fr": {"baseurl": "https://b.org/"}}},
)
FR = "content/fr/news/budget.md"
EN = "content/en/news/budget.md"
MESSAGE_FR = "Hugo puts the page's language folder /fr/ before every alias of it"


def page(aliases: str, fence: str = "---") -> str:
    title = 'title = "Budget"' if fence == "+++" else "title: Budget"
    return f"{fence}\n{title}\n{aliases}\n{fence}\n\nText.\n"


CASES = [
    # hugo 0.168 writes no alias of a page it does not render (headless, `build.render` never
    # or link): there is no `/fr/fr/...` to report
    Case(
        "headless-page",
        page('headless: true\naliases: ["/fr/news/old-budget/"]'),
        path=FR,
        site=SITE,
        language="fr",
    ),
    Case(
        "page-rendered-as-a-link",
        page('build:\n  render: link\naliases: ["/fr/news/old-budget/"]'),
        path=FR,
        site=SITE,
        language="fr",
    ),
    Case(
        "own-folder-in-a-list",
        page('aliases: ["/fr/news/old-budget/", "/news/older/"]'),
        errors=[("prefix", 3, 11)],
        fixed=page('aliases: ["/news/old-budget/", "/news/older/"]'),
        path=FR,
        site=SITE,
        language="fr",
    ),
    Case(
        "own-folder-in-other-capitals-in-a-block-list-is-an-unsafe-fix",
        page("aliases:\n  - /FR/old/\n  - /news/older/"),
        errors=[("prefix", 4, 5)],
        unsafe_fixed=page("aliases:\n  - /old/\n  - /news/older/"),
        path=FR,
        site=SITE,
        language="fr",
    ),
    Case(
        "another-language-s-folder-has-no-fix",
        page('aliases: "/en/old/"'),
        errors=[("prefix", 3, 10)],
        path=FR,
        site=SITE,
        language="fr",
    ),
    Case(
        "just-the-folder-has-no-fix",
        page('aliases: ["/fr/"]'),
        errors=[("prefix", 3, 11)],
        path=FR,
        site=SITE,
        language="fr",
    ),
    Case(
        "toml",
        page("aliases = ['/fr/old/']", fence="+++"),
        errors=[("prefix", 3, 12)],
        fixed=page("aliases = ['/old/']", fence="+++"),
        path=FR,
        site=SITE,
        language="fr",
    ),
    Case(
        "default-language-in-a-subfolder",
        page('aliases: ["/en/old/"]'),
        errors=[("prefix", 3, 11)],
        fixed=page('aliases: ["/old/"]'),
        path=EN,
        site=IN_SUBDIR,
        language="en",
    ),
    Case(
        "default-language-without-a-folder",
        page('aliases: ["/en/old/", "/fr/old/"]'),
        path=EN,
        site=SITE,
        language="en",
    ),
    Case(
        "no-language-folder",
        page('aliases: ["/frontpage/", "/news/old/"]'),
        path=FR,
        site=SITE,
        language="fr",
    ),
    Case("relative-alias", page('aliases: ["fr/old/"]'), path=FR, site=SITE, language="fr"),
    Case("multihost", page('aliases: ["/fr/old/"]'), path=FR, site=MULTIHOST, language="fr"),
    Case(
        "built-in-several-languages",
        page('aliases: ["/fr/old/"]\nsites:\n  matrix:\n    languages: ["en", "fr"]'),
        path=FR,
        site=SITE,
        language="fr",
    ),
    Case("no-site", page('aliases: ["/fr/old/"]'), path=FR, language="fr"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_alias_language_prefix(case: Case) -> None:
    assert_case(AliasLanguagePrefix, case)


def test_the_message_says_where_hugo_writes_the_alias() -> None:
    case = Case("m", page('aliases: ["/fr/old/", "/en/x"]'), path=FR, site=SITE, language="fr")
    _, reports = case_reports(AliasLanguagePrefix, case)
    assert [r.message for r in reports] == [
        f"alias /fr/old/ is written to /fr/fr/old/: {MESSAGE_FR}",
        f"alias /en/x is written to /fr/en/x: {MESSAGE_FR}",
    ]
