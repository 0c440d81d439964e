"""Questions the commitments records answer better than passages do: "did the
government accept recommendation 3?", "which recommendations were rejected?", "what did
the government commit to by March 2026?", "what will recommendation 1 cost?". Each
answer cites the record's evidence, checked against its chunk like any other quote."""
from __future__ import annotations

import re
from typing import NamedTuple

from assistant.commitments import STATUS_LABELS, due_commitments, status_named
from assistant.models import Citation
from assistant.question import read_question, with_item_from_passages
from index import StoredIndex
from index.commitments import Evidence, Record
from index.commitments.values import deadline as read_deadline

_WHICH = re.compile(r"\b(?:which|what|list|how\s+many)\b.{0,30}\brecommendations?\b.{0,40}?\b(?P<status>rejected|not\s+accepted|accepted\s+in\s+part|partially\s+accepted|"
                    r"accepted\s+in\s+principle|accepted|noted|unanswered|not\s+answered)\b", re.I)
_COMMITTED_BY = re.compile(r"\bcommit(?:ted|ments?)?\b.*\b(?:by|before|until)\b", re.I)
_FINANCIAL = re.compile(r"\bfinancial\s+implications?\b|\bcost\b", re.I)
_GENERIC = {"government", "response", "report", "committee", "house", "lords", "commons", "select", "the", "and", "for",
            "with", "from", "this", "that", "recommendations", "recommendation", "review", "department"}
MAX_LISTED = 6
PREMISE_CHECK = True  # issue 4 lever: "why did they reject N?" where N was accepted is not answered


class RecordsAnswer(NamedTuple):
    """An answer from the records; `verdict_of` is the record whose verdict it states, so
    the caller can add what the reply goes on to say."""
    text: str
    citations: list[Citation]
    verdict_of: Record | None = None


def answer_from_records(question: str, records: list[Record], store: StoredIndex,
                        allowed_docs: set[str] | None = None,
                        passages: list[dict] | None = None) -> RecordsAnswer | None:
    """(answer text with [n] markers, citations), or None when the records do not settle
    the question and passage retrieval should answer it. `passages` (metadata of the
    best retrieved chunks) name the recommendation a verdict question describes in words."""
    if not records:
        return None
    if allowed_docs is not None:
        records = [r for r in records if r.doc_id in allowed_docs]
    records = _named_documents(question, records)
    facts = read_question(question)
    if facts.item_number is None:
        which = _WHICH.search(question)
        if which:
            return RecordsAnswer(*_list_by_status(status_named(which["status"]), records, store))
        found = read_deadline(question) if _COMMITTED_BY.search(question) else None
        if found and not found[0].startswith("P"):
            due = _due_by(found[0].split("/")[-1], records, store)
            return RecordsAnswer(*due) if due else None
        return _described_verdict(question, facts, records, store, passages or [])
    matching = [r for r in records if r.kind == facts.item_kind and r.number == facts.item_number]
    if len({r.doc_id for r in matching}) != 1:
        return None  # ambiguous across responses, or not a record: passages decide
    if facts.expects == "money" or _FINANCIAL.search(question):
        cost = _cost(matching[0], store)
        return RecordsAnswer(*cost) if cost else None
    if facts.asks_verdict:
        return _verdict(matching[0], store, question)
    return None


def _described_verdict(question: str, facts, records: list[Record], store: StoredIndex,  # noqa: ANN001 - QuestionFacts
                       passages: list[dict]) -> RecordsAnswer | None:
    """'The verdict on the twin-track recommendation': the recommendation the best passages
    are about, when the document states its verdict; anything less is left to passages."""
    described = with_item_from_passages(facts, passages)
    if described.item_number is None:
        return None
    record = next((r for r in records if (r.doc_id, r.kind, r.number) ==
                   (described.doc_id, described.item_kind, described.item_number)), None)
    return _verdict(record, store, question) if record is not None and record.status_basis == "stated" else None


def _named_documents(question: str, records: list[Record]) -> list[Record]:
    """Keep the responses the question names by a word of their title that no other
    response shares ('the space response', 'the Covid response')."""
    titles = {r.doc_id: set(re.findall(r"[a-z0-9-]{4,}", f"{r.doc_title} {r.doc_id}".lower())) - _GENERIC for r in records}
    words = set(re.findall(r"[a-z0-9-]{4,}", question.lower()))
    named = set()
    for doc_id, mine in titles.items():
        others = set().union(*(t for d, t in titles.items() if d != doc_id)) if len(titles) > 1 else set()
        if words & (mine - others):
            named.add(doc_id)
    return [r for r in records if r.doc_id in named] if named else records


class _Cites:
    def __init__(self, store: StoredIndex) -> None:
        self.store = store
        self.items: list[Citation] = []

    def mark(self, evidence: Evidence | None, title: str) -> str:
        """'[n]' for a quote that checks out against its chunk; '' otherwise."""
        if evidence is None or not evidence.chunk_id:
            return ""
        node = self.store.node_by_id(evidence.chunk_id)
        if node is None or evidence.quote not in node.text:
            return ""
        for citation in self.items:
            if citation.chunk_id == evidence.chunk_id and citation.quote == evidence.quote:
                return f"[{citation.n}]"
        n = len(self.items) + 1
        self.items.append(Citation(n=n, doc_id=evidence.doc_id, title=title, file=evidence.file, page=evidence.page,
                                   section=evidence.section, quote=evidence.quote, chunk_id=evidence.chunk_id, score=1.0))
        return f"[{n}]"


