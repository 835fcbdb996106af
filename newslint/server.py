"""`newslint server`: newslint as a language server (LSP over standard input and output).

An editor starts `newslint server` once and keeps it: every open article is linted as the author
types, with no process started per keystroke, and the problems come back as the editor's own
diagnostics, with quick fixes. As `ruff server`:

- **Diagnostics.** An open document is linted when it opens, shortly after each change (changes
  within 150 ms of each other are linted once, at the last) and when saved. Each article is linted
  exactly as `newslint check --force-exclude --stdin-filename PATH -` lints it
  (`newslint.stdin`): the configuration nearest the file, its Hugo site, language, time zone and
  `per-file-ignores`; a file the configuration's `exclude` names, or a file of a Hugo site outside
  its content folders (a README), is not linted. Cross-file rules and the link check need the
  whole site or the network and are left to `newslint check`. Closing a document clears its
  diagnostics. A buffer never saved (an `untitled:` document) has no path, hence no site or
  configuration, and is not linted. Half of a surrogate pair in the text (which UTF-8 cannot
  hold, and a JavaScript editor may) is linted as U+FFFD, which `replacement-char` reports.
- **Positions** are sent in the encoding the client asks for (UTF-16 by default, UTF-8 or UTF-32
  when the client offers them), counted on the lines LSP counts (LF, CRLF or a lone CR), which are
  the lines newslint counts. The server applies the editor's incremental changes on those lines
  too (a form feed or a U+2028 in the text ends no line), a position past the end of a line
  being its end. An edit the server sends never starts or ends between the CR and the LF of a
  line break (LSP has no position there): it takes in the whole pair.
- **Code actions.** Each diagnostic with a safe or unsafe fix has a quick fix (an unsafe one says
  so in its title); `source.fixAll.newslint` applies every safe fix, as `newslint fix` does
  (offered when there is one to apply; with `unsafeFixes`, unsafe ones count too and its title
  says so). A quick fix is offered for each problem that meets the range asked about, with the
  problems of the text as it now is (none while a change awaits its lint).
- **Formatting** (`textDocument/formatting`) applies the safe fixes too: the text `newslint fix
  -` would print, sent as one edit of the part that changed.
- **Configuration** is read again when a configuration file the article depends on changes
  (newslint's, or the Hugo site's, as `newslint watch` watches them), and a section's `_index`
  file that is saved updates what its `cascade` gives the open articles below it. A client that
  can register file watchers is asked to report changes of those files on disk (`WATCHED_FILES`):
  the open articles are then linted again at once; with another client a changed configuration
  file is seen at the next lint. The client's
  `initializationOptions` (or `workspace/didChangeConfiguration` settings) may hold
  `{"args": [...]}`: further `newslint check` arguments (`--select`, `--ignore`, `--config`,
  `--isolated`, ...), and `{"unsafeFixes": true}` to apply unsafe fixes in `fixAll` and formatting.
  A setting left out keeps its value. An argument or configuration that cannot be used is shown
  as an error message (once, not at every keystroke, until a lint succeeds again), and the
  article keeps no diagnostics until it is fixed. A Hugo site configuration that cannot be read
  is a warning message (once, until the file changes): the article is linted with Hugo's
  defaults meanwhile, as `check` warns. A `file:` URI whose path holds a NUL names no file: an
  error message, and no diagnostics.

- **Responsiveness.** Linting and fixing run on a worker thread, one job at a time, never in
  the loop that reads and answers the editor's messages: an article that takes long to lint (a
  megabyte of problems, a plugin's slow rule) delays the problems of the documents queued after
  it, but every message is still read and whatever needs no lint answered (the quick fixes of
  the other documents, a change, a `shutdown` and `exit`). A document is never queued twice: a
  change while its lint runs is linted when that lint ends, whose problems, of an older text,
  are not published. A message longer than `MAX_MESSAGE_BYTES` (64 MiB: a document far over
  `max-file-size`, which is reported as NL003 below it) is not read: its bytes are skipped, an
  error message says so, and a request among them is answered with an error.
- **Lifetime.** The process ends at the client's `exit`, with status 0 after a `shutdown` and 1
  without one (as LSP says), and with status 1 when the client goes away (its end of standard
  input closes). A rule that raises is an `internal-error` (NL000) diagnostic, and any other
  error of newslint's while linting or fixing an error message: the server goes on. So it does
  after a message that is not JSON, and a request whose parameters do not fit its method (or an
  unknown method) is answered with JSON-RPC's error, so that the client never waits for it. A
  message's body is read as it comes: a `Content-Length` no body has (a client's bug, a stream out
  of step) takes no memory in advance; one past any 64-bit integer ends the server with status 1
  and a line on standard error (gopls ends past 32 bits, rust-analyzer past 64) rather than
  wait for it forever. Header lines ended by `\n` alone are read as gopls reads them, and the
  header's name in any case, as HTTP's.
  Standard output carries the messages only: anything else printed (argparse's help for a
  `--help` in the settings, a plugin's `print`) goes to standard error, where pygls's log says
  what it could not read in one line each (whole tracebacks with `NEWSLINT_DEBUG` set).

The server needs the `lsp` extra (`pip install 'newslint[lsp]'`: pygls and lsprotocol).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, cast

from newslint.cli import EXIT_OK, UsageError, build_parser, build_rules

if TYPE_CHECKING:
    from lsprotocol import types as lsp
    from pygls.lsp.server import LanguageServer

    from newslint.config import Config
    from newslint.diagnostics import Diagnostic
    from newslint.engine import RuleSet
    from newslint.fixes import Fix
    from newslint.watch import Stamp

# Changes closer together than this are linted once, after the last (typing is a burst of them).
DEBOUNCE_SECONDS = 0.15
SOURCE = "newslint"
# What the server asks the editor to watch (LSP glob patterns): newslint's and Hugo's configuration
# files, and the `_index` files whose `cascade` reaches the articles below them.
WATCHED_FILES = (
    "**/{newslint.toml,.newslint.toml,pyproject.toml}",
    "**/{hugo,config}.{toml,yaml,yml,json}",
    "**/config/**/*.{toml,yaml,yml,json}",
    "**/_index.{md,markdown,html,htm}",
)
FIX_ALL_KIND = "source.fixAll.newslint"
# The longest message the server reads: a document far over `max-file-size`'s default (10 MB),
# even with every character escaped in JSON. A longer one is skipped, and said to be.
MAX_MESSAGE_BYTES = 64 << 20
# A `Content-Length` past this fits no 64-bit integer (gopls reads 32 bits, rust-analyzer's
# lsp-server a usize): no body can have it, the input is out of step, and the server ends.
MAX_CONTENT_LENGTH = (1 << 63) - 1
# A `Content-Length` header as clients write it: the name in any case (as HTTP's), any spaces,
# and a line ended by `\n` alone (as gopls reads it) as well as by LSP's `\r\n`.
_CONTENT_LENGTH = re.compile(rb"content-length[ \t]*:[ \t]*(\d+)[ \t]*\r?\n", re.IGNORECASE)
# What a message too long to read becomes (a notification the server sends itself).
TOO_LARGE = "newslint/messageTooLarge"
# The exit status when the client did not ask for a `shutdown` first (LSP's "exit" notification).
EXIT_NO_SHUTDOWN = 1


@dataclass
class Rules:
    """The configuration and rules of the articles in one folder, and the configuration files they
    were read from (each with its stamp), to see when they must be read again."""

    args: argparse.Namespace
    config: Config
    ruleset: RuleSet
    stamps: dict[str, Stamp]


@dataclass
class OpenDocument:
    """An open document's text as the editor holds it, and its version."""

    version: int | None
    text: str

    def apply(self, change: Any, encoding: str) -> None:
        """Apply a `didChange` content change: the whole text, or a range of it replaced.

        The server keeps the text itself rather than pygls's copy, which splits lines where
        Python's `str.splitlines` does (also at a form feed, U+0085, U+2028, U+2029, ...): an
        edit below such a character would land on the wrong line. LSP ends lines at LF, CRLF
        and a lone CR only; a position past the end of its line is the end of the line."""
        change_range = getattr(change, "range", None)
        if change_range is None:
            self.text = change.text
            return
        positions = Positions(self.text, encoding)
        start = positions.offset(change_range.start.line, change_range.start.character)
        end = positions.offset(change_range.end.line, change_range.end.character)
        start, end = min(start, end), max(start, end)
        self.text = self.text[:start] + change.text + self.text[end:]


