"""Third-party rules: entry points, --rules-dir, config plugins, and every failure case."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.cli import main

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "tests" / "plugin_example"
ARTICLE = (
    '---\ntitle: "Budget"\ndate: 2025-02-08T09:55:35+08:00\nsummary: "The budget passed."\n---\n\n'
    "The budget passed on Tuesday.\n\n[Wire](https://m.wire.example.com/budget)\n"
)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "article.md").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def plugin_diagnostics(output: str) -> list[dict[str, object]]:
    return [d for d in json.loads(output) if d["code"] == "NR001"]


EXPECTED = {
    "path": "article.md",
    "rule": "source-domain",
    "code": "NR001",
    "severity": "error",
    "message": "source domain 'm.wire.example.com' is not on the allow-list",
    "line": 9,
    "column": 8,
    "end_line": 9,
    "end_column": 41,
    "fix": {
        "applicability": "safe",
        "title": "Link to wire.example.com",
        "edits": [
            {
                "line": 9,
                "column": 16,
                "end_line": 9,
                "end_column": 34,
                "content": "wire.example.com",
            }
        ],
    },
}


def test_rules_dir_rule_fires_with_position_and_fix(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        [
            "check",
            "article.md",
            "--rules-dir",
            str(PLUGIN / "newsroom_rules"),
            "--output-format",
            "json",
            "--isolated",
        ],
        capsys,
    )
    assert plugin_diagnostics(out) == [EXPECTED]
    assert code == 1


def test_rules_dir_rule_is_listed_with_its_origin(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        ["rules", "--rules-dir", str(PLUGIN / "newsroom_rules"), "--output-format", "json"], capsys
    )
    row = next(r for r in json.loads(out) if r["code"] == "NR001")
    assert row["origin"].endswith("source_domain.py") and row["fixable"] is True
    assert code == 0


def test_plugin_rule_is_configurable_and_suppressible(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "newslint.toml").write_text(
        f'plugins = ["{PLUGIN / "newsroom_rules"}/"]\n[rules.source-domain]\ndomains = ["m.wire.example.com"]\n',
        encoding="utf-8",
    )
    _, out, _ = run(["check", "article.md", "--output-format", "json"], capsys)
    assert plugin_diagnostics(out) == []
    (site / "newslint.toml").write_text(
        f'plugins = ["{PLUGIN / "newsroom_rules"}/"]\n', encoding="utf-8"
    )
    text = ARTICLE.replace("[Wire]", "<!-- newslint-disable-next-line NR001 -->\n[Wire]")
    (site / "article.md").write_text(text, encoding="utf-8")
    _, out, _ = run(["check", "article.md", "--output-format", "json"], capsys)
    assert plugin_diagnostics(out) == []


def test_plugin_option_typo_is_a_config_error(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "newslint.toml").write_text(
        f'plugins = ["{PLUGIN / "newsroom_rules"}/"]\n[rules.source-domain]\ndomain = []\n',
        encoding="utf-8",
    )
    code, _, err = run(["check", "article.md"], capsys)
    assert code == 2
    assert "rules.source-domain: unknown option 'domain' (options: domains)" in err


def test_plugin_fix_applies(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(
        [
            "fix",
            "article.md",
            "--rules-dir",
            str(PLUGIN / "newsroom_rules"),
            "--select",
            "NR001",
            "--isolated",
        ],
        capsys,
    )
    assert (site / "article.md").read_text(encoding="utf-8") == ARTICLE.replace(
        "m.wire.example.com", "wire.example.com"
    )
    assert code == 0


def test_plugin_that_fails_to_import_is_reported_once(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken_rules"
    broken.mkdir()
    (broken / "bad.py").write_text("import not_a_module_at_all\n", encoding="utf-8")
    code, _, err = run(
        ["check", "article.md", "--rules-dir", str(broken), "--isolated", "--select", "FM001"],
        capsys,
    )
    assert err.count("cannot import") == 1
    assert (
        f"newslint: error: plugin {broken / 'bad.py'}: cannot import: ModuleNotFoundError: No module named 'not_a_module_at_all'"
        in err
    )
    assert code == 2  # the other rules ran, but a run missing a plugin is not clean


def test_two_rules_claiming_one_code_is_an_error(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clash = tmp_path / "clash_rules"
    clash.mkdir()
    (clash / "clash.py").write_text(
        '"""Clash."""\nfrom newslint import Rule\n\n\nclass Clash(Rule):\n    code = "FM001"\n    name = "clash"\n',
        encoding="utf-8",
    )
    code, _, err = run(["check", "article.md", "--rules-dir", str(clash), "--isolated"], capsys)
    assert code == 2
    assert (
        "rule 'FM001' is defined twice: by newslint.rules.front_matter_missing.FrontMatterMissing (builtin) and by"
        in err
    )
    assert f"Clash ({clash / 'clash.py'})" in err


def test_plugin_rule_crash_is_an_internal_error_naming_the_plugin(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    crashing = tmp_path / "crash_rules"
    crashing.mkdir()
    (crashing / "boom.py").write_text(
        '"""Boom."""\nfrom newslint import Rule\n\n\nclass Boom(Rule):\n    code = "ZZ001"\n    name = "boom"\n\n'
        "    def on_paragraph(self, ctx, paragraph):\n        raise ZeroDivisionError('bad house rule')\n",
        encoding="utf-8",
    )
    code, out, _ = run(
        [
            "check",
            "article.md",
            "--rules-dir",
            str(crashing),
            "--isolated",
            "--output-format",
            "json",
        ],
        capsys,
    )
    errors = [d for d in json.loads(out) if d["rule"] == "internal-error"]
    assert [e["message"] for e in errors] == [
        f"rule boom (plugin {crashing / 'boom.py'}) crashed on this file: ZeroDivisionError: bad house rule"
    ]
    assert code == 2


@pytest.mark.slow
def test_installed_plugin_behaves_like_rules_dir(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    plugin = tmp_path / "plugin"  # built from a copy: an in-tree build leaves egg-info in tests/
    shutil.copytree(
        PLUGIN, plugin, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__")
    )
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(ROOT), str(plugin)], check=True
    )
    work = tmp_path / "work"
    work.mkdir()
    (work / "article.md").write_text(ARTICLE, encoding="utf-8")
    newslint = str(venv / "bin" / "newslint")
    env = {**os.environ, "NO_COLOR": "1"}
    listed = subprocess.run(
        [newslint, "rules", "--output-format", "json"],
        capture_output=True,
        text=True,
        cwd=work,
        env=env,
        check=True,
    )
    row = next(r for r in json.loads(listed.stdout) if r["code"] == "NR001")
    assert row["origin"] == "newsroom-rules"
    checked = subprocess.run(
        [newslint, "check", "article.md", "--output-format", "json", "--isolated"],
        capture_output=True,
        text=True,
        cwd=work,
        env=env,
    )
    assert checked.returncode == 1
    assert plugin_diagnostics(checked.stdout) == [EXPECTED]
    fixed = subprocess.run(
        [newslint, "fix", "article.md", "--select", "NR001", "--isolated"],
        capture_output=True,
        text=True,
        cwd=work,
        env=env,
    )
    assert fixed.returncode == 0, fixed.stderr
    assert (work / "article.md").read_text(encoding="utf-8") == ARTICLE.replace(
        "m.wire.example.com", "wire.example.com"
    )


# --------------------------------------------------------------- entry points without metadata


@pytest.mark.parametrize(
    ("text", "only_builtin"),
    [
        ("[console_scripts]\nnewslint = newslint.cli:main\n", True),
        ("[newslint.rules]\nbuiltin = newslint.rules\n", True),
        ("# comment\n[newslint.rules]\n  builtin=newslint.rules  \n\n[x]\ny = z\n", True),
        ("[newslint.rules]\nnewsroom = newsroom_rules\n", False),
        ("[newslint.rules]\nbuiltin = newslint.rules\nextra = newslint.rules.extra\n", False),
        ("[newslint.rules]\nbroken line\n", False),
        ("[x]\nnewslint.rules = elsewhere\n", True),  # a value in another group
    ],
)
def test_entry_points_text_is_read_as_importlib_metadata_reads_it(
    text: str, only_builtin: bool
) -> None:
    from newslint.registry import _builtin_group_only

    assert _builtin_group_only(text) is only_builtin


def test_plugin_installed_between_two_runs_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No stale answer: the folders of sys.path are read on each load, and a plugin's entry point
    sends discovery through importlib.metadata, which names the plugin's distribution."""
    from newslint.registry import _only_builtin_entry_points, load_registry

    shutil.copytree(PLUGIN / "newsroom_rules", tmp_path / "newsroom_rules")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "newsroom_rules", raising=False)
    monkeypatch.delitem(sys.modules, "newsroom_rules.source_domain", raising=False)
    assert _only_builtin_entry_points()
    assert "NR001" not in [r.code for r in load_registry().rules]

    info = tmp_path / "newsroom_rules-1.0.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: newsroom-rules\nVersion: 1.0.0\n")
    (info / "entry_points.txt").write_text("[newslint.rules]\nnewsroom = newsroom_rules\n")
    assert not _only_builtin_entry_points()
    registry = load_registry()
    rule = registry.find("NR001")
    assert rule is not None and rule.origin == "newsroom-rules"
    assert registry.find("FM001") is not None and registry.load_errors == []


