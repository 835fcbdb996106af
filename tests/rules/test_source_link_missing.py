from __future__ import annotations

from pathlib import Path

import pytest

from newslint.rules.source_link_missing import SourceLinkMissing
from newslint.site import Site
from newslint.testing import Case, Raw, assert_case, fm

BODY = "The budget passed on Tuesday.\n\n"
SOURCE = "[reuters](https://www.reuters.com/world/budget-passes-2025-02-11/)\n"

R = "- [Reuters](https://www.reuters.com/a)\n"
A = "- [AP](https://apnews.com/b)\n"

NOTED = "The budget passed on Tuesday.[^1]\n\n"
NOTED_TWICE = "The budget passed[^1] on Tuesday.[^2]\n\n"

CASES = [
    # A list of links after a line that is a source label alone: the sources.
    Case("label-above-a-list", fm(body=BODY + "**Πηγές:**\n\n" + R + A, title="B")),
    Case("heading-above-a-list", fm(body=BODY + "## Sources\n\n" + R + A, title="B")),
    Case(
        "loose-ordered-list",
        fm(body=BODY + "Fuentes:\n\n1. [a](https://a.es/x)\n\n2. [b](https://b.es/y)\n", title="B"),
    ),
    Case(
        "plural-label-on-the-line", fm(body=BODY + "Quellen: [dpa](https://dpa.de/x)\n", title="B")
    ),
    Case("forty-sources", fm(body=BODY + "Sources:\n\n" + R * 40, title="B")),
    # A list of more than 100 lines is no list of sources (and is not read back item by item).
    Case(
        "a-hundred-and-ten-sources",
        fm(body=BODY + "Sources:\n\n" + R * 110, title="B"),
        errors=[("missing", 118, 1)],
    ),
    Case(
        "other-label-above-a-list",
        fm(body=BODY + "Related:\n\n" + R + A, title="B"),
        errors=[("missing", 10, 1)],
    ),
    Case("list-without-a-label", fm(body=BODY + R + A, title="B"), errors=[("missing", 8, 1)]),
    # Footnotes are citations, which Hugo renders as the page's last list (in the order of their
    # first reference, wherever they are defined): one that is one link names the source, a bare
    # URL too, as digests and AI-written briefs cite.
    Case("footnote-bare-url", fm(body=NOTED + "[^1]: https://www.reuters.com/a\n", title="B")),
    Case(
        "footnote-named-link",
        fm(body=NOTED + "[^1]: [Reuters](https://reuters.com/a)\n", title="B"),
    ),
    Case(
        "second-footnote-is-the-link",
        fm(body=NOTED_TWICE + "[^1]: Staff reporting.\n[^2]: https://apnews.com/b\n", title="B"),
    ),
    Case(
        "footnote-defined-above-the-last-line",
        fm(body=NOTED + "[^1]: https://www.reuters.com/a\n\nMore prose.\n", title="B"),
    ),
    Case(
        "footnote-of-prose",
        fm(body=NOTED + "[^1]: Staff reporting.\n", title="B"),
        errors=[("missing", 7, 1)],
    ),
    # A note nothing refers to is not shown; one in a code block is no note.
    Case(
        "footnote-never-referred-to",
        fm(body=BODY + "[^1]: https://www.reuters.com/a\n", title="B"),
        errors=[("missing", 5, 1)],
    ),
    Case(
        "footnote-in-a-code-block",
        fm(body=NOTED + "```\n[^1]: https://www.reuters.com/a\n```\n", title="B"),
        errors=[("missing", 9, 1)],
    ),
    Case(
        "footnote-that-is-an-image",
        fm(body=NOTED + "[^1]: ![chart](https://www.reuters.com/a.png)\n", title="B"),
        errors=[("missing", 5, 1)],
    ),
    Case(
        "an-item-that-is-no-link",
        fm(body=BODY + "Sources:\n\n" + R + "- Staff reporting\n", title="B"),
        errors=[("missing", 10, 1)],
    ),
    Case(
        "label-ending-a-sentence-above-a-list",
        fm(body=BODY + "We spoke to these sources:\n\n" + R, title="B"),
        errors=[("missing", 9, 1)],
    ),
    Case("last-line-link", fm(body=BODY + SOURCE, title="Budget")),
    # An invisible character after the link (EN003 reports it) leaves it the last line shown.
    Case("link-then-zero-width-space", fm(body=BODY + SOURCE[:-1] + "\u200b\n", title="Budget")),
    Case("link-then-rtl-mark", fm(body=BODY + SOURCE[:-1] + "\u200f\n", title="Budget")),
    Case("zero-width-space-then-link", fm(body=BODY + "\u200b" + SOURCE, title="Budget")),
    Case(
        "link-with-title-and-trailing-blank-lines",
        fm(body=BODY + '[r](https://r.com/a "Reuters")\n\n\n', title="B"),
    ),
    Case(
        "parentheses-in-url",
        fm(body=BODY + "[wiki](https://en.wikipedia.org/wiki/Budget_(2025))\n", title="B"),
    ),
    Case(
        "missing", fm(body=BODY + "More text here.\n", title="Budget"), errors=[("missing", 7, 1)]
    ),
    Case("empty-body", fm(body="", title="Budget"), errors=[("missing", 1, 1)]),
    Case(
        "link-not-last",
        fm(body=SOURCE + "\nMore text here.\n", title="B"),
        errors=[("missing", 7, 1)],
    ),
    Case(
        "relative-link-is-no-source",
        fm(body=BODY + "[home](/news/)\n", title="B"),
        errors=[("missing", 7, 1)],
    ),
    Case(
        "link-inside-a-sentence",
        fm(body=BODY + "Read [more](https://r.com/a) here.\n", title="B"),
        errors=[("missing", 7, 1)],
    ),
    Case(
        "link-in-code-block",
        fm(body=BODY + "```\n[r](https://r.com/a)", title="B"),
        errors=[("missing", 8, 1)],
    ),
    # A URL with a space is still the source link: link-malformed reports the space.
    Case(
        "space-in-url-reported-elsewhere",
        fm(body=BODY + "[fx168](https://www.fx168news.com/article/Pi Network-834911)\n", title="B"),
    ),
    Case("source-field", fm(body=BODY, title="B", source="https://www.reuters.com/a")),
    Case(
        "source-field-not-a-url",
        fm(body=BODY, title="B", source="Reuters"),
        errors=[("missing", 6, 1)],
    ),
    Case(
        "configured-field",
        fm(body=BODY, title="B", origin="https://r.com/a"),
        config={"source-field": "origin"},
    ),
    Case(
        "rule-option-field",
        fm(body=BODY, title="B", via="https://r.com/a"),
        options={"field": "via"},
    ),
    Case("section-list-page", fm(body=BODY, title="News"), path="content/en/news/_index.md"),
    Case("no-front-matter", BODY),
    Case("not-in-news-preset", fm(body=BODY, title="B"), config={"presets": ["hugo"]}),
    Case("crlf", '---\r\ntitle: "B"\r\n---\r\n\r\nText.\r\n\r\n[r](https://r.com/a)\r\n'),
    Case("crlf-missing", '---\r\ntitle: "B"\r\n---\r\n\r\nText.\r\n', errors=[("missing", 5, 1)]),
    Case("toml", '+++\ntitle = "B"\nsource = "https://r.com/a"\n+++\nText.\n'),
    # A source map's `url` is the source: inline, as a block, as a TOML table, in a list.
    Case(
        "source-map", fm(body=BODY, title="B", source=Raw("{name: Reuters, url: https://r.com/a}"))
    ),
    Case("source-map-block", '---\ntitle: "B"\nsource:\n  URL: "https://r.com/a"\n---\nText.\n'),
    Case("source-map-toml", '+++\ntitle = "B"\n[source]\nurl = "https://r.com/a"\n+++\nText.\n'),
    Case("source-map-in-list", fm(body=BODY, title="B", source=Raw("[{url: https://r.com/a}]"))),
    Case(
        "source-map-without-url",
        fm(body=BODY, title="B", source=Raw("{name: Reuters}")),
        errors=[("missing", 6, 1)],
    ),
    Case(
        "source-map-placeholder",
        fm(body=BODY, title="B", source=Raw("{url: https://原文地址/a}")),
        errors=[("placeholder", 3, 15)],
    ),
    Case("json", '{"title": "B"}\nText.\n\n[r](https://r.com/a)\n'),
    # An HTML comment after the source link (a suppression, an editor's note) shows nothing.
    Case(
        "comment-after-the-link",
        fm(body=BODY + SOURCE + "<!-- newslint-disable-file TX002 -->\n\n<!-- a\nnote -->\n"),
    ),
    Case(
        "crlf-comment-after-the-link",
        '---\r\ntitle: "B"\r\n---\r\nText.\r\n\r\n[r](https://r.com/a)\r\n\r\n<!--\r\nnote\r\n-->\r\n',
    ),
    Case(
        "comment-after-prose",
        fm(body=BODY + "More text here.\n<!-- note -->\n", title="B"),
        errors=[("missing", 7, 1)],
    ),
    Case(
        "html-after-the-link-is-content",
        fm(body=BODY + SOURCE + "\n<div>Ad</div>\n", title="B"),
        errors=[("missing", 9, 1)],
    ),
    # What Markdown makes a link is a link: brackets in the text, any kind of title.
    Case("brackets-in-link-text", fm(body=BODY + "[Reuters [UK]](https://r.com/a)\n", title="B")),
    Case("single-quoted-title", fm(body=BODY + "[r](https://r.com/a 'Reuters')\n", title="B")),
    Case(
        "image-is-no-source",
        fm(body=BODY + "![r](https://r.com/a.png)\n", title="B"),
        errors=[("missing", 7, 1)],
    ),
    # The link alone in emphasis or a block quote is still the line's one link (newslint
    # wanted a label for those); a list item, other words or a second link are not.
    Case("link-in-emphasis", fm(body=BODY + "*[Reuters](https://r.com/a)*\n", title="B")),
    Case("link-in-strong-emphasis", fm(body=BODY + "__[Reuters](https://r.com/a)__.\n", title="B")),
    Case("link-in-a-block-quote", fm(body=BODY + "> *[Reuters](https://r.com/a)*\n", title="B")),
    Case(  # the end of a sentence that runs over lines, as the Mainroad example's about page
        "plain-link-ending-a-sentence",
        fm(body=BODY + "More at\n[Hugo](https://gohugo.io/a).\n", title="B"),
        errors=[("missing", 8, 1)],
    ),
    Case(
        "list-item-is-no-source-line",
        fm(body=BODY + "* [Reuters](https://r.com/a)\n", title="B"),
        errors=[("missing", 7, 1)],
    ),
    Case(
        "emphasised-words-before-the-link",
        fm(body=BODY + "*Via [Reuters](https://r.com/a)*\n", title="B"),
        errors=[("missing", 7, 1)],
    ),
    Case(
        "two-links-in-emphasis",
        fm(body=BODY + "*[Reuters](https://r.com/a) and [AP](https://ap.org/b)*\n", title="B"),
        errors=[("missing", 7, 1)],
    ),
]


