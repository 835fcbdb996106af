"""`newslint watch [PATH...]`: lint everything once, then re-lint each file when it is saved.

Changes are picked up with watchfiles and debounced: a batch is handled 50 ms after the last change
and at most 300 ms after the first, so an editor's save-as-rename-and-replace is one change. Only the
changed or added files are linted again (through the cache) and only their diagnostics are printed;
the cross-file rules run again over the current results of every file, so a new duplicate title is
reported on the file just saved, and a cross-file problem that appears on another file because of
the save is printed too; one that the save resolved elsewhere is named on a `resolved:` line.
Deleted files leave the picture. Ctrl-C exits 0.

With a machine-readable `--output-format` (json, json-lines, sarif, junit, github) only the reports
go to standard output, so it stays parseable; the status lines (`Watching ...`, `re-linted ...`,
`resolved: ...`) go to standard error.

Re-lints run in this process: they are small, and a worker pool must not be forked while the
watcher's thread runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from newslint.discover import MARKDOWN_SUFFIXES, walk

if TYPE_CHECKING:
    from newslint.diagnostics import Diagnostic
    from newslint.engine import FileResult, RuleSet

# Formats read by programs: their standard output holds the reports only.
MACHINE_FORMATS = ("json", "json-lines", "sarif", "junit", "github")
DEBOUNCE_MS = 300  # a batch is handled at most this long after its first change
STEP_MS = 50  # ... and this long after its last one
READY_MS = 200  # the watch reports that it is ready at most this long after it is in place


class Session:
    """The current picture: every watched file's result and the cross-file diagnostics."""

    def __init__(
        self,
        ruleset: RuleSet,
        roots: Sequence[Path],
        out: TextIO,
        *,
        fmt: str = "full",
        color: str = "auto",
        use_cache: bool = True,
        jobs: int | None = None,
        exclude: Sequence[str] = (),
        status: TextIO | None = None,
    ) -> None:
        self.ruleset = ruleset
        self.roots = list(roots)
        self.out = out
        # Where the status lines go: with the reports, unless a program reads those.
        self.status = status or (sys.stderr if fmt in MACHINE_FORMATS else out)
        self.fmt = fmt
        self.color = color
        self.use_cache = use_cache
        self.jobs = jobs
        self.exclude = list(exclude)
        self.results: dict[str, FileResult] = {}  # absolute path -> result
        self.shown: dict[str, str] = {}  # absolute path -> path as given
        self.project: dict[tuple[str, str, int, int, str], Diagnostic] = {}

    # ------------------------------------------------------------------------------ lint

    def start(self, files: Sequence[Path]) -> list[Diagnostic]:
        """Lint every file once; print and return all diagnostics."""
        diagnostics = self._lint(files, jobs=self.jobs)
        diagnostics.extend(self._project_end())
        self._print(diagnostics, len(files))
        return diagnostics

    def _lint(self, files: Sequence[Path], *, jobs: int | None) -> list[Diagnostic]:
        from newslint.runner import lint_files

        results = lint_files(files, self.ruleset, jobs=jobs, use_cache=self.use_cache)
        out: list[Diagnostic] = []
        for path, result in zip(files, results, strict=True):
            key = os.path.abspath(path)
            self.results[key] = result
            self.shown[key] = result.path
            out.extend(result.diagnostics)
        return out

    def _project_end(self) -> list[Diagnostic]:
        from newslint.runner import project_end

        diagnostics = project_end(list(self.results.values()), self.ruleset)
        self.project = {_identity(d): d for d in diagnostics}
        return diagnostics

    def update(self, changes: Iterable[tuple[Any, str]]) -> list[Diagnostic]:
        """Handle one batch of (change, path) from watchfiles; print and return what it shows."""
        changed, removed = self._classify(changes)
        for key in removed:
            self.results.pop(key, None)
            self.shown.pop(key, None)
        if not changed and not removed:
            return []
        before = self.project
        diagnostics = self._lint(changed, jobs=1)
        project = self._project_end()
        shown_changed = {self.shown[os.path.abspath(p)] for p in changed}
        # Cross-file diagnostics on the saved files, and new ones that the save caused elsewhere.
        diagnostics.extend(
            d for d in project if d.path in shown_changed or _identity(d) not in before
        )
        # ... and those on other files that it made go away, which nothing else would show.
        paths = set(self.shown.values())
        resolved = [
            d
            for key, d in before.items()
            if key not in self.project and d.path not in shown_changed and d.path in paths
        ]
        stamp = time.strftime("%H:%M:%S")
        names = ", ".join(sorted(shown_changed)[:3]) + (" ..." if len(shown_changed) > 3 else "")
        gone = f"; {len(removed)} removed" if removed else ""
        self.status.write(f"[{stamp}] re-linted {names or 'nothing'}{gone}\n")
        self.status.flush()
        self._print(diagnostics, len(changed))
        for d in sorted(resolved, key=lambda d: d.sort_key()):
            self.status.write(
                f"[{stamp}] resolved: {d.path}:{d.line}:{d.column}: {d.code} [{d.rule}] {d.message}\n"
            )
        self.status.flush()
        return diagnostics

    def _classify(self, changes: Iterable[tuple[Any, str]]) -> tuple[list[Path], list[str]]:
        changed: dict[str, Path] = {}
        # A dict as an ordered set: `rm -r` reports each file and its folder, one removal each.
        removed: dict[str, None] = {}
        for _, name in changes:
            path = Path(name)
            key = os.path.abspath(name)
            if path.is_dir():
                for found in walk(self._relative(path), self.exclude):
                    changed.setdefault(os.path.abspath(found), found)
            elif path.is_file():
                if key in self.results or self._in_scope(path):
                    changed[key] = self._relative(path)
            else:  # deleted: a file, or a folder and everything that was in it
                prefix = key + os.sep
                removed.update(
                    dict.fromkeys(k for k in self.results if k == key or k.startswith(prefix))
                )
        return list(changed.values()), list(removed)

    def _in_scope(self, path: Path) -> bool:
        """A new file is linted when a `check` of the watched paths would have found it."""
        if not path.name.lower().endswith(MARKDOWN_SUFFIXES):
            return False
        key = os.path.abspath(path)
        return any(
            os.path.abspath(p) == key for p in walk(self._relative(path.parent), self.exclude)
        )

    @staticmethod
    def _relative(path: Path) -> Path:
        try:
            return Path(os.path.relpath(path))
        except ValueError:
            return path

    def _print(self, diagnostics: list[Diagnostic], files: int) -> None:
        from newslint.reporters import report

        diagnostics.sort(key=lambda d: d.sort_key())
        report(self.fmt, diagnostics, files, self.out, color=self.color, quiet=False)
        self.out.flush()


