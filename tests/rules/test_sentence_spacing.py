from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint.rules.sentence_spacing import SentenceSpacing
from newslint.testing import Case, assert_case, fm
from newslint.textutil import may_miss_sentence_spaces, missing_sentence_spaces

SEED_LINE = 'Following the meeting, the US President said,"After our meeting today, all agreed."\n'

CASES = [
    Case("clean", fm(body="The rally ended. The talks went on.\n", summary="It rose. It fell.")),
    Case(
        "seed-said-quote",
        fm(body=SEED_LINE),
        errors=[("glued", 4, 45)],
        fixed=fm(body=SEED_LINE.replace('said,"', 'said, "')),
    ),
    Case(
        "summary-two-in-one-value",
        fm(summary="Stocks fell on preparedness.The index rose 5%.Traders cheered the news."),
        errors=[("glued", 2, 38), ("glued", 2, 56)],
        fixed=fm(
            summary="Stocks fell on preparedness. The index rose 5%. Traders cheered the news."
        ),
    ),
    Case(
        "two-on-one-body-line",
        fm(body="Shares fell sharply.Bonds rallied?Gold did too.\n"),
        errors=[("glued", 4, 20), ("glued", 4, 34)],
        fixed=fm(body="Shares fell sharply. Bonds rallied? Gold did too.\n"),
    ),
    Case(
        "year-and-parenthesis",
        fm(body="It doubles by 2027.Trump said this week, citing (VOA).The end came.\n"),
        errors=[("glued", 4, 19), ("glued", 4, 54)],
        fixed=fm(body="It doubles by 2027. Trump said this week, citing (VOA). The end came.\n"),
    ),
    Case(
        # Markdown source with escapes: judged as it shows (`said,"After`), fixed in the source.
        "body-escaped-quote-and-period",
        fm(body='She said,\\"After the vote we left\\." The talks ended\\.The rest waited.\n'),
        errors=[("glued", 4, 9), ("glued", 4, 54)],
        fixed=fm(
            body='She said, \\"After the vote we left\\." The talks ended\\. The rest waited.\n'
        ),
    ),
    Case(
        "title-escaped-quote",
        fm(title='He said,"We won" today'),
        errors=[("glued", 2, 16)],
        fixed=fm(title='He said, "We won" today'),
    ),
    Case(
        "false-alarms-left-alone",
        fm(
            body=(
                "Visit https://example.com/News.Today or example.com today, mail ed@news.Com now.\n\n"
                "Growth was 3.5 percent in the U.S.The data came from e.g.Reuters again.\n\n"
                "Use Node.js and ASP.NET here, or math.Abs in Go, or index.Html please.\n\n"
                "The ratio,2 to 1,is fine; the value x,y stays and foo,bar too.\n\n"
                "Read the page.Title method, the next one.McDonald sold.\n"
            )
        ),
    ),
    Case("lone-name-titles", fm(title="math.Abs", summary="See time.Format")),
    Case(
        # A changelog's lines open in lower case: no sentence ends in them, so the stop joins a
        # name and its member (`os.Exit`, `net.Dial`, `log.Printf`).
        "names-in-lower-case-lines-left-alone",
        fm(
            body=(
                "* call os.Exit when the server stops\n"
                "* plugin/forward: use net.Dial for all the upstreams\n\n"
                "pass the value to log.Printf from the handler\n"
            )
        ),
    ),
    Case(
        # The stop of an abbreviation (`M.D.`, `EE.UU.`, `etc.`) before a lower-case word ends no
        # sentence: the line still opens in upper case, so a later stop glues two sentences.
        "glued-after-an-abbreviation-before-lower-case",
        fm(
            body="Chaired by Ann Lee, M.D. and held in the town hall.Delegates came from six agencies.\n"
        ),
        errors=[("glued", 4, 51)],
        fixed=fm(
            body="Chaired by Ann Lee, M.D. and held in the town hall. Delegates came from six agencies.\n"
        ),
    ),
    Case(
        "glued-after-an-abbreviation-with-no-initials",
        fm(body="Bikes, tools, etc. are repaired in the hall.Volunteers meet on Mondays.\n"),
        errors=[("glued", 4, 44)],
        fixed=fm(body="Bikes, tools, etc. are repaired in the hall. Volunteers meet on Mondays.\n"),
    ),
    Case(
        # No program's name is written outside ASCII: a paragraph that opens in lower case
        # (a sentence's capital lost) or a list item still glues two sentences.
        "non-ascii-words-in-lower-case-lines-still-glued",
        fm(
            body="гід з наклейкою.Від моменту прибуття\n\n* він прийшов додому.Потім він пішов далі\n"
        ),
        errors=[("glued", 4, 16), ("glued", 6, 21)],
        fixed=fm(
            body="гід з наклейкою. Від моменту прибуття\n\n* він прийшов додому. Потім він пішов далі\n"
        ),
    ),
    Case(
        # A word that opens sentences is a glued one there too; a line that goes on a wrapped
        # paragraph or quotation opens no sentence, so the paragraph's first word decides.
        "lower-case-lines-still-glued",
        fm(
            body=(
                "* the minister resigned.The party said so\n\n"
                "Officials met on Monday to discuss the\nplan.Critics said it would fail.\n\n"
                "> Officials met again\n> and they met later.Critics said so too\n"
            )
        ),
        errors=[("glued", 4, 24), ("glued", 7, 5), ("glued", 10, 21)],
        fixed=fm(
            body=(
                "* the minister resigned. The party said so\n\n"
                "Officials met on Monday to discuss the\nplan. Critics said it would fail.\n\n"
                "> Officials met again\n> and they met later. Critics said so too\n"
            )
        ),
    ),
    Case(
        # A short lower-case name without a vowel is a variable or package (Go's `wg.Add` in
        # release notes), no sentence's end; a word with one still is (`rhythm` has its `y`).
        "vowelless-name-left-alone",
        fm(
            body=(
                "* transfer: fixed calling wg.Add in main goroutine to avoid races\n"
                "* core: check (ctx.Done in every loop of the server\n\n"
                "They kept the rhythm.Officials said it was fine.\n\n"
                "The storm moved at 20 mph.Forecasters said it would turn, 5 km.The rest fell.\n"
            )
        ),
        errors=[("glued", 7, 21), ("glued", 9, 26), ("glued", 9, 63)],
        fixed=fm(
            body=(
                "* transfer: fixed calling wg.Add in main goroutine to avoid races\n"
                "* core: check (ctx.Done in every loop of the server\n\n"
                "They kept the rhythm. Officials said it was fine.\n\n"
                "The storm moved at 20 mph. Forecasters said it would turn, 5 km. The rest fell.\n"
            )
        ),
    ),
    Case(
        # A one-letter word of the page's language that opens sentences (`A`, `I` in English) is a
        # glued sentence in a lower-case line too; a member named by a letter is not (`math.E`
        # and, before a word that never follows the article, `color.A`).
        "lower-case-lines-one-letter-opener",
        fm(
            body=(
                "* the bill passed.A spokesperson said so\n"
                "* use math.E as the base and set color.A to 255\n\n"
                "the vote failed.I think it will pass\n"
            )
        ),
        errors=[("glued", 4, 18), ("glued", 7, 16)],
        fixed=fm(
            body=(
                "* the bill passed. A spokesperson said so\n"
                "* use math.E as the base and set color.A to 255\n\n"
                "the vote failed. I think it will pass\n"
            )
        ),
    ),
    Case(
        # In Spanish `Y` opens sentences, in English it does not (`p.Y` is a member).
        "lower-case-lines-one-letter-opener-spanish",
        fm(body="* el proyecto fue aprobado.Y después cayó\n* set p.Y to zero then\n"),
        path="content/es/news/article.es.md",
        errors=[("glued", 4, 27)],
        fixed=fm(body="* el proyecto fue aprobado. Y después cayó\n* set p.Y to zero then\n"),
    ),
    Case(
        # On a page that shows code (a span or a fenced block), a lower-case name glued to a
        # capitalised member is a program's name even in a paragraph that opens with a capital.
        "names-on-a-page-with-code-left-alone",
        fm(
            body=(
                "Call os.Exit when done and log the error with log.Printf first.\n\n"
                "Go programs call http.Get with a timeout.\n\n"
                "Run `make check` before the release.\n"
            )
        ),
    ),
    Case(
        "names-on-a-page-with-a-fenced-block-left-alone",
        fm(body="Call os.Exit when done.\n\n```go\nos.Exit(1)\n```\n"),
    ),
    Case(
        # A word that opens sentences is a glued sentence on a page with code too.
        "names-before-an-opener-still-glued",
        fm(body="Run `make`. The plan failed in the end.Officials said so.\n"),
        errors=[("glued", 4, 39)],
        fixed=fm(body="Run `make`. The plan failed in the end. Officials said so.\n"),
    ),
    Case(
        # Without code on the page (an indented block may be prose a scraper indented) a name
        # reads as two sentences, as `He gave up.Local police said so.` does.
        "names-without-code-still-glued",
        fm(body="He gave up.Local police said so.\n\n    The rest is indented prose.\n"),
        errors=[("glued", 4, 11)],
        fixed=fm(body="He gave up. Local police said so.\n\n    The rest is indented prose.\n"),
    ),
    Case(
        # Czech and Croatian words may hold no vowel, an `r` or `l` making the syllable: on a page
        # of those languages they end sentences; a name without one (`ctx`) is still a name.
        "czech-vowelless-words-glued",
        fm(body="Viděl jsem vlk.Potom odešel domů.\n\n* oprava: volání ctx.Done v cyklu\n"),
        path="content/cs/news/article.cs.md",
        errors=[("glued", 4, 15)],
        fixed=fm(body="Viděl jsem vlk. Potom odešel domů.\n\n* oprava: volání ctx.Done v cyklu\n"),
    ),
    Case(
        "croatian-vowelless-words-glued",
        fm(
            summary="Ozlijedio je prst.Onda je otišao kući.",
            body="Stigli su na trg.Tamo je bilo mirno.\n",
        ),
        path="content/hr/news/article.hr.md",
        errors=[("glued", 2, 28), ("glued", 5, 17)],
        fixed=fm(
            summary="Ozlijedio je prst. Onda je otišao kući.",
            body="Stigli su na trg. Tamo je bilo mirno.\n",
        ),
    ),
    Case(
        # On an English page the same word is taken for a name.
        "vowelless-word-on-an-english-page-left-alone",
        fm(body="Viděl jsem vlk.Potom odešel domů.\n"),
    ),
    # A one-word sentence that opens the text, glued to a sentence opening with a pronoun.
    Case(
        "one-word-sentence-opens-the-paragraph",
        fm(title="Again.It was late", body="Again.It was the third time.\n"),
        errors=[("glued", 2, 14), ("glued", 5, 6)],
        fixed=fm(title="Again. It was late", body="Again. It was the third time.\n"),
    ),
    Case(
        "opening-names-and-abbreviations-left-alone",
        fm(
            title="x",
            body="Console.In reads input.\n\nMr.It is here.\n\nNode.js is fast.\n\n"
            "Example.Com is down.\n\nU.S.The plan.\n\nAgain.It\n\nAGAIN.It was late.\n",
        ),
    ),
    Case("quote-after-period-is-ambiguous", fm(body='He left."Then we went home."\n')),
    Case("ellipsis", fm(body="He waited...Then he left.\n")),
    Case(
        "cjk",
        fm(body="中国经济增长。The data came.美国GDP.Growth rose.\n", title="台积电.The 公司"),
    ),
    Case(
        "code-and-shortcodes",
        fm(
            body=(
                'Run `done.The end` now and {{< figure caption="Hello there.Bye now" >}} ok.\n\n'
                "```\nsaid.The code is here\n```\n"
            )
        ),
    ),
    Case(
        "heading-and-link-text",
        fm(
            body="## Markets fell.Bonds rose today\n\nSee [prices fell.Bonds rose today](https://x.org).\n"
        ),
        errors=[("glued", 4, 16), ("glued", 6, 17)],
        fixed=fm(
            body="## Markets fell. Bonds rose today\n\nSee [prices fell. Bonds rose today](https://x.org).\n"
        ),
    ),
    Case(
        "crlf",
        '---\r\ntitle: "x"\r\n---\r\n\r\nIt fell.Then it rose.\r\n',
        errors=[("glued", 5, 8)],
        fixed='---\r\ntitle: "x"\r\n---\r\n\r\nIt fell. Then it rose.\r\n',
    ),
    Case(
        "toml",
        '+++\nsummary = "It fell.Then it rose."\n+++\nBody.\n',
        errors=[("glued", 2, 19)],
        fixed='+++\nsummary = "It fell. Then it rose."\n+++\nBody.\n',
    ),
    # French closes a quotation with a guillemet set off by a (no-break) space, the full stop
    # after it: `dit « non ».Le` runs two sentences together. A space before the stop is
    # another matter, and a lower-case word after the stop no sentence.
    Case(
        "french-closing-guillemet",
        fm(
            title="x",
            body="Il a dit « non ».Le vote a lieu.\n\nElle a dit «\u00a0oui\u00a0».La fin.\n",
        ),
        errors=[("glued", 5, 17), ("glued", 7, 19)],
        fixed=fm(
            title="x",
            body="Il a dit « non ». Le vote a lieu.\n\nElle a dit «\u00a0oui\u00a0». La fin.\n",
        ),
    ),
    # A quotation opened and closed before the stop is words even at the start of a paragraph
    # (`«Non».Puis`); a name alone there (`math.Abs`, `«math».Abs` with nothing after) is not.
    # French `Puis`, `Ensuite`, ... open a sentence however short (`.Puis rien.`).
    Case(
        "quotation-opening-a-paragraph",
        fm(
            title="x",
            body="«Non».Puis il est parti.\n\n“No”.Then he left.\n\n„Nein“.Danach ging er.\n",
        ),
        errors=[("glued", 5, 6), ("glued", 7, 5), ("glued", 9, 7)],
        fixed=fm(
            title="x",
            body="«Non». Puis il est parti.\n\n“No”. Then he left.\n\n„Nein“. Danach ging er.\n",
        ),
    ),
    Case(
        "french-opener-before-a-short-sentence",
        fm(title="x", body="Il a dit «non».Puis rien.\n\nmath.Abs\n\n«math».Abs\n"),
        errors=[("glued", 5, 15)],
        fixed=fm(title="x", body="Il a dit «non». Puis rien.\n\nmath.Abs\n\n«math».Abs\n"),
    ),
    Case(
        "french-guillemet-space-before-stop-or-lower-case",
        fm(title="x", body="Il a dit « non » .Le vote.\n\nIl a dit « non ».le vote.\n"),
    ),
    # A TOML multi-line string is placed by occurrence; `.The` twice is ambiguous, so one fix
    # rewrites the whole value, which stays a multi-line string: its line breaks as they were,
    # the one after the opening quotes too (TOML drops that one from the value).
    Case(
        "toml-multi-line-rewritten-whole",
        '+++\nsummary = """\nIt fell.The bank\nsaid so.The end."""\n+++\nBody.\n',
        errors=[("glued", 3, 8), ("glued", 4, 8)],
        fixed='+++\nsummary = """\nIt fell. The bank\nsaid so. The end."""\n+++\nBody.\n',
    ),
    Case(
        "toml-multi-line-rewritten-whole-crlf",
        '+++\r\nsummary = """It fell.The bank\r\nsaid so.The end."""\r\n+++\r\nBody.\r\n',
        errors=[("glued", 2, 21), ("glued", 3, 8)],
        fixed='+++\r\nsummary = """It fell. The bank\r\nsaid so. The end."""\r\n+++\r\nBody.\r\n',
    ),
    Case(
        "json",
        '{"summary": "It fell.Then it rose."}\nBody.\n',
        errors=[("glued", 1, 21)],
        fixed='{"summary": "It fell. Then it rose."}\nBody.\n',
    ),
    Case(
        "accented-latin",
        fm(body="Le marché a chuté.Ensuite il est remonté.\n", title="x"),
        errors=[("glued", 5, 18)],
        fixed=fm(body="Le marché a chuté. Ensuite il est remonté.\n", title="x"),
    ),
    # Yandex names its products with a dot (`Яндекс.Метрика`, seen on a Russian news site;
    # `Yandex.Metrica`): one name, not two sentences. Another name ending a sentence glued to the
    # next is still reported.
    Case(
        "brand-product-names",
        fm(
            body="Сайт подключил Яндекс.Метрика (сервис статистики) и Yandex.Metrica для отчётов.\n"
        ),
    ),
    # An abbreviation before a name, a street or a place, written without its space (`ул.Ленина`,
    # `przy ul.Długiej`, `la Sra.Pérez`, `Hauptstr.`): its full stop ends no sentence. A short
    # word that also ends sentences (Polish `im`, them) is still taken for a sentence's end.
    Case(
        "abbreviation-before-a-name",
        fm(
            body="Авария на ул.Ленина произошла утром в понедельник.\n\n"
            "Wypadek przy ul.Długiej zablokował ruch, mówi prof.Nowak.\n\n"
            "La Sra.Pérez vive en la Avda.Colón desde hace años.\n\n"
            "Der Unfall in der Hauptstr.Ecke Bahnhofstraße war schwer.\n\n"
            "Kaza Atatürk Cad.Beşiktaş yönünde oldu dün akşam.\n"
        ),
    ),
    # `cf.` stands before a reference and `Vol.`, `chap.` before a number, a Roman numeral too
    # (`Vol.I`): no sentence ends there. The French `vol` (theft) before a word still ends one.
    Case(
        "abbreviation-before-a-reference-or-a-number",
        fm(
            body="Voir cf.L’article 12 du code pénal.\n\n"
            "Son Histoire, Vol.I de la série, paraît demain chez Gallimard.\n\n"
            "Il a subi un vol.Il a porté plainte hier.\n"
        ),
        errors=[("glued", 8, 17)],
        fixed=fm(
            body="Voir cf.L’article 12 du code pénal.\n\n"
            "Son Histoire, Vol.I de la série, paraît demain chez Gallimard.\n\n"
            "Il a subi un vol. Il a porté plainte hier.\n"
        ),
    ),
    # French puts a space before `?` and `!` (`c’est ?C’est`), and a French or Italian sentence
    # may open with an elided word (`L’équipe`, `L’Italia`): both were missed.
    Case(
        "french-spacing-before-the-mark",
        fm(
            body="Qu’est-ce que c’est ?C’est la fin.\n\nC’est fini\u00a0!Le ministre est parti hier.\n"
        ),
        errors=[("glued", 4, 21), ("glued", 6, 12)],
        fixed=fm(
            body="Qu’est-ce que c’est ? C’est la fin.\n\nC’est fini\u00a0! Le ministre est parti hier.\n"
        ),
    ),
    Case(
        "elided-word-opens-the-sentence",
        fm(body="Il est parti.L’équipe a gagné hier.\n\nÈ finita.L’Italia ha vinto ieri sera.\n"),
        errors=[("glued", 4, 13), ("glued", 6, 9)],
        fixed=fm(
            body="Il est parti. L’équipe a gagné hier.\n\nÈ finita. L’Italia ha vinto ieri sera.\n"
        ),
    ),
    # An elision inside a word or a domain stays alone; so does a mark set off on both sides.
    Case(
        "elision-not-after-a-sentence",
        fm(
            body="Le modèle d’IA est prêt. Voir example.com.L’article ici.\n\nC’est l’été ! Il fait chaud.\n"
        ),
    ),
    # A quotation closed with a guillemet or a German `“` ends the sentence as `”` does.
    Case(
        "closing-guillemet-or-german-quote",
        fm(
            body="Он сказал «Мы придём».Потом он ушёл.\n\nEr sagte „Wir schaffen das“.Danach ging er.\n"
        ),
        errors=[("glued", 4, 22), ("glued", 6, 28)],
        fixed=fm(
            body="Он сказал «Мы придём». Потом он ушёл.\n\nEr sagte „Wir schaffen das“. Danach ging er.\n"
        ),
    ),
    Case(
        "pronoun-ending-a-glued-sentence",
        fm(body="Pomogłem im.Potem poszedłem do domu spać.\n"),
        errors=[("glued", 4, 12)],
        fixed=fm(body="Pomogłem im. Potem poszedłem do domu spać.\n"),
    ),
    Case(
        "name-ending-a-glued-sentence",
        fm(body="Read it on Newswire.Indian markets rose again today.\n"),
        errors=[("glued", 4, 20)],
        fixed=fm(body="Read it on Newswire. Indian markets rose again today.\n"),
    ),
    Case(
        "cyrillic-run-on-sentence",
        fm(body="Совет принял бюджет.Заседание длилось два часа.\n"),
        errors=[("glued", 4, 20)],
        fixed=fm(body="Совет принял бюджет. Заседание длилось два часа.\n"),
    ),
    Case(
        "capitalised-key",
        fm(Summary="Stocks fell on preparedness.The index rose as traders cheered."),
        errors=[("glued", 2, 38)],
        fixed=fm(Summary="Stocks fell on preparedness. The index rose as traders cheered."),
    ),
    # A letter written decomposed (`e` and U+0301, as macOS and PDFs write it) is one letter
    # with its mark: `café.The` glued all the same, and `.Étienne` opens a sentence.
    Case(
        "decomposed-letter-before-the-stop",
        fm(body="They met at the cafe\u0301.The talks went on for hours.\n"),
        errors=[("glued", 4, 22)],
        fixed=fm(body="They met at the cafe\u0301. The talks went on for hours.\n"),
    ),
    Case(
        "decomposed-letter-after-the-stop",
        fm(body="The vote was held.E\u0301tienne Dupont left early.\n"),
        errors=[("glued", 4, 18)],
        fixed=fm(body="The vote was held. E\u0301tienne Dupont left early.\n"),
    ),
]


