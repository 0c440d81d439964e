"""A reply's verdict: from a stated verdict ("Response: Accept", "Accept in part") or
from the reply's own words, always with the words that set it. Where the words do not
settle it, the status is `unclear`: a guess would be worse than no answer."""
from __future__ import annotations

import re
from dataclasses import dataclass

_VERB = r"(?:accepts?|agrees?|supports?)"
_OBJECT = r"(?:this|the|these|those|that|both|all|each\s+of\s+the(?:se)?|the\s+(?:Committee|Inquiry|Review)(?:[’']s)?)\s+(?:\w+\s+){0,2}?recommendations?"
# Order matters within a sentence only through position: the earliest verdict wins, so
# "agrees with the recommendation and will not be pursuing X" reads as agreement.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("not_accepted", re.compile(
        r"\b(?:does|do|did|will|would)\s+not\s+(?:accept|agree|support)\b|\bcannot\s+(?:accept|agree|support)\b"
        r"|\b(?:rejects?|declines?)\s+(?:this|the)\b|\bdisagrees?\b|\bnot\s+accepted\b|\bnot\s+(?:be\s+)?taking\s+(?:this|the)\s+recommendation\s+forward\b", re.I)),
    ("accepted_in_part", re.compile(
        r"\b(?:accepts?|agrees?(?:\s+with)?)\s+(?:(?:this|the|these)\s+recommendations?\s+)?in\s+part\b|\baccept(?:ed)?\s+in\s+part\b"
        r"|\b(?:partially|partly)\s+(?:accepts?|agrees?|accepted|agreed)\b", re.I)),
    ("accepted_in_principle", re.compile(
        rf"\b{_VERB}\s+(?:\w+\s+){{0,5}}?in\s+principle\b|\baccept(?:ed)?\s+in\s+principle\b|\bbroadly\s+(?:agrees?|accepts?|supports?|supportive)\b"
        rf"|\bsupports?\s+the\s+(?:principle|aim|intent|spirit)\b", re.I)),
    ("accepted", re.compile(
        rf"\b(?:accepts?|accepted|agrees?\s+with|agreed|supports?|welcomes?\s+and\s+accepts?)\s+{_OBJECT}\b|\b(?:we|government)\s+accepts?\s+(?:this|the)\s+recommendation"
        r"|^\s*(?:Response:\s*)?Accept(?:ed)?\s*\.?\s*$", re.I)),
    # Agreement with the committee's analysis or aim, not with the recommendation as put.
    ("accepted_in_principle", re.compile(
        r"\b(?:agrees?|accepts?)\s+(?:with\s+)?(?:that\b|the\s+(?:need|importance|Committee|Inquiry|Review|principle|aim|case)\b|its\b|their\b)", re.I)),
    ("noted", re.compile(
        r"\b(?:notes|noted|acknowledges|recognises|recognizes|welcomes|will\s+consider|is\s+considering|are\s+considering|under\s+consideration|takes?\s+note)\b", re.I)),
]

# A stated verdict as the document gives it ("Accept", "Accept in part", "Not accepted").
_STATED = [
    ("not_accepted", re.compile(r"^(?:not\s+accept(?:ed)?|does\s+not\s+accept|do\s+not\s+accept|reject(?:ed)?|disagree(?:d)?|decline(?:d)?)\b", re.I)),
    ("accepted_in_part", re.compile(r"^(?:accept(?:ed)?|agree(?:d)?)\s+in\s+part\b|^(?:partially|partly)\s+(?:accept|agree)", re.I)),
    ("accepted_in_principle", re.compile(r"^(?:accept(?:ed)?|agree(?:d)?|support(?:ed)?)\s+in\s+principle\b", re.I)),
    ("accepted", re.compile(r"^(?:accept(?:ed)?|agree(?:d)?|support(?:ed)?)(?:\s+in\s+full)?\b", re.I)),
    ("noted", re.compile(r"^(?:note(?:d)?|under\s+consideration)\b", re.I)),
    # "TBC by CO / BIS": the document says in so many words that it gives no verdict yet.
    ("unclear", re.compile(r"^(?:TBC|TBD|to\s+be\s+(?:confirmed|decided|determined))\b", re.I)),
]


@dataclass
class Verdict:
    status: str
    quote: str | None  # the words that set it, verbatim from the source
    basis: str  # stated / inferred / none
    sentence_index: int | None = None


def stated_status(verdict: str) -> str | None:
    """'Accept in part' -> 'accepted_in_part'; None when the words are not a verdict."""
    for status, pattern in _STATED:
        if pattern.match(verdict.strip()):
            return status
    return None


def read_verdict(sentences: list[str], look: int = 3) -> Verdict:
    """The verdict in a reply's opening sentences (where replies put it); failing that,
    an explicit accept/reject anywhere in the reply; else `unclear`."""
    for index, sentence in enumerate(sentences[:look]):
        found = _earliest(sentence)
        if found:
            status, match = found
            return Verdict(status, sentence, "inferred", index)
    for index, sentence in enumerate(sentences[look:], start=look):
        found = _earliest(sentence, only=("not_accepted", "accepted_in_part", "accepted"))
        if found:
            status, match = found
            return Verdict(status, sentence, "inferred", index)
    return Verdict("unclear", None, "none")


def _earliest(sentence: str, only: tuple[str, ...] | None = None) -> tuple[str, re.Match[str]] | None:
    """The first verdict in the sentence; 'noted' only when nothing firmer is there
    ("welcomes the principles ... and is broadly supportive" is agreement in principle)."""
    best: tuple[str, re.Match[str]] | None = None
    noted: tuple[str, re.Match[str]] | None = None
    for status, pattern in _PATTERNS:
        if only and status not in only:
            continue
        match = pattern.search(sentence)
        if not match:
            continue
        if status == "noted":
            noted = (status, match)
        elif best is None or match.start() < best[1].start():
            best = (status, match)
    return best or noted
