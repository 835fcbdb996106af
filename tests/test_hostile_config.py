"""Hostile configuration: whatever a user controls besides the articles.

newslint's own configuration (`newslint.toml`, `pyproject.toml`, `--config`), the command line's
other values, rule folders and plugins, and the Hugo site's configuration. The contract: a mistake
is a clear message and exit 2 (a newslint configuration problem), or a warning and the defaults (a
site problem, as `newslint.site` reports them), or a working run; never a traceback, and never
newslint's "internal error" (which is what `main` turns an unexpected exception into).

The exact tests each reproduce one crash found by fuzzing; the property tests write TOML documents
with arbitrary values at every known key. Process-level behaviour (pipes, signals, encodings) is
in `tests/test_hostile_process.py`; a `newslint watch` whose site configuration breaks and
vanishes, in `tests/test_watch.py` (its process fixtures live there).
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.cli import main
from newslint.site import load_site

# An article every default rule accepts (exit 0), so a changed exit code is the configuration's.
CLEAN = """---
title: "Council approves the new budget"
date: 2024-03-01T10:00:00+00:00
summary: "The city council approved the budget for next year after a long debate on Tuesday."
---

The city council approved the budget for next year after a long debate on Tuesday.

[Example News](https://example.com/news/budget)
"""


def project(root: Path, files: dict[str, str | bytes]) -> Path:
    """A site at `root` with one clean article and `files` (text or bytes) beside it."""
    files = {"content/posts/budget.md": CLEAN, **files}
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return root


def lint(
    root: Path, capsys: pytest.CaptureFixture[str], *args: str, command: str = "check"
) -> tuple[int, str, str]:
    """`newslint check --no-cache ARGS` run in `root`: exit code, stdout, stderr."""
    old = Path.cwd()
    os.chdir(root)
    try:
        code = main([command, "--no-cache", "--output-format", "concise", *args])
    finally:
        os.chdir(old)
    out = capsys.readouterr()
    return code, out.out, out.err


def assert_no_crash(code: int, err: str) -> None:
    assert code in (0, 1, 2), (code, err)
    assert "internal error" not in err, err
    assert "Traceback" not in err, err


LONG = "a" * 5000  # longer than any file system's name limit (ENAMETOOLONG)


# --- newslint's configuration: crashes found ------------------------------------------------------


def test_pyproject_tool_that_is_not_a_table_is_not_newslints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `"newslint" in data["tool"]` was a substring test on a string, then `.get` on it.
    for tool in ("1", '"newslint"', "[1, 2]"):
        project(tmp_path, {"hugo.toml": "", "pyproject.toml": f"tool = {tool}\n"})
        assert lint(tmp_path, capsys) == (0, "", "")


def test_pyproject_tool_not_a_table_named_with_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path, {"hugo.toml": "", "pyproject.toml": 'tool = "newslint"\n'})
    code, out, err = lint(tmp_path, capsys, "--config", "pyproject.toml")
    assert (code, out) == (2, "")
    assert err == 'newslint: error: pyproject.toml: tool: expected a table, got "newslint"\n'


def test_config_fifo_is_refused_not_waited_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path, {"hugo.toml": ""})
    os.mkfifo(tmp_path / "fifo.toml")
    code, out, err = lint(tmp_path, capsys, "--config", "fifo.toml")
    assert (code, out) == (2, "")
    assert err == (
        "newslint: error: fifo.toml: cannot read: not a regular file (a pipe, socket or device)\n"
    )


def test_config_directory_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project(tmp_path, {"hugo.toml": "", "folder/x.txt": ""})
    assert lint(tmp_path, capsys, "--config", "folder") == (
        2,
        "",
        "newslint: error: folder: cannot read: Is a directory\n",
    )


def test_a_directory_named_newslint_toml_is_not_a_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path, {"hugo.toml": "", "newslint.toml/x": "", ".newslint.toml/y": ""})
    assert lint(tmp_path, capsys) == (0, "", "")


def test_max_file_size_beyond_a_read_is_a_configuration_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `read(max_file_size + 1)` raised OverflowError for a size past a C ssize_t.
    project(tmp_path, {"hugo.toml": "", "newslint.toml": "max-file-size = 9223372036854775807\n"})
    code, out, err = lint(tmp_path, capsys)
    assert (code, out) == (2, "")
    assert err == (
        "newslint: error: newslint.toml: max-file-size: must be at most 4611686018427387904"
        " (bytes), not 9223372036854775807\n"
    )
    code, _, err = lint(tmp_path, capsys, "--isolated", "--config", "max-file-size = 2**70")
    assert code == 2
    assert err.startswith("newslint: error: --config 'max-file-size = 2**70': not a file, and not")


def test_max_file_size_at_the_limit_still_lints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path, {"hugo.toml": "", "newslint.toml": "max-file-size = 4611686018427387904\n"})
    assert lint(tmp_path, capsys) == (0, "", "")


def test_toml_nested_too_deeply_is_a_configuration_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # tomllib recurses once per nested array: RecursionError, not a TOMLDecodeError.
    deep = "a = " + "[" * 3000 + "]" * 3000 + "\n"
    project(tmp_path, {"hugo.toml": "", "newslint.toml": deep})
    assert lint(tmp_path, capsys) == (
        2,
        "",
        "newslint: error: newslint.toml: not valid TOML: nested too deeply\n",
    )
    code, _, err = lint(tmp_path, capsys, "--isolated", "--config", deep.strip())
    assert code == 2
    assert err.endswith(": not valid TOML: nested too deeply\n")


def test_deep_pyproject_of_another_tool_is_passed_over(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = "a = " + "[" * 3000 + "]" * 3000 + "\n"
    project(tmp_path, {"hugo.toml": "", "pyproject.toml": deep})
    assert lint(tmp_path, capsys) == (0, "", "")


def test_config_value_too_long_for_a_file_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `Path(text).is_file()` raised ENAMETOOLONG for a long `--config KEY = VALUE`.
    project(tmp_path, {"hugo.toml": ""})
    code, out, err = lint(tmp_path, capsys, "--config", f"exclude = ['{LONG}']")
    assert (code, out, err) == (0, "", "")


def test_plugin_name_too_long_for_a_file_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path, {"hugo.toml": "", "newslint.toml": f'plugins = ["{LONG}"]\n'})
    code, out, err = lint(tmp_path, capsys)
    assert (code, out) == (2, "")
    assert err.startswith(f"newslint: error: plugin {LONG}: cannot import: ModuleNotFoundError: ")


def test_rules_dir_module_calling_sys_exit_is_a_broken_plugin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # SystemExit went through `except Exception`: the run ended with the plugin's exit code 3.
    project(tmp_path, {"hugo.toml": "", "rd/quits.py": "import sys\nsys.exit(3)\n"})
    code, out, err = lint(tmp_path, capsys, "--rules-dir", "rd")
    assert (code, out) == (2, "")
    assert err == (f"newslint: error: plugin {Path('rd/quits.py')}: cannot import: SystemExit: 3\n")


@pytest.mark.parametrize(
    ("config", "message"),
    [
        # Python's "'utf-8' codec can't decode byte 0xff in position 11: invalid start byte".
        (
            b"select = ['DT']\nignore = ['\xff']\n",
            "not UTF-8: byte 0xff on line 2 cannot be decoded",
        ),
        # pydantic's "Unable to parse input string as an integer, exceeded maximum size".
        ("[links]\nper-host = 1e308\n", "links.per-host: expected an integer, got 1e+308"),
        # pydantic's "Input should be a finite number".
        ("max-file-size = inf\n", "max-file-size: expected an integer, got inf"),
        ("[links]\nretries = nan\n", "links.retries: expected an integer, got nan"),
        # nan passed every bound (all comparisons false); no link was then reported broken.
        ("[links]\ntimeout = nan\n", "links.timeout: must be a number of seconds, not nan"),
        ("[links]\nbackoff = nan\n", "links.backoff: must be a number of seconds, not nan"),
        # Already clear: kept so.
        ("[links]\nexclude = ['([']\n", "links.exclude: '([' is not a regex: unterminated"),
        ("select = ['ZZ999']\n", "select[0]: unknown rule or prefix 'ZZ999'"),
        ("[rules.nope]\nmax = 1\n", "rules.nope: unknown rule 'nope'"),
        ("[per-file-ignores]\n'content/**' = ['ZZ001']\n", 'per-file-ignores."content/**"[0]: un'),
        ("[per-file-ignores]\n'content/**' = 'DT001'\n", 'per-file-ignores."content/**": expected'),
        ("timezone = 5\n", "timezone: expected a string, got 5"),
        ("timezone = '../../../etc/passwd'\n", "timezone: unknown time zone '../../../etc/passwd'"),
        ("[rules.summary-length]\nseverity = 'fatal'\n", "rules.summary-length.severity: expec"),
        (
            "presets = ['nope']\n",
            "presets[0]: unknown preset 'nope' (presets: hugo, mainroad, news)",
        ),
    ],
)
def test_bad_newslint_configuration_value_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], config: str | bytes, message: str
) -> None:
    project(tmp_path, {"hugo.toml": "", "newslint.toml": config})
    code, out, err = lint(tmp_path, capsys)
    assert (code, out) == (2, "")
    assert err.startswith(f"newslint: error: newslint.toml: {message}"), err
    assert err.count("\n") == 1, err


def test_config_option_file_that_is_not_utf8_says_where(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path, {"hugo.toml": "", "other.toml": b"# caf\xe9\n"})
    assert lint(tmp_path, capsys, "--config", "other.toml") == (
        2,
        "",
        "newslint: error: other.toml: not UTF-8: byte 0xe9 on line 1 cannot be decoded\n",
    )


RULE = """from newslint import Rule, Severity


class {cls}(Rule):
    code = "{code}"
    name = "{name}"
    severity = Severity.WARNING
    messages = {{"m": "bad"}}
"""


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("raise RuntimeError('boom')\n", "cannot import: RuntimeError: boom"),
        ("def (:\n", "cannot import: SyntaxError: invalid syntax"),
        (b"\xff\xfe = 1\n", "cannot import: SyntaxError: "),
    ],
)
def test_rules_dir_module_that_fails_to_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], source: str | bytes, expected: str
) -> None:
    project(tmp_path, {"hugo.toml": "", "rd/broken.py": source})
    code, out, err = lint(tmp_path, capsys, "--rules-dir", "rd")
    assert (code, out) == (2, "")
    assert err.startswith(f"newslint: error: plugin {Path('rd/broken.py')}: {expected}"), err


def test_rules_dir_with_two_rules_of_one_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = RULE.format(cls="A", code="ZZ001", name="zz-a") + RULE.format(
        cls="B", code="ZZ001", name="zz-b"
    ).replace("from newslint import Rule, Severity\n", "")
    project(tmp_path, {"hugo.toml": "", "rd/twice.py": source})
    code, out, err = lint(tmp_path, capsys, "--rules-dir", "rd")
    assert (code, out) == (2, "")
    assert "rule 'ZZ001' is defined twice" in err


# --- the Hugo site's configuration: crashes found --------------------------------------------------


def test_theme_name_too_long_for_a_file_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `(themes / name / "layouts/partials/widgets").is_dir()` raised ENAMETOOLONG.
    project(tmp_path, {"hugo.toml": f'theme = "{LONG}"\n'})
    assert lint(tmp_path, capsys) == (0, "", "")
    assert load_site(tmp_path, tmp_path / "hugo.toml").theme == LONG


@pytest.mark.parametrize(
    "config",
    [
        f'contentDir = "{LONG}"\n',
        f'[languages.en]\ncontentDir = "{LONG}"\n',
        f'[[module.imports]]\npath = "{LONG}"\n',
        f'[[module.mounts]]\nsource = "{LONG}"\ntarget = "content"\n',
        # A NUL byte no path can hold; ignoreFiles makes every content folder be resolved.
        'contentDir = "con\\u0000tent"\nignoreFiles = ["x"]\n',
        'ignoreFiles = ["x"]\n[languages.en]\ncontentDir = "a\\u0000b"\n',
        'ignoreFiles = ["x"]\n[[module.mounts]]\nsource = "a\\u0000b"\ntarget = "content"\n',
    ],
)
def test_content_dir_or_module_too_long_for_a_file_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], config: str
) -> None:
    project(tmp_path, {"hugo.toml": config})
    code, out, err = lint(tmp_path, capsys)
    assert_no_crash(code, err)
    assert out == ""


WARNING = "newslint: warning: {path}: cannot read the site configuration: {why}; using defaults\n"


@pytest.mark.parametrize(
    ("name", "text", "why"),
    [
        ("hugo.yaml", "a: &a [*a]\n", "the configuration is nested more than 100 levels deep"),
        ("hugo.yaml", "a: &a {b: *a}\n", "the configuration is nested more than 100 levels deep"),
        ("hugo.json", '{"a": ' + "[" * 5000 + "]" * 5000 + "}", "the configuration is nested"),
        ("hugo.toml", "a = " + "[" * 5000 + "]" * 5000, "the configuration is nested too deeply"),
        ("hugo.toml", "a = " + "{b=" * 3000 + "1" + "}" * 3000, "the configuration is nested"),
    ],
)
def test_recursive_or_deep_site_configuration_is_a_site_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, why: str
) -> None:
    # A recursive YAML alias and deep nesting were a RecursionError.
    project(tmp_path, {name: text})
    code, out, err = lint(tmp_path, capsys)
    assert (code, out) == (0, "")
    prefix, _, _ = WARNING.format(path=tmp_path / name, why=why).partition(why)
    assert err.startswith(prefix + why), err
    assert err.endswith("; using defaults\n")


@pytest.mark.parametrize(
    ("name", "data", "why"),
    [
        ("hugo.toml", "theme = [\n", "not valid TOML: Invalid value (at end of document)"),
        ("hugo.toml", "a = 1\na = 2\n", "not valid TOML: Cannot overwrite a value (at line 2,"),
        # PyYAML's message was four lines naming a "<unicode string>".
        ("hugo.yaml", "theme: [a\n  b: :\n", "not valid YAML: did not find expected ',' or ']'"),
        ("hugo.yaml", "a:\n\t- b\n", "not valid YAML: found character that cannot start any"),
        ("hugo.yaml", "<<: 5\n", "not valid YAML: expected a mapping or list of mappings for"),
        ("hugo.yaml", "? [a, b]\n: 1\n", "not valid YAML: found unhashable key (line 1, col"),
        ("hugo.json", '{"a": }', "not valid JSON: Expecting value: line 1 column 7 (char 6)"),
        ("hugo.json", "", "not valid JSON: Expecting value: line 1 column 1 (char 0)"),
        ("hugo.json", "[1, 2]", "the configuration is not a map of keys"),
        ("hugo.yaml", "just text\n", "the configuration is not a map of keys"),
        # Python's message told the user to call sys.set_int_max_str_digits().
        ("hugo.json", '{"summaryLength": 1' + "0" * 5000 + "}", "not valid JSON: a number of"),
        ("hugo.yaml", "summaryLength: 1" + "0" * 5000 + "\n", "not valid YAML: a number of more"),
        ("hugo.toml", "summaryLength = 1" + "0" * 5000 + "\n", "not valid TOML: a number of more"),
        # Past 64 bits hugo 0.168 fails to load the configuration; Python read the number.
        (
            "hugo.toml",
            "title = 'x'\n[params]\nviews = 99999999999999999999\n",
            "not valid TOML: integer 99999999999999999999 does not fit in 64 bits (line 3, column 9)",
        ),
        ("hugo.toml", "[params]\nratio = 1e400\n", "not valid TOML: float 1e400 is out of range"),
        # Python's message counted bytes from the start of the file.
        ("hugo.toml", b'title = "ok"\ntitle2 = "caf\xe9"\n', "not UTF-8: byte 0xe9 on line 2"),
        ("hugo.yaml", b"title: caf\xe9\n", "not UTF-8: byte 0xe9 on line 1 cannot be decoded"),
        ("hugo.toml", "title = 'x'\n".encode("utf-16"), "not UTF-8: byte 0xff on line 1 cannot"),
        ("hugo.toml/x", "", "not a regular file (a folder, pipe, socket or device, or a broken"),
    ],
)
def test_unreadable_site_configuration_says_why_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: str | bytes, why: str
) -> None:
    project(tmp_path, {name: data})
    code, out, err = lint(tmp_path, capsys)
    assert (code, out) == (0, "")
    assert err.startswith(
        f"newslint: warning: {tmp_path / name.partition('/')[0]}: cannot read the site"
        f" configuration: {why}"
    ), err
    assert err.endswith("; using defaults\n") and err.count("\n") == 1, err


@pytest.mark.parametrize(
    ("part", "data", "why"),
    [
        ("config/_default/params.toml", "x = [", "not valid TOML: Invalid value (at end of doc"),
        ("config/_default/params.toml", "x = -9223372036854775809", "not valid TOML: integer"),
        ("config/_default/languages.json", "[1]", "the configuration is not a map of keys"),
        ("config/_default/menus.yaml", "a: [\n", "not valid YAML: did not find expected node"),
        ("config/production/params.toml", b"a = '\xff'\n", "not UTF-8: byte 0xff on line 1 can"),
        ("config/production/hugo.yaml", "a: &a [*a]\n", "the configuration is nested more than"),
    ],
)
def test_unreadable_configuration_folder_file_says_why_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], part: str, data: str | bytes, why: str
) -> None:
    project(tmp_path, {"hugo.toml": 'timeZone = "Europe/Oslo"\n', part: data})
    code, out, err = lint(tmp_path, capsys)
    assert (code, out) == (0, "")
    assert err.startswith(f"newslint: warning: {tmp_path / part}: cannot read: {why}"), err
    assert err.endswith("; the rest of the configuration is used\n") and err.count("\n") == 1


@pytest.mark.parametrize(
    "config",
    [
        '{"theme": "\\u0000"}',
        '{"contentDir": "\\u0000"}',
        '{"themesDir": "\\u0000", "theme": "x"}',
        '{"module": {"mounts": [{"source": "\\u0000", "target": "content"}]}}',
    ],
)
def test_nul_in_a_configured_folder_is_no_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], config: str
) -> None:
    # Listing that folder (ref-not-found, link-relative) raised ValueError: an internal error.
    body = (
        '[a]({{< ref "other.md" >}}) [b](/posts/other/)\n\n[Example News](https://example.com/a)\n'
    )
    project(
        tmp_path,
        {"hugo.json": config, "content/posts/refs.md": CLEAN.rsplit("\n\n", 2)[0] + "\n\n" + body},
    )
    code, out, err = lint(tmp_path, capsys)
    assert_no_crash(code, err)
    assert "internal-error" not in out and "NL000" not in out, out


@pytest.mark.parametrize(
    ("config", "zone"),
    [
        ('{"timeZone": "\\ud800"}', "\ufffd"),
        ('{"timeZone": "Europe/\\udc80Oslo"}', "Europe/\ufffdOslo"),
    ],
)
def test_lone_surrogate_in_json_is_read_as_go_reads_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], config: str, zone: str
) -> None:
    # Go's JSON decoder makes U+FFFD of it (hugo 0.168); Python kept it, and a contentDir or a
    # language holding it could not be encoded for the file system: an internal error.
    project(tmp_path, {"hugo.json": config})
    code, out, err = lint(tmp_path, capsys)
    assert (code, out) == (0, "")
    assert err == (
        f"newslint: warning: {tmp_path / 'hugo.json'}: timeZone '{zone}' is not a known time zone"
        " (Hugo cannot build)\n"
    )


@pytest.mark.parametrize(
    "config",
    [
        '{"contentDir": "\\ud800"}',
        '{"languages": {"\\ud800": {"contentDir": "\\udc00"}}}',
        '{"theme": "\\udc80", "module": {"mounts": [{"source": "\\ud800", "target": "content"}]}}',
    ],
)
def test_lone_surrogate_in_a_json_folder_is_no_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], config: str
) -> None:
    project(tmp_path, {"hugo.json": config})
    code, out, err = lint(tmp_path, capsys)
    assert_no_crash(code, err)
    assert (code, out, err) == (0, "", "")


def yaml_bomb(levels: int = 9, width: int = 9) -> str:
    """ "Billion laughs": each level lists the previous one `width` times, by alias."""
    lines = ["l0: &l0 [" + ", ".join(["lol"] * width) + "]"]
    for level in range(1, levels):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * width) + "]")
    lines.append("theme: mainroad")
    return "\n".join(lines) + "\n"


def test_yaml_alias_bomb_is_a_site_error_not_a_hang(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Lower-casing the keys copied every alias: 9**9 lists, which never finished.
    project(tmp_path, {"hugo.yaml": yaml_bomb()})
    code, out, err = lint(tmp_path, capsys)
    assert (code, out) == (0, "")
    why = "the configuration expands to more than 1,000,000 values (YAML aliases?)"
    assert err == WARNING.format(path=tmp_path / "hugo.yaml", why=why)


def test_shared_yaml_aliases_within_bounds_still_read(tmp_path: Path) -> None:
    project(tmp_path, {"hugo.yaml": yaml_bomb(levels=3, width=3) + "timeZone: Europe/Oslo\n"})
    site = load_site(tmp_path, tmp_path / "hugo.yaml")
    assert (site.errors, site.theme, site.time_zone) == ([], "mainroad", "Europe/Oslo")
    assert site.raw["l2"] == [[["lol"] * 3] * 3] * 3


def test_hugo_environment_is_joined_as_go_joins_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `root / "config" / "/abs"` is "/abs": HUGO_ENV=/ read every file system's configuration
    # file under "/". Go's filepath.Join keeps it inside the config folder.
    site = tmp_path / "site"
    outside = tmp_path / "outside"
    project(site, {"hugo.toml": 'timeZone = "Asia/Tokyo"\n'})
    project(outside, {"hugo.toml": 'timeZone = "Europe/Oslo"\n'})
    project(site, {f"config/{outside.relative_to('/')}/hugo.toml": 'timeZone = "America/Lima"\n'})
    monkeypatch.setenv("HUGO_ENVIRONMENT", str(outside))
    assert load_site(site, site / "hugo.toml").time_zone == "America/Lima"
    monkeypatch.setenv("HUGO_ENVIRONMENT", "/")  # config/ itself, as in Hugo
    project(site, {"config/params.toml": "x = 1\n"})
    assert load_site(site, site / "hugo.toml").raw["params"] == {"x": 1}


def test_links_back_in_a_configuration_folder_are_not_followed(tmp_path: Path) -> None:
    # Two links back to config/_default made 2**40 paths to walk (ELOOP stops each at 40
    # links): a hang. hugo 0.168 follows no link to a folder there, and reads none linked.
    project(
        tmp_path, {"hugo.toml": "", "config/_default/params.toml": "x = 1\n", "away/p.toml": ""}
    )
    for name in ("a", "b"):
        (tmp_path / "config" / "_default" / name).symlink_to(".")
    (tmp_path / "config" / "production").symlink_to(tmp_path / "away")
    (tmp_path / "away" / "params.toml").write_text("y = 2\n", encoding="utf-8")
    site = load_site(tmp_path, tmp_path / "hugo.toml")
    assert (site.errors, site.raw["params"]) == ([], {"x": 1})


def test_environment_folder_that_is_the_whole_disk_is_not_walked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # HUGO_ENVIRONMENT=../../.. is the file system's root, every file of which was listed.
    from newslint import site as site_module

    monkeypatch.setattr(site_module, "_MAX_CONFIG_ENTRIES", 30)  # 10,000: too slow to write
    project(tmp_path, {"hugo.toml": 'timeZone = "Europe/Oslo"\n', "config/x": ""})
    project(tmp_path, {f"many/f{index}/p.toml": "" for index in range(20)})
    monkeypatch.setenv("HUGO_ENVIRONMENT", "../many")
    site = load_site(tmp_path, tmp_path / "hugo.toml")
    assert site.errors == [
        f"{tmp_path}/many: cannot read: more than 30 files and folders, not a"
        " configuration folder; the rest of the configuration is used"
    ]
    assert site.time_zone == "Europe/Oslo"


def test_ignore_files_pattern_python_warns_about_is_read_quietly(tmp_path: Path) -> None:
    # `re.compile("[[a]")` warned (FutureWarning: possible nested set) on the user's stderr.
    project(tmp_path, {"hugo.toml": 'ignoreFiles = ["[[a]"]\n'})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        site = load_site(tmp_path, tmp_path / "hugo.toml")
    assert site.errors == []
    assert [p.pattern for p in site.ignore_files] == ["[[a]"]


def test_site_found_above_a_folder_that_cannot_be_searched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Walking up from content in a folder that can be neither listed nor searched (contentDir
    # "../.." reaches /proc/1/fdinfo) made the stat of its hugo.toml a PermissionError. As root
    # no mode denies it: simulate it.
    from newslint import site as site_module

    project(tmp_path, {"hugo.toml": 'timeZone = "Europe/Oslo"\n'})
    locked = tmp_path / "content" / "posts"
    real_is_file, real_listdir = Path.is_file, os.listdir

    def is_file(path: Path) -> bool:
        if path.parent == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_is_file(path)

    def listdir(path: Any = ".") -> list[str]:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_listdir(path)

    monkeypatch.setattr(Path, "is_file", is_file)
    monkeypatch.setattr(site_module.os, "listdir", listdir)
    found = site_module.site_for_dir(locked)
    assert (found.root, found.time_zone) == (tmp_path.resolve(), "Europe/Oslo")


def test_unsearchable_folder_gitignore_is_passed_over(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A folder that can be listed but not searched (/proc/1/fdinfo, reached by contentDir "../..")
    # made the stat of its .gitignore a PermissionError. As root no mode denies it: simulate it.
    project(tmp_path, {"hugo.toml": "", "content/posts/.gitignore": "*.tmp\n"})
    real_is_file = Path.is_file

    def is_file(path: Path) -> bool:
        if path.name == ".gitignore":
            raise PermissionError(13, "Permission denied", str(path))
        return real_is_file(path)

    monkeypatch.setattr(Path, "is_file", is_file)
    assert lint(tmp_path, capsys) == (0, "", "")


# --- property tests ----------------------------------------------------------------------------------


def _toml_key(key: str) -> str:
    return json.dumps(key, ensure_ascii=False)


def toml_value(value: Any) -> str:
    """`value` as a TOML value (inline tables for maps): the few types TOML has."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value) if value == value and abs(value) != float("inf") else "nan"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    assert isinstance(value, dict)
    return "{" + ", ".join(f"{_toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + "}"


def toml_document(table: dict[str, Any]) -> str:
    return "".join(f"{_toml_key(k)} = {toml_value(v)}\n" for k, v in table.items())


# Strings a user gets wrong: globs that do not compile, rule codes and names, time zones, paths.
WORDS = st.sampled_from(
    [
        "",
        "[",
        "**/[a-",
        "**/*.md",
        "content/**",
        "{a,b",
        "TX002",
        "TX",
        "ALL",
        "summary-length",
        "NOPE1",
        "news",
        "hugo",
        "mainroad",
        "error",
        "warning",
        "full",
        "json",
        "Europe/Oslo",
        "Nope/Zone",
        "../..",
        "/",
        "1d",
        "x",
        "中文",
        "\x00",
        "a" * 300,
    ]
)
SCALARS = (
    WORDS
    | st.text(max_size=8)
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=False)
    | st.booleans()
    | st.dates()
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(WORDS, inner, max_size=3),
    max_leaves=6,
)
NEWSLINT_KEYS = [
    "include",
    "exclude",
    "extend-exclude",
    "select",
    "extend-select",
    "ignore",
    "per-file-ignores",
    "fail-on",
    "output-format",
    "timezone",
    "presets",
    "required",
    "allowed",
    "source-field",
    "plugins",
    "max-file-size",
    "rules",
    "links",
    "unknown-key",
]
LINK_KEYS = [
    "check",
    "timeout",
    "concurrency",
    "per-host",
    "cache-ttl",
    "failure-ttl",
    "accept",
    "exclude",
    "only-source",
    "retries",
    "backoff",
    "max-wait",
    "user-agent",
    "include-fragments",
    "max-redirects",
    "headers",
]
RULE_KEYS = st.sampled_from(["TX002", "summary-length", "DT003", "nope", "FM"])
RULE_OPTIONS = st.sampled_from(["min", "max", "severity", "enabled", "unknown", "max-chars"])
NEWSLINT_CONFIG = st.fixed_dictionaries(
    {},
    optional={
        **{key: VALUES for key in NEWSLINT_KEYS},
        "rules": st.dictionaries(
            RULE_KEYS, VALUES | st.dictionaries(RULE_OPTIONS, VALUES, max_size=3), max_size=2
        ),
        "links": VALUES | st.dictionaries(st.sampled_from(LINK_KEYS), VALUES, max_size=3),
        "per-file-ignores": VALUES | st.dictionaries(WORDS, VALUES, max_size=2),
        "allowed": VALUES | st.dictionaries(WORDS, VALUES, max_size=2),
    },
)


