"""Records from a parsed government response: one per recommendation (or conclusion, or
comment) the document answers, with the reply, its verdict, its promises and the
citation of every field."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.commitments import values
from index.commitments.records import Commitment, Evidence, Record
from index.commitments.status import Verdict, read_verdict, stated_status
from index.documents import LoadedDocument
from index.sentences import sentence_spans
from index.structure import Paragraph, Section


@dataclass
class _Sentence:
    text: str
    paragraph: Paragraph
    offset: int  # within the paragraph
    section: Section


@dataclass
class _Item:
    kind: str
    numbers: list[str]
    title: str | None
    committee: list[Section] = field(default_factory=list)
    reply: list[Section] = field(default_factory=list)
    financial: list[Section] = field(default_factory=list)


def _items(sections: list[Section]) -> list[_Item]:
    """Group sections into items in document order. Generic sections after an item that
    has no reply of its own, before the next item, are its reply (a response that answers
    under topic headings)."""
    items: dict[int, _Item] = {}
    current: _Item | None = None
    topic_reply = False
    for section in sections:
        if section.item_id is None:
            if current is not None and (topic_reply or not (current.reply or current.financial)):
                current.reply.append(section)
                topic_reply = True
            continue
        topic_reply = False
        if not section.item_numbers:
            current = None  # "Conclusion" as a chapter of the response, not a numbered item
            continue
        current = items.setdefault(section.item_id, _Item(
            section.item_kind or "recommendation", list(section.item_numbers), section.item_title))
        if section.part == "response":
            current.reply.append(section)
        elif section.part == "financial implications":
            current.financial.append(section)
        else:
            current.committee.append(section)
    return list(items.values())


def _sentences(sections: list[Section]) -> list[_Sentence]:
    out = []
    for section in sections:
        for paragraph in section.paragraphs:
            for start, end in sentence_spans(paragraph.text):
                out.append(_Sentence(paragraph.text[start:end], paragraph, start, section))
    return out


def _evidence(doc: LoadedDocument, sentence: _Sentence) -> Evidence:
    return Evidence(
        doc_id=doc.doc_id, file=doc.file, page=sentence.paragraph.page_at(sentence.offset),
        section=sentence.section.path_text, quote=sentence.text,
    )


def _text(sections: list[Section]) -> str:
    return "\n".join(p.text for s in sections for p in s.paragraphs)


def _verdict(item: _Item, reply: list[_Sentence]) -> tuple[Verdict, _Sentence | None]:
    """The verdict and the sentence that sets it; a stated verdict ("Response: Accept")
    counts only where its line is there to quote."""
    for section in item.reply:
        status = stated_status(section.response_status) if section.response_status else None
        line = next((s for s in reply if s.section is section and section.response_status.lower() in s.text.lower()), None) if status else None
        if line is not None:
            return Verdict(status, line.text, "stated"), line
    verdict = read_verdict([s.text for s in reply])
    sentence = reply[verdict.sentence_index] if verdict.sentence_index is not None else None
    return verdict, sentence


def _commitments(doc: LoadedDocument, reply: list[_Sentence], actor: str | None) -> list[Commitment]:
    out = []
    for sentence in reply:
        text = sentence.text
        if not values.is_promise(text) or len(text.split()) < 5:
            continue
        found = values.deadline(text)
        amounts = values.money(text)
        out.append(Commitment(
            text=text, evidence=_evidence(doc, sentence), actor=values.actor(text, actor),
            deadline=found[0] if found else None, deadline_text=found[1] if found else None,
            amounts=[a for _, a in amounts], amount_texts=[t for t, _ in amounts],
        ))
    return out


def _government(doc: LoadedDocument) -> str:
    publisher = str(doc.metadata.get("publisher") or "")
    if "Welsh Government" in publisher:
        return "the Welsh Government"
    if "Scottish Government" in publisher:
        return "the Scottish Government"
    return "the Government"


def extract_records(doc: LoadedDocument, sections: list[Section]) -> list[Record]:
    """One record per number the response answers, in document order."""
    records: list[Record] = []
    actor = _government(doc)
    for item in _items(sections):
        committee = _sentences(item.committee)
        reply = _sentences(item.reply)
        financial = _sentences(item.financial)
        if not reply and not committee:
            continue
        if reply:
            verdict, verdict_sentence = _verdict(item, reply)
        else:
            verdict, verdict_sentence = Verdict("no_response", None, "none"), None
        commitments = _commitments(doc, reply, actor)
        for number in item.numbers:
            records.append(Record(
                doc_id=doc.doc_id, doc_title=doc.title, kind=item.kind, number=number, title=item.title,
                recommendation_text=_text(item.committee),
                recommendation_evidence=_evidence(doc, committee[0]) if committee else None,
                response_text=_text(item.reply),
                response_evidence=_evidence(doc, reply[0]) if reply else None,
                status=verdict.status, status_quote=verdict.quote,
                status_evidence=_evidence(doc, verdict_sentence) if verdict_sentence else None,
                status_basis=verdict.basis,
                financial_implications=_text(item.financial) or None,
                financial_evidence=_evidence(doc, financial[0]) if financial else None,
                commitments=commitments,
                answered_with=[n for n in item.numbers if n != number],
            ))
    return _share_replies(records)


def _share_replies(records: list[Record]) -> list[Record]:
    """'Recommendation 1' with no reply of its own, followed by 'Recommendation 2' and
    one reply: the reply answers both (responses group related recommendations)."""
    pending: list[Record] = []
    for record in records:
        if not record.response_text:
            pending.append(record)
            continue
        if pending:
            group = {record.number, *record.answered_with, *(w.number for w in pending)}
            for waiting in pending:
                waiting.response_text = record.response_text
                waiting.response_evidence = record.response_evidence
                waiting.status, waiting.status_quote = record.status, record.status_quote
                waiting.status_evidence, waiting.status_basis = record.status_evidence, record.status_basis
                waiting.commitments = record.commitments
            for member in [*pending, record]:
                member.answered_with = sorted(group - {member.number}, key=_order)
        pending = []
    for record in pending:
        record.status, record.status_basis = "no_response", "none"
    return records


def _order(number: str) -> tuple[int, str]:
    digits = re.match(r"\d+", number)
    return (int(digits.group(0)) if digits else 0, number)
