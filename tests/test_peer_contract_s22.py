"""Peer round s22: the promises of the rule catalogue that the fewest tests checked.

Written as an outside tester with only `newslint rule CODE`, the README and DESIGN.md, for the
rules that no earlier peer round played at all or only once or twice: decomposed-text (EN008),
language-key-ignored (FM013), shortcode-removed (BD015), wordpress-shortcode (BD012),
url-percent-encoded (FM010), chat-citation (BD011), value-cut-by-comment (FM011), indented-prose
(BD010), file-language-spaced (FM012), halfwidth-punctuation (TX008), title-truncated (TX009),
paragraph-heading (BD009), markdown-in-html (BD013) and alias-language-prefix (FM009). Each test
writes a small article or site, runs `newslint check --output-format json` (or `fix`), and asserts
the exact rule, span (1-based, end exclusive, columns in code points: DESIGN.md), message and
fixed text. The files vary as peers vary them: TOML `+++` and JSON `{` front matter, CRLF, a byte
order mark, tabs, CJK and emoji before the reported column, no newline at the end, one defect
twice in a line.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newslint.cli import main
from newslint.site import clear_site_cache

NEWSLINT = str(Path(sys.executable).parent / "newslint")
D = "e\u0301"  # `é` written decomposed
TWO_LANGUAGES = (
    'baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\n'
    "[languages.en]\nweight = 1\n[languages.de]\nweight = 2\n"
)
ONE_LANGUAGE = 'baseURL = "https://example.org/"\n'

Found = tuple[str, int, int, int, int, str, str]


def write(root: Path, files: dict[str, str | bytes]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_bytes(text.encode("utf-8"))  # as written: no newline translation


def run(
    root: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *args: str,
) -> tuple[int, str]:
    monkeypatch.chdir(root)
    clear_site_cache()
    code = main([*args])
    clear_site_cache()
    return code, capsys.readouterr().out


def diagnostics(
    root: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    files: dict[str, str | bytes],
    select: str,
    *args: str,
) -> list[dict[str, Any]]:
    write(root, files)
    _, out = run(
        root,
        monkeypatch,
        capsys,
        "check",
        *(args or ("--isolated",)),
        "--no-cache",
        "--select",
        select,
        "--output-format",
        "json",
    )
    found: list[dict[str, Any]] = json.loads(out)
    return found


def check(
    root: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    files: dict[str, str | bytes],
    select: str,
    *args: str,
) -> list[Found]:
    """(path, line, column, end line, end column, code, message) of each diagnostic."""
    found = diagnostics(root, monkeypatch, capsys, files, select, *args)
    return [
        (d["path"], d["line"], d["column"], d["end_line"], d["end_column"], d["code"], d["message"])
        for d in found
    ]


def fixes(
    root: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    files: dict[str, str | bytes],
    select: str,
    *args: str,
) -> list[tuple[int, int, str | None, list[tuple[int, int, int, int, str]]]]:
    """(line, column, applicability, edits) of each diagnostic."""
    found = diagnostics(root, monkeypatch, capsys, files, select, *args)
    return [
        (
            d["line"],
            d["column"],
            d["fix"] and d["fix"]["applicability"],
            [
                (e["line"], e["column"], e["end_line"], e["end_column"], e["content"])
                for e in (d["fix"] or {"edits": []})["edits"]
            ],
        )
        for d in found
    ]


def fixed(
    root: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    files: dict[str, str | bytes],
    select: str,
    *args: str,
) -> dict[str, bytes]:
    """The files' bytes after `newslint fix`."""
    write(root, files)
    run(root, monkeypatch, capsys, "fix", "--isolated", "--no-cache", "--select", select, *args)
    return {name: (root / name).read_bytes() for name in files}


def article(body: str, front: str = 'title: "Story"\n') -> str:
    return f"---\n{front}---\n\n{body}"


# --- decomposed-text (EN008) ----------------------------------------------------------------------

DECOMPOSED = (
    "{word!r} is written decomposed (letters and combining marks apart): search and Hugo's "
    "heading ids take it for another word"
)


