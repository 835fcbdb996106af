from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.rules.language_mismatch import (
    LanguageMismatch,
    Options,
    chinese_form,
    expected_scripts,
    mismatch,
)
from newslint.site import Site
from newslint.testing import Case, assert_case, case_reports, fm, lint_case
from newslint.textutil import script_units

EN_BODY = "The minister said the budget would pass this week after long talks with the unions.\n"
ZH_BODY = (
    "财政部长表示，预算将在本周与工会进行长时间谈判后获得通过。市场对此反应积极，股市小幅上涨。\n"
)
JA_TITLE = "東京で大規模な火災、ソニー本社が被害"

CASES = [
    Case(
        "english", fm(body=EN_BODY, title="Budget passes", summary="The budget passed on Tuesday.")
    ),
    Case(
        "english-article-japanese-title",
        fm(body=EN_BODY, title=JA_TITLE),
        errors=[("field", 2, 8)],
    ),
    Case(
        "english-article-japanese-everything",
        fm(
            body="東京で火災が発生し、多くの人が避難しました。消防によると、けが人はいません。\n",
            title=JA_TITLE,
        ),
        errors=[("field", 2, 8), ("body", 5, 1)],
    ),
    Case(
        "english-with-a-few-cjk-names",
        fm(
            body="President Xi Jinping (习近平) met the Japanese Prime Minister in Beijing (北京) today.\n",
            title="Xi Jinping (习近平) meets Ishiba in Beijing",
            summary="The term 一带一路 (Belt and Road) came up again in the talks.",
        ),
    ),
    Case(
        "chinese-with-english-product-names",
        fm(body=ZH_BODY, title="NVIDIA GeForce RTX 5090 评测", summary="Apple Vision Pro 销量不佳"),
        path="content/zh-CN/news/a.zh-CN.md",
    ),
    Case(
        "chinese-article-english-title",
        fm(body=ZH_BODY, title="How Long Until Dow 50,000 and Nasdaq 25,000?"),
        path="content/zh-CN/news/a.zh-CN.md",
        errors=[("field", 2, 8)],
    ),
    Case(
        "chinese-article-english-body",
        fm(body=EN_BODY, title="預算獲得通過"),
        path="content/zh-HK/news/a.zh-HK.md",
        errors=[("body", 5, 1)],
    ),
    Case(
        "french-accents",
        fm(
            body="Le président a déclaré « oui » à l'Élysée après de longues négociations.\n",
            title="Élysée : le président cède",
        ),
        path="content/fr/a.fr.md",
    ),
    Case(
        "russian-in-english",
        fm(body=EN_BODY, title="Президент подписал новый закон о бюджете"),
        errors=[("field", 2, 8)],
    ),
    Case("short-title-not-judged", fm(body=EN_BODY, title="東京")),
    Case("unknown-language", fm(body=EN_BODY, title=JA_TITLE), path="content/xx/a.md"),
    Case(
        "source-link-text-does-not-count",
        fm(
            body="![](https://img.example.org/a.jpg)\n\n[jin10_articles_articles](https://xnews.jin10.com/details/1)\n",
            title="图片新闻",
        ),
        path="content/zh-CN/news/a.zh-CN.md",
    ),
    Case(
        "japanese-article-english-body",
        fm(body=EN_BODY, title=JA_TITLE, lang="ja"),
        path="post/a.md",
        language="ja",
        errors=[("body", 6, 1)],
    ),
    Case(
        "toml",
        '+++\ntitle = "東京で大規模な火災"\n+++\n' + EN_BODY,
        errors=[("field", 2, 9)],
    ),
    Case(
        "crlf",
        '---\r\nsummary: "東京で大規模な火災が発生した"\r\n---\r\n' + EN_BODY.replace("\n", "\r\n"),
        errors=[("field", 2, 10)],
    ),
    Case("capitalised-key", fm(body=EN_BODY, Title=JA_TITLE), errors=[("field", 2, 8)]),
    # A monolingual Japanese site: Hugo's language is "en", the site's languageCode is "ja".
    Case(
        "site-locale-ja",
        fm(
            body="東京で火災が発生し、多くの人が避難しました。消防によると、けが人はいません。\n",
            title=JA_TITLE,
        ),
        language="en",
        site=Site(language_locales={"en": "ja"}),
    ),
    Case(
        "site-locale-en-gb",
        fm(body=EN_BODY, title=JA_TITLE),
        language="en",
        site=Site(language_locales={"en": "en-GB"}),
        errors=[("field", 2, 8)],
    ),
]


