"""`newslint config` (the effective configuration) and `newslint init` (a commented starter file)."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

from newslint.config import Config, display

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.match(key) else json.dumps(key, ensure_ascii=False)


def toml_value(value: Any) -> str:
    """A TOML literal for a configuration value (strings, numbers, booleans, lists, tables)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        inner = ", ".join(f"{_toml_key(str(k))} = {toml_value(v)}" for k, v in value.items())
        return "{" + inner + "}"
    return json.dumps(str(value))


def _kebab(data: dict[str, Any]) -> dict[str, Any]:
    return {key.replace("_", "-"): value for key, value in data.items()}


def effective(config: Config) -> dict[str, Any]:
    """The configuration as its documented keys (kebab-case), without where it came from."""
    data = _kebab(config.to_data())
    data["links"] = _kebab(data["links"])
    return data


def render_toml(config: Config, notes: dict[str, str], enabled: list[str]) -> str:
    """The effective configuration as a standalone newslint.toml, with notes as comments."""
    data = effective(config)
    source = display(config.path) if config.path else None
    where = f"from {source}" if source else "(no configuration file: defaults)"
    lines = [f"# newslint configuration {where}", ""]
    tables = {k: data.pop(k) for k in ("per-file-ignores", "rules", "links")}
    for key, value in data.items():
        if value is None:
            lines.append(f"# {key}: not set{notes.get(key, '')}")
        else:
            lines.append(f"{key} = {toml_value(value)}")
    lines += ["", "[per-file-ignores]"]
    lines += [f"{_toml_key(k)} = {toml_value(v)}" for k, v in tables["per-file-ignores"].items()]
    for name, settings in tables["rules"].items():
        lines += ["", f"[rules.{_toml_key(name)}]"]
        if isinstance(settings, dict):
            lines += [f"{_toml_key(k)} = {toml_value(v)}" for k, v in settings.items()]
    lines += ["", "[links]"]
    for key, value in tables["links"].items():
        lines.append(f"# {key}: not set" if value is None else f"{key} = {toml_value(value)}")
    lines += ["", f"# enabled rules ({len(enabled)}): {', '.join(enabled)}"]
    return "\n".join(lines) + "\n"


def _site_notes() -> dict[str, str]:
    from newslint.site import find_root, load_site

    located = find_root(Path.cwd())
    if located is None:
        return {"timezone": " (no Hugo site here: UTC)", "presets": " (hugo, news)"}
    site = load_site(*located)
    zone = site.time_zone or "UTC"
    presets = "hugo, news, mainroad" if site.is_mainroad else "hugo, news"
    where = display(located[1])
    return {
        "timezone": f" (the site's timeZone from {where}: {zone})",
        "presets": f" (from the site's theme: {presets})",
    }


def _presets_here(config: Config) -> set[str]:
    """The presets a run in the working directory has on: the configuration's `presets`, else
    those of the Hugo site found from here (see `newslint.engine.active_presets`)."""
    from newslint.engine import DEFAULT_PRESETS, active_presets
    from newslint.site import find_root, load_site

    if config.presets is not None:
        return {*config.presets, "hugo"}
    located = find_root(Path.cwd())
    return set(active_presets(load_site(*located)) if located else DEFAULT_PRESETS)


def cmd_config(args: argparse.Namespace) -> int:
    from newslint.cli import UsageError, _load_config, _registry, _registry_exit
    from newslint.config import ConfigError, check_rules, split_config_args
    from newslint.engine import build_ruleset

    config = _load_config(args)
    registry = _registry(args.rules_dir, config)
    try:
        check_rules(config, registry.rules, overrides=split_config_args(args.config)[1])
        # `[links] check = true` turns the link rules on in every run, as `check` does it.
        checked_links: list[str] = []
        if config.links.check:
            from newslint.linkcheck import link_rules

            checked_links = link_rules(registry.rules, config, config.select)
        ruleset = build_ruleset(config, registry=registry, unless_ignored=checked_links)
    except ConfigError as err:
        raise UsageError(str(err)) from None
    # "The rules a run would enable": those selected whose preset is on for the site here (a
    # rule of the `mainroad` preset runs only on a Mainroad site, one of `news` not with
    # `presets = ["hugo"]`).
    presets = _presets_here(config)
    rules = [a.rule for a in ruleset.rules if not a.rule.presets or presets & set(a.rule.presets)]
    enabled = [f"{rule.code} {rule.name}" for rule in rules]
    if args.output_format == "json":
        data = {
            "path": display(config.path) if config.path else None,
            "config": effective(config),
            "enabled": [rule.code for rule in rules],
        }
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return _registry_exit(registry)
    print(render_toml(config, _site_notes(), enabled), end="")
    return _registry_exit(registry)


