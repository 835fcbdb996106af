from __future__ import annotations

from pathlib import Path

import pytest

from newslint.rules.file_language_spaced import FileLanguageSpaced
from newslint.site import Site
from newslint.testing import Case, assert_case, case_reports, fm

SITE = Site(root=Path("/site"), language_names=("de", "en"), default_language="de")
ONE_LANGUAGE = Site(root=Path("/site"), default_language="de")

CASES = [
    # hugo 0.168: `x.en .md` is the German page `x.en ` at `/de/events/x.en-/`
    Case("other-language", fm(title="Day"), path="content/events/day.en .md", site=SITE,
         errors=[("spaced", 1, 1)]),
    Case("space-before-the-language", fm(title="Day"), path="content/events/day. en.md",
         site=SITE, errors=[("spaced", 1, 1)]),
    # the default language keeps the page's language, not its name or its translations
    Case("default-language", fm(title="Tag"), path="content/events/day.de .md", site=SITE,
         errors=[("spaced-default", 1, 1)]),
    Case("language-in-capitals", fm(title="Day"), path="content/events/day.EN .md", site=SITE,
         errors=[("spaced", 1, 1)]),
    # after the byte order mark (a code point of its own in the column count)
    Case("after-a-byte-order-mark", "\ufeff" + fm(title="Day"), path="content/day.en .md",
         site=SITE, errors=[("spaced", 1, 2)]),
    Case("written-right", fm(title="Day"), path="content/events/day.en.md", site=SITE),
    Case("space-elsewhere-in-the-name", fm(title="Day"), path="content/events/old day.en.md",
         site=SITE),
    Case("no-language-of-the-site", fm(title="Day"), path="content/events/day.fr .md", site=SITE),
    Case("version-number", fm(title="v1"), path="content/release/v1.2 .md", site=SITE),
    Case("site-of-one-language", fm(title="Day"), path="content/events/day.de .md",
         site=ONE_LANGUAGE),
    Case("no-site", fm(title="Day"), path="content/events/day.en .md"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_file_language_spaced(case: Case) -> None:
    assert_case(FileLanguageSpaced, case)


def test_message_names_the_new_file_name() -> None:
    _, reports = case_reports(FileLanguageSpaced, CASES[0])
    assert [r.message for r in reports] == [
        "the file name's language part 'en ' has white space around it, so Hugo builds this page "
        "in de instead of en: rename the file to 'day.en.md'"
    ]
