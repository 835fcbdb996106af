"""Every rule's own table cases, written differently: the same article must give the same answer.

Each `Case` of `tests/rules/` (found by `_collect`, from the `case` parametrisation of the test
functions whose whole body is `assert_case(Rule, case)`) is rewritten in ways whose expected
result is known mechanically:

- `crlf`: every `\\n` becomes `\\r\\n`; the same (message id, line, column)s, and the fixed texts
  are the expected ones with CRLF (a fix that writes a line break writes the file's ending);
- `bom`: a UTF-8 byte-order mark first; the same diagnostics, except that a column on line 1
  counts the BOM (columns count the code points of the text, the BOM is its first: README, JSON
  output; a report about the whole file is at its first character, after the BOM, too); the
  fixed texts keep the BOM;
- `no-final-newline`, `blank-lines-at-end`, `space-line-at-end`: the last line break dropped, or
  two blank lines or a line of blanks added at the end; the same diagnostics and the same fixed
  texts with the same end, when the fix does not touch the end of the file;
- `toml`, `json`: an article built by `fm()` from simple values (strings, numbers, booleans,
  lists of them) with the same values in TOML (`+++`) or JSON front matter; the same message ids
  at the place the key or value lands in the variant, and a fixed file whose front matter holds
  the values (and whose body holds the text) the expected YAML fix has; `toml-crlf`,
  `json-crlf`: the same in CRLF.

Every fixed variant must re-parse without new front-matter errors and be stable (fixing it again
changes nothing). The fixes a rule offers for a CRLF or BOM variant (what the JSON output shows an
editor, before `newslint fix` adapts them) must write CRLF line breaks and nothing before the
BOM. Cases whose meaning is the exact byte form (rules about line endings, a BOM, YAML syntax,
trailing whitespace) are left out of the variants that change that form:
`EXCLUDED_RULES` names them with the reason, and every case a variant cannot be derived for is
counted by reason (`test_every_case_is_accounted_for`), never dropped silently.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import pkgutil
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

import pytest
import yaml

import tests.rules
from newslint.document import BOM, Document
from newslint.events import Node
from newslint.rule import Report, Rule
from newslint.testing import Case, Raw, case_reports, fixed_text

Error = tuple[str, int, int]


# ---------------------------------------------------------------------------- collecting cases


@dataclass(frozen=True)
class Collected:
    """A rule's table case and where it comes from (`module::function`)."""

    rule: type[Rule]
    case: Case
    origin: str


def _plain_assert_case(func: Callable[..., Any], module: Any) -> type[Rule] | None:
    """The rule of a test function whose whole body is `assert_case(Rule, case)`, else None.

    Anything more (a fixture, a rewritten case, a monkeypatched clock) means the case holds only
    with it, which a variant cannot reproduce.
    """
    try:
        tree = ast.parse(inspect.getsource(func).lstrip())
    except (OSError, SyntaxError):
        return None
    node = tree.body[0]
    if not isinstance(node, ast.FunctionDef) or [a.arg for a in node.args.args] != ["case"]:
        return None
    body = [s for s in node.body if not isinstance(s, ast.Expr) or not _is_docstring(s)]
    if len(body) != 1 or not isinstance(body[0], ast.Expr):
        return None
    call = body[0].value
    if not (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Name)
        and call.func.id == "assert_case"
        and len(call.args) == 2
        and isinstance(call.args[0], ast.Name)
        and isinstance(call.args[1], ast.Name)
        and call.args[1].id == "case"
    ):
        return None
    rule = getattr(module, call.args[0].id, None)
    return rule if isinstance(rule, type) and issubclass(rule, Rule) else None


def _is_docstring(stmt: ast.Expr) -> bool:
    return isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str)


def _parametrized_cases(func: Callable[..., Any]) -> Iterator[Case]:
    for mark in getattr(func, "pytestmark", []):
        if mark.name != "parametrize" or mark.args[0] != "case":
            continue
        for value in mark.args[1]:
            values = getattr(value, "values", (value,))  # a `pytest.param(...)`
            if len(values) == 1 and isinstance(values[0], Case):
                yield values[0]