# Sentences that open with a one-letter word (`Y`, `A`, `I`) or with a common non-English opener
# followed by a short clause: the count of plain words after the glued word cannot tell these.
OPENER_CASES = [
    Case(
        "spanish-one-letter-y",
        fm(body="Cantamos canciones de amor.Y luego, cansados, volvimos a casa.\n"),
        errors=[("glued", 4, 27)],
        fixed=fm(body="Cantamos canciones de amor. Y luego, cansados, volvimos a casa.\n"),
    ),
    Case(
        "english-one-letter-a",
        fm(
            body="The bill passed under the new Act.A spokesperson for the bank said it would comply.\n"
        ),
        errors=[("glued", 4, 34)],
        fixed=fm(
            body="The bill passed under the new Act. A spokesperson for the bank said it would comply.\n"
        ),
    ),
    Case(
        "spanish-opener-short-clause",
        fm(summary="El ministro lo confirmó.Además, el plan sigue."),
        errors=[("glued", 2, 34)],
        fixed=fm(summary="El ministro lo confirmó. Además, el plan sigue."),
    ),
    # A one-letter label is no sentence: no word follows it.
    Case("one-letter-label", fm(body="We picked option.A, then the plan.B.\n")),
    Case("one-letter-not-an-opener", fm(body="The value of alpha.Z tells the story here.\n")),
    # Cyrillic one-letter prepositions and conjunctions open sentences too; initials do not.
    Case(
        "russian-one-letter-v",
        fm(body="Бюджет был принят.В Москве прошли протесты.\n"),
        errors=[("glued", 4, 18)],
        fixed=fm(body="Бюджет был принят. В Москве прошли протесты.\n"),
    ),
    Case(
        "ukrainian-one-letter-u",
        fm(body="Закон набув чинності.У Києві його підтримали.\n"),
        errors=[("glued", 4, 21)],
        fixed=fm(body="Закон набув чинності. У Києві його підтримали.\n"),
    ),
    Case("russian-initials", fm(body="Об этом сообщил А.С.Пушкин в письме.\n")),
    # The Greek articles `Η` and `Ο` open sentences as the Cyrillic prepositions do (a Greek
    # release note's `ανακοίνωσε.Η συνάντηση`); initials and the UN's `Ο.Η.Ε.` are no sentence.
    Case(
        "greek-one-letter-article",
        fm(body="Ο Δήμος Αθηναίων ανακοίνωσε.Η συνάντηση θα γίνει αύριο.\n"),
        errors=[("glued", 4, 28)],
        fixed=fm(body="Ο Δήμος Αθηναίων ανακοίνωσε. Η συνάντηση θα γίνει αύριο.\n"),
    ),
    Case("greek-initials", fm(body="Το έγραψε ο Γ.Η.Παπαδόπουλος στο βιβλίο του Ο.Η.Ε. πέρσι.\n")),
    # German and Russian open a quotation with `„` and `«`: glued to the comma as `"` is.
    Case(
        "german-low-quote-after-comma",
        fm(body='Der Minister sagte,„Wir stimmen dem Haushalt zu".\n'),
        errors=[("glued", 4, 19)],
        fixed=fm(body='Der Minister sagte, „Wir stimmen dem Haushalt zu".\n'),
    ),
    Case(
        "russian-guillemet-after-comma",
        fm(body="Министр сказал,«Мы согласны с этим решением».\n"),
        errors=[("glued", 4, 15)],
        fixed=fm(body="Министр сказал, «Мы согласны с этим решением».\n"),
    ),
    Case("german-quoted-list", fm(body='Begriffe wie „Heimat",„Volk" und „Nation" kamen vor.\n')),
]


