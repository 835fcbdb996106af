"""Rule discovery: every rule, built-in or not, comes through the entry-point group `newslint.rules`.

An entry point may name a package (each public module in it is searched), a module, or a `Rule`
class. `--rules-dir` and config `plugins` add folders or importable modules; a folder loads as a
package of its own (its modules import the helpers beside them: `from ._words import BAD`), and a
folder named twice loads once. A plugin that fails to import is reported once and the rest still
load (`check` and `fix` then exit 2); two rules claiming one code or name is an error naming both
sources.

Discovery runs on every invocation, so a plugin installed a moment ago is found, but
`importlib.metadata` costs more to import than a one-file lint takes (it pulls in `email`, `zipfile`,
`csv` ...). `_only_builtin_entry_points` therefore first reads the `entry_points.txt` files the way
`importlib.metadata` finds them; when the group holds nothing but the built-ins (the usual case), the
built-in package is loaded directly, and anything else (a plugin, a zipped or egg path entry, a
custom distribution finder) goes through `importlib.metadata` as before.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from newslint.rule import Rule

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

GROUP = "newslint.rules"


class RegistryError(Exception):
    """Conflicting rules; the CLI prints it and exits 2."""


@dataclass
class Registry:
    """The rules found (built in and from plugins), and why any plugin failed to load."""

    rules: list[type[Rule]] = field(default_factory=list)
    load_errors: list[str] = field(default_factory=list)

    def by_key(self) -> dict[str, type[Rule]]:
        keys: dict[str, type[Rule]] = {}
        for rule in self.rules:
            keys[rule.code] = rule
            keys[rule.name] = rule
        return keys

    def find(self, key: str) -> type[Rule] | None:
        """The rule with this code or name, in any case (as selectors take them: `dt001`,
        `Date-Format`)."""
        by_key = self.by_key()
        return by_key.get(key) or by_key.get(key.upper()) or by_key.get(key.lower())


# What a plugin's import may raise and still be "a plugin that failed to load": any error, and
# also `sys.exit()` at its top level, which would otherwise end the run with the plugin's exit
# code and no word of why. Ctrl-C (KeyboardInterrupt) still stops the run.
_PLUGIN_FAILURES = (Exception, SystemExit)


def _is_dir(path: Path) -> bool:
    """`path.is_dir()`, False for a path that cannot be looked at (too long a name, a NUL)."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def _rules_in_module(module: ModuleType) -> list[type[Rule]]:
    """The rule classes defined in `module`, by attribute name (as `inspect.getmembers` sorts)."""
    return [
        obj
        for _, obj in sorted(vars(module).items())
        if isinstance(obj, type)
        and issubclass(obj, Rule)
        and obj is not Rule
        and obj.__module__ == module.__name__
        and obj.code
    ]


def _submodule_names(search_path: Iterable[str]) -> list[str]:
    """The names of the modules and packages in a package's `__path__`, sorted, as
    `pkgutil.iter_modules` finds them.

    pkgutil imports `inspect` (with `ast`, `dis` and `tokenize`; `newslint._dataclass_code` spares
    `dataclasses` the same import) to strip file suffixes. A path of plain folders is listed here
    the way pkgutil lists a folder; any other entry (a zip file, a path entry with its own
    importer) goes through pkgutil.
    """
    entries = list(search_path)
    importers = [_importer(entry) for entry in entries]
    folders = [
        importer.path
        for importer in importers
        if isinstance(importer, importlib.machinery.FileFinder)
    ]
    if len(folders) < len(entries):
        import pkgutil

        return sorted(info.name for info in pkgutil.iter_modules(entries))
    names: set[str] = set()
    for folder in folders:
        names.update(_folder_module_names(folder))
    return sorted(names)


def _importer(entry: object) -> object:
    """`pkgutil.get_importer`: the path entry's importer, from the cache or the path hooks."""
    if not isinstance(entry, (str, bytes)):
        return None
    entry = os.fsdecode(entry)
    try:
        return sys.path_importer_cache[entry]
    except KeyError:
        pass
    for hook in sys.path_hooks:
        try:
            importer = hook(entry)
        except ImportError:
            continue
        sys.path_importer_cache.setdefault(entry, importer)
        return importer
    return None


def _module_name(file_name: str, suffixes: list[str]) -> str | None:
    """`inspect.getmodulename`: the file name without the first of `suffixes` it ends with."""
    for suffix in suffixes:
        if file_name.endswith(suffix):
            return file_name[: -len(suffix)]
    return None


