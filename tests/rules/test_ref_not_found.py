from __future__ import annotations

from pathlib import Path

import pytest

from newslint import Severity
from newslint.document import Document
from newslint.engine import lint_document
from newslint.rules.ref_not_found import RefNotFound
from newslint.runner import project_end
from newslint.site import Site
from newslint.testing import Case, _ruleset, fm, lint_project

SITE = Site(root=Path("/nonexistent-site"))
ROOT = "/nonexistent-site/content"
MISSING = "no page {!r} for this ref: hugo fails the build (REF_NOT_FOUND)"


def ref_article(body: str) -> str:
    return fm(title="Vote", body=body)


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ('[a]({{< ref "/news/budjet.md" >}})\n', [(5, 14, MISSING.format("/news/budjet.md"))]),
        ('[a]({{< ref "/news/budget.md" >}})\n', []),
        (
            '[a]({{< relref "../news/budjet#vote" >}})\n',
            [(5, 17, MISSING.format("../news/budjet"))],
        ),
        ('[a]({{% relref path="./budjet.md" %}})\n', [(5, 22, MISSING.format("./budjet.md"))]),
        # Hugo drops any extension, and compares without regard to case
        ('[a]({{< ref "./Budget.html" >}}) [b]({{< ref "/NEWS/budget/" >}})\n', []),
        # hugo 0.168 stops a relative path's `..` at the content root (`path.Join`), not an
        # absolute path's
        ('[a]({{< ref "../../news/budget.md" >}}) [b]({{< ref "../../../news/budget" >}})\n', []),
        (
            '[a]({{< ref "/../news/budget.md" >}})\n',
            [(5, 14, MISSING.format("/../news/budget.md"))],
        ),
        # read as a URL: a query dropped, `%20` decoded
        ('[a]({{< ref "/news/budget?x=1" >}}) [b]({{< ref "./my%20story" >}})\n', []),
        # a bare name may be any page's base name, or a term; a taxonomy's pages; a fragment of
        # this page; another language's page; a call written out, not run
        ('[a]({{< ref "budjet.md" >}}) [b]({{< ref "/tags/nope" >}})\n', []),
        ('[a]({{< ref "#vote" >}}) [b]({{< ref path="/x/y" lang="fr" >}})\n', []),
        ('`{{</* ref "/x/y" */>}}` {{< ref "/x/y"\n', []),
        # raw HTML the site does not render: Goldmark omits it, Hugo never runs a `{{< >}}` call
        ('<!-- {{< ref "/x/y" >}} -->\n\n<div>{{< ref "/x/z" >}}</div>\n', []),
        ('<!-- {{% ref "/x/y" %}} -->\n', [(5, 15, MISSING.format("/x/y"))]),
    ],
)
def test_ref_paths(body: str, found: list[tuple[int, int, str]]) -> None:
    path = f"{ROOT}/news/a.md"
    files = {
        f"{ROOT}/news/budget.md": fm(title="Budget"),
        f"{ROOT}/news/my story.md": fm(title="Story"),
        path: ref_article(body),
    }
    assert lint_project(RefNotFound, files, site=SITE) == [(path, *f) for f in found]


def test_bundle_and_section_pages() -> None:
    files = {
        f"{ROOT}/news/budget/index.md": fm(title="Budget"),
        f"{ROOT}/world/_index.md": fm(title="World"),
        f"{ROOT}/a.md": ref_article(
            '{{< ref "news/budget" >}} {{< ref "/world/_index.md" >}} {{< ref "world/asia" >}}\n'
        ),
    }
    assert lint_project(RefNotFound, files, site=SITE) == [
        (f"{ROOT}/a.md", 5, 67, MISSING.format("world/asia"))
    ]


