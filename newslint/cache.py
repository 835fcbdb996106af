"""The per-file result cache in `.newslint_cache/`: a file whose bytes did not change is not parsed.

## Where it lives

1. `$NEWSLINT_CACHE_DIR`, when set;
2. else next to the newslint configuration file in use (`pyproject.toml`, `newslint.toml`): the
   project root, as ruff does;
3. else the root of the Hugo site the first linted file belongs to (the folder of `hugo.toml`);
4. else the working directory.

The folder gets its own `.gitignore` (`*`) and a `CACHEDIR.TAG`, so it is never committed or backed
up. A folder that cannot be written (a read-only checkout) simply means no caching.

## What an entry is keyed by

The SHA-256 of the file's bytes, its path (as shown and resolved: the language, per-file ignores and
the site depend on it), and a run fingerprint: the cache format, the newslint version, the size and
modification time of every newslint and rule module (so editing a rule in an editable install
invalidates), each active rule's code, name, origin, module, severity and options (plugins
included), and the effective configuration; plus a fingerprint of the file's Hugo site configuration
and one of the `cascade` its sections' `_index` files give it (`newslint.cascade.fingerprint`), so
editing a section's `_index.md` re-lints the pages below it.

An entry holds the file's `FileResult`: its diagnostics and the data cross-file rules collected, so a
cached file still takes part in `project_end`. Each collected item is kept as its own pickle, and
the group keys of the file's items (`newslint.project.item_keys`) as one more: a warm run hands
the items to the project store's temporary file as they are and only hashes the keys, never
unpickling an item or running a rule's `group_key` (`newslint.project.ProjectData.add_stored`).
Results that depend on the clock (from a rule class
with `volatile = True`, such as a date-in-the-future check) and results with an internal error are
not stored, nor are results whose collected data does not pickle (a plugin's lock or lambda).

Results that depend on other files are stored with what they depend on: the existence checks
`Site.may_serve` made while the file was linted (whether a relative link may lead to a page, a
section or a static file: `newslint.site.recording_probes`), each an absolute path and whether it
existed, or a folder whose names were matched against a URL and its modification time. A lookup
re-checks them (a `stat` each, and only files with such links have any): when a page a link led
to is deleted, or one a link led nowhere is written or renamed, the entry is a miss.

## How it is stored

Rows of one SQLite database, `.newslint_cache/v<format>-<version>/files.sqlite` (see `FileCache`):
stores are batched in transactions (atomic, safe under concurrent runs and worker processes); an
entry whose checksum does not match is ignored, and a database file that is not one is replaced.
Entries are pickles, trusted like Python's own `__pycache__`. A newslint version change drops the
old folder; rows unused for 30 days are pruned.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import pickle
import re
import secrets
import shutil
import sqlite3
import sys
import time
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslint import __version__
from newslint.rule import Severity

if TYPE_CHECKING:
    from newslint.engine import FileResult, RuleSet
    from newslint.project import Stored
    from newslint.site import Site

CACHE_DIR_NAME = ".newslint_cache"
# 2: an entry holds the existence checks its result depends on; 3: an entry's checksum is a CRC-32;
# 4: each collected item is stored as its own pickle, with the pickle of its group keys
FORMAT = 4
_MAGIC = b"NLC3"
_DIGEST = 16  # bytes of an entry's key
_CHECK = 4  # bytes of an entry's checksum
_GITIGNORE = "# Created by newslint automatically.\n*\n"
_CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by newslint.\n"
)
# The name of a version's folder (`FileCache.folder`): the format and a version number.
_VERSION_FOLDER = re.compile(r"v[0-9]+-[0-9][0-9A-Za-z.+!_-]*")
# How many distinct strings `FileCache.get` shares between the results it decodes.
STRINGS_KEPT = 10_000
# Configuration that does not change a file's diagnostics, so changing it keeps the cache.
_NOT_PER_FILE = ("fail_on", "include", "exclude", "output_format")


def locate(files: Sequence[Path], config_path: Path | None) -> Path:
    """The cache folder for a run over `files` (see the module docstring for the order)."""
    env = os.environ.get("NEWSLINT_CACHE_DIR")
    if env:
        return Path(env)
    if config_path is not None:
        return config_path.resolve().parent / CACHE_DIR_NAME
    if files:
        from newslint.site import site_for

        root = site_for(files[0]).root
        if root is not None:
            return root / CACHE_DIR_NAME
    return Path.cwd() / CACHE_DIR_NAME


def _checksum(payload: bytes) -> bytes:
    """What tells a damaged entry (a disk error, a copy cut short) from a sound one: a CRC-32, as
    zip and PNG use for the same purpose. It is computed for every entry a warm run reads, where a
    BLAKE2 digest of the same 2 KB took a tenth of the lookup's instructions."""
    return zlib.crc32(payload).to_bytes(_CHECK, "little")


