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

import time
from pathlib import Path

import numpy as np

from eval.bench.measure import clock, latency_figures, rss_mb
from index import Embedder, StoredIndex
from index.store import write_index

SEED = 7


def _sentences(source: StoredIndex) -> tuple[list[str], np.ndarray]:
    nodes = source.nodes(list(range(source.size)))
    texts = [nodes[int(r)].text[int(s):int(e)] for r, s, e in source.sentence_spans]
    return texts, source.sentence_vectors


def synthetic(source: StoredIndex, n: int, rng: np.random.Generator) -> tuple[list[str], np.ndarray, list[list[int]]]:
    """n chunk texts, their vectors, and for each the source sentence ids it is made of."""
    texts, vectors = _sentences(source)
    picks = [rng.integers(0, len(texts), rng.integers(3, 7)).tolist() for _ in range(n)]
    chunk_texts = [" ".join(texts[i] for i in p) for p in picks]
    out = np.empty((n, vectors.shape[1]), dtype=np.float32)
    for start in range(0, n, 50_000):
        block = picks[start:start + 50_000]
        means = np.stack([vectors[p].mean(axis=0) for p in block])
        means += rng.normal(0, 0.02, means.shape).astype(np.float32)
        out[start:start + len(block)] = means / np.linalg.norm(means, axis=1, keepdims=True)
    return chunk_texts, out, picks


def _write_ateb(path: Path, texts: list[str], vectors: np.ndarray, picks: list[list[int]], source: StoredIndex,
                embedder: Embedder) -> None:
    """A complete index directory, as a build would write it, without running the model."""
    from llama_index.core.schema import TextNode

    from index.store import FORMAT_VERSION

    source_texts, sentence_vectors = _sentences(source)
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


def bench_ateb_size(n: int, source: StoredIndex, embedder: Embedder, questions: list[str], work: Path,
                    baseline: bool) -> dict:
    from assistant import Assistant

    rng = np.random.default_rng(SEED)
    texts, vectors, picks = synthetic(source, n, rng)
    out: dict = {"chunks": n, "mean_chunk_words": round(float(np.mean([len(t.split()) for t in texts])), 1)}
    path = work / f"ateb-{n}"
    with clock(out, "write_seconds"):
        _write_ateb(path, texts, vectors, picks, source, embedder)
    out["disk_mb"] = _disk_mb(path)
    before = rss_mb()
    with clock(out, "load_seconds"):
        assistant = Assistant.open(path, embedder=embedder)
    out["rss_added_by_load_mb"] = round(rss_mb() - before, 1)
    retrieval = []
    answers = []
    for q in questions[:3]:
        assistant.ask(q)
    for q in questions:
        started = time.perf_counter()
        assistant.ask(q, retrieval_only=True)
        retrieval.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        assistant.ask(q)
        answers.append((time.perf_counter() - started) * 1000)
    out["retrieval"] = latency_figures(retrieval)
    out["full_answer"] = latency_figures(answers)
    if baseline:
        from eval.bench.baseline import bench_baseline_load

        out["llama_index_baseline"] = bench_baseline_load(vectors, texts, work)
        out["load_speedup_vs_baseline"] = round(out["llama_index_baseline"]["load_seconds"] / out["load_seconds"], 1)
    return out


def bench_vectors(n: int, source: StoredIndex, queries: np.ndarray, work: Path,
                  nprobes: tuple[int, ...] = (16, 32, 64, 128, 256, 512)) -> dict:
    """Exact (flat) against IVF + 8-bit scalar quantisation at n vectors."""
    import faiss

    nlist = min(4096, max(16, int(4 * n ** 0.5)))  # the usual rule: about 4 sqrt(n) lists
    rng = np.random.default_rng(SEED)
    _, vectors, _ = synthetic_vectors_only(source, n, rng)
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


def synthetic_vectors_only(source: StoredIndex, n: int, rng: np.random.Generator):  # noqa: ANN201
    vectors = source.sentence_vectors
    out = np.empty((n, vectors.shape[1]), dtype=np.float32)
    for start in range(0, n, 100_000):
        size = min(100_000, n - start)
        picks = rng.integers(0, len(vectors), (size, 4))
        means = vectors[picks].mean(axis=1) + rng.normal(0, 0.02, (size, vectors.shape[1])).astype(np.float32)
        out[start:start + size] = means / np.linalg.norm(means, axis=1, keepdims=True)
    return None, out, None


def _per_query_ms(index, queries: np.ndarray) -> list[float]:  # noqa: ANN001
    index.search(queries[:5], 10)
    out = []
    for q in queries:
        started = time.perf_counter()
        index.search(q[None, :], 10)
        out.append((time.perf_counter() - started) * 1000)
    return out
