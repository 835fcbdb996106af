from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import check_text, fix_text
from newslint.rules._encoding import (
    _CANDIDATE_START,
    _CYRILLIC_WORD,
    _CZECH_SLOVAK_BESIDE_R,
    _CZECH_SLOVAK_MARKS,
    _CZECH_SLOVAK_SHOWN,
    _DOUBLE_BYTE_START,
    _GBK_SUSPECT_PAIR,
    _LEGACY_PAIRS,
    _LEGACY_WORD,
    _MOJIBAKE_START,
    _SINGLE_BYTE_START,
    _SYMBOL_INSIDE,
    _page_searches,
    _sjis_suspect_pair,
    _swapped_stretches,
)
from newslint.rules.mojibake import Mojibake
from newslint.site import Site
from newslint.testing import Case, assert_case, fm

LEGITIMATE = [
    "SÃO PAULO — Brazil's largest city voted on Sunday.",
    "L’été à Paris : « café », crème brûlée… et voilà.",
    "Größe „Straße“ für Köln — Zürich, Genève.",
    "Ação, coração e “não” em São Paulo ©.",
    "El ministro dijo “sí”. ¿Qué pasará? —Él no lo sabe.",
    "北京时间2月8日，美联储主席表示：“当前经济形势良好。”",
    "東京都は８日、新しい計画を発表した。「安全第一」だという。",
    "Family 👨\u200d👩\u200d👧 and 🏳️\u200d🌈 on the march.",
    "The ride is 10\xa0km long and costs £5 or €6; 25°C, ±2 µm, ½ cup.",
    "Москва «ТАСС» — всё пойдёт хорошо.",
    "Ελληνικά, Tiếng Việt có dấu, Ñandú, Æsir Ø.",
]