@pytest.mark.parametrize("case", OPENER_CASES, ids=lambda c: c.name)
def test_sentence_spacing_openers(case: Case) -> None:
    assert_case(SentenceSpacing, case)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_sentence_spacing(case: Case) -> None:
    assert_case(SentenceSpacing, case)


def test_long_tokens_stay_linear() -> None:
    # A 1 MB line of glued words and a 1 MB token: no hit in the token, and no quadratic scan.
    assert missing_sentence_spaces("a" * 1_000_000 + ".The end") == []
    assert len(missing_sentence_spaces("said it.The word " * 50_000)) == 50_000


# Korean puts a space after a sentence's full stop, as Latin scripts do: `했다.헬름` is two
# sentences run together (seen on a translated real article). Only after a sentence ending
# (`-다`, `-요`, `-죠`, `-까`, `-네`), so a Hangul domain (`정부.한국`) is not one.
KOREAN_CASES = [
    Case(
        "korean-run-on-sentence",
        fm(body="제한 사항들이 나타나기 시작했다.헬름 허브를 사용하여 해결했다.\n"),
        errors=[("glued", 4, 18)],
        fixed=fm(body="제한 사항들이 나타나기 시작했다. 헬름 허브를 사용하여 해결했다.\n"),
    ),
    Case(
        "korean-question-and-polite-endings",
        fm(body="정말 그럴까?다시 봅시다. 좋아요!내일 만나요.\n"),
        errors=[("glued", 4, 7), ("glued", 4, 19)],
        fixed=fm(body="정말 그럴까? 다시 봅시다. 좋아요! 내일 만나요.\n"),
    ),
    Case(
        "korean-in-the-title",
        fm(title="예산이 통과됐다.시장은 반겼다"),
        errors=[("glued", 2, 17)],
        fixed=fm(title="예산이 통과됐다. 시장은 반겼다"),
    ),
    # Spaced sentences, a Hangul domain, an ellipsis, a comma, Chinese and Japanese full stops.
    # A Korean sentence that opens with a Latin acronym or name and its particle (`MSA와`,
    # `LG전자가`), seen on a Korean Go community blog; a file extension (`.PDF 형식`) and `.NET`
    # are no sentence's first word.
    Case(
        "korean-run-on-before-latin-word",
        fm(body="환경이 된다는 이야기가 되겠다.MSA와 REST가 그렇다. 발표했다.LG전자가 답했다.\n"),
        errors=[("glued", 4, 17), ("glued", 4, 38)],
        fixed=fm(
            body="환경이 된다는 이야기가 되겠다. MSA와 REST가 그렇다. 발표했다. LG전자가 답했다.\n"
        ),
    ),
    Case(
        "korean-latin-lookalikes",
        fm(body="형식은 문서다.PDF 형식. 사용했다.NET은 좋다. 버전이다.v2는 없다.\n"),
    ),
    Case(
        "korean-well-formed-and-lookalikes",
        fm(
            body="시작했다. 헬름 허브. 주소는 정부.한국 이다. 그래서...다음은, 그리고,다음.\n\n"
            "中国经济增长.美国。日本です.東京\n"
        ),
    ),
]


