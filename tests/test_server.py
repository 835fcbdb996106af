"""`newslint server`: the language server, driven by pygls's own client over a real process, and
its position and edit arithmetic on its own."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

from newslint.server import FIX_ALL_KIND as FIX_ALL
from newslint.server import Linter, Positions, fix_all_title, whole_edit
from tests.hugo_pages import write_files

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
    write_files(tmp_path, {"hugo.toml": HUGO})
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


@pytest.mark.parametrize(
    "where",
    ["no-site/x.md", "no-site/gone/deeper/x.md", "no-site/a-file.md/x.md"],
    ids=["outside-any-site", "in-a-folder-that-does-not-exist", "below-a-file"],
)
def test_linter_lints_a_document_outside_any_site_with_the_defaults(
    tmp_path: Path, where: str
) -> None:
    (tmp_path / "no-site").mkdir()
    (tmp_path / "no-site" / "a-file.md").write_text("")
    linter = Linter(["--select", "TX003"])
    (found,) = linter.check(str(tmp_path / where), ARTICLE)
    assert (found.code, found.line, found.column, found.end_column) == ("TX003", 2, 16, 21)
    assert linter.site_errors(str(tmp_path / where)) == []  # no site: nothing to warn of
    assert linter.fix(str(tmp_path / where), ARTICLE) == FIXED


def test_linter_reads_a_changed_configuration_again(site: Path) -> None:
    path = str(site / "content" / "news" / "x.md")
    linter = Linter()  # (`--select` would replace the configuration's ignore)
    assert "TX003" in {d.code for d in linter.check(path, ARTICLE)}
    (site / "newslint.toml").write_text('ignore = ["TX003"]\n')
    codes = {d.code for d in linter.check(path, ARTICLE)}
    assert codes and "TX003" not in codes


def test_settings_left_out_keep_their_values() -> None:
    linter = Linter()
    linter.configure({"args": ["--select", "TX003"], "unsafeFixes": True})
    for settings in (None, {}, {"editor": {"tabSize": 4}}):  # (VS Code's `"settings": null`)
        linter.configure(settings)
        assert (linter.extra_args, linter.unsafe_fixes) == (["--select", "TX003"], True)
    linter.configure({"newslint": {"args": []}})
    assert (linter.extra_args, linter.unsafe_fixes) == ([], True)


def test_bad_settings_are_refused() -> None:
    from newslint.cli import UsageError

    with pytest.raises(UsageError, match="list of strings"):
        Linter().configure({"args": "--select TX003"})
    # Before: bool("false"), which turned unsafe fixes on.
    linter = Linter()
    with pytest.raises(UsageError, match='"unsafeFixes" must be true or false'):
        linter.configure({"unsafeFixes": "false"})
    assert linter.unsafe_fixes is False
    linter.configure({"unsafeFixes": True})
    linter.configure({"unsafeFixes": None})
    assert linter.unsafe_fixes is False


def test_arguments_the_settings_cannot_use_say_why(
    site: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    # Before: "cannot use the arguments ['--jobs', '-3']", and argparse's reason went to the
    # editor's log (the server's standard error) alone, after a usage of 20 lines.
    from newslint.cli import UsageError

    linter = Linter(["--jobs", "-3"])
    reason = "argument --jobs/-j: expected 0 (one per CPU) or more, not -3"
    with pytest.raises(UsageError) as raised:
        linter.check(str(site / "content" / "news" / "x.md"), ARTICLE)
    assert str(raised.value) == f"settings: cannot use the arguments ['--jobs', '-3']: {reason}"
    assert capfd.readouterr().err == ""


@pytest.mark.parametrize("path", ["other.md", "-"])
def test_a_path_among_the_settings_arguments_is_named(site: Path, path: str) -> None:
    # Before: "cannot use the arguments ['other.md']: unrecognized arguments: -", naming the `-`
    # the server had put after them, not the word the user wrote.
    from newslint.cli import UsageError

    linter = Linter(["--select", "TX003", path])
    with pytest.raises(UsageError) as raised:
        linter.check(str(site / "content" / "news" / "x.md"), ARTICLE)
    assert str(raised.value) == (
        f"settings: cannot use the arguments ['--select', 'TX003', '{path}']: a path ({path}) "
        "is no option; each open article is linted on its own"
    )


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
    root: Path,
    body: Callable[[LanguageClient, dict[str, list[Any]]], Awaitable[None]],
    *,
    args: tuple[str, ...] = ("--select", "TX003"),
    unsafe_fixes: bool = False,
    encodings: list[str] | None = None,
    initialized: Callable[[lsp.InitializeResult], None] | None = None,
    watches_files: bool = False,
) -> None:
    """Start `newslint server` in `root`, initialize it (`args` as its settings, TX003 only by
    default; the position encodings the client offers, none: UTF-16), run `body` with the client
    and the diagnostics published so far per URI (and their versions, under "version:" + URI),
    shut down and check the process ends."""

    async def main() -> None:
        client = LanguageClient("newslint-test", "1")
        published: dict[str, list[Any]] = {}

        @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: lsp.PublishDiagnosticsParams) -> None:
            published.setdefault(params.uri, []).append(params.diagnostics)
            published.setdefault("version:" + params.uri, []).append(params.version)

        @client.feature(lsp.CLIENT_REGISTER_CAPABILITY)
        def on_register(params: lsp.RegistrationParams) -> None:
            published.setdefault("registrations", []).extend(params.registrations)

        await client.start_io(sys.executable, "-m", "newslint", "server", cwd=str(root))
        try:
            general = (
                lsp.GeneralClientCapabilities(
                    position_encodings=[lsp.PositionEncodingKind(e) for e in encodings]
                )
                if encodings
                else None
            )
            result = await client.initialize_async(
                lsp.InitializeParams(
                    capabilities=lsp.ClientCapabilities(
                        general=general,
                        workspace=lsp.WorkspaceClientCapabilities(
                            did_change_watched_files=lsp.DidChangeWatchedFilesClientCapabilities(
                                dynamic_registration=True
                            )
                        )
                        if watches_files
                        else None,
                    ),
                    root_uri=from_fs_path(str(root)),
                    initialization_options={"args": list(args), "unsafeFixes": unsafe_fixes},
                )
            )
            if initialized is not None:
                initialized(result)
            client.initialized(lsp.InitializedParams())
            try:
                await asyncio.wait_for(body(client, published), timeout=8)
            except Exception:
                assert client._server is not None and client._server.stderr is not None
                client._server.kill()  # (`stop` would wait for a server that may be stuck)
                print("STDERR", await asyncio.wait_for(client._server.stderr.read(20000), 2))
                raise
            await client.shutdown_async(None)
            client.exit(None)
            # `exit` ends the process, with status 0 after a `shutdown`: none is left behind.
            assert client._server is not None
            assert await asyncio.wait_for(client._server.wait(), 5) == 0
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


def _open(client: LanguageClient, uri: str, text: str, version: int = 1) -> None:
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(
                uri=uri, language_id="markdown", version=version, text=text
            )
        )
    )


def _change(client: LanguageClient, uri: str, version: int, *changes: Any) -> None:
    """A `didChange`: each change a whole text (str) or (start line, character, end line,
    character, text)."""
    content: list[Any] = []
    for change in changes:
        if isinstance(change, str):
            content.append(lsp.TextDocumentContentChangeWholeDocument(text=change))
        else:
            line, character, end_line, end_character, text = change
            content.append(
                lsp.TextDocumentContentChangePartial(
                    range=_lsp_range(line, character, end_line, end_character), text=text
                )
            )
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=content,
        )
    )


def _lsp_range(line: int, character: int, end_line: int, end_character: int) -> lsp.Range:
    return lsp.Range(
        start=lsp.Position(line=line, character=character),
        end=lsp.Position(line=end_line, character=end_character),
    )


def _spans(items: Any) -> list[tuple[Any, ...]]:
    """(code, start line, character, end line, character) of diagnostics, or (start line,
    character, end line, character, new text) of edits."""
    out: list[tuple[Any, ...]] = []
    for item in items:
        r = item.range
        where = (r.start.line, r.start.character, r.end.line, r.end.character)
        out.append(
            (item.code, *where) if isinstance(item, lsp.Diagnostic) else (*where, item.new_text)
        )
    return out


async def _format(client: LanguageClient, uri: str) -> list[lsp.TextEdit]:
    edits = await client.text_document_formatting_async(
        lsp.DocumentFormattingParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            options=lsp.FormattingOptions(tab_size=4, insert_spaces=True),
        )
    )
    return list(edits or [])


async def _actions(
    client: LanguageClient, uri: str, where: lsp.Range, only: list[str] | None = None
) -> list[lsp.CodeAction]:
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=where,
            context=lsp.CodeActionContext(
                diagnostics=[],
                only=list(only) if only else None,  # (str: a kind of newslint's too)
            ),
        )
    )
    return [a for a in actions or [] if isinstance(a, lsp.CodeAction)]


def _applied(text: str, edits: list[lsp.TextEdit], encoding: str = "utf-16") -> str:
    """`text` with the edits applied, as an editor applies them (all at once, from the end)."""
    positions = Positions(text, encoding)
    spans = sorted(
        (
            positions.offset(e.range.start.line, e.range.start.character),
            positions.offset(e.range.end.line, e.range.end.character),
            e.new_text,
        )
        for e in edits
    )
    for start, end, new in reversed(spans):
        text = text[:start] + new + text[end:]
    return text


def test_server_publishes_fixes_and_formats(site: Path) -> None:
    (site / "content" / "news" / "x.md").write_text(ARTICLE)
    uri = _article_uri(site)

    async def body(client: LanguageClient, published: dict[str, list[Any]]) -> None:
        _open(client, uri, ARTICLE)
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
    uri = _article_uri(site)

    async def body(client: LanguageClient, published: dict[str, list[Any]]) -> None:
        _open(client, uri, FIXED)
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
    uri = _article_uri(site)
    messages: list[str] = []

    async def body(client: LanguageClient, published: dict[str, list[Any]]) -> None:
        @client.feature(lsp.WINDOW_SHOW_MESSAGE)
        def on_message(params: lsp.ShowMessageParams) -> None:
            messages.append(params.message)

        _open(client, uri, ARTICLE)
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


# ------------------------------------------------------------------------------ protocol corners


def _article_uri(site: Path, name: str = "x.md") -> str:
    uri = from_fs_path(str(site / "content" / "news" / name))
    assert uri is not None
    return uri


@pytest.mark.parametrize("eol", ["\r\n", "\r"])
def test_server_counts_lines_ended_by_crlf_or_a_lone_cr(site: Path, eol: str) -> None:
    uri = _article_uri(site)
    text = ARTICLE.replace("\n", eol)

    async def body(client: LanguageClient, published: dict[str, list[Any]]) -> None:
        _open(client, uri, text)
        assert _spans(await _next(published, uri, 1)) == [("TX003", 1, 16, 1, 21)]
        # A line typed above the title (with the document's own line ending) moves it down.
        _change(client, uri, 2, (1, 0, 1, 0, "slug: a" + eol))
        assert _spans(await _next(published, uri, 2)) == [("TX003", 2, 16, 2, 21)]
        edits = await _format(client, uri)
        assert _spans(edits) == [(2, 17, 2, 21, "")]
        changed = text.replace("title", "slug: a" + eol + "title")
        assert _applied(changed, edits) == changed.replace("&amp;", "&")

    _serve(site, body)


@pytest.mark.parametrize(("encoding", "character"), [("utf-8", 18), ("utf-16", 16), ("utf-32", 15)])
def test_server_counts_characters_in_the_encoding_the_client_offers(
    site: Path, encoding: str, character: int
) -> None:
    # "😀" (beyond the Basic Multilingual Plane) before the entity: 4, 2 or 1 code units.
    uri = _article_uri(site)
    chosen: list[Any] = []

    async def body(client: LanguageClient, published: dict[str, list[Any]]) -> None:
        _open(client, uri, ARTICLE)
        assert _spans(await _next(published, uri, 1)) == [("TX003", 1, character, 1, character + 5)]
        (action,) = await _actions(
            client, uri, _lsp_range(1, character, 1, character), ["quickfix"]
        )
        assert action.edit is not None and action.edit.changes is not None
        assert _spans(action.edit.changes[uri]) == [(1, character, 1, character + 5, "&")]
        # The client's edit, in its own units, lands where it says.
        _change(client, uri, 2, (1, character + 1, 1, character + 5, ""))
        assert await _next(published, uri, 2) == []
        assert await _format(client, uri) == []

    _serve(
        site,
        body,
        encodings=[encoding],
        initialized=lambda result: chosen.append(result.capabilities.position_encoding),
    )
    assert chosen == [encoding]


# Lines that Python's str.splitlines would break and LSP does not: a form feed, U+0085, U+2028.
SPLITLINES_BODY = (
    "---\n"
    'title: "Rock"\n'
    "date: 2024-05-01T10:00:00Z\n"
    "---\n"
    "\n"
    "Line one\u2028still one\x85and\x0cstill.\n"
    "The band played.   \n"
)


def test_server_applies_incremental_edits_on_lsp_lines(site: Path) -> None:
    uri = _article_uri(site)

    async def body(client: LanguageClient, published: dict[str, list[Any]]) -> None:
        _open(client, uri, SPLITLINES_BODY)
        assert _spans(await _next(published, uri, 1)) == [("BD002", 6, 16, 6, 19)]
        # Two lines inserted above the problem, in one change; then one of them deleted.
        _change(client, uri, 2, (5, 0, 5, 0, "New one.\n\nNew two.\n\n"))
        assert _spans(await _next(published, uri, 2)) == [("BD002", 10, 16, 10, 19)]
        _change(client, uri, 3, (5, 0, 7, 0, ""))
        assert _spans(await _next(published, uri, 3)) == [("BD002", 8, 16, 8, 19)]
        # The author deletes the trailing spaces on the line LSP counts (pygls's own copy of
        # the text, split by str.splitlines, would put this edit on an earlier line).
        _change(client, uri, 4, (8, 16, 8, 19, ""))
        assert await _next(published, uri, 4) == []
        assert published["version:" + uri] == [1, 2, 3, 4]

    _serve(site, body, args=("--select", "BD002"))


def test_server_lints_a_burst_that_ends_on_an_earlier_text(site: Path) -> None:
    uri = _article_uri(site)

    async def body(client: LanguageClient, published: dict[str, list[Any]]) -> None:
        _open(client, uri, ARTICLE)
        (found,) = await _next(published, uri, 1)
        # Typed and undone within the debounce: the same text as version 1, as version 3.
        _change(client, uri, 2, FIXED)
        _change(client, uri, 3, ARTICLE)
        assert _spans(await _next(published, uri, 2)) == [("TX003", 1, 16, 1, 21)]
        assert published["version:" + uri] == [1, 3]
        (action,) = await _actions(client, uri, found.range, ["quickfix"])
        assert action.title == "TX003: Unescape &amp;"
        await asyncio.sleep(0.3)
        assert len(published[uri]) == 2

    _serve(site, body)


TWO_PROBLEMS = (
    "---\n"
    'title: "Rock &amp; Roll"\n'
    "date: 2024-05-01T10:00:00Z\n"
    "---\n"
    "\n"
    "The band played.   \n"
    "All night.\n"
)


def test_server_offers_a_quick_fix_per_problem_in_the_range(site: Path) -> None:
    uri = _article_uri(site)

    async def body(client: LanguageClient, published: dict[str, list[Any]]) -> None:
        _open(client, uri, TWO_PROBLEMS)
        assert _spans(await _next(published, uri, 1)) == [
            ("TX003", 1, 13, 1, 18),
            ("BD002", 5, 16, 5, 19),
        ]
        actions = await _actions(client, uri, _lsp_range(0, 0, 7, 0))
        assert [(a.title, a.kind, a.is_preferred) for a in actions] == [
            ("TX003: Unescape &amp;", "quickfix", True),
            ("BD002: Keep two spaces (the line break)", "quickfix", True),
            ("newslint: fix all safe problems", "source.fixAll.newslint", None),
        ]
        # A range that meets one of them (the cursor inside it): its quick fix alone.
        (one,) = await _actions(client, uri, _lsp_range(5, 17, 5, 17), ["quickfix"])
        assert one.title.startswith("BD002")
        # Only the fix-all, when the editor asks for that kind (on save).
        (fix_all,) = await _actions(client, uri, _lsp_range(0, 0, 0, 0), ["source.fixAll"])
        assert fix_all.edit is not None and fix_all.edit.changes is not None
        fixed = _applied(TWO_PROBLEMS, fix_all.edit.changes[uri])
        assert fixed == TWO_PROBLEMS.replace("&amp;", "&").replace(".   \n", ".  \n")

    _serve(site, body, args=("--select", "TX003,BD002"))


# Blank lines of spaces: blank-lines deletes the lines, trailing-whitespace their spaces.
CONFLICTING = '---\ntitle: "Rock"\ndate: 2024-05-01T10:00:00Z\n---\n\nOne.\n  \n \n\t\nTwo.\n'


def test_server_fix_all_settles_fixes_that_overlap(site: Path) -> None:
    uri = _article_uri(site)

    async def body(client: LanguageClient, published: dict[str, list[Any]]) -> None:
        _open(client, uri, CONFLICTING)
        found = await _next(published, uri, 1)
        assert {d.code for d in found} == {"BD002", "BD003"}
        (fix_all,) = await _actions(client, uri, _lsp_range(0, 0, 0, 0), [FIX_ALL])
        assert fix_all.edit is not None and fix_all.edit.changes is not None
        expected = '---\ntitle: "Rock"\ndate: 2024-05-01T10:00:00Z\n---\n\nOne.\n\nTwo.\n'
        assert _applied(CONFLICTING, fix_all.edit.changes[uri]) == expected
        assert _applied(CONFLICTING, await _format(client, uri)) == expected

    _serve(site, body, args=("--select", "BD002,BD003"))


NO_SUMMARY = (
    '---\ntitle: "Rock"\ndate: 2024-05-01T10:00:00Z\n---\n\n'
    "The band played its last show in the city on Sunday.\n"
)


def test_server_formats_nothing_when_every_fix_is_unsafe(site: Path) -> None:
    uri = _article_uri(site)

    async def body(client: LanguageClient, published: dict[str, list[Any]]) -> None:
        _open(client, uri, NO_SUMMARY)
        (found,) = await _next(published, uri, 1)
        assert found.code == "FM004"
        assert await _format(client, uri) == []
        actions = await _actions(client, uri, found.range)
        # The unsafe quick fix is offered (not preferred); no fix-all, which would do nothing.
        assert [(a.title, a.kind, a.is_preferred) for a in actions] == [
            ("FM004: Write the summary from the opening sentences (unsafe)", "quickfix", False)
        ]

    _serve(site, body, args=("--select", "FM004"))


def test_server_leaves_a_file_the_configuration_excludes_alone(site: Path) -> None:
    (site / "newslint.toml").write_text('exclude = ["content/news/draft-*.md"]\n')
    uri = _article_uri(site, "draft-1.md")
    other = _article_uri(site, "final.md")

    async def body(client: LanguageClient, published: dict[str, list[Any]]) -> None:
        _open(client, uri, ARTICLE)
        assert await _next(published, uri, 1) == []
        assert await _format(client, uri) == []
        assert await _actions(client, uri, _lsp_range(0, 0, 9, 0)) == []
        _open(client, other, ARTICLE)  # the same text elsewhere is linted
        assert _spans(await _next(published, other, 1)) == [("TX003", 1, 16, 1, 21)]

    _serve(site, body)


def test_server_does_not_lint_an_untitled_buffer(site: Path) -> None:
    uri = "untitled:Untitled-1"

    async def body(client: LanguageClient, published: dict[str, list[Any]]) -> None:
        _open(client, uri, ARTICLE)
        assert await _next(published, uri, 1) == []
        _change(client, uri, 2, (0, 0, 0, 0, "x"))
        assert await _next(published, uri, 2) == []
        assert await _format(client, uri) == []
        assert await _actions(client, uri, _lsp_range(0, 0, 9, 0)) == []

    _serve(site, body)


def test_server_reports_a_document_over_max_file_size(site: Path) -> None:
    (site / "newslint.toml").write_text("max-file-size = 1000\n")
    uri = _article_uri(site)
    text = ARTICLE + "All night long.\n" * 100

    async def body(client: LanguageClient, published: dict[str, list[Any]]) -> None:
        _open(client, uri, text)
        (found,) = await _next(published, uri, 1)
        size = len(text.encode("utf-8"))
        assert (found.code, found.message) == (
            "NL003",
            f"file is {size:,} bytes, over max-file-size (1,000); not linted",
        )
        assert _spans([found]) == [("NL003", 0, 0, 0, 0)]
        assert await _format(client, uri) == []
        _change(client, uri, 2, ARTICLE)  # cut down below the limit: linted again
        assert _spans(await _next(published, uri, 2)) == [("TX003", 1, 16, 1, 21)]

    _serve(site, body)


CRASHING_RULE = '''
"""Crashes.

