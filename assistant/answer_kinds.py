"""The kind of answer a question asks for, and whether a sentence holds one: a sum, a
count, a date, a clock time, a person's name, a post, a name the question does not
already give. Pure functions over text, no index."""
from __future__ import annotations

import re
from functools import lru_cache

from assistant.question import CALLED_ASKED, IN_UNITS, NAMED_OPERATION, named_phrases

# Kinds a sentence can be checked for; a question of such a kind whose best sentence holds
# none is not answered there.
STRICT_KINDS = {"money", "number", "date", "time", "name", "role"}
OPENING_NAME = True  # issue 4 lever
NAMED_POST = True  # issue 4 lever

# Issue 4 levers, each measured on its own: "how many X" needs a count of X, "what share"
# a share, "what hourly wage" a sum per hour.
COUNTED_NOUN = True
SHARES = True
RATES = True

_MONEY = re.compile(r"[£€$]\s?\d|\d\s?(?:m|bn|k|million|billion|thousand)\s+(?:pounds|euros)\b|\d+(?:\.\d+)?\s?%|per cent|\bpounds\b", re.I)
# A percentage answers for money only when a rate is asked ("at what rate will the levy be
# charged?"); "how much do insurers collect in premiums?" asks a sum (issue 4 lever)
SUMS_NOT_SHARES = True
_SUM = re.compile(r"[£€$]\s?\d|\d\s?(?:m|bn|k|million|billion|thousand)\s+(?:pounds|euros)\b|\bpounds\b", re.I)
_ASKS_RATE = re.compile(r"\brates?\b|\bper ?cent|\bpercentage|%|\blevy\b|\btax\b|\bnics?\b|\bcontributions?\b|"
                        r"\binterest\b|\brelief\b|\bshare\b|\bproportion\b|\bincrease\b|\brise\b|\bhow much of\b", re.I)
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = re.compile(
    # month names keep their capital: "may differ", "march on" are no dates
    rf"\b(?:(?-i:{MONTHS})\b|"
    r"(?:19|20)\d{2}\b|end of the year|mid-\w+|spring|summer|autumn|winter|(?<!-)\bterm\b|next year|this year|"
    r"\bweeks?\b|\bmonths?\b|\byears?\b|annually|immediately|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?\b|\d{1,2}(?::\d{2})?\s*(?:am|pm)\b|\b\d{1,2}:\d{2}\b|"
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b(?:daily|weekly|fortnightly|monthly|quarterly)\b|\bQ[1-4]\b)", re.I)
# "How often must it review its security measures?" is answered by "an annual audit"
# (issue 4 lever)
FREQUENCY = True
_ASKS_FREQUENCY = re.compile(r"\bhow (?:often|frequently|regularly)\b|\bat what (?:interval|frequency)\b", re.I)
_FREQUENCY = re.compile(r"\b(?:annual|bi-?annual|biennial|triennial|yearly|half-yearly|six-monthly|twice|once)\b|"
                        r"\b(?:every|each|per|a)\s+(?:\w+\s+)?(?:year|month|week|day|quarter|annum)s?\b", re.I)
# A day or a month of a year: "14 October", "15th May 2013", "May 2025", "09/10/2025".
EXACT_DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\b|"
    rf"\b(?:{MONTHS})\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d{{2}}\b|"
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")
# A day, not just a month: "14 October", "May 15th, 2013", "09/10/2025".
DAY = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\b|"
    rf"\b(?:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?\b|"
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")
# "On what date ...?" asks for a day, where "when ...?" takes "next year" or "in the spring".
# "Up to / until / by what date …?" asks for a limit, which a month gives ("until March 2029").
ASKS_DAY = re.compile(r"(?<!up to )(?<!until )(?<!\bby )(?<!before )\b(?:what|which) (?:date|day)\b|\bon what\b", re.I)
_CLOCK = re.compile(r"\b\d{1,2}(?::\d{2})?\s*(?:am|pm)\b|\b\d{1,2}:\d{2}\b|\bnoon\b|\bmidnight\b|\bmidday\b", re.I)
# A person's name: an honorific or post-nominal beside capitalised words, or two or three
# capitalised words none of which is the vocabulary of institutions.
_HONORIFIC = re.compile(
    r"\b(?:Baroness|Lord|Lady|Sir|Dame|Dr|Professor|Prof|Mr|Mrs|Ms|Miss|Cllr|Rt Hon)\.?\s+[A-Z][a-z]+|"
    r"\b[A-Z][a-z]+\s+[A-Z][a-z’'-]+,?\s+(?:MP|MS|MSP|MLA|CBE|OBE|MBE|DBE|KC|QC)\b")