# STYLE.md's example rule, as a plugin author copies it: it reads `ctx.options.max_chars` without
# declaring `Options` (only its code and name changed, to stand beside the built-in TX001).
STYLE_GUIDE_RULE = '''"""Summary is cut off.

## What it does
Flags a front-matter `summary` that ends in "..." or stops in the middle of a word.

## Why is this bad?
Feeds and article cards show the summary as written; a cut sentence looks broken.

## Example
    summary: "The minister said the budget would..."

## Use instead
    summary: "The minister said the budget would pass this week."

## Fix safety
Unsafe: the new summary is taken from the article's opening sentences, which an editor should read.
"""
from newslint import Fix, Rule, Severity


class SummaryCut(Rule):
    code = "XX001"
    name = "summary-cut"
    severity = Severity.WARNING
    messages = {"cut": "summary is cut off ({ending!r})"}

    def on_field(self, ctx, field):
        if field.key != "summary" or not isinstance(field.value, str):
            return
        text = field.value.rstrip()
        if text.endswith(("...", "…")):
            better = ctx.document.lead_sentences(max_chars=ctx.options.max_chars)
            fix = Fix.unsafe("Rewrite summary from the opening sentences",
                             field.replace_value(better)) if better else None
            ctx.report(field.value_span, "cut", ending=text[-3:], fix=fix)
'''


