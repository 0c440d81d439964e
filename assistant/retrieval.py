"""Hybrid retrieval: dense (FAISS) and BM25, fused by reciprocal rank, as a llama-index
retriever so it plugs into any llama-index query engine."""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from llama_index.core.retrievers import BaseRetriever
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode

from assistant.abstention import acronyms_written, respelled, things_named
from assistant.answer_kinds import INSTITUTION_WORDS, SIGNATURE, asks_signatory
from assistant.models import Filters
from assistant.question import (
    asks_footnote,
    QuestionFacts,
    in_part,
    matches_item,
    matches_paragraph,
    named_part,
    named_phrases,
    paper_references,
    read_question,
    with_item_from_passages,
)
from index import Embedder, StoredIndex
from index.documents import FOOTNOTES_SECTION


DOC_KIND_RANKING = True  # "in its response" ranks the responses' chunks once more (issue 4 lever)
# "According to CP 1478, …" ranks that paper's chunks once more: a paper's reference in its
# manifest entry ("CP 1478; ISBN …", "HL Paper 190") names one document (issue 4 lever)
REFERENCE_RANKING = True
# … and is read only in that paper and the responses to it: "How did the government respond
# in CP 1478 to Recommendation 23?" was answered with the planning response's Recommendation 23
# (issue 4 lever). A response answers for the paper it responds to: its manifest's
# responds_to, or a title sharing a run of RESPONSE_TITLE_WORDS words with the paper's.
REFERENCE_SCOPE = True
RESPONSE_TITLE_WORDS = 4
# Chunks ranked by their best sentence too, among the top SENTENCE_POOL chunks of the dense
# and BM25 rankings (issue 4 lever; 0 turns it off). Shared set: every sentence of the
# corpus, a pool of 300, 500 or 1000 give the same figures; 200 one question lower at rank 1.
SENTENCE_POOL = 300
# "Who signed the foreword?": the chunks that hold a signature, among the best fused ones,
# go first, since the signature closes a foreword in a chunk of its own that shares no
# word with the question and so ranks low (issue 4 lever).
SIGNATURE_RANKING = True
SIGNATURE_POOL = 100  # fused chunks read for a signature
SIGNATURES_FIRST = 3
# Chunks holding all of a named phrase's words beyond which only those already ranked are
# read to check the exact phrase (reading 50k chunk texts would take a second).
PHRASE_CHECK_ROWS = 2000


# Chunks of a verdict question's reply read besides the top ones (issue 4 lever; 0 turns it off)
REPLY_BLOCK_CHUNKS = 8


# "How does the report's glossary define …?": the chunks, among those fused first, of the
# part of a document the question names are ranked once more (issue 4 lever)
PART_RANKING = True
# A question about a thing the documents never name is not answered from passages about
# other things ("What did the Raynsford Review recommend?") (issue 4 lever)
NAMED_NOWHERE = True
# A person's title and the surname that ends their name: the documents may give the post
# and the person in other words ("Sir Chris Wormald, Permanent Secretary at DHSC")
# "What did the Covid-19 Inquiry's Module 2 report recommend?" asks of a report the index
# does not hold where it holds Module 1's: a numbered part of a series named as a report's,
# where documents' titles number that series and none gives this number (issue 4 lever)
OTHER_PART_OF_SERIES = True
_SERIES_REPORT = re.compile(r"\b(?P<series>module|phase|volume)\s+(?P<n>\d+)(?:[’']s)?\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:report|findings|recommendations?|conclusions?)\b", re.I)
# "What did the Government say in reply to the Health and Social Care Committee's 2022
# report …?" asks of a report the index does not hold: a committee named as a report's
# author that no document's title or subject names (not its publisher: DHSC publishes a
# reply whose title names the committee replied to), and that the text names in fewer than
# COMMITTEE_CHUNKS chunks (a committee's own report names it throughout; a footnote citing
# another's names it once) (issue 4 lever)
COMMITTEE_NOT_HELD = True
COMMITTEE_CHUNKS = 3
_COMMITTEE_REPORT = re.compile(r"\b(?P<name>[A-Z][\w’'-]*,?(?: (?:and|of|on|for|with|[A-Z][\w’'-]*,?))*?) (?:Select )?Committee(?:[’']s)?"
                               r"(?:\s+[\w’'-]+){0,4}?\s+(?:report|inquiry|recommend\w*)\b")
