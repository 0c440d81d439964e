"""A generated answer taken apart: its sentences, the [n] markers each cites, and the
checkable facts (numbers, money, names) each states.

Pure functions over text, so the parsing that verification rests on is tested on its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.sentences import sentence_spans

# [1], [1, 2], [1][2], [Passage 3], [passage 1; 4]: what models actually write.
_MARKER = re.compile(r"\[\s*(?:passages?\s*)?(\d{1,2}(?:\s*(?:,|;|and)\s*(?:passage\s*)?\d{1,2})*)\s*\]", re.I)
# Markers put after the full stop ("... in 2025. [1] Next ...") belong to the sentence before.
_TRAILING_MARKERS = re.compile(r"([.!?])((?:\s*\[[^\]\n]{1,24}\])+)")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?])")

_SCALE = {"million": "m", "m": "m", "mn": "m", "billion": "bn", "bn": "bn", "b": "bn", "thousand": "k", "k": "k"}
_MONEY = re.compile(r"£\s?(\d[\d,]*(?:\.\d+)?)(?:\s?(million|billion|thousand|mn|bn|m|b|k)\b)?", re.I)
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?!\w)")
_NUMBER_WORDS = {
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "fifteen": "15", "twenty": "20",
    "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100",
}
_CAPITALISED = re.compile(r"\b[A-Z][\w’'&-]*")
# Capitalised words that name nothing: sentence openers and the like. Everything else
# with a capital (people, bodies, places, months, acronyms) must be in a cited passage.
_FUNCTION_WORDS = {
    "a", "an", "the", "this", "that", "these", "those", "it", "its", "they", "their", "there", "he", "she",
    "his", "her", "we", "our", "you", "i", "in", "on", "at", "by", "for", "from", "to", "of", "with", "as",
    "and", "but", "or", "if", "when", "while", "after", "before", "since", "under", "over", "also", "however",
    "yes", "no", "not", "all", "each", "both", "some", "any", "most", "many", "which", "who", "what", "where",
    "how", "why", "one", "according", "overall", "finally", "first", "second", "third", "additionally",
    "furthermore", "moreover", "instead", "therefore", "thus", "so", "then", "here", "such", "other",
}


_LEAD_IN = re.compile(r"^(?:(?:the\s+)?answer(?:\s+is)?\s*:\s*)", re.I)
# A paragraph or list number copied from the passage ("1.8 The government will ...",
# "3. This investment ...") labels the sentence; it is not one of its facts.
_NUMBERING = re.compile(r"^(?:[-•*]\s*)?\(?\d{1,3}(?:\.\d{1,3}){0,3}[.)]?\s+(?=[A-Z£])")
_PLACEHOLDER = re.compile(r"\[\s*n\s*\]", re.I)


def not_a_statement(text: str) -> str | None:
    """Why a sentence states nothing that could be checked, or None if it does: a
    question, a prompt placeholder echoed back, or a sentence cut off mid-phrase."""
    if text.rstrip().endswith("?"):
        return "is a question, not a statement"
    if _PLACEHOLDER.search(text):
        return "repeats the prompt's [n] placeholder"
    last = re.findall(r"[A-Za-z’']+", text)[-1:] or [""]
    if not text.rstrip().endswith((".", "!", "”", '"', ")")) and last[0].lower() in _FUNCTION_WORDS:
        return "is cut off mid-sentence"
    return None


@dataclass(frozen=True)
class Claim:
    """One sentence of a generated answer: its text without markers, and the passage
    numbers it cites (in order of appearance, without repeats)."""

    text: str
    markers: tuple[int, ...] = field(default_factory=tuple)


def split_claims(answer: str) -> list[Claim]:
    text = _TRAILING_MARKERS.sub(lambda m: f"{m.group(2)}{m.group(1)}", answer.strip())
    claims = []
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        markers: list[int] = []
        for match in _MARKER.finditer(sentence):
            for number in re.findall(r"\d{1,2}", match.group(1)):
                if int(number) not in markers:
                    markers.append(int(number))
        bare = _SPACE_BEFORE_PUNCT.sub(r"\1", " ".join(_MARKER.sub(" ", sentence).split())).strip()
        bare = _NUMBERING.sub("", _LEAD_IN.sub("", bare))
        if re.fullmatch(r"\(?\d{1,3}(?:\.\d{1,3}){0,3}[.)]?", bare) and not markers:
            continue  # a list number the splitter cut off on its own
        if bare.strip(" .;:,-*•"):
            claims.append(Claim(bare, tuple(markers)))
        elif markers and claims:
            # A line that is only markers cites the sentence before it.
            last = claims[-1]
            claims[-1] = Claim(last.text, last.markers + tuple(m for m in markers if m not in last.markers))
    return claims


def _plain_number(text: str) -> str:
    number = text.replace(",", "")
    return number[:-2] if number.endswith(".0") else number


def money_amounts(text: str) -> set[tuple[str, str]]:
    """(number, scale) of each £ amount: "£2.5 million" -> ("2.5", "m")."""
    return {(_plain_number(m.group(1)), _SCALE.get((m.group(2) or "").lower(), "")) for m in _MONEY.finditer(text)}


def numbers(text: str) -> set[str]:
    """Every number written in digits (commas dropped), plus number words as digits."""
    found = {_plain_number(m.group(0)) for m in _NUMBER.finditer(text)}
    found |= {_NUMBER_WORDS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in _NUMBER_WORDS}
    return found


def names(text: str) -> list[str]:
    """Capitalised words that are not function words: the people, bodies, places,
    months and acronyms a sentence names."""
    out = []
    for match in _CAPITALISED.finditer(text):
        word = match.group(0).rstrip("’'-")
        for suffix in ("’s", "'s"):
            word = word.removesuffix(suffix)
        if word and word.lower() not in _FUNCTION_WORDS and word not in out:
            out.append(word)
    return out


_QUALIFIED = re.compile(
    r"\b(between|over|more than|at least|under|less than|up to|approximately|around|about|nearly|almost|roughly)"
    r"\s+£?\s?(\d[\d,]*(?:\.\d+)?)", re.I)
_BOUNDS = {"over": "over", "more than": "over", "at least": "over", "under": "under", "less than": "under",
           "up to": "under"}


def _qualifiers(text: str) -> dict[str, str]:
    return {_plain_number(m.group(2)): m.group(1).lower() for m in _QUALIFIED.finditer(text)}


def changed_qualifiers(claim: str, passage: str) -> list[str]:
    """Numbers whose bound the claim changes: "0.5%" from "between 0.5 and 1%", "over
    22 million" from "approximately 22 million". Dropping "approximately" is allowed."""
    said, source = _qualifiers(claim), _qualifiers(passage)
    changed = []
    for number in sorted(numbers(claim) & numbers(passage)):
        mine, theirs = said.get(number), source.get(number)
        if theirs == "between" and mine != "between":
            changed.append(f"between {number} and …")
        elif mine in _BOUNDS and _BOUNDS[mine] != _BOUNDS.get(theirs or ""):
            changed.append(f"{mine} {number}")
    return changed


def missing_facts(claim: str, passage: str, context: str = "") -> list[str]:
    """The numbers, amounts and names of `claim` that `passage` does not contain. Names
    may also come from `context` (the document title and section the passage sits
    under, which the citation shows): "the Lords report" names the document."""
    missing = []
    passage_numbers = numbers(passage)
    passage_money = money_amounts(passage)
    for number, scale in sorted(money_amounts(claim)):
        if (number, scale) not in passage_money and not (scale == "" and number in passage_numbers):
            missing.append(f"£{number}{scale}")
    money_numbers = {number for number, _ in money_amounts(claim)}
    for number in sorted(numbers(claim) - money_numbers):
        if number not in passage_numbers:
            missing.append(number)
    folded = f"{passage} {context}".casefold()
    for name in names(claim):
        stem = name.casefold()
        # "Recommendations" for "recommendation", "Welsh" inside "Welsh-medium".
        if not re.search(rf"(?<!\w){re.escape(stem[:max(4, len(stem) - 2)])}", folded):
            missing.append(name)
    return missing + changed_qualifiers(claim, passage)
