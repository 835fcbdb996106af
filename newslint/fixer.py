"""`newslint fix`: apply fixes file by file and write atomically, never losing a byte.

The text is fixed in its escaped form (undecodable bytes held as lone surrogates), so bytes that
were not UTF-8 are written back exactly as they were unless a fix replaced them. The file is
written to a temporary file in the same directory, given the original's mode, and renamed over
the original; a file that changed on disk since it was read is left alone.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from newslint.config import Config
from newslint.diagnostics import Diagnostic
from newslint.document import encode
from newslint.engine import FileResult, FixOutcome, RuleSet, fix_document, read_document
from newslint.rule import Severity


def write_atomic(path: Path, data: bytes, expected: bytes) -> str | None:
    """Replace `path` with `data` unless its bytes are no longer `expected`; an error message or None."""
    try:
        if path.read_bytes() != expected:
            return "changed on disk while newslint was fixing it; left alone"
        mode = path.stat().st_mode
    except OSError as err:
        return f"cannot re-read before writing: {err.strerror or err}"
    target = path.resolve()
    handle, temp = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".newslint", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp, mode & 0o7777)
        os.replace(temp, target)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        return f"cannot write: {err.strerror or err}"
    return None


def unified_diff(path: str, before: bytes, after: bytes) -> str:
    old = before.decode("utf-8", "replace").splitlines(keepends=True)
    new = after.decode("utf-8", "replace").splitlines(keepends=True)
    return "".join(difflib.unified_diff(old, new, f"a/{path}", f"b/{path}"))


def run_fix(
    args: argparse.Namespace, config: Config, ruleset: RuleSet, files: Sequence[Path]
) -> int:
    from newslint.reporters import report

    remaining: list[Diagnostic] = []
    fixed_files = 0
    fix_count = 0
    any_diff = False
    problems = False
    for path in files:
        doc = read_document(path, ruleset)
        if isinstance(doc, FileResult):
            remaining.extend(doc.diagnostics)
            continue
        outcome: FixOutcome = fix_document(doc, ruleset, unsafe=args.unsafe_fixes)
        remaining.extend(outcome.result.diagnostics)
        for rule in outcome.dropped:
            print(
                f"newslint: warning: {doc.path}: fixes of {rule} were dropped (they did not converge or broke the front matter)",
                file=sys.stderr,
            )
        if not outcome.changed:
            continue
        new_bytes = encode(outcome.text)
        if args.diff:
            sys.stdout.write(unified_diff(doc.path, doc.raw, new_bytes))
            any_diff = True
            fix_count += len(outcome.applied)
            fixed_files += 1
            continue
        error = write_atomic(path, new_bytes, doc.raw)
        if error:
            print(f"newslint: {doc.path}: {error}", file=sys.stderr)
            problems = True
            continue
        fixed_files += 1
        fix_count += len(outcome.applied)
        if args.show_fixes:
            print(f"{doc.path}:")
            for code, title in outcome.applied:
                print(f"  {code} {title}")
    if args.diff:
        print(
            f"Would apply {fix_count} fix{'es' if fix_count != 1 else ''} in {fixed_files} file{'s' if fixed_files != 1 else ''}.",
            file=sys.stderr,
        )
        return 1 if any_diff else 0
    fmt = args.output_format or "full"
    if remaining or not args.quiet:
        report(fmt, remaining, len(files), sys.stdout, color=args.color, quiet=args.quiet)
    print(
        f"Applied {fix_count} fix{'es' if fix_count != 1 else ''} in {fixed_files} file{'s' if fixed_files != 1 else ''}.",
        file=sys.stderr,
    )
    if any(d.rule == "internal-error" for d in remaining):
        return 2
    if args.exit_non_zero_on_fix and fixed_files:
        return 1
    threshold = Severity.parse(config.fail_on)
    if problems or any(d.severity >= threshold for d in remaining):
        return 1
    return 0
