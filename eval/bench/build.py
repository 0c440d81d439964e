"""Build benchmark: a cold build by stage, the embedding model's own encode time on the
same texts (the ceiling), an unchanged rebuild and a rebuild after one document changed."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

from eval.bench.measure import clock, peak_rss_mb
from index import Embedder, StoredIndex, build_index, embed_text
from index.sentences import sentence_units

# Appended to one document to make the "one document changed" rebuild.
CHANGE = "\n\nA paragraph added for the rebuild benchmark: the Expert Group will publish its findings in spring.\n"


def _changeable(corpus: Path) -> Path:
    """A text-like document of the corpus to change (text can be appended to it)."""
    files = sorted(p for p in corpus.rglob("*") if p.suffix.lower() in {".txt", ".md", ".html", ".htm"})
    if not files:
        raise ValueError(f"{corpus} has no .txt, .md or .html document to change for the rebuild benchmark")
    return min(files, key=lambda p: p.stat().st_size)


def bench_build(corpus: Path, work: Path, embedder: Embedder) -> dict:
    index_dir = work / "ateb-index"
    out: dict = {"corpus": str(corpus)}
    cold = build_index(corpus, index_dir, embedder=embedder, progress=False)
    out.update(documents=cold.documents, pages=cold.pages, chunks=cold.chunks, build_seconds=round(cold.seconds, 2),
               stages={k: round(v, 2) for k, v in sorted(cold.stages.items())}, peak_rss_mb=peak_rss_mb())

    store = StoredIndex.open(index_dir)
    nodes = store.nodes(list(range(store.size)))
    chunk_texts = [embed_text(n) for n in nodes]
    # What the build encodes: each chunk (with its title and section) and each distinct
    # sentence of a document (overlapping chunks repeat boundary sentences).
    by_doc: dict[str, dict[str, None]] = {}
    for n in nodes:
        by_doc.setdefault(n.metadata["doc_id"], {}).update(dict.fromkeys(u[2] for u in sentence_units(n.text)))
    sentence_texts = [t for texts in by_doc.values() for t in texts]
    tokens = sum(embedder.count_tokens(t) for t in chunk_texts + sentence_texts)
    out.update(sentences=len(sentence_texts), embedded_tokens=tokens)
    ceiling: dict = {}
    with clock(ceiling, "chunks_seconds"):
        embedder.encode(chunk_texts)
    with clock(ceiling, "sentences_seconds"):
        embedder.encode(sentence_texts)
    ceiling["all_seconds"] = round(ceiling["chunks_seconds"] + ceiling["sentences_seconds"], 2)
    ceiling["chunks_per_second"] = round(len(chunk_texts) / ceiling["chunks_seconds"], 1)
    out["model_encode"] = ceiling
    out["build_to_encode_ratio"] = round(cold.seconds / ceiling["all_seconds"], 3)
    out["embed_stage_to_encode_ratio"] = round(cold.stages.get("embed", 0.0) / ceiling["all_seconds"], 3)
    out["per_second"] = {
        "documents": round(cold.documents / cold.seconds, 2), "pages": round(cold.pages / cold.seconds, 1),
        "chunks": round(cold.chunks / cold.seconds, 1), "tokens": round(tokens / cold.seconds, 0),
    }

    unchanged = build_index(corpus, index_dir, embedder=embedder, progress=False)
    out["unchanged_rebuild_seconds"] = round(unchanged.seconds, 2)

    copy = work / "corpus-copy"
    shutil.copytree(corpus, copy)
    changed_file = _changeable(copy)
    with open(changed_file, "a", encoding="utf-8") as fh:
        fh.write(CHANGE)
    started = time.perf_counter()
    one = build_index(copy, index_dir, embedder=embedder, progress=False)
    out["one_changed_rebuild"] = {"file": changed_file.name, "seconds": round(time.perf_counter() - started, 2),
                                  "embedded_chunks": one.embedded_chunks, "reused_documents": one.reused_documents,
                                  "stages": {k: round(v, 2) for k, v in sorted(one.stages.items())}}
    return out
