from __future__ import annotations

import pytest

from newslint.rules.html_entity import HtmlEntity
from newslint.testing import Case, Raw, assert_case, fm

TAGS = {"fields": ["title", "tags"]}

CASES = [
    Case(
        "list-items-yaml",
        '---\ntitle: "T"\ntags:\n  - "Trump&#39;s plan"\n  - AT&amp;T\n  - plain\n---\nBody.\n',
        options=TAGS,
        errors=[("entity", 4, 11), ("entity", 5, 7)],
        fixed='---\ntitle: "T"\ntags:\n  - "Trump\'s plan"\n  - AT&T\n  - plain\n---\nBody.\n',
    ),
    Case(
        # `&quot;` in a double-quoted item, `&#39;` in a TOML literal one: reported, no fix.
        "list-items-json-and-toml",
        '+++\ntags = ["S&amp;P", "a &quot;b&quot;", \'it&#39;s\']\n+++\nBody.\n',
        options=TAGS,
        errors=[("entity", 2, 11), ("entity", 2, 23), ("entity", 2, 30), ("entity", 2, 42)],
        fixed='+++\ntags = ["S&P", "a &quot;b&quot;", \'it&#39;s\']\n+++\nBody.\n',
    ),
    Case(
        # An item written with escapes: reported at the item, no fix.
        "list-items-escaped-or-indicator",
        '{"title": "T", "tags": ["\\u00e9 &amp;"]}\nBody.\n',
        options=TAGS,
        errors=[("entity", 1, 25)],
    ),
    Case(
        # A plain item: `&` may follow its first character (first, it would start an anchor).
        "plain-list-item",
        "---\ntitle: T\ntags:\n  - x&amp;\n---\nBody.\n",
        options=TAGS,
        errors=[("entity", 4, 6)],
        fixed="---\ntitle: T\ntags:\n  - x&\n---\nBody.\n",
    ),
    Case("list-items-not-in-fields", "---\ntitle: T\ntags: [AT&amp;T]\n---\nBody.\n"),
    Case("clean", fm(title="Trump's plan", summary="AT&T and S&P rose.")),
    Case(
        "numeric-in-title",
        fm(title="Trump&#39;s plan"),
        errors=[("entity", 2, 14)],
        fixed=fm(title="Trump's plan"),
    ),
    Case(
        "several-in-summary-requoted",
        fm(summary="S&amp;P fell, a &quot;rout&quot; said &#x27;traders&#x27;"),
        errors=[
            ("entity", 2, 12),
            ("entity", 2, 27),
            ("entity", 2, 37),
            ("entity", 2, 49),
            ("entity", 2, 62),
        ],
        fixed=fm(summary="S&P fell, a \"rout\" said 'traders'"),
    ),
    Case(
        "lead",
        fm(lead="Larsen &amp; Toubro"),
        errors=[("entity", 2, 15)],
        fixed=fm(lead="Larsen & Toubro"),
    ),
    Case(
        # `&#0;`, `&#xD800;` and `&#1114112;` name no character (a browser shows U+FFFD): decoding
        # them would only write the replacement character, so only the others are fixed.
        "no-character-is-not-decoded",
        fm(
            title="Fish&#0;chips &amp; peas&#xD800;",
            summary="A &#1114112; sign in the summary text.",
        ),
        errors=[("entity", 2, 13), ("entity", 2, 23), ("entity", 2, 33), ("entity", 3, 13)],
        fixed=fm(
            title="Fish&#0;chips & peas&#xD800;", summary="A &#1114112; sign in the summary text."
        ),
    ),
    Case("not-a-text-field", fm(author="Tom &amp; Jerry")),
    Case("unknown-name-and-bare-ampersand", fm(title="AT&T &foo; R&D")),
    Case("in-backticks", fm(title="Write `&amp;` for an ampersand")),
    Case("body-is-markdown", fm(body="AT&amp;T rose.\n", title="AT&T")),
    Case(
        "single-quoted-yaml",
        "---\ntitle: 'It&#39;s here'\n---\nBody.\n",
        errors=[("entity", 2, 11)],
        fixed="---\ntitle: 'It''s here'\n---\nBody.\n",
    ),
    Case(
        "plain-yaml",
        "---\ntitle: It&#39;s here\n---\nBody.\n",
        errors=[("entity", 2, 10)],
        fixed="---\ntitle: It's here\n---\nBody.\n",
    ),
    Case(
        # `#` after a space would start a comment in a plain scalar: the value is quoted instead.
        "plain-yaml-that-needs-quotes",
        "---\ntitle: Item &#35;5 &#35; sale\n---\nBody.\n",
        errors=[("entity", 2, 13), ("entity", 2, 20)],
        fixed='---\ntitle: "Item #5 # sale"\n---\nBody.\n',
    ),
    Case(
        "double-escaped-takes-two-passes",
        fm(title="Trump&amp;#39;s plan"),
        errors=[("entity", 2, 14)],
        fixed=fm(title="Trump's plan"),
    ),
    Case(
        "block-scalar",
        "---\nsummary: >\n  It&#39;s here and\n  there.\n---\nBody.\n",
        errors=[("entity", 3, 5)],
        fixed="---\nsummary: >\n  It's here and\n  there.\n---\nBody.\n",
    ),
    Case(
        "cjk",
        fm(title="中国&amp;美国贸易"),
        errors=[("entity", 2, 11)],
        fixed=fm(title="中国&美国贸易"),
    ),
    Case(
        "crlf",
        '---\r\ntitle: "A&amp;B"\r\nsummary: "x"\r\n---\r\nBody.\r\n',
        errors=[("entity", 2, 10)],
        fixed='---\r\ntitle: "A&B"\r\nsummary: "x"\r\n---\r\nBody.\r\n',
    ),
    Case(
        "toml",
        '+++\ntitle = "Trump&#39;s &quot;plan&quot;"\n+++\nBody.\n',
        errors=[("entity", 2, 15), ("entity", 2, 22), ("entity", 2, 32)],
        fixed='+++\ntitle = "Trump\'s \\"plan\\""\n+++\nBody.\n',
    ),
    Case(
        # A TOML literal string cannot hold `'`: the value is rewritten as a basic string.
        "toml-literal",
        "+++\ntitle = 'It&#39;s'\n+++\nBody.\n",
        errors=[("entity", 2, 12)],
        fixed='+++\ntitle = "It\'s"\n+++\nBody.\n',
    ),
    Case(
        # No character map for a multi-line string: the entity is found where the fix finds it.
        "toml-multi-line",
        '+++\nsummary = """\nAT&amp;T rose."""\n+++\nBody.\n',
        errors=[("entity", 3, 3)],
        fixed='+++\nsummary = """\nAT&T rose."""\n+++\nBody.\n',
    ),
    Case(
        "json",
        '{"title": "A &quot;B&quot;", "date": "2025-02-08"}\nBody.\n',
        errors=[("entity", 1, 14), ("entity", 1, 21)],
        fixed='{"title": "A \\"B\\"", "date": "2025-02-08"}\nBody.\n',
    ),
    Case(
        "escaped-source-maps-columns",
        '---\ntitle: "\\u00e9t\\u00e9 &amp; hiver"\n---\nBody.\n',
        errors=[("entity", 2, 23)],
        fixed='---\ntitle: "\\u00e9t\\u00e9 & hiver"\n---\nBody.\n',
    ),
    Case("list-title-ignored", fm(title=["A &amp; B"])),
    Case("raw-number", fm(title=Raw("42"))),
    Case(
        "capitalised-key",
        fm(Title="Trump&#39;s plan"),
        errors=[("entity", 2, 14)],
        fixed=fm(Title="Trump's plan"),
    ),
    # Hugo renders a front-matter summary as Markdown: `&lt;b&gt;` shows `<b>`, while a bare
    # `<b>` would be raw HTML, which Hugo leaves out. Such references are right as they are.
    Case(
        "summary-keeps-markdown-syntax-references",
        fm(summary="Use &lt;b&gt; and &#42;stars&#42; &amp; more"),
        errors=[("entity", 2, 45)],
        fixed=fm(summary="Use &lt;b&gt; and &#42;stars&#42; & more"),
    ),
    Case("summary-only-markdown-syntax-references", fm(summary="Use &lt;b&gt; tags")),
    # In the summary, a reference to white space or an invisible character shows that character
    # (a German site's `40.000&nbsp;Euro`): decoded, the no-break space would be invisible in the
    # source, and text-whitespace would then make it a plain space the author did not want.
    Case(
        "summary-keeps-invisible-character-references",
        fm(summary="Sie spendete 40.000&nbsp;Euro, 5&thinsp;% mehr, Donau&shy;dampf &amp; Co."),
        errors=[("entity", 2, 75)],
        fixed=fm(summary="Sie spendete 40.000&nbsp;Euro, 5&thinsp;% mehr, Donau&shy;dampf & Co."),
    ),
    Case(
        "title-shows-a-no-break-space-reference-literally",
        fm(title="40.000&nbsp;Euro"),
        errors=[("entity", 2, 15)],
        fixed=fm(title="40.000\u00a0Euro"),
    ),
    Case(
        "title-is-escaped-by-hugo",
        fm(title="Use &lt;b&gt; tags"),
        errors=[("entity", 2, 13), ("entity", 2, 18)],
        fixed=fm(title="Use <b> tags"),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_html_entity(case: Case) -> None:
    assert_case(HtmlEntity, case)


def test_messages_say_where_a_summary_shows_the_entity() -> None:
    """Hugo renders a `summary` as Markdown (`.Summary` shows `'` for `&#39;`) and a title not
    (checked with hugo 0.168, and in tests/test_hugo_claims_oracle.py)."""
    from newslint.engine import check_text

    found = check_text(fm(title="Trump&#39;s plan", summary="Trump&#39;s plan"), select=["TX003"])
    assert [(d.line, d.column, d.message) for d in found] == [
        (2, 14, "title shows the HTML entity &#39; literally"),
        (
            3,
            16,
            "summary shows the HTML entity &#39; literally where it is printed as written "
            "(Hugo's rendered summary shows \"'\")",
        ),
    ]


# HTML formatting around part of a title, as a CMS copies it (a real government blog's title
# '<strong>Writing privacy notices that are easy to read and understand</strong>'): themes print
# the title escaped, so readers see the tags. Reported without a fix (a theme may render them).
TAG_CASES = [
    Case(
        "strong-around-the-title",
        fm(title="<strong>Writing privacy notices</strong>"),
        errors=[("tag", 2, 9)],
    ),
    Case(
        "two-elements-and-attributes",
        fm(title='A <em>new</em> <span class="x">plan</span> &amp; more'),
        errors=[("tag", 2, 11), ("tag", 2, 24), ("entity", 2, 54)],
        fixed=fm(title='A <em>new</em> <span class="x">plan</span> & more'),
    ),
    Case(
        "nested-elements-once",
        '---\ntitle: "<b><i>Plan</i></b>"\n---\nBody.\n',
        errors=[("tag", 2, 9)],
    ),
    Case("an-element-named-in-the-title", fm(title="Goodbye <marquee>, hello <dialog>")),
    Case("an-unclosed-tag", fm(title="The <b> tag explained")),
    Case("a-summary-is-markdown", fm(title="T", summary="The <em>new</em> plan passed.")),
]


@pytest.mark.parametrize("case", TAG_CASES, ids=lambda c: c.name)
def test_html_tags_in_a_title(case: Case) -> None:
    assert_case(HtmlEntity, case)


# A custom text field (`lead`) under `params` is the page's `.Params.lead` (hugo 0.168), over a
# top-level one, which is then read by nothing: checked under `params` only. Hugo's own fields
# are never read from `params`: a `params.title` is not checked as the title.
PARAMS_CASES = [
    Case(
        "params-lead-over-top-level",
        "---\nlead: Trump&#39;s plan\nparams:\n  lead: Trump&#39;s plan\n  title: Trump&#39;s plan\n---\n",
        errors=[("entity", 4, 14)],
        fixed="---\nlead: Trump&#39;s plan\nparams:\n  lead: Trump's plan\n  title: Trump&#39;s plan\n---\n",
    ),
]


@pytest.mark.parametrize("case", PARAMS_CASES, ids=lambda c: c.name)
def test_a_text_field_under_params(case: Case) -> None:
    assert_case(HtmlEntity, case)


BODY_CASES = [
    Case(
        # Hugo renders a reference in the body (hugo 0.168): the page shows the character.
        "body-references-render",
        "---\ntitle: T\n---\nIt&rsquo;s 40.000&nbsp;Euro &mdash; &#8217; and AT&amp;T.\n",
    ),
    Case(
        # Escaped twice: the page shows `&#39;`; a number or a reference inside a word is reported.
        "body-escaped-twice",
        "---\ntitle: T\n---\n"
        "Trump&amp;#39;s plan, 40.000&amp;nbsp;Euro and *it&amp;rsquo;s* &amp;#8217;\n",
        errors=[("entity", 4, 6), ("entity", 4, 29), ("entity", 4, 51), ("entity", 4, 65)],
        fixed="---\ntitle: T\n---\nTrump&#39;s plan, 40.000&nbsp;Euro and *it&rsquo;s* &#8217;\n",
    ),
    Case(
        # Written apart, it may be how an article about HTML shows a reference; in code it is
        # code; `&amp;foo;` names no reference; `&amp;#0;` has no character to show (no fix).
        "body-escaped-twice-left-alone",
        "---\ntitle: T\n---\nBody.\n\n"
        "Write &amp;nbsp; here, `it&amp;#39;s`, x&amp;foo; and &amp;#0;\n",
        errors=[("entity", 6, 55)],
    ),
    Case(
        # No `;` ends the reference: hugo 0.168 shows `caf&eacute`, `&copy 2024`; the fix
        # ends it. Not: escaped with a backslash (shown as meant), in code, a name that is also
        # a word (`Pub&sub`, `&and`), one that goes on (`&nbspx`), `AT&T`.
        "body-reference-without-semicolon",
        "---\ntitle: T\n---\ncaf&eacute, &copy 2024 and one&nbsp\n\n"
        "\\&nbsp `&nbsp` Pub&sub, this &and that, &nbspx, AT&T\n",
        errors=[("entity", 4, 4), ("entity", 4, 13), ("entity", 4, 31)],
        fixed="---\ntitle: T\n---\ncaf&eacute;, &copy; 2024 and one&nbsp;\n\n"
        "\\&nbsp `&nbsp` Pub&sub, this &and that, &nbspx, AT&T\n",
    ),
    Case(
        # A query's parameter (`?id=1&copy=2`, an address written out without a scheme, which
        # Hugo does not link) is no reference: `;` would make it `©=2`. HTML reads no legacy
        # reference before `=` in an attribute for the same reason.
        "body-query-parameter-named-like-a-reference",
        "---\ntitle: T\n---\nSee example.org/list?id=1&copy=2&reg=3 and &amp=x.\n",
    ),
]


@pytest.mark.parametrize("case", BODY_CASES, ids=lambda c: c.name)
def test_html_entity_body(case: Case) -> None:
    assert_case(HtmlEntity, case)
