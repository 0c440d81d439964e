"""What the app shows, as HTML strings and table rows built from the assistant's answers
and records. Every piece of document text goes through `html.escape`: a document cannot
put markup or script into the page."""
from __future__ import annotations

import html
import re

from assistant import Answer
from assistant.commitments import STATUS_LABELS, table_rows
from index.commitments import Record

_MARKER = re.compile(r"\[(\d+)\]")
STATUS_COLOURS = {
    "accepted": "#1b7f3b", "accepted_in_part": "#5a8f1b", "accepted_in_principle": "#2f6f9f",
    "not_accepted": "#b3261e", "noted": "#7a5c00", "unclear": "#5f6368", "no_response": "#8e24aa",
}


def _e(text: object) -> str:
    return html.escape(str(text if text is not None else ""), quote=True)


def answer_html(answer: Answer) -> str:
    """The answer with each [n] a link to its source card; an abstention set apart."""
    text = _MARKER.sub(lambda m: f'<a class="ateb-cite" href="#ateb-src-{m[1]}">[{m[1]}]</a>', _e(answer.answer))
    if answer.abstained:
        return f'<div class="ateb-abstain"><strong>Not in the documents.</strong> {text}</div>{generation_html(answer)}'
    return f'<div class="ateb-answer">{text}</div>{generation_html(answer)}'


def generation_html(answer: Answer) -> str:
    """Under a generative answer: who wrote it, and what verification removed and why
    (or why the quoted answer was given instead). Empty for an extractive answer."""
    g = answer.generation
    if g is None:
        return ""
    if g.fallback:
        head = f"Quoted answer shown: {_e(g.fallback)}."
    else:
        head = (f"Written by {_e(g.model)}; {g.kept} sentence{'s' if g.kept != 1 else ''} kept, each checked against "
                f"its source; {len(g.removed)} removed.")
    items = [f"<li>“{_e(r.sentence)}” — {_e(r.reason)}</li>" for r in g.removed]
    items += [f"<li>Citation corrected: {_e(r)}</li>" for r in g.recited]
    details = (f"<details><summary>What verification removed</summary><ul>{''.join(items)}</ul></details>"
               if items else "")
    return f'<div class="ateb-generation ateb-muted">{head}{details}</div>'


def _highlighted(passage: str, quote: str) -> str:
    at = passage.find(quote)
    if at < 0:
        return _e(passage)
    return f"{_e(passage[:at])}<mark>{_e(quote)}</mark>{_e(passage[at + len(quote):])}"


def sources_html(answer: Answer, passages: dict[str, dict], documents: dict[str, dict]) -> str:
    """One card per citation: document title, type, publisher, date, printed page, section
    path, and the quoted words highlighted inside their passage."""
    if not answer.citations:
        return '<div class="ateb-sources"><p class="ateb-muted">No sources: nothing in the documents answers this.</p></div>'
    cards = []
    for c in answer.citations:
        doc = documents.get(c.doc_id, {})
        passage = passages.get(c.chunk_id, {}).get("text") or c.quote
        facts = " · ".join(_e(v) for v in (doc.get("doc_type"), doc.get("publisher"), doc.get("date")) if v)
        cards.append(
            f'<div class="ateb-source" id="ateb-src-{c.n}">'
            f'<div class="ateb-source-head"><span class="ateb-n">[{c.n}]</span> <strong>{_e(c.title)}</strong></div>'
            f'<div class="ateb-meta">{facts}</div>'
            f'<div class="ateb-meta">page {_e(c.page)} · {_e(c.section or "(no section)")}</div>'
            f'<blockquote class="ateb-passage">{_highlighted(passage, c.quote)}</blockquote></div>'
        )
    return '<div class="ateb-sources">' + "".join(cards) + "</div>"


def answer_markdown(answer: Answer) -> str:
    """The answer and its numbered sources as Markdown, to paste into a briefing."""
    lines = [answer.answer.strip(), ""]
    for c in answer.citations:
        lines.append(f"[{c.n}] {c.title}, page {c.page}, {c.section or 'no section'}: “{c.quote}”")
    return "\n".join(lines).strip()


def status_label(status: str) -> str:
    colour = STATUS_COLOURS.get(status, "#5f6368")
    return (f'<span class="ateb-status" style="background:{colour}">'
            f'{_e(STATUS_LABELS.get(status, status))}</span>')