CASES = [
    Case("ascii", fm(body="Plain text only.\n", title="T")),
    *[
        Case(f"legitimate-{i}", fm(body=text + "\n", title=text))
        for i, text in enumerate(LEGITIMATE)
    ],
    Case(
        "nbsp-read-as-latin-1",
        fm(body="Before.\n\nÂ\xa0\n\nAfter.\n", title="T"),
        errors=[("mojibake", 7, 1)],
        fixed=fm(body="Before.\n\n\xa0\n\nAfter.\n", title="T"),
    ),
    Case(
        "two-on-one-line",
        fm(body="Donâ€™t stop â€“ ever.\n", title="T"),
        errors=[("mojibake", 5, 4), ("mojibake", 5, 14)],
        fixed=fm(body="Don’t stop – ever.\n", title="T"),
    ),
    Case(
        "in-front-matter",
        fm(title="Michaelâ€™s journey"),
        errors=[("mojibake", 2, 16)],
        fixed=fm(title="Michael’s journey"),
    ),
    Case(
        "emoji-variation-selector",
        fm(body="> 🗓ï¸\x8f Feb 14, 7pm\n", title="T"),
        errors=[("mojibake", 5, 4)],
        fixed=fm(body="> 🗓️ Feb 14, 7pm\n", title="T"),
    ),
    Case(
        "cyrillic-read-as-windows-1251",
        fm(body="РџСЂРёРІРµС‚ РјРёСЂ\n", title="T"),
        errors=[("mojibake", 5, 1)],
        fixed=fm(body="Привет мир\n", title="T"),
    ),
    Case(
        "encoded-twice",
        fm(body="It Ã¢â‚¬â„¢s here.\n", title="T"),
        errors=[("mojibake", 5, 4)],
        fixed=fm(body="It ’s here.\n", title="T"),
    ),
    Case(
        "cjk-mojibake-inside-cjk-text",
        fm(body="北京 æ—¥æœ¬ 东京\n", title="T"),
        errors=[("mojibake", 5, 4)],
        fixed=fm(body="北京 日本 东京\n", title="T"),
    ),
    Case(
        "windows-1252-read-as-latin-1",
        fm(body="It\x92s fine.\n", title="T"),
        errors=[("mojibake", 5, 3)],
        fixed=fm(body="It’s fine.\n", title="T"),
    ),
    Case(
        "lost-byte-already-a-replacement-character",
        fm(body="He said â€\ufffdhi.\n", title="T"),
        errors=[("mojibake", 5, 9)],
        fixed=fm(body="He said \ufffdhi.\n", title="T"),
    ),
    # Each damaged span is its own fix, the one whose byte was lost (`”` is E2 80 9D, and 9D is
    # not Windows-1252) too: not one edit over the whole sentence.
    Case(
        "lost-byte-among-other-mojibake",
        fm(body="Donâ€™t go to cafÃ©. â€œquotedâ€\ufffd and Ï\ufffd.\n", title="T"),
        errors=[
            ("mojibake", 5, 4),
            ("mojibake", 5, 18),
            ("mojibake", 5, 22),
            ("mojibake", 5, 31),
            ("mojibake", 5, 39),
        ],
        fixed=fm(body="Don’t go to café. “quoted\ufffd and \ufffd.\n", title="T"),
    ),
    # ftfy guesses that `?` stood for a lost byte: reported, but never replaced by U+FFFD.
    Case("lossy-repair-not-applied", fm(body="Donâ€?t do.\n", title="T"), errors=[("lossy", 5, 4)]),
    # `”` is E2 80 9D, and Windows-1252 leaves 9D undefined: a decoder that drops it leaves `â€`.
    # Before a space ftfy takes the space for a lost A0 and repairs `†` (E2 80 A0), eating the
    # space: a guess, reported as lossy. With the 9D kept as U+009D the repair is exact.
    Case(
        "dropped-third-byte-before-a-space-is-no-dagger",
        fm(body="The â€œtimesUpâ€ event and Kaiserâ€.\n", title="T"),
        errors=[("mojibake", 5, 5), ("lossy", 5, 15), ("lossy", 5, 34)],
        fixed=fm(body="The “timesUpâ€ event and Kaiserâ€.\n", title="T"),
        # Closing the quotation `â€œ` opened, the lost character can only be `”` (unsafe); the
        # second closes nothing and stays a guess.
        unsafe_fixed=fm(body="The “timesUp” event and Kaiserâ€.\n", title="T"),
    ),
    Case(
        # A quotation opened by an intact `“`, at the end of the line or before a comma; one
        # already closed, one opened on another line, or one in code: no fix.
        "dropped-closing-quote-of-a-quotation",
        fm(
            body="say “it worksâ€, he said “twiceâ€\n\n“done” then â€ here\n\n"
            "“open\nclose â€ it\n\n`“codeâ€ x`\n",
            title="T",
        ),
        errors=[
            ("lossy", 5, 14),
            ("lossy", 5, 32),
            ("lossy", 7, 13),
            ("lossy", 10, 7),
            ("lossy", 12, 7),
        ],
        unsafe_fixed=fm(
            body="say “it works”, he said “twice”\n\n“done” then â€ here\n\n"
            "“open\nclose â€ it\n\n`“codeâ€ x`\n",
            title="T",
        ),
    ),
    Case(
        "third-byte-kept-as-a-c1-control-or-a-no-break-space",
        fm(body="A â€œtimesUpâ€\x9d event, a dagger â€\xa0 here, voilÃ\xa0 tout.\n", title="T"),
        errors=[("mojibake", 5, 3), ("mojibake", 5, 13), ("mojibake", 5, 33), ("mojibake", 5, 47)],
        fixed=fm(body="A “timesUp” event, a dagger † here, voilà tout.\n", title="T"),
    ),
    Case(
        "crlf",
        '---\r\ntitle: "T"\r\n---\r\n\r\nDonâ€™t\r\n',
        errors=[("mojibake", 5, 4)],
        fixed='---\r\ntitle: "T"\r\n---\r\n\r\nDon’t\r\n',
    ),
    Case(
        "front-matter-syntax-error-body-still-fixed",
        "---\ntitle: [unclosed\n---\n\nDonâ€™t\n",
        errors=[("mojibake", 5, 4)],
        fixed="---\ntitle: [unclosed\n---\n\nDon’t\n",
    ),
    # Code is shown verbatim and may quote mis-decoded text on purpose: the fix is unsafe there.
    Case(
        "in-code-block",
        fm(body="Donâ€™t.\n\n```\nprint('Donâ€™t')\n```\n", title="T"),
        errors=[("mojibake", 5, 4), ("in-code", 8, 11)],
        fixed=fm(body="Don’t.\n\n```\nprint('Donâ€™t')\n```\n", title="T"),
        unsafe_fixed=fm(body="Don’t.\n\n```\nprint('Don’t')\n```\n", title="T"),
    ),
    Case(
        "in-inline-code",
        fm(body="Type `cafÃ©` here.\n", title="T"),
        errors=[("in-code", 5, 10)],
        unsafe_fixed=fm(body="Type `café` here.\n", title="T"),
    ),
    Case(
        "unterminated-front-matter-reported-not-fixed",
        '---\ntitle: "T"\n\nDonâ€™t\n',
        errors=[("mojibake", 4, 4)],
    ),
    # Front matter that writes the damage as escapes (Python's `json.dumps` writes `\u00c3\u00a9`
    # for `Ã©`): the value, and the page, holds the mojibake all the same.
    Case(
        "escaped-in-json-front-matter",
        '{"title": "Caf\\u00c3\\u00a9 opens"}\n\nText.\n',
        errors=[("mojibake", 1, 15)],
        fixed='{"title": "Café opens"}\n\nText.\n',
    ),
    Case(
        "escaped-windows-1252-in-json-front-matter",
        '{"title": "won\\u00e2\\u20ac\\u2122t go", "lead": "na\\u00c3\\u00afve"}\n\nText.\n',
        errors=[("mojibake", 1, 15), ("mojibake", 1, 51)],
        fixed='{"title": "won’t go", "lead": "naïve"}\n\nText.\n',
    ),
    # UTF-8 read as DOS code page 437, as a Windows console shows it: letters (`├⌐` for `é`),
    # which ftfy repairs, and punctuation (`ΓÇÖ` for `’`, `ΓÇó` for `•`), which it leaves alone.
    Case(
        "code-page-437-letters",
        fm(body="The caf├⌐ in Stra├ƒe.\n", title="T"),
        errors=[("mojibake", 5, 8), ("mojibake", 5, 18)],
        fixed=fm(body="The café in Straße.\n", title="T"),
    ),
    Case(
        "code-page-437-punctuation",
        fm(body="DonΓÇÖt stop ΓÇó now ΓÇöok.\n", title="T"),
        errors=[("mojibake", 5, 4), ("mojibake", 5, 14), ("mojibake", 5, 22)],
        fixed=fm(body="Don’t stop • now —ok.\n", title="T"),
    ),
    Case(
        "code-page-437-punctuation-escaped-in-json-front-matter",
        '{"title": "Don\\u0393\\u00c7\\u00d6t stop"}\n\nText.\n',
        errors=[("mojibake", 1, 15)],
        fixed='{"title": "Don’t stop"}\n\nText.\n',
    ),
    Case(
        "code-page-437-punctuation-in-code-is-an-unsafe-fix",
        fm(body="Run `echo ΓÇ£hiΓÇ¥`.\n", title="T"),
        errors=[("in-code", 5, 11), ("in-code", 5, 16)],
        unsafe_fixed=fm(body="Run `echo “hi”`.\n", title="T"),
    ),
    Case(
        "box-drawing-and-greek-are-no-code-page-437-damage",
        fm(body="├── src\n│   └── a.py\n\nΓ(x) and Γ½ are fine; ─│ too.\n", title="T"),
    ),
    Case(
        "escaped-in-double-quoted-yaml",
        '---\ntitle: "Caf\\xc3\\xa9 opens"\n---\n\nText.\n',
        errors=[("mojibake", 2, 12)],
        fixed='---\ntitle: "Café opens"\n---\n\nText.\n',
    ),
    Case(
        "escaped-in-a-nested-string-without-a-fix",
        '+++\ntitle = "T"\ntags = ["caf\\u00C3\\u00A9", "ok"]\n+++\n\nText.\n',
        errors=[("mojibake", 3, 9)],
    ),
    Case(
        "escaped-lost-byte-without-a-fix",
        '{"title": "He said \\u00e2\\u20ac hi"}\n\nText.\n',
        errors=[("lossy", 1, 20)],
    ),
    # A TOML multi-line string has no character map: each damaged piece is placed by the value's
    # whole span, with one fix that rewrites the value, so the string is reported once.
    Case(
        "escaped-twice-in-a-toml-multi-line-string",
        '+++\ntitle = """Caf\\u00c3\\u00a9\nCaf\\u00c3\\u00a9"""\n+++\n\nText.\n',
        errors=[("mojibake", 2, 9)],
        fixed='+++\ntitle = """Café\nCafé"""\n+++\n\nText.\n',
    ),
    # There one fix rewrites the whole value with every repair: when one of them is a guess (the
    # GBK kind, unsafe in the body too), so is the fix, even for the safe Latin-1 repair.
    Case(
        "escaped-guess-and-exact-in-a-toml-multi-line-string",
        '+++\ntitle = """Caf\\u00c3\\u00a9\n\\u9356\\u693e\\u542b\\u93c3\\u5815\\u68ff'
        '\\u6d60\\u5a42\\u3049\\u6d93\\u5a42\\u5d0d"""\n+++\n\nText.\n',
        errors=[("mojibake", 2, 9)],
        unsafe_fixed='+++\ntitle = """Café\n北京时间今天上午"""\n+++\n\nText.\n',
    ),
    # Escapes of sound text are no damage.
    Case("escaped-legitimate", '{"title": "Caf\\u00e9 S\\u00c3O \\u5317\\u4eac"}\n\nText.\n'),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_mojibake(case: Case) -> None:
    assert_case(Mojibake, case)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Â\xa0", "mojibake 'Â\\xa0' (UTF-8 text decoded as Latin-1); it should read '\\xa0'"),
        ("Donâ€™t", "mojibake 'â€™' (UTF-8 text decoded as Windows-1252); it should read '’'"),
        (
            "It Ã¢â‚¬â„¢s",
            "mojibake 'Ã¢â‚¬â„¢' (UTF-8 text decoded as Windows-1252 twice); it should read '’'",
        ),
        (
            "РџСЂРёРІРµС‚",
            "mojibake 'РџСЂРёРІРµС‚' (UTF-8 text decoded as Windows-1251); it should read 'Привет'",
        ),
        ("It\x92s", "mojibake '\\x92' (Windows-1252 text decoded as Latin-1); it should read '’'"),
    ],
)
def test_message_names_what_happened(text: str, message: str) -> None:
    import newslint

    found = newslint.check_text(fm(body=text + "\n", title="T"), select=["EN001"], site=Site())
    assert [d.message for d in found] == [message]