# How real news and translated articles name their source on the last line: a label word
# ("Source:", "来源：", "原文链接：", ...) before the one link, optionally in emphasis or a block
# quote. Other words before a link, or several links, are no source line.
LABEL_CASES = [
    Case(
        "source-label", fm(title="B", body=BODY + "Source: [Example News](https://example.com/a)\n")
    ),
    Case(
        "sources-label",
        fm(title="B", body=BODY + "Sources: [Example News](https://example.com/a)\n"),
    ),
    Case(
        "bold-label",
        fm(title="B", body=BODY + "**Source:** [Example News](https://example.com/a)\n"),
    ),
    Case(
        "italic-line",
        fm(title="B", body=BODY + "*Source: [Example News](https://example.com/a)*\n"),
    ),
    Case(
        "trailing-period",
        fm(title="B", body=BODY + "Source: [Example News](https://example.com/a).\n"),
    ),
    Case(
        "full-width-colon", fm(title="B", body=BODY + "来源：[示例新闻](https://example.com/a)\n")
    ),
    Case("traditional", fm(title="B", body=BODY + "來源：[示例新聞](https://example.com/a)\n")),
    Case(
        "original-article",
        fm(title="B", body=BODY + "原文链接：[一篇报道](https://example.com/a)\n"),
    ),
    # "Original report:", "original link:", as a Chinese university lab's news ends its articles.
    Case(
        "original-report",
        fm(title="B", body=BODY + "原始报道：[示例平台](https://example.com/a)\n"),
    ),
    Case(
        "original-link-traditional",
        fm(title="B", body=BODY + "原始鏈接：[示例平台](https://example.com/a)\n"),
    ),
    # Taiwan's words: 連結 (link), 報導 (report); "data source" and "news source" labels.
    Case(
        "original-link-taiwan",
        fm(title="B", body=BODY + "原文連結：[示例新聞](https://example.com/a)\n"),
    ),
    Case(
        "original-report-taiwan",
        fm(title="B", body=BODY + "原始報導：[示例新聞](https://example.com/a)\n"),
    ),
    Case(
        "data-source-traditional",
        fm(title="B", body=BODY + "**資料來源**：[示例新聞](https://example.com/a)\n"),
    ),
    Case(
        "news-source-simplified",
        fm(title="B", body=BODY + "新闻来源：[示例新闻](https://example.com/a)。\n"),
    ),
    Case(
        # A label is a whole word: "来源" inside another word before the colon is no label.
        "source-inside-other-word",
        fm(title="B", body=BODY + "图片来源：[示例图库](https://example.com/a)\n"),
        errors=[("missing", 7, 1)],
    ),
    Case("japanese", fm(title="B", body=BODY + "出典：[サンプル](https://example.com/a)\n")),
    Case("korean", fm(title="B", body=BODY + "출처: [샘플 뉴스](https://example.com/a)\n")),
    Case("german", fm(title="B", body=BODY + "Quelle: [Beispiel](https://example.com/a)\n")),
    Case("spanish", fm(title="B", body=BODY + "Fuente: [Ejemplo](https://example.com/a)\n")),
    Case(
        # As an Indonesian government newsroom writes it, a space before the colon.
        "indonesian",
        fm(title="B", body=BODY + "sumber : [_example.com_](http://www.example.com/a)\n"),
    ),
    Case("vietnamese", fm(title="B", body=BODY + "Nguồn: [VnExpress](https://example.com/a)\n")),
    Case("turkish", fm(title="B", body=BODY + "Kaynak: [Haber](https://example.com/a)\n")),
    # Decomposed text, as macOS writes it (NFD: `o` and two combining marks, Hangul as its jamo)
    # and Vietnamese "tổ hợp" input (`ô` and the tone's mark). Browsers show the composed labels.
    Case(
        "vietnamese-tone-apart",
        fm(title="B", body=BODY + "Ngu\u00f4\u0300n: [VnExpress](https://example.com/a)\n"),
    ),
    Case(
        "vietnamese-decomposed",
        fm(title="B", body=BODY + "Nguo\u0302\u0300n: [VnExpress](https://example.com/a)\n"),
    ),
    Case(
        "korean-decomposed",
        fm(
            title="B",
            body=BODY + "\u110e\u116e\u11af\u110e\u1165: [샘플 뉴스](https://example.com/a)\n",
        ),
    ),
    # The whole line in parentheses, as an old Dutch blog credits a newspaper; a full stop may
    # end it inside. A parenthesis left open still names and links the source: a slip of
    # punctuation, no missing source; words after the link make it no source line.
    Case(
        "in-parentheses",
        fm(title="B", body=BODY + "(bron: [Rotterdams Dagblad](https://example.nl/a?b=(1)))\n"),
    ),
    Case(
        "in-parentheses-full-stop",
        fm(title="B", body=BODY + "(Quelle: [dpa](https://dpa.de/a).)\n"),
    ),
    Case(
        "parenthesis-left-open",
        fm(title="B", body=BODY + "(Source: [AP](https://apnews.com/a)\n"),
    ),
    Case(
        "parenthesis-left-open-words-after",
        fm(title="B", body=BODY + "(Source: [AP](https://apnews.com/a) and others\n"),
        errors=[("missing", 7, 1)],
    ),
    # Chinese and Japanese news close an article with the credit in full-width parentheses;
    # closed with a half-width one, the line is a source line all the same.
    Case(
        "in-full-width-parentheses",
        fm(title="B", body=BODY + "（来源：[新华社](https://example.com/a)）\n"),
    ),
    Case(
        "in-full-width-parentheses-full-stop",
        fm(title="B", body=BODY + "（出典：[共同通信](https://example.com/a)）。\n"),
    ),
    Case(
        "full-width-parenthesis-closed-half-width",
        fm(title="B", body=BODY + "（来源：[新华社](https://example.com/a))\n"),
    ),
    # A source link alone in quotation marks, as Arabic and French sites set it: `« [x](url) »`;
    # other words in the quotation make it no source line.
    Case(
        "in-guillemets",
        fm(title="B", body=BODY + "« [المصدر](https://example.com/a) »\n"),
    ),
    Case(
        "in-guillemets-no-break-spaces-full-stop",
        fm(title="B", body=BODY + "«\u00a0*[Le Monde](https://example.com/a)*\u00a0».\n"),
    ),
    Case(
        "in-guillemets-with-words",
        fm(title="B", body=BODY + "« Voir [Le Monde](https://example.com/a) »\n"),
        errors=[("missing", 7, 1)],
    ),
    # Parentheses in emphasis, as Spanish, Portuguese, Italian and German sites set a credit off.
    Case(
        "emphasised-parentheses",
        fm(title="B", body=BODY + "*(Fuente: [EFE](https://efe.com/a))*\n"),
    ),
    Case(
        "bold-parentheses", fm(title="B", body=BODY + "**(Fonte: [Lusa](https://lusa.pt/a).)**\n")
    ),
    Case(
        "underscored-parentheses",
        fm(title="B", body=BODY + "_(Quelle: [dpa](https://dpa.de/a))_\n"),
    ),
    Case(
        "emphasised-parentheses-citation",
        fm(title="B", body=BODY + "> *(Fonte: ANSA, [ansa.it](https://ansa.it/a))*\n"),
    ),
    # left open in emphasis too: a slip of punctuation, the source still named and linked
    Case(
        "emphasised-parentheses-left-open",
        fm(title="B", body=BODY + "*(Fuente: [EFE](https://efe.com/a)*\n"),
    ),
    Case(
        "emphasised-parentheses-other-words",
        fm(title="B", body=BODY + "*(Leer también: [EFE](https://efe.com/a))*\n"),
        errors=[("missing", 7, 1)],
    ),
    # French sets a no-break space (or a narrow one) before the colon.
    Case(
        "french-no-break-space",
        fm(title="B", body=BODY + "Source\u00a0: [AFP](https://afp.com/a)\n"),
    ),
    Case(
        "french-narrow-no-break-space",
        fm(title="B", body=BODY + "*(Source\u202f: [AFP](https://afp.com/a))*\n"),
    ),
    Case("arabic", fm(title="B", body=BODY + "المصدر: [الخبر](https://example.com/a)\n")),
    Case("ukrainian", fm(title="B", body=BODY + "Джерело: [Новина](https://example.com/a)\n")),
    Case(
        "in-a-block-quote",
        fm(title="B", body=BODY + "> 原文链接：[一篇报道](https://example.com/a)\n"),
    ),
    Case(
        "after-a-clause",
        fm(
            title="B", body=BODY + "> 本文由机器翻译，原文链接：[一篇报道](https://example.com/a)\n"
        ),
    ),
    # A body whose paragraphs a scraper ran into one line (an Indonesian prosecutor's office's
    # press releases) ends in its labelled source after the last sentence; words that are no
    # source label after a sentence (`Related:`) name no source.
    Case(
        "label-after-sentences-on-one-line",
        fm(
            title="B",
            body="The budget passed on Tuesday. The vote was close. "
            "_Sumber : [Kejaksaan.go.id](https://kejaksaan.go.id/a)_\n",
        ),
    ),
    # Translated news credits its translator and proofreader under the labelled source line (a
    # Russian Monero news site, every article); without a label above them the credits' links
    # name no source, and neither does a source label above prose.
    Case(
        "credits-under-the-source",
        fm(
            title="B",
            body=BODY + "_Источник: [Cointelegraph](https://cointelegraph.com/news/a)_\n\n"
            "_Перевод: [Ivan](https://t.me/ivan)_  \n_Коррекция: [Olga](https://t.me/olga)_\n",
        ),
    ),
    Case(
        "credit-under-a-chinese-source",
        fm(title="B", body=BODY + "原文链接：[一篇报道](https://example.com/a)\n译者：小王\n"),
    ),
    # A machine-translated reprint site ends every article in a block quote: the source line, an
    # empty quote line and the time of the translation.
    Case(
        "translation-time-under-the-source",
        fm(
            title="B",
            body=BODY + "> 本文由AI自动翻译，原文链接：[一篇报道](https://example.com/a)\n> \n"
            "> 翻译时间：2026-01-05 17:29\n",
        ),
    ),
    Case(
        "translation-date-under-a-traditional-source",
        fm(
            title="B",
            body=BODY + "原文連結：[一篇報導](https://example.com/a)\n\n翻譯日期：2018年3月25日\n",
        ),
    ),
    Case(
        "translated-by-under-the-source",
        fm(title="B", body=BODY + "Source: [AP](https://apnews.com/a)\n\nTranslated by Ana\n"),
    ),
    Case(
        "credits-under-an-unlabelled-link",
        fm(
            title="B",
            body=BODY + "[Cointelegraph](https://cointelegraph.com/news/a)\n\n"
            "_Перевод: [Ivan](https://t.me/ivan)_\n",
        ),
        errors=[("missing", 9, 1)],
    ),
    Case(
        "credits-under-prose",
        fm(title="B", body=BODY + "The vote was close.\n\nPhoto: [AP](https://apnews.com/p)\n"),
        errors=[("missing", 9, 1)],
    ),
    Case(
        "other-words-after-a-sentence",
        fm(title="B", body=BODY + "The vote was close. Related: [More](https://example.com/a)\n"),
        errors=[("missing", 7, 1)],
    ),
    # A citation between the label and the line's one link, as a Greek news site credits a
    # government page; a citation that holds a second link, or a link that does not end the
    # line, is no source line.
    Case(
        "label-citation-link",
        fm(
            title="B",
            body=BODY + '**Πηγή:** Υπουργείο Υγείας, "Οδηγίες," GOV.UK, 11 Αυγούστου 2026 — '
            "[gov.uk/guidance](https://www.gov.uk/guidance/a)\n",
        ),
    ),
    Case(
        "label-citation-two-links",
        fm(
            title="B",
            body=BODY
            + "Source: [A](https://example.com/a) report, via [B](https://example.org/b)\n",
        ),
        errors=[("missing", 7, 1)],
    ),
    Case(
        "label-citation-link-not-last",
        fm(title="B", body=BODY + "Source: the [ministry](https://example.com/a) said so\n"),
        errors=[("missing", 7, 1)],
    ),
    Case(
        "other-label-citation",
        fm(title="B", body=BODY + "Related: our report — [Example](https://example.com/a)\n"),
        errors=[("missing", 7, 1)],
    ),
    Case(
        "other-label",
        fm(title="B", body=BODY + "Related: [Example News](https://example.com/a)\n"),
        errors=[("missing", 7, 1)],
    ),
    Case(
        "two-links",
        fm(
            title="B",
            body=BODY + "Source: [A](https://example.com/a), [B](https://example.org/b)\n",
        ),
        errors=[("missing", 7, 1)],
    ),
    Case(
        "label-without-link",
        fm(title="B", body=BODY + "Source: Example News\n"),
        errors=[("missing", 7, 1)],
    ),
    Case(
        "label-with-relative-link",
        fm(title="B", body=BODY + "Source: [home](/news/)\n"),
        errors=[("missing", 7, 1)],
    ),
    Case(
        "label-in-code-span",
        fm(title="B", body=BODY + "`Source: [A](https://example.com/a)`\n"),
        errors=[("missing", 7, 1)],
    ),
]

