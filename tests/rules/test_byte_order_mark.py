from __future__ import annotations

import pytest

from newslint.rules.byte_order_mark import ByteOrderMark
from newslint.testing import Case, assert_case, fm

CASES = [
    Case("no-bom", fm(title="T")),
    Case(
        "bom-before-front-matter",
        '\ufeff---\ntitle: "T"\n---\n\nok\n',
        errors=[("bom", 1, 1)],
        fixed='---\ntitle: "T"\n---\n\nok\n',
    ),
    Case(
        "bom-without-front-matter",
        "\ufeffno front matter\n",
        errors=[("bom", 1, 1)],
        fixed="no front matter\n",
    ),
    Case(
        "bom-and-crlf",
        '\ufeff---\r\ntitle: "北京"\r\n---\r\n',
        errors=[("bom", 1, 1)],
        fixed='---\r\ntitle: "北京"\r\n---\r\n',
    ),
    Case(
        "bom-with-front-matter-that-does-not-parse",
        "\ufeff---\ntitle: [x\n---\n\nok\n",
        errors=[("bom", 1, 1)],
    ),
    Case("zero-width-no-break-space-elsewhere-is-not-a-bom", "ok \ufeff\n"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_byte_order_mark(case: Case) -> None:
    assert_case(ByteOrderMark, case)
