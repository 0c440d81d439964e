"""An index directory that was changed after its build is refused with a message naming
the file; no file in it can make the loader run code; two builds never interleave."""
import fcntl
import json
import os
import subprocess
import sys

import numpy as np
import pytest

from index import IndexBusy, IndexUnavailable, StoredIndex, build_index
from index.store import file_checksums, read_manifest, verify_checksums


@pytest.fixture
def built(corpus_copy, tmp_path, embedder):
    index_dir = tmp_path / "index"
    build_index(corpus_copy, index_dir, embedder=embedder)
    return index_dir


def test_truncated_missing_or_added_files_are_named(built):
    vectors = built / "vectors.faiss"
    data = vectors.read_bytes()
    vectors.write_bytes(data[: len(data) // 2])
    with pytest.raises(IndexUnavailable, match=r"vectors\.faiss does not match its checksum.*ateb build"):
        StoredIndex.open(built)
    vectors.write_bytes(data)
    StoredIndex.open(built)  # restored: opens again
    (built / "notes.txt").write_text("hello")
    with pytest.raises(IndexUnavailable, match=r"notes\.txt is not part of the index"):
        StoredIndex.open(built)
    (built / "notes.txt").unlink()
    (built / "bm25" / "vocab.index.json").unlink()
    with pytest.raises(IndexUnavailable, match=r"bm25/vocab\.index\.json is missing"):
        StoredIndex.open(built)


def test_a_changed_byte_is_found_by_its_checksum_and_a_forged_time_by_a_full_check(built):
    """Opening trusts a file whose size and time are still the build's (as git does) and
    hashes any other: one flipped byte, same size, is refused; `full` hashes everything,
    so even a change whose modification time was put back is found."""
    spans = built / "sentence_spans.npy"
    data = bytearray(spans.read_bytes())
    stat = spans.stat()
    data[-1] ^= 0xFF
    spans.write_bytes(bytes(data))
    with pytest.raises(IndexUnavailable, match=r"sentence_spans\.npy does not match its checksum"):
        StoredIndex.open(built)
    os.utime(spans, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the build's time, forged back
    StoredIndex.open(built)  # the fast check is fooled, by design
    with pytest.raises(IndexUnavailable, match=r"sentence_spans\.npy does not match its checksum"):
        verify_checksums(built, read_manifest(built), full=True)


class _Payload:
    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_a_crafted_index_file_cannot_run_code(built, tmp_path):
    """Even an attacker who rewrites the manifest's checksums gets no code run: every
    array is read with pickle refused, and the rest is JSON, SQLite and FAISS."""
    marker = tmp_path / "pwned"
    arrays = sorted(built.rglob("*.npy"))
    assert {p.name for p in arrays} >= {"sentence_vectors.npy", "sentence_spans.npy", "data.csc.index.npy"}
    for target in arrays:
        original = target.read_bytes()
        np.save(target, np.array([_Payload(marker)], dtype=object), allow_pickle=True)
        manifest = json.loads((built / "manifest.json").read_text())
        manifest["checksums"] = file_checksums(built)
        (built / "manifest.json").write_text(json.dumps(manifest))
        with pytest.raises(IndexUnavailable, match="damaged"):
            StoredIndex.open(built)
        assert not marker.exists(), f"{target.name} ran code"
        target.write_bytes(original)
        manifest["checksums"] = file_checksums(built)
        (built / "manifest.json").write_text(json.dumps(manifest))
    StoredIndex.open(built)


def test_a_second_build_is_refused_while_one_runs(built, corpus_copy, embedder):
    lock = built.parent / f".{built.name}.lock"
    with open(lock, "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running build holds it
        held.write("4242")
        held.flush()
        with pytest.raises(IndexBusy, match="another build .*4242"):
            build_index(corpus_copy, built, embedder=embedder)
        run = subprocess.run([sys.executable, "-m", "ateb", "build", "--quiet", "--corpus", str(corpus_copy),
                              "--index", str(built)], capture_output=True, text=True, timeout=300,
                             env={**os.environ, "HF_HUB_OFFLINE": "1"})
        assert run.returncode == 2 and "another build" in run.stderr
    assert build_index(corpus_copy, built, embedder=embedder).documents == 1  # released: builds again
