"""Where each character of a front-matter string sits in its source (`rules/_text.ValueMap`):
what lets a rule report the exact column of a problem in a value and fix just that piece.

PyYAML's `yaml.dump` (the default of many Python scrapers) writes a long string double-quoted
over several lines, escaping what is not ASCII and breaking lines with a `\\` (the next line's
leading space then written as `\\ `); the map follows those folds too, so such a value gets exact
columns and minimal fixes, as a one-line value does.
"""

from __future__ import annotations

import pytest
import yaml

from newslint import check_text, fix_text
from newslint.rules._text import ValueMap, _decode_double, _decode_single
from newslint.site import Site

BODY = "\nThe budget passed.\n\n[Reuters](https://www.reuters.com/world/budget-passes)\n"


def dumped(title: str) -> str:
    """An article whose front matter PyYAML wrote, 60 columns wide, ASCII only."""
    head = yaml.dump({"title": title}, allow_unicode=False, width=60, sort_keys=False)
    return "---\n" + head + "---\n" + BODY


@pytest.mark.parametrize(
    ("title", "code", "written", "fixed"),
    [
        (
            "Budget passes after a long week of talks between the many\u200b parties of it",
            "EN003",
            "\\u200B",
            "",
        ),
        (
            "Tom and Jerry open a café after a long week of talks between the parties &amp; town",
            "TX003",
            "&amp;",
            "&",
        ),
        (
            "Café opens its doors on Tuesday after a week of talks between the CafÃ© parties",
            "EN001",
            "\\xC3\\xA9",
            "é",
        ),
    ],
    ids=["second-line-escape", "second-line-entity", "second-line-mojibake"],
)
def test_a_value_pyyaml_folds_over_lines_is_reported_and_fixed_where_it_is_written(
    title: str, code: str, written: str, fixed: str
) -> None:
    text = dumped(title)
    assert text.count("\\\n") == 1 and text.count(written) == 1  # folded once
    [found] = check_text(text, select=[code], site=Site())
    offset = text.index(written)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    assert (found.line, found.column, found.end_line, found.end_column) == (
        line,
        column,
        line,
        column + len(written),
    )
    repaired, remaining = fix_text(text, select=[code], site=Site())
    assert repaired == text.replace(written, fixed)
    assert remaining == []


@pytest.mark.parametrize(
    ("source", "value"),
    [
        ('"a b\n  c d"', "a b c d"),  # an unescaped break folds into a space
        ('"a b  \n   c"', "a b c"),  # with the white space around it
        ('"a b\\\n  \\ c"', "a b c"),  # an escaped break joins; `\ ` is the space
        ('"a b\\\n  c"', "a bc"),
        ('"a \\x41\n  b"', "a A b"),  # an escape before a break
    ],
)
def test_the_map_decodes_folded_lines_as_yaml_does(source: str, value: str) -> None:
    assert yaml.safe_load(f"title: {source}")["title"] == value
    # An escaped non-breaking space at the value's end, after the folds: text-whitespace reports
    # it where it is written and its fix removes just it, which needs every fold mapped.
    text = f'---\ntitle: {source[:-1]}\\xA0"\n---\n{BODY}'
    [found] = check_text(text, select=["TX005"], site=Site())
    offset = text.index("\\xA0")
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    assert (found.line, found.column, found.end_column) == (3, column, column + 4)
    assert fix_text(text, select=["TX005"], site=Site())[0] == text.replace("\\xA0", "")


def test_a_value_with_an_empty_line_inside_is_left_to_the_fallback() -> None:
    """An empty line folds into a line break of its own; the map leaves such a value to the
    fallback, which finds a piece written once as it is."""
    text = f'---\ntitle: "Tom &amp; Jerry\n\n  open"\n---\n{BODY}'
    [found] = check_text(text, select=["TX003"], site=Site())
    assert (found.line, found.column, found.end_line, found.end_column) == (2, 13, 2, 18)
    repaired = fix_text(text, select=["TX003"], site=Site())[0]
    assert repaired == text.replace("&amp;", "&")
    assert yaml.safe_load(repaired.split("---\n")[1])["title"] == "Tom & Jerry\nopen"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('---\ntitle: "Caf\\u00e9"\n---\nBody.\n', True),
        ('+++\n"a\\tb" = 1\n+++\nBody.\n', True),
        # A Markdown escape in the body writes no field: the rules that look at every field for
        # escaped characters have nothing to find in such a file.
        ("---\ntitle: Café\n---\nA \\*starred\\* word.\n", False),
        ("No front matter \\u00e9.\n", False),
    ],
)
def test_front_matter_escapes(text: str, expected: bool) -> None:
    from newslint.document import Document
    from rules._text import front_matter_escapes

    assert front_matter_escapes(Document.from_text(text)) is expected


@pytest.mark.parametrize("inner", ["", "Budget passes", "café & 北京 \t 'quoted'", "a\u200bb"])
def test_a_value_that_escapes_nothing_maps_as_the_decoders_map_it(inner: str) -> None:
    # `ValueMap.of` takes such a value (no `\`, no line break; no `''` in a single-quoted one)
    # without decoding it character by character: the map must be the one the decoders give.
    for pieces in (_decode_double(inner, 7), _decode_single(inner, 7, doubled_quote=True)):
        assert pieces is not None
        decoded = ValueMap(tuple(p[1] for p in pieces), tuple(p[2] for p in pieces), 99)
        assert ValueMap._verbatim(inner, 7, 99, inner) == decoded
    assert ValueMap._verbatim(inner, 7, 99, inner + "x") is None