# A site made with `hugo new site` keeps the scaffold's `languageCode = "en-us"` after its author
# declares `defaultContentLanguage = "fa"` and a `[languages.fa]` block. Hugo then gives the Persian
# pages the locale "en-us", but the site's own language says Persian: either may describe the text.
FA_SITE = Site(
    language_locales={"fa": "en-us"},
    language_names=("fa", "en"),
    default_language="fa",
    raw={
        "languagecode": "en-us",
        "defaultcontentlanguage": "fa",
        "languages": {"fa": {}, "en": {}},
    },
)
FA_TITLE = "یک عنوان کوتاه برای آزمایش"
FA_BODY = (
    "این متن به زبان فارسی نوشته شده است و چند جمله دارد تا بدنه به اندازه کافی طولانی باشد.\n"
)
CASES += [
    Case("scaffold-locale-persian", fm(body=FA_BODY, title=FA_TITLE), language="fa", site=FA_SITE),
    # The language still holds: a Japanese title fits neither Persian nor en-us.
    Case(
        "scaffold-locale-japanese",
        fm(body=FA_BODY, title=JA_TITLE),
        language="fa",
        site=FA_SITE,
        errors=[("field", 2, 8)],
    ),
    # A Persian title about two products: two Persian words ("introducing", "and"), five words
    # of product names, which are names, not English (a Persian tech blog's kind of title).
    Case(
        "persian-title-of-product-names",
        fm(body=FA_BODY, title="معرفی Visual Studio Code و GitHub Copilot"),
        language="fa",
    ),
    # Without a Persian word the title is English, names or not; with lower-case English words
    # the English outweighs the Persian.
    Case(
        "english-title-of-product-names-in-persian",
        fm(body=FA_BODY, title="Introducing Visual Studio Code"),
        language="fa",
        errors=[("field", 2, 8)],
    ),
    Case(
        "english-words-outweigh-a-persian-one",
        fm(body=FA_BODY, title="how to install and use the new version of Code در"),
        language="fa",
        errors=[("field", 2, 8)],
    ),
    Case(
        "russian-title-of-product-names",
        fm(
            body="Строительство моста через реку начали в понедельник, работы займут два года.\n",
            title="Обзор Visual Studio Code и GitHub Copilot",
        ),
        language="ru",
    ),
    # A shortcode's call is no prose: its path and English alt text do not outweigh a short
    # Russian body (a short Russian news page with three `figure` calls was reported).
    Case(
        "shortcode-arguments-are-no-prose",
        fm(
            body=(
                "Мэрия сегодня открыла новый парк в западном районе города.\n\n"
                '{{< figure src="/images/park/main-gate.jpg" caption="Photo by the city press office" >}}'
                "\n\n"
                '{{< figure src="/images/park/north-side.jpg" caption="Photo by the city press office" >}}'
                "\n\n"
                '{{< figure src="/images/park/south-side.jpg" caption="Photo by the city press office" >}}'
                "\n\n"
                "Работы длились восемь месяцев.\n"
            ),
            title="Новый парк",
        ),
        language="ru",
    ),
    # Nor do they hide a body in the wrong language: Russian pages under `content/ru/` of a site
    # with no `contentDir` are Romanian ones (a real Moldovan news site).
    Case(
        "shortcode-call-does-not-hide-a-mismatch",
        fm(
            body=(
                "Три года после открытия зоны. Обещано было пятьдесят компаний, пришло двенадцать.\n"
                "\n"
                '{{< datawrapper "https://datawrapper.dwcdn.net/example/3/" >}}\n\n'
                "AutoParts Italia: 8 млн EUR инвестиций.\n"
            ),
        ),
        language="ro",
        errors=[("body", 4, 1)],
    ),
    # The language's own block sets the locale: that one is meant, the language name is not read.
    Case(
        "language-block-locale",
        fm(body=EN_BODY, title=FA_TITLE),
        language="fa",
        site=Site(
            language_locales={"fa": "en-us"},
            language_names=("fa",),
            default_language="fa",
            raw={"languages": {"fa": {"languagecode": "en-us"}}},
        ),
        errors=[("field", 2, 8)],
    ),
]


