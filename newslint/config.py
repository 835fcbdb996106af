"""Configuration: `[tool.newslint]` in pyproject.toml, or newslint.toml / .newslint.toml.

Found from the working directory upward. Validated with pydantic: an unknown key, a wrong type or an
unknown rule is a `ConfigError` naming the file and the key, with a did-you-mean where one is close.
What needs the rules (rule names in `select`, `ignore`, `per-file-ignores` and `[rules.<name>]`,
rule options and their types, severities, presets) is checked by `check_rules` once the rules are
loaded; every problem is listed, one per line.

`Config` and `LinksConfig` are plain dataclasses (keys are the kebab-case of the field names) that
pydantic validates only when there is something to validate: a run without a configuration file, or
with one whose validated form is remembered in `.newslint_cache/` (see `newslint.cache`), never
imports pydantic, which keeps `newslint --version` and a fully cached run fast.
"""

from __future__ import annotations

import collections.abc
import dataclasses
import datetime
import functools
import math
import os
import re
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from newslint.formats import OutputFormat

if TYPE_CHECKING:
    from pydantic import TypeAdapter


class ConfigError(Exception):
    """A configuration problem; the CLI prints it and exits 2."""


@dataclass
class LinksConfig:
    """The `[links]` table: whether and how `--check-links` fetches the articles' links."""

    check: bool = False
    timeout: float = 10.0
    concurrency: int = 64
    per_host: int = 4
    # A duration ("1d", "12h", "1h30m") or a whole number of seconds (3600), as lychee's
    # --max-cache-age takes "1d" and a TOML writer may give the seconds.
    cache_ttl: str | int = "1d"
    failure_ttl: str | int = "1h"
    # Statuses and lychee-style ranges ("200..=299", "200..300", "..=204"), read by
    # `newslint.linkcheck.parse_accept`.
    accept: list[int | str] = field(default_factory=lambda: [200, 206])
    exclude: list[str] = field(default_factory=list)
    only_source: bool = False
    retries: int = 2
    no_private: bool = False
    backoff: float = 0.5  # seconds before the first retry; doubles each time (with jitter)
    max_wait: float = 30.0  # cap on one wait; a longer Retry-After is reported, not waited for
    user_agent: str | None = None  # None: newslint's own, which names newslint
    include_fragments: bool = False  # lychee's --include-fragments: read pages for their anchors
    max_redirects: int = 10  # lychee's --max-redirects: hops followed before "too many redirects"
    # lychee's `header`: sent with every request, to every host (checked by `LinkSettings`).
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Config:
    """The effective configuration; the documented keys are the kebab-case of the field names."""

    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    # ruff's key, for its users: more `exclude` patterns (the built-in skips, `.git` and the like,
    # hold whatever `exclude` says, so both keys only add).
    extend_exclude: list[str] = field(default_factory=list)
    select: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    fail_on: Literal["error", "warning", "info"] = "error"
    # As ruff's: `--output-format` wins; None chooses by where the output goes.
    output_format: OutputFormat | None = None
    timezone: str | None = None
    presets: list[str] | None = None
    required: list[str] = field(default_factory=list)
    allowed: dict[str, list[Any]] = field(default_factory=dict)
    source_field: str | None = None
    plugins: list[str] = field(default_factory=list)
    max_file_size: int = 10_000_000
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    links: LinksConfig = field(default_factory=LinksConfig)

    # Where the configuration came from (not a configuration key).
    path: Path | None = field(default=None, compare=False)

    def to_data(self) -> dict[str, Any]:
        """The configuration as plain data (field names as keys, without `path`)."""
        data = dataclasses.asdict(self)
        data.pop("path", None)
        return data

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Config:
        """Rebuild from `to_data()` output that was validated before (no validation here)."""
        values = dict(data)
        values["links"] = LinksConfig(**values.get("links", {}))
        return cls(**values)


def _did_you_mean(word: str, choices: list[str]) -> str:
    import difflib  # only for a mistake

    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _keys_of(model: type) -> list[str]:
    return [f.name.replace("_", "-") for f in dataclasses.fields(model) if f.name != "path"]


def _normalise(
    data: dict[str, Any], model: type, twice: list[str] | None = None, within: str = ""
) -> dict[str, Any]:
    """Documented kebab-case keys to field names (snake_case keys are accepted too). A key given
    in both spellings is added to `twice` as "key 'fail-on' is given twice (as ...)"."""
    names = {f.name for f in dataclasses.fields(model)} - {"path"}
    out: dict[str, Any] = {}
    spelt: dict[str, str] = {}
    for key, value in data.items():
        name = str(key).replace("-", "_")
        if name not in names:
            name = str(key)  # unknown: validation names it as written
        elif name in spelt and twice is not None:
            kebab = within + name.replace("_", "-")
            twice.append(f"key {kebab!r} is given twice (as {spelt[name]!r} and {str(key)!r})")
        spelt.setdefault(name, str(key))
        if name == "links" and isinstance(value, dict):
            value = _normalise(value, LinksConfig, twice, within + "links.")
        out[name] = value
    return out


@functools.cache
def _hints(model: type) -> dict[str, Any]:
    """The resolved annotations of `Config` or `LinksConfig`, worked out once (2 ms a call)."""
    return typing.get_type_hints(model)


def _loose(data: dict[str, Any], model: type, loc: tuple[str, ...] = ()) -> list[tuple[Any, ...]]:
    """The (location, value, annotation) of each value pydantic would convert from another TOML
    type (`"10"` for a number, `"yes"` for a boolean, `1000.0` for an integer): the file's keys
    take their own types, as the rule options do (`_fits`)."""
    hints = _hints(model)
    found: list[tuple[Any, ...]] = []
    for name, value in data.items():
        hint = hints.get(name)
        if hint is None or name == "path":
            continue  # an unknown key: validation names it
        if hint is LinksConfig:
            if isinstance(value, dict):
                found += _loose(value, LinksConfig, (*loc, name))
        elif not _fits(value, hint):
            found.append(((*loc, name), value, hint))
    return found


_TYPE_NAMES = {
    "list_type": "a list",
    "tuple_type": "a list",
    "string_type": "a string",
    "int_type": "an integer",
    "int_parsing": "an integer",
    "int_from_float": "an integer",
    # A float too large for an integer (`1e308`), and inf or nan, where an integer belongs.
    "int_parsing_size": "an integer",
    "finite_number": "an integer",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "dict_type": "a table",
    "dataclass_type": "a table",
    "model_type": "a table",
}


