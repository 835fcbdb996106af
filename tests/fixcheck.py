"""Checks that a fixed file differs from the original only where the applied fixes say.

Shared by the corpus test and the property test. `spans` are the spans of the original (escaped)
text that the fixes changed, as `FixOutcome.original_spans` gives them.
"""

from __future__ import annotations

import difflib
import re

from newslint.document import decode, encode
from newslint.spans import LineIndex, Span

# Lines end at LF, CRLF or a lone CR, as in `LineIndex`.
_AFTER_BREAK = re.compile(r"(?<=\n)|(?<=\r)(?!\n)")


def split_lines(text: str) -> list[str]:
    lines = _AFTER_BREAK.split(text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def fix_lines(text: str, spans: list[Span]) -> set[int]:
    """1-based lines of `text` that the spans touch (an insertion: the line it lands in; an edit
    right after a lone CR: that line too)."""
    index = LineIndex(text)
    lines: set[int] = set()
    for span in spans:
        # An edit right after a lone CR (`+++\r` `\x1b\n`) may join the CR to an LF: one CRLF
        # line where there were two, so the line that ends in the CR changes too.
        after_cr = span.start > 0 and text[span.start - 1] == "\r"
        first = index.position(span.start - 1 if after_cr else span.start).line
        last = index.position(max(span.start, span.end - 1)).line
        lines.update(range(first, last + 1))
    return lines


def unexplained_changes(before_bytes: bytes, after_bytes: bytes, spans: list[Span]) -> list[str]:
    """Line changes that no applied fix accounts for (empty when the fixes explain the diff).

    A diff of text with repeated lines is ambiguous (deleting the 2nd and 3rd of "a, b, a" reads
    the same as deleting the 1st and 2nd), so the check does not trust one alignment: every line
    no fix touched must still be there, in order; and every block the diff shows as changed
    must hold a line a fix touched (an inserted block: next to one).
    """
    _, before, _ = decode(before_bytes)
    _, after, _ = decode(after_bytes)
    old, new = split_lines(before), split_lines(after)
    touched = fix_lines(before, spans)
    problems = []
    cursor = 0
    for number, line in enumerate(old, start=1):
        if number in touched:
            continue
        while cursor < len(new) and new[cursor] != line:
            cursor += 1
        if cursor == len(new):
            problems.append(f"line {number} changed or moved, no fix touched it: {line!r}")
            break
        cursor += 1
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or _explained(tag, old, new, (i1, i2, j1, j2), touched):
            continue
        problems.append(f"lines {i1 + 1}-{i2} became {new[j1:j2]!r}, no fix touched them")
    return problems


def _explained(
    tag: str, old: list[str], new: list[str], block: tuple[int, int, int, int], touched: set[int]
) -> bool:
    """Does the block, or an equivalent one slid over identical lines, hold a touched line?"""
    i1, i2, j1, j2 = block
    if tag == "replace":
        return bool(set(range(i1 + 1, i2 + 1)) & touched)
    if tag == "insert" and _edited_touched_lines(old, new[j1:j2], touched):
        return True
    # A deleted (inserted) run may slide by one line while the line leaving the run equals the
    # one joining it: the result is the same text.
    lines, lo, hi = (old, i1, i2) if tag == "delete" else (new, j1, j2)
    shift = i1 - lo  # old line number = index in `lines` + shift (insertions: the gap)
    for step in (-1, 1):
        a, b = lo, hi
        while True:
            gap = (a + shift, a + shift + 1) if tag == "insert" else ()
            here = set(range(a + shift + 1, b + shift + 1)) if tag == "delete" else set(gap)
            if here & touched:
                return True
            if step < 0 and a > 0 and lines[a - 1] == lines[b - 1]:
                a, b = a - 1, b - 1
            elif step > 0 and b < len(lines) and lines[a] == lines[b]:
                a, b = a + 1, b + 1
            else:
                break
    return False


def _edited_touched_lines(old: list[str], inserted: list[str], touched: set[int]) -> bool:
    """Whether each inserted line is a touched line of the original with only white space changed
    at its end: with repeated lines (two `# heading` lines) the diff may align the edited line
    away from where it was, showing it deleted there and inserted here."""
    edited = {old[number - 1].rstrip() for number in touched if 0 < number <= len(old)}
    return all(line.rstrip() in edited for line in inserted)


def gaps_kept(before: bytes, after: bytes, spans: list[Span]) -> bool:
    """The original bytes between the changed spans appear, in order, in the fixed bytes."""
    escaped = before.decode("utf-8", "surrogateescape")
    cursor = 0
    gaps = []
    for span in spans:
        gaps.append(encode(escaped[cursor : span.start]))
        cursor = span.end
    gaps.append(encode(escaped[cursor:]))
    data = after
    if not data.startswith(gaps[0]) or not data.endswith(gaps[-1]):
        return False
    position = len(gaps[0])
    for gap in gaps[1:-1]:
        found = data.find(gap, position)
        if found < 0:
            return False
        position = found + len(gap)
    return position <= len(data) - len(gaps[-1])
