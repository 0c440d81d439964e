"""Shared fixtures: one loaded embedding model per test run, and each index built once
per run (the bundled corpus, and ../shared/corpus when it exists)."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).parent))

ROOT = Path(__file__).resolve().parents[1]
BUNDLED_CORPUS = ROOT / "corpus"
SHARED_CORPUS = Path(os.environ.get("ATEB_SHARED_CORPUS", ROOT.parent / "shared" / "corpus"))


@pytest.fixture(scope="session")
def embedder():
    from index import Embedder

    return Embedder()


def _build(tmp_path_factory, embedder, corpus: Path, name: str) -> Path:
    from index import build_index

    index_dir = tmp_path_factory.mktemp(name) / "index"
    build_index(corpus, index_dir, embedder=embedder)
    return index_dir


@pytest.fixture(scope="session")
def bundled_index(tmp_path_factory, embedder) -> Path:
    return _build(tmp_path_factory, embedder, BUNDLED_CORPUS, "bundled")


@pytest.fixture(scope="session")
def shared_index(tmp_path_factory, embedder) -> Path:
    if not SHARED_CORPUS.is_dir():
        pytest.skip(f"{SHARED_CORPUS} is not here; the extended suite needs it")
    return _build(tmp_path_factory, embedder, SHARED_CORPUS, "shared")


@pytest.fixture(scope="session")
def bundled(bundled_index, embedder):
    from assistant import Assistant

    return Assistant.open(bundled_index, embedder=embedder)


@pytest.fixture(scope="session")
def shared(shared_index, embedder):
    from assistant import Assistant

    return Assistant.open(shared_index, embedder=embedder)


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    """A writable copy of the bundled corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(BUNDLED_CORPUS, target)
    return target
