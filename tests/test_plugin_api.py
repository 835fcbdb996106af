"""The plugin API as docs/writing-a-rule.md describes it, seen from a plugin author's side.

Each test is a wall an author hit when following the guide: a folder of rules with a shared helper,
the same folder named twice, a rule class with a plain mistake in its metadata, a plugin that does
not import, `newslint rule` for a configured plugin, option values of the declared type.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from newslint import Rule, Severity, Span
from newslint.cli import main
from newslint.config import ConfigError
from newslint.document import Document
from newslint.engine import run_rules
from newslint.events import Collected, Field
from newslint.rule import Context, ProjectContext
from newslint.site import Site
from newslint.testing import Case, _ruleset, assert_case, fm

ARTICLE = (
    '---\ntitle: "Budget"\ndate: 2025-02-08T09:55:35+08:00\nsummary: "The budget passed."\n'
    'author: "By Jane Doe"\n---\n\nWe sent an e-mail.\n\n[Wire](https://wire.example.com/budget)\n'
)

DOC = '"""{summary}\n\n## What it does\nX.\n\n## Why is this bad?\nX.\n\n## Example\n    x\n\n## Use instead\n    y\n"""\n'

# A house rule that takes its word list from a helper module next to it, as the built-in rules use
# `rules/_*.py` helpers.
HELPER_RULE = (
    DOC.format(summary="House words.")
    + "from newslint import Rule, Severity, Span\n\nfrom ._words import BAD\n\n\n"
    "class HouseWords(Rule):\n"
    '    code = "NR201"\n'
    '    name = "house-words"\n'
    "    severity = Severity.ERROR\n"
    '    messages = {"bad": "write {good!r}, not {bad!r}"}\n\n'
    "    def on_text(self, ctx, text):\n"
    "        for bad, good in BAD.items():\n"
    "            at = text.text.find(bad)\n"
    "            if at >= 0:\n"
    "                start = text.span.start + at\n"
    '                ctx.report(Span(start, start + len(bad)), "bad", bad=bad, good=good)\n'
)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "article.md").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def house_rules(site: Path, name: str = "house") -> Path:
    folder = site / name
    folder.mkdir()
    (folder / "house_words.py").write_text(HELPER_RULE, encoding="utf-8")
    (folder / "_words.py").write_text('BAD = {"e-mail": "email"}\n', encoding="utf-8")
    return folder


def concise(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("article.md")]


# ------------------------------------------------------------------------- loading a folder


