from __future__ import annotations

import pytest

from newslint.config import parse_config
from newslint.engine import check_text
from newslint.rules.empty_field import EmptyField
from newslint.site import Site
from newslint.testing import Case, Raw, assert_case, fm

CASES = [
    Case("filled", fm(title="Budget", menu="main", tags=["economy"])),
    Case(
        "menu-empty-string",
        fm(title="Budget", menu="", lead=""),
        errors=[("empty", 3, 7)],
        fixed=fm(title="Budget", lead=""),
    ),
    Case(
        "menus-whitespace-with-comment-kept",
        '---\ntitle: "Budget"\n# the menus\nmenus: "  " # scraped\nlead: ""\n---\nBody.\n',
        errors=[("empty", 4, 8)],
        fixed='---\ntitle: "Budget"\n# the menus\nlead: ""\n---\nBody.\n',
    ),
    Case("menu-null-is-no-menu", fm(menu=None)),
    Case("harmless-empties-left-alone", fm(lead="", description="", categories=[], slug="")),
    Case(
        "only-item-empty-deletes-the-key",
        fm(title="Budget", tags=[""], pager=True),
        errors=[("empty-item", 4, 5)],
        fixed=fm(title="Budget", pager=True),
    ),
    Case(
        "empty-item-among-others",
        fm(tags=["economy", "", "budget"]),
        errors=[("empty-item", 4, 5)],
        fixed=fm(tags=["economy", "budget"]),
    ),
    Case(
        "empty-items-in-flow-list",
        fm(aliases=Raw('["/a", "", "/b", ""]')),
        errors=[("empty-item", 2, 17), ("empty-item", 2, 27)],
        fixed=fm(aliases=Raw('["/a", "/b"]')),
    ),
    Case(
        "first-item-empty-in-flow-list",
        fm(outputs=Raw('["", html]')),
        errors=[("empty-item", 2, 11)],
        fixed=fm(outputs=Raw("[html]")),
    ),
    Case(
        "menu-list-item",
        fm(menu=["main", ""]),
        errors=[("empty-item", 4, 5)],
        fixed=fm(menu=["main"]),
    ),
    Case("widgets-are-the-theme-rules", fm(widgets=[""], sidebar="")),
    Case("required-and-dates-are-other-rules", fm(title="", summary="", date="")),
    Case(
        "option-adds-keys",
        fm(author="", lead=""),
        options={"fields": ["author"]},
        errors=[("empty", 2, 9)],
        fixed=fm(lead=""),
    ),
    Case(
        "toml",
        '+++\ntitle = "Budget"\nmenu = ""\ntags = ["economy", ""]\n+++\nBody.\n',
        errors=[("empty", 3, 8), ("empty-item", 4, 20)],
        fixed='+++\ntitle = "Budget"\ntags = ["economy"]\n+++\nBody.\n',
    ),
    Case(
        "json",
        '{"title": "Budget", "menu": "", "tags": [""]}\nBody.\n',
        errors=[("empty", 1, 29), ("empty-item", 1, 42)],
        fixed='{"title": "Budget"}\nBody.\n',
    ),
]


def _mainroad(**params: object) -> Site:
    return Site(theme="mainroad", themes=("mainroad",), raw={"params": params})


