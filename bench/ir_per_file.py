"""Instructions per file of `lint_one` with every rule on, counted by callgrind: a measure of the
per-file cost that a loaded or shared machine does not disturb (wall time does).

    python bench/ir_per_file.py [FOLDER] [--files N] [--every K]

Runs this interpreter twice under `valgrind --tool=callgrind` (hash seed 0, address-space
randomisation off, so repeat runs agree within about 5,000 instructions): both runs build the
rule set and lint a warm-up of 50 files; the second also lints N files (every K-th of the
folder's Markdown, sorted). Per file = (second run - first run) / N. Needs valgrind and setarch.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

_WARM_UP = 50


def _workload(folder: str, files: int, every: int) -> None:
    """What runs under callgrind: the warm-up, then `files` files (none for the first run)."""
    from newslint.config import Config
    from newslint.engine import build_ruleset
    from newslint.runner import lint_one

    os.chdir(folder)
    paths = sorted(Path("content").rglob("*.md")) or sorted(Path(".").rglob("*.md"))
    ruleset = build_ruleset(Config(), select=["ALL"])
    for path in paths[1::every][:_WARM_UP]:
        lint_one(path, ruleset, None)
    for path in paths[::every][:files]:
        lint_one(path, ruleset, None)
    os._exit(0)  # the interpreter's teardown is no file's cost


def _instructions(folder: str, files: int, every: int) -> int:
    with tempfile.TemporaryDirectory() as scratch:
        out = os.path.join(scratch, "callgrind.out")
        command = [
            "setarch",
            os.uname().machine,
            "-R",
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={out}",
            sys.executable,
            __file__,
            "--run",
            folder,
            "--files",
            str(files),
            "--every",
            str(every),
        ]
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        found = re.search(r"refs:\s*([\d,]+)", done.stderr)
        if found is None:
            sys.exit(f"callgrind gave no count:\n{done.stderr[-2000:]}")
        return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="/tmp/newslint-bench/corpus-10000")
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--every", type=int, default=50)
    parser.add_argument("--run", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    folder = os.path.abspath(args.folder)
    if args.run:
        _workload(folder, args.files, args.every)
    base = _instructions(folder, 0, args.every)
    full = _instructions(folder, args.files, args.every)
    print(f"warm-up only {base:,} Ir; with {args.files} files {full:,} Ir")
    print(f"per file {(full - base) / args.files / 1e6:.3f} M Ir")


if __name__ == "__main__":
    main()
