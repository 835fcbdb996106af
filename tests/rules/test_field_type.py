from __future__ import annotations

from pathlib import Path

import pytest

from newslint.engine import check_text
from newslint.rules.field_type import FieldType
from newslint.site import Site
from newslint.testing import Case, Raw, assert_case, fm

NO_MAINROAD = {"presets": ["hugo", "news"]}

CASES = [
    Case(
        "right-types",
        fm(
            title="Budget",
            draft=False,
            weight=3,
            tags=["economy", "budget"],
            comments=True,
            menu="main",
            params={"source": "x"},
        ),
    ),
    Case(
        "comments-string-false",
        fm(comments="false"),
        errors=[("type", 2, 11)],
        unsafe_fixed=fm(comments=False),
    ),
    Case(
        "mathjax-string-true",
        fm(mathjax="true"),
        errors=[("type", 2, 10)],
        unsafe_fixed=fm(mathjax=True),
    ),
    Case(
        "single-quoted-and-padded",
        "---\ndraft: ' True '\n---\nBody.\n",
        errors=[("type", 2, 8)],
        unsafe_fixed="---\ndraft: true\n---\nBody.\n",
    ),
    Case(
        "key-case-ignored-as-in-hugo",
        '---\nDraft: "false"\n---\nBody.\n',
        errors=[("type", 2, 8)],
        fixed="---\nDraft: false\n---\nBody.\n",
    ),
    # Hugo reads its own booleans with Go's strconv.ParseBool: "TRUE", "t" and "1" are true, so
    # writing what Hugo already reads is safe. " True " and "tRue" it reads as false (the page is
    # published): making them true changes the page, so that fix stays unsafe.
    Case(
        "hugo-bool-strings-hugo-parses-fix-safely",
        fm(draft="TRUE", headless="0", isCJKLanguage="t"),
        errors=[("type", 2, 8), ("type", 3, 11), ("type", 4, 16)],
        fixed=fm(draft=True, headless=False, isCJKLanguage=True),
    ),
    Case(
        "hugo-bool-string-hugo-reads-as-false",
        fm(draft="tRue"),
        errors=[("type", 2, 8)],
        unsafe_fixed=fm(draft=True),
    ),
    # Mainroad ranges over `.Param "post_meta"`: a string fails the build (checked with hugo 0.168).
    Case(
        "mainroad-post-meta-string",
        fm(post_meta="date"),
        errors=[("type", 2, 12)],
        unsafe_fixed=fm(post_meta=Raw('["date"]')),
    ),
    Case("mainroad-post-meta-list", fm(post_meta=["date", "author"])),
    # Mainroad tests `toc`, `pager`, `authorbox` and `comments` for truth, so any non-empty string
    # is on: writing true changes nothing (safe), writing false turns it off (unsafe). `mathjax`
    # is on for the boolean true only: "false" -> false is safe, "true" -> true unsafe.
    Case(
        "theme-bool-string-true-is-on", fm(toc="TRUE"), errors=[("type", 2, 6)], fixed=fm(toc=True)
    ),
    Case(
        "theme-bool-strings-that-keep-the-page",
        fm(comments="true", authorbox=" True ", pager="true", mathjax="false"),
        errors=[("type", 2, 11), ("type", 3, 12), ("type", 4, 8), ("type", 5, 10)],
        fixed=fm(comments=True, authorbox=True, pager=True, mathjax=False),
    ),
    Case(
        "theme-bool-strings-that-change-the-page",
        fm(pager="false", authorbox="False", toc="false"),
        errors=[("type", 2, 8), ("type", 3, 12), ("type", 4, 6)],
        unsafe_fixed=fm(pager=False, authorbox=False, toc=False),
    ),
    Case("bool-word-other-than-true-false-no-fix", fm(draft="yes"), errors=[("type", 2, 8)]),
    # Hugo reads YAML 1.2: a plain `yes` is the string "yes", and `draft: yes` publishes the page.
    Case(
        "yaml-1.1-yes-is-a-string-to-hugo",
        fm(draft=Raw("yes"), toc=Raw("off")),
        errors=[("type", 2, 8), ("type", 3, 6)],
    ),
    Case("yaml-1.2-booleans", fm(draft=Raw("False"), toc=Raw("TRUE"))),
    # Hugo reads `weight: "3"` as 3: writing the number changes nothing, so the fix is safe.
    Case("weight-as-string", fm(weight="3"), errors=[("type", 2, 9)], fixed=fm(weight=Raw("3"))),
    Case(
        "weight-as-string-toml-and-json",
        '+++\nweight = "-12"\n+++\n',
        errors=[("type", 2, 10)],
        fixed="+++\nweight = -12\n+++\n",
    ),
    Case("weight-json", '{"weight": "7"}\n', errors=[("type", 1, 12)], fixed='{"weight": 7}\n'),
    # "010" is 8 to Go and "5.0" is 5: what was meant is less sure, so no fix.
    Case("weight-octal-looking-no-fix", fm(weight="010"), errors=[("type", 2, 9)]),
    Case("weight-decimal-point-no-fix", fm(weight="5.0"), errors=[("type", 2, 9)]),
    Case(
        "tags-scalar-to-one-item-list",
        fm(tags="economy"),
        errors=[("type", 2, 7)],
        unsafe_fixed=fm(tags=Raw('["economy"]')),
    ),
    # Jekyll splits a string of tags or categories at white space: a post's `tags: charlas
    # bitcoins` is two tags (an Italian and a Spanish Jekyll site). Not in a Hugo site, where
    # it is one term, nor for other list keys.
    Case(
        "jekyll-post-tags-string",
        fm(tags="charlas bitcoins", categories="news"),
        path="_posts/it/2021-10-15-buone-api.md",
    ),
    # A draft too (PISM's news template, `news/_drafts/2021-06-15-news-template.markdown`):
    # Jekyll reads it as a post; an undated one on a Jekyll site (a `_config.yml` above it).
    Case(
        "jekyll-dated-draft-tags-string",
        fm(tags="tag1 tag2 tag3"),
        path="news/_drafts/2021-06-15-news-template.markdown",
    ),
    Case(
        "jekyll-undated-draft-tags-string",
        fm(tags="tag1 tag2 tag3"),
        path="news/_drafts/news-template.md",
        site=Site(jekyll_config=Path("/site/_config.yml")),
    ),
    # An undated draft with no Jekyll configuration above it may be Hexo's (`source/_drafts`),
    # where a string is one tag.
    Case(
        "undated-drafts-folder-outside-a-jekyll-site",
        fm(tags="economy"),
        path="source/_drafts/budget.md",
        errors=[("type", 2, 7)],
        unsafe_fixed=fm(tags=Raw('["economy"]')),
    ),
    Case(
        "jekyll-post-keywords-string",
        fm(keywords="economy"),
        path="_posts/2021-10-15-buone-api.md",
        errors=[("type", 2, 11)],
        unsafe_fixed=fm(keywords=Raw('["economy"]')),
    ),
    # So does a document of another collection its `_config.yml` declares.
    Case(
        "jekyll-collection-document-tags-string",
        fm(tags="charlas bitcoins"),
        path="/blog/_talks/bitcoins.md",
        site=Site(jekyll_config=Path("/blog/_config.yml"), jekyll_collections=("/blog/_talks",)),
    ),
    Case(
        "jekyll-page-tags-string",
        fm(tags="charlas bitcoins"),
        path="/blog/about.md",
        site=Site(jekyll_config=Path("/blog/_config.yml"), jekyll_collections=("/blog/_talks",)),
        errors=[("type", 2, 7)],
        unsafe_fixed=fm(tags=Raw('["charlas bitcoins"]')),
    ),
    Case(
        "jekyll-post-name-in-a-hugo-site",
        fm(tags="economy"),
        path="content/_posts/2021-10-15-buone-api.md",
        site=Site(root=Path("/site")),
        errors=[("type", 2, 7)],
        unsafe_fixed=fm(tags=Raw('["economy"]')),
    ),
    Case(
        "plain-scalar-with-comma-is-quoted-in-the-list",
        fm(keywords=Raw("budget, tax # comment")),
        errors=[("type", 2, 11)],
        unsafe_fixed=fm(keywords=Raw('["budget, tax"] # comment')),
    ),
    Case(
        "widgets-scalar-breaks-mainroad",
        fm(widgets="recent"),
        errors=[("type", 2, 10)],
        unsafe_fixed=fm(widgets=Raw('["recent"]')),
    ),
    Case("list-item-that-is-a-list", fm(tags=Raw("[economy, [x]]")), errors=[("item-type", 2, 17)]),
    Case("number-tags-are-names", fm(tags=[2025, "budget"])),
    # Hugo decodes its own string fields weakly: a number becomes its text (hugo 0.168 titles
    # `title: 2025` "2025", a year section's usual title), so only a number whose text changes
    # on the way is an error: `1.10` titles the page "1.1", `007` "7", `slug = 1.0` serves ".../1/".
    Case("title-number", fm(title=Raw("3"))),
    Case("year-title", "---\ntitle: 2025\nweight: -2025\n---\n"),
    Case("title-number-written-otherwise", fm(title=Raw("1.10")), errors=[("type", 2, 8)]),
    Case("description-leading-zero", fm(description=Raw("007")), errors=[("type", 2, 14)]),
    Case("toml-slug-float", "+++\ntitle = 2025\nslug = 1.0\n+++\n", errors=[("type", 3, 8)]),
    Case("linktitle-float-as-written", fm(linkTitle=Raw("1.5"))),
    # `1:30` is a YAML 1.1 sexagesimal number (PyYAML reads 90) and text to Hugo's YAML: hugo
    # 0.168 titles the page "1:30", gives a theme's `lead` the string, and weighs `weight: 1:30`
    # as 0 (a string it cannot read as a number).
    Case("sexagesimal-title-is-text", "---\ntitle: 1:30\nlead: 9:45\n---\n"),
    Case("sexagesimal-weight-is-text", fm(weight=Raw("1:30")), errors=[("type", 2, 9)]),
    # Numbers Hugo's YAML reads otherwise than PyYAML (hugo 0.168, `printf "%T"`): `0o17` is 15
    # (weight 15; title "15"), `0.1e1` the float 1 (title "1"), `+.inf` the string "+.inf".
    Case("octal-0o-weight-is-a-number", "---\nweight: 0o17\n---\n"),
    Case("octal-0o-title-is-shown-as-15", "---\ntitle: 0o17\n---\n", errors=[("type", 2, 8)]),
    Case("unsigned-exponent-title", "---\ntitle: 0.1e1\n---\n", errors=[("type", 2, 8)]),
    Case("plus-inf-title-is-text", "---\ntitle: +.inf\nlead: +.inf\n---\n"),
    Case("no-dot-exponent-title-is-text", "---\ntitle: 1e3\n---\n"),
    # TOML reads its own numbers: `1e3` is a float there, which titles the page "1000".
    Case("toml-exponent-title", "+++\ntitle = 1e3\n+++\n", errors=[("type", 2, 9)]),
    # A theme's own string field is read as the value it is: the template gets a number.
    Case("theme-string-number", fm(lead=Raw("3")), errors=[("type", 2, 7)]),
    Case("menus-number", fm(menus=Raw("3")), errors=[("type", 2, 8)]),
    Case("params-empty-string-fails-hugo", fm(params=""), errors=[("type", 2, 9)]),
    Case("cascade-list-of-maps", fm(cascade=Raw("[{draft: true}]"))),
    # A page's own language matrix (Hugo 0.150): hugo 0.168 fails to build with a string, even
    # an empty one, or a list there ("failed to decode sites from front matter").
    Case("sites-string-fails-hugo", fm(sites="fr"), errors=[("type", 2, 8)]),
    Case("sites-empty-string-fails-hugo", fm(sites=""), errors=[("type", 2, 8)]),
    Case("sites-list-fails-hugo", fm(sites=Raw("[fr]")), errors=[("type", 2, 8)]),
    Case("sites-matrix", fm(sites=Raw("{matrix: {languages: [fr]}}"))),
    Case("sites-null-builds", fm(sites=Raw(""))),
    # Inside `sites` (hugo 0.168): a matrix or complements that is no map fails the build, and
    # so does a map, or a list or map in the list, as languages, versions or roles; one glob, a
    # number, null and unknown keys build.
    Case(
        "sites-matrix-not-a-map-fails-hugo",
        fm(sites=Raw("{Matrix: fr, complements: []}")),
        errors=[("type", 2, 17), ("type", 2, 34)],
    ),
    Case(
        "sites-matrix-dimensions-fail-hugo",
        fm(sites=Raw("{matrix: {languages: {a: 1}, roles: [x, [y]], versions: [{v: 1}]}}")),
        errors=[("type", 2, 29), ("item-type", 2, 48), ("item-type", 2, 65)],
    ),
    Case(
        "sites-matrix-shapes-that-build",
        fm(sites=Raw("{matrix: {languages: 1, roles: null, foo: {a: 1}}, complements: null}")),
    ),
    # hugo 0.168: "cascade.target.language was deprecated in Hugo v0.150.0 and subsequently
    # removed", for `target` and `_target`, any case of the keys; an empty `lang` builds.
    Case(
        "cascade-target-lang-fails-hugo",
        fm(cascade=Raw("\n  params:\n    color: red\n  target:\n    lang: fr")),
        errors=[("cascade-lang", 6, 11)],
    ),
    Case(
        "cascade-old-target-lang-in-a-list",
        fm(cascade=Raw("\n  - draft: true\n  - title: T\n    _Target:\n      Lang: fr")),
        errors=[("cascade-lang", 6, 13)],
    ),
    # Any other value fails too (hugo 0.168): a number or boolean with the same error, a list or
    # map in decoding the cascade; only null and "" build.
    Case(
        "cascade-target-lang-number-bool-list-fail-hugo",
        fm(
            cascade=Raw(
                "\n  - title: A\n    target:\n      lang: 1"
                "\n  - title: B\n    target:\n      lang: false"
                "\n  - title: C\n    target:\n      lang: [en]"
                "\n  - title: D\n    target:\n      lang: null"
            )
        ),
        errors=[("cascade-lang", 5, 13), ("cascade-lang", 8, 13), ("cascade-lang", 11, 13)],
    ),
    # hugo 0.168: "The "_build" front matter key was deprecated in Hugo 0.145.0 and subsequently
    # removed", whatever its value, in any case, on the page or in a cascade (not in params).
    Case(
        "old-build-key-fails-hugo",
        "---\ntitle: a\n_build:\n  list: never\n---\nText.\n",
        errors=[("build-removed", 3, 1)],
        fixed="---\ntitle: a\nbuild:\n  list: never\n---\nText.\n",
    ),
    Case(
        "old-build-table-toml",
        '+++\ntitle = "a"\n[_Build]\nrender = "never"\n+++\nText.\n',
        errors=[("build-removed", 3, 2)],
        fixed='+++\ntitle = "a"\n[build]\nrender = "never"\n+++\nText.\n',
    ),
    Case(
        "old-build-dotted-toml",
        '+++\n_build.list = "never"\n_build.render = "never"\n+++\nText.\n',
        errors=[("build-removed", 2, 1)],
        fixed='+++\nbuild.list = "never"\nbuild.render = "never"\n+++\nText.\n',
    ),
    Case(
        "old-build-json",
        '{"title": "a", "_build": null}\nText.\n',
        errors=[("build-removed", 1, 16)],
        fixed='{"title": "a", "build": null}\nText.\n',
    ),
    # Beside a `build`, the rename would write the key twice: no fix.
    Case(
        "old-build-beside-build",
        "---\n_build: {list: never}\nbuild: {render: never}\n---\nText.\n",
        errors=[("build-removed", 2, 1)],
    ),
    Case(
        "old-build-in-a-cascade",
        "---\ncascade:\n  - title: T\n    _build:\n      list: never\n---\n",
        errors=[("build-removed", 4, 5)],
    ),
    Case("old-build-under-params-builds", "---\nparams:\n  _build: {list: never}\n---\n"),
    # hugo 0.168 takes a `render` or `list` string it does not know as `always`, silently: the
    # page meant to be hidden is rendered and listed (Blowfish's example site quotes "false").
    Case(
        "build-render-false-string-renders-hugo",
        '---\ntitle: a\nbuild:\n  render: "false"\n  list: local\n---\nText.\n',
        errors=[("build-value", 4, 11)],
        unsafe_fixed='---\ntitle: a\nbuild:\n  render: "never"\n  list: local\n---\nText.\n',
    ),
    Case(
        "build-words-hugo-does-not-know-toml",
        '+++\ntitle = "a"\n[build]\nlist = "Never"\nrender = "hidden"\n+++\nText.\n',
        errors=[("build-value", 4, 8), ("build-value", 5, 10)],
        unsafe_fixed='+++\ntitle = "a"\n[build]\nlist = "never"\nrender = "hidden"\n+++\nText.\n',
    ),
    # `no` is text to Hugo's YAML, not a boolean.
    Case(
        "build-render-no-is-text-to-hugo",
        "---\nbuild:\n  render: no\n---\nText.\n",
        errors=[("build-value", 3, 11)],
        unsafe_fixed="---\nbuild:\n  render: never\n---\nText.\n",
    ),
    # What Hugo knows (the booleans, and "0" and "1", which they decode to), and words that mean
    # always, which Hugo then does: left alone.
    Case(
        "build-words-hugo-reads",
        '---\nbuild:\n  render: false\n  list: "0"\n  publishResources: false\n---\nText.\n',
    ),
    Case("build-words-meaning-always", '---\nbuild: {render: "true", list: Always}\n---\nText.\n'),
    Case(
        "cascade-empty-lang-and-sites-matrix-build",
        fm(
            cascade=Raw(
                '\n  title: T\n  target:\n    lang: ""\n    sites: {matrix: {languages: fr}}'
            )
        ),
    ),
    # Hugo builds with an empty `sitemap` or `resources` (only params, build and cascade must be
    # maps even when empty): an empty value there is no type error.
    Case("sitemap-and-resources-empty-build", fm(sitemap="", resources="")),
    # Hugo decodes each entry of a menu map as a menu entry: a scalar or a list fails the build
    # ("unable to cast"), null is an entry with defaults; a weight must be a number or a string
    # Go's ParseInt reads, a params a map, the other entry fields scalars.
    Case(
        "menu-entry-not-a-map-fails-hugo",
        '---\nmenu:\n  main: ""\n  footer: 3\n  side:\n---\nBody.\n',
        errors=[("type", 3, 9), ("type", 4, 11)],
    ),
    Case(
        "menu-entry-fields-hugo-cannot-decode",
        '---\nmenus:\n  main:\n    weight: "5.0"\n    parent: [a]\n    params: x\n    name: 3\n'
        '  footer:\n    weight: "0x10"\n    pre: ""\n---\nBody.\n',
        errors=[("type", 4, 13), ("type", 5, 13), ("type", 6, 13)],
    ),
    Case(
        "menu-entry-toml-table",
        '+++\n[menu.main]\nweight = "abc"\nidentifier = "x"\n+++\nBody.\n',
        errors=[("type", 3, 10)],
    ),
    # `sitemap` keys as Hugo's weak decoding reads them (checked with hugo 0.168).
    Case(
        "sitemap-values-hugo-reads",
        fm(sitemap=Raw('{priority: "0.5", disable: "true", changefreq: 3, filename: 3}')),
    ),
    Case(
        "sitemap-values-that-fail-the-build",
        fm(sitemap=Raw('{priority: "high", disable: "yes", changefreq: [a]}')),
        errors=[("type", 2, 21), ("type", 2, 38), ("type", 2, 57)],
    ),
    Case(
        "build-values",
        fm(build=Raw('{publishResources: "no", render: [a], list: never}')),
        errors=[("type", 2, 27), ("type", 2, 41)],
    ),
    # Hugo reads `aliases` with cast.ToStringSlice: a single path needs no list, and a string
    # with spaces becomes one alias per word (checked with hugo 0.168), so no fix guesses there.
    Case("aliases-single-path-string", fm(aliases="/old/path/")),
    Case("aliases-string-with-spaces", fm(aliases="/a/ /b/"), errors=[("type", 2, 10)]),
    Case(
        "aliases-list-item-not-a-string",
        fm(aliases=Raw("[/a/, [b]]")),
        errors=[("item-type", 2, 16)],
    ),
    # An alias that cleans to the root fails the build: "alias "/" resolves to website root
    # directory" (checked with hugo 0.168); `/index.html` and `/ ` build.
    Case(
        "aliases-root",
        fm(aliases=Raw('["/", "./", "/index.html", "//", "../", "/ "]')),
        errors=[
            ("alias-root", 2, 11),
            ("alias-root", 2, 16),
            ("alias-root", 2, 37),
            ("alias-root", 2, 43),
        ],
    ),
    Case("aliases-root-string", fm(aliases="."), errors=[("alias-root", 2, 10)]),
    Case(
        "aliases-root-in-a-string-of-several",
        fm(aliases="/old/ /"),
        errors=[("type", 2, 10), ("alias-root", 2, 10)],
    ),
    Case("aliases-empty-is-empty-fields", fm(aliases=[""])),
    # "http* aliases not supported" (hugo 0.168): an importer's old address fails the build;
    # `HTTPS://`, `//host/a` and a leading space build.
    Case(
        "aliases-with-a-protocol",
        fm(aliases=Raw('["https://old.example.com/a", "HTTPS://X.ORG/a", "//x.org/a", "/b/"]')),
        errors=[("alias-protocol", 2, 11)],
    ),
    Case(
        "aliases-string-with-a-protocol",
        fm(aliases="http://old.example.com/a.html"),
        errors=[("alias-protocol", 2, 10)],
    ),
    # `outputs` names output formats: Hugo's own or the site's (checked with hugo 0.168).
    Case("outputs-known", fm(outputs=["HTML", "rss", "markdown"])),
    Case("outputs-unknown", fm(outputs=["html", "llms"]), errors=[("output", 4, 5)]),
    Case(
        "outputs-defined-by-the-site",
        fm(outputs=["html", "llms"]),
        site=Site(raw={"outputformats": {"LLMS": {"mediaType": "text/plain"}}}),
    ),
    # `markup` names a content format (checked with hugo 0.168: anything else fails the build).
    Case("markup-markdown-any-case", fm(markup="MD")),
    Case("markup-media-type", fm(markup="text/markdown")),
    Case("markup-unknown", fm(markup="nope"), errors=[("markup", 2, 9)]),
    Case("markup-org-refused-by-default", fm(markup="org"), errors=[("markup-refused", 2, 9)]),
    Case(
        "markup-html-with-a-security-policy",
        fm(markup="html"),
        site=Site(raw={"security": {"allowcontent": [".*"]}}),
    ),
    Case("markup-custom-media-types", fm(markup="mmark"), site=Site(raw={"mediatypes": {}})),
    # Hugo makes `menu: [main, 3]` two menus, "main" and "3", as it names taxonomy terms.
    Case("menu-list-of-names-with-a-number", fm(menu=Raw("[main, 3]"))),
    Case("menu-list-item-map", fm(menu=Raw("[{main: 1}]")), errors=[("item-type", 2, 8)]),
    Case("empty-values-are-not-types", fm(draft="", weight="", comments="", tags="")),
    Case("mainroad-fields-unknown-without-mainroad", fm(comments="false"), config=NO_MAINROAD),
    Case(
        "allowed-values-from-config",
        fm(section="sport", tags=["budget", "sport"]),
        config={"allowed": {"section": ["news", "opinion"], "tags": ["budget", "economy"]}},
        errors=[("not-allowed", 2, 10), ("not-allowed", 5, 5)],
    ),
    Case(
        "allowed-value-ok",
        fm(section="news"),
        config={"allowed": {"section": ["news", "opinion"]}},
    ),
    Case(
        "toml",
        '+++\ncomments = "false"\ntags = "economy"\ntitle = 2025-02-08\n+++\nBody.\n',
        errors=[("type", 2, 12), ("type", 3, 8), ("type", 4, 9)],
        unsafe_fixed='+++\ncomments = false\ntags = ["economy"]\ntitle = 2025-02-08\n+++\nBody.\n',
    ),
    Case(
        "json",
        '{"comments": "false", "tags": "economy", "weight": 2.5}\nBody.\n',
        errors=[("type", 1, 14), ("type", 1, 31), ("type", 1, 52)],
        unsafe_fixed='{"comments": false, "tags": ["economy"], "weight": 2.5}\nBody.\n',
    ),
    # An explicit !!bool is a boolean to Hugo's YAML reader too, even `yes` (checked with hugo 0.168).
    Case("tagged-bool-false", "---\ndraft: !!bool false\n---\nBody.\n"),
    Case("tagged-bool-yes", "---\ndraft: !!bool yes\n---\nBody.\n"),
    Case(
        "untagged-yes-is-a-string",
        "---\ndraft: yes\n---\nBody.\n",
        errors=[("type", 2, 8)],
    ),
]

