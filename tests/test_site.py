"""Site awareness: finding the Hugo site of a file and reading what the rules need from its config."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.site import MAINROAD_WIDGETS, Site, find_root, load_site, site_for


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def site_at(root: Path) -> Site:
    found = find_root(root)
    assert found is not None
    return load_site(*found)


BULWARK_LIKE = """
theme = "mainroad"
TimeZone = "Asia/Shanghai"
defaultContentLanguage = "zh-CN"
BuildFuture = "true"
[markup.goldmark.renderer]
  unsafe = true
[taxonomies]
  tag = "tags"
  series = "series"
[languages.en]
  contentDir = "content/en"
  weight = 1
[languages.zh-CN]
  contentDir = "content/zh-CN"
  timeZone = "Asia/Taipei"
[languages.fr]
  weight = 3
"""


def test_reads_the_keys_the_rules_need(tmp_path: Path) -> None:
    write(tmp_path / "hugo.toml", BULWARK_LIKE)
    site = site_at(tmp_path / "content" / "en" / "news" / "a.md")
    assert site.root == tmp_path
    assert site.theme == "mainroad" and site.is_mainroad
    assert site.time_zone == "Asia/Shanghai"
    assert site.default_language == "zh-CN"
    assert site.build_future is True
    assert site.unsafe_html is True
    assert site.taxonomies == {"tag": "tags", "series": "series"}
    assert site.languages == {"en": "content/en", "zh-CN": "content/zh-CN"}
    assert site.language_names == ("en", "zh-CN", "fr")
    assert site.time_zone_for("zh-cn") == "Asia/Taipei"
    assert site.time_zone_for("en") == "Asia/Shanghai"
    assert site.time_zone_for(None) == "Asia/Shanghai"
    assert site.errors == []


def test_defaults_without_a_site(tmp_path: Path) -> None:
    assert find_root(tmp_path / "a.md") is None
    site = site_for(tmp_path / "a.md")
    assert site.root is None and site.time_zone is None and not site.is_mainroad
    assert site.taxonomies == {"category": "categories", "tag": "tags"}
    assert site.widgets == MAINROAD_WIDGETS
    assert site.language_of(tmp_path / "a.md") is None


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("config.toml", 'timeZone = "Europe/Oslo"\n'),
        ("hugo.yaml", "timezone: Europe/Oslo\n"),
        ("config.yml", "timeZone: Europe/Oslo\n"),
        ("hugo.json", json.dumps({"timeZone": "Europe/Oslo"})),
    ],
)
def test_config_file_names_and_formats(tmp_path: Path, name: str, text: str) -> None:
    write(tmp_path / name, text)
    found = find_root(tmp_path / "content" / "a.md")
    assert found == (tmp_path, tmp_path / name)
    assert load_site(*found).time_zone == "Europe/Oslo"


def test_nearest_site_wins(tmp_path: Path) -> None:
    write(tmp_path / "hugo.toml", 'timeZone = "UTC"\n')
    write(tmp_path / "docs" / "hugo.toml", 'timeZone = "Asia/Tokyo"\n')
    assert site_at(tmp_path / "docs" / "content" / "a.md").time_zone == "Asia/Tokyo"


def test_config_directory_parts_are_merged(tmp_path: Path) -> None:
    default = tmp_path / "config" / "_default"
    write(default / "hugo.toml", 'theme = "Mainroad"\n')
    write(
        default / "languages.toml",
        '[en]\ncontentDir = "content/en"\ntimeZone = "America/Chicago"\n',
    )
    write(default / "markup.yaml", "goldmark:\n  renderer:\n    unsafe: true\n")
    write(default / "params.en.toml", "not = [valid toml\n")  # per-language part: not read
    site = site_at(tmp_path / "content" / "en" / "a.md")
    assert site.config_path == default / "hugo.toml"
    assert site.is_mainroad
    assert site.languages == {"en": "content/en"}
    assert site.time_zone_for("en") == "America/Chicago"
    assert site.unsafe_html is True
    assert site.errors == []


def test_config_directory_without_a_main_file(tmp_path: Path) -> None:
    write(tmp_path / "config" / "_default" / "params.toml", "x = 1\n")
    write(tmp_path / "config" / "_default" / "taxonomies.toml", 'tag = "tags"\n')
    site = site_at(tmp_path / "content" / "a.md")
    assert site.root == tmp_path
    assert site.taxonomies == {"tag": "tags"}


def test_broken_config_is_reported_once_and_defaults_apply(tmp_path: Path) -> None:
    write(tmp_path / "hugo.toml", 'theme = "mainroad"\ntimeZone = [\n')
    site = site_at(tmp_path / "content" / "a.md")
    assert len(site.errors) == 1 and "cannot read the site configuration" in site.errors[0]
    assert site.root == tmp_path and site.time_zone is None and site.theme is None


def test_broken_config_part_keeps_the_rest(tmp_path: Path) -> None:
    default = tmp_path / "config" / "_default"
    write(default / "hugo.toml", 'timeZone = "UTC"\n')
    write(default / "languages.toml", "[en\n")
    site = site_at(tmp_path / "content" / "a.md")
    assert site.time_zone == "UTC"
    assert len(site.errors) == 1 and "languages.toml" in site.errors[0]


def test_unknown_time_zone_is_an_error_and_utc_is_used(tmp_path: Path) -> None:
    write(
        tmp_path / "hugo.toml",
        'timeZone = "Asia/Shangai"\n[languages.en]\ntimeZone = "Mars/Base"\n',
    )
    site = site_at(tmp_path / "content" / "a.md")
    assert site.time_zone is None and site.language_time_zones == {}
    assert any("'Asia/Shangai' is not a known time zone" in e for e in site.errors)
    assert any("languages.en.timeZone" in e for e in site.errors)


def test_local_time_zone_is_unknown(tmp_path: Path) -> None:
    write(tmp_path / "hugo.toml", 'timeZone = "Local"\n')
    site = site_at(tmp_path / "content" / "a.md")
    assert site.time_zone is None and site.errors == []


def test_theme_imported_as_a_module(tmp_path: Path) -> None:
    write(tmp_path / "hugo.toml", '[[module.imports]]\npath = "github.com/Vimux/Mainroad"\n')
    site = site_at(tmp_path / "content" / "a.md")
    assert site.theme == "github.com/Vimux/Mainroad" and site.is_mainroad


def test_theme_list_takes_the_first(tmp_path: Path) -> None:
    write(tmp_path / "hugo.toml", 'theme = ["mainroad", "extras"]\n')
    assert site_at(tmp_path / "content" / "a.md").theme == "mainroad"


def test_widgets_from_the_theme_on_disk_and_the_site(tmp_path: Path) -> None:
    write(tmp_path / "hugo.toml", 'theme = "mainroad"\n')
    theme = tmp_path / "themes" / "mainroad" / "layouts" / "partials" / "widgets"
    for name in ("recent", "search", "taglist"):
        write(theme / f"{name}.html", "")
    write(theme / "notes.txt", "")
    write(tmp_path / "layouts" / "_partials" / "widgets" / "weather.html", "")
    site = site_at(tmp_path / "content" / "a.md")
    assert site.widgets == ("recent", "search", "taglist", "weather")
    assert site.widgets_from_theme is True


def test_site_widgets_add_to_the_builtin_list_without_the_theme(tmp_path: Path) -> None:
    write(tmp_path / "hugo.toml", 'theme = "mainroad"\n')
    write(tmp_path / "layouts" / "partials" / "widgets" / "weather.html", "")
    site = site_at(tmp_path / "content" / "a.md")
    assert site.widgets == tuple(sorted((*MAINROAD_WIDGETS, "weather")))
    assert site.widgets_from_theme is False


def test_language_of_an_article(tmp_path: Path) -> None:
    write(tmp_path / "hugo.toml", BULWARK_LIKE)
    site = site_at(tmp_path)
    assert site.language_of(tmp_path / "content" / "zh-CN" / "news" / "a.md") == "zh-CN"
    assert site.language_of(tmp_path / "content" / "a.FR.md") == "fr"
    assert site.language_of(tmp_path / "content" / "a.md", ["ja"]) == "ja"
    assert site.language_of(tmp_path / "content" / "a.md") == "zh-CN"  # defaultContentLanguage


def test_content_dirs(tmp_path: Path) -> None:
    write(tmp_path / "hugo.toml", BULWARK_LIKE)
    for folder in ("content/en", "content/zh-CN", "content"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
    site = site_at(tmp_path)
    # fr has no contentDir of its own, so the site's `content` is linted too.
    assert site.content_dirs() == [
        tmp_path / "content",
        tmp_path / "content/en",
        tmp_path / "content/zh-CN",
    ]


def test_check_without_paths_lints_the_content_dirs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from newslint.cli import main

    write(tmp_path / "hugo.toml", '[languages.en]\ncontentDir = "content/en"\n')
    write(tmp_path / "content" / "en" / "a.md", '---\ndate: ""\n---\nBody.\n')
    write(tmp_path / "README.md", '---\ndate: ""\n---\nNot content.\n')
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / ".cache"))
    assert main(["check", "--no-cache", "--output-format", "json", "--select", "DT002"]) == 1
    found = json.loads(capsys.readouterr().out)
    assert [(d["path"], d["code"]) for d in found] == [("content/en/a.md", "DT002")]


def test_broken_site_config_warns_once_on_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from newslint.cli import main

    write(tmp_path / "hugo.toml", "theme = \n")
    for name in ("a", "b"):
        write(tmp_path / "content" / f"{name}.md", "---\ntitle: x\n---\nBody.\n")
    monkeypatch.chdir(tmp_path)
    main(["check", "--no-cache", "--select", "DT002", "content"])
    err = capsys.readouterr().err
    assert err.count("cannot read the site configuration") == 1