# A Chinese blog that kept `languageCode = "en"` but turned on `hasCJKLanguage`: the site says
# its pages hold Chinese, Japanese or Korean text, so CJK text is no mismatch there.
CJK_SITE = Site(
    language_locales={"en": "en"},
    language_names=(),
    default_language="en",
    raw={"languagecode": "en", "defaultcontentlanguage": "en", "hascjklanguage": True},
)
CASES += [
    Case(
        "has-cjk-language-chinese",
        fm(body=ZH_BODY, title="财政部长表示预算将通过"),
        language="en",
        site=CJK_SITE,
    ),
    # Only CJK is announced: Cyrillic still does not fit an "en" site.
    Case(
        "has-cjk-language-cyrillic",
        fm(body=EN_BODY, title="Министр заявил, что бюджет будет принят"),
        language="en",
        site=CJK_SITE,
        errors=[("field", 2, 8)],
    ),
    # Off when set in the language's own block to false.
    Case(
        "has-cjk-language-off",
        fm(body=EN_BODY, title=JA_TITLE),
        language="en",
        site=Site(raw={"hascjklanguage": False}),
        errors=[("field", 2, 8)],
    ),
]


# Simplified and Traditional Chinese: the same news in each form.
ZH_HANT_BODY = (
    "財政部長表示，預算將在本週與工會進行長時間談判後獲得通過。市場對此反應積極，股市小幅上漲。\n"
)
HK = "content/zh-HK/news/a.zh-HK.md"
CN = "content/zh-CN/news/a.zh-CN.md"
CASES += [
    Case(
        "simplified-body-filed-under-zh-hk",
        fm(body=ZH_BODY, title="預算獲得通過"),
        path=HK,
        errors=[("body-chinese-form", 5, 1)],
    ),
    Case(
        "traditional-title-in-zh-cn",
        fm(body=ZH_BODY, title="財政部長表示預算將獲得通過"),
        path=CN,
        errors=[("field-chinese-form", 2, 8)],
    ),
    Case(
        "simplified-summary-and-body-in-zh-tw",
        fm(body=ZH_BODY, title="預算獲得通過", summary="财政部长表示预算将获得通过"),
        path="content/zh-TW/news/a.zh-TW.md",
        errors=[("field-chinese-form", 3, 10), ("body-chinese-form", 6, 1)],
    ),
    Case("traditional-article-in-zh-hk", fm(body=ZH_HANT_BODY, title="預算獲得通過"), path=HK),
    Case("simplified-article-in-zh-cn", fm(body=ZH_BODY, title="预算获得通过"), path=CN),
    # A Hong Kong report that quotes a mainland body by its own name.
    Case(
        "traditional-quoting-a-simplified-name",
        fm(body="中國「证监会」" + ZH_HANT_BODY, title="「证监会」發表聲明：預算將獲得通過"),
        path=HK,
    ),
    # Two characters of the other form in a short title say too little.
    Case("short-title-below-minimum", fm(body=ZH_HANT_BODY, title="蘋果发布新产品"), path=HK),
    # A bare `zh` names no form: either is fine.
    Case("bare-zh", fm(body=ZH_HANT_BODY, title="预算获得通过"), language="zh"),
    # Sorani Kurdish filed as `ku`, and Sindhi in Devanagari filed as `sd-Deva`, fit
    Case(
        "sorani-as-ku",
        fm(
            title="هەواڵی ئەمڕۆ لە کوردستان",
            body="سەرۆکی حکومەت ڕایگەیاند کە حکومەت یارمەتی جووتیاران دەدات و ئەمە هەنگاوێکی "
            "مێژوویی دەبێت بۆ هەموو خەڵکی کوردستان.\n",
        ),
        language="ku",
    ),
    Case(
        "sindhi-in-devanagari",
        fm(
            title="सिन्धी समाचार आज जो",
            body="सरकार चयो त हू हारियुनि जी मदद कंदी ऐं इहो हिकु इतिहासी क़दमु आहे सभिनी माण्हुनि लाइ.\n",
        ),
        language="sd-Deva",
    ),
    Case(
        "hindi-filed-as-sd-arab",
        fm(title="आज की ख़बरें", body="x\n"),
        language="sd-Arab",
        errors=[("field", 2, 8)],
    ),
    Case(
        "script-subtag",
        fm(body=ZH_HANT_BODY, title="预算获得通过"),
        language="zh-Hant",
        errors=[("field-chinese-form", 2, 8)],
    ),
    # The language names one form and its locale the other: which is meant is unclear.
    Case(
        "language-and-locale-disagree",
        fm(body=ZH_BODY, title="预算获得通过"),
        language="zh-hk",
        site=Site(language_locales={"zh-hk": "zh-CN"}),
    ),
    # The site's locale names the form for a language called plainly "zh".
    Case(
        "locale-names-the-form",
        fm(body=ZH_BODY, title="预算获得通过"),
        language="zh",
        site=Site(language_locales={"zh": "zh-TW"}),
        errors=[("field-chinese-form", 2, 8), ("body-chinese-form", 5, 1)],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_language_mismatch(case: Case) -> None:
    assert_case(LanguageMismatch, case)


@pytest.mark.parametrize(
    ("tag", "scripts"),
    [
        ("en", {"latin"}),
        ("zh-CN", {"han", "bopomofo"}),
        ("zh-Hant-TW", {"han", "bopomofo"}),
        ("sr-Latn", {"latin"}),
        ("ja", {"han", "kana"}),
        ("pt_BR", {"latin"}),
        # a script subtag names the script, whatever the language is written in most
        ("sd-Deva", {"devanagari"}),
        ("pa-Arab", {"arabic"}),
        ("mn-Mong", {"mongolian"}),
        ("uz-Cyrl-UZ", {"cyrillic"}),
        ("sat-Olck", None),  # a script this rule does not know: skipped
        # Kurdish: Kurmanji in Latin letters, Sorani (often tagged `ku` too) in Arabic ones
        ("ku", {"latin", "arabic"}),
        ("xx", None),
        (None, None),
    ],
)
def test_expected_scripts(tag: str | None, scripts: set[str] | None) -> None:
    assert expected_scripts(tag) == (frozenset(scripts) if scripts is not None else None)


# A word that mixes Latin and Cyrillic letters: a look-alike letter from the other keyboard layout.
RU_BODY = "Строительство моста через реку начали в понедельник, работы займут два года.\n"
UK_BODY = "Клуб збирається щовівторка у Gemeind\u0435haus, усіх запрошуємо.\n"
MIXED_CASES = [
    Case(
        "mixed-word-cyrillic-letter-in-german-word",
        fm(body=UK_BODY, title="Мовний клуб"),
        language="uk",
        errors=[("mixed-word", 5, 30)],
    ),
    Case(
        "mixed-word-latin-letter-in-russian-title",
        fm(body=RU_BODY, title="C\u0442роительство моста начато"),
        language="ru",
        errors=[("mixed-word", 2, 9)],
    ),
    Case(
        "mixed-word-in-toml-summary",
        "+++\ntitle = 'Cake'\nsummary = 'A new \u0421ake release is out'\n+++\n\n" + EN_BODY,
        errors=[("mixed-word", 3, 18)],
    ),
    # Two words run together: reported, but swapping letters would not repair it.
    Case(
        "mixed-word-glued-words",
        fm(body="Он купил Bitcoinили другую монету на бирже в прошлом году.\n", title="Биткоин"),
        language="ru",
        errors=[("mixed-word", 5, 10)],
    ),
    # In a URL written as text the word is reported without a suggestion (an address, not a word
    # to rewrite); the text of a link is prose.
    Case(
        "mixed-word-in-a-url",
        fm(
            body=EN_BODY + "\nSee https://example.com/Gemeind\u0435haus and <https://example.com/"
            "Gemeind\u0435haus>, or [Gemeind\u0435haus](https://example.com/a).\n",
            title="Budget",
        ),
        errors=[("mixed-word", 7, 25), ("mixed-word", 7, 63), ("mixed-word", 7, 82)],
    ),
    # A Cyrillic letter with no Latin look-alike: reported without a suggestion.
    Case(
        "mixed-word-no-lookalike",
        fm(body=EN_BODY + "\nThe ne\u0436 plan.\n", title="Budget"),
        errors=[("mixed-word", 7, 5)],
    ),
    # Words in one script each, side by side, and Greek with Latin (`μm`) are fine.
    Case(
        "mixed-word-separate-words-and-greek",
        fm(
            body="Компания Apple показала iPhone-ом новый чип размером 3 μm и больше.\n",
            title="Apple",
        ),
        language="ru",
    ),
    # A Latin capital typed into a Greek word (a real Greek blog's `Mας`): the look-alike is named.
    Case(
        "mixed-word-latin-letter-in-greek-word",
        fm(body="Το πρωί Mας είπαν ότι η γέφυρα κλείνει για δύο ημέρες.\n", title="Η γέφυρα"),
        language="el",
        errors=[("mixed-word", 5, 9)],
    ),
    # A Greek omicron in an English word, in the title.
    Case(
        "mixed-word-greek-letter-in-english-title",
        fm(body=EN_BODY, title="Budget talks g\u03bf on"),
        errors=[("mixed-word", 2, 22)],
    ),
    # Science writes Greek letters next to Latin ones on purpose: none of these is reported.
    Case(
        "mixed-word-greek-in-science",
        fm(
            body=EN_BODY + "\nA 5 μm filter, NF-κB and TNFα levels, the photon energy hν, "
            "IFNγ and a 10 kΩ resistor.\n",
            title="Budget",
        ),
    ),
]


@pytest.mark.parametrize("case", MIXED_CASES, ids=lambda c: c.name)
def test_mixed_word(case: Case) -> None:
    assert_case(LanguageMismatch, case)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            fm(body=UK_BODY, title="Мовний клуб"),
            "'Gemeind\u0435haus' mixes Latin and Cyrillic letters ('\u0435' in cyrillic);"
            " in one script: 'Gemeindehaus'",
        ),
        (
            fm(
                body="Он купил Bitcoinили другую монету на бирже в прошлом году.\n", title="Биткоин"
            ),
            "'Bitcoinили' mixes Latin and Cyrillic letters ('и', 'л' in cyrillic)",
        ),
        (
            fm(body="Το πρωί Mας είπαν ότι η γέφυρα κλείνει για δύο ημέρες.\n", title="Η γέφυρα"),
            "'Mας' mixes Latin and Greek letters ('M' in latin); in one script: 'Μας'",
        ),
    ],
)
def test_mixed_word_message_names_the_word_in_one_script(text: str, message: str) -> None:
    from newslint.engine import check_text

    path = "content/uk/a.uk.md" if "Gemeind" in text else "content/ru/a.ru.md"
    if "γέφυρα" in text:
        path = "content/el/a.el.md"
    found = check_text(text, select=["TX007"], path=path)
    assert [(d.message, d.fix) for d in found] == [(message, None)]


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(max_codepoint=127), max_size=60), st.sampled_from(["en", "sr-Latn"]))
def test_ascii_text_never_mismatches_a_latin_language(text: str, language: str) -> None:
    # The rule skips ASCII text for a Latin-script language without counting: counting agrees.
    expected = expected_scripts(language)
    assert expected is not None and "latin" in expected
    assert mismatch(script_units(text), expected, Options(min_units=1)) is None


