"""Baselines: adopt newslint on a repository with thousands of old problems, and fail only on new ones.

`newslint check --write-baseline FILE` records the current diagnostics; `newslint check --baseline
FILE` then reports only what the baseline does not hold. A diagnostic is matched by its file, its rule
code and the text of its span (`Diagnostic.source_text`: for a cross-file rule the title or URL
it reports, not its message, which names the other file; the message when the span is empty),
never by line, so editing above an old problem does not resurface it. Matching counts: a baseline that
holds two `date-format` problems on the text `"2025-02-08 09:55:35"` in one file absorbs two, and a
third is reported. Paths are stored relative to the baseline file, so the check can run from
another directory. The file is sorted JSON, one entry per (path, code, text, context), so it
diffs well.

A short span's text says little: `.` for every `sentence-spacing` problem of a file, `,` for
`halfwidth-punctuation`, two spaces for `trailing-whitespace`. Matched by that alone, a recorded
problem that was fixed would hide a new one anywhere in its file. So a diagnostic whose text is
shorter than `SHORT` characters and lies on one line is matched by its `context` too: the text with
up to `WINDOW` characters of its line on each side (`spoke.Then he`), which moves with the line,
so editing above the problem still does not resurface it, while the same mark elsewhere is new.
An entry without a context (every entry of a baseline written before contexts, or of a line over
1,000 characters, whose text newslint does not keep) matches by its text alone, as it always did:
old baseline files read and match as before, and the format number stays 1 (a reader that does
not know `context` sums the entries of one text, which is what it did before).
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newslint.diagnostics import Diagnostic

FORMAT = 1
_NEVER = ("internal-error",)  # a crash is never an accepted problem

# (path relative to the baseline's folder, code, text, the text in its line or None)
Key = tuple[str, str, str, str | None]
SHORT = 12  # a span's text shorter than this is matched with its context
WINDOW = 12  # characters of the line on each side of a short text


class BaselineError(Exception):
    """A baseline file that cannot be read or written; the CLI prints it and exits 2."""


def _relative(path: str, root: Path) -> str:
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute, root)
    except ValueError:  # another drive on Windows
        return Path(absolute).as_posix()
    return Path(rel).as_posix()


def context_of(diagnostic: Diagnostic) -> str | None:
    """The short text of `diagnostic` with up to `WINDOW` characters of its line on each side, or
    None: a text of `SHORT` characters or more, over several lines, of an empty span (matched by
    its message) or on a line whose text is not kept (over 1,000 characters)."""
    text = diagnostic.source_text
    if not text or len(text) >= SHORT or diagnostic.end_line != diagnostic.line:
        return None
    line = diagnostic.source_line
    start = diagnostic.column - 1
    end = start + len(text)
    if line[start:end] != text:
        return None  # no line kept, or a span that takes its line break
    return line[max(0, start - WINDOW) : end + WINDOW]


def key_of(diagnostic: Diagnostic, root: Path) -> Key:
    text = diagnostic.source_text or diagnostic.message
    return (_relative(diagnostic.path, root), diagnostic.code, text, context_of(diagnostic))


@dataclass
class Baseline:
    """The accepted diagnostics: a count per key."""

    root: Path
    counts: Counter[Key]
    rules: dict[str, str]  # code -> rule name, for the file's readers

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            mode = path.stat().st_mode
            if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):  # a folder: "Is a directory"
                # A pipe nobody writes to would be waited on forever, a device read without end.
                raise BaselineError(
                    f"{path}: cannot read: not a regular file (a pipe, socket or device)"
                )
            # "utf-8-sig": a baseline saved again by a Windows editor starts with a BOM.
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except FileNotFoundError:
            raise BaselineError(
                f"{path}: baseline file not found (create it with --write-baseline)"
            ) from None
        except OSError as err:
            raise BaselineError(f"{path}: cannot read: {err.strerror or err}") from None
        except json.JSONDecodeError as err:
            raise BaselineError(f"{path}: not a newslint baseline: {err}") from None
        except UnicodeDecodeError as err:
            raise BaselineError(f"{path}: not a newslint baseline: {err}") from None
        except ValueError:  # not a JSONDecodeError: an integer Python will not convert
            raise BaselineError(
                f"{path}: not a newslint baseline: a number of more than 4,300 digits"
            ) from None
        except RecursionError:
            raise BaselineError(f"{path}: not a newslint baseline: nested too deeply") from None
        if not isinstance(data, dict) or data.get("newslint-baseline") != FORMAT:
            raise BaselineError(f"{path}: not a newslint baseline (format {FORMAT} expected)")
        counts: Counter[Key] = Counter()
        rules: dict[str, str] = {}
        try:
            for entry in data["entries"]:
                if not isinstance(entry, dict):
                    raise BaselineError(f"{path}: malformed entry: {entry!r:.80} is no object")
                context = entry.get("context")
                key = (
                    str(entry["path"]),
                    str(entry["code"]),
                    str(entry["text"]),
                    None if context is None else str(context),
                )
                counts[key] += int(entry.get("count", 1))
                rules[key[1]] = str(entry.get("rule", ""))
        # OverflowError: a count of 1e999, which `json` reads as infinity.
        except (KeyError, TypeError, ValueError, OverflowError) as err:
            raise BaselineError(f"{path}: malformed entry: {err!r}") from None
        return cls(Path(os.path.realpath(path)).parent, counts, rules)

    @classmethod
    def of(cls, diagnostics: Iterable[Diagnostic], root: Path) -> Baseline:
        counts: Counter[Key] = Counter()
        rules: dict[str, str] = {}
        for d in diagnostics:
            if d.rule in _NEVER:
                continue
            counts[key_of(d, root)] += 1
            rules[d.code] = d.rule
        return cls(root, counts, rules)

    def filter(
        self, diagnostics: Sequence[Diagnostic], linted: Iterable[Path] | None = None
    ) -> tuple[list[Diagnostic], int, int]:
        """(the diagnostics not in the baseline, how many it absorbed, entries that no longer occur).

        Within one key the earliest diagnostics in the file are the accepted ones. The stale count
        covers the `linted` files (by default the files with a diagnostic) and the files that no
        longer exist (deleted or renamed).
        """
        left = Counter(self.counts)
        new: list[Diagnostic] = []
        absorbed = 0
        done = {_relative(str(p), self.root) for p in linted or ()}
        for d in sorted(diagnostics, key=Diagnostic.sort_key):
            key = key_of(d, self.root)
            done.add(key[0])
            if d.rule not in _NEVER and left[key] <= 0 and key[3] is not None:
                key = (*key[:3], None)  # an entry that has no context matches by text alone
            if d.rule not in _NEVER and left[key] > 0:
                left[key] -= 1
                absorbed += 1
            else:
                new.append(d)
        gone: dict[str, bool] = {}

        def judged(path: str) -> bool:
            if path in done:
                return True
            if path not in gone:
                gone[path] = not (self.root / path).exists()
            return gone[path]

        stale = sum(n for key, n in left.items() if n > 0 and judged(key[0]))
        return new, absorbed, stale

    def to_json(self) -> str:
        entries: list[dict[str, object]] = []
        for (p, c, t, context), n in sorted(
            self.counts.items(), key=lambda item: (*item[0][:3], item[0][3] or "")
        ):
            if n <= 0:
                continue
            entry: dict[str, object] = {"path": p, "code": c, "rule": self.rules.get(c, "")}
            entry["text"] = t
            if context is not None:
                entry["context"] = context
            entry["count"] = n
            entries.append(entry)
        data = {"newslint-baseline": FORMAT, "entries": entries}
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def write_baseline(
    path: Path, diagnostics: Sequence[Diagnostic], linted: Iterable[Path] = ()
) -> tuple[int, int]:
    """Record `diagnostics` in `path`; return (entries, diagnostics recorded).

    When `path` already exists, entries of files this run did not lint are kept (as long as the file
    still exists), so a run over part of the repository updates only that part.
    """
    root = Path(os.path.realpath(path)).parent  # `resolve` raises on a link loop
    current = Baseline.of(diagnostics, root)
    if path.exists():
        try:
            previous = Baseline.load(path)
        except BaselineError:
            previous = None  # overwriting a broken baseline is what the user asked for
        if previous is not None:
            done = {_relative(str(p), root) for p in linted} | {k[0] for k in current.counts}
            for key, n in previous.counts.items():
                if key[0] not in done and (root / key[0]).exists():
                    current.counts[key] += n
                    current.rules.setdefault(key[1], previous.rules.get(key[1], ""))
    _write(path, current.to_json().encode("utf-8"))
    return len(current.counts), sum(current.counts.values())


def _write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically, through a temporary file of its own (two runs writing
    one baseline at once must not share one) that a failure removes; the file gets the mode a new
    file gets (the umask's), not `mkstemp`'s owner-only one: a baseline is committed and shared."""
    try:
        mode = os.stat(path).st_mode  # through a symbolic link: the link stays, its file changes
    except FileNotFoundError:
        mode = None
    except OSError as err:
        raise BaselineError(f"{path}: cannot write: {err.strerror or err}") from None
    # Renamed over, a pipe or a device (`/dev/stdout` in a container run as root) would become a
    # regular file. (A folder: the rename says "Is a directory".)
    if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        raise BaselineError(f"{path}: cannot write: not a regular file (a pipe, socket or device)")
    target = Path(os.path.realpath(path)) if mode is not None else path
    try:
        handle, temp = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".newslint-tmp", dir=target.parent
        )
    except OSError as err:
        raise BaselineError(f"{path}: cannot write: {err.strerror or err}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, target)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise BaselineError(f"{path}: cannot write: {err.strerror or err}") from None
