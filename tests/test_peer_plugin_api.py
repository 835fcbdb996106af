"""The plugin API and the command line, as a third-party plugin author sees them.

Written from the public contract only (DESIGN.md, STYLE.md, the README and docs/writing-a-rule.md):
a few house rules written exactly as STYLE.md shows a rule, loaded the three documented ways
(`--rules-dir`, config `plugins`, an installed `newslint.rules` entry point), then selected,
ignored, suppressed, fixed and crashed; their tests in STYLE.md's table form with
`newslint.testing`; the Python API; and the subcommands (`rules`, `rule`, `config`, `init`,
`watch`, `--version`, `--help`, baselines, `--changed-since`).

Command-line tests run the installed `newslint` script in a subprocess, as a user would: a plugin
folder is imported into the process that lints, and one process per run keeps them apart.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

import pytest

import newslint
from newslint import Applicability, Edit, Fix, Rule, Severity, Span
from newslint.testing import Case, assert_case, fm

NEWSLINT = str(Path(sys.executable).parent / "newslint")

# --- the house rules (a plugin author's modules) ------------------------------------------------

AUTHOR_CAPS = '''\
"""Author written in capitals.

## What it does
Flags a front-matter `author` written entirely in capitals.

## Why is this bad?
Bylines in capitals shout and do not match the house style.

## Example
    author: "JOHN SMITH"

## Use instead
    author: "John Smith"

## Fix safety
Safe: only the letter case of the byline changes.
"""

from newslint import Fix, Rule, Severity


class AuthorCaps(Rule):
    code = "HX001"
    name = "author-caps"
    severity = Severity.WARNING
    messages = {"caps": "author {author!r} is written in capitals"}

    def on_field(self, ctx, field):
        if field.key != "author" or not isinstance(field.value, str):
            return
        if field.value.isupper():
            fix = Fix.safe("Write the byline in title case", field.replace_value(field.value.title()))
            ctx.report(field.value_span, "caps", author=field.value, fix=fix)
'''

HOUSE_WORDS = '''\
"""A word the house style spells differently.

## What it does
Flags the words listed in the `banned` option in the article's prose.

## Why is this bad?
The style guide spells them one way; readers notice the mix.

## Example
    Send an e-mail to the desk.

## Use instead
    Send an email to the desk.

## Fix safety
Unsafe: the hyphen is dropped, which is wrong inside a quotation.
"""

from dataclasses import dataclass

from newslint import Edit, Fix, Rule, Severity, Span


@dataclass(frozen=True)
class Options:
    banned: tuple[str, ...] = ("e-mail",)


class HouseWords(Rule):
    code = "HX002"
    name = "house-words"
    severity = Severity.INFO
    messages = {"banned": "write {better!r}, not {word!r}"}
    Options = Options

    def on_text(self, ctx, text):
        for word in ctx.options.banned:
            start = text.text.find(word)
            while start != -1:
                span = Span(text.span.start + start, text.span.start + start + len(word))
                better = word.replace("-", "")
                fix = Fix.unsafe(f"Write {better}", Edit.replace(span, better))
                ctx.report(span, "banned", word=word, better=better, fix=fix)
                start = text.text.find(word, start + len(word))
'''

SHORT_LINK = '''\
"""Link through a URL shortener.

## What it does
Flags links whose host is a URL shortener.

## Why is this bad?
Shortened links hide where they go and break when the shortener closes.

