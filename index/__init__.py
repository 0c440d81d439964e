"""Stage 2: documents → index directory (FAISS + BM25 + chunk store + manifest)."""
from index.build import BuildReport, IndexBusy, build_index
from index.chunking import embed_text
from index.documents import DocumentError
from index.embedding import Embedder
from index.store import IndexUnavailable, StoredIndex

__all__ = ["BuildReport", "DocumentError", "IndexBusy", "Embedder", "IndexUnavailable", "StoredIndex", "build_index", "embed_text"]
