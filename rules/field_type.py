"""A front-matter value has the wrong type for the schema.

## What it does
Checks every known front-matter field against the schema of the active presets (`hugo` always,
`news` by default, `mainroad` for a Mainroad site) and the `allowed` values in the configuration:
`comments: "false"`, `draft: "true"`, `weight: "3"`, `tags: "economy"`, `params: ""`, a list item
that is a list, a `section` outside its allowed values.

`aliases` may be one path as a string, as Hugo reads it (a string with spaces is several aliases to
Hugo and is reported). `outputs` must name output formats, Hugo's own (`html`, `rss`, `json`, ...)
or the site's `outputFormats`. `markup` must name a content format Hugo knows (`markdown`, `md`,
`asciidocext`, `pandoc`, `rst`, `org`, `html` and their other names, in any case), and `html` or
`org` fail under Hugo's default security policy (a site that sets `security` or its own `mediaTypes`
is trusted).

Hugo decodes its own fields leniently, and the rule follows what it does: a number in one of its
string fields is the text Hugo makes of it (`title: 2025`, a year section's title), reported only
when that text is not what was written (`title: 1.10` titles the page "1.1"); an empty `sitemap` or
`resources` is no error, a number in `menu: [main, 3]` names a menu, and each entry of a `menu` map
must be a map whose `weight` Go can read as a number (`"5"`, not `"5.0"`), whose `params` is a map
and whose names are scalars, else the build fails; so must a `sitemap` whose `priority` is a
number (`"0.5"` too) and whose `disable` is a boolean Go's ParseBool reads (`"true"`, not `"yes"`),
and a `build` whose `publishResources` is such a boolean and whose `list` and `render` are scalars.
A page `url` must be a path: Hugo refuses one that starts with `http://` or `https://` (a scraper's
copy of the article's origin belongs in the source field) and the build fails. So does an alias
that resolves to the site's root (`/`, `.`, `./`, `//`, `../`: "alias "/" resolves to website
root directory") or that is a web address (`https://old.example.com/a`: "http* aliases not
supported"); an empty one is `empty-field`'s. And a `cascade` entry whose `target` (or
`_target`) still limits it by `lang`, which Hugo 0.150 replaced with `sites.matrix.languages`
and then removed: the build fails. So does a page's own `sites` that is not a map, or whose
`matrix` or `complements` is no map or holds a map (or a list in a list) as `languages`,
`versions` or `roles`. And `_build`, the build options' key before Hugo 0.145, on the page or in
a `cascade`: hugo 0.168 fails the build on it, whatever its value. A `build` whose `render` or
`list` is a string Hugo does not know (`render: "false"`, as Blowfish's example site quotes it;
`list: Never`; it knows `always`, `never`, `link` and `local`, in lower case, and the booleans)
builds, but Hugo silently takes it as `always` and renders and lists the page its author meant to
hide; a word that means always (`"true"`, `Always`) does what it says and is left alone.

A Jekyll post outside a Hugo site (`_posts/2017-02-28-x.md`, see `rules/_jekyll.py`), or a
document of another collection of its site, may give its `tags` or `categories` as one string: Jekyll splits it at white space (`tags: charlas bitcoins` is
two tags), so it is not reported there.

## Why is this bad?
A theme tests a value's truth, not its spelling: Mainroad shows comments for `comments: "false"`
(`index .Params "comments" | default "true"`: a non-empty string is true), and so the author box,
pager and table of contents for `"false"` (`.Param "toc"`), and never loads MathJax for `mathjax:
"true"` (`eq (.Param "mathjax") true`; checked with hugo 0.168). Hugo refuses to build when
`params`, `build` or `cascade` is not a map, and a sidebar `widgets: "recent"` breaks Mainroad's
template.

## Example
    ---
    comments: "false"
    tags: "economy"
    ---

## Use instead
    ---
    comments: false
    tags: ["economy"]
    ---

## Fix safety
Safe: a string that Hugo itself reads as a boolean (`draft: "true"`, `"TRUE"`, `"0"`, `"f"`: Go's
ParseBool) is written as that boolean, a decimal number in a string where Hugo wants a whole
number (`weight: "10"`) as that number, and a Mainroad switch as the boolean the theme already
reads it as (`comments`, `authorbox`, `pager` and `toc` are tested for truth, so `toc: "true"`
is on; `mathjax` is on for the boolean true only, so `mathjax: "false"` is off); the page does not
change. Unsafe: other `"true"`/`"false"` spellings become booleans (`draft: " True "`, which Hugo
reads as false; `comments: "false"`, which Mainroad treats as on; `mathjax: "true"`, which it
treats as off) and a single value becomes a one-item list. The page then renders as its author
meant, which is not how it renders today, so an editor should confirm. A value under `params` is
fixed the same way, in place. Safe too: `_build` renamed `build`, which Hugo read it as (not
when the page has a `build` already, nor in a `cascade`). Unsafe: a `build` word Hugo does not
know that means never (`"false"`, `no`, `off`) written `never`, and a known word in another case
(`Never`, `LOCAL`) in lower case, which hides the page as its author meant; another word (`render:
hidden`) has no fix.

## Where the value is read
Hugo 0.168 makes each key of a page's `params` map its `.Params.<key>`, winning over a top-level
key of that name whatever either holds: a Mainroad switch, `post_meta`, `lead`, a news or
configured key or a taxonomy (`params.tags`, whose terms the page then has) is checked under
`params` where it is written (named `params.<key>`; YAML, a TOML `[params]` or inline table,
JSON), and the top-level one, which nothing then reads, is left alone (`duplicate-key` reports it).
Hugo's own fields are never read from `params` (`params.draft` drafts nothing): not checked there.
"""

