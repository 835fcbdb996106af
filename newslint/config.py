"""Configuration: `[tool.newslint]` in pyproject.toml, or newslint.toml / .newslint.toml.

Found from the working directory upward. Validated with pydantic: an unknown key, a wrong type or an
unknown rule is a `ConfigError` naming the file and the key, with a did-you-mean where one is close.
"""

from __future__ import annotations

import difflib
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError


class ConfigError(Exception):
    """A configuration problem; the CLI prints it and exits 2."""


class LinksConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    check: bool = False
    timeout: float = 10.0
    concurrency: int = 64
    per_host: int = Field(4, alias="per-host")
    cache_ttl: str = Field("1d", alias="cache-ttl")
    failure_ttl: str = Field("1h", alias="failure-ttl")
    accept: list[int] = Field(default_factory=lambda: [200, 206])
    exclude: list[str] = Field(default_factory=list)
    only_source: bool = Field(False, alias="only-source")
    retries: int = 2
    no_private: bool = Field(False, alias="no-private")


class Config(BaseModel):
    """The effective configuration; field aliases are the documented kebab-case keys."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    include: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    select: list[str] = Field(default_factory=list)
    extend_select: list[str] = Field(default_factory=list, alias="extend-select")
    ignore: list[str] = Field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict, alias="per-file-ignores")
    fail_on: Literal["error", "warning", "info"] = Field("error", alias="fail-on")
    timezone: str | None = None
    presets: list[str] | None = None
    required: list[str] = Field(default_factory=list)
    allowed: dict[str, list[Any]] = Field(default_factory=dict)
    source_field: str | None = Field(None, alias="source-field")
    plugins: list[str] = Field(default_factory=list)
    max_file_size: int = Field(10_000_000, alias="max-file-size")
    rules: dict[str, dict[str, Any]] = Field(default_factory=dict)
    links: LinksConfig = Field(default_factory=LinksConfig)

    path: Path | None = Field(None, exclude=True)


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _keys_of(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items() if name != "path"]


def parse_config(data: dict[str, Any], source: Path | None = None) -> Config:
    where = str(source) if source else "configuration"
    try:
        config = Config.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        if first["type"] == "extra_forbidden":
            parent = first["loc"][0] if len(first["loc"]) > 1 else None
            keys = _keys_of(LinksConfig) if parent == "links" else _keys_of(Config)
            hint = _did_you_mean(str(first["loc"][-1]), keys)
            raise ConfigError(f"{where}: unknown key {loc!r}{hint}") from None
        raise ConfigError(f"{where}: {loc}: {first['msg']}") from None
    config.path = source
    return config


def find_config(start: Path) -> Path | None:
    for directory in [start, *start.parents]:
        for name in ("newslint.toml", ".newslint.toml"):
            if (directory / name).is_file():
                return directory / name
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file():
            try:
                data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError):
                continue
            if "newslint" in data.get("tool", {}):
                return pyproject
    return None


def load_config(
    path: Path | None = None, *, isolated: bool = False, cwd: Path | None = None
) -> Config:
    if isolated:
        return Config()
    if path is None:
        path = find_config((cwd or Path.cwd()).resolve())
        if path is None:
            return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise ConfigError(f"{path}: cannot read: {err.strerror}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: not valid TOML: {err}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("newslint", {})
    return parse_config(data, path)