# A theme or custom value under `params` is the page's `.Params` value and wins over a top-level
# one (hugo 0.168): checked and fixed where it is written; the overridden top-level one is read by
# nothing and left alone. Hugo's own fields are not read from `params`.
PARAMS_CASES = [
    Case(
        "params-yaml",
        '---\ncomments: "false"\nparams:\n  comments: "false"\n  toc: "true"\n  lead: 3\n---\n',
        errors=[("type", 4, 13), ("type", 5, 8), ("type", 6, 9)],
        fixed='---\ncomments: "false"\nparams:\n  comments: "false"\n  toc: true\n  lead: 3\n---\n',
        unsafe_fixed='---\ncomments: "false"\nparams:\n  comments: false\n  toc: true\n  lead: 3\n---\n',
    ),
    Case(
        "params-toml-table",
        '+++\ntitle = "B"\n[params]\nmathjax = "false"\npost_meta = "date"\n+++\n',
        errors=[("type", 4, 11), ("type", 5, 13)],
        fixed='+++\ntitle = "B"\n[params]\nmathjax = false\npost_meta = "date"\n+++\n',
        unsafe_fixed='+++\ntitle = "B"\n[params]\nmathjax = false\npost_meta = ["date"]\n+++\n',
    ),
    Case(
        "params-toml-inline-table",
        '+++\nparams = {comments = "false"}\n+++\n',
        errors=[("type", 2, 22)],
        unsafe_fixed="+++\nparams = {comments = false}\n+++\n",
    ),
    Case(
        "params-json",
        '{"params": {"pager": "true"}}\n',
        errors=[("type", 1, 22)],
        fixed='{"params": {"pager": true}}\n',
    ),
    Case(
        "params-hugo-fields-are-custom-there",
        '---\ndraft: "true"\nparams:\n  draft: "true"\n  weight: "x"\n---\n',
        errors=[("type", 2, 8)],
        fixed='---\ndraft: true\nparams:\n  draft: "true"\n  weight: "x"\n---\n',
    ),
    Case("params-right-over-a-wrong-top-level", "---\ntoc: 3\nparams: {toc: false}\n---\n"),
    # A taxonomy under `params` gives the page its terms (hugo 0.168) and is checked there; the
    # top-level one it replaces is not (duplicate-key says it is ignored).
    Case(
        "params-taxonomy-yaml",
        '---\ntags: [a]\nparams:\n  tags: "economy"\n---\n',
        errors=[("type", 4, 9)],
        unsafe_fixed='---\ntags: [a]\nparams:\n  tags: ["economy"]\n---\n',
    ),
    Case(
        "params-taxonomy-toml-dotted",
        '+++\nparams.categories = "x"\n+++\n',
        errors=[("type", 2, 21)],
        unsafe_fixed='+++\nparams.categories = ["x"]\n+++\n',
    ),
    Case(
        "params-taxonomy-json-any-case",
        '{"params": {"Tags": {"a": 1}}}\n',
        errors=[("type", 1, 21)],
    ),
    Case("params-taxonomy-over-a-wrong-top-level", "---\ntags: x\nparams: {tags: [b]}\n---\n"),
]


