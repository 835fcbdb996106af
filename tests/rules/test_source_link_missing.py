from __future__ import annotations

import pytest

from newslint.rules.source_link_missing import SourceLinkMissing
from newslint.testing import Case, assert_case, fm

BODY = "The budget passed on Tuesday.\n\n"
SOURCE = "[reuters](https://www.reuters.com/world/budget-passes-2025-02-11/)\n"

CASES = [
    Case("last-line-link", fm(body=BODY + SOURCE, title="Budget")),
    Case(
        "link-with-title-and-trailing-blank-lines",
        fm(body=BODY + '[r](https://r.com/a "Reuters")\n\n\n', title="B"),
    ),
    Case(
        "parentheses-in-url",
        fm(body=BODY + "[wiki](https://en.wikipedia.org/wiki/Budget_(2025))\n", title="B"),
    ),
    Case(
        "missing", fm(body=BODY + "More text here.\n", title="Budget"), errors=[("missing", 7, 1)]
    ),
    Case("empty-body", fm(body="", title="Budget"), errors=[("missing", 1, 1)]),
    Case(
        "link-not-last",
        fm(body=SOURCE + "\nMore text here.\n", title="B"),
        errors=[("missing", 7, 1)],
    ),
    Case(
        "relative-link-is-no-source",
        fm(body=BODY + "[home](/news/)\n", title="B"),
        errors=[("missing", 7, 1)],
    ),
    Case(
        "link-inside-a-sentence",
        fm(body=BODY + "Read [more](https://r.com/a) here.\n", title="B"),
        errors=[("missing", 7, 1)],
    ),
    Case(
        "link-in-code-block",
        fm(body=BODY + "```\n[r](https://r.com/a)", title="B"),
        errors=[("missing", 8, 1)],
    ),
    # A URL with a space is still the source link: link-malformed reports the space.
    Case(
        "space-in-url-reported-elsewhere",
        fm(body=BODY + "[fx168](https://www.fx168news.com/article/Pi Network-834911)\n", title="B"),
    ),
    Case("source-field", fm(body=BODY, title="B", source="https://www.reuters.com/a")),
    Case(
        "source-field-not-a-url",
        fm(body=BODY, title="B", source="Reuters"),
        errors=[("missing", 6, 1)],
    ),
    Case(
        "configured-field",
        fm(body=BODY, title="B", origin="https://r.com/a"),
        config={"source-field": "origin"},
    ),
    Case(
        "rule-option-field",
        fm(body=BODY, title="B", via="https://r.com/a"),
        options={"field": "via"},
    ),
    Case("section-list-page", fm(body=BODY, title="News"), path="content/en/news/_index.md"),
    Case("no-front-matter", BODY),
    Case("not-in-news-preset", fm(body=BODY, title="B"), config={"presets": ["hugo"]}),
    Case("crlf", '---\r\ntitle: "B"\r\n---\r\n\r\nText.\r\n\r\n[r](https://r.com/a)\r\n'),
    Case("crlf-missing", '---\r\ntitle: "B"\r\n---\r\n\r\nText.\r\n', errors=[("missing", 5, 1)]),
    Case("toml", '+++\ntitle = "B"\nsource = "https://r.com/a"\n+++\nText.\n'),
    Case("json", '{"title": "B"}\nText.\n\n[r](https://r.com/a)\n'),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_source_link_missing(case: Case) -> None:
    assert_case(SourceLinkMissing, case)
