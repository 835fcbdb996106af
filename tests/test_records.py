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


@fast_init
@dataclass(frozen=True, slots=True)
class Wide:
    """Enough fields for the `__init__` that goes through the class's twin."""

    name: str
    start: int
    end: int
    note: str = ""
    tags: list[str] = field(default_factory=list)


def test_a_wide_record_is_built_through_its_twin_and_stays_its_own_frozen_class() -> None:
    from newslint import records

    assert records._twin(Wide, dataclasses.fields(Wide)) is not None
    assert records._twin(Record, dataclasses.fields(Record)) is None  # three fields: setters
    wide = Wide("a", 1, 2)
    assert type(wide) is Wide
    assert (wide.name, wide.start, wide.end, wide.note, wide.tags) == ("a", 1, 2, "", [])
    assert Wide("b", 0, 0).tags is not wide.tags
    assert Wide(name="a", start=1, end=2, note="", tags=[]) == wide
    with pytest.raises(dataclasses.FrozenInstanceError):
        wide.start = 5  # type: ignore[misc]
    assert not hasattr(wide, "__dict__")
    assert pickle.loads(pickle.dumps(wide)) == wide
    assert dataclasses.replace(wide, note="x") == Wide("a", 1, 2, "x")
    assert list(inspect.signature(Wide.__init__).parameters) == [
        "self",
        "name",
        "start",
        "end",
        "note",
        "tags",
    ]


def test_a_record_that_inherits_fields_keeps_the_slot_setters() -> None:
    @dataclass(frozen=True, slots=True)
    class Base:
        a: int

    @dataclass(frozen=True, slots=True)
    class Derived(Base):
        b: int
        c: int
        d: int

    from newslint import records

    assert records._twin(Derived, dataclasses.fields(Derived)) is None
    built = fast_init(Derived)(1, 2, 3, 4)
    assert (built.a, built.b, built.c, built.d) == (1, 2, 3, 4)
