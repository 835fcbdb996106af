"""`newslint.project.ProjectData`: what cross-file rules collected, spilled to a temporary file.

`lint_files(..., keep_results=False)` (what `newslint check` uses) keeps no per-file result: the
project step must report exactly what it reports over results held in memory, across workers,
from the cache and with `--project`; a rule with `group_key` sees only groups of two or more.
"""

from __future__ import annotations

import os
from collections.abc import Hashable
from pathlib import Path
from typing import Any

import pytest

from newslint import runner
from newslint.cli import main
from newslint.config import Config
from newslint.discover import FileList, discover
from newslint.engine import FileResult, RuleSet, build_ruleset
from newslint.events import Collected
from newslint.project import ProjectData
from newslint.rule import GROUP_ALWAYS, Context, CountedKey, ProjectContext, Rule, SoughtKey
from rules.duplicate_source import DuplicateSource
from rules.duplicate_title import DuplicateTitle
from rules.required_field import RequiredField
from tests.sitegen import article, make_site


def number_of(path: str) -> int:
    return int(os.path.basename(path).split(".")[0])


class SeesEverything(Rule):
    """Collects the file's number; without `group_key`, so `project_end` gets every item."""

    code = "ZZ910"
    name = "sees-everything"
    messages = {"saw": "item {n} of {count}"}

    def __init__(self) -> None:
        self.number = 0

    def on_document_start(self, ctx: Context, document: Any) -> None:
        self.number = number_of(document.path)

    def collect(self) -> Any:
        return self.number

    @classmethod
    def project_end(cls, ctx: ProjectContext, collected: list[Collected]) -> None:
        for n, item in enumerate(collected):
            ctx.report(item.path, (1, 1, 1, 1), "saw", n=n, count=len(collected))


class ByParity(SeesEverything):
    """Groups files by a key made of their number: 0 and 1 for the first four files, else unique.

    Files 2 and 3 get the keys -1 and -2, whose hashes are equal in CPython (`hash(-1) == -2`):
    the collision must not join them into one group.
    """

    code = "ZZ911"
    name = "by-parity"

    @classmethod
    def group_key(cls, data: Any) -> Hashable:
        return {0: "x", 1: "x", 2: -1, 3: -2}.get(data, f"alone {data}")


class BadKey(SeesEverything):
    """A `group_key` that returns something unhashable."""

    code = "ZZ912"
    name = "bad-key"

    @classmethod
    def group_key(cls, data: Any) -> Hashable:
        return [data]  # type: ignore[return-value]


def ruleset(*extra: type[Rule]) -> RuleSet:
    rules = [RequiredField, DuplicateSource, DuplicateTitle, *extra]
    return build_ruleset(Config(presets=["hugo", "news"]), rule_classes=rules)


def found(diagnostics: list[Any]) -> list[tuple[str, str, int, int, str]]:
    return sorted((d.path, d.code, d.line, d.column, d.message) for d in diagnostics)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    monkeypatch.setattr("newslint.project.MEMORY_ITEMS", 5)  # spill all but the first five items
    paths = [p.relative_to(tmp_path) for p in make_site(tmp_path, count=40)]
    # Two duplicate titles (0, 11, 23) and one duplicate source (5 cites 30's).
    for n in (11, 23):
        paths[n].write_text(article(n, title="Story number 0"), encoding="utf-8")
    paths[5].write_text(article(5, source="https://news.example.com/story/30/"), encoding="utf-8")
    return paths


EXPECTED = [
    (
        "content/en/news/0005.en.md",
        "XF001",
        9,
        11,
        "source https://news.example.com/story/30/ is also cited by content/en/news/0030.en.md",
    ),
    (
        "content/en/news/0011.en.md",
        "XF002",
        2,
        8,
        "title 'Story number 0' is also used by content/en/news/0000.en.md (and 1 more)",
    ),
    (
        "content/en/news/0023.en.md",
        "XF002",
        2,
        8,
        "title 'Story number 0' is also used by content/en/news/0000.en.md (and 1 more)",
    ),
]


