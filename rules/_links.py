"""Helpers for the link rules: where a link's destination is in the source, the article's source
link, and what a URL's host is."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import SplitResult, unquote, urlsplit

from newslint.document import Document
from newslint.events import Code, Field, Html, Link, Node
from newslint.rule import Context
from newslint.site import Site
from newslint.spans import Span
from newslint.textutil import MARKDOWN_ESCAPABLE, unescape
from newslint.textutil import line_start as start_of_line

from ._body import covered_by_node
from ._encoding import BIDI, ZERO_WIDTH
from ._params import params_field, read_fields
from ._text import inside

DEFAULT_SOURCE_FIELD = "source"

# ------------------------------------------------------------------------------ destinations

_DEST_START = re.compile(r"\]\s*\(\s*<?")
_ESCAPABLE = MARKDOWN_ESCAPABLE
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def destination(text: str, link: Link) -> Span | None:
    """The span of the link's destination as written in the source, or None when the link has
    none of its own (reference links: the URL is in the definition).

    The parser's `url_span` is checked against the parsed URL and, when it does not match (nested
    images, parentheses in the URL), the destination is found again by matching the source,
    escapes and entities included, against the URL.
    """
    if link.link_type in ("Autolink", "Email"):
        inner = Span(link.span.start + 1, link.span.end - 1)
        return inner if text[inner.start : inner.end] == link.url else None
    if link.link_type == "Linkify":  # a bare URL: the link is the URL as written
        return link.span
    if link.link_type == "Html":  # raw HTML: the attribute's value (see `_html_links`)
        return link.url_span
    if link.link_type != "Inline":
        return None
    if link.url_span is not None and _matches(text, link.url_span.start, link.url) == (
        link.url_span.end
    ):
        return link.url_span
    # Try each `](` of the link from the last: the destination is the link's last part.
    starts = [m.end() for m in _DEST_START.finditer(text, link.span.start, link.span.end)]
    for start in reversed(starts):
        end = _matches(text, start, link.url, link.span.end)
        if end is not None:
            return Span(start, end)
    return None


def _matches(text: str, pos: int, url: str, limit: int | None = None) -> int | None:
    """Where the source from `pos` stops spelling `url` (escapes and entities decoded), if it
    does and the destination ends there."""
    limit = len(text) if limit is None else limit
    if url and "\\" not in url and "&" not in url and text.startswith(url, pos):
        # Written as it is (nearly every link): the walk below would take each character as
        # itself, none being an escape's backslash or an entity's `&`.
        pos += len(url)
        if pos > limit:
            return None
        after = text[pos : pos + 1]
        return pos if after in ("", ")", ">", " ", "\t", "\n", "\r") else None
    i = 0
    while i < len(url):
        if pos >= limit:
            return None
        char = text[pos]
        if char == "\\" and pos + 1 < limit and text[pos + 1] in _ESCAPABLE:
            if text[pos + 1] != url[i]:
                return None
            pos += 2
            i += 1
            continue
        if char == "&":
            match = _ENTITY.match(text, pos)
            if match:
                from html.entities import html5  # here: most URLs hold no reference

                decoded = unescape(match.group(0))
                known = match.group(0)[1] == "#" or match.group(0)[1:] in html5
                if known and url.startswith(decoded, i):
                    pos = match.end()
                    i += len(decoded)
                    continue
        if char != url[i]:
            return None
        pos += 1
        i += 1
    after = text[pos : pos + 1]
    return pos if after in ("", ")", ">", " ", "\t", "\n", "\r") else None


def source_offsets(
    text: str, span: Span, url: str, *, html_attribute: bool = False
) -> list[int] | None:
    """Where each character of `url` starts in the destination written at `span`, plus the
    span's end: `len(url) + 1` offsets, so that `url[a:b]` is written at `text[o[a]:o[b]]`.

    Backslash escapes (not in an HTML attribute, `html_attribute`, where a backslash is itself)
    and entities (`&amp;`) are followed; None when the source does not spell `url` or an entity
    stands for more than one character (no edit can cut through it).
    """
    offsets: list[int] = []
    pos = span.start
    for char in url:
        if pos >= span.end:
            return None
        offsets.append(pos)
        if (
            not html_attribute
            and text[pos] == "\\"
            and pos + 1 < span.end
            and text[pos + 1] in _ESCAPABLE
        ):
            pos += 2
            if text[pos - 1] != char:
                return None
            continue
        if text[pos] == "&" and (match := _ENTITY.match(text, pos, span.end)):
            from html.entities import html5  # here: most texts hold no reference

            known = match.group(0)[1] == "#" or match.group(0)[1:] in html5
            if known and unescape(match.group(0)) == char:
                pos = match.end()
                continue
        if text[pos] != char:
            return None
        pos += 1
    if pos != span.end:
        return None
    offsets.append(pos)
    return offsets


def decode_references(written: str) -> str:
    """An HTML attribute value's text: character references with their `;` decoded (`&amp;`,
    `&#38;`, `&#x26;`), a bare `&` kept, as `source_offsets` follows them."""
    if "&" not in written:
        return written
    from html.entities import html5

    def decode(match: re.Match[str]) -> str:
        entity = match.group(0)
        known = entity[1] == "#" or entity[1:] in html5
        return unescape(entity) if known else entity

    return _ENTITY.sub(decode, written)


_DEFINITION = re.compile(
    r"^[ ]{0,3}\[(?:[^\[\]\\\n]|\\.){1,999}\]:[ \t]*\n?[ \t]*(<[^<>\n]*>|\S+)", re.MULTILINE
)


def _decode_destination(source: str) -> str:
    """A destination's URL as the parser sees it: backslash escapes and entities decoded."""
    if source.startswith("<") and source.endswith(">"):
        source = source[1:-1]
    source = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", source)
    return unescape(source) if "&" in source else source


