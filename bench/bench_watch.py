"""Time `newslint watch`: start-up, the latency of one save, and of a burst of saves.

    python bench/bench_watch.py [--count 10000] [--saves 10] [--burst 100] [--select ALL]

A copy of the `gen_corpus.py` corpus (kept in `--work`, default /tmp/newslint-bench; the copy goes
to a temporary folder, so the shared corpus is never written) is watched by `python -m newslint
watch --output-format concise` with its cache in the copy. The script prints:

- start-up: from the start of the process to its `Watching N files` line (a cold first lint, the
  cache empty);
- one save: an article saved as editors do (a temporary file renamed over it), timed from the
  rename to the `re-linted` status line for it, which is printed once the file is linted again and
  the cross-file rules have run over every file; `--saves` files, one after the other, median and
  maximum. The debounce alone accounts for 50 to 100 ms of it (watchfiles looks every 50 ms and
  waits for one quiet step);
- a burst: `--burst` articles saved at once, timed from the last rename to the status line that
  names the last of them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_corpus import generate  # noqa: E402


class Lines:
    """The standard output of a process, by line, with the time each arrived."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.lines: list[tuple[float, str]] = []
        self.changed = threading.Condition()
        assert process.stdout is not None
        self.thread = threading.Thread(target=self._read, args=(process.stdout,), daemon=True)
        self.thread.start()

    def _read(self, stream: object) -> None:
        for line in stream:  # type: ignore[attr-defined]
            with self.changed:
                self.lines.append((time.perf_counter(), line.rstrip("\n")))
                self.changed.notify_all()

    def wait(self, test: object, start: int = 0, timeout: float = 120) -> tuple[int, float]:
        """(index, arrival time) of the first line from `start` on for which `test` holds."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while True:
                for index in range(start, len(self.lines)):
                    if test(self.lines[index][1]):  # type: ignore[operator]
                        return index, self.lines[index][0]
                left = deadline - time.monotonic()
                if left <= 0:
                    raise SystemExit("newslint watch did not answer in time")
                self.changed.wait(left)


def save(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--saves", type=int, default=10)
    parser.add_argument("--burst", type=int, default=100)
    parser.add_argument("--select", default="ALL")
    parser.add_argument("--work", type=Path, default=Path("/tmp/newslint-bench"))
    args = parser.parse_args()
    source = args.work / f"corpus-{args.count}"
    if not (source / "defects.json").is_file():
        print(f"generating {args.count} articles in {source} ...", flush=True)
        generate(source, args.count)
    with tempfile.TemporaryDirectory(prefix="newslint-bench-watch-") as temporary:
        site = Path(temporary) / "site"
        shutil.copytree(source, site, ignore=shutil.ignore_patterns(".newslint_cache"))
        articles = sorted((site / "content").rglob("*.md"))
        env = {k: v for k, v in os.environ.items() if k not in ("NEWSLINT_CACHE_DIR",)}
        command = [sys.executable, "-m", "newslint", "watch", "--select", args.select]
        started = time.perf_counter()
        process = subprocess.Popen(
            [*command, "--output-format", "concise"],
            cwd=site,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        try:
            lines = Lines(process)
            at, ready = lines.wait(lambda line: line.startswith("Watching "))
            print(f"start-up ({len(articles)} files, cold): {ready - started:.2f} s")
            latencies = []
            step = max(1, len(articles) // max(1, args.saves))
            for number in range(args.saves):
                path = articles[number * step]
                shown = path.relative_to(site).as_posix()
                save(path, path.read_text(encoding="utf-8") + f"\nEdited {number}.\n")
                saved = time.perf_counter()
                at, seen = lines.wait(
                    lambda line, shown=shown: line.endswith("re-linted " + shown), at + 1
                )
                latencies.append(seen - saved)
            shown_ms = ", ".join(f"{1000 * t:.0f}" for t in latencies)
            print(
                f"one save: median {1000 * statistics.median(latencies):.0f} ms, "
                f"max {1000 * max(latencies):.0f} ms ({shown_ms})"
            )
            if args.burst:
                burst = articles[1 : 1 + args.burst]
                for path in burst:
                    save(path, path.read_text(encoding="utf-8") + "\nBurst.\n")
                saved = time.perf_counter()
                last = burst[-1].relative_to(site).as_posix()
                at, seen = lines.wait(
                    lambda line: (
                        " re-linted " in line
                        and last in line.split(" re-linted ", 1)[1].split("; ")[0].split(", ")
                    ),
                    at + 1,
                )
                print(
                    f"burst of {len(burst)} saves: {1000 * (seen - saved):.0f} ms after the last "
                    f"to its status line"
                )
        finally:
            process.terminate()
            process.wait(60)


if __name__ == "__main__":
    main()
