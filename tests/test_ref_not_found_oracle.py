"""ref-not-found (LK009) against hugo 0.168's own `REF_NOT_FOUND`, with the real binary as the
oracle.

Marker `hugo`. One tiny site whose articles call `ref` and `relref` with paths Hugo finds (a
page, a section, a bundle, a theme's page, a term, another case, another extension) and paths it
does not; Hugo logs every one it finds no page for, with its file and line. newslint must report
exactly those, but for the ones its docstring leaves alone (a bare name, a taxonomy's path, a
draft on disk). Then the same site with `refLinksErrorLevel = "warning"`: Hugo builds it, and
newslint reports the same paths as warnings; and with raw HTML rendered, where Hugo runs the call
in an HTML comment too.
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
]
# Hugo finds no page for these, and newslint leaves them alone (see its docstring).
HUGO_ONLY = [
    '{{< ref "nope.md" >}}',  # a bare name: any page's base name, or a term
    '{{< ref "/tags/nope" >}}',  # a taxonomy's path
    '{{< ref "./d.md" >}}',  # a draft: on disk, not built
]
BUNDLE_REFS = [('{{< ref "../b.md" >}}', True), ('{{< ref "../b" >}}', False)]

REPORT = re.compile(r"^(\S+?):(\d+):\d+: LK009 \[ref-not-found\] no page '([^']*)'", re.M)
HUGO = re.compile(r'(ERROR|WARN) +\[en\] REF_NOT_FOUND: Ref "([^"]*)": "([^"]+):(\d+):\d+"')


def article(refs: list[str]) -> str:
    return "---\ntitle: t\n---\n" + "".join(f"x {call}\n" for call in refs)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    layouts = {"single.html": "{{ .Content }}", "list.html": "{{ .Content }}"}
    files = {f"themes/t/layouts/_default/{name}": text for name, text in layouts.items()}
    files.update(
        {
            "hugo.toml": 'baseURL = "https://example.org/"\ntheme = "t"\n'
            'disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]\n',
            "themes/t/content/news/th.md": "---\ntitle: th\n---\nth\n",
            "content/news/b.md": "---\ntitle: b\ntags: [politics]\n---\nb\n",
            "content/news/Cap.md": "---\ntitle: cap\n---\ncap\n",
            "content/news/d.md": "---\ntitle: d\ndraft: true\n---\nd\n",
            "content/world/_index.md": "---\ntitle: w\n---\nw\n",
            "content/news/a.md": article([call for call, _ in A_REFS] + HUGO_ONLY),
            "content/news/bun/index.md": article([call for call, _ in BUNDLE_REFS]),
        }
    )
    write_files(tmp_path, files)
    return tmp_path


def hugo_misses(root: Path, warning: bool) -> set[tuple[str, int, str]]:
    done = subprocess.run(
        [hugo_binary(), "build", "-s", str(root), "-d", str(root / "public")],
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


def expected() -> set[tuple[str, int, str]]:
    missing = {
        ("content/news/a.md", 3 + n, re.findall(r'"([^"#]*)', call)[0])
        for n, (call, found) in enumerate(A_REFS, 1)
        if not found
    }
    missing |= {
        ("content/news/bun/index.md", 3 + n, re.findall(r'"([^"#]*)', call)[0])
        for n, (call, found) in enumerate(BUNDLE_REFS, 1)
        if not found
    }
    return missing


def test_newslint_reports_what_hugo_finds_no_page_for(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    left_alone = {("content/news/a.md", 4 + len(A_REFS) + n, "") for n in range(len(HUGO_ONLY))}
    misses = hugo_misses(site, warning=False)
    assert {(file, line) for file, line, _ in misses} == {
        (file, line) for file, line, _ in expected() | left_alone
    }
    assert newslint_reports(site, monkeypatch, capsys) == expected()
    assert expected() <= misses


def test_with_the_warning_level_hugo_builds_and_newslint_warns(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = site / "hugo.toml"
    config.write_text(config.read_text() + 'refLinksErrorLevel = "Warning"\n', encoding="utf-8")
    misses = hugo_misses(site, warning=True)
    assert expected() <= misses
    from newslint.cli import main

    monkeypatch.chdir(site)
    assert main(["check", "--no-cache", "--select", "LK009", "content"]) == 0  # warnings only
    assert newslint_reports(site, monkeypatch, capsys) == expected()


def test_with_raw_html_rendered_a_call_in_a_comment_runs(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = site / "hugo.toml"
    unsafe = "[markup.goldmark.renderer]\nunsafe = true\n"
    config.write_text(config.read_text() + unsafe, encoding="utf-8")
    comment = ("content/news/a.md", 3 + len(A_REFS) - 1, "/news/c1")
    assert expected() | {comment} <= hugo_misses(site, warning=False)
    assert newslint_reports(site, monkeypatch, capsys) == expected() | {comment}
