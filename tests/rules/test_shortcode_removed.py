from __future__ import annotations

from pathlib import Path

import pytest

from newslint.rules.shortcode_removed import ShortcodeRemoved
from newslint.site import Site, load_site
from newslint.testing import Case, assert_case, fm


def _site(**values: object) -> Site:
    """A Hugo site whose shortcode templates were all read (none of its own unless given)."""
    return Site(
        root=Path("/site"), config_path=Path("/site/hugo.toml"), shortcodes_unseen=False, **values
    )  # type: ignore[arg-type]


HUGO = _site()

CASES = [
    Case(
        "plain-gist-call",
        fm(title="T", body="Code:\n\n{{< gist spf13 7896402 >}}\n"),
        [("removed", 7, 1)],
        site=HUGO,
    ),
    Case(
        # The `%` form and every removed name, whatever the case of its name (Hugo's is none).
        "percent-form-and-other-names",
        fm(
            title="T",
            body='{{% twitter user="x" id="1" %}}\n\n{{<tweet 1>}} and {{< Twitter_Simple 1 >}}\n\n'
            "{{< instagram_simple BXa >}}\n",
        ),
        [("removed", 5, 1), ("removed", 7, 1), ("removed", 7, 19), ("removed", 9, 1)],
        site=HUGO,
    ),
    Case(
        # Hugo runs shortcodes before Markdown: in code they fail the build all the same.
        "in-code-span-and-fence",
        fm(title="T", body="Write `{{< gist a 1 >}}`.\n\n```\n{{< tweet 1 >}}\n```\n"),
        [("removed", 5, 8), ("removed", 8, 1)],
        site=HUGO,
    ),
    Case(
        # The commented form shows a call; a closing tag, an HTML comment and other names call
        # nothing removed.
        "escaped-closing-comment-and-other-names",
        fm(
            title="T",
            body="{{</* gist a 1 */>}} {{%/* tweet 1 */%}}\n\n<!-- {{< gist a 1 >}} -->\n\n"
            '{{< x user="a" id="1" >}} {{< gists >}} {{< tweets >}}\n\nA gist and a tweet.\n',
        ),
        site=HUGO,
    ),
    Case(
        "site-defines-the-shortcode",
        fm(title="T", body="{{< gist a 1 >}} {{< tweet 1 >}}\n"),
        [("removed", 5, 18)],
        site=_site(shortcode_templates=frozenset({"gist"})),
    ),
    Case(
        "templates-not-all-read",
        fm(title="T", body="{{< gist a 1 >}}\n"),
        site=Site(root=Path("/site"), config_path=Path("/site/hugo.toml")),
    ),
    Case("outside-a-hugo-site", fm(title="T", body="{{< gist a 1 >}}\n"), site=Site()),
    Case(
        "older-hugo-declared",
        fm(title="T", body="{{< gist a 1 >}}\n\n{{< instagram_simple BXa >}}\n"),
        [("removed", 7, 1)],
        site=_site(raw={"module": {"hugoversion": {"max": "0.155.3"}}}),
    ),
    Case(
        "newer-hugo-declared",
        fm(title="T", body="{{< gist a 1 >}}\n"),
        [("removed", 5, 1)],
        site=_site(raw={"module": {"hugoversion": {"min": "0.120.0", "max": "v0.156.0"}}}),
    ),
    Case(
        # A build pinned outside the configuration (netlify.toml, CI) to a Hugo that has gist.
        "older-hugo-pinned",
        fm(title="T", body="{{< gist a 1 >}}\n\n{{< instagram_simple BXa >}}\n"),
        [("removed", 7, 1)],
        site=_site(pinned_hugo=((0, 155, 0), (0, 160, 1))),
    ),
    Case(
        "newer-hugo-pinned",
        fm(title="T", body="{{< gist a 1 >}}\n"),
        [("removed", 5, 1)],
        site=_site(pinned_hugo=((0, 156, 0),)),
    ),
    Case(
        # hugo 0.168 runs a page's shortcodes only when it renders it, or a list template shows
        # its summary: `render: never` passes with a list of titles, fails with `.Summary`.
        "never-rendered",
        fm(title="T", build={"render": "never"}, body="{{< gist a 1 >}}\n"),
        site=HUGO,
    ),
    Case(
        "render-link",
        fm(title="T", build={"render": "link"}, body="{{< gist a 1 >}}\n"),
        site=HUGO,
    ),
    Case(
        # `"Never"` is no value hugo 0.168 knows: the page is rendered and the build fails
        "render-never-misspelt",
        fm(title="T", build={"render": "Never"}, body="{{< gist a 1 >}}\n"),
        [("removed", 7, 1)],
        site=HUGO,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_shortcode_removed(case: Case) -> None:
    assert_case(ShortcodeRemoved, case)


def _write(path: Path, text: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("config", "files", "names", "unseen"),
    [
        (
            "",
            ["layouts/shortcodes/gist.html", "layouts/_shortcodes/Tweet.en.html"],
            {"gist", "tweet"},
            False,
        ),
        ('theme = "child"', ["themes/child/layouts/_shortcodes/gist.html"], {"gist"}, False),
        ('theme = "child"', ["_vendor/child/layouts/shortcodes/gist.html"], {"gist"}, False),
        ('theme = "github.com/x/unseen"', [], set(), True),
        ('theme = "mainroad"', [], set(), False),  # Mainroad has no shortcodes
        (
            '[[module.mounts]]\nsource = "node_modules/x/layouts"\ntarget = "layouts"',
            [],
            set(),
            True,
        ),
    ],
)
def test_site_shortcode_templates(
    tmp_path: Path, config: str, files: list[str], names: set[str], unseen: bool
) -> None:
    _write(tmp_path / "hugo.toml", config + "\n")
    for name in files:
        _write(tmp_path / name)
    site = load_site(tmp_path, tmp_path / "hugo.toml")
    assert (site.shortcode_templates, site.shortcodes_unseen) == (frozenset(names), unseen)


@pytest.mark.parametrize(
    ("name", "text", "pinned"),
    [
        ("netlify.toml", '[build.environment]\n  HUGO_VERSION = "0.120.4"\n', [(0, 120, 4)]),
        (
            "netlify.toml",
            "[context.production.environment]\nHUGO_VERSION = '0.155'\n"
            '[context.deploy-preview.environment]\nHUGO_VERSION = "latest"\n',
            [(0, 155, 0)],
        ),
        (".github/workflows/hugo.yml", "    env:\n      HUGO_VERSION: 0.128.0\n", [(0, 128, 0)]),
        (
            ".github/workflows/gh-pages.yaml",
            "      with:\n          hugo-version: 'v0.119.0'\n          extended: true\n",
            [(0, 119, 0)],
        ),
        (".github/workflows/x.yml", "      hugo-version: latest\n", []),
        ("vercel.json", '{"build": {"env": {"HUGO_VERSION": "0.58.2"}}}\n', [(0, 58, 2)]),
        (
            ".gitlab-ci.yml",
            "image: registry.gitlab.com/pages/hugo/hugo_extended:0.121.1\n",
            [(0, 121, 1)],
        ),
        (".gitlab-ci.yml", "variables:\n  HUGO_VERSION: '0.110.0'\n", [(0, 110, 0)]),
        ("wrangler.toml", '[vars]\nHUGO_VERSION = "0.124.1"\n', [(0, 124, 1)]),
        ("netlify.toml", '[build]\ncommand = "hugo --minify"\n', []),
    ],
)
def test_site_pinned_hugo(tmp_path: Path, name: str, text: str, pinned: list[object]) -> None:
    _write(tmp_path / "hugo.toml", "")
    _write(tmp_path / name, text)
    assert load_site(tmp_path, tmp_path / "hugo.toml").pinned_hugo == tuple(pinned)


def test_site_pinned_hugo_up_to_the_repository_root(tmp_path: Path) -> None:
    """A site in a folder of its repository: the repository's `netlify.toml` and workflows pin
    its builds; a file above the repository does not."""
    _write(tmp_path / "netlify.toml", 'HUGO_VERSION = "0.100.0"\n')
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    _write(repo / ".github/workflows/deploy.yml", "HUGO_VERSION: 0.150.0\n")
    site = repo / "site"
    _write(site / "hugo.toml", "")
    assert load_site(site, site / "hugo.toml").pinned_hugo == ((0, 150, 0),)