## What it does
Raises.
"""

from newslint import Rule, Severity


class Crash(Rule):
    code = "ZZ001"
    name = "crash"
    severity = Severity.ERROR
    messages = {"never": "never"}

    def on_document_end(self, ctx, document):
        raise RuntimeError("the rule broke")
'''


def test_server_outlives_a_rule_that_raises(site: Path) -> None:
    (site / "house").mkdir()
    (site / "house" / "crash.py").write_text(CRASHING_RULE)
    (site / "newslint.toml").write_text('plugins = ["house/"]\n')
    uri = _article_uri(site)

    async def body(client: LanguageClient, published: dict[str, list[Any]]) -> None:
        _open(client, uri, ARTICLE)
        found = await _next(published, uri, 1)
        assert [(d.code, d.message) for d in found if d.code != "TX003"] == [
            (
                "NL000",
                "rule crash (plugin house/crash.py) crashed on this file: RuntimeError: the rule broke",
            )
        ]
        # The server goes on: it fixes what the other rules found, and lints the next change.
        edits = await _format(client, uri)
        assert _applied(ARTICLE, edits) == FIXED
        _change(client, uri, 2, FIXED)
        assert [d.code for d in await _next(published, uri, 2)] == ["NL000"]

    _serve(site, body, args=("--select", "TX003,ZZ001"))


@pytest.mark.parametrize("how", ["exit", "gone"])
def test_server_ends_when_the_client_ends_without_a_shutdown(site: Path, how: str) -> None:
    async def main() -> int:
        client = LanguageClient("newslint-test", "1")
        await client.start_io(sys.executable, "-m", "newslint", "server", cwd=str(site))
        assert client._server is not None and client._server.stdin is not None
        try:
            await client.initialize_async(
                lsp.InitializeParams(capabilities=lsp.ClientCapabilities())
            )
            if how == "exit":  # `exit` without `shutdown`
                client.exit(None)
            else:  # the editor died: its end of the pipe closes
                client._server.stdin.close()
            return await asyncio.wait_for(client._server.wait(), 5)
        finally:
            if client._server.returncode is None:
                client._server.kill()

    assert asyncio.run(main()) == 1  # LSP: 1 when no `shutdown` came first


def test_server_fixes_all_with_unsafe_fixes_when_the_settings_say_so(site: Path) -> None:
    uri = _article_uri(site)
    expected = NO_SUMMARY.replace(
        "---\n\n", 'summary: "The band played its last show in the city on Sunday."\n---\n\n'
    )

    async def body(client: LanguageClient, published: dict[str, list[Any]]) -> None:
        _open(client, uri, NO_SUMMARY)
        (found,) = await _next(published, uri, 1)
        (fix_all,) = await _actions(client, uri, found.range, [FIX_ALL])
        assert fix_all.title == "newslint: fix all problems (unsafe fixes too)"
        assert fix_all.edit is not None and fix_all.edit.changes is not None
        assert _applied(NO_SUMMARY, fix_all.edit.changes[uri]) == expected
        assert _applied(NO_SUMMARY, await _format(client, uri)) == expected

    _serve(site, body, args=("--select", "FM004"), unsafe_fixes=True)


def test_server_quick_fix_of_crlf_replaces_the_whole_pair(site: Path) -> None:
    # line-endings deletes each CR; LSP has no position between CR and LF (a character past the
    # end of a line is its end), so the edit replaces CR LF with LF.
    uri = _article_uri(site)
    text = FIXED.replace("\n", "\r\n")

    async def body(client: LanguageClient, published: dict[str, list[Any]]) -> None:
        _open(client, uri, text)
        (found,) = await _next(published, uri, 1)
        assert _spans([found]) == [("EN007", 0, 3, 1, 0)]
        (action,) = await _actions(client, uri, found.range, ["quickfix"])
        assert action.edit is not None and action.edit.changes is not None
        edits = action.edit.changes[uri]
        assert _spans(edits[:2]) == [(0, 3, 1, 0, "\n"), (1, 31, 2, 0, "\n")]
        assert _applied(text, edits) == FIXED
        assert _applied(text, await _format(client, uri)) == FIXED

    _serve(site, body, args=("--select", "EN007"))


def test_server_lints_a_lone_surrogate_as_a_replacement_character(site: Path) -> None:
    uri = _article_uri(site)
    text = FIXED.replace("The band", "The \ud83d band")  # half of an emoji
    messages: list[str] = []

    async def body(client: LanguageClient, published: dict[str, list[Any]]) -> None:
        @client.feature(lsp.WINDOW_SHOW_MESSAGE)
        def on_message(params: lsp.ShowMessageParams) -> None:
            messages.append(params.message)

        _open(client, uri, text)
        assert _spans(await _next(published, uri, 1)) == [("EN002", 5, 4, 5, 5)]
        assert messages == []

    _serve(site, body, args=("--select", "EN002"))


def test_server_asks_a_client_that_can_to_watch_the_configuration(site: Path) -> None:
    uri = _article_uri(site)

    async def body(client: LanguageClient, published: dict[str, list[Any]]) -> None:
        _open(client, uri, ARTICLE)
        assert "TX003" in {d.code for d in await _next(published, uri, 1)}
        (registration,) = published["registrations"]
        assert registration.method == "workspace/didChangeWatchedFiles"
        patterns = [w["globPattern"] for w in registration.register_options["watchers"]]
        assert "**/{hugo,config}.{toml,yaml,yml,json}" in patterns
        assert "**/_index.{md,markdown,html,htm}" in patterns

        # Another program changes the configuration: the open article is linted again.
        (site / "newslint.toml").write_text('ignore = ["TX003"]\n')
        config_uri = from_fs_path(str(site / "newslint.toml"))
        assert config_uri is not None
        client.workspace_did_change_watched_files(
            lsp.DidChangeWatchedFilesParams(
                changes=[lsp.FileEvent(uri=config_uri, type=lsp.FileChangeType.Created)]
            )
        )
        codes = {d.code for d in await _next(published, uri, 2)}
        assert codes and "TX003" not in codes

    # (`--select` would replace the configuration's ignore)
    _serve(site, body, args=(), watches_files=True)


def test_server_asks_no_client_to_watch_that_cannot(site: Path) -> None:
    uri = _article_uri(site)

    async def body(client: LanguageClient, published: dict[str, list[Any]]) -> None:
        _open(client, uri, ARTICLE)
        await _next(published, uri, 1)
        assert "registrations" not in published

    _serve(site, body)


# ------------------------------------------------------------------------------ hostile clients


HOLDING_RULE = '''
"""Holds the lint of an article that says HOLD until the test lets it go.

