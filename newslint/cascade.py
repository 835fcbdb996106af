"""Hugo's `cascade`: front-matter values a page gets from its sections and the site configuration.

A section's `_index` file (`content/news/_index.md`, any content format and any front-matter
format) and the site configuration (`cascade` in `hugo.toml` or `config/`, and a language's own
`[languages.fr.cascade]`) can set front-matter values for pages below. This module gathers them,
once per folder and run, so that each `Document` has an effective view (`Document.cascade`,
`Document.effective_value`) the rules consult where Hugo would; rules never read files.

How Hugo 0.168 applies them (each point checked by building a site with it):

- A cascade is a map or a list of maps. Its keys are front-matter keys (`title`, `date`, `summary`,
  `build`, `sidebar`, ...) and `params`; each applies to the page that holds it (a section's
  `_index` file, and an article too) and to every page below it, a key the page sets itself always
  winning.
- The closest cascade wins, key by key: a section's over its parent's, an `_index` file's over
  the site configuration's, and within one list the first entry that sets the key. `params`
  is merged one key deeper (a parent's `params.a` and a child's `params.b` both reach the page);
  any other map (`build`) is taken whole from the closest cascade that sets it.
- In the configuration, a site-wide `cascade` wins over a language's own (`[languages.fr.cascade]`).
- An entry's `target` (or the older `_target`) limits it to pages matching all it gives: `path`,
  a glob over the page's path (`/news/a` for `news/a.md` and `news/a/index.md`, `/news` for
  `news/_index.md`, lower-cased, language suffix dropped: `/news/**` matches pages below `/news`,
  not `/news` itself; `*` stays within one path segment, `{a,b}` is either), `kind` (`page`,
  `section`, `home`, and `taxonomy` and `term` for `content/tags/_index.md` and
  `content/tags/economy/_index.md`), `lang` and `environment` (the build's, `production` for `hugo`), each a
  glob matched without case; and `sites.matrix.languages` (what replaced `lang` in Hugo 0.150,
  which fails a build that still uses `lang`), one glob or a list, `! en` excluding.
- An `_index` file is one language's: `_index.md` the default language's (or the language whose
  contentDir holds it), `_index.fr.md` French; its cascade reaches only pages in that language.
- A value in `cascade.params` is a page parameter (`.Params.color`), not a field: `params.title`
  is no title. A key outside Hugo's own fields is a parameter either way (`cascade.sidebar` and
  `cascade.params.sidebar` are both `.Params.sidebar`).

Nothing here ever points a diagnostic or a fix at a cascaded value: it has no place in the
article's text.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newslint.site import lower_keys

try:  # `hashlib.blake2b` itself; importing hashlib would also load OpenSSL (milliseconds)
    from _blake2 import blake2b
except ImportError:  # an interpreter without CPython's module
    from hashlib import blake2b

if TYPE_CHECKING:
    from newslint.document import Document
    from newslint.site import Site

# Hugo's content formats (the files a section's `_index` can be written in).
CONTENT_SUFFIXES = (
    ".md",
    ".markdown",
    ".mdown",
    ".html",
    ".htm",
    ".org",
    ".adoc",
    ".asciidoc",
    ".ad",
    ".pandoc",
    ".pdc",
    ".rst",
)
# Hugo's own page fields (lower case): a cascaded `params.<one of these>` is a parameter, not
# the field. Any other key is a parameter whether cascaded at the top or under `params`.
HUGO_FIELDS = frozenset(
    {
        "aliases",
        "build",
        "_build",
        "cascade",
        "date",
        "description",
        "draft",
        "expirydate",
        "unpublishdate",
        "headless",
        "iscjklanguage",
        "keywords",
        "lastmod",
        "modified",
        "layout",
        "linktitle",
        "markup",
        "menus",
        "menu",
        "outputs",
        "params",
        "publishdate",
        "pubdate",
        "published",
        "resources",
        "sitemap",
        "slug",
        "summary",
        "title",
        "translationkey",
        "type",
        "url",
        "weight",
    }
)
_TARGET_KEYS = ("target", "_target")
_TARGET_FIELDS = ("path", "kind", "lang", "environment")


@dataclass(frozen=True)
class CascadeEntry:
    """One map of a cascade: its values (keys lower-cased, the target taken out) and the globs of
    its target (None: any)."""

    values: tuple[tuple[str, Any], ...]
    targets: tuple[tuple[str, str], ...] = ()  # (field, glob) of the target
    languages: tuple[str, ...] = ()  # the target's `sites.matrix.languages` globs, as written

    def applies(self, page: PageInfo) -> bool:
        for name, pattern in self.targets:
            subject = getattr(page, name)
            if subject is None or not glob_regex(pattern, name == "path").fullmatch(subject):
                return False
        return not self.languages or _matrix_allows(self.languages, page)


def _matrix_allows(patterns: tuple[str, ...], page: PageInfo) -> bool:
    """Whether a target's `sites.matrix.languages` globs take in the page's language; a matrix
    that takes in no language limits nothing (hugo 0.168)."""
    chosen = chosen_languages(patterns, page.languages or ((page.lang,) if page.lang else ()))
    return not chosen or page.lang in chosen


def chosen_languages(patterns: tuple[str, ...], names: tuple[str, ...]) -> list[str]:
    """The `names` (lower case) that `sites.matrix.languages` globs take in, as hugo 0.168 reads
    them: those the globs name (every one when the first glob is a negation, `! en`), less
    those a negation names; in the order of `names`. Only `! ` with its one space negates, and
    the glob after it is taken as written: `!en` is a glob that names nothing, `!  en` a
    negation of ` en`, which names nothing either (the `patterns` come trimmed)."""
    negations = [p[2:] for p in patterns if p.startswith("! ")]
    positives = [p for p in patterns if not p.startswith("! ")]

    def named(name: str, globs: list[str]) -> bool:
        return any(glob_regex(glob, False).fullmatch(name) for glob in globs)

    return [
        name
        for name in names
        if (patterns[0].startswith("! ") or named(name, positives)) and not named(name, negations)
    ]


@dataclass(frozen=True)
class PageInfo:
    """What a cascade target is matched against."""

    path: str  # `/news/a`, lower case
    kind: str  # page, section, home, taxonomy or term
    lang: str | None
    environment: str
    languages: tuple[str, ...] = ()  # the site's languages, lower case


def entries_of(value: Any) -> tuple[CascadeEntry, ...]:
    """The entries of a `cascade` value as written (a map, or a list of maps); anything else
    (which Hugo refuses: `field-type` reports it) gives none."""
    maps = value if isinstance(value, list) else [value]
    found: list[CascadeEntry] = []
    for item in maps:
        if not isinstance(item, dict):
            continue
        try:
            lowered = lower_keys(item)
        except RecursionError:  # a hostile file nested beyond Python's stack: no page's value
            continue
        target: Any = None
        for key in _TARGET_KEYS:
            if isinstance(lowered.get(key), dict):
                target = lowered[key]
                break
        targets = tuple(
            (name, str(target[name]).lower())
            for name in _TARGET_FIELDS
            if isinstance(target, dict) and isinstance(target.get(name), str) and target[name]
        )
        values = tuple((k, v) for k, v in lowered.items() if k not in _TARGET_KEYS)
        if values:
            found.append(CascadeEntry(values, targets, _matrix_languages(target)))
    return tuple(found)


def _matrix_languages(target: Any) -> tuple[str, ...]:
    """A target's `sites.matrix.languages` (Hugo 0.150's replacement of `lang`)."""
    return matrix_patterns(target.get("sites") if isinstance(target, dict) else None)


def matrix_patterns(sites: Any) -> tuple[str, ...]:
    """The `matrix.languages` of a `sites` value (a cascade target's or a page's own): one glob
    or a list of them, as written; () when it has none. Hugo matches them with case against its
    lower-case language names: `zh-CN` takes in no language, `zh-cn` does (hugo 0.168)."""
    languages = _key(_key(sites, "matrix"), "languages")
    listed = [languages] if isinstance(languages, str) else languages
    if not isinstance(listed, list):
        return ()
    return tuple(item.strip() for item in listed if isinstance(item, str) and item.strip())


def _key(value: Any, key: str) -> Any:
    """`value[key]` of a map, the key matched without case as Hugo reads keys; None if none."""
    if isinstance(value, dict):
        for name, item in value.items():
            if str(name).lower() == key:
                return item
    return None


def merge(entries: list[CascadeEntry], page: PageInfo) -> dict[str, Any]:
    """The values of the entries that apply to `page`, the first that sets a key winning
    (`params` merged one key deeper)."""
    out: dict[str, Any] = {}
    for entry in entries:
        if not entry.applies(page):
            continue
        for key, value in entry.values:
            if key == "params" and isinstance(value, dict):
                params = out.get("params")
                if isinstance(params, dict):
                    for inner, item in value.items():
                        params.setdefault(inner, item)
                elif "params" not in out:
                    out["params"] = dict(value)
            else:
                out.setdefault(key, value)
    return out


def cascaded_value(cascade: dict[str, Any], key: str, default: Any = None) -> Any:
    """What the cascade gives the page for `key` (lower-cased): the key itself, or for a page
    parameter (not one of Hugo's fields) also `params.<key>`; `default` when neither."""
    lowered = key.lower()
    if lowered in cascade:
        return cascade[lowered]
    params = cascade.get("params")
    if lowered not in HUGO_FIELDS and isinstance(params, dict) and lowered in params:
        return params[lowered]
    return default


def has_cascaded(cascade: dict[str, Any], key: str) -> bool:
    marker = object()
    return cascaded_value(cascade, key, marker) is not marker


# ------------------------------------------------------------------------------ gathering


def page_info(site: Site, path: str, language: str | None) -> tuple[PageInfo, str] | None:
    """The page's target subject and its logical folder in the content tree (`news/sub`, "" for
    the root); None when the file lies in no content folder of the site."""
    relative = site.content_path(path)
    if relative is None:
        return None
    *folders, name = relative.split("/")
    stem = name.rsplit(".", 1)[0] if "." in name else name
    head, dot, suffix = stem.rpartition(".")
    if dot and suffix.lower() in site._known_languages():
        stem = head
    parts = [*folders]
    if stem == "_index":
        kind = "section" if folders else "home"
        plurals = {v.lower() for v in site.taxonomies_for(language).values()}
        if folders and folders[0].lower() in plurals:
            # `content/tags/_index.md` is the taxonomy's page, `tags/economy/_index.md` a term's.
            kind = "taxonomy" if len(folders) == 1 else "term"
    else:
        kind = "page"
        if stem != "index":
            parts.append(stem)
    logical = "/" + "/".join(parts).lower().replace(" ", "-")
    lang = language.lower() if language else None
    languages = tuple(site._known_languages())
    return PageInfo(logical, kind, lang, site.environment.lower(), languages), "/".join(folders)


def cascade_for(document: Document) -> dict[str, Any]:
    """The values Hugo cascades onto the document's page (empty when none, or without a site)."""
    site = document.site
    if site is None or site.root is None:
        return {}
    language = document.language or site.language_of(document.path)
    # A page's own `cascade` reaches the page itself, an article's as much as a section's
    # (checked with hugo 0.168); an `_index` file's is read from the text being linted, not disk.
    own = document.field("cascade")
    memo = _memo(site)
    quick = (*_file_kind(document.path), language)
    if own is None and quick in memo.none:
        return {}
    found = page_info(site, document.path, language)
    if found is None:
        return {}
    page, folder = found
    entries: list[CascadeEntry] = []
    if own is not None:
        entries.extend(entries_of(own.value))
    chain = _chain(site, folder, language, skip_own=page.kind != "page")
    if not chain and own is None:
        memo.none.add(quick)
    entries.extend(chain)
    if not entries:
        return {}
    return merge(entries, page)


def root_cascades(site: Site, language: str | None, keys: tuple[str, ...]) -> bool:
    """Whether the cascade of the content root's `_index` file or of the configuration sets one
    of `keys` (lower case) for any target: what it may give a page Hugo makes without a file of
    its own (a top-level folder's list page)."""
    if site.root is None:
        return False
    return any(
        key in dict(entry.values)
        for entry in _chain(site, "", language, skip_own=False)
        for key in keys
    )


def fingerprint(site: Site, path: str, *, any_language: bool = False) -> str:
    """What the cascade of the file at `path` depends on besides its own bytes: the cascades of
    its sections' `_index` files and the configuration's, digested ("" when there are none).
    Part of the cache key, so editing an `_index` file re-lints the pages below it.
    `any_language`: the file may put itself in other languages than its path says (a `sites`
    matrix in its front matter), so the cascades of every language count."""
    if site.root is None:
        return ""
    if any_language:
        memo = _memo(site)
        return ",".join(
            _fingerprint(site, memo, path, language)
            for language in site._known_languages().values()
        )
    # The same for every file of a folder with the same language suffix (`x.fr.md`) and kind:
    # worked out once for them (a cached run asks this of every file before anything else).
    quick = _file_kind(path)
    memo = _memo(site)
    known = memo.files.get(quick)
    if known is None:
        known = memo.files[quick] = _fingerprint(site, memo, path, site.language_of(path))
    return known


def _file_kind(path: str) -> tuple[str, str, bool]:
    """What the cascade of a file depends on besides its own front matter: its folder, its
    language suffix (`x.fr.md`) and whether it is an `_index` file."""
    folder, name = os.path.split(path)
    parts = name.split(".")
    return folder, parts[-2].lower() if len(parts) >= 3 else "", parts[0] == "_index"


def _fingerprint(site: Site, memo: _Memo, path: str, language: str | None) -> str:
    found = page_info(site, path, language)
    if found is None:
        return ""
    key = (found[1], language)
    digest = memo.digests.get(key)
    if digest is None:
        chain = _chain(site, found[1], language, skip_own=False)
        try:
            text = repr(chain) if chain else ""
        except RecursionError:
            text = f"deep:{id(chain)}"  # not cached across runs (a fresh key each run)
        digest = blake2b(text.encode(), digest_size=12).hexdigest() if text else ""
        memo.digests[key] = digest
    return digest


def _chain(site: Site, folder: str, language: str | None, *, skip_own: bool) -> list[CascadeEntry]:
    """The cascade entries for a page in the logical `folder` in `language`, closest first: the
    `_index` files of the folder (unless `skip_own`: the page is that `_index`) and of each folder
    above it, then the configuration's."""
    memo = _memo(site)
    key = (folder, language, skip_own)
    found = memo.chain.get(key)
    if found is None:
        entries: list[CascadeEntry] = []
        parts = folder.split("/") if folder else []
        for depth in range(len(parts) - (1 if skip_own else 0), -1, -1):
            entries.extend(_index_entries(site, memo, "/".join(parts[:depth]), language))
        entries.extend(_config_entries(site, language))
        found = memo.chain[key] = tuple(entries)
    return list(found)


def _index_entries(
    site: Site, memo: _Memo, logical: str, language: str | None
) -> list[CascadeEntry]:
    """The cascade entries of the `_index` file of the logical folder in `language`."""
    out: list[CascadeEntry] = []
    for physical in _physical_folders(site, logical):
        for path, entries in _folder_indexes(site, memo, physical):
            if entries and _same_language(site.language_of(path), language):
                out.extend(entries)
    return out


def _same_language(one: str | None, other: str | None) -> bool:
    return (one or "").lower() == (other or "").lower()


def _physical_folders(site: Site, logical: str) -> list[str]:
    """The folders on disk that make up the logical content folder (`news`): one per content
    folder (a language's contentDir, a mount) that covers it."""
    out = []
    for base, target in site._content_roots():
        if not target:
            inner = logical
        elif logical == target or logical.startswith(target + "/"):
            inner = logical[len(target) + 1 :]
        else:
            continue
        out.append(os.path.join(os.fspath(base), *inner.split("/")) if inner else os.fspath(base))
    return out


def _folder_indexes(
    site: Site, memo: _Memo, folder: str
) -> list[tuple[str, tuple[CascadeEntry, ...]]]:
    """(path, cascade entries) of each `_index` content file in `folder`, read once; one Hugo
    does not read (`ignoreFiles`, a disabled language, a mount that leaves it out) is left out."""
    found = memo.folders.get(folder)
    if found is None:
        found = []
        try:
            names = sorted(
                entry.name
                for entry in os.scandir(folder)
                if entry.name.startswith("_index.")
                and entry.name.lower().endswith(CONTENT_SUFFIXES)
            )
        except (OSError, ValueError):
            names = []
        for name in names:
            path = os.path.join(folder, name)
            if not site.hugo_skips(path):
                found.append((path, _read_cascade(path)))
        memo.folders[folder] = found
    return found


def _read_cascade(path: str) -> tuple[CascadeEntry, ...]:
    """The cascade of one `_index` file's front matter (none when it cannot be read or parsed)."""
    from newslint.document import Document

    try:
        # Only a regular file is read: an `_index.md` that is a pipe nobody writes to was waited
        # on for ever (its own lint reports it, NL002). Looked at before it is opened (a device
        # is never opened) and after, on the open file, opened without waiting (O_NONBLOCK), so a
        # file swapped for a pipe in between is not waited on either.
        if not stat.S_ISREG(os.stat(path).st_mode):
            return ()
        with os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                return ()
            raw = stream.read(4 << 20)
    except (OSError, ValueError):
        return ()
    if b"cascade" not in raw.lower():
        return ()  # most `_index` files have none: no front-matter parse for them
    try:
        found = Document.from_bytes(raw, path).field("cascade")
    except Exception:  # a front matter newslint cannot parse: its own lint reports that
        return ()
    return entries_of(found.value) if found is not None else ()


def _config_entries(site: Site, language: str | None) -> list[CascadeEntry]:
    """The configuration's cascade for a page in `language`: the site-wide one first (it wins),
    then the language's own."""
    entries = list(entries_of(site.raw.get("cascade"))) if "cascade" in site.raw else []
    languages = site.raw.get("languages")
    if language and isinstance(languages, dict):
        own = languages.get(language.lower())
        if isinstance(own, dict) and "cascade" in own:
            entries.extend(entries_of(own["cascade"]))
    return entries


class _Memo:
    """Per site and run: each folder's `_index` cascades and each folder's chain."""

    def __init__(self) -> None:
        self.folders: dict[str, list[tuple[str, tuple[CascadeEntry, ...]]]] = {}
        self.chain: dict[tuple[str, str | None, bool], tuple[CascadeEntry, ...]] = {}
        self.digests: dict[tuple[str, str | None], str] = {}
        self.files: dict[tuple[str, str, bool], str] = {}
        # (folder, language suffix, `_index`?, language) of files whose pages get no cascade
        # but their own: most sites have none, and this answers for them without a path lookup.
        self.none: set[tuple[str, str, bool, str | None]] = set()


# By the site's id: the site and its memo (a site is no dictionary key: a dataclass compared by
# value). `clear_cascade_cache` empties it when an `_index` file changes (`newslint watch`).
_MEMOS: dict[int, tuple[Site, _Memo]] = {}


def _memo(site: Site) -> _Memo:
    known = _MEMOS.get(id(site))
    if known is None or known[0] is not site:
        if len(_MEMOS) >= 64:
            _MEMOS.clear()
        known = _MEMOS[id(site)] = (site, _Memo())
    return known[1]


def clear_cascade_cache() -> None:
    """Forget every `_index` cascade read so far (one changed, or a configuration did)."""
    _MEMOS.clear()


def is_index_file(path: str | os.PathLike[str]) -> bool:
    """Whether `path` names a section's `_index` content file, whose cascade reaches other pages."""
    name = os.path.basename(os.fspath(path))
    return name.startswith("_index.") and name.lower().endswith(CONTENT_SUFFIXES)


# Up to this many stars a glob is matched by its regex; with more, the regex engine's backtracking
# grows as the subject's length to the power of the stars (`**a**a**a**a**a**a**a**a**a**a**b`
# took seconds against a 40-character path), and `Glob` follows every reading at once instead.
_REGEX_STARS = 3
_MAX_ALTERNATIVES = 256  # brace alternatives spelled out for that; more keep the regex

# A glob's pieces: ("one" | "many", regex of one character) or ("open" | "bar" | "close", "").
_Piece = tuple[str, str]


class Glob:
    """A compiled glob: `fullmatch(subject)` tells whether it matches the whole subject, in
    time that grows with the subject's length times the glob's, however many stars it has.
    `pattern` is the regex it stands for."""

    def __init__(self, pieces: list[_Piece]) -> None:
        regex = {"open": "(?:", "bar": "|", "close": ")"}
        self.pattern = "".join(
            regex.get(kind) or (char + "*" if kind == "many" else char) for kind, char in pieces
        )
        try:
            self._regex: re.Pattern[str] | None = re.compile(self.pattern)
        except (re.error, RecursionError):  # RecursionError: braces nested hundreds deep
            self._regex = None  # a pattern Hugo cannot compile matches nothing
        self._alternatives: list[list[tuple[re.Pattern[str], bool]]] | None = None
        if self._regex is not None and sum(k == "many" for k, _ in pieces) > _REGEX_STARS:
            try:
                spelled = _spell_out(pieces, 0)[0]
            except RecursionError:
                spelled = []  # keep the regex
            if 0 < len(spelled) <= _MAX_ALTERNATIVES:
                cache: dict[str, re.Pattern[str]] = {}
                self._alternatives = [
                    [
                        (cache.get(c) or cache.setdefault(c, re.compile(c)), k == "many")
                        for k, c in alt
                    ]
                    for alt in spelled
                ]

    def fullmatch(self, subject: str) -> bool:
        if self._regex is None:
            return False
        if self._alternatives is None:
            return self._regex.fullmatch(subject) is not None
        return any(_run(alternative, subject) for alternative in self._alternatives)


def _spell_out(pieces: list[_Piece], i: int) -> tuple[list[list[_Piece]], int]:
    """The brace-free alternatives of `pieces` from `i` up to the `bar` or `close` that ends its
    group (or their end), and where it stopped; cut at one more than `_MAX_ALTERNATIVES`."""
    alternatives: list[list[_Piece]] = [[]]
    while i < len(pieces):
        kind = pieces[i][0]
        if kind in ("bar", "close"):
            break
        if kind == "open":
            options: list[list[_Piece]] = []
            i += 1
            while True:
                found, i = _spell_out(pieces, i)
                options.extend(found)
                if i >= len(pieces) or pieces[i][0] == "close":
                    break
                i += 1  # past the bar
            alternatives = [a + b for a in alternatives for b in options][: _MAX_ALTERNATIVES + 1]
        else:
            alternatives = [[*a, pieces[i]] for a in alternatives]
        i += 1
    return alternatives, i


def _run(pieces: list[tuple[re.Pattern[str], bool]], subject: str) -> bool:
    """Whether a brace-free glob matches all of `subject`, following every reading at once."""
    end = len(pieces)

    def closure(states: set[int]) -> set[int]:
        for i in sorted(states):
            while i < end and pieces[i][1]:  # a star may match nothing
                i += 1
                states.add(i)
        return states

    states = closure({0})
    for char in subject:
        states = closure(
            {
                i if pieces[i][1] else i + 1
                for i in states
                if i < end and pieces[i][0].fullmatch(char)
            }
        )
        if not states:
            return False
    return end in states


@lru_cache(maxsize=256)
def glob_regex(pattern: str, path: bool) -> Glob:
    """A Hugo (gobwas) glob as a regex: `**` any text, `*` and `?` within one path segment (any
    text for a non-path glob), `{a,b}` either, `[...]` a class (`[!...]` negated)."""
    one = "[^/]" if path else "."
    out: list[_Piece] = []
    depth = 0
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "*":
            # A run of stars is one `*` or `**`: written out as `.*.*.*`, the regex engine tries
            # every way of sharing the text among them (400 stars never ended on `zh-cn`).
            run = len(pattern) - i - len(pattern[i:].lstrip("*"))
            out.append(("many", "." if run > 1 else one))
            i += run
            continue
        elif char == "?":
            out.append(("one", one))
        elif char == "{":
            out.append(("open", ""))
            depth += 1
        elif char == "}" and depth:
            out.append(("close", ""))
            depth -= 1
        elif char == "," and depth:
            out.append(("bar", ""))
        elif char == "[":
            end = pattern.find("]", i + 1)
            if end < 0:
                out.append(("one", re.escape(char)))
            else:
                inner = pattern[i + 1 : end]
                negated = inner.startswith("!")
                inner = inner[1:] if negated else inner
                cls = "[" + ("^" if negated else "") + inner.replace("\\", "\\\\") + "]"
                out.append(("one", cls))
                i = end
        elif char == "\\" and i + 1 < len(pattern):
            out.append(("one", re.escape(pattern[i + 1])))
            i += 1
        else:
            out.append(("one", re.escape(char)))
        i += 1
    out.extend([("close", "")] * depth)
    return Glob(out)