_COMMITTEE_FILLER = {"house", "of", "the", "and", "on", "for", "with", "select", "committee", "uk", "lords", "commons"}
_TITLED_PERSON = re.compile(r"\b(?:Sir|Dame|Professor|Prof|Dr|Lord|Lady|Baroness|Baron|Mr|Mrs|Ms|Miss)\s+"
                            r"(?:[A-Z][\w’'-]+\s+)*?([A-Z][\w’'-]+)$")


@dataclass
class Hit:
    row: int
    node: TextNode
    score: float  # fused, scaled so that first in both lists = 1.0
    dense: float  # cosine similarity, 0 when the dense side did not find it


def reciprocal_rank_fusion(rankings: list[list[int]], k: int) -> dict[int, float]:
    fused: dict[int, float] = {}
    for ranking in rankings:
        for rank, row in enumerate(ranking):
            fused[row] = fused.get(row, 0.0) + 1.0 / (k + rank + 1)
    return fused


def fused_order(rankings: list[list[int]], k: int) -> list[int]:
    """Rows best first by reciprocal rank fusion (ties by row)."""
    fused = reciprocal_rank_fusion(rankings, k)
    return sorted(fused, key=lambda r: (-fused[r], r))


def _responds(response: dict, paper: dict) -> bool:
    """Whether `response` is a response to `paper`, by its manifest entry."""
    if "response" not in str(response.get("doc_type", "")).lower() or "response" in str(paper.get("doc_type", "")).lower():
        return False
    said = re.findall(r"[\w-]+", f"{response.get('title') or ''} {response.get('responds_to') or ''}".casefold())
    title = re.findall(r"[\w-]+", str(paper.get("title") or "").split(" (")[0].casefold())
    runs = {tuple(title[i:i + RESPONSE_TITLE_WORDS]) for i in range(len(title) - RESPONSE_TITLE_WORDS + 1)}
    return any(tuple(said[i:i + RESPONSE_TITLE_WORDS]) in runs for i in range(len(said) - RESPONSE_TITLE_WORDS + 1))


