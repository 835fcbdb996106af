"""Every rule's own documentation is true: its `## Example` makes the rule report, its `## Use
instead` does not, and its fix turns the one into the other.

`newslint rule CODE` prints these sections and users copy them, so each is run through newslint
(every rule on, a Mainroad site):

- the Example makes the rule report, and every other rule that reports on it also reports on the
  Use instead: the Example shows this rule's problem, not another one's;
- a fragment's Example is reported on the lines it writes, not in the clean article around it,
  and where the rule's doc says it reports a problem (`STATED_PLACES`), there;
- the Use instead does not make the rule report; a fragment's Use instead (see below) makes no rule
  report at all;
- where the rule fixes (`## Fix safety`), `newslint fix --unsafe-fixes --select CODE` turns the
  Example into the Use instead, or into the indented block its Fix safety section shows (a fix
  that escapes what an editor would delete, or leaves out a value only the editor knows); a
  display-only fix changes nothing.

How an example block is read (the notation the rule docs use):

- The block is the indented lines under the heading. A note to the reader after three or more
  spaces at the end of a line, `   (a U+200B after "Bitcoin")`, is not part of the text.
- Escapes show what cannot be seen: `\\uXXXX` a character, `\\xXX` a byte (`\\xe9` alone is no
  UTF-8), `\\r\\n` or `\\n` at the end of a line its line ending, `·` a space.
- Leading comment lines set the scene: `# hugo.toml: KEY = VALUE` (the site's configuration),
  `# newslint.toml: KEY = VALUE` (newslint's), `# content/en/news/x.en.md` (the file's path),
  `# has static/images/x.png` (a file the site has besides its articles: an image, a bundle's
  resource; written empty). A Use instead keeps the scene of its Example unless it sets its own.
- A block that starts with `---` and closes it is a whole file; one that does not close it is the
  start of a file (what is before the `---` is at the very start: a byte order mark).
- `key: value` lines are a front-matter fragment: a clean article of the file's language gets them,
  in place of its own keys of those names. Other lines are body text, which goes after the clean
  article's prose and before its source link, unless the text ends in a link line of its own.
- `content/x/a.md:  key: value` and `content/x/a.md ends with  [name](url)` lines describe several
  files (for the cross-file rules): each is a different clean article with that line.
"""

from __future__ import annotations

import copy
import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from newslint.config import Config, parse_config
from newslint.diagnostics import Diagnostic
from newslint.document import Document, encode
from newslint.engine import FileResult, build_ruleset, fix_document, lint_document
from newslint.fixes import apply_fixes
from newslint.registry import load_registry
from newslint.rule import Rule
from newslint.runner import project_end
from newslint.site import Site, load_site

RULES = [r for r in load_registry().rules if r.origin in ("builtin", "engine")]
PATH = "content/en/news/article.en.md"


@dataclass(frozen=True)
class Frame:
    """A clean article (no rule reports on it) that an example fragment goes into."""

    fields: tuple[str, ...]
    prose: str
    source: str


# Per language; the cross-file examples need one article per file, each with its own title and
# source.
FRAMES = {
    "en": [
        Frame(
            (
                'title: "Budget passes after a week of talks"',
                "date: 2025-02-08T09:55:35+08:00",
                'summary: "The budget passed on Tuesday after a week of talks between the'
                ' coalition parties."',
            ),
            "The budget passed on Tuesday after a week of talks between the coalition parties."
            " The finance minister said the vote showed the government could still govern.",
            "[Reuters](https://www.reuters.com/world/budget-passes)",
        ),
        Frame(
            (
                'title: "Rain expected across the north on Sunday"',
                "date: 2025-02-09T08:00:00+08:00",
                'summary: "Forecasters expect heavy rain across the north of the country on'
                ' Sunday."',
            ),
            "Forecasters expect heavy rain across the north of the country on Sunday. Rivers may"
            " rise quickly in the hills, the weather service said.",
            "[AP](https://apnews.com/article/rain-north-sunday)",
        ),
    ],
    "ja": [
        Frame(
            (
                'title: "東京で新しい図書館が開館"',
                "date: 2025-02-08T09:55:35+09:00",
                'summary: "東京の中心部で新しい図書館が土曜日に開館し、多くの市民が訪れた。"',
            ),
            "東京の中心部で新しい図書館が土曜日に開館し、多くの市民が訪れた。"
            "館長は、地域の人々が集まって学ぶ場所にしたいと話した。",
            "[NHK](https://www3.nhk.or.jp/news/html/20250208/k10014716001000.html)",
        ),
    ],
    "zh-CN": [
        Frame(
            (
                'title: "北京新图书馆周六开放"',
                "date: 2025-02-08T09:55:35+08:00",
                'summary: "北京市中心的新图书馆于周六开放，许多市民前往参观。"',
            ),
            "北京市中心的新图书馆于周六开放，许多市民前往参观。"
            "馆长表示，希望这里成为社区居民聚会和学习的地方。",
            "[新华社](https://www.news.cn/local/20250208/abc.html)",
        ),
    ],
}