class Destinations:
    """Destinations of one document's links, reference definitions included, so that a rule
    reports a definition used by several links once."""

    def __init__(self, document: Document) -> None:
        self.text = document.text
        self.document = document
        self._definitions: dict[str, Span] | None = None
        self._seen: set[int] = set()

    def of(self, link: Link) -> Span | None:
        """Where the link's URL is written: inline, or in its reference definition."""
        if link.link_type in ("Inline", "Autolink", "Email", "Linkify", "Html"):
            return destination(self.text, link)
        if self._definitions is None:
            self._definitions = {}
            body = self.document.body
            base = self.document.body_start
            code = [
                (n.span.start, n.span.end)
                for n in self.document.body_nodes
                if isinstance(n, Code) and n.block
            ]
            for match in _DEFINITION.finditer(body):
                if inside(code, base + match.start()):
                    continue  # a definition shown in a code sample
                url = _decode_destination(match.group(1))
                start, end = match.span(1)
                if match.group(1).startswith("<"):
                    start, end = start + 1, end - 1
                self._definitions.setdefault(url, Span(base + start, base + end))
        return self._definitions.get(link.url)

    def first_time(self, link: Link, span: Span | None) -> bool:
        """False when `span` is a reference definition already seen through another link."""
        if span is None or link.link_type in ("Inline", "Autolink", "Email", "Linkify", "Html"):
            return True
        if span.start in self._seen:
            return False
        self._seen.add(span.start)
        return True


def url_shown_at(text: str, link: Link, dest: Span) -> int:
    """Where an inline link shows its own URL as its text on the same line
    (`[http://x.org/a](http://x.org/a)`), -1 when it does not: the reader would still see
    `http://` after the fix rewrote only the target."""
    if (
        link.is_image
        or link.link_type != "Inline"
        or text[link.span.start : link.span.start + 1] != "["
    ):
        return -1
    written = text[dest.start : dest.end]
    start = link.span.start + 1
    if "\n" in text[start : dest.start] or not text.startswith(written + "](", start):
        return -1
    return start


def link_text_source(text: str, link: Link, dest: Span) -> str | None:
    """The link text as written (`[**text**](url)` -> `**text**`), or None when unclear."""
    opener = link.span.start + (2 if link.is_image else 1)
    close = text.rfind("]", opener, dest.start)
    return text[opener:close] if close >= opener else None


# ------------------------------------------------------------------------------ URLs


def split_url(url: str) -> SplitResult | None:
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises on a port that is no number
    except ValueError:
        return None
    return parts


_DOUBLE_SCHEME = re.compile(r"^\s*(https?://)(?=(?:https?:/*|mailto:|tel:)[^\s/])", re.IGNORECASE)


def doubled_scheme(url: str) -> re.Match[str] | None:
    """`http://mailto:desk@x.org`, `https://https://x.org`: a scheme where the host should be;
    group 1 is the outer scheme to drop."""
    return _DOUBLE_SCHEME.match(url)


# A web address or an e-mail address written without its scheme (`example.com`,
# `desk@example.org`), as a CMS's link dialog lets one through: the browser reads it as a path.
# Only the generic top-level domains, which no file name ends in (`www.` hosts are
# `schemeless_web_url`'s).
# A host under a generic top-level domain, or under a country's generic second-level one
# (`ufrj.edu.br`, `bbc.co.uk`, `u-tokyo.ac.jp`, `sat.gob.mx`, `insee.gouv.fr`, as sites outside
# the US write them): few file names end so, but a page named after a source file does
# (`main.go.md`, `app.co.js`): `md`, `js` and `ts` are taken for extensions.
_GENERIC_DOMAIN = re.compile(
    r"(?:[a-z0-9-]+\.)+(?:com|org|net|edu|gov"
    r"|(?:com|org|net|edu|gov|ac|co|or|ne|go|gob|gouv|govt|gv)\.(?!(?:md|js|ts)(?:[/?#]|\Z))"
    r"[a-z]{2})(?:[/?#]\S*)?\Z",
    re.I,
)
_BARE_EMAIL = re.compile(r"[\w.+-]+@(?:[a-z0-9-]+\.)+[a-z]{2,}\Z", re.IGNORECASE)


def missing_scheme(url: str, beside: Callable[[str], bool] | None = None) -> str | None:
    """The scheme a URL written without one needs (`https://`, `mailto:`), or None. `beside`
    (`files_beside`) says whether a relative path names a file next to the article: such a URL
    (`notes.org`, an Org file in the page bundle; `setup.com`) is a working relative link."""
    if _BARE_EMAIL.match(url):
        scheme = "mailto:"
    elif schemeless_web_url(url) or _GENERIC_DOMAIN.match(url):
        scheme = "https://"
    else:
        return None
    if beside is not None and beside(unquote(url.split("#", 1)[0].split("?", 1)[0]).strip()):
        return None
    return scheme


def files_beside(ctx: Context) -> Callable[[str], bool] | None:
    """Whether a relative path names a file next to the article (`Site.file_beside`)."""
    site = ctx.site
    if site is None:
        return None
    page = ctx.document.path
    return lambda path: site.file_beside(path, page)


def is_web_url(url: str) -> bool:
    """An absolute http(s) URL with a host."""
    parts = split_url(url)
    return parts is not None and parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