def test_seed_paragraph_is_repaired_then_removed(corpus: object) -> None:
    """EN001 turns the seed's `Â ` paragraph into a NBSP paragraph, which BD001 then removes."""
    import newslint
    from tests.conftest import CORPUS

    path = next((CORPUS / "seed").glob("*.md"))
    text = path.read_text(encoding="utf-8")
    assert "\n\nÂ\xa0\n\n" in text
    found = newslint.check_text(text, select=["EN001", "BD001"], site=Site())
    assert [(d.code, d.line, d.column) for d in found] == [("EN001", 34, 1)]
    fixed, remaining = newslint.fix_text(text, select=["EN001", "BD001"], site=Site())
    assert remaining == []
    assert fixed == text.replace("\n\nÂ\xa0\n\n", "\n\n")
    only_mojibake, _ = newslint.fix_text(text, select=["EN001"], site=Site())
    assert only_mojibake == text.replace("Â\xa0", "\xa0")


def test_file_with_invalid_utf8_keeps_its_bad_bytes() -> None:
    from tests.rules._bytes import fix_bytes, lint_bytes

    raw = b'---\ntitle: "T"\n---\n\nbad \xe9 and Don\xc3\xa2\xe2\x82\xac\xe2\x84\xa2t\n'
    assert [r[:3] for r in lint_bytes(Mojibake, raw)] == [("mojibake", 5, 14)]
    assert fix_bytes(Mojibake, raw, unsafe=False) == raw.replace("â€™".encode(), "’".encode())