def test_warning_level_follows_the_site() -> None:
    raw = {"reflinkserrorlevel": "WARNING", "reflinksnotfoundurl": "/404/"}
    site = Site(root=Path("/nonexistent-site"), raw=raw)
    files = {f"{ROOT}/a.md": ref_article('{{< ref "/news/budjet" >}}\n')}
    ruleset = _ruleset(RefNotFound, Case("project", ""))
    results = [lint_document(Document.from_text(t, p, site), ruleset) for p, t in files.items()]
    found = [(d.line, d.column, d.severity, d.message) for d in project_end(results, ruleset)]
    message = "no page '/news/budjet' for this ref: hugo warns (REF_NOT_FOUND) and links to '/404/'"
    assert found == [(5, 10, Severity.WARNING, message)]


def test_the_disk_is_looked_at_when_the_run_ends(tmp_path: Path) -> None:
    """A pre-commit hook given one article: a page on disk but not in the run is found (any
    content file, a bundle's folder); one added after the article's result was made (a cached
    one) too; a content adapter may make any page."""
    site = Site(root=tmp_path)
    news = tmp_path / "content" / "News"
    news.mkdir(parents=True)
    (news / "Old.html").write_text("<p>old</p>\n", encoding="utf-8")
    (news / "bundle").mkdir()
    body = '{{< ref "old" >}} {{< ref "/news/bundle" >}} {{< ref "./new.md" >}}\n'
    path = str(news / "a.md")
    ruleset = _ruleset(RefNotFound, Case("project", ""))
    results = [lint_document(Document.from_text(ref_article(body), path, site), ruleset)]
    found = [(d.line, d.column, d.message) for d in project_end(results, ruleset)]
    assert found == [(5, 55, MISSING.format("./new.md"))]
    (news / "new.fr.md").write_text(fm(title="Nouveau"), encoding="utf-8")
    assert project_end(results, ruleset) == []
    (news / "new.fr.md").unlink()
    assert len(project_end(results, ruleset)) == 1
    (tmp_path / "content" / "_content.gotmpl").write_text("", encoding="utf-8")
    assert project_end(results, ruleset) == []


def test_a_theme_module_not_on_disk_may_hold_the_page() -> None:
    site = Site(root=Path("/nonexistent-site"), themes=("github.com/x/theme",))
    files = {f"{ROOT}/a.md": ref_article('{{< ref "/news/budjet" >}}\n')}
    assert lint_project(RefNotFound, files, site=site) == []
    site = Site(root=Path("/nonexistent-site"), themes=("mainroad",))
    assert len(lint_project(RefNotFound, files, site=site)) == 1