PERSON_NO_BODY = True  # issue 4 lever
_POST_NOMINALS = {"MP", "MS", "MSP", "MLA", "CBE", "OBE", "MBE", "DBE", "KC", "QC", "AM"}
_CAPITALISED_RUN = re.compile(r"\b([A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,2})\b")
INSTITUTION_WORDS = {
    "government", "department", "committee", "office", "agency", "council", "group", "wales", "welsh", "england",
    "scotland", "ireland", "northern", "british", "united", "kingdom", "space", "national", "board", "programme",
    "strategy", "fund", "act", "review", "report", "house", "lords", "commons", "ministry", "secretary", "state",
    "minister", "inquiry", "authority", "service", "centre", "commission", "partnership", "team", "panel", "forum",
    "data", "open", "public", "sector", "information", "cabinet", "social", "cohesion", "expert", "economic",
    "affairs", "care", "funding", "planning", "system", "freeport", "freeports", "prospectus", "policy", "science",
    "innovation", "technology", "health", "security", "defence", "the", "this", "these", "our", "we", "in", "on",
    "for", "and", "of", "to", "a", "an", "european", "union", "bank", "trust", "network", "institute", "university",
    "college", "association", "society", "foundation", "unit", "division", "directorate", "executive", "treasury",
    "parliament", "senedd", "assembly", "justice", "community", "communities", "local", "regional", "county",
    "city", "town", "london", "cardiff", "july", "june", "may", "april", "march", "january", "february", "august",
    "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "chapter", "annex", "appendix", "section", "recommendation", "response", "conclusion", "figure", "table",
    "box", "paragraph", "exercise", "covid", "pandemic", "budget", "spending", "white", "paper", "bill", "law",
}


# "Heather Savory was appointed the Chair": a name may open its sentence when the person acts
_ACTS = re.compile(r"\s+(?:was|is|has|had|will|chairs|chaired|leads|led|became|becomes)\b")


def names_a_person(sentence: str) -> bool:
    if _HONORIFIC.search(sentence):
        return True
    for match in _CAPITALISED_RUN.finditer(sentence):
        if match.start() == 0 and not (OPENING_NAME and _ACTS.match(sentence, match.end())):
            continue  # a capital at the start of a sentence says nothing
        if not any(w.strip("’'").lower() in INSTITUTION_WORDS for w in match.group(1).split()):
            return True
    return False



# "Who delivered the first Annual Statement?" — "delivered by the then Deputy Prime
# Minister": a post one person holds, as the one who acted, answers who ("on the advice of
# the Prime Minister" does not)
PERSON_BY_POST = True  # issue 4 lever
_ONE_HOLDER_POST = re.compile(
    r"\bby\s+the\s+(?:then\s+|current\s+|former\s+)?(?:Deputy\s+)?(?:Prime Minister|First Minister|Chancellor|"
    r"(?:Home|Foreign|Health|Cabinet|Permanent)\s+Secretary|Secretary of State|Chief (?:Medical|Scientific|Executive)\b[\w ]{0,12}?"
    r"(?:Officer|Adviser|Advisor)?|Minister (?:for|of) [A-Z]\w+)\b")


# "Which minister signed the foreword?" is answered by the signature under it: a name
# with a post beside it ("Rt Hon Greg Clark MP", "Matthew Hancock Minister for Skills"),
# which shares no words with the question.
_ASKS_SIGNATORY = re.compile(r"\bsign(?:ed|s)?\b(?!\s+off)|\bsignator(?:y|ies)\b|\bput (?:his|her|their) names?\b", re.I)  # "signed off" is approved
SIGNATURE = re.compile(
    r"\b(?:Rt\.? Hon\.?|The Rt Hon)\s+[A-Z]|"
    r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z’'-]+){1,2},?\s+(?:MP|MS|AM|MSP|MLA|CBE|OBE|KC|QC)\b|"
    r"\b[A-Z][a-z]+\s+[A-Z][a-z’'-]+\s+(?:Minister|Secretary of State|Chancellor|First Minister|Cabinet Secretary)\b")
