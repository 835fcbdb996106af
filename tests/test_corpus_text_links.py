"""The text and static-link rules on the real corpora, against scans written here independently.

On `bulwark` (a real scraped news site) each rule's findings are compared with a plain scan of the
same files: regular expressions over the raw lines, no newslint code. Where a rule deliberately
does less than the scan (TX004 is conservative), the difference is listed case by case with the
reason. On `other` (Hugo and Jekyll documentation full of code, shortcodes, Liquid and HTML) the
expected firings are listed exactly, so a new false alarm on documentation fails the test.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from newslint.config import Config
from newslint.diagnostics import Diagnostic
from newslint.engine import build_ruleset, lint_path
from tests.conftest import CORPUS

pytestmark = pytest.mark.corpus

RULES = ("TX003", "TX004", "TX005", "TX006", "TX007", "LK001", "LK002", "LK003", "LK004", "LK005")
BULWARK = CORPUS / "bulwark"
OTHER = CORPUS / "other"


@cache
def lint(corpus: Path) -> tuple[tuple[Path, tuple[Diagnostic, ...]], ...]:
    ruleset = build_ruleset(Config(), select=list(RULES))
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix in (".md", ".markdown"))
    return tuple((p, tuple(lint_path(p, ruleset).diagnostics)) for p in files)


def found(corpus: Path, code: str) -> list[tuple[Path, Diagnostic]]:
    return [(p, d) for p, diags in lint(corpus) for d in diags if d.code == code]


@cache
def articles() -> tuple[tuple[Path, str, dict[str, str], list[str]], ...]:
    """(path, text, front-matter text fields, body lines) of every bulwark article. The site's
    front matter is uniform: one `key: "value"` line per field."""
    out = []
    for path in sorted((BULWARK / "content").rglob("*.md")):
        text = path.read_bytes().decode("utf-8", "replace")
        lines = re.split(r"\r\n|\r|\n", text)
        close = lines.index("---", 1)
        fields = {}
        for line in lines[1:close]:
            match = re.fullmatch(r'(title|summary|lead): "(.*)"', line)
            if match:
                fields[match.group(1)] = match.group(2).replace('\\"', '"')
        out.append((path, text, fields, lines[close + 1 :]))
    return tuple(out)


def require_corpus() -> None:
    if not BULWARK.is_dir():
        pytest.skip("../shared/corpus is not present")


# ------------------------------------------------------------------------------ bulwark


def test_tx003_html_entity_matches_scan() -> None:
    require_corpus()
    entity = re.compile(r"&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z]+);")
    fields = sum(1 for _, _, f, _ in articles() for v in f.values() if entity.search(v))
    scan = sum(len(entity.findall(v)) for _, _, f, _ in articles() for v in f.values())
    # One problem per reference (23 fields hold them).
    diagnostics = found(BULWARK, "TX003")
    assert (len(diagnostics), fields) == (scan, 23)


# A glued sentence: a lower-case word (or a number, `)` or `%`) + `.!?` (or `,"`) + a capitalised
# word, in a token with no URL, e-mail, path or template characters and no other dot.
# The word after is a capitalised word, or a one-letter sentence opener before another word
# (`Act.A spokesperson`).
_GLUED = re.compile(
    r"(?:[a-z]{2}|\d{2,}|[)%])([.!?]|,(?=\"))\"?([A-Z][a-z]+|[AIYOE](?= [A-Za-z]))(?:['’]s)?"
    r"(?=[\s,;:.!?]|$)"
)
_TOKEN_BAD = re.compile(r"[/@:=_#{}<>|$~`&^*+\[\]\\]|www")
# Glued sentences the scan finds and sentence-spacing leaves alone on purpose: the word after the
# stop is followed by a comma or by nothing, so it may as well be a name (`math.Abs`, `Corp.Canada`).
TX004_DELIBERATE_MISSES = {
    ("0544869b28eaff88c4e16fb764c7af7b.en.md", "Damsky"),  # `added.Damsky, 36, is ...`
    ("DJN_DN202502130185940.en.md", "Canada"),  # `Corp.Canada NewsWireTORONTO, Feb. 13`
    (
        "tagreuters.com,2025-02-10newsml_ACSkcpqma0.en.md",
        "Transferring",
    ),  # `shelters.Transferring..."`
    ("te_news4478680.en.md", "President"),  # `0.7%.President Trump..."`: one word, then the cut
}


def tx004_scan() -> Counter[tuple[str, int, str]]:
    hits: Counter[tuple[str, int, str]] = Counter()
    for path, _, _, _ in articles():
        lines = re.split(r"\r\n|\r|\n", path.read_bytes().decode("utf-8", "replace"))
        in_fence = False
        for number, line in enumerate(lines, start=1):
            if line.startswith("```"):
                in_fence = not in_fence
            if in_fence or line.startswith("    ") or number == 1:
                continue
            prose = re.sub(r"\]\([^)]*\)", "] ", line)  # link destinations are no prose
            prose = re.sub(r"<[^>]*>", " ", prose)
            for match in _GLUED.finditer(prose):
                start = prose.rfind(" ", 0, match.start()) + 1
                left = prose[start : match.start(1)]
                if _TOKEN_BAD.search(left) or re.search(r"\.(?!\d)", left.rstrip(".")):
                    continue
                hits[(path.name, number, match.group(2))] += 1
    return hits


def test_tx004_sentence_spacing_matches_scan() -> None:
    require_corpus()
    rule: Counter[tuple[str, int, str]] = Counter()
    for path, diag in found(BULWARK, "TX004"):
        line = re.split(r"\r\n|\r|\n", path.read_bytes().decode("utf-8", "replace"))[diag.line - 1]
        word = re.match(r"[.!?,]\"?([A-Za-z]+)", line[diag.column - 1 :])
        assert word is not None
        rule[(path.name, diag.line, word.group(1))] += 1
    scan = tx004_scan()
    assert rule - scan == Counter(), "sentence-spacing reports what the scan does not"
    assert {(name, word) for name, _, word in scan - rule} == TX004_DELIBERATE_MISSES
    assert (rule.total(), scan.total()) == (61, 65)


def test_tx005_text_whitespace_matches_scan() -> None:
    require_corpus()
    problem = re.compile(r"^\s|\s$|[ \t\u00a0]{2,}|(?<![\d.«$£€¥])\u00a0(?![\d:;!?»%\s])|\t")
    scan = 0
    for _, _, fields, _ in articles():
        for value in fields.values():
            scan += len(problem.findall(value))
    assert len(found(BULWARK, "TX005")) == scan == 44


def test_tx006_title_shouting_matches_scan() -> None:
    require_corpus()
    scan = 0
    for _, _, fields, _ in articles():
        words = re.findall(r"[A-Za-z]+", fields.get("title", ""))
        caps = [w for w in words if w.isupper() and len(w) > 1]
        if words and len(caps) >= 0.8 * len(words) and sum(map(len, caps)) >= 20:
            scan += 1
    assert len(found(BULWARK, "TX006")) == scan == 2


def test_tx007_language_mismatch_matches_scan() -> None:
    require_corpus()
    cjk = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
    scan = 0
    for path, _, fields, body in articles():
        english = "/content/en/" in path.as_posix()
        prose = " ".join(
            re.sub(r"!?\[[^\]]*\]\([^)]*\)", " ", line)
            for line in body
            if not line.startswith("    ")
        )
        for text in [fields.get("title", ""), fields.get("summary", ""), prose]:
            han = len(cjk.findall(text))
            words = len(re.findall(r"[A-Za-z]+", text))
            if english and han > 2 * words:
                scan += 1
            if not english and han == 0 and words >= 3:
                scan += 1
    assert len(found(BULWARK, "TX007")) == scan == 13


def test_lk001_every_bulwark_article_has_a_source_link() -> None:
    require_corpus()
    scan = 0
    for _, _, _, body in articles():
        last = [line for line in body if line.strip()][-1]
        if not re.fullmatch(r"\[[^\]]*\]\(https?://[^)]+\)\s*", last):
            scan += 1
    assert len(found(BULWARK, "LK001")) == scan == 0


def test_lk002_link_malformed_matches_scan() -> None:
    require_corpus()
    body = "\n".join("\n".join(b) for _, _, _, b in articles())
    javascript = len(re.findall(r"\]\(javascript:", body))
    empty = len(re.findall(r"!?\[\]\(\)", body))
    mailto = len(re.findall(r"\]\(http://mailto:", body))
    spaced = len(re.findall(r"\]\(https?://[^)\s\"]*/[^)\s\"]* +[^)\s\"][^)\"]*\)", body))
    assert (javascript, empty, mailto, spaced) == (15, 13, 5, 1)
    assert len(found(BULWARK, "LK002")) == javascript + empty + mailto + spaced


def test_lk003_link_relative_matches_scan() -> None:
    require_corpus()
    body = "\n".join("\n".join(b) for _, _, _, b in articles())
    relative = re.findall(r"\]\((?!https?:|#|mailto:|data:|javascript:|//)[^)\s]+", body)
    protocol = re.findall(r"\]\(//", body)
    assert (len(relative), len(protocol)) == (168, 18)
    assert len(found(BULWARK, "LK003")) == len(relative) + len(protocol)


def test_lk004_link_insecure_matches_scan() -> None:
    require_corpus()
    body = "\n".join("\n".join(b) for _, _, _, b in articles())
    # Inline links, autolinks, definitions, and bare URLs (Hugo's Goldmark links them).
    scan = len(
        re.findall(
            r"\]\(http://(?!mailto:)|<http://|^\[[^\]]+\]: http://|(?<!\]:) http://|^http://",
            body,
            re.M,
        )
    )
    assert len(found(BULWARK, "LK004")) == scan == 13


def test_lk005_tracking_params_matches_scan() -> None:
    require_corpus()
    body = "\n".join("\n".join(b) for _, _, _, b in articles())
    urls = re.findall(r"\]\((https?://[^)\s]+)", body)
    tracking = re.compile(
        r"[?&](utm_[a-z]+|fbclid|gclid|msclkid|mc_eid|mc_cid|igshid|igsh|ref_src)="
    )
    scan = sum(1 for url in urls if tracking.search(url))
    assert len(found(BULWARK, "LK005")) == scan == 58


# ------------------------------------------------------------------------------ seed


def test_seed_article() -> None:
    require_corpus()
    from newslint.document import Document
    from newslint.engine import fix_document, read_document

    seed = next((CORPUS / "seed").glob("*.md"))
    ruleset = build_ruleset(Config(), select=list(RULES))
    diagnostics = lint_path(seed, ruleset).diagnostics
    assert [(d.code, d.line, d.column) for d in diagnostics] == [("TX004", 32, 45)]
    doc = read_document(seed, ruleset)
    assert isinstance(doc, Document)
    fixed = fix_document(doc, ruleset).text
    assert 'the US President said, "After our meeting today' in fixed
    assert fixed.replace('said, "After', 'said,"After') == seed.read_bytes().decode("utf-8")


# ------------------------------------------------------------------------------ other

# Every firing on the documentation corpus, checked by hand: all are real (see the report). The
# first two LK002 are URLs wrapped onto the next line in hugoBasicExample's migrate-from-jekyll.fr.md,
# which Hugo 0.168 shows with their brackets (checked); the third is a URL in one more pair of
# parentheses in the Russian Monero site (`[MoneroWorld]((https://moneroworld.com/))`), which
# links to an address next to the page; the other nine are the same Russian site's e-mail link
# written without `mailto:` (`[электронной почте](hatchbacks@disroot.org)`, once per issue of its
# newsletter), which Hugo 0.168 writes as `href="hatchbacks@disroot.org"`, a page next to the
# article. The nine TX007 are words of the Russian
# Monero site that mix Latin and Cyrillic letters: a look-alike letter (`Сuprated`, `Cтроительство`,
# `cделан`, `Сake`) or two words run together (`Bitcoinили`, `KYCна`). The sixth LK005 is the
# Russian site's Spotify episode link with the share identifier `?si=`.
OTHER_EXPECTED = Counter({"LK002": 12, "LK004": 36, "LK005": 6, "TX005": 2, "TX007": 9})


def test_other_corpus_firings_are_the_reviewed_ones() -> None:
    require_corpus()
    counts = Counter(d.code for _, diags in lint(OTHER) for d in diags if d.code != "LK001")
    assert counts == OTHER_EXPECTED
    assert not [d for _, diags in lint(OTHER) for d in diags if d.code.startswith("NL")]
