"""The ids link-fragment (LK008) checks same-page anchors against are the ones Hugo renders.

Marker `hugo` (and `slow`): builds a site with the real Hugo binary and compares every `id` (and
`<a name>`) of each rendered page with `page_ids` of the same article.
"""

from __future__ import annotations

import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newslint.document import Document
from newslint.rules._anchors import page_ids
from newslint.site import site_for
from tests.test_dates_hugo import _hugo

pytestmark = [pytest.mark.hugo, pytest.mark.slow]

HEADINGS = """\
## Hello World

## Hello World

## Hello-World 1

## Hello World-1

## Café & Crème *bold* `code()` [link](https://x.org)

## 你好，世界！

##   Trailing spaces{TRAILING}

## Über_cool -- dash   two

## {#only}

## Custom {#my-id}

## Class only {.cls}

## Both {#both-id .b key="v"}

## Not attrs {#bad id}

## Brace {not attrs}

## Explicit {#auto}

## Auto

## !!!

## heading

##

## 123 Numbers!

## Ampersand &amp; entity &copy; x

## Emoji 🎉 party

Setext
------

Multi
line setext
---

## Escaped \\*star\\* <span>html</span>

## *[a **b** c](x)* d

## [code `x()` y](x) z

## **bold *it* more**

## Link [inner *em*](https://x) text

## Autolink <https://a.org/x>

## www.example.com linkified

## Img ![alt text](x.png) here

## İstanbul Ünïcode ß Σ

## tab\there

## snake_case and CamelCase

## Closed ##

> ## Quoted

- ## Listed

## x {#dup}

## y {#dup}

## Dup

<div id="raw-box"><a name="old-anchor"></a><span id="inner">x</span></div>

Text with <a id="inline-id" href="#auto">inline</a> HTML.
"""


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name == "id" or (name == "name" and tag == "a")):
                self.ids.add(value)


@pytest.mark.parametrize(
    ("config", "unsafe"),
    [
        ("", True),
        ("", False),
        ('[markup.goldmark.parser]\nautoHeadingIDType = "github-ascii"\n', True),
        ("[markup.goldmark.extensions.typographer]\ndisable = true\n", True),
        ("[markup.goldmark.parser.attribute]\ntitle = false\n", True),
    ],
    ids=["github", "github-safe-html", "github-ascii", "no-typographer", "no-attributes"],
)
def test_page_ids_match_hugo(tmp_path: Path, config: str, unsafe: bool) -> None:
    hugo = _hugo()
    if hugo is None:
        pytest.skip("no hugo binary")
    (tmp_path / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "home",'
        ' "section"]\n'
        f"[markup.goldmark.renderer]\nunsafe = {str(unsafe).lower()}\n{config}",
        encoding="utf-8",
    )
    (tmp_path / "layouts" / "_default").mkdir(parents=True)
    (tmp_path / "layouts" / "_default" / "single.html").write_text("{{ .Content }}\n")
    article = tmp_path / "content" / "a.md"
    article.parent.mkdir()
    body = HEADINGS.replace("{TRAILING}", "   ")  # (spaces at a line's end, which ruff forbids)
    article.write_text('---\ntitle: "a"\n---\n' + body, encoding="utf-8")
    subprocess.run([hugo, "--quiet"], cwd=tmp_path, check=True, capture_output=True, timeout=60)
    rendered = _Ids()
    rendered.feed((tmp_path / "public" / "a" / "index.html").read_text(encoding="utf-8"))

    doc = Document.from_bytes(article.read_bytes(), str(article), site_for(article))
    assert page_ids(doc) == rendered.ids
    if config:
        return
    # The cases that show the rules: repeats, explicit ids taking a name, first pieces only.
    assert {"hello-world-1-1", "hello-world-1-2", "auto-1", "heading-1", "dup-1"} <= rendered.ids
    assert {"a--d", "code--z", "bold", "link-inner--text", "line-setext"} <= rendered.ids
