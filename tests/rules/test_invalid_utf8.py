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
