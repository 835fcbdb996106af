"""Inline suppressions, handled by the engine (never by rules).

Front matter (YAML or TOML): `# newslint: disable=DT001,summary-length` at the end of a key's line
(its first, or the last of a value over several lines: a TOML multi-line string can carry a comment
only there) silences those rules on that key (all its lines); on a line of its own it silences them
in the whole file. Body: `<!-- newslint-disable-next-line RULE -->`, `<!-- newslint-disable-line RULE -->` (the
comment's own line, as markdownlint spells it), `<!-- newslint-disable RULE -->` ...
`<!-- newslint-enable RULE -->`, `<!-- newslint-disable-file RULE -->`; no rule means every rule.
Rules are named by code, code prefix (`DT`) or name, separated by commas or spaces; in the body,
text after ` -- ` is a free-form reason; in the front matter, names are separated by commas and
codes also by spaces, and the words after the list are the reason. A comment inside a code span or block, or inside a quoted
front-matter value, is text, not a suppression.

A suppression that silences nothing is reported as `unused-suppression` (NL001) with a safe fix that
removes it; so are rule names that do not exist and a `newslint-enable` with no open disable. A
comment that looks meant as one but is none (`<!-- newslint-disabel X -->`, `# newslint disable X`)
is reported too, without a fix. A
suppression is judged only for rules that ran: one naming only rules this run does not enable is left
alone (so `--ignore` never makes `newslint fix` delete suppressions), and so are those of the rules
that report only a link check (link-broken, link-redirect) in a run that checks no links. Cross-file
rules (those with a `project_end`; the link rules only when links are checked, since without a
check link-insecure reports as it lints the file) are judged after every file was linted, by
`project_suppressions`, in `newslint check`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from newslint.diagnostics import Diagnostic, make_diagnostic
from newslint.events import Collected, Node
from newslint.fixes import Edit, Fix
from newslint.registry import matches
from newslint.rule import Report, Rule, Severity
from newslint.spans import Span

if TYPE_CHECKING:
    from newslint.document import Document
    from newslint.engine import RuleSet

ALL = "ALL"
# Key of the per-file data that `project_suppressions` reads from `FileResult.collected`;
# ':' never appears in a rule name, so it cannot clash with a rule's collected data.
PROJECT_KEY = "newslint:suppressions"

_SELECTOR_LIST = r"[A-Za-z0-9_-]+(?:[ \t]*,[ \t]*[A-Za-z0-9_-]+)*"
# In the front matter, words after the list are a reason (`disable=DT001 the scraper writes it
# so`), but a code after a space continues the list (`disable=TX006 DT001`, as the body and
# ruff's noqa comments (`E501 F401`) separate them): taking it for a reason would leave its problem.
_FM_MORE_CODES = (
    r"(?:[ \t]+(?:[A-Z]{2}[0-9]{1,3}|ALL)(?![A-Za-z0-9_-])(?:[ \t]*,[ \t]*[A-Za-z0-9_-]+)*)*"
)
_FM_COMMENT = re.compile(
    r"#[ \t]*newslint:[ \t]*disable[ \t]*=[ \t]*(" + _SELECTOR_LIST + _FM_MORE_CODES + ")"
)
_BODY_COMMENT = re.compile(
    r"<!--[ \t\r\n]*newslint-(disable-next-line|disable-line|disable-file|disable|enable)(?![\w-])"
)
# What looks meant as a directive: a comment that starts with `newslint-` or `newslint:`.
_BODY_ATTEMPT = re.compile(r"<!--[ \t\r\n]*newslint[-:]")
_FM_ATTEMPT = re.compile(r"#[ \t]*newslint(?:[ \t]*[:=-]|[ \t]+(?:disable|enable|ignore|noqa))")
_MAX_COMMENT = 1000  # how far `-->` is looked for: an unterminated comment costs this much
_TOKEN = re.compile(r"[^\s,]+")
MAX_NAMES = 100  # names read from one comment; the rest is taken as its reason
_CODE_PREFIX = re.compile(r"^[A-Za-z]{2}\d{0,3}$")
_ENGINE_CODES = {"NL000", "NL002", "NL003", "NL004"}  # engine diagnostics that are not rules


class UnusedSuppression(Rule):
    """A suppression comment that silences nothing.

    ## What it does
    Flags a `# newslint: disable=...` front-matter comment or a `<!-- newslint-disable... -->` body
    comment that silenced no diagnostic in this run, a rule name in one that does not exist, a
    `<!-- newslint-enable -->` that closes no earlier disable, and a comment that starts like a
    suppression but is none (`<!-- newslint-disabel X -->`, `<!-- newslint: disable=X -->` in the
    body, `# newslint disable X` in the front matter).

    ## Why is this bad?
    A stale suppression hides the next real problem of that kind on that line, and a misspelt rule
    name silences nothing while looking as if it did.

    ## Example
        <!-- newslint-disable-next-line date-format -->
        The budget passed on Tuesday.

    ## Use instead
        The budget passed on Tuesday.

    ## Fix safety
    Safe: the fix removes only what silences nothing (the whole comment, or the unused names in it),
    so the diagnostics of the file do not change. A comment that is no suppression gets no fix: what
    it was meant to say is for its author to write. A suppression naming only rules that this run does
    not enable is never reported, so `newslint fix --ignore ...` cannot delete it.
    """

    code = "NL001"
    name = "unused-suppression"
    severity = Severity.WARNING
    origin = "engine"
    messages = {
        "unused": "unused suppression (nothing reported for {what})",
        "unknown": "suppression names unknown rule {selector!r}{hint}",
        "unknown-rules": "suppression names unknown rules {names}",
        "stray-enable": "newslint-enable without a matching newslint-disable",
        "malformed": "{text!r} is no newslint suppression; it silences nothing",
    }

    @classmethod
    def documentation(cls) -> str:
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")


# Rules the engine itself reports; `newslint.registry` adds them so selection can name them.
ENGINE_RULES: tuple[type[Rule], ...] = (UnusedSuppression,)


@dataclass(frozen=True)
class Directive:
    """One suppression comment."""

    # "line" | "file" (front matter); "this-line" | "next-line" | "disable" | "enable" |
    # "disable-file" (body); "malformed": looks meant as a directive but is none (it only reports)
    kind: str
    selectors: tuple[str, ...]  # as written; empty: every rule (body comments only)
    selector_spans: tuple[Span, ...]
    span: Span  # `# newslint: disable=...` (to the end of the list) or `<!-- ... -->`
    line: int  # the line the comment starts on
    first_line: int  # the lines it covers (for "disable": from here to its enable)
    last_line: int

    @property
    def in_front_matter(self) -> bool:
        return self.kind in ("line", "file")


@dataclass
class _Item:
    """Something a suppression can silence: a rule on a line."""

    name: str
    code: str
    line: int


# ------------------------------------------------------------------------------------- parsing


def _key(selector: str) -> str:
    """Normalised selector: ALL, an upper-case code or prefix, or a lower-case rule name (names
    select in any case, as in `--select` and `matches`: `Sentence-Spacing`)."""
    upper = selector.upper()
    if upper == ALL:
        return ALL
    return upper if _CODE_PREFIX.match(selector) else selector.lower()


def _keys_for(name: str, code: str) -> list[str]:
    """Every selector key that selects the rule `name`/`code`."""
    keys = [name.lower(), *(code[:n] for n in range(2, len(code) + 1))]
    if code != UnusedSuppression.code:  # a bare or ALL suppression never silences its own report
        keys.append(ALL)
    return keys


def _scalar_spans(node: Node, out: list[Span], text: str) -> None:
    """The spans of the scalars (and keys) under `node`, where a `#` is text, not a comment.

    A YAML block scalar's span starts at its `|`/`>` indicator, whose line may end in a comment
    (`lead: >-  # newslint: disable=...`): its text starts on the next line."""
    if node.kind == "scalar":
        span = node.span
        if node.style in ("|", ">"):
            breaks = [
                i
                for i in (
                    text.find("\n", span.start, span.end),
                    text.find("\r", span.start, span.end),
                )
                if i >= 0
            ]
            span = Span(min(breaks) + 1, span.end) if breaks else Span(span.end, span.end)
        out.append(span)
    for item in node.items:
        _scalar_spans(item, out, text)
    for entry in node.entries:
        out.append(entry.key_span)
        _scalar_spans(entry.node, out, text)


def _inside(spans: Sequence[Span], starts: Sequence[int], offset: int) -> bool:
    i = bisect_right(starts, offset) - 1
    return i >= 0 and spans[i].start <= offset < spans[i].end


def _last_line(doc: Document, node: Node, fallback: int) -> int:
    spans: list[Span] = []
    _scalar_spans(node, spans, doc.text)
    ends = [s.end - 1 if s.end > s.start else s.start for s in spans]
    return max([fallback, *(doc.position(e).line for e in ends)])


def _front_matter_directives(doc: Document) -> list[Directive]:
    block = doc.front_matter_block
    if block is None or doc.front_matter_format not in ("yaml", "toml"):
        return []
    text = doc.text
    values: list[Span] = []
    # The first or the last line of a top-level key -> the lines of the key and its value: a
    # TOML multi-line string (`"""`) or a YAML flow list over several lines can carry a comment
    # only after its last line.
    key_lines: dict[int, tuple[int, int]] = {}
    if doc.front_matter is not None:
        for entry in doc.front_matter.root.entries:
            values.append(entry.key_span)
            _scalar_spans(entry.node, values, text)
            line = doc.position(entry.key_span.start).line
            last = _last_line(doc, entry.node, line)
            if entry.node.kind != "scalar" and text[entry.node.span.start] in "[{":
                # a flow list or map: its closing bracket may stand on a line of its own
                closing = doc.position(max(entry.node.span.end - 1, entry.node.span.start)).line
                last = max(last, closing)
            key_lines.setdefault(last, (line, last))
            key_lines[line] = (line, last)
    values.sort()
    starts = [s.start for s in values]
    out: list[Directive] = []
    for attempt in _FM_ATTEMPT.finditer(text, block.start, block.end):
        hash_at = attempt.start()
        if _inside(values, starts, hash_at):
            continue  # a quoted or block value that happens to contain the words
        if doc.front_matter_format == "yaml" and hash_at > 0 and text[hash_at - 1] not in " \t\r\n":
            continue  # YAML starts a comment only after whitespace
        line = doc.position(hash_at).line
        match = _FM_COMMENT.match(text, hash_at, block.end)
        if match is None:
            end = doc.lines.line_span(line).end
            out.append(Directive("malformed", (), (), Span(hash_at, end), line, line, line))
            continue
        line_start = doc.lines.line_span(line).start
        selectors, spans = _tokens(text, match.start(1), match.end(1))
        span = Span(hash_at, match.end())
        if text[line_start:hash_at].strip():
            first, last = key_lines.get(line, (line, line))
            out.append(Directive("line", selectors, spans, span, line, first, last))
        else:
            out.append(Directive("file", selectors, spans, span, line, 1, 10**9))
    return out


def _tokens(text: str, start: int, end: int) -> tuple[tuple[str, ...], tuple[Span, ...]]:
    selectors: list[str] = []
    spans: list[Span] = []
    for token in _TOKEN.finditer(text, start, end):
        if token.group(0).startswith("--") or len(selectors) == MAX_NAMES:
            break  # the rest is a reason: `<!-- newslint-disable DT001 -- copied verbatim -->`
        selectors.append(token.group(0))
        spans.append(Span(token.start(), token.end()))
    return tuple(selectors), tuple(spans)


def _html_spans(doc: Document) -> tuple[list[Span], list[int]]:
    from newslint.events import Html

    try:
        nodes = doc.body_nodes
    except Exception:  # the engine reports a parser crash; here it only means no body comments
        return [], []
    spans = sorted(node.span for node in nodes if isinstance(node, Html))
    return spans, [s.start for s in spans]


def _body_directives(doc: Document) -> list[Directive]:
    text = doc.text
    if doc.body_start >= len(text) or "newslint" not in text[doc.body_start :]:
        return []
    html, starts = _html_spans(doc)
    out: list[Directive] = []
    for attempt in _BODY_ATTEMPT.finditer(text, doc.body_start):
        if not _inside(html, starts, attempt.start()):
            continue  # in a code span or block, or not an HTML comment at all
        match = _BODY_COMMENT.match(text, attempt.start())
        if match is None:
            close = text.find("-->", attempt.end(), attempt.end() + _MAX_COMMENT)
            if close >= 0:
                line = doc.position(attempt.start()).line
                span = Span(attempt.start(), close + 3)
                out.append(Directive("malformed", (), (), span, line, line, line))
            continue
        close = text.find("-->", match.end(), match.end() + _MAX_COMMENT)
        if close < 0:
            continue
        kind = match.group(1)
        selectors, spans = _tokens(text, match.end(), close)
        line = doc.position(match.start()).line
        end_line = doc.position(close).line
        span = Span(match.start(), close + 3)
        if kind == "disable-next-line":
            out.append(
                Directive("next-line", selectors, spans, span, line, end_line + 1, end_line + 1)
            )
        elif kind == "disable-line":  # markdownlint's spelling: the comment's own line(s)
            out.append(Directive("this-line", selectors, spans, span, line, line, end_line))
        elif kind == "disable-file":
            out.append(Directive(kind, selectors, spans, span, line, 1, 10**9))
        else:
            out.append(Directive(kind, selectors, spans, span, line, line, 10**9))
    return out


def parse_suppressions(doc: Document) -> list[Directive]:
    """Every suppression comment of `doc`, in text order."""
    if "newslint" not in doc.text:
        return []
    return _front_matter_directives(doc) + _body_directives(doc)


# ----------------------------------------------------------------------------------- matching

Use = tuple[int, int]  # (directive index, selector index)


@dataclass
class _Index:
    """Directives indexed by selector key, so each diagnostic costs a few dictionary look-ups."""

    directives: list[Directive]
    by_line: dict[int, dict[str, list[Use]]] = field(default_factory=dict)
    whole_file: dict[str, list[Use]] = field(default_factory=dict)
    ranges: list[int] = field(default_factory=list)  # indices of disable/enable, in order
    intervals: dict[tuple[str, str], tuple[list[int], list[tuple[int, list[Use]]]]] = field(
        default_factory=dict
    )
    closed_something: set[int] = field(default_factory=set)  # enables that closed a disable

    def __post_init__(self) -> None:
        self.uses = [self._uses(index, item) for index, item in enumerate(self.directives)]
        for index, item in enumerate(self.directives):
            uses = self.uses[index]
            if item.kind in ("file", "disable-file"):
                for key, use in uses:
                    self.whole_file.setdefault(key, []).append(use)
            elif item.kind == "malformed":
                continue
            elif item.kind in ("line", "this-line", "next-line"):
                for line in range(
                    item.first_line, min(item.last_line, item.first_line + 10_000) + 1
                ):
                    slot = self.by_line.setdefault(line, {})
                    for key, use in uses:
                        slot.setdefault(key, []).append(use)
            else:
                self.ranges.append(index)

    @staticmethod
    def _uses(index: int, item: Directive) -> list[tuple[str, Use]]:
        if not item.selectors:
            return [(ALL, (index, -1))]
        return [(_key(s), (index, n)) for n, s in enumerate(item.selectors)]

    def timeline(self, name: str, code: str) -> tuple[list[int], list[tuple[int, list[Use]]]]:
        """For one rule: the disable/enable ranges that cover it, as (start lines, (end, uses))."""
        cached = self.intervals.get((name, code))
        if cached is not None:
            return cached
        keys = set(_keys_for(name, code))
        starts: list[int] = []
        ends: list[tuple[int, list[Use]]] = []
        open_at: int | None = None
        open_uses: list[Use] = []
        for index in self.ranges:
            item = self.directives[index]
            hits = [use for key, use in self.uses[index] if key in keys]
            if not hits:
                continue
            if item.kind == "disable" and open_at is None:
                open_at, open_uses = item.line, hits
            elif item.kind == "enable" and open_at is not None:
                starts.append(open_at)
                ends.append((item.line, open_uses))
                self.closed_something.add(index)
                open_at = None
        if open_at is not None:
            starts.append(open_at)
            ends.append((10**9, open_uses))
        self.intervals[(name, code)] = (starts, ends)
        return starts, ends

    def covering(self, name: str, code: str, line: int) -> list[Use]:
        uses: list[Use] = []
        keys = _keys_for(name, code)
        slot = self.by_line.get(line)
        for key in keys:
            if slot is not None:
                uses.extend(slot.get(key, ()))
            uses.extend(self.whole_file.get(key, ()))
        if self.ranges:
            starts, ends = self.timeline(name, code)
            i = bisect_right(starts, line) - 1
            if i >= 0 and line <= ends[i][0]:
                uses.extend(ends[i][1])
        return uses


def _is_cross_file(rule: type[Rule]) -> bool:
    return getattr(rule.project_end, "__func__", None) is not Rule.project_end.__func__  # type: ignore[attr-defined]


def _judged_after_the_files(rule: type[Rule], links_checked: bool) -> bool:
    """Whether the rule's reports come from its project step in this run.

    A link rule reports there only what a link check found: without one, link-insecure reports
    as it lints each file, so its suppressions are judged there, like any per-file rule's (and
    even when the run saw only some of the site's files).
    """
    return _is_cross_file(rule) and (links_checked or not rule.checks_links)


def _runs_in(rule: type[Rule], links_checked: bool) -> bool:
    """link-broken and link-redirect report only what a link check found: without one they do not
    run, even when `select = ["ALL"]` enables them, so their suppressions are left alone."""
    only_a_link_check = rule.checks_links and not rule.default_enabled
    return links_checked or not only_a_link_check


@dataclass
class _Outcome:
    """What the suppressions of a file decided: which diagnostics stay, and what they report."""

    keep: list[bool]
    unused: list[tuple[Span, str, str, Fix | None]]  # span, message id, message, fix
    project: dict[str, Any] | None  # what the project step needs, when cross-file rules are named
    severity: Severity


T = TypeVar("T")


@dataclass
class _Selector:
    """What one selector names in this run (computed once per distinct selector)."""

    known: bool  # names a rule of the registry, an engine diagnostic or ALL
    reporter: bool  # names unused-suppression itself: never judged
    enabled: bool  # names a rule this run enables (else it cannot be judged)
    cross_file: bool  # names a rule judged only after every file (project_end)
    compares_files: bool  # names one whose reports on a file depend on the site's other files


def _selector_info(
    selector: str, known: Sequence[type[Rule]], enabled: Sequence[type[Rule]], links_checked: bool
) -> _Selector:
    rules = [rule for rule in enabled if matches(rule, selector)]
    return _Selector(
        known=selector.upper() == ALL
        or selector.upper() in _ENGINE_CODES
        or any(matches(rule, selector) for rule in known),
        reporter=selector.upper() != ALL and matches(UnusedSuppression, selector),
        enabled=bool(rules),
        cross_file=any(_judged_after_the_files(rule, links_checked) for rule in rules),
        compares_files=any(_is_cross_file(rule) and not rule.checks_links for rule in rules),
    )


def _judge(
    doc: Document, directives: list[Directive], items: list[_Item], ruleset: RuleSet
) -> _Outcome:
    index = _Index(directives)
    used: set[Use] = set()
    keep = []
    for thing in items:
        uses = index.covering(thing.name, thing.code, thing.line)
        used.update(uses)
        keep.append(not uses)
    from newslint.site import Site

    active = {a.rule: a for a in ruleset.for_document(doc.path, doc.site or Site())}
    reporter = active.get(UnusedSuppression)
    outcome = _Outcome(keep, [], None, reporter.severity if reporter else Severity.WARNING)
    cross_rules = [a.rule for a in ruleset.rules if _is_cross_file(a.rule)]
    if cross_rules:
        outcome.project = _project_data(index, cross_rules)
    if reporter is None:
        return outcome
    links_checked = ruleset.config.links.check
    enabled = [
        a.rule
        for a in ruleset.rules
        if a.rule is not UnusedSuppression and _runs_in(a.rule, links_checked)
    ]
    known = ruleset.registry.rules
    cache: dict[str, _Selector] = {}

    def info(selector: str) -> _Selector:
        found = cache.get(selector)
        if found is None:
            found = cache[selector] = _selector_info(selector, known, enabled, links_checked)
        return found

    for number, item in enumerate(directives):
        if item.kind == "malformed":
            outcome.unused.append(_malformed(doc, item))
            continue
        unknown = [p for p, s in enumerate(item.selectors) if not info(s).known]
        if item.kind == "enable":
            if index.ranges and number not in index.closed_something:
                for rule in known:  # a rule no diagnostic named may still be closed by it
                    index.timeline(rule.name, rule.code)
            names_a_rule = not item.selectors or len(unknown) < len(item.selectors)
            if number not in index.closed_something and names_a_rule:
                outcome.unused.append(_stray(doc, item))
            elif unknown:
                outcome.unused.append(_unknown(doc, item, unknown, known))
            continue
        unused: list[int] = []
        deferred: list[int] = []
        compares_files = False
        for position, selector in enumerate(item.selectors or (ALL,)):
            use = (number, position if item.selectors else -1)
            about = info(selector)
            if use in used or about.reporter or not about.known or not about.enabled:
                continue  # used, not judged, or reported below as unknown
            (deferred if about.cross_file else unused).append(position)
            compares_files = compares_files or (about.cross_file and about.compares_files)
        if unused:
            outcome.unused.append(_unused(doc, item, unused))
        if deferred and outcome.project is not None:
            span, _, message, fix = _unused(doc, item, deferred)
            candidate = _unused_diagnostic(doc, span, outcome.severity, message, fix)
            uses = [(number, p if item.selectors else -1) for p in deferred]
            outcome.project["candidates"].append((uses, candidate, compares_files))
        if unknown:
            outcome.unused.append(_unknown(doc, item, unknown, known))
    # A suppression that names unused-suppression itself silences these reports (never ALL).
    outcome.unused = [
        found
        for found in outcome.unused
        if not index.covering(
            UnusedSuppression.name, UnusedSuppression.code, doc.position(found[0].start).line
        )
    ]
    return outcome


def _project_data(index: _Index, cross_rules: list[type[Rule]]) -> dict[str, Any]:
    """Per cross-file rule, the line ranges that silence it (and by which directive)."""
    covers: dict[str, list[tuple[int, int, list[Use]]]] = {}
    for rule in cross_rules:
        keys = _keys_for(rule.name, rule.code)
        found: list[tuple[int, int, list[Use]]] = []
        for key in keys:
            for use in index.whole_file.get(key, ()):
                found.append((1, 10**9, [use]))
        for line, slot in index.by_line.items():
            for key in keys:
                if key in slot:
                    found.append((line, line, list(slot[key])))
        starts, ends = index.timeline(rule.name, rule.code)
        for start, (end, uses) in zip(starts, ends, strict=True):
            found.append((start, end, uses))
        if found:
            covers[rule.name] = found
    return {"covers": covers, "candidates": []}


# --------------------------------------------------------------------------------------- fixes


def _blank(doc: Document, line: int) -> bool:
    span = doc.lines.line_span(line)
    return not doc.text[span.start : span.end].strip()


def _remove_directive(doc: Document, item: Directive) -> Edit:
    """The edit that deletes a whole comment without changing how the rest renders."""
    text, lines = doc.text, doc.lines
    first = doc.position(item.span.start).line
    last = doc.position(max(item.span.end - 1, item.span.start)).line
    start = lines.line_span(first).start
    end = lines.line_span(last).end
    end_break = lines.line_span(last, with_break=True).end
    before, after = text[start : item.span.start], text[item.span.end : end]
    if item.in_front_matter:
        if before.strip():  # `key: value  # newslint: ...`: drop the comment and the spaces before
            return Edit(item.span.start - (len(before) - len(before.rstrip())), end, "")
        return Edit(start, end_break, "")
    if before.strip() or after.strip():  # inside a line of text: drop it and one space
        if before.strip() and not after:
            # The comment ends the line: every space before it goes too, or two or more of them
            # would be left at the end of the line, a hard line break the page never had.
            return Edit(item.span.start - (len(before) - len(before.rstrip(" \t"))), end, "")
        if before.endswith((" ", "\t")):
            return Edit(item.span.start - 1, item.span.end, "")
        if after.startswith((" ", "\t")):
            return Edit(item.span.start, item.span.end + 1, "")
        return Edit(item.span.start, item.span.end, "")
    block = doc.front_matter_block
    in_body = first > 1 and not (block is not None and lines.line_span(first - 1).start < block.end)
    prev_blank = in_body and _blank(doc, first - 1)
    has_next = last < lines.line_count and end_break < len(text)
    next_blank = has_next and _blank(doc, last + 1)
    if not has_next:  # the file's last line: take a blank line before it along
        if prev_blank:
            return Edit(lines.line_span(first - 1).start, len(text), "")
        return Edit(start, len(text), "")
    if prev_blank or first == 1:
        if next_blank:  # a blank line on each side: keep one of them
            return Edit(start, lines.line_span(last + 1, with_break=True).end, "")
        return Edit(start, end_break, "")
    if next_blank:
        return Edit(start, end_break, "")
    # Text right above and below: an empty line keeps the two paragraphs apart, as the comment did.
    return Edit(start, end, "")


