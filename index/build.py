"""Build an index directory from a corpus folder: incremental and atomic.

Incremental: a document whose bytes and manifest entry are unchanged since the last
build (same model, same chunking) keeps its chunks and vectors; only new or changed
documents are parsed and embedded; removed ones are dropped.

Atomic: the new index is written to a fresh sibling directory and `index_dir`, a
symlink, is switched to it with one rename. A crash at any point leaves the previous
index in place and loadable.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from llama_index.core.schema import TextNode
from tqdm import tqdm

from index.chunking import STRUCTURE_VERSION, chunk_document, embed_text
from index.commitments import EXTRACTION_VERSION, assemble, document_part
from index.documents import DocumentError, content_hash
from index.embedding import Embedder
from index.isolated import DOCUMENT_MEMORY_MB, DOCUMENT_SECONDS, LOAD_WORKERS, load_all_isolated
from index.loading import LOADERS, corpus_files, load_document, read_manifest, unsupported_files
from index.sentences import sentence_units
from index.store import FORMAT_VERSION, MANIFEST, IndexUnavailable, StoredIndex, write_index
from index.structure import parse_document
from index.vectors import IVF_FROM


@dataclass
class BuildReport:
    index_dir: Path
    documents: int = 0
    pages: int = 0
    chunks: int = 0
    embedded_documents: int = 0
    embedded_chunks: int = 0
    reused_documents: int = 0
    removed_documents: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    seconds: float = 0.0
    # Seconds per stage (load_parse, chunk, embed, commitments, reuse, write), for the
    # benchmarks; together with `seconds` they show where a build's time goes.
    stages: dict[str, float] = field(default_factory=dict)

    def timed(self, stage: str, since: float) -> float:
        """Add the time since `since` to `stage`; return now, to time the next stage."""
        now = time.perf_counter()
        self.stages[stage] = self.stages.get(stage, 0.0) + now - since
        return now


@dataclass
class _Parts:
    """What the new index is assembled from, document by document, in row order."""

    nodes: list[TextNode] = field(default_factory=list)
    vectors: list[np.ndarray] = field(default_factory=list)
    sentence_vectors: list[np.ndarray] = field(default_factory=list)
    sentence_spans: list[np.ndarray] = field(default_factory=list)  # (chunk row, start, end)

    def add(self, nodes: list[TextNode], vectors: np.ndarray, sentence_vectors: np.ndarray,
            sentence_spans: np.ndarray) -> None:
        """`sentence_spans` give chunk rows counted from the document's first chunk."""
        spans = sentence_spans.reshape(-1, 3).astype(np.int32)
        spans[:, 0] += len(self.nodes)
        self.nodes.extend(nodes)
        self.vectors.append(vectors)
        self.sentence_vectors.append(sentence_vectors)
        self.sentence_spans.append(spans)


def _reused(previous: StoredIndex, doc_id: str) -> tuple[list[TextNode], np.ndarray, np.ndarray, np.ndarray]:
    """An unchanged document's chunks, vectors and sentence vectors from the last build."""
    rows_nodes = previous.nodes_of_document(doc_id)
    rows = [r for r, _ in rows_nodes]
    picked = previous.sentences_of(rows)
    spans = previous.sentence_spans[picked].copy()
    relative = {old: i for i, old in enumerate(rows)}
    spans[:, 0] = [relative[int(r)] for r in spans[:, 0]]
    return [n for _, n in rows_nodes], previous.vectors_of(rows), previous.sentence_vectors[picked], spans


def _embedded(nodes: list[TextNode], embedder: Embedder) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Chunk vectors (chunk text with its title and section) and every sentence's vector."""
    units = [(i, start, end, text) for i, n in enumerate(nodes) for start, end, text in sentence_units(n.text)]
    # Overlapping chunks repeat their boundary sentences: each distinct text is encoded
    # once (12% fewer sentence encodes on ../shared/corpus, same vectors).
    distinct = list(dict.fromkeys(u[3] for u in units))
    position = {text: i for i, text in enumerate(distinct)}
    sentence_vectors = embedder.encode(distinct)
    return (
        embedder.encode([embed_text(n) for n in nodes]),
        sentence_vectors[[position[u[3]] for u in units]].reshape(-1, embedder.dimension),
        np.array([u[:3] for u in units], dtype=np.int32).reshape(-1, 3),
    )


def _reused_commitments(previous: StoredIndex, path: Path, corpus_dir: Path, manifest_entries: dict, doc_id: str) -> dict:
    """An unchanged document's commitments part: as stored, or extracted again (without
    embedding) when the extraction has changed since the last build."""
    if previous.manifest.get("commitments_version") == EXTRACTION_VERSION:
        return previous.commitment_part(doc_id)
    doc = load_document(path, corpus_dir, manifest_entries)
    return document_part(doc, parse_document(doc))


def _fingerprint(data: bytes, manifest_entry: dict | None) -> str:
    digest = hashlib.sha256(data)
    digest.update(json.dumps(manifest_entry or {}, sort_keys=True).encode())
    return digest.hexdigest()


