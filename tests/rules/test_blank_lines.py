from __future__ import annotations

import pytest

from newslint.rules.blank_lines import BlankLines
from newslint.testing import Case, assert_case, fm

FENCE = "```"

CASES = [
    Case("single-blank-lines", fm(body="A.\n\nB.\n", title="T")),
    Case(
        "runs-including-whitespace-lines-and-the-end",
        fm(body="A.\n\n\nB.\n\n \t\n\nC.\n\n\n", title="T"),
        errors=[("blank", 7, 1), ("blank", 10, 1), ("blank", 14, 1)],
        fixed=fm(body="A.\n\nB.\n\nC.\n\n", title="T"),
    ),
    Case(
        "code-pre-and-shortcode-bodies-skipped",
        fm(
            body=f"{FENCE}\na\n\n\n\nb\n{FENCE}\n\n<pre>\nx\n\n\ny\n</pre>\n\n"
            "{{< highlight go >}}\nx := 1\n\n\ny := 2\n{{< /highlight >}}\n",
            title="T",
        ),
    ),
    Case(
        "front-matter-not-looked-at",
        '---\ntitle: "T"\n\n\n---\n\n\n\nA\n',
        errors=[("blank", 7, 1)],
        fixed='---\ntitle: "T"\n\n\n---\n\nA\n',
    ),
    Case(
        "crlf-and-cjk",
        '---\r\ntitle: "T"\r\n---\r\n\r\n北京\r\n\r\n\r\n东京\r\n',
        errors=[("blank", 7, 1)],
        fixed='---\r\ntitle: "T"\r\n---\r\n\r\n北京\r\n\r\n东京\r\n',
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_blank_lines(case: Case) -> None:
    assert_case(BlankLines, case)
