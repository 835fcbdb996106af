"""ref-not-found (LK009) against hugo 0.168's own `REF_NOT_FOUND`, with the real binary as the
oracle.

Marker `hugo`. One tiny two-language site whose articles call `ref` and `relref` with paths Hugo
finds (a page, a section, a bundle, a theme's page, a term, another case, another extension, a
French page by `lang`, a bare name of one page) and paths it does not (a missing page, a draft, a
future and an expired page, a bare name of two pages); Hugo logs every one it finds no page for,
with its file and line. newslint must report exactly those, but for the ones its docstring
leaves alone (a bare name found nowhere, a taxonomy's path).
A draft's calls Hugo runs with `--buildDrafts` only, where the draft they name is built and the
future page is not: newslint reports what that build fails for. Then the same site with
`refLinksErrorLevel = "warning"`: Hugo builds it, and newslint reports the same paths as
warnings; and with raw HTML rendered, where Hugo runs the call in an HTML comment too.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.hugo_pages import hugo_binary, write_files

pytestmark = pytest.mark.hugo

A_REFS = [
    ('{{< ref "/news/b" >}}', True),
    ('{{< ref "/news/nope" >}}', False),
    ('{{< relref "../world" >}}', True),
    ('{{< ref "./b.html" >}}', True),  # Hugo drops any extension
    ('{{< ref path="./nope.md" >}}', False),
    ('{{% relref "world/asia#x" %}}', False),
    ('{{< ref "/NEWS/CAP.MD#x" >}}', True),
    ('{{< ref "/news/th" >}}', True),  # the theme's content
    ('{{< ref "/tags/politics" >}}', True),
    ('{{< ref "#frag" >}}', True),
    ('{{< ref "../news/bun/" >}}', True),
    ('{{< ref "./b/" >}}', True),
    ('{{< ref "/news/b/x" >}}', False),
    ('{{< ref "/news/b?x=1" >}}', True),  # read as a URL
    ('{{< ref "/news/Cap%2Emd" >}}', True),
    # raw HTML Goldmark omits (the site does not render it): Hugo never runs a `{{< >}}` call
    ('<!-- {{< ref "/news/c1" >}} -->', True),
    ('<!-- {{% ref "/news/c2" %}} -->', False),
    # pages Hugo does not build: a draft, a future and an expired one
    ('{{< ref "./d.md" >}}', False),
    ('{{< ref "/news/fut" >}}', False),
    ('{{< ref "/news/exp#x" >}}', False),
    # another language's pages (`b` has no French page)
    ('{{< ref path="/news/fr" lang="fr" >}}', True),
    ('{{< ref path="/news/nope" lang="fr" >}}', False),
    # a bare name: the one page of that base name (`dupname` is two, but `news/dupname` first)
    ('{{< ref "uniq" >}}', True),
    ('{{< ref "dupname" >}}', True),
    # a page of another language only, in the run (`b` is English, `fr` French): Hugo finds
    # the language's own pages alone
    ('{{< ref path="/news/b" lang="fr" >}}', False),
    ('{{< ref path="/news/fr" >}}', False),
]
# Hugo finds no page for these, and newslint leaves them alone (see its docstring).
HUGO_ONLY = [
    '{{< ref "nope.md" >}}',  # a bare name: any page's base name, or a term
    '{{< ref "/tags/nope" >}}',  # a taxonomy's path
]
BUNDLE_REFS = [('{{< ref "../b.md" >}}', True), ('{{< ref "../b" >}}', False)]
# At the content root, where `dupname` is no path: Hugo finds two pages of that base name.
TOP_REFS = [
    ('{{< ref "dupname" >}}', False),
    ('{{< ref "uniq.md" >}}', True),
    ('{{< ref "fr" >}}', False),  # no English page `fr`: the French one is not found
    # a bare name of pages Hugo does not build: a draft, a future page
    ('{{< ref "d" >}}', False),
    ('{{< ref "fut" >}}', False),
    # `relref` looks a bare name up as `ref` does: ambiguous, another language's, a draft's
    ('{{< relref "dupname" >}}', False),
    ('{{< relref "uniq" >}}', True),
    ('{{< relref "fr" >}}', False),
    ('{{% relref "d" %}}', False),
]
# In a draft, rendered by `hugo -D` only, which builds the draft it refers to, not the future page.
DRAFT_REFS = [('{{< ref "/news/d" >}}', True), ('{{< ref "/news/fut" >}}', False)]

REPORT = re.compile(
    r"^(\S+?):(\d+):\d+: LK009 \[ref-not-found\] (?:no page |page )?'([^']*)'", re.M
)
HUGO = re.compile(r'(ERROR|WARN) +\[\w+\] REF_NOT_FOUND: Ref "([^"]*)": "([^"]+):(\d+):\d+"')


def article(refs: list[str], draft: bool = False) -> str:
    status = "draft: true\n" if draft else ""
    return f"---\ntitle: t\n{status}---\n" + "".join(f"x {call}\n" for call in refs)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    layouts = {"single.html": "{{ .Content }}", "list.html": "{{ .Content }}"}
    files = {f"themes/t/layouts/_default/{name}": text for name, text in layouts.items()}
    files.update(
        {
            "hugo.toml": 'baseURL = "https://example.org/"\ntheme = "t"\n'
            'disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]\n'
            'defaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n',
            "themes/t/content/news/th.md": "---\ntitle: th\n---\nth\n",
            "content/news/b.md": "---\ntitle: b\ntags: [politics]\n---\nb\n",
            "content/news/Cap.md": "---\ntitle: cap\n---\ncap\n",
            "content/news/d.md": "---\ntitle: d\ndraft: true\n---\nd\n",
            "content/news/fut.md": "---\ntitle: f\ndate: 2099-01-01\n---\nf\n",
            "content/news/exp.md": "---\ntitle: e\nexpiryDate: 2001-01-01\n---\ne\n",
            "content/news/fr.fr.md": "---\ntitle: fr\n---\nfr\n",
            "content/news/dupname.md": "---\ntitle: d1\n---\nd1\n",
            "content/world/dupname.md": "---\ntitle: d2\n---\nd2\n",
            "content/world/uniq.md": "---\ntitle: u\n---\nu\n",
            "content/world/_index.md": "---\ntitle: w\n---\nw\n",
            "content/news/a.md": article([call for call, _ in A_REFS] + HUGO_ONLY),
            "content/news/bun/index.md": article([call for call, _ in BUNDLE_REFS]),
            "content/top.md": article([call for call, _ in TOP_REFS]),
            "content/news/dr.md": article([call for call, _ in DRAFT_REFS], draft=True),
        }
    )
    write_files(tmp_path, files)
    return tmp_path


def hugo_misses(root: Path, warning: bool, *flags: str) -> set[tuple[str, int, str]]:
    done = subprocess.run(
        [hugo_binary(), "build", *flags, "-s", str(root), "-d", str(root / "public")],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(root)},
    )
    assert done.returncode == (0 if warning else 1), done.stderr[-800:]
    found = HUGO.findall(done.stdout + done.stderr)
    assert {level for level, *_ in found} == {"WARN" if warning else "ERROR"}
    return {(str(Path(file).relative_to(root)), int(line), path) for _, path, file, line in found}


def newslint_reports(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> set[tuple[str, int, str]]:
    from newslint.cli import main

    monkeypatch.chdir(root)
    main(["check", "--no-cache", "--select", "LK009", "--output-format", "concise", "content"])
    out = capsys.readouterr().out
    return {(file, int(line), path) for file, line, path in REPORT.findall(out)}


def missing(path: str, refs: list[tuple[str, bool]], first: int = 4) -> set[tuple[str, int, str]]:
    """(file, line, path) of the calls of `refs` that find no page, written from line `first`."""
    return {
        (path, first + n, re.findall(r'"([^"#]*)', call)[0])
        for n, (call, found) in enumerate(refs)
        if not found
    }


def expected() -> set[tuple[str, int, str]]:
    return (
        missing("content/news/a.md", A_REFS)
        | missing("content/news/bun/index.md", BUNDLE_REFS)
        | missing("content/top.md", TOP_REFS)
    )


def in_draft() -> set[tuple[str, int, str]]:
    return missing("content/news/dr.md", DRAFT_REFS, first=5)


def test_newslint_reports_what_hugo_finds_no_page_for(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    left_alone = {("content/news/a.md", 4 + len(A_REFS) + n, "") for n in range(len(HUGO_ONLY))}
    misses = hugo_misses(site, warning=False)
    assert {(file, line) for file, line, _ in misses} == {
        (file, line) for file, line, _ in expected() | left_alone
    }
    assert newslint_reports(site, monkeypatch, capsys) == expected() | in_draft()
    assert expected() <= misses


def test_a_ref_in_a_draft_fails_hugo_d(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`hugo -D` renders the draft: the draft it refers to is built, the future page is not."""
    misses = hugo_misses(site, False, "--buildDrafts")
    assert {m for m in misses if m[0] == "content/news/dr.md"} == in_draft()


