from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any

import pytest

from newslint import runner
from newslint.cli import main
from newslint.config import Config
from newslint.engine import RuleSet, build_ruleset
from newslint.events import Collected
from newslint.rule import ProjectContext, Rule
from rules.duplicate_source import DuplicateSource
from rules.duplicate_title import DuplicateTitle
from rules.required_field import RequiredField
from tests.sitegen import article, make_site


class WorkerPid(Rule):
    """Collects the id of the process that linted the file."""

    code = "ZZ901"
    name = "worker-pid"

    def collect(self) -> Any:
        return os.getpid()


class Crashes(Rule):
    """Fails in project_end."""

    code = "ZZ902"
    name = "crashes"

    def collect(self) -> Any:
        return 1

    @classmethod
    def project_end(cls, ctx: ProjectContext, collected: list[Collected]) -> None:
        raise RuntimeError("boom")


def ruleset(*extra: type[Rule]) -> RuleSet:
    rules = [RequiredField, DuplicateSource, DuplicateTitle, *extra]
    return build_ruleset(Config(presets=["hugo", "news"]), rule_classes=rules)


def shape(results: list[Any]) -> list[Any]:
    return [(r.path, [d.to_json() for d in r.diagnostics]) for r in results]


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    return [p.relative_to(tmp_path) for p in make_site(tmp_path)]


def test_workers_give_the_sequential_results_in_order(
    site: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "PARALLEL_MIN", 0)
    rules = ruleset(WorkerPid)
    arrived: list[int] = []
    parallel = runner.lint_files(
        site, rules, jobs=2, use_cache=False, on_result=lambda i, _: arrived.append(i)
    )
    sequential = runner.lint_files(site, rules, jobs=1, use_cache=False)
    assert shape(parallel) == shape(sequential)
    assert [r.path for r in parallel] == [p.as_posix() for p in site]
    assert sorted(arrived) == list(range(len(site)))
    pids = {r.collected["worker-pid"].data for r in parallel}
    assert os.getpid() not in pids  # linted in worker processes
    assert {r.collected["worker-pid"].data for r in sequential} == {os.getpid()}
    # Every third article has an empty summary; results carry their fixes across processes.
    summaries = [d for r in parallel for d in r.diagnostics if d.code == "FM004"]
    assert [d.path for d in summaries] == [p.as_posix() for p in site[::3]]


@pytest.mark.parametrize(
    ("count", "jobs"), [(1, 2), (40, 2), (150, 2), (1000, 2), (10_000, 2), (10_000, 8)]
)
def test_chunks_cover_the_files_in_order_and_shrink_as_they_run_out(count: int, jobs: int) -> None:
    chunks = list(runner._chunks(count, jobs))
    assert [start for start, _ in chunks] == [0, *(end for _, end in chunks[:-1])]
    assert chunks[-1][1] == count
    sizes = [end - start for start, end in chunks]
    assert max(sizes) <= 128
    assert sizes == sorted(sizes, reverse=True)
    # The workers take chunks from one queue: the last few are small, so no worker is left
    # linting a big one alone while the others have nothing to do.
    assert all(size <= 8 for size in sizes[-jobs * 2 :])


def test_cross_file_rules_see_every_worker_s_files(
    site: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "PARALLEL_MIN", 0)
    site[11].write_text(article(11, title="Story number 0"), encoding="utf-8")
    rules = ruleset()
    results = runner.lint_files(site, rules, jobs=2, use_cache=False)
    found = [(d.path, d.code, d.line, d.column) for d in runner.project_end(results, rules)]
    assert found == [("content/en/news/0011.en.md", "XF002", 2, 8)]


def test_file_results_pickle_with_fixes(site: list[Path]) -> None:
    result = runner.lint_files(site[:1], ruleset(), use_cache=False)[0]
    assert result.diagnostics[0].fix is not None
    copy = pickle.loads(pickle.dumps(result))
    assert shape([copy]) == shape([result])
    assert copy.collected["duplicate-source"].data == result.collected["duplicate-source"].data


