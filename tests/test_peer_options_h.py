"""Black-box cases of a peer team (H) that built its own newslint from DESIGN.md: rule options at
their limits in every configuration carrier, severity overrides against `--fail-on`, suppressions
exactly as DESIGN.md writes them, `per-file-ignores` globs, and the JSON contract.

Every case runs the command line in process (`newslint.cli.main`) in a temporary project folder
that is no Hugo site, and asserts exact output: rule, line, column, message, exit code."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newslint.cli import main

PROSE = "The city council approved the budget for next year after a long debate on Tuesday."
SOURCE = "[Example News](https://example.com/news/budget)"


def article(
    title: str = "Council approves the new budget",
    date: str = "2024-03-01T10:00:00+00:00",
    summary: str = PROSE,
    extra: str = "",
    body: str = PROSE,
    source: str = SOURCE,
) -> str:
    """A YAML article every default rule accepts. Line 1 `---`, 2 title, 3 date, 4 summary, then
    the lines of `extra`, `---`, a blank line, `body`, a blank line and the source link."""
    head = f'---\ntitle: "{title}"\ndate: {date}\nsummary: "{summary}"\n{extra}---\n\n'
    return f"{head}{body}\n\n{source}\n"


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def found(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[tuple[str, ...]]]:
    """`newslint check ARGS` as json: the exit code and each problem's (path, code, line:col,
    message), in the order printed."""
    code, out, err = run(capsys, "check", *args, "--output-format", "json", "--no-cache")
    assert code in (0, 1), (code, err)
    rows = [
        (d["path"], d["code"], f"{d['line']}:{d['column']}", d["message"]) for d in json.loads(out)
    ]
    return code, rows


def usage_error(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """`newslint check ARGS`: demand exit code 2 and nothing on stdout; stderr."""
    code, out, err = run(capsys, "check", *args, "--no-cache", "--output-format", "concise")
    assert (code, out) == (2, ""), (code, out, err)
    return err


def without_hint(err: str) -> str:
    """`err` without the "did you mean" hint an unknown code gets: which code the hint names
    depends on the rules there are, and adding a rule must not break a test of unknown codes."""
    return re.sub(r" \(did you mean '[^']*'\?\)$", "", err, flags=re.MULTILINE)


@pytest.fixture
def proj(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder (no Hugo site, no configuration above it) as the working directory."""
    monkeypatch.chdir(tmp_path)
    for name in ("GITHUB_ACTIONS", "HUGO_ENVIRONMENT", "HUGO_ENV", "HUGO_THEME", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


# ======================================================================== 1. options at limits


def summary_of(length: int) -> str:
    """A summary of exactly `length` code points (letters, one space per word, a final stop)."""
    words = ("budget " * length)[: length - 1].rstrip()
    return words + "." * (length - len(words))


# Where a rule's settings can be written: three configuration files and the command line.
CARRIERS = ["pyproject.toml", "newslint.toml", ".newslint.toml", "--config"]


def configure(root: Path, carrier: str, rule: str, settings: dict[str, str]) -> list[str]:
    """Write `settings` (key -> TOML value) for `rule` in `carrier`; the extra command-line
    arguments the carrier needs."""
    lines = "".join(f"{key} = {value}\n" for key, value in settings.items())
    if carrier == "pyproject.toml":
        write(root, {carrier: f'[project]\nname = "site"\n\n[tool.newslint.rules.{rule}]\n{lines}'})
    elif carrier == "--config":
        return [a for k, v in settings.items() for a in ("--config", f"rules.{rule}.{k} = {v}")]
    else:
        write(root, {carrier: f"[rules.{rule}]\n{lines}"})
    return []


@pytest.mark.parametrize("carrier", CARRIERS)
def test_summary_length_max_and_min_hold_exactly_at_the_limit_in_every_carrier(
    proj: Path, capsys: pytest.CaptureFixture[str], carrier: str
) -> None:
    files = {f"s{n}.md": article(summary=summary_of(n)) for n in (49, 50, 120, 121)}
    write(proj, files)
    assert all(len(summary_of(n)) == n for n in (49, 50, 120, 121))
    args = configure(proj, carrier, "summary-length", {"max": "120", "min": "50"})
    assert found(capsys, *files, "--select", "TX002", *args) == (
        0,
        [
            ("s121.md", "TX002", "4:10", "summary is 121 characters long, more than 120"),
            ("s49.md", "TX002", "4:10", "summary is 49 characters long, fewer than 50"),
        ],
    )


def test_summary_length_defaults_are_300_and_40_inclusive(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {f"s{n}.md": article(summary=summary_of(n)) for n in (39, 40, 300, 301)}
    write(proj, files)
    assert found(capsys, *files, "--select", "TX002", "--isolated") == (
        0,
        [
            ("s301.md", "TX002", "4:10", "summary is 301 characters long, more than 300"),
            ("s39.md", "TX002", "4:10", "summary is 39 characters long, fewer than 40"),
        ],
    )


def test_summary_length_limits_for_cjk_are_a_third_rounded_up(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 40 / 3 -> 14 (documented), 300 / 3 -> 100; a set max of 200 -> 67, as the minimum rounds.
    files = {f"c{n}.md": article(summary="政" * n) for n in (13, 14, 100, 101)}
    write(proj, files)
    assert found(capsys, *files, "--select", "TX002", "--isolated")[1] == [
        ("c101.md", "TX002", "4:10", "summary is 101 characters long, more than 100"),
        ("c13.md", "TX002", "4:10", "summary is 13 characters long, fewer than 14"),
    ]
    files = {f"c{n}.md": article(summary="政" * n) for n in (67, 68)}
    write(proj, files)
    args = ["--select", "TX002", "--config", "rules.summary-length.max = 200"]
    assert found(capsys, *files, *args)[1] == [
        ("c68.md", "TX002", "4:10", "summary is 68 characters long, more than 67")
    ]


@pytest.mark.parametrize("carrier", CARRIERS)
def test_date_future_now_is_the_limit_itself_not_the_future(
    proj: Path, capsys: pytest.CaptureFixture[str], carrier: str
) -> None:
    files = {
        "same.md": article(date="2024-03-01T11:00:00+01:00"),  # the same instant as `now`
        "later.md": article(date="2024-03-01T10:00:01+00:00"),  # one second after it
    }
    write(proj, files)
    args = configure(proj, carrier, "date-future", {"now": '"2024-03-01T10:00:00Z"'})
    message = (
        "date 2024-03-01T10:00:01+00:00 is in the future: Hugo leaves the page out until then"
        " (buildFuture is off)"
    )
    assert found(capsys, *files, "--select", "DT003", *args) == (
        0,
        [("later.md", "DT003", "3:7", message)],
    )


def test_date_future_now_may_be_a_toml_date_time(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # RFC 3339 is TOML's own date-time syntax: `now = 2024-03-01T10:00:00Z` is the natural way
    # to write it, and must mean what the quoted string means.
    write(proj, {"later.md": article(date="2024-03-01T10:00:01+00:00")})
    write(proj, {"newslint.toml": "[rules.date-future]\nnow = 2024-03-01T10:00:00Z\n"})
    assert found(capsys, "later.md", "--select", "DT003")[1] == [
        (
            "later.md",
            "DT003",
            "3:7",
            "date 2024-03-01T10:00:01+00:00 is in the future: Hugo leaves the page out until"
            " then (buildFuture is off)",
        )
    ]
    write(proj, {"newslint.toml": "[rules.date-future]\nnow = 2024-03-01T10:00:01Z\n"})
    assert found(capsys, "later.md", "--select", "DT003") == (0, [])


def test_a_toml_date_time_option_is_printed_by_config_as_its_text(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # It crashed `newslint config --output-format json` (a datetime is no JSON) before.
    args = ["--isolated", "--config", "rules.date-future.now = 2024-03-01T10:00:00Z"]
    code, out, err = run(capsys, "config", "--output-format", "json", *args)
    assert (code, err) == (0, "")
    assert json.loads(out)["config"]["rules"] == {
        "date-future": {"now": "2024-03-01T10:00:00+00:00"}
    }
    code, out, _ = run(capsys, "config", *args)
    assert '[rules.date-future]\nnow = "2024-03-01T10:00:00+00:00"\n' in out


@pytest.mark.parametrize("carrier", CARRIERS)
def test_duplicate_paragraph_min_words_counts_a_paragraph_of_exactly_that_many(
    proj: Path, capsys: pytest.CaptureFixture[str], carrier: str
) -> None:
    five = "Council members voted yesterday evening."  # 5 words
    four = "Council members voted yesterday."  # 4 words
    files = {
        "five.md": article(body=f"{five}\n\n{PROSE}\n\n{five}"),
        "four.md": article(body=f"{four}\n\n{PROSE}\n\n{four}"),
    }
    write(proj, files)
    args = configure(proj, carrier, "duplicate-paragraph", {"min-words": "5"})
    code, rows = found(capsys, *files, "--select", "BD007", *args)
    assert (code, [row[:3] for row in rows]) == (0, [("five.md", "BD007", "11:1")])


def test_a_severity_override_for_every_severity_against_every_fail_on(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(proj, {"x.md": article(summary=summary_of(301))})
    order = ["info", "warning", "error"]
    for severity in order:
        write(proj, {"newslint.toml": f'[rules.summary-length]\nseverity = "{severity}"\n'})
        for fail_on in order:
            args = ["--select", "TX002", "--fail-on", fail_on, "--output-format", "json"]
            code, out, _ = run(capsys, "check", "x.md", "--no-cache", *args)
            expected = 1 if order.index(severity) >= order.index(fail_on) else 0
            assert (code, [d["severity"] for d in json.loads(out)]) == (expected, [severity]), (
                severity,
                fail_on,
            )


def test_a_severity_override_shows_in_statistics_and_decides_fix_s_exit_code(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(proj, {"x.md": article(summary=summary_of(301))})
    args = ["--select", "TX002", "--config", 'rules.TX002.severity = "error"']
    code, out, _ = run(capsys, "check", "x.md", "--no-cache", "--statistics", *args)
    assert (code, out) == (
        1,
        "      1  TX002  summary-length  error\n      1  total, 0 fixable with `newslint fix`\n",
    )
    code, out, err = run(capsys, "fix", "x.md", "--no-cache", "--output-format", "concise", *args)
    assert code == 1, (out, err)
    code, _, _ = run(
        capsys, "fix", "x.md", "--no-cache", "--output-format", "concise", "--select", "TX002"
    )
    assert code == 0  # info, below the default fail-on


def test_a_severity_given_by_config_wins_over_the_file_s_however_the_rule_is_spelt(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(proj, {"x.md": article(summary=summary_of(301))})
    write(proj, {"pyproject.toml": '[tool.newslint.rules.TX002]\nseverity = "error"\nmax = 300\n'})
    base = ["x.md", "--no-cache", "--select", "TX002", "--output-format", "json"]
    code, out, _ = run(capsys, "check", *base)
    assert (code, [d["severity"] for d in json.loads(out)]) == (1, ["error"])
    more = ["--config", 'rules.summary-length.severity = "info"']
    code, out, _ = run(capsys, "check", *base, *more)
    assert (code, [d["severity"] for d in json.loads(out)]) == (0, ["info"])
    more += ["--config", "rules.summary-length.max = 301"]
    assert run(capsys, "check", *base, *more)[:2] == (0, "[]\n")


def test_an_option_of_a_rule_without_options_exits_2_naming_the_key(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(proj, {"x.md": article(), "newslint.toml": "[rules.date-format]\nmax = 3\n"})
    assert usage_error(capsys, "x.md") == (
        "newslint: error: newslint.toml: rules.date-format: unknown option 'max' (options: none)\n"
    )


@pytest.mark.parametrize(
    ("value", "shown"),
    [('"300"', '"300"'), ("300.5", "300.5"), ("true", "true"), ("[300]", "[300]")],
)
def test_an_option_of_the_wrong_type_exits_2_naming_the_pyproject_key(
    proj: Path, capsys: pytest.CaptureFixture[str], value: str, shown: str
) -> None:
    write(proj, {"x.md": article()})
    configure(proj, "pyproject.toml", "summary-length", {"max": value})
    assert usage_error(capsys, "x.md") == (
        "newslint: error: pyproject.toml: tool.newslint.rules.summary-length.max: "
        f"expected an integer, got {shown}\n"
    )


def test_a_bad_severity_exits_2_with_a_suggestion(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(proj, {"x.md": article()})
    configure(proj, "newslint.toml", "summary-length", {"severity": '"warn"'})
    assert usage_error(capsys, "x.md") == (
        "newslint: error: newslint.toml: rules.summary-length.severity: expected one of 'error',"
        " 'warning', 'info', got \"warn\" (did you mean 'warning'?)\n"
    )


def test_a_bad_value_given_by_config_is_blamed_on_config_not_on_the_file_beside_it(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The file's `max = 120` is fine: the error is the command line's, and must say so.
    write(proj, {"x.md": article()})
    configure(proj, "newslint.toml", "summary-length", {"max": "120"})
    assert usage_error(capsys, "x.md", "--config", 'rules.summary-length.max = "x"') == (
        'newslint: error: --config: rules.summary-length.max: expected an integer, got "x"\n'
    )
    assert usage_error(capsys, "x.md", "--config", "rules.summary-lengt.max = 5") == (
        "newslint: error: --config: rules.summary-lengt: unknown rule 'summary-lengt'"
        " (did you mean 'summary-length'?)\n"
    )
    assert usage_error(capsys, "x.md", "--config", "rules.date-format.max = 5") == (
        "newslint: error: --config: rules.date-format: unknown option 'max' (options: none)\n"
    )
    assert usage_error(capsys, "x.md", "--config", 'select = ["ZZ9"]') == (
        "newslint: error: --config: select[0]: unknown rule or prefix 'ZZ9'\n"
    )
    # ... while a mistake of the file is still the file's, with the command line's beside it.
    write(proj, {"newslint.toml": '[rules.summary-length]\nmin = "x"\n'})
    assert usage_error(capsys, "x.md", "--config", "rules.summary-length.max = 200") == (
        'newslint: error: newslint.toml: rules.summary-length.min: expected an integer, got "x"\n'
    )


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"max": "-1"}, "max must be 0 or more, got -1"),
        ({"min": "-5"}, "min must be 0 or more, got -5"),
        ({"min": "300", "max": "40"}, "min (300) is more than max (40)"),
    ],
)
def test_summary_length_limits_that_cannot_hold_exit_2(
    proj: Path, capsys: pytest.CaptureFixture[str], settings: dict[str, str], message: str
) -> None:
    # `max = -1` would report every summary as "more than -1"; `min` above `max` every one too.
    write(proj, {"x.md": article()})
    configure(proj, "newslint.toml", "summary-length", settings)
    assert usage_error(capsys, "x.md") == (
        f"newslint: error: newslint.toml: rules.summary-length: {message}\n"
    )


@pytest.mark.parametrize(
    ("rule", "key"),
    [
        ("title-shouting", "min-words"),
        ("title-shouting", "min-letters"),
        ("duplicate-paragraph", "min-words"),
        ("language-mismatch", "min-units"),
        ("required-field", "max-chars"),
        ("summary-truncated", "max-chars"),
    ],
)
def test_a_negative_count_or_length_exits_2_naming_it(
    proj: Path, capsys: pytest.CaptureFixture[str], rule: str, key: str
) -> None:
    # `min-words = -1` would make every title "shouting", `max-chars = -1` every summary fix fail.
    write(proj, {"x.md": article()})
    configure(proj, "newslint.toml", rule, {key: "-1"})
    assert usage_error(capsys, "x.md") == (
        f"newslint: error: newslint.toml: rules.{rule}: {key} must be 0 or more, got -1\n"
    )
    configure(proj, "newslint.toml", rule, {key: "0"})
    assert run(capsys, "check", "x.md", "--no-cache")[0] in (0, 1)


def test_title_shouting_min_words_and_min_letters_at_their_limits(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Documented: three words in capitals, the long ones (four letters or more) ten letters in
    # all: "EU WAGES RISES" (5 + 5) shouts, "EU WAGE RISES" (4 + 5) does not.
    files = {
        "ten.md": article(title="EU WAGES RISES"),
        "nine.md": article(title="EU WAGE RISES"),
        "two.md": article(title="WAGES RISES"),
    }
    write(proj, files)
    args = ["--isolated", "--select", "TX006"]
    shouts = [(row[0], row[2]) for row in found(capsys, *files, *args)[1]]
    assert shouts == [("ten.md", "2:8")]
    more = ["--config", "rules.title-shouting.min-letters = 9"]
    more += ["--config", "rules.title-shouting.min-words = 2"]
    shouts = [(row[0], row[2]) for row in found(capsys, *files, *args, *more)[1]]
    assert shouts == [("nine.md", "2:8"), ("ten.md", "2:8"), ("two.md", "2:8")]


@pytest.mark.parametrize(("units", "reported"), [(3, True), (4, True), (5, False)])
def test_language_mismatch_min_units_counts_han_characters_one_each(
    proj: Path, capsys: pytest.CaptureFixture[str], units: int, reported: bool
) -> None:
    write(proj, {"x.md": article(title="東京 予算", extra="lang: en\n")})  # four units
    args = ["--isolated", "--select", "TX007", "--config", f"rules.TX007.min-units = {units}"]
    expected = [
        ("x.md", "TX007", "2:8", "title is mostly in han script, not what 'en' is written in")
    ]
    assert found(capsys, "x.md", *args) == (0, expected if reported else [])


@pytest.mark.parametrize("share", ["30", "1.5", "-0.1"])
def test_language_mismatch_min_share_outside_0_to_1_exits_2(
    proj: Path, capsys: pytest.CaptureFixture[str], share: str
) -> None:
    # `min-share = 30` (meant as 30 %) reported every text, and a negative one none.
    write(proj, {"x.md": article()})
    err = usage_error(capsys, "x.md", "--config", f"rules.language-mismatch.min-share = {share}")
    assert err == (
        "newslint: error: --config: rules.language-mismatch: min-share is a fraction from 0 to 1,"
        f" got {share}\n"
    )


def test_tracking_params_extra_and_field_options(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "https://example.com/news/budget?xtrack=1&a=2&utm_x=3"
    text = article(extra='origin: "http://example.com/a?xtrack=2"\n', source=f"[Example]({url})")
    write(proj, {"x.md": text})

    def report(*args: str) -> list[tuple[object, ...]]:
        _, out, _ = run(
            capsys, "check", "x.md", "--isolated", "--no-cache", "--output-format", "json",
            "--select", "LK005", *args,
        )  # fmt: skip
        return [
            (d["line"], d["column"], d["end_column"], d["message"],
             [(e["column"], e["end_column"]) for e in d["fix"]["edits"]])
            for d in json.loads(out)
        ]  # fmt: skip

    # Reported at the whole query (its `?` at column 42), cut pair by pair.
    assert report() == [(10, 42, 63, "URL has tracking parameters: utm_x", [(55, 63)])]
    extra = ["--config", 'rules.tracking-params.extra = ["xtr*"]']
    assert report(*extra) == [
        (10, 42, 63, "URL has tracking parameters: xtrack, utm_x", [(43, 52), (55, 63)])
    ]
    assert report(*extra, "--config", 'rules.tracking-params.field = "origin"') == [
        (5, 30, 39, "URL has tracking parameters: xtrack", [(30, 39)]),
        (10, 42, 63, "URL has tracking parameters: xtrack, utm_x", [(43, 52), (55, 63)]),
    ]


def test_trailing_whitespace_strict_at_the_end_of_a_paragraph_and_of_the_file(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(proj, {"x.md": article(body="Line one.  \nLine two.  ", source=SOURCE + "  ")})
    args = ["x.md", "--isolated", "--select", "BD002"]
    assert found(capsys, *args) == (0, [])
    message = "two trailing spaces but no line of the same text follows for them to break"
    assert found(capsys, *args, "--config", "rules.trailing-whitespace.strict = true") == (
        0,
        [("x.md", "BD002", "8:10", message), ("x.md", "BD002", "10:48", message)],
    )


def edits(capsys: pytest.CaptureFixture[str], *args: str) -> list[tuple[object, ...]]:
    """`check ARGS` as json: (line, column, message, the fix's edits or None) of each problem."""
    _, out, _ = run(capsys, "check", *args, "--isolated", "--no-cache", "--output-format", "json")
    return [
        (d["line"], d["column"], d["message"], d["fix"] and d["fix"]["edits"])
        for d in json.loads(out)
    ]


@pytest.mark.parametrize("limit", [22, 23, 41])
def test_summary_truncated_max_chars_takes_a_sentence_that_fits_exactly(
    proj: Path, capsys: pytest.CaptureFixture[str], limit: int
) -> None:
    first, second = "Alpha beta gamma delta.", "Epsilon zeta eta."  # 23, then 41 with a space
    write(proj, {"x.md": article(summary="The budget would...", body=f"{first} {second}")})
    args = ["x.md", "--select", "TX001", "--config", f"rules.summary-truncated.max-chars = {limit}"]
    content = {22: None, 23: f'"{first}"', 41: f'"{first} {second}"'}[limit]
    fix = [{"line": 4, "column": 10, "end_line": 4, "end_column": 31, "content": content}]
    assert edits(capsys, *args) == [(4, 10, "summary is cut off ('...')", fix if content else None)]


@pytest.mark.parametrize("limit", [22, 23])
def test_required_field_max_chars_bounds_the_summary_it_writes(
    proj: Path, capsys: pytest.CaptureFixture[str], limit: int
) -> None:
    text = article(body="Alpha beta gamma delta. Epsilon zeta eta.")
    write(proj, {"x.md": text.replace(f'summary: "{PROSE}"\n', "")})
    args = ["x.md", "--select", "FM004", "--config", f"rules.FM004.max-chars = {limit}"]
    # A summary shorter than summary-length's `min` is never written: lowered for these 23.
    args += ["--config", "rules.summary-length.min = 10"]
    content = 'summary: "Alpha beta gamma delta."\n'
    fix = [{"line": 4, "column": 1, "end_line": 4, "end_column": 1, "content": content}]
    assert edits(capsys, *args) == [
        (1, 1, "required field 'summary' is missing", fix if limit == 23 else None)
    ]


def test_field_list_options_of_the_front_matter_rules(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = 'author: ""\nsumary: "x"\nsubtitle: "Tom &amp; Jerry"\n'
    write(proj, {"x.md": article(extra=extra)})
    args = ["x.md", "--isolated", "--select", "FM004,FM006,FM007,TX003"]
    # By default: an empty `author` is no schema field's, `subtitle` is no text field, and
    # `sumary` beside its twin `summary` is a misspelt copy (session 16; before, silent), which
    # `known` makes a custom param below.
    assert found(capsys, *args) == (
        0,
        [
            (
                "x.md",
                "FM007",
                "6:1",
                "unknown field 'sumary' is a misspelt copy of 'summary', which is also present:"
                " Hugo reads only 'summary'",
            )
        ],
    )
    options = {
        "rules.required-field.fields": '["title", "author"]',
        "rules.empty-field.fields": '["author"]',
        "rules.unknown-field.known": '["sumary"]',
        "rules.html-entity.fields": '["subtitle"]',
    }
    more = [a for k, v in options.items() for a in ("--config", f"{k} = {v}")]
    assert found(capsys, *args, *more) == (
        1,
        [
            ("x.md", "FM004", "5:9", "required field 'author' is empty"),
            ("x.md", "FM006", "5:9", "author is empty"),
            ("x.md", "TX003", "7:16", "subtitle shows the HTML entity &amp; literally"),
        ],
    )
    # `fields = []` requires nothing, not even a title.
    write(proj, {"x.md": '---\ntitle: ""\n---\n\nText.\n'})
    assert found(capsys, "x.md", "--select", "FM004", "--config", "rules.FM004.fields = []") == (
        0,
        [],
    )


OPTIONS = {  # what `newslint config` says of each rule's options (`unknown option 'zzz'`)
    "trailing-whitespace": ["strict"],
    "duplicate-paragraph": ["min-words"],
    "date-future": ["now"],
    "required-field": ["fields", "max-chars"],
    "empty-field": ["fields"],
    "unknown-field": ["known"],
    "source-link-missing": ["field"],
    "link-relative": ["field"],
    "link-insecure": ["field"],
    "tracking-params": ["extra", "field"],
    "summary-truncated": ["max-chars"],
    "summary-length": ["max", "min"],
    "html-entity": ["fields"],
    "sentence-spacing": ["fields"],
    "text-whitespace": ["fields"],
    "title-shouting": ["min-letters", "min-words"],
    "language-mismatch": ["fields", "min-share", "min-units"],
}


@pytest.mark.parametrize("rule", sorted(OPTIONS))
def test_newslint_rule_lists_every_option_the_configuration_accepts(
    proj: Path, capsys: pytest.CaptureFixture[str], rule: str
) -> None:
    # The README: "`[rules.NAME]`: the rule's options (`newslint rule NAME` lists them)". Several
    # (title-shouting's min-words, sentence-spacing's fields, ...) were in no documentation.
    code, _, err = run(capsys, "config", "--isolated", "--config", f"rules.{rule}.zzz = 1")
    assert (code, err.strip()) == (
        2,
        f"newslint: error: --config: rules.{rule}: unknown option 'zzz' (options:"
        f" {', '.join(OPTIONS[rule])})",
    )
    code, out, _ = run(capsys, "rule", rule)
    section = out.partition("\n## Options\n")[2]
    keys = [
        line.strip().lstrip("# ").partition(" ")[0].rstrip(":")
        for line in section.splitlines()
        if line.startswith("    ") and "[rules." not in line
    ]
    assert (code, sorted(keys)) == (0, sorted([*OPTIONS[rule], "severity"]))


def test_newslint_rule_prints_the_options_as_a_table_with_their_defaults(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "rule", "summary-length")
    assert code == 0
    assert out.endswith(
        "\n## Options\nThe defaults, as a configuration table (in pyproject.toml"
        " `[tool.newslint.rules.summary-length]`; for one run"
        " `--config 'rules.summary-length.min = ...'`):\n\n"
        '    [rules.summary-length]\n    min = 40\n    max = 300\n    severity = "info"\n'
    )
    assert "## Options" not in run(capsys, "rule", "DT001")[1]  # no options: no section


# ============================================================================= 2. suppressions


def lint(capsys: pytest.CaptureFixture[str], proj: Path, text: str, *args: str) -> list[str]:
    """Lint `text` as x.md (cross-file rules off): `line:col CODE message` of each problem."""
    write(proj, {"x.md": text})
    _, rows = found(capsys, "x.md", "--isolated", "--ignore", "XF", *args)
    return [f"{pos} {code} {message}" for _, code, pos, message in rows]


SHOUT = "COUNCIL APPROVES THE NEW BUDGET"
GLUED = "Prices rose.The index fell."
TX004 = "TX004 no space after '.' before 'The'"


@pytest.mark.parametrize(
    "extra",
    ["# newslint: disable=TX006,summary-length\n", "tags: [a]\n# newslint: disable=TX006,TX002\n"],
)
def test_front_matter_comment_on_its_own_line_silences_the_file_at_the_end_of_the_block(
    proj: Path, capsys: pytest.CaptureFixture[str], extra: str
) -> None:
    text = article(title=SHOUT, summary="Short.", extra=extra, body=GLUED)
    assert lint(capsys, proj, text) == [f"{7 + extra.count(chr(10))}:12 {TX004}"]


def test_front_matter_comment_as_the_first_line_of_the_block(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = article(title=SHOUT, body=GLUED).replace("---\n", "---\n# newslint: disable=TX\n", 1)
    assert lint(capsys, proj, text) == []


def test_front_matter_comment_after_another_key_does_not_cover_the_title(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = article(title=SHOUT, date="2024-03-01T10:00:00+00:00 # newslint: disable=TX006")
    assert lint(capsys, proj, text) == [
        "2:8 TX006 title is in capitals",
        "3:33 NL001 unused suppression (nothing reported for TX006)",
    ]


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ('title = "{t}" # newslint: disable=title-shouting\n', []),
        ('title = "{t}"\n# newslint: disable=TX006\n', []),
        # A comment on a table header line (line 5, after date and summary) is at the end of
        # no key of the title: it covers that table's lines only.
        (
            'title = "{t}"\n[params] # newslint: disable=TX006\nx = 1\n',
            [
                "2:9 TX006 title is in capitals",
                "5:10 NL001 unused suppression (nothing reported for TX006)",
            ],
        ),
    ],
)
def test_toml_front_matter_comments(
    proj: Path, capsys: pytest.CaptureFixture[str], where: str, expected: list[str]
) -> None:
    head = where.format(t=SHOUT)
    first, _, rest = head.partition("\n")
    text = (
        f'+++\n{first}\ndate = 2024-03-01T10:00:00+00:00\nsummary = "{PROSE}"\n{rest}+++\n\n'
        f"{PROSE}\n\n{SOURCE}\n"
    )
    assert lint(capsys, proj, text) == expected


@pytest.mark.parametrize(
    "selector", ["TX004", "sentence-spacing", "TX", "tx004", "TX004,BD002", "BD002 TX004"]
)
def test_disable_next_line_by_code_name_prefix_and_several(
    proj: Path, capsys: pytest.CaptureFixture[str], selector: str
) -> None:
    body = f"<!-- newslint-disable-next-line {selector} -->\n{GLUED}   \nMore text."
    expected = (
        []
        if "BD002" in selector
        else ["8:28 BD002 trailing whitespace (3 spaces) where two spaces make the line break"]
    )
    assert lint(capsys, proj, article(body=body)) == expected


def test_disable_next_line_does_not_cross_a_blank_line(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = f"<!-- newslint-disable-next-line TX004 -->\n\n{GLUED}"
    assert lint(capsys, proj, article(body=body)) == [
        "7:1 NL001 unused suppression (nothing reported for TX004)",
        f"9:12 {TX004}",
    ]


def test_disable_enable_range_and_what_follows(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        f"<!-- newslint-disable TX004 -->\n{GLUED}\n\n{GLUED}\n<!-- newslint-enable TX004 -->\n\n"
        f"{GLUED}"
    )
    assert lint(capsys, proj, article(body=body)) == [f"13:12 {TX004}"]


def test_disable_file_as_the_very_last_line_without_a_newline(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        article(title=SHOUT, body=GLUED) + "\n<!-- newslint-disable-file TX004 title-shouting -->"
    )
    assert lint(capsys, proj, text) == []


def test_a_bare_disable_range_silences_every_rule(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = f"<!-- newslint-disable -->\n{GLUED}   \n<!-- newslint-enable -->\n\n{GLUED}"
    assert lint(capsys, proj, article(body=body)) == [f"11:12 {TX004}"]


@pytest.mark.parametrize(
    "body",
    [
        f"```\n<!-- newslint-disable-next-line TX004 -->\n```\n{GLUED}",
        f"```html\n<!-- newslint-disable-file -->\n```\n\n{GLUED}",
        f"    <!-- newslint-disable-next-line TX004 -->\n\n{GLUED}",
        f"Text `<!-- newslint-disable-next-line TX004 -->`\n{GLUED}",
    ],
    ids=["fence", "fence-file", "indented-code", "code-span"],
)
def test_a_suppression_inside_code_does_not_act(
    proj: Path, capsys: pytest.CaptureFixture[str], body: str
) -> None:
    line = 7 + body.count("\n")
    assert lint(capsys, proj, article(body=body)) == [f"{line}:12 {TX004}"]


def test_a_suppression_in_a_list_item(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = f"- <!-- newslint-disable-next-line TX004 -->\n  {GLUED}\n- {GLUED}"
    assert lint(capsys, proj, article(body=body)) == [f"9:14 {TX004}"]


def test_a_suppression_as_the_last_line_that_has_no_next_line_is_unused(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = article() + "\n<!-- newslint-disable-next-line TX004 -->\n"
    assert lint(capsys, proj, text) == [
        "11:1 NL001 unused suppression (nothing reported for TX004)"
    ]


def test_suppressions_with_crlf_line_endings(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = f"<!-- newslint-disable-next-line TX004 -->\n{GLUED}\n\n<!-- newslint-disable-file EN007 -->"
    text = article(title=SHOUT, body=body)
    text = text.replace(f'title: "{SHOUT}"', f'title: "{SHOUT}" # newslint: disable=TX006')
    assert lint(capsys, proj, text.replace("\n", "\r\n")) == []
    # Without the file-wide one, the others still hold on CRLF lines.
    text = text.replace("\n\n<!-- newslint-disable-file EN007 -->", "")
    assert lint(capsys, proj, text.replace("\n", "\r\n"), "--select", "TX,NL") == []


def test_an_unused_suppression_is_nl001_at_the_comment_with_exact_span_and_fix(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = f"{PROSE} <!-- newslint-disable-line TX004 -->"
    write(proj, {"x.md": article(body=body)})
    code, out, _ = run(
        capsys, "check", "x.md", "--isolated", "--no-cache", "--output-format", "json"
    )
    [problem] = json.loads(out)
    assert (code, problem) == (
        0,
        {
            "path": "x.md",
            "rule": "unused-suppression",
            "code": "NL001",
            "severity": "warning",
            "message": "unused suppression (nothing reported for TX004)",
            "line": 7,
            "column": 84,
            "end_line": 7,
            "end_column": 120,
            "fix": {
                "applicability": "safe",
                "title": "Remove unused suppression",
                "edits": [
                    {"line": 7, "column": 83, "end_line": 7, "end_column": 120, "content": ""}
                ],
            },
        },
    )


def test_an_unknown_rule_in_a_suppression_is_reported_not_an_exit_2(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = f"<!-- newslint-disable-next-line sentence-spacin -->\n{GLUED}"
    assert lint(capsys, proj, article(body=body)) == [
        "7:33 NL001 suppression names unknown rule 'sentence-spacin' (did you mean"
        " 'sentence-spacing'?)",
        f"8:12 {TX004}",
    ]


def test_fix_leaves_a_suppressed_problem_alone_and_fixes_the_rest(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = f"<!-- newslint-disable-next-line TX004 -->\n{GLUED}\n{GLUED}"
    write(proj, {"x.md": article(body=body)})
    code, _, _ = run(capsys, "fix", "x.md", "--isolated", "--no-cache", "--ignore", "XF")
    assert code == 0
    assert (proj / "x.md").read_text(encoding="utf-8") == article(
        body=f"<!-- newslint-disable-next-line TX004 -->\n{GLUED}\nPrices rose. The index fell."
    )


def test_fix_removes_an_unused_suppression_and_nothing_else(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(proj, {"x.md": article(body=f"<!-- newslint-disable-next-line TX004 -->\n{PROSE}")})
    assert run(capsys, "fix", "x.md", "--isolated", "--no-cache", "--ignore", "XF")[0] == 0
    assert (proj / "x.md").read_text(encoding="utf-8") == article()


def test_a_bare_unused_suppression_is_judged_when_the_cross_file_rules_saw_everything(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A bare suppression also covers the cross-file rules, which only a run that sees every
    # file can judge: naming one file of two leaves it alone, `check .` (or naming the project's
    # only file) reports it.
    write(proj, {"x.md": article(body=f"<!-- newslint-disable-next-line -->\n{PROSE}")})
    unused = [("x.md", "NL001", "7:1", "unused suppression (nothing reported for any rule)")]
    assert found(capsys, "x.md", "--isolated") == (0, unused)
    write(proj, {"y.md": article(title="Other news", source="[Other](https://example.org/)")})
    assert found(capsys, "x.md", "--isolated") == (0, [])
    assert found(capsys, ".", "--isolated") == (0, unused)


def test_a_suppression_written_inside_a_front_matter_value_does_not_act(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A YAML block scalar and a TOML multi-line string hold text, not comments.
    yaml = article(title=SHOUT).replace(
        f'summary: "{PROSE}"\n', f"summary: |\n  {PROSE}\n  # newslint: disable=TX006\n"
    )
    assert lint(capsys, proj, yaml) == ["2:8 TX006 title is in capitals"]
    toml = (
        f'+++\ntitle = "{SHOUT}"\ndate = 2024-03-01T10:00:00+00:00\n'
        f'summary = """{PROSE}\n# newslint: disable=TX006"""\n+++\n\n{PROSE}\n\n{SOURCE}\n'
    )
    assert lint(capsys, proj, toml, "--select", "TX006,NL") == ["2:9 TX006 title is in capitals"]


def test_a_front_matter_comment_of_its_own_silences_a_body_rule_too(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = article(extra="# newslint: disable=sentence-spacing\n", body=GLUED)
    assert lint(capsys, proj, text) == []


def test_all_nested_ranges_and_an_enable_of_another_rule(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        lint(capsys, proj, article(body=f"<!-- newslint-disable-next-line ALL -->\n{GLUED}")) == []
    )
    # ESLint's way: the second disable silences nothing more; one enable ends the range.
    body = (
        "<!-- newslint-disable TX004 -->\n<!-- newslint-disable TX004 -->\n"
        f"{GLUED}\n<!-- newslint-enable TX004 -->\n{GLUED}"
    )
    assert lint(capsys, proj, article(body=body)) == [
        "8:1 NL001 unused suppression (nothing reported for TX004)",
        f"11:12 {TX004}",
    ]
    # An enable of a rule no range disabled is reported and ends nothing.
    body = f"<!-- newslint-disable TX004 -->\n{GLUED}\n<!-- newslint-enable BD002 -->\n{GLUED}"
    assert lint(capsys, proj, article(body=body)) == [
        "9:1 NL001 newslint-enable without a matching newslint-disable"
    ]


def test_an_unused_front_matter_suppression_is_reported_at_its_comment_and_fixed_away(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = article().replace('budget"\n', 'budget"  # newslint: disable=TX006\n', 1)
    write(proj, {"x.md": text})
    _, out, _ = run(
        capsys, "check", "x.md", "--isolated", "--no-cache", "--ignore", "XF",
        "--output-format", "json",
    )  # fmt: skip
    [problem] = json.loads(out)
    assert (problem["line"], problem["column"], problem["end_column"]) == (2, 43, 68)
    assert problem["fix"]["edits"] == [
        {"line": 2, "column": 41, "end_line": 2, "end_column": 68, "content": ""}
    ]
    assert run(capsys, "fix", "x.md", "--isolated", "--no-cache", "--ignore", "XF")[0] == 0
    assert (proj / "x.md").read_text(encoding="utf-8") == article()


def test_directives_are_case_sensitive_as_eslint_s_and_markdownlint_s(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = f"<!-- NEWSLINT-DISABLE-NEXT-LINE TX004 -->\n{GLUED}"
    assert lint(capsys, proj, article(body=body)) == [f"8:12 {TX004}"]


def test_a_comment_starting_a_line_makes_an_html_block_which_no_prose_rule_reads(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # CommonMark: a line starting with `<!--` is an HTML block up to the line with `-->`, so
    # the text after the comment is no prose and the next line is the one suppressed.
    body = f"<!-- newslint-disable-next-line TX004 --> {GLUED}\nSales fell.The end."
    assert lint(capsys, proj, article(body=body)) == []
    body = f"Text <!-- newslint-disable-next-line TX004 --> {GLUED}\nSales fell well."
    assert lint(capsys, proj, article(body=body)) == [
        "7:6 NL001 unused suppression (nothing reported for TX004)",
        f"7:59 {TX004}",
    ]


def test_fix_in_json_prints_what_remains(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(proj, {"x.md": article(date="2099-03-01T10:00:00+00:00", body=GLUED)})
    args = ["fix", "x.md", "--isolated", "--no-cache", "--ignore", "XF", "--output-format", "json"]
    code, out, err = run(capsys, *args)
    assert (code, [(d["code"], d["fix"]) for d in json.loads(out)]) == (0, [("DT003", None)])
    assert err == "Applied 1 fix in 1 of 1 file; 1 problem remains (1 warning).\n"


# ========================================================================= 3. per-file-ignores


@pytest.fixture
def tree(proj: Path) -> Path:
    """Three shouting articles: content/archive/2019/06/old.md, content/archive/top.md and
    content/news/new.md (distinct sources, so only TX006 is reported)."""
    for number, name in enumerate(
        ["content/archive/2019/06/old.md", "content/archive/top.md", "content/news/new.md"]
    ):
        text = article(title=SHOUT, source=f"[Example](https://example.com/{number})")
        write(proj, {name: text})
    return proj


def shouting(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    """The files in which TX006 is reported by `check ARGS`."""
    return [path for path, _, _, _ in found(capsys, *args, "--select", "TX006")[1]]


ALL_THREE = ["content/archive/2019/06/old.md", "content/archive/top.md", "content/news/new.md"]


@pytest.mark.parametrize(
    ("pattern", "left"),
    [
        ("content/archive/**", ["content/news/new.md"]),
        ("./content/archive/**", ["content/news/new.md"]),
        ("content/**/old.md", ALL_THREE[1:]),
        ("**/old.md", ALL_THREE[1:]),
        ("old.md", ALL_THREE[1:]),
        ("archive/**", ALL_THREE),  # from the configuration's folder, not from anywhere
        ("content/archive/*", ["content/news/new.md"]),  # `*` crosses `/`, as documented
        ("content/{archive,x}/**", ["content/news/new.md"]),
        ("!content/news/**", ["content/news/new.md"]),
        ("content\\\\archive\\\\**", ["content/news/new.md"]),  # Windows separators
        ("content/archive/", ["content/news/new.md"]),  # a folder, as in .gitignore
    ],
)
def test_per_file_ignores_patterns(
    tree: Path, capsys: pytest.CaptureFixture[str], pattern: str, left: list[str]
) -> None:
    write(tree, {"newslint.toml": f'[per-file-ignores]\n"{pattern}" = ["TX006"]\n'})
    assert shouting(capsys, ".") == left


def test_per_file_ignores_are_relative_to_the_configuration_s_folder_from_anywhere(
    tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        tree, {"newslint.toml": '[per-file-ignores]\n"content/archive/**" = ["title-shouting"]\n'}
    )
    monkeypatch.chdir(tree / "content" / "news")
    assert shouting(capsys, "../archive", ".") == ["new.md"]


def test_per_file_ignores_from_config_are_from_the_working_directory_and_merge_by_pattern(
    tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tree, {"newslint.toml": '[per-file-ignores]\n"content/archive/**" = ["TX"]\n'})
    # A prefix in the file beats an explicit --select of the code, as in ruff.
    assert shouting(capsys, ".") == ["content/news/new.md"]
    news = ["--config", 'per-file-ignores = {"content/news/**" = ["TX006"]}']
    assert shouting(capsys, ".", *news) == []
    assert without_hint(
        usage_error(capsys, ".", "--config", 'per-file-ignores = {"x/**" = ["TX9"]}')
    ) == ("newslint: error: --config: per-file-ignores.\"x/**\"[0]: unknown rule or prefix 'TX9'\n")
    monkeypatch.chdir(tree / "content")
    archive = ["--isolated", "--config", 'per-file-ignores = {"archive/**" = ["TX006"]}']
    assert shouting(capsys, ".", *archive) == ["news/new.md"]


@pytest.mark.parametrize(
    ("pattern", "left"),
    [
        ("content/archive/**", ["content/news/new.md"]),
        ("./content/archive", ["content/news/new.md"]),
        ("content\\\\archive\\\\**", ["content/news/new.md"]),
        ("content/archive/", ["content/news/new.md"]),
    ],
)
def test_exclude_patterns(
    tree: Path, capsys: pytest.CaptureFixture[str], pattern: str, left: list[str]
) -> None:
    write(tree, {"newslint.toml": f'exclude = ["{pattern}"]\n'})
    assert shouting(capsys, ".") == left


@pytest.mark.parametrize(
    "pattern",
    [
        "content/news/**",
        "./content/news/**",
        "content\\\\news\\\\**",
        "content/news/",
        "content/news",
    ],
)
def test_include_patterns(tree: Path, capsys: pytest.CaptureFixture[str], pattern: str) -> None:
    write(tree, {"newslint.toml": f'include = ["{pattern}"]\n'})
    assert shouting(capsys) == ["content/news/new.md"]


def test_select_all_with_prefix_and_name_ignores_mixed(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def config(text: str) -> list[str]:
        write(proj, {"newslint.toml": text})
        return [row[1] for row in found(capsys, "x.md")[1]]

    write(proj, {"x.md": article(title=SHOUT, summary="Short.", body=GLUED)})
    assert config('select = ["ALL"]\nignore = ["XF"]\n') == ["TX006", "TX002", "TX004"]
    # A prefix may be any start of a code, as in ruff; a name counts as the code it names.
    assert config('select = ["ALL"]\nignore = ["TX00", "XF"]\n') == []
    assert config('select = ["ALL"]\nignore = ["summary-length", "TX006", "XF"]\n') == ["TX004"]
    # The more specific selector wins: a code or a name over a prefix, whichever list it is in.
    assert config('select = ["ALL", "title-shouting"]\nignore = ["TX", "XF"]\n') == ["TX006"]
    assert config('select = ["ALL"]\nignore = ["TX", "XF"]\nextend-select = ["TX006"]\n') == [
        "TX006"
    ]


def test_unknown_codes_exit_2_wherever_they_are(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(proj, {"x.md": article()})
    write(proj, {"newslint.toml": 'extend-select = ["TX999"]\n'})
    assert without_hint(usage_error(capsys, "x.md")) == (
        "newslint: error: newslint.toml: extend-select[0]: unknown rule or prefix 'TX999'\n"
    )
    write(proj, {"newslint.toml": '[per-file-ignores]\n"**" = ["title-shout"]\n'})
    assert usage_error(capsys, "x.md") == (
        'newslint: error: newslint.toml: per-file-ignores."**"[0]: unknown rule or prefix'
        " 'title-shout' (did you mean 'title-shouting'?)\n"
    )


# ========================================================================= 4. the JSON contract

KEYS = [
    "path",
    "rule",
    "code",
    "severity",
    "message",
    "line",
    "column",
    "end_line",
    "end_column",
    "fix",
]


def test_json_fields_in_order_with_code_point_columns_on_emoji_cjk_and_combining_marks(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 🎉 is one code point (two UTF-16 units, four bytes); e + U+0301 two code points.
    title = "Café 🎉 政府 e\u0301 &amp; more"
    body = "🎉政府\u200bsaid it."
    write(proj, {"content/news/y.md": article(title=title, body=body)})
    code, out, _ = run(
        capsys,
        "check",
        "content/news/y.md",
        "--isolated",
        "--no-cache",
        "--output-format",
        "json",
        "--select",
        "TX003,EN003",
    )
    problems = json.loads(out)
    assert [list(p) for p in problems] == [KEYS, KEYS]
    assert [list(p["fix"]) for p in problems] == [["applicability", "title", "edits"]] * 2
    assert problems[0] == {
        "path": "content/news/y.md",
        "rule": "html-entity",
        "code": "TX003",
        "severity": "warning",
        "message": "title shows the HTML entity &amp; literally",
        "line": 2,
        "column": 22,
        "end_line": 2,
        "end_column": 27,
        "fix": {
            "applicability": "safe",
            "title": "Unescape &amp;",
            "edits": [{"line": 2, "column": 22, "end_line": 2, "end_column": 27, "content": "&"}],
        },
    }
    assert (problems[1]["code"], problems[1]["column"], problems[1]["end_column"]) == (
        "EN003",
        4,
        5,
    )
    assert code == 0


def test_json_lines_carries_the_same_objects_and_fix_null(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(proj, {"x.md": article(date="2099-03-01T10:00:00+00:00", body=GLUED)})
    args = ["check", "x.md", "--isolated", "--no-cache", "--select", "DT003,TX004"]
    _, as_json, _ = run(capsys, *args, "--output-format", "json")
    _, as_lines, _ = run(capsys, *args, "--output-format", "json-lines")
    assert [json.loads(line) for line in as_lines.splitlines()] == json.loads(as_json)
    assert as_lines.splitlines()[0] == (
        '{"path": "x.md", "rule": "date-future", "code": "DT003", "severity": "warning", '
        '"message": "date 2099-03-01T10:00:00+00:00 is in the future: Hugo leaves the page out'
        ' until then (buildFuture is off)", "line": 3, "column": 7, "end_line": 3, '
        '"end_column": 32, "fix": null}'
    )
    # The insertion is an empty range: end equals start, exclusive.
    assert json.loads(as_lines.splitlines()[1])["fix"]["edits"] == [
        {"line": 7, "column": 13, "end_line": 7, "end_column": 13, "content": " "}
    ]


def test_json_paths_are_relative_to_the_working_directory_with_slashes(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(proj, {"content/news/y.md": article(date="2099-03-01T10:00:00+00:00")})
    (proj / "other").mkdir()
    monkeypatch.chdir(proj / "other")
    args = ["--isolated", "--select", "DT003"]
    # A file outside the working directory, named by its absolute path or through `../`, is
    # shown by its absolute path, as in ruff (README "JSON output").
    absolute = (proj / "content/news/y.md").as_posix()
    assert found(capsys, "../content/news/y.md", *args)[1][0][0] == absolute
    assert found(capsys, absolute, *args)[1][0][0] == absolute
    monkeypatch.chdir(proj / "content")
    assert found(capsys, "./news//y.md", *args)[1][0][0] == "news/y.md"
    assert found(capsys, str(proj / "content/news/y.md"), *args)[1][0][0] == "news/y.md"


def test_an_end_column_past_a_crlf_line_does_not_count_the_cr(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(proj, {"x.md": article(body=PROSE + "   ").replace("\n", "\r\n")})
    _, out, _ = run(
        capsys,
        "check",
        "x.md",
        "--isolated",
        "--no-cache",
        "--select",
        "BD002",
        "--output-format",
        "json",
    )
    [problem] = json.loads(out)
    assert (problem["line"], problem["column"], problem["end_line"], problem["end_column"]) == (
        7,
        83,
        7,
        86,
    )


def test_statistics_json_shape_and_quiet(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(proj, {"x.md": article(date="2099-03-01T10:00:00+00:00", body=GLUED)})
    args = ["check", "x.md", "--isolated", "--no-cache", "--select", "DT003,TX004"]
    code, out, _ = run(capsys, *args, "--statistics", "--output-format", "json")
    assert (code, json.loads(out)) == (
        0,
        [
            {
                "code": "DT003",
                "rule": "date-future",
                "severity": "warning",
                "count": 1,
                "fixable": 0,
                "unsafe_fixable": 0,
            },
            {
                "code": "TX004",
                "rule": "sentence-spacing",
                "severity": "warning",
                "count": 1,
                "fixable": 1,
                "unsafe_fixable": 0,
            },
        ],
    )
    code, out, _ = run(capsys, *args, "--statistics", "--output-format", "json-lines")
    assert [list(json.loads(line)) for line in out.splitlines()] == [
        ["code", "rule", "severity", "count", "fixable", "unsafe_fixable"]
    ] * 2
    # --quiet leaves a machine format whole (a consumer needs every object) ...
    _, quiet, _ = run(capsys, *args, "--quiet", "--output-format", "json")
    _, loud, _ = run(capsys, *args, "--output-format", "json")
    assert quiet == loud
    # ... and shrinks a text format to its summary.
    code, out, _ = run(capsys, *args, "--quiet", "--output-format", "concise")
    assert (code, out) == (
        0,
        "Found 2 problems (2 warnings) in 1 of 1 file.\n[*] 1 fixable with `newslint fix`.\n",
    )
    # Nothing found: an empty array, and statistics of nothing an empty array too.
    assert run(capsys, *args[:-1], "FM001", "--output-format", "json")[1] == "[]\n"
    assert run(capsys, *args[:-1], "FM001", "--statistics", "--output-format", "json")[1] == "[]\n"
