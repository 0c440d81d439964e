"""Sections into chunks: sentence-aware, never across a section boundary, with page span
and section path kept, and ids that are the same for the same input.

llama-index's SentenceSplitter works on flat text, so the page of each sentence and the
section it sits in would be lost; we pack sentences ourselves and hand llama-index
`TextNode`s with that metadata.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from llama_index.core.schema import TextNode

from index.documents import LoadedDocument
from index.sentences import sentence_spans
from index.structure import Section

STRUCTURE_VERSION = 22  # bump when parsing or chunking changes what chunks contain
_DOC_FIELDS = ("title", "doc_type", "publisher", "date", "reference")


@dataclass
class _Sentence:
    text: str
    page_start: str
    page_end: str
    paragraph: int  # index of the paragraph within its section
    number: str | None
    tokens: int


def embed_text(node: TextNode) -> str:
    """What the embedding model and BM25 read: the chunk with its document title and
    section path, so a chunk that says only 'Response: Accept' still knows what about."""
    meta = node.metadata
    return f"{meta.get('title', '')}\n{meta.get('section', '')}\n{node.text}"


def _page_span(start: str, end: str) -> str:
    return start if start == end else f"{start}–{end}"


def _sentences(section: Section, count: Callable[[str], int], limit: int) -> list[_Sentence]:
    out: list[_Sentence] = []
    for p_index, para in enumerate(section.paragraphs):
        for start, end in sentence_spans(para.text):
            text = para.text[start:end]
            tokens = count(text)
            if tokens <= limit:
                out.append(_Sentence(text, para.page_at(start), para.page_at(end - 1), p_index, para.number, tokens))
                continue
            # A "sentence" longer than a chunk (a table row run, a list without
            # punctuation) is cut into word windows.
            words, piece, offset = text.split(" "), [], start
            for word in words:
                piece.append(word)
                if count(" ".join(piece)) >= limit:
                    joined = " ".join(piece)
                    out.append(_Sentence(joined, para.page_at(offset), para.page_at(offset + len(joined) - 1), p_index, para.number, count(joined)))
                    offset += len(joined) + 1
                    piece = []
            if piece:
                joined = " ".join(piece)
                out.append(_Sentence(joined, para.page_at(offset), para.page_at(end - 1), p_index, para.number, count(joined)))
    return out


def _join(sentences: list[_Sentence]) -> tuple[str, str]:
    """The chunk text, and where in it the printed page changes ("0:4;812:5"), so a
    quote can be given the page it is on rather than the chunk's first page."""
    text, marks, page = "", [], None
    for i, s in enumerate(sentences):
        if i:
            text += " " if s.paragraph == sentences[i - 1].paragraph else "\n"
        if s.page_start != page:
            marks.append(f"{len(text)}:{s.page_start}")
            page = s.page_start
        text += s.text
        if s.page_end != page:
            marks.append(f"{len(text) - 1}:{s.page_end}")
            page = s.page_end
    return text, ";".join(marks)


def page_at(metadata: dict, offset: int) -> str:
    """The printed page of the character at `offset` in a chunk's text."""
    page = str(metadata.get("page_start", ""))
    for mark in str(metadata.get("page_offsets", "")).split(";"):
        if not mark:
            continue
        start, _, label = mark.partition(":")
        if int(start) > offset:
            break
        page = label
    return page


def chunk_document(
    doc: LoadedDocument,
    sections: list[Section],
    count_tokens: Callable[[str], int],
    chunk_tokens: int,
    overlap_tokens: int,
    max_model_tokens: int = 256,
) -> list[TextNode]:
    nodes: list[TextNode] = []
    doc_meta = {k: doc.metadata.get(k) for k in _DOC_FIELDS if doc.metadata.get(k) is not None}
    doc_meta["title"] = doc.title
    for section in sections:
        section_text = section.path_text
        prefix_tokens = count_tokens(f"{doc.title}\n{section_text}\n")
        budget = max(32, min(chunk_tokens, max_model_tokens - prefix_tokens - 4))
        sentences = _sentences(section, count_tokens, budget)
        groups: list[list[_Sentence]] = []
        current: list[_Sentence] = []
        used = 0
        for sentence in sentences:
            if current and used + sentence.tokens > budget:
                groups.append(current)
                # Carry the last sentences (up to the overlap budget) into the next chunk.
                carry: list[_Sentence] = []
                for prev in reversed(current):
                    if sum(s.tokens for s in carry) + prev.tokens > overlap_tokens:
                        break
                    carry.insert(0, prev)
                if len(carry) == len(current):
                    carry = carry[1:]
                current, used = carry, sum(s.tokens for s in carry)
            current.append(sentence)
            used += sentence.tokens
        if current:
            groups.append(current)
        for ordinal, group in enumerate(groups):
            text, page_offsets = _join(group)
            # Position in the document makes ids unique even where a document repeats a
            # section verbatim (an appendix restating every recommendation).
            digest = hashlib.sha1(f"{doc.doc_id}|{len(nodes)}|{section_text}|{ordinal}|{text}".encode()).hexdigest()[:12]
            numbers = list(dict.fromkeys(s.number for s in group if s.number))
            meta = {
                "doc_id": doc.doc_id,
                "file": doc.file,
                **doc_meta,
                "section": section_text,
                "page": _page_span(group[0].page_start, group[-1].page_end),
                "page_start": group[0].page_start,
                "page_end": group[-1].page_end,
                "page_offsets": page_offsets,
                "recommendation": section.recommendation,
                "item_kind": section.item_kind,
                "part": section.part,
                "response_status": section.response_status,
                "paragraphs": ",".join(numbers),
                "position": len(nodes),
            }
            nodes.append(TextNode(id_=f"{doc.doc_id}-{digest}", text=text, metadata=meta))
    return nodes
