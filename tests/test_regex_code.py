"""The store of compiled regular expressions (`newslint._regex_code`): same patterns, less compiling.

A pattern built from the store must match exactly like one `re` compiles; bad patterns still fail
with `re`'s own error; only lasting patterns (newslint's, or a module's top-level ones) are kept;
the store file is refused when it comes from another interpreter or is damaged, and an entry the
engine rejects falls back to compiling.
"""

from __future__ import annotations

import re
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from newslint import _regex_code as regex_code
from newslint._code_store import CodeStore

PATTERNS = [
    (r"(?P<year>\d{4})-(?P<month>\d\d)(?:-(\d\d))?", 0, "on 2024-05-17 and 1999-12"),
    (r"^\s*(?i:title)\s*:", re.MULTILINE, "x\n  TITLE: y\ntitle:z"),
    (r"[\u4e00-\u9fff]+|[^\x00-\x7f]", 0, "abc 中文 é"),
    (rb"(?:[\xe3-\xed][\x80-\xbf]{2})+", 0, "中文 ok".encode()),
    (r"(?x) a  # comment\n  b+", 0, "abbb ab"),
    (r"(\w)\1", re.IGNORECASE | re.ASCII, "aA bb cd"),
]


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The store in front of `re`, in a temporary file, with `re`'s own cache empty."""
    path = tmp_path / "__pycache__" / "regex.marshal"
    fresh = CodeStore("unused", regex_code._TAG, regex_code._valid)
    fresh.path = str(path)
    fresh.pending = True  # no atexit registration from tests
    monkeypatch.setattr(regex_code, "_STORE", fresh)
    original = re._compiler.compile  # type: ignore[attr-defined]
    monkeypatch.setattr(regex_code, "_compile_anew", original)
    monkeypatch.setattr(re._compiler, "compile", regex_code._compile)  # type: ignore[attr-defined]
    re.purge()
    yield path
    re.purge()


def compile_at_import(pattern: str | bytes, flags: int) -> re.Pattern[str] | re.Pattern[bytes]:
    """`re.compile` run as a module's top-level code, as a constant is."""
    namespace = {"__name__": "probe_module", "re": re, "pattern": pattern, "flags": flags}
    exec("compiled = re.compile(pattern, flags)", namespace)
    compiled: re.Pattern[str] | re.Pattern[bytes] = namespace["compiled"]  # type: ignore[assignment]
    return compiled


def outcome(compiled: re.Pattern[str] | re.Pattern[bytes], subject: str | bytes) -> object:
    found = [(m.span(), m.groups(), m.groupdict()) for m in compiled.finditer(subject)]  # type: ignore[arg-type]
    return (found, compiled.flags, compiled.groups, dict(compiled.groupindex), compiled.pattern)


def test_a_pattern_from_the_store_matches_like_a_compiled_one(installed: Path) -> None:
    expected = []
    for pattern, flags, subject in PATTERNS:
        re.purge()
        expected.append(outcome(regex_code._compile_anew(pattern, flags), subject))
    for pattern, flags, _ in PATTERNS:  # first pass: compiled and stored
        re.purge()
        compile_at_import(pattern, flags)
    assert len(regex_code._STORE.entries) == len(PATTERNS)
    regex_code._STORE.write()
    reloaded = CodeStore("unused", regex_code._TAG, regex_code._valid)
    reloaded.path = regex_code._STORE.path
    reloaded.load()
    assert reloaded.entries == regex_code._STORE.entries
    regex_code._STORE.entries = reloaded.entries
    before = dict(reloaded.entries)
    found = []
    for pattern, flags, subject in PATTERNS:
        re.purge()
        found.append(outcome(compile_at_import(pattern, flags), subject))
    assert regex_code._STORE.entries == before  # all from the store
    assert found == expected
    assert found[0][0][0] == ((3, 13), ("2024", "05", "17"), {"year": "2024", "month": "05"})


def test_a_bad_pattern_still_fails_with_res_own_error(installed: Path) -> None:
    with pytest.raises(re.error, match="missing \\), unterminated subpattern at position 0"):
        re.compile("(ab")
    assert regex_code._STORE.entries == {}


