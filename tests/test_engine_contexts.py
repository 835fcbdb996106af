"""The engine keeps the contexts it made for a list of rules for the next document of the same
rules (pointing them at it), instead of making one per rule per document: each document still
sees only itself in `ctx.document` and gets only its own reports, also when a handler runs the
same rules on another document while its own run is under way."""

from __future__ import annotations

from newslint.config import Config
from newslint.document import Document
from newslint.engine import build_ruleset, lint_document, run_rules
from newslint.events import Paragraph
from newslint.rule import Context, Rule
from newslint.site import Site
from newslint.spans import Span

SEEN: list[tuple[str, str]] = []


class _Names(Rule):
    """Reports each paragraph with the path of the document its context points at."""

    code = "ZZ921"
    name = "names-document"
    messages = {"seen": "paragraph of {path}"}

    def on_paragraph(self, ctx: Context, paragraph: Paragraph) -> None:
        ctx.report(paragraph.span, "seen", path=ctx.document.path)


class _Nested(Rule):
    """At the end of a document, runs the same rules on another one, then looks at its own
    context again."""

    code = "ZZ922"
    name = "runs-nested"
    rules: list = []
    config: Config | None = None

    def on_document_end(self, ctx: Context, doc: Document) -> None:
        if doc.path == "outer.md":
            inner = Document.from_text("Inner paragraph.\n", "inner.md", Site())
            reports, _, _ = run_rules(inner, _Nested.rules, _Nested.config)
            SEEN.extend(("nested", report.message) for report in reports)
        SEEN.append(("end", ctx.document.path))


def _doc(text: str, path: str) -> Document:
    return Document.from_text(text, path, Site())


def test_each_document_sees_itself_and_gets_its_own_reports() -> None:
    ruleset = build_ruleset(Config(), rule_classes=[_Names])
    first = lint_document(_doc("One.\n\nTwo.\n", "first.md"), ruleset)
    second = lint_document(_doc("Three.\n", "second.md"), ruleset)
    assert [(d.line, d.message) for d in first.diagnostics] == [
        (1, "paragraph of first.md"),
        (3, "paragraph of first.md"),
    ]
    assert [(d.line, d.message) for d in second.diagnostics] == [(1, "paragraph of second.md")]


def test_a_run_inside_a_run_makes_its_own_contexts() -> None:
    ruleset = build_ruleset(Config(), rule_classes=[_Names, _Nested])
    _Nested.rules, _Nested.config = ruleset.rules, ruleset.config
    lint_document(_doc("Before.\n", "before.md"), ruleset)  # contexts to reuse from here on
    SEEN.clear()
    result = lint_document(_doc("Outer paragraph.\n", "outer.md"), ruleset)
    assert SEEN == [
        ("end", "inner.md"),
        ("nested", "paragraph of inner.md"),
        ("end", "outer.md"),
    ]
    assert [d.message for d in result.diagnostics] == ["paragraph of outer.md"]
    # The next document reuses contexts: still its own path in them.
    SEEN.clear()
    again = lint_document(_doc("Later.\n", "later.md"), ruleset)
    assert SEEN == [("end", "later.md")]
    assert [(d.message, d.span) for d in again.diagnostics] == [
        ("paragraph of later.md", Span(0, 7))
    ]
