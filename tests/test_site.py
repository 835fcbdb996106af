"""Site awareness: finding the Hugo site of a file and reading what the rules need from its config."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.site import MAINROAD_WIDGETS, Site, find_root, load_site, path_segment, site_for


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
    write(default / "menus.en.toml", '[[main]]\nname = "Home"\n')  # languages.en.menus
    site = site_at(tmp_path / "content" / "en" / "a.md")
    assert site.config_path == default / "hugo.toml"
    assert site.is_mainroad
    assert site.languages == {"en": "content/en"}
    assert site.time_zone_for("en") == "America/Chicago"
    assert site.unsafe_html is True
    assert site.errors == []


def test_yaml_configuration_between_document_markers(tmp_path: Path) -> None:
    """`---` above and below the keys (a real Thai/Indonesian site's config/_default files): the
    lower marker starts a second, empty document. Hugo 0.168 reads the first document, and fails
    on a syntax error in a later one."""
    default = tmp_path / "config" / "_default"
    write(default / "config.yaml", "---\ntimeZone: Asia/Bangkok\n---")
    write(default / "languages.yaml", '---\nth:\n  contentDir: "content/th"\n---\ntitle: x\n')
    write(default / "languages.en.yaml", '---\ncontentDir: "content/en"\n---\n')
    site = site_at(tmp_path / "content" / "th" / "a.md")
    assert site.errors == []
    assert site.time_zone == "Asia/Bangkok"
    assert site.languages == {"th": "content/th", "en": "content/en"}
    broken = tmp_path / "broken"
    write(broken / "config" / "_default" / "languages.yaml", "---\nth: {}\n---\ntitle: [\n")
    site = site_at(broken / "content" / "a.md")
    assert len(site.errors) == 1 and "languages.yaml" in site.errors[0]


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


def test_widgets_from_the_themes_dir(tmp_path: Path) -> None:
    """`themesDir` moves the themes folder (checked with hugo 0.168)."""
    write(tmp_path / "hugo.toml", 'themesDir = "../shared-themes"\ntheme = "mainroad"\n')
    theme = tmp_path.parent / "shared-themes" / "mainroad" / "layouts" / "partials" / "widgets"
    write(theme / "recent.html", "")
    write(tmp_path / "themes" / "mainroad" / "layouts" / "partials" / "widgets" / "old.html", "")
    site = site_at(tmp_path / "content" / "a.md")
    assert site.widgets == ("recent",) and site.widgets_from_theme is True


@pytest.mark.parametrize(
    ("config_name", "config"),
    [
        ("hugo.toml", 'theme = "mainroad"\n'),
        ("config.yaml", "theme: [mainroad]\n"),
        ("hugo.toml", '[[module.imports]]\npath = "mainroad"\n'),
    ],
)
def test_a_theme_component_imports_mainroad(tmp_path: Path, config_name: str, config: str) -> None:
    """A child theme whose own configuration names Mainroad (`theme`, or `module.imports`) brings
    it in: Hugo reads a component's `hugo.*`/`config.*` for its imports (checked with hugo 0.168),
    so the site is a Mainroad site with the widgets of both."""
    write(tmp_path / "hugo.toml", 'theme = "child"\n')
    write(tmp_path / "themes" / "child" / config_name, config)
    write(tmp_path / "themes" / "child" / "layouts" / "partials" / "widgets" / "weather.html", "")
    write(tmp_path / "themes" / "mainroad" / "layouts" / "partials" / "widgets" / "recent.html", "")
    site = site_at(tmp_path / "content" / "a.md")
    assert site.themes == ("child", "mainroad") and site.theme == "child"
    assert site.is_mainroad
    assert site.widgets == ("recent", "weather") and site.widgets_from_theme is True


def test_theme_toml_imports_nothing(tmp_path: Path) -> None:
    """A theme's `theme.toml` is its description, not configuration: Hugo imports nothing it
    names (checked with hugo 0.168); a component importing itself does not loop."""
    write(tmp_path / "hugo.toml", 'theme = "child"\n')
    write(tmp_path / "themes" / "child" / "theme.toml", 'theme = "mainroad"\n')
    write(tmp_path / "themes" / "child" / "hugo.toml", 'theme = "child"\n')
    site = site_at(tmp_path / "content" / "a.md")
    assert site.themes == ("child",) and not site.is_mainroad


def test_site_widgets_add_to_the_builtin_list_without_the_theme(tmp_path: Path) -> None:
    write(tmp_path / "hugo.toml", 'theme = "mainroad"\n')
    write(tmp_path / "layouts" / "partials" / "widgets" / "weather.html", "")
    site = site_at(tmp_path / "content" / "a.md")
    assert site.widgets == tuple(sorted((*MAINROAD_WIDGETS, "weather")))
    assert site.widgets_from_theme is False


@pytest.mark.parametrize(
    ("config", "on_disk", "unseen"),
    [
        ('theme = "mainroad"\n', (), False),
        ('theme = "Mainroad"\n', (), False),
        ('[[module.imports]]\npath = "github.com/Vimux/Mainroad"\n', (), False),
        ('theme = ["extras", "mainroad"]\n', (), True),
        ('theme = ["extras", "mainroad"]\n', ("extras",), False),
        ('theme = "mainroad-fork"\n', (), True),
        ('theme = "mainroad-fork"\n', ("mainroad-fork",), False),
    ],
)
def test_widgets_unseen_when_a_component_besides_mainroad_is_not_on_disk(
    tmp_path: Path, config: str, on_disk: tuple[str, ...], unseen: bool
) -> None:
    """A child theme or a fork that is not on disk may bring widgets of its own; Mainroad's
    own are the built-in list."""
    write(tmp_path / "hugo.toml", config)
    for name in on_disk:
        write(tmp_path / "themes" / name / "layouts" / "index.html", "")
    assert site_at(tmp_path / "content" / "a.md").widgets_unseen is unseen


def test_template_params_of_the_site_and_its_themes(tmp_path: Path) -> None:
    """The page parameters the templates read, from the site's `layouts/` and each theme
    component's on disk (the themes folder or `_vendor/`): `.Params.x`, `$.Params.x`,
    `.Page.Params.x`, `"Params.x"` in a `where`, `index`/`isset .Params "x"`, `.Param "x"`; not
    the site's own parameters (`.Site.Params.x`, `site.Params.x`)."""
    write(tmp_path / "hugo.toml", 'theme = "child"\n[module]\n[[module.imports]]\npath = "vend"\n')
    write(
        tmp_path / "layouts" / "events" / "list.html",
        "{{ with .Params.Category }}{{ . }}{{ end }}{{ $.Params.time }}\n"
        '{{ where .Pages "Params.featured" "eq" true }}{{ .Site.Params.logo }}\n',
    )
    write(
        tmp_path / "themes" / "child" / "layouts" / "_partials" / "cover.html",
        '{{ index .Params "cover" }}{{ isset .Params "toc" }}{{ .Page.Params.showtoc }}\n'
        '{{ .Param "math" }}{{ site.Params.footer }}{{ index site.Params "menu" }}\n',
    )
    write(tmp_path / "_vendor" / "vend" / "layouts" / "single.html", "{{ .Params.lead }}\n")
    write(tmp_path / "themes" / "other" / "layouts" / "single.html", "{{ .Params.stray }}\n")
    site = site_at(tmp_path / "content" / "a.md")
    assert site.template_params == {
        "category", "time", "featured", "cover", "toc", "showtoc", "math", "lead"
    }  # fmt: skip


def test_no_templates_no_template_params(tmp_path: Path) -> None:
    write(tmp_path / "hugo.toml", 'theme = "gone"\n')
    assert site_at(tmp_path / "content" / "a.md").template_params == frozenset()


def test_theme_configuration_merged_as_hugo_merges_it(tmp_path: Path) -> None:
    """A theme component's `params` (key by key), `outputFormats` and `mediaTypes` (name by name)
    reach the site, the site's values winning and then the first component's; its other maps
    (`markup`, `taxonomies`) and plain values (`timeZone`) do not (checked with hugo 0.168: a
    theme's `[params.sidebar] single` and `[outputFormats.print]` are the site's)."""
    write(
        tmp_path / "hugo.toml",
        'theme = ["child", "base"]\n[params]\nauthorbox = true\n[params.sidebar]\nhome = "right"\n'
        '[outputFormats.other]\nbaseName = "other"\n',
    )
    write(
        tmp_path / "themes" / "child" / "hugo.toml",
        'timeZone = "Asia/Tokyo"\n[params]\npager = true\n[params.sidebar]\nhome = "left"\n'
        'single = false\n[outputFormats.print]\nbaseName = "index.print"\n'
        '[markup.goldmark.renderer]\nunsafe = true\n[taxonomies]\nseries = "series"\n',
    )
    # A component's `config/_default/` folder is its configuration too.
    write(tmp_path / "themes" / "child" / "config" / "_default" / "params.toml", 'lead = "x"\n')
    write(
        tmp_path / "themes" / "base" / "config.toml",
        '[params]\npager = false\ntoc = true\n[mediaTypes."text/x-note"]\nsuffixes = ["note"]\n',
    )
    site = site_at(tmp_path / "content" / "a.md")
    assert site.raw["params"] == {
        "authorbox": True,
        "sidebar": {"home": "right", "single": False},
        "pager": True,
        "lead": "x",
        "toc": True,
    }
    assert set(site.raw["outputformats"]) == {"other", "print"}
    assert "text/x-note" in site.raw["mediatypes"]
    assert "markup" not in site.raw and site.taxonomies == {"category": "categories", "tag": "tags"}
    assert site.time_zone is None and site.unsafe_html is False


def test_a_sites_merge_setting_chooses_for_its_map(tmp_path: Path) -> None:
    """`_merge` on one of the site's maps overrides Hugo's default for it: `none` keeps the
    theme's `params` out, `deep` brings in its `markup`."""
    write(
        tmp_path / "hugo.toml",
        'theme = "child"\n[params]\n_merge = "none"\n[markup]\n_merge = "deep"\n',
    )
    write(
        tmp_path / "themes" / "child" / "hugo.toml",
        "[params]\npager = true\n[markup.goldmark.renderer]\nunsafe = true\n",
    )
    site = site_at(tmp_path / "content" / "a.md")
    assert "pager" not in site.raw["params"] and site.unsafe_html is True


def test_language_of_an_article(tmp_path: Path) -> None:
    write(tmp_path / "hugo.toml", BULWARK_LIKE)
    site = site_at(tmp_path)
    assert site.language_of(tmp_path / "content" / "zh-CN" / "news" / "a.md") == "zh-CN"
    assert site.language_of(tmp_path / "content" / "a.FR.md") == "fr"
    # Hugo ignores `lang` in front matter: the page is in the default language.
    assert site.language_of(tmp_path / "content" / "a.md", ["ja"]) == "zh-CN"
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


def test_root_file_and_config_directory_merge_key_by_key(tmp_path: Path) -> None:
    write(
        tmp_path / "hugo.toml",
        'theme = "mainroad"\ntimeZone = "Asia/Tokyo"\n[languages.en]\ncontentDir = "content/en"\n',
    )
    write(tmp_path / "config" / "_default" / "hugo.toml", 'TimeZone = "Europe/Paris"\n')
    write(tmp_path / "config" / "_default" / "languages.toml", '[en]\ntimeZone = "Asia/Tokyo"\n')
    site = site_at(tmp_path / "content" / "a.md")
    assert site.config_path == tmp_path / "hugo.toml"
    assert (site.theme, site.time_zone) == ("mainroad", "Europe/Paris")
    assert site.languages == {"en": "content/en"}
    assert site.time_zone_for("en") == "Asia/Tokyo"


def test_environment_folder_wins_and_follows_hugo_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "config" / "_default" / "hugo.toml", 'timeZone = "Europe/Paris"\n')
    write(tmp_path / "config" / "production" / "hugo.toml", 'timeZone = "America/Chicago"\n')
    write(tmp_path / "config" / "staging" / "params.toml", "x = 1\n")
    write(tmp_path / "config" / "staging" / "hugo.toml", 'timeZone = "Asia/Kolkata"\n')
    for variable in ("HUGO_ENVIRONMENT", "HUGO_ENV"):
        monkeypatch.delenv(variable, raising=False)
    assert site_at(tmp_path).time_zone == "America/Chicago"  # `hugo` builds for production
    monkeypatch.setenv("HUGO_ENV", "staging")
    assert site_at(tmp_path).time_zone == "Asia/Kolkata"
    monkeypatch.setenv("HUGO_ENVIRONMENT", "development")  # no folder: _default only
    assert site_at(tmp_path).time_zone == "Europe/Paris"


