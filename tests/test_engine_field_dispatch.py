"""The engine's `field` dispatch: each field goes to the rules whose `field_keys` take its key, in
rule order, and a rule that crashed gets no further field."""

from __future__ import annotations

from typing import Any, ClassVar

from newslint.config import Config
from newslint.document import Document
from newslint.engine import build_ruleset, lint_document
from newslint.events import Field
from newslint.rule import Context, Rule
from newslint.site import Site

SEEN: list[tuple[str, str]] = []


class _Every(Rule):
    code = "ZZ901"
    name = "every-field"

    def on_field(self, ctx: Context, field: Field) -> None:
        SEEN.append(("every", field.key))


class _Titles(Rule):
    code = "ZZ902"
    name = "titles-only"
    keys: ClassVar[frozenset[str]] = frozenset({"title"})

    @classmethod
    def field_keys(cls, ctx: Context) -> Any:
        return cls.keys

    def on_field(self, ctx: Context, field: Field) -> None:
        SEEN.append(("titles", field.key))


class _Crashes(Rule):
    code = "ZZ903"
    name = "crashes-on-tags"

    def on_field(self, ctx: Context, field: Field) -> None:
        SEEN.append(("crashes", field.key))
        if field.key == "tags":
            raise ValueError("no tags")


def _lint(text: str) -> list[str]:
    SEEN.clear()
    ruleset = build_ruleset(Config(), rule_classes=[_Crashes, _Titles, _Every], select=["ALL"])
    doc = Document.from_text(text, "a.md", Site())
    return [d.code for d in lint_document(doc, ruleset).diagnostics]


def test_fields_go_to_the_rules_of_their_key_in_rule_order() -> None:
    codes = _lint('---\ntitle: "A"\nTitle: "B"\nslug: "a"\n---\n\nText.\n')
    assert codes == []
    assert SEEN == [
        ("crashes", "title"),
        ("titles", "title"),
        ("every", "title"),
        ("crashes", "Title"),
        ("titles", "Title"),
        ("every", "Title"),
        ("crashes", "slug"),
        ("every", "slug"),
    ]


def test_a_rule_that_crashed_gets_no_further_field() -> None:
    codes = _lint('---\ntitle: "A"\ntags: ["x"]\ntitle: "B"\nslug: "a"\n---\n\nText.\n')
    assert codes.count("NL000") == 1
    assert SEEN == [
        ("crashes", "title"),
        ("titles", "title"),
        ("every", "title"),
        ("crashes", "tags"),
        ("every", "tags"),
        ("titles", "title"),
        ("every", "title"),
        ("every", "slug"),
    ]


class _Chooses(Rule):
    """Takes the keys the document's body names (`keys: slug`), as a set: a mutable answer,
    which the engine may not keep for the next document."""

    code = "ZZ904"
    name = "chooses-keys"

    @classmethod
    def field_keys(cls, ctx: Context) -> Any:
        body = ctx.document.body
        return set(body.split("keys: ", 1)[1].split()) if "keys: " in body else frozenset()

    def on_field(self, ctx: Context, field: Field) -> None:
        SEEN.append(("chooses", field.key))


class _Frozen(Rule):
    """As `_Chooses`, with a frozenset: the same answer is kept between documents, another is not
    taken for it."""

    code = "ZZ905"
    name = "frozen-keys"

    @classmethod
    def field_keys(cls, ctx: Context) -> Any:
        body = ctx.document.body
        return frozenset(body.split("keys: ", 1)[1].split()) if "keys: " in body else frozenset()

    def on_field(self, ctx: Context, field: Field) -> None:
        SEEN.append(("frozen", field.key))


def _seen_for(texts: list[str]) -> list[list[tuple[str, str]]]:
    ruleset = build_ruleset(Config(), rule_classes=[_Chooses, _Frozen, _Titles], select=["ALL"])
    seen = []
    for text in texts:
        SEEN.clear()
        lint_document(Document.from_text(text, "a.md", Site()), ruleset)
        seen.append(list(SEEN))
    return seen


def test_each_document_gets_the_keys_its_rules_answer_for_it() -> None:
    front = '---\ntitle: "A"\nslug: "a"\ntags: ["x"]\n---\n\n'
    assert _seen_for(
        [front + "keys: slug\n", front + "keys: tags\n", front + "Text.\n", front + "keys: slug\n"]
    ) == [
        [("titles", "title"), ("chooses", "slug"), ("frozen", "slug")],
        [("titles", "title"), ("chooses", "tags"), ("frozen", "tags")],
        [("titles", "title")],
        [("titles", "title"), ("chooses", "slug"), ("frozen", "slug")],
    ]
