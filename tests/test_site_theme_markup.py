"""Raw HTML and a theme's `markup`: what `Site.unsafe_html` says when the site takes its theme's
`markup` with `_merge` (Hugo Blox sites do). The cases Hugo can build are checked against hugo in
`tests/test_peer_site_d.py`; these need a theme module that is not on disk, which hugo cannot build
here (no network)."""

from __future__ import annotations

from pathlib import Path

from newslint.site import load_site

MODULE = "module:\n  imports:\n    - path: github.com/example/blox-theme\n"


def _site(root: Path, config: str, theme: dict[str, str] | None = None) -> bool:
    (root / "hugo.yaml").write_text(config, encoding="utf-8")
    for path, text in (theme or {}).items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return load_site(root, root / "hugo.yaml").unsafe_html


def test_a_module_not_on_disk_may_allow_raw_html(tmp_path: Path) -> None:
    # The site takes the theme's markup, which cannot be read: raw HTML is not reported as dropped.
    assert _site(tmp_path, MODULE + "markup:\n  _merge: deep\n") is True


def test_without_merge_the_theme_module_does_not_count(tmp_path: Path) -> None:
    assert _site(tmp_path, MODULE + "title: News\n") is False


def test_the_sites_own_setting_wins(tmp_path: Path) -> None:
    config = MODULE + "markup:\n  _merge: deep\n  goldmark:\n    renderer:\n      unsafe: false\n"
    assert _site(tmp_path, config) is False


def test_a_theme_on_disk_without_a_configuration_sets_nothing(tmp_path: Path) -> None:
    theme = {"themes/plain/layouts/_default/single.html": "{{ .Content }}"}
    assert _site(tmp_path, "theme: plain\nmarkup:\n  _merge: deep\n", theme) is False


def test_the_vendored_module_is_read(tmp_path: Path) -> None:
    vendored = {
        "_vendor/github.com/example/blox-theme/hugo.yaml": (
            "markup:\n  goldmark:\n    renderer:\n      unsafe: true\n"
        )
    }
    assert _site(tmp_path, MODULE + "markup:\n  _merge: deep\n", vendored) is True
