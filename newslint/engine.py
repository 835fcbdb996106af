"""The engine: one walk over each document, events fanned out to the subscribed rules.

It holds no rule-specific code. A handler that raises becomes an `internal-error` diagnostic naming
the rule and the file; the other rules and files still run.
"""

from __future__ import annotations

import dataclasses
import errno
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISDIR, S_ISREG
from typing import TYPE_CHECKING, Any

from newslint.config import (
    Config,
    ConfigError,
    Selection,
    ignored_rules,
    pattern_base,
    rule_spellings,
    select_rules,
)
from newslint.diagnostics import Diagnostic, DiagnosticMaker, make_diagnostic
from newslint.document import Document
from newslint.events import Code, Collected, Heading, Html, Link, Paragraph, Text
from newslint.registry import Registry, load_registry, matches
from newslint.rule import Context, Report, Rule, Severity
from newslint.site import Site, site_for
from newslint.spans import Span

if TYPE_CHECKING:
    from newslint.fixloop import AppliedFix, DroppedFix

INTERNAL_ERROR = ("internal-error", "NL000")
UNREADABLE = ("unreadable-file", "NL002")
TOO_LARGE = ("file-too-large", "NL003")
SITE_CONFIG = ("site-config", "NL004")

_NODE_EVENTS: dict[type, str] = {
    Heading: "heading",
    Paragraph: "paragraph",
    Link: "link",
    Html: "html",
    Text: "text",
    Code: "code",
}
DEFAULT_PRESETS = ("hugo", "news")


@dataclass(frozen=True)
class ActiveRule:
    """A selected rule with its options and the severity it reports at."""

    rule: type[Rule]
    options: Any
    severity: Severity


