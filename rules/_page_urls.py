"""How hugo 0.168 makes a page's URL from its file and front matter: its place in the content
tree (`logical_path`), its own URL (`own_url`: `url`, a `[permalinks]` pattern, or the
path-derived one with its `slug`), a section's `slug` (`slug_of_section`), and the `urlize` Hugo
applies to titles and slugs. Shared by link-fragment (links to another page by its URL) and
duplicate-url (two pages at one URL)."""

from __future__ import annotations

import re
import unicodedata
from typing import Any, NamedTuple

from newslint.document import Document
from newslint.rule import Context
from newslint.site import PAGE_SUFFIXES, Site, go_lower, path_segment

from ._crossfile import content_path
from ._dates import GoTime, hugo_dates
from ._pages import hugo_text


def logical_path(document: Document) -> tuple[str, str] | None:
    """`_find_logical_path`, once per document (link-fragment and duplicate-url both ask)."""
    return document.memo("logical-path", _find_logical_path, document)


def _find_logical_path(document: Document) -> tuple[str, str] | None:
    """The page's path in the content tree as `ref` names it, and the folder its relative `ref`
    paths start from (as hugo 0.168 resolves them): `news/budget` and `news` for
    `news/budget.md` and `news/budget.en.md`; the same for the leaf bundle `news/budget/index.md`
    (its own folder is not where its paths start); `news` and `news` for the section page
    `news/_index.md`. Lower case: Hugo's page paths are."""
    inside = content_path(document)
    if inside is None:
        return None
    inside = inside.lower()
    folder, _, name = inside.rpartition("/")
    stem = without_page_suffix(name)
    language = (document.language or "").lower()
    if language and stem.endswith(f".{language}"):
        stem = stem[: -len(language) - 1]
    if stem == "_index":
        return folder, folder
    if stem == "index":
        return folder, folder.rpartition("/")[0]
    return (f"{folder}/{stem}" if folder else stem), folder


def without_page_suffix(name: str) -> str:
    """`name` (lower case) without the extension of a content file (`budget.md`: `budget`)."""
    for suffix in PAGE_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


class OwnUrl(NamedTuple):
    """A page's URL path as a key: lower case, without the slashes at the ends."""

    path: str
    derived: bool  # made of the file's path: its sections' `slug`s still apply
    ugly: bool = False  # `uglyURLs`: `news/budget.html`
    index_slug: bool = False  # `slug: index`, which puts the page at its folder's URL


def own_url(ctx: Context, logical: str, section: bool) -> OwnUrl | None:
    """`_find_own_url`, once per document (link-fragment and duplicate-url both ask). What it
    reads of `ctx` is the document and the run's configuration (the page's dates, as
    `hugo_dates`, which keeps them per document too), the same for every rule."""
    return ctx.document.memo(("own-url", logical, section), _find_own_url, ctx, logical, section)


