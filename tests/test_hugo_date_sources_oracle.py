"""Where Hugo takes a page's dates from beyond its own fields, with hugo 0.168 as the oracle.

Marker `hugo`. Each site below is built with the real binary; `hugo list all` gives each page's
date, publish date and expiry date, and a build with `buildFuture` or without it says which pages
are shown. Compared with newslint's reading of the same pages (`rules._dates.hugo_dates`) and with
what the date rules and `required-field` say of them:

- a section's or the site's `cascade` gives a page without its own key its `date`, `publishDate`
  or `expiryDate` (YAML, TOML and JSON `_index` files, the configuration, a number of seconds);
- `[frontmatter] date = [..., ":fileModTime"]` dates every page: `date` is not missing;
- on a `buildFuture` site a page whose expiry date is not after a publish date still to come is
  built, so date-order does not say it is never shown.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from newslint.config import Config
from newslint.document import Document
from newslint.engine import build_ruleset, lint_path
from newslint.rules import _dates
from newslint.site import clear_site_cache, site_for
from tests.hugo_pages import run_hugo, write_files

pytestmark = pytest.mark.hugo

BASE = 'baseURL = "https://example.org/"\ntitle = "t"\n'
LAYOUTS = {"layouts/_default/single.html": "page", "layouts/_default/list.html": "list"}
ZERO = "0001-01-01T00:00:00Z"


def _page(*lines: str) -> str:
    return "---\ntitle: a\nsummary: s\n" + "".join(f"{line}\n" for line in lines) + "---\nText.\n"


# (site, configuration, files): each content file that is no `_index` is compared.
SITES: list[tuple[str, str, dict[str, str]]] = [
    (
        "cascades",
        '[[cascade]]\npublishDate = 4070908800\n[cascade.target]\npath = "/config/**"\n',
        {
            "content/news/_index.md": "---\ncascade:\n  date: 2024-01-01T00:00:00Z\n---\n",
            "content/news/a.md": _page(
                "publishDate: 2025-01-01T00:00:00Z", "lastmod: 2024-06-01T00:00:00Z"
            ),
            "content/news/b.md": _page("date: ''"),
            "content/news/c.md": _page("date: 2023-01-01T00:00:00Z"),
            "content/toml/_index.md": "+++\n[cascade]\npublishDate = 2099-01-01T00:00:00Z\n+++\n",
            "content/toml/d.md": _page("date: 2020-01-01T00:00:00Z"),
            "content/json/_index.md": '{"cascade": {"expiryDate": "2021-01-01"}}\n',
            "content/json/e.md": _page("date: 2020-01-01T00:00:00Z"),
            "content/json/f.md": _page("date: 2020-01-01T00:00:00Z", "expiryDate: ''"),
            "content/config/g.md": _page("date: 2020-01-01T00:00:00Z"),
        },
    ),
    (
        "modification-time",
        '[frontmatter]\ndate = [":filename", ":default", ":fileModTime"]\n',
        {
            "content/a.md": _page(),
            "content/2024-01-02-b.md": _page(),
        },
    ),
    (
        "build-future",
        "buildFuture = true\n",
        {
            "content/equal.md": _page(
                "date: 2098-01-01T00:00:00Z", "expiryDate: 2098-01-01T00:00:00Z"
            ),
            "content/before.md": _page(
                "date: 2098-01-01T00:00:00Z", "expiryDate: 2097-01-01T00:00:00Z"
            ),
            "content/past.md": _page(
                "date: 2020-01-01T00:00:00Z", "expiryDate: 2020-01-01T00:00:00Z"
            ),
        },
    ),
]


def _utc(source: _dates.Source | None) -> str:
    """A date as `hugo list` prints it: UTC to the second, year 1 for none."""
    reading = source.reading if source is not None else None
    if reading is None or reading.time is None:
        return ZERO if source is None else "(a file's time)"
    seconds, _ = reading.time.epoch()
    return _dates.from_epoch(seconds, 0, 0).rfc3339(utc_as_z=True)


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    built = {}
    for name, config, files in SITES:
        root = tmp_path_factory.mktemp(name)
        write_files(root, {"hugo.toml": BASE + config, **LAYOUTS, **files})
        built[name] = root
    clear_site_cache()
    return built


def _hugo_dates(root: Path) -> dict[str, tuple[str, str, str]]:
    """content file -> (date, expiryDate, publishDate) as `hugo list all` gives them."""
    rows = run_hugo(root, "list", "all").splitlines()[1:]
    out = {}
    for row in rows:
        path, _, _, date, expiry, publish, *_ = row.split(",")
        out[path] = (date, expiry, publish)
    return out


@pytest.mark.parametrize("name", [name for name, _, _ in SITES if name != "build-future"])
def test_newslint_takes_the_dates_from_where_hugo_does(sites: dict[str, Path], name: str) -> None:
    root = sites[name]
    hugo = _hugo_dates(root)
    _, _, files = next(site for site in SITES if site[0] == name)
    for file in files:
        if "_index" in file:
            continue
        path = root / file
        site = site_for(path)
        document = Document.from_bytes(path.read_bytes(), str(path), site)
        document.language = site.language_of(str(path))
        ctx = SimpleNamespace(document=document, site=site, config=Config())
        targets = _dates.hugo_dates(ctx).targets  # type: ignore[arg-type]
        date, expiry, publish = hugo[file]
        for target, instant in (("date", date), ("expirydate", expiry), ("publishdate", publish)):
            ours = _utc(targets.get(target))
            if ours == "(a file's time)":
                assert instant != ZERO, (file, target)  # some date, never year 1
            else:
                assert ours == instant, (file, target)


def _messages(root: Path, file: str, *codes: str) -> list[str]:
    ruleset = build_ruleset(Config(), select=list(codes))
    return [d.message for d in lint_path(root / file, ruleset).diagnostics]


def test_date_rules_on_cascaded_dates(sites: dict[str, Path]) -> None:
    root = sites["cascades"]
    built = run_hugo(root, "list", "future")
    # Hugo's date for news/a.md is the cascaded 2024-01-01: lastmod is after it.
    assert _messages(root, "content/news/a.md", "DT004") == []
    # The page's own empty date is its key: the cascaded one does not reach it (year 1).
    assert _messages(root, "content/news/b.md", "DT002") == [
        "date is empty: Hugo dates the page to year 1"
    ]
    for file in ("content/toml/d.md", "content/config/g.md"):
        assert file in built
        assert _messages(root, file, "DT003") == [
            "the publish date 2099-01-01T00:00:00+00:00 a cascade gives the page is in the "
            "future: Hugo leaves the page out until then (buildFuture is off)"
        ]
    assert "content/news/c.md" not in built
    assert _messages(root, "content/news/c.md", "DT003") == []


def test_a_modification_time_source_dates_every_page(sites: dict[str, Path]) -> None:
    root = sites["modification-time"]
    hugo = _hugo_dates(root)
    for file in ("content/a.md", "content/2024-01-02-b.md"):
        assert hugo[file][0] != ZERO
        assert [m for m in _messages(root, file, "FM004") if "'date'" in m] == []


def test_date_order_says_never_shown_only_of_pages_hugo_does_not_build(
    sites: dict[str, Path],
) -> None:
    root = sites["build-future"]
    run_hugo(root, "-d", str(root / "public"))
    for file in ("equal", "before", "past"):
        shown = (root / "public" / file / "index.html").is_file()
        messages = _messages(root, f"content/{file}.md", "DT004")
        assert len(messages) == 1, messages
        if "never shown" in messages[0]:
            assert not shown, (file, messages)
        assert shown == (file != "past")
    assert "never shown" not in _messages(root, "content/equal.md", "DT004")[0]