# A Mainroad site in English, Japanese and Simplified Chinese; an example's `# hugo.toml:` lines come first.
HUGO = """baseURL = "https://news.example.org/"
theme = "mainroad"
defaultContentLanguage = "en"
[languages.en]
weight = 1
[languages.ja]
weight = 2
[languages.zh-CN]
weight = 3
"""

# Examples that are no fragment of an article, though they do not start with `---`.
WHOLE_FILES = {"FM001": "a file without front matter: no clean article can hold it"}

# Rules whose doc says where a problem is reported: the text each report of the Example spans, in
# order (one entry per report, so the count is checked too). The doc's words are quoted.
STATED_PLACES: dict[str, list[str]] = {
    # "An HTML block is reported once, at its first line; an inline element at its opening tag."
    "BD004": ["<br>", "<table><tr><td>Yes</td><td>52%</td></tr></table>"],
    # "It is reported at the body's first line"
    "BD006": ["[Reuters](https://www.reuters.com/world/budget-passes)"],
    # "The repeat is reported at its first line"
    "BD007": [
        "The budget passed on Tuesday after a week of talks between the two parties in the upper"
        " house."
    ],
    # "It is reported at the body's last line, where the link belongs"
    "LK001": ["The budget passed on Tuesday."],
    # "A problem of the URL (a space, ...) is reported at the URL; the others at the whole link."
    "LK002": [
        "![]()",
        "[Watchlist](javascript:void(0))",
        "https://www.fx168news.com/article/Pi Network-834911",
    ],
    # "It is reported at the URL"
    "LK003": ["/analysis/HSY"],
    # "It is reported at the `http://` of the URL"
    "LK004": ["http://"],
    # "It is reported at the whole query, from its `?` up to the fragment"
    "LK005": ["?utm_source=share&utm_medium=web2x&context=3"],
    # "one problem per reference, at the reference, so the example below has two"
    "TX003": ["&#39;", "&amp;"],
    # "each later one is reported at its source URL"
    "XF001": ["https://reuters.com/world/budget-2025?utm_source=rss"],
}


def spanned(raw: bytes, d: Diagnostic) -> str:
    """The text a one-line diagnostic spans (columns count code points)."""
    assert d.line == d.end_line, f"{d.code} spans lines {d.line}-{d.end_line}"
    return raw.decode("utf-8").splitlines()[d.line - 1][d.column - 1 : d.end_column - 1]


# The rules that report only what a link check (`--check-links`) finds, and what it finds for the
# URLs of their examples: an httpx mock transport answers, no network. Any other URL answers 200.
LINK_CHECK_RULES = ("LK006", "LK007")
LINK_ANSWERS: dict[str, tuple[int, str | None]] = {
    "https://www.reuters.com/world/an-article-that-was-removed": (404, None),
    "https://example.com/news/2025/budget": (301, "https://example.com/news/2025/budget-passes"),
}


@dataclass
class Example:
    """One block of a rule doc, read: the files it stands for and the scene it sets."""

    files: dict[str, bytes]
    whole: bool  # whole files (or the start of one), not fragments in clean articles
    site: dict[str, Any] = field(default_factory=dict)
    config: dict[str, Any] = field(default_factory=dict)
    other_files: tuple[str, ...] = ()  # `# has PATH`: the site's files that are no article