def test_hugo_environment_variables_override_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "hugo.toml", 'timeZone = "Europe/Paris"\n[markup.goldmark.renderer]\n')
    monkeypatch.setenv("HUGO_TIMEZONE", "Asia/Tokyo")
    monkeypatch.setenv("HUGO_BUILDFUTURE", "true")
    monkeypatch.setenv("HUGOxMARKUPxGOLDMARKxRENDERERxUNSAFE", "true")
    site = site_at(tmp_path)
    assert (site.time_zone, site.build_future, site.unsafe_html) == ("Asia/Tokyo", True, True)


def test_default_language_as_hugo_picks_it(tmp_path: Path) -> None:
    write(tmp_path / "a" / "hugo.toml", "[languages.zh]\nweight = 0\n[languages.ja]\nweight = 3\n")
    assert site_at(tmp_path / "a").default_language == "ja"
    write(tmp_path / "b" / "hugo.toml", "[languages.zh]\nweight = 1\n[languages.en]\nweight = 2\n")
    assert site_at(tmp_path / "b").default_language == "en"
    write(tmp_path / "c" / "hugo.toml", 'defaultContentLanguage = "zh-cn"\n[languages.zh-CN]\n')
    assert site_at(tmp_path / "c").default_language == "zh-CN"  # spelled as the language's key


