"""Time `newslint check` cold, warm and on one file, against markdownlint-cli2 and a Python baseline.

    python bench/bench_check.py [--count 10000] [--runs 3] [--no-markdownlint] [--memory]

Everything runs in one process, alternating (round 1: cold, warm, one file, baseline, markdownlint;
round 2: the same ...), so a busy machine slows every contender alike; medians and the ratios of the
issue's goals are printed at the end:

- cold: `newslint check --select ALL` on the corpus after deleting `.newslint_cache` (it fills the
  cache), ≤ 0.2 × markdownlint-cli2 on the same files;
- warm: the same command again, nothing changed, ≤ 0.25 × cold;
- skeleton: the cold check with one trivial rule (`--select BD001`, which needs the Markdown
  parse): reading, parsing, events, the cache and output, with no rule work to speak of. It is the
  least a cold check can cost in this design, so cold / markdownlint-cli2 cannot go below
  skeleton / markdownlint-cli2 by making rules faster;
- floor: `bench/floor.py`, the issue's minimal parsing pipeline (read, split, libyaml, pydantic,
  pyromark, pre-filtered ftfy) on 2 workers, so the cold time can be read against parsing alone;
- one file: `newslint check --select ALL --no-cache FILE`, ≤ 1.5 × `python -c "import yaml,
  pydantic"` plus parsing that file (front matter with libyaml, body with the Markdown parser);
- `--memory`: peak RSS (largest process of the run) of a cold check of 1,000 and of 30,000
  articles, 30k ≤ 1.5 × 1k.

The corpus comes from `bench/gen_corpus.py` (kept in `--work`, default /tmp/newslint-bench).
markdownlint-cli2 is installed with npm into that folder the first time. newslint runs as
`python -m newslint` with this interpreter: run the script with another environment's Python to
time the checkout installed there (see bench/README.md: `PYTHONPATH` alone mixes two trees).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_corpus import generate  # noqa: E402

BASELINE = """
import sys, yaml, pydantic
text = open(sys.argv[1], encoding="utf-8").read()
_, front, body = text.split("---", 2)
yaml.load(front, Loader=yaml.CSafeLoader)
import pyromark
list(pyromark.events(body))
"""


def corpus(work: Path, count: int) -> Path:
    folder = work / f"corpus-{count}"
    if not (folder / "defects.json").is_file():
        print(f"generating {count} articles in {folder} ...", flush=True)
        generate(folder, count)
    return folder


def markdownlint(work: Path) -> list[str] | None:
    folder = work / "npm"
    binary = folder / "node_modules" / ".bin" / "markdownlint-cli2"
    if not binary.exists():
        npm = shutil.which("npm")
        if npm is None:
            return None
        print("installing markdownlint-cli2 with npm ...", flush=True)
        folder.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [
                npm,
                "install",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(folder),
                "markdownlint-cli2",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0 or not binary.exists():
            print(done.stderr[-2000:], file=sys.stderr)
            return None
    return [str(binary), "content/**/*.md"]


# The timed commands run as an installed newslint does: with its bytecode (and its compiled
# dataclass methods, see newslint/_dataclass_code.py) written once and reused. Under
# PYTHONDONTWRITEBYTECODE every run of a source checkout would compile newslint from source (about
# 80 ms), which no pre-commit hook of an installed newslint pays; the libraries the baseline imports
# have their bytecode from pip either way.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        command,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
        env=ENV,
    )
    return time.perf_counter() - start


def peak_rss_mb(command: list[str], cwd: Path) -> float:
    """Peak resident memory of the largest process of `command` (itself or a worker), in MB."""
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, _, usage = os.wait4(process.pid, 0)
    return usage.ru_maxrss / 1024


def one_file(site: Path) -> Path:
    """The article the one-file goal is timed on: the first English one by path."""
    return next(iter(sorted((site / "content" / "en").rglob("*.md"))))


def newslint(*args: str, select: str = "ALL") -> list[str]:
    return [
        sys.executable,
        "-m",
        "newslint",
        "check",
        "--select",
        select,
        "--output-format",
        "concise",
        *args,
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/newslint-bench"))
    parser.add_argument("--no-markdownlint", action="store_true")
    parser.add_argument("--memory", action="store_true", help="also measure 1k vs 30k peak RSS")
    args = parser.parse_args(argv)

    site = corpus(args.work, args.count)
    one = one_file(site)
    mdl = None if args.no_markdownlint else markdownlint(args.work)
    env_note = os.environ.get("PYTHONPATH", "")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, PYTHONPATH={env_note or '-'}")
    print(f"corpus: {site} ({args.count} articles); one file: {one.relative_to(site)}")

    times: dict[str, list[float]] = {
        "cold": [],
        "warm": [],
        "skeleton": [],
        "one": [],
        "baseline": [],
        "floor": [],
        "mdl": [],
    }
    for round_ in range(1, args.runs + 1):
        shutil.rmtree(site / ".newslint_cache", ignore_errors=True)
        times["cold"].append(timed(newslint(), site))
        times["warm"].append(timed(newslint(), site))
        shutil.rmtree(site / ".newslint_cache", ignore_errors=True)
        times["skeleton"].append(timed(newslint(select="BD001"), site))
        times["one"].append(timed(newslint("--no-cache", str(one.relative_to(site))), site))
        times["baseline"].append(timed([sys.executable, "-c", BASELINE, str(one)], site))
        times["floor"].append(timed([sys.executable, str(HERE / "floor.py"), "content"], site))
        if mdl is not None:
            times["mdl"].append(timed(mdl, site))
        last = ", ".join(f"{k} {v[-1]:.3f}s" for k, v in times.items() if v)
        print(f"round {round_}: {last}", flush=True)

    median = {k: statistics.median(v) for k, v in times.items() if v}
    print("\nmedians: " + ", ".join(f"{k} {v:.3f}s" for k, v in median.items()))
    goals = []
    print(f"cold newslint = {median['cold'] / median['floor']:.2f} x the parsing floor")
    if "mdl" in median:
        goals.append(("cold / markdownlint-cli2", median["cold"] / median["mdl"], 0.2))
        print(f"parsing floor = {median['floor'] / median['mdl']:.3f} x markdownlint-cli2")
        print(f"skeleton (one rule) = {median['skeleton'] / median['mdl']:.3f} x markdownlint-cli2")
    goals.append(("warm / cold", median["warm"] / median["cold"], 0.25))
    goals.append(
        ("one file / (import yaml, pydantic + parse)", median["one"] / median["baseline"], 1.5)
    )

    if args.memory:
        small, large = corpus(args.work, 1_000), corpus(args.work, 30_000)
        rss_small = peak_rss_mb(newslint("--no-cache"), small)
        rss_large = peak_rss_mb(newslint("--no-cache"), large)
        print(f"peak RSS: 1k {rss_small:.1f} MB, 30k {rss_large:.1f} MB")
        goals.append(("peak RSS 30k / 1k", rss_large / rss_small, 1.5))

    print()
    for name, ratio, goal in goals:
        verdict = "ok" if ratio <= goal else "MISSED"
        print(f"{name:<45} {ratio:6.3f}  (goal <= {goal})  {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