## What it does
Waits.
"""

import time
from pathlib import Path

from newslint import Rule, Severity
from newslint.spans import Span


class Hold(Rule):
    code = "ZZ002"
    name = "hold"
    severity = Severity.ERROR
    messages = {"held": "held"}

    def on_document_end(self, ctx, document):
        if "HOLD" not in document.text:
            return
        Path("started").touch()  # (the server runs in the site's folder)
        deadline = time.monotonic() + 60
        while not Path("release").exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        ctx.report(Span(0, 0), "held")
'''


def test_server_answers_while_an_article_is_linted(site: Path) -> None:
    # A lint that takes as long as it likes (a rule held until the test lets it go) keeps the
    # server answering: the quick fixes of another document come while it runs, and the held
    # document's problems, of its newest text only, once it ends.
    (site / "house").mkdir()
    (site / "house" / "hold.py").write_text(HOLDING_RULE)
    (site / "newslint.toml").write_text('plugins = ["house/"]\n')
    small, held = _article_uri(site, "small.md"), _article_uri(site, "held.md")
    held_text = ARTICLE + "\nHOLD\n"

    async def body(client: LanguageClient, published: dict[str, list[Any]]) -> None:
        _open(client, small, ARTICLE)
        assert _spans(await _next(published, small, 1)) == [("TX003", 1, 16, 1, 21)]
        _open(client, held, held_text)
        while not (site / "started").exists():
            await asyncio.sleep(0.02)
        # The held lint is running (it started and was not let go): the server still answers.
        actions = await _actions(
            client, small, _lsp_range(1, 0, 1, 30), [lsp.CodeActionKind.QuickFix]
        )
        assert [a.title for a in actions] == ["TX003: Unescape &amp;"]
        _change(client, held, 2, held_text.replace("&amp;", "&"))
        _change(client, small, 2, FIXED)
        await asyncio.sleep(0.5)  # (a debounce passes: both changes are waiting for the worker)
        assert held not in published  # nothing of the held text yet
        (site / "release").touch()
        assert _spans(await _next(published, small, 2)) == []
        # The first lint of the held document, of a text it no longer has, is never published.
        assert _spans(await _next(published, held, 1)) == [("ZZ002", 0, 0, 0, 0)]
        assert published["version:" + held] == [2]

    _serve(site, body, args=("--select", "TX003,ZZ002"))


class RawClient:
    """`newslint server` spoken to byte by byte: framed messages in, every message out."""

    def __init__(self, root: Path) -> None:
        # Standard error (pygls's log), closed by the `raw` fixture.
        self.log = tempfile.TemporaryFile()  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "-m", "newslint", "server"],
            cwd=root,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,
        )
        self.received: list[dict[str, Any]] = []
        self.garbage: list[bytes] = []  # lines on standard output outside the messages
        self.arrived = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while header := stream.readline():
            if not header.lower().startswith(b"content-length:"):
                self.garbage.append(header)  # what no LSP client can read
                continue
            length = int(header.split(b":")[1])
            while (line := stream.readline()) not in (b"\r\n", b""):
                if not line.lower().startswith(b"content-type:"):
                    self.garbage.append(line)
            message = json.loads(stream.read(length))
            with self.arrived:
                self.received.append(message)
                self.arrived.notify_all()

    def send(self, message: dict[str, Any] | bytes) -> None:
        body = message if isinstance(message, bytes) else json.dumps(message).encode()
        self.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def write(self, data: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def wait_for(self, check: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        """The first message received that `check` takes (waiting up to 30 s for it)."""
        deadline = time.monotonic() + 30
        with self.arrived:
            while True:
                found = next((m for m in self.received if check(m)), None)
                if found is not None:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    pytest.fail(f"not received; got {self.received}")
                self.arrived.wait(left)

    def answer(self, request_id: int) -> dict[str, Any]:
        return self.wait_for(lambda m: m.get("id") == request_id and "method" not in m)

    def initialize(self, *args: str) -> None:
        self.send(
            {
                "jsonrpc": "2.0",
                "id": 0,
                "method": "initialize",
                "params": {"capabilities": {}, "initializationOptions": {"args": list(args)}},
            }
        )
        self.answer(0)
        self.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})

    def open(self, uri: str, text: str) -> None:
        document = {"uri": uri, "languageId": "markdown", "version": 1, "text": text}
        self.send(
            {
                "jsonrpc": "2.0",
                "method": "textDocument/didOpen",
                "params": {"textDocument": document},
            }
        )

    def messages(self) -> list[tuple[int, str]]:
        with self.arrived:
            return [
                (m["params"]["type"], m["params"]["message"])
                for m in self.received
                if m.get("method") == "window/showMessage"
            ]

    def end(self) -> int:
        """`shutdown` and `exit`: the process's status."""
        self.send({"jsonrpc": "2.0", "id": 9999, "method": "shutdown"})
        self.answer(9999)
        self.send({"jsonrpc": "2.0", "method": "exit"})
        code = self.close()
        assert self.garbage == []
        return code

    def close(self) -> int:
        try:
            return self.process.wait(10)
        finally:
            self.kill()

    def kill(self) -> None:
        if self.process.returncode is None:
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None and not stream.closed:
                stream.close()

    def stderr(self) -> list[str]:
        """What the server wrote on standard error, by line."""
        self.log.seek(0)
        return self.log.read().decode("utf-8").splitlines()


