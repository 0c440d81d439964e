"""The one place questions are answered: `Assistant.open(...).ask(question)`."""
from __future__ import annotations

import re
import threading
import time
from pathlib import Path

from ateb.settings import Settings, load_settings
from assistant.answering import ScoredSentences, chunk_scores, compose_answer, replies_only, reranked, score_sentences
from assistant.commitment_answers import RecordsAnswer, answer_from_records
from assistant.commitments import stored_records
from assistant.conversation import contextual_question
from assistant.models import Answer, Citation, Filters, Generation, RetrievedChunk, Timings
from assistant.question import read_question
from assistant.retrieval import HybridRetriever
from assistant.table_cells import answer_from_table
from index import Embedder, IndexUnavailable, StoredIndex

RERANK = True  # issue 4 lever: chunks listed by their best sentence's score
TABLE_CELLS = True  # issue 4 lever: "what weighting does question 3.8 carry?" read from the row and its header
# A question asking for a date, a sum or a number has its sentences read in this many
# top chunks, not answer_chunks: a sentence that holds such a figure is rare enough that
# the deeper pool brings in the right one more often than a wrong one (issue 4 lever; 0
# turns it off).
TYPED_ANSWER_CHUNKS = 20
_TYPED = {"date", "time", "money", "number"}
# A verdict from the records already answers; the reply sentence after it only adds what
# the government will do, so it may score this much under the abstention threshold.
REPLY_MARGIN = 0.1

CONTRACT_KEYS = ("question", "answer", "abstained", "citations", "retrieved", "timings_ms", "generation")


