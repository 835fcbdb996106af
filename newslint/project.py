"""What the cross-file rules collected over a run, kept compact: `ProjectData`.

`project_end` needs, for each cross-file rule, what its `collect` returned for every file of the
run, and `project_suppressions` needs the suppression comments of the files that have some. Holding
every file's `FileResult` until the end cost about 2 KB per file in the main process (60 MB for
30,000 articles), so a run that does not need the results themselves (`newslint check`) gives each
result to `ProjectData.add` as it arrives and lets it go:

- **Spill.** After the first `MEMORY_ITEMS`, each collected item (one rule, one file) is pickled
  (after a header: the file's index and whether it was given; a file's items in one write)
  into an anonymous temporary file (`tempfile.TemporaryFile`: it has no name and disappears when
  closed or when the process ends); in memory, the rule keeps the item's offset, 8 bytes. Data that
  does not pickle, or finds no temporary folder to go to, stays in memory.
- **Groups.** For a rule that defines the classmethod `group_key(data)` (see `newslint.rule.Rule`),
  each item's key is computed as it arrives and only its `hash` is kept, 8 bytes more. At the end,
  only the items whose hash occurs at least twice are read back; they are grouped again by the key
  itself (so a hash collision never joins two groups), and the members of groups of two or more
  items go to `project_end`, in file order. The duplicate rules (XF001, XF002) thus read back only
  the duplicates. A rule with `group_keys` (several keys per item) keeps a hash per key and gets
  back the items that share a key, those that give `GROUP_ALWAYS`, and those whose `SoughtKey`s
  one of the latter gives; of a `CountedKey` it keeps only how many items gave it (`counts`).
- **Everything else** (rules without `group_key`, the link rules' URLs, suppressions) is read back
  whole when asked for, in file order.

Items read from the cache (or sent by a worker) come as the cache stores them, each already
pickled and with its keys: `add_stored` writes the pickle as it is (see `newslint.cache`).

`ProjectData.of(results)` builds the same from results held in memory (`newslint watch`, `newslint
fix`, `newslint.testing`, API callers), without a temporary file, so every caller gives a rule the
same items in the same order.
"""

from __future__ import annotations

import pickle
import struct
import weakref
from array import array
from collections.abc import Callable, Hashable, Iterable, Sequence
from functools import partial
from itertools import pairwise
from typing import IO, TYPE_CHECKING, Any

from newslint.events import Collected
from newslint.rule import GROUP_ALWAYS, CountedKey, Rule, SoughtKey, rule_label

if TYPE_CHECKING:
    from newslint.engine import FileResult

# One stored item: (the file's index in the run, whether the file was given, what was collected).
Record = tuple[int, bool, Collected]
# Items kept in memory before the rest is spilled: a run of a few files needs no temporary file.
MEMORY_ITEMS = 1000
# A spilled record: the file's index and whether it was given, then the item's pickle (`pack_item`).
_HEADER = struct.Struct("<q?")
# A file's items as the cache stores them and workers send them (`newslint.cache.encode_result`):
# each as (rule name, `pack_item`'s pickle), or (rule name, path, data, extra) when it does not
# pickle; and the pickle of a dict of what `item_keys` gave for each of them (by rule name), or
# None.
Stored = tuple[Sequence[tuple[Any, ...]], bytes | dict[str, Any] | None]


def pack_item(item: Collected) -> bytes:
    """An item's pickle as the project store spills it (and the cache stores it): a warm run hands
    the stored bytes on to the temporary file without unpickling and pickling them again."""
    return pickle.dumps(
        (item.path, item.data, item.extra or None), protocol=pickle.HIGHEST_PROTOCOL
    )


def unpack_item(blob: bytes) -> Collected:
    path, data, extra = pickle.loads(blob)
    return Collected(path, data, extra or {})


