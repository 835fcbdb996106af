"""The store of compiled dataclass methods (`newslint._dataclass_code`): same classes, less compiling.

A class is built twice from one definition, once compiling its methods and once from the store, and
the two must behave alike; other packages' dataclasses never go through the store and keep their
exact annotations; the store file is written, read back and refused as a `.pyc` would be.
"""

from __future__ import annotations

import collections
import dataclasses
import inspect
import marshal
import sys
import types
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from typing import Any

import pytest

from newslint import _code_store as code_store
from newslint import _dataclass_code as store
from newslint._code_store import CodeStore

DEFINITION = """
import dataclasses

@dataclasses.dataclass(frozen=True)
class Point:
    x: int
    y: "int" = 0
    tags: tuple = ()
"""


def build(module_name: str) -> type:
    """`Point` defined in a fresh module called `module_name`."""
    module = types.ModuleType(module_name)
    sys.modules[module_name] = module
    try:
        # dont_inherit: the annotations are evaluated, as in a module without `__future__` imports.
        code = compile(DEFINITION, f"<{module_name}>", "exec", dont_inherit=True)
        exec(code, module.__dict__)
    finally:
        del sys.modules[module_name]
    point: type = module.Point
    return point


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty store in a temporary file, for this test only."""
    path = tmp_path / "__pycache__" / "methods.marshal"
    fresh = CodeStore("unused", MAGIC_NUMBER, store._valid)
    fresh.path = str(path)
    fresh.pending = True  # no atexit registration from tests
    monkeypatch.setattr(store, "_STORE", fresh)
    monkeypatch.setattr(dataclasses, "exec", store._exec, raising=False)  # what `install` does
    return path


def behaviour(point: Any) -> list[Any]:
    p, q = point(1, 2), point(1, 2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.x = 3
    return [
        repr(p),
        p == q,
        hash(p) == hash(q),
        p == point(2),
        str(inspect.signature(point)),
        point.__init__.__annotations__,
        point.__match_args__,
        [f.name for f in dataclasses.fields(point)],
    ]


def test_installed_by_the_command_not_by_importing_newslint() -> None:
    import subprocess

    probe = (
        "import builtins, dataclasses, newslint, newslint.engine\n"
        "print(getattr(dataclasses, 'exec', builtins.exec) is builtins.exec)\n"
        "from newslint import _dataclass_code, cli\n"
        "import collections, typing\n"
        "print(vars(typing).get('compile', compile) is compile)\n"
        "cli.main = lambda: print(dataclasses.exec is _dataclass_code._exec,\n"
        "    typing.compile is _dataclass_code._compile_forward_ref,\n"
        "    collections.eval is _dataclass_code._eval) or 0\n"
        "cli.run()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False, timeout=60
    )
    expected = (0, ["True", "True", "True", "True", "True"])
    assert (done.returncode, done.stdout.split()) == expected, done.stderr


def test_a_class_from_the_store_behaves_like_a_compiled_one(isolated: Path) -> None:
    compiled = build("newslint._probe")
    assert (
        len(store._STORE.entries) >= 5
    )  # __init__, __repr__, __eq__, __setattr__, __delattr__, ...
    before = dict(store._STORE.entries)
    from_store = build("newslint._probe")
    assert store._STORE.entries == before  # nothing compiled the second time
    assert behaviour(compiled) == behaviour(from_store)
    assert compiled.__init__.__code__ is from_store.__init__.__code__  # type: ignore[misc]
    assert behaviour(from_store)[0] == "Point(x=1, y=2, tags=())"


def test_other_packages_dataclasses_are_compiled_as_always(isolated: Path) -> None:
    point = build("elsewhere._probe")
    assert store._STORE.entries == {}
    # Evaluated annotations: no `__future__` flag leaked from newslint into the compile.
    annotations = {"x": int, "y": "int", "tags": tuple, "return": None}
    assert point.__init__.__annotations__ == annotations  # type: ignore[misc]


def test_store_round_trip_and_refusals(isolated: Path) -> None:
    build("newslint._probe")
    store._STORE.write()
    assert isolated.read_bytes().startswith(MAGIC_NUMBER)
    assert store._STORE.read().keys() == store._STORE.entries.keys()
    isolated.write_bytes(b"\x00\x00\x00\x00" + marshal.dumps({"x": "y"}))
    assert store._STORE.read() == {}  # another interpreter's magic number
    isolated.write_bytes(MAGIC_NUMBER + b"\xff garbage")
    assert store._STORE.read() == {}
    isolated.write_bytes(MAGIC_NUMBER + marshal.dumps({"source": "not code", 3: None}))
    assert store._STORE.read() == {}
    isolated.unlink()
    assert store._STORE.read() == {}


def test_store_keeps_only_this_runs_methods_when_too_big(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = compile("pass", "<string>", "exec")
    isolated.parent.mkdir()
    isolated.write_bytes(MAGIC_NUMBER + marshal.dumps({f"old {i}": code for i in range(10)}))
    monkeypatch.setattr(store._STORE, "max_entries", 5)
    build("newslint._probe")
    store._STORE.write()
    assert store._STORE.read().keys() == store._STORE.used


def test_nothing_is_written_without_bytecode_writing(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    registered: list[Any] = []
    monkeypatch.setattr(store._STORE, "pending", False)
    monkeypatch.setattr(code_store.atexit, "register", registered.append)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    build("newslint._probe")
    assert registered == [] and store._STORE.entries
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    build("newslint._other")  # same sources: nothing new to write
    assert registered == []
    monkeypatch.setattr(store._STORE, "entries", {})
    build("newslint._probe")
    assert registered == [store._STORE.write]


def test_store_lives_beside_the_bytecode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = Path(store.__file__).parent
    assert Path(code_store.store_path("x")).parent == package / "__pycache__"
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path))  # PYTHONPYCACHEPREFIX
    assert Path(code_store.store_path("x")).is_relative_to(tmp_path)


def test_every_dataclass_of_newslint_has_a_docstring() -> None:
    """A dataclass without one gets its `__doc__` from `inspect.signature`, which costs a one-file
    run the import of `inspect` (see `_dataclass_code._Inspect`)."""
    import ast

    root = Path(__file__).resolve().parent.parent
    missing = []
    for source in sorted([*root.glob("newslint/**/*.py"), *root.glob("rules/**/*.py")]):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef) or ast.get_docstring(node) is not None:
                continue
            for decorator in node.decorator_list:
                called = decorator.func if isinstance(decorator, ast.Call) else decorator
                if ast.unparse(called) in ("dataclass", "dataclasses.dataclass"):
                    missing.append(f"{source.relative_to(root)}: {node.name}")
    assert missing == []


def test_the_command_imports_inspect_only_when_a_dataclass_needs_it(tmp_path: Path) -> None:
    """The command imports `dataclasses` with a stand-in for its `inspect`: a run of newslint's
    own classes never loads `inspect`; a dataclass without a docstring still gets its signature as
    `__doc__`, and every other importer of `inspect` gets the real module."""
    import subprocess

    article = tmp_path / "article.md"
    article.write_text("---\ntitle: A title of some words\n---\n\nA paragraph.\n", encoding="utf-8")
    probe = (
        "import sys\n"
        "from newslint import cli\n"
        "checked = cli.main\n"
        "def main():\n"
        "    code = checked()\n"
        "    print('inspect' in sys.modules, 'dataclasses' in sys.modules)\n"
        "    import dataclasses, inspect\n"
        "    print(type(inspect) is type(sys), inspect.signature(len) is not None)\n"
        "    Point = dataclasses.make_dataclass('Point', [('x', int)])\n"
        "    print(Point.__doc__, dataclasses.inspect is inspect)\n"
        "    return code\n"
        "cli.main = main\n"
        "cli.run()\n"
    )
    args = ["check", "--select", "ALL", "--no-cache", "--output-format", "json", str(article)]
    done = subprocess.run(
        [sys.executable, "-c", probe, *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        cwd=tmp_path,
    )
    lines = done.stdout.splitlines()[-3:]
    assert lines == ["False True", "True True", "Point(x: int) True"], done.stdout + done.stderr


NAMED_TUPLE = """
from __future__ import annotations