def _show(value: Any) -> str:
    """A value as TOML would spell it, for messages."""
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()  # as TOML writes it, not as a quoted string
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)  # TOML's nan and inf, not JSON's NaN and Infinity
    try:
        return json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        return repr(value)


def _key_path(loc: tuple[Any, ...] | list[Any]) -> str:
    """`('links', 'per_host')` -> `links.per-host`; `('select', 0)` -> `select[0]`."""
    out = ""
    for depth, part in enumerate(loc):
        if isinstance(part, int):
            out += f"[{part}]"
            continue
        text = str(part)
        top = depth == 0 and text in {f.name for f in dataclasses.fields(Config)}
        nested = depth == 1 and str(loc[0]) == "links"
        if top or nested:
            text = text.replace("_", "-")
        elif not text.replace("-", "").replace("_", "").isalnum():
            text = '"' + text.replace('"', '\\"') + '"'
        out += ("." if out else "") + text
    return out


# ruff's settings that newslint takes only on the command line: a ruff user's `unsafe-fixes = true`
# would otherwise be told only "unknown key", or pointed at the wrong key (`force-exclude` at
# `exclude`).
_COMMAND_LINE_ONLY = {
    "fix": "run `newslint fix`",
    "unsafe-fixes": "pass --unsafe-fixes to `newslint fix`",
    "show-fixes": "pass --show-fixes to `newslint fix`",
    "force-exclude": "pass --force-exclude",
}


def _problem(error: Any, where: str, prefix: str) -> str:
    kind, value = error["type"], error.get("input")
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        loc = list(error["loc"])
        keys = _keys_of(LinksConfig) if len(loc) > 1 and loc[0] == "links" else _keys_of(Config)
        key = prefix + _key_path(loc)
        flag = _COMMAND_LINE_ONLY.get(str(loc[0]).replace("_", "-")) if len(loc) == 1 else None
        hint = f" (a command-line option: {flag})" if flag else _did_you_mean(str(loc[-1]), keys)
        return f"{where}: unknown key {key!r}{hint}"
    where = f"{where}: {prefix}{_key_path(error['loc'])}: "
    if kind == "literal_error":
        import re

        choices = re.findall(r"'([^']*)'", str(error.get("ctx", {}).get("expected", "")))
        expected = ", ".join(repr(c) for c in choices)
        hint = _did_you_mean(str(value), choices)
        return f"{where}expected one of {expected}, got {_show(value)}{hint}"
    if kind in _TYPE_NAMES:
        return f"{where}expected {_TYPE_NAMES[kind]}, got {_show(value)}"
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"{where}{message}"


def _union_member_error(error: Any, loose: list[tuple[Any, ...]]) -> bool:
    loc = tuple(error["loc"])
    return (
        error["type"] in _TYPE_NAMES
        and loc[-1] in ("str", "int", "float", "bool")
        and any(loc[: len(found)] == found and len(loc) > len(found) for found, _, _ in loose)
    )


def _check_timezone(name: str) -> str | None:
    import zoneinfo

    try:
        zoneinfo.ZoneInfo(name)
        return None
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zones = sorted(zoneinfo.available_timezones())
        return f"unknown time zone {name!r}{_did_you_mean(name, zones)}"


@functools.cache
def _config_adapter() -> TypeAdapter[Config]:
    """The pydantic validator of `Config`, built once: building it takes about 20 ms, which a
    test suite that reads a configuration per case paid thousands of times."""
    from pydantic import ConfigDict, TypeAdapter

    for model in (Config, LinksConfig):
        model.__pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[union-attr]
    return TypeAdapter(Config)


def _validate(data: dict[str, Any], where: str, prefix: str = "") -> Config:
    """Validate `data` (keys as written) into a `Config`, or raise `ConfigError` naming every bad key.

    `prefix` is how the keys are spelt in the file (`tool.newslint.` in pyproject.toml).
    """
    from pydantic import ValidationError

    if "path" in data:
        hint = _did_you_mean("path", _keys_of(Config))
        raise ConfigError(f"{where}: unknown key {prefix + 'path'!r}{hint}")
    if "tool" in data and not prefix:
        raise ConfigError(
            f"{where}: unknown key 'tool' ({Path(where).name} takes the keys at its top level, "
            "without [tool.newslint])"
        )
    twice: list[str] = []
    normalised = _normalise(data, Config, twice, prefix)
    problems = [f"{where}: {problem}" for problem in twice]
    loose = _loose(normalised, Config)
    try:
        config = _config_adapter().validate_python(normalised)
        flagged: list[tuple[Any, ...]] = []
    except ValidationError as err:
        # pydantic reports a value that fits no member of a union once per member, at a location
        # ending in the member's type (`links.cache-ttl.str`, `.int`): `_loose` names the key once
        # with the whole union instead ("expected a string or an integer").
        errors = [e for e in err.errors() if not _union_member_error(e, loose)]
        problems += [_problem(error, where, prefix) for error in errors]
        flagged = [tuple(error["loc"]) for error in errors]
    for loc, value, hint in loose:
        if not any(found[: len(loc)] == loc for found in flagged):  # not named by pydantic already
            problems.append(
                f"{where}: {prefix}{_key_path(loc)}: expected {_type_name(hint)}, got {_show(value)}"
            )
    if problems:
        raise ConfigError("\n".join(dict.fromkeys(problems)))
    if config.max_file_size < 1:  # every file would be "too large": nothing linted, exit 0
        raise ConfigError(
            f"{where}: {prefix}max-file-size: must be at least 1 (bytes), not {config.max_file_size}"
        )
    if config.max_file_size > MAX_FILE_SIZE_LIMIT:  # a read of that many bytes cannot be asked for
        raise ConfigError(
            f"{where}: {prefix}max-file-size: must be at most {MAX_FILE_SIZE_LIMIT} (bytes),"
            f" not {config.max_file_size}"
        )
    if config.timezone is not None:
        problem = _check_timezone(config.timezone)
        if problem:
            raise ConfigError(f"{where}: {prefix}timezone: {problem}")
    if config.source_field is not None and not config.source_field.strip():
        # An empty name would silently mean the default `source`: a bad value names its key.
        raise ConfigError(
            f"{where}: {prefix}source-field: expected a front-matter key,"
            f" got {_show(config.source_field)}"
        )
    _check_globs(config, where, prefix)
    _check_links(config.links, where, prefix)
    return config


