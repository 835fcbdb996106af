"""Peer acceptance tests (team E): the pre-commit hooks, run by the real `pre-commit`.

Written from the README's pre-commit section and `.pre-commit-hooks.yaml` only. A temporary git
repository (the content repository) uses a snapshot of this working tree as its hook repository,
so the hooks run exactly as a user's `.pre-commit-config.yaml` would run them: pre-commit builds
the hooks' environment (a pip install of this project) once for the run, passes the staged
Markdown files, stashes what is not staged, and fails a hook that modified a file.

Marker `precommit` (needs git and the package index); skip with `-m "not precommit"`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.precommit_harness import content_repo, git, pre_commit, write_files

pytestmark = pytest.mark.precommit

SITE = 'timeZone = "Asia/Shanghai"\n'

# Passes every rule.
GOOD = (
    '---\ntitle: "Rain"\ndate: 2025-02-09T08:00:00+08:00\n'
    'summary: "Rain is expected on Sunday across the region."\n---\n\n'
    "Rain is expected on Sunday across the region.\n\n[Wire](https://wire.example.com/rain)\n"
)
# Only problems with safe fixes.
FIXABLE = (
    '---\ntitle: "Budget&#39;s pass"\ndate: "2025-02-08 09:55:35"\n'
    'summary: "The council approved the budget on Tuesday.It takes effect in March."\n---\n\n'
    "The council approved the budget on Tuesday.   \n\n\n\nIt takes effect in March.\n\n"
    "[Wire](https://wire.example.com/x?utm_source=a&b=1)\n"
)
FIXED = (
    '---\ntitle: "Budget\'s pass"\ndate: "2025-02-08T09:55:35+08:00"\n'
    'summary: "The council approved the budget on Tuesday. It takes effect in March."\n---\n\n'
    "The council approved the budget on Tuesday.\n\nIt takes effect in March.\n\n"
    "[Wire](https://wire.example.com/x?b=1)\n"
)
# An error that no fix repairs: no source link.
UNFIXABLE = (
    '---\ntitle: "Snow"\ndate: 2025-02-09T08:00:00+08:00\n'
    'summary: "Snow is expected on Sunday across the region."\n---\n\n'
    "Snow is expected on Sunday across the region.\n"
)


BOTH = [{"id": "newslint-fix"}, {"id": "newslint"}]


def test_commit_fails_on_a_fixed_file_and_succeeds_once_it_is_restaged(
    tmp_path: Path, hook_repo: tuple[Path, str], home: Path
) -> None:
    # The whole flow a user sees: `pre-commit install`, `git commit` (the fix hook repairs the
    # file and fails the commit), `git add`, `git commit` again.
    repo = content_repo(
        tmp_path / "repo",
        hook_repo,
        BOTH,
        {"hugo.toml": SITE, "content/news/budget.md": FIXABLE, "content/news/rain.md": GOOD},
    )
    assert pre_commit(repo, home, "install").returncode == 0
    git(repo, "add", "-A")
    first = git(repo, "commit", "-m", "articles", check=False, home=home)
    output = first.stdout + first.stderr
    assert first.returncode == 1, output
    assert "files were modified by this hook" in output
    assert (repo / "content/news/budget.md").read_text(encoding="utf-8") == FIXED
    assert (repo / "content/news/rain.md").read_text(encoding="utf-8") == GOOD
    assert git(repo, "rev-list", "--all").stdout == ""  # nothing committed
    # The fix is in the working tree, not in the index: the user reviews and stages it.
    assert git(repo, "diff", "--name-only").stdout.split() == ["content/news/budget.md"]

    git(repo, "add", "-A")
    second = git(repo, "commit", "-m", "articles", check=False, home=home)
    assert second.returncode == 0, second.stdout + second.stderr
    committed = git(repo, "show", "HEAD:content/news/budget.md").stdout
    assert committed == FIXED


def test_check_hook_sees_only_the_staged_files_and_their_staged_content(
    tmp_path: Path, hook_repo: tuple[Path, str], home: Path
) -> None:
    repo = content_repo(
        tmp_path / "repo",
        hook_repo,
        BOTH,
        {"hugo.toml": SITE, "content/news/committed.md": UNFIXABLE},
    )
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--no-verify", "-m", "old article with an old error")
    # Staged: an article without a source link. Unstaged on top of it: the link that repairs it.
    # Untracked: a broken article nobody staged.
    staged = repo / "content/news/staged.md"
    write_files(repo, {"content/news/staged.md": UNFIXABLE.replace("Snow", "Hail")})
    git(repo, "add", "content/news/staged.md")
    with_link = UNFIXABLE.replace("Snow", "Hail") + "\n[Wire](https://wire.example.com/hail)\n"
    write_files(repo, {"content/news/staged.md": with_link, "content/news/untracked.md": FIXABLE})

    done = pre_commit(repo, home, "run")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "content/news/staged.md:7:1: LK001 [source-link-missing]" in done.stdout
    assert "committed.md" not in done.stdout
    assert "untracked.md" not in done.stdout
    # The fixing hook did not touch the untracked file, and pre-commit put the unstaged
    # change back.
    assert (repo / "content/news/untracked.md").read_text(encoding="utf-8") == FIXABLE
    assert staged.read_text(encoding="utf-8") == with_link


def test_unfixable_error_fails_the_commit_without_touching_the_file(
    tmp_path: Path, hook_repo: tuple[Path, str], home: Path
) -> None:
    # An error no fix repairs fails the run; nothing is modified, so pre-commit does not say so.
    repo = content_repo(
        tmp_path / "repo",
        hook_repo,
        BOTH,
        {"hugo.toml": SITE, "content/news/snow.md": UNFIXABLE, "content/news/rain.md": GOOD},
    )
    git(repo, "add", "-A")
    done = pre_commit(repo, home, "run")
    assert done.returncode == 1
    assert (repo / "content/news/snow.md").read_text(encoding="utf-8") == UNFIXABLE
    assert "files were modified by this hook" not in done.stdout
    # `newslint fix` exits 1 while an error remains, so the fixing hook reports it too (as
    # `ruff check --fix` does); the check hook is the one the README assigns it to.
    check_output = done.stdout.split("newslint" + "." * 10)[-1]
    assert (
        "content/news/snow.md:7:1: LK001 [source-link-missing] no source link: the last line is "
        "no [name](url) link and there is no 'source' field with a URL"
    ) in done.stdout
    assert "rain.md" not in check_output.replace("of 2 files", "")


def test_cross_file_rules_compare_with_the_whole_site_only_with_project(
    tmp_path: Path, hook_repo: tuple[Path, str], home: Path
) -> None:
    older = GOOD
    newer = GOOD.replace("2025-02-09T08:00", "2025-02-10T08:00").replace(
        "Rain is expected on Sunday", "Rain is forecast for Sunday"
    )
    args = ["--select", "XF001,XF002", "--fail-on", "info"]
    for project in (False, True):
        hooks: list[dict[str, object]] = [
            {"id": "newslint", "args": [*args, "--project"] if project else args}
        ]
        repo = content_repo(
            tmp_path / f"repo-{project}",
            hook_repo,
            hooks,
            {"hugo.toml": SITE, "content/news/older.md": older},
        )
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "--no-verify", "-m", "older article")
        write_files(repo, {"content/news/newer.md": newer})
        git(repo, "add", "-A")
        done = pre_commit(repo, home, "run")
        if not project:
            # Only the staged file is linted: it has nothing to be compared with.
            assert done.returncode == 0, done.stdout + done.stderr
            continue
        assert done.returncode == 1, done.stdout + done.stderr
        reported = sorted(line for line in done.stdout.splitlines() if " XF00" in line)
        assert reported == [
            "content/news/newer.md:2:8: XF002 [duplicate-title] title 'Rain' is also used by "
            "content/news/older.md",
            "content/news/newer.md:9:8: XF001 [duplicate-source] source "
            "https://wire.example.com/rain is also cited by content/news/older.md",
        ]


def test_file_names_with_spaces_and_unicode(
    tmp_path: Path, hook_repo: tuple[Path, str], home: Path
) -> None:
    names = [
        "content/news/budget vote.md",
        "content/news/北京 café.md",
        'content/news/it\'s "quoted".md',
        "content/news/-dash.md",
    ]
    repo = content_repo(
        tmp_path / "repo",
        hook_repo,
        BOTH,
        {
            "hugo.toml": SITE,
            **{name: FIXABLE.replace("Budget", f"Budget {n}") for n, name in enumerate(names)},
            "content/news/snow flurries.md": UNFIXABLE,
        },
    )
    git(repo, "add", "-A")
    done = pre_commit(repo, home, "run")
    assert done.returncode == 1
    for n, name in enumerate(names):
        assert (repo / name).read_text(encoding="utf-8") == FIXED.replace("Budget", f"Budget {n}")
    assert "content/news/snow flurries.md:7:1: LK001 [source-link-missing]" in done.stdout
    git(repo, "add", "-A")
    again = pre_commit(repo, home, "run", "--hook-stage", "pre-commit")
    assert again.returncode == 1  # the unfixable error remains
    assert "files were modified by this hook" not in again.stdout


def test_markdown_outside_the_content_and_excluded_files_are_left_alone(
    tmp_path: Path, hook_repo: tuple[Path, str], home: Path
) -> None:
    files: dict[str, str | bytes] = {
        # Content Hugo never builds is skipped too: ignoreFiles and a disabled language.
        "site/hugo.toml": SITE
        + 'ignoreFiles = ["\\\\.draft\\\\.md$"]\ndisableLanguages = ["fr"]\n'
        + '[languages.en]\ncontentDir = "content"\n[languages.fr]\ncontentDir = "content-fr"\n',
        "site/content/news/x.draft.md": FIXABLE,
        "site/content-fr/news/y.md": FIXABLE,
        "site/content/news/budget.md": FIXABLE,
        "site/archetypes/default.md": FIXABLE,
        "site/README.md": FIXABLE,
        "newslint.toml": 'exclude = ["site/content/drafts/**"]\n',
        "site/content/drafts/wip.md": FIXABLE,
    }
    repo = content_repo(tmp_path / "repo", hook_repo, BOTH, files)
    git(repo, "add", "-A")
    done = pre_commit(repo, home, "run", "--all-files")
    assert done.returncode == 1  # the fixing hook changed budget.md
    assert (repo / "site/content/news/budget.md").read_text(encoding="utf-8") == FIXED
    for name in (
        "site/content/news/x.draft.md",
        "site/content-fr/news/y.md",
        "site/archetypes/default.md",
        "site/README.md",
        "site/content/drafts/wip.md",
    ):
        assert (repo / name).read_bytes() == (
            files[name].encode() if isinstance(files[name], str) else files[name]
        ), name
    git(repo, "add", "-A")
    again = pre_commit(repo, home, "run", "--all-files")
    assert again.returncode == 0, again.stdout + again.stderr


def test_fix_hook_keeps_crlf_and_bytes_it_does_not_fix(
    tmp_path: Path, hook_repo: tuple[Path, str], home: Path
) -> None:
    # A repository that keeps CR LF articles ignores line-endings; the hook's fixes keep them.
    before = (
        b'---\r\ntitle: "Budget&#39;s pass"\r\ndate: 2025-02-08T09:55:35+08:00\r\n'
        b'summary: "The council approved the budget on Tuesday."\r\n---\r\n\r\n'
        b"The council approved the budget on Tuesday.\r\n\r\n[Wire](https://wire.example.com/x)"
    )
    repo = content_repo(
        tmp_path / "repo",
        hook_repo,
        [{"id": "newslint-fix", "args": ["--ignore", "EN007"]}],
        {"hugo.toml": SITE, "content/news/a.md": before, ".gitattributes": "*.md -text\n"},
    )
    git(repo, "add", "-A")
    done = pre_commit(repo, home, "run")
    assert done.returncode == 1
    assert (repo / "content/news/a.md").read_bytes() == before.replace(b"&#39;", b"'")
