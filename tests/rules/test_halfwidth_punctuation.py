from __future__ import annotations

import pytest
import yaml

from newslint.engine import fix_text
from newslint.rules.halfwidth_punctuation import FULL_WIDTH, HalfwidthPunctuation, is_chinese
from newslint.site import Site
from newslint.testing import Case, assert_case, fm

CN = "content/zh-CN/news/a.zh-CN.md"
HK = "content/zh-HK/news/a.zh-HK.md"
ZH_BODY = "财政部长表示，预算将在本周获得通过。\n"

CASES = [
    Case(
        "comma-in-summary",
        fm(body=ZH_BODY, title="预算获得通过", summary="源代码正式开放,欢迎大家访问。"),
        path=CN,
        errors=[("half-width", 3, 18)],
        fixed=fm(body=ZH_BODY, title="预算获得通过", summary="源代码正式开放，欢迎大家访问。"),
    ),
    Case(
        "comma-and-space-in-body",
        fm(body="首届开发者沙龙在北京成功举办, 超过400位开发者参加。\n", title="沙龙举办"),
        path=CN,
        errors=[("half-width", 5, 15)],
        fixed=fm(body="首届开发者沙龙在北京成功举办，超过400位开发者参加。\n", title="沙龙举办"),
    ),
    Case(
        "colon-before-a-quote-and-a-bracket",
        fm(body="主席陈瑞娟說:「考慮合併。」他又說: “好。”\n", title="商會意見"),
        path=HK,
        errors=[("half-width", 5, 7), ("half-width", 5, 18)],
        fixed=fm(body="主席陈瑞娟說：「考慮合併。」他又說：“好。”\n", title="商會意見"),
    ),
    Case(
        "at-the-end-of-a-line-or-text",
        fm(body="结果如下:\n第一,完成!\n\n请看:**这里**很重要?\n", title="谁是赢家?"),
        path=CN,
        errors=[
            ("half-width", 2, 13),
            ("half-width", 5, 5),
            ("half-width", 6, 3),
            ("half-width", 6, 6),
            ("half-width", 8, 3),
            ("half-width", 8, 13),
        ],
        fixed=fm(body="结果如下：\n第一，完成！\n\n请看：**这里**很重要？\n", title="谁是赢家？"),
    ),
    Case(
        # Spaces after the mark at the end of a line or a paragraph (which the parser leaves out of
        # the run): still the end of the line; only the mark changes.
        "at-the-end-of-a-line-before-trailing-spaces",
        fm(body="结果如下: \n- 第一,\t\n- 完成\n\n他说:“好”, ", title="谁是赢家"),
        path=CN,
        errors=[
            ("half-width", 5, 5),
            ("half-width", 6, 5),
            ("half-width", 9, 3),
            ("half-width", 9, 7),
        ],
        fixed=fm(body="结果如下： \n- 第一，\t\n- 完成\n\n他说：“好”， ", title="谁是赢家"),
    ),
    Case(
        # The run ends at markup, its paragraph goes on: the next run tells what follows the mark.
        "before-a-link-or-emphasis-that-goes-on-in-chinese",
        fm(
            body="来源: [新华社](https://example.com/a)报道。\n\n**注意:** 请准时，版本:**v2**，说:`x`。\n",
            title="通知",
        ),
        path=CN,
        errors=[("half-width", 5, 3), ("half-width", 7, 5)],
        fixed=fm(
            body="来源：[新华社](https://example.com/a)报道。\n\n**注意：** 请准时，版本:**v2**，说:`x`。\n",
            title="通知",
        ),
    ),
    Case(
        "before-a-closing-bracket-or-quote",
        fm(body="（是吗?）他说“好!”。\n", title="对话"),
        path=CN,
        errors=[("half-width", 5, 4), ("half-width", 5, 10)],
        fixed=fm(body="（是吗？）他说“好！”。\n", title="对话"),
    ),
    Case(
        "a-mark-ending-a-paragraph-before-emphasis",
        fm(body="请看:\n\n**这里**很重要。\n", title="对话"),
        path=CN,
        errors=[("half-width", 5, 3)],
        fixed=fm(body="请看：\n\n**这里**很重要。\n", title="对话"),
    ),
    # A mark ending a table cell ends its text (bold too, and beside an escaped pipe, which is
    # the cell's text); the fix changes the mark only, never a pipe or the spaces before one.
    Case(
        "ending-a-table-cell",
        fm(
            body="| 问题 | 回答 |\n| --- | --- |\n| 你好吗? | 好!|\n| **注意:** | 是\\|否? |\n"
            "| 10:30 | a,b |\n",
            title="问答",
        ),
        path=CN,
        errors=[
            ("half-width", 7, 6),
            ("half-width", 7, 11),
            ("half-width", 8, 7),
            ("half-width", 8, 17),
        ],
        fixed=fm(
            body="| 问题 | 回答 |\n| --- | --- |\n| 你好吗？ | 好！|\n| **注意：** | 是\\|否？ |\n"
            "| 10:30 | a,b |\n",
            title="问答",
        ),
    ),
    # A link's text that ends a table cell or a line ends a text: what follows the mark in the
    # source is the link's address (inline, reference, collapsed, shortcut; bold inside and
    # around it). A mark that ends the text of a link the cell goes on after is left alone.
    Case(
        "ending-a-link-text-that-ends-a-table-cell",
        fm(
            body="| 问题 | 来源 |\n| --- | --- |\n| 你好吗? | [是吗?](https://a.cn/x) |\n"
            "| [**注意:**][ref] | **[好!][]** |\n| [如下:] | [对?](/y)还有 |\n\n"
            "见[结果如下:](/z)\n\n[ref]: /r\n[好!]: /g\n[如下:]: /h\n",
            title="问答",
        ),
        path=CN,
        errors=[
            ("half-width", 7, 6),
            ("half-width", 7, 13),
            ("half-width", 8, 8),
            ("half-width", 8, 24),
            ("half-width", 9, 6),
            ("half-width", 11, 7),
        ],
        fixed=fm(
            body="| 问题 | 来源 |\n| --- | --- |\n| 你好吗？ | [是吗？](https://a.cn/x) |\n"
            "| [**注意：**][ref] | **[好！][]** |\n| [如下：] | [对?](/y)还有 |\n\n"
            "见[结果如下：](/z)\n\n[ref]: /r\n[好!]: /g\n[如下:]: /h\n",
            title="问答",
        ),
    ),
    # A table without its outer pipes: the first cell of a row ends at the pipe.
    Case(
        "ending-a-cell-of-a-table-without-outer-pipes",
        fm(body="问题 | 回答\n--- | ---\n是吗? | 对\n", title="问答"),
        path=CN,
        errors=[("half-width", 7, 3)],
        fixed=fm(body="问题 | 回答\n--- | ---\n是吗？ | 对\n", title="问答"),
    ),
    # A pipe is never a mark, nor is one in a paragraph the end of a cell: there the mark is
    # followed by a space and a pipe, not by Chinese text.
    Case(
        "pipes-are-not-marks",
        fm(
            body="你好|世界，表格 | 你好? | 是的\n\n| 中文|中文 |\n|---|---|\n| 北京|上海 |\n",
            title="表格",
        ),
        path=CN,
    ),
    # An HTML line break ends a line of text, in a paragraph or in a table cell.
    Case(
        "before-an-html-line-break",
        fm(
            body="结果如下:<br>第一<br/>完成!<BR />\n\n| 如下:<br>第一 |\n|---|\n| 是吗?<br>好 |\n",
            title="结果",
        ),
        path=CN,
        errors=[
            ("half-width", 5, 5),
            ("half-width", 5, 19),
            ("half-width", 7, 5),
            ("half-width", 9, 5),
        ],
        fixed=fm(
            body="结果如下：<br>第一<br/>完成！<BR />\n\n| 如下：<br>第一 |\n|---|\n| 是吗？<br>好 |\n",
            title="结果",
        ),
    ),
    # Bold or italic text ending its line with the mark inside it.
    Case(
        "inside-emphasis-at-the-end-of-a-line",
        fm(body="- **注意?**\n- *好的!* \n", title="提示"),
        path=CN,
        errors=[("half-width", 5, 7), ("half-width", 6, 6)],
        fixed=fm(body="- **注意？**\n- *好的！* \n", title="提示"),
    ),
    Case(
        "each-mark",
        fm(body="真的?是的!好;走吧\n", title="问答"),
        path=CN,
        errors=[("half-width", 5, 3), ("half-width", 5, 6), ("half-width", 5, 8)],
        fixed=fm(body="真的？是的！好；走吧\n", title="问答"),
    ),
    Case(
        "after-a-closing-quote",
        fm(body="他说“不”,然后离开了。\n", title="离开"),
        path=CN,
        errors=[("half-width", 5, 6)],
        fixed=fm(body="他说“不”，然后离开了。\n", title="离开"),
    ),
    # The escape goes with the mark: `\！` would show its backslash.
    Case(
        "escaped-mark",
        fm(body="太好了\\!我们赢了\n", title="胜利"),
        path=CN,
        errors=[("half-width", 5, 5)],
        fixed=fm(body="太好了！我们赢了\n", title="胜利"),
    ),
    Case(
        "numbers-latin-and-urls-left-alone",
        fm(
            body="时间10:30,共1,000人。访问 https://example.com/a,b 或 Apple, Google 公司。\n",
            title="时间: 10:30",
        ),
        path=CN,
    ),
    Case(
        # A number that runs on into Chinese text is Chinese text: `日期: 2026年` and `北京,3家`
        # want full-width marks, as `来源: [36氪](…)` does; `时间: 10:30` stays as it is.
        "before-a-number-that-runs-on-into-chinese",
        fm(
            body="**日期**: 2026年5月25日  \n来源: [36氪](https://example.com/a)\n\n"
            "北京,3家公司。时间: 10:30\n",
            title="快讯",
        ),
        path=CN,
        errors=[("half-width", 5, 7), ("half-width", 6, 3), ("half-width", 8, 3)],
        fixed=fm(
            body="**日期**：2026年5月25日  \n来源：[36氪](https://example.com/a)\n\n"
            "北京，3家公司。时间: 10:30\n",
            title="快讯",
        ),
    ),
    Case(
        # A percentage ends Chinese text (a cloud-native weekly digest's `降低了90％, 内存`): the
        # full-width sign before the mark, or an ASCII one after a digit when Chinese follows.
        # An English sentence's `5%?` and a list of percentages stay as they are.
        "after-a-percentage",
        fm(
            body="CPU使用率降低了90％, 内存降低50％。增长5%,达到新高。\n\n"
            "Did it rise 5%?\n\n比例为 5%, 10%和20%\n",
            title="周报",
        ),
        path=CN,
        errors=[("half-width", 5, 13), ("half-width", 5, 27)],
        fixed=fm(
            body="CPU使用率降低了90％，内存降低50％。增长5%，达到新高。\n\n"
            "Did it rise 5%?\n\n比例为 5%, 10%和20%\n",
            title="周报",
        ),
    ),
    Case(
        # The bold label's mark is a run of its own, all ASCII (`: `), that the link goes on
        # from in Chinese: a feed's `**来源**: [新华社](…)` byline.
        "after-bold-chinese-before-a-link-that-goes-on-in-chinese",
        fm(body="**来源**: [新华社](https://example.com/a)  \n**作者**: John\n", title="快讯"),
        path=CN,
        errors=[("half-width", 5, 7)],
        fixed=fm(
            body="**来源**：[新华社](https://example.com/a)  \n**作者**: John\n", title="快讯"
        ),
    ),
    Case(
        "full-stop-left-alone",
        fm(body="请访问新浪.中国网站了解更多内容。\n", title="新闻"),
        path=CN,
    ),
    Case(
        "inside-a-shortcode",
        fm(body='{{< figure title="图片,说明" >}}\n\n图片说明。\n', title="图片"),
        path=CN,
    ),
    Case(
        "inline-code",
        fm(body="运行 `中文,中文` 命令。\n", title="命令"),
        path=CN,
    ),
    # Only Chinese articles: an English one that quotes a Chinese list, a Japanese one.
    Case(
        "english-article",
        fm(body="The list read 北京,上海 in the original.\n", title="Cities: 北京,上海"),
        path="content/en/news/a.en.md",
    ),
    Case(
        "japanese-article",
        fm(body="東京,大阪で開催。\n", title="東京,大阪"),
        path="content/ja/news/a.ja.md",
    ),
    # No language at all (a blog without a site configuration): a Chinese text is checked, a
    # Japanese or a mostly English one is not.
    Case(
        "no-language-chinese-text",
        fm(body="首届开发者沙龙在北京成功举办, 超过400位开发者参加。\n", title="Cities: 北京,上海"),
        path="content/posts/a.md",
        errors=[("half-width", 5, 15)],
        fixed=fm(
            body="首届开发者沙龙在北京成功举办，超过400位开发者参加。\n", title="Cities: 北京,上海"
        ),
    ),
    Case(
        "no-language-japanese-text",
        fm(body="東京,大阪で開催されます。\n", title="東京,大阪"),
        path="content/posts/a.md",
    ),
    # An English article that quotes a Chinese sentence.
    Case(
        "english-article-chinese-paragraph",
        fm(body="The statement read:\n\n我们将继续努力,谢谢大家!\n", title="Statement"),
        path="content/en/news/a.en.md",
        errors=[("half-width", 7, 8), ("half-width", 7, 13)],
        fixed=fm(body="The statement read:\n\n我们将继续努力，谢谢大家！\n", title="Statement"),
    ),
    # The site's locale says Chinese for a language called "en".
    Case(
        "chinese-locale",
        fm(body=ZH_BODY, title="北京,上海"),
        language="en",
        site=Site(language_locales={"en": "zh-CN"}),
        errors=[("half-width", 2, 11)],
        fixed=fm(body=ZH_BODY, title="北京，上海"),
    ),
    Case(
        "toml",
        '+++\ntitle = "北京, 上海"\n+++\n\n' + ZH_BODY,
        path=CN,
        errors=[("half-width", 2, 12)],
        fixed='+++\ntitle = "北京，上海"\n+++\n\n' + ZH_BODY,
    ),
    Case(
        "json",
        '{\n  "title": "北京:上海"\n}\n\n' + ZH_BODY,
        path=CN,
        errors=[("half-width", 2, 15)],
        fixed='{\n  "title": "北京：上海"\n}\n\n' + ZH_BODY,
    ),
    Case(
        "other-fields-left-alone",
        fm(body=ZH_BODY, title="新闻", author="张三,李四"),
        path=CN,
    ),
    # After bold or italic Chinese text the mark still sits between Chinese characters; after a
    # bold Latin word it does not.
    Case(
        "after-emphasis",
        fm(body="**北京**,上海。*广州*, 深圳。**Apple**,华为。\n", title="新闻"),
        path=CN,
        errors=[("half-width", 5, 7), ("half-width", 5, 15)],
        fixed=fm(body="**北京**，上海。*广州*，深圳。**Apple**,华为。\n", title="新闻"),
    ),
    # An autolink's text is its address: a full-width mark would change the URL. The prose after
    # it and a link's own text are prose.
    Case(
        "autolink-left-alone",
        fm(
            body="访问<https://example.com/北京,上海>了解,欢迎。[北京,上海](https://example.com/a)\n",
            title="新闻",
        ),
        path=CN,
        errors=[("half-width", 5, 32), ("half-width", 5, 39)],
        fixed=fm(
            body="访问<https://example.com/北京,上海>了解，欢迎。[北京，上海](https://example.com/a)\n",
            title="新闻",
        ),
    ),
]


