"""The Markdown body model against an independent parser: markdown-it-py (CommonMark, with GFM
tables, strikethrough, task lists and footnotes from mdit-py-plugins).

Hypothesis writes article-like documents from a grammar of nested containers (block quotes and
lists in each other, tables, footnotes) and inline syntax (emphasis, code spans, raw HTML,
autolinks, links and images with titles, images inside links, reference links, entities and
escapes in URLs, CJK and emoji). For each, what rules read from `parse_body` must agree with what
markdown-it makes of the same text: the lines of paragraphs, headings, code blocks and HTML blocks,
inline HTML and code spans, the prose, and every link's URL, text, title and kind; and each inline
link's `url_span` must be its destination as written.

The grammar leaves out the few inputs where the two parsers disagree and Hugo (Goldmark) sides
with pulldown-cmark: runs of three or more `~` (`~~a~~~~`), a setext underline under a line with a
`|` (markdown-it makes a one-column table), links inside link text, a reference link right before
a bracket that holds an image (`[ref][![a](i)](u)`), a list item `2)` right after a reference
definition (a list that starts at 2 cannot interrupt a paragraph), and footnote definitions inside
containers. And one where pulldown-cmark parts from both: it opens `~~` after a letter and before
punctuation (`ab~~.x~~` is struck through), which Goldmark and markdown-it leave as text, so `~~`
comes after a space here.
"""

from __future__ import annotations

import html
import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from newslint.events import Code, Heading, Html, Link, Paragraph, Text
from newslint.markdown import parse_body
from newslint.spans import Span

# ------------------------------------------------------------------------------ the grammar

WORD = st.sampled_from(
    [
        "news",
        "the",
        "said.",
        "Budget",
        "2024",
        "U.S.",
        "e.g.",
        "a_b",
        "x*y",
        "50%",
        "$10",
        "#tag",
        "中文",
        "新闻报道",
        "日本語",
        "😀",
        "café",
        "—",
        "“quoted”",
        "it's",
        "{{",
        "}}",
        "&",
        "<",
        "!",
    ]
)
ENTITY = st.sampled_from(["&amp;", "&#39;", "&quot;", "&copy;", "&nbsp;", "&#x4E2D;", "&bogus;"])
ESCAPE = st.sampled_from(["\\*", "\\_", "\\[", "\\]", "\\\\", "\\#", "\\&", "\\`", "\\<", "\\a"])
# An empty destination, one with a space in `<>` and one with U+00A0 among them.
URL = st.sampled_from(
    [
        "https://example.com/a",
        "http://ex.org/path_(x)",
        "https://ex.com/a?utm_source=x&b=1",
        "https://ex.com/?a=1&amp;b=2",
        "https://ex.com/a\\_b",
        "/relative/path",
        "//cdn.ex.com/i",
        "#frag",
        "",
        "mailto:a@b.org",
        "https://中文.com/路径",
        "https://ex.com/%20x",
        "x(y(z))",
        "<https://ex.com/a b>",
        "<>",
        "https://ex.com/a&#x20;b",
        "https://ex.com/a\\)b",
        "https://ex.com/é?q=😀",
        "javascript:void(0)",
        "https://ex.com/a*b*c",
        "/u\xa0v",
    ]
)
TITLE = st.sampled_from(["", ' "title"', " 'single'", " (paren)", ' "say \\"hi\\""', '\n"next"'])
CODE = st.sampled_from(["`code`", "`` a`b ``", "` x `", "`a.B`"])
HTML = st.sampled_from(["<b>", "</b>", '<span class="x">', "<!-- c -->", "<br/>", "<img src=a>"])
AUTOLINK = st.sampled_from(
    ["<https://example.com/a?b=1&c=2>", "<user@example.com>", "<http://x/\\>"]
)
# Followed by a space: `[ref][![a](i)](u)` is where markdown-it parts from pulldown-cmark and Hugo.
REFERENCE = st.sampled_from(["[ref] ", "[Ref][] ", "[text][ref] ", "[text][missing] ", "[^1] "])