def test_spilled_data_reports_what_kept_results_report_across_workers(
    site: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "PARALLEL_MIN", 0)
    rules = ruleset()
    kept = runner.lint_files(site, rules, jobs=2, use_cache=False)
    arrived: list[int] = []

    def on_result(index: int, result: FileResult) -> None:
        assert result.collected == {}  # already moved into `results.project`
        arrived.append(index)

    spilled = runner.lint_files(
        site, rules, jobs=2, use_cache=False, on_result=on_result, keep_results=False
    )
    assert list(spilled) == [] and spilled.project is not None and spilled.project.spilled > 0
    assert sorted(arrived) == list(range(len(site)))
    assert found(runner.project_end(spilled, rules)) == found(runner.project_end(kept, rules))
    assert found(runner.project_end(spilled, rules)) == EXPECTED


def test_cached_files_still_contribute(site: list[Path]) -> None:
    rules = ruleset()
    first = runner.lint_files(site, rules, keep_results=False)
    second = runner.lint_files(site, rules, keep_results=False)
    assert (first.cache_hits, second.cache_hits) == (0, len(site))
    assert found(runner.project_end(second, rules)) == EXPECTED


def test_project_reports_on_the_given_files_and_on_their_duplicates(site: list[Path]) -> None:
    rules = ruleset()
    given = runner.lint_files([site[23]], rules, project=True, keep_results=False)
    assert given.project is not None and given.project.given_paths == {"content/en/news/0023.en.md"}
    assert found(runner.project_end(given, rules)) == [EXPECTED[2]]
    # The original given: the later articles that repeat it are reported, as a whole run would.
    original = runner.lint_files([site[0]], rules, project=True, keep_results=False)
    assert found(runner.project_end(original, rules)) == EXPECTED[1:]
    # A duplicate among files the run was not given stays out (5 cites 30's source).
    unrelated = runner.lint_files([site[1]], rules, project=True, keep_results=False)
    assert runner.project_end(unrelated, rules) == []


def test_a_rule_without_group_key_gets_every_item_in_file_order(site: list[Path]) -> None:
    rules = ruleset(SeesEverything)
    results = runner.lint_files(site[:5], rules, use_cache=False, keep_results=False)
    seen = [(d.path, d.message) for d in runner.project_end(results, rules) if d.code == "ZZ910"]
    assert seen == [(p.as_posix(), f"item {n} of 5") for n, p in enumerate(site[:5])]


@pytest.mark.parametrize("keep", [True, False])
def test_group_key_passes_only_groups_of_two_or_more(site: list[Path], keep: bool) -> None:
    rules = ruleset(ByParity)
    results = runner.lint_files(site[:8], rules, use_cache=False, keep_results=keep)
    seen = [(d.path, d.message) for d in runner.project_end(results, rules) if d.code == "ZZ911"]
    # Files 2 and 3 (keys -1 and -2: equal hashes, different keys) are in groups of one.
    assert seen == [
        ("content/en/news/0000.en.md", "item 0 of 2"),
        ("content/en/news/0001.en.md", "item 1 of 2"),
    ]


def test_group_key_that_raises_is_an_internal_error(site: list[Path]) -> None:
    rules = ruleset(BadKey)
    site[3].write_text(article(3, title="Story number 0"), encoding="utf-8")
    results = runner.lint_files(site[:4], rules, use_cache=False, keep_results=False)
    assert [(d.path, d.code, d.message) for d in runner.project_end(results, rules)] == [
        (
            "content/en/news/0003.en.md",
            "XF002",
            "title 'Story number 0' is also used by content/en/news/0000.en.md",
        ),
        (
            "",  # in no file (`NO_FILE`): not `.`, which no reporter can point at
            "NL000",
            "rule bad-key crashed in group_key: TypeError: unhashable type: 'list'",
        ),
    ]


