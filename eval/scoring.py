"""Scoring rules of DESIGN.md, computed the same way every run.

normalise: casefold, collapse whitespace, drop punctuation except £ and %.
answer correct: some gold alias occurs in the answer (answerable), or the system
abstained (unanswerable). evidence hit@k: some evidence string occurs in the top-k
retrieved chunks. citation supported: some cited chunk contains an evidence string.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_KEEP = {"%", "£"}


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    text = "".join(ch for ch in text if ch in _KEEP or not unicodedata.category(ch).startswith("P"))
    return re.sub(r"\s+", " ", text).strip()


def contains_any(haystack: str, needles: Iterable[str]) -> bool:
    hay = normalise(haystack)
    return any(normalise(n) and normalise(n) in hay for n in needles)


def answer_correct(item: dict, result: dict) -> bool:
    if not item.get("answerable", True):
        return bool(result.get("abstained"))
    if result.get("abstained"):
        return False
    return contains_any(result.get("answer", ""), item.get("answers", []))


def evidence_rank(item: dict, result: dict) -> int | None:
    """1-based rank of the first retrieved chunk containing some evidence string."""
    evidence = item.get("evidence") or []
    for rank, chunk in enumerate(result.get("retrieved", []), start=1):
        if contains_any(chunk.get("text", ""), evidence):
            return rank
    return None


def citation_supported(item: dict, result: dict) -> bool:
    """Some cited chunk contains an evidence string (cited chunks are looked up among
    the retrieved ones, which always include them)."""
    evidence = item.get("evidence") or []
    texts = {c["chunk_id"]: c.get("text", "") for c in result.get("retrieved", [])}
    return any(contains_any(texts.get(c["chunk_id"], c.get("quote", "")), evidence) for c in result.get("citations", []))
