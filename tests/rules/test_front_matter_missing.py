from __future__ import annotations

import pytest

from newslint.rules.front_matter_missing import FrontMatterMissing
from newslint.testing import Case, assert_case, fm

CASES = [
    Case("yaml", fm(title="A")),
    Case("toml", '+++\ntitle = "A"\n+++\nBody\n'),
    Case("json", '{"title": "A"}\nBody\n'),
    Case("empty-yaml-block-is-front-matter", "---\n---\nBody\n"),
    Case("bom-then-yaml", '\ufeff---\ntitle: "A"\n---\n'),
    Case("none", "# Budget passes\n\nThe budget passed.\n", errors=[("missing", 1, 1)]),
    Case("empty-file", "", errors=[("missing", 1, 1)]),
    # Hugo skips white space before the front matter: blank lines, indentation (hugo 0.168).
    Case("blank-lines-then-yaml", "\n\n---\ntitle: A\n---\n"),
    Case("indented-toml", ' \t\r\n  +++\ntitle = "A"\n+++\n'),
    Case("blank-line-then-json", '\n{"title": "A"}\nBody\n'),
    Case("dashes-after-text", "Text\n---\ntitle: A\n---\n", errors=[("missing", 1, 1)]),
    Case("broken-front-matter-is-not-missing", "---\ntitle: [\n---\n"),
    # A first `-` or `+` that opens no front matter: Hugo fails the build (hugo 0.168).
    Case("four-dashes", "----\ntitle: A\n----\nBody\n", errors=[("delimiter", 1, 1)]),
    Case("dashes-then-zwsp", "---\u200b\ntitle: A\n---\nBody\n", errors=[("delimiter", 1, 1)]),
    Case("list-first", "- one\n- two\n", errors=[("delimiter", 1, 1)]),
    Case("plus-first", "\n+ one\n", errors=[("delimiter", 1, 1)]),
    # Column 2: the BOM is the text's first code point (as for every rule's report on line 1).
    Case("bom-then-dashes", "\ufeff---x\nBody\n", errors=[("delimiter", 1, 2)]),
    Case("bom-then-prose", "\ufeffThe budget passed.\n", errors=[("missing", 1, 2)]),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_front_matter_missing(case: Case) -> None:
    assert_case(FrontMatterMissing, case)