# "Which Welsh Government minister signed …?" is not answered by an MP's signature beside
# it: a member of one legislature signs for its government (issue 4 lever).
LEGISLATURE_MATCH = True
_LEGISLATURES = {"welsh": {"MS", "AM"}, "scottish": {"MSP"}, "northern ireland": {"MLA"}, "uk": {"MP"}}
_SEAT = re.compile(r"\b(MP|MS|AM|MSP|MLA)\b")


def asks_signatory(question: str) -> bool:
    return bool(_ASKS_SIGNATORY.search(question))


def signs_for(question: str, sentence: str) -> bool:
    """The sentence is a signature, of a member of the legislature of the government the
    question names, where it names one and the signature shows a seat."""
    if not SIGNATURE.search(sentence):
        return False
    asked = re.search(r"\b(Welsh|Scottish|Northern Ireland|UK)\s+(?:Government\s+)?minister", question, re.I)
    seat = _SEAT.search(sentence)
    if not (LEGISLATURE_MATCH and asked and seat):
        return True
    return seat.group(1) in _LEGISLATURES[asked.group(1).lower()]


_PERSON_POST = re.compile(
    r"\bnames? of the (?:\w+ ){0,3}?(?:secretary|minister|chair|chairs|chairman|chairwoman|clerk|director|commissioner|"
    r"official|officer|person|member|members|author|lead|head|spokesperson|adviser|advisor)\b", re.I)


# A code name is an exercise's or an operation's ("Exercise Cygnus", "Operation
# Yellowhammer"), not a programme that runs exercises ("the National Exercising Programme").
# "What is the name of the 2025 Tier 1 pandemic exercise?" asks for a code name as "the
# code name" does: "UKHSA" or "the Department" names no exercise (issue 4 lever)
EXERCISE_NAME = True
_ASKS_CODE_NAME = re.compile(r"\bcode[ -]?names?\b"
                             + (r"|\bname of (?:the |a |an |this |that |its )?(?:[\w’'-]+ ){0,5}?(?:exercise|operation)s?\b"
                                if EXERCISE_NAME else "") + "|" + NAMED_OPERATION, re.I)
# "What was the 2018 Scottish exercise that tested … called?" is answered by a code name
# or by a name of its own ("its listening exercise, Every Story Matters"), not by one made
# of places and institutions ("NHS Scotland") (issue 4 lever)
_ASKS_WHAT_EXERCISE_CALLED = re.compile(
    r"\bwhat (?:is|was|are|were) the (?:[\w’'-]+ ){0,4}?(?:exercise|operation)s?\b[^?]*\b(?:called|known as)\s*\?", re.I)
_CODE_NAME = re.compile(r"\b(?:Exercise|Operation|Project)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?")


def _names_what_was_asked(question: str, sentence: str) -> bool:
    """'What is the name of the Cabinet Secretary …?' is answered by a person's name;
    'the name of the project …' by a name the question does not already use and that is
    more than an institution's ('Welsh Government' names no project)."""
    if _PERSON_POST.search(question) or re.match(r"\s*(?:who|which person)\b", question, re.I):
        return bool(_HONORIFIC.search(sentence)) or names_a_person(sentence)
    asked = question.casefold()
    if _ASKS_CODE_NAME.search(question):
        return any(m.group(0).casefold() not in asked for m in _CODE_NAME.finditer(sentence))
    if CALLED_ASKED and _ASKS_WHAT_EXERCISE_CALLED.search(question):
        return any(m.group(0).casefold() not in asked for m in _CODE_NAME.finditer(sentence)) or any(
            len(p.split()) >= 2 and p.casefold() not in asked
            and not any(w.lower() in INSTITUTION_WORDS or w.isupper() for w in p.split())
            for p in named_phrases(sentence))
    return any(p.casefold() not in asked and not all(w.lower() in INSTITUTION_WORDS for w in p.split())
               for p in named_phrases(sentence))


