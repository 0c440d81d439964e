"""The scoring rules of DESIGN.md on hand-made cases, including ones that must fail."""
from eval.metrics import answer_words, percentile, summarise, score
from eval.scoring import answer_correct, citation_supported, evidence_rank, normalise

ITEM = {"id": "q1", "question": "What does it cost?", "answers": ["£1.63m", "1.63 million"],
        "evidence": ["The cost is approximately £1.63m per annum."], "answerable": True}
UNANSWERABLE = {"id": "q2", "question": "Capital of France?", "answers": [], "evidence": [], "answerable": False}


def result(answer="", abstained=False, retrieved=(), citations=()):
    return {"answer": answer, "abstained": abstained, "retrieved": list(retrieved), "citations": list(citations),
            "timings_ms": {"total": 10.0, "retrieve": 4.0}}


def chunk(cid, text):
    return {"chunk_id": cid, "text": text, "doc_id": "d", "score": 1.0}


def test_normalise_keeps_pound_and_percent_and_drops_other_punctuation():
    assert normalise("  The COST: £1.63m —  8% (approx.)! ") == "the cost £163m 8% approx"
    assert normalise("Government’s “response”") == "governments response"


def test_alias_match_ignores_case_space_and_punctuation():
    assert answer_correct(ITEM, result("It costs about £1.63M [1]"))
    assert answer_correct(ITEM, result("roughly 1.63   million a year"))


def test_wrong_number_or_missing_pound_is_wrong():
    assert not answer_correct(ITEM, result("It costs £1.36m [1]"))
    assert not answer_correct(ITEM, result("It costs 1.63m"))  # the £ is part of the gold


def test_percent_must_match():
    item = {**ITEM, "answers": ["8%"]}
    assert answer_correct(item, result("an increase of 8% [1]"))
    assert not answer_correct(item, result("an increase of 8 per year"))


def test_abstention_scoring():
    assert answer_correct(UNANSWERABLE, result("not covered", abstained=True))
    assert not answer_correct(UNANSWERABLE, result("Paris [1]"))
    assert not answer_correct(ITEM, result("£1.63m", abstained=True))  # abstaining on an answerable question is wrong


def test_evidence_rank_and_citation_support():
    r = result("£1.63m [1]", retrieved=[chunk("a", "Unrelated."), chunk("b", "The cost is approximately £1.63m per annum.")],
               citations=[{"n": 1, "chunk_id": "a", "quote": "Unrelated."}])
    assert evidence_rank(ITEM, r) == 2
    assert not citation_supported(ITEM, r)
    r["citations"] = [{"n": 1, "chunk_id": "b", "quote": "The cost"}]
    assert citation_supported(ITEM, r)
    assert evidence_rank(ITEM, result(retrieved=[chunk("a", "nothing here")])) is None


def test_summary_metrics():
    good = result("£1.63m [1]", retrieved=[chunk("b", "The cost is approximately £1.63m per annum.")],
                  citations=[{"n": 1, "chunk_id": "b", "quote": "The cost is"}])
    bad = result("no idea", retrieved=[chunk("x", "x"), chunk("y", "The cost is approximately £1.63m per annum.")])
    rows = [(ITEM, good, score(ITEM, good)), ({**ITEM, "id": "q3"}, bad, score(ITEM, bad)),
            (UNANSWERABLE, result(abstained=True), score(UNANSWERABLE, result(abstained=True)))]
    summary = summarise(rows)
    assert summary["answer_accuracy"] == 0.5
    assert summary["abstention_accuracy"] == 1.0
    assert summary["accuracy"] == round(2 / 3, 4)
    assert summary["evidence_hit@1"] == 0.5 and summary["evidence_hit@3"] == 1.0
    assert summary["mrr"] == 0.75
    assert summary["citation_support"] == 0.5
    assert summary["quote_exact"] == 1.0


def test_answer_words_ignore_markers_and_percentile():
    assert answer_words("One two [1] three [2]") == 3
    assert percentile([10, 20, 30, 40], 0.5) == 25
    assert percentile([], 0.5) is None


def test_abstention_tradeoff_moves_answers_to_abstentions():
    from eval.abstention import tradeoff

    results = [
        {"eval": {"answerable": True, "correct": True}, "abstained": False, "citations": [{"score": 0.8}]},
        {"eval": {"answerable": True, "correct": True}, "abstained": False, "citations": [{"score": 0.5}]},
        {"eval": {"answerable": False, "correct": False}, "abstained": False, "citations": [{"score": 0.55}]},
    ]
    low, high = tradeoff(results, [0.4, 0.6])
    assert (low["answer_accuracy"], low["abstention_accuracy"]) == (1.0, 0.0)
    assert (high["answer_accuracy"], high["abstention_accuracy"]) == (0.5, 1.0)