def _without(doc: Document, item: Directive, drop: Iterable[int]) -> Edit:
    """The edit that removes some names from a comment (the whole comment when none is left)."""
    dropped = set(drop)
    kept = [s for n, s in enumerate(item.selectors) if n not in dropped]
    if not item.selectors or not kept:
        return _remove_directive(doc, item)
    spans = item.selector_spans
    separator = ","
    if len(spans) > 1:
        between = doc.text[spans[0].end : spans[1].start]
        separator = between if between.strip() in (",", "") else ","
    return Edit(spans[0].start, spans[-1].end, separator.join(kept))


def _describe(item: Directive, positions: list[int]) -> str:
    if not item.selectors or any(item.selectors[p].upper() == ALL for p in positions):
        return "any rule"
    return ", ".join(item.selectors[p] for p in positions)


def _unused(doc: Document, item: Directive, positions: list[int]) -> tuple[Span, str, str, Fix]:
    what = _describe(item, positions)
    message = UnusedSuppression.messages["unused"].format(what=what)
    whole = not item.selectors or len(positions) == len(item.selectors)
    title = "Remove unused suppression" if whole else f"Remove {what} from suppression"
    return item.span, "unused", message, Fix.safe(title, _without(doc, item, positions))


def _unknown(
    doc: Document, item: Directive, positions: list[int], known: Sequence[type[Rule]]
) -> tuple[Span, str, str, Fix]:
    """One report for the names in `item` that are no rule (with a did-you-mean for one)."""
    from newslint.config import suggest_rule

    names = [item.selectors[p] for p in positions]
    span = Span(item.selector_spans[positions[0]].start, item.selector_spans[positions[-1]].end)
    edit = _without(doc, item, positions)
    if len(names) == 1:
        message = UnusedSuppression.messages["unknown"].format(
            selector=names[0], hint=suggest_rule(names[0], known)
        )
        title = f"Remove unknown rule {names[0]!r} from suppression"
        return span, "unknown", message, Fix.safe(title, edit)
    shown = ", ".join(repr(n) for n in names[:5])
    if len(names) > 5:
        shown += f" and {len(names) - 5} more"
    message = UnusedSuppression.messages["unknown-rules"].format(names=shown)
    return span, "unknown-rules", message, Fix.safe("Remove unknown rules from suppression", edit)