def _collect() -> tuple[list[Collected], Counter[str]]:
    """Every case of a plain `assert_case` test in `tests/rules/`, and what was passed over."""
    found: list[Collected] = []
    passed_over: Counter[str] = Counter()
    for info in pkgutil.iter_modules(tests.rules.__path__):
        if not info.name.startswith("test_"):
            continue
        module = importlib.import_module(f"tests.rules.{info.name}")
        for name, func in vars(module).items():
            if not name.startswith("test_") or not callable(func):
                continue
            cases = list(_parametrized_cases(func))
            if not cases:
                continue
            rule = _plain_assert_case(func, module)
            if rule is None:
                passed_over["the test does more than assert_case(Rule, case)"] += len(cases)
                continue
            found.extend(Collected(rule, c, f"{info.name}::{name}") for c in cases)
    return found, passed_over


COLLECTED, PASSED_OVER = _collect()


# ---------------------------------------------------------------------------- what is left out

# Rules whose meaning is the byte form a variant changes, by variant (or family), with the reason.
EXCLUDED_RULES: dict[str, dict[str, str]] = {
    "line-endings": {
        "crlf": "its cases are about the line endings themselves",
        "bom-crlf": "its cases are about the line endings themselves",
        "toml-crlf": "its cases are about the line endings themselves",
        "json-crlf": "its cases are about the line endings themselves",
        "end": "it reports the line endings, which these variants change",
    },
    "byte-order-mark": {"bom": "its cases are about the BOM itself"},
    "trailing-whitespace": {
        "space-line-at-end": "a line of blanks at the end is what it reports",
    },
    "blank-lines": {
        "blank-lines-at-end": "blank lines at the end are what it reports",
        "space-line-at-end": "a line of blanks at the end is a blank line it counts",
    },
    "invalid-utf8": {
        "crlf": "its case is about the bytes as written",
        "bom-crlf": "its case is about the bytes as written",
    },
    "front-matter-syntax": {"format": "its cases are about YAML syntax"},
    "duplicate-key": {
        "format": "a duplicate key is a YAML matter (TOML and JSON reject or keep it)"
    },
    "front-matter-missing": {"format": "its cases are about the delimiters, not about values"},
}
FAMILY = {
    "crlf": "crlf",
    "bom": "bom",
    "bom-crlf": "bom",
    "no-final-newline": "end",
    "blank-lines-at-end": "end",
    "space-line-at-end": "end",
    "toml": "format",
    "json": "format",
    "toml-crlf": "format",
    "json-crlf": "format",
}
VARIANTS = list(FAMILY)


@dataclass(frozen=True)
class Variant:
    """A case rewritten: the text, what must be reported and the fixed texts expected.

    `fixed`/`unsafe_fixed` (None: no change) are compared exactly unless `same_values`, then by front-matter values and body (a TOML or JSON fix), or
    `loose_end`, then without the white space at the end of the file.
    """

    text: str
    errors: list[Error]
    fixed: str | None
    unsafe_fixed: str | None
    same_values: bool = False
    loose_end: bool = False  # a fix changed the end: compare without the blanks at the end


class Skip(Exception):
    """This case cannot be written in this variant: the reason is counted."""


def _touches_end(text: str, result: str | None) -> bool:
    """Whether the fix that gave `result` changed the last line of `text` (or wrote after it)."""
    if result is None or result == text:
        return False
    # The last line and the break before it must come through as they are: after the change
    # (common prefix first, so that a repeated last paragraph deleted counts as a change there).
    kept = len(text) - len(text.rstrip("\n").rsplit("\n", 1)[0])
    prefix = _common(text, result)
    room = min(len(text), len(result)) - prefix
    return min(_common(text[::-1], result[::-1]), room) < kept


