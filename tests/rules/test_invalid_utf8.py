from __future__ import annotations

import pytest

from newslint.rules.invalid_utf8 import InvalidUtf8
from newslint.testing import Case, assert_case, fm
from tests.rules._bytes import fix_bytes, lint_bytes


@pytest.mark.parametrize(
    "case",
    [Case("valid-utf8", fm(body="Café 北京 \ufffd.\n", title="Café"))],
    ids=lambda c: c.name,
)
def test_valid_text(case: Case) -> None:
    assert_case(InvalidUtf8, case)


WINDOWS_1252 = b'---\ntitle: "Caf\xe9"\n---\n\nCaf\xe9 au lait \x93quoted\x94.\n'


def test_windows_1252_bytes() -> None:
    assert lint_bytes(InvalidUtf8, WINDOWS_1252) == [
        ("guess", 2, 12, "bytes that are not UTF-8: E9 (as Windows-1252: 'é')"),
        ("guess", 5, 4, "bytes that are not UTF-8: E9 (as Windows-1252: 'é')"),
        ("guess", 5, 14, "bytes that are not UTF-8: 93 (as Windows-1252: '“')"),
        ("guess", 5, 21, "bytes that are not UTF-8: 94 (as Windows-1252: '”')"),
    ]
    # The fix is unsafe: `newslint fix` keeps the bytes as they are.
    assert fix_bytes(InvalidUtf8, WINDOWS_1252, unsafe=False) == WINDOWS_1252
    assert fix_bytes(InvalidUtf8, WINDOWS_1252, unsafe=True) == (
        '---\ntitle: "Café"\n---\n\nCafé au lait “quoted”.\n'.encode()
    )


def test_gb18030_in_a_chinese_article() -> None:
    raw = '---\ntitle: "T"\n---\n\n北京'.encode() + "中文".encode("gb18030") + b"\n"
    path = "content/zh-CN/news/a.zh-CN.md"
    assert lint_bytes(InvalidUtf8, raw, language="zh-CN", path=path) == [
        ("guess", 5, 3, "bytes that are not UTF-8: D6 D0 CE C4 (as GB18030: '中文')")
    ]
    assert fix_bytes(InvalidUtf8, raw, unsafe=True, language="zh-CN", path=path) == (
        '---\ntitle: "T"\n---\n\n北京中文\n'.encode()
    )


def test_undefined_in_every_candidate_encoding_has_no_fix() -> None:
    raw = b'---\ntitle: "T"\n---\n\nbad \x81\x8d here\n'
    assert lint_bytes(InvalidUtf8, raw) == [("unknown", 5, 5, "bytes that are not UTF-8: 81 8D")]
    assert fix_bytes(InvalidUtf8, raw, unsafe=True) == raw


def test_crlf_file_keeps_its_endings_and_other_bytes() -> None:
    raw = b'---\r\ntitle: "T"\r\n---\r\n\r\nna\xefve\r\n'
    assert [r[:3] for r in lint_bytes(InvalidUtf8, raw)] == [("guess", 5, 3)]
    assert (
        fix_bytes(InvalidUtf8, raw, unsafe=True)
        == '---\r\ntitle: "T"\r\n---\r\n\r\nnaïve\r\n'.encode()
    )


def test_long_run_is_shortened_in_the_message() -> None:
    raw = b"---\ntitle: T\n---\n\n" + b"\xe9" * 10 + b"\n"
    ((_, line, column, message),) = lint_bytes(InvalidUtf8, raw)
    assert (line, column) == (5, 1)
    assert message == (
        "bytes that are not UTF-8: E9 E9 E9 E9 E9 E9 E9 E9 … (as Windows-1252: 'éééééééééé')"
    )


def test_front_matter_that_does_not_parse_is_still_checked() -> None:
    raw = b"---\ntitle: [\xe9\n"
    assert [r[:3] for r in lint_bytes(InvalidUtf8, raw)] == [("guess", 2, 9)]


UTF16_ARTICLE = '---\r\ntitle: "Zürich"\r\n---\r\n\r\nGrüezi.\r\n'


WIDE_ARTICLE = '---\ntitle: "北京 \U0001f600"\n---\n\n北京时间2月8日。\r\nZürich.\n'