def test_en008_twice_in_a_title_after_cjk_and_emoji(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each decomposed word of a title, columns in code points past CJK and an emoji."""
    files: dict[str, str | bytes] = {
        "a.md": article("Body.\n", f'title: "Caf{D} 日本 😀 Caf{D}"\n')
    }
    message = DECOMPOSED.format(word="Café")
    assert check(tmp_path, monkeypatch, capsys, files, "EN008") == [
        ("a.md", 2, 9, 2, 14, "EN008", message),
        ("a.md", 2, 20, 2, 25, "EN008", message),
    ]
    assert fixes(tmp_path, monkeypatch, capsys, files, "EN008") == [
        (2, 9, "safe", [(2, 9, 2, 14, "Café")]),
        (2, 20, "safe", [(2, 20, 2, 25, "Café")]),
    ]


def test_en008_stacked_marks_in_toml_with_crlf_are_one_word(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Vietnamese `ồ` as `o` + U+0302 + U+0300: one word, composed by `fix`, CRLF kept."""
    nguon = "Nguo\u0302\u0300n"
    files: dict[str, str | bytes] = {
        "v.md": f'+++\r\ntitle = "{nguon} tin"\r\n+++\r\n\r\n{nguon} tin.\r\n'
    }
    message = DECOMPOSED.format(word="Nguồn")
    assert check(tmp_path, monkeypatch, capsys, files, "EN008") == [
        ("v.md", 2, 10, 2, 17, "EN008", message),
        ("v.md", 5, 1, 5, 8, "EN008", message),
    ]
    after = fixed(tmp_path, monkeypatch, capsys, files, "EN008")
    assert after["v.md"] == '+++\r\ntitle = "Nguồn tin"\r\n+++\r\n\r\nNguồn tin.\r\n'.encode()


def test_en008_jamo_and_kana_voicing_in_json_front_matter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Hangul written as jamo and `ト` + U+3099 compose (`출`, `ド`); the word is the whole run."""
    jamo, kana = "\u110e\u116e\u11af", "\u30c8\u3099\u30a2"
    files: dict[str, str | bytes] = {
        "j.md": '{\n  "title": "x",\n  "summary": "' + jamo + " " + kana + '"\n}\n\nBody.\n'
    }
    assert check(tmp_path, monkeypatch, capsys, files, "EN008") == [
        ("j.md", 3, 15, 3, 18, "EN008", DECOMPOSED.format(word="출")),
        ("j.md", 3, 19, 3, 22, "EN008", DECOMPOSED.format(word="ドア")),
    ]


def test_en008_marks_that_compose_into_nothing_are_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Hebrew points and a Devanagari nukta stay apart in NFC: nothing to report."""
    files: dict[str, str | bytes] = {
        "h.md": article("שָׁלוֹם and \u0915\u093c\u093e and \u05e9\u05c1.\n", 'title: "שָׁלוֹם"\n')
    }
    assert check(tmp_path, monkeypatch, capsys, files, "EN008") == []


def test_en008_code_urls_and_templates_are_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The doc: "code, URLs and templates" are left alone; a link's text is prose, reported."""
    body = (
        f"`caf{D}` <https://x.org/caf{D}> https://y.org/caf{D} <mailto:caf{D}@x.org> "
        f'{{{{< x "caf{D}" >}}}} [caf{D}](https://z.org/caf{D})\n'
        f"\n```\ncaf{D}\n```\n"
    )
    files: dict[str, str | bytes] = {"u.md": article(body)}
    assert check(tmp_path, monkeypatch, capsys, files, "EN008") == [
        ("u.md", 5, 91, 5, 96, "EN008", DECOMPOSED.format(word="café")),
    ]


def test_en008_a_heading_and_the_last_line_without_newline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A heading's word (Hugo drops its marks from the id) and a word that ends the file."""
    cestina = "C\u030ce\u0161tina"
    files: dict[str, str | bytes] = {"k.md": article(f"## {cestina}\n\nLe caf{D}")}
    assert check(tmp_path, monkeypatch, capsys, files, "EN008") == [
        ("k.md", 5, 4, 5, 12, "EN008", DECOMPOSED.format(word="Čeština")),
        ("k.md", 7, 4, 7, 9, "EN008", DECOMPOSED.format(word="café")),
    ]
    after = fixed(tmp_path, monkeypatch, capsys, files, "EN008")
    assert after["k.md"] == article("## Čeština\n\nLe café").encode()


def test_en008_params_lead_and_the_fields_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`params.lead` is checked there; `fields` picks the front-matter fields."""
    front = f'title: "x"\nsubtitle: "Caf{D}"\nparams:\n  lead: "Caf{D} lead"\n'
    files: dict[str, str | bytes] = {"p.md": article("Body.\n", front)}
    message = DECOMPOSED.format(word="Café")
    assert check(tmp_path, monkeypatch, capsys, files, "EN008") == [
        ("p.md", 5, 10, 5, 15, "EN008", message),
    ]
    option = 'rules.decomposed-text.fields = ["subtitle"]'
    assert check(
        tmp_path, monkeypatch, capsys, files, "EN008", "--isolated", "--config", option
    ) == [("p.md", 3, 12, 3, 17, "EN008", message)]


def test_en008_a_byte_order_mark_is_a_column_of_line_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """README: the BOM counts as a code point of line 1 (no front matter here)."""
    files: dict[str, str | bytes] = {"b.md": f"\ufeffCaf{D} opened.\n"}
    assert check(tmp_path, monkeypatch, capsys, files, "EN008") == [
        ("b.md", 1, 2, 1, 7, "EN008", DECOMPOSED.format(word="Café")),
    ]
    after = fixed(tmp_path, monkeypatch, capsys, files, "EN008")
    assert after["b.md"] == "\ufeffCafé opened.\n".encode()


def test_en008_diff_from_standard_input_writes_nothing(tmp_path: Path) -> None:
    """`fix --diff -` prints the change and exits 1 (a fix would be applied); nothing written."""
    text = article(f"Caf{D} caf{D}")
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    done = subprocess.run(
        [NEWSLINT, "fix", "--isolated", "--no-cache", "--select", "EN008", "--diff", "-"],
        cwd=tmp_path,
        env=env,
        input=text.encode(),
        capture_output=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert b"-" + f"Caf{D} caf{D}".encode() in done.stdout
    assert b"+Caf\xc3\xa9 caf\xc3\xa9" in done.stdout
    assert list(tmp_path.iterdir()) == []


# --- language-key-ignored (FM013) -----------------------------------------------------------------


def ignored(key: str, name: str, wrong: str = "de", built: str = "en") -> str:
    return (
        f"front matter's {key!r} is not read by Hugo: this page is built in {built!r}, not "
        f"{wrong!r} (rename the file {name!r}, move it to the content folder of {wrong!r} or set "
        "sites.matrix.languages)"
    )


def test_fm013_at_the_value_in_yaml_toml_and_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files: dict[str, str | bytes] = {
        "hugo.toml": TWO_LANGUAGES,
        "content/news/treffen.md": "---\ntitle: Mumble-Treffen\nlanguage: de\n---\n\nText.\n",
        "content/news/toml.md": '+++\r\ntitle = "日本語😀"\r\nlang = "DE"\r\n+++\r\n\r\nText.',
        "content/news/json.md": '{\n  "title": "x", "lang": "de"\n}\n\nText.\n',
    }
    assert check(tmp_path, monkeypatch, capsys, files, "FM013", "--isolated", "content") == [
        ("content/news/json.md", 2, 25, 2, 29, "FM013", ignored("lang", "json.de.md")),
        ("content/news/toml.md", 3, 8, 3, 12, "FM013", ignored("lang", "toml.de.md")),
        ("content/news/treffen.md", 3, 11, 3, 13, "FM013", ignored("language", "treffen.de.md")),
    ]


@pytest.mark.parametrize(
    ("config", "name", "value"),
    [
        (TWO_LANGUAGES, "content/news/own.de.md", "de"),  # the file name gives it
        (TWO_LANGUAGES, "content/news/own.md", "EN"),  # the page's own language
        (TWO_LANGUAGES, "content/news/fr.md", "fr"),  # no language of the site
        (ONE_LANGUAGE, "content/news/one.md", "de"),  # a site of one language
        (None, "_posts/2020-10-14-treffen.md", "de"),  # outside a Hugo site
    ],
    ids=["file-name", "own-language", "not-a-site-language", "one-language", "no-site"],
)
def test_fm013_left_alone(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    config: str | None,
    name: str,
    value: str,
) -> None:
    files: dict[str, str | bytes] = {name: f"---\ntitle: x\nlang: {value}\n---\n\nText.\n"}
    if config is not None:
        files["hugo.toml"] = config
    assert check(tmp_path, monkeypatch, capsys, files, "FM013", "--isolated", name) == []


def test_fm013_language_of_the_content_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page in German's content folder is German: `lang: de` is right, `lang: en` is not."""
    config = (
        'baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\n'
        '[languages.en]\ncontentDir = "content/en"\n[languages.de]\ncontentDir = "content/de"\n'
    )
    files: dict[str, str | bytes] = {
        "hugo.toml": config,
        "content/de/a.md": "---\ntitle: x\nlang: de\n---\n\nText.\n",
        "content/de/b.md": "---\ntitle: x\nlang: en\n---\n\nText.\n",
    }
    assert check(tmp_path, monkeypatch, capsys, files, "FM013", "--isolated", "content") == [
        ("content/de/b.md", 3, 7, 3, 9, "FM013", ignored("lang", "b.en.md", "en", "de")),
    ]


# --- shortcode-removed (BD015) --------------------------------------------------------------------

GIST = (
    'the "gist" shortcode was removed in Hugo 0.156.0, which fails the build on it: copy the code '
    "into a code block, link to the gist, or write a `gist` shortcode of the site's own"
)
TWITTER = (
    'the "{}" shortcode was removed in Hugo 0.156.0, which fails the build on it: use the "x" '
    'shortcode: {{{{< x user="..." id="..." >}}}}'
)
INSTAGRAM = (
    'the "instagram_simple" shortcode was removed in Hugo 0.123.0, which fails the build on it: '
    'use the "instagram" shortcode'
)
GIST_PAGE = "---\ntitle: x\n---\n\n{{< gist user 123 >}}\n"


def test_bd015_both_forms_code_and_what_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A call in either form and in a code span fails the build, a draft's too; the commented
    form `{{</* */>}}` and a call in an HTML comment do not."""
    body = (
        '日本😀 {{< gist user 123 >}} and {{% twitter user="x" id="1" %}}\n\n'
        '`{{< tweet user="a" id="2" >}}`\n\n{{</* gist user 9 */>}}\n\n'
        "<!-- {{< instagram_simple 5 >}} -->\n\n{{< instagram_simple 5 >}}\n"
    )
    files: dict[str, str | bytes] = {
        "hugo.toml": ONE_LANGUAGE,
        "content/news/a.md": article(body, "title: x\ndraft: true\n"),
    }
    path = "content/news/a.md"
    assert check(tmp_path, monkeypatch, capsys, files, "BD015", "--isolated", "content") == [
        (path, 6, 5, 6, 26, "BD015", GIST),
        (path, 6, 31, 6, 62, "BD015", TWITTER.format("twitter")),
        (path, 8, 2, 8, 31, "BD015", TWITTER.format("tweet")),
        (path, 14, 1, 14, 27, "BD015", INSTAGRAM),
    ]


def test_bd015_twitter_simple_in_toml_crlf_without_final_newline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files: dict[str, str | bytes] = {
        "hugo.toml": ONE_LANGUAGE,
        "content/t.md": '+++\r\ntitle = "x"\r\n+++\r\n\r\n{{< twitter_simple 1 >}}{{< x_simple 1 >}}',
    }
    message = (
        'the "twitter_simple" shortcode was removed in Hugo 0.156.0, which fails the build on it: '
        'use the "x_simple" shortcode: {{< x_simple user="..." id="..." >}}'
    )
    assert check(tmp_path, monkeypatch, capsys, files, "BD015", "--isolated", "content") == [
        ("content/t.md", 5, 1, 5, 25, "BD015", message),
    ]


@pytest.mark.parametrize(
    "extra",
    [
        {"layouts/_shortcodes/gist.html": "gist"},
        {"layouts/shortcodes/gist.html": "gist"},
        {
            "themes/t/layouts/shortcodes/gist.html": "gist",
            "hugo.toml": ONE_LANGUAGE + 'theme = "t"\n',
        },
        {"hugo.toml": ONE_LANGUAGE + 'theme = "not-on-disk"\n'},
        {"hugo.toml": ONE_LANGUAGE + '[module.hugoVersion]\nmax = "0.150.0"\n'},
        {"netlify.toml": '[build.environment]\nHUGO_VERSION = "0.140.0"\n'},
        {
            ".github/workflows/hugo.yml": (
                "jobs:\n  build:\n    steps:\n      - uses: peaceiris/actions-hugo@v3\n"
                '        with:\n          hugo-version: "0.120.0"\n'
            )
        },
        {"content/news/a.md": GIST_PAGE.replace("title: x\n", "title: x\nheadless: true\n")},
        {
            "content/news/a.md": GIST_PAGE.replace(
                "title: x\n", "title: x\nbuild:\n  render: never\n"
            )
        },
        {"content/news/_index.md": "---\ntitle: n\ncascade:\n  build:\n    render: link\n---\n"},
    ],
    ids=[
        "own-_shortcodes",
        "own-shortcodes",
        "theme-defines-it",
        "theme-not-on-disk",
        "hugo-version-max",
        "netlify-pin",
        "workflow-pin",
        "headless",
        "render-never",
        "cascaded-render-link",
    ],
)
def test_bd015_left_alone(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    extra: dict[str, str | bytes],
) -> None:
    files: dict[str, str | bytes] = {
        "hugo.toml": ONE_LANGUAGE,
        "content/news/a.md": GIST_PAGE,
        **extra,
    }
    assert check(tmp_path, monkeypatch, capsys, files, "BD015", "--isolated", "content") == []


def test_bd015_a_newer_pin_and_no_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A pin to a Hugo that lacks the shortcode does not spare it; outside a site it is Jekyll's."""
    files: dict[str, str | bytes] = {
        "site/hugo.toml": ONE_LANGUAGE,
        "site/netlify.toml": '[build.environment]\nHUGO_VERSION = "0.160.0"\n',
        "site/content/a.md": GIST_PAGE,
        "loose/a.md": GIST_PAGE,
    }
    found = check(
        tmp_path, monkeypatch, capsys, files, "BD015", "--isolated", "site/content", "loose"
    )
    assert found == [("site/content/a.md", 5, 1, 5, 22, "BD015", GIST)]


# --- wordpress-shortcode (BD012) ------------------------------------------------------------------

WP = "shortcode [{}] from WordPress left in the text: Hugo shows it as written"
WP_CLOSING = "closing tag [/{}] of a WordPress shortcode left in the text: Hugo shows it as written"


def test_bd012_the_forms_it_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        '日本😀 [caption id="attachment_12" align="aligncenter" width="300"]'
        '![Crowd](https://example.org/c.jpg) The crowd[/caption] and [gallery ids="4,5,6"]\n\n'
        "\\[youtube https://youtu.be/x\\] and [youtube=https://youtu.be/y] and "
        "[embed]https://x.org/v[/embed]\n"
    )
    files: dict[str, str | bytes] = {"w.md": article(body)}
    assert check(tmp_path, monkeypatch, capsys, files, "BD012") == [
        ("w.md", 5, 5, 5, 65, "BD012", WP.format("caption")),
        ("w.md", 5, 125, 5, 146, "BD012", WP.format("gallery")),
        ("w.md", 7, 1, 7, 31, "BD012", WP.format("youtube")),
        ("w.md", 7, 36, 7, 64, "BD012", WP.format("youtube")),
        ("w.md", 7, 69, 7, 76, "BD012", WP.format("embed")),
    ]