def test_the_spill_gives_back_odd_data() -> None:
    odd: list[Any] = [
        "surrogate \udcff and NUL \0",
        b"\xff\xfe bytes",
        10**40,
        float("inf"),
        {"nested": [(1, 2), {3}], "": None},
        ("x" * 100_000,),
    ]
    data = ProjectData([SeesEverything], keep=1)  # the first in memory, the others spilled
    for index, value in enumerate(odd):
        item = Collected(f"{index}.md", value, {"extra": index} if index % 2 else {})
        data.add(index, FileResult(f"{index}.md", [], {"sees-everything": item}))
    unpicklable = lambda: None  # noqa: E731 (does not pickle: kept in memory instead)
    data.add(len(odd), FileResult("x.md", [], {"sees-everything": Collected("x.md", unpicklable)}))
    back = data.collected("sees-everything")
    assert [c.data for c in back] == [*odd, unpicklable]
    assert [c.path for c in back] == [f"{n}.md" for n in range(len(odd))] + ["x.md"]
    assert [c.extra for c in back[:3]] == [{}, {"extra": 1}, {}]
    data.close()


def test_without_a_temporary_folder_items_stay_in_memory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_folder(*args: object, **kwargs: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr("tempfile.TemporaryFile", no_folder)
    data = ProjectData([ByParity], keep=0)
    for index in range(3):
        item = Collected(f"{index}.md", index)
        data.add(index, FileResult(f"{index}.md", [], {"by-parity": item}))
    assert [c.data for c in data.collected("by-parity")] == [0, 1, 2]
    assert [c.data for c in data.for_rule(ByParity)] == [0, 1]


def test_items_come_back_in_file_order_whatever_the_order_they_arrived_in() -> None:
    data = ProjectData([ByParity], keep=2, context=True)
    for index in (3, 0, 5, 1, 4, 2):
        item = Collected(f"{index}.md", index)
        data.add(index, FileResult(f"{index}.md", [], {"by-parity": item}), given=index < 4)
    assert [c.data for c in data.collected("by-parity")] == [0, 1, 2, 3, 4, 5]
    assert [c.data for c in data.collected("by-parity", given_only=True)] == [0, 1, 2, 3]
    assert [c.data for c in data.for_rule(ByParity)] == [0, 1]
    assert (data.first_path, data.given_paths) == ("0.md", {"0.md", "1.md", "2.md", "3.md"})


class ByLinks(SeesEverything):
    """Items are (own name, names linked to): `group_keys` gives both."""

    code = "ZZ912"
    name = "by-links"

    @classmethod
    def group_keys(cls, data: Any) -> tuple[str, ...]:
        if data == ("bad",):
            raise ValueError("no keys")
        own, *links = data
        return (own, *links)


@pytest.mark.parametrize("keep", [0, 100])
def test_group_keys_pass_the_items_that_share_a_key(keep: int) -> None:
    data = ProjectData([ByLinks], keep=keep)
    items = [("a", "c"), ("b",), ("c",), ("d", "d"), ("e", "x"), ("x", "a")]
    for index in (5, 0, 3, 1, 4, 2):
        item = Collected(f"{index}.md", items[index])
        data.add(index, FileResult(f"{index}.md", [], {"by-links": item}))
    # a links to c, e and x to each other, x to a; b stands alone, d links only to itself
    assert [c.data for c in data.for_rule(ByLinks)] == [items[i] for i in (0, 2, 4, 5)]
    assert len(data.collected("by-links")) == 6
    data.close()


@pytest.mark.parametrize("keep", [0, 100])
def test_group_always_brings_an_item_that_shares_no_key(keep: int) -> None:
    # A page whose links lead to no page of the run must still be judged (ref-not-found).
    data = ProjectData([ByLinks], keep=keep)
    items = [("a", GROUP_ALWAYS, "missing"), ("b",), ("c", "b"), ("d",)]
    for index, item in enumerate(items):
        data.add(index, FileResult(f"{index}.md", [], {"by-links": Collected(f"{index}.md", item)}))
    assert [c.data for c in data.for_rule(ByLinks)] == [items[0], items[1], items[2]]
    data.close()


class BySought(Rule):
    code = "ZZ913"
    name = "by-sought"

    @classmethod
    def group_keys(cls, data: Any) -> tuple[Any, ...]:
        own, *links = data
        return (SoughtKey(own), *links)


@pytest.mark.parametrize("keep", [0, 100])
def test_a_sought_key_brings_its_item_only_to_an_item_that_gives_group_always(keep: int) -> None:
    # Pages that share a tag must not all come back (ref-not-found's memory): only those a page
    # with calls may find.
    data = ProjectData([BySought], keep=keep)
    items = [("tag",), ("tag",), ("a", GROUP_ALWAYS, "b"), ("b",), ("c", "b"), ("d", "tag")]
    for index, item in enumerate(items):
        data.add(
            index, FileResult(f"{index}.md", [], {"by-sought": Collected(f"{index}.md", item)})
        )
    # "tag" is shared by 0, 1 and 5 but sought by no item with GROUP_ALWAYS; 4's link "b" is a
    # plain key, which 2 gives too
    assert [c.data for c in data.for_rule(BySought)] == [items[2], items[3], items[4]]
    data.close()


class ByCount(Rule):
    code = "ZZ914"
    name = "by-count"

    @classmethod
    def group_keys(cls, data: Any) -> tuple[Any, ...]:
        site, *links = data
        return (CountedKey(site), *links)


@pytest.mark.parametrize("keep", [0, 100])
def test_a_counted_key_brings_no_item_and_is_counted(keep: int) -> None:
    # page-not-found counts a site's pages without bringing them all back (memory)
    data = ProjectData([ByCount], keep=keep)
    items = [("s",), ("s",), ("t", GROUP_ALWAYS), ("s",)]
    for index, item in enumerate(items):
        data.add(index, FileResult(f"{index}.md", [], {"by-count": Collected(f"{index}.md", item)}))
    assert [c.data for c in data.for_rule(ByCount)] == [items[2]]
    ctx = ProjectContext(ByCount, None, ByCount.severity, [])
    ctx.counts = data.counts("by-count")
    assert (ctx.count("s"), ctx.count("t"), ctx.count("u")) == (3, 1, 0)
    assert data.counts("no-such-rule") == {}
    data.close()


def test_group_keys_that_raise_are_an_internal_error() -> None:
    from newslint.project import GroupKeyError

    data = ProjectData([ByLinks])
    data.add(0, FileResult("0.md", [], {"by-links": Collected("0.md", ("bad",))}))
    with pytest.raises(GroupKeyError, match="crashed in group_keys: ValueError: no keys"):
        data.for_rule(ByLinks)


def test_workers_with_more_chunks_than_in_flight(
    site: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # 40 files in chunks of 8 with 2 workers: 4 chunks are sent ahead, the fifth when one is done.
    monkeypatch.setattr(runner, "PARALLEL_MIN", 0)
    rules = ruleset()
    parallel = runner.lint_files(site, rules, jobs=2, use_cache=False)
    sequential = runner.lint_files(site, rules, jobs=1, use_cache=False)
    assert [r.path for r in parallel] == [p.as_posix() for p in site]
    assert [r.diagnostics for r in parallel] == [r.diagnostics for r in sequential]


# ----------------------------------------------------------------------------- through the CLI


def test_cli_streamed_and_whole_reports_agree(
    site: list[Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(runner, "PARALLEL_MIN", 0)
    site[7].write_text(
        article(7, title="Story number 0").replace(
            'title: "Story number 0"', 'title: "Story number 0" # newslint: disable=XF002'
        ),
        encoding="utf-8",
    )
    (site[8].parent / "0040.en.md").write_text(
        article(40).replace(
            'title: "Story number 40"', 'title: "Story number 40" # newslint: disable=XF002'
        ),
        encoding="utf-8",
    )
    site[39].write_text(
        article(39).replace("---\n\n", "# newslint: disable=no-such-rule\n---\n\n"),
        encoding="utf-8",
    )
    base = ["check", "--isolated", "--no-cache", "--jobs", "2", "--select", "XF,NL001"]
    assert main([*base, "--output-format", "github"]) == 0  # warnings: below the default fail-on
    streamed = capsys.readouterr().out.splitlines()
    assert main([*base, "--output-format", "github", "--output", "report.txt"]) == 0
    whole = Path("report.txt").read_text(encoding="utf-8").splitlines()
    # Printed as each file is linted (39's comment names no rule), then the cross-file
    # diagnostics; file 7's duplicate title is silenced by its comment, 40's silences nothing.
    assert streamed == [
        "::warning file=content/en/news/0039.en.md,line=5,col=21,endLine=5,endColumn=33,"
        "title=NL001 unused-suppression::suppression names unknown rule 'no-such-rule'",
        "::warning file=content/en/news/0005.en.md,line=9,col=11,endLine=9,endColumn=45,"
        "title=XF001 duplicate-source::"
        "source https://news.example.com/story/30/ is also cited by content/en/news/0030.en.md",
        "::notice file=content/en/news/0011.en.md,line=2,col=8,endLine=2,endColumn=24,"
        "title=XF002 duplicate-title::"
        "title 'Story number 0' is also used by content/en/news/0000.en.md (and 2 more)",
        "::notice file=content/en/news/0023.en.md,line=2,col=8,endLine=2,endColumn=24,"
        "title=XF002 duplicate-title::"
        "title 'Story number 0' is also used by content/en/news/0000.en.md (and 2 more)",
        "::warning file=content/en/news/0040.en.md,line=2,col=26,endLine=2,endColumn=51,"
        "title=NL001 unused-suppression::unused suppression (nothing reported for XF002)",
    ]
    assert whole == sorted(streamed, key=lambda line: line.split(",")[0].split("=")[1])


# ------------------------------------------------------------------------------- file lists


def test_discover_keeps_strings_and_gives_paths(site: list[Path]) -> None:
    files, missing = discover([Path("content")])
    assert isinstance(files, FileList) and missing == []
    assert files.names == [p.as_posix() for p in site]
    assert files[0] == site[0] and list(files[1:3]) == site[1:3]
    assert files == site and files[1:3] == FileList(p.as_posix() for p in site[1:3])


def test_discover_takes_a_file_once_when_given_paths_nest(site: list[Path]) -> None:
    files, _ = discover([Path("content/en"), Path("content"), site[3], Path("./content/en/news")])
    assert files == site
    apart, _ = discover([Path("content/zh-CN"), Path("content/en")])
    assert apart == site


# ---------------------------------------------------------------------------------- the docs


def test_the_documented_cross_file_rule_works() -> None:
    from newslint import Severity
    from newslint.testing import fm, lint_project

    doc = (Path(__file__).parent.parent / "docs" / "writing-a-rule.md").read_text(encoding="utf-8")
    code = doc.split("## Cross-file rules")[1].split("```python")[1].split("```")[0]
    namespace: dict[str, Any] = {"Rule": Rule, "Severity": Severity}
    exec(code, namespace)
    files = {
        "a.md": fm(title="A", body="The budget passed.\n\nMore.\n"),
        "b.md": fm(title="B", body="The  budget\npassed.\n"),
        "c.md": fm(title="C", body="Something else.\n"),
    }
    assert lint_project(namespace["SameLead"], files) == [
        ("b.md", 5, 1, "the first paragraph repeats the first paragraph of a.md")
    ]


def test_discover_takes_what_hugo_reads_as_markdown(tmp_path: Path) -> None:
    # Hugo renders .md, .markdown and .mdown (any case) as Markdown; .mkd, .txt and .org are not
    # Markdown to it.
    for name in ("a.md", "b.markdown", "c.mdown", "d.MD", "e.mkd", "f.txt", "g.org"):
        (tmp_path / name).write_text("---\ntitle: x\n---\n", encoding="utf-8")
    files, _ = discover([tmp_path])
    assert [p.name for p in files] == ["a.md", "b.markdown", "c.mdown", "d.MD"]


def _titled(title: str, day: int, extra: str = "") -> str:
    return f'---\ntitle: "{title}"\ndate: 2025-02-0{day}T09:55:35+08:00\n{extra}---\n\nText.\n'


@pytest.mark.parametrize("stream", [True, False])
def test_a_cross_file_suppression_is_judged_only_when_the_run_sees_the_whole_site(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    stream: bool,
) -> None:
    # A pre-commit run names b.md alone: its suppression of the duplicate it carries is not
    # unused, it silences a duplicate of a file the run does not see.
    (tmp_path / "content").mkdir()
    (tmp_path / "content/a.md").write_text(_titled("Budget", 1), encoding="utf-8")
    quiet = _titled("Budget", 2, "# newslint: disable=XF002\n")
    (tmp_path / "content/b.md").write_text(quiet, encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('select = ["XF002", "NL001"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    fmt = "concise" if stream else "json"
    for args in (["content/b.md"], ["content/b.md", "--project"], ["content"]):
        code = main(["check", *args, "--no-cache", "--output-format", fmt, "--fail-on", "info"])
        out = capsys.readouterr().out
        assert (code, out.strip("[]\n")) == (0, ""), args
    # Over the whole site a suppression that silences nothing is still reported.
    (tmp_path / "content/a.md").write_text(_titled("Other", 1), encoding="utf-8")
    code = main(["check", "content", "--no-cache", "--output-format", "concise"])
    assert code == 0
    assert capsys.readouterr().out == (
        "content/b.md:4:1: NL001 [unused-suppression] [*] unused suppression"
        " (nothing reported for XF002)\n"
    )


def test_fix_of_one_file_does_not_call_its_cross_file_suppression_unused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content/a.md").write_text(_titled("Budget", 1), encoding="utf-8")
    quiet = _titled("Budget", 2, "# newslint: disable=XF002\n")
    (tmp_path / "content/b.md").write_text(quiet, encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('select = ["XF002", "NL001"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["fix", "content/b.md", "--no-cache", "--output-format", "concise"])
    assert (code, capsys.readouterr().out) == (0, "")
    assert (tmp_path / "content/b.md").read_text(encoding="utf-8") == quiet


def test_repeated_hashes_of_a_long_array_are_found_bucket_by_bucket() -> None:
    from array import array

    from newslint.project import _WHOLE_SORT, _repeated

    values = list(range(-2 * _WHOLE_SORT, 2 * _WHOLE_SORT, 3))  # negative ones too
    twice = values[::97]
    hashes = array("q", values + twice + [2**63 - 1, 2**63 - 1, -(2**63)])
    assert len(hashes) > _WHOLE_SORT
    assert _repeated(hashes) == {*twice, 2**63 - 1}
    short = array("q", twice[:50] + twice[:3])
    assert _repeated(short) == set(twice[:3])


# ------------------------------------------------------------------- warm runs (cache format 4)


def _with_cross_file_findings(paths: list[Path]) -> None:
    """Give the `site` fixture's articles something for each built-in cross-file rule to find."""
    for n in (2, 3):  # XF003: one URL for two pages
        paths[n].write_text(
            article(n).replace("summary:", 'url: "/same/"\nsummary:', 1), encoding="utf-8"
        )
    paths[4].write_text(
        article(4)
        + "\n[gone](/news/no-such-page/) and [there](/news/0006/#no-such-heading)\n\n"
        + '[ref]({{< ref "/news/no-such-page.md" >}})\n',
        encoding="utf-8",
    )


# (file-not-found, LK011, stays silent on this two-language site, as its docs say: Hugo's image
# render hook is on there; its warm runs are covered by `test_group_keys_stored_by_the_cache...`
# for the keys it gives, counted and sought ones.)
CROSS_FILE = ["XF001", "XF002", "XF003", "LK008", "LK009", "LK010"]


def _check_json(capsys: pytest.CaptureFixture[str], *options: str) -> list[dict[str, Any]]:
    import json

    main(["check", "--isolated", "--select", "ALL", "--output-format", "json", *options, "."])
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_warm_run_reports_what_a_run_without_the_cache_reports(
    site: list[Path],
    jobs: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The cache keeps each collected item's pickle and its group keys, which a warm run hands to
    # the project store as they are (spilled after the first five: see `site`): the cross-file
    # rules must see what they see when every file is linted, also after a file changes and
    # after one is deleted.
    monkeypatch.setattr(runner, "PARALLEL_MIN", 0)
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    _with_cross_file_findings(site)
    uncached = _check_json(capsys, "--jobs", jobs, "--no-cache")
    assert {d["code"] for d in uncached} >= set(CROSS_FILE)
    assert _check_json(capsys, "--jobs", jobs) == uncached  # cold: fills the cache
    assert _check_json(capsys, "--jobs", jobs) == uncached  # warm
    assert _check_json(capsys, "--jobs", "2" if jobs == "1" else "1") == uncached
    site[30].write_text(article(30, title="Story number 0"), encoding="utf-8")
    changed = _check_json(capsys, "--jobs", jobs)
    assert changed == _check_json(capsys, "--jobs", jobs, "--no-cache") != uncached
    assert any("0030.en.md" in d["path"] and d["code"] == "XF002" for d in changed)
    site[0].unlink()  # the title 11, 23 and 30 repeat
    deleted = _check_json(capsys, "--jobs", jobs)
    assert deleted == _check_json(capsys, "--jobs", jobs, "--no-cache") != changed


def test_group_keys_stored_by_the_cache_group_as_those_worked_out() -> None:
    # A warm run's items come with their keys as `encode_result` stored them; a cold run's with
    # the keys `group_keys` gives: both must give `project_end` the same items, counts included.
    from newslint.cache import decode_stored, encode_result
    from newslint.project import item_keys

    rules: list[type[Rule]] = [ByLinks, BySought, ByCount, ByParity]
    keys = item_keys(rules)
    items = {
        "by-links": [("a", "c"), ("b",), ("c",), ("d", "d"), ("e", "x"), ("x", "a"), ("bad",)],
        "by-sought": [("tag",), ("tag",), ("a", GROUP_ALWAYS, "b"), ("b",), ("c", "b"), ("d",)],
        "by-count": [("s",), ("s",), ("t", GROUP_ALWAYS), ("s",), ("u", GROUP_ALWAYS), ("v",)],
        "by-parity": [0, 1, 2, 3, 4, 5],
    }
    results = [
        FileResult(
            f"{index}.md",
            [],
            {
                name: Collected(f"{index}.md", values[index])
                for name, values in items.items()
                if index < len(values)
            },
        )
        for index in range(7)
    ]
    for keep in (0, 100):
        worked_out = ProjectData(rules, keep=keep)
        stored = ProjectData(rules, keep=keep)
        for index, result in enumerate(results):
            worked_out.add(index, result)
            decoded, packed = decode_stored(encode_result(result, keys))
            assert decoded.collected == {}
            assert (packed[1] is None) == (index == 6)  # 6 has only ("bad",), whose keys raise
            stored.add_stored(index, decoded.path, packed)
        for rule in (BySought, ByCount, ByParity):
            assert stored.for_rule(rule) == worked_out.for_rule(rule)
            assert stored.counts(rule.name) == worked_out.counts(rule.name)
        from newslint.project import GroupKeyError

        with pytest.raises(GroupKeyError, match="no keys"):  # ("bad",) raised when stored too
            stored.for_rule(ByLinks)
        assert stored.collected("by-links") == worked_out.collected("by-links")
        worked_out.close()
        stored.close()


@pytest.mark.parametrize("spill", [True, False])
@pytest.mark.parametrize("keep", [0, 1, 3, 100])
def test_stored_items_come_back_as_added_ones_wherever_they_are_kept(
    monkeypatch: pytest.MonkeyPatch, keep: int, spill: bool
) -> None:
    # `add_stored` writes a file's spilled items at once; the first `keep` items stay in memory
    # (here the boundary falls inside a file); with no temporary folder all stay in memory.
    from newslint.cache import decode_stored, encode_result
    from newslint.project import item_keys

    if not spill:

        def no_folder(*args: object, **kwargs: object) -> None:
            raise OSError(30, "Read-only file system")

        monkeypatch.setattr("tempfile.TemporaryFile", no_folder)
    rules: list[type[Rule]] = [ByParity, SeesEverything]
    data = ProjectData(rules, keep=keep)
    for index in (3, 0, 2, 1, 4):
        collected = {
            "by-parity": Collected(f"{index}.md", index),
            "sees-everything": Collected(f"{index}.md", -index, {"odd": index % 2}),
        }
        result = FileResult(f"{index}.md", [], collected)
        data.add_stored(
            index, result.path, decode_stored(encode_result(result, item_keys(rules)))[1]
        )
    assert [(c.path, c.data, c.extra) for c in data.collected("sees-everything")] == [
        (f"{n}.md", -n, {"odd": n % 2}) for n in range(5)
    ]
    assert [c.data for c in data.for_rule(ByParity)] == [0, 1]
    assert (data.spilled > 0) == (spill and keep < 10)
    data.close()
