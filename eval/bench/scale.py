"""Scale benchmark on synthetic corpora built from a real index's sentences.

A synthetic chunk is 3 to 6 real sentences (so its length is realistic) and its vector is
the normalised mean of those sentences' real vectors plus a little noise (so vectors
cluster like real ones); no model runs. At 10k and 100k chunks a complete Ateb index is
written (SQLite text, BM25, FAISS, sentence vectors) and opened and asked like a real one,
beside the llama-index baseline's persist and load of the same nodes (from IVF_FROM chunks
that index is IVF-SQ8, as a real build would write it). At 1M chunks only the vector side
is measured, through Ateb's own vector index (index/vectors.py): exact (flat) against
IVF-SQ8, for build, memory, disk, open, latency and recall@10.
"""
from __future__ import annotations

import gc
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
    if not baseline:
        del texts, vectors, picks  # at 1M, 13 GB this process no longer needs
        gc.collect()
    before = {kind: rss_mb(kind) for kind in ("VmRSS", "RssAnon", "RssFile")}
    with clock(out, "load_seconds"):
        assistant = Assistant.open(path, embedder=embedder)
    out["rss_added_by_load_mb"] = round(rss_mb() - before["VmRSS"], 1)
    out["vector_index"] = assistant.store.manifest.get("vector_index", {}).get("kind")
    retrieve = lambda q: assistant.ask(q, retrieval_only=True)  # noqa: E731
    # The first pass over the questions reads the index's pages from disk or page cache;
    # warm figures are the second.
    out["retrieval_first_pass"] = latency_figures(timed_calls(retrieve, questions))
    out["retrieval"] = latency_figures(timed_calls(retrieve, questions))
    out["full_answer"] = latency_figures(timed_calls(assistant.ask, questions))
    out["memory_added_after_questions_mb"] = {
        "own_allocations": round(rss_mb("RssAnon") - before["RssAnon"], 1),
        "mapped_file_pages": round(rss_mb("RssFile") - before["RssFile"], 1),
    }
    if baseline:
        from eval.bench.baseline import bench_baseline_load

        out["llama_index_baseline"] = bench_baseline_load(vectors, texts, work)
        out["load_speedup_vs_baseline"] = round(out["llama_index_baseline"]["load_seconds"] / out["load_seconds"], 1)
    return out


def bench_vectors(n: int, sentences: Sentences, queries: np.ndarray, work: Path,
                  probes: tuple[int, ...] = (64, 128, 256, 512), pool: int = 300) -> dict:
    """Ateb's own vector index (index/vectors.py) at n vectors, both kinds: exact (flat,
    what it writes below IVF_FROM) and IVF-SQ8 with the lists and probes it chooses for n.
    Queries ask for `pool` rows, as retrieval does; recall@10 is against exact search."""
    import faiss

    from index.vectors import EXACT_FILE, INDEX_FILE, ChunkVectors, ivf_shape, write_vectors

    vectors = synthetic_vectors(sentences, n, np.random.default_rng(SEED))
    dim = vectors.shape[1]
    lists, default_probes = ivf_shape(n)
    out: dict = {"chunks": n, "lists": lists, "default_probes": default_probes, "pool": pool}
    for kind, ivf_from in (("flat", n + 1), ("ivf", 0)):
        here = work / f"vectors-{kind}-{n}"
        here.mkdir()
        figures: dict = {}
        with clock(figures, "build_seconds"):
            described = write_vectors(here, vectors, dim, ivf_from)
        figures["index_file_mb"] = round((here / INDEX_FILE).stat().st_size / 2**20, 1)
        if (here / EXACT_FILE).exists():
            figures["exact_vectors_file_mb"] = round((here / EXACT_FILE).stat().st_size / 2**20, 1)
        before = rss_mb()
        with clock(figures, "open_seconds"):
            opened = ChunkVectors.open(here, described)
        figures["latency"] = latency_figures(timed_calls(lambda q: opened.search(q, pool), list(queries)))
        figures["rss_after_queries_mb"] = round(rss_mb() - before, 1)
        found = [[r for r, _ in opened.search(q, 10)] for q in queries]
        if kind == "flat":
            exact = found
        else:
            figures["recall@10"] = _recall(found, exact)
            figures["probes"] = []
            ivf = faiss.extract_index_ivf(opened.index)
            for nprobe in probes:
                ivf.nprobe = nprobe
                swept = [[r for r, _ in opened.search(q, 10)] for q in queries]
                figures["probes"].append({"nprobe": nprobe, "recall@10": _recall(swept, exact),
                                          **latency_figures(timed_calls(lambda q: opened.search(q, pool), list(queries)))})
        out[kind] = figures
        del opened
    return out


def _recall(found: list[list[int]], exact: list[list[int]]) -> float:
    return round(float(np.mean([len(set(f) & set(e)) / 10 for f, e in zip(found, exact)])), 4)
