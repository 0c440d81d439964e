"""When the evidence found does not answer the question: a figure the question asks
about that the passage never mentions, a passage about another nation than the one the
question names, a sum or date from a passage that never names the thing asked about, or
a choice asked about ("which port won?") that the sentence never says was made; and a
question whose premise the sentences deny (the opposite said, only asked for by a
committee, or still to come). Pure functions over text."""
from __future__ import annotations

import re
from functools import lru_cache

from bm25s.stopwords import STOPWORDS_EN

from assistant.answer_kinds import INSTITUTION_WORDS, MONTHS
from assistant.question import PAPER_REFERENCE, YES_NO, expected_kind, named_phrases
from index.lexical import stem, tokenize, unglued
from index.structure import in_government_voice

# Figures that name rather than count: a paper's reference ("CP 673", "HL Paper 190"),
# a document's year ("the 2013 government response", "the 2013 PSI response"), an Act's,
# a section's or a module's number ("Outer Space Act 1986", "section 55", "Module 1").
_REFERENCE_NUMBER = re.compile(
    PAPER_REFERENCE + "|"
    r"\b(?:19|20)\d{2}\s+(?:[\w-]+\s+){0,2}?(?:response|report|review|white paper|green paper|prospectus|guidance)\b|"
    r"\b(?i:section|paragraph|clause|schedule|regulation|article)\s+\d+[A-Z]?\b|"
    # a name with a number in it: "Covid-19", "SARS-CoV-2"
    r"\b[A-Za-z]+(?:-[A-Za-z]+)*-\d+\b|"
    rf"\b(?!(?:{MONTHS})\b)"
    r"[A-Z][a-z]+\s+\d{1,4}\b")


def figures_missing(question: str, skip: set, text: str, metadata: dict, section_text: str = "") -> bool:
    """A question about a particular year, amount or figure ("in 2030/31", "by 35%") is
    not answered by a passage that never mentions it. A figure that names a paper or an
    Act is not asked about. `skip`: the recommendation and paragraph numbers the
    question names, which the passage's structure, not its text, carries. A year may
    also be in `section_text`, the rest of the passage's section: "Exercise Cygnus back
    in 2016" dates the exercise, which its section does once."""
    # "1.25%" is written "1.25 per cent" as often as not
    wanted = {n.rstrip("%") for n in re.findall(r"\d[\d,./%]*\d%?|\d%?", _REFERENCE_NUMBER.sub(" ", question))} - skip
    # "every five years" is not answered by "at least every three years"
    # (not in a yes/no question, where it describes what was proposed: "Did they agree to
    # create five extra Fellowships?" is answered by "no plans to offer Fellowships"), nor
    # in a question for the reply to a proposal it describes: "How did the government
    # respond to the suggestion of five extra Fellowships?"
    described = YES_NO.match(question) or (REPLY_DESCRIBES and _ASKS_REPLY.search(question))
    spelt = {w.lower() for w in re.findall(_SPELT_NUMBER, question)} if SPELT_FIGURES and not described else set()
    if not wanted and not spelt:
        return False
    haystack = f"{text} {metadata.get('section', '')} {metadata.get('paragraphs', '')}"
    years = f"{haystack} {section_text}" if YEARS_IN_SECTION else haystack
    if RELATIVE_YEARS and _THIS_YEAR.search(text):
        years = f"{years} {' '.join(_YEAR.findall(str(metadata.get('date', '')))[:1])}"
    return (any(n not in (years if _YEAR.fullmatch(n) else haystack) for n in wanted)
            or any(not re.search(rf"\b(?:{w}|{_DIGITS[w]})\b", haystack, re.I) for w in spelt))


def another_edition(question: str, sentence: str) -> bool:
    """The question names a thing by its year ("the 2021 Global Health Security Index")
    and the sentence gives the same thing of another year ("In the 2019 Global Health
    Security Index, the UK came second"), never the one asked about."""
    if not EDITION_YEAR:
        return False
    for year, name in _DATED_NAME.findall(question):
        head = re.escape(" ".join(name.split()[:2]))
        given = re.findall(rf"\b((?:19|20)\d\d)(?:[/–-]\d{{2,4}})? {head}\b", sentence)
        if given and year not in given:
            return True
    return False


EDITION_YEAR = True  # issue 4 lever


# "What was the total cost of conducting Module 1 of the Inquiry?" is not answered by "the
# total cost of government spending as a result of Covid-19 will exceed £376 billion": the
# sentence costs another thing, sharing none of the words of the thing asked (issue 4 lever)
COST_OF_ANOTHER = True
_COST_OF = re.compile(r"\b(?:cost|costs|price)\s+of\s+(?P<thing>(?:[\w’'%-]+\s*){1,6})", re.I)
# "the cost of these changes", "the cost of this": the thing is named elsewhere
_POINTING = {"this", "these", "that", "those", "it", "its", "their", "such", "them", "which", "each", "both", "all"}


def cost_of_another(question: str, sentence: str) -> bool:
    """The question asks the cost of one thing; the sentence gives the cost of things that
    share no word with it."""
    asked = _COST_OF.search(question) if COST_OF_ANOTHER else None
    given = list(_COST_OF.finditer(sentence)) if asked else []
    if not given:
        return False
    asked_words = set(tokenize([asked["thing"]])[0]) - {"total", "uk", "overal", "estim"}
    if not asked_words:
        return False
    for thing in (m["thing"] for m in given):
        if thing.split()[0].casefold() in _POINTING or asked_words & set(tokenize([thing])[0]):
            return False
    return True
# a year right before a capitalised name dates that name: "the 2021 Spending Review"
_DATED_NAME = re.compile(r"\b((?:19|20)\d\d)(?:[/–-]\d{2,4})? ((?:[A-Z][\w’'-]*\s?){1,6})")
SPELT_FIGURES = True  # issue 4 lever
# a question for the reply to a proposal, whose spelt number describes the proposal
REPLY_DESCRIBES = True  # issue 4 lever
_ASKS_REPLY = re.compile(r"\b(?:respon(?:d|ded|se)|repl(?:y|ied)|react(?:ed)?|answer(?:ed)?)\s+(?:to|on)\b", re.I)
# "This summer, the Local Government Association will launch its LG Inform tool" is dated by
# its paper: in a paper of 2013 it answers "What was due to launch in summer 2013?" (issue 4 lever)
RELATIVE_YEARS = True
_THIS_YEAR = re.compile(r"\b(?:later |earlier )?this (?:year|summer|spring|autumn|winter|month|financial year)\b", re.I)
YEARS_IN_SECTION = True  # issue 4 lever
_YEAR = re.compile(r"(?:19|20)\d{2}")
# "one" is too often no figure at all ("one of the", "no one")
_DIGITS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split()) if i > 1}
_SPELT_NUMBER = rf"\b(?:{'|'.join(_DIGITS)})\b"


BRITISH_IN_NAMES = True  # issue 4 lever
# "How many people does the space sector in Wales employ?" is not answered by a UK
# figure, nor "When did Northern Ireland run Exercise Silver Swan?" by a Scottish exercise.
_NATIONS = {
    "wales": re.compile(r"\bwales\b|\bwelsh\b", re.I),
    "scotland": re.compile(r"\bscotland\b|\bscottish\b", re.I),
    "northern ireland": re.compile(r"\bnorthern ireland\b|\bnorthern irish\b", re.I),
    "england": re.compile(r"\bengland\b", re.I),
    # "the British Energy Security Strategy" is a name, not a place
    "uk": re.compile(r"\bUK\b|\bunited kingdom\b|\bbritish\b" + (r"(?!\s+(?-i:[A-Z]))" if BRITISH_IN_NAMES else "")
                     + r"|\bbritain\b", re.I),
}