# What JavaScript, Python, SQL, Ruby and Go write for a missing value, as an exporter writes an
# address that was never there (`[Ivan Sim](undefined)`): no page is named so.
NO_VALUE = frozenset({"undefined", "null", "NULL", "None", "nil", "NaN"})


def wrapped_web_url(url: str) -> bool:
    """Whether `url` is a web URL in one more pair of parentheses (`[text]((https://x.org/a))`):
    Markdown takes the parentheses into the URL, a relative address the browser cannot find."""
    if not (url.startswith("(") and url.endswith(")")):
        return False
    parts = split_url(url[1:-1])
    return (
        parts is not None
        and parts.scheme.lower() in ("http", "https", "ftp")
        and bool(parts.hostname)
    )


# A link's URL in square brackets (`[https://x.org/a]`, or with the `]` left out), or a whole
# Markdown link where the URL belongs (`[label](https://x.org/a)`; one pair of parentheses may
# be in its URL, as in Wikipedia's).
_BRACKETED = re.compile(r"\[[^\[\]]*\]\(((?:[^()\s]|\([^()\s]*\))*)\)|\[([^\[\]\s]+)\]?")


def bracketed_web_url(url: str) -> str | None:
    """The web URL in `url` when `url` is one written in square brackets
    (`[text]([https://x.org/a])`, a template's placeholder filled in around its brackets) or a
    whole Markdown link pasted where the URL belongs (`[text]([label](https://x.org/a))`: the
    pasted link's own URL). Markdown takes the brackets into the URL, a relative address the
    browser cannot find, and Go's URL parser rejects it (`first path segment in URL cannot
    contain colon`). None otherwise."""
    if not url.startswith("["):
        return None
    match = _BRACKETED.fullmatch(url)
    if match is None:
        return None
    inner = match.group(1) if match.group(1) is not None else match.group(2)
    parts = split_url(inner)
    if parts is None or parts.scheme.lower() not in ("http", "https", "ftp"):
        return None
    return inner if parts.hostname else None


# `www.x.org/a`: a web host written without its scheme, a path to the browser.
_SCHEMELESS_HOST = re.compile(
    r"\s*www\.(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,63}(?=[/?#:]|\s*\Z)", re.IGNORECASE
)


# A file's extension, not a top-level domain, ends `www.backup.tar` or `www.index.html`.
_FILE_EXTENSIONS = frozenset(
    {"htm", "html", "php", "asp", "aspx", "jsp", "pdf", "jpg", "jpeg", "png", "gif", "webp", "svg"}
    | {"tar", "gz", "tgz", "zip", "rar", "txt", "md", "xml", "json", "js", "css", "csv", "doc"}
)


def schemeless_web_url(url: str) -> bool:
    """Whether `url` is a web address without its scheme (`www.x.org/a`): a link destination the
    browser resolves as a path next to the page, not as the host it names."""
    found = _SCHEMELESS_HOST.match(url)
    if found is None:
        return False
    if url[found.end() :].strip():
        return True
    return found.group().rsplit(".", 1)[-1].lower() not in _FILE_EXTENSIONS


# Reserved names that never resolve on the public web (RFC 2606, 6761, 6762; `.internal` and `.lan`
# by convention). The example domains `example.com/.net/.org` are not among them: they resolve and
# serve https, so an `http://example.com/` link is as insecure as any other.
_LOCAL_SUFFIXES = (".localhost", ".local", ".test", ".example", ".invalid", ".internal", ".lan")


def is_local_host(host: str) -> bool:
    """Hosts that are no public web site: localhost, private and loopback addresses, and reserved
    names (RFC 2606/6761)."""
    host = host.lower().rstrip(".")
    if host == "localhost" or host.endswith(_LOCAL_SUFFIXES):
        return True
    if ":" not in host and not host.replace(".", "").isdigit():
        return "." not in host  # a name, no IP address: an intranet name such as `http://wiki/`
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return "." not in host  # an intranet name such as `http://wiki/`
    return not address.is_global


# ------------------------------------------------------------------------------ source link


@dataclass(frozen=True)
class SourceLink:
    """The article's source: its URL and where it is (a body line or a front-matter field).

    `listed` when it is the first of a list the article cites (a list of links under a `Sources`
    label, or a source field of several URLs): an article that lists its sources was written
    from them, and which one, if any, a link in it was copied from cannot be told."""

    url: str
    span: Span
    field: Field | None = None
    listed: bool = False


def source_field_name(ctx: Context, option: str = "") -> str:
    """The front-matter field that may hold the source URL: the rule option, else the config's
    `source-field`, else `source`."""
    if option:
        return option
    config = ctx.config
    if config is not None and config.source_field:
        return config.source_field
    return DEFAULT_SOURCE_FIELD


def source_values(document: Document, field_name: str) -> tuple[Field, ...]:
    """The source field's values as the page takes them, each a field whose node is one string:
    the page's `params.<field_name>` when its `params` map sets it (hugo 0.168 makes that
    `.Params.source`, over a top-level one), else the top-level field; of a list
    (`source: [url1, url2]`), each string item, in order."""
    found = params_field(document, field_name) or document.field(field_name)
    return string_values(found) if found is not None else ()


def source_values_in(document: Document, field: Field, field_name: str) -> tuple[Field, ...]:
    """For an `on_field` handler whose `field_keys` hold the source field's name and "params":
    the source values in `field` that the page takes (see `source_values`)."""
    read = read_fields(document, field, field_name.lower())
    return tuple(value for found, _ in read for value in string_values(found))


def source_field_keys(field_name: str) -> tuple[str, str]:
    """The keys an `on_field` handler of the source field subscribes to: it and `params`."""
    return field_name, "params"


