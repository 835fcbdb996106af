"""Peer round V: the contract as a team that read only DESIGN.md, STYLE.md and `newslint rule CODE`
would test it, on what the earlier peer files leave open.

- `front-matter-syntax` promises "the parser's line:col" (DESIGN) for YAML, TOML and JSON: each
  case here asks the parser itself where it stopped (PyYAML's mark, `json`'s line and column)
  and expects that place; where the parser names no place (TOML that ends too soon), the place
  hugo 0.168 reports (checked with the binary: `tags = [1,` at the end of its line).
- `newslint rules` and its JSON form agree on the columns DESIGN's `rules` line names.
- The `field` event's "child nodes for lists/maps" (DESIGN) as `field.children`.
- Suppression comments take a rule's name in any case, as `--select` and `ignore` do.
- A fix as STYLE sketches it (a title and its edits, also as one list); a plugin's fix that
  breaks the front matter is never written, and one without edits is an internal error of the
  rule that reported it (DESIGN: "reported as `internal-error` with the rule").

Positions are worked out from the text by the test (`at`), never copied from newslint's output.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from newslint import Applicability, Edit, Fix, Rule, Severity, check_text
from newslint.cli import main
from newslint.events import Field
from newslint.rule import Context
from newslint.testing import Case, fm, lint_case

BODY = "\nThe budget passed on Tuesday.\n"


def at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """1-based (line, column) of the `nth` occurrence of `needle` in `text`."""
    index = -1
    for _ in range(nth + 1):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def syntax_errors(text: str) -> list[tuple[int, int]]:
    return [(d.line, d.column) for d in check_text(text, select=["FM002"])]


# --- front-matter-syntax: "at the parser's line:col" --------------------------------------------


YAML_ERRORS = [
    "title: Budget: passes\n",  # a colon in a plain value
    'title: "B"\n\tdate: x\n',  # a tab that starts a token
    "title: *nope\n",  # an alias never defined
    "tags:\n  - a\n - b\n",  # a list item out of line
    'title: "a" b\n',  # text after a quoted value
    "title: [a, b\n",  # a flow list left open
    'title: "x\n',  # a quote left open
    "title: `x`\n",  # a character that starts no token
]


@pytest.mark.parametrize("front", YAML_ERRORS)
def test_a_yaml_error_is_where_the_yaml_parser_stops(front: str) -> None:
    try:
        yaml.load(front, Loader=yaml.CSafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
    else:  # pragma: no cover - the case is wrong
        pytest.fail("the case parses")
    assert mark is not None
    # The block starts on the file's line 2, after `---`.
    assert syntax_errors("---\n" + front + "---\n" + BODY) == [(mark.line + 2, mark.column + 1)]


def test_a_yaml_line_without_a_colon_is_reported_at_that_line() -> None:
    # PyYAML gives up on the line after it (the closing `---`); the rule's doc says newslint
    # points where hugo 0.168 does ("a.md:6:1": the line to fix).
    text = "---\ntitle: x\nkey: |\n text\n  more\nbad\n---\n" + BODY
    assert syntax_errors(text) == [at(text, "bad")]


JSON_ERRORS = [
    '{\n  "title": "Budget",\n  "date": "2025-02-08T09:55:35+08:00",\n}\n',  # trailing comma
    '{\n  "title": "Budget"\n  "date": "2025-02-08T09:55:35+08:00"\n}\n',  # comma missing
    "{\n  \"title\": 'Budget'\n}\n",  # single quotes
]


@pytest.mark.parametrize("front", JSON_ERRORS)
def test_a_json_error_is_where_the_json_parser_stops(front: str) -> None:
    try:
        json.loads(front)
    except json.JSONDecodeError as err:
        place = (err.lineno, err.colno)
    else:  # pragma: no cover - the case is wrong
        pytest.fail("the case parses")
    assert syntax_errors(front + BODY) == [place]


TOML_ERRORS = [
    'title = "Budget\ndate = 2025-02-08T09:55:35+08:00\n',  # a quote left open on its line
    'title = "Budget"\ntags = [1 2]\n',  # no comma between items
    'title = "Budget"\ndate = 2025-02-31T00:00:00Z\n',  # no such day
]


@pytest.mark.parametrize("front", TOML_ERRORS)
def test_a_toml_error_is_where_the_toml_parser_stops(front: str) -> None:
    try:
        tomllib.loads(front)
    except tomllib.TOMLDecodeError as err:
        # tomllib (as tomli) says "(at line L, column C)" of the block.
        place = str(err).rsplit("(at line ", 1)[1].rstrip(")").split(", column ")
    else:  # pragma: no cover - the case is wrong
        pytest.fail("the case parses")
    line, column = int(place[0]), int(place[1])
    assert syntax_errors("+++\n" + front + "+++\n" + BODY) == [(line + 1, column)]


@pytest.mark.parametrize(
    ("front", "needle"),
    [
        # hugo 0.168: "a.md:4:11": toml: array is incomplete, after the comma.
        ('title = "x"\ndate = 2025-02-08T09:55:35+08:00\ntags = [1,\n', "\n+++"),
        # "a.md:3:18": multiline basic string not terminated, at the end of its line.
        ('title = "x"\nsummary = """open\n', "\n+++"),
        # "a.md:2:13": spaces after the comma are part of the line.
        ("tags = [1,  \n", "\n+++"),
        # "a.md:4:1": blank lines before the closing delimiter, the last of them.
        ("tags = [1,\n\n\n", "\n+++"),
    ],
)
def test_toml_that_ends_too_soon_is_reported_where_the_block_ends_as_hugo_does(
    front: str, needle: str
) -> None:
    text = "+++\n" + front + "+++\n" + BODY
    # Not on the block's first line (where newslint put it before: the parser names no place).
    assert syntax_errors(text) == [at(text, needle, nth=0)]


