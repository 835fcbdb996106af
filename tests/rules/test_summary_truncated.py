from __future__ import annotations

import pytest

from newslint.rules.summary_truncated import SummaryTruncated
from newslint.site import Site
from newslint.testing import Case, assert_case, fm

SOURCE = "\n\n[source](https://example.com/a)\n"
BODY = "The budget passed on Tuesday. Talks went on for a week." + SOURCE
LEAD = "The budget passed on Tuesday. Talks went on for a week."
LONG_LEAD = (
    "The budget passed on Tuesday after a week of talks between the two parties in the chamber."
)
LONG_TEXT = LONG_LEAD + " Here is what editors need to know! Talks went on."
LONG_BODY = LONG_TEXT + SOURCE
RTL_BODY = (
    '<p dir="rtl">أقر البرلمان الميزانية يوم الثلاثاء.</p>\n\nوصوت النواب بالأغلبية.' + SOURCE
)

CASES = [
    Case("complete", fm(body=BODY, summary="The budget passed on Tuesday.")),
    Case(
        "three-dots",
        fm(body=BODY, title="Budget", summary="The budget passed on..."),
        errors=[("cut", 3, 10)],
        unsafe_fixed=fm(body=BODY, title="Budget", summary=LEAD),
    ),
    # A paragraph written as `<p dir="rtl">` opens the page where the site renders raw HTML.
    Case(
        "rewritten-from-an-html-paragraph-the-site-renders",
        fm(body=RTL_BODY, summary="أقر البرلمان..."),
        site=Site(unsafe_html=True),
        errors=[("cut", 2, 10)],
        # Short of summary-length's minimum, the opening goes on with the next paragraph.
        unsafe_fixed=fm(
            body=RTL_BODY, summary="أقر البرلمان الميزانية يوم الثلاثاء. وصوت النواب بالأغلبية."
        ),
    ),
    # Damage in the opening sentences (a BEL, mojibake's C1 control) would hide behind an escape
    # in the quoted summary: no fix until control-char and mojibake repaired the body.
    Case(
        "lead-with-control-characters-no-fix",
        fm(body="The\x07 budget passed \u00e2\u20ac\x9dtoday." + SOURCE, summary="The budget..."),
        errors=[("cut", 2, 10)],
    ),
    Case(
        "lead-with-a-lost-character-no-fix",
        fm(body="The budget passed \ufffd on Tuesday. Talks went on." + SOURCE, summary="The b..."),
        errors=[("cut", 2, 10)],
    ),
    Case(
        # Two dots are a hurried ellipsis.
        "two-dots",
        fm(body=BODY, summary="The budget passed on Tuesday. Talks went on.."),
        errors=[("cut", 2, 10)],
        unsafe_fixed=fm(body=BODY, summary=LEAD),
    ),
    # ... but not after an abbreviation, where they are its full stop and the sentence's.
    Case("two-dots-after-an-abbreviation", fm(body=BODY, summary="The budget came from the U.S..")),
    Case("two-dots-after-etc", fm(body=BODY, summary="Taxes, fees, etc..")),
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
        "ellipsis-before-an-unopened-closing-quote",
        fm(body=BODY, summary='He said we will pass it..."'),
        errors=[("cut", 2, 10)],
        unsafe_fixed=fm(body=BODY, summary=LEAD),
    ),
    Case(
        "ellipsis-inside-an-open-quote",
        fm(body=BODY, summary="He called it \u201ca plan that would\u2026"),
        errors=[("cut", 2, 10)],
        unsafe_fixed=fm(body=BODY, summary=LEAD),
    ),
    # A quotation that trails off and is closed again was written that way: a scraper that cuts
    # a summary does not close the quote it cut.
    Case("quoted-fragment-trails-off", fm(body=BODY, summary='He said "we will pass it..."')),
    Case(
        "quoted-fragment-trails-off-curly",
        fm(body=BODY, summary="He called it \u201ca plan that would\u2026\u201d"),
    ),
    Case(
        "quoted-fragment-trails-off-guillemets",
        fm(body=BODY, summary="Il a parl\u00e9 d\u2019\u00ab\u00a0un plan qui\u2026\u00a0\u00bb"),
    ),
    Case(
        "ellipsis-before-an-unopened-guillemet",
        fm(body=BODY, summary="Il a parl\u00e9 d\u2019un plan qui\u2026\u00a0\u00bb"),
        errors=[("cut", 2, 10)],
        unsafe_fixed=fm(body=BODY, summary=LEAD),
    ),
    Case(
        "html-ellipsis-reference",
        fm(body=BODY, summary="The budget passed on&hellip;"),
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
    # A long summary that is the body's opening stopped between two words of a sentence was cut
    # at a fixed length (a WordPress excerpt's 55 words), as a CJK one stopped inside a word is.
    Case(
        "mid-sentence-cut-of-a-long-opening",
        fm(body=LONG_BODY, summary=LONG_LEAD + " Here is what editors need to"),
        errors=[("mid-sentence", 2, 10)],
        unsafe_fixed=fm(body=LONG_BODY, summary=LONG_TEXT),
    ),
    Case(
        "mid-sentence-cut-at-a-comma",
        fm(
            body=LONG_LEAD + " Editors, she said, need to know more." + SOURCE,
            summary=LONG_LEAD + " Editors, she said,",
        ),
        errors=[("mid-sentence", 2, 10)],
        unsafe_fixed=fm(
            body=LONG_LEAD + " Editors, she said, need to know more." + SOURCE,
            summary=LONG_LEAD + " Editors, she said, need to know more.",
        ),
    ),
    Case(
        "mid-sentence-cut-with-character-references",
        fm(
            body=LONG_BODY.replace("is what", "is &#8220;what"),
            summary=LONG_LEAD + " Here is &#8220;what editors need to",
        ),
        errors=[("mid-sentence", 2, 10)],
        unsafe_fixed=fm(
            body=LONG_BODY.replace("is what", "is &#8220;what"),
            summary=LONG_TEXT.replace("is what", "is &#8220;what"),
        ),
    ),
    # An excerpt cut at a fixed length runs the paragraph and the subheading after it together:
    # a summary that stops inside the heading (`... chamber. Why`) was cut there. The heading's
    # Goldmark attributes are no words of it.
    Case(
        "mid-sentence-cut-inside-a-subheading",
        fm(
            body=LONG_LEAD + "\n\n## Why we did it {#why}\n\nTalks went on." + SOURCE,
            summary=LONG_LEAD + " Why",
        ),
        errors=[("mid-sentence", 2, 10)],
        unsafe_fixed=fm(
            body=LONG_LEAD + "\n\n## Why we did it {#why}\n\nTalks went on." + SOURCE,
            summary=LONG_LEAD,
        ),
    ),
    Case(
        "mid-word-cut-inside-a-subheading",
        fm(
            body=LONG_LEAD + "\n\n## Why we did it\n\nTalks went on." + SOURCE,
            summary=LONG_LEAD + " Wh",
        ),
        errors=[("mid-word", 2, 10)],
        unsafe_fixed=fm(
            body=LONG_LEAD + "\n\n## Why we did it\n\nTalks went on." + SOURCE,
            summary=LONG_LEAD,
        ),
    ),
    Case(
        "long-summary-ending-before-a-subheading-is-fine",
        fm(
            body=LONG_LEAD + "\n\n## Why we did it\n\nTalks went on." + SOURCE,
            summary=LONG_LEAD,
        ),
    ),
    Case(
        "long-whole-sentences-are-fine",
        fm(body=LONG_BODY, summary=LONG_LEAD),
    ),
    Case(
        "long-summary-ending-where-a-paragraph-does-is-fine",
        fm(
            body=LONG_LEAD + " Here is what editors need to know\n\nMore follows here." + SOURCE,
            summary=LONG_LEAD + " Here is what editors need to know",
        ),
    ),
    Case(
        "long-summary-ending-where-the-sentence-does-is-fine",
        fm(body=LONG_BODY, summary=LONG_LEAD + " Here is what editors need to know"),
    ),
    Case(
        "long-summary-not-from-the-body-is-fine",
        fm(
            body=LONG_BODY,
            summary="Editors across the country need to know what the budget of this year holds for them and",
        ),
    ),
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
        # A Greek `;` is the question mark: the lead within `max-chars` stops after the question.
        "greek-question-mark-ends-the-lead",
        fm(
            body="Τι θα γίνει με τον προϋπολογισμό; Η βουλή ψηφίζει την Τρίτη." + SOURCE,
            summary="Τι θα γίνει με τον...",
        ),
        options={"max-chars": 40},
        errors=[("cut", 2, 10)],
        unsafe_fixed=fm(
            body="Τι θα γίνει με τον προϋπολογισμό; Η βουλή ψηφίζει την Τρίτη." + SOURCE,
            summary="Τι θα γίνει με τον προϋπολογισμό;",
        ),
    ),
    Case(
        # The lead short of summary-length's minimum (40) goes on with the next paragraph, so
        # the new summary is not reported as short; a one-sentence body gives what it has.
        "short-lead-goes-on-with-the-next-paragraph",
        fm(body="The budget passed.\n\nTalks went on for a week." + SOURCE, summary="The..."),
        errors=[("cut", 2, 10)],
        unsafe_fixed=fm(
            body="The budget passed.\n\nTalks went on for a week." + SOURCE,
            summary="The budget passed. Talks went on for a week.",
        ),
    ),
    Case(
        # A cut summary long enough for summary-length is not traded for a whole lead too short
        # for it (a press release's opening line): no fix.
        "no-short-lead-in-place-of-a-long-enough-cut-summary",
        fm(
            body="Time: 2:00 p.m.\n\nPresenter: CFO" + SOURCE,
            summary="Clean Harbors will present at the following investor conferences: Bank...",
        ),
        errors=[("cut", 2, 10)],
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
        # Taiwan and Hong Kong centre the ellipsis (U+22EF): a cut summary all the same.
        "centred-ellipsis-of-traditional-chinese",
        fm(body="預算週二獲得通過。談判持續了一週。" + SOURCE, summary="預算週二獲得通過，談判⋯⋯"),
        errors=[("cut", 2, 10)],
        unsafe_fixed=fm(
            body="預算週二獲得通過。談判持續了一週。" + SOURCE,
            summary="預算週二獲得通過。談判持續了一週。",
        ),
    ),
    Case(
        "cjk-lead-within-a-third-of-max-chars",
        # summary-length allows a mostly-CJK summary a third of `max`: the new summary must fit it.
        fm(
            body="\u9884\u7b97\u5468\u4e8c\u83b7\u5f97\u901a\u8fc7\u3002" * 40 + SOURCE,
            summary="\u9884\u7b97\u2026\u2026",
        ),
        errors=[("cut", 2, 10)],
        unsafe_fixed=fm(
            body="\u9884\u7b97\u5468\u4e8c\u83b7\u5f97\u901a\u8fc7\u3002" * 40 + SOURCE,
            summary="\u9884\u7b97\u5468\u4e8c\u83b7\u5f97\u901a\u8fc7\u3002" * 11,
        ),
    ),
    Case(
        "korean-sentences-keep-their-space",
        fm(
            body="\uc11c\uc6b8\uc5d0\uc11c \ud654\uc7ac\uac00 \ubc1c\uc0dd\ud588\ub2e4. \uc18c\ubc29\uad00\uc774 \ucd9c\ub3d9\ud588\ub2e4."
            + SOURCE,
            summary="\uc11c\uc6b8\uc5d0\uc11c \ud654\uc7ac\uac00...",
        ),
        errors=[("cut", 2, 10)],
        unsafe_fixed=fm(
            body="\uc11c\uc6b8\uc5d0\uc11c \ud654\uc7ac\uac00 \ubc1c\uc0dd\ud588\ub2e4. \uc18c\ubc29\uad00\uc774 \ucd9c\ub3d9\ud588\ub2e4."
            + SOURCE,
            summary="\uc11c\uc6b8\uc5d0\uc11c \ud654\uc7ac\uac00 \ubc1c\uc0dd\ud588\ub2e4. \uc18c\ubc29\uad00\uc774 \ucd9c\ub3d9\ud588\ub2e4.",
        ),
    ),
    Case(
        "no-lead-ending-in-an-abbreviation",
        # `et al.` before a lower-case word ends no sentence: the opening sentence is longer than
        # `max-chars`, so there is no fix (not the fragment "Smith et al.").
        fm(
            body="Smith et al. found the effect in 2020. It was large." + SOURCE, summary="Smith..."
        ),
        options={"max-chars": 20},
        errors=[("cut", 2, 10)],
    ),
    Case(
        # German ordinals (`3. Oktober`) and `z. B.` end no sentence: the lead is not "Am 3.".
        "german-ordinal-and-abbreviation",
        fm(
            body="Am 3. Oktober kam z. B. Olaf. Er blieb lange im Amt und regierte das Land."
            + SOURCE,
            summary="Am 3. Oktober...",
        ),
        options={"max-chars": 40},
        errors=[("cut", 2, 10)],
        unsafe_fixed=fm(
            body="Am 3. Oktober kam z. B. Olaf. Er blieb lange im Amt und regierte das Land."
            + SOURCE,
            summary="Am 3. Oktober kam z. B. Olaf.",
        ),
    ),
    Case(
        "german-ordinal-is-no-sentence-end",
        fm(body="Am 3. Oktober kam Olaf. Er blieb." + SOURCE, summary="Am 3. Oktober..."),
        options={"max-chars": 12},
        errors=[("cut", 2, 10)],
    ),
    Case(
        "german-abbreviation-is-no-sentence-end",
        fm(body="Es kam z. B. Olaf. Er blieb." + SOURCE, summary="Es kam..."),
        options={"max-chars": 14},
        errors=[("cut", 2, 10)],
    ),
    Case(
        "ellipsis-inside-a-sentence-of-the-body",
        fm(body="Profits rose... and then fell. Analysts cheered." + SOURCE, summary="Profits..."),
        errors=[("cut", 2, 10)],
        unsafe_fixed=fm(
            body="Profits rose... and then fell. Analysts cheered." + SOURCE,
            summary="Profits rose... and then fell. Analysts cheered.",
        ),
    ),
    Case(
        "french-closing-guillemet-stays-with-its-sentence",
        fm(
            body="Il a dit\u00a0: \u00ab\u00a0Nous avons gagn\u00e9.\u00a0\u00bb Puis il est parti."
            + SOURCE,
            summary="Il a dit...",
        ),
        options={"max-chars": 32},
        errors=[("cut", 2, 10)],
        unsafe_fixed=fm(
            body="Il a dit\u00a0: \u00ab\u00a0Nous avons gagn\u00e9.\u00a0\u00bb Puis il est parti."
            + SOURCE,
            # The no-break spaces of French typography stay in the new summary.
            summary="Il a dit\u00a0: \u00ab\u00a0Nous avons gagn\u00e9.\u00a0\u00bb",
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
    Case(
        "new-summary-keeps-no-break-spaces",
        fm(
            summary="Le ministre a dit...",
            body="Le ministre a dit\u202f: «\u00a0Le budget passera.\u00a0» Les débats continuent.\n",
        ),
        errors=[("cut", 2, 10)],
        unsafe_fixed=fm(
            summary="Le ministre a dit\u202f: «\u00a0Le budget passera.\u00a0» Les débats continuent.",
            body="Le ministre a dit\u202f: «\u00a0Le budget passera.\u00a0» Les débats continuent.\n",
        ),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_summary_truncated(case: Case) -> None:
    assert_case(SummaryTruncated, case)


# STYLE.md's example of a rule test, verbatim: `fm`'s default body is the article it assumes.
STYLE_GUIDE_CASES = [
    Case("complete", fm(summary="The budget passed.")),
    Case(
        "dots",
        fm(summary="The budget..."),
        errors=[("cut", 2, 10)],
        unsafe_fixed=fm(summary="The budget passed on Tuesday."),
    ),
    Case("not-a-string", fm(summary=3)),  # field-type reports this one
]


@pytest.mark.parametrize("case", STYLE_GUIDE_CASES, ids=lambda c: c.name)
def test_the_style_guide_example_runs_as_written(case: Case) -> None:
    assert_case(SummaryTruncated, case)


@pytest.mark.parametrize(
    ("summary", "ending"), [("谈判……", "……"), ("談判⋯⋯", "⋯⋯"), ("談判⋯", "⋯")]
)
def test_the_whole_chinese_ellipsis_is_named(summary: str, ending: str) -> None:
    from newslint.engine import check_text

    found = check_text(fm(body="谈判持续了一周。" + SOURCE, summary=summary), select=["TX001"])
    assert [d.message for d in found] == [f"summary is cut off ({ending!r})"]


@pytest.mark.parametrize(
    ("opening", "cut", "tail"),
    [
        # Thai: `วันอังคาร` (Tuesday) cut to `วันอัง`; the tail keeps `ั` with its letter
        ("รัฐสภาอนุมัติงบประมาณเมื่อวันอังคาร", "รัฐสภาอนุมัติงบประมาณเมื่อวันอัง", "มื่อวันอัง"),
        # Khmer: `ថ្ងៃអង្គារ` (Tuesday) cut inside
        ("សភាបានអនុម័តថវិកានៅថ្ងៃអង្គារ", "សភាបានអនុម័តថវិកានៅថ្ងៃអង្", "នៅថ្ងៃអង្"),
    ],
)
def test_a_cut_in_a_script_without_spaces_quotes_the_tail(
    opening: str, cut: str, tail: str
) -> None:
    """Thai, Lao and Khmer put no space between words: the message quotes the summary's last
    few characters, not all of it as "the word"."""
    from newslint.engine import check_text

    found = check_text(fm(body=opening + " ข่าว" + SOURCE, summary=cut), select=["TX001"])
    assert [(d.code, d.line, d.column) for d in found] == [("TX001", 2, 10)]
    assert [d.message for d in found] == [f"summary stops in the middle of a word ({tail!r})"]
