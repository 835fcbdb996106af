"""The `newslint` command line (ruff's conventions). `main(argv) -> int` never raises.

`run()` is the command itself (console script and `python -m newslint`): `main()` plus two savings
that matter to a pre-commit hook, where start-up and shutdown are most of the time (see `run`).
"""

from __future__ import annotations

import argparse
import errno
import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from newslint import __version__
from newslint.formats import FORMATS

if TYPE_CHECKING:
    from newslint.config import Config
    from newslint.diagnostics import Diagnostic
    from newslint.engine import RuleSet

EXIT_OK, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    pass


# `--config`, as in ruff: a configuration file (skips discovery), or a TOML `KEY = VALUE` that
# overrides one setting; repeatable (`newslint.config.split_config_args`).
_CONFIG_OPTION: dict[str, Any] = {
    "action": "append",
    "default": [],
    "metavar": "FILE|KEY=VALUE",
    "help": "configuration file (skips discovery), or a TOML KEY = VALUE overriding one setting",
}


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or directories (default: the site's content dirs, else .)",
    )
    parser.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="RULES",
        help="the rules to run: codes, prefixes or names, comma-separated or repeated (ALL: every"
        " rule); replaces the configuration's select and ignore",
    )
    parser.add_argument(
        "--extend-select",
        action="append",
        default=[],
        metavar="RULES",
        help="select these too, keeping the configuration's selection",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="RULES",
        help="leave these rules off (codes, prefixes or names)",
    )
    parser.add_argument("--config", **_CONFIG_OPTION)
    parser.add_argument("--isolated", action="store_true", help="ignore all configuration files")
    parser.add_argument(
        "--output-format",
        default=None,
        choices=FORMATS,
        help="default: the configuration's output-format, else github under GitHub Actions, full"
        " on a terminal, concise otherwise",
    )
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        default=None,
        help="exit 1 when a problem of this severity or above remains (default: the"
        " configuration's fail-on, else error)",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="auto (the default): on a terminal unless NO_COLOR is set, or when FORCE_COLOR is",
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="print only the summary")
    parser.add_argument(
        "--statistics", action="store_true", help="counts per rule instead of each diagnostic"
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="do not read or write .newslint_cache"
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=None,
        metavar="N",
        help="worker processes (default and 0: one per CPU)",
    )
    parser.add_argument(
        "--rules-dir", action="append", default=[], metavar="DIR", help="load rule modules from DIR"
    )
    parser.add_argument("--check-links", action="store_true", help="check links over HTTP(S)")
    parser.add_argument("--offline", action="store_true", help="never make network requests")
    parser.add_argument(
        "--no-private", action="store_true", help="never fetch links to private addresses"
    )
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        type=_exclude_glob,
        metavar="GLOB",
        help="skip files matching GLOB (added to the configuration's exclude)",
    )
    parser.add_argument(
        "--force-exclude",
        action="store_true",
        help="apply exclude also to files named on the command line, and skip named files of a"
        " Hugo site outside its content folders (for pre-commit)",
    )
    parser.add_argument(
        "--changed-since",
        metavar="REF",
        help="only files changed since the git revision REF (and untracked files)",
    )


def _jobs(text: str) -> int:
    """`--jobs N`: a count of worker processes; 0 means one per CPU, as when it is not given."""
    try:
        jobs = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"expected 0 (one per CPU) or more, not {jobs}")
    return jobs


def _exclude_glob(text: str) -> str:
    """`--exclude GLOB`: a glob that cannot mean what it says (`content/[`) is a usage error, as
    it is in the configuration's `exclude` (`newslint.config.glob_problem`) and in ruff."""
    from newslint.config import glob_problem

    problem = glob_problem(text)
    if problem:
        raise argparse.ArgumentTypeError(f"{text!r} is not a glob: {problem}")
    return text


def _terminal_columns() -> int:
    """`shutil.get_terminal_size().columns`, without importing shutil (and bz2, lzma, zlib)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's own layout. argparse makes a formatter for every argument it adds (to check the
    metavar), and its default width comes from shutil, whose import costs a pre-commit run more
    than building the whole parser; this one measures the terminal the same way without it."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = _terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


class _ArgumentParser(argparse.ArgumentParser):
    """An `ArgumentParser` (and sub-parsers) using `_HelpFormatter`, taking options only as
    written and suggesting the close match of a mistyped option or choice, as ruff does.

    argparse would complete an abbreviation (`fix --unsafe` to `--unsafe-fixes`): a script
    relying on that changes meaning, or fails as ambiguous, the day a longer option with the
    same start is added, so, as in ruff, an option counts only when spelt out."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        """argparse's check of a choice, with ` (did you mean 'json'?)` added to its error."""
        choices = action.choices
        if choices is None or value in choices or not isinstance(value, str):
            super()._check_value(action, value)
            return
        shown = ", ".join(map(repr, choices))
        message = f"invalid choice: {value!r} (choose from {shown})"
        raise argparse.ArgumentError(action, message + _close_match(value, list(choices)))

    def unrecognized(self, extras: Sequence[str], command: str | None) -> NoReturn:
        """Fail on arguments this (sub-)parser of `command` does not know, with a hint for the
        first unknown option that has one: the command it is (ruff's `check --fix`), the other
        commands that take it (`check --diff`), or the close match of this one's options."""
        options = [
            option
            for action in self._actions
            for option in action.option_strings
            if option.startswith("--")
        ]
        hint = ""
        for extra in extras:
            if not extra.startswith("--"):
                continue
            option = extra.split("=", 1)[0]
            others = _commands_taking(option, command)
            if option[2:] in COMMANDS and option[2:] != command:
                hint = f" (use `newslint {option[2:]}`)"
            elif others:
                named = [f"`newslint {other}`" for other in others]
                listed = ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else named[0]
                hint = f" (an option of {listed})"
            else:
                hint = _close_match(option, options)
            if hint:
                break
        self.error(f"unrecognized arguments: {' '.join(extras)}{hint}")