@pytest.fixture
def raw(site: Path) -> Iterator[RawClient]:
    client = RawClient(site)
    yield client
    client.kill()
    client.log.close()


def _edits(found: list[dict[str, Any]]) -> list[lsp.TextEdit]:
    """The edits of an answer, as JSON."""
    return [
        lsp.TextEdit(
            range=_lsp_range(
                e["range"]["start"]["line"],
                e["range"]["start"]["character"],
                e["range"]["end"]["line"],
                e["range"]["end"]["character"],
            ),
            new_text=e["newText"],
        )
        for e in found
    ]


def _published(uri: str) -> Callable[[dict[str, Any]], bool]:
    return lambda m: (
        m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
    )


def test_server_answers_requests_it_cannot_read_and_goes_on(site: Path, raw: RawClient) -> None:
    raw.initialize("--select", "TX003")
    raw.send(b"{not json")  # no id can be read: a parse error for id null; the server goes on
    # Parameters that do not fit the method. Before: no answer, the client waited forever.
    raw.send({"jsonrpc": "2.0", "id": 1, "method": "textDocument/formatting", "params": {}})
    assert raw.answer(1)["error"]["code"] == -32602  # JSON-RPC's "invalid params"
    raw.send({"jsonrpc": "2.0", "id": 2, "method": "newslint/unknown", "params": {}})
    assert raw.answer(2)["error"]["code"] == -32601  # "method not found"
    raw.send({"jsonrpc": "2.0", "method": "$/unknownNotification", "params": {}})
    raw.send({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 12345}})
    uri = _article_uri(site)
    raw.open(uri, ARTICLE)
    (found,) = raw.wait_for(_published(uri))["params"]["diagnostics"]
    assert found["code"] == "TX003"
    raw.send(
        {
            "jsonrpc": "2.0",
            "id": 3,
            "method": "textDocument/formatting",
            "params": {
                "textDocument": {"uri": uri},
                "options": {"tabSize": 4, "insertSpaces": True},
            },
        }
    )
    assert _applied(ARTICLE, _edits(raw.answer(3)["result"])) == FIXED
    assert raw.end() == 0
    # pygls's log says what it could not read in a line each. Before: tracebacks of 40 lines.
    log = raw.stderr()
    assert log and all(line.startswith("newslint server: ") for line in log), log
    assert (
        "newslint server: error: Unable to handle message: JSONDecodeError: Expecting property "
        "name enclosed in double quotes: line 1 column 2 (char 1)"
    ) in log