def _find_own_url(ctx: Context, logical: str, section: bool) -> OwnUrl | None:
    """The page's URL path (`news/budget`): its `url`; else the one its `[permalinks]` pattern
    makes; else the path-derived one, with its `slug` and, under `uglyURLs`, `.html`. None when
    it cannot be told from the page alone (a pattern's token newslint does not reproduce, a
    `slug` or `url` the cascade gives, a slug or title Hugo would rewrite in ways not modelled).
    `section`: whether the page is a section's (`_index`)."""
    document = ctx.document
    site = document.site
    assert site is not None
    url = document.value("url")
    if isinstance(url, str) and url.strip():
        written = url_tokens_expanded(ctx, url.strip(), logical, section)
        path = None if written is None else _site_path(written, site)
        return None if path is None else OwnUrl(path, False)
    for key in ("url", "slug"):
        if document.field(key) is None and document.cascaded_value(key) is not None:
            return None
    own_slug = hugo_text(document, "slug")
    if _dated_file_name(document) and not (own_slug and own_slug.strip()):
        # Hugo takes the slug from the file name after its date: not modelled. A page's own
        # `slug` comes first (hugo 0.168: `2024-01-02-budget.md` with `slug: other` is at
        # `/news/other/`, and at `/blog/other/` for `/blog/:slug/`).
        return None
    language = document.language
    pattern = _permalink(site, language, "section" if section else "page", logical)
    if pattern is _UNKNOWN:
        return None
    ugly = _ugly(site, logical) if not section and logical else False
    if ugly is None:
        return None
    if isinstance(pattern, str):
        path = _expand(ctx, pattern, logical, section)
        if not path:
            return None
        # hugo 0.168 serves `/:year/:slug/` under `uglyURLs` at `/2024/budget.html`
        return OwnUrl(path + ".html", False, True) if ugly else OwnUrl(path, False)
    slug = hugo_text(document, "slug")
    if slug is not None and slug.strip() and not section:
        made = urlized(slug.strip())
        if made is None:
            return None
        logical = f"{logical.rpartition('/')[0]}/{made}".strip("/")
        if document.value("slug") == "index" and not _leaf_bundle(document):
            # hugo 0.168 writes a page (not a leaf bundle) whose slug is exactly `index` (not
            # `Index`, ` index `) to its folder's `index.html`, the folder's list page: `x/a.md`
            # at `/x/`, `a.md` at `/` (checked with the binary); `uglyURLs` makes it that file too
            path = "/".join(path_segment(part) for part in logical.split("/"))
            if ugly:
                return OwnUrl(path + ".html", True, True, True)
            return OwnUrl(path.rpartition("/")[0], True, False, True)
    # Each folder and file name as Hugo writes it in a URL (`a&b.md` is `ab`, `My News` is
    # `my-news`: `path_segment`).
    path = "/".join(path_segment(part) for part in logical.split("/"))
    return OwnUrl(path + ".html" if ugly else path, True, ugly)


def _leaf_bundle(document: Document) -> bool:
    """Whether the page is a leaf bundle's (`news/b/index.md`)."""
    name = (content_path(document) or "").rpartition("/")[2].lower()
    return name.split(".")[0] == "index"


_DATED_NAME = re.compile(r"\d{4}-\d{2}-\d{2}")


def _dated_file_name(document: Document) -> bool:
    """Whether the site reads a date from file names (`:filename` in `[frontmatter]`) and this
    page's (a bundle's folder's) starts with one: Hugo then takes its slug from the rest."""
    site = document.site
    if site is None or not any(
        ":filename" in chain for chain in site.date_sources_for(document.language).values()
    ):
        return False
    inside = content_path(document) or ""
    folder, _, name = inside.rpartition("/")
    if name.split(".")[0] in ("index", "_index"):
        name = folder.rpartition("/")[2]
    return _DATED_NAME.match(name) is not None


def slug_of_section(document: Document) -> str:
    """What a section page's `slug` makes of its URL segment, which its pages' path-derived
    URLs share (checked with hugo 0.168: `news/_index.md` with `slug: nachrichten` puts
    `news/budget.md` at `/nachrichten/budget/`; a section's `url` moves the section page only):
    "" when it has none, NUL when that cannot be told (a slug Hugo would rewrite in ways not
    modelled, one the cascade gives, or `url` with it)."""
    slug = document.value("slug")
    if document.field("slug") is None:
        return "" if document.cascaded_value("slug") is None else "\0"
    if slug is None or (isinstance(slug, str) and not slug.strip()):
        return ""
    text = hugo_text(document, "slug")
    if text is None or document.value("url") is not None:
        return "\0"
    made = urlized(text.strip())
    return "\0" if made is None else made


# A `%` before two hex digits: an escape hugo 0.168 keeps in a slug (`%41bc`) and decodes in a title.
_HEX_PAIR = re.compile("[0-9A-Fa-f]{2}")
_PLUSES = re.compile(r"\++")