def string_values(field: Field) -> tuple[Field, ...]:
    """`field` when it holds a string, or each string item of its list as a field of its own
    (same key; its value and spans the item's), so a rule reports and fixes the item.

    A map stands for its `url` (any case, as Hugo lowercases a page's keys): `source: {name:
    Reuters, url: https://...}` holds the string at `url`, and so does such a map in a list."""
    node = field.node
    if node.kind == "scalar":
        return (field,) if isinstance(node.value, str) else ()
    items = node.items if node.kind == "list" else (node,)
    found = (_url_of(item) if item.kind == "map" else item for item in items)
    return tuple(
        Field(field.key, field.key_span, value, field.entry_span, field.format, field.spread)
        for value in found
        if value is not None and value.kind == "scalar" and isinstance(value.value, str)
    )


def _url_of(node: Node) -> Node | None:
    """The value of a map's `url` key (the last, as the loaders keep it), if it has one."""
    urls = [entry.node for entry in node.entries if entry.key.lower() == "url"]
    return urls[-1] if urls else None


def find_source_link(document: Document, field_name: str) -> SourceLink | None:
    """The source link: a web URL in the source field (the first of a list; under `params`
    when the page sets it there), or a last body line `[name](url)`, else the first footnote
    that is one link.

    The last line is the last one that shows something (trailing HTML comments are skipped). It
    counts when Markdown makes it one link, and also when its URL has a space so that it does not
    render (link-malformed reports that): one defect is reported once.
    """
    # source-link-missing, link-relative and duplicate-source each ask for it.
    return document.memo(("source-link", field_name), _find_source_link, document, field_name)


def _find_source_link(document: Document, field_name: str) -> SourceLink | None:
    urls = [found for found in source_values(document, field_name) if is_web_url(found.value)]
    if urls:
        first = urls[0]
        return SourceLink(first.value.strip(), first.value_span, first, listed=len(urls) > 1)
    line = last_body_line(document)
    if line is not None:
        # `Источник: [..](url)` / `Перевод: [..](url)`: translators' credits may follow it.
        line = _above_the_credits(document, line)
    if (
        line is not None
        and not _in_code_block(document, line.start)
        and not ends_a_wrapped_sentence(document, line)
    ):
        on_line = source_line_link(document, line)
        if on_line is not None and is_web_url(on_line[0]):
            return SourceLink(on_line[0], line)
        listed = _source_list(document, line) if on_line is None else None
        if listed is not None and is_web_url(listed[0]):
            return SourceLink(listed[0], listed[1], listed=True)
        # A last link to a page of this site (`[Back to the list]({{% ref "/posts/" %}})`) is
        # no source: the footnotes or a labelled opening line may still name one.
    noted = _footnote_source(document)
    if noted is not None and is_web_url(noted[0]):
        # Footnotes that cite several pages are a list of sources too (see `SourceLink.listed`).
        return SourceLink(noted[0], noted[1], listed=noted[2])
    opening = _labelled_opening_link(document, line)
    if opening is not None and is_web_url(opening[0]):
        return SourceLink(opening[0], opening[1])
    return None


def _above_the_credits(document: Document, last: Span) -> Span:
    """The labelled source line above the credit lines that end the body (`_Источник:
    [name](url)_` / `_Перевод: [name](url)_` / `_Коррекция: [name](url)_`, as translated news
    credits its translator and proofreader under the source), else `last` itself."""
    text = document.text
    lines = document.lines
    number = lines.position(last.start).line
    credits = 0
    while number >= 1 and credits <= _MOST_CREDIT_LINES:
        span = lines.line_span(number)
        if span.start < document.body_start:
            break
        written = text[span.start : span.end].rstrip()
        if not written.strip(" \t>"):
            number -= 1  # blank, also inside a block quote (`> `) that holds source and credits
        elif _CREDIT_LABEL.match(written):
            credits += 1
            number -= 1
        elif credits and _SOURCE_LABEL.match(written):
            return Span(span.start, span.start + len(written))
        else:
            break
    return last


# Credits for the work on a translated or edited article, which news sites set under its source
# line: translation (and its date), editing, proofreading, photos. The label is the line's start
# (after block quote markers, emphasis or a parenthesis) and ends in a colon; "Translated by"
# needs none.
_CREDIT_WORDS = (
    "translation|translations|translator|translators|editor|editors|editing|proofreading"
    "|proofreader|photos?|images?|illustrations?"
    "|перевод|переводчик|редактор|редактура|редактирование|коррекция|корректор|корректура"
    "|вычитка|фото|иллюстрация|переклад|перекладач|редагування|коректура|коректор"
    "|译者|譯者|翻译|翻譯|校对|校對|编辑|編輯|责编|責編|责任编辑|責任編輯|审校|審校|图片|圖片"
    # When the translation was made: machine-translated reprints end in `> 翻译时间：<date>`.
    "|翻译时间|翻譯時間|翻译日期|翻譯日期|translation date"
    "|翻訳|編集|写真|画像|번역|편집|사진"
    "|übersetzung|redaktion|lektorat|korrektur|bild|traduction|relecture|traducción|corrección"
    "|edición|tradução|revisão|edição|traduzione|revisione|penerjemah|terjemahan|penyunting"
    "|tłumaczenie|przekład|redakcja|korekta|zdjęcie|vertaling|eindredactie|çeviri|çevirmen"
    "|editör|fotoğraf|biên dịch|biên tập|ảnh|foto"
)
_CREDIT_LABEL = re.compile(
    r"(?>(?:>[ \t]?)*)[ \t]*+[*_]{0,3}[(（]?[*_]{0,3}[ \t]*+(?:"
    r"(?:" + _CREDIT_WORDS + r")[ \t\u00a0\u202f]*+[*_]{0,3}[ \t]*+[:：]"
    r"|(?:translated|edited|proofread) by\b)",
    re.IGNORECASE,
)
# Credits are a few lines; more of them are no credits under a source line.
_MOST_CREDIT_LINES = 6