def item_keys(rules: Iterable[type[Rule]]) -> dict[str, Callable[[Any], Any]]:
    """For each rule with `group_key` or `group_keys`, what `ProjectData` keeps of an item's data:
    its key, or its keys sorted by kind (`sorted_keys`). The cache stores them with the item, so
    that a warm run neither unpickles the item nor runs the rule's Python to learn them."""
    keys: dict[str, Callable[[Any], Any]] = {}
    for rule in rules:
        if rule.group_key is not None:
            keys[rule.name] = rule.group_key
        elif rule.group_keys is not None:
            keys[rule.name] = partial(_sorted_keys_of, rule.group_keys)
    return keys


# An item's `group_keys` by kind: the plain keys, the keys of its `SoughtKey`s, of its
# `CountedKey`s.
SortedKeys = tuple[tuple[Hashable, ...], tuple[Hashable, ...], tuple[Hashable, ...]]


def sorted_keys(given: Iterable[Hashable]) -> SortedKeys:
    """`given` (what `group_keys` returned) by kind."""
    plain: list[Hashable] = []
    sought: list[Hashable] = []
    counted: list[Hashable] = []
    for key in given:
        if isinstance(key, CountedKey):
            counted.append(key.key)
        elif isinstance(key, SoughtKey):
            sought.append(key.key)
        else:
            plain.append(key)
    return tuple(plain), tuple(sought), tuple(counted)


def _sorted_keys_of(group_keys: Callable[[Any], Iterable[Hashable]], data: Any) -> SortedKeys:
    return sorted_keys(group_keys(data))


class GroupKeyError(Exception):
    """A rule's `group_key` raised, so its `project_end` cannot be given the right items."""


def _last_line(err: BaseException) -> str:
    import traceback

    return traceback.format_exception_only(type(err), err)[-1].strip()


class _Store:
    """Records by reference: the first `keep` in a list, the others pickled into an anonymous
    temporary file when `spill` (so a run of a few files never creates one), else in the list.

    A reference is an offset in the file (>= 0), or -1 - the record's place in the list.
    """

    def __init__(self, spill: bool, keep: int) -> None:
        self._spill = spill
        self._keep = keep
        self._file: IO[bytes] | None = None
        self._end = 0
        self._read_since_write = False
        self._kept: list[Record] = []

    def _open(self) -> IO[bytes]:
        if self._file is None:
            import tempfile  # only when there is something to spill

            self._file = tempfile.TemporaryFile(prefix="newslint-")  # noqa: SIM115 (closed below)
            weakref.finalize(self, self._file.close)
        return self._file

    def put(self, record: Record) -> int:
        if self._spill and len(self._kept) >= self._keep:
            index, given, item = record
            try:
                blob = pack_item(item)
            except Exception:  # a plugin's data that does not pickle (a lambda, a lock): keep it
                blob = None
            if blob is not None:
                offset = self._append(_HEADER.pack(index, given) + blob)
                if offset is not None:
                    return offset
        self._kept.append(record)
        return -len(self._kept)

    def put_packed(
        self,
        index: int,
        given: bool,
        blobs: Sequence[bytes],
        originals: Sequence[Collected | None] = (),
    ) -> list[int]:
        """`put` of one file's items given as `pack_item` made them (unpickled only when kept in
        memory, and there only when its `originals` are not given): those spilled are written at
        once, each after the same header."""
        originals = originals or [None] * len(blobs)
        room = max(0, self._keep - len(self._kept)) if self._spill else len(blobs)
        if room >= len(blobs):
            return [
                self._keep_packed(index, given, *pair)
                for pair in zip(blobs, originals, strict=True)
            ]
        refs = [
            self._keep_packed(index, given, *pair)
            for pair in zip(blobs[:room], originals[:room], strict=True)
        ]
        head = _HEADER.pack(index, given)
        parts: list[bytes] = []
        end = self._end
        for blob in blobs[room:]:
            refs.append(end)
            parts += (head, blob)
            end += len(head) + len(blob)
        if self._append(b"".join(parts)) is None:
            rest = zip(blobs[room:], originals[room:], strict=True)
            return refs[:room] + [self._keep_packed(index, given, *pair) for pair in rest]
        return refs

    def _keep_packed(
        self, index: int, given: bool, blob: bytes, original: Collected | None = None
    ) -> int:
        self._kept.append((index, given, original or unpack_item(blob)))
        return -len(self._kept)

    def _append(self, data: bytes) -> int | None:
        """Write `data` (records, each a header and a pickle) at the end of the temporary file:
        where it starts, or None when there is no temporary file to write to."""
        try:
            file = self._open()
            if self._read_since_write:  # a seek flushes the write buffer: only if needed
                file.seek(self._end)
                self._read_since_write = False
            file.write(data)
        except OSError:  # no temporary folder, or a full one: keep the rest in memory
            self._spill = False
            return None
        offset, self._end = self._end, self._end + len(data)
        return offset

    def get(self, ref: int) -> Record:
        if ref < 0:
            return self._kept[-ref - 1]
        assert self._file is not None
        self._read_since_write = True
        self._file.seek(ref)
        index, given = _HEADER.unpack(self._file.read(_HEADER.size))
        path, data, extra = pickle.load(self._file)
        return index, given, Collected(path, data, extra or {})

    @property
    def size(self) -> int:
        return self._end

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        self._kept = []


