"""Peer round s21: what this session's rule docs promise, played on small ordinary sites.

Written as an outside tester with only `newslint rule CODE`, the README and DESIGN.md: file-not-found
(LK011) and page-not-found (LK010) must stay silent on what an ordinary Hugo site serves (static
files under a base path, a theme's files, bundles, `uglyURLs`, `[permalinks]`, languages in
folders, feeds and files templates publish) and report, at the URL, what hugo 0.168 does not write;
tracking-params' click redirects (LK005) and source-link-missing's credit lines (LK001) as their
docs word them. What Hugo writes was checked with the hugo 0.168 binary on the same sites.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newslint.cli import main
from newslint.site import clear_site_cache

SOURCE = "\n\n[Example News](https://example.org/news/a/)\n"
MISSING = "no file of the site is served at {!r}"
DEAD = "no page or file of the site is served at {!r}"
THEME = {
    "themes/t/layouts/_default/single.html": "{{ .Content }}",
    "themes/t/layouts/_default/list.html": "{{ .Content }}x",
    "themes/t/layouts/index.html": "home",
}


def page(body: str, title: str = "Story", extra: str = "") -> str:
    """An article whose body starts on line 6."""
    return f"---\ntitle: {title}\ndate: 2025-01-01\n{extra}---\n\n{body}{SOURCE}"


def check(
    root: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    files: dict[str, str],
    select: str = "LK010,LK011",
    *paths: str,
) -> list[tuple[str, int, int, str, str]]:
    """Write `files`, check the site with `select` and give (path, line, column, code, message)."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(root)
    clear_site_cache()
    args = ["check", *(paths or ("content",)), "--isolated", "--no-cache", "--select", select]
    main([*args, "--output-format", "json"])
    clear_site_cache()
    found: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    return sorted((d["path"], d["line"], d["column"], d["code"], d["message"]) for d in found)


# --- file-not-found: files Hugo Pipes publish -----------------------------------------------------

PIPES = {
    "hugo.toml": 'baseURL = "https://example.org/"\ntheme = "t"\n',
    **THEME,
    "themes/t/assets/images/logo.png": "png",
    "themes/t/assets/css/main.css": "body{}",
    "themes/t/assets/js/app.js": "var a = 1;",
    "themes/t/assets/scss/site.scss": "a{b:c}",
    "assets/images/unused.png": "png",
    # hugo 0.168 publishes /images/logo.png, /css/main.css, /js/app.min.js and /css/style.css.
    "themes/t/layouts/_default/baseof.html": (
        '<img src="{{ (resources.Get "images/logo.png").RelPermalink }}">'
        '<link href="{{ (resources.Get "css/main.css").RelPermalink }}">'
        '<script src="{{ (resources.Get "js/app.js" | minify).RelPermalink }}"></script>'
        '{{ $css := resources.Get "scss/site.scss" | toCSS (dict "targetPath" "css/style.css") }}'
        '<link href="{{ $css.RelPermalink }}">{{ block "main" . }}{{ end }}'
    ),
}


def test_files_the_theme_publishes_from_assets_are_served(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        "![a](/images/logo.png) [b](/css/main.css) [c](/js/app.min.js) [d](/css/style.css)\n\n"
        "![e](/images/gone.png) [f](/css/other/x.css)\n"
    )
    files = {**PIPES, "content/news/a.md": page(body)}
    assert check(tmp_path, monkeypatch, capsys, files, "LK011") == [
        ("content/news/a.md", 8, 6, "LK011", MISSING.format("/images/gone.png")),
        ("content/news/a.md", 8, 28, "LK011", MISSING.format("/css/other/x.css")),
    ]


def test_an_asset_is_no_file_of_the_site_where_no_template_uses_pipes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Without a template that calls `resources.`, hugo 0.168 publishes nothing of `assets/`.
    files = {
        "hugo.toml": 'baseURL = "https://example.org/"\ntheme = "t"\n',
        **THEME,
        "assets/images/unused.png": "png",
        "content/news/a.md": page("![a](/images/unused.png)\n"),
    }
    assert check(tmp_path, monkeypatch, capsys, files, "LK011") == [
        ("content/news/a.md", 6, 6, "LK011", MISSING.format("/images/unused.png")),
    ]
