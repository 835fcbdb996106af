"""Site awareness: find a file's Hugo site and read what the rules need from its configuration.

The site root is the nearest directory (from the linted file upward) that holds `hugo.toml|yaml|json`,
`config.toml|yaml|json` or `config/_default/{hugo,config}.*`. A broken configuration is reported
once (`Site.errors`) and defaults are used.
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
    taxonomies: dict[str, str] = field(
        default_factory=lambda: {"category": "categories", "tag": "tags"}
    )
    widgets: tuple[str, ...] = MAINROAD_WIDGETS
    widgets_from_theme: bool = False
    errors: list[str] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def is_mainroad(self) -> bool:
        return bool(self.theme) and "mainroad" in str(self.theme).lower()

    def content_dirs(self) -> list[Path]:
        if self.root is None:
            return []
        dirs = sorted({self.root / d for d in self.languages.values()})
        if not dirs:
            dirs = [
                self.root / str(self.raw.get("contentDir", self.raw.get("contentdir", "content")))
            ]
        return [d for d in dirs if d.is_dir()]

    def language_of(
        self, path: str | os.PathLike[str], front_matter_lang: Any = None
    ) -> str | None:
        """The article's language: its contentDir, its file name (`x.zh-CN.md`), or `lang`."""
        resolved = Path(path).resolve()
        if self.root is not None:
            for language, content_dir in self.languages.items():
                base = (self.root / content_dir).resolve()
                if resolved == base or base in resolved.parents:
                    return language
        suffixes = Path(path).name.split(".")
        if len(suffixes) >= 3:
            candidate = suffixes[-2]
            known = {lang.lower(): lang for lang in self.languages}
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
    return value


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
            for name in CONFIG_NAMES:
                if (default_dir / name).is_file():
                    return directory, default_dir / name
    return None


@lru_cache(maxsize=64)
def load_site(root: Path, config_path: Path) -> Site:
    site = Site(root=root, config_path=config_path)
    try:
        raw = _load(config_path)
    except (
        OSError,
        ValueError,
        tomllib.TOMLDecodeError,
        yaml.YAMLError,
        UnicodeDecodeError,
    ) as err:
        site.errors.append(f"{config_path}: cannot read the site configuration: {err}")
        return site
    if config_path.parent.name == "_default":
        for extra in ("languages", "params", "markup"):
            for suffix in (".toml", ".yaml", ".yml", ".json"):
                part = config_path.parent / f"{extra}{suffix}"
                if part.is_file():
                    try:
                        raw[extra] = _load(part)
                    except (OSError, ValueError, tomllib.TOMLDecodeError, yaml.YAMLError) as err:
                        site.errors.append(f"{part}: cannot read: {err}")
    data = _lower_keys(raw)
    site.raw = data
    theme = data.get("theme")
    if isinstance(theme, list):
        theme = theme[0] if theme else None
    site.theme = str(theme) if theme else None
    zone = data.get("timezone")
    if isinstance(zone, str) and zone:
        site.time_zone = zone
    default_language = data.get("defaultcontentlanguage")
    if isinstance(default_language, str) and default_language:
        site.default_language = default_language
    languages = data.get("languages")
    if isinstance(languages, dict):
        for name, settings in languages.items():
            content_dir = settings.get("contentdir") if isinstance(settings, dict) else None
            # Keep the original spelling of the language key (`zh-CN`), which _lower_keys lost.
            original = next((k for k in raw.get("languages", {}) if str(k).lower() == name), name)
            site.languages[str(original)] = str(content_dir) if content_dir else ""
        site.languages = {k: v for k, v in site.languages.items() if v}
    site.build_future = bool(data.get("buildfuture", False))
    markup = data.get("markup", {})
    if isinstance(markup, dict):
        renderer = (
            markup.get("goldmark", {}).get("renderer", {})
            if isinstance(markup.get("goldmark"), dict)
            else {}
        )
        site.unsafe_html = bool(isinstance(renderer, dict) and renderer.get("unsafe", False))
    taxonomies = data.get("taxonomies")
    if isinstance(taxonomies, dict):
        site.taxonomies = {str(k): str(v) for k, v in taxonomies.items()}
    site.widgets, site.widgets_from_theme = _widgets(root, site.theme)
    return site


def _widgets(root: Path, theme: str | None) -> tuple[tuple[str, ...], bool]:
    names: set[str] = set()
    found = False
    places = [root / "layouts" / "partials" / "widgets"]
    if theme:
        places.append(root / "themes" / theme / "layouts" / "partials" / "widgets")
        places.append(root / "themes" / theme / "layouts" / "_partials" / "widgets")
    for place in places:
        if place.is_dir():
            found = True
            names.update(p.stem for p in place.glob("*.html"))
    if not found:
        return MAINROAD_WIDGETS, False
    return tuple(sorted(names)), True


def site_for(path: str | os.PathLike[str]) -> Site:
    """The site a file belongs to (cached per directory); a default `Site` when there is none."""
    return _site_for_dir(str(Path(path).resolve().parent))


@lru_cache(maxsize=4096)
def _site_for_dir(directory: str) -> Site:
    found = find_root(Path(directory))
    if found is None:
        return Site()
    return load_site(*found)
