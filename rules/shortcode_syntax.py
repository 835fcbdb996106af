"""A shortcode call Hugo cannot read, which fails the whole build.

## What it does
Reads the body's shortcode calls, `{{< name ... >}}` and `{{% name ... %}}`, as Hugo's page lexer
reads them (hugo 0.168, `parser/pageparser`), and reports the first call it stops on, at the
call's `{{`, with what Hugo will say (quoted from hugo 0.168):

- named and positional parameters mixed in one call (`{{< figure "a.png" alt="x" >}}`): `got named
  parameter 'alt'. Cannot mix named and positional parameters`, or `got quoted positional
  parameter`; with spaces around the `=` (`{{< x a b = "c" >}}`) the parser finds it: `failed
  to extract shortcode: invalid state: invalid param type ... expected a map` (or `a slice`);
- a key with no value, or an unquoted value, right before the close (`{{< figure src="a.png"
  width= >}}`, `width=\\n>}}`, `src=a.png>}}`): Hugo takes everything up to the next space, the
  `>}}` too, as the value, so the call runs on into the text: `got positional parameter 'Some'`
  at the next word (AlgoLab/cpm2025's `content/p/news.md`);
- a call that is never closed, or closed with the other delimiter (`{{< x %}}`, `{{% x >}}`):
  `unclosed shortcode action`, `got positional parameter ...`, or `unrecognized character in
  shortcode action: U+0025 '%'`;
- a quoted value that does not end on its line, or a raw-string value (`` src=`a.png ``) that
  never ends: `unterminated quoted string in shortcode parameter-argument`, `unterminated raw
  string ...`;
- a closing call when no call was opened before (`got closing shortcode, but none is open`), one
  whose name no call before it opened (`closing tag for shortcode 'x' does not match start
  tag`), one with more than spaces and line breaks before its close (`unclosed shortcode`), and
  one left over, with no open call before it that it could close (each closes one):
  `failed to extract shortcode: shortcode "x" does not evaluate .Inner or .InnerDeindent, yet a
  closing tag was provided`;
- a call of one of Hugo's own shortcodes that reads no `.Inner` (`figure`, `youtube`, `vimeo`,
  `instagram`, `x`, `param`, `ref`, ...) closed or self-closed (`{{< figure src="a.png" />}}`:
  the same error), and one of those that read it (`highlight`, `details`, `comment`, `qr`) that
  no closing call follows: `shortcode "highlight" must be closed or self-closed`; only when the
  site's and its theme components' shortcode templates were all listed and none has the name;
- no name (`{{< >}}`: `shortcode has no name`), a name with a period that is no `.inline`
  (`period in shortcode name only allowed for inline identifiers`), a character that starts no
  name or parameter (`{{< "x" >}}`: `unrecognized character in shortcode action: U+0022 '"'`),
  an unclosed commented call (`{{</* x`: `comment must be closed`), and a call inside an inline
  shortcode (`inline shortcodes do not support nesting`).

Hugo lexes every content file when it creates the page, before Markdown and before it looks at
drafts or build options (checked with hugo 0.168): a call in a code span, a code block or an HTML
comment, on a draft, on a page never rendered (`build.render: never`, `headless: true`) or in a
leaf bundle's Markdown resource fails the build all the same, and is reported. Not reported:

- the commented form that shows a call, `{{</* figure src="a.png" */>}}`, which Hugo prints;
- a file outside any Hugo site (Jekyll's `{% %}` tags are Liquid, not Hugo's) or outside the
  site's content folders (a README, an archetype);
- what only the template of the site's own shortcode decides (rules read no templates): whether
  it reads `.Inner`, so must be closed or must not be; and a call of a shortcode that does not
  exist (`template for shortcode "x" not found`: shortcode-unknown, BD017, reports the calls
  before the one this rule reports). Hugo checks the name before the rest of the call, so a call
  with both a bad name and bad syntax fails with the name's error, not the one quoted here.

`{{` followed by anything but `<` or `%` (`{{ .Title }}`, the escaped `{{\\<`) opens no call:
template-braces (BD005) reports those, this rule never does; a `{{<` or `{{%` is this rule's
alone.

## Why is this bad?
Hugo stops at the first call it cannot read and builds nothing: `ERROR error building site:
assemble: failed to create page from pageMetaSource /p: "content/p.md:7:1": got positional
parameter 'Some'. Cannot mix named and positional parameters`.

## Example
    {{< figure src="chart.png" width=
    >}}

## Use instead
    {{< figure src="chart.png" >}}

or give the value: `width="600"`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from newslint import Rule, Severity, Span
from newslint.document import Document
from newslint.rule import Context
from newslint.site import Site

from ._crossfile import content_path
from ._hugo_shortcodes import BUILTIN_INNER

_CLOSE = {"<": ">}}", "%": "%}}"}
_CALL_START = re.compile(r"\{\{[<%]")
_MIXED = " Cannot mix named and positional parameters"
_NO_INNER = (
    'failed to extract shortcode: shortcode "{}" does not evaluate .Inner or .InnerDeindent, '
    "yet a closing tag was provided"
)
# Hugo's errors, first words -> the message id that says what is wrong with the call.
_KINDS = (
    ("got closing shortcode", "unmatched-closing"),
    ("closing tag", "unmatched-closing"),
    ("unclosed shortcode action", "unclosed"),
    ("unclosed shortcode", "closing-not-alone"),
    ("unterminated", "unterminated-value"),
    ("got ", "mixed-parameters"),
    ("failed to extract shortcode: invalid state", "mixed-parameters"),
    ("shortcode has no name", "no-name"),
    ("comment must be closed", "unclosed-comment"),
    ("inline shortcodes", "inline-nesting"),
)


def _space(char: str) -> bool:
    """Go's `unicode.IsSpace` (Python's `isspace` also takes U+001C to U+001F)."""
    if not char:
        return False  # the end of the text ("" is in every string)
    return char in "\t\n\v\f\r \x85\xa0" if char < "\u0100" else char.isspace()


def _alphanumeric(char: str) -> bool:
    return char == "_" or char.isalpha() or char.isdecimal()


def _name_char(char: str) -> bool:
    return char == "-" or _alphanumeric(char)


def _shown(fragment: str) -> str:
    """A value quoted in Hugo's error, cut to its first line and 40 characters."""
    line = fragment.split("\n")[0]
    return line if len(line) <= 40 else line[:40] + "..."


