"""Site awareness: find a file's Hugo site and read what the rules need from its configuration.

The site root is the nearest directory (from the linted file upward) that holds `hugo.toml|yaml|json`,
`config.toml|yaml|json`, or a `config/_default/` folder (Hugo's configuration directory, whose
`params.*`, `languages.*`, `markup.*` ... files are merged under their own key). From it newslint
reads `theme` (also a theme imported as a Hugo module), `timeZone` (site-wide and per language),
`languages` with their `contentDir`, `defaultContentLanguage`, `buildFuture`,
`markup.goldmark.renderer.unsafe` and `taxonomies`. Hugo's keys are case-insensitive, and so is this
reader.

Widgets: with the theme on disk, the allowed sidebar widgets are the templates in
`layouts/partials/widgets/` (and Hugo 0.146's `layouts/_partials/widgets/`) of the site first and of
the theme, the union of both; without one, the built-in Mainroad list.

A broken configuration is reported once (`Site.errors`, printed by the CLI) and defaults are used
for whatever could not be read; an unknown `timeZone` (Hugo refuses to build) is reported the same
way and dates are then read as UTC.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

CONFIG_NAMES = (
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.yml",
    "config.json",
)
_SUFFIXES = (".toml", ".yaml", ".yml", ".json")
MAINROAD_WIDGETS = (
    "categories",
    "ddg-search",
    "languages",
    "recent",
    "search",
    "sidemenu",
    "social",
    "taglist",
)
DEFAULT_TAXONOMIES = {"category": "categories", "tag": "tags"}
_READ_ERRORS = (OSError, ValueError, tomllib.TOMLDecodeError, yaml.YAMLError, UnicodeDecodeError)


@dataclass
class Site:
    """What newslint knows of a Hugo site (defaults when there is none)."""

    root: Path | None = None
    config_path: Path | None = None
    theme: str | None = None
    time_zone: str | None = None
    languages: dict[str, str] = field(default_factory=dict)  # language -> contentDir (relative)
    default_language: str = "en"
    build_future: bool = False
    unsafe_html: bool = False
    taxonomies: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_TAXONOMIES))
    widgets: tuple[str, ...] = MAINROAD_WIDGETS
    widgets_from_theme: bool = False
    errors: list[str] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)
    # Every configured language, with or without its own contentDir (original spelling).
    language_names: tuple[str, ...] = ()
    # Per-language `timeZone` overrides (`[languages.en] timeZone = ...`).
    language_time_zones: dict[str, str] = field(default_factory=dict)

    @property
    def is_mainroad(self) -> bool:
        return bool(self.theme) and "mainroad" in str(self.theme).lower()

    def time_zone_for(self, language: str | None) -> str | None:
        """The `timeZone` Hugo uses for pages in `language`: the language's own, else the site's."""
        if language is not None:
            for name, zone in self.language_time_zones.items():
                if name.lower() == language.lower():
                    return zone
        return self.time_zone

    def content_dirs(self) -> list[Path]:
        if self.root is None:
            return []
        dirs = sorted({self.root / d for d in self.languages.values() if d})
        configured = str(self.raw.get("contentdir") or "content")
        if not dirs or len(self.languages) < len(self.language_names):
            # Languages without their own contentDir keep their content in the site's one.
            dirs = sorted({*dirs, self.root / configured})
        return [d for d in dirs if d.is_dir()]

    def _content_bases(self) -> list[tuple[str, Path]]:
        """(language, resolved contentDir), worked out once per site."""
        key = (self.root, tuple(self.languages.items()))
        cached = self.__dict__.get("_bases")
        if cached is None or cached[0] != key:
            root = self.root or Path(".")
            bases = [(lang, (root / d).resolve()) for lang, d in self.languages.items()]
            cached = self.__dict__["_bases"] = (key, bases)
        return cached[1]

    def _folder_language(self, folder: str, name: str) -> str | None:
        """The language whose contentDir holds `folder/name`; folders are resolved once each."""
        folders: dict[str, str] = self.__dict__.setdefault("_resolved_folders", {})
        resolved_folder = folders.get(folder)
        if resolved_folder is None:
            if len(folders) > 4096:
                folders.clear()
            resolved_folder = folders[folder] = os.path.realpath(folder or ".")
        resolved = os.path.join(resolved_folder, name)
        if os.path.islink(resolved):
            resolved = os.path.realpath(resolved)
        for language, base in self._content_bases():
            text = str(base)
            if resolved == text or resolved.startswith(text.rstrip(os.sep) + os.sep):
                return language
        return None

    def language_of(
        self, path: str | os.PathLike[str], front_matter_lang: Any = None
    ) -> str | None:
        """The article's language: its contentDir, its file name (`x.zh-CN.md`), or `lang`."""
        if self.root is not None and self.languages:
            folder, name = os.path.split(os.fspath(path))
            found = self._folder_language(folder, name)
            if found is not None:
                return found
        suffixes = Path(path).name.split(".")
        if len(suffixes) >= 3:
            candidate = suffixes[-2]
            known = {lang.lower(): lang for lang in (*self.language_names, *self.languages)}
            if candidate.lower() in known:
                return known[candidate.lower()]
            if _looks_like_language(candidate):
                return candidate
        if isinstance(front_matter_lang, list) and len(front_matter_lang) == 1:
            front_matter_lang = front_matter_lang[0]
        if isinstance(front_matter_lang, str) and _looks_like_language(front_matter_lang):
            return front_matter_lang
        if self.root is not None:
            return self.default_language
        return None