def test_server_answers_valid_json_python_refuses_and_goes_on(site: Path, raw: RawClient) -> None:
    # Valid JSON that Python will not read: an integer of 5,000 digits (ValueError, the limit on
    # integer digits) and 5,000 nested arrays (RecursionError). Before: no answer at all, and
    # the client waited for it forever.
    raw.initialize("--select", "TX003")
    huge = b'{"jsonrpc": "2.0", "id": 1, "method": "newslint/x", "params": {"n": %s}}' % (
        b"7" * 5000
    )
    raw.send(huge)
    assert raw.answer(1)["error"]["code"] == -32700  # JSON-RPC's "parse error"
    deep = b'{"jsonrpc": "2.0", "method": "newslint/x", "params": {"id": 5, "a": %s}, "id": 2}'
    raw.send(deep % (b"[" * 5000 + b"]" * 5000))
    assert raw.answer(2)["error"]["code"] == -32700  # the top level's id, not the params' 5
    # Neither id nor method readable: answered with id null, as the spec says.
    raw.send(b"[" * 5000 + b"]" * 5000)
    unread = raw.wait_for(lambda m: "id" in m and m["id"] is None)
    assert unread["error"]["code"] == -32700
    # A notification Python refuses is owed no answer; the server still serves.
    raw.send(b'{"jsonrpc": "2.0", "method": "$/x", "params": {"n": %s}}' % (b"7" * 5000))
    uri = _article_uri(site)
    raw.open(uri, ARTICLE)
    (found,) = raw.wait_for(_published(uri))["params"]["diagnostics"]
    assert found["code"] == "TX003"
    assert raw.end() == 0
    with raw.arrived:
        errors = [m for m in raw.received if "error" in m]
    assert [m["id"] for m in errors] == [1, 2, None]


