"""Running a lint over many files: per-file linting, then the project-wide step in the main process."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newslint.diagnostics import Diagnostic
from newslint.engine import FileResult, RuleSet, lint_path
from newslint.events import Collected
from newslint.rule import ProjectContext, ProjectReport, Rule
from newslint.spans import Span


def lint_files(files: Sequence[Path], ruleset: RuleSet, **options: Any) -> list[FileResult]:
    """Lint each file; results in the order of `files`."""
    return [lint_path(path, ruleset) for path in files]


def project_end(results: Sequence[FileResult], ruleset: RuleSet) -> list[Diagnostic]:
    """Give each rule the data its `collect` returned for every file; return what it reports."""
    reports: list[ProjectReport] = []
    for active in ruleset.rules:
        collected: list[Collected] = [
            result.collected[active.rule.name] for result in results if active.rule.name in result.collected
        ]
        if getattr(active.rule.project_end, "__func__", None) is Rule.project_end.__func__:  # type: ignore[attr-defined]
            continue  # the rule has no project-wide step
        ctx = ProjectContext(active.rule, active.options, active.severity, reports)
        active.rule.project_end(ctx, collected)
    return [
        Diagnostic(
            path=r.path,
            rule=r.rule.name,
            code=r.rule.code,
            severity=r.severity,
            message=r.message,
            span=Span(0, 0),
            line=r.line,
            column=r.column,
            end_line=r.end_line,
            end_column=r.end_column,
        )
        for r in reports
    ]
