"""`newslint check -` and `newslint fix -`: one article from standard input, for editors.

Editors (ALE, efm-langserver, none-ls, conform.nvim, a VS Code task) pipe the unsaved buffer to a
linter and read the problems back, or, for a formatter, the new text. As in ruff:

- `-` as the only PATH, or `--stdin-filename PATH` with no PATH (or with `-`), reads standard
  input. `--stdin-filename` names the file the text is: its Hugo site, the configuration nearest
  it, its language (from its path or the site's contentDir), `per-file-ignores`, `exclude` under
  `--force-exclude`, and the `path` shown in every output format. Without it the path shown is `-`
  and the site and configuration are those of the working directory.
- The text is linted exactly as that file's bytes would be (`newslint.runner.lint_source`, the
  path every file takes): the size limit, a binary's NUL bytes, invalid UTF-8 (EN005), an empty
  text all give what the same file on disk gives. The cache is neither read nor written.
- `fix -` writes the fixed text to standard output, byte for byte what `fix FILE` would write to
  the file (line endings, BOM and bytes that are not UTF-8 are kept unless a fix changes them),
  or the input unchanged when nothing was fixed or the file is excluded (an editor replaces its
  buffer with whatever comes back); the remaining problems and the summary go to standard error.
  With `--diff` the unified diff goes to standard output instead, and no text.
- Cross-file rules (XF001, XF002) compare the text with nothing, unless `check --project`: then
  with the whole site, the text taking the place of the file at `--stdin-filename`.
- Exit codes are those of a run over files (0, 1, 2; `--exit-non-zero-on-fix`).
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from newslint.cli import (
    EXIT_ERROR,
    EXIT_OK,
    UsageError,
    _report,
    _without_baseline,
    build_rules,
    exit_code,
    refuse_output_over_article,
    resume_gc,
)

if TYPE_CHECKING:
    from newslint.config import Config
    from newslint.diagnostics import Diagnostic
    from newslint.engine import FileResult, RuleSet
    from newslint.runner import Results
    from newslint.site import Site

STDIN = "-"


def stdin_name(args: argparse.Namespace) -> str | None:
    """The `--stdin-filename` of a run that reads standard input (None: not given), after checking
    that nothing else is asked of it that cannot go with one article from standard input."""
    paths = list(args.paths)
    others = [p for p in paths if p != STDIN]
    if others or len(paths) > 1:
        shown = ", ".join(paths)
        raise UsageError(f"standard input cannot be linted together with other paths ({shown})")
    name: str | None = args.stdin_filename
    if name is not None:
        if not name:
            raise UsageError("--stdin-filename: expected a file name, got an empty one")
        if os.path.isdir(name):
            raise UsageError(f"--stdin-filename {name}: is a directory, not a file")
    if getattr(args, "changed_since", None):
        raise UsageError("--changed-since cannot go with standard input")
    if getattr(args, "write_baseline", None):
        raise UsageError("--write-baseline cannot go with standard input (it records whole runs)")
    return name


def read_stdin(limit: int) -> tuple[bytes, BinaryIO | None]:
    """Standard input's bytes when at most `limit` come, and None; of a longer input only its
    first `limit + 1` bytes (it is not held in memory) and the stream its rest is still in."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # replaced by a text stream (a test, an embedding program)
        return (sys.stdin.read().encode("utf-8", "surrogateescape") if sys.stdin else b""), None
    head = stream.read(limit + 1)
    return head, (stream if len(head) > limit else None)


def drain(head: bytes, rest: BinaryIO, *, echo: bool) -> int:
    """The size of an input too long to hold, its rest read to the end in chunks (an editor waits
    for its pipe to drain); with `echo` every byte goes to standard output as it comes, the answer
    `fix -` gives an input it leaves alone."""
    out = getattr(sys.stdout, "buffer", None) if echo else None
    if echo:
        _write_text(head)
    size = len(head)
    while chunk := rest.read(1 << 20):
        size += len(chunk)
        if out is not None:
            out.write(chunk)
    if out is not None:
        out.flush()
    return size