@contextlib.contextmanager
def scratch(files: dict[str, str | bytes]) -> Iterator[Path]:
    """A fresh project per example (hypothesis runs many in one test: no `tmp_path`)."""
    with tempfile.TemporaryDirectory(prefix="newslint-hostile-") as folder:
        yield project(Path(folder), files)


def assert_reported(code: int, err: str, names: tuple[str, ...]) -> None:
    """No crash; an exit 2 says why in `newslint: error:` lines naming one of `names`."""
    assert_no_crash(code, err)
    if code == 2:
        lines = err.splitlines()
        assert lines, "exit 2 without a word"
        assert all(line.startswith("newslint: ") for line in lines), err
        assert any(name in err for name in names), err


# Each example is a whole run (about 0.2 s): a few in the default run, many with `-m fuzz_long`.
SHORT = settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
LONG_RUN = settings(SHORT, max_examples=1500)


def newslint_configuration_is_reported_or_works(
    config: dict[str, Any], where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = toml_document(config)
    if where == "pyproject.toml":
        text = "[tool.newslint]\n" + text
    with scratch({"hugo.toml": "", where: text}) as root:
        code, _, err = lint(root, capsys)
    assert_reported(code, err, (where, "plugin", "rules directory"))


def config_override_is_reported_or_works(
    key: str, value: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    with scratch({"hugo.toml": ""}) as root:
        code, _, err = lint(root, capsys, "--config", f"{key} = {toml_value(value)}")
    # A rule-dependent problem of an override (an unknown rule in `select`) is checked once
    # the rules are loaded, against the merged configuration, which names itself so.
    assert_reported(code, err, ("--config", "configuration:", "plugin", "rules directory"))


HUGO_KEYS = [
    "theme",
    "timeZone",
    "languages",
    "defaultContentLanguage",
    "taxonomies",
    "markup",
    "frontmatter",
    "permalinks",
    "themesDir",
    "contentDir",
    "buildFuture",
    "disableLanguages",
    "ignoreFiles",
    "module",
    "params",
    "languageCode",
]
LANGUAGE = st.fixed_dictionaries(
    {},
    optional={
        key: VALUES
        for key in ("contentDir", "weight", "timeZone", "disabled", "locale", "languageCode")
    },
)
HUGO_CONFIG = st.fixed_dictionaries(
    {},
    optional={
        **{key: VALUES for key in HUGO_KEYS},
        "languages": VALUES | st.dictionaries(st.sampled_from(["en", "zh-CN", "", "EN"]), LANGUAGE),
        "module": VALUES | st.fixed_dictionaries({"imports": st.lists(VALUES, max_size=2)}),
    },
)


def site_configuration_is_reported_or_works(
    config: dict[str, Any], form: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if form == "hugo.toml":
        text = toml_document(config)
    else:  # JSON is YAML too; dates as strings, as a JSON file has them
        text = json.dumps(config, default=str, ensure_ascii=False)
    with scratch({form: text}) as root:
        site = load_site(root, root / form)
        assert all(message.startswith(str(root)) for message in site.errors), site.errors
        code, _, err = lint(root, capsys)
    assert_no_crash(code, err)


NEWSLINT_FILES = {
    "config": NEWSLINT_CONFIG,
    "where": st.sampled_from(["newslint.toml", "pyproject.toml"]),
}
OVERRIDES = {
    "key": st.sampled_from([*NEWSLINT_KEYS, *(f"links.{k}" for k in LINK_KEYS)]),
    "value": VALUES,
}
SITE_FILES = {
    "config": HUGO_CONFIG,
    "form": st.sampled_from(["hugo.toml", "hugo.json", "hugo.yaml"]),
}

test_any_newslint_configuration_is_reported_or_works = SHORT(
    given(**NEWSLINT_FILES)(newslint_configuration_is_reported_or_works)
)
test_any_config_override_is_reported_or_works = SHORT(
    given(**OVERRIDES)(config_override_is_reported_or_works)
)
test_any_site_configuration_is_reported_or_works = SHORT(
    given(**SITE_FILES)(site_configuration_is_reported_or_works)
)
test_any_newslint_configuration_long = pytest.mark.fuzz_long(
    LONG_RUN(given(**NEWSLINT_FILES)(newslint_configuration_is_reported_or_works))
)
test_any_config_override_long = pytest.mark.fuzz_long(
    LONG_RUN(given(**OVERRIDES)(config_override_is_reported_or_works))
)
test_any_site_configuration_long = pytest.mark.fuzz_long(
    LONG_RUN(given(**SITE_FILES)(site_configuration_is_reported_or_works))
)


# --- newslint init: crashes found -------------------------------------------------------------------


def init(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    old = Path.cwd()
    os.chdir(root)
    try:
        code = main(["init", *args])
    finally:
        os.chdir(old)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_init_pyproject_whose_tool_is_not_a_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `"newslint" in 1`: TypeError, an internal error.
    (tmp_path / "pyproject.toml").write_text("tool = 1\n", encoding="utf-8")
    assert init(tmp_path, capsys, "pyproject.toml") == (
        2,
        "",
        "newslint: error: pyproject.toml: 'tool' is not a table; not changed\n",
    )
    assert (tmp_path / "pyproject.toml").read_text(encoding="utf-8") == "tool = 1\n"


def test_init_pyproject_that_is_a_fifo_is_not_waited_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.mkfifo(tmp_path / "pyproject.toml")
    assert init(tmp_path, capsys, "pyproject.toml") == (
        2,
        "",
        "newslint: error: pyproject.toml: not a regular file; not changed\n",
    )


def test_init_pyproject_nested_too_deeply(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = "a = " + "[" * 3000 + "]" * 3000 + "\n"
    (tmp_path / "pyproject.toml").write_text(deep, encoding="utf-8")
    assert init(tmp_path, capsys, "pyproject.toml") == (
        2,
        "",
        "newslint: error: pyproject.toml: cannot read it as TOML: nested too deeply\n",
    )


@pytest.mark.parametrize("command", ["check", "fix", "watch"])
@pytest.mark.parametrize("path", [LONG, "a/" * 3000 + "x.md"], ids=["name", "path"])
def test_path_too_long_for_the_file_system_is_not_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, path: str
) -> None:
    # `Path.exists()` and `is_dir()` raise ENAMETOOLONG (Python 3.11): an internal error.
    project(tmp_path, {"hugo.toml": ""})
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        code = main([command, "--no-cache", path])
    finally:
        os.chdir(old)
    out = capsys.readouterr()
    assert (code, out.out, out.err) == (
        2,
        "",
        f"newslint: error: no such file or directory: {path}\n",
    )


# --- the command line's other values: each already a clear error, kept so ----------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--select", "NOPE9"], "newslint: error: --select: unknown rule or prefix 'NOPE9'\n"),
        (["--ignore", "中文"], "newslint: error: --ignore: unknown rule or prefix '中文'\n"),
        (["--output", "folder"], "newslint: error: --output folder: Is a directory\n"),
        (
            ["--output", "missing/report.txt"],
            "newslint: error: --output missing/report.txt: No such file or directory\n",
        ),
        (
            ["--baseline", "garbage.json"],
            "newslint: error: garbage.json: not a newslint baseline: Expecting value: line 1"
            " column 1 (char 0)\n",
        ),
        (
            ["--baseline", "other.json"],
            "newslint: error: other.json: not a newslint baseline (format 1 expected)\n",
        ),
        (["--baseline", "folder"], "newslint: error: folder: cannot read: Is a directory\n"),
        (["--write-baseline", "folder"], "newslint: error: folder: cannot write: Is a directory\n"),
        (["--rules-dir", "missing"], "newslint: error: --rules-dir missing: no such directory\n"),
        (["--config", "a = 1"], "newslint: error: --config: unknown key 'a'\n"),
        # Was ".: cannot read: Is a directory" (`Path("")` is ".").
        (["--config", ""], "newslint: error: --config '': empty; give a file or a KEY = VALUE\n"),
        (["--config", " "], "newslint: error: --config ' ': empty; give a file or a KEY = VALUE\n"),
    ],
)
def test_bad_command_line_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    project(
        tmp_path,
        {
            "hugo.toml": "",
            "folder/x.txt": "",
            "garbage.json": "garbage",
            "other.json": '{"version": 99}',
        },
    )
    assert lint(tmp_path, capsys, *args) == (2, "", message)


@pytest.mark.parametrize("jobs", ["-1", "x", "1e3"])
def test_bad_jobs_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    project(tmp_path, {"hugo.toml": ""})
    code, out, err = lint(tmp_path, capsys, "--jobs", jobs)
    assert (code, out) == (2, "")
    assert err.splitlines()[-1].startswith("newslint check: error: argument --jobs/-j: expected ")


def test_jobs_far_beyond_the_files_still_lints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path, {"hugo.toml": ""})
    assert lint(tmp_path, capsys, "--jobs", "10000") == (0, "", "")


def test_changed_since_outside_a_git_repository(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path, {"hugo.toml": ""})
    code, out, err = lint(tmp_path, capsys, "--changed-since", "HEAD")
    assert (code, out) == (2, "")
    assert err.startswith("newslint: error: --changed-since: ")
    assert err.endswith("is not inside a git repository\n")
