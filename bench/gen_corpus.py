"""Generate a synthetic Hugo news site in the style of bulwark, with a known share of each defect.

    python bench/gen_corpus.py OUT [--count 10000] [--seed 1]

Layout and front matter follow the real site (`../shared/corpus/bulwark`): three languages with their
own `contentDir` (en 64%, zh-CN 28%, zh-HK 8%), `content/<lang>/news/<source>/<id>.<lang>.md`, quoted
`"YYYY-MM-DD HH:MM:SS"` dates (every file: date-format), `menu: ""` and `lead: ""` (every file:
empty-field), the Mainroad keys, a body of a few paragraphs (median about 2.8 kB, a long tail) and
the source link as the last line. On top of that each defect in `DEFECTS` is planted in the given
share of the articles, independently. `OUT/defects.json` records how many articles got each one.
The same seed gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from collections import Counter
from pathlib import Path

HUGO = """baseurl = "/"
title = "Bench"
defaultContentLanguage = "en"
theme = "mainroad"
timeZone = "Asia/Shanghai"

[languages.en]
  languageName = "English"
  weight = 1
  contentDir = "content/en"
[languages.zh-CN]
  languageName = "中文简体"
  weight = 2
  contentDir = "content/zh-CN"
[languages.zh-HK]
  languageName = "中文繁体"
  weight = 3
  contentDir = "content/zh-HK"
