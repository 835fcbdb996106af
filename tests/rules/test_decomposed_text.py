from __future__ import annotations

import pytest

from newslint.rules.decomposed_text import DecomposedText, decomposed_words
from newslint.testing import Case, assert_case, fm

# Decomposed spellings, written with escapes so that no editor composes them: `Café`, Vietnamese
# `Nguồn` fully decomposed and as "tổ hợp" input writes it (`ô` and the tone apart), Japanese
# `コマンド` with the voiced sound mark apart, and Korean `출처` as its jamo.
CAFE = "Cafe\u0301"
NGUON = "Nguo\u0302\u0300n"
NGUON_TONE_APART = "Ngu\u00f4\u0300n"
KOMANDO = "\u30b3\u30de\u30f3\u30c8\u3099"
CHULCHEO = "\u110e\u116e\u11af\u110e\u1165"

CASES = [
    Case("composed", fm(title="Café de Flore", body="Nguồn: Tuổi Trẻ. コマンド。출처.\n")),
    Case(
        "body-words",
        fm(body=f"Le {CAFE} de Flore. {NGUON} và {NGUON_TONE_APART}.\n"),
        errors=[("decomposed", 4, 4), ("decomposed", 4, 20), ("decomposed", 4, 31)],
        fixed=fm(body="Le Café de Flore. Nguồn và Nguồn.\n"),
    ),
    Case(
        "japanese-and-korean",
        fm(body=f"{KOMANDO}を使う。\n\n{CHULCHEO}: 연합뉴스\n"),
        errors=[("decomposed", 4, 1), ("decomposed", 6, 1)],
        fixed=fm(body="コマンドを使う。\n\n출처: 연합뉴스\n"),
    ),
    Case(
        "title-and-summary",
        fm(title=f"{CAFE} de Flore", summary=f"Le {CAFE} rouvre."),
        errors=[("decomposed", 2, 9), ("decomposed", 3, 14)],
        fixed=fm(title="Café de Flore", summary="Le Café rouvre."),
    ),
    # Marks that Unicode keeps apart compose into nothing: a Devanagari nukta (`क़` is `क` and
    # U+093C in NFC), Hebrew points. Code and templates are left as written.
    Case(
        "marks-unicode-keeps-apart",
        fm(
            body="\u0915\u093c\u093e\u0928\u0942\u0928 \u05e9\u05b8\u05c1\u05dc\u05d5\u05b9\u05dd\n"
        ),
    ),
    # A mark written as an escape in the front matter: the file is ASCII, the title is not.
    Case(
        "escaped-in-front-matter",
        '---\ntitle: "Cafe\\u0301 de Flore"\n---\n\nText.\n',
        errors=[("decomposed", 2, 9)],
        fixed='---\ntitle: "Café de Flore"\n---\n\nText.\n',
    ),
    Case("code-and-template", fm(body=f'Run `{CAFE}` and {{{{< ref "{CAFE}" >}}}}.\n')),
    # A link whose text is its address (an autolink, a bare URL Hugo links, an e-mail address)
    # is a URL, left alone; a link's own text is prose.
    Case(
        "urls-written-as-text",
        fm(
            body=f"See <https://x.org/{CAFE}>, https://y.org/{CAFE}, <mailto:{CAFE}@x.org> "
            f"and [{CAFE}](https://z.org/{CAFE}).\n"
        ),
        errors=[("decomposed", 4, 75)],
        fixed=fm(
            body=f"See <https://x.org/{CAFE}>, https://y.org/{CAFE}, <mailto:{CAFE}@x.org> "
            f"and [Café](https://z.org/{CAFE}).\n"
        ),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_decomposed_text(case: Case) -> None:
    assert_case(DecomposedText, case)


def test_words_are_found_whole_and_composed() -> None:
    assert decomposed_words(f"x {CAFE}s y") == [(2, 8, "Cafés")]
    assert decomposed_words("plain ascii") == []
    # Marks in a non-canonical order only reorder: nothing composes.
    assert decomposed_words("\u05d1\u05bc\u05b0") == []


def test_description_is_checked_too() -> None:
    case = Case(
        "description",
        fm(description=f"Le {CAFE} rouvre."),
        errors=[("decomposed", 2, 18)],
        fixed=fm(description="Le Café rouvre."),
    )
    assert_case(DecomposedText, case)