def test_bd012_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        "[sic] [video unavailable] [1] [video https://youtu.be/x](https://youtu.be/x) "
        '`[gallery ids="1"]`\n\n{{< note >}}[gallery ids="9"]{{< /note >}}\n\n'
        '```\n[caption id="1"]x[/caption]\n```\n\n[1]: https://example.org/\n'
    )
    files: dict[str, str | bytes] = {"w.md": article(body)}
    assert check(tmp_path, monkeypatch, capsys, files, "BD012") == []


def test_bd012_closing_tags_without_a_reported_opening(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each shortcode once, at its opening tag; a closing tag left over is reported itself, also
    when a shortcode of its name was reported before (CRLF, no newline at the end)."""
    body = (
        '[caption id="a"]one[/caption] [caption id="b"]two[/caption]\r\n\r\n'
        "![Crowd](https://example.org/c.jpg) The crowd[/caption]\r\n\r\nEnd [/gallery] x [/sic]"
    )
    files: dict[str, str | bytes] = {"c.md": "---\r\ntitle: x\r\n---\r\n\r\n" + body}
    assert check(tmp_path, monkeypatch, capsys, files, "BD012") == [
        ("c.md", 5, 1, 5, 17, "BD012", WP.format("caption")),
        ("c.md", 5, 31, 5, 47, "BD012", WP.format("caption")),
        ("c.md", 7, 46, 7, 56, "BD012", WP_CLOSING.format("caption")),
        ("c.md", 9, 5, 9, 15, "BD012", WP_CLOSING.format("gallery")),
    ]


# --- url-percent-encoded (FM010) ------------------------------------------------------------------


def escaped(kind: str, value: str, decoded: str | None, why: str = "") -> str:
    where = "the redirect's address" if kind == "alias" else "the page's address"
    text = (
        f"{kind} {value} is percent-escaped, and Hugo keeps the escapes in the folder's name: "
        f"{where} answers 404 on a static server"
    )
    return text + (f"; decoded it is {decoded}" if decoded is not None else f" ({why})")


def test_fm010_url_and_aliases_safe_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    front = 'title: "日本😀"\nurl: /%D7%A2%D7%91/\naliases: ["/old%20story/", "/a%41b/"]\n'
    files: dict[str, str | bytes] = {
        "hugo.toml": ONE_LANGUAGE,
        "content/a.md": article("Text.\n", front),
    }
    args = ("--isolated", "content")
    assert check(tmp_path, monkeypatch, capsys, files, "FM010", *args) == [
        ("content/a.md", 3, 6, 3, 20, "FM010", escaped("url", "/%D7%A2%D7%91/", "/עב/")),
        ("content/a.md", 4, 11, 4, 26, "FM010", escaped("alias", "/old%20story/", "/old story/")),
        ("content/a.md", 4, 28, 4, 37, "FM010", escaped("alias", "/a%41b/", "/aAb/")),
    ]
    after = fixed(tmp_path, monkeypatch, capsys, files, "FM010", "content")
    expected = 'title: "日本😀"\nurl: /עב/\naliases: ["/old story/", "/aAb/"]\n'
    assert after["content/a.md"] == article("Text.\n", expected).encode()


def test_fm010_unsafe_for_ascii_in_a_url_and_a_slug_urlize_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    toml = '+++\r\ntitle = "x"\r\nurl = "/%41bc/"\r\n+++\r\n\r\nText.'
    files: dict[str, str | bytes] = {
        "hugo.toml": ONE_LANGUAGE,
        "content/b.md": toml,
        "content/c.md": '{\n "title": "x",\n "slug": "%d7%a2"\n}\n\nText.\n',
        "content/d.md": "---\ntitle: x\nslug: a%20b\n---\n\nText.\n",
    }
    assert fixes(tmp_path, monkeypatch, capsys, files, "FM010", "--isolated", "content") == [
        (3, 7, "unsafe", [(3, 8, 3, 15, "/Abc/")]),
        (3, 10, "safe", [(3, 11, 3, 17, "ע")]),
        (3, 7, "unsafe", [(3, 7, 3, 12, "a b")]),
    ]
    after = fixed(tmp_path, monkeypatch, capsys, files, "FM010", "content")
    assert after["content/b.md"] == toml.encode()  # unsafe: not without --unsafe-fixes
    assert after["content/c.md"] == '{\n "title": "x",\n "slug": "ע"\n}\n\nText.\n'.encode()


@pytest.mark.parametrize(
    "front",
    [
        'url: "/a%zz/"\n',  # no two hex digits
        "headless: true\nurl: /%D7%A2/\n",  # not rendered
        "build:\n  render: never\naliases: [/%D7%A2/]\n",
        'url: /x/\nslug: "%D7%A2"\n',  # a slug under a url makes no folder
        "url: https://example.org/%D7%A2/\n",  # a scheme: not a path
    ],
    ids=["no-hex", "headless", "render-never", "slug-under-url", "scheme"],
)
def test_fm010_left_alone(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    front: str,
) -> None:
    files: dict[str, str | bytes] = {
        "hugo.toml": ONE_LANGUAGE,
        "content/e.md": article("Text.\n", "title: x\n" + front),
    }
    assert check(tmp_path, monkeypatch, capsys, files, "FM010", "--isolated", "content") == []


def test_fm010_no_fix_for_an_escaped_slash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files: dict[str, str | bytes] = {
        "hugo.toml": ONE_LANGUAGE,
        "content/e.md": "---\ntitle: x\nurl: /a%2Fb/\n---\n\nText.\n",
    }
    why = "%2F: a slash would split the folder"
    assert check(tmp_path, monkeypatch, capsys, files, "FM010", "--isolated", "content") == [
        ("content/e.md", 3, 6, 3, 13, "FM010", escaped("url", "/a%2Fb/", None, why)),
    ]
    assert fixes(tmp_path, monkeypatch, capsys, files, "FM010", "--isolated", "content") == [
        (3, 6, None, []),
    ]


# --- chat-citation (BD011) ------------------------------------------------------------------------


def test_bd011_every_assistant_s_marker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        "日本😀 Tuesday [cite: 1]. Then【12:3†L5-L9】 and :contentReference[oaicite:0]{index=0} x "
        "\ue200cite\ue202turn0search0\ue201 y [citation:3], z [^1^] w [cite_start]ok `[cite: 2]`\n"
    )
    front = 'title: "x"\nsummary: "Budget passed 【4†source】 today."\ntags: [cite: 1]\n'
    files: dict[str, str | bytes] = {"a.md": article(body, front)}

    def marker(who: str, text: str) -> str:
        return f"{who} citation marker {text!r} left in the text"

    assert check(tmp_path, monkeypatch, capsys, files, "BD011") == [
        ("a.md", 3, 25, 3, 35, "BD011", marker("ChatGPT", "【4†source】")),
        ("a.md", 7, 13, 7, 22, "BD011", marker("Gemini", "[cite: 1]")),
        ("a.md", 7, 28, 7, 40, "BD011", marker("ChatGPT", "【12:3†L5-L9】")),
        ("a.md", 7, 45, 7, 82, "BD011", marker("ChatGPT", ":contentReference[oaicite:0]{index=0}")),
        ("a.md", 7, 85, 7, 104, "BD011", marker("ChatGPT", "\ue200cite\ue202turn0search0\ue201")),
        ("a.md", 7, 107, 7, 119, "BD011", marker("DeepSeek", "[citation:3]")),
        ("a.md", 7, 123, 7, 128, "BD011", marker("Copilot", "[^1^]")),
        ("a.md", 7, 131, 7, 143, "BD011", marker("Gemini", "[cite_start]")),
    ]
    applicability = [a for _, _, a, _ in fixes(tmp_path, monkeypatch, capsys, files, "BD011")]
    assert applicability == ["safe", "unsafe", "safe", "safe", "safe", "unsafe", "unsafe", "unsafe"]


def test_bd011_fix_takes_the_spaces_before_and_keeps_one_between_letters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "Tuesday [cite: 1]. A word[cite: 1, 4]word. Then 【4†source】, more."
    files: dict[str, str | bytes] = {"f.md": article(body)}
    safe_only = fixed(tmp_path, monkeypatch, capsys, files, "BD011")
    assert (
        safe_only["f.md"]
        == article("Tuesday [cite: 1]. A word[cite: 1, 4]word. Then, more.").encode()
    )
    files = {"f.md": article(body)}
    every = fixed(tmp_path, monkeypatch, capsys, files, "BD011", "--unsafe-fixes")
    assert every["f.md"] == article("Tuesday. A word word. Then, more.").encode()


def test_bd011_a_defined_copilot_footnote_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files: dict[str, str | bytes] = {
        "b.md": article("Food prices rose [^1^].\n\n[^1^]: USDA, 2023.\n")
    }
    assert check(tmp_path, monkeypatch, capsys, files, "BD011") == []


# --- value-cut-by-comment (FM011) -----------------------------------------------------------------


def cut(key: str, read: str, rest: str) -> str:
    return (
        f"YAML reads {key} as {read}: the ` #` after it starts a comment, and the rest of the "
        f"line ({rest!r}) is dropped"
    )


def test_fm011_reports_at_the_cutting_hash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    front = (
        "title: 日本😀 We're #1 in Europe\n"
        "description: The club says thanks for #20yearsofOSM\n"
        "tags:\n  - news #OSM\n  - C#\n"
        "caption: 2024 #recap\n"
        "alt: #1 in Europe\n"
        "linktitle: x # note #tag\n"
    )
    files: dict[str, str | bytes] = {"a.md": article("Text.\n", front)}
    assert check(tmp_path, monkeypatch, capsys, files, "FM011") == [
        ("a.md", 2, 18, 2, 19, "FM011", cut("title", '"日本😀 We\'re"', "#1 in Europe")),
        (
            "a.md",
            3,
            39,
            3,
            40,
            "FM011",
            cut("description", "'The club says thanks for'", "#20yearsofOSM"),
        ),
        ("a.md", 5, 10, 5, 11, "FM011", cut("tags", "'news'", "#OSM")),
        ("a.md", 7, 15, 7, 16, "FM011", cut("caption", "the number 2024", "#recap")),
        ("a.md", 8, 6, 8, 7, "FM011", cut("alt", "empty (null)", "#1 in Europe")),
        ("a.md", 9, 14, 9, 15, "FM011", cut("linktitle", "'x'", "# note #tag")),
    ]


def test_fm011_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    front = (
        "summary: ~ #todo\n"
        "lead: Budget # draft title\n"
        "subtitle: Budget #fixme\n"
        "description: null #later\n"
        "linktitle: '#1 in Europe'\n"
        "caption: |\n  We're #1\n"
        "alt: item#3 and C#\n"
        "draft: false #1\n"
    )
    files: dict[str, str | bytes] = {
        "a.md": article("Text.\n", "title: x\n" + front),
        "t.md": '+++\ntitle = "We\'re #1"\n+++\n\nText.\n',
        "j.md": '{"title": "We\'re #1"}\n\nText.\n',
    }
    assert check(tmp_path, monkeypatch, capsys, files, "FM011") == []


def test_fm011_unsafe_fix_quotes_value_and_comment_in_crlf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "---\r\ntitle: We're #1 in Europe\r\n---\r\n\r\nText."
    files: dict[str, str | bytes] = {"d.md": text}
    assert fixes(tmp_path, monkeypatch, capsys, files, "FM011") == [
        (2, 14, "unsafe", [(2, 8, 2, 26, '"We\'re #1 in Europe"')]),
    ]
    assert fixed(tmp_path, monkeypatch, capsys, files, "FM011")["d.md"] == text.encode()
    after = fixed(tmp_path, monkeypatch, capsys, files, "FM011", "--unsafe-fixes")
    assert after["d.md"] == b'---\r\ntitle: "We\'re #1 in Europe"\r\n---\r\n\r\nText.'


# --- indented-prose (BD010) -----------------------------------------------------------------------

INDENTED = "this prose is indented four spaces, so Markdown shows it as a code block"
PROSE = "The minister said the budget would pass this week, as talks went on."


def test_bd010_spaces_and_a_tab_one_block_unsafe_dedent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Indented chunks with blank lines between them are one code block: one report, one fix
    that removes four columns (or the tab) from each line."""
    body = f"The vote was held on Tuesday.\n\n    {PROSE}\n\n\t{PROSE}\n"
    files: dict[str, str | bytes] = {"a.md": article(body)}
    assert check(tmp_path, monkeypatch, capsys, files, "BD010") == [
        ("a.md", 7, 5, 9, 70, "BD010", INDENTED),
    ]
    assert fixes(tmp_path, monkeypatch, capsys, files, "BD010") == [
        (7, 5, "unsafe", [(7, 1, 7, 5, ""), (9, 1, 9, 2, "")]),
    ]
    after = fixed(tmp_path, monkeypatch, capsys, files, "BD010", "--unsafe-fixes")
    assert (
        after["a.md"] == article(f"The vote was held on Tuesday.\n\n{PROSE}\n\n{PROSE}\n").encode()
    )


def test_bd010_chinese_paragraph_and_a_list_item_far_from_its_marker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        "Text.\n\n    据新华社报道，北京市政府今天宣布了新的交通管理措施，以缓解城市拥堵问题。\n\n"
        "2.       ATNA is the national association of the nurses of the country now.\n"
    )
    files: dict[str, str | bytes] = {"c.md": article(body)}
    item = "this list item's text starts 7 spaces after its marker, so Markdown shows it as a code block"
    assert check(tmp_path, monkeypatch, capsys, files, "BD010") == [
        ("c.md", 7, 5, 7, 41, "BD010", INDENTED),
        ("c.md", 9, 10, 9, 76, "BD010", item),
    ]
    assert fixes(tmp_path, monkeypatch, capsys, files, "BD010")[1] == (
        9,
        10,
        "unsafe",
        [(9, 3, 9, 10, " ")],
    )


