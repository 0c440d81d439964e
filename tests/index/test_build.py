"""Index directory behaviour: incremental, atomic, refuses a mismatched model or format,
and one bad file never stops the rest."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pdf_writer import write_pdf

from assistant import Assistant
from index import DocumentError, IndexUnavailable, StoredIndex, build_index
from index.store import FORMAT_VERSION

EXTRA = "Highways response.\n\nRecommendation 1\n\nResurface every road.\n\nResponse: Reject\n\nThe Government will not resurface every road because the cost is £9 billion.\n"


def test_rebuild_of_unchanged_corpus_embeds_nothing(corpus_copy, tmp_path, embedder):
    index_dir = tmp_path / "index"
    first = build_index(corpus_copy, index_dir, embedder=embedder)
    assert first.embedded_documents == 1 and first.chunks > 10
    again = build_index(corpus_copy, index_dir, embedder=embedder)
    assert again.embedded_chunks == 0 and again.reused_documents == 1
    assert again.chunks == first.chunks
    ids = lambda: [n.node_id for _, n in StoredIndex.open(index_dir).nodes_of_document("welsh-gov-response-social-cohesion-2025")]
    assert len(ids()) == first.chunks


def test_only_added_changed_and_removed_documents_are_touched(corpus_copy, tmp_path, embedder):
    index_dir = tmp_path / "index"
    build_index(corpus_copy, index_dir, embedder=embedder)
    (corpus_copy / "highways.txt").write_text(EXTRA)
    added = build_index(corpus_copy, index_dir, embedder=embedder)
    assert (added.embedded_documents, added.reused_documents) == (1, 1)
    # highways.txt sorts first, so the reused document's chunks moved: its sentence
    # vectors must have moved with them.
    reused = Assistant.open(index_dir, embedder=embedder).ask("Who chairs the Expert Group on Social Cohesion?")
    assert "Gaynor Legall" in reused.answer and reused.citations[0].page == "4"

    (corpus_copy / "highways.txt").write_text(EXTRA.replace("£9 billion", "£12 billion"))
    changed = build_index(corpus_copy, index_dir, embedder=embedder)
    assert (changed.embedded_documents, changed.reused_documents) == (1, 1)
    answer = Assistant.open(index_dir, embedder=embedder).ask("Why will the Government not resurface every road?")
    assert "£12 billion" in answer.answer

    (corpus_copy / "highways.txt").unlink()
    removed = build_index(corpus_copy, index_dir, embedder=embedder)
    assert removed.removed_documents == ["highways.txt"] and removed.documents == 1
    assert [d["file"] for d in StoredIndex.open(index_dir).documents] == ["welsh-gov-response-social-cohesion-2025.txt"]


def test_bad_files_are_reported_and_the_rest_indexed(corpus_copy, tmp_path, embedder):
    (corpus_copy / "broken.pdf").write_bytes(b"%PDF-1.7\nnot a pdf at all")
    (corpus_copy / "empty.txt").write_text("   \n")
    (corpus_copy / "minutes.docx").write_bytes(b"PK\x03\x04 not read")
    write_pdf(corpus_copy / "good.pdf", [["Recommendation 9", "Plant more trees.", "Response: Accept", "We will plant 5,000 trees."]])
    report = build_index(corpus_copy, tmp_path / "index", embedder=embedder)
    skipped = dict(report.skipped)
    assert set(skipped) == {"broken.pdf", "empty.txt", "minutes.docx"}
    assert "PDF" in skipped["broken.pdf"] and "empty" in skipped["empty.txt"]
    assert "unsupported file type" in skipped["minutes.docx"]
    assert report.documents == 2


def test_empty_corpus_is_an_error_that_keeps_the_old_index(corpus_copy, tmp_path, embedder):
    index_dir = tmp_path / "index"
    build_index(corpus_copy, index_dir, embedder=embedder)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(DocumentError, match="nothing could be indexed"):
        build_index(empty, index_dir, embedder=embedder)
    assert StoredIndex.open(index_dir).size > 0


def test_failure_while_writing_leaves_previous_index_loadable(corpus_copy, tmp_path, embedder, monkeypatch):
    index_dir = tmp_path / "index"
    build_index(corpus_copy, index_dir, embedder=embedder)
    (corpus_copy / "highways.txt").write_text(EXTRA)

    import index.store as store

    def explode(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(store.LexicalIndex, "save", explode)
    with pytest.raises(OSError, match="disk full"):
        build_index(corpus_copy, index_dir, embedder=embedder)
    monkeypatch.undo()
    opened = Assistant.open(index_dir, embedder=embedder)
    assert [d["file"] for d in opened.documents()] == ["welsh-gov-response-social-cohesion-2025.txt"]
    assert "Gaynor Legall" in opened.ask("Who chairs the Expert Group on Social Cohesion?").answer
    builds = index_dir.parent / f".{index_dir.name}.builds"
    assert len(list(builds.iterdir())) == 1  # the half-written build was cleaned up


def test_killed_build_leaves_an_index_that_loads(tmp_path, embedder):
    """SIGKILL `ateb build` at 20 random moments across a whole build: after every kill
    the index opens and answers (eval/kill_loop.py prints the same figures)."""
    from eval.kill_loop import kill_loop

    figures = kill_loop(tmp_path, runs=20, seed=11, embedder=embedder)
    assert figures["failures"] == []
    assert figures["killed_before_swap"] >= 5  # the kills did land mid-build


def test_index_from_another_model_is_refused_with_rebuild_advice(corpus_copy, tmp_path, embedder):
    index_dir = tmp_path / "index"
    build_index(corpus_copy, index_dir, embedder=embedder)
    manifest_path = index_dir / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["model"]["checksum"] = "0" * 64
    manifest["model"]["name"] = "some-other-model"
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(IndexUnavailable, match="ateb build"):
        Assistant.open(index_dir, embedder=embedder)


def test_index_of_another_format_version_is_refused(corpus_copy, tmp_path, embedder):
    index_dir = tmp_path / "index"
    build_index(corpus_copy, index_dir, embedder=embedder)
    manifest_path = index_dir / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["format_version"] = 999
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(IndexUnavailable, match="format version 999"):
        StoredIndex.open(index_dir)


def test_manifest_records_what_a_rebuild_needs(bundled_index):
    manifest = json.loads((bundled_index / "manifest.json").read_text())
    assert manifest["format_version"] == FORMAT_VERSION
    assert manifest["model"]["name"] == "all-MiniLM-L6-v2" and manifest["model"]["dimension"] == 384
    assert len(manifest["model"]["checksum"]) == 64
    assert manifest["chunking"]["chunk_tokens"] > 0
    (doc,) = manifest["documents"].values()
    assert len(doc["content_hash"]) == 64
    assert not any(p.suffix in {".pkl", ".pickle"} for p in Path(bundled_index).rglob("*"))
    assert (bundled_index / "sentence_vectors.npy").exists()


def test_build_refuses_to_replace_a_folder_that_is_not_an_index(corpus_copy, tmp_path, embedder):
    precious = tmp_path / "my-documents"
    precious.mkdir()
    (precious / "thesis.txt").write_text("years of work")
    with pytest.raises(DocumentError, match="not an Ateb index"):
        build_index(corpus_copy, precious, embedder=embedder)
    assert (precious / "thesis.txt").read_text() == "years of work"
    empty = tmp_path / "empty-target"
    empty.mkdir()
    assert build_index(corpus_copy, empty, embedder=embedder).documents == 1
