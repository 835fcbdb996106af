"""Fuzzing the newest rules (BD014 title-in-body, XF003 duplicate-url, FM009 alias-language-prefix,
LK009 ref-not-found) and the fix path, over small sites of hostile pages: titles, aliases, slugs,
urls and refs made of control characters, lone surrogates, backslashes, dot segments and empty
or slash-only paths, in YAML, TOML and JSON front matter.

Properties: no internal error (in a page's lint, in the cross-file step, or while fixing), every
span inside its text, and a fix leaves front matter that parsed parsing. The default profile is
short (see `tests/test_fuzz.py`); `pytest -m fuzz_long` runs the long one.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.config import Config
from newslint.document import Document
from newslint.engine import FileResult, build_ruleset, lint_document
from newslint.fixer import fix_read
from newslint.runner import project_end
from newslint.site import Site

CODES = ["BD014", "XF003", "FM009", "LK009"]
RULESET = build_ruleset(Config(presets=["hugo", "news"]), select=CODES)
LANGUAGES = {"en": "content/en", "fr": "content/fr"}
SITES = [
    Site(root=Path("/site")),
    Site(root=Path("/site"), languages=LANGUAGES, language_names=("en", "fr")),
    Site(
        root=Path("/site"),
        languages=LANGUAGES,
        language_names=("en", "fr"),
        raw={"defaultcontentlanguageinsubdir": True, "uglyurls": True},
    ),
]
FOLDERS = ["content/news", "content/en/news", "content/fr/news", "content", "content/en"]
NAMES = ["a.md", "_index.md", "index.md", "b.fr.md", "a/index.md", "c.md"]

# The pieces paths and titles are made of: what Hugo's URL and ref code must take apart.
pieces = st.sampled_from(
    [
        "/",
        "",
        "//",
        "../..",
        "..",
        ".",
        "\\",
        "..\\..\\x",
        "C:\\news\\a",
        "news",
        "a",
        "a.md",
        "_index",
        "/news/a/",
        "/fr/",
        "/en/news/a",
        "fr",
        "%00",
        "%2F",
        "?q=1",
        "#top",
        "http://x.org/a",
        "//cdn.x.org",
        "\x00",
        "\x07",
        "\x1b[31m",
        "\x7f",
        "\u0085",
        "\u2028",
        "\ud800",
        "\udfff",
        "\udc80",
        "\ufeff",
        "\u200b",
        "预算",
        "É",
        "\t",
        " ",
        "{{",
        "*",
        "#",
        "`",
    ]
)
hostile = st.lists(pieces, max_size=6).map("".join)
titles = st.one_of(
    hostile,
    st.text(
        st.characters(categories=["Cc", "Cs", "Zs", "Zl", "Zp", "Lu", "Po", "Sm"]), max_size=12
    ),
    st.integers(-3, 3),
    st.none(),
)


def _value(value: object) -> str:
    # JSON text is a YAML flow value; a lone surrogate or a control character is escaped.
    return json.dumps(value)


@st.composite
def pages(draw: st.DrawFn) -> tuple[str, bytes]:
    """(path, bytes) of one page."""
    title = draw(titles)
    fields: dict[str, object] = {}
    if title is not None:
        fields["title"] = title
    for key in ("slug", "url"):
        if draw(st.booleans()):
            fields[key] = draw(hostile)
    if draw(st.booleans()):
        fields["aliases"] = draw(st.one_of(hostile, st.lists(hostile, max_size=4)))
    fmt = draw(st.sampled_from(["yaml", "toml", "json"]))
    heading = draw(st.sampled_from(["# ", "", "**", "## ", "Title\n==="]))
    shown = title if isinstance(title, str) else str(title)
    refs = draw(st.lists(hostile, max_size=3))
    body = "\n\n".join(
        [
            heading + shown if heading != "Title\n===" else shown + "\n===",
            *(f'[r]({{{{< {draw(st.sampled_from(["ref", "relref"]))} "{r}" >}}}})' for r in refs),
            "Text.",
        ]
    )
    if fmt == "yaml":
        matter = "".join(f"{key}: {_value(value)}\n" for key, value in fields.items())
        text = f"---\n{matter}---\n\n{body}\n"
    elif fmt == "toml":
        matter = "".join(f"{key} = {_value(value)}\n" for key, value in fields.items())
        text = f"+++\n{matter}+++\n\n{body}\n"
    else:
        text = json.dumps(fields) + "\n\n" + body + "\n"
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    path = f"/site/{draw(st.sampled_from(FOLDERS))}/{draw(st.sampled_from(NAMES))}"
    return path, text.encode("utf-8", "surrogatepass")


def assert_sound(files: list[tuple[str, bytes]], site: Site) -> None:
    results: list[FileResult] = []
    for path, raw in dict(files).items():
        doc = Document.from_bytes(raw, path, site)
        result = lint_document(doc, RULESET)
        crashes = [d.message for d in result.diagnostics if d.rule == "internal-error"]
        assert not crashes, crashes
        for d in result.diagnostics:
            assert 0 <= d.span.start <= d.span.end <= len(doc.text)
        results.append(result)
        record = fix_read(Path(path), doc, RULESET, unsafe=True)
        crashes = [d.message for d in record.result.diagnostics if d.rule == "internal-error"]
        assert not crashes, crashes
        if record.changed:
            fixed = Document.from_bytes(record.after, path, site)
            if not doc.front_matter_errors:
                assert not fixed.front_matter_errors, (record.after, fixed.front_matter_errors)
    for d in project_end(results, RULESET):
        assert d.rule != "internal-error", d.message
    json.dumps([d.to_json() for r in results for d in r.diagnostics])


settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("NEWSLINT_HYPOTHESIS_PROFILE", "default"))


@given(st.lists(pages(), min_size=1, max_size=4), st.sampled_from(SITES))
def test_hostile_sites_never_crash_the_newest_rules(
    files: list[tuple[str, bytes]], site: Site
) -> None:
    assert_sound(files, site)


@pytest.mark.fuzz_long
def test_long_fuzz_run_of_the_newest_rules() -> None:
    budget = float(os.environ.get("NEWSLINT_FUZZ_SECONDS", "600"))
    end = time.monotonic() + budget
    batch = settings(
        max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    while time.monotonic() < end:
        batch(
            given(st.lists(pages(), min_size=1, max_size=6), st.sampled_from(SITES))(assert_sound)
        )()
