"""Site awareness: find a file's Hugo site and read what the rules need from its configuration.

The site root is the nearest directory (from the linted file upward) that holds
`hugo.toml|yaml|json`, `config.toml|yaml|json`, or a `config/_default/` folder (a `config.toml` with
Zola's top-level `base_url` and no `baseURL` is a Zola site's, not Hugo's: its files are linted as
outside a Hugo site, where Hugo's alias and shortcode rules do not apply). Outside any Hugo site,
the nearest Jekyll `_config.yml` above a file makes it a Jekyll site's, whose `future` is read
(`Site.jekyll_config`). The configuration is merged as Hugo merges it: the root file, then every
file under `config/_default/`, then under `config/<environment>/` (`HUGO_ENVIRONMENT`, else
`HUGO_ENV`, else `production`, what `hugo` builds), later files winning key by key; in the folders
`params.toml`, `languages.toml` ... go under their own key and `params.fr.toml` under
`languages.fr.params`. `HUGO_*` environment variables override keys last (`HUGO_TIMEZONE`). From it
newslint reads `theme` (also themes imported as Hugo modules), `timeZone` (site-wide and per
language), `languages` with their `contentDir` and `locale` (`languageCode` before Hugo 0.158),
`defaultContentLanguage`, `buildFuture`, `markup.goldmark.renderer.unsafe`, `taxonomies` and the
`[frontmatter]` date sources. Hugo's keys are case-insensitive, and so is this reader. TOML files
are read as TOML 1.1, as Hugo's go-toml v2 reads them (an inline table over several lines, `\\e`, a
time without seconds: the standard library's `tomllib` refuses them). YAML files are read as Hugo
reads them (`newslint.hugo_yaml`: `no`, `on` and `1:20` are text, not YAML 1.1's booleans and
numbers; a key written twice is an error), and a `buildFuture` Hugo cannot read as a boolean (`yes`)
is reported, as Hugo refuses to build. A theme component's own configuration (its
`hugo.*`/`config.*` and its `config/_default/` folder) gives its `theme` and `module.imports`, which
bring in the components it is built on (a child theme of Mainroad), and is merged into the site's as
Hugo merges it: `params` key by key (a theme's `[params.sidebar]` defaults), `outputFormats` and
`mediaTypes` name by name (Relearn's `print` format), the site's values winning; any other map only
where the site's asks with `_merge` (`markup: {_merge: deep}` on Hugo Blox sites gives the theme's
`goldmark.renderer.unsafe`). Hugo takes nothing else from a theme (checked with hugo 0.168). A theme
module that is not on disk then leaves raw HTML unknown, taken as allowed.

Per language: a language's table may set `timeZone`, `buildFuture`, `buildExpired`, `markup`,
`taxonomies` and `params` for its pages (`Site.time_zone_for`, `build_future_for`,
`build_expired_for`, `unsafe_html_for`, `taxonomies_for`); `buildExpired` is read site-wide too.
`tests/test_hugo_site_config.py` checks these readings, form by form, against hugo 0.168.

Content folders: each enabled language's own contentDir, and the site's `contentDir` (`content`)
while an enabled language has none of its own; a language's contentDir written as the site's is
written is none of its own (its pages are then in the default language: `_own_content_dirs`).
Checked with hugo 0.168.

Content mounts: when the site's own `[[module.mounts]]` mount anything into `content`, those mounts
are Hugo's content folders and nothing else is (neither `content/` nor a language's `contentDir`:
checked with hugo 0.168). A mount is for one language when its `sites.matrix.languages` names one
(Hugo 0.153 on), or its older `lang` does; `target = "content/blog"` puts the folder's pages under
`/blog/`. Mounts into `static` replace `static/` (`staticDir`) the same way. A content mount's
`files` (and the older `includeFiles`/`excludeFiles`) decide which of its files are content
(`Mount.mounts`); a file in its source that no mount brings in is content Hugo never builds
(`Site.hugo_skips`).

Content Hugo never builds: `ignoreFiles` (regular expressions searched in each content file's and
folder's absolute path; a folder that matches is skipped whole) and `disableLanguages` (the
content of a language listed there: in its contentDir, or named for it, `x.fr.md`; Hugo compares
the entries with the lower-cased language keys, so `FR` disables nothing), or a language's own
`disabled = true`. Both may come from an
environment folder or `HUGO_IGNOREFILES` / `HUGO_DISABLELANGUAGES` (split at spaces, as Hugo
splits them). `Site.hugo_skips` tells discovery which files these are (`newslint.discover`).
Checked with hugo 0.168.

Widgets: with the theme on disk, the allowed sidebar widgets are the templates in
`layouts/partials/widgets/` (and Hugo 0.146's `layouts/_partials/widgets/`) of the site first and of
each theme component, the union of them all; without one, the built-in Mainroad list. A component
is looked for in the themes folder (`themesDir`, else `themes/`) and in `_vendor/` (`hugo mod
vendor`); a module only in Hugo's module cache is not found, and the built-in list stands in
for Mainroad itself. A component other than Mainroad that is not on disk (a child theme, a fork)
may bring widgets of its own: `Site.widgets_unseen` says so, and a name not in the list is then
not judged.
The same templates (every file under those `layouts/` folders) give `Site.template_params`: the
page parameters they read (`.Params.category`, `.Param "cover"`, `index .Params "toc"`), which
`unknown-field` takes for parameters on purpose.

A broken configuration is reported once (`Site.errors`, printed by the CLI) and defaults are used
for whatever could not be read; an unknown `timeZone` (Hugo refuses to build) is reported the same
way and dates are then read as UTC. So is a `languages` setting that names no language (null,
an empty `[languages]` table, an empty `config/_default/languages.toml`) or a language set to null:
hugo 0.168 stops with `invalid language configuration`.
"""

from __future__ import annotations

import copy
import os
import posixpath
import re
import unicodedata
import warnings
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

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
# Hugo's `[frontmatter]` defaults, with the aliases it adds after each key (pagemeta).
_DATE_ALIASES = {
    "date": (),
    "lastmod": ("modified",),
    "publishdate": ("pubdate", "published"),
    "expirydate": ("unpublishdate",),
}
_DATE_DEFAULTS = {
    "date": ("date", "publishdate", "lastmod"),
    "lastmod": (":git", "lastmod", "date", "publishdate"),
    "publishdate": ("publishdate", "date"),
    "expirydate": ("expirydate",),
}


def date_sources(configured: Any = None) -> dict[str, tuple[str, ...]]:
    """Hugo's date sources for a `[frontmatter]` table (None: the defaults), `:default` expanded
    and the aliases added, as `pagemeta.DecodeFrontMatterConfig` does."""
    out: dict[str, tuple[str, ...]] = {}
    table = configured if isinstance(configured, dict) else {}
    for target, defaults in _DATE_DEFAULTS.items():
        given = table.get(target, defaults)
        if isinstance(given, str):
            given = given.split()
        elif not isinstance(given, list | tuple):
            given = [given]
        keys: list[str] = []
        for item in (str(v).lower() for v in given):
            for key in defaults if item == ":default" else (item,):
                for one in (key, *_DATE_ALIASES.get(key, ())):
                    if one not in keys:
                        keys.append(one)
        out[target] = tuple(keys)
    return out


DEFAULT_DATE_SOURCES = date_sources()
# A Jekyll page's dates: Hugo's keys, less `published`, which Jekyll reads as its publish switch
# (`published: false` leaves the post out), never as a date.
JEKYLL_DATE_SOURCES = {
    target: tuple(key for key in keys if key != "published")
    for target, keys in DEFAULT_DATE_SOURCES.items()
}


def _read_errors() -> tuple[type[Exception], ...]:
    """What reading a configuration file may raise. Named in `except` clauses, which call it only
    when something was raised: PyYAML is imported only for a YAML file (`newslint.matter`)."""
    from newslint.matter import yaml

    # A TOML reader's TOMLDecodeError (tomli's or tomllib's) is a ValueError.
    return (OSError, ValueError, yaml.YAMLError, UnicodeDecodeError)


@dataclass(frozen=True)
class Mount:
    """A `[[module.mounts]]` entry of the site whose target lies in Hugo's content (or static)
    tree."""

    source: str  # as configured: relative to the site root, or absolute
    target: str  # the folder inside that tree, `/`-separated ("" for its root)
    language: str | None  # the one language its pages are in, when the mount names one
    # `includeFiles` and `excludeFiles`: globs over a file's path inside `source` (lower case).
    include_files: tuple[str, ...] = ()
    exclude_files: tuple[str, ...] = ()
    # `files` (Hugo 0.153 on): globs in order, `! ` before one that leaves out (lower case).
    files: tuple[str, ...] = ()

    @property
    def filtered(self) -> bool:
        return bool(self.files or self.include_files or self.exclude_files)

    def mounts(self, inner: str) -> bool:
        """Whether the mount brings in the file at `inner` (its `/`-separated path inside the
        source). Checked with hugo 0.168: the globs are matched without case against the path
        without a leading slash (`/news/*` and `news/*` are the same), `*` within one folder and
        `**` across folders. A file is mounted when it and each folder it lies in are:

        - with `files`, the first glob that matches decides (`! news/**` leaves out, `news/**`
          brings in; `!news` without the space is a glob like any other); where none matches, a
          list with a glob that brings in leaves the path out, one of `! ` globs only brings it in;
        - else with `includeFiles` only what they match (`excludeFiles` is then not read);
        - else all but what `excludeFiles` matches (`drafts` leaves out everything below it).

        A folder is also entered when it leads to what a glob that brings in names: the folders
        of `news/sub/*.md` are `news` and `news/sub` (`**` in them: any folder); `*.md` and
        `**.md` name no folder, so they bring in the files of the source's own folder only."""
        patterns = self._patterns()
        parts = inner.lower().split("/")
        return all(
            _mount_decides(patterns, "/".join(parts[: i + 1]), i < len(parts) - 1)
            for i in range(len(parts))
        )

    def _patterns(self) -> tuple[tuple[bool, str], ...]:
        """(brings in, glob) in order, as `mounts` reads them."""
        if self.files:
            return tuple(
                (False, glob[2:].strip()) if glob.startswith("! ") else (True, glob)
                for glob in self.files
            )
        if self.include_files:
            return tuple((True, glob) for glob in self.include_files)
        return tuple((False, glob) for glob in self.exclude_files)


def _mount_decides(patterns: tuple[tuple[bool, str], ...], path: str, is_dir: bool) -> bool:
    """Whether a mount's globs (`Mount.mounts`) let the file or folder at `path` in."""
    from newslint.cascade import glob_regex

    for brings_in, glob in patterns:
        if glob_regex(glob, True).fullmatch(path):
            return brings_in
    positive = [glob for brings_in, glob in patterns if brings_in]
    if is_dir and positive:
        for glob in positive:
            folders = glob.split("/")[:-1]
            if any(
                glob_regex("/".join(folders[: i + 1]), True).fullmatch(path)
                for i in range(len(folders))
            ):
                return True
    return not positive


