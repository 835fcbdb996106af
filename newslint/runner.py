"""Running a lint over many files: per-file linting in worker processes, then the project-wide step.

- **Workers.** More than `PARALLEL_MIN` files and `jobs` > 1 use a process pool (fork where the
  platform has it, so the workers inherit the loaded rules instead of importing them again). The pool
  is created after every import; files go out in chunks of paths, a few chunks per worker ahead
  (`AHEAD`), and results stream back as chunks finish. A worker reads, parses and lints a file, then
  drops the document: only the `FileResult` (diagnostics and what cross-file rules collected)
  crosses back. A worker that dies (a crash in a native parser) breaks its pool: the files of the
  chunks it was running are linted again one at a time in a pool of one worker, so that only the
  file that kills it gets an `internal-error`, and the rest go on in a new pool.
- **Memory.** Peak memory must not grow with the number of files: 30,000 articles may take at most
  1.5 times the memory of 1,000 (`bench/bench_check.py --memory`), in the main process and in each
  worker (which starts as a copy of the main process). So the file list is kept as strings
  (`newslint.discover.FileList`), the files in flight are marked in a byte array, and with
  `keep_results=False` (what `newslint check` uses) no per-file result is kept: `on_result` sees
  each one as it arrives and what it collected goes to a `newslint.project.ProjectData`, which
  spills it to a temporary file and keeps about 16 bytes per file and rule in memory. What is left
  growing is the file list itself, about 100 bytes per file.
- **Cache.** Each file is looked up in `newslint.cache` by the hash of its bytes before anything is
  parsed; a hit returns the stored result, diagnostics and collected data alike.
- **`--project`.** Cross-file rules see only the files of the run. With `project=True`, the run also
  lints (through the cache, so usually without parsing) the other files of the site — the configured
  `include` globs, else the content folders of each linted file's Hugo site, else the working
  directory — and reports only on the files it was given: per-file diagnostics of the other files are
  dropped, and cross-file diagnostics are kept only where they land on a given file.
- **Project end.** `project_end` gives each cross-file rule what it collected: every item, or for a
  rule with `group_key` only the items whose key another item shares (`newslint.project`).
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslint.diagnostics import NO_FILE, Diagnostic, EditPosition
from newslint.engine import RULE_FAILURES, FileResult, RuleSet, lint_document, read_source
from newslint.events import Collected
from newslint.rule import ProjectContext, ProjectReport, Rule, Severity, rule_label
from newslint.spans import Span

if TYPE_CHECKING:
    from newslint.cache import FileCache
    from newslint.discover import FileList
    from newslint.linkcheck import LinkResult
    from newslint.project import ProjectData, Stored
    from newslint.site import Site

# Below this many files a pool costs more than it saves (fork, pickling results).
PARALLEL_MIN = 100


class Results(list[FileResult]):
    """The results of `lint_files`, in the order of the files given.

    `context` holds the results of the site's other files in a `--project` run (used only by
    `project_end`); `cache_hits` counts the files answered from the cache. With
    `keep_results=False` the list stays empty and `project` holds what `project_end` and
    `project_suppressions` need. `covers_project()` tells whether the cross-file rules saw every
    file of the site (`--project`, or no file of it was left out), so that a suppression of one
    of them that silenced nothing can be called unused.
    """

    def __init__(self, items: Sequence[FileResult] = ()) -> None:
        super().__init__(items)
        self.context: list[FileResult] = []
        self.cache_hits = 0
        self.project: ProjectData | None = None
        self.covers_project: Callable[[], bool] = lambda: True


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def lint_files(
    files: Sequence[Path],
    ruleset: RuleSet,
    *,
    jobs: int | None = None,
    use_cache: bool = True,
    project: bool = False,
    on_result: Callable[[int, FileResult], None] | None = None,
    keep_results: bool = True,
    share_text: bool = True,
    **_: Any,
) -> Results:
    """Lint each file (in workers, through the cache); results in the order of `files`.

    `on_result(index, result)` is called in the main process as each given file's result arrives
    (in any order). With `keep_results=False` no result is kept: what each one collected moves
    into `results.project` (a `newslint.project.ProjectData`) before `on_result` sees it, so
    memory does not grow with the number of files. `share_text` shares text that repeats across
    results (rule names, messages); it pays only when the caller keeps the diagnostics.
    """
    from newslint.cascade import clear_cascade_cache
    from newslint.discover import names_of

    # Each run reads the sections' `_index` files afresh (once): one may have changed since the
    # last run in this process (`newslint watch`, an editor's API calls).
    clear_cascade_cache()
    targets = names_of(files)
    context = project_files(targets, ruleset).names if project else []
    everything = targets + context if context else targets
    cache = None
    if use_cache and everything:
        from newslint.cache import FileCache

        cache = FileCache.open([Path(everything[0])], ruleset)  # located by the first file
    results = Results()
    if not project:
        # Asked only when a suppression of a cross-file rule silenced nothing: rarely, and then
        # one walk of the site's content folders answers it.
        results.covers_project = once(lambda: not project_files(targets, ruleset).names)
    data = None
    if not keep_results:
        from newslint.project import ProjectData

        rules = [active.rule for active in ruleset.rules]
        data = results.project = ProjectData(rules, context=bool(context))
    slots: list[FileResult | None] = [None] * len(everything) if keep_results else []
    given = len(targets)
    jobs = jobs or default_jobs()
    try:
        stream = _run(everything, ruleset, cache, jobs, share_text, stored=data is not None)
        for index, result, hit, stored in stream:
            results.cache_hits += hit
            if data is not None:
                if stored is None:
                    data.add(index, result, given=index < given)
                else:  # as the cache stores them: no pickling again for the project store
                    own = result.collected or None  # (linted here, not read from the cache)
                    data.add_stored(index, result.path, stored, given=index < given, own=own)
                result.collected = {}
            else:
                slots[index] = result
            if on_result is not None and index < given:
                on_result(index, result)
    finally:
        if cache is not None:
            cache.prune()
            cache.close()
    if keep_results:
        done = [result for result in slots if result is not None]
        results.extend(done[:given])
        results.context = done[given:]
    return results


def once(answer: Callable[[], bool]) -> Callable[[], bool]:
    """`answer`, asked at most once (later calls give the first answer)."""
    found: list[bool] = []

    def remembered() -> bool:
        if not found:
            found.append(answer())
        return found[0]

    return remembered


def project_files(files: Sequence[str | os.PathLike[str]], ruleset: RuleSet) -> FileList:
    """The other files of the project that `files` belong to (for `--project`)."""
    from newslint.config import exclude_patterns
    from newslint.discover import FileList, discover

    config = ruleset.config
    roots: list[Path] = []
    if config.include:
        from newslint.config import pattern_base
        from newslint.discover import included

        roots = included(config.include, pattern_base(config), exclude_patterns(config))
    else:
        from newslint.site import site_for

        seen_sites: set[Path] = set()
        for path in files:
            site = site_for(path)
            if site.root is not None and site.root not in seen_sites:
                seen_sites.add(site.root)
                roots.extend(site.content_dirs())
        if not roots:
            roots = [Path(".")]
    relative = [Path(os.path.relpath(p)) if p.is_absolute() else p for p in roots]
    found, _ = discover(relative, exclude_patterns(config))
    given = {os.path.abspath(p) for p in files}
    return FileList(name for name in found.names if os.path.abspath(name) not in given)


# ------------------------------------------------------------------------------ one file


def paused_gc() -> _PausedGc:
    """Garbage collection off while one file is linted (or a report written), back on after.

    Linting a file makes objects that all live until its result is done (nodes, reports, their
    fixes and diagnostics), and each collection the interpreter starts while they pile up scans
    them all again: on a file with 100,000 problems collecting took a fifth of a cold run and half
    of a cached one (decoding its result). Nothing made meanwhile needs a collection to be freed
    (what becomes garbage goes by its reference count), and what cycles are left are collected
    as soon as it is back on.
    """
    return _PausedGc()


class _PausedGc:
    """`paused_gc`'s context manager: a class, as entering and leaving one costs a third of what
    a `contextlib.contextmanager` generator does, and a warm run enters one per file."""

    __slots__ = ("_was_on",)

    def __enter__(self) -> None:
        self._was_on = gc.isenabled()
        gc.disable()

    def __exit__(self, *_: object) -> None:
        if self._was_on:
            gc.enable()


def lint_one(path: Path, ruleset: RuleSet, cache: FileCache | None) -> tuple[FileResult, bool]:
    """Lint one file through the cache: (result, whether it came from the cache)."""
    with paused_gc():
        return _lint_one(path, ruleset, cache)


def _lint_one(
    path: Path,
    ruleset: RuleSet,
    cache: FileCache | None,
    encoded: bool = False,
    stored: bool = False,
) -> tuple[Any, bool]:
    """`lint_one`'s work; with `encoded`, the result as `encode_result` makes it (what a worker
    sends back): a cached one is then passed on as stored, never decoded and encoded again. With
    `stored`, `(result, items)`: the items it collected as the cache stores them (for
    `ProjectData.add_stored`), or None when they were not encoded (then they are in `result`)."""
    read = read_source(path, ruleset)
    if isinstance(read, FileResult):
        if stored:
            return (read, None), False
        return (_encode(read, ruleset) if encoded else read), False
    shown, raw = read
    from newslint.site import site_for

    site = site_for(path)
    key = None
    if cache is not None:
        from newslint.cascade import fingerprint

        resolved = os.path.abspath(path)
        # A page's `sites` matrix may put it in any language (only its front matter tells);
        # Hugo reads its keys without case (`Matrix:`).
        cascade = fingerprint(site, resolved, any_language=b"matrix" in raw.lower())
        key = cache.key(shown, resolved, site, raw, cascade)
        if encoded:
            hit: Any = cache.get_encoded(key)
        elif stored:
            hit = cache.get_stored(key)
        else:
            hit = cache.get(key)
        if hit is not None:
            return hit, True
    if cache is None or key is None:
        result = lint_source(shown, raw, site, ruleset)
        if stored:
            return (result, None), False
        return (_encode(result, ruleset) if encoded else result), False
    from newslint.site import recording_probes

    # What the result depends on besides the file's bytes: whether the pages its relative links
    # may lead to exist (`Site.may_serve`); a lookup re-checks them.
    with recording_probes() as probes:
        result = lint_source(shown, raw, site, ruleset)
    cacheable = _cacheable(result, ruleset)
    data = None
    found: dict[str, Any] = {}  # the items' keys as `encode_result` stored them
    if encoded or stored or cacheable:
        with contextlib.suppress(Exception):  # (`encode_result` of data that does not pickle)
            data = _encode(result, ruleset, found)
        if data is not None and cacheable:
            cache.put_encoded(key, data, probes)
    if encoded:
        return (data if data is not None else _encode(result, ruleset)), False
    if stored:
        # The keys as they are, not their pickle, and the result's own items for those the
        # store keeps in memory: nothing is unpickled that this process has.
        return (result, None if data is None else (data[2], found if data[4] else None)), False
    return result, False


# The key functions of the last rule set `_encode` saw (`newslint.project.item_keys`).
_ITEM_KEYS: tuple[RuleSet, dict[str, Callable[[Any], Any]]] | None = None


def _encode(
    result: FileResult, ruleset: RuleSet, found: dict[str, Any] | None = None
) -> tuple[Any, ...]:
    """`encode_result`, with the group keys of the items collected by `ruleset`'s rules."""
    global _ITEM_KEYS
    from newslint.cache import encode_result

    if _ITEM_KEYS is None or _ITEM_KEYS[0] is not ruleset:
        from newslint.project import item_keys

        _ITEM_KEYS = (ruleset, item_keys(active.rule for active in ruleset.rules))
    return encode_result(result, _ITEM_KEYS[1], found)