_NUMBER_WORDS = (r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|"
                 r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen)\b")

# "How many bids were submitted?" counts bids: a figure in a sentence answers it only
# where it counts them ("received 44,000 responses", "8 out of 22 recommendations"), not
# where it counts something else ("fees rise by 35% and 25%", "one government approach").
_HOW_MANY = re.compile(r"\bhow many\s+((?:[\w’'-]+\s*){1,5})", re.I)
_NOT_COUNTED = {
    "more", "of", "the", "its", "their", "his", "her", "our", "extra", "additional", "new", "different", "separate",
    "individual", "in", "total", "a", "an", "year", "years", "roughly", "approximately", "so", "far", "and", "or", "to",
    "for", "at", "on", "by", "with", "per"}
_QUESTION_VERBS = re.compile(
    r"^(?:are|is|was|were|will|would|did|do|does|has|have|had|can|could|should|must|may|might|in|at|on|for|from|by|"
    r"to|per|across|under|with|that|which|who|there)$", re.I)
_PEOPLE = {"peopl", "staff", "emplo", "worke", "perso", "indiv", "membe", "fte", "jobs", "heads", "offic", "gradu",
           "train", "appre", "volun", "nurse", "carer", "pupil", "stude", "resid", "adult", "child"}
_COUNT_TOKEN = re.compile(rf"\d[\d,.]*|{_NUMBER_WORDS}|million|billion", re.I)


# "What share of ...?" is answered by a share: "41%", "1.25 per cent", "half", "8 out of 22".
_ASKS_SHARE = re.compile(r"\bwhat (?:\w+ )?(?:percentage|proportion|share)\b", re.I)
_SHARE = re.compile(r"%|\bper ?cent\b|\bhalf\b|\bthirds?\b|\bquarters?\b|\bfifths?\b|\btenths?\b|"
                    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:in|out of) (?:every )?"
                    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|a hundred)\b|\bmajority\b", re.I)


_UNITS = ("hour", "week", "month", "day")


def _per_unit_as_asked(question: str, sentence: str) -> bool:
    """A sum asked per hour, week, month or day ("what minimum hourly wage", "what weekly
    figure") is a sum per that unit, not a programme's total."""
    for unit in _UNITS:
        per = rf"\b(?:per|a|an|each|every)\s+{unit}\b|\b{'daily' if unit == 'day' else unit + 'ly'}\b"
        if re.search(per, question, re.I):
            return bool(re.search(rf"{per}|/\s?{unit}\b", sentence, re.I))
    return True


# What people did, as the noun a count of it takes: "how many people died" counts deaths
# (issue 4 lever)
EVENT_COUNTED = True
_EVENT_NOUNS = [(r"\b(?:died|die|killed)\b", "death"), (r"\b(?:died|die|killed)\b", "fatal"),
                (r"\b(?:took part|take part|participated)\b", "parti"), (r"\battended\b", "atten"),
                (r"\bresponded\b", "respo"), (r"\bapplied\b", "appli")]


_LABELLED_COUNT = re.compile(r"\b([A-Za-z]+)\s*:\s*(?:over |around |about |up to )?\d")


def _counted_words(question: str) -> list[str]:
    """The words after "how many", up to the verb: "how many more older care users will
    …" -> ["more", "older", "care", "users"]."""
    match = _HOW_MANY.search(question)
    words = []
    for word in (match.group(1).split() if match else []):
        word = word.strip("’'?,.").lower()
        if _QUESTION_VERBS.match(word):
            break
        if word:
            words.append(word)
    return words


def counted_terms(question: str) -> set[str]:
    """Five-letter stems of what a "how many" question counts: "how many more older
    care users will ..." -> {"older", "care", "users"}; or of the unit it asks a figure
    in: "what period, in weeks, …" -> {"weeks", "week"}."""
    match = _HOW_MANY.search(question)
    if not match:
        unit = IN_UNITS.search(question)
        return {unit.group(1).lower()[:5], unit.group(1).lower().rstrip("s")[:5]} if unit else set()
    stems = {word[:5] for word in _counted_words(question) if word not in _NOT_COUNTED}
    if EVENT_COUNTED and stems & _PEOPLE:
        # "how many people died" is answered by "the number of deaths … at over 225,000"
        stems |= {noun for verb, noun in _EVENT_NOUNS if re.search(verb, question[match.start():], re.I)}
    if EVENT_COUNTED and stems & {"death", "fatal"}:
        stems |= {"death", "fatal"}
    return stems | _PEOPLE if stems & _PEOPLE else stems


