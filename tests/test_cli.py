"""The command line: exit codes, `rules` and `rule`, and the README's GitHub Actions example."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.rules.required_field import RequiredField
from newslint.suppressions import UnusedSuppression

ROOT = Path(__file__).resolve().parent.parent
CLEAN = (
    '---\ntitle: "Budget"\ndate: 2025-02-08T09:55:35+08:00\n'
    'summary: "The budget passed on Tuesday after a week of talks."\n---\n\nThe budget passed.\n'
)
NO_SUMMARY = (
    '---\ntitle: "Budget"\ndate: 2025-02-08T09:55:35+08:00\n---\n\n'
    "The budget passed on Tuesday after a week of talks.\n"
)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "bad.md").write_text(NO_SUMMARY, encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('select = ["FM004"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


# ---------------------------------------------------------------------------------- exit codes


def test_exit_0_when_nothing_at_or_above_fail_on_remains(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["check", "clean.md", "--no-cache"], capsys) == (0, "", "")


def test_exit_1_when_problems_remain(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", ".", "--no-cache"], capsys)
    assert code == 1
    assert out == "bad.md:1:1: FM004 [required-field] required field 'summary' is missing\n"


def test_quiet_prints_only_the_summary_in_the_concise_format_too(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["check", ".", "--no-cache", "--output-format", "concise", "-q"], capsys)
    assert (code, out) == (
        1,
        "Found 1 problem (1 error) in 1 of 2 files.\n"
        "1 fixable with `newslint fix --unsafe-fixes`.\n",
    )
    code, out, _ = run(["check", "clean.md", "--no-cache", "--quiet"], capsys)
    assert (code, out) == (0, "All checks passed (1 file).\n")


def test_exit_zero_turns_only_remaining_problems_into_success(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["check", ".", "--no-cache", "--exit-zero"], capsys)
    assert (code, out) == (
        0,
        "bad.md:1:1: FM004 [required-field] required field 'summary' is missing\n",
    )
    (site / "spaced.md").write_text(CLEAN.replace("passed.\n", "passed.   \n"), encoding="utf-8")
    fix = ["fix", "spaced.md", "--no-cache", "--select", "BD002", "--exit-non-zero-on-fix"]
    assert run(fix, capsys)[0] == 1
    (site / "spaced.md").write_text(CLEAN.replace("passed.\n", "passed.   \n"), encoding="utf-8")
    assert run([*fix, "--exit-zero"], capsys)[0] == 0
    assert (site / "spaced.md").read_text(encoding="utf-8") == CLEAN
    assert run(["check", "nope.md", "--exit-zero"], capsys)[0] == 2


def test_exit_2_on_usage_errors(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", "--output-format", "xml"], capsys)[0] == 2
    code, _, err = run(["check", "nope.md"], capsys)
    assert (code, err) == (2, "newslint: error: no such file or directory: nope.md\n")
    assert run([], capsys)[0] == 2


@pytest.mark.parametrize(
    ("raising", "last"),
    [('raise ValueError("x")', "ValueError: x"), ("raise SystemExit(0)", "SystemExit: 0")],
)
def test_exit_2_on_an_internal_error(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], raising: str, last: str
) -> None:
    # A rule's `sys.exit(0)` is a crash too: it must not end the run with 0 (a passed CI gate).
    rules = tmp_path / "house"
    rules.mkdir()
    (rules / "boom.py").write_text(
        '"""Boom."""\nfrom newslint import Rule\n\n\nclass Boom(Rule):\n    code = "ZZ001"\n'
        f'    name = "boom"\n\n    def on_document_end(self, ctx, doc):\n        {raising}\n\n'
        f"    def collect(self):\n        return 1\n\n    @classmethod\n"
        f"    def project_end(cls, ctx, collected):\n        {raising}\n",
        encoding="utf-8",
    )
    code, out, _ = run(
        ["check", "clean.md", "--no-cache", "--rules-dir", "house", "--select", "ZZ001"], capsys
    )
    assert code == 2
    crash = "1:1: NL000 [internal-error] rule boom (plugin house/boom.py) crashed"
    assert out.splitlines() == [
        f"clean.md:{crash} on this file: {last}",
        # The project's, in no file (not `.`): no file's data reached the rule.
        f"NL000 [internal-error] rule boom (plugin house/boom.py) crashed in project_end: {last}",
    ]


# ----------------------------------------------------------------------------- rules and rule


def test_rules_table_shows_origin(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules"], capsys)
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split() == ["code", "name", "severity", "fix", "preset", "origin", "summary"]
    row = next(line for line in lines if line.startswith("FM004"))
    assert row.split()[:6] == ["FM004", "required-field", "error", "yes", "-", "builtin"]
    row = next(line for line in lines if line.startswith("NL001"))
    assert row.split()[:6] == ["NL001", "unused-suppression", "warning", "yes", "-", "engine"]


def test_rules_json(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["rules", "--output-format", "json"], capsys)
    row = next(r for r in json.loads(out) if r["code"] == "NL001")
    assert row == {
        "code": "NL001",
        "name": "unused-suppression",
        "severity": "warning",
        "fixable": True,
        "presets": [],
        "origin": "engine",
        "summary": "A suppression comment that silences nothing.",
    }


# A name in any case, as selectors take it (`--select Required-Field`).
@pytest.mark.parametrize("key", ["FM004", "fm004", "required-field", "Required-Field"])
def test_rule_prints_its_documentation(key: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rule", key], capsys)
    assert code == 0
    assert out == (
        "# required-field (FM004)\n\nSeverity: error. Fixable: yes. Origin: builtin.\n\n"
        + RequiredField.documentation()
        + "\n\n## Options\nThe defaults, as a configuration table (in pyproject.toml"
        " `[tool.newslint.rules.required-field]`; for one run"
        " `--config 'rules.required-field.fields = ...'`):\n\n"
        '    [rules.required-field]\n    # fields: not set\n    max-chars = 300\n    severity = "error"\n'
    )


def test_rule_documents_unused_suppression(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rule", "unused-suppression"], capsys)
    assert code == 0 and out.endswith(UnusedSuppression.documentation() + "\n")
    assert "## Fix safety" in out


def test_unknown_rule_has_a_did_you_mean(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["rule", "requird-field"], capsys)
    assert (code, err) == (
        2,
        "newslint: error: no rule 'requird-field' (did you mean 'required-field'?)\n",
    )


# ------------------------------------------------------------------------ README CI example


def _readme_commands() -> tuple[list[str], list[str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    workflow = readme.split("<!-- ci-example:start -->", 1)[1].split("<!-- ci-example:end -->")[0]
    steps = re.findall(r"^\s+run: (newslint .+)$", workflow, re.M)
    setup = re.findall(r"^(newslint check --write-baseline \S+)", readme, re.M)
    return setup, steps


def _argv(command: str) -> list[str]:
    return [os.path.expandvars(part) for part in shlex.split(command)][1:]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_readme_github_actions_example_runs(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    setup, steps = _readme_commands()
    assert len(setup) == 1 and len(steps) == 3
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    for args in (["init", "-q", "-b", "main"], ["add", "."], ["commit", "-q", "-m", "x"]):
        subprocess.run([*git, *args], cwd=site, check=True, capture_output=True)
    subprocess.run([*git, "update-ref", "refs/remotes/origin/main", "HEAD"], cwd=site, check=True)
    # the repository adopts newslint with a baseline ...
    assert main(_argv(setup[0])) == 0
    # ... then a pull request adds an article without a summary
    (site / "new.md").write_text(NO_SUMMARY, encoding="utf-8")
    capsys.readouterr()
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_BASE_REF", "main")
    annotation = (
        "::error file=new.md,line=1,col=1,endLine=1,endColumn=4,"
        "title=FM004 required-field::required field 'summary' is missing\n"
    )
    changed, baseline, sarif = steps
    assert (main(_argv(changed)), capsys.readouterr().out) == (1, annotation)
    assert (main(_argv(baseline)), capsys.readouterr().out) == (1, annotation)
    assert main(_argv(sarif)) == 1 and capsys.readouterr().out == ""
    log = json.loads((site / "newslint.sarif").read_text(encoding="utf-8"))
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    ]
    assert log["version"] == "2.1.0" and sorted(uris) == ["bad.md", "new.md"]


def test_readme_gitlab_example_writes_a_code_quality_report(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    job = readme.split("<!-- gitlab-example:start -->", 1)[1].split("<!-- gitlab-example:end -->")[
        0
    ]
    (command,) = re.findall(r"^\s+- (newslint .+)$", job, re.M)
    report_name = re.search(r"codequality: (\S+)", job)
    assert report_name is not None and report_name.group(1) in command
    (site / "new.md").write_text(NO_SUMMARY, encoding="utf-8")
    monkeypatch.setenv("CI_PROJECT_DIR", str(site.parent))
    assert main(_argv(command)) == 1 and capsys.readouterr().out == ""
    issues = json.loads((site / report_name.group(1)).read_text(encoding="utf-8"))
    assert sorted((i["location"]["path"], i["check_name"], i["severity"]) for i in issues) == [
        (f"{site.name}/bad.md", "FM004", "major"),
        (f"{site.name}/new.md", "FM004", "major"),
    ]


# ------------------------------------------------------------------------------ usage errors


@pytest.mark.parametrize("command", ["check", "fix"])
def test_negative_jobs_is_a_usage_error(
    site: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    code, out, err = run([command, "clean.md", "--jobs", "-1"], capsys)
    assert (code, out) == (2, "")
    assert err.endswith(
        f"newslint {command}: error: argument --jobs/-j: expected 0 (one per CPU) or more, not -1\n"
    )


@pytest.mark.parametrize("command", [["check", "clean.md"], ["rules"], ["rule", "FM004"]])
def test_rules_dir_that_is_no_directory_is_a_usage_error(
    site: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    code, out, err = run([*command, "--rules-dir", "nope"], capsys)
    assert (code, out, err) == (2, "", "newslint: error: --rules-dir nope: no such directory\n")


def test_force_exclude_skips_named_markdown_of_a_site_outside_its_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # pre-commit names every staged Markdown file: the repository's README and the archetypes
    # are no pages to Hugo, so the hooks (which pass --force-exclude) leave them alone.
    (tmp_path / "hugo.toml").write_text('title = "Site"\n', encoding="utf-8")
    (tmp_path / "README.md").write_text("# The site\n", encoding="utf-8")
    (tmp_path / "archetypes").mkdir()
    (tmp_path / "archetypes" / "default.md").write_text(
        "---\ntitle: {{ .Name }}\n---\n", encoding="utf-8"
    )
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "post.md").write_text("No front matter.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    named = ["README.md", "archetypes/default.md", "content/post.md"]
    args = [
        "check",
        "--no-cache",
        "--isolated",
        "--select",
        "FM001,FM002",
        "--output-format",
        "concise",
    ]
    code, out, _ = run([*args, "--force-exclude", *named], capsys)
    assert (code, out) == (
        1,
        "content/post.md:1:1: FM001 [front-matter-missing] file has no front matter\n",
    )
    code, out, _ = run([*args, *named], capsys)
    assert [line.split(":")[0] for line in out.splitlines()] == ["README.md", "content/post.md"]
    # A site that mounts content from elsewhere: which folders hold pages is not known, so a
    # named file is linted.
    mounted = tmp_path / "mounted"
    (mounted / "content").mkdir(parents=True)
    (mounted / "hugo.toml").write_text(
        '[[module.mounts]]\nsource = "posts"\ntarget = "content"\n', encoding="utf-8"
    )
    (mounted / "README.md").write_text("# The site\n", encoding="utf-8")
    code, out, _ = run([*args, "--force-exclude", "mounted/README.md"], capsys)
    assert (code, out.split(":")[0]) == (1, "mounted/README.md")