def test_bd010_no_fix_when_a_line_would_start_a_heading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    body = f"    {PROSE}\r\n    # And this line would be a heading of the paragraph then, surely not.\r\n"
    files: dict[str, str | bytes] = {"b.md": "---\r\ntitle: x\r\n---\r\n\r\n" + body}
    assert fixes(tmp_path, monkeypatch, capsys, files, "BD010") == [(5, 5, None, [])]


def test_bd010_html_in_an_open_element_and_shortcode_bodies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """HTML indented under an open `<div>` is reported; a `{{< >}}` body is the shortcode's,
    a `{{% %}}` body is Markdown and is looked at."""
    body = (
        "<div>\n  \n    <p>The minister said the budget would pass this week.</p>\n</div>\n\n"
        f"{{{{< note >}}}}\n\n    {PROSE}\n\n{{{{< /note >}}}}\n\n"
        f"{{{{% note %}}}}\n\n    {PROSE}\n\n{{{{% /note %}}}}\n"
    )
    files: dict[str, str | bytes] = {"h.md": article(body)}
    html = (
        "this HTML is indented four spaces inside <div>, so Markdown shows its tags as a code block"
    )
    assert check(tmp_path, monkeypatch, capsys, files, "BD010") == [
        ("h.md", 7, 5, 7, 62, "BD010", html),
        ("h.md", 18, 5, 18, 73, "BD010", INDENTED),
    ]