def _prepare(base: Path) -> bool:
    """Create the cache folder with its `.gitignore`; False when it cannot be written."""
    try:
        if not (base / ".gitignore").is_file():
            base.mkdir(parents=True, exist_ok=True)
            _atomic_write(base / ".gitignore", _GITIGNORE.encode())
            _atomic_write(base / "CACHEDIR.TAG", _CACHEDIR_TAG.encode())
        return os.access(base, os.W_OK)
    except OSError:
        return False


_O_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


def _atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` through a temporary file, which is created with the mode a new
    file gets (0666 less the umask), not `mkstemp`'s owner-only 0600: the cache's `.gitignore`
    and `CACHEDIR.TAG` are ordinary files that backup tools and other users of the checkout read."""
    for _ in range(100):
        tmp = str(path.parent / f".tmp-{os.getpid()}-{secrets.token_hex(6)}")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, 0o666)
            break
        except FileExistsError:
            continue
    else:
        raise FileExistsError(f"no free temporary name in {path.parent}")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _code_fingerprint() -> list[Any]:
    """Size and mtime of every module of newslint and of the built-in rules."""
    import newslint

    roots = [Path(newslint.__file__).parent]
    rules = sys.modules.get("newslint.rules")
    if rules is not None and getattr(rules, "__file__", None):
        roots.append(Path(str(rules.__file__)).parent)
    out: list[Any] = []
    for root in roots:
        for dirpath, _, names in sorted(os.walk(root)):
            for name in sorted(names):
                if name.endswith(".py"):
                    with contextlib.suppress(OSError):
                        stat = os.stat(os.path.join(dirpath, name))
                        out.append((name, stat.st_size, stat.st_mtime_ns))
    return out


def _module_stamp(module_name: str) -> Any:
    """Size and mtime of a plugin rule's module and, when it is part of a package (a rule folder,
    an installed plugin package), of every module of that package: a helper the rule imports
    (`from ._words import BAD`) decides its results as much as the rule's own file does."""
    module = sys.modules.get(module_name)
    filename = getattr(module, "__file__", None)
    if not filename:
        return None
    package = sys.modules.get(module_name.rpartition(".")[0]) if "." in module_name else None
    files = [filename]
    for folder in getattr(package, "__path__", None) or ():
        for dirpath, _, names in sorted(os.walk(folder)):
            files.extend(os.path.join(dirpath, n) for n in sorted(names) if n.endswith(".py"))
    stamps = []
    for name in dict.fromkeys(files):
        with contextlib.suppress(OSError):
            stat = os.stat(name)
            stamps.append((name, stat.st_size, stat.st_mtime_ns))
    return stamps or None


def run_fingerprint(ruleset: RuleSet) -> str:
    """What every cached result of this run depends on, besides the file and its site."""
    config = ruleset.config
    data = config.to_data() if hasattr(config, "to_data") else repr(config)
    if isinstance(data, dict):
        for key in _NOT_PER_FILE:
            data.pop(key, None)
    rules = [
        (
            active.rule.code,
            active.rule.name,
            active.rule.origin,
            active.rule.__module__,
            active.rule.__qualname__,
            int(active.severity),
            repr(active.options),
            None if active.rule.origin == "builtin" else _module_stamp(active.rule.__module__),
        )
        for active in ruleset.rules
    ]
    payload = {
        "format": FORMAT,
        "version": __version__,
        "python": sys.version_info[:2],
        "code": _code_fingerprint(),
        "rules": rules,
        "per_file_ignores": ruleset.per_file_ignores,
        # Their patterns are read from the configuration file's folder (`config.pattern_base`).
        "config_file": os.path.abspath(path) if (path := getattr(config, "path", None)) else "",
        "config": data,
    }
    text = json.dumps(payload, sort_keys=True, default=repr)
    return hashlib.sha256(text.encode()).hexdigest()


def site_fingerprint(site: Site | None) -> str:
    if site is None:
        return "-"
    fields = {f.name: getattr(site, f.name) for f in dataclasses.fields(site) if f.name != "errors"}
    text = json.dumps(fields, sort_keys=True, default=repr)
    return hashlib.sha256(text.encode()).hexdigest()


class FileCache:
    """Lookups and stores of per-file results for one run fingerprint, in one SQLite file.

    One database rather than one file per entry: creating a file costs about a millisecond on a
    busy CI disk, which would be 10 s for 10,000 articles, while a row costs tens of microseconds.
    SQLite makes each batch of stores atomic and lets concurrent runs and worker processes share
    the file (WAL journal, a busy timeout). Every process opens its own connection (never one
    inherited through fork). Rows not used for `KEEP_DAYS` days are pruned.
    """

    KEEP_DAYS = 30

    def __init__(self, base: Path, fingerprint: str, *, writable: bool = True) -> None:
        self.base = base
        self.fingerprint = fingerprint
        self.writable = writable
        self.folder = base / f"v{FORMAT}-{__version__}"
        self.database = self.folder / "files.sqlite"
        # Sites are few and long-lived; each is kept (so its id stays unique) with the key's digest
        # of what every file of it shares (the run's and the site's fingerprints), which each
        # file's key continues from a copy of.
        self._sites: dict[int, tuple[Site | None, hashlib.blake2b]] = {}
        self._connection: sqlite3.Connection | None = None
        self._pid = 0
        self._file: tuple[int, int] | None = None  # (device, inode) of the database it opened
        self._pending: list[tuple[bytes, int, bytes]] = []
        self._strings: dict[str, str] = {}  # text shared between decoded results, bounded
        self._today = int(time.time() // 86400)
        self.hits = 0
        self.misses = 0

    @classmethod
    def open(cls, files: Sequence[Path], ruleset: RuleSet) -> FileCache | None:
        """The cache for this run, or None when its folder cannot be used."""
        base = locate(files, getattr(ruleset.config, "path", None))
        if not _prepare(base):
            return None
        cache = cls(base, run_fingerprint(ruleset))
        cache._drop_old_versions()
        if cache._connect() is None:
            return None
        return cache

    def _drop_old_versions(self) -> None:
        """Remove the folders of other newslint versions. Only names that are one
        (`v<format>-<version>`): `NEWSLINT_CACHE_DIR` may be a folder shared with other programs
        (`~/.cache`), whose `vim` or `virtualenv` is none of newslint's."""
        current = self.folder.name
        with contextlib.suppress(OSError):
            for entry in os.scandir(self.base):
                if (
                    _VERSION_FOLDER.fullmatch(entry.name)
                    and entry.name != current
                    and entry.is_dir(follow_symlinks=False)
                ):
                    shutil.rmtree(entry.path, ignore_errors=True)

    def _connect(self) -> sqlite3.Connection | None:
        if self._connection is not None and self._pid == os.getpid():
            return self._connection
        if self._pid != os.getpid():
            # A connection inherited through fork is never used, nor the parent's pending rows.
            self._pending = []
        self._connection = None
        for attempt in range(2):
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                connection = sqlite3.connect(self.database, timeout=10, isolation_level=None)
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA synchronous=NORMAL")
                connection.execute(
                    "CREATE TABLE IF NOT EXISTS entries "
                    "(key BLOB PRIMARY KEY, used INTEGER NOT NULL, value BLOB NOT NULL)"
                )
            except sqlite3.DatabaseError:
                # Not a database (corrupted, truncated): start again from an empty one.
                if attempt == 0:
                    for suffix in ("", "-wal", "-shm"):
                        with contextlib.suppress(OSError):
                            os.unlink(f"{self.database}{suffix}")
                    continue
                return None
            except (sqlite3.Error, OSError):
                return None
            self._connection, self._pid = connection, os.getpid()
            with contextlib.suppress(OSError):
                stat = os.stat(self.database)
                self._file = (stat.st_dev, stat.st_ino)
            return connection
        return None

    def _start_again(self) -> None:
        """Drop a database that SQLite found damaged inside (its header is fine, so it opened, but
        a page is not: a disk error, a copy cut short): left in place, every later run would miss
        every file and store nothing. Another process that found it first may have replaced it
        already; that new database is kept (only the file this connection opened is removed)."""
        if self._connection is not None and self._pid == os.getpid():
            with contextlib.suppress(sqlite3.Error):
                self._connection.close()
        self._connection = None
        try:
            stat = os.stat(self.database)
        except OSError:
            return
        if self._file != (stat.st_dev, stat.st_ino):
            return
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.unlink(f"{self.database}{suffix}")

    def key(
        self, shown: str, resolved: str, site: Site | None, content: bytes, cascade: str = ""
    ) -> bytes:
        """The entry's key; `cascade` is the fingerprint of what the page's sections and site
        cascade onto it (`newslint.cascade.fingerprint`)."""
        known = self._sites.get(id(site))
        if known is None or known[0] is not site:
            shared = hashlib.blake2b(digest_size=_DIGEST)
            for part in (self.fingerprint, site_fingerprint(site)):
                shared.update(part.encode("utf-8", "surrogateescape"))
                shared.update(b"\0")
            known = self._sites[id(site)] = (site, shared)
        digest = known[1].copy()
        for part in (shown, resolved, cascade):
            digest.update(part.encode("utf-8", "surrogateescape"))
            digest.update(b"\0")
        digest.update(hashlib.sha256(content).digest())
        return digest.digest()

    def get(self, key: bytes) -> FileResult | None:
        found = self._get(key, False)
        return None if found is None else found[0]

    def get_stored(self, key: bytes) -> tuple[FileResult, Stored] | None:
        """`get`, with the collected items left as stored (see `decode_stored`)."""
        return self._get(key, True)

    def _get(self, key: bytes, stored: bool) -> tuple[FileResult, Stored] | None:
        encoded = self.get_encoded(key)
        if encoded is None:
            return None
        if len(self._strings) > STRINGS_KEPT:
            # Text that repeats (rule names, messages) comes back at once; the rest would make a
            # worker of a warm run over 30,000 files grow by 20 MB.
            self._strings.clear()
        try:
            if stored:
                return decode_stored(encoded, self._strings)
            return decode_result(encoded, self._strings), ([], None)
        except Exception:  # a damaged entry is a miss, never a crash
            self.hits -= 1
            self.misses += 1
            return None

    def get_encoded(self, key: bytes) -> tuple[Any, ...] | None:
        """The stored result under `key` as `encode_result` made it, not decoded: what a worker
        sends back as it is (the main process decodes it), or None on a miss."""
        connection = self._connect()
        row = None
        if connection is not None:
            try:
                row = connection.execute(
                    "SELECT value, used FROM entries WHERE key = ?", (key,)
                ).fetchone()
            except sqlite3.Error as err:
                if _damaged(err):
                    self._start_again()
                row = None
        if row is None or (encoded := _decode(row[0])) is None:
            self.misses += 1
            return None
        self.hits += 1
        value, used = row
        if used != self._today and self.writable:
            self._pending.append((key, self._today, value))  # keeps it from being pruned
        return encoded

    def put(self, key: bytes, result: FileResult, probes: Sequence[tuple[str, bool]] = ()) -> None:
        """Store `result` under `key`; `probes` are the existence checks it depends on (see the
        module docstring), re-checked by `get`."""
        if self.writable:
            self.put_encoded(key, encode_result(result), probes)

    def put_encoded(
        self, key: bytes, encoded: tuple[Any, ...], probes: Sequence[tuple[str, bool]] = ()
    ) -> None:
        """`put` of a result as `encode_result` made it."""
        if not self.writable:
            return
        depends = tuple(dict.fromkeys(probes))
        try:
            payload = pickle.dumps((encoded, depends), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # a plugin's collected data that pickle cannot carry (a lock, a lambda)
            return  # is linted again next time, as `newslint.project` keeps it in memory
        self._pending.append((key, self._today, _MAGIC + _checksum(payload) + payload))
        if len(self._pending) >= 256:
            self.flush()

    def flush(self) -> None:
        """Store what `put` buffered, in one transaction."""
        if not self._pending:
            return
        rows, self._pending = self._pending, []
        for attempt in range(2):
            connection = self._connect()
            if connection is None:
                return
            try:
                connection.execute("BEGIN")
                connection.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", rows)
                connection.execute("COMMIT")
                return
            except sqlite3.Error as err:
                with contextlib.suppress(sqlite3.Error):
                    connection.execute("ROLLBACK")
                if attempt == 0 and _damaged(err):
                    self._start_again()  # and store the rows in the new database
                    continue
                self.writable = False  # a full disk or a read-only folder: go on without storing
                return

    def prune(self) -> None:
        """Drop rows that no run has used for `KEEP_DAYS` days (at most once a day)."""
        marker = self.folder / "pruned"
        with contextlib.suppress(OSError, ValueError):
            if int(marker.read_text()) == self._today:
                return
        connection = self._connect()
        if connection is None or not self.writable:
            return
        with contextlib.suppress(sqlite3.Error, OSError):
            connection.execute(
                "DELETE FROM entries WHERE used < ?", (self._today - self.KEEP_DAYS,)
            )
            _atomic_write(marker, str(self._today).encode())

    def close(self) -> None:
        """Store what is pending and close this process's connection (it reopens when used)."""
        self.flush()
        if self._connection is not None and self._pid == os.getpid():
            with contextlib.suppress(sqlite3.Error):
                self._connection.close()
        self._connection = None


# SQLite's primary result codes for a file that is damaged inside or is no database at all.
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


def _damaged(err: sqlite3.Error) -> bool:
    """Whether `err` says the database file is damaged (not busy, read-only or full)."""
    code = getattr(err, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def _decode(blob: bytes) -> tuple[Any, ...] | None:
    """The encoded result (`encode_result`) an entry holds, or None when the entry is damaged or
    the existence checks it depends on no longer hold."""
    head = len(_MAGIC) + _CHECK
    if not isinstance(blob, bytes) or len(blob) < head or not blob.startswith(_MAGIC):
        return None
    payload = blob[head:]
    if _checksum(payload) != blob[len(_MAGIC) : head]:
        return None
    try:
        encoded, depends = pickle.loads(payload)
        if depends:
            from newslint.site import probes_hold

            if not probes_hold(depends):
                return None  # a page a link led to was deleted, or one it missed was written
        if not isinstance(encoded, tuple) or len(encoded) != 5:
            return None
    except Exception:  # a corrupted entry is a miss, never a crash
        return None
    return encoded


# Results are stored (and sent back from worker processes) as tuples of plain values: unpickling
# frozen slotted dataclasses goes through `dataclasses.fields()` for every object, which made a warm
# run spend half its time in pickle.
_SEVERITIES = {int(severity): severity for severity in Severity}


def encode_result(
    result: FileResult,
    keys: dict[str, Callable[[Any], Any]] | None = None,
    found: dict[str, Any] | None = None,
) -> tuple[Any, ...]:
    """A `FileResult` as nested tuples of plain values (see `decode_result`).

    Each collected item is stored as `(rule name, its pickle)` (`newslint.project.pack_item`), and
    what `keys` (`newslint.project.item_keys`) gives for the items is pickled once, as a dict by
    rule name: a warm run hands both to the project store as they are
    (`newslint.project.ProjectData.add_stored`). An item that does not pickle (a plugin's lock or
    lambda) stays `(rule name, path, data, extra)`. `found`, when given, receives the keys
    unpickled (what a run that lints the file hands to `add_stored` itself)."""
    collected, item_keys = _encode_collected(result, keys, {} if found is None else found)
    return (
        result.path,
        [
            (
                None if d.path == result.path else d.path,
                d.rule,
                d.code,
                int(d.severity),
                d.message,
                d.span.start,
                d.span.end,
                d.line,
                d.column,
                d.end_line,
                d.end_column,
                None
                if d.fix is None
                else (
                    d.fix.title,
                    d.fix.applicability.value,
                    [(e.start, e.end, e.content) for e in d.fix.edits],
                ),
                [(p.line, p.column, p.end_line, p.end_column, p.content) for p in d.fix_positions],
                d.source_line,
                d.source_text,
                d.extra or None,
            )
            for d in result.diagnostics
        ],
        collected,
        result.fixes_applied,
        item_keys,
    )


def _encode_collected(
    result: FileResult, keys: dict[str, Callable[[Any], Any]] | None, found: dict[str, Any]
) -> tuple[list[tuple[Any, ...]], bytes | None]:
    pack_item = (_DECODING or _decoding())[-1]
    out: list[tuple[Any, ...]] = []
    for name, item in result.collected.items():
        try:
            out.append((name, pack_item(item)))
        except Exception:
            out.append((name, item.path, item.data, item.extra or None))
            continue
        key = keys.get(name) if keys else None
        if key is not None:
            # Left out when it raises: `ProjectData` works it out again and reports the error.
            # (`contextlib.suppress` costs a class instance a call: this runs for every item.)
            try:  # noqa: SIM105
                found[name] = key(item.data)
            except Exception:
                pass
    if not found:
        return out, None
    try:
        return out, pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # a key that does not pickle: worked out again from the items
        found.clear()
        return out, None


# What `decode_result` and `encode_result` build with, imported on the first call (this module is
# imported without them), then kept: importing them for each of 10,000 results cost on its own.
_DECODING: tuple[Any, ...] | None = None


def _decoding() -> tuple[Any, ...]:
    global _DECODING
    from newslint.diagnostics import Diagnostic, EditPosition
    from newslint.engine import FileResult
    from newslint.fixes import APPLICABILITIES, Edit, ordered_fix
    from newslint.project import pack_item, unpack_item
    from newslint.spans import Span

    _DECODING = (
        Diagnostic,
        EditPosition,
        FileResult,
        APPLICABILITIES,
        Edit,
        ordered_fix,
        Span,
        unpack_item,
        pack_item,
    )
    return _DECODING


def decode_result(data: tuple[Any, ...], strings: dict[str, str] | None = None) -> FileResult:
    """Rebuild what `encode_result` made. Text that repeats across files (rule names, messages,
    source lines such as `menu: ""`) is shared through `strings` when given, so that holding the
    diagnostics of 30,000 files takes less memory."""
    from newslint.events import Collected

    unpack_item = (_DECODING or _decoding())[-2]
    result = _decode_diagnostics(data, strings)
    for item in data[2]:
        if len(item) == 4:
            name, where, value, extra = item
            result.collected[name] = Collected(where, value, extra or {})
        else:
            result.collected[item[0]] = unpack_item(item[1])
    return result


def decode_stored(
    data: tuple[Any, ...], strings: dict[str, str] | None = None
) -> tuple[FileResult, Stored]:
    """`decode_result` with nothing collected, and the collected items as stored, for
    `newslint.project.ProjectData.add_stored`."""
    return _decode_diagnostics(data, strings), (data[2], data[4])


def _decode_diagnostics(data: tuple[Any, ...], strings: dict[str, str] | None) -> FileResult:
    """The `FileResult` of `data` with nothing collected."""
    Diagnostic, EditPosition, FileResult, APPLICABILITIES, Edit, ordered_fix, Span, _, _ = (
        _DECODING or _decoding()
    )
    path, diagnostics, _, fixes_applied, _ = data
    # `share(text, text)` gives the first equal string seen (within this one result when no
    # `strings` are given).
    share = ({} if strings is None else strings).setdefault
    out = []
    for item in diagnostics:
        where, rule, code, severity, message, start, end, line, column, end_line = item[:10]
        end_column, fix_data, positions, source_line, source_text, extra = item[10:]
        fix = None
        if fix_data is not None:
            title, applicability, edits = fix_data
            fix = ordered_fix(
                share(title, title),
                tuple([Edit(start, end, share(content, content)) for start, end, content in edits]),
                APPLICABILITIES[applicability],
            )
        out.append(
            Diagnostic(
                where or path,
                share(rule, rule),
                share(code, code),
                _SEVERITIES[severity],
                share(message, message),
                Span(start, end),
                line,
                column,
                end_line,
                end_column,
                fix,
                tuple([EditPosition(a, b, c, d, share(e, e)) for a, b, c, d, e in positions]),
                share(source_line, source_line),
                share(source_text, source_text),
                extra or {},
            )
        )
    return FileResult(path, out, {}, list(fixes_applied))


# ----------------------------------------------------------------- validated configuration


def _config_memo(data: dict[str, Any], source: Path | None) -> Path | None:
    if source is None or os.environ.get("NEWSLINT_NO_CACHE"):
        return None
    # The file's own path is part of the key: paths in a configuration resolve from its folder, and
    # a shared `NEWSLINT_CACHE_DIR` must not answer for another project's file.
    text = json.dumps([str(source.resolve()), data], sort_keys=True, default=repr)
    stamp = json.dumps([FORMAT, __version__, _module_stamp("newslint.config")], default=repr)
    key = hashlib.sha256((stamp + "\0" + text).encode()).hexdigest()
    base = Path(os.environ.get("NEWSLINT_CACHE_DIR") or source.resolve().parent / CACHE_DIR_NAME)
    return base / f"v{FORMAT}-{__version__}" / "config" / f"{key}.json"


def validated_config(data: dict[str, Any], source: Path | None) -> dict[str, Any] | None:
    """The validated form of configuration `data` when a run validated it before, else None.

    This lets a run whose configuration file did not change skip importing pydantic.
    """
    memo = _config_memo(data, source)
    if memo is None:
        return None
    try:
        remembered = json.loads(memo.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # a corrupted memo is no memo
        return None
    return remembered if isinstance(remembered, dict) else None


def remember_config(data: dict[str, Any], source: Path | None, validated: dict[str, Any]) -> None:
    memo = _config_memo(data, source)
    if memo is None:
        return
    try:
        text = json.dumps(validated, sort_keys=True)
    except (TypeError, ValueError):
        return  # not plain data: validate again next time
    if not _prepare(memo.parents[2]):
        return
    with contextlib.suppress(OSError):
        memo.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write(memo, text.encode())
