"""Money, dates and actors in a promising sentence, normalised: pounds as a number,
dates as ISO 8601 (a day, a month, a year, an interval for a season or financial year,
a duration for 'within 12 months')."""
from __future__ import annotations

import calendar
import re

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
_SEASONS = {"spring": ("03-01", "05-31"), "summer": ("06-01", "08-31"), "autumn": ("09-01", "11-30"), "winter": ("12-01", "02-28")}

_MONEY = re.compile(
    r"£\s?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(?P<unit>billion|bn|million|m|thousand|k)?(?![a-z])",
    re.I,
)
_SCALE = {"billion": 1e9, "bn": 1e9, "million": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3}

# Deadlines, most specific first; each needs a word that makes it a deadline or a time
# ("by", "in", "from", "before", "until", "within", "end of", "during", "later this").
_LEAD = r"(?:by|in|on|from|before|until|till|within|during|no\s+later\s+than|over|for|throughout|after|ahead\s+of|at)\s+(?:the\s+)?(?:end\s+of\s+|start\s+of\s+|beginning\s+of\s+)?"
_DATE_PATTERNS = [
    ("day", re.compile(rf"\b{_LEAD}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH})\s+(?P<y>(?:19|20)\d\d)\b", re.I)),
    ("month", re.compile(rf"\b{_LEAD}(?P<m>{_MONTH})\s+(?P<y>(?:19|20)\d\d)\b", re.I)),
    ("season", re.compile(rf"\b{_LEAD}(?:the\s+)?(?P<s>spring|summer|autumn|winter)\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)\b", re.I)),
    ("fy", re.compile(r"\b(?P<y>(?:19|20)\d\d)\s?[/–-]\s?(?P<y2>\d\d)\b")),
    ("duration", re.compile(r"\bwithin\s+(?P<n>\d{1,2}|six|twelve|three|two|eighteen|nine)\s+(?P<u>months?|years?|weeks?)\b", re.I)),
    ("year", re.compile(rf"\b{_LEAD}(?P<y>(?:19|20)\d\d)\b", re.I)),
]
_WORD_NUMBERS = {"two": 2, "three": 3, "six": 6, "nine": 9, "twelve": 12, "eighteen": 18}

# A sentence that promises an action: a future or committed verb with the government
# (or a named body) doing it. The actor is the subject in front of that verb.
_PROMISING_VERB = (
    r"(?:will|shall|(?:is|are|remains?)\s+committed\s+to|commits?\s+to|(?:has|have)\s+committed\s+to|"
    r"plans?\s+to|intends?\s+to|aims?\s+to|(?:is|are)\s+(?:going|planning|due)\s+to|expects?\s+to|undertakes?\s+to)"
)
_PROMISE = re.compile(rf"\b{_PROMISING_VERB}\b", re.I)
_NOT_A_PROMISE = re.compile(r"\b(?:the\s+Committee|the\s+Inquiry|you)\s+(?:will|shall)\b|\bwill\s+(?:be\s+)?(?:need|require)|\bif\b.*\bwill\b", re.I)
_ACTOR = re.compile(
    r"(?:^|[,;:]\s+|\band\s+)(?P<actor>(?:the\s+)?(?:[A-Z][\w’'&-]*|of|for|and|the)(?:\s+(?:[A-Z][\w’'&-]*|of|for|and|the)){0,7}|[Ww]e|[Tt]hey|[Ii]t)\s+"
    rf"(?:{_PROMISING_VERB}|continues?\s+to)\b"
)


def money(text: str) -> list[tuple[str, float]]:
    """('£2.8 billion', 2800000000.0) for each amount of pounds in the text."""
    out = []
    for match in _MONEY.finditer(text):
        number = float(match["num"].replace(",", ""))
        unit = (match["unit"] or "").lower()
        out.append((match.group(0).strip(), number * _SCALE.get(unit, 1.0)))
    return out


def deadline(text: str) -> tuple[str, str] | None:
    """(ISO value, the words) for the first deadline or time the sentence names."""
    for kind, pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        if kind == "day":
            month = _MONTHS[match["m"].lower()[:3] if match["m"].lower() not in _MONTHS else match["m"].lower()]
            return f"{match['y']}-{month:02d}-{int(match['d']):02d}", match.group(0)
        if kind == "month":
            key = match["m"].lower()
            month = _MONTHS.get(key) or _MONTHS[key[:3]]
            return f"{match['y']}-{month:02d}", match.group(0)
        if kind == "season":
            start, end = _SEASONS[match["s"].lower()]
            year = int(match["y"])
            end_year = year + 1 if match["s"].lower() == "winter" else year
            return f"{year}-{start}/{end_year}-{end}", match.group(0)
        if kind == "fy":
            year = int(match["y"])
            if (year + 1) % 100 != int(match["y2"]):
                continue  # "2016-18" is a span of years, not a financial year
            return f"{year}-04-01/{year + 1}-03-31", match.group(0)
        if kind == "duration":
            n = match["n"].lower()
            count = int(n) if n.isdigit() else _WORD_NUMBERS[n]
            unit = match["u"].lower()[0].upper()
            return (f"P{count}{'M' if unit == 'M' else 'Y' if unit == 'Y' else 'W'}", match.group(0))
        if kind == "year":
            return match["y"], match.group(0)
    return None


def is_promise(sentence: str) -> bool:
    return bool(_PROMISE.search(sentence)) and not _NOT_A_PROMISE.search(sentence)


def actor(sentence: str, default: str | None) -> str | None:
    """Who promises: the subject before the promising verb; 'we' and 'it' mean the
    responding government (`default`)."""
    match = _ACTOR.search(sentence)
    if not match:
        return default
    name = match["actor"].strip()
    if name.lower() in {"we", "it", "they"}:
        return default
    name = re.sub(r"^(?:and|the)\s+", "", name, flags=re.I)
    name = re.sub(r"^(?:In|From|By|Over|As|Through|Following|Alongside|Since)\s+.*", "", name)
    return (f"the {name}" if name.lower().startswith("government") else name) or default
