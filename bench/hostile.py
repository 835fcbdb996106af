"""Time `newslint check` and `newslint fix` on pathological files, one case at a time.

    python bench/hostile.py [--only NAME[,NAME...]] [--formats concise,json] [--commands check,fix]
                            [--work DIR] [--save DIR] [--scale 1.0]

Two kinds of case, generated into `--work` (default /tmp/newslint-hostile):

- **many diagnostics**: articles of about 1 MB built to produce 10^4 to 10^5 diagnostics each
  (trailing whitespace on every line, a control character per line, 100,000 `&amp;` in a field,
  50,000 links with `utm_` parameters, thousands of duplicate paragraphs, all of them at once;
  a fixed line after each untouched one, many problems on one line after an emoji or in CJK,
  in front matter that does not parse until all are fixed, or in front matter never closed).
  Each is checked in every `--formats` output format, fixed (on a copy, so every run sees the
  same file) and previewed with `fix --diff`. The cost of a run should grow with the number of diagnostics, not its square.
- **hostile inputs**: what should end with one clear diagnostic (or a clean usage error) and an
  exit code of 1 or 2, never a traceback or a hang: a 50 MB file, one 5 MB line, 100,000 nested
  quote or list markers (also on the last line), 1,000,000 `*`, `\\` or `*a`, 100,000 footnote
  definitions, a YAML alias bomb, TOML front matter with 100,000 keys,
  JSON front matter nested 100,000 deep, a FIFO and a device named on the command line, a
  directory symlink loop. (A file that vanishes between discovery and reading is a race a script
  cannot hit on purpose; `tests/test_hostile.py` covers it.)

Each run is a fresh `python -m newslint ... --isolated --no-cache` (the interpreter running this
script, so another environment's Python times the checkout installed there). Printed per run: the wall time, the
CPU time the child used (user + system: steadier than the wall clock on a shared machine), the
exit code and the size of the output; a traceback on stderr is flagged. `--save DIR` keeps every
run's stdout and stderr (`DIR/<case>.<command>.out`), so two trees can be compared byte for byte
with `diff -r`. Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

FRONT = (
    '---\ntitle: "Hostile"\ndate: 2025-02-08T09:55:35+08:00\nsummary: "A hostile file."\n---\n\n'
)
SOURCE = "\n[Source](https://example.org/news/1)\n"
MB = 1_000_000


def _text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="")


# ------------------------------------------------------------------ many diagnostics (~1 MB)


def trailing_whitespace(path: Path, n: int) -> None:
    """BD002 on every line: `n` lines ending in three spaces."""
    _text(path, FRONT + "".join(f"Line {i} ends in spaces.   \n" for i in range(n)) + SOURCE)


def control_chars(path: Path, n: int) -> None:
    """EN004 on every line: a BEL in each of `n` lines."""
    _text(path, FRONT + "".join(f"Line {i}\x07 rings.\n" for i in range(n)) + SOURCE)


def entities(path: Path, n: int) -> None:
    """TX003: `n` `&amp;` in the summary (the rule looks at title, summary and lead)."""
    summary = "S&amp;P " * n
    _text(path, FRONT.replace("A hostile file.", summary.strip()) + "Body text.\n" + SOURCE)


def utm_links(path: Path, n: int) -> None:
    """LK005: `n` links with tracking parameters."""
    links = "".join(f"[l{i}](https://e.org/{i}?utm_source=x&id=1) " for i in range(n))
    _text(path, FRONT + links + "\n" + SOURCE)


def duplicate_paragraphs(path: Path, n: int) -> None:
    """BD007: the same paragraph of sixteen words `n` times."""
    para = "The same sentence of sixteen words is written here again and again in this article.\n\n"
    _text(path, FRONT + para * n + SOURCE)


def mixed(path: Path, n: int) -> None:
    """All of the above, `n` lines of each kind, in one file."""
    lines = []
    for i in range(n):
        lines.append(f"Line {i} ends in spaces.   \n")
        lines.append(f"Ring\x07 {i} [l](https://e.org/{i}?utm_source=x) S&amp;P.\n\n")
        lines.append("The same sentence of sixteen words is written here again and again here.\n\n")
    summary = "S&amp;P " * n
    _text(path, FRONT.replace("A hostile file.", summary.strip()) + "".join(lines) + SOURCE)


def glued_quotations(path: Path, n: int) -> None:
    """TX004 at each closing quotation mark: `n` quoted sentences glued to the next one."""
    _text(path, FRONT + "“We are ready.”The crowd said it again. " * n + "\n" + SOURCE)


def alternate_lines(path: Path, n: int) -> None:
    """`n` untouched lines, each followed by one with trailing whitespace: the diff of the fix
    matches in `n` short blocks (difflib's matcher rescans the rest of the file for each)."""
    lines = "".join(f"Line {i} is fine.\nLine {i} ends in spaces.   \n" for i in range(n))
    _text(path, FRONT + lines + SOURCE)


def astral_line(path: Path, n: int) -> None:
    """An emoji, then `n` control characters on one line: SARIF counts UTF-16 columns."""
    _text(path, FRONT + "\U0001f600 " + "a\x07" * n + "\n" + SOURCE)


def cjk_lines(path: Path, n: int) -> None:
    """`n` lines of 450 CJK characters with a control character after each: the full format
    measures each caret's line in terminal cells."""
    _text(path, FRONT + ("中\x07" * 450 + "\n\n") * n + SOURCE)


def front_matter_controls(path: Path, n: int) -> None:
    """`n` front-matter keys with a control character in each value: the front matter does not
    parse until they are all removed (each fix was tried alone by parsing the file again)."""
    keys = "".join(f'key{i}: "value\x07 {i}"\n' for i in range(n))
    _text(path, FRONT.replace("---\n\n", keys + "---\n\n", 1) + SOURCE)


def unterminated(path: Path, n: int) -> None:
    """Front matter that is never closed, then `n` lines with a control character each: the
    front matter runs to the end of the file, so every fix is inside it."""
    _text(
        path, '---\ntitle: "Never closed"\n' + "".join(f"Line {i}\x07 rings.\n" for i in range(n))
    )


# ------------------------------------------------------------------------------ hostile inputs


def big_file(path: Path, size: int) -> None:
    """Over the default max-file-size (10 MB): reported, not read."""
    with path.open("wb") as out:
        out.write(FRONT.encode())
        chunk = b"Lorem ipsum dolor sit amet. " * 10_000
        written = len(FRONT)
        while written < size:
            out.write(chunk)
            written += len(chunk)


def one_line(path: Path, size: int) -> None:
    _text(path, FRONT + "word " * (size // 5) + "\n")


def nested_quotes(path: Path, n: int) -> None:
    _text(path, FRONT + "> " * n + "deep\n" + SOURCE)


def nested_lists(path: Path, n: int) -> None:
    _text(path, FRONT + "- " * n + "deep\n" + SOURCE)


def nested_mixed(path: Path, n: int) -> None:
    _text(path, FRONT + "> - " * (n // 2) + "deep\n" + SOURCE)


def stars(path: Path, n: int) -> None:
    _text(path, FRONT + "*" * n + "\n" + SOURCE)


def quote_markers_last(path: Path, n: int) -> None:
    """Quote markers on the last line, where the source label is looked for."""
    _text(path, FRONT + "> " * n + "deep\n")


def backslashes(path: Path, n: int) -> None:
    _text(path, FRONT + "\\" * n + "\n" + SOURCE)


def star_letters(path: Path, n: int) -> None:
    """`*a*a*a…`: every prose run may go on into an e-mail address."""
    _text(path, FRONT + "*a" * (n // 2) + "\n" + SOURCE)


def footnotes(path: Path, n: int) -> None:
    """Definition-like lines at the end, each looked at for the last line that shows."""
    _text(path, FRONT + "Body.\n\n" + "".join(f"[^{i}]: note\n" for i in range(n)))


def yaml_bomb(path: Path, _: int) -> None:
    """Billion laughs: nine levels of ten aliases each."""
    lines = [
        "---",
        'title: "Bomb"',
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ]
    for level in range(1, 9):
        name, prev = chr(97 + level), chr(96 + level)
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    _text(path, "\n".join([*lines, "---", "", "Body.", SOURCE]))


def toml_keys(path: Path, n: int) -> None:
    keys = "".join(f'key{i} = "value {i}"\n' for i in range(n))
    _text(path, '+++\ntitle = "Many keys"\n' + keys + "+++\n\nBody.\n" + SOURCE)


def json_deep(path: Path, n: int) -> None:
    _text(path, '{"title": "Deep", "x": ' + '{"a": ' * n + "1" + "}" * n + "}\n\nBody.\n" + SOURCE)


def json_deep_lists(path: Path, n: int) -> None:
    _text(path, '{"title": "Deep", "x": ' + "[" * n + "]" * n + "}\n\nBody.\n" + SOURCE)


# name -> (generator, size at --scale 1, whether to fix it, what to name on the command line)
Case = tuple[Callable[[Path, int], None], int, bool]
MANY: dict[str, Case] = {
    "trailing-ws-40k": (trailing_whitespace, 40_000, True),
    "control-100k": (control_chars, 100_000, True),
    "entities-100k": (entities, 100_000, True),
    "utm-links-50k": (utm_links, 50_000, True),
    "dup-paragraphs-10k": (duplicate_paragraphs, 10_000, True),
    "mixed-10k": (mixed, 10_000, True),
    "alternate-lines-20k": (alternate_lines, 20_000, True),
    "astral-line-100k": (astral_line, 100_000, True),
    "cjk-lines-200": (cjk_lines, 200, True),
    "front-matter-controls-32k": (front_matter_controls, 32_000, True),
    "unterminated-32k": (unterminated, 32_000, True),
    "glued-quotations-25k": (glued_quotations, 25_000, True),
}
HOSTILE: dict[str, Case] = {
    "file-50mb": (big_file, 50 * MB, True),
    "one-line-5mb": (one_line, 5 * MB, True),
    "quotes-100k": (nested_quotes, 100_000, True),
    "lists-100k": (nested_lists, 100_000, True),
    "quote-list-100k": (nested_mixed, 100_000, True),
    "stars-1m": (stars, 1_000_000, True),
    "quote-markers-last-line-100k": (quote_markers_last, 100_000, True),
    "backslashes-1m": (backslashes, 1_000_000, True),
    "star-letters-1m": (star_letters, 1_000_000, True),
    "footnotes-100k": (footnotes, 100_000, True),
    "yaml-bomb": (yaml_bomb, 0, True),
    "toml-100k-keys": (toml_keys, 100_000, True),
    "json-deep-100k": (json_deep, 100_000, True),
    "json-lists-100k": (json_deep_lists, 100_000, True),
}
# Paths that are not regular files, named on the command line.
SPECIAL = ("fifo", "dev-zero", "dev-null", "symlink-loop")


def _special(work: Path, name: str) -> str:
    if name == "fifo":
        fifo = work / "fifo.md"
        if not fifo.exists():
            os.mkfifo(fifo)
        return str(fifo)
    if name == "dev-zero":
        return "/dev/zero"
    if name == "dev-null":
        return "/dev/null"
    loop = work / "loop"
    if not loop.exists():
        (loop / "a").mkdir(parents=True)
        _text(loop / "a" / "x.md", FRONT + "Body.\n" + SOURCE)
        os.symlink("..", loop / "a" / "up")
    return str(loop)


def run(args: list[str], cwd: Path) -> tuple[float, float, int, bytes, bytes]:
    """(wall s, child CPU s, exit code, stdout, stderr) of `python -m newslint ARGS`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "newslint", *args],
            cwd=cwd,
            capture_output=True,
            timeout=600,
            check=False,
        )
        code, out, err = done.returncode, done.stdout, done.stderr
    except subprocess.TimeoutExpired as timeout:
        code, out, err = -9, timeout.stdout or b"", b"TIMEOUT after 600 s"
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, code, out, err


def report(
    label: str,
    result: tuple[float, float, int, bytes, bytes],
    save: Path | None,
    *,
    show_output: bool = False,
) -> None:
    """Print one run's line; with `show_output` also its first line of output (the diagnostic a
    hostile input should get)."""
    wall, cpu, code, out, err = result
    lines = out.count(b"\n")
    flag = ""
    errors = err.decode("utf-8", "replace").strip().splitlines()
    if b"Traceback" in err or code not in (0, 1, 2):
        flag = "  !! " + (errors[-1][:100] if errors else "no message")
    shown = ""
    if show_output and out.strip():
        shown = "  | " + out.decode("utf-8", "replace").strip().splitlines()[0][:110]
    elif errors and not flag:
        shown = f"  stderr: {errors[0][:70]}"
    print(
        f"{label:<40} {wall:8.2f} s wall {cpu:8.2f} s cpu  exit {code}  "
        f"{lines:>8} lines{shown}{flag}",
        flush=True,
    )
    if save is not None:
        name = label.replace(" ", ".")
        (save / f"{name}.out").write_bytes(out)
        (save / f"{name}.err").write_bytes(err)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="comma-separated case names")
    parser.add_argument("--formats", default="concise,full,json,sarif,github")
    parser.add_argument(
        "--commands", default="check,fix,diff", help="which of check, fix, diff (fix --diff) to run"
    )
    parser.add_argument("--work", type=Path, default=Path("/tmp/newslint-hostile"))
    parser.add_argument("--save", type=Path, default=None)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size")
    args = parser.parse_args(argv)
    only = {name for name in args.only.split(",") if name}
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    if args.save is not None:
        args.save.mkdir(parents=True, exist_ok=True)
    common = ["--isolated", "--no-cache", "--color", "never"]
    formats = [f for f in args.formats.split(",") if f]
    commands = set(args.commands.split(","))
    for table, many in ((MANY, True), (HOSTILE, False)):
        for name, (generate, size, fixable) in table.items():
            if only and name not in only:
                continue
            path = work / f"{name}.md"
            if not path.exists():
                generate(path, int(size * args.scale))
            for fmt in (formats if many else ["concise"]) if "check" in commands else []:
                result = run(["check", path.name, "--output-format", fmt, *common], work)
                report(f"{name} check {fmt}", result, args.save, show_output=not many)
            if fixable and "fix" in commands:
                copy = work / f"fixed-{name}.md"
                shutil.copyfile(path, copy)
                result = run(["fix", copy.name, "--output-format", "concise", *common], work)
                report(f"{name} fix", result, args.save)
                if args.save is not None:
                    shutil.copyfile(copy, args.save / f"{name}.fixed")
                copy.unlink()
            if fixable and many and "diff" in commands:
                result = run(["fix", "--diff", path.name, *common], work)
                report(f"{name} fix-diff", result, args.save)
    for name in SPECIAL:
        if only and name not in only:
            continue
        target = _special(work, name)
        if "check" in commands:
            result = run(["check", target, *common], work)
            report(f"{name} check", result, args.save, show_output=True)
        if "fix" in commands and name != "dev-zero":
            report(f"{name} fix", run(["fix", target, *common], work), args.save)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