# Mainroad reads `authorbox`, `pager`, `toc` and `mathjax` with `.Param`: the page's key, even empty,
# wins over the site's `params`, and an empty value is false. Where the site turns one on, an
# empty one turns it off for the page: deleting the key would turn it back on, writing false keeps
# the page as it is (checked with hugo 0.168).
SWITCH_CASES = [
    Case(
        "empty-string-turns-the-site-pager-off",
        fm(title="A", pager=""),
        errors=[("empty", 3, 8)],
        fixed=fm(title="A", pager=False),
        site=_mainroad(pager=True),
    ),
    Case(
        "null-turns-the-site-toc-off",
        "---\ntoc:\nmathjax: ''\n---\n",
        errors=[("empty", 2, 1), ("empty", 3, 10)],
        fixed="---\ntoc: false\nmathjax: false\n---\n",
        site=_mainroad(toc=1, mathjax=True),
    ),
    Case(
        "switch-toml",
        '+++\nauthorbox = ""\n+++\n',
        errors=[("empty", 2, 13)],
        fixed="+++\nauthorbox = false\n+++\n",
        site=_mainroad(authorbox=True),
    ),
    Case(
        "switch-json",
        '{"pager": null}\n',
        errors=[("empty", 1, 11)],
        fixed='{"pager": false}\n',
        site=_mainroad(pager=True),
    ),
    # Off at the site level anyway (mathjax only for the boolean true): empty is as absent.
    Case("site-switch-off", fm(pager="", toc=None), site=_mainroad(pager=False)),
    Case("site-mathjax-string", fm(mathjax=""), site=_mainroad(mathjax="true")),
    # `comments` ignores the site's params and `default "true"` fills in an empty value.
    Case("comments-empty-is-on-like-absent", fm(comments=""), site=_mainroad(comments=True)),
    Case("no-mainroad", fm(pager=""), site=_mainroad(pager=True), config={"presets": ["hugo"]}),
    # A page reads its language's params over the site's (`[languages.zh-cn.params]`).
    Case(
        "language-turns-the-switch-on",
        fm(title="A", pager=""),
        errors=[("empty", 3, 8)],
        fixed=fm(title="A", pager=False),
        site=Site(
            theme="mainroad",
            themes=("mainroad",),
            raw={"params": {"pager": False}, "languages": {"zh-cn": {"params": {"pager": True}}}},
        ),
        language="zh-CN",
    ),
    Case(
        "language-turns-the-switch-off",
        fm(title="A", pager=""),
        site=Site(
            theme="mainroad",
            themes=("mainroad",),
            raw={"params": {"pager": True}, "languages": {"en": {"params": {"pager": False}}}},
        ),
        language="en",
    ),
    # A switch under `params` is the page's `.Param` value (hugo 0.168): checked where written,
    # fixed in place; the top-level one it overrides is read by nothing.
    Case(
        "params-yaml",
        "---\ntoc: ''\nparams:\n  toc:\n  pager: ''\n---\n",
        errors=[("empty", 4, 3), ("empty", 5, 10)],
        fixed="---\ntoc: ''\nparams:\n  toc: false\n  pager: false\n---\n",
        site=_mainroad(toc=True, pager=True),
    ),
    Case(
        "params-toml-table",
        '+++\ntitle = "A"\n[params]\nauthorbox = ""\n+++\n',
        errors=[("empty", 4, 13)],
        fixed='+++\ntitle = "A"\n[params]\nauthorbox = false\n+++\n',
        site=_mainroad(authorbox=True),
    ),
    Case(
        "params-toml-inline-table",
        '+++\nparams = {authorbox = ""}\n+++\n',
        errors=[("empty", 2, 23)],
        fixed="+++\nparams = {authorbox = false}\n+++\n",
        site=_mainroad(authorbox=True),
    ),
    Case(
        "params-json",
        '{"params": {"pager": null}}\n',
        errors=[("empty", 1, 22)],
        fixed='{"params": {"pager": false}}\n',
        site=_mainroad(pager=True),
    ),
    # An empty `params.pager` turns the site's pager off even over `pager: true` at the top level.
    Case(
        "params-empty-over-a-top-level-true",
        "---\npager: true\nparams: {pager: ''}\n---\n",
        errors=[("empty", 3, 17)],
        fixed="---\npager: true\nparams: {pager: false}\n---\n",
        site=_mainroad(pager=True),
    ),
    # Hugo's own fields are not read from `params` (`params.menu` is no menu).
    Case("params-hugo-field", "---\nparams:\n  menu: ''\n---\n"),
    # A taxonomy under `params` holds the page's terms (hugo 0.168): its empty item is removed;
    # the top-level `tags` it replaces is read by nothing.
    Case(
        "params-taxonomy-empty-item",
        "---\ntags: ['']\nparams:\n  tags: ['', b]\n---\n",
        errors=[("empty-item", 4, 10)],
        fixed="---\ntags: ['']\nparams:\n  tags: [b]\n---\n",
    ),
    # Only empty items: reported, not deleted (the top-level list would then be the terms).
    Case(
        "params-taxonomy-all-empty-not-deleted",
        '+++\ncategories = ["a"]\n[params]\ncategories = [""]\n+++\n',
        errors=[("empty-item", 4, 15)],
    ),
    # A key of the `fields` option: reported, never deleted (the top-level one would take over).
    Case(
        "params-option-key-not-deleted",
        "---\nauthor: ''\nparams:\n  author: ''\n  post_meta: ['date', '']\n---\n",
        options={"fields": ["author"]},
        errors=[("empty", 4, 11), ("empty-item", 5, 23)],
        fixed="---\nauthor: ''\nparams:\n  author: ''\n  post_meta: ['date']\n---\n",
    ),
]


@pytest.mark.parametrize("case", CASES + SWITCH_CASES, ids=lambda c: c.name)
def test_empty_field(case: Case) -> None:
    assert_case(EmptyField, case)


def test_a_value_under_params_is_named_so_in_the_message() -> None:
    text = "---\nparams:\n  Author: ''\n  post_meta: ['']\n---\n"
    data = {"presets": ["hugo", "mainroad"], "rules": {"empty-field": {"fields": ["author"]}}}
    config = parse_config(data)
    found = [d.message for d in check_text(text, select=["FM006"], config=config)]
    assert found == ["params.Author is empty", "params.post_meta has an empty item"]


@pytest.mark.parametrize(
    ("key", "value", "severity", "column", "message"),
    [
        (
            "aliases",
            '["/a", ""]',
            "ERROR",
            17,
            "aliases has an empty item: Hugo makes it an alias of the site's root, the build fails",
        ),
        (
            "outputs",
            "[html, null]",
            "ERROR",
            17,
            'outputs has an empty item: Hugo knows no output format named "", the build fails',
        ),
        ("tags", '[a, ""]', "WARNING", 11, "tags has an empty item"),
        # An alias of white space only builds (hugo 0.168); an output format of it does not.
        ("aliases", '["/a", " "]', "WARNING", 17, "aliases has an empty item"),
        (
            "outputs",
            '[html, " "]',
            "ERROR",
            17,
            'outputs has an empty item: Hugo knows no output format named "", the build fails',
        ),
    ],
)
def test_an_empty_alias_or_output_fails_the_build(
    key: str, value: str, severity: str, column: int, message: str
) -> None:
    """Hugo fails on `aliases: [""]` and `outputs: [""]` (checked with hugo 0.168, and in
    tests/test_hugo_claims_oracle.py); an empty tag only hides whether one was meant."""
    found = check_text(fm(**{key: Raw(value)}), select=["FM006"])
    assert [(d.severity.name, d.line, d.column, d.message) for d in found] == [
        (severity, 2, column, message)
    ]


def test_an_empty_item_of_a_source_list_is_removed() -> None:
    case = Case(
        "source-list-empty-item",
        "---\nsource: [https://r.com/a, '']\n---\n",
        errors=[("empty-item", 2, 27)],
        fixed="---\nsource: [https://r.com/a]\n---\n",
    )
    assert_case(EmptyField, case)