def test_the_style_guide_rule_runs_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "plugins").mkdir()
    (tmp_path / "plugins" / "summary_cut.py").write_text(STYLE_GUIDE_RULE, encoding="utf-8")
    article = '---\ntitle: "B"\nsummary: "The budget..."\n---\n\nThe budget passed on Tuesday.\n'
    (tmp_path / "a.md").write_text(article, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ["--rules-dir", "plugins", "--isolated", "--no-cache", "--select", "XX001", "a.md"]
    code, out, _ = run(["check", *args, "--output-format", "json"], capsys)
    found = [(d["code"], d["line"], d["column"], d["message"]) for d in json.loads(out)]
    assert (code, found) == (0, [("XX001", 3, 10, "summary is cut off ('...')")])
    assert run(["fix", "--unsafe-fixes", *args], capsys)[0] == 0
    fixed = (tmp_path / "a.md").read_text(encoding="utf-8")
    assert fixed == article.replace('"The budget..."', '"The budget passed on Tuesday."')


def test_a_packages_modules_are_listed_as_pkgutil_lists_them(tmp_path: Path) -> None:
    """The registry lists a rule package's modules without pkgutil (which imports `inspect`) and
    must find what pkgutil finds: modules, packages, extension modules, not `__init__`, not a
    folder without one, not a name with a dot, each name once across the path's folders."""
    import pkgutil

    from newslint.registry import _submodule_names

    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        folder.mkdir()
    for name in ("__init__.py", "alpha.py", "beta.pyc", "gamma.cpython-311-x86_64-linux-gnu.so"):
        (first / name).write_text("")
    for name in ("delta.abi3.so", "dotted.name.py", "notes.txt", "alpha.py", "_private.py"):
        (second / name).write_text("")
    (first / "package").mkdir()
    (first / "package" / "__init__.py").write_text("")
    (first / "folder").mkdir()  # no __init__: not a package
    (first / "folder" / "inner.py").write_text("")
    (second / "beta").mkdir()  # the module `beta` of the first folder already holds the name
    (second / "beta" / "__init__.py").write_text("")
    (second / "zeta").mkdir()
    (second / "zeta" / "__init__.pyc").write_text("")
    path = [str(first), str(second), str(tmp_path / "missing")]
    expected = sorted(info.name for info in pkgutil.iter_modules(path))
    assert _submodule_names(path) == expected
    assert expected == ["_private", "alpha", "beta", "delta", "gamma", "package", "zeta"]
    archive = tmp_path / "plugins.zip"  # a zip path entry goes through pkgutil itself
    import zipfile

    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("epsilon.py", "")
    assert _submodule_names([str(archive), str(first)]) == sorted(
        info.name for info in pkgutil.iter_modules([str(archive), str(first)])
    )
    assert "epsilon" in _submodule_names([str(archive)])
