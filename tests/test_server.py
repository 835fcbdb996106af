"""`newslint server`: the language server, driven by pygls's own client over a real process, and
its position and edit arithmetic on its own."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

from newslint.server import Linter, Positions, fix_all_title, whole_edit

HUGO = 'baseURL = "https://example.org/"\ntitle = "T"\n'
# One safe fix (TX003 in the title, after an emoji: 2 UTF-16 units, 4 UTF-8 bytes, 1 code point).
ARTICLE = (
    "---\n"
    'title: "😀 Rock &amp; Roll tonight"\n'
    "date: 2024-05-01T10:00:00Z\n"
    "---\n"
    "\n"
    "The band played loud music all night long at the venue downtown.\n"
)
FIXED = ARTICLE.replace("&amp;", "&")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "hugo.toml").write_text(HUGO)
    (tmp_path / "content" / "news").mkdir(parents=True)
    return tmp_path


# ------------------------------------------------------------------------------ positions


@pytest.mark.parametrize(
    ("encoding", "character"),
    [("utf-16", 16), ("utf-8", 18), ("utf-32", 15)],
)
def test_positions_count_the_clients_code_units(encoding: str, character: int) -> None:
    # newslint's column 16 on line 2 is the "&" of "&amp;": 15 code points before it.
    positions = Positions(ARTICLE, encoding)
    assert positions.position(2, 16) == (1, character)


def test_positions_end_lines_at_crlf_and_a_lone_cr() -> None:
    positions = Positions("a\r\nb\rc\nd", "utf-16")
    assert [positions.position(line, 1) for line in (1, 2, 3, 4)] == [
        (0, 0),
        (1, 0),
        (2, 0),
        (3, 0),
    ]
    assert positions.at_offset(len("a\r\nb\r")) == (2, 0)


def test_a_position_past_the_end_is_the_end() -> None:
    assert Positions("ab\ncd", "utf-16").position(9, 1) == (1, 2)


def test_whole_edit_replaces_only_what_changed() -> None:
    (edit,) = whole_edit(ARTICLE, FIXED, Positions(ARTICLE, "utf-16"))
    # "&amp;" -> "&": the "&" they share stays, "amp;" goes.
    assert (edit.range.start.line, edit.range.start.character) == (1, 17)
    assert (edit.range.end.line, edit.range.end.character) == (1, 21)
    assert edit.new_text == ""


def test_whole_edit_never_splits_a_crlf_pair() -> None:
    before, after = "a\r\nb", "a\r\r\nb"
    (edit,) = whole_edit(before, after, Positions(before, "utf-16"))
    start, end = edit.range.start, edit.range.end
    assert (start.line, start.character, end.line, end.character) == (0, 1, 1, 0)
    assert edit.new_text == "\r\r\n"


def test_no_edit_when_nothing_changed() -> None:
    assert whole_edit("same", "same", Positions("same")) == []


# ------------------------------------------------------------------------------ the linter


def test_linter_lints_as_check_stdin_filename(site: Path) -> None:
    path = site / "content" / "news" / "x.md"
    linter = Linter(["--select", "TX003"])
    (found,) = linter.check(str(path), ARTICLE)
    assert (found.code, found.line, found.column, found.end_column) == ("TX003", 2, 16, 21)
    assert linter.fix(str(path), ARTICLE) == FIXED


def test_linter_leaves_a_file_outside_the_content_folders_alone(site: Path) -> None:
    assert Linter(["--select", "TX003"]).check(str(site / "README.md"), ARTICLE) == []


def test_linter_reads_a_changed_configuration_again(site: Path) -> None:
    path = str(site / "content" / "news" / "x.md")
    linter = Linter()  # (`--select` would replace the configuration's ignore)
    assert "TX003" in {d.code for d in linter.check(path, ARTICLE)}
    (site / "newslint.toml").write_text('ignore = ["TX003"]\n')
    codes = {d.code for d in linter.check(path, ARTICLE)}
    assert codes and "TX003" not in codes


def test_bad_settings_are_refused() -> None:
    from newslint.cli import UsageError

    with pytest.raises(UsageError, match="list of strings"):
        Linter().configure({"args": "--select TX003"})


def test_fix_all_is_offered_for_the_fixes_it_applies(site: Path) -> None:
    # An article whose only fix is unsafe (LK002's no-scheme: https:// written before the host).
    path = site / "content" / "news" / "x.md"
    text = FIXED + "\nSee [the report](www.example.org/report).\n"
    found = Linter(["--select", "LK002"]).check(str(path), text)
    assert [(d.code, d.fix.applicability.value if d.fix else None) for d in found] == [
        ("LK002", "unsafe")
    ]
    assert fix_all_title(found, unsafe=False) is None
    assert fix_all_title(found, unsafe=True) == "newslint: fix all problems (unsafe fixes too)"
    safe = Linter(["--select", "TX003"]).check(str(path), ARTICLE)
    assert fix_all_title(safe, unsafe=False) == "newslint: fix all safe problems"


@pytest.mark.parametrize(
    ("kind", "asked"),
    [
        ("", True),
        ("source", True),
        ("source.fixAll", True),
        ("source.fixAll.newslint", True),
        ("source.fix", False),
        ("source.fixAll.ruff", False),
        ("quickfix", False),
    ],
)
def test_fix_all_answers_the_kinds_it_nests_in(kind: str, asked: bool) -> None:
    from newslint.server import _asks_for

    assert _asks_for(kind) is asked


# ------------------------------------------------------------------------------ the protocol


def _serve(
    root: Path, body: Callable[[LanguageClient, dict[str, list[Any]]], Awaitable[None]]
) -> None:
    """Start `newslint server` in `root`, initialize it (TX003 only, UTF-16 positions), run
    `body` with the client and the diagnostics published so far per URI, and shut down."""

    async def main() -> None:
        client = LanguageClient("newslint-test", "1")
        published: dict[str, list[Any]] = {}

        @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: lsp.PublishDiagnosticsParams) -> None:
            published.setdefault(params.uri, []).append(params.diagnostics)

        await client.start_io(sys.executable, "-m", "newslint", "server", cwd=str(root))
        try:
            await client.initialize_async(
                lsp.InitializeParams(
                    capabilities=lsp.ClientCapabilities(),
                    root_uri=from_fs_path(str(root)),
                    initialization_options={"args": ["--select", "TX003"]},
                )
            )
            client.initialized(lsp.InitializedParams())
            try:
                await asyncio.wait_for(body(client, published), timeout=5)
            except Exception:
                assert client._server is not None and client._server.stderr is not None
                print("STDERR", await asyncio.wait_for(client._server.stderr.read(20000), 2))
                raise
            await client.shutdown_async(None)
            client.exit(None)
        except BaseException:
            if client._server is not None and client._server.returncode is None:
                client._server.kill()  # never told to exit: stop() would wait for it forever
            raise
        finally:
            await client.stop()

    asyncio.run(main())


async def _next(published: dict[str, list[Any]], uri: str, count: int) -> list[lsp.Diagnostic]:
    """The `count`-th list of diagnostics published for `uri`, once it has come."""
    while len(published.get(uri, [])) < count:
        await asyncio.sleep(0.02)
    return list(published[uri][count - 1])


def test_server_publishes_fixes_and_formats(site: Path) -> None:
    path = site / "content" / "news" / "x.md"
    path.write_text(ARTICLE)
    uri = from_fs_path(str(path))
    assert uri is not None

    async def body(client: LanguageClient, published: dict[str, list[Any]]) -> None:
        client.text_document_did_open(
            lsp.DidOpenTextDocumentParams(
                text_document=lsp.TextDocumentItem(
                    uri=uri, language_id="markdown", version=1, text=ARTICLE
                )
            )
        )
        (found,) = await _next(published, uri, 1)
        assert (found.code, found.source, found.severity) == (
            "TX003",
            "newslint",
            lsp.DiagnosticSeverity.Warning,
        )
        assert (found.range.start.line, found.range.start.character) == (1, 16)
        assert (found.range.end.line, found.range.end.character) == (1, 21)

        actions = await client.text_document_code_action_async(
            lsp.CodeActionParams(
                text_document=lsp.TextDocumentIdentifier(uri=uri),
                range=found.range,
                context=lsp.CodeActionContext(diagnostics=[found]),
            )
        )
        assert actions is not None
        quick = [a for a in actions if isinstance(a, lsp.CodeAction) and a.kind == "quickfix"]
        assert [a.title for a in quick] == ["TX003: Unescape &amp;"]
        assert quick[0].edit is not None and quick[0].edit.changes is not None
        (edit,) = quick[0].edit.changes[uri]
        assert (edit.range.start.character, edit.range.end.character, edit.new_text) == (
            16,
            21,
            "&",
        )
        assert any(
            a.kind == "source.fixAll.newslint" for a in actions if isinstance(a, lsp.CodeAction)
        )

        edits = await client.text_document_formatting_async(
            lsp.DocumentFormattingParams(
                text_document=lsp.TextDocumentIdentifier(uri=uri),
                options=lsp.FormattingOptions(tab_size=4, insert_spaces=True),
            )
        )
        assert edits is not None
        assert [(e.range.start.character, e.range.end.character, e.new_text) for e in edits] == [
            (17, 21, "")
        ]

        # The author fixes it by hand: the problem goes.
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
                content_changes=[lsp.TextDocumentContentChangePartial(range=found.range, text="&")],
            )
        )
        assert await _next(published, uri, 2) == []

        client.text_document_did_close(
            lsp.DidCloseTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=uri))
        )
        assert await _next(published, uri, 3) == []

    _serve(site, body)


def test_server_lints_a_burst_of_changes_once(site: Path) -> None:
    path = site / "content" / "news" / "x.md"
    uri = from_fs_path(str(path))
    assert uri is not None

    async def body(client: LanguageClient, published: dict[str, list[Any]]) -> None:
        client.text_document_did_open(
            lsp.DidOpenTextDocumentParams(
                text_document=lsp.TextDocumentItem(
                    uri=uri, language_id="markdown", version=1, text=FIXED
                )
            )
        )
        assert await _next(published, uri, 1) == []
        for version in range(2, 7):  # five keystrokes, the last bringing the entity back
            text = ARTICLE if version == 6 else FIXED + " " * version
            client.text_document_did_change(
                lsp.DidChangeTextDocumentParams(
                    text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
                )
            )
        (found,) = await _next(published, uri, 2)
        assert found.code == "TX003"
        await asyncio.sleep(0.4)  # no lint of the keystrokes between
        assert len(published[uri]) == 2

    _serve(site, body)


def test_server_reports_a_configuration_it_cannot_use_and_goes_on(site: Path) -> None:
    (site / "newslint.toml").write_text("select = 3\n")
    path = site / "content" / "news" / "x.md"
    uri = from_fs_path(str(path))
    assert uri is not None
    messages: list[str] = []

    async def body(client: LanguageClient, published: dict[str, list[Any]]) -> None:
        @client.feature(lsp.WINDOW_SHOW_MESSAGE)
        def on_message(params: lsp.ShowMessageParams) -> None:
            messages.append(params.message)

        client.text_document_did_open(
            lsp.DidOpenTextDocumentParams(
                text_document=lsp.TextDocumentItem(
                    uri=uri, language_id="markdown", version=1, text=ARTICLE
                )
            )
        )
        assert await _next(published, uri, 1) == []
        assert len(messages) == 1 and messages[0].startswith("newslint: ")
        assert "newslint.toml" in messages[0]

        # Typing on: the same message is not shown again at each lint.
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
                content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=ARTICLE + "\n")],
            )
        )
        assert await _next(published, uri, 2) == []
        assert len(messages) == 1

        # The author fixes the configuration; new settings come from the editor too.
        (site / "newslint.toml").write_text("")
        client.workspace_did_change_configuration(
            lsp.DidChangeConfigurationParams(settings={"args": ["--select", "html-entity"]})
        )
        (found,) = await _next(published, uri, 3)
        assert found.code == "TX003"

    _serve(site, body)
