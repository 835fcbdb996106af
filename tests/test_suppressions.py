"""Suppression comments: what they silence, what they do not, and `unused-suppression` (NL001).

The rules here are small test rules, so these tests do not move when a built-in rule changes:
`bad-word` (ZZ001) flags every `BAD` in any line, `odd-word` (ZZ002) every `ODD`, and `same-title`
(ZZ003) is a cross-file rule that flags titles used by two files.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from newslint.config import parse_config
from newslint.document import Document
from newslint.engine import FileResult, build_ruleset, fix_document, lint_document
from newslint.events import Collected, Field, Line
from newslint.registry import Registry
from newslint.rule import Context, ProjectContext, Rule, Severity
from newslint.runner import project_end
from newslint.site import Site
from newslint.spans import Span
from newslint.suppressions import UnusedSuppression, parse_suppressions, project_suppressions


class _Word(Rule):
    word = ""
    messages = {"found": "found the word"}

    def on_line(self, ctx: Context, line: Line) -> None:
        for match in re.finditer(self.word, line.text):
            start = line.span.start + match.start()
            ctx.report(Span(start, start + len(self.word)), "found")


class BadWord(_Word):
    """Flags BAD."""

    code = "ZZ001"
    name = "bad-word"
    severity = Severity.ERROR
    word = "BAD"


class OddWord(_Word):
    """Flags ODD."""

    code = "ZZ002"
    name = "odd-word"
    word = "ODD"


class SameTitle(Rule):
    """Flags a title used by two files."""

    code = "ZZ003"
    name = "same-title"
    messages = {"same": "title used twice"}

    def __init__(self) -> None:
        self.found: tuple[str, tuple[int, int, int, int]] | None = None

    def on_field(self, ctx: Context, field: Field) -> None:
        if field.key == "title":
            start, end = (
                ctx.document.position(field.key_span.start),
                ctx.document.position(field.key_span.end),
            )
            self.found = (str(field.value), (start.line, start.column, end.line, end.column))

    def collect(self) -> Any:
        return self.found

    @classmethod
    def project_end(cls, ctx: ProjectContext, collected: list[Collected]) -> None:
        seen: dict[str, int] = {}
        for item in collected:
            if item.data is not None:
                seen[item.data[0]] = seen.get(item.data[0], 0) + 1
        for item in collected:
            if item.data is not None and seen[item.data[0]] > 1:
                ctx.report(item.path, item.data[1], "same")


RULES: list[type[Rule]] = [BadWord, OddWord, SameTitle, UnusedSuppression]


def ruleset(**config: Any) -> Any:
    return build_ruleset(parse_config(config), registry=Registry(list(RULES)))


def lint(text: str, **config: Any) -> list[tuple[str, int, int]]:
    doc = Document.from_text(text, "a.md", Site())
    return [(d.code, d.line, d.column) for d in lint_document(doc, ruleset(**config)).diagnostics]


def messages(text: str, **config: Any) -> list[str]:
    doc = Document.from_text(text, "a.md", Site())
    return [d.message for d in lint_document(doc, ruleset(**config)).diagnostics]


def fixed(text: str, **config: Any) -> str:
    return fix_document(Document.from_text(text, "a.md", Site()), ruleset(**config)).text


FM = '---\ntitle: "x"\n---\n\n'


# ------------------------------------------------------------------------------- front matter


def test_comment_at_the_end_of_a_key_silences_that_line_only() -> None:
    text = '---\ntitle: "BAD"  # newslint: disable=bad-word\nsummary: "BAD"\n---\n'
    assert lint(text) == [("ZZ001", 3, 11)]


def test_selectors_by_code_prefix_name_and_all() -> None:
    for selector in ("ZZ001", "ZZ", "zz00", "bad-word", "ALL", "bad-word,ZZ002"):
        text = f'---\ntitle: "BAD"  # newslint: disable={selector}\n---\n'
        assert [code for code, _, _ in lint(text)] in ([], ["NL001"]), selector
        assert [code for code, _, _ in lint(text, ignore=["ZZ002"])] == [], selector


def test_comment_on_a_key_covers_the_lines_of_its_value() -> None:
    text = "---\ntags: # newslint: disable=bad-word\n  - BAD\n  - BAD\nkeywords:\n  - BAD\n---\n"
    assert lint(text) == [("ZZ001", 6, 5)]


def test_comment_after_a_toml_multi_line_string_covers_the_key() -> None:
    # A TOML multi-line string can carry a comment only after its closing quotes.
    text = '+++\nsummary = """\nBAD\nBAD"""  # newslint: disable=ZZ001\ntitle = "BAD"\n+++\n'
    assert lint(text) == [("ZZ001", 5, 10)]


def test_comment_after_a_yaml_flow_list_over_several_lines_covers_the_key() -> None:
    text = "---\ntags: [\n  BAD,\n  BAD\n]  # newslint: disable=bad-word\nkeywords: [BAD]\n---\n"
    assert lint(text) == [("ZZ001", 6, 12)]


def test_comment_inside_a_multi_line_value_covers_its_line_only() -> None:
    text = "---\ntags: [\n  BAD,  # newslint: disable=bad-word\n  BAD\n]\n---\n"
    assert lint(text) == [("ZZ001", 4, 3)]


def test_comment_on_its_own_line_silences_the_whole_file() -> None:
    text = '---\n# newslint: disable=ZZ001\ntitle: "BAD"\n---\n\nBAD and ODD\n'
    assert lint(text) == [("ZZ002", 6, 9)]


def test_toml_front_matter() -> None:
    text = '+++\ntitle = "BAD" # newslint: disable=ZZ001\nsummary = "BAD"\n+++\n'
    assert lint(text) == [("ZZ001", 3, 12)]


def test_words_inside_a_quoted_value_are_not_a_comment() -> None:
    text = '---\ntitle: "BAD # newslint: disable=ZZ001"\n---\n'
    assert lint(text) == [("ZZ001", 2, 9)]


def test_yaml_comment_needs_a_space_before_the_hash() -> None:
    text = "---\ntitle: BAD#newslint: disable=ZZ001\n---\n"
    assert lint(text) == [("ZZ001", 2, 8)]


def test_text_after_the_list_is_a_reason() -> None:
    text = '---\ntitle: "BAD"  # newslint: disable=ZZ001 the source spells it so\n---\n'
    assert lint(text) == []


# --------------------------------------------------------------------------------------- body


def test_disable_next_line() -> None:
    text = FM + "<!-- newslint-disable-next-line ZZ001 -->\nBAD ODD\nBAD\n"
    assert lint(text) == [("ZZ002", 6, 5), ("ZZ001", 7, 1)]


def test_disable_next_line_with_a_reason_and_several_rules() -> None:
    text = FM + "<!-- newslint-disable-next-line ZZ001, odd-word -- quoted verbatim -->\nBAD ODD\n"
    assert lint(text) == []


def test_a_comment_spanning_lines_covers_the_line_after_its_end() -> None:
    text = FM + "<!-- newslint-disable-next-line\n     ZZ001 -->\nBAD\n"
    assert lint(text) == []


def test_disable_enable_range() -> None:
    text = (
        FM
        + "BAD\n\n<!-- newslint-disable ZZ001 -->\nBAD\n\nBAD\n<!-- newslint-enable ZZ001 -->\n\nBAD\n"
    )
    assert lint(text) == [("ZZ001", 5, 1), ("ZZ001", 13, 1)]


def test_enable_of_one_rule_keeps_the_others_disabled() -> None:
    text = FM + "<!-- newslint-disable -->\nBAD ODD\n<!-- newslint-enable ZZ001 -->\n\nBAD ODD\n"
    assert lint(text) == [("ZZ001", 9, 1)]


def test_disable_without_enable_runs_to_the_end() -> None:
    text = FM + "BAD\n\n<!-- newslint-disable bad-word -->\n\nBAD\n\nBAD\n"
    assert lint(text) == [("ZZ001", 5, 1)]


def test_disable_file_in_the_body_covers_the_front_matter_too() -> None:
    text = '---\ntitle: "BAD"\n---\n\nBAD\n\n<!-- newslint-disable-file ZZ001 -->\n'
    assert lint(text) == []


def test_comments_in_code_are_text() -> None:
    text = (
        FM
        + "Write `<!-- newslint-disable-file -->` to silence.\n\n```\n<!-- newslint-disable-file -->\n```\n\nBAD\n"
    )
    assert lint(text) == [("ZZ001", 11, 1)]
    assert parse_suppressions(Document.from_text(text, "a.md", Site())) == []


def test_unterminated_comment_suppresses_nothing() -> None:
    text = FM + "<!-- newslint-disable-file\nBAD\n"
    assert lint(text) == [("ZZ001", 6, 1)]


def test_internal_errors_are_never_silenced() -> None:
    class Crash(Rule):
        """Crashes."""

        code = "ZZ009"
        name = "crash"

        def on_document_end(self, ctx: Context, doc: Document) -> None:
            raise RuntimeError("boom")

    text = FM + "<!-- newslint-disable-file -->\n"
    rules = build_ruleset(parse_config({}), registry=Registry([Crash, UnusedSuppression]))
    result = lint_document(Document.from_text(text, "a.md", Site()), rules)
    assert [(d.rule, d.code) for d in result.diagnostics] == [
        ("internal-error", "NL000"),
        ("unused-suppression", "NL001"),  # it silenced nothing: a crash cannot be silenced
    ]


# ------------------------------------------------------------------------- unused suppressions


def test_unused_suppression_is_reported_at_the_comment() -> None:
    text = FM + "<!-- newslint-disable-next-line ZZ001 -->\nGood.\n"
    assert lint(text) == [("NL001", 5, 1)]
    assert messages(text) == ["unused suppression (nothing reported for ZZ001)"]


def test_unused_bare_suppression() -> None:
    # ZZ003 is a cross-file rule: a suppression that may silence it is judged after every file
    assert messages(FM + "<!-- newslint-disable-file -->\n", ignore=["ZZ003"]) == [
        "unused suppression (nothing reported for any rule)"
    ]
    assert lint(FM + "<!-- newslint-disable-file -->\n") == []
    assert _project({"a.md": FM + "<!-- newslint-disable-file -->\n"}) == [("a.md", "NL001", 5)]


def test_only_the_unused_names_are_reported_and_removed() -> None:
    text = '---\ntitle: "BAD" # newslint: disable=ZZ001,odd-word\n---\n'
    assert messages(text) == ["unused suppression (nothing reported for odd-word)"]
    assert fixed(text) == '---\ntitle: "BAD" # newslint: disable=ZZ001\n---\n'


def test_unknown_rule_name_with_did_you_mean() -> None:
    text = '---\ntitle: "BAD" # newslint: disable=bad-wrod\n---\n'
    assert lint(text) == [("ZZ001", 2, 9), ("NL001", 2, 34)]
    assert (
        messages(text)[1] == "suppression names unknown rule 'bad-wrod' (did you mean 'bad-word'?)"
    )
    assert fixed(text) == '---\ntitle: "BAD"\n---\n'


def test_stray_enable() -> None:
    text = FM + "Good.\n\n<!-- newslint-enable ZZ001 -->\n"
    assert messages(text) == ["newslint-enable without a matching newslint-disable"]
    assert fixed(text) == FM + "Good.\n"


def test_used_range_and_its_enable_are_not_reported() -> None:
    text = FM + "<!-- newslint-disable ZZ001 -->\nBAD\n<!-- newslint-enable ZZ001 -->\n"
    assert lint(text) == []


def test_unused_range_is_removed_with_its_enable() -> None:
    text = (
        FM
        + "Good.\n\n<!-- newslint-disable ZZ001 -->\nFine.\n<!-- newslint-enable ZZ001 -->\n\nEnd.\n"
    )
    assert lint(text) == [("NL001", 7, 1)]
    assert fixed(text) == FM + "Good.\n\nFine.\n\nEnd.\n"


def test_suppression_of_a_rule_this_run_does_not_enable_is_left_alone() -> None:
    text = FM + "<!-- newslint-disable-next-line ZZ002 -->\nGood.\n"
    assert lint(text, ignore=["ZZ002"]) == []
    assert lint(text, select=["ZZ001", "NL"]) == []
    assert lint(text) == [("NL001", 5, 1)]


def test_unused_suppression_can_be_ignored_and_its_severity_set() -> None:
    text = FM + "<!-- newslint-disable-next-line ZZ001 -->\nGood.\n"
    assert lint(text, ignore=["NL001"]) == []
    assert lint(text, **{"per-file-ignores": {"*.md": ["unused-suppression"]}}) == []
    doc = Document.from_text(text, "a.md", Site())
    rules = ruleset(rules={"unused-suppression": {"severity": "error"}})
    assert [d.severity for d in lint_document(doc, rules).diagnostics] == [Severity.ERROR]


def test_explicit_select_leaves_unused_suppression_off_unless_named() -> None:
    text = FM + "<!-- newslint-disable-next-line ZZ001 -->\nGood.\n"
    assert lint(text, select=["ZZ001"]) == []
    assert lint(text, select=["ZZ001", "unused-suppression"]) == [("NL001", 5, 1)]


def test_suppressing_unused_suppression_itself() -> None:
    text = (
        FM
        + "<!-- newslint-disable-file NL001 -->\n\n<!-- newslint-disable-next-line ZZ001 -->\nGood.\n"
    )
    assert lint(text) == []
    assert lint(FM + "<!-- newslint-disable-file unused-suppression -->\n") == []


def test_a_bare_suppression_does_not_silence_its_own_report() -> None:
    # Otherwise an unused `disable-file` would count as used for silencing its own report.
    assert lint(FM + "<!-- newslint-disable-file -->\n", ignore=["ZZ003"]) == [("NL001", 5, 1)]


# ------------------------------------------------------------------------ fixes that remove


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # blank line on both sides: one of them goes with the comment
        (
            FM + "One.\n\n<!-- newslint-disable-next-line ZZ001 -->\n\nTwo.\n",
            FM + "One.\n\nTwo.\n",
        ),
        # text right above and below: an empty line keeps them two paragraphs
        (
            FM + "One.\n<!-- newslint-disable-next-line ZZ001 -->\nTwo.\n",
            FM + "One.\n\nTwo.\n",
        ),
        # inside a line of text: the comment and one space
        (
            FM + "One <!-- newslint-disable-next-line ZZ001 --> two.\n",
            FM + "One two.\n",
        ),
        # at the end of a line of text: every space before it goes too (two left behind would
        # be a hard line break the page never had; found by tests/test_peer_fix_k.py)
        (
            FM + "One.   <!-- newslint-disable-line ZZ001 -->\nTwo.\n",
            FM + "One.\nTwo.\n",
        ),
        (
            FM + "One.\t <!-- newslint-disable-line ZZ001 -->\n\nTwo.\n",
            FM + "One.\n\nTwo.\n",
        ),
        # ... but spaces after it are the line's own: a hard break stays one
        (
            FM + "One. <!-- newslint-disable-line ZZ001 -->  \nTwo.\n",
            FM + "One.  \nTwo.\n",
        ),
        # the file's last line, after a blank line
        (FM + "One.\n\n<!-- newslint-disable-file ZZ001 -->\n", FM + "One.\n"),
        # right after the front matter
        (
            '---\ntitle: "x"\n---\n<!-- newslint-disable-file ZZ001 -->\n\nOne.\n',
            '---\ntitle: "x"\n---\n\nOne.\n',
        ),
        # front matter: an own-line comment goes with its line
        ('---\n# newslint: disable=ZZ001\ntitle: "x"\n---\n', '---\ntitle: "x"\n---\n'),
        # front matter: a trailing comment goes with the spaces before it
        ('---\ntitle: "x"   # newslint: disable=ZZ001 why\n---\n', '---\ntitle: "x"\n---\n'),
        # CRLF line endings are kept
        (
            '---\r\ntitle: "x"\r\n---\r\n\r\nOne.\r\n\r\n<!-- newslint-disable-next-line ZZ001 -->\r\n\r\nTwo.\r\n',
            '---\r\ntitle: "x"\r\n---\r\n\r\nOne.\r\n\r\nTwo.\r\n',
        ),
    ],
)
def test_removal_keeps_the_rest_of_the_layout(before: str, after: str) -> None:
    assert [code for code, _, _ in lint(before)] == ["NL001"]
    assert fixed(before) == after
    assert lint(after) == []


def test_fix_removes_nothing_that_is_used() -> None:
    text = '---\ntitle: "BAD" # newslint: disable=ZZ001\n---\n\n<!-- newslint-disable-next-line ODD -->\nBAD\n'
    assert fixed(text) == '---\ntitle: "BAD" # newslint: disable=ZZ001\n---\n\nBAD\n'


# --------------------------------------------------------------------------- cross-file rules


def _project(texts: dict[str, str]) -> list[tuple[str, str, int]]:
    rules = ruleset()
    results: list[FileResult] = [
        lint_document(Document.from_text(text, path, Site()), rules) for path, text in texts.items()
    ]
    diagnostics = [d for r in results for d in r.diagnostics]
    diagnostics += project_suppressions(results, project_end(results, rules, offline=True))
    return sorted((d.path, d.code, d.line) for d in diagnostics)


def test_cross_file_diagnostics_are_silenced_by_the_file_they_land_on() -> None:
    same = '---\ntitle: "Same"\n---\n'
    assert _project({"a.md": same, "b.md": same}) == [("a.md", "ZZ003", 2), ("b.md", "ZZ003", 2)]
    quiet = '---\ntitle: "Same" # newslint: disable=same-title\n---\n'
    assert _project({"a.md": same, "b.md": quiet}) == [("a.md", "ZZ003", 2)]


def test_unused_cross_file_suppression_is_judged_after_every_file() -> None:
    quiet = '---\ntitle: "Alone" # newslint: disable=same-title\n---\n'
    assert _project({"a.md": '---\ntitle: "Other"\n---\n', "b.md": quiet}) == [("b.md", "NL001", 2)]
    # `newslint fix` cannot see the other files, so it never removes such a suppression
    assert fixed(quiet) == quiet


# ----------------------------------------------------------------------------- through the CLI


def test_cli_check_and_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from newslint.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "newslint.toml").write_text('select = ["FM004", "NL001"]\n', encoding="utf-8")
    article = tmp_path / "a.md"
    silenced = '---\ntitle: "Budget"\n# newslint: disable=required-field\n---\n\nText.\n'
    article.write_text(silenced, encoding="utf-8")
    assert main(["check", "a.md", "--no-cache"]) == 0
    assert capsys.readouterr().out == ""
    stale = (
        '---\ntitle: "Budget"\ndate: 2025-02-08T09:55:35+08:00\nsummary: "The budget passed."\n'
        "---\n\nText.\n\n<!-- newslint-disable-next-line FM004 -->\nMore text.\n"
    )
    article.write_text(stale, encoding="utf-8")
    assert main(["check", "a.md", "--no-cache", "--output-format", "json"]) == 0
    (found,) = json.loads(capsys.readouterr().out)
    assert found == {
        "path": "a.md",
        "rule": "unused-suppression",
        "code": "NL001",
        "severity": "warning",
        "message": "unused suppression (nothing reported for FM004)",
        "line": 9,
        "column": 1,
        "end_line": 9,
        "end_column": 42,
        "fix": {
            "applicability": "safe",
            "title": "Remove unused suppression",
            "edits": [{"line": 9, "column": 1, "end_line": 10, "end_column": 1, "content": ""}],
        },
    }
    assert main(["fix", "a.md", "--no-cache"]) == 0
    assert article.read_text(encoding="utf-8") == stale.replace(
        "<!-- newslint-disable-next-line FM004 -->\n", ""
    )


# ------------------------------------------------------------- disable-line, malformed comments


def test_disable_line_silences_the_comments_own_line_as_in_markdownlint() -> None:
    text = FM + "BAD here <!-- newslint-disable-line ZZ001 -->\nBAD there\n"
    assert lint(text) == [("ZZ001", 6, 1)]
    # With nothing on its line to silence, it is unused, and the fix takes it and one space.
    text = FM + "Fine here <!-- newslint-disable-line ZZ001 -->\n"
    assert lint(text) == [("NL001", 5, 11)]
    assert fixed(text) == FM + "Fine here\n"


def test_a_comment_that_looks_meant_as_a_suppression_is_reported_without_a_fix() -> None:
    text = (
        FM
        + "BAD <!-- newslint-disabel ZZ001 -->\n\n"
        + "BAD <!-- newslint: disable=ZZ001 -->\n\n"
        + "`<!-- newslint-oops -->` in code is text.\n"
    )
    assert lint(text) == [("ZZ001", 5, 1), ("NL001", 5, 5), ("ZZ001", 7, 1), ("NL001", 7, 5)]
    assert messages(text)[1] == (
        "'<!-- newslint-disabel ZZ001 -->' is no newslint suppression; it silences nothing"
    )
    assert fixed(text) == text  # what it was meant to say is for its author to write
    front = '---\ntitle: "BAD"  # newslint disable=ZZ001\n---\n'
    assert lint(front) == [("ZZ001", 2, 9), ("NL001", 2, 15)]
    # A comment that only mentions newslint is no attempt at a suppression.
    assert lint('---\ntitle: "x"  # newslint reads this key\n---\n') == []