@pytest.mark.parametrize(
    ("raw", "encoding", "evidence"),
    [
        (UTF16_ARTICLE.encode("utf-16-le"), "UTF-16 LE", "every other byte is NUL"),
        (UTF16_ARTICLE.encode("utf-16-be"), "UTF-16 BE", "every other byte is NUL"),
        (b"\xff\xfe" + UTF16_ARTICLE.encode("utf-16-le"), "UTF-16 LE", "byte order mark FF FE"),
        (b"\xfe\xff" + UTF16_ARTICLE.encode("utf-16-be"), "UTF-16 BE", "byte order mark FE FF"),
        (
            b"\xff\xfe\x00\x00" + UTF16_ARTICLE.encode("utf-32-le"),
            "UTF-32 LE",
            "byte order mark FF FE 00 00",
        ),
        (
            b"\x00\x00\xfe\xff" + UTF16_ARTICLE.encode("utf-32-be"),
            "UTF-32 BE",
            "byte order mark 00 00 FE FF",
        ),
        (
            UTF16_ARTICLE.encode("utf-32-le"),
            "UTF-32 LE",
            "every fourth byte is NUL",
        ),
        (
            UTF16_ARTICLE.encode("utf-32-be"),
            "UTF-32 BE",
            "every fourth byte is NUL",
        ),
    ],
    ids=[
        "utf-16-le-no-bom",
        "utf-16-be-no-bom",
        "utf-16-le",
        "utf-16-be",
        "utf-32-le",
        "utf-32-be",
        "utf-32-le-no-bom",
        "utf-32-be-no-bom",
    ],
)
def test_utf16_and_utf32_files_are_one_diagnostic_and_transcoded_whole(
    raw: bytes, encoding: str, evidence: str
) -> None:
    """A UTF-16 file is not UTF-8 with bad bytes: one diagnostic, never a byte-by-byte guess; its
    unsafe fix transcodes the whole file to UTF-8, without the BOM, keeping the CRLF endings."""
    assert lint_bytes(InvalidUtf8, raw) == [
        (
            "foreign",
            1,
            1,
            f"file is encoded in {encoding}, not UTF-8 ({evidence}); save it as UTF-8",
        )
    ]
    assert fix_bytes(InvalidUtf8, raw, unsafe=False) == raw
    fixed = fix_bytes(InvalidUtf8, raw, unsafe=True)
    assert fixed == UTF16_ARTICLE.encode()
    assert lint_bytes(InvalidUtf8, fixed) == []


@pytest.mark.parametrize(
    "raw",
    [
        b"\xff\xfe" + WIDE_ARTICLE.encode("utf-16-le"),
        b"\xfe\xff" + WIDE_ARTICLE.encode("utf-16-be"),
        b"\xff\xfe\x00\x00" + WIDE_ARTICLE.encode("utf-32-le"),
        WIDE_ARTICLE.encode("utf-32-be"),
    ],
    ids=["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be-no-bom"],
)
def test_transcoding_keeps_every_character_and_line_ending(raw: bytes) -> None:
    # An emoji is a surrogate pair in UTF-16; the mixed CRLF and LF endings stay as they were.
    assert fix_bytes(InvalidUtf8, raw, unsafe=True, language="zh") == WIDE_ARTICLE.encode()


@pytest.mark.parametrize(
    "raw",
    [
        UTF16_ARTICLE.encode("utf-16-le")[:-1],  # an odd number of bytes
        UTF16_ARTICLE.replace("Grüezi", "Gr\x07ezi").encode("utf-16-le"),  # a control character
        b"\xff\xfe" + UTF16_ARTICLE.encode("utf-16-le") + b"\x00\xd8",  # a lone surrogate
    ],
    ids=["odd-length", "control-character", "lone-surrogate"],
)
def test_utf16_that_does_not_decode_cleanly_is_not_transcoded(raw: bytes) -> None:
    [(message_id, *_)] = lint_bytes(InvalidUtf8, raw)
    assert message_id == "foreign"
    assert fix_bytes(InvalidUtf8, raw, unsafe=True) == raw


