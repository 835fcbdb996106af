"""Articles that mix every rule's trigger with the Markdown and front-matter forms real sites use.

`tests/hostile_articles.py` stacks defects in plain prose and flat front matter. Here the same
defects sit among what a Hugo article is made of besides: YAML front matter with comments,
anchors, aliases, merge keys, nested maps and multi-line strings; TOML with comments, tables and
multi-line strings; JSON with nested objects; duplicated keys in each; and a body of shortcodes,
HTML blocks, code fences (closed and not), footnotes, reference links, tables, lists and quotes,
written in Latin, CJK and right-to-left scripts with emoji sequences. Then the whole is damaged at
the byte level: CRLF or lone CR line endings, a BOM, bytes that are not UTF-8, and now and then a
byte replaced by random ones.

`mixed_articles()` draws the article as bytes.
"""

from __future__ import annotations

import json

from hypothesis import strategies as st

from tests.hostile_articles import PIECES, link, url

WORDS = [
    "budget",
    "council",
    "Tuesday",
    "café",
    "预算案",
    "通过。",
    "東京都",
    "예산",
    "ميزانية",  # Arabic (right to left)
    "תקציב",  # Hebrew
    "\u05e9\u05dc\u05d5\u05dd\u200f",  # Hebrew with a right-to-left mark
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",  # a family: joiners inside an emoji sequence
    "\U0001f1fa\U0001f1e6",  # a flag
    "\U0001f44d\U0001f3fd",  # a skin tone
    "1\ufe0f\u20e3",  # a keycap
    "\u2764\ufe0f",
    "e\u0301",  # a combining accent
    "U.S.",
]
# The defects of `hostile_articles`, and a few more the forms above make possible.
DAMAGE = [*PIECES, "\u200d", "\u2066", "\u00ad", "\u3000", "\ufe0f", "\u061c", "**", "_", "\\"]

word = st.sampled_from(WORDS)
damage = st.sampled_from(DAMAGE)


@st.composite
def words(draw: st.DrawFn, min_size: int = 1, max_size: int = 6) -> str:
    parts = draw(st.lists(st.one_of(word, word, damage), min_size=min_size, max_size=max_size))
    return "".join(p + draw(st.sampled_from(["", " ", " ", "\u00a0", "\t"])) for p in parts)


# ------------------------------------------------------------------------- front matter


@st.composite
def yaml_front_matter(draw: st.DrawFn) -> str:
    title = draw(words())
    lines = [
        draw(st.sampled_from(["", "# scraped\n", "%YAML 1.2\n"])) + "---",
        f"title: {json.dumps(title, ensure_ascii=False)}"
        + draw(st.sampled_from(["", " # note", "  ", "\t"])),
    ]
    kinds = st.sampled_from(
        [
            "date: 2025-02-08 09:55:35  # local time",
            "date: 2025-02-08T09:55:35+08:00",
            "lastmod: &when 2025-02-09",
            "expiryDate: *when",
            "summary: |\n  {w}\n  {w}",
            "summary: >-\n  {w}\n\n  {w}...",
            "summary: {j}",
            "summary: '{w1}'",
            "description: plain text that\n  goes on {w1}",
            "params: &p\n  author: {j}\n  note: |-\n    {w}",
            "extra:\n  <<: *p\n  more: 1",
            "tags: [a, {j}, a]",
            "tags:\n  - {j}\n  - ''\n  # a comment\n  - x",
            "sumary: {j}",
            "menu: ''",
            "source: {u}",
            "title: {j}",  # a duplicated key
            "sidebar: Left",
            "widgets: [search, '', Search]",
            'comments: "false"',
            "thumbnail:\n  image: a.png\n  visibility: [list]",
            "# newslint: disable=TX005",
            "aliases: [/a/, /a/]",
            "title: !!str {j}",
            "? complex\n: {j}",
            '"quoted key": {j}',
            "params: {{author: {j}, tags: [x, y]}}",
            "lead: >\n  {w}\n  &amp; {w}",
            'summary: "{w1}\\\n  continued"',
            "date: 2025-02-08t09:55:35.5+08:00",
            "title: |+\n  {w}\n\n",
        ]
    )
    for kind in draw(st.lists(kinds, max_size=8)):
        lines.append(
            kind.format(
                w=draw(words()),
                w1=draw(words()).replace("'", "''").replace("\n", " "),
                j=json.dumps(draw(words()), ensure_ascii=False),
                u=json.dumps(draw(url())),
            )
        )
    lines.append("---")
    return "\n".join(lines) + "\n"


@st.composite
def toml_front_matter(draw: st.DrawFn) -> str:
    kinds = st.sampled_from(
        [
            "title = {j}",
            "date = 2025-02-08T09:55:35+08:00",
            "date = 2025-02-08 09:55:35",
            'date = "2025-02-08 09:55:35"',
            "lastmod = 2025-02-09",
            'summary = """\n{w}\n{w}..."""',
            "summary = '''{w}'''",
            "summary = {j}  # trailing comment",
            "# a comment {w}",
            "tags = [ {j}, 'a', ]",
            "menu = ''",
            "sumary = {j}",
            "source = {u}",
            "title = {j}",  # a duplicated key: a TOML syntax error
            'sidebar = "Left"',
            'comments = "false"',
            "params = {{ author = {j}, n = 1 }}",
            "params.note = {j}",
            "[[resources]]\nsrc = {u}",
            'lead = """\\\n  {w}\\\n  """',
            "thumbnail = {{ image = 'a.png' }}",
        ]
    )
    lines = [
        draw(st.sampled_from(["+++", "+++ "])),
        f"title = {json.dumps(draw(words()), ensure_ascii=False)}",
    ]
    for kind in draw(st.lists(kinds, max_size=7)):
        lines.append(
            kind.format(
                w=draw(words()).replace('"""', "").replace("'''", ""),
                j=json.dumps(draw(words()), ensure_ascii=False),
                u=json.dumps(draw(url())),
            )
        )
    if draw(st.booleans()):
        lines += ["[params]", f"author = {json.dumps(draw(words()), ensure_ascii=False)}"]
    lines.append("+++")
    return "\n".join(lines) + "\n"


