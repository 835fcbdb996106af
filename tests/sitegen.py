"""A small Hugo news site on disk for the runner, cache, watch and import tests."""

from __future__ import annotations

from pathlib import Path

HUGO = """baseURL = "https://example.org/"
theme = "mainroad"
timeZone = "Asia/Shanghai"
[languages.en]
contentDir = "content/en"
[languages.zh-CN]
contentDir = "content/zh-CN"
"""


def article(number: int, *, title: str | None = None, source: str | None = None) -> str:
    title = title or f"Story number {number}"
    source = source or f"https://news.example.com/story/{number}"
    summary = "" if number % 3 == 0 else f"Summary of story {number}."
    return (
        "---\n"
        f'title: "{title}"\n'
        f'date: "2025-02-{number % 28 + 1:02d} 10:00:00"\n'
        f'summary: "{summary}"\n'
        "---\n\n"
        f"Story {number} happened today, the city council said.\n\n"
        f"[example]({source})\n"
    )


def make_site(root: Path, count: int = 12) -> list[Path]:
    """`count` English articles (every third with an empty summary); returns their paths."""
    (root / "hugo.toml").write_text(HUGO, encoding="utf-8")
    folder = root / "content" / "en" / "news"
    folder.mkdir(parents=True)
    (root / "content" / "zh-CN").mkdir(parents=True)
    paths = []
    for number in range(count):
        path = folder / f"{number:04d}.en.md"
        path.write_text(article(number), encoding="utf-8")
        paths.append(path)
    return paths