ATOM = st.one_of(WORD, WORD, WORD, ENTITY, ESCAPE, CODE, HTML, AUTOLINK, REFERENCE)
# Link text holds no link (a link inside a link is where the parsers part).
LABEL = st.lists(st.one_of(WORD, ENTITY, ESCAPE, CODE), min_size=1, max_size=3).map(" ".join)


def _inline(depth: int) -> st.SearchStrategy[str]:
    image = st.builds(lambda t, u, ti: f"![{t}]({u}{ti})", LABEL, URL, TITLE)
    if depth == 0:
        return st.one_of(ATOM, image)
    inner = st.lists(_inline(depth - 1), min_size=1, max_size=3).map(" ".join)
    return st.one_of(
        ATOM,
        ATOM,
        image,
        inner.map(lambda s: f"*{s}*"),
        inner.map(lambda s: f"**{s}**"),
        inner.map(lambda s: f"_{s}_ "),
        inner.map(lambda s: f" ~~{s}~~ "),
        st.builds(lambda t, u, ti: f"[{t}]({u}{ti})", LABEL, URL, TITLE),
        st.builds(lambda a, u, ti, v: f"[![{a}]({u}{ti})]({v})", LABEL, URL, TITLE, URL),
    )


INLINE = _inline(2)
SEPARATOR = st.sampled_from([" ", " ", " ", "", "\n", "  \n", "\\\n"])


@st.composite
def _paragraph(draw: st.DrawFn) -> str:
    parts = draw(st.lists(INLINE, min_size=1, max_size=5))
    out = parts[0]
    for part in parts[1:]:
        out += draw(SEPARATOR) + part
    return out.strip() or "x"


PARAGRAPH = _paragraph()


def _table(rows: list[list[str]]) -> str:
    return "| a | b |\n| --- | :-: |" + "".join(f"\n| {a} | {b} |" for a, b in rows)


CELL = _inline(0).filter(lambda s: "|" not in s and "\n" not in s)
LEAF = st.one_of(
    PARAGRAPH,
    PARAGRAPH,
    st.builds(lambda n, s: "#" * n + " " + s.replace("\n", " "), st.integers(1, 6), PARAGRAPH),
    PARAGRAPH.filter(lambda s: "|" not in s).map(lambda s: s.replace("\n", " ") + "\n---"),
    st.sampled_from(
        ["```\ncode *x* [a](b)\n```", "~~~go\n{{ x }}\n\n~~~", "    indented\n    more"]
    ),
    st.sampled_from(["<div>\n*not em* &amp;\n</div>", "<!-- note\n[a](b) -->", "<p>&nbsp;</p>"]),
    st.sampled_from(['<div class="x">\n\n*em*\n\n</div>', "***", "&nbsp;", "\xa0", "**&nbsp;**"]),
    st.lists(st.tuples(CELL, CELL), min_size=1, max_size=3).map(_table),
    st.sampled_from(['[ref]: https://ex.com/r "Ref"', "[ref]: <https://ex.com/a b> 'x'"]),
    st.sampled_from(["[ref]:\n  https://ex.com/r?a=1&amp;b=2", "[Ref]: /r\\_s (t)"]),
)


def _indent(text: str, first: str, rest: str) -> str:
    lines = text.split("\n")
    return "\n".join(
        (first if i == 0 else rest if line else "") + line for i, line in enumerate(lines)
    )


def _quote(blocks: list[str]) -> str:
    return _indent("\n\n".join(blocks), "> ", "> ").replace("> \n", ">\n")


def _list(marker: str, items: list[list[str]], loose: bool) -> str:
    width = " " * (len(marker) + 1)
    return ("\n\n" if loose else "\n").join(
        _indent("\n\n".join(blocks), marker + " ", width) for blocks in items
    )


def _tasks(items: list[str]) -> str:
    """A task list; each item one paragraph (markdown-it's plugin wants one before anything)."""
    return "\n".join(f"- [{'x' if i % 2 else ' '}] {item}" for i, item in enumerate(items))


