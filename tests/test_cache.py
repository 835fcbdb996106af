from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import pytest

from newslint import cache as cache_module
from newslint.cache import CACHE_DIR_NAME, FileCache, locate, run_fingerprint
from newslint.config import Config, parse_config
from newslint.engine import FileResult, RuleSet, build_ruleset
from newslint.rule import Rule
from newslint.runner import lint_files, lint_one
from newslint.site import Site
from rules.link_relative import LinkRelative
from rules.required_field import RequiredField
from tests.sitegen import make_site


class Volatile(Rule):
    """Reports every file, depending on the clock."""

    code = "ZZ903"
    name = "volatile-rule"
    messages = {"now": "depends on the time"}
    volatile = True

    def on_document_end(self, ctx, document) -> None:  # type: ignore[no-untyped-def]
        from newslint.spans import Span

        ctx.report(Span(0, 0), "now")


class Crashing(Rule):
    """Crashes on every file."""

    code = "ZZ904"
    name = "crashing-rule"

    def on_document_end(self, ctx, document) -> None:  # type: ignore[no-untyped-def]
        raise ValueError("bad")


class CollectsALock(Rule):
    """Collects, for its project step, a value that pickle cannot carry (a lock)."""

    code = "ZZ905"
    name = "collects-a-lock"
    messages = {"never": "never reported"}

    def collect(self) -> object:
        return threading.Lock()

    @classmethod
    def project_end(cls, ctx, collected) -> None:  # type: ignore[no-untyped-def]
        pass


def ruleset(config: Config | None = None, *rules: type[Rule]) -> RuleSet:
    return build_ruleset(config or Config(), rule_classes=[RequiredField, *rules])


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    return [p.relative_to(tmp_path) for p in make_site(tmp_path, 3)]


def database(base: Path = Path(".")) -> Path:
    return next((base / CACHE_DIR_NAME).glob("v*/files.sqlite"))


def entries(base: Path = Path(".")) -> list[bytes]:
    if not list((base / CACHE_DIR_NAME).glob("v*/files.sqlite")):
        return []
    with sqlite3.connect(database(base)) as connection:
        return [row[0] for row in connection.execute("SELECT key FROM entries ORDER BY key")]


def test_cache_lives_at_the_site_root_with_its_own_gitignore(site: list[Path]) -> None:
    lint_files(site, ruleset())
    base = Path(CACHE_DIR_NAME)
    assert (base / ".gitignore").read_text() == "# Created by newslint automatically.\n*\n"
    assert (
        (base / "CACHEDIR.TAG")
        .read_text()
        .startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )
    assert len(entries()) == 3


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_the_cache_markers_follow_the_umask(site: list[Path], umask: int, mode: int) -> None:
    """`.gitignore` and `CACHEDIR.TAG` are ordinary files, created as any new file is (they were
    0600, `mkstemp`'s mode, whatever the umask)."""
    import stat

    previous = os.umask(umask)
    try:
        lint_files(site, ruleset())
    finally:
        os.umask(previous)
    base = Path(CACHE_DIR_NAME)
    for name in (".gitignore", "CACHEDIR.TAG"):
        assert stat.S_IMODE((base / name).stat().st_mode) == mode, name
    assert not list(base.glob(".tmp-*"))  # no temporary file left behind


