"""`newslint fix`: apply fixes file by file and write atomically, never losing a byte.

The text is fixed in its escaped form (undecodable bytes held as lone surrogates), so bytes that
were not UTF-8 are written back exactly as they were unless a fix replaced them. The fix loop
(`newslint.fixloop`) keeps the BOM and the line endings unless their own rules change them and
drops any fix that breaks the front matter. Writing: the new bytes go to a temporary file in the
same directory, which gets the original's mode (and owner, where allowed), is flushed to disk and
renamed over the original, so a crash leaves either the old file or the new one. A file whose bytes
changed on disk since they were read is left alone. A file that is not UTF-8 at all (UTF-16 or
UTF-32) is rewritten only once invalid-utf8's (EN005, unsafe) fix transcoded it to UTF-8: other
fixes, made on its bytes read as UTF-8, would garble it.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISREG
from typing import TextIO

from newslint import linediff
from newslint.config import Config
from newslint.diagnostics import Diagnostic
from newslint.document import Document, encode
from newslint.engine import (
    TOO_LARGE,
    UNREADABLE,
    FileResult,
    FixOutcome,
    RuleSet,
    _internal_error,
    fix_document,
    lint_document,
    read_document,
)
from newslint.fixes import Applicability
from newslint.reporters import printable
from newslint.rule import Severity

_FOREIGN_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
HUMAN_FORMATS = ("full", "concise", "grouped")
# The problems `fix --diff` prints on standard error although it prints no other: a rule's crash
# (exit 2) and a file it could not read or would not, whose fixes no diff can show.
_SAID_WITH_A_DIFF = ("internal-error", UNREADABLE[0], TOO_LARGE[0])


def foreign_encoding(raw: bytes) -> str | None:
    """The encoding a file that is not meant as UTF-8 is in (None for UTF-8, however broken)."""
    for bom, name in _FOREIGN_BOMS:
        if raw.startswith(bom):
            return f"{name} (it starts with a {name} byte-order mark)"
    sample = raw[:4096]
    # Text in UTF-16 without a BOM has a NUL in every other byte; a UTF-8 article has none or a
    # stray one that EN004 may remove.
    if sample and sample.count(0) * 4 >= len(sample):
        return "UTF-16 or binary (a quarter of its bytes are NUL)"
    return None


@dataclass
class FileFix:
    """What fixing one file did."""

    path: Path
    shown: str
    before: bytes = b""
    after: bytes = b""
    outcome: FixOutcome | None = None
    result: FileResult | None = None  # what remains in the file as it is on disk now
    note: str | None = None  # why the file was left alone
    written: bool = False
    changed: bool = False  # the fixed bytes differ (and were written, unless --diff)
    # (code, rule, title) of the fixes the project-wide step applied (LK007's redirect targets).
    project_fixes: list[tuple[str, str, str]] = field(default_factory=list)
    # The digest of the bytes the last lint saw: a project-wide fix is applied only to those.
    digest: bytes = b""

    def release(self, *, keep_text: bool = False, keep_digest: bool = False) -> None:
        """Drop the file's text once reported: a run over thousands of files keeps only counts
        and diagnostics. For a project-wide fix, `keep_digest` keeps a digest of the bytes, and
        `keep_text` the bytes themselves (for `--diff`)."""
        if keep_digest:
            self.digest = _digest(self.after)
        if not keep_text:
            self.before = self.after = b""
        if self.outcome is not None:
            self.outcome.text = ""

    @property
    def remaining(self) -> list[Diagnostic]:
        return self.result.diagnostics if self.result is not None else []

    @property
    def fix_count(self) -> int:
        own = len(self.outcome.fixes) if self.outcome is not None and self.changed else 0
        return own + len(self.project_fixes)

    def fix_titles(self) -> list[tuple[str, str, str]]:
        """(code, rule, title) of every fix applied to the file."""
        own = (
            [(f.code, f.rule, f.title) for f in self.outcome.fixes]
            if self.outcome is not None and self.changed
            else []
        )
        return own + self.project_fixes


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def fix_file(path: Path, ruleset: RuleSet, *, unsafe: bool = False, write: bool = True) -> FileFix:
    """Fix one file; with `write`, replace it atomically when something changed."""
    from newslint.runner import paused_gc

    with paused_gc():  # see there: a fix pass over 100,000 problems makes as many objects
        return _fix_file(path, ruleset, unsafe=unsafe, write=write)


def _fix_file(path: Path, ruleset: RuleSet, *, unsafe: bool, write: bool) -> FileFix:
    doc = read_document(path, ruleset)
    if isinstance(doc, FileResult):
        return FileFix(path, doc.path, result=doc)
    record = fix_read(path, doc, ruleset, unsafe=unsafe)
    if not write or not record.changed:
        return record
    error = write_atomic(path, record.after, doc.raw)
    if error is not None:
        record.note = error
        record.after = record.before
        record.changed = False
        record.result = _lint_original(doc, ruleset)
    else:
        record.written = True
    return record


def fix_read(path: Path, doc: Document, ruleset: RuleSet, *, unsafe: bool = False) -> FileFix:
    """Fix the document read from `path` in memory (`record.after`: the new bytes); nothing is
    written. A file's fix writes them next; standard input's (`newslint.stdin`) prints them."""
    record = FileFix(path, doc.path, before=doc.raw, after=doc.raw)
    try:
        outcome = fix_document(doc, ruleset, unsafe=unsafe)
    except Exception as err:  # never a traceback, never a half-fixed file
        record.result = FileResult(doc.path, [_internal_error(doc.path, doc, "fix-loop", err)])
        return record
    record.outcome = outcome
    record.result = outcome.result
    if not outcome.changed:
        return record
    foreign = foreign_encoding(doc.raw)
    if foreign is not None and not _transcoded(outcome):
        record.note = f"not fixed: the file looks {foreign}; newslint rewrites UTF-8 files only"
        record.result = _lint_original(doc, ruleset)
        return record
    record.after = encode(outcome.text)
    record.changed = record.after != record.before
    return record


def _transcoded(outcome: FixOutcome) -> bool:
    """Whether the fix loop's first pass transcoded a UTF-16 or UTF-32 file (see
    `newslint.fixloop.TRANSCODE_RULE`) and what it wrote is UTF-8 text like any other."""
    from newslint.fixloop import TRANSCODE_RULE

    first = outcome.fixes[0] if outcome.fixes else None
    if first is None or first.code != TRANSCODE_RULE or first.pass_number != 1:
        return False
    return foreign_encoding(encode(outcome.text)) is None


def _lint_original(doc: Document, ruleset: RuleSet) -> FileResult:
    fresh = Document.from_bytes(doc.raw, doc.path, doc.site)
    fresh.language = doc.language
    return lint_document(fresh, ruleset)


CHANGED_ON_DISK = "changed on disk while newslint was fixing it; left alone"


def write_atomic(path: Path, data: bytes, expected: bytes) -> str | None:
    """Replace `path` with `data` unless its bytes are no longer `expected`; an error message or None.

    A symbolic link stays a link: its target is replaced, but only when that target lies inside
    the tree being fixed (`_link_out_of_tree`). A hard link is broken (the new file is a new
    inode), as with any editor that saves atomically.
    """
    outside = _link_out_of_tree(path)
    if outside is not None:
        return outside
    target = path.resolve()
    try:
        info = target.stat()
        # Replaced by a pipe (whose read would wait for a writer forever), a folder, a device.
        if not S_ISREG(info.st_mode) or target.read_bytes() != expected:
            return CHANGED_ON_DISK
    except OSError as err:
        return f"cannot re-read before writing: {err.strerror or err}; left alone"
    # Renaming over a file needs only a writable directory: respect a read-only file.
    if not os.access(target, os.W_OK):
        return "the file is read-only; left alone"
    # The temporary name adds 19 bytes to the file's: a name near the file system's limit (255
    # bytes) is cut short in it, or the write would fail with "File name too long".
    stem = target.name if len(os.fsencode(target.name)) <= 200 else target.name[:50]
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{stem}.", suffix=".newslint", dir=target.parent)
    except OSError as err:
        return f"cannot write a temporary file next to it: {err.strerror or err}; left alone"
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if hasattr(os, "chown"):
            with contextlib.suppress(OSError):  # only root may give a file away
                os.chown(temp, info.st_uid, info.st_gid)
        # After chown, which clears the set-user-ID and set-group-ID bits: all mode bits are kept.
        os.chmod(temp, info.st_mode & 0o7777)
        # Looked at again as late as can be: an editor or a formatter that saved while the new
        # bytes went to disk (an fsync may take a while) would otherwise lose its save.
        if _changed_since(target, info, expected):
            os.unlink(temp)
            return CHANGED_ON_DISK
        os.replace(temp, target)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        return f"cannot write: {err.strerror or err}; left alone"
    _sync_directory(target.parent)
    return None


def _changed_since(target: Path, info: os.stat_result, expected: bytes) -> bool:
    """Whether the file at `target` is no longer the one `info` describes with the bytes
    `expected` (replaced, gone, or written to)."""
    try:
        now = target.stat()
        if (now.st_ino, now.st_dev) != (info.st_ino, info.st_dev):
            return True
        return target.read_bytes() != expected
    except OSError:
        return True


def _link_out_of_tree(path: Path) -> str | None:
    """Why `path` is not written, when a symbolic link on its way (the file itself, or a folder
    above it) leads out of the tree being fixed; else None.

    The tree is the Hugo site the path lies in as written, links not followed (the nearest folder
    above it with a site configuration), else the working directory, else, for a file named
    outside it, the file's own folder. A link to a file elsewhere in the tree is written through;
    a link to `/etc/passwd`, to another checkout or to a shared folder is not: its target is no
    file of this site, and `fix` run in a pre-commit hook or CI must not change files elsewhere.
    Reading it is harmless; `check` still lints it."""
    lexical = os.path.abspath(path)
    real = os.path.realpath(path)
    if real == lexical:
        return None  # no link on the way: the common case costs no more than these two calls
    root = _tree_root(lexical)
    real_root = os.path.realpath(root)
    if real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep):
        return None
    return (
        f"not written: a symbolic link to {printable(_shown(real))}, outside "
        f"{printable(_shown(root))}; newslint writes only inside the tree it fixes; left alone"
    )


def _tree_root(lexical: str) -> str:
    """The folder `_link_out_of_tree` holds the absolute, unresolved path `lexical` to."""
    from newslint.site import _own_config

    folder = os.path.dirname(lexical)
    while True:
        if _own_config(Path(folder)) is not None:
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    cwd = os.getcwd()
    if lexical.startswith(cwd.rstrip(os.sep) + os.sep):
        return cwd
    return os.path.dirname(lexical)


def _shown(path: str) -> str:
    """A path as a message shows it: one whose bytes are not UTF-8 with U+FFFD for them."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _sync_directory(directory: Path) -> None:
    """Make the rename durable (POSIX); harmless where directories cannot be opened."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def unified_diff(path: str, before: bytes, after: bytes) -> str:
    """A `diff -u` of the two versions, which `patch -p1` applies to give `after` (when both are
    UTF-8: bytes that are not are shown as `\\xNN`)."""
    old = _diff_lines(before.decode("utf-8", "backslashreplace"))
    new = _diff_lines(after.decode("utf-8", "backslashreplace"))
    out = []
    for line in linediff.unified_diff(old, new, _header_name("a/", path), _header_name("b/", path)):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


# What git quotes in a diff header's name (besides bytes past ASCII, which it may leave as they
# are): a control character would end the header line or the name, `"` and `\\` the quoting.
_NEEDS_QUOTES = re.compile(r'[\x00-\x1f"\\\x7f]')
_C_ESCAPES = {
    "\a": "\\a",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\v": "\\v",
    "\f": "\\f",
    "\r": "\\r",
}


def _header_name(prefix: str, path: str) -> str:
    """`prefix + path` as a diff header names it so that `patch -p1` and `git apply` read it back.

    A name with a tab, a line break or another control character (or `"`, `\\`) is written in
    double quotes with C escapes, as git writes it and as GNU patch (2.7+) and git read it:
    unquoted, a line break split the header and a tab ended the name. A name with a space is
    followed by a tab, as git does: GNU patch ends an unquoted name at white space otherwise."""
    name = prefix + path
    if _NEEDS_QUOTES.search(name):
        return '"' + _NEEDS_QUOTES.sub(_c_escape, name) + '"'
    return name + "\t" if " " in name else name


def _c_escape(match: re.Match[str]) -> str:
    char = match.group()
    return _C_ESCAPES.get(char) or ("\\" + char if char in '"\\' else f"\\{ord(char):03o}")


def write_diff(out: TextIO, record: FileFix) -> None:
    """Print the diff of a fixed file, its headers naming the file as it is named on disk: the
    bytes of a name that is not UTF-8 (Linux names are bytes) go out as they are, so `patch` and
    `git apply` find the file (U+FFFD for them would name no file)."""
    from newslint.engine import named_path

    text = unified_diff(named_path(record.path), record.before, record.after)
    try:
        out.write(text)
        return
    except UnicodeEncodeError:  # lone surrogates: a name's bytes that are not UTF-8
        pass
    binary = getattr(out, "buffer", None)
    if binary is None:  # a text-only stream (a test's capture): the name as messages show it
        out.write(unified_diff(record.shown, record.before, record.after))
        return
    out.flush()
    binary.write(text.encode("utf-8", "surrogateescape"))
    binary.flush()


def _diff_lines(text: str) -> list[str]:
    """The lines of `text` as `diff` and `patch` see them: only LF ends one. (`str.splitlines`
    also breaks at CR, NEL, U+2028 and form feeds, which `patch` reads as part of a line: the
    diff would not apply.) A CRLF line keeps its CR, so the diff says the line endings changed."""
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural or word + 's')}"


def _show_fixes(records: Sequence[FileFix], out: TextIO, *, diff: bool) -> None:
    fixed = [r for r in records if r.fix_count and (r.written or diff)]
    total = sum(r.fix_count for r in fixed)
    if not fixed:
        out.write("No fixes would be applied.\n" if diff else "No fixes applied.\n")
        return
    verb = "Would fix" if diff else "Fixed"
    out.write(f"{verb} {_plural(total, 'problem')}:\n")
    for record in fixed:
        out.write(f"- {printable(record.shown)}:\n")
        counts = Counter(record.fix_titles())
        for (code, rule, title), count in counts.items():
            out.write(f"    {count} × {code} ({rule}) {printable(title)}\n")


def _remaining_summary(diagnostics: Sequence[Diagnostic], *, unsafe: bool) -> str:
    if not diagnostics:
        return "no problems remain"
    counts = Counter(d.severity.label for d in diagnostics)
    parts = [_plural(counts[s], s) for s in ("error", "warning", "info") if counts[s]]
    verb = "remains" if len(diagnostics) == 1 else "remain"
    text = f"{_plural(len(diagnostics), 'problem')} {verb} ({', '.join(parts)})"
    more = sum(
        1 for d in diagnostics if d.fix is not None and d.fix.applicability is Applicability.UNSAFE
    )
    if more and not unsafe:
        text += f", {more} fixable with `--unsafe-fixes`"
    return text


@dataclass
class FixRun:
    """Totals of a `newslint fix` run."""

    records: list[FileFix] = field(default_factory=list)

    @property
    def fixed_files(self) -> int:
        return sum(1 for r in self.records if r.fix_count)

    @property
    def fix_count(self) -> int:
        return sum(r.fix_count for r in self.records)


def run_fix(
    args: argparse.Namespace, config: Config, ruleset: RuleSet, files: Sequence[Path]
) -> int:
    """Fix `files`; print dropped fixes, files left alone, the diff or what remains; exit code."""
    from newslint.reporters import default_format, prepare
    from newslint.runner import Results, once, project_end, project_files
    from newslint.suppressions import project_suppressions

    fmt = args.output_format or default_format(sys.stdout, args.color)
    diff = bool(args.diff)
    # Before the first line: a stdout that cannot encode CJK (`LC_ALL=C`) takes a diff in UTF-8
    # (escaped, it would no longer apply) and the listing of fixes escaped, as a report is.
    prepare(sys.stdout, "diff" if diff else fmt)
    # The diff (or machine-readable output) owns stdout; everything else goes to stderr.
    notes = sys.stderr if diff or fmt not in HUMAN_FORMATS else sys.stdout
    run = FixRun()
    # Only checked links (LK007) and rules that say so give project-wide fixes; without them, or
    # when none may be applied, nothing is kept for them.
    applicable = (
        (Applicability.SAFE, Applicability.UNSAFE) if args.unsafe_fixes else (Applicability.SAFE,)
    )
    project_fixes = bool(config.links.check) or any(
        active.rule.project_fixes in applicable for active in ruleset.rules
    )
    for path in files:
        record = fix_file(path, ruleset, unsafe=args.unsafe_fixes, write=not diff)
        run.records.append(record)
        warn_record(record)
        if diff and record.changed and not project_fixes:
            write_diff(sys.stdout, record)
        record.release(keep_text=diff and project_fixes, keep_digest=project_fixes)
    remaining = [d for r in run.records for d in r.remaining]
    results = Results([r.result for r in run.records if r.result is not None])
    names = [str(path) for path in files]
    # A suppression of a cross-file rule is judged only when these files are the whole site.
    results.covers_project = once(lambda: not project_files(names, ruleset).names)
    # Cross-file rules see the files as they are now (fixed, or as they were when left alone).
    project = project_end(
        results, ruleset, offline=getattr(args, "offline", False), use_cache=not args.no_cache
    )
    project = project_suppressions(results, project)
    if project_fixes:
        project = apply_project_fixes(
            run.records, project, unsafe=args.unsafe_fixes, write=not diff
        )
        for record in run.records:
            if diff and record.changed:
                write_diff(sys.stdout, record)
            record.release()
    remaining.extend(project)
    remaining.sort(key=lambda d: d.sort_key())
    return finish_fix(args, config, ruleset, run, remaining, len(files), sys.stdout, notes)


def warn_record(record: FileFix) -> None:
    """Tell (on standard error) which fixes of the file were dropped and why it was left alone."""
    if record.outcome is not None:
        for dropped in record.outcome.dropped_fixes:
            print(
                f"newslint: warning: {record.shown}: fixes of {dropped.code} ({dropped.rule}) "
                f"were not applied: they {dropped.reason}",
                file=sys.stderr,
            )
    if record.note is not None:
        print(f"newslint: {record.shown}: {record.note}", file=sys.stderr)


def finish_fix(
    args: argparse.Namespace,
    config: Config,
    ruleset: RuleSet,
    run: FixRun,
    remaining: list[Diagnostic],
    files: int,
    out: TextIO,
    notes: TextIO,
) -> int:
    """The end of a `fix` run once every file is fixed (and any diff printed): the fixes applied
    (`--show-fixes`, to `notes`), the problems that remain (to `out`; not with `--diff`), the
    summary (to standard error); the exit code."""
    from newslint.reporters import default_format, report

    fmt = args.output_format or default_format(out, args.color)
    diff = bool(args.diff)
    if args.show_fixes:
        _show_fixes(run.records, notes, diff=diff)
    left_alone = [r for r in run.records if r.note is not None]
    files_word = _plural(files, "file")
    if diff:
        for crash in (d for d in remaining if d.rule in _SAID_WITH_A_DIFF):
            # A diff leaves the remaining problems out, but not why the run exits 2, nor a file
            # it could not read (never skipped without a word: README), whose fixes it cannot know.
            print(
                f"{crash.path}:{crash.line}:{crash.column}: {crash.code} [{crash.rule}] "
                f"{crash.message}",
                file=sys.stderr,
            )
        print(
            f"Would apply {_plural(run.fix_count, 'fix', 'fixes')} in "
            f"{run.fixed_files} of {files_word}.",
            file=sys.stderr,
        )
    else:
        if args.statistics:
            from newslint.reporters import statistics

            statistics.write(remaining, out, fmt)
        elif remaining or not args.quiet:
            rules = [active.rule for active in ruleset.rules]
            report(
                fmt,
                remaining,
                files,
                out,
                color=args.color,
                quiet=args.quiet,
                rules=rules,
            )
        summary = (
            f"Applied {_plural(run.fix_count, 'fix', 'fixes')} in {run.fixed_files} of "
            f"{files_word}; {_remaining_summary(remaining, unsafe=args.unsafe_fixes)}."
        )
        if left_alone:
            summary += f" {_plural(len(left_alone), 'file')} left alone (see above)."
        print(summary, file=sys.stderr)
    if any(d.rule == "internal-error" for d in remaining):
        return 2
    if diff:
        return 1 if run.fixed_files else 0
    if args.exit_non_zero_on_fix and run.fixed_files:
        return 1
    if left_alone:
        return 1
    threshold = Severity.parse(config.fail_on)
    return 1 if any(d.severity >= threshold for d in remaining) else 0


def apply_project_fixes(
    records: Sequence[FileFix], diagnostics: list[Diagnostic], *, unsafe: bool, write: bool
) -> list[Diagnostic]:
    """Apply the fixes that the project-wide step offers (LK007: the redirect target); return the
    diagnostics that remain.

    Such a fix is known only after every file was linted, by line and column in the file as the
    last lint saw it. It is applied when the file still has exactly those bytes (else it is left
    alone, and reported), when its applicability allows it, and when the front matter still parses
    afterwards; with `write`, the file is replaced atomically, else the record's `after` bytes
    change (for `--diff`).
    """
    from newslint.fixes import Edit, Fix, apply_fixes

    by_path: dict[str, list[Diagnostic]] = {}
    kept: list[Diagnostic] = []
    for d in diagnostics:
        wanted = d.fix is not None and d.fix.applicability in (
            (Applicability.SAFE, Applicability.UNSAFE) if unsafe else (Applicability.SAFE,)
        )
        if wanted and d.fix_positions:
            by_path.setdefault(d.path, []).append(d)
        else:
            kept.append(d)
    records_by_path = {record.shown: record for record in records}
    for path, found in by_path.items():
        record = records_by_path.get(path)
        if record is None or record.note is not None:
            kept.extend(found)
            continue
        try:
            if not write:
                current = record.after
            elif os.path.isfile(record.path):  # not a pipe, which a read would wait on
                current = record.path.read_bytes()
            else:
                current = b""
        except OSError:
            current = b""
        if _digest(current) != record.digest:
            print(
                f"newslint: {path}: changed while it was checked; links not fixed", file=sys.stderr
            )
            kept.extend(found)
            continue
        doc = Document.from_bytes(current, path)
        fixes: dict[int, Fix] = {}
        for index, d in enumerate(found):
            assert d.fix is not None
            edits = tuple(
                Edit(
                    doc.lines.offset(e.line, e.column),
                    doc.lines.offset(e.end_line, e.end_column),
                    e.content,
                )
                for e in d.fix_positions
            )
            fixes[index] = Fix(d.fix.title, edits, d.fix.applicability)
        text, applied, _ = apply_fixes(doc.escaped_text, fixes.values())
        after = encode(text)
        if Document.from_bytes(after, path).front_matter_errors and not doc.front_matter_errors:
            kept.extend(found)
            continue
        done = {id(fix) for fix in applied}
        if not done:
            kept.extend(found)
            continue
        if write:
            error = write_atomic(record.path, after, current)
            if error is not None:
                print(f"newslint: {path}: {error}", file=sys.stderr)
                kept.extend(found)
                continue
            record.written = True
        record.after = after
        record.changed = record.after != record.before or record.changed
        for index, d in enumerate(found):
            if id(fixes[index]) in done:
                record.project_fixes.append((d.code, d.rule, fixes[index].title))
            else:
                kept.append(d)
    return kept