def test_locales(tmp_path: Path) -> None:
    write(
        tmp_path / "hugo.toml",
        'languageCode = "ja"\n[languages.en]\nweight = 1\n[languages.de]\nlocale = "de-AT"\n'
        "[languages.fr]\nweight = 3\n",
    )
    site = site_at(tmp_path)
    assert site.locale_for("en") == "ja"  # the site-level one is the default language's
    assert site.locale_for("DE") == "de-AT"
    assert site.locale_for("fr") == "fr"
    assert site.locale_for(None) is None


def test_language_of_follows_hugo(tmp_path: Path) -> None:
    write(
        tmp_path / "hugo.toml",
        '[languages.en]\ncontentDir = "content/en"\n[languages.fr]\ncontentDir = "content/fr"\n',
    )
    site = site_at(tmp_path)
    content = tmp_path / "content"
    assert site.language_of(content / "en" / "b.fr.md") == "fr"  # the file name wins
    assert site.language_of(content / "en" / "g.de.md") == "en"  # de is no language of the site
    assert site.language_of(content / "en" / "h.md", "fr") == "en"  # `lang` is ignored
    write(tmp_path / "mono" / "hugo.toml", 'title = "monolingual"\n')
    site = site_at(tmp_path / "mono")
    assert site.language_of(tmp_path / "mono" / "content" / "b.fr.md") == "en"
    assert site.language_of(tmp_path / "mono" / "content" / "c.EN.md") == "en"


