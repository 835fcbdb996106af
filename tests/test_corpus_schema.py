"""The schema, date and theme rules on the real corpora (../shared/corpus), run as the site.

bulwark is linted with its own `hugo.toml` (Mainroad, Asia/Shanghai, three content dirs): every
article's date gets a safe `+08:00` rewrite, every `menu: ""` is reported, and nothing fires that the
site's configuration makes valid. other/ has no site configuration: every file is read without an
internal error, and in the xmr_ru files (a Mainroad site) every empty sidebar, widget item, tag item
and date is reported, wherever the corpus has them.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

from newslint.config import parse_config
from newslint.diagnostics import Diagnostic
from newslint.document import Document
from newslint.engine import build_ruleset, fix_text, lint_path
from newslint.fixes import Applicability
from newslint.site import site_for

from .conftest import CORPUS

pytestmark = pytest.mark.corpus
# DT003 compares with this instant, never with today's date.
NOW = {"rules": {"date-future": {"now": "2025-02-15T00:00:00+08:00"}}}


@cache
def lint_folder(folder: str, mainroad: bool = False) -> dict[Path, list[Diagnostic]]:
    data = dict(NOW)
    if mainroad:
        data["presets"] = ["hugo", "news", "mainroad"]
    ruleset = build_ruleset(parse_config(data), select=["FM", "DT", "TX", "TH"])
    files = sorted(
        p for p in (CORPUS / folder).rglob("*") if p.is_file() and p.suffix in (".md", ".markdown")
    )
    return {path: lint_path(path, ruleset).diagnostics for path in files}


def line_of(doc: Document, key: str) -> int | None:
    found = doc.field(key)
    return None if found is None else doc.position(found.value_span.start).line


@pytest.fixture
def bulwark(corpus: Path) -> dict[Path, list[Diagnostic]]:
    return lint_folder("bulwark")


def test_bulwark_is_linted_as_its_site(corpus: Path) -> None:
    sample = next((corpus / "bulwark" / "content" / "zh-CN").rglob("*.md"))
    site = site_for(sample)
    assert site.is_mainroad and site.time_zone == "Asia/Shanghai"
    assert site.language_of(sample) == "zh-CN"


def test_every_bulwark_date_gets_a_safe_shanghai_rewrite(
    bulwark: dict[Path, list[Diagnostic]],
) -> None:
    assert len(bulwark) == 300
    for path, diagnostics in bulwark.items():
        doc = Document.from_bytes(path.read_bytes(), str(path))
        date = doc.value("date")
        found = [d for d in diagnostics if d.code == "DT001"]
        assert len(found) == 1, path
        assert found[0].line == line_of(doc, "date")
        fix = found[0].fix
        assert fix is not None and fix.applicability is Applicability.SAFE
        # Shanghai has no daylight saving: the wall time is kept and +08:00 added.
        assert [e.content for e in fix.edits] == [f'"{date.replace(" ", "T")}+08:00"'], path


def test_bulwark_menu_summaries(bulwark: dict[Path, list[Diagnostic]]) -> None:
    counts: dict[str, int] = defaultdict(int)
    for path, diagnostics in bulwark.items():
        doc = Document.from_bytes(path.read_bytes(), str(path))
        found = {(d.code, d.line) for d in diagnostics}
        if doc.value("menu") == "":
            counts["menu"] += 1
            assert ("FM006", line_of(doc, "menu")) in found, path
        summary = doc.value("summary")
        if summary == "":
            counts["empty summary"] += 1
            assert ("FM004", line_of(doc, "summary")) in found, path
        elif summary.rstrip().endswith(("...", "…")):
            counts["cut summary"] += 1
            assert ("TX001", line_of(doc, "summary")) in found, path
        # FM006 is about `menu` only: `lead: ""` is what Mainroad treats as no lead.
        assert {d.line for d in diagnostics if d.code == "FM006"} <= {line_of(doc, "menu")}
    assert counts["menu"] == 300
    assert counts["empty summary"] >= 10 and counts["cut summary"] >= 200


def test_nothing_fires_that_the_site_makes_valid(bulwark: dict[Path, list[Diagnostic]]) -> None:
    codes = {d.code for diagnostics in bulwark.values() for d in diagnostics}
    for code in ("FM005", "FM007", "DT002", "DT003", "DT004", "TH001", "TH002", "TH003", "NL000"):
        assert code not in codes


def test_safe_fixes_touch_only_the_date_and_menu_lines(corpus: Path) -> None:
    path = next((corpus / "bulwark" / "content" / "en").rglob("*.md"))
    text = path.read_bytes().decode("utf-8")
    fixed, _ = fix_text(
        text,
        path=str(path),
        config=parse_config(NOW),
        select=["FM006", "DT001"],
        site=site_for(path),
    )
    before = text.splitlines(keepends=True)
    after = fixed.splitlines(keepends=True)
    changed = [line for line in before if line not in after]
    assert [line.split(":")[0] for line in changed] == ["date", "menu"]
    date_line = next(line for line in after if line.startswith("date:"))
    assert date_line.endswith('+08:00"\n')
    assert len(after) == len(before) - 1


def test_other_corpus_never_crashes(corpus: Path) -> None:
    for mainroad in (False, True):
        results = lint_folder("other", mainroad)
        assert len(results) == 300
        crashed = [
            (p.name, d.message) for p, ds in results.items() for d in ds if d.code.startswith("NL")
        ]
        assert not crashed


def test_xmr_ru_empty_values_are_reported(corpus: Path) -> None:
    results = lint_folder("other", True)
    expected: set[tuple[str, str, int]] = set()
    for path in results:
        if not path.name.startswith("xmr-ru+xmr_ru"):
            continue
        doc = Document.from_bytes(path.read_bytes(), str(path))
        for field in doc.fields:
            key, node = field.key.lower(), field.node
            line = doc.position(node.span.start).line
            if key == "sidebar" and node.value == "":
                expected.add((path.name, "TH001", line))
            if key in ("date", "lastmod", "publishdate", "expirydate") and node.value in ("", None):
                expected.add((path.name, "DT002", line))
            for item in node.items if key in ("widgets", "tags", "categories") else ():
                if item.value in ("", None):
                    code = "TH002" if key == "widgets" else "FM006"
                    expected.add((path.name, code, doc.position(item.span.start).line))
    found = {(p.name, d.code, d.line) for p, ds in results.items() for d in ds}
    assert expected <= found, sorted(expected - found)
    # The xmr_ru sample holds empty tag items (15 files); its sidebars are "right" or false and its
    # widgets and dates are all filled: the theme and date rules may report nothing else there.
    assert len(expected) >= 10
    strict = {"TH001", "TH002", "TH003", "DT002"}
    reported = {f for f in found if f[0].startswith("xmr-ru") and f[1] in strict}
    assert reported == {e for e in expected if e[1] in strict}
