"""Follow-up questions: "and what did it cost?" carries the subject of the turn before."""
from __future__ import annotations

import re

from assistant.question import named_phrases, read_question

_FOLLOW_UP = re.compile(
    r"^\s*(?:and|also|so|but|what about|how about)\b|\b(?:it|its|they|them|their|this|that|these|those|he|she|his|her)\b",
    re.I,
)


def is_follow_up(question: str) -> bool:
    """A question that leans on the one before: it opens with 'and…'/'what about…', or
    uses a pronoun and names nothing and no recommendation of its own."""
    if re.match(r"^\s*(?:and|also|what about|how about)\b", question, re.I):
        return True
    facts = read_question(question)
    return bool(_FOLLOW_UP.search(question)) and not named_phrases(question) and facts.item_number is None


def contextual_question(question: str, history: list[dict] | None) -> str:
    """The text to retrieve and score with: the question, followed, for a follow-up, by
    the last earlier question (which itself may have carried its own subject)."""
    if not history or not is_follow_up(question):
        return question
    previous = ""
    for turn in history:
        asked = str(turn.get("question", "")).strip()
        if asked:
            previous = contextual_question(asked, None) if not is_follow_up(asked) else f"{asked} {previous}".strip()
    return f"{question} ({previous})" if previous else question