# YAML values wrapped over lines: a mark before a line fold is replaced alone (the fold stays, and
# reads as a space as every other wrap does); one inside a line takes its spaces with it. Either
# way the value keeps its style: (source of the `summary` value, the value the fix gives).
WRAPPED = [
    (
        "folded",
        ">\n  源代码正式开放,\n  欢迎大家访问,谢谢!\n",
        "源代码正式开放， 欢迎大家访问，谢谢！\n",
    ),
    (
        "folded-strip",
        ">-\n  源代码正式开放,\n  欢迎大家访问。\n",
        "源代码正式开放， 欢迎大家访问。",
    ),
    ("plain", "源代码正式开放,\n  欢迎大家访问;\n  谢谢\n", "源代码正式开放， 欢迎大家访问； 谢谢"),
    ("double-quoted", '"源代码正式开放:\n  欢迎大家访问。"\n', "源代码正式开放： 欢迎大家访问。"),
    (
        "single-quoted",
        "'源代码正式开放?\n  欢迎大家''访问''。'\n",
        "源代码正式开放？ 欢迎大家'访问'。",
    ),
]


def _wrapped(value: str) -> str:
    return f'---\ntitle: "通知"\nsummary: {value}---\n\n' + ZH_BODY


CASES += [
    Case(
        f"wrapped-yaml-value-{name}",
        _wrapped(value),
        path=CN,
        errors=[("half-width", 3 + line, column) for line, column in marks],
        fixed=_wrapped("".join(FULL_WIDTH.get(c, c) for c in value)),
    )
    for (name, value, _), marks in zip(
        WRAPPED,
        [[(1, 10), (2, 9), (2, 12)], [(1, 10)], [(0, 17), (1, 9)], [(0, 18)], [(0, 18)]],
        strict=True,
    )
]