def _common(a: str, b: str) -> int:
    """The length of the common start of `a` and `b`."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _end_variant(case: Case, name: str) -> Variant:
    text = case.text
    if "\r" in text or not text.endswith("\n"):
        raise Skip("the text does not end in one LF line ending (it is about its line ends)")
    # A fix that changes the end of the file (appends a source line, deletes the last
    # paragraph) decides how the end looks: its result is compared without the blanks at the end.
    loose = any(_touches_end(text, t) for t in (case.fixed, case.unsafe_fixed))
    last_line = text.count("\n")  # the line the final LF ends
    if any(line > last_line for _, line, _ in case.errors):
        raise Skip("a report points after the final line break")

    def rewrite(t: str | None) -> str | None:
        if t is None:
            return None
        if name == "no-final-newline":
            return t[:-1]
        if name == "blank-lines-at-end":
            return t + "\n\n"
        return t + " \t \n"

    if name == "no-final-newline" and text.endswith("\n\n"):
        raise Skip("the text ends in a blank line (without the last break it ends in one)")
    return Variant(
        rewrite(text) or "",
        list(case.errors),
        rewrite(case.fixed),
        rewrite(case.unsafe_fixed),
        loose_end=loose,
    )


def _crlf(t: str | None) -> str | None:
    return None if t is None else t.replace("\n", "\r\n")


def _bom(t: str | None) -> str | None:
    return None if t is None else BOM + t


def _variant(case: Case, name: str) -> Variant:
    if name == "crlf":
        if "\r" in case.text:
            raise Skip("the text holds a CR already (it is about line endings)")
        return Variant(
            _crlf(case.text) or "", list(case.errors), _crlf(case.fixed), _crlf(case.unsafe_fixed)
        )
    if name == "bom":
        if case.text.startswith(BOM):
            raise Skip("the text starts with a BOM already")
        errors = [(m, line, col + 1 if line == 1 else col) for m, line, col in case.errors]
        return Variant(BOM + case.text, errors, _bom(case.fixed), _bom(case.unsafe_fixed))
    if name == "bom-crlf":  # what Windows Notepad saves
        if case.text.startswith(BOM) or "\r" in case.text:
            raise Skip("the text starts with a BOM or holds a CR already")
        errors = [(m, line, col + 1 if line == 1 else col) for m, line, col in case.errors]
        fixed, unsafe_fixed = _bom(_crlf(case.fixed)), _bom(_crlf(case.unsafe_fixed))
        return Variant(BOM + (_crlf(case.text) or ""), errors, fixed, unsafe_fixed)
    if FAMILY[name] == "end":
        return _end_variant(case, name)
    return _format_variant(case, name)


# ---------------------------------------------------------------------------- TOML and JSON

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
# A place in the front matter: ("key", k) the key, ("value", k) a scalar or a whole list,
# ("item", k, i) an item of a list.
Place = tuple[Any, ...]
_BODY: Place = ("body",)  # the body's first line


@dataclass(frozen=True)
class Token:
    line: int
    col: int
    text: str


class _Loader(yaml.SafeLoader):
    """YAML as `fm()` writes it, a plain timestamp kept as the text written (`Raw`): Hugo reads
    it as that text (`rules/_dates.py`), as it reads a JSON string."""


@dataclass(frozen=True)
class _Plain:
    """A plain YAML string (`title: Budget`): in TOML and JSON the string of its text."""

    text: str


# Plain strings any YAML reader takes for strings: a letter first, then letters, digits, spaces
# and the punctuation YAML gives no meaning there (YAML 1.1 booleans such as `yes` are not).
_SAFE_PLAIN = re.compile(r"(?!(?i:yes|no|on|off|y|n|true|false|null)$)[A-Za-z][\w .,'-]*(?<! )")


def _plain_or_str(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    text = loader.construct_scalar(node)
    return _Plain(text) if node.style is None and _SAFE_PLAIN.fullmatch(text) else text


def _timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Raw:
    return Raw(loader.construct_scalar(node))


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_Loader.add_constructor("tag:yaml.org,2002:str", _plain_or_str)


def _simple(value: Any) -> bool:
    if isinstance(value, Raw | _Plain):
        return True
    if isinstance(value, str):
        return not re.search(r"[\ud800-\udfff]", value)
    if isinstance(value, bool | int):
        return True
    return isinstance(value, list) and all(not isinstance(v, list) and _simple(v) for v in value)


def _fm_fields(text: str) -> tuple[dict[str, Any], str]:
    """The fields and body of an article `fm()` wrote from simple values (raises Skip if not)."""
    close = 4 if text.startswith("---\n---\n") else text.find("\n---\n") + 1
    if not text.startswith("---\n") or close < 4:
        raise Skip("not an fm() article")
    block, body = text[4:close], text[close + 4 :]
    try:
        data = yaml.load(block, _Loader) if block else {}  # (a safe loader)
    except yaml.YAMLError:
        raise Skip("not an fm() article") from None
    if not isinstance(data, dict):
        raise Skip("not an fm() article")
    data = {k.text if isinstance(k, _Plain) else k: v for k, v in data.items()}
    if not all(_simple(v) for v in data.values()):
        raise Skip("a value that is not a string, number, boolean or list of them")
    if not all(isinstance(k, str) and _BARE_KEY.fullmatch(k) for k in data):
        raise Skip("a key that TOML would have to quote")
    if _render(data, body, "yaml")[0] != text:
        raise Skip("YAML not as fm() writes it (a plain string, a block scalar, a flow list)")
    return data, body


def _scalar(value: Any, fmt: str) -> str:
    if isinstance(value, Raw | _Plain):  # in TOML and JSON the string of the text written
        return value.text if fmt == "yaml" else json.dumps(value.text, ensure_ascii=False)
    token = json.dumps(value, ensure_ascii=False)
    # TOML forbids a raw DEL in a basic string; JSON's other escapes are TOML's too.
    return token.replace("\x7f", "\\u007f") if fmt == "toml" else token


def _render(data: dict[str, Any], body: str, fmt: str) -> tuple[str, dict[Place, Token]]:
    """The article in `fmt` ('yaml' as `fm()` writes it, 'toml', 'json') and where each place is."""
    lines: list[str] = []
    places: dict[Place, Token] = {}
    open_, close = {"yaml": ("---", "---"), "toml": ("+++", "+++"), "json": ("{", "}")}[fmt]
    lines.append(open_)
    keys = list(data)
    for n, key in enumerate(keys):
        value = data[key]
        line = len(lines) + 1
        if fmt == "json":
            lead, sep = f'  "{key}"', ": "
            places["key", key] = Token(line, 3, f'"{key}"')
        else:
            lead, sep = key, (": " if fmt == "yaml" else " = ")
            places["key", key] = Token(line, 1, key)
        comma = "," if fmt == "json" and n < len(keys) - 1 else ""
        col = len(lead) + len(sep) + 1
        if isinstance(value, list) and value and fmt == "yaml":
            lines.append(f"{key}:")
            for i, item in enumerate(value):
                token = _scalar(item, fmt)
                places["item", key, i] = Token(len(lines) + 1, 5, token)
                if i == 0:
                    places["value", key] = Token(len(lines) + 1, 3, "- ")
                lines.append(f"  - {token}")
        elif isinstance(value, list):
            tokens = [_scalar(item, fmt) for item in value]
            text = "[" + ", ".join(tokens) + "]"
            at = col + 1
            for i, token in enumerate(tokens):
                places["item", key, i] = Token(line, at, token)
                at += len(token) + 2
            places["value", key] = Token(line, col, text)
            lines.append(lead + sep + text + comma)
        else:
            token = _scalar(value, fmt)
            places["value", key] = Token(line, col, token)
            lines.append(lead + sep + token + comma)
    lines.append(close)
    places["close",] = Token(len(lines), 1, close)  # (body-empty reports there)
    places[_BODY] = Token(len(lines) + 1, 1, "")
    return "\n".join(lines) + "\n" + body, places


def _where(places: dict[Place, Token], line: int, col: int) -> tuple[Place, int] | None:
    """The place at (line, col) of a rendering and the column's offset into its token."""
    for place, token in places.items():
        if place == _BODY or token.line != line:
            continue
        reach = 0 if token.text == "- " else len(token.text)  # a block list: only at its dash
        if token.col <= col <= token.col + reach:
            return place, col - token.col
    return None