# The largest `max-file-size`: a file is read with `read(max-file-size + 1)`, whose size must fit
# a C `ssize_t` (a larger number is an OverflowError, not "no limit").
MAX_FILE_SIZE_LIMIT = 2**62


def _check_links(links: LinksConfig, where: str, prefix: str) -> None:
    """Check `[links]` values now (durations, regexes, limits), not only once a run checks links:
    a bad value is a configuration error whatever the command line asks for."""
    from newslint.linkcheck import LinkSettings

    try:
        LinkSettings.from_config(links)
    except ConfigError as err:  # "links.<key>: problem", named as the file spells it
        raise ConfigError(f"{where}: {prefix}{err}") from None


def display(path: Path | None) -> str:
    """A configuration file as messages name it: relative to the working directory when inside it."""
    if path is None:
        return "configuration"
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a link loop (Python < 3.13)
        return str(path)


def _times_as_text(value: Any) -> Any:
    """TOML date-times in rule options as the RFC 3339 text they are written in: a date-time
    option such as `date-future`'s `now` is a string (`now = 2025-02-08T09:55:35Z` means
    `now = "2025-02-08T09:55:35+00:00"`), and the configuration stays plain data."""
    if isinstance(value, dict):
        return {key: _times_as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_times_as_text(item) for item in value]
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return value


# Deeper than any configuration means: the checks below (and the cache's key for a configuration)
# walk it recursively, and `tomllib` reads a `[a.a.a...]` header of 5,000 parts without descending.
MAX_CONFIG_DEPTH = 64