def lint_source(shown: str, raw: bytes, site: Site, ruleset: RuleSet) -> FileResult:
    """Parse and lint the bytes of one article shown as `shown` (a file's, or standard input's
    in `newslint.stdin`); a crash becomes an `internal-error` diagnostic, never a traceback."""
    from newslint.document import Document

    doc = Document.from_bytes(raw, shown, site)
    try:
        return lint_document(doc, ruleset)
    except Exception as err:  # never a traceback for one bad file
        from newslint.engine import _internal_error

        return FileResult(doc.path, [_internal_error(doc.path, doc, "engine", err)])


def _cacheable(result: FileResult, ruleset: RuleSet) -> bool:
    """Whether `result` may be stored: not with an internal error, nor when it depends on the
    clock (`depends_elsewhere` on the volatile rules). A result that depends on other files is
    stored with the existence checks it made (`newslint.cache`)."""
    if depends_elsewhere(result, volatile_rules(ruleset)):
        return False
    return not any(d.rule == "internal-error" for d in result.diagnostics)


def volatile_rules(ruleset: RuleSet) -> set[str]:
    """The names of the run's rules whose verdict depends on the clock (`volatile`)."""
    return {a.rule.name for a in ruleset.rules if a.rule.volatile}


def site_dependent_rules(ruleset: RuleSet) -> set[str]:
    """The names of the run's rules whose verdict depends on the site's other files
    (`depends_on_site_files`, LK003): the cache stores their results with the existence checks
    they made, and `newslint watch` lints their articles again when a file comes or goes."""
    return {a.rule.name for a in ruleset.rules if a.rule.depends_on_site_files}