# Reference definitions show nothing: the source line is the last line before them.
REFERENCE_CASES = [
    Case(
        "reference-link-then-definitions",
        fm(
            title="B",
            body=BODY + '[Example News][src]\n\n[src]: https://example.com/a\n[x]: /x "X"\n',
        ),
    ),
    Case(
        "labelled-reference-link",
        fm(title="B", body=BODY + "Source: [Example News][1]\n\n[1]: https://example.com/a\n"),
    ),
    Case(
        "definitions-after-prose",
        fm(title="B", body=BODY + "More text here.\n\n[src]: https://example.com/a\n"),
        errors=[("missing", 7, 1)],
    ),
    # A line that only looks like a definition but continues a paragraph is shown.
    Case(
        "lazy-continuation-is-shown",
        fm(
            title="B",
            body=BODY + "[Example News](https://example.com/a)\n[src]: https://example.com/b\n",
        ),
        errors=[("missing", 8, 1)],
    ),
]


# A source line with a label may open the body instead, as reprints and translations credit their
# source above the story (a Chinese aggregator's `**来源**: [36氪](url)`); a bare link there, or one
# under another label, may be anything.
OPENING_CASES = [
    Case(
        "label-opens-the-body",
        fm(body="来源：[新华社](https://www.news.cn/a)\n\n港口周五重新开放。\n", title="B"),
    ),
    Case(
        "bold-label-with-a-hard-break-opens-the-body",
        fm(
            body="**来源**: [36氪](https://36kr.com/p/1)  \n**日期**: 2026年5月25日\n\n港口周五重新开放。\n",
            title="B",
        ),
    ),
    Case(
        "quoted-label-opens-the-body",
        fm(
            body="> Source: [Reuters](https://www.reuters.com/a)\n\nThe port reopened.\n", title="B"
        ),
    ),
    Case(
        "label-after-a-comment-opens-the-body",
        fm(
            body="<!-- imported -->\nSource: [AP](https://apnews.com/a)\n\nThe port reopened.\n",
            title="B",
        ),
    ),
    Case(
        "bare-link-opening-the-body-is-no-source",
        fm(body="[Reuters](https://www.reuters.com/a)\n\nThe port reopened.\n", title="B"),
        errors=[("missing", 7, 1)],
    ),
    Case(
        "other-label-opening-the-body-is-no-source",
        fm(body="Related: [Port news](https://example.org/a)\n\nThe port reopened.\n", title="B"),
        errors=[("missing", 7, 1)],
    ),
    Case(
        "label-in-a-code-block-is-no-source",
        fm(body="```\nSource: [AP](https://apnews.com/a)\n```\n\nThe port reopened.\n", title="B"),
        errors=[("missing", 9, 1)],
    ),
    Case(
        "label-opening-a-body-of-one-line",
        fm(body="Source: [AP](https://apnews.com/a)\n", title="B"),
    ),
    # Japanese digests restate the headline in a block quote, then credit what they quote.
    Case(
        "japanese-label-below-a-quoted-headline-opens-the-body",
        fm(
            body="> 港が再開\n\n引用元：[https://news.example.org/1](https://news.example.org/1)\n\n"
            "港は金曜日に再開した。\n",
            title="B",
        ),
    ),
    Case(
        "label-below-a-heading-opens-the-body",
        fm(body="# Port\n\nSource: [AP](https://apnews.com/a)\n\nThe port reopened.\n", title="B"),
    ),
    Case(
        "label-below-the-story-s-first-paragraph-is-no-opening",
        fm(
            body="The port reopened.\n\nSource: [AP](https://apnews.com/a)\n\nShips wait.\n",
            title="B",
        ),
        errors=[("missing", 9, 1)],
    ),
    # A last link back to the site's list is no source line: the opening one still counts.
    Case(
        "last-link-to-a-page-of-the-site-below-a-labelled-opening",
        fm(
            body="来源：[新华社](https://www.news.cn/a)\n\n港口周五重新开放。\n\n[返回列表](/posts/)\n",
            title="B",
        ),
    ),
]


