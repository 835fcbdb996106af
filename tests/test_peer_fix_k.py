"""Peer team K: black-box tests of `newslint fix` written from the public contract alone
(DESIGN.md "Fixes" and "Command line", README "Usage", "Exit codes", "Editors", "pre-commit", and
each rule's *Fix safety* as `newslint rule NAME` prints it).

What is pinned here:

- several rules fixing the same line, span or field at once (overlapping and adjacent edits), in
  YAML, TOML and JSON front matter and in the body: the exact bytes `fix` and
  `fix --unsafe-fixes` write, that a second run changes nothing, and that no byte outside the
  edits changes: the result equals the fix loop re-done from the outside, by applying the JSON
  fix edits (line/column, code points, exclusive ends) pass after pass;
- applicability: safe edits are written by `fix`, unsafe ones only with `--unsafe-fixes`,
  display-only ones never (but the JSON output and `check` show them);
- `fix -` / `--stdin-filename` print what `fix PATH` writes; `fix --diff` prints a unified diff,
  writes nothing and exits 1 when there is one; awkward files (invalid UTF-8, BOM, CR-only,
  no final newline, empty, only front matter);
- `.pre-commit-hooks.yaml` and running its entries the way pre-commit does (file names in batches),
  plus one real `pre-commit` run with a `repo: local` hook (marker `precommit`).
"""

from __future__ import annotations

import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from newslint.cli import main

ROOT = Path(__file__).resolve().parent.parent
NEWSLINT = shutil.which("newslint", path=str(Path(sys.executable).parent))

S = "The city council agreed on a plan to help cafe owners after prices rose."
SOURCE = "[Source](https://example.com/news)"
HUGO_TOML = 'baseURL = "https://example.org/"\ntitle = "x"\ntimeZone = "Asia/Shanghai"\n'
MOJI = "Caf\u00c3\u00a9"  # "Café" encoded as UTF-8 and decoded as Latin-1
NBSP = "\u00a0"
ZWSP = "\u200b"
BOM = "\ufeff"


# --------------------------------------------------------------------------------------------
# helpers


def make_site(root: Path, hugo: str = HUGO_TOML) -> Path:
    """A Hugo site at `root` with a content folder; returns the site root."""
    (root / "content" / "news").mkdir(parents=True)
    (root / "hugo.toml").write_text(hugo, encoding="utf-8")
    return root


@dataclass
class Run:
    code: int
    out: bytes
    err: str


def cli(
    args: list[str],
    cwd: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsysbinary: pytest.CaptureFixture[bytes],
    stdin: bytes = b"",
) -> Run:
    """`newslint ARGS` in-process from `cwd`, with `stdin` as standard input."""
    monkeypatch.chdir(cwd)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    capsysbinary.readouterr()
    code = main(args)
    out, err = capsysbinary.readouterr()
    return Run(code, out, err.decode("utf-8", "replace"))


_BREAK = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    """Code-point offsets at which each line starts (CR LF, CR and LF end a line)."""
    return [0] + [m.end() for m in _BREAK.finditer(text)]