def _containers(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    blocks = st.lists(children, min_size=1, max_size=3)
    marker = st.sampled_from(["-", "*", "+", "1.", "1)"])
    items = st.lists(blocks, min_size=1, max_size=3)
    return st.one_of(
        blocks.map(_quote),
        st.builds(_list, marker, items, st.booleans()),
        st.lists(PARAGRAPH.map(lambda s: s.replace("\n", " ")), min_size=1, max_size=3).map(_tasks),
    )


BLOCK = st.recursive(LEAF, _containers, max_leaves=4)
FOOTNOTE = st.sampled_from(["[^1]: A note [with link](https://f.org).", "[^1]: *Text* &amp; `x`."])


def _no_long_tildes(document: str) -> bool:
    return "~~~" not in document.replace("~~~go\n", "").replace("\n~~~", "\n")


DOCUMENT = st.builds(
    lambda blocks, note: "\n\n".join(blocks + ([note, "See[^1]."] if note else [])) + "\n",
    st.lists(BLOCK, min_size=1, max_size=3),
    st.one_of(st.none(), FOOTNOTE),
).filter(_no_long_tildes)

# ------------------------------------------------------------------------------ the comparison

_MD = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
_MD.use(footnote_plugin).use(tasklists_plugin)
_MD.validateLink = lambda url: True  # markdown-it drops `javascript:` links; Goldmark keeps them
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_CHECKBOX = 'class="task-list-item-checkbox"'


def _decode(source: str) -> str:
    """What a reader sees of prose source: escapes, references and hard-break backslashes."""
    source = re.sub(r"\\(?=\r?\n)", "", source)
    out, last = [], 0
    for match in re.finditer(r"\\[!-/:-@\[-`{-~]|" + _REFERENCE.pattern, source):
        out.append(source[last : match.start()])
        found = match.group(0)
        out.append(found[1] if found[0] == "\\" else html.unescape(found))
        last = match.end()
    return "".join(out) + source[last:]


def _words(text: str) -> list[str]:
    return sorted(text.split())


def _lines(text: str, span: Span) -> tuple[int, int]:
    """The 0-based [first, last + 1) lines of `span`, as markdown-it's `Token.map`."""
    return text.count("\n", 0, span.start), text.count("\n", 0, max(span.start, span.end - 1)) + 1


def _ours(text: str) -> dict[str, Any]:
    out: dict[str, Any] = {"blocks": [], "html": set(), "inline": [], "text": [], "links": []}
    nodes = parse_body(text, 0, linkify=False)
    autolinks = [
        n.span for n in nodes if isinstance(n, Link) and n.link_type in ("Autolink", "Email")
    ]
    for node in nodes:
        if isinstance(node, (Paragraph, Heading)) or (isinstance(node, Code) and node.block):
            out["blocks"].append((type(node).__name__, _lines(text, node.span)))
        elif isinstance(node, Html) and not node.inline:
            out["html"].update(range(*_lines(text, node.span)))
        elif isinstance(node, Html):
            out["inline"].append(("html", node.text))
        elif isinstance(node, Code):
            out["inline"].append(("code", _code_content(node.text)))
        elif isinstance(node, Text):
            assert text[node.span.start : node.span.end] == node.text
            literal = any(s.start <= node.span.start < s.end for s in autolinks)
            out["text"].append(node.text if literal else _decode(node.text))
        elif isinstance(node, Link):
            _check_spans(text, node)
            url = "mailto:" + node.url if node.link_type == "Email" else node.url
            shown = node.text if node.link_type in ("Autolink", "Email") else _decode(node.text)
            link = (_MD.normalizeLink(url), node.is_image, " ".join(shown.split()), node.title)
            out["links"].append(link)
    return out


def _code_content(source: str) -> str:
    """A code span's content as CommonMark makes it: line endings (and the container prefixes
    after them) become spaces, and one space is stripped from each side."""
    ticks = len(source) - len(source.lstrip("`"))
    content = re.sub(r"\r?\n[ \t>]*", " ", source[ticks:-ticks])
    if len(content) > 2 and content[0] == content[-1] == " " and content.strip(" "):
        content = content[1:-1]
    return content


def _check_spans(text: str, link: Link) -> None:
    written = text[link.span.start : link.span.end]
    assert written.startswith("![" if link.is_image else ("[", "<")), written
    if link.link_type == "Inline":
        assert link.url_span is not None, written
        destination = text[link.url_span.start : link.url_span.end]
        assert _decode(destination) == link.url, (destination, link.url, written)
    else:
        assert link.url_span is None, written


def _theirs(text: str) -> dict[str, Any]:
    out: dict[str, Any] = {"blocks": [], "html": set(), "inline": [], "text": [], "links": []}
    kinds = {"paragraph_open": "Paragraph", "heading_open": "Heading"}
    for token in _MD.parse(text):
        assert token.map is not None or token.type not in ("code_block", "fence", "html_block")
        if token.type in kinds and not token.hidden:
            out["blocks"].append((kinds[token.type], tuple(token.map or ())))
        elif token.type in ("code_block", "fence"):
            out["blocks"].append(("Code", tuple(token.map or ())))
        elif token.type == "html_block":
            out["html"].update(range(*(token.map or ())))
        elif token.type == "inline":
            _walk(token.children or [], out, [])
    return out


def _walk(children: list[Token], out: dict[str, Any], open_links: list[dict[str, Any]]) -> None:
    for token in children:
        # `text_special` (an escape) is joined into `text` except in an image inside an image.
        if token.type in ("text", "text_special", "softbreak", "hardbreak"):
            shown = token.content if token.type.startswith("text") else "\n"
            out["text"].append(shown)
            for link in open_links:
                link["text"].append(shown)
        elif token.type == "code_inline":
            out["inline"].append(("code", token.content))
        elif token.type == "html_inline" and _CHECKBOX not in token.content:
            out["inline"].append(("html", token.content))
        elif token.type in ("link_open", "image"):
            link = {"token": token, "text": []}
            if token.type == "image":
                _walk(token.children or [], out, [*open_links, link])
                out["links"].append(_link(link))
            else:
                open_links.append(link)
        elif token.type == "link_close":
            out["links"].append(_link(open_links.pop()))


def _link(link: dict[str, Any]) -> tuple[str, bool, str, str]:
    token: Token = link["token"]
    url = str(token.attrGet("src" if token.type == "image" else "href"))
    shown = " ".join("".join(link["text"]).split())
    return url, token.type == "image", shown, str(token.attrGet("title") or "")


def _compare(text: str) -> None:
    ours, theirs = _ours(text), _theirs(text)
    assert sorted(ours["blocks"]) == sorted(theirs["blocks"])
    assert ours["html"] == theirs["html"]
    assert ours["inline"] == theirs["inline"]
    assert _words(" ".join(ours["text"])) == _words(" ".join(theirs["text"]))
    # Sorted: markdown-it moves footnotes to the end and reports an image before its link.
    assert sorted(ours["links"]) == sorted(theirs["links"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENT)
def test_the_body_model_agrees_with_markdown_it(text: str) -> None:
    _compare(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENT)
def test_the_body_model_agrees_with_markdown_it_on_crlf_after_wide_characters(text: str) -> None:
    # Spans are mapped from UTF-8 bytes: wide characters before the body move every offset.
    prefix = "中文 😀 é\r\n\r\n"
    nodes = parse_body(prefix + text.replace("\n", "\r\n"), 0, linkify=False)
    plain = parse_body(text, 0, linkify=False)
    assert [type(n).__name__ for n in nodes[2:]] == [type(n).__name__ for n in plain]
    crlf = prefix + text.replace("\n", "\r\n")
    for node, same in zip(nodes[2:], plain, strict=True):
        assert (
            crlf[node.span.start : node.span.end].replace("\r\n", "\n")
            == (text[same.span.start : same.span.end])
        )
