"""A dictionary of compiled code kept between runs, beside newslint's own bytecode.

Python caches the bytecode of modules in `.pyc` files but compiles two other kinds of code anew at
every start: the methods `@dataclass` writes (`newslint._dataclass_code`) and regular expressions
(`newslint._regex_code`). For a one-file pre-commit run those compiles are a third of the time.
A `CodeStore` keeps such results the way a `.pyc` keeps bytecode:

- one marshal file per interpreter in newslint's `__pycache__` folder (or under
  `PYTHONPYCACHEPREFIX`), headed by a tag that names everything the contents depend on (at least
  the bytecode magic number), so a store from another interpreter is ignored;
- read once; ignored when missing, unreadable, truncated or malformed (each entry is checked);
- written atomically at exit, and only when this run added something and bytecode writing is on
  (not under `PYTHONDONTWRITEBYTECODE` or `-B`); a read-only installation simply compiles every
  time, as without a store;
- bounded: past `max_entries` (old versions' entries piling up), only this run's are kept.

Like bytecode written for an interpreter other than the one pip compiled for, the files are not in
the wheel's record: uninstalling newslint leaves them (and their `__pycache__` folder) behind.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import sys
from collections.abc import Callable, Hashable
from importlib.util import cache_from_source
from typing import Generic, TypeVar

Key = TypeVar("Key", bound=Hashable)
Value = TypeVar("Value")


def store_path(name: str) -> str:
    """Where the store called `name` lives for this interpreter ("" if it caches no bytecode)."""
    if sys.implementation.cache_tag is None:
        return ""
    folder = os.path.dirname(cache_from_source(__file__))
    return os.path.join(
        folder, f"{name}.{sys.implementation.cache_tag}.opt{sys.flags.optimize}.marshal"
    )


class CodeStore(Generic[Key, Value]):
    """Compiled results by key, loaded from and saved to one marshal file (see the module doc).

    `valid(key, value)` says whether an entry read from the file has the expected shape; entries
    that fail it are dropped, so a damaged file costs compiling, never a wrong result type.
    """

    def __init__(
        self,
        name: str,
        tag: bytes,
        valid: Callable[[object, object], bool],
        max_entries: int = 4096,
    ) -> None:
        self.path = store_path(name)
        self.tag = tag
        self.valid = valid
        self.max_entries = max_entries
        self.entries: dict[Key, Value] = {}
        self.used: set[Key] = set()  # the keys this process asked for
        self.pending = False  # added something the file does not have yet

    def load(self) -> None:
        self.entries.update(self.read())

    def get(self, key: Key) -> Value | None:
        value = self.entries.get(key)
        if value is not None:  # a key never stored is not remembered (`put` adds the ones it keeps)
            self.used.add(key)
        return value

    def put(self, key: Key, value: Value) -> None:
        self.used.add(key)
        self.entries[key] = value
        if not self.pending and self.path and not sys.dont_write_bytecode:
            self.pending = True
            atexit.register(self.write)

    def read(self) -> dict[Key, Value]:
        try:
            with open(self.path, "rb") as file:
                data = file.read()
            if not data.startswith(self.tag):
                return {}
            entries = marshal.loads(data[len(self.tag) :])
        except Exception:  # missing, unreadable, truncated: compile as if there were no store
            return {}
        if not isinstance(entries, dict):
            return {}
        return {k: v for k, v in entries.items() if self.valid(k, v)}

    def write(self) -> None:
        """Save the store with what this run added (and what another run saved meanwhile)."""
        self.pending = False
        entries = {**self.read(), **self.entries}
        if len(entries) > self.max_entries:
            entries = {key: entries[key] for key in self.used if key in entries}
        temporary = f"{self.path}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            with open(temporary, "wb") as file:
                file.write(self.tag + marshal.dumps(entries))
            os.replace(temporary, self.path)
        except (OSError, ValueError):  # read-only installation; ValueError: unmarshallable entry
            with contextlib.suppress(OSError):
                os.unlink(temporary)