# The thing a "how many" question counts, its first plural, must be in the sentence (or
# every word describing it): its other words may describe something else (issue 4 lever)
HEAD_COUNTED = True
# Words describing what is counted stand in for it only when they are more than one: "one
# Freeport in Wales" counts no "Freeport applications" (issue 4 lever)
DESCRIBED_FULLY = True


def _counted_head(question: str) -> str | None:
    """The stem of the noun a "how many" question counts, its first plural: "how many
    civil and military analysts work …" -> "analy"."""
    return next((word[:5] for word in _counted_words(question)
                 if word in {"people", "staff", "children", "men", "women"}
                 or (len(word) > 3 and word.endswith("s") and not word.endswith("ss"))), None)


# A figure counts the first plural after it: "there are now over 90 countries with their
# own satellites" does not count satellites (issue 4 lever)
FIRST_PLURAL_COUNTED = True
_NOT_PLURALS = {"was", "has", "its", "this", "thus", "across", "always", "perhaps", "plus", "less", "unless", "towards",
                "whereas", "does", "is", "as", "us", "his", "hers", "ours", "theirs", "yes", "various", "previous"}


def _a_plural(word: str) -> bool:
    word = word.strip("’'")
    return (len(word) > 3 and word.islower() and word.endswith("s") and not word.endswith(("ss", "us", "is"))
            and word not in _NOT_PLURALS and not _COUNT_TOKEN.fullmatch(word))


def counts_what_was_asked(question: str, counts: str) -> bool:
    """Some figure in `counts` (years and footnote markers already blanked) is followed
    within five words by what the question counts; or the sentence names "the number of"
    it. Questions that are not "how many ..." are not checked."""
    terms = counted_terms(question)
    if not terms:
        return True
    words = re.findall(r"[\w’'%£-]+", counts)
    stems = [w.lower()[:5] for w in words]
    head = _counted_head(question)
    described = terms - {head}
    if HEAD_COUNTED and head and not (head in _PEOPLE or head in stems or (head in {"death", "fatal"} and {"death", "fatal"} & set(stems))
                                      or (len(described) >= (2 if DESCRIBED_FULLY else 1) and described <= set(stems))):
        # "How many civil and military analysts …?" is not answered by "25,000 space
        # products to support military operations": what is counted is the analysts, or
        # all the words describing them ("commercial actors in the space sector" for
        # "commercial space organisations")
        return False
    for i, word in enumerate(words):
        if _COUNT_TOKEN.fullmatch(word) and terms & set(stems[i + 1:i + 6]):
            if FIRST_PLURAL_COUNTED and not terms & _PEOPLE:  # "950 representatives" may count people
                # "over 90 countries with their own satellites" counts countries
                first = next((j for j in range(i + 1, min(i + 6, len(words)))
                              if stems[j] in terms or _a_plural(words[j])), None)
                if first is not None and stems[first] not in terms:
                    continue
            return True
    # a table cell's label before its figure: "Fatalities: 820,000"
    if EVENT_COUNTED and any(m.group(1).lower()[:5] in terms for m in _LABELLED_COUNT.finditer(counts)):
        return True
    folded = counts.casefold()
    return any(re.search(rf"\bnumber of (?:\w+ ){{0,2}}{re.escape(t)}", folded) for t in terms)