# --- file-language-spaced (FM012) -----------------------------------------------------------------


def test_fm012_white_space_around_the_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    page = "---\ntitle: x\n---\n\nText.\n"
    names = [
        "communityday.de .md",
        "treffen. en.md",
        "x.DE .md",
        "tab.de\t.md",
        "old news.de.md",
        "v1.2 .md",
        "ok.de.md",
    ]
    files: dict[str, str | bytes] = {"hugo.toml": TWO_LANGUAGES}
    files.update({f"content/events/{name}": page for name in names})
    built = (
        "the file name's language part {!r} has white space around it, so Hugo builds this page "
        "in en instead of de: rename the file to {!r}"
    )
    part = (
        "the file name's language part ' en' has white space around it, so Hugo takes it as part "
        "of the page's name (its address gets a '-' and it is no translation of the page's other "
        "languages): rename the file to 'treffen.en.md'"
    )
    assert check(tmp_path, monkeypatch, capsys, files, "FM012", "--isolated", "content") == [
        (
            "content/events/communityday.de .md",
            1,
            1,
            1,
            1,
            "FM012",
            built.format("de ", "communityday.de.md"),
        ),
        ("content/events/tab.de\t.md", 1, 1, 1, 1, "FM012", built.format("de\t", "tab.de.md")),
        ("content/events/treffen. en.md", 1, 1, 1, 1, "FM012", part),
        ("content/events/x.DE .md", 1, 1, 1, 1, "FM012", built.format("DE ", "x.DE.md")),
    ]


def test_fm012_a_site_of_one_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files: dict[str, str | bytes] = {
        "hugo.toml": ONE_LANGUAGE,
        "content/communityday.de .md": "---\ntitle: x\n---\n\nText.\n",
    }
    assert check(tmp_path, monkeypatch, capsys, files, "FM012", "--isolated", "content") == []


# --- halfwidth-punctuation (TX008) ----------------------------------------------------------------


def half(mark: str, full: str) -> str:
    return f"half-width {mark!r} in Chinese text, which writes {full!r}"


def test_tx008_marks_between_chinese_and_the_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        "😀他说:“我们来了”, 举办, 超过。你好吗?\n\n| 你好吗? |\n|---|\n\n"
        "来源: [新华社](https://x.org/a,b) 10:30 1,000 <https://example.com/北京,上海> `北京,上海`\n"
    )
    files: dict[str, str | bytes] = {
        "a.md": article(body, 'title: "开放,欢迎,大家"\nlang: zh-CN\n')
    }
    comma, colon, question = half(",", "，"), half(":", "："), half("?", "？")
    assert check(tmp_path, monkeypatch, capsys, files, "TX008") == [
        ("a.md", 2, 11, 2, 12, "TX008", comma),
        ("a.md", 2, 14, 2, 15, "TX008", comma),
        ("a.md", 6, 4, 6, 5, "TX008", colon),
        ("a.md", 6, 11, 6, 12, "TX008", comma),
        ("a.md", 6, 15, 6, 16, "TX008", comma),
        ("a.md", 6, 23, 6, 24, "TX008", question),
        ("a.md", 8, 6, 8, 7, "TX008", question),
        ("a.md", 11, 3, 11, 4, "TX008", colon),
    ]
    after = fixed(tmp_path, monkeypatch, capsys, files, "TX008")
    expected = article(
        "😀他说：“我们来了”，举办，超过。你好吗？\n\n| 你好吗？ |\n|---|\n\n"
        "来源：[新华社](https://x.org/a,b) 10:30 1,000 <https://example.com/北京,上海> `北京,上海`\n",
        'title: "开放，欢迎，大家"\nlang: zh-CN\n',
    )
    assert after["a.md"] == expected.encode()