STARTER = """\
# newslint configuration. Every key is optional; `newslint config` prints the effective
# configuration, `newslint rules` lists the rules and `newslint rule NAME` documents one.

# Files to lint (globs relative to this file). Default: the Hugo site's content folders.
# include = ["content/**/*.md"]
# exclude = ["content/drafts/**"]

# Rules by code ("DT001"), code prefix ("DT") or name ("date-format"); "ALL" selects every rule.
# select = ["ALL"]
# extend-select = []
ignore = []

# Exit with 1 when a problem of this severity or above remains: "error", "warning" or "info".
fail-on = "error"

# Time zone of dates written without an offset. Default: the site's timeZone, else UTC.
# timezone = "{timezone}"

# Schema presets: "hugo" (always on), "news" (summary and source link required; on by default),
# "mainroad" (on when the site's theme is Mainroad). Setting it replaces what the site turns on.
# presets = {presets}

# Rules to ignore in some files (globs relative to this file; a leading "!" negates one).
[{table}per-file-ignores]
# "content/archive/**" = ["DT003"]

# Options and severity of one rule ("error", "warning" or "info"):
# [{table}rules.required-field]
# fields = ["title", "date", "summary"]
# severity = "error"

# Link checking (`newslint check --check-links`).
[{table}links]
# timeout = 10
# concurrency = 64
# per-host = 4
# cache-ttl = "1d"
# accept = [200, 206]
# exclude = ["^https://example\\\\.com/"]
"""


def starter(*, pyproject: bool = False) -> str:
    from newslint.site import find_root, load_site

    located = find_root(Path.cwd())
    site = load_site(*located) if located else None
    zone = (site.time_zone if site else None) or "Asia/Shanghai"
    # The line, uncommented, must keep what the site has on: Mainroad's rules on a Mainroad site.
    presets = '["hugo", "news", "mainroad"]' if site and site.is_mainroad else '["hugo", "news"]'
    text = STARTER.format(
        timezone=zone, table="tool.newslint." if pyproject else "", presets=presets
    )
    if pyproject:
        text = "[tool.newslint]\n" + text
    return text


def _configurations_in(folder: Path) -> list[Path]:
    """The newslint configurations in `folder`: newslint.toml, .newslint.toml, and a
    pyproject.toml that has a [tool.newslint] section (or looks like it has, if broken)."""
    from newslint.config import find_config

    found = [folder / n for n in ("newslint.toml", ".newslint.toml") if (folder / n).exists()]
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file() and not found and find_config(folder) == pyproject:
        found.append(pyproject)  # discovery's own test of a newslint section
    return found


def cmd_init(args: argparse.Namespace) -> int:
    from newslint.cli import EXIT_OK, UsageError

    target = Path(args.file)
    pyproject = target.name == "pyproject.toml"
    if target.suffix.lower() != ".toml":  # TOML in `x.yaml` would be read as nothing by anything
        raise UsageError(
            f"{target}: newslint's configuration is TOML; name the file *.toml (newslint.toml,"
            " .newslint.toml and pyproject.toml are found by themselves)"
        )
    # One configuration per folder: another one beside the target would shadow it (newslint.toml
    # and .newslint.toml come before pyproject.toml) or be shadowed by it.
    for other in _configurations_in(target.parent):
        if other.name != target.name:
            doing = (
                f"not adding [tool.newslint] to {target}" if pyproject else f"not writing {target}"
            )
            raise UsageError(f"{other} already configures newslint here; {doing}")
    if pyproject and target.exists():
        import tomllib

        if not target.is_file():  # a FIFO would be waited on forever, a folder is no file
            raise UsageError(f"{target}: not a regular file; not changed")
        try:
            raw = target.read_bytes()
            existing = raw.decode("utf-8")
            data = tomllib.loads(existing.removeprefix("\ufeff"))  # a BOM is kept, not parsed
        # ValueError: UnicodeDecodeError, TOMLDecodeError, or an integer too long to convert.
        except (OSError, ValueError) as err:
            raise UsageError(f"{target}: cannot read it as TOML: {err}") from None
        except RecursionError:  # tomllib descends once per nested array or inline table
            raise UsageError(f"{target}: cannot read it as TOML: nested too deeply") from None
        tool = data.get("tool", {})
        if not isinstance(tool, dict):  # `tool = 1`: a [tool.newslint] table cannot go in
            raise UsageError(f"{target}: 'tool' is not a table; not changed")
        if "newslint" in tool:
            raise UsageError(f"{target} already has a [tool.newslint] section; not changed")
        # The section is appended in the file's own line ending, and the bytes already there
        # are left as they are (no newline translation of a CRLF file, the BOM kept).
        first_break = re.search(r"\r\n|\n|\r", existing)
        newline = first_break.group() if first_break else "\n"
        plain = existing.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
        separator = (
            "" if plain.endswith("\n\n") or not plain else "\n" if plain.endswith("\n") else "\n\n"
        )
        addition = (separator + starter(pyproject=True)).replace("\n", newline)
        try:
            with target.open("ab") as stream:
                stream.write(addition.encode("utf-8"))
        except OSError as err:
            raise UsageError(f"{target}: cannot write: {err.strerror or err}") from None
        print(f"Added a [tool.newslint] section to {target}.")
        return EXIT_OK
    if target.exists():
        raise UsageError(f"{target} already exists; not overwritten")
    try:
        with target.open("x", encoding="utf-8") as stream:
            stream.write(starter(pyproject=pyproject))
    except FileExistsError:
        raise UsageError(f"{target} already exists; not overwritten") from None
    except OSError as err:
        raise UsageError(f"{target}: cannot write: {err.strerror or err}") from None
    print(f"Wrote {target}.")
    return EXIT_OK
