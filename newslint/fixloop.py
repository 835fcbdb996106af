"""The fix loop behind `newslint fix`: apply, re-lint, repeat until stable, and verify every pass.

A pass lints the current text, takes every applicable fix whose edits do not overlap an earlier
one, and applies them together. Before the result is accepted it is verified:

- front matter that parsed still parses, in the same format, no key appears twice that did not
  before, and every key that no edit touched keeps its value (no key appears that no edit wrote);
- the byte-order mark stays unless the BOM rule (EN006) removed it, and the line endings stay
  unless the line-endings rule (EN007) changed them; invalid-utf8's (EN005) rewrite of a whole
  UTF-16 or UTF-32 file into UTF-8, which drops its BOM and writes its real line endings, goes in
  a pass of its own, as written;
- the text can still be encoded to the original bytes outside the edits.

A pass that fails verification is not kept: the fixes that caused it are found (each rule's fixes
are tried alone) and rejected, and the pass is tried again without them. When each rule's fixes
pass alone and only their combination fails (a rename to `summary` and an inserted `summary`),
nothing is rejected: the rules are taken in order and those that clash wait for the next pass, as
overlapping fixes do. The rule may offer a
different fix in a later pass (once another fix removed what broke the first one); when its
problem is still there at the end, it is named. A loop that does not settle (a text seen before,
or still changing after `MAX_PASSES`) names the rules that kept changing it and starts again from
the original text without them, so a dropped rule leaves no half-applied trace. The result is
idempotent: fixing it again finds the same rejected fixes and nothing else (a fix is rejected
for the text it failed on, and tried again once other fixes changed the text).

The loop works on the escaped text (undecodable bytes as lone surrogates, one code point per byte,
the same offsets as `Document.text`), so bytes that were not UTF-8 are written back unchanged unless
an edit replaced them; an edit that keeps such a byte (re-quoting a title around it) keeps it too.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

from newslint.document import BOM, Document, encode
from newslint.fixes import Applicability, Edit, Fix, apply_fixes, fix_order, ordered_fix
from newslint.rule import Report, Rule
from newslint.spans import Span

if TYPE_CHECKING:
    from newslint.engine import FixOutcome, RuleSet
    from newslint.events import Entry
    from newslint.site import Site

MAX_PASSES = 10
# Each restart leaves out at least one more rule, so the loop always ends; this bounds the work on
# a pathological file to a few times MAX_PASSES lints before the original text is kept as it is.
MAX_RESTARTS = 3
# The only rules allowed to change what every other fix must keep: the byte-order mark and the
# line endings (DESIGN.md rule catalogue).
BOM_RULE = "EN006"
LINE_ENDINGS_RULE = "EN007"
# invalid-utf8's fix for a UTF-16 or UTF-32 file: one edit that rewrites the whole text with the
# file's real text. Read as UTF-8, the old text is garbage whose "line endings" and "BOM" mean
# nothing, so the fix is applied as written, in a pass of its own, and not held to them.
TRANSCODE_RULE = "EN005"

_BREAK = re.compile(r"\r\n|\r|\n")
_SURROGATE = re.compile(r"[\udc80-\udcff]")
# Of the fixes inside front matter that does not parse, the first this many (in text order) are
# each tried alone to see whether it makes the front matter parse; the others only together
# (`_joint_repair`). Each try parses the file again: an unterminated front matter (it runs to the
# end of the file) over 32,000 lines with a control character each took 18 s, 100,000 minutes.
MAX_LONE_REPAIRS = 100
# Above this many character comparisons an edit that keeps undecodable bytes is aligned by common
# prefix and suffix only (difflib is quadratic in the worst case).
_ALIGN_LIMIT = 4_000_000


@dataclass(frozen=True)
class AppliedFix:
    """A fix as it was applied.

    `edits` are offsets into the escaped text of the pass that applied it (pass 1 works on the
    original). `original_spans` are the spans of the original text those edits replaced, traced
    back through the earlier passes: everything outside them is byte for byte the original.
    """

    code: str
    rule: str
    title: str
    applicability: Applicability
    pass_number: int
    edits: tuple[Edit, ...]
    original_spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class DroppedFix:
    """A rule whose fixes were left out of this file, and why."""

    code: str
    rule: str
    reason: str


@dataclass
class _Candidate:
    """A fix proposed for one text, with the rule that proposed it."""

    fix: Fix
    rule: type[Rule]
    text: bytes  # digest of the text the fix is for

    @property
    def key(self) -> _Key:
        return (self.text, self.rule.name, self.fix)


# A fix is rejected for one text: verification looks at the whole text, so once other fixes
# changed it (renamed the key a fix would have duplicated, say), the same fix may pass.
_Key = tuple[bytes, str, Fix]


class _Step:
    """One pass's edits, sorted: enough to map an offset of its output back to its input."""

    def __init__(self, edits: Sequence[Edit]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.out_starts: list[int] = []
        self.out_ends: list[int] = []
        delta = 0
        for edit in sorted(edits, key=lambda e: (e.start, e.end)):
            self.starts.append(edit.start)
            self.ends.append(edit.end)
            self.out_starts.append(edit.start + delta)
            delta += len(edit.content) - (edit.end - edit.start)
            self.out_ends.append(edit.end + delta)

    def back(self, pos: int, *, start: bool) -> int:
        """The input offset of output offset `pos`; inside an edit's output, that edit's bound."""
        i = bisect_right(self.out_starts, pos) - 1
        if i < 0:
            return pos
        lo, hi = self.out_starts[i], self.out_ends[i]
        if pos > hi:
            return pos + self.ends[i] - hi
        if start:
            return self.ends[i] if pos == hi and lo != hi else self.starts[i]
        return self.starts[i] if pos == lo and lo != hi else self.ends[i]

    def regions(self) -> list[tuple[int, int]]:
        return list(zip(self.out_starts, self.out_ends, strict=True))


def _trace_back(span: Span, steps: Sequence[_Step]) -> Span:
    start, end = span.start, span.end
    for step in reversed(steps):
        start, end = step.back(start, start=True), step.back(end, start=False)
    return Span(start, max(start, end))


def merge_spans(spans: Sequence[Span]) -> list[Span]:
    """Sorted union of `spans`, each apart from the next (touching spans merge; empty spans are
    kept as insertion points, unless a changed span holds them: an insertion of one pass inside
    what a later pass replaced)."""
    merged: list[Span] = []
    for span in sorted(spans):
        if merged and span.start <= merged[-1].end and len(span) and len(merged[-1]):
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
        elif merged and span.start == merged[-1].start and span.end == merged[-1].end:
            continue
        elif merged and len(merged[-1]) and merged[-1].start < span.start < merged[-1].end:
            continue  # an insertion point inside the span before it
        else:
            merged.append(span)
    return merged


# ------------------------------------------------------------------------ adapting a fix


def dominant_newline(text: str) -> str:
    """The line ending most lines use ("\\n" when there is none)."""
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    if crlf >= lf and crlf >= cr and crlf:
        return "\r\n"
    if cr > lf:
        return "\r"
    return "\n"


def _keep_bytes(source: str, escaped: str, content: str) -> str:
    """`content` with every character it kept from `source` taken from `escaped` instead.

    `source` and `escaped` are the same slice of the decoded and the escaped text: they differ
    only where a byte was not UTF-8 (U+FFFD in one, a lone surrogate in the other). A fix sees
    U+FFFD; copying the matched characters from `escaped` gives it back the original byte.
    """
    if "\ufffd" not in content:
        return content
    if len(source) * len(content) > _ALIGN_LIMIT:
        prefix = 0
        limit = min(len(source), len(content))
        while prefix < limit and source[prefix] == content[prefix]:
            prefix += 1
        suffix = 0
        while (
            suffix < limit - prefix
            and source[len(source) - 1 - suffix] == content[len(content) - 1 - suffix]
        ):
            suffix += 1
        blocks = [(0, 0, prefix), (len(source) - suffix, len(content) - suffix, suffix)]
    else:
        blocks = [
            (b.a, b.b, b.size)
            for b in SequenceMatcher(None, source, content, autojunk=False).get_matching_blocks()
        ]
    pieces: list[str] = []
    cursor = 0
    for a, b, size in blocks:
        if size == 0 or b < cursor:
            continue
        pieces.append(content[cursor:b])
        pieces.append(escaped[a : a + size])
        cursor = b + size
    pieces.append(content[cursor:])
    return "".join(pieces)


def _transcodes(fix: Fix, code: str, doc: Document) -> bool:
    """Whether `fix` is invalid-utf8's rewrite of a whole UTF-16 or UTF-32 file."""
    return (
        code == TRANSCODE_RULE
        and len(fix.edits) == 1
        and fix.edits[0].start == 0
        and fix.edits[0].end == len(doc.text) > 0
    )


def _adapt(fix: Fix, code: str, doc: Document, newline: str | None) -> Fix | None:
    """The fix as it must be applied to this file, or None when it cannot be.

    - A BOM at offset 0 is kept: an edit there (other than the BOM rule's) starts after it.
    - Line breaks the fix writes use the file's line ending (`newline`; None when the
      line-endings rule is fixing this pass, so everything becomes LF anyway).
    - Undecodable bytes the fix kept are given back (see `_keep_bytes`).
    """
    text, escaped = doc.text, doc.escaped_text
    edits: list[Edit] = []
    changed = False
    for edit in fix.edits:
        if edit.end > len(text):
            return None
        start, end, content = edit.start, edit.end, edit.content
        if newline is not None and ("\n" in content or "\r" in content):
            content = _BREAK.sub(newline, content)
        if start == 0 and text.startswith(BOM) and code != BOM_RULE and not content.startswith(BOM):
            start, end = 1, max(end, 1)
        if doc.invalid_bytes and _SURROGATE.search(escaped, start, end):
            content = _keep_bytes(text[start:end], escaped[start:end], content)
        if start != edit.start or end != edit.end or content != edit.content:
            changed = True
            edits.append(Edit(start, end, content))
        else:
            edits.append(edit)
    if not changed:
        # The edits as the rule made them, already ordered and checked by its `Fix`; a new
        # object all the same (the pass tells its fixes apart by identity).
        return ordered_fix(fix.title, fix.edits, fix.applicability)
    try:
        return Fix(fix.title, tuple(edits), fix.applicability)
    except ValueError:  # two edits overlap after the BOM adjustment
        return None


# ---------------------------------------------------------------------------- verifying


class _Regions:
    """Edit regions `(lo, hi)`, indexed so that asking whether they change a span takes two
    bisections.

    Verifying a pass asks it for every front-matter key before and after: with a scan of every
    region, a pass of 100,000 fixes over front matter of 100,000 keys made 10^10 comparisons.
    """

    def __init__(self, regions: Sequence[tuple[int, int]]) -> None:
        self.inserts = sorted(lo for lo, hi in regions if lo == hi)
        spans = sorted((lo, hi) for lo, hi in regions if lo != hi)
        self.starts = [lo for lo, _ in spans]
        self.reach: list[int] = []  # the furthest end among the regions up to here
        furthest = -1
        for _, hi in spans:
            furthest = max(furthest, hi)
            self.reach.append(furthest)

    def change(self, span: Span) -> bool:
        """Does a region change `span`? An insertion (`lo == hi`) only strictly inside it, any
        other region when it starts before `span` ends and ends after `span` starts."""
        i = bisect_right(self.inserts, span.start)
        if i < len(self.inserts) and self.inserts[i] < span.end:
            return True
        j = bisect_left(self.starts, span.end)  # the regions with lo < span.end
        return j > 0 and self.reach[j - 1] > span.start


def _same(a: Any, b: Any) -> bool:
    return bool(a == b) or repr(a) == repr(b)  # repr: NaN is a value like any other here


def _meaning_changed(
    before: Document, after: Document, regions_in: list[tuple[int, int]], step: _Step
) -> str | None:
    """Why the front matter does not mean what it meant outside the edited keys, or None."""
    fm_before, fm_after = before.front_matter, after.front_matter
    if fm_before is None:
        if not before.front_matter_errors and after.front_matter_errors:
            return "made the front matter stop parsing"
        if fm_after is not None:
            return _key_doubled(fm_after.root.entries, _Regions(step.regions()))
        return None
    if fm_after is None:
        return "made the front matter stop parsing"
    if fm_after.format != fm_before.format:
        return "changed the front matter's format"
    edited_in, edited_out = _Regions(regions_in), _Regions(step.regions())
    old: dict[str, list[Any]] = {}
    touched: set[str] = set()
    for entry in fm_before.root.entries:
        old.setdefault(entry.key, []).append(entry.node.value)
        if edited_in.change(entry.entry_span) or edited_in.change(entry.key_span):
            touched.add(entry.key)
    new: dict[str, list[Any]] = {}
    for entry in fm_after.root.entries:
        new.setdefault(entry.key, []).append(entry.node.value)
        if edited_out.change(entry.entry_span) or edited_out.change(entry.key_span):
            touched.add(entry.key)
    for key, values in new.items():
        # Two edits of different rules (a rename to `summary`, an inserted `summary`) can write
        # the same key: each alone is fine, together Hugo refuses the file.
        if len(values) > max(1, len(old.get(key, ()))):
            return f"made the key {key!r} appear twice"
    for key in old.keys() | new.keys():
        if key in touched:
            continue
        if key not in new:
            return f"removed the key {key!r} without editing it"
        if key not in old:
            return f"added the key {key!r} without writing it"
        values_old, values_new = old[key], new[key]
        if len(values_old) != len(values_new) or not all(
            _same(a, b) for a, b in zip(values_old, values_new, strict=True)
        ):
            return f"changed the value of {key!r} without editing it"
    return None


def _key_doubled(entries: Sequence[Entry], edited: _Regions) -> str | None:
    """Why front matter that did not parse before a pass may not parse like this after it: an
    edited key now written twice. Hugo's YAML reads control characters in a key that newslint's
    parser refuses (`tit\\x0cle:` next to `title:`), so removing them "repairs" the front matter
    into a duplicate key, which Hugo refuses: the page stops building (found with Hugo as the
    oracle, `tests/test_hugo_fix_oracle.py`)."""
    by_key: dict[str, list[Entry]] = {}
    for entry in entries:
        by_key.setdefault(entry.key, []).append(entry)
    for key, group in by_key.items():
        # One character wider on each side: a deletion right before the key (`\x7ftitle:`)
        # leaves an insertion point at its start, which `change` counts only strictly inside.
        touched = (Span(max(0, e.key_span.start - 1), e.key_span.end + 1) for e in group)
        if len(group) > 1 and any(edited.change(span) for span in touched):
            return f"made the key {key!r} appear twice"
    return None


def _endings(text: str) -> tuple[int, int, int]:
    crlf = text.count("\r\n")
    return crlf, text.count("\r") - crlf, text.count("\n") - crlf


def _endings_changed(before: str, after: str) -> bool:
    """Did a file that used one line ending start using another?"""
    styles_before = {i for i, n in enumerate(_endings(before)) if n}
    styles_after = {i for i, n in enumerate(_endings(after)) if n}
    if not styles_before:  # no line break yet: the first ones may be of any one kind
        return len(styles_after) > 1
    return not styles_after <= styles_before


def _outside_broken_front_matter(doc: Document, fix: Fix) -> bool:
    """Front matter that does not parse is never rewritten, nor anything before it (a BOM),
    unless the fix is what makes it parse (a control character that YAML refuses in a value:
    `_repairs_front_matter`); `_joint_repair` admits the fixes that make it parse only together.

    Unterminated, it runs to the end of the file, so nothing is rewritten. The check is made on
    the adapted fix, so an insertion moved past the BOM is caught too.
    """
    if not doc.front_matter_errors:
        return True
    block = doc.front_matter_block
    end = block.end if block is not None else len(doc.text) + 1
    return all(e.start >= end for e in fix.edits)


def _joint_repair(doc: Document, held: list[_Candidate]) -> list[_Candidate]:
    """The held fixes that, applied together, make the broken front matter parse (else none).

    One control character or mojibake sequence that YAML refuses is repaired by its own fix; two
    of them need both fixes at once, and neither alone passes `_repairs_front_matter`.
    """
    if len(held) < 2:
        return []
    text, applied, _ = apply_fixes(doc.text, [c.fix for c in held])
    after = Document.from_text(text, doc.path, doc.site)
    if after.front_matter is None or after.front_matter_errors:
        return []
    taken = {id(fix) for fix in applied}
    return [c for c in held if id(c.fix) in taken]


def _admitted(
    doc: Document, adapted_fixes: list[tuple[Report, Fix, bool]]
) -> tuple[list[tuple[Report, Fix]], list[tuple[Report, Fix]]]:
    """The adapted fixes (each with whether it is `_outside_broken_front_matter`) a pass may
    apply, and those it holds back: inside front matter that does not parse and not repairing it
    alone (`_joint_repair` may still admit some of them together)."""
    inside = [fix for _, fix, outside in adapted_fixes if not outside]
    alone = {id(fix) for fix in sorted(inside, key=fix_order)[:MAX_LONE_REPAIRS]}
    # The report of `fix` judges the fix loop's last pass again, on the same document: each fix
    # is parsed alone once, not once per judgement.
    repairs: dict[tuple[Edit, ...], bool] = doc.__dict__.setdefault("_lone_repairs", {})
    admitted, held = [], []
    for report, adapted, outside in adapted_fixes:
        if not outside and id(adapted) in alone and adapted.edits not in repairs:
            repairs[adapted.edits] = _repairs_front_matter(doc, adapted)
        if outside or (id(adapted) in alone and repairs[adapted.edits]):
            admitted.append((report, adapted))
        else:
            held.append((report, adapted))
    return admitted, held


def hold_back_in_broken_front_matter(doc: Document, reports: list[Report]) -> list[Report]:
    """`reports` with each fix that `newslint fix` would hold back on this text shown as
    display-only, so that a `[*]` promises only what the fix run does: front matter that does not
    parse (a block never closed runs to the end of the file) is not rewritten, nor the BOM before
    it, except by the fixes that make it parse (`_Run._candidates`), after which the next pass
    judges the rest on the repaired text. A safe fix is judged among the safe fixes of the report,
    an unsafe one among all that `--unsafe-fixes` applies."""
    if not doc.front_matter_errors or not any(r.fix is not None for r in reports):
        return reports
    taken: set[int] = set()  # ids of the reports' fixes that a pass may apply
    for unsafe in (False, True):
        if unsafe and not any(
            r.fix is not None and r.fix.applicability is Applicability.UNSAFE for r in reports
        ):
            break  # the safe fixes were judged among the same ones
        usable = [
            r for r in reports if r.fix is not None and r.fix.edits and r.fix.applies(unsafe=unsafe)
        ]
        if any(_transcodes(r.fix, r.rule.code, doc) for r in usable if r.fix is not None):
            return reports  # applied alone, as written; the rest is judged on the new text
        fixing_endings = any(r.rule.code == LINE_ENDINGS_RULE for r in usable)
        newline = None if fixing_endings else dominant_newline(doc.text)
        adapted_fixes = []
        original: dict[int, Fix] = {}
        for report in usable:
            assert report.fix is not None
            adapted = _adapt(report.fix, report.rule.code, doc, newline)
            if adapted is not None:
                original[id(adapted)] = report.fix
                adapted_fixes.append((report, adapted, _outside_broken_front_matter(doc, adapted)))
        admitted, held = _admitted(doc, adapted_fixes)
        where = b""
        joint = _joint_repair(doc, [_Candidate(fix, report.rule, where) for report, fix in held])
        outside = {id(fix) for _, fix, out in adapted_fixes if out}
        if joint or any(id(fix) not in outside for _, fix in admitted):
            # A fix makes the front matter parse: the next pass, on the repaired text, offers
            # the held ones again (a control character in JSON front matter and one in the body).
            admitted = [(report, fix) for report, fix, _ in adapted_fixes]
        for fix in [fix for _, fix in admitted] + [c.fix for c in joint]:
            if not unsafe or fix.applicability is Applicability.UNSAFE:
                taken.add(id(original[id(fix)]))
    return [
        dataclasses.replace(report, fix=_display_only(report.fix))
        if report.fix is not None
        and report.fix.applicability is not Applicability.DISPLAY_ONLY
        and id(report.fix) not in taken
        else report
        for report in reports
    ]


def _display_only(fix: Fix) -> Fix:
    return Fix(
        f"{fix.title} (held: the front matter does not parse)",
        fix.edits,
        Applicability.DISPLAY_ONLY,
    )


def _repairs_front_matter(doc: Document, fix: Fix) -> bool:
    text, applied, _ = apply_fixes(doc.text, [fix])
    if not applied:
        return False
    after = Document.from_text(text, doc.path, doc.site)
    return after.front_matter is not None and not after.front_matter_errors


# ------------------------------------------------------------------------------ the loop


@dataclass
class _Run:
    """One attempt from the original text.

    `banned` rules (their fixes did not settle) are left out; `rejected` fixes (each failed
    verification on a text) are never tried again on that text; their rule may offer them or a
    different fix once other fixes changed the text, such as once another rule removed what made
    the first one break the front matter. Both outlive a restart: the same text gives the same
    fixes.
    """

    doc: Document
    ruleset: RuleSet
    site: Site
    unsafe: bool
    banned: dict[str, DroppedFix]
    rejected: dict[_Key, DroppedFix]
    passes: list[list[_Step]] = field(default_factory=list)  # the steps of pass 1, 2, ...
    applied: list[tuple[_Candidate, int]] = field(default_factory=list)  # with its pass number
    current: Document | None = None
    # The last `run_rules` result and its document: the final lint of a settled text reuses it.
    last_run: tuple[Document, tuple[list[Report], list[Any], dict[str, Any]]] | None = None

    # A non-None return is the set of rules that kept changing the text (the attempt failed).
    def loop(self) -> dict[str, DroppedFix] | None:
        current = self.doc
        self.current = current
        # Digests, not texts: a 50 MB file must not be kept ten times over to detect a cycle.
        seen: dict[bytes, int] = {_digest(current.escaped_text): 0}
        pass_rules: list[dict[str, str]] = []
        for number in range(1, MAX_PASSES + 2):
            accepted = self._one_pass(current, number)
            if accepted is None:
                return None
            after, done = accepted
            rules = {c.rule.name: c.rule.code for c in done}
            if number > MAX_PASSES:
                return self._blame(rules, f"kept changing the text after {MAX_PASSES} passes")
            pass_rules.append(rules)
            digest = _digest(after.escaped_text)
            earlier = seen.get(digest)
            if earlier is not None:
                cycle: dict[str, str] = {}
                for names in pass_rules[earlier:]:
                    cycle.update(names)
                return self._blame(cycle, "undid each other's fixes (the fixes cycle)")
            seen[digest] = number
            current = after
            self.current = current
        return None  # pragma: no cover - the loop returns from inside

    def _blame(self, rules: dict[str, str], reason: str) -> dict[str, DroppedFix]:
        return {name: DroppedFix(code, name, reason) for name, code in rules.items()}

    def _one_pass(self, current: Document, number: int) -> tuple[Document, list[_Candidate]] | None:
        """Apply one verified pass: (new document, fixes applied), or None when nothing applies."""
        candidates = self._candidates(current)
        while candidates:
            new_text, done_fixes, _ = apply_fixes(current.escaped_text, [c.fix for c in candidates])
            by_id = {id(c.fix): c for c in candidates}
            done = [by_id[id(f)] for f in done_fixes]
            if not done or new_text == current.escaped_text:
                return None
            after, reason = self._verify(current, new_text, done)
            if after is not None:
                if number <= MAX_PASSES:
                    self._record(after, new_text, done, number)
                return after, done
            culprits = self._culprits(current, done, reason)
            if culprits:
                self.rejected.update(culprits)
                candidates = [c for c in candidates if c.key not in self.rejected]
            else:  # each rule's fixes pass alone, not together: some wait for the next pass
                candidates = self._compatible(current, done)
        return None

    def _candidates(self, doc: Document) -> list[_Candidate]:
        from newslint.engine import run_rules
        from newslint.suppressions import suppressed_reports

        # A rule whose fixes were dropped still runs: leaving it out would make a suppression of
        # it look unused, and the unused-suppression fix would delete the comment.
        rules = self.ruleset.for_document(doc.path, self.site)
        ran = run_rules(doc, rules, self.ruleset.config)
        where = _digest(doc.escaped_text)
        self.last_run = (doc, ran)
        reports = suppressed_reports(doc, list(ran[0]), self.ruleset)
        usable = [
            r
            for r in reports
            if r.fix is not None
            and r.fix.edits
            and r.fix.applies(unsafe=self.unsafe)
            and r.rule.name not in self.banned
        ]
        for report in usable:
            assert report.fix is not None
            if _transcodes(report.fix, report.rule.code, doc):
                return [_Candidate(report.fix, report.rule, where)]  # alone, and as written
        # While the line-endings rule is fixing, every break becomes LF: no conversion.
        fixing_endings = any(r.rule.code == LINE_ENDINGS_RULE for r in usable)
        newline = None if fixing_endings else dominant_newline(doc.text)
        adapted_fixes: list[tuple[Report, Fix, bool]] = []  # with: outside broken front matter
        for report in usable:
            assert report.fix is not None
            adapted = _adapt(report.fix, report.rule.code, doc, newline)
            if adapted is None:
                self.rejected[(where, report.rule.name, report.fix)] = DroppedFix(
                    report.rule.code, report.rule.name, "made an edit outside the text"
                )
                continue
            adapted_fixes.append((report, adapted, _outside_broken_front_matter(doc, adapted)))
        admitted, held_back = _admitted(doc, adapted_fixes)
        out = [_Candidate(adapted, report.rule, where) for report, adapted in admitted]
        # Fixes inside front matter that does not parse, none of them repairing it alone.
        held = [_Candidate(adapted, report.rule, where) for report, adapted in held_back]
        if not self.rejected:  # (a key hashes every edit of its fix: not for nothing)
            out.extend(_joint_repair(doc, held))
            return out
        out.extend(_joint_repair(doc, [c for c in held if c.key not in self.rejected]))
        return [c for c in out if c.key not in self.rejected]

    def _verify(
        self, before: Document, new_text: str, done: list[_Candidate]
    ) -> tuple[Document | None, str]:
        codes = {c.rule.code for c in done}
        try:
            raw = encode(new_text)
        except UnicodeEncodeError:
            return None, "wrote text that cannot be encoded"
        after = Document.from_bytes(raw, before.path, before.site)
        after.language = self.doc.language
        if not _is_index(before.path):
            # What the sections cascade onto the page does not change with its text (an
            # `_index` file's own `cascade` may: its is worked out again from the new text).
            after.cascade_values = self.doc.cascade_values
        transcoded = any(_transcodes(c.fix, c.rule.code, before) for c in done)
        bom_lost = before.text.startswith(BOM) and not after.text.startswith(BOM)
        if bom_lost and BOM_RULE not in codes and not transcoded:
            return None, "removed the byte-order mark"
        if (
            LINE_ENDINGS_RULE not in codes
            and not transcoded
            and _endings_changed(before.text, after.text)
        ):
            return None, "changed the line endings"
        edits = [e for c in done for e in c.fix.edits]
        step = _Step(edits)
        regions_in = [(e.start, e.end) for e in edits]
        reason = _meaning_changed(before, after, regions_in, step)
        if reason is not None:
            return None, reason
        return after, ""

    def _culprits(
        self, before: Document, done: list[_Candidate], reason: str
    ) -> dict[_Key, DroppedFix]:
        """The fixes of the rules whose fixes, applied alone, fail verification; none when each
        rule's pass alone (the combination fails: see `_compatible`); with one rule, all of its
        fixes."""
        by_rule = _by_rule(done)
        found: dict[_Key, DroppedFix] = {}
        if len(by_rule) > 1:
            for name, group in by_rule.items():
                text, _, _ = apply_fixes(before.escaped_text, [c.fix for c in group])
                after, why = self._verify(before, text, group)
                if after is None:
                    for c in group:
                        found[c.key] = DroppedFix(c.rule.code, name, why)
            return found
        # One rule: its fixes together fail verification (which of them, it cannot tell).
        return {c.key: DroppedFix(c.rule.code, c.rule.name, reason) for c in done}

    def _compatible(self, before: Document, done: list[_Candidate]) -> list[_Candidate]:
        """The rules' fixes that verify together, taken rule by rule in the order of their
        first edit; the others wait for the next pass, which lints the text the kept ones wrote
        (and the rule may have nothing left to fix, or fix it differently)."""
        kept: list[_Candidate] = []
        for group in sorted(_by_rule(done).values(), key=lambda g: min(c.fix.span for c in g)):
            trial = kept + group
            text, _, _ = apply_fixes(before.escaped_text, [c.fix for c in trial])
            if self._verify(before, text, trial)[0] is not None:
                kept = trial
        return kept

    def _record(self, after: Document, new_text: str, done: list[_Candidate], number: int) -> None:
        steps = [_Step([e for c in done for e in c.fix.edits])]
        if after.escaped_text != new_text:
            # Two undecodable bytes brought together by an edit can decode as one character:
            # the re-decoding is one more step, so offsets still trace back to the original.
            steps.append(_Step([_difference(new_text, after.escaped_text)]))
        self.passes.append(steps)
        self.applied.extend((candidate, number) for candidate in done)

    def traced(self) -> list[AppliedFix]:
        """The applied fixes, each with the spans of the original text it changed."""
        out = []
        priors: dict[int, list[_Step]] = {}
        for candidate, number in self.applied:
            prior = priors.get(number)
            if prior is None:
                passes = self.passes[: number - 1]
                prior = priors[number] = [step for steps in passes for step in steps]
            fix = candidate.fix
            if prior:
                spans = [_trace_back(Span(e.start, e.end), prior) for e in fix.edits]
            else:  # the first pass edits the original: nothing to trace back through
                spans = [Span(e.start, e.end) for e in fix.edits]
            original = tuple(merge_spans(spans) if len(spans) > 1 else spans)
            rule = candidate.rule
            out.append(
                AppliedFix(
                    rule.code, rule.name, fix.title, fix.applicability, number, fix.edits, original
                )
            )
        return out


def _by_rule(candidates: list[_Candidate]) -> dict[str, list[_Candidate]]:
    by_rule: dict[str, list[_Candidate]] = {}
    for candidate in candidates:
        by_rule.setdefault(candidate.rule.name, []).append(candidate)
    return by_rule


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _difference(old: str, new: str) -> Edit:
    """One edit that turns `old` into `new` (common prefix and suffix kept)."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
        suffix += 1
    return Edit(prefix, len(old) - suffix, new[prefix : len(new) - suffix])


def _is_index(path: str) -> bool:
    from newslint.cascade import is_index_file

    return is_index_file(path)


def fix_loop(doc: Document, ruleset: RuleSet, *, unsafe: bool = False) -> FixOutcome:
    """Lint, apply non-overlapping fixes, verify, re-lint, until nothing changes."""
    from newslint.engine import FixOutcome, document_language, lint_document
    from newslint.site import Site

    site = doc.site or Site()
    if doc.language is None:
        doc.language = document_language(doc, site)
    banned: dict[str, DroppedFix] = {}
    rejected: dict[_Key, DroppedFix] = {}
    for _ in range(MAX_RESTARTS + 1):
        run = _Run(doc, ruleset, site, unsafe, banned, rejected)
        failed = run.loop()
        if failed is None:
            break
        banned.update(failed)
    else:
        run = _Run(doc, ruleset, site, unsafe, banned, rejected)  # give up: keep the original
    final = run.current or doc
    final.language = final.language or doc.language
    ran = run.last_run[1] if run.last_run is not None and run.last_run[0] is final else None
    result = lint_document(final, ruleset, ran=ran)
    fixes = run.traced()
    # A rejected fix is worth naming when its problem is still there with a fix on offer; when
    # a later fix of the rule (or another rule) solved it, nothing was lost.
    offered = {
        d.rule for d in result.diagnostics if d.fix is not None and d.fix.applies(unsafe=unsafe)
    }
    dropped = dict(banned)
    for item in rejected.values():
        if item.rule in offered:
            dropped.setdefault(item.rule, item)
    return FixOutcome(
        text=final.escaped_text,
        applied=[(f.code, f.title) for f in fixes],
        result=result,
        dropped=sorted(dropped),
        changed=final.escaped_text != doc.escaped_text,
        fixes=fixes,
        dropped_fixes=sorted(dropped.values(), key=lambda d: (d.code, d.rule)),
        passes=len({f.pass_number for f in fixes}),
    )