def test_theme_components(tmp_path: Path) -> None:
    write(
        tmp_path / "hugo.toml",
        'theme = "hugo-shortcodes, mainroad"\n[[module.imports]]\npath = "github.com/x/extras"\n',
    )
    write(tmp_path / "themes" / "hugo-shortcodes" / "layouts" / "partials" / "x.html", "")
    for name in ("recent", "search"):
        write(
            tmp_path / "themes" / "mainroad" / "layouts" / "partials" / "widgets" / f"{name}.html",
            "",
        )
    site = site_at(tmp_path)
    assert site.themes == ("hugo-shortcodes", "mainroad", "github.com/x/extras")
    assert site.theme == "hugo-shortcodes" and site.is_mainroad
    assert site.widgets == ("recent", "search") and site.widgets_from_theme


def test_content_hugo_never_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # What hugo 0.168 builds from this site: a.md, c.de.md, h.es.md (the page `h.es` in en) and
    # content/de/i.md; not b.fr.md, content/fr/* (d.en.md too), secret-e.md, f.skip.md, drafts/.
    write(
        tmp_path / "hugo.toml",
        'disableLanguages = ["fr"]\nignoreFiles = ["secret", "\\\\.skip\\\\.md\\\\z", "drafts$"]\n'
        '[languages.en]\n[languages.fr]\ncontentDir = "content/fr"\n'
        '[languages.de]\ncontentDir = "content/de"\n',
    )
    site = site_at(tmp_path)
    content = tmp_path / "content"
    built = ["news/a.md", "news/c.de.md", "news/h.es.md", "news/b.fr.de.md", "news/f.skip.md.x"]
    skipped = ["news/b.fr.md", "news/b.FR.md", "news/secret-e.md", "news/f.skip.md"]
    skipped += ["fr/d.md", "fr/d.en.md", "drafts/g.md"]
    assert [p for p in built + skipped if site.hugo_skips(content / p)] == skipped
    assert site.hugo_skips(content / "drafts", is_dir=True)  # the folder is not entered
    assert not site.hugo_skips(content / "de", is_dir=True)
    assert site.hugo_skips(content / "fr", is_dir=True)
    assert site.content_dirs() == []  # none exists yet
    (content / "fr").mkdir(parents=True)
    (content / "de").mkdir()
    assert site.content_dirs() == [content, content / "de"]
    assert site.errors == []


