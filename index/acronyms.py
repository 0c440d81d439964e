"""Acronym definitions read from the documents' text ("public sector information (psi)"),
written with the index and used to expand questions and respell names."""
from __future__ import annotations

import re

# An acronym in brackets, then the words before it: looking back from each bracket is
# linear; matching the words first backtracks at every word of every chunk (46 s to open
# a 100k-chunk index, against 0.6 s this way).
_BRACKETED = re.compile(r"\(([a-z]{2,8})\)")
_WORDS_BEFORE = re.compile(r"((?:[a-z][\w’'-]*\s+){2,8})$")


def find_acronyms(folded_texts) -> dict[str, str]:  # noqa: ANN001 - any iterable of casefolded texts
    """Acronyms defined in the texts ("public sector information (psi)" -> psi)."""
    found: dict[str, tuple[bool, str]] = {}  # short -> (small words skipped, long)
    for text in folded_texts:
        for bracket in _BRACKETED.finditer(text):
            start = max(0, bracket.start() - 200)
            before = text[start:bracket.start()]
            if start:
                before = before[before.find(" ") + 1:] if " " in before else ""
            match = _WORDS_BEFORE.search(before)
            if match is None:
                continue
            words, short = match.group(1).split(), bracket.group(1)
            # "mps" is the plural of "mp"; "nss" and "ons" are spelled out whole.
            for letters in (short, short[:-1]) if short.endswith("s") else (short,):
                long = _spelled_by(words, letters) if 2 <= len(letters) <= 8 else None
                if long:
                    # A spelling with every word initialled wins ("earth space
                    # sustainability initiative" over "earth and space ..."), else the first.
                    spelled = (len(long) > len(letters), " ".join(long))
                    if short not in found or spelled[0] < found[short][0]:
                        found[short] = spelled
                    break
    return {short: long for short, (_, long) in found.items()}


_UNSPELLED = frozenset({"of", "for", "and", "the", "on", "in", "to", "&"})


def _spelled_by(words: list[str], letters: str) -> list[str] | None:
    """The trailing words whose initials spell `letters` ("national space strategy" for
    nss), small words inside the name spelling nothing ("office for national
    statistics" for ons); or whose first word is itself the acronym's opening letters
    ("uk space agency" for uksa, "nhs england" for nhse)."""
    i = len(letters) - 1
    for j in range(len(words) - 1, -1, -1):
        if words[j][0] == letters[i]:
            i -= 1
            if i < 0:
                return words[j:]
        elif words[j] not in _UNSPELLED or j == len(words) - 1:
            break
    for n in range(len(letters) - 2, 0, -1):  # the rest: n words, one initial each
        if len(words) > n:
            head = words[-n - 1]
            if 2 <= len(head) == len(letters) - n and head.isalpha() and letters.startswith(head) \
                    and "".join(w[0] for w in words[-n:]) == letters[len(head):]:
                return words[-n - 1:]
    return None