# After a label a bare URL is the link Hugo makes of it; glued to a full-width colon Hugo leaves it
# as text (checked with hugo 0.168), so it links nothing.
BARE_URL_CASES = [
    Case(
        "labelled-bare-url-ends-the-body",
        fm(body="The port reopened.\n\nSource: https://www.reuters.com/a\n", title="B"),
    ),
    Case(
        "bare-url-after-a-spaced-full-width-colon",
        fm(body="港は再開した。\n\n引用元： https://news.example.org/1\n", title="B"),
    ),
    Case(
        "bare-url-glued-to-a-full-width-colon-is-text",
        fm(body="港は再開した。\n\n引用元：https://news.example.org/1\n", title="B"),
        errors=[("missing", 7, 1)],
    ),
    Case(
        "unlabelled-bare-url-is-no-source-line",
        fm(body="The port reopened.\n\nhttps://www.reuters.com/a\n", title="B"),
        errors=[("missing", 7, 1)],
    ),
]


@pytest.mark.parametrize("case", BARE_URL_CASES, ids=lambda c: c.name)
def test_a_bare_url_after_a_source_label(case: Case) -> None:
    assert_case(SourceLinkMissing, case)


@pytest.mark.parametrize("case", OPENING_CASES, ids=lambda c: c.name)
def test_a_labelled_source_line_may_open_the_body(case: Case) -> None:
    assert_case(SourceLinkMissing, case)


