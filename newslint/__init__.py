"""newslint: lint and fix news articles kept as Markdown with front matter in Hugo sites.

The public API (stable for plugins, see README "Plugin API"): `Rule`, `Severity`, `Fix`, `Edit`,
`Applicability`, `Span`, the event payloads in `newslint.events`, `newslint.testing`, and the
functions `check_text` and `fix_text`. Everything is imported on first use so that
`newslint --version` starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "Rule": "newslint.rule",
    "Severity": "newslint.rule",
    "Context": "newslint.rule",
    "Fix": "newslint.fixes",
    "Edit": "newslint.fixes",
    "Applicability": "newslint.fixes",
    "apply_fixes": "newslint.fixes",
    "Span": "newslint.spans",
    "Diagnostic": "newslint.diagnostics",
    "Config": "newslint.config",
    "check_text": "newslint.engine",
    "fix_text": "newslint.engine",
}

__all__ = [
    "Applicability",
    "Config",
    "Context",
    "Diagnostic",
    "Edit",
    "Fix",
    "Rule",
    "Severity",
    "Span",
    "__version__",
    "apply_fixes",
    "check_text",
    "fix_text",
]

if TYPE_CHECKING:
    from newslint.config import Config
    from newslint.diagnostics import Diagnostic
    from newslint.engine import check_text, fix_text
    from newslint.fixes import Applicability, Edit, Fix, apply_fixes
    from newslint.rule import Context, Rule, Severity
    from newslint.spans import Span


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'newslint' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