@dataclass(frozen=True)
class Article:
    """The article on standard input, as a run reads it."""

    name: str  # `--stdin-filename`, else "-"
    shown: str  # the path every output format shows
    site: Site
    raw: bytes  # its bytes; of one over `max-file-size`, only the first of them
    size: int  # all its bytes
    skipped: bool  # left alone by `--force-exclude`
    echoed: bool  # too long to fix: `fix -` gave it back already, as it drained


def lint_stdin(args: argparse.Namespace) -> int:
    """`check` or `fix` of the article on standard input (see the module docstring)."""
    name = stdin_name(args)
    # The configuration nearest the named file (as for a file given as PATH), else the working
    # directory's. A copy: the run's own PATH (`-`) names no place to look from.
    args = argparse.Namespace(**{**vars(args), "paths": [name] if name is not None else []})
    if getattr(args, "output", None) is not None and name is not None:
        refuse_output_over_article(args.output, [name])
    config, ruleset = build_rules(args)
    resume_gc()
    raw, rest = read_stdin(ruleset.config.max_file_size)
    # Too long to lint: only its size matters, and `fix` gives it back unchanged as it streams by.
    echoed = rest is not None and args.command == "fix" and not args.diff
    size = len(raw) if rest is None else drain(raw, rest, echo=echoed)
    from newslint.engine import display_path
    from newslint.site import site_for, site_for_dir

    site = site_for(name) if name is not None else site_for_dir(os.getcwd())
    for message in site.errors:
        print(f"newslint: warning: {message}", file=sys.stderr)
    article = Article(
        name=name if name is not None else STDIN,
        shown=display_path(Path(name)) if name is not None else STDIN,
        site=site,
        raw=raw,
        size=size,
        skipped=name is not None and args.force_exclude and _force_excluded(name, config, args),
        echoed=echoed,
    )
    if args.command == "fix":
        code = _fix(args, config, ruleset, article)
    else:
        code = _check(args, config, ruleset, article)
    # A plugin that did not load: its rules did not run (as `newslint.cli.cmd_lint` says).
    return EXIT_ERROR if ruleset.registry.load_errors else code


def article_for(args: argparse.Namespace, config: Config, name: str, raw: bytes) -> Article:
    """The text `raw` held in memory (an editor's buffer, `newslint.server`) as the article at
    `name`, read as `--stdin-filename name` reads standard input."""
    from newslint.engine import display_path
    from newslint.site import site_for

    return Article(
        name=name,
        shown=display_path(Path(name)),
        site=site_for(name),
        raw=raw,
        size=len(raw),
        skipped=args.force_exclude and _force_excluded(name, config, args),
        echoed=False,
    )


def _force_excluded(name: str, config: Config, args: argparse.Namespace) -> bool:
    from newslint.config import exclude_patterns
    from newslint.discover import force_excluded

    return force_excluded(Path(name), exclude_patterns(config, args.exclude))


def lint_article(article: Article, ruleset: RuleSet) -> FileResult:
    """The result `newslint check FILE` gives for a file of these bytes, without the cache."""
    from newslint.runner import lint_source, paused_gc

    with paused_gc():  # as `newslint.runner.lint_one`
        problem = source_problem(article, ruleset)
        return problem or lint_source(article.shown, article.raw, article.site, ruleset)


def source_problem(article: Article, ruleset: RuleSet) -> FileResult | None:
    """Why the input is not linted (too large, binary), as `newslint.engine.read_source` says it
    for a file; None when it is."""
    from newslint.engine import binary_problem, too_large

    limit = ruleset.config.max_file_size
    if article.size > limit:
        return too_large(article.shown, article.size, limit)
    # Text piped in without a name is the article (a UTF-16 one holds NUL bytes): only a name
    # that is no Markdown file's says it may be something else.
    if article.shown == STDIN:
        return None
    return binary_problem(article.shown, article.raw)


def _results(
    result: FileResult | None, name: str, ruleset: RuleSet, args: argparse.Namespace
) -> Results:
    """The run's results for the project-wide step: the article's alone, or with `--project` also
    those of the site's other files (all but the one at `name`, whose place the article takes)."""
    from newslint.runner import Results, lint_files, once, project_files

    results = Results([result] if result is not None else [])
    if getattr(args, "project", False):
        others = project_files([name], ruleset)
        if others:
            context = lint_files(others, ruleset, jobs=args.jobs, use_cache=not args.no_cache)
            results.context = list(context)
    else:
        results.covers_project = once(lambda: not project_files([name], ruleset).names)
    return results