@dataclass
class Site:
    """What newslint knows of a Hugo site (defaults when there is none)."""

    root: Path | None = None
    config_path: Path | None = None
    theme: str | None = None
    time_zone: str | None = None
    # The `timeZone` as written when it cannot be used (`Local`, or a name the tz database lacks),
    # site-wide (key None) and per language: messages say why dates are read in UTC.
    unusable_time_zones: dict[str | None, str] = field(default_factory=dict)
    languages: dict[str, str] = field(default_factory=dict)  # language -> contentDir (relative)
    default_language: str = "en"
    build_future: bool = False
    # `buildExpired`: Hugo builds pages past their expiry date too.
    build_expired: bool = False
    # The build environment (`HUGO_ENVIRONMENT`, else `HUGO_ENV`, else `production`, what `hugo`
    # builds): a cascade's `target.environment` is matched against it.
    environment: str = "production"
    unsafe_html: bool = False
    taxonomies: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_TAXONOMIES))
    widgets: tuple[str, ...] = MAINROAD_WIDGETS
    widgets_from_theme: bool = False
    # A theme component other than Mainroad itself is not on disk (a submodule left out of the
    # checkout, a module in Hugo's cache): it may bring widgets `widgets` cannot list.
    widgets_unseen: bool = False
    errors: list[str] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)
    # Every configured language, with or without its own contentDir (original spelling).
    language_names: tuple[str, ...] = ()
    # Per-language `timeZone` overrides (`[languages.en] timeZone = ...`; "" for an empty one,
    # which is UTC, not the site's zone).
    language_time_zones: dict[str, str] = field(default_factory=dict)
    # Each language's `locale` (or the older `languageCode`); the site-level one is the default
    # language's. A monolingual Japanese site is often language "en" with `languageCode = "ja"`.
    language_locales: dict[str, str] = field(default_factory=dict)
    # Every theme component, in Hugo's order: `theme` (a name or a list) and `module.imports`.
    themes: tuple[str, ...] = ()
    # Hugo's `[frontmatter]` configuration: for each of the four dates, the front-matter keys
    # (lower case) and `:filename`, `:filemodtime`, `:git` it tries in order, `:default` expanded.
    date_sources: dict[str, tuple[str, ...]] = field(
        default_factory=lambda: dict(DEFAULT_DATE_SOURCES)
    )
    # `disableLanguages` as written (Hugo matches them against lower-cased language keys) and the
    # `ignoreFiles` patterns: content Hugo builds no page from (`hugo_skips`).
    disabled_languages: frozenset[str] = frozenset()
    ignore_files: tuple[re.Pattern[str], ...] = ()
    # The site's content mounts; when there are any, they replace `content/` and every contentDir.
    content_mounts: tuple[Mount, ...] = ()
    # Its static mounts; when there are any, they replace `static/` (`staticDir`).
    static_mounts: tuple[Mount, ...] = ()
    # The page parameters (lower case) the templates of the site and of its theme components on
    # disk read: `.Params.category`, `.Param "cover"`, `index .Params "toc"`, `"Params.type"` in a
    # `where`; not `.Site.Params.x`. A front-matter key read there is a parameter on purpose.
    template_params: frozenset[str] = frozenset()
    # Whether those templates may publish files of `assets/` with Hugo Pipes (one calls
    # `resources.`, or there are too many to read), and the paths with an extension they write
    # as string literals (`"css/style.css"` as a `targetPath`, a leading `/` left out).
    template_pipes: bool = False
    template_paths: frozenset[str] = frozenset()
    # Whether a template may publish a page's resources (it names `Resources`, or one of Hugo's
    # embedded templates that does: `opengraph`, `twitter_cards`, `schema`, `_internal/`), or
    # the templates cannot all be read (too many, or a mount into `layouts`).
    template_resources: bool = False
    # The site may lay pages of type `docs` out as documentation: its layouts or a theme
    # component's have a template for such pages (`layouts/docs/single.html`, `page.html` or
    # `baseof.html`, any output format, at any depth; also from a `[[module.mounts]]` into
    # `layouts`, as Doks mounts its own), or a component other than Mainroad or a mounted folder
    # is not on disk (its templates cannot be read). Without one, hugo 0.168 draws a `docs/` page with
    # the default templates, as any article (`rules._pages.documentation_page`).
    docs_layouts: bool = False
    # The names (lower case) of the shortcode templates of the site and of its theme components:
    # the files in their `layouts/shortcodes/` and `layouts/_shortcodes/` (Hugo 0.146's folder),
    # `gist.html` or `gist.en.html` giving `gist`, `sub/zz.html` giving `sub/zz` (not `sub`),
    # none from a backup or hidden file (`_add_shortcode_names`); a name there overrides Hugo's built-in (or
    # removed) shortcode of that name (checked with hugo 0.168). `shortcodes_unseen`: they could
    # not all be read (no configuration read, a component other than Mainroad, which has none, or
    # a `layouts` mount not on disk, a folder too large to list), so any shortcode may exist.
    shortcode_templates: frozenset[str] = frozenset()
    shortcodes_unseen: bool = True
    # The Hugo versions the site's builders are pinned to outside its configuration
    # (`HUGO_VERSION` in `netlify.toml`, `vercel.json`, `wrangler.toml`, `.gitlab-ci.yml` or a
    # GitHub workflow, `hugo-version:` of a workflow, a `.gitlab-ci.yml` Hugo image's tag), in
    # the site's folder and the folders above it up to its repository's root: `_pinned_hugo`.
    pinned_hugo: tuple[tuple[int, int, int], ...] = ()
    # Outside any Hugo site: the configuration of the Jekyll site the file lies in (the nearest
    # `_config.yml`, `_config.yaml` or `_config.toml` above it, the first of those names that
    # exists, as Jekyll looks), whose `future: true` has Jekyll publish future-dated posts; that
    # setting is `build_future` then (see `_jekyll_site`).
    jekyll_config: Path | None = None
    # The real absolute folders of that Jekyll site's collections other than posts (`collections`
    # in `collections_dir`): Jekyll dates their documents, and holds back future-dated ones, as it
    # does posts.
    jekyll_collections: tuple[str, ...] = ()
    # A Jekyll site's `excerpt_separator` (Jekyll's default: a blank line, the first paragraph is
    # the excerpt); None on a Hugo site.
    jekyll_excerpt_separator: str | None = None

    def hugo_skips(
        self, path: str | os.PathLike[str], *, is_dir: bool = False, folders: bool = True
    ) -> bool:
        """Whether Hugo builds nothing from the content file (or folder) at `path`.

        True when an `ignoreFiles` pattern matches its absolute path (a folder's without a
        trailing slash) or, with `folders`, the path of a folder it lies in below its content
        folder (Hugo does not enter a matching folder; a walk that checked them passes False);
        or when it is content of a disabled language only: it lies in the contentDir of disabled
        languages and of no enabled one, or (a file) its name carries a disabled language
        (`x.fr.md`). Checked with hugo 0.168, which skips `content/fr/x.en.md` too when `fr`,
        whose contentDir that is, is disabled.
        """
        filtered = self._filtered_mounts()
        if not (self.ignore_files or self.disabled_languages or filtered):
            return False
        absolute = os.path.abspath(path)
        if filtered and not is_dir and self._not_mounted(absolute, filtered):
            return True
        if self.ignore_files and any(
            pattern.search(one)
            for one in (absolute, *(self._folders_in_content(absolute) if folders else ()))
            for pattern in self.ignore_files
        ):
            return True
        if not self.disabled_languages or self.root is None:
            return False
        if not is_dir:
            parts = os.path.basename(absolute).split(".")
            named = parts[-2].lower() if len(parts) >= 3 else None
            if named in self.disabled_languages and named in self._known_languages():
                return True
        owners = self._content_owners(absolute)
        return bool(owners) and all(lang.lower() in self.disabled_languages for lang in owners)

    @property
    def skips_content(self) -> bool:
        """Whether `hugo_skips` can skip anything: `ignoreFiles`, disabled languages, or content
        mounts with `files`, `includeFiles` or `excludeFiles`."""
        return bool(self.ignore_files or self.disabled_languages or self._filtered_mounts())

    def _filtered_mounts(self) -> list[tuple[str, Mount]]:
        """(resolved source, mount) of each content mount with `files`, `includeFiles` or
        `excludeFiles`."""
        found = self.__dict__.get("_filtered")
        if found is None:
            found = self.__dict__["_filtered"] = [
                (_real((self.root or Path(".")) / m.source), m)
                for m in self.content_mounts
                if m.filtered
            ]
        return found

    def _not_mounted(self, absolute: str, filtered: list[tuple[str, Mount]]) -> bool:
        """Whether the file lies in the source of a filtered content mount and neither that mount
        nor any other brings it in (Hugo makes no page of it)."""
        real = self._resolved(absolute)
        holders = [
            (base, m) for base, m in filtered if real.startswith(base.rstrip(os.sep) + os.sep)
        ]
        if not holders:
            return False
        if any(
            real.startswith(_real((self.root or Path(".")) / m.source).rstrip(os.sep) + os.sep)
            for m in self.content_mounts
            if not m.filtered
        ):
            return False  # an unfiltered mount brings it in
        return not any(
            m.mounts(real[len(base.rstrip(os.sep)) + 1 :].replace(os.sep, "/"))
            for base, m in holders
        )

    def _folders_in_content(self, absolute: str) -> list[str]:
        """The folders `absolute` lies in, up to its content folder or the site root (neither
        included: Hugo matches `ignoreFiles` with what it finds inside its content folders)."""
        stops = {_real(self.root or "/")}
        stops.update(_real((self.root or Path("/")) / d) for d in self.languages.values())
        stops.update(_real(folder) for folder, _ in self._content_roots())
        stops.add(_real((self.root or Path("/")) / str(self.raw.get("contentdir") or "content")))
        found: list[str] = []
        folder = os.path.dirname(absolute)
        while folder != os.path.dirname(folder) and os.path.realpath(folder) not in stops:
            found.append(folder)
            folder = os.path.dirname(folder)
        return found

    def _content_owners(self, absolute: str) -> list[str]:
        """The languages whose own contentDir holds `absolute` (symlinks resolved)."""
        real = os.path.realpath(absolute)
        owners: list[str] = []
        for language, base, _ in self._content_bases():
            text = str(base)
            if real == text or real.startswith(text.rstrip(os.sep) + os.sep):
                owners.append(language or self.default_language)
        return owners

    @property
    def linkify(self) -> tuple[bool, str]:
        """Whether Goldmark links bare URLs (`markup.goldmark.extensions.linkify`, on by default),
        and the scheme it gives `www.` ones (`linkifyProtocol`, `https` by default)."""
        extensions = _dig(self.raw, "markup", "goldmark", "extensions")
        if not isinstance(extensions, dict):
            return True, "https"
        protocol = str(extensions.get("linkifyprotocol") or "https")
        return extensions.get("linkify", True) is not False, protocol

    @property
    def is_mainroad(self) -> bool:
        names = self.themes or ((self.theme,) if self.theme else ())
        return any("mainroad" in str(name).lower() for name in names)

    def locale_for(self, language: str | None) -> str | None:
        """The locale the text of a page in `language` is written in: the language's `locale`
        (`languageCode`) when the site sets one, else the language itself."""
        if language is not None:
            for name, locale in self.language_locales.items():
                if name.lower() == language.lower():
                    return locale
        return language

    def time_zone_for(self, language: str | None) -> str | None:
        """The `timeZone` Hugo uses for pages in `language`: the language's own, else the site's;
        None for UTC (a language's empty `timeZone = ""` too)."""
        if language is not None:
            for name, zone in self.language_time_zones.items():
                if name.lower() == language.lower():
                    return zone or None
        return self.time_zone

    def unusable_time_zone_for(self, language: str | None) -> str | None:
        """The `timeZone` written for `language`'s pages (its own, else the site's) when newslint
        cannot use it and reads their dates in UTC: `Local` or a zone the tz database lacks."""
        if language is not None:
            for name, zone in self.language_time_zones.items():
                if name.lower() == language.lower():
                    return self.unusable_time_zones.get(name) if not zone else None
            for written, unusable in self.unusable_time_zones.items():
                if written is not None and written.lower() == language.lower():
                    return unusable
        return self.unusable_time_zones.get(None) if self.time_zone is None else None

    def _language_settings(self, language: str | None) -> dict[str, Any]:
        """The language's own table (`[languages.fr]`, keys lower case), {} when it has none.
        Hugo reads most site keys there too, as that language's value (checked with hugo 0.168:
        `buildFuture`, `markup`, `taxonomies`, `params`, `timeZone`, `contentDir`)."""
        languages = self.raw.get("languages")
        if language is None or not isinstance(languages, dict):
            return {}
        # Asked several times for every page (taxonomies, permalinks, build options): looked up
        # once per language of the configuration's `languages` table.
        memo: tuple[dict[Any, Any], dict[str, dict[str, Any]]] | None = self.__dict__.get(
            "_language_tables"
        )
        if memo is None or memo[0] is not languages:
            memo = self.__dict__["_language_tables"] = (languages, {})
        found = memo[1].get(language)
        if found is None:
            found = {}
            wanted = language.lower()
            for key, settings in languages.items():
                if str(key).lower() == wanted and isinstance(settings, dict):
                    found = settings
                    break
            memo[1][language] = found
        return found

    def setting_for(self, language: str | None, key: str) -> Any:
        """The site key `key` (lower case) for pages in `language`: the language's own value
        (`[languages.fr]`), else the site's; None when neither sets it."""
        own = self._language_settings(language)
        return own[key] if key in own else self.raw.get(key)

    def build_future_for(self, language: str | None) -> bool:
        """`buildFuture` for pages in `language`: the language's own, else the site's (Hugo
        builds a French future page with `[languages.fr] buildFuture = true` only)."""
        own = self._language_settings(language).get("buildfuture")
        return _to_bool(own) if own is not None else self.build_future

    def date_sources_for(self, language: str | None) -> dict[str, tuple[str, ...]]:
        """Where pages in `language` take their dates from: the language's own `frontmatter`
        table, which replaces the site's whole (checked with hugo 0.168: `[languages.en.frontmatter]
        date = [":filename", ":default"]` dates `2020-01-02-x.md` from its name, and a language
        table that sets only `lastmod` leaves the site's `date` list unread), else the site's."""
        own = self._language_settings(language).get("frontmatter")
        return date_sources(own) if isinstance(own, dict) else self.date_sources

    def build_expired_for(self, language: str | None) -> bool:
        """`buildExpired` for pages in `language`: the language's own, else the site's."""
        own = self._language_settings(language).get("buildexpired")
        return _to_bool(own) if own is not None else self.build_expired

    def unsafe_html_for(self, language: str | None) -> bool:
        """`markup.goldmark.renderer.unsafe` for pages in `language`: the site's (`unsafe_html`)
        unless the language has a `markup` table of its own, which replaces the site's whole
        (checked with hugo 0.168: `[languages.fr.markup.highlight]` alone turns raw HTML off for
        French pages of a site that allows it), so only its own `unsafe` counts."""
        markup = self._language_settings(language).get("markup")
        if not isinstance(markup, dict):
            return self.unsafe_html
        return _to_bool(_dig(markup, "goldmark", "renderer", "unsafe") or False)

    def taxonomies_for(self, language: str | None) -> dict[str, str]:
        """The taxonomies (singular -> plural) of pages in `language`: the language's own table,
        which replaces the site's whole (not merged into it), else the site's."""
        own = self._language_settings(language).get("taxonomies")
        if isinstance(own, dict):
            return _taxonomy_table(own)
        return self.taxonomies

    def content_dir_for(self, language: str | None) -> str:
        """The contentDir of `language` as configured (relative to the root): its own, else the
        site's `contentDir`, else `content`."""
        if language is not None:
            for name, folder in self.languages.items():
                if name.lower() == language.lower():
                    return folder
        return str(self.raw.get("contentdir") or "content")

    def content_dirs(self) -> list[Path]:
        """The folders Hugo reads content from, those that exist: each enabled language's
        contentDir, and the site's own when a language has none (a disabled language's folder is
        left out); or the sources of the site's content mounts when it has any."""
        return sorted({folder for folder, _ in self._content_roots() if _is_dir(folder)})

    def unresolved_content_dirs(self) -> list[Path]:
        """The content folders the configuration names that are symbolic links leading nowhere:
        to nothing, or round in a loop. `content_dirs` leaves them out (no folder is there), so
        a run without paths must name them itself, or the site would pass with nothing linted."""
        found = set()
        for folder, _ in self._content_roots():
            try:
                if os.path.islink(folder) and not _is_dir(folder):
                    found.add(folder)
            except ValueError:  # a NUL in the configured name: no folder, no link
                continue
        return sorted(found)

    def template_sources(self) -> list[Path]:
        """The folders and files besides its configuration that reading the site looks at: the
        site's `layouts/` and each theme component's `layouts/`, `hugo.*`/`config.*` and
        `config/` (in the themes folder or `_vendor/`), whether they exist or not. Widget names,
        the parameters templates read, docs layouts and link render hooks come from them, so a
        watch reads the site again when one of their files is added, changed or removed."""
        if self.root is None:
            return []
        found = [self.root / "layouts"]
        themes_dir = _themes_dir(self.root, self.raw)
        for theme in self.themes:
            for base in _component_bases(self.root, themes_dir, theme):
                found += [base / "layouts", base / "config"]
                found += [base / name for name in CONFIG_NAMES]
        return found

    def tree_roots(self) -> list[Path]:
        """The folders whose files sit at the root of Hugo's content tree (the site's `content`,
        a language's contentDir, a mount into `content` itself), whether they exist or not."""
        return [folder for folder, where in self._content_roots() if not where.strip("/")]

    def _content_roots(self) -> list[tuple[Path, str]]:
        """(folder, where it sits in Hugo's content tree) for each folder the configuration makes
        Hugo read content from, whether it exists or not; only a content mount sits elsewhere
        than at the tree's root."""
        if self.root is None:
            return []
        # Asked several times per document (the cascade, link and URL rules): worked out once per
        # site, again only if what it is made of changes (a `Site` is a plain dataclass).
        key = (
            self.root,
            self.content_mounts,
            tuple(self.languages.items()),
            self.language_names,
            self.default_language,
            self.disabled_languages,
            self.raw.get("contentdir"),
        )
        cached = self.__dict__.get("_content_roots_memo")
        if cached is None or cached[0] != key:
            cached = self.__dict__["_content_roots_memo"] = (key, tuple(self._find_content_roots()))
        return list(cached[1])

    def _find_content_roots(self) -> list[tuple[Path, str]]:
        """`_content_roots`, worked out."""
        assert self.root is not None
        if self.content_mounts:
            return [
                (self.root / mount.source, mount.target)
                for mount in self.content_mounts
                if mount.language is None or mount.language.lower() not in self.disabled_languages
            ]
        own = self._own_content_dirs()
        names = self.language_names or tuple(self.languages) or (self.default_language,)
        enabled = [name for name in names if name.lower() not in self.disabled_languages]
        dirs = {self.root / own[name] for name in enabled if name in own}
        if not dirs or any(name not in own for name in enabled):
            # Enabled languages without a contentDir of their own keep their content in the
            # site's one; when none does (a disabled one aside), hugo 0.168 reads no page there.
            dirs.add(self.root / self._site_content_dir())
        return [(folder, "") for folder in sorted(dirs)]

    def _site_content_dir(self) -> str:
        """The site's `contentDir` as written (`content` by default)."""
        return str(self.raw.get("contentdir") or "content")

    def _own_content_dirs(self) -> dict[str, str]:
        """The languages with a contentDir of their own, and it, as hugo 0.168 mounts them: a
        contentDir written as the site's `contentDir` is written (`content` for a site that sets
        none) is not one of its own. That folder is then the site's shared one, whose pages are
        in the default language unless their file name says another (`x.fr.md`): French pages in
        `content` of a site whose default is English need `contentDir = "content/fr"` (or the
        `x.fr.md` name). The texts are compared, not the folders: `./content/` is a contentDir
        of its own, and Hugo then reads the folder twice, once for the language and once as the
        site's (each file is a page in both); newslint gives such a page the language's."""
        site_dir = self._site_content_dir()
        return {lang: d for lang, d in self.languages.items() if d and d != site_dir}

    def page_languages(self) -> PageLanguages:
        """What tells the language of a file in `all_content_roots` (`content_file_on_disk`)."""
        root = self.root or Path(".")
        own = {os.fspath(root / d): lang for lang, d in self._own_content_dirs().items()}
        if self.content_mounts:
            own = {os.fspath(root / m.source): m.language or "" for m in self.content_mounts}
        owners = tuple(own.get(folder, "").lower() for folder, _ in self.all_content_roots or ())
        names = tuple(name.lower() for name in self._known_languages())
        return PageLanguages(names, self.default_language.lower(), owners)

    def content_path(self, path: str | os.PathLike[str]) -> str | None:
        """Where the content file `path` sits in Hugo's content tree (`news/a.md`, `/`-separated;
        symlinks resolved), or None when it lies in no content folder. When folders nest, the
        deepest that holds it counts."""
        roots = self.__dict__.get("_real_roots")
        if roots is None:
            roots = [
                (_real(folder).rstrip(os.sep) + os.sep, target)
                for folder, target in self._content_roots()
            ]
            roots.sort(key=lambda root: -len(root[0]))  # the deepest first
            self.__dict__["_real_roots"] = roots
        real = self._resolved(os.fspath(path))
        for base, target in roots:
            if real.startswith(base):
                inner = real[len(base) :].replace(os.sep, "/")
                return f"{target}/{inner}" if target else inner
        return None

    @property
    def content_roots(self) -> tuple[tuple[str, str], ...]:
        """The site's content folders, each with its place in Hugo's content tree ("" for its
        root), as plain strings (they travel with what cross-file rules collect)."""
        roots = self._content_roots()
        memo = self.__dict__.get("_content_roots_memo")
        cached = self.__dict__.get("_content_root_strings")
        if memo is None or cached is None or cached[0] is not memo:
            strings = tuple((os.fspath(folder), target) for folder, target in roots)
            cached = self.__dict__["_content_root_strings"] = (memo, strings)
        return cached[1]

    @property
    def all_content_roots(self) -> tuple[tuple[str, str], ...] | None:
        """`content_roots` and the `content` folders of the site's theme components, which Hugo
        mounts into the content tree too; None when a module component (`github.com/x/y`) is not
        on disk (Hugo fetches it; its pages cannot be seen). A theme named by folder that is not
        there (a submodule left out of a checkout) is taken to have no content, as themes
        rarely do. Looked for once per site."""
        found = self.__dict__.get("_all_content_roots", False)
        if found is not False:
            return found
        roots: list[tuple[str, str]] | None = list(self.content_roots)
        if self.root is not None and self.themes:
            themes_dir = _themes_dir(self.root, self.raw)
            for name in self.themes:
                bases = _component_bases(self.root, themes_dir, name)
                if "/" in name and not any(_is_dir(base) for base in bases):
                    roots = None
                    break
                assert roots is not None
                # Both places, whether there or not: the disk is looked at when the run ends.
                roots.extend((os.fspath(base / "content"), "") for base in bases)
        found = None if roots is None else tuple(roots)
        self.__dict__["_all_content_roots"] = found
        return found

    @property
    def keeps_host_redirects(self) -> bool:
        """Whether the site keeps redirects for its host (`netlify.toml`, `_redirects`,
        `vercel.json` ... at its root or in its static folder): a link to a path no page has any
        more may be answered by one. Looked at on every call (a watch sees one added)."""
        if self.root is None:
            return False
        static = self.root / str(self.raw.get("staticdir") or "static")
        return any(
            os.path.exists(os.path.join(folder, name))
            for folder in (self.root, static)
            for name in _HOST_REDIRECT_FILES
        )

    @property
    def content_in_submodule(self) -> bool:
        """Whether the site's `.gitmodules` names a submodule inside one of its content folders
        (or holding one): a checkout without `--recurse-submodules` leaves it empty, so pages no
        file on disk shows may exist. Read on every call."""
        return self.root is not None and _content_submodule(self.root, self.all_content_roots or ())

    def publish_dir_holds(self, path: str) -> bool:
        """Whether the site's `publishDir` (`public`) in the repository holds a file or folder at
        the URL path `path`: Hugo leaves what it did not write there, and a host that serves the
        folder serves it too."""
        folder = self.raw.get("publishdir") or "public"
        if self.root is None or not isinstance(folder, str):
            return False
        return os.path.exists(os.path.join(self.root, folder, *path.split("/")))

    def file_folders(self, tree: str) -> tuple[tuple[str, str], ...] | None:
        """The folders whose files Hugo takes into its `tree` ("static" or "assets"), each with
        its place in that tree ("" for its root), as plain strings, whether they exist or not:
        the site's (`staticDir` or `assetDir`, a name or a list, the site's and each language's;
        the default folder; its mounts into `tree`) and each theme component's `tree` folder.
        More folders than Hugo reads (the default one beside mounts that replace it) only make a
        file found in more places. None when they cannot all be seen: a component not on disk (a
        module in Hugo's cache, a submodule left out of the checkout), one with mounts of its own,
        or a mount whose source is not on disk. Worked out once per site and tree."""
        memo: dict[str, tuple[tuple[str, str], ...] | None] = self.__dict__.setdefault(
            "_file_folders_memo", {}
        )
        if tree not in memo:
            memo[tree] = self._find_file_folders(tree)
        return memo[tree]

    def _find_file_folders(self, tree: str) -> tuple[tuple[str, str], ...] | None:
        if self.root is None:
            return None
        root = self.root
        key = "staticdir" if tree == "static" else "assetdir"
        names = [tree]
        tables = [self.raw] + [self._language_settings(name) for name in self.language_names]
        for table in tables:
            value = table.get(key)
            for name in value if isinstance(value, list) else [value]:
                if isinstance(name, str) and name.strip():
                    names.append(name)
        folders = [(os.fspath(root / name), "") for name in dict.fromkeys(names)]
        mounts = self.static_mounts if tree == "static" else _mounts(self.raw, {}, tree, {})
        for mount in mounts:
            source = root / mount.source
            if not _is_dir(source) and not _is_file(source):
                return None
            folders.append((os.fspath(source), mount.target))
        themes_dir = _themes_dir(root, self.raw)
        for name in self.themes:
            bases = [base for base in _component_bases(root, themes_dir, name) if _is_dir(base)]
            if not bases:
                return None
            for base in bases:
                config = _component_config(base)
                if config is not None and _dig(config, "module", "mounts"):
                    return None
                folders.append((os.fspath(base / tree), ""))
        return tuple(folders)

    def own_render_hook(self, kind: str) -> bool:
        """Whether the site or one of its theme components (in the themes folder or `_vendor/`)
        has a render hook template of `kind` (`render-image`, `render-link` at any depth of a
        `_markup` folder of its layouts); looked for once per kind."""
        memo: dict[str, bool] = self.__dict__.setdefault("_own_render_hooks", {})
        found = memo.get(kind)
        if found is None:
            found = False
            if self.root is not None:
                folders = [self.root / "layouts"]
                themes_dir = _themes_dir(self.root, self.raw)
                folders += [
                    base / "layouts"
                    for name in self.themes
                    for base in _component_bases(self.root, themes_dir, name)
                ]
                found = any(
                    next(folder.glob(f"**/_markup/render-{kind}*"), None) is not None
                    for folder in folders
                )
            memo[kind] = found
        return found

    def template_overridden(self, relative: str, theme: str) -> bool:
        """Whether a template other than theme `theme`'s own (`mainroad`, by `component_name`)
        may draw `relative` (`partials/post_thumbnail.html`): the site's `layouts/` has it (or
        `_partials/` for `partials/`, Hugo 0.146's folder), or another theme component is not on
        disk or has it. Looked at on every call (asked only when a page has such a field)."""
        if self.root is None:
            return True
        names = [relative]
        if relative.startswith("partials/"):
            names.append("_" + relative)
        folders = [self.root / "layouts"]
        themes_dir = _themes_dir(self.root, self.raw)
        for name in self.themes:
            if component_name(name) == theme:
                continue
            bases = [
                base for base in _component_bases(self.root, themes_dir, name) if _is_dir(base)
            ]
            if not bases:
                return True
            folders += [base / "layouts" for base in bases]
        return any(_present(folder / name) for folder in folders for name in names)

    def embedded_image_hook(self) -> bool:
        """Whether Hugo's own image render hook renders the site's Markdown images: as for links
        (`embedded_link_hook`), by `markup.goldmark.renderHooks.image` (`useEmbedded`, or the
        older `enableDefault`) and, by default, on a multilingual site whose languages share one
        host (checked with hugo 0.168: `![](photo.jpg)` in a French leaf bundle becomes
        `/news/story/photo.jpg`; on a multihost site it stays as written). It looks the
        destination up as a resource of the page, then of `assets/` (`/images/a.png` publishes
        `assets/images/a.png`), and leaves it as written when neither has it."""
        return self._embedded_hook("image")

    def section_of(self, folder: str) -> str | None:
        """The section of a page in the content folder `folder` (its path in the content tree,
        lower case: `news/2024/03`): the deepest folder on the way that is a section, the
        top-level one or one with an `_index` file (hugo 0.168: `news/deep/a.md` without
        `news/deep/_index.md` is in `news`, and `:sections` is `news`; with
        `news/deep/more/_index.md`, a page there is in `news/deep/more`). None when a folder on
        the way is in no content root. Each folder's listing is recorded for the cache."""
        parts = [part for part in folder.split("/") if part]
        if len(parts) < 2:
            return folder
        roots = self._content_roots() or [((self.root or Path(".")) / "content", "")]
        places: list[str] = []
        for content, inner in _inside(roots, parts[0]):
            places.append(str(content / inner) if inner else str(content))
        deepest = 1
        for depth, part in enumerate(parts[1:], start=2):
            following: list[str] = []
            for place in places:
                _record_listing(place)
                following.extend(
                    os.path.join(place, name) for name in _listing(place)[1].get(part, [])
                )
            places = [place for place in following if _is_dir(Path(place))]
            if not places:
                return None
            for place in places:
                _record_listing(place)
            if any("_index" in _listing(place)[0] for place in places):
                deepest = depth
        return "/".join(parts[:deepest])

    def has_content_folder(self, first: str) -> bool:
        """Whether `first` (lower case), a URL path's first segment, is a folder of the site's
        content (a section's path), as written or as hugo 0.168 writes it in URLs
        (`path_segment`: `Dealers & Artists` is `/dealers--artists/`), or a content mount's
        target starts with it."""
        for folder, target in self.content_roots:
            if target:
                if target.lower().partition("/")[0] == first:
                    return True
                continue
            try:
                with os.scandir(folder) as entries:
                    if any(
                        first in (e.name.lower(), path_segment(e.name)) and e.is_dir()
                        for e in entries
                    ):
                        return True
            except OSError:
                continue
        return False

    @property
    def link_render_hook(self) -> bool:
        """Whether a link render hook may rewrite the site's Markdown links: Hugo's own, on by
        default on a multilingual site or with `markup.goldmark.renderHooks.link.enableDefault`
        (`useEmbedded` "always" or "fallback" since Hugo 0.148), or a `render-link` template in the site's or its themes' layouts. Such a hook looks a
        relative destination up as a content path from the page's folder (`../budget/` in
        `fr/news/a.md` is `/fr/budget/` when that page exists), not as the browser would from
        the page's URL. Looked for once per site."""
        found = self.__dict__.get("_link_render_hook")
        if found is None:
            enabled = self._hook_table("link").get("enabledefault", {})
            found = len(self.language_names) > 1 or str(enabled).lower() == "true"
            found = found or self._hook_setting("link") in ("always", "fallback")
            self.__dict__["_link_render_hook"] = found or self.own_render_hook("link")
        return bool(self.__dict__["_link_render_hook"])

    @property
    def embedded_link_hook(self) -> bool:
        """Whether Hugo's own link render hook renders the site's Markdown links, which looks a
        destination up as a page (`GetPage`: `../budget.md#the-vote` is `/budget/#the-vote`).
        As hugo 0.168 does: `markup.goldmark.renderHooks.link.useEmbedded` "always"; "fallback"
        (or the `enableDefault = true` of Hugo 0.123 to 0.147) when the site and its themes have
        no `render-link` template; "auto", the default, also only on a multilingual site whose
        languages share one host (no language has its own `baseURL`, checked with hugo 0.168:
        a multihost site renders `budget.md#x` as it is). Never with "never"."""
        return self._embedded_hook("link")

    def _embedded_hook(self, kind: str) -> bool:
        """`embedded_link_hook` for `kind` "link", `embedded_image_hook` for "image": by the
        kind's `useEmbedded` setting and, for "auto", whether the site is multilingual on one
        host; never over a render hook of the site's or a theme's own."""
        setting = self._hook_setting(kind)
        if setting == "always":
            return True
        if setting == "never":
            return False
        if setting != "fallback":
            languages = self.raw.get("languages")
            tables = languages.values() if isinstance(languages, dict) else ()
            multihost = any(isinstance(t, dict) and t.get("baseurl") for t in tables)
            if len(self.language_names) < 2 or multihost:
                return False
        return not self.own_render_hook(kind)

    def _hook_setting(self, kind: str) -> str:
        """`useEmbedded` of the render hook `kind` lower case ("auto" when unset; "fallback" for
        `enableDefault = true`, what Hugo 0.148 says it became)."""
        table = self._hook_table(kind)
        setting = table.get("useembedded")
        if setting is None:
            return "fallback" if _to_bool(table.get("enabledefault", False)) else "auto"
        return str(setting).strip().lower()

    def _hook_table(self, kind: str) -> dict[str, Any]:
        """`markup.goldmark.renderHooks.<kind>` ({} when it is not a table)."""
        table: Any = self.raw.get("markup", {})
        for key in ("goldmark", "renderhooks", kind):
            table = table.get(key, {}) if isinstance(table, dict) else {}
        return table if isinstance(table, dict) else {}

    def url_segments(self, path: str) -> tuple[str, list[str]]:
        """The segments of the site URL path `path` (absolute) below `baseURL`'s path and a
        language prefix, and that prefix as written, lower case ("" when there is none). A site
        that lists no languages has its default one's prefix with
        `defaultContentLanguageInSubdir` (hugo 0.168 writes its pages below `/en/` then)."""
        segments = [part for part in posixpath.normpath(path).split("/") if part]
        base = [
            part for part in urlsplit(str(self.raw.get("baseurl") or "")).path.split("/") if part
        ]
        if base and segments[: len(base)] == base:
            segments = segments[len(base) :]
        names = self.language_names
        if not names and _to_bool(self.raw.get("defaultcontentlanguageinsubdir", False)):
            names = (self.default_language,)
        language = ""
        if segments and segments[0].lower() in {lang.lower() for lang in names}:
            language = segments.pop(0).lower()
        return language, segments

    def bundle_resource(self, page: str | os.PathLike[str]) -> bool:
        """Whether the content file `page` is a resource of a leaf bundle and no page: a file
        beside a bundle's `index` file (`news/story/notes.md` beside `news/story/index.md`) or in
        a folder below one (`news/story/sub/deep.md`). hugo 0.168 publishes no page of it and
        lists it in the bundle's `.Resources`; templates may still render its content. The
        content folder's own `index.md` is `home-leaf-bundle`'s and makes no file a resource
        here. Without a site, or outside its content, nothing is: where the content root is
        not known, neither is what makes a bundle."""
        if self.root is None:
            return False
        path = _absolute_page(page)
        inside = self.content_path(path)
        if inside is None:
            return False
        return bundle_resource_on_disk(str(path), inside.count("/"), self._known_languages())

    def file_beside(self, path: str, page: str | os.PathLike[str]) -> bool:
        """Whether the relative URL path `path` (decoded) names a file or folder next to the
        content file `page`: a page bundle's resource (`notes.org` beside `story/index.md`) or a
        sibling. With or without a site; the check is recorded for the cache as `may_serve`'s."""
        if not path or path.startswith("/"):
            return False
        here = Path(page) if os.path.isabs(page) else Path.cwd() / page
        return _exists(here.parent / path)

    def may_serve(
        self,
        path: str,
        page: str | os.PathLike[str],
        terms: dict[str, set[str]] | None = None,
        *,
        pages_known: bool = False,
        unwritten: bool = False,
    ) -> bool:
        """Whether a link to the URL path `path` (decoded, without query or fragment) in the
        content file `page` may lead to something the site serves, from its configuration and file
        names alone (no file is read). False only where nothing could: not a static file, a page
        or section at its path-derived URL (the language prefix and `baseURL`'s path allowed), a
        page bundle's resource, a taxonomy's list page (`/tags/`; the taxonomies of the language
        the URL is in, its prefix's or the default language's) or the page of one of the page's
        own `terms` (taxonomy -> terms as Hugo writes them in URLs), a URL a `[permalinks]`
        pattern makes, a page's slug from its dated file name (`_dated_name_serves`), or a file
        Hugo writes for every site (`index.xml`, `sitemap.xml`, `404.html`, `/page/2/`). A page
        that moves itself with `url`, `slug` or `aliases`, and a term only other pages carry, are
        not seen.

        With `pages_known` the caller knows the URL of every page of the site (page-not-found,
        when it has them all): a content file or folder at the path no longer vouches for a page
        there (a `[permalinks]` pattern or `uglyURLs` moves it), nor does a path a page's pattern
        could make (a taxonomy's or term's still does: a term only other pages carry is not
        seen): below the first segment (a top-level folder is a section, whose list page hugo
        0.168 makes without an `_index` file, in the languages with a page in it) only a
        resource file is still served. A folder below the first level is served only as a
        section's or a bundle's page (hugo 0.168 makes no list page of `news/deep/` without
        `news/deep/_index.md`), which the caller knows.

        With `unwritten` as well, the caller knows the page at `path` is one Hugo does not write
        (`headless`, `build.render: never`): its file or its top-level folder does not vouch."""
        if self.root is None:
            return True
        if self._hook_finds(path, page):
            return True
        if not path.startswith("/"):
            here = Path(page) if os.path.isabs(page) else Path.cwd() / page
            if _exists(here.parent / path):
                return True  # a bundle resource, or another article (Hugo's link render hook)
            path = posixpath.join(_page_url(here, self), path)
        prefix, segments = self.url_segments(path)
        if (
            not segments
            or segments[-1] in _ALWAYS_WRITTEN
            or _PAGER.fullmatch("/".join(segments[-2:]))
        ):
            return True
        taxonomy = segments[0].lower()
        # The taxonomies of the language the URL is in: its prefix's, else the default's.
        served = self.taxonomies_for(prefix or self.default_language).values()
        if taxonomy in {plural.lower() for plural in served}:
            own = (terms or {}).get(taxonomy, set())
            if len(segments) == 1 or (len(segments) == 2 and segments[1].lower() in own):
                return True
        # A term page's pattern serves paths whatever the caller knows: a term only other pages
        # carry is not seen.
        patterns = (
            self._taxonomy_permalink_patterns() if pages_known else self._permalink_patterns()
        )
        if any(pattern.fullmatch("/".join(segments)) for pattern in patterns):
            return True
        relative = "/".join(segments)
        root = self.root
        if self.static_mounts:
            statics = [(root / mount.source, mount.target) for mount in self.static_mounts]
        else:
            statics = [(root / str(self.raw.get("staticdir") or "static"), "")]
        statics += [(_themes_dir(root, self.raw) / theme / "static", "") for theme in self.themes]
        if any(_exists(folder / inner) for folder, inner in _inside(statics, relative)):
            return True
        roots = self._content_roots() or [(root / "content", "")]
        if pages_known and len(segments) == 1 and not unwritten:
            # hugo 0.168 writes a top-level folder's list page in the languages that have a page
            # in it alone (`/fr/news/` where `news/` holds English pages only is not written),
            # and none without a language prefix where the default language has its folder.
            folders = [content / inner for content, inner in _inside(roots, relative)]
            folders = [folder for folder in folders if _is_dir(folder)]
            in_subdir = _to_bool(self.raw.get("defaultcontentlanguageinsubdir", False))
            language = prefix or ("" if in_subdir else self.default_language.lower())
            if folders and not any(self._holds_page_of(str(f), language) for f in folders):
                return False
        if pages_known and (len(segments) > 1 or unwritten):
            for content, inner in _inside(roots, relative):
                candidate = content / inner
                _record_listing(str(candidate.parent))
                for name in _listing(str(candidate.parent))[1].get(candidate.name.lower(), []):
                    if not name.lower().endswith(PAGE_SUFFIXES) and _is_file(
                        candidate.parent / name
                    ):
                        return True  # a page bundle's resource
            return False
        for content, inner in _inside(roots, relative):
            candidate = content / inner
            if any(_exists(c) for c in (candidate, candidate.with_name(candidate.name + ".md"))):
                return True
        return self._named_page_serves(roots, relative) or self._dated_name_serves(relative)

    def _holds_page_of(self, folder: str, language: str) -> bool:
        """Whether the content folder `folder` holds a page of `language` (lower case) at any
        depth: a content file whose name says that language (`a.fr.md`), or says none where the
        folder's is that one (its contentDir's, else the default language); of a leaf bundle
        only its index files. Listings recorded for the cache."""
        known = self._known_languages()
        own = (self.language_of(os.path.join(folder, "_.md")) or "").lower()
        for name in _page_file_names_below(folder, known):
            lowered = name.lower()
            if not lowered.endswith(PAGE_SUFFIXES):
                continue
            parts = lowered.split(".")
            if (parts[-2] if len(parts) > 2 and parts[-2] in known else own) == language:
                return True
        return False

    def permalink_matches(self, path: str) -> bool:
        """Whether a `[permalinks]` pattern of the site could make the URL path `path` (without
        its slashes at the ends)."""
        return any(pattern.fullmatch(path) for pattern in self._permalink_patterns())

    def _named_page_serves(self, roots: list[tuple[Path, str]], relative: str) -> bool:
        """Whether a page or section is served at the URL path `relative` under the path Hugo
        makes of its folder and file names (`path_segment`: hugo 0.168 serves
        `News/My Article.md` at `/news/my-article/` and `news/a&b.md` at `/news/ab/`). One
        listing of each folder on the way, recorded for the cache (`recording_probes`)."""
        languages = {name.lower() for name in self._known_languages()}
        for content, inner in _inside(roots, relative):
            parts = [part.lower() for part in inner.split("/") if part]
            places = [str(content)]
            for depth, wanted in enumerate(parts):
                last = depth == len(parts) - 1
                following: list[str] = []
                for place in places:
                    _record_listing(place)
                    for lowered, names in _listing(place)[1].items():
                        name = lowered
                        if name.endswith(PAGE_SUFFIXES):
                            if not last:
                                continue
                            name = name.rpartition(".")[0]
                            head, _, language = name.rpartition(".")
                            name = head if head and language in languages else name
                        if path_segment(name) != wanted:
                            continue
                        if last:
                            return True
                        following.extend(os.path.join(place, real) for real in names)
                places = following
        return False

    def _dated_name_serves(self, relative: str) -> bool:
        """Whether a page whose file (or bundle folder) name starts with a date may be served at
        the URL path `relative`: where the site reads dates from file names (`:filename` in
        `[frontmatter]`), Hugo takes the slug of such a page from the rest of its name, trimmed
        of spaces, `-` and `_` (hugo 0.168: `news/2024-01-02-budget.md` and
        `news/2024-01-02_budget/index.md` are `/news/budget/`). One listing of the folder; a
        page that sets its own `slug` is not told apart."""
        if not any(":filename" in chain for chain in self.date_sources.values()):
            return False
        folder, _, segment = relative.strip("/").rpartition("/")
        if not segment:
            return False
        wanted = segment.lower()
        languages = {name.lower() for name in self._known_languages()}
        roots = self._content_roots() or [((self.root or Path(".")) / "content", "")]
        for content, inner in _inside(roots, folder):
            place = content / inner if inner else content
            _record_listing(str(place))
            for lowered in _listing(str(place))[1]:
                stem = lowered
                for suffix in PAGE_SUFFIXES:
                    if stem.endswith(suffix):
                        stem = stem[: -len(suffix)]
                        head, _, language = stem.rpartition(".")
                        stem = head if head and language in languages else stem
                        break
                if _file_name_slug(stem) == wanted:
                    return True
        return False

    def _hook_finds(self, path: str, page: str | os.PathLike[str]) -> bool:
        """Whether Hugo's embedded link render hook (`embedded_link_hook`) finds a page for the
        `.md` path `path` in the content file `page`, where `GetPage` looks (hugo 0.168): from
        the page's folder (a leaf bundle's section; the bundle's own folder for `../`), then,
        unless the path starts with `.`, from the content root: `budget.md` in
        `news/bun/index.md` is `news/budget.md`, `other/c.md` in `news/a.md` is `other/c.md`."""
        lowered = path.lower().rstrip("/")
        if not lowered.endswith(PAGE_SUFFIXES) or not self.embedded_link_hook:
            return False
        inside = self.content_path(os.path.abspath(page))
        if inside is None:
            return False
        folder, _, name = inside.rpartition("/")
        stem = name.split(".")[0]
        base = folder
        if stem == "index" and not path.startswith("../"):
            base = folder.rpartition("/")[0]  # a leaf bundle's paths start at its section
        written = path.rstrip("/")
        written = written[2:] if written.startswith("./") else written
        if written.startswith("/"):
            tried = [written.strip("/")]
        else:
            tried = [posixpath.join(base, written)]
            if not written.startswith("."):
                tried.append(written)
        roots = self._content_roots() or [((self.root or Path(".")) / "content", "")]
        for candidate in tried:
            normal = posixpath.normpath(candidate)
            if normal.startswith(".."):
                continue
            stem_path = normal.rsplit(".", 1)[0]
            for content, inner in _inside(roots, stem_path):
                if inner.rpartition("/")[2] in ("index", "_index"):
                    inner = inner.rpartition("/")[0]
                places = [content / (inner + suffix) for suffix in PAGE_SUFFIXES]
                places += [content / inner / "index.md", content / inner / "_index.md"]
                if any(_exists(place) for place in places):
                    return True
        return False

    def _permalink_patterns(self) -> list[re.Pattern[str]]:
        """`[permalinks]` patterns (the site's and its languages') as regexes over a URL path
        without its slashes at the ends: a date token stands for its digits or name, a name
        token (`:slug`, `:title`) for one segment, any other (`:sections[1:]`) for any text."""
        found = self.__dict__.get("_permalinks")
        if found is None:
            found = [_permalink_regex(pattern) for _, _, pattern in self._permalink_entries()]
            self.__dict__["_permalinks"] = found
        return found

    def _taxonomy_permalink_patterns(self) -> list[re.Pattern[str]]:
        """`_permalink_patterns` of taxonomy and term pages alone (a taxonomy's plural as the
        key, or the `taxonomy` and `term` tables)."""
        found = self.__dict__.get("_taxonomy_permalinks")
        if found is None:
            plurals = {
                plural.lower()
                for language in (None, *self.language_names)
                for plural in self.taxonomies_for(language).values()
            }
            found = [
                _permalink_regex(pattern)
                for kind, key, pattern in self._permalink_entries()
                if kind in ("taxonomy", "term") or (kind is None and key.lower() in plurals)
            ]
            self.__dict__["_taxonomy_permalinks"] = found
        return found

    def _permalink_entries(self) -> list[tuple[str | None, str, str]]:
        """(page kind of its table or None, key, pattern) of each `[permalinks]` entry: the
        site's table and each language's own (which replaces the site's for that language's
        pages, hugo 0.168: a URL may be any language's); a table per page kind
        (`{page = {...}, section = {...}}`) gives its kind."""
        tables = [self.raw.get("permalinks")]
        languages = self.raw.get("languages")
        if isinstance(languages, dict):
            tables += [
                settings.get("permalinks")
                for settings in languages.values()
                if isinstance(settings, dict)
            ]
        entries: list[tuple[str | None, str, str]] = []
        for table in tables:
            if not isinstance(table, dict):
                continue
            for key, value in table.items():
                if isinstance(value, dict):
                    entries.extend(
                        (str(key), str(inner), v)
                        for inner, v in value.items()
                        if isinstance(v, str)
                    )
                elif isinstance(value, str):
                    entries.append((None, str(key), value))
        return entries

    def _content_bases(self) -> list[tuple[str | None, Path, Mount | None]]:
        """(language, resolved folder, mount) of each language's own contentDir or, on a site
        with content mounts, of each of them (language None: the mount names no one language),
        worked out once per site."""
        key = (self.root, tuple(self.languages.items()), self.content_mounts)
        cached = self.__dict__.get("_bases")
        if cached is None or cached[0] != key:
            root = self.root or Path(".")
            bases: list[tuple[str | None, Path, Mount | None]]
            if self.content_mounts:
                bases = [(m.language, Path(_real(root / m.source)), m) for m in self.content_mounts]
            else:
                bases = [
                    (lang, Path(_real(root / d)), None)
                    for lang, d in self._own_content_dirs().items()
                ]
            cached = self.__dict__["_bases"] = (key, bases)
        return cached[1]

    def _folder_language(self, folder: str, name: str) -> str | None:
        """The language the text of `folder/name` is written in, by the folder it lies in: the
        language whose contentDir holds it; on a site with content mounts, the language of the
        innermost mounts that bring it in, when they agree on one. Hugo builds the file in the
        language of every mount that brings it in (checked with hugo 0.168), so a folder mounted
        once per language is fallback content (`content/en/news` mounted for `fr` and `de` too,
        as opentelemetry.io mounts its English pages into each translation): its own language is
        then that of the mount around it (`content/en`). A mount that names no language is the
        default language's. None when the folders tell nothing (the default language applies)."""
        resolved = self._resolved(os.path.join(folder, name))
        if not self.content_mounts:
            for language, base, _ in self._content_bases():
                text = str(base)
                if resolved == text or resolved.startswith(text.rstrip(os.sep) + os.sep):
                    return language
            return None
        by_depth: dict[int, set[str]] = {}
        for language, base, mount in self._content_bases():
            text = str(base).rstrip(os.sep)
            if resolved != text and not resolved.startswith(text + os.sep):
                continue
            inner = resolved[len(text) + 1 :].replace(os.sep, "/")
            if mount is not None and mount.filtered and inner and not mount.mounts(inner):
                continue
            by_depth.setdefault(len(base.parts), set()).add(language or self.default_language)
        for depth in sorted(by_depth, reverse=True):
            if len(by_depth[depth]) == 1:
                return next(iter(by_depth[depth]))
        found = set().union(*by_depth.values()) if by_depth else set()
        if not found or self.default_language in found:
            return None
        return next((n for n in self._known_languages().values() if n in found), None)

    def _resolved(self, path: str) -> str:
        """`path` absolute with symlinks resolved; each folder is resolved once per site."""
        folder, name = os.path.split(path)
        folders: dict[str, str] = self.__dict__.setdefault("_resolved_folders", {})
        resolved_folder = folders.get(folder)
        if resolved_folder is None:
            if len(folders) > 4096:
                folders.clear()
            resolved_folder = folders[folder] = os.path.realpath(folder or ".")
        resolved = os.path.join(resolved_folder, name)
        return os.path.realpath(resolved) if os.path.islink(resolved) else resolved

    def language_of(
        self, path: str | os.PathLike[str], front_matter_lang: Any = None, sites: Any = None
    ) -> str | None:
        """The article's language, as Hugo assigns it.

        In a site: the languages its front matter's `sites.matrix.languages` takes in (Hugo
        0.150; the page is built in each, and this answers the default language when it is one
        of them, else the first in the configuration's order); else a configured language in the
        file name (`x.zh-cn.md`, matched without case), then the language whose contentDir holds
        the file, then `defaultContentLanguage`. Hugo ignores `lang` in front matter, a matrix
        that takes in no language of the site, and a file-name language the site does not have
        (`x.de.md` is the page `x.de` in the default language). Without a site, any
        language-like file-name part and then `lang` are the best guesses.
        """
        suffixes = os.path.basename(os.fspath(path)).split(".")
        candidate = suffixes[-2] if len(suffixes) >= 3 else None
        if self.root is not None:
            if sites is not None:
                chosen = self.matrix_languages(sites)
                if chosen:
                    default = self.default_language.lower()
                    return next((n for n in chosen if n.lower() == default), chosen[0])
            if candidate is not None:
                known = self._known_languages()
                if candidate.lower() in known:
                    return known[candidate.lower()]
            if self.languages or self.content_mounts:
                folder, name = os.path.split(os.fspath(path))
                found = self._folder_language(folder, name)
                if found is not None:
                    return found
            return self.default_language
        if candidate is not None and _looks_like_language(candidate):
            return candidate
        if isinstance(front_matter_lang, list) and len(front_matter_lang) == 1:
            front_matter_lang = front_matter_lang[0]
        if isinstance(front_matter_lang, str) and _looks_like_language(front_matter_lang):
            return front_matter_lang
        return None

    def matrix_languages(self, sites: Any) -> list[str]:
        """The site's languages (as written in its configuration) that a `sites` value's
        `matrix.languages` takes in, in the configuration's order: [] when it names none or is
        no matrix."""
        from newslint.cascade import chosen_languages, matrix_patterns

        patterns = matrix_patterns(sites)
        if not patterns:
            return []
        known = self._known_languages()
        return [known[name] for name in chosen_languages(patterns, tuple(known))]

    def leaf_index_languages(self) -> frozenset[str]:
        """The language codes (lower case) an `index.<lang>.md` names a leaf bundle's page in
        (`leaf_index`)."""
        return frozenset(self._known_languages())

    def _known_languages(self) -> dict[str, str]:
        """The site's languages by lower-cased name (just the default one when it lists none)."""
        names = (*self.language_names, *self.languages) or (self.default_language,)
        return {name.lower(): name for name in names}