_ALWAYS_HASH = hash(GROUP_ALWAYS)


class _Items:
    """One rule's items: their references and, for a rule with `group_key`, their keys' hashes."""

    __slots__ = (
        "counted",
        "error",
        "hashes",
        "owners",
        "refs",
        "seeking",
        "sought",
        "sought_owners",
    )

    def __init__(self, grouped: bool, several: bool = False) -> None:
        self.refs = array("q")
        self.hashes: array[int] | None = array("q") if grouped or several else None
        # With `group_keys`: the place in `refs` of the item each hash is a key of.
        self.owners: array[int] | None = array("q") if several else None
        # With `group_keys`: the hashes of `SoughtKey`s and their items' places, and the hashes
        # of the keys of the items that give `GROUP_ALWAYS` (which a sought key must meet).
        self.sought = array("q")
        self.sought_owners = array("q")
        self.seeking = array("q")
        # With `group_keys`: how many items gave each `CountedKey`, by its key's hash.
        self.counted: dict[int, int] = {}
        self.error: str | None = None  # what `group_key` raised, if it did


class ProjectData:
    """The data of a run that `project_end` and `project_suppressions` read (module docstring).

    `rules`: the run's rule classes (those with `group_key` keep hashes); `spill`: pickle the items
    after the first `keep` (default `MEMORY_ITEMS`) into a temporary file (else they all stay in memory); `context`: the run
    also holds files that were not given (`--project`), so the given files' paths are kept to
    report on those only.
    """

    def __init__(
        self,
        rules: Iterable[type[Rule]] = (),
        *,
        spill: bool = True,
        keep: int | None = None,
        context: bool = False,
    ) -> None:
        self._store = _Store(spill, MEMORY_ITEMS if keep is None else keep)
        self._grouped = {rule.name: rule.group_key for rule in rules if rule.group_key is not None}
        self._several = {
            rule.name: rule.group_keys
            for rule in rules
            if rule.group_keys is not None and rule.group_key is None
        }
        self._items: dict[str, _Items] = {}
        self.context = context
        self.given_paths: set[str] = set()  # kept only with `context`
        self.first_path: str | None = None  # the first given file's (where caches are looked for)
        self._first_index = 0

    @classmethod
    def of(cls, results: Sequence[FileResult], rules: Iterable[type[Rule]] = ()) -> ProjectData:
        """From results held in memory (and their `context`, as `lint_files` returns them)."""
        context: Sequence[FileResult] = getattr(results, "context", ()) or ()
        data = cls(rules, spill=False, context=bool(context))
        for index, result in enumerate(results):
            data.add(index, result)
        for index, result in enumerate(context, len(results)):
            data.add(index, result, given=False)
        return data

    def add(self, index: int, result: FileResult, *, given: bool = True) -> None:
        """Take what `result` collected; `index` is the file's place in the run (for the order)."""
        self._note_file(index, result.path, given)
        for name, item in result.collected.items():
            self._add_one(index, given, name, item)

    def add_stored(
        self,
        index: int,
        path: str,
        stored: Stored,
        *,
        given: bool = True,
        own: dict[str, Collected] | None = None,
    ) -> None:
        """`add` of the items a file collected, as `newslint.cache.encode_result` stores them: an
        item's pickle goes to the temporary file as it is, and its keys come from the stored
        pickle of what `item_keys` gave (an item stored without them is unpickled for them).
        The keys may come unpickled, and `own` holds the items themselves when the file was
        linted in this process (those kept in memory are then not unpickled)."""
        self._note_file(index, path, given)
        entries, keys_blob = stored
        keys: dict[str, Any] = {}
        if isinstance(keys_blob, dict):
            keys = keys_blob
        elif keys_blob is not None:
            try:
                keys = pickle.loads(keys_blob)
            except Exception:  # (a key's class that no longer unpickles): work them out again
                keys = {}
        packed: list[_Items] = []  # the rules of the items whose pickles go to the store as such
        blobs: list[bytes] = []
        originals: list[Collected | None] = []
        for entry in entries:
            if len(entry) != 2:  # data that does not pickle, stored as itself
                name, where, value, extra = entry
                self._add_one(index, given, name, Collected(where, value, extra or {}))
                continue
            name, blob = entry
            items = self._items.get(name) or self._rule_items(name)
            if items.hashes is not None:
                if name not in keys:  # not stored (`group_keys` raised): work them out
                    self._add_one(index, given, name, unpack_item(blob))
                    continue
                if items.error is None:
                    try:
                        if items.owners is None:
                            items.hashes.append(hash(keys[name]))
                        else:
                            # (the item's place is `len(items.refs)`: a rule has one item a file)
                            self._add_sorted_keys(items, *keys[name])
                    except Exception as err:
                        items.error = _last_line(err)
            packed.append(items)
            blobs.append(blob)
            originals.append(own.get(name) if own else None)
        refs = self._store.put_packed(index, given, blobs, originals)
        for items, ref in zip(packed, refs, strict=True):
            items.refs.append(ref)

    def _add_one(self, index: int, given: bool, name: str, item: Collected) -> None:
        items = self._rule_items(name)
        if items.hashes is not None and items.error is None:
            try:
                if items.owners is None:
                    items.hashes.append(hash(self._grouped[name](item.data)))
                else:
                    self._add_keys(items, self._several[name](item.data))
            except Exception as err:
                items.error = _last_line(err)
        items.refs.append(self._store.put((index, given, item)))

    def _note_file(self, index: int, path: str, given: bool) -> None:
        if given:
            if self.first_path is None or index < self._first_index:
                self.first_path, self._first_index = path, index
            if self.context:
                self.given_paths.add(path)

    def _rule_items(self, name: str) -> _Items:
        items = self._items.get(name)
        if items is None:
            items = self._items[name] = _Items(name in self._grouped, name in self._several)
        return items

    @classmethod
    def _add_keys(cls, items: _Items, given: Iterable[Hashable]) -> None:
        """Keep the hashes of one item's `group_keys` (the item's place: `len(items.refs)`)."""
        cls._add_sorted_keys(items, *sorted_keys(given))

    @staticmethod
    def _add_sorted_keys(
        items: _Items,
        plain: Iterable[Hashable],
        sought: Iterable[Hashable],
        counted: Iterable[Hashable],
    ) -> None:
        """`_add_keys` of keys that `sorted_keys` sorted."""
        assert items.hashes is not None and items.owners is not None
        for hashed in map(hash, counted):
            items.counted[hashed] = items.counted.get(hashed, 0) + 1
        keys = set(map(hash, plain))
        place = len(items.refs)
        items.hashes.extend(keys)
        items.owners.extend([place] * len(keys))
        if sought:
            found = set(map(hash, sought))
            items.sought.extend(found)
            items.sought_owners.extend([place] * len(found))
        if _ALWAYS_HASH in keys:
            items.seeking.extend(keys)

    def collected(self, name: str, *, given_only: bool = False) -> list[Collected]:
        """Every item collected under `name` (a rule's name), in file order; with `given_only`,
        only those of the given files."""
        items = self._items.get(name)
        if items is None:
            return []
        records = self._load(items.refs)
        return [item for _, given, item in records if given or not given_only]

    def counts(self, name: str) -> dict[int, int]:
        """How many items of the rule `name` gave each `CountedKey`, by the key's hash."""
        items = self._items.get(name)
        return dict(items.counted) if items is not None else {}

    def for_rule(self, rule: type[Rule]) -> list[Collected]:
        """What `rule.project_end` receives: every item, or for a rule with `group_key` the
        members of groups of two or more items. Raises `GroupKeyError` when `group_key` raised."""
        items = self._items.get(rule.name)
        if items is None:
            return []
        key = rule.group_key
        if key is None and items.owners is None:
            return self.collected(rule.name)
        if items.error is not None:
            method = "group_key" if key is not None else "group_keys"
            raise GroupKeyError(f"rule {rule_label(rule)} crashed in {method}: {items.error}")
        if key is None:
            assert items.hashes is not None and items.owners is not None
            repeated = _repeated(items.hashes)
            repeated.add(hash(GROUP_ALWAYS))  # (a real key of that hash only brings one more)
            shared = {
                owner
                for hashed, owner in zip(items.hashes, items.owners, strict=True)
                if hashed in repeated
            }
            seeking = set(items.seeking)
            shared.update(
                owner
                for hashed, owner in zip(items.sought, items.sought_owners, strict=True)
                if hashed in seeking
            )
            return [item for _, _, item in self._load(items.refs[owner] for owner in shared)]
        refs: Iterable[int] = items.refs
        if items.hashes is not None:
            repeated = _repeated(items.hashes)
            refs = [
                ref for ref, key in zip(items.refs, items.hashes, strict=True) if key in repeated
            ]
        groups: dict[Hashable, list[Record]] = {}
        for record in self._load(refs):
            try:
                groups.setdefault(key(record[2].data), []).append(record)
            except Exception as err:
                message = f"rule {rule_label(rule)} crashed in group_key: {_last_line(err)}"
                raise GroupKeyError(message) from err
        members = [record for group in groups.values() if len(group) > 1 for record in group]
        members.sort(key=lambda record: record[0])
        return [item for _, _, item in members]

    def _load(self, refs: Iterable[int]) -> list[Record]:
        # Offsets in ascending order read the file forwards; then the records go in file order.
        records = [self._store.get(ref) for ref in sorted(refs)]
        records.sort(key=lambda record: record[0])
        return records

    @property
    def spilled(self) -> int:
        """How many bytes went to the temporary file."""
        return self._store.size

    def close(self) -> None:
        """Delete the temporary file now (it also goes when this object is garbage)."""
        self._store.close()
        self._items = {}

    def __enter__(self) -> ProjectData:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _repeated(hashes: array[int]) -> set[int]:
    """The values that occur at least twice (sorting costs less memory than counting). A long
    array is sorted a sixteenth at a time (by the hash's low bits): the sorted list holds an int
    object per value, 90,000 of them for a rule with three keys per article of 30,000, which
    made the largest part of a run's peak memory."""
    if len(hashes) <= _WHOLE_SORT:
        ordered = sorted(hashes)
        return {a for a, b in pairwise(ordered) if a == b}
    found: set[int] = set()
    for bucket in range(16):
        ordered = sorted(value for value in hashes if value & 15 == bucket)
        found.update(a for a, b in pairwise(ordered) if a == b)
    return found


# Up to this many hashes, `_repeated` sorts them at once.
_WHOLE_SORT = 10_000


def project_data(results: Any, rules: Iterable[type[Rule]] = ()) -> ProjectData:
    """The `ProjectData` that `lint_files(..., keep_results=False)` built (`results.project`), else
    one made from the results in memory."""
    found = getattr(results, "project", None)
    return found if isinstance(found, ProjectData) else ProjectData.of(results, rules)


__all__ = ["GroupKeyError", "ProjectData", "project_data"]