def urlized(text: str, *, title: bool = False) -> str | None:
    """`text` as hugo 0.168 makes a URL segment of it (`:title` with `title`, `:slug`, a page's
    `slug`) with its `UnicodeSanitize`, checked with the binary
    (tests/test_hugo_url_segments_oracle.py): letters, marks, decimal digits and `._-~@+` kept,
    lower case as Go writes it (`go_lower`: `İ` is `i`, `Σ` always `σ`), a `%` before two hex
    digits kept in a slug, every other character dropped (`What's up? A: b, c!` is
    `whats-up-a-b-c`, `a–b` `ab`, `x²` `x`, `新闻「北京」。` `新闻北京`, and the Persian ZWNJ goes
    too: `می‌رود` is `میرود`); a run of white space between kept characters one `-`, none beside
    a `-` (`a - b` is `a-b`); a slug's `-` at either end dropped (`-lead` is `lead`), a title's
    kept. In a title `/` counts as white space (`a/b` is `a-b`) and `+` beside a `-` is dropped
    (`C++ & Go` is `c-go`, `a + b` is `a--b`). None for what is not modelled (a slug's `/`,
    which nests, a backslash, `#`, which Hugo keeps and a browser reads as a fragment, `%41` in
    a title, which Hugo decodes, any other `+` of a title: `a+b` is `a-b`, `+a` is `-a`) or when
    nothing is left."""
    made: list[str] = []
    space = hyphen = False
    for index, char in enumerate(text):
        kind = unicodedata.category(char)
        escape = char == "%" and _HEX_PAIR.match(text, index + 1) is not None
        if kind[0] in "LM" or kind == "Nd" or char in "._-~@+" or (escape and not title):
            hyphen = char == "-"
            if space and not hyphen:
                made.append("-")
            space = False
            made.append(char)
        elif _go_space(char) or (title and char == "/"):
            space = bool(made) and not hyphen
        elif char in "/\\#" or escape:
            return None
    result = go_lower("".join(made))
    if title and "+" in result:
        # Hugo drops a title's `+` beside a `-` (`C++ & Go` is `c-go`, `a + b` `a--b`) and
        # writes one between two other characters as `-` (`a+b` is `a-b`): not modelled
        for run in _PLUSES.finditer(result):
            before = result[run.start() - 1] if run.start() else ""
            after = result[run.end() : run.end() + 1]
            if not before or (before != "-" and after != "-"):
                return None
        result = result.replace("+", "")
    if not title:
        result = result.strip("-")
    return result or None


def _go_space(char: str) -> bool:
    """Go's `unicode.IsSpace` (Python's `isspace` also takes the separators U+001C to U+001F)."""
    return char.isspace() and not "\x1c" <= char <= "\x1f"


class _Unknown:
    """A `[permalinks]` or `uglyURLs` setting newslint does not reproduce."""


_UNKNOWN = _Unknown()
_KINDS = frozenset({"page", "section", "taxonomy", "term"})


def _permalink(site: Site, language: str | None, kind: str, logical: str) -> str | _Unknown | None:
    """The `[permalinks]` pattern of a page of `kind` ("page" or "section") at `logical`, None
    when none applies, `_UNKNOWN` when that cannot be told. As hugo 0.168 reads them: a
    language's own table replaces the site's; `news = "..."` is for the pages of the section
    `news` and of the sections below it, the per-kind form (`[permalinks.page]`,
    `[permalinks.section]`) for that kind, `news/sub` for that section's, `/` for the pages at
    the root; not when two keys hold the page. The two forms may be mixed (`posts = "/p/:slug/"`
    beside `[permalinks.section]`): hugo 0.168 takes the plain keys for pages, and a per-kind
    table's for its kind; a section both name for pages is left unknown (the one hugo 0.168 keeps
    is a Go map's order)."""
    table = site._language_settings(language).get("permalinks", site.raw.get("permalinks"))
    if not table:
        return None
    if not isinstance(table, dict):
        return _UNKNOWN
    nested = {key for key, value in table.items() if isinstance(value, dict)}
    if nested:
        if not nested <= _KINDS:
            return _UNKNOWN
        plain = {key: value for key, value in table.items() if key not in nested}
        # A plain key may name a section called `page` (`page = "/:slug/"`): only a table is
        # the kind's.
        own = table[kind] if kind in nested else {}
        if kind != "page" or not plain:
            table = own
        elif {_key_name(key) for key in plain} & {_key_name(key) for key in own}:
            return _UNKNOWN
        else:
            table = {**plain, **own}
    elif kind != "page":
        return None
    sections = logical if kind == "section" else site.section_of(logical.rpartition("/")[0])
    if sections is None:
        return _UNKNOWN
    # The key `/` (or `""`) is for the pages at the root only (`about.md`), which no other key
    # moves (hugo 0.168: with only `posts = ...`, `about.md` is at `/about/`).
    found: list[object] = []
    if not sections:
        if kind == "section":
            return _UNKNOWN if table else None  # the home page's
        found = [value for key, value in table.items() if not str(key).strip("/")]
    for key, value in table.items() if sections else ():
        name = _key_name(key)
        if name and (sections == name or sections.startswith(name + "/")):
            found.append(value)
    if not found:
        return None
    # Two keys that hold the page (`news` and `news/sub`): which one hugo 0.168 takes changes
    # from one build to the next (a Go map's order).
    return found[0] if len(found) == 1 and isinstance(found[0], str) else _UNKNOWN