from typing import NamedTuple

class Target(NamedTuple):
    file: str
    where: tuple[int, int]
    alias: bool | None = None
"""


def build_named_tuple(module_name: str) -> type:
    """`Target` defined in a fresh module called `module_name`."""
    module = types.ModuleType(module_name)
    sys.modules[module_name] = module
    try:
        exec(compile(NAMED_TUPLE, f"<{module_name}>", "exec", dont_inherit=True), module.__dict__)
    finally:
        del sys.modules[module_name]
    target: type = module.Target
    return target


@pytest.fixture
def forward_refs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CodeStore[str, types.CodeType]:
    """An empty store of forward references for this test only, routed as `install` does."""
    import typing

    fresh: CodeStore[str, types.CodeType] = CodeStore("unused", MAGIC_NUMBER, store._valid)
    fresh.path = str(tmp_path / "__pycache__" / "forward-refs.marshal")
    fresh.pending = True  # no atexit registration from tests
    monkeypatch.setattr(store, "_EXPRESSIONS", fresh)
    monkeypatch.setattr(typing, "compile", store._compile_forward_ref, raising=False)
    monkeypatch.setattr(collections, "eval", store._eval, raising=False)
    return fresh


def test_named_tuple_code_comes_from_the_store_unchanged(
    forward_refs: CodeStore[str, types.CodeType],
) -> None:
    import typing

    compiled = build_named_tuple("newslint._probe")
    new = "lambda _cls, file, where, alias: _tuple_new(_cls, (file, where, alias))"
    assert sorted(forward_refs.entries) == ["bool | None", new, "str", "tuple[int, int]"]
    before = dict(forward_refs.entries)
    from_store = build_named_tuple("newslint._probe")
    assert forward_refs.entries == before
    assert from_store.__new__.__code__ in before[new].co_consts  # the lambda's code
    assert from_store.__new__.__code__ == compiled.__new__.__code__
    for name, ref in from_store.__annotations__.items():
        assert ref == compiled.__annotations__[name]  # ForwardRef equality: the same text
        assert ref.__forward_code__ is before[ref.__forward_arg__]
    hints = typing.get_type_hints(from_store, {}, {})
    assert hints == {"file": str, "where": tuple[int, int], "alias": bool | None}
    assert from_store("a", (1, 2)) == compiled("a", (1, 2)) == ("a", (1, 2), None)


def test_other_packages_named_tuples_are_compiled_as_always(
    forward_refs: CodeStore[str, types.CodeType],
) -> None:
    import typing

    target = build_named_tuple("elsewhere._probe")
    assert forward_refs.entries == {}
    assert typing.ForwardRef("list[int]").__forward_code__ is not None  # from a test: compiled
    assert collections.namedtuple("Pair", "a b")(1, 2) == (1, 2)
    assert forward_refs.entries == {}
    assert target.__annotations__["where"] == typing.ForwardRef("tuple[int, int]")
    with pytest.raises(SyntaxError, match="Forward reference must be an expression"):
        typing.ForwardRef("not a type")