def section(doc: str, title: str, *, after_prose: bool = False) -> str | None:
    """The indented block under `## title`, dedented; None when the section has none. With
    `after_prose`, the first indented block anywhere in the section (Fix safety shows what the fix
    makes of the Example after its words)."""
    heading = f"## {title}\n"
    if heading not in doc:
        return None
    lines: list[str] = []
    for line in doc.split(heading, 1)[1].splitlines():
        if line.startswith("    ") or (not line.strip() and lines):
            lines.append(line[4:])
        elif line.startswith("## ") or (line.strip() and (lines or not after_prose)):
            break
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines) if lines else None


_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})|\\r|\\n")
_NOTE = re.compile(r" {3,}\(.*\)$")
_FILE_LINE = re.compile(r"^(content/\S+\.md)(?::| ends with) {2}(.*)$")
_KEY_LINE = re.compile(rb"^([A-Za-z_][\w-]*):")
_LINK_LINE = re.compile(rb"\[[^\]]*\]\([^)]*\)")


def _bytes(line: str) -> bytes:
    """One line of a block with its note removed and its escapes resolved, with its line ending
    (LF unless an escape gives one)."""
    line = _NOTE.sub("", line).replace("·", " ")
    out = bytearray()
    position = 0
    for match in _ESCAPE.finditer(line):
        out += line[position : match.start()].encode("utf-8")
        if match.group(1):
            out += chr(int(match.group(1), 16)).encode("utf-8")
        elif match.group(2):
            out.append(int(match.group(2), 16))
        else:
            out += b"\r" if match.group(0) == "\\r" else b"\n"
        position = match.end()
    out += line[position:].encode("utf-8")
    return bytes(out if out.endswith((b"\n", b"\r")) else out + b"\n")


def _language(path: str) -> str:
    # A name part that is no language of the site (`budget.ja .md`) leaves the page in the
    # default language, as Hugo does.
    parts = path.rsplit("/", 1)[-1].split(".")
    return parts[-2] if len(parts) > 2 and parts[-2] in FRAMES else "en"


def read_block(block: str, rule: type[Rule], base: Example | None = None) -> Example:
    """Read one example block (see the module docstring). `base`: the Example that a Use instead
    belongs to, whose scene it keeps."""
    site = dict(base.site) if base else {}
    config = copy.deepcopy(base.config) if base else {}
    other_files = list(base.other_files) if base else []
    path = next(iter(base.files)) if base and len(base.files) == 1 else PATH
    lines = block.split("\n")
    while lines and lines[0].startswith("# "):
        comment = _NOTE.sub("", lines[0][2:])
        if comment.startswith("hugo.toml: "):
            site.update(tomllib.loads(comment.removeprefix("hugo.toml: ")))
        elif comment.startswith("newslint.toml: "):
            _merge(config, tomllib.loads(comment.removeprefix("newslint.toml: ")))
        elif re.fullmatch(r"content/\S[^\n]*\.md", comment):  # a name may hold a space
            path = comment
        elif comment.startswith("has "):
            other_files.append(comment.removeprefix("has "))
        else:
            break  # a Markdown heading: text
        lines.pop(0)
    if lines and all(_FILE_LINE.match(line) for line in lines):
        return Example(_files(lines, base), False, site, config, tuple(other_files))
    text = [_bytes(line) for line in lines]
    if rule.code in WHOLE_FILES:
        return Example({path: b"".join(text)}, True, site, config, tuple(other_files))
    if text[0].rstrip().endswith(b"---"):
        if any(line.rstrip() == b"---" for line in text[1:]):
            return Example({path: b"".join(text)}, True, site, config, tuple(other_files))
        prefix = text[0].rstrip()[:-3]
        return Example(
            {path: article(path, 0, text[1:], [], prefix)}, True, site, config, tuple(other_files)
        )
    if _KEY_LINE.match(text[0]):
        return Example({path: article(path, 0, text, [])}, False, site, config, tuple(other_files))
    return Example({path: article(path, 0, [], text)}, False, site, config, tuple(other_files))


def _merge(into: dict[str, Any], data: dict[str, Any]) -> None:
    for key, value in data.items():
        if isinstance(value, dict):
            _merge(into.setdefault(key, {}), value)
        else:
            into[key] = value


