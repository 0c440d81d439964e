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


FRESH_SETS = ["shared-fresh", "shared-fresh2", "shared-fresh3", "shared-fresh4", "shared-fresh5", "shared-fresh6",
              "shared-fresh7", "shared-fresh8", "shared-fresh9", "shared-fresh10", "shared-fresh11",
              "shared-fresh12", "shared-fresh13", "shared-fresh14", "shared-fresh15",
              "shared-fresh16", "shared-fresh17", "shared-fresh18", "shared-fresh19",
              "shared-fresh20", "shared-fresh21", "shared-fresh22",
              "shared-fresh23", "shared-fresh24", "shared-fresh25",
              "shared-fresh26", "shared-fresh27", "shared-fresh28", "shared-fresh29"]


def test_fresh_sets_are_verbatim():
    """The held-out sets (each written from the documents alone, without seeing the
    system or its answers) are held to the same rule: every answer and evidence string
    occurs in its document. One check over all of them: the corpus is parsed once."""
    if not SHARED_CORPUS.is_dir():
        pytest.skip("../shared/corpus is not here")
    sets = {name: load_set(SETS / f"{name}.jsonl") for name in FRESH_SETS}
    for name, items in sets.items():
        assert len(items) >= 50 and sum(1 for i in items if not i["answerable"]) >= 8, name
    assert problems([i for items in sets.values() for i in items], SHARED_CORPUS) == []


def test_checker_reports_a_string_not_in_the_document(tmp_path):
    bad = [{"id": "x", "question": "?", "answers": ["Gaynor Legall"], "evidence": ["chaired by Someone Else"],
            "answerable": True, "doc": "welsh-gov-response-social-cohesion-2025.txt"}]
    found = problems(bad, BUNDLED_CORPUS)
    assert len(found) == 1 and "Someone Else" in found[0]


def test_checker_refuses_an_alias_that_occurs_in_almost_any_answer():
    item = {"id": "x", "question": "Will they keep the model?", "answers": ["retain the model", "No"],
            "evidence": ["Gaynor Legall"], "answerable": True, "doc": "welsh-gov-response-social-cohesion-2025.txt"}
    found = problems([item], BUNDLED_CORPUS)
    assert any("'No'" in f and "almost any answer" in f for f in found)
