"""Running a lint over many files: per-file linting in worker processes, then the project-wide step.

- **Workers.** More than `PARALLEL_MIN` files and `jobs` > 1 use a process pool (fork where the
  platform has it, so the workers inherit the loaded rules instead of importing them again). The pool
  is created after every import, files go out in chunks of paths, and results stream back as chunks
  finish. A worker reads, parses and lints a file, then drops the document: only the `FileResult`
  (diagnostics and what cross-file rules collected) crosses back, so memory does not grow with the
  number of files beyond those results.
- **Cache.** Each file is looked up in `newslint.cache` by the hash of its bytes before anything is
  parsed; a hit returns the stored result, diagnostics and collected data alike.
- **`--project`.** Cross-file rules see only the files of the run. With `project=True`, the run also
  lints (through the cache, so usually without parsing) the other files of the site — the configured
  `include` globs, else the content folders of each linted file's Hugo site, else the working
  directory — and reports only on the files it was given: per-file diagnostics of the other files are
  dropped, and cross-file diagnostics are kept only where they land on a given file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslint.diagnostics import Diagnostic, EditPosition
from newslint.engine import FileResult, RuleSet, lint_document, read_source
from newslint.events import Collected
from newslint.rule import ProjectContext, ProjectReport, Rule, Severity
from newslint.spans import Span

if TYPE_CHECKING:
    from newslint.cache import FileCache

# Below this many files a pool costs more than it saves (fork, pickling results).
PARALLEL_MIN = 100


class Results(list[FileResult]):
    """The results of `lint_files`, in the order of the files given.

    `context` holds the results of the site's other files in a `--project` run (used only by
    `project_end`); `cache_hits` counts the files answered from the cache.
    """

    def __init__(self, items: Sequence[FileResult] = ()) -> None:
        super().__init__(items)
        self.context: list[FileResult] = []
        self.cache_hits = 0


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
    **_: Any,
) -> Results:
    """Lint each file (in workers, through the cache); results in the order of `files`.

    `on_result(index, result)` is called in the main process as each result arrives (in any order).
    """
    targets = list(files)
    context_files = project_files(targets, ruleset) if project else []
    everything = targets + context_files
    cache = None
    if use_cache and everything:
        from newslint.cache import FileCache

        cache = FileCache.open(everything, ruleset)
    slots: list[FileResult | None] = [None] * len(everything)
    hits = 0
    try:
        for index, result, hit in _run(everything, ruleset, cache, jobs or default_jobs()):
            slots[index] = result
            hits += hit
            if on_result is not None and index < len(targets):
                on_result(index, result)
    finally:
        if cache is not None:
            cache.prune()
            cache.close()
    done = [result for result in slots if result is not None]
    results = Results(done[: len(targets)])
    results.context = done[len(targets) :]
    results.cache_hits = hits
    return results


def project_files(files: Sequence[Path], ruleset: RuleSet) -> list[Path]:
    """The other files of the project that `files` belong to (for `--project`)."""
    from newslint.discover import discover

    config = ruleset.config
    roots: list[Path] = []
    if config.include:
        import glob

        base = config.path.parent if config.path else Path.cwd()
        for pattern in config.include:
            roots.extend(Path(p) for p in sorted(glob.glob(str(base / pattern), recursive=True)))
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
    found, _ = discover(relative, config.exclude)
    given = {os.path.abspath(p) for p in files}
    return [p for p in found if os.path.abspath(p) not in given]


# ------------------------------------------------------------------------------ one file


def lint_one(path: Path, ruleset: RuleSet, cache: FileCache | None) -> tuple[FileResult, bool]:
    """Lint one file through the cache: (result, whether it came from the cache)."""
    read = read_source(path, ruleset)
    if isinstance(read, FileResult):
        return read, False
    shown, raw = read
    from newslint.site import site_for

    site = site_for(path)
    key = None
    if cache is not None:
        key = cache.key(shown, os.path.abspath(path), site, raw)
        hit = cache.get(key)
        if hit is not None:
            return hit, True
    from newslint.document import Document

    doc = Document.from_bytes(raw, shown, site)
    try:
        result = lint_document(doc, ruleset)
    except Exception as err:  # never a traceback for one bad file
        from newslint.engine import _internal_error

        result = FileResult(doc.path, [_internal_error(doc.path, doc, "engine", err)])
    del doc
    if cache is not None and key is not None and _cacheable(result, ruleset):
        cache.put(key, result)
    return result, False


def _cacheable(result: FileResult, ruleset: RuleSet) -> bool:
    volatile = {a.rule.name for a in ruleset.rules if getattr(a.rule, "volatile", False)}
    return not any(d.rule == "internal-error" or d.rule in volatile for d in result.diagnostics)


# ------------------------------------------------------------------------------ workers

# What a worker needs: inherited through fork, or set by `_init_worker` under spawn.
_STATE: tuple[RuleSet, FileCache | None] | None = None


def _init_worker(state: tuple[RuleSet, FileCache | None] | None) -> None:
    global _STATE
    import signal

    # Ctrl-C is the main process's to handle: it stops the pool; workers must not print tracebacks.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if state is not None:
        _STATE = state


def _work(chunk: list[tuple[int, str]]) -> list[tuple[int, tuple[Any, ...], bool]]:
    from newslint.cache import encode_result

    assert _STATE is not None
    ruleset, cache = _STATE
    out = []
    for index, name in chunk:
        result, hit = lint_one(Path(name), ruleset, cache)
        out.append((index, encode_result(result), hit))
    if cache is not None:
        cache.flush()  # one transaction per chunk
    return out


def _chunks(paths: Sequence[Path], jobs: int) -> list[list[tuple[int, str]]]:
    # Small enough chunks that both workers stay busy to the end, big enough to amortise the IPC.
    size = max(8, min(128, len(paths) // (jobs * 8) or 1))
    items = [(i, str(p)) for i, p in enumerate(paths)]
    return [items[i : i + size] for i in range(0, len(items), size)]


def _run(
    paths: Sequence[Path], ruleset: RuleSet, cache: FileCache | None, jobs: int
) -> Iterator[tuple[int, FileResult, bool]]:
    if jobs <= 1 or len(paths) <= PARALLEL_MIN:
        for index, path in enumerate(paths):
            result, hit = lint_one(path, ruleset, cache)
            yield index, result, hit
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
    pending = {index for index in range(len(paths))}
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    from newslint.cache import decode_result

    strings: dict[str, str] = {}  # text shared between the results, see `decode_result`
    try:
        # concurrent.futures rather than multiprocessing.Pool: a worker that dies (a crash in a
        # native parser) breaks the pool with an error instead of hanging the run forever.
        pool = ProcessPoolExecutor(min(jobs, len(paths)), context, _init_worker, (initarg,))
        try:
            running = {pool.submit(_work, chunk): chunk for chunk in _chunks(paths, jobs)}
            while running:
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    chunk = running.pop(future)
                    try:
                        answers = future.result()
                    except BrokenProcessPool:
                        for index, name in chunk:
                            pending.discard(index)
                            yield index, _worker_died(name), False
                        continue
                    for index, data, hit in answers:
                        pending.discard(index)
                        yield index, decode_result(data, strings), hit
                    if len(strings) > 100_000:
                        strings.clear()  # sharing helps within a run of files; keep memory bounded
        finally:
            pool.shutdown(wait=not pending, cancel_futures=True)
    except (OSError, RuntimeError, ImportError, AttributeError, TypeError) as err:
        # No processes here (a sandbox), or a rule set that cannot be sent to spawned workers:
        # lint what is left in this process.
        if os.environ.get("NEWSLINT_DEBUG"):
            print(f"newslint: workers unavailable ({err}); linting in one process")
        for index in sorted(pending):
            result, hit = lint_one(paths[index], ruleset, cache)
            yield index, result, hit
    finally:
        _STATE = None


def _worker_died(name: str) -> FileResult:
    from newslint.engine import INTERNAL_ERROR, _file_problem, display_path

    message = "a worker process died while linting this file's batch (a crash in a parser?)"
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

    First the URLs that link rules collected in the given files are checked (only with
    `links.check`; see `newslint.linkcheck`), and the results go to every rule as `ctx.links`.

    In a `--project` run (`results.context` set by `lint_files`) the rules see every file of the
    site, and only what they report on the given files is kept. A rule whose `project_end` raises
    becomes an `internal-error` diagnostic; the other rules still run.
    """
    context: Sequence[FileResult] = getattr(results, "context", ())
    everything = [*results, *context]
    reports: list[ProjectReport] = []
    crashes: list[Diagnostic] = []
    links: dict[str, Any] = {}
    if ruleset.config.links.check:  # else nothing to check: the checker is not even loaded
        from newslint.linkcheck import check_project_links

        links = check_project_links(
            results, ruleset, offline=offline, use_cache=use_cache, **link_options
        )
    for active in ruleset.rules:
        if getattr(active.rule.project_end, "__func__", None) is Rule.project_end.__func__:  # type: ignore[attr-defined]
            continue  # the rule has no project-wide step
        collected: list[Collected] = [
            result.collected[active.rule.name]
            for result in everything
            if active.rule.name in result.collected
        ]
        ctx = ProjectContext(active.rule, active.options, active.severity, reports)
        ctx.links = links
        try:
            active.rule.project_end(ctx, collected)
        except Exception as err:
            import traceback

            last = traceback.format_exception_only(type(err), err)[-1].strip()
            message = f"rule {active.rule.name} crashed in project_end: {last}"
            crashes.append(_diagnostic(".", "internal-error", "NL000", Severity.ERROR, message))
    if context:
        given = {result.path for result in results}
        reports = [r for r in reports if r.path in given]
    out = [_diagnostic(r.path, r.rule.name, r.rule.code, r.severity, r.message, r) for r in reports]
    return out + crashes


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
    )