GBK_DAMAGED = "北京时间今天上午".encode().decode("gbk")  # 鍖椾含鏃堕棿浠婂ぉ涓婂崍


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "utf8-decoded-as-gbk",
            fm(body=f"新闻：{GBK_DAMAGED}，发布。\n"),
            errors=[("mojibake", 4, 4)],
            unsafe_fixed=fm(body="新闻：北京时间今天上午，发布。\n"),
        ),
        # Genuine Chinese whose GBK bytes happen to be valid UTF-8 (未证实 -> δ֤ʵ) is no damage:
        # what the bytes hold must read as CJK again, four characters or more.
        Case("genuine-chinese", fm(body="未证实的消息。北京时间今天上午，外交部发言人表示。\n")),
        Case(
            "utf8-decoded-as-gbk-in-code",
            fm(body=f"The bytes show as `{GBK_DAMAGED}` in a GBK terminal.\n"),
            errors=[("in-code", 4, 20)],
            unsafe_fixed=fm(body="The bytes show as `北京时间今天上午` in a GBK terminal.\n"),
        ),
    ],
    ids=lambda c: c.name,
)
def test_utf8_decoded_as_gbk(case: Case) -> None:
    assert_case(Mojibake, case)


# Chinese saved in GBK or Big5 and read as Latin-1 or Windows-1252: two characters for each one.
# ftfy took pieces of the GBK kind for UTF-8 and "repaired" `Å±` to `ű`, safely.
GBK_AS_LATIN = "中文新闻报道，股市大涨".encode("gbk").decode("latin-1")  # ÖÐÎÄÐÂÎÅ±¨µÀ£¬¹ÉÊÐ´óÕÇ
BIG5_AS_LATIN = "中文新聞報導，股市大漲".encode("big5").decode("latin-1")  # ¤¤¤å·s»D³ø¾É¡AªÑ¥«¤jº¦


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "gbk-decoded-as-latin-1",
            fm(body=f"快讯：{GBK_AS_LATIN}。\n"),
            errors=[("mojibake", 4, 4)],
            fixed=fm(body=f"快讯：{GBK_AS_LATIN}。\n"),
            unsafe_fixed=fm(body="快讯：中文新闻报道，股市大涨。\n"),
        ),
        Case(
            "big5-decoded-as-latin-1",
            fm(body=f"快訊：{BIG5_AS_LATIN}。\n"),
            errors=[("mojibake", 4, 4)],
            unsafe_fixed=fm(body="快訊：中文新聞報導，股市大漲。\n"),
        ),
        # Accented Latin text, a rule of dashes or of non-breaking spaces is no such damage.
        Case(
            "latin-text-and-rules",
            fm(body="Þórðarson ÆØÅæøå, «¿Qué?» ¡Olé!\n\n——————————————\n\n" + "\xa0" * 12 + "x\n"),
        ),
        # Turkish and German words whose accented letters alternate with ASCII ones pair up as GBK
        # lead and trail bytes ('ünümüzün' would be 黱黰鼁黱, rare extension characters); Chinese
        # prose is made of GB2312's everyday characters. Found on a real Turkish newsletter.
        Case(
            "latin-words-that-pair-as-rare-gbk",
            fm(body="Bu sorun günümüzün en büyük konusu; Zürich für Bürger.\n"),
        ),
    ],
    ids=lambda c: c.name,
)
def test_legacy_chinese_decoded_as_latin_1(case: Case) -> None:
    assert_case(Mojibake, case)


# Russian or Ukrainian saved in Windows-1251, Greek in Windows-1253, read as Latin-1: each letter
# an accented Latin one. Not UTF-8, so ftfy leaves it; it was taken for GBK (`ôèíàíñîâ` read as
# '翳磬眈钼') before.
RU_AS_LATIN = "Министр финансов заявил в среду.".encode("cp1251").decode("latin-1")
UK_AS_LATIN = "Уряд оголосив нові заходи, з'їзд і підтримку.".encode("cp1251").decode("latin-1")
EL_AS_LATIN = "Η κυβέρνηση ανακοίνωσε νέα μέτρα.".encode("cp1253").decode("latin-1")


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "windows-1251-russian",
            fm(body=f"Новости: {RU_AS_LATIN}\n"),
            errors=[("mojibake", 4, 10)],
            unsafe_fixed=fm(body="Новости: Министр финансов заявил в среду.\n"),
        ),
        Case(
            "windows-1251-ukrainian",
            fm(body=f"{UK_AS_LATIN}\n"),
            errors=[("mojibake", 4, 1)],
            unsafe_fixed=fm(body="Уряд оголосив нові заходи, з'їзд і підтримку.\n"),
        ),
        Case(
            "windows-1253-greek",
            fm(body=f"{EL_AS_LATIN}\n"),
            errors=[("mojibake", 4, 1)],
            unsafe_fixed=fm(body="Η κυβέρνηση ανακοίνωσε νέα μέτρα.\n"),
        ),
        # On a Russian page one damaged word is enough: GBK's reading ('翳磬眈钼') makes no sense.
        Case(
            "one-word-on-a-russian-page",
            fm(body="Ñêàíäàë in Moscow.\n"),
            errors=[("mojibake", 4, 1)],
            unsafe_fixed=fm(body="Скандал in Moscow.\n"),
            language="ru",
        ),
        # Elsewhere two words are too few to tell from chance; accented Latin words always hold
        # an ASCII letter; symbols (`«`, `½`, `±`) read as no letters.
        Case("two-words-are-too-few", fm(body="Ìèíè ñòð said.\n")),
        Case(
            "accented-latin-and-symbols",
            fm(body="Þórðarson, «¿Qué?» ¡Olé! à é ô où ½ ¼ ±° «»« ±±±\n"),
        ),
    ],
    ids=lambda c: c.name,
)
def test_legacy_cyrillic_and_greek_decoded_as_latin_1(case: Case) -> None:
    assert_case(Mojibake, case)


