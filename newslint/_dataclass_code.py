"""Compiled dataclass methods, kept between runs like the `.pyc` files of the modules themselves.

`@dataclass` writes the source of each class's `__init__`, `__repr__`, `__eq__`, `__hash__` (and,
frozen, `__setattr__`/`__delattr__`) and compiles it with `exec` on every start: about 75 µs a
method, some 25 ms for newslint's seventy dataclasses, a fifth of a one-file pre-commit run.
`install()` makes the `dataclasses` module's `exec` look the compiled code up by its exact source
text first. The code object for a given text is what compiling that text gives, so the classes are
the same; only the compiling is saved.

- Only sources compiled for modules of newslint (the `globals` `dataclasses` passes are the class's
  module) are kept; any other `exec` goes straight to the builtin.
- The store (`newslint._code_store`) is one marshal file per interpreter beside newslint's own
  bytecode, headed by the interpreter's bytecode magic number like a `.pyc`.

A `typing.NamedTuple` class is compiled in pieces at every start too: in a module with
`from __future__ import annotations` each field type is a string, which `typing` compiles into a
`ForwardRef`, and `collections.namedtuple` compiles the tuple's `__new__` with `eval`.
`install()` keeps those expressions of newslint's classes in a second store the same way (an
expression compiles alike for both: mode "eval", file name "<string>", no `__future__` flags).
Besides the compiling itself, that spares the process the first `compile()` of a string, which
also builds the ~120 node classes of the `ast` module (CPython looks whether the source is an AST
object): about 17 M instructions of a one-file pre-commit run in all.

Importing this module first also spares a run the import of `inspect` (see `_Inspect`).
"""

import __future__

import builtins
import collections
import sys
import typing
from importlib.util import MAGIC_NUMBER
from types import CodeType, ModuleType
from typing import Any

from newslint._code_store import CodeStore


class _Inspect(ModuleType):
    """What `dataclasses` takes for `inspect` until it first uses it; then the real module.

    `dataclasses` imports `inspect` (and with it `ast`, `dis` and `tokenize`: with pkgutil's import
    of it, which the registry avoids, 24 M instructions, 6 % of a one-file pre-commit run) for one
    use, the `__doc__` it writes from the signature of a class without a docstring, and every
    dataclass of newslint has one (`tests/test_dataclass_code.py` checks). Only `dataclasses`
    ever sees this stand-in: it is in `sys.modules` while `dataclasses` is imported, and any other
    importer of `inspect` gets the real module. (From Python 3.12 on, `dataclasses` reads every
    class's annotations with `inspect`: the real module is then imported at the first dataclass,
    as without the stand-in.)
    """

    def __getattr__(self, name: str) -> Any:
        if sys.modules.get("inspect") is self:  # asked while `dataclasses` is being imported
            del sys.modules["inspect"]
        import inspect

        vars(sys.modules["dataclasses"])["inspect"] = inspect  # later uses go straight to it
        return getattr(inspect, name)


def _import_dataclasses() -> ModuleType:
    """`import dataclasses`, with `_Inspect` for its `inspect` when neither is imported yet."""
    if "dataclasses" not in sys.modules and "inspect" not in sys.modules:
        stand_in = _Inspect("inspect")
        sys.modules["inspect"] = stand_in
        try:
            import dataclasses
        finally:
            if sys.modules.get("inspect") is stand_in:
                del sys.modules["inspect"]
    import dataclasses

    return dataclasses


dataclasses = _import_dataclasses()


def _valid(source: object, code: object) -> bool:
    return type(source) is str and type(code) is CodeType


_STORE: CodeStore[str, CodeType] = CodeStore("dataclass-methods", MAGIC_NUMBER, _valid)


_EXPRESSIONS: CodeStore[str, CodeType] = CodeStore("named-tuple-code", MAGIC_NUMBER, _valid)


def install() -> None:
    """Route `dataclasses`' `exec` through `_exec`, `typing`'s `compile` through
    `_compile_forward_ref` and `collections`' `eval` through `_eval` (idempotent; each store is
    read once). A module compiled with `from __future__ import annotations` would pass that flag
    on to what it compiles, which these do not: such a module is left alone."""
    if getattr(dataclasses, "exec", None) is not _exec and (
        vars(dataclasses).get("annotations") is not __future__.annotations
    ):
        _STORE.load()
        dataclasses.exec = _exec  # type: ignore[attr-defined]  # shadows the builtin there
    routes = [
        (module, name, route)
        for module, name, route in (
            (typing, "compile", _compile_forward_ref),
            (collections, "eval", _eval),
        )
        if vars(module).get(name) is not route
        and vars(module).get("annotations") is not __future__.annotations
    ]
    if routes:
        _EXPRESSIONS.load()
    for module, name, route in routes:
        setattr(module, name, route)


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:
    """`exec`, with newslint's dataclass methods compiled once per interpreter, not per run.

    This module has no `__future__` imports, so the builtin `exec` called from here compiles a
    string exactly as when `dataclasses` calls it.
    """
    if type(source) is not str or not isinstance(globals, dict):
        return builtins.exec(source, globals, locals)
    module = globals.get("__name__")
    if not isinstance(module, str) or not (module == "newslint" or module.startswith("newslint.")):
        return builtins.exec(source, globals, locals)
    code = _STORE.get(source)
    if code is None:
        # What `exec(source)` compiles: `dataclasses` has no `__future__` flags to pass on.
        code = compile(source, "<string>", "exec", dont_inherit=True)
        _STORE.put(source, code)
    return builtins.exec(code, globals, locals)


def _compile_forward_ref(source: Any, filename: Any, mode: Any, *args: Any, **kwargs: Any) -> Any:
    """`compile`, with the field types of newslint's `NamedTuple` classes compiled once per
    interpreter.

    `typing.ForwardRef` calls `compile(text, "<string>", "eval")`; the first caller outside
    `typing` is the module whose class is being made (or which asks for type hints). Any other
    call goes straight to the builtin, which, called from this module without `__future__`
    imports, compiles as from `typing`.
    """
    if args or kwargs or type(source) is not str or (filename, mode) != ("<string>", "eval"):
        return builtins.compile(source, filename, mode, *args, **kwargs)
    if not _for_newslint(sys._getframe(1)):
        return builtins.compile(source, filename, mode)
    return _expression(source)


def _eval(source: Any, globals: Any = None, locals: Any = None, /) -> Any:
    """`eval`, with the `__new__` that `collections.namedtuple` writes for newslint's
    `NamedTuple` classes compiled once per interpreter (see `_compile_forward_ref`).

    `eval` drops the spaces and tabs a source starts with, which `compile` refuses: such a
    source goes straight to the builtin, as does any other call.
    """
    if type(source) is not str or source[:1] in (" ", "\t") or not _for_newslint(sys._getframe(1)):
        return builtins.eval(source, globals, locals)
    return builtins.eval(_expression(source), globals, locals)


def _for_newslint(frame: Any) -> bool:
    """Whether the first caller outside `typing` and `collections`, from `frame` on, is newslint:
    the module whose class is being made (or which asks for type hints)."""
    while frame is not None and frame.f_globals.get("__name__") in ("typing", "collections"):
        frame = frame.f_back
    module = frame.f_globals.get("__name__") if frame is not None else None
    return isinstance(module, str) and (module == "newslint" or module.startswith("newslint."))


def _expression(source: str) -> CodeType:
    """`source` compiled as an expression, from the store or compiled and kept."""
    code = _EXPRESSIONS.get(source)
    if code is None:
        code = builtins.compile(source, "<string>", "eval")
        _EXPRESSIONS.put(source, code)
    return code