def _permalink_regex(pattern: str) -> re.Pattern[str]:
    """A `[permalinks]` pattern as a regex over a URL path without its slashes at the ends
    (`Site._permalink_patterns`)."""
    parts = []
    for piece in re.split(r"(:[A-Za-z_]+(?:\[[^\]]*\])?)", pattern.strip("/")):
        if piece.startswith(":"):
            parts.append(_PERMALINK_TOKENS.get(piece.lower(), ".+"))
        else:
            parts.append(re.escape(piece))
    return re.compile("".join(parts).rstrip("/") + "(?:/.*)?", re.IGNORECASE)


# Files Hugo writes for every site and section, and a list page's pager (`page/2`).
_ALWAYS_WRITTEN = frozenset({"index.xml", "sitemap.xml", "robots.txt", "404.html", "index.html"})
_PAGER = re.compile(r"page/\d+")


# What Hugo's permalink tokens expand to, as regexes.
_PERMALINK_TOKENS = {
    ":year": r"\d{4}",
    ":month": r"\d{2}",
    ":day": r"\d{2}",
    ":yearday": r"\d{1,3}",
    ":weekday": r"\d",
    ":monthname": r"[A-Za-z]+",
    ":weekdayname": r"[A-Za-z]+",
    ":section": r"[^/]+",
    ":title": r"[^/]+",
    ":slug": r"[^/]+",
    ":filename": r"[^/]+",
    ":slugorfilename": r"[^/]+",
    ":slugorcontentbasename": r"[^/]+",
    ":contentbasename": r"[^/]+",
}