@dataclass(frozen=True)
class CallError:
    """Where Hugo stops: the `{{` of the call it was reading, its error, and the key whose
    unquoted value ran over the call's close (`width=` before `>}}`), if one did."""

    call: int
    error: str
    swallowed_by: str | None = None
    name: str = ""


class _Lexer:
    """Hugo's shortcode lexer (`pagelexer_shortcode.go`) over one body, up to its first error,
    with the parser's checks that need no template (`shortcode has no name`, a closing call left
    over, parameters of two kinds) and those of Hugo's own shortcodes (`.Inner` or not). The
    parser reads the lexer's tokens in order, so the first problem in the text is Hugo's."""

    def __init__(self, text: str, start: int, inner: dict[str, bool]) -> None:
        # Whether the shortcode of a name reads `.Inner`, for the names whose template is known.
        self.inner = inner
        self.text, self.pos, self.start, self.call = text, start, start, start
        self.close = ">}}"
        self.name = ""  # the last name read (`currShortcodeName`); `opened`: names read
        self.opened: set[str] = set()
        self.inline = False
        self.closing = False
        self.step = self.params = self.items = 0
        # Calls that may take a closing call (named, neither closing nor self-closing), and
        # closing calls: each closes at most one call before it.
        self.opens = 0
        self.opening = False
        # A parameter read, its kind not yet known; whether the call's first one is named.
        self.awaiting = False
        self.named: bool | None = None
        self.takes_inner: bool | None = None  # of the current call's shortcode, when known
        self.inner_opens: list[tuple[int, str]] = []  # calls of a known `.Inner` shortcode
        self.close_calls: list[int] = []
        self.key = ""  # the last parameter read, the key of a `=` after it
        # Every opening call read: its `{{`, the start of its name, and its name.
        self.calls: list[tuple[int, int, str]] = []
        self.swallowed_by: str | None = None

    def next(self) -> str:
        char = self.text[self.pos : self.pos + 1]
        self.pos += len(char)
        return char

    def peek(self) -> str:
        return self.text[self.pos : self.pos + 1]

    def fail(self, error: str) -> CallError:
        return CallError(self.call, error, self.swallowed_by, self.name)

    def run(self) -> CallError | None:
        text = self.text
        while (found := _CALL_START.search(text, self.pos)) is not None:
            self.call = found.start()
            self.close = _CLOSE[text[self.call + 2]]
            if self.inline and not _closes_inline(text, self.call + 3, self.name):
                return self.fail("inline shortcodes do not support nesting")
            self.pos = self.call + 3
            if text.startswith("/*", self.pos):  # the commented form: shown as it is
                end = text.find("*/" + self.close, self.pos)
                if end - self.pos <= 1:
                    return self.fail("comment must be closed")
                self.pos = end + 5
                continue
            self.step = self.params = self.items = 0
            self.swallowed_by, self.opening, self.takes_inner = None, False, None
            failure = self.inside()
            if failure is not None:
                return failure
        return self.left_open()

    def left_open(self) -> CallError | None:
        """The parser's error at the end of the page: a call of a shortcode known to read
        `.Inner` that no closing call after it is left for (each closing call closes one)."""
        closes_before = len(self.close_calls)  # those before the call looked at
        for opens_after, (call, name) in enumerate(reversed(self.inner_opens), 1):
            while closes_before and self.close_calls[closes_before - 1] > call:
                closes_before -= 1
            if opens_after > len(self.close_calls) - closes_before:
                self.call, self.name = call, name
                return self.fail(
                    f'failed to extract shortcode: shortcode "{name}" must be closed or self-closed'
                )
        return None

    def inside(self) -> CallError | None:
        """The rest of a call, from after its `{{<` to after its `>}}`."""
        # The parser's error at a `/` that closes a call of a shortcode without `.Inner`: Hugo
        # reports it unless the lexer's next token is an error.
        pending: CallError | None = None
        self.awaiting, self.named = False, None
        while True:
            if self.text.startswith(self.close, self.pos):
                failure = pending or self.settle(named=False)
                if failure is not None:
                    return failure
                if self.items == 0:
                    return self.fail("shortcode has no name")
                self.closing, self.pos = False, self.pos + 3
                if self.opening and self.takes_inner is not False:
                    self.opens += 1
                    if self.takes_inner:
                        self.inner_opens.append((self.call, self.name))
                return None
            self.start = self.pos
            char = self.next()
            if char == "":
                return self.fail("unclosed shortcode action")
            if char in " \t\r\n" or (char == "\\" and self.peek() not in ('"', "`")):
                continue  # no token
            self.items += 1
            parameter = char == "\\" or (self.step > 0 and (_name_char(char) or char in '"`'))
            if char == "=":
                failure = self.value()
            elif char == "/":
                if not self.name:
                    return self.fail("got closing shortcode, but none is open")
                named = self.step > 0  # `{{< x />}}` closes itself
                # After any `/`, hugo 0.168 reads the next word as the name of a closing call.
                self.closing, self.inline, self.step = True, False, 0
                if named:
                    self.opening = False
                    if self.takes_inner is False:
                        pending = self.fail(_NO_INNER.format(self.name))
                failure = self.settle(named=False)
                if failure is not None:
                    return failure
                continue
            elif parameter:
                if char != "\\":
                    self.pos -= 1  # read again as the parameter's first character
                failure = self.parameter(escaped=char == "\\")
            elif _alphanumeric(char):
                self.pos -= 1
                failure = self.identifier()
            else:
                shown = f"U+{ord(char):04X}" + (f" '{char}'" if char.isprintable() else "")
                failure = self.fail(
                    f"unrecognized character in shortcode action: {shown}. Note: Parameters "
                    "with non-alphanumeric args must be quoted"
                )
            failure = failure or pending or self.settle(named=char == "=")
            if failure is not None:
                return failure
            self.awaiting = parameter

    def settle(self, *, named: bool) -> CallError | None:
        """The parser's view of the parameter read last, once the next token is read: named
        when a value follows it (`a = "b"`, which the lexer reads as a word and a value), and
        all of a call's parameters must be of the first one's kind."""
        if not self.awaiting:
            return None
        self.awaiting = False
        if self.named is None or self.named == named:
            self.named = named
            return None
        kind, expected = (
            ("map[string]interface {}", "map") if named else ("[]interface {}", "slice")
        )
        return self.fail(
            f"failed to extract shortcode: invalid state: invalid param type {kind} for "
            f'shortcode "{self.name}", expected a {expected}'
        )

    def value(self) -> CallError | None:
        """After a `=`: a quoted or raw-string value, or one that runs to the next space."""
        while _space(self.peek()):
            self.pos += 1
        self.start = self.pos
        if self.peek() in ('"', "\\"):
            return self.quoted(escapes=self.peek() != "\\")
        if self.peek() == "`":
            return self.raw()
        while self.peek() and not _space(self.peek()):
            self.pos += 1
        if self.swallowed_by is None and self.close in self.text[self.start : self.pos]:
            self.swallowed_by = self.key
        return None

    def parameter(self, *, escaped: bool) -> CallError | None:
        self.start = self.pos
        first = self.next()
        if first == '"' or (first == "`" and not escaped):
            if self.params == 2:
                return self.fail("got quoted positional parameter." + _MIXED)
            self.params = 1
            self.pos -= 1
            return self.quoted(escapes=not escaped) if first == '"' else self.raw()
        if first == "`":
            return self.fail("unrecognized escape character")
        named = False
        char = first
        while _name_char(char) or char == ".":
            char = self.next()
            named = char == "="
            if named:
                break
        self.pos -= len(char)
        self.key = current = self.text[self.start : self.pos]
        if self.params == 0:
            self.params = 2 if named else 1
        elif named and self.params == 1:
            return self.fail(f"got named parameter '{current}'." + _MIXED)
        elif not named and self.params == 2:
            return self.fail(f"got positional parameter '{current}'." + _MIXED)
        return None

    def quoted(self, *, escapes: bool) -> CallError | None:
        """A `"` value; `\\"` inside it is a quote when `escapes`, else it ends the value."""
        opened = escaped_quote = False
        while True:
            char = self.next()
            if char == "\\":
                if self.peek() == '"':
                    if opened and not escapes:
                        self.pos -= 1
                        break
                    escaped_quote = opened
                elif self.peek() == "`":
                    return self.fail("unrecognized escape character")
            elif char in ("", "\n"):
                return self.fail(
                    "unterminated quoted string in shortcode parameter-argument: "
                    f"'{_shown(self.text[self.start : self.pos])}'"
                )
            elif char == '"':
                if escaped_quote:
                    escaped_quote = False
                elif opened:
                    self.pos -= 1
                    break
                else:
                    opened, self.start = True, self.pos
        char = self.next()
        if char == "\\" and self.peek() == '"':
            self.pos += 1
        elif char not in ("\\", '"'):
            self.pos -= len(char)
        return None

    def raw(self) -> CallError | None:
        """A `` `...` `` value, which may run over lines."""
        opening = self.text.index("`", self.pos)
        end = self.text.find("`", opening + 1)
        if end < 0:
            return self.fail(
                "unterminated raw string in shortcode parameter-argument: "
                f"'{_shown(self.text[opening + 1 :])}'"
            )
        self.pos = end + 1
        return None

    def identifier(self) -> CallError | None:
        """The shortcode's name (`figure`, `x.inline`, `/figure` closing it)."""
        self.start = self.pos
        while True:
            char = self.next()
            if _name_char(char) or char == "/":
                continue
            if char == ".":
                self.inline = self.text.startswith("inline ", self.pos)
                if not self.inline:
                    return self.fail("period in shortcode name only allowed for inline identifiers")
                continue
            self.pos -= len(char)
            break
        word = self.text[self.start : self.pos]
        if self.closing and word not in self.opened:
            return self.fail(f"closing tag for shortcode '{word}' does not match start tag")
        closing, self.closing, self.name = self.closing, False, word
        self.opened.add(word)
        self.step += 1
        self.opening = not closing
        if not closing:
            self.calls.append((self.call, self.start, word))
            self.takes_inner = self.inner.get(word.lower())
            return None
        self.close_calls.append(self.call)
        if (
            len(self.close_calls) > self.opens
        ):  # what Hugo's parser says of a closing call left over
            return self.fail(_NO_INNER.format(word))
        self.inline = False
        while not self.text.startswith(
            self.close, self.pos
        ):  # only spaces and line breaks before the close (hugo 0.168)
            if self.next() not in (" ", "\t", "\r", "\n"):
                return self.fail("unclosed shortcode")
        return None