def test_rules_folder_module_imports_its_helper_relatively(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    house_rules(site)
    code, out, err = run(
        [
            "check",
            "article.md",
            "--isolated",
            "--rules-dir",
            "house",
            "--select",
            "NR201",
            "--output-format",
            "concise",
            "--no-cache",
        ],
        capsys,
    )
    assert err == ""
    assert concise(out) == ["article.md:8:12: NR201 [house-words] write 'email', not 'e-mail'"]
    assert code == 1


def test_editing_a_helper_of_a_rules_folder_invalidates_the_cache(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = house_rules(site)
    args = ["check", "article.md", "--isolated", "--rules-dir", "house", "--select", "NR201"]
    args += ["--output-format", "concise"]
    run(args, capsys)
    (folder / "_words.py").write_text('BAD = {"e-mail": "E-mail"}\n', encoding="utf-8")
    _, out, _ = run(args, capsys)
    assert concise(out) == ["article.md:8:12: NR201 [house-words] write 'E-mail', not 'e-mail'"]


def test_two_folders_of_one_name_keep_their_own_helpers(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "a").mkdir()
    (site / "b").mkdir()
    house_rules(site / "a", "rules")
    other = house_rules(site / "b", "rules")
    (other / "house_words.py").write_text(
        HELPER_RULE.replace("NR201", "NR202").replace("house-words", "house-words-b"),
        encoding="utf-8",
    )
    (other / "_words.py").write_text('BAD = {"Budget": "budget"}\n', encoding="utf-8")
    code, out, err = run(
        [
            "check",
            "article.md",
            "--isolated",
            "--rules-dir",
            "a/rules",
            "--rules-dir",
            "b/rules",
            "--select",
            "NR2",
            "--output-format",
            "concise",
            "--no-cache",
        ],
        capsys,
    )
    assert err == ""
    assert concise(out) == [
        "article.md:8:12: NR201 [house-words] write 'email', not 'e-mail'",
    ]
    assert code == 1


@pytest.mark.parametrize(
    "args",
    [
        ["--rules-dir", "house", "--rules-dir", "house/"],
        ["--rules-dir", "./house", "--config", "newslint.toml"],
    ],
    ids=["twice-on-the-command-line", "config-and-command-line"],
)
def test_one_folder_named_twice_loads_once(
    site: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    house_rules(site)
    (site / "newslint.toml").write_text('plugins = ["house/"]\n', encoding="utf-8")
    code, out, err = run(
        ["check", "article.md", *args, "--select", "NR201", "--output-format", "concise"], capsys
    )
    assert err == ""
    assert concise(out) == ["article.md:8:12: NR201 [house-words] write 'email', not 'e-mail'"]
    assert code == 1


# ------------------------------------------------------------------ a plugin that does not load


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("def broken(:\n", "SyntaxError: invalid syntax (bad.py, line 1)"),
        (
            "import not_a_module_at_all\n",
            "ModuleNotFoundError: No module named 'not_a_module_at_all'",
        ),
    ],
    ids=["syntax-error", "import-error"],
)
@pytest.mark.parametrize("command", ["check", "fix"])
def test_plugin_that_fails_to_import_exits_2_and_the_other_rules_still_run(
    site: Path, command: str, source: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = site / "broken"
    broken.mkdir()
    (broken / "bad.py").write_text(source, encoding="utf-8")
    house_rules(site)
    code, out, err = run(
        [
            command,
            "article.md",
            "--isolated",
            "--rules-dir",
            "broken",
            "--rules-dir",
            "house",
            "--select",
            "NR201",
            "--output-format",
            "concise",
        ],
        capsys,
    )
    assert err.splitlines()[0] == f"newslint: error: plugin broken/bad.py: cannot import: {message}"
    assert "Traceback" not in err
    assert concise(out) == ["article.md:8:12: NR201 [house-words] write 'email', not 'e-mail'"]
    assert code == 2


# --------------------------------------------------------------------- mistakes in a rule class


def rule_module(body: str) -> str:
    return DOC.format(summary="Probe.") + (
        "from dataclasses import dataclass\n\nfrom newslint import Rule, Severity, Span\n\n\n"
        + body
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            'class P(Rule):\n    code = "NR301"\n    messages = {"m": "x"}\n',
            "TypeError: P: code 'NR301' needs a name (kebab-case, such as 'my-rule')",
        ),
        (
            'class P(Rule):\n    code = "NR302"\n    name = "p"\n    severity = "fatal"\n',
            "TypeError: P: severity 'fatal' is not Severity.ERROR, WARNING or INFO",
        ),
        (
            'class P(Rule):\n    code = "NR303"\n    name = "p"\n\n    class Options:\n'
            "        limit = 3\n",
            "TypeError: P: Options is not a dataclass (write @dataclass(frozen=True) above it)",
        ),
    ],
    ids=["code-without-name", "bad-severity", "options-not-a-dataclass"],
)
def test_rule_class_mistake_is_named_when_the_plugin_loads(
    site: Path, body: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "probe").mkdir()
    (site / "probe" / "probe.py").write_text(rule_module(body), encoding="utf-8")
    code, _, err = run(
        ["check", "article.md", "--isolated", "--rules-dir", "probe", "--select", "FM001"], capsys
    )
    assert err == f"newslint: error: plugin probe/probe.py: cannot import: {message}\n"
    assert code == 2