def _move(error: Error, yaml_places: dict[Place, Token], places: dict[Place, Token]) -> Error:
    message, line, col = error
    if line == 1:
        if col != 1:
            raise Skip("a report on the opening delimiter's line past column 1")
        return error
    body = yaml_places[_BODY].line
    if line >= body:
        return (message, line - body + places[_BODY].line, col)
    found = _where(yaml_places, line, col)
    if found is None:
        raise Skip("a report at a front-matter place that is not a key, value or list item")
    place, offset = found
    old, new = yaml_places[place], places[place]
    if offset and old.text != new.text:
        raise Skip("a report inside a value the variant writes differently")
    if offset and place[0] == "key" and new.text.startswith('"'):
        offset += 1  # inside the key: past the JSON key's quote
    return (message, new.line, new.col + offset)


def _value(node: Node, text: str, plain: bool) -> Any:
    """What a value means across formats: a timestamp by its text (TOML's native datetime and
    YAML's plain one are the same date; with `plain`, comparing with JSON, that text is a
    string), a list by its items."""
    if node.kind == "list":
        return [_value(item, text, plain) for item in node.items]
    if node.tag == "timestamp":
        written = text[node.span.start : node.span.end]
        return written if plain else ("timestamp", written)
    return node.value


def _values_and_body(text: str, plain: bool = False) -> tuple[dict[str, Any], str]:
    doc = Document.from_text(text)
    assert not doc.front_matter_errors, f"front-matter errors: {doc.front_matter_errors}"
    return {f.key: _value(f.node, text, plain) for f in doc.fields}, text[doc.body_start :]