def _commands_taking(option: str, command: str | None) -> list[str]:
    """The commands other than `command` that take `option`, in `COMMANDS` order."""
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return [
        name
        for name, sub in commands.choices.items()
        if name != command and option in sub._option_string_actions
    ]


def _close_match(word: str, choices: list[str]) -> str:
    """` (did you mean 'json'?)`, the wording of newslint's configuration errors, or ''."""
    import difflib  # only on a mistake: not worth its import in every run

    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _stdin_arguments(parser: argparse.ArgumentParser) -> None:
    """`-` and `--stdin-filename` of `check` and `fix` (see `newslint.stdin`)."""
    parser.add_argument(
        "--stdin-filename",
        metavar="PATH",
        help="read the article from standard input (as PATH - does) as the file PATH: its site,"
        " configuration, language, per-file-ignores, --force-exclude and the path shown",
    )
    parser.epilog = (
        "PATH - reads one article from standard input, for editors; `fix -` prints the fixed text"
        " (with --diff the diff) to standard output and the remaining problems to standard error."
    )


def _exit_zero_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--exit-zero",
        action="store_true",
        help="exit 0 even when problems remain (or files were fixed); errors still exit 2",
    )


def _check_arguments(check: argparse.ArgumentParser) -> None:
    _common(check)
    _stdin_arguments(check)
    _exit_zero_argument(check)
    check.add_argument(
        "--project",
        action="store_true",
        help="cross-file rules compare the given files with the whole site (for pre-commit)",
    )
    check.add_argument(
        "--baseline", type=Path, metavar="FILE", help="report only what FILE does not record"
    )
    check.add_argument(
        "--write-baseline", type=Path, metavar="FILE", help="record the diagnostics in FILE"
    )
    check.add_argument("--output", "-o", type=Path, metavar="FILE", help="write the report to FILE")


def _fix_arguments(fix: argparse.ArgumentParser) -> None:
    _common(fix)
    _stdin_arguments(fix)
    fix.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes")
    fix.add_argument("--diff", action="store_true", help="print a unified diff, write nothing")
    fix.add_argument("--show-fixes", action="store_true", help="list the fixes applied per file")
    fix.add_argument(
        "--exit-non-zero-on-fix", action="store_true", help="exit 1 when a file was changed"
    )
    _exit_zero_argument(fix)


def _rules_arguments(rules: argparse.ArgumentParser) -> None:
    _plugin_arguments(rules)
    rules.add_argument(
        "--output-format", choices=("text", "json"), default="text", help="default: text"
    )


def _rule_arguments(rule: argparse.ArgumentParser) -> None:
    rule.add_argument("name", metavar="NAME|CODE")
    _plugin_arguments(rule)


def _plugin_arguments(parser: argparse.ArgumentParser) -> None:
    """Where `rules` and `rule` find plugins: `--rules-dir` and the configuration's `plugins`."""
    parser.add_argument(
        "--rules-dir", action="append", default=[], metavar="DIR", help="load rule modules from DIR"
    )
    parser.add_argument("--config", **_CONFIG_OPTION)
    parser.add_argument("--isolated", action="store_true", help="ignore all configuration files")


def _config_arguments(config: argparse.ArgumentParser) -> None:
    config.add_argument("--config", **_CONFIG_OPTION)
    config.add_argument("--isolated", action="store_true", help="ignore all configuration files")
    config.add_argument(
        "--rules-dir", action="append", default=[], metavar="DIR", help="load rule modules from DIR"
    )
    config.add_argument(
        "--output-format", choices=("toml", "json"), default="toml", help="default: toml"
    )


def _init_arguments(init: argparse.ArgumentParser) -> None:
    init.add_argument(
        "file",
        nargs="?",
        default="newslint.toml",
        metavar="FILE",
        help="newslint.toml (default), .newslint.toml or pyproject.toml (adds [tool.newslint])",
    )


def _server_arguments(server: argparse.ArgumentParser) -> None:
    server.description = (
        "Serve the Language Server Protocol on standard input and output: an editor lints each "
        "open article as it is typed, with quick fixes (needs the lsp extra: pip install "
        "'newslint[lsp]')."
    )