@pytest.mark.parametrize("case", LABEL_CASES + REFERENCE_CASES, ids=lambda c: c.name)
def test_source_link_forms(case: Case) -> None:
    assert_case(SourceLinkMissing, case)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_source_link_missing(case: Case) -> None:
    assert_case(SourceLinkMissing, case)


@pytest.mark.parametrize(
    ("last_line", "url"),
    [
        ("[r](https://r.com/a 'Reuters')", "https://r.com/a"),
        ("[r](https://r.com/a (Reuters))", "https://r.com/a"),
        ('[r](<https://r.com/a b> "R")', "https://r.com/a%20b"),
        ("[r](https://r.com/a?x=1&amp;y=2)", "https://r.com/a?x=1&y=2"),
        ("[r](https://r.com/\\(a\\))", "https://r.com/(a)"),
        ("[fx](https://fx.com/Pi Network-1)", "https://fx.com/Pi%20Network-1"),
    ],
)
def test_the_source_url_is_the_link_target(last_line: str, url: str) -> None:
    from newslint.document import Document
    from newslint.rules._links import find_source_link

    found = find_source_link(Document.from_text(fm(body=BODY + last_line + "\n"), "a.md"), "source")
    assert found is not None and found.url == url


def test_the_source_link_is_worked_out_per_document_and_field() -> None:
    # Three rules ask `find_source_link` for the same document in a row; the answer is kept for
    # that document and field only.
    from newslint.document import Document
    from newslint.rules._links import find_source_link
    from newslint.site import Site

    text = '---\nsource: "https://a.example/x"\nlink: "https://b.example/y"\n---\nBody.\n'
    first = Document.from_text(text, "a.md", Site())
    found = find_source_link(first, "source")
    assert found is not None and found.url == "https://a.example/x"
    assert find_source_link(first, "source") is found
    other = find_source_link(first, "link")
    assert other is not None and other.url == "https://b.example/y"
    second = Document.from_text(text.replace("a.example", "c.example"), "a.md", Site())
    again = find_source_link(second, "source")
    assert again is not None and again.url == "https://c.example/x"
    assert (
        find_source_link(Document.from_text("---\n---\nBody.\n", "a.md", Site()), "source") is None
    )


