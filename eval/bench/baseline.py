"""The plain llama-index pipeline a user would write instead of Ateb, timed on the same
corpus with the same embedding model:

SimpleDirectoryReader -> SentenceSplitter(chunk_size=256) -> VectorStoreIndex with
HuggingFaceEmbedding over a FaissVectorStore(IndexFlatIP) -> persist ->
load_index_from_storage -> retriever top-5.

Needs the `bench` extra (llama-index-embeddings-huggingface, -vector-stores-faiss,
-readers-file).
"""
from __future__ import annotations

from pathlib import Path

from eval.bench.measure import clock, latency_figures, timed_calls
from index.embedding import model_dir


def _embed_model():
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding

    return HuggingFaceEmbedding(model_name=str(model_dir()), device="cpu")


def bench_baseline(corpus: Path, work: Path, questions: list[str]) -> dict:
    import faiss
    from llama_index.core import SimpleDirectoryReader, StorageContext, VectorStoreIndex, load_index_from_storage
    from llama_index.core.node_parser import SentenceSplitter
    from llama_index.vector_stores.faiss import FaissVectorStore

    out: dict = {"corpus": str(corpus)}
    embed_model = _embed_model()
    embed_model.get_text_embedding("warm-up")
    with clock(out, "load_seconds"):
        documents = SimpleDirectoryReader(str(corpus), recursive=True, exclude=["manifest.json"]).load_data()
    out["documents_loaded"] = len(documents)
    with clock(out, "build_seconds"):
        store = FaissVectorStore(faiss_index=faiss.IndexFlatIP(384))
        context = StorageContext.from_defaults(vector_store=store)
        index = VectorStoreIndex.from_documents(documents, storage_context=context, embed_model=embed_model,
                                                transformations=[SentenceSplitter(chunk_size=256)])
    out["chunks"] = len(index.docstore.docs)
    persist_dir = work / "llama-index"
    with clock(out, "persist_seconds"):
        index.storage_context.persist(persist_dir=str(persist_dir))
    with clock(out, "reload_seconds"):
        reloaded = load_index_from_storage(
            StorageContext.from_defaults(vector_store=FaissVectorStore.from_persist_dir(str(persist_dir)),
                                         persist_dir=str(persist_dir)),
            embed_model=embed_model,
        )
    retriever = reloaded.as_retriever(similarity_top_k=5)
    out["query"] = latency_figures(timed_calls(retriever.retrieve, questions))
    out["full_build_seconds"] = round(out["load_seconds"] + out["build_seconds"] + out["persist_seconds"], 2)
    return out


def bench_baseline_load(vectors, texts: list[str], work: Path) -> dict:  # noqa: ANN001
    """The baseline's storage at scale: nodes with precomputed vectors (no embedding)
    persisted and loaded back with load_index_from_storage."""
    import faiss
    from llama_index.core import StorageContext, VectorStoreIndex, load_index_from_storage
    from llama_index.core.schema import TextNode
    from llama_index.vector_stores.faiss import FaissVectorStore

    out: dict = {"chunks": len(texts)}
    nodes = [TextNode(text=t, id_=f"n{i}", embedding=vectors[i].tolist()) for i, t in enumerate(texts)]
    store = FaissVectorStore(faiss_index=faiss.IndexFlatIP(vectors.shape[1]))
    context = StorageContext.from_defaults(vector_store=store)
    with clock(out, "build_seconds"):
        index = VectorStoreIndex(nodes, storage_context=context, embed_model=_embed_model())
    persist_dir = work / f"llama-index-{len(texts)}"
    with clock(out, "persist_seconds"):
        index.storage_context.persist(persist_dir=str(persist_dir))
    with clock(out, "load_seconds"):
        load_index_from_storage(
            StorageContext.from_defaults(vector_store=FaissVectorStore.from_persist_dir(str(persist_dir)),
                                         persist_dir=str(persist_dir)),
            embed_model=_embed_model(),
        )
    out["disk_mb"] = round(sum(p.stat().st_size for p in persist_dir.rglob("*") if p.is_file()) / 2**20, 1)
    return out
