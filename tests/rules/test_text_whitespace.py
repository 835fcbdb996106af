from __future__ import annotations

import pytest

from newslint.rules.text_whitespace import TextWhitespace
from newslint.testing import Case, assert_case, fm

NBSP = "\u00a0"

CASES = [
    Case("clean", fm(title="Trump hails partnership", summary="One. Two.")),
    Case(
        "leading-and-trailing",
        fm(title="  Trump hails partnership "),
        errors=[("leading", 2, 9), ("trailing", 2, 34)],
        fixed=fm(title="Trump hails partnership"),
    ),
    Case(
        "double-space",
        fm(summary="Binance (CRYPTO: BNB),  said he would"),
        errors=[("double", 2, 33)],
        fixed=fm(summary="Binance (CRYPTO: BNB), said he would"),
    ),
    Case(
        "nbsp-between-words-and-in-a-run",
        fm(title=f"Nasdaq{NBSP}Listing rule,{NBSP} said"),
        errors=[("nbsp", 2, 15), ("double", 2, 29)],
        fixed=fm(title="Nasdaq Listing rule, said"),
    ),
    Case(
        "typographic-nbsp-kept",
        fm(
            title=f"Run 10{NBSP}km with M.{NBSP}Smith",
            summary=f"Le prix{NBSP}: «{NBSP}oui{NBSP}» pour 5{NBSP}€",
        ),
    ),
    Case(
        "unicode-spaces-at-the-ends",
        fm(
            title="\u3000\u6771\u4eac\u306e\u706b\u707d\u3000",
            summary="Trump hails partnership\u2003",
        ),
        errors=[("leading", 2, 9), ("trailing", 2, 15), ("trailing", 3, 34)],
        fixed=fm(title="\u6771\u4eac\u306e\u706b\u707d", summary="Trump hails partnership"),
    ),
    Case(
        "typographic-nbsp-at-dashes", fm(title=f"Prices up{NBSP}\u2014 and down \u2014{NBSP}today")
    ),
    # Czech, Slovak, Polish and Russian typography bind a one-letter word to the next word.
    Case(
        "nbsp-after-one-letter-word-in-czech",
        fm(title=f"Po\u017e\u00e1r v{NBSP}Praze"),
        path="content/cs/news/article.cs.md",
    ),
    Case(
        "nbsp-after-one-letter-word-in-russian",
        fm(
            title=f"\u041f\u043e\u0436\u0430\u0440 \u0432{NBSP}\u041c\u043e\u0441\u043a\u0432\u0435"
        ),
        language="ru-RU",
    ),
    Case(
        "nbsp-after-one-letter-word-in-english",
        fm(title=f"Creating a{NBSP}meme coin"),
        errors=[("nbsp", 2, 19)],
        fixed=fm(title="Creating a meme coin"),
    ),
    Case(
        "tab",
        fm(lead="Markets\tfell"),
        errors=[("tab", 2, 15)],
        fixed=fm(lead="Markets fell"),
    ),
    Case(
        "escaped-line-break",
        '---\ntitle: "Markets\\nfell"\n---\nBody.\n',
        errors=[("line-break", 2, 16)],
        fixed='---\ntitle: "Markets fell"\n---\nBody.\n',
    ),
    Case("not-a-text-field", fm(author="  Tom ")),
    Case(
        "cjk-ideographic-space-kept-but-double-space-flagged",
        fm(title="本周化工市场综述\u3000\u3000本周市场", summary="將赤字削減至3%  否則該辭職"),
        errors=[("double", 3, 19)],
        fixed=fm(title="本周化工市场综述\u3000\u3000本周市场", summary="將赤字削減至3% 否則該辭職"),
    ),
    Case(
        "block-scalar-keeps-its-line-breaks",
        "---\nsummary: |\n  First line.\n  Second  line.\n---\nBody.\n",
        errors=[("double", 4, 9)],
        fixed="---\nsummary: |\n  First line.\n  Second line.\n---\nBody.\n",
    ),
    Case(
        # The tab ends the block's last line and so belongs to the value: the edit removes just it.
        "block-scalar-last-line-ends-with-a-tab",
        "---\ntitle: |\n  Budget vote\t\nsummary: >\n  One two.  \n---\nBody.\n",
        errors=[("trailing", 3, 14), ("trailing", 5, 11)],
        fixed="---\ntitle: |\n  Budget vote\nsummary: >\n  One two.\n---\nBody.\n",
    ),
    Case(
        "single-quoted",
        "---\ntitle: ' It''s  here'\n---\nBody.\n",
        errors=[("leading", 2, 9), ("double", 2, 15)],
        fixed="---\ntitle: 'It''s here'\n---\nBody.\n",
    ),
    Case(
        "crlf",
        '---\r\ntitle: "A  B "\r\n---\r\nBody.\r\n',
        errors=[("double", 2, 10), ("trailing", 2, 13)],
        fixed='---\r\ntitle: "A B"\r\n---\r\nBody.\r\n',
    ),
    Case(
        "toml",
        '+++\ntitle = " A  B"\n+++\nBody.\n',
        errors=[("leading", 2, 10), ("double", 2, 12)],
        fixed='+++\ntitle = "A B"\n+++\nBody.\n',
    ),
    Case(
        # The author chose a multi-line string: its soft breaks and the blank line between the
        # summary's two paragraphs (Hugo renders the summary as Markdown) stay; a run inside a
        # line still counts. Seen on a Blowfish church site (emk-jena).
        "toml-multiline-string-keeps-its-line-breaks",
        '+++\nsummary = """First line, \nsecond  line.\n\nNew paragraph."""\n'
        "lead = '''One\ntwo '''\n+++\nBody.\n",
        errors=[("double", 3, 7), ("trailing", 7, 4)],
        fixed='+++\nsummary = """First line, \nsecond line.\n\nNew paragraph."""\n'
        "lead = '''One\ntwo'''\n+++\nBody.\n",
    ),
    Case(
        "json",
        '{"title": "A  B "}\nBody.\n',
        errors=[("double", 1, 13), ("trailing", 1, 16)],
        fixed='{"title": "A B"}\nBody.\n',
    ),
    Case(
        "capitalised-key",
        fm(Title="Trump  hails partnership"),
        errors=[("double", 2, 14)],
        fixed=fm(Title="Trump hails partnership"),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_text_whitespace(case: Case) -> None:
    assert_case(TextWhitespace, case)


def test_folded_scalar_with_blank_line_is_rewritten_whole() -> None:
    # A blank line inside `>` cannot be mapped character by character: the value is rewritten as a
    # quoted string, the line break before the next key stays, and the next pass normalises the
    # now-quoted value's line breaks too.
    case = Case(
        "folded-blank-line",
        "---\nsummary: >\n  One  two.\n\n  Three.\ntitle: x\n---\nBody.\n",
        errors=[("double", 2, 10)],
        fixed='---\nsummary: "One two. Three."\ntitle: x\n---\nBody.\n',
    )
    assert_case(TextWhitespace, case)


# A custom text field (`lead`) under `params` is the page's `.Params.lead` (hugo 0.168), over a
# top-level one, which is then read by nothing: checked under `params` only. Hugo's own fields
# are never read from `params`: a `params.title` is not checked as the title.
PARAMS_CASES = [
    Case(
        "params-lead-over-top-level",
        "---\nlead: 'The  plan'\nparams:\n  lead: 'The  plan'\n  title: 'The  plan'\n---\n",
        errors=[("double", 4, 13)],
        fixed="---\nlead: 'The  plan'\nparams:\n  lead: 'The plan'\n  title: 'The  plan'\n---\n",
    ),
]


@pytest.mark.parametrize("case", PARAMS_CASES, ids=lambda c: c.name)
def test_a_text_field_under_params(case: Case) -> None:
    assert_case(TextWhitespace, case)