def _looks_like_language(tag: str) -> bool:
    parts = tag.split("-")
    return (
        2 <= len(parts[0]) <= 3
        and parts[0].isalpha()
        and all(p.isalnum() and len(p) <= 8 for p in parts)
    )


def _lower_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k).lower(): _lower_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_lower_keys(v) for v in value]
    return value


def _to_bool(value: Any) -> bool:
    """A configuration boolean the way Hugo reads it (cast.ToBool: "true", 1, ... count)."""
    if isinstance(value, str):
        return value.strip().lower() in ("1", "t", "true")
    return bool(value)


def _load(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix == ".toml":
        data: Any = tomllib.loads(text)
    elif path.suffix == ".json":
        data = json.loads(text)
    else:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ValueError("the configuration is not a map of keys")
    return data


def _config_dir_file(default_dir: Path) -> Path | None:
    """The main file of a `config/_default/` folder, else any configuration file in it."""
    for name in CONFIG_NAMES:
        if (default_dir / name).is_file():
            return default_dir / name
    others = sorted(p for p in default_dir.iterdir() if p.suffix in _SUFFIXES and p.is_file())
    return others[0] if others else None


def find_root(start: Path) -> tuple[Path, Path] | None:
    """(site root, config file) for the nearest site containing `start`."""
    current = start if start.is_dir() else start.parent
    for directory in [current, *current.parents]:
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file():
                return directory, candidate
        default_dir = directory / "config" / "_default"
        if default_dir.is_dir():
            found = _config_dir_file(default_dir)
            if found is not None:
                return directory, found
    return None


def _read_config(config_path: Path, errors: list[str]) -> dict[str, Any] | None:
    """The site configuration with config-directory parts merged in; None when unreadable."""
    in_config_dir = (
        config_path.parent.name == "_default" and config_path.parent.parent.name == "config"
    )
    main = config_path if config_path.stem in ("hugo", "config") else None
    raw: dict[str, Any] = {}
    if main is not None:
        try:
            raw = _load(main)
        except _READ_ERRORS as err:
            errors.append(f"{main}: cannot read the site configuration: {err}")
            return None
    if in_config_dir:
        # config/_default/params.toml is the `params` key, languages.yaml the `languages` key, ...
        for part in sorted(config_path.parent.iterdir()):
            stem = part.stem
            if part.suffix not in _SUFFIXES or stem in ("hugo", "config") or "." in stem:
                continue  # `params.en.toml` is a per-language file: not needed here
            try:
                raw[stem] = _load(part)
            except _READ_ERRORS as err:
                errors.append(f"{part}: cannot read: {err}")
    return raw


@lru_cache(maxsize=64)
def load_site(root: Path, config_path: Path) -> Site:
    site = Site(root=root, config_path=config_path)
    raw = _read_config(config_path, site.errors)
    if raw is None:
        site.widgets, site.widgets_from_theme = _widgets(root, None)
        return site
    data = _lower_keys(raw)
    site.raw = data
    site.theme = _theme(data)
    zone = data.get("timezone")
    if isinstance(zone, str) and zone:
        site.time_zone = _checked_zone(zone, "timeZone", config_path, site.errors)
    default_language = data.get("defaultcontentlanguage")
    if isinstance(default_language, str) and default_language:
        site.default_language = default_language
    _read_languages(site, raw, data, config_path)
    site.build_future = _to_bool(data.get("buildfuture", False))
    site.unsafe_html = _to_bool(_dig(data, "markup", "goldmark", "renderer", "unsafe") or False)
    taxonomies = data.get("taxonomies")
    if isinstance(taxonomies, dict):
        site.taxonomies = {str(k): str(v) for k, v in taxonomies.items() if v}
    site.widgets, site.widgets_from_theme = _widgets(root, site.theme)
    return site


def _dig(data: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _theme(data: dict[str, Any]) -> str | None:
    theme = data.get("theme")
    if isinstance(theme, list):
        theme = theme[0] if theme else None
    if theme:
        return str(theme)
    # A theme imported as a Hugo module: `[[module.imports]] path = "github.com/Vimux/Mainroad"`.
    imports = _dig(data, "module", "imports")
    if isinstance(imports, list):
        for item in imports:
            path = item.get("path") if isinstance(item, dict) else None
            if isinstance(path, str) and path:
                return path
    return None


def _checked_zone(zone: str, key: str, where: Path, errors: list[str]) -> str | None:
    """`zone` when the tz database knows it; else an error (Hugo refuses to build) and None."""
    if zone == "Local":
        return None  # the build machine's zone: unknown here, so dates are read as UTC
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        errors.append(f"{where}: {key} {zone!r} is not a known time zone (Hugo cannot build)")
        return None
    return zone


def _read_languages(site: Site, raw: dict[str, Any], data: dict[str, Any], where: Path) -> None:
    languages = data.get("languages")
    if not isinstance(languages, dict):
        return
    original = raw.get("languages")
    original_keys: dict[Any, Any] = original if isinstance(original, dict) else {}
    names: list[str] = []
    for name, settings in languages.items():
        # Keep the original spelling of the language key (`zh-CN`), which _lower_keys lost.
        spelled = next((str(k) for k in original_keys if str(k).lower() == name), name)
        names.append(spelled)
        if not isinstance(settings, dict):
            continue
        content_dir = settings.get("contentdir")
        if content_dir:
            site.languages[spelled] = str(content_dir)
        zone = settings.get("timezone")
        if isinstance(zone, str) and zone:
            checked = _checked_zone(zone, f"languages.{spelled}.timeZone", where, site.errors)
            if checked is not None:
                site.language_time_zones[spelled] = checked
    site.language_names = tuple(names)


def _widgets(root: Path, theme: str | None) -> tuple[tuple[str, ...], bool]:
    """Widget names of the site's layouts plus the theme's (the built-in list when the theme is
    not on disk), and whether the theme's were found on disk."""

    def names_in(base: Path) -> set[str] | None:
        found: set[str] | None = None
        for partials in ("partials", "_partials"):
            place = base / "layouts" / partials / "widgets"
            if place.is_dir():
                found = (found or set()) | {p.stem for p in place.glob("*.html")}
        return found

    theme_names: set[str] | None = None
    if theme:
        # themes/<name>, or a Hugo module vendored with `hugo mod vendor`.
        for base in (root / "themes" / theme, root / "_vendor" / theme):
            found = names_in(base)
            if found is not None:
                theme_names = (theme_names or set()) | found
    site_names = names_in(root) or set()
    names = site_names | (theme_names if theme_names is not None else set(MAINROAD_WIDGETS))
    return tuple(sorted(names)), theme_names is not None


def site_for(path: str | os.PathLike[str]) -> Site:
    """The site a file belongs to (cached per directory); a default `Site` when there is none."""
    if os.path.islink(path):
        # realpath, not Path.resolve: a symlink loop resolves as far as it goes instead of
        # raising, and reading the file then reports the loop.
        return _site_for_dir(os.path.dirname(os.path.realpath(path)))
    # Resolving once per folder, not per file: a path resolve is a syscall per component.
    return _site_for_dir(_real_dir(os.path.dirname(os.path.abspath(path))))


@lru_cache(maxsize=4096)
def _real_dir(directory: str) -> str:
    return str(Path(directory).resolve())


@lru_cache(maxsize=4096)
def _site_for_dir(directory: str) -> Site:
    found = find_root(Path(directory))
    if found is None:
        return Site()
    return load_site(*found)
