"""Sentence spans in plain text, tuned for government prose.

A rule-based splitter rather than a trained one: the punkt model is not shipped with any
installed package (llama-index's bundled NLTK cache has no punkt_tab), and an untrained
punkt splits after "approx.", "e.g." and "para.". Spans index into the input, so a
sentence is always an exact substring of its chunk.
"""
from __future__ import annotations

import re

from index.documents import FOOTNOTE_MARKER

# Abbreviations that only abbreviate when a number follows ("No. 5", "para. 4.2").
_NUMBER_ABBREVIATIONS = {"no", "nos", "para", "paras", "vol", "ch", "fig", "figs", "art", "sec", "p", "pp"}
_ABBREVIATIONS = {
    "approx", "hon", "rt", "cf", "st", "mr", "mrs", "ms", "dr", "prof", "sir", "cllr", "e.g", "i.e", "etc",
    "vs", "c", "ca", "inc", "ltd", "co", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "op", "ibid", "al", "govt", "dept",
}
# A boundary: terminal punctuation, optional closing quote/bracket, whitespace, then
# something that can start a sentence (capital, digit, opening quote, bullet, £).
# A footnote marker may sit between the full stop and the space (".143 By the time"),
# also after a closing quote ("on Earth.”108 Its budget"), and after a year ("in 2009 and
# 2013.31 This took"), where no decimal is written.
_BOUNDARY = re.compile(
    r"""(?:(?<=[^\d\s])[.!?…]["'”’)\]]*\d{1,3}(?=\s+[A-Z])|(?<=\b(?:19|20)\d\d)\.\d{1,3}(?=\s+[A-Z][a-z])|[.!?…]["'”’)\]]*)\s+"""
    r"""(?=["'“‘(\[]?[A-Z0-9£•\-–])"""
)
_BULLET_BREAK = re.compile(r"\n\s*(?=[-•●▪*–]\s)")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace-trimmed, in order."""
    cuts = [0]
    for match in _BOUNDARY.finditer(text):
        word = re.search(r"(\S+)$", text[: match.start() + 1])
        token = word.group(1).rstrip(".!?…").lower() if word else ""
        token = token.lstrip("(\"'“‘")
        if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            continue
        if token in _NUMBER_ABBREVIATIONS and text[match.end():match.end() + 1].isdigit():
            continue
        if re.fullmatch(r"\d+(\.\d+)*", token) and match.start() - (word.start(1) if word else 0) < 6:
            # "1." / "4.2." numbering at a line start is a label, not a sentence end.
            line_start = text.rfind("\n", 0, match.start()) + 1
            if text[line_start:match.start()].strip() == token:
                continue
        cuts.append(match.end())
    for match in _BULLET_BREAK.finditer(text):
        cuts.append(match.end())
    # A newline separates paragraphs in chunk text: never a sentence across it.
    cuts.extend(m.end() for m in re.finditer(r"\n", text))
    # A note is one sentence: a reference note's "Parker, G., Dobson, M. … Report. Henley
    # Business School" cut at each full stop would leave its parts meaningless.
    notes = [(m.start(), m.end()) for m in re.finditer(rf"^{FOOTNOTE_MARKER.pattern}[^\n]*", text, re.M)]
    cuts = [c for c in cuts if not any(start < c < end for start, end in notes)]
    cuts = sorted(set(cuts)) + [len(text)]
    spans = []
    for start, end in zip(cuts, cuts[1:]):
        piece = text[start:end]
        stripped = piece.strip()
        if not stripped:
            continue
        lead = len(piece) - len(piece.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))
    return spans


def split_sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


# A sentence that leans on the one before ("It met in May", "This funding ...") is
# embedded with that sentence in front of it, so it can still be found.
_ANAPHOR = re.compile(r"^(?:it|its|this|these|that|those|they|their|he|she|the group|the body|such)\b", re.I)


def leans_on_previous(sentence: str) -> bool:
    return bool(_ANAPHOR.match(sentence))


def sentence_units(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text to embed) for each sentence of a chunk."""
    units = []
    previous = ""
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        embed = f"{previous} {sentence}" if previous and leans_on_previous(sentence) else sentence
        units.append((start, end, embed))
        previous = sentence
    return units