"""

# defect -> share of articles (the rule that should see it in brackets).
DEFECTS = {
    "summary-empty": 0.08,  # FM004 required-field
    "summary-cut": 0.72,  # TX001 summary-truncated (80% of the non-empty ones, as on the site)
    "html-entity": 0.06,  # TX003
    "nbsp-paragraph": 0.05,  # BD001 empty-paragraph
    "mojibake": 0.005,  # EN001
    "zero-width": 0.012,  # EN003 invisible-char
    "control-char": 0.002,  # EN004
    "cr-endings": 0.001,  # EN007
    "bom": 0.002,  # EN006
    "invalid-utf8": 0.001,  # EN005
    "sentence-spacing": 0.02,  # TX004
    "title-shouting": 0.01,  # TX006
    "trailing-whitespace": 0.03,  # BD002
    "blank-lines": 0.03,  # BD003
    "raw-html": 0.01,  # BD004
    "template-braces": 0.003,  # BD005
    "duplicate-paragraph": 0.005,  # BD007
    "no-source-link": 0.01,  # LK001
    "javascript-link": 0.002,  # LK002
    "empty-link": 0.003,  # LK002
    "relative-link": 0.02,  # LK003
    "http-link": 0.10,  # LK004
    "tracking-params": 0.03,  # LK005
    "sidebar-empty": 0.005,  # TH001
    "widget-unknown": 0.003,  # TH002
    "future-date": 0.005,  # DT003
    "duplicate-title": 0.005,  # XF002
    "duplicate-source": 0.005,  # XF001
}
LANGUAGES = (("en", 0.64), ("zh-CN", 0.28), ("zh-HK", 0.08))
SOURCES = [f"source{n:02d}" for n in range(44)]
_ENGLISH = (
    "the minister said budget would pass this week after talks with lawmakers market shares rose "
    "company reported quarterly revenue growth analysts expect further gains in trade policy "
    "officials announced new measures investors central bank rates inflation data showed economy "
    "production exports fell sharply while demand for electric vehicles increased across region"
)
WORDS = _ENGLISH.split()
HANZI = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研"
ENTITIES = ("&#39;", "&amp;", "&quot;")
MOJIBAKE = ("â€™", "Ã©", "Â ")


def sentence(rng: random.Random, lang: str) -> str:
    if lang == "en":
        words = rng.choices(WORDS, k=rng.randint(8, 22))
        return " ".join(words).capitalize() + "."
    return "".join(rng.choices(HANZI, k=rng.randint(18, 48))) + "。"


def paragraph(rng: random.Random, lang: str) -> str:
    return (" " if lang == "en" else "").join(sentence(rng, lang) for _ in range(rng.randint(2, 6)))


def body_size(rng: random.Random) -> int:
    # Log-normal around a median of 2.8 kB with a long tail, as on the real site.
    return min(int(rng.lognormvariate(7.9, 0.8)), 150_000)


def article(
    rng: random.Random, number: int, lang: str, source: str, chosen: set[str], twins: dict[str, str]
) -> tuple[bytes, str, str]:
    """(file bytes, title, source URL) of one article with the `chosen` defects."""
    title = sentence(rng, lang).rstrip(".。")
    if "duplicate-title" in chosen and twins.get(f"title:{lang}"):
        title = twins[f"title:{lang}"]
    if "html-entity" in chosen:
        title = (
            title.replace(" ", f" {rng.choice(ENTITIES)}", 1) if " " in title else title + "&amp;"
        )
    if "title-shouting" in chosen and lang == "en":
        title = title.upper()
    url = f"https://www.{source}.example.com/news/2025/02/{number:06d}-{rng.randrange(10**6)}"
    if "duplicate-source" in chosen and twins.get("source"):
        url = twins["source"]
    if "tracking-params" in chosen:
        url += "?utm_source=rss&utm_medium=feed"
    paragraphs = [paragraph(rng, lang)]
    while sum(len(p) for p in paragraphs) < body_size(rng):
        paragraphs.append(paragraph(rng, lang))
    lead = paragraphs[0]
    summary = lead[: rng.randint(60, 160)].rstrip() + "..."
    if "summary-cut" not in chosen:
        summary = lead.split("." if lang == "en" else "。")[0] + ("." if lang == "en" else "。")
    if "summary-empty" in chosen:
        summary = ""
    if "sentence-spacing" in chosen and lang == "en":
        paragraphs[0] = paragraphs[0].replace(". ", ".", 1)
    if "mojibake" in chosen:
        paragraphs[-1] = paragraphs[-1].replace(" ", rng.choice(MOJIBAKE), 1)
    if "zero-width" in chosen:
        paragraphs[0] = paragraphs[0][:10] + "\u200b" + paragraphs[0][10:]
    if "control-char" in chosen:
        paragraphs[0] = paragraphs[0][:5] + "\x08" + paragraphs[0][5:]
    if "nbsp-paragraph" in chosen:
        paragraphs.insert(1, "\u00a0")
    if "duplicate-paragraph" in chosen:
        paragraphs.append(paragraphs[0])
    if "raw-html" in chosen:
        paragraphs.append('<div class="ad">Advertisement</div>')
    if "template-braces" in chosen:
        paragraphs.append("The template {{ .Title }} was left in the text.")
    if "relative-link" in chosen:
        paragraphs.append("Read [the earlier report](/news/2025/01/earlier.html).")
    if "http-link" in chosen:
        paragraphs.append("Data from [the agency](http://stats.example.org/report).")
    if "javascript-link" in chosen:
        paragraphs.append("[Share](javascript:void(0))")
    if "empty-link" in chosen:
        paragraphs.append("Photo: []()")
    if "trailing-whitespace" in chosen:
        paragraphs[0] += "   "
    sep = "\n\n\n\n" if "blank-lines" in chosen else "\n\n"
    date = f"2025-02-{rng.randint(1, 13):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00"
    if "future-date" in chosen:
        date = "2099-01-01 08:00:00"
    sidebar = '""' if "sidebar-empty" in chosen else '"right"'
    widgets = ["search", "recent", "taglist"] + (
        ["archive-box"] if "widget-unknown" in chosen else []
    )
    front = [
        "---",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        f'date: "{date}"',
        f"summary: {json.dumps(summary, ensure_ascii=False)}",
        "categories:",
        f'  - "{source}"',
        "lang:",
        f'  - "{lang}"',
        "translations:",
        f'  - "{lang}"',
        "tags:",
        f'  - "{source}"',
        'menu: ""',
        f'thumbnail: "https://img.{source}.example.com/{number}.jpg"',
        'lead: ""',
        "comments: false",
        "authorbox: false",
        "pager: true",
        "toc: false",
        "mathjax: false",
        f"sidebar: {sidebar}",
        "widgets:",
        *[f'  - "{w}"' for w in widgets],
        "---",
    ]
    text = "\n".join(front) + "\n\n" + sep.join(paragraphs) + "\n"
    if "no-source-link" not in chosen:
        text += f"\n[{source}]({url})\n"
    if "cr-endings" in chosen:
        text = text.replace("\n", "\r\n")
    data = text.encode("utf-8")
    if "bom" in chosen:
        data = b"\xef\xbb\xbf" + data
    if "invalid-utf8" in chosen:
        cut = data.rfind(b"\n\n")
        data = data[:cut] + b"\n\nCaf\xe9 au lait." + data[cut:]
    return data, title, url


def generate(out: Path, count: int, seed: int = 1) -> Counter[str]:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / "hugo.toml").write_text(HUGO, encoding="utf-8")
    planted: Counter[str] = Counter()
    twins: dict[str, str] = {}
    for number in range(count):
        lang = rng.choices([code for code, _ in LANGUAGES], [w for _, w in LANGUAGES])[0]
        source = rng.choice(SOURCES)
        chosen = {name for name, share in DEFECTS.items() if rng.random() < share}
        data, title, url = article(rng, number, lang, source, chosen, twins)
        twins.setdefault(f"title:{lang}", title)
        twins.setdefault("source", url)
        planted.update(chosen)
        folder = out / "content" / lang / "news" / source
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{number:08x}.{lang}.md").write_bytes(data)
    summary = {"articles": count, "seed": seed, "planted": dict(sorted(planted.items()))}
    (out / "defects.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return planted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    planted = generate(args.out, args.count, args.seed)
    print(f"{args.count} articles in {args.out}; defects planted: {dict(planted)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