def test_tx008_japanese_and_kana_anywhere_are_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files: dict[str, str | bytes] = {
        "j.md": '+++\r\ntitle = "東京,大阪"\r\nlang = "ja"\r\n+++\r\n\r\n東京,大阪\r\n',
        "k.md": article("这是中文,真的。\n\nこれは日本語です。\n"),
    }
    assert check(tmp_path, monkeypatch, capsys, files, "TX008") == []


# --- title-truncated (TX009) ----------------------------------------------------------------------


def test_tx009_a_title_that_ends_in_a_colon(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files: dict[str, str | bytes] = {
        "a.md": article("Text.\n", 'title: "日本😀 Virtual Reality:"\n'),
        "b.md": '+++\r\ntitle = "Réalité virtuelle\u00a0:"\r\n+++\r\n\r\nText.',
        "c.md": article("Text.\n", 'title: "Réalité virtuelle :"\nlang: fr\n'),
        "d.md": article("Text.\n", 'title: "Réalité virtuelle :"\n'),  # not French: left alone
        "e.md": '{"title": "x :"}\n\nText.\n',  # a one-letter word before a spaced colon
        "f.md": article("Text.\n", 'title: "北京新闻："\n'),
        "g.md": article("Text.\n", 'title: "Հայաստանը հաղթեց:"\n'),  # Armenian full stop
        "h.md": article("Text.\n", 'title: ":"\n'),
    }
    ends = "title ends in {!r}: it stops where its subtitle should begin"
    assert check(tmp_path, monkeypatch, capsys, files, "TX009") == [
        ("a.md", 2, 8, 2, 30, "TX009", ends.format(":")),
        ("b.md", 2, 9, 2, 30, "TX009", ends.format(":")),
        ("c.md", 2, 8, 2, 29, "TX009", ends.format(":")),
        ("f.md", 2, 8, 2, 15, "TX009", ends.format("：")),
    ]


# --- paragraph-heading (BD009) --------------------------------------------------------------------


def test_bd009_a_paragraph_made_a_heading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        "日本😀 The council voted on Tuesday.\n---\n\nTwo lines\nof a heading\n---\n\n"
        "Short heading\n---\n\nThe council voted on Tuesday.\n===\n\n"
        "> The council voted on Tuesday.\n> ---\n"
    )
    files: dict[str, str | bytes] = {
        "a.md": article(body, "title: x\n"),
        "c.md": "The council voted on Tuesday.\n---\n",  # no front matter: left alone
    }
    sentence = (
        "the '---' line under this sentence makes it a heading; a blank line before it makes a "
        "paragraph and a horizontal rule"
    )
    lines = sentence.replace("this sentence", "this paragraph of several lines")
    assert check(tmp_path, monkeypatch, capsys, files, "BD009") == [
        ("a.md", 6, 1, 6, 4, "BD009", sentence),
        ("a.md", 10, 1, 10, 4, "BD009", lines),
        ("a.md", 19, 3, 19, 6, "BD009", sentence),
    ]
    assert [f[2] for f in fixes(tmp_path, monkeypatch, capsys, files, "BD009")] == [
        "unsafe",
        "unsafe",
        None,  # in a block quote
    ]


def test_bd009_fix_in_crlf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files: dict[str, str | bytes] = {
        "b.md": '+++\r\ntitle = "x"\r\n+++\r\n\r\nThe council voted on Tuesday.\r\n---'
    }
    after = fixed(tmp_path, monkeypatch, capsys, files, "BD009", "--unsafe-fixes")
    assert (
        after["b.md"]
        == b'+++\r\ntitle = "x"\r\n+++\r\n\r\nThe council voted on Tuesday.\r\n\r\n---'
    )


# --- markdown-in-html (BD013) ---------------------------------------------------------------------


def test_bd013_markdown_inside_an_html_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        '<p dir="rtl">\n## Heading\nSome **bold** text\n</p>\n\n<div>日本😀 **bold**</div>\n\n'
        "> <div>\n> **x**\n> </div>\n\n<div>a*b*c 5 * 3 * 2 snake_case</div>\n\n"
        "<pre>\n**x**\n\n</pre>\n\n<div>\n2024. The year\n</div>\n"
    )
    files: dict[str, str | bytes] = {"a.md": article(body, "title: x\n")}

    def inside(what: str, tag: str, line: int) -> str:
        return (
            f"{what} inside the HTML block <{tag}> from line {line} is not rendered as Markdown "
            "(the block runs on to a blank line)"
        )

    assert check(tmp_path, monkeypatch, capsys, files, "BD013") == [
        ("a.md", 6, 1, 6, 11, "BD013", inside("a heading", "p", 5)),
        ("a.md", 10, 6, 10, 24, "BD013", inside("bold text", "div", 10)),
        ("a.md", 13, 3, 13, 8, "BD013", inside("bold text", "div", 12)),
    ]
    assert fixes(tmp_path, monkeypatch, capsys, files, "BD013") == [
        (6, 1, "unsafe", [(6, 1, 6, 1, "\n")]),
        (10, 6, None, []),  # a line that starts with a tag: no fix
        (13, 3, "unsafe", [(13, 1, 13, 1, ">\n")]),  # the blank line keeps the quote
    ]


# --- alias-language-prefix (FM009) ----------------------------------------------------------------


def test_fm009_aliases_of_a_page_in_a_language_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = TWO_LANGUAGES.replace("de", "fr")
    aliases = '["/fr/old-url/", "/en/old/", "/FR/x/", "/fr/", "rel/fr/"]'
    files: dict[str, str | bytes] = {
        "hugo.toml": config,
        "content/news/a.fr.md": article("Text.\n", f'title: "日本😀"\naliases: {aliases}\n'),
        "content/news/b.md": article("Text.\n", 'title: x\naliases: ["/fr/old-url/"]\n'),
        "content/news/c.fr.md": '+++\r\ntitle = "x"\r\naliases = ["/fr/a/"]\r\nheadless = true\r\n+++\r\n',
    }

    def written(alias: str) -> str:
        return (
            f"alias {alias} is written to /fr{alias}: Hugo puts the page's language folder /fr/ "
            "before every alias of it"
        )

    path = "content/news/a.fr.md"
    args = ("--isolated", "content")
    assert check(tmp_path, monkeypatch, capsys, files, "FM009", *args) == [
        (path, 3, 11, 3, 25, "FM009", written("/fr/old-url/")),
        (path, 3, 27, 3, 37, "FM009", written("/en/old/")),
        (path, 3, 39, 3, 47, "FM009", written("/FR/x/")),
        (path, 3, 49, 3, 55, "FM009", written("/fr/")),
    ]
    assert fixes(tmp_path, monkeypatch, capsys, files, "FM009", *args) == [
        (3, 11, "safe", [(3, 12, 3, 15, "")]),
        (3, 27, None, []),
        (3, 39, "unsafe", [(3, 40, 3, 43, "")]),
        (3, 49, None, []),
    ]
    after = fixed(tmp_path, monkeypatch, capsys, files, "FM009", "content")
    fixed_aliases = '["/old-url/", "/en/old/", "/FR/x/", "/fr/", "rel/fr/"]'
    assert (
        after[path] == article("Text.\n", f'title: "日本😀"\naliases: {fixed_aliases}\n').encode()
    )


