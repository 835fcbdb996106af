"""Jekyll's posts and collections, which newslint is also run on.

Outside a Hugo site (no `hugo.toml` or `config.*` above the file), a Markdown file in a `_posts`
folder whose name is `YYYY-MM-DD-title.ext` is a Jekyll post, and so is a draft in a `_drafts`
folder named so, or named otherwise on a Jekyll site (see `jekyll_post`): Jekyll reads only such
names in `_posts`
(its `Document::DATE_FILENAME_MATCHER`, which allows one-digit months and days, `2016-12-6-x.md`),
takes the post's date from the name when the front matter sets none, runs Liquid over its body
(`{{ "/assets/x.png" | relative_url }}` and plain `{{ "/assets/x.png" }}` alike), and splits a
string of `tags` or `categories` at white space (`tags: charlas bitcoins` is two tags). The
documents of the other collections the site's `_config.yml` declares are dated, held back and split
the same way (`jekyll_document`). A file in a Hugo site is Hugo's whatever its folder is called:
there none of this holds.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newslint.rule import Context

# Jekyll's `Document::DATE_FILENAME_MATCHER`, on the file's own name.
_POST_NAME = re.compile(r"(\d{2,4})-(\d{1,2})-(\d{1,2})-[^/]*\.[^./]+")

# The front-matter keys Jekyll splits at white space when they hold a string.
SPLIT_KEYS = frozenset({"tags", "categories"})

# The front-matter keys Jekyll itself reads (its documentation's "Front Matter" and "Posts"):
# `category` and `tag` are a post's one category and tag as `categories` and `tags` list several
# (its `Utils.pluralized_array_from_hash`), `published: false` leaves
# the page out, `excerpt` replaces the excerpt Jekyll cuts.
JEKYLL_KEYS = frozenset(
    {
        "layout",
        "permalink",
        "published",
        "date",
        "category",
        "categories",
        "tag",
        "tags",
        "excerpt",
        "excerpt_separator",
        "render_with_liquid",
    }
)


def _post_folder(path: str) -> tuple[str, str] | None:
    """The `_posts` or `_drafts` folder a file lies in (the nearest) and the file's name."""
    normalised = path.replace("\\", "/")
    if "_posts/" not in normalised and "_drafts/" not in normalised:
        return None
    folders, name = normalised.rsplit("/", 1)
    for folder in reversed(folders.split("/")):
        if folder in ("_posts", "_drafts"):
            return folder, name
    return None


def post_name_date(path: str) -> tuple[int, int, int] | None:
    """The (year, month, day) of a Jekyll post's or draft's file name in a `_posts` or `_drafts`
    folder, else None (Jekyll takes a draft's date from its name too, when it has one)."""
    found = _post_folder(path)
    if found is None:
        return None
    return name_date(found[1])


def name_date(name: str) -> tuple[int, int, int] | None:
    """The (year, month, day) a Jekyll document's file name `name` starts with
    (`2016-12-6-x.md`), else None."""
    match = _POST_NAME.fullmatch(name)
    if match is None:
        return None
    return int(match.group(1)), int(match.group(2)), int(match.group(3))


def jekyll_post(ctx: Context) -> bool:
    """Whether the document is a Jekyll post: outside a Hugo site, named as Jekyll names posts in
    a `_posts` or `_drafts` folder, or any draft in the `_drafts` folder of a Jekyll site (a
    `_config.yml` above it), which Jekyll reads whatever its name (its
    `DATELESS_FILENAME_MATCHER`) and builds as a post with `--drafts`. (Hexo has `_drafts` too:
    an undated one with no Jekyll configuration above it is not taken for Jekyll's.)"""
    site = ctx.site
    if site is not None and site.root is not None:
        return False
    path = os.fspath(ctx.document.path)
    if post_name_date(path) is not None:
        return True
    return site is not None and site.jekyll_config is not None and jekyll_draft_path(path)


def jekyll_draft_path(path: str) -> bool:
    """Whether `path` lies in a Jekyll `_drafts` folder: Jekyll dates such a draft by its file
    name when it has a date, else by the file's modification time, so it never lacks a date."""
    found = _post_folder(path)
    return found is not None and found[0] == "_drafts"


def jekyll_excerpt_separator(ctx: Context) -> str | None:
    """The `excerpt_separator` of the Jekyll site or post the document is (Jekyll's default, a
    blank line, for a post with no `_config.yml` above it), or None for a Hugo page."""
    site = ctx.site
    if site is not None and site.jekyll_excerpt_separator is not None:
        return site.jekyll_excerpt_separator
    return "\n\n" if jekyll_post(ctx) else None


def jekyll_page(ctx: Context) -> bool:
    """Whether Jekyll builds the document: a Jekyll post, or a page of a Jekyll site (a
    `_config.yml` above it and no Hugo configuration)."""
    site = ctx.site
    return (site is not None and site.jekyll_config is not None) or jekyll_post(ctx)


def jekyll_document(ctx: Context) -> bool:
    """Whether the document is a Jekyll collection's: a post, or a file in the folder of
    another collection its site's `_config.yml` declares (`collections: [events]` reads
    `_events/`), which Jekyll dates by its front matter or else its file name, holds back while
    that date is in the future, and whose `tags` and `categories` strings it splits, as it does
    a post's. Pages (`about.md`) are none of these."""
    if jekyll_post(ctx):
        return True
    site = ctx.site
    if site is None or not site.jekyll_collections:
        return False
    from newslint.site import real_dir

    folder = real_dir(os.path.dirname(os.path.abspath(os.fspath(ctx.document.path))))
    return any(
        folder == collection or folder.startswith(collection + os.sep)
        for collection in site.jekyll_collections
    )
