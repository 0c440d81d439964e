"""Commitments at index time: what each document contributes (a response its records, a
report its recommending passages), then, over the whole index, pairing and citations
down to the chunk. Per-document parts are kept so an unchanged document is reused."""
from __future__ import annotations

from collections import defaultdict

from llama_index.core.schema import TextNode

from index.commitments.extract import extract_records
from index.commitments.pairing import Passage, attach_committee_text, pair_reports, report_passages, unanswered
from index.commitments.records import Evidence, Record
from index.documents import LoadedDocument
from index.structure import Section


def document_part(doc: LoadedDocument, sections: list[Section]) -> dict:
    """A response's records and a report's recommending passages, as JSON-ready dicts."""
    doc_type = str(doc.metadata.get("doc_type", "")).lower()
    part: dict = {"records": [], "passages": []}
    if "response" in doc_type:
        part["records"] = [r.to_dict() for r in extract_records(doc, sections)]
    elif "report" in doc_type:
        part["passages"] = [p.to_dict() for p in report_passages(doc, sections)]
    return part


def assemble(parts: dict[str, dict], documents: list[dict], nodes: list[TextNode]) -> list[Record]:
    """All records of the index, paired with their reports, each citation tied to the
    chunk that holds its quote."""
    pairs = pair_reports(documents)
    by_id = {d["doc_id"]: d for d in documents}
    records: list[Record] = []
    for doc in documents:
        part = parts.get(doc["doc_id"]) or {}
        mine = [Record.from_dict(r) for r in part.get("records", [])]
        if not mine:
            continue
        report = pairs.get(doc["doc_id"])
        if report and report in by_id:
            passages = [Passage(**p) for p in (parts.get(report) or {}).get("passages", [])]
            attach_committee_text(mine, passages)
            mine.extend(unanswered(mine, passages, doc))
        records.extend(mine)
    _tie_to_chunks(records, nodes)
    return records


def _tie_to_chunks(records: list[Record], nodes: list[TextNode]) -> None:
    by_doc: dict[str, list[TextNode]] = defaultdict(list)
    for node in nodes:
        by_doc[node.metadata["doc_id"]].append(node)
    for record in records:
        for evidence in record.evidence():
            if evidence.chunk_id is None:
                evidence.chunk_id = _chunk_for(evidence, by_doc.get(evidence.doc_id, []))


def _chunk_for(evidence: Evidence, nodes: list[TextNode]) -> str | None:
    holding = [n for n in nodes if evidence.quote in n.text]
    same_section = [n for n in holding if n.metadata.get("section") == evidence.section]
    chosen = (same_section or holding or [None])[0]
    return chosen.node_id if chosen is not None else None
