"""The Markdown body as a flat list of nodes with spans, from one pulldown-cmark pass (pyromark).

pyromark reports UTF-8 byte ranges; they are mapped to code-point offsets here so that every node
speaks the same offsets as the rest of the document. The parser stays behind `parse_body`, so it can
be swapped without touching a rule.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

from newslint.events import Code, Heading, Html, Link, Paragraph, Text
from newslint.spans import Span
from newslint.textutil import MARKDOWN_ESCAPABLE, lazy_regex

BodyNode = Heading | Paragraph | Link | Html | Text | Code

_OPTIONS: int | None = None


def _options() -> int:
    global _OPTIONS
    if _OPTIONS is None:
        import pyromark

        opts = pyromark.Options
        # Goldmark (Hugo's renderer) enables tables, strikethrough, task lists and footnotes.
        _OPTIONS = int(
            opts.ENABLE_TABLES
            | opts.ENABLE_STRIKETHROUGH
            | opts.ENABLE_TASKLISTS
            | opts.ENABLE_FOOTNOTES
            | opts.ENABLE_DEFINITION_LIST
        )
    return _OPTIONS


# Runs of non-ASCII characters of one UTF-8 width: 2, 3 or 4 bytes (the group says which).
_SAME_WIDTH_RUN = lazy_regex("([\x80-\u07ff]+)|([\u0800-\uffff]+)|([\U00010000-\U0010ffff]+)")


class _ByteToChar:
    """Maps UTF-8 byte offsets of `text` to code-point offsets.

    Built from runs of same-width characters (found by one regex pass) rather than per character:
    a Chinese article is mostly a few long runs, and a Python loop over every character (or even a
    `min`/`max` over each run) cost more than the Markdown parse itself.
    """

    def __init__(self, text: str) -> None:
        self.ascii = text.isascii()
        self.starts: list[int] = []  # byte offset where each run starts
        self.runs: list[tuple[int, int, int]] = []  # (characters, width, extra bytes before)
        if self.ascii:
            return
        extra = 0
        for match in _SAME_WIDTH_RUN.finditer(text):
            first, last = match.span()
            width = int(match.lastindex or 1) + 1  # group 1: two bytes, 2: three, 3: four
            self.starts.append(first + extra)
            self.runs.append((last - first, width, extra))
            extra += (last - first) * (width - 1)

    def __call__(self, offset: int) -> int:
        if self.ascii:
            return offset
        i = bisect_right(self.starts, offset) - 1
        if i < 0:
            return offset
        count, width, extra = self.runs[i]
        # Characters of the run that end at or before `offset` add their extra bytes.
        done = min(count, (offset - self.starts[i]) // width)
        return offset - extra - done * (width - 1)


def _boundary_chars(text: str, offsets: set[int]) -> dict[int, int] | None:
    """Character offset of each UTF-8 byte offset of `text` in `offsets`, or None when one is not
    on a character boundary (or past the end; `_ByteToChar` then maps them). The few dozen
    offsets of an article's events are mapped by decoding the bytes between consecutive ones:
    faster than `_ByteToChar`'s pass over the text and a lookup per offset."""
    data = text.encode("utf-8")
    chars: dict[int, int] = {}
    done = count = 0
    for at in sorted(offsets):
        if at > len(data) or at < 0:
            return None
        try:
            count += len(data[done:at].decode("utf-8"))
        except UnicodeDecodeError:
            return None  # a slice that starts or ends inside a character
        chars[at] = count
        done = at
    return chars


_ESCAPABLE = MARKDOWN_ESCAPABLE


_LINKIFY_LOCAL_RUN = re.compile(r"[-!#$%&'*+./0-9=?A-Z^_`a-z{|}~]*")


