from __future__ import annotations

import os
import shutil
import signal
import tempfile
from pathlib import Path

import pytest

# Caches written by the runs under test go to a temporary folder, never into the repository or the
# shared corpus (root may write to read-only folders). Tests of the cache location unset this.
os.environ.setdefault("NEWSLINT_CACHE_DIR", tempfile.mkdtemp(prefix="newslint-test-cache-"))

# The tests that press Ctrl-C on a `newslint watch` or `check` they started need SIGINT to reach
# it. A suite started in the background by a shell without job control (`./.ci/run &`) inherits
# SIGINT ignored, and so would every child: Python then installs no KeyboardInterrupt handler,
# and the child never stops. Handled here, the signal is the default again in each child.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

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