def test_with_the_warning_level_hugo_builds_and_newslint_warns(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = site / "hugo.toml"
    config.write_text('refLinksErrorLevel = "Warning"\n' + config.read_text(), encoding="utf-8")
    misses = hugo_misses(site, warning=True)
    assert expected() <= misses
    from newslint.cli import main

    monkeypatch.chdir(site)
    assert main(["check", "--no-cache", "--select", "LK009", "content"]) == 0  # warnings only
    assert newslint_reports(site, monkeypatch, capsys) == expected() | in_draft()


def test_with_raw_html_rendered_a_call_in_a_comment_runs(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = site / "hugo.toml"
    unsafe = "[markup.goldmark.renderer]\nunsafe = true\n"
    config.write_text(config.read_text() + unsafe, encoding="utf-8")
    comment = (
        "content/news/a.md",
        4 + [c for c, _ in A_REFS].index('<!-- {{< ref "/news/c1" >}} -->'),
        "/news/c1",
    )
    assert expected() | {comment} <= hugo_misses(site, warning=False)
    assert newslint_reports(site, monkeypatch, capsys) == expected() | in_draft() | {comment}


def test_an_output_format_nobody_defines_fails_hugo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """hugo 0.168 fails for every format the page lacks ("nope2", "rss"); newslint reports only
    those neither Hugo nor the site defines, which no page can have."""
    calls = [
        '{{< ref path="/a" outputFormat="HTML" >}}',
        '{{< ref path="/a" outputformat="nope" >}}',
        '{{< ref "/a" "nope2" >}}',
        '{{< ref "/a" "rss" >}}',
        '{{< ref "/a" "podcast" >}}',
    ]
    write_files(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\ndisableKinds = ["RSS", "sitemap"]\n'
            '[outputFormats.podcast]\nmediaType = "text/html"\n[outputs]\n'
            'page = ["html", "podcast"]\n',
            "layouts/_default/single.html": "{{ .Content }}",
            "layouts/_default/single.podcast.html": "{{ .Content }}",
            "layouts/_default/list.html": "{{ .Content }}",
            "content/a.md": article(calls),
        },
    )
    done = subprocess.run(
        [hugo_binary(), "build", "-s", str(tmp_path), "-d", str(tmp_path / "public")],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert done.returncode == 1
    failed = re.findall(
        r'REF_NOT_FOUND: Ref "/a" from page "/a": output format "(\w+)"', done.stderr
    )
    assert sorted(failed) == ["nope", "nope2", "rss"]
    from newslint.cli import main

    monkeypatch.chdir(tmp_path)
    main(["check", "--no-cache", "--select", "LK009", "--output-format", "concise", "content"])
    out = capsys.readouterr().out
    assert re.findall(r"no output format '(\w+)'", out) == ["nope", "nope2"]


# Calls in shortcode bodies and after `{{% %}}` calls, on a site that does not render raw HTML:
# the paths Hugo fails for, which newslint must report, and the ones it runs no call for.
SHORTCODE_BODIES = [
    ('<div>{{% note %}}{{< ref "/x/a" >}}{{% /note %}}</div>', True),
    ('<!--\n{{% note %}}\n{{< ref "/x/b" >}}\n{{% /note %}}\n-->', True),
    ('{{< plain >}}\n<div>\n{{< ref "/x/c" >}}\n</div>\n{{< /plain >}}', True),
    ('<!-- {{< plain >}}{{< ref "/x/d" >}}{{< /plain >}} -->', False),
    ('{{% box %}} {{< ref "/x/e" >}}\nand {{< ref "/x/f" >}}', False),
    ('{{< ref "/x/g" >}}', True),
    ('{{% ref "/news/b" %}} {{< ref "/x/h" >}}', True),
    ('Text {{% box %}} {{< ref "/x/i" >}}', True),
    ('{{% wrap %}}{{< ref "/x/j" >}}{{% /wrap %}}', True),
]


def test_calls_in_shortcodes_hugo_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A `{{% %}}` call's template that writes a tag (`box`) starts an HTML block Goldmark
    omits, with the `{{< >}}` calls after it on its line; the calls in a `{{% %}}` body run
    with it, in raw HTML too; a `{{< >}}` body's run where its call does."""
    shortcodes = {
        "box": '<div class="box">Box</div>',
        "wrap": '<div class="wrap">{{ .Inner }}</div>',
        "note": "{{ .Inner }}",
        "plain": "{{ .Inner }}",
    }
    files = {f"layouts/shortcodes/{name}.html": text for name, text in shortcodes.items()}
    files.update(
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n'
            'disableKinds = ["RSS", "sitemap", "robotsTXT", "404", "taxonomy", "term"]\n',
            "layouts/_default/single.html": "{{ .Content }}",
            "layouts/_default/list.html": "{{ .Content }}",
            "content/news/b.md": "---\ntitle: b\n---\nb\n",
            "content/news/a.md": "---\ntitle: a\n---\n"
            + "".join(f"{body}\n\n" for body, _ in SHORTCODE_BODIES),
        }
    )
    write_files(tmp_path, files)
    fails = {
        path
        for body, runs in SHORTCODE_BODIES
        if runs
        for path in re.findall(r'ref "(/x/[^"]*)"', body)
    }
    assert {path for *_, path in hugo_misses(tmp_path, warning=False)} == fails
    assert {path for *_, path in newslint_reports(tmp_path, monkeypatch, capsys)} == fails


# Bare names on a site whose every content file the run holds: (the call, whether Hugo finds a
# page); the ones newslint leaves alone although Hugo fails, in `BARE_HUGO_ONLY`.
BARE_REFS = [
    ('{{< ref "politics" >}}', True),  # a term of an English page
    ('{{< ref "S&P 500" >}}', True),  # a term as written
    ('{{< ref "world" >}}', True),  # a section
    ('{{< ref "auto" >}}', True),  # an automatic section (no `_index.md`)
    ('{{< ref "categories" >}}', True),  # a taxonomy no page uses
    ('{{< ref "custom" >}}', True),  # a term page's own file
    ('{{< ref "B" >}}', True),  # a page's base name, in another case
    ('{{< ref "nothing" >}}', False),
    ('{{< relref "nothing2" >}}', False),
    ('{{< ref "frenchonly" >}}', False),  # a term of a French page only
    ('{{< ref "slugged" >}}', False),  # a page's slug is no name
]
BARE_HUGO_ONLY = [
    '{{< ref "sp-500" >}}',  # a term's URL segment: newslint does not tell it from the term
    '{{< ref "deep" >}}',  # a folder below a section, no page: newslint leaves a folder alone
]


def test_a_bare_name_nothing_has_fails_hugo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """hugo 0.168 finds a bare name as a page's base name, a section's, a taxonomy's or a term of
    the page's language; newslint reports one it finds none for when the run holds the whole
    site, and nothing when it holds part of it (a pre-commit hook's files)."""
    calls = [call for call, _ in BARE_REFS] + BARE_HUGO_ONLY
    write_files(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n'
            'disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]\n'
            'defaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.fr]\n'
            "weight = 2\n",
            "layouts/_default/single.html": "{{ .Content }}",
            "layouts/_default/list.html": "{{ .Content }}",
            "content/news/b.md": '---\ntitle: b\ntags: [Politics, "S&P 500"]\nslug: slugged\n'
            "---\nb\n",
            "content/news/f.fr.md": "---\ntitle: f\ntags: [frenchonly]\n---\nf\n",
            "content/world/_index.md": "---\ntitle: w\n---\nw\n",
            "content/auto/deep/page.md": "---\ntitle: d\n---\nd\n",
            "content/tags/custom/_index.md": "---\ntitle: c\n---\nc\n",
            "content/a.md": article(calls),
        },
    )
    hugo_only = {
        ("content/a.md", 4 + len(BARE_REFS) + n, call.split('"')[1])
        for n, call in enumerate(BARE_HUGO_ONLY)
    }
    wanted = missing("content/a.md", BARE_REFS)
    assert hugo_misses(tmp_path, warning=False) == wanted | hugo_only
    assert newslint_reports(tmp_path, monkeypatch, capsys) == wanted
    from newslint.cli import main

    monkeypatch.chdir(tmp_path)
    given = ["--no-cache", "--select", "LK009", "--output-format", "concise", "content/a.md"]
    main(["check", *given, "content/news/b.md"])
    assert "LK009" not in capsys.readouterr().out
    main(["check", "--project", *given])  # the given file, with the whole site around it
    out = capsys.readouterr().out
    assert {(f, int(line), p) for f, line, p in REPORT.findall(out)} == wanted