@pytest.mark.parametrize(
    ("language", "encoding", "name", "first"),
    [
        ("zh", "gb18030", "GB18030", (2, 9, "B1 B1 BE A9")),
        ("ja", "cp932", "Shift JIS (Windows-31J)", (2, 9, "93 8C 8B 9E")),
        ("zh-TW", "big5hkscs", "Big5-HKSCS", (2, 9, "A5")),  # 台 is A5 78: "x"
        ("ko", "cp949", "EUC-KR (Windows-949)", (2, 9, "BC AD BF EF")),
    ],
)
def test_whole_file_in_a_multibyte_legacy_encoding(
    language: str, encoding: str, name: str, first: tuple[int, int, str]
) -> None:
    """Read as UTF-8, a GB18030 or Shift JIS file splits into runs at bytes that happen to be
    ASCII or valid UTF-8, so no run decodes alone: the file is transcoded as a whole."""
    text = {
        "zh": '---\ntitle: "北京"\n---\n\n北京时间2月8日，美联储主席表示：“经济形势良好。”\n',
        "ja": '---\ntitle: "東京"\n---\n\n東京都は８日、新しい計画を発表した。「安全第一」だという。\n',
        "zh-TW": '---\ntitle: "台北"\n---\n\n台北市政府今天宣布新的交通計畫。\n',
        "ko": '---\ntitle: "서울"\n---\n\n서울시는 오늘 새로운 교통 계획을 발표했다.\n',
    }[language]
    raw = text.encode(encoding)
    path = f"content/{language}/news/a.md"
    found = lint_bytes(InvalidUtf8, raw, language=language, path=path)
    line, column, data = first
    assert found[0] == (
        "file",
        line,
        column,
        f"bytes that are not UTF-8: {data} (the whole file reads as {name})",
    )
    assert {message_id for message_id, *_ in found} == {"file"}
    assert fix_bytes(InvalidUtf8, raw, unsafe=True, language=language, path=path) == text.encode()
    assert fix_bytes(InvalidUtf8, raw, unsafe=False, language=language, path=path) == raw


def test_utf8_article_with_a_few_legacy_bytes_is_not_transcoded_whole() -> None:
    """Mostly valid UTF-8: the bad runs are transcoded alone, the UTF-8 text stays as it is."""
    raw = '---\ntitle: "北京"\n---\n\n北京时间2月8日，美联储主席表示'.encode() + "中文".encode(
        "gb18030"
    )
    path = "content/zh/news/a.md"
    assert [r[0] for r in lint_bytes(InvalidUtf8, raw, language="zh", path=path)] == ["guess"]


@pytest.mark.parametrize(
    ("tail", "data"), [(b"caf\xc3", "C3"), (b"5 \xe2\x82", "E2 82"), (b"\xf0\x9f\x98", "F0 9F 98")]
)
def test_file_cut_in_the_middle_of_a_character(tail: bytes, data: str) -> None:
    """A file that ends in the first bytes of a UTF-8 character was cut off, not written in
    Windows-1252: no transcoding, and the other runs are still guessed without it."""
    raw = b'---\ntitle: "Caf\xe9"\n---\n\n' + tail
    column = len(tail) - len(data.split()) + 1
    assert lint_bytes(InvalidUtf8, raw) == [
        ("guess", 2, 12, "bytes that are not UTF-8: E9 (as Windows-1252: 'é')"),
        (
            "truncated",
            5,
            column,
            f"file ends in the middle of a UTF-8 character ({data}): the rest of it is lost",
        ),
    ]
    assert fix_bytes(InvalidUtf8, raw, unsafe=True) == '---\ntitle: "Café"\n---\n\n'.encode() + tail


KOREAN = (
    '---\ntitle: "서울시 교통 계획"\n---\n\n'
    "서울시는 오늘 새로운 교통 계획을 발표했다. 시는 내년부터 버스 노선을 바꾸기로 했다.\n"
)
JAPANESE = (
    '---\ntitle: "東京都の計画"\n---\n\n'
    "東京都は８日、新しい計画を発表した。「安全第一」だという。\n"
)
CHINESE = (
    '---\ntitle: "北京时间"\n---\n\n'
    "北京时间2月8日，美联储主席表示：“经济形势良好。”国务院今天召开常务会议。\n"
)
TRADITIONAL = (
    '---\ntitle: "台北"\n---\n\n台北市政府今天宣布新的交通計畫。行政院會通過明年度總預算案。\n'
)


