"""The vector index is exact for small indexes and IVF-SQ8 for large ones; either way a
question finds the same passages, filters hold, and a rebuild reuses exact vectors."""
import json

import numpy as np

from assistant import Assistant
from assistant.models import Filters
from index import StoredIndex, build_index
from index.vectors import ChunkVectors, ivf_shape, write_vectors


def _clustered(n: int, dim: int = 64, seed: int = 3) -> np.ndarray:
    """Unit vectors around 40 topics, as real chunk vectors cluster."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(40, dim))
    vectors = centres[rng.integers(0, 40, n)] + rng.normal(scale=0.6, size=(n, dim))
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


def test_large_indexes_are_approximate_and_find_what_exact_search_finds(tmp_path):
    vectors = _clustered(6000)
    described = write_vectors(tmp_path, vectors, 64, ivf_from=5000)
    assert described == {"kind": "ivf-sq8", "lists": ivf_shape(6000)[0], "probes": ivf_shape(6000)[1]}
    opened = ChunkVectors.open(tmp_path, described)
    queries = _clustered(50, seed=9)
    exact = [set(np.argsort(-(vectors @ q))[:10].tolist()) for q in queries]
    found = [{row for row, _ in opened.search(q, 10)} for q in queries]
    assert np.mean([len(f & e) / 10 for f, e in zip(found, exact)]) >= 0.9
    # A rebuild reuses the exact vectors, not the 8-bit approximations.
    assert np.array_equal(opened.vectors_of([5, 17]), vectors[[5, 17]])
    # A filter to a few rows is searched exactly over those rows.
    allowed = np.arange(100, 140)
    hits = opened.search(queries[0], 5, allowed)
    assert [r for r, _ in hits] == (100 + np.argsort(-(vectors[100:140] @ queries[0]))[:5]).tolist()


def test_small_indexes_stay_exact(tmp_path):
    vectors = _clustered(300)
    assert write_vectors(tmp_path, vectors, 64) == {"kind": "flat"}
    opened = ChunkVectors.open(tmp_path, {"kind": "flat"})
    assert [r for r, _ in opened.search(vectors[7], 1)] == [7]
    assert not (tmp_path / "chunk_vectors.npy").exists()


def test_an_approximate_index_answers_like_an_exact_one(corpus_copy, tmp_path, embedder):
    exact_dir, ivf_dir = tmp_path / "exact", tmp_path / "ivf"
    build_index(corpus_copy, exact_dir, embedder=embedder)
    build_index(corpus_copy, ivf_dir, embedder=embedder, ivf_from=20)
    manifest = json.loads((ivf_dir / "manifest.json").read_text())
    assert manifest["vector_index"]["kind"] == "ivf-sq8"
    question = "Who chairs the Expert Group on Social Cohesion?"
    answers = [Assistant.open(d, embedder=embedder).ask(question) for d in (exact_dir, ivf_dir)]
    assert all("Gaynor Legall" in a.answer for a in answers)
    only_other = Assistant.open(ivf_dir, embedder=embedder).ask(question, filters=Filters(document="no-such-document"))
    assert only_other.abstained
    # The approximate index keeps the exact vectors that a rebuild reuses.
    rows = list(range(StoredIndex.open(ivf_dir).size))
    assert np.allclose(StoredIndex.open(ivf_dir).vectors_of(rows), StoredIndex.open(exact_dir).vectors_of(rows), atol=1e-5)
