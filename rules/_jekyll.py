"""Jekyll's posts and collections, which newslint is also run on.

Outside a Hugo site (no `hugo.toml` or `config.*` above the file), a Markdown file in a `_posts`
folder whose name is `YYYY-MM-DD-title.ext` is a Jekyll post: Jekyll reads only such names there
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


def post_name_date(path: str) -> tuple[int, int, int] | None:
    """The (year, month, day) of a Jekyll post's file name in a `_posts` folder, else None."""
    normalised = path.replace("\\", "/")
    if "_posts/" not in normalised:
        return None
    folders, name = normalised.rsplit("/", 1)
    if "_posts" not in folders.split("/"):
        return None
    return name_date(name)


def name_date(name: str) -> tuple[int, int, int] | None:
    """The (year, month, day) a Jekyll document's file name `name` starts with
    (`2016-12-6-x.md`), else None."""
    match = _POST_NAME.fullmatch(name)
    if match is None:
        return None
    return int(match.group(1)), int(match.group(2)), int(match.group(3))


def jekyll_post(ctx: Context) -> bool:
    """Whether the document is a Jekyll post: outside a Hugo site, named as Jekyll names posts in
    a `_posts` folder."""
    site = ctx.site
    if site is not None and site.root is not None:
        return False
    return post_name_date(os.fspath(ctx.document.path)) is not None


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