def test_second_run_is_answered_by_the_cache_without_parsing(
    site: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    site[11].write_text(article(11, source="https://news.example.com/story/0"), encoding="utf-8")
    rules = ruleset()
    first = runner.lint_files(site, rules)
    assert first.cache_hits == 0
    assert (Path(".newslint_cache") / ".gitignore").read_text().strip().endswith("*")

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("a cached file was parsed")

    monkeypatch.setattr("newslint.document.Document.from_bytes", no_parsing)
    second = runner.lint_files(site, rules)
    assert second.cache_hits == len(site)
    assert shape(second) == shape(first)
    assert [r.diagnostics for r in second] == [r.diagnostics for r in first]
    assert [r.collected for r in second] == [r.collected for r in first]
    # Cached files still bring their collected data to the cross-file rules.
    found = [(d.path, d.code) for d in runner.project_end(second, rules)]
    assert found == [("content/en/news/0011.en.md", "XF001")]


def test_a_changed_file_is_linted_again(site: list[Path]) -> None:
    rules = ruleset()
    runner.lint_files(site, rules)
    site[1].write_text(article(1).replace("Summary of story 1.", ""), encoding="utf-8")
    again = runner.lint_files(site, rules)
    assert again.cache_hits == len(site) - 1
    assert [d.code for d in again[1].diagnostics] == ["FM004"]


def test_no_cache_reads_and_writes_nothing(site: list[Path]) -> None:
    results = runner.lint_files(site, ruleset(), use_cache=False)
    assert results.cache_hits == 0
    assert not Path(".newslint_cache").exists()


def test_project_compares_given_files_with_the_whole_site(site: list[Path]) -> None:
    site[5].write_text(article(5, title="Story number 0"), encoding="utf-8")
    rules = ruleset()
    alone = runner.lint_files([site[5]], rules)
    assert runner.project_end(alone, rules) == []
    project = runner.lint_files([site[5]], rules, project=True)
    assert [r.path for r in project] == ["content/en/news/0005.en.md"]
    assert len(project.context) == len(site) - 1
    found = [(d.path, d.code, d.message) for d in runner.project_end(project, rules)]
    assert found == [
        (
            "content/en/news/0005.en.md",
            "XF002",
            "title 'Story number 0' is also used by content/en/news/0000.en.md",
        )
    ]
    # The original given: its later duplicate is reported (as a whole run reports it), but not
    # the other files' per-file problems.
    original = runner.lint_files([site[0]], rules, project=True)
    assert [(d.path, d.code) for d in runner.project_end(original, rules)] == [
        ("content/en/news/0005.en.md", "XF002")
    ]
    assert [d.code for r in original for d in r.diagnostics] == ["FM004"]


def test_project_end_crash_is_an_internal_error(site: list[Path]) -> None:
    rules = ruleset(Crashes)
    results = runner.lint_files(site[:2], rules, use_cache=False)
    found = [(d.rule, d.severity.label, d.message) for d in runner.project_end(results, rules)]
    assert found == [
        ("internal-error", "error", "rule crashes crashed in project_end: RuntimeError: boom")
    ]


def test_cli_project_flag(site: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    site[5].write_text(article(5, title="Story number 0"), encoding="utf-8")
    args = ["check", "--select", "XF002", "--output-format", "concise", str(site[5])]
    assert main(args) == 0
    assert capsys.readouterr().out == ""
    assert main([*args, "--project"]) == 0  # XF002 is info: below the default fail-on
    assert capsys.readouterr().out == (
        "content/en/news/0005.en.md:2:8: XF002 [duplicate-title] "
        "title 'Story number 0' is also used by content/en/news/0000.en.md\n"
    )


def test_default_jobs_is_at_least_one() -> None:
    assert runner.default_jobs() >= 1


MAIN_PID = os.getpid()


class DiesInWorker(Rule):
    """Kills its worker process on one file (a native crash, as far as the pool can tell)."""

    code = "ZZ905"
    name = "dies-in-worker"

    def on_document_start(self, ctx: Any, document: Any) -> None:
        if document.path.endswith("0005.en.md") and os.getpid() != MAIN_PID:
            os._exit(3)


class DiesOnTwo(Rule):
    """Kills its worker on a file far into the run."""

    code = "ZZ906"
    name = "dies-on-two"

    def on_document_start(self, ctx: Any, document: Any) -> None:
        if document.path.endswith("0200.en.md") and os.getpid() != MAIN_PID:
            os._exit(3)


def test_a_dying_worker_is_an_internal_error_not_a_hang(
    site: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "PARALLEL_MIN", 0)
    results = runner.lint_files(site, ruleset(DiesInWorker), jobs=2, use_cache=False)
    assert [r.path for r in results] == [p.as_posix() for p in site]
    died = [r.path for r in results if any(d.rule == "internal-error" for d in r.diagnostics)]
    assert died == ["content/en/news/0005.en.md"]
    message = results[5].diagnostics[0].message
    assert message == "a worker process died while linting this file (a crash in a parser?)"
    # The other files are linted as without the dying rule (FM004 on every third article).
    assert [[d.code for d in r.diagnostics] for r in results] == [
        ["NL000"] if n == 5 else ["FM004"] if n % 3 == 0 else [] for n in range(len(site))
    ]


class DiesAlways(Rule):
    """Kills every worker it runs in (a native library that does not survive fork)."""

    code = "ZZ907"
    name = "dies-always"

    def on_document_start(self, ctx: Any, document: Any) -> None:
        if os.getpid() != MAIN_PID:
            os._exit(3)


def test_workers_that_keep_dying_end_the_pools_after_a_few(
    site: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not a new pool for every file: after `MAX_BROKEN_POOLS` the files left are reported."""
    monkeypatch.setattr(runner, "PARALLEL_MIN", 0)
    results = runner.lint_files(site, ruleset(DiesAlways), jobs=2, use_cache=False)
    died = "a worker process died while linting this file (a crash in a parser?)"
    left = "not linted: worker processes died 8 times in this run (a crash in a parser?)"
    # The first pool dies with both chunks of 8 in flight; then one file at a time, seven pools.
    assert [[d.message for d in r.diagnostics] for r in results] == [[died]] * 7 + [[left]] * 5


def test_only_the_files_that_kill_a_worker_are_reported_in_a_long_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker that died took with it every file not linted yet: 70 of 250 articles were
    reported as crashed for one that was, and their own problems were never looked at. The
    chunks in flight are linted again one file at a time, the chunks not sent in a new pool."""
    monkeypatch.chdir(tmp_path)
    paths = make_site(tmp_path, 300)
    try:
        files = [p.relative_to(tmp_path) for p in paths]
        results = runner.lint_files(
            files, ruleset(DiesInWorker, DiesOnTwo), jobs=2, use_cache=False
        )
        died = [r.path for r in results if any(d.rule == "internal-error" for d in r.diagnostics)]
        assert died == ["content/en/news/0005.en.md", "content/en/news/0200.en.md"]
        assert [r.path for r in results] == [p.as_posix() for p in files]
        assert sum(1 for r in results for d in r.diagnostics if d.code == "FM004") == 100
    finally:
        for path in paths:
            path.unlink()


def _dated(title: str, day: str, source: str, extra: str = "") -> str:
    return (
        f'---\ntitle: "{title}"\ndate: {day}T09:00:00Z\nsummary: "A summary long enough."\n'
        f"{extra}---\n\nThe body.\n\n[Wire]({source})\n"
    )


def test_project_reports_the_later_article_when_a_staged_one_is_dated_earlier(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A staged article dated before an existing one it duplicates is the original (the rule docs:
    # the earliest is the original, each later one is reported, naming it): the report lands on
    # the existing article, as a run over the whole site puts it, though the hook did not pass it.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hugo.toml").write_text('title = "Site"\n', encoding="utf-8")
    news = tmp_path / "content" / "news"
    news.mkdir(parents=True)
    wire = "https://wire.example/budget"
    (news / "old.md").write_text(_dated("Budget passes", "2025-03-01", wire), "utf-8")
    (news / "new.md").write_text(_dated("Budget passes", "2025-01-01", wire + "/"), "utf-8")
    # A duplicate among the existing articles alone is not the staged file's business.
    (news / "a.md").write_text(_dated("Vote", "2025-02-01", "https://b.example/v"), "utf-8")
    (news / "b.md").write_text(_dated("Vote", "2025-02-02", "https://b.example/v"), "utf-8")
    args = ["check", "--no-cache", "--isolated", "--select", "XF", "--output-format", "concise"]
    title = (
        "content/news/old.md:2:8: XF002 [duplicate-title] "
        "title 'Budget passes' is also used by content/news/new.md\n"
    )
    expected = title + (
        "content/news/old.md:9:8: XF001 [duplicate-source] source "
        "https://wire.example/budget is also cited by content/news/new.md\n"
    )
    assert main([*args, "--project", "content/news/new.md"]) == 0  # warnings: below fail-on
    assert capsys.readouterr().out == expected
    assert main([*args, "content/news/new.md"]) == 0  # without --project: the file alone
    assert capsys.readouterr().out == ""
    main(args)  # the whole site: the same reports on old.md, and b.md's
    assert capsys.readouterr().out == (
        "content/news/b.md:2:8: XF002 [duplicate-title] "
        "title 'Vote' is also used by content/news/a.md\n"
        "content/news/b.md:9:8: XF001 [duplicate-source] source "
        "https://b.example/v is also cited by content/news/a.md\n" + expected
    )
    # The existing article's own suppression still silences what is reported on it.
    (news / "old.md").write_text(
        _dated("Budget passes", "2025-03-01", wire, "# newslint: disable=XF001\n"), "utf-8"
    )
    assert main([*args, "--project", "content/news/new.md"]) == 0
    assert capsys.readouterr().out == title


def test_a_pool_that_breaks_between_two_submits_sends_no_file_to_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker may die after one answer was read and before the next task is sent: the submit
    raises `BrokenProcessPool` (a RuntimeError), which took the run to its fallback that lints
    what is left in this process, the file that killed the worker included (CI saw it once)."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    submits = 0

    class BreaksOnFifthSubmit(ProcessPoolExecutor):
        def submit(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
            nonlocal submits
            submits += 1
            if submits == 5:
                raise BrokenProcessPool("a worker died")
            return super().submit(*args, **kwargs)

    in_this_process: list[str] = []
    lint_in_workers = runner.lint_one

    def recording(path: Path, *args: Any) -> Any:
        if os.getpid() == MAIN_PID:
            in_this_process.append(str(path))
        return lint_in_workers(path, *args)

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", BreaksOnFifthSubmit)
    monkeypatch.setattr(runner, "lint_one", recording)
    monkeypatch.setattr(runner, "PARALLEL_MIN", 0)
    monkeypatch.setattr(runner, "AHEAD", 1)  # a chunk a worker in flight: a submit per answer
    monkeypatch.chdir(tmp_path)
    site = [p.relative_to(tmp_path) for p in make_site(tmp_path, 60)]  # 8 chunks of 8 or fewer
    results = runner.lint_files(site, ruleset(), jobs=2, use_cache=False)
    assert submits > 5 and in_this_process == []
    assert [[d.code for d in r.diagnostics] for r in results] == [
        ["FM004"] if n % 3 == 0 else [] for n in range(len(site))
    ]