class HybridRetriever(BaseRetriever):
    def __init__(self, store: StoredIndex, embedder: Embedder, candidate_k: int = 40, rrf_k: int = 60, top_k: int = 10) -> None:
        super().__init__()
        self.store = store
        self.embedder = embedder
        self.candidate_k = candidate_k
        self.rrf_k = rrf_k
        self.top_k = top_k
        self._docs = {d["doc_id"]: d for d in store.documents}
        self._references = {doc_id: paper_references(str(d.get("reference") or "")) for doc_id, d in self._docs.items()}
        self._responses = {doc_id: {r for r in self._docs if r != doc_id and _responds(self._docs[r], self._docs[doc_id])}
                           for doc_id in self._docs}
        # what each document says it is (its title, and what it replies to), read once
        self._titles = [str(d.get("title") or "") for d in self._docs.values()]
        self._described = [set(re.findall(r"[\w’'-]+", f"{d.get('title') or ''} {d.get('responds_to') or ''}".casefold()))
                           for d in self._docs.values()]

    def _doc_type(self, row: int) -> str:
        return str(self._docs.get(self.store.doc_ids[row], {}).get("doc_type", "")).lower()

    def documents_named(self, question: str) -> set[str]:
        """The documents whose paper reference the question gives ("CP 1478", "HL 190")."""
        given = paper_references(question)
        return {doc_id for doc_id, refs in self._references.items() if refs & given} if given else set()

    def allowed_documents(self, filters: Filters | None, question: str = "") -> set[str] | None:
        """The documents a question may be answered from: those the filters accept, and of
        them, when the question gives a paper's reference, that paper and its responses.
        None: all of them."""
        keep = None if filters is None or filters.is_empty() else {d for d, doc in self._docs.items() if filters.accepts(doc)}
        named = self.documents_named(question) if REFERENCE_SCOPE else set()
        if named:
            scoped = named | {r for d in named for r in self._responses[d]}
            keep = scoped if keep is None else (keep & scoped) or keep
        return keep

    def allowed_rows(self, filters: Filters | None, question: str = "") -> np.ndarray | None:
        keep = self.allowed_documents(filters, question)
        if keep is None:
            return None
        return np.flatnonzero(np.isin(self.store.doc_ids, list(keep))).astype(np.int64)

    def structural_ranking(self, facts: QuestionFacts, allowed: np.ndarray | None) -> list[int]:
        """Rows of the recommendation or paragraph the question names, the government's
        response first when it asks for a verdict; a third list for the fusion."""
        if facts.item_number is None and facts.paragraph is None:
            return []
        allowed_set = set(allowed.tolist()) if allowed is not None else None
        part_order = ({"response": 0, None: 1, "recommendation": 2} if facts.asks_verdict
                      else {"recommendation": 0, "response": 1})
        found = [
            (r, meta) for r, meta in self.store.rows_in_structure(facts.item_number, facts.paragraph)
            if (allowed_set is None or r in allowed_set)
            and (matches_item(facts, meta) or matches_paragraph(facts, meta))
        ]
        return [r for r, _ in sorted(found, key=lambda f: (part_order.get(f[1]["part"], 3), f[0]))][: self.candidate_k]

    def reply_block(self, question: str, query_vector: np.ndarray, hits: list[Hit],
                    allowed: np.ndarray | None = None) -> list[Hit]:
        """The rest of the government's reply to the recommendation a verdict question is
        about, as hits after `hits`: "we will retain the Lead Government Department
        model" can sit three chunks into a reply whose first chunks won the retrieval,
        with a footnote run into it that no ranking finds it by."""
        if not REPLY_BLOCK_CHUNKS:
            return []
        facts = with_item_from_passages(read_question(question), [h.node.metadata for h in hits[:3]])
        if not (facts.asks_verdict and facts.item_number):
            return []
        seen = {h.row for h in hits}
        allowed_set = set(allowed.tolist()) if allowed is not None else None
        rows = [r for r, meta in self.store.rows_in_structure(facts.item_number)
                if matches_item(facts, meta) and meta.get("part") == "response"
                and "response" in self._doc_type(r) and r not in seen
                and (allowed_set is None or r in allowed_set)][:REPLY_BLOCK_CHUNKS]
        return self._appended(rows, self.store.nodes(rows), query_vector)

    def _appended(self, rows: list[int], nodes: list[TextNode], query_vector: np.ndarray) -> list[Hit]:
        """Chunks added after the ranked ones: no fused score, their dense score kept."""
        if not rows:
            return []
        dense = self.store.vectors_of(rows) @ query_vector
        return [Hit(row=r, node=n, score=0.0, dense=float(d)) for r, n, d in zip(rows, nodes, dense)]

    def footnotes_of(self, question: str, query_vector: np.ndarray, hits: list[Hit]) -> list[Hit]:
        """The notes of the documents `hits` come from, as hits after them, when the question
        asks about a footnote: a note ("The Report of the Commission on Funding of Care and
        Support, HMSO, page 12.") shares no words with the question, so no ranking finds
        it; and the sentence citing it may not be among `hits` where the note itself
        answers ("the footnote's definition of fair work")."""
        if not asks_footnote(question):
            return []
        seen = {h.row for h in hits}
        notes = [(row, node) for doc_id in sorted({h.node.metadata["doc_id"] for h in hits})
                 for row, node in self.store.nodes_in_section(doc_id, FOOTNOTES_SECTION) if row not in seen]
        return self._appended([r for r, _ in notes], [n for _, n in notes], query_vector)

    def phrase_ranking(self, question: str, allowed: np.ndarray | None, prior: list[int]) -> list[int]:
        """Chunks that contain the names the question uses, verbatim ("Democratic
        Engagement Grant", "PNT"): most names first, then in `prior` order. A name found
        in more than a quarter of the chunks says nothing about which one is meant."""
        allowed_set = set(allowed.tolist()) if allowed is not None else None
        matches: dict[int, int] = {}
        for phrase in named_phrases(question):
            needle = phrase.casefold()
            # Only chunks with all the phrase's words can hold it: the inverted index
            # names them, so a large index is neither scanned nor held in memory.
            candidates = self.store.lexical.rows_with_all(phrase)
            if candidates is None:
                continue  # only stopwords: a phrase that picks out no chunk
            if len(candidates) > PHRASE_CHECK_ROWS:
                # In a large index, a phrase whose words that many chunks share is looked
                # for only among the chunks the other rankings found.
                candidates = np.intersect1d(candidates, np.asarray(prior, dtype=candidates.dtype))
            texts = self.store.folded_texts_of(candidates.tolist())
            rows = [r for r, t in texts.items() if needle in t and (allowed_set is None or r in allowed_set)]
            if not rows or len(rows) > max(3, self.store.size // 4):
                continue
            for r in rows:
                matches[r] = matches.get(r, 0) + 1
        order = {r: i for i, r in enumerate(prior)}
        return sorted(matches, key=lambda r: (-matches[r], order.get(r, len(order)), r))[: self.candidate_k]

    def part_ranking(self, question: str, pool: list[int]) -> list[int]:
        """Chunks of `pool` (best first) in the part of a document the question names."""
        part = named_part(question) if PART_RANKING else None
        if part is None:
            return []
        return [r for r, n in zip(pool, self.store.nodes(pool)) if in_part(part, n.metadata)]

    def signature_ranking(self, question: str, pool: list[int]) -> list[int]:
        """Chunks of `pool` (best first) that hold a signature, for a question asking who
        signed; the first candidate_k of them."""
        if not (SIGNATURE_RANKING and asks_signatory(question)):
            return []
        nodes = self.store.nodes(pool)
        return [r for r, n in zip(pool, nodes) if SIGNATURE.search(n.text)][: self.candidate_k]

    def names_written_nowhere(self, question: str) -> list[str]:
        """The question's names of particular things ("the Raynsford Review", "the Open
        Knowledge Foundation") that no chunk of the index has all the words of, under any
        spelling the documents define ("UKSA Accelerator" is the "UK Space Agency
        Accelerator"). A person is found by surname ("Chris Whitty" is "Professor Sir
        Christopher Whitty"); a trailing place by the name before it ("the Structures and
        Buildings Allowance in Welsh freeport tax sites")."""
        if not NAMED_NOWHERE:
            return []
        missing = []
        # a leading clause sets the scene ("Under the Outer Space Act 1986, which
        # department …?"): the thing asked about follows it
        asked = re.sub(r"^\s*(?:under|according to|in|following|after|since|within|as part of)\b[^,?]{0,80},\s*", "",
                       question, flags=re.I)
        for name in things_named(asked):
            if " " not in name:
                continue  # a coded name ("CO2", "IRIS²") may be written otherwise
            parts = name.split()
            spellings = [name, *respelled(name, self.store.acronyms), re.split(r" (?:in|of|for) (?=[A-Z])", name)[0]]
            if len(parts) == 2 and all(p[:1].isupper() and p.lower() not in INSTITUTION_WORDS for p in parts):
                spellings.append(parts[1])
            # a person named with their post: "DHSC Permanent Secretary Sir Christopher Wormald"
            titled = _TITLED_PERSON.search(name)
            if titled:
                spellings.append(titled[1])
            if not any(self._written(spelling) for spelling in spellings):
                missing.append(name)
        return missing

    def series_part_not_held(self, question: str) -> str | None:
        """The numbered part of a series the question asks a report of ("Module 2 report"),
        where the documents' titles number that series and none gives this number."""
        if not OTHER_PART_OF_SERIES:
            return None
        for asked in _SERIES_REPORT.finditer(question):
            numbered = [t for t in self._titles if re.search(rf"\b{asked['series']}\s+\d+\b", t, re.I)]
            if numbered and not any(re.search(rf"\b{asked['series']}\s+{asked['n']}\b", t, re.I) for t in numbered):
                return f"{asked['series'].capitalize()} {asked['n']}"
        return None

    def committee_report_not_held(self, question: str) -> str | None:
        """The committee the question asks a report of ("the Health and Social Care
        Committee's 2022 report"), where no document is that committee's report or a reply
        to it and the text barely names it."""
        if not COMMITTEE_NOT_HELD:
            return None
        for asked in _COMMITTEE_REPORT.finditer(question):
            name = asked["name"].rstrip(",")
            words = set(re.findall(r"[\w’'-]+", name.casefold())) - _COMMITTEE_FILLER
            if not words or any(words <= said for said in self._described):
                continue
            rows = self.store.lexical.rows_with_all(f"{name} Committee")
            if rows is None:
                continue
            needle = re.sub(r"\s+", " ", f"{name} committee".casefold().replace(",", ""))
            texts = self.store.folded_texts_of(rows.tolist()[:200])
            if sum(needle in re.sub(r"\s+", " ", t.replace(",", "")) for t in texts.values()) < COMMITTEE_CHUNKS:
                return f"{name} Committee"
        return None

    def _written(self, text: str) -> bool:
        rows = self.store.lexical.rows_with_all(text)
        return rows is None or len(rows) > 0

    def expand_acronyms(self, question: str) -> str:
        """The question with each acronym's long form, and each long form's acronym,
        appended (as the documents define them): BM25 then matches either spelling."""
        written = acronyms_written(question.casefold(), self.store.acronyms)
        extra = [long for short, long, has_short, has_long in written if has_short and not has_long]
        extra += [short for short, long, has_short, has_long in written if has_long and not has_short]
        return f"{question} {' '.join(extra)}" if extra else question

    def search(self, question: str, k: int | None = None, filters: Filters | None = None,
               query_vector: np.ndarray | None = None) -> list[Hit]:
        k = k or self.top_k
        facts = read_question(question)
        if query_vector is None:
            query_vector = self.embedder.encode([question])[0]
        allowed = self.allowed_rows(filters, question)
        depth = max(self.candidate_k, k)
        pool_size = max(depth, SENTENCE_POOL)
        dense_pool = self.store.dense_search(query_vector, pool_size, allowed)
        mask = None
        if allowed is not None:
            mask = np.zeros(self.store.size, dtype=bool)
            mask[allowed] = True
        lexical_query = self.expand_acronyms(question)
        lexical_pool = self.store.lexical.search(lexical_query, pool_size, mask)
        dense, lexical = dense_pool[:depth], lexical_pool[:depth]
        rankings = [[r for r, _ in dense], [r for r, _ in lexical]]
        if SENTENCE_POOL:
            # Sentences are read only in the chunks either ranking found in its top
            # SENTENCE_POOL: a cost that does not grow with the index.
            pool = {r for r, _ in dense_pool} | {r for r, _ in lexical_pool}
            rankings.append([r for r, _ in self.store.sentence_search(query_vector, depth, sorted(pool))])
        # The dense, BM25 and sentence rankings fused, for the two steps that read them.
        first = fused_order(rankings, self.rrf_k)
        if facts.asks_verdict and facts.item_number is None:
            facts = with_item_from_passages(facts, self.store.structure_of(first[:3]))
        if DOC_KIND_RANKING and facts.doc_kind:
            rankings.append([r for r in first if facts.doc_kind in self._doc_type(r)])
        named = self.documents_named(question) if REFERENCE_RANKING else set()
        if named:
            rankings.append([r for r in first if self.store.doc_ids[r] in named])
        rankings.append(self.structural_ranking(facts, allowed))
        rankings.append(self.part_ranking(question, first))
        rankings.append(self.phrase_ranking(lexical_query, allowed, [r for r, _ in lexical] + [r for r, _ in dense]))
        rankings = [r for r in rankings if r]
        fused = reciprocal_rank_fusion(rankings, self.rrf_k)
        best = len(rankings) / (self.rrf_k + 1)
        order = fused_order(rankings, self.rrf_k)
        signed = self.signature_ranking(question, first[:SIGNATURE_POOL])[:SIGNATURES_FIRST]
        order = (signed + [r for r in order if r not in signed])[:k]
        dense_score = {r: s for r, s in dense_pool}
        nodes = self.store.nodes(order)
        return [
            Hit(row=r, node=n, score=fused[r] / best, dense=dense_score.get(r, 0.0))
            for r, n in zip(order, nodes)
        ]

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        return [NodeWithScore(node=h.node, score=h.score) for h in self.search(query_bundle.query_str)]
