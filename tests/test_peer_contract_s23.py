"""Peer round s23: promises of DESIGN.md, STYLE.md and the README that earlier rounds left loose.

Written as an outside tester from the shared documents only: the rule STYLE.md shows (summary
cut off), played as a house rule through `newslint.testing` with its own test table; the
cross-file rules' sameness promises (`duplicate-source`: http/https, `www.`, host case, trailing
slash, fragment, tracking parameters and percent-encoding are one source, `%2F` is no `/`;
`duplicate-title`: entities, typographic quotes, full-width forms, spacing and case are one title;
translations may share; the earliest published article is the original); the DESIGN.md
configuration example taken verbatim; and the exit codes of `fix`. Each test asserts the exact
rule, position, message and fixed text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from newslint import Context, Fix, Rule, Severity
from newslint.cli import main
from newslint.events import Field
from newslint.site import clear_site_cache
from newslint.testing import Case, assert_case, fm, lint_case

Found = tuple[str, int, int, int, int, str, str]
HUGO_TOML = 'baseURL = "https://example.org/"\n'
BODY = "The river rose by two metres overnight. Residents were moved.\n\n"


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))


def run(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str]:
    monkeypatch.chdir(root)
    clear_site_cache()
    code = main([*args])
    clear_site_cache()
    return code, capsys.readouterr().out


def check(
    root: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    files: dict[str, str],
    select: str,
    *paths: str,
) -> list[Found]:
    """(path, line, column, end line, end column, code, message) of each diagnostic."""
    write(root, files)
    _, out = run(
        root, monkeypatch, capsys, "check", "--no-cache", "--select", select,
        "--output-format", "json", *paths,
    )  # fmt: skip
    found: list[dict[str, Any]] = json.loads(out)
    for diagnostic in found:
        assert diagnostic["fix"] is None  # the cross-file rules offer no fix (DESIGN.md: —)
    return [
        (d["path"], d["line"], d["column"], d["end_line"], d["end_column"], d["code"], d["message"])
        for d in found
    ]


def article(title: str, source: str, date: str = "2025-02-08T09:55:35Z", extra: str = "") -> str:
    return (
        f'---\ntitle: "{title}"\ndate: {date}\n'
        f'summary: "The river rose by two metres overnight in the north."\n{extra}---\n'
        f"{BODY}[Source]({source})\n"
    )


# --- STYLE.md: the rule it shows, written as a house rule, tested with its own table ---------


@dataclass(frozen=True)
class CutOptions:
    max_chars: int = 300


class CutSummary(Rule):
    """Summary is cut off.

    ## What it does
    Flags a front-matter `summary` that ends in "..." or "…".

    ## Why is this bad?
    Feeds and article cards show the summary as written; a cut sentence looks broken.

    ## Example
        summary: "The minister said the budget would..."

    ## Use instead
        summary: "The minister said the budget would pass this week."

    ## Fix safety
    Unsafe: the new summary is taken from the article's opening sentences.
    """

    code = "ZZ901"
    name = "cut-summary"
    severity = Severity.WARNING
    messages = {"cut": "summary is cut off ({ending!r})"}
    Options = CutOptions

    def on_field(self, ctx: Context, field: Field) -> None:
        if field.key != "summary" or not isinstance(field.value, str):
            return
        text = field.value.rstrip()
        if text.endswith(("...", "…")):
            better = ctx.document.lead_sentences(max_chars=ctx.options.max_chars)
            fix = (
                Fix.unsafe(
                    "Rewrite summary from the opening sentences", field.replace_value(better)
                )
                if better
                else None
            )
            ctx.report(field.value_span, "cut", ending=text[-3:], fix=fix)


STYLE_CASES = [
    Case("complete", fm(summary="The budget passed.")),
    Case(
        "dots",
        fm(summary="The budget..."),
        errors=[("cut", 2, 10)],
        unsafe_fixed=fm(summary="The budget passed on Tuesday."),
    ),
    Case("not-a-string", fm(summary=3)),
    Case(
        "ellipsis-after-title",
        fm(title="Budget", summary="The budget…"),
        errors=[("cut", 3, 10)],
        unsafe_fixed=fm(title="Budget", summary="The budget passed on Tuesday."),
    ),
    Case(
        "no-prose-no-fix",
        fm(body="", summary="The budget..."),
        errors=[("cut", 2, 10)],
    ),
    Case(
        "max-chars-option",
        fm(body="The budget passed on Tuesday. It was late.\n", summary="The budget..."),
        errors=[("cut", 2, 10)],
        unsafe_fixed=fm(
            body="The budget passed on Tuesday. It was late.\n",
            summary="The budget passed on Tuesday.",
        ),
        options={"max-chars": 35},
    ),
]


@pytest.mark.parametrize("case", STYLE_CASES, ids=lambda c: c.name)
def test_the_rule_style_md_shows_runs_as_a_house_rule(case: Case) -> None:
    assert_case(CutSummary, case)


def test_assert_case_fails_when_the_stated_position_is_wrong() -> None:
    wrong = Case("dots", fm(summary="The budget..."), errors=[("cut", 2, 9)])
    assert lint_case(CutSummary, wrong) == [("cut", 2, 10)]
    with pytest.raises(AssertionError):
        assert_case(CutSummary, wrong)


def test_assert_case_demands_the_fixed_text_when_a_fix_changes_it() -> None:
    # STYLE.md: assert_case "demands the expected fixed text whenever a fix changes the text"
    silent = Case("dots", fm(summary="The budget..."), errors=[("cut", 2, 10)])
    with pytest.raises(AssertionError):
        assert_case(CutSummary, silent)


# --- duplicate-source (XF001): what counts as the same source ----------------------------


@pytest.mark.parametrize(
    ("original", "repeat"),
    [
        ("https://example.com/story", "http://example.com/story"),
        ("https://example.com/story", "https://www.example.com/story"),
        ("https://example.com/story", "https://EXAMPLE.com/story"),
        ("https://example.com/story", "https://example.com/story/"),
        ("https://example.com/story", "https://example.com/story#comments"),
        ("https://example.com/story", "https://example.com/story?utm_source=feed&fbclid=x1"),
        ("https://example.com/caf%C3%A9", "https://example.com/café"),
        ("https://example.com/a%2fb", "https://example.com/a%2Fb"),
    ],
)
def test_duplicate_source_treats_spellings_of_one_url_as_one(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    original: str,
    repeat: str,
) -> None:
    files = {
        "hugo.toml": HUGO_TOML,
        "content/news/b-first.md": article("Flood", original, date="2025-01-01T08:00:00Z"),
        "content/news/a-later.md": article("Storm", repeat, date="2025-03-01T08:00:00Z"),
    }
    found = check(tmp_path, monkeypatch, capsys, files, "XF001")
    # the earlier article (by date, not by path) is the original; the later is reported at the URL
    assert found == [
        (
            "content/news/a-later.md", 8, 10, 8, 10 + len(repeat), "XF001",
            f"source {repeat} is also cited by content/news/b-first.md",
        )
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("https://example.com/a%2Fb", "https://example.com/a/b"),  # %2F is no folder separator
        ("https://example.com/story?id=1", "https://example.com/story?id=2"),
        ("https://example.com/story", "https://example.org/story"),
    ],
)
def test_duplicate_source_keeps_different_urls_apart(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    one: str,
    other: str,
) -> None:
    files = {
        "hugo.toml": HUGO_TOML,
        "content/news/a.md": article("Flood", one),
        "content/news/b.md": article("Storm", other),
    }
    assert check(tmp_path, monkeypatch, capsys, files, "XF001") == []


def test_duplicate_source_published_article_is_the_original_before_an_earlier_draft(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {
        "hugo.toml": HUGO_TOML,
        "content/news/draft.md": article(
            "Flood", "https://example.com/s", date="2025-01-01T08:00:00Z", extra="draft: true\n"
        ),
        "content/news/live.md": article(
            "Storm", "https://example.com/s", date="2025-05-01T08:00:00Z"
        ),
    }
    assert check(tmp_path, monkeypatch, capsys, files, "XF001") == [
        (
            "content/news/draft.md", 9, 10, 9, 31, "XF001",
            "source https://example.com/s is also cited by content/news/live.md",
        )
    ]  # fmt: skip


def test_duplicate_source_from_the_source_field_and_translations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {
        "hugo.toml": (
            HUGO_TOML + 'defaultContentLanguage = "en"\n'
            '[languages.en]\ncontentDir = "content/en"\n[languages.de]\ncontentDir = "content/de"\n'
        ),
        # the same path in each language's folder: a translation, which may share its source
        "content/en/flood.md": article("Flood", "https://example.com/s1"),
        "content/de/flood.md": article("Flut", "https://example.com/s1"),
        # one translationKey: translations too, whatever the file names
        "content/en/storm.md": article("Storm", "https://example.com/s2", extra="translationKey: st\n"),
        "content/de/sturm.md": article("Sturm", "https://example.com/s2", extra="translationKey: st\n"),
        # two articles in one language may not share, whatever their keys
        "content/en/rain.md": article(
            "Rain", "https://example.com/other", extra="source: https://example.com/s3\n"
        ),
        "content/en/rain-again.md": article(
            "More rain", "https://example.com/s3", date="2025-03-01T00:00:00Z",
            extra="translationKey: rain\n",
        ),
    }  # fmt: skip
    assert check(tmp_path, monkeypatch, capsys, files, "XF001") == [
        (
            "content/en/rain-again.md", 9, 10, 9, 32, "XF001",
            "source https://example.com/s3 is also cited by content/en/rain.md",
        )
    ]  # fmt: skip


def test_duplicate_source_skips_sections_and_bundle_resources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {
        "hugo.toml": HUGO_TOML,
        "content/news/_index.md": article("News", "https://example.com/s"),
        "content/news/story/index.md": article("Story", "https://example.com/s"),
        "content/news/story/notes.md": article("Notes", "https://example.com/s"),
    }
    assert check(tmp_path, monkeypatch, capsys, files, "XF001") == []


# --- duplicate-title (XF002): what counts as the same title ------------------------------


@pytest.mark.parametrize(
    ("original", "repeat"),
    [
        ("Rock &amp; roll", "Rock & roll"),
        ("Minister&#39;s plan", "Minister’s plan"),
        ("Minister：resigns", "Minister:resigns"),
        ("Flood warning", "flood  WARNING"),
        ("Flood warning", "Flood\u200b warning"),
    ],
)
def test_duplicate_title_treats_spellings_of_one_title_as_one(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    original: str,
    repeat: str,
) -> None:
    files = {
        "hugo.toml": HUGO_TOML,
        "content/news/z-first.md": article(
            original, "https://example.com/1", "2025-01-01T08:00:00Z"
        ),
        "content/news/a-later.md": article(repeat, "https://example.com/2", "2025-02-01T08:00:00Z"),
    }
    assert check(tmp_path, monkeypatch, capsys, files, "XF002") == [
        (
            "content/news/a-later.md", 2, 8, 2, 10 + len(repeat), "XF002",
            f"title {repeat!r} is also used by content/news/z-first.md",
        )
    ]  # fmt: skip


def test_duplicate_title_other_punctuation_and_other_languages_differ(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {
        "hugo.toml": (
            HUGO_TOML + 'defaultContentLanguage = "en"\n'
            '[languages.en]\ncontentDir = "content/en"\n[languages.fr]\ncontentDir = "content/fr"\n'
        ),
        "content/en/a.md": article("Flood warning", "https://example.com/1"),
        "content/en/b.md": article("Flood warning!", "https://example.com/2"),
        "content/fr/a.md": article("Flood warning", "https://example.com/3"),
    }
    assert check(tmp_path, monkeypatch, capsys, files, "XF002") == []


# --- DESIGN.md's configuration example, verbatim -----------------------------------------

DESIGN_PYPROJECT = """\
[tool.newslint]
include = ["content/**/*.md"]        # default: the site's content dirs
exclude = ["content/drafts/**"]
select = ["ALL"]                     # codes, prefixes (e.g. "DT") or names
ignore = ["TX006"]
fail-on = "error"
timezone = "Asia/Shanghai"           # default: the site's timeZone, else UTC
presets = ["hugo", "news", "mainroad"]