from __future__ import annotations

import posixpath
import re

from newslint import Fix, Rule, Severity
from newslint.events import Field, FrontMatter, render_scalar
from newslint.fixes import Edit
from newslint.rule import Context
from newslint.schema import GO_BOOLS, LIST_KINDS, Issue, hugo_reading

from ._jekyll import SPLIT_KEYS, jekyll_document
from ._mainroad import SWITCHES, switch_on
from ._params import PREFIX, custom_key, params_fields
from ._schema import schema_of, wrap_in_list

_DECIMAL = re.compile(r"[+-]?(?:0|[1-9][0-9]*)")

# What `markup` may name (any case): Hugo's content formats and their media types.
MARKUP_FORMATS = {
    **dict.fromkeys(("markdown", "goldmark", "md", "mdown", "text/markdown"), "text/markdown"),
    **dict.fromkeys(("asciidocext", "asciidoc", "adoc", "ad", "text/asciidoc"), "text/asciidoc"),
    **dict.fromkeys(("pandoc", "pdc", "text/pandoc"), "text/pandoc"),
    **dict.fromkeys(("rst", "text/rst"), "text/rst"),
    **dict.fromkeys(("org", "text/org"), "text/org"),
    **dict.fromkeys(("html", "htm", "text/html"), "text/html"),
}
_REFUSED_BY_DEFAULT = frozenset({"text/html", "text/org"})
# Hugo's own output formats (0.168), which a page's `outputs` may name besides the site's own.
OUTPUT_FORMATS = frozenset(
    {
        "html", "amp", "rss", "json", "calendar", "css", "csv", "robots", "sitemap",
        "sitemapindex", "webappmanifest", "markdown", "gotmpl",
    }
)  # fmt: skip


# Fields Hugo decodes into its own structures: a value of the wrong type fails the build (a
# `menu` when the theme renders menus, as themes do; checked with hugo 0.168).
_DECODED_BY_HUGO = frozenset(
    {"params", "build", "cascade", "menu", "menus", "sitemap", "markup", "sites"}
)

# The words Hugo knows for `build.render` and `build.list` (case-sensitive; "0" and "1" are what
# booleans decode to). Any other string Hugo replaces with `always`, silently (hugo 0.168).
_BUILD_WORDS = {"render": ("always", "never", "link"), "list": ("always", "never", "local")}
_BUILD_DOES = {"render": "renders", "list": "lists"}
# Strings meaning what Hugo then does anyway (always): no surprise, left alone.
_MEANS_ALWAYS = frozenset({"always", "true", "t", "yes", "on", "y"})
# Strings meaning never: what their author meant, which Hugo does not do.
_MEANS_NEVER = frozenset({"false", "f", "no", "off", "n"})