def _real(path: str | os.PathLike[str]) -> str:
    """`os.path.realpath` of a path built from the site's configuration; a path no file system
    can hold (a NUL byte in a contentDir) is only made absolute: nothing lies in it."""
    try:
        return os.path.realpath(path)
    except ValueError:
        return os.path.abspath(path)


def _is_dir(path: Path) -> bool:
    """`path.is_dir()` for a path built from the site's configuration (a contentDir, a theme's
    name): False, not an OSError or ValueError, when it cannot even be looked at (a name too long
    for the file system, a NUL byte, a folder that cannot be searched)."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def _is_file(path: Path) -> bool:
    """`path.is_file()`, False where it cannot be looked at (see `_is_dir`): a folder that can
    be neither listed nor searched, which a walk up from a content folder may pass through."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


# (working folder, a page's folder as given) -> that folder absolute as `pathlib` writes it
# (`_absolute_page`).
_PAGE_FOLDERS: dict[tuple[str, str], str] = {}


def _absolute_page(page: str | os.PathLike[str]) -> str:
    """`Path(page)` when absolute, else `Path.cwd() / page`, as text. Every article asks (is it a
    bundle's resource?): the folder, the same for the articles beside it, goes through `pathlib`
    once, and the file's name is joined to it as `pathlib` would (a plain name: no `.`, `..` or
    trailing separator, which `pathlib` drops or keeps by its own rules)."""
    text = os.fspath(page)
    folder, name = os.path.split(text)
    if not name or name in (".", "..") or os.sep in name or (os.altsep and os.altsep in name):
        return os.fspath(Path(page) if os.path.isabs(page) else Path.cwd() / page)
    key = ("" if os.path.isabs(text) else os.getcwd(), folder)
    found = _PAGE_FOLDERS.get(key)
    if found is None:
        if len(_PAGE_FOLDERS) >= 65_536:
            _PAGE_FOLDERS.clear()
        found = _PAGE_FOLDERS[key] = os.fspath(
            Path(folder or ".") if key[0] == "" else Path(key[0]) / folder
        )
    return os.path.join(found, name)


def _exists(path: str | os.PathLike[str]) -> bool:
    """`path.exists()`, False where it cannot be looked at; recorded when `recording_probes` is
    on, since what it answers decides a file's results as much as the file's own bytes do."""
    found = _present(path)
    probes = _PROBES.get()
    if probes is not None:
        probes.append((os.path.abspath(path), found))
    return found


def _present(path: str | os.PathLike[str]) -> bool:
    try:
        return os.path.exists(path)
    except (OSError, ValueError):
        return False


# The existence checks `may_serve` made while one file was linted: (absolute path, whether it
# existed). None when nobody records (no cache in use).
_PROBES: ContextVar[list[tuple[str, bool]] | None] = ContextVar("newslint_probes", default=None)


@contextmanager
def recording_probes() -> Iterator[list[tuple[str, bool]]]:
    """Record the file-existence checks made inside the block (by `Site.may_serve`): a result
    cached with them holds only while each path still exists, or still does not
    (`probes_hold`). A relative link's verdict depends on the pages and static files it may lead
    to, which the cache key (the file's own bytes) does not see."""
    probes: list[tuple[str, bool]] = []
    token = _PROBES.set(probes)
    try:
        yield probes
    finally:
        _PROBES.reset(token)


def probes_hold(probes: Iterable[tuple[str, bool]]) -> bool:
    """Whether every recorded path still exists, or still does not, as it did when recorded, and
    every folder recorded as listed (`_record_listing`) has the entries it had."""
    return all(
        _listing_holds(path) if "\0" in path else _present(path) is found for path, found in probes
    )


def _record_listing(folder: str) -> None:
    """Record that a result depends on the names `folder` holds (`may_serve` matched a URL
    against them): the folder's modification time, which adding, removing or renaming an entry
    changes, kept as `<folder>NUL<time>` (no path holds a NUL)."""
    probes = _PROBES.get()
    if probes is None:
        return
    try:
        stamp = os.stat(folder).st_mtime_ns
    except (OSError, ValueError):
        stamp = -1
    probes.append((f"{os.path.abspath(folder)}\0{stamp}", True))


def _listing_holds(probe: str) -> bool:
    folder, _, stamp = probe.rpartition("\0")
    try:
        return os.stat(folder).st_mtime_ns == int(stamp)
    except (OSError, ValueError):
        return stamp == "-1"


def file_at(folders: Iterable[tuple[str, str]], relative: str) -> bool:
    """Whether one of `folders` (each with its place in a tree: `Site.file_folders`) holds a
    file or folder at the tree's path `relative`, with its case as written (a web server on
    Linux tells `Photo.jpg` from `photo.jpg`); recorded for the cache (`recording_probes`)."""
    return next(_places_at(folders, relative), None) is not None


def paths_at(folders: Iterable[tuple[str, str]], relative: str) -> list[str]:
    """The files or folders on disk that `file_at` finds, each one's path."""
    return [os.fspath(place) for place in _places_at(folders, relative)]


def _places_at(folders: Iterable[tuple[str, str]], relative: str) -> Iterator[Path]:
    roots = [(Path(folder), target) for folder, target in folders]
    for folder, inner in _inside(roots, relative):
        place = folder / inner if inner else folder
        if _exists(place) and _case_as_written(folder, inner):
            yield place


def files_below(folder: str, limit: int = 2000) -> list[str] | None:
    """The files below `folder`, at any depth, by their `/`-separated paths from it, with their
    case (a page bundle's resources, as `.Resources.GetMatch` matches them); None when there are
    more than `limit` entries. Each folder's listing is recorded for the cache."""
    found: list[str] = []
    seen = 0
    stack = [(folder, "")]
    while stack:
        place, inner = stack.pop()
        _record_listing(place)
        try:
            with os.scandir(place) as entries:
                listed = [(e.name, e.path, e.is_dir()) for e in entries]
        except (OSError, ValueError):
            continue
        for name, path, is_folder in listed:
            seen += 1
            if seen > limit:
                return None
            if is_folder:
                stack.append((path, f"{inner}{name}/"))
            else:
                found.append(inner + name)
    return found


def names_beside(folders: Iterable[tuple[str, str]], relative: str) -> list[str]:
    """The names of the files in the folder at the tree's path `relative` ("" for the tree's
    root) of each of `folders` (as `file_at` takes them), with their case; recorded for the
    cache."""
    found: list[str] = []
    for folder, inner in _inside([(Path(f), t) for f, t in folders], relative):
        place = folder / inner if inner else folder
        _record_listing(str(place))
        if _case_as_written(folder, inner):
            with suppress(OSError, ValueError):
                found += [name for name in os.listdir(place) if _is_file(place / name)]
    return found


def _case_as_written(folder: Path, inner: str) -> bool:
    """Whether each name of `inner` below `folder` is on disk with the case written (a file system
    that ignores case answers `exists` for any); one listing per folder, recorded."""
    place = folder
    for name in [part for part in inner.split("/") if part]:
        _record_listing(str(place))
        try:
            names = os.listdir(place)  # symbolic links too: a static file may be one
        except (OSError, ValueError):
            return False
        if name not in names:
            return False
        place = place / name
    return True


def names_differing_in_case(folders: Iterable[tuple[str, str]], relative: str) -> list[str]:
    """The tree paths in `folders` that are `relative` but for the case of its names
    (`photo.JPG` for `photo.jpg`); recorded for the cache."""
    found: list[str] = []
    for folder, inner in _inside([(Path(f), t) for f, t in folders], relative):
        places = [(folder, "")]
        for name in [part for part in inner.split("/") if part]:
            following = []
            for place, written in places:
                _record_listing(str(place))
                for real in _listing(str(place))[1].get(name.lower(), []):
                    following.append((place / real, f"{written}/{real}".lstrip("/")))
            places = following
        prefix = relative[: len(relative) - len(inner)]
        found += [prefix + written for _, written in places if written != inner]
    return sorted(set(found))


def _inside(roots: list[tuple[Path, str]], relative: str) -> Iterator[tuple[Path, str]]:
    """For each (folder, its place in a tree) that holds the tree's path `relative`: the folder
    and the path inside it."""
    for folder, target in roots:
        if not target:
            yield folder, relative
        elif relative == target or relative.startswith(target + "/"):
            yield folder, relative[len(target) + 1 :]


def _page_url(file: Path, site: Site) -> str:
    """The path-derived URL folder of the content file `file` (`/news/a/` for `news/a.md` and
    for the bundle `news/a/index.md`): where Hugo resolves a page's relative links from."""
    relative = site.content_path(file)
    if relative is None:
        return "/"
    *parts, name = relative.split("/")
    stem = name.split(".")[0]
    if stem not in ("index", "_index"):
        parts.append(stem)
    return "/" + "/".join(parts) + "/" if parts else "/"


_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")


# A name `path_segment` keeps whole: ASCII letters and digits (the ASCII characters of categories
# L and Nd) and the punctuation it keeps.
_PLAIN_SEGMENT = re.compile(r"[A-Za-z0-9./\\_#+~@-]*")


def go_lower(text: str) -> str:
    """`text` lowered as Go's `strings.ToLower` lowers it, one character at a time by its simple
    mapping: `İ` is `i` (Python: `i` and a combining dot), `Σ` is `σ` at a word's end too
    (Python: `ς`)."""
    if text.isascii():
        return text.lower()
    return "".join("i" if char == "\u0130" else char.lower() for char in text)


def path_segment(name: str) -> str:
    """A file or folder name, or a taxonomy term, as hugo 0.168 writes it in a URL: lower case,
    each white-space character a `-`, and only letters, decimal digits, marks,
    `. / \\ _ # + ~ - @` and a `%` before two hex digits kept (checked with the binary:
    `My Article` is `my-article`, `S&P 500` is `sp-500`, `What?` `what`, `C++` `c++`,
    ` two  spaces` `-two--spaces`)."""
    if _PLAIN_SEGMENT.fullmatch(name):
        return name.lower()  # nearly every name: ASCII letters, digits, `.`, `_`, `-`
    kept: list[str] = []
    for index, char in enumerate(name):
        if char.isspace():
            kept.append("-")
            continue
        kind = unicodedata.category(char)
        if (
            char in "./\\_#+~-@"
            or kind[0] in "LM"
            or kind == "Nd"
            or (
                char == "%"
                and index + 2 < len(name)
                and set(name[index + 1 : index + 3]) <= _HEX_DIGITS
            )
        ):
            kept.append(char)
    return go_lower("".join(kept))


_DATED_NAME = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _file_name_slug(stem: str) -> str | None:
    """The URL segment of the slug Hugo's `:filename` date handler takes from a lower-case file
    name without its extension: what follows a leading date (`2006-01-02`, a real day), trimmed
    of spaces, `-` and `_`, spaces made `-`; None when the name starts with no date or nothing
    follows it."""
    match = _DATED_NAME.match(stem)
    if match is None:
        return None
    try:
        date(*(int(part) for part in match.groups()))
    except ValueError:
        return None
    slug = stem[10:].strip(" -_")
    return slug.replace(" ", "-") if slug else None


def _looks_like_language(tag: str) -> bool:
    parts = tag.split("-")
    return (
        2 <= len(parts[0]) <= 3
        and parts[0].isalpha()
        and all(p.isalnum() and len(p) <= 8 for p in parts)
    )


def lower_keys(value: Any) -> Any:
    """`value` with every map key lower-cased, as Hugo reads configuration and front matter keys."""
    if isinstance(value, dict):
        return {str(k).lower(): lower_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [lower_keys(v) for v in value]
    return value


def _to_bool(value: Any) -> bool:
    """A configuration boolean the way Hugo reads it (cast.ToBool: "true", 1, ... count)."""
    if isinstance(value, str):
        return value.strip().lower() in ("1", "t", "true")
    return bool(value)


# The words Go's `strconv.ParseBool` reads, which Hugo uses for a boolean setting given as text.
_GO_BOOLS = {
    **dict.fromkeys(("1", "t", "T", "TRUE", "true", "True"), True),
    **dict.fromkeys(("", "0", "f", "F", "FALSE", "false", "False"), False),
}


def _build_future(value: Any, where: Path, errors: list[str]) -> bool:
    """`buildFuture` as Hugo decodes it: a boolean, a number (not 0), a word Go's `ParseBool`
    reads (`"true"`, `"T"`, `"1"`; an empty one is false), or nothing. Anything else (`yes` and
    `on`, which YAML 1.2 leaves as text, or a list) makes Hugo refuse to build: an error, and
    false."""
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, int | float):
        return value != 0
    if isinstance(value, str) and value in _GO_BOOLS:
        return _GO_BOOLS[value]
    errors.append(f"{where}: buildFuture {value!r} is not a boolean (Hugo cannot build)")
    return False


