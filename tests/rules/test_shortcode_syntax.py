from __future__ import annotations

import signal
from pathlib import Path
from types import FrameType

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint.rules.shortcode_syntax import BUILTIN_INNER, CallError, ShortcodeSyntax, _Lexer
from newslint.site import Site
from newslint.testing import Case, assert_case, case_reports, fm
from tests.rules._shortcodes import PATH, hugo_site

HUGO = hugo_site()


def case(
    name: str,
    body: str,
    errors: list[tuple[str, int, int]] | None = None,
    *,
    site: Site = HUGO,
    path: str = PATH,
) -> Case:
    """A case on a page of `site` (the body starts on line 5)."""
    return Case(name, fm(title="T", body=body), errors or [], site=site, path=path)


CASES = [
    case("well-formed-calls", '{{< figure src="a.png" alt="A \\"b\\"" >}} {{% x 1 "two" %}}\n'),
    case(
        "calls-over-lines-and-closed",
        '{{< highlight go >}}\nx := 1\n{{< /highlight >}}\n\n{{< details summary="s"\n'
        "  open=true\n>}}\nText.\n{{< /details\n>}}\n\n{{< comment />}}\n",
    ),
    # AlgoLab/cpm2025 content/p/news.md: `width=` then `>}}` on the next line.
    case(
        "key-without-value-before-close",
        'Intro.\n\n{{< figure src="x.png" width=\n>}}\n\nSome text here.\n',
        [("swallowed", 7, 1)],
    ),
    case("unquoted-value-against-close", "A {{< figure src=x.png>}} b\n", [("swallowed", 5, 3)]),
    case("unquoted-value-then-space", "A {{< figure src=x.png >}} b\n"),
    # Hugo parses shortcodes before Markdown: HTML comments and code do not protect a call.
    case(
        "in-comment-and-code",
        '<!-- {{< figure src="x.png" width=\n>}} -->\n\nMore.\n',
        [("swallowed", 5, 6)],
    ),
    case("in-code-span", 'Write `{{< figure src="x" width= >}}`.\n', [("swallowed", 5, 8)]),
    case(
        "named-after-positional",
        'A {{< figure "a.png" alt="x" >}} b\n',
        [("mixed-parameters", 5, 3)],
    ),
    case(
        "quoted-positional-after-named",
        'A {{< figure src="a.png" "y" >}} b\n',
        [("mixed-parameters", 5, 3)],
    ),
    # A `=` and spaces at the very end of the file: Hugo reads to the end and stops there.
    Case(
        "key-at-end-of-file",
        fm(title="T", body="A {{< x a= \n"),
        [("unclosed", 5, 3)],
        site=HUGO,
        path=PATH,
    ),
    Case(
        "key-at-end-of-file-no-break",
        fm(title="T", body="A {{< x a="),
        [("unclosed", 5, 3)],
        site=HUGO,
        path=PATH,
    ),
    # Spaces around `=`: the lexer reads `b` as a positional word, the parser as a key.
    case("key-spaced-after-positional", '{{< x a b = "c" >}}\n', [("mixed-parameters", 5, 1)]),
    case("positional-after-key-spaced", '{{< x a = "b" c >}}\n', [("mixed-parameters", 5, 1)]),
    case("keys-spaced", '{{< x a = "b" c = "d" >}}\n'),
    case("never-closed", 'A {{< figure src="x.png"\n\nmore text\n', [("unclosed", 5, 3)]),
    case("closed-with-percent", 'A {{< figure src="x.png" %}} b\n', [("mixed-delimiters", 5, 3)]),
    case("opened-with-percent", "A {{% x 1 >}} b\n", [("mixed-delimiters", 5, 3)]),
    case("unterminated-quote", 'A {{< figure src="x.png >}} b\n', [("unterminated-value", 5, 3)]),
    case(
        "unterminated-raw-string", "{{< figure src=`x.png >}} b\n", [("unterminated-value", 5, 1)]
    ),
    case("raw-string-over-lines", "{{< x a=`one\ntwo` >}}\n"),
    case("closing-with-none-open", "A {{< /figure >}} b\n", [("unmatched-closing", 5, 3)]),
    case(
        "closing-a-name-never-opened",
        "{{< x >}} {{< /highlight >}}\n",
        [("unmatched-closing", 5, 11)],
    ),
    case(
        "closing-twice",
        "{{< highlight >}}a{{< /highlight >}} {{< /highlight >}}\n",
        [("unmatched-closing", 5, 38)],
    ),
    case(
        "closing-call-holds-more",
        "{{< details >}}a{{< /details x >}}\n",
        [("closing-not-alone", 5, 17)],
    ),
    case("no-name", "A {{< >}} b {{<>}}\n", [("no-name", 5, 3)]),
    case("quoted-name", 'A {{< "x" >}} b\n', [("syntax", 5, 3)]),
    case("period-in-name", "A {{< figure.html >}} b\n", [("syntax", 5, 3)]),
    case("unclosed-comment", "A {{</* figure src=x b\n", [("unclosed-comment", 5, 3)]),
    case("commented-forms", '{{</* figure src="x" width=\n*/>}} {{%/* x "a */%}}\n'),
    case(
        "inline-nesting",
        "{{< t.inline >}}{{< x >}}{{< /t.inline >}}\n",
        [("inline-nesting", 5, 17)],
    ),
    case("inline-shortcode", "{{< t.inline >}}{{ now }}{{< /t.inline >}}\n"),
    # Hugo's own shortcodes: one without `.Inner` cannot be closed, one with it must be.
    case("builtin-self-closed", '{{< figure src="a.png" />}}\n', [("no-inner", 5, 1)]),
    case("builtin-closed", "{{< youtube abc >}}{{< /youtube >}}\n", [("no-inner", 5, 20)]),
    case(
        "builtin-left-open", "Code:\n\n{{< highlight go >}}\nx := 1\n", [("inner-unclosed", 7, 1)]
    ),
    case(
        "builtin-left-open-after-closed-one",
        "{{< highlight >}}a{{< /highlight >}} {{< details >}}b\n",
        [("inner-unclosed", 5, 38)],
    ),
    case(
        "site-overrides-the-builtin",
        '{{< figure src="a.png" />}} {{< highlight go >}}\n',
        site=hugo_site(frozenset({"figure", "highlight"})),
    ),
    case(
        "templates-not-all-read",
        '{{< figure src="a.png" />}} {{< highlight go >}}\n',
        site=Site(root=Path("/site"), config_path=Path("/site/hugo.toml")),
    ),
    case(
        "templates-not-all-read-syntax-still-checked",
        'A {{< figure src="x" width= >}} b\n',
        [("swallowed", 5, 3)],
        site=Site(root=Path("/site"), config_path=Path("/site/hugo.toml")),
    ),
    # Lexed when the page is made: drafts and pages never rendered fail the build too.
    Case(
        "draft-and-never-rendered",
        fm(title="T", draft=True, build={"render": "never"}, body="A {{< x a= >}} b\n"),
        [("swallowed", 8, 3)],
        site=HUGO,
        path=PATH,
    ),
    case("first-problem-only", "{{< x a= >}} b\n\n{{< /y >}}\n", [("swallowed", 5, 1)]),
    case("braces-not-a-call", "{{ .Title }} and {{\\< x >}} and {{{< x >}}}\n"),
    case("outside-a-hugo-site", "A {{< x a= >}} b\n", site=Site()),
    case("outside-the-content", "A {{< x a= >}} b\n", path="/site/README.md"),
    Case("call-in-front-matter", fm(title="{{< x a= >}} b"), site=HUGO, path=PATH),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_shortcode_syntax(case: Case) -> None:
    assert_case(ShortcodeSyntax, case)


def test_message_says_what_hugo_says() -> None:
    _, reports = case_reports(ShortcodeSyntax, CASES[2])
    assert [report.message for report in reports] == [
        "the unquoted value after 'width=' takes in the call's '>}}' (a value is missing or "
        "needs quotes), so the call runs on: hugo fails the build (got positional parameter "
        "'Some'. Cannot mix named and positional parameters)"
    ]


_PIECES = ["{{<", "{{%", ">}}", "%}}", " ", "\n", "x", "figure", "highlight", "/", "a=", "=", '"']
_PIECES += ["\\", "`", "*/", "/*", ".inline ", "#", "-", "1.5", "\u00a0"]


def _stuck(signum: int, frame: FrameType | None) -> None:
    raise TimeoutError("the lexer does not move on")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
@example(["{{<", "x", " ", "a="])
def test_any_text_is_read_to_an_end(pieces: list[str]) -> None:
    # Every loop of the lexer moves on, also at the end of the text (a `=` there once looped).
    text = "".join(pieces)
    previous = signal.signal(signal.SIGALRM, _stuck)
    signal.alarm(10)  # a loop that does not move on fails the test instead of hanging it
    try:
        failure = _Lexer(text, 0, dict(BUILTIN_INNER)).run()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert failure is None or (isinstance(failure, CallError) and 0 <= failure.call < len(text))
