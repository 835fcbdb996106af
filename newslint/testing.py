"""Table tests for rules: `Case` and `assert_case` (public: plugin authors use them too).

    CASES = [
        Case("complete", fm(summary="The budget passed.")),
        Case("dots", fm(summary="The budget..."), errors=[("cut", 2, 10)],
             unsafe_fixed=fm(summary="The budget passed on Tuesday.")),
    ]

    @pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
    def test_summary_truncated(case):
        assert_case(SummaryTruncated, case)

`assert_case` compares (message id, line, column) exactly; demands `fixed` whenever a safe fix
changes the text and `unsafe_fixed` whenever an unsafe fix changes it further; fixes the fixed
text again to prove it is stable; and fails when `newslint fix` would drop the rule's fixes (they
do not converge, or their output does not parse). `fm()` starts the front matter on line 2.
`case_reports(Rule, case)` gives the reports themselves, their fixes as the rule offers them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from newslint.config import Config, check_rules, parse_config
from newslint.document import Document
from newslint.engine import build_ruleset, document_language, fix_document, run_rules
from newslint.registry import Registry
from newslint.rule import Report, Rule
from newslint.site import Site

DEFAULT_PATH = "content/en/news/article.en.md"


@dataclass
class Case:
    """One behaviour of a rule: input text, expected (message id, line, column)s and fixed texts."""

    name: str
    text: str
    errors: list[tuple[str, int, int]] = field(default_factory=list)
    fixed: str | None = None
    unsafe_fixed: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    path: str = DEFAULT_PATH
    site: Site | None = None
    config: dict[str, Any] = field(default_factory=dict)
    language: str | None = None
    # What Hugo's `cascade` gives the page (lower-case keys, as `Document.cascade` holds them):
    # the values a section's `_index` file or the site configuration would, without files.
    cascade: dict[str, Any] | None = None


def _document(case: Case, text: str | None = None) -> Document:
    doc = Document.from_text(case.text if text is None else text, case.path, case.site or Site())
    if case.language is not None:
        doc.language = case.language
    if case.cascade is not None:
        doc.cascade_values = dict(case.cascade)
    return doc


def _ruleset(rule: type[Rule], case: Case) -> Any:
    data = dict(case.config)
    data.setdefault("presets", ["hugo", "news", "mainroad"])
    if case.options:
        data.setdefault("rules", {})[rule.name] = case.options
    config: Config = parse_config(data)
    # The options of a case are checked as a configuration file's are: a wrong type is the same
    # clear error here as under `newslint check`, not a crash inside the rule.
    check_rules(config, [rule])
    return build_ruleset(config, registry=Registry([rule]), select=[rule.code])


def case_reports(rule: type[Rule], case: Case) -> tuple[Document, list[Report]]:
    """The document of `case` and the rule's reports on it, fixes as the rule offers them (what
    `newslint check --output-format json` shows, before the fix loop adapts them)."""
    ruleset = _ruleset(rule, case)
    doc = _document(case)
    site = doc.site or Site()
    doc.language = doc.language or document_language(doc, site)
    reports, crashes, _ = run_rules(doc, ruleset.for_document(doc.path, site), ruleset.config)
    assert not crashes, f"{rule.name} crashed: {crashes[0].message}"
    return doc, reports


def lint_case(rule: type[Rule], case: Case) -> list[tuple[str, int, int]]:
    """The (message id, line, column) of every report, in order."""
    doc, reports = case_reports(rule, case)
    found = []
    for report in reports:
        position = doc.position(report.span.start)
        found.append((report.message_id, position.line, position.column))
    return sorted(found, key=lambda item: (item[1], item[2], item[0]))


def fixed_text(rule: type[Rule], case: Case, *, unsafe: bool, text: str | None = None) -> str:
    """The text after `newslint fix` (with `--unsafe-fixes` when `unsafe`) with only `rule` on.

    Fails when the fix loop had to leave the rule's fixes out (they did not converge, or their
    output no longer parsed): `newslint fix` would then drop them too and change nothing, which
    must not pass for "this case has no fix".
    """
    ruleset = _ruleset(rule, case)
    doc = _document(case, text)
    outcome = fix_document(doc, ruleset, unsafe=unsafe)
    dropped = [d.reason for d in outcome.dropped_fixes]
    assert not dropped, (
        f"{case.name}: the {'unsafe' if unsafe else 'safe'} fixes of {rule.name} were dropped:"
        f" {'; '.join(dropped)}"
    )
    return outcome.text


def assert_case(rule: type[Rule], case: Case) -> None:
    found = lint_case(rule, case)
    expected = sorted(case.errors, key=lambda item: (item[1], item[2], item[0]))
    assert found == expected, f"{case.name}: reported {found}, expected {expected}"
    safe = fixed_text(rule, case, unsafe=False)
    if case.fixed is None:
        assert safe == case.text, (
            f"{case.name}: a safe fix changed the text; state `fixed`:\n{safe}"
        )
    else:
        assert safe == case.fixed, f"{case.name}: safe fix gave\n{safe!r}\nexpected\n{case.fixed!r}"
        assert fixed_text(rule, case, unsafe=False, text=safe) == safe, (
            f"{case.name}: safe fix is not stable"
        )
    unsafe = fixed_text(rule, case, unsafe=True)
    expected_unsafe = case.unsafe_fixed if case.unsafe_fixed is not None else safe
    assert unsafe == expected_unsafe, (
        f"{case.name}: unsafe fixes gave\n{unsafe!r}\nexpected\n{expected_unsafe!r}"
        + ("" if case.unsafe_fixed is not None else " (state `unsafe_fixed`)")
    )
    if unsafe != case.text:
        again = fixed_text(rule, case, unsafe=True, text=unsafe)
        assert again == unsafe, f"{case.name}: unsafe fix is not stable"


def lint_project(
    rule: type[Rule],
    files: dict[str, str],
    *,
    site: Site | None = None,
    config: dict[str, Any] | None = None,
    options: dict[str, Any] | None = None,
) -> list[tuple[str, int, int, str]]:
    """Run a cross-file rule over `files` (path -> text): (path, line, column, message) it reports,
    sorted. `options` are the rule's, as in a `Case`.

    Each file goes through `collect` as in a real run, then the rule's `project_end` sees them all.
    """
    from newslint.engine import lint_document
    from newslint.runner import project_end

    case = Case("project", "", config=dict(config or {}), options=dict(options or {}))
    ruleset = _ruleset(rule, case)
    results = [
        lint_document(Document.from_text(text, path, site or Site()), ruleset)
        for path, text in files.items()
    ]
    for result in results:
        crashes = [d for d in result.diagnostics if d.rule == "internal-error"]
        assert not crashes, f"{rule.name} crashed: {crashes[0].message}"
    return sorted((d.path, d.line, d.column, d.message) for d in project_end(results, ruleset))


def _yaml_value(value: Any, indent: str = "") -> str:
    if isinstance(value, list):
        if not value:
            return " []"
        return "".join(f"\n{indent}  - {_yaml_value(v).strip()}" for v in value)
    if isinstance(value, dict):
        return "".join(f"\n{indent}  {k}:{_yaml_value(v, indent + '  ')}" for k, v in value.items())
    if value is None:
        return ""
    if isinstance(value, bool):
        return " true" if value else " false"
    if isinstance(value, int | float):
        return f" {value}"
    if isinstance(value, Raw):
        return f" {value.text}"
    return " " + json.dumps(value, ensure_ascii=False)


@dataclass(frozen=True)
class Raw:
    """A YAML value written exactly as given: `fm(date=Raw("2025-02-08"))`."""

    text: str


def fm(body: str = "The budget passed on Tuesday.\n", **fields: Any) -> str:
    """A YAML front-matter article: strings double-quoted, lists in block style, in the given order.

    The default body is one sentence, the article STYLE.md's example test assumes (a summary
    fix that takes the opening sentences writes "The budget passed on Tuesday.").

    Keys that are not Python identifiers go through `**{"key-name": value}`.
    """
    lines = ["---"]
    for key, value in fields.items():
        lines.append(f"{key}:{_yaml_value(value)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n" + body
