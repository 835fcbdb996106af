"""`newslint watch`: the picture a batch of changes prints (in process, exact), and the whole
behaviour with real watchfiles in a real `newslint watch` process (saves, renames, atomic saves,
bursts, configuration changes, signals). Waits are "eventually, within WAIT seconds": nothing is
timed."""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from newslint.config import Config
from newslint.diagnostics import Diagnostic
from newslint.engine import RuleSet, build_ruleset
from newslint.watch import Scope, Session
from rules.duplicate_source import DuplicateSource
from rules.duplicate_title import DuplicateTitle
from rules.link_relative import LinkRelative
from rules.required_field import RequiredField
from tests.sitegen import HUGO, article, make_site

ADDED, MODIFIED, DELETED = 1, 2, 3  # watchfiles.Change values
WAIT = 30.0  # generous upper bound so a broken watcher fails instead of hanging
NEWS = "content/en/news"
STAMP = r"\[\d\d:\d\d:\d\d\] "


def ruleset() -> RuleSet:
    return build_ruleset(
        Config(presets=["hugo", "news"]),
        rule_classes=[RequiredField, DuplicateTitle, DuplicateSource],
    )


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    monkeypatch.chdir(tmp_path)
    return [p.relative_to(tmp_path) for p in make_site(tmp_path, 4)]


def session(out: io.StringIO) -> Session:
    return Session(ruleset(), [Path("content")], out, fmt="concise", use_cache=False)


def printed(out: io.StringIO) -> list[str]:
    """What was printed since the last call, time stamps replaced by `[t]`."""
    lines = [re.sub(STAMP, "[t] ", line) for line in out.getvalue().splitlines()]
    out.seek(0)
    out.truncate()
    return lines


def fm004(number: int | str) -> str:
    return f"{NEWS}/{number}.en.md:4:10: FM004 [required-field] required field 'summary' is empty"


def xf002(number: str, other: str, title: str) -> str:
    return (
        f"{NEWS}/{number}.en.md:2:8: XF002 [duplicate-title] title {title!r} is also used by "
        f"{NEWS}/{other}.en.md"
    )


def xf001(number: str, other: str, source: str) -> str:
    return (
        f"{NEWS}/{number}.en.md:9:11: XF001 [duplicate-source] source "
        f"https://news.example.com/story/{source} is also cited by {NEWS}/{other}.en.md"
    )


# ------------------------------------------------------------------------------ the picture


def test_start_prints_everything(site: list[Path]) -> None:
    out = io.StringIO()
    found = session(out).start(site)
    assert [(d.path, d.code) for d in found] == [
        (f"{NEWS}/0000.en.md", "FM004"),
        (f"{NEWS}/0003.en.md", "FM004"),
    ]
    assert printed(out) == [fm004("0000"), fm004("0003")]


def test_update_relints_only_the_changed_file(site: list[Path]) -> None:
    out = io.StringIO()
    watcher = session(out)
    watcher.start(site)
    printed(out)
    site[1].write_text(article(1).replace("Summary of story 1.", ""), encoding="utf-8")
    found = watcher.update([(MODIFIED, str(site[1].absolute()))])
    assert [(d.path, d.code, d.line) for d in found] == [(f"{NEWS}/0001.en.md", "FM004", 4)]
    assert printed(out) == [f"[t] re-linted {NEWS}/0001.en.md", fm004("0001")]


def test_a_clean_save_names_the_file_and_prints_nothing_below_it(site: list[Path]) -> None:
    out = io.StringIO()
    watcher = session(out)
    watcher.start(site)
    printed(out)
    site[0].write_text(article(1, title="Story zero", source="x"), encoding="utf-8")
    assert watcher.update([(MODIFIED, str(site[0].absolute()))]) == []
    assert printed(out) == [f"[t] re-linted {NEWS}/0000.en.md"]


def test_a_new_duplicate_is_reported_and_leaves_with_the_file(site: list[Path]) -> None:
    out = io.StringIO()
    watcher = session(out)
    watcher.start(site)
    printed(out)
    new = Path(f"{NEWS}/9999.en.md")
    new.write_text(article(28, title="Story number 0"), encoding="utf-8")
    found = watcher.update([(ADDED, str(new.absolute()))])
    assert [(d.path, d.code) for d in found] == [(f"{NEWS}/9999.en.md", "XF002")]
    assert printed(out) == [
        f"[t] re-linted {NEWS}/9999.en.md",
        xf002("9999", "0000", "Story number 0"),
    ]
    new.unlink()
    assert watcher.update([(DELETED, str(new.absolute()))]) == []
    assert printed(out) == [f"[t] removed {NEWS}/9999.en.md"]
    assert len(watcher.results) == len(site)


def test_a_save_that_creates_a_problem_elsewhere_prints_that_file_whole(site: list[Path]) -> None:
    out = io.StringIO()
    watcher = session(out)
    watcher.start(site)
    printed(out)
    # 0000 is dated before 0002 and 0001: its new title and source make them the duplicates.
    site[0].write_text(
        article(0, title="Story number 2", source="https://news.example.com/story/1"),
        encoding="utf-8",
    )
    found = watcher.update([(MODIFIED, str(site[0].absolute()))])
    assert [(d.path, d.code) for d in found] == [
        (f"{NEWS}/0000.en.md", "FM004"),
        (f"{NEWS}/0001.en.md", "XF001"),
        (f"{NEWS}/0002.en.md", "XF002"),
    ]
    assert printed(out) == [
        f"[t] re-linted {NEWS}/0000.en.md; updated {NEWS}/0001.en.md, {NEWS}/0002.en.md",
        fm004("0000"),
        xf001("0001", "0000", "1"),
        xf002("0002", "0000", "Story number 2"),
    ]


def test_an_updated_file_is_printed_with_its_own_problems_too(site: list[Path]) -> None:
    """The block printed for an updated file is its whole picture: 0003's FM004 comes along
    with its new XF002."""
    out = io.StringIO()
    watcher = session(out)
    watcher.start(site)
    printed(out)
    site[1].write_text(article(1, title="Story number 3"), encoding="utf-8")
    watcher.update([(MODIFIED, str(site[1].absolute()))])
    assert printed(out) == [
        f"[t] re-linted {NEWS}/0001.en.md; updated {NEWS}/0003.en.md",
        xf002("0003", "0001", "Story number 3"),
        fm004("0003"),
    ]


def test_a_save_that_resolves_a_problem_elsewhere_updates_that_file(site: list[Path]) -> None:
    out = io.StringIO()
    watcher = session(out)
    watcher.start(site)
    site[0].write_text(article(0, title="Story number 2"), encoding="utf-8")
    watcher.update([(MODIFIED, str(site[0].absolute()))])
    printed(out)
    site[0].write_text(article(0), encoding="utf-8")  # 0002's duplicate title goes away
    found = watcher.update([(MODIFIED, str(site[0].absolute()))])
    assert [(d.path, d.code) for d in found] == [(f"{NEWS}/0000.en.md", "FM004")]
    assert printed(out) == [
        f"[t] re-linted {NEWS}/0000.en.md; updated {NEWS}/0002.en.md",
        fm004("0000"),
        f"[t] resolved: {xf002('0002', '0000', 'Story number 2')}",
    ]
    assert watcher.project == {}


def test_deleting_a_file_takes_its_cross_file_part_away(site: list[Path]) -> None:
    out = io.StringIO()
    watcher = session(out)
    site[0].write_text(
        article(0, title="Story number 2", source="https://news.example.com/story/1"),
        encoding="utf-8",
    )
    watcher.start(site)
    assert printed(out) == [
        fm004("0000"),
        xf001("0001", "0000", "1"),
        xf002("0002", "0000", "Story number 2"),
        fm004("0003"),
    ]
    site[0].unlink()
    assert watcher.update([(DELETED, str(site[0].absolute()))]) == []
    assert printed(out) == [
        f"[t] removed {NEWS}/0000.en.md; updated {NEWS}/0001.en.md, {NEWS}/0002.en.md",
        f"[t] resolved: {xf001('0001', '0000', '1')}",
        f"[t] resolved: {xf002('0002', '0000', 'Story number 2')}",
    ]
    assert sorted(watcher.shown.values()) == [f"{NEWS}/000{n}.en.md" for n in (1, 2, 3)]


def test_a_suppressed_duplicate_stays_silent_as_in_check(site: list[Path]) -> None:
    out = io.StringIO()
    watcher = session(out)
    watcher.start(site)
    printed(out)
    text = article(2).replace("---\n\n", "# newslint: disable=duplicate-title\n---\n\n", 1)
    site[2].write_text(text, encoding="utf-8")
    watcher.update([(MODIFIED, str(site[2].absolute()))])
    assert printed(out) == [f"[t] re-linted {NEWS}/0002.en.md"]
    site[0].write_text(article(0, title="Story number 2"), encoding="utf-8")
    watcher.update([(MODIFIED, str(site[0].absolute()))])
    assert printed(out) == [f"[t] re-linted {NEWS}/0000.en.md", fm004("0000")]