class _Runs:
    """The character runs that one parse of a body asks about, each walked once.

    Linkify and escapes ask, at every prose run and candidate position, how many backslashes (or
    dots, dashes, `<`, `>`) stand right before a place, and where the local part of an e-mail
    address that goes on there ends. Asked naively, a line of 20,000 backslashes or of `*a*a*a…`
    costs a walk over the whole run per question: minutes for one hostile file. The questions come
    left to right, so remembering the last run of each kind answers them in amortised constant
    time.
    """

    __slots__ = ("_before", "_calls", "_line", "_local", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        # char -> (start, end): text[start:end] is all `char`, and start is where that run begins.
        self._before: dict[str, tuple[int, int]] = {}
        self._local = (
            1,
            0,
        )  # text[start:end] is address characters, and text[end] is not (none yet)
        self._line = (1, 0)  # text[start:end] holds no line feed, and text[end] is one or the end
        self._calls: tuple[list[int], list[int]] | None = None  # shortcode calls: starts, ends

    def in_shortcode_call(self, index: int) -> bool:
        """`index` is inside a shortcode call's delimiters (`{{< figure src="https://..." >}}`):
        Hugo replaces the call before Goldmark reads the line, so Linkify never sees its arguments
        (hugo 0.168 links nothing there). An escaped call (`{{</* ... */>}}`) is written out as
        text, which Goldmark reads: its URLs are linked, closing quote and all."""
        if self._calls is None:
            self._calls = _shortcode_calls(self.text)
        starts, ends = self._calls
        at = bisect_right(starts, index) - 1
        return at >= 0 and index < ends[at]

    def run_start(self, index: int, char: str) -> int:
        """Where the run of `char` that ends right before `index` begins (`index` when there is
        none)."""
        text = self.text
        known = self._before.get(char)
        if known is not None and known[0] < index <= known[1]:
            return known[0]
        start = index
        while start > 0 and text[start - 1] == char:
            if known is not None and start == known[1] and known[0] < known[1]:
                start = known[0]
                break
            start -= 1
        if start < index:
            self._before[char] = (start, index)
        return start

    def escaped(self, index: int) -> bool:
        """Whether the character at `index` is backslash-escaped: ASCII punctuation after an
        odd number of backslashes (`\\\\&amp;` is an escaped backslash, then a reference)."""
        if self.text[index] not in _ESCAPABLE:
            return False
        return (index - self.run_start(index, "\\")) % 2 == 1

    def line_end(self, index: int) -> int:
        """Where the line holding `index` ends: its line feed, or the end of the text. (A line of
        500,000 `*a` asks at each of its prose runs: a search to the end each time was most of a
        check of it.)"""
        start, end = self._line
        if not start <= index <= end:
            end = self.text.find("\n", index)
            if end < 0:
                end = len(self.text)
            self._line = (index, end)
        return end

    def local_end(self, index: int, limit: int) -> int:
        """Where the e-mail local part (Goldmark's characters) starting at `index` ends, at most
        at `limit`."""
        start, end = self._local
        if not start <= index <= end:
            end = _LINKIFY_LOCAL_RUN.match(self.text, index).end()  # type: ignore[union-attr]
            self._local = (index, end)
        return min(end, limit)


# A destination written without `<>`: no ASCII space or control character, parentheses balanced
# (nested up to 8 deep; pulldown-cmark allows 32, articles use one or two), backslash escapes.
_BARE_DEST = r"(?:[^\x00-\x20\x7f()\\]|\\.)"
for _ in range(8):
    _BARE_DEST = r"(?:[^\x00-\x20\x7f()\\]|\\.|\(" + _BARE_DEST + r"*\))"
# Between the parts of `](dest "title")`: spaces and tabs with at most one line ending, after
# which the next line's block-quote markers and indent (Unicode spaces such as U+00A0 belong to
# the destination).
_GAP = r"[ \t]*(?:(?:\r\n|\r|\n)[ \t>]*)?"
# The destination and optional title that end an inline link's source: `](dest "title")`.
_LINK_TAIL = re.compile(
    r"\]\(" + _GAP + r"(<(?:[^<>\r\n\\]|\\.)*>|" + _BARE_DEST + r"*)"
    r"(?:(?=[ \t\r\n])"
    + _GAP
    + r"""(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?"""
    + _GAP
    + r"\)\Z",
    re.DOTALL,
)


def _url_span(source: str, base: int, text_end: int) -> Span | None:
    """The destination of an inline link `[text](dest "title")`.

    It is the `](` whose destination and title run to the end of the link's source; searched from
    the right, so `[![img](a)](b)` gives `b` and `[x](javascript:void(0);)` its whole destination.
    """
    del text_end
    position = source.rfind("](")
    while position >= 0:
        match = _LINK_TAIL.match(source, position)
        if match:
            start, end = match.span(1)
            if source[start : start + 1] == "<":
                start, end = start + 1, end - 1
            return Span(base + start, base + end)
        position = source.rfind("](", 0, position)
    return None


# Goldmark's Linkify (on in Hugo unless `markup.goldmark.extensions.linkify = false`): a URL or an
# e-mail address in prose becomes a link. Its patterns (ASCII only: `[0-9]`, not `\d`), tried where
# Goldmark's inline parser tries it (see `_linkify_start`); the match must start there.
_LINKIFY_URL = re.compile(
    r"(?:https?|ftp)://[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-z]+(?::[0-9]+)?"
    r"(?:[/#?][-a-zA-Z0-9@:%_+.~#$!?&/=();,'\">^{}\[\]`]*)?"
)
_LINKIFY_WWW = re.compile(
    r"www\.[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-z]+(?:[/#?][-a-zA-Z0-9@:%_+.~#!?&/=();,'\">^{}\[\]`]*)?"
)
# Where a link can start: `http:`, `https:`, `ftp:`, `www.` (case matters), or an e-mail's `@`.
_LINKIFY_HINT = re.compile(r"https?:|ftp:|www\.|@")
# An e-mail address: the local part (Goldmark's table of characters), `@`, then DNS labels.
_LINKIFY_LOCAL = frozenset(
    "!#$%&'*+-./0123456789=?ABCDEFGHIJKLMNOPQRSTUVWXYZ^_`abcdefghijklmnopqrstuvwxyz{|}~"
)
_LINKIFY_DOMAIN = re.compile(
    r"[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*"
)
# After a prose run, what may be part of an address starting in it (delimiters, a code span).
_LINKIFY_ON = frozenset("*_~`")
# What Goldmark drops from the end of a match before it looks at `)` and `;`.
_LINKIFY_TRAILING = frozenset("?!.,:*_~")
_LINKIFY_ENTITY_TAIL = re.compile(r"&[a-zA-Z0-9]+;\Z")


def _linkify_start(runs: _Runs, at: int, lo: int, links_end: int) -> bool:
    """Whether Goldmark's Linkify tries to read a link at `at` of the prose run starting at `lo`
    (`links_end`: where the last link made ends).

    Goldmark tries Linkify at a space or one of `*_~(` (the link then starts after it) and at a
    "line head": the start of a line or the place right after any inline node (the start of a
    prose run here, a typographer's quote, `...`, `--`, `<<`, `>>`, or a link just made). A tab, a
    no-break space or an escaped `\\*` is no place to start.
    """
    if at in (lo, links_end):
        return True
    text = runs.text
    before = text[at - 1]
    if before == "\n":
        return True
    if before in " *_~(" and not runs.escaped(at - 1):
        return True
    if before in "'\"" and not runs.escaped(at - 1):
        # Typographer: a quote becomes a node (a line head follows) when it can only open (not
        # after a letter or digit) or, for `'`, when it is an apostrophe before a letter.
        prior = text[at - 2] if at - 2 >= lo else " "
        return not prior.isalnum() or (before == "'" and text[at].isalpha())
    if before in ".-<>":
        # The typographer reads a run of these from its start: `...` by threes, `---` and `--`,
        # `<<` and `>>` by twos; the URL follows a line head when nothing is left over.
        first = max(runs.run_start(at, before), lo)
        count = at - first
        if runs.escaped(first):
            count -= 1
        if before == ".":
            return count >= 3 and count % 3 == 0
        if before == "-":
            return count >= 2 and count % 3 != 1
        return count >= 2 and count % 2 == 0
    return False


# A Hugo shortcode call (`{{< param "id" >}}`, `{{% ref "a.md" %}}`) on one line, and what
# Goldmark's Linkify takes into a URL after it (`_LINKIFY_URL`'s path characters).
_SHORTCODE_CALL = re.compile(r"\{\{(?:<.*?>|%.*?%)\}\}")
_LINKIFY_PATH = re.compile(r"[-a-zA-Z0-9@:%_+.~#$!?&/=();,'\">^{}\[\]`]*")


def _through_shortcode_calls(text: str, at: int, end: int, limit: int) -> int:
    """Where the URL that Linkify matched from `at` to `end` ends once a shortcode call it runs
    into is part of it: Hugo puts the call's output (or, for `{{< >}}`, a placeholder) in its place
    before Goldmark reads the line, so `https://x.org/{{< param "id" >}}/a` is one URL to `/a`,
    not `https://x.org/{{` (checked with hugo 0.168, in a `[text](url)` too). A URL cut at the
    call's first space was reported as malformed and checked over the network."""
    opener = text.find("{{", at, end)
    while opener >= 0:
        call = _SHORTCODE_CALL.match(text, opener, limit)
        if call is None:
            break
        path = _LINKIFY_PATH.match(text, call.end(), limit)
        end = path.end() if path is not None else call.end()
        opener = text.find("{{", call.end(), end)
    return end


def _shortcode_calls(text: str) -> tuple[list[int], list[int]]:
    """Where each one-line shortcode call of `text` starts and ends (as `_SHORTCODE_CALL` finds
    them), escaped ones left out. One pass: a line where a `{{<` finds no `>}}` has none for any
    later `{{<` either, so each line is searched once per kind."""
    starts: list[int] = []
    ends: list[int] = []
    unclosed: dict[str, int] = {}  # kind -> end of the line where it found no closer
    line_end = -1
    at = text.find("{{")
    while at >= 0:
        kind = text[at + 2 : at + 3]
        if kind in ("<", "%"):
            if at > line_end:
                line_end = text.find("\n", at)
                line_end = len(text) if line_end < 0 else line_end
            closer = ">}}" if kind == "<" else "%}}"
            close = -1 if unclosed.get(kind) == line_end else text.find(closer, at + 3, line_end)
            if close < 0:
                unclosed[kind] = line_end
            else:
                if not text.startswith("/*", at + 3):
                    starts.append(at)
                    ends.append(close + 3)
                at = text.find("{{", close + 3)
                continue
        at = text.find("{{", at + 1)
    return starts, ends


def _linkify_end(written: str) -> int:
    """How much of a URL match Goldmark keeps: trailing `?!.,:*_~` go, then as many `)` as are
    unbalanced, or an entity-like `&name;` at the very end."""
    end = len(written)
    while end > 1 and written[end - 1] in _LINKIFY_TRAILING:
        end -= 1
    last = written[end - 1]
    if last == ")":
        closing = written.count(")", 0, end) - written.count("(", 0, end)
        if closing > 0:
            end -= closing
    elif last == ";":
        entity = _LINKIFY_ENTITY_TAIL.search(written, 0, end)
        if entity:
            end = entity.start()
    return end


def _linkify_email(runs: _Runs, at: int, limit: int) -> int:
    """The end of the e-mail address Goldmark links at `at` (in a line that ends at `limit`), or
    -1."""
    text = runs.text
    if text[at] in _ESCAPABLE:
        return -1
    i = runs.local_end(at, limit)
    if i == at or i >= limit - 1 or text[i] != "@":
        return -1
    domain = _LINKIFY_DOMAIN.match(text, i + 1, limit)
    if domain is None or "." not in text[i : domain.end() - 1]:
        return -1
    end = domain.end()
    if end < limit and text[end] in "-_":
        return -1
    return end


def _linkified(
    runs: _Runs, lo: int, hi: int, offset: int, protocol: str, labels: int = 0, links_end: int = 0
) -> tuple[list[Link], int]:
    """The links Goldmark's Linkify makes of the bare URLs and e-mail addresses starting in the
    prose run `runs.text[lo:hi]` (the body, at document offset `offset`), and how many link labels
    (`[` not yet closed) are open after the run.

    A link may run on past the run's end, over what CommonMark reads as code, a link or
    strikethrough (`https://a.org/`x``): Goldmark reads the URL first, up to the end of the line.
    `labels` is the number open before the run: inside one (`[see https://a.org`) Goldmark links
    nothing. `links_end` is where a link made before ends (a link may start right there).

    Checked against Hugo 0.168 by `tests/test_linkify_hugo.py`. Left out, as rare in articles:
    `<<https://a.org>` (Goldmark's typographer takes `<<` first, CommonMark an autolink), a run
    that starts right after an inline node Goldmark does not have (still taken as a line head),
    and a character outside ASCII before a quote, judged by `str.isalnum` rather than by
    Goldmark's tables.
    """
    out: list[Link] = []
    text = runs.text
    brackets = labels or "[" in text[lo:hi]
    counted = lo  # labels are counted up to this offset
    limit = runs.line_end(hi)  # Goldmark matches within the line
    hints = [(hint.start(), hint.group()) for hint in _LINKIFY_HINT.finditer(text, lo, hi)]
    # An address may start in the run and go on past it: `~~a~~b@c.org`.
    after = runs.local_end(hi, limit)
    if after < limit and text[after] == "@":
        hints.append((after, "@"))
    for hint, kind in hints:
        if hint < links_end:
            continue
        if kind == "@":
            # The address starts at the first place Linkify tries in the local part.
            first = hint
            while first > max(lo, links_end) and text[first - 1] in _LINKIFY_LOCAL:
                first -= 1
            candidates: Iterable[int] = range(first, min(hint, hi))
        else:
            candidates = (hint,)
        for at in candidates:
            if not _linkify_start(runs, at, lo, links_end) or runs.in_shortcode_call(at):
                continue
            if brackets:
                labels = _open_labels(runs, counted, at, labels)
                counted = max(counted, at)
                if labels:
                    continue
            www = False
            match = _LINKIFY_URL.match(text, at, limit) if text[at] in "hf" else None
            if match is None and text.startswith("www.", at, limit):
                match = _LINKIFY_WWW.match(text, at, limit)
                www = match is not None
            if match is not None:
                reach = _through_shortcode_calls(text, at, match.end(), limit)
                end = at + _linkify_end(text[at:reach])
                written = text[at:end]
                url = f"{protocol}://{written}" if www else written
            else:
                end = _linkify_email(runs, at, limit)
                if end < 0:
                    continue
                written = text[at:end]
                url = f"mailto:{written}"
            span = Span(offset + at, offset + end)
            out.append(Link(written, url, span, span, False, "", "Linkify"))
            links_end = end
            break
    if brackets:
        labels = _open_labels(runs, counted, hi, labels)
    return out, labels


def _open_labels(runs: _Runs, start: int, end: int, labels: int) -> int:
    """The link labels still open after `runs.text[start:end]`, `labels` of them open before it:
    each unescaped `[` opens one, each unescaped `]` closes one."""
    text = runs.text
    for char_at in range(start, end):
        if text[char_at] == "[" and not runs.escaped(char_at):
            labels += 1
        elif text[char_at] == "]" and labels and not runs.escaped(char_at):
            labels -= 1
    return labels


# Where a new run of inline text starts (Goldmark forgets open `[` labels at the end of a block).
_BLOCK_STARTS = frozenset(
    ("Paragraph", "Heading", "Item", "TableCell", "DefinitionListTitle", "DefinitionListDefinition")
)


def parse_body(
    body: str, offset: int, *, linkify: bool = True, linkify_protocol: str = "https"
) -> list[BodyNode]:
    """Parse `body` (which starts at document offset `offset`) into nodes in document order.

    With `linkify` (Hugo's default), bare URLs in prose are links too (`link_type` "Linkify"),
    each right after the text run that shows it.
    """
    import pyromark

    events: Any = pyromark.events_with_range(body, options=_options())  # type: ignore[arg-type]
    nodes: list[BodyNode] = []
    stack: list[tuple[str, Any, int, int]] = []  # (kind, info, start, index in nodes)
    text_run: list[int] = []  # [start, end] of the current prose run (document offsets)
    link_depth = 0
    labels = 0  # `[` opened and not closed in the current block: Goldmark links nothing there
    swallow = 0  # where the last bare URL ends: a link or code span before is part of its text
    image_depth = 0  # a link in an image's description is alt text to Hugo, no link
    heading_depth = 0
    escapes = "\\" in body  # most articles have no backslash: no escape to look for
    runs = _Runs(body)
    crlf = "\r" in body  # pulldown-cmark splits the lines of an HTML block only at a CR
    code_block_depth = 0
    html_block_depth = 0

    chars: dict[int, int] | None = None
    if not body.isascii():
        events = list(events)
        chars = _boundary_chars(body, {at for _, rng in events for at in rng.values()})
    if body.isascii():  # byte offsets are character offsets: no mapping call per event

        def span_of(rng: dict[str, int]) -> Span:
            return Span(offset + rng["start"], offset + rng["end"])

    elif chars is not None:
        found = chars

        def span_of(rng: dict[str, int]) -> Span:
            return Span(offset + found[rng["start"]], offset + found[rng["end"]])

    else:
        to_char = _ByteToChar(body)

        def span_of(rng: dict[str, int]) -> Span:
            return Span(offset + to_char(rng["start"]), offset + to_char(rng["end"]))

    def flush() -> None:
        nonlocal labels, swallow
        if text_run:
            start, end = text_run
            shown = body[start - offset : end - offset]
            nodes.append(Text(shown, Span(start, end), heading_depth > 0, link_depth > 0))
            if (
                linkify
                and not link_depth
                and (
                    labels
                    or (":" in shown and "://" in shown)  # `:` by memchr, a cheap first test
                    or "www." in shown
                    or "@" in shown
                    or "[" in shown
                    # an address may go on over the delimiters: `*See*a@b.org` links `See*a@b.org`
                    or (
                        shown[-1] in _LINKIFY_LOCAL
                        and body[end - offset : end - offset + 1] in _LINKIFY_ON
                    )
                )
            ):
                found, labels = _linkified(
                    runs,
                    start - offset,
                    end - offset,
                    offset,
                    linkify_protocol,
                    labels,
                    max(swallow - offset, 0),
                )
                if found:
                    nodes.extend(found)
                    swallow = max(swallow, found[-1].span.end)
            text_run.clear()

    for event, rng in events:
        if isinstance(event, str):
            if event in ("SoftBreak", "HardBreak") and text_run:
                span = span_of(rng)
                if span.start == text_run[1]:
                    text_run[1] = span.end
                    continue
            if text_run:
                flush()
            continue
        ((kind, info),) = event.items()
        if kind == "Text":
            if code_block_depth or html_block_depth:
                continue
            span = span_of(rng)
            start = span.start
            if (
                escapes
                and start > offset
                and body[start - offset - 1] == "\\"
                and runs.escaped(start - offset)
            ):
                start -= 1  # `\*` is reported as the text `*`: the run keeps the backslash
            if text_run and start == text_run[1]:
                text_run[1] = span.end
            else:
                if text_run:
                    flush()
                text_run.extend((start, span.end))
            continue
        if text_run:
            flush()
        if kind == "Start":
            attrs: Any
            tag, attrs = (info, {}) if isinstance(info, str) else next(iter(info.items()))
            span = span_of(rng)
            if tag in _BLOCK_STARTS:
                labels = 0
            if tag == "Heading":
                heading_depth += 1
                nodes.append(Heading(int(str(attrs["level"])[1:]), "", span))
                stack.append((tag, attrs, span.start, len(nodes) - 1))
            elif tag == "Paragraph":
                source = body[span.start - offset : span.end - offset]
                nodes.append(Paragraph(source, "", span))
                stack.append((tag, attrs, span.start, len(nodes) - 1))
            elif tag in ("Link", "Image") and (
                image_depth or (span.start < swallow and tag == "Link")
            ):
                # In an image's description or a bare URL (`https://a.org/[x](/y)`): no link to
                # Hugo. An image there stays one: it is a slip in the source (`![]()` scraped
                # around a URL), and link-malformed's fix removing it repairs the URL.
                link_depth += 1
                image_depth += tag == "Image"
                stack.append((tag, attrs, span.start, -1))
            elif tag in ("Link", "Image"):
                link_depth += 1
                image_depth += tag == "Image"
                nodes.append(
                    Link(
                        "",
                        str(attrs["dest_url"]),
                        span,
                        None,
                        tag == "Image",
                        str(attrs.get("title") or ""),
                        str(attrs.get("link_type", "Inline")),
                    )
                )
                stack.append((tag, attrs, span.start, len(nodes) - 1))
            elif tag == "CodeBlock":
                code_block_depth += 1
                source = body[span.start - offset : span.end - offset]
                nodes.append(Code(source, span, True))
                stack.append((tag, attrs, span.start, -1))
            elif tag == "HtmlBlock":
                html_block_depth += 1
                stack.append((tag, attrs, span.start, -1))
            else:
                stack.append((tag, attrs, span.start, -1))
        elif kind == "End":
            if not stack:
                continue
            tag, _attrs, _start, index = stack.pop()
            if tag == "Heading":
                heading_depth -= 1
            elif tag in ("Link", "Image"):
                link_depth -= 1
                image_depth -= tag == "Image"
            elif tag == "CodeBlock":
                code_block_depth -= 1
            elif tag == "HtmlBlock":
                html_block_depth -= 1
            if index >= 0:
                _finish(nodes, index, body, offset)
        elif kind == "InlineHtml":
            span = span_of(rng)
            nodes.append(Html(body[span.start - offset : span.end - offset], span, True))
        elif kind == "Html":
            span = span_of(rng)
            if crlf:
                _html_line(nodes, body, offset, span)
            else:
                nodes.append(Html(body[span.start - offset : span.end - offset], span, False))
        elif kind in ("Code", "InlineMath", "DisplayMath"):
            span = span_of(rng)
            if span.start < swallow:
                continue  # `https://a.org/`x``: the code span is part of the bare URL
            nodes.append(Code(body[span.start - offset : span.end - offset], span, False))
    flush()
    return nodes


def _html_line(nodes: list[BodyNode], body: str, offset: int, span: Span) -> None:
    """Add a piece of an HTML block: one node per line, line ending included.

    With CRLF line endings pulldown-cmark reports a line as its text, then `\n` without the `\r`
    (and an empty piece for a blank line); the pieces are joined so that a CRLF file has the
    same nodes as an LF one, and the nodes of a block are adjacent.
    """
    start, end = span.start - offset, span.end - offset
    if start == end:
        return
    if start > 0 and body[start] == "\n" and body[start - 1] == "\r":
        start -= 1
    last = nodes[-1] if nodes else None
    if (
        isinstance(last, Html)
        and not last.inline
        and last.span.end == start + offset
        and not last.text.endswith(("\n", "\r"))
    ):
        start = last.span.start - offset
        nodes.pop()
    nodes.append(Html(body[start:end], Span(start + offset, end + offset), False))


def _finish(nodes: list[BodyNode], index: int, body: str, offset: int) -> None:
    """Fill in the text of a container node from the prose runs parsed inside it."""
    node = nodes[index]
    inner = [n for n in nodes[index + 1 :] if isinstance(n, Text)]
    plain = "".join(n.text for n in inner)
    if isinstance(node, Heading):
        nodes[index] = Heading(node.level, plain.strip(), node.span)
    elif isinstance(node, Paragraph):
        nodes[index] = Paragraph(node.text, plain, node.span)
    elif isinstance(node, Link):
        text_end = inner[-1].span.end if inner else node.span.start + 1
        url_span = None
        if node.link_type == "Inline":
            source = body[node.span.start - offset : node.span.end - offset]
            url_span = _url_span(source, node.span.start, text_end)
        nodes[index] = Link(
            plain, node.url, node.span, url_span, node.is_image, node.title, node.link_type
        )
