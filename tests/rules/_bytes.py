"""Lint and fix raw bytes (files that are not valid UTF-8), which `Case` (text only) cannot hold."""

from __future__ import annotations

from newslint.config import parse_config
from newslint.document import Document, encode
from newslint.engine import RuleSet, build_ruleset, fix_document, run_rules
from newslint.registry import Registry
from newslint.rule import Rule
from newslint.site import Site

PATH = "content/en/news/article.en.md"


def _ruleset(rule: type[Rule]) -> RuleSet:
    config = parse_config({"presets": ["hugo", "news"]})
    return build_ruleset(config, registry=Registry([rule]), select=[rule.code])


def _document(raw: bytes, language: str | None, path: str) -> Document:
    doc = Document.from_bytes(raw, path, Site())
    doc.language = language
    return doc


def lint_bytes(
    rule: type[Rule], raw: bytes, *, language: str | None = "en", path: str = PATH
) -> list[tuple[str, int, int, str]]:
    """(message id, line, column, message) of every report on `raw`."""
    ruleset = _ruleset(rule)
    doc = _document(raw, language, path)
    reports, crashes, _ = run_rules(doc, ruleset.for_document(doc.path, Site()), ruleset.config)
    assert not crashes, crashes[0].message
    out = []
    for report in reports:
        position = doc.position(report.span.start)
        out.append((report.message_id, position.line, position.column, report.message))
    return sorted(out)


def fix_bytes(
    rule: type[Rule],
    raw: bytes,
    *,
    unsafe: bool,
    language: str | None = "en",
    path: str = PATH,
) -> bytes:
    """The file's bytes after `newslint fix` (with `--unsafe-fixes` when `unsafe`)."""
    outcome = fix_document(_document(raw, language, path), _ruleset(rule), unsafe=unsafe)
    return encode(outcome.text)