# "the UK Government" and "Welsh Ministers" are actors, not the place a figure is about
_NATION_ACTOR = re.compile(
    r"\b(?:UK|Welsh|Scottish|British|English|Northern Ireland|Northern Irish)\s+"
    r"(?:Government|Ministers?|Parliament|Executive)(?:['’]s)?\b", re.I)


def _devolved_actors(question: str) -> set[str]:
    """A question about what the Scottish Government did is about Scotland: the devolved
    governments act for their nation ("the UK Government" acts for all four)."""
    actors = " ".join(m.group(0) for m in _NATION_ACTOR.finditer(question) if not re.match(r"UK|British", m.group(0), re.I))
    return {name for name, pattern in _NATIONS.items() if pattern.search(actors)}


def _nations(text: str) -> set[str]:
    text = _NATION_ACTOR.sub(" ", text)
    return {name for name, pattern in _NATIONS.items() if pattern.search(text)}


NATION_IN_PASSAGE = True  # issue 4 lever: a sentence naming no nation takes its document's and section's


def about_another_nation(question: str, sentence: str, heading: str = "") -> bool:
    """The question names one nation and the answer's sentence others, not it; or the
    sentence names none and its heading (the document's title, the section path) names
    others but not it: CP 673 on "the planning system in England" sets out no fees for
    Wales. (The chunk's other sentences are not read: one chunk may cover two nations.)"""
    if COMPARED_ASIDE:
        sentence = _COMPARED.sub(" ", sentence)
    asked, said = _nations(question) | _devolved_actors(question), _nations(sentence)
    if asked and not said and NATION_IN_PASSAGE:
        said = _nations(heading) - {"uk"}  # a UK-wide document covers every nation
    if UK_SPANS_NATIONS and asked == {"uk"} and len(said - {"uk"}) >= 2:
        return False  # "NHS Wales, NHS England, …" at a UK-wide exercise: the UK, nation by nation
    if UK_COVERS_NATIONS and "uk" not in asked and expected_kind(question) not in _FIGURES:
        # "the UK's Money Laundering Regulations" bind a Welsh freeport's operators too;
        # a UK-wide figure is not the nation's
        said -= {"uk"}
    return bool(asked and said and not asked & said)


UK_SPANS_NATIONS = True  # issue 4 lever
UK_COVERS_NATIONS = True  # issue 4 lever
# "tax reliefs comparable with the English Freeports offer", "closely aligned to … Scottish
# Green Freeports": a nation a passage compares with is not the one it is about (issue 4 lever)
COMPARED_ASIDE = True
_COMPARED = re.compile(r"\b(?:comparable|similar|equivalent|identical|aligned|analogous|consistent|in line)\s+(?:with|to)\b"
                       r"[^,;.]{0,120}", re.I)
_FIGURES = {"money", "number", "date", "time"}


# "How much funding should the Space Skills Taskforce receive?" is not answered by a sum
# in a passage that never names the Taskforce, nor "When did the committee visit Goonhilly
# Earth Station?" by a date in a passage that never names Goonhilly; nor "Which Deputy
# Prime Minister chairs the NSC(R)?" by a chair the passage gives another post (person
# and role added as an issue 4 lever; body and name lost g017).
NAMED_THING_KINDS = {"money", "number", "date", "person", "role"}
NAME_VARIANTS = True  # issue 4 lever
# Words a question's capitalised run may start with that are not part of the name, and
# words that name nothing in particular.
_LEADING = {"after", "given", "once", "since", "before", "under", "following", "alongside", "within", "during", "the", "uk"}
_GENERIC = INSTITUTION_WORDS | {"gdp", "uk"}


# "IRIS²", "CM22": a one-word name with a figure in it names one thing, as a capitalised
# run of two words does ("ESA" or "Harwell" alone may be written out or named otherwise;
# a paper's reference, "CP1240", names the document the passage is in)
# (issue 4 lever)
CODED_NAMES = True
_CODED_NAME = re.compile(r"\b(?=[A-Z]*[0-9²³])(?=\w*[A-Z]{2})[A-Z][A-Z0-9²³]+\b")


def things_named(question: str) -> list[str]:
    """The question's names of particular things, as a passage would write them: "the
    UK's Active Debris Removal mission" -> "Active Debris Removal"; names made only of
    institution words ("Lords Committee", "UK GDP") name no particular thing."""
    names = []
    for phrase in named_phrases(question):
        words = phrase.split()
        owner = max((i for i, w in enumerate(words[:-1]) if re.search(r"[’']s$", w)), default=-1)
        words = words[owner + 1:]  # "NATO's STARLIFT": the owner is named apart
        while words and words[0].lower() in _LEADING:
            words = words[1:]
        if len(words) >= 2 and not all(w.lower() in _GENERIC for w in words):
            names.append(" ".join(words))
    if CODED_NAMES:
        names += [m[0] for m in _CODED_NAME.finditer(question) if not _REFERENCE_NUMBER.fullmatch(m[0])]  # not "CP1240"
    return names


# Names given in the chunks either side of the passage's, in its section (issue 4 levers):
# - "How many establishments did the Workforce Development Fund, run by Skills for Care,
#   help?" is answered by "The WDF has helped almost 3,000 establishments", whose chunk goes
#   on from "The Workforce Development Fund (WDF), … administered by Skills for Care": a
#   neighbour defining a short form the passage uses lends it all its names. One sharing
#   no short form may be about another thing ("Spaceport Cornwall" next to Orbex's £20m).
# - "How many projects did the UK Space Agency's Education and Future Workforce programme
#   support?" is answered by "Between 2022 and 2025 the programme … across 15 … projects":
#   the chunk before names the programme the passage refers back to.
NAMES_NEXT_DOOR = True
NAMES_REFERRED_BACK = True
_SHORT_FORM = re.compile(r"\(([A-Z][A-Za-z&]{1,9})\)")


def acronyms_written(folded: str, acronyms: dict[str, str]) -> list[tuple[str, str, bool, bool]]:
    """(short, long, short written, long written) for each acronym the documents define
    (`acronyms`: short -> long form, casefolded) that the casefolded text writes in
    either spelling, each spelling matched as whole words."""
    found = []
    for short, long in acronyms.items():
        has_short = re.search(rf"\b{re.escape(short)}\b", folded) is not None
        has_long = re.search(rf"\b{re.escape(long)}\b", folded) is not None
        if has_short or has_long:
            found.append((short, long, has_short, has_long))
    return found


def respelled(name: str, acronyms: dict[str, str]) -> list[str]:
    """The name with an acronym the documents define written out, or its long form
    shortened ("SDC Archive" -> "space data centre archive"): a passage may use the other
    spelling, and only the definition has both."""
    folded = name.casefold()
    out = []
    for short, long, has_short, has_long in acronyms_written(folded, acronyms):
        if has_short:
            out.append(re.sub(rf"\b{re.escape(short)}\b", long, folded))
        if has_long:
            out.append(re.sub(rf"\b{re.escape(long)}\b", short, folded))
    return out


# A name is named by the short form the documents define for it: "the Earth Space
# Sustainability Initiative's memorandum" is answered by "Director of ESSI, told us that
# 144 regulators … have signed the memorandum produced by ESSI" (issue 4 lever)
NAMED_BY_ACRONYM = True
# "Five editions of the Lessons Digest1 … have been published" names the Lessons Digest:
# PDF text glues a footnote's number to the word it follows (issue 4 lever)
FOOTNOTE_MARKS_DROPPED = True


