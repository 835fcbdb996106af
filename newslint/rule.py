"""The rule API: `Rule` (metadata as class attributes + `on_<event>` handlers), `Severity`, `Context`.

A rule is a class in its own module. It declares `code`, `name`, `severity`, `messages` and, if it
takes options, a frozen dataclass `Options` whose defaults are the documented defaults. It subscribes
to events by defining `on_<event>(self, ctx, payload)` methods; an unknown event name fails when the
class is defined. One instance is made per document, so per-file state can live on `self`.
Cross-file rules return data from `collect()` and receive it all in the classmethod `project_end`;
a rule that compares files by a key defines the classmethod `group_key` and receives only the
items that share their key with another (see `newslint.project`).
"""

from __future__ import annotations

import dataclasses
import enum
import re
from collections.abc import Callable, Collection, Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from newslint.events import EVENTS, Collected
from newslint.fixes import Applicability, Edit, Fix
from newslint.spans import Span

if TYPE_CHECKING:
    from newslint.config import Config
    from newslint.document import Document
    from newslint.linkcheck import LinkResult
    from newslint.site import Site

_CODE = re.compile(r"^[A-Z]{2}\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: object) -> Severity:
        """`Severity.WARNING` itself, or its name in any case (`"warning"`)."""
        if isinstance(value, Severity):
            return value
        try:
            return cls[str(value).upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (error, warning, info)") from None


@dataclasses.dataclass(frozen=True)
class NoOptions:
    """This rule takes no options. Any option a handler reads anyway is None (its default), as
    STYLE.md's example rule reads `ctx.options.max_chars` without declaring `Options`."""

    def __getattr__(self, name: str) -> None:
        if name.startswith("_"):
            raise AttributeError(name)
        return None


def check_counts(options: object) -> None:
    """Raise ValueError naming the first number option (int or float; a count, a length, a limit)
    of the dataclass `options` that is below 0. Called from an `Options.__post_init__`: a limit
    that cannot hold (`min-words = -1`) would silence a rule or make it report everything, and the
    configuration is refused naming the key instead."""
    for field in dataclasses.fields(options):  # type: ignore[arg-type]
        value = getattr(options, field.name)
        if isinstance(value, int | float) and not isinstance(value, bool) and value < 0:
            raise ValueError(f"{field.name.replace('_', '-')} must be 0 or more, got {value}")


@dataclasses.dataclass(slots=True)
class Report:
    """What a rule reported, before positions are computed."""

    rule: type[Rule]
    span: Span
    message: str
    severity: Severity
    fix: Fix | None
    message_id: str


class Context:
    """What a handler may use: the document, the site, the rule's options, and `report`."""

    def __init__(
        self,
        rule: type[Rule],
        document: Document,
        options: Any,
        severity: Severity,
        config: Config | None,
        sink: list[Report],
    ) -> None:
        self.rule = rule
        self.document = document
        self.options = options
        self.severity = severity
        self.config = config
        self._sink = sink

    @property
    def site(self) -> Site | None:
        return self.document.site

    def report(
        self,
        span: Span,
        message_id: str,
        *,
        fix: Fix | None = None,
        severity: Severity | None = None,
        **values: Any,
    ) -> None:
        """Report `messages[message_id]` formatted with `values` at `span`; `severity` (a case
        the rule reports at another severity than its own) holds unless the configuration set
        the rule's severity (see `_severity`)."""
        if fix is not None and self.rule.origin != "builtin":
            # A plugin's slip fails here, in its own handler, which the internal error then names.
            _check_fix(fix)
        self._sink.append(
            Report(
                self.rule,
                span,
                _message(self.rule, message_id, values),
                _severity(self.rule, self.severity, severity),
                fix,
                message_id,
            )
        )


def _check_fix(fix: object) -> None:
    """A fix a plugin reports is a `Fix` of one or more `Edit`s (else the fix loop would fail on
    it later, on no rule's account)."""
    if not isinstance(fix, Fix):
        raise TypeError(f"fix must be a newslint.Fix, not {type(fix).__name__}")
    if not fix.edits:
        raise ValueError(f"fix {fix.title!r} has no edits")
    for edit in fix.edits:
        if not isinstance(edit, Edit):
            raise TypeError(f"fix {fix.title!r}: an edit must be a newslint.Edit, not {edit!r}")


def _severity(rule: type[Rule], active: Severity, case: Severity | None) -> Severity:
    """The severity of one report: the rule's `active` one (its default, or what
    `[rules.NAME] severity` set), or the `case`'s own when the rule gives one. A configured
    severity other than the default holds for every report, as a rule's severity does in ESLint:
    `severity = "info"` for a rule that reports some cases as errors lets CI pass. Configuring
    the default (the table `newslint rule NAME` prints) changes nothing."""
    if case is None or active != rule.severity:
        return active
    return case


def rule_label(rule: type[Rule]) -> str:
    """How messages about a rule name it: a plugin's rule with the plugin it comes from."""
    return rule.name if rule.origin == "builtin" else f"{rule.name} (plugin {rule.origin})"


def _message(rule: type[Rule], message_id: str, values: dict[str, Any]) -> str:
    """`rule.messages[message_id]` filled in with `values`; a mistake in a rule's report (an id
    it does not declare, a value its template needs) says which, instead of a bare KeyError."""
    try:
        template = rule.messages[message_id]
    except KeyError:
        known = ", ".join(repr(key) for key in rule.messages) or "none"
        raise KeyError(
            f"rule {rule.name} has no message {message_id!r} (messages: {known})"
        ) from None
    try:
        return template.format(**values)
    except KeyError as err:
        name = err.args[0] if err.args else "?"
        raise KeyError(
            f"message {message_id!r} of rule {rule.name} needs the value {name!r} "
            f"(ctx.report(..., {name}=...))"
        ) from None


class Rule:
    """Base class of every rule; see the module docstring."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.WARNING
    messages: ClassVar[dict[str, str]] = {}
    Options: ClassVar[type] = NoOptions
    # The rule runs only when one of these presets is active (empty: always).
    presets: ClassVar[tuple[str, ...]] = ()
    # Rules that need the network or whole-project data may be off unless selected.
    default_enabled: ClassVar[bool] = True
    # Rules whose collected data is a list of `newslint.linkcheck.LinkUse`: the main process checks
    # those URLs over HTTP(S) once (with --check-links) and passes the results as `ctx.links`.
    checks_links: ClassVar[bool] = False
    # Rules whose verdict depends on the clock (`date-future`): their results are never cached.
    volatile: ClassVar[bool] = False
    # Rules whose verdict depends on which other files the site has (`link-relative` asks
    # `Site.may_serve`): the cache keeps their results with the existence checks the site made.
    depends_on_site_files: ClassVar[bool] = False
    # Rules whose `project_end` offers fixes without checked links (`file-not-found`): the most
    # permissive applicability of those fixes. `fix` keeps what it needs to apply them when the
    # run ends (each file's digest, with `--diff` its text), as it does for checked links, only
    # when it may apply them (an unsafe fix only with `--unsafe-fixes`).
    project_fixes: ClassVar[Applicability | None] = None
    origin: ClassVar[str] = "builtin"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for attr in vars(cls):
            if attr.startswith("on_") and attr[3:] not in EVENTS:
                raise TypeError(
                    f"{cls.__qualname__}.{attr}: unknown event {attr[3:]!r}; "
                    f"events are {', '.join(EVENTS)}"
                )
        if cls.code and not _CODE.match(cls.code):
            raise TypeError(
                f"{cls.__qualname__}: code {cls.code!r} is not two letters + three digits"
            )
        if cls.name and not _NAME.match(cls.name):
            raise TypeError(f"{cls.__qualname__}: name {cls.name!r} is not kebab-case")
        if cls.code and not cls.name:
            # Without a name the rule could not be selected, configured or suppressed by name.
            raise TypeError(
                f"{cls.__qualname__}: code {cls.code!r} needs a name (kebab-case, such as 'my-rule')"
            )
        if "severity" in vars(cls) and not isinstance(cls.severity, Severity):
            # `severity = "warning"` reads naturally; anything else would fail far from here.
            try:
                cls.severity = Severity.parse(cls.severity)
            except (ValueError, AttributeError):
                raise TypeError(
                    f"{cls.__qualname__}: severity {cls.severity!r} is not Severity.ERROR, "
                    "WARNING or INFO"
                ) from None
        if "Options" in vars(cls) and not dataclasses.is_dataclass(cls.Options):
            raise TypeError(
                f"{cls.__qualname__}: Options is not a dataclass "
                "(write @dataclass(frozen=True) above it)"
            )

    @classmethod
    def handlers(cls) -> dict[str, str]:
        """Event name -> method name, for the events this rule subscribes to."""
        return {
            event: f"on_{event}" for event in EVENTS if callable(getattr(cls, f"on_{event}", None))
        }

    @classmethod
    def summary(cls) -> str:
        doc = cls.documentation()
        return doc.splitlines()[0].strip() if doc else ""

    @classmethod
    def documentation(cls) -> str:
        module = __import__(cls.__module__, fromlist=["_"])
        return (module.__doc__ or cls.__doc__ or "").strip()

    @classmethod
    def fixable(cls) -> bool:
        return "## Fix safety" in cls.documentation()

    @classmethod
    def field_keys(cls, ctx: Context) -> Collection[str] | None:
        """The lower-cased front-matter keys whose `field` events `on_field` acts on (None: every
        field). The engine calls `on_field` only for fields with one of these keys, so a rule
        whose handler returns at once for any other key declares them and is not called 17 times
        per document for nothing. Asked once per document, so the answer may depend on it (an
        empty set: no field of this document); the handler keeps its own check."""
        return None

    def collect(self) -> Any:
        """Data for `project_end` (None: nothing to collect)."""
        return None

    @classmethod
    def project_end(cls, ctx: ProjectContext, collected: list[Collected]) -> None:
        """Cross-file checks, in the main process, after every document."""

    # Optional: a classmethod `group_key(cls, data) -> Hashable`, the key that `project_end` groups
    # `data` (one file's `collect()`) by. A rule that defines it receives in `project_end` only the
    # members of groups of two or more items with equal keys (in file order), never an item whose
    # key no other file shares; the run then keeps only a hash per file in memory instead of the
    # data. Without it (None), `project_end` receives every item. It runs in the main process as
    # each result arrives (cached ones too); if it raises, the rule's `project_end` becomes an
    # internal error.
    group_key: ClassVar[Callable[..., Hashable] | None] = None
    # Optional, instead of `group_key`: a classmethod `group_keys(cls, data) -> Iterable[Hashable]`,
    # several keys per item (a page's own path and the paths it links to). `project_end` then
    # receives, in file order and ungrouped, only the items that share at least one key with
    # another item, and those that give the key `GROUP_ALWAYS` (a page whose links must be judged
    # even when they lead to no page of the run); the run keeps a hash per key in memory. A key
    # wrapped in `SoughtKey` brings its item only when an item that gives `GROUP_ALWAYS` gives
    # the same key (a page that a link may find), not when any other item shares it. A key wrapped
    # in `CountedKey` brings no item: `ProjectContext.count(key)` says how many items gave it.
    group_keys: ClassVar[Callable[..., Iterable[Hashable]] | None] = None


# A key of `Rule.group_keys` that brings its item to `project_end` whatever the others' keys.
GROUP_ALWAYS = "\0newslint: always"


class CountedKey(NamedTuple):
    """A key of `Rule.group_keys` that is only counted: `ProjectContext.count(key)` in
    `project_end` says how many items of the run gave it (a site's pages, to tell whether the run
    holds every one of them), and no item comes back for it, so that a key every page gives costs
    no memory per page."""

    key: Hashable


class SoughtKey(NamedTuple):
    """A key of `Rule.group_keys` that brings its item to `project_end` only when an item that
    gives `GROUP_ALWAYS` gives `key` too. Without it, keys that many items share (a tag every
    second page has) would bring all those items back, and the run's peak memory would grow with
    the number of files."""

    key: Hashable


@dataclasses.dataclass
class ProjectReport:
    """What a cross-file rule reports about one file, before it becomes a `Diagnostic`."""

    path: str
    span: Span
    message: str
    severity: Severity
    rule: type[Rule]
    line: int = 1
    column: int = 1
    end_line: int = 1
    end_column: int = 1
    fix: Fix | None = None
    # (line, column, end_line, end_column) of each of `fix.edits`, in the same order.
    fix_positions: tuple[tuple[int, int, int, int], ...] = ()
    source_line: str = ""
    # What the diagnostic is about as written (a baseline matches it; else the message is used).
    source_text: str = ""
    # The other files the report is about (a duplicate's original). A `--project` run reports on
    # the files it was given, and on another file when one of these is a given one.
    related: tuple[str, ...] = ()


class ProjectContext:
    """What `project_end` may use: options, `report` on any collected file, and `links` (the
    results of checking the URLs that `checks_links` rules collected, keyed by URL; empty unless
    links are checked)."""

    def __init__(
        self, rule: type[Rule], options: Any, severity: Severity, sink: list[ProjectReport]
    ) -> None:
        self.rule = rule
        self.options = options
        self.severity = severity
        self._sink = sink
        self.links: dict[str, LinkResult] = {}
        # How many items gave each `CountedKey`, by the key's hash (`count`).
        self.counts: dict[int, int] = {}

    def count(self, key: Hashable) -> int:
        """How many items of the run gave `CountedKey(key)` among their `group_keys` (0 for a
        key none gave). A hash collision could only add to the count."""
        return self.counts.get(hash(key), 0)

    def report(
        self,
        path: str,
        position: tuple[int, int, int, int],
        message_id: str,
        *,
        severity: Severity | None = None,
        fix: Fix | None = None,
        fix_positions: Sequence[tuple[int, int, int, int]] = (),
        span: Span | None = None,
        source_line: str = "",
        source_text: str = "",
        related: Sequence[str] = (),
        **values: Any,
    ) -> None:
        """Report at `position`; a `fix` needs the position of each of its edits. `source_text`
        is the text reported on (what a baseline matches; the message when it is empty).
        `related` names the other collected files the report is about (the original a duplicate
        repeats): a `--project` run, which reports only on its given files, also keeps a report
        on another file when a related one is given (a staged article dated before an existing
        one it duplicates makes the existing one the duplicate)."""
        line, column, end_line, end_column = position
        message = _message(self.rule, message_id, values)
        if fix is not None and len(fix_positions) != len(fix.edits):
            raise ValueError("a project-level fix needs one position per edit")
        self._sink.append(
            ProjectReport(
                path,
                span or Span(0, 0),
                message,
                _severity(self.rule, self.severity, severity),
                self.rule,
                line,
                column,
                end_line,
                end_column,
                fix,
                tuple(fix_positions),
                source_line,
                source_text,
                tuple(related),
            )
        )
