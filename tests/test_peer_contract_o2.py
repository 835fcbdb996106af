"""Peer round O, part two: exit codes, severity overrides, standard input, front-matter
suppression lists and the cross-file rules across front-matter formats.

Written from the public documents only, as `test_peer_contract_o` (whose helpers this uses).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_peer_contract_o import (
    ARTICLE,
    FORMATS,
    LINK,
    PROSE,
    Bare,
    art,
    check,
    console,
    pipe,
    put,
    root,
    run,
)

__all__ = ["root"]  # the fixture, imported for pytest


# ================================================================================ exit codes

PLUGIN = '''"""Crashes on every title.

## What it does
Crashes.

## Why is this bad?
It is a test.

## Example
    title: "x"

## Use instead
    title: "y"
"""
from newslint import Rule, Severity


class Boom(Rule):
    code = "ZZ001"
    name = "boom"
    severity = Severity.INFO
    messages = {"x": "boom"}

    def on_field(self, ctx, field):
        if field.key == "title":
            raise ValueError("kaboom here")
'''


@pytest.mark.parametrize(
    "extra",
    [(), ("--exit-zero",), ("--fail-on", "info")],
    ids=["plain", "exit-zero", "fail-on-info"],
)
@pytest.mark.parametrize("command", ["check", "fix"])
def test_a_crashing_plugin_rule_is_internal_error_and_exit_2(
    command: str, extra: tuple[str, ...], root: Path
) -> None:
    """A rule that raises is `internal-error` (NL000, an error) naming the rule and the
    exception's last line, at 1:1 with no fix; the other rules still run (and `fix` still
    writes their fixes); the exit code is 2 whatever `--exit-zero` or `--fail-on` say."""
    (root / "plugins").mkdir()
    (root / "plugins" / "boom.py").write_text(PLUGIN, encoding="utf-8")
    target = put(root, art("yaml", title="Trump&#39;s plan"))
    done = console(
        command,
        ARTICLE,
        "--no-cache",
        "--rules-dir",
        "plugins",
        "--output-format",
        "json",
        *extra,
        cwd=root,
    )
    assert done.returncode == 2, done.stderr
    items = json.loads(done.stdout)
    crash = items[0]
    assert (crash["rule"], crash["code"], crash["severity"], crash["fix"]) == (
        "internal-error", "NL000", "error", None,
    )  # fmt: skip
    assert (crash["line"], crash["column"], crash["path"]) == (1, 1, ARTICLE)
    assert "boom" in crash["message"] and "ValueError: kaboom here" in crash["message"]
    if command == "check":
        assert [d["code"] for d in items] == ["NL000", "TX003"]
    else:
        assert [d["code"] for d in items] == ["NL000"]
        assert target.read_text(encoding="utf-8") == art("yaml", title="Trump's plan")


@pytest.mark.parametrize(
    "args",
    [
        ("check", ARTICLE, "--exit-zero"),
        ("fix", ARTICLE),
        ("rules",),
        ("rules", "--output-format", "json"),
        ("rule", "date-format"),
        ("config", "--output-format", "json"),
    ],
    ids=lambda a: " ".join(a),
)
def test_a_plugin_that_does_not_import_is_exit_2_for_every_command(
    args: tuple[str, ...], root: Path
) -> None:
    """README, exit code 2: "a plugin did not load". The commands that read the rules go on with
    the others (the error on stderr names the file) and exit 2, so a script that lists the rules
    or the configuration is not told all is well."""
    (root / "plugins").mkdir()
    (root / "plugins" / "bad.py").write_text("def (\n", encoding="utf-8")
    put(root, art("yaml"))
    done = console(*args, "--rules-dir", "plugins", cwd=root)
    assert done.returncode == 2, (args, done.stderr)
    assert "plugin plugins/bad.py: cannot import: SyntaxError" in done.stderr
    if args[0] in ("check", "fix"):
        assert done.stdout == ""  # the article is clean for the rules that did load


@pytest.mark.parametrize(
    "args",
    [
        ("check", "content/missing.md"),
        ("check", ARTICLE, "--select", "XX999"),
        ("check", ARTICLE, "--ignore", "no-such-rule"),
        ("check", ARTICLE, "--extend-select", "ZZ"),
        ("check", ARTICLE, "--config", "missing.toml"),
        ("check", ARTICLE, "--config", "fail-on = 'errors'"),
        ("check", ARTICLE, "--baseline", "missing.json"),
        ("check", ARTICLE, "--rules-dir", "missing"),
        ("check", ARTICLE, "--output-format", "xml"),
        ("check", ARTICLE, "--fail-on", "never"),
        ("check", ARTICLE, "--jobs", "many"),
        ("check", ARTICLE, "--statistics", "--output-format", "sarif"),
        ("check", "-", ARTICLE),
        ("fix", ARTICLE, "--select", "XX999"),
        ("fix", "-", ARTICLE),
        ("rule", "no-such-rule"),
        ("rule", "NL000"),
        ("rules", "--config", "missing.toml"),
        ("config", "--config", "select = 'DT'"),
    ],
    ids=lambda a: " ".join(a),
)
def test_usage_and_configuration_errors_exit_2_even_with_exit_zero(
    args: tuple[str, ...], root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 2 with the error on stderr and nothing on stdout; `--exit-zero` (where the command
    takes it) never turns an error into 0."""
    put(root, art("yaml", title="Trump&#39;s plan"))
    flags = ("--exit-zero",) if args[0] in ("check", "fix") else ()
    code, out, err = run(capsys, *args, *flags)
    assert (code, out) == (2, "")
    assert err
    assert (root / ARTICLE).read_text(encoding="utf-8") == art("yaml", title="Trump&#39;s plan")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), 0),  # the warning remains, below the default fail-on
        (("--fail-on", "warning"), 1),
        (("--fail-on", "warning", "--exit-zero"), 0),
        (("--config", "rules.unused-suppression.severity = 'error'"), 1),
        (("--ignore", "NL001", "--fail-on", "info"), 0),
    ],
    ids=["default", "fail-on-warning", "exit-zero", "severity-error", "ignored"],
)
def test_an_unused_suppression_counts_like_any_problem(
    args: tuple[str, ...], expected: int, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = f"<!-- newslint-disable-next-line sentence-spacing -->\n{PROSE}\n\n{LINK}\n"
    put(root, art("yaml", body))
    code, items = check(capsys, *args)
    assert code == expected
    assert [d["code"] for d in items] == ([] if "NL001" in args else ["NL001"])


@pytest.mark.parametrize("fmt", FORMATS)
def test_fix_diff_exit_codes_and_json(
    fmt: str, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`fix --diff` exits 1 when there is a diff (as ruff), 0 when there is none, writes
    nothing, and prints the diff whatever `--output-format` says (it is the output)."""
    text = art(fmt, title="Trump&#39;s plan")
    target = put(root, text)
    code, out, _ = run(capsys, "fix", ARTICLE, "--no-cache", "--diff", "--output-format", "json")
    assert code == 1
    title = {"yaml": 'title: "{}"', "toml": 'title = "{}"', "json": '  "title": "{}",'}[fmt]
    assert out.splitlines()[:2] == [f"--- a/{ARTICLE}", f"+++ b/{ARTICLE}"]
    assert "-" + title.format("Trump&#39;s plan") in out.splitlines()
    assert "+" + title.format("Trump's plan") in out.splitlines()
    assert target.read_text(encoding="utf-8") == text
    code, out, _ = run(capsys, "fix", ARTICLE, "--no-cache", "--diff", "--exit-zero")
    assert code == 0 and "+" + title.format("Trump's plan") in out.splitlines()
    target.write_text(art(fmt), encoding="utf-8")
    assert run(capsys, "fix", ARTICLE, "--no-cache", "--diff")[:2] == (0, "")


# ========================================================================= severity overrides


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("setting", "expected", "exit_code"),
    [
        (None, ["error", "warning"], 1),  # the rule's own per-case severities
        ('rules.thumbnail-value.severity = "error"', ["error", "warning"], 1),  # its default
        ('rules.thumbnail-value.severity = "info"', ["info", "info"], 0),
        ('rules.TH003.severity = "warning"', ["warning", "warning"], 0),
    ],
    ids=["default", "default-configured", "info", "warning-by-code"],
)
def test_a_configured_severity_holds_for_every_problem_of_the_rule(
    setting: str | None,
    expected: list[str],
    exit_code: int,
    fmt: str,
    root: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`[rules.NAME] severity` sets the rule's severity: a rule whose problems differ in
    severity (thumbnail-value: a list fails the build, an error; a map without `src` only
    draws a broken image, a warning) reports them all at the configured one, so lowering it
    to "info" lets CI pass, as a severity override does in ESLint; configuring the default
    (what `newslint rule` shows) changes nothing."""
    put(root, art(fmt, thumbnail=["a.jpg", "b.jpg"]), "content/en/news/a.md")
    put(root, art(fmt, thumbnail={"image": "img/budget.jpg"}), "content/en/news/b.md")
    args = ("--config", setting) if setting else ()
    code, out, err = run(
        capsys,
        "check",
        "content/en/news",
        "--no-cache",
        "--output-format",
        "json",
        "--select",
        "TH003",
        *args,
    )
    items = json.loads(out)
    assert [(d["path"][-4:], d["code"], d["severity"]) for d in items] == [
        ("a.md", "TH003", expected[0]),
        ("b.md", "TH003", expected[1]),
    ], err
    assert code == exit_code


def test_a_configured_severity_lowers_the_errors_and_keeps_the_warnings_below_it(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """widget-value: an unknown widget fails the build (an error), a repeated one is drawn
    twice (a warning); `severity = "info"` makes both info, and fail-on info still sees them."""
    put(root, art("yaml", widgets=["recnet", "recent", "recent"], sidebar="right"))
    code, items = check(capsys, "--select", "TH002")
    assert ([(d["code"], d["severity"]) for d in items], code) == (
        [("TH002", "error"), ("TH002", "warning")],
        1,
    )
    setting = ("--config", 'rules.widget-value.severity = "info"')
    code, items = check(capsys, "--select", "TH002", *setting)
    assert ([(d["code"], d["severity"]) for d in items], code) == (
        [("TH002", "info"), ("TH002", "info")],
        0,
    )
    assert check(capsys, "--select", "TH002", *setting, "--fail-on", "info")[0] == 1


# ========================================================================= standard input


@pytest.mark.parametrize("eol", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_fix_stdin_prints_what_fix_writes_in_every_format(
    fmt: str,
    eol: str,
    root: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`fix --stdin-filename PATH -` prints byte for byte what `fix PATH` writes (line endings
    kept, since line-endings is ignored here), writes no file, and says what remains on stderr."""
    text = art(fmt, title="Trump&#39;s plan", date="2025-02-08 09:55:35").replace("\n", eol)
    raw = text.encode("utf-8")
    code, out, err = pipe(
        monkeypatch,
        "fix",
        "--no-cache",
        "--ignore",
        "EN007",
        "--stdin-filename",
        ARTICLE,
        "-",
        stdin=raw,
    )
    assert not (root / ARTICLE).exists()
    target = put(root, raw)
    monkeypatch.undo()
    monkeypatch.chdir(root)
    file_code, _, _ = run(capsys, "fix", ARTICLE, "--no-cache", "--ignore", "EN007")
    assert out == target.read_bytes()
    expected = art(fmt, title="Trump's plan", date="2025-02-08T09:55:35+08:00").replace("\n", eol)
    assert out == expected.encode("utf-8")
    assert (code, file_code) == (0, 0)
    assert b"Applied 2 fixes" in err


def test_stdin_filename_in_a_folder_that_does_not_exist_yet_gets_the_site(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor's new, unsaved article: its folder may not exist yet; the path still finds the
    Hugo site (its time zone makes the date rewrite safe) and is shown as given."""
    path = "content/en/news/2025/02/new.md"
    raw = art("toml", date="2025-02-08 09:55:35").encode("utf-8")
    code, out, _ = pipe(
        monkeypatch,
        "check",
        "--no-cache",
        "--output-format",
        "json",
        "--stdin-filename",
        path,
        stdin=raw,
    )
    items = json.loads(out)
    assert [(d["path"], d["code"], d["line"], d["column"]) for d in items] == [
        (path, "DT001", 3, 8)
    ]
    assert "in Asia/Shanghai" in items[0]["message"]
    assert items[0]["fix"]["applicability"] == "safe"
    assert items[0]["fix"]["edits"][0]["content"] == '"2025-02-08T09:55:35+08:00"'
    assert code == 0


def test_stdin_filename_with_per_file_ignores_and_a_body_suppression(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (root / "newslint.toml").write_text(
        '[per-file-ignores]\n"content/en/archive/**" = ["DT"]\n', encoding="utf-8"
    )
    body = f"{PROSE}\n\n<!-- newslint-disable-file html-entity -->\n\n{LINK}\n"
    raw = art("json", body, title="Trump&#39;s plan", date="2025-02-08 09:55:35").encode("utf-8")
    for path, expected in (("content/en/archive/a.md", []), ("content/en/news/a.md", ["DT001"])):
        code, out, _ = pipe(
            monkeypatch,
            "check",
            "--no-cache",
            "--output-format",
            "json",
            "--stdin-filename",
            path,
            stdin=raw,
        )
        assert ([d["code"] for d in json.loads(out)], code) == (expected, 0)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_mainroad_value_under_params_is_checked_as_a_top_level_one(
    fmt: str, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(root, art(fmt, params={"sidebar": "Left"}))
    assert check(capsys, "--select", "TH001")[1][0]["code"] == "TH001"


@pytest.mark.parametrize("fmt", ["yaml", "toml"])
@pytest.mark.parametrize(
    ("names", "left"),
    [
        ("TX006,DT001", []),
        ("TX006, DT001", []),
        ("TX006 DT001", []),  # codes separated by a space, as in the body and ruff's noqa
        ("DT001 TX006 -- the scraper writes both", []),
        ("DT001 the scraper writes it so", ["TX006"]),  # words after the codes: a reason
    ],
    ids=["comma", "comma-space", "space", "space-reason", "reason"],
)
def test_a_front_matter_comment_line_names_codes_as_the_body_does(
    names: str, left: list[str], fmt: str, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The body separates rules by commas or spaces; a front-matter comment that lists codes
    with a space (`disable=TX006 DT001`) silences both rather than taking the second code for
    a reason and leaving its problem, without a word, in place."""
    text = art(fmt, title="MARKETS RALLY AS INFLATION COOLS", date="2025-02-08 09:55:35")
    fence = text[:3]
    text = text.replace(f"\n{fence}\n\n", f"\n# newslint: disable={names}\n{fence}\n\n", 1)
    put(root, text)
    code, items = check(capsys, "--select", "TX006,DT001,NL001")
    assert [d["code"] for d in items] == left
    assert code == 0


# ================================================================ cross-file rules and formats

EARLY = "2025-02-07T09:55:35+08:00"
LATE = "2025-02-08T09:55:35+08:00"


@pytest.mark.parametrize("later", FORMATS)
@pytest.mark.parametrize("earlier", FORMATS)
def test_the_later_article_is_the_duplicate_whatever_its_front_matter_format(
    earlier: str, later: str, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """duplicate-source and duplicate-title take the earliest article (by `date`) as the
    original and report the later one, so the order holds between a TOML date-time, a YAML
    timestamp and a JSON string; the paths are chosen so that path order would say otherwise."""
    put(root, art(later, date=Bare(LATE)), "content/en/news/a.md")
    put(root, art(earlier, date=Bare(EARLY)), "content/en/news/b.md")
    code, out, _ = run(
        capsys,
        "check",
        "content/en/news",
        "--no-cache",
        "--output-format",
        "json",
        "--select",
        "XF",
    )
    items = json.loads(out)
    assert [(d["path"], d["code"]) for d in items] == [
        ("content/en/news/a.md", "XF002"),
        ("content/en/news/a.md", "XF001"),
    ]
    assert all(d["message"].endswith("content/en/news/b.md") for d in items)
    assert code == 0


@pytest.mark.parametrize("fmt", ["yaml", "toml"])
@pytest.mark.parametrize(
    ("names", "kept"),
    [
        ("TX006 DT001", "TX006"),
        ("DT001 TX006 the agency's capitals", "TX006 the agency's capitals"),
    ],
    ids=["codes", "codes-and-reason"],
)
def test_fix_removes_the_unused_code_of_a_space_separated_list(
    names: str, kept: str, fmt: str, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    title = "MARKETS RALLY AS INFLATION COOLS"
    text = art(fmt, title=title)
    line = {"yaml": f'title: "{title}"', "toml": f'title = "{title}"'}[fmt]
    put(root, text.replace(line, f"{line}  # newslint: disable={names}"))
    code, items = check(capsys, "--select", "TX006,DT001,NL001")
    assert code == 0
    assert [(d["code"], d["message"]) for d in items] == [
        ("NL001", "unused suppression (nothing reported for DT001)")
    ]
    run(capsys, "fix", ARTICLE, "--no-cache", "--select", "TX006,DT001,NL001")
    fixed = text.replace(line, f"{line}  # newslint: disable={kept}")
    assert (root / ARTICLE).read_text(encoding="utf-8") == fixed
    assert check(capsys, "--select", "TX006,DT001,NL001") == (0, [])


# ====================================================================== selection on the command line

# One article with TX003 (2:14), DT001 (3:7), FM006 (5:7) and TX004 (7:52).
SELECTION_ART = art(
    "yaml",
    f"{PROSE}The vote was close.\n\n{LINK}\n",
    title="Trump&#39;s plan",
    date="2025-02-08 09:55:35",
    menu="",
)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), ["TX003", "DT001", "FM006", "TX004"]),
        (("--select", "DT0"), ["DT001"]),
        (("--select", "DT00"), ["DT001"]),
        (("--select", "DT001,TX"), ["TX003", "DT001", "TX004"]),
        (("--select", " DT001 , FM006 "), ["DT001", "FM006"]),
        (("--select", "DT001,"), ["DT001"]),
        (("--select", "DT001", "--select", "empty-field"), ["DT001", "FM006"]),
        (("--select", "TX", "--ignore", "TX004"), ["TX003"]),
        (("--select", "TX004", "--ignore", "TX"), ["TX004"]),  # the more specific wins
        (("--select", "sentence-spacing", "--ignore", "TX"), ["TX004"]),
        (("--select", "TX004", "--ignore", "sentence-spacing"), []),  # a tie: ignore wins
        (("--ignore", "ALL", "--extend-select", "TX"), ["TX003", "TX004"]),
        (("--select", "ALL", "--ignore", "TX0,FM"), ["DT001"]),
        (("--extend-select", "TX003", "--ignore", "html-entity"), ["DT001", "FM006", "TX004"]),
    ],
    ids=lambda a: " ".join(a) if isinstance(a, tuple) else None,
)
def test_selection_forms_on_the_command_line(
    args: tuple[str, ...], expected: list[str], root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Codes, code prefixes of any length, names, `ALL`, comma-separated or repeated; the more
    specific selector wins, and at equal specificity `ignore` does (ruff's rules)."""
    put(root, SELECTION_ART)
    code, items = check(capsys, *args)
    assert [d["code"] for d in items] == expected
    assert code == 0


@pytest.mark.parametrize(
    ("config", "args", "expected"),
    [
        ('ignore = ["TX"]', ("--extend-select", "TX003"), ["TX003", "DT001", "FM006"]),
        ('select = ["DT"]', ("--extend-select", "TX004"), ["DT001", "TX004"]),
        ('select = ["DT"]', ("--select", "TX"), ["TX003", "TX004"]),
        ('select = ["TX"]\nignore = ["TX003"]', ("--select", "TX"), ["TX003", "TX004"]),
        ('select = ["TX", "DT"]', ("--ignore", "DT001"), ["TX003", "TX004"]),
        ('extend-select = ["DT"]\nignore = ["FM", "TX"]', (), ["DT001"]),
    ],
)
def test_the_command_line_comes_after_the_file(
    config: str,
    args: tuple[str, ...],
    expected: list[str],
    root: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`--select` replaces the file's select and ignore; `--extend-select` and `--ignore`
    adjust them, the command line winning over the file (ruff's layers)."""
    (root / "newslint.toml").write_text(config + "\n", encoding="utf-8")
    put(root, SELECTION_ART)
    code, items = check(capsys, *args)
    assert [d["code"] for d in items] == expected
    assert code == 0


@pytest.mark.parametrize("fmt", ["yaml", "toml"])
def test_a_date_in_seconds_since_1970_orders_the_article_too(
    fmt: str, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Hugo reads a YAML or TOML integer date as seconds since 1970 (date-format says so):
    1738800000 is 2025-02-06, before the other article's date."""
    put(root, art("yaml", date=Bare(LATE)), "content/en/news/a.md")
    put(root, art(fmt, date=1738800000), "content/en/news/b.md")
    code, out, _ = run(
        capsys,
        "check",
        "content/en/news",
        "--no-cache",
        "--output-format",
        "json",
        "--select",
        "XF001",
    )
    assert [(d["path"], d["code"]) for d in json.loads(out)] == [("content/en/news/a.md", "XF001")]
    assert code == 0


@pytest.mark.parametrize("diff", [False, True], ids=["text", "diff"])
@pytest.mark.parametrize("plugin", ["crashes", "does-not-import"])
def test_fix_stdin_prints_no_text_when_it_exits_2(plugin: str, diff: bool, root: Path) -> None:
    """README, Editors: a formatter keeps the buffer on exit 2, "a usage or internal error,
    with nothing on standard output" (efm: "still exits 2 (and prints no text)"): a rule that
    crashed, or a plugin that did not load, gives no fixed text (nor diff) to paste over it."""
    (root / "plugins").mkdir()
    source = PLUGIN if plugin == "crashes" else "def (\n"
    (root / "plugins" / "p.py").write_text(source, encoding="utf-8")
    flags = ("--diff",) if diff else ()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "newslint",
            "fix",
            "--rules-dir",
            "plugins",
            *flags,
            "--stdin-filename",
            ARTICLE,
        ],
        cwd=root,
        input=art("yaml", title="Trump&#39;s plan"),
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert ("kaboom here" if plugin == "crashes" else "cannot import") in done.stderr


def test_fix_diff_names_the_rule_that_crashed(root: Path) -> None:
    """`fix --diff` prints no remaining problems, but the internal error that makes it exit 2
    is said on stderr (the rule and the exception's last line), not left to guess."""
    (root / "plugins").mkdir()
    (root / "plugins" / "boom.py").write_text(PLUGIN, encoding="utf-8")
    put(root, art("yaml", title="Trump&#39;s plan"))
    done = console("fix", ARTICLE, "--no-cache", "--diff", "--rules-dir", "plugins", cwd=root)
    assert done.returncode == 2
    assert f"+++ b/{ARTICLE}" in done.stdout
    assert done.stderr.splitlines()[0] == (
        f"{ARTICLE}:1:1: NL000 [internal-error] rule boom (plugin plugins/boom.py) crashed on this "
        "file: ValueError: kaboom here"
    )