def test_server_says_a_uri_with_a_nul_names_no_file(site: Path, raw: RawClient) -> None:
    # Before: "internal error: ValueError: embedded null byte".
    raw.initialize("--select", "TX003")
    uri = _article_uri(site).replace("x.md", "a%00b.md")
    raw.open(uri, ARTICLE)
    assert raw.wait_for(_published(uri))["params"]["diagnostics"] == []
    path = str(site / "content" / "news" / "a\0b.md")
    assert raw.messages() == [
        (1, f"newslint: {path!r}: not a file name (it holds a NUL character); not linted")
    ]
    assert raw.end() == 0


def test_server_warns_of_a_site_configuration_it_cannot_read(site: Path) -> None:
    # Before: the article was linted with Hugo's defaults (its time zone, languages) without a
    # word; `check` warns of it.
    (site / "hugo.toml").write_text("baseURL = [\n")
    uri = _article_uri(site)
    messages: list[tuple[int, str]] = []

    async def body(client: LanguageClient, published: dict[str, list[Any]]) -> None:
        @client.feature(lsp.WINDOW_SHOW_MESSAGE)
        def on_message(params: lsp.ShowMessageParams) -> None:
            messages.append((params.type.value, params.message))

        _open(client, uri, ARTICLE)
        assert _spans(await _next(published, uri, 1)) == [("TX003", 1, 16, 1, 21)]
        _change(client, uri, 2, ARTICLE + "\n")
        await _next(published, uri, 2)
        hugo = site / "hugo.toml"
        assert messages == [
            (
                2,
                f"newslint: warning: {hugo}: cannot read the site configuration: not valid TOML: "
                "Invalid value "
                "(at end of document); using defaults",
            )
        ]  # once, not at each keystroke
        hugo.write_text(HUGO)  # fixed, then broken again: told again
        _change(client, uri, 3, ARTICLE)
        await _next(published, uri, 3)
        hugo.write_text("baseURL = [\n# broken again\n")
        _change(client, uri, 4, ARTICLE + "\n")
        await _next(published, uri, 4)
        assert len(messages) == 2 and messages[0] == messages[1]

    _serve(site, body)


