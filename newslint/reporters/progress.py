"""The link-check progress bar on stderr (URLs checked / total, failures so far).

Only used on a terminal and never under pre-commit; `newslint.linkcheck.terminal_progress` decides.
Lives with the reporters because only they import rich.
"""

from __future__ import annotations

from types import TracebackType
from typing import Any


class LinkProgressBar:
    """A callable `(checked, total, failures)` that drives a transient rich progress bar."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self._progress = Progress(
            TextColumn("checking links"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[failures]} failing"),
            console=Console(stderr=True),
            transient=True,
        )
        self._task: Any = None

    def __enter__(self) -> LinkProgressBar:
        self._progress.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._progress.stop()

    def __call__(self, checked: int, total: int, failures: int) -> None:
        if self._task is None:
            self._task = self._progress.add_task("links", total=total, failures=failures)
        self._progress.update(self._task, completed=checked, total=total, failures=failures)