def _builds_dir(index_dir: Path) -> Path:
    return index_dir.parent / f".{index_dir.name}.builds"


def _previous(index_dir: Path, compat: dict) -> StoredIndex | None:
    """The current index if its chunks and vectors can be reused as they are."""
    try:
        old = StoredIndex.open(index_dir)
    except IndexUnavailable:
        return None
    m = old.manifest
    if m.get("model") != compat["model"] or m.get("chunking") != compat["chunking"]:
        return None
    return old


class IndexBusy(DocumentError):
    """Another build is writing this index directory."""


@contextmanager
def _build_lock(index_dir: Path):  # noqa: ANN202 - a context manager
    """One build per index directory at a time: a second is refused, not interleaved. The
    lock is the kernel's, so a killed build never leaves it held."""
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    lock_path = index_dir.parent / f".{index_dir.name}.lock"
    with open(lock_path, "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "?"
            raise IndexBusy(index_dir, f"another build (process {holder}) is writing this index; try again when it ends") from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _check_target(index_dir: Path) -> None:
    """Refuse, before any work, to replace something that is not an Ateb index: the swap
    removes what it replaces, and `--index` pointed at the wrong folder must not cost a
    user their files."""
    if index_dir.is_symlink() or not index_dir.exists():
        return
    if not index_dir.is_dir() or (any(index_dir.iterdir()) and not (index_dir / MANIFEST).exists()):
        raise DocumentError(index_dir, "exists and is not an Ateb index; choose another --index or remove it")


def _mark_ocr(nodes: list[TextNode], ocr_pages: set[str]) -> None:
    """A chunk with text from a scanned page says so: its quotes are OCR's reading."""
    if not ocr_pages:
        return
    for node in nodes:
        meta = node.metadata
        pages = {str(meta.get("page_start")), str(meta.get("page_end"))}
        pages |= {m.partition(":")[2] for m in str(meta.get("page_offsets") or "").split(";") if m}
        if pages & ocr_pages:
            meta["ocr"] = True


def _swap_in(new_dir: Path, index_dir: Path) -> None:
    """Point index_dir at new_dir with a single atomic rename of a symlink."""
    builds = new_dir.parent
    # The build being replaced stays one more round: a process still reading it (the app,
    # until it reopens) keeps working.
    previous = index_dir.resolve() if index_dir.is_symlink() else None
    if index_dir.exists() and not index_dir.is_symlink():
        # A plain directory from elsewhere: move it into the builds folder first.
        index_dir.rename(builds / f"adopted-{uuid.uuid4().hex[:8]}")
    link = index_dir.parent / f".{index_dir.name}.link-{uuid.uuid4().hex[:8]}"
    os.symlink(os.path.relpath(new_dir, index_dir.parent), link)
    os.replace(link, index_dir)
    for stale in builds.iterdir():
        if stale.resolve() not in (new_dir.resolve(), previous):
            shutil.rmtree(stale, ignore_errors=True)


def build_index(
    corpus_dir: Path,
    index_dir: Path,
    chunk_tokens: int = 180,
    overlap_tokens: int = 30,
    embedder: Embedder | None = None,
    progress: bool = False,
    document_seconds: float = DOCUMENT_SECONDS,
    document_memory_mb: float = DOCUMENT_MEMORY_MB,
    ivf_from: int = IVF_FROM,
    load_workers: int = LOAD_WORKERS,
) -> BuildReport:
    """Index `corpus_dir` into `index_dir`; raises IndexBusy if another build holds it.
    From `ivf_from` chunks the vector index is approximate (index/vectors.py).
    Each new or changed document is read in a child process (`load_workers` at a time)
    that is stopped after `document_seconds` or past `document_memory_mb` (the document
    is then skipped)."""
    index_dir = Path(index_dir)
    _check_target(index_dir)
    reading = (document_seconds, document_memory_mb, load_workers)  # how documents are read
    with _build_lock(index_dir):
        return _build(Path(corpus_dir), index_dir, chunk_tokens, overlap_tokens, embedder, progress, reading, ivf_from)


def _build(corpus_dir: Path, index_dir: Path, chunk_tokens: int, overlap_tokens: int,
           embedder: Embedder | None, progress: bool, reading: tuple[float, float, int], ivf_from: int) -> BuildReport:
    started = time.perf_counter()
    embedder = embedder or Embedder()
    report = BuildReport(index_dir=index_dir)
    compat = {
        "model": {"name": embedder.name, "dimension": embedder.dimension, "checksum": embedder.checksum},
        "chunking": {"chunk_tokens": chunk_tokens, "overlap_tokens": overlap_tokens, "structure_version": STRUCTURE_VERSION},
    }
    previous = _previous(index_dir, compat)
    old_docs = {d["file"]: d for d in previous.documents} if previous else {}

    manifest_entries = read_manifest(corpus_dir)
    files = corpus_files(corpus_dir)
    supported = ", ".join(sorted(LOADERS))
    for path in unsupported_files(corpus_dir):
        report.skipped.append((path.relative_to(corpus_dir).as_posix(), f"unsupported file type (Ateb reads {supported})"))
    parts = _Parts()
    commitment_parts: dict[str, dict] = {}
    documents: list[dict] = []
    first_with: dict[str, str] = {}  # content hash -> the first file that had it
    # First which files are new or changed; those are read all at once, in parallel
    # child processes, before any is embedded (the embedding uses every core itself).
    plan: list[tuple[Path, str, str, dict | None]] = []  # (path, rel, fingerprint, reusable old entry)
    for path in files:
        rel = path.relative_to(corpus_dir).as_posix()
        try:
            data = path.read_bytes()
        except OSError as exc:
            report.skipped.append((rel, f"cannot read file ({exc})"))
            continue
        digest = content_hash(data)
        if data and digest in first_with:
            # The same document under two names would answer every question twice.
            report.skipped.append((rel, f"duplicate of {first_with[digest]} (same content)"))
            continue
        first_with[digest] = rel
        fingerprint = _fingerprint(data, manifest_entries.get(rel) or manifest_entries.get(path.name))
        old = old_docs.get(rel)
        reusable = previous is not None and old and old.get("fingerprint") == fingerprint
        plan.append((path, rel, fingerprint, old if reusable else None))
    mark = time.perf_counter()
    loaded = load_all_isolated([path for path, _, _, old in plan if old is None], corpus_dir, manifest_entries, *reading)
    report.timed("load_parse", mark)
    bar = tqdm(plan, desc="indexing", unit="doc", disable=not progress)
    for path, rel, fingerprint, old in bar:
        bar.set_postfix_str(rel[-40:])
        if old is not None:
            mark = time.perf_counter()
            parts.add(*_reused(previous, old["doc_id"]))
            commitment_parts[old["doc_id"]] = _reused_commitments(previous, path, corpus_dir, manifest_entries, old["doc_id"])
            documents.append(old)
            report.reused_documents += 1
            report.pages += int(old.get("pages", 0))
            report.timed("reuse", mark)
            continue
        try:
            mark = time.perf_counter()
            doc = loaded[path]
            if isinstance(doc, DocumentError):
                raise doc
            sections = parse_document(doc)
            mark = report.timed("load_parse", mark)
            nodes = chunk_document(doc, sections, embedder.count_tokens, chunk_tokens, overlap_tokens, embedder.max_tokens)
            _mark_ocr(nodes, set(doc.metadata.get("ocr_pages") or ()))
            if not nodes:
                raise DocumentError(path, "no text found to index")
            mark = report.timed("chunk", mark)
            commitment_parts[doc.doc_id] = document_part(doc, sections)
            report.timed("commitments", mark)
        except DocumentError as exc:
            report.skipped.append((rel, exc.reason))
            continue
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the build
            report.skipped.append((rel, f"{type(exc).__name__}: {exc}"))
            continue
        mark = time.perf_counter()
        parts.add(nodes, *_embedded(nodes, embedder))
        report.timed("embed", mark)
        documents.append({
            "doc_id": doc.doc_id, "file": rel, "content_hash": doc.content_hash, "fingerprint": fingerprint,
            "pages": doc.page_count, "chunks": len(nodes), **doc.metadata,
        })
        report.embedded_documents += 1
        report.embedded_chunks += len(nodes)
        report.pages += doc.page_count
    bar.close()

    current = {d["file"] for d in documents}
    report.removed_documents = sorted(f for f in old_docs if f not in current and f not in dict(report.skipped))
    if not documents:
        reasons = "; ".join(f"{f}: {r}" for f, r in report.skipped) or "no PDF, HTML, TXT or Markdown files"
        raise DocumentError(corpus_dir, f"nothing could be indexed ({reasons})")
    ids = [n.node_id for n in parts.nodes]
    if len(set(ids)) != len(ids):
        # Ids hash the document id (its path) and position, so this means a bug, not bad input.
        raise RuntimeError("two chunks share an id; the index would be ambiguous")
    manifest = {
        "format_version": FORMAT_VERSION,
        **compat,
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "corpus_dir": str(corpus_dir.resolve()),
        "documents": {d["file"]: {"doc_id": d["doc_id"], "content_hash": d["content_hash"], "chunks": d["chunks"]} for d in documents},
        "chunk_count": len(parts.nodes),
        "commitments_version": EXTRACTION_VERSION,
    }
    builds = _builds_dir(index_dir)
    builds.mkdir(parents=True, exist_ok=True)
    new_dir = builds / f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
    mark = time.perf_counter()
    try:
        write_index(new_dir, manifest, parts.nodes, np.vstack(parts.vectors),
                    [embed_text(n) for n in parts.nodes], documents,
                    np.vstack(parts.sentence_vectors), np.vstack(parts.sentence_spans),
                    {"parts": commitment_parts,
                     "records": [r.to_dict() for r in assemble(commitment_parts, documents, parts.nodes)]},
                    ivf_from)
    except BaseException:
        shutil.rmtree(new_dir, ignore_errors=True)
        raise
    _swap_in(new_dir, index_dir)
    report.timed("write", mark)

    report.documents = len(documents)
    report.chunks = len(parts.nodes)
    report.seconds = time.perf_counter() - started
    return report