def test_server_follows_a_configuration_that_breaks_and_is_fixed_on_disk(site: Path) -> None:
    uri = _article_uri(site)
    config = site / "newslint.toml"
    config.write_text('select = ["TX003"]\n')
    messages: list[str] = []

    async def body(client: LanguageClient, published: dict[str, list[Any]]) -> None:
        @client.feature(lsp.WINDOW_SHOW_MESSAGE)
        def on_message(params: lsp.ShowMessageParams) -> None:
            messages.append(params.message)

        _open(client, uri, ARTICLE)
        assert _spans(await _next(published, uri, 1)) == [("TX003", 1, 16, 1, 21)]
        config.write_text('select = ["TX003"\n')  # broken while the article is open
        client.text_document_did_save(
            lsp.DidSaveTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=uri))
        )
        assert await _next(published, uri, 2) == []
        assert len(messages) == 1
        assert messages[0].startswith("newslint: newslint.toml: not valid TOML: ")
        assert await _format(client, uri) == []  # no fix from a configuration it cannot read
        config.write_text('select = ["TX003"]\n\n')  # fixed
        client.text_document_did_save(
            lsp.DidSaveTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=uri))
        )
        assert _spans(await _next(published, uri, 3)) == [("TX003", 1, 16, 1, 21)]
        assert _applied(ARTICLE, await _format(client, uri)) == FIXED
        assert len(messages) == 1

    _serve(site, body, args=())


@pytest.mark.slow
def test_server_lints_and_formats_a_document_of_5_mb(site: Path, raw: RawClient) -> None:
    raw.initialize("--select", "TX003,BD002")
    uri = _article_uri(site)
    text = ARTICLE + "A line of the article that is long enough to count.\n" * 100_000
    assert len(text.encode("utf-8")) > 5_000_000
    raw.open(uri, text + "Spaces at the end.   \n")
    found = raw.wait_for(_published(uri))["params"]["diagnostics"]
    assert [(d["code"], d["range"]["start"]["line"]) for d in found] == [
        ("TX003", 1),
        ("BD002", 100_006),
    ]
    raw.send(
        {
            "jsonrpc": "2.0",
            "id": 1,
            "method": "textDocument/formatting",
            "params": {
                "textDocument": {"uri": uri},
                "options": {"tabSize": 4, "insertSpaces": True},
            },
        }
    )
    (edit,) = _edits(raw.answer(1)["result"])  # one edit, from the first change to the last
    assert (edit.range.start.line, edit.range.end.line) == (1, 100_006)
    fixed = FIXED + text[len(ARTICLE) :] + "Spaces at the end.\n"
    assert _applied(text + "Spaces at the end.   \n", [edit]) == fixed
    assert raw.end() == 0


@pytest.mark.parametrize(
    "cut",
    [
        b"Content-Len",
        b"Content-Length: 300\r\n\r\n",
        b'Content-Length: 300\r\n\r\n{"jsonrpc": "2.0", "id": 5, ',
    ],
    ids=["in-a-header", "before-the-body", "in-the-body"],
)
def test_server_ends_when_the_client_goes_away_mid_message(
    site: Path, raw: RawClient, cut: bytes
) -> None:
    raw.initialize()
    raw.write(cut)
    assert raw.process.stdin is not None
    raw.process.stdin.close()
    assert raw.close() == 1  # no `shutdown` came


def test_server_keeps_standard_output_for_the_protocol(site: Path, raw: RawClient) -> None:
    # Before: `--help` among the settings' arguments printed argparse's help on standard output,
    # in the middle of the messages, and the client could read no more of them.
    raw.initialize("--help")
    uri = _article_uri(site)
    raw.open(uri, ARTICLE)
    assert raw.wait_for(_published(uri))["params"]["diagnostics"] == []
    assert raw.messages() == [(1, "newslint: settings: cannot use the arguments ['--help']")]
    assert raw.end() == 0  # (no garbage on standard output)


@pytest.mark.parametrize("length", [10**12, 10**23], ids=["a-terabyte", "past-any-index"])
def test_server_survives_a_message_length_no_body_has(
    site: Path, raw: RawClient, length: int
) -> None:
    # Before: "newslint: internal error: MemoryError" (OverflowError past any index), exit 2: the
    # body was read with one read of that many bytes, set aside first.
    raw.initialize()
    raw.write(b"Content-Length: %d\r\n\r\n" % length)
    raw.send({"jsonrpc": "2.0", "id": 1, "method": "shutdown"})  # taken as part of that body
    assert raw.process.stdin is not None
    raw.process.stdin.close()
    assert raw.close() == 1  # the input ended without a `shutdown` read
    assert not any("internal error" in line for line in raw.stderr()), raw.stderr()