@pytest.mark.parametrize("case", KOREAN_CASES, ids=lambda c: c.name)
def test_sentence_spacing_korean(case: Case) -> None:
    assert_case(SentenceSpacing, case)


# Hindi, Marathi, Nepali and Bengali end a sentence with the danda `।` and space it from the next;
# Arabic, Persian and Urdu space theirs too (`.`, `؟`, `!`, the comma `،`, Urdu's `۔`). A scraper
# joining paragraphs glues them as it glues English ones.
SCRIPT_CASES = [
    Case(
        "hindi-danda-glued",
        fm(body="संसद ने बजट पारित किया।मंत्री ने कहा कि बातचीत जारी रहेगी।\n"),
        errors=[("glued", 4, 23)],
        fixed=fm(body="संसद ने बजट पारित किया। मंत्री ने कहा कि बातचीत जारी रहेगी।\n"),
    ),
    Case(
        "hindi-question-glued-and-word-with-vowel-signs",
        fm(summary="क्या बजट पारित होगा?मंत्री ने कहा हाँ।"),
        errors=[("glued", 2, 30)],
        fixed=fm(summary="क्या बजट पारित होगा? मंत्री ने कहा हाँ।"),
    ),
    Case(
        "bengali-danda-glued",
        fm(body="বাজেট পাস হয়েছে।মন্ত্রী বলেছেন\n"),
        errors=[("glued", 4, 17)],
        fixed=fm(body="বাজেট পাস হয়েছে। মন্ত্রী বলেছেন\n"),
    ),
    Case(
        "arabic-full-stop-comma-and-question-glued",
        fm(body="أقر البرلمان الميزانية.وقال الوزير،إن المحادثات مستمرة. هل تنتهي؟نعم قريبا\n"),
        errors=[("glued", 4, 23), ("glued", 4, 35), ("glued", 4, 65)],
        fixed=fm(
            body="أقر البرلمان الميزانية. وقال الوزير، إن المحادثات مستمرة. هل تنتهي؟ نعم قريبا\n"
        ),
    ),
    Case(
        "urdu-full-stop-glued",
        fm(body="بجٹ منظور ہو گیا ہے۔وزیر نے کہا\n"),
        errors=[("glued", 4, 20)],
        fixed=fm(body="بجٹ منظور ہو گیا ہے۔ وزیر نے کہا\n"),
    ),
    # Hebrew spaces its sentences as Arabic does; an acronym holds a gershayim (`ארה"ב`, `צה"ל`,
    # typed as `"`), and a comma may be glued to the opening quote of what was said.
    Case(
        "hebrew-full-stop-comma-before-quote-and-acronym-glued",
        fm(body='הכנסת אישרה את התקציב.השר אמר,"השיחות נמשכות". ארה"ב תומכת.צה"ל הודיע\n'),
        errors=[("glued", 4, 22), ("glued", 4, 30), ("glued", 4, 59)],
        fixed=fm(body='הכנסת אישרה את התקציב. השר אמר, "השיחות נמשכות". ארה"ב תומכת. צה"ל הודיע\n'),
    ),
    Case(
        "hebrew-summary-glued",
        fm(summary="המבצע הסתיים.השיחות יימשכו בשבוע הבא."),
        errors=[("glued", 2, 23)],
        fixed=fm(summary="המבצע הסתיים. השיחות יימשכו בשבוע הבא."),
    ),
    # `פרופ.כהן` (Prof.) and `רח.הרצל` (St.) are abbreviations, `ת.ד.` and `ד"ר.` too short to
    # tell; a number, a domain and a URL are no sentences.
    Case(
        "hebrew-abbreviations-and-lookalikes-are-left-alone",
        fm(
            body='פרופ.כהן הגיע. רח.הרצל 5, ת.ד.1234 ו-1,200 ש"ח. ד"ר.לוי\n\n'
            "ראו https://example.org/חדשות.כתבה או gov.il,משרד הפנים.\n"
        ),
    ),
    # `डॉ.राम` and `د.محمد` (Dr.) take no space; a spaced danda, an abbreviation's one-letter word
    # (`ق.م`), a danda before a Latin word, and a URL are no glued sentences.
    Case(
        "abbreviations-and-lookalikes-are-left-alone",
        fm(
            body="डॉ.राम आए। वह गया। Word।English\n\nقال د.محمد إن عام 300 ق.م كان.\n\n"
            "See https://example.org/खबर।ताज़ा for more.\n"
        ),
    ),
]


