"""Rule discovery: every rule, built-in or not, comes through the entry-point group `newslint.rules`.

An entry point may name a package (each public module in it is searched), a module, or a `Rule`
class. `--rules-dir` and config `plugins` add folders or importable modules. A plugin that fails to
import is reported once and the rest still load; two rules claiming one code or name is an error
naming both sources.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import pkgutil
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType

from newslint.rule import Rule

GROUP = "newslint.rules"


class RegistryError(Exception):
    """Conflicting rules; the CLI prints it and exits 2."""


@dataclass
class Registry:
    rules: list[type[Rule]] = field(default_factory=list)
    load_errors: list[str] = field(default_factory=list)

    def by_key(self) -> dict[str, type[Rule]]:
        keys: dict[str, type[Rule]] = {}
        for rule in self.rules:
            keys[rule.code] = rule
            keys[rule.name] = rule
        return keys

    def find(self, key: str) -> type[Rule] | None:
        return self.by_key().get(key) or self.by_key().get(key.upper())


def _rules_in_module(module: ModuleType) -> list[type[Rule]]:
    return [
        obj
        for _, obj in inspect.getmembers(module, inspect.isclass)
        if issubclass(obj, Rule)
        and obj is not Rule
        and obj.__module__ == module.__name__
        and obj.code
    ]


def _rules_in(target: object, origin: str, errors: list[str]) -> list[type[Rule]]:
    if inspect.isclass(target) and issubclass(target, Rule):
        return [target]
    if not isinstance(target, ModuleType):
        errors.append(f"plugin {origin}: entry point is neither a module nor a Rule class")
        return []
    found = _rules_in_module(target)
    if hasattr(target, "__path__"):
        for info in sorted(pkgutil.iter_modules(target.__path__), key=lambda i: i.name):
            if info.name.startswith("_"):
                continue
            name = f"{target.__name__}.{info.name}"
            try:
                found.extend(_rules_in_module(importlib.import_module(name)))
            except Exception as err:  # a broken plugin must not stop the others
                errors.append(f"plugin {origin}: cannot import {name}: {type(err).__name__}: {err}")
    return found


def _load_dir(directory: Path, errors: list[str]) -> list[type[Rule]]:
    found: list[type[Rule]] = []
    if not directory.is_dir():
        errors.append(f"rules directory {directory} does not exist")
        return found
    for path in sorted(directory.glob("*.py")):
        if path.name.startswith("_"):
            continue
        module_name = f"newslint_local_rules.{path.parent.name}.{path.stem}"
        spec = importlib.util.spec_from_file_location(module_name, path)
        if spec is None or spec.loader is None:
            continue
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        try:
            spec.loader.exec_module(module)
        except Exception as err:
            errors.append(f"plugin {path}: cannot import: {type(err).__name__}: {err}")
            continue
        for rule in _rules_in_module(module):
            rule.origin = str(path)
            found.append(rule)
    return found


def load_registry(extra: Iterable[str] = ()) -> Registry:
    """All rules: entry points first (the built-ins among them), then `extra` dirs or modules."""
    errors: list[str] = []
    rules: list[type[Rule]] = []
    eps = list(entry_points(group=GROUP))
    if not any(ep.value == "newslint.rules" for ep in eps):
        # Running from a source tree that was never installed: load the built-ins directly.
        rules.extend(_rules_in(importlib.import_module("newslint.rules"), "builtin", errors))
    for ep in eps:
        try:
            target = ep.load()
        except Exception as err:
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
    for item in extra:
        path = Path(item)
        if path.is_dir() or item.endswith(("/", "\\")):
            rules.extend(_load_dir(path, errors))
        else:
            try:
                module = importlib.import_module(item)
            except Exception as err:
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
    """A selector is ALL, a code, a code prefix (`DT`, `DT00`) or a rule name."""
    if selector.upper() == "ALL":
        return True
    if selector == rule.name:
        return True
    upper = selector.upper()
    return rule.code.startswith(upper) and upper[:2].isalpha() and upper[:2] == rule.code[:2]


def known_selector(registry: Registry, selector: str) -> bool:
    return any(matches(rule, selector) for rule in registry.rules)