def _has_raw(value: Any) -> bool:
    return (
        any(_has_raw(item) for item in value) if isinstance(value, list) else isinstance(value, Raw)
    )


def _has_int(value: Any) -> bool:
    if isinstance(value, list):
        return any(_has_int(item) for item in value)
    return isinstance(value, int) and not isinstance(value, bool)


def _format_variant(case: Case, name: str) -> Variant:
    fmt, _, crlf = name.partition("-")
    if crlf and "\r" in case.text:
        raise Skip("the text holds a CR already (it is about line endings)")
    data, body = _fm_fields(case.text)
    if fmt == "toml" and any(_has_raw(v) for v in data.values()):
        raise Skip("a YAML timestamp: in TOML a string or a native date, which Hugo reads apart")
    if fmt == "json" and any(_has_int(v) for v in data.values()):
        # (unix-time dates: a YAML or TOML integer is one, a JSON number is not)
        raise Skip("a number: Hugo's JSON reader makes it a float, YAML's and TOML's an integer")
    yaml_places = _render(data, body, "yaml")[1]
    text, places = _render(data, body, fmt)
    errors = [_move(error, yaml_places, places) for error in case.errors]
    if crlf:  # and the expected fixes' bodies in CRLF, as the article's is
        text, fixed, unsafe_fixed = _crlf(text) or "", _crlf(case.fixed), _crlf(case.unsafe_fixed)
        return Variant(text, errors, fixed, unsafe_fixed, same_values=True)
    return Variant(text, errors, case.fixed, case.unsafe_fixed, same_values=True)


# ---------------------------------------------------------------------------- the matrix


def _build() -> tuple[list[Any], Counter[str]]:
    params: list[Any] = []
    skipped: Counter[str] = Counter()
    for item in COLLECTED:
        for name in VARIANTS:
            excluded = EXCLUDED_RULES.get(item.rule.name, {})
            reason = excluded.get(name, excluded.get(FAMILY[name]))
            if reason is not None:
                skipped[f"{name}: excluded rule {item.rule.name} ({reason})"] += 1
                continue
            try:
                variant = _variant(item.case, name)
            except Skip as why:
                skipped[f"{name}: {why}"] += 1
                continue
            ident = f"{item.rule.name}-{item.case.name}-{name}"
            params.append(pytest.param(item, name, variant, id=ident))
    return params, skipped


PARAMS, SKIPPED = _build()


def _positions(doc: Document, reports: list[Report]) -> list[Error]:
    """(message id, line, column) of each report, as `lint_case` gives them."""
    found = []
    for report in reports:
        at = doc.position(report.span.start)
        found.append((report.message_id, at.line, at.column))
    return sorted(found, key=lambda item: (item[1], item[2], item[0]))


_ORIGINAL: dict[int, tuple[Document, list[Report]]] = {}


def _original_reports(item: Collected) -> tuple[Document, list[Report]]:
    """The case's own document and reports (one lint for its crlf, bom and bom-crlf variants)."""
    if id(item) not in _ORIGINAL:
        _ORIGINAL[id(item)] = case_reports(item.rule, item.case)
    return _ORIGINAL[id(item)]


def _ends(doc: Document, reports: list[Report], bom: bool) -> list[tuple[str, int, int]]:
    """(message id, line, column) where each report ends, a BOM's column on line 1 taken off: a
    span in a CRLF file ends before the CR as it ended before the LF."""
    out = []
    for report in reports:
        end = doc.position(report.span.end)
        out.append((report.message_id, end.line, end.column - (bom and end.line == 1)))
    return sorted(out)