def _labelled_opening_link(document: Document, last: Span | None) -> tuple[str, Span] | None:
    """The link of a source line that opens the body with a source label (`来源：[36氪](url)`,
    `> Source: [Reuters](url)`), as reprints and translations credit their source above the
    story. Without a label an opening link is no source line: it is as likely the story's own."""
    text = document.text
    line = _first_body_line(document)
    while line is not None and (last is None or line.start < last.start):
        if _in_code_block(document, line.start):
            return None
        if _SOURCE_LABEL.match(text, line.start, line.end) is not None:
            return source_line_link(document, line)
        if not _ABOVE_THE_SOURCE.match(text, line.start, line.end):
            return None
        # A heading, a block quote restating the headline or an image alone may come first
        # (`> 見出し` / `引用元：[url](url)`, as Japanese digests open): the story starts below.
        line = _first_body_line(document, line.end + 1)
    return None  # none, or the last line was looked at already


# A line above the story that a source credit may follow: an ATX heading, a block quote line or
# an image alone.
_ABOVE_THE_SOURCE = re.compile(r"[ \t]{0,3}(?:#{1,6}(?:[ \t]|$)|>|!\[[^\]\n]*\]\([^)\n]*\)[ \t]*$)")


def _first_body_line(document: Document, start: int | None = None) -> Span | None:
    """The span of the body's first line that shows something (from `start`, a line's start):
    not blank, no HTML comment."""
    text = document.text
    start = document.body_start if start is None else start
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        written = text[start:end].rstrip().rstrip("".join(_HIDDEN))
        shown = written.strip()
        if shown and not (shown.startswith("<!--") and shown.endswith("-->")):
            return Span(start, start + len(written))
        start = end + 1
    return None


def ends_a_wrapped_sentence(document: Document, line: Span) -> bool:
    """Whether the line goes on with a sentence the line above it left off inside a paragraph
    (`... the Drupal Association website at` / `<http://association.drupal.org/>`): Markdown shows
    the two as one line, the link the end of a sentence, no source line of its own."""
    from newslint.events import Paragraph

    text = document.text
    if _SOURCE_LABEL.match(text, line.start, line.end):
        return False  # `Source: [name](url)`: the label says what the link is, wrapped or not
    above_end = text.rfind("\n", document.body_start, line.start)
    if above_end <= document.body_start:
        return False
    above = text[text.rfind("\n", document.body_start, above_end) + 1 : above_end].rstrip()
    if not above or not (above[-1].isalnum() or above[-1] == ","):
        return False  # the line above ends a sentence or a clause, or there is none
    if _SOURCE_HEADING.fullmatch(above.lstrip("> \t")):
        return False  # a label without its colon ("Source"), the link its source
    return any(
        isinstance(node, Paragraph) and node.span.start < line.start < node.span.end
        for node in document.body_nodes
    )


# A label that says the link after it is the source, as real news and translated articles write
# it on their last line: "Source: [Reuters](...)", "来源：[...]", "原文链接：[...]", "出典：[...]".
_SOURCE_WORDS = (
    "sources?|quelle|fuente|fonte|источник|来源|來源|原文链接|原文鏈接|原文地址|原文|出处|出處"
    "|原始报道|原始報道|原始链接|原始鏈接"
    # Taiwan writes "link" 連結, "report" 報導 and "web address" 網址: 原文連結, 原始報導. "Data
    # source" and "news source" (资料来源, 新聞來源) end Chinese news and finance articles too.
    "|原文連結|原始連結|原始報導|原文網址|原文网址|资料来源|資料來源|新闻来源|新聞來源"
    "|出典|출처|원문"
    # Japanese digests and blogs credit what they quote with "引用元" (quoted from), "参照元"
    # (referred to) or "ソース" (source).
    "|引用元|参照元|ソース"
    # Indonesian and Malay, Vietnamese, Turkish, Dutch, Polish, Ukrainian, Serbian, Arabic,
    # Persian, Hindi, Thai, Hungarian, Czech and Slovak, Finnish, Danish and Norwegian, Swedish,
    # Greek, Hebrew: news sites in these languages end an article with "<word>: [name](url)".
    "|sumber|nguồn|kaynak|bron|źródło|джерело|извор|المصدر|منبع|स्रोत|ที่มา|forrás|zdroj|lähde"
    "|kilde|källa|πηγή|מקור"
    # Their plurals, for a line of several sources or a label above a list of them.
    "|quellen|fuentes|fontes|источники|kaynaklar|bronnen|źródła|джерела|извори|المصادر|منابع"
    "|források|zdroje|lähteet|kilder|källor|πηγές|מקורות"
)


def _with_decomposed_forms(words: str) -> str:
    """`words` (`a|b|...`) and the decomposed spellings of each word that has them. Text typed on
    macOS writes `Nguồn` and `출처` decomposed (NFD: base letters and combining marks, Hangul as
    its jamo), and a Vietnamese "tổ hợp" input method keeps `ô` whole but types the tone after it
    (`ô` + U+0300): browsers show all three alike, but the composed spelling matches none."""
    from unicodedata import normalize

    forms = words.split("|")
    found = set(forms)
    for form in list(forms):
        tone_apart = "".join(
            normalize("NFC", parts[:-1]) + parts[-1] if len(parts) > 2 else char
            for char in form
            for parts in (normalize("NFD", char),)
        )
        for variant in (normalize("NFD", form), tone_apart):
            if variant not in found:
                found.add(variant)
                forms.append(variant)
    return "|".join(forms)