def _closes_inline(text: str, after: int, name: str) -> bool:
    """Whether the call whose `{{<` ends at `after` closes the inline shortcode `name` (`{{<
    /x.inline >}}`): Hugo reads no other call inside one."""
    rest = text[after:].lstrip()
    return rest.startswith("/") and rest[1:].lstrip().startswith(name + " ")


class ShortcodeSyntax(Rule):
    code = "BD016"
    name = "shortcode-syntax"
    severity = Severity.ERROR
    messages = {
        "swallowed": "the unquoted value after '{key}=' takes in the call's '{close}' (a value "
        "is missing or needs quotes), so the call runs on: hugo fails the build ({hugo})",
        "unclosed": "shortcode call is never closed with '{close}': hugo fails the build ({hugo})",
        "mixed-delimiters": "shortcode call opened with '{open}' is closed with '{other}': hugo "
        "fails the build ({hugo})",
        "mixed-parameters": "shortcode call mixes named and positional parameters: hugo fails "
        "the build ({hugo})",
        "unterminated-value": "shortcode parameter value has no closing quote: hugo fails the "
        "build ({hugo})",
        "unmatched-closing": "closing shortcode call has no open call left to close: "
        "hugo fails the build ({hugo})",
        "no-inner": "the built-in '{name}' shortcode takes no inner content, so it cannot be "
        "closed ('{{{{< /{name} >}}}}' or '/{close}'): hugo fails the build ({hugo})",
        "inner-unclosed": "shortcode call '{name}' is never closed with '{{{{< /{name} >}}}}' "
        "(or '/{close}'): hugo fails the build ({hugo})",
        "closing-not-alone": "closing shortcode call holds more than the name: hugo fails the "
        "build ({hugo})",
        "no-name": "shortcode call has no name: hugo fails the build ({hugo})",
        "unclosed-comment": "commented shortcode call is not closed with '*/{close}': hugo "
        "fails the build ({hugo})",
        "inline-nesting": "shortcode call inside an inline shortcode: hugo fails the build "
        "({hugo})",
        "syntax": "shortcode call Hugo cannot read: hugo fails the build ({hugo})",
    }

    def on_document_start(self, ctx: Context, document: Document) -> None:
        text = document.text
        # `{` first: one character is looked for by memchr (most articles have none).
        if "{" not in text or ("{{<" not in text and "{{%" not in text):
            return
        site = ctx.site
        if site is None or site.root is None or content_path(document) is None:
            return  # Hugo reads only its content folders' files
        inner = _known_inner(site)
        failure = read_calls(document, site)[1]
        if failure is None:
            return
        message, values = _message(text, failure, inner)
        ctx.report(Span(failure.call, failure.call + 3), message, hugo=failure.error, **values)


