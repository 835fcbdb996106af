from __future__ import annotations

import pytest

from newslint.rules.invisible_char import InvisibleChar
from newslint.testing import Case, assert_case, fm

ZWJ = "\u200d"

CASES = [
    Case("clean", fm(body="Bitcoin fell 5% on Monday.\n", title="T")),
    Case(
        "zero-width-space",
        fm(body="Bitcoin\u200b fell.\n", title="T"),
        errors=[("invisible", 5, 8)],
        fixed=fm(body="Bitcoin fell.\n", title="T"),
    ),
    Case(
        "run-of-joiners-after-cjk",
        fm(body="地位。" + ZWJ * 21 + "\n\n**标题" + ZWJ + "**\n", title="T"),
        errors=[("invisible", 5, 4), ("invisible", 7, 5)],
        fixed=fm(body="地位。\n\n**标题**\n", title="T"),
    ),
    Case(
        "emoji-sequences-kept",
        fm(body=f"Family 👨{ZWJ}👩{ZWJ}👧, 🏳️{ZWJ}🌈, 🧑{ZWJ}💻, 🏃{ZWJ}♀️.\n", title="T"),
    ),
    Case(
        "joiner-after-emoji-but-before-text",
        fm(body=f"Fire 🔥{ZWJ} now.\n", title="T"),
        errors=[("invisible", 5, 7)],
        fixed=fm(body="Fire 🔥 now.\n", title="T"),
    ),
    Case("persian-and-devanagari-joiners-kept", fm(body="می\u200cخواهم and क्\u200dष\n", title="T")),
    Case("thai-word-break-kept", fm(body="ภาษา\u200bไทย\n", title="T")),
    Case(
        "bidi-override-in-latin-text",
        fm(body="abc\u202egnp.exe and \u200eok\n", title="T"),
        errors=[("bidi", 5, 4), ("bidi", 5, 17)],
        fixed=fm(body="abcgnp.exe and ok\n", title="T"),
    ),
    # Trojan Source: bidi controls in code make it display in another order than it runs.
    Case(
        "trojan-source-in-code",
        fm(
            body='```python\nif access != "user\u202e \u2066// admin\u2069 \u2066":\n```\n',
            title="T",
        ),
        errors=[("code", 6, 19), ("code", 6, 21), ("code", 6, 30), ("code", 6, 32)],
        unsafe_fixed=fm(body='```python\nif access != "user // admin ":\n```\n', title="T"),
    ),
    Case(
        "trojan-source-in-code-of-a-hebrew-article",
        fm(body="שלום \u200f(עולם)\n\n`x = 1 \u2067# y\u2069`\n", title="T"),
        errors=[("code", 7, 8), ("code", 7, 12)],
        unsafe_fixed=fm(body="שלום \u200f(עולם)\n\n`x = 1 # y`\n", title="T"),
    ),
    Case(
        "override-in-hebrew-prose",
        fm(body="שלום \u202eabc \u2067עולם\u2069\n", title="T"),
        errors=[("override", 5, 6)],
        fixed=fm(body="שלום abc \u2067עולם\u2069\n", title="T"),
    ),
    Case("bidi-mark-in-hebrew-kept", fm(body="שלום \u200f(עולם)\n", title="T")),
    Case("leading-bom-is-not-this-rule", '\ufeff---\ntitle: "T"\n---\n\nok\n'),
    Case(
        "word-joiner-inner-bom-and-front-matter",
        fm(body="a\u2060b\ufeffc\n", title="Zero\u200bwidth"),
        errors=[("invisible", 2, 13), ("invisible", 5, 2), ("invisible", 5, 4)],
        fixed=fm(body="abc\n", title="Zerowidth"),
    ),
    Case(
        "crlf",
        '---\r\ntitle: "T"\r\n---\r\n\r\nA\u200b\r\nB\u200b\r\n',
        errors=[("invisible", 5, 2), ("invisible", 6, 2)],
        fixed='---\r\ntitle: "T"\r\n---\r\n\r\nA\r\nB\r\n',
    ),
    Case(
        "front-matter-unterminated-still-reported",
        '---\ntitle: "T\u200b"\n',
        errors=[("invisible", 2, 10)],
    ),
    # Written as escapes in a nested string or in a key, they are in the page all the same:
    # reported at that string or key, without a fix there (as control-char does).
    Case(
        "escaped-in-a-json-list-item-and-a-key",
        '{\n"title": "T",\n"tags": ["a\\u200bb"],\n"k\\u202ey": 1\n}\n\nBody.\n',
        errors=[("invisible", 3, 10), ("bidi", 4, 1)],
    ),
    Case(
        "escaped-in-a-yaml-list-and-key",
        '---\ntitle: "T"\ntags: ["a\\u200bb"]\n"k\\u2060y": 1\n---\n\nBody.\n',
        errors=[("invisible", 3, 8), ("invisible", 4, 1)],
    ),
    # A TOML multi-line string has no character map: each run is placed by the value's whole
    # span, with one fix that rewrites the value, so the string is reported once.
    Case(
        "escaped-twice-in-a-toml-multi-line-string",
        '+++\ntitle = """a\\u200bb\nc\\u200bd"""\n+++\n\nBody.\n',
        errors=[("invisible", 2, 9)],
        fixed='+++\ntitle = """ab\ncd"""\n+++\n\nBody.\n',
    ),
    Case(
        "escaped-in-a-toml-table",
        '+++\ntitle = "T"\n[params]\nnote = "a\\u200db"\n+++\n\nBody.\n',
        errors=[("invisible", 4, 8)],
    ),
    # Joiners in a joining script or an emoji sequence stay legitimate written as escapes.
    Case(
        "escaped-joiners-in-persian-and-emoji-kept",
        '---\ntitle: "T"\ntags:\n  - "\\u0645\\u06cc\\u200c\\u062e"\n'
        '  - "\\U0001F468\\u200d\\U0001F469"\n---\n\nBody.\n',
    ),
    Case(
        "escaped-bidi-mark-in-a-hebrew-article-kept",
        '---\ntitle: "T"\nparams:\n  note: "\\u05e9\\u200f"\n---\n\nשלום\n',
    ),
    Case(
        "nested-escapes-of-other-characters-are-fine",
        '{\n"title": "T",\n"tags": ["caf\\u00e9", "tab\\there"]\n}\n\nBody.\n',
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_invisible_char(case: Case) -> None:
    assert_case(InvisibleChar, case)


def test_message_names_the_characters() -> None:
    import newslint
    from newslint.site import Site

    found = newslint.check_text(
        fm(body="a\u200b\u200bb" + ZWJ * 3 + "c\n", title="T"), select=["EN003"], site=Site()
    )
    assert [d.message for d in found] == [
        "invisible 2 × U+200B ZERO WIDTH SPACE",
        "invisible 3 × U+200D ZERO WIDTH JOINER",
    ]


def test_bidi_control_in_code_is_an_error() -> None:
    import newslint
    from newslint.site import Site

    text = fm(body="`a\u202eb` and a\u202ec\n", title="T")
    found = newslint.check_text(text, select=["EN003"], site=Site())
    assert [(d.column, d.severity.name, d.message) for d in found] == [
        (
            3,
            "ERROR",
            "bidirectional control U+202E RIGHT-TO-LEFT OVERRIDE in code: it can show the "
            "code in another order than it runs (Trojan Source)",
        ),
        (
            12,
            "WARNING",
            "bidirectional control U+202E RIGHT-TO-LEFT OVERRIDE in text without "
            "right-to-left script",
        ),
    ]