@dataclass
class Linted:
    """An open document's last lint: the text and version it was made of, and its problems."""

    version: int | None
    text: str
    diagnostics: list[Diagnostic] = field(default_factory=list)


class Worker:
    """The thread where the server lints and fixes, one job at a time, in the order they come.

    The protocol's event loop never lints: an article that takes long (a megabyte of problems,
    a plugin's slow rule) keeps the worker busy, not the server, which goes on answering the
    editor (quick fixes of the other documents, a change, a `shutdown`). One job at a time is
    the bound on the work: the linter's configuration and caches are used by this thread alone,
    and `lint` never queues a document twice (see `build_server`). The thread is a daemon, so an
    `exit` ends the process even while a job runs."""

    def __init__(self) -> None:
        import queue
        import threading

        self._jobs: queue.SimpleQueue[Any] = queue.SimpleQueue()
        threading.Thread(target=self._run, name="newslint-lint", daemon=True).start()

    def _run(self) -> None:
        while True:
            loop, future, job = self._jobs.get()
            try:
                result = job()
            except BaseException as err:  # given to the awaiting handler, which says it
                loop.call_soon_threadsafe(_settle, future, None, err)
            else:
                loop.call_soon_threadsafe(_settle, future, result, None)

    async def call(self, job: Any) -> Any:
        """What `job()` returns (or raises), run on the worker's thread."""
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self._jobs.put((loop, future, job))
        return await future


def _settle(future: asyncio.Future[Any], result: Any, error: BaseException | None) -> None:
    if future.cancelled():  # (the request was cancelled meanwhile)
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


