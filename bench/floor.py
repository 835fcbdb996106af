"""The parsing floor: the minimal Python pipeline the issue describes, over a whole corpus.

    python bench/floor.py [FOLDER] [--jobs N]

Per file it does only what any check needs before a single rule runs: read the bytes, decode,
split the front matter, one libyaml pass, validate it with a small pydantic model, parse the body
with the Markdown parser (pyromark), and run ftfy on the lines a cheap pre-filter selects — in a
process pool of `--jobs` workers (default: every CPU), as `newslint check` does. It prints the
wall time. `bench_check.py` runs it in its alternation (`floor`), so the cold goal can be read
against what parsing alone costs on the same machine.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import ftfy
import pydantic
import pyromark
import yaml

# The same pre-filter idea as newslint's EN001: only lines with a typical mis-decoding go to ftfy.
_SUSPECT = re.compile(
    "[\u00c2\u00c3\u00c5\u00e2\u00e5\u00e6\u00e7\u00e8\u00e9][\u0080-\u00bf\u2018-\u203a\u0152-\u0178]"
)


class FrontMatter(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="allow")
    title: str | None = None
    date: object = None
    summary: str | None = None
    tags: list[str] | None = None
    categories: list[str] | None = None


def parse(name: str) -> int:
    text = Path(name).read_bytes().decode("utf-8", "replace")
    _, front, body = text.split("---", 2) if text.startswith("---") else ("", "", text)
    data = yaml.load(front, Loader=yaml.CSafeLoader) or {}
    if isinstance(data, dict):
        FrontMatter.model_validate(data)
    events = sum(1 for _ in pyromark.events(body))
    for line in body.splitlines():
        if _SUSPECT.search(line):
            ftfy.fix_text(line)
    return events


def _chunk(names: list[str]) -> int:
    return sum(parse(name) for name in names)


def run(folder: Path, jobs: int) -> float:
    names = sorted(str(p) for p in folder.rglob("*.md"))
    start = time.perf_counter()
    size = max(8, min(128, len(names) // (jobs * 8) or 1))
    chunks = [names[i : i + size] for i in range(0, len(names), size)]
    if jobs <= 1:
        for chunk in chunks:
            _chunk(chunk)
    else:
        with ProcessPoolExecutor(jobs) as pool:
            list(pool.map(_chunk, chunks))
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=Path("."))
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    print(f"{run(args.folder, args.jobs):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
