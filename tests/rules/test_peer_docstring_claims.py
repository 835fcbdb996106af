"""Peer round V: the concrete cases the docs (`newslint rule CODE`) of rules no peer file tested
yet name, each as the docs state it: reported or left alone, where, and what the fix gives.

The rules: wordpress-shortcode (BD012), value-cut-by-comment (FM011), title-truncated (TX009)
and url-percent-encoded (FM010). Each case is one article with one line changed; positions are
worked out from the text (`at`), never copied from newslint's output.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from newslint import check_text, fix_text

TITLE = 'title: "Budget passes after a week of talks"\n'
DATE = "date: 2025-02-08T09:55:35+08:00\n"
SUMMARY = (
    'summary: "The budget passed on Tuesday after a week of talks between the coalition parties."\n'
)
PROSE = "The budget passed on Tuesday after a week of talks between the coalition parties.\n"
SOURCE = "[Reuters](https://www.reuters.com/world/budget-passes)\n"


def article(extra: str = "", body: str = "", *, title: str = TITLE) -> str:
    """A clean article; `extra` goes after the summary, `body` after the prose."""
    text = "---\n" + title + DATE + SUMMARY + extra + "---\n\n" + PROSE + "\n"
    return text + (body + "\n\n" if body else "") + SOURCE


def at(text: str, needle: str) -> tuple[int, int]:
    """Where `needle` starts in `text`, or, when it holds a `|`, where the `|` stands in it (for a
    place that is not unique alone: `Monday.\n|---`)."""
    index = text.index(needle.replace("|", "")) + max(needle.find("|"), 0)
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


@dataclass(frozen=True)
class Claim:
    doc: str  # the docs' words this case checks
    text: str
    places: tuple[str, ...] = ()  # the text each report starts at, in order
    applicability: str | None = None  # of every report's fix
    fixed: tuple[str, str] | None = None  # (old, new): what the fix writes


def check(code: str, claim: Claim) -> None:
    found = check_text(claim.text, select=[code])
    assert [(d.code, d.line, d.column) for d in found] == [
        (code, *at(claim.text, place)) for place in claim.places
    ]
    for d in found:
        assert (d.fix.applicability.value if d.fix else None) == claim.applicability
    safe, _ = fix_text(claim.text, select=[code])
    unsafe, _ = fix_text(claim.text, select=[code], unsafe=True)
    if claim.fixed is None:
        assert safe == unsafe == claim.text
        return
    expected = claim.text.replace(*claim.fixed)
    assert expected != claim.text
    assert unsafe == expected
    assert safe == (expected if claim.applicability == "safe" else claim.text)
    assert check_text(unsafe, select=[code]) == []


# --- BD012 wordpress-shortcode ------------------------------------------------------------------

BD012 = [
    Claim("a shortcode with attributes", article(body='[gallery ids="4,5,6"]'), ("[gallery",)),
    Claim("a lower-case name then a key", article(body='[contact-form-7 id="9"]'), ("[contact",)),
    Claim("own shortcode with a URL", article(body="[youtube https://youtu.be/x]"), ("[youtube",)),
    Claim("WordPress.com's = form", article(body="[youtube=https://youtu.be/x]"), ("[youtube",)),
    Claim("closed further on", article(body="[embed]https://youtu.be/x[/embed]"), ("[embed]",)),
    Claim("escaped brackets", article(body="\\[youtube https://youtu.be/x\\]"), ("\\[youtube",)),
    Claim("a lone closing tag", article(body="The crowd[/caption]"), ("[/caption]",)),
    Claim(
        "once, at its opening tag",
        article(
            body='[caption id="a" width="300"]![Crowd](https://example.org/c.jpg) Crowd[/caption]'
        ),
        ("[caption",),
    ),
    Claim("bracketed words", article(body="He said [sic] it was [video unavailable].")),
    Claim("a reference link", article(body="See [1].\n\n[1]: https://example.org/a")),
    Claim(
        "a link's text",
        article(body="[video https://youtu.be/x](https://youtu.be/x)"),
    ),
    Claim("code", article(body='Write `[gallery ids="4"]` in WordPress.')),
    Claim(
        "what a Hugo shortcode call holds",
        article(body='{{< highlight text >}}\n[gallery ids="4"]\n{{< /highlight >}}'),
    ),
]


@pytest.mark.parametrize("claim", BD012, ids=lambda c: c.doc)
def test_wordpress_shortcode_as_documented(claim: Claim) -> None:
    check("BD012", claim)


# --- FM011 value-cut-by-comment -----------------------------------------------------------------


def titled(line: str, extra: str = "") -> str:
    return article(extra, title=line)


FM011 = [
    Claim(
        "a # before a digit",
        titled("title: We're #1 in Europe\n"),
        ("#1",),
        "unsafe",
        ("title: We're #1 in Europe\n", 'title: "We\'re #1 in Europe"\n'),
    ),
    Claim(
        "a number before the #",
        titled("title: 2024 #recap\n"),
        ("#recap",),
        "unsafe",
        ("title: 2024 #recap\n", 'title: "2024 #recap"\n'),
    ),
    Claim(
        "nothing before the #",
        titled("title: #1 in Europe\n"),
        ("#1",),
        "unsafe",
        ("title: #1 in Europe\n", 'title: "#1 in Europe"\n'),
    ),
    Claim(
        "an item of tags",
        article("tags:\n  - economy #budget\n"),
        ("#budget",),
        "unsafe",
        ("  - economy #budget\n", '  - "economy #budget"\n'),
    ),
    Claim(
        "description, alt and caption are text fields",
        article("description: The club says thanks for #20yearsofOSM\n"),
        ("#20",),
        "unsafe",
        (
            "description: The club says thanks for #20yearsofOSM\n",
            'description: "The club says thanks for #20yearsofOSM"\n',
        ),
    ),
    Claim("a note after a space", titled("title: Budget passes # draft title\n")),
    Claim("a to-do marker", titled("title: Budget passes #fixme\n")),
    Claim("an explicit null", article("description: ~ #todo\n")),
    Claim("a quoted value", titled("title: 'Budget passes' #1\n")),
    Claim("a block scalar", titled("title: >\n  We're #1 in Europe\n")),
    Claim("no space before the #", titled("title: Learn C# in a week\n")),
    Claim(
        "TOML, where an unquoted text is a syntax error",
        '+++\ntitle = "Budget" #1\n+++\n\n' + PROSE + "\n" + SOURCE,
    ),
]


@pytest.mark.parametrize("claim", FM011, ids=lambda c: c.doc)
def test_value_cut_by_comment_as_documented(claim: Claim) -> None:
    # The report is at the `#` that cuts the value.
    check("FM011", claim)


# --- TX009 title-truncated ----------------------------------------------------------------------

TX009 = [
    Claim("a colon after a word", titled('title: "Virtual Reality:"\n'), ('"Virtual',)),
    Claim("the full-width colon", titled('title: "Virtual Reality："\n'), ('"Virtual',)),
    Claim("French, a no-break space", titled('title: "Réalité virtuelle\u00a0:"\n'), ('"R',)),
    Claim("a plain space outside French", titled('title: "Réalité virtuelle :"\n')),
    Claim("a lone colon", titled('title: ":"\n')),
    Claim("a short word before a space", titled('title: "x :"\n')),
    Claim("Armenian", titled('title: "Հայաստանը հաղթեց:"\n')),
    Claim("a colon inside", titled('title: "Virtual Reality: a new frontier"\n')),
]


@pytest.mark.parametrize("claim", TX009, ids=lambda c: c.doc)
def test_title_truncated_as_documented(claim: Claim) -> None:
    check("TX009", claim)


def test_title_truncated_with_a_plain_space_in_a_french_article(tmp_path: Path) -> None:
    # "with a plain one it is taken for a cut only when the article's language ... is French".
    (tmp_path / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\ndefaultContentLanguage = "fr"\n'
        "[languages.fr]\nweight = 1\n[languages.en]\nweight = 2\n"
    )
    text = titled('title: "Réalité virtuelle :"\n')
    french = str(tmp_path / "content" / "news" / "a.fr.md")
    english = str(tmp_path / "content" / "news" / "a.en.md")
    found = check_text(text, select=["TX009"], path=french)
    assert [(d.code, d.line, d.column) for d in found] == [("TX009", *at(text, '"R'))]
    assert check_text(text, select=["TX009"], path=english) == []


# --- FM010 url-percent-encoded ------------------------------------------------------------------

FM010 = [
    Claim(
        "letters outside ASCII in a url: safe",
        article("url: /%D7%A2%D7%91%D7%A8%D7%99%D7%AA/\n"),
        ("/%D7",),
        "safe",
        ("url: /%D7%A2%D7%91%D7%A8%D7%99%D7%AA/\n", "url: /עברית/\n"),
    ),
    Claim(
        "every alias: safe",
        article('aliases: ["/old%20story/"]\n'),
        ('"/old',),
        "safe",
        ('aliases: ["/old%20story/"]\n', 'aliases: ["/old story/"]\n'),
    ),
    Claim(
        "escaped ASCII letters in a url: unsafe",
        article("url: /%41bc/\n"),
        ("/%41",),
        "unsafe",
        ("url: /%41bc/\n", "url: /Abc/\n"),
    ),
    Claim(
        "a slug urlize changes once decoded: unsafe",
        article('slug: "a%20b"\n'),
        ('"a%20b"',),
        "unsafe",
        ('slug: "a%20b"\n', 'slug: "a b"\n'),
    ),
    Claim(
        "a slug urlize keeps: safe",
        article('slug: "%d7%a1%d7%9c"\n'),
        ('"%d7',),
        "safe",
        ('slug: "%d7%a1%d7%9c"\n', 'slug: "סל"\n'),
    ),
    Claim("an escaped slash: no fix", article("url: /a%2Fb/\n"), ("/a%2F",)),
    Claim("a value with a scheme", article("url: https://example.org/%41/\n")),
    Claim("a % without two hex digits", article("url: /100%/\n")),
    Claim("a headless page", article("headless: true\nurl: /%41bc/\n")),
    Claim("a slug under a url", article('url: /budget/\nslug: "%d7%a1"\n')),
]


@pytest.mark.parametrize("claim", FM010, ids=lambda c: c.doc)
def test_url_percent_encoded_as_documented(claim: Claim) -> None:
    check("FM010", claim)


# --- BD008 emphasis-unclosed --------------------------------------------------------------------


BD008 = [
    # "The closing marker is reported": the `**` before `The`.
    Claim("punctuation then a letter", article(body="**City -**The mayor opened it."), ("**The",)),
    Claim("a space before the closing", article(body="**The future **looks bright."), ("**looks",)),
    # "The `*` that shows is the one reported (the second of the closing `**`, the first of the
    # opening one)".
    Claim("closing longer", article(body="*Not investment advice.**"), ("*\n",)),
    Claim("opening longer", article(body="Read this: **Note* first."), ("**Note",)),
    Claim("Chinese padded bold", article(body="**重要提示 **。"), ("**。",)),
    Claim("an exponent", article(body="Two ** 8 is 256 in the notes.")),
    Claim("escaped markers", article(body="\\*\\*City -\\*\\*The mayor.")),
    Claim("a code span", article(body="Write `**City -**The` in code.")),
]


@pytest.mark.parametrize("claim", BD008, ids=lambda c: c.doc)
def test_emphasis_unclosed_as_documented(claim: Claim) -> None:
    check("BD008", claim)


# --- BD009 paragraph-heading --------------------------------------------------------------------

BD009 = [
    Claim(
        "a sentence over a short ---",
        article(body="The vote passed on Monday.\n---"),
        ("Monday.\n|---",),
        "unsafe",
        ("Monday.\n---\n", "Monday.\n\n---\n"),
    ),
    Claim(
        "two lines over ---",
        article(body="The vote passed\non Monday\n---"),
        ("Monday\n|---",),
        "unsafe",
        ("on Monday\n---\n", "on Monday\n\n---\n"),
    ),
    Claim("a short heading", article(body="Short heading\n---")),
    Claim("an === underline", article(body="The vote passed on Monday.\n===")),
    Claim("an underline as wide as its text", article(body="The vote passed.\n----------------")),
    # "There is no fix inside a blockquote or a list".
    Claim("in a quote: no fix", article(body="> The vote passed on Monday.\n> ---"), ("> |---",)),
]


@pytest.mark.parametrize("claim", BD009, ids=lambda c: c.doc)
def test_paragraph_heading_as_documented(claim: Claim) -> None:
    check("BD009", claim)


# --- BD010 indented-prose -----------------------------------------------------------------------

SENTENCE = "The minister said the budget would pass this week, as talks went on."
BD010 = [
    Claim(
        "an indented paragraph",
        article(body="The vote was held.\n\n    " + SENTENCE),
        ("The minister",),
        "unsafe",
        ("    " + SENTENCE, SENTENCE),
    ),
    Claim(
        "five spaces after a list marker",
        article(body="1.       " + SENTENCE),
        ("The minister",),
        "unsafe",
        ("1.       " + SENTENCE, "1. " + SENTENCE),
    ),
    Claim("code", article(body="Code:\n\n    def f(x):\n        return x;")),
    Claim("a shell prompt", article(body="Run:\n\n    $ hugo server and then open the site now.")),
    Claim("too few words", article(body="Note:\n\n    Short text here.")),
    Claim("a fenced block", article(body="```\n" + SENTENCE + "\n```")),
]


@pytest.mark.parametrize("claim", BD010, ids=lambda c: c.doc)
def test_indented_prose_as_documented(claim: Claim) -> None:
    check("BD010", claim)


# --- BD011 chat-citation ------------------------------------------------------------------------

BD011 = [
    Claim(
        "Gemini's [cite: 1]: unsafe",
        article(body="The council approved the budget on Tuesday [cite: 1]."),
        ("[cite",),
        "unsafe",
        ("Tuesday [cite: 1].", "Tuesday."),
    ),
    Claim(
        "ChatGPT's source mark: safe",
        article(body="The council approved it 【4†source】."),
        ("【",),
        "safe",
        ("it 【4†source】.", "it."),
    ),
    Claim(
        "contentReference: safe",
        article(body="Approved:contentReference[oaicite:0]{index=0}."),
        (":content",),
        "safe",
        ("Approved:contentReference[oaicite:0]{index=0}.", "Approved."),
    ),
    Claim(
        "DeepSeek's [citation:3]: unsafe",
        article(body="Approved [citation:3]."),
        ("[citation",),
        "unsafe",
        ("Approved [citation:3].", "Approved."),
    ),
    Claim(
        "between two letters one space stays",
        article(body="Approved [cite_start]the budget."),
        ("[cite_start",),
        "unsafe",
        ("Approved [cite_start]the", "Approved the"),
    ),
    Claim("a footnote the body defines", article(body="Approved [^1^].\n\n[^1^]: USDA, 2023.")),
    Claim("code", article(body="Gemini writes `[cite: 1]` after a claim.")),
    Claim("a YAML map, no marker", article("tags: [cite: 1]\n")),
]


@pytest.mark.parametrize("claim", BD011, ids=lambda c: c.doc)
def test_chat_citation_as_documented(claim: Claim) -> None:
    check("BD011", claim)


# --- BD013 markdown-in-html ---------------------------------------------------------------------

BD013 = [
    Claim(
        "a heading under the opening tag",
        article(body='<p dir="rtl">\n## Heading\nSome **bold** text\n</p>'),
        ("## Heading",),
        "unsafe",
        ('<p dir="rtl">\n## Heading', '<p dir="rtl">\n\n## Heading'),
    ),
    # "Markdown on a line that starts with a tag has no fix".
    Claim("after the tags on a line", article(body="<div>**bold**</div>"), ("**bold",)),
    Claim("in a block quote", article(body="> <div>**x**</div>"), ("**x",)),
    Claim("inside <pre>", article(body="<pre>\n**x**\n</pre>")),
    Claim("a blank line after the tag", article(body="<div>\n\n**bold**\n\n</div>")),
    Claim(
        "marks inside words or spaced", article(body="<div>\na*b*c snake_case 5 * 3 * 2\n\n</div>")
    ),
    Claim("a number of four digits", article(body="<div>\n2024. The year\n\n</div>")),
]


@pytest.mark.parametrize("claim", BD013, ids=lambda c: c.doc)
def test_markdown_in_html_as_documented(claim: Claim) -> None:
    check("BD013", claim)


def test_markdown_in_html_names_a_block_that_opens_with_a_closing_tag() -> None:
    # `</div>` after a blank line opens an HTML block of its own (CommonMark's kind 6), which
    # runs on to the next blank line: the source link right under it is not rendered. The
    # message names the block by its tag, as for `<div>` (it said "the HTML block  from line").
    text = article(body="<div>\n\nThe vote.\n</div>").replace(
        "</div>\n\n[Reuters]", "</div>\n[Reuters]"
    )
    found = check_text(text, select=["BD013"])
    assert [(d.line, d.column) for d in found] == [at(text, "[Reuters]")]
    line = at(text, "</div>")[0]
    assert found[0].message.startswith(f"a link inside the HTML block </div> from line {line} ")


# --- BD014 title-in-body ------------------------------------------------------------------------

HEADLINE = "Budget passes after a week of talks"


def opening(first: str, extra: str = "") -> str:
    """An article whose body opens with `first`, then the prose."""
    text = article(extra)
    return text.replace("---\n\n" + PROSE, "---\n\n" + first + "\n\n" + PROSE)


def removed(first: str) -> tuple[str, str]:
    return ("---\n\n" + first + "\n\n", "---\n\n")


BD014 = [
    Claim(
        "a heading",
        opening("# " + HEADLINE),
        ("# Budget",),
        "unsafe",
        removed("# " + HEADLINE),
    ),
    Claim(
        "an underlined heading",
        opening(HEADLINE + "\n==="),
        ("Budget passes after a week of talks\n===",),
        "unsafe",
        removed(HEADLINE + "\n==="),
    ),
    Claim(
        "a bold paragraph",
        opening("**" + HEADLINE + "**"),
        ("**Budget",),
        "unsafe",
        removed("**" + HEADLINE + "**"),
    ),
    Claim(
        "case and end punctuation ignored",
        opening("## budget passes after a week of talks!"),
        ("## budget",),
        "unsafe",
        removed("## budget passes after a week of talks!"),
    ),
    Claim(
        "a heading's {#id} ignored",
        opening("# " + HEADLINE + " {#top}"),
        ("# Budget",),
        "unsafe",
        removed("# " + HEADLINE + " {#top}"),
    ),
    Claim("a link is no repeat", opening(f"[{HEADLINE}](https://example.org/a)")),
    Claim("another heading", opening("# Budget passes")),
    Claim("in a list", opening("- # " + HEADLINE)),
    Claim("chapter: true", opening("# " + HEADLINE, "chapter: true\n")),
    # "There is no fix for a heading whose anchor the article links to".
    Claim(
        "an anchor the article links to: no fix",
        opening("# " + HEADLINE).replace(
            PROSE, "See [the vote](#budget-passes-after-a-week-of-talks).\n"
        ),
        ("# Budget",),
    ),
]


@pytest.mark.parametrize("claim", BD014, ids=lambda c: c.doc)
def test_title_in_body_as_documented(claim: Claim) -> None:
    check("BD014", claim)


# --- FM012 file-language-spaced and FM008 home-leaf-bundle: what the file's name says ------------


@pytest.fixture
def two_languages(tmp_path: Path) -> Path:
    (tmp_path / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\ndefaultContentLanguage = "de"\n'
        "[languages.de]\nweight = 1\n[languages.en]\nweight = 2\n"
    )
    return tmp_path


@pytest.mark.parametrize(
    ("name", "reported"),
    [
        ("communityday.en .md", True),  # the docs' example
        ("treffen. en.md", True),
        ("x.DE .md", True),  # "in any case: `x.DE.md` is German"
        ("old news.de.md", False),  # "a space elsewhere in the name"
        ("v1.2 .md", False),  # "a part that names no language of the site"
        ("a.fr .md", False),  # fr is no language of this site
        ("a.en.md", False),
    ],
)
def test_file_language_spaced_as_documented(two_languages: Path, name: str, reported: bool) -> None:
    path = two_languages / "content" / "events" / name
    found = check_text(article(), select=["FM012"], path=str(path))
    # "The report is at the start of the file."
    assert [(d.code, d.line, d.column) for d in found] == ([("FM012", 1, 1)] if reported else [])


def test_file_language_spaced_only_on_a_site_of_several_languages(tmp_path: Path) -> None:
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
    path = tmp_path / "content" / "events" / "communityday.en .md"
    assert check_text(article(), select=["FM012"], path=str(path)) == []


@pytest.mark.parametrize(
    ("name", "reported"),
    [
        ("content/index.md", True),
        ("content/index.en.md", True),  # "(or `index.fr.md`, any content format)"
        ("content/_index.md", False),
        ("content/news/index.md", False),  # a leaf bundle, as meant
    ],
)
def test_home_leaf_bundle_as_documented(two_languages: Path, name: str, reported: bool) -> None:
    found = check_text(article(), select=["FM008"], path=str(two_languages / name))
    assert [(d.code, d.line, d.column) for d in found] == ([("FM008", 1, 1)] if reported else [])


def test_home_leaf_bundle_without_a_hugo_site_is_left_alone(tmp_path: Path) -> None:
    # "Without a Hugo site ... nothing is reported: a `content/index.md` there may belong to
    # another tool."
    path = tmp_path / "content" / "index.md"
    assert check_text(article(), select=["FM008"], path=str(path)) == []