def _read_problem(err: Exception, path: Path) -> str:
    """What `_load` could not read in `path`, in one line that names the format and where:
    PyYAML's own message spans four lines and names a "<unicode string>", Python's for a number
    too long tells the user to call `sys.set_int_max_str_digits()`."""
    form = {".toml": "TOML", ".json": "JSON"}.get(path.suffix.lower(), "YAML")
    if isinstance(err, UnicodeDecodeError):
        from newslint.textutil import undecodable

        return undecodable(err)
    from newslint.matter import yaml

    if isinstance(err, yaml.MarkedYAMLError):
        mark = err.problem_mark or err.context_mark
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        return f"not valid YAML: {err.problem or err.context}{where}"
    import json

    from newslint.matter import tomllib as toml_reader  # tomli's error is not the standard one

    if isinstance(err, yaml.YAMLError | toml_reader.TOMLDecodeError | json.JSONDecodeError):
        return f"not valid {form}: {err}"
    if isinstance(err, OSError):
        return err.strerror or str(err)
    if str(err).startswith("Exceeds the limit"):  # int(): more digits than Python converts
        return f"not valid {form}: a number of more than 4,300 digits"
    return str(err)


def _load(path: Path) -> dict[str, Any]:
    if not _is_file(path):  # a pipe would be waited on for ever (see `_own_config`)
        raise ValueError("not a regular file (a folder, pipe, socket or device, or a broken link)")
    text = path.read_text(encoding="utf-8-sig")
    try:
        if path.suffix == ".toml":
            # TOML 1.1, as Hugo's go-toml v2 reads it (hugo 0.168 builds with a multi-line
            # inline table, `\e`, a time without seconds), which the standard library refuses.
            from newslint.matter import toml_range_problem
            from newslint.matter import tomllib as toml_reader

            data: Any = toml_reader.loads(text)
            # A number past 64 bits: hugo 0.168 fails to load the configuration ("too large to
            # fit in a 64-bit signed integer"), as it fails a page's front matter.
            if isinstance(data, dict) and (problem := toml_range_problem(text, data)):
                raise ValueError(f"not valid TOML: {problem}")
        elif path.suffix == ".json":
            import json  # here: a JSON configuration is rare

            data = json.loads(text)
        else:
            from newslint.hugo_yaml import load

            data = load(text)  # as Hugo reads it: `no` is text, `1:20` too (not YAML 1.1)
    except RecursionError:  # the parsers descend once per level of nesting
        raise ValueError("the configuration is nested too deeply to read") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ValueError("the configuration is not a map of keys")
    _check_shape(data)
    if path.suffix == ".json" and "\\u" in text:  # only an escape makes a lone surrogate
        data = _without_lone_surrogates(data)
    return data


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_lone_surrogates(value: Any) -> Any:
    """`value` with each lone UTF-16 surrogate (`"\\ud800"` in JSON) in its keys and strings
    replaced by U+FFFD, as Go's JSON decoder replaces it (checked with hugo 0.168). Python keeps
    it, and a path holding it (a contentDir, a theme) cannot be encoded for the file system.
    Called on a configuration `_check_shape` passed: a few levels deep."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_without_lone_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {_without_lone_surrogates(k): _without_lone_surrogates(v) for k, v in value.items()}
    return value


# Bounds on a configuration's shape, far beyond any real site's (a Hugo configuration is a few
# levels deep and a few thousand values even when generated). YAML aliases can make a small file
# a graph that expands to billions of values ("billion laughs") or to an endless one (`a: &a
# [*a]`); reading either as the tree it stands for would never end, or end in a RecursionError.
_MAX_DEPTH = 100
_MAX_VALUES = 1_000_000


def _check_shape(data: dict[str, Any]) -> None:
    """Raise ValueError when `data`, expanded as a tree, is deeper than `_MAX_DEPTH` or has more
    than `_MAX_VALUES` values. Walked without recursion, and stopped at the first bound crossed,
    so a bomb costs no more than a large honest file."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    seen = 0
    while stack:
        value, depth = stack.pop()
        seen += 1
        if seen > _MAX_VALUES:
            raise ValueError(
                f"the configuration expands to more than {_MAX_VALUES:,} values (YAML aliases?)"
            )
        if depth > _MAX_DEPTH:
            raise ValueError(
                f"the configuration is nested more than {_MAX_DEPTH} levels deep"
                " (a recursive YAML alias?)"
            )
        if isinstance(value, dict):
            stack.extend((child, depth + 1) for child in value.values())
        elif isinstance(value, list):
            stack.extend((child, depth + 1) for child in value)


def _config_dir_file(default_dir: Path) -> Path | None:
    """The main file of a `config/_default/` folder, else any configuration file in it."""
    for name in CONFIG_NAMES:
        if _is_file(default_dir / name):
            return default_dir / name
    try:
        others = sorted(p for p in default_dir.iterdir() if p.suffix in _SUFFIXES and _is_file(p))
    except OSError:  # not listable: no configuration found in it
        return None
    return others[0] if others else None


def find_root(start: Path) -> tuple[Path, Path] | None:
    """(site root, config file) for the nearest site containing `start` (a folder inside the
    content of the site above it is none: see `_outer_site`)."""
    current = start if start.is_dir() else start.parent
    for directory in [current, *current.parents]:
        found = _own_config(directory)
        if found is not None:
            outer = _outer_site(str(directory))
            if outer is not None and outer.root is not None and outer.config_path is not None:
                return outer.root, outer.config_path
            return directory, found
    return None


# The extensions of the content files Hugo makes a page of (`content_page_on_disk`, and the
# rules that name pages by path, such as link-fragment's `ref` paths): the Markdown ones, which
# newslint lints (`discover.MARKDOWN_SUFFIXES`; hugo 0.168 serves `news/a.mdown` at `/news/a/`).
PAGE_SUFFIXES = (".md", ".markdown", ".mdown")


def entries_beside(path: str | os.PathLike[str]) -> Collection[str]:
    """The names of the entries (links left out) in the folder of the file `path`, read again
    only when the folder changes, recorded for the cache (`recording_probes`): for rules that
    must know a file's neighbours (the page a file translates, the index of its bundle), which
    read no files themselves."""
    folder = os.path.dirname(os.path.abspath(path))
    _record_listing(folder)
    return [name for names in _listing(folder)[1].values() for name in names]


def content_page_on_disk(roots: Iterable[tuple[str, str]], logical: str) -> bool:
    """Whether one of the content folders `roots` ((folder, its place in the content tree), as
    `Site.content_roots` gives them) holds a page or folder at the lower-case logical path
    `logical` (`news/budget`: `News/Budget.md`, `news/budget.fr.md`, `news/budget/index.md`, a
    section's folder), comparing names without regard to case as Hugo's lower-case paths do. For
    rules that must know whether a page exists beyond the files of the run (link-fragment's
    `ref`), which read no files themselves."""
    if not logical:
        return True  # the home page is always there
    *folders, name = logical.split("/")
    return any(name in _listing(place)[0] for place in _folders_at(roots, folders))


def pages_along(roots: Iterable[tuple[str, str]], folders: list[str], name: str) -> list[bool]:
    """For each depth from 1 to `len(folders)`: whether a folder at the lower-case content path
    `folders[:depth]` holds a page or folder `name` (`index`, `_index`), as
    `content_page_on_disk(roots, "/".join(folders[:depth]) + "/" + name)` says, in one walk down
    the path (asked depth by depth, a path 800 folders deep walked 320,000 folders a page)."""
    found = [False] * len(folders)
    for root, target in roots:
        head = target.lower().split("/") if target else []
        if folders[: len(head)] != head:
            continue  # (a path above the root's place, or beside it)
        places = [root]
        if head and any(name in _listing(place)[0] for place in places):
            found[len(head) - 1] = True
        for depth in range(len(head) + 1, len(folders) + 1):
            segment = folders[depth - 1]
            places = [
                os.path.join(place, entry)
                for place in places
                for entry in _listing(place)[1].get(segment, ())
            ]
            if not places:
                break
            if any(name in _listing(place)[0] for place in places):
                found[depth - 1] = True
    return found


def _folders_at(roots: Iterable[tuple[str, str]], folders: list[str]) -> Iterator[str]:
    """The folders on disk at the lower-case content path `folders` below each of `roots`
    ((folder, its place in the content tree)), names compared without regard to case."""
    for root, target in roots:
        inside = folders
        if target:
            head = target.lower().split("/")
            if folders[: len(head)] != head:
                continue
            inside = folders[len(head) :]
        places = [root]
        for segment in inside:
            places = [
                os.path.join(place, entry)
                for place in places
                for entry in _listing(place)[1].get(segment, ())
            ]
        yield from places


def content_file_on_disk(
    roots: Iterable[tuple[str, str]],
    logical: str,
    language: str = "",
    languages: PageLanguages | None = None,
) -> bool:
    """Like `content_page_on_disk`, but any file counts whose name is `logical`'s last segment
    followed by a dot (`budget.html`, `budget.org`, `budget.fr.md`) or is that segment itself:
    for rules that may report only what no content file could be (ref-not-found). With a
    `language` (lower case) and the site's `languages`, only what may be a page of that language
    counts: hugo 0.168 finds a page of the calling page's language alone (`ref "news/budget"`
    from an English page fails when only `news/budget.fr.md` is there). A file is in the
    language its name gives (`budget.fr.md`), else in its content folder's (a language's
    contentDir, a mount's), else in the default language; where name and folder disagree, in
    either."""
    if not logical:
        return True
    *folders, name = logical.split("/")
    for index, root in enumerate(roots):
        owner = ""
        if languages is not None and index < len(languages.roots):
            owner = languages.roots[index]
        for place in _folders_at([root], folders):
            for entry in _listing(place)[1]:
                if entry == name or entry.startswith(name + "."):
                    if not language or languages is None:
                        return True
                    if language in languages.of_file(entry[len(name) + 1 :], owner):
                        return True
    return False


def content_names_on_disk(
    roots: Iterable[tuple[str, str]],
    name: str,
    language: str = "",
    languages: PageLanguages | None = None,
) -> Iterator[str]:
    """The absolute paths of the content files below `roots` that may be a page whose base name
    is `name` (lower case: `budget.md`, `Budget.fr.html`) in `language` (as
    `content_file_on_disk` tells it; any language without one), and of the folders of that name
    (a bundle's, a section's). Walks the folders, links left out (asked only before a report)."""
    for index, (root, _) in enumerate(roots):
        owner = ""
        if languages is not None and index < len(languages.roots):
            owner = languages.roots[index]
        stack = [root]
        while stack:
            try:
                with os.scandir(stack.pop()) as entries:
                    found = [(e.name, e.path, e.is_dir()) for e in entries if not entry_is_link(e)]
            except (OSError, ValueError):  # ValueError: a NUL in a configured folder
                continue
            for entry, path, folder in found:
                lowered = entry.lower()
                if folder:
                    stack.append(path)
                    if lowered == name:
                        yield os.path.abspath(path)
                    continue
                stem, _, extension = lowered.rpartition(".")
                if extension not in _CONTENT_FORMATS or not stem.startswith(name):
                    continue
                rest = lowered[len(name) :]
                if rest != "." + extension and not (
                    languages is not None
                    and rest.count(".") == 2
                    and rest[1:].partition(".")[0] in languages.names
                ):
                    continue
                if (
                    language
                    and languages is not None
                    and language not in languages.of_file(rest[1:], owner)
                ):
                    continue
                yield os.path.abspath(path)


class PageLanguages(NamedTuple):
    """What tells the language of a content file from its name and folder (`content_file_on_disk`):
    the site's languages and its default (lower case), and for each of its content folders
    (`Site.all_content_roots`, in order) the language it holds ("" for one shared by all, whose
    files are in the default language unless their name says another)."""

    names: tuple[str, ...]
    default: str
    roots: tuple[str, ...]

    def of_file(self, rest: str, owner: str) -> set[str]:
        """The languages a file may be in: `rest` is its name after the page's name and a dot
        (`fr.md`, `md`, "" for a folder or a name without one), `owner` its folder's language."""
        head, dot, _ = rest.partition(".")
        by_name = head if dot and head in self.names else ""
        found = {by_name or owner or self.default}
        if by_name and owner:
            found.add(owner)
        return found


def content_adapter_on_disk(roots: Iterable[tuple[str, str]]) -> bool:
    """Whether a content folder holds a content adapter (`_content.gotmpl`) anywhere: it adds
    pages no file names. Walks the folders (asked only before a report)."""
    for root, _ in roots:
        if any(name.lower() == "_content.gotmpl" for name in _file_names_below(root)):
            return True
    return False


# Files in which hosts keep redirects (Netlify, Cloudflare Pages, Vercel, Firebase, Azure Static
# Web Apps, Apache): `Site.keeps_host_redirects`.
_HOST_REDIRECT_FILES = (
    "_redirects",
    "netlify.toml",
    "vercel.json",
    "firebase.json",
    "staticwebapp.config.json",
    ".htaccess",
)


def _content_submodule(root: Path, roots: tuple[tuple[str, str], ...]) -> bool:
    """Whether `root`'s `.gitmodules` names a submodule in (or holding) one of the `roots`."""
    try:
        with open(root / ".gitmodules", encoding="utf-8", errors="replace") as file:
            text = file.read(1_000_000)
    except OSError:
        return False
    paths = [
        os.path.abspath(os.path.join(root, line.partition("=")[2].strip()))
        for line in text.splitlines()
        if line.strip().lower().startswith("path") and "=" in line
    ]
    folders = [os.path.abspath(folder) for folder, _ in roots]
    return any(
        path == folder or path.startswith(folder + os.sep) or folder.startswith(path + os.sep)
        for path in paths
        for folder in folders
    )


def content_files_on_disk(
    roots: Iterable[tuple[str, str]], limit: int, languages: Collection[str] = ()
) -> int | None:
    """How many content files (any format Hugo renders: `.md`, `.html`, `.org` ...) the content
    folders hold, at any depth; None when one holds a content adapter (`_content.gotmpl`, which
    adds pages no file names), or as soon as there are more than `limit` (a pre-commit hook's
    run of one file does not walk a site of thousands). A folder given twice is counted once.
    A leaf bundle's resources are no pages (`bundle_resource`: `notes.md` or `index.cn.md`
    beside `index.md`, anything in its subfolders), and a run does not lint them: only its index
    files are counted (`languages`, lower case, tell which `index.<lang>.md` is one). Walks the
    folders (asked only before a report)."""
    count = 0
    for root in dict.fromkeys(os.path.abspath(folder) for folder, _ in roots):
        for name in _page_file_names_below(root, languages):
            lowered = name.lower()
            if lowered == "_content.gotmpl":
                return None
            if lowered.rpartition(".")[2] in _CONTENT_FORMATS and "." in lowered:
                count += 1
                if count > limit:
                    return None
    return count


def automatic_section_on_disk(
    roots: Iterable[tuple[str, str]],
    segment: str,
    language: str,
    default: str,
    languages: Collection[str],
) -> str | None:
    """The top-level content folder whose list page hugo 0.168 makes without an `_index` file,
    at `/segment/` (as `path_segment` writes its name: `Über Uns` is `über-uns`), for the pages
    of `language` (lower case; `default` the site's default language, `languages` all of them):
    a folder with no section or bundle `index` file of its own that holds a page of that
    language anywhere below it (a draft, a bundle's page: checked with the binary; a folder
    holding only other files, or only pages of other languages, has none), and no page file of
    the folder's path beside it (`news.md`, `news.fr.md`: hugo 0.168 then makes no list page of
    `news/`, in any language, and writes that page at `/news/`). Its path, or None. Only content
    folders at the content tree's root are looked at."""
    for root, target in roots:
        if target:
            continue
        children = _listing(root)[1]
        for name, entries in children.items():
            if path_segment(name) != segment or _page_named(children, name, languages):
                continue
            for entry in entries:
                folder = os.path.join(root, entry)
                if _is_dir(Path(folder)) and _automatic_section(
                    folder, language, default, languages
                ):
                    return folder
    return None


def _page_named(children: Iterable[str], name: str, languages: Collection[str]) -> bool:
    """Whether the lower-case names `children` of a folder hold a content file whose path is
    `name` (`news.md`, `news.fr.md`, `news.html` for `news`), in any language."""
    for child in children:
        stem, _, extension = child.rpartition(".")
        if extension not in _CONTENT_FORMATS:
            continue
        if stem == name or (
            stem.rpartition(".")[0] == name and stem.rpartition(".")[2] in languages
        ):
            return True
    return False


def _automatic_section(
    folder: str, language: str, default: str, languages: Collection[str]
) -> bool:
    """Whether hugo 0.168 makes a list page of `folder` for `language` (`automatic_section_on_disk`):
    the first page of that language found below it ends the walk."""
    for name in _listing(folder)[1]:
        parts = name.split(".")
        if parts[0] in ("index", "_index") and parts[-1] in _CONTENT_FORMATS:
            # a section page (whose URL is its own), or a leaf bundle (in some language)
            return False
    for name in _file_names_below(folder):
        lowered = name.lower()
        if not lowered.endswith(PAGE_SUFFIXES):
            continue
        parts = lowered.split(".")
        written = parts[-2] if len(parts) > 2 and parts[-2] in languages else default
        if written == language:
            return True
    return False


def _page_file_names_below(root: str, languages: Collection[str]) -> Iterator[str]:
    """`_file_names_below`, but of a leaf bundle (a folder below `root` holding a `leaf_index`
    file) only its index files: the rest, in it or in its subfolders, are its resources (checked
    with hugo 0.168; `root` itself is no bundle, as `bundle_resource` has it)."""
    stack = [(root, True)]
    while stack:
        folder, top = stack.pop()
        listed = _files_and_folders(folder)
        if listed is None:
            continue
        files, folders = listed
        indexes = [] if top else [name for name in files if _leaf_index_in(name, languages)]
        if indexes:
            yield from indexes
            continue
        yield from files
        stack.extend((inner, False) for inner in folders)


def _file_names_below(root: str) -> Iterator[str]:
    """The names of the files in `root` and in its folders, at any depth (symbolic links left
    out, to files as to folders, as hugo 0.168 leaves them out below a content folder: see
    `newslint.discover`; folders that cannot be listed skipped). A
    stack of its own: `os.walk` recurses (before Python 3.12), and a content tree 1,000 folders
    deep ended it, and ref-not-found with it, in a RecursionError."""
    stack = [root]
    while stack:
        listed = _files_and_folders(stack.pop())
        if listed is not None:
            yield from listed[0]
            stack.extend(listed[1])


def _files_and_folders(folder: str) -> tuple[list[str], list[str]] | None:
    """The names of the files in `folder` and the paths of its folders, symbolic links left out
    (to files as to folders); None when it cannot be listed."""
    files: list[str] = []
    folders: list[str] = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                try:
                    if entry.is_symlink():
                        continue
                    inner = entry.is_dir(follow_symlinks=False)
                except OSError:
                    inner = False
                if inner:
                    folders.append(entry.path)
                else:
                    files.append(entry.name)
    except (OSError, ValueError):  # ValueError: a NUL in a configured folder
        return None
    return files, folders


# Folder -> (its modification time, its listing): a page with many `ref`s into a folder of
# thousands of articles lists it once; a file added or removed since (`newslint watch`) changes
# the folder's time, and the folder is listed again.
_LISTINGS: dict[str, tuple[int, tuple[set[str], dict[str, list[str]]]]] = {}


