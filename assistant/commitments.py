"""Commitments queries over the records built at index time: select by document,
status, number or deadline, and flatten to table rows for export."""
from __future__ import annotations

import re

from index.commitments import STATUSES, Record

STATUS_LABELS = {
    "accepted": "accepted", "accepted_in_part": "accepted in part", "accepted_in_principle": "accepted in principle",
    "not_accepted": "not accepted", "noted": "noted", "unclear": "unclear", "no_response": "no response",
}
STATUS_ALIASES = {
    "rejected": "not_accepted", "reject": "not_accepted", "not_agreed": "not_accepted", "declined": "not_accepted",
    "accept": "accepted", "agreed": "accepted", "partially_accepted": "accepted_in_part", "partly_accepted": "accepted_in_part",
    "in_part": "accepted_in_part", "in_principle": "accepted_in_principle", "unanswered": "no_response",
    "not_answered": "no_response",
}
TABLE_COLUMNS = ("document", "kind", "number", "title", "status", "status_basis", "status_quote", "status_page",
                 "commitments", "deadlines", "money_gbp", "financial_implications", "answered_with",
                 "recommendation_page", "response_page", "committee_page")


def select(records: list[Record], doc: str | None = None, status: str | None = None,
           number: str | None = None, due_by: str | None = None) -> list[Record]:
    """Records matching every given criterion. `status` may be a label ("not accepted");
    `due_by` (an ISO date prefix) keeps records with a commitment due by then."""
    status = status_named(status) if status else None
    out = []
    for record in records:
        if doc and not _is_document(record, doc):
            continue
        if status and record.status != status:
            continue
        if number and record.number != number:
            continue
        if due_by and not due_commitments(record, due_by):
            continue
        out.append(record)
    return out


def status_named(words: str) -> str:
    """'not accepted', 'rejected', 'accepted_in_part' -> the status it names."""
    wanted = "_".join(words.strip().lower().replace("-", " ").split())
    wanted = STATUS_ALIASES.get(wanted, wanted)
    if wanted not in STATUSES:
        raise ValueError(f"unknown status {words!r}; one of: {', '.join(STATUSES)}")
    return wanted


def _is_document(record: Record, doc: str) -> bool:
    """`doc` is the record's doc_id, its file name, or part of its doc_id."""
    file = record.response_evidence.file if record.response_evidence else None
    return doc in (record.doc_id, file) or doc.lower() in record.doc_id.lower()


def due_commitments(record: Record, due_by: str) -> list:
    """Commitments certain to be due by `due_by` (an ISO prefix, '2026-03'): the whole
    period a deadline names ends by then. Durations ('within 12 months') have no date."""
    limit = due_by[:10]
    return [c for c in record.commitments
            if c.deadline and not c.deadline.startswith("P") and _end(c.deadline)[: len(limit)] <= limit]


def _end(deadline: str) -> str:
    end = deadline.split("/")[-1]
    return {4: f"{end}-12-31", 7: f"{end}-31"}.get(len(end), end)


def table_rows(records: list[Record]) -> list[dict]:
    """One flat row per record: what a spreadsheet or a table shows."""
    rows = []
    for r in records:
        rows.append({
            "document": r.doc_id,
            "kind": r.kind,
            "number": r.number,
            "title": r.title or "",
            "status": STATUS_LABELS.get(r.status, r.status),
            "status_basis": r.status_basis,
            "status_quote": r.status_quote or "",
            "status_page": r.status_evidence.page if r.status_evidence else "",
            "commitments": "\n".join(c.text for c in r.commitments),
            "deadlines": "; ".join(dict.fromkeys(f"{c.deadline} ({c.deadline_text})" for c in r.commitments if c.deadline)),
            "money_gbp": "; ".join(dict.fromkeys(f"{t} = {a:,.0f}" for c in r.commitments for t, a in zip(c.amount_texts, c.amounts))),
            "financial_implications": r.financial_implications or "",
            "answered_with": ", ".join(r.answered_with),
            "recommendation_page": r.recommendation_evidence.page if r.recommendation_evidence else "",
            "response_page": r.response_evidence.page if r.response_evidence else "",
            "committee_page": r.committee_evidence.page if r.committee_evidence else "",
        })
    return rows


def number_order(record: Record) -> tuple[str, int, str]:
    digits = re.match(r"\d+", record.number)
    return (record.doc_id, int(digits.group(0)) if digits else 0, record.number)


def stored_records(store) -> list[Record]:
    """The records of an opened index (`index.StoredIndex`), in document and number order."""
    return sorted((Record.from_dict(r) for r in store.commitment_records()), key=number_order)
