"""Each sentence of a generated answer checked against the passages the model was shown.

A sentence is kept only when one quote — one sentence of a passage, or two adjacent
ones — supports it:
- facts: every number, £ amount and name in the sentence occurs in the quote itself, not
  merely somewhere in the passage ("published in November 2025" is not supported by a
  passage that says "9 October" in one sentence and "November" in another);
- words: enough of the sentence's content words (stemmed, stopwords out) occur in the
  quote or in the section and title it sits under;
- meaning: the quote is close to the sentence in the embedding space.
The quote becomes the citation (an exact substring of the chunk). The passages the
sentence cites with [n] are tried first; a sentence supported by another passage the
model was shown is cited to that one instead, and the report says so. A sentence no
passage supports is removed, with the reason.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from assistant.claims import Claim, missing_facts, not_a_statement
from assistant.injection import addresses_a_model
from assistant.retrieval import Hit
from index import StoredIndex
from index.lexical import tokenize

# Chosen on eval/sets/verifier-labels.jsonl (283 sentences SmolLM2 really wrote, labelled
# by hand; `python -m eval.verifier_precision score --sweep` prints the grid). Kept
# sentences are wrongly kept rarely (precision 0.91) at the price of dropping a third
# of the supported ones: a dropped sentence costs little, since the extractive answer
# stands in when too little survives; a kept unsupported one costs trust.
MIN_WORD_COVERAGE = 0.6
MIN_COSINE = 0.7
# Share of the sentence's word pairs (content words in order, at most one word apart)
# found in the quote: what ties its words together. A sentence made of the passage's
# words in new relations ("the Group has been appointed to the Government to chair the
# Group") has the words but not the pairs.
MIN_PAIR_COVERAGE = 0.5
# A two-sentence quote must beat the best single sentence by this much to be preferred.
PAIR_PENALTY = 0.02


@dataclass
class Support:
    passage: int  # 1-based number the model saw
    hit: Hit
    start: int  # the quote's span in the chunk's text
    end: int
    coverage: float
    cosine: float
    pairs: float = 1.0
    missing: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (not self.missing and self.coverage >= MIN_WORD_COVERAGE and self.cosine >= MIN_COSINE
                and self.pairs >= MIN_PAIR_COVERAGE)

    @property
    def score(self) -> float:
        return 0.5 * self.coverage + 0.5 * self.cosine

    @property
    def quote(self) -> str:
        return self.hit.node.text[self.start:self.end]


@dataclass
class Verdict:
    claim: Claim
    support: Support | None  # the quote that supports it, when one does
    reason: str = ""  # why it was removed ("" when kept)
    recited_from: tuple[int, ...] | None = None  # its own markers, when cited elsewhere
    closest: Support | None = None  # for a removed sentence, the quote that came nearest


@dataclass
class _Sentence:
    start: int
    end: int
    vector: int
    terms: set[str]
    pairs: set[tuple[str, str]]


def word_pairs(tokens: list[str]) -> set[tuple[str, str]]:
    """Ordered pairs of tokens at most one token apart."""
    return {(tokens[i], tokens[j]) for i in range(len(tokens)) for j in range(i + 1, min(i + 3, len(tokens)))}


class _Passages:
    """The shown passages' sentences, their terms and context terms, computed once."""

    def __init__(self, hits: list[Hit], store: StoredIndex, claims: list[Claim]) -> None:
        self.hits = hits
        self.store = store
        rows = store.sentences_of([h.row for h in hits])
        spans = store.sentence_spans[rows]
        text_of = {h.row: h.node.text for h in hits}
        contexts = [f"{h.node.metadata.get('title', '')} {h.node.metadata.get('section', '')}" for h in hits]
        self.context_texts = contexts
        tokens = tokenize([c.text for c in claims] + [text_of[int(r)][int(s):int(e)] for r, s, e in spans] + contexts)
        self.claim_terms = [set(t) for t in tokens[: len(claims)]]
        self.claim_pairs = [word_pairs(t) for t in tokens[: len(claims)]]
        sentence_tokens = tokens[len(claims): len(claims) + len(rows)]
        self.context_terms = [set(t) for t in tokens[len(claims) + len(rows):]]
        self.sentences: dict[int, list[_Sentence]] = {h.row: [] for h in hits}
        for vector, (row, start, end), terms in zip(rows, spans, sentence_tokens):
            self.sentences[int(row)].append(_Sentence(int(start), int(end), int(vector), set(terms), word_pairs(terms)))

    def support(self, i: int, claim: Claim, vector: np.ndarray, n: int) -> Support | None:
        """The best quote in passage n for claim i: the best that passes every check if
        any does, else the closest one (to say why it fails)."""
        hit = self.hits[n - 1]
        sentences = self.sentences[hit.row]
        if not sentences:
            return None
        cosines = self.store.sentence_vectors[[s.vector for s in sentences]] @ vector
        terms = self.claim_terms[i]
        pairs = self.claim_pairs[i]
        context = self.context_terms[n - 1]
        windows = [(j, j) for j in range(len(sentences))] + [(j, j + 1) for j in range(len(sentences) - 1)]
        best_ok, closest = None, None
        for first, last in windows:
            covered = set().union(*(s.terms for s in sentences[first:last + 1])) | context
            support = Support(
                n, hit, sentences[first].start, sentences[last].end,
                coverage=len(terms & covered) / len(terms),
                cosine=float(max(cosines[first:last + 1])),
                pairs=(len(pairs & set().union(*(s.pairs for s in sentences[first:last + 1]))) / len(pairs)
                       if pairs else 1.0),
            )
            support.missing = missing_facts(claim.text, support.quote, self.context_texts[n - 1])
            if addresses_a_model(support.quote):
                support.missing.append("(the quote is an instruction to a model, not evidence)")
            rank = support.score - (PAIR_PENALTY if last > first else 0.0)
            if support.ok and (best_ok is None or rank > best_ok[0]):
                best_ok = (rank, support)
            closeness = rank - 0.5 * len(support.missing)
            if closest is None or closeness > closest[0]:
                closest = (closeness, support)
        return (best_ok or closest)[1]