def depends_elsewhere(result: FileResult, volatile: set[str]) -> bool:
    """Whether `result` depends on more than the file's bytes as far as the rules named in
    `volatile` go: one of them reported something, or collected something, which is how it says
    that a clean verdict depends on the outside too (LK003 let a link through because its target
    page exists: deleting the page must bring the report back)."""
    if not volatile:
        return False
    if not volatile.isdisjoint(result.collected):
        return True
    return any(d.rule in volatile for d in result.diagnostics)


# ------------------------------------------------------------------------------ workers

# What a worker needs: inherited through fork, or set by `_init_worker` under spawn.
_STATE: tuple[RuleSet, FileCache | None] | None = None


def _init_worker(state: tuple[RuleSet, FileCache | None] | None) -> None:
    global _STATE
    import signal

    # Ctrl-C is the main process's to handle: it stops the pool; workers must not print tracebacks.
    # The worker was forked with SIGINT blocked (`_sigint_held`), so one that came before this
    # point is still pending: ignored now, it is dropped when it is unblocked.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if state is not None:
        _STATE = state
    _watch_parent(os.getppid())


@contextmanager
def _sigint_held() -> Iterator[None]:
    """SIGINT blocked in this thread while the pool forks its workers, which inherit the mask:
    a Ctrl-C that comes before a worker ignores it (`_init_worker`) would otherwise raise
    KeyboardInterrupt in the worker as it starts, and a pool that lost a worker that way printed
    its traceback and could hang the run. Here the Ctrl-C waits, and is the main process's own
    as soon as the workers are started."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _watch_parent(parent: int, every: float = 0.5) -> None:
    """End this worker once the main process is gone. A main process killed (SIGTERM from a CI
    timeout, SIGKILL, a closed terminal) cannot shut the pool down, and a forked worker waits on
    its task queue forever: every worker holds that queue's write end too, so no end of file
    ever comes. The worker is then adopted by another process, which changes its parent id."""
    import threading
    import time

    def watch() -> None:
        while True:
            time.sleep(every)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="newslint-parent-watch", daemon=True).start()


def _work(start: int, names: list[str]) -> list[tuple[int, tuple[Any, ...], bool]]:
    """Lint the files `names`, numbered from `start`; their results encoded for the way back."""
    assert _STATE is not None
    ruleset, cache = _STATE
    out = []
    for offset, name in enumerate(names):
        with paused_gc():
            data, hit = _lint_one(Path(name), ruleset, cache, encoded=True)
        out.append((start + offset, data, hit))
    if cache is not None:
        cache.flush()  # one transaction per chunk
    return out


def _chunks(count: int, jobs: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each chunk of `count` files."""
    # Small enough chunks that both workers stay busy to the end, big enough to amortise the IPC;
    # and smaller ones as the files run out (a quarter of each worker's share of what is left):
    # the workers take chunks from one queue, so the one that takes the last chunk works on while
    # the others have nothing left to do (a last chunk of 128 articles, ~0.15 s, alone).
    size = max(8, min(128, count // (jobs * 8) or 1))
    start = 0
    while start < count:
        end = min(start + max(8, min(size, (count - start) // (jobs * 4))), count)
        yield start, end
        start = end


# Chunks sent ahead per worker: each worker has the next one queued when it finishes one, and the
# main process never holds the arguments and results of every chunk at once.
AHEAD = 2
# Pools a run starts again after a worker died (see `_run`). A rule that kills every worker it
# runs in (a native library that does not survive fork) would otherwise cost a pool per file: the
# files left when this many died are reported as not linted.
MAX_BROKEN_POOLS = 8


def _run(
    paths: Sequence[str],
    ruleset: RuleSet,
    cache: FileCache | None,
    jobs: int,
    share_text: bool = True,
    stored: bool = False,
) -> Iterator[tuple[int, FileResult, bool, Stored | None]]:
    """Each file's (index, result, whether it came from the cache, and with `stored` the items
    it collected as stored (see `_lint_one`) or None when they are in the result)."""
    if jobs <= 1 or len(paths) <= PARALLEL_MIN:
        for index, path in enumerate(paths):
            if stored:
                with paused_gc():
                    (result, items), hit = _lint_one(Path(path), ruleset, cache, stored=True)
                yield index, result, hit, items
            else:
                result, hit = lint_one(Path(path), ruleset, cache)
                yield index, result, hit, None
        return
    global _STATE
    _STATE = (ruleset, cache)
    if cache is not None:
        cache.close()  # workers open their own connections; none is shared through fork
    import multiprocessing  # here: a run of a few files (pre-commit) never starts a pool

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    # Under fork the workers inherit _STATE; elsewhere it is pickled to them once.
    initarg = None if context.get_start_method() == "fork" else _STATE
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    from newslint.cache import decode_result, decode_stored

    # Which files were answered (a byte each: a set of 30,000 ints would take 3 MB).
    answered = bytearray(len(paths))
    chunks = _chunks(len(paths), jobs)
    strings: dict[str, str] | None = {} if share_text else None  # see `decode_result`

    def run_pool(
        tasks: Iterator[tuple[int, int]], workers: int, ahead: int
    ) -> Generator[tuple[int, FileResult, bool, Stored | None], None, list[tuple[int, int]]]:
        """Lint the files of `tasks` (ranges of `paths`) in a new pool of `workers`, `ahead`
        tasks a worker in flight; yield their results. Returns the tasks in flight when a worker
        died (the pool is then broken, and the rest of `tasks` is left for another), else []."""
        first = next(tasks, None)
        if first is None:
            return []
        running: dict[Future[Any], tuple[int, int]] = {}
        lost: list[tuple[int, int]] = []
        # concurrent.futures rather than multiprocessing.Pool: a worker that dies (a crash in a
        # native parser) breaks the pool with an error instead of hanging the run forever.
        pool = ProcessPoolExecutor(workers, context, _init_worker, (initarg,))
        try:

            def send(count: int) -> None:
                for start, end in islice(tasks, count):
                    try:
                        future = pool.submit(_work, start, list(paths[start:end]))
                    except BrokenProcessPool:
                        # A worker died since the last answer was read: the pool takes no more
                        # work. The task goes with the ones in flight (linted one file at a time
                        # next), not to the fallback that lints in this process, where the file
                        # that killed the worker would be linted too.
                        lost.append((start, end))
                        return
                    running[future] = (start, end)

            with _sigint_held():  # the first submit forks the workers
                running[pool.submit(_work, first[0], list(paths[first[0] : first[1]]))] = first
                send(workers * ahead - 1)
            while running:
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    task = running.pop(future)
                    try:
                        answers = future.result()
                    except BrokenProcessPool:
                        lost.append(task)  # the other tasks in flight fail the same way
                        continue
                    if not lost:
                        send(1)
                    for index, data, hit in answers:
                        answered[index] = 1
                        items = None
                        with paused_gc():
                            if stored:
                                result, items = decode_stored(data, strings)
                            else:
                                result = decode_result(data, strings)
                        yield index, result, hit, items
                    if strings is not None and len(strings) > 100_000:
                        strings.clear()  # sharing helps within a run of files; keep memory bounded
        finally:
            pool.shutdown(wait=not running, cancel_futures=True)
        return lost

    # After a worker died, the files of the tasks that were in flight are linted again one at a
    # time in a pool of one worker: the file that kills it is the one reported, and the files of
    # the tasks not sent yet are linted as usual in a new pool.
    suspects: deque[int] = deque()
    broken = 0
    # No garbage collection while the pool runs: this process only decodes results, which make no
    # cycles, and the run keeps what it decoded (`newslint check` holds every diagnostic), which
    # each collection scanned again; with the results unpickled in the pool's own thread, outside
    # any `paused_gc`, collections took a tenth of a warm run's main process.
    pause = _PausedGc()
    pause.__enter__()
    try:
        while broken < MAX_BROKEN_POOLS:
            if suspects:
                singles = ((index, index + 1) for index in list(suspects))
                for start, _ in (yield from run_pool(singles, 1, 1)):
                    broken += 1
                    answered[start] = 1
                    yield start, _worker_died(paths[start]), False, None
                suspects = deque(i for i in suspects if not answered[i])
                continue
            lost = yield from run_pool(chunks, min(jobs, len(paths)), AHEAD)
            if not lost:
                break
            broken += 1
            for start, end in sorted(lost):  # in file order, whichever failed first
                suspects.extend(i for i in range(start, end) if not answered[i])
        for index in range(len(paths)):  # after workers died MAX_BROKEN_POOLS times: the rest
            if not answered[index]:
                answered[index] = 1
                yield index, _worker_died(paths[index], broken), False, None
    except (OSError, RuntimeError, ImportError, AttributeError, TypeError) as err:
        # No processes here (a sandbox), or a rule set that cannot be sent to spawned workers:
        # lint what is left in this process.
        if os.environ.get("NEWSLINT_DEBUG"):
            print(f"newslint: workers unavailable ({err}); linting in one process")
        suspect = set(suspects)  # one may kill a worker: never linted in this process
        for index in range(len(paths)):
            if not answered[index]:
                if index in suspect:
                    yield index, _worker_died(paths[index], broken), False, None
                    continue
                result, hit = lint_one(Path(paths[index]), ruleset, cache)
                yield index, result, hit, None
    finally:
        _STATE = None
        pause.__exit__()


def _worker_died(name: str, deaths: int = 0) -> FileResult:
    """The internal error of a file that killed a worker, or (`deaths`: how many times workers
    died) of one left unlinted when they kept dying."""
    from newslint.engine import INTERNAL_ERROR, _file_problem, display_path

    message = "a worker process died while linting this file (a crash in a parser?)"
    if deaths:
        message = (
            f"not linted: worker processes died {deaths} times in this run (a crash in a parser?)"
        )
    return _file_problem(display_path(Path(name)), INTERNAL_ERROR, message)


# ------------------------------------------------------------------------------ project end


def project_end(
    results: Sequence[FileResult],
    ruleset: RuleSet,
    *,
    offline: bool = False,
    use_cache: bool = True,
    **link_options: Any,
) -> list[Diagnostic]:
    """Give each rule the data its `collect` returned for every file; return what it reports.

    `results` is what `lint_files` returned (its `project` data, or the results it kept), or any
    sequence of `FileResult`s. First the URLs that link rules collected in the given files are
    checked (only with `links.check`; see `newslint.linkcheck`), and the results go to every rule
    as `ctx.links`. A rule with `group_key` receives only the items whose key another item shares
    (see `newslint.project`).

    In a `--project` run (`results.context` set by `lint_files`) the rules see every file of the
    site, and only what they report on the given files is kept, or on another file about a given
    one (`related`: a later article that duplicates a given one is reported as a whole run would). A rule whose `project_end` (or
    `group_key`) raises becomes an `internal-error` diagnostic; the other rules still run.
    """
    from newslint.project import GroupKeyError, project_data

    data = project_data(results, [active.rule for active in ruleset.rules])
    reports: list[ProjectReport] = []
    crashes: list[Diagnostic] = []
    links: dict[str, LinkResult] = {}
    if ruleset.config.links.check:  # else nothing to check: the checker is not even loaded
        from newslint.linkcheck import check_project_links

        links = check_project_links(
            _link_results(results, data, ruleset),
            ruleset,
            offline=offline,
            use_cache=use_cache,
            **link_options,
        )
        _note_unchecked_links(results, data, ruleset, links)
    for active in ruleset.rules:
        if getattr(active.rule.project_end, "__func__", None) is Rule.project_end.__func__:  # type: ignore[attr-defined]
            continue  # the rule has no project-wide step
        ctx = ProjectContext(active.rule, active.options, active.severity, reports)
        ctx.links = links
        ctx.counts = data.counts(active.rule.name)
        collected: list[Collected] = []
        try:
            collected = data.for_rule(active.rule)
            active.rule.project_end(ctx, collected)
        except GroupKeyError as err:
            crashes.append(
                _diagnostic(NO_FILE, "internal-error", "NL000", Severity.ERROR, str(err))
            )
        except RULE_FAILURES as err:
            import traceback

            last = traceback.format_exception_only(type(err), err)[-1].strip()
            message = f"rule {rule_label(active.rule)} crashed in project_end: {last}"
            # Only when every item the rule was given came from one file is that file where the
            # crash comes from; else it belongs to no file (not to `.`, a folder no annotation,
            # summary or SARIF location can point at).
            sources = {item.path for item in collected}
            where = sources.pop() if len(sources) == 1 else NO_FILE
            crashes.append(_diagnostic(where, "internal-error", "NL000", Severity.ERROR, message))
    if data.context:
        given = data.given_paths
        reports = [r for r in reports if r.path in given or not given.isdisjoint(r.related)]
    out = [_diagnostic(r.path, r.rule.name, r.rule.code, r.severity, r.message, r) for r in reports]
    return out + crashes


def _note_unchecked_links(
    results: Sequence[FileResult], data: ProjectData, ruleset: RuleSet, links: dict[str, Any]
) -> None:
    """Record, per file and link rule, the lines of the links no check looked at (`--offline`
    without a cached result, an excluded URL) as `results.unchecked_links`: a suppression there
    silenced what nobody checked, so `project_suppressions` does not call it unused."""
    unchecked: dict[str, dict[str, set[int]]] = {}
    for active in ruleset.rules:
        if not active.rule.checks_links:
            continue
        name = active.rule.name
        for item in data.collected(name, given_only=True):
            for use in item.data or ():
                result = links.get(use.url)
                if result is None or result.verdict == "skipped":
                    unchecked.setdefault(item.path, {}).setdefault(name, set()).add(use.line)
    with contextlib.suppress(AttributeError):  # a plain list of results: nothing to note
        results.unchecked_links = unchecked  # type: ignore[attr-defined]


def _link_results(
    results: Sequence[FileResult], data: ProjectData, ruleset: RuleSet
) -> Sequence[FileResult]:
    """What `check_project_links` reads: the given files' results, or when they were not kept, one
    result per item of the link rules (after one for the first file, where its cache is found)."""
    if getattr(results, "project", None) is not data:
        return results
    names = [a.rule.name for a in ruleset.rules if a.rule.checks_links]
    if not names or not ruleset.config.links.check:
        return []
    view = [FileResult(data.first_path, [])] if data.first_path is not None else []
    for name in names:
        view.extend(
            FileResult(c.path, [], {name: c}) for c in data.collected(name, given_only=True)
        )
    return view


def _diagnostic(
    path: str,
    rule: str,
    code: str,
    severity: Severity,
    message: str,
    where: ProjectReport | None = None,
) -> Diagnostic:
    fix = getattr(where, "fix", None)
    positions = getattr(where, "fix_positions", ()) or ()
    edit_positions: tuple[EditPosition, ...] = ()
    if fix is not None and len(positions) == len(fix.edits):
        edit_positions = tuple(
            EditPosition(line, column, end_line, end_column, edit.content)
            for (line, column, end_line, end_column), edit in zip(positions, fix.edits, strict=True)
        )
    return Diagnostic(
        path=path,
        rule=rule,
        code=code,
        severity=severity,
        message=message,
        span=Span(0, 0),
        line=where.line if where else 1,
        column=where.column if where else 1,
        end_line=where.end_line if where else 1,
        end_column=where.end_column if where else 1,
        fix=fix,
        fix_positions=edit_positions,
        source_line=getattr(where, "source_line", "") or "",
        source_text=getattr(where, "source_text", "") or "",
    )