@pytest.mark.parametrize("case", SCRIPT_CASES, ids=lambda c: c.name)
def test_sentence_spacing_danda_arabic_and_hebrew_script(case: Case) -> None:
    assert_case(SentenceSpacing, case)


# A custom text field (`lead`) under `params` is the page's `.Params.lead` (hugo 0.168), over a
# top-level one, which is then read by nothing: checked under `params` only. Hugo's own fields
# are never read from `params`: a `params.title` is not checked as the title.
PARAMS_CASES = [
    Case(
        "params-lead-over-top-level",
        "---\nlead: It passed.The end\nparams:\n  lead: It passed.The end\n  title: It passed.The end\n---\n",
        errors=[("glued", 4, 18)],
        fixed="---\nlead: It passed.The end\nparams:\n  lead: It passed. The end\n  title: It passed.The end\n---\n",
    ),
]


@pytest.mark.parametrize("case", PARAMS_CASES, ids=lambda c: c.name)
def test_a_text_field_under_params(case: Case) -> None:
    assert_case(SentenceSpacing, case)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("Er sagte,„Wir kommen morgen wieder.“\n", "no space after ',' before 'Wir'"),
        ("Он сказал,«Мы придём завтра утром».\n", "no space after ',' before 'Мы'"),
        ("Qu’est-ce que c’est ?C’est la fin.\n", "no space after '?' before 'C’est'"),
    ],
)
def test_message_names_the_word_after_a_quote_or_with_an_elision(body: str, message: str) -> None:
    """The word after an opening quotation mark, and a word with an elision, are named whole."""
    from newslint.engine import check_text

    assert [d.message for d in check_text(fm(body=body), select=["TX004"])] == [message]