def _malformed(doc: Document, item: Directive) -> tuple[Span, str, str, Fix | None]:
    written = doc.text[item.span.start : item.span.end]
    message = UnusedSuppression.messages["malformed"].format(text=_shortened(written))
    return item.span, "malformed", message, None


def _shortened(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."


def _stray(doc: Document, item: Directive) -> tuple[Span, str, str, Fix]:
    message = UnusedSuppression.messages["stray-enable"]
    return (
        item.span,
        "stray-enable",
        message,
        Fix.safe("Remove stray newslint-enable", _remove_directive(doc, item)),
    )


# ------------------------------------------------------------------------------ engine hooks


def _filter(
    doc: Document,
    things: list[T],
    ruleset: RuleSet,
    item_of: Callable[[T], _Item | None],
) -> tuple[list[T], _Outcome | None]:
    directives = parse_suppressions(doc)
    if not directives:
        return things, None
    items: list[_Item] = []
    positions: list[int] = []
    for number, thing in enumerate(things):
        item = item_of(thing)
        if item is not None:
            items.append(item)
            positions.append(number)
    outcome = _judge(doc, directives, items, ruleset)
    silenced = {positions[n] for n, keep in enumerate(outcome.keep) if not keep}
    return [t for n, t in enumerate(things) if n not in silenced], outcome


def _unused_diagnostic(
    doc: Document, span: Span, severity: Severity, message: str, fix: Fix | None
) -> Diagnostic:
    return make_diagnostic(
        doc.path,
        doc.lines,
        span,
        UnusedSuppression.name,
        UnusedSuppression.code,
        severity,
        message,
        fix,
    )


def apply_suppressions(
    doc: Document,
    diagnostics: list[Diagnostic],
    ruleset: RuleSet,
    collected: dict[str, Collected] | None = None,
) -> list[Diagnostic]:
    """Drop silenced diagnostics, add `unused-suppression` ones; stash what `project_suppressions` needs."""

    def item_of(d: Diagnostic) -> _Item | None:
        return None if d.rule == "internal-error" else _Item(d.rule, d.code, d.line)

    kept, outcome = _filter(doc, diagnostics, ruleset, item_of)
    if outcome is None:
        return diagnostics
    for span, _, message, fix in outcome.unused:
        kept.append(_unused_diagnostic(doc, span, outcome.severity, message, fix))
    if collected is not None and outcome.project is not None and outcome.project["covers"]:
        collected[PROJECT_KEY] = Collected(doc.path, outcome.project)
    return kept


def suppressed_reports(doc: Document, reports: list[Report], ruleset: RuleSet) -> list[Report]:
    """Drop silenced reports and add `unused-suppression` ones, whose fixes `newslint fix` applies."""

    def item_of(r: Report) -> _Item:
        return _Item(r.rule.name, r.rule.code, doc.position(r.span.start).line)

    kept, outcome = _filter(doc, reports, ruleset, item_of)
    if outcome is None:
        return reports
    for span, message_id, message, fix in outcome.unused:
        kept.append(Report(UnusedSuppression, span, message, outcome.severity, fix, message_id))
    return kept


def project_suppressions(results: Iterable[Any], diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Silence cross-file diagnostics by their file's suppressions; report those left unused.

    `results` are the run's `FileResult`s (or what `lint_files` returned, see
    `newslint.project.project_data`); `diagnostics` what the rules' `project_end` reported. A
    reported file's suppressions silence what is reported on it; in a `--project` run that may be
    a file of the site the run was not given (a later article duplicating a given one). Only the
    given files' suppressions are judged unused, and a suppression of a cross-file rule only when
    the run saw the whole site (`results.covers_project()`, see `newslint.runner.Results`): in a
    pre-commit run of one file it may silence a duplicate of a file the run did not see. A link
    rule reports on each file's own links, so its suppressions are judged in any run, but not on
    a line whose link no check looked at (`results.unchecked_links`, see `newslint.runner`).
    """
    from newslint.project import project_data

    project = project_data(results)
    data: dict[str, dict[str, Any]] = {}
    for found in project.collected(PROJECT_KEY, given_only=True):
        data[found.path] = found.data
    reported = {d.path for d in diagnostics} - data.keys()
    others: dict[str, dict[str, Any]] = {}
    if reported and project.context:
        for found in project.collected(PROJECT_KEY):
            if found.path in reported:
                others[found.path] = found.data
    if not data and not others:
        return diagnostics
    used: dict[str, set[Use]] = {path: set() for path in data}
    kept: list[Diagnostic] = []
    for d in diagnostics:
        entry = data.get(d.path) or others.get(d.path, {})
        covers = entry.get("covers", {}).get(d.rule, ())
        hits = [use for first, last, uses in covers if first <= d.line <= last for use in uses]
        if hits:
            used.setdefault(d.path, set()).update(hits)
        else:
            kept.append(d)
    covers = getattr(results, "covers_project", None)
    unchecked = getattr(results, "unchecked_links", None) or {}
    judged: bool | None = None
    for path, entry in data.items():
        for uses, candidate, compares_files in entry["candidates"]:
            if _covers_an_unchecked_link(entry["covers"], uses, unchecked.get(path)):
                continue  # whether it silences something, no link check could tell
            if not used[path].intersection(uses):
                if not compares_files:  # a link check of the file's own links: any run judges it
                    kept.append(candidate)
                    continue
                if judged is None:
                    judged = covers() if callable(covers) else True
                if judged:
                    kept.append(candidate)
    return kept


def _covers_an_unchecked_link(
    covers: dict[str, list[tuple[int, int, list[Use]]]],
    uses: list[Use],
    unchecked: dict[str, set[int]] | None,
) -> bool:
    """Whether the suppression `uses` names a link rule on a line whose link went unchecked."""
    if not unchecked:
        return False
    wanted = set(uses)
    for name, lines in unchecked.items():
        for first, last, covering in covers.get(name, ()):
            if wanted.intersection(covering) and any(first <= line <= last for line in lines):
                return True
    return False


__all__ = [
    "ENGINE_RULES",
    "Directive",
    "UnusedSuppression",
    "apply_suppressions",
    "parse_suppressions",
    "project_suppressions",
    "suppressed_reports",
]