# A sentence that says the thing is unknown, not yet decided or costs nothing extra answers
# a "how much" or "when" question honestly.
NOT_KNOWN = re.compile(
    r"\bunknown\b|\bnot (?:yet )?(?:known|decided|agreed|taken place)\b|"
    # "has not yet been decided", not "have not been updated since 2020"
    r"\bnot (?:yet )?been (?:\w+ )?(?:decided|agreed|set|confirmed|finalised|determined|published|costed|announced|"
    r"estimated|calculated|quantified|made|taken|identified|assessed|fixed|known)\b|\bno financial implications\b|"
    r"\bwithin existing budgets?\b|\bto be confirmed\b|\bTBC\b|\bno (?:date|plans?)\b|"
    r"\bnot (?:currently )?(?:have|hold) any plans?\b|\bno (?:current |immediate |further )?plans?\b|\bnot (?:currently )?plan(?:ning)? to\b", re.I)


# Digits that count nothing: years ("2023", "2026/27"), footnote markers glued to the
# text ("challenging.”178"), section numbers ("3.4.2").
_NOT_A_COUNT = re.compile(
    r"\b(?:19|20)\d{2}(?:[/-]\d{2,4})?\b|(?<=[a-z.,;:”’\"')])\d{1,3}\b|\b\d+(?:\.\d+){2,}\b")
_PARAGRAPH_NUMBER = re.compile(r"^\s*\(?\d{1,3}(?:\.\d{1,3}){0,3}[.)]?\s+")


_FIGURE = re.compile(r"£?\d[\d,.]*(?:%|bn|m\b)?")


def without_figures_of(question: str, sentence: str) -> str:
    """The sentence with the question's own figures blanked: "by 35%" in a question about
    a 35% rise does not answer how many responses it drew."""
    figures = {f.rstrip(".,") for f in _FIGURE.findall(question)}
    return _FIGURE.sub(lambda m: " " if m.group(0).rstrip(".,") in figures else m.group(0), sentence) if figures else sentence


# "How much did the Deloitte market assessment cost?" is not answered by "a figure of
# £1.8bn on the direct economic benefit from use of PSI": a sum the sentence gives only as
# a benefit or a value is no cost (issue 4 lever)
SUM_OF_VALUE = True
_ASKS_COST = re.compile(r"\bcost(?:s|ing)?\b|\bspen[dt]\b|\bspending\b|\bpa(?:y|id)\b|\bprice\b", re.I)
_COST_SAID = re.compile(r"\bcost|\bspen[dt]|\bpa(?:y|id|ying|yment)|\bprice|\bfees?\b|\bbudget|\bfund|\binvest|\ballocat|"
                        r"\bgrants?\b|\bprovid|\baward|\bcommit|\bcontract|\bsubscri|\bcharg|\bexpen", re.I)
_VALUE_SAID = re.compile(r"\bbenefits?\b|\bvalued?\b|\bworth\b|\brevenues?\b|\bincome\b|\bGDP\b|\bturnover\b|"
                         r"\bsavings?\b|\bgenerat\w*|\bcontribut\w*|\bboost\w*", re.I)


# "What is the maximum number of customs sites a freeport may include?" is not answered by
# "Applicants must include at least one customs site": the bound asked for is the other
# one (issue 4 lever)
OTHER_BOUND = True
_ASKS_MOST = re.compile(r"\b(?:maximum|at most|no more than|upper limit|ceiling)\b|\bthe most\b(?! \w+ly\b)", re.I)
_ASKS_LEAST = re.compile(r"\b(?:minimum|at least|no fewer than|no less than|lower limit)\b|\bthe (?:least|fewest)\b", re.I)
_SAYS_MOST = re.compile(r"\b(?:up to|maximum|at most|no more than|not (?:to )?exceed\w*|capped|ceiling|limit(?:ed)? (?:of|to))\b", re.I)
_SAYS_LEAST = re.compile(r"\b(?:at least|minimum|no fewer than|no less than)\b", re.I)


# "What annual growth rate did ADS Group forecast for exports?" is not answered by
# "exports contribute around £6 billion … and this figure has the potential to grow":
# a rate of growth is a share (issue 4 lever)
GROWTH_AS_SHARE = True
_ASKS_GROWTH = re.compile(r"\bgrowth rates?\b|\brates? of (?:growth|increase|decline)\b", re.I)


# The question is read once, not once for each of the hundred sentences it is checked against
@lru_cache(maxsize=256)
def _bound_asked(question: str) -> str | None:
    """"most" or "least": the one bound the question asks for, if it asks for one."""
    most, least = _ASKS_MOST.search(question), _ASKS_LEAST.search(question)
    return "most" if most and not least else "least" if least and not most else None