def _listing(folder: str) -> tuple[set[str], dict[str, list[str]]]:
    """The names `folder` holds a page or folder of, lower case (`budget` and `budget.fr` for
    `Budget.fr.md`, `news` for the folder `News`), and its entries by their lower-case name.
    Symbolic links are left out: `folder` is a content folder, below which hugo 0.168 makes no
    page of a link, to a file or to a folder (`newslint.discover`)."""
    try:
        changed = os.stat(folder).st_mtime_ns
        kept = _LISTINGS.get(folder)
        if kept is not None and kept[0] == changed:
            return kept[1]
        with os.scandir(folder) as found:
            entries = [entry.name for entry in found if not entry_is_link(entry)]
    except (OSError, ValueError):  # ValueError: a NUL in a folder from the configuration
        return set(), {}
    names: set[str] = set()
    children: dict[str, list[str]] = {}
    for entry in entries:
        lowered = entry.lower()
        children.setdefault(lowered, []).append(entry)
        names.add(lowered)
        if lowered.endswith(PAGE_SUFFIXES):
            parts = lowered.split(".")
            names.update(".".join(parts[:count]) for count in range(1, len(parts)))
    _LISTINGS[folder] = (changed, (names, children))
    return names, children


def entry_is_link(entry: os.DirEntry[str]) -> bool:
    """Whether a folder entry is a symbolic link (False when that cannot be told)."""
    try:
        return entry.is_symlink()
    except OSError:
        return False


# Folder -> (its modification time, the languages asked for, whether it holds an `index` content
# file, whether any entry is named `index.md` in any case): each article of a folder of thousands
# asks, and the folder's entries are looked through once.
_BUNDLE_INDEX: dict[str, tuple[int, frozenset[str], bool, bool]] = {}


# The content formats whose `index` file is a leaf bundle's page (checked with hugo 0.168:
# `index.html` is the page of its folder too).
_CONTENT_FORMATS = frozenset(
    {"md", "markdown", "mdown", "html", "htm", "org", "adoc", "asciidoc", "ad", "pandoc", "pdc"}
    | {"rst"}
)
CONTENT_FORMATS = _CONTENT_FORMATS  # for rules: the extensions Hugo makes a page of


def leaf_index(name: str, site: Site) -> bool:
    """Whether the file `name` is a leaf bundle's page: `index.md`, or `index.en.md` in a
    language of the site, in any content format (`index.de.md` on a site without `de` is the page
    `index.de`, whose folder is no bundle: checked with hugo 0.168)."""
    return _leaf_index_in(name, site._known_languages())


def _leaf_index_in(name: str, languages: Collection[str]) -> bool:
    """`leaf_index` for a site whose languages are `languages` (lower case)."""
    parts = name.lower().split(".")
    if parts[0] != "index" or len(parts) not in (2, 3) or parts[-1] not in _CONTENT_FORMATS:
        return False
    return len(parts) == 2 or parts[1] in languages


def bundle_resource_on_disk(path: str, depth: int, languages: Collection[str]) -> bool:
    """`Site.bundle_resource` from plain data, for rules that look again when the run ends
    (a result from the cache then sees the folders as they are now): the content file `path`
    (absolute), the number of folders between it and its content root (`depth`: 2 for
    `news/story/notes.md`) and the site's languages (lower case)."""
    # Text paths, not pathlib objects: this runs for every article (perf28).
    folder, name = os.path.split(path)
    # Beside its own index file (`index.fr.md` beside `index.md`) a file is the bundle's page
    # in another language.
    own_index = _leaf_index_in(name, languages) or name.lower().startswith("_index.")
    # The folders between the file and the content root: a bundle may hold the file in one.
    for level in range(depth):
        holds, named = _holds_index(folder, languages)
        if holds and (level > 0 or not own_index):
            _record_listing(folder)  # the bundle's folder: its index may go
            return True
        # For the cache, the usual index file's absence, not the folder's listing: a section
        # folder changes with every article added, which would make its articles' results
        # stale each time (a bundle made around a file already cached by another index
        # name, `index.fr.md` alone, is seen when the file changes).
        probes = _PROBES.get()
        if probes is not None:
            index = os.path.join(folder, "index.md")
            if named:
                _exists(index)
            else:  # no entry by that name in any case: absent, as the listing just told
                probes.append((os.path.abspath(index), False))
        folder = os.path.dirname(folder)
    return False


def _holds_index(folder: str, languages: Collection[str]) -> tuple[bool, bool]:
    """Whether `folder` holds a leaf bundle's `index` file (`leaf_index`, for a site whose
    languages are `languages`), and whether any of its entries (a link too) is named `index.md`
    in any case (when none is, that path does not exist, whatever the file system's case)."""
    try:
        changed = os.stat(folder).st_mtime_ns
    except (OSError, ValueError):  # ValueError: a NUL in a folder from the configuration
        return False, True
    # The languages too: whether `index.de.md` makes a bundle depends on them (a configuration
    # edited while `newslint watch` or the server runs).
    wanted = frozenset(languages)
    kept = _BUNDLE_INDEX.get(folder)
    if kept is not None and kept[0] == changed and kept[1] == wanted:
        return kept[2], kept[3]
    # Looked through here, not kept as a listing (`_listing`): a section of thousands of
    # articles would keep every name in memory, in every worker (peak memory must not grow
    # with the number of files); the answer is all that is kept.
    found = named = False
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.lower() == "index.md":
                    named = True
                if not found and _leaf_index_in(entry.name, languages):
                    found = not entry_is_link(entry)
    except OSError:
        found, named = False, True
    _BUNDLE_INDEX[folder] = (changed, wanted, found, named)
    return found, named


def _outer_site(folder: str) -> Site | None:
    """The site above `folder` (a folder holding a file by a configuration's name) when its
    content holds `folder`, else None. Hugo reads a page bundle's `config.json` or `config.yaml`
    (an article's attachment) as a resource of the page, not as the configuration of a site:
    the bundle's article is a page of the site above, in its language and time zone, with its
    theme. Only the nearest site above is asked (no recursion: a tree of nested bundles each
    with a `config.json` costs one walk up)."""
    current = os.path.dirname(folder)
    while current != folder:
        site = _SITES.get(current)
        if site is None:
            found = _own_config(Path(current), listing=False)
            if found is not None:
                site = load_site(Path(current), found)
        if site is not None:
            return site if site.root is not None and _holds(site, folder) else None
        folder, current = current, os.path.dirname(current)
    return None


def _holds(site: Site, folder: str) -> bool:
    """Whether `folder` lies in (or is) one of the site's content folders."""
    real = _real(folder)
    for content, _ in site._content_roots():
        base = _real(content)
        if real == base or real.startswith(base.rstrip(os.sep) + os.sep):
            return True
    return False


def _own_config(directory: Path, *, listing: bool = True) -> Path | None:
    """The configuration file that makes `directory` a site root, if there is one. With
    `listing`, one listing of the folder instead of a stat per candidate name (nine per folder):
    right for the folders of a site, wrong for the ones above it (`_outer_site`), such as `/tmp`
    or a home folder, whose thousands of names would be read for nine."""
    # A candidate in the listing is still checked with is_file, so a case-insensitive file system
    # answers as before.
    names: set[str] | None = None
    if listing:
        try:
            names = {name.lower() for name in os.listdir(directory)}
        except (OSError, ValueError):
            names = None  # not listable (execute-only): its files can still be there
    for name in CONFIG_NAMES:
        if (names is None or name in names) and _is_file(directory / name):
            if name == "config.toml" and _zola_config(directory / name):
                continue
            return directory / name
        if names is not None and name in names and os.path.lexists(directory / name):
            # A folder, a pipe or a broken link by a configuration's name, which Hugo fails
            # on: still the site's root, whose configuration cannot be read (`_load` says why),
            # not a folder passed over without a word for the site above it, or none.
            return directory / name
    if names is None or "config" in names:
        default_dir = directory / "config" / "_default"
        if _is_dir(default_dir):
            return _config_dir_file(default_dir)
    return None


# Zola's configuration is a `config.toml` too, whose `base_url` (required there) Hugo does not
# read: Hugo's is `baseURL` (any case, no underscore). Both are top-level keys, written before
# the first table header.
_TABLE_HEADER = re.compile(r"^[ \t]*\[", re.M)
_ZOLA_BASE_URL = re.compile(r"^[ \t]*base_url[ \t]*=", re.M)
_HUGO_BASE_URL = re.compile(r"^[ \t]*[\"']?baseurl[\"']?[ \t]*=", re.M | re.I)
_ZOLA_MEMO: dict[tuple[str, int, int], bool] = {}


def _zola_config(path: Path) -> bool:
    """Whether `path` (a `config.toml`) is a Zola site's configuration, not Hugo's: a top-level
    `base_url` and no `baseURL`. Zola's `content/` holds Markdown with front matter too, but its
    aliases, shortcodes and templates are not Hugo's, so its articles are linted as outside a
    Hugo site (Hugo's alias and shortcode fixes would break them)."""
    try:
        info = path.stat()
        key = (os.fspath(path), info.st_mtime_ns, info.st_size)
        known = _ZOLA_MEMO.get(key)
        if known is not None:
            return known
        with open(path, "rb") as handle:
            head = handle.read(1 << 16).decode("utf-8", "replace")
    except (OSError, ValueError):
        return False
    header = _TABLE_HEADER.search(head)
    top = head[: header.start()] if header else head
    found = _ZOLA_BASE_URL.search(top) is not None and _HUGO_BASE_URL.search(top) is None
    if len(_ZOLA_MEMO) >= 1024:
        _ZOLA_MEMO.clear()
    _ZOLA_MEMO[key] = found
    return found


def _hugo_env() -> tuple[tuple[str, str], ...]:
    """The `HUGO*` environment variables, which override configuration keys in Hugo."""
    return tuple(sorted((k, v) for k, v in os.environ.items() if k.startswith("HUGO")))


def _merge(into: dict[str, Any], new: dict[str, Any]) -> None:
    """Hugo's `Set("", ...)`: maps merge key by key (recursively), anything else is replaced."""
    for key, value in new.items():
        old = into.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            _merge(old, value)
        else:
            into[key] = value


def _spellings(data: Any, found: dict[str, str]) -> None:
    """Remember the written spelling of each language key (`zh-CN`), which lowering loses."""
    languages = data.get("languages") if isinstance(data, dict) else None
    if isinstance(languages, dict):
        for key in languages:
            found[str(key).lower()] = str(key)


# Files and folders a configuration folder may hold, far beyond any site's (a few dozen): past it
# the folder is something else (`HUGO_ENVIRONMENT=../../..` is the file system's root).
_MAX_CONFIG_ENTRIES = 10_000


def _dir_files(directory: Path, errors: list[str]) -> list[Path]:
    """Configuration files under `directory`, in the lexical walk order Hugo (afero.Walk) uses.
    Like it, a symbolic link to a folder is not followed (hugo 0.168 reads no file below one;
    two links back to the folder made 2**40 paths to walk), and the walk keeps its own stack (a
    tree 1,000 folders deep is no RecursionError)."""
    out: list[Path] = []
    stack = [directory]
    seen = 0
    while stack:
        entry = stack.pop()
        if entry is directory or _is_real_dir(entry):
            try:
                children = sorted(entry.iterdir(), key=lambda p: p.name)
            except (OSError, ValueError):
                continue
            seen += len(children)
            if seen > _MAX_CONFIG_ENTRIES:
                errors.append(
                    f"{directory}: cannot read: more than {_MAX_CONFIG_ENTRIES:,} files and"
                    " folders, not a configuration folder; the rest of the configuration is used"
                )
                return []
            stack.extend(reversed(children))
        elif entry.suffix.lower() in _SUFFIXES:
            out.append(entry)
    return out


def _is_real_dir(path: Path) -> bool:
    """Whether `path` is a folder and not a symbolic link to one (False where it cannot be told)."""
    try:
        return not path.is_symlink() and path.is_dir()
    except (OSError, ValueError):
        return False


def _dir_part(path: Path, item: dict[str, Any]) -> dict[str, Any]:
    """Where a file of a configuration folder goes: `hugo.toml` at the top, `params.toml` under
    `params`, `params.fr.toml` under `languages.fr.params`, `menus.fr.toml` under
    `languages.fr.menus`, any other `x.fr.toml` under `languages.fr` (Hugo's LoadConfigFromDir)."""
    name = path.stem
    if name in ("hugo", "config"):
        return item
    base, _, language = name.rpartition(".")
    if not base:
        return {name: _unwrapped(item, name)}
    if base in ("menu", "menus"):
        item = {"menus": _unwrapped(item, base)}
    elif base == "params":
        item = {"params": _unwrapped(item, base)}
    return {"languages": {language: item}}


def _taxonomy_table(table: dict[Any, Any]) -> dict[str, str]:
    """A `taxonomies` table as Hugo decodes it: singular -> plural, a number read as its text;
    an empty value, or a table or list where the plural belongs (`[taxonomies.x]`), is no
    taxonomy (hugo 0.168 drops it)."""
    return {str(k): str(v) for k, v in table.items() if v and not isinstance(v, (dict, list))}


def _unwrapped(item: dict[str, Any], key: str) -> dict[str, Any]:
    """A folder file's content without the wrapper a writer repeated: `languages.toml` whose only
    top-level key is `[languages]`, `params.fr.toml` holding only `[params]`. Hugo unwraps it
    when that key is the file's own name spelled the same (`[Params]` in `params.toml` stays
    wrapped) and is the file's only top-level key."""
    if len(item) == 1:
        inner = item.get(key)
        if isinstance(inner, dict):
            return inner
    return item


def _read_config(
    root: Path,
    config_path: Path,
    errors: list[str],
    hugo_env: tuple[tuple[str, str], ...] = (),
    origins: dict[str, Path] | None = None,
) -> tuple[dict[str, Any], dict[str, str]] | None:
    """The merged configuration (keys lower-cased) and the written spelling of its language keys;
    None when the main file cannot be read. `origins` is given the file that last set each
    top-level key and each key of a top-level table (`module.mounts` from
    `config/_default/module.toml`), for messages that name it."""
    found = origins if origins is not None else {}
    merged: dict[str, Any] = {}
    spelled: dict[str, str] = {}
    if config_path.parent == root:
        try:
            data = _load(config_path)
        except _read_errors() as err:
            errors.append(
                f"{config_path}: cannot read the site configuration:"
                f" {_read_problem(err, config_path)}; using defaults"
            )
            return None
        _spellings(data, spelled)
        _merge(merged, lower_keys(data))
        _note_origins(found, data, config_path)
    env = dict(hugo_env)
    name = env.get("HUGO_ENVIRONMENT") or env.get("HUGO_ENV") or "production"
    # Go's filepath.Join(configDir, environment), which cleans the result: `HUGO_ENV=/` is the
    # config folder itself, not the file system's root.
    environment = root / posixpath.normpath(posixpath.join("config", name.lstrip("/")))
    for folder in (root / "config" / "_default", environment):
        if not _is_real_dir(folder):  # hugo 0.168 reads nothing through a link to the folder
            continue
        for part in _dir_files(folder, errors):
            try:
                data = _dir_part(part, _load(part))
            except _read_errors() as err:
                errors.append(
                    f"{part}: cannot read: {_read_problem(err, part)};"
                    " the rest of the configuration is used"
                )
                continue
            _spellings(data, spelled)
            _merge(merged, lower_keys(data))
            _note_origins(found, data, part)
    _env_overrides(merged, hugo_env)
    return merged, spelled


def _note_origins(origins: dict[str, Path], data: dict[str, Any], path: Path) -> None:
    """Record `path` as where `data`'s top-level keys and their tables' keys were set."""
    for key, value in data.items():
        origins[str(key).lower()] = path
        if isinstance(value, dict):
            origins.update(
                dict.fromkeys((f"{str(key).lower()}.{str(k).lower()}" for k in value), path)
            )


def _env_overrides(data: dict[str, Any], hugo_env: tuple[tuple[str, str], ...]) -> None:
    """`HUGO_TIMEZONE=Europe/Oslo` sets `timezone`; the character after `HUGO` separates the
    parts of a nested key (`HUGO_MARKUP_GOLDMARK_RENDERER_UNSAFE`), as in Hugo. The value stays a
    string: the readers take "true" for a boolean, as Hugo's decoding does."""
    for name, value in hugo_env:
        rest = name[len("HUGO") :]
        if len(rest) < 2 or name in ("HUGO_ENVIRONMENT", "HUGO_ENV"):
            continue
        parts = rest[1:].lower().split(rest[0])
        if not all(parts):
            continue
        target = data
        for part in parts[:-1]:
            child = target.get(part)
            if not isinstance(child, dict):
                child = target[part] = {}
            target = child
        # A list key set from the environment is split at spaces: `HUGO_DISABLELANGUAGES="fr de"`.
        target[parts[-1]] = value.split() if parts[-1] in _ENV_LISTS else value


# Keys Hugo reads as lists of strings, which an environment variable gives space-separated.
_ENV_LISTS = frozenset({"disablelanguages", "ignorefiles"})


def load_site(root: Path, config_path: Path) -> Site:
    """The site at `root` as `hugo` would build it now (its environment variables included)."""
    return _load_site(root, config_path, _hugo_env())


@lru_cache(maxsize=64)
def _load_site(root: Path, config_path: Path, hugo_env: tuple[tuple[str, str], ...]) -> Site:
    site = Site(root=root, config_path=config_path)
    env = dict(hugo_env)
    site.environment = env.get("HUGO_ENVIRONMENT") or env.get("HUGO_ENV") or "production"
    origins: dict[str, Path] = {}
    read = _read_config(root, config_path, site.errors, hugo_env, origins)
    if read is None:
        site.widgets, site.widgets_from_theme = _widgets(root, ())
        return site
    data, spelled = read
    site.raw = data
    themes_dir = _themes_dir(root, data)
    site.themes = _components(root, themes_dir, _themes(data))
    site.theme = site.themes[0] if site.themes else None
    _with_theme_config(data, root, themes_dir, site.themes)
    zone = data.get("timezone")
    if isinstance(zone, str) and zone:
        site.time_zone = _checked_zone(zone, "timeZone", config_path, site.errors)
        if site.time_zone is None:
            site.unusable_time_zones[None] = zone
    _read_languages(site, data, spelled, config_path)
    site.content_mounts = _mounts(data, spelled, "content", site._known_languages())
    _removed_mount_settings(data, origins.get("module.mounts", config_path), site.errors)
    _unknown_markdown_handler(
        data, origins.get("markup.defaultmarkdownhandler", config_path), site.errors
    )
    _unknown_caches(data, origins, config_path, site.errors)
    site.static_mounts = _mounts(data, spelled, "static", site._known_languages())
    site.build_future = _build_future(data.get("buildfuture"), config_path, site.errors)
    site.unsafe_html = _unsafe_html(root, themes_dir, site.themes, data)
    taxonomies = data.get("taxonomies")
    if isinstance(taxonomies, dict):
        site.taxonomies = _taxonomy_table(taxonomies)
    site.date_sources = date_sources(data.get("frontmatter"))
    site.build_expired = _to_bool(data.get("buildexpired", False))
    _read_skipped(site, data, config_path)
    site.widgets, site.widgets_from_theme = _widgets(root, site.themes, themes_dir)
    site.widgets_unseen = _unseen_components(root, site.themes, themes_dir)
    reads = _template_reads(root, site.themes, themes_dir)
    site.template_params, site.template_pipes, site.template_paths, resources = reads
    layout_mounts = _mounts(data, spelled, "layouts", {})
    site.template_resources = resources or bool(layout_mounts)
    site.docs_layouts = (
        site.widgets_unseen
        or _docs_layouts(root, site.themes, themes_dir)
        or _docs_layout_mounts(root, layout_mounts)
    )
    # A component not on disk, a `layouts` mount, or another `layoutDir` (hugo 0.168 reads the
    # site's templates there) may define any shortcode.
    layout_dir = str(data.get("layoutdir", "layouts")).strip().strip("/")
    unseen = site.widgets_unseen or bool(layout_mounts) or layout_dir not in ("layouts", "")
    site.shortcode_templates, site.shortcodes_unseen = _shortcode_templates(
        root, site.themes, themes_dir, unseen
    )
    site.pinned_hugo = _pinned_hugo(root)
    return site