## Example
    [report](https://bit.ly/abc)

## Use instead
    [report](https://example.com/report)

## Fix safety
Display-only: the expanded address has to be looked up by a person.
"""

from urllib.parse import urlsplit

from newslint import Edit, Fix, Rule, Severity

SHORTENERS = frozenset({"bit.ly", "t.co"})


class ShortLink(Rule):
    code = "HX003"
    name = "short-link"
    severity = Severity.WARNING
    messages = {"short": "link goes through the shortener {host}"}

    def on_link(self, ctx, link):
        host = urlsplit(link.url).hostname
        if host in SHORTENERS:
            fix = Fix.display_only("Replace with the expanded address",
                                   Edit.replace(link.url_span, "https://example.com/expanded"))
            ctx.report(link.url_span, "short", host=host, fix=fix)
'''

LENGTHS = '''\
"""Paragraph or article length outside the house limits.

## What it does
Flags a paragraph of more than `max-words` words and an article with fewer than `min-words`
words of prose.

## Why is this bad?
Long paragraphs are hard to read on a phone; a stub is not an article.

## Example
    One word.

## Use instead
    A paragraph of a reasonable length.
"""

from dataclasses import dataclass

from newslint import Rule, Severity, Span


@dataclass(frozen=True)
class Options:
    max_words: int = 40
    min_words: int = 5


class Lengths(Rule):
    code = "HX004"
    name = "house-lengths"
    severity = Severity.INFO
    messages = {
        "long": "paragraph has {count} words (at most {max})",
        "short": "article has {count} words of prose (at least {min})",
    }
    Options = Options

    def __init__(self):
        self.words = 0

    def on_paragraph(self, ctx, paragraph):
        count = len(paragraph.plain.split())
        if count > ctx.options.max_words:
            ctx.report(paragraph.span, "long", count=count, max=ctx.options.max_words)

    def on_text(self, ctx, text):
        if not text.in_link and not text.in_heading:
            self.words += len(text.text.split())

    def on_document_end(self, ctx, document):
        if self.words < ctx.options.min_words:
            ctx.report(Span(0, 0), "short", count=self.words, min=ctx.options.min_words)
'''

SAME_SLUG = '''\
"""Two articles share a slug.

## What it does
Flags an article whose `slug` another article already uses.

## Why is this bad?
Hugo builds both at one address: one of them silently disappears.

## Example
    slug: "rain"   (in two articles)

## Use instead
    slug: "rain-returns"
"""

from newslint import Rule, Severity


class SameSlug(Rule):
    code = "HX006"
    name = "same-slug"
    severity = Severity.WARNING
    messages = {"same": "slug {slug!r} is also used by {other}"}

    def __init__(self):
        self.slug = None

    def on_field(self, ctx, field):
        if field.key == "slug" and isinstance(field.value, str):
            where = ctx.document.position(field.value_span.start)
            self.slug = (field.value, (where.line, where.column))

    def collect(self):
        return self.slug

    @classmethod
    def project_end(cls, ctx, collected):
        first = {}
        for item in collected:
            if item.data is None:
                continue
            slug, (line, column) = item.data
            if slug in first:
                ctx.report(item.path, (line, column, line, column), "same", slug=slug,
                           other=first[slug])
            else:
                first[slug] = item.path
'''

CRASHY = '''\
"""A rule with a bug.

## What it does
Crashes on every paragraph.

## Why is this bad?
It is not; it tests the engine.

## Example
    Anything.

## Use instead
    Anything.
"""

from newslint import Rule, Severity


class Crashy(Rule):
    code = "HX009"
    name = "crashy"
    severity = Severity.ERROR
    messages = {"never": "never reported"}

    def on_paragraph(self, ctx, paragraph):
        raise RuntimeError("house rule exploded")
'''

BAD_EVENT = (
    CRASHY.replace("HX009", "HX008")
    .replace('"crashy"', '"bad-event"')
    .replace("Crashy", "BadEvent")
    .replace("on_paragraph", "on_xyz")
)

CLASHING = (
    CRASHY.replace("HX009", "DT001")
    .replace('"crashy"', '"my-date"')
    .replace("Crashy", "MyDate")
    .replace('raise RuntimeError("house rule exploded")', "return")
)

HOUSE_RULES = {
    "author_caps.py": AUTHOR_CAPS,
    "house_words.py": HOUSE_WORDS,
    "short_link.py": SHORT_LINK,
    "house_lengths.py": LENGTHS,
    "same_slug.py": SAME_SLUG,
}

# --- articles -------------------------------------------------------------------------------------

CLEAN = """\
---
title: "Rain returns to the valley"
date: "2025-02-08T09:55:35+00:00"
author: "Jane Doe"
summary: "Forecasters expect steady rain across the valley for most of the coming week."
---

Forecasters expect steady rain across the valley for the coming week, the weather office said.

[Wire](https://wire.example.com/rain)
"""

# line 4 col 9: "JOHN SMITH"; line 8 col 40: e-mail; line 8 col 68: the bit.ly URL
HOUSE = """\
---
title: "Rain returns to the valley"
date: "2025-02-08T09:55:35+00:00"
author: "JOHN SMITH"
summary: "Forecasters expect steady rain across the valley for most of the coming week."
---

Forecasters expect steady rain. Send an e-mail to the desk or read [this](https://bit.ly/abc).

[Wire](https://wire.example.com/rain)
"""


def run(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the installed `newslint` script in `cwd`, without a cache, and return what it did."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [NEWSLINT, *args], cwd=cwd, env=full_env, capture_output=True, text=True, timeout=120
    )


def diagnostics(result: subprocess.CompletedProcess[str]) -> list[tuple[str, str, int, int]]:
    """(path, code, line, column) of each diagnostic in a JSON run."""
    return [(d["path"], d["code"], d["line"], d["column"]) for d in json.loads(result.stdout)]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A small Hugo site with one article that the house rules flag and a house rules folder."""
    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    (root / "hugo.toml").write_text('baseURL = "https://example.org/"\ntitle = "T"\n')
    (root / "content" / "a.md").write_text(HOUSE)
    house = root / "house"
    house.mkdir()
    for name, source in HOUSE_RULES.items():
        (house / name).write_text(source)
    return root


def check_json(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run("check", "--no-cache", "--output-format", "json", *args, cwd=site)


# --- loading: --rules-dir, plugins, entry points ------------------------------------------------

EXPECTED_HOUSE = [
    ("content/a.md", "HX001", 4, 9),
    ("content/a.md", "HX002", 8, 41),
    ("content/a.md", "HX003", 8, 75),
]


def test_rules_dir_loads_and_reports_exact_positions(site: Path) -> None:
    result = check_json(site, "--rules-dir", "house", "--select", "HX")
    assert result.returncode == 0, result.stderr  # warnings and info only, fail-on error
    assert sorted(diagnostics(result)) == EXPECTED_HOUSE
    by_code = {d["code"]: d for d in json.loads(result.stdout)}
    assert by_code["HX001"]["rule"] == "author-caps"
    assert by_code["HX001"]["message"] == "author 'JOHN SMITH' is written in capitals"
    assert by_code["HX001"]["severity"] == "warning"
    assert by_code["HX001"]["fix"]["applicability"] == "safe"
    assert by_code["HX001"]["fix"]["edits"] == [
        {"line": 4, "column": 9, "end_line": 4, "end_column": 21, "content": '"John Smith"'}
    ]
    assert by_code["HX002"]["fix"]["applicability"] == "unsafe"
    assert by_code["HX002"]["message"] == "write 'email', not 'e-mail'"
    assert by_code["HX003"]["fix"]["applicability"] == "display-only"
    assert by_code["HX003"]["severity"] == "warning"


def test_plugins_in_config_load_relative_to_the_config_file(site: Path) -> None:
    (site / "newslint.toml").write_text('plugins = ["house/"]\nselect = ["HX"]\n')
    # run from a sub-folder: the folder is relative to the configuration file, not the cwd
    result = run("check", "--no-cache", "--output-format", "json", "a.md", cwd=site / "content")
    assert result.returncode == 0, result.stderr
    assert sorted((code, line, col) for _, code, line, col in diagnostics(result)) == [
        ("HX001", 4, 9),
        ("HX002", 8, 41),
        ("HX003", 8, 75),
    ]


def test_rule_options_from_config(site: Path) -> None:
    (site / "newslint.toml").write_text(
        'plugins = ["house/"]\nselect = ["house-words", "house-lengths"]\n'
        '[rules.house-words]\nbanned = ["desk"]\n'
        '[rules.house-lengths]\nmax-words = 3\nseverity = "error"\n'
    )
    result = check_json(site)
    assert result.returncode == 1, result.stderr  # house-lengths raised to error
    found = json.loads(result.stdout)
    assert [(d["code"], d["line"], d["column"], d["severity"], d["message"]) for d in found] == [
        ("HX004", 8, 1, "error", "paragraph has 13 words (at most 3)"),
        ("HX002", 8, 55, "info", "write 'desk', not 'desk'"),
    ]


def test_unknown_option_is_refused_naming_the_rule(site: Path) -> None:
    (site / "newslint.toml").write_text(
        'plugins = ["house/"]\n[rules.house-lengths]\nmax-word = 3\n'
    )
    result = check_json(site)
    assert result.returncode == 2
    assert "house-lengths" in result.stderr
    assert "max-word" in result.stderr


def write_entry_point_package(root: Path, entry_points: str) -> Path:
    """An 'installed' distribution: the package and its dist-info on a folder for PYTHONPATH."""
    packages = root / "site-packages"
    pkg = packages / "hxrules"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text('"""House rules."""\n')
    for name, source in HOUSE_RULES.items():
        (pkg / name).write_text(source)
    info = packages / "hxrules-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: hxrules\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(entry_points)
    return packages


def test_entry_point_package(site: Path, tmp_path: Path) -> None:
    packages = write_entry_point_package(tmp_path, "[newslint.rules]\nhouse = hxrules\n")
    env = {"PYTHONPATH": str(packages)}
    result = run(
        "check", "--no-cache", "--output-format", "json", "--select", "HX", cwd=site, env=env
    )
    assert result.returncode == 0, result.stderr
    assert sorted(diagnostics(result)) == EXPECTED_HOUSE
    listing = run("rules", cwd=site, env=env)
    assert listing.returncode == 0, listing.stderr
    assert any(line.split()[:2] == ["HX006", "same-slug"] for line in listing.stdout.splitlines())


def test_entry_point_to_a_rule_class(site: Path, tmp_path: Path) -> None:
    packages = write_entry_point_package(
        tmp_path, "[newslint.rules]\ncaps = hxrules.author_caps:AuthorCaps\n"
    )
    result = run(
        "check",
        "--no-cache",
        "--output-format",
        "json",
        "--select",
        "HX",
        cwd=site,
        env={"PYTHONPATH": str(packages)},
    )
    assert result.returncode == 0, result.stderr
    assert diagnostics(result) == [("content/a.md", "HX001", 4, 9)]


def test_rules_lists_plugin_rules_with_the_documented_columns(site: Path) -> None:
    result = run("rules", "--rules-dir", "house", cwd=site)
    assert result.returncode == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    columns = header.split()
    # DESIGN names the columns code, name, severity, fixable, preset; the header says "fix" for
    # "fixable", as the README's rule table does.
    assert columns == ["code", "name", "severity", "fix", "preset", "origin", "summary"]
    table = {row.split()[0]: row.split() for row in rows if row.strip()}
    assert table["HX001"][:4] == ["HX001", "author-caps", "warning", "yes"]
    assert table["HX002"][:4] == ["HX002", "house-words", "info", "yes"]
    assert table["HX004"][:4] == ["HX004", "house-lengths", "info", "-"]
    assert table["DT001"][:2] == ["DT001", "date-format"]
    assert table["HX001"][4:6] == ["-", "house/author_caps.py"]  # no preset; origin: the file
    assert " ".join(table["HX001"][6:]) == "Author written in capitals."


@pytest.mark.parametrize("which", ["HX002", "house-words", "hx002"])
def test_rule_prints_the_plugin_docstring(site: Path, which: str) -> None:
    result = run("rule", which, "--rules-dir", "house", cwd=site)
    assert result.returncode == 0, result.stderr
    assert "A word the house style spells differently." in result.stdout
    for section in ("## What it does", "## Why is this bad?", "## Fix safety"):
        assert section in result.stdout
    assert "HX002" in result.stdout


def test_rule_reads_plugins_from_config(site: Path) -> None:
    (site / "newslint.toml").write_text('plugins = ["house/"]\n')
    result = run("rule", "author-caps", cwd=site)
    assert result.returncode == 0, result.stderr
    assert "Author written in capitals." in result.stdout


# --- selection and suppression --------------------------------------------------------------------


def test_select_and_ignore_by_code_prefix_and_name(site: Path) -> None:
    result = check_json(
        site, "--rules-dir", "house", "--select", "HX", "--ignore", "author-caps,HX003"
    )
    assert diagnostics(result) == [("content/a.md", "HX002", 8, 41)]
    result = check_json(site, "--rules-dir", "house", "--select", "short-link")
    assert diagnostics(result) == [("content/a.md", "HX003", 8, 75)]


def test_plugin_rules_run_by_default_and_with_all(site: Path) -> None:
    result = check_json(site, "--rules-dir", "house")
    assert sorted(d for d in diagnostics(result) if d[1].startswith("HX")) == EXPECTED_HOUSE
    result = check_json(site, "--rules-dir", "house", "--select", "ALL")
    assert sorted(d for d in diagnostics(result) if d[1].startswith("HX")) == EXPECTED_HOUSE


def test_per_file_ignores(site: Path) -> None:
    (site / "content" / "b.md").write_text(HOUSE)
    (site / "newslint.toml").write_text(
        'plugins = ["house/"]\nselect = ["HX001"]\n[per-file-ignores]\n"content/b.md" = ["author-caps"]\n'
    )
    assert diagnostics(check_json(site)) == [("content/a.md", "HX001", 4, 9)]


def test_suppression_comments(site: Path) -> None:
    text = HOUSE.replace(
        'author: "JOHN SMITH"', 'author: "JOHN SMITH"  # newslint: disable=author-caps'
    ).replace(
        "Forecasters expect steady rain. Send",
        "<!-- newslint-disable-next-line HX002 -->\nForecasters expect steady rain. Send",
    )
    (site / "content" / "a.md").write_text(text)
    result = check_json(site, "--rules-dir", "house", "--select", "HX,NL")
    assert diagnostics(result) == [("content/a.md", "HX003", 9, 75)]


def test_unused_suppression_of_a_plugin_rule(site: Path) -> None:
    (site / "content" / "a.md").write_text(
        CLEAN.replace(
            "\n\nForecasters", "\n\n<!-- newslint-disable-next-line short-link -->\nForecasters"
        )
    )
    result = check_json(site, "--rules-dir", "house", "--select", "HX,NL")
    assert diagnostics(result) == [("content/a.md", "NL001", 8, 1)]


# --- fixes ----------------------------------------------------------------------------------------


def test_fix_applies_only_the_safe_plugin_fix(site: Path) -> None:
    result = run("fix", "--no-cache", "--rules-dir", "house", "--select", "HX", cwd=site)
    assert result.returncode == 0, result.stderr
    assert (site / "content" / "a.md").read_text() == HOUSE.replace("JOHN SMITH", "John Smith")


def test_unsafe_fixes_apply_the_unsafe_plugin_fix_never_display_only(site: Path) -> None:
    result = run(
        "fix", "--no-cache", "--unsafe-fixes", "--rules-dir", "house", "--select", "HX", cwd=site
    )
    assert result.returncode == 0, result.stderr
    expected = HOUSE.replace("JOHN SMITH", "John Smith").replace("e-mail", "email")
    assert (site / "content" / "a.md").read_text() == expected  # bit.ly stays


def test_fix_diff_writes_nothing(site: Path) -> None:
    result = run("fix", "--no-cache", "--diff", "--rules-dir", "house", "--select", "HX", cwd=site)
    assert result.returncode == 1
    assert '-author: "JOHN SMITH"' in result.stdout
    assert '+author: "John Smith"' in result.stdout
    assert (site / "content" / "a.md").read_text() == HOUSE


# --- broken plugins -------------------------------------------------------------------------------


def test_crashing_rule_is_an_internal_error_and_the_run_goes_on(site: Path) -> None:
    (site / "house" / "crashy.py").write_text(CRASHY)
    (site / "content" / "b.md").write_text(HOUSE)
    result = check_json(site, "--rules-dir", "house", "--select", "HX")
    assert result.returncode == 2
    found = json.loads(result.stdout)
    internal = [d for d in found if d["rule"] == "internal-error"]
    assert sorted(d["path"] for d in internal) == ["content/a.md", "content/b.md"]
    assert all("crashy" in d["message"] and "house rule exploded" in d["message"] for d in internal)
    # the other rules still ran on both files
    others = sorted((d["path"], d["code"]) for d in found if d["rule"] != "internal-error")
    assert others == sorted(
        (path, code)
        for path in ("content/a.md", "content/b.md")
        for code in ("HX001", "HX002", "HX003")
    )


def test_crash_makes_fix_exit_2_but_still_fixes(site: Path) -> None:
    (site / "house" / "crashy.py").write_text(CRASHY)
    result = run("fix", "--no-cache", "--rules-dir", "house", "--select", "HX", cwd=site)
    assert result.returncode == 2
    assert (site / "content" / "a.md").read_text() == HOUSE.replace("JOHN SMITH", "John Smith")


def test_unknown_event_fails_at_load_naming_it(site: Path) -> None:
    (site / "house" / "bad_event.py").write_text(BAD_EVENT)
    result = check_json(site, "--rules-dir", "house", "--select", "HX")
    assert result.returncode == 2
    assert "on_xyz" in result.stderr
    assert "BadEvent" in result.stderr
    assert "Traceback" not in result.stderr


def test_duplicate_code_with_a_builtin_is_refused(site: Path) -> None:
    (site / "house" / "my_date.py").write_text(CLASHING)
    result = check_json(site, "--rules-dir", "house")
    assert result.returncode == 2
    assert result.stderr == (
        "newslint: error: rule 'DT001' is defined twice:"
        " by newslint.rules.date_format.DateFormat (builtin)"
        " and by newslint_local_rules.house.my_date.MyDate (house/my_date.py)\n"
    )
    assert result.stdout == ""


def test_duplicate_name_with_a_builtin_is_refused(site: Path) -> None:
    (site / "house" / "my_date.py").write_text(
        CLASHING.replace("DT001", "HX007").replace('"my-date"', '"date-format"')
    )
    result = check_json(site, "--rules-dir", "house")
    assert result.returncode == 2
    assert result.stderr.startswith("newslint: error: rule 'date-format' is defined twice:")
    assert "DateFormat (builtin)" in result.stderr and "MyDate (house/my_date.py)" in result.stderr


def test_a_plugin_that_does_not_import_is_reported_and_the_rest_runs(site: Path) -> None:
    (site / "house" / "broken.py").write_text("def oops(:\n")
    result = check_json(site, "--rules-dir", "house", "--select", "HX")
    assert result.returncode == 2
    assert sorted(diagnostics(result)) == EXPECTED_HOUSE
    assert result.stderr == (
        "newslint: error: plugin house/broken.py: cannot import:"
        " SyntaxError: invalid syntax (broken.py, line 1)\n"
    )


def test_report_with_an_undeclared_message_id_is_an_internal_error(site: Path) -> None:
    (site / "house" / "author_caps.py").write_text(
        AUTHOR_CAPS.replace('"caps", author=', '"kaps", author=')
    )
    result = check_json(site, "--rules-dir", "house", "--select", "HX001")
    assert result.returncode == 2
    [found] = json.loads(result.stdout)
    assert found["rule"] == "internal-error"
    assert "author-caps" in found["message"] and "kaps" in found["message"]


def test_shared_helper_module_with_a_relative_import(site: Path) -> None:
    (site / "house" / "_words.py").write_text('BANNED = ("desk",)\n')
    (site / "house" / "house_words.py").write_text(
        HOUSE_WORDS.replace(
            'banned: tuple[str, ...] = ("e-mail",)', "banned: tuple[str, ...] = BANNED"
        ).replace("from newslint import", "from ._words import BANNED\nfrom newslint import")
    )
    result = check_json(site, "--rules-dir", "house", "--select", "HX002")
    assert result.returncode == 0, result.stderr
    assert diagnostics(result) == [("content/a.md", "HX002", 8, 55)]


def test_folder_in_plugins_and_rules_dir_loads_once(site: Path) -> None:
    (site / "newslint.toml").write_text('plugins = ["house/"]\n')
    result = check_json(site, "--rules-dir", "house", "--select", "HX")
    assert result.returncode == 0, result.stderr
    assert sorted(diagnostics(result)) == EXPECTED_HOUSE


def test_presets_and_default_enabled(site: Path) -> None:
    (site / "house" / "author_caps.py").write_text(
        AUTHOR_CAPS.replace("    messages =", '    presets = ("mainroad",)\n    messages =')
    )
    (site / "house" / "short_link.py").write_text(
        SHORT_LINK.replace("    messages =", "    default_enabled = False\n    messages =")
    )
    result = check_json(site, "--rules-dir", "house")
    assert sorted(d for d in diagnostics(result) if d[1].startswith("HX")) == [
        ("content/a.md", "HX002", 8, 41)
    ]
    result = check_json(site, "--rules-dir", "house", "--extend-select", "HX003")
    assert sorted(d for d in diagnostics(result) if d[1].startswith("HX")) == [
        ("content/a.md", "HX002", 8, 41),
        ("content/a.md", "HX003", 8, 75),
    ]
    (site / "newslint.toml").write_text('presets = ["hugo", "news", "mainroad"]\n')
    result = check_json(site, "--rules-dir", "house", "--select", "HX")
    assert ("content/a.md", "HX001", 4, 9) in diagnostics(result)
    listing = run("rules", "--rules-dir", "house", cwd=site)
    [row] = [line.split() for line in listing.stdout.splitlines() if line.startswith("HX001")]
    assert "mainroad" in row


def test_editing_a_plugin_invalidates_the_cache(site: Path) -> None:
    first = run(
        "check", "--output-format", "json", "--rules-dir", "house", "--select", "HX001", cwd=site
    )
    assert [d["message"] for d in json.loads(first.stdout)] == [
        "author 'JOHN SMITH' is written in capitals"
    ]
    (site / "house" / "author_caps.py").write_text(
        AUTHOR_CAPS.replace("is written in capitals", "shouts")
    )
    second = run(
        "check", "--output-format", "json", "--rules-dir", "house", "--select", "HX001", cwd=site
    )
    assert [d["message"] for d in json.loads(second.stdout)] == ["author 'JOHN SMITH' shouts"]


def test_editing_a_plugin_helper_module_invalidates_the_cache(site: Path) -> None:
    (site / "house" / "_words.py").write_text('BANNED = ("desk",)\n')
    (site / "house" / "house_words.py").write_text(
        HOUSE_WORDS.replace(
            'banned: tuple[str, ...] = ("e-mail",)', "banned: tuple[str, ...] = BANNED"
        ).replace("from newslint import", "from ._words import BANNED\nfrom newslint import")
    )
    args = ("check", "--output-format", "json", "--rules-dir", "house", "--select", "HX002")
    assert diagnostics(run(*args, cwd=site)) == [("content/a.md", "HX002", 8, 55)]
    (site / "house" / "_words.py").write_text('BANNED = ("rain",)\n')
    assert diagnostics(run(*args, cwd=site)) == [("content/a.md", "HX002", 8, 27)]


def test_rule_of_an_entry_point_plugin(site: Path, tmp_path: Path) -> None:
    packages = write_entry_point_package(tmp_path, "[newslint.rules]\nhouse = hxrules\n")
    result = run("rule", "same-slug", cwd=site, env={"PYTHONPATH": str(packages)})
    assert result.returncode == 0, result.stderr
    assert "Two articles share a slug." in result.stdout


# --- cross-file rule --------------------------------------------------------------------------------


def test_cross_file_plugin_rule(site: Path) -> None:
    for name in ("a", "b", "c"):
        slug = "rain" if name != "c" else "snow"
        (site / "content" / f"{name}.md").write_text(
            CLEAN.replace('author: "Jane Doe"\n', f'author: "Jane Doe"\nslug: "{slug}"\n')
        )
    result = check_json(site, "--rules-dir", "house", "--select", "same-slug")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert [(d["path"], d["line"], d["column"], d["message"]) for d in found] == [
        ("content/b.md", 5, 7, "slug 'rain' is also used by content/a.md")
    ]


def test_cross_file_plugin_rule_from_the_cache_and_in_workers(site: Path) -> None:
    # 120 articles: more than 100 go to worker processes, which must find the folder's rules too.
    for number in range(120):
        slug = "rain" if number in (7, 99) else f"story-{number}"
        (site / "content" / f"n{number:03}.md").write_text(
            CLEAN.replace('author: "Jane Doe"\n', f'author: "Jane Doe"\nslug: "{slug}"\n')
        )
    expected = [("content/n099.md", 5, 7, "slug 'rain' is also used by content/n007.md")]
    args = (
        "check",
        "--output-format",
        "json",
        "--jobs",
        "2",
        "--rules-dir",
        "house",
        "--select",
        "same-slug",
    )
    for _ in range(2):  # the second run takes every file from the cache
        result = run(*args, cwd=site)
        assert result.returncode == 0, result.stderr
        found = json.loads(result.stdout)
        assert [(d["path"], d["line"], d["column"], d["message"]) for d in found] == expected


def test_entry_point_that_does_not_import(site: Path, tmp_path: Path) -> None:
    packages = write_entry_point_package(
        tmp_path, "[newslint.rules]\nhouse = hxrules\nbad = hxrules.missing\n"
    )
    result = run(
        "check",
        "--no-cache",
        "--output-format",
        "json",
        "--select",
        "HX",
        cwd=site,
        env={"PYTHONPATH": str(packages)},
    )
    assert result.returncode == 2
    assert sorted(diagnostics(result)) == EXPECTED_HOUSE
    assert result.stderr == (
        "newslint: error: plugin bad (hxrules.missing): cannot import:"
        " ModuleNotFoundError: No module named 'hxrules.missing'\n"
    )


# --- rule tests in STYLE.md's form ------------------------------------------------------------------


def load_house(tmp_path: Path, module: str) -> type[Rule]:
    """Import a house rule module from source, as a plugin author's test imports their rule."""
    import importlib.util

    path = tmp_path / f"{module}.py"
    path.write_text(HOUSE_RULES[f"{module}.py"])
    spec = importlib.util.spec_from_file_location(f"peer_house_{module}", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    rules = [
        v
        for v in vars(mod).values()
        if isinstance(v, type) and issubclass(v, Rule) and v is not Rule
    ]
    assert len(rules) == 1
    return rules[0]


@pytest.fixture(scope="module")
def house_rules(tmp_path_factory: pytest.TempPathFactory) -> dict[str, type[Rule]]:
    folder = tmp_path_factory.mktemp("house")
    return {name[:-3]: load_house(folder, name[:-3]) for name in HOUSE_RULES}


AUTHOR_CASES = [
    Case("lower", fm(title="A", author="Jane Doe")),
    Case("not-a-string", fm(title="A", author=3)),
    Case(
        "caps",
        fm(title="A", author="JANE DOE"),
        errors=[("caps", 3, 9)],
        fixed=fm(title="A", author="Jane Doe"),
    ),
]


@pytest.mark.parametrize("case", AUTHOR_CASES, ids=lambda c: c.name)
def test_author_caps(case: Case, house_rules: dict[str, type[Rule]]) -> None:
    assert_case(house_rules["author_caps"], case)


WORDS_CASES = [
    Case("clean", fm(title="A", body="Write an email.\n")),
    Case("code-is-not-prose", fm(title="A", body="Run `e-mail --help`.\n")),
    Case(
        "banned",
        fm(title="A", body="Write an e-mail.\n"),
        errors=[("banned", 5, 10)],
        unsafe_fixed=fm(title="A", body="Write an email.\n"),
    ),
    Case(
        "twice",
        fm(title="A", body="An e-mail, then an e-mail.\n"),
        errors=[("banned", 5, 4), ("banned", 5, 20)],
        unsafe_fixed=fm(title="A", body="An email, then an email.\n"),
    ),
    Case(
        "option",
        fm(title="A", body="Write an e-mail to the co-op.\n"),
        options={"banned": ["co-op"]},
        errors=[("banned", 5, 24)],
        unsafe_fixed=fm(title="A", body="Write an e-mail to the coop.\n"),
    ),
]


@pytest.mark.parametrize("case", WORDS_CASES, ids=lambda c: c.name)
def test_house_words(case: Case, house_rules: dict[str, type[Rule]]) -> None:
    assert_case(house_rules["house_words"], case)


LENGTH_CASES = [
    Case("fine", fm(title="A", body="One two three four five.\n")),
    Case("stub", fm(title="A", body="One two.\n"), errors=[("short", 1, 1)]),
    Case(
        "long",
        fm(title="A", body="One two three four five.\n"),
        options={"max-words": 4},
        errors=[("long", 5, 1)],
    ),
]


@pytest.mark.parametrize("case", LENGTH_CASES, ids=lambda c: c.name)
def test_house_lengths(case: Case, house_rules: dict[str, type[Rule]]) -> None:
    assert_case(house_rules["house_lengths"], case)


_CAPS = fm(title="A", author="JANE DOE")
_FIXED_CAPS = fm(title="A", author="Jane Doe")

# (rule, case, what assert_case must say): each way a rule test table can be wrong.
WRONG_CASES = [
    (
        "author_caps",
        Case("wrong-column", _CAPS, errors=[("caps", 3, 8)], fixed=_FIXED_CAPS),
        r"reported \[\('caps', 3, 9\)\], expected",
    ),
    (
        "author_caps",
        Case("wrong-message-id", _CAPS, errors=[("upper", 3, 9)], fixed=_FIXED_CAPS),
        r"expected \[\('upper', 3, 9\)\]",
    ),
    ("author_caps", Case("missing-report", _CAPS), r"reported \[\('caps', 3, 9\)\], expected \[\]"),
    (
        "author_caps",
        Case("no-fixed-text", _CAPS, errors=[("caps", 3, 9)]),
        "a safe fix changed the text; state `fixed`",
    ),
    (
        "house_words",
        Case(
            "no-unsafe-fixed-text",
            fm(title="A", body="Write an e-mail.\n"),
            errors=[("banned", 5, 10)],
        ),
        "state `unsafe_fixed`",
    ),
    (
        "author_caps",
        Case("wrong-fixed-text", _CAPS, errors=[("caps", 3, 9)], fixed=_CAPS),
        "safe fix gave",
    ),
]


@pytest.mark.parametrize(
    ("rule", "case", "says"), WRONG_CASES, ids=[c.name for _, c, _ in WRONG_CASES]
)
def test_assert_case_fails_on_a_wrong_table(
    house_rules: dict[str, type[Rule]], rule: str, case: Case, says: str
) -> None:
    with pytest.raises(AssertionError, match=says):
        assert_case(house_rules[rule], case)


class Exclaim(Rule):
    """Title without an exclamation mark.

    ## What it does
    Adds one more exclamation mark every time: a fix that never converges.

    ## Why is this bad?
    It is a test double.

    ## Example
        title: "A"

    ## Use instead
        title: "A!"

    ## Fix safety
    Safe, and wrong on purpose.
    """

    code = "HX010"
    name = "exclaim"
    severity = Severity.WARNING
    messages = {"calm": "title is calm"}

    def on_field(self, ctx: newslint.rule.Context, field: newslint.events.Field) -> None:
        if field.key == "title" and isinstance(field.value, str):
            ctx.report(
                field.value_span,
                "calm",
                fix=Fix.safe("Shout", field.replace_value(field.value + "!")),
            )


@pytest.mark.parametrize("fixed", [None, fm(title="A!"), fm(title="A")])
def test_assert_case_fails_on_a_fix_that_does_not_converge(fixed: str | None) -> None:
    # `newslint fix` drops fixes that never converge and leaves the text alone; assert_case must
    # not take that for "no fix", whatever the case states.
    case = Case("calm", fm(title="A"), errors=[("calm", 2, 8)], fixed=fixed)
    with pytest.raises(AssertionError, match="fixes of exclaim were dropped: kept changing"):
        assert_case(Exclaim, case)


def test_assert_case_rejects_an_unknown_option(house_rules: dict[str, type[Rule]]) -> None:
    from newslint.config import ConfigError

    with pytest.raises(ConfigError, match="max-word"):
        assert_case(
            house_rules["house_lengths"],
            Case("typo", fm(title="A", body="One two three.\n"), options={"max-word": 4}),
        )


# --- the Python API -----------------------------------------------------------------------------------


def test_public_names() -> None:
    fix = Fix.safe("Replace", Edit.replace(Span(1, 3), "xy"))
    assert fix.applicability is Applicability.SAFE
    assert Fix.unsafe("Replace", Edit.insert(0, "x")).applicability is Applicability.UNSAFE
    assert (
        Fix.display_only("Show", Edit.delete(Span(0, 1))).applicability
        is Applicability.DISPLAY_ONLY
    )
    assert {severity.name for severity in Severity} == {"INFO", "WARNING", "ERROR"}
    assert issubclass(Exclaim, Rule)


def test_check_text_and_fix_text() -> None:
    text = CLEAN.replace("the weather office said.", "the weather office said.The")
    problems = newslint.check_text(text, path="content/x.md")
    assert [(p.code, p.rule, p.line, p.column) for p in problems] == [
        ("TX004", "sentence-spacing", 8, 94)
    ]
    fixed, remaining = newslint.fix_text(text, path="content/x.md", unsafe=False)
    assert fixed == text.replace("said.The", "said. The")
    assert list(remaining) == []
    assert newslint.check_text(CLEAN, path="content/x.md") == []


def test_check_text_select_ignore_and_fields() -> None:
    text = CLEAN.replace("office said.", "office said.The").replace("\n---\n\n", "\n---\n\n\n\n")
    assert [p.code for p in newslint.check_text(text, path="content/x.md")] == ["BD003", "TX004"]
    assert [p.code for p in newslint.check_text(text, path="content/x.md", select=["TX"])] == [
        "TX004"
    ]
    [problem] = newslint.check_text(text, path="content/x.md", ignore=["blank-lines"])
    assert isinstance(problem, newslint.Diagnostic)
    assert (problem.path, problem.rule, problem.severity, problem.end_line, problem.end_column) == (
        "content/x.md",
        "sentence-spacing",
        Severity.WARNING,
        10,
        95,
    )
    assert problem.fix is not None and problem.fix.applicability is Applicability.SAFE
    fixed, remaining = newslint.fix_text(text, path="content/x.md", select=["TX004"])
    assert fixed == text.replace("said.The", "said. The")
    assert remaining == []


# --- subcommands ----------------------------------------------------------------------------------------


def test_version(tmp_path: Path) -> None:
    result = run("--version", cwd=tmp_path)
    assert result.returncode == 0
    assert version("newslint") in result.stdout


@pytest.mark.parametrize(
    "command", [[], ["check"], ["fix"], ["watch"], ["rules"], ["rule"], ["config"], ["init"]]
)
def test_help(tmp_path: Path, command: list[str]) -> None:
    result = run(*command, "--help", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "usage:" in result.stdout.lower()


def test_rule_unknown_suggests(tmp_path: Path) -> None:
    result = run("rule", "date-formt", cwd=tmp_path)
    assert result.returncode == 2
    assert "date-format" in result.stderr
    assert result.stdout == ""


def test_rule_builtin_by_code_and_name(tmp_path: Path) -> None:
    by_code = run("rule", "DT001", cwd=tmp_path)
    by_name = run("rule", "date-format", cwd=tmp_path)
    assert by_code.returncode == by_name.returncode == 0
    assert by_code.stdout == by_name.stdout
    assert "## What it does" in by_code.stdout


def test_config_prints_the_effective_configuration(site: Path) -> None:
    (site / "newslint.toml").write_text(
        'ignore = ["TX006"]\nfail-on = "warning"\nplugins = ["house/"]\n'
    )
    result = run("config", "--output-format", "json", cwd=site)
    assert result.returncode == 0, result.stderr
    # {"path": the file read, "config": every setting, "enabled": the codes that would run}
    shown = json.loads(result.stdout)
    assert shown["path"] == "newslint.toml"
    assert shown["config"]["ignore"] == ["TX006"]
    assert shown["config"]["fail-on"] == "warning"
    assert {"HX001", "HX006", "DT001"} <= set(shown["enabled"])
    assert "TX006" not in shown["enabled"]
    text = run("config", cwd=site)
    assert text.returncode == 0 and 'fail-on = "warning"' in text.stdout.splitlines()


def test_init_writes_a_valid_config_once(tmp_path: Path) -> None:
    result = run("init", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = (tmp_path / "newslint.toml").read_text()
    assert written.lstrip().startswith("#")  # commented
    assert run("config", cwd=tmp_path).returncode == 0  # and valid
    again = run("init", cwd=tmp_path)
    assert again.returncode != 0
    assert (tmp_path / "newslint.toml").read_text() == written


def test_init_pyproject_adds_a_section(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    result = run("init", "pyproject.toml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "pyproject.toml").read_text()
    assert text.startswith('[project]\nname = "x"\n')
    assert "[tool.newslint]" in text
    assert not (tmp_path / "newslint.toml").exists()
    assert run("config", cwd=tmp_path).returncode == 0


# --- baseline and --changed-since -------------------------------------------------------------------


def test_baseline_reports_only_new_problems(site: Path) -> None:
    (site / "content" / "a.md").write_text(CLEAN.replace("office said.", "office said.The"))
    write = run("check", "--no-cache", "--write-baseline", "base.json", cwd=site)
    assert write.returncode == 0, write.stderr
    assert (site / "base.json").is_file()
    again = check_json(site, "--baseline", "base.json")
    assert again.returncode == 0 and json.loads(again.stdout) == []
    # an edit above the recorded problem does not bring it back; a new problem is reported
    (site / "content" / "a.md").write_text(
        CLEAN.replace("office said.", "office said.The")
        .replace("\n\nForecasters", "\n\nFirst.\n\nForecasters")
        .replace("rain)", "rain)\n\nIt rained.Then it stopped.")
    )
    after = check_json(site, "--baseline", "base.json", "--select", "TX004")
    assert [(c, line) for _, c, line, _ in diagnostics(after)] == [("TX004", 14)]


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_changed_since(site: Path) -> None:
    shutil.rmtree(site / "house")
    broken = CLEAN.replace("office said.", "office said.The")
    (site / "content" / "a.md").write_text(broken)
    (site / "content" / "b.md").write_text(broken)
    (site / "content" / "gone.md").write_text(broken)
    git(site, "init", "-q", "-b", "main")
    git(site, "add", ".")
    git(site, "commit", "-q", "-m", "base")
    git(site, "checkout", "-q", "-b", "topic")
    (site / "content" / "b.md").write_text(broken + "\nMore.\n")
    (site / "content" / "gone.md").unlink()
    (site / "content" / "new.md").write_text(broken)
    git(site, "add", "content/b.md", "content/gone.md")
    git(site, "commit", "-q", "-m", "change")
    (site / "content" / "untracked.md").write_text(broken)
    result = check_json(site, "--changed-since", "main", "--select", "TX004")
    assert sorted(path for path, *_ in diagnostics(result)) == [
        "content/b.md",
        "content/new.md",
        "content/untracked.md",
    ]


# --- watch -----------------------------------------------------------------------------------------


def read_lines(stream: object, into: queue.Queue[str]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        into.put(line)


def wait_for(lines: queue.Queue[str], needle: str, seen: list[str], timeout: float = 20) -> bool:
    """Collect lines until one contains `needle` (True) or `timeout` seconds pass (False)."""
    try:
        while True:
            line = lines.get(timeout=timeout)
            seen.append(line)
            if needle in line:
                return True
    except queue.Empty:
        return False


@pytest.fixture
def watch(site: Path) -> Iterator[tuple[subprocess.Popen[str], queue.Queue[str], list[str]]]:
    proc = subprocess.Popen(
        [
            NEWSLINT,
            "watch",
            "--no-cache",
            "--rules-dir",
            "house",
            "--select",
            "HX",
            "--output-format",
            "concise",
        ],
        cwd=site,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=read_lines, args=(proc.stdout, lines), daemon=True).start()
    seen: list[str] = []
    try:
        yield proc, lines, seen
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_watch_relints_on_save_and_exits_0_on_sigint(
    site: Path, watch: tuple[subprocess.Popen[str], queue.Queue[str], list[str]]
) -> None:
    proc, lines, seen = watch
    assert wait_for(lines, "Watching", seen), seen
    (site / "content" / "b.md").write_text(CLEAN.replace("Jane Doe", "ANN LEE"))
    assert wait_for(lines, "content/b.md:4:9: HX001", seen), seen
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=20) == 0
    assert not any("Traceback" in line for line in seen), seen