_SOURCE_WORDS = _with_decomposed_forms(_SOURCE_WORDS)
_SOURCE_LABEL = re.compile(
    # Block quote markers, atomic: the clause below may take `>` too, and trying every split of
    # 100,000 markers between the two would be quadratic.
    r"(?>(?:>[ \t]?)*)[ \t]*+"
    # Spaces possessive: the parts around them take none, and trying every split of a long run
    # of spaces between two of them would be quadratic.
    # A clause before the label ("本文由…翻译，"), or whole sentences: a body whose paragraphs a
    # scraper ran into one line ends in its source all the same ("... Rp17,1 miliar. _Sumber :
    # [Kejaksaan.go.id](url)_").
    r"(?:[^\[\]`\n]*?(?:[，,;；|]|[.!?。！？](?=[ \t]))[ \t]*+)?"
    # The whole line in parentheses, "(bron: [name](url))", full-width ones too ("（来源：[...]）"),
    # also in emphasis, as Spanish, Portuguese and Italian sites set it off:
    # "*(Fuente: [EFE](url))*".
    r"(?:[*_]{0,3}(?P<paren>[(（]))?[ \t]*+"
    # French sets a (narrow) no-break space before the colon: "Source\u202f: [AFP](url)".
    r"[*_]{0,3}[ \t]*+(?:" + _SOURCE_WORDS + r")[ \t\u00a0\u202f]*+[*_]{0,3}[ \t]*+[:：]"
    r"[ \t\u00a0]*+[*_]{0,3}"
    r"[ \t]*",
    re.IGNORECASE,
)
_LINE_END = "*_.。 \t"
# A source link with no label, set off only by emphasis, a block quote or quotation marks:
# `*[Reuters](url)*`, `« [المصدر](url) »`. Emphasis opens right before the link (`* [x](url)` is a
# list item).
_LINK_SETTING = re.compile(
    r"(?>(?:>[ \t]?)*)[ \t]*+(?P<quote>[«»“”„\"‹›][ \t\u00a0\u202f]*+(?=[*_]{0,3}\[))?"
    r"(?:[*_]{1,3}(?=\[))?"
)
# The quotation marks that may close such a line, with the spaces French sets inside them.
_CLOSING_QUOTES = '«»“”„"‹› \t\u00a0\u202f'


_LIST_ITEM = re.compile(r"[ ]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+")
# A line that is a source label and nothing else (`Sources:`, `**Πηγές:**`, `## Sources`), the
# list of links after it being the sources.
_SOURCE_HEADING = re.compile(
    r"[ \t]*(?:#{1,6}[ \t]+)?[*_]{0,3}[ \t]*(?:" + _SOURCE_WORDS + r")[ \t]*[*_]{0,3}[ \t]*[:：]?"
    r"[ \t]*[*_]{0,3}[ \t]*#*[ \t]*",
    re.IGNORECASE,
)


_MOST_SOURCE_LINES = 100


def _source_list(document: Document, last: Span) -> tuple[str, Span] | None:
    """A list of links that ends the body right after a line that is a source label alone:

        **Sources:**

        - [Reuters](https://...)
        - [AP](https://...)

    The first item's link is the source link (its URL and span); every item must be one link."""
    text = document.text
    lines = document.lines
    number = lines.position(last.start).line
    first: tuple[str, Span] | None = None
    # A list of sources is short; each item looks its link up among the body's nodes from the
    # end, so a list of 100,000 links would take quadratic time to be turned down.
    stop = max(1, number - _MOST_SOURCE_LINES)
    while number > stop:
        span = lines.line_span(number)
        start, end = span.start, span.end
        line = text[start:end]
        if start < document.body_start:
            return None
        if not line.strip():
            number -= 1
            continue
        item = _LIST_ITEM.match(line)
        if item is None:
            if first is None or not _SOURCE_HEADING.fullmatch(line):
                return None
            return first
        link_start = start + item.end()
        url = _parsed_link_at(document, link_start, end) or _link_line_url(line[item.end() :])
        if url is None:
            return None
        first = (url, Span(link_start, end))
        number -= 1
    return None


# A footnote definition as Goldmark reads it: `[^label]:` at a line's start, indented at most
# three spaces; the note's text follows on the line.
# `$` stops before "\n" only: a CRLF line's "\r" is white space at the note's end.
_FOOTNOTE_DEFINITION = re.compile(r"^[ ]{0,3}\[\^([^\]\s]+)\]:[ \t]*(.*?)[ \t\r]*$", re.MULTILINE)


# A footnote's marker anywhere but at its definition (`[^1]` not followed by `:`); a lookahead,
# so that markers found inside others' brackets (`[^[^1]`) count too, as a search would find them.
_FOOTNOTE_REFERENCE = re.compile(r"(?=\[\^([^\]\s]+)\](?!:))")