def named_thing_missing(question: str, expects: str | None, passage: str, beside: dict[int, str] | None = None,
                        acronyms: dict[str, str] | None = None) -> bool:
    """A sum, count or date asked about a named thing, from a passage that never names it.
    `beside`: the text of the chunks either side of the passage's ({-1: before, 1: after});
    `acronyms`: the short forms the documents define (short -> long form, casefolded)."""
    if expects not in NAMED_THING_KINDS:
        return False
    beside = beside or {}
    before = beside.get(-1, "")
    if NAMES_NEXT_DOOR:
        passage = " ".join([passage, *(text for text in beside.values()
                                       if any(re.search(rf"\b{re.escape(m[1])}\b", passage) for m in _SHORT_FORM.finditer(text)))])
    # Word by word, institution words aside: "the Housing and Communities Committee" is
    # written "the Housing and Communities Select Committee" (as a phrase, counts and dates
    # lost three right answers so)
    words = set(re.findall(r"\w+", _unquoted(passage)))
    if FOOTNOTE_MARKS_DROPPED:
        # a footnote's number is glued to the word it follows: "the Lessons Digest1 and …"
        words |= {unglued(w) for w in words}
    # word forms alike, as BM25 reads them: "the Freeport Enhanced Capital Allowance" is
    # the heading's "Enhanced Capital Allowances (ECA)"
    form = stem if PLURALS_ALIKE else str
    words = {form(w) for w in words}

    def written(name: str) -> bool:
        return all(form(w) in words for w in re.findall(r"\w+", _unquoted(name)) if w not in INSTITUTION_WORDS)

    def named(name: str) -> bool:
        if written(name):
            return True
        if NAMED_BY_ACRONYM and any(written(spelling) for spelling in respelled(name, acronyms or {})):
            return True
        if not NAME_VARIANTS:
            return False
        # "Combined Space Operations (CSpO)" is written "CSpO"; "Tim Peake", "Major Peake"
        short = re.search(rf"{re.escape(name)}\s*\((\w+)\)", question)
        if short and form(short[1].casefold()) in words:
            return True
        parts = name.split()
        a_person = len(parts) == 2 and all(p[:1].isupper() and p.lower() not in INSTITUTION_WORDS for p in parts)
        return a_person and bool(re.search(rf"\b{re.escape(parts[1])}\b", passage))

    def referred_back(name: str) -> bool:
        # the common noun the name is of: "the … Workforce programme", "the … Fund"
        kind = re.search(rf"{re.escape(name)}\s+([a-z]{{4,}})\b", question)
        head = kind[1] if kind else name.split()[-1].lower()
        return (NAMES_REFERRED_BACK and _unquoted(name) in _unquoted(before)
                and bool(re.search(rf"\b(?:the|this|its) {re.escape(head)}\b", passage, re.I)))

    return not all(named(name) or referred_back(name) for name in things_named(question))


PLURALS_ALIKE = True  # issue 4 lever


def _unquoted(text: str) -> str:
    """Casefolded, quotation marks and apostrophes dropped: "'Big Data' Research
    Councils" is written "‘Big Data’ Research Councils"."""
    return re.sub(r"\s+", " ", re.sub(r"[‘’'\"“”]", "", text.casefold()))


# "Which port won the competition?", "Which company was contracted to build it?": the
# answer is a choice made, and the sentence that gives it says so ("won", "was
# selected", "awarded the contract"); one that only describes the competition does not.
CHOICE_CHECK = True  # issue 4 lever
# "the funding for a newly selected Freeport" describes the thing asked about; it does not
# ask which one was chosen (issue 4 lever)
CHOSEN_AS_DESCRIBED = True
_AS_DESCRIBED = r"(?<!\bnewly )(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\brecently )(?<!\bsuccessfully )(?<!\bonce )"
# "Which firm has been appointed as the evaluator?" asks for an appointment made, as
# "which company was contracted" does (issue 4 lever)
FIRM_APPOINTED = True
_CHOICE_ASKED = re.compile(
    r"^\s*(?:which|what|who)\b[^?]*?" + (_AS_DESCRIBED if CHOSEN_AS_DESCRIBED else "")
    + r"\b(?P<verb>won|wins|win|selected|chosen|picked|awarded|contracted|shortlisted)\b", re.I)
# (a person "appointed to chair" may be given as "chaired by")
_FIRM_APPOINTED = re.compile(r"^\s*(?:which|what) (?:[\w’'-]+ ){0,2}(?:firm|company|organisation|consultancy|supplier|"
                             r"contractor|provider|partner)s?\b[^?]*?\b(?P<verb>appointed|commissioned)\b", re.I)
# Said as made, not as to come: "Freeport selection will be a joint decision" and
# "contracting opportunities" describe a choice no one has made yet.
_NOT_YET = r"(?<!\bbe )"
_SELECTED = rf"{_NOT_YET}\b(?:selected|chose|chosen|picked)\b"
_AWARDED = rf"{_NOT_YET}\b(?:awarded|contracted)\b|\bcontracts? (?:was |were |has been |have been )?(?:awarded|signed)\b"
_CHOICE_SAID = {
    "won": r"\bw[io]n(?:s|ners?)?\b|\bwinning bid", "wins": r"\bw[io]n(?:s|ners?)?\b|\bwinning bid",
    "win": r"\bw[io]n(?:s|ners?)?\b|\bwinning bid",
    "selected": _SELECTED, "chosen": _SELECTED, "picked": _SELECTED,
    "awarded": _AWARDED, "contracted": _AWARDED, "shortlisted": rf"{_NOT_YET}\bshortlisted\b",
    "appointed": rf"{_NOT_YET}\bappoint(?:ed|ment)\b", "commissioned": rf"{_NOT_YET}\bcommission(?:ed|ing)\b",
}


def choice_not_said(question: str, sentence: str) -> bool:
    """The question asks which one was chosen, and the sentence says nothing was."""
    asked = _CHOICE_ASKED.search(question) or (_FIRM_APPOINTED.search(question) if FIRM_APPOINTED else None)
    if asked is None or not CHOICE_CHECK:
        return False
    return not re.search(_CHOICE_SAID[asked["verb"].lower()], sentence, re.I)



PREMISE_DENIED = True  # issue 4 lever
# "Why did the government agree to a national review of the Green Belt?", "When will the
# review the government agreed to be completed?" take an agreement as given; a reply that
# has "no plans" for it says the premise is false.
# "the review that the government agreed to", "the body, which ministers have committed to":
# a government act taken as given in a relative clause (read by only_asked_for too)
_AGREED_CLAUSE = (r"\b(?:that|which) the (?:[\w’'-]+ ){0,2}?(?:government|ministers?|department) (?:has |have |had )?"
                  r"(?:agreed|committed|decided|promised|planned|pledged)\b")
_PRESUMES_AGREEMENT = re.compile(
    r"\bwhy (?:did|has|have|does|do|is|was) (?:the )?(?:[\w’'-]+ ){0,3}?(?:agree|decide|commit|plan|choose|promise)\w*\b|"
    + _AGREED_CLAUSE, re.I)
_NO_PLANS = re.compile(r"\bno (?:current |immediate |further )?plans?\b|\bnot (?:currently )?plan(?:ning)? to\b|"
                       r"\bnot (?:currently )?(?:have|hold) any plans?\b|\bdoes not (?:intend|propose)\b|\bwill not\b", re.I)