@pytest.mark.parametrize(
    ("text", "codec", "name", "first"),
    [
        (KOREAN, "euc_kr", "EUC-KR (Windows-949)", "BC AD BF EF BD C3"),
        (KOREAN, "cp949", "EUC-KR (Windows-949)", "BC AD BF EF BD C3"),
        (JAPANESE, "shift_jis", "Shift JIS (Windows-31J)", "93 8C 8B 9E 93"),
        (JAPANESE, "cp932", "Shift JIS (Windows-31J)", "93 8C 8B 9E 93"),
        (JAPANESE, "euc_jp", "EUC-JP", "C5 EC B5 FE C5"),
        (CHINESE, "gbk", "GB18030", "B1 B1 BE A9"),
        (CHINESE, "gb18030", "GB18030", "B1 B1 BE A9"),
        (TRADITIONAL, "big5", "Big5-HKSCS", "A5"),
    ],
)
@pytest.mark.parametrize("language", ["en", None])
def test_legacy_cjk_file_is_recognised_whatever_the_language(
    text: str, codec: str, name: str, first: str, language: str | None
) -> None:
    """A scraped Korean, Japanese or Chinese article saved in its legacy encoding, in an English
    site (or one without a language): its text, not the site, tells the encoding. Before, every
    run was "transcoded" from Windows-1252 into `¼\\xad¿ï` or had no guess at all."""
    raw = text.encode(codec)
    found = lint_bytes(InvalidUtf8, raw, language=language)
    assert found[0] == (
        "file",
        2,
        9,
        f"bytes that are not UTF-8: {first} (the whole file reads as {name})",
    )
    assert {message_id for message_id, *_ in found} == {"file"}
    # Transcoded exactly, byte for byte, by the unsafe fix only.
    assert fix_bytes(InvalidUtf8, raw, unsafe=True, language=language) == text.encode()
    assert fix_bytes(InvalidUtf8, raw, unsafe=False, language=language) == raw


@pytest.mark.parametrize(
    ("text", "codec", "language", "name"),
    [
        # EUC-JP decodes in GB18030 too (its kana rows are GB2312's): the kana say Japanese.
        (JAPANESE, "euc_jp", "zh", "EUC-JP"),
        # Korean decodes in GB18030 as common Han characters, none of them Chinese's frequent ones.
        (KOREAN, "euc_kr", "zh", "EUC-KR (Windows-949)"),
        (KOREAN, "euc_kr", "ja", "EUC-KR (Windows-949)"),
        # Big5 is not GB18030 for a `zh` article (many of its pairs are GB18030's private use).
        (TRADITIONAL, "big5", "zh", "Big5-HKSCS"),
        (CHINESE, "gbk", "ko", "GB18030"),
    ],
)
def test_the_text_wins_over_the_language_when_another_encoding_only_decodes(
    text: str, codec: str, language: str, name: str
) -> None:
    raw = text.encode(codec)
    found = lint_bytes(InvalidUtf8, raw, language=language)
    assert found[0][0] == "file"
    assert found[0][3].endswith(f"(the whole file reads as {name})")
    assert fix_bytes(InvalidUtf8, raw, unsafe=True, language=language) == text.encode()


def test_a_short_text_is_not_judged_without_the_language() -> None:
    """Two Hangul syllables are as likely any bytes: without a Korean language nothing says
    EUC-KR, so the runs get the usual guess; in a Korean article they are EUC-KR, as before."""
    raw = '---\ntitle: "서울"\n---\n'.encode("euc_kr")
    assert lint_bytes(InvalidUtf8, raw) == [
        ("guess", 2, 9, "bytes that are not UTF-8: BC AD BF EF (as Windows-1252: '¼\\xad¿ï')")
    ]
    assert lint_bytes(InvalidUtf8, raw, language="ko") == [
        ("guess", 2, 9, "bytes that are not UTF-8: BC AD BF EF (as EUC-KR (Windows-949): '서울')")
    ]
    assert (
        fix_bytes(InvalidUtf8, raw, unsafe=True, language="ko")
        == '---\ntitle: "서울"\n---\n'.encode()
    )