@pytest.mark.parametrize("case", PARAMS_CASES, ids=lambda c: c.name)
def test_field_type_params(case: Case) -> None:
    assert_case(FieldType, case)


def test_a_value_under_params_is_named_so_in_the_message() -> None:
    text = '---\nparams:\n  Comments: "false"\n---\n'
    found = check_text(text, select=["FM005"], site=Site(theme="mainroad"))
    assert [d.message for d in found] == [
        "params.Comments should be true or false, not the string 'false'"
    ]


def test_a_taxonomy_of_the_site_is_checked_under_params() -> None:
    # `series` is the site's taxonomy, so `params.series` holds the page's terms.
    site = Site(taxonomies={"series": "series"})
    text = "---\nparams:\n  series: {a: 1}\n  tags: {a: 1}\n---\n"
    found = check_text(text, select=["FM005"], site=site)
    assert [(d.line, d.message) for d in found] == [
        (3, "params.series should be a list of names, not a map")
    ]


# Hugo refuses a page whose `url` starts with http:// or https:// ("URLs with protocol (http*)
# not supported": the build fails; checked with hugo 0.168). Scrapers write the article's
# origin there. Hugo compares the exact prefix: other spellings are paths to it.
URL_CASES = [
    Case("url-path", fm(url="/news/budget/")),
    Case("url-with-https", fm(url="https://example.com/a"), errors=[("url-protocol", 2, 6)]),
    Case("url-with-http", fm(url="http://example.com/a"), errors=[("url-protocol", 2, 6)]),
    Case(
        "toml-url-with-https",
        '+++\ntitle = "B"\nurl = "https://example.com/a"\n+++\nBody.\n',
        errors=[("url-protocol", 3, 7)],
    ),
    Case("url-capital-scheme-is-a-path-to-hugo", fm(url="HTTPS://example.com/a")),
    Case("url-protocol-relative", fm(url="//example.com/a")),
]