def _key_name(key: object) -> str:
    """A `[permalinks]` key as it names a section (`/news/` is `news`)."""
    return str(key).strip("/").lower()


def _ugly(site: Site, logical: str) -> bool | None:
    """Whether a page at `logical` has an ugly URL (`news/budget.html`): the site's `uglyURLs`
    true, or true for its top-level section (`uglyURLs = {news = true}`, which hugo 0.168
    applies to the sections below too, in every language; a language's own `uglyURLs` it
    ignores). None when that cannot be told."""
    value = site.raw.get("uglyurls")
    if isinstance(value, dict):
        value = {str(key).lower(): item for key, item in value.items()}.get(
            logical.partition("/")[0], False
        )
        return _go_bool(value)
    return ugly_urls(value)


def ugly_urls(value: Any) -> bool | None:
    """The site-wide `uglyURLs` (not a table of sections) as hugo 0.168 reads it (checked with
    the binary): on for `true` and the string "true" as written only (`"True"`, `"yes"`, `" true"`,
    `1` leave it off); None for a value of another kind."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value is True or value == "true"
    return None


# The strings Go's `strconv.ParseBool` takes, which hugo 0.168 accepts for a section in a table of
# `uglyURLs` (`{news = "True"}`, `{news = "1"}`, `{news = 1}` are on; `"yes"`, `" true"` off).
_GO_TRUE = frozenset({"1", "t", "T", "TRUE", "true", "True"})


def _go_bool(value: Any) -> bool | None:
    """A section's value in a table of `uglyURLs`, as hugo 0.168 reads it (checked with the
    binary); None for a value of another kind."""
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, (int, float)):
        return value != 0
    if isinstance(value, str):
        return value in _GO_TRUE
    return None


_TOKEN = re.compile(r":([A-Za-z_]+)(\[[^\]]*\])?")


def _expand(ctx: Context, pattern: str, logical: str, section: bool) -> str | None:
    """The URL path a `[permalinks]` pattern gives the page, as hugo 0.168 expands it (checked
    with the hugo binary): `:year`, `:month`, `:day` of its date in the offset it is written in;
    `:section` and `:sections` (a `[a:b]` slice) of its file's path (a section page's own folder
    included), not of the sections' slugs; `:title`, `:slug` (else the title) as `urlize` makes
    them; `:filename` and `:contentbasename` (a bundle's folder), `:slugorfilename`,
    `:slugorcontentbasename`. None for any other token, a page without a date, or a value not
    modelled."""
    expanded = _tokens_replaced(ctx, pattern, logical, section)
    if expanded is None:
        return None
    path = go_lower(expanded.replace(" ", "-"))
    segments = [part for part in path.split("/") if part]
    if any(part in (".", "..") or ":" in part for part in segments):
        return None
    return "/".join(segments)


def url_tokens_expanded(ctx: Context, url: str, logical: str, section: bool) -> str | None:
    """A page's `url` with the permalink tokens in it expanded, as hugo 0.168 does
    (`url: /:section/:year/:month/:slug/`, as the Kubernetes blog writes it, is
    `/blog/2015/07/launch/`; checked with the binary): the tokens of `_expand`, their values in
    lower case, the rest as written (`/Blog/:slug/` is `/Blog/launch/`). The `url` itself when it
    has no colon; None when a token is not modelled (hugo 0.168 fails on an unknown one) or a
    colon is left that is no token (`/10:30-meeting/`, which hugo rewrites)."""
    if ":" not in url:
        return url
    expanded = _tokens_replaced(ctx, url, logical, section, lower=True)
    return None if expanded is None or ":" in expanded else expanded


def _tokens_replaced(
    ctx: Context, text: str, logical: str, section: bool, *, lower: bool = False
) -> str | None:
    """`text` with each permalink token replaced by its value on the page (`_token_value`; with
    `lower`, in lower case with `-` for spaces, as in a `url`); None when one is not modelled."""
    parts: list[str] = []
    place = 0
    for token in _TOKEN.finditer(text):
        parts.append(text[place : token.start()])
        place = token.end()
        value = _token_value(ctx, token, logical, section)
        if value is None:
            return None
        parts.append(go_lower(value.replace(" ", "-")) if lower else value)
    parts.append(text[place:])
    return "".join(parts)


def _token_value(ctx: Context, token: re.Match[str], logical: str, section: bool) -> str | None:
    """What one permalink token (see `_expand`) stands for on the page; None when not modelled.
    `:sections` may be empty."""
    document = ctx.document
    folder, _, name = logical.rpartition("/")
    word, index = token.group(1).lower(), token.group(2)
    if index is not None and word != "sections":
        return None
    value: str | None
    if word in ("year", "month", "day"):
        time = _page_date(ctx)
        if time is None:
            return None
        number = getattr(time, word)
        value = str(number) if word == "year" else f"{number:02d}"
    elif word == "section":
        # a section page's is its top-level section, itself at the top (hugo 0.168: `/s/:section/`
        # puts `news/sub/_index.md` at `/s/news/`)
        value = logical.partition("/")[0] if section or "/" in logical else None
    elif word == "sections":
        # a section page's takes in its own folder (`/t/:sections/`: `news/sub/_index.md` at
        # `/t/news/sub/`, whatever the sections' slugs; checked with the binary); a page's is
        # its section's path, which a folder without an `_index` file is not part of
        # (`news/sub/a.md` is in `news` then: `/:sections/:filename/` is `/news/a/`)
        site = document.site
        sections = logical if section or site is None else site.section_of(folder)
        return None if sections is None else _sliced(sections, index)
    elif word == "title":
        value = _title(document)
    elif word in ("slug", "slugorfilename", "slugorcontentbasename"):
        slug = hugo_text(document, "slug")
        if slug is not None and slug.strip():
            value = urlized(slug.strip())
        elif word == "slug":
            value = _title(document)
        else:
            value = None if section else name
    elif word in ("filename", "contentbasename") and not section:
        value = name
    else:
        return None
    return value or None


def _title(document: Document) -> str | None:
    """The page's title as `:title` makes it (None when it has none or it is not modelled)."""
    title = hugo_text(document, "title")
    return urlized(title.strip(), title=True) if title is not None and title.strip() else None


def _sliced(sections: str, index: str | None) -> str | None:
    """`:sections` with Hugo's slice (`[1:]`, `[:2]`, `[1:2]`, `[:last]`; it may be empty: hugo
    0.168 makes `/:sections[1:]/:filename/` of `news/budget.md` `/budget/`) or one of them
    (`[last]`, `[0]`); None for another index form."""
    parts = sections.split("/") if sections else []
    if index is not None:
        index = index.replace(" ", "").lower()
        # `[last]`, `[0]` (one section) and `[:last]` (all but the last), as hugo 0.168 reads
        # them: `/gg/:sections[last]/` of `g/_index.md`'s page is `/gg/g/` (checked with the binary)
        one = re.fullmatch(r"\[(\d+|last)\]", index)
        if one is not None:
            if not parts:
                return None
            at = len(parts) - 1 if one.group(1) == "last" else int(one.group(1))
            return parts[at] if at < len(parts) else None
        index = index.replace(":last]", f":{max(len(parts) - 1, 0)}]")
        found = re.fullmatch(r"\[(\d*):(\d*)\]", index)
        if found is None:
            return None
        start = int(found.group(1) or 0)
        end = int(found.group(2)) if found.group(2) else len(parts)
        if start > end or end > len(parts):
            return None
        parts = parts[start:end]
    return "/".join(parts)


def _page_date(ctx: Context) -> GoTime | None:
    """The page's `.Date` as Hugo resolves it (its `[frontmatter]` sources), in the offset Hugo
    shows it in; None when it has none (year 1) or it cannot be told (a file's time)."""
    found = hugo_dates(ctx).targets.get("date")
    reading = found.reading if found is not None else None
    if reading is None or reading.kind != "ok" or reading.time is None:
        return None
    return reading.time


def _site_path(path: str, site: Site) -> str | None:
    """`path` as a key: without `baseURL`'s path, a language prefix, `index.html` and the slashes
    at the ends, lower case; None for a file other than `index.html` (an image, a feed)."""
    found = split_site_path(path, site)
    return None if found is None else found[1]


def split_site_path(path: str, site: Site) -> tuple[str, str] | None:
    """The language prefix of `path` (lower case, else "") and `path` as `_site_path` gives it."""
    written_in, segments = site.url_segments("/" + path.strip())
    if segments and segments[-1].lower() == "index.html":
        segments.pop()
    if segments and "." in segments[-1] and not segments[-1].lower().endswith(".html"):
        return None  # a file; `x.html` is a page's under `uglyURLs` (or its `url`)
    return written_in, "/".join(segments).lower()


def language_folder(site: Site, language: str) -> str:
    """The language's folder in `public/` ("fr/"), "" for the default language unless the site
    sets `defaultContentLanguageInSubdir` (hugo 0.168). Asked for every page: once per site and
    language (both settings are the configuration's, and a new configuration is a new `Site`)."""
    memo: dict[str, str] = site.__dict__.setdefault("_language_folder_memo", {})
    found = memo.get(language)
    if found is None:
        found = memo[language] = _language_folder(site, language)
    return found


def _language_folder(site: Site, language: str) -> str:
    default = language.lower() == site.default_language.lower()
    if default and not config_true(site.raw.get("defaultcontentlanguageinsubdir")):
        return ""
    return language.lower() + "/"


def multihost(site: Site) -> bool:
    """Whether the site gives its languages hosts of their own (a `baseURL` per language)."""
    languages = site.raw.get("languages")
    return isinstance(languages, dict) and any(
        isinstance(table, dict) and table.get("baseurl") for table in languages.values()
    )


def config_true(value: Any) -> bool:
    """Whether a site setting is on: `true`, or the string "true" in any case."""
    if isinstance(value, str):
        return value.strip().lower() == "true"
    return value is True


def publish_window(ctx: Context, site: Site, language: str) -> tuple[int | None, int | None] | None:
    """When the page is built, as epoch seconds (published from, expires), each None when it
    does not apply (no date, or the site's `buildFuture`, `buildExpired` for the language);
    None when it cannot be told (a date from the file's modification time). Compared with the
    clock when the run ends (duplicate-url, ref-not-found). Worked out once per document: both
    ask it of every page."""
    key = ("publish-window", id(ctx.config), id(site), language)
    return ctx.document.memo(key, _publish_window, ctx, site, language)


def _publish_window(
    ctx: Context, site: Site, language: str
) -> tuple[int | None, int | None] | None:
    found = hugo_dates(ctx).targets
    # The language's `buildFuture` and `buildExpired`: once per site and language (the
    # configuration's, and a new configuration is a new `Site`).
    memo: dict[str, tuple[tuple[str, bool], ...]] = site.__dict__.setdefault(
        "_publish_window_memo", {}
    )
    ignored_by_target = memo.get(language)
    if ignored_by_target is None:
        ignored_by_target = memo[language] = (
            ("publishdate", site.build_future_for(language)),
            ("expirydate", site.build_expired_for(language)),
        )
    bounds: list[int | None] = []
    for target, ignored in ignored_by_target:
        source = found.get(target)
        if source is None or ignored:
            bounds.append(None)
            continue
        reading = source.reading
        if reading is None or reading.kind != "ok" or reading.time is None:
            return None
        bounds.append(reading.time.epoch()[0])
    return bounds[0], bounds[1]