@pytest.mark.parametrize("text", [KOREAN, JAPANESE, CHINESE, TRADITIONAL])
def test_utf8_cjk_never_reads_as_a_legacy_encoding(text: str) -> None:
    """The scorer alone (before the UTF-8 check) rejects UTF-8 CJK bytes in every legacy
    encoding, and such a file has no diagnostic."""
    from newslint.rules._encoding import score_legacy_cjk

    assert score_legacy_cjk(text.encode()) == []
    assert lint_bytes(InvalidUtf8, text.encode(), language=None) == []


def test_legacy_bytes_that_are_not_text_are_not_transcoded() -> None:
    """Bytes that decode in GB18030 but as no Chinese (random pairs) get no whole-file guess."""
    raw = b'---\ntitle: "T"\n---\n\n' + bytes(range(0xA1, 0xFF)) * 2 + b"\n"
    found = {r[0] for r in lint_bytes(InvalidUtf8, raw, language=None)}
    assert found and "file" not in found


def test_a_text_with_few_frequent_characters_is_taken_in_the_language_s_encoding() -> None:
    """22 Han characters but hardly any of the frequent ones (a list of cities): too few to judge
    by the text, so a Chinese article takes its own encoding, as the docs say (and as before
    the scorer); the runs were guessed as Windows-1252 instead."""
    text = '---\ntitle: "T"\n---\n\n杭州苏州福州广州泉州漳州柳州温州湖州徐州扬州\n'
    raw = text.encode("gb18030")
    found = lint_bytes(InvalidUtf8, raw, language="zh")
    assert found[0][0] == "file"
    assert found[0][3].endswith("(the whole file reads as GB18030)")
    assert fix_bytes(InvalidUtf8, raw, unsafe=True, language="zh") == text.encode()
    # Without the language nothing says GB18030.
    assert {r[0] for r in lint_bytes(InvalidUtf8, raw, language=None)} == {"guess"}


def test_a_cut_character_mid_file_is_not_transcoded_into_mojibake() -> None:
    # Found by fuzzing `fix --unsafe-fixes`: E2 80 (the first two bytes of `’`, `”` or `—`, the
    # third lost) was transcoded from Windows-1252 to `â€`, which mojibake then reported as an
    # error ("part of the original is lost"). Windows-1252 text of an accented letter before a
    # curly quote (`é’`: E9 92) is transcoded as ever.
    # Nor when more bytes that are not UTF-8 follow in the same run (E2 80 E9).
    raw = b'---\ntitle: "T"\n---\n\nThe minister\xe2\x80s plan, caf\xe9\x92s \xe2\x80\xe9.\n'
    cut = "a UTF-8 character cut short: the rest is lost"
    assert lint_bytes(InvalidUtf8, raw) == [
        ("cut", 5, 13, f"bytes that are not UTF-8: E2 80 ({cut})"),
        ("cut", 5, 30, f"bytes that are not UTF-8: E2 80 E9 ({cut})"),
        ("guess", 5, 26, "bytes that are not UTF-8: E9 92 (as Windows-1252: 'é’')"),
    ]
    assert fix_bytes(InvalidUtf8, raw, unsafe=True) == raw.replace(b"\xe9\x92", "é’".encode())


def test_a_cut_character_split_by_a_control_character_is_not_transcoded_into_mojibake() -> None:
    # Found by fuzzing: E2 00 A8. control-char removes the NUL and each byte was transcoded on
    # its own (`â`, `¨`): together `â¨`, mojibake that lost a byte (an error). The lead byte is
    # read with what the other fixes leave beside it, and not transcoded.
    raw = b'---\ntitle: "T"\n---\n\nIt \xe2\x00\xa8 works.\n'
    assert lint_bytes(InvalidUtf8, raw) == [
        (
            "cut",
            5,
            4,
            "bytes that are not UTF-8: E2 (a UTF-8 character cut short: the rest is lost)",
        ),
        ("guess", 5, 6, "bytes that are not UTF-8: A8 (as Windows-1252: '¨')"),
    ]