# The files a host or a CI service reads the Hugo version of a build from (`_pinned_hugo`), at the
# root of the repository or of the site; and the folder of GitHub's workflows.
HUGO_PIN_FILES = ("netlify.toml", "vercel.json", "wrangler.toml", ".gitlab-ci.yml")
GITHUB_WORKFLOWS = os.path.join(".github", "workflows")
# `HUGO_VERSION = "0.120.0"` (TOML), `HUGO_VERSION: 0.120.0` (YAML), `"HUGO_VERSION": "v0.120"`
# (JSON), peaceiris/actions-hugo's `hugo-version: '0.120.0'`, and a GitLab job's Hugo image
# (`image: registry.gitlab.com/pages/hugo/hugo_extended:0.120.0`). Read rarely (only for a site
# that calls a removed shortcode): compiled by `re`'s own cache when needed.
_HUGO_PIN = (
    r"""(?:\bHUGO_VERSION["']?|\bhugo-version)\s*[:=]\s*["']?v?(\d+)\.(\d+)(?:\.(\d+))?\b"""
    r"""|\bimage:\s*["']?[^\s"'#]*hugo[^\s"'#:/]*:v?(\d+)\.(\d+)(?:\.(\d+))?\b"""
)


def _pinned_hugo(root: Path) -> tuple[tuple[int, int, int], ...]:
    """The Hugo versions pinned for the site's builds outside its configuration (see
    `Site.pinned_hugo`): in `root` and the folders above it, up to the one holding `.git` (only
    `root` outside a repository). A value that is no version (`latest`, `${{ env.X }}`) pins
    nothing."""
    folders = [root]
    current = root
    while not _present(current / ".git"):
        if current.parent == current or len(folders) > 8:
            folders = [root]  # no repository: the site's folder alone
            break
        current = current.parent
        folders.append(current)
    found: list[tuple[int, int, int]] = []
    for folder in folders:
        names = [folder / name for name in HUGO_PIN_FILES]
        workflows = folder / GITHUB_WORKFLOWS
        if _is_dir(workflows):
            with suppress(OSError):
                names += sorted(
                    workflows / name
                    for name in os.listdir(workflows)
                    if name.lower().endswith((".yml", ".yaml"))
                )
        for name in names:
            if not _is_file(name):
                continue
            try:
                with open(name, encoding="utf-8", errors="replace") as handle:
                    text = handle.read(1 << 18)
            except OSError:
                continue
            for match in re.finditer(_HUGO_PIN, text):
                numbers = [int(part) for part in match.groups() if part is not None]
                if len(numbers) == 2:
                    numbers.append(0)
                found.append((numbers[0], numbers[1], numbers[2]))
    return tuple(sorted(set(found)))


def _unsafe_html(
    root: Path, themes_dir: Path, themes: tuple[str, ...], data: dict[str, Any]
) -> bool:
    """`markup.goldmark.renderer.unsafe`: the site's own, else its theme's when the site's
    `markup` takes the theme's with `_merge` (`deep`; `shallow` only while the site sets no
    `goldmark` itself), as Hugo Blox sites do. Hugo merges no `markup` from a theme by default
    (checked with hugo 0.168). A component that is not on disk (a module in Hugo's cache) may
    allow raw HTML: unknown, it is taken to, so that no kept HTML is reported as dropped."""
    markup = data.get("markup")
    if not isinstance(markup, dict):
        return False
    own = _dig(markup, "goldmark", "renderer", "unsafe")
    if own is not None:
        return _to_bool(own)
    merge = str(markup.get("_merge", "")).lower()
    if merge not in ("deep", "shallow") or (merge == "shallow" and "goldmark" in markup):
        return False
    for name in themes:
        bases = [base for base in _component_bases(root, themes_dir, name) if _is_dir(base)]
        if not bases:
            return True
        config = _component_config(bases[0])
        value = _dig(config, "markup", "goldmark", "renderer", "unsafe")
        if value is not None:
            return _to_bool(value)
    return False


