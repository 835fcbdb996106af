"""Fuzzing: articles built from realistic parts, and mutated bytes.

Properties: no internal error, every span inside the text, JSON output valid. The default profile is
short; `pytest -m fuzz_long` runs the long one for `NEWSLINT_FUZZ_SECONDS` (default 600) seconds.
"""

from __future__ import annotations

import json
import os
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.config import Config
from newslint.document import Document
from newslint.engine import build_ruleset, lint_document
from newslint.site import Site

settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=200_000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get("NEWSLINT_HYPOTHESIS_PROFILE", "default"))

RULESET = build_ruleset(Config(presets=["hugo", "news", "mainroad"]), select=["ALL"])
SITE = Site(time_zone="Asia/Shanghai", languages={"en": "content/en", "zh-CN": "content/zh-CN"})

words = st.sampled_from(
    [
        "the",
        "budget",
        "passed",
        "preparedness.The",
        'said,"After',
        "Â ",
        "â€™",
        "Ã©",
        "SÃO PAULO",
        "预算",
        "通过。",
        "&#39;",
        "&amp;",
        "\u200b",
        "\u00a0",
        "\ufffd",
        "U.S.",
        "3.5",
        "example.com",
        "{{",
        "{{< x >}}",
        "<b>",
        "\t",
        "  ",
    ]
)
prose = st.lists(words, max_size=30).map(" ".join)
urls = st.sampled_from(
    [
        "https://example.com/a",
        "http://x.org/?utm_source=a&b=1",
        "javascript:void(0)",
        "",
        "/relative/path",
        "//cdn.example.com/x",
        "https://a b.com",
        "https://",
        "mailto:a@b.c",
        "#top",
    ]
)
dates = st.sampled_from(
    [
        "2025-02-08 09:55:35",
        "2025-02-08T09:55:35+08:00",
        "2025-02-08",
        "",
        "2025/02/08",
        "Feb 8, 2025",
        "2025-13-40",
        "2025-02-08T09:55:35Z",
        "2999-01-01",
        "2025-2-8 09:55:35",
    ]
)
scalar = st.one_of(prose, dates, st.integers(-5, 5), st.booleans(), st.none(), urls)
keys = st.sampled_from(
    [
        "title",
        "date",
        "lastmod",
        "summary",
        "menu",
        "lead",
        "sidebar",
        "widgets",
        "thumbnail",
        "comments",
        "tags",
        "sumary",
        "publishDate",
        "expiryDate",
        "source",
        "lang",
    ]
)


def yaml_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool | int):
        return json.dumps(value)
    return json.dumps(value, ensure_ascii=False)


@st.composite
def articles(draw: st.DrawFn) -> bytes:
    fields = draw(
        st.lists(st.tuples(keys, st.one_of(scalar, st.lists(scalar, max_size=3))), max_size=10)
    )
    lines = []
    for key, value in fields:
        if isinstance(value, list):
            lines.append(f"{key}:" + "".join(f"\n  - {yaml_value(v)}" for v in value))
        else:
            lines.append(f"{key}: {yaml_value(value)}")
    paragraphs = draw(st.lists(prose, max_size=5))
    link = f"[src]({draw(urls)})"
    body = "\n\n".join([*paragraphs, link])
    kind = draw(st.sampled_from(["yaml", "toml", "json", "none"]))
    if kind == "yaml":
        text = "---\n" + "\n".join(lines) + "\n---\n\n" + body + "\n"
    elif kind == "toml":
        text = (
            "+++\n"
            + "\n".join(
                f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in fields if v is not None
            )
            + "\n+++\n"
            + body
        )
    elif kind == "json":
        text = json.dumps(dict(fields), ensure_ascii=False) + "\n" + body
    else:
        text = body
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    data = text.encode("utf-8")
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    if draw(st.booleans()) and data:
        index = draw(st.integers(0, len(data) - 1))
        data = data[:index] + draw(st.binary(min_size=1, max_size=4)) + data[index + 1 :]
    return data


def assert_sound(data: bytes) -> None:
    doc = Document.from_bytes(data, "content/en/news/fuzz.en.md", SITE)
    result = lint_document(doc, RULESET)
    crashes = [d.message for d in result.diagnostics if d.rule == "internal-error"]
    assert not crashes, crashes
    for d in result.diagnostics:
        assert 0 <= d.span.start <= d.span.end <= len(doc.text)
        if d.fix is not None:
            for edit in d.fix.edits:
                assert 0 <= edit.start <= edit.end <= len(doc.text)
    json.dumps([d.to_json() for d in result.diagnostics])


@given(articles())
def test_generated_articles_never_crash(data: bytes) -> None:
    assert_sound(data)


@given(st.binary(max_size=2000))
def test_random_bytes_never_crash(data: bytes) -> None:
    assert_sound(data)


@pytest.mark.parametrize("prefix", [b"---\n", b"+++\n", b"{", b"\xef\xbb\xbf---\n"])
@given(st.binary(max_size=500))
def test_front_matter_prefixed_bytes_never_crash(prefix: bytes, data: bytes) -> None:
    assert_sound(prefix + data)


@pytest.mark.fuzz_long
def test_long_fuzz_run() -> None:
    """Fresh random batches until the time budget is spent (each call explores new examples)."""
    budget = float(os.environ.get("NEWSLINT_FUZZ_SECONDS", "600"))
    end = time.monotonic() + budget
    batch = settings(
        max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    while time.monotonic() < end:
        batch(given(articles())(assert_sound))()
        batch(given(st.binary(max_size=4000))(assert_sound))()
