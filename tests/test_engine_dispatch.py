"""The engine calls each handler as the rule's instance would find it (`getattr(instance,
"on_<event>")`), with one fresh instance per document, though it keeps the class's functions once
per rule list instead of binding them per document."""

from __future__ import annotations

from typing import Any

from newslint.config import Config
from newslint.document import Document
from newslint.engine import build_ruleset, lint_document
from newslint.events import Paragraph
from newslint.rule import Context, Rule
from newslint.site import Site
from newslint.spans import Span

SEEN: list[str] = []


class _Counts(Rule):
    """Keeps per-document state on `self`: a shared instance would count on across documents."""

    code = "ZZ911"
    name = "counts-paragraphs"
    messages = {"count": "paragraph {n}"}

    def __init__(self) -> None:
        self.paragraphs = 0

    def on_paragraph(self, ctx: Context, paragraph: Paragraph) -> None:
        self.paragraphs += 1
        ctx.report(Span(0, 1), "count", n=self.paragraphs)


class _Static(Rule):
    code = "ZZ912"
    name = "static-handler"

    @staticmethod
    def on_line(ctx: Context, line: Any) -> None:
        SEEN.append(f"static {ctx.rule.name}")


class _Own(Rule):
    """Sets its handler per instance: the instance's attribute wins over the class's function."""

    code = "ZZ913"
    name = "own-handler"

    def __init__(self) -> None:
        self.on_document_end = self._end

    def on_document_end(self, ctx: Context, doc: Document) -> None:
        SEEN.append("class")

    def _end(self, ctx: Context, doc: Document) -> None:
        SEEN.append(f"instance {type(self).__name__}")


class _Slotted(Rule):
    __slots__ = ("seen",)
    code = "ZZ914"
    name = "slotted-rule"

    def __init__(self) -> None:
        self.seen = "slotted"

    def on_document_end(self, ctx: Context, doc: Document) -> None:
        SEEN.append(self.seen)


def _lint(text: str) -> list[str]:
    ruleset = build_ruleset(
        Config(), rule_classes=[_Counts, _Static, _Own, _Slotted], select=["ALL"]
    )
    doc = Document.from_text(text, "a.md", Site())
    return [d.message for d in lint_document(doc, ruleset).diagnostics if d.code == "ZZ911"]


def test_each_document_gets_fresh_instances() -> None:
    assert _lint("One.\n\nTwo.\n") == ["paragraph 1", "paragraph 2"]
    assert _lint("Again.\n") == ["paragraph 1"]


def test_handlers_are_what_the_instance_finds() -> None:
    SEEN.clear()
    _lint("One.\n")
    assert SEEN == ["static static-handler", "instance _Own", "slotted"]