def test_severity_may_be_written_as_a_word(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = (
        'class P(Rule):\n    code = "NR304"\n    name = "p"\n    severity = "info"\n'
        '    messages = {"m": "probe"}\n\n    def on_document_end(self, ctx, document):\n'
        '        ctx.report(Span(0, 3), "m")\n'
    )
    (site / "probe").mkdir()
    (site / "probe" / "probe.py").write_text(rule_module(body), encoding="utf-8")
    code, out, err = run(
        [
            "check",
            "article.md",
            "--isolated",
            "--rules-dir",
            "probe",
            "--select",
            "NR304",
            "--output-format",
            "json",
        ],
        capsys,
    )
    assert err == ""
    assert [(d["code"], d["severity"], d["line"], d["column"]) for d in json.loads(out)] == [
        ("NR304", "info", 1, 1)
    ]
    assert code == 0


@pytest.mark.parametrize(
    ("report", "message"),
    [
        (
            'ctx.report(Span(0, 3), "mm")',
            "KeyError: \"rule p has no message 'mm' (messages: 'm')\"",
        ),
        (
            'ctx.report(Span(0, 3), "m")',
            "KeyError: \"message 'm' of rule p needs the value 'word' (ctx.report(..., word=...))\"",
        ),
    ],
    ids=["unknown-message-id", "missing-value"],
)
def test_report_mistake_is_an_internal_error_that_says_what_is_wrong(
    site: Path, report: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        'class P(Rule):\n    code = "NR305"\n    name = "p"\n'
        '    messages = {"m": "probe {word}"}\n\n    def on_document_end(self, ctx, document):\n'
        f"        {report}\n"
    )
    (site / "probe").mkdir()
    (site / "probe" / "probe.py").write_text(rule_module(body), encoding="utf-8")
    code, out, _ = run(
        [
            "check",
            "article.md",
            "--isolated",
            "--rules-dir",
            "probe",
            "--select",
            "NR305",
            "--output-format",
            "json",
        ],
        capsys,
    )
    assert [(d["code"], d["message"]) for d in json.loads(out)] == [
        ("NL000", f"rule p (plugin probe/probe.py) crashed on this file: {message}")
    ]
    assert code == 2


# ------------------------------------------------------------- the documentation of a plugin


def test_rules_and_rule_list_the_plugins_the_configuration_loads(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    house_rules(site)
    (site / "newslint.toml").write_text('plugins = ["house/"]\n', encoding="utf-8")
    code, out, _ = run(["rules", "--output-format", "json"], capsys)
    assert [(r["code"], r["origin"]) for r in json.loads(out) if r["code"] == "NR201"] == [
        ("NR201", str(Path("house") / "house_words.py"))
    ]
    assert code == 0
    code, out, _ = run(["rule", "house-words"], capsys)
    assert out.splitlines()[:5] == [
        "# house-words (NR201)",
        "",
        f"Severity: error. Fixable: no. Origin: {Path('house') / 'house_words.py'}.",
        "",
        "House words.",
    ]
    assert code == 0
    code, out, _ = run(["rule", "house-words", "--isolated"], capsys)
    assert code == 2


# ---------------------------------------------------------------------------- options


@dataclass(frozen=True)
class ShapeOptions:
    words: tuple[str, ...] = ("a",)
    names: frozenset[str] = frozenset()
    pairs: tuple[tuple[str, int], ...] = ()
    either: tuple[str, ...] | None = None
    table: dict[str, str] = field(default_factory=dict)


class OptionShapes(Rule):
    """Reports the Python types its options arrive as."""

    code = "NR401"
    name = "option-shapes"
    severity = Severity.INFO
    messages = {"shapes": "{shapes}"}
    Options = ShapeOptions

    def on_document_end(self, ctx: Context, document: Document) -> None:
        options = ctx.options
        shapes = [type(options.words).__name__, type(options.names).__name__]
        shapes += [type(options.pairs).__name__]
        shapes += [type(options.pairs[0]).__name__ if options.pairs else "-"]
        shapes += [type(options.either).__name__]
        # Hashable, as the declared types are: usable as a cache key (`functools.lru_cache`).
        hash((options.words, options.names, options.pairs, options.either))
        ctx.report(Span(0, 3), "shapes", shapes=" ".join(shapes))


def test_list_options_arrive_as_the_declared_tuple_or_frozenset() -> None:
    from newslint.testing import lint_case

    options = {"words": ["x"], "names": ["y"], "pairs": [["z", 1]], "either": ["w"]}
    case = Case("shapes", fm(title="A"), options=options)
    ruleset = _ruleset(OptionShapes, case)
    doc = Document.from_text(case.text, case.path, Site())
    reports, crashes, _ = run_rules(doc, ruleset.for_document(doc.path, Site()), ruleset.config)
    assert [crash.message for crash in crashes] == []
    assert [r.message for r in reports] == ["tuple frozenset tuple tuple tuple"]
    assert lint_case(OptionShapes, case) == [("shapes", 1, 1)]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"words": "x"},
            'configuration: rules.option-shapes.words: expected a list of strings, got "x"',
        ),
        (
            {"table": {"a": 1}},
            "configuration: rules.option-shapes.table: expected a table of strings, got a table",
        ),
        (
            {"word": ["x"]},
            "configuration: rules.option-shapes: unknown option 'word' "
            "(options: either, names, pairs, table, words) (did you mean 'words'?)",
        ),
    ],
    ids=["wrong-type", "wrong-table-values", "unknown-key"],
)
def test_case_options_are_checked_as_the_configuration_checks_them(
    options: dict[str, object], message: str
) -> None:
    with pytest.raises(ConfigError) as raised:
        assert_case(OptionShapes, Case("bad", fm(title="A"), options=options))
    assert str(raised.value) == message