@lru_cache(maxsize=256)
def _asks_growth(question: str) -> bool:
    return bool(_ASKS_GROWTH.search(question))


def _other_bound(question: str, sentence: str) -> bool:
    """The question asks for an upper bound and the sentence gives only a lower one, or
    the other way about."""
    asked = _bound_asked(question)
    if asked == "most":
        return bool(_SAYS_LEAST.search(sentence)) and not _SAYS_MOST.search(sentence)
    if asked == "least":
        return bool(_SAYS_MOST.search(sentence)) and not _SAYS_LEAST.search(sentence)
    return False


def has_answer_type(expects: str | None, sentence: str, question: str = "") -> bool:
    sentence = _PARAGRAPH_NUMBER.sub("", sentence)  # "54. The Government will ..." holds no number
    if question and expects in STRICT_KINDS:
        sentence = without_figures_of(question, sentence)
    if expects in {"money", "number", "date"} and NOT_KNOWN.search(sentence):
        return True
    if OTHER_BOUND and expects in {"money", "number"} and question and _other_bound(question, sentence):
        return False
    if GROWTH_AS_SHARE and expects in {"money", "number"} and _asks_growth(question) and not _SHARE.search(sentence):
        return False
    if expects == "money":
        if not _MONEY.search(sentence):
            return False
        if SUMS_NOT_SHARES and not _SUM.search(sentence) and not _ASKS_RATE.search(question):
            return False  # "about 98% of satellites remain uninsured" is no sum collected in premiums
        if SUM_OF_VALUE and _ASKS_COST.search(question) and not _COST_SAID.search(sentence) and _VALUE_SAID.search(sentence):
            return False  # "£1.8bn on the direct economic benefit from use of PSI" is no cost of the study
        return not RATES or _per_unit_as_asked(question, sentence)
    if expects == "number":
        counts = _NOT_A_COUNT.sub(" ", sentence)
        if not (_MONEY.search(counts) or re.search(r"\d", counts) or re.search(_NUMBER_WORDS, counts, re.I)):
            return False
        if SHARES and _ASKS_SHARE.search(question):
            return bool(_SHARE.search(counts))
        return not COUNTED_NOUN or counts_what_was_asked(question, counts)
    if expects == "date":
        if question and ASKS_DAY.search(question):
            return bool(DAY.search(sentence))
        return bool(_DATE.search(sentence) or (FREQUENCY and _ASKS_FREQUENCY.search(question) and _FREQUENCY.search(sentence)))
    if expects == "time":
        return bool(_CLOCK.search(sentence))
    if expects == "person":
        return names_a_person(sentence) or bool(PERSON_BY_POST and _ONE_HOLDER_POST.search(sentence))
    if expects == "name":
        return _names_what_was_asked(question, sentence)
    if expects == "body":
        asked = question.casefold()
        names = (re.sub(r"^(?:The|This|These|Its|Our|Their)\s+", "", p) for p in named_phrases(sentence))
        # a person ("Gaynor Legall CBE", "Professor Sir Chris Whitty") is no body
        return any((len(n.split()) >= 2 or (n.isupper() and n not in {"UK", "US", "EU"})) and n.casefold() not in asked
                   and not (PERSON_NO_BODY and (_HONORIFIC.search(n) or n in _POST_NOMINALS)) for n in names)
    if expects == "role":  # "chaired by the Chancellor", "Heather Savory was appointed the Chair"
        post = re.search(r"(?:^|[,;:])\s*who (chair|head|clerk|lead|led)", question, re.I)
        word = {"led": "lead|led"}.get(post.group(1).lower(), post.group(1)) if post else ""
        if _HONORIFIC.search(sentence):
            return True
        if not (word and re.search(rf"\b(?:{word})", sentence, re.I)):
            return False
        # "an independently chaired group" names no one: the post word with a name, or
        # "chaired by the Chancellor"
        return not NAMED_POST or names_a_person(sentence) or bool(
            re.search(rf"\b(?:{word})\w*\s+by\s+(?:the\s+)?(?-i:[A-Z])", sentence, re.I))
    return True

