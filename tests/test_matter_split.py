"""`matter.split` finds the closing delimiter by jumping between occurrences of the opener; it must
find exactly what a walk over every line finds: the first line that starts with the opener, where
Hugo ends the block (checked with hugo 0.168), a closer when it is the opener alone (optionally
followed by spaces or tabs), else an error at the rest of the line, whatever the line breaks (LF,
CRLF, lone CR)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint import matter
from newslint.spans import Span


def _walked(text: str, start: int = 0) -> matter.Split | matter.FrontMatterError | None:
    """The split as first written: every line of the front matter looked at in turn."""
    first_end, after_first = matter._line_end(text, start)
    opener = text[start:first_end].rstrip(" \t")
    if opener not in matter._OPEN:
        return matter.split(text, start)  # JSON or none: not what changed
    fmt = "yaml" if opener == "---" else "toml"
    delim = matter._YAML_DELIM if fmt == "yaml" else matter._TOML_DELIM
    pos = after_first
    while pos < len(text):
        # Hugo ends the block at the first line that starts with the opener: a closer when it
        # is the opener alone (spaces or tabs after it), else the rest is shown in the body.
        end, nxt = matter._line_end(text, pos)
        line = text[pos:end]
        if line.rstrip(" \t") == opener and delim.match(line):
            return matter.Split(fmt, Span(after_first, pos), Span(start, nxt), nxt)
        if text.startswith(opener, pos):
            shown = text[pos + len(opener) : end]
            return matter.FrontMatterError(
                f"front matter is closed by {text[pos:end]!r}, not {opener!r} alone: Hugo "
                f"ends it at the {opener!r} and shows {shown!r} in the body",
                Span(pos + len(opener), end),
            )
        pos = nxt
    return matter.FrontMatterError(
        f"{fmt.upper()} front matter opened with {opener!r} is never closed",
        Span(start, first_end),
        "unterminated",
    )


@settings(max_examples=1500, deadline=None)
@given(
    st.sampled_from(["---\n", "+++\n", "---\r\n", "+++\r", "--- \t\n", "---"]),
    st.lists(
        st.sampled_from(["-", "---", "+++", "----", "\n", "\r", "\r\n", " ", "\t", "a", "x: 1"])
    ).map("".join),
)
@example("---\n", "a: 1\n---\nbody")
@example("---\n", "a: ---\n--- \nb")
@example("+++\n", "a = 1\r+++\rb")
@example("---\n", "a\r\n---")
@example("---\n", "")
@example("---\n", "a: 1\n---x\nb: 2\n---\nbody")
@example("+++\n", "a = 1\r\n++++\r\n+++\r\n")
def test_split_finds_what_a_walk_over_every_line_finds(opener: str, rest: str) -> None:
    text = opener + rest
    assert matter.split(text) == _walked(text)


def test_split_agrees_on_every_corpus_article() -> None:
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    paths = sorted(corpus.rglob("*.md"))
    for path in paths:
        text = path.read_bytes().decode("utf-8", "replace")
        start = 1 if text.startswith("\ufeff") else 0
        assert matter.split(text, start) == _walked(text, start), path


def test_yaml_delimiter_is_python_frontmatters() -> None:
    """`matter._YAML_DELIM` is written out (importing python-frontmatter cost a one-file run more
    than its split); it stays the boundary that package knows."""
    from frontmatter.default_handlers import YAMLHandler

    assert matter._YAML_DELIM.pattern == YAMLHandler.FM_BOUNDARY.pattern
    assert matter._YAML_DELIM.flags == YAMLHandler.FM_BOUNDARY.flags
