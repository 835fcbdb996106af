"""The pre-commit hooks, run by the real `pre-commit` against a temporary content repository
(`tests/precommit_harness.py`: the hook repository is a snapshot of this working tree, and the
hooks' environment, a pip install of this project which needs the package index, is built once
per run). Skip offline with `-m "not precommit"`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.precommit_harness import ROOT, content_repo, git, pre_commit, write_files

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
SITE = 'timeZone = "Asia/Shanghai"\n'
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
        assert (hook["files"], hook["types"]) == (r"(?i)\.(md|markdown|mdown)$", ["file"])
        assert hook["require_serial"] is True
        assert "stages" not in hook or hook["id"] == "newslint-links"


# File names: the pages hugo 0.168 makes of them (checked with the binary: `.mdown` and `.MD` are
# pages, `.mkdn` is copied as a file) are what newslint discovers and what the hooks pass.
NAMES = ["a.md", "b.MD", "c.markdown", "d.Markdown", "e.mdown", "f.MDOWN", "g.mkdn", "h.txt"]
NAMES += ["i.md.bak", "j.mkd", "README"]


def test_the_hooks_pass_every_file_newslint_lints(tmp_path: Path) -> None:
    from pre_commit.commands.run import Classifier
    from pre_commit.hook import Hook

    from newslint.discover import MARKDOWN_SUFFIXES

    for name in NAMES:
        (tmp_path / name).write_text("---\ntitle: x\n---\n", encoding="utf-8")
    (tmp_path / "k.md").symlink_to(tmp_path / "a.md")  # not a file: Hugo makes no page of it
    linted = [name for name in NAMES if name.lower().endswith(MARKDOWN_SUFFIXES)]
    assert linted == ["a.md", "b.MD", "c.markdown", "d.Markdown", "e.mdown", "f.MDOWN"]
    defaults = {
        "files": "",
        "exclude": "^$",
        "types": ["file"],
        "types_or": [],
        "exclude_types": [],
    }
    for found in yaml.safe_load(HOOKS.read_text(encoding="utf-8")):
        fields = {name: None for name in Hook._fields} | defaults | found
        hook = Hook(**{name: fields[name] for name in Hook._fields})
        paths = [str(tmp_path / name) for name in [*NAMES, "k.md"]]
        passed = list(Classifier(paths).filenames_for_hook(hook))
        assert [Path(path).name for path in passed] == linted, hook.id


def dated(day: int, title: str, source: str) -> str:
    """An article that passes every rule but the cross-file ones."""
    return (
        f'---\ntitle: "{title}"\ndate: 2025-02-{day:02d}T08:00:00+08:00\n'
        'summary: "Rain is expected on Sunday across the region."\n---\n\n'
        f"Rain is expected on Sunday across the region.\n\n[Wire](https://wire.example.com/{source})\n"
    )


@pytest.mark.precommit
def test_project_finds_duplicates_across_the_batches_pre_commit_splits_the_files_into(
    tmp_path: Path, hook_repo: tuple[Path, str], home: Path
) -> None:
    """pre-commit runs a hook once per batch of file names that fits its command-line limit
    (128 KiB on Linux), one batch after another even with require_serial: 600 names of 230
    characters make two batches. With --project each batch compares its files with the whole
    site, so a duplicate whose original lies in the other batch is still found."""
    pad = "x" * 200
    names = [f"content/news/{n:03d}-{pad}.md" for n in range(600)]
    files = {"hugo.toml": SITE}
    files.update({name: dated(1 + n % 20, f"Story {n}", f"s/{n}") for n, name in enumerate(names)})
    # The last file (second batch) repeats the first one's title (first batch), dated later.
    files[names[-1]] = dated(25, "Story 0", "s/last")
    hooks: list[dict[str, object]] = [
        {"id": "newslint", "args": ["--select", "XF001,XF002", "--fail-on", "info", "--project"]}
    ]
    repo = content_repo(tmp_path / "batches", hook_repo, hooks, files)
    git(repo, "add", "-A")
    done = pre_commit(repo, home, "run", "--verbose")
    assert done.returncode == 1, done.stdout + done.stderr
    reported = [line for line in done.stdout.splitlines() if " XF00" in line]
    # Once from each batch: the second was given the duplicate; the first was given its original,
    # and a --project run also reports a duplicate of a given file (a staged article dated before
    # an existing one makes that one the duplicate). pre-commit tells no batch the others' files.
    line = f"{names[-1]}:2:8: XF002 [duplicate-title] title 'Story 0' is also used by {names[0]}"
    assert reported == [line, line]


@pytest.mark.precommit
def test_commit_from_a_subfolder_with_a_staged_deletion_and_project(
    tmp_path: Path, hook_repo: tuple[Path, str], home: Path
) -> None:
    """`git commit` in a folder of the site: pre-commit runs the hook from the repository's root
    with the staged names (a deleted one left out). The deleted article's duplicate is gone with
    it; a new one's, against a committed article, is found with --project."""
    news = "site/content/news"
    hooks: list[dict[str, object]] = [
        {"id": "newslint", "args": ["--select", "XF001,XF002", "--fail-on", "info", "--project"]}
    ]
    files = {
        "site/hugo.toml": SITE,
        f"{news}/old one.md": dated(9, "Rain", "rain"),
        f"{news}/keep.md": dated(9, "Snow", "snow"),
    }
    repo = content_repo(tmp_path / "repo", hook_repo, hooks, files)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--no-verify", "-m", "two articles")
    assert pre_commit(repo, home, "install").returncode == 0
    git(repo, "rm", "-q", f"{news}/old one.md")
    write_files(
        repo,
        {
            f"{news}/北京 new.md": dated(10, "Rain", "rain"),
            f"{news}/café d.md": dated(11, "Snow", "s"),
        },
    )
    git(repo, "add", "-A")
    done = git(repo / news, "commit", "-m", "news", check=False, home=home)
    assert done.returncode == 1, done.stdout + done.stderr
    reported = [line for line in (done.stdout + done.stderr).splitlines() if " XF00" in line]
    assert reported == [
        f"{news}/café d.md:2:8: XF002 [duplicate-title] title 'Snow' is also used by {news}/keep.md"
    ]
