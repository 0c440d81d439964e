"""Read documents, each in its own child process with a time and a memory limit, so a hostile or
pathological file (a decompression bomb, a parser loop, a 2 GB scan) costs one skipped
document, never a hung or killed build. The child sends its result back as JSON."""
from __future__ import annotations

import json
import multiprocessing
import multiprocessing.connection
import os
import time
from dataclasses import asdict
from pathlib import Path

from index.documents import DocumentError, Line, LoadedDocument

DOCUMENT_SECONDS = 300.0
DOCUMENT_MEMORY_MB = 4096
LOAD_WORKERS = max(1, min(4, os.cpu_count() or 1))
_POLL = 0.05


def _own_memory_mb(pid: int) -> float:
    """Memory the child has written itself: its private pages. (Its resident size would
    also count the pages it shares with the build process, model included.)"""
    total = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith(("Private_Clean:", "Private_Dirty:")):
                total += int(line.split()[1])
    except OSError:
        return 0.0
    return total / 1024


def _child(conn, path: str, corpus_dir: str, manifest: dict) -> None:  # noqa: ANN001 - a Connection
    from index.loading import load_document

    try:
        doc = load_document(Path(path), Path(corpus_dir), manifest)
        payload = {"doc": asdict(doc)}  # lines become dicts too
    except DocumentError as exc:
        payload = {"error": exc.reason}
    except Exception as exc:  # noqa: BLE001 - the parent reports it against the file
        payload = {"error": f"failed to load ({type(exc).__name__}: {exc})"}
    conn.send_bytes(json.dumps(payload).encode())
    conn.close()


class _Reading:
    """One document being read by its own child process."""

    def __init__(self, path: Path, corpus_dir: Path, manifest: dict, seconds: float, memory_mb: float) -> None:
        context = multiprocessing.get_context("fork")
        self.path, self.memory_mb, self.seconds = path, memory_mb, seconds
        self.receive, send = context.Pipe(duplex=False)
        self.child = context.Process(target=_child, args=(send, str(path), str(corpus_dir), manifest), daemon=True)
        self.child.start()
        send.close()
        self.deadline = time.monotonic() + seconds

    def result(self) -> LoadedDocument | DocumentError | None:
        """The document, or why it could not be read; None while the child still reads."""
        path = self.path
        try:
            if self.receive.poll():
                return _decoded(path, self.receive.recv_bytes())
            if not self.child.is_alive():
                return DocumentError(path, f"reading it crashed the reader (exit code {self.child.exitcode})")
            if time.monotonic() > self.deadline:
                return DocumentError(path, f"took longer than {self.seconds:.0f} s to read; skipped")
            if self.memory_mb and _own_memory_mb(self.child.pid) > self.memory_mb:
                return DocumentError(path, f"needed more than {self.memory_mb:.0f} MB of memory to read; skipped")
        except EOFError:
            return DocumentError(path, "reading it crashed the reader")
        return None

    def close(self) -> None:
        if self.child.is_alive():
            self.child.kill()
        self.child.join(timeout=5)
        self.receive.close()


def _decoded(path: Path, data: bytes) -> LoadedDocument | DocumentError:
    payload = json.loads(data)
    if "error" in payload:
        return DocumentError(path, payload["error"])
    doc = payload["doc"]
    doc["lines"] = [Line(**line) for line in doc["lines"]]
    return LoadedDocument(**doc)


def load_all_isolated(paths: list[Path], corpus_dir: Path, manifest: dict, seconds: float = DOCUMENT_SECONDS,
                      memory_mb: float = DOCUMENT_MEMORY_MB, workers: int = LOAD_WORKERS
                      ) -> dict[Path, LoadedDocument | DocumentError]:
    """`load_document` for each of `paths` in a forked child, `workers` children at a
    time, largest files first (so the last to finish is a small one). A document that
    fails, runs past `seconds` or writes more than `memory_mb` of its own memory (the
    child is then killed) maps to a DocumentError naming it. Reading is one core's work
    per document and nothing else runs while a build reads: on 2 cores, two at a time
    nearly halve it. Children are forked from this thread only."""
    queue = sorted(paths, key=lambda p: -p.stat().st_size if p.exists() else 0)
    running: list[_Reading] = []
    out: dict[Path, LoadedDocument | DocumentError] = {}
    try:
        while queue or running:
            while queue and len(running) < max(1, workers):
                running.append(_Reading(queue.pop(0), corpus_dir, manifest, seconds, memory_mb))
            multiprocessing.connection.wait([r.receive for r in running], timeout=_POLL)
            for reading in list(running):
                found = reading.result()
                if found is not None:
                    out[reading.path] = found
                    reading.close()
                    running.remove(reading)
    finally:
        for reading in running:
            reading.close()
    return out
