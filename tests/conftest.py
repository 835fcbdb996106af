from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Caches written by the runs under test go to a temporary folder, never into the repository or the
# shared corpus (root may write to read-only folders). Tests of the cache location unset this.
os.environ.setdefault("NEWSLINT_CACHE_DIR", tempfile.mkdtemp(prefix="newslint-test-cache-"))

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "corpus: needs ../shared/corpus")


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The pre-commit hook repository: a snapshot of this working tree (tests/precommit_harness)."""
    from tests.precommit_harness import snapshot_repo

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    return snapshot_repo(tmp_path_factory.mktemp("hooks"))


@pytest.fixture(scope="session")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One PRE_COMMIT_HOME for every pre-commit test: the hooks' environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")
