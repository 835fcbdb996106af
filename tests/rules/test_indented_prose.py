from __future__ import annotations

import pytest

from newslint.rules.indented_prose import IndentedProse
from newslint.testing import Case, assert_case, fm

FENCE = "```"

CASES = [
    Case(
        "indented-paragraph",
        fm(
            body="The vote was held.\n\n"
            "    The minister said the budget would pass this week, as talks went on.\n"
            "    A second line of the same paragraph.\n\nMore.\n",
            title="T",
        ),
        errors=[("indented", 7, 5)],
        unsafe_fixed=fm(
            body="The vote was held.\n\n"
            "The minister said the budget would pass this week, as talks went on.\n"
            "A second line of the same paragraph.\n\nMore.\n",
            title="T",
        ),
    ),
    Case(
        # A Chinese first-line indent written as four spaces.
        "indented-chinese-paragraph",
        fm(
            body="导语。\n\n    财政部长周二表示，预算将在本周通过，谈判仍在继续进行当中。\n",
            title="T",
        ),
        errors=[("indented", 7, 5)],
        unsafe_fixed=fm(
            body="导语。\n\n财政部长周二表示，预算将在本周通过，谈判仍在继续进行当中。\n", title="T"
        ),
    ),
    Case(
        # The link is shown as its source: a tab indents as four spaces do.
        "tab-indented-paragraph-with-a-link",
        fm(
            body="Intro.\n\n\tRead the [full report](https://example.org/r) on the budget, which"
            " passed on Tuesday.\n",
            title="T",
        ),
        errors=[("indented", 7, 2)],
        unsafe_fixed=fm(
            body="Intro.\n\nRead the [full report](https://example.org/r) on the budget, which"
            " passed on Tuesday.\n",
            title="T",
        ),
    ),
    Case(
        "crlf",
        '---\r\ntitle: "T"\r\n---\r\nIntro.\r\n\r\n'
        "    The minister said the budget would pass this week, as talks went on.\r\n",
        errors=[("indented", 6, 5)],
        unsafe_fixed='---\r\ntitle: "T"\r\n---\r\nIntro.\r\n\r\n'
        "The minister said the budget would pass this week, as talks went on.\r\n",
    ),
    Case(
        # Without its indentation the second line would start a list: no fix.
        "no-fix-when-a-line-would-start-another-block",
        fm(
            body="Intro.\n\n"
            "    The minister said the budget would pass this week, as talks went on.\n"
            "    - and the opposition agreed to it.\n",
            title="T",
        ),
        errors=[("indented", 7, 5)],
    ),
    Case(
        "code-is-left-alone",
        fm(
            body="Intro.\n\n    def budget(total):\n        return total * 2\n\n"
            "    const vote = 1;\n    console.log(vote);\n\n"
            "    $ pip install newslint and then run it on the site.\n\n"
            "    baseURL = https://example.org\n    title = The site of the news desk.\n\n"
            "    <p>The minister said the budget would pass this week.</p>\n",
            title="T",
        ),
    ),
    Case(
        "short-text-fenced-code-and-indented-lines-in-a-list-are-left-alone",
        fm(
            body="Intro.\n\n    Note.\n\n"
            f"{FENCE}\nThe minister said the budget would pass this week, as talks went on.\n"
            f"{FENCE}\n\n- An item.\n\n"
            "      The minister said the budget would pass this week, as talks went on.\n",
            title="T",
        ),
    ),
]


# A list item's text five spaces or more after its marker: its first block is a code block
# (hugo 0.168), as word processors and Blogger write numbered paragraphs.
CASES += [
    Case(
        "numbered-paragraph-far-after-its-marker",
        fm(
            body="Intro.\n\n1. ATNA is a grouping of three functions.\n\n"
            "2.       ATNA secure communications is not just mutual TLS, as many think.\n",
            title="T",
        ),
        errors=[("item", 9, 10)],
        unsafe_fixed=fm(
            body="Intro.\n\n1. ATNA is a grouping of three functions.\n\n"
            "2. ATNA secure communications is not just mutual TLS, as many think.\n",
            title="T",
        ),
    ),
    Case(
        # Two lines: where the second belongs depends on its indentation, so no fix.
        "bullet-over-two-lines",
        fm(
            body="-      The minister said the budget would pass this week,\n"
            "       as talks went on until late on Tuesday.\n",
            title="T",
        ),
        errors=[("item", 5, 8)],
    ),
    Case(
        # Code in a list item, and an item whose text starts four spaces after the marker.
        "code-or-text-in-items",
        fm(
            body="1.      npm install --save newslint && npm test\n\n"
            "2.    The minister said the budget would pass this week, as talks went on.\n",
            title="T",
        ),
    ),
]


