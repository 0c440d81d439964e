"""Per-question scores and the run summary (summary.json)."""
from __future__ import annotations

import re
from collections import defaultdict

from eval.scoring import answer_correct, citation_supported, evidence_rank

HIT_KS = (1, 3, 5, 10)
# The summary figures shown in reports, comparisons and the CLI, in this order.
HEADLINE = (
    "accuracy", "answer_accuracy", "abstention_accuracy", "evidence_hit@1", "evidence_hit@3",
    "evidence_hit@5", "evidence_hit@10", "mrr", "citation_support", "quote_exact",
    "answer_words_mean", "latency_ms_p50", "latency_ms_p95", "retrieval_latency_ms_p50",
    "retrieval_latency_ms_p95", "run_seconds",
)
_MARKER = re.compile(r"\s*\[\d+\]")


def answer_words(answer: str) -> int:
    return len(_MARKER.sub("", answer).split())


def score(item: dict, result: dict, retrieval_only: bool = False) -> dict:
    """What the summary needs to know about one question."""
    texts = {r["chunk_id"]: r["text"] for r in result.get("retrieved", [])}
    rank = evidence_rank(item, result) if item.get("answerable", True) else None
    return {
        "answerable": bool(item.get("answerable", True)),
        "correct": None if retrieval_only else answer_correct(item, result),
        "abstained": bool(result.get("abstained")),
        "evidence_rank": rank,
        "citation_supported": (
            citation_supported(item, result)
            if item.get("answerable", True) and not result.get("abstained") and not retrieval_only else None
        ),
        "quotes_exact": all(c["quote"] in texts.get(c["chunk_id"], "") for c in result.get("citations", [])),
        "answer_words": answer_words(result.get("answer", "")),
    }


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    position = q * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _rounded(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def _block(rows: list[tuple[dict, dict, dict]]) -> dict:
    """Metrics over (item, result, score) rows."""
    answerable = [s for _, _, s in rows if s["answerable"]]
    unanswerable = [s for _, _, s in rows if not s["answerable"]]
    with_evidence = [s for i, _, s in rows if s["answerable"] and i.get("evidence")]
    answered = [s for s in answerable if s["citation_supported"] is not None]
    scored = [s for _, _, s in rows if s["correct"] is not None]
    block = {
        "questions": len(rows),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "accuracy": _rounded(_mean([float(s["correct"]) for s in scored])),
        "answer_accuracy": _rounded(_mean([float(s["correct"]) for s in answerable if s["correct"] is not None])),
        "abstention_accuracy": _rounded(_mean([float(s["abstained"]) for s in unanswerable])),
        "false_abstention_rate": _rounded(_mean([float(s["abstained"]) for s in answerable])),
    }
    for k in HIT_KS:
        block[f"evidence_hit@{k}"] = _rounded(_mean([
            float(s["evidence_rank"] is not None and s["evidence_rank"] <= k) for s in with_evidence]))
    block["mrr"] = _rounded(_mean([1.0 / s["evidence_rank"] if s["evidence_rank"] else 0.0 for s in with_evidence]))
    block["citation_support"] = _rounded(_mean([float(s["citation_supported"]) for s in answered]))
    return block


def summarise(rows: list[tuple[dict, dict, dict]]) -> dict:
    summary = _block(rows)
    answered_words = [float(s["answer_words"]) for _, r, s in rows if not s["abstained"] and r.get("answer")]
    totals = [float(r["timings_ms"]["total"]) for _, r, _ in rows if r.get("timings_ms")]
    retrievals = [float(r["timings_ms"]["retrieve"]) for _, r, _ in rows if r.get("timings_ms")]
    summary.update({
        "quote_exact": _rounded(_mean([float(s["quotes_exact"]) for _, _, s in rows])),
        "answer_words_mean": _rounded(_mean(answered_words), 1),
        "answer_words_max": max(answered_words) if answered_words else None,
        "latency_ms_p50": _rounded(percentile(totals, 0.5), 1),
        "latency_ms_p95": _rounded(percentile(totals, 0.95), 1),
        "retrieval_latency_ms_p50": _rounded(percentile(retrievals, 0.5), 1),
        "retrieval_latency_ms_p95": _rounded(percentile(retrievals, 0.95), 1),
    })
    generations = [r["generation"] for _, r, _ in rows if r.get("generation")]
    if generations:
        summary["generation"] = _generation_figures(generations)
    by_doc: dict[str, list] = defaultdict(list)
    by_tag: dict[str, list] = defaultdict(list)
    for row in rows:
        item = row[0]
        by_doc[item.get("doc") or "(no document)"].append(row)
        for tag in item.get("tags") or []:
            by_tag[tag].append(row)
    summary["by_doc"] = {doc: _block(r) for doc, r in sorted(by_doc.items())}
    summary["by_tag"] = {tag: _block(r) for tag, r in sorted(by_tag.items())}
    return summary


def _generation_figures(generations: list[dict]) -> dict:
    """What the generative mode did over a run: how many answers the model wrote (rather
    than the extractive fallback) and how many of its sentences verification removed."""
    drafted = [g for g in generations if g.get("draft")]
    written = [g for g in drafted if not g.get("fallback") and g.get("kept")]
    kept = sum(g.get("kept", 0) for g in drafted)
    removed = sum(len(g.get("removed", [])) for g in drafted)
    seconds = [float(g.get("seconds", 0.0)) for g in drafted]
    return {
        "questions": len(generations),
        "model_asked": len(drafted),
        "answers_written_by_model": len(written),
        "fallbacks_to_extractive": sum(1 for g in drafted if g.get("fallback")),
        "sentences_kept": kept,
        "sentences_removed": removed,
        "sentences_recited": sum(len(g.get("recited", [])) for g in drafted),
        "removed_share": _rounded(removed / (kept + removed)) if kept + removed else None,
        "generate_seconds_p50": _rounded(percentile(seconds, 0.5), 2),
        "generate_seconds_p95": _rounded(percentile(seconds, 0.95), 2),
    }