# A page readers never see (`headless: true`, or `build` with `render` and `list` both never or
# false, also under the older `_build`) is a fragment other pages draw from, not an article: it
# needs no source link.
NEVER_RENDERED = [
    Case("headless", fm(body=BODY, title="Fragment", headless=True)),
    Case(
        "render-and-list-never",
        fm(body=BODY, title="Fragment", build={"render": "never", "list": "never"}),
    ),
    Case(
        "render-and-list-false",
        # Booleans: hugo 0.168 reads false as never (the string "false" it does not).
        fm(body=BODY, title="Fragment", build={"render": False, "list": False}),
    ),
    Case(
        "legacy-build-toml",
        '+++\n[_build]\n  render = "never"\n  list = "never"\n+++\n{{< fragment >}}\n',
    ),
    # Listed without being rendered: the card in the list is still an article's.
    Case(
        "render-never-still-listed",
        fm(body=BODY, title="Budget", build={"render": "never", "list": "local"}),
        errors=[("missing", 8, 1)],
    ),
    # Rendered but not listed: still a page readers open.
    Case(
        "list-never-still-rendered",
        fm(body=BODY, title="Budget", build={"list": "never"}),
        errors=[("missing", 7, 1)],
    ),
    Case(
        "render-link-still-published",
        fm(body=BODY, title="Budget", build={"render": "link"}),
        errors=[("missing", 7, 1)],
    ),
]