def test_disabled_languages_match_lower_case_keys_and_environment_lists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Hugo lower-cases language keys and compares disableLanguages with them as written: "FR" and
    # "zh-CN" disable nothing, "zh-cn" does; a lone string is a list of one.
    write(tmp_path / "hugo.toml", 'disableLanguages = ["FR", "zh-CN"]\n[languages.fr]\n')
    write(tmp_path / "config" / "staging" / "hugo.toml", 'disableLanguages = "zh-cn"\n')
    write(tmp_path / "config" / "_default" / "languages.toml", "[en]\n[zh-CN]\n")
    for variable in ("HUGO_ENVIRONMENT", "HUGO_ENV"):
        monkeypatch.delenv(variable, raising=False)
    names = ("a.fr.md", "a.zh-cn.md", "a.zh-CN.md", "a.md")
    site = site_at(tmp_path)
    assert [n for n in names if site.hugo_skips(tmp_path / "content" / n)] == []
    monkeypatch.setenv("HUGO_ENVIRONMENT", "staging")
    site = site_at(tmp_path)
    assert site.disabled_languages == {"zh-cn"}
    assert [n for n in names if site.hugo_skips(tmp_path / "content" / n)] == [
        "a.zh-cn.md",
        "a.zh-CN.md",
    ]
    # `HUGO_DISABLELANGUAGES="fr zh-cn"` is split at spaces, as Hugo splits it.
    monkeypatch.setenv("HUGO_DISABLELANGUAGES", "fr zh-cn")
    monkeypatch.setenv("HUGO_IGNOREFILES", "^/nowhere/ secret")
    site = site_at(tmp_path)
    assert site.disabled_languages == {"fr", "zh-cn"}
    assert [p.pattern for p in site.ignore_files] == ["^/nowhere/", "secret"]


def test_hugo_refuses_a_disabled_default_language_and_a_bad_pattern(tmp_path: Path) -> None:
    config = write(
        tmp_path / "hugo.toml",
        'disableLanguages = ["en"]\nignoreFiles = ["([", "keep"]\n[languages.en]\n[languages.fr]\n',
    )
    site = site_at(tmp_path)
    assert site.errors == [
        f"{config}: disableLanguages disables the default language 'en' (Hugo cannot build)",
        f"{config}: ignoreFiles pattern '([' does not compile: "
        "unterminated character set at position 1 (Hugo cannot build)",
    ]
    assert [p.pattern for p in site.ignore_files] == ["keep"]


@pytest.mark.parametrize(
    ("name", "segment"),
    [
        ("Source_00.en", "source_00.en"),  # kept whole, lower-cased
        ("a+b~c@d#e\\f/g", "a+b~c@d#e\\f/g"),
        ("S&P 500", "sp-500"),  # the character by character way from here on
        ("50%2F50%zz", "50%2f50zz"),
        ("Ünïcode Straße", "ünïcode-straße"),
    ],
)
def test_path_segment(name: str, segment: str) -> None:
    assert path_segment(name) == segment


@pytest.mark.parametrize(
    ("files", "docs"),
    [
        ({}, False),
        # hugo 0.168 draws a page of type `docs` with these (a theme's too), and wraps the
        # default `single` in `docs/baseof.html`; a list template draws the section alone
        ({"layouts/docs/single.html": ""}, True),
        ({"themes/t/layouts/docs/page.amp.html": ""}, True),
        ({"layouts/docs/guide/baseof.html": ""}, True),
        ({"layouts/docs/list.html": "", "layouts/partials/docs/menu.html": ""}, False),
    ],
)
def test_docs_layouts_are_the_templates_of_docs_pages(
    tmp_path: Path, files: dict[str, str], docs: bool
) -> None:
    (tmp_path / "hugo.toml").write_text('theme = "t"\n')
    (tmp_path / "themes/t/layouts").mkdir(parents=True)
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    assert load_site(tmp_path, tmp_path / "hugo.toml").docs_layouts is docs