@pytest.mark.parametrize(
    "events",
    [
        # An editor's atomic save: a temporary file renamed over the article.
        [
            (ADDED, ".0001.en.md.tmp"),
            (MODIFIED, ".0001.en.md.tmp"),
            (DELETED, ".0001.en.md.tmp"),
            (ADDED, "0001.en.md"),
        ],
        # vim: the article moved to a backup, written anew, the backup removed (what watchfiles
        # reports for it).
        [
            (ADDED, "0001.en.md~"),
            (DELETED, "0001.en.md"),
            (DELETED, "0001.en.md~"),
            (ADDED, "0001.en.md"),
        ],
        # The same, with a temporary name that is Markdown.
        [(ADDED, ".#0001.en.md"), (DELETED, ".#0001.en.md"), (MODIFIED, "0001.en.md")],
    ],
    ids=["atomic", "vim", "markdown-temporary"],
)
def test_a_batch_is_judged_by_what_is_on_disk(
    site: list[Path], events: list[tuple[int, str]]
) -> None:
    out = io.StringIO()
    watcher = session(out)
    watcher.start(site)
    printed(out)
    site[1].write_text(article(1).replace("Summary of story 1.", ""), encoding="utf-8")
    found = watcher.update([(change, str(Path(NEWS, name).absolute())) for change, name in events])
    assert [(d.path, d.code) for d in found] == [(f"{NEWS}/0001.en.md", "FM004")]
    assert printed(out) == [f"[t] re-linted {NEWS}/0001.en.md", fm004("0001")]


