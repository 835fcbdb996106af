from __future__ import annotations

from pathlib import Path

import pytest

from newslint.rules.shortcode_unknown import ShortcodeUnknown
from newslint.site import Site, load_site
from newslint.testing import Case, assert_case, case_reports, fm
from tests.rules._shortcodes import PATH, hugo_site

HUGO = hugo_site()
OWN = hugo_site(frozenset({"note", "media/clip", "callout"}))


def case(
    name: str,
    body: str,
    errors: list[tuple[str, int, int]] | None = None,
    *,
    site: Site = HUGO,
    path: str = PATH,
    **fields: object,
) -> Case:
    """A case on a page of `site` (the body starts on line 5, or later with more `fields`)."""
    return Case(name, fm(title="T", body=body, **fields), errors or [], site=site, path=path)


CASES = [
    case("typo", 'Chart:\n\n{{< figur src="a.png" >}}\n', [("unknown", 7, 1)]),
    # Hugo looks names up whatever their case; every call of an unknown name is reported.
    case(
        "percent-form-case-and-every-call",
        "{{% Note %}} and {{<callout>}}x{{< /callout >}}\n\n{{% warning %}}\n",
        [("unknown", 7, 1)],
        site=hugo_site(frozenset({"note", "callout"})),
    ),
    case(
        "both-unknown-calls",
        "{{< warning >}} and {{< /warning >}} {{< tip >}}\n",
        [("unknown", 5, 1), ("unknown", 5, 38)],
    ),
    # Hugo's own shortcodes need no template of the site's.
    case(
        "builtins",
        '{{< figure src="a.png" >}} {{< YouTube abc >}} {{< x user="a" id="1" >}}\n\n'
        '{{< highlight go >}}a{{< /highlight >}} {{< ref "b" >}} {{< qr text="a" />}}\n',
    ),
    # The removed ones are shortcode-removed's (BD015).
    case("removed-builtins", "{{< gist a 1 >}} {{< tweet 1 >}} {{< instagram_simple a >}}\n"),
    # `layouts/_shortcodes/media/clip.html` defines `media/clip`, not `media` nor `media/clap`
    # (hugo 0.168: template for shortcode "media" not found).
    case(
        "name-with-a-folder",
        "{{< media/clip a >}} {{< other/clip a >}} {{< media a >}} {{< media/clap a >}}\n",
        [("unknown", 5, 22), ("unknown", 5, 43), ("unknown", 5, 59)],
        site=OWN,
    ),
    # Looked up when the page is made: in code, in an HTML comment, on a draft and on a page
    # never rendered, the call fails the build all the same (hugo 0.168).
    case(
        "in-code-and-html-comment",
        "`{{< nope >}}`\n\n```\n{{< nope >}}\n```\n\n<!-- {{< nope >}} -->\n",
        [("unknown", 5, 2), ("unknown", 8, 1), ("unknown", 11, 6)],
    ),
    case(
        "draft-headless-never-rendered",
        "{{< nope >}}\n",
        [("unknown", 9, 1)],
        draft=True,
        headless=True,
        build={"render": "never"},
    ),
    # The commented form shows a call; an inline shortcode is the page's own.
    case(
        "commented-form-and-inline",
        "{{</* nope */>}} {{%/* nope */%}}\n\n{{< nope.inline >}}x{{< /nope.inline >}}\n",
    ),
    # Hugo stops at the first call it cannot read (shortcode-syntax's report): nothing after it.
    case(
        "calls-after-a-syntax-error",
        '{{< nope >}}\n\n{{< nope "a" b="c" >}}\n\n{{< nope >}}\n',
        [("unknown", 5, 1)],
    ),
    case(
        "templates-not-all-read",
        "{{< nope >}}\n",
        site=Site(root=Path("/site"), config_path=Path("/site/hugo.toml")),
    ),
    case("outside-a-hugo-site", "{{< nope >}}\n", site=Site()),
    case("outside-the-content-folders", "{{< nope >}}\n", path="/site/README.md"),
    case("no-call", "Braces {{ .Title }} and {{\\< nope >}}.\n"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_shortcode_unknown(case: Case) -> None:
    assert_case(ShortcodeUnknown, case)


def test_message_and_display_only_fix_name_the_closest_shortcode() -> None:
    typo = case("typo", 'A {{< figur src="a.png" >}} {{< notes >}} {{< zzz >}}\n', site=OWN)
    doc, reports = case_reports(ShortcodeUnknown, typo)
    assert [r.message for r in reports] == [
        f'no shortcode "{name}" in Hugo, the site or its theme: hugo fails the build (template '
        f'for shortcode "{name}" not found)'
        for name in ("figur", "notes", "zzz")
    ]
    assert [doc.text[r.span.start : r.span.end] for r in reports] == [
        "{{< figur",
        "{{< notes",
        "{{< zzz",
    ]
    fixes = [r.fix for r in reports]
    assert fixes[2] is None
    assert [(f.title, f.applicability.value) for f in fixes if f is not None] == [
        ('Call the "figure" shortcode', "display-only"),
        ('Call the "note" shortcode', "display-only"),
    ]
    assert [
        [(doc.text[e.start : e.end], e.content) for e in f.edits] for f in fixes if f is not None
    ] == [[("figur", "figure")], [("notes", "note")]]


def test_a_site_with_another_layout_dir_may_define_any_name(tmp_path: Path) -> None:
    # hugo 0.168 reads the site's templates from `layoutDir` (`tpl/_shortcodes/zz.html`).
    for name, config in (("other", 'layoutDir = "tpl"\n'), ("default", 'layoutDir = "layouts/"\n')):
        (tmp_path / name / "layouts").mkdir(parents=True)
        (tmp_path / name / "hugo.toml").write_text('title = "T"\n' + config)
    assert load_site(tmp_path / "other", tmp_path / "other" / "hugo.toml").shortcodes_unseen
    assert not load_site(tmp_path / "default", tmp_path / "default" / "hugo.toml").shortcodes_unseen


def test_the_site_lists_the_shortcodes_hugo_defines_from_its_files(tmp_path: Path) -> None:
    # Each checked with hugo 0.168 in a site holding only that file: `zz.html`, `zz.en.html`,
    # `zz.html.bak` and a bare `zz` define `zz`; `sub/zz.html` defines `sub/zz` and not `sub`;
    # backups, hidden and lock files (and folders) define nothing; nor does a link, to a file or
    # a folder ("template for shortcode ... not found").
    folder = tmp_path / "layouts" / "_shortcodes"
    for name in (
        "zz.html",
        "Up.en.html",
        "bak.html.bak",
        "bare",
        "sub/In.html",
        "a/b/deep.amp.html",
        "tilde.html~",
        ".hidden.html",
        "#hash.html#",
        ".#lock.html",
        "gone~/x.html",
        ".hid/x.html",
        "#h#/x.html",
    ):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("x", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "y.html").write_text("x", encoding="utf-8")
    (folder / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (folder / "filelink.html").symlink_to(tmp_path / "elsewhere" / "y.html")
    (tmp_path / "hugo.toml").write_text('title = "T"\n', encoding="utf-8")
    site = load_site(tmp_path, tmp_path / "hugo.toml")
    assert (site.shortcode_templates, site.shortcodes_unseen) == (
        frozenset({"zz", "up", "bak", "bare", "sub/in", "a/b/deep"}),
        False,
    )