# A page its own layout draws with no body (an archive or a search page) is no article.
TEMPLATE_PAGES = [
    Case("archives-page", '---\ntitle: Archive\nlayout: "archives"\n---\n'),
    Case("search-page-toml", '+++\ntitle = "Search"\nlayout = "search"\n+++\n\n'),
    Case(
        "layout-with-a-body-is-an-article",
        "---\ntitle: Budget\nlayout: post\n---\n\nThe budget passed.\n",
        errors=[("missing", 6, 1)],
    ),
    # A page that puts itself in a menu is a standing page (About, Links), no article.
    Case("menu-page", "---\ntitle: About\nmenu:\n  main:\n    weight: -90\n---\n\nAbout us.\n"),
    Case(
        "page-a-config-menu-names",
        "---\ntitle: About\n---\n\nAbout us.\n",
        path="/site/content/about.md",
        site=Site(root=Path("/site"), raw={"menus": {"main": [{"pageRef": "/about"}]}}),
    ),
    Case(
        "empty-menu-is-an-article",
        "---\ntitle: Budget\nmenu: []\n---\n\nThe budget passed.\n",
        errors=[("missing", 6, 1)],
    ),
]


@pytest.mark.parametrize("case", TEMPLATE_PAGES, ids=lambda c: c.name)
def test_pages_drawn_by_their_layout_need_no_source(case: Case) -> None:
    assert_case(SourceLinkMissing, case)


@pytest.mark.parametrize("case", NEVER_RENDERED, ids=lambda c: c.name)
def test_never_rendered_pages_need_no_source(case: Case) -> None:
    assert_case(SourceLinkMissing, case)


@pytest.mark.parametrize(
    ("line", "end"),
    [
        ("Source:  [R](u)", 9),
        ("本文由某某翻译，  **来源** ：  [R](u)", 20),
        (">  Source \t**:** [R](u)", 17),
        ("a," + " " * 50 + "b", None),  # spaces possessive: no label, found at once
        ("It passed. Source: [R](u)", 19),
        ("It passed." + " " * 50 + "b", None),
    ],
)
def test_source_label_with_runs_of_spaces(line: str, end: int | None) -> None:
    from newslint.rules._links import _SOURCE_LABEL

    label = _SOURCE_LABEL.match(line)
    assert (label.end() if label else None) == end


@pytest.mark.parametrize(
    ("fields", "hint"),
    [
        # A real Turkish site keeps the source in `source_url`: the message names it.
        (
            {"source_url": "https://haber.example.com.tr/a"},
            " ('source_url' holds one: name it in the config key source-field)",
        ),
        (
            {"sourceLink": " https://haber.example.com.tr/a "},
            " ('sourceLink' holds one: name it in the config key source-field)",
        ),
        # Importers' other names for the page an article was taken from (real sites: a feed
        # clipper's `posturl`, a bulletin digest's `external_url`).
        (
            {"posturl": "https://time.com/a"},
            " ('posturl' holds one: name it in the config key source-field)",
        ),
        (
            {"external_url": "https://helpx.adobe.com/a.html"},
            " ('external_url' holds one: name it in the config key source-field)",
        ),
        # A placeholder a template or translation tool left (real sites: hugo-news' "original
        # address" `https://原文地址`, a reprint archive's `https://example.com/...`).
        (
            {"original_url": "https://原文地址"},
            " ('original_url' holds 'https://原文地址', a placeholder)",
        ),
        (
            {"original_url": "https://example.com/original-news"},
            " ('original_url' holds 'https://example.com/original-news', a placeholder)",
        ),
        # The MemE theme's reprint fields: `original = false`, `link` to the article reprinted.
        (
            {"link": "https://io-oi.me/en-us/"},
            " ('link' holds one: name it in the config key source-field)",
        ),
        # Not a web URL, or not a source-like key: no hint.
        ({"source_url": "/news/a/"}, ""),
        ({"canonical": "https://example.com/a"}, ""),
        ({"permalink": "https://example.org/a"}, ""),
        ({"imagelink": "https://example.org/a.png"}, ""),
    ],
)
def test_missing_message_names_a_source_like_field(fields: dict[str, str], hint: str) -> None:
    from newslint.engine import check_text

    found = check_text(fm(title="B", body=BODY, **fields), select=["LK001"])
    assert [(d.line, d.column, d.message) for d in found] == [
        (
            5 + len(fields),
            1,
            "no source link: the last line is no [name](url) link and there is no 'source' field"
            " with a URL" + hint,
        )
    ]


@pytest.mark.parametrize(
    ("source", "line", "column"),
    [
        # The source field, and the last line, holding a host no reader can reach.
        ({"source": "https://原文地址"}, 3, 9),
        ({}, 7, 1),
    ],
)
def test_a_source_on_no_public_site_is_a_placeholder(
    source: dict[str, str], line: int, column: int
) -> None:
    body = BODY if source else BODY + "原文链接：[原文](https://原文地址)\n"
    case = Case(
        "placeholder", fm(title="B", body=body, **source), errors=[("placeholder", line, column)]
    )
    assert_case(SourceLinkMissing, case)


# A link on a line of its own that ends a sentence the line above left off (hard-wrapped prose:
# "... the Drupal Association website at" / "<http://association.drupal.org/>", on a real lab's
# news page) is the end of that sentence to the reader, no source line.
WRAPPED_CASES = [
    Case(
        "a-link-ending-a-wrapped-sentence",
        fm(body="Visit the association's website at\n<https://association.example.org/>\n"),
        errors=[("missing", 5, 1)],
    ),
    Case(
        "a-link-after-a-wrapped-comma",
        fm(body="The budget passed, said the minister to\nreporters,\n" + SOURCE),
        errors=[("missing", 6, 1)],
    ),
    Case(
        "a-link-under-a-finished-sentence",
        fm(body="The budget passed on Tuesday.\n" + SOURCE),
    ),
    Case(
        "a-link-under-a-label-without-its-colon",
        fm(body=BODY + "Source\n" + SOURCE),
    ),
    Case(
        "a-labelled-source-under-a-wrapped-line",
        fm(body="The budget passed, said the minister\nSource: " + SOURCE),
    ),
    Case(
        "a-link-in-a-paragraph-of-its-own",
        fm(body="Visit the association's website at\n\n" + SOURCE),
    ),
]


