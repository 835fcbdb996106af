"""`--version`, `--help` and a fully cached run import none of the heavy libraries, and a one-file
pre-commit run imports only what linting that file needs.

Each run is a fresh interpreter (a subprocess) that reports which of them ended up in `sys.modules`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sitegen import make_site

HEAVY = ("ftfy", "pyromark", "pydantic", "pydantic_core", "httpx", "rich")
# Modules a one-file run without --check-links has no use for (the worker pool, the cache under
# --no-cache, the link checker, entry-point metadata when only the built-in rules are installed,
# an HTML parser for an article without raw HTML).
UNNEEDED = (
    "multiprocessing",
    "concurrent.futures",
    "importlib.metadata",
    "email",
    "zipfile",
    "sqlite3",
    "newslint.cache",
    "newslint.linkcheck",
    "newslint.linkfetch",
    "html.parser",  # the link rules read raw HTML with it, only when an article has some
    "_hashlib",  # OpenSSL, which hashlib loads: the digests a check makes are blake2b's
    "html.entities",  # HTML's 2,231 entities: only a text with a `&` needs them
    "encodings.cp1252",  # the mojibake tables: only a text outside ASCII needs them
)
PROBE = """
import json, sys
from newslint.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exit_:
    code = exit_.code
heavy = sorted({name.split(".")[0] for name in sys.modules} & set(HEAVY))
unneeded = sorted(set(sys.modules) & set(UNNEEDED))
report = {"code": code, "heavy": heavy, "unneeded": unneeded}
sys.stderr.write("\\nPROBE " + json.dumps(report) + "\\n")
""".replace("HEAVY", repr(HEAVY)).replace("UNNEEDED", repr(UNNEEDED))


def probe(args: list[str], cwd: Path) -> tuple[int, list[str], str]:
    """(exit code, heavy modules imported, stdout) of `newslint ARGS` in a fresh interpreter."""
    code, heavy, _, out = probe_all(args, cwd)
    return code, heavy, out


def probe_all(args: list[str], cwd: Path) -> tuple[int, list[str], list[str], str]:
    """(exit code, heavy modules, unneeded modules imported, stdout) of `newslint ARGS`."""
    env = {k: v for k, v in os.environ.items() if k != "NEWSLINT_CACHE_DIR"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    line = done.stderr.rsplit("PROBE ", 1)[-1]
    report = json.loads(line)
    return report["code"], report["heavy"], report["unneeded"], done.stdout


@pytest.fixture
def site(tmp_path: Path) -> Path:
    make_site(tmp_path, 6)
    return tmp_path


def test_version_imports_nothing_heavy(tmp_path: Path) -> None:
    code, heavy, unneeded, out = probe_all(["--version"], tmp_path)
    assert (code, heavy, unneeded) == (0, [], [])
    assert out.startswith("newslint ")


def test_help_imports_nothing_heavy(tmp_path: Path) -> None:
    for args in (["--help"], ["check", "--help"], []):
        _, heavy, out = probe(args, tmp_path)
        assert heavy == [], args
        assert "usage: newslint" in out


def test_fully_cached_run_imports_nothing_heavy(site: Path) -> None:
    args = ["check", "--output-format", "concise"]
    first_code, first_heavy, first_out = probe(args, site)
    assert first_code == 1 and "FM004" in first_out
    assert "pyromark" in first_heavy  # linted (in this process: few files)
    code, heavy, out = probe(args, site)
    assert (code, heavy, out) == (first_code, [], first_out)


def test_cached_run_with_a_config_file_skips_pydantic_once_validated(site: Path) -> None:
    (site / "newslint.toml").write_text('fail-on = "warning"\n[links]\nper-host = 2\n')
    args = ["check", "--output-format", "json"]
    first_code, first_heavy, first_out = probe(args, site)
    assert "pydantic" in first_heavy  # validated the first time
    code, heavy, out = probe(args, site)
    assert (code, heavy, out) == (first_code, [], first_out)
    (site / "newslint.toml").write_text('fail-on = "nonsense"\n')
    code, heavy, out = probe(args, site)
    assert code == 2 and "pydantic" in heavy  # a changed file is validated again


def test_full_output_uses_rich_only_on_a_terminal(site: Path) -> None:
    probe(["check"], site)
    _, heavy, out = probe(["check"], site)  # stdout is a pipe here
    assert heavy == [] and "FM004" in out
    _, heavy, out = probe(["check", "--color", "always"], site)
    assert heavy == ["rich"] and "\x1b[" in out


VALID = """---
title: "Budget passes"
date: 2025-02-08T09:55:35+08:00
summary: "The budget passed on Tuesday after a long debate in parliament."
tags: ["economy"]
comments: false
---

The budget passed on Tuesday after a long debate in parliament.

[example](https://news.example.com/story/1)
"""


def test_one_file_run_imports_only_what_the_file_needs(site: Path) -> None:
    """A pre-commit run on one valid article: no pydantic (every front-matter value is plainly of
    its schema type), no worker pool, no cache, no link checker, no entry-point metadata."""
    article = site / "content" / "en" / "news" / "valid.en.md"
    article.write_text(VALID, encoding="utf-8")
    args = ["check", "--select", "ALL", "--no-cache", "--output-format", "json", str(article)]
    code, heavy, unneeded, out = probe_all(args, site)
    assert (code, out.strip()) == (0, "[]")
    assert (heavy, unneeded) == (["pyromark"], [])
    article.write_text(VALID.replace("comments: false", 'comments: "false"'), encoding="utf-8")
    code, heavy, unneeded, out = probe_all(args, site)
    assert code == 1 and '"code": "FM005"' in out
    assert heavy == ["pydantic", "pydantic_core", "pyromark"]
    # pydantic reads entry-point metadata for its own plugins when it builds the model (and
    # imports hashlib).
    assert set(unneeded) <= {"importlib.metadata", "email", "zipfile", "_hashlib"}


def test_the_command_resumes_garbage_collection_once_set_up(site: Path) -> None:
    """`python -m newslint` pauses GC while loading; linting runs with it on again."""
    code = """
import atexit, gc, sys
atexit.register(lambda: print("GC", gc.isenabled(), gc.get_freeze_count() > 0, file=sys.stderr))
sys.argv[0] = "newslint"
import runpy
runpy.run_module("newslint", run_name="__main__")
"""
    done = subprocess.run(
        [sys.executable, "-c", code, "check", "--no-cache", "content"],
        cwd=site,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1 and "FM004" in done.stdout
    assert done.stderr.splitlines()[-1] == "GC True True"


PLAIN = """---
title: "Budget passes"
date: "2025-02-08 09:55:35"
tags:
  - "economy"
draft: false
menu: ""
---

The budget passed on Tuesday after a long debate in parliament.
"""


def test_front_matter_of_plain_lines_is_read_without_pyyaml(site: Path) -> None:
    """Quoted strings, booleans and lists of them (nearly every article) need no PyYAML; a number
    or an unquoted date brings it in."""
    article = site / "content" / "en" / "news" / "plain.en.md"
    code = """
import sys
from newslint.cli import main
code = main(sys.argv[1:])
print("YAML", "yaml" in sys.modules, file=sys.stderr)
"""
    args = ["check", "--select", "ALL", "--no-cache", "--output-format", "json", str(article)]
    for text, loaded in ((PLAIN, False), (PLAIN.replace("draft: false", "weight: 10"), True)):
        article.write_text(text, encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-c", code, *args],
            cwd=site,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.stderr.splitlines()[-1] == f"YAML {loaded}", done.stderr
        assert '"code": "DT001"' in done.stdout
