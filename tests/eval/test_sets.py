"""Every answer and evidence string of the shipped question sets occurs in its document."""
from pathlib import Path

import pytest
from conftest import BUNDLED_CORPUS, ROOT, SHARED_CORPUS

from eval.check_set import load_set, problems

SETS = ROOT / "eval" / "sets"


def test_bundled_set_is_verbatim_and_big_enough():
    items = load_set(SETS / "bundled.jsonl")
    assert len(items) >= 40
    assert sum(1 for i in items if not i["answerable"] or "false-premise" in i.get("tags", [])) >= 8
    assert problems(items, BUNDLED_CORPUS) == []


def test_shared_set_is_verbatim_and_covers_every_document():
    if not SHARED_CORPUS.is_dir():
        pytest.skip("../shared/corpus is not here")
    items = load_set(SETS / "shared.jsonl")
    assert len(items) >= 60
    documents = {p.name for p in SHARED_CORPUS.iterdir() if p.suffix in {".pdf", ".html", ".txt"}}
    assert {i["doc"] for i in items if i.get("doc")} == documents
    assert problems(items, SHARED_CORPUS) == []


def test_fresh_set_is_verbatim():
    """The held-out set (written without seeing the system's answers) is held to the same
    rule: every answer and evidence string occurs in its document."""
    if not SHARED_CORPUS.is_dir():
        pytest.skip("../shared/corpus is not here")
    items = load_set(SETS / "shared-fresh.jsonl")
    assert len(items) >= 60 and sum(1 for i in items if not i["answerable"]) >= 8
    assert problems(items, SHARED_CORPUS) == []


def test_checker_reports_a_string_not_in_the_document(tmp_path):
    bad = [{"id": "x", "question": "?", "answers": ["Gaynor Legall"], "evidence": ["chaired by Someone Else"],
            "answerable": True, "doc": "welsh-gov-response-social-cohesion-2025.txt"}]
    found = problems(bad, BUNDLED_CORPUS)
    assert len(found) == 1 and "Someone Else" in found[0]