@pytest.mark.parametrize(
    ("tag", "form"),
    [
        ("zh-CN", "Simplified"),
        ("zh_sg", "Simplified"),
        ("zh-Hans", "Simplified"),
        ("zh-Hans-HK", "Simplified"),
        ("zh-TW", "Traditional"),
        ("zh-hk", "Traditional"),
        ("zh-Hant-CN", "Traditional"),
        ("yue-HK", "Traditional"),
        ("zh", None),
        ("ja-JP", None),
        ("en-HK", None),
        (None, None),
    ],
)
def test_chinese_form(tag: str | None, form: str | None) -> None:
    assert chinese_form(tag) == form


def test_mixed_words_of_one_url_share_it_and_the_next_word_is_not_in_it() -> None:
    # Two words of one address get no suggestion; the word after it, in prose, gets one.
    from newslint.engine import check_text

    word = "Gemeind\u0435haus"
    text = fm(body=EN_BODY + f"\nSee https://example.com/{word}/{word}.html then {word}.\n")
    found = check_text(text, select=["TX007"], path="content/a.md")
    assert [d.message.endswith("'Gemeindehaus'") for d in found] == [False, False, True]


def test_one_site_tells_each_language_its_own_scripts() -> None:
    # The scripts are worked out once per site and language: a Persian article and an English
    # one on the same site (whichever comes first) each keep their own.
    site = Site(
        language_locales={"fa": "en-us"},
        language_names=("fa", "en"),
        default_language="fa",
        raw={"defaultcontentlanguage": "fa", "languages": {"fa": {}, "en": {}}},
    )
    persian_title = fm(body=FA_BODY, title=FA_TITLE)
    for language, errors in (("fa", []), ("en", [("field", 2, 8), ("body", 5, 1)]), ("fa", [])):
        case = Case(language, persian_title, language=language, site=site)
        assert lint_case(LanguageMismatch, case) == errors


