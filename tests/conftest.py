from __future__ import annotations

import os
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
