"""Citation markers a chat assistant left in the text.

## What it does
Finds the source markers that chat assistants write into their answers and that come along when
an answer is pasted into an article, in the body and in front-matter values (a `summary` written
from such a text carries them too):

- ChatGPT: `【4†source】`, `【12:3†L5-L9】`, `:contentReference[oaicite:0]{index=0}`, and
  `citeturn0search0` (with or without the private-use characters U+E200 to U+E202 around it;
  `filecite...` too);
- Gemini: `[cite: 1]`, `[cite: 1, 4]`, `[cite_start]`;
- DeepSeek: `[citation:3]`;
- Bing and Copilot: `[^1^]`.

Code (inline or a block) is left alone: an article about these markers shows them there. In
the front matter only string values are text: `tags: [cite: 1]` is YAML for a list holding the
map `{cite: 1}`, no marker. A `[^1^]` whose footnote the body defines (a line `[^1^]: USDA,
2023.`, as a Copilot answer converted to Markdown keeps them) is a footnote Hugo renders: its
number links to the source written at the end, so neither the reference nor the definition is
reported (removing them would lose the source and leave `: USDA, 2023.`; checked with hugo
0.168).

## Why is this bad?
Hugo prints them as they are: the reader sees `【4†source】` or `[cite: 1]` after a sentence, marks
that lead nowhere, and the article shows it was pasted from a chat window. The sources they stood
for are not in the article.

## Example
    The council approved the budget on Tuesday [cite: 1].

## Use instead
    The council approved the budget on Tuesday.

## Fix safety
The marker is removed, with the spaces before it when punctuation, a space or the line's end
follows (`Tuesday [cite: 1].` becomes `Tuesday.`); between two letters it leaves one space. Safe
for ChatGPT's forms, which no text writes for another reason. Unsafe for the bracket forms
(`[cite: 1]`, `[citation:3]`, `[^1^]`), which a text about citations could write on purpose.
"""

from __future__ import annotations

import re

from newslint import Edit, Fix, Rule, Severity, Span
from newslint.document import Document
from newslint.events import Node
from newslint.rule import Context

from ._encoding import code_starts_and_spans, in_code

# Each form, named by the assistant that writes it; the group that matched says which. ChatGPT's
# private-use characters: U+E200 opens a citation, U+E202 separates its parts, U+E201 closes it.
_FORMS = (
    ("ChatGPT", "【[^【】\n]{0,60}†[^【】\n]{0,80}】"),
    ("ChatGPT", r":{1,2}contentReference\[oaicite:\d+\](?:\{index=\d+\})?"),
    ("ChatGPT", "\ue200?(?:file)?cite(?:\ue202?turn\\d+[a-z]+\\d+)+\ue201?"),
    ("Gemini", r"\[cite_(?:start|end)\]|\[cite:\s*\d+(?:\s*,\s*\d+)*\]"),
    ("DeepSeek", r"\[citation:\s*\d+(?:\s*,\s*\d+)*\]"),
    ("Copilot", r"\[\^\d+\^\]"),
)
_MARKER = re.compile("|".join(f"(?P<f{n}>{pattern})" for n, (_, pattern) in enumerate(_FORMS)))
# The bracket forms: a text about citations may write them on purpose.
_BRACKETS = frozenset({"Gemini", "DeepSeek", "Copilot"})
# After these, the spaces before a removed marker go with it: `Tuesday [cite: 1].`
_CLOSING = frozenset(".,;:!?)]}»”’\"'。，、；：！？）」』】")
# A footnote definition Goldmark reads: at a line's start, indented at most three spaces.
_FOOTNOTE_DEFINITION = re.compile(r"^ {0,3}(\[\^\d+\^\]):", re.MULTILINE)


class ChatCitation(Rule):
    code = "BD011"
    name = "chat-citation"
    severity = Severity.WARNING
    messages = {"citation": "{assistant} citation marker {marker!r} left in the text"}

    def on_document_start(self, ctx: Context, document: Document) -> None:
        text = document.text
        # `^` before `^]`: one character is looked for by memchr, a pair costs more.
        if "cit" not in text and "†" not in text and ("^" not in text or "^]" not in text):
            # Every form holds one of these (`cit`: `cite` and DeepSeek's `citation`, which
            # holds no `cite`): a cheap test before the pattern.
            return
        code: tuple[list[int], list[Span]] | None = None
        values: list[Span] | None = None
        footnotes: set[str] | None = None
        for match in _MARKER.finditer(text):
            start, end = match.span()
            if start >= document.body_start:
                code = code or code_starts_and_spans(document)
                if in_code(code, start):
                    continue
            else:
                # In the front matter only a string value is text: `tags: [cite: 1]` is a YAML
                # list holding the map {cite: 1}, which removing the "marker" would empty.
                values = _string_values(document) if values is None else values
                if not any(value.start <= start and end <= value.end for value in values):
                    continue
            assistant = _FORMS[int(str(match.lastgroup)[1:])][0]
            if assistant == "Copilot" and start >= document.body_start:
                if footnotes is None:
                    code = code or code_starts_and_spans(document)
                    footnotes = _defined_footnotes(document, code)
                if match.group(0) in footnotes:
                    continue  # a footnote Hugo renders, its source written out: no leftover
            edit = _removal(text, start, end)
            title = "Remove the citation marker"
            fix = Fix.unsafe(title, edit) if assistant in _BRACKETS else Fix.safe(title, edit)
            marker = match.group(0)
            ctx.report(Span(start, end), "citation", fix=fix, assistant=assistant, marker=marker)


def _defined_footnotes(document: Document, code: tuple[list[int], list[Span]]) -> set[str]:
    """The `[^1^]` labels the body defines as footnotes outside code: Goldmark renders their
    references as footnotes."""
    return {
        match.group(1)
        for match in _FOOTNOTE_DEFINITION.finditer(document.text, document.body_start)
        if not in_code(code, match.start(1))
    }


def _string_values(document: Document) -> list[Span]:
    """The spans of the front matter's string values, inside their quotes (keys are no text)."""
    front_matter = document.front_matter
    if front_matter is None:
        return []
    spans: list[Span] = []
    stack: list[Node] = [front_matter.root]
    while stack:
        node = stack.pop()
        if node.kind == "scalar":
            if isinstance(node.value, str):
                quotes = len(node.style) if node.style in ('"', "'", '"""', "'''") else 0
                spans.append(Span(node.span.start + quotes, node.span.end - quotes))
            continue
        stack.extend(node.items)
        stack.extend(entry.node for entry in node.entries)
    return spans


def _removal(text: str, start: int, end: int) -> Edit:
    """Remove the marker at `start:end`, with the spaces before it when what follows closes the
    phrase; a marker between two letters leaves one space."""
    before = start
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    after = text[end] if end < len(text) else "\n"
    if before < start and (after.isspace() or after in _CLOSING):
        return Edit.delete(Span(before, end))
    if before == start and start > 0 and text[start - 1].isalnum() and after.isalnum():
        return Edit.replace(Span(start, end), " ")
    return Edit.delete(Span(start, end))
