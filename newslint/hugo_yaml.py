"""YAML read as Hugo reads a site configuration (`hugo.yaml`, `config/_default/params.yaml`).

PyYAML reads YAML 1.1; Hugo 0.168 reads YAML with goccy/go-yaml, which resolves plain scalars much
as YAML 1.2 does. Read with PyYAML's own rules, a Norwegian site's `languages: {no: ...}` is the
language `False`, `params: {sidebar: {home: no}}` (a string, true in a template, to Hugo) is
false, `1:20` is the number 80 and `2024-01-01` a date, and `buildFuture: yes` turns on what Hugo
refuses to build with. This loader resolves plain scalars as Hugo does (checked with hugo 0.168,
`tests/test_hugo_yaml.py`):

- booleans: `true`, `True`, `TRUE`, `false`, `False`, `FALSE` only (`yes`, `no`, `on`, `off` are
  text);
- null: `~`, `null`, `Null`, `NULL` and nothing;
- integers: decimal, `0x` hexadecimal, `0b` binary, `0o` and leading-zero octal (`010` is 8, as in
  YAML 1.1), with `_` between digits and a sign; `08` is text;
- floats: with a decimal point (`1.`, `.5`, `-.5`, `1.5e3`, `1.e-3`; `1e3` is text), `.inf`,
  `-.inf` and `.nan` in any of YAML's three spellings (`+.inf` is text);
- no sexagesimal numbers (`1:20` is text), no timestamps (`2024-01-01` is text), and `=` is text;
- merge keys (`<<: *base`) as in both;
- a key written twice in one map is an error, as Hugo refuses to build then (a merged key may
  still be overridden);
- a tag neither knows (`!custom x`) leaves the value as written.

Explicit standard tags (`!!str`, `!!int`, `!!timestamp`) keep PyYAML's reading.
"""

from __future__ import annotations

import re
from typing import Any

from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

try:  # libyaml's parser when there is one, as `yaml.CSafeLoader` uses
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


class HugoResolver(BaseResolver):
    """Plain scalars resolved as Hugo's YAML reader resolves them (see the module docstring)."""


_IMPLICIT = [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    (
        "int",
        r"^[-+]?(?:0b_*[01][01_]*|0o_*[0-7][0-7_]*|0x_*[0-9a-fA-F][0-9a-fA-F_]*|0[0-7_]*"
        r"|[1-9][0-9_]*)$",
        "-+0123456789",
    ),
    (
        "float",
        r"^(?:[-+]?(?:[0-9][0-9_]*\.[0-9_]*|\.[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)?"
        r"|-?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+.0123456789",
    ),
    ("merge", r"^(?:<<)$", "<"),
]
for _name, _pattern, _first in _IMPLICIT:
    HugoResolver.add_implicit_resolver(f"tag:yaml.org,2002:{_name}", re.compile(_pattern), _first)


class HugoConstructor(SafeConstructor):
    """PyYAML's safe constructor with `0o` octal integers, an error for a key written twice, and
    unknown tags read as untagged values."""

    def construct_yaml_int(self, node: ScalarNode) -> int:
        text = str(self.construct_scalar(node)).replace("_", "")
        sign = -1 if text[:1] == "-" else 1
        digits = text.lstrip("+-")
        if digits[:2] in ("0b", "0o", "0x"):
            return sign * int(digits[2:], {"b": 2, "o": 8, "x": 16}[digits[1]])
        if len(digits) > 1 and digits[0] == "0":
            return sign * int(digits, 8)  # `010` is 8 to Hugo, as to YAML 1.1
        return sign * int(digits)

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[tuple[str, str], Node] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag.endswith(":merge"):
                continue
            written = (key_node.tag, key_node.value)
            if written in seen:
                raise ConstructorError(
                    "while constructing a mapping",
                    node.start_mark,
                    f"found the key {key_node.value!r} a second time (Hugo cannot build)",
                    key_node.start_mark,
                )
            seen[written] = key_node
        return super().construct_mapping(node, deep=deep)

    def construct_unknown(self, node: Node) -> Any:
        """A node with a tag neither reader knows: its value as written (`!custom x` is "x")."""
        if isinstance(node, ScalarNode):
            return self.construct_scalar(node)
        if isinstance(node, SequenceNode):
            return self.construct_sequence(node, deep=True)
        if isinstance(node, MappingNode):
            return self.construct_mapping(node, deep=True)
        return None  # pragma: no cover - every node is one of the three


# (The stubs bind `add_constructor` to loader classes; a constructor class is what PyYAML's own
# `SafeConstructor.add_constructor` calls use.)
HugoConstructor.add_constructor(  # type: ignore[type-var]
    "tag:yaml.org,2002:int", HugoConstructor.construct_yaml_int
)
HugoConstructor.add_constructor(None, HugoConstructor.construct_unknown)  # type: ignore[type-var]


class HugoLoader(_Parser, HugoConstructor, HugoResolver):
    """A loader that reads YAML as Hugo reads a site configuration."""

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        HugoConstructor.__init__(self)
        HugoResolver.__init__(self)


def load(text: str) -> Any:
    """The YAML configuration `text` as Hugo reads it (raises `yaml.YAMLError` or ValueError):
    the whole stream must parse, and its first document is the configuration (checked with hugo
    0.168). Sites write `---` above and below the keys, the lower one starting a second, empty
    document, which a single-document load refuses."""
    loader = HugoLoader(text)  # what `yaml.load_all` does, with a safe constructor
    try:
        first = loader.get_data() if loader.check_data() else None
        while loader.check_data():  # the rest is parsed for its syntax errors, and dropped
            loader.get_data()
        return first
    finally:
        loader.dispose()