# Russian in KOI8-R read as Windows-1251, and the other way round: Cyrillic with the case turned
# about. A headline in capitals (with `мРНК` in it) is no such damage.
RUSSIAN = "Президент подписал указ о назначении губернатора."
KOI8_AS_1251 = RUSSIAN.encode("koi8_r").decode("cp1251")  # рТЕЪЙДЕОФ РПДРЙУБМ ...
CP1251_AS_KOI8 = RUSSIAN.encode("cp1251").decode("koi8_r")  # оПЕГХДЕМР ОНДОХЯЮК ...


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "koi8-r-read-as-windows-1251",
            fm(body=f"Итак: {KOI8_AS_1251}\n"),
            errors=[("mojibake", 4, 7)],
            unsafe_fixed=fm(body=f"Итак: {RUSSIAN}\n"),
        ),
        Case(
            "windows-1251-read-as-koi8-r",
            fm(body=f"{CP1251_AS_KOI8}\n"),
            errors=[("mojibake", 4, 1)],
            unsafe_fixed=fm(body=f"{RUSSIAN}\n"),
        ),
        Case(
            "headline-in-capitals",
            fm(body="мРНК ВАКЦИНЫ РАБОТАЮТ ХОРОШО\n\nСРОЧНО: ВЗРЫВ В МОСКВЕ, ЦСКА и РЖД: кВт\n"),
        ),
    ],
    ids=lambda c: c.name,
)
def test_cyrillic_code_pages_swapped(case: Case) -> None:
    assert_case(Mojibake, case)


# Polish in Windows-1250 or ISO-8859-2 read as Windows-1252 or Latin-1: symbols inside words.
POLISH = "Zażółć gęślą jaźń, mówił dziś łoś, który pływał w głębokiej wodzie."
CP1250_AS_1252 = POLISH.encode("cp1250").decode("cp1252")  # Za¿ó³æ gêœl¹ jaŸñ, ...
LATIN2_AS_LATIN1 = POLISH.encode("iso8859_2").decode("latin-1")  # Za¿ó³æ gê¶l± ja¼ñ, ...


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "windows-1250-read-as-windows-1252",
            fm(body=f"{CP1250_AS_1252}\n"),
            errors=[("mojibake", 4, 3)],
            unsafe_fixed=fm(body=f"{POLISH}\n"),
        ),
        Case(
            "iso-8859-2-read-as-latin-1",
            fm(body=f"{LATIN2_AS_LATIN1}\n"),
            errors=[("mojibake", 4, 3)],
            unsafe_fixed=fm(body=f"{POLISH}\n"),
        ),
        # Catalan's middle dot, a glued Spanish question, trade marks and units are no damage.
        Case(
            "symbols-between-letters-in-genuine-text",
            fm(
                body="La col·lecció intel·ligent i il·lusió del Pal·lars.\n\n"
                "dijo¿qué? preguntó¿cómo? contestó¿dónde?\n\n"
                "Microsoft®Windows®Server®Edition, a±b, c±d, e±f\n"
            ),
        ),
    ],
    ids=lambda c: c.name,
)
def test_central_european_code_pages_read_as_latin_1(case: Case) -> None:
    assert_case(Mojibake, case)


# Czech and Slovak in Windows-1250 or ISO-8859-2 read as Windows-1252 or Latin-1: most of their
# letters become other letters (`øekl` for `řekl`, `rozpoèet`, `ïalšie`), few become symbols.
CZECH = "Ministr řekl, že rozpočet na příští rok bude menší."
SLOVAK = "Ľudia povedali, že ďalšie kolo sľúbila vláda."
CZ_1250_AS_1252 = CZECH.encode("cp1250").decode("cp1252")  # Ministr øekl, že rozpoèet ...
CZ_1250_AS_LATIN1 = CZECH.encode("cp1250").decode("latin-1")  # ... \x9ee rozpoèet ... pøí\x9atí
CZ_LATIN2_AS_LATIN1 = CZECH.encode("iso8859_2").decode("latin-1")  # ... ¾e rozpoèet ... pøí¹tí
SK_1250_AS_1252 = SLOVAK.encode("cp1250").decode("cp1252")  # ¼udia ... ïalšie kolo s¾úbila
CZ_UTF8_AS_1250 = CZECH.encode().decode("cp1250")  # Ministr Ĺ™ekl, Ĺľe rozpoÄŤet ...


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "czech-windows-1250-read-as-windows-1252",
            fm(body=f"{CZ_1250_AS_1252}\n"),
            errors=[("mojibake", 4, 9)],
            unsafe_fixed=fm(body=f"{CZECH}\n"),
        ),
        Case(
            "czech-windows-1250-read-as-latin-1",
            fm(body=f"{CZ_1250_AS_LATIN1}\n"),
            errors=[("mojibake", 4, 9)],
            unsafe_fixed=fm(body=f"{CZECH}\n"),
        ),
        Case(
            "czech-iso-8859-2-read-as-latin-1",
            fm(body=f"{CZ_LATIN2_AS_LATIN1}\n"),
            errors=[("mojibake", 4, 9)],
            unsafe_fixed=fm(body=f"{CZECH}\n"),
        ),
        Case(
            "slovak-windows-1250-read-as-windows-1252",
            fm(body=f"{SK_1250_AS_1252}\n"),
            errors=[("mojibake", 4, 1)],
            unsafe_fixed=fm(body=f"{SLOVAK}\n"),
        ),
        # On a Czech page two such words are enough.
        Case(
            "czech-page-two-words",
            fm(body="Vláda øekla, že vìc bude lepší.\n"),
            errors=[("mojibake", 4, 3)],
            unsafe_fixed=fm(body="Vláda řekla, že věc bude lepší.\n"),
            language="cs",
        ),
        Case("elsewhere-two-words-too-few", fm(body="Vláda øekla, že vìc bude lepší.\n")),
        # UTF-8 read as Windows-1250 is ftfy's exact repair: safe.
        Case(
            "czech-utf-8-read-as-windows-1250",
            fm(body=f"{CZ_UTF8_AS_1250}\n"),
            errors=[("mojibake", 4, 9)],
            fixed=fm(body=f"{CZECH}\n"),
        ),
        # Clean Czech, Slovak, Polish and Hungarian; French, Italian and Danish, whose letters
        # read as Czech ones too (`très` as `trčs`), even beside a Czech name.
        Case(
            "clean-central-european-and-look-alikes",
            fm(
                body=f"{CZECH}\n\n{SLOVAK}\n\nZażółć gęślą jaźń, mówił łoś.\n\n"
                "Árvíztűrő tükörfúrógép és a jövő évi költségvetés.\n\n"
                "Le député Dušan Žák, très ému, a présenté après la séance sa première réponse.\n\n"
                "Il ministro ha detto che più di così non si può fare, però lunedì sì.\n\n"
                "Hun bor på øen og kører til København hver dag, når det er muligt.\n"
            ),
        ),
    ],
    ids=lambda c: c.name,
)
def test_czech_and_slovak_code_pages(case: Case) -> None:
    assert_case(Mojibake, case)