def _dig(data: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _themes(data: dict[str, Any]) -> tuple[str, ...]:
    """The theme components: `theme` (a name, a list, or a comma-separated string), then the
    paths of `module.imports` (`[[module.imports]] path = "github.com/Vimux/Mainroad"`).

    `hugo --theme a,b` splits at commas; hugo 0.168 reads `theme = "a,b"` in a configuration file
    (or `HUGO_THEME=a,b`) as one module named `a,b` and cannot build. Split, it names what was
    meant, so the widgets of `a` and `b` are still found."""
    theme = data.get("theme")
    names = theme.split(",") if isinstance(theme, str) else theme
    found = [str(n).strip() for n in names if str(n).strip()] if isinstance(names, list) else []
    imports = _dig(data, "module", "imports")
    for item in imports if isinstance(imports, list) else ():
        path = item.get("path") if isinstance(item, dict) else None
        if isinstance(path, str) and path and not _to_bool(item.get("disable", False)):
            found.append(path)
    return tuple(dict.fromkeys(found))


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


def _read_languages(site: Site, data: dict[str, Any], spelled: dict[str, str], where: Path) -> None:
    """Languages, their contentDir, timeZone and locale, and the default language as Hugo picks it:
    `defaultContentLanguage`, else `en` when the site has it, else the first language by weight
    (an unset weight last), then by name."""
    languages = data.get("languages")
    if "languages" in data and not languages:
        # hugo 0.168 refuses `languages:` null, `[languages]` with no language, an empty
        # config/_default/languages.toml: `invalid language configuration for "en"`.
        site.errors.append(
            f"{where}: languages is set but names no language (Hugo cannot build: invalid "
            "language configuration)"
        )
    languages = languages if isinstance(languages, dict) else {}
    names: list[str] = []
    weights: list[tuple[bool, float, str, str]] = []
    for key, settings in languages.items():
        name = str(key)
        written = spelled.get(name, name)  # `zh-CN` as written, not Hugo's `zh-cn`
        names.append(written)
        if settings is None:
            # `languages: {en: {}, fr: }`: `invalid language configuration for "fr"` (0.168).
            site.errors.append(
                f"{where}: languages.{written} is empty (Hugo cannot build: invalid language "
                "configuration; write {} for a language with no settings)"
            )
        settings = settings if isinstance(settings, dict) else {}
        weight = settings.get("weight")
        number = float(weight) if isinstance(weight, int | float) and weight is not True else 0.0
        weights.append((not number, number, name, written))
        content_dir = settings.get("contentdir")
        if content_dir:
            site.languages[written] = str(content_dir)
        zone = settings.get("timezone")
        if isinstance(zone, str):
            checked = (
                _checked_zone(zone, f"languages.{written}.timeZone", where, site.errors)
                if zone
                else None
            )
            if checked is not None or zone in ("", "Local"):
                # An empty one is the language's own too: hugo 0.168 reads its pages in UTC,
                # not in the site's zone (and `Local`, the build machine's, is unknown here).
                site.language_time_zones[written] = checked or ""
            if zone and checked is None:
                site.unusable_time_zones[written] = zone
        locale = settings.get("locale") or settings.get("languagecode")
        if isinstance(locale, str) and locale:
            site.language_locales[written] = locale
    site.language_names = tuple(names)
    default = data.get("defaultcontentlanguage")
    if isinstance(default, str) and default:
        site.default_language = spelled.get(default.lower(), default)
        if languages and default.lower() not in {str(key).lower() for key in languages}:
            # hugo 0.168: `defaultContentLanguage "de" not found in languages configuration`.
            site.errors.append(
                f"{where}: defaultContentLanguage {default!r} is not one of the languages "
                f"({', '.join(names)}) (Hugo cannot build)"
            )
    elif weights and "en" not in languages:
        site.default_language = min(weights)[3]
    # The site-level locale (`languageCode`) is the default language's unless it sets its own.
    locale = data.get("locale") or data.get("languagecode")
    if isinstance(locale, str) and locale:
        site.language_locales.setdefault(site.default_language, locale)


def _mounts(
    data: dict[str, Any], spelled: dict[str, str], tree: str, known: dict[str, str]
) -> tuple[Mount, ...]:
    """The site's own `[[module.mounts]]` whose target is `tree` (`content`, `static`) or a folder
    in it; `known`: the site's languages by lower-case name (`Site._known_languages`)."""
    mounts = _dig(data, "module", "mounts")
    found: list[Mount] = []
    for item in mounts if isinstance(mounts, list) else ():
        if not isinstance(item, dict):
            continue
        source, target = item.get("source"), item.get("target")
        if not (isinstance(source, str) and source.strip() and isinstance(target, str)):
            continue
        parts = [part for part in target.replace("\\", "/").split("/") if part not in ("", ".")]
        if not parts or parts[0] != tree:
            continue
        languages = _string_list(_dig(item, "sites", "matrix", "languages"))
        if not languages and isinstance(item.get("lang"), str) and item["lang"]:
            languages = [item["lang"]]
        language = _mount_language(languages, spelled, known)
        include, exclude, files = (
            tuple(_mount_glob(g) for g in _string_list(item.get(key)) if g.strip())
            for key in ("includefiles", "excludefiles", "files")
        )
        found.append(Mount(source, "/".join(parts[1:]), language, include, exclude, files))
    return tuple(found)


def _mount_language(
    languages: list[str], spelled: dict[str, str], known: dict[str, str]
) -> str | None:
    """The one language a mount's `sites.matrix.languages` (or `lang`) puts its pages in: the one
    its globs take in (`! en` on a site of English and French is French, as hugo 0.168 builds
    it), None for several. A name that takes in none (`zh-CN`: Hugo matches with case against
    its lower-case names, and builds none of the mount's pages) is taken as the language meant."""
    from newslint.cascade import chosen_languages

    if not languages:
        return None
    chosen = chosen_languages(tuple(languages), tuple(known))
    if len(chosen) == 1:
        return known[chosen[0]]
    one = languages[0] if len(languages) == 1 and not _GLOB_CHARS & set(languages[0]) else None
    return spelled.get(one.lower(), one) if one and not chosen else None


def _mount_glob(glob: str) -> str:
    """A mount glob as `Mount.mounts` matches it: lower case, without the leading slash (kept
    after a `! `)."""
    glob = glob.strip().lower()
    if glob.startswith("! "):
        return "! " + glob[2:].strip().lstrip("/")
    return glob.lstrip("/")


def _removed_mount_settings(data: dict[str, Any], where: Path, errors: list[str]) -> None:
    """`includeFiles`/`excludeFiles` on a mount: Hugo 0.153 replaced them with `files`; `lang`,
    with `sites.matrix.languages`. hugo 0.168 logs an error for each (the build fails) while
    still applying them."""
    mounts = _dig(data, "module", "mounts")
    removed = (
        ("includefiles", "includeFiles", "`files`", "mounts what the setting selects"),
        ("excludefiles", "excludeFiles", "`files`", "mounts what the setting selects"),
        ("lang", "lang", "`sites.matrix.languages`", "builds the mount's pages in that language"),
    )
    for key, name, instead, still in removed:
        if any(
            isinstance(m, dict) and key in m for m in (mounts if isinstance(mounts, list) else ())
        ):
            errors.append(
                f"{where}: module.mounts {name} was removed in Hugo 0.153 (use {instead}): "
                f"hugo 0.168 fails the build, though it still {still}"
            )


# The renderers hugo 0.168 knows for `markup.defaultMarkdownHandler` (any case).
_MARKDOWN_HANDLERS = frozenset({"goldmark", "asciidocext", "pandoc", "rst", "org"})


def _unknown_markdown_handler(data: dict[str, Any], where: Path, errors: list[str]) -> None:
    """`markup.defaultMarkdownHandler` naming no renderer hugo 0.168 has: the build fails ("not
    found"). Old sites still name `blackfriday`, which Hugo 0.100 removed."""
    handler = _dig(data, "markup", "defaultmarkdownhandler")
    if not isinstance(handler, str) or handler.lower() in _MARKDOWN_HANDLERS:
        return
    removed = (
        " (Blackfriday was removed in Hugo 0.100; use goldmark)"
        if handler.lower() == "blackfriday"
        else ""
    )
    errors.append(
        f"{where}: markup.defaultMarkdownHandler {handler!r} is no Markdown renderer hugo 0.168 "
        f"has{removed}: hugo 0.168 fails the build"
    )


# The file caches hugo 0.168 has (`hugo config`); any other name in `caches` fails the build.
_CACHES = frozenset(
    {"assets", "getresource", "images", "misc", "modulegitinfo", "modulequeries", "modules"}
)


def _unknown_caches(
    data: dict[str, Any], origins: dict[str, Path], default: Path, errors: list[str]
) -> None:
    """A `caches` entry hugo 0.168 does not have: it refuses the configuration ("getjson" is not
    a valid cache name) and builds nothing. Sites made from Doks or the old Hugo docs still set
    `[caches.getjson]` and `[caches.getcsv]`, the caches of the removed getJSON and getCSV."""
    caches = data.get("caches")
    for name in caches if isinstance(caches, dict) else ():
        if str(name).lower() in _CACHES:
            continue
        where = origins.get(f"caches.{str(name).lower()}", default)
        gone = (
            " (getJSON and getCSV are gone; resources.GetRemote uses `getresource`)"
            if str(name).lower() in ("getjson", "getcsv")
            else ""
        )
        errors.append(
            f"{where}: caches.{name} is no cache hugo 0.168 has{gone}: hugo 0.168 fails the build"
        )


# What makes a `sites.matrix` entry a pattern rather than one language's name.
_GLOB_CHARS = frozenset("*?[{!")


def _string_list(value: Any) -> list[str]:
    """A configuration list of strings; a lone string is a list of one (as Hugo decodes it)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [str(item) for item in value if item is not None]
    return []


def _read_skipped(site: Site, data: dict[str, Any], where: Path) -> None:
    """`disableLanguages` and `ignoreFiles`. A disabled default language and a pattern that does
    not compile make Hugo refuse to build: both are reported as site errors (a bad pattern is then
    left out)."""
    languages = data.get("languages")
    # A language's own `disabled = true` disables it as `disableLanguages` does (hugo 0.168).
    off = [
        str(key)
        for key, settings in (languages.items() if isinstance(languages, dict) else ())
        if isinstance(settings, dict) and _to_bool(settings.get("disabled", False))
    ]
    site.disabled_languages = frozenset([*_string_list(data.get("disablelanguages")), *off])
    if site.default_language.lower() in site.disabled_languages:
        site.errors.append(
            f"{where}: disableLanguages disables the default language "
            f"{site.default_language!r} (Hugo cannot build)"
        )
    patterns: list[re.Pattern[str]] = []
    for text in _string_list(data.get("ignorefiles")):
        try:
            with warnings.catch_warnings():
                # `[[` compiles with a FutureWarning on stderr, which is Python's word to a
                # programmer, not newslint's to a user (Go reads the pattern as it is written).
                warnings.simplefilter("ignore", FutureWarning)
                patterns.append(re.compile(_go_regex(text)))
        except re.error as err:
            if re.search(r"\\[pP]", text):  # a Unicode class Go has and Python's re has not
                site.errors.append(
                    f"{where}: ignoreFiles pattern {text!r} uses a Unicode class newslint cannot "
                    "read; the files it leaves out are linted"
                )
                continue
            site.errors.append(
                f"{where}: ignoreFiles pattern {text!r} does not compile: {err} (Hugo cannot build)"
            )
    site.ignore_files = tuple(patterns)


def _go_regex(pattern: str) -> str:
    """A Go (RE2) regular expression in Python's syntax. They differ in little a path pattern
    uses: Go's end of text `\\z` is Python's `\\Z`, `\\Q...\\E` quotes a literal text, a class
    may hold POSIX names (`[[:space:]]`, ASCII as in RE2), and `\\pL`/`\\p{L}` (`\\PL`) are the
    letters (and what is not one), which Python writes `[^\\W\\d_]`."""
    out: list[str] = []
    index, size = 0, len(pattern)
    in_class = False
    while index < size:
        char = pattern[index]
        if char == "\\" and index + 1 < size:
            escaped = pattern[index + 1]
            if escaped == "Q" and not in_class:
                end = pattern.find("\\E", index + 2)
                end = size if end == -1 else end
                out.append(re.escape(pattern[index + 2 : end]))
                index = end + 2
                continue
            letter = re.compile(_GO_LETTER).match(pattern, index)
            if letter and not in_class:
                out.append("[\\W\\d_]" if escaped == "P" else "[^\\W\\d_]")
                index = letter.end()
                continue
            out.append("\\Z" if escaped == "z" and not in_class else pattern[index : index + 2])
            index += 2
            continue
        if in_class:
            posix = re.compile(_GO_POSIX).match(pattern, index)
            if posix and posix.group(1) in _POSIX_CLASSES:
                out.append(_POSIX_CLASSES[posix.group(1)])
                index = posix.end()
                continue
            if char == "]" and out[-1] not in ("[", "[^"):
                in_class = False
        elif char == "[":
            in_class = True
            if pattern.startswith("[^", index):
                out.append("[^")
                index += 2
                continue
        out.append(char)
        index += 1
    return "".join(out)


_GO_LETTER = r"\\[pP](?:L|\{L\})"
_GO_POSIX = r"\[:(\w+):\]"
# RE2's POSIX classes (ASCII), as the members of a Python class.
_POSIX_CLASSES = {
    "alnum": "0-9A-Za-z",
    "alpha": "A-Za-z",
    "ascii": "\\x00-\\x7f",
    "blank": "\\t ",
    "cntrl": "\\x00-\\x1f\\x7f",
    "digit": "0-9",
    "graph": "!-~",
    "lower": "a-z",
    "print": " -~",
    "punct": "!-/:-@\\[-`{-~",
    "space": "\\t\\n\\v\\f\\r ",
    "upper": "A-Z",
    "word": "0-9A-Za-z_",
    "xdigit": "0-9A-Fa-f",
}


def _themes_dir(root: Path, data: dict[str, Any]) -> Path:
    """The folder of the themes: `themesDir` (relative to the site), else `themes`."""
    configured = data.get("themesdir")
    return root / configured if isinstance(configured, str) and configured else root / "themes"


def _component_bases(root: Path, themes_dir: Path, name: str) -> tuple[Path, ...]:
    """Where a theme component lies: the themes folder, or `_vendor` (`hugo mod vendor`)."""
    return (themes_dir / name, root / "_vendor" / name)


def _components(root: Path, themes_dir: Path, names: tuple[str, ...]) -> tuple[str, ...]:
    """The site's theme components and, after each, the ones it imports itself: Hugo reads a
    component's own `hugo.*`/`config.*` (not `theme.toml`) for `theme` and `module.imports`, so a
    child theme brings in the theme it is built on (checked with hugo 0.168)."""
    found: list[str] = []

    def visit(batch: tuple[str, ...], depth: int) -> None:
        for name in batch:
            if name in found or depth > 8:
                continue  # a component imported twice, or a loop
            found.append(name)
            for base in _component_bases(root, themes_dir, name):
                config = _component_config(base)
                if config is not None:
                    visit(_themes(config), depth + 1)
                    break

    visit(names, 0)
    return tuple(found)


def _component_config(base: Path) -> dict[str, Any] | None:
    """A theme component's own configuration (keys lower-cased): its `hugo.*`/`config.*` merged
    with its `config/_default/` folder (`params.toml` under `params` ...), as Hugo reads a
    module's (checked with hugo 0.168); None when it has neither. A main file that cannot be read
    counts as none (the component's layouts are still found)."""
    main = next((base / name for name in CONFIG_NAMES if _is_file(base / name)), None)
    if main is None and not _is_dir(base / "config" / "_default"):
        return None
    # Without a main file, a path outside `base` makes `_read_config` read only the folders.
    read = _read_config(base, main or base / "config" / "_default" / "-", [])
    return read[0] if read is not None else None


# How Hugo merges a theme component's configuration into the site's by default: only these maps,
# the site's values winning, then the first component's (Hugo's docs, "Configure modules";
# checked with hugo 0.168: a theme's `[params.sidebar] single` and `[outputFormats.print]` reach
# the site). A site's `_merge` on a map (`markup: {_merge: deep}`, as Hugo Blox sites write)
# chooses for that map; `none` takes nothing of the theme's.
_THEME_MERGE = {"params": "deep", "outputformats": "shallow", "mediatypes": "shallow"}


def _with_theme_config(
    data: dict[str, Any], root: Path, themes_dir: Path, themes: tuple[str, ...]
) -> None:
    """Merge the configuration of each theme component on disk into the site's `data`."""
    for name in themes:
        bases = [base for base in _component_bases(root, themes_dir, name) if _is_dir(base)]
        config = _component_config(bases[0]) if bases else None
        for key, value in (config or {}).items():
            own = data.get(key)
            if isinstance(own, dict) and "_merge" in own:
                strategy = str(own["_merge"]).lower()
            else:
                strategy = _THEME_MERGE.get(key, "none")
            if strategy not in ("deep", "shallow") or not isinstance(value, dict):
                continue
            if own is None:
                own = data[key] = {}
            if isinstance(own, dict):
                _fill(own, value, deep=strategy == "deep")


def _fill(into: dict[str, Any], new: dict[str, Any], *, deep: bool) -> None:
    """Add the keys of `new` that `into` lacks; with `deep`, also inside the maps both have."""
    for key, value in new.items():
        if key == "_merge":
            continue
        if key not in into:
            into[key] = copy.deepcopy(value)
        elif deep and isinstance(into[key], dict) and isinstance(value, dict):
            _fill(into[key], value, deep=True)


def _widgets(
    root: Path, themes: tuple[str, ...], themes_dir: Path | None = None
) -> tuple[tuple[str, ...], bool]:
    """Widget names of the site's layouts plus its theme components' (the built-in list when none
    is on disk), and whether a component's were found on disk."""

    def names_in(base: Path) -> set[str] | None:
        found: set[str] | None = None
        for partials in ("partials", "_partials"):
            place = base / "layouts" / partials / "widgets"
            if _is_dir(place):
                found = (found or set()) | {p.stem for p in place.glob("*.html")}
        return found

    theme_names: set[str] | None = None
    for theme in themes:
        # themes/<name> (or themesDir), or a Hugo module vendored with `hugo mod vendor`.
        for base in _component_bases(root, themes_dir or root / "themes", theme):
            found = names_in(base)
            if found is not None:
                theme_names = (theme_names or set()) | found
    site_names = names_in(root) or set()
    names = site_names | (theme_names if theme_names is not None else set(MAINROAD_WIDGETS))
    return tuple(sorted(names)), theme_names is not None


# A Go module's major version from 2 on ends its path (`github.com/alex-shpak/hugo-book/v10`).
_MAJOR_VERSION = re.compile(r"v[2-9]\d*|v1\d+")


def component_name(path: str) -> str:
    """A theme component's name, lower case: the last segment of its folder or module path
    (`github.com/google/docsy` is `docsy`), the one before a major version's `/v2` (Go module
    paths of version 2 on end so: `github.com/alex-shpak/hugo-book/v10` is `hugo-book`)."""
    segments = [part for part in str(path).replace("\\", "/").split("/") if part]
    while len(segments) > 1 and _MAJOR_VERSION.fullmatch(segments[-1]):
        segments.pop()
    return segments[-1].lower() if segments else ""


def _unseen_components(root: Path, themes: tuple[str, ...], themes_dir: Path) -> bool:
    """Whether a theme component other than Mainroad itself (`mainroad`, `Mainroad`,
    `github.com/Vimux/Mainroad`, whose widgets are the built-in list) is in neither the themes
    folder nor `_vendor/`: a child theme or a fork whose templates newslint cannot read."""
    for theme in themes:
        if component_name(theme) == "mainroad":
            continue
        if not any(_is_dir(base) for base in _component_bases(root, themes_dir, theme)):
            return True
    return False


# How a template reads a page parameter: `.Params.cover` (`$.Params`, `.Page.Params`, and the
# `"Params.type"` key of a `where`), `index .Params "toc"` / `isset .Params "toc"`, `.Param "cover"`
# (the page's, else the site's). A `Site.`/`site.` just before `Params` makes it the site's own.
_PARAM_READS = re.compile(r'\bParams(?:\.(\w+)|\s+"(\w+))|\.Param\s+"(\w+)')
# Template files read at most: a theme has tens to a few hundred.
_MAX_TEMPLATES = 4000
# How deep shortcode folders are looked into before the site counts as having unseen ones.
_MAX_SHORTCODE_DEPTH = 32
_MAX_TEMPLATE_BYTES = 1 << 20


class TemplateReads(NamedTuple):
    """What the site's and its theme components' templates read and write: see
    `Site.template_params`, `Site.template_pipes`, `Site.template_paths`."""

    params: frozenset[str]
    pipes: bool
    paths: frozenset[str]
    resources: bool


# What a template may publish a page's resources with: `.Resources`, or one of Hugo's embedded
# templates that reads them (`opengraph.html` takes a page's `*feature*` image).
_PAGE_RESOURCES = re.compile(r"Resources|opengraph|twitter_cards|schema|_internal/")
# A string literal of a template that names a file: a path with an extension.
_TEMPLATE_PATH = re.compile(r"""["`]/?([^"`\s{}()|]+\.[A-Za-z0-9]{1,8})["`]""")


def _template_reads(
    root: Path, themes: tuple[str, ...], themes_dir: Path | None = None
) -> TemplateReads:
    """The page parameters the site's and its theme components' templates (`layouts/`, on disk)
    read, lower case (Hugo's parameter keys are), whether they use Hugo Pipes and the file paths
    they write as literals: see `Site.template_params`, `Site.template_pipes`."""
    folders = [root / "layouts"]
    for theme in themes:
        for base in _component_bases(root, themes_dir or root / "themes", theme):
            folders.append(base / "layouts")
    found: set[str] = set()
    paths: set[str] = set()
    pipes = False
    resources = False
    seen = 0
    for folder in folders:
        if not _is_dir(folder):
            continue
        for path in sorted(folder.rglob("*")):
            seen += 1
            if seen > _MAX_TEMPLATES:
                return TemplateReads(frozenset(found), True, frozenset(paths), True)
            try:
                if not path.is_file() or path.stat().st_size > _MAX_TEMPLATE_BYTES:
                    continue
                text = path.read_bytes().decode("utf-8", "replace")
            except OSError:
                continue
            if "resources." in text:
                pipes = True
            if not resources and _PAGE_RESOURCES.search(text):
                resources = True
            if "." in text:
                paths.update(_TEMPLATE_PATH.findall(text))
            if "Param" not in text:
                continue
            for match in _PARAM_READS.finditer(text):
                before = text[max(0, match.start() - 5) : match.start()]
                if before.lower() == "site." and not match.group(3):
                    continue  # `.Site.Params.x`, `site.Params.x`: the site's parameter
                found.add((match.group(1) or match.group(2) or match.group(3)).lower())
    return TemplateReads(frozenset(found), pipes, frozenset(paths), resources)


# The templates that draw a page (not a list page) of a type: hugo 0.168 takes
# `layouts/docs/single.html` and `page.html` (0.146's name) for a page of type `docs`, and
# wraps the default `single` in `layouts/docs/baseof.html` (checked with the binary).
_PAGE_TEMPLATE = re.compile(r"(?:single|page|baseof)\.", re.IGNORECASE)


def _docs_layouts(root: Path, themes: tuple[str, ...], themes_dir: Path) -> bool:
    """Whether the site's or a theme component's `layouts/docs/` holds a template that draws a
    page of type `docs` (`Site.docs_layouts`)."""
    folders = [root / "layouts" / "docs"]
    for theme in themes:
        folders += [base / "layouts" / "docs" for base in _component_bases(root, themes_dir, theme)]
    return any(_page_template_in(folder) for folder in folders)


def _docs_layout_mounts(root: Path, mounts: tuple[Mount, ...]) -> bool:
    """Whether a `[[module.mounts]]` into `layouts` (as Doks mounts its templates from
    `node_modules/`) brings a template for pages of type `docs`, or is not on disk to tell."""
    for mount in mounts:
        source = root / mount.source
        if not _is_dir(source):
            return True  # (`node_modules` not installed: its templates cannot be read)
        if not mount.target:
            if _page_template_in(source / "docs"):
                return True
        elif mount.target.partition("/")[0] == "docs" and _page_template_in(source):
            return True
    return False


def _shortcode_templates(
    root: Path, themes: tuple[str, ...], themes_dir: Path, unseen: bool
) -> tuple[frozenset[str], bool]:
    """The site's and its theme components' shortcode names, and whether some could not be
    listed (`Site.shortcode_templates`, `Site.shortcodes_unseen`); `unseen`: some templates are
    known to lie where they cannot be listed (a component not on disk other than Mainroad, which
    has no shortcodes: `_unseen_components`; a `layouts` mount)."""
    if unseen:
        return frozenset(), True
    bases = [root]
    for theme in themes:
        bases += [base for base in _component_bases(root, themes_dir, theme) if _is_dir(base)]
    names: set[str] = set()
    for base in bases:
        for folder in ("shortcodes", "_shortcodes"):
            place = base / "layouts" / folder
            if not _is_dir(place):
                continue
            if not _add_shortcode_names(place, "", names):
                return frozenset(), True
    return frozenset(names), False


def _add_shortcode_names(folder: Path, prefix: str, names: set[str]) -> bool:
    """Add to `names` the shortcodes the templates in `folder` define, `prefix` before each: a
    file's name up to its first period (`zz.html`, `zz.en.html`, `zz.html.bak` and a bare `zz`
    all define `zz`), a subfolder's files with its path (`sub/zz.html` defines `sub/zz`, not
    `sub`). Hugo 0.168 skips a file or folder whose name starts with `.` or `#` or ends with `~`
    (editors' backups and locks: `zz.html~`, `.zz.html`, `#zz.html#`), so they define none,
    and does not follow a link there, to a file or a folder. False when a folder could not be
    read or holds too many files or folders to look at."""
    if prefix.count("/") > _MAX_SHORTCODE_DEPTH:
        return False
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return False
    if len(entries) + len(names) > _MAX_TEMPLATES:
        return False
    for entry in entries:
        if entry.name.startswith((".", "#")) or entry.name.endswith("~"):
            continue
        try:
            if entry.is_symlink():
                continue
            is_folder = entry.is_dir(follow_symlinks=False)
        except OSError:
            return False
        if is_folder:
            if not _add_shortcode_names(Path(entry.path), f"{prefix}{entry.name}/", names):
                return False
        else:
            names.add(f"{prefix}{entry.name.partition('.')[0]}".lower())
    return True


def _page_template_in(folder: Path) -> bool:
    """Whether `folder` (at any depth) holds a template that draws a page (`_PAGE_TEMPLATE`);
    true too when it holds so many files that they were not all looked at."""
    if not _is_dir(folder):
        return False
    for seen, path in enumerate(folder.rglob("*")):
        if seen > _MAX_TEMPLATES:
            return True
        if _PAGE_TEMPLATE.match(path.name) and path.is_file():
            return True
    return False


def site_for(path: str | os.PathLike[str]) -> Site:
    """The site a file belongs to (cached per directory); a default `Site` when there is none."""
    if os.path.islink(path):
        # realpath, not Path.resolve: a symlink loop resolves as far as it goes instead of
        # raising, and reading the file then reports the loop.
        return _site_for_dir(os.path.dirname(os.path.realpath(path)))
    # Resolving once per folder, not per file: a path resolve is a syscall per component.
    return _site_of_folder(os.path.dirname(os.path.abspath(path)))


def site_for_dir(directory: str | os.PathLike[str]) -> Site:
    """The site a folder belongs to (cached), as `site_for` gives it for a file in the folder."""
    return _site_of_folder(os.path.abspath(directory))


def _site_of_folder(absolute: str) -> Site:
    """The site of the folder `absolute`: the one above its resolved path, else, when that is
    none and a link lies on its path, the one above the path as written when its content holds
    the folder. Hugo follows a site's `content` folder (or a mount's source) that is a link to a
    folder elsewhere (checked with hugo 0.168): its articles are the site's pages, though no
    configuration lies above where they really are."""
    real = real_dir(absolute)
    site = _site_for_dir(real)
    if site.root is not None or real == absolute:
        return site
    found = _LINKED_SITES.get(absolute)
    if found is None:
        written = _site_for_dir(absolute)
        found = written if written.root is not None and _holds(written, absolute) else site
        if len(_LINKED_SITES) >= 4096:
            _LINKED_SITES.clear()
        _LINKED_SITES[absolute] = found
    return found


# Folder as written -> its site, for folders whose resolved path lies in no site (`_site_of_folder`).
_LINKED_SITES: dict[str, Site] = {}


# Absolute folder -> the same with its symbolic links resolved (`real_dir`).
_REAL_DIRS: dict[str, str] = {}


def real_dir(directory: str) -> str:
    """The absolute folder `directory` with its symbolic links resolved, remembered per folder.

    A folder that is no link, whose parent was resolved before (a walk goes down a tree parent
    first), costs one `lstat`: resolving every folder of a tree 1,000 deep from the root made a
    million `lstat` calls of paths 1,000 components long, and such a walk took minutes."""
    found = _REAL_DIRS.get(directory)
    if found is not None:
        return found
    parent, name = os.path.split(directory)
    real_parent = _REAL_DIRS.get(parent)
    if real_parent is not None and name not in ("", ".", ".."):
        try:
            if not os.path.islink(directory) and os.path.isdir(directory):
                found = os.path.join(real_parent, name)
        except ValueError:  # a NUL in the name
            pass
    if found is None:
        # Not `Path.resolve`, which raises RuntimeError on a link loop (`check loop/x.md`).
        found = os.path.realpath(directory)
    if len(_REAL_DIRS) >= 65_536:  # bounded, as the lru_cache it replaces was
        _REAL_DIRS.clear()
    _REAL_DIRS[directory] = found
    return found


# Folder -> site. A folder with no configuration of its own has its parent's site, so a new
# folder (one per page bundle) costs one listing, not a walk to the file-system root.
_SITES: dict[str, Site] = {}


def _site_for_dir(directory: str) -> Site:
    walked: list[str] = []
    current = directory
    while (site := _SITES.get(current)) is None:
        walked.append(current)
        found = _own_config(Path(current))
        if found is not None:
            site = _outer_site(current) or load_site(Path(current), found)
            break
        parent = os.path.dirname(current)
        if parent == current:
            site = Site()
            break
        current = parent
    if site.root is None and walked:
        # No Hugo site above: a Jekyll site's configuration below the folders already known
        # (those above were asked when they were walked). The folders above it are not its.
        jekyll_found = _jekyll_site(walked)
        if jekyll_found is not None:
            jekyll, depth = jekyll_found
            for folder in walked[depth + 1 :]:
                _SITES[folder] = site
            walked, site = walked[: depth + 1], jekyll
    for folder in walked:
        _SITES[folder] = site
    return site


# The names of a Jekyll site's configuration, in the order Jekyll looks for them (its
# `Configuration#config_files`: the first that exists is read).
JEKYLL_CONFIG_NAMES = ("_config.yml", "_config.yaml", "_config.toml")


def _jekyll_site(folders: list[str]) -> tuple[Site, int] | None:
    """The site of a Jekyll configuration in one of `folders` (the nearest first) and that
    folder's index, or None. Read from it: `future`, `timezone`, `excerpt_separator`,
    `collections` and `collections_dir`. Jekyll publishes a document dated in the future only with
    `future: true` (a YAML 1.1 boolean, as Jekyll's Ruby reads it: `yes` and `on` too); without
    the key the default is the builder's (`_builds_future`). It reads a date without an offset in
    `timezone`, and ends a post's excerpt at `excerpt_separator`. Its Markdown (kramdown, or
    CommonMark through jekyll-commonmark) passes raw HTML through, so the site allows raw HTML;
    and `published` is Jekyll's publish switch, not a date. A configuration that cannot be read
    is a Jekyll site with Jekyll's defaults."""
    for depth, folder in enumerate(folders):
        for name in JEKYLL_CONFIG_NAMES:
            path = Path(folder) / name
            if not _is_file(path):
                continue
            try:
                data = _load(path)
            except Exception:  # only peeked at: any fault reads as Jekyll's defaults
                data = {}
            future = data.get("future")
            if isinstance(future, str):
                future = future.strip().lower() in ("true", "yes", "on", "y")
            if future is None:
                future = _builds_future(folder)
            # Jekyll reads a date without an offset in `timezone` (an IANA name), else in the
            # build machine's zone.
            zone = data.get("timezone")
            separator = data.get("excerpt_separator")
            return (
                Site(
                    build_future=future is True,
                    jekyll_config=path,
                    # as written: Jekyll sets `TZ` to it unstripped (` Europe/Berlin` is UTC)
                    time_zone=(zone or None) if isinstance(zone, str) else None,
                    jekyll_collections=_jekyll_collections(folder, data),
                    unsafe_html=True,
                    date_sources=dict(JEKYLL_DATE_SOURCES),
                    jekyll_excerpt_separator=(
                        separator if isinstance(separator, str) and separator else "\n\n"
                    ),
                ),
                depth,
            )
    return None


# The names Bundler reads a site's gems from, in its order.
GEMFILE_NAMES = ("gems.rb", "Gemfile")
# A Gemfile line asking for the gem (read rarely: compiled by `re`'s own cache when needed).
_GITHUB_PAGES_GEM = r"""^[ \t]*gem[ \t(]+["']github-pages["']"""


def _builds_future(folder: str) -> bool:
    """Whether a Jekyll site whose configuration does not set `future` publishes future-dated
    documents: the `github-pages` gem (GitHub Pages' own builder, and its Action) defaults
    `future` to true, Jekyll itself to false. The Gemfile Bundler finds (the nearest above the
    site's folder) says which is used; with none, the site can only be built by GitHub Pages,
    which needs none."""
    current = folder
    while True:
        for name in GEMFILE_NAMES:
            gemfile = os.path.join(current, name)
            if _is_file(Path(gemfile)):
                try:
                    with open(gemfile, encoding="utf-8", errors="replace") as handle:
                        text = handle.read(1 << 16)
                except OSError:
                    return True  # unreadable: the lenient reading, no report
                return re.search(_GITHUB_PAGES_GEM, text, re.MULTILINE) is not None
        parent = os.path.dirname(current)
        if parent == current:
            return True
        current = parent


def _jekyll_collections(folder: str, data: dict[str, Any]) -> tuple[str, ...]:
    """The real folders of a Jekyll site's collections other than posts: `collections` as a
    list of labels or a map by label, in `collections_dir` (Jekyll's `Collection#directory`,
    the label kept to the characters its `sanitize_label` keeps)."""
    declared = data.get("collections")
    if isinstance(declared, dict):
        labels = list(declared)
    elif isinstance(declared, list):
        labels = declared
    else:
        return ()
    base = data.get("collections_dir")
    root = os.path.join(folder, base) if isinstance(base, str) and base.strip("/") else folder
    found = []
    for label in labels:
        clean = re.sub(r"[^a-z0-9_\-.]", "", label, flags=re.I) if isinstance(label, str) else ""
        if clean and clean != "posts":
            found.append(real_dir(os.path.normpath(os.path.join(root, "_" + clean))))
    return tuple(found)


def clear_site_cache() -> None:
    """Forget every site read so far (a configuration file changed): the next `site_for` reads
    the configuration files again (`newslint watch` calls this when one of them changes)."""
    from newslint.cascade import clear_cascade_cache

    _SITES.clear()
    clear_cascade_cache()
    _REAL_DIRS.clear()
    _LINKED_SITES.clear()
    _load_site.cache_clear()  # keyed by the file's path, not by what it holds
