"""Two articles cite the same source.

## What it does
Flags an article whose source URL is also the source of another article of the site. The source is
the one source-link-missing looks for: a web URL in the `source` front-matter field (or the field
named by the `source-field` setting; under the page's `params` when set there; in a map, its `url`;
of a list, the first, as of a list of sources that ends the body), else the link that makes up the
article's last visible body line, `[name](url)`. Only the first URL of a list is the article's
source: the others are often what it cites besides (the earlier story a follow-up builds on, an
agency's page, a report that many stories quote), and two articles that share one of those are
different stories. URLs that differ only in http/https, the host's case, a leading `www.`, a
trailing slash, the fragment, how the path is percent-encoded or tracking parameters (those
`tracking-params` cuts: `utm_*`, `fbclid`, `at_medium`, ...) are the same source. Translations of
one article (one `translationKey`, or the same path in each language's content folder) may share
their source; two articles in one language may not, whatever their keys. The earliest article (by
`date`, then path; published articles before drafts) is taken as the original; each later one is
reported at its source URL (the link's destination, or the field's value), naming the original.
Section pages (`_index.md`) and a leaf bundle's resources (`story/notes.md`) are not articles and
are skipped. Articles of two Hugo sites linted in one run (`newslint check east west`) are never
compared.

This is a cross-file rule: it sees the files of the run. When a pre-commit hook passes only the
staged files, add `--project` so they are compared with the rest of the site; it then reports what
a run over the whole site reports about them: a staged article that repeats an earlier one, and
an existing article that a staged one dated before it makes the later of the two (reported on the
existing file, naming the staged one, and silenced by that file's own suppressions).

## Why is this bad?
A feed importer that runs twice, or two feeds carrying one wire story, publish the same news twice;
readers see it twice in lists and search engines treat the pages as duplicates.

## Example
    content/en/news/a.md ends with  [Reuters](https://www.reuters.com/world/budget-2025/)
    content/en/news/b.md ends with  [Reuters](https://reuters.com/world/budget-2025?utm_source=rss)

## Use instead
Keep one of the two articles, or point the later one at the source it really used.
"""

from __future__ import annotations

from newslint import Severity
from newslint.document import Document
from newslint.rule import Context

from ._crossfile import DuplicateRule, is_section_page, item, normalise_url, position, source_link


class DuplicateSource(DuplicateRule):
    code = "XF001"
    name = "duplicate-source"
    severity = Severity.WARNING
    messages = {"duplicate": "source {value} is also cited by {other}{more}"}
    presets = ("news",)

    def on_document_end(self, ctx: Context, document: Document) -> None:
        if is_section_page(document) or document.bundle_resource:
            return  # no article (a leaf bundle's `notes.md` is a resource of its page)
        field_name = (ctx.config.source_field if ctx.config is not None else None) or "source"
        found = source_link(document, field_name)
        if found is None:
            return
        url, span = found
        key = normalise_url(url)
        if key is None:
            return
        self.data = item(key, url, position(document, span), document, translations=True)