def test_legacy_cyrillic_message_names_the_code_page() -> None:
    from newslint.engine import check_text

    found = check_text(fm(body=f"{RU_AS_LATIN}\n"), select=["EN001"])
    assert [d.message for d in found] == [
        f"mojibake {RU_AS_LATIN[:-1]!r} (Windows-1251 text decoded as Latin-1); it should read "
        "'Министр финансов заявил в среду'"
    ]


def test_utf8_of_korean_read_as_windows_1252_stays_utf8_damage() -> None:
    """Its bytes pair up as GBK lead and trail bytes too, but they are UTF-8 sequences."""
    from newslint.engine import check_text

    damaged = "정부는 발표했다".encode().decode("cp1252", "replace")
    found = check_text(fm(body=f"{damaged}\n"), select=["EN001"])
    assert {d.message.split("(")[-1].split(")")[0] for d in found} == {
        "UTF-8 text decoded as Windows-1252"
    }


def test_legacy_chinese_message_names_the_encoding() -> None:
    from newslint.engine import check_text

    found = check_text(fm(body=f"{BIG5_AS_LATIN}\n"), select=["EN001"])
    assert [d.message for d in found] == [
        f"mojibake {BIG5_AS_LATIN!r} (Big5 text decoded as Latin-1); it should read "
        "'中文新聞報導，股市大漲'"
    ]


def test_the_gbk_suspect_table_is_what_the_codec_gives() -> None:
    from newslint.rules._encoding import _GBK_SUSPECTS

    derived = []
    for block in ((0x3040, 0x3100), (0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00)):
        for code in range(*block):
            try:
                data = chr(code).encode("gbk")
            except UnicodeEncodeError:
                continue
            if len(data) == 2 and 0xE3 <= data[0] <= 0xED and 0x80 <= data[1] <= 0xBF:
                derived.append(chr(code))
    assert "".join(derived) == _GBK_SUSPECTS


def _read_as(text: str, encoding: str) -> str:
    """`text`'s UTF-8 bytes as a browser shows them in `encoding`."""
    return text.encode("utf-8").decode(encoding)


# Cyrillic read as KOI8-R, KOI8-U, DOS 866 or Mac OS Cyrillic, and Vietnamese read as
# Windows-1258: code pages ftfy does not know. The repair is the exact inverse.
@pytest.mark.parametrize(
    ("original", "encoding", "name"),
    [
        ("Бюджет принят во вторник", "koi8_r", "KOI8-R"),
        ("Бюджет ухвалили у вівторок", "koi8_u", "KOI8-U"),
        ("Бюджет принят во вторник", "cp866", "code page 866 (DOS Cyrillic)"),
        ("Бюджет принят во вторник", "mac_cyrillic", "Mac OS Cyrillic"),
        ("Ngân sách được thông qua", "cp1258", "Windows-1258"),
    ],
)
def test_cyrillic_and_vietnamese_code_pages(original: str, encoding: str, name: str) -> None:
    damaged = _read_as(original, encoding)
    text = fm(body=f"Text: {damaged}\n", title="T")
    found = check_text(text, select=["EN001"], site=Site())
    # The span runs from the first damaged character to the last (ASCII around stays out).
    first = next(i for i, c in enumerate(damaged) if not c.isascii())
    last = max(i for i, c in enumerate(damaged) if not c.isascii()) + 1
    assert [(d.code, d.line, d.column, d.end_column) for d in found] == [
        ("EN001", 5, 7 + first, 7 + last)
    ]
    shown = original[first : len(original) - (len(damaged) - last)]
    assert found[0].message == (
        f"mojibake {damaged[first:last]!r} (UTF-8 text decoded as {name}); it should read {shown!r}"
    )
    fixed, remaining = fix_text(text, select=["EN001"], site=Site())
    assert (fixed, remaining) == (fm(body=f"Text: {original}\n", title="T"), [])


@pytest.mark.parametrize(
    "genuine",
    [
        # `рё` (KOI8: D2 A3) and `пё` are units of KOI8 damage, but no run of them is UTF-8.
        "Трёхэтажный дом на берёзовой улице, пёстрый и старый.",
        # Box drawing next to Cyrillic (a table in DOS style), dashes before capitals.
        "╔═══╗ итог ╚═══╝ ─Я сказал —Мы пришли –Он ушёл.",
        "Ăn uống, Ăng-ten – Ă.",
    ],
)
def test_genuine_cyrillic_and_vietnamese_are_no_damage(genuine: str) -> None:
    assert check_text(fm(body=genuine + "\n", title="T"), select=["EN001"], site=Site()) == []


