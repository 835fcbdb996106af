"""`headless` and `build` options as hugo 0.168 decodes them, with the real binary as the oracle.

Marker `hugo`. Each front matter below is a leaf bundle of one site; one build says which pages
Hugo renders (`public/<name>/index.html`) and which it lists (the home page ranges over
`.Site.RegularPages`). newslint's `never_rendered` and `never_shown` (`rules._pages`), which
decide whether `required-field`, `source-link-missing` and `body-empty` treat the page as an
article, must say the same.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.document import Document
from newslint.rules._pages import never_rendered, never_shown
from tests.hugo_pages import run_hugo, write_files

pytestmark = pytest.mark.hugo

# (name, front matter (YAML unless it starts with `+++` or `{`), Hugo renders it, Hugo lists it)
FORMS: list[tuple[str, str, bool, bool]] = [
    ("plain", "title: a", True, True),
    ("headless", "headless: true", False, False),
    ("headless-string", "headless: 'true'", False, False),
    ("headless-t", "headless: t", False, False),
    ("headless-one", "headless: 1", False, False),
    ("headless-capitals", "headless: TRUE", False, False),
    ("headless-on", "headless: on", True, True),
    ("headless-yes", "headless: yes", True, True),
    ("headless-false-string", "headless: 'false'", True, True),
    ("render-never", "build:\n  render: never", False, True),
    ("render-never-list-never", "build:\n  render: never\n  list: never", False, False),
    ("render-false", "build:\n  render: false\n  list: false", False, False),
    ("render-zero", "build:\n  render: 0", False, True),
    ("render-false-string", "build:\n  render: 'false'\n  list: 'false'", True, True),
    ("render-off", "build:\n  render: off\n  list: off", True, True),
    ("render-capitalised-never", "build:\n  render: Never\n  list: Never", True, True),
    ("build-keys-capitalised", "Build:\n  Render: never\n  List: never", False, False),
    ("render-link", "build:\n  render: link", False, True),
    ("list-never", "build:\n  list: never", True, False),
    ("toml-false-string", '+++\n[build]\nrender = "false"\nlist = "false"\n+++', True, True),
    ("toml-headless-string", '+++\nheadless = "true"\n+++', False, False),
    ("json-headless-one", '{"headless": 1, "build": {"render": 0}}', False, False),
]


def _text(matter: str) -> str:
    if matter.startswith(("+++", "{")):
        return matter + "\nText.\n"
    return f"---\n{matter}\n---\nText.\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("build-options")
    files = {
        "hugo.toml": 'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term"]\n',
        "layouts/_default/single.html": "page",
        "layouts/_default/list.html": "list",
        "layouts/index.html": "{{ range .Site.RegularPages }}[{{ .File.Path }}]{{ end }}",
    }
    for name, matter, _, _ in FORMS:
        files[f"content/{name}/index.md"] = _text(matter)
    write_files(root, files)
    run_hugo(root, "-d", str(root / "public"))
    return root


@pytest.mark.parametrize(
    ("name", "matter", "rendered", "listed"), FORMS, ids=[row[0] for row in FORMS]
)
def test_newslint_reads_build_options_as_hugo_does(
    built: Path, name: str, matter: str, rendered: bool, listed: bool
) -> None:
    home = (built / "public" / "index.html").read_text(encoding="utf-8")
    assert (built / "public" / name / "index.html").is_file() == rendered
    assert (f"[{name}/index.md]" in home) == listed
    path = built / "content" / name / "index.md"
    document = Document.from_bytes(path.read_bytes(), str(path))
    assert never_rendered(document) == (not rendered)
    assert never_shown(document) == (not rendered and not listed)
