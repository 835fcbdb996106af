"""duplicate-url (XF003) in real runs: across workers, from the cache, under `--project` (a
pre-commit hook's few files) and in `newslint watch`, where the cross-file picture stays
current."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.config import Config
from newslint.engine import build_ruleset
from newslint.watch import Session
from rules.duplicate_url import DuplicateUrl

ADDED, MODIFIED, DELETED = 1, 2, 3  # watchfiles.Change values
NEWS = "content/news"


def article(title: str, date: str, extra: str = "") -> str:
    return f'---\ntitle: "{title}"\ndate: {date}\n{extra}---\n\nThe budget passed on Tuesday.\n'


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\n', encoding="utf-8")
    news = tmp_path / NEWS
    news.mkdir(parents=True)
    (news / "_index.md").write_text('---\ntitle: "News"\n---\n', encoding="utf-8")
    (tmp_path / "content" / "_index.md").write_text('---\ntitle: "Home"\n---\n', encoding="utf-8")
    for number in range(6):
        (news / f"story-{number}.md").write_text(
            article(f"Story {number}", f"2024-01-0{number + 1}"), encoding="utf-8"
        )
    (news / "budget.md").write_text(article("Budget", "2024-02-01"), encoding="utf-8")
    (news / "vote.md").write_text(article("Vote", "2024-02-02", "slug: budget\n"), encoding="utf-8")
    return tmp_path


REPORT = (f"{NEWS}/vote.md", 4, 7, f"URL /news/budget/ is also the URL of {NEWS}/budget.md")


def check(capsys: pytest.CaptureFixture[str], *args: str) -> list[tuple[object, ...]]:
    main(["check", "--output-format", "json", "--select", "XF003", *args])
    out = capsys.readouterr()
    return [(d["path"], d["line"], d["column"], d["message"]) for d in json.loads(out.out)]


def test_workers_report_what_one_process_reports(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert check(capsys, "--no-cache", "-j", "1", "content") == [REPORT]
    assert check(capsys, "--no-cache", "-j", "2", "content") == [REPORT]


def test_cached_files_still_contribute(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check(capsys, "content") == [REPORT]
    assert check(capsys, "content") == [REPORT]  # every file from the cache
    late = site / NEWS / "late.md"
    late.write_text(article("Late", "2024-03-01", "url: /news/story-1/\n"), encoding="utf-8")
    assert check(capsys, "content") == [
        (f"{NEWS}/late.md", 4, 6, f"URL /news/story-1/ is also the URL of {NEWS}/story-1.md"),
        REPORT,
    ]


def test_project_compares_the_given_files_with_the_site(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    given = f"{NEWS}/vote.md"
    assert check(capsys, "--no-cache", given) == []
    assert check(capsys, "--no-cache", "--project", given) == [REPORT]
    # The original given: the existing page dated after it is reported, naming it.
    assert check(capsys, "--no-cache", "--project", f"{NEWS}/budget.md") == [REPORT]
    assert check(capsys, "--no-cache", "--project", f"{NEWS}/story-2.md") == []


def test_watch_keeps_the_picture_current(site: Path) -> None:
    out = io.StringIO()
    ruleset = build_ruleset(Config(select=["XF003"]), rule_classes=[DuplicateUrl])
    watcher = Session(ruleset, [Path("content")], out, fmt="concise", use_cache=False)
    found = watcher.start([p.relative_to(site) for p in (site / "content").rglob("*.md")])
    assert [(d.path, d.line) for d in found] == [(f"{NEWS}/vote.md", 4)]
    vote = site / NEWS / "vote.md"
    vote.write_text(article("Vote", "2024-02-02", "slug: budget-vote\n"), encoding="utf-8")
    assert watcher.update([(MODIFIED, str(vote))]) == []
    new = site / NEWS / "new.md"
    new.write_text(article("New", "2024-03-01", "aliases: [/news/vote/]\n"), encoding="utf-8")
    # `vote.md` now lives at /news/budget-vote/: the alias is free; then it is not.
    assert watcher.update([(ADDED, str(new))]) == []
    vote.write_text(article("Vote", "2024-02-02"), encoding="utf-8")
    found = watcher.update([(MODIFIED, str(vote))])
    assert [(d.path, d.line, d.message) for d in found] == [
        (f"{NEWS}/new.md", 4, f"alias /news/vote/ is also the URL of {NEWS}/vote.md")
    ]
    new.unlink()
    assert watcher.update([(DELETED, str(new))]) == []
    assert not any(watcher.project.values())