@pytest.mark.parametrize(
    "genuine",
    [
        # Vietnamese and Portuguese capitals ending in Ã (C3): before a space, Ã + A0 would be `à`;
        # before a closing quote, C3 94 is `Ô`, C3 BB is `û`. A line with other damage-like pieces
        # (`Â `) made ftfy repair the whole line, `XÃ HỘI` included.
        "“CHÚNG TA ĐÃ” VÀ XÃ HỘI CHỦ NGHĨA",
        "Ele disse: “AMANHÃ”. A campanha «MINHA IRMÃ» e «MAÇÃ» começou.",
        "Tin nóng: “THỦ TƯỚNG ĐÃ” ký, NGÃ BA ĐỒNG LỘC ‘LÃ’ mở",
        # In a line with intact Vietnamese letters (ư, ờ, đ, ễ: no Windows-1252 or Latin-1 can
        # show them), a capital glued to the next word in capitals by a dash (`–` is 96, C3 96
        # `Ö`) and `Â` as a word of its own (C2 A0, a no-break space) are Vietnamese.
        "SÁP NHẬP XÃ–PHƯỜNG TỪ THÁNG 7",
        "Ông Nguyễn Văn Â đã nói: chữ Â đứng sau Ă.",
    ],
)
def test_a_capital_ending_a_word_in_capitals_is_no_damage(genuine: str) -> None:
    text = fm(body=genuine + "\n", title=genuine)
    assert check_text(text, select=["EN001"], site=Site()) == []


@pytest.mark.parametrize(
    "case",
    [
        # `Â` as a word on a Vietnamese line with no letter beyond Windows-1252 for the line to
        # show it is intact: on a page in Vietnamese it is the letter, the line having no other
        # damage (mis-decoded, its `ô` and `à` would be `Ã´` and `Ã `).
        Case("a-word-on-a-vietnamese-page", fm(body="Hôm nay Â và Ê.\n"), language="vi"),
        # Elsewhere it reads as a no-break space, as before (nothing says the line is Vietnamese).
        Case(
            "a-word-on-a-page-of-no-known-language",
            fm(body="Hôm nay Â và Ê.\n"),
            errors=[("mojibake", 4, 9)],
            fixed=fm(body="Hôm nay \u00a0và Ê.\n"),
        ),
        # A no-break space read as `Â` sticks to the word before it; and one on a line with
        # other damage is damage too, on a Vietnamese page as well.
        Case(
            "glued-to-a-word-on-a-vietnamese-page",
            fm(body="Hôm nayÂ và Ê.\n"),
            errors=[("mojibake", 4, 8)],
            fixed=fm(body="Hôm nay\u00a0và Ê.\n"),
            language="vi",
        ),
        Case(
            "before-a-number-on-a-vietnamese-page",
            fm(body="Hôm nay Â 2024.\n"),
            errors=[("mojibake", 4, 9)],
            fixed=fm(body="Hôm nay \u00a02024.\n"),
            language="vi",
        ),
        Case(
            "beside-other-damage-on-a-vietnamese-page",
            fm(body="TÃ´i Â nÃ³i.\n"),
            errors=[("mojibake", 4, 2), ("mojibake", 4, 6), ("mojibake", 4, 9)],
            fixed=fm(body="Tôi \u00a0nói.\n"),
            language="vi",
        ),
    ],
    ids=lambda c: c.name,
)
def test_vietnamese_a_as_a_word_on_a_vietnamese_page(case: Case) -> None:
    assert_case(Mojibake, case)


@pytest.mark.parametrize(
    ("damaged", "column", "repaired"),
    [
        # the capital is followed by a letter: `HÔTEL`, whatever quotes are around
        ("“the HÃ”TEL”", 7, "“the HÔTEL”"),
        # the quote after it does not close the opening quote: `“ALLÔ”` inside an intact line
        ("“ALLÃ”” x", 5, "“ALLÔ” x"),
        # `à` after a capital, then small letters: `Là il` mis-decoded
        ("LÃ  il est lÃ  depuis cafÃ©", 2, "Là il est là depuis café"),
        # `Ö` in a word in capitals, `Â ` for a no-break space, where no Vietnamese letter is
        # intact: the line's Vietnamese is mis-decoded too (`Viá»‡t`)
        ("KÃ–LN AM RHEIN", 2, "KÖLN AM RHEIN"),
        ("Hello Â world", 7, "Hello \u00a0world"),
        ("Viá»‡t Nam Â hôm nay", 3, "Việt Nam \u00a0hôm nay"),
    ],
)
def test_mojibake_at_the_end_of_a_capital_is_still_damage(
    damaged: str, column: int, repaired: str
) -> None:
    text = fm(body=damaged + "\n", title="T")
    found = check_text(text, select=["EN001"], site=Site())
    assert [(d.code, d.line, d.column) for d in found][:1] == [("EN001", 5, column)]
    fixed, _ = fix_text(text, select=["EN001"], site=Site(), unsafe=True)
    assert fixed == fm(body=repaired + "\n", title="T")