# A page `url` with these prefixes fails the build (checked with hugo 0.168; case-sensitive, as
# Hugo compares them).
_PROTOCOLS = ("http://", "https://")


class FieldType(Rule):
    code = "FM005"
    name = "field-type"
    severity = Severity.ERROR
    messages = {
        "type": "{key} should be {expected}, not {actual}{why}",
        "item-type": "{key} item should be {expected}, not {actual}{why}",
        "not-allowed": "{value} is not an allowed value of {key} (allowed: {allowed})",
        "markup": "markup {value!r} is no content format Hugo knows ({known}): the build fails",
        "output": "outputs names {value!r}, which is no output format of the site ({known}): "
        "the build fails",
        "markup-refused": "markup {value!r} is refused by Hugo's default security policy "
        "(security.allowContent): the build fails",
        "url-protocol": "url {value!r} has a protocol, Hugo takes only a path here: the build "
        "fails",
        "alias-root": "alias {value!r} resolves to the site's root: the build fails",
        "alias-protocol": "alias {value!r} has a protocol, Hugo takes only a path here: the "
        "build fails",
        "cascade-lang": "cascade target lang {value!r} was removed in Hugo 0.150 (use "
        "target.sites.matrix.languages): the build fails",
        "build-removed": "{key} was removed in Hugo 0.145 (write build): the build fails",
        "build-value": "{key} {value!r} is no value Hugo knows ({known}): Hugo {does} the page",
    }

    def on_front_matter(self, ctx: Context, front_matter: FrontMatter) -> None:
        schema = schema_of(ctx)
        text = ctx.document.text
        fields = ctx.document.fields
        # A theme or custom value under `params` is the page's, over a top-level one (which
        # nothing then reads): checked where it is written, named `params.<key>`.
        nested = [f for f in params_fields(ctx.document) if custom_key(schema, f.key)]
        if nested:
            shadowed = {f.key.lower() for f in nested}
            fields = [f for f in fields if f.key.lower() not in shadowed]
        jekyll = jekyll_document(ctx)
        for issue in schema.validate(fields, text):
            if jekyll and _jekyll_split(issue):
                continue
            self._report(ctx, issue, "")
        for issue in schema.validate(nested, text) if nested else ():
            self._report(ctx, issue, PREFIX)
        markup = ctx.document.field("markup")
        if markup is not None and isinstance(markup.value, str) and markup.value.strip():
            self._markup(ctx, markup)
        outputs = ctx.document.field("outputs")
        if outputs is not None:
            self._outputs(ctx, outputs)
        url = ctx.document.field("url")
        # Hugo's exact test (page_meta.go): "URLs with protocol (http*) not supported".
        if url is not None and isinstance(url.value, str) and url.value.startswith(_PROTOCOLS):
            ctx.report(url.value_span, "url-protocol", value=url.value)
        aliases = ctx.document.field("aliases")
        if aliases is not None:
            self._aliases(ctx, aliases)
        old_build = ctx.document.field("_build")
        if old_build is not None:
            self._old_build(ctx, old_build)
        build = ctx.document.field("build")
        if build is not None and build.node.kind == "map":
            self._build_words(ctx, build)
        cascade = ctx.document.field("cascade")
        if cascade is not None:
            self._cascade(ctx, cascade)

    def _old_build(self, ctx: Context, field: Field) -> None:
        """`_build`, the build options' key before Hugo 0.145: hugo 0.168 fails the build on it,
        whatever its value ("The "_build" front matter key was deprecated in Hugo 0.145.0 and
        subsequently removed"). Renamed `build`, it means what it meant, unless the page has a
        `build` too."""
        fix = None
        if ctx.document.field("build") is None:
            fix = Fix.safe("Rename _build to build", field.rename("build"))
        ctx.report(field.key_span, "build-removed", key=field.key, fix=fix)

    def _build_words(self, ctx: Context, field: Field) -> None:
        """A `build.render` or `build.list` string Hugo does not know (`render: "false"`, as
        Blowfish's example site quotes it; `Never`): Hugo replaces it with `always` and renders
        or lists the page, without a word (hugo 0.168). A word meaning always (`"true"`,
        `Always`) does what it says and is left alone."""
        text = ctx.document.text
        for entry in field.node.entries:
            option = entry.key.lower()
            known = _BUILD_WORDS.get(option)
            node = entry.node
            if known is None or node.kind != "scalar":
                continue
            reading = hugo_reading(node, text)
            value = reading[1] if reading is not None else node.value
            if not isinstance(value, str) or value in known or value in ("0", "1"):
                continue
            word = value.strip().lower()
            if word in _MEANS_ALWAYS:
                continue
            meant = "never" if word in _MEANS_NEVER else word if word in known else None
            fix = None
            if meant is not None:
                style = node.style if node.style in ('"', "'") else None
                written = render_scalar(meant, field.format, style)
                fix = Fix.unsafe(f"Write {meant}", Edit.replace(node.span, written))
            ctx.report(
                node.span,
                "build-value",
                key=f"{field.key}.{entry.key}",
                value=value,
                known=", ".join(known),
                does=_BUILD_DOES[option],
                fix=fix,
            )

    def _report(self, ctx: Context, issue: Issue, prefix: str) -> None:
        """Report a schema issue, its key named with `prefix` (`params.` for a nested value)."""
        values = dict(issue.values)
        key = str(values.get("key", ""))
        why = ": the build fails" if key.split(".")[0].lower() in _DECODED_BY_HUGO else ""
        if prefix and "key" in values:
            values["key"] = prefix + key
        fix = self._fix(ctx, issue)
        ctx.report(issue.span, issue.message_id, fix=fix, why=why, **values)

    def _cascade(self, ctx: Context, field: Field) -> None:
        """A cascade entry's target by `lang`, which Hugo 0.150 replaced with `sites.matrix`
        and then removed: hugo 0.168 fails the build on any value but null and "" ("cascade.
        target.language was deprecated ... and subsequently removed" for a string, number or
        boolean, a decoding error for a list or map), in `target` and the older `_target`."""
        node = field.node
        for item in node.items if node.kind == "list" else (node,):
            for entry in item.entries if item.kind == "map" else ():
                if entry.key.lower() == "_build":
                    # Cascaded, it fails the build as the page's own does (hugo 0.168).
                    ctx.report(entry.key_span, "build-removed", key=f"cascade {entry.key}")
                    continue
                if entry.key.lower() not in ("target", "_target") or entry.node.kind != "map":
                    continue
                for inner in entry.node.entries:
                    value = inner.node.value
                    if inner.key.lower() != "lang" or value is None or value == "":
                        continue  # only null and "" build (hugo 0.168)
                    # A number or boolean fails with the same error, a list or map in decoding.
                    if not isinstance(value, str):
                        value = ctx.document.text[inner.node.span.start : inner.node.span.end]
                    ctx.report(inner.node.span, "cascade-lang", value=value)

    def _aliases(self, ctx: Context, field: Field) -> None:
        """An alias that is the root once cleaned (`/`, `./`, `..`) fails the build: Hugo will
        not write a redirect over the home page; so does one that starts with `http://` or
        `https://` ("http* aliases not supported", as an importer writes the old address there;
        case-sensitive, as Hugo compares). Checked with hugo 0.168."""
        node = field.node
        for item in node.items if node.kind == "list" else (node,):
            if item.kind != "scalar" or not isinstance(item.value, str):
                continue
            # A string is split at white space into several aliases, as Hugo splits it.
            for alias in item.value.split() if item is node else [item.value]:
                if alias.startswith(_PROTOCOLS):
                    ctx.report(item.span, "alias-protocol", value=alias)
                elif alias.strip() and posixpath.normpath("/" + alias) in ("/", "//"):
                    ctx.report(item.span, "alias-root", value=alias)

    def _outputs(self, ctx: Context, field: Field) -> None:
        """Each of `outputs` must be an output format: Hugo's own or one the site defines
        (`outputFormats`); another name fails the build (checked with hugo 0.168)."""
        raw = ctx.site.raw if ctx.site is not None else {}
        defined = raw.get("outputformats")
        known = (
            OUTPUT_FORMATS | {str(k).lower() for k in defined}
            if isinstance(defined, dict)
            else OUTPUT_FORMATS
        )
        node = field.node
        items = node.items if node.kind == "list" else (node,)
        for item in items:
            if item.kind != "scalar" or not isinstance(item.value, str):
                continue  # a wrong type is the schema's to report
            unknown = [name for name in item.value.split() if name.lower() not in known]
            if unknown:
                ctx.report(item.span, "output", value=unknown[0], known=", ".join(sorted(known)))

    def _markup(self, ctx: Context, field: Field) -> None:
        """`outputs` must name output formats, Hugo's own (`html`, `rss`, `json`, ...) or the site's
        `outputFormats`. `markup` must name a content format Hugo knows; `html` and `org` are
        refused by its default security policy (checked with hugo 0.168: the build fails)."""
        raw = ctx.site.raw if ctx.site is not None else {}
        if "mediatypes" in raw:
            return  # the site defines its own media types: any name may be one of them
        value = field.value.strip().lower()
        if value not in MARKUP_FORMATS:
            known = ", ".join(sorted({name for name in MARKUP_FORMATS if "/" not in name}))
            ctx.report(field.value_span, "markup", value=field.value, known=known)
        elif MARKUP_FORMATS[value] in _REFUSED_BY_DEFAULT and "security" not in raw:
            ctx.report(field.value_span, "markup-refused", value=field.value)

    def _fix(self, ctx: Context, issue: Issue) -> Fix | None:
        if issue.message_id != "type":
            return None
        field = issue.field
        spec = schema_of(ctx).spec(field.key)
        node = field.node
        if spec is None or node.kind != "scalar":
            return None
        if spec.kind == "bool" and node.tag == "str":
            if spec.preset == "hugo" and node.value in GO_BOOLS:
                # Hugo reads its own booleans with Go's ParseBool: the page does not change.
                word = "true" if GO_BOOLS[str(node.value)] else "false"
                return Fix.safe(f"Write {field.key} as {word}", Edit.replace(node.span, word))
            word = str(node.value).strip().lower()
            if word in ("true", "false"):
                title, rewrite = f"Write {field.key} as {word}", Edit.replace(node.span, word)
                if spec.preset == "mainroad" and field.key.lower() in SWITCHES:
                    # Safe when the theme already reads the string as that boolean.
                    same = switch_on(field.key, node.value) == switch_on(field.key, word == "true")
                    return Fix.safe(title, rewrite) if same else Fix.unsafe(title, rewrite)
                return Fix.unsafe(title, rewrite)
        hugo_int = spec.kind == "int" and node.tag == "str" and spec.preset == "hugo"
        if hugo_int and _DECIMAL.fullmatch(str(node.value)):
            # Hugo reads `weight: "10"` as 10 (cast.ToInt); the page does not change. Not "010"
            # (octal to Go: 8) or "5.0": what the author meant is less sure there.
            number = str(int(str(node.value)))
            return Fix.safe(f"Write {field.key} as {number}", Edit.replace(node.span, number))
        # Not `aliases`: Hugo splits a string with spaces into several, one list item would not.
        if spec.kind in LIST_KINDS - {"maps", "paths"} and node.tag in ("str", "int", "float"):
            edit = wrap_in_list(ctx.document.text, field)
            if edit is not None:
                return Fix.unsafe(f"Make {field.key} a one-item list", edit)
        return None


def _jekyll_split(issue: Issue) -> bool:
    """Whether the issue is a string of `tags` or `categories` in a Jekyll post, which Jekyll
    splits at white space into a list (`tags: charlas bitcoins` is two tags)."""
    field = issue.field
    return (
        issue.message_id == "type"
        and field.key.lower() in SPLIT_KEYS
        and isinstance(field.value, str)
    )