def _footnote_source(document: Document) -> tuple[str, Span, bool] | None:
    """The link of the first footnote whose note is one link, as digests and AI-written briefs
    cite their sources (`Oil rose.[^1]` ... `[^1]: https://www.reuters.com/...`), and whether
    another shown footnote is one link too (the article cites a list of sources). Hugo renders
    the notes a body refers to as the page's last list, in the order of their first reference
    and wherever they are defined (a note nothing refers to is not shown); each is a citation, so
    its link may be a bare URL too (a link to Hugo, `[^1]: https://...`), unlike the source line
    of the text above it."""
    text = document.text
    # `^` first (memchr over the text, without copying the body).
    if "^" not in text or "[^" not in text[document.body_start :]:
        return None  # the common case: no footnote at all
    notes: list[tuple[int, str, Span]] = []
    references: dict[str, int] | None = None
    for match in _FOOTNOTE_DEFINITION.finditer(text, document.body_start):
        if _in_code_block(document, match.start()):
            continue
        if references is None:
            # Each label's first reference, found in one pass (a search per definition was
            # quadratic in a body of thousands of them).
            references = {}
            for reference in _FOOTNOTE_REFERENCE.finditer(text, document.body_start):
                references.setdefault(reference.group(1), reference.start())
        first_reference = references.get(match.group(1), -1)
        if first_reference >= 0:
            notes.append((first_reference, match.group(2), Span(match.start(2), match.end(2))))
    first: tuple[str, Span] | None = None
    for _, _, note in sorted(notes, key=lambda found: found[0]):
        url = _note_link(document, note)
        if url is not None:
            if first is not None:
                return first[0], first[1], True
            first = (url, note)
    return None if first is None else (first[0], first[1], False)


def _note_link(document: Document, note: Span) -> str | None:
    """The URL of the one link (a bare URL too) that is all of a footnote's text."""
    for node in reversed(document.body_nodes):
        if node.span.end < note.start:
            break
        if isinstance(node, Link) and (node.span.start, node.span.end) == (note.start, note.end):
            return None if node.is_image else node.url.replace(" ", "%20")
    return None


def source_line_link(document: Document, line: Span) -> tuple[str, Span] | None:
    """The URL of the source link on the body line `line`, and where that link is: the line is
    one `[name](url)` link, or a source label (`Source:`, `来源：`, ...) and then one link (or a
    citation ending in one), optionally in emphasis or a block quote and ended by a full stop."""
    text = document.text
    written = text[line.start : line.end]
    url = _parsed_link_at(document, line.start, line.end)
    if url is None:
        url = _link_line_url(written)
    if url is not None:
        return url, Span(line.end - len(written.lstrip()), line.end)
    label = _SOURCE_LABEL.match(written)
    if label is None:
        return _set_off_link(document, line)
    start = line.start + label.end()
    end = line.start + len(written.rstrip(_LINE_END))
    ends = [end]
    if label.group("paren") and end > start and text[end - 1] in ")）":
        # `(bron: [Rotterdams Dagblad](url))`, `(Source: [AP](url).)`, `（来源：[新华社](url)）`:
        # the parenthesis closes after the link's own. Left open (`(Source: [AP](url)`) or
        # closed with the other width, the line still names and links its source: a slip of
        # punctuation, not a missing source.
        ends.insert(0, start + len(text[start : end - 1].rstrip(_LINE_END)))
    for end in ends:
        found = _labelled_link(document, start, end)
        if found is not None:
            return found
    return None


def _labelled_link(document: Document, start: int, end: int) -> tuple[str, Span] | None:
    """The link that is all of `start`-`end` after a source label, or the citation ending in one
    (`_cited_link`)."""
    if end <= start:
        return None
    # After a label a bare URL is a link too (`Source: https://...`, `引用元：https://...`): Hugo
    # makes it one, and the label says what it is.
    url = _parsed_link_at(document, start, end, bare=True)
    if url is None:
        url = _link_line_url(document.text[start:end])  # a URL with a space: link-malformed's
    if url is None:
        return _cited_link(document, start, end)
    return url, Span(start, end)


def _set_off_link(document: Document, line: Span) -> tuple[str, Span] | None:
    """The link of a line that is one `[name](url)` link in emphasis or a block quote, optionally
    ended by a full stop: `*[Reuters](https://...)*`, `> [Reuters](https://...)`."""
    written = document.text[line.start : line.end]
    setting = _LINK_SETTING.match(written)
    if setting is None or not setting.group().strip():
        return None  # nothing sets it off: a plain link was looked for already
    start = line.start + setting.end()
    kept = written.rstrip(_LINE_END)
    if setting.group("quote"):
        kept = kept.rstrip(_CLOSING_QUOTES).rstrip(_LINE_END)  # `« [name](url) ».`
    end = line.start + len(kept)
    if end <= start:
        return None
    url = _parsed_link_at(document, start, end)
    return (url, Span(start, end)) if url is not None else None


def _cited_link(document: Document, start: int, end: int) -> tuple[str, Span] | None:
    """After a source label, a citation that ends in the line's one link: `Πηγή: Ministry of
    Health, "Selling vaping products," GOV.UK, 11 August 2026 — [gov.uk/...](https://...)`, as
    a Greek news site credits a government page. The link must end the line and be its only one
    (the citation's words are the source's name, not a second source)."""
    links = [
        node
        for node in document.body_nodes
        if isinstance(node, Link) and start <= node.span.start and node.span.end <= end
    ]
    if len(links) != 1 or links[0].span.end != end:
        return None
    link = links[0]
    if (
        link.is_image
        or link.link_type == "Linkify"
        or "[" in document.text[start : link.span.start]
    ):
        return None
    return link.url.replace(" ", "%20"), Span(link.span.start, end)


def _parsed_link_at(document: Document, start: int, end: int, bare: bool = False) -> str | None:
    """The URL of the link (not an image) that spans `start`-`end` (leading white space aside),
    as Markdown parsed it: titles, brackets in the text, escapes, entities and reference
    definitions are the parser's business. A bare URL counts only when `bare` is set."""
    written = document.text[start:end]
    start += len(written) - len(written.lstrip())
    for node in reversed(document.body_nodes):
        if node.span.end < start:
            break
        if isinstance(node, Link) and (node.span.start, node.span.end) == (start, end):
            if node.is_image or (node.link_type == "Linkify" and not bare):
                return None  # a bare URL is a link to Hugo, but not the `[name](url)` source line
            return node.url.replace(" ", "%20")
    return None