def test_server_ends_at_a_message_length_past_any_integer(site: Path, raw: RawClient) -> None:
    # Before: the server waited for a body of 10^23 bytes, taking every later message for part
    # of it, and the client waited forever for its answers. gopls and rust-analyzer end too.
    raw.initialize()
    raw.write(b"Content-Length: %d\r\n\r\n" % 10**23)
    raw.send({"jsonrpc": "2.0", "id": 1, "method": "shutdown"})
    assert raw.close() == 1  # ended without reading a `shutdown`, the client's end still open
    assert raw.stderr() == [
        "newslint server: error: Content-Length 100000000000000000000000 is longer than any"
        " message (the input is out of step); ending"
    ]


def test_server_reads_header_lines_ended_by_a_newline_alone(site: Path, raw: RawClient) -> None:
    # Before: pygls took `Content-Length: 52\n` for no header and `\n` for no end of the headers,
    # and the client waited forever for the answer. As gopls, the server reads them (and the
    # header's name in any case, as HTTP's).
    body = json.dumps(
        {"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}}}
    ).encode()
    raw.write(b"Content-Length: %d\n\n" % len(body) + body)
    assert "capabilities" in raw.answer(0)["result"]
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "shutdown"}).encode()
    raw.write(b"content-length:%d\n\n" % len(body) + body)
    assert raw.answer(1)["result"] is None
    raw.send({"jsonrpc": "2.0", "method": "exit"})
    assert raw.close() == 0
    assert raw.stderr() == []


def test_server_skips_a_message_over_its_limit_and_says_so(site: Path, raw: RawClient) -> None:
    # A message of more than MAX_MESSAGE_BYTES is not read into memory: a request among such
    # bytes is answered with an error, any such message is named in an error message, and the
    # server goes on with the next message.
    from newslint.server import MAX_MESSAGE_BYTES

    raw.initialize("--select", "TX003")
    uri = _article_uri(site)
    padding = b" " * (MAX_MESSAGE_BYTES + 1)
    request = (
        b'{"jsonrpc": "2.0", "id": 7, "method": "textDocument/formatting", "params": '
        b'{"textDocument": {"uri": "' + uri.encode() + b'"}, "options": {}}' + padding + b"}"
    )
    raw.send(request)
    answer = raw.answer(7)
    message = (
        f"a textDocument/formatting message of {len(request):,} bytes is over the "
        f"{MAX_MESSAGE_BYTES:,} bytes the server reads; skipped"
    )
    assert answer["error"] == {"code": -32803, "message": message}
    assert raw.messages() == [(1, f"newslint: {message}")]
    raw.open(uri, ARTICLE)
    (found,) = raw.wait_for(_published(uri))["params"]["diagnostics"]
    assert found["code"] == "TX003"
    assert raw.end() == 0


def test_server_answers_an_oversized_request_by_its_top_level_id(
    site: Path, raw: RawClient
) -> None:
    # The parameters hold an "id" (and a "method") before the message's own, which comes after
    # the padding. Before: the first `"id": ...` of the message's first 64 KiB was taken for its
    # id, and the error went to request 99, which the client never sent, while 7 waited forever.
    from newslint.server import MAX_MESSAGE_BYTES

    raw.initialize("--select", "TX003")
    uri = _article_uri(site)
    request = (
        b'{"jsonrpc": "2.0", "params": {"id": 99, "method": "x", "textDocument": {"uri": "'
        + uri.encode()
        + b'"}, "options": {}}'
        + b" " * (MAX_MESSAGE_BYTES + 1)
        + b', "method": "textDocument/formatting", "id": 7}'
    )
    raw.send(request)
    answer = raw.answer(7)
    message = (
        f"a textDocument/formatting message of {len(request):,} bytes is over the "
        f"{MAX_MESSAGE_BYTES:,} bytes the server reads; skipped"
    )
    assert answer["error"] == {"code": -32803, "message": message}
    assert raw.end() == 0
    with raw.arrived:
        assert [m["id"] for m in raw.received if "error" in m] == [7]


@pytest.mark.parametrize(
    ("body", "found"),
    [
        (b'{"params": {"id": 99, "method": "x"}, "method": "m", "id": 7}', (7, "m")),
        (b'{"params": [{"id": 1}], "x": "id", "id": "a\\"b"}', ('a"b', None)),
        (b'{"method": "id", "params": "\\"id\\": 5 \\\\", "id": 8}', (8, "id")),
        (b'{"params": {"id": 3}}', (None, None)),
        (b"not json", (None, None)),
        # A value that is no JSON string (a bad escape, a raw tab) names nothing; before: a
        # JSONDecodeError out of the server's reader.
        (b'{"id": "\\q", "method": "m"}', (None, "m")),
        (b'{"method": "a\tb", "id": 4}', (4, None)),
    ],
)
def test_top_level_members_are_read_whatever_the_chunks(
    body: bytes, found: tuple[object, object]
) -> None:
    """The message's own "id" and "method", not its parameters', for every cut into chunks (a
    name, a value or an escape cut in two)."""
    from newslint.server import _TopLevelMembers

    for size in range(1, len(body) + 1):
        members = _TopLevelMembers()
        for start in range(0, len(body), size):
            members.feed(body[start : start + size])
        members.feed(b"", final=True)
        assert members.id_and_method() == found, size


def test_server_says_its_working_directory_was_removed(site: Path, raw: RawClient) -> None:
    # The project folder the editor started the server in is deleted. Before: "newslint:
    # internal error: FileNotFoundError: [Errno 2] No such file or directory".
    import shutil

    raw.initialize("--select", "TX003")
    uri = _article_uri(site)
    raw.open(uri, ARTICLE)
    assert len(raw.wait_for(_published(uri))["params"]["diagnostics"]) == 1
    shutil.rmtree(site)
    other = _article_uri(site, "y.md")
    raw.open(other, ARTICLE)
    assert raw.wait_for(_published(other))["params"]["diagnostics"] == []
    assert raw.messages() == [
        (
            1,
            "newslint: the working directory no longer exists: start the server again in a "
            "folder that does",
        )
    ]
    assert raw.end() == 0
