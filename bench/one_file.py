"""Time the one-file goal alone: a pre-commit run on one article against the Python baseline.

    python bench/one_file.py [--count 10000] [--runs 25]

`bench_check.py` times the one-file run three times among minutes of other work, and its median of
three moves by ±0.1 in ratio from run to run. This script alternates only the two commands of the
goal, `--runs` times each (`newslint check --select ALL --no-cache FILE` and the baseline `python
-c "import yaml, pydantic"` plus the parse of FILE, on the file `bench_check.py` picks), and prints
both medians and their ratio (goal ≤ 1.5).
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from bench_check import BASELINE, corpus, newslint, one_file, timed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=25)
    parser.add_argument("--work", type=Path, default=Path("/tmp/newslint-bench"))
    args = parser.parse_args(argv)

    site = corpus(args.work, args.count)
    one = one_file(site)
    print(f"corpus: {site}; one file: {one.relative_to(site)}; {args.runs} runs each, alternating")
    ours: list[float] = []
    baseline: list[float] = []
    for _ in range(args.runs):
        ours.append(timed(newslint("--no-cache", str(one.relative_to(site))), site))
        baseline.append(timed([sys.executable, "-c", BASELINE, str(one)], site))
    one_median, base_median = statistics.median(ours), statistics.median(baseline)
    print(
        f"one file {one_median:.4f}s, baseline {base_median:.4f}s, "
        f"ratio {one_median / base_median:.3f} (goal <= 1.5)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
