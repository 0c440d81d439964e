"""What a question refers to: 'recommendation 3', 'paragraph 4.2', and whether it asks
for the government's verdict ('did they accept ...?')."""
from __future__ import annotations

import re
from dataclasses import dataclass

_ITEM_REF = re.compile(r"\b(recommendation|conclusion|comment)s?\s+(?:no\.?\s*|number\s+)?(\d{1,3}[a-z]?)\b", re.I)
_PARAGRAPH_REF = re.compile(r"\b(?:paragraph|para\.?)\s+(\d{1,3}(?:\.\d{1,3}){0,2})\b", re.I)
_VERDICT = re.compile(
    r"\b(accept(?:ed|s)?|agree(?:d|s)?|reject(?:ed|s)?|decline(?:d|s)?|support(?:ed|s)?|"
    r"respond(?:ed|s)?|response|verdict|position on)\b", re.I)
VERDICT_LINE = re.compile(
    r"^(?:(?:the\s+)?(?:UK\s+|Welsh\s+)?Government(?:'s|’s)?\s+)?Response\s*[:\-–—]\s*\S", re.I)


@dataclass(frozen=True)
class QuestionFacts:
    item_kind: str | None = None  # "recommendation"
    item_number: str | None = None  # "3"
    paragraph: str | None = None  # "4.2"
    asks_verdict: bool = False


def read_question(question: str) -> QuestionFacts:
    item = _ITEM_REF.search(question)
    paragraph = _PARAGRAPH_REF.search(question)
    return QuestionFacts(
        item_kind=item.group(1).lower() if item else None,
        item_number=item.group(2).lower() if item else None,
        paragraph=paragraph.group(1) if paragraph else None,
        asks_verdict=bool(_VERDICT.search(question)),
    )


def matches_item(facts: QuestionFacts, metadata: dict) -> bool:
    return (
        facts.item_number is not None
        and str(metadata.get("recommendation") or "").lower() == facts.item_number
        and (metadata.get("item_kind") or facts.item_kind) == facts.item_kind
    )


def matches_paragraph(facts: QuestionFacts, metadata: dict) -> bool:
    return facts.paragraph is not None and facts.paragraph in str(metadata.get("paragraphs") or "").split(",")
