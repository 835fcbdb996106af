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
