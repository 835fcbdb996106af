"""Sequential milliseconds per file of read + parse + every rule, in one process (no workers, no cache).

    python bench/per_file.py [--runs 3] [--every 10] [FOLDER]

Lints every `--every`-th article under FOLDER (default: the 10,000-article bench corpus) the way a
worker does (`newslint.runner.lint_one`), `--runs` times, and prints the best time per file. It is
the number to watch while optimising rules: no process start-up, pool or output is in it.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newslint.config import Config
from newslint.engine import build_ruleset
from newslint.runner import lint_one


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "folder", type=Path, nargs="?", default=Path("/tmp/newslint-bench/corpus-10000")
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--every", type=int, default=10)
    args = parser.parse_args(argv)
    paths = sorted(args.folder.rglob("*.md"))[:: args.every]
    ruleset = build_ruleset(Config(), select=["ALL"])
    for path in paths[:50]:  # imports and first-use compiles out of the timing
        lint_one(path, ruleset, None)
    best, found = float("inf"), 0
    for _ in range(args.runs):
        start = time.perf_counter()
        found = sum(len(lint_one(path, ruleset, None)[0].diagnostics) for path in paths)
        best = min(best, time.perf_counter() - start)
    print(f"{len(paths)} files: {best / len(paths) * 1000:.3f} ms per file ({found} diagnostics)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