# --- emphasis-unclosed (BD008) --------------------------------------------------------------------

SPACE_BEFORE = (
    "bold marker '**' is shown as it is and closes nothing: a space before the closing '**'"
)


def test_bd008_closing_markers_markdown_leaves_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        "日本😀 **The future of the project **looks bright.\n\n"
        "**City -**The mayor spoke.\n\n**重要提示 **。\n\n微信号：** name **\n\n"
        "*Not investment advice.** and 2 ** 8 and `**x **y` and \\*\\*a \\*\\*b\n"
    )
    files: dict[str, str | bytes] = {
        "a.md": article(body, "title: x\n"),
        "b.md": '+++\r\ntitle = "x"\r\n+++\r\n\r\n**Note* x',
    }
    punctuation = (
        "bold marker '**' is shown as it is and closes nothing: '-' and a letter around the "
        "closing '**'"
    )
    longer = "one '*' of this marker is shown as it is: the {} marker is longer than its pair"
    assert check(tmp_path, monkeypatch, capsys, files, "BD008") == [
        ("a.md", 5, 33, 5, 35, "BD008", SPACE_BEFORE),
        ("a.md", 7, 9, 7, 11, "BD008", punctuation),
        ("a.md", 9, 8, 9, 10, "BD008", SPACE_BEFORE),
        ("a.md", 11, 13, 11, 15, "BD008", SPACE_BEFORE),
        ("a.md", 13, 25, 13, 26, "BD008", longer.format("closing")),
        ("b.md", 5, 1, 5, 2, "BD008", longer.format("opening")),
    ]


# --- home-leaf-bundle (FM008) ---------------------------------------------------------------------


def test_fm008_index_at_the_root_of_each_language_s_content_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reported at 1:1 in a language's `contentDir`; `content/` itself is no content folder
    when every language has its own (hugo 0.168 mounts only those); a bundle's is left alone."""
    config = (
        'baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\n'
        '[languages.en]\ncontentDir = "content/en"\n[languages.fr]\ncontentDir = "content/fr"\n'
    )
    page = "---\ntitle: Home\n---\n\nText.\n"
    files: dict[str, str | bytes] = {
        "hugo.toml": config,
        "content/index.md": page,
        "content/en/index.md": page,
        "content/en/_index.md": page,
        "content/en/news/b/index.md": page,
        "content/fr/index.fr.md": '+++\r\ntitle = "Accueil"\r\n+++\r\n',
        "content/fr/index.markdown": page,
    }
    leaf = (
        "{} at the root of the content folder makes the home page a leaf bundle: Hugo publishes "
        "no other page of the site (rename it _{})"
    )
    assert check(tmp_path, monkeypatch, capsys, files, "FM008", "--isolated", "content") == [
        ("content/en/index.md", 1, 1, 1, 1, "FM008", leaf.format("index.md", "index.md")),
        ("content/fr/index.fr.md", 1, 1, 1, 1, "FM008", leaf.format("index.fr.md", "index.fr.md")),
        (
            "content/fr/index.markdown",
            1,
            1,
            1,
            1,
            "FM008",
            leaf.format("index.markdown", "index.markdown"),
        ),
    ]


def test_fm008_no_hugo_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files: dict[str, str | bytes] = {"content/index.md": "---\ntitle: Home\n---\n"}
    assert check(tmp_path, monkeypatch, capsys, files, "FM008", "--isolated", "content") == []


# --- link-fragment (LK008) ------------------------------------------------------------------------


def test_lk008_fragments_against_the_page_s_heading_ids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """GitHub ids with repeats, an explicit id, a percent-encoded fragment, a text directive,
    `#top` and `#`; one id that differs in case only is the unsafe fix."""
    links = (
        "日本😀 [a](#the-vote) [b](#the-vote-1) [c](#the-vote-2) [d](#The-Vote) [e](#bj) "
        "[f](#caf%C3%A9-au-lait) [g](#the-vote:~:text=passed) [h](#top) [i](#) [j](#nope)\n"
    )
    body = f"## The Vote!\n\n## The Vote!\n\n## 北京 新闻 {{#bj}}\n\n## Café au lait\n\n{links}"
    files: dict[str, str | bytes] = {
        "a.md": article(body, "title: x\n"),
        "b.md": '+++\r\ntitle = "x"\r\n+++\r\n\r\n## 北京新闻\r\n\r\n[x](#北京新闻) [z](#TableOfContents) [y](#北京)',
    }
    missing = "no heading or anchor on this page has the id {!r}"
    assert check(tmp_path, monkeypatch, capsys, files, "LK008") == [
        ("a.md", 13, 41, 13, 52, "LK008", missing.format("the-vote-2")),
        ("a.md", 13, 58, 13, 67, "LK008", missing.format("The-Vote") + "; did you mean 'the-vote'"),
        ("a.md", 13, 152, 13, 157, "LK008", missing.format("nope")),
        ("b.md", 7, 38, 7, 41, "LK008", missing.format("北京")),
    ]
    assert fixes(tmp_path, monkeypatch, capsys, files, "LK008")[1] == (
        13,
        58,
        "unsafe",
        [(13, 58, 13, 67, "#the-vote")],
    )


# --- duplicate-url (XF003) ------------------------------------------------------------------------


def test_xf003_a_page_a_bundle_a_url_and_an_alias_at_one_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The earliest page is the original; each later one is reported at its `url`, its alias,
    or the opening delimiter; a draft takes no URL; `slug: index` is the folder's list page."""
    files: dict[str, str | bytes] = {
        "hugo.toml": ONE_LANGUAGE,
        "content/news/b.md": "---\ntitle: B page\ndate: 2025-01-01\n---\n\nText.\n",
        "content/news/b/index.md": "---\ntitle: B bundle\ndate: 2025-02-01\n---\n\nText.\n",
        "content/news/c.md": (
            '+++\r\ntitle = "日本😀"\r\ndate = 2025-03-01\r\nurl = "/news/b"\r\n+++\r\n\r\nText.'
        ),
        "content/news/d.md": (
            '{\n "title": "d", "date": "2025-04-01", "aliases": ["/news/b/"]\n}\n\nText.\n'
        ),
        "content/news/e.md": (
            "---\ntitle: E\ndate: 2024-01-01\ndraft: true\nurl: /news/b/\n---\n\nText.\n"
        ),
        "content/blog/x.md": "---\ntitle: X\ndate: 2025-01-01\nslug: index\n---\n\nText.\n",
    }
    also = "{} /news/b/ is also the URL of content/news/b.md (and 2 more)"
    assert check(tmp_path, monkeypatch, capsys, files, "XF003", "--isolated", "content") == [
        (
            "content/blog/x.md",
            4,
            7,
            4,
            12,
            "XF003",
            "URL /blog/ is also the URL of the list page Hugo makes for the folder content/blog/",
        ),
        ("content/news/b/index.md", 1, 1, 1, 4, "XF003", also.format("URL")),
        ("content/news/c.md", 4, 7, 4, 16, "XF003", also.format("URL")),
        ("content/news/d.md", 2, 50, 2, 60, "XF003", also.format("alias")),
    ]


# --- title-in-body (BD014) ------------------------------------------------------------------------