def _files(lines: list[str], base: Example | None) -> dict[str, bytes]:
    """Several files: each a different clean article with its front-matter or last line."""
    files = dict(base.files) if base else {}
    order = list(base.files) if base else []
    for line in lines:
        match = _FILE_LINE.match(line)
        assert match is not None
        path, text = match.group(1), match.group(2)
        index = order.index(path) if path in order else len(files)
        if " ends with  " in line:
            files[path] = article(path, index, [], [], source=text.encode("utf-8") + b"\n")
        else:
            files[path] = article(path, index, [_bytes(text)], [])
    return files


def article(
    path: str,
    index: int,
    fields: list[bytes],
    body: list[bytes],
    prefix: bytes = b"",
    source: bytes | None = None,
) -> bytes:
    """Clean article `index` of the path's language with the front-matter lines `fields` (in
    place of its own lines of those keys) and `body` after its prose, then its source link
    unless `body` ends in a link line or `source` replaces it."""
    frame = FRAMES[_language(path)][index]
    given = {m.group(1).lower() for line in fields if (m := _KEY_LINE.match(line))}
    own = [
        line.encode("utf-8") + b"\n"
        for line in frame.fields
        if line.split(":", 1)[0].lower().encode() not in given
    ]
    text = prefix + b"---\n" + b"".join(own + fields) + b"---\n\n" + frame.prose.encode() + b"\n"
    if body:
        text += b"\n" + b"".join(body)
    if source is not None:
        text += b"\n" + source
    elif not (body and _LINK_LINE.fullmatch(body[-1].strip())):
        text += b"\n" + frame.source.encode("utf-8") + b"\n"
    return text


# ------------------------------------------------------------------------------ running newslint


def _dotted(values: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    """The settings as TOML's dotted keys (`markup.goldmark.renderer.unsafe`): a table written as
    JSON is no TOML."""
    pairs: list[tuple[str, Any]] = []
    for key, value in values.items():
        if isinstance(value, dict):
            pairs += _dotted(value, f"{prefix}{key}.")
        else:
            pairs.append((f"{prefix}{key}", value))
    return pairs


def _site(values: dict[str, Any], other_files: tuple[str, ...] = ()) -> Site:
    """The example's site, in the working directory (a temporary folder), with its files that
    are no article (`# has PATH`), empty."""
    text = "".join(f"{key} = {json.dumps(value)}\n" for key, value in _dotted(values)) + HUGO
    config = Path("hugo.toml")
    # Sites are cached per folder: an Example and its Use instead must set the same scene.
    assert not config.exists() or config.read_text(encoding="utf-8") == text
    config.write_text(text, encoding="utf-8")
    # The theme is checked out, as on a site that builds: rules that must see its files (its
    # static folder, its render hooks) judge, where a theme missing from disk makes them silent.
    Path("themes/mainroad/layouts").mkdir(parents=True, exist_ok=True)
    for name in other_files:
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).touch()
    return load_site(Path.cwd(), Path.cwd() / "hugo.toml")


def _config(example: Example, rule: type[Rule]) -> Config:
    data: dict[str, Any] = {}
    _merge(data, example.config)
    if rule.code in LINK_CHECK_RULES:
        data["links"] = {"check": True, "retries": 0}
    return parse_config(data)


def _transport() -> httpx.MockTransport:
    def answer(request: httpx.Request) -> httpx.Response:
        status, location = LINK_ANSWERS.get(str(request.url), (200, None))
        return httpx.Response(status, headers={"location": location} if location else {})

    return httpx.MockTransport(answer)


def _lint(example: Example, rule: type[Rule], select: list[str]) -> tuple[Any, list[FileResult]]:
    ruleset = build_ruleset(_config(example, rule), select=select)
    site = _site(example.site, example.other_files)
    results = [
        lint_document(Document.from_bytes(raw, path, site), ruleset)
        for path, raw in example.files.items()
    ]
    return ruleset, results


def diagnostics_of(example: Example, rule: type[Rule]) -> list[Diagnostic]:
    """What a run with every rule on (the cross-file step too) reports on `example`."""
    ruleset, results = _lint(example, rule, ["ALL"])
    diagnostics = [d for result in results for d in result.diagnostics]
    diagnostics += project_end(results, ruleset, use_cache=False, transport=_transport())
    for d in diagnostics:
        assert d.rule != "internal-error", d.message
    return diagnostics