@pytest.mark.parametrize("case", WRAPPED_CASES, ids=lambda c: c.name)
def test_a_link_ending_a_wrapped_sentence_is_no_source(case: Case) -> None:
    assert_case(SourceLinkMissing, case)


# A list of URLs in the source field: each is a source (hugo gives the page the list as
# `.Params.source`); under `params` it is the page's source, over a top-level one.
SOURCE_LIST_CASES = [
    Case("source-list", fm(body=BODY, title="B", source=["Reuters", "https://www.reuters.com/a"])),
    Case(
        "source-list-without-a-url",
        fm(body=BODY, title="B", source=["Reuters", 3]),
        errors=[("missing", 8, 1)],
    ),
    Case(
        "source-list-with-a-placeholder",
        fm(body=BODY, title="B", source=["https://www.reuters.com/a", "https://原文地址"]),
        errors=[("placeholder", 5, 5)],
    ),
    Case(
        "source-under-params",
        fm(body=BODY, title="B", params=Raw("{source: [https://www.reuters.com/a]}")),
    ),
    Case(
        "source-under-params-wins-over-top-level",
        fm(body=BODY, title="B", source="https://r.com/a", params=Raw("{source: Reuters}")),
        errors=[("missing", 7, 1)],
    ),
]


@pytest.mark.parametrize("case", SOURCE_LIST_CASES, ids=lambda c: c.name)
def test_source_lists_and_params(case: Case) -> None:
    assert_case(SourceLinkMissing, case)


def test_the_hint_names_a_list_of_sources_under_another_key() -> None:
    from newslint.engine import check_text

    text = fm(body=BODY, title="B", sources=["https://www.reuters.com/a"])
    found = check_text(text, select=["LK001"])
    assert [d.message for d in found] == [
        "no source link: the last line is no [name](url) link and there is no 'source' field "
        "with a URL ('sources' holds one: name it in the config key source-field)"
    ]


def test_the_hint_names_a_source_like_key_under_params() -> None:
    from newslint.engine import check_text

    text = fm(body=BODY, title="B", params=Raw("{source_url: 'https://www.reuters.com/a'}"))
    found = check_text(text, select=["LK001"])
    assert [d.message for d in found] == [
        "no source link: the last line is no [name](url) link and there is no 'source' field "
        "with a URL ('source_url' holds one: name it in the config key source-field)"
    ]


# A documentation page (type `docs`, own, cascaded or from its top-level section) cites no source.
DOCS_SITE = Site(root=Path("/site"), docs_layouts=True)
DOCUMENTATION_PAGES = [
    Case("docs-type", "---\ntitle: Install\ntype: docs\n---\n\nRun the installer.\n"),
    Case(
        "docs-section",
        "---\ntitle: Install\n---\n\nRun the installer.\n",
        path="/site/content/docs/install.md",
        site=DOCS_SITE,
    ),
    Case(
        "docs-section-of-a-site-without-docs-layouts-is-an-article",
        "---\ntitle: Install\n---\n\nRun the installer.\n",
        path="/site/content/docs/install.md",
        site=Site(root=Path("/site")),
        errors=[("missing", 5, 1)],
    ),
    Case(
        "news-section-is-an-article",
        "---\ntitle: Install\n---\n\nRun the installer.\n",
        path="/site/content/news/install.md",
        site=DOCS_SITE,
        errors=[("missing", 5, 1)],
    ),
]


@pytest.mark.parametrize("case", DOCUMENTATION_PAGES, ids=lambda c: c.name)
def test_documentation_pages_need_no_source(case: Case) -> None:
    assert_case(SourceLinkMissing, case)


BLOWFISH = Site(root=Path("/site"), themes=("github.com/nunocoracao/blowfish/v2",))

EXTERNAL_URL_CASES = [
    # Congo and Blowfish link an article with an `externalUrl` to that address (their documented
    # front matter): the article published on another site, its source.
    Case(
        "external-url-on-blowfish",
        fm(title="B", body=BODY, externalUrl="https://www.reuters.com/world/budget/"),
        site=BLOWFISH,
    ),
    Case(
        "external-url-under-params-on-congo",
        fm(title="B", body=BODY, params={"externalUrl": "https://www.reuters.com/a/"}),
        site=Site(root=Path("/site"), theme="congo"),
    ),
    Case(
        "external-url-placeholder-on-blowfish",
        fm(title="B", body=BODY, externalUrl="https://localhost/a"),
        site=BLOWFISH,
        errors=[("placeholder", 3, 14)],
    ),
    # Not a web address, or another theme: no source.
    Case(
        "external-url-not-a-url",
        fm(title="B", body=BODY, externalUrl="/news/a/"),
        site=BLOWFISH,
        errors=[("missing", 6, 1)],
    ),
    Case(
        "external-url-on-another-theme",
        fm(title="B", body=BODY, externalUrl="https://www.reuters.com/a/"),
        site=Site(root=Path("/site"), theme="PaperMod"),
        errors=[("missing", 6, 1)],
    ),
]


@pytest.mark.parametrize("case", EXTERNAL_URL_CASES, ids=lambda c: c.name)
def test_an_external_url_is_the_source_on_congo_and_blowfish(case: Case) -> None:
    assert_case(SourceLinkMissing, case)
