"""Stage 2: documents → index directory (FAISS + BM25 + chunk store + manifest)."""
import os

# FAISS and torch each run an OpenMP pool. With the default (active) wait policy FAISS's
# idle threads spin after every search and take the 2 cores from the next question's
# encoding: warm retrieval p95 on ../shared/corpus 113 ms spinning, 29 ms passive; batch
# encoding is unchanged (31 chunks/s either way). Read when the OpenMP library loads,
# so it is set before faiss or torch is imported.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

from index.build import BuildReport, IndexBusy, build_index
from index.chunking import embed_text
from index.documents import DocumentError
from index.embedding import Embedder
from index.store import IndexUnavailable, StoredIndex

__all__ = ["BuildReport", "DocumentError", "IndexBusy", "Embedder", "IndexUnavailable", "StoredIndex", "build_index", "embed_text"]
