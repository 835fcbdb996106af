"""Compiled dataclass methods, kept between runs like the `.pyc` files of the modules themselves.

`@dataclass` writes the source of each class's `__init__`, `__repr__`, `__eq__`, `__hash__` (and,
frozen, `__setattr__`/`__delattr__`) and compiles it with `exec` on every start: about 75 µs a
method, some 25 ms for newslint's seventy dataclasses, a fifth of a one-file pre-commit run.
`install()` makes the `dataclasses` module's `exec` look the compiled code up by its exact source
text first. The code object for a given text is what compiling that text gives, so the classes are
the same; only the compiling is saved.

- Only sources compiled for modules of newslint (the `globals` `dataclasses` passes are the class's
  module) are kept; any other `exec` goes straight to the builtin.
- The store is one marshal file per interpreter beside newslint's own bytecode, headed by the
  interpreter's bytecode magic number like a `.pyc`; it is written (atomically) only when something
  new was compiled, never when bytecode writing is off (`PYTHONDONTWRITEBYTECODE`, `-B`), and
  ignored when missing, unreadable or from another interpreter. Like bytecode written for another
  interpreter than the one pip compiled for, it is not in the wheel's record: uninstalling
  newslint leaves it (and its `__pycache__` folder) behind.
"""

import __future__

import atexit
import builtins
import contextlib
import dataclasses
import marshal
import os
import sys
from importlib.util import MAGIC_NUMBER, cache_from_source
from types import CodeType
from typing import Any


def _store_path() -> str:
    """Beside this module's own bytecode (`__pycache__`, or under `PYTHONPYCACHEPREFIX`)."""
    if sys.implementation.cache_tag is None:  # an interpreter without bytecode caching
        return ""
    folder = os.path.dirname(cache_from_source(__file__))
    name = f"dataclass-methods.{sys.implementation.cache_tag}.opt{sys.flags.optimize}.marshal"
    return os.path.join(folder, name)


_PATH = _store_path()
_codes: dict[str, CodeType] = {}
_used: set[str] = set()  # the sources this process asked for
_pending = False  # compiled something the store does not have yet
_MAX_STORED = 4096  # past this (old versions' methods piling up), keep only this run's


def install() -> None:
    """Route `dataclasses`' `exec` through `_exec` (idempotent; the store is read once)."""
    if getattr(dataclasses, "exec", None) is _exec:
        return
    if vars(dataclasses).get("annotations") is __future__.annotations:
        return  # its `exec` would compile with that flag, which `_exec` does not pass on
    _codes.update(_read())
    dataclasses.exec = _exec  # type: ignore[attr-defined]  # shadows the builtin in that module


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:
    """`exec`, with newslint's dataclass methods compiled once per interpreter, not per run.

    This module has no `__future__` imports, so the builtin `exec` called from here compiles a
    string exactly as when `dataclasses` calls it.
    """
    global _pending
    if type(source) is not str or not isinstance(globals, dict):
        return builtins.exec(source, globals, locals)
    module = globals.get("__name__")
    if not isinstance(module, str) or not (module == "newslint" or module.startswith("newslint.")):
        return builtins.exec(source, globals, locals)
    _used.add(source)
    code = _codes.get(source)
    if code is None:
        # What `exec(source)` compiles: `dataclasses` has no `__future__` flags to pass on.
        code = compile(source, "<string>", "exec", dont_inherit=True)
        _codes[source] = code
        if not _pending and _PATH and not sys.dont_write_bytecode:
            _pending = True
            atexit.register(_write)
    return builtins.exec(code, globals, locals)


def _read() -> dict[str, CodeType]:
    try:
        with open(_PATH, "rb") as file:
            data = file.read()
        if data[: len(MAGIC_NUMBER)] != MAGIC_NUMBER:
            return {}
        codes = marshal.loads(data[len(MAGIC_NUMBER) :])
    except Exception:  # missing, unreadable, truncated: compile as if there were no store
        return {}
    if not isinstance(codes, dict):
        return {}
    return {k: v for k, v in codes.items() if type(k) is str and type(v) is CodeType}


def _write() -> None:
    """Save the store with what this run compiled (and what another run saved meanwhile)."""
    global _pending
    _pending = False
    codes = {**_read(), **_codes}
    if len(codes) > _MAX_STORED:
        codes = {source: codes[source] for source in _used}
    temporary = f"{_PATH}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(_PATH), exist_ok=True)
        with open(temporary, "wb") as file:
            file.write(MAGIC_NUMBER + marshal.dumps(codes))
        os.replace(temporary, _PATH)
    except OSError:  # a read-only installation: every run compiles, as without the store
        with contextlib.suppress(OSError):
            os.unlink(temporary)
