from __future__ import annotations

import pytest

from newslint.rules.paragraph_heading import ParagraphHeading
from newslint.testing import Case, assert_case, fm

CASES = [
    Case(
        "sentence-above-a-short-rule",
        fm(body="Intro.\n\nThe vote passed on Monday.\n---\nMore text.\n"),
        errors=[("underline", 7, 1)],
        unsafe_fixed=fm(body="Intro.\n\nThe vote passed on Monday.\n\n---\nMore text.\n"),
    ),
    Case(
        # A disclaimer in emphasis, its full stop before the closing marker, the usual scraper
        # sign-off above a rule; CRLF kept by the inserted line.
        "emphasised-sign-off-crlf",
        "---\r\ntitle: x\r\n---\r\nBody.\r\n\r\n*This is not advice.*\r\n---\r\n",
        errors=[("underline", 7, 1)],
        unsafe_fixed="---\r\ntitle: x\r\n---\r\nBody.\r\n\r\n*This is not advice.*\r\n\r\n---\r\n",
    ),
    Case(
        "several-lines",
        fm(body="Intro.\n\nFirst line of a paragraph\nand its second line\n---\n"),
        errors=[("underline", 8, 1)],
        unsafe_fixed=fm(body="Intro.\n\nFirst line of a paragraph\nand its second line\n\n---\n"),
    ),
    Case(
        "long-text-without-a-full-stop",
        fm(body=" ".join(["word"] * 21) + "\n---\n"),
        errors=[("underline", 5, 1)],
        unsafe_fixed=fm(body=" ".join(["word"] * 21) + "\n\n---\n"),
    ),
    Case(
        "cjk-sentence",
        fm(body="本周市场综述完毕。\n---\n"),
        errors=[("underline", 5, 1)],
        unsafe_fixed=fm(body="本周市场综述完毕。\n\n---\n"),
    ),
    Case(
        # No front matter: the `---` closes a block whose opening line is broken (FM001's case).
        "front-matter-hugo-did-not-see",
        '---\u200b\ntitle: "Budget"\ndate: 2025-02-08\n---\nThe vote passed.\n',
    ),
    Case(
        # Reported, but a blank line would also end the quote: no fix.
        "in-a-blockquote",
        fm(body="> The vote passed on Monday.\n> ---\n"),
        errors=[("underline", 5, 3)],
    ),
    Case(
        # Headings: underlined as wide as the text (a converter's `<h2>`, even with a full stop),
        # short text, a question, `===`, an ATX heading, a trailing ellipsis, a rule after a
        # blank line.
        "headings-left-alone",
        fm(
            body=(
                "The broader market bore the brunt.\n"
                "----------------------------------\n\n"
                "Background\n---\n\n"
                "What happens next?\n---\n\n"
                "The vote passed on Monday.\n===\n\n"
                "## The vote passed on Monday.\n\n"
                "And then...\n---\n\n"
                "The vote passed on Monday.\n\n---\n"
            )
        ),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_paragraph_heading(case: Case) -> None:
    assert_case(ParagraphHeading, case)
