"""The schema's exact-type pre-check: it may only vouch for values the pydantic model accepts.

`Schema.validate` skips pydantic when `_certainly_valid` vouches for every value; these tests hold
every kind of field, with and without allowed values, against the model itself.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from newslint.schema import _SAMPLE_TOML_DATE, PRESETS, Schema, Spec, _model, _validated_keys


class Word(str):
    """A str subclass: the pre-check leaves it to pydantic."""


SAMPLES: list[Any] = [
    "x",
    "",
    "true",
    "\ud800",
    Word("x"),
    0,
    -3,
    2**70,
    1.5,
    float("nan"),
    True,
    False,
    None,
    [],
    ["a"],
    ["a", 1, 2.5],
    ["news"],
    ["news", "blog"],
    [True],
    [None],
    [["a"]],
    [{"a": 1}],
    [{1: "a"}],
    {},
    {"a": 1},
    {1: "a"},
    {"a": {"b": [1]}},
    ("a",),
    datetime(2025, 2, 8, 9, 55),
    date(2025, 2, 8),
    _SAMPLE_TOML_DATE,
]


def schema() -> Schema:
    """Every preset's fields, plus config fields with allowed values of each shape."""
    specs = {key: spec for preset in PRESETS.values() for key, spec in preset.items()}
    specs["section"] = Spec("section", "any", "config")
    specs["tags"] = Spec("tags", "terms", "hugo")
    specs["region"] = Spec("region", "str", "config")
    specs["rank"] = Spec("rank", "any", "config")
    allowed = {
        "section": ("news", "opinion"),
        "tags": ("news", "economy"),
        "region": ("eu", "us"),
        "rank": (1, 2, True),  # not strings: always left to pydantic
        "type": (),  # an empty list restricts nothing
    }
    return Schema(specs, allowed)


def accepted(model: Any, key: str, value: Any) -> bool:
    from pydantic import ValidationError

    try:
        model.model_validate({key: value})
    except ValidationError:
        return False
    return True


def test_pre_check_vouches_only_for_what_pydantic_accepts() -> None:
    checked = schema()
    model_key = checked._key()
    model, names = _model(model_key)
    assert _validated_keys(model_key) == names
    vouched = 0
    for key in sorted(names):
        for value in SAMPLES:
            if checked._certainly_valid(key, value):
                vouched += 1
                assert accepted(model, key, value), (key, value)
    assert vouched > 100  # it does vouch: most valid values skip pydantic


@pytest.mark.parametrize(
    ("key", "value", "vouched"),
    [
        ("title", "Budget", True),
        ("comments", False, True),
        ("weight", 3, True),
        ("weight", True, False),  # StrictInt refuses a bool: pydantic words the error
        ("tags", ["news", "economy"], True),
        ("tags", ["news", "sport"], False),
        ("tags", "news", False),
        ("params", {"a": 1}, True),
        ("params", {1: "a"}, False),
        ("menu", "", True),
        ("menu", ["main"], True),
        ("section", "news", True),
        ("section", ["news", "opinion"], True),
        ("section", "blog", False),
        ("region", "eu", True),
        ("region", "EU", False),
        ("rank", 1, False),
        ("type", "page", True),
        ("title", Word("Budget"), False),
        ("draft", _SAMPLE_TOML_DATE, False),
    ],
)
def test_pre_check_cases(key: str, value: Any, vouched: bool) -> None:
    checked = schema()
    model, _ = _model(checked._key())
    assert checked._certainly_valid(key, value) is vouched
    if vouched:
        assert accepted(model, key, value)


# Front matter of every shape `_plainly_valid` looks at: strings quoted and plain, YAML 1.1
# words and numbers Hugo reads otherwise, lists of strings with a number or a null in them,
# maps with string and number keys, in YAML, TOML and JSON.
FRONT_MATTERS = [
    '---\ntitle: Budget\nsummary: "Budget passes"\ndraft: false\ncomments: yes\nweight: 3\n'
    "tags: [news, 'economy', 2025]\ncategories:\n  - news\n  - 1.10\nkeywords: [a, ~]\n"
    "aliases: /old\noutputs: [html, rss]\nparams: {a: 1}\nbuild: {1: a}\nmenu: main\n"
    "lead: 1.10\nslug: 2025\ntype: '1.10'\npost_meta: [date, 0o17]\ncascade: [{a: 1}]\n"
    "mathjax: 'true'\nsource: [https://a.example, {url: https://b.example}]\n---\n",
    "---\ntitle: 1:30\nlinkTitle: +.inf\ndraft: on\nheadless: 1\nweight: 0x10\nmenu: [main, 3]\n"
    "section: news\nregion: eu\nrank: 1\ntags: []\nimages: [a.png, [b.png]]\n---\n",
    '+++\ntitle = "Budget"\ndraft = true\nweight = 3\ntags = ["news", "economy"]\n'
    "menu = { main = { weight = 1 } }\n[params]\na = 1\n+++\n",
    '{"title": "Budget", "draft": "true", "weight": 3.0, "tags": ["news", null],\n'
    ' "sitemap": {"priority": 0.5}, "section": "blog", "region": "EU"}\n',
]


@pytest.mark.parametrize("text", FRONT_MATTERS)
def test_fast_path_vouches_only_where_the_pre_check_does(text: str) -> None:
    # `validate` asks `_plainly_valid` of each node before converting any value: it must vouch
    # only where `_certainly_valid` would, for the value `validate` converts (so the same
    # documents go to pydantic as before, with the same data).
    from newslint.document import Document
    from newslint.schema import _plainly_valid

    checked = schema()
    document = Document.from_text(text)
    kinds = checked._plain_kinds()
    vouched = 0
    for item in document.fields:
        key = item.key.lower()
        if key not in kinds:
            continue
        if _plainly_valid(kinds[key], item.node, document.text):
            vouched += 1
            value = checked._value(key, item.node, document.text)
            assert checked._certainly_valid(key, value), (key, value)
    assert vouched >= 1  # it does vouch: a plain value skips the conversion


def test_fast_path_leaves_hugo_readings_to_the_full_check() -> None:
    # `comments: yes` is text to Hugo (a boolean to PyYAML) and `title: 1.10` the number 1.1:
    # neither is vouched for by the node alone, and `validate` still reports them.
    from newslint.document import Document

    text = "---\ncomments: yes\ntitle: 1.10\ndraft: false\n---\n"
    document = Document.from_text(text)
    issues = schema().validate(document.fields, document.text)
    assert [(i.field.key, i.message_id, i.values["actual"]) for i in issues] == [
        ("comments", "type", "the string 'yes'"),
        ("title", "type", "the number 1.1"),
    ]