def _link_line_url(line: str) -> str | None:
    """The URL of a line that is one `[name](url)` link (title allowed), spaces encoded."""
    line = line.strip()
    if not line.startswith("[") or not line.endswith(")"):
        return None
    middle = line.find("](")
    if middle < 0 or "[" in line[1:middle] or "]" in line[1:middle]:
        return None
    dest = line[middle + 2 : -1].strip()
    if dest.endswith('"') and ' "' in dest:
        dest = dest[: dest.rfind(' "')].rstrip()
    if dest.startswith("<") and dest.endswith(">"):
        dest = dest[1:-1]
    depth = 0
    for char in dest:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return None  # `[a](x) (b)`: not one link
    return dest.replace(" ", "%20") if depth == 0 else None


def _in_code_block(document: Document, offset: int) -> bool:
    """Whether `offset` lies in a code block of the body. By bisection: it is asked of each
    footnote definition and each last line looked at (a walk over the nodes each time was
    quadratic in a body of 10,000 footnote definitions: 10 s, 40 s for 20,000)."""
    return inside(document.memo("code-block-spans", _code_block_spans, document), offset)


def _code_block_spans(document: Document) -> list[tuple[int, int]]:
    return sorted(
        (node.span.start, node.span.end)
        for node in document.body_nodes
        if isinstance(node, Code) and node.block
    )


_HIDDEN = frozenset(ZERO_WIDTH) | frozenset(BIDI)


def last_body_line(document: Document) -> Span | None:
    """The span of the body's last line that shows something: not blank, not part of HTML
    comments that end the body (`<!-- newslint-disable-file ... -->`, an editor's note), and no
    link reference definition (`[1]: https://...`), which Markdown does not show either."""
    text = document.text
    end = len(text)
    while True:
        # Invisible characters after the link (a zero-width space, a bidi mark) do not make the
        # line something else: the reader still sees the link; invisible-char reports them.
        while end > document.body_start and (text[end - 1].isspace() or text[end - 1] in _HIDDEN):
            end -= 1
        if end <= document.body_start:
            return None
        comment_start = _trailing_comment(document, end)
        if comment_start is not None:
            end = comment_start
            continue
        start = start_of_line(text, end, document.body_start)
        while start < end and text[start] in _HIDDEN:
            start += 1  # as after the link: an invisible character before it hides nothing
        if not _hidden_definition(document, Span(start, end)):
            return Span(start, end)
        end = start


_DEFINITION_LINE = re.compile(
    r"[ ]{0,3}\[(?:[^\[\]\\\n]|\\.){1,999}\]:[ \t]*(?:<[^<>\n]*>|\S+)"
    r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*"
)


def _hidden_definition(document: Document, line: Span) -> bool:
    """`line` is a whole link reference definition, which shows nothing: the parser put it in
    no paragraph (a definition-like line after a paragraph's text continues that paragraph)."""
    written = document.text[line.start : line.end]
    if "]:" not in written or not _DEFINITION_LINE.fullmatch(written):
        return False
    return not covered_by_node(document, line.start)


_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _trailing_comment(document: Document, end: int) -> int | None:
    """Where the HTML block that ends at `end` starts, when it holds nothing but comments."""
    if "-->" not in document.text[max(document.body_start, end - 3) : end]:
        return None  # the common case: no comment, no need for the parsed body
    start: int | None = None
    for node in reversed(document.body_nodes):
        if node.span.start >= end:
            continue
        if not isinstance(node, Html) or node.inline:
            break
        # The lines of one HTML block are adjacent nodes; a gap is a blank line, another block.
        if start is None and document.text[node.span.end : end].strip():
            break
        if start is not None and node.span.end != start:
            break
        start = node.span.start
    if start is None:
        return None
    block = document.text[start:end].strip()
    only_comments = block.startswith("<!--") and not _COMMENT.sub("", block).strip()
    return start if only_comments else None


# Fields in which importers and archivers record the address of the page an article was taken
# from (`original_url: https://spidermedia.ru/animation/x` above a body that cites Entertainment
# Weekly on its last line): its relative links were copied from that page, not from the source it
# cites, and resolve against it. Keys as `Document.field` compares them, without case.
_ORIGIN_FIELDS = ("original_url", "originalurl", "original_link", "originallink", "canonicalurl")


def origin_link(ctx: Context) -> SourceLink | None:
    """The page the article was imported from, where a front-matter field names it."""
    for key in _ORIGIN_FIELDS:
        # Under `params` it is the page's (hugo 0.168), over a top-level one.
        found = params_field(ctx.document, key) or ctx.document.field(key)
        if found is not None and isinstance(found.value, str) and is_web_url(found.value):
            host = split_url(found.value)
            if host is not None and host.hostname and is_local_host(host.hostname):
                continue  # a placeholder (`https://原文地址`, "original address"): no page
            return SourceLink(found.value.strip(), found.value_span, found)
    return None


def same_site(url: str, site: Site | None) -> bool:
    """Whether `url` is on the site's own `baseURL` host."""
    if site is None:
        return False
    base = site.raw.get("baseurl")
    own = split_url(base) if isinstance(base, str) else None
    source = split_url(url)
    return bool(
        own is not None
        and own.hostname
        and source is not None
        and (source.hostname or "").lower() == own.hostname.lower()
    )
