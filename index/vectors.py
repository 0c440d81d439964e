"""The chunk vectors' FAISS index, chosen by the index's size.

Exact inner product (flat) up to IVF_FROM chunks; above, an inverted-file index with 8-bit
scalar quantisation (IVF-SQ8), where exact search stops meeting the latency target (at 1M
chunks, flat: 127 ms a question and 1.5 GB resident; IVF-SQ8 with 1/8 of its 4,000 lists
probed: 16 ms, recall@10 0.978, 380 MB; see BENCHMARKS.md). An IVF index keeps the exact vectors
beside it, memory-mapped, because its own are approximations: a rebuild reuses the exact
ones, and a search filtered to a few documents scores them exactly.
"""
from __future__ import annotations

from math import ceil, sqrt
from pathlib import Path

import faiss
import numpy as np

IVF_FROM = 200_000
INDEX_FILE = "vectors.faiss"
EXACT_FILE = "chunk_vectors.npy"  # only beside an IVF index
# A filter that leaves fewer rows than this is searched exactly over the allowed rows
# (probing lists would mostly find rows the filter drops).
EXACT_FILTER_ROWS = 50_000
_TRAIN_PER_LIST = 40  # FAISS wants at least 39 training points a list


def ivf_shape(n: int) -> tuple[int, int]:
    """(lists, lists probed a question) for n vectors: about 4 sqrt(n) lists, 1/8 probed
    (at 1M: 1/16 gives recall@10 0.955 in 9 ms, 1/8 0.978 in 16 ms; BENCHMARKS.md)."""
    lists = max(16, min(8192, int(4 * sqrt(n))))
    return lists, max(8, ceil(lists / 8))


def write_vectors(path: Path, vectors: np.ndarray, dim: int, ivf_from: int = IVF_FROM) -> dict:
    """Write the index for `vectors` into directory `path`; returns what the manifest
    records about it."""
    vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, dim)
    n = len(vectors)
    if n < max(ivf_from, 1):
        index = faiss.IndexFlatIP(dim)
        if n:
            index.add(vectors)
        faiss.write_index(index, str(path / INDEX_FILE))
        return {"kind": "flat"}
    lists, probes = ivf_shape(n)
    index = faiss.IndexIVFScalarQuantizer(faiss.IndexFlatIP(dim), dim, lists, faiss.ScalarQuantizer.QT_8bit,
                                          faiss.METRIC_INNER_PRODUCT)
    sample = np.random.default_rng(0).choice(n, min(n, _TRAIN_PER_LIST * lists), replace=False)
    index.train(vectors[np.sort(sample)])
    index.add(vectors)
    index.nprobe = probes
    faiss.write_index(index, str(path / INDEX_FILE))
    np.save(path / EXACT_FILE, vectors, allow_pickle=False)
    return {"kind": "ivf-sq8", "lists": lists, "probes": probes}


class ChunkVectors:
    """An opened vector index: search and exact vectors by row. Thread-safe for reads."""

    def __init__(self, index: faiss.Index, exact: np.ndarray | None) -> None:
        self.index = index
        self.exact = exact  # None for a flat index, whose own vectors are exact

    @classmethod
    def open(cls, path: Path, description: dict | None) -> "ChunkVectors":
        """Memory-mapped: opening copies nothing, a question reads the pages it touches."""
        kind = (description or {}).get("kind", "flat")
        if kind == "flat":
            return cls(faiss.read_index(str(path / INDEX_FILE), faiss.IO_FLAG_MMAP_IFC), None)
        if kind == "ivf-sq8":
            exact = np.load(path / EXACT_FILE, allow_pickle=False, mmap_mode="r")
            return cls(faiss.read_index(str(path / INDEX_FILE), faiss.IO_FLAG_MMAP), exact)
        raise ValueError(f"unknown vector index kind {kind!r}")

    @property
    def size(self) -> int:
        return int(self.index.ntotal)

    @property
    def dimension(self) -> int:
        return int(self.index.d)

    def vectors_of(self, rows: list[int]) -> np.ndarray:
        if not rows:
            return np.zeros((0, self.dimension), dtype=np.float32)
        if self.exact is not None:
            return np.asarray(self.exact[np.asarray(rows, dtype=np.int64)], dtype=np.float32)
        return np.vstack([self.index.reconstruct(int(r)) for r in rows]).astype(np.float32)

    def search(self, query: np.ndarray, k: int, allowed_rows: np.ndarray | None = None) -> list[tuple[int, float]]:
        """(row, cosine) best first; only `allowed_rows` when given."""
        if self.size == 0:
            return []
        k = min(k, self.size)
        query = np.ascontiguousarray(query, dtype=np.float32).reshape(1, -1)
        params = None
        if allowed_rows is not None:
            if len(allowed_rows) == 0:
                return []
            if self.exact is not None and len(allowed_rows) <= EXACT_FILTER_ROWS:
                rows = np.sort(np.asarray(allowed_rows, dtype=np.int64))
                scores = np.asarray(self.exact[rows]) @ query[0]
                top = np.argsort(-scores, kind="stable")[:k]
                return [(int(rows[i]), float(scores[i])) for i in top]
            selector = faiss.IDSelectorBatch(np.asarray(allowed_rows, dtype=np.int64))
            params = (faiss.SearchParametersIVF(sel=selector, nprobe=faiss.extract_index_ivf(self.index).nprobe)
                      if self.exact is not None else faiss.SearchParameters(sel=selector))
        scores, ids = self.index.search(query, k, params=params)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]
