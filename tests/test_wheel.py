"""The wheel ships the built-in rules inside `newslint` and finds them through the entry point."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from newslint.registry import load_registry

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_lists_every_builtin_rule(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(ROOT)],
        check=True,
    )
    (wheel,) = dist.glob("newslint-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "newslint/rules/required_field.py" in names
    assert not any(name.startswith("rules/") for name in names), "no top-level package named rules"
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "builtin = newslint.rules" in zipfile.ZipFile(wheel).read(entry_points).decode()

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bin_dir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(wheel)], check=True
    )
    listed = subprocess.run(
        [str(bin_dir / "newslint"), "rules", "--output-format", "json"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    codes = {row["code"] for row in json.loads(listed.stdout)}
    expected = {rule.code for rule in load_registry().rules if rule.origin in ("builtin", "engine")}
    assert codes == expected