# The word patterns put their class before the lookbehind (a search then scans for the class);
# they must find exactly what the lookbehind-first spelling finds, at any start.
_WORD_ALPHABET = "aZ09 _\n.,-'«»¡¿·éÉüÿ×÷ÀÁ¢£§©ª¬\xad®°±²³´µ¶¸¹º¼½¾ДЖЁёжабЯЇі\u0400\u0452中文。"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_WORD_ALPHABET, max_size=14))
def test_word_patterns_match_as_the_lookbehind_first_spelling(text: str) -> None:
    for pattern, word in (
        (_LEGACY_WORD, r"[\u00a1-\u00ff]"),
        (_CYRILLIC_WORD, r"[\u0401\u0410-\u044f\u0451]"),
    ):
        reference = re.compile(rf"(?<!\w){word}+(?!\w)")
        for start in range(len(text) + 1):
            found, expected = pattern.search(text, start), reference.search(text, start)
            assert (found and found.span()) == (expected and expected.span()), (text, start)
        assert pattern.findall(text) == reference.findall(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZé中 _.\n9" + _CZECH_SLOVAK_MARKS + "ìÌø", max_size=10))
def test_czech_slovak_pattern_matches_as_the_alternatives_spelling(text: str) -> None:
    # `_CZECH_SLOVAK_SHOWN` puts the class of both first characters first: it must find exactly
    # what its two alternatives, each with its own class, find, at any start.
    letter = r"[^\W\d_]"
    reference = re.compile(
        f"[ìÌ](?={letter})|[{_CZECH_SLOVAK_MARKS}](?:(?<={letter}.)|(?={letter}))", re.DOTALL
    )
    for start in range(len(text) + 1):
        found, expected = _CZECH_SLOVAK_SHOWN.search(text, start), reference.search(text, start)
        assert (found and found.span()) == (expected and expected.span()), (text, start)
    assert _CZECH_SLOVAK_SHOWN.findall(text) == reference.findall(text)


def test_single_byte_gate_holds_every_first_character_of_the_patterns_it_skips() -> None:
    # A text without a character of `_SINGLE_BYTE_START` is not searched with the four patterns:
    # each must start with a class (its first `[...]`) that the gate's class takes in whole.
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    gate = set(_SINGLE_BYTE_START.findall(every))
    for pattern in (_LEGACY_WORD, _CYRILLIC_WORD, _SYMBOL_INSIDE, _LEGACY_PAIRS):
        source = pattern.pattern
        assert source.startswith("[")
        first = re.compile(source[: source.index("]") + 1])
        starts = set(first.findall(every))
        assert starts and starts <= gate, source[:40]


def _first_class_matches(pattern: re.Pattern[str], every: str) -> set[str]:
    source = pattern.pattern
    assert source.startswith("[")
    return set(re.findall(source[: source.index("]") + 1], every))


def test_damage_gates_hold_every_first_character_of_the_searches_they_skip() -> None:
    # A text without a character of `_MOJIBAKE_START` is not searched for code-page or ftfy
    # damage, nor one without a character of `_DOUBLE_BYTE_START` for GBK, Shift_JIS or
    # single-byte damage: each search they stand for must start with a class they take in whole.
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    single = set(_MOJIBAKE_START.findall(every))
    any_unit, _ = _page_searches()
    for starts in (
        _first_class_matches(any_unit, every),
        set(_CANDIDATE_START.findall(every)),
        {"\u00e2"},  # `â€` with its third byte dropped
    ):
        assert starts and starts <= single
    double = set(_DOUBLE_BYTE_START.findall(every))
    gate = set(_SINGLE_BYTE_START.findall(every))
    for starts in (
        _first_class_matches(_GBK_SUSPECT_PAIR, every),
        _first_class_matches(_sjis_suspect_pair(), every),
        gate,
    ):
        assert starts and starts <= double
    # `_czech_slovak_shown` is asked only behind `_SINGLE_BYTE_START`.
    assert set(_CZECH_SLOVAK_MARKS + "ìÌøØ") <= gate
    assert _CZECH_SLOVAK_BESIDE_R.issubset(gate)


@pytest.mark.parametrize(
    "body",
    [
        # Damage in an article of a script the gates pass over, each the only damage there.
        f"新闻：北京时间今天上午，发布。\n\n{CZ_1250_AS_1252}",
        "新闻：" + "北京时间今天上午".encode().decode("gbk") + "，发布。",
        "ニュース：" + "もう一度言ってください".encode().decode("cp932") + "。",
        "新闻：北京时间今天上午，" + "café".encode().decode("cp1252") + "发布。",
        "新闻：北京时间今天上午，" + "ΓÇÖ" + "发布。",
    ],
    ids=["czech", "gbk", "shift-jis", "latin-1", "code-page-437"],
)
def test_damage_in_cjk_prose_is_still_found(body: str) -> None:
    found = check_text(fm(body=body + "\n"), select=["EN001"])
    assert found and all(d.rule == "mojibake" for d in found)


def _stretches_word_by_word(text: str) -> list[list[tuple[int, int]]]:
    """The grouping `_swapped_stretches` keeps: every Cyrillic word in turn, one in swapped case
    joining the stretch before when no letter stands between, any other ending the stretch."""
    groups: list[list[tuple[int, int]]] = []
    last: re.Match[str] | None = None
    for match in _CYRILLIC_WORD.finditer(text):
        word = match.group(0)
        if not (len(word) == 1 or word[1:].isupper()):
            last = None
            continue
        gap = text[last.end() : match.start()] if last is not None else ""
        if last is not None and not any(char.isalpha() for char in gap):
            groups[-1].append(match.span())
        else:
            groups.append([match.span()])
        last = match
    return groups


# Damaged words, Russian ones, capitals, one-letter words, Latin, digits and what stands between.
STRETCH_PIECES = st.sampled_from(
    [
        *(*KOI8_AS_1251.split(), *CP1251_AS_KOI8.split(), *RUSSIAN.split()),
        *("США", "в", "Ё", "ёЖ", "ЁЛКИ", "Bitcoin", "x", "2024", " ", ", ", " — ", "\n", "-", "²"),
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(STRETCH_PIECES, max_size=14).map("".join))
def test_swapped_stretches_group_as_word_by_word(text: str) -> None:
    found = [[match.span() for match in group] for group in _swapped_stretches(text)]
    assert found == _stretches_word_by_word(text)