def test_a_real_run_with_workers_cache_few_files_and_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A pre-commit hook given the article alone does not report the page on disk it refers to;
    the missing one it does, with and without `--project`, from the cache too; a page written
    after the article's result was cached is found."""
    from newslint.cli import main

    (tmp_path / "hugo.toml").write_text('title = "t"\n', encoding="utf-8")
    news = tmp_path / "content" / "news"
    news.mkdir(parents=True)
    (news / "budget.md").write_text(fm(title="Budget"), encoding="utf-8")
    body = '[a]({{< ref "./budget.md" >}}) [b]({{< ref "/news/vote.md" >}})\n'
    (news / "a.md").write_text(ref_article(body), encoding="utf-8")
    for number in range(120):  # enough files for the worker pool
        (news / f"other{number}.md").write_text(fm(title=f"T{number}"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    line = (
        "content/news/a.md:5:45: LK009 [ref-not-found] no page '/news/vote.md' for this ref:"
        " hugo fails the build (REF_NOT_FOUND)\n"
    )
    check = ["check", "--select", "LK009", "--output-format", "concise"]
    runs = [
        ["--jobs", "2"],
        ["--jobs", "2"],
        ["content/news/a.md"],
        ["--project", "content/news/a.md"],
    ]
    for extra in runs:  # cold, then warm (from the cache)
        assert main([*check, *extra]) == 1
        assert capsys.readouterr().out == line
    (news / "vote.md").write_text(fm(title="Vote"), encoding="utf-8")
    for extra in (["content/news/a.md"], ["--jobs", "2"]):
        assert main([*check, *extra]) == 0
        assert capsys.readouterr().out == ""


def test_a_languages_own_level_comes_first() -> None:
    """hugo 0.168: `[languages.en] refLinksErrorLevel` over the site's, `refLinksNotFoundURL` too."""
    raw = {
        "reflinkserrorlevel": "warning",
        "reflinksnotfoundurl": "/root/",
        "languages": {"en": {"reflinkserrorlevel": "error"}, "fr": {"reflinksnotfoundurl": "/fr/"}},
    }
    site = Site(root=Path("/nonexistent-site"), raw=raw, language_names=("en", "fr"))
    files = {
        f"{ROOT}/a.md": ref_article('{{< ref "/news/budjet" >}}\n'),
        f"{ROOT}/b.fr.md": ref_article('{{< ref "/news/budjet" >}}\n'),
    }
    warned = "no page '/news/budjet' for this ref: hugo warns (REF_NOT_FOUND) and links to '/fr/'"
    assert lint_project(RefNotFound, files, site=site) == [
        (f"{ROOT}/a.md", 5, 10, MISSING.format("/news/budjet")),
        (f"{ROOT}/b.fr.md", 5, 10, warned),
    ]


def test_raw_html_rendered() -> None:
    site = Site(root=Path("/nonexistent-site"), unsafe_html=True)
    # In an HTML comment too (hugo 0.168 runs the call there when the site renders raw HTML).
    files = {
        f"{ROOT}/a.md": ref_article('<div>{{< ref "/x/z" >}}</div> <!-- {{< ref "/x/y" >}} -->\n')
    }
    assert lint_project(RefNotFound, files, site=site) == [
        (f"{ROOT}/a.md", 5, 15, MISSING.format("/x/z")),
        (f"{ROOT}/a.md", 5, 45, MISSING.format("/x/y")),
    ]


@pytest.mark.parametrize(
    ("fields", "found"),
    [
        ({"headless": True}, []),
        ({"build": {"render": "never", "list": "never"}}, []),
        # listed, its content goes into the RSS feed: hugo 0.168 runs the call and fails
        ({"build": {"render": "never"}}, [(7, 10, MISSING.format("/news/budjet.md"))]),
    ],
)
def test_a_page_readers_never_see_runs_no_call(
    fields: dict[str, object], found: list[tuple[int, int, str]]
) -> None:
    # hugo 0.168 builds a headless page without REF_NOT_FOUND: its calls run only if a template
    # shows its content, which newslint cannot tell
    path = f"{ROOT}/news/a.md"
    files = {path: fm(title="Vote", body='{{< ref "/news/budjet.md" >}}\n', **fields)}
    assert lint_project(RefNotFound, files, site=SITE) == [(path, *f) for f in found]


def test_a_leaf_bundles_resource_runs_no_call(tmp_path: Path) -> None:
    bundle = tmp_path / "content" / "news" / "vote"
    bundle.mkdir(parents=True)
    (bundle / "index.md").write_text(fm(title="Vote"))
    resource = str(bundle / "notes.md")
    files = {resource: fm(title="Notes", body='{{< ref "/news/budjet.md" >}}\n')}
    assert lint_project(RefNotFound, files, site=Site(root=tmp_path)) == []


def unbuilt(page: str, why: str) -> str:
    return f"page {page!r} is {why}, which hugo does not build: it fails the build (REF_NOT_FOUND)"


@pytest.mark.parametrize(
    ("fields", "why"),
    [
        ({"draft": True}, "a draft"),
        ({"draft": "true"}, "a draft"),
        ({"date": "2099-01-01"}, "dated in the future"),
        ({"publishDate": "2099-01-01"}, "dated in the future"),
        ({"expiryDate": "2001-01-01"}, "expired"),
    ],
)
def test_a_page_hugo_does_not_build(fields: dict[str, object], why: str) -> None:
    """hugo 0.168 fails with REF_NOT_FOUND for a page it does not build (not with `-D`, `-F`,
    `-E` or the site's `buildDrafts`, `buildFuture`, `buildExpired`)."""
    files = {
        f"{ROOT}/news/budget.md": fm(title="Budget", **fields),
        f"{ROOT}/news/a.md": ref_article('{{< ref "./budget.md#vote" >}}\n'),
    }
    assert lint_project(RefNotFound, files, site=SITE) == [
        (f"{ROOT}/news/a.md", 5, 10, unbuilt("./budget.md", why))
    ]
    built = Site(root=SITE.root, raw={"builddrafts": True}, build_future=True, build_expired=True)
    assert lint_project(RefNotFound, files, site=built) == []


def test_a_page_not_built_referred_to_from_one_not_built() -> None:
    """A future page is not rendered: its refs fail nothing now. A draft is rendered by
    `hugo -D`, which builds the draft it refers to, not a future page (checked with the binary)."""
    files = {
        f"{ROOT}/news/draft.md": fm(title="Draft", draft=True),
        f"{ROOT}/news/later.md": fm(title="Later", date="2099-01-01"),
        f"{ROOT}/news/a.md": fm(
            title="A", draft=True, body='{{< ref "/news/draft" >}} {{< ref "/news/later" >}}\n'
        ),
        f"{ROOT}/news/b.md": fm(title="B", date="2099-01-02", body='{{< ref "/news/draft" >}}\n'),
    }
    assert lint_project(RefNotFound, files, site=SITE) == [
        (f"{ROOT}/news/a.md", 6, 36, unbuilt("/news/later", "dated in the future"))
    ]


def test_a_bare_name_of_several_pages() -> None:
    """hugo 0.168 looks a bare name up as a path from the page's folder and from the root, then
    as the base name of a page: it fails when several built pages have it (a draft does not
    count, nor a bundle's resource); one it finds on a path first is no lookup by name."""
    top = f"{ROOT}/a.md"
    files = {
        f"{ROOT}/news/vote.md": fm(title="Vote"),
        f"{ROOT}/world/vote/index.md": fm(title="Vote"),
        f"{ROOT}/news/old.md": fm(title="Old"),
        f"{ROOT}/world/old.md": fm(title="Old", draft=True),
        top: ref_article('{{< ref "vote" >}} {{< ref "Vote.md" >}} {{< ref "old" >}}\n'),
        f"{ROOT}/news/b.md": ref_article('{{< ref "vote" >}}\n'),
    }
    message = (
        "'{}' is the base name of 2 pages ({}/news/vote.md, {}/world/vote/index.md): hugo fails"
        " the build (REF_NOT_FOUND, ambiguous)"
    )
    assert lint_project(RefNotFound, files, site=SITE) == [
        (top, 5, 10, message.format("vote", ROOT, ROOT)),
        (top, 5, 29, message.format("Vote.md", ROOT, ROOT)),
    ]


def test_two_files_of_one_page_are_no_two_pages_of_a_name() -> None:
    """`news/vote.md` and `news/vote.en.md` are one page to hugo 0.168 (it keeps one file;
    duplicate-url reports the pair): `ref "vote"` finds it, no ambiguity."""
    site = Site(root=SITE.root, language_names=("en",), default_language="en")
    files = {
        f"{ROOT}/news/vote.md": fm(title="Vote"),
        f"{ROOT}/news/vote.en.md": fm(title="Vote"),
        f"{ROOT}/a.md": ref_article('{{< ref "vote" >}}\n'),
    }
    assert lint_project(RefNotFound, files, site=site) == []


def test_a_bare_name_found_nowhere_is_left_alone() -> None:
    """Where the run may not hold every page of the site (here no site on disk to count them),
    it may be a page not in the run, or a taxonomy term one of those carries (`ref "politics"`
    finds the term page: hugo 0.168)."""
    files = {f"{ROOT}/a.md": ref_article('{{< ref "politics" >}}\n')}
    assert lint_project(RefNotFound, files, site=SITE) == []


def test_refs_to_another_language() -> None:
    """`lang="fr"`: a French page (hugo 0.168 looks among the French pages only); a language
    the site lacks: left alone; an
    output format: the path is looked for all the same (hugo 0.168: "page not found")."""
    site = Site(root=SITE.root, language_names=("en", "fr"), default_language="en")
    body = (
        '{{< ref path="/news/budget" lang="fr" >}} {{< ref path="/news/nope" lang="fr" >}}'
        ' {{< ref path="/news/nope" lang="de" >}} {{< ref path="/nope" outputFormat="amp" >}}\n'
    )
    files = {
        f"{ROOT}/news/budget.fr.md": fm(title="Budget"),
        f"{ROOT}/a.md": ref_article(body),
    }
    assert lint_project(RefNotFound, files, site=site) == [
        (f"{ROOT}/a.md", 5, 57, MISSING.format("/news/nope")),
        (f"{ROOT}/a.md", 5, 137, MISSING.format("/nope")),
    ]


def test_a_bundles_resource_has_no_base_name(tmp_path: Path) -> None:
    """hugo 0.168: `news/bun/res.md` is a resource of the bundle `news/bun`, no page, and `ref
    "res"` finds `other/res.md` alone; `ref "bun"` finds the bundle and `other/bun.md`."""
    content = tmp_path / "content"
    files = {
        "news/bun/index.md": fm(title="Bundle"),
        "news/bun/res.md": fm(title="Resource"),
        "other/res.md": fm(title="Res"),
        "other/bun.md": fm(title="Bun"),
        "a.md": ref_article('{{< ref "res" >}} {{< ref "bun" >}}\n'),
    }
    for name, text in files.items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(text, encoding="utf-8")
    paths = {str(content / name): text for name, text in files.items()}
    bundle, other = content / "news/bun/index.md", content / "other/bun.md"
    message = (
        f"'bun' is the base name of 2 pages ({bundle}, {other}): hugo fails the build"
        " (REF_NOT_FOUND, ambiguous)"
    )
    assert lint_project(RefNotFound, paths, site=Site(root=tmp_path)) == [
        (str(content / "a.md"), 5, 28, message)
    ]


@pytest.mark.parametrize("dirs", [False, True], ids=["by-name", "by-content-dir"])
def test_a_page_on_disk_counts_in_its_own_language_only(tmp_path: Path, dirs: bool) -> None:
    """A pre-commit hook given one English article: hugo 0.168 finds only English pages (the
    oracle: test_ref_not_found_oracle), so a French file on disk is no page for it, whether its
    name says French (`budget.fr.md`) or its folder (`contentDir = "content/fr"`)."""
    languages = {"en": "content/en", "fr": "content/fr"} if dirs else {}
    site = Site(
        root=tmp_path, language_names=("en", "fr"), default_language="en", languages=languages
    )
    english = tmp_path / "content" / ("en" if dirs else "") / "news"
    french = tmp_path / "content" / ("fr" if dirs else "") / "news"
    for folder in (english, french):
        folder.mkdir(parents=True, exist_ok=True)
    (french / ("budget.md" if dirs else "budget.fr.md")).write_text(fm(title="B"), "utf-8")
    (english / "vote.md").write_text(fm(title="V"), "utf-8")
    (french / ("both.md" if dirs else "both.fr.md")).write_text(fm(title="B"), "utf-8")
    (english / ("both.md" if dirs else "both.en.md")).write_text(fm(title="B"), "utf-8")
    body = '{{< ref "/news/budget" >}} {{< ref "/news/vote" >}} {{< ref "/news/both" >}}\n'
    path = str(english / "a.md")
    ruleset = _ruleset(RefNotFound, Case("project", ""))
    results = [lint_document(Document.from_text(ref_article(body), path, site), ruleset)]
    found = [(d.line, d.column, d.message) for d in project_end(results, ruleset)]
    assert found == [(5, 10, MISSING.format("/news/budget"))]
    # From a French page, `vote` (English) is the missing one.
    path = str(french / ("a.md" if dirs else "a.fr.md"))
    results = [lint_document(Document.from_text(ref_article(body), path, site), ruleset)]
    found = [(d.line, d.column, d.message) for d in project_end(results, ruleset)]
    assert found == [(5, 37, MISSING.format("/news/vote"))]


def test_an_output_format_nobody_defines() -> None:
    """hugo 0.168 fails the build for an output format it and the site lack, named or second
    (REF_NOT_FOUND, "output format": the oracle, test_ref_not_found_oracle), whatever the page;
    one it defines (any case) is left alone, even where the page lacks it."""
    body = (
        '{{< ref path="/a" outputFormat="amp" >}} {{< ref path="/a" outputformat="nope" >}}'
        ' {{< ref "/a" "Nope2" >}} {{< ref "/a" "PODCAST" >}} {{< ref path="/a" >}}\n'
    )
    ruleset = _ruleset(RefNotFound, Case("project", ""))

    def reported(raw: dict[str, object]) -> list[tuple[int, int, str, Severity]]:
        site = Site(root=SITE.root, raw=raw)
        result = lint_document(Document.from_text(ref_article(body), f"{ROOT}/a.md", site), ruleset)
        found = [*result.diagnostics, *project_end([result], ruleset)]
        return [(d.line, d.column, d.message, d.severity) for d in found]

    formats = "no output format {!r}: hugo fails the build (REF_NOT_FOUND)"
    assert reported({"outputformats": {"Podcast": {}}}) == [
        (5, 74, formats.format("nope"), Severity.ERROR),
        (5, 98, formats.format("Nope2"), Severity.ERROR),
    ]
    warned = reported({"outputformats": {"podcast": {}}, "reflinkserrorlevel": "WARNING"})
    assert warned[0] == (
        5,
        74,
        "no output format 'nope': hugo warns (REF_NOT_FOUND) and links to ''",
        Severity.WARNING,
    )
    assert len(reported({})) == 3  # `PODCAST` too, where the site defines no such format


def test_a_bare_name_of_a_page_hugo_does_not_build() -> None:
    """hugo 0.168 fails for a bare name whose pages it does not build, or builds in another
    language only (the oracle: test_ref_not_found_oracle); a term of that name is a page."""
    top = f"{ROOT}/a.md"
    files = {
        f"{ROOT}/news/plan.md": fm(title="Plan", draft=True),
        f"{ROOT}/news/later.md": fm(title="Later", date="2099-01-01"),
        f"{ROOT}/news/budget.fr.md": fm(title="Budget"),
        top: ref_article('{{< ref "plan" >}} {{< ref "later" >}} {{< ref "budget" >}}\n'),
    }
    site = Site(root=SITE.root, language_names=("en", "fr"), default_language="en")
    assert lint_project(RefNotFound, files, site=site) == [
        (top, 5, 10, unbuilt("plan", "a draft")),
        (top, 5, 29, unbuilt("later", "dated in the future")),
        (top, 5, 49, MISSING.format("budget")),
    ]
    files[f"{ROOT}/news/tagged.md"] = fm(title="Tagged", tags=["Later", "Plan"])
    assert lint_project(RefNotFound, files, site=site) == [(top, 5, 49, MISSING.format("budget"))]


def test_relref_looks_a_bare_name_up_as_ref_does() -> None:
    """hugo 0.168 resolves `relref` and `ref` alike (the oracle: test_ref_not_found_oracle): a
    bare name of two built pages is ambiguous, one of a draft or of another language's page
    alone finds nothing, one of a single built page is found."""
    top = f"{ROOT}/a.md"
    files = {
        f"{ROOT}/news/vote.md": fm(title="Vote"),
        f"{ROOT}/world/vote.md": fm(title="Vote"),
        f"{ROOT}/news/plan.md": fm(title="Plan", draft=True),
        f"{ROOT}/news/budget.fr.md": fm(title="Budget"),
        f"{ROOT}/news/uniq.md": fm(title="Uniq"),
        top: ref_article(
            '{{< relref "vote" >}} {{% relref "plan" %}} {{< relref "budget" >}}'
            ' {{< relref "uniq" >}}\n'
        ),
    }
    site = Site(root=SITE.root, language_names=("en", "fr"), default_language="en")
    ambiguous = (
        f"'vote' is the base name of 2 pages ({ROOT}/news/vote.md, {ROOT}/world/vote.md): hugo"
        " fails the build (REF_NOT_FOUND, ambiguous)"
    )
    assert lint_project(RefNotFound, files, site=site) == [
        (top, 5, 13, ambiguous),
        (top, 5, 35, unbuilt("plan", "a draft")),
        (top, 5, 57, MISSING.format("budget")),
    ]


@pytest.mark.parametrize(
    ("body", "found"),
    [
        # a call in the body of a `{{% %}}` call runs with it, in raw HTML too
        ('<div>{{% note %}}{{< ref "/x/a" >}}{{% /note %}}</div>\n', [(5, 27)]),
        ('<!--\n{{% note %}}\n{{< ref "/x/b" >}}\n{{% /note %}}\n-->\n', [(7, 10)]),
        # one in the body of a `{{< >}}` call runs where that call does: in the page, not in a
        # comment
        ('{{< plain >}}\n<div>\n{{< ref "/x/c" >}}\n</div>\n{{< /plain >}}\n', [(7, 10)]),
        ('<!-- {{< plain >}}{{< ref "/x/d" >}}{{< /plain >}} -->\n', []),
        # after a `{{% %}}` call that starts a line, up to a blank line: its output may start an
        # HTML block Goldmark omits; not after `ref`, nor in the next paragraph
        (
            '{{% box %}} {{< ref "/x/e" >}}\nand {{< ref "/x/f" >}}\n\n{{< ref "/x/g" >}}\n',
            [(8, 10)],
        ),
        ('{{% ref "/news/b" %}} {{< ref "/x/h" >}}\n', [(5, 32)]),
        ('Text {{% box %}} {{< ref "/x/i" >}}\n', [(5, 27)]),
    ],
)
def test_where_goldmark_omits_a_call(body: str, found: list[tuple[int, int]]) -> None:
    """hugo 0.168 on a site that does not render raw HTML (the oracle:
    test_ref_not_found_oracle): a `{{< >}}` call runs only where Goldmark keeps it."""
    path = f"{ROOT}/news/a.md"
    files = {f"{ROOT}/news/b.md": fm(title="B"), path: ref_article(body)}
    assert [
        (line, column) for _, line, column, _ in lint_project(RefNotFound, files, site=SITE)
    ] == found


def test_a_bare_name_of_a_page_on_disk_is_left_alone(tmp_path: Path) -> None:
    """Another file of that name on disk, not in the run (a hook given two files), may be the
    page Hugo finds."""
    content = tmp_path / "content"
    (content / "news").mkdir(parents=True)
    (content / "world").mkdir()
    (content / "news" / "plan.md").write_text(fm(title="Plan"), encoding="utf-8")
    files = {
        str(content / "world" / "plan.md"): fm(title="Plan", draft=True),
        str(content / "a.md"): ref_article('{{< ref "plan" >}}\n'),
    }
    for path, text in files.items():
        Path(path).write_text(text, encoding="utf-8")
    assert lint_project(RefNotFound, files, site=Site(root=tmp_path)) == []
    (content / "news" / "plan.md").unlink()
    assert lint_project(RefNotFound, files, site=Site(root=tmp_path)) == [
        (str(content / "a.md"), 5, 10, unbuilt("plan", "a draft"))
    ]


def whole_site(tmp_path: Path, config: str, files: dict[str, str]) -> dict[str, str]:
    """Write a site's `hugo.toml` and content `files` (paths below `content/`) to disk; the files
    by their absolute paths, to lint them all as one run."""
    (tmp_path / "hugo.toml").write_text(config, encoding="utf-8")
    written = {}
    for name, text in files.items():
        path = tmp_path / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written[str(path)] = text
    return written


def test_a_bare_name_no_page_nor_term_of_the_whole_site_has(tmp_path: Path) -> None:
    """hugo 0.168 (the oracle: test_ref_not_found_oracle) finds a bare name as a page's base
    name, a section's (an automatic one too) or a term of the page's language, and fails for
    one nothing has: reported when the run holds every content file of the site."""
    files = whole_site(
        tmp_path,
        'baseURL = "https://example.org/"\n',
        {
            "news/budget.md": fm(title="Budget", tags=["Politics", "S&P 500"]),
            "world/asia/delhi.md": fm(title="Delhi"),
            "a.md": ref_article(
                '{{< ref "politics" >}} {{< ref "S&P 500" >}} {{< ref "world" >}}'
                ' {{< ref "asia" >}} {{< ref "Budget" >}} {{< ref "nothing" >}}\n'
            ),
        },
    )
    site = Site(root=tmp_path)
    top = str(tmp_path / "content" / "a.md")
    assert lint_project(RefNotFound, files, site=site) == [(top, 5, 115, MISSING.format("nothing"))]
    # A run of some files only (a pre-commit hook): a page not in the run may be it, or carry it
    # as a term.
    del files[str(tmp_path / "content" / "world" / "asia" / "delhi.md")]
    assert lint_project(RefNotFound, files, site=site) == []


def test_a_bare_name_of_another_language_s_term_only(tmp_path: Path) -> None:
    """hugo 0.168 finds the term pages of the calling page's language alone (checked with the
    binary: `ref "frenchonly"` from an English page fails when only a French page has the tag)."""
    config = (
        'baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\n'
        "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"
    )
    files = whole_site(
        tmp_path,
        config,
        {
            "news/f.fr.md": fm(title="F", tags=["frenchonly"]),
            "a.md": ref_article('{{< ref "frenchonly" >}}\n'),
            "b.fr.md": ref_article('{{< ref "frenchonly" >}}\n'),
        },
    )
    site = Site(root=tmp_path, language_names=("en", "fr"), default_language="en")
    assert lint_project(RefNotFound, files, site=site) == [
        (str(tmp_path / "content" / "a.md"), 5, 10, MISSING.format("frenchonly"))
    ]


def test_a_bare_name_where_a_term_cannot_be_read_is_left_alone(tmp_path: Path) -> None:
    """A term newslint does not write as Hugo does (a float, a date) may be the name."""
    files = whole_site(
        tmp_path,
        'baseURL = "https://example.org/"\n',
        {
            "news/budget.md": fm(title="Budget") + "",
            "a.md": ref_article('{{< ref "nothing" >}}\n'),
        },
    )
    budget = str(tmp_path / "content" / "news" / "budget.md")
    files[budget] = "---\ntitle: Budget\ntags: [1.5]\n---\nText.\n"
    Path(budget).write_text(files[budget], encoding="utf-8")
    assert lint_project(RefNotFound, files, site=Site(root=tmp_path)) == []
    files[budget] = "---\ntitle: Budget\ntags: [15]\n---\nText.\n"
    Path(budget).write_text(files[budget], encoding="utf-8")
    assert lint_project(RefNotFound, files, site=Site(root=tmp_path)) == [
        (str(tmp_path / "content" / "a.md"), 5, 10, MISSING.format("nothing"))
    ]


def test_a_bare_name_on_a_site_with_a_content_adapter_is_left_alone(tmp_path: Path) -> None:
    """`_content.gotmpl` adds pages no file names (and their terms)."""
    files = whole_site(
        tmp_path,
        'baseURL = "https://example.org/"\n',
        {"a.md": ref_article('{{< ref "nothing" >}}\n')},
    )
    (tmp_path / "content" / "news").mkdir()
    (tmp_path / "content" / "news" / "_content.gotmpl").write_text("", encoding="utf-8")
    assert lint_project(RefNotFound, files, site=Site(root=tmp_path)) == []
