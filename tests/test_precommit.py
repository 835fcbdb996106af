"""The pre-commit hooks, run by the real `pre-commit` against a temporary content repository
(`tests/precommit_harness.py`: the hook repository is a snapshot of this working tree, and the
hooks' environment, a pip install of this project which needs the package index, is built once
per run). Skip offline with `-m "not precommit"`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.precommit_harness import ROOT, content_repo, git, pre_commit

HOOKS = ROOT / ".pre-commit-hooks.yaml"
RULES_DIR = ROOT / "tests" / "fix_rules"
BAD = (
    '---\ntitle: "Budget passes"\ndate: 2025-02-08T09:55:35+08:00\n---\n\n'
    "The council approved the budget on Tuesday. It takes effect in March.\n"
)
FIXED = (
    '---\ntitle: "Budget passes"\ndate: 2025-02-08T09:55:35+08:00\n'
    'summary: "The council approved the budget on Tuesday. It takes effect in March."\n---\n\n'
    "The council approved the budget on Tuesday. It takes effect in March.\n"
)
GOOD = (
    '---\ntitle: "Rain"\ndate: 2025-02-09T08:00:00+08:00\nsummary: "Rain is expected."\n---\n\n'
    "Rain is expected on Sunday.\n"
)


@pytest.mark.precommit
def test_check_fails_fix_repairs_second_run_is_green(
    tmp_path: Path, hook_repo: tuple[Path, str], home: Path
) -> None:
    # The site is in a subfolder: its hugo.toml is found from each file's path, not the cwd.
    # FM004's summary fix is unsafe, so the fixing hook opts in; --select keeps the test about
    # the hooks, whatever other rules the checkout has.
    hooks: list[dict[str, object]] = [
        {"id": "newslint-fix", "args": ["--unsafe-fixes", "--select", "FM004"]},
        {"id": "newslint", "args": ["--select", "FM004"]},
    ]
    repo = content_repo(
        tmp_path / "content-repo",
        hook_repo,
        hooks,
        {
            "site/hugo.toml": 'timeZone = "Asia/Shanghai"\n',
            "site/content/news/bad.md": BAD,
            "site/content/news/good.md": GOOD,
            "README.txt": "not markdown: no hook sees it\n",
            # pre-commit names the excluded draft too: the hooks leave it alone
            "newslint.toml": 'exclude = ["site/content/drafts/**"]\n',
            "site/content/drafts/wip.md": BAD,
        },
    )
    git(repo, "add", "-A")
    check = pre_commit(repo, home, "run", "newslint", "--all-files")
    assert check.returncode == 1, check.stdout + check.stderr
    assert "site/content/news/bad.md:1:1: FM004 [required-field]" in check.stdout
    assert "required field 'summary' is missing" in check.stdout
    assert "good.md" not in check.stdout.replace("of 2 files", "")

    fixing = pre_commit(repo, home, "run", "newslint-fix", "--all-files")
    assert fixing.returncode == 1, fixing.stdout + fixing.stderr
    assert "files were modified by this hook" in fixing.stdout
    assert "Applied 1 fix in 1 of 2 files; no problems remain." in fixing.stdout
    assert (repo / "site/content/news/bad.md").read_text(encoding="utf-8") == FIXED
    assert (repo / "site/content/news/good.md").read_text(encoding="utf-8") == GOOD
    assert (repo / "site/content/drafts/wip.md").read_text(encoding="utf-8") == BAD
    assert "wip.md" not in check.stdout + fixing.stdout

    git(repo, "add", "-A")
    again = pre_commit(repo, home, "run", "--all-files")
    assert again.returncode == 0, again.stdout + again.stderr
    assert again.stdout.count("Passed") == 2


@pytest.mark.precommit
def test_batches_across_sites_and_links_hook_stage(
    tmp_path: Path, hook_repo: tuple[Path, str], home: Path
) -> None:
    # Parallel batches (require_serial overridden) of files from two sites, run from the root:
    # each file's fix uses its own site's time zone. The links hook is not a commit-stage hook.
    hooks: list[dict[str, object]] = [
        {
            "id": "newslint-fix",
            "args": ["--isolated", "--rules-dir", str(RULES_DIR), "--select", "ZZ011"],
            "require_serial": False,
        },
        {"id": "newslint-links"},
    ]
    files = {}
    for site, zone in (("east", "Asia/Shanghai"), ("west", "America/New_York")):
        files[f"{site}/hugo.toml"] = f'timeZone = "{zone}"\n'
        for n in range(6):
            files[f"{site}/content/a{n}.md"] = '---\nzone: "UTC"\n---\nx\n'
    repo = content_repo(tmp_path / "two-sites", hook_repo, hooks, files)
    git(repo, "add", "-A")
    done = pre_commit(repo, home, "run", "--all-files")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "newslint (links)" not in done.stdout
    for site, zone in (("east", "Asia/Shanghai"), ("west", "America/New_York")):
        for n in range(6):
            text = (repo / f"{site}/content/a{n}.md").read_text(encoding="utf-8")
            assert text == f'---\nzone: "{zone}"\n---\nx\n'


def test_hooks_file_declares_the_three_hooks() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}
    assert list(hooks) == ["newslint", "newslint-fix", "newslint-links"]
    assert hooks["newslint"]["entry"] == "newslint check --force-exclude"
    assert hooks["newslint-fix"]["entry"] == "newslint fix --force-exclude"
    assert hooks["newslint-links"]["entry"] == (
        "newslint check --force-exclude --check-links --select LK006,LK007"
    )
    assert hooks["newslint-links"]["stages"] == ["pre-push", "manual"]
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["types_or"] == ["markdown"]
        assert hook["require_serial"] is True
        assert "stages" not in hook or hook["id"] == "newslint-links"
