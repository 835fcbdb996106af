"""Hugo shortcode calls in the body, `{{< >}}` and `{{% %}}` alike: no rule reports the call itself
(its name, arguments, spacing, closing form), while the text between an opening and a closing call,
which readers see, is prose as any other; a `{{% %}}` call's inner text is Markdown (raw HTML
there is left out as in the page), a `{{< >}}` call's is passed on as written."""

from __future__ import annotations

import pytest

from newslint import check_text
from newslint.site import Site
from newslint.testing import fm

CALLS = """\
The council passed the budget on Tuesday.

{{X notice info "Note.The title" Y}}
The minister said,"After the vote" it was done.
{{X /notice Y}}

{{X youtube id="abc" title="Video.The best"  Y}}

{{X notice warning /Y}}

{{Xnotice  Y}}It ended.The vote came later. {{X/notice Y}}

{{X figure
  src="https://example.com/a.png"
  caption="A  caption.Then more"
Y}}

## Heading with {{X param "Title.X" Y}}

> {{X quote author="A.B" Y}}A quote.{{X /quote Y}}

See [the story]({{X ref "news/other.md" Y}}) and https://example.com/{{X param "id" Y}}/b.

{{X/* notice */Y}} is how to write a call.

[Reuters](https://www.reuters.com/world/a)
"""


@pytest.mark.parametrize(("opening", "closing"), [("<", ">"), ("%", "%")])
def test_no_rule_reports_a_shortcode_call_and_the_inner_text_is_prose(
    opening: str, closing: str
) -> None:
    body = CALLS.replace("X", opening).replace("Y", closing)
    text = fm(
        body=body,
        title="Budget passes",
        date="2024-01-02T10:00:00+00:00",
        summary="The city council passed the budget on Tuesday after a long debate.",
    )
    found = check_text(text, select=["ALL"], site=Site())
    assert [(d.code, d.line, d.column, d.message) for d in found] == [
        ("TX004", 10, 18, "no space after ',' before 'After'"),
        ("TX004", 17, 23, "no space after '.' before 'The'"),
    ]