def _folder_module_names(folder: str) -> list[str]:
    """What pkgutil's `_iter_file_finder_modules` yields for a folder (names only)."""
    if not os.path.isdir(folder):
        return []
    try:
        file_names = sorted(os.listdir(folder))  # packages before same-named modules
    except OSError:  # unreadable, as import itself would find nothing there
        return []
    suffixes = sorted(importlib.machinery.all_suffixes(), key=len, reverse=True)  # longest first
    names: dict[str, None] = {}
    for file_name in file_names:
        name = _module_name(file_name, suffixes)
        if name == "__init__" or name in names:
            continue
        path = os.path.join(folder, file_name)
        if not name and "." not in file_name and os.path.isdir(path):
            try:
                contents = os.listdir(path)
            except OSError:
                contents = []
            if not any(_module_name(inner, suffixes) == "__init__" for inner in contents):
                continue  # not a package
            name = file_name
        if name and "." not in name:
            names[name] = None
    return list(names)


def _rules_in(target: object, origin: str, errors: list[str]) -> list[type[Rule]]:
    if isinstance(target, type) and issubclass(target, Rule):
        return [target]
    if not isinstance(target, ModuleType):
        errors.append(f"plugin {origin}: entry point is neither a module nor a Rule class")
        return []
    found = _rules_in_module(target)
    if hasattr(target, "__path__"):
        for module_name in _submodule_names(target.__path__):
            if module_name.startswith("_"):
                continue
            name = f"{target.__name__}.{module_name}"
            try:
                found.extend(_rules_in_module(importlib.import_module(name)))
            except _PLUGIN_FAILURES as err:  # a broken plugin must not stop the others
                errors.append(f"plugin {origin}: cannot import {name}: {type(err).__name__}: {err}")
    return found


# Rule folders (`--rules-dir`, config `plugins`) load as packages under this name, one per folder,
# so a rule module can import the helpers beside it (`from ._words import BAD`) as a built-in rule
# imports `rules/_*.py`.
LOCAL_PACKAGE = "newslint_local_rules"


def _folder_package(directory: Path) -> str:
    """The package `newslint_local_rules.<name>` whose `__path__` is `directory` (resolved).

    The name comes from the folder's name, with a number added when another folder of the same
    name is already loaded in this process, and is the same for the folder on every load (module
    names go into cache keys and worker processes find rules by them).
    """
    import re
    from importlib.machinery import ModuleSpec

    root = sys.modules.get(LOCAL_PACKAGE)
    if root is None:
        root = ModuleType(LOCAL_PACKAGE, "Rule folders loaded by --rules-dir and config plugins.")
        root.__path__ = []
        root.__spec__ = ModuleSpec(LOCAL_PACKAGE, None, is_package=True)
        sys.modules[LOCAL_PACKAGE] = root
    location = str(directory)
    stem = re.sub(r"\W", "_", directory.name) or "rules"
    if stem[0].isdigit():
        stem = f"_{stem}"
    number = 1
    while True:
        name = f"{LOCAL_PACKAGE}.{stem}" + (f"_{number}" if number > 1 else "")
        package = sys.modules.get(name)
        if package is None or list(getattr(package, "__path__", ())) == [location]:
            break
        number += 1
    if package is None:
        package = ModuleType(name, f"Rules from {location}.")
        spec = ModuleSpec(name, None, is_package=True)
        spec.submodule_search_locations = [location]
        package.__spec__ = spec
        package.__path__ = [location]
        package.__package__ = name
        sys.modules[name] = package
        setattr(root, name.rpartition(".")[2], package)
    # Loaded afresh each time (a test suite or a long-lived process may edit the folder between
    # loads): forget the modules, helpers included, that an earlier load imported from it.
    for loaded in [key for key in sys.modules if key.startswith(name + ".")]:
        del sys.modules[loaded]
    return name


def _load_dir(directory: Path, errors: list[str]) -> list[type[Rule]]:
    found: list[type[Rule]] = []
    if not _is_dir(directory):
        errors.append(f"rules directory {directory} does not exist")
        return found
    package = _folder_package(directory.resolve())
    for path in sorted(directory.glob("*.py")):
        if path.name.startswith("_"):
            continue
        module_name = f"{package}.{path.stem}"
        spec = importlib.util.spec_from_file_location(module_name, path)
        if spec is None or spec.loader is None:
            continue
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        try:
            spec.loader.exec_module(module)
        except _PLUGIN_FAILURES as err:
            del sys.modules[module_name]
            errors.append(f"plugin {path}: cannot import: {type(err).__name__}: {err}")
            continue
        for rule in _rules_in_module(module):
            rule.origin = str(path)
            found.append(rule)
    return found


# The meta-path finders whose distributions `_only_builtin_entry_points` knows how to list (the
# path finder's; the other two have none).
_STANDARD_FINDERS = (
    importlib.machinery.BuiltinImporter,
    importlib.machinery.FrozenImporter,
    importlib.machinery.PathFinder,
)


