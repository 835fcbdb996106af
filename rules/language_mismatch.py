"""Text in a script that does not fit the article's language.

## What it does
Compares the script of the `title`, the `summary` and the body's prose with the article's language
as Hugo assigns it (the file name `x.zh-CN.md`, the language's `contentDir`, else the default
language; `lang` only outside a Hugo site), read through the site's `locale` (or `languageCode`) for
that language when it sets one (when the site names the language itself, `defaultContentLanguage =
"fa"`, and only a site-level `languageCode` such as the scaffold's "en-us" disagrees, either fits; a
site with `hasCJKLanguage = true` announces Chinese, Japanese or Korean text, which then fits any
language). A tag that names its script (`sr-Latn`, `sd-Deva`, `pa-Arab`, `mn-Mong`) wants that
script, and one whose script this rule does not know is skipped; Kurdish (`ku`) may be Kurmanji in
Latin letters or Sorani in Arabic ones. It reports a text when less than `min-share` (default 0.3)
of it is in the scripts that language is written in. A Han or kana character counts as one unit, a
word in any other script as one, so an English article that quotes a few Chinese names, a Chinese
article full of English product names, or a French article with its accents are all fine, while an
`en` article with a Japanese title is not. Kana are Japanese only: in a text with kana for a fifth
or more of its Han and kana characters (two at least), the kanji count as Japanese too, so a
Japanese title does not fit a Chinese article, while a Japanese article's kanji always fit it. Texts
shorter than `min-units` (default 3) units and languages it does not know are skipped; the body
needs at least 10 units, and link texts (the source link's name, brands) do not count, nor do a
shortcode's call and the body of a `{{< >}}` one (`{{< figure src="/img/park.jpg" >}}`, the code
a `{{< highlight >}}` shows), which are no prose of the page's language. In a title
or summary of a language not written in Latin letters that has words of its own script, a Latin
word that starts with a capital letter is a name and does not count either: `معرفی Visual Studio
Code و GitHub Copilot` fits a Persian article (two Persian words, the rest product names), while
`Introducing Visual Studio Code` in it is reported.

Chinese is written in two forms, and a language tag that names one (`zh-CN`, `zh-SG`, `zh-Hans`:
Simplified; `zh-TW`, `zh-HK`, `zh-MO`, `zh-Hant`: Traditional; the locale and the language must not
disagree, and a bare `zh` names neither) also wants its text in that form. A Chinese text is
reported when it holds at least 3 (the body: 10) of some 460 frequent characters only the other form
uses (这, 们, 说 against 這, 們, 說) and over four times as many of them as of its own form's: a Hong Kong
article that quotes a mainland name is fine, a Simplified article filed under `zh-HK` is not
(`title: "这是国会的新说法"` there should read `title: "這是國會的新說法"`). There is no fix: converting between the
forms is not one character for one.

Russian and Ukrainian share the Cyrillic script, and a page of one filed under the other (a
translation left untranslated, a copy in the wrong folder) is reported the same way: a `ru` page
whose text holds at least 3 (the body: 10) of the letters only Ukrainian writes (`і`, `ї`, `є`,
`ґ`) and over four times as many of them as of those only Russian writes (`ы`, `э`, `ё`), or a
`uk` page the other way round. A Russian report that names `Київ` in its own spelling is fine.

A word that mixes Latin and Cyrillic letters (`Gemeind\u0435haus` with a Cyrillic `е`,
`Прив\u0435t`) is reported too, whatever the article's language: the letters look the same, so
readers see nothing wrong, but search, spell checking and hyphenation miss the word. Such words
come from switching keyboard layouts, OCR, or a translation tool. A Greek word with a Latin
letter (`M\u03b1\u03c2` with a Latin `M`), or the other way round, is reported only when each odd
letter is drawn exactly like its counterpart (`Μ`/`M`, `Ο`/`O`, `ο`/`o`, ...): science writes Greek
letters next to Latin ones on purpose (`μm`, a micrometre, `NF-κB`, `hν`). The message names the
word in one script when each odd letter has a look-alike in the other (`е` for `e`, `Р` for `P`);
there is no fix, since an editor must check which script the word was meant in.

## Why is this bad?
A text in the wrong language usually means the scraper filed the article under the wrong language
or copied the wrong field; it then shows up in the wrong language's lists, feeds and search.

## Example
    # content/en/news/x.en.md
    title: "東京で大規模な火災"

## Use instead
    # content/ja/news/x.ja.md
    title: "東京で大規模な火災"
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from newslint import Rule, Severity
from newslint.document import Document
from newslint.events import Field, Text
from newslint.rule import Context, check_counts
from newslint.site import Site
from newslint.spans import Span
from newslint.textutil import han_share, lazy_regex, script_units

from ._body import shortcode_regions
from ._fields import key_in, lowered_keys
from ._mixed_script import report_in_field, report_in_text

# The body's opening is sampled: its first 16,000 characters of prose (2,000 words or more).
_BODY_SAMPLE_CHARS = 16_000
_BODY_MIN_UNITS = 10  # a body of a caption or two says too little
_KANA = re.compile("[\u3040-\u30ff]")
# fmt: off
_LATIN_LANGUAGES = frozenset({
    "af", "ast", "az", "br", "bs", "ca", "co", "cs", "cy", "da", "de", "en", "eo", "es", "et",
    "eu", "fi", "fil", "fo", "fr", "fy", "ga", "gd", "gl", "gv", "ha", "haw", "hr", "ht", "hu",
    "id", "ig", "is", "it", "jv", "kl", "la", "lb", "lt", "lv", "mg", "mi", "ms", "mt", "nb",
    "nl", "nn", "no", "oc", "om", "pl", "pt", "qu", "rm", "ro", "rw", "sk", "sl", "sm", "sn", "so",
    "sq", "st", "su", "sv", "sw", "tk", "tl", "tn", "to", "tr", "uz", "vi", "wa", "wo", "xh", "yo",
    "zu",
})
# fmt: on
_CYRILLIC_LANGUAGES = frozenset(
    {"ru", "uk", "be", "bg", "mk", "kk", "ky", "mn", "tg", "tt", "ba", "cv", "ce", "os"}
)
_OTHER: dict[str, frozenset[str]] = {
    "zh": frozenset({"han", "bopomofo"}),
    "ja": frozenset({"han", "kana"}),
    "ko": frozenset({"hangul", "han"}),
    "sr": frozenset({"cyrillic", "latin"}),
    "el": frozenset({"greek"}),
    "ar": frozenset({"arabic"}),
    "fa": frozenset({"arabic"}),
    "ur": frozenset({"arabic"}),
    "ps": frozenset({"arabic"}),
    "he": frozenset({"hebrew"}),
    "yi": frozenset({"hebrew"}),
    "hi": frozenset({"devanagari"}),
    "mr": frozenset({"devanagari"}),
    "ne": frozenset({"devanagari"}),
    "bn": frozenset({"bengali"}),
    "ta": frozenset({"tamil"}),
    "te": frozenset({"telugu"}),
    "th": frozenset({"thai"}),
    "hy": frozenset({"armenian"}),
    "ka": frozenset({"georgian"}),
    "km": frozenset({"khmer"}),
    "lo": frozenset({"lao"}),
    "my": frozenset({"myanmar"}),
    "am": frozenset({"ethiopic"}),
    "ti": frozenset({"ethiopic"}),
    "yue": frozenset({"han", "bopomofo"}),
    "ug": frozenset({"arabic"}),
    "sd": frozenset({"arabic"}),
    "ckb": frozenset({"arabic"}),
    # Kurdish: Kurmanji is written in Latin letters, Sorani (`ckb`, but often tagged `ku` too) in
    # Arabic ones
    "ku": frozenset({"latin", "arabic"}),
    "dv": frozenset({"thaana"}),
    "sa": frozenset({"devanagari"}),
    "as": frozenset({"bengali"}),
    "pa": frozenset({"gurmukhi"}),
    "gu": frozenset({"gujarati"}),
    "or": frozenset({"oriya"}),
    "kn": frozenset({"kannada"}),
    "ml": frozenset({"malayalam"}),
    "si": frozenset({"sinhala"}),
    "bo": frozenset({"tibetan"}),
    "dz": frozenset({"tibetan"}),
}
# Chinese is written in Simplified (mainland China, Singapore, Malaysia) or Traditional (Taiwan,
# Hong Kong, Macau) characters. These are frequent characters that only one of the two forms uses:
# each side's own counterparts are on the other side, and characters that both forms write (with
# a different sense in each, such as 后 "empress" or 种 a surname) are left out. A real article in
# one form holds next to none of the other's.
_SIMPLIFIED_ONLY = lazy_regex(
    "["
    "专业东两严个为丽举义乐习乡书买乱争亏亚产亲亿仅从仑仓仪们价众优会伟传伤伦伪体侠侣"
    "侦侧侨俩俭债倾偿储兑兰关兴养兽冈册写军农冯决况冻净凉减凤凭凯击刘则刚创删剂剑剧劝"
    "办务动励劲劳势勋区华协单卖卫厂厅历压县参双发变号吗听员团园围国图场坏块声处备复够"
    "头夺奋孙学宁实审宽对导寿将尔尽层属岁岛币师带帮广庆库应废开异张强当录态总恶惊惯戏"
    "战执扩扫扬抢护报担拥择挤挥损换摄敌数断无旧时显晋暂术机杀杂权条来杨极构枪标树样桥"
    "梦检楼横欢欧毕气汇汉沟没泽洁浅测济涨满灭灯灵灾点烧热爱状独狮猎猪献环现电画监盖盘"
    "矿码础确积称稳穷竞笔签简类粮紧约级纪纳纸线练组细终绍经结给绝统继续维绿缓编网罗罚"
    "职联聪肃肠肤胁胜脑脸艺节苏荣药莱获营虑虽补装见观规视览觉计订认讨让训议讯记讲许论"
    "设访证评识诉诊词译试诗诚话询该详语误说请诸读课谁调谈谋谓谢贝负贡财责败货质购贯贸"
    "费资赏赔赛赞赵赶趋跃践车轮软轻载较辆辑输边达迁过运还这进远违连迟适选递逻遗邮邻郑"
    "酱释针钟钱铁银链销锁锋错键镇长门闭问闲间闻阅队阳阴阵阶际陆陈险随隐难雾韩页项顺须"
    "顾顿预领频题颜风飞饭饮马驱验骑鱼鲁鸟鸡鸣麦齐龙"
    "]"
)
_TRADITIONAL_ONLY = lazy_regex(
    "["
    "亂亞來侖侶係俠倆倉個們倫偉側偵偽備傳債傷傾僅僑價儀億儉償優儲兌兩冊凍凱刪則剛創劇"
    "劉劍劑勁動務勝勞勢勳勵勸匯區協參員問單嗎嚴國圍園圖團執報場塊壓壞壽夠夢奪奮孫學實"
    "寧審寫寬將專對導層屬岡島師帶幣幫幾庫廠廢廣廳張強後從復惡愛態慣慮慶憑應戰戲掃揚換"
    "揮損搶擁擇擊擔據擠擴攝敗敵數斷時晉暫書會東條楊業極榮構槍樂樓標樣樹橋機橫檢權歐歡"
    "歲歷殺氣決沒況涼淨淺減測準溝滅滿漢漲潔澤濟災為無熱燈燒營爭爾狀獅獨獲獵獸獻現環產"
    "畢畫異當發盡監盤眾確碼礎礦種稱積穩窮競筆節範簡簽糧紀約納紙級細紹終組結絕給統經綠"
    "綫維網緊線編緩練縣總繼續罰羅義習聞聯聰聲職聽肅脅腦腸膚臉與興舉舊華萊萬蓋藝藥蘇蘭"
    "處號虧術衛衞裏補裝裡製見規視親覺覽觀訂計訊討訓記訪設許訴診評詞詢試詩話該詳認語誠"
    "誤說誰課調談請論諸謀謂講謝證識譯議護讀變讓豐豬貝負財貢貨貫責買費貿資賞賠賣質購賽"
    "贊趕趙趨踐躍車軍軟較載輕輛輪輯輸辦農這連進運過達違遞遠適遲遷選遺還邊邏郵鄉鄭鄰醫"
    "醬釋針銀銷鋒錄錢錯鍵鎖鎮鏈鐘鐵長門閉開閒間閱關陣陰陳陸陽隊階際隨險隱隻雖雙雜雞難"
    "雲電霧靈韓頁項順須預頓領頭頻題顏類顧顯風飛飯飲養馬馮騎驅驗驚體髮鬥魚魯鳥鳳鳴麗麥"
    "麵點黨齊龍"
    "]"
)
_CJK_SCRIPTS = frozenset({"han", "kana", "hangul", "bopomofo"})
# ISO 15924 script subtags (`sr-Latn`, `sd-Deva`, `pa-Arab`, `mn-Mong`): a tag that names its
# script is written in it, whatever its language is written in most. A four-letter subtag not
# listed names a script this rule does not know: the tag is skipped.
_SCRIPT_SUBTAGS = {
    "latn": frozenset({"latin"}),
    "cyrl": frozenset({"cyrillic"}),
    "arab": frozenset({"arabic"}),
    "hans": frozenset({"han"}),
    "hant": frozenset({"han", "bopomofo"}),
    "jpan": frozenset({"han", "kana"}),
    "kore": frozenset({"hangul", "han"}),
    "hang": frozenset({"hangul"}),
    "deva": frozenset({"devanagari"}),
    "beng": frozenset({"bengali"}),
    "guru": frozenset({"gurmukhi"}),
    "gujr": frozenset({"gujarati"}),
    "orya": frozenset({"oriya"}),
    "taml": frozenset({"tamil"}),
    "telu": frozenset({"telugu"}),
    "knda": frozenset({"kannada"}),
    "mlym": frozenset({"malayalam"}),
    "sinh": frozenset({"sinhala"}),
    "thai": frozenset({"thai"}),
    "laoo": frozenset({"lao"}),
    "khmr": frozenset({"khmer"}),
    "mymr": frozenset({"myanmar"}),
    "tibt": frozenset({"tibetan"}),
    "hebr": frozenset({"hebrew"}),
    "grek": frozenset({"greek"}),
    "armn": frozenset({"armenian"}),
    "geor": frozenset({"georgian"}),
    "ethi": frozenset({"ethiopic"}),
    "thaa": frozenset({"thaana"}),
    "mong": frozenset({"mongolian"}),
    "syrc": frozenset({"syriac"}),
}


def expected_scripts(language: str | None) -> frozenset[str] | None:
    """The scripts a language tag (`en`, `zh-CN`, `sr-Latn`) is written in; None if unknown."""
    if not language:
        return None
    parts = language.replace("_", "-").lower().split("-")
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            return _SCRIPT_SUBTAGS.get(part)
    base = parts[0]
    if base in _LATIN_LANGUAGES:
        return frozenset({"latin"})
    if base in _CYRILLIC_LANGUAGES:
        return frozenset({"cyrillic"})
    return _OTHER.get(base)


_CHINESE = frozenset({"zh", "cmn", "yue"})
_SIMPLIFIED_REGIONS = frozenset({"cn", "sg", "my"})
_TRADITIONAL_REGIONS = frozenset({"tw", "hk", "mo"})
# A field needs this many characters of the other form, a body's sample more.
_MIN_OTHER_FORM_FIELD = 3
_MIN_OTHER_FORM_BODY = 10


def chinese_form(language: str | None) -> str | None:
    """ "Simplified" or "Traditional" for a Chinese tag that says which (`zh-CN`, `zh-Hant-HK`,
    `zh_TW`); None for any other tag and for a bare `zh`. A script subtag wins over a region."""
    if not language:
        return None
    parts = language.replace("_", "-").lower().split("-")
    if parts[0] not in _CHINESE:
        return None
    if "hans" in parts[1:]:
        return "Simplified"
    if "hant" in parts[1:]:
        return "Traditional"
    for part in parts[1:]:
        if part in _SIMPLIFIED_REGIONS:
            return "Simplified"
        if part in _TRADITIONAL_REGIONS:
            return "Traditional"
    return None


def other_chinese_form(text: str, wanted: str, minimum: int) -> str | None:
    """The other form ("Simplified" or "Traditional") when `text` is written in it rather than
    in `wanted`: at least `minimum` characters only that form uses, over four times as many as
    those of `wanted` (a Traditional article may quote a mainland name, and the reverse)."""
    other_form, own_form = (
        (_SIMPLIFIED_ONLY, _TRADITIONAL_ONLY)
        if wanted == "Traditional"
        else (_TRADITIONAL_ONLY, _SIMPLIFIED_ONLY)
    )
    # The other form's characters first: an article in its own form has next to none, and then
    # its own form's, hundreds in an article (a string each to `findall`), need not be counted.
    other = len(other_form.findall(text))
    if other >= minimum and other > 4 * len(own_form.findall(text)):
        return "Simplified" if wanted == "Traditional" else "Traditional"
    return None


# Russian and Ukrainian share the Cyrillic script; each has letters the other lacks (`ъ`, which
# Bulgarian writes too, is left out: a Bulgarian text is no Russian one).
_CYRILLIC_LETTERS = {
    "ru": re.compile("[ыэёЫЭЁ]"),
    "uk": re.compile("[іїєґІЇЄҐ]"),
}
_CYRILLIC_NAMES = {"ru": "Russian", "uk": "Ukrainian"}


def cyrillic_language(language: str | None) -> str | None:
    """ "ru" or "uk" for a Russian or Ukrainian tag (`ru-RU`, `uk_UA`); None for any other."""
    if not language:
        return None
    base = language.replace("_", "-").lower().split("-")[0]
    return base if base in _CYRILLIC_LETTERS else None


def other_cyrillic_language(text: str, wanted: str, minimum: int) -> str | None:
    """The other language ("ru" or "uk") when `text` is written in it rather than in `wanted`:
    at least `minimum` letters only that language uses, over four times as many as those only
    `wanted` uses (a Russian article may quote a Ukrainian name, and the reverse)."""
    other = "uk" if wanted == "ru" else "ru"
    found = len(_CYRILLIC_LETTERS[other].findall(text))
    if found >= minimum and found > 4 * len(_CYRILLIC_LETTERS[wanted].findall(text)):
        return other
    return None


@dataclass(frozen=True)
class Options:
    """Options of the rule (its `[rules.language-mismatch]` table)."""

    min_share: float = 0.3
    min_units: int = 3
    fields: tuple[str, ...] = ("title", "summary")

    def __post_init__(self) -> None:
        # A share is a fraction: `min-share = 30` (meant as 30 %) would report every text.
        if not 0 <= self.min_share <= 1:
            raise ValueError(f"min-share is a fraction from 0 to 1, got {self.min_share}")
        check_counts(self)


def mismatch(
    units: dict[str, int],
    expected: frozenset[str],
    options: Options,
    min_units: int | None = None,
) -> str | None:
    """The dominant foreign script when too little of the text is in `expected`, else None.
    `min_units`: the fewest units a text needs, when not `options.min_units`."""
    total = sum(units.values())
    if total < (options.min_units if min_units is None else min_units):
        return None
    kana = units.get("kana", 0)
    if (
        "han" in expected
        and "kana" not in expected
        and kana >= 2
        and kana * 5 >= kana + units.get("han", 0)
    ):
        # Kana are written only in Japanese, about one character in three: a text with that many
        # is Japanese, its kanji included (a Chinese shop name's lone `の` is not).
        units = {**units, "kana": kana + units.get("han", 0), "han": 0}
    share = sum(n for script, n in units.items() if script in expected) / total
    if share >= options.min_share:
        return None
    return max((s for s in units if s not in expected), key=lambda s: units[s])


# A Latin word that starts with a capital letter: a name (`Visual`, `GitHub`, `Android`).
_LATIN_NAME = re.compile(r"(?<![^\W\d_])[A-Z][A-Za-z0-9]*(?:[.'-][A-Za-z0-9]+)*")


def _names_set_aside(text: str, units: dict[str, int]) -> dict[str, int]:
    """`units` without the Latin words of `text` that start with a capital letter, for a title or
    summary that has words of its language's own script: `معرفی Visual Studio Code و GitHub
    Copilot` (introducing ... and ...) is a Persian title about two products, whose names are no
    words of another language. A text without a word of its own script keeps them all."""
    names = len(_LATIN_NAME.findall(text))
    return {**units, "latin": max(0, units["latin"] - names)}


class LanguageMismatch(Rule):
    code = "TX007"
    name = "language-mismatch"
    severity = Severity.WARNING
    messages = {
        "mixed-word": "{word!r} mixes Latin and {other} letters ({letters} in {script}){suggestion}",
        "field": "{key} is mostly in {script} script, not what {language!r} is written in",
        "body": "the body is mostly in {script} script, not what {language!r} is written in",
        "field-chinese-form": (
            "{key} is written in {found} Chinese characters, not the {wanted} ones {language!r}"
            " uses"
        ),
        "body-chinese-form": (
            "the body is written in {found} Chinese characters, not the {wanted} ones"
            " {language!r} uses"
        ),
        "field-cyrillic-language": "{key} is written in {found}, not {wanted} as {language!r} says",
        "body-cyrillic-language": "the body is written in {found}, not {wanted} as {language!r} says",
    }
    Options = Options

    def __init__(self) -> None:
        self.body_texts: list[str] = []
        self.body_chars = 0
        self.body_ascii = True  # every text in `body_texts` is ASCII (`isascii` costs nothing)
        self.first_text: Span | None = None
        # `_expected(ctx)`: the same for the whole document, asked by each field and at the end.
        self.expected: tuple[str | None, frozenset[str] | None] | None = None
        self.wanted_form: tuple[str | None] | None = None  # `_chinese_form(ctx)`, once
        self.wanted_cyrillic: tuple[str | None] | None = None  # `_cyrillic_language(ctx)`
        # Shortcode calls and `{{< >}}` bodies (sorted spans, their starts), on the first text.
        self.shortcodes: list[tuple[int, int]] | None = None
        self.shortcode_starts: list[int] = []

    @classmethod
    def field_keys(cls, ctx: Context) -> frozenset[str]:
        # `on_field` returns at once for any other key.
        return lowered_keys(ctx.options.fields)

    def on_field(self, ctx: Context, field: Field) -> None:
        if not key_in(field.key, ctx.options.fields) or not isinstance(field.value, str):
            return
        report_in_field(ctx, field)  # a word mixing two scripts, whatever the language
        language, expected = self._expected(ctx)
        if expected is None:
            return
        if "latin" in expected and field.value.isascii():
            return  # ASCII is all Latin letters or no letters: never a mismatch
        units = script_units(field.value)
        if "latin" not in expected and units.get("latin") and expected.intersection(units):
            units = _names_set_aside(field.value, units)
        script = mismatch(units, expected, ctx.options)
        if script is not None:
            ctx.report(field.value_span, "field", key=field.key, script=script, language=language)
            return
        self._check_cyrillic_language(ctx, field.value, language, field)
        wanted = self._chinese_form(ctx)
        if wanted is None:
            return
        found = other_chinese_form(field.value, wanted, _MIN_OTHER_FORM_FIELD)
        if found is not None:
            ctx.report(
                field.value_span,
                "field-chinese-form",
                key=field.key,
                found=found,
                wanted=wanted,
                language=language,
            )

    def _chinese_form(self, ctx: Context) -> str | None:
        """The form of Chinese the article's language and its locale call for, when both that
        name one agree (`zh-Hant` with locale `zh-TW`), else None."""
        if self.wanted_form is None:
            forms = {chinese_form(_locale(ctx)), chinese_form(ctx.document.language)} - {None}
            self.wanted_form = (forms.pop() if len(forms) == 1 else None,)
        return self.wanted_form[0]

    def _expected(self, ctx: Context) -> tuple[str | None, frozenset[str] | None]:
        if self.expected is None:
            self.expected = _expected(ctx)
        return self.expected

    def on_text(self, ctx: Context, node: Text) -> None:
        report_in_text(ctx, node)  # the same in prose, link texts included
        if node.in_link:
            return  # link texts are names: the source link `[jin10_articles](...)`, brands
        if self.body_chars >= _BODY_SAMPLE_CHARS:
            return  # the opening of a long body says enough, and keeps 50 MB files fast
        if self.shortcodes is None:
            self.shortcodes = sorted(shortcode_regions(ctx.document).spans)
            self.shortcode_starts = [start for start, _ in self.shortcodes]
        text = node.text
        if self.shortcodes:
            text = self._outside_shortcodes(text, node.span.start)
        if self.first_text is None and text.strip():
            self.first_text = node.span
        # Counted once at the end (one regex pass, not one per text run). A cut may split a word
        # in two: one unit more or less does not matter in a sample.
        text = text[: _BODY_SAMPLE_CHARS - self.body_chars]
        self.body_texts.append(text)
        self.body_chars += len(text)
        self.body_ascii = self.body_ascii and text.isascii()

    def _outside_shortcodes(self, text: str, start: int) -> str:
        """`text` (at `start` in the document) without what shortcode spans cover; the parts left
        are joined by a line break, so no word spans a call."""
        assert self.shortcodes is not None
        end = start + len(text)
        index = max(bisect_right(self.shortcode_starts, start) - 1, 0)
        parts = []
        cursor = start
        for low, high in self.shortcodes[index:]:
            if low >= end:
                break
            if high <= cursor:
                continue
            if low > cursor:
                parts.append(text[cursor - start : low - start])
            cursor = high
        if cursor == start:
            return text
        if cursor < end:
            parts.append(text[cursor - start :])
        return "\n".join(parts)

    def on_document_end(self, ctx: Context, document: Document) -> None:
        language, expected = self._expected(ctx)
        if expected is None or self.first_text is None:
            return
        if "latin" in expected and self.body_ascii:
            return  # all Latin letters or no letters (decided before joining the texts)
        options = ctx.options
        # A body needs more units than a field (not a copy of the options with that number:
        # `dataclasses.replace` cost more than the rest of this for an English article).
        min_units = max(options.min_units, _BODY_MIN_UNITS)
        # Runs are joined by a line break, so no word spans two of them.
        body = "\n".join(self.body_texts)
        if "han" in expected and ("kana" in expected or _KANA.search(body) is None):
            # (With kana in a text that expects none, `mismatch` counts its kanji as Japanese.)
            share = han_share(body)
            if share is not None and share >= options.min_share:
                # The Han share of the units is at least this: no script mismatch to count.
                self._check_chinese_form(ctx, body, language)
                return
        script = mismatch(script_units(body), expected, options, min_units)
        if script is not None:
            ctx.report(self.first_text, "body", script=script, language=language)
        else:
            self._check_chinese_form(ctx, body, language)
            self._check_cyrillic_language(ctx, body, language, None)

    def _check_cyrillic_language(
        self, ctx: Context, text: str, language: str | None, field: Field | None
    ) -> None:
        """Report a Russian text in a Ukrainian article, or the reverse (`field`: the field
        `text` is the value of; None for the body)."""
        wanted = self._cyrillic_language(ctx)
        if wanted is None:
            return
        minimum = _MIN_OTHER_FORM_FIELD if field is not None else _MIN_OTHER_FORM_BODY
        found = other_cyrillic_language(text, wanted, minimum)
        if found is None:
            return
        found_name, wanted_name = _CYRILLIC_NAMES[found], _CYRILLIC_NAMES[wanted]
        if field is not None:
            ctx.report(
                field.value_span,
                "field-cyrillic-language",
                key=field.key,
                found=found_name,
                wanted=wanted_name,
                language=language,
            )
        elif self.first_text is not None:
            ctx.report(
                self.first_text,
                "body-cyrillic-language",
                found=found_name,
                wanted=wanted_name,
                language=language,
            )

    def _cyrillic_language(self, ctx: Context) -> str | None:
        """ "ru" or "uk" when the article's language and its locale, those that name one, agree
        on it; else None."""
        if self.wanted_cyrillic is None:
            languages = {cyrillic_language(_locale(ctx)), cyrillic_language(ctx.document.language)}
            languages.discard(None)
            self.wanted_cyrillic = (languages.pop() if len(languages) == 1 else None,)
        return self.wanted_cyrillic[0]

    def _check_chinese_form(self, ctx: Context, body: str, language: str | None) -> None:
        wanted = self._chinese_form(ctx)
        if wanted is None or self.first_text is None:
            return
        found = other_chinese_form(body, wanted, _MIN_OTHER_FORM_BODY)
        if found is not None:
            ctx.report(
                self.first_text, "body-chinese-form", found=found, wanted=wanted, language=language
            )


def _locale(ctx: Context) -> str | None:
    """The locale the article's language is written in: the site's `locale` (`languageCode`) for
    it, else the language itself (a Japanese site is often language "en" with locale "ja")."""
    site = ctx.site
    language = ctx.document.language
    return site.locale_for(language) if site is not None else language


def _expected(ctx: Context) -> tuple[str | None, frozenset[str] | None]:
    """`_site_expected` for the article's site and language, worked out once per site and
    language (every article asks; a new configuration is a new `Site`)."""
    site = ctx.site
    language = ctx.document.language
    if site is None:
        # Without a site the locale is the language itself (`_locale`).
        return language, expected_scripts(language)
    memo: dict[str | None, tuple[str | None, frozenset[str] | None]]
    memo = site.__dict__.setdefault("_expected_scripts_memo", {})
    found = memo.get(language)
    if found is None:
        found = memo[language] = _site_expected(site, language)
    return found


def _site_expected(site: Site, language: str | None) -> tuple[str | None, frozenset[str] | None]:
    """The locale to name in messages and the scripts an article in `language` may be written in.

    A site-level `languageCode` is Hugo's locale for the default language, but `hugo new site`
    writes `languageCode = "en-us"` and many authors never touch it after they declare their own
    language (`defaultContentLanguage = "fa"`, `[languages.fa]`). When the language was named on
    purpose and its locale only comes from the site level, the text may be in either one."""
    locale = site.locale_for(language)
    expected = expected_scripts(locale)
    if (
        language is not None
        and locale is not None
        and locale != language
        and _named_on_purpose(site.raw, language)
        and not _own_locale(site.raw, language)
    ):
        named = expected_scripts(language)
        expected = expected | named if expected and named else expected or named
    if expected is not None and _has_cjk(site.raw, language):
        expected = expected | _CJK_SCRIPTS
    return locale, expected


def _has_cjk(raw: dict[str, object], language: str | None) -> bool:
    """Whether the site announces CJK text (`hasCJKLanguage = true`, at the top or in the
    language's block, which wins): a Chinese blog that kept `languageCode = "en"` says so."""
    setting = raw.get("hascjklanguage")
    languages = raw.get("languages")
    if language is not None and isinstance(languages, dict):
        for key, block in languages.items():
            if str(key).lower() == language.lower() and isinstance(block, dict):
                setting = block.get("hascjklanguage", setting)
    return setting is True


def _named_on_purpose(raw: dict[str, object], language: str) -> bool:
    """Whether the site's configuration names `language` (a `languages` entry or the
    `defaultContentLanguage`), rather than Hugo defaulting to "en"."""
    wanted = language.lower()
    default = raw.get("defaultcontentlanguage")
    if isinstance(default, str) and default.lower() == wanted:
        return True
    languages = raw.get("languages")
    return isinstance(languages, dict) and any(str(k).lower() == wanted for k in languages)


def _own_locale(raw: dict[str, object], language: str) -> bool:
    """Whether the language's own block sets its `locale` or `languageCode`."""
    languages = raw.get("languages")
    if not isinstance(languages, dict):
        return False
    for key, settings in languages.items():
        if str(key).lower() == language.lower() and isinstance(settings, dict):
            return bool(settings.get("locale") or settings.get("languagecode"))
    return False
