"""Scale benchmark on synthetic corpora built from a real index's sentences.

A synthetic chunk is 3 to 6 real sentences (so its length is realistic) and its vector is
the normalised mean of those sentences' real vectors plus a little noise (so vectors
cluster like real ones); no model runs. At 10k and 100k chunks a complete Ateb index is
written (SQLite text, BM25, FAISS, sentence vectors) and opened and asked like a real one,
beside the llama-index baseline's persist and load of the same nodes. At 1M chunks only
the vector side is measured: exact search (FAISS flat) against an IVF index with 8-bit
scalar quantisation, for build, memory, disk, load, latency and recall@10.
"""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import numpy as np

from eval.bench.measure import clock, latency_figures, rss_mb, timed_calls
from index import Embedder, StoredIndex
from index.store import write_index

SEED = 7


class Sentences(NamedTuple):
    """The real sentences synthetic chunks are made of: texts and their vectors."""

    texts: list[str]
    vectors: np.ndarray


def source_sentences(source: StoredIndex) -> Sentences:
    nodes = source.nodes(list(range(source.size)))
    return Sentences([nodes[int(r)].text[int(s):int(e)] for r, s, e in source.sentence_spans], source.sentence_vectors)


def _jittered(means: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Mean sentence vectors with a little noise, normalised: realistic chunk vectors."""
    means = means + rng.normal(0, 0.02, means.shape).astype(np.float32)
    return means / np.linalg.norm(means, axis=1, keepdims=True)


def synthetic(sentences: Sentences, n: int, rng: np.random.Generator) -> tuple[list[str], np.ndarray, list[list[int]]]:
    """n chunk texts of 3 to 6 real sentences, their vectors, and each one's sentence ids."""
    texts, vectors = sentences
    picks = [rng.integers(0, len(texts), rng.integers(3, 7)).tolist() for _ in range(n)]
    chunk_texts = [" ".join(texts[i] for i in p) for p in picks]
    out = np.empty((n, vectors.shape[1]), dtype=np.float32)
    for start in range(0, n, 50_000):
        block = picks[start:start + 50_000]
        out[start:start + len(block)] = _jittered(np.stack([vectors[p].mean(axis=0) for p in block]), rng)
    return chunk_texts, out, picks


def synthetic_vectors(sentences: Sentences, n: int, rng: np.random.Generator) -> np.ndarray:
    """n chunk vectors only (each the mean of 4 real sentence vectors), for sizes whose
    text would not fit the benchmark's time."""
    vectors = sentences.vectors
    out = np.empty((n, vectors.shape[1]), dtype=np.float32)
    for start in range(0, n, 100_000):
        size = min(100_000, n - start)
        out[start:start + size] = _jittered(vectors[rng.integers(0, len(vectors), (size, 4))].mean(axis=1), rng)
    return out


def _write_ateb(path: Path, texts: list[str], vectors: np.ndarray, picks: list[list[int]], sentences: Sentences,
                embedder: Embedder) -> None:
    """A complete index directory, as a build would write it, without running the model."""
    from llama_index.core.schema import TextNode

    from index.store import FORMAT_VERSION

    source_texts, sentence_vectors = sentences
    nodes, spans, sentence_rows = [], [], []
    for i, (text, pick) in enumerate(zip(texts, picks)):
        doc = f"synthetic-{i // 200:05d}"
        nodes.append(TextNode(id_=f"{doc}-{i}", text=text, metadata={
            "doc_id": doc, "title": f"Synthetic document {i // 200}", "file": f"{doc}.txt", "section": "",
            "page": "1", "page_start": "1", "page_end": "1"}))
        start = 0
        for s in pick:  # the sentences were joined with one space between them
            end = start + len(source_texts[s])
            spans.append((i, start, end))
            sentence_rows.append(s)
            start = end + 1
    manifest = {"format_version": FORMAT_VERSION,
                "model": {"name": embedder.name, "dimension": embedder.dimension, "checksum": embedder.checksum},
                "chunking": {}, "documents": {}, "chunk_count": len(nodes)}
    write_index(path, manifest, nodes, vectors, texts, [], sentence_vectors[sentence_rows],
                np.array(spans, dtype=np.int32), None)


def _disk_mb(path: Path) -> float:
    return round(sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20, 1)


def bench_ateb_size(n: int, sentences: Sentences, embedder: Embedder, questions: list[str], work: Path,
                    baseline: bool) -> dict:
    from assistant import Assistant

    rng = np.random.default_rng(SEED)
    texts, vectors, picks = synthetic(sentences, n, rng)
    out: dict = {"chunks": n, "mean_chunk_words": round(float(np.mean([len(t.split()) for t in texts])), 1)}
    path = work / f"ateb-{n}"
    with clock(out, "write_seconds"):
        _write_ateb(path, texts, vectors, picks, sentences, embedder)
    out["disk_mb"] = _disk_mb(path)
    before = rss_mb()
    with clock(out, "load_seconds"):
        assistant = Assistant.open(path, embedder=embedder)
    out["rss_added_by_load_mb"] = round(rss_mb() - before, 1)
    out["retrieval"] = latency_figures(timed_calls(lambda q: assistant.ask(q, retrieval_only=True), questions))
    out["full_answer"] = latency_figures(timed_calls(assistant.ask, questions))
    if baseline:
        from eval.bench.baseline import bench_baseline_load

        out["llama_index_baseline"] = bench_baseline_load(vectors, texts, work)
        out["load_speedup_vs_baseline"] = round(out["llama_index_baseline"]["load_seconds"] / out["load_seconds"], 1)
    return out


def bench_vectors(n: int, sentences: Sentences, queries: np.ndarray, work: Path,
                  nprobes: tuple[int, ...] = (16, 32, 64, 128, 256, 512)) -> dict:
    """Exact (flat) against IVF + 8-bit scalar quantisation at n vectors."""
    import faiss

    nlist = min(4096, max(16, int(4 * n ** 0.5)))  # the usual rule: about 4 sqrt(n) lists
    rng = np.random.default_rng(SEED)
    vectors = synthetic_vectors(sentences, n, rng)
    dim = vectors.shape[1]
    out: dict = {"chunks": n, "nlist": nlist}
    flat = faiss.IndexFlatIP(dim)
    with clock(out, "flat_build_seconds"):
        flat.add(vectors)
    exact = flat.search(queries, 10)[1]
    out["flat_latency"] = latency_figures(_per_query_ms(flat, queries))
    faiss.write_index(flat, str(work / "flat.faiss"))
    out["flat_disk_mb"] = round((work / "flat.faiss").stat().st_size / 2**20, 1)
    out["flat_memory_mb"] = round(n * dim * 4 / 2**20, 1)
    del flat

    quantizer = faiss.IndexFlatIP(dim)
    ivf = faiss.IndexIVFScalarQuantizer(quantizer, dim, nlist, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT)
    train = vectors[rng.choice(n, min(n, 50 * nlist), replace=False)]
    with clock(out, "ivf_train_seconds"):
        ivf.train(train)
    with clock(out, "ivf_add_seconds"):
        ivf.add(vectors)
    faiss.write_index(ivf, str(work / "ivf.faiss"))
    out["ivf_disk_mb"] = round((work / "ivf.faiss").stat().st_size / 2**20, 1)
    # Codes (1 byte a dimension) plus ids (8 bytes) plus the centroids.
    out["ivf_memory_mb"] = round((n * (dim + 8) + nlist * dim * 4) / 2**20, 1)
    del ivf
    with clock(out, "ivf_load_seconds"):
        ivf = faiss.read_index(str(work / "ivf.faiss"))
    with clock(out, "flat_load_seconds"):
        faiss.read_index(str(work / "flat.faiss"))
    out["ivf"] = []
    for nprobe in nprobes:
        ivf.nprobe = nprobe
        found = ivf.search(queries, 10)[1]
        recall = float(np.mean([len(set(f) & set(e)) / 10 for f, e in zip(found, exact)]))
        out["ivf"].append({"nprobe": nprobe, "recall@10": round(recall, 4), **latency_figures(_per_query_ms(ivf, queries))})
    return out


def _per_query_ms(index, queries: np.ndarray) -> list[float]:  # noqa: ANN001
    return timed_calls(lambda q: index.search(q[None, :], 10), list(queries))