# "In what year did the first successful orbital launch take place?" where the sentence
# has the launch "attempted"; "Why did the report conclude it was a black swan?" where the
# report has witnesses "seek to characterise" it so: a success or a finding the sentence
# does not give (issue 4 lever)
ATTEMPTED_ONLY = True
_PRESUMES_SUCCESS = re.compile(r"\bsuccessful(?:ly)?\b|\bsucceeded\b", re.I)
# "Why did Virgin Orbit's launch fail?", "What went wrong with it?" against "was attempted":
# a failure taken as given, which the sentence does not state (issue 4 lever)
FAILURE_PRESUMED = True
_PRESUMES_FAILURE = re.compile(r"\bfail(?:ed|s|ure)?\b|\b(?:went|go|gone|going) wrong\b", re.I)
_STATES_OUTCOME = re.compile(r"\bsuccess|\bfail|\bwrong\b|\banomal|\bunsuccessful\b|\bmalfunction|\blost\b", re.I)
_ONLY_ATTEMPTED = re.compile(r"\b(?:was|were|been) attempted\b|\battempted to\b|\btried to\b", re.I)
_PRESUMES_FINDING = re.compile(r"^\s*why did (?:the )?(?:[\w’'-]+ ){0,4}?(?:report|inquiry|committee|review|chair) "
                               r"(?:conclude|find|decide|judge|say)\b", re.I)
_ATTRIBUTED = re.compile(r"\b(?:sought|tried|attempted) to (?:characteri[sz]e|portray|present|describe|claim|argue)\b", re.I)


def _attempted_only(question: str, sentence: str) -> bool:
    if not ATTEMPTED_ONLY:
        return False
    presumed = _PRESUMES_SUCCESS.search(question) or (FAILURE_PRESUMED and _PRESUMES_FAILURE.search(question))
    return bool((presumed and _ONLY_ATTEMPTED.search(sentence) and not _STATES_OUTCOME.search(sentence))
                or (_PRESUMES_FINDING.search(question) and _ATTRIBUTED.search(sentence)))


# "When was Stephan Shakespeare appointed chair of the ODI?" against "Heather Savory was
# appointed the Chair in May 2012": someone else appointed (issue 4 lever)
OTHER_APPOINTEE = True
_PERSON_NAME = r"(?P<name>[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+)+)"
_APPOINTEE_ASKED = re.compile(rf"{_PERSON_NAME}\s+(?:was\s+|been\s+|be\s+|is\s+|become\s+)?(?:appointed|named|chosen|selected)\b")
_APPOINTEE_SAID = re.compile(rf"{_PERSON_NAME}\s+(?:was|has been|had been|is|were|have been)\s+(?:\w+\s+)?"
                             r"(?:appointed|named|chosen|selected)\b")


def _a_person(name: str) -> bool:
    """ "Heather Savory", not "The Chair" or "Cabinet Office"."""
    return not any(w.lower() in INSTITUTION_WORDS or w.lower() in STOPWORDS_EN for w in name.split())


def another_appointed(question: str, sentence: str) -> bool:
    """The question takes a named person's appointment as given; the sentence has someone else appointed."""
    asked = _APPOINTEE_ASKED.search(question) if OTHER_APPOINTEE else None
    said = _APPOINTEE_SAID.search(sentence) if asked else None
    if said is None or not all(_a_person(m["name"]) for m in (asked, said)):
        return False
    surname = asked["name"].split()[-1]
    return not re.search(rf"\b{re.escape(surname)}\b", sentence)


# "What does the UK's 2021 'space bridge' with Japan cover?" where "In 2021, the UK formed a
# “space bridge” with Australia": the same thing, with another partner (issue 4 lever)
OTHER_PARTNER = True
_WITH_PARTNER = re.compile(r"(?P<thing>\w+\W{0,2}\s+\w+)\W{0,2}\s+with\s+(?P<name>[A-Z][a-z]+)")


def another_partner(question: str, sentence: str) -> bool:
    """The question names a thing made with a partner; the sentence has that thing made
    with another, and never names the question's."""
    if not OTHER_PARTNER:
        return False
    asked = [(_unquoted(m["thing"]), m["name"]) for m in _WITH_PARTNER.finditer(question)]
    said = [(_unquoted(m["thing"]), m["name"]) for m in _WITH_PARTNER.finditer(sentence)] if asked else []
    return any(thing == other_thing and name != other and not re.search(rf"\b{name}\b", sentence)
               for thing, name in asked for other_thing, other in said)


def premise_denied(question: str, sentence: str) -> bool:
    """The question takes an agreement or a plan as given, and the sentence says there is
    none; or it takes a success or a finding as given, and the sentence gives only an
    attempt or someone else's claim."""
    return bool(PREMISE_DENIED and _PRESUMES_AGREEMENT.search(question) and _NO_PLANS.search(sentence)) \
        or _attempted_only(question, sentence)


# "Why did the committee recommend that the UK withdraw from ESA?" answered from a passage
# that never says withdraw: the act a why-question takes as recommended or decided must be
# in the passage it is answered from. The act is read as its first word the question does
# not capitalise (its verb, "keeping", "be absorbed", or its thing, "a pandemic exercise")
# (issue 4 lever)
ACT_NOT_SAID = True
_ACT_ASKED = re.compile(
    r"^\s*why\s+(?:did|has|have|does|do|had)\s+(?:[\w’'-]+\s+){1,6}?"
    r"(?P<verb>recommend(?:ed)?|urged?|call(?:ed)?\s+for|propose[d]?|suggest(?:ed)?|advised?|"
    r"decided?\s+to|agreed?\s+to|cho(?:se|ose)\s+to|commit(?:ted)?\s+to)\s+(?P<act>.+)$", re.I)
ADDRESSEE_ASIDE = True  # issue 4 lever


def act_not_said(question: str, passage: str) -> bool:
    """A why-question asks the reason for a recommendation or decision that its passage never states."""
    asked = _ACT_ASKED.search(question) if ACT_NOT_SAID else None
    if asked is None:
        return False
    act = asked["act"]
    if ADDRESSEE_ASIDE and asked["verb"].lower().startswith(("urg", "advis")):
        # "urge the Lords committee to focus on …": the act is what follows "to"
        addressed = re.match(r"(?:[\w’'-]+\s+){1,5}?to\s+(?=[a-z])", act)
        act = act[addressed.end():] if addressed else act
    words = [w for w in re.findall(r"[\w’'-]+", act) if w[0].islower()]
    act = next(iter(tokenize([" ".join(words)])[0]), None) if words else None
    return act is not None and act not in set(tokenize([passage])[0])