def test_a_theme_not_on_disk_may_have_docs_layouts(tmp_path: Path) -> None:
    (tmp_path / "hugo.toml").write_text('theme = "github.com/x/newsy"\n')
    assert load_site(tmp_path, tmp_path / "hugo.toml").docs_layouts is True


@pytest.mark.parametrize(
    ("files", "docs"),
    [
        # Doks mounts its templates from `node_modules/` (hugo 0.168 draws `docs/` pages with a
        # mounted `docs/single.html`); not installed, they cannot be read
        ({"node_modules/doks/layouts/docs/single.html": ""}, True),
        ({"node_modules/doks/layouts/_default/single.html": ""}, False),
        ({}, True),
    ],
)
def test_docs_layouts_mounted_into_layouts(
    tmp_path: Path, files: dict[str, str], docs: bool
) -> None:
    (tmp_path / "hugo.toml").write_text(
        '[[module.mounts]]\nsource = "node_modules/doks/layouts"\ntarget = "layouts"\n'
    )
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    assert load_site(tmp_path, tmp_path / "hugo.toml").docs_layouts is docs


@pytest.mark.parametrize(
    ("config", "hugo"),
    [
        # Zola's own configuration: `base_url`, which it requires and Hugo does not read.
        ('base_url = "https://example.org"\ntitle = "Maps"\n', False),
        ('# site\nbase_url   = "https://example.org"\n[extra]\nbaseURL = "x"\n', False),
        # Hugo's `baseURL` in any case, quoted or not, wins.
        ('baseURL = "https://example.org/"\nbase_url = "x"\n', True),
        ('"baseurl" = "https://example.org/"\n', True),
        # A `base_url` inside a table is a parameter, not Zola's key.
        ('title = "News"\n[params]\nbase_url = "https://example.org"\n', True),
        ('title = "News"\n', True),
    ],
)
def test_a_zola_config_toml_makes_no_hugo_site(tmp_path: Path, config: str, hugo: bool) -> None:
    (tmp_path / "config.toml").write_text(config, encoding="utf-8")
    article = tmp_path / "content" / "blog" / "a.md"
    article.parent.mkdir(parents=True)
    article.write_text("---\ntitle: A\n---\n", encoding="utf-8")
    assert find_root(article) == ((tmp_path, tmp_path / "config.toml") if hugo else None)
    assert (site_for(article).root == tmp_path) is hugo


def test_content_files_on_disk_counts_every_format_up_to_a_limit(tmp_path: Path) -> None:
    from newslint.site import content_files_on_disk

    for name in ("a.md", "news/b.MD", "news/c.html", "news/d/index.org", "news/d/photo.jpg"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    roots = [(str(tmp_path), ""), (str(tmp_path), "")]  # a folder given twice counts once
    assert content_files_on_disk(roots, 4) == 4
    assert content_files_on_disk(roots, 3) is None  # more than the limit: the walk stops
    (tmp_path / "news" / "_content.gotmpl").write_text("", encoding="utf-8")
    assert content_files_on_disk(roots, 10) is None  # an adapter adds pages no file names


def test_content_files_on_disk_counts_a_leaf_bundle_by_its_index_files(tmp_path: Path) -> None:
    """Hugo makes no page of a leaf bundle's resources, whatever their format (`notes.md`,
    `index.cn.md` on a site without `cn`, `sub/index.md`), and a run does not lint them."""
    from newslint.site import content_files_on_disk

    for name in (
        "index.md",  # the content folder itself is no bundle: its files all count
        "a.md",
        "news/d/index.md",
        "news/d/index.fr.md",
        "news/d/index.cn.md",
        "news/d/notes.md",
        "news/d/sub/index.md",
        "news/e/_index.md",
        "news/e/f.md",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    roots = [(str(tmp_path), "")]
    assert content_files_on_disk(roots, 10, frozenset({"en", "fr"})) == 6
    assert content_files_on_disk(roots, 10) == 5  # without `fr`, `index.fr.md` is a resource