COMMITMENT_HEADERS = ["No.", "Title", "Status", "Commitments", "Money", "Dates", "Financial implications"]


def commitment_rows(records: list[Record]) -> list[list[str]]:
    """The commitments table: one row per record, status as a coloured label (HTML,
    escaped), the rest as plain text."""
    rows = []
    for record, flat in zip(records, table_rows(records)):
        more = len(record.commitments) - 2
        rows.append([
            f"{record.kind[:3].capitalize()}. {record.number}",
            flat["title"] or _clip(record.recommendation_text, 14),
            status_label(record.status),
            "\n".join(f"• {_clip(c.text, 28)}" for c in record.commitments[:2]) + (f"\n(+{more} more)" if more > 0 else ""),
            flat["money_gbp"],
            flat["deadlines"],
            _clip(flat["financial_implications"], 24),
        ])
    return rows


def _clip(text: str, words: int) -> str:
    """The table shows the start; the opened record shows everything."""
    parts = (text or "").split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _cited(label: str, text: str, evidence) -> str:  # noqa: ANN001 - an Evidence or None
    where = (f'<div class="ateb-meta">{_e(evidence.file)}, page {_e(evidence.page)} · {_e(evidence.section)}</div>'
             if evidence else "")
    body = _e(text) if text else '<span class="ateb-muted">(none)</span>'
    return f'<div class="ateb-side"><h4>{_e(label)}</h4>{where}<div class="ateb-text">{body}</div></div>'


def record_html(record: Record) -> str:
    """A record opened: the recommendation and the response side by side, each cited,
    then the verdict's words, promises, money and dates."""
    committee = _cited("The committee's words (report)", record.committee_text or "", record.committee_evidence) \
        if record.committee_text else ""
    verdict = (f'<p>{status_label(record.status)} <em>{record.status_basis}</em>'
               + (f" — “{_e(record.status_quote)}” (page {_e(record.status_evidence.page)})"
                  if record.status_quote and record.status_evidence else "") + "</p>")
    promises = "".join(
        f"<li>{_e(c.text)} <span class='ateb-meta'>page {_e(c.evidence.page)}"
        + (f" · by {_e(c.deadline)}" if c.deadline else "")
        + (f" · £{sum(c.amounts):,.0f}" if c.amounts else "")
        + (f" · {_e(c.actor)}" if c.actor else "") + "</span></li>"
        for c in record.commitments
    )
    shared = (f"<p class='ateb-meta'>Answered together with {_e(', '.join(record.answered_with))}.</p>"
              if record.answered_with else "")
    financial = (_cited("Financial implications", record.financial_implications, record.financial_evidence)
                 if record.financial_implications else "")
    return (
        f'<div class="ateb-record"><h3>{_e(record.kind.capitalize())} {_e(record.number)}'
        f'{": " + _e(record.title) if record.title else ""}</h3>{verdict}{shared}'
        f'<div class="ateb-pair">'
        f'{_cited("Recommendation", record.recommendation_text, record.recommendation_evidence)}'
        f'{_cited("Response", record.response_text, record.response_evidence)}</div>'
        f"{committee}{financial}"
        f"<h4>Commitments</h4>{'<ul>' + promises + '</ul>' if promises else '<p class=ateb-muted>None found.</p>'}"
        "</div>"
    )


DOCUMENT_HEADERS = ["Document", "Title", "Type", "Publisher", "Date", "Pages", "Chunks", "Recs"]


def document_rows(documents: list[dict], records: list[Record]) -> list[list]:
    counts: dict[str, int] = {}
    for record in records:
        counts[record.doc_id] = counts.get(record.doc_id, 0) + 1
    return [[d.get("doc_id", ""), d.get("title", ""), d.get("doc_type", ""), d.get("publisher", ""),
             d.get("date", ""), d.get("pages", 0), d.get("chunks", 0), counts.get(d.get("doc_id"), 0)]
            for d in documents]


def page_html(title: str, page: str, text: str) -> str:
    paragraphs = "".join(f"<p>{_e(p)}</p>" for p in text.split("\n\n") if p.strip())
    return f'<div class="ateb-page"><h3>{_e(title)} — page {_e(page)}</h3>{paragraphs}</div>'