def _nested_deeper(data: Any, limit: int) -> bool:
    """Whether tables and arrays in `data` nest more than `limit` levels (walked without recursion)."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(value, dict):
            stack.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
    return False


def parse_config(
    data: dict[str, Any], source: Path | None = None, *, use_cache: bool = True
) -> Config:
    """`data` (read from `source`) validated; `use_cache` False (`--no-cache`) neither reads nor
    writes the validated form remembered in `.newslint_cache/`."""
    if _nested_deeper(data, MAX_CONFIG_DEPTH):
        raise ConfigError(
            f"{display(source)}: nested more than {MAX_CONFIG_DEPTH} levels deep; not read"
        )
    if isinstance(data.get("rules"), dict):
        data = {**data, "rules": _times_as_text(data["rules"])}
    where = display(source)
    prefix = "tool.newslint." if source is not None and source.name == "pyproject.toml" else ""
    if not data:
        config = Config()
    elif not use_cache:
        config = _validate(data, where, prefix)
    else:
        from newslint import cache

        remembered = cache.validated_config(data, source)
        if remembered is not None:
            config = Config.from_data(remembered)
        else:
            config = _validate(data, where, prefix)
            cache.remember_config(data, source, config.to_data())
    config.path = source
    return config


# A `[tool.newslint...]` header or a `tool.newslint.<key> = ...` line, found in a pyproject.toml
# that is not valid TOML: a broken newslint section must not silently mean the defaults.
_NEWSLINT_TABLE = re.compile(r"^[ \t]*\[?[ \t]*tool[ \t]*\.[ \t]*newslint\b", re.M)


def _is_file(path: Path) -> bool:
    """`path.is_file()`, False where the path cannot even be looked at (a name too long for the
    file system, a NUL in it) rather than an OSError or ValueError."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _is_dir(path: Path) -> bool:
    """`path.is_dir()`, False for a path that cannot be looked at (see `_is_file`): a path on
    the command line too long for the file system is then reported as not found."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def find_config(start: Path) -> Path | None:
    for directory in [start, *start.parents]:
        for name in ("newslint.toml", ".newslint.toml"):
            if _is_file(directory / name):
                return directory / name
        pyproject = directory / "pyproject.toml"
        if _is_file(pyproject):
            try:
                raw = pyproject.read_bytes()
            except OSError:
                return pyproject  # it may be newslint's: loading it reports why it cannot be read
            try:
                text = raw.decode("utf-8-sig")  # a byte order mark, as Windows editors write
            except UnicodeDecodeError:
                # Not UTF-8, so not TOML: newslint's if it has a newslint section (loading it
                # reports the error), rather than silently a parent's configuration or none.
                if _NEWSLINT_TABLE.search(raw.decode("utf-8", errors="replace")):
                    return pyproject
                continue
            import tomllib  # here: a run without a configuration file never needs it

            try:
                data = tomllib.loads(text)
            # ValueError: an integer of more digits than Python converts (4,300, a guard against
            # denial of service) is no TOMLDecodeError but a plain ValueError.
            except (ValueError, RecursionError):
                if _NEWSLINT_TABLE.search(text):
                    return pyproject  # meant for newslint: loading it reports the TOML error
                continue
            tool = data.get("tool")
            if isinstance(tool, dict) and "newslint" in tool:
                return pyproject
    return None


def nearest_config(
    paths: Sequence[Path], cwd: Path, warn: Callable[[str], None] | None = None
) -> Path | None:
    """The configuration file for a run over `paths`: as in ruff, the one nearest the files (found
    from each file's folder upward), else from `cwd` upward. newslint applies one configuration to
    a run, so when the files have different nearest files, the working directory's is used and
    `warn` is told."""
    # Thousands of files named by pre-commit share a few folders: each folder is looked at once.
    folders = dict.fromkeys(cwd / p if _is_dir(cwd / p) else (cwd / p).parent for p in paths)
    found: dict[Path, Path | None] = {}
    for folder in folders:
        start = Path(os.path.realpath(folder))  # `resolve` raises on a link loop
        while not _is_dir(start) and start != start.parent:  # a path that does not exist (yet)
            start = start.parent
        if start not in found:
            found[start] = find_config(start)
    configs = list(dict.fromkeys(found.values()))
    if len(configs) == 1:
        return configs[0]
    fallback = find_config(cwd.resolve())
    if configs and warn is not None:
        names = ", ".join(display(c) if c else "none" for c in configs)
        using = display(fallback) if fallback else "the defaults"
        warn(
            f"the files are configured by different files ({names}); using {using} for all"
            " (lint each project on its own)"
        )
    return fallback


def split_config_args(
    values: Sequence[str | os.PathLike[str]],
) -> tuple[Path | None, dict[str, Any]]:
    """`--config` values, as ruff reads them: each is a configuration file, or a TOML
    `KEY = VALUE` (keys as in newslint.toml) that overrides the configuration; one file at most.
    The overrides are checked here (`--config: ...` names them) and merged in the order given."""
    files: list[Path] = []
    overrides: dict[str, Any] = {}
    for value in values:
        text = os.fspath(value)
        if not text.strip():  # `Path("")` is ".": "cannot read: Is a directory" named "."
            raise ConfigError(f"--config {text!r}: empty; give a file or a KEY = VALUE")
        if "=" not in text or _is_file(Path(text)):
            files.append(Path(text))
            continue
        import tomllib

        try:
            data = tomllib.loads(text)
        except ValueError as err:  # TOMLDecodeError, or an integer of too many digits
            raise ConfigError(
                f"--config {text!r}: not a file, and not valid TOML: {_toml_problem(err)}"
            ) from None
        except RecursionError:
            raise ConfigError(f"--config {text!r}: not valid TOML: nested too deeply") from None
        _merge(overrides, data)
    if len(files) > 1:
        raise ConfigError(f"--config: one configuration file at most: {', '.join(map(str, files))}")
    if overrides:
        _validate(overrides, "--config")
    return (files[0] if files else None), overrides


def _merge(into: dict[str, Any], data: Mapping[str, Any]) -> None:
    """Merge `data` into `into`, table by table (a later value wins)."""
    for key, value in data.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


def load_config(
    path: Path | str | Sequence[str | os.PathLike[str]] | None = None,
    *,
    isolated: bool = False,
    cwd: Path | None = None,
    paths: Sequence[Path] = (),
    warn: Callable[[str], None] | None = None,
    use_cache: bool = True,
) -> Config:
    """The configuration: `path` (`--config`: a file, or a list of `--config` values, see
    `split_config_args`), else the file nearest `paths` (see `nearest_config`), else the
    defaults; `isolated` reads no file (`--config KEY = VALUE` still applies); `use_cache` False
    (`--no-cache`) leaves `.newslint_cache/` alone."""
    values: list[str | os.PathLike[str]] = (
        [] if path is None else [path] if isinstance(path, str | os.PathLike) else list(path)
    )
    path, overrides = split_config_args(values)
    if isolated:
        if path is not None:
            raise ConfigError(f"--config {path}: a configuration file cannot go with --isolated")
        return parse_config(overrides, None) if overrides else Config()
    if path is None:
        path = nearest_config(paths, cwd or Path.cwd(), warn)
        if path is None:
            return parse_config(overrides, None) if overrides else Config()
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(f"{display(path)}: tool: expected a table, got {_show(tool)}")
        data = tool.get("newslint", {})
        if not isinstance(data, dict):
            raise ConfigError(
                f"{display(path)}: tool.newslint: expected a table, got {_show(data)}"
            )
    if overrides:
        # The file is checked as written (its errors name it), then the overrides go on top.
        parse_config(data, path, use_cache=use_cache)
        _respell_rule_overrides(data.get("rules"), overrides.get("rules"))
        _merge(data, overrides)
    config = parse_config(data, path, use_cache=use_cache)
    if overrides:
        _anchor_override_patterns(config, overrides)
    return config


# The keys whose file patterns a `--config KEY = VALUE` gives from the working directory.
_PATTERN_KEYS = ("include", "exclude", "extend-exclude")


def _anchor_override_patterns(config: Config, overrides: Mapping[str, Any]) -> None:
    """Write the file patterns the `--config` overrides give (`include`, `exclude`,
    `extend-exclude`, `per-file-ignores`) from the working directory, as ruff reads them (ruff
    0.17: `--config 'extend-exclude = ["x/a.py"]'` run in `proj/x` leaves out `proj/x/x/a.py`,
    as `--extend-exclude x/a.py` does, where the same line in `proj/ruff.toml` leaves out
    `proj/x/a.py`); those of the file stay from its folder (`pattern_base`)."""
    if pattern_base(config) == os.getcwd():
        return  # the same folder: nothing to rewrite
    for key in _PATTERN_KEYS:
        given = _given(overrides, key)
        if isinstance(given, list):
            name = key.replace("-", "_")
            setattr(config, name, [override_pattern(p) for p in getattr(config, name)])
    given = _given(overrides, "per-file-ignores")
    if isinstance(given, dict):
        config.per_file_ignores = {
            override_pattern(pattern) if pattern in given else pattern: selectors
            for pattern, selectors in config.per_file_ignores.items()
        }


def override_pattern(pattern: str) -> str:
    """A file pattern of a `--config KEY = VALUE` override, anchored at the working directory
    (see `anchor_patterns`; `!` kept in front of a `per-file-ignores` pattern)."""
    negated = "!" if pattern.startswith("!") else ""
    return negated + anchor_patterns([pattern.removeprefix("!")], os.getcwd())[0]


def _read_toml(path: Path) -> dict[str, Any]:
    """The TOML document in the configuration file `path`, or a `ConfigError` naming the file.

    Only a regular file is read: a FIFO named by `--config` would be waited on forever, a device
    read without end."""
    import stat
    import tomllib

    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise ConfigError(f"{display(path)}: cannot read: Is a directory")  # as strerror
        if not stat.S_ISREG(mode):
            raise ConfigError(
                f"{display(path)}: cannot read: not a regular file (a pipe, socket or device)"
            )
        # "utf-8-sig": a UTF-8 byte order mark (Notepad's and PowerShell's default) is no
        # TOML but harmless; Hugo, Cargo and the TOML parsers of Go and Rust skip it too.
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as err:
        raise ConfigError(f"{display(path)}: cannot read: {err.strerror or err}") from None
    except UnicodeDecodeError as err:
        from newslint.textutil import undecodable

        raise ConfigError(f"{display(path)}: {undecodable(err)}") from None
    except ValueError as err:  # TOMLDecodeError, or an integer too long
        raise ConfigError(f"{display(path)}: not valid TOML: {_toml_problem(err)}") from None
    except RecursionError:  # tomllib descends once per nested array or inline table
        raise ConfigError(f"{display(path)}: not valid TOML: nested too deeply") from None


def _toml_problem(err: ValueError) -> str:
    """What is wrong with TOML that `tomllib.loads` (or the UTF-8 decoding before it) refused.
    Besides its own errors it lets through the plain ValueError of an integer of more digits than
    Python converts from text (4,300, a guard against denial of service)."""
    import tomllib

    if isinstance(err, tomllib.TOMLDecodeError | UnicodeDecodeError):
        return str(err)
    return "a number of more than 4,300 digits"


def _respell_rule_overrides(written: Any, overrides: Any) -> None:
    """Make `--config 'rules.<key>.<option> = ...'` override the file's table of that rule and its
    option however each spells them: the rule by code or by name (`[rules.TX002]` in the file,
    `rules.summary-length.min` on the command line), the option in kebab- or snake_case. Else
    merging would leave two tables for one rule (an error) or the option set twice (an error)."""
    if not isinstance(written, dict) or not isinstance(overrides, dict):
        return
    if any(key not in written for key in overrides):
        from newslint.registry import RegistryError, load_registry

        try:  # the installed rules (a plugin folder of the file's is not loaded for this)
            rules = load_registry().rules
        except RegistryError:
            rules = []
        spellings = rule_spellings(rules)
        for key in [k for k in overrides if k not in written and str(k).lower() in spellings]:
            same = [k for k in written if spellings.get(str(k).lower()) is spellings[key.lower()]]
            if same:
                overrides[same[0]] = overrides.pop(key)
    for key, settings in overrides.items():
        table = written.get(key)
        if isinstance(table, dict) and isinstance(settings, dict):
            for option in settings:
                for other in [k for k in table if k != option]:
                    if str(other).replace("_", "-") == str(option).replace("_", "-"):
                        del table[other]


# --------------------------------------------------------------- checks that need the rules

KNOWN_PRESETS = ("hugo", "news", "mainroad")
_CODE_LIKE = re.compile(r"^[A-Za-z]{2}\d{0,3}$")


# What newslint itself reports about a file it could not lint, or a crash: no rules, so nothing a
# selection turns on or off (the output shows their codes, so users try), and what to do instead.
_NOT_RULES = {
    "NL000": ("internal-error", "a rule crashed, which is a bug to report"),
    "NL002": ("unreadable-file", "exclude the file"),
    "NL003": ("file-too-large", "exclude the file or raise max-file-size"),
}


def not_a_rule(word: str) -> str:
    """` (file-too-large, NL003, is reported by newslint itself, ...)` when `word` names one of
    `_NOT_RULES` by code or name, else empty."""
    for code, (name, instead) in _NOT_RULES.items():
        if word.upper() == code or word.lower() == name:
            return (
                f" ({name}, {code}, is reported by newslint itself, not by a rule, whatever is"
                f" selected: {instead})"
            )
    return ""


def suggest_rule(word: str, rules: Sequence[Any]) -> str:
    """` (did you mean 'DT001'?)` for a mistyped code, prefix or rule name, else empty."""
    if not word:
        return (
            " (an empty selector: as in ruff, an empty value does not stand for the default"
            " selection)"
        )
    if note := not_a_rule(word):
        return note
    if len(word) == 1 and word.isascii() and word.isalpha():
        # A prefix is at least a group's two letters (`DT`): one letter would span groups that
        # have nothing in common (ruff takes `D` as a linter's name, which newslint has none of).
        groups = sorted({r.code[:2] for r in rules if r.code[:1] == word.upper()})
        return (
            f" (a prefix is at least the two letters of a group: {', '.join(groups)})"
            if groups
            else ""
        )
    if _CODE_LIKE.match(word):
        upper = word.upper()
        # A code written without its leading zeros ("FM4", "FM04" for FM004): as close to FM014
        # by letters, but the number says which.
        padded = upper[:2] + upper[2:].zfill(3)
        if len(upper) > 2 and any(r.code == padded for r in rules):
            return f" (did you mean {padded!r}?)"
        same = [r.code for r in rules if r.code[:2] == upper[:2]]
        if same:
            return _did_you_mean(upper, same)
        # A mistyped letter: same digits and the other letter in its place ("DX001" -> "DT001").
        close = [
            r.code
            for r in rules
            if r.code[2:] == upper[2:] and (r.code[0] == upper[0] or r.code[1] == upper[1])
        ]
        return f" (did you mean {close[0]!r}?)" if len(close) == 1 else ""
    if re.fullmatch(r"[A-Za-z]{2}\d{3}\w", word):  # a code with a character too many: DT001X
        return _did_you_mean(word.upper()[:5], [r.code for r in rules])
    return _did_you_mean(word, [r.name for r in rules])


def _known_selector(selector: str, rules: Sequence[Any]) -> bool:
    from newslint.registry import matches

    return selector.upper() == "ALL" or any(matches(rule, selector) for rule in rules)


def _type_name(hint: Any) -> str:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        names = [_type_name(a) for a in args if a is not type(None)]
        return " or ".join(names) + (" (or omitted)" if type(None) in args else "")
    if origin is typing.Literal:
        return "one of " + ", ".join(_show(a) for a in args)
    if origin in (list, tuple, set, frozenset, collections.abc.Sequence):
        inner = args[0] if args else Any
        union = typing.get_origin(inner) in (typing.Union, types.UnionType)
        kinds = [k for k in typing.get_args(inner) if k is not type(None)] if union else [inner]
        names = [_type_name(k).removeprefix("a ").removeprefix("an ") + "s" for k in kinds]
        return "a list of " + " or ".join(names)  # `list[int | str]`: integers or strings
    if origin in (dict, collections.abc.Mapping):
        if len(args) == 2 and args[1] is not Any:
            return f"a table of {_type_name(args[1]).removeprefix('a ').removeprefix('an ')}s"
        return "a table"
    return {bool: "true or false", int: "an integer", float: "a number", str: "a string"}.get(
        hint, getattr(hint, "__name__", str(hint))
    )


def _fits(value: Any, hint: Any) -> bool:
    """Whether a TOML value fits a rule option's annotation (unknown annotations accept anything)."""
    if hint is Any or hint is object:
        return True
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_fits(value, a) for a in args)
    if hint is type(None):
        return value is None
    if origin is typing.Literal:
        return value in args
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is str:
        return isinstance(value, str)
    if origin in (list, tuple, set, frozenset, collections.abc.Sequence):
        if not isinstance(value, list | tuple):
            return False
        if origin is tuple and args and args[-1] is not Ellipsis:
            return len(value) == len(args) and all(map(_fits, value, args))
        inner = args[0] if args else Any
        return all(_fits(item, inner) for item in value)
    if origin in (dict, collections.abc.Mapping):
        if not isinstance(value, dict):
            return False
        key, item = args if len(args) == 2 else (Any, Any)
        return all(_fits(k, key) and _fits(v, item) for k, v in value.items())
    if isinstance(hint, type):
        return isinstance(value, hint)
    return True