def _label(record: Record) -> str:
    return f"{record.kind.capitalize()} {record.number}"


# "Why did the government reject recommendation 8?" takes the verdict as given; where the
# response says otherwise, the question has no answer and the reply says why.
_PRESUMED = re.compile(
    r"\bwhy (?:did|has|have|had|was|were|is|does|do) (?:the )?(?:[\w’'-]+ ){0,3}?"
    r"(?P<verdict>reject(?:ed)?|decline[ds]?|refuse[ds]?|turn(?:ed)? down|accept(?:ed)?|agree[ds]?|support(?:ed)?)\b", re.I)
_REJECTING = ("reject", "declin", "refus", "turn")
_REJECTED = {"not_accepted"}
_ACCEPTED = {"accepted", "accepted_in_part", "accepted_in_principle"}


def _premise_refused(question: str, record: Record) -> RecordsAnswer | None:
    """The reply to a question that presumes a verdict the response does not give: no
    answer, and no citation (an abstention carries none), but the verdict it does give."""
    presumed = _PRESUMED.search(question)
    if presumed is None or record.status == "no_response":
        return None
    rejecting = presumed["verdict"].lower().startswith(_REJECTING)
    if record.status in (_REJECTED if rejecting else _ACCEPTED):
        return None
    said = f"the response states “{_short(record.status_quote)}”" if record.status_quote else "its verdict is unclear"
    return RecordsAnswer(f"The documents do not say that {_label(record)} was {'rejected' if rejecting else 'accepted'}: "
                         f"{said} ({record.doc_title}, page {record.status_evidence.page if record.status_evidence else '?'}).", [])


def _verdict(record: Record, store: StoredIndex, question: str = "") -> RecordsAnswer | None:
    cites = _Cites(store)
    if record.status == "no_response":
        return RecordsAnswer(f"The response does not answer {_label(record)}.", [])
    refused = _premise_refused(question, record) if PREMISE_CHECK else None
    if refused is not None:
        return refused
    if not record.status_quote or (record.status == "unclear" and record.status_basis != "stated"):
        return None  # no verdict in the words: let passages show what the reply says
    mark = cites.mark(record.status_evidence, record.doc_title)
    if not mark:
        return None
    how = "states" if record.status_basis == "stated" else "reads as"
    text = f"{_label(record)}: {STATUS_LABELS[record.status]} (the response {how} “{_short(record.status_quote)}”) {mark}"
    return RecordsAnswer(text, cites.items, record)


def _cost(record: Record, store: StoredIndex) -> tuple[str, list[Citation]] | None:
    cites = _Cites(store)
    if record.financial_implications and record.financial_evidence:
        mark = cites.mark(record.financial_evidence, record.doc_title)
        if mark:
            return f"{_label(record)}, financial implications: {_short(record.financial_evidence.quote, 45)} {mark}", cites.items
    priced = [c for c in record.commitments if c.amounts]
    if not priced:
        return None
    parts = []
    for commitment in priced[:2]:
        mark = cites.mark(commitment.evidence, record.doc_title)
        if mark:
            parts.append(f"{_short(commitment.text, 28)} {mark}")
    return (f"{_label(record)}: " + " ".join(parts), cites.items) if parts else None


def _list_by_status(status: str, records: list[Record], store: StoredIndex) -> tuple[str, list[Citation]]:
    cites = _Cites(store)
    chosen = [r for r in records if r.status == status]
    if not chosen:
        docs = len({r.doc_id for r in records})
        return (f"No recommendation in the {docs} indexed response{'s' if docs != 1 else ''} is recorded as "
                f"{STATUS_LABELS[status]}.", [])
    lines = []
    several = len({r.doc_id for r in chosen}) > 1
    for record in chosen[:MAX_LISTED]:
        mark = cites.mark(record.status_evidence, record.doc_title)
        where = f" of {record.doc_id}" if several else ""
        lines.append(f"{_label(record)}{where}{(' ' + mark) if mark else ''}")
    more = f" and {len(chosen) - MAX_LISTED} more" if len(chosen) > MAX_LISTED else ""
    return f"{STATUS_LABELS[status].capitalize()}: " + "; ".join(lines) + more + ".", cites.items


def _due_by(limit: str, records: list[Record], store: StoredIndex) -> tuple[str, list[Citation]] | None:
    cites = _Cites(store)
    parts = []
    seen = set()
    for record in records:
        for commitment in due_commitments(record, limit):
            if commitment.text in seen:
                continue
            seen.add(commitment.text)
            mark = cites.mark(commitment.evidence, record.doc_title)
            if mark:
                parts.append(f"{_label(record)}: {_short(commitment.text, 24)} {mark}")
    if not parts:
        return None
    more = f" (and {len(parts) - 2} more: ateb commitments --due-by {limit})" if len(parts) > 2 else ""
    return " ".join(parts[:2]) + more, cites.items


def _short(text: str, words: int = 30) -> str:
    split = text.split()
    return text if len(split) <= words else " ".join(split[:words]) + " …"