def read_calls(
    document: Document, site: Site
) -> tuple[tuple[tuple[int, int, str], ...], CallError | None]:
    """The body's opening shortcode calls as Hugo reads them, each as (its `{{`, the start of its
    name, its name), up to and with the first call Hugo cannot read, and what is wrong with that
    one (this rule's report): worked out once per document for the rules that ask."""
    return document.memo(("shortcode-calls",), _read_calls, document, site)


def _read_calls(
    document: Document, site: Site
) -> tuple[tuple[tuple[int, int, str], ...], CallError | None]:
    lexer = _Lexer(document.text, document.body_start, _known_inner(site))
    failure = lexer.run()
    return tuple(lexer.calls), failure


def _known_inner(site: Site) -> dict[str, bool]:
    """Whether the shortcode of a name reads `.Inner`, for Hugo's own that the site does not
    override; none when the site's templates could not all be listed (it may define any name)."""
    if site.shortcodes_unseen:
        return {}
    own = site.shortcode_templates
    return {name: reads for name, reads in BUILTIN_INNER.items() if name not in own}


def _message(text: str, failure: CallError, inner: dict[str, bool]) -> tuple[str, dict[str, Any]]:
    """The message id for `failure`, and its values: what went wrong with the call, where
    Hugo's own error may name only a word of the text after it."""
    mark = text[failure.call + 2]
    close = _CLOSE[mark]
    values: dict[str, Any] = {"close": close}
    if failure.swallowed_by is not None:
        return "swallowed", {**values, "key": failure.swallowed_by}
    if not failure.error.startswith("comment must"):
        following = _CALL_START.search(text, failure.call + 3)
        end = following.start() if following else len(text)
        if close not in text[failure.call : end]:
            other = _CLOSE["%" if mark == "<" else "<"]
            if other in text[failure.call : end]:
                return "mixed-delimiters", {**values, "open": "{{" + mark, "other": other}
            return "unclosed", values
    if failure.error.endswith("must be closed or self-closed"):
        return "inner-unclosed", {**values, "name": failure.name}
    if failure.error.endswith("yet a closing tag was provided"):
        known = inner.get(failure.name.lower()) is False
        return ("no-inner" if known else "unmatched-closing"), {**values, "name": failure.name}
    for start, kind in _KINDS:
        if failure.error.startswith(start):
            return kind, values
    return "syntax", values