def test_only_lasting_patterns_are_kept(installed: Path) -> None:
    module = types.ModuleType("elsewhere_probe")
    source = (
        "import re\n"
        "AT_IMPORT = re.compile('at import [0-9]+')\n"
        "class Reader:\n"
        "    IN_CLASS = re.compile('in a class [a-z]+')\n"
        "def per_article(title):\n"
        "    return re.compile(re.escape(title))\n"
    )
    exec(compile(source, "<elsewhere_probe>", "exec"), module.__dict__)
    module.per_article("Breaking: news")
    keys = {pattern for pattern, _ in regex_code._STORE.entries}
    assert keys == {"at import [0-9]+", "in a class [a-z]+"}
    newslint_module = types.ModuleType("newslint._probe")
    exec(compile(source, "<newslint_probe>", "exec"), newslint_module.__dict__)
    newslint_module.per_article("Config: pattern")
    keys = {pattern for pattern, _ in regex_code._STORE.entries}
    assert keys == {"at import [0-9]+", "in a class [a-z]+", re.escape("Config: pattern")}


def test_argparse_and_extension_module_patterns_are_kept(installed: Path) -> None:
    """argparse compiles its (few, fixed) patterns as it parses; an extension module's
    initialisation compiles its constants with the import system as its nearest Python caller."""
    source = "import re\ndef parse(nargs):\n    return re.compile(nargs)\n"
    for name, pattern in (("argparse", "(-*A[-AO]*)"), ("importlib._bootstrap", "[0-9]{4}")):
        namespace = {"__name__": name}
        exec(compile(source, f"<{name}>", "exec"), namespace)
        namespace["parse"](pattern)
    assert {pattern for pattern, _ in regex_code._STORE.entries} == {"(-*A[-AO]*)", "[0-9]{4}"}


def test_an_entry_the_engine_rejects_falls_back_to_compiling(installed: Path) -> None:
    flags, code, groups, groupindex, indexgroup = regex_code._engine_code("a+b", 0)
    regex_code._STORE.entries[("a+b", 0)] = (
        flags,
        regex_code._packed([999_999, *regex_code._unpacked(code)]),
        groups,
        groupindex,
        indexgroup,
    )
    assert re.compile("a+b").findall("aab b ab") == ["aab", "ab"]


def test_store_refusals(installed: Path) -> None:
    compile_at_import("refused [a-z]", 0)
    regex_code._STORE.write()
    data = installed.read_bytes()
    assert data.startswith(regex_code._TAG)
    store = regex_code._STORE
    assert list(store.read()) == [("refused [a-z]", 0)]
    other_python = data.replace(sys.version.encode(), b"3.99.0 (other build)")
    installed.write_bytes(other_python)
    assert store.read() == {}
    installed.write_bytes(regex_code._TAG + b"\xff garbage")
    assert store.read() == {}
    import marshal

    installed.write_bytes(
        regex_code._TAG + marshal.dumps({("x", 0): (0, "not a list", 0, {}, ()), "y": None})
    )
    assert store.read() == {}


def test_installed_by_the_command_not_by_importing_newslint() -> None:
    probe = (
        "import re, newslint, newslint.engine\n"
        "from newslint import _regex_code, cli\n"
        "print(re._compiler.compile is _regex_code._compile)\n"
        "cli.main = lambda: print(re._compiler.compile is _regex_code._compile) or 0\n"
        "cli.run()\n"
    )
    done = subprocess.run(
        [sys.executable, "-B", "-c", probe], capture_output=True, text=True, check=False, timeout=60
    )
    assert (done.returncode, done.stdout.split()) == (0, ["False", "True"]), done.stderr


def test_patterns_made_at_run_time_elsewhere_are_not_remembered(installed: Path) -> None:
    # A long `newslint watch` run compiles whatever plugins build per article: the store keeps
    # no trace of those (neither entry nor key), so it does not grow with the articles.
    module = types.ModuleType("plugin_probe")
    source = "import re\ndef per_article(title):\n    return re.compile(re.escape(title))\n"
    exec(compile(source, "<plugin_probe>", "exec"), module.__dict__)
    for number in range(3):
        module.per_article(f"Article {number}")
    assert regex_code._STORE.entries == {}
    assert regex_code._STORE.used == set()