def test_location_order(
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    site: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert locate(site, None) == tmp_path / CACHE_DIR_NAME  # the site root
    assert locate(site, tmp_path / "sub" / "newslint.toml") == tmp_path / "sub" / CACHE_DIR_NAME
    outside = tmp_path_factory.mktemp("loose")
    monkeypatch.chdir(outside)
    assert locate([Path("x.md")], None) == outside / CACHE_DIR_NAME  # no site: the working dir
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert locate(site, tmp_path / "newslint.toml") == tmp_path / "elsewhere"


def test_key_depends_on_content_path_site_and_run(site: list[Path]) -> None:
    cache = FileCache(Path("c"), run_fingerprint(ruleset()))
    base = cache.key("a.md", "/x/a.md", Site(), b"text")
    assert cache.key("a.md", "/x/a.md", Site(), b"text") == base
    assert cache.key("a.md", "/x/a.md", Site(), b"text!") != base
    assert cache.key("b.md", "/x/b.md", Site(), b"text") != base
    assert cache.key("a.md", "/x/a.md", Site(time_zone="UTC"), b"text") != base
    other = FileCache(Path("c"), run_fingerprint(ruleset(parse_config({"required": ["author"]}))))
    assert other.key("a.md", "/x/a.md", Site(), b"text") != base


def test_fingerprint_follows_rules_options_and_severity() -> None:
    plain = run_fingerprint(ruleset())
    assert run_fingerprint(ruleset()) == plain
    options = parse_config({"rules": {"required-field": {"fields": ["title"]}}})
    assert run_fingerprint(ruleset(options)) != plain
    severity = parse_config({"rules": {"required-field": {"severity": "warning"}}})
    assert run_fingerprint(ruleset(severity)) != plain
    assert run_fingerprint(ruleset(None, Volatile)) != plain
    # fail-on does not change any file's diagnostics, so it keeps the cache.
    assert run_fingerprint(ruleset(parse_config({"fail-on": "warning"}))) == plain


def test_corrupted_and_truncated_entries_are_ignored(site: list[Path]) -> None:
    rules = ruleset()
    first = lint_files(site, rules)
    keys = entries()
    with sqlite3.connect(database()) as connection:
        value = connection.execute("SELECT value FROM entries WHERE key = ?", (keys[1],)).fetchone()
        flipped = bytearray(value[0])
        flipped[-3] ^= 0xFF
        bad_values = [b"garbage", value[0][: len(value[0]) // 2], bytes(flipped)]
        for key, bad in zip(keys, bad_values, strict=True):
            connection.execute("UPDATE entries SET value = ? WHERE key = ?", (bad, key))
    again = lint_files(site, rules)
    assert again.cache_hits == 0
    assert [r.diagnostics for r in again] == [r.diagnostics for r in first]
    assert lint_files(site, rules).cache_hits == 3  # rewritten


def test_a_database_that_is_not_one_is_replaced(site: list[Path]) -> None:
    rules = ruleset()
    first = lint_files(site, rules)
    for suffix in ("-wal", "-shm"):
        Path(f"{database()}{suffix}").unlink(missing_ok=True)
    database().write_bytes(b"not a database at all" * 100)
    again = lint_files(site, rules)
    assert (again.cache_hits, [r.diagnostics for r in again]) == (0, [r.diagnostics for r in first])
    assert lint_files(site, rules).cache_hits == 3


def test_clock_dependent_results_are_not_stored(site: list[Path]) -> None:
    rules = ruleset(None, Volatile)
    first = lint_files(site, rules)
    assert [d.rule for d in first[1].diagnostics] == ["volatile-rule"]
    assert lint_files(site, rules).cache_hits == 0


def test_a_relative_link_report_is_not_stored_so_writing_the_target_clears_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    Path("hugo.toml").write_text('baseURL = "https://example.org/"\ntitle = "Club"\n')
    article = Path("content/news/meeting.md")
    article.parent.mkdir(parents=True)
    article.write_text(
        '---\ntitle: "Meeting"\n---\n\nThe [board](/about/board) met on Monday.\n\n'
        "[Daily](https://daily.example.com/club-meeting)\n"
    )
    rules = build_ruleset(Config(), rule_classes=[LinkRelative])
    first = lint_files([article], rules)
    assert [(d.code, d.line, d.column) for d in first[0].diagnostics] == [("LK003", 5, 13)]
    board = Path("content/about/board.md")
    board.parent.mkdir(parents=True)
    board.write_text('---\ntitle: "Board"\n---\n\nThe board.\n')
    again = lint_files([article], rules)
    assert (again.cache_hits, again[0].diagnostics) == (0, [])


def _club(text: str) -> Path:
    """A site whose article's source is another site, with `text` as its body."""
    Path("hugo.toml").write_text('baseURL = "https://example.org/"\ntitle = "Club"\n')
    article = Path("content/news/meeting.md")
    article.parent.mkdir(parents=True)
    article.write_text(
        f'---\ntitle: "Meeting"\n---\n\n{text}\n\n[Daily](https://daily.example.com/club-meeting)\n'
    )
    return article


def test_deleting_the_page_a_relative_link_led_to_brings_its_report_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    article = _club("The [board](/about/board) met on Monday.")
    board = Path("content/about/board.md")
    board.parent.mkdir(parents=True)
    board.write_text('---\ntitle: "Board"\n---\n\nThe board.\n')
    rules = build_ruleset(Config(), rule_classes=[LinkRelative])
    first = lint_files([article], rules)
    assert (first.cache_hits, first[0].diagnostics) == (0, [])
    assert lint_files([article], rules).cache_hits == 1  # stored, and nothing changed
    board.unlink()
    gone = lint_files([article], rules)
    assert gone.cache_hits == 0
    assert [(d.code, d.line, d.column, d.message) for d in gone[0].diagnostics] == [
        (
            "LK003",
            5,
            13,
            "relative link '/about/board' was copied from daily.example.com and points at "
            "nothing here",
        )
    ]
    # The report is stored too, with the checks it depends on: unchanged, it comes back from the
    # cache; once the page is written again it goes.
    again = lint_files([article], rules)
    assert (again.cache_hits, [d.code for d in again[0].diagnostics]) == (1, ["LK003"])
    board.write_text('---\ntitle: "Board"\n---\n\nThe board.\n')
    back = lint_files([article], rules)
    assert (back.cache_hits, back[0].diagnostics) == (0, [])
    assert lint_files([article], rules).cache_hits == 1


def test_a_static_file_or_bundle_resource_a_link_led_to_is_rechecked_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    article = _club("![Chart](/images/chart.png) and the [minutes](minutes.pdf).")
    chart = Path("static/images/chart.png")
    chart.parent.mkdir(parents=True)
    chart.write_bytes(b"png")
    minutes = article.parent / "minutes.pdf"
    minutes.write_bytes(b"pdf")
    rules = build_ruleset(Config(), rule_classes=[LinkRelative])
    assert lint_files([article], rules)[0].diagnostics == []
    chart.unlink()
    assert [(d.line, d.column) for d in lint_files([article], rules)[0].diagnostics] == [(5, 10)]
    chart.write_bytes(b"png")
    minutes.unlink()
    result = lint_files([article], rules)
    assert (result.cache_hits, [(d.line, d.column) for d in result[0].diagnostics]) == (
        0,
        [(5, 47)],
    )


def test_check_through_the_cache_follows_the_target_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from newslint.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    _club("The [board](/about/board) met on Monday.")
    board = Path("content/about/board.md")
    board.parent.mkdir(parents=True)
    board.write_text('---\ntitle: "Board"\n---\n\nThe board.\n')
    check = ["check", "--select", "LK003", "--output-format", "concise", "content/news"]
    reported = (
        "content/news/meeting.md:5:13: LK003 [link-relative] relative link '/about/board' was "
        "copied from daily.example.com and points at nothing here\n"
    )
    assert main(check) == 0  # a warning: the exit code stays 0
    assert Path(CACHE_DIR_NAME).is_dir()
    assert "LK003" not in capsys.readouterr().out
    board.unlink()
    main(check)
    assert reported in capsys.readouterr().out
    board.write_text('---\ntitle: "Board"\n---\n\nThe board.\n')
    main(check)
    assert "LK003" not in capsys.readouterr().out


def test_an_entry_holds_the_existence_checks_its_result_depends_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pickle

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    article = _club("The [board](/about/board) met on Monday.")
    other = Path("content/news/other.md")
    other.write_text('---\ntitle: "Other"\n---\n\nNo links.\n')
    board = Path("content/about/board.md")
    board.parent.mkdir(parents=True)
    board.write_text('---\ntitle: "Board"\n---\n\nThe board.\n')
    lint_files([article, other], build_ruleset(Config(), rule_classes=[LinkRelative]), jobs=1)
    with sqlite3.connect(database()) as connection:
        values = [row[0] for row in connection.execute("SELECT value FROM entries")]
    head = len(cache_module._MAGIC) + cache_module._CHECK  # the magic and the checksum
    depends = sorted(pickle.loads(value[head:])[1] for value in values)
    root = str(tmp_path.resolve())
    assert depends == [
        (),  # no relative link: nothing but its own bytes
        (
            (f"{root}/static/about/board", False),
            (f"{root}/content/about/board", False),
            (f"{root}/content/about/board.md", True),
        ),
    ]


def test_check_through_the_cache_follows_a_page_named_in_capitals(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`/about/board` is the URL of `content/About/Board.md`, found in a folder's listing: the
    cached result holds while the folder has the entries it had."""
    from newslint.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    _club("The [board](/about/board) met on Monday.")
    board = Path("content/About/Board.md")
    board.parent.mkdir(parents=True)
    check = ["check", "--select", "LK003", "--output-format", "concise", "content/news"]
    main(check)
    assert "LK003" in capsys.readouterr().out
    board.write_text('---\ntitle: "Board"\n---\n\nThe board.\n')
    main(check)
    assert "LK003" not in capsys.readouterr().out
    board.rename(board.with_name("Members.md"))
    main(check)
    assert "LK003" in capsys.readouterr().out


def test_probes_hold_while_each_path_is_as_it_was(tmp_path: Path) -> None:
    from newslint.site import probes_hold

    there = tmp_path / "there.md"
    there.write_text("x")
    missing = str(tmp_path / "missing.md")
    assert probes_hold([(str(there), True), (missing, False)])
    assert not probes_hold([(str(there), False)])
    assert not probes_hold([(missing, True)])
    assert probes_hold([])


def test_a_listing_probe_holds_while_the_folder_has_its_entries(tmp_path: Path) -> None:
    from newslint.site import probes_hold, recording_probes, site_for

    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
    page = tmp_path / "content" / "News" / "My Page.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\n---\n")
    article = tmp_path / "content" / "a.md"
    article.write_text("---\n---\n")
    with recording_probes() as probes:
        assert site_for(article).may_serve("/news/my-page/", article)
    assert any("\0" in path for path, _ in probes) and probes_hold(probes)
    page.rename(page.with_name("Other.md"))
    assert not probes_hold(probes)


@pytest.mark.parametrize("entry", [None, "index.md", "INDEX.md", "link"])
def test_an_index_md_probe_says_what_the_folder_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, entry: str | None
) -> None:
    """A section's article records that `index.md` is absent from its folder (a bundle made
    around it would change its results). The folder's listing, already looked through for an
    index file, answers when no entry has that name in any case: no `exists` per article."""
    from newslint import site as site_module
    from newslint.site import bundle_resource_on_disk, recording_probes

    folder = tmp_path / "content" / "news"
    folder.mkdir(parents=True)
    (folder / "a.md").write_text("---\n---\n")
    (tmp_path / "elsewhere.md").write_text("---\n---\n")
    if entry == "link":
        (folder / "index.md").symlink_to(tmp_path / "elsewhere.md")
    elif entry is not None:
        (folder / entry).write_text("---\n---\n")
    asked: list[str] = []
    present = site_module._present
    monkeypatch.setattr(site_module, "_present", lambda path: asked.append(path) or present(path))
    with recording_probes() as probes:
        on_disk = bundle_resource_on_disk(str(folder / "a.md"), 1, ["en"])
    index = str(folder / "index.md")
    assert on_disk == (entry in ("index.md", "INDEX.md"))
    if entry in (None, "link"):  # a link is no bundle's page; the path exists through it
        assert probes == [(index, entry == "link")]
    assert asked == ([index] if entry == "link" else [])


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_result_that_does_not_pickle_is_not_stored(
    site: list[Path], monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """A plugin's collected data may be anything (`newslint.project` keeps what does not pickle
    in memory): the cache leaves such a result out. Its store ended the whole run with an
    internal error (TypeError: cannot pickle '_thread.lock' object), but with --no-cache."""
    monkeypatch.setattr("newslint.runner.PARALLEL_MIN", 0)  # jobs=2: through the workers
    rules = ruleset(None, CollectsALock)
    results = lint_files(site, rules, jobs=jobs)
    assert [d.code for r in results for d in r.diagnostics] == ["FM004"]
    assert [type(r.collected["collects-a-lock"].data) for r in results] == [
        type(threading.Lock())
    ] * 3
    assert entries() == []
    assert lint_files(site, rules, jobs=jobs).cache_hits == 0


def test_results_with_an_internal_error_are_not_stored(site: list[Path]) -> None:
    rules = ruleset(None, Crashing)
    first = lint_files(site, rules)
    assert {d.rule for r in first for d in r.diagnostics} == {"internal-error", "required-field"}
    assert lint_files(site, rules).cache_hits == 0
    assert lint_files(site, ruleset()).cache_hits == 0  # another rule set: other entries


def test_unwritable_folder_means_no_cache(
    site: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = Path("blocker")
    blocker.write_text("a file, not a folder")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(blocker / "cache"))
    assert FileCache.open(site, ruleset()) is None
    results = lint_files(site, ruleset())
    assert results.cache_hits == 0
    assert [d.code for r in results for d in r.diagnostics] == ["FM004"]


def test_unreadable_files_are_never_cached(site: list[Path]) -> None:
    rules = ruleset()
    cache = FileCache.open(site, rules)
    assert cache is not None
    missing = Path("content/en/news/missing.en.md")
    result, hit = lint_one(missing, rules, cache)
    assert (result.diagnostics[0].rule, hit) == ("unreadable-file", False)
    assert entries() == []


def test_entry_round_trip_and_counts(site: list[Path]) -> None:
    cache = FileCache.open(site, ruleset())
    assert cache is not None
    result = FileResult("a.md", [], {})
    key = cache.key("a.md", "/x/a.md", None, b"text")
    cache.put(key, result)
    cache.flush()
    loaded = cache.get(key)
    assert loaded is not None and loaded.path == "a.md"
    assert cache.get(cache.key("a.md", "/x/a.md", None, b"other")) is None
    assert (cache.hits, cache.misses) == (1, 1)
    cache.close()


def test_rows_unused_for_a_month_are_pruned(site: list[Path]) -> None:
    rules = ruleset()
    lint_files(site, rules)
    with sqlite3.connect(database()) as connection:
        connection.execute("UPDATE entries SET used = used - 31 WHERE key = ?", (entries()[0],))
    (database().parent / "pruned").unlink()
    cache = FileCache.open(site, rules)
    assert cache is not None
    cache.prune()
    cache.close()
    assert len(entries()) == 2
    assert lint_files(site, rules).cache_hits == 2
    assert len(entries()) == 3  # the missing one was stored again


def test_validated_configuration_is_remembered(tmp_path: Path) -> None:
    source = tmp_path / "newslint.toml"
    data = {"fail-on": "warning", "links": {"per-host": 3}}
    assert cache_module.validated_config(data, source) is None
    config = parse_config(data, source)
    assert (config.fail_on, config.links.per_host) == ("warning", 3)
    remembered = cache_module.validated_config(data, source)
    assert remembered is not None and remembered["links"]["per_host"] == 3
    again = parse_config(data, source)
    assert again == config and again.path == source
    assert cache_module.validated_config({"fail-on": "info"}, source) is None


def test_memo_is_skipped_without_a_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    parse_config({"fail-on": "warning"})
    assert not (tmp_path / CACHE_DIR_NAME).exists()
    assert os.listdir(tmp_path) == []


def test_a_database_damaged_inside_is_replaced(site: list[Path]) -> None:
    """A database whose header is fine but whose pages are not (a disk error, a copy cut short
    and patched up): SQLite opens it and only its queries fail with SQLITE_CORRUPT. Every run
    missed every file and stored nothing, for as long as the version lasted."""
    rules = ruleset()
    first = lint_files(site, rules)
    assert not Path(f"{database()}-wal").exists()  # checkpointed into the file at close
    data = bytearray(database().read_bytes())
    page = 4096
    assert len(data) >= 3 * page  # the schema page, the table and its index
    data[page:] = b"\xa5" * (len(data) - page)  # the table's and the index's pages
    database().write_bytes(bytes(data))
    with sqlite3.connect(database()) as connection, pytest.raises(sqlite3.DatabaseError):
        connection.execute("SELECT key FROM entries").fetchall()
    again = lint_files(site, rules)
    assert (again.cache_hits, [r.diagnostics for r in again]) == (0, [r.diagnostics for r in first])
    assert lint_files(site, rules).cache_hits == 3


def test_only_newslint_s_own_old_version_folders_are_removed(
    site: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`NEWSLINT_CACHE_DIR` may name a folder that holds more than newslint's cache (`~/.cache`):
    of its folders only those of an older newslint (`v<format>-<version>`) go. Every folder whose
    name started with "v" went (`vim`, `virtualenv`, `vendor`), with what was in it."""
    shared = Path("shared-cache").absolute()
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(shared))
    others = ["vim/swap/article.md.swp", "virtualenv/py311/x", "vendor/a.txt", "v2/notes.txt"]
    for name in [*others, "v1-0.0.9/files.sqlite", "v0-0.1.0/config/k.json"]:
        (shared / name).parent.mkdir(parents=True, exist_ok=True)
        (shared / name).write_text("kept")
    assert lint_files(site, ruleset()).cache_hits == 0
    assert sorted(p.name for p in shared.iterdir()) == sorted(
        [
            ".gitignore",
            "CACHEDIR.TAG",
            f"v{cache_module.FORMAT}-{cache_module.__version__}",
            "v2",
            "vendor",
            "vim",
            "virtualenv",
        ]
    )
    assert all((shared / name).read_text() == "kept" for name in others)
    assert lint_files(site, ruleset()).cache_hits == 3


def test_a_relative_link_let_through_by_its_target_is_stored_with_it_so_deleting_it_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other way round: a link let through because its page exists depends on that page as
    much as a report does. Stored without its existence checks, the clean result outlived the
    page's deletion."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    Path("hugo.toml").write_text('baseURL = "https://example.org/"\ntitle = "Club"\n')
    article = Path("content/news/meeting.md")
    article.parent.mkdir(parents=True)
    article.write_text(
        '---\ntitle: "Meeting"\n---\n\nThe [board](/about/board) met on Monday.\n\n'
        "[Daily](https://daily.example.com/club-meeting)\n"
    )
    plain = Path("content/news/plain.md")
    plain.write_text('---\ntitle: "Plain"\n---\n\nNo links.\n')
    board = Path("content/about/board.md")
    board.parent.mkdir(parents=True)
    board.write_text('---\ntitle: "Board"\n---\n\nThe board.\n')
    rules = build_ruleset(Config(), rule_classes=[LinkRelative])
    first = lint_files([article, plain], rules)
    assert [r.diagnostics for r in first] == [[], []]
    assert len(entries()) == 2  # the article with the checks of its link's target
    board.unlink()
    again = lint_files([article, plain], rules)
    assert again.cache_hits == 1
    assert [(d.code, d.line, d.column) for d in again[0].diagnostics] == [("LK003", 5, 13)]


def test_a_docs_layout_written_after_a_cached_run_makes_docs_pages_documentation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whether a `docs/` page is documentation depends on the site's layouts (`docs_layouts`):
    on a news site it is an article, and asked for a date; once `layouts/docs/single.html` is
    written, the next run (a new process: the site is read again) misses the cache and the page
    is documentation, asked for its title alone."""
    from newslint.site import clear_site_cache

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    Path("hugo.toml").write_text('baseURL = "https://example.org/"\ntitle = "Club"\n')
    page = Path("content/docs/install.md")
    page.parent.mkdir(parents=True)
    page.write_text('---\ntitle: "Install"\n---\n\nRun the installer.\n')
    rules = ruleset()
    clear_site_cache()
    first = lint_files([page], rules)
    assert [(d.code, d.line, d.column) for d in first[0].diagnostics] == [
        ("FM004", 1, 1),
        ("FM004", 1, 1),
    ]
    clear_site_cache()
    assert lint_files([page], rules).cache_hits == 1  # nothing changed
    Path("layouts/docs").mkdir(parents=True)
    Path("layouts/docs/single.html").write_text("{{ .Content }}\n")
    clear_site_cache()
    again = lint_files([page], rules)
    assert (again.cache_hits, again[0].diagnostics) == (0, [])
    clear_site_cache()