def verify_claims(claims: list[Claim], vectors: np.ndarray, passages: list[Hit], store: StoredIndex) -> list[Verdict]:
    """One verdict per claim, in order. `vectors` are the claims' embeddings (normalised);
    `passages` the hits the model was shown, numbered from 1."""
    if not claims:
        return []
    shown = _Passages(passages, store, claims)
    verdicts = []
    for i, (claim, vector) in enumerate(zip(claims, vectors)):
        if not shown.claim_terms[i]:
            verdicts.append(Verdict(claim, None, "says nothing checkable"))
            continue
        problem = not_a_statement(claim.text)
        if problem:
            verdicts.append(Verdict(claim, None, problem))
            continue
        cited = [m for m in claim.markers if 1 <= m <= len(passages)]
        tried = {m: shown.support(i, claim, vector, m) for m in cited}
        good = [s for s in tried.values() if s is not None and s.ok]
        if good:
            verdicts.append(Verdict(claim, max(good, key=lambda s: s.score)))
            continue
        others = [shown.support(i, claim, vector, m) for m in range(1, len(passages) + 1) if m not in tried]
        rescue = [s for s in others if s is not None and s.ok]
        if rescue:
            verdicts.append(Verdict(claim, max(rescue, key=lambda s: s.score), recited_from=claim.markers))
            continue
        everything = [s for s in list(tried.values()) + others if s is not None]
        closest = max(everything, key=lambda s: s.score - 0.5 * len(s.missing)) if everything else None
        verdicts.append(Verdict(claim, None, _reason(claim, cited, closest), closest=closest))
    return verdicts


def _reason(claim: Claim, cited: list[int], best: Support | None) -> str:
    if claim.markers and not cited:
        return f"cites passage {', '.join(map(str, claim.markers))}, which the model was not shown"
    if best is None:
        return "no passage to check it against"
    where = f"passage [{best.passage}]"
    if any(m.startswith("(the quote is an instruction") for m in best.missing):
        return f"rests on text addressed to a model ({where}), which is never evidence"
    if best.missing:
        return f"not in any passage's closest quote ({where}): {', '.join(best.missing)}"
    if best.coverage < MIN_WORD_COVERAGE:
        return f"no passage has most of its words (best {where}: {best.coverage:.2f})"
    if best.pairs < MIN_PAIR_COVERAGE:
        return f"no passage puts its words together as it does (best {where}: {best.pairs:.2f} of its word pairs)"
    return f"no passage says this (closest {where}: similarity {best.cosine:.2f})"
