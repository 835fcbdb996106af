"""Compiled regular expressions, kept between runs like the `.pyc` files of the modules themselves.

`re.compile` parses a pattern and translates it into the regex engine's code, in Python, on every
start; Python keeps the result only for the life of the process. newslint's rules and the YAML
library compile about 180 patterns before a one-file run has read its file: some 20 ms, a fifth of
a pre-commit run. `install()` puts a store in front of `re`'s compiler (`re._compiler.compile`):
the engine code for a pattern and its flags is looked up first, and the pattern object is built
from it by `_sre.compile`, the call that ends `re._compiler.compile` itself. What `re` does around
that call (its own cache, the errors for a bad pattern, which still come from the parser when a
pattern is first compiled) is unchanged.

- The engine code is private to one CPython build, so the store's tag holds the bytecode magic
  number, the interpreter's full version and the engine's `MAGIC`; `_sre.compile` also validates
  the code it is given, and any failure falls back to compiling.
- Kept are the patterns newslint's own modules compile and those any module compiles in its
  top-level code or in a class body (constants made at import), or in an extension module's
  initialisation, and `argparse`'s (a fixed set, made from newslint's command-line parser as it
  parses). A pattern made at run time by other code, such as a plugin building one per article,
  is compiled as always, so the store does not grow with the articles.
- Only the command installs it (`newslint.cli.run`); importing newslint as a library leaves `re`
  alone. It stays off on interpreters whose `re` is laid out differently.
"""

from __future__ import annotations

import importlib
import re
import sys
from array import array
from importlib.util import MAGIC_NUMBER
from typing import Any

from newslint._code_store import CodeStore

_sre: Any
_compiler: Any
_parser: Any
try:  # private modules, absent from the type stubs
    _sre, _compiler, _parser = map(importlib.import_module, ("_sre", "re._compiler", "re._parser"))
except ImportError:  # another implementation's `re`
    _sre = _compiler = _parser = None

# (flags with the pattern's inline flags, engine code, groups, group index, index group); the
# code's 32-bit words packed (`_packed`): the store unmarshals in 2 M instructions, against 9 M
# for its 37,000 words as a list of ints, and unpacking the patterns a run compiles takes back
# most of the difference (1.6 M fewer a one-file run in all).
Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
Key = tuple[str | bytes, int]


def _valid(key: object, entry: object) -> bool:
    return (
        type(key) is tuple
        and len(key) == 2
        and type(key[0]) in (str, bytes)
        and type(key[1]) is int
        and type(entry) is tuple
        and len(entry) == 5
        and type(entry[0]) is int
        and type(entry[1]) is bytes
        and type(entry[2]) is int
        and type(entry[3]) is dict
        and type(entry[4]) is tuple
    )


_WORD = "I" if array("I").itemsize == 4 else "L"  # the engine's code words are 32 bits
_TAG = MAGIC_NUMBER + f"|{sys.version}|{getattr(_sre, 'MAGIC', '')}|{_WORD}|".encode()
# About 200 patterns a run: past 1,024 (older versions' piling up) only this run's are kept.
_STORE: CodeStore[Key, Entry] = CodeStore("regex-code", _TAG, _valid, max_entries=1024)
_compile_anew: Any = None  # `re._compiler.compile` before `install`
_FUNCTION_CODE = (
    0x0001  # `inspect.CO_OPTIMIZED`: set on functions' code, not on module or class bodies
)
# Callers whose patterns made at run time are a fixed set all the same: `argparse` (the patterns of
# newslint's own parser, about 5 M instructions a run to compile), and the import system, the
# nearest Python caller of an extension module's initialisation (tomli, compiled with mypyc,
# compiles its module-level patterns there).
_FIXED_SET_CALLERS = frozenset({"argparse", "importlib._bootstrap"})
# As a plain int: `int & re.DEBUG` runs `RegexFlag.__rand__`, in Python, for every pattern.
_DEBUG = re.DEBUG.value


def install() -> None:
    """Put the store in front of `re._compiler.compile` (idempotent; the store is read once)."""
    global _compile_anew
    if _compiler is None or _compiler.compile is _compile:
        return
    needed = (hasattr(_compiler, "_code"), hasattr(_parser, "parse"), hasattr(_sre, "compile"))
    if not all(needed):
        return
    _STORE.load()
    _compile_anew = _compiler.compile
    _compiler.compile = _compile


def _compile(pattern: Any, flags: int = 0) -> re.Pattern[Any]:
    if type(pattern) not in (str, bytes) or flags & _DEBUG:
        return _compile_anew(pattern, flags)
    key = (pattern, int(flags))
    entry = _STORE.get(key)
    if entry is None:
        entry = _engine_code(pattern, int(flags))
        if _asked_for_by_lasting_code():
            _STORE.put(key, entry)
    flags_used, code, groups, groupindex, indexgroup = entry
    try:
        return _sre.compile(pattern, flags_used, _unpacked(code), groups, groupindex, indexgroup)
    except Exception:  # an entry this `_sre` does not accept: compile as without the store
        return _compile_anew(pattern, flags)


def _engine_code(pattern: str | bytes, flags: int) -> Entry:
    """What `re._compiler.compile` passes to `_sre.compile`, as plain marshal-able values."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        int(flags | parsed.state.flags),
        _packed(code),
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _packed(code: list[int]) -> bytes:
    """The engine's code words as bytes (its opcodes are `int` subclasses: marshal refuses them)."""
    return array(_WORD, code).tobytes()


def _unpacked(code: bytes) -> list[int]:
    """The list of code words `_sre.compile` takes (ValueError for bytes of a broken length)."""
    words = array(_WORD)
    words.frombytes(code)
    return words.tolist()


def _asked_for_by_lasting_code() -> bool:
    """Whether the pattern comes from newslint or from a module's or class's body (see above)."""
    frame = sys._getframe(2)
    while frame is not None:
        module = frame.f_globals.get("__name__")
        if not isinstance(module, str):
            return False
        if module not in ("re", "functools") and not module.startswith("re."):
            break
        frame = frame.f_back  # type: ignore[assignment]
    else:
        return False
    if module == "newslint" or module.startswith("newslint.") or module in _FIXED_SET_CALLERS:
        return True
    return not frame.f_code.co_flags & _FUNCTION_CODE  # a module's or a class's body