def test_a_file_that_vanishes_while_it_is_linted_leaves_the_picture(
    site: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deleted between the batch's look at the disk and its read: the file is gone, not a file
    with an NL002 'file vanished' error, and its duplicate's problem goes with it."""
    site[1].write_text(article(1, title="Story number 0"), encoding="utf-8")
    out = io.StringIO()
    watcher = session(out)
    watcher.start(site)
    assert xf002("0001", "0000", "Story number 0") in printed(out)
    classify = watcher._classify

    def then_deleted(changes: list[tuple[int, str]]) -> tuple[list[Path], list[str]]:
        found = classify(changes)
        site[1].unlink()
        return found

    monkeypatch.setattr(watcher, "_classify", then_deleted)
    assert watcher.update([(MODIFIED, str(site[1].absolute()))]) == []
    assert printed(out) == [f"[t] removed {NEWS}/0001.en.md"]
    monkeypatch.setattr(watcher, "_classify", classify)
    assert watcher.update([(DELETED, str(site[1].absolute()))]) == []  # its event, later
    assert printed(out) == []
    assert sorted(watcher.shown.values()) == [f"{NEWS}/000{n}.en.md" for n in (0, 2, 3)]


def test_a_file_that_vanishes_during_the_first_lint_is_not_in_the_picture(
    site: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deleted between discovery and the first lint: no NL002 'file vanished' until a batch
    comes, and its duplicate's problem is not shown (hard26 saw both)."""
    site[1].write_text(article(1, title="Story number 0"), encoding="utf-8")
    out = io.StringIO()
    watcher = session(out)
    lint = watcher._lint

    def deleted_first(files: list[Path], *, jobs: int | None) -> list[Diagnostic]:
        site[1].unlink()
        return lint(files, jobs=jobs)

    monkeypatch.setattr(watcher, "_lint", deleted_first)
    found = watcher.start(site)
    assert found and not [d for d in found if "0001" in d.path or d.code in ("NL002", "XF002")]
    assert sorted(watcher.shown.values()) == [f"{NEWS}/000{n}.en.md" for n in (0, 2, 3)]
    assert watcher.project == {}
    assert not [line for line in printed(out) if "0001" in line]


def test_a_symbolic_link_to_a_folder_asks_for_a_new_watch(
    site: list[Path], tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The file system watch follows no link made while it runs, and a link to a folder above
    brings the picture's own files again by new paths (each its own duplicate): the link is
    left to a new watch, which walks as a check does. Not in a Hugo site's content, where a
    walk follows no link, as Hugo does (test_discover): there such a link is no page."""
    outside = tmp_path_factory.mktemp("elsewhere")  # of no site: a check lints it
    (outside / "x.en.md").write_text(article(6), encoding="utf-8")
    linked, loop = Path(NEWS, "linked"), Path(NEWS, "loop")
    changes = [(ADDED, str(linked.absolute())), (ADDED, str(loop.absolute()))]
    for hugo_site in (True, False):
        if not hugo_site:
            no_hugo_site()
            linked.unlink()
            loop.unlink()
        out = io.StringIO()
        watcher = session(out)
        watcher.start(site)
        printed(out)
        linked.symlink_to(outside.absolute())
        loop.symlink_to("..")
        assert watcher.update(changes) == []
        assert printed(out) == []
        followed = [] if hugo_site else [str(linked.absolute()), str(loop.absolute())]
        assert watcher.linked == followed
        assert sorted(watcher.shown.values()) == [p.as_posix() for p in site]


def no_hugo_site() -> None:
    """Make the test's tree one of no Hugo site: a walk there follows links, as it does not
    in a site's content (test_discover)."""
    from newslint.site import clear_site_cache

    Path("hugo.toml").unlink()
    clear_site_cache()


def test_an_article_that_is_a_link_is_relinted_when_its_target_is_saved(
    site: list[Path], tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The watch names a save by the target's path, which the picture did not hold: the article
    linked to it (a target outside the site, or one in it that is no article: a `.txt`) is
    linted again."""
    outside = tmp_path_factory.mktemp("drafts") / "story.md"
    outside.write_text(article(6), encoding="utf-8")
    inside = Path(NEWS, "story.txt")
    inside.write_text(article(7), encoding="utf-8")
    Path(NEWS, "out.en.md").symlink_to(outside.absolute())
    Path(NEWS, "in.en.md").symlink_to("story.txt")
    out = io.StringIO()
    watcher = session(out)
    watcher.start([*site, Path(NEWS, "out.en.md"), Path(NEWS, "in.en.md")])
    printed(out)
    outside.write_text(article(6).replace("Summary of story 6.", ""), encoding="utf-8")
    watcher.update([(MODIFIED, str(outside.absolute()))])
    assert printed(out) == [f"[t] re-linted {NEWS}/out.en.md", fm004("out")]
    inside.write_text(article(7).replace("Summary of story 7.", ""), encoding="utf-8")
    watcher.update([(MODIFIED, str(inside.absolute()))])
    assert printed(out) == [f"[t] re-linted {NEWS}/in.en.md", fm004("in")]
    # The link gone, a save of its old target is nobody's business.
    Path(NEWS, "out.en.md").unlink()
    watcher.update([(DELETED, str(Path(NEWS, "out.en.md").absolute()))])
    printed(out)
    assert watcher.update([(MODIFIED, str(outside.absolute()))]) == []
    assert printed(out) == []


def test_the_folder_of_a_link_target_outside_is_watched_for_that_target_only(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("drafts")
    (tmp_path / "content").mkdir()
    scope = Scope([tmp_path / "content"])
    target, other = str(outside / "story.md"), str(outside / "other.md")
    inside = str(tmp_path / "content" / "story.txt")
    assert scope.add_targets([target, inside]) == [target]
    assert scope.watched() == sorted([str(tmp_path / "content"), str(outside)])
    assert scope.add_targets([target, other]) == []  # its folder is watched already
    assert scope.relevant(MODIFIED, target) and scope.relevant(MODIFIED, other)
    assert not scope.relevant(MODIFIED, str(outside / "unrelated.md"))
    assert scope.relevant(MODIFIED, inside)


def test_a_link_target_below_the_folder_of_a_named_file_is_watched(tmp_path: Path) -> None:
    # Before: `content/drafts/` counted as watched, being below `content/`, which a watch of
    # named files alone (no subfolders) does not cover: a save of the target went unseen.
    (tmp_path / "content/drafts").mkdir(parents=True)
    (tmp_path / "content/a.md").write_text("---\ntitle: A\n---\n")
    scope = Scope([tmp_path / "content/a.md"])
    target = str(tmp_path / "content/drafts/story.md")
    assert scope.add_targets([target]) == [target]
    assert scope.watched() == [str(tmp_path / "content"), str(tmp_path / "content/drafts")]
    assert Scope([tmp_path / "content"]).add_targets([target]) == []  # watched with subfolders


def test_what_editors_leave_beside_an_article_is_not_linted(site: list[Path]) -> None:
    """Locks, autosaves, backups, swap and probe files that stay while an article is open: Hugo
    makes no page of them (`discover.hugo_hidden`), and the Markdown-named ones were linted."""
    out = io.StringIO()
    watcher = session(out)
    watcher.start(site)
    printed(out)
    folder = Path(NEWS)
    (folder / ".#0001.en.md").symlink_to("editor@host.1234:1700000000")  # emacs's lock
    leftovers = [
        "#0001.en.md#",  # emacs's autosave
        ".~0001.en.md",  # a copy some editors save through
        "0001.en.md~",  # a backup
        ".0001.en.md.swp",  # vim's swap file
        "4913",  # vim's probe of the folder
        "0001.en.md___jb_old___",  # JetBrains' safe write
    ]
    for name in leftovers:
        (folder / name).write_text(article(1), encoding="utf-8")
    site[1].write_text(article(1).replace("Summary of story 1.", ""), encoding="utf-8")
    names = [".#0001.en.md", *leftovers, "0001.en.md"]
    found = watcher.update([(ADDED, str((folder / name).absolute())) for name in names])
    assert [(d.path, d.code) for d in found] == [(f"{NEWS}/0001.en.md", "FM004")]
    assert printed(out) == [f"[t] re-linted {NEWS}/0001.en.md", fm004("0001")]


def test_a_rename_removes_the_old_name_and_lints_the_new(site: list[Path]) -> None:
    out = io.StringIO()
    watcher = session(out)
    watcher.start(site)
    printed(out)
    new = site[3].with_name("renamed.en.md")
    site[3].rename(new)
    watcher.update([(DELETED, str(site[3].absolute())), (ADDED, str(new.absolute()))])
    assert printed(out) == [
        f"[t] re-linted {NEWS}/renamed.en.md; removed {NEWS}/0003.en.md",
        fm004("renamed"),
    ]


def test_a_page_that_comes_or_goes_relints_the_articles_whose_links_it_answers(
    site: list[Path],
) -> None:
    """LK003 judges a relative link by the site's files: an article whose link the new page
    answers, or whose link led to the page deleted, is linted again with the batch. Its result
    stayed as it was until the article itself was saved."""
    out = io.StringIO()
    rules = build_ruleset(Config(presets=["hugo", "news"]), rule_classes=[LinkRelative])
    watcher = Session(rules, [Path("content")], out, fmt="concise", use_cache=False)
    linking = Path(NEWS, "linking.en.md")
    linking.write_text(
        '---\ntitle: "Linking"\n---\n\nSee the [minutes](minutes.en.md).\n\n'
        "[Daily](https://daily.example.com/club)\n",
        encoding="utf-8",
    )
    lk003 = (
        f"{NEWS}/linking.en.md:5:19: LK003 [link-relative] relative link 'minutes.en.md' was "
        "copied from daily.example.com and points at nothing here"
    )
    watcher.start([*site, linking])
    assert printed(out) == [lk003]
    minutes = Path(NEWS, "minutes.en.md")
    minutes.write_text(article(9), encoding="utf-8")
    watcher.update([(ADDED, str(minutes.absolute()))])
    assert printed(out) == [f"[t] re-linted {NEWS}/linking.en.md, {NEWS}/minutes.en.md"]
    watcher.update([(MODIFIED, str(site[1].absolute()))])  # no page came or went
    assert printed(out) == [f"[t] re-linted {NEWS}/0001.en.md"]
    minutes.unlink()
    watcher.update([(DELETED, str(minutes.absolute()))])
    assert printed(out) == [
        f"[t] re-linted {NEWS}/linking.en.md; removed {NEWS}/minutes.en.md",
        lk003,
    ]


def test_irrelevant_changes_are_ignored(site: list[Path]) -> None:
    out = io.StringIO()
    watcher = session(out)
    watcher.start(site)
    printed(out)
    notes = Path(f"{NEWS}/notes.txt")
    notes.write_text("not an article")
    cache = Path("content/en/.newslint_cache/entries.md")
    cache.parent.mkdir()
    cache.write_text(article(1))
    gone = Path(f"{NEWS}/never-there.md")
    changes = [(ADDED, str(p.absolute())) for p in (notes, cache)] + [
        (DELETED, str(gone.absolute())),
        (MODIFIED, str(Path(NEWS).absolute())),  # a folder's own metadata
    ]
    assert watcher.update(changes) == []
    assert printed(out) == []


def test_files_outside_the_scope_are_ignored(site: list[Path]) -> None:
    """A file a check of the watched paths would not lint: excluded, .gitignored, content Hugo
    skips; each is linted when its folder is named."""
    from newslint.config import anchor_patterns

    drafts = Path("content/en/drafts")
    drafts.mkdir()
    Path("content/en/.gitignore").write_text("private/\n")
    private = Path("content/en/private")
    private.mkdir()
    Path("hugo.toml").write_text('ignoreFiles = ["\\\\.skip\\\\.md$"]\n' + HUGO)
    from newslint.site import clear_site_cache

    clear_site_cache()
    out = io.StringIO()
    exclude = anchor_patterns(["content/en/drafts/**"], os.getcwd())
    watcher = Session(ruleset(), Scope([Path("content")], exclude), out, fmt="concise")
    watcher.start(site)
    printed(out)
    names = [drafts / "a.en.md", private / "b.en.md", Path(NEWS, "c.skip.md")]
    for number, name in enumerate(names, start=5):
        name.write_text(article(3 * number), encoding="utf-8")
    assert watcher.update([(ADDED, str(p.absolute())) for p in names]) == []
    assert printed(out) == []
    named = Session(ruleset(), [drafts, private], out, fmt="concise", use_cache=False)
    named.start([])
    assert [d.path for d in named.update([(ADDED, str(p.absolute())) for p in names])] == [
        "content/en/drafts/a.en.md",
        "content/en/private/b.en.md",
    ]


def test_a_new_folder_is_linted_and_its_removal_counts_each_file_once(site: list[Path]) -> None:
    out = io.StringIO()
    watcher = session(out)
    watcher.start(site)
    printed(out)
    folder = Path(f"{NEWS}/more")
    folder.mkdir()
    for number, name in [(30, "a.en.md"), (31, "b.en.md")]:
        (folder / name).write_text(article(number), encoding="utf-8")
    found = watcher.update([(ADDED, str(folder.absolute()))])
    assert [(d.path, d.code) for d in found] == [(f"{NEWS}/more/a.en.md", "FM004")]
    assert printed(out) == [
        f"[t] re-linted {NEWS}/more/a.en.md, {NEWS}/more/b.en.md",
        f"{NEWS}/more/a.en.md:4:10: FM004 [required-field] required field 'summary' is empty",
    ]
    import shutil

    shutil.rmtree(folder)
    # What watchfiles reports for `rm -r`: the files and the folder.
    changes = [(DELETED, str(p.absolute())) for p in [folder / "a.en.md", folder]]
    assert watcher.update(changes) == []
    assert printed(out) == [f"[t] removed {NEWS}/more/a.en.md, {NEWS}/more/b.en.md"]
    assert len(watcher.results) == len(site)


def test_removing_a_section_of_page_bundles_removes_each_page_once(site: list[Path]) -> None:
    """Each folder of an `rm -r` (a section, its bundles) is looked up in one pass over the
    picture after the batch (one scan of every file per folder made the removal of 8,000 bundles
    take 13 s): every page below the folders goes, once."""
    import shutil

    out = io.StringIO()
    watcher = session(out)
    section = Path(NEWS, "bundles")
    pages = [section / name / "index.en.md" for name in ("a", "b", "c")]
    for number, page in enumerate(pages, start=20):
        page.parent.mkdir(parents=True)
        page.write_text(article(number), encoding="utf-8")
    watcher.start([*site, *pages])
    printed(out)
    shutil.rmtree(section)
    changes = [(DELETED, str(p.absolute())) for p in [pages[0], pages[0].parent, section]]
    assert watcher.update(changes) == []
    assert printed(out) == [f"[t] removed {', '.join(p.as_posix() for p in pages)}"]
    assert sorted(watcher.results) == sorted(str(p.absolute()) for p in site)


@pytest.mark.parametrize("fmt", ["json-lines", "json"])
def test_machine_readable_output_keeps_status_lines_off_stdout(site: list[Path], fmt: str) -> None:
    import json

    out, status = io.StringIO(), io.StringIO()
    watcher = Session(ruleset(), [Path("content")], out, fmt=fmt, use_cache=False, status=status)
    watcher.start(site)
    site[1].write_text(article(1).replace("Summary of story 1.", ""), encoding="utf-8")
    watcher.update([(MODIFIED, str(site[1].absolute()))])
    if fmt == "json-lines":
        found = [json.loads(line) for line in out.getvalue().splitlines()]
    else:  # one array per batch, each on lines of its own
        decoder, text, found = json.JSONDecoder(), out.getvalue(), []
        position = 0
        while text[position:].strip():
            position += len(text[position:]) - len(text[position:].lstrip())
            batch, position = decoder.raw_decode(text, position)
            found.extend(batch)
    assert [(d["path"], d["code"], d["line"]) for d in found] == [
        (f"{NEWS}/0000.en.md", "FM004", 4),
        (f"{NEWS}/0003.en.md", "FM004", 4),
        (f"{NEWS}/0001.en.md", "FM004", 4),
    ]
    assert printed(status) == [f"[t] re-linted {NEWS}/0001.en.md"]


def test_the_watch_filter_leaves_out_the_cache_and_repositories(site: list[Path]) -> None:
    scope = Scope([Path("content"), Path(f"{NEWS}/0001.en.md")])
    assert scope.watched() == [str(Path("content").absolute())]
    top = Path("content").absolute()
    assert scope.relevant(ADDED, str(top / "en/news/x.md"))
    assert not scope.relevant(ADDED, str(top / ".newslint_cache/v1/cache.db-wal"))
    assert not scope.relevant(ADDED, str(top / "en/.git/index"))
    # Only below the watched folder: a site that lives in a folder named `venv` is watched.
    assert Scope([Path("content")]).relevant(ADDED, str(top / "en/news/x.md"))
    assert Scope([Path(f"{NEWS}/0001.en.md")]).watched() == [str(Path(NEWS).absolute())]


def test_the_folders_of_named_files_are_watched_without_their_subfolders(
    site: list[Path],
) -> None:
    # Before: `newslint watch ~/notes.md` watched all of `~`, every folder below it too.
    alone = Scope([Path(f"{NEWS}/0001.en.md"), Path(f"{NEWS}/0002.en.md")])
    assert (alone.watched(), alone.recursive) == ([str(Path(NEWS).absolute())], False)
    # A folder root is watched whole, and so are the folders of files named beside it.
    assert Scope([Path("content"), Path(f"{NEWS}/0001.en.md")]).recursive


def test_named_files_in_a_folder_and_its_subfolder_watch_both(site: list[Path]) -> None:
    # Before: the subfolder was dropped as inside the other, which a watch without subfolders
    # does not cover, and a save of `0001.en.md` went unseen.
    (Path("content") / "about.md").write_text("---\ntitle: About\n---\n")
    both = Scope([Path("content/about.md"), Path(f"{NEWS}/0001.en.md")])
    top = Path("content").absolute()
    assert (both.watched(), both.recursive) == ([str(top), str(Path(NEWS).absolute())], False)


@pytest.mark.parametrize("kind", ["device", "fifo", "link-to-device"])
def test_a_device_or_a_pipe_is_a_usage_error(site: list[Path], kind: str) -> None:
    # Before: `newslint watch /dev/null` watched all of /dev, for a file no editor saves.
    name = {"device": "/dev/null", "fifo": "pipe.md", "link-to-device": "null.md"}[kind]
    if kind == "fifo":
        os.mkfifo(name)
    elif kind == "link-to-device":
        os.symlink("/dev/null", name)
    done = subprocess.run(
        [sys.executable, "-m", "newslint", "watch", f"{NEWS}/0001.en.md", name, *WATCH],
        capture_output=True,
        text=True,
        timeout=WAIT,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"newslint: error: not a file or folder (a device, pipe or socket): {name}; "
        "watch follows Markdown files and the folders that hold them\n"
    )


def test_include_globs_are_matched_again_once_a_batch(site: list[Path]) -> None:
    calls: list[int] = []

    def find_roots() -> list[Path]:
        calls.append(1)
        return [site[0], Path(f"{NEWS}/new.md")]

    scope = Scope([site[0]], find_roots=find_roots)
    Path(f"{NEWS}/new.md").write_text(article(1))
    assert not scope.admits(Path(f"{NEWS}/other.md"))
    assert scope.admits(Path(f"{NEWS}/new.md"))  # the roots found for the first one
    assert calls == [1]
    scope.new_batch()
    assert not scope.admits(Path(f"{NEWS}/other.md"))
    assert calls == [1, 1]


# ------------------------------------------------------------------------------ a real watch


class Watcher:
    """A `newslint watch` process; threads collect its standard output and error by line."""

    def __init__(
        self, args: list[str], env: dict[str, str] | None = None, prefix: Sequence[str] = ()
    ) -> None:
        """`prefix`: a command the watch runs under (`setpriv`, to give up root's rights)."""
        self.process = subprocess.Popen(
            [*prefix, sys.executable, "-m", "newslint", "watch", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=env,
        )
        self.out: list[str] = []
        self.err: list[str] = []
        self.changed = threading.Condition()
        assert self.process.stdout is not None and self.process.stderr is not None
        self.readers = [
            threading.Thread(target=self._read, args=(self.process.stdout, self.out), daemon=True),
            threading.Thread(target=self._read, args=(self.process.stderr, self.err), daemon=True),
        ]
        for reader in self.readers:
            reader.start()

    def _read(self, stream: io.TextIOBase, lines: list[str]) -> None:
        for line in stream:
            with self.changed:
                lines.append(re.sub(STAMP, "[t] ", line.rstrip("\n")))
                self.changed.notify_all()
        with self.changed:
            self.changed.notify_all()

    def wait_for(self, check: Callable[[], bool], what: str) -> None:
        """Until `check()` holds; fails after WAIT seconds or when the process ended without."""
        deadline = time.monotonic() + WAIT
        with self.changed:
            while not check():
                left = deadline - time.monotonic()
                ended = self.process.poll() is not None and not any(
                    r.is_alive() for r in self.readers
                )
                if left <= 0 or ended:
                    pytest.fail(f"{what}: not seen\nstdout: {self.out}\nstderr: {self.err}")
                self.changed.wait(min(left, 0.5))

    def line(self, text: str, *, after: int = 0, stream: str = "out") -> int:
        """The index of the first line from `after` on that equals `text` (waiting for it)."""
        lines = self.out if stream == "out" else self.err
        self.wait_for(lambda: text in lines[after:], repr(text))
        return lines.index(text, after)

    def ready(self, count: int) -> int:
        """Wait for the `Watching` line; the index after it."""
        return self.line(f"Watching {count} files for changes (Ctrl-C to stop).") + 1

    def settle(self, after: int) -> list[str]:
        """The lines printed from `after` until every change made so far is handled: two
        sentinel articles are saved one after the other, and what comes before the second's
        re-lint is complete. The sentinels are left out of what is returned (the first may
        share a batch with earlier changes; both are clean)."""
        names = []
        for number in (1, 2):
            sentinel = Path(f"{NEWS}/zz-sentinel-{after}-{number}.en.md")
            title, source = f"Sentinel {after} {number}", f"sentinel/{after}/{number}"
            sentinel.write_text(article(28, title=title, source=source), encoding="utf-8")
            names.append(sentinel.as_posix())
            self.wait_for(
                lambda: any(names[-1] in relinted(line) for line in self.out[after:]),
                f"sentinel {number}",
            )
        end = next(i for i, line in enumerate(self.out) if names[1] in relinted(line))
        kept = (without(line, names) for line in self.out[after:end])
        return [line for line in kept if line is not None]

    def ready_after(self, after: int) -> int:
        """The index of the first `Watching` line from `after` on (waiting for it)."""
        self.wait_for(
            lambda: any(line.startswith("Watching ") for line in self.out[after:]), "Watching"
        )
        return next(
            i for i, line in enumerate(self.out) if i >= after and line.startswith("Watching ")
        )

    def stop(self, signum: int = signal.SIGINT) -> int:
        self.process.send_signal(signum)
        code = self.process.wait(WAIT)
        for reader in self.readers:
            reader.join(WAIT)
        return code


@pytest.fixture
def start(site: list[Path]) -> Iterator[Callable[..., Watcher]]:
    started: list[Watcher] = []

    def run(*args: str, env: dict[str, str] | None = None) -> Watcher:
        watcher = Watcher(list(args), env)
        started.append(watcher)
        return watcher

    yield run
    for watcher in started:
        if watcher.process.poll() is None:
            watcher.process.kill()
            watcher.process.wait(WAIT)


WATCH = ["--select", "FM004,XF", "--output-format", "concise", "--no-cache"]


def relinted(line: str) -> list[str]:
    """The files a status line names as re-linted."""
    if not line.startswith("[t] re-linted "):
        return []
    return line.removeprefix("[t] re-linted ").split("; ")[0].split(", ")


def without(line: str, names: list[str]) -> str | None:
    """A status line without `names` among the re-linted files (None when nothing is left)."""
    if not line.startswith("[t] re-linted "):
        return line
    head, separator, tail = line.removeprefix("[t] re-linted ").partition("; ")
    kept = [name for name in head.split(", ") if name not in names]
    if kept:
        return "[t] re-linted " + ", ".join(kept) + separator + tail
    return f"[t] {tail}" if tail else None


def save(path: Path, text: str) -> None:
    """Save as most editors do: a temporary file renamed over the article."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_save_is_relinted_and_a_signal_exits_zero(
    start: Callable[..., Watcher], site: list[Path], signum: int
) -> None:
    watcher = start(*WATCH)
    after = watcher.ready(4)
    assert watcher.out[: after - 1] == [fm004("0000"), fm004("0003")]
    site[1].write_text(article(1).replace("Summary of story 1.", ""), encoding="utf-8")
    at = watcher.line(f"[t] re-linted {NEWS}/0001.en.md", after=after)
    watcher.line(fm004("0001"), after=at)
    assert watcher.stop(signum) == 0
    assert watcher.err == []


GATE = '''"""Holds the lint of the file named by NEWSLINT_TEST_GATE until a `go` file exists."""

import os
import time
from pathlib import Path
from typing import Any

from newslint import Rule, Severity


class Gate(Rule):
    code = "ZZ901"
    name = "test-gate"
    severity = Severity.INFO
    messages = {"never": "never reported"}

    def on_document_start(self, ctx, document):
        folder = Path(os.environ["NEWSLINT_TEST_GATE"])
        if not str(document.path).endswith(os.environ["NEWSLINT_TEST_GATE_FILE"]):
            return
        (folder / "started").touch()
        deadline = time.monotonic() + 60
        while not (folder / "go").exists() and time.monotonic() < deadline:
            time.sleep(0.01)
'''


@pytest.fixture
def gate(tmp_path: Path) -> tuple[list[str], dict[str, str], Path]:
    """Arguments and environment for a watch whose first lint stops at 0003 until `go`."""
    rules = tmp_path / "gate-rules"
    rules.mkdir()
    (rules / "gate.py").write_text(GATE, encoding="utf-8")
    folder = tmp_path / "gate"
    folder.mkdir()
    env = {**os.environ, "NEWSLINT_TEST_GATE": str(folder), "NEWSLINT_TEST_GATE_FILE": "0003.en.md"}
    args = [*WATCH, "--extend-select", "ZZ901", "--rules-dir", str(rules)]
    return args, env, folder


def wait_until(check: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT
    while not check():
        assert time.monotonic() < deadline, f"{what}: not seen"
        time.sleep(0.01)


@pytest.mark.slow
def test_a_save_during_the_first_lint_is_relinted(
    start: Callable[..., Watcher], site: list[Path], gate: tuple[list[str], dict[str, str], Path]
) -> None:
    args, env, folder = gate
    watcher = start(*args, env=env)
    wait_until((folder / "started").exists, "the first lint at 0003")
    # 0000 is linted already: the first lint does not see this save, the watch must.
    site[0].write_text(article(0).replace('summary: ""', 'summary: "Now summed up."'))
    (folder / "go").touch()
    after = watcher.ready(4)
    assert watcher.out[: after - 1] == [fm004("0000"), fm004("0003")]
    watcher.line(f"[t] re-linted {NEWS}/0000.en.md", after=after)
    assert watcher.settle(after) == [f"[t] re-linted {NEWS}/0000.en.md"]


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_during_the_first_lint_exits_zero(
    start: Callable[..., Watcher],
    gate: tuple[list[str], dict[str, str], Path],
    signum: int,
) -> None:
    args, env, folder = gate
    watcher = start(*args, env=env)
    wait_until((folder / "started").exists, "the first lint at 0003")
    assert watcher.stop(signum) == 0
    assert not any("Traceback" in line for line in watcher.err), watcher.err


def test_a_missing_path_is_a_usage_error(site: list[Path]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newslint", "watch", "nowhere", *WATCH],
        capture_output=True,
        text=True,
        timeout=WAIT,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "newslint: error: no such file or directory: nowhere\n"


@pytest.mark.slow
def test_cross_file_problems_follow_saves_and_deletions(
    start: Callable[..., Watcher], site: list[Path]
) -> None:
    watcher = start(*WATCH)
    after = watcher.ready(4)
    # 0000 takes 0002's title and 0001's source: both become the later duplicates.
    save(site[0], article(0, title="Story number 2", source="https://news.example.com/story/1"))
    at = watcher.line(
        f"[t] re-linted {NEWS}/0000.en.md; updated {NEWS}/0001.en.md, {NEWS}/0002.en.md",
        after=after,
    )
    watcher.line(xf002("0002", "0000", "Story number 2"), after=at)
    # ... its title back: 0002's duplicate title goes, its duplicate source stays.
    save(site[0], article(0, source="https://news.example.com/story/1"))
    at = watcher.line(f"[t] re-linted {NEWS}/0000.en.md; updated {NEWS}/0002.en.md", after=at)
    # ... and deleted: 0001's duplicate source goes too.
    site[0].unlink()
    gone = watcher.line(f"[t] removed {NEWS}/0000.en.md; updated {NEWS}/0001.en.md", after=at)
    assert watcher.settle(at) == [
        f"[t] re-linted {NEWS}/0000.en.md; updated {NEWS}/0002.en.md",
        fm004("0000"),
        f"[t] resolved: {xf002('0002', '0000', 'Story number 2')}",
        f"[t] removed {NEWS}/0000.en.md; updated {NEWS}/0001.en.md",
        f"[t] resolved: {xf001('0001', '0000', '1')}",
    ]
    assert gone > at


@pytest.mark.slow
def test_renames_atomic_saves_and_vim_keep_the_picture(
    start: Callable[..., Watcher], site: list[Path]
) -> None:
    watcher = start(*WATCH)
    after = watcher.ready(4)
    renamed = site[3].with_name("renamed.en.md")
    site[3].rename(renamed)
    at = watcher.line(f"[t] re-linted {NEWS}/renamed.en.md; removed {NEWS}/0003.en.md", after=after)
    watcher.line(fm004("renamed"), after=at)
    # An atomic save through a temporary file whose name is Markdown too.
    temporary = site[1].with_name(".~0001.en.md")
    temporary.write_text(article(1).replace("Summary of story 1.", ""), encoding="utf-8")
    os.replace(temporary, site[1])
    at = watcher.line(fm004("0001"), after=at)
    # vim's default save: the article moved to a backup, written anew, the backup removed. 0002
    # stays in the picture: its new title repeats 0001's, an earlier article.
    backup = site[2].with_name("0002.en.md~")
    site[2].rename(backup)
    site[2].write_text(article(2, title="Story number 1").replace("Summary of story 2.", ""))
    backup.unlink()
    watcher.line(xf002("0002", "0001", "Story number 1"), after=at)
    lines = watcher.settle(after)
    assert not any(".~0001" in line or ".md~" in line for line in lines), lines
    assert lines[-2:] == [xf002("0002", "0001", "Story number 1"), fm004("0002")]


@pytest.mark.slow
def test_a_burst_of_saves_lints_each_file_once(
    start: Callable[..., Watcher], site: list[Path]
) -> None:
    watcher = start(*WATCH)
    after = watcher.ready(4)
    names = [Path(f"{NEWS}/burst-{n:02d}.en.md") for n in range(30)]
    for number, name in enumerate(names):
        save(name, article(3 * number, title=f"Burst {number}", source=f"burst/{number}"))
    for name in names:
        watcher.line(fm004(name.stem.removesuffix(".en")), after=after)
    lines = watcher.settle(after)
    linted = [name for line in lines for name in relinted(line)]
    for name in names:
        assert lines.count(fm004(name.stem.removesuffix(".en"))) == 1
        assert linted.count(name.as_posix()) == 1


@pytest.mark.slow
def test_invalid_utf8_and_a_file_cut_mid_write(
    start: Callable[..., Watcher], site: list[Path]
) -> None:
    watcher = start("--select", "EN005,FM001,FM002", "--output-format", "concise", "--no-cache")
    after = watcher.ready(4)
    site[1].write_bytes(article(1).replace("happened", "happ\xffened").encode("latin-1"))
    watcher.line(
        f"{NEWS}/0001.en.md:7:13: EN005 [invalid-utf8] bytes that are not UTF-8: FF "
        "(as Windows-1252: 'ÿ')",
        after=after,
    )
    text = article(2)
    with open(site[2], "w", encoding="utf-8") as handle:  # the writer stops half way ...
        handle.write(text[:20])
        handle.flush()
        at = watcher.line(
            f"{NEWS}/0002.en.md:1:1: FM002 [front-matter-syntax] YAML front matter opened "
            "with '---' is never closed",
            after=after,
        )
        handle.write(text[20:])  # ... and finishes
    lines = watcher.settle(at)
    last = max(i for i, line in enumerate(lines) if f"{NEWS}/0002.en.md" in relinted(line))
    assert lines[last:] == [f"[t] re-linted {NEWS}/0002.en.md"]


@pytest.mark.slow
def test_a_configuration_change_relints_everything(
    start: Callable[..., Watcher], site: list[Path]
) -> None:
    config = Path(".newslint.toml")
    config.write_text('select = ["FM004", "XF"]\n', encoding="utf-8")
    watcher = start("--output-format", "concise", "--no-cache")
    after = watcher.ready(4)
    config.write_text('select = ["XF"]\n', encoding="utf-8")
    at = watcher.line(
        "[t] .newslint.toml changed; reading the configuration again, re-linting all", after=after
    )
    assert watcher.out[at + 1 : watcher.ready_after(at)] == []
    # A configuration that cannot be read is reported; the previous one stays in force.
    config.write_text('select = ["XF"\n', encoding="utf-8")
    at = watcher.line("[t] .newslint.toml changed; keeping the previous configuration", after=at)
    watcher.wait_for(lambda: len(watcher.err) >= 1, "the error")
    assert watcher.err[0].startswith("newslint: error: .newslint.toml: not valid TOML: ")
    site[1].write_text(article(1).replace("Summary of story 1.", ""), encoding="utf-8")
    watcher.line(f"[t] re-linted {NEWS}/0001.en.md", after=at)
    config.write_text('select = ["FM004"]\n', encoding="utf-8")
    at = watcher.line(
        "[t] .newslint.toml changed; reading the configuration again, re-linting all", after=at
    )
    assert watcher.out[at + 1 : watcher.ready_after(at)] == [
        fm004("0000"),
        fm004("0001"),
        fm004("0003"),
    ]
    assert len(watcher.err) == 1


@pytest.mark.slow
def test_a_site_configuration_change_relints_everything(
    start: Callable[..., Watcher], site: list[Path]
) -> None:
    watcher = start("--select", "DT001", "--output-format", "concise", "--no-cache")
    after = watcher.ready(4)
    message = (
        f"{NEWS}/0000.en.md:3:7: DT001 [date-format] [*] date is not RFC 3339 with an offset: "
        "Hugo reads '2025-02-01 10:00:00' in {}"
    )
    assert watcher.out[0] == message.format("Asia/Shanghai")
    save(Path("hugo.toml"), HUGO.replace("Asia/Shanghai", "Europe/Oslo"))
    at = watcher.line(
        "[t] hugo.toml changed; reading the configuration again, re-linting all", after=after
    )
    assert watcher.line(message.format("Europe/Oslo"), after=at) == at + 1
    assert len(watcher.out[at + 1 : watcher.ready_after(at)]) == 4


def test_a_jekyll_sites_configuration_is_among_the_watched_configuration_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outside a Hugo site, a Jekyll `_config.yml`'s `future` decides whether date-future reports
    a post: its change must read the sites again, as a Hugo configuration's does."""
    import argparse

    from newslint.watch import config_stamps

    posts = tmp_path / "blog" / "_posts"
    posts.mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    args = argparse.Namespace(isolated=True, config=None)
    before = config_stamps(args, Config(), [str(posts)])
    jekyll = str(tmp_path / "blog" / "_config.yml")
    assert before[jekyll] is None
    # The Gemfile says which builder's `future` default holds (github-pages' or Jekyll's).
    assert before[str(tmp_path / "blog" / "Gemfile")] is None
    (tmp_path / "blog" / "_config.yml").write_text("future: true\n", encoding="utf-8")
    assert config_stamps(args, Config(), [str(posts)])[jekyll] is not None


@pytest.mark.slow
def test_a_template_added_to_the_site_reads_the_site_again(
    start: Callable[..., Watcher], site: list[Path]
) -> None:
    site[0].write_text(
        article(0).replace("summary:", 'widgets: ["weather"]\nsummary:'), encoding="utf-8"
    )
    watcher = start("--select", "TH002", "--output-format", "concise", "--no-cache")
    after = watcher.ready(4)
    assert watcher.out[0] == (
        f"{NEWS}/0000.en.md:4:11: TH002 [widget-value] unknown widget 'weather': the sidebar is "
        "off on this page, the build fails once it is drawn"
    )
    # The site's own widget template makes the name known (the watch does not follow layouts/).
    widgets = Path("layouts/partials/widgets")
    widgets.mkdir(parents=True)
    save(widgets / "weather.html", "<div>weather</div>\n")
    at = watcher.line(
        "[t] layouts/partials/widgets/weather.html changed; reading the configuration again, "
        "re-linting all",
        after=after,
    )
    assert watcher.out[at + 1 : watcher.ready_after(at)] == []
    (widgets / "weather.html").unlink()
    at = watcher.line(
        "[t] layouts/partials/widgets/weather.html changed; reading the configuration again, "
        "re-linting all",
        after=at + 1,
    )
    assert watcher.out[at + 1 : watcher.ready_after(at)] == [watcher.out[0]]


@pytest.mark.slow
def test_a_site_configuration_broken_or_gone_keeps_the_watch_going(
    start: Callable[..., Watcher], site: list[Path]
) -> None:
    watcher = start("--select", "DT001", "--output-format", "concise", "--no-cache")
    after = watcher.ready(4)
    message = (
        f"{NEWS}/0000.en.md:3:7: DT001 [date-format] [*] date is not RFC 3339 with an offset: "
        "Hugo reads '2025-02-01 10:00:00' in {}"
    )
    # A YAML alias bomb in place of the TOML file: a one-line warning, the defaults, no hang.
    save(Path("hugo.yaml"), "a: &a [*a]\n")
    Path("hugo.toml").unlink()
    watcher.wait_for(lambda: len(watcher.err) >= 1, "the warning")
    assert watcher.err == [
        f"newslint: warning: {Path.cwd() / 'hugo.yaml'}: cannot read the site configuration: the"
        " configuration is nested more than 100 levels deep (a recursive YAML alias?); using"
        " defaults"
    ]
    Path("hugo.yaml").unlink()  # no site configuration at all
    at = watcher.line(
        "[t] hugo.yaml changed; reading the configuration again, re-linting all", after=after
    )
    watcher.ready_after(at + 1)
    save(Path("hugo.toml"), HUGO)
    at = watcher.line(
        "[t] hugo.toml changed; reading the configuration again, re-linting all", after=at + 1
    )
    watcher.line(message.format("Asia/Shanghai"), after=at)
    assert watcher.stop() == 0
    assert len(watcher.err) == 1, watcher.err


@pytest.mark.slow
def test_files_outside_the_content_or_excluded_are_ignored(
    start: Callable[..., Watcher], site: list[Path]
) -> None:
    Path(".newslint.toml").write_text(
        'select = ["FM004", "XF"]\nexclude = ["content/en/news/drafts/**"]\n', encoding="utf-8"
    )
    Path(NEWS, ".gitignore").write_text("private/\n", encoding="utf-8")
    watcher = start("--output-format", "concise", "--no-cache")
    after = watcher.ready(4)
    empty = article(0)  # an empty summary: FM004 wherever it is linted
    for name in ["README.md", "static/a.md", f"{NEWS}/drafts/b.md", f"{NEWS}/private/c.md"]:
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(empty.replace("Story number 0", name), encoding="utf-8")
    Path(NEWS, "notes.txt").write_text(empty, encoding="utf-8")
    assert watcher.settle(after) == []


@pytest.mark.slow
def test_cache_writes_inside_the_watched_folder_trigger_nothing(
    start: Callable[..., Watcher], site: list[Path]
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NEWSLINT_CACHE_DIR"}
    watcher = start(".", "--select", "FM004,XF", "--output-format", "concise", env=env)
    after = watcher.ready(4)
    assert Path(".newslint_cache").is_dir()  # the site's root: inside the watched folder
    save(site[1], article(1).replace("Summary of story 1.", ""))
    watcher.line(fm004("0001"), after=after)
    assert watcher.settle(after) == [f"[t] re-linted {NEWS}/0001.en.md", fm004("0001")]


@pytest.mark.slow
def test_a_file_named_alone_is_followed_through_atomic_saves(
    start: Callable[..., Watcher], site: list[Path]
) -> None:
    watcher = start(site[1].as_posix(), *WATCH)
    after = watcher.line("Watching 1 file for changes (Ctrl-C to stop).") + 1
    empty = article(1).replace("Summary of story 1.", "")
    for text, expected in [(empty, [fm004("0001")]), (article(1), []), (empty, [fm004("0001")])]:
        save(site[2], article(2, title="Story number 1"))  # not watched: never printed
        save(site[1], text)
        at = watcher.line(f"[t] re-linted {NEWS}/0001.en.md", after=after)
        if expected:
            watcher.line(expected[0], after=at)
        assert watcher.out[after:at] == []
        after = at + 1 + len(expected)
    assert not any("0002" in line for line in watcher.out)


@pytest.mark.slow
def test_the_include_globs_take_new_files_they_match(
    start: Callable[..., Watcher], site: list[Path]
) -> None:
    Path(".newslint.toml").write_text(
        'include = ["content/**/*.md"]\nselect = ["FM004", "XF"]\n', encoding="utf-8"
    )
    watcher = start("--output-format", "concise", "--no-cache")
    after = watcher.ready(4)
    Path(NEWS, "more").mkdir()
    for name in ["more/new.en.md", "other.markdown"]:  # the glob takes .md only
        save(Path(NEWS, name), article(30, title=name, source=name))
    assert watcher.settle(after) == [
        f"[t] re-linted {NEWS}/more/new.en.md",
        fm004("more/new"),
    ]


@pytest.mark.slow
def test_a_watched_folder_created_again_is_watched_again(
    start: Callable[..., Watcher], site: list[Path]
) -> None:
    import shutil

    watcher = start(*WATCH)
    after = watcher.ready(4)
    shutil.rmtree("content/en")
    at = watcher.line(
        "[t] removed " + ", ".join(f"{NEWS}/000{n}.en.md" for n in range(4)), after=after
    )
    Path(NEWS).mkdir(parents=True)
    Path(NEWS, "back.en.md").write_text(article(0, title="Back"), encoding="utf-8")
    at = watcher.line(
        "[t] content/en was created again; watching it again, re-linting all", after=at
    )
    end = watcher.ready_after(at)
    assert watcher.out[at + 1 : end + 1] == [
        fm004("back"),
        "Watching 1 file for changes (Ctrl-C to stop).",
    ]
    save(Path(NEWS, "back.en.md"), article(1, title="Back"))
    assert watcher.settle(end + 1) == [f"[t] re-linted {NEWS}/back.en.md"]


@pytest.mark.slow
def test_an_article_linked_to_a_file_outside_is_relinted_on_a_save_of_it(
    start: Callable[..., Watcher], site: list[Path], tmp_path_factory: pytest.TempPathFactory
) -> None:
    no_hugo_site()  # in a site's content a walk follows no link (test_discover)
    outside = tmp_path_factory.mktemp("drafts") / "story.md"
    outside.write_text(article(6), encoding="utf-8")
    Path(NEWS, "linked.en.md").symlink_to(outside.absolute())
    watcher = start(*WATCH)
    after = watcher.ready(5)
    save(outside, article(6).replace("Summary of story 6.", ""))
    assert watcher.settle(after) == [f"[t] re-linted {NEWS}/linked.en.md", fm004("linked")]
    # A link made while watching, to a file in another folder: the watch is set up again to
    # follow that folder too.
    other = tmp_path_factory.mktemp("more") / "other.md"
    other.write_text(article(8), encoding="utf-8")
    Path(NEWS, "later.en.md").symlink_to(other.absolute())
    at = watcher.line(
        f"[t] {NEWS}/later.en.md links to a file outside the watched folders; watching its"
        " folder too, re-linting all",
        after=after,
    )
    end = watcher.ready_after(at)
    # The site, the two links and the two sentinel articles `settle` saved.
    assert watcher.out[end] == "Watching 8 files for changes (Ctrl-C to stop)."
    save(other, article(8).replace("Summary of story 8.", ""))
    assert watcher.settle(end + 1) == [f"[t] re-linted {NEWS}/later.en.md", fm004("later")]


@pytest.mark.slow
def test_a_symbolic_link_to_a_folder_made_while_watching_is_followed(
    start: Callable[..., Watcher], site: list[Path], tmp_path_factory: pytest.TempPathFactory
) -> None:
    no_hugo_site()  # in a site's content a walk follows no link (test_discover)
    outside = tmp_path_factory.mktemp("elsewhere")  # of no site: a check lints it
    (outside / "x.en.md").write_text(article(6), encoding="utf-8")
    linked = f"{NEWS}/linked/x.en.md:4:10: FM004 [required-field] required field 'summary' is empty"
    watcher = start(*WATCH)
    after = watcher.ready(4)
    Path(NEWS, "linked").symlink_to(outside.absolute())
    at = watcher.line(
        f"[t] {NEWS}/linked is a symbolic link to a folder; watching it too, re-linting all",
        after=after,
    )
    end = watcher.ready_after(at)
    assert watcher.out[after : end + 1] == [
        watcher.out[at],
        fm004("0000"),
        fm004("0003"),
        linked,
        "Watching 5 files for changes (Ctrl-C to stop).",
    ]
    # A save in the linked folder is seen; a link to a folder above brings no file twice.
    save(outside / "x.en.md", article(7))
    at = watcher.line(f"[t] re-linted {NEWS}/linked/x.en.md", after=end)
    Path(NEWS, "loop").symlink_to("..")
    at = watcher.line(
        f"[t] {NEWS}/loop is a symbolic link to a folder; watching it too, re-linting all",
        after=at,
    )
    end = watcher.ready_after(at)
    assert watcher.out[at + 1 : end + 1] == [
        fm004("0000"),
        fm004("0003"),
        "Watching 5 files for changes (Ctrl-C to stop).",
    ]


@pytest.mark.slow
def test_a_file_whose_name_is_not_utf8_does_not_end_the_watch(
    start: Callable[..., Watcher], site: list[Path]
) -> None:
    """watchfiles cannot name such a file, and ended the watch (exit 2, an internal error) when
    it was saved."""
    latin1 = os.fsencode(NEWS) + b"/caf\xe9.en.md"
    with open(latin1, "w", encoding="utf-8") as handle:
        handle.write(article(0))
    watcher = start(*WATCH)
    after = watcher.ready(5)
    with open(latin1, "w", encoding="utf-8") as handle:
        handle.write(article(1, title="Story number 0"))
    at = watcher.line(
        f"[t] a file whose name is not UTF-8 changed in {NEWS}; watching again, re-linting all",
        after=after,
    )
    end = watcher.ready_after(at)
    assert watcher.out[end] == "Watching 5 files for changes (Ctrl-C to stop)."
    save(site[1], article(1).replace("Summary of story 1.", ""))
    watcher.line(fm004("0001"), after=end)
    assert watcher.stop() == 0
    assert watcher.err == []


@pytest.mark.slow
def test_reading_a_file_whose_name_is_not_utf8_is_no_change(
    start: Callable[..., Watcher], site: list[Path]
) -> None:
    """Linting such a file reads it, inotify reports the read, and watchfiles, unable to name
    the file, ended the watch: each re-lint of everything read it again, five times a second,
    for ever. A read is no change: the watch goes on quietly, and re-lints only what is saved."""
    latin1 = os.fsencode(NEWS) + b"/caf\xe9.en.md"
    with open(latin1, "w", encoding="utf-8") as handle:
        handle.write(article(0))
    watcher = start(*WATCH)
    after = watcher.ready(5)
    watcher.settle(after)
    save(site[1], article(1).replace("Summary of story 1.", ""))
    at = watcher.line(fm004("0001"), after=after)
    lines = watcher.settle(at + 1)
    assert not [line for line in watcher.out if "not UTF-8" in line]
    assert [line for line in watcher.out if line.startswith("Watching ")] == [
        "Watching 5 files for changes (Ctrl-C to stop)."
    ]
    assert lines == []
    assert watcher.stop() == 0
    assert watcher.err == []


@pytest.mark.slow
def test_a_gitignore_change_relints_everything(
    start: Callable[..., Watcher], site: list[Path]
) -> None:
    """A `.gitignore` in a watched folder (a change of the watch) or above it (looked at with
    the configuration) takes files out of the picture and brings them back; it was read once."""
    watcher = start(*WATCH)
    after = watcher.ready(4)
    Path(NEWS, ".gitignore").write_text("0000.en.md\n", encoding="utf-8")
    at = watcher.line(f"[t] {NEWS}/.gitignore changed; re-linting all", after=after)
    end = watcher.ready_after(at)
    assert watcher.out[at + 1 : end + 1] == [
        fm004("0003"),
        "Watching 3 files for changes (Ctrl-C to stop).",
    ]
    Path(".gitignore").write_text("0003.en.md\n", encoding="utf-8")  # above `content`
    at = watcher.line(
        "[t] .gitignore changed; reading the configuration again, re-linting all", after=end
    )
    end = watcher.ready_after(at)
    assert watcher.out[at + 1 : end + 1] == ["Watching 2 files for changes (Ctrl-C to stop)."]
    Path(NEWS, ".gitignore").unlink()
    at = watcher.line(f"[t] {NEWS}/.gitignore changed; re-linting all", after=end)
    end = watcher.ready_after(at)
    assert watcher.out[at + 1 : end + 1] == [
        fm004("0000"),
        "Watching 3 files for changes (Ctrl-C to stop).",
    ]
    assert watcher.settle(end + 1) == []


@pytest.mark.slow
def test_a_content_folder_created_while_watching_is_watched(
    start: Callable[..., Watcher], site: list[Path]
) -> None:
    """A language's contentDir that does not exist yet when the watch starts: a check lints it
    once it is there, and the watch missed it."""
    import shutil

    shutil.rmtree("content/zh-CN")
    watcher = start(*WATCH)
    after = watcher.ready(4)
    Path("content/zh-CN/news").mkdir(parents=True)
    Path("content/zh-CN/news/a.md").write_text(
        article(3, title="新闻", source="zh/3"), encoding="utf-8"
    )
    at = watcher.line("[t] content/zh-CN was created; watching it, re-linting all", after=after)
    end = watcher.ready_after(at)
    assert watcher.out[at + 1 : end + 1] == [
        fm004("0000"),
        fm004("0003"),
        "content/zh-CN/news/a.md:4:10: FM004 [required-field] required field 'summary' is empty",
        "Watching 5 files for changes (Ctrl-C to stop).",
    ]
    save(Path("content/zh-CN/news/a.md"), article(4, title="新闻", source="zh/4"))
    assert watcher.settle(end + 1) == ["[t] re-linted content/zh-CN/news/a.md"]


def test_an_anchor_renamed_on_another_page_updates_the_page_that_links_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rules.link_fragment import LinkFragment

    monkeypatch.chdir(tmp_path)
    (tmp_path / "hugo.toml").write_text('title = "t"\n', encoding="utf-8")
    news = tmp_path / "content" / "news"
    news.mkdir(parents=True)
    budget, linking = news / "budget.md", news / "a.md"
    budget.write_text("---\ntitle: B\n---\n\n## The vote\n", encoding="utf-8")
    linking.write_text('---\ntitle: A\n---\n\n[v]({{< ref "budget#the-vote" >}})\n', "utf-8")
    rules = build_ruleset(Config(presets=["hugo", "news"]), rule_classes=[LinkFragment])
    out = io.StringIO()
    watcher = Session(rules, [Path("content")], out, fmt="concise", use_cache=False)
    watcher.start([Path("content/news/a.md"), Path("content/news/budget.md")])
    assert not [line for line in printed(out) if "LK008" in line]
    budget.write_text("---\ntitle: B\n---\n\n## The final vote\n", encoding="utf-8")
    watcher.update([(MODIFIED, str(budget))])
    assert printed(out) == [
        "[t] re-linted content/news/budget.md; updated content/news/a.md",
        "content/news/a.md:5:14: LK008 [link-fragment] no heading or anchor on 'budget' has the"
        " id 'the-vote'",
    ]
    budget.write_text("---\ntitle: B\n---\n\n## The vote\n", encoding="utf-8")
    watcher.update([(MODIFIED, str(budget))])
    assert printed(out)[0] == "[t] re-linted content/news/budget.md; updated content/news/a.md"


# ------------------------------------------------------------------------------ hostile changes


def test_an_article_replaced_by_a_folder_leaves_the_picture(site: list[Path]) -> None:
    # Before: the batch printed nothing and the file's last result stayed in the picture.
    site[1].write_text(article(1, title="Story number 0"), encoding="utf-8")
    out = io.StringIO()
    watcher = session(out)
    watcher.start(site)
    assert xf002("0001", "0000", "Story number 0") in printed(out)
    site[1].unlink()
    site[1].mkdir()
    (site[1] / "inside.md").write_text(article(5), encoding="utf-8")
    name = str(site[1].absolute())
    watcher.update([(DELETED, name), (ADDED, name)])
    assert printed(out) == [f"[t] re-linted {NEWS}/0001.en.md/inside.md; removed {NEWS}/0001.en.md"]
    assert f"{NEWS}/0001.en.md" not in watcher.keys
    assert watcher.project == {}  # its duplicate title went with it


def test_an_article_replaced_by_a_folder_while_it_is_linted_leaves_the_picture(
    site: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = io.StringIO()
    watcher = session(out)
    watcher.start(site)
    printed(out)
    classify = watcher._classify

    def then_a_folder(changes: list[tuple[int, str]]) -> tuple[list[Path], list[str]]:
        found = classify(changes)
        site[1].unlink()
        site[1].mkdir()
        return found

    monkeypatch.setattr(watcher, "_classify", then_a_folder)
    assert watcher.update([(MODIFIED, str(site[1].absolute()))]) == []
    assert printed(out) == [f"[t] removed {NEWS}/0001.en.md"]


@pytest.mark.slow
def test_a_watch_outlives_hostile_changes_to_its_files(
    start: Callable[..., Watcher], site: list[Path]
) -> None:
    watcher = start("--select", "FM004,FM002,XF", "--output-format", "concise", "--no-cache")
    after = watcher.ready(4)
    # A folder in the article's place. Before: nothing printed, the article stayed.
    site[1].unlink()
    site[1].mkdir()
    at = watcher.line(f"[t] removed {NEWS}/0001.en.md", after=after)
    site[1].rmdir()
    # A pipe: reported, never opened (a read would wait for a writer forever).
    os.mkfifo(site[1])
    at = watcher.line(
        f"{NEWS}/0001.en.md:1:1: NL002 [unreadable-file] not a regular file (a pipe, socket or "
        "device); not read",
        after=at,
    )
    site[1].unlink()
    site[1].symlink_to(site[1].name)  # a link to itself
    at = watcher.line(
        f"{NEWS}/0001.en.md:1:1: NL002 [unreadable-file] cannot read file: Too many levels of "
        "symbolic links",
        after=at,
    )
    site[1].unlink()
    # A YAML alias bomb: a clean diagnostic, at once.
    aliases = "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]\n" for n in range(8)
    )
    save(site[1], f"---\na: &a [x]\n{aliases}---\n\nText.\n")
    at = watcher.line(f"[t] re-linted {NEWS}/0001.en.md", after=at)
    watcher.wait_for(
        lambda: any(line.startswith(f"{NEWS}/0001.en.md:") for line in watcher.out[at:]), "bomb"
    )
    save(site[1], article(1))
    lines = watcher.settle(at)
    last = max(i for i, line in enumerate(lines) if f"{NEWS}/0001.en.md" in relinted(line))
    assert lines[last:] == [f"[t] re-linted {NEWS}/0001.en.md"]  # clean again
    assert watcher.stop() == 0
    assert watcher.err == []


@pytest.mark.slow
def test_a_burst_of_a_thousand_saves_ends_on_the_last(
    start: Callable[..., Watcher], site: list[Path]
) -> None:
    watcher = start(*WATCH)
    after = watcher.ready(4)
    for number in range(1000):
        # Every save but the last leaves the summary empty (an FM004).
        text = article(1) if number == 999 else article(1).replace("Summary of story 1.", "")
        save(site[1], text)
    lines = watcher.settle(after)
    last = max(i for i, line in enumerate(lines) if f"{NEWS}/0001.en.md" in relinted(line))
    assert lines[last:] == [f"[t] re-linted {NEWS}/0001.en.md"]
    # Batched: far fewer lints than saves.
    assert sum(f"{NEWS}/0001.en.md" in relinted(line) for line in lines) < 100
    assert watcher.stop() == 0
    assert watcher.err == []


@pytest.mark.slow
def test_an_article_or_folder_made_unreadable_is_reported_and_read_again_when_it_can_be(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.test_hostile_files import _as_unprivileged

    prefix = _as_unprivileged()
    if prefix is None:
        pytest.skip("running as root without setpriv")
    root = Path(tempfile.mkdtemp(prefix="newslint-watch-"))  # one everybody can enter
    try:
        monkeypatch.chdir(root)
        articles = [p.relative_to(root) for p in make_site(root, 4)]
        for where, _, files in os.walk(root):
            os.chmod(where, 0o777)
            for name in files:
                os.chmod(os.path.join(where, name), 0o666)
        watcher = Watcher(WATCH, prefix=prefix)
        try:
            after = watcher.ready(4)
            articles[1].chmod(0)
            at = watcher.line(
                f"{NEWS}/0001.en.md:1:1: NL002 [unreadable-file] cannot read file: Permission "
                "denied",
                after=after,
            )
            articles[1].chmod(0o666)
            articles[1].write_text(article(1).replace("Summary of story 1.", ""), encoding="utf-8")
            at = watcher.line(fm004("0001"), after=at)
            # The whole folder: it stands for its articles until it can be listed again.
            Path(NEWS).chmod(0)
            at = watcher.line(
                f"{NEWS}:1:1: NL002 [unreadable-file] cannot read folder: Permission denied; the "
                "articles in it are not linted",
                after=at,
            )
            Path(NEWS).chmod(0o777)
            at = watcher.line(
                f"[t] re-linted {', '.join(a.as_posix() for a in articles)}; removed {NEWS}",
                after=at,
            )
            watcher.line(fm004("0003"), after=at)
            assert watcher.out[at + 1 : at + 4] == [fm004("0000"), fm004("0001"), fm004("0003")]
            assert watcher.stop() == 0
            assert watcher.err == []
        finally:
            if watcher.process.poll() is None:
                watcher.process.kill()
                watcher.process.wait(WAIT)
    finally:
        shutil.rmtree(root)


def test_a_folder_that_can_no_longer_be_listed_stands_for_its_articles(
    site: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Before: its articles kept their last results, and nothing was said. (As root no mode denies
    # a listing: the refusal is simulated.)
    out = io.StringIO()
    watcher = session(out)
    watcher.start(site)
    printed(out)
    news = os.path.abspath(NEWS)
    listing = os.scandir

    def refused(path: Any = ".") -> Any:
        if os.path.abspath(path) == news:
            raise PermissionError(13, "Permission denied")
        return listing(path)

    monkeypatch.setattr(os, "scandir", refused)
    watcher.update([(MODIFIED, news)])  # its mode changed
    assert printed(out) == [
        f"[t] re-linted {NEWS}; removed " + ", ".join(f"{NEWS}/000{n}.en.md" for n in range(4)),
        f"{NEWS}:1:1: NL002 [unreadable-file] cannot read folder: Permission denied; the articles "
        "in it are not linted",
    ]
    monkeypatch.setattr(os, "scandir", listing)
    watcher.update([(MODIFIED, news)])  # listed again: its articles are back
    assert printed(out) == [
        "[t] re-linted "
        + ", ".join(f"{NEWS}/000{n}.en.md" for n in range(4))
        + f"; removed {NEWS}",
        fm004("0000"),
        fm004("0003"),
    ]


def test_a_named_file_becomes_a_bundle_resource_while_a_watch_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With `--force-exclude`, a watch asks of a file named as a root whether Hugo makes a page
    of it each time it changes. An `index.md` saved beside it since makes it a leaf bundle's
    resource: the next batch must see the folder as it is, not as the first question listed it."""
    (tmp_path / "hugo.toml").write_text('title = "T"\n', encoding="utf-8")
    notes = tmp_path / "content/post/b/notes.md"
    notes.parent.mkdir(parents=True)
    notes.write_text("---\ntitle: Notes\n---\nBody.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    scope = Scope([Path("content/post/b/notes.md")], force_exclude=True)
    assert scope.admits(Path("content/post/b/notes.md"))
    (notes.parent / "index.md").write_text("---\ntitle: B\n---\nBody.\n", encoding="utf-8")
    scope.new_batch()
    assert not scope.admits(Path("content/post/b/notes.md"))


@pytest.mark.slow
def test_a_watch_whose_working_directory_is_removed_says_so_and_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The site checked out in the folder the watch runs in is deleted whole. Before:
    # "newslint: internal error: FileNotFoundError: [Errno 2] No such file or directory".
    root = tmp_path / "site"
    root.mkdir()
    monkeypatch.chdir(root)
    make_site(root, 2)
    watcher = Watcher(WATCH)
    try:
        after = watcher.ready(2)
        shutil.rmtree(root)
        assert watcher.process.wait(WAIT) == 2
    finally:
        if watcher.process.poll() is None:
            watcher.process.kill()
    for reader in watcher.readers:
        reader.join(WAIT)
    assert watcher.err == ["newslint: error: the working directory no longer exists"]
    # The deletions are reported, unless the look at the configuration came first.
    removed = f"[t] removed {NEWS}/0000.en.md, {NEWS}/0001.en.md"
    assert watcher.out[after:] in ([], [removed])


def test_a_named_folder_that_becomes_a_file_then_a_folder_again_is_linted(
    start: Callable[..., Watcher], site: list[Path]
) -> None:
    import shutil

    watcher = start(*WATCH, "content/en")
    after = watcher.ready(4)
    shutil.rmtree("content/en")
    Path("content/en").write_text(article(7, title="Flat"), encoding="utf-8")
    at = watcher.line(
        "[t] content/en was created again; watching it again, re-linting all", after=after
    )
    at = watcher.line("Watching 1 file for changes (Ctrl-C to stop).", after=at)
    Path("content/en").unlink()
    at = watcher.line("[t] removed content/en", after=at)
    # Before: the watch followed only the folder around the file, and never saw this.
    Path(NEWS).mkdir(parents=True)
    Path(NEWS, "back.en.md").write_text(article(0, title="Back"), encoding="utf-8")
    at = watcher.line(
        "[t] content/en was created again; watching it again, re-linting all", after=at
    )
    end = watcher.ready_after(at)
    assert watcher.out[at + 1 : end + 1] == [
        fm004("back"),
        "Watching 1 file for changes (Ctrl-C to stop).",
    ]
    save(Path(NEWS, "back.en.md"), article(1, title="Back"))
    assert watcher.settle(end + 1) == [f"[t] re-linted {NEWS}/back.en.md"]
