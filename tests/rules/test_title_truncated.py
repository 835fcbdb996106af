from __future__ import annotations

import pytest

from newslint.rules.title_truncated import TitleTruncated
from newslint.testing import Case, assert_case, fm

CASES = [
    # A feed scraper kept the headline up to its colon (real site: a Substack aggregator).
    Case("cut-at-the-colon", fm(title="Virtual Reality:"), errors=[("colon", 2, 8)]),
    Case("full-width-colon", fm(title="虚拟现实："), errors=[("colon", 2, 8)]),
    Case(
        "after-a-bracket", fm(title="Kitchen-Table Companies (Part 2):"), errors=[("colon", 2, 8)]
    ),
    Case("trailing-space", fm(title="Faith in the Public Square: "), errors=[("colon", 2, 8)]),
    Case("toml", '+++\ntitle = "Virtual Reality:"\n+++\nBody.\n', errors=[("colon", 2, 9)]),
    # Hugo reads front-matter keys without case: `Title` is the title.
    Case("capitalised-key", fm(Title="Virtual Reality:"), errors=[("colon", 2, 8)]),
    Case("whole-title", fm(title="Virtual Reality: The New Frontier of Historical Exploration")),
    # A colon after a space or another colon is no cut headline; other fields are not titles.
    Case("colon-after-a-space", fm(title="Smile :")),
    Case("double-colon", fm(title="Namespaces in C++: std::")),
    Case("lone-colon", fm(title=":")),
    # Armenian and Ethiopic writers type `:` for their full stop: a whole sentence, not a cut.
    Case("armenian-full-stop", fm(title="Հայաստանը հաղթեց:")),
    Case("ethiopic-full-stop", fm(title="ኢትዮጵያ አሸነፈች:")),
    Case("latin-after-armenian", fm(title="Հայաստան - Interview:"), errors=[("colon", 2, 8)]),
    Case("not-the-title", fm(summary="The minister said:")),
    Case("title-not-a-string", fm(title=2025)),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_title_truncated(case: Case) -> None:
    assert_case(TitleTruncated, case)
