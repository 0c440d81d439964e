"""Text that addresses a language model rather than a reader: a prompt injection planted
in a document. Such text stays in the index (it is what the document says) but no
answer, extractive or generative, ever rests on it."""
from __future__ import annotations

import re

_INSTRUCTIONS_TO_A_MODEL = re.compile(
    r"\b(?:ignore|disregard|forget)\b[^.]{0,40}\b(?:previous|prior|above|earlier|all)\b[^.]{0,20}\b(?:instructions?|prompts?|rules)\b"
    r"|\bsystem prompt\b|\byou are now\b|\bnew instructions?\b|\bjailbreak|(?:^|\n)\s*(?:system|assistant)\s*:",
    re.I,
)


def addresses_a_model(text: str) -> bool:
    return _INSTRUCTIONS_TO_A_MODEL.search(text) is not None