[tool.newslint.per-file-ignores]
"content/archive/**" = ["DT003"]

[tool.newslint.rules.summary-length]
max = 300
severity = "warning"

[tool.newslint.links]
timeout = 10
concurrency = 64
per-host = 4
cache-ttl = "1d"
accept = [200, 206, 429]
exclude = ["^https://example\\\\.com/"]
"""


def test_design_md_configuration_example_is_read_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        '---\ntitle: "FLOOD WARNING FOR THE NORTH"\ndate: 2025-02-08 09:55:35\n'
        'summary: "Short one."\n---\n' + BODY + "[Source](https://example.com/a)\n"
    )
    write(
        tmp_path,
        {
            "pyproject.toml": DESIGN_PYPROJECT,
            "content/news/a.md": text,
            "content/drafts/b.md": "no front matter\n",
            "content/archive/c.md": text.replace("2025-02-08 09:55:35", "2999-01-01T00:00:00Z")
            .replace("FLOOD WARNING", "Drought warning")
            .replace("example.com/a", "example.com/c"),
        },
    )
    code, out = run(tmp_path, monkeypatch, capsys, "check", "--no-cache", "--output-format", "json")
    found = [
        (
            d["path"],
            d["line"],
            d["column"],
            d["code"],
            d["severity"],
            d["fix"] and d["fix"]["edits"],
        )
        for d in json.loads(out)
    ]
    assert found == [
        # DT003 ignored in the archive; the drafts folder is excluded; TX006 is ignored
        ("content/archive/c.md", 4, 10, "TX002", "warning", None),
        # the configured zone makes the rewrite safe, at that zone's offset
        (
            "content/news/a.md", 3, 7, "DT001", "warning",
            [{"line": 3, "column": 7, "end_line": 3, "end_column": 26,
              "content": "2025-02-08T09:55:35+08:00"}],
        ),
        ("content/news/a.md", 4, 10, "TX002", "warning", None),  # the configured severity
    ]  # fmt: skip
    assert code == 0  # fail-on = "error": warnings only


# --- exit codes of fix ---------------------------------------------------------------------


def test_fix_exit_codes_follow_fail_on_and_exit_non_zero_on_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        '---\ntitle: "Flood"\ndate: 2025-02-08T09:55:35Z\n'
        'summary: "The river rose by two metres overnight.In the north."\n---\n'
        + BODY
        + "[Source](https://example.com/a?utm_source=x)\n"
    )
    fixed = text.replace("overnight.In", "overnight. In").replace("?utm_source=x", "")
    write(tmp_path, {"a.md": text})
    assert (
        run(tmp_path, monkeypatch, capsys, "fix", "--isolated", "--no-cache", "--diff", "a.md")[0]
        == 1
    )
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == text  # --diff writes nothing
    flags = ("fix", "--isolated", "--no-cache", "--exit-non-zero-on-fix", "a.md")
    assert run(tmp_path, monkeypatch, capsys, *flags)[0] == 1
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == fixed
    assert run(tmp_path, monkeypatch, capsys, *flags)[0] == 0  # nothing left to change
    # a warning that fix cannot repair remains (date-order): 0 at the default fail-on, 1 at warning
    stale = fixed.replace("summary:", "lastmod: 2025-01-01T00:00:00Z\nsummary:")
    write(tmp_path, {"b.md": stale})
    assert run(tmp_path, monkeypatch, capsys, "fix", "--isolated", "--no-cache", "b.md")[0] == 0
    warn = ("fix", "--isolated", "--no-cache", "--fail-on", "warning", "b.md")
    assert run(tmp_path, monkeypatch, capsys, *warn)[0] == 1
    assert (tmp_path / "b.md").read_text(encoding="utf-8") == stale


# --- sentence-spacing (TX004): a sentence glued to a quotation, with typographic quotes ----
# DESIGN.md: "no space after sentence punctuation (`preparedness.The`, `said,"After`)". A full
# stop before an opening `“` (`rose.“We`) or inside a closing `”` (`ready.”The`) is the same
# run-on sentence; `“` and `”` say which side of the mark the space belongs on, which a straight
# `"` does not (`rose."We` may close a quotation), so those stay silent.

QUOTED_HEAD = (
    '---\ntitle: "Prices rose.“We expected it,” traders said"\ndate: 2025-02-08T09:55:35Z\n'
    'summary: "He said: “We are ready.”The crowd cheered as the river fell again."\n---\n'
)


def test_sentence_spacing_before_an_opening_and_after_a_closing_curly_quote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        "Prices rose.“We expected it,” she said.\n\n"
        "The minister said: “We are ready.”The crowd cheered loudly.\n\n"
        "Markets fell!“Nobody saw it coming,” one trader said.\n\n"
        "[Source](https://example.com/a)\n"
    )
    write(tmp_path, {"a.md": QUOTED_HEAD + body})
    _, out = run(
        tmp_path, monkeypatch, capsys, "check", "--isolated", "--no-cache", "--select", "TX004",
        "--output-format", "json", "a.md",
    )  # fmt: skip
    found = [
        (d["line"], d["column"], d["end_line"], d["end_column"], d["message"],
         d["fix"]["applicability"], [(e["line"], e["column"], e["content"]) for e in d["fix"]["edits"]])
        for d in json.loads(out)
    ]  # fmt: skip
    assert found == [
        (2, 20, 2, 21, "no space after '.' before 'We'", "safe", [(2, 21, " ")]),
        (4, 34, 4, 35, "no space after '”' before 'The'", "safe", [(4, 35, " ")]),
        (6, 12, 6, 13, "no space after '.' before 'We'", "safe", [(6, 13, " ")]),
        (8, 34, 8, 35, "no space after '”' before 'The'", "safe", [(8, 35, " ")]),
        (10, 13, 10, 14, "no space after '!' before 'Nobody'", "safe", [(10, 14, " ")]),
    ]
    assert run(tmp_path, monkeypatch, capsys, "fix", "--isolated", "--no-cache", "a.md")[0] == 0
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == (
        '---\ntitle: "Prices rose. “We expected it,” traders said"\ndate: 2025-02-08T09:55:35Z\n'
        'summary: "He said: “We are ready.” The crowd cheered as the river fell again."\n---\n'
        "Prices rose. “We expected it,” she said.\n\n"
        "The minister said: “We are ready.” The crowd cheered loudly.\n\n"
        "Markets fell! “Nobody saw it coming,” one trader said.\n\n"
        "[Source](https://example.com/a)\n"
    )


@pytest.mark.parametrize(
    "prose",
    [
        'Prices rose."We expected it," she said.',  # straight quotes: which side is unclear
        "He said: “We left.“Then they came back.",  # a `“` typed for the closing `”`
        "The U.S.“Army” said so in a statement.",  # an abbreviation
        "Visit “example.com.”Then go home.",  # a domain
        "“We are ready.”the crowd cheered.",  # no capital: no sentence
    ],
)
def test_sentence_spacing_quotes_that_stay_silent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], prose: str
) -> None:
    text = (
        '---\ntitle: "Flood"\ndate: 2025-02-08T09:55:35Z\n'
        'summary: "The river rose by two metres overnight in the north."\n---\n'
        f"{prose}\n\n[Source](https://example.com/a)\n"
    )
    write(tmp_path, {"a.md": text})
    _, out = run(
        tmp_path, monkeypatch, capsys, "check", "--isolated", "--no-cache", "--select", "TX004",
        "--output-format", "json", "a.md",
    )  # fmt: skip
    assert json.loads(out) == []


def test_sentence_spacing_german_closing_quote_is_not_an_opening_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # German closes with `“` (`„Wir schaffen das.“`): `.“Danach` is no stop before an opening mark
    files = {
        "hugo.toml": HUGO_TOML + 'defaultContentLanguage = "de"\n',
        "content/a.md": (
            '---\ntitle: "Hochwasser"\ndate: 2025-02-08T09:55:35Z\n'
            'summary: "Der Fluss stieg über Nacht um zwei Meter im Norden des Landes."\n---\n'
            "Sie sagte: „Wir schaffen das.“Danach gingen alle nach Hause.\n\n"
            "[Quelle](https://example.com/a)\n"
        ),
    }
    assert check_quiet(tmp_path, monkeypatch, capsys, files, "TX004") == []


def check_quiet(
    root: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    files: dict[str, str],
    select: str,
) -> list[tuple[int, int, str]]:
    write(root, files)
    _, out = run(
        root, monkeypatch, capsys, "check", "--no-cache", "--select", select, "--output-format",
        "json",
    )  # fmt: skip
    return [(d["line"], d["column"], d["code"]) for d in json.loads(out)]


@pytest.mark.parametrize(
    ("prose", "column", "word"),
    [
        ("The vote was 52-48.Lawmakers then went home.", 19, "Lawmakers"),  # a score
        ("It ran from 2020–2024.The next term starts now.", 22, "The"),  # a span of years
        ("The vote was 48.Lawmakers then went home.", 16, "Lawmakers"),  # as after one number
    ],
)
def test_sentence_spacing_after_a_score_or_a_span_of_years(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    prose: str,
    column: int,
    word: str,
) -> None:
    text = (
        '---\ntitle: "Flood"\ndate: 2025-02-08T09:55:35Z\n'
        'summary: "The river rose by two metres overnight in the north."\n---\n'
        f"{prose}\n\n[Source](https://example.com/a)\n"
    )
    write(tmp_path, {"a.md": text})
    _, out = run(
        tmp_path, monkeypatch, capsys, "check", "--isolated", "--no-cache", "--select", "TX004",
        "--output-format", "json", "a.md",
    )  # fmt: skip
    found = [(d["line"], d["column"], d["end_column"], d["message"]) for d in json.loads(out)]
    assert found == [(6, column, column + 1, f"no space after '.' before {word!r}")]


# --- STYLE.md: "an unknown event name fails at import time"; Options is one frozen dataclass ---


def test_a_handler_for_an_unknown_event_fails_when_the_rule_is_defined() -> None:
    with pytest.raises(TypeError, match=r"on_paragraf: unknown event 'paragraf'"):

        class Misspelt(Rule):  # defining it is the test
            code = "ZZ902"
            name = "misspelt-event"
            severity = Severity.INFO
            messages = {"seen": "seen"}

            def on_paragraf(self, ctx: Context, node: object) -> None:
                pass


def test_options_that_are_not_a_dataclass_fail_when_the_rule_is_defined() -> None:
    with pytest.raises(TypeError, match="Options is not a dataclass"):

        class Loose(Rule):  # defining it is the test
            code = "ZZ903"
            name = "loose-options"
            severity = Severity.INFO
            messages = {"seen": "seen"}

            class Options:
                max = 3


PLUGIN_WITH_A_MISSPELT_EVENT = '''"""Paragraph seen.

## What it does
Reports nothing.

## Why is this bad?
It is not.

## Example
    Text.

## Use instead
    Text.
"""
from newslint import Rule, Severity


class Misspelt(Rule):
    code = "ZZ904"
    name = "misspelt-event"
    severity = Severity.INFO
    messages = {"seen": "seen"}

    def on_paragraf(self, ctx, node):
        pass
'''


def test_a_plugin_with_an_unknown_event_is_a_load_error_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        tmp_path,
        {
            "house/misspelt_event.py": PLUGIN_WITH_A_MISSPELT_EVENT,
            "a.md": '---\ntitle: "Flood"\n---\nThe river rose.\n',
        },
    )
    monkeypatch.chdir(tmp_path)
    code = main(["check", "--isolated", "--no-cache", "--rules-dir", "house", "a.md"])
    err = capsys.readouterr().err
    assert code == 2  # README: "a plugin did not load"
    assert "house/misspelt_event.py" in err
    assert "unknown event 'paragraf'" in err