@st.composite
def json_front_matter(draw: st.DrawFn) -> str:
    members = [f'"title": {json.dumps(draw(words()), ensure_ascii=False)}']
    kinds = st.sampled_from(
        [
            '"date": "2025-02-08 09:55:35"',
            '"date": "2025-02-08T09:55:35+08:00"',
            '"summary": {j}',
            '"tags": [{j}, "", "a", "a"]',
            '"params": {{"author": {j}, "n": [1, {{"x": null}}]}}',
            '"menu": ""',
            '"title": {j}',  # duplicated
            '"source": {u}',
            '"sumary": {j}',
        ]
    )
    for kind in draw(st.lists(kinds, max_size=6)):
        members.append(
            kind.format(j=json.dumps(draw(words()), ensure_ascii=False), u=json.dumps(draw(url())))
        )
    return "{\n  " + ",\n  ".join(members) + "\n}\n"


# --------------------------------------------------------------------------------- body


BLOCK_FORMS = [
    "{w}",
    "{w} {link}",
    "# {w}",
    "Heading {w}\n===",
    "> {w}\n> {w}",
    "- {w}\n- {w}\n  - {w}",
    "1. {w}\n2. {link}",
    '{{{{< figure src="a.png" caption={j} >}}}}',
    "{{{{% note %}}}}\n{w}\n{{{{% /note %}}}}",
    '{{{{< youtube id="x" >}}}}',
    "{{{{</* comment */>}}}}",
    '<div class="x">\n{w}\n</div>',
    "<!-- {w} -->",
    '<script>\nvar a = "{{{{ x }}}}";\n</script>',
    "<table><tr><td>{w}</td></tr></table>",
    "```go\n{w}  \n\tcode\n```",
    "~~~\n{w}\n~~~",
    "```\n{w}",  # never closed: the rest of the file is code
    "    {w}",
    "{w}[^1]\n\n[^1]: {w}",
    "[^note]: {w}\n    {w}",
    '{w} [ref][r1] and [r1]\n\n[r1]: {u} "{w1}"',
    "[r2]: <{u}>",
    "| a | {w1} |\n|---|:-:|\n| {w1} | b |",
    "{w}  \n{w}",
    "{w}\\\n{w}",
    "***",
    "<{u}>",
    "$$\n{w}\n$$",
    '{{{{< figure src={u} title="{w1}" >}}}}',
    '![{w1}]({u} "&amp; {w1}")',
    "[^a]: see <{u}> and {link}",
    '<p>{w} &amp; <a href="{u}">{w1}</a></p>',
    "<details>\n<summary>{w1}</summary>\n\n{w}\n\n</details>",
    "- [ ] {w}\n- [x] {link}",
    "Term\n: {w}",
    "```\n[^1]: {u}\n{{{{< x >}}}}\n```",
    "<!-- newslint-disable-next-line -->\n{w}",
]


@st.composite
def block(draw: st.DrawFn) -> str:
    form = draw(st.sampled_from(BLOCK_FORMS))
    return form.format(
        w=draw(words()),
        w1=draw(words()).replace("|", "").replace('"', ""),
        j=json.dumps(draw(words()), ensure_ascii=False),
        u=draw(url()),
        link=draw(link()),
    )


@st.composite
def mixed_articles(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["yaml", "yaml", "toml", "json", "none"]))
    head = {
        "yaml": yaml_front_matter,
        "toml": toml_front_matter,
        "json": json_front_matter,
    }.get(kind)
    text = draw(head()) if head is not None else ""
    blocks = draw(st.lists(block(), max_size=6))
    if blocks and draw(st.integers(0, 4)) == 0:
        blocks.append(blocks[0])  # a duplicate paragraph
    separators = st.sampled_from(["\n\n", "\n\n", "\n", "\n\n\n", "\n \n", "\n\u00a0\n"])
    text += draw(st.sampled_from(["", "\n"]))
    text += "".join(
        b + draw(st.sampled_from(["", " ", "\t", "   "])) + draw(separators) for b in blocks
    )
    if draw(st.booleans()):
        text += draw(link()).lstrip("!") + "\n"
    for _ in range(draw(st.sampled_from([0, 0, 1, 2]))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(damage) + text[at:]
    ending = draw(st.sampled_from(["\n", "\n", "\r\n", "\r"]))
    text = text.replace("\n", ending)
    if draw(st.booleans()):
        text = "\ufeff" + text
    data = text.encode("utf-8")
    # Bytes that are not UTF-8: Windows-1252 text, a cut sequence, an overlong form.
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2]))):
        at = draw(st.integers(0, len(data)))
        bad = draw(
            st.sampled_from([b"\xe9", b"\x92", b"\xe2\x80", b"\xc0\xaf", b"\xff", b"\xed\xa0\x80"])
        )
        data = data[:at] + bad + data[at:]
    # Now and then a byte replaced by any bytes at all: in a delimiter, a key, an escape.
    if data and draw(st.integers(0, 5)) == 0:
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + draw(st.binary(min_size=1, max_size=3)) + data[at + 1 :]
    return data