def test_toml_that_ends_too_soon_in_a_crlf_file_is_reported_before_the_cr() -> None:
    text = "+++\r\ntitle = 'x'\r\ntags = [1,\r\n+++\r\n\r\nBody.\r\n"
    assert syntax_errors(text) == [(3, 11)]


def test_a_repeated_toml_key_is_reported_at_the_key_as_hugo_does() -> None:
    # hugo 0.168: "a.md:3:1": toml: key title is already defined.
    text = '+++\ntitle = "a"\ntitle = "b"\n+++\n' + BODY
    assert syntax_errors(text) == [(3, 1)]


def test_toml_that_ends_too_soon_through_the_cli_is_one_json_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.md").write_text('+++\ntitle = "Budget"\ntags = ["economy",\n+++\n' + BODY)
    code = main(["check", "--isolated", "--no-cache", "--output-format", "json", "x.md"])
    found = json.loads(capsys.readouterr().out)
    assert code == 1
    assert [(d["code"], d["line"], d["column"], d["end_line"], d["end_column"]) for d in found] == [
        ("FM002", 3, 19, 3, 19)
    ]
    assert found[0]["severity"] == "error" and found[0]["fix"] is None


# --- `newslint rules`: the columns DESIGN names -------------------------------------------------


def test_rules_text_and_json_agree_on_designs_columns(capsys: pytest.CaptureFixture[str]) -> None:
    # DESIGN: "newslint rules  table of all rules (code, name, severity, fixable, preset)"; the
    # JSON form names the preset column `presets` (a list).
    assert main(["rules", "--isolated", "--output-format", "json"]) == 0
    rows = {row["code"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["TH001"]["presets"] == ["mainroad"]
    assert rows["LK001"]["presets"] == ["news"] and rows["DT001"]["presets"] == []
    assert rows["DT001"]["fixable"] is True and rows["DT002"]["fixable"] is False
    assert main(["rules", "--isolated"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:5] == ["code", "name", "severity", "fix", "preset"]
    for line in table[1:]:
        code, name, severity, fix, preset = line.split()[:5]
        row = rows[code]
        assert (name, severity) == (row["name"], row["severity"])
        assert fix == ("yes" if row["fixable"] else "-")
        assert preset == (",".join(row["presets"]) or "-")


# --- the event payloads, by DESIGN's words ------------------------------------------------------


class EmptyTag(Rule):
    """A tag that is empty.

    ## What it does
    Flags an empty item of `tags`, read through the field event's child nodes.

    ## Why is this bad?
    Hugo makes a term page for it.

    ## Example
        tags: ["economy", ""]

    ## Use instead
        tags: ["economy"]
    """

    code = "ZV001"
    name = "empty-tag"
    severity = Severity.WARNING
    messages = {"empty": "tag {number} of {key} is empty", "key": "{key} at {start}"}

    def on_field(self, ctx: Context, field: Field) -> None:
        # DESIGN: `field` (one per top-level key: key, value, key span, value span, child nodes
        # for lists/maps).
        if field.key != "tags":
            return
        assert field.value_span == field.node.span and field.key_span.end <= field.value_span.start
        for number, child in enumerate(field.children, 1):
            if child.value == "":
                ctx.report(child.span, "empty", number=number, key=field.key)


def test_field_child_nodes_of_a_list_carry_their_own_spans() -> None:
    text = fm(tags=["economy", "", "politics", ""])
    assert lint_case(EmptyTag, Case("tags", text)) == [
        ("empty", *at(text, '""', 0)),
        ("empty", *at(text, '""', 1)),
    ]


@pytest.mark.parametrize(
    ("front", "children"),
    [
        ('tags: ["a", "b"]\n', ["a", "b"]),
        ("params:\n  x: 1\n  y: [2]\n", [1, [2]]),
        ('title: "T"\n', []),
    ],
)
def test_field_children_are_a_lists_items_or_a_maps_values(front: str, children: list) -> None:
    seen: dict[str, list] = {}

    class Probe(Rule):
        code = "ZV002"
        name = "probe-children"
        severity = Severity.INFO
        messages = {"x": "x"}

        def on_field(self, ctx: Context, field: Field) -> None:
            seen[field.key] = [child.value for child in field.children]

    text = "---\n" + front + "---\n\nThe budget passed.\n"
    lint_case(Probe, Case("probe", text))
    assert list(seen.values()) == [children]


# --- suppressions: a rule's name selects in any case, as everywhere else -----------------------

GLUED = "Prices rose.The index fell.\n"
CLEAN_FRONT = (
    "---\n"
    'title: "Budget passes after a week of talks"\n'
    "date: 2025-02-08T09:55:35+08:00\n"
    'summary: "The budget passed on Tuesday after a week of talks between the coalition parties."\n'
    "---\n\n"
)
SOURCE = "\n[Reuters](https://www.reuters.com/world/budget-passes)\n"


@pytest.mark.parametrize("selector", ["sentence-spacing", "Sentence-Spacing", "SENTENCE-SPACING"])
def test_a_body_suppression_takes_the_rules_name_in_any_case(selector: str) -> None:
    # DESIGN: codes and names work in select, ignore and suppressions; `--select Required-Field`
    # and `ignore = ["Date-Format"]` take a name in any case, so a comment does too.
    text = CLEAN_FRONT + f"<!-- newslint-disable-next-line {selector} -->\n" + GLUED + SOURCE
    assert check_text(text, select=["ALL"]) == []


@pytest.mark.parametrize("selector", ["date-format", "Date-Format", "DT001", "dt001"])
def test_a_front_matter_suppression_takes_the_rules_name_in_any_case(selector: str) -> None:
    text = CLEAN_FRONT.replace(
        "date: 2025-02-08T09:55:35+08:00\n", f"date: 2025-02-08  # newslint: disable={selector}\n"
    ) + ("The budget passed on Tuesday.\n" + SOURCE)
    assert check_text(text, select=["ALL"]) == []


def test_a_suppression_naming_the_rule_in_capitals_is_used_and_silences_only_that_rule() -> None:
    text = CLEAN_FRONT + "<!-- newslint-disable-file Sentence-Spacing -->\n\n" + GLUED + SOURCE
    # Neither the glued sentence nor an unused-suppression report of the comment.
    assert check_text(text, select=["ALL"]) == []
    # Another rule's problem on the same line stays.
    text = text.replace("The index fell.\n", "The index fell.   \n")
    found = [(d.code, d.line, d.column) for d in check_text(text, select=["ALL"])]
    assert found == [("BD002", *at(text, "   \n"))]


# --- fixes: the Fix API as STYLE.md sketches it, and a fix that breaks the front matter ----------


def test_a_fix_takes_its_edits_as_arguments_or_as_one_list() -> None:
    # STYLE: "a `Fix` has a title, non-overlapping sorted edits"; ESLint's fixers return arrays.
    first, second = Edit(10, 12, "a"), Edit(3, 4, "")
    for make, applicability in (
        (Fix.safe, Applicability.SAFE),
        (Fix.unsafe, Applicability.UNSAFE),
        (Fix.display_only, Applicability.DISPLAY_ONLY),
    ):
        listed, spread = make("Do it", [first, second]), make("Do it", first, second)
        assert listed == spread
        assert listed.edits == (second, first) and listed.applicability is applicability
    assert Fix.safe("Do it", (first,)).edits == (first,)


TITLE_BREAKER = '''"""Title breaker.

## What it does
Flags the title, with a fix that leaves its quote open.

## Why is this bad?
It is a test.

## Example
    title: "x"

## Use instead
    title: "y"

## Fix safety
Safe, wrongly: it breaks the front matter.
"""

from newslint import Edit, Fix, Rule, Severity


class TitleBreaker(Rule):
    code = "ZV009"
    name = "title-breaker"
    severity = Severity.WARNING
    messages = {"here": "title is here"}

    def on_field(self, ctx, field):
        if field.key == "title":
            span = field.value_span
            edit = Edit(span.start, span.end, '"unterminated')
            ctx.report(span, "here", fix=Fix.safe("Open the quote", [edit]))
'''


def test_fix_never_writes_a_fix_that_breaks_the_front_matter(tmp_path: Path) -> None:
    # STYLE: "Never keep a pass whose output no longer parses"; the other fixes still apply.
    (tmp_path / "plugins").mkdir()
    (tmp_path / "plugins" / "title_breaker.py").write_text(TITLE_BREAKER)
    text = CLEAN_FRONT + GLUED + SOURCE
    (tmp_path / "a.md").write_text(text)
    args = ["fix", "--isolated", "--no-cache", "--rules-dir", "plugins"]
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", *args, "--extend-select", "ZV009", "a.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (tmp_path / "a.md").read_text() == text.replace(".The index", ". The index")
    assert "ZV009" in proc.stderr and "title-breaker" in proc.stderr
    assert "front matter" in proc.stderr
    # What remains is the plugin's warning, below the default fail-on.
    assert proc.returncode == 0, proc.stderr
    assert "a.md:2:8: ZV009 [title-breaker]" in proc.stdout


EMPTY_FIX = TITLE_BREAKER.replace(
    'ctx.report(span, "here", fix=Fix.safe("Open the quote", [edit]))',
    'ctx.report(span, "here", fix=Fix.safe("Do nothing"))',
)


def test_a_plugins_fix_without_edits_is_an_internal_error_of_that_rule(tmp_path: Path) -> None:
    # DESIGN: "Internal errors (a rule crashed on a file) are reported as `internal-error` with
    # the rule"; the fix loop used to crash on such a fix later, naming no rule ("fix-loop").
    (tmp_path / "plugins").mkdir()
    (tmp_path / "plugins" / "title_breaker.py").write_text(EMPTY_FIX)
    text = CLEAN_FRONT + GLUED + SOURCE
    (tmp_path / "a.md").write_text(text)
    args = ["--isolated", "--no-cache", "--rules-dir", "plugins", "--extend-select", "ZV009"]
    for command in (["check", "--output-format", "json"], ["fix", "--output-format", "json"]):
        proc = subprocess.run(
            [sys.executable, "-m", "newslint", *command, *args, "a.md"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == 2, proc.stderr
        errors = [d for d in json.loads(proc.stdout) if d["rule"] == "internal-error"]
        assert len(errors) == 1
        assert errors[0]["message"].startswith("rule title-breaker (plugin ")
        assert "has no edits" in errors[0]["message"]
    # The other rules' safe fixes were still written.
    assert (tmp_path / "a.md").read_text() == text.replace(".The index", ". The index")