# HTML that a WordPress exporter pretty-printed: a line of spaces ends the HTML block, and what
# follows indented four spaces is a code block that shows its tags (hugo 0.168).
PRETTY = "<div>\n  <h3>The vote</h3>\n  \n"
CASES += [
    Case(
        "indented-html-inside-an-open-element",
        fm(body=PRETTY + "    <p>\n      The budget passed.\n    </p>\n</div>\n", title="T"),
        errors=[("html", 8, 5)],
        unsafe_fixed=fm(body=PRETTY + "<p>\n  The budget passed.\n</p>\n</div>\n", title="T"),
    ),
    Case(
        # Two paragraphs in one code block: each starts with a tag once it loses its indentation.
        "two-indented-paragraphs",
        fm(body=PRETTY + "    <p>One.</p>\n    \n    <p>Two.</p>\n</div>\n", title="T"),
        errors=[("html", 8, 5)],
        unsafe_fixed=fm(body=PRETTY + "<p>One.</p>\n    \n<p>Two.</p>\n</div>\n", title="T"),
    ),
    Case(
        # Text that starts a block of its own once dedented: no fix.
        "no-fix-for-text-after-a-blank-line",
        fm(body=PRETTY + "    <p>One.</p>\n\n    Two.\n</div>\n", title="T"),
        errors=[("html", 8, 5)],
    ),
    Case(
        # A sample of markup, with no element left open above it; one after a closed element;
        # a script's comparison is no open tag.
        "markup-samples-are-left-alone",
        fm(
            body='Markup:\n\n    <div class="note">\n      <p>Hi</p>\n    </div>\n\n'
            "<div>\n<p>Closed.</p>\n</div>\n\n    <p>Sample.</p>\n\n"
            "<script>\nif (a <b && c > d) {}\n</script>\n\n    <p>Sample.</p>\n",
            title="T",
        ),
    ),
]


# hugo 0.168 hands a `{{< >}}` body to its shortcode, not to Markdown: a `rawhtml` shortcode
# (`{{ .Inner }}`) shows it as written, code block or none. A `{{% %}}` body is Markdown.
SHORTCODE_BODIES = [
    Case(
        "angle-shortcode-body",
        fm(
            body="Intro.\n\n{{< rawhtml >}}\n<div>\n\n    <p>The minister said the budget would"
            " pass.</p>\n</div>\n\n    The minister said the budget would pass this week, as"
            " talks went on.\n\n{{< /rawhtml >}}\n",
            title="T",
        ),
    ),
    Case(
        "percent-shortcode-body",
        fm(
            body="Intro.\n\n{{% note %}}\n\n    The minister said the budget would pass this week,"
            " as talks went on.\n\n{{% /note %}}\n",
            title="T",
        ),
        errors=[("indented", 9, 5)],
        unsafe_fixed=fm(
            body="Intro.\n\n{{% note %}}\n\nThe minister said the budget would pass this week,"
            " as talks went on.\n\n{{% /note %}}\n",
            title="T",
        ),
    ),
]


# A wrapped line of prose may start with a word that opens a line of code (`if`, `from`, `for`,
# a Norwegian `var`); a line of code opens with it the way code does.
WRAPPED = (
    "    The council will vote on the budget on Tuesday, and the minister said\n"
    "    if the council agrees, the new rates apply to every household\n"
    "    from Monday on, while the opposition wants a delay until\n"
    "    the spring, for the talks to go on.\n"
)
NORWEGIAN = (
    "    Statsministeren sa tirsdag at budsjettet ville bli vedtatt denne uken,\n"
    "    for regjeringen har flertall i Stortinget, og forhandlingene\n"
    "    var nesten ferdige da møtet ble avsluttet.\n"
)
CASES += [
    Case(
        "wrapped-lines-that-start-with-if-from-for",
        fm(body="Intro.\n\n" + WRAPPED, title="T"),
        errors=[("indented", 7, 5)],
        unsafe_fixed=fm(body="Intro.\n\n" + WRAPPED.replace("    ", ""), title="T"),
    ),
    Case(
        "wrapped-norwegian-lines-that-start-with-for-var",
        fm(body="Intro.\n\n" + NORWEGIAN, title="T"),
        errors=[("indented", 7, 5)],
        unsafe_fixed=fm(body="Intro.\n\n" + NORWEGIAN.replace("    ", ""), title="T"),
    ),
    Case(
        # Each block is code by its keyword line alone (its comment reads as a sentence).
        "python-and-script-keyword-lines-are-code",
        fm(
            body="Intro.\n\n"
            "    # Publish the story only when the minister says the budget passed.\n"
            "    if budget.passed:\n        story.publish\n\n"
            "    # Read the budget figures the minister gave to the council on Tuesday.\n"
            "    from newsroom.budget import figures as numbers\n\n"
            "    # Count the votes the council cast on the budget on Tuesday night.\n"
            "    for vote in council.votes:\n        tally.add\n\n"
            "    # The rates the council agreed on apply to every household in town.\n"
            "    var rates = council.rates\n\n"
            "    # Wait for the council to finish the vote on the budget before going on.\n"
            "    while (council.voting)\n        wait\n\n"
            "    # Print the result of the vote for every household in the town today.\n"
            "    import newsroom.print\n",
            title="T",
        ),
    ),
]


@pytest.mark.parametrize("case", SHORTCODE_BODIES, ids=lambda c: c.name)
def test_shortcode_bodies(case: Case) -> None:
    assert_case(IndentedProse, case)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_indented_prose(case: Case) -> None:
    assert_case(IndentedProse, case)