@pytest.mark.parametrize("where", ["group_key", "project_end"])
def test_cross_file_crash_names_the_plugin(
    site: Path, where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        'class P(Rule):\n    code = "NR306"\n    name = "p"\n    messages = {"m": "probe"}\n\n'
        "    def collect(self):\n        return 1\n\n"
        "    @classmethod\n    def group_key(cls, data):\n"
        + (
            '        raise RuntimeError("boom")\n'
            if where == "group_key"
            else "        return data\n"
        )
        + "\n    @classmethod\n    def project_end(cls, ctx, collected):\n"
        '        raise RuntimeError("boom")\n'
    )
    (site / "probe").mkdir()
    (site / "probe" / "probe.py").write_text(rule_module(body), encoding="utf-8")
    (site / "other.md").write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(
        [
            "check",
            "article.md",
            "other.md",
            "--isolated",
            "--rules-dir",
            "probe",
            "--select",
            "NR306",
            "--output-format",
            "json",
        ],
        capsys,
    )
    assert [(d["path"], d["code"], d["message"]) for d in json.loads(out)] == [
        # In no file (JSON `null`, as ruff's `filename`): the data came from both files.
        (None, "NL000", f"rule p (plugin probe/probe.py) crashed in {where}: RuntimeError: boom")
    ]
    assert code == 2


@dataclass(frozen=True)
class SlugOptions:
    ignore_case: bool = False


class SameSlug(Rule):
    """Two articles share a slug (a cross-file rule with an option)."""

    code = "NR402"
    name = "same-slug"
    severity = Severity.ERROR
    messages = {"same": "slug {slug!r} is also used by {other}"}
    Options = SlugOptions

    def __init__(self) -> None:
        self.slug: tuple[str, tuple[int, int]] | None = None

    def on_field(self, ctx: Context, field: Field) -> None:
        if field.key == "slug" and isinstance(field.value, str):
            start = ctx.document.position(field.value_span.start)
            self.slug = (field.value, (start.line, start.column))

    def collect(self) -> tuple[str, tuple[int, int]] | None:
        return self.slug

    @classmethod
    def project_end(cls, ctx: ProjectContext, collected: list[Collected]) -> None:
        seen: dict[str, str] = {}
        for item in collected:
            slug, (line, column) = item.data
            key = slug.casefold() if ctx.options.ignore_case else slug
            if key in seen:
                ctx.report(
                    item.path, (line, column, line, column), "same", slug=slug, other=seen[key]
                )
            seen.setdefault(key, item.path)


def test_lint_project_takes_the_rule_options() -> None:
    from newslint.testing import lint_project

    files = {"a.md": fm(title="A", slug="budget"), "b.md": fm(title="B", slug="Budget")}
    assert lint_project(SameSlug, files) == []
    assert lint_project(SameSlug, files, options={"ignore-case": True}) == [
        ("b.md", 3, 7, "slug 'Budget' is also used by a.md")
    ]
