"""Rules that report only what a link check found (link-broken, link-redirect) are not run on a
document when links are not checked: they would record nothing (`_checked_links`), and each
costs a document its instance, context and handler calls."""

from __future__ import annotations

from dataclasses import replace

from newslint.config import Config, LinksConfig
from newslint.engine import build_ruleset
from newslint.site import Site


def _names(config: Config) -> list[str]:
    ruleset = build_ruleset(config, select=["LK"])
    return [active.rule.code for active in ruleset.for_document("content/a.md", Site())]


def test_link_check_rules_sit_out_without_a_link_check() -> None:
    names = _names(Config())
    assert "LK006" not in names and "LK007" not in names
    assert "LK004" in names  # it reports as it lints each file too


def test_link_check_rules_run_with_a_link_check() -> None:
    names = _names(replace(Config(), links=LinksConfig(check=True)))
    assert "LK006" in names and "LK007" in names


def test_turning_the_check_on_later_is_seen() -> None:
    config = Config()
    ruleset = build_ruleset(config, select=["LK006"])
    assert ruleset.for_document("content/a.md", Site()) == []
    config.links.check = True
    assert [a.rule.code for a in ruleset.for_document("content/a.md", Site())] == ["LK006"]
