"""The properties every `newslint fix` result must have, as one checker over an article's bytes.

Used by `tests/test_fix_combined.py` (and handy from a shell when a fuzz run finds something).
`problems(raw, unsafe=...)` returns the broken properties as readable strings (empty: all hold):

1. the fixed file re-parses: front matter that parsed still parses, without errors, in the same
   format, and the Markdown body parses;
2. fixing the fixed file changes nothing, and no applicable fix is left on offer (except those of
   rules the loop itself reported as dropped);
3. bytes outside the spans the applied fixes report are unchanged (`tests/fixcheck.py`), and the
   fixed text is exactly the reported edits applied pass by pass;
4. a problem a fix was applied to does not come back at the same place, from the same rule with
   the same message;
5. no fix writes a control character into a front-matter value (behind an escape the line-based
   rules do not read), and no fix brings in an error-severity diagnostic that was not there before (counted per rule;
   not after the front matter was repaired or first recognised, nor after lone CRs became line
   breaks, nor what the text shows once control and invisible characters are gone: these reveal
   what was hidden).
"""

from __future__ import annotations

import re
from collections import Counter

import ftfy

from newslint.config import Config
from newslint.diagnostics import Diagnostic
from newslint.document import Document, encode
from newslint.engine import FixOutcome, build_ruleset, fix_document, lint_document
from newslint.fixes import Edit
from newslint.fixloop import _Step, _trace_back
from newslint.rule import Severity
from newslint.site import Site
from newslint.spans import Span
from tests.fixcheck import gaps_kept, unexplained_changes

RULESET = build_ruleset(Config(presets=["hugo", "news", "mainroad"]), select=["ALL"])
SITE = Site(time_zone="Asia/Shanghai", theme="mainroad")
PATH = "content/en/news/article.en.md"
# Languages whose rules differ: Chinese sentence spacing and script, Czech non-breaking spaces.
PATHS = [PATH, "content/en/news/article.zh-CN.md", "content/en/news/article.cs.md"]


def document(raw: bytes, path: str = PATH) -> Document:
    return Document.from_bytes(raw, path, SITE)


def fix(raw: bytes, *, unsafe: bool, path: str = PATH) -> tuple[bytes, FixOutcome]:
    outcome = fix_document(document(raw, path), RULESET, unsafe=unsafe)
    return encode(outcome.text), outcome


def lint(raw: bytes, path: str = PATH) -> list[Diagnostic]:
    return lint_document(document(raw, path), RULESET).diagnostics


def _replayed(text: str, outcome: FixOutcome) -> str:
    """`text` with the outcome's edits applied pass by pass (each pass's offsets are its input's)."""
    by_pass: dict[int, list[Edit]] = {}
    for applied in outcome.fixes:
        by_pass.setdefault(applied.pass_number, []).extend(applied.edits)
    for number in sorted(by_pass):
        for edit in sorted(by_pass[number], key=lambda e: (e.start, e.end), reverse=True):
            text = text[: edit.start] + edit.content + text[edit.end :]
    return text


def _tracer(outcome: FixOutcome) -> list[_Step]:
    """The loop's passes as steps, to trace an offset of the fixed text back to the original."""
    by_pass: dict[int, list[Edit]] = {}
    for applied in outcome.fixes:
        by_pass.setdefault(applied.pass_number, []).extend(applied.edits)
    return [_Step(by_pass[number]) for number in sorted(by_pass)]


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# What control-char and invisible-char remove (the BOM at the start stays: it is no part of a URL).
_INVISIBLE = re.compile(
    r"(?!^)[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]"
)


_C1 = re.compile(r"[\x80-\x9f]")


def _windows_1252(match: re.Match[str]) -> str:
    """The character a C1 control stood for in Windows-1252 (as mojibake's fix reads it)."""
    return bytes([ord(match.group())]).decode("cp1252", "ignore")


def _errors(diagnostics: list[Diagnostic]) -> Counter[str]:
    return Counter(d.code for d in diagnostics if d.severity is Severity.ERROR)


def _controls(doc: Document) -> set[str]:
    """The control characters in the top-level string values (and lists of strings)."""
    assert doc.front_matter is not None
    found: set[str] = set()
    for entry in doc.front_matter.root.entries:
        value = entry.node.value
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                found.update(_CONTROL.findall(item))
    return found


def _plain(message: str) -> str:
    """A message without its numbers (they name lines and lengths, which fixes move)."""
    return re.sub(r"\d+", "#", message)


def _overlap(a: Span, b: Span) -> bool:
    if a.start == a.end or b.start == b.end:
        return a.start <= b.end and b.start <= a.end
    return a.start < b.end and b.start < a.end