def lint(example: Example, rule: type[Rule]) -> dict[str, set[str]]:
    """The codes reported on each file of `example`, every rule on (the cross-file step too)."""
    found: dict[str, set[str]] = {path: set() for path in example.files}
    for d in diagnostics_of(example, rule):
        found[d.path].add(d.code)
    return found


def example_lines(block: str) -> set[bytes]:
    """The lines a fragment block writes into its clean article, as they are in the file."""
    lines = {_bytes(line).rstrip(b"\r\n") for line in block.split("\n")}
    return lines | {
        _bytes(match.group(2)).rstrip(b"\n")
        for line in block.split("\n")
        if (match := _FILE_LINE.match(line))
    }


def fixed(example: Example, rule: type[Rule]) -> dict[str, bytes]:
    """Each file after `newslint fix --unsafe-fixes --select CODE` (plus `--check-links` for the
    link-check rules, whose fixes come after every file). NL001 is fixed with every rule on: a
    suppression of a rule that the run leaves off is never reported, so never removed."""
    select = ["ALL"] if rule.code == "NL001" else [rule.code]
    if rule.code in LINK_CHECK_RULES:
        ruleset, results = _lint(example, rule, select)
        found = project_end(results, ruleset, use_cache=False, transport=_transport())
        return {
            path: apply_fixes(
                raw.decode("utf-8"), [d.fix for d in found if d.path == path and d.fix]
            )[0].encode("utf-8")
            for path, raw in example.files.items()
        }
    ruleset = build_ruleset(_config(example, rule), select=select)
    site = _site(example.site, example.other_files)
    out = {}
    for path, raw in example.files.items():
        outcome = fix_document(Document.from_bytes(raw, path, site), ruleset, unsafe=True)
        assert not outcome.dropped, f"{rule.code}: fixes dropped: {outcome.dropped_fixes}"
        out[path] = encode(outcome.text) if outcome.changed else raw
    return out


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_doc_examples(rule: type[Rule]) -> None:
    doc = rule.documentation()
    block = section(doc, "Example")
    assert block is not None, f"{rule.code}: ## Example has no indented block"
    example = read_block(block, rule)
    found = lint(example, rule)
    assert any(rule.code in codes for codes in found.values()), (
        f"{rule.code}: its Example does not make it report (found {found})"
    )
    if rule.code in STATED_PLACES:
        reports = sorted(
            (d for d in diagnostics_of(example, rule) if d.code == rule.code),
            key=Diagnostic.sort_key,
        )
        places = [spanned(example.files[d.path], d) for d in reports]
        assert places == STATED_PLACES[rule.code], f"{rule.code}: not reported where its doc says"
    if not example.whole:
        # A fragment's problem is where the fragment is, not in the clean article around it.
        written = example_lines(block)
        for d in diagnostics_of(example, rule):
            line = example.files[d.path].splitlines()[d.line - 1]
            assert d.code != rule.code or line in written, (
                f"{rule.code}: its Example is reported at {d.path}:{d.line} ({line!r}), outside"
                " the lines the Example writes"
            )
    instead_block = section(doc, "Use instead")
    if instead_block is None:
        assert rule.code in ("XF001",), f"{rule.code}: ## Use instead has no indented block"
        return  # said in words: "keep one of the two articles"
    instead = read_block(instead_block, rule, example)
    clean = lint(instead, rule)
    assert not any(rule.code in codes for codes in clean.values()), (
        f"{rule.code}: its Use instead makes it report ({clean})"
    )
    for path, codes in found.items():
        others = codes - {rule.code} - clean.get(path, set())
        assert not others, (
            f"{rule.code}: its Example also has the problems of {sorted(others)}, which its Use"
            " instead does not have"
        )
    if not example.whole:
        assert not any(clean.values()), f"{rule.code}: its Use instead is not clean: {clean}"
    if not rule.fixable():
        return
    result = fixed(example, rule)
    fix_safety = doc.split("## Fix safety\n", 1)[1]
    if fix_safety.startswith("Display only"):
        assert result == example.files, f"{rule.code}: a display-only fix was applied"
        return
    # A fix that does not give the Use instead (it escapes what an editor would delete, or leaves
    # a value only the editor knows) shows what it gives in its Fix safety, as a block of its own.
    gives_block = section(doc, "Fix safety", after_prose=True)
    gives = instead if gives_block is None else read_block(gives_block, rule, example)
    assert result == gives.files, f"{rule.code}: the fix does not give " + (
        "the Use instead" if gives_block is None else "the block its Fix safety shows"
    )


