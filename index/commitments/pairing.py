"""A committee report beside the government's response to it: which report a response
answers (manifest `responds_to`, titles, references), and for each record the
committee's own words in that report, found by wording rather than by number (a
response renumbers as it likes; its quotation of the recommendation is near-verbatim)."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from index.commitments.records import Evidence, Record
from index.documents import LoadedDocument
from index.sentences import sentence_spans
from index.structure import Section, in_government_voice

_WORD = re.compile(r"[a-z0-9£%]+")
_STOP = {"the", "a", "an", "of", "to", "and", "in", "on", "for", "report", "committee", "government", "response", "s", "uk", "hl", "hc", "paper"}
_RECOMMENDS = re.compile(
    r"\b(?:should|must|recommend(?:s|ation)?|we\s+(?:urge|encourage|welcome|note|commend|support|acknowledge|recognise|call))\b", re.I
)
MIN_CONTAINMENT = 0.5  # share of the record's word trigrams found in the passage


@dataclass
class Passage:
    """A paragraph of a report that recommends something: a candidate for pairing."""

    doc_id: str
    file: str
    page: str
    section: str
    text: str
    number: str | None = None  # the report's own item number, where it has one

    def to_dict(self) -> dict:
        return asdict(self)


def report_passages(doc: LoadedDocument, sections: list[Section]) -> list[Passage]:
    """Each numbered recommendation of the report whole (its paragraphs joined), then
    every paragraph in the committee's recommending voice."""
    out = []
    for section in sections:
        if section.recommendation and section.part == section.item_kind and section.paragraphs:
            text = "\n".join(p.text for p in section.paragraphs)
            out.append(Passage(doc.doc_id, doc.file, section.paragraphs[0].page_at(0), section.path_text, text, section.recommendation))
    for section in sections:
        for paragraph in section.paragraphs:
            text = paragraph.text
            if len(text) < 60 or not _RECOMMENDS.search(text) or in_government_voice(text):
                continue
            out.append(Passage(doc.doc_id, doc.file, paragraph.page_at(0), section.path_text, text))
    return out


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def _trigrams(text: str) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i : i + 3]) for i in range(max(0, len(words) - 2))}


def _title_words(meta: dict) -> set[str]:
    text = " ".join(str(meta.get(k) or "") for k in ("title", "reference", "responds_to"))
    return {w for w in _words(text) if w not in _STOP and len(w) > 2}


def pair_reports(documents: list[dict]) -> dict[str, str]:
    """response doc_id -> report doc_id, where the titles say which report it answers."""
    reports = [d for d in documents if "report" in str(d.get("doc_type", "")).lower()]
    pairs = {}
    for doc in documents:
        if "response" not in str(doc.get("doc_type", "")).lower():
            continue
        mine = _title_words(doc)
        best, best_score = None, 0.0
        for report in reports:
            theirs = _title_words({"title": report.get("title"), "reference": report.get("reference")})
            shared = len(mine & theirs)
            score = shared / min(len(mine), len(theirs)) if shared >= 3 else 0.0
            if score > best_score:
                best, best_score = report, score
        if best is not None and best_score >= 0.5:
            pairs[doc["doc_id"]] = best["doc_id"]
    return pairs


def attach_committee_text(records: list[Record], passages: list[Passage]) -> None:
    """Give each record the report paragraph that best contains its recommendation."""
    grams = [(p, _trigrams(p.text)) for p in passages]
    for record in records:
        mine = _trigrams(record.recommendation_text)
        if not mine:
            continue
        best, best_share = None, 0.0
        for passage, theirs in grams:
            share = len(mine & theirs) / len(mine)
            if share > best_share:
                best, best_share = passage, share
        if best is not None and best_share >= MIN_CONTAINMENT:
            record.committee_doc_id = best.doc_id
            record.committee_text = _matching_span(best.text, mine)
            quote = _first_sentence(record.committee_text)
            record.committee_evidence = Evidence(best.doc_id, best.file, best.page, best.section, quote)


def _matching_span(text: str, grams: set[tuple[str, ...]]) -> str:
    """The run of the passage's sentences that carry the record's wording: a report
    paragraph may also hold a footnote or the next paragraph."""
    spans = [(a, b) for a, b in sentence_spans(text) if _trigrams(text[a:b]) & grams]
    return text[spans[0][0] : spans[-1][1]] if spans else text


def _first_sentence(text: str) -> str:
    for start, end in sentence_spans(text):
        if len(text[start:end]) >= 25:
            return text[start:end]
    return text


def unanswered(records: list[Record], passages: list[Passage], response: dict) -> list[Record]:
    """The report's numbered recommendations that no record answers: `no_response`."""
    answered = {r.committee_text for r in records if r.committee_text}
    numbers = {r.number for r in records if r.kind == "recommendation"}
    out, seen = [], set()
    for passage in passages:
        if passage.number is None or passage.number in numbers or passage.number in seen or passage.text in answered:
            continue
        seen.add(passage.number)
        quote = _first_sentence(passage.text)
        out.append(Record(
            doc_id=response["doc_id"], doc_title=str(response.get("title") or response["doc_id"]), kind="recommendation",
            number=passage.number, title=None, recommendation_text=passage.text,
            recommendation_evidence=Evidence(passage.doc_id, passage.file, passage.page, passage.section, quote),
            response_text="", response_evidence=None, status="no_response", status_quote=None,
            status_evidence=None, status_basis="none", committee_doc_id=passage.doc_id, committee_text=passage.text,
            committee_evidence=Evidence(passage.doc_id, passage.file, passage.page, passage.section, quote),
        ))
    return out