class Linter:
    """What the server does, apart from the protocol: lints and fixes the text of the article at
    a path, with the rules of its folder (read again when their configuration files change)."""

    def __init__(self, extra_args: Sequence[str] = (), *, unsafe_fixes: bool = False) -> None:
        self.extra_args = list(extra_args)
        self.unsafe_fixes = unsafe_fixes
        self._rules: dict[str, Rules] = {}
        self._told: set[str] = set()  # the site configuration errors told since the last read

    def configure(self, settings: Any) -> None:
        """Take the client's settings (`{"args": [...], "unsafeFixes": bool}`); the rules are
        built again at the next lint. A setting left out keeps its value: a client that tells of
        a change of its configuration with `"settings": null` (VS Code's, which has the server
        ask for what it needs) or of another tool's settings changes nothing."""
        if isinstance(settings, dict):
            settings = settings.get("newslint", settings)
        if not isinstance(settings, dict):
            settings = {}
        if "args" in settings:
            extra = settings["args"] or []
            if not isinstance(extra, list) or not all(isinstance(a, str) for a in extra):
                raise UsageError('settings: "args" must be a list of strings')
            self.extra_args = list(extra)
        if "unsafeFixes" in settings:
            unsafe = settings["unsafeFixes"]
            # Not `bool(...)`: the string "false" from a client's settings file would turn
            # unsafe fixes on. null is the default, off.
            if unsafe is not None and not isinstance(unsafe, bool):
                raise UsageError('settings: "unsafeFixes" must be true or false')
            self.unsafe_fixes = bool(unsafe)
        self._rules.clear()

    def forget_configuration(self) -> None:
        """Read every configuration and site again at the next lint."""
        from newslint.cascade import clear_cascade_cache
        from newslint.site import clear_site_cache

        self._rules.clear()
        self._told.clear()
        clear_site_cache()
        clear_cascade_cache()

    def site_errors(self, path: str) -> list[str]:
        """Why the Hugo site configuration of the article at `path` cannot be read (it is linted
        with Hugo's defaults then, as `check` says in a warning), each said once until the
        configuration is read again."""
        from newslint.site import site_for

        new = [message for message in site_for(path).errors if message not in self._told]
        self._told.update(new)
        return new

    def rules_for(self, path: str) -> Rules:
        """The rules of the article at `path` (the configuration nearest it), read again when one
        of the configuration files they depend on has changed, appeared or gone."""
        from newslint.watch import config_stamps

        if "\0" in path:  # a `file:` URI with %00: no file system has such a name
            raise UsageError(f"{path!r}: not a file name (it holds a NUL character); not linted")
        folder = os.path.dirname(os.path.abspath(path))
        known = self._rules.get(folder)
        if known is not None:
            if config_stamps(known.args, known.config, [folder]) == known.stamps:
                return known
            self.forget_configuration()
        # `--stdin-filename` alone reads the text as `-` would; without a `-` here a path among
        # the settings' args is left over to be named (with one, argparse named the `-`).
        argv = ["check", *self.extra_args, "--force-exclude", "--stdin-filename", path]
        said = io.StringIO()  # argparse's reason, which would go to the editor's log alone
        try:
            with contextlib.redirect_stderr(said):
                args = build_parser("check").parse_args(argv)
        except SystemExit:
            errors = [line for line in said.getvalue().splitlines() if ": error: " in line]
            reason = f": {errors[-1].split(': error: ', 1)[1]}" if errors else ""
            raise UsageError(
                f"settings: cannot use the arguments {self.extra_args}{reason}"
            ) from None
        if args.paths:
            raise UsageError(
                f"settings: cannot use the arguments {self.extra_args}: a path "
                f"({' '.join(args.paths)}) is no option; each open article is linted on its own"
            )
        args.paths = [path]
        config, ruleset = build_rules(args)
        rules = Rules(args, config, ruleset, config_stamps(args, config, [folder]))
        self._rules[folder] = rules
        return rules

    def check(self, path: str, text: str) -> list[Diagnostic]:
        """The problems of `text` as the article at `path`, as `newslint check --force-exclude
        --stdin-filename PATH -` reports them, without cross-file rules and link checks."""
        from newslint.stdin import article_for, lint_article

        with _working_directory():
            rules = self.rules_for(path)
            article = article_for(rules.args, rules.config, path, _encode(text))
            if article.skipped:
                return []
            result = lint_article(article, rules.ruleset)
        return sorted(result.diagnostics, key=lambda d: d.sort_key())

    def fix(self, path: str, text: str, *, unsafe: bool | None = None) -> str:
        """`text` with every fix applied (safe ones; unsafe ones too with `unsafe`, by default the
        client's `unsafeFixes` setting), as `newslint fix -` prints it."""
        from newslint.document import Document
        from newslint.fixer import fix_read
        from newslint.runner import paused_gc
        from newslint.stdin import article_for, source_problem

        with _working_directory():
            rules = self.rules_for(path)
            article = article_for(rules.args, rules.config, path, _encode(text))
        if article.skipped or source_problem(article, rules.ruleset) is not None:
            return text
        doc = Document.from_bytes(article.raw, article.shown, article.site)
        with paused_gc(), _working_directory():
            record = fix_read(
                Path(path),
                doc,
                rules.ruleset,
                unsafe=self.unsafe_fixes if unsafe is None else unsafe,
            )
        if not record.changed:
            return text
        return record.after.decode("utf-8", "surrogateescape")


@contextlib.contextmanager
def _working_directory() -> Iterator[None]:
    """Say so when the server's working directory is removed under it (the editor's project
    folder deleted): configurations are found from it and paths shown relative to it, so
    nothing can be linted, which is no bug of newslint's to report as an internal error."""
    try:
        yield
    except FileNotFoundError:
        try:
            os.getcwd()
        except FileNotFoundError:
            raise UsageError(
                "the working directory no longer exists: start the server again in a folder "
                "that does"
            ) from None
        raise


# A lone surrogate that stands for no byte (surrogateescape's are U+DC80 to U+DCFF).
_LONE_SURROGATE = re.compile("[\ud800-\udc7f\udd00-\udfff]")


def _encode(text: str) -> bytes:
    # An editor's text is str; a byte it could not decode comes back as a lone surrogate.
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        # Half of a pair (an editor in JavaScript may hold one) cannot be written as UTF-8: it is
        # linted as U+FFFD, one character as it was (the columns stay), which replacement-char
        # reports, rather than an error message at each keystroke.
        return _LONE_SURROGATE.sub("\ufffd", text).encode("utf-8", "surrogateescape")


# ------------------------------------------------------------------------------ positions