class Assistant:
    """An opened index plus the model that reads it. Load once, ask many times."""

    def __init__(self, store: StoredIndex, embedder: Embedder, settings: Settings, llm=None) -> None:
        self.store = store
        self.embedder = embedder
        self.settings = settings
        self.retriever = HybridRetriever(store, embedder, settings.candidate_k, settings.rrf_k, settings.top_k)
        self.records = stored_records(store)
        self._llm = llm
        self._llm_lock = threading.Lock()

    @property
    def llm(self):
        """The generative mode's language model (llama-index LLM), made from the settings
        on first use; raises assistant.llm.LLMUnavailable saying what to configure."""
        with self._llm_lock:
            if self._llm is None:
                from assistant.llm import make_llm

                self._llm = make_llm(self.settings)
            return self._llm

    @classmethod
    def open(cls, index_dir: Path | str | None = None, settings: Settings | None = None,
             embedder: Embedder | None = None, llm=None) -> "Assistant":
        """Open an index; `embedder` (and `llm`) let several assistants share one loaded
        model."""
        settings = settings or load_settings()
        path = Path(index_dir) if index_dir else settings.index_dir
        store = StoredIndex.open(path)
        embedder = embedder or Embedder(batch_size=settings.embed_batch_size)
        built = store.manifest.get("model", {})
        if built.get("name") != embedder.name or built.get("checksum") != embedder.checksum:
            raise IndexUnavailable(
                f"index at {path} was built with embedding model {built.get('name')} "
                f"(weights {str(built.get('checksum'))[:12]}), but this install has {embedder.name} "
                f"(weights {embedder.checksum[:12]}); answers would be meaningless. "
                f"Rebuild it with: ateb build --index {path}"
            )
        embedder.encode(["warm-up"])  # load the model now, not inside the first question
        store.acronyms  # noqa: B018 - read the acronym definitions once, at open
        return cls(store, embedder, settings, llm)

    def documents(self) -> list[dict]:
        return list(self.store.documents)

    def passage(self, chunk_id: str) -> dict | None:
        """A chunk's text and where it sits (doc_id, title, page, section), e.g. to show a
        cited quote inside its passage."""
        node = self.store.node_by_id(chunk_id)
        if node is None:
            return None
        meta = node.metadata
        return {"chunk_id": chunk_id, "text": node.text, "doc_id": meta.get("doc_id"), "title": meta.get("title"),
                "page": meta.get("page"), "section": meta.get("section")}

    def document_pages(self, doc_id: str) -> list[tuple[str, str]]:
        """A document's indexed text as (printed page, passages starting on it), in order."""
        pages: dict[str, list[str]] = {}
        previous = ""
        for _, node in self.store.nodes_of_document(doc_id):
            text = node.text
            # Chunks overlap a little; the page shows each sentence once.
            text = text[_overlap(previous, text):]
            previous = node.text
            for page, part in _page_parts(text, node.metadata, len(node.text) - len(text)):
                if part.strip():
                    pages.setdefault(page, []).append(part.strip())
        return [(page, "\n\n".join(parts)) for page, parts in pages.items()]

    def commitments(self, doc: str | None = None, status: str | None = None, due_by: str | None = None) -> list:
        """Commitments records (see `ateb commitments`), filtered like the command."""
        from assistant.commitments import select

        return select(self.records, doc=doc, status=status, due_by=due_by)

    def ask(self, question: str, k: int | None = None, filters: Filters | None = None,
            retrieval_only: bool = False, history: list[dict] | None = None, mode: str | None = None) -> Answer:
        """Answer one question. `history` is the conversation so far (dicts with a
        `question`), so a follow-up keeps its subject. `retrieval_only` skips answer
        composition (the answer is empty and nothing is cited). `mode` is "extractive" or
        "generative" (default: the settings')."""
        mode = mode or self.settings.mode
        if mode not in ("extractive", "generative"):
            raise ValueError(f"mode must be 'extractive' or 'generative', not {mode!r}")
        started = time.perf_counter()
        question = " ".join(str(question).split())
        k = k or self.settings.top_k
        if not question:
            return Answer(question=question, answer="Please ask a question.", abstained=True)
        query = contextual_question(question, history)
        query_vector = self.embedder.encode([query])[0]
        top = self.settings.answer_chunks
        if TYPED_ANSWER_CHUNKS and read_question(query).expects in _TYPED:
            top = max(top, TYPED_ANSWER_CHUNKS)
        depth = max(k, top)
        hits = self.retriever.search(query, depth, filters, query_vector=query_vector)
        retrieved_at = time.perf_counter()
        scored, best = None, {}
        if not retrieval_only:
            # The second stage: each sentence of the top chunks scored against the
            # question; the chunks are listed by their best sentence.
            extra = self.retriever.reply_block(query, query_vector, hits[:top], self.retriever.allowed_rows(filters, query))
            extra += self.retriever.footnotes_of(query, query_vector, hits[:top])
            if extra:
                added = {h.row for h in extra}
                hits = hits[:top] + extra + [h for h in hits[top:] if h.row not in added]
                top += len(extra)
            scored = score_sentences(query, query_vector, hits[:top], self.store)
            if RERANK:
                best = chunk_scores(scored)
                hits = reranked(hits[:top], best) + hits[top:]
        reranked_at = time.perf_counter()
        from_records = None
        if not retrieval_only:
            allowed = self.retriever.allowed_documents(filters, query)
            from_records = answer_from_records(query, self.records, self.store, allowed,
                                               passages=[h.node.metadata for h in hits[:3]])
        from_table = None
        if not retrieval_only and from_records is None and TABLE_CELLS:
            from_table = answer_from_table(query, scored.facts, self.store,
                                           list(dict.fromkeys(h.node.metadata["doc_id"] for h in hits[:top])),
                                           [h.node for h in hits[:top]])
        generation = None
        if retrieval_only:
            text, citations, abstained = "", [], False
        elif from_records is not None:
            text, citations = from_records.text, from_records.citations
            abstained = not citations
            if from_records.verdict_of is not None and citations:
                text, citations = self._with_reply(from_records, scored, hits)
            if mode == "generative":
                generation = Generation(model="", fallback="answered from the commitments records, which are already verified")
        elif from_table is not None:
            (text, citations), abstained = from_table, False
            if mode == "generative":
                generation = Generation(model="", fallback="answered from a table's cell, quoted as it stands")
        elif unnamed := self.retriever.names_written_nowhere(query):
            text, citations, abstained = f"The documents do not mention “{unnamed[0]}”.", [], True
        elif series_part := self.retriever.series_part_not_held(query):
            text, citations, abstained = f"The indexed documents include no {series_part} report.", [], True
        elif committee := self.retriever.committee_report_not_held(query):
            text, citations, abstained = f"The indexed documents include no report of the {committee}.", [], True
        else:
            text, citations, abstained = compose_answer(
                scored, hits[:top],
                self.settings.answer_max_sentences, self.settings.answer_max_words, self.settings.abstain_below,
            )
            if mode == "generative":
                text, citations, abstained, generation = self._generate(query, hits, (text, citations, abstained))
        done = time.perf_counter()
        # A reranked chunk's score is its best sentence's; one below them keeps its
        # retrieval score, capped so that the list reads best first.
        floor = min(best.values(), default=1.0)
        retrieved = [RetrievedChunk(chunk_id=h.node.node_id, doc_id=h.node.metadata["doc_id"],
                                    score=best.get(h.row, round(min(h.score, floor), 4)), text=h.node.text)
                     for h in hits[:k]]
        if from_table is not None:
            # the row the cell was read from leads: it is the passage that answered
            cited = citations[0].chunk_id
            retrieved = [r for r in retrieved if r.chunk_id == cited] + [r for r in retrieved if r.chunk_id != cited]
            if retrieved and retrieved[0].chunk_id != cited:
                node = self.store.node_by_id(cited)
                retrieved.insert(0, RetrievedChunk(chunk_id=cited, doc_id=node.metadata["doc_id"], score=citations[0].score,
                                                   text=node.text))
                retrieved = retrieved[:k]
        # A verdict cited from the commitments records may sit in a chunk outside the top
        # k; it follows them, so every cited quote can be checked against `retrieved`.
        listed = {r.chunk_id for r in retrieved}
        for citation in citations:
            node = None if citation.chunk_id in listed else self.store.node_by_id(citation.chunk_id)
            if node is not None:
                retrieved.append(RetrievedChunk(chunk_id=node.node_id, doc_id=node.metadata["doc_id"],
                                                score=citation.score, text=node.text))
                listed.add(node.node_id)
        return Answer(
            question=question, answer=text, abstained=abstained, citations=citations,
            retrieved=retrieved,
            timings_ms=Timings(
                retrieve=round((retrieved_at - started) * 1000, 1), rerank=round((reranked_at - retrieved_at) * 1000, 1),
                answer=round((done - reranked_at) * 1000, 1), total=round((done - started) * 1000, 1),
            ),
            generation=generation,
        )

    def _with_reply(self, verdict: RecordsAnswer, scored: ScoredSentences, hits: list) -> tuple[str, list[Citation]]:
        """A verdict from the records, then the best sentence of what that response says:
        "Accept" alone does not tell an official what the government will do, and the
        reply's own words ("The Government supports this recommendation …") often sit in
        the body, apart from the table the verdict came from."""
        budget = self.settings.answer_max_words - len(verdict.text.split())
        record = verdict.verdict_of
        replies = replies_only(scored, record.doc_id, record.status_quote or "")
        said, cited, abstained = compose_answer(replies, hits[: self.settings.answer_chunks], 1, budget,
                                                self.settings.abstain_below - REPLY_MARGIN)
        shown = verdict.citations
        if (abstained or not cited
                or any(c.chunk_id == o.chunk_id and (c.quote in o.quote or o.quote in c.quote) for c in cited for o in shown)
                or len(said.split()) > budget):
            return verdict.text, verdict.citations
        offset = len(shown)
        said = re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + offset}]", said)
        cited = [c.model_copy(update={"n": c.n + offset}) for c in cited]
        return f"{verdict.text} {said}", shown + cited

    def _generate(self, query: str, hits: list, extractive: tuple) -> tuple:
        """The generative answer, or the extractive one with the reason it stands."""
        from assistant.generative import generate_answer
        from assistant.llm import LLMUnavailable, model_label

        text, citations, abstained = extractive
        try:
            llm = self.llm
        except LLMUnavailable as exc:
            return text, citations, abstained, Generation(model="", fallback=f"no language model: {exc}")
        if abstained:
            # Retrieval found nothing that answers it: the model is not asked to try.
            return text, citations, abstained, Generation(
                model=model_label(llm), fallback="the passages found do not answer it; the model was not asked")
        return generate_answer(query, hits[: self.settings.generate_passages], llm, self.store, self.embedder,
                               self.settings.answer_max_words, (text, citations))

    def verify(self, text: str, chunk_ids: list[str]) -> list[dict]:
        """Check each sentence of `text` against the passages `chunk_ids` (its [n] markers
        number them from 1), as the generative mode checks a model's draft. One dict a
        sentence: sentence, kept, reason, the quote (for a removed one, the nearest),
        its chunk_id and scores. Works on any text: a briefing written by hand can be checked the same way."""
        from assistant.claims import split_claims
        from assistant.retrieval import Hit
        from assistant.verification import verify_claims

        hits = []
        for chunk_id in chunk_ids:
            row, node = self.store.row_of(chunk_id), self.store.node_by_id(chunk_id)
            if row is None or node is None:
                raise KeyError(f"no chunk {chunk_id!r} in the index at {self.store.path}")
            hits.append(Hit(row=row, node=node, score=0.0, dense=0.0))
        claims = split_claims(text)
        if not claims:
            return []
        out = []
        for verdict in verify_claims(claims, self.embedder.encode([c.text for c in claims]), hits, self.store):
            # For a removed sentence, the quote that came nearest, to show why it failed.
            support = verdict.support or verdict.closest
            out.append({
                "sentence": verdict.claim.text, "markers": list(verdict.claim.markers),
                "kept": verdict.support is not None, "reason": verdict.reason,
                "quote": support.quote if support else None,
                "chunk_id": support.hit.node.node_id if support else None,
                "passage": support.passage if support else None,
                "coverage": round(support.coverage, 3) if support else None,
                "cosine": round(support.cosine, 3) if support else None,
                "pairs": round(support.pairs, 3) if support else None,
                "missing": support.missing if support else [],
                "recited": verdict.recited_from is not None,
            })
        return out

    def ask_record(self, item: dict, k: int | None = None, filters: Filters | None = None,
                   retrieval_only: bool = False, history: list[dict] | None = None, mode: str | None = None) -> dict:
        """`ateb ask --json` for one batch item: the contract object, with the item's
        other fields echoed in front. `item` needs a string `question`."""
        extra = {key: value for key, value in item.items() if key not in CONTRACT_KEYS}
        answer = self.ask(item["question"], k=k, filters=filters, retrieval_only=retrieval_only, history=history,
                          mode=mode)
        return {**extra, **answer.model_dump()}


def _overlap(before: str, after: str, limit: int = 600) -> int:
    """Length of the longest tail of `before` that `after` starts with."""
    for size in range(min(limit, len(before), len(after)), 20, -1):
        if before.endswith(after[:size]):
            return size
    return 0


def _page_parts(text: str, meta: dict, skipped: int) -> list[tuple[str, str]]:
    """`text` (a chunk's text after its first `skipped` characters) cut where the printed
    page changes ('page_offsets' is "0:4;310:5")."""
    marks = []
    for item in str(meta.get("page_offsets") or "").split(";"):
        at, _, label = item.partition(":")
        if at.isdigit() and label:
            marks.append((max(int(at) - skipped, 0), label))
    if not marks:
        return [(str(meta.get("page") or ""), text)]
    marks = [m for i, m in enumerate(marks) if i + 1 == len(marks) or marks[i + 1][0] > 0] or marks[-1:]
    return [(label, text[at: marks[i + 1][0] if i + 1 < len(marks) else len(text)]) for i, (at, label) in enumerate(marks)]