def test_bd014_the_first_block_repeats_the_title(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Compared as a reader sees it (case, full-width punctuation, punctuation at the end, a
    heading's `{#id}`); a comment above is passed over; only the first block counts."""
    files: dict[str, str | bytes] = {
        "a.md": '---\ntitle: "日本😀: The Vote"\n---\n\n# 日本😀：the vote!\n\nText.\n',
        "b.md": (
            '+++\r\ntitle = "Budget passes"\r\n+++\r\n\r\n<!-- x -->\r\n**Budget passes**\r\n'
            "\r\nText.\r\n\r\n[v](#budget-passes)"
        ),
        "c.md": '{"title": "1984"}\n\nBudget\n======\n\n1984\n',
        "d.md": "---\ntitle: 1:30\n---\n\n## 1:30 {#x}\n\nMore text here.\n",
        "e.md": "---\ntitle: Budget\nchapter: true\n---\n\n# Budget\n\nText.\n",
        "f.md": "---\ntitle: Apply now\n---\n\nApply now\n\n[Source](https://example.org/)\n",
        "g.md": "---\ntitle: Budget passes\n---\n\n# Budget passes\n\n[v](#budget-passes)\n",
    }
    heading = "the first heading repeats the title: the page shows it twice"
    paragraph = "the first paragraph repeats the title: the page shows it twice"
    assert check(tmp_path, monkeypatch, capsys, files, "BD014") == [
        ("a.md", 5, 1, 6, 1, "BD014", heading),
        ("b.md", 6, 1, 7, 1, "BD014", paragraph),
        ("d.md", 5, 1, 6, 1, "BD014", heading),
        ("f.md", 5, 1, 6, 1, "BD014", paragraph),
        ("g.md", 5, 1, 6, 1, "BD014", heading),
    ]
    assert [(f[0], f[2]) for f in fixes(tmp_path, monkeypatch, capsys, files, "BD014")] == [
        (5, "unsafe"),
        (6, "unsafe"),
        (5, "unsafe"),
        (5, None),  # all the text the body has
        (5, None),  # the article links to the heading's anchor
    ]
    after = fixed(tmp_path, monkeypatch, capsys, files, "BD014", "--unsafe-fixes")
    assert (
        after["b.md"]
        == b'+++\r\ntitle = "Budget passes"\r\n+++\r\n\r\n<!-- x -->\r\nText.\r\n\r\n[v](#budget-passes)'
    )


# --- template-braces (BD005) ----------------------------------------------------------------------


def test_bd005_in_a_hugo_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        '日本😀 {{ .Title }} and {{ .Date }} \\{{ ok "{{" {{ }} `{{ x }}` '
        '{{< figure caption="{{ x }}" >}} {% include image.html %}\n\n'
        "<https://example.com/{{id}}> $\\frac{{a}}{b}$ $5 and {{ x }} $6 {{\\< button >}}\n"
    )
    front = 'title: "{{ replace .Name \\"-\\" \\" \\" | title }}"\nparams:\n  lead: "x {{ .Y }}"\n'
    files: dict[str, str | bytes] = {
        "hugo.toml": ONE_LANGUAGE,
        "content/a.md": article(body, front),
        "content/b.md": '+++\r\ntitle = "x"\r\n+++\r\n\r\n{{ .A }}{{ .B }}',
    }
    braces = "template braces {!r} are shown as they are (not a shortcode call)"
    in_front = "{} holds template code {!r}, which Hugo does not run in front matter"
    escaped_call = (
        "shortcode call '{{\\\\< button >}}' has its '<' escaped with a backslash (as a CMS writes "
        "it), so Hugo shows it as text: write '{{<' to call the shortcode"
    )
    a, b = "content/a.md", "content/b.md"
    assert check(tmp_path, monkeypatch, capsys, files, "BD005", "--isolated", "content") == [
        (a, 2, 9, 2, 11, "BD005", in_front.format("title", '{{ replace .Name "-" " " | title }}')),
        (a, 4, 12, 4, 14, "BD005", in_front.format("params.lead", "{{ .Y }}")),
        (a, 7, 5, 7, 7, "BD005", braces.format("{{ .Title }}")),
        (a, 7, 22, 7, 24, "BD005", braces.format("{{ .Date }}")),
        (
            a,
            7,
            95,
            7,
            97,
            "BD005",
            "liquid tag '{% include image.html %}' is shown as it is: Hugo does not run Jekyll's tags",
        ),
        (a, 9, 22, 9, 24, "BD005", braces.format("{{id}}")),
        (a, 9, 53, 9, 55, "BD005", braces.format("{{ x }}")),
        (a, 9, 64, 9, 66, "BD005", escaped_call.replace("\\\\", "\\")),
        (b, 5, 1, 5, 3, "BD005", braces.format("{{ .A }}")),
        (b, 5, 9, 5, 11, "BD005", braces.format("{{ .B }}")),
    ]
    after = fixed(tmp_path, monkeypatch, capsys, files, "BD005", "--unsafe-fixes", "content")
    assert after[b] == b'+++\r\ntitle = "x"\r\n+++\r\n\r\n\\{\\{ .A }}\\{\\{ .B }}'
    assert b"<https://example.com/{{id}}>" in after[a]  # no fix in a URL


def test_bd008_a_reported_closing_marker_completes_its_pair(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two bold texts in one paragraph, both unclosed: the closing marker of each is reported,
    not the opening marker of the second (a space before it, a letter after: it opens)."""
    files: dict[str, str | bytes] = {
        "p.md": article("**The project **looks bright and **City -**The mayor.\n", "title: x\n"),
        "l.md": article(
            "* **Sonic:**Through TikTok.\n* **Solayer:**Focus on speed.\n", "title: x\n"
        ),
    }
    punctuation = "bold marker '**' is shown as it is and closes nothing: {!r} and a letter around the closing '**'"
    assert check(tmp_path, monkeypatch, capsys, files, "BD008") == [
        ("l.md", 5, 11, 5, 13, "BD008", punctuation.format(":")),
        ("l.md", 6, 13, 6, 15, "BD008", punctuation.format(":")),
        ("p.md", 5, 15, 5, 17, "BD008", SPACE_BEFORE),
        ("p.md", 5, 42, 5, 44, "BD008", punctuation.format("-")),
    ]


# --- body-empty (BD006) ---------------------------------------------------------------------------


def test_bd006_at_the_body_s_first_line_or_the_closing_delimiter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files: dict[str, str | bytes] = {
        "a.md": article("[Source](https://x.org/a)\n\nhttps://x.org/b\n\n![i](x.png)\n\n&nbsp;\n"),
        "b.md": '+++\r\ntitle = "x"\r\n+++',
        "c.md": '{"title": "x"}\n\n```\ncode\n```\n',
        "d.md": "---\ntitle: x\nlayout: archive\n---\n",  # a page of its own layout
        "e.md": "---\ntitle: x\nlayout: post\n---\n",
        "f.md": article("<p>&nbsp;</p>\n<!-- text -->\n"),
        "g.md": article("- one\n"),  # a list's text counts
        "h.md": "\ufeff---\ntitle: x\n---\n",
        "_index.md": "---\ntitle: x\n---\n",  # a section page
    }
    empty = "the body is empty"
    nothing = "the body has no text besides links, images or code"
    assert check(tmp_path, monkeypatch, capsys, files, "BD006") == [
        ("a.md", 5, 1, 5, 26, "BD006", nothing),
        ("b.md", 3, 1, 3, 4, "BD006", empty),
        ("c.md", 3, 1, 3, 4, "BD006", nothing),
        ("e.md", 4, 1, 4, 4, "BD006", empty),
        ("f.md", 5, 1, 5, 14, "BD006", nothing),
        ("h.md", 3, 1, 3, 4, "BD006", empty),
    ]
