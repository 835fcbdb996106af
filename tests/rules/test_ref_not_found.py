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