_LONE_BREAK = re.compile(r"\r(?!\n)|(?<!\r)\n")


def _check_offered(rule: type[Rule], name: str, reports: list[Report]) -> None:
    """The fixes as the rule offers them (JSON output, editors) fit the file as it is written:
    line breaks in the file's ending, nothing written before its BOM. `newslint fix` adapts them
    itself; an editor applying the JSON `fix` does not."""
    for report in reports:
        for edit in report.fix.edits if report.fix else ():
            if name.endswith("crlf"):
                assert not _LONE_BREAK.search(edit.content), (
                    f"{report.message_id}: a fix offered for a CRLF file writes {edit.content!r}"
                )
            if name in ("bom", "bom-crlf") and rule.name != "byte-order-mark":
                assert edit.start > 0 or edit.content.startswith(BOM), (
                    f"{report.message_id}: a fix offered for a file with a BOM edits before it:"
                    f" {edit}"
                )


def _check_fixed(
    rule: type[Rule], case: Case, result: str, expected: str, variant: Variant, unsafe: bool
) -> None:
    what = "unsafe" if unsafe else "safe"
    if variant.same_values and expected != case.text:
        plain = variant.text.startswith("{")  # JSON: a YAML timestamp is its text
        assert _values_and_body(result, plain) == _values_and_body(expected, plain), (
            f"{what} fix of the variant gave\n{result!r}\nexpected the values of\n{expected!r}"
        )
    elif variant.loose_end and expected != case.text:
        assert result.rstrip() == expected.rstrip(), (
            f"{what} fix of the variant gave\n{result!r}\nexpected (but for the end)\n{expected!r}"
        )
    else:
        assert result == expected, (
            f"{what} fix of the variant gave\n{result!r}\nexpected\n{expected!r}"
        )
    if result == case.text:
        return
    before = len(Document.from_text(case.text, case.path).front_matter_errors)
    after = Document.from_text(result, case.path).front_matter_errors
    assert len(after) <= before, f"the {what} fix brought front-matter errors: {after}"
    again = fixed_text(rule, case, unsafe=unsafe, text=result)
    assert again == result, f"the {what} fix is not stable:\n{result!r}\nthen\n{again!r}"


@pytest.mark.parametrize(("item", "name", "variant"), PARAMS)
def test_variant(item: Collected, name: str, variant: Variant) -> None:
    case = replace(
        item.case,
        text=variant.text,
        errors=variant.errors,
        fixed=None,
        unsafe_fixed=None,
    )
    doc, reports = case_reports(item.rule, case)
    found = _positions(doc, reports)
    expected = sorted(variant.errors, key=lambda e: (e[1], e[2], e[0]))
    assert found == expected, f"reported {found}, expected {expected}"
    _check_offered(item.rule, name, reports)
    if name in ("crlf", "bom", "bom-crlf") and reports:
        bom = name != "crlf"
        assert _ends(doc, reports, bom) == _ends(*_original_reports(item), False), (
            "the reports end elsewhere than on the original text"
        )
    fixes = item.case.fixed is not None or item.case.unsafe_fixed is not None
    if not found and not fixes:
        return  # nothing reported, so no fix on offer: the text stays as it is
    safe = fixed_text(item.rule, case, unsafe=False) if fixes else variant.text
    expected_safe = variant.fixed if variant.fixed is not None else variant.text
    _check_fixed(item.rule, case, safe, expected_safe, variant, unsafe=False)
    unsafe = fixed_text(item.rule, case, unsafe=True)
    expected_unsafe = variant.unsafe_fixed if variant.unsafe_fixed is not None else expected_safe
    _check_fixed(item.rule, case, unsafe, expected_unsafe, variant, unsafe=True)


def test_every_case_is_accounted_for() -> None:
    """Each collected case runs in a variant or is counted out with a reason; none is lost."""
    ran = Counter(p.values[1] for p in PARAMS)
    left_out = Counter(reason.split(":", 1)[0] for reason in SKIPPED.elements())
    for name in VARIANTS:
        assert ran[name] + left_out[name] == len(COLLECTED), name
    assert len(COLLECTED) > 900  # the rule tables are found (985 cases when this was written)
    assert ran["crlf"] > 900 and ran["bom"] > 900 and ran["toml"] > 300
