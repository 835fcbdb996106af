"""Template braces `{{` in the text that are not a shortcode call.

## What it does
Reports `{{` in the prose of the body (outside code spans, code blocks and raw HTML) unless it opens
a Hugo shortcode call, `{{< name >}}` or `{{% name %}}` (including the commented form
`{{</* name */>}}` that documentation uses to show one). Hugo reads every `{{<` and `{{%` as a
call, whatever follows: a call it cannot read (`{{< figure src="a.png" width= >}}`) is
shortcode-syntax's (BD016), and this rule never reports a `{{<` or `{{%`; BD016 in turn never
reports any other `{{`.

These are not reported either, since nothing leaked there:

- braces that are escaped (`\\{{`), quoted (`"{{"`), or an action that only names the syntax
  (`{{ }}`, `{{ . }}`), as in a text about templates;
- the arguments of a shortcode call (`{{< figure caption="{{ x }}" >}}`), strings the shortcode
  prints as they are, where an escape would show;
- the body of a `{{< >}}` shortcode call, which Hugo hands to the shortcode: `highlight` shows it as
  code, and an inline shortcode (`{{< time.inline >}}{{ now }}{{< /time.inline >}}`) runs it as a
  template;
- a TeX formula, `$...$`, `$$...$$`, `\\(...\\)` or `\\[...\\]` holding a control word or a
  braced super- or subscript (`$\\frac{{a}}{b}$`, `x^{{2}}`): double braces are TeX's grouping
  there, which Hugo passes on as it is and MathJax or KaTeX shows as math (`$5 and {{ x }} $6`
  is still reported);
- a file written for a Liquid engine (Jekyll) and not part of a Hugo site: one with a Liquid tag
  (`{% include x %}`), a Jekyll variable (`{{ site.url }}`, `{{ page.title }}`) or a Liquid
  filter (`{{ x | relative_url }}`), and any Jekyll post (`_posts/2017-02-28-x.md`), which
  Jekyll runs through Liquid whatever it holds (`![poster]({{ "/assets/poster.png" }})` writes
  the path); so is one written for Zola, whose shortcode calls are Tera function calls
  (`{{ youtube(id="dQw4w9WgXcQ") }}`).

In a Hugo site (a `hugo.toml` or `config.*` above the file) nothing runs Liquid, so an article
carried over from Jekyll shows its tags as text (checked with hugo 0.168): there its `{{ }}` are
reported like any other, and so is each Liquid tag left in the prose (`{% post_url 2015-03-22-x
%}`, `{% include image.html %}`, `{% link about.md %}`), with no fix: what the tag stood for (a
link, an image) is for an editor to write again in Markdown or as a shortcode.

The same goes for the front-matter `title`, `linkTitle`, `summary`, `description`, `lead`,
`subtitle`, `slug` and `url` (the `fields` option changes the list): a value such as
`"{{ replace .Name "-" " " | title }}"` is an archetype's template copied by hand instead of run
by `hugo new`, and Hugo shows it, or puts it in the page's address, as it is. These get no fix.

A custom field among them (`lead`, a configured `subtitle`) written under the page's `params`
map is checked there, as `params.lead`: Hugo 0.150+ makes it the page's `.Params.lead`, over a
top-level `lead`, which nothing then reads and which is not checked (checked with hugo 0.168).
Hugo's own fields (`title`, `summary`) are read at the top level only.

## Why is this bad?
Hugo does not run templates in content files (front matter included), so `{{ .Title }}` or `{{if
...}}` is shown to readers as it is: it is template code that leaked from a newsletter or a page the
article was copied from, or a shortcode call with a typo.

## Example
    {{if !contains(profile.lists,"Evening Report")}} Sign up for the Evening Report.

## Use instead
    Sign up for the Evening Report.

or, when the braces are meant to be shown, put them in a code span: `` `{{ .Title }}` ``.

## Fix safety
Unsafe: the fix escapes the braces (`\\{\\{`), which shows them exactly as before but marks them as
intended; leaked template code should usually be deleted instead, which needs an editor. Braces in
a URL written as text (`<https://example.com/{{id}}>`, or a bare URL that Hugo links) get no fix:
a backslash there would become part of the URL. Nor does a shortcode call whose `<` or `%` was
escaped (`{{\\< button >}}`, as some CMS editors write it): the message says to write `{{<`, which
calls the shortcode, and a shortcode the site lacks fails the build, so an editor checks.
The Example becomes:

    \\{\\{if !contains(profile.lists,"Evening Report")}} Sign up for the Evening Report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newslint import Edit, Fix, Rule, Severity, Span
from newslint.document import Document
from newslint.events import Field, Text
from newslint.rule import Context

from ._body import Regions, is_escaped, math_regions, shortcode_regions
from ._fields import lowered_keys
from ._jekyll import jekyll_document
from ._params import read_named
from ._text import FieldText

_LIQUID = re.compile(
    r"(?<!\{)\{%-?[ \t]*[a-z]"
    r"|\{\{-?[ \t]*(?:site|page|layout|include|paginator|jekyll)\.[a-z_]"
    r"|\{\{[^{}\n]{0,200}\|[ \t]*(?:relative_url|absolute_url|jsonify|xml_escape|date_to_string"
    r"|date_to_xmlschema|markdownify|slugify|prepend|append|strip_html|number_of_words)\b"
    # Zola's shortcode call (its body form `{% name(...) %}` is a tag above).
    r"|\{\{-?[ \t]*[a-z_]\w*\([^{}()\n]*\)[ \t]*-?\}\}"
)
# A whole Liquid tag on one line: `{% post_url x %}`, `{%- include a.html -%}`; not the `{%` of a
# Hugo shortcode call (`{{% note %}}`).
_LIQUID_TAG = re.compile(r"(?<!\{)\{%-?[ \t]*[a-z_]+[^\n]*?-?%\}(?!\})")
_MENTION = re.compile(r"\{\{-?[ \t]*\.?[ \t]*-?\}\}")
_QUOTES = "\"'“‘«„`"


# An action in a front-matter value: `{{` up to its `}}` on the same line.
_ACTION = re.compile(r"\{\{(?![<%])[^\n]*?\}\}")


def _actions(value: str) -> Iterator[re.Match[str]]:
    """The `_ACTION`s of `value`, searched in each line only up to its last `}}`: past it no `{{`
    can close, and searching there would read the rest of the line once for each `{{`."""
    start = 0
    for line in value.split("\n"):
        close = line.rfind("}}")
        if close >= 0:
            yield from _ACTION.finditer(value, start, start + close + 2)
        start += len(line) + 1


@dataclass(frozen=True)
class Options:
    """Options of the rule (its `[rules.template-braces]` table)."""

    fields: tuple[str, ...] = (
        "title",
        "linkTitle",
        "summary",
        "description",
        "lead",
        "subtitle",
        "slug",
        "url",
    )


class TemplateBraces(Rule):
    code = "BD005"
    name = "template-braces"
    severity = Severity.ERROR
    messages = {
        "braces": "template braces {text!r} are shown as they are (not a shortcode call)",
        # Quoted by hand: a repr would show the one backslash written as two.
        "escaped-call": "shortcode call '{text}' has its '{mark}' escaped with a backslash (as a "
        "CMS writes it), so Hugo shows it as text: write '{{{{{mark}' to call the shortcode",
        "field": "{key} holds template code {text!r}, which Hugo does not run in front matter",
        "liquid": "liquid tag {text!r} is shown as it is: Hugo does not run Jekyll's tags",
    }
    Options = Options

    def __init__(self) -> None:
        self.skipped: Regions | None = None  # computed on the first `{{`

    @classmethod
    def field_keys(cls, ctx: Context) -> frozenset[str]:
        # `on_field` returns at once for any other key.
        return lowered_keys((*ctx.options.fields, "params"))

    def on_field(self, ctx: Context, field: Field) -> None:
        # A custom key (`lead`) under `params` is the page's value (hugo 0.168): checked there.
        for read, key in read_named(ctx.document, field, ctx.options.fields):
            self._check(ctx, read, key)

    def _check(self, ctx: Context, field: Field, key: str) -> None:
        value = field.value
        if not isinstance(value, str) or "{{" not in value:
            return
        if not _in_hugo_site(ctx) and _LIQUID.search(ctx.document.text):
            return  # Jekyll's pages: their own conventions (see above)
        located: FieldText | None = None
        for match in _actions(value):
            start = match.start()
            if _MENTION.fullmatch(match.group(0)) or (start and value[start - 1] in _QUOTES):
                continue
            if start and value[start - 1] == "\\":
                continue
            located = located or FieldText(ctx.document.text, field)
            ctx.report(located.span(start, start + 2), "field", key=key, text=match.group(0))

    def _liquid_tags(self, ctx: Context, text: Text) -> None:
        """Each Liquid tag (`{% post_url x %}`) in the run, outside shortcode calls and escapes."""
        document = ctx.document.text
        if self.skipped is None:
            self.skipped = _skipped(ctx.document, liquid_runs=False)
        for match in _LIQUID_TAG.finditer(document, text.span.start, text.span.end):
            start = match.start()
            if (
                is_escaped(document, start)
                or (start > 0 and document[start - 1] in _QUOTES)
                or self.skipped.covers(start)
            ):
                continue
            ctx.report(Span(start, start + 2), "liquid", text=match.group(0)[:80])

    def on_text(self, ctx: Context, text: Text) -> None:
        if "{" not in text.text:
            return  # both checks below need one (memchr looks for a character; a pair costs more)
        if "{%" in text.text and _in_hugo_site(ctx):
            self._liquid_tags(ctx, text)
        if "{{" not in text.text:
            return
        document = ctx.document.text
        if self.skipped is None:
            self.skipped = _skipped(
                ctx.document, liquid_runs=not _in_hugo_site(ctx), liquid_file=jekyll_document(ctx)
            )
        position = text.span.start
        # The start of the word holding the last braces looked at, and their offset: the next
        # search goes back only to there (no break in between: the same word), so a run of
        # 100,000 `{{` is read once rather than once for each pair of braces.
        word, searched = text.span.start, text.span.start
        while True:
            start = document.find("{{", position, text.span.end)
            if start < 0:
                return
            position = start + 2
            # Look at the document, not the node: in `{{<figure>}}` the `<figure>` is an HTML node.
            if (
                document[start + 2 : start + 3] in ("<", "%")
                or is_escaped(document, start)
                or (start > 0 and document[start - 1] in _QUOTES)
                or _MENTION.match(document, start)
                or self.skipped.covers(start)
            ):
                continue
            close = document.find("}}", start + 2, start + 82)
            shown = document[start : close + 2 if close >= 0 else start + 2].split("\n")[0]
            span = Span(start, start + 2)
            if document[start + 2 : start + 4] in ("\\<", "\\%"):
                # `{{\< button >}}`: a call whose `<` an editor escaped; escaping the braces too
                # would only bury it. Whether the shortcode exists is the editor's to check.
                mark = document[start + 3]
                shown = shown if close >= 0 else document[start : start + 4]
                ctx.report(span, "escaped-call", text=shown, mark=mark)
                continue
            fix = None
            found = _word_start(document, searched, start)
            word, searched = (found if found > searched else word), start
            if _URL_START.match(document, word) is None:
                fix = Fix.unsafe("Escape the braces", Edit.replace(span, "\\{\\{"))
            ctx.report(span, "braces", fix=fix, text=shown)


def _in_hugo_site(ctx: Context) -> bool:
    """Whether the article is part of a Hugo site, where nothing runs Liquid."""
    return ctx.site is not None and ctx.site.root is not None


def _skipped(document: Document, *, liquid_runs: bool = True, liquid_file: bool = False) -> Regions:
    """Regions where `{{` is not shown as text: a whole Liquid file (when a Liquid engine may run
    it: a Jekyll post, `liquid_file`, or a file with Liquid's marks), `{{< >}}` shortcode bodies,
    the arguments of every shortcode call, and TeX formulas (`$\\frac{{a}}{b}$`, `x^{{2}}`), where
    double braces are TeX's grouping, shown as math."""
    if liquid_runs and (liquid_file or _LIQUID.search(document.text, document.body_start)):
        return Regions([(0, len(document.text))])
    regions = shortcode_regions(document)
    for low, high in math_regions(document).spans:
        regions.add(low, high)
    return regions


# Where an autolink's or a bare URL's text starts (Goldmark links `www.` without a scheme).
_URL_START = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]{1,31}://|mailto:|www\.)")


def _word_start(text: str, low: int, offset: int) -> int:
    """Where the word holding `offset` starts, looking back no further than `low`.

    Braces whose word starts like a URL (`<https://x/{{y}}>`, a bare URL that Hugo links) are in
    a URL written as text: an escape there would be part of the URL, or end it. The caller keeps
    the word found for earlier braces when this one reaches back to `low`.
    """
    word = offset
    while word > low and not text[word - 1].isspace() and text[word - 1] not in "<(":
        word -= 1
    return word