def apply_json_edits(text: str, diagnostics: list[dict], allowed: set[str]) -> tuple[str, int]:
    """One fix pass done from the outside: the fixes whose applicability is in `allowed`, taken
    in report order, each whole or not at all, skipping one that overlaps a fix already taken
    (DESIGN: non-overlapping fixes in one pass). Returns (new text, fixes applied)."""
    starts = line_starts(text)

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1

    taken: list[tuple[int, int, str]] = []
    count = 0
    for diagnostic in diagnostics:
        fix = diagnostic["fix"]
        if not fix or fix["applicability"] not in allowed:
            continue
        edits = [
            (
                offset(e["line"], e["column"]),
                offset(e["end_line"], e["end_column"]),
                e["content"],
            )
            for e in fix["edits"]
        ]

        def overlaps(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
            # Two inserts at one point, or an insert inside a replaced span, also conflict.
            return (a[0] < b[1] and b[0] < a[1]) or a[0] == b[0]

        if any(overlaps(a, b) for a in edits for b in taken):
            continue
        taken.extend(edits)
        count += 1
    for start, end, content in sorted(taken, key=lambda e: (e[0], e[1]), reverse=True):
        text = text[:start] + content + text[end:]
    return text, count


def check_json(
    rel: str, cwd: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> list[dict]:
    run = cli(
        ["check", rel, "--no-cache", "--output-format", "json"], cwd, monkeypatch, capsysbinary
    )
    assert run.code in (0, 1), run.err
    result: list[dict] = json.loads(run.out)
    return result


def emulate_fix(
    raw: bytes,
    root: Path,
    unsafe: bool,
    monkeypatch: pytest.MonkeyPatch,
    capsysbinary: pytest.CaptureFixture[bytes],
) -> bytes:
    """The fix loop re-done through the JSON contract: lint, apply the edits, until none apply."""
    rel = "content/news/oracle.md"
    path = root / rel
    allowed = {"safe", "unsafe"} if unsafe else {"safe"}
    text = raw.decode("utf-8")
    for _ in range(10):
        path.write_bytes(text.encode("utf-8"))
        new, count = apply_json_edits(
            text, check_json(rel, root, monkeypatch, capsysbinary), allowed
        )
        if not count:
            return text.encode("utf-8")
        text = new
    raise AssertionError("the emulated fix loop did not converge")


# --------------------------------------------------------------------------------------------
# the combined documents: (name, original, after `fix`, after `fix --unsafe-fixes`)


def yaml_doc(*fields: str, body: str = "Text here.\n\n" + SOURCE + "\n", nl: str = "\n") -> str:
    lines = ["---", *fields, "---", "", *body.split("\n")]
    return nl.join(lines) if nl != "\n" else "\n".join(lines)


def y(title: str = "Budget passes", date: str = "2025-02-08T09:55:35+08:00", **extra: str) -> list:
    fields = [f'title: "{title}"', f"date: {date}", f'summary: "{S}"']
    fields += [f"{k}: {v}" for k, v in extra.items()]
    return fields


def toml_doc(title: str, date: str = '"2025-02-08T09:55:35+08:00"', extra: str = "") -> str:
    return (
        f'+++\ntitle = "{title}"\ndate = {date}\nsummary = "{S}"\n{extra}+++\n\n'
        f"Text here.\n\n{SOURCE}\n"
    )


def json_doc(title: str, date: str = "2025-02-08T09:55:35+08:00", extra: str = "") -> str:
    return (
        f'{{\n  "title": "{title}",\n  "date": "{date}",\n  "summary": "{S}"{extra}\n}}\n\n'
        f"Text here.\n\n{SOURCE}\n"
    )


TITLE_MESS = f"{MOJI}  owners&#39; preparedness.The rise "
TITLE_CLEAN = "Café owners' preparedness. The rise"
BODY = "Text here.\n\n" + SOURCE + "\n"


@dataclass(frozen=True)
class Doc:
    name: str
    raw: bytes
    safe: bytes
    unsafe: bytes
    hugo: str = HUGO_TOML


def doc(name: str, raw: str | bytes, safe: str | bytes, unsafe: str | bytes | None = None) -> Doc:
    def b(x: str | bytes) -> bytes:
        return x.encode("utf-8") if isinstance(x, str) else x

    return Doc(name, b(raw), b(safe), b(unsafe if unsafe is not None else safe))


DOCS: list[Doc] = [
    # mojibake + double space + entity + glued sentence + trailing space, in one title
    doc(
        "yaml-title-four-rules",
        yaml_doc(*y(title=TITLE_MESS)),
        yaml_doc(*y(title=TITLE_CLEAN)),
    ),
    doc(
        "toml-title-four-rules",
        toml_doc(TITLE_MESS),
        toml_doc(TITLE_CLEAN),
    ),
    doc(
        "json-title-four-rules",
        json_doc(TITLE_MESS),
        json_doc(TITLE_CLEAN),
    ),
    # the same mess in the summary; the leading space and an NBSP run too
    doc(
        "yaml-summary-mess",
        yaml_doc(
            'title: "Budget passes"',
            "date: 2025-02-08T09:55:35+08:00",
            f'summary: " The council&#39;s plan{NBSP} helps {MOJI} owners.Prices rose sharply in March."',
        ),
        yaml_doc(
            'title: "Budget passes"',
            "date: 2025-02-08T09:55:35+08:00",
            'summary: "The council\'s plan helps Café owners. Prices rose sharply in March."',
        ),
    ),
    # an entity that turns into a double quote inside a double-quoted YAML string
    doc(
        "yaml-quot-entity-requoted",
        yaml_doc(*y(title="Minister says &quot;no&quot;  to cuts")),
        yaml_doc(*y(title='Minister says \\"no\\" to cuts')),
    ),
    # single-quoted YAML: &#39; becomes '' (the style's escape)
    doc(
        "yaml-single-quoted-entity",
        yaml_doc(
            "title: 'Owners&#39; plan  passes'",
            "date: 2025-02-08T09:55:35+08:00",
            f'summary: "{S}"',
        ),
        yaml_doc(
            "title: 'Owners'' plan passes'", "date: 2025-02-08T09:55:35+08:00", f'summary: "{S}"'
        ),
    ),
    # a date fix and a key rename on one line: the rename is unsafe, the date then gets fixed
    doc(
        "yaml-rename-then-date-one-line",
        yaml_doc(*y(), "lastmode: 2025-02-09 10:00:00"),
        yaml_doc(*y(), "lastmode: 2025-02-09 10:00:00"),
        yaml_doc(*y(), "lastmod: 2025-02-09T10:00:00+08:00"),
    ),
    doc(
        "yaml-flow-map-date-and-rename",
        f'---\n{{title: "Budget passes", date: 2025-02-08 09:55:35, sumary: "{S}"}}\n---\n\n{BODY}',
        f'---\n{{title: "Budget passes", date: 2025-02-08T09:55:35+08:00, sumary: "{S}"}}\n---\n\n{BODY}',
        f'---\n{{title: "Budget passes", date: 2025-02-08T09:55:35+08:00, summary: "{S}"}}\n---\n\n{BODY}',
    ),
    doc(
        "json-one-line-date-and-rename",
        f'{{"title": "Budget passes", "date": "2025-02-08 09:55:35", "sumary": "{S}"}}\n\n{BODY}',
        f'{{"title": "Budget passes", "date": "2025-02-08T09:55:35+08:00", "sumary": "{S}"}}\n\n{BODY}',
        f'{{"title": "Budget passes", "date": "2025-02-08T09:55:35+08:00", "summary": "{S}"}}\n\n{BODY}',
    ),
    doc(
        "toml-date-and-title-and-rename",
        toml_doc(
            "Budget  passes ",
            date='"2025-02-08 09:55:35"',
            extra='lastmode = "2025-02-09 10:00:00"\n',
        ),
        toml_doc(
            "Budget passes",
            date='"2025-02-08T09:55:35+08:00"',
            extra='lastmode = "2025-02-09 10:00:00"\n',
        ),
        toml_doc(
            "Budget passes",
            date='"2025-02-08T09:55:35+08:00"',
            extra='lastmod = "2025-02-09T10:00:00+08:00"\n',
        ),
    ),
    # a link fix inside a line that also has trailing white space (adjacent edits in one URL)
    doc(
        "body-link-space-tracking-trailing",
        yaml_doc(
            *y(),
            body=f"Read [the report](https://example.com/a b?utm_source=x&id=3).  \t\n\n{SOURCE}\n",
        ),
        yaml_doc(*y(), body=f"Read [the report](https://example.com/a%20b?id=3).\n\n{SOURCE}\n"),
    ),
    doc(
        "body-http-link-trailing",
        yaml_doc(*y(), body=f"Read [the report](http://example.com/r?fbclid=1). \n\n{SOURCE}\n"),
        yaml_doc(*y(), body=f"Read [the report](http://example.com/r).\n\n{SOURCE}\n"),
        yaml_doc(*y(), body=f"Read [the report](https://example.com/r).\n\n{SOURCE}\n"),
    ),
    doc(
        "body-javascript-link-trailing",
        yaml_doc(*y(), body=f"Click [here](javascript:alert(1)) now.   \n\n{SOURCE}\n"),
        yaml_doc(*y(), body=f"Click [here](javascript:alert(1)) now.\n\n{SOURCE}\n"),
        yaml_doc(*y(), body=f"Click here now.\n\n{SOURCE}\n"),
    ),
    # body prose: mojibake + glued sentence + invisible character + trailing white space
    doc(
        "body-prose-four-rules",
        yaml_doc(
            *y(),
            body=f"The owner\u00e2\u20ac\u2122s caf{ZWSP}e closed.Officials urged preparedness.The storm nears.  \t \n\n{SOURCE}\n",
        ),
        yaml_doc(
            *y(),
            body=f"The owner\u2019s cafe closed. Officials urged preparedness. The storm nears.\n\n{SOURCE}\n",
        ),
    ),
    # CRLF + BOM + invisible characters, in each front-matter format
    doc(
        "yaml-crlf-bom-invisible",
        BOM
        + yaml_doc(
            *y(title=f"Budget{ZWSP} passes"), body=f"Text{ZWSP} here.  \t\n\n{SOURCE}\n", nl="\r\n"
        ),
        yaml_doc(*y()),
    ),
    doc(
        "toml-crlf-bom-invisible",
        BOM + toml_doc(f"Budget{ZWSP}  passes").replace("\n", "\r\n"),
        toml_doc("Budget passes"),
    ),
    doc(
        "json-crlf-bom-invisible",
        BOM + json_doc(f"Budget{ZWSP} passes\u200e").replace("\n", "\r\n"),
        json_doc("Budget passes"),
    ),
    doc(
        "yaml-cr-only",
        yaml_doc(*y(title="Budget  passes")).replace("\n", "\r"),
        yaml_doc(*y()),
    ),
    doc(
        "yaml-mixed-endings",
        '---\r\ntitle: "Budget passes"\rdate: 2025-02-08T09:55:35+08:00\n'
        f'summary: "{S}"\r\n---\n\n{BODY}',
        yaml_doc(*y()),
    ),
    doc(
        "no-final-newline-trailing-space",
        yaml_doc(*y(), body=f"Text here.\n\n{SOURCE}   ").rstrip("\n"),
        yaml_doc(*y(), body=f"Text here.\n\n{SOURCE}").rstrip("\n"),
    ),
    # a control character and a blank-line run around a mojibake line
    doc(
        "body-control-blank-lines",
        yaml_doc(*y(), body=f"Text\u0007 here by {MOJI}.\n\n\n\nMore text.\n\n{SOURCE}\n"),
        yaml_doc(*y(), body=f"Text here by Café.\n\nMore text.\n\n{SOURCE}\n"),
    ),
    # display-only: the shouting title is never rewritten, other fixes on the line are
    doc(
        "shouting-title-with-trailing-space",
        yaml_doc(*y(title="UNICEF AND WHO WARN OF MEASLES ")),
        yaml_doc(*y(title="UNICEF AND WHO WARN OF MEASLES")),
    ),
    # an unsafe-only document: `fix` writes nothing
    doc(
        "unsafe-only-http",
        yaml_doc(*y(), body="Text here.\n\n[Source](http://example.com/news)\n"),
        yaml_doc(*y(), body="Text here.\n\n[Source](http://example.com/news)\n"),
        yaml_doc(*y(), body="Text here.\n\n[Source](https://example.com/news)\n"),
    ),
    # overlapping: the mojibake of an NBSP is an NBSP that text-whitespace then replaces
    doc(
        "mojibake-nbsp-then-whitespace",
        yaml_doc(*y(title="Budget\u00c2\u00a0passes  today ")),
        yaml_doc(*y(title="Budget passes today")),
    ),
    # adjacent: mojibake right before an entity; an entity whose quote then needs a space
    doc(
        "mojibake-entity-adjacent-then-spacing",
        yaml_doc(*y(title=f"{MOJI}&#39;s owners said,&quot;After")),
        yaml_doc(*y(title="Café's owners said, \\\"After")),
    ),
    # removing invisible characters uncovers leading white space (fixed in the next pass)
    doc(
        "invisible-uncovers-leading-space",
        yaml_doc(*y(title=f"{ZWSP} Budget passes{ZWSP} ")),
        yaml_doc(*y()),
    ),
    # a doubly escaped entity takes two passes (html-entity's Fix safety)
    doc(
        "double-escaped-entity",
        yaml_doc(*y(title="Owners&amp;#39; plan passes")),
        yaml_doc(*y(title="Owners' plan passes")),
    ),
    doc(
        "cp1252-mojibake-spacing-nbsp",
        json_doc(f"Owner\u00e2\u20ac\u2122s preparedness.The{NBSP}storm"),
        json_doc("Owner\u2019s preparedness. The storm"),
    ),
    # an unused suppression at the end of a line goes with the spaces before it: two left
    # behind would be a hard line break (a bug this module found), and the date is fixed too
    doc(
        "unused-suppression-at-line-end",
        yaml_doc(
            *y(date="2025-02-08 09:55:35"),
            body=f"Text here.   <!-- newslint-disable-line trailing-whitespace -->\nMore.   \n\n{SOURCE}\n",
        ),
        yaml_doc(*y(), body=f"Text here.\nMore.\n\n{SOURCE}\n"),
    ),
    doc("clean", yaml_doc(*y()), yaml_doc(*y())),
]

# without a configured zone the date rewrite is unsafe (UTC only assumed)
NO_ZONE = 'baseURL = "https://example.org/"\ntitle = "x"\n'
DOCS.append(
    Doc(
        "date-assumed-utc-is-unsafe",
        yaml_doc(*y(title="Budget passes ", date="2025-02-08 09:55:35")).encode(),
        yaml_doc(*y(date="2025-02-08 09:55:35")).encode(),
        yaml_doc(*y(date="2025-02-08T09:55:35Z")).encode(),
        hugo=NO_ZONE,
    )
)

IDS = [d.name for d in DOCS]


def site_with(tmp_path: Path, d: Doc, name: str = "site") -> tuple[Path, Path]:
    root = make_site(tmp_path / name, d.hugo)
    path = root / "content" / "news" / "a.md"
    path.write_bytes(d.raw)
    return root, path


@pytest.mark.parametrize("d", DOCS, ids=IDS)
def test_fix_writes_exact_bytes(d: Doc, tmp_path: Path, monkeypatch, capsysbinary) -> None:
    root, path = site_with(tmp_path, d)
    cli(["fix", "--no-cache", "content/news/a.md"], root, monkeypatch, capsysbinary)
    assert path.read_bytes() == d.safe


@pytest.mark.parametrize("d", DOCS, ids=IDS)
def test_unsafe_fixes_write_exact_bytes(d: Doc, tmp_path: Path, monkeypatch, capsysbinary) -> None:
    root, path = site_with(tmp_path, d)
    cli(
        ["fix", "--no-cache", "--unsafe-fixes", "content/news/a.md"],
        root,
        monkeypatch,
        capsysbinary,
    )
    assert path.read_bytes() == d.unsafe


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
@pytest.mark.parametrize("d", DOCS, ids=IDS)
def test_second_run_changes_nothing(
    d: Doc, unsafe: bool, tmp_path: Path, monkeypatch, capsysbinary
) -> None:
    root, path = site_with(tmp_path, d)
    flags = ["--unsafe-fixes"] if unsafe else []
    once = cli(["fix", "--no-cache", *flags, "content/news/a.md"], root, monkeypatch, capsysbinary)
    first = path.read_bytes()
    again = cli(
        ["fix", "--no-cache", "--exit-non-zero-on-fix", *flags, "content/news/a.md"],
        root,
        monkeypatch,
        capsysbinary,
    )
    assert path.read_bytes() == first
    # nothing is fixed the second time, so --exit-non-zero-on-fix adds nothing: the same
    # problems remain and decide the exit code as they did after the first run
    assert again.code == once.code


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
@pytest.mark.parametrize("d", DOCS, ids=IDS)
def test_fix_equals_json_edits_applied(
    d: Doc, unsafe: bool, tmp_path: Path, monkeypatch, capsysbinary
) -> None:
    """No byte outside the reported edits changes: the fix loop re-done from the JSON edits
    (line/column in code points) gives the same bytes."""
    root = make_site(tmp_path / "oracle", d.hugo)
    expected = d.unsafe if unsafe else d.safe
    assert emulate_fix(d.raw, root, unsafe, monkeypatch, capsysbinary) == expected


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
@pytest.mark.parametrize("d", DOCS, ids=IDS)
def test_stdin_fix_prints_what_fix_writes(
    d: Doc, unsafe: bool, tmp_path: Path, monkeypatch, capsysbinary
) -> None:
    root, path = site_with(tmp_path, d)
    flags = ["--unsafe-fixes"] if unsafe else []
    run = cli(
        ["fix", "--no-cache", *flags, "--stdin-filename", "content/news/a.md", "-"],
        root,
        monkeypatch,
        capsysbinary,
        stdin=d.raw,
    )
    assert run.out == (d.unsafe if unsafe else d.safe)
    assert path.read_bytes() == d.raw  # stdin never writes the named file


@pytest.mark.parametrize("d", DOCS, ids=IDS)
def test_diff_writes_nothing_and_applies_to_the_original(
    d: Doc, tmp_path: Path, monkeypatch, capsysbinary
) -> None:
    root, path = site_with(tmp_path, d)
    run = cli(["fix", "--no-cache", "--diff", "content/news/a.md"], root, monkeypatch, capsysbinary)
    assert path.read_bytes() == d.raw
    if d.safe == d.raw:
        assert run.out == b""
        assert run.code == 0
        return
    assert run.code == 1  # README: `fix --diff` exits 1 when there is a diff
    text = run.out.decode("utf-8")
    lines = text.splitlines(keepends=True)
    assert lines[0] == "--- a/content/news/a.md\n"
    assert lines[1] == "+++ b/content/news/a.md\n"
    assert re.fullmatch(r"@@ -\d+(,\d+)? \+\d+(,\d+)? @@\n", lines[2])
    assert patch(d.raw.decode("utf-8"), text) == d.safe.decode("utf-8")


def split_lf(text: str) -> list[str]:
    """Lines as `diff` and `patch` see them: ended by LF only (a CR is part of the line)."""
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


def patch(original: str, diff: str) -> str:
    """Apply the unified diff `diff` to `original` exactly, as `patch` does (lines end at LF,
    `\\ No newline at end of file` drops the LF of the line before it)."""
    old = split_lf(original)
    lines = split_lf(diff)[2:]
    out: list[str] = []
    at = 0
    i = 0
    while i < len(lines):
        m = re.match(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n", lines[i])
        assert m, lines[i]
        start = int(m.group(1)) - (1 if m.group(2) != "0" else 0)
        assert start >= at
        out.extend(old[at:start])
        at = start
        i += 1
        while i < len(lines) and not lines[i].startswith("@@"):
            tag, body = lines[i][:1], lines[i][1:]
            if i + 1 < len(lines) and lines[i + 1].startswith("\\ No newline at end of file"):
                body = body.removesuffix("\n")
            i += 1
            if tag == "\\":
                continue
            assert tag in " -+", lines[i - 1]
            if tag in " -":
                assert old[at] == body, (old[at], body)
                at += 1
            if tag in " +":
                out.append(body)
    out.extend(old[at:])
    return "".join(out)


# --------------------------------------------------------------------------------------------
# applicability: safe, unsafe, display-only


SHOUT = yaml_doc(*y(title="UNICEF AND WHO WARN OF MEASLES"))


def write(root: Path, text: str | bytes, name: str = "a.md") -> Path:
    path = root / "content" / "news" / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return make_site(tmp_path / "site")


def test_display_only_fix_is_in_the_json_output(site: Path, monkeypatch, capsysbinary) -> None:
    write(site, SHOUT)
    [diagnostic] = check_json("content/news/a.md", site, monkeypatch, capsysbinary)
    assert (diagnostic["code"], diagnostic["line"], diagnostic["column"]) == ("TX006", 2, 8)
    assert diagnostic["fix"] == {
        "applicability": "display-only",
        "title": "Write the title in sentence case",
        "edits": [
            {
                "line": 2,
                "column": 8,
                "end_line": 2,
                "end_column": 40,
                "content": '"Unicef and who warn of measles"',
            }
        ],
    }


@pytest.mark.parametrize(
    "flags",
    [[], ["--unsafe-fixes"], ["--show-fixes"], ["--unsafe-fixes", "--show-fixes"]],
    ids=["fix", "unsafe", "show", "unsafe-show"],
)
def test_display_only_fix_is_never_written(
    flags: list[str], site: Path, monkeypatch, capsysbinary
) -> None:
    path = write(site, SHOUT)
    run = cli(["fix", "--no-cache", *flags, "content/news/a.md"], site, monkeypatch, capsysbinary)
    assert path.read_text(encoding="utf-8") == SHOUT
    assert run.code == 0  # an info problem remains, below the default fail-on
    assert "TX006" in run.out.decode() + run.err
    assert "(title-shouting)" not in run.out.decode() + run.err  # not listed as applied


@pytest.mark.parametrize("flags", [[], ["--unsafe-fixes"]], ids=["safe", "unsafe"])
def test_display_only_fix_is_not_in_the_diff(
    flags: list[str], site: Path, monkeypatch, capsysbinary
) -> None:
    write(site, SHOUT)
    run = cli(
        ["fix", "--no-cache", "--diff", *flags, "content/news/a.md"],
        site,
        monkeypatch,
        capsysbinary,
    )
    assert run.out == b""
    assert run.code == 0


def test_display_only_with_fail_on_info_exits_1(site: Path, monkeypatch, capsysbinary) -> None:
    write(site, SHOUT)
    run = cli(
        ["fix", "--no-cache", "--fail-on", "info", "content/news/a.md"],
        site,
        monkeypatch,
        capsysbinary,
    )
    assert run.code == 1


UNSAFE_ONLY = yaml_doc(*y(), "lastmode: 2025-02-09T10:00:00+08:00")


def test_unsafe_fix_is_marked_unsafe_in_json(site: Path, monkeypatch, capsysbinary) -> None:
    write(site, UNSAFE_ONLY)
    [diagnostic] = check_json("content/news/a.md", site, monkeypatch, capsysbinary)
    assert (diagnostic["code"], diagnostic["line"], diagnostic["column"]) == ("FM007", 5, 1)
    assert diagnostic["fix"]["applicability"] == "unsafe"
    assert diagnostic["fix"]["edits"] == [
        {"line": 5, "column": 1, "end_line": 5, "end_column": 9, "content": "lastmod"}
    ]


def test_concise_marks_only_safe_fixes(site: Path, monkeypatch, capsysbinary) -> None:
    write(site, yaml_doc(*y(title="UNICEF AND WHO WARN "), "lastmode: 2025-02-09T10:00:00+08:00"))
    run = cli(
        ["check", "--no-cache", "--output-format", "concise", "content/news/a.md"],
        site,
        monkeypatch,
        capsysbinary,
    )
    lines = run.out.decode().splitlines()
    marked = {line.split()[1]: "[*]" in line for line in lines if line.startswith("content/")}
    assert marked == {"TX005": True, "TX006": False, "FM007": False}


def test_fix_leaves_unsafe_and_exits_by_what_remains(site: Path, monkeypatch, capsysbinary) -> None:
    path = write(site, UNSAFE_ONLY)
    run = cli(["fix", "--no-cache", "content/news/a.md"], site, monkeypatch, capsysbinary)
    assert path.read_text(encoding="utf-8") == UNSAFE_ONLY
    assert run.code == 0  # a warning remains; the default fail-on is error
    run = cli(
        ["fix", "--no-cache", "--fail-on", "warning", "content/news/a.md"],
        site,
        monkeypatch,
        capsysbinary,
    )
    assert run.code == 1
    assert path.read_text(encoding="utf-8") == UNSAFE_ONLY


def test_unsafe_fixes_apply_the_rename(site: Path, monkeypatch, capsysbinary) -> None:
    path = write(site, UNSAFE_ONLY)
    run = cli(
        ["fix", "--no-cache", "--unsafe-fixes", "--fail-on", "info", "content/news/a.md"],
        site,
        monkeypatch,
        capsysbinary,
    )
    assert path.read_text(encoding="utf-8") == yaml_doc(*y(), "lastmod: 2025-02-09T10:00:00+08:00")
    assert run.code == 0  # nothing remains


def test_diff_unsafe_shows_the_unsafe_edit(site: Path, monkeypatch, capsysbinary) -> None:
    write(site, UNSAFE_ONLY)
    safe = cli(
        ["fix", "--no-cache", "--diff", "content/news/a.md"], site, monkeypatch, capsysbinary
    )
    assert safe.out == b""
    unsafe = cli(
        ["fix", "--no-cache", "--diff", "--unsafe-fixes", "content/news/a.md"],
        site,
        monkeypatch,
        capsysbinary,
    )
    assert unsafe.code == 1
    body = unsafe.out.decode().splitlines()
    assert "-lastmode: 2025-02-09T10:00:00+08:00" in body
    assert "+lastmod: 2025-02-09T10:00:00+08:00" in body
    assert sum(line.startswith(("+", "-")) for line in body[2:]) == 2


ERROR_LEFT = yaml_doc('title: "Budget passes "', "date: 2025-02-08T09:55:35+08:00")  # no summary


@pytest.mark.parametrize(
    ("text", "flags", "code"),
    [
        (ERROR_LEFT, [], 1),  # fixed the title, an error (missing summary) remains
        (ERROR_LEFT, ["--exit-zero"], 0),
        (ERROR_LEFT, ["--exit-non-zero-on-fix"], 1),
        (yaml_doc(*y(title="Budget passes ")), [], 0),  # everything fixed
        (yaml_doc(*y(title="Budget passes ")), ["--exit-non-zero-on-fix"], 1),  # but it changed
        (yaml_doc(*y(title="Budget passes ")), ["--exit-non-zero-on-fix", "--exit-zero"], 0),
        (yaml_doc(*y()), ["--exit-non-zero-on-fix"], 0),  # nothing to change
        (yaml_doc(*y(title="Budget passes ")), ["--fail-on", "info"], 0),  # the info was fixed
        (yaml_doc(*y(title="Budget passes ")), ["--diff"], 1),
        (yaml_doc(*y()), ["--diff"], 0),
        (yaml_doc(*y(title="Budget passes ")), ["--diff", "--exit-zero"], 0),  # README: never 1
        (yaml_doc(*y(title="Budget passes ")), ["--diff", "--exit-non-zero-on-fix"], 1),
    ],
    ids=[
        "error-remains",
        "error-remains-exit-zero",
        "error-remains-enof",
        "all-fixed",
        "all-fixed-enof",
        "all-fixed-enof-exit-zero",
        "clean-enof",
        "fixed-info-fail-on-info",
        "diff",
        "diff-clean",
        "diff-exit-zero",
        "diff-enof",
    ],
)
def test_fix_exit_codes(
    text: str, flags: list[str], code: int, site: Path, monkeypatch, capsysbinary
) -> None:
    write(site, text)
    run = cli(["fix", "--no-cache", *flags, "content/news/a.md"], site, monkeypatch, capsysbinary)
    assert run.code == code, run.err


def test_show_fixes_lists_each_applied_fix(site: Path, monkeypatch, capsysbinary) -> None:
    write(site, DOCS[0].raw)
    run = cli(
        ["fix", "--no-cache", "--show-fixes", "content/news/a.md"], site, monkeypatch, capsysbinary
    )
    listing = run.out.decode() + run.err
    for code, name, title in [
        ("EN001", "mojibake", "Replace with 'é'"),
        ("TX003", "html-entity", "Unescape &#39;"),
        ("TX004", "sentence-spacing", None),
        ("TX005", "text-whitespace", None),
    ]:
        line = next(x for x in listing.splitlines() if f"{code} ({name})" in x)
        if title:
            assert line.endswith(title)


def test_show_fixes_with_diff_writes_nothing(site: Path, monkeypatch, capsysbinary) -> None:
    path = write(site, DOCS[0].raw)
    run = cli(
        ["fix", "--no-cache", "--diff", "--show-fixes", "content/news/a.md"],
        site,
        monkeypatch,
        capsysbinary,
    )
    assert path.read_bytes() == DOCS[0].raw
    assert run.out.startswith(b"--- a/content/news/a.md\n")


def test_two_files_fixed_in_one_run(site: Path, monkeypatch, capsysbinary) -> None:
    a = write(site, DOCS[0].raw, "a.md")
    b = write(site, DOCS[1].raw, "b.md")
    run = cli(["fix", "--no-cache", "content/news"], site, monkeypatch, capsysbinary)
    assert (a.read_bytes(), b.read_bytes()) == (DOCS[0].safe, DOCS[1].safe)
    assert run.code == 0


# --------------------------------------------------------------------------------------------
# awkward files, through a path and through standard input

INVALID = (
    '---\ntitle: "Budget passes "\ndate: 2025-02-08T09:55:35+08:00\n'
    f'summary: "{S}"\n---\n\nCaf\xe9 here.\n\n{SOURCE}'
).encode("latin-1")  # no final newline either


BOM_CRLF_INVALID = (
    (BOM + yaml_doc(*y(title="Budget passes "), body=f"Caf\xe9 here \xff.\n\n{SOURCE}\n"))
    .replace("\n", "\r\n")
    .encode("utf-8")
    .replace("\xe9".encode(), b"\xe9")
    .replace("\xff".encode(), b"\xff")
)
# the unsafe transcoding removes the only error: the exit code is then 0
UNSAFE_CLEARS_ERRORS = {"invalid-utf8", "bom-crlf-invalid", "utf16-transcoded-in-a-pass-of-its-own"}


@pytest.mark.parametrize(
    ("name", "raw", "safe", "unsafe", "code"),
    [
        (
            "invalid-utf8",
            INVALID,
            INVALID.replace(b"passes ", b"passes"),
            INVALID.replace(b"passes ", b"passes").replace(b"\xe9", "é".encode()),
            1,
        ),
        (
            "bom-only-problem",
            (BOM + yaml_doc(*y())).encode(),
            yaml_doc(*y()).encode(),
            yaml_doc(*y()).encode(),
            0,
        ),
        ("empty", b"", b"", b"", 1),
        (
            "only-front-matter",
            f'---\ntitle: "Budget passes "\ndate: 2025-02-08T09:55:35+08:00\nsummary: "{S}"\n---\n'.encode(),
            f'---\ntitle: "Budget passes"\ndate: 2025-02-08T09:55:35+08:00\nsummary: "{S}"\n---\n'.encode(),
            None,
            1,
        ),
        (
            "only-front-matter-no-newline",
            f'---\ntitle: "Budget passes "\ndate: 2025-02-08T09:55:35+08:00\nsummary: "{S}"\n---'.encode(),
            f'---\ntitle: "Budget passes"\ndate: 2025-02-08T09:55:35+08:00\nsummary: "{S}"\n---'.encode(),
            None,
            1,
        ),
        (
            "cr-only-bom",
            (BOM + yaml_doc(*y(title="Budget  passes"))).replace("\n", "\r").encode(),
            yaml_doc(*y()).encode(),
            None,
            0,
        ),
        (
            "bom-crlf-invalid",
            BOM_CRLF_INVALID,
            BOM_CRLF_INVALID[3:].replace(b"\r\n", b"\n").replace(b"passes ", b"passes"),
            BOM_CRLF_INVALID[3:]
            .replace(b"\r\n", b"\n")
            .replace(b"passes ", b"passes")
            .replace(b"\xe9", "é".encode())
            .replace(b"\xff", "ÿ".encode()),
            1,
        ),
        (
            "utf16-transcoded-in-a-pass-of-its-own",
            yaml_doc(*y(title="Budget passes ")).encode("utf-16"),
            yaml_doc(*y(title="Budget passes ")).encode("utf-16"),
            yaml_doc(*y()).encode(),
            1,
        ),
        (
            "crlf-no-final-newline",
            yaml_doc(*y(title="Budget passes ")).rstrip("\n").replace("\n", "\r\n").encode(),
            yaml_doc(*y()).rstrip("\n").encode(),
            None,
            0,
        ),
    ],
)
@pytest.mark.parametrize("via", ["path", "stdin", "stdin-dash"])
def test_awkward_files(
    name: str,
    raw: bytes,
    safe: bytes,
    unsafe: bytes | None,
    code: int,
    via: str,
    site: Path,
    monkeypatch,
    capsysbinary,
) -> None:
    unsafe = safe if unsafe is None else unsafe
    for flags, expected in [([], safe), (["--unsafe-fixes"], unsafe)]:
        path = write(site, raw)
        if via == "path":
            run = cli(
                ["fix", "--no-cache", *flags, "content/news/a.md"], site, monkeypatch, capsysbinary
            )
            assert path.read_bytes() == expected
        else:
            target = ["--stdin-filename", "content/news/a.md"] if via == "stdin" else []
            run = cli(["fix", *flags, *target, "-"], site, monkeypatch, capsysbinary, stdin=raw)
            assert run.out == expected
            assert path.read_bytes() == raw
        if not (name in UNSAFE_CLEARS_ERRORS and flags):
            assert run.code == code, (flags, run.err)


def test_invalid_utf8_keeps_every_other_byte(site: Path, monkeypatch, capsysbinary) -> None:
    """A fix elsewhere in a file with bytes that are not UTF-8 rewrites only its own span."""
    raw = (
        b'---\ntitle: "Caf\xe9  passes"\ndate: 2025-02-08T09:55:35+08:00\nsummary: "'
        + S.encode()
        + b'"\n---\n\nA\xff\xfeB here.   \n\n'
        + SOURCE.encode()
        + b"\n"
    )
    path = write(site, raw)
    cli(["fix", "--no-cache", "content/news/a.md"], site, monkeypatch, capsysbinary)
    assert path.read_bytes() == raw.replace(b"\xe9  passes", b"\xe9 passes").replace(
        b"here.   \n", b"here.\n"
    )


def test_invalid_utf8_reported_at_its_column(site: Path, monkeypatch, capsysbinary) -> None:
    write(site, INVALID)
    diagnostics = check_json("content/news/a.md", site, monkeypatch, capsysbinary)
    [en005] = [d for d in diagnostics if d["code"] == "EN005"]
    assert (en005["line"], en005["column"], en005["end_column"]) == (7, 4, 5)
    assert en005["fix"]["applicability"] == "unsafe"


def test_stdin_diff_header_names_the_stdin_filename(site: Path, monkeypatch, capsysbinary) -> None:
    raw = yaml_doc(*y(title="Budget passes ")).encode()
    run = cli(
        ["fix", "--diff", "--stdin-filename", "content/news/z.md", "-"],
        site,
        monkeypatch,
        capsysbinary,
        stdin=raw,
    )
    assert run.code == 1
    assert run.out.decode().splitlines()[:4] == [
        "--- a/content/news/z.md",
        "+++ b/content/news/z.md",
        "@@ -1,5 +1,5 @@",
        " ---",
    ]
    assert patch(raw.decode(), run.out.decode()) == yaml_doc(*y())


def test_stdin_diff_without_filename_says_dash(site: Path, monkeypatch, capsysbinary) -> None:
    raw = yaml_doc(*y(title="Budget passes ")).encode()
    run = cli(["fix", "--diff", "-"], site, monkeypatch, capsysbinary, stdin=raw)
    assert run.out.decode().splitlines()[:2] == ["--- a/-", "+++ b/-"]


def test_stdin_with_other_paths_is_a_usage_error(site: Path, monkeypatch, capsysbinary) -> None:
    write(site, SHOUT)
    run = cli(["fix", "-", "content/news/a.md"], site, monkeypatch, capsysbinary, stdin=b"")
    assert run.code == 2
    assert run.out == b""


def test_stdin_excluded_file_comes_back_unchanged(site: Path, monkeypatch, capsysbinary) -> None:
    raw = DOCS[0].raw
    run = cli(
        [
            "fix",
            "--force-exclude",
            "--exclude",
            "content/news/*.md",
            "--stdin-filename",
            "content/news/a.md",
            "-",
        ],
        site,
        monkeypatch,
        capsysbinary,
        stdin=raw,
    )
    assert run.out == raw
    assert run.code == 0


def test_diff_hunks_for_far_apart_edits(site: Path, monkeypatch, capsysbinary) -> None:
    """Two edits far apart give two hunks with three lines of context each."""
    body = "\n\n".join(f"Paragraph {i} here." for i in range(12))
    raw = yaml_doc(*y(title="Budget passes "), body=body + " \n\n" + SOURCE + "\n")
    write(site, raw)
    run = cli(["fix", "--no-cache", "--diff", "content/news/a.md"], site, monkeypatch, capsysbinary)
    text = run.out.decode()
    hunks = re.findall(r"^@@ .* @@$", text, flags=re.M)
    assert hunks == ["@@ -1,5 +1,5 @@", "@@ -26,6 +26,6 @@"]
    assert patch(raw, text) == raw.replace("passes ", "passes").replace("11 here. \n", "11 here.\n")


# --------------------------------------------------------------------------------------------
# pre-commit


def hooks() -> dict[str, dict]:
    entries = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: hook for hook in entries}


def test_hook_ids_are_the_three_the_readme_names() -> None:
    assert list(hooks()) == ["newslint", "newslint-fix", "newslint-links"]


@pytest.mark.parametrize(
    ("hook_id", "entry"),
    [
        ("newslint", ["newslint", "check", "--force-exclude"]),
        ("newslint-fix", ["newslint", "fix", "--force-exclude"]),
        (
            "newslint-links",
            ["newslint", "check", "--force-exclude", "--check-links", "--select", "LK006,LK007"],
        ),
    ],
)
def test_hook_entry_and_file_types(hook_id: str, entry: list[str]) -> None:
    hook = hooks()[hook_id]
    assert shlex.split(hook["entry"]) == entry
    assert hook["language"] == "python"
    assert (hook["files"], hook["types"]) == (r"(?i)\.(md|markdown|mdown)$", ["file"])
    assert hook["require_serial"] is True
    assert "args" not in hook  # the files are the only arguments pre-commit adds
    assert "pass_filenames" not in hook or hook["pass_filenames"] is True


def test_only_the_links_hook_waits_for_push() -> None:
    stages = {hook_id: hook.get("stages") for hook_id, hook in hooks().items()}
    assert stages == {
        "newslint": None,
        "newslint-fix": None,
        "newslint-links": ["pre-push", "manual"],
    }


def repo_with_two_sites(root: Path) -> Path:
    """A monorepo: two Hugo sites in different zones, a README beside each site's hugo.toml and
    one at the top (no site at all)."""
    for name, zone in [("east", "Asia/Shanghai"), ("west", "America/New_York")]:
        site = make_site(
            root / name, f'baseURL = "https://example.org/"\ntitle = "x"\ntimeZone = "{zone}"\n'
        )
        (site / "README.md").write_text("# Site   \n", encoding="utf-8")
        for i in range(3):
            write(
                site,
                yaml_doc(*y(title=f"Budget {name} {i} ", date="2025-02-08 09:55:35")),
                f"a{i}.md",
            )
    (root / "README.md").write_text("# Monorepo\n", encoding="utf-8")
    return root


def run_hook(root: Path, hook_id: str, files: list[str]) -> subprocess.CompletedProcess[str]:
    """The hook's entry as pre-commit runs it: the entry, then the file names, from the root."""
    assert NEWSLINT
    argv = shlex.split(hooks()[hook_id]["entry"])
    return subprocess.run(
        [NEWSLINT, *argv[1:], *files],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1", "PRE_COMMIT": "1"},
    )


def test_fix_hook_in_batches_uses_each_files_site(tmp_path: Path) -> None:
    root = repo_with_two_sites(tmp_path / "repo")
    names = [f"{s}/content/news/a{i}.md" for s in ("east", "west") for i in range(3)]
    readmes = ["README.md", "east/README.md", "west/README.md"]
    before = {name: (root / name).read_bytes() for name in readmes}
    # pre-commit splits a long list into batches run one after another, mixing sites
    batches = [[names[0], names[3], readmes[1]], [*names[1:3], *names[4:], readmes[2]]]
    for batch in batches:
        result = run_hook(root, "newslint-fix", batch)
        assert result.returncode == 0, result.stdout + result.stderr  # all that was wrong is fixed
    for site, offset in [("east", "+08:00"), ("west", "-05:00")]:
        for i in range(3):
            text = (root / site / "content/news" / f"a{i}.md").read_text(encoding="utf-8")
            assert text == yaml_doc(
                *y(title=f"Budget {site} {i}", date=f"2025-02-08T09:55:35{offset}")
            )
    # a README beside hugo.toml is no page of the site: --force-exclude leaves it alone
    assert {name: (root / name).read_bytes() for name in readmes} == before
    check = run_hook(root, "newslint", names + readmes[1:])
    assert check.returncode == 0, check.stdout + check.stderr
    # Markdown of no Hugo site at all is linted like any named file (README: add it to exclude)
    top = run_hook(root, "newslint", ["README.md"])
    assert top.returncode == 1
    assert "README.md:1:1: FM001 [front-matter-missing]" in top.stdout


def test_check_hook_fails_on_errors_and_fix_hook_on_what_remains(tmp_path: Path) -> None:
    root = make_site(tmp_path / "repo")
    write(root, ERROR_LEFT, "bad.md")
    write(root, yaml_doc(*y()), "good.md")
    files = ["content/news/bad.md", "content/news/good.md"]
    assert run_hook(root, "newslint", files).returncode == 1
    fixed = run_hook(root, "newslint-fix", files)
    assert fixed.returncode == 1  # the missing summary is an error no safe fix repairs
    assert (root / "content/news/bad.md").read_text(encoding="utf-8") == ERROR_LEFT.replace(
        "passes ", "passes"
    )
    assert run_hook(root, "newslint", ["content/news/good.md"]).returncode == 0


def test_hooks_respect_the_configurations_exclude(tmp_path: Path) -> None:
    root = make_site(tmp_path / "repo")
    (root / "newslint.toml").write_text('exclude = ["content/news/skip*.md"]\n', encoding="utf-8")
    raw = DOCS[0].raw
    write(root, raw, "skip-me.md")
    result = run_hook(root, "newslint-fix", ["content/news/skip-me.md"])
    assert result.returncode == 0
    assert (root / "content/news/skip-me.md").read_bytes() == raw


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(PRE_COMMIT_HOME=str(cwd.parent / "pre-commit-home"), NO_COLOR="1")
    return subprocess.run(
        ["git", "-c", "user.name=peer", "-c", "user.email=peer@example.invalid", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.precommit
@pytest.mark.slow
def test_real_pre_commit_with_a_local_hook(tmp_path: Path) -> None:
    """pre-commit itself (offline: a `repo: local` hook of language `system` that runs this
    environment's newslint with the fix hook's entry and file types): the hook fails because it
    changed a staged file, the file holds the fix, and a second run passes."""
    assert NEWSLINT
    if _git(tmp_path, "--version").returncode:
        pytest.skip("git is not available")
    root = make_site(tmp_path / "repo")
    hook = dict(hooks()["newslint-fix"])
    entry = shlex.split(hook["entry"])
    config = {
        "repos": [
            {
                "repo": "local",
                "hooks": [
                    {
                        "id": hook["id"],
                        "name": hook["name"],
                        "entry": shlex.join([NEWSLINT, *entry[1:]]),
                        "language": "system",
                        "files": hook["files"],
                        "types": hook["types"],
                        "require_serial": hook["require_serial"],
                    }
                ],
            }
        ]
    }
    (root / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    write(root, DOCS[0].raw)
    (root / "notes.txt").write_text("not markdown   \n", encoding="utf-8")
    assert _git(root, "init", "-q").returncode == 0
    assert _git(root, "add", "-A").returncode == 0
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), NO_COLOR="1", PRE_COMMIT_COLOR="never"
    )
    first = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert (root / "content/news/a.md").read_bytes() == DOCS[0].safe
    assert (root / "notes.txt").read_text(encoding="utf-8") == "not markdown   \n"  # not markdown
    assert _git(root, "add", "-A").returncode == 0
    second = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert second.returncode == 0, second.stdout + second.stderr