def _only_builtin_entry_points() -> bool:
    """True when every `newslint.rules` entry point installed names the built-in package.

    Reads `*.dist-info/entry_points.txt` and `*.egg-info/entry_points.txt` in the folders of
    `sys.path`, where `importlib.metadata` looks, and parses them as it does (a `[section]` line,
    `name = value` lines, `#` comments). False, so that `importlib.metadata` decides, whenever
    there may be more: a plugin's entry, a line it cannot read, a zip file or an `.egg` on the
    path, or a meta-path finder of its own that can list distributions.
    """
    for finder in sys.meta_path:
        if finder not in _STANDARD_FINDERS and hasattr(finder, "find_distributions"):
            return False
    for entry in sys.path:
        if not isinstance(entry, str) or entry.lower().endswith(".egg"):
            return False
        folder = entry or "."
        try:
            children = os.listdir(folder)
        except OSError:
            if os.path.isfile(folder):
                return False  # a zip file: its metadata is read by importlib.metadata
            continue
        for child in children:
            if not child.lower().endswith((".dist-info", ".egg-info")):
                continue
            try:
                with open(os.path.join(folder, child, "entry_points.txt"), encoding="utf-8") as f:
                    text = f.read()
            except OSError:
                continue  # none: the distribution has no entry points
            except UnicodeDecodeError:
                return False
            if GROUP in text and not _builtin_group_only(text):
                return False
    return True


def _builtin_group_only(text: str) -> bool:
    """Whether the `newslint.rules` section of an entry_points.txt names only the built-ins."""
    section = None
    for line in map(str.strip, text.splitlines()):
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line.strip("[]")
            continue
        if section is not None and section.strip() == GROUP:
            _, equals, value = line.partition("=")
            if not equals or value.strip() != "newslint.rules":
                return False
    return True


def load_registry(extra: Iterable[str] = ()) -> Registry:
    """All rules: entry points first (the built-ins among them), then `extra` dirs or modules."""
    errors: list[str] = []
    rules: list[type[Rule]] = []
    eps: list[EntryPoint] = []
    if not _only_builtin_entry_points():
        from importlib.metadata import entry_points

        eps = list(entry_points(group=GROUP))
    if not any(ep.value == "newslint.rules" for ep in eps):
        # Running from a source tree that was never installed: load the built-ins directly.
        rules.extend(_rules_in(importlib.import_module("newslint.rules"), "builtin", errors))
    for ep in eps:
        try:
            target = ep.load()
        except _PLUGIN_FAILURES as err:
            errors.append(
                f"plugin {ep.name} ({ep.value}): cannot import: {type(err).__name__}: {err}"
            )
            continue
        origin = (
            "builtin" if ep.value == "newslint.rules" else f"{ep.dist.name if ep.dist else ep.name}"
        )
        loaded = _rules_in(target, origin, errors)
        if origin != "builtin":
            for rule in loaded:
                rule.origin = origin
        rules.extend(loaded)
    folders: set[Path] = set()
    for item in extra:
        path = Path(item)
        if _is_dir(path) or item.endswith(("/", "\\")):
            # One folder named twice (config `plugins` and `--rules-dir`, `rules` and `./rules/`)
            # is one set of rules, not two claiming the same codes.
            if path.resolve() in folders:
                continue
            folders.add(path.resolve())
            rules.extend(_load_dir(path, errors))
        else:
            try:
                module = importlib.import_module(item)
            except _PLUGIN_FAILURES as err:
                errors.append(f"plugin {item}: cannot import: {type(err).__name__}: {err}")
                continue
            loaded = _rules_in(module, item, errors)
            for rule in loaded:
                rule.origin = item
            rules.extend(loaded)
    # Diagnostics the engine itself reports (unused-suppression), so selection can name them.
    from newslint.suppressions import ENGINE_RULES

    rules.extend(ENGINE_RULES)
    unique: list[type[Rule]] = []
    seen_codes: dict[str, type[Rule]] = {}
    seen_names: dict[str, type[Rule]] = {}
    for rule in rules:
        if rule in unique:
            continue
        for key, seen in ((rule.code, seen_codes), (rule.name, seen_names)):
            other = seen.get(key)
            if other is not None:
                raise RegistryError(
                    f"rule {key!r} is defined twice: by {other.__module__}.{other.__qualname__} "
                    f"({other.origin}) and by {rule.__module__}.{rule.__qualname__} ({rule.origin})"
                )
            seen[key] = rule
        unique.append(rule)
    unique.sort(key=lambda r: r.code)
    return Registry(unique, errors)


def matches(rule: type[Rule], selector: str) -> bool:
    """A selector is ALL, a code, a code prefix (`DT`, `DT00`) or a rule name, in any case (as
    codes are: `tx003`, `HTML-Entity`)."""
    if selector.upper() == "ALL":
        return True
    if selector.lower() == rule.name.lower():
        return True
    upper = selector.upper()
    return rule.code.startswith(upper) and upper[:2].isalpha() and upper[:2] == rule.code[:2]