@pytest.mark.parametrize(
    ("value", "expected"), [w[1:] for w in WRAPPED], ids=[w[0] for w in WRAPPED]
)
def test_a_wrapped_yaml_value_keeps_its_style_and_only_the_marks_change(
    value: str, expected: str
) -> None:
    source = _wrapped(value)
    fixed, _ = fix_text(source, path=CN, select=["TX008"])
    assert yaml.safe_load(fixed.split("---")[1])["summary"] == expected
    # Code point by code point, only the marks differ.
    assert len(fixed) == len(source)
    changed = [(a, b) for a, b in zip(source, fixed, strict=True) if a != b]
    assert changed == [(c, FULL_WIDTH[c]) for c in value if c in FULL_WIDTH]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_halfwidth_punctuation(case: Case) -> None:
    assert_case(HalfwidthPunctuation, case)


@pytest.mark.parametrize(
    ("tags", "chinese"),
    [
        (("zh-CN",), True),
        (("zh_TW",), True),
        (("yue-HK",), True),
        (("en", "zh-Hans"), True),
        (("ja",), False),
        (("en-us", None), False),
        ((None,), False),
    ],
)
def test_is_chinese(tags: tuple[str | None, ...], chinese: bool) -> None:
    assert is_chinese(*tags) is chinese


# A custom text field (`lead`) under `params` is the page's `.Params.lead` (hugo 0.168), over a
# top-level one, which is then read by nothing: checked under `params` only. Hugo's own fields
# are never read from `params`: a `params.title` is not checked as the title.
PARAMS_CASES = [
    Case(
        "params-lead-over-top-level",
        "---\nlead: 北京,上海\nparams:\n  lead: 北京,上海\n  title: 北京,上海\n---\n",
        errors=[("half-width", 4, 11)],
        fixed="---\nlead: 北京,上海\nparams:\n  lead: 北京，上海\n  title: 北京,上海\n---\n",
    ),
]


@pytest.mark.parametrize("case", PARAMS_CASES, ids=lambda c: c.name)
def test_a_text_field_under_params(case: Case) -> None:
    assert_case(HalfwidthPunctuation, case)
