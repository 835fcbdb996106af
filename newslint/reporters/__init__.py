"""Reporters: one module per output format; each takes the run's diagnostics and writes text.

Every reporter is `write(diagnostics, files, out, **options)`. Options a reporter may use:
`color` ("auto"|"always"|"never": `use_color`), `quiet`, `rules` (the rule classes of the run, for formats that
describe rules, such as SARIF) and `paths` (the files linted). Unknown options are ignored.
"""

from __future__ import annotations

import importlib
import os
from typing import TextIO

from newslint.diagnostics import Diagnostic
from newslint.formats import FORMATS

# C0 controls (but the tab) and DEL as their Unicode "control pictures" (ESC shows as ␛), C1
# controls as U+FFFD: one visible character each, so carets under a code frame stay aligned.
_PRINTABLE = {code: 0x2400 + code for code in range(32)} | {0x7F: 0x2421, 0x09: 0x20}
_PRINTABLE |= {code: 0xFFFD for code in range(0x80, 0xA0)}
# Bidirectional controls (a terminal that obeys them draws the text after them reversed, showing
# what is not in the file: "Trojan Source"), the line and paragraph separators, and invisible
# format characters but the joiners that build emoji: U+FFFD as well, visible and one cell wide,
# so the caret of a diagnostic about them points at something.
_PRINTABLE |= {
    code: 0xFFFD
    for code in (
        0x061C,  # ARABIC LETTER MARK
        0x200B,  # ZERO WIDTH SPACE
        0x200E,  # LEFT-TO-RIGHT MARK
        0x200F,  # RIGHT-TO-LEFT MARK
        *range(0x2028, 0x202F),  # separators, embeddings and overrides
        *range(0x2060, 0x2065),  # WORD JOINER and invisible operators
        *range(0x2066, 0x206A),  # isolates
        0xFEFF,  # ZERO WIDTH NO-BREAK SPACE (a byte order mark inside the text)
    )
}


def printable(text: str) -> str:
    """`text` safe to print on a terminal, one line: a scraped article or a file name may hold
    escape sequences (which recolour, retitle or clear the terminal), bidirectional overrides
    (which reorder what follows) and line breaks (which would split a one-line-per-problem report).
    Machine formats (JSON, SARIF, JUnit, GitHub) escape by their own rules and do not use this."""
    if text.isprintable():  # the common case, and a fast check
        return text
    return text.translate(_PRINTABLE)


def cell_width(text: str) -> int:
    """How many terminal cells `text` (already `printable`) takes: two for East Asian wide and
    full-width characters (CJK, most emoji), none for combining marks and the zero-width joiner
    and variation selectors, one for the rest. Close to `wcwidth`, without the dependency."""
    if text.isascii():
        return len(text)
    return sum(map(char_cells, text))


def char_cells(char: str) -> int:
    """The cells of one character (see `cell_width`, which adds them up)."""
    import unicodedata

    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def use_color(out: TextIO, color: str) -> bool:
    """Whether a text format colours its output, as ruff decides: `--color always` whatever `out`
    is, `--color never` or `NO_COLOR` never, then `FORCE_COLOR` (force-color.org), else when `out`
    is a terminal. The flag wins over the environment, and `NO_COLOR` over `FORCE_COLOR`."""
    if color == "always":
        return True
    if color == "never" or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(out, "isatty", lambda: False)())


# ANSI styles of the plain-text formats (concise, grouped), without rich: bold for paths and
# counts, the severity's colour for codes (as the full format's), cyan for the fixable mark.
SEVERITY_STYLE = {"error": "\x1b[1;31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
BOLD = "\x1b[1m"
CYAN = "\x1b[36m"
RESET = "\x1b[0m"


def styled(text: str, style: str, on: bool) -> str:
    """`text` in the ANSI `style` when `on`, else as it is."""
    return f"{style}{text}{RESET}" if on else text


def default_format(out: TextIO, color: str = "auto") -> str:
    """`github` under GitHub Actions, `full` on a terminal (or with `--color always`), else
    `concise`."""
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    if color == "always" or getattr(out, "isatty", lambda: False)():
        return "full"
    return "concise"


# Formats read by programs: UTF-8 whatever the locale (JSON, SARIF and GitLab's report are UTF-8,
# the JUnit prolog says UTF-8, the Actions runner reads UTF-8).
MACHINE_FORMATS = ("json", "json-lines", "github", "sarif", "junit", "gitlab")


def prepare(out: TextIO, fmt: str) -> None:
    """Make `out` able to take any text in format `fmt` (or "diff", `fix --diff`'s). A standard
    output in an encoding that cannot hold CJK (a Windows console, `LC_ALL=C`,
    `PYTHONIOENCODING=ascii`) would end the run with an encoding error: a machine format or a
    diff is written in UTF-8 instead, a text format with what the encoding cannot hold as
    `\\uXXXX` escapes."""
    encoding = (getattr(out, "encoding", None) or "utf-8").lower().replace("_", "-")
    reconfigure = getattr(out, "reconfigure", None)
    if encoding in ("utf-8", "utf8") or reconfigure is None:
        return
    if fmt in MACHINE_FORMATS or fmt == "diff":  # a diff is applied to the UTF-8 articles
        reconfigure(encoding="utf-8", errors="strict")
    elif getattr(out, "errors", "strict") not in _ENCODE_ANYTHING:
        # "strict", and also "surrogateescape", which Python gives stdout in the C or POSIX
        # locale (`LC_ALL=C`): it writes back undecodable bytes but cannot encode CJK either.
        reconfigure(errors="backslashreplace")


# Error handlers with which any text can be written, in any encoding.
_ENCODE_ANYTHING = ("backslashreplace", "namereplace", "xmlcharrefreplace", "replace", "ignore")


def report(
    fmt: str, diagnostics: list[Diagnostic], files: int, out: TextIO, **options: object
) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown output format {fmt!r} ({', '.join(FORMATS)})")
    module = importlib.import_module(f"newslint.reporters.{fmt.replace('-', '_')}")
    prepare(out, fmt)
    module.write(diagnostics, files, out, **options)