@pytest.mark.parametrize("case", URL_CASES, ids=lambda c: c.name)
def test_field_type_url(case: Case) -> None:
    assert_case(FieldType, case)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_field_type(case: Case) -> None:
    assert_case(FieldType, case)


def test_message_names_the_value_and_the_type() -> None:
    from newslint.engine import check_text
    from newslint.site import Site

    found = check_text(fm(comments="false"), select=["FM005"], site=Site(theme="mainroad"))
    assert [d.message for d in found] == [
        "comments should be true or false, not the string 'false'"
    ]


def test_alias_root_message() -> None:
    found = check_text(fm(aliases=["/"]), select=["FM005"])
    assert [(d.line, d.column, d.message) for d in found] == [
        (3, 5, "alias '/' resolves to the site's root: the build fails")
    ]


# The source field holds one source or a list of them (`source: [url1, url2]`), each a string
# or a map (whose `url` source-link-missing reads).
SOURCE_CASES = [
    Case("source-string", fm(source="https://r.com/a")),
    Case("source-list", fm(source=["https://r.com/a", "https://s.com/b"])),
    Case(
        "source-list-item-not-a-string",
        fm(source=["https://r.com/a", 3]),
        errors=[("item-type", 4, 5)],
    ),
    # A source map names the source (`{name: Reuters, url: ...}`); one in a list too.
    Case("source-map", "---\nsource: {name: Reuters, url: https://r.com/a}\n---\n"),
    Case("source-list-of-maps", "---\nsource: [{url: https://r.com/a}, https://s.com/b]\n---\n"),
    Case("source-number", "---\nsource: 3\n---\n", errors=[("type", 2, 9)]),
    Case(
        "source-list-item-a-list",
        "---\nsource: [{url: https://r.com/a}, [x]]\n---\n",
        errors=[("item-type", 2, 34)],
    ),
    Case(
        "configured-source-field-list",
        "---\norigin: [https://r.com/a, [x]]\n---\n",
        config={"source-field": "origin"},
        errors=[("item-type", 2, 27)],
    ),
]


@pytest.mark.parametrize("case", SOURCE_CASES, ids=lambda c: c.name)
def test_field_type_source(case: Case) -> None:
    assert_case(FieldType, case)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("draft: 0o1", "draft should be true or false, not the number 1"),
        ("weight: +.inf", "weight should be a whole number, not the string '+.inf'"),
        ("weight: 0.1e1", "weight should be a whole number, not the number 1.0"),
    ],
)
def test_yaml_values_are_named_as_hugo_reads_them(written: str, message: str) -> None:
    found = check_text(f"---\n{written}\n---\n", select=["FM005"])
    assert [(d.line, d.column, d.message) for d in found] == [(2, written.index(":") + 3, message)]