def coerce_option(value: Any, hint: Any) -> Any:
    """A TOML value that `_fits` the option's annotation, as the annotation's own type: a list
    for `tuple[...]` becomes a tuple, for `frozenset[...]` a frozenset (recursively), so the
    frozen `Options` holds what it declares and can be hashed."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        for member in args:
            if _fits(value, member):
                return coerce_option(value, member)
        return value
    if origin in (list, tuple, set, frozenset, collections.abc.Sequence) and isinstance(
        value, list | tuple
    ):
        if origin is tuple and args and args[-1] is not Ellipsis:
            items = [coerce_option(v, a) for v, a in zip(value, args, strict=False)]
        else:
            items = [coerce_option(v, args[0] if args else Any) for v in value]
        container = {tuple: tuple, set: set, frozenset: frozenset}.get(origin, list)
        return container(items)
    if origin in (dict, collections.abc.Mapping) and isinstance(value, dict) and len(args) == 2:
        return {k: coerce_option(v, args[1]) for k, v in value.items()}
    return value


def check_options(rule: Any, settings: Any, label: str) -> list[str]:
    """Problems with `[rules.<name>]` settings for `rule`; `label` names the table in messages."""
    from newslint.rule import Severity

    if not isinstance(settings, dict):
        return [f"{label}: expected a table, got {_show(settings)}"]
    problems = []
    given: dict[str, str] = {}  # field name -> the key that set it
    fields = {f.name.replace("_", "-"): f.name for f in dataclasses.fields(rule.Options)}
    try:
        hints = typing.get_type_hints(rule.Options)
    except Exception:  # an annotation that cannot be resolved: check names only
        hints = {}
    for key, value in settings.items():
        if key == "severity":
            try:
                Severity.parse(value)
            except ValueError:
                hint = _did_you_mean(str(value), ["error", "warning", "info"])
                problems.append(
                    f"{label}.severity: expected one of 'error', 'warning', 'info', "
                    f"got {_show(value)}{hint}"
                )
            continue
        name = fields.get(key) or (key if key in fields.values() else None)
        if name is not None and name in given:
            problems.append(
                f"{label}: option {name.replace('_', '-')!r} is given twice"
                f" (as {given[name]!r} and {key!r})"
            )
            continue
        if name is not None:
            given[name] = key
        if name is None:
            known = ", ".join(sorted(fields)) or "none"
            hint = _did_you_mean(key, [*fields, "severity"])
            problems.append(f"{label}: unknown option {key!r} (options: {known}){hint}")
        elif name in hints and not _fits(value, hints[name]):
            problems.append(
                f"{label}.{key}: expected {_type_name(hints[name])}, got {_show(value)}"
            )
    if not problems:
        # The rule's own checks of its values (`__post_init__`), now, with the file named: not
        # only when the rule runs, and also for a rule this run leaves off.
        kwargs = {
            name: coerce_option(settings[key], hints.get(name)) for name, key in given.items()
        }
        try:
            rule.Options(**kwargs)
        except (TypeError, ValueError) as err:
            problems.append(f"{label}: {err}")
    return problems


def _given(overrides: Mapping[str, Any], *keys: str) -> Any:
    """What the `--config` overrides set at `keys` (kebab- or snake_case alike), else None."""
    node: Any = overrides
    for key in keys:
        if not isinstance(node, dict):
            return None
        node = next((v for k, v in node.items() if _same_key(k, key)), None)
    return node


def _dict_keys(value: Any) -> list[Any]:
    return list(value) if isinstance(value, dict) else []


def rule_spellings(rules: Sequence[Any]) -> dict[str, Any]:
    """Each rule by its code and its name in lower case: a `[rules.<key>]` table names its rule in
    any case (`[rules.tx002]`, `[rules.Summary-Length]`), as `select`, `ignore` and suppression
    comments do. Look a key up as `str(key).lower()`."""
    return {key.lower(): rule for rule in rules for key in (rule.code, rule.name)}


def _same_key(one: Any, other: Any) -> bool:
    return str(one).replace("_", "-") == str(other).replace("_", "-")


def check_rules(
    config: Config,
    rules: Sequence[Any],
    cli: Mapping[str, Sequence[str]] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> None:
    """Check every rule the configuration and the command line name; raise `ConfigError` listing
    each unknown rule, option, severity or preset with the file, the key and a did-you-mean.

    `overrides` are the `--config KEY = VALUE` settings merged into `config` (see
    `split_config_args`): a mistake in one of them names `--config`, not the file beside it."""
    file_where = display(config.path)
    file_prefix = (
        "tool.newslint." if config.path is not None and config.path.name == "pyproject.toml" else ""
    )
    overrides = overrides or {}

    def origin(*keys: str) -> tuple[str, str]:
        """The `where` and key prefix of the setting at `keys`: the command line's or the file's."""
        return (
            ("--config", "") if _given(overrides, *keys) is not None else (file_where, file_prefix)
        )

    where, prefix = file_where, file_prefix
    problems: list[str] = []
    for key in ("select", "extend-select", "ignore"):
        where, prefix = origin(key)
        for number, selector in enumerate(getattr(config, key.replace("-", "_"))):
            if not _known_selector(selector, rules):
                problems.append(
                    f"{where}: {prefix}{key}[{number}]: unknown rule or prefix {selector!r}"
                    + suggest_rule(selector, rules)
                )
    given_patterns = _dict_keys(_given(overrides, "per-file-ignores"))
    for pattern, selectors in config.per_file_ignores.items():
        # as written: `load_config` anchors a `--config` pattern at the working directory
        pattern = next((p for p in given_patterns if override_pattern(p) == pattern), pattern)
        where, prefix = origin("per-file-ignores", pattern)
        for number, selector in enumerate(selectors):
            if not _known_selector(selector, rules):
                problems.append(
                    f"{where}: {prefix}{_key_path(['per_file_ignores', pattern, number])}: "
                    f"unknown rule or prefix {selector!r}{suggest_rule(selector, rules)}"
                )
    where, prefix = file_where, file_prefix
    spellings = rule_spellings(rules)
    tables: dict[Any, str] = {}  # rule -> the first [rules.<key>] table naming it
    for name in config.rules:
        rule = spellings.get(str(name).lower())
        if rule is None:
            continue
        if rule in tables:
            both_given = {tables[rule], name} <= {*_dict_keys(_given(overrides, "rules"))}
            w, p = ("--config", "") if both_given else (where, prefix)
            first, second = (f"{p}{_key_path(['rules', key])}" for key in (tables[rule], name))
            problems.append(
                f"{w}: {first} and {second} configure the same rule"
                f" ({rule.name}, {rule.code}): write one table"
            )
        tables.setdefault(rule, name)
    given_rules = {k: _given(overrides, "rules", k) for k in _dict_keys(_given(overrides, "rules"))}
    for name, settings in config.rules.items():
        label = f"{where}: {prefix}{_key_path(['rules', name])}"
        rule = spellings.get(str(name).lower())
        # The command line's table of this rule (it may spell the rule the other way).
        table = next(
            (
                t
                for k, t in given_rules.items()
                if k == name or (rule and spellings.get(str(k).lower()) is rule)
            ),
            None,
        )
        cli_label = f"--config: {_key_path(['rules', name])}"
        if rule is None:
            label = cli_label if table is not None else label
            problems.append(f"{label}: unknown rule {name!r}{suggest_rule(name, rules)}")
        elif isinstance(table, dict) and isinstance(settings, dict):
            on_cli = {k: v for k, v in settings.items() if any(_same_key(k, o) for o in table)}
            written = {k: v for k, v in settings.items() if k not in on_cli}
            found = check_options(rule, on_cli, cli_label) + check_options(rule, written, label)
            # Each part is fine alone: the rule's own checks of the two together.
            problems.extend(found or check_options(rule, settings, cli_label))
        else:
            problems.extend(check_options(rule, settings, label))
    where, prefix = origin("presets")
    presets = sorted({*KNOWN_PRESETS, *(p for r in rules for p in r.presets)})
    for number, preset in enumerate(config.presets or ()):
        if preset not in presets:
            problems.append(
                f"{where}: {prefix}presets[{number}]: unknown preset {preset!r} "
                f"(presets: {', '.join(presets)}){_did_you_mean(preset, presets)}"
            )
    for flag, given in (cli or {}).items():
        for selector in given:
            if not _known_selector(selector, rules):
                problems.append(
                    f"{flag}: unknown rule or prefix {selector!r}{suggest_rule(selector, rules)}"
                )
    if problems:
        raise ConfigError("\n".join(problems))


# ----------------------------------------------------------------------------- rule selection


@dataclass(frozen=True)
class Selection:
    """One source of `select` / `extend-select` / `ignore`: the configuration file, or the command
    line. `select` is None when the source does not set it (an empty list counts as not set)."""

    select: Sequence[str] | None = None
    extend_select: Sequence[str] = ()
    ignore: Sequence[str] = ()


_ALL, _RULE = 0, 1_000


def specificity(selector: str, rules: Sequence[Any]) -> int:
    """How specific a selector is, as ruff ranks them: `ALL` least, then code prefixes by length
    (`DT` < `DT0` < `DT00`), then one rule (its full code or its name) most."""
    if selector.upper() == "ALL":
        return _ALL
    upper = selector.upper()
    if any(selector == r.name or upper == r.code for r in rules):
        return _RULE
    return len(selector)


def select_rules(rules: Sequence[Any], sources: Sequence[Selection]) -> list[Any]:
    """The rules enabled by `sources` (earliest first), resolved as ruff resolves them.

    The start is the rules enabled by default. Within one source, selectors apply from the least
    to the most specific, so `select = ["DT001"]` with `ignore = ["DT"]` keeps DT001 on, and at
    equal specificity `ignore` wins. A source that sets `select` replaces what came before (the
    command line's `--select` replaces the file's `select` and `ignore`); one that does not
    adjusts it (`--extend-select DT001` turns DT001 on even when the file ignores `DT`).
    """
    from newslint.registry import matches

    enabled = {rule: True for rule in rules if rule.default_enabled}
    for source in sources:
        updates: dict[Any, bool] = {}
        chosen = [*(source.select or ()), *source.extend_select]
        levels = sorted({specificity(s, rules) for s in [*chosen, *source.ignore]})
        for level in levels:
            for on, selectors in ((True, chosen), (False, source.ignore)):
                for selector in selectors:
                    if specificity(selector, rules) != level:
                        continue
                    for rule in rules:
                        if matches(rule, selector):
                            updates[rule] = on
        if source.select:
            enabled = {}
        enabled.update(updates)
    return [rule for rule in rules if enabled.get(rule)]


# ----------------------------------------------------------------------------- file patterns


# A `{...}` without braces inside; one written `[{]` or `[}]` (an escaped folder name) is literal.
_BRACES = re.compile(r"(?<!\[)\{([^{}]*)(?<!\[)\}")


def _expand_braces(pattern: str) -> list[str]:
    """`content/{news,blog}/*` -> `content/news/*`, `content/blog/*` (innermost braces first)."""
    found = _BRACES.search(pattern)
    if found is None:
        return [pattern]
    out: list[str] = []
    for choice in found.group(1).split(","):
        out.extend(_expand_braces(pattern[: found.start()] + choice + pattern[found.end() :]))
    return out


def _class_end(pattern: str, index: int) -> int:
    """Where the character class opened by the `[` at `index` closes (the index of its `]`), or
    -1 when it never does. A first `]`, after a negation `!` or `^`, is a member, as in fnmatch."""
    end = index + 1
    if end < len(pattern) and pattern[end] in "!^":
        end += 1
    if end < len(pattern) and pattern[end] == "]":
        end += 1
    return pattern.find("]", end)


def glob_problem(pattern: str) -> str | None:
    """Why `pattern` cannot mean what it says, as ruff (globset) rejects it, or None: an unclosed
    `[` (which `fnmatch` would read as a literal bracket), a reversed range such as `[z-a]`
    (which matches nothing) or an unbalanced `{`/`}` (which `_expand_braces` would read as
    literal characters). A bracket or brace meant literally is written `[[]`, `[{]` or `[}]`."""
    depth = 0
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "[":
            end = _class_end(pattern, index)
            if end == -1:
                return "unclosed character class; missing ']' (write '[[]' for a literal '[')"
            members = pattern[index + 1 : end]
            members = members[1:] if members[:1] in ("!", "^") else members
            for low, high in re.findall(r"(.)-(.)", members, re.DOTALL):
                if low > high:
                    return f"invalid range; {low!r} > {high!r}"
            index = end + 1
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            if depth == 0:
                return "unopened alternate group; missing '{' (write '[}]' for a literal '}')"
            depth -= 1
        index += 1
    if depth:
        return "unclosed alternate group; missing '}' (write '[{]' for a literal '{')"
    return None


def _check_globs(config: Config, where: str, prefix: str) -> None:
    """Reject a file pattern that cannot mean what it says (see `glob_problem`), naming its key:
    read literally it would silently match nothing, where ruff reports it."""
    named: list[tuple[str, str]] = [
        (key.replace("_", "-"), pattern)
        for key in ("include", "exclude", "extend_exclude")
        for pattern in getattr(config, key)
    ]
    named += [("per-file-ignores", pattern) for pattern in config.per_file_ignores]
    problems = []
    for key, pattern in named:
        problem = glob_problem(pattern.removeprefix("!") if key == "per-file-ignores" else pattern)
        if problem:
            problems.append(f"{where}: {prefix}{key}: {pattern!r} is not a glob: {problem}")
    if problems:
        raise ConfigError("\n".join(problems))


def caret_negation(pattern: str) -> str:
    """`pattern` with a character class negated by `^` (`[^a]`, as ruff's globset, git's
    gitignore and the shell read it) written with `!`, the only negation `fnmatch` knows: it
    reads `[^a]` as matching `^` or `a`. Brackets taken literally (`[[]`) are left alone."""
    if "[^" not in pattern:
        return pattern
    out: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char != "[":
            out.append(char)
            index += 1
            continue
        end = _class_end(pattern, index)
        if end == -1:
            out.append(pattern[index:])
            break
        members = pattern[index + 1 : end]
        if members.startswith("^"):
            members = "!" + members[1:]
        out.append("[" + members + "]")
        index = end + 1
    return "".join(out)


def posix_pattern(pattern: str) -> str:
    """`pattern` with `/` separators: a pattern written on Windows (`content\\archive\\**`) means
    the same files everywhere (on Windows `fnmatch` already reads `\\` as `/`, and these globs
    have no escape character to lose), and a trailing `/` (`content/drafts/`, as in .gitignore)
    means the folder's files rather than nothing."""
    pattern = pattern.replace("\\", "/")
    if pattern.endswith("/") and pattern.strip("/"):
        pattern += "**"
    return pattern


