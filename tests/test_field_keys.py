"""`Rule.field_keys`: the engine hands a field only to the rules that act on its key.

A rule that declares its keys must lose nothing by it: its `on_field` does nothing (no report, no
state) for a field with any other key, and a whole lint is the same with every rule's
`field_keys` answering None (every field to every rule, as before the filter existed).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint.config import Config
from newslint.document import Document
from newslint.engine import build_ruleset, check_text, lint_document
from newslint.events import Field
from newslint.registry import load_registry
from newslint.rule import Context, Report, Rule
from newslint.site import Site, site_for

_KEYED = [
    rule
    for rule in load_registry(()).rules
    if rule.field_keys.__func__ is not Rule.field_keys.__func__  # type: ignore[attr-defined]
]


def test_the_rules_that_filter_fields_are_known() -> None:
    # A guard for this module: it checks the rules that declare keys, so there must be some.
    codes = {rule.code for rule in _KEYED}
    assert {"TX001", "TX002", "TX003", "TX004", "TX005", "TX006", "TX007", "LK004"} <= codes


@contextmanager
def _every_field_to_every_rule() -> Iterator[None]:
    own = {rule: vars(rule).get("field_keys") for rule in _KEYED}
    for rule in _KEYED:
        rule.field_keys = classmethod(lambda cls, ctx: None)  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        for rule, method in own.items():
            if method is None:
                del rule.field_keys  # inherited again
            else:
                rule.field_keys = method  # type: ignore[method-assign]


def _others_ignored(doc: Document) -> None:
    """Each keyed rule's `on_field`, given every field whose key it does not declare, reports
    nothing and keeps no state."""
    for rule in _KEYED:
        options = rule.Options()
        sink: list[Report] = []
        ctx = Context(rule, doc, options, rule.severity, Config(), sink)
        keys = rule.field_keys(ctx)
        if keys is None:
            continue  # every field of this document goes to it: none is filtered
        instance = rule()
        state = copy.deepcopy(vars(instance))
        for item in doc.fields:
            if item.key.lower() in keys:
                continue
            instance.on_field(ctx, item)
            assert sink == [], (rule.code, doc.path, item.key)
            assert vars(instance) == state, (rule.code, doc.path, item.key)


def test_other_keys_do_nothing_on_the_corpus(corpus: Path) -> None:
    paths = sorted(corpus.rglob("*.md"))
    assert len(paths) > 100
    for path in paths:
        doc = Document.from_bytes(path.read_bytes(), str(path), site_for(path))
        _others_ignored(doc)


_KEYS = [
    "summary",
    "Summary",
    "SUMMARY",
    "title",
    "Title",
    "description",
    "Description",
    "source",
    "Source",
    "sourceUrl",
    "sidebar",
    "Sidebar",
    "thumbnail",
    "widgets",
    "Widgets",
    "subtitle",
    "summaries",
    "tags",
    "ſummary",  # lowers to itself: not "summary"
    "İtitle",
]
_VALUES = [
    '"Der Minister sagte, der Haushalt werde..."',
    '"THE BUDGET PASSES"',
    '"Tom &amp; Jerry"',
    '"http://example.com/a?utm_source=x"',
    '"https://example.com/a"',
    '"Two  spaces.No space"',
    '"预算已经通过。"',
    "[a, b]",
    "{x: 1}",
    "right",
    "no",
    "3",
    '""',
    "",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_KEYS), st.sampled_from(_VALUES)), max_size=6))
@example([("Summary", '"The minister said the budget would..."'), ("Source", '"http://x.org"')])
def test_a_lint_is_the_same_with_every_field_to_every_rule(fields: list[tuple[str, str]]) -> None:
    front = "".join(f"{key}: {value}\n" for key, value in fields)
    text = f"---\n{front}---\n\nThe minister said the budget would pass. It did.\n"
    site = Site()
    quick = check_text(text, config=Config(), select=["ALL"], site=site)
    with _every_field_to_every_rule():
        assert check_text(text, config=Config(), select=["ALL"], site=site) == quick


class _Titles(Rule):
    code = "ZZ901"
    name = "zz-titles"
    messages: ClassVar[dict[str, str]] = {"seen": "saw {key}"}
    seen: ClassVar[list[str]] = []

    @classmethod
    def field_keys(cls, ctx: Context) -> frozenset[str]:
        return frozenset({"title"})

    def on_field(self, ctx: Context, field: Field) -> None:
        self.seen.append(field.key)
        ctx.report(field.key_span, "seen", key=field.key)


class _Broken(_Titles):
    code = "ZZ902"
    name = "zz-broken"

    @classmethod
    def field_keys(cls, ctx: Context) -> Any:
        raise RuntimeError("no keys")


def test_the_engine_calls_on_field_only_for_the_declared_keys() -> None:
    _Titles.seen.clear()
    ruleset = build_ruleset(Config(), select=["ZZ901"], rule_classes=[_Titles])
    doc = Document.from_text("---\nTitle: a\nsummary: b\ntitle: c\n---\nx\n", "a.md", Site())
    result = lint_document(doc, ruleset)
    assert _Titles.seen == ["Title", "title"]
    assert [(d.code, d.line, d.column, d.message) for d in result.diagnostics] == [
        ("ZZ901", 2, 1, "saw Title"),
        ("ZZ901", 4, 1, "saw title"),
    ]


def test_a_rule_whose_field_keys_raises_is_an_internal_error() -> None:
    ruleset = build_ruleset(Config(), select=["ZZ902"], rule_classes=[_Broken])
    doc = Document.from_text("---\ntitle: c\n---\nx\n", "a.md", Site())
    result = lint_document(doc, ruleset)
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [("NL000", 1, 1)]
    assert "rule zz-broken crashed on this file: RuntimeError: no keys" in (
        result.diagnostics[0].message
    )


@pytest.mark.parametrize("rule", _KEYED, ids=lambda rule: rule.code)
def test_declared_keys_are_lower_case(rule: type[Rule]) -> None:
    doc = Document.from_text("---\ntitle: a\n---\n", "a.md", Site())
    ctx = Context(rule, doc, rule.Options(), rule.severity, Config(), [])
    keys = rule.field_keys(ctx)
    assert keys is not None
    assert all(key == key.lower() for key in keys)


_ESCAPE_RULES = ("EN001", "EN002", "EN003", "EN004")  # mojibake, U+FFFD, invisible, control


@pytest.mark.parametrize("code", _ESCAPE_RULES)
def test_escape_rules_take_every_field_only_when_the_front_matter_has_a_backslash(
    code: str,
) -> None:
    (rule,) = [rule for rule in load_registry(()).rules if rule.code == code]
    plain = Document.from_text('---\ntitle: "a"\n---\nx \\* y\n', "a.md", Site())
    escaped = Document.from_text('---\ntitle: "a\\u200bb"\n---\nx\n', "a.md", Site())
    for doc, keys in ((plain, frozenset()), (escaped, None)):
        ctx = Context(rule, doc, rule.Options(), rule.severity, Config(), [])
        assert rule.field_keys(ctx) == keys


def test_an_escaped_invisible_character_is_still_reported_in_a_field() -> None:
    text = '---\ntitle: "a\\u200bb"\n---\nx\n'
    found = check_text(text, config=Config(), select=["EN003"], site=Site())
    assert [(d.code, d.line, d.column, d.end_column) for d in found] == [("EN003", 2, 10, 16)]