def _project(results: Results, ruleset: RuleSet, args: argparse.Namespace) -> list[Diagnostic]:
    """What the cross-file rules and the link check report on the article, after its suppressions."""
    from newslint.runner import project_end
    from newslint.suppressions import project_suppressions

    project = project_end(results, ruleset, offline=args.offline, use_cache=not args.no_cache)
    return project_suppressions(results, project)


def _check(args: argparse.Namespace, config: Config, ruleset: RuleSet, article: Article) -> int:
    from newslint.diagnostics import Diagnostic

    diagnostics: list[Diagnostic] = []
    if not article.skipped:
        result = lint_article(article, ruleset)
        diagnostics = list(result.diagnostics)
        diagnostics.extend(_project(_results(result, article.name, ruleset, args), ruleset, args))
        diagnostics.sort(key=Diagnostic.sort_key)
    if args.baseline:
        diagnostics = _without_baseline(args, diagnostics, [Path(article.shown)])
    _report(args, ruleset, diagnostics, 0 if article.skipped else 1)
    return exit_code(config, diagnostics)


def _fix(args: argparse.Namespace, config: Config, ruleset: RuleSet, article: Article) -> int:
    """Fix the article in memory; the fixed text (or the diff) to standard output, the rest to
    standard error (see `newslint.fixer.finish_fix`, which a run over files ends with too)."""
    from newslint.fixer import (
        FileFix,
        FixRun,
        apply_project_fixes,
        finish_fix,
        fix_read,
        warn_record,
        write_diff,
    )

    raw, shown, echoed = article.raw, article.shown, article.echoed
    if article.skipped:
        if not args.diff and not echoed:
            _write_text(raw)
        return EXIT_OK
    path = Path(article.name)
    problem = source_problem(article, ruleset)
    if problem is not None:
        record = FileFix(path, shown, before=raw, after=raw, result=problem)
    else:
        from newslint.document import Document
        from newslint.runner import paused_gc

        with paused_gc():  # as `newslint.fixer.fix_file`
            record = fix_read(
                path,
                Document.from_bytes(raw, shown, article.site),
                ruleset,
                unsafe=args.unsafe_fixes,
            )
    warn_record(record)
    run = FixRun([record])
    results = _results(record.result, article.name, ruleset, args)
    project = _project(results, ruleset, args)
    if config.links.check:  # project-wide fixes (LK007), applied to the fixed bytes in memory
        record.release(keep_text=True, keep_digest=True)
        project = apply_project_fixes([record], project, unsafe=args.unsafe_fixes, write=False)
    remaining = sorted([*record.remaining, *project], key=lambda d: d.sort_key())
    if ruleset.registry.load_errors or any(d.rule == "internal-error" for d in remaining):
        # Exit 2 (a plugin that did not load, a rule that crashed): nothing on standard output,
        # so an editor keeps its buffer rather than take a text some rules never saw.
        return finish_fix(args, config, ruleset, run, remaining, 1, sys.stderr, sys.stderr)
    if args.diff:
        if record.changed:
            # Headers name the file as `--stdin-filename` gives it, bytes that are not UTF-8
            # included (`patch` opens that file), as for a file read from disk.
            write_diff(sys.stdout, record)
            sys.stdout.flush()
    elif not echoed:
        _write_text(record.after if record.changed else raw)
        # Standard input's fixed text is written to standard output: `--show-fixes` lists it as
        # a file's fixes written to disk are listed (it skips records that were not written).
        record.written = record.changed
    return finish_fix(args, config, ruleset, run, remaining, 1, sys.stderr, sys.stderr)


def _write_text(data: bytes) -> None:
    """The article's bytes to standard output, exactly (no newline translation, no encoding)."""
    sys.stdout.flush()
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:  # replaced by a text stream (a test): the same bytes, as text
        sys.stdout.write(data.decode("utf-8", "surrogateescape"))
    else:
        stream.write(data)
        stream.flush()