@dataclass
class RuleSet:
    """The rules selected for a run, with their options and severities."""

    rules: list[ActiveRule]
    config: Config
    registry: Registry
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    _chosen: dict[tuple[frozenset[str], tuple[str, ...], bool], list[ActiveRule]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def for_document(self, path: str, site: Site) -> list[ActiveRule]:
        presets = set(
            self.config.presets if self.config.presets is not None else active_presets(site)
        )
        presets.add("hugo")
        ignored = (
            ignored_rules(path, self.per_file_ignores, pattern_base(self.config))
            if self.per_file_ignores
            else []
        )
        links_checked = bool(self.config.links.check)
        # Thousands of documents share a handful of (presets, ignores) combinations.
        key = (frozenset(presets), tuple(ignored), links_checked)
        chosen = self._chosen.get(key)
        if chosen is None:
            chosen = self._chosen[key] = [
                active
                for active in self.rules
                if (not active.rule.presets or presets.intersection(active.rule.presets))
                and not any(matches(active.rule, s) for s in ignored)
                and (links_checked or not only_a_link_check(active.rule))
            ]
        return list(chosen)


def only_a_link_check(rule: type[Rule]) -> bool:
    """A rule that reports only what a link check found (link-broken, link-redirect: on only
    when selected, collecting URLs for the check): without one it records nothing, so it is not
    run at all (its instance, context and handlers cost each document ~15,000 instructions for
    nothing). `idle_selections` and the suppressions (`_runs_in`) read it the same way."""
    return rule.checks_links and not rule.default_enabled


def active_presets(site: Site) -> tuple[str, ...]:
    return (*DEFAULT_PRESETS, "mainroad") if site.is_mainroad else DEFAULT_PRESETS


def idle_selections(
    ruleset: RuleSet, selectors: Sequence[str], files: Iterable[str], links_checked: bool
) -> list[str]:
    """A warning for each selector of a run (`--select TH001`, `select = ["LK006"]`) whose rules
    all sit out on `files`: rules of a preset that is off for every one of them (the `mainroad`
    rules on a site whose theme is another), or that only report a link check when links are not
    checked. Ruff warns of a selected rule that cannot run, rather than running nothing without a
    word; `ALL`, or a prefix of which some rule runs, names no rule in particular."""
    presets: set[str] | None = None

    def sits_out(rule: type[Rule]) -> str | None:
        nonlocal presets
        if only_a_link_check(rule) and not links_checked:
            return "{names} only report{s} a link check, which runs with --check-links"
        if not rule.presets:
            return None
        if presets is None:
            presets = _presets_of(ruleset.config, files)
        if presets.intersection(rule.presets):
            return None
        where = (
            "`presets` leaves it out"
            if ruleset.config.presets is not None
            else "it is on where the site's theme is Mainroad, or when `presets` names it"
        )
        return f"{{names}} {{are}} of the {rule.presets[0]} preset, which is off for these files ({where})"

    warnings: list[str] = []
    for selector in dict.fromkeys(selectors):
        if selector.upper() == "ALL":
            continue
        named = [a.rule for a in ruleset.rules if matches(a.rule, selector)]
        reasons = {rule.name: sits_out(rule) for rule in named}
        if not named or not all(reasons.values()):
            continue
        grouped: dict[str, list[str]] = {}
        for name, reason in reasons.items():
            grouped.setdefault(reason or "", []).append(name)
        why = "; ".join(
            reason.format(
                names=_listed(names),
                s="s" if len(names) == 1 else "",
                are="is a rule" if len(names) == 1 else "are rules",
            )
            for reason, names in grouped.items()
        )
        warnings.append(f"selection {selector!r} has no effect: {why}")
    return warnings


def _listed(names: list[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _presets_of(config: Config, files: Iterable[str]) -> set[str]:
    """The presets on for at least one of `files` (`RuleSet.for_document` decides per file)."""
    if config.presets is not None:
        return {"hugo", *config.presets}
    found = {"hugo"}
    for path in files:
        found.update(active_presets(site_for(path)))
        if "mainroad" in found:
            break  # every preset there is
    return found


def _options_for(rule: type[Rule], settings: dict[str, Any]) -> tuple[Any, Severity]:
    settings = dict(settings)
    severity = rule.severity
    if "severity" in settings:
        try:
            severity = Severity.parse(settings.pop("severity"))
        except ValueError as err:
            raise ConfigError(f"rules.{rule.name}.severity: {err}") from None
    valid = {f.name.replace("_", "-"): f.name for f in dataclasses.fields(rule.Options)}
    kwargs = {}
    for key, value in settings.items():
        name = valid.get(key) or (key if key in valid.values() else None)
        if name is None:
            known = ", ".join(sorted(valid)) or "none"
            raise ConfigError(f"rules.{rule.name}: unknown option {key!r} (options: {known})")
        kwargs[name] = value
    if kwargs:  # TOML lists become the tuples and frozensets the options declare
        import typing

        from newslint.config import coerce_option

        try:
            hints = typing.get_type_hints(rule.Options)
        except Exception:  # an annotation that cannot be resolved: the values as given
            hints = {}
        kwargs = {name: coerce_option(value, hints.get(name)) for name, value in kwargs.items()}
    try:
        return rule.Options(**kwargs), severity
    except (TypeError, ValueError) as err:
        raise ConfigError(f"rules.{rule.name}: {err}") from None


def rule_options(config: Config, rule: type[Rule]) -> Any:
    """The options `rule` runs with under `config`, validated and coerced as `build_ruleset` gives
    them to it (its table under its name or code, in any case; else its defaults), whether or not
    it is selected: for a helper that must agree with another rule's limits. Raises ConfigError
    for a table the rule refuses."""
    for key, table in config.rules.items():
        if str(key).lower() in (rule.name.lower(), rule.code.lower()) and isinstance(table, dict):
            return _options_for(rule, table)[0]
    return rule.Options()


def build_ruleset(
    config: Config,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    extend_select: Sequence[str] = (),
    registry: Registry | None = None,
    rule_classes: Sequence[type[Rule]] | None = None,
    unless_ignored: Sequence[str] = (),
) -> RuleSet:
    """Resolve selection (CLI over config, like ruff: see `newslint.config.select_rules`) and
    options into a `RuleSet`. `unless_ignored` (the link rules under `--check-links`) are turned
    on whatever the selection, unless an `ignore` of the file or the command line names them."""
    if registry is None:
        registry = (
            Registry(list(rule_classes))
            if rule_classes is not None
            else load_registry(config.plugins)
        )
    chosen_select = list(select) if select else list(config.select)
    chosen_extend = [*config.extend_select, *extend_select]
    chosen_ignore = [*config.ignore, *ignore]
    selectors = [*chosen_select, *chosen_extend, *chosen_ignore]
    for name in config.rules:
        selectors.append(name)
    for selector in selectors:
        if (
            not any(matches(rule, selector) for rule in registry.rules)
            and selector.upper() != "ALL"
        ):
            from newslint.config import _did_you_mean

            names = [r.name for r in registry.rules] + [r.code for r in registry.rules]
            raise ConfigError(
                f"unknown rule or prefix {selector!r}{_did_you_mean(selector, names)}"
            )
    sources = [
        Selection(config.select or None, config.extend_select, config.ignore),
        Selection(select or None, extend_select, ignore),
    ]
    chosen = set(select_rules(registry.rules, sources))
    ignored = [*config.ignore, *ignore]
    for rule in registry.rules:
        if any(matches(rule, s) for s in unless_ignored) and not any(
            matches(rule, s) for s in ignored
        ):
            chosen.add(rule)
    spellings = rule_spellings(registry.rules)
    # The table of each rule, whichever case it is spelled in (`check_rules` refuses two tables).
    tables = {spellings.get(str(key).lower()): table for key, table in config.rules.items()}
    active = []
    for rule in (rule for rule in registry.rules if rule in chosen):
        settings = tables.get(rule) or {}
        options, severity = _options_for(rule, settings)
        active.append(ActiveRule(rule, options, severity))
    return RuleSet(active, config, registry, dict(config.per_file_ignores))


@dataclass
class FileResult:
    """A linted file's diagnostics, what it collected for cross-file rules, and the fixes applied."""

    path: str
    diagnostics: list[Diagnostic]
    collected: dict[str, Collected] = field(default_factory=dict)
    fixes_applied: list[tuple[str, str]] = field(default_factory=list)  # (code, title)


def _internal_error(path: str, doc: Document | None, rule: str, err: BaseException) -> Diagnostic:
    import traceback  # only when a rule crashed

    last = traceback.format_exception_only(type(err), err)[-1].strip()
    text = doc.text if doc is not None else ""
    from newslint.spans import LineIndex

    index = doc.lines if doc is not None else LineIndex(text)
    return make_diagnostic(
        path,
        index,
        Span(0, 0),
        INTERNAL_ERROR[0],
        INTERNAL_ERROR[1],
        Severity.ERROR,
        f"rule {rule} crashed on this file: {last}",
    )


def _rule_label(rule: type[Rule]) -> str:
    return rule.name if rule.origin == "builtin" else f"{rule.name} (plugin {rule.origin})"


# Which rule handles which event, worked out once per list of rule classes (`handlers()` walks every
# event name with getattr), not once per document.
_PLANS: dict[tuple[type[Rule], ...], dict[str, tuple[tuple[int, str], ...]]] = {}


def _plan(classes: tuple[type[Rule], ...]) -> dict[str, tuple[tuple[int, str], ...]]:
    found = _PLANS.get(classes)
    if found is None:
        events: dict[str, list[tuple[int, str]]] = {}
        for index, rule in enumerate(classes):
            for event, method in rule.handlers().items():
                events.setdefault(event, []).append((index, method))
        found = _PLANS[classes] = {event: tuple(pairs) for event, pairs in events.items()}
    return found


_COLLECTORS: dict[tuple[type[Rule], ...], tuple[int, ...]] = {}


def _collectors(classes: tuple[type[Rule], ...]) -> tuple[int, ...]:
    """Indexes of the rules that define `collect`: the base one returns None, so the others are
    not asked (most rules collect nothing)."""
    found = _COLLECTORS.get(classes)
    if found is None:
        found = _COLLECTORS[classes] = tuple(
            index for index, rule in enumerate(classes) if rule.collect is not Rule.collect
        )
    return found


# `field_keys` answers (one per `on_field` that runs, in rule order) -> field key -> the positions
# of the handlers that take that key. Kept only for answers that cannot change once given (None,
# frozensets and tuples); bounded, since a rule may answer differently for each document.
_ROUTES: dict[tuple[Any, ...], dict[str, tuple[int, ...]]] = {}
_FIXED_ANSWERS = (type(None), frozenset, tuple)


def _field_routes(answers: tuple[Any, ...]) -> dict[str, tuple[int, ...]]:
    """The shared key -> positions table of `answers` (filled in as keys come), or a fresh one
    for answers that are not kept (a set, a rule's own collection)."""
    if not all(type(keys) in _FIXED_ANSWERS for keys in answers):
        return {}
    try:
        found = _ROUTES.get(answers)
    except TypeError:  # a tuple holding something unhashable
        return {}
    if found is None:
        if len(_ROUTES) >= 64:
            _ROUTES.clear()
        found = _ROUTES[answers] = {}
    return found


# The contexts made for a list of active rules and a configuration, kept for the next document of
# the same rules: making 60 contexts cost about 3,000 instructions each, per document, where
# pointing one at the next document costs two stores. A free list per key, popped and put back
# (each atomic under the GIL), so a run inside another run, or in another thread, makes its own.
# The entry holds the rules and the configuration, so their ids (the key) stay theirs.
_CONTEXT_POOLS: dict[
    tuple[int, ...], tuple[tuple[ActiveRule, ...], Config | None, list[list[Context]]]
] = {}


def _contexts(
    doc: Document, rules: Sequence[ActiveRule], config: Config | None, sink: list[Report]
) -> tuple[list[Context], list[list[Context]]]:
    """One context per rule for `doc`, and the free list to put them back on when done."""
    key = (id(config), *map(id, rules))
    entry = _CONTEXT_POOLS.get(key)
    if entry is None:
        if len(_CONTEXT_POOLS) >= 16:  # a long-lived process (a server) that made many rule sets
            _CONTEXT_POOLS.clear()
        entry = _CONTEXT_POOLS[key] = (tuple(rules), config, [])
    pool = entry[2]
    try:
        contexts = pool.pop()
    except IndexError:
        fresh = [
            Context(active.rule, doc, active.options, active.severity, config, sink)
            for active in rules
        ]
        return fresh, pool
    for ctx in contexts:
        ctx.document = doc
        ctx._sink = sink
    return contexts, pool


Handler = tuple[Callable[[Context, Any], None], Context]
# What a rule may raise and still be "a rule that crashed on this file" (an internal error): any
# error, and `sys.exit()` too, which would otherwise end the run with the rule's exit code and no
# word of why (`sys.exit(0)` in a plugin would pass a CI gate). Ctrl-C still stops the run.
RULE_FAILURES = (Exception, SystemExit)


def run_rules(
    doc: Document, rules: Sequence[ActiveRule], config: Config | None
) -> tuple[list[Report], list[Diagnostic], dict[str, Collected]]:
    """Walk `doc` once, calling every subscribed handler. Returns reports, crashes and collected data."""
    sink: list[Report] = []
    crashes: list[Diagnostic] = []
    instances = [active.rule() for active in rules]
    contexts, pool = _contexts(doc, rules, config, sink)
    plan_key = tuple(active.rule for active in rules)
    plan = _plan(plan_key)
    handlers: dict[str, list[Handler]] = {
        event: [(getattr(instances[i], method), contexts[i]) for i, method in pairs]
        for event, pairs in plan.items()
    }
    broken: set[int] = set()

    def crashed(ctx: Context, err: BaseException) -> None:
        # The rule is done for this document: its handlers leave every event's list.
        index = contexts.index(ctx)
        broken.add(index)
        crashes.append(_internal_error(doc.path, doc, _rule_label(ctx.rule), err))
        for event, pairs in handlers.items():
            handlers[event] = [pair for pair in pairs if pair[1] is not ctx]

    def emit(event: str, payload: Any) -> None:
        for handler, ctx in handlers.get(event, ()):
            try:
                handler(ctx, payload)
            except RULE_FAILURES as err:
                crashed(ctx, err)

    def emit_all(event: str, payloads: Iterable[Any]) -> None:
        if handlers.get(event):
            for payload in payloads:
                for handler, ctx in handlers[event]:
                    try:
                        handler(ctx, payload)
                    except RULE_FAILURES as err:
                        crashed(ctx, err)

    def emit_fields(fields: list[Any]) -> None:
        # Each `on_field` with the keys it acts on (`Rule.field_keys`, None: all), so a field is
        # handed only to the rules that look at its key: most return at once for any other.
        keyed: list[tuple[Callable[[Context, Any], None], Context, Any]] = []
        for handler, ctx in handlers["field"]:
            try:
                keys = ctx.rule.field_keys(ctx)
            except RULE_FAILURES as err:
                crashed(ctx, err)
                continue
            if keys is None or keys:  # no key at all: not called for this document
                keyed.append((handler, ctx, keys))
        if not keyed:
            return
        # The positions in `keyed` of each key's handlers, in rule order: they follow from the
        # answers alone, which are the same for nearly every document, so they are worked out
        # once per run for each key (`_field_routes`), not once per document.
        routes = _field_routes(tuple(keys for _, _, keys in keyed))
        dead: set[int] = set()  # positions of the rules that crashed on one of these fields
        for payload in fields:
            key = payload.key.lower()
            chosen = routes.get(key)
            if chosen is None:
                chosen = tuple(
                    position
                    for position, (_, _, keys) in enumerate(keyed)
                    if keys is None or key in keys
                )
                if len(routes) < 4096:  # a site whose every article has keys of its own
                    routes[key] = chosen
            for position in chosen:
                if dead and position in dead:
                    continue
                handler, ctx, _ = keyed[position]
                try:
                    handler(ctx, payload)
                except RULE_FAILURES as err:
                    crashed(ctx, err)
                    dead.add(position)

    emit("document_start", doc)
    if doc.front_matter is not None:
        emit("front_matter", doc.front_matter)
        if handlers.get("field"):
            emit_fields(doc.fields)
    if any(handlers.get(event) for event in _NODE_EVENTS.values()):
        try:
            nodes = doc.body_nodes
        except RULE_FAILURES as err:
            crashes.append(_internal_error(doc.path, doc, "markdown-parser", err))
            nodes = []
        for node in nodes:
            for handler, ctx in handlers.get(_NODE_EVENTS[type(node)], ()):
                try:
                    handler(ctx, node)
                except RULE_FAILURES as err:
                    crashed(ctx, err)
    if handlers.get("line"):
        emit_all("line", doc.iter_lines())
    emit("document_end", doc)
    collected: dict[str, Collected] = {}
    for index in _collectors(plan_key):
        if index in broken:
            continue
        instance, ctx = instances[index], contexts[index]
        try:
            data = instance.collect()
        except RULE_FAILURES as err:
            crashes.append(_internal_error(doc.path, doc, _rule_label(ctx.rule), err))
            continue
        if data is not None:
            collected[ctx.rule.name] = Collected(doc.path, data)
    pool.append(contexts)  # for the next document of these rules
    return sink, crashes, collected


def _to_diagnostics(doc: Document, reports: Iterable[Report]) -> list[Diagnostic]:
    out = []
    length = len(doc.text)
    make = DiagnosticMaker(doc.path, doc.lines).make  # one per document: see its docstring
    for report in reports:
        span = report.span
        if span.end > length:
            span = Span(min(span.start, length), length)
        rule = report.rule
        out.append(make(span, rule.name, rule.code, report.severity, report.message, report.fix))
    return out


def lint_document(
    doc: Document,
    ruleset: RuleSet,
    *,
    ran: tuple[list[Report], list[Diagnostic], dict[str, Collected]] | None = None,
) -> FileResult:
    """Lint one document. `ran`: what `run_rules` already returned for it (the fix loop's last pass)."""
    site = doc.site or Site()
    if doc.language is None:
        doc.language = document_language(doc, site)
    if ran is None:
        rules = ruleset.for_document(doc.path, site)
        ran = run_rules(doc, rules, ruleset.config)
    reports, crashes, collected = ran
    if doc.front_matter_errors:
        from newslint.fixloop import hold_back_in_broken_front_matter

        reports = hold_back_in_broken_front_matter(doc, reports)
    diagnostics = _to_diagnostics(doc, reports) + crashes
    from newslint.suppressions import apply_suppressions

    diagnostics = apply_suppressions(doc, diagnostics, ruleset, collected)
    diagnostics.sort(key=Diagnostic.sort_key)
    return FileResult(doc.path, diagnostics, collected)


def document_language(doc: Document, site: Site) -> str | None:
    """The document's language as `Site.language_of` tells it from its path and its front
    matter's `lang` and `sites` (a page's own language matrix, Hugo 0.150)."""
    try:
        lang = doc.value("lang") or doc.value("language")
        sites = doc.value("sites")
    except Exception:
        lang = sites = None
    return site.language_of(doc.path, lang, sites)


def display_path(path: Path) -> str:
    """Path relative to the working directory with `/` separators (absolute when outside it)."""
    return _unicode_name(named_path(path))


def named_path(path: Path) -> str:
    """`display_path` with the bytes of a name that is not UTF-8 kept (as lone surrogates), for
    output that must name the very file (a diff's headers, which `patch` opens)."""
    if not os.path.isabs(path):
        # A relative path below the working directory is its own relpath, without a getcwd().
        normal = os.path.normpath(path)
        if not _climbs_out(normal):
            return normal.replace(os.sep, "/")
    try:
        rel = os.path.relpath(path)
    except ValueError:
        rel = str(path)
    if _climbs_out(rel):
        # As in ruff: a file outside the working directory is shown by its absolute path, also
        # when it was named as `../x.md` (README "JSON output").
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


def _climbs_out(relative: str) -> bool:
    """Whether a normalised relative path leaves its folder (`../x`, not a name like `..x.md`)."""
    return relative == os.pardir or relative.startswith(os.pardir + os.sep)


def _unicode_name(name: str) -> str:
    """A file name whose bytes are not UTF-8 holds them as lone surrogates, which no UTF-8 output
    can encode (JSON, SARIF, a UTF-8 terminal); shown, each such byte becomes U+FFFD."""
    if name.isascii():
        return name
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return name


def named_path_of(shown: str) -> str:
    """The path a `display_path` stands for, with the bytes of a name that is not UTF-8 back (as
    lone surrogates, which `os.fsencode` turns into those bytes): each component shown with U+FFFD
    is looked up in its folder. `shown` itself when no such file is found, or when two names of
    the folder show the same (`caf\\xe9.md` and `caf\\xe8.md`)."""
    if "\ufffd" not in shown:
        return shown
    absolute = shown.startswith("/")
    parts: list[str] = []
    for component in shown.split("/"):
        if "\ufffd" in component:
            folder = "/".join(parts) if parts != [""] else "/"
            try:
                names = [n for n in os.listdir(folder or ".") if _unicode_name(n) == component]
            except OSError:
                return shown
            if len(names) != 1:
                return shown
            component = names[0]
        parts.append(component)
    named = "/".join(parts)
    return named if named.startswith("/") == absolute else shown


def read_document(path: Path, ruleset: RuleSet) -> Document | FileResult:
    """Read and parse one file, or return a result that says why it could not be read."""
    read = read_source(path, ruleset)
    if isinstance(read, FileResult):
        return read
    shown, raw = read
    return Document.from_bytes(raw, shown, site_for(path))


# Opening a pipe to read waits for a writer, unless asked not to (POSIX; a regular file reads as
# ever).
_NO_WAIT = getattr(os, "O_NONBLOCK", 0)


def read_source(path: Path, ruleset: RuleSet) -> tuple[str, bytes] | FileResult:
    """(display path, bytes) of one file, unparsed, or a result that says why it could not be read."""
    shown = display_path(path)
    try:
        info = path.stat()
        if S_ISDIR(info.st_mode):
            raise IsADirectoryError  # named on the command line, or a folder the walk yielded
        if not S_ISREG(info.st_mode):
            # A pipe nobody writes to would be waited on forever, /dev/zero read without end.
            return _file_problem(
                shown, UNREADABLE, "not a regular file (a pipe, socket or device); not read"
            )
        size, limit = info.st_size, ruleset.config.max_file_size
        if size <= limit:
            # At most one byte past the limit: a file that grew since `stat` (a log being written,
            # a scraper still saving) is not read whole into memory either.
            # Opened without waiting (a pipe put in the file's place since `stat` would be
            # waited on until a writer came) and looked at again once open.
            with open(os.open(path, os.O_RDONLY | _NO_WAIT), "rb") as stream:
                if not S_ISREG(os.fstat(stream.fileno()).st_mode):
                    return _file_problem(
                        shown, UNREADABLE, "not a regular file (a pipe, socket or device); not read"
                    )
                # Asked for by the size `stat` gave, not the limit: `read(n)` allocates n bytes
                # first, and a limit of "no limit" (max-file-size = 10**15) is a MemoryError.
                raw = stream.read(size + 1)
                if len(raw) > size:  # it grew: on to one byte past the limit, a chunk at a time
                    chunks, room = [raw], limit + 1 - len(raw)
                    while room > 0 and (chunk := stream.read(min(room, 1 << 20))):
                        chunks.append(chunk)
                        room -= len(chunk)
                    raw = b"".join(chunks)
                if len(raw) > limit:
                    size = max(os.fstat(stream.fileno()).st_size, len(raw))
        if size > limit:
            return too_large(shown, size, limit)
    except FileNotFoundError:
        try:
            target = os.readlink(path)
        except OSError:  # no link, or gone too
            target = ""
        if target:
            message = f"broken symbolic link: its target {target!r} does not exist"
            return _file_problem(shown, UNREADABLE, message)
        return _file_problem(shown, UNREADABLE, "file vanished before it could be read")
    except IsADirectoryError:
        try:
            os.scandir(path).close()
        except OSError as err:  # a folder the walk could not list (`newslint.discover.walk`)
            message = (
                f"cannot read folder: {err.strerror or err}; the articles in it are not linted"
            )
            return _file_problem(shown, UNREADABLE, message)
        return _file_problem(shown, UNREADABLE, "is a directory, not a file")
    except OSError as err:
        if err.errno == errno.ENAMETOOLONG:  # a folder the walk reached past PATH_MAX
            size = len(os.fsencode(path))
            message = f"cannot read: the path is longer than the system allows ({size:,} bytes)"
            return _file_problem(shown, UNREADABLE, message)
        return _file_problem(shown, UNREADABLE, f"cannot read file: {err.strerror or err}")
    problem = binary_problem(shown, raw)
    return problem if problem is not None else (shown, raw)


def too_large(shown: str, size: int, limit: int) -> FileResult:
    """The result for an article of `size` bytes, over `max-file-size` (`limit`): not linted."""
    message = f"file is {size:,} bytes, over max-file-size ({limit:,}); not linted"
    return _file_problem(shown, TOO_LARGE, message)


def binary_problem(shown: str, raw: bytes) -> FileResult | None:
    """The result for bytes that are no article (`read_source`; standard input too), else None."""
    if b"\0" in raw and not _markdown_name(shown):
        # A file named on the command line is linted whatever its name, but an image or an
        # archive is no article: its diagnostics would be noise and its "fixes" would corrupt it.
        # A Markdown file with a stray NUL is linted (EN004 reports and removes it).
        return _file_problem(
            shown, UNREADABLE, "binary file (it contains NUL bytes), not an article; not linted"
        )
    return None


def _markdown_name(path: str) -> bool:
    from newslint.discover import MARKDOWN_SUFFIXES

    return path.lower().endswith(MARKDOWN_SUFFIXES)


def _file_problem(path: str, rule: tuple[str, str], message: str) -> FileResult:
    from newslint.spans import LineIndex

    diagnostic = make_diagnostic(
        path, LineIndex(""), Span(0, 0), rule[0], rule[1], Severity.ERROR, message
    )
    return FileResult(path, [diagnostic])


def lint_path(path: Path, ruleset: RuleSet) -> FileResult:
    doc = read_document(path, ruleset)
    if isinstance(doc, FileResult):
        return doc
    try:
        return lint_document(doc, ruleset)
    except Exception as err:  # never a traceback for one bad file
        return FileResult(doc.path, [_internal_error(doc.path, doc, "engine", err)])


# ------------------------------------------------------------------------------------ fixing


@dataclass
class FixOutcome:
    """What `fix_document` did. The loop itself is in `newslint.fixloop`."""

    text: str  # escaped text (bad bytes as surrogates), ready for `document.encode`
    applied: list[tuple[str, str]]  # (code, fix title) in order
    result: FileResult  # the diagnostics of the fixed text
    dropped: list[str]  # names of rules whose fixes were dropped (see `dropped_fixes`)
    changed: bool
    # Each applied fix with its edits and the spans of the original text it changed.
    fixes: list[AppliedFix] = field(default_factory=list)
    # Each dropped rule with its code and why (did not converge, broke the front matter, ...).
    dropped_fixes: list[DroppedFix] = field(default_factory=list)
    passes: int = 0  # passes that changed the text

    @property
    def original_spans(self) -> list[Span]:
        """Where the original text was changed: outside these spans it is kept byte for byte."""
        from newslint.fixloop import merge_spans

        return merge_spans([span for fix in self.fixes for span in fix.original_spans])


def fix_document(doc: Document, ruleset: RuleSet, *, unsafe: bool = False) -> FixOutcome:
    """Lint, apply non-overlapping fixes, verify, re-lint, until nothing changes (see `fixloop`)."""
    from newslint.fixloop import fix_loop

    return fix_loop(doc, ruleset, unsafe=unsafe)


# ------------------------------------------------------------------------------ Python API


def _api_ruleset(
    config: Config | None, select: Sequence[str] | None, ignore: Sequence[str]
) -> RuleSet:
    return build_ruleset(config or Config(), select=select, ignore=ignore)


def check_text(
    text: str,
    *,
    path: str = "article.md",
    config: Config | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    site: Site | None = None,
) -> list[Diagnostic]:
    """Lint an article held in memory (a scraper can validate before it writes)."""
    ruleset = _api_ruleset(config, select, ignore)
    doc = Document.from_text(text, path, site or site_for(Path(os.path.realpath(path))))
    return lint_document(doc, ruleset).diagnostics


def fix_text(
    text: str,
    *,
    path: str = "article.md",
    config: Config | None = None,
    unsafe: bool = False,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    site: Site | None = None,
) -> tuple[str, list[Diagnostic]]:
    """Apply fixes to an article held in memory: (new text, diagnostics that remain)."""
    ruleset = _api_ruleset(config, select, ignore)
    doc = Document.from_text(text, path, site or site_for(Path(os.path.realpath(path))))
    outcome = fix_document(doc, ruleset, unsafe=unsafe)
    return outcome.text, outcome.result.diagnostics
