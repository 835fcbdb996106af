from __future__ import annotations

import pytest

from newslint.rules.summary_truncated import SummaryTruncated
from newslint.testing import Case, assert_case, fm

SOURCE = "\n\n[source](https://example.com/a)\n"
BODY = "The budget passed on Tuesday. Talks went on for a week." + SOURCE
LEAD = "The budget passed on Tuesday. Talks went on for a week."

CASES = [
    Case("complete", fm(body=BODY, summary="The budget passed on Tuesday.")),
    Case(
        "three-dots",
        fm(body=BODY, title="Budget", summary="The budget passed on..."),
        errors=[("cut", 3, 10)],
        unsafe_fixed=fm(body=BODY, title="Budget", summary=LEAD),
    ),
    Case(
        "ellipsis-character",
        fm(body=BODY, summary="The budget passed on Tuesday. Talks…"),
        errors=[("cut", 2, 10)],
        unsafe_fixed=fm(body=BODY, summary=LEAD),
    ),
    Case(
        "feed-style-bracketed-ellipsis",
        fm(body=BODY, summary="The budget passed on Tuesday [\u2026]"),
        errors=[("cut", 2, 10)],
        unsafe_fixed=fm(body=BODY, summary=LEAD),
    ),
    Case(
        "ellipsis-inside-a-closing-quote",
        fm(body=BODY, summary='He said "we will pass it..."'),
        errors=[("cut", 2, 10)],
        unsafe_fixed=fm(body=BODY, summary=LEAD),
    ),
    Case(
        "mid-word-cut-of-the-body",
        fm(body=BODY, summary="The budget passed on Tues"),
        errors=[("mid-word", 2, 10)],
        unsafe_fixed=fm(body=BODY, summary=LEAD),
    ),
    Case(
        "word-boundary-without-dots-is-fine", fm(body=BODY, summary="The budget passed on Tuesday")
    ),
    Case("not-from-the-body", fm(body=BODY, summary="Parliament approves the budget")),
    Case(
        "dateline-paragraph-skipped",
        fm(body="HERZLIYA, Israel —\n\n" + BODY, summary="HERZLIYA, Israel — The budget..."),
        errors=[("cut", 2, 10)],
        unsafe_fixed=fm(body="HERZLIYA, Israel —\n\n" + BODY, summary=LEAD),
    ),
    Case(
        "cut-body-sentence-dropped",
        fm(
            body="The budget passed on Tuesday. Talks went on for..." + SOURCE,
            summary="The budget...",
        ),
        errors=[("cut", 2, 10)],
        unsafe_fixed=fm(
            body="The budget passed on Tuesday. Talks went on for..." + SOURCE,
            summary="The budget passed on Tuesday.",
        ),
    ),
    Case(
        "no-complete-sentence-no-fix",
        fm(body="Talks went on for..." + SOURCE, summary="Talks went on..."),
        errors=[("cut", 2, 10)],
    ),
    Case(
        "opening-sentence-too-long-no-fix",
        fm(
            body="The budget passed on Tuesday.\n\nTalks went on." + SOURCE, summary="The budget..."
        ),
        options={"max-chars": 20},
        errors=[("cut", 2, 10)],
    ),
    Case(
        "max-chars",
        fm(body=BODY, summary="The budget..."),
        options={"max-chars": 40},
        errors=[("cut", 2, 10)],
        unsafe_fixed=fm(body=BODY, summary="The budget passed on Tuesday."),
    ),
    Case(
        "cjk-sentences",
        fm(body="预算周二获得通过。谈判持续了一周。" + SOURCE, summary="预算周二获得通过，谈判……"),
        errors=[("cut", 2, 10)],
        unsafe_fixed=fm(
            body="预算周二获得通过。谈判持续了一周。" + SOURCE,
            summary="预算周二获得通过。谈判持续了一周。",
        ),
    ),
    Case(
        "double-quotes-escaped",
        fm(
            body='The minister said "we are ready." Talks went on.' + SOURCE,
            summary="The minister said...",
        ),
        errors=[("cut", 2, 10)],
        unsafe_fixed=fm(
            body='The minister said "we are ready." Talks went on.' + SOURCE,
            summary='The minister said "we are ready." Talks went on.',
        ),
    ),
    Case(
        "single-quote-style-kept",
        "---\nsummary: 'It''s cut...' # scraped\n---\n\nIt's over. Really.\n",
        errors=[("cut", 2, 10)],
        unsafe_fixed="---\nsummary: 'It''s over. Really.' # scraped\n---\n\nIt's over. Really.\n",
    ),
    Case("not-a-string", fm(body=BODY, summary=["x..."])),
    Case("news-preset-off", fm(body=BODY, summary="The budget..."), config={"presets": ["hugo"]}),
    Case(
        "toml",
        '+++\nsummary = "The budget..."\n+++\n' + BODY,
        errors=[("cut", 2, 11)],
        unsafe_fixed=f'+++\nsummary = "{LEAD}"\n+++\n' + BODY,
    ),
    Case(
        "json",
        '{"summary": "The budget..."}\n' + BODY,
        errors=[("cut", 1, 13)],
        unsafe_fixed=f'{{"summary": "{LEAD}"}}\n' + BODY,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_summary_truncated(case: Case) -> None:
    assert_case(SummaryTruncated, case)