class Positions:
    """LSP positions in a text: zero-based lines (LF, CRLF or CR ending them) and characters
    counted in the client's code units ("utf-8", "utf-16" or "utf-32")."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        from newslint.spans import LineIndex

        self.text = text
        self.encoding = encoding
        # LSP ends a line at LF, CRLF or a lone CR, as newslint does: newslint's own line index.
        self.index = LineIndex(text)
        self.starts = self.index.starts

    def units(self, chars: str) -> int:
        if self.encoding == "utf-32" or chars.isascii():
            return len(chars)
        if self.encoding == "utf-8":
            return len(chars.encode("utf-8", "surrogatepass"))
        # UTF-16: two units for a character beyond the Basic Multilingual Plane.
        return len(chars) + sum(1 for c in chars if ord(c) > 0xFFFF)

    def position(self, line: int, column: int) -> tuple[int, int]:
        """The LSP (line, character) of newslint's 1-based `line` and code-point `column`."""
        if line > len(self.starts):  # past the end: the end of the text
            return self.at_offset(len(self.text))
        start = self.starts[line - 1]
        return line - 1, self.units(self.text[start : start + column - 1])

    def offset(self, line: int, character: int) -> int:
        """The index in the text of the LSP position (`line`, `character`): a line past the last
        is the end of the text, a character past the end of its line the end of the line (never
        inside its line break), a character inside a code point that code point's start."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[line]
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        while end > start and self.text[end - 1] in "\r\n":
            end -= 1
        index, units = start, 0
        while index < end:
            units += self.units(self.text[index])
            if units > character:
                break
            index += 1
        return index

    def at_offset(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.text)))
        line = self.index.position(offset).line - 1
        return line, self.units(self.text[self.starts[line] : offset])


# ------------------------------------------------------------------------------ the protocol


def _range(positions: Positions, line: int, column: int, end_line: int, end_column: int) -> Any:
    from lsprotocol import types as lsp

    start = positions.position(line, column)
    end = positions.position(end_line, end_column)
    return lsp.Range(
        start=lsp.Position(line=start[0], character=start[1]),
        end=lsp.Position(line=end[0], character=end[1]),
    )


def lsp_diagnostic(d: Diagnostic, positions: Positions) -> lsp.Diagnostic:
    """The LSP form of a newslint diagnostic (`data` keeps the rule's name and the fix's title)."""
    from lsprotocol import types as lsp

    severity = {
        "error": lsp.DiagnosticSeverity.Error,
        "warning": lsp.DiagnosticSeverity.Warning,
    }.get(d.severity.label, lsp.DiagnosticSeverity.Information)
    data: dict[str, Any] = {"rule": d.rule}
    if d.fix is not None:
        data["fix"] = {"title": d.fix.title, "applicability": d.fix.applicability.value}
    return lsp.Diagnostic(
        range=_range(positions, d.line, d.column, d.end_line, d.end_column),
        message=d.message,
        severity=severity,
        code=d.code,
        source=SOURCE,
        data=data,
    )


def fix_edits(d: Diagnostic, positions: Positions) -> list[lsp.TextEdit]:
    """The text edits of a diagnostic's fix. An edit that starts or ends between the CR and the
    LF of a line break (line-endings' fix deletes the CR) takes in the rest of the pair: LSP has
    no position there (a character past the end of a line is its end), and an editor would
    apply an edit that deletes nothing."""
    from lsprotocol import types as lsp

    text = positions.text
    edits = []
    for e in d.fix_positions:
        start = positions.index.offset(e.line, e.column)
        end = positions.index.offset(e.end_line, e.end_column)
        content = e.content
        if 0 < start < len(text) and text[start - 1 : start + 1] == "\r\n":
            start -= 1
            content = "\r" + content
        if 0 < end < len(text) and text[end - 1 : end + 1] == "\r\n":
            end += 1
            content += "\n"
        start_pos, end_pos = positions.at_offset(start), positions.at_offset(end)
        edits.append(
            lsp.TextEdit(
                range=lsp.Range(
                    start=lsp.Position(line=start_pos[0], character=start_pos[1]),
                    end=lsp.Position(line=end_pos[0], character=end_pos[1]),
                ),
                new_text=content,
            )
        )
    return edits


def whole_edit(before: str, after: str, positions: Positions) -> list[lsp.TextEdit]:
    """One edit that turns `before` into `after`: the part between what they start and end with
    alike (so that the editor keeps its cursor and folds elsewhere); none when they are equal."""
    from lsprotocol import types as lsp

    if before == after:
        return []
    head = 0
    limit = min(len(before), len(after))
    while head < limit and before[head] == after[head]:
        head += 1
    tail = 0
    while tail < limit - head and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    # Never split a CRLF pair: an edit that ends between CR and LF names no LSP position.
    if head and before[head - 1] == "\r" and before[head : head + 1] == "\n":
        head -= 1
    end = len(before) - tail
    if tail and before[end - 1 : end] == "\r" and before[end : end + 1] == "\n":
        tail -= 1
        end += 1
    start_pos = positions.at_offset(head)
    end_pos = positions.at_offset(end)
    return [
        lsp.TextEdit(
            range=lsp.Range(
                start=lsp.Position(line=start_pos[0], character=start_pos[1]),
                end=lsp.Position(line=end_pos[0], character=end_pos[1]),
            ),
            new_text=after[head : len(after) - tail],
        )
    ]


def _fix_title(d: Diagnostic, fix: Fix) -> str:
    from newslint.fixes import Applicability

    unsafe = " (unsafe)" if fix.applicability is Applicability.UNSAFE else ""
    return f"{d.code}: {fix.title}{unsafe}"


def fix_all_title(diagnostics: Iterable[Diagnostic], *, unsafe: bool) -> str | None:
    """The title of the fix-all action, or None when no fix would be applied: it applies the safe
    fixes, and the unsafe ones too where the client's `unsafeFixes` setting asks for them."""
    from newslint.fixes import Applicability

    applied = {Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE}
    if not any(d.fix is not None and d.fix.applicability in applied for d in diagnostics):
        return None
    if unsafe:
        return "newslint: fix all problems (unsafe fixes too)"
    return "newslint: fix all safe problems"


def _asks_for(kind: object) -> bool:
    """Whether a requested code action kind takes in the fix-all action: kinds nest by their
    dot-separated parts (`source` and `source.fixAll` do, `source.fix` does not)."""
    wanted = str(kind)
    return not wanted or wanted == FIX_ALL_KIND or FIX_ALL_KIND.startswith(wanted + ".")


def _overlaps(d: Diagnostic, start: tuple[int, int], end: tuple[int, int]) -> bool:
    """Whether the diagnostic's lines and columns (newslint's) meet the range [start, end] of
    1-based (line, column) pairs."""
    return (d.line, d.column) <= end and (d.end_line, d.end_column) >= start


def _path_of(uri: str) -> str | None:
    """The file system path of a `file:` URI (None for an unsaved buffer's `untitled:` one)."""
    from pygls.uris import to_fs_path

    if not uri.startswith("file:"):
        return None
    path: str | None = to_fs_path(uri)
    if path is not None and "\ufffd" in path and os.name == "posix":
        # pygls decodes the percent-escapes as UTF-8: a name whose bytes are not UTF-8
        # (`caf%E9.md`) would become a U+FFFD no file has, and the site and configuration of its
        # folders would not be found. The bytes themselves name the file (as `check` opens it).
        from urllib.parse import unquote_to_bytes, urlsplit

        parts = urlsplit(uri)
        if parts.netloc in ("", "localhost"):
            return os.fsdecode(unquote_to_bytes(parts.path))
    return path


def build_server(linter: Linter | None = None, state: _State | None = None) -> LanguageServer:
    """The language server, its handlers registered; `start_io()` runs it. `state` (new by
    default) holds what it knows of the client and its documents."""
    from lsprotocol import types as lsp
    from pygls.lsp.server import LanguageServer

    from newslint import __version__

    server = LanguageServer(
        "newslint",
        __version__,
        text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental,
        protocol_cls=_protocol_class(),
    )
    state = state or _State(linter or Linter())

    def report(message: str) -> None:
        if message in state.shown:
            return  # a configuration that cannot be used fails every lint: say it once
        state.shown.add(message)
        server.window_show_message(
            lsp.ShowMessageParams(type=lsp.MessageType.Error, message=f"newslint: {message}")
        )

    def warn(message: str) -> None:
        server.window_show_message(
            lsp.ShowMessageParams(
                type=lsp.MessageType.Warning, message=f"newslint: warning: {message}"
            )
        )

    def encoding() -> str:
        kind = server.workspace.position_encoding
        return str(getattr(kind, "value", kind) or "utf-16")

    def lint(uri: str) -> None:
        """Lint the open document at `uri` on the worker, and publish its problems. A document
        whose lint is queued or running is not queued again: a change meanwhile is linted when
        that lint ends (its result, of an older text, is not published)."""
        if uri not in state.documents:
            return
        if uri in state.linting:
            state.again.add(uri)  # (a new configuration, a save: lint once more after it)
            return
        state.linting.add(uri)
        task = asyncio.ensure_future(_lint(uri))
        state.tasks.add(task)  # (the loop keeps a weak reference only)
        task.add_done_callback(state.tasks.discard)

    def lint_on_worker(uri: str, document: OpenDocument) -> tuple[Any, ...]:
        # On the worker's thread. Version first, text second: a change that comes between the
        # two leaves a pair that matches no state of the document, which `_lint` then lints
        # again rather than publish.
        version = document.version
        text = document.text
        path = _path_of(uri)
        diagnostics: list[Diagnostic] = []
        warnings: list[str] = []
        error = None
        try:
            if path is not None:  # an unsaved buffer has no site, configuration or language
                diagnostics = state.linter.check(path, text)
                # A site configuration that cannot be read (linted with Hugo's defaults: its
                # time zone, languages, ...) or that Hugo refuses: the author must know, as
                # `check` says; the message tells what newslint uses instead.
                warnings = state.linter.site_errors(path)
        except UsageError as err:
            error = str(err)
        except Exception as err:  # a bug of newslint's must not take the editor's server down
            error = f"internal error: {type(err).__name__}: {err}"
        # The LSP form too: on a file with 100,000 problems, it is work of its own.
        positions = Positions(text, encoding())
        published = [lsp_diagnostic(d, positions) for d in diagnostics]
        return version, text, diagnostics, published, warnings, error

    async def _lint(uri: str) -> None:
        try:
            document = state.documents.get(uri)
            if document is None:  # closed meanwhile
                return
            try:
                found = await state.worker.call(lambda: lint_on_worker(uri, document))
            except Exception as err:  # (Positions, lsp_diagnostic: a bug of newslint's)
                report(f"internal error: {type(err).__name__}: {err}")
                return
        finally:
            state.linting.discard(uri)
        version, text, diagnostics, published, warnings, error = found
        if state.documents.get(uri) is not document:
            return  # closed (and maybe opened again) meanwhile: that one is linted on its own
        if uri in state.again or (document.version, document.text) != (version, text):
            # Changed while it was linted (or its configuration did): these problems are of an
            # older text. The newer one is linted now, or after its burst of changes settles
            # (`did_change` lints it then).
            state.again.discard(uri)
            if uri not in state.pending:
                lint(uri)
            return
        if error is None:
            state.shown.clear()  # it lints again: a problem that comes back is told again
            for message in warnings:
                warn(message)
        else:
            report(error)
        state.linted[uri] = Linted(version, text, diagnostics)
        server.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=published)
        )

    async def fix_edits_of(path: str, text: str) -> list[lsp.TextEdit]:
        """The edit that applies every fix to `text` (see `whole_edit`), made on the worker."""

        def job() -> list[lsp.TextEdit]:
            return whole_edit(text, state.linter.fix(path, text), Positions(text, encoding()))

        edits: list[lsp.TextEdit] = await state.worker.call(job)
        return edits

    def relint_open() -> None:
        for uri in list(state.documents):
            lint(uri)

    @server.feature(lsp.INITIALIZE)
    def initialize(params: lsp.InitializeParams) -> None:
        # The server keeps the open texts itself (`OpenDocument`). pygls would apply each change
        # to its own copy first, on lines split as `str.splitlines` splits them, and on the way
        # clamp the change's range, in place, to the length of what it takes for that line:
        # below a form feed or a U+2028 the range this server then sees is another.
        server.workspace.update_text_document = _ignore_change  # type: ignore[method-assign]
        try:
            state.linter.configure(params.initialization_options)
        except UsageError as err:
            report(str(err))

    @server.feature(lsp.INITIALIZED)
    def initialized(params: lsp.InitializedParams) -> None:
        # Ask the editor to say when a configuration file or an `_index` changes on disk (a
        # `git pull`, another program): only files a server registers are reported to it.
        workspace = server.client_capabilities.workspace
        watched = workspace.did_change_watched_files if workspace is not None else None
        if watched is None or not watched.dynamic_registration:
            return  # the next lint still sees a changed configuration file (its stamps)
        watchers = [lsp.FileSystemWatcher(glob_pattern=pattern) for pattern in WATCHED_FILES]
        options = lsp.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
        registration = lsp.Registration(
            id="newslint-watched-files",
            method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=options,
        )
        server.client_register_capability(lsp.RegistrationParams(registrations=[registration]))

    @server.feature(lsp.SHUTDOWN)
    def shutdown(params: None) -> None:
        state.shut_down = True

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: lsp.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        state.documents[item.uri] = OpenDocument(item.version, item.text)
        lint(item.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(params: lsp.DidChangeTextDocumentParams) -> None:
        uri, version = params.text_document.uri, params.text_document.version
        document = state.documents.get(uri)
        if document is None:  # a change of a document never opened: nothing to lint
            return
        for change in params.content_changes:
            document.apply(change, encoding())
        document.version = version
        state.pending[uri] = version
        await asyncio.sleep(DEBOUNCE_SECONDS)
        if state.pending.get(uri) == version:  # no newer change came meanwhile
            del state.pending[uri]
            lint(uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(params: lsp.DidSaveTextDocumentParams) -> None:
        from newslint.cascade import clear_cascade_cache, is_index_file

        path = _path_of(params.text_document.uri)
        if path is not None and is_index_file(path):
            # Its cascade reaches the open articles below it.
            await state.worker.call(clear_cascade_cache)
            relint_open()
        else:
            lint(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        state.documents.pop(uri, None)
        state.linted.pop(uri, None)
        state.pending.pop(uri, None)
        server.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    # The linter's settings and caches change on the worker, between two of its jobs.

    @server.feature(TOO_LARGE)
    def message_too_large(params: Any) -> None:
        size, method, request_id = params.size, params.method, params.id
        what = f"a {method} message" if method else "a message"
        message = (
            f"{what} of {size:,} bytes is over the {MAX_MESSAGE_BYTES:,} bytes the server "
            "reads; skipped"
        )
        server.window_show_message(
            lsp.ShowMessageParams(type=lsp.MessageType.Error, message=f"newslint: {message}")
        )
        if request_id is not None:  # a request: the client waits for its answer
            error = lsp.ResponseError(code=lsp.LSPErrorCodes.RequestFailed, message=message)
            server.protocol._send_response(request_id, error=error)

    @server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(params: lsp.DidChangeConfigurationParams) -> None:
        try:
            await state.worker.call(lambda: state.linter.configure(params.settings))
        except UsageError as err:
            report(str(err))
        relint_open()

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def did_change_watched_files(params: lsp.DidChangeWatchedFilesParams) -> None:
        # A configuration file or a section's `_index` changed outside the editor.
        await state.worker.call(state.linter.forget_configuration)
        relint_open()

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL_KIND]),
    )
    async def code_action(params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        uri = params.text_document.uri
        document = state.documents.get(uri)
        linted = state.linted.get(uri)
        if document is None or linted is None or linted.text != document.text:
            return []  # the problems are of an older text; new ones are on their way
        positions = Positions(linted.text, encoding())
        wanted = params.context.only
        actions: list[lsp.CodeAction] = []
        if not wanted or lsp.CodeActionKind.QuickFix in wanted:
            actions.extend(_quick_fixes(linted, positions, params.range, uri))
        title = fix_all_title(linted.diagnostics, unsafe=state.linter.unsafe_fixes)
        if title is not None and (not wanted or any(_asks_for(kind) for kind in wanted)):
            path = _path_of(uri)
            if path is not None:
                try:
                    edits = await fix_edits_of(path, linted.text)
                except Exception as err:  # a UsageError, or a bug: no fix-all, a message
                    report(str(err))
                    edits = []
                if edits:
                    actions.append(
                        lsp.CodeAction(
                            title=title,
                            kind=FIX_ALL_KIND,
                            edit=lsp.WorkspaceEdit(changes={uri: edits}),
                        )
                    )
        return actions

    @server.feature(lsp.TEXT_DOCUMENT_FORMATTING)
    async def formatting(params: lsp.DocumentFormattingParams) -> list[lsp.TextEdit]:
        uri = params.text_document.uri
        path = _path_of(uri)
        document = state.documents.get(uri)
        if path is None or document is None:
            return []
        text = document.text
        try:
            return await fix_edits_of(path, text)
        except UsageError as err:
            report(str(err))
        except Exception as err:
            report(f"internal error: {type(err).__name__}: {err}")
        return []

    return server


@dataclass
class _State:
    """The language server's state: the open documents, their lints and the lints under way."""

    linter: Linter
    documents: dict[str, OpenDocument] = field(default_factory=dict)  # the open ones, per uri
    linted: dict[str, Linted] = field(default_factory=dict)
    pending: dict[str, int] = field(default_factory=dict)  # the latest change's version per uri
    shown: set[str] = field(default_factory=set)  # error messages shown since the last good lint
    shut_down: bool = False  # the client asked for a `shutdown`
    worker: Worker = field(default_factory=Worker)  # where the linter runs
    linting: set[str] = field(default_factory=set)  # documents whose lint is queued or running
    again: set[str] = field(default_factory=set)  # ... and to be linted once more after it
    tasks: set[asyncio.Future[None]] = field(default_factory=set)  # the lints under way


def _protocol_class() -> type[Any]:
    """pygls's protocol, which also answers a request it cannot read."""
    from pygls.exceptions import JsonRpcException
    from pygls.protocol import LanguageServerProtocol

    class Protocol(LanguageServerProtocol):
        def structure_message(self, data: dict[str, Any]) -> Any:
            try:
                return super().structure_message(data)
            except JsonRpcException as err:
                # A request whose parameters do not fit its method (a client's bug, a newer LSP):
                # pygls only logs it, and the client waits for the answer forever. JSON-RPC's
                # answer is an error with the request's id.
                if "method" in data and isinstance(data.get("id"), (int, str)):
                    self._send_response(data["id"], error=err.to_response_error())
                raise

    return Protocol


def _ignore_change(*_args: Any, **_kwargs: Any) -> None:
    """pygls's own handling of `didChange`, replaced: see `OpenDocument.apply`."""


def _quick_fixes(
    linted: Linted, positions: Positions, wanted: lsp.Range, uri: str
) -> Iterable[lsp.CodeAction]:
    """A quick fix for each fixable problem that meets the range the editor asks about."""
    from lsprotocol import types as lsp

    from newslint.fixes import Applicability

    start = _newslint_position(positions, wanted.start)
    end = _newslint_position(positions, wanted.end)
    for d in linted.diagnostics:
        fix = d.fix
        if fix is None or fix.applicability is Applicability.DISPLAY_ONLY:
            continue
        if not _overlaps(d, start, end):
            continue
        yield lsp.CodeAction(
            title=_fix_title(d, fix),
            kind=lsp.CodeActionKind.QuickFix,
            diagnostics=[lsp_diagnostic(d, positions)],
            edit=lsp.WorkspaceEdit(changes={uri: fix_edits(d, positions)}),
            is_preferred=fix.applicability is Applicability.SAFE,
        )


def _newslint_position(positions: Positions, position: lsp.Position) -> tuple[int, int]:
    """newslint's 1-based (line, column) of an LSP position."""
    if position.line >= len(positions.starts):
        return len(positions.starts), 1
    offset = positions.offset(position.line, position.character)
    return position.line + 1, offset - positions.starts[position.line] + 1


class _ChunkedInput:
    """Standard input as pygls reads it, a message's body in chunks.

    pygls reads a body with one `read(length)`, for which Python sets aside `length` bytes first:
    a length a client got wrong (or a stream out of step) took gigabytes, or ended the server
    with a MemoryError or an OverflowError. In chunks, only what comes takes memory; a length
    longer than what comes waits for the rest, as the protocol says, or ends at the end of the
    input. A header line is read up to 64 KiB at a time (one without an end would fill the
    memory too).

    pygls takes only `Content-Length: N\r\n` and a blank `\r\n` for the end of the headers: a
    client that ends its header lines with `\n` alone (or writes `content-length`) was never
    answered, each of its messages read as more headers. Those lines are given to pygls as LSP
    writes them. A `Content-Length` past `MAX_CONTENT_LENGTH` ends the input, with a line on
    standard error: waiting for its body (all that comes after it) would swallow every later
    message, and the client would wait forever for answers."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.last = b""  # the body read last: pygls parses it before it reads the next one

    def readline(self) -> bytes:
        line: bytes = self.stream.readline(1 << 16)
        if line == b"\n":
            return b"\r\n"
        header = _CONTENT_LENGTH.fullmatch(line)
        if header is None:
            return line
        length = int(header.group(1)) if len(header.group(1)) < 40 else MAX_CONTENT_LENGTH + 1
        if length > MAX_CONTENT_LENGTH:
            shown = header.group(1).decode("ascii")
            shown = shown if len(shown) <= 40 else f"{shown[:20]}... ({len(shown)} digits)"
            sys.stderr.write(
                f"newslint server: error: Content-Length {shown} is longer than any message"
                " (the input is out of step); ending\n"
            )
            sys.stderr.flush()
            return b""
        return b"Content-Length: %d\r\n" % length

    def read(self, size: int) -> bytes:
        if size > MAX_MESSAGE_BYTES:
            return self._skip(size)
        chunks: list[bytes] = []
        left = size
        while left > 0:
            chunk = self.stream.read(min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        self.last = b"".join(chunks)
        return self.last

    def _skip(self, size: int) -> bytes:
        """Read past a message too long to take (`MAX_MESSAGE_BYTES`), and stand for it with a
        `TOO_LARGE` notification that names its size, and the method and id of its top-level
        object, read as the bytes go by (an "id" inside the parameters is not the message's)."""
        members = _TopLevelMembers()
        left = size
        while left > 0:
            chunk = self.stream.read(min(left, 1 << 20))
            if not chunk:
                break
            members.feed(chunk)
            left -= len(chunk)
        members.feed(b"", final=True)
        request_id, method = members.id_and_method()
        params = {"size": size, "id": request_id, "method": method}
        return json.dumps({"jsonrpc": "2.0", "method": TOO_LARGE, "params": params}).encode()


def _answer_unreadable(server: Any, chunked: _ChunkedInput) -> None:
    """Answer a message Python could not read as JSON-RPC's "Parse error" (-32700): text that is
    no JSON, and also valid JSON Python refuses (an integer of more than 4,300 digits, nesting
    deeper than its recursion limit). pygls only logs these, and a client waits forever for the
    answer to such a request. The answer carries the request's id when its top level gives one;
    with neither id nor method readable, id null, as the JSON-RPC spec says; a notification or a
    response (no answer is owed) is only logged."""
    from lsprotocol import types as lsp
    from pygls.exceptions import JsonRpcException

    reported = server.report_server_error

    def report(error: Exception, source: Any) -> None:
        if isinstance(error, (ValueError, RecursionError)) and not isinstance(
            error, JsonRpcException
        ):
            request_id, method = _top_level_id_and_method(chunked.last)
            request = method is not None and request_id is not None
            unknown = method is None and request_id is None
            if request or unknown:
                message = f"the message cannot be read: {type(error).__name__}"
                answer = {"code": lsp.ErrorCodes.ParseError.value, "message": message}
                # A dict: pygls's own response would leave out an id that is null.
                response = {"jsonrpc": "2.0", "id": request_id, "error": answer}
                server.protocol._send_data(response)
        reported(error, source)

    server.report_server_error = report


# What nests or opens a string in JSON; the rest of a string after its opening quote (its
# escapes included, written as one loop for speed on a long text); a member's value after its name.
_JSON_STRUCTURE = re.compile(rb'["{}\[\]]')
_STRING_REST = re.compile(rb'[^"\\]*(?:\\.[^"\\]*)*', re.DOTALL)
_MEMBER_VALUE = re.compile(rb'\s*:\s*(-?\d{1,18}(?![\d.eE])|"(?:[^"\\]|\\.){0,200}")')
# How much of a member's name and value is kept for the next chunk when a chunk cuts it.
_MEMBER_TAIL = 512
# A message of nothing but brackets would take long to walk: past this many, the search stops.
_MAX_JSON_TOKENS = 1 << 20


class _TopLevelMembers:
    """The "id" (a number or a string) and "method" of a JSON-RPC message's top-level object,
    read from its bytes chunk by chunk without parsing it (it is too long, or could not be
    parsed): a member of the same name nested in the parameters (`"params": {"id": 3}`) is not
    taken for them, whichever comes first."""

    def __init__(self) -> None:
        self.depth = 0
        self.in_string = False
        self.carry = b""  # the end of the last chunk, read again before the next one
        self.tokens = 0
        self.found: dict[str, int | str] = {}

    def feed(self, chunk: bytes, final: bool = False) -> None:
        """Read the next chunk; `final`: no more come (what was kept back is read to its end)."""
        text, self.carry = self.carry + chunk, b""
        pos, size = 0, len(text)
        while pos < size and len(self.found) < 2 and self.tokens < _MAX_JSON_TOKENS:
            if self.in_string:
                end = _STRING_REST.match(text, pos).end()  # type: ignore[union-attr]
                if end < size and text[end] == 0x5C:  # a backslash the next chunk escapes
                    self.carry = text[end:]
                    return
                if end >= size:
                    return
                self.in_string, pos = False, end + 1
                continue
            token = _JSON_STRUCTURE.search(text, pos)
            if token is None:
                return
            self.tokens += 1
            start = token.start()
            if text[start] != 0x22:  # a bracket
                self.depth += 1 if text[start] in b"{[" else -1
                pos = start + 1
                continue
            end = _STRING_REST.match(text, start + 1).end()  # type: ignore[union-attr]
            near_end = size - start <= _MEMBER_TAIL and not final
            if end >= size or text[end] != 0x22:  # the string goes on in the next chunk
                if self.depth == 1 and near_end:
                    self.carry = text[start:]  # perhaps "id" cut in two: read it whole
                    return
                self.in_string, pos = True, start + 1
                continue
            pos = end + 1
            name = text[start + 1 : end].decode("ascii", "replace")
            if self.depth != 1 or name not in ("id", "method") or name in self.found:
                continue
            value = _MEMBER_VALUE.match(text, pos)
            if value is None and near_end:
                self.carry = text[start:]  # the value may come in the next chunk
                return
            if value is not None:  # a member's name (a value is followed by , or })
                pos = value.end()
                try:
                    self.found[name] = json.loads(value.group(1).decode("utf-8", "replace"))
                except ValueError:  # `"\q"`, a raw tab: no JSON string, so no id to answer
                    continue

    def id_and_method(self) -> tuple[int | str | None, str | None]:
        method = self.found.get("method")
        return self.found.get("id"), method if isinstance(method, str) else None


def _top_level_id_and_method(body: bytes) -> tuple[int | str | None, str | None]:
    """The "id" and "method" of a message's top-level object (see `_TopLevelMembers`)."""
    members = _TopLevelMembers()
    members.feed(body, final=True)
    return members.id_and_method()


# A traceback's line naming its exception (indented and framed with | and + in a group's).
_EXCEPTION_LINE = re.compile(r"[\s|+]*([A-Za-z_][\w.]*(?:Error|Exception|Group)\w*: .*)")


def _log_in_one_line() -> None:
    """pygls's log (standard error, which an editor shows) without tracebacks: a message it could
    not read is a line, as newslint's errors are (`NEWSLINT_DEBUG` keeps them whole)."""
    import logging

    class OneLine(logging.Formatter):
        def format(self, record: logging.LogRecord) -> str:
            lines = record.getMessage().splitlines() or [""]
            message = lines[0]
            # pygls puts a traceback in some messages: the line of its exception says what went
            # wrong (the first: an exception group's, not one of its parts').
            error = next(filter(None, map(_EXCEPTION_LINE.fullmatch, lines[1:])), None)
            if error is not None:
                message += f": {error.group(1)}"
            if record.exc_info and record.exc_info[1] is not None:
                raised = record.exc_info[1]
                message += f": {type(raised).__name__}: {raised}"
            return f"newslint server: {record.levelname.lower()}: {message}"

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(OneLine())
    handler.setLevel(logging.WARNING)
    log = logging.getLogger("pygls")
    log.addHandler(handler)
    log.propagate = False


def cmd_server(args: argparse.Namespace) -> int:
    """`newslint server`: serve LSP on standard input and output until the client exits."""
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        raise UsageError(
            "newslint server needs the lsp extra: pip install 'newslint[lsp]'"
        ) from None
    channel = getattr(sys.stdout, "buffer", None)
    if channel is None:
        raise UsageError("newslint server speaks LSP on standard output, which is closed")
    state = _State(Linter())
    # Standard output is the protocol's alone: anything else printed there (the help argparse
    # prints for `--help` among the settings' arguments, a plugin's `print`) would break the
    # client's reading of the messages. The protocol writes to the stream itself; the rest of
    # the process prints to standard error.
    sys.stdout = sys.stderr
    if not os.environ.get("NEWSLINT_DEBUG"):
        _log_in_one_line()
    # (pygls asks for a BinaryIO and calls only `readline` and `read`.)
    chunked = cast("BinaryIO", _ChunkedInput(sys.stdin.buffer))
    server = build_server(state=state)
    _answer_unreadable(server, cast("_ChunkedInput", chunked))
    server.start_io(chunked, channel)
    # As LSP says: 0 after `shutdown` and `exit`; 1 when `exit` came without `shutdown`, or the
    # client went away (its end of standard input closed) without either.
    return EXIT_OK if state.shut_down else EXIT_NO_SHUTDOWN
