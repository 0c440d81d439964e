"""Read one document in a child process with a time and a memory limit, so a hostile or
pathological file (a decompression bomb, a parser loop, a 2 GB scan) costs one skipped
document, never a hung or killed build. The child sends its result back as JSON."""
from __future__ import annotations

import json
import multiprocessing
import time
from dataclasses import asdict
from pathlib import Path

from index.documents import DocumentError, Line, LoadedDocument

DOCUMENT_SECONDS = 300.0
DOCUMENT_MEMORY_MB = 4096
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


def load_isolated(path: Path, corpus_dir: Path, manifest: dict, seconds: float = DOCUMENT_SECONDS,
                  memory_mb: float = DOCUMENT_MEMORY_MB) -> LoadedDocument:
    """`load_document` in a forked child; DocumentError if it fails, runs out of time or
    writes more than `memory_mb` of its own memory (the child is killed)."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(send, str(path), str(corpus_dir), manifest), daemon=True)
    child.start()
    send.close()
    deadline = time.monotonic() + seconds
    data = None
    try:
        while data is None:
            if receive.poll(_POLL):
                data = receive.recv_bytes()
                break
            if not child.is_alive():
                raise DocumentError(path, f"reading it crashed the reader (exit code {child.exitcode})")
            if time.monotonic() > deadline:
                raise DocumentError(path, f"took longer than {seconds:.0f} s to read; skipped")
            if memory_mb and _own_memory_mb(child.pid) > memory_mb:
                raise DocumentError(path, f"needed more than {memory_mb:.0f} MB of memory to read; skipped")
    except EOFError:
        raise DocumentError(path, "reading it crashed the reader") from None
    finally:
        if child.is_alive() and data is None:
            child.kill()
        child.join(timeout=5)
        receive.close()
    payload = json.loads(data)
    if "error" in payload:
        raise DocumentError(path, payload["error"])
    doc = payload["doc"]
    doc["lines"] = [Line(**line) for line in doc["lines"]]
    return LoadedDocument(**doc)