def _identity(d: Diagnostic) -> tuple[str, str, int, int, str]:
    return (d.path, d.code, d.line, d.column, d.message)


def watch(
    session: Session, *, stop_event: Any = None, on_ready: Callable[[], None] | None = None
) -> None:
    """Feed watchfiles' batches to `session` until `stop_event` is set or Ctrl-C.

    `on_ready` is called once the file system watch is in place, so that a `Watching ...` line
    printed by it is true: a file saved after that line is re-linted. watchfiles registers its
    watch before it first yields, and with `yield_on_timeout` it yields (an empty batch) within
    `rust_timeout` even when nothing changed.
    """
    import watchfiles

    ignore = [*watchfiles.DefaultFilter.ignore_dirs, ".newslint_cache"]
    watch_filter = watchfiles.DefaultFilter(ignore_dirs=ignore)
    for changes in watchfiles.watch(
        *session.roots,
        watch_filter=watch_filter,
        debounce=DEBOUNCE_MS,
        step=STEP_MS,
        stop_event=stop_event,
        rust_timeout=READY_MS,
        yield_on_timeout=True,
        raise_interrupt=True,
    ):
        if on_ready is not None:
            on_ready()
            on_ready = None
        if changes:
            session.update(changes)


def cmd_watch(args: argparse.Namespace) -> int:
    """The `watch` command (called by the CLI)."""
    from newslint.cli import _default_paths, build_run
    from newslint.config import exclude_patterns

    config, ruleset, files = build_run(args)
    exclude = exclude_patterns(config, args.exclude)
    roots = [Path(p) for p in args.paths] if args.paths else _default_paths(config, exclude)
    session = Session(
        ruleset,
        roots,
        sys.stdout,
        fmt=args.output_format or "full",
        color=args.color,
        use_cache=not args.no_cache,
        jobs=args.jobs,
        exclude=exclude,
    )

    def ready() -> None:
        print(
            f"Watching {len(files)} file{'' if len(files) == 1 else 's'} for changes"
            " (Ctrl-C to stop).",
            file=session.status,
            flush=True,
        )

    try:
        session.start(files)
        watch(session, on_ready=ready)
    except KeyboardInterrupt:
        pass
    return 0