# A sentence whose first word is in inline markup glued to the one before (`done.**The next**`,
# seen in a Korean blog post as `되겠다.**MSA와 REST**`): the reader sees `done.The next`. The
# space goes before the markup, which still opens there; a closing delimiter cannot follow `.`
# and a letter (CommonMark flanking), and an image or footnote reference is no word.
MARKUP_CASES = [
    Case(
        "glued-before-strong-emphasis-and-link",
        fm(
            body="The report is done.**The next** step is here.\n\n"
            "The vote ended._The count_ began at once.\n\n"
            "Read the rules.[The full text](https://example.org/rules) is online.\n\n"
            "이야기가 되겠다.**MSA와 REST** 바로 그런 환경이다.\n"
        ),
        errors=[("glued", 4, 19), ("glued", 6, 15), ("glued", 8, 15), ("glued", 10, 9)],
        fixed=fm(
            body="The report is done. **The next** step is here.\n\n"
            "The vote ended. _The count_ began at once.\n\n"
            "Read the rules. [The full text](https://example.org/rules) is online.\n\n"
            "이야기가 되겠다. **MSA와 REST** 바로 그런 환경이다.\n"
        ),
    ),
    Case(
        # A changelog-like line that opens in lower case leaves a name's member alone
        # (`os.**Exit**`), but a word that opens sentences is glued there in markup too; so is
        # a run between two pieces of markup (` passed.` after `**budget**`).
        "lower-case-lines-before-markup",
        fm(
            body="* the minister resigned.**The party** said so\n"
            "* call os.**Exit** when done\n\n"
            "the vote ended.[The count](https://example.org) began\n\n"
            "The **budget** passed.**The next** step is here.\n"
        ),
        errors=[("glued", 4, 24), ("glued", 7, 15), ("glued", 9, 22)],
        fixed=fm(
            body="* the minister resigned. **The party** said so\n"
            "* call os.**Exit** when done\n\n"
            "the vote ended. [The count](https://example.org) began\n\n"
            "The **budget** passed. **The next** step is here.\n"
        ),
    ),
    Case(
        "markup-after-non-sentences",
        fm(
            body="See Node.**js** and e.g.**This** and U.S.**Army** here.\n\n"
            "He said **no.**Then left. A note.[^1] And the chart.![Chart](c.png)\n\n"
            "[^1]: A note.\n"
        ),
    ),
]


