"""What kind of page a document is, as Hugo builds it: shared by the rules that apply to articles
only. `build` and `headless` are read as Hugo gives them to the page: its own, else cascaded from
a section's `_index` file or the site configuration (`newslint.cascade`).

Their values are read as hugo 0.168 decodes them (each checked by building pages with them):
`headless` is a boolean, a number (not 0) or a word Go's `ParseBool` reads as true (`"true"`,
`"1"`, `"T"`); YAML 1.1's `on` and `yes` are text to Hugo's YAML and leave the page built. In
`build` (its keys in any case, `Build: {Render: never}`), `render` and `list` are never for the
word `never` as written (`Never` is no value Hugo knows, and it keeps the default) and for a
boolean false or the number 0; the string `"false"`, and `off` or `no`, keep the page rendered
and listed. The older `_build` fails the build in hugo 0.168 (removed after 0.145), but is still
read here for what its author meant."""

from __future__ import annotations

from typing import Any

from newslint.document import Document
from newslint.events import Node
from newslint.schema import GO_BOOLS, hugo_reading
from newslint.site import Site, component_name
from newslint.spans import Span


def _hugo_value(document: Document, key: str) -> Any:
    """The page's value of `key` as Hugo's readers give it: its own field with YAML 1.1's words
    (`on`, `no`) as the text they are to Hugo, `0o17` as the number it is to Hugo and every map
    key in lower case, else the cascade's."""
    found = document.field(key)
    if found is None:
        return document.effective_value(key)
    return _as_hugo(found.node, document.text)


def hugo_value(document: Document, key: str) -> Any:
    """The page's value of `key` (lower case) as Hugo reads it, its own or cascaded."""
    return _hugo_value(document, key)


def hugo_text(document: Document, key: str) -> str | None:
    """The text Hugo gives the page's own string field `key` (`title`, `slug`), which it decodes
    weakly: a string as it is, a YAML 1.1 word as written (`1:30`, which PyYAML reads as 90;
    `yes`, which it reads as true), an integer's digits (`title: 2025`), a boolean's `true` or
    `false`; None without the field, or for another value (a float, a list)."""
    found = document.field(key)
    if found is None:
        return None
    value = _as_hugo(found.node, document.text)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return value if isinstance(value, str) else None


def _as_hugo(node: Node, text: str) -> Any:
    reading = hugo_reading(node, text)
    if reading is not None:
        return reading[1]
    if node.kind == "map":
        return {str(entry.key).lower(): _as_hugo(entry.node, text) for entry in node.entries}
    return node.value