# Russian and Ukrainian share their script; the letters only one of them has tell them apart.
UK_BODY = (
    "Міська рада вирішила відкрити новий міст через річку, роботи триватимуть два роки і "
    "почнуться вже цієї осені.\n"
)
RU_BODY = (
    "Городской совет решил, что новые мосты через реку будут открыты этой осенью, а выборы "
    "пройдут позже.\n"
)
CYRILLIC_CASES = [
    Case(
        "ukrainian-body-filed-under-ru",
        fm(body=UK_BODY, title="Новий міст"),
        language="ru",
        errors=[("body-cyrillic-language", 5, 1)],
    ),
    Case(
        "russian-title-in-uk",
        fm(body=UK_BODY, title="Мэрия решила: выборы будут в этом году"),
        language="uk-UA",
        errors=[("field-cyrillic-language", 2, 8)],
    ),
    Case("russian-article-in-ru", fm(body=RU_BODY, title="Новые мосты"), language="ru"),
    Case("ukrainian-article-in-uk", fm(body=UK_BODY, title="Новий міст"), language="uk"),
    # A Russian report that names a Ukrainian city in its own spelling.
    Case(
        "russian-quoting-a-ukrainian-name",
        fm(body="В «Києві» " + RU_BODY, title="Новые мосты «Києва»"),
        language="ru",
    ),
    # Other Cyrillic languages are not judged by these letters: Bulgarian writes `ъ`.
    Case(
        "bulgarian-in-bg",
        fm(body="Общинският съвет реши да открие нов мост през реката тази есен.\n", title="Мост"),
        language="bg",
    ),
]


@pytest.mark.parametrize("case", CYRILLIC_CASES, ids=lambda case: case.name)
def test_cyrillic_language(case: Case) -> None:
    assert_case(LanguageMismatch, case)


def test_cyrillic_message_names_both_languages() -> None:
    _, reports = case_reports(LanguageMismatch, CYRILLIC_CASES[0])
    assert [report.message for report in reports] == [
        "the body is written in Ukrainian, not Russian as 'ru' says"
    ]
