from __future__ import annotations

import pytest

from newslint.rules.chat_citation import ChatCitation
from newslint.testing import Case, assert_case, fm

CASES = [
    Case("clean", fm(body="The budget passed on Tuesday [1].\n", title="T")),
    Case(
        "gemini-before-a-full-stop",
        fm(body="The budget passed on Tuesday [cite: 1].\n", title="T"),
        errors=[("citation", 5, 30)],
        unsafe_fixed=fm(body="The budget passed on Tuesday.\n", title="T"),
    ),
    Case(
        # Safe: nothing writes 【…†…】 for another reason.
        "chatgpt-browsing-marks-glued-to-the-sentence",
        fm(body="It takes effect in March.【4†source】【12:3†L5-L9】 Then\n", title="T"),
        errors=[("citation", 5, 26), ("citation", 5, 36)],
        fixed=fm(body="It takes effect in March. Then\n", title="T"),
    ),
    Case(
        "chatgpt-content-reference-between-words",
        fm(body="Prices rose:contentReference[oaicite:0]{index=0} and fell.\n", title="T"),
        errors=[("citation", 5, 12)],
        fixed=fm(body="Prices rose and fell.\n", title="T"),
    ),
    Case(
        # The private-use characters U+E200/U+E202/U+E201 around ChatGPT's newer form, and the
        # form without them (a paste that dropped them).
        "chatgpt-cite-turn-with-and-without-its-private-use-characters",
        fm(
            body="Prices rose \ue200cite\ue202turn0search0\ue202turn1news2\ue201.\n\n"
            "They fell citeturn0search3.\n",
            title="T",
        ),
        errors=[("citation", 5, 13), ("citation", 7, 11)],
        fixed=fm(body="Prices rose.\n\nThey fell.\n", title="T"),
    ),
    Case(
        "marker-between-two-letters-leaves-a-space",
        fm(body="The vote【3†source】passed.\n", title="T"),
        errors=[("citation", 5, 9)],
        fixed=fm(body="The vote passed.\n", title="T"),
    ),
    Case(
        "gemini-start-deepseek-and-copilot-forms",
        fm(
            body="Gemini [cite_start]wrote this [cite: 2, 5] and DeepSeek[citation:3] too[^1^].\n",
            title="T",
        ),
        errors=[("citation", 5, 8), ("citation", 5, 31), ("citation", 5, 56), ("citation", 5, 72)],
        unsafe_fixed=fm(body="Gemini wrote this and DeepSeek too.\n", title="T"),
    ),
    Case(
        # DeepSeek's marker alone: `citation` holds no `cite`, which the quick test looked for.
        "deepseek-marker-alone",
        fm(body="The vote passed [citation:3].\n", title="T"),
        errors=[("citation", 5, 17)],
        unsafe_fixed=fm(body="The vote passed.\n", title="T"),
    ),
    Case(
        # `[^1^]` with its definition is a footnote Goldmark renders, its source written out:
        # removing the marker would lose the source and leave `: USDA, 2023.` behind.
        "copilot-marker-with-its-footnote-definition",
        fm(body="Fat rose[^1^] and fell[^2^].\n\n[^1^]: USDA, 2023.\n   [^2^]: AHA.\n", title="T"),
    ),
    Case(
        # Only the defined label is a footnote; the other is a leftover marker.
        "copilot-marker-without-a-definition-beside-one-with",
        fm(body="Fat rose[^1^] and fell[^2^].\n\n[^1^]: USDA, 2023.\n", title="T"),
        errors=[("citation", 5, 23)],
        unsafe_fixed=fm(body="Fat rose[^1^] and fell.\n\n[^1^]: USDA, 2023.\n", title="T"),
    ),
    Case(
        # A definition shown in a code block defines nothing; one indented four spaces is code.
        "copilot-definition-in-code-defines-nothing",
        fm(body="Fat rose[^1^].\n\n```\n[^1^]: USDA\n```\n\n    [^1^]: AHA\n", title="T"),
        errors=[("citation", 5, 9)],
        unsafe_fixed=fm(body="Fat rose.\n\n```\n[^1^]: USDA\n```\n\n    [^1^]: AHA\n", title="T"),
    ),
    Case(
        # A summary written from such a text carries the markers too.
        "front-matter-summary",
        fm(title="Budget", summary="The budget passed【1†source】."),
        errors=[("citation", 3, 28)],
        fixed=fm(title="Budget", summary="The budget passed."),
    ),
    # Front-matter syntax is no text: `[cite: 1]` in YAML is a list holding the map {cite: 1}
    # (TOML, JSON alike), which the fix would have deleted, leaving `tags:` empty.
    Case("yaml-flow-list-of-a-map", "---\ntitle: T\ntags: [cite: 1]\n---\nBody.\n"),
    Case("yaml-key", "---\ntitle: T\n'[cite: 1]': x\nextra: {cite: 2}\n---\nBody.\n"),
    Case("toml-inline-table", '+++\ntitle = "T"\ntags = [{cite = 1}]\n+++\nBody.\n'),
    Case("json-key", '{"title": "T", "[citation:3]": 1}\nBody.\n'),
    # A string value is text, in a list too, written in any quoting.
    Case(
        "string-values",
        "---\ntitle: 'T [cite: 1]'\ntags: [\"a [cite: 2]\"]\n---\nBody.\n",
        errors=[("citation", 2, 11), ("citation", 3, 11)],
        unsafe_fixed="---\ntitle: 'T'\ntags: [\"a\"]\n---\nBody.\n",
    ),
    Case(
        "code-shows-them-on-purpose",
        fm(body="Write `[cite: 1]` or:\n\n```\n【4†source】\n```\n", title="T"),
    ),
    Case(
        # A footnote, a numbered reference and the word "cite" are no markers.
        "look-alikes",
        fm(body="Cite them[^1] [2] as cited, turn 3 [citation needed].\n\n[^1]: A note.\n"),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_chat_citation(case: Case) -> None:
    assert_case(ChatCitation, case)
