"""`fast_init`: the faster constructor keeps the dataclass's signature, defaults and frozenness."""

from __future__ import annotations

import dataclasses
import inspect
import pickle
from dataclasses import dataclass, field

import pytest

from newslint.records import fast_init


@fast_init
@dataclass(frozen=True, slots=True)
class Record:
    name: str
    count: int = 0
    tags: list[str] = field(default_factory=list)


def test_same_signature_defaults_and_fresh_factories() -> None:
    parameters = inspect.signature(Record.__init__).parameters
    assert list(parameters) == ["self", "name", "count", "tags"]
    assert parameters["name"].default is inspect.Parameter.empty
    assert parameters["count"].default == 0
    first, second = Record("a"), Record("b", 2, ["x"])
    assert (first.name, first.count, first.tags) == ("a", 0, [])
    assert Record("c").tags is not first.tags  # a new list each time, as default_factory says
    assert second == Record(name="b", count=2, tags=["x"])
    with pytest.raises(TypeError):
        Record()  # type: ignore[call-arg]


def test_still_frozen_slotted_and_picklable() -> None:
    record = Record("a", 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.name = "b"  # type: ignore[misc]
    assert not hasattr(record, "__dict__")
    assert pickle.loads(pickle.dumps(record)) == record
    assert dataclasses.replace(record, count=5) == Record("a", 5)


def test_a_class_with_post_init_keeps_its_generated_init() -> None:
    @dataclass(frozen=True, slots=True)
    class Checked:
        size: int

        def __post_init__(self) -> None:
            if self.size < 0:
                raise ValueError("negative")

    generated = Checked.__init__
    assert fast_init(Checked).__init__ is generated
    with pytest.raises(ValueError, match="negative"):
        Checked(-1)