PREMISE_CONTRADICTED = True  # issue 4 lever
STILL_REQUIRED = True
SOLD_KEPT = True  # issue 4 lever
TURNED_DOWN = True  # "Why did the government turn down …?" asserts a rejection (issue 4 lever)
LAPSED_RENEWED = True
# "Why did UKSA's funding fall between 2018 and 2023?" where it "has seen a 73% increase
# in funding from 2018 to 2023" (issue 4 lever)
ROSE_FELL = True
MAINTAINED_CUT = True
# "Why did the sub-Committee keep meeting through 2018 and 2019?" where "The last occasion
# on which the … sub-Committee met was in February 2017" (issue 4 lever)
LAST_BEFORE = True
_LAST_IN = re.compile(r"\blast\b[^.;]{0,120}?\b((?:19|20)\d\d)\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# "Why did she recommend keeping the lead department model?" where the report says
# abolish it; "Why did the report conclude the UK was well prepared?" where it says ill
# prepared. A why-question asserts what it asks the reason for: a cited sentence that
# says the opposite (and not the thing itself) shows the premise false. Pairs read both ways.
_OPPOSITES = [
    (r"\b(?:keep(?:s|ing)?|kept|retain(?:s|ed|ing)?|maintain(?:s|ed|ing)?"
     # "Why is it scrapping the requirement for councils to publish participation strategies?"
     # where "They are required to publish participation strategies" (issue 4 lever)
     + (r"|(?:is|are|remains?) required to" if STILL_REQUIRED else "") + r")\b",
     r"\b(?:abolish\w*|scrap(?:s|ped|ping)?|remov(?:e|es|ed|ing)"
     # "Why did the government sell its stake in Eutelsat?" where the raise ensured "it
     # retains its current stake" (issue 4 lever)
     + (r"|sell(?:s|ing)?|sold|dispos(?:e|es|ed|ing|al) of|divest\w*" if SOLD_KEPT else "") + r")\b"),
    (r"\bwell[- ]prepared\b", r"\b(?:ill[- ]prepared|unprepared|not (?:well[- ])?prepared)\b"),
    (r"\b(?:reject(?:s|ed|ing)?|refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|drop(?:s|ped|ping)?|abandon(?:s|ed|ing)?"
     + (r"|turn(?:s|ed|ing)? down" if TURNED_DOWN else "") + r")\b",
     r"\b(?:retain(?:s|ed|ing)?|keep(?:s|ing)?|introduc(?:e|es|ed|ing)|accept(?:s|ed)?|agree(?:s|d)?|"
     r"will (?:use|adopt|establish|create|implement|set up))\b"),
    (r"\b(?:increas(?:e|es|ed|ing)|rais(?:e|es|ed|ing)" + (r"|ris(?:e|es|en|ing)|rose|gr[eo]w(?:s|n|ing)?" if ROSE_FELL else "") + r")\b",
     r"\b(?:reduc(?:e|es|ed|ing)|cut(?:s|ting)?|lower(?:s|ed|ing)?|decreas(?:e|es|ed|ing)"
     + (r"|f[ae]ll(?:s|en|ing)?|shr[iau]nk(?:s|ing)?" if ROSE_FELL else "") + r")\b"),
    # "Why did the government let the UK-Australia Space Bridge lapse in 2025?" where it was
    # "renewed in 2025" (issue 4 lever)
    *([(r"\b(?:laps(?:e|es|ed|ing)|expir(?:e|es|ed|ing))\b", r"\b(?:renew(?:s|ed|ing|al)?|extend(?:s|ed|ing)?)\b")]
      if LAPSED_RENEWED else []),
    # "Why did the UK cut its overall funding for ESA?" where "Our overall level of funding
    # for ESA has been maintained" (issue 4 lever)
    *([(r"\b(?:maintain(?:s|ed)?|unchanged|protect(?:s|ed)?)\b",
        r"\b(?:cut(?:s|ting)?|reduc(?:e|es|ed|ing)|lower(?:s|ed|ing)?|decreas(?:e|es|ed|ing))\b")] if MAINTAINED_CUT else []),
]
# "What was the government's reasoning for setting the cap at £100,000?" asks why, as
# "why" does (issue 4 lever)
REASON_ASKED = True
_WHY = re.compile(r"^\s*why\b" + (r"|\b(?:reasoning|rationale|reasons?|justification) (?:for|behind)\b" if REASON_ASKED else ""),
                  re.I)
# "DHSC, rather than the Cabinet Office, should lead": a sentence naming the one set aside, not the one chosen
_RATHER_THAN = re.compile(r"\b(?:the\s+)?(?P<chosen>[A-Z][\w’'-]*(?:\s+(?:and|of|for|the|[A-Z][\w’'-]*))*?),?\s+rather than\s+"
                          r"(?:the\s+)?(?P<aside>[A-Z][\w’'-]*(?:\s+(?:and|of|for|the|[A-Z][\w’'-]*))*)")


def premise_contradicted(question: str, sentence: str) -> bool:
    """A why-question whose premise the sentence contradicts."""
    if not (PREMISE_CONTRADICTED and _WHY.search(question)):
        return False
    for one, other in _OPPOSITES:
        for asked, said in ((one, other), (other, one)):
            if re.search(asked, question, re.I) and re.search(said, sentence, re.I) and not re.search(asked, sentence, re.I):
                return True
    if (_other_interval(question, sentence) or _both_not_only(question, sentence) or _other_sum(question, sentence)
            or _other_chair(question, sentence) or _other_limit(question, sentence)):
        return True
    if _refused_act_done(question, sentence) or _ceased_but_goes_on(question, sentence) or _last_before(question, sentence):
        return True
    contrast = _RATHER_THAN.search(question)
    if contrast:
        text = _unquoted(sentence)
        named = [all(w in text for w in re.findall(r"\w+", _unquoted(contrast[g])) if w not in {"and", "of", "for", "the"})
                 for g in ("chosen", "aside")]
        return named == [False, True]
    return False


# "Why did the government decide against publishing a White Paper?" where the sentence
# has the White Paper published (issue 4 lever)
REFUSED_ACT_DONE = True
_REFUSED_ACT = re.compile(r"\b(?:decid\w* (?:against|not to)|refus\w* to|declin\w* to|cho(?:se|ose) not to|opt\w* not to)\s+"
                          r"(?P<verb>[a-z]{4,}?)(?:ing)?\s+(?:an?\s+|the\s+)?(?P<thing>(?:[\w’'-]+\s+){0,1}[\w’'-]+)", re.I)
_NEGATED = re.compile(r"\b(?:not|no|never|without)\b", re.I)


def _refused_act_done(question: str, sentence: str) -> bool:
    """The question says an act was refused, and the sentence says it was done."""
    refused = _REFUSED_ACT.search(question) if REFUSED_ACT_DONE else None
    if refused is None:
        return False
    done = re.search(rf"\b{re.escape(refused['verb'].lower())}\w*", sentence, re.I)
    words = set(re.findall(r"\w+", sentence.casefold()))
    return bool(done and not _NEGATED.search(sentence[:done.start()][-40:])
                and all(w in words for w in re.findall(r"\w+", refused["thing"].casefold())))


# "Why has the UK government stopped sharing NSRA data with the devolved governments?"
# where "All NSRA data is shared across the four nations"; "Why is the 2009 protocol no
# longer current?" where it "also remains current": an act or state the question says has
# ended, that the sentence gives as going on (issue 4 lever)
CEASED_GOES_ON = True
_CEASED = re.compile(r"\b(?:stop(?:ped|s)?|ceas(?:ed|es)|end(?:ed|s)|halt(?:ed|s)|discontinu(?:ed|es)|quit)\s+"
                     r"(?P<act>[a-z]{3,}?)(?:e?ing)\b|\bno longer\s+(?:being\s+|be\s+)?(?P<state>[a-z]{4,})\b", re.I)
_ENDED = re.compile(r"\b(?:no longer|stop(?:ped|s)?|ceas\w*|end(?:ed|s)|halt\w*|discontinu\w*|until|paused?|suspend\w*|former(?:ly)?)\b", re.I)


def _ceased_but_goes_on(question: str, sentence: str) -> bool:
    """The question says an act or state has ended, and the sentence, saying nothing of
    an end, gives it as going on."""
    ceased = _CEASED.search(question) if CEASED_GOES_ON else None
    if ceased is None or _ENDED.search(sentence):
        return False
    going = re.search(rf"\b{re.escape((ceased['act'] or ceased['state']).lower())}\w*", sentence, re.I)
    return bool(going and not _NEGATED.search(sentence[:going.start()][-40:]))


def _last_before(question: str, sentence: str) -> bool:
    """The question has a thing go on in years after the last time the sentence gives."""
    last = _LAST_IN.search(sentence) if LAST_BEFORE and not re.search(r"\blast\b", question, re.I) else None
    asked = [int(y) for y in _YEAR.findall(question)]
    return bool(last and asked and int(last[1]) < min(asked))


# "Why did the committee recommend a brand-new strategy?" where it wrote "Rather than
# producing a new strategy, the Government should focus on …": the thing asked about is
# the thing set aside (issue 4 lever). Read in every sentence of the top passages, since
# such a sentence shares little else with the question.
SET_ASIDE = True
_SET_ASIDE = re.compile(r"\b(?:rather than|instead of)\s+(?:[a-z]+ing\s+)?(?:an?\s+|the\s+)?"
                        r"(?P<thing>[\w’'-]+(?:\s+[\w’'-]+){1,2}?)\s*(?=[,.;:]|$)", re.I)


# "Why does the prospectus encourage bidders to use seed capital for security
# infrastructure?" where "Seed capital may not be spent on security infrastructure for
# customs sites": a use the sentence rules out is set aside too (issue 4 lever)
RULED_OUT = True
_RULED_OUT = re.compile(r"\b(?:may|must|can|will|should)(?: not|not|n[’']t) be (?:spent|used) (?:on|for) "
                        r"(?P<thing>[\w’'-]+(?:\s+[\w’'-]+)?)", re.I)


def premise_set_aside(question: str, sentence: str) -> bool:
    """A why-question asking the reason for a thing the sentence sets aside or rules out."""
    if not (SET_ASIDE and _WHY.search(question)) or re.search(r"\b(?:rather than|instead of)\b", question, re.I):
        return False
    asked = set(re.findall(r"\w+", question.casefold()))
    found = [*_SET_ASIDE.finditer(sentence), *(_RULED_OUT.finditer(sentence) if RULED_OUT and not _NEGATED.search(question) else [])]
    return any(all(w in asked for w in re.findall(r"\w+", m["thing"].casefold())) for m in found)


# "Why does the prospectus insist on a mandated form of physical security?" where "There
# will not be a mandated form of physical security for the tax site": a question that
# presupposes a thing, three or more of its words in a row, which a sentence negates
# (issue 4 lever)
PREMISE_NEGATED = True
NEGATED_RUN = 3
_PRESUPPOSES = re.compile(r"^\s*(?:why|how|when|where|who|whom|what|which)\b", re.I)
_NOT_A_PREMISE = re.compile(r"\b(?:not|no|never|nor|without|fail\w*|whether|if|reject\w*|den(?:y|ies|ied)|disput\w*|dismiss\w*)\b|"
                            r"\b(?:say|said|says|state|states|stated)\s+(?:about|of|on)\b|"
                            r"\b(?:view|position|stance|approach) (?:on|to)\b", re.I)
_NEGATION = re.compile(r"\b(?:not|no|never|nor)\b(?!\s+(?:only|just|least|longer than|more than|less than|fewer than|later than|"
                       r"earlier than|sooner than|before|until|doubt|(?:current |immediate |further )?plans?)\b)", re.I)


# "Why did Professor Dame Jenny Harries tell the Inquiry that 'groupthink' had damaged the
# UK's pandemic preparedness?" where she "rejected the idea that ‘groupthink’ was a
# phenomenon that negatively impacted upon the UK’s pandemic preparedness"
CLAIM_REJECTED = True
_CLAIM_REJECTED = re.compile(r"\b(?:reject\w*|dismiss\w*|disput\w*|refut\w*|den(?:y|ies|ied)|(?:did|does|do) not accept)\s+"
                             r"(?:the\s+)?(?:(?:idea|suggestion|claim|notion|view|argument|assertion|contention)s?\s+)?that\b", re.I)


@lru_cache(maxsize=256)
def _question_words(question: str) -> tuple[str, ...]:
    """The question's stemmed words, read once for all its sentences."""
    return tuple(tokenize([question])[0])


@lru_cache(maxsize=256)
def _word_runs(question: str) -> frozenset:
    """The question's runs of NEGATED_RUN stemmed words."""
    asked = _question_words(question)
    return frozenset(tuple(asked[i:i + NEGATED_RUN]) for i in range(len(asked) - NEGATED_RUN + 1))


def premise_negated(question: str, sentence: str) -> bool:
    """A wh-question presupposing a thing that the sentence says is not so."""
    if not PREMISE_NEGATED or not _PRESUPPOSES.match(question) or _NOT_A_PREMISE.search(question):
        return False
    # a "not" governs the words just after it; a rejected claim, its whole clause
    negations = [(m, 2, 10) for m in _NEGATION.finditer(sentence)]
    negations += [(m, 15, 15) for m in _CLAIM_REJECTED.finditer(sentence)] if CLAIM_REJECTED else []
    runs = _word_runs(question) if negations else frozenset()
    for negation, within, span in negations:
        governed = re.split(r"[;:,.()]|\b(?:but|however|although|while|whereas)\b", sentence[negation.end():], maxsplit=1)[0]
        said = tokenize([" ".join(governed.split()[:span])])[0]
        if any(tuple(said[i:i + NEGATED_RUN]) in runs for i in range(min(within, len(said) - NEGATED_RUN + 1))):
            return True
        if NEGATED_IN_ANY_ORDER and _WHY.search(question) and _negated_in_any_order(question, said[:6], within):
            return True
    return False


# "Why did the Welsh Government agree to UK Government direct spending …?" where it has
# "not agreed to direct spending by the UK Government": the negated words, in another
# order (issue 4 lever). The negated word leads; two more of the words it governs must
# stand within six words of it in the question. Only a why-question asserts its premise
# so: "Which UK bodies hold the powers to deal with harmful content online?" is answered
# beside "Welsh Government does not have the powers to regulate harmful content online".
NEGATED_IN_ANY_ORDER = True


def _negated_in_any_order(question: str, said: list[str], within: int) -> bool:
    asked = _question_words(question)
    governed = set(said)
    for lead in said[:within]:
        for at, word in enumerate(asked):
            if word == lead and len(governed & set(asked[max(0, at - 5):at + 6])) >= NEGATED_RUN:
                return True
    return False


# "we will retain …", "the government will not abolish …": what the government itself does
_OWN_ACT = re.compile(r"\b(?:we|the (?:uk |welsh |scottish )?government)\s+(?:will|shall|would|do|does|did|has|have|are|is|intends? to)\b",
                      re.I)


# "What did the government decide about the call to abolish the model?" asks for its
# stance as "Will the government abolish …?" does (issue 4 lever)
DECISION_ASKED = True
_ASKS_DECISION = re.compile(r"\bwhat (?:did|does|will|has|have) the (?:\w+ )?government (?:decide|say|do|plan)\b", re.I)


def states_a_stance(question: str, sentence: str) -> bool:
    """The question asks whether the government will do a thing one of a pair of opposite
    acts names ("abolish the model?"), and the sentence has the government say it does
    that or the opposite ("we will retain the model")."""
    if not ((YES_NO.match(question) or (DECISION_ASKED and _ASKS_DECISION.search(question))) and _OWN_ACT.search(sentence)):
        return False
    return any(re.search(asked, question, re.I) and (re.search(one, sentence, re.I) or re.search(other, sentence, re.I))
               for one, other in _OPPOSITES for asked in (one, other))


# "Why recommend an exercise only once every five years?" where the text says "at least
# every three years": the same interval, another number
_INTERVAL = re.compile(rf"\bevery\s+(?P<n>\d+|{'|'.join(_DIGITS)})\s+(?P<unit>year|month|week|day)s?\b", re.I)


def _other_interval(question: str, sentence: str) -> bool:
    def said(text: str) -> set[tuple[str, str]]:
        return {(_DIGITS.get(m["n"].lower(), m["n"]), m["unit"].lower()) for m in _INTERVAL.finditer(text)}
    asked, given = said(question), said(sentence)
    same_unit = {u for _, u in asked} & {u for _, u in given}
    return bool(asked) and not (asked & given) and bool(same_unit)


# "Why does the prospectus allow up to five separate tax sites?" where "applicants may
# define up to three individual areas as the location of the tax sites": the same bound on
# the same things, another number (issue 4 lever)
OTHER_LIMIT = True
_LIMIT = re.compile(rf"\b(?P<bound>up to|at most|no more than|a maximum of|at least|a minimum of|no fewer than)\s+"
                    rf"(?P<n>\d+|{'|'.join(_DIGITS)})\s+(?P<things>(?:[\w’'-]+\s+){{0,2}}?[a-z][\w’'-]*s)\b", re.I)


def _other_limit(question: str, sentence: str) -> bool:
    """The question bounds a number of things ("up to five … sites") that the sentence
    bounds the same way with another number, naming those things."""
    if not OTHER_LIMIT:
        return False
    asked = [(m["bound"].lower(), _DIGITS.get(m["n"].lower(), m["n"]), m["things"].split()[-1].lower())
             for m in _LIMIT.finditer(question)]
    given = {(m["bound"].lower(), _DIGITS.get(m["n"].lower(), m["n"])) for m in _LIMIT.finditer(sentence)}
    text = sentence.casefold()
    return any((bound, n) not in given and any(b == bound for b, _ in given) and re.search(rf"\b{re.escape(things)}\b", text)
               for bound, n, things in asked)


# "Why set the lifetime cap at £100,000?" where the sentence introduces "a new £86,000
# cap": the same thing, another sum (issue 4 lever)
OTHER_SUM = True
_SUM_OF = re.compile(r"£\s?(?P<n>\d[\d,.]*)(?:\s*(?P<scale>million|billion|bn|m|k)\b)?(?:\s+(?P<thing>[a-z][\w-]+))?", re.I)


def _other_sum(question: str, sentence: str) -> bool:
    """A sum the question gives a thing, where the sentence gives that thing ("£86,000
    cap") another sum and never the question's."""
    asked = {(m["n"].rstrip(".,"), (m["scale"] or "").lower()) for m in _SUM_OF.finditer(question)}
    if not (OTHER_SUM and asked):
        return False
    # the thing is a word the sum qualifies ("cap"), not one that follows it ("for", "to")
    words = set(re.findall(r"\w+", question.casefold())) - set(STOPWORDS_EN)
    given = [(m["n"].rstrip(".,"), (m["scale"] or "").lower(), (m["thing"] or "").casefold()) for m in _SUM_OF.finditer(sentence)]
    return (not any((n, scale) in asked for n, scale, _ in given)
            and any(thing in words for _, _, thing in given if thing))


# "Why can bids only be submitted in English?" where "Bids will be accepted in both
# English and Welsh"
_ONLY = re.compile(r"\bonly\b(?:\s+[\w’'-]+){0,4}?\s+(?P<thing>[A-Z][\w’'-]+)")
_BOTH = re.compile(r"\bboth\s+(?:the\s+)?(?P<one>[\w’'-]+)\s+and\s+(?:the\s+)?(?P<other>[\w’'-]+)", re.I)


def _both_not_only(question: str, sentence: str) -> bool:
    only = {m["thing"].casefold() for m in _ONLY.finditer(question)}
    return any({m["one"].casefold(), m["other"].casefold()} & only for m in _BOTH.finditer(sentence))


# "Why did the Prime Minister choose the Health Secretary to chair the Council?" where
# it is "chaired by the Chancellor of the Duchy of Lancaster": the post named holds none
# of the asked post's words (issue 4 lever)
OTHER_CHAIR = True
_POST = r"(?P<post>[A-Z][\w’'-]*(?:\s+(?:of|for|the|and|[A-Z][\w’'-]*))*)"
_TO_CHAIR = re.compile(rf"\b{_POST}\s+to\s+(?:chair|lead|head)\b")
_CHAIR_SAID = re.compile(rf"\b(?:chaired|led|headed) by (?:the\s+)?{_POST}")
_POST_FILLER = {"of", "for", "the", "and", "state", "minister", "secretary"}


def _other_chair(question: str, sentence: str) -> bool:
    asked = (_TO_CHAIR.search(question) or _CHAIR_SAID.search(question)) if OTHER_CHAIR else None
    said = _CHAIR_SAID.search(sentence) if asked else None
    if said is None:
        return False
    named, holder = (set(m["post"].casefold().split()) - _POST_FILLER for m in (asked, said))
    return bool(named) and not named & holder


GOVERNMENT_CHECK = True  # issue 4 lever
# "How did the Scottish Government respond to …?" asks what that government said: the UK
# government's reply, which names Scotland as one of four nations, does not say it.
_DEVOLVED_GOVERNMENT = re.compile(
    r"\b(?P<who>Scottish Government|Welsh Government|Northern Ireland Executive|Scottish Ministers|Welsh Ministers)\b", re.I)
# What a government does when it answers: one list for the question's verb and the sentence's
_SAYING = (r"say|says|said|respon\w*|repl\w*|state\w*|commit(?!tee)\w*|agree\w*|accept\w*|reject\w*|promis\w*|plan\w*|"
           r"intend\w*|publish\w*|announc\w*|set\w* out")
_SAYS = re.compile(rf"\b(?:{_SAYING})\b", re.I)


def another_government(question: str, said: str, publisher: str) -> bool:
    """The question asks what a devolved government said; the answer neither comes from
    that government's own document nor names it."""
    asked = _DEVOLVED_GOVERNMENT.search(question)
    if not (GOVERNMENT_CHECK and asked and _SAYS.search(question)):
        return False
    who = asked["who"].split()[0].casefold()  # "scottish": its Government or its Ministers
    body = rf"\b{who}\s+(?:government|ministers|executive)\b"
    if re.search(body, publisher, re.I):
        return False
    # the sentence has it act ("The Scottish Government has …"), not merely named
    # ("policy devolved to the Scottish Government")
    return not re.search(rf"{body}(?:['’]s)?\s+(?:will\b|(?:(?:has|have|had|would|is|was) )?(?:{_SAYING})\b)", said, re.I)


# What someone asks of the government, not what it does: "The Government should …", "We
# recommend …", or restated in the reply ("His proposal is to create …", "Stephan
# recommends that …", "The Inquiry calls for …").
RECOMMENDING = re.compile(
    r"\bshould\b|\bwe (?:would )?(?:recommend|urge|call on|ask)\b|"
    r"\b(?:his|her|their|its|the (?:committee|inquiry|review)(?:'s|’s)?) (?:proposal|recommendation|suggestion) (?:is|was)\b|"
    r"\b(?:recommends|proposes|suggests|calls for|urges)\b", re.I)
COMMITTEE_PARTS = {"recommendation", "conclusion", "comment"}  # the parts of an item in the committee's words

ACT_ONLY_ASKED = True  # issue 4 lever
NEWLY_DONE = True  # issue 4 lever
# "Why did the government decide to appoint a Minister for Space?" answered only by "The
# Government should create a Minister for Space": the committee asked for it; that the
# government did it is the question's premise, and the documents do not give it.
_GOVERNMENT_DID = re.compile(r"\b(?:did|has|have) (?:the )?(?:\w+ )?(?:government|ministers?|department)\b|"
                             r"^\s*why (?:was|were) (?:the )?(?:\w+ )?(?:government|ministers?|department)\b|"
                             # "the newly appointed Minister for Space" takes the appointment as done
                             + (r"\b(?:newly|recently) (?:appointed|created|established|formed|set up|introduced)\b|"
                                if NEWLY_DONE else "") + _AGREED_CLAUSE, re.I)


def only_asked_for(question: str, sentences: list[tuple[str, str | None]]) -> bool:
    """A question about what the government did, answered by what others asked of it: the
    lead sentence is committee text and none of the government's own voice is beside it.
    `sentences`: each chosen sentence with its chunk's part (recommendation, response, …)."""
    if not (ACT_ONLY_ASKED and _GOVERNMENT_DID.search(question) and sentences):
        return False
    lead, part = sentences[0]
    return bool((RECOMMENDING.search(lead) or part in COMMITTEE_PARTS)
                and not any(in_government_voice(text) for text, _ in sentences))


STILL_TO_COME = True  # issue 4 lever
# "What were the main findings of the Tier 1 exercise run in 2025?" answered by "In 2025,
# DHSC will lead on the Tier 1 exercise": an event the documents put in the future has
# no findings yet.
_ASKS_OUTCOME = re.compile(r"\b(?:findings?|results?|outcomes?|conclusions?|lessons? (?:learned|learnt|identified))\b|"
                           r"\bwhat did (?:the |it |they )?(?:[\w’'-]+ ){0,4}?(?:find|show|reveal|conclude|identify)\b", re.I)
_FUTURE = re.compile(r"\bwill (?:\w+ )?(?:lead|take place|be (?:held|run|conducted|carried out|published)|run|test|hold|report|publish)\b|"
                     r"\b(?:is|are|has been|have been) (?:planned|programmed|scheduled|due|expected)\b", re.I)


# "Why did Companies House decide to make its bulk accounts data free?", "Why did the
# government decline to back the European Launcher Challenge?": a why-question takes a
# decision as made; sentences that record no decision, stance or refusal at all do not
# say it was (issue 4 lever)
DECISION_NOT_SAID = True
_DECISION_ASKED = re.compile(r"^\s*why\b.*?(?<!not )(?<!n[’']t )(?<!yet )\b(?:decid(?:e|ed|es|ing)|declin(?:e|ed|es|ing)|"
                             r"refus(?:e|ed|es|ing)|cho(?:se|ose|sen)|opt(?:ed|s)?|reject(?:ed|s|ing)?|agree(?:d|s)?|"
                             r"accept(?:ed|s)?|abandon(?:ed|s)?|scrap(?:ped|s)?|drop(?:ped|s)?)\b", re.I)
_STANCE = re.compile(r"\b(?:decid\w*|decision\w*|declin\w*|refus\w*|reject\w*|accept\w*|agree\w*|disagree\w*|"
                     r"cho(?:se|ose|sen|ice)\w*|opt(?:ed|s|ing)?|abandon\w*|scrap\w*|drop\w*|(?:will|do|does|did) not|"
                     r"won[’']t|no plans|not (?:to )?(?:pursue|proceed|support|take forward))\b", re.I)


# "Why does the Module 1 report conclude that no virus more lethal could be contemplated?"
# takes a finding as made: sentences stating no finding, claim or view do not say it was
# (issue 4 lever)
FINDING_NOT_SAID = True
_FINDING_ASKED = re.compile(r"^\s*why\b.*?(?<!not )(?<!n[’']t )\b(?:conclud(?:e|ed|es|ing)|insist(?:s|ed|ing)?|argu(?:e|ed|es|ing)|"
                            r"claim(?:s|ed)?|warn(?:s|ed)?)\b", re.I)
_FINDING = re.compile(r"\b(?:conclu\w*|find\w*|found|insist\w*|argu\w*|claim\w*|warn\w*|stat(?:e|ed|es|ing)|says?|said|"
                      r"believ\w*|consider\w*|view|recommend\w*|must|should|requir\w*|clear|evidence\w*|show\w*|told|"
                      r"explain\w*|note[ds]?|highlight\w*|describ\w*|accept\w*)\b", re.I)


# "Why was the UK Space Agency Accelerator restricted to businesses in the South East of
# England?": a why-question taking a restriction as given, where the sentences never name
# what it is restricted to (issue 4 lever)
RESTRICTION_NOT_SAID = True
_RESTRICTION_ASKED = re.compile(r"^\s*why\b.*?\b(?:restricted|limited|confined|open only|only open|available only|only available)"
                                r"\s+to\s+(?P<what>[^?,;]+)", re.I)
# "When did the government abolish SAGE?": a question taking an ending as given, where the
# sentences record no ending ("the hearings … ended on 19 July 2023" is no ending of
# SAGE, so "ended" does not count) (issue 4 lever)
ENDING_NOT_SAID = True
_ENDING_ASKED = re.compile(r"^\s*(?:when|in what year|what year|why)\b.*?\b(?:abolish(?:ed)?|scrapp?(?:ed)?|disband(?:ed)?|"
                           r"dissolved?|cancell?ed|shut down|terminated?|axed|wound up)\b", re.I)
_ENDING = re.compile(r"\b(?:abolish\w*|scrap\w*|disband\w*|dissol\w*|cancel\w*|clos(?:e|ed|ing|ure)\w*|shut\w*|terminat\w*|"
                     r"withdr\w*|ax(?:e|ed|ing)|wound up|wind\w* up|ceas\w*|no longer|replac\w*|merg\w*|"
                     r"abandon\w*|stopp?\w*|defunct|discontinu\w*)\b", re.I)


# What a question takes as having happened, and the words a sentence recording it uses
_PREMISED_EVENTS = [
    (DECISION_NOT_SAID, _DECISION_ASKED, _STANCE),
    (FINDING_NOT_SAID, _FINDING_ASKED, _FINDING),
    (ENDING_NOT_SAID, _ENDING_ASKED, _ENDING),
]


def premise_not_recorded(question: str, sentences: list[str]) -> bool:
    """The question takes a decision, a finding or an ending as made, or a restriction
    as given, and the sentences never record it."""
    if any(on and asked.search(question) and not any(said.search(s) for s in sentences)
           for on, asked, said in _PREMISED_EVENTS):
        return True
    restricted = _RESTRICTION_ASKED.search(question) if RESTRICTION_NOT_SAID else None
    said = set(tokenize([" ".join(sentences)])[0]) if restricted else set()
    return bool(restricted) and not all(w in said for w in tokenize([restricted["what"]])[0])


def still_to_come(question: str, sentences: list[str]) -> bool:
    """A question about an outcome, answered only by sentences that put the event ahead."""
    return bool(STILL_TO_COME and _ASKS_OUTCOME.search(question) and sentences and all(_FUTURE.search(t) for t in sentences))
