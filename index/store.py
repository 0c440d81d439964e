"""The index directory: manifest.json, FAISS vectors, BM25 matrix, SQLite chunk store.

Nothing here is pickled: FAISS's own format, .npy/JSON for BM25, SQLite with JSON
metadata. Rows are the same number in all three.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
from llama_index.core.schema import TextNode

from index.acronyms import find_acronyms
from index.lexical import LexicalIndex, tokenize
from index.vectors import INDEX_FILE as VECTORS
from index.vectors import IVF_FROM, ChunkVectors, write_vectors

FORMAT_VERSION = 6  # 3: commitments.json; 4: checksums of every file; 5: chunk_docs, file stats; 6: structure table
MANIFEST = "manifest.json"
# Every sentence of every chunk, embedded at build time so answering needs no model
# call beyond the question: vectors, and (chunk row, start, end) into the chunk text.
SENTENCE_VECTORS = "sentence_vectors.npy"
SENTENCE_SPANS = "sentence_spans.npy"
CHUNKS = "chunks.sqlite"
COMMITMENTS = "commitments.json"  # per-document parts and the assembled records
# Acronym definitions found in the chunks at build time.
ACRONYMS = "acronyms.json"
LEXICAL = "bm25"
# Each chunk row's document, as a code into CHUNK_DOC_NAMES: read at open without
# touching the chunk store (reading 100k doc ids from SQLite took 70 ms).
CHUNK_DOCS = "chunk_docs.npy"
CHUNK_DOC_NAMES = "chunk_docs.json"
# Columns of the chunk store's `structure` table (rows inside a recommendation, response
# or numbered paragraph only).
STRUCTURE_FIELDS = ("recommendation", "item_kind", "part", "paragraphs")


class IndexUnavailable(Exception):
    """An index that cannot be used; the message says how to rebuild."""


REBUILD_HINT = "rebuild it with: ateb build --corpus DIR --index {index}"


def write_index(
    path: Path,
    manifest: dict,
    nodes: list[TextNode],
    vectors: np.ndarray,
    lexical_texts: list[str],
    documents: list[dict],
    sentence_vectors: np.ndarray,
    sentence_spans: np.ndarray,
    commitments: dict | None = None,
    ivf_from: int = IVF_FROM,
) -> None:
    """Write a complete index into an empty directory `path`; the vectors go into an
    approximate (IVF) index from `ivf_from` chunks."""
    path.mkdir(parents=True, exist_ok=False)
    (path / COMMITMENTS).write_text(json.dumps(commitments or {"parts": {}, "records": []}, ensure_ascii=False))
    texts = (folded(n.metadata.get("section"), n.text) for n in nodes)
    (path / ACRONYMS).write_text(json.dumps(find_acronyms(texts), ensure_ascii=False, sort_keys=True))
    np.save(path / SENTENCE_VECTORS, np.ascontiguousarray(sentence_vectors, dtype=np.float32), allow_pickle=False)
    np.save(path / SENTENCE_SPANS, np.ascontiguousarray(sentence_spans, dtype=np.int32), allow_pickle=False)
    names: dict[str, int] = {}
    codes = np.array([names.setdefault(n.metadata["doc_id"], len(names)) for n in nodes], dtype=np.int32)
    np.save(path / CHUNK_DOCS, codes, allow_pickle=False)
    (path / CHUNK_DOC_NAMES).write_text(json.dumps(list(names), ensure_ascii=False))
    described = write_vectors(path, vectors, int(manifest["model"]["dimension"]), ivf_from)
    LexicalIndex.build(lexical_texts).save(path / LEXICAL)
    with sqlite3.connect(path / CHUNKS) as db:
        db.execute("CREATE TABLE chunks (row INTEGER PRIMARY KEY, chunk_id TEXT UNIQUE NOT NULL, doc_id TEXT NOT NULL, text TEXT NOT NULL, metadata TEXT NOT NULL)")
        db.execute("CREATE INDEX chunks_doc ON chunks(doc_id)")
        db.execute("CREATE TABLE documents (doc_id TEXT PRIMARY KEY, file TEXT NOT NULL, metadata TEXT NOT NULL)")
        # Only the rows inside a recommendation, response or numbered paragraph: a
        # question naming one looks here, never at every chunk (1 s a question at 1M).
        db.execute("CREATE TABLE structure (row INTEGER PRIMARY KEY, recommendation TEXT, item_kind TEXT, part TEXT, paragraphs TEXT)")
        db.execute("CREATE INDEX structure_recommendation ON structure(lower(recommendation))")
        db.executemany(
            "INSERT INTO chunks VALUES (?, ?, ?, ?, ?)",
            [(row, n.node_id, n.metadata["doc_id"], n.text, json.dumps(n.metadata, ensure_ascii=False)) for row, n in enumerate(nodes)],
        )
        db.executemany(
            "INSERT INTO documents VALUES (?, ?, ?)",
            [(d["doc_id"], d["file"], json.dumps(d, ensure_ascii=False)) for d in documents],
        )
        db.executemany("INSERT INTO structure VALUES (?, ?, ?, ?, ?)", _structure_rows(nodes))
    db.close()
    manifest = {**manifest, "vector_index": described, "checksums": file_checksums(path),
                "file_stats": file_stats(path)}
    # The manifest goes last: a directory without one is never mistaken for an index.
    (path / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False))


def _structure_rows(nodes: list[TextNode]) -> list[tuple]:
    """(row, recommendation, item_kind, part, paragraphs) of the chunks inside a
    recommendation, a response part or numbered paragraphs (an item kind alone places a
    chunk nowhere)."""
    out = []
    for row, node in enumerate(nodes):
        values = [None if node.metadata.get(f) in (None, "") else str(node.metadata[f]) for f in STRUCTURE_FIELDS]
        recommendation, _, part, paragraphs = values
        if recommendation or part or paragraphs:
            out.append((row, *values))
    return out


def folded(section: str | None, text: str) -> str:
    """A chunk's section path and text, casefolded: what names and acronym definitions
    are matched against."""
    return f"{section or ''}\n{text}".casefold()


def with_pairs(ids: np.ndarray, chunks: np.ndarray, vectors: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """Each sentence's cosine to the query, or, where higher, that of the mean of its
    vector and the sentence before it ("On 9 October the Committee published its report"
    says which committee only through the sentence before). `ids` are sentence indexes
    in order, `chunks` their chunk rows: sentence j pairs with j - 1 when that is the
    sentence just before it in the same chunk."""
    out = np.array(scores, dtype=np.float32)
    if len(ids) > 1:
        ids, chunks = np.asarray(ids), np.asarray(chunks)
        follows = (ids[1:] - 1 == ids[:-1]) & (chunks[1:] == chunks[:-1])
        norms = np.linalg.norm(vectors[1:] + vectors[:-1], axis=1)
        pair = np.where(follows, (out[1:] + out[:-1]) / np.maximum(norms, 1e-6), -np.inf)
        np.maximum(out[1:], pair, out=out[1:])
    return out


def file_checksums(path: Path) -> dict[str, str]:
    """sha256 of every file of an index directory but the manifest, by relative path."""
    return {file.relative_to(path).as_posix(): _sha256(file) for file in _index_files(path)}


def _index_files(path: Path) -> list[Path]:
    return sorted(p for p in path.rglob("*") if p.is_file() and p.name != MANIFEST)


def file_stats(path: Path) -> dict[str, list[int]]:
    """(size, modification time in ns) of every file but the manifest, by relative path."""
    out = {}
    for file in _index_files(path):
        stat = file.stat()
        out[file.relative_to(path).as_posix()] = [stat.st_size, stat.st_mtime_ns]
    return out


def _sha256(file: Path) -> str:
    digest = hashlib.sha256()
    with open(file, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_checksums(path: Path, manifest: dict, full: bool = False) -> None:
    """Refuse an index whose files are not the ones its build wrote (truncated, changed,
    missing or added), naming the file, before any of them is parsed.

    As git and rsync do, a file whose size and modification time are still those the
    build recorded is taken as unchanged; any other is hashed against its sha256 (every
    file when `full`). Hashing all of a 100k-chunk index took 0.7 s of its 0.9 s open."""
    expected = manifest.get("checksums")
    if not isinstance(expected, dict) or not expected:
        raise IndexUnavailable(f"index at {path} has no file checksums; " + REBUILD_HINT.format(index=path))
    recorded = {} if full else manifest.get("file_stats") or {}
    found = file_stats(path)
    for name in sorted(set(expected) | set(found)):
        if name not in found:
            problem = "is missing"
        elif name not in expected:
            problem = "is not part of the index that was built"
        elif recorded.get(name) != found[name] and _sha256(path / name) != expected[name]:
            problem = "does not match its checksum (truncated or changed after the build)"
        else:
            continue
        raise IndexUnavailable(f"index at {path} is damaged: {name} {problem}; " + REBUILD_HINT.format(index=path))


def read_manifest(path: Path) -> dict:
    file = path / MANIFEST
    if not file.exists():
        raise IndexUnavailable(f"no index at {path} (missing {MANIFEST}); " + REBUILD_HINT.format(index=path))
    try:
        return json.loads(file.read_text())
    except json.JSONDecodeError as exc:
        raise IndexUnavailable(f"{file} is not valid JSON ({exc.msg}); " + REBUILD_HINT.format(index=path)) from exc


@dataclass
class StoredIndex:
    """An opened index directory. Thread-safe for reads."""

    path: Path
    manifest: dict
    vectors: ChunkVectors
    lexical: LexicalIndex
    _db_path: Path
    doc_ids: np.ndarray  # doc_id of every row, for filters
    documents: list[dict]
    sentence_vectors: np.ndarray  # [sentences, dim]
    sentence_spans: np.ndarray  # [sentences, 3]: chunk row, start, end; sorted by row

    @classmethod
    def open(cls, path: Path | str) -> "StoredIndex":
        """Open an index directory. Only what every question needs is read now, and the
        large arrays are memory-mapped (FAISS codes, BM25 matrix, sentence vectors): a
        question reads the pages it touches, and opening does not grow with the index."""
        path = Path(path)
        manifest = read_manifest(path)
        if manifest.get("format_version") != FORMAT_VERSION:
            raise IndexUnavailable(
                f"index at {path} has format version {manifest.get('format_version')}, this Ateb reads "
                f"version {FORMAT_VERSION}; " + REBUILD_HINT.format(index=path)
            )
        verify_checksums(path, manifest)
        try:
            vectors = ChunkVectors.open(path, manifest.get("vector_index"))
            sentence_vectors = np.load(path / SENTENCE_VECTORS, allow_pickle=False, mmap_mode="r")
            sentence_spans = np.load(path / SENTENCE_SPANS, allow_pickle=False)
            names = json.loads((path / CHUNK_DOC_NAMES).read_text())
            codes = np.load(path / CHUNK_DOCS, allow_pickle=False)
            doc_ids = np.array(names, dtype=object)[codes]
            lexical = LexicalIndex.load(path / LEXICAL)
            with sqlite3.connect(f"file:{path / CHUNKS}?mode=ro", uri=True) as db:
                chunk_rows = db.execute("SELECT coalesce(max(row) + 1, 0) FROM chunks").fetchone()[0]
                documents = [json.loads(r[0]) for r in db.execute("SELECT metadata FROM documents ORDER BY file")]
            db.close()
        except (RuntimeError, OSError, sqlite3.Error, ValueError, IndexError, TypeError) as exc:  # FAISS raises RuntimeError
            raise IndexUnavailable(f"index at {path} is damaged ({exc}); " + REBUILD_HINT.format(index=path)) from exc
        if not vectors.size == lexical.size == len(doc_ids) == chunk_rows:
            raise IndexUnavailable(f"index at {path} is inconsistent (vectors {vectors.size}, chunks {chunk_rows}); " + REBUILD_HINT.format(index=path))
        # The chunk store is read by its real directory: a rebuild that swaps `path` to a
        # new build does not change what this opened index reads.
        return cls(path, manifest, vectors, lexical, path.resolve() / CHUNKS, doc_ids, documents,
                   sentence_vectors, sentence_spans)

    def structure_of(self, rows: list[int]) -> list[dict]:
        """Per row, in the given order: doc_id, recommendation, item_kind, part, paragraphs
        (None where the chunk is not inside one)."""
        if not rows:
            return []
        with self._connect() as db:
            found = {r[0]: r[1:] for r in db.execute(
                f"SELECT row, {', '.join(STRUCTURE_FIELDS)} FROM structure WHERE row IN ({','.join('?' * len(rows))})",
                [int(r) for r in rows])}
        return [self._structure_row(r, found.get(r, (None,) * len(STRUCTURE_FIELDS))) for r in rows]

    def _structure_row(self, row: int, values: tuple) -> dict:
        return {"doc_id": self.doc_ids[row], **dict(zip(STRUCTURE_FIELDS, values))}

    def rows_in_structure(self, recommendation: str | None = None, paragraph: str | None = None) -> list[tuple[int, dict]]:
        """(row, structure) of the chunks inside recommendation `recommendation` (any
        document, any kind: the caller narrows) or numbered paragraph `paragraph`."""
        clauses, args = [], []
        if recommendation is not None:
            clauses.append("lower(recommendation) = ?")
            args.append(str(recommendation).lower())
        if paragraph is not None:
            clauses.append("',' || paragraphs || ',' LIKE ?")
            args.append(f"%,{paragraph},%")
        if not clauses:
            return []
        with self._connect() as db:
            found = db.execute(f"SELECT row, {', '.join(STRUCTURE_FIELDS)} FROM structure WHERE {' OR '.join(clauses)} "
                               "ORDER BY row", args).fetchall()
        return [(r[0], self._structure_row(r[0], r[1:])) for r in found]

    @cached_property
    def _commitments(self) -> dict:
        try:
            return json.loads((self.path / COMMITMENTS).read_text())
        except (OSError, ValueError) as exc:
            raise IndexUnavailable(f"index at {self.path} has no readable {COMMITMENTS} ({exc}); " + REBUILD_HINT.format(index=self.path)) from exc

    def commitment_part(self, doc_id: str) -> dict:
        """What one document contributed to the commitments (for reuse by a rebuild)."""
        return self._commitments.get("parts", {}).get(doc_id, {"records": [], "passages": []})

    def commitment_records(self) -> list[dict]:
        """Every commitments record, as stored (JSON dicts)."""
        return self._commitments.get("records", [])

    @property
    def size(self) -> int:
        return len(self.doc_ids)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(f"file:{self._db_path}?mode=ro", uri=True, check_same_thread=False)

    def folded_texts_of(self, rows: list[int]) -> dict[int, str]:
        """Some rows' section path and text, casefolded (`folded`), read from the chunk
        store: for exact-phrase matching of names at query time."""
        if not rows:
            return {}
        with self._connect() as db:
            marks = ",".join("?" * len(rows))
            return {r[0]: folded(r[1], r[2]) for r in db.execute(
                f"SELECT row, json_extract(metadata, '$.section'), text FROM chunks WHERE row IN ({marks})", rows)}

    @cached_property
    def acronyms(self) -> dict[str, str]:
        """'psi' -> 'public sector information', from definitions in the text such as
        'Public Sector Information (PSI)', casefolded; for query expansion."""
        try:
            return json.loads((self.path / ACRONYMS).read_text())
        except (OSError, ValueError) as exc:
            raise IndexUnavailable(f"index at {self.path} has no readable {ACRONYMS} ({exc}); "
                                   + REBUILD_HINT.format(index=self.path)) from exc

    @cached_property
    def acronym_terms(self) -> list[tuple[str, frozenset[str]]]:
        """`acronyms` as BM25 tokens: (the acronym's token, its expansion's tokens)."""
        pairs = list(self.acronyms.items())
        if not pairs:
            return []
        tokens = tokenize([a for a, _ in pairs] + [e for _, e in pairs])
        return [(tokens[i][0], frozenset(tokens[len(pairs) + i])) for i in range(len(pairs)) if tokens[i]]

    def nodes(self, rows: list[int]) -> list[TextNode]:
        if not rows:
            return []
        with self._connect() as db:
            marks = ",".join("?" * len(rows))
            found = {
                r[0]: TextNode(id_=r[1], text=r[2], metadata=json.loads(r[3]))
                for r in db.execute(f"SELECT row, chunk_id, text, metadata FROM chunks WHERE row IN ({marks})", rows)
            }
        return [found[r] for r in rows if r in found]

    def node_by_id(self, chunk_id: str) -> TextNode | None:
        with self._connect() as db:
            row = db.execute("SELECT chunk_id, text, metadata FROM chunks WHERE chunk_id = ?", (chunk_id,)).fetchone()
        return TextNode(id_=row[0], text=row[1], metadata=json.loads(row[2])) if row else None

    def row_of(self, chunk_id: str) -> int | None:
        with self._connect() as db:
            row = db.execute("SELECT row FROM chunks WHERE chunk_id = ?", (chunk_id,)).fetchone()
        return int(row[0]) if row else None

    def nodes_of_document(self, doc_id: str) -> list[tuple[int, TextNode]]:
        with self._connect() as db:
            return [
                (r[0], TextNode(id_=r[1], text=r[2], metadata=json.loads(r[3])))
                for r in db.execute("SELECT row, chunk_id, text, metadata FROM chunks WHERE doc_id = ? ORDER BY row", (doc_id,))
            ]

    def nodes_in_section(self, doc_id: str, section: str) -> list[tuple[int, TextNode]]:
        """The chunks of one document's section ("Footnotes"), read without parsing the rest."""
        with self._connect() as db:
            return [
                (r[0], TextNode(id_=r[1], text=r[2], metadata=json.loads(r[3])))
                for r in db.execute("SELECT row, chunk_id, text, metadata FROM chunks WHERE doc_id = ? "
                                    "AND json_extract(metadata, '$.section') = ? ORDER BY row", (doc_id, section))
            ]

    @cached_property
    def _sentence_rows(self) -> np.ndarray:
        """Each sentence's chunk row, contiguous (a column view would be copied by every
        searchsorted)."""
        return np.ascontiguousarray(self.sentence_spans[:, 0])

    def sentences_of(self, rows: list[int]) -> np.ndarray:
        """Indexes (into sentence_vectors / sentence_spans) of the sentences of `rows`,
        row by row in the given order."""
        if len(rows) == 0:
            return np.zeros(0, dtype=np.int64)
        wanted = np.asarray(rows, dtype=self._sentence_rows.dtype)
        starts = np.searchsorted(self._sentence_rows, wanted, "left")
        counts = np.searchsorted(self._sentence_rows, wanted, "right") - starts
        # starts[i], starts[i] + 1, … for counts[i] sentences each, in one pass
        offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        return (np.repeat(starts, counts) + offsets).astype(np.int64)

    def vectors_of(self, rows: list[int]) -> np.ndarray:
        return self.vectors.vectors_of(rows)

    def sentence_search(self, query: np.ndarray, k: int, rows: np.ndarray | list[int] | None = None) -> list[tuple[int, float]]:
        """Chunks ranked by their best sentence's cosine to the query, each sentence read
        alone and with the one before it: a short answering sentence inside a long chunk
        is found even when the chunk as a whole is about something broader. Only the
        sentences of `rows` are read when given (a candidate pool: the cost then does not
        grow with the index), else every sentence."""
        if len(self.sentence_vectors) == 0:
            return []
        if rows is None:
            ids = np.arange(len(self.sentence_vectors))
        else:
            ids = self.sentences_of(sorted({int(r) for r in rows}))
            if len(ids) == 0:
                return []
        vectors = np.asarray(self.sentence_vectors[ids] if rows is not None else self.sentence_vectors)
        scores = with_pairs(ids, self._sentence_rows[ids], vectors, vectors @ query.astype(np.float32))
        take = min(len(scores), k * 4)
        top = np.argpartition(-scores, take - 1)[:take]
        top = top[np.argsort(-scores[top])]
        chunk_of = self._sentence_rows[ids[top]]
        out: dict[int, float] = {}
        for row, score in zip(chunk_of.tolist(), scores[top].tolist()):
            out.setdefault(int(row), float(score))
            if len(out) >= k:
                break
        return list(out.items())

    def dense_search(self, query: np.ndarray, k: int, allowed_rows: np.ndarray | None = None) -> list[tuple[int, float]]:
        return self.vectors.search(query, k, allowed_rows)