@functools.lru_cache(maxsize=1024)
def glob_variants(pattern: str) -> tuple[str, ...]:
    """The `fnmatch` patterns that together mean `pattern` as ruff's globs read it: braces are
    alternatives, `**/` also matches no folder at all, and a leading `./` is the folder itself.
    (`*` crosses `/`, in ruff as in `fnmatch`; see `posix_pattern` for `\\` and a final `/`.)"""
    pattern = caret_negation(posix_pattern(pattern))
    while pattern.startswith("./"):
        pattern = pattern[2:]
    out: list[str] = []
    todo = _expand_braces(pattern)
    while todo:
        variant = todo.pop()
        if variant in out:
            continue
        out.append(variant)
        start = variant.find("**/")
        while start != -1:
            if start == 0 or variant[start - 1] == "/":
                todo.append(variant[:start] + variant[start + 3 :])
            start = variant.find("**/", start + 1)
    return tuple(out)


def pattern_base(config: Config) -> str:
    """The folder the configuration's file patterns start from: the configuration file's own
    folder (so a run from a subfolder means the same files), else the working directory."""
    if config.path is not None:
        return os.path.abspath(config.path.parent)
    return os.getcwd()


_ABSOLUTE = re.compile(r"^(/|[A-Za-z]:/)")


def anchor_patterns(patterns: Sequence[str], base: str) -> list[str]:
    """`patterns` written from `base`, as absolute patterns (a pattern without `/` matches names
    wherever they are and stays as it is), so they mean the same files from any folder."""
    import glob

    prefix = glob.escape(base.replace(os.sep, "/")).replace("{", "[{]").replace("}", "[}]")
    anchored = []
    for pattern in map(posix_pattern, patterns):
        while pattern.startswith("./"):
            pattern = pattern[2:]
        if "/" in pattern and not _ABSOLUTE.match(pattern):
            pattern = prefix.rstrip("/") + "/" + pattern
        anchored.append(pattern)
    return anchored