# Each command: its one-line help and what adds its arguments, in the order `--help` lists them.
COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "check": ("lint articles", _check_arguments),
    "watch": ("lint, then re-lint each file when it changes", _common),
    "fix": ("apply fixes", _fix_arguments),
    "rules": ("table of all rules", _rules_arguments),
    "rule": ("a rule's documentation", _rule_arguments),
    "config": ("print the effective configuration", _config_arguments),
    "init": ("write a commented starter configuration", _init_arguments),
    "server": (
        "a language server (LSP on standard input and output) for editors",
        _server_arguments,
    ),
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line. With `command` (one of `COMMANDS`), only that command's sub-parser is
    built: parsing an argument list that starts with it needs no other, and a pre-commit run is
    short enough for building the other six (and their help texts) to show."""
    parser = _ArgumentParser(
        prog="newslint", description="Lint and fix news articles in Hugo content repositories."
    )
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (summary, add_arguments) in COMMANDS.items():
        if command is None or command == name:
            add_arguments(sub.add_parser(name, help=summary))
    return parser


def run(*, gc_paused: bool = False) -> NoReturn:
    """Run `main()` on `sys.argv` and exit with its code, without the costs a short run never needs.

    - Garbage collection is paused while the modules and rules load (tens of thousands of
      objects, no garbage; `python -m newslint` pauses it before the first import) and resumed by
      `resume_gc` once the run is set up, with what was loaded frozen out of later collections,
      which is also what keeps forked workers from copying those pages (see `gc.freeze`).
    - The interpreter is not torn down object by object at exit: once the output is flushed and
      the `atexit` handlers have run, the process ends with `os._exit`. Everything newslint opens
      it closes before `main` returns; a thread still running gets the normal exit instead.
    - newslint's dataclass methods and regular expressions come compiled from stores beside its
      bytecode (`newslint._dataclass_code`, `newslint._regex_code`). Only the command does this;
      importing newslint as a library leaves `dataclasses` and `re` alone.

    `gc_paused`: the caller has already paused garbage collection for the same purpose.
    """
    from newslint import _dataclass_code, _regex_code

    _regex_code.install()  # before the rules and the YAML library compile their patterns
    _dataclass_code.install()  # before any module of newslint defines a dataclass
    global _gc_paused
    if gc_paused or gc.isenabled():
        gc.disable()
        _gc_paused = True
    code = main()
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        sys.exit(code)  # let the interpreter join the threads as usual
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:  # None: started with the descriptor closed (`>&-`)
                stream.flush()
        except BrokenPipeError:  # the reader went away (`| head`): nothing more to say
            pass
        except (OSError, ValueError):  # a full disk, or closed: what was left is lost
            code = code or EXIT_ERROR
    os._exit(code)


_gc_paused = False


def resume_gc() -> None:
    """Collect garbage again after `run` paused it, leaving what is loaded so far out of it."""
    global _gc_paused
    if _gc_paused:
        _gc_paused = False
        gc.freeze()
        gc.enable()


def _command_parser(parser: argparse.ArgumentParser, command: str | None) -> _ArgumentParser:
    """The sub-parser of `command`, or `parser` itself when no command was given."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and command in action.choices:
            return action.choices[command]
    assert isinstance(parser, _ArgumentParser)
    return parser


