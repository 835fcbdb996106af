from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint.config import Config
from newslint.document import Document
from newslint.engine import build_ruleset, fix_document
from newslint.rules.control_char import ControlChar
from newslint.site import Site
from newslint.testing import Case, assert_case, fm

CASES = [
    Case("tab-and-newline-are-fine", fm(body="Tab\there.\n", title="T")),
    Case(
        "bell",
        fm(body="The vote\x07 passed.\n", title="T"),
        errors=[("control", 5, 9)],
        fixed=fm(body="The vote passed.\n", title="T"),
    ),
    Case(
        "terminal-escape-sequences",
        fm(body="Red \x1b[31mtext\x1b[0m here.\n", title="T"),
        errors=[("escape", 5, 5), ("escape", 5, 14)],
        fixed=fm(body="Red text here.\n", title="T"),
    ),
    Case(
        "form-feed-and-nul-run",
        fm(body="form\x0cfeed and \x00\x01.\n", title="T"),
        errors=[("control", 5, 5), ("control", 5, 15)],
        fixed=fm(body="formfeed and .\n", title="T"),
    ),
    Case(
        "c1-left-to-mojibake-when-it-stands-for-a-character",
        fm(body="x\x81y and It\x92s and âš”ï¸\x8f\n", title="T"),
        errors=[("control", 5, 2)],
        fixed=fm(body="xy and It\x92s and âš”ï¸\x8f\n", title="T"),
    ),
    # Czech in Windows-1250 read as Latin-1: `\x9d` is the `ť` of a line mojibake reads back
    # whole, over ftfy's pieces for `\x9a` and `\x9e` (overlapping spans, merged).
    Case(
        "c1-inside-a-czech-line-read-back-whole",
        fm(body="Ministr øekl, \x9ee rozpoèet pøí\x9atí rok a\x9d bude men\x9aí.\n", title="T"),
    ),
    Case(
        "crlf-line-ending-is-not-a-control-here",
        '---\r\ntitle: "T"\r\n---\r\n\r\nline\x7f\r\nnext\r\n',
        errors=[("control", 5, 5)],
        fixed='---\r\ntitle: "T"\r\n---\r\n\r\nline\r\nnext\r\n',
    ),
    Case(
        "cjk",
        fm(body="北京\x08东京\n", title="T"),
        errors=[("control", 5, 3)],
        fixed=fm(body="北京东京\n", title="T"),
    ),
    # YAML refuses the BEL, so the front matter does not parse. The engine leaves such front
    # matter alone, except for a fix that makes it parse: removing the BEL is that repair.
    Case(
        "in-broken-front-matter-fixed-as-its-repair",
        '---\ntitle: "Bad\x07title"\n---\n\nBody\x07.\n',
        errors=[("control", 2, 12), ("control", 5, 5)],
        fixed='---\ntitle: "Badtitle"\n---\n\nBody.\n',
    ),
    Case(
        "in-front-matter-broken-for-another-reason-not-fixed",
        '---\ntitle: "Bad\x07title"\nsummary: [open\n---\n\nBody.\n',
        errors=[("control", 2, 12)],
        fixed='---\ntitle: "Bad\x07title"\nsummary: [open\n---\n\nBody.\n',
    ),
    # Written as escapes in a nested string or in a key, the characters are in the page all the
    # same ("anywhere"): reported at that string or key, without a fix there.
    Case(
        "escaped-in-a-json-list-item-and-a-key",
        '{\n"title": "T",\n"tags": ["a\\u0007b"],\n"k\\u001b[31my": 1\n}\n\nBody.\n',
        errors=[("control", 3, 10), ("escape", 4, 1)],
    ),
    Case(
        "escaped-in-a-yaml-map",
        '---\ntitle: "T"\nparams:\n  note: "a\\ab"\n---\n\nBody.\n',
        errors=[("control", 4, 9)],
    ),
    # A TOML multi-line string has no character map: each run is placed by the value's whole
    # span, with one fix that rewrites the value, so the string is reported once.
    Case(
        "escaped-twice-in-a-toml-multi-line-string",
        '+++\ntitle = """a\\u0007b\nc\\u0007d"""\n+++\n\nBody.\n',
        errors=[("control", 2, 9)],
        fixed='+++\ntitle = """ab\ncd"""\n+++\n\nBody.\n',
    ),
    Case(
        "escaped-in-a-toml-table",
        '+++\ntitle = "T"\n[params]\nnote = "a\\u0000b"\n+++\n\nBody.\n',
        errors=[("control", 4, 8)],
    ),
    Case(
        "nested-escapes-of-other-characters-are-fine",
        '{\n"title": "T",\n"tags": ["caf\\u00e9", "tab\\there"]\n}\n\nBody.\n',
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_control_char(case: Case) -> None:
    assert_case(ControlChar, case)


def test_nul_bytes_of_a_utf16_file_are_not_reported() -> None:
    """Every other byte of UTF-16 text is NUL: `invalid-utf8` says once what the file is."""
    from tests.rules._bytes import lint_bytes

    raw = '\ufeff---\ntitle: "T"\n---\n\nText\x07.\n'.encode("utf-16")
    assert lint_bytes(ControlChar, raw) == []


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet=st.characters(max_codepoint=0xA0) | st.sampled_from("é中\u200b\x85"), max_size=30
    )
)
@example("plain ASCII text\n")
@example("a\x7fb")
@example("a\x9fb")
@example("é\x00")
def test_the_ascii_pre_filter_finds_what_the_regex_finds(text: str) -> None:
    from newslint.rules import control_char

    assert control_char.has_control_char(text) == (
        control_char._CONTROL_CHAR.search(text) is not None
    )


def test_every_ascii_control_character_is_looked_for() -> None:
    from newslint.rules import control_char

    assert len(control_char._ASCII_CONTROL_CHARS) == 9 + 2 + 18 + 1  # 00-08, 0b, 0c, 0e-1f, 7f


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ('---\ntit\x0cle: "A"\ntitle: "B"\n---\nBody.\n', 2, 4),
        ('---\ntitle: "A"\n\x7ftitle: "B"\n---\nBody.\n', 3, 1),
        ('{\n"tit\x0cle": "A",\n"title": "B"\n}\nBody.\n', 2, 5),
    ],
)
def test_no_fix_that_turns_a_key_into_one_already_there(text: str, line: int, column: int) -> None:
    """Hugo reads `tit\\x0cle:` as a key of its own (newslint's YAML refuses it); removing the
    control character would write `title` twice, which Hugo refuses: the page stops building
    (found by `tests/test_hugo_fix_oracle.py`). The fix is dropped and the file kept."""
    ruleset = build_ruleset(Config(presets=["hugo", "news", "mainroad"]), select=["EN004"])
    doc = Document.from_bytes(text.encode(), "content/a.md", Site())
    outcome = fix_document(doc, ruleset, unsafe=True)
    assert outcome.text == text
    assert [(d.code, d.line, d.column) for d in outcome.result.diagnostics] == [
        ("EN004", line, column)
    ]
    assert [d.reason for d in outcome.dropped_fixes] == ["made the key 'title' appear twice"]


def test_a_key_that_stays_unique_is_still_fixed() -> None:
    text = '---\n\x7ftitle: "A"\nsummary: "B"\n---\nBody.\n'
    ruleset = build_ruleset(Config(presets=["hugo", "news", "mainroad"]), select=["EN004"])
    outcome = fix_document(Document.from_bytes(text.encode(), "content/a.md", Site()), ruleset)
    assert outcome.text == '---\ntitle: "A"\nsummary: "B"\n---\nBody.\n'
