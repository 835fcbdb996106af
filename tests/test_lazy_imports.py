"""`--version`, `--help` and a fully cached run import none of the heavy libraries.

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
PROBE = """
import json, sys
from newslint.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exit_:
    code = exit_.code
heavy = sorted({name.split(".")[0] for name in sys.modules} & set(HEAVY))
sys.stderr.write("\\nPROBE " + json.dumps({"code": code, "heavy": heavy}) + "\\n")
""".replace("HEAVY", repr(HEAVY))


def probe(args: list[str], cwd: Path) -> tuple[int, list[str], str]:
    """(exit code, heavy modules imported, stdout) of `newslint ARGS` in a fresh interpreter."""
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
    return report["code"], report["heavy"], done.stdout


@pytest.fixture
def site(tmp_path: Path) -> Path:
    make_site(tmp_path, 6)
    return tmp_path


def test_version_imports_nothing_heavy(tmp_path: Path) -> None:
    code, heavy, out = probe(["--version"], tmp_path)
    assert (code, heavy) == (0, [])
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