def _split(values: Sequence[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _selectors_given(values: Sequence[str]) -> list[str]:
    """`_split`, with `""` for a value that names no selector at all (`--select ""`), which
    `check_rules` reports."""
    return [part for value in values for part in (_split([value]) or [""])]


def _option_or_file(args: Sequence[str]) -> str | None:
    """Why the command line is refused, when a word of it that reads as an option is also the
    name of a file or folder here (before `--`): pre-commit passes the staged files' names as
    they are, so an article named `--output=notes.md` would otherwise make `newslint check`
    write its report over that file, and one named `-q.md` would end the run as a usage error
    that names no file."""
    if not args or args[0] not in ("check", "fix", "watch"):
        return None
    for word in args[1:]:
        if word == "--":
            break
        if word.startswith("-") and word != "-" and os.path.lexists(word):
            from newslint.reporters import printable

            return (
                f"{printable(word)!r} is an option and also a file here; name the file "
                f"./{printable(word)}, or put -- before the file names"
            )
    return None


def main(argv: Sequence[str] | None = None) -> int:
    # A standard stream closed when newslint started (`>&-`) is None in Python. Without stderr
    # the warnings are lost but the report is whole (`print(file=None)` would put them in it);
    # without stdout there is nowhere to report, which must not pass for a clean run.
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 (for the life of the process)
    if sys.stdout is None:
        print("newslint: error: the standard output is closed: nowhere to report", file=sys.stderr)
        return EXIT_ERROR
    args_list = list(sys.argv[1:] if argv is None else argv)
    taken = _option_or_file(args_list)
    if taken is not None:
        print(f"newslint: error: {taken}", file=sys.stderr)
        return EXIT_ERROR
    parser = build_parser(args_list[0] if args_list and args_list[0] in COMMANDS else None)
    if not args_list:
        parser.print_help()
        return EXIT_ERROR
    try:
        args, extras = parser.parse_known_args(args_list)
        if extras:  # the command's parser says so, with its name and usage, not the top one
            _command_parser(parser, args.command).unrecognized(extras, args.command)
    except SystemExit as exit_:
        return int(exit_.code) if isinstance(exit_.code, int) else EXIT_ERROR
    try:
        if args.command == "rules":
            return cmd_rules(args)
        if args.command == "rule":
            return cmd_rule(args)
        if args.command == "config":
            from newslint.configure import cmd_config

            return cmd_config(args)
        if args.command == "init":
            from newslint.configure import cmd_init

            return cmd_init(args)
        if args.command == "server":
            from newslint.server import cmd_server

            return cmd_server(args)
        if args.command == "watch":
            if "-" in args.paths:
                raise UsageError("watch cannot read standard input (-); use `check -` or `fix -`")
            from newslint.watch import cmd_watch

            return cmd_watch(args)
        if args.command in ("check", "fix"):
            code = cmd_lint(args)
            # As ruff's --exit-zero: problems (and fixes) fail nothing; an error still does.
            return EXIT_OK if args.exit_zero and code == EXIT_PROBLEMS else code
    except UsageError as err:
        for line in str(err).splitlines() or [""]:
            print(f"newslint: error: {line}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader stopped reading (`| head`) where the verdict was not yet known (the report
        # formats stop the run themselves with it known). A check cut short cannot be called
        # clean: 1, as Python's own advice for EPIPE has it, keeps a `set -o pipefail` gate
        # closed, unless --exit-zero asked for 0 whatever is found. A listing (`rules`,
        # `config`) has nothing to fail.
        reader_gone()
        if args.command in ("check", "fix") and not getattr(args, "exit_zero", False):
            return EXIT_PROBLEMS
        return EXIT_OK
    except OSError as err:
        if isinstance(err, FileNotFoundError) and _working_directory_gone():
            # Removed under the run (a watch whose checkout was deleted, a shell left in a
            # folder that is gone): no relative path can be reached. Not newslint's error.
            print("newslint: error: the working directory no longer exists", file=sys.stderr)
            return EXIT_ERROR
        if err.errno not in _WRITE_FAILURES:
            return _internal_error(err)
        # Writing failed for want of room (stdout to /dev/full, a full disk or quota): not a
        # bug of newslint's, and not to be mistaken for a clean run either.
        where = f": {err.filename}" if err.filename else ""
        print(f"newslint: error: cannot write{where}: {err.strerror}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as err:
        return _internal_error(err)
    parser.print_help()
    return EXIT_ERROR


def _working_directory_gone() -> bool:
    try:
        os.getcwd()
    except FileNotFoundError:
        return True
    return False


# The errors of a write that fails for want of room or of a device, not of newslint.
_WRITE_FAILURES = frozenset(
    getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EFBIG", "EIO") if hasattr(errno, name)
)


def _internal_error(err: Exception) -> int:
    """An internal error: say so, exit 2, no traceback dump (unless NEWSLINT_DEBUG is set)."""
    import traceback

    last = traceback.format_exception_only(type(err), err)[-1].strip()
    print(f"newslint: internal error: {last}", file=sys.stderr)
    if os.environ.get("NEWSLINT_DEBUG"):
        traceback.print_exception(err)
    return EXIT_ERROR


def _registry(rules_dirs: Sequence[str], config: Config | None = None) -> Any:
    from newslint.registry import RegistryError, load_registry

    for directory in rules_dirs:
        if not os.path.isdir(directory):
            raise UsageError(f"--rules-dir {directory}: no such directory")
    extra = [*(_plugins(config) if config else []), *rules_dirs]
    try:
        registry = load_registry(extra)
    except RegistryError as err:
        raise UsageError(str(err)) from None
    for message in registry.load_errors:
        # An error, not a warning: the run goes on with the other rules but exits 2.
        print(f"newslint: error: {message}", file=sys.stderr)
    return registry


def _plugins(config: Config) -> list[str]:
    """The configuration's `plugins`: a folder is found from the configuration file's own folder
    (as `include` is), so a run from a subfolder loads the same rules; a module name is kept."""
    from newslint.config import display

    base = config.path.parent if config.path is not None else Path()
    plugins: list[str] = []
    for number, item in enumerate(config.plugins):
        folder = base / item
        try:
            is_folder = folder.is_dir()
        except (OSError, ValueError):  # a name too long for the file system: no folder, a module
            is_folder = False
        if is_folder:
            try:
                plugins.append(os.path.relpath(folder))
            except ValueError:  # another drive (Windows)
                plugins.append(str(folder))
        elif "/" in item or os.sep in item or item.startswith("."):
            prefix = "tool.newslint." if _in_pyproject(config) else ""
            raise UsageError(
                f"{display(config.path)}: {prefix}plugins[{number}]: no such directory {item!r}"
            )
        else:
            plugins.append(item)  # a module name
    return plugins


def _in_pyproject(config: Config) -> bool:
    return config.path is not None and config.path.name == "pyproject.toml"


def cmd_rules(args: argparse.Namespace) -> int:
    registry = _registry(args.rules_dir, _load_config(args))
    if args.output_format == "json":
        import json

        rows = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity.label,
                "fixable": r.fixable(),
                "presets": list(r.presets),
                "origin": r.origin,
                "summary": r.summary(),
            }
            for r in registry.rules
        ]
        print(json.dumps(rows, indent=2))
        return _registry_exit(registry)
    # A plugin's origin is its file or package: the column is as wide as the longest.
    width = max([10, *(len(r.origin) for r in registry.rules)])
    print(
        f"{'code':<6} {'name':<24} {'severity':<8} {'fix':<3} {'preset':<9} {'origin':<{width}}"
        " summary"
    )
    for r in registry.rules:
        fix = "yes" if r.fixable() else "-"
        preset = ",".join(r.presets) or "-"
        print(
            f"{r.code:<6} {r.name:<24} {r.severity.label:<8} {fix:<3} {preset:<9} {r.origin:<{width}} {r.summary()}"
        )
    return _registry_exit(registry)


def _registry_exit(registry: Any) -> int:
    """The exit code of a command that only lists rules: 2 when a plugin did not load (as for
    `check`: the error is on stderr and the other rules are listed), else 0."""
    return EXIT_ERROR if registry.load_errors else EXIT_OK


def cmd_rule(args: argparse.Namespace) -> int:
    registry = _registry(args.rules_dir, _load_config(args))
    rule = registry.find(args.name)
    if rule is None:
        from newslint.config import _did_you_mean, not_a_rule
        from newslint.registry import matches

        names = [r.name for r in registry.rules] + [r.code for r in registry.rules]
        # A code prefix selects a group (`--select DT`) but documents no one rule: list them.
        group = [
            f"{r.code} {r.name}"
            for r in sorted(registry.rules, key=lambda r: r.code)
            if args.name.upper() != "ALL" and matches(r, args.name)
        ]
        listed = f" (a prefix of {', '.join(group)}: name one)" if group else ""
        hint = not_a_rule(args.name) or listed or _did_you_mean(args.name, names)
        raise UsageError(f"no rule {args.name!r}{hint}")
    text = (
        f"# {rule.name} ({rule.code})\n\n"
        f"Severity: {rule.severity.label}. Fixable: {'yes' if rule.fixable() else 'no'}. "
        f"Origin: {rule.origin}.\n\n{rule.documentation()}\n{_options_section(rule)}"
    )
    if sys.stdout.isatty() and not os.environ.get("NO_COLOR"):
        from newslint.reporters.full import print_markdown

        print_markdown(text, sys.stdout)
    else:
        sys.stdout.write(text)
    return _registry_exit(registry)


def _options_section(rule: Any) -> str:
    """`## Options`: the rule's option keys with their defaults, as a `[rules.NAME]` table to
    copy (generated from its `Options`, so no option goes undocumented); empty without options."""
    import dataclasses

    from newslint.configure import toml_value

    lines = []
    for option in dataclasses.fields(rule.Options):
        key = option.name.replace("_", "-")
        if option.default is not dataclasses.MISSING:
            default = option.default
        elif option.default_factory is not dataclasses.MISSING:
            default = option.default_factory()
        else:
            default = None
        if isinstance(default, set | frozenset):
            default = sorted(default)
        lines.append(f"# {key}: not set" if default is None else f"{key} = {toml_value(default)}")
    if not lines:
        return ""
    table = "".join(
        f"    {line}\n"
        for line in [
            f"[rules.{rule.name}]",
            *lines,
            f"severity = {toml_value(rule.severity.label)}",
        ]
    )
    first = dataclasses.fields(rule.Options)[0].name.replace("_", "-")
    return (
        "\n## Options\nThe defaults, as a configuration table (in pyproject.toml"
        f" `[tool.newslint.rules.{rule.name}]`; for one run"
        f" `--config 'rules.{rule.name}.{first} = ...'`):\n\n{table}"
    )


def _load_config(args: argparse.Namespace) -> Config:
    from newslint.config import ConfigError, load_config

    def warn(message: str) -> None:
        print(f"newslint: warning: {message}", file=sys.stderr)

    # `check`, `fix` and `watch` use the configuration nearest the files they are given.
    paths = [Path(p) for p in getattr(args, "paths", None) or ()]
    try:
        return load_config(
            args.config,
            isolated=args.isolated,
            paths=paths,
            warn=warn,
            use_cache=not getattr(args, "no_cache", False),
        )
    except ConfigError as err:
        raise UsageError(str(err)) from None


def _default_paths(config: Config, exclude: Sequence[str] = ()) -> list[Path]:
    """What a run without paths lints: the Markdown files `include` selects (`exclude`, the
    anchored exclude patterns, holding for them), else the site's content folders, else `.`."""
    from newslint.config import pattern_base
    from newslint.discover import included
    from newslint.site import find_root, load_site

    if config.include:
        return included(config.include, pattern_base(config), exclude)
    located = find_root(Path.cwd())
    if located is not None:
        site = load_site(*located)
        # A content folder that is a link to nothing or a link loop is named too: its read says
        # why it cannot be linted (NL002), where the walk of "." would pass it over in silence.
        dirs = site.content_dirs() + site.unresolved_content_dirs()
        if dirs:
            return [Path(os.path.relpath(d)) for d in dirs]
    return [Path(".")]


def warn_nearer_configs(args: argparse.Namespace, config: Config, paths: Sequence[Path]) -> None:
    """A run without PATH lints `paths` (the content folders, or the files `include` selects)
    under the working directory's configuration, which says what to lint. When some of them are
    under a nearer configuration of their own, warn as the same run naming them does
    (`nearest_config`)."""
    from newslint.config import nearest_config, split_config_args

    if args.isolated or split_config_args(args.config)[0] is not None:
        return  # no configuration discovered: none passed over
    if config.include:  # files, thousands of them: their folders, each looked at once
        paths = list(dict.fromkeys(path.parent for path in paths))

    def warn(message: str) -> None:
        print(f"newslint: warning: {message}", file=sys.stderr)

    nearest_config(paths, Path.cwd(), warn)


def warn_nested_configs(
    args: argparse.Namespace, paths: Sequence[Path], files: Sequence[Path]
) -> None:
    """A folder named on the command line may hold a configuration of its own further down
    (`newslint check .` over `sub/newslint.toml`): the files below it are under a nearer
    configuration than the one the run uses, which is worth a warning as when the files are
    named (`nearest_config`), rather than passing over `sub/newslint.toml` without a word."""
    from newslint.config import nearest_config, split_config_args

    if args.isolated or split_config_args(args.config)[0] is not None:
        return  # no configuration discovered: none passed over
    cwd = Path.cwd()

    def is_dir(path: Path) -> bool:
        try:
            return (cwd / path).is_dir()
        except OSError:  # a folder above it that cannot be searched: reported as NL002
            return False

    if not any(is_dir(path) for path in paths):
        return  # named files: `load_config` judged them already
    told: list[str] = []
    nearest_config(paths, cwd, told.append)
    if told:
        return  # the named paths already differ, and `load_config` said so

    def warn(message: str) -> None:
        print(f"newslint: warning: {message}", file=sys.stderr)

    # Each folder once, told apart by its name first: a `Path` per file of 10,000 cost more than
    # the rest of this check.
    from newslint.discover import names_of

    folders = dict.fromkeys(os.path.dirname(name) for name in names_of(files))
    nearest_config(list(dict.fromkeys(Path(folder) for folder in folders)), cwd, warn)


def build_run(args: argparse.Namespace) -> tuple[Config, RuleSet, Sequence[Path]]:
    from newslint.config import exclude_patterns

    config, ruleset = build_rules(args)
    exclude = exclude_patterns(config, args.exclude)
    if args.paths:
        paths = [Path(p) for p in args.paths]
    else:
        paths = _default_paths(config, exclude)
        warn_nearer_configs(args, config, paths)
    files = _files(args, paths, exclude)
    if args.paths:
        warn_nested_configs(args, paths, files)
    resume_gc()  # set up: from here on, linting makes garbage
    return config, ruleset, files


def build_rules(args: argparse.Namespace) -> tuple[Config, RuleSet]:
    """The configuration and the rules of a run, without its files (`build_run` finds those;
    `newslint watch` finds them only once its watch is in place)."""
    from newslint.config import ConfigError, check_rules, split_config_args
    from newslint.engine import build_ruleset

    config = _load_config(args)
    if args.fail_on:
        config.fail_on = args.fail_on
    if getattr(args, "output_format", None) is None:
        args.output_format = config.output_format
    if getattr(args, "statistics", False) and args.output_format in ("sarif", "junit", "gitlab"):
        # A table of counts where upload-sarif or a test reporter expects its format: say so now.
        raise UsageError(
            f"--statistics has no {args.output_format} form (use json, json-lines or a text format)"
        )
    registry = _registry(args.rules_dir, config)
    if getattr(args, "check_links", False):
        config.links.check = True
    if getattr(args, "no_private", False):
        config.links.no_private = True
    try:
        # A value with no selector at all (`--select ""`) is an error, as in ruff ("Unknown rule
        # selector ``"), not the default selection; a stray comma beside a selector
        # (`--select DT001,`, which ruff rejects too) stays accepted, as newslint always took it.
        cli = {
            f"--{k}": _selectors_given(getattr(args, k.replace("-", "_"))) for k in _SELECTION_FLAGS
        }
        check_rules(config, registry.rules, cli, split_config_args(args.config)[1])
        checked_links: list[str] = []
        if config.links.check:  # the checker is loaded only when links are checked
            from newslint.linkcheck import link_rules

            checked_links = link_rules(registry.rules, config, _split(args.select) or config.select)
        ruleset = build_ruleset(
            config,
            select=_split(args.select) or None,
            ignore=_split(args.ignore),
            extend_select=_split(args.extend_select),
            registry=registry,
            unless_ignored=checked_links,
        )
    except ConfigError as err:
        raise UsageError(str(err)) from None
    return config, ruleset


_SELECTION_FLAGS = ("select", "extend-select", "ignore")


def _files(args: argparse.Namespace, paths: list[Path], exclude: list[str]) -> Sequence[Path]:
    """The files to lint: walked from `paths`, or only the changed ones with `--changed-since`.

    A walk gives a `newslint.discover.FileList` (strings, not `Path` objects: see there)."""
    from newslint.discover import absent, discover

    # `absent`: True, not an OSError, for a name too long for the file system (or with a NUL).
    missing = [str(p) for p in paths if absent(p)]
    if missing:
        raise UsageError(f"no such file or directory: {', '.join(missing)}")
    ref = getattr(args, "changed_since", None)
    if ref:
        from newslint.changed import ChangedError, changed_under, select_changed

        try:
            return select_changed(changed_under(ref, paths), paths, exclude)
        except ChangedError as err:
            raise UsageError(str(err)) from None
    files, missing = discover(paths, exclude, force_exclude=getattr(args, "force_exclude", False))
    if missing:
        raise UsageError(f"no such file or directory: {', '.join(missing)}")
    return files


def _site_errors(files: Sequence[Path]) -> list[str]:
    from newslint.discover import names_of
    from newslint.site import site_for

    messages: list[str] = []
    for path in names_of(files):
        for message in site_for(path).errors:
            if message not in messages:
                messages.append(message)
    return messages


def _warn_idle_selections(
    args: argparse.Namespace, config: Config, ruleset: RuleSet, files: Sequence[Path]
) -> None:
    """Say once of each rule or prefix selected by name that nothing it selects runs on these
    files (`--select TH001` where the theme is not Mainroad), as ruff does; the exit code stays."""
    selectors = [
        *(_split(args.select) or config.select),
        *config.extend_select,
        *_split(getattr(args, "extend_select", None) or ()),
    ]
    if not any(selector.upper() != "ALL" for selector in selectors):
        return
    from newslint.discover import names_of
    from newslint.engine import idle_selections

    for message in idle_selections(ruleset, selectors, names_of(files), config.links.check):
        print(f"newslint: warning: {message}", file=sys.stderr)


def cmd_lint(args: argparse.Namespace) -> int:
    if "-" in args.paths or args.stdin_filename is not None:
        from newslint.stdin import lint_stdin

        return lint_stdin(args)  # one article from standard input (for editors)
    config, ruleset, files = build_run(args)
    code = _lint(args, config, ruleset, files)
    # A plugin that did not load was reported and the other rules ran, but its rules did not: the
    # run is not a clean one, as with a rule that crashed.
    return EXIT_ERROR if ruleset.registry.load_errors else code


def _lint(args: argparse.Namespace, config: Config, ruleset: RuleSet, files: Sequence[Path]) -> int:
    if not files and not args.quiet:  # as ruff does: an empty run is no silent success
        print(
            "newslint: warning: no Markdown files to lint (all excluded or none found)",
            file=sys.stderr,
        )
    for message in _site_errors(files):
        print(f"newslint: warning: {message}", file=sys.stderr)
    if files and not args.quiet:
        _warn_idle_selections(args, config, ruleset, files)
    for option in ("output", "write_baseline"):
        if getattr(args, option, None) is not None:
            refuse_output_over_article(getattr(args, option), files, option)
    if args.command == "fix":
        from newslint.fixer import run_fix

        return run_fix(args, config, ruleset, files)
    if _streams(args):
        return _stream_lint(args, config, ruleset, files)
    diagnostics = lint_diagnostics(args, ruleset, files)
    if args.write_baseline:
        return _write_baseline(args, diagnostics, files)
    if args.baseline:
        diagnostics = _without_baseline(args, diagnostics, files)
    try:
        _report(args, ruleset, diagnostics, len(files))
    except BrokenPipeError:
        reader_gone()  # every result is known: the verdict is the full run's, as ruff's is
    return exit_code(config, diagnostics)


def reader_gone() -> None:
    """Send the rest of standard output to /dev/null after its reader went away (`| head -1`),
    as Python's documentation advises for EPIPE: what is still buffered, and the flush at exit,
    then fail silently instead of as a second BrokenPipeError ("Exception ignored ...")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no descriptor (a test's capture): nothing held
        pass


class _VerdictKnown(Exception):
    """The reader went away and what is still to lint cannot change the exit status."""


def lint_diagnostics(
    args: argparse.Namespace, ruleset: RuleSet, files: Sequence[Path]
) -> list[Diagnostic]:
    """Lint each file, then run the project-wide step (cross-file rules, link checks) and silence
    what the files' suppression comments silence there; sorted by path and position."""
    from newslint.diagnostics import Diagnostic
    from newslint.engine import FileResult
    from newslint.runner import lint_files, project_end
    from newslint.suppressions import project_suppressions

    diagnostics: list[Diagnostic] = []

    def arrived(_: int, result: FileResult) -> None:
        diagnostics.extend(result.diagnostics)

    # Only the diagnostics stay; what cross-file rules collected goes to `results.project`.
    results = lint_files(
        files,
        ruleset,
        jobs=args.jobs,
        use_cache=not args.no_cache,
        project=args.project,
        on_result=arrived,
        keep_results=False,
    )
    project = project_end(results, ruleset, offline=args.offline, use_cache=not args.no_cache)
    diagnostics.extend(project_suppressions(results, project))
    diagnostics.sort(key=Diagnostic.sort_key)
    return diagnostics


# Formats written one diagnostic per line: they are printed file by file as results arrive, so
# memory does not grow with the number of files.
STREAMING_FORMATS = ("concise", "json-lines", "github")
# Formats whose `--quiet` output is the summary line alone: counted as results arrive.
QUIET_STREAMING_FORMATS = ("concise", "full")


def _streams(args: argparse.Namespace) -> bool:
    from newslint.reporters import default_format

    if args.baseline or args.write_baseline or args.statistics or args.output is not None:
        return False
    fmt = args.output_format or default_format(sys.stdout, args.color)
    if args.quiet:
        # Only the summary line is printed, made of counts (`full.Summary`); the grouped format's
        # summary counts per rule, and the machine formats ignore `--quiet`.
        return fmt in QUIET_STREAMING_FORMATS
    return fmt in STREAMING_FORMATS


def _stream_lint(
    args: argparse.Namespace, config: Config, ruleset: RuleSet, files: Sequence[Path]
) -> int:
    """Print each file's diagnostics in file order as soon as they are known, then the project-wide
    ones (cross-file rules, link checks); with `--quiet`, count them and print the summary line at
    the end. Nothing per file stays in memory: the data the project
    step needs is spilled to a temporary file (`newslint.project`)."""
    from newslint.diagnostics import Diagnostic
    from newslint.engine import FileResult
    from newslint.reporters import default_format, report
    from newslint.reporters.full import Summary
    from newslint.rule import Severity
    from newslint.runner import lint_files, paused_gc, project_end
    from newslint.suppressions import project_suppressions

    fmt = args.output_format or default_format(sys.stdout, args.color)
    threshold = Severity.parse(config.fail_on)
    waiting: dict[int, FileResult] = {}
    state = {"next": 0, "internal": False, "failing": False, "gone": False}
    summary = Summary() if args.quiet else None

    def write(diagnostics: list[Diagnostic], one_file: bool = False) -> None:
        if not diagnostics:
            return
        for d in diagnostics:
            state["internal"] = state["internal"] or d.rule == "internal-error"
            state["failing"] = state["failing"] or d.severity >= threshold
        if summary is not None:
            summary.add(diagnostics, one_file)
        elif not state["gone"]:
            try:
                with paused_gc():
                    report(fmt, diagnostics, 0, sys.stdout, color=args.color)
            except BrokenPipeError:  # `| head -1`: print nothing more, but still owe the verdict
                reader_gone()
                state["gone"] = True
        # Once the reader is gone, lint on (silently) only while the rest can change the status:
        # a closed pipe is no finding, so the status is the one the whole run would have had.
        if state["gone"] and (state["internal"] or (state["failing"] and not args.exit_zero)):
            raise _VerdictKnown

    def arrived(index: int, result: FileResult) -> None:
        waiting[index] = result
        while state["next"] in waiting:
            ready = waiting.pop(int(state["next"]))
            write(ready.diagnostics, one_file=True)
            state["next"] += 1

    try:
        results = lint_files(
            files,
            ruleset,
            jobs=args.jobs,
            use_cache=not args.no_cache,
            project=args.project,
            on_result=arrived,
            keep_results=False,
            share_text=False,  # printed and dropped: sharing would only keep the text alive
        )
        project = project_end(results, ruleset, offline=args.offline, use_cache=not args.no_cache)
        write(sorted(project_suppressions(results, project), key=Diagnostic.sort_key))
        if summary is not None:
            try:
                sys.stdout.write(summary.line(len(files)) + "\n")
                sys.stdout.flush()
            except BrokenPipeError:
                reader_gone()
    except _VerdictKnown:
        pass
    if state["internal"]:
        return EXIT_ERROR
    return EXIT_PROBLEMS if state["failing"] else EXIT_OK


def exit_code(config: Config, diagnostics: Sequence[Diagnostic]) -> int:
    """2 on an internal error, 1 when a diagnostic at or above `fail-on` remains, else 0."""
    from newslint.rule import Severity

    if any(d.rule == "internal-error" for d in diagnostics):
        return EXIT_ERROR
    threshold = Severity.parse(config.fail_on)
    return EXIT_PROBLEMS if any(d.severity >= threshold for d in diagnostics) else EXIT_OK


def refuse_output_over_article(
    output: Path, files: Sequence[Path | str], option: str = "output"
) -> None:
    """A usage error when `--output` (or `--write-baseline`: `option`) names one of the articles
    being linted: `check -o a.md a.md` replaced the article with its own report. (Only files of
    the same name are compared, so a run over thousands of files costs nothing more.)"""
    if not os.path.isfile(output):
        return  # a file made by the report is no article of this run
    name = os.path.basename(output)
    real = os.path.realpath(output)
    for path in files:
        if os.path.basename(path) == name and os.path.realpath(path) == real:
            what = "report" if option == "output" else "baseline"
            raise UsageError(
                f"--{option.replace('_', '-')} {output}: is an article being linted; the {what} "
                "would replace it"
            )


def _report(
    args: argparse.Namespace, ruleset: RuleSet, diagnostics: list[Diagnostic], files: int
) -> None:
    from newslint.reporters import default_format, report

    out = sys.stdout
    color = args.color
    if args.output is not None:
        try:
            out = open(args.output, "w", encoding="utf-8")  # noqa: SIM115 (closed below)
        except OSError as err:
            raise UsageError(f"--output {args.output}: {err.strerror or err}") from None
        # FORCE_COLOR asks for colour in a log a terminal will show, not in a report file (as
        # ruff's --output-file): only an explicit --color always colours the file.
        if color == "auto":
            color = "never"
    try:
        fmt = args.output_format or default_format(out, color)
        if args.statistics:
            from newslint.reporters import statistics

            statistics.write(diagnostics, out, fmt)
        else:
            from newslint.runner import paused_gc

            rules = [active.rule for active in ruleset.rules]
            with paused_gc():  # the report's objects need no collection (see there)
                report(fmt, diagnostics, files, out, color=color, quiet=args.quiet, rules=rules)
    finally:
        if out is not sys.stdout:
            out.close()


def _write_baseline(
    args: argparse.Namespace, diagnostics: list[Diagnostic], files: Sequence[Path]
) -> int:
    from newslint.baseline import BaselineError, write_baseline

    try:
        entries, count = write_baseline(args.write_baseline, diagnostics, files)
    except BaselineError as err:
        raise UsageError(str(err)) from None
    print(
        f"newslint: recorded {count} problem{'s' if count != 1 else ''} "
        f"({entries} entr{'ies' if entries != 1 else 'y'}) in {args.write_baseline}",
        file=sys.stderr,
    )
    crashes = [d for d in diagnostics if d.rule == "internal-error"]
    for d in crashes:  # never recorded: a crash is not an accepted problem
        print(f"{d.path}:{d.line}:{d.column}: {d.code} [{d.rule}] {d.message}", file=sys.stderr)
    return EXIT_ERROR if crashes else EXIT_OK


def _without_baseline(
    args: argparse.Namespace, diagnostics: list[Diagnostic], files: Sequence[Path]
) -> list[Diagnostic]:
    from newslint.baseline import Baseline, BaselineError

    try:
        baseline = Baseline.load(args.baseline)
    except BaselineError as err:
        raise UsageError(str(err)) from None
    new, absorbed, stale = baseline.filter(diagnostics, files)
    if not args.quiet and (absorbed or stale):
        note = f"newslint: {absorbed} problem{'s' if absorbed != 1 else ''} in {args.baseline} not shown"
        if stale:
            note += (
                f"; {stale} recorded problem{'s no longer occur' if stale != 1 else ' no longer occurs'}"
                " (shrink the baseline with --write-baseline)"
            )
        print(note, file=sys.stderr)
    return new