def _true(value: Any) -> bool:
    """A boolean as Hugo decodes one (cast.ToBool): a number not 0, a `ParseBool` word."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    return isinstance(value, str) and GO_BOOLS.get(value) is True


def _never(value: Any) -> bool:
    """Whether a `build.render` or `build.list` value means never: `never` as written, or a
    boolean false or 0 (from the days the options were booleans)."""
    if isinstance(value, str):
        return value == "never"
    return value is False or (isinstance(value, int | float) and value == 0)


def build_options(document: Document) -> list[tuple[str, dict[Any, Any]]]:
    """The page's `build` options (its own or cascaded), under the current key and then the older
    spelling `_build` (still read for what it meant), each with the key it is written under and
    its option names in lower case."""
    found: list[tuple[str, dict[Any, Any]]] = []
    for key in ("build", "_build"):
        options = _hugo_value(document, key)
        if isinstance(options, dict):
            found.append((key, {str(name).lower(): value for name, value in options.items()}))
    return found


def hugo_true(document: Document, key: str) -> bool:
    """Whether Hugo reads the page's boolean `key` (`draft`, `headless`), its own or cascaded,
    as true: `draft: "true"` is a draft, `draft: yes` is not (text to Hugo's YAML)."""
    return _true(_hugo_value(document, key))


def _headless(document: Document) -> bool:
    return hugo_true(document, "headless")


def never_rendered(document: Document) -> bool:
    """Whether Hugo never renders the page itself: `headless: true` or `build.render` never or
    `link` (a page listed with a permalink and no file of its own; or the older `_build`). Its
    body is never shown, though the page may still be listed (with its title and summary) when
    `build.list` is not never. A leaf bundle's resource (`story/notes.md` beside
    `story/index.md`) is no page at all (`Document.bundle_resource`)."""
    # Asked by several rules of every document: worked out once for it.
    return document.memo("never-rendered", _never_rendered, document)


def _never_rendered(document: Document) -> bool:
    if _headless(document) or document.bundle_resource:
        return True
    return any(
        _never(options.get("render")) or options.get("render") == "link"
        for _, options in build_options(document)
    )


def never_shown(document: Document) -> bool:
    """Whether readers never see the page anywhere: `headless: true`, or `build.render` and
    `build.list` both never. Such a page is a fragment other pages draw from (a headless bundle, a
    snippet a shortcode includes), not an article; a page rendered as a link (`render: link`) or
    listed without being rendered (`render: never` with `list` always or local) still shows its
    title and summary. A leaf bundle's resource (`story/notes.md` beside `story/index.md`) is no
    page either: a template may draw on it, never show it as an article."""
    # Asked by several rules of every document: worked out once for it.
    return document.memo("never-shown", _never_shown, document)


def _never_shown(document: Document) -> bool:
    if _headless(document) or document.bundle_resource:
        return True
    return any(
        _never(options.get("render")) and _never(options.get("list"))
        for _, options in build_options(document)
    )


# Layouts that show the page's own text, as sites imported from Jekyll keep them (`post`, `page`,
# `default`) and Hugo names its own (`single`): a page naming one is an article like any other.
_CONTENT_LAYOUTS = frozenset({"post", "posts", "page", "default", "single", "article", "blog"})


def own_layout(document: Document) -> bool:
    """Whether the page names a `layout` of its own, a template that draws it (an archive, a
    search page, a résumé drawn from data), not one of the layouts that show an article's text
    (`layout: post`, `single`)."""
    layout = document.value("layout")
    return (
        isinstance(layout, str)
        and bool(layout.strip())
        and layout.strip().lower() not in _CONTENT_LAYOUTS
    )


def drawn_by_its_layout(document: Document) -> bool:
    """Whether the page is one its own template draws rather than an article: it names a
    `layout` of its own (`own_layout`) and has no body (PaperMod's and Stack's `archives` and
    `search` pages, a résumé page drawn from data). Its template lists or searches the site's
    articles; the page has no date, summary or source of its own to give. A page with text under
    its `layout`, or with an empty body under `layout: post` (a Jekyll import's failed scrape), is
    an article as any other."""
    return own_layout(document) and not document.body.strip()


def menu_page(document: Document) -> bool:
    """Whether the page is in one of the site's menus: it puts itself there from its own front
    matter (`menu: main`, `menu: {main: {weight: -90}}`, a list of menu names; `menus` is Hugo's
    other spelling), or a menu entry of the site's configuration names it by its path (`pageRef:
    /about`, the site's or its language's `menu`/`menus`). It is then a standing page readers
    reach from the site's navigation (About, Contact, Links), not an article with a date, a
    summary and a source to give. An empty `menu` (`""`, `[]`, `{}`) puts the page in no menu.
    An entry's `url` (`url: /about/`, as PaperMod's sites write their menus) names the page whose
    own `url` it is or, on a site without `[permalinks]`, the page without a `slug` at that path;
    a URL with a scheme or a query names none."""
    return document.memo("menu-page", _menu_page, document)


def _menu_page(document: Document) -> bool:
    for key in ("menu", "menus"):
        value = document.value(key)
        if isinstance(value, str) and _menu_name(value):
            return True
        if isinstance(value, list) and any(
            not isinstance(name, str) or _menu_name(name) for name in value
        ):
            return True
        if isinstance(value, dict) and value:
            return True
    site = document.site
    if site is None or not site.raw:
        return False
    refs, urls = _site_menu_targets(site, document.language)
    if not (refs or urls):
        return False
    from ._page_urls import logical_path  # it imports this module

    found = logical_path(document)
    if found is not None and found[0] and found[0] in refs:
        return True
    own_url = document.value("url")
    if isinstance(own_url, str) and own_url.strip():
        return _menu_path(own_url) in urls
    # Without a `url`, a `slug` or `[permalinks]`, Hugo makes the page's URL from its path.
    if document.field("slug") is not None or site.raw.get("permalinks"):
        return False
    return found is not None and bool(found[0]) and found[0] in urls


def _menu_name(value: str) -> bool:
    """Whether `value` names a menu a theme can draw: a name of white space and control or
    invisible characters alone (`menu: "\\x1b"`, a paste's debris) is as empty as `""`, which
    `invisible-char` and `control-char` remove."""
    return any(char.isprintable() and not char.isspace() for char in value)


def _menu_path(value: str) -> str:
    """A menu entry's page path or URL as compared here: lower case, without the slashes around
    it or a `.md` extension, an `index` file named by its folder."""
    path = value.strip().strip("/").lower().removesuffix(".md")
    return path.removesuffix("/index").removesuffix("/_index")


def _site_menu_targets(site: Site, language: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """`_menu_targets` of the site's configuration, worked out once per site and language (every
    article asks; a new configuration is a new `Site`)."""
    memo: dict[str | None, tuple[frozenset[str], frozenset[str]]]
    memo = site.__dict__.setdefault("_menu_targets_memo", {})
    found = memo.get(language)
    if found is None:
        found = memo[language] = _menu_targets(site.raw, language)
    return found


def _menu_targets(
    raw: dict[str, Any], language: str | None
) -> tuple[frozenset[str], frozenset[str]]:
    """The page paths the configuration's menu entries name with `pageRef`, and the site paths
    they name with `url` (`_menu_path`), site-wide and for `language`."""
    tables: list[Any] = [raw.get("menu"), raw.get("menus")]
    languages = raw.get("languages")
    if isinstance(languages, dict) and language:
        for name, settings in languages.items():
            if str(name).lower() == language.lower() and isinstance(settings, dict):
                tables += [settings.get("menu"), settings.get("menus")]
    found: dict[str, set[str]] = {"pageref": set(), "url": set()}
    for table in tables:
        for entries in table.values() if isinstance(table, dict) else ():
            for entry in entries if isinstance(entries, list) else (entries,):
                if not isinstance(entry, dict):
                    continue
                for key, value in entry.items():
                    kind = found.get(str(key).lower())
                    # A URL with a scheme or a query is no page of the site's own path.
                    if kind is None or not isinstance(value, str) or ":" in value or "?" in value:
                        continue
                    path = _menu_path(value)
                    if path:
                        kind.add(path)
    return frozenset(found["pageref"]), frozenset(found["url"])


def documentation_page(document: Document) -> bool:
    """Whether Hugo lays the page out as documentation: its type is `docs`, from its own `type`,
    else a section's or the site's `cascade` (Docsy's pages carry `type: docs`), else its
    top-level section (`content/docs/`, where Hextra, Hugo Book and Doks keep their docs; a page
    without a `type` takes its section's name as its type, and Hugo's page paths are lower case);
    and the site has a layout for such pages (`docs_site`). A documentation page is no article:
    ordered by its `weight`, it has no date, summary or source to give, and the news checks of an
    article do not apply to it. On a news site without one, a `docs/` section is news like any
    other: hugo 0.168 draws its pages with the default templates."""
    return document.memo("documentation-page", _documentation_page, document)


def _documentation_page(document: Document) -> bool:
    kind = _hugo_value(document, "type")
    if isinstance(kind, str) and kind.strip():
        return kind.strip().lower() == "docs" and docs_site(document.site)
    from ._crossfile import content_path

    inside = content_path(document)
    if inside is None:
        return False
    section, slash, _ = inside.partition("/")
    return bool(slash) and section.lower() == "docs" and docs_site(document.site)


# Themes made for documentation (the last segment of their folder or module path, lower case):
# they draw every page as documentation, some with no `layouts/docs/` of their own (Hugo Book,
# Relearn), and a module of theirs may not be on disk.
_DOCS_THEMES = frozenset(
    {
        "docsy",
        "hextra",
        "hugo-book",
        "doks",
        "doks-core",
        "hugo-geekdoc",
        "hugo-theme-relearn",
        "hugo-theme-learn",
        "hugo-theme-techdoc",
        "docdock",
        "hugo-theme-docdock",
        "lotusdocs",
    }
)


def docs_site(site: Site | None) -> bool:
    """Whether the site lays pages of type `docs` out as documentation: its layouts or its
    theme's have a template for them (`Site.docs_layouts`: `layouts/docs/single.html`, or a
    theme component not on disk, whose templates cannot be read), or its theme is one made for
    documentation (Docsy, Hextra, Hugo Book, Doks, Geekdoc, Relearn, Lotus Docs). Taken to be
    so for a file of no Hugo site, whose layouts are not known."""
    if site is None or site.root is None:
        return True
    if site.docs_layouts:
        return True
    return not _theme_names(site).isdisjoint(_DOCS_THEMES)


def hugo_book_site(site: Site | None) -> bool:
    """Whether the site's theme is Hugo Book (`hugo-book`, as a theme folder or a module path),
    whose pages show only their content (the theme's own documentation starts each page with its
    `# Title`) and whose menu, header and browser title fall back on the file's name for a page
    without a `title` (its `docs/title` partial)."""
    return site is not None and "hugo-book" in _theme_names(site)


def _theme_names(site: Site) -> set[str]:
    """The site's theme components by name (`newslint.site.component_name`)."""
    names = site.themes or ((site.theme,) if site.theme else ())
    return {component_name(name) for name in names}


# Themes that link an article with an `externalUrl` to that address instead of its own page
# (Congo's and Blowfish's documented front matter: "the URL to this article" published on a
# third-party website): the article's source.
_EXTERNAL_URL_THEMES = frozenset({"congo", "blowfish"})


def external_url_site(site: Site | None) -> bool:
    """Whether the site's theme links articles to their `externalUrl` (Congo, Blowfish)."""
    return site is not None and not _theme_names(site).isdisjoint(_EXTERNAL_URL_THEMES)


def opening_delimiter(document: Document) -> Span:
    """Where a diagnostic about the front matter as a whole points: its opening delimiter, `---`
    or `+++`, or the `{` that opens JSON front matter (one character: the rest of that line is
    already the first member). The file's start when there is no front matter."""
    block = document.front_matter_block
    if block is None:
        return Span(0, 0)
    width = 1 if document.front_matter_format == "json" else 3
    return Span(block.start, min(block.start + width, len(document.text)))