@pytest.mark.parametrize("case", MARKUP_CASES, ids=lambda c: c.name)
def test_sentence_spacing_before_markup(case: Case) -> None:
    assert_case(SentenceSpacing, case)


# Every mark a space may be missing after (ASCII, Armenian, the danda, Arabic and Urdu), the
# full-width ones Chinese writes (after which no space goes), quotes, letters of those scripts.
GLUE_TEXT = st.text(st.sampled_from(list('.!?,։।॥؟،۔。，！？"“¿ aTheмыԱհवहالو中文')), max_size=20)


@settings(max_examples=500, deadline=None)
@given(GLUE_TEXT)
@example("said it.The")
@example("了。他说，The")
@example("यह है।वह गया")
@example("المصدر؟وقال")
def test_a_text_without_a_sentence_mark_misses_no_space(text: str) -> None:
    # sentence-spacing skips a text run at once when `may_miss_sentence_spaces` is False.
    if missing_sentence_spaces(text) or missing_sentence_spaces("w " + text):
        assert may_miss_sentence_spaces(text)


def test_a_chinese_run_has_no_sentence_mark_to_miss_a_space_after() -> None:
    assert not may_miss_sentence_spaces("了。他说，今天")
    assert may_miss_sentence_spaces("了。他说,Today")
    assert not may_miss_sentence_spaces("no marks here")
