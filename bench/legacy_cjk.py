"""How `invalid-utf8` tells a file in a legacy CJK encoding from bytes that merely decode in one.

Not a timing: counts. For every file of a corpus (default `/work/shared/corpus`), its raw bytes
are scored in each legacy encoding (GB18030, Big5-HKSCS, EUC-KR, Shift JIS, EUC-JP) before any
UTF-8 check: a reading that passes is a false detection (the files are UTF-8). Then each CJK
article of the corpus, and the samples of CPython's `test/cjkencodings` when present, are saved in
each legacy encoding that holds them: the reading must be that encoding's, and the only one.
Missed by design: text of one language in another's encoding (Japanese saved as GB18030 is no
Chinese), texts under 12 CJK characters (left to the article's language), and the codecs the rule
does not try (HZ, ISO-2022, Johab, JIS X 0213).

    python bench/legacy_cjk.py [CORPUS]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from newslint.rules._encoding import score_legacy_cjk

_SAME = {"gbk": "gb18030", "gb2312": "gb18030", "big5": "big5hkscs", "euc_kr": "cp949"}
_SAME |= {"shift_jis": "cp932"}
_CJK = re.compile("[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]")
_CODECS = ("gb18030", "gbk", "big5", "big5hkscs", "euc_kr", "cp949", "shift_jis", "cp932", "euc_jp")


def _samples(corpus: Path) -> list[tuple[str, str]]:
    """(label, UTF-8 text) of the CJK texts to save in legacy encodings."""
    out = []
    for path in sorted(corpus.rglob("*")):
        if path.is_file() and path.suffix == ".md":
            text = path.read_text("utf-8", "replace")
            if len(_CJK.findall(text)) >= 20:
                out.append((str(path.relative_to(corpus)), text))
    import test  # CPython's test package: its CJK codec samples, when installed

    folder = Path(test.__file__).parent / "cjkencodings"
    for path in sorted(folder.glob("*-utf8.txt")) if folder.is_dir() else []:
        out.append((path.name, path.read_text()))
    return out


def main(argv: list[str]) -> int:
    corpus = Path(argv[0] if argv else "/work/shared/corpus")
    files = [path for path in corpus.rglob("*") if path.is_file()]
    false = [str(path) for path in files if score_legacy_cjk(path.read_bytes())]
    print(f"false detections on the corpus's raw bytes: {len(false)} of {len(files)} files")
    for name in false:
        print("  false:", name)
    right = wrong = missed = utf8 = 0
    for label, text in _samples(corpus):
        if score_legacy_cjk(text.encode()):
            utf8 += 1
            print("  UTF-8 read as legacy:", label)
        for codec in _CODECS:
            try:
                raw = text.encode(codec)
            except UnicodeEncodeError:
                continue  # the text has characters the encoding does not hold
            if raw == text.encode():
                continue
            found = [encoding for encoding, _, _ in score_legacy_cjk(raw)]
            if found == [_SAME.get(codec, codec)]:
                right += 1
            elif found:
                wrong += 1
                print(f"  wrong: {label} in {codec} read as {found}")
            else:
                missed += 1
                print(f"  missed: {label} in {codec}")
    print(f"UTF-8 CJK texts read as a legacy encoding: {utf8}")
    print(f"legacy files: {right} found as their encoding alone, {wrong} wrong, {missed} missed")
    return 0 if not false and not utf8 and not wrong else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
