"""The generative answer: a language model writes from the top passages, then every
sentence it wrote is verified against the passage it cites (assistant/verification.py).
Only supported sentences reach the user, each with its supporting quote; when too little
survives, the extractive answer is given instead, and `generation` says why.
"""
from __future__ import annotations

import re
import time

from llama_index.core.llms import LLM, ChatMessage

from assistant.answering import ABSTAIN_ANSWER
from assistant.claims import split_claims
from assistant.llm import model_label
from assistant.models import Citation, Generation, RemovedSentence
from assistant.prompts import ANSWER_SYSTEM_PROMPT, ANSWER_USER_TEMPLATE, NOT_IN_PASSAGES, PASSAGE_TEMPLATE
from assistant.retrieval import Hit
from assistant.verification import verify_claims
from index import Embedder, StoredIndex
from index.chunking import page_at
from index.sentences import sentence_spans

# Fewer than this share of the draft's sentences supported: the model misread the
# passages, and what survives is likely out of context. Give the extractive answer.
MIN_KEPT_SHARE = 0.5

_TAG = re.compile(r"<\s*/?\s*passage", re.I)


def _attribute(value: object) -> str:
    return " ".join(str(value or "").replace('"', "'").split())


def passages_block(hits: list[Hit]) -> str:
    """The passages as the model reads them. Text that imitates the passage tags is
    defused, so a document cannot close its own passage and speak as the prompt."""
    parts = []
    for n, hit in enumerate(hits, start=1):
        meta = hit.node.metadata
        parts.append(PASSAGE_TEMPLATE.format(
            n=n, title=_attribute(meta.get("title")), page=_attribute(meta.get("page")),
            section=_attribute(meta.get("section")), text=_TAG.sub("(passage", hit.node.text),
        ))
    return "\n\n".join(parts)


def answer_messages(question: str, hits: list[Hit]) -> list[ChatMessage]:
    return [
        ChatMessage(role="system", content=ANSWER_SYSTEM_PROMPT),
        ChatMessage(role="user", content=ANSWER_USER_TEMPLATE.format(passages=passages_block(hits), question=question)),
    ]


def generate_answer(
    question: str, hits: list[Hit], llm: LLM, store: StoredIndex, embedder: Embedder, max_words: int,
    fallback: tuple[str, list[Citation]],
) -> tuple[str, list[Citation], bool, Generation]:
    """(answer, citations, abstained, report). `hits` are the passages shown to the model;
    `fallback` is the extractive answer for the same question."""
    started = time.perf_counter()
    report = Generation(model=model_label(llm))
    try:
        draft = (llm.chat(answer_messages(question, hits)).message.content or "").strip()
    except Exception as exc:  # noqa: BLE001 - an endpoint can fail in many ways; the user still gets an answer
        report.fallback = f"the language model failed: {type(exc).__name__}: {exc}"
        return _fallback(fallback, report, started)
    report.draft = draft
    claims = split_claims(draft)
    if NOT_IN_PASSAGES.casefold() in draft.casefold() and not any(c.markers for c in claims):
        report.seconds = round(time.perf_counter() - started, 3)
        return ABSTAIN_ANSWER, [], True, report
    if not claims:
        report.fallback = "the model wrote no sentence"
        return _fallback(fallback, report, started)

    verdicts = verify_claims(claims, embedder.encode([c.text for c in claims]), hits, store)
    parts: list[str] = []
    citations: list[Citation] = []
    numbers: dict[tuple[str, int], int] = {}
    words, seen = 0, set()
    for verdict in verdicts:
        claim, support = verdict.claim, verdict.support
        if support is None:
            report.removed.append(RemovedSentence(sentence=claim.text, reason=verdict.reason))
            continue
        key = " ".join(claim.text.casefold().split())
        if key in seen:
            report.removed.append(RemovedSentence(sentence=claim.text, reason="repeats an earlier sentence"))
            continue
        length = len(claim.text.split())
        if words + length > max_words:
            report.removed.append(RemovedSentence(sentence=claim.text, reason=f"over the {max_words}-word limit"))
            continue
        seen.add(key)
        words += length
        node = support.hit.node
        cited = (node.node_id, support.start)
        if cited not in numbers:
            quote = support.quote
            if quote not in node.text:  # the contract's promise, checked as in the extractive path
                raise RuntimeError(f"citation quote is not in chunk {node.node_id}: {quote!r}")
            numbers[cited] = len(citations) + 1
            meta = node.metadata
            citations.append(Citation(
                n=numbers[cited], doc_id=meta["doc_id"], title=meta.get("title", ""), file=meta.get("file", ""),
                page=page_at(meta, support.start), section=meta.get("section", ""), quote=quote,
                chunk_id=node.node_id, score=round(max(0.0, min(1.0, support.score)), 4),
            ))
        if verdict.recited_from is not None:
            was = "; ".join(f"[{m}]" for m in verdict.recited_from) or "nothing"
            report.recited.append(f"{claim.text} (cited {was}; supported by passage [{support.passage}])")
        parts.append(f"{claim.text} [{numbers[cited]}]")
    report.kept = len(parts)
    if not parts:
        report.fallback = "no sentence of the draft was supported by the passage it cites"
        return _fallback(fallback, report, started)
    if report.kept < MIN_KEPT_SHARE * len(claims):
        report.fallback = f"only {report.kept} of {len(claims)} sentences were supported"
        return _fallback(fallback, report, started)
    if fallback[1] and not any(_same_sentence(c.quote, fallback[1][0].quote) for c in citations):
        # Supported is not the same as answering: a model that wrote true sentences
        # around the question, none resting on the sentence retrieval rates the best
        # answer, has answered something else.
        report.fallback = "the supported sentences do not use the passage sentence that best answers the question"
        return _fallback(fallback, report, started)
    report.seconds = round(time.perf_counter() - started, 3)
    return " ".join(parts), citations, False, report


def _sentences(text: str) -> set[str]:
    return {" ".join(text[a:b].split()).casefold() for a, b in sentence_spans(text)}


def _same_sentence(quote: str, other: str) -> bool:
    return bool(_sentences(quote) & _sentences(other))


def _fallback(extractive: tuple[str, list[Citation]], report: Generation, started: float):
    report.seconds = round(time.perf_counter() - started, 3)
    text, citations = extractive
    return text, citations, not citations, report
