"""Frozen, slotted dataclasses that are cheap to create.

The payloads of events and diagnostics are made by the hundred for every document. A frozen
dataclass's generated `__init__` sets each field through `object.__setattr__` (to get past the
class's own `__setattr__`, which refuses); `fast_init` replaces it with a faster one that leaves
the class exactly as frozen as before:

- a class of a few fields gets one that calls each slot's own setter (more than twice as fast);
- a class of more fields (`_TWIN_FROM`) gets one that turns the new instance for the time of its
  `__init__` into an instance of the class's *twin*: a plain class with the same base and the same
  `__slots__` (so the same layout: CPython allows assigning `__class__` between the two), whose
  attributes are set by ordinary, specialised attribute stores. Its two `__class__` assignments
  cost about as much as three slot setter calls, and each field after that next to nothing: a
  `Diagnostic` (15 fields) is made in about half the instructions. No one sees the twin: it is
  never returned, and the instance is the class's own again before `__init__` returns.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

T = TypeVar("T")
_FACTORY = object()  # stands for "not given" where a field has a default_factory


def fast_init(cls: type[T]) -> type[T]:
    """Give the frozen, slotted dataclass `cls` a faster `__init__` with the same signature.

    Apply it above `@dataclass(frozen=True, slots=True)`. Fields with `init=False` or a class that
    defines `__post_init__` keep the generated `__init__` (they need it).
    """
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    if hasattr(cls, "__post_init__") or any(not f.init for f in fields):
        return cls
    namespace: dict[str, Any] = {"_FACTORY": _FACTORY}
    twin = _twin(cls, fields)
    params: list[str] = []
    body: list[str] = []
    if twin is not None:
        namespace.update(_twin=twin, _cls=cls, _set_class=_SET_CLASS)
        body.append("    _set_class(self, _twin)")
    for f in fields:
        if f.default is not dataclasses.MISSING:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        elif f.default_factory is not dataclasses.MISSING:
            namespace[f"_factory_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_FACTORY")
            body.append(f"    if {f.name} is _FACTORY: {f.name} = _factory_{f.name}()")
        else:
            params.append(f.name)
        if twin is not None:
            body.append(f"    self.{f.name} = {f.name}")
        else:
            slot = next(k.__dict__[f.name] for k in cls.__mro__ if f.name in k.__dict__)
            namespace[f"_set_{f.name}"] = slot.__set__
            body.append(f"    _set_{f.name}(self, {f.name})")
    if twin is not None:
        body.append("    _set_class(self, _cls)")
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body or ["    pass"])
    namespace["__name__"] = cls.__module__
    # The same technique dataclasses itself uses, through its `exec`: under the command that is
    # `newslint._dataclass_code`'s, which keeps the compiled code between runs.
    getattr(dataclasses, "exec", exec)(source, namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    cls.__init__ = init  # type: ignore[method-assign]
    return cls


# From this many fields on, an `__init__` through the class's twin is cheaper (see the docstring).
_TWIN_FROM = 4
_SET_CLASS = object.__dict__["__class__"].__set__


def _twin(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> type | None:
    """The plain class `cls` may turn into while its `__init__` runs, or None where the slot
    setters are as cheap or the layout is not only `cls`'s own slots on `object`."""
    slots = cls.__dict__.get("__slots__")
    if (
        len(fields) < _TWIN_FROM
        or cls.__bases__ != (object,)
        or not isinstance(slots, tuple)
        or sorted(slots) != sorted(f.name for f in fields)
    ):
        return None
    twin = type(
        f"{cls.__name__}Twin", (object,), {"__slots__": slots, "__module__": cls.__module__}
    )
    twin.__qualname__ = f"{cls.__qualname__}.<twin>"
    probe: object = object.__new__(cls)
    try:
        _SET_CLASS(probe, twin)  # the layouts agree (else CPython refuses: no twin then)
        _SET_CLASS(probe, cls)
    except TypeError:
        return None
    return twin
