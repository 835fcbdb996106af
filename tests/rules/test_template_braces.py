from __future__ import annotations

from pathlib import Path

import pytest

from newslint.rules.template_braces import _ACTION, TemplateBraces, _actions
from newslint.site import Site
from newslint.testing import Case, assert_case, fm

FENCE = "```"
HUGO_SITE = Site(root=Path("/site"))

LEAK = '{{if !contains(profile.lists,"Evening")}} Sign up. {{/if}}\n'
SHORTCODES = (
    '{{< figure src="a.png" >}} {{% note %}}x{{% /note %}} {{<figure src="b">}} '
    "{{</* comment */>}}\n"
)

CASES = [
    Case("shortcodes", fm(body=SHORTCODES, title="T")),
    Case(
        "leaked-template",
        fm(body=LEAK, title="T"),
        errors=[("braces", 5, 1), ("braces", 5, 52)],
        unsafe_fixed=fm(body=LEAK.replace("{{", "\\{\\{"), title="T"),
    ),
    # A CMS escaped the `<` of a call: reported as such, with no fix (escaping the braces would
    # bury the call; unescaping it calls a shortcode the site may lack).
    Case(
        "escaped-shortcode-call",
        fm(
            body='{{\\< button href="/a" >}}\nThe text\n{{\\< /button >}} and {{\\% note %}}\n',
            title="T",
        ),
        errors=[("escaped-call", 5, 1), ("escaped-call", 7, 1), ("escaped-call", 7, 22)],
    ),
    # An archetype copied by hand: its actions are never run (no fix, an editor must write the
    # value).
    Case(
        "archetype-in-front-matter",
        fm(
            body="Text.\n",
            title='{{ replace .File.ContentBaseName "-" " " | title }}',
            slug="{{ .Name }}",
            description="About {{ .Site.Title }} and {{.Section}}",
        ),
        errors=[("field", 2, 9), ("field", 3, 8), ("field", 4, 21), ("field", 4, 43)],
    ),
    Case(
        "front-matter-mentions-and-other-keys",
        fm(
            body="Text.\n",
            title='What "{{ .Title }}" does in a template, and {{ }} or {{ . }}',
            summary="Hugo shortcodes look like {{< figure >}} and {{% note %}}.",
            template="{{ .Title }} | {{ .Site.Title }}",
        ),
    ),
    Case(
        "front-matter-fields-option",
        fm(body="Text.\n", title="T", seo_title="{{ .Title }} | News"),
        options={"fields": ["seo_title"]},
        errors=[("field", 3, 13)],
    ),
    Case(
        "toml-and-escapes",
        '+++\ntitle = "News about \\u007b{ .Date }}"\n+++\n\nText.\n',
        errors=[("field", 2, 21)],
    ),
    Case(
        "code-html-and-table",
        fm(
            body=f"`{{{{ .Title }}}}` and\n\n{FENCE}\n{{{{ .Content }}}}\n{FENCE}\n\n"
            "<div>{{ x }}</div>\n\n| {{ c }} | d |\n|---|---|\n",
            title="T",
        ),
        errors=[("braces", 13, 3)],
        unsafe_fixed=fm(
            body=f"`{{{{ .Title }}}}` and\n\n{FENCE}\n{{{{ .Content }}}}\n{FENCE}\n\n"
            "<div>{{ x }}</div>\n\n| \\{\\{ c }} | d |\n|---|---|\n",
            title="T",
        ),
    ),
    Case(
        # A shortcode's arguments are strings the shortcode prints (`figure` puts the caption in
        # `alt` and `figcaption`): an escape there would be shown, so they are not prose.
        "braces-in-shortcode-arguments",
        fm(
            body='{{< figure src="/a.jpg" caption="A {{ b }} c" >}}\n\n'
            '{{% note title="x {{ y }}"\n   kind="z" %}}Text.{{% /note %}}\n\nThen {{ .Leak }}.\n',
            title="T",
        ),
        errors=[("braces", 10, 6)],
        unsafe_fixed=fm(
            body='{{< figure src="/a.jpg" caption="A {{ b }} c" >}}\n\n'
            '{{% note title="x {{ y }}"\n   kind="z" %}}Text.{{% /note %}}\n\nThen \\{\\{ .Leak }}.\n',
            title="T",
        ),
    ),
    Case(
        # A backslash in an autolink or a bare URL would be part of the URL (or end it): the
        # braces are reported without a fix there.
        "braces-in-urls-have-no-fix",
        fm(
            body="See <https://e.com/{{x}}> and www.e.com/a{{y}} or [{{ z }}](https://e.com/).\n"
            "Note:{{ n }}\n",
            title="T",
        ),
        errors=[("braces", 5, 20), ("braces", 5, 42), ("braces", 5, 52), ("braces", 6, 6)],
        unsafe_fixed=fm(
            body="See <https://e.com/{{x}}> and www.e.com/a{{y}} or [\\{\\{ z }}](https://e.com/).\n"
            "Note:\\{\\{ n }}\n",
            title="T",
        ),
    ),
    Case(
        "triple-braces-escape-is-stable",
        fm(body="a {{{ b }}} c\n", title="T"),
        errors=[("braces", 5, 3)],
        unsafe_fixed=fm(body="a \\{\\{{ b }}} c\n", title="T"),
    ),
    Case(
        "mentions-of-the-syntax",
        fm(
            body='Actions go between "{{" and "}}", within {{ }}; {{ . }} is the context. '
            "\\{{ escaped.\n",
            title="T",
        ),
    ),
    Case(
        "shortcode-bodies",
        fm(
            body="{{< math.inline >}}\n{{ if .Page.Params.math }}x{{ end }}\n{{< /math.inline >}}\n\n"
            "{{< highlight go >}}\n{{ .Title }}\n{{< /highlight >}}\n",
            title="T",
        ),
    ),
    Case(
        "liquid-file",
        fm(body="See [the docs]({{ site.baseurl }}/docs) and {{ issue }}.\n", title="T"),
    ),
    # Zola's shortcode call is a Tera function call: outside a Hugo site (a Zola config.toml
    # makes none) the file is a template; in a Hugo site the braces show as they are.
    Case(
        "zola-shortcode-file",
        fm(body='Watch {{ youtube(id="dQw4w9WgXcQ") }} and {{ issue }}.\n', title="T"),
    ),
    Case(
        "zola-shortcode-in-a-hugo-site",
        fm(body='Watch {{ youtube(id="x") }} now.\n', title="T"),
        site=HUGO_SITE,
        errors=[("braces", 5, 7)],
        unsafe_fixed=fm(body='Watch \\{\\{ youtube(id="x") }} now.\n', title="T"),
    ),
    # Jekyll runs Liquid over every post, whatever it holds: `{{ "/x.png" }}` writes the path
    # (a Spanish Jekyll blog's posters); the same text in a Hugo site, or outside `_posts`, is
    # shown as it is.
    Case(
        "jekyll-post-is-liquid",
        fm(body='![poster]({{ "/assets/poster.png" }})\n', title="T"),
        path="_posts/2017-02-28-charla.md",
    ),
    Case(
        "jekyll-post-name-in-a-hugo-site",
        fm(body='![poster]({{ "/assets/poster.png" }})\n', title="T"),
        path="content/_posts/2017-02-28-charla.md",
        site=HUGO_SITE,
        errors=[("braces", 5, 11)],
        unsafe_fixed=fm(body='![poster](\\{\\{ "/assets/poster.png" }})\n', title="T"),
    ),
    Case(
        "jekyll-page-outside-posts",
        fm(body='![poster]({{ "/assets/poster.png" }})\n', title="T"),
        path="about/2017-02-28-charla.md",
        errors=[("braces", 5, 11)],
        unsafe_fixed=fm(body='![poster](\\{\\{ "/assets/poster.png" }})\n', title="T"),
    ),
    # In a Hugo site nothing runs Liquid (hugo 0.168 shows `{% post_url x %}` and
    # `{{ site.baseurl }}` as text): an article carried over from Jekyll is reported.
    Case(
        "liquid-left-in-a-hugo-site",
        fm(
            body="See [the first post]({% post_url 2015-03-22-start %}) and\n"
            "[the docs]({{ site.baseurl }}/docs).\n",
            title="T",
        ),
        errors=[("liquid", 5, 22), ("braces", 6, 12)],
        unsafe_fixed=fm(
            body="See [the first post]({% post_url 2015-03-22-start %}) and\n"
            "[the docs](\\{\\{ site.baseurl }}/docs).\n",
            title="T",
        ),
        site=HUGO_SITE,
    ),
    Case(
        "liquid-tag-trimmed-and-alone",
        fm(body='Intro.\n\n{%- include image.html src="a.png" -%}\n', title="T"),
        errors=[("liquid", 7, 1)],
        site=HUGO_SITE,
    ),
    # A Hugo shortcode call written with `%` holds `{% ... %}`; code, escapes and quotes show
    # the tag on purpose; a shortcode's body is the shortcode's to show.
    Case(
        "liquid-look-alikes-in-a-hugo-site",
        fm(
            body="{{% note %}}Hi{{% /note %}} and `{% include a %}` and \\{% raw %} and "
            '"{% endraw %}".\n\n{{< highlight liquid >}}\n{% if x %}y{% endif %}\n'
            "{{< /highlight >}}\n",
            title="T",
        ),
        site=HUGO_SITE,
    ),
    Case(
        "cjk-and-crlf",
        '---\r\ntitle: "T"\r\n---\r\n\r\n北京{{ 东京 }}\r\n',
        errors=[("braces", 5, 3)],
        unsafe_fixed='---\r\ntitle: "T"\r\n---\r\n\r\n北京\\{\\{ 东京 }}\r\n',
    ),
    # TeX formulas: double braces are TeX's grouping there (hugo 0.168 passes them on as they
    # are, with or without its passthrough extension), shown by MathJax or KaTeX as math.
    Case(
        "tex-formulas",
        fm(
            body="So $\\frac{{a}}{b}$ and \\(x^{{2}}\\) hold.\n\n$$\n{{n}\\choose{k}}\n$$\n",
            title="T",
        ),
    ),
    # Dollars around prose are prices, not a formula; a formula does not cross a line or a
    # paragraph break; an escaped dollar is a dollar.
    Case(
        "dollars-that-are-no-formula",
        fm(
            body="It costs $5 and {{ a }} is $6.\n"
            "It costs $5 and\n{{ b }} $x^{2}$.\n"
            "Prices \\$5 {{ c }} \\frac{a}{b} $6.\n\n"
            "$$ {{ d }}\n\nother $$ \\frac{1}{2}\n",
            title="T",
        ),
        errors=[("braces", 5, 17), ("braces", 7, 1), ("braces", 8, 12), ("braces", 10, 4)],
        unsafe_fixed=fm(
            body="It costs $5 and \\{\\{ a }} is $6.\n"
            "It costs $5 and\n\\{\\{ b }} $x^{2}$.\n"
            "Prices \\$5 \\{\\{ c }} \\frac{a}{b} $6.\n\n"
            "$$ \\{\\{ d }}\n\nother $$ \\frac{1}{2}\n",
            title="T",
        ),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_template_braces(case: Case) -> None:
    assert_case(TemplateBraces, case)


def test_actions_are_searched_up_to_each_lines_last_close() -> None:
    # A line's `{{` after its last `}}` cannot close; what is found is what `_ACTION` finds.
    value = "{{ a }} {{ b\n{{<x>}} {{ c }}{{ {{\n{{{{ d }}"
    found = [(m.start(), m.group(0)) for m in _actions(value)]
    assert found == [(0, "{{ a }}"), (21, "{{ c }}"), (34, "{{{{ d }}")]
    assert found == [(m.start(), m.group(0)) for m in _ACTION.finditer(value)]


def test_a_text_field_under_params() -> None:
    # `params.lead` is the page's `.Params.lead` (hugo 0.168), over the top-level one, which is
    # then read by nothing; `params.title` is no title.
    text = (
        "---\nlead: '{{ .Title }}'\nparams:\n  lead: '{{ .Title }}'\n  title: '{{ .Title }}'\n---\n"
    )
    assert_case(TemplateBraces, Case("params-lead", text, errors=[("field", 4, 10)]))
    from newslint.engine import check_text

    assert [d.message for d in check_text(text, select=["BD005"])] == [
        "params.lead holds template code '{{ .Title }}', which Hugo does not run in front matter"
    ]


def test_an_escaped_call_is_quoted_as_written() -> None:
    # One backslash in the file is one in the message (a repr would show two).
    from newslint.testing import case_reports

    case = Case("escaped", fm(body="{{\\< /button >}}\n", title="T"))
    _, reports = case_reports(TemplateBraces, case)
    assert [report.message for report in reports] == [
        "shortcode call '{{\\< /button >}}' has its '<' escaped with a backslash (as a CMS "
        "writes it), so Hugo shows it as text: write '{{<' to call the shortcode"
    ]