def problems(raw: bytes, *, unsafe: bool, path: str = PATH) -> list[str]:
    """The properties that do not hold for `raw` at `path` (see the module docstring)."""
    found: list[str] = []
    before_doc = document(raw, path)
    before = lint_document(before_doc, RULESET).diagnostics
    fixed, outcome = fix(raw, unsafe=unsafe, path=path)
    crashes = [d.message for d in outcome.result.diagnostics if d.rule == "internal-error"]
    if crashes:
        return [f"internal error: {crashes}"]
    after_doc = document(fixed, path)
    # 1. It re-parses.
    if before_doc.front_matter is not None:
        if after_doc.front_matter is None or after_doc.front_matter_errors:
            found.append(f"front matter stopped parsing: {after_doc.front_matter_errors}")
        elif after_doc.front_matter.format != before_doc.front_matter.format:
            found.append("front matter changed format")
    elif not before_doc.front_matter_errors and after_doc.front_matter_errors:
        found.append(f"front matter errors appeared: {after_doc.front_matter_errors}")
    after_doc.body_nodes  # noqa: B018 - parsing the body must not raise
    # 2. Idempotent, and nothing applicable left over.
    again, second = fix(fixed, unsafe=unsafe, path=path)
    if again != fixed:
        found.append(f"second fix changed it again: {second.applied}")
    dropped = set(outcome.dropped)
    text = after_doc.text
    # Front matter that still does not parse is never rewritten, nor anything before it.
    block = after_doc.front_matter_block
    held = (
        (block.end if block is not None else len(text) + 1) if after_doc.front_matter_errors else 0
    )
    left = [
        (d.code, d.line, d.column, d.fix.title)
        for d in outcome.result.diagnostics
        if d.fix is not None
        and d.fix.applies(unsafe=unsafe)
        and d.rule not in dropped
        and d.fix.changes(text)
        and min(e.start for e in d.fix.edits) >= held
    ]
    if left:
        found.append(f"applicable fixes left after the loop: {left}")
    if not outcome.changed:
        return found
    # 3. Bytes outside the applied fixes are unchanged.
    spans = outcome.original_spans
    if not gaps_kept(raw, fixed, spans):
        found.append(f"bytes outside the applied fixes changed: {outcome.applied}")
    # The fixed text is exactly the reported edits, pass by pass, applied to the original. (Only
    # when it is not, the line diff says where: with repeated lines its alignment is ambiguous.)
    if _replayed(before_doc.escaped_text, outcome) != outcome.text:
        unexplained = unexplained_changes(raw, fixed, spans) or ["(the line diff explains it)"]
        found.append(f"the reported edits do not give the fixed text: {unexplained}")
    after = outcome.result.diagnostics
    # 4. A fixed problem does not come back at the same place.
    steps = _tracer(outcome)
    fixed_by: dict[str, list[Span]] = {}
    for applied in outcome.fixes:
        fixed_by.setdefault(applied.rule, []).extend(applied.original_spans)
    for d in after:
        if d.rule not in fixed_by or d.span is None:
            continue
        back = _trace_back(d.span, steps)
        for old in before:
            if old.rule != d.rule or _plain(old.message) != _plain(d.message) or old.fix is None:
                continue
            edits = [Span(e.start, e.end) for e in old.fix.edits]
            was_fixed = any(_overlap(e, s) for e in edits for s in fixed_by[d.rule])
            if was_fixed and _overlap(old.span, back):
                found.append(
                    f"{d.code} came back at {d.line}:{d.column} after its fix: {d.message}"
                )
                break
    # 5a. No control character written behind an escape ("\u0007" in a quoted value), where the
    # line-based control-char and mojibake rules do not see it: an error nobody reports.
    # Counted over all values: a fix may change a key (an invisible character in it).
    both = before_doc.front_matter is not None and after_doc.front_matter is not None
    if both and (new_chars := _controls(after_doc) - _controls(before_doc)):
        found.append(f"a fix wrote control characters {sorted(new_chars)} into a value")
    # 5. No new error. Except where a fix changes what the body is: a lone CR ends no line for
    # Hugo's Goldmark (a CR file renders as one line), nor for pulldown-cmark inside code and HTML
    # blocks, so line-endings' fix reveals the blocks, links and errors that were hidden.
    lone_cr = re.search(rb"\r(?!\n)", raw) is not None and "line-endings" in fixed_by
    # Nor when the front matter shows up only once a control or invisible character before it
    # is gone: its fields are checked for the first time.
    revealed = before_doc.front_matter is None and after_doc.front_matter is not None
    if not before_doc.front_matter_errors and not lone_cr and not revealed:
        # Counted per rule: messages name lines, which move when a fix removes one.
        errors_before = _errors(before)
        new = _errors(after) - errors_before
        if new:
            # A control or invisible character inside a URL (`http:\u202e//a b`) hides its other
            # defects from detection; removing it reveals them. So does a C1 control that Python
            # strips as white space (U+0085) where mojibake's fix writes what it stood for ("…").
            # What the text shows without them, or with those characters, is the baseline then.
            # So is the text with its mojibake repaired: `Ã©` ends a line in a symbol, `é` in a
            # letter, which makes a link on the next line the end of a sentence, no source line.
            text = raw.decode("utf-8", "surrogateescape")
            repaired = ftfy.fix_encoding(text)
            for unmasked in (_INVISIBLE.sub("", text), _C1.sub(_windows_1252, text), repaired):
                masked = _errors(lint(unmasked.encode("utf-8", "surrogateescape"), path))
                new = new - (masked - errors_before)
        if new:
            messages = [d.message for d in after if d.code in new]
            found.append(f"new errors: {sorted(new)} {messages} after {outcome.applied}")
    return found