def rule_named(code: str) -> type[Rule]:
    return next(rule for rule in RULES if rule.code == code)


def test_fragments_go_into_a_clean_article() -> None:
    dt001 = rule_named("DT001")
    example = read_block(
        '# hugo.toml: timeZone = "Asia/Shanghai"\ndate: "2025-02-08 09:55:35"', dt001
    )
    assert example.site == {"timeZone": "Asia/Shanghai"}
    assert not example.whole
    assert example.files[PATH] == (
        b'---\ntitle: "Budget passes after a week of talks"\n'
        b'summary: "The budget passed on Tuesday after a week of talks between the coalition'
        b' parties."\n'
        b'date: "2025-02-08 09:55:35"\n---\n\n'
        + FRAMES["en"][0].prose.encode()
        + b"\n\n[Reuters](https://www.reuters.com/world/budget-passes)\n"
    )
    body = read_block("Bitcoin\\u200b fell.··   (a note)\n[x](https://x.example/)", dt001)
    assert body.files[PATH].endswith(
        FRAMES["en"][0].prose.encode()
        + b"\n\nBitcoin\xe2\x80\x8b fell.  \n[x](https://x.example/)\n"
    )


def test_blocks_that_stand_for_files() -> None:
    rule = rule_named("EN006")
    start = read_block('\\ufeff---\ntitle: "Budget passes"\\r\\n', rule)
    assert start.whole
    assert start.files[PATH].startswith(b"\xef\xbb\xbf---\n")
    assert start.files[PATH].count(b"title:") == 1
    assert b'\ntitle: "Budget passes"\r\n---\n' in start.files[PATH]
    both = read_block(
        'content/en/news/a.md:  title: "Budget passes"\n'
        "content/en/news/b.md ends with  [AP](https://apnews.com/x)",
        rule,
    )
    assert list(both.files) == ["content/en/news/a.md", "content/en/news/b.md"]
    assert both.files["content/en/news/a.md"].count(b'title: "Budget passes"\n') == 1
    assert both.files["content/en/news/b.md"].endswith(b"\n\n[AP](https://apnews.com/x)\n")
    later = read_block('content/en/news/b.md:  title: "Rain"', rule, both)
    assert later.files["content/en/news/a.md"] == both.files["content/en/news/a.md"]
    assert b'title: "Rain"' in later.files["content/en/news/b.md"]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_doc_holds_no_merge_conflict_markers(rule: type[Rule]) -> None:
    """A merge left `<<<<<<< HEAD` ... `>>>>>>> cascade12` in required-field's doc, which
    `newslint rule FM004` and the README then showed."""
    doc = rule.documentation()
    markers = re.compile(r"^(?:<{7}|={7}|>{7})(?: |$)", re.MULTILINE)
    assert markers.search(doc) is None, f"{rule.code}: merge conflict markers in its doc"


def test_no_tracked_file_holds_merge_conflict_markers() -> None:
    """The same for every source, test and documentation file of the project: a marker left in a
    docstring or a comment still imports and passes the other tests."""
    root = Path(__file__).resolve().parent.parent
    markers = re.compile(r"^(?:<{7}|>{7}) ", re.MULTILINE)
    folders = [root / name for name in ("newslint", "rules", "tests", "bench", ".ci", "examples")]
    files = [root / "README.md", root / "pyproject.toml", root / ".pre-commit-hooks.yaml"]
    files += [
        path
        for folder in folders
        for path in folder.rglob("*")
        if path.suffix in (".py", ".md", ".toml", ".yaml", ".yml", ".json", "") and path.is_file()
    ]
    found = [
        str(path.relative_to(root))
        for path in files
        if markers.search(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert found == []