def exclude_patterns(config: Config, given: Sequence[str] = ()) -> list[str]:
    """The configuration's `exclude` and `extend-exclude` (from its folder) and `--exclude` globs
    (`given`, from the working directory), anchored (see `anchor_patterns`)."""
    return [
        *anchor_patterns([*config.exclude, *config.extend_exclude], pattern_base(config)),
        *anchor_patterns(given, os.getcwd()),
    ]


def path_matches(path: str | os.PathLike[str], pattern: str, base: str) -> bool:
    """Whether `path` matches a file pattern of `exclude` or `per-file-ignores`, as in ruff: the
    pattern is matched against the file's name, and against its path from `base` (an absolute
    pattern against the absolute path). `dir/**` also matches the folder `dir` itself."""
    return any_matches(path, (pattern,), base)


def any_matches(path: str | os.PathLike[str], patterns: Sequence[str], base: str) -> bool:
    """Whether `path` matches one of `patterns` (see `path_matches`)."""
    import fnmatch

    full = os.path.abspath(path).replace(os.sep, "/")
    name = full.rpartition("/")[2]
    rel: str | None = None
    for pattern in patterns:
        for variant in glob_variants(pattern):
            if fnmatch.fnmatch(name, variant):
                return True
            if _ABSOLUTE.match(variant):
                target = full
            else:
                if rel is None:  # only for patterns not anchored by `anchor_patterns`
                    try:
                        rel = os.path.relpath(full, base).replace(os.sep, "/")
                    except ValueError:  # another drive (Windows)
                        rel = "../"
                if rel == ".." or rel.startswith("../"):
                    continue
                target = rel
            if fnmatch.fnmatch(target, variant):
                return True
            if variant.endswith("/**") and fnmatch.fnmatch(target, variant[:-3]):
                return True
    return False


def ignored_rules(path: str, per_file_ignores: Mapping[str, Sequence[str]], base: str) -> list[str]:
    """The selectors `per-file-ignores` ignores for `path`; a pattern starting with `!` applies
    to the files it does not match."""
    ignored: list[str] = []
    for pattern, selectors in per_file_ignores.items():
        negated = pattern.startswith("!")
        if path_matches(path, pattern[1:] if negated else pattern, base) != negated:
            ignored.extend(selectors)
    return ignored
