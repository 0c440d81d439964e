"""What a question refers to: 'recommendation 3', 'paragraph 4.2', and whether it asks
for the government's verdict ('did they accept ...?')."""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, replace

from bm25s.stopwords import STOPWORDS_EN

_ITEM_REF = re.compile(r"\b(recommendation|conclusion|comment)s?\s+(?:no\.?\s*|number\s+)?(\d{1,3}[a-z]?)\b", re.I)
# "the Inquiry's fourth recommendation" is recommendation 4 (issue 4 lever)
ORDINAL_ITEMS = True
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
             "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
             "nineteenth", "twentieth"]
_ORDINAL_ITEM_REF = re.compile(rf"\b({'|'.join(_ORDINALS)}) (recommendation|conclusion)\b", re.I)
# "question 3.8" of an application form's table is its row labelled 3.8, which the
# structure reads as a numbered paragraph (issue 4 lever)
QUESTION_ROWS = True
_PARAGRAPH_REF = re.compile(r"\b(?:paragraph|para\.?)\s+(\d{1,3}(?:\.\d{1,3}){0,2})\b"
                            + (r"|\bquestions?\s+(\d{1,2}\.\d{1,2})\b" if QUESTION_ROWS else ""), re.I)
# "response" as a reply, not as in "a pandemic response exercise"
# nor "tested the response to an outbreak of MERS-CoV" (issue 4 lever)
RESPONSE_TO_EVENT = True
_EVENT = r"(?:(?!(?:recommendation|report|committee|review|inquiry|consultation|letter|call)\b)[\w’'-]+ ){0,2}?(?:outbreaks?|pandemics?|epidemics?|incidents?|emergenc(?:y|ies)|crisis|attacks?|disease|virus|cases?)\b(?! (?:recommendations?|report|preparedness)\b)"
_REPLY = (r"(?<!pandemic )(?<!emergency )(?<!crisis )(?<!incident )response(?! (?:exercise|plan|team|time|capabilit))"
          + (rf"(?! to (?:an? |the )?{_EVENT})" if RESPONSE_TO_EVENT else ""))
# "Did the government back it?", not "back in 2016" (issue 4 lever)
BACK_IN_TIME = True
_BACKING = (r"backed|backing|back(?!\s+(?:in|then|when|at|on|to|from|before|after|as|and)\b)" if BACK_IN_TIME
            else r"back(?:ed|ing)?")
_VERDICT = re.compile(
    r"\b(accept(?:ed|s|ance)?|agree(?:d|s)?|reject(?:ed|s|ion)?|decline(?:d|s)?|support(?:ed|s)?|"
    rf"respond(?:ed|s)?|{_REPLY}|verdict|position on|signed up|sign up|taken up|take up|took up|"
    rf"turn(?:ed)? down|go(?:ing)? ahead|decid(?:e|ed|es)|decision|{_BACKING})\b", re.I)
# A paper's reference: "CP 1478", "CP1240", "HL Paper 190", "HC 18"
PAPER_REFERENCE = r"\b(?:CP|Cm|Cmnd|Cmd|HC|HL|SI)(?:\s+Paper)?\s?\d+"


def paper_references(text: str) -> set[str]:
    """The paper references `text` gives, written one way ("CP1478", "HL190")."""
    return {re.sub(r"\s+|Paper", "", m[0]) for m in re.finditer(PAPER_REFERENCE, text)}


# "What source does the footnote cite for the 2011 estimate?": the note the answering
# sentence points to answers, not the sentence (issue 4 lever)
FOOTNOTE_FOLLOWED = True
_ASKS_FOOTNOTE = re.compile(r"\bfoot-?notes?\b|\bend-?notes?\b", re.I)


def asks_footnote(question: str) -> bool:
    return FOOTNOTE_FOLLOWED and bool(_ASKS_FOOTNOTE.search(question))


# "Will the government create the Fellowships the committee asked for?", "Has it published
# the strategy the Lords asked UKSA to produce?" ask what became of a recommendation: its
# reply answers, as for "did the government accept …" (issue 4 lever)
ASKED_FOR_DONE = True
_ASKED_FOR_DONE = re.compile(
    r"^\s*(?:will|has|have|does|do|did|is|are)\s+(?:the\s+)?(?:uk\s+|welsh\s+)?(?:government|ministers)\b"
    r".*\b(?:asked|called|recommended|urged|wanted|proposed|suggested|sought)\b", re.I)
# "What single national rate will the levy be charged at?", "at what notional weekly rate
# …?" ask for a sum or a percentage (issue 4 lever)
RATE_ASKED = True
OWNER_SUM_ASKED = True
_RATE = r"|\bwhat (?:[\w’'-]+ ){0,3}?rate\b" if RATE_ASKED else ""
# Words between "which" and the noun it asks about: names and a few adjectives ("which
# UK Government minister", "which local authority"), never a verb ("which legislation
# requires councils").
_MODIFIERS = r"(?:(?:(?-i:[A-Z])[\w’'-]*|local|former|new|other|lead|main|devolved|public|independent|senior) ){0,3}"
# "What no-deal planning operation drew resources away?", "Which exercise tested …?" ask
# for an operation's or an exercise's name (issue 4 lever)
NAMED_OPERATION = (r"\b(?:what|which) (?!(?:did|does|do|was|were|is|are|has|have|had|will|would|can|could)\b)"
                   r"(?:[\w’'-]+ ){0,4}?(?:operation|exercise)s?\b(?!\s+(?:name|called|(?-i:[A-Z])))")
CALLED_ASKED = True  # issue 4 lever
ANY_BODY_MODIFIER = True  # issue 4 lever
APPOINTEE_NAMED = True  # issue 4 lever
_APPOINTEE_NAME = r" the (?:newly |recently )?appointed\b" if APPOINTEE_NAMED else r"(?!)"
EARNINGS_ASKED = True
POST_TO_COME = True
# "What Skilled Worker visa minimum salary did witnesses say …?" asks a sum: up to four
# words may name the pay or fee before its noun, but "what percentage will fees rise by?"
# asks a share of them (issue 4 lever)
PAY_NAMED_AT_LENGTH = True
_PAY_WORDS = r"{0,4}" if PAY_NAMED_AT_LENGTH else r"{0,2}"
# "What minimum period, in weeks, …?": a count of the unit named (issue 4 lever)
IN_UNITS = re.compile(r",\s*in (hours|days|weeks|months|years|hectares|acres|miles|kilometres|words|pages)\s*,", re.I)
# What kind of thing the answer must contain. Money, numbers and dates are checkable in a
# sentence; a question of that kind whose best sentence holds none is not answered there.
_EXPECTS = (
    ("time", re.compile(r"\b(?:what|which) time\b(?!\s*(?:horizon|frame|period|scale|span|limit))|\bat what hour\b", re.I)),
    # "when is an employee treated as working in the tax site?" asks on what condition
    ("date", re.compile(r"\bwhen\s+(?:is|was|are|were|will|would|did|does|do|has|have|had|should|can|could|must|might|may)\b"
                        r"(?!(?:\s+[\w’'-]+){1,5}?\s+(?:treated|deemed|regarded|classed|counted|considered) as\b)|\bwhen\s*\?|\b(?:what|which) (?:\w+ )?(?:date|year|month)s?\b|\bwhat (?:is|was|will be) the (?:\w+ ){1,2}date\b|\bby what\b(?!\s+(?:percentage|proportion|share|amount|margin|factor|sum|figure|rate))|\bhow long\b|\bhow far ahead\b|\bhow often\b|\bdeadline\b|\btimescale\b|"
                        r"\bcut-?off\b|\bclosing (?:date|time)\b|\b(?:time and date|date and time)\b", re.I)),
    # a role only an individual fills: the answer must name someone
    # "the name of the newly appointed Head of Resilience" asks for a person (below)
    ("name", re.compile(r"\bwhat (?:is|was|are|were) the (?:code ?|full |official )?names? of\b"
                        + (rf"(?!{_APPOINTEE_NAME})" if APPOINTEE_NAMED else "") + "|" + NAMED_OPERATION + "|"
                        # "What was the 2018 Scottish exercise that tested … called?"
                        + (r"^\s*what (?:is|was|are|were) (?:the|a|an|its|their) [^?]*\b(?:called|known as)\s*\?|" if CALLED_ASKED else "")
                        + r"\b(?:who|which person) (?:is|was|are|were) (?:[\w’'-]+ ){0,8}?named\b", re.I)),
    # a post someone holds: answered by a name or by the post's own word ("chaired by the Chancellor")
    # "who will chair the board" asks the same (issue 4 lever)
    ("role", re.compile(r"(?:^|[,;:])\s*who (?:chairs|chaired|heads|headed|clerks|clerked|leads|led"
                        + (r"|(?:will|would|is to|shall) (?:chair|head|lead)" if POST_TO_COME else "") + r")\b", re.I)),
    ("person", re.compile(rf"(?:^|[,;:])\s*(?:and\s+)?who(?:m|se)?\b|\bnames? of{_APPOINTEE_NAME}|\bwhich {_MODIFIERS}(?:ministers?|officials?|secretar(?:y|ies) of state|witness(?:es)?|experts?|advis[eo]rs?|scientists?|persons?|individuals?)\b", re.I)),
    # a body is answered by its name, whatever words it is made of ("Department for Transport")
    # "which industry body", "which trade body": any one word may say what sort of body
    ("body", re.compile(rf"\bwhich {_MODIFIERS if not ANY_BODY_MODIFIER else _MODIFIERS + '(?:[a-z][a-z-]+ )?'}(?:body|bodies|organisations?|departments?|committees?|agency|agencies|regulators?|"
                        r"compan(?:y|ies)|firms?|councils?|authority|authorities|institutions?)\b", re.I)),
    # "how much carer's leave" asks for a quantity of leave, not a sum, wherever "funding"
    # comes later in the question
    ("money", re.compile(r"\bhow much\b(?!\s+(?:(?!(?:is|was|are|were|will|would|did|does|do|has|have|had|can|could|should)\b)"
                         r"[\w’'-]+\s+)?(?:leave|time|land|notice|data|capacity|progress|support|evidence|detail|flexibility|"
                         r"room|weight|power|energy)\b)"
                         r".*\b(?:money|fund|funding|cost|budget|spend|spent|invest|worth|paid|pay|allocat|grant|award(?:ed|s)?|capital\b(?! (?:area|city|cities))"
                         # "how much do insurers collect in premiums?" asks a sum (issue 4 lever)
                         + (r"|premium|revenue|income|earn|turnover|profit" if EARNINGS_ASKED else "") + r")|"
                         r"\bwhat (?:is|was|are|were|will be|would be)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}(?:cost|budget|value|price|amount)s?\b|"
                         # "What was the Civil Contingencies Secretariat's annual budget?" (issue 4 lever)
                         + (r"\bwhat (?:is|was|are|were|will be|would be)\s+(?:the\s+)?(?:[\w’'-]+\s+){1,5}?[\w-]+[’']s\s+"
                            r"(?:\w+\s+)?(?:budget|cost|price|value|income|turnover|spend(?:ing)?)s?\b|" if OWNER_SUM_ASKED else "") +
                         r"\bwhat (?:does|did|will|would)\b.*\bcost\b|\bwhat\b[^?]*\b(?:typically |usually )?costs?\s*\?|\bwhat (?:(?!(?:percentage|proportion|share|number|part)\b)[\w’'-]+\s+)" + _PAY_WORDS + r"(?:wage|salary|fee|price|budget|grant|allocation)s?\b|"
                         # "what will the new upper capital limit be", "what is the cap on care costs"
                         r"\bwhat (?:is|was|are|were|will|would)\s+(?:the\s+)?(?:\w+\s+){0,3}?(?:capital limit|cap|fine|levy|charge)s?\b|"
                         # "what is the most seed capital a bid can draw on?" asks a sum, not a count
                         r"\bwhat (?:is|was|will be|would be) the (?:most|least|maximum|minimum|largest|highest)\s+(?:[\w’'-]+\s+){0,2}?"
                         r"(?:capital|funding|money|grant|budget|investment|loan|subsidy|payment)s?\b" + _RATE, re.I)),
    ("number", re.compile(r"\bhow (?:much|many|large|big)\b|"
                          # "what minimum consultation period, in weeks, …?" asks a count of weeks
                          + IN_UNITS.pattern + r"|\bwhat (?:[\w’'-]+ ){0,2}?(?:number|percentage|proportion|share)\b|"
                          # "what is the maximum size of ...?" asks for a figure
                          r"\bwhat (?:is|was|are|were|will be|would be) the (?:\w+ ){0,2}?(?:maximum|minimum|size|length|(?:upper |lower |word )?limit)\b|"
                          # "the most seed capital a bid can get", not "the most important reason"
                          r"\bwhat (?:is|was) the (?:most|least)\b(?!\s+(?:important|significant|common|likely|serious|urgent|"
                          r"effective|recent|popular|appropriate|\w+ly|\w+est)\b)", re.I)),
)
# A yes/no question: "Will the government …?", "Did they agree to …?"
YES_NO = re.compile(r"^\s*(?:will|has|have|does|do|did|is|are|was|were)\b", re.I)
VERDICT_LINE = re.compile(
    r"^(?:(?:the\s+)?(?:UK\s+|Welsh\s+)?Government(?:'s|’s)?\s+)?Response\s*[:\-–—]\s*\S", re.I)


# Which kind of document answers: "in its response" asks the government's reply; "what
# did the Lords Committee find" asks the report, wherever a reply quotes it.
# A question about what the government does or said ("the government's position", "in
# its response", "is the Welsh Government funding …"): read by the answerer, and here
# the kind of document that answers, where the question names no report.
GOVERNMENT_ACTOR = re.compile(
    r"\b(?:did|does|will|has|have|is|was) (?:the )?(?:\w+ )?(?:government|ministers?|department)\b|"
    r"\b(?:governments?|ministers?)(?:'s|’s|')? (?:response|view|position|reply|plans?|answer)\b|"
    r"\bhow did the (?:\w+ )?government\b|\bin (?:its|their) response\b", re.I)
# "Will the UK government scrap the model, as the Inquiry recommended?" asks what the
# government will do, whatever verb says it, and the report that recommended it cannot
# tell (issue 4 lever)
GOVERNMENT_ASKED = True
_GOVERNMENT_SUBJECT = (r"|^\s*(?:will|would|did|does|do|has|have|is|are|was) the (?:\w+ )?government\b(?!['’])"
                       if GOVERNMENT_ASKED else "")
# "Why isn't the government producing the strategy the Inquiry proposed?" asks its stance
# now, which its response gives; "why did the government fail to …" may ask the report
GOVERNMENT_NOT = True  # issue 4 lever
_GOVERNMENT_NOT = (r"|^\s*why (?:isn[’']t|aren[’']t|won[’']t|doesn[’']t|don[’']t) the (?:\w+ )?government\b"
                   r"|^\s*why (?:is|are|will|does|do) the (?:\w+ )?government not\b" if GOVERNMENT_NOT else "")
# "How did the government answer Recommendation 18 of the Lords report …?" asks the reply,
# wherever the report is named (issue 4 lever)
ANSWERED_ASKED = True
_ANSWERED = r"\bhow (?:did|has|have|does|do|will) (?:the )?(?:\w+ )?government (?:answer|react)(?:ed)?\b|" if ANSWERED_ASKED else ""
_ASKS_RESPONSE = re.compile(
    rf"\b{_REPLY}\b|\brespond(?:ed|s)?\b|\breply\b|{_ANSWERED}\bgovernments?(?:'s|’s|')? (?:view|position)\b|"
    r"\b(?:has|have|did|does|will) the (?:\w+ )?government (?:agreed?|accept(?:ed)?|reject(?:ed)?|decided?|committed?|signed up)\b"
    + _GOVERNMENT_SUBJECT + _GOVERNMENT_NOT, re.I)
_ASKS_REPORT = re.compile(
    r"\b(?:committee|inquiry|lords|review|report)(?:'s|’s)? (?:\w+ ){0,2}?(?:report|recommend\w*|conclu\w*|found|find\w*|say|said|warn\w*)\b|"
    r"\baccording to the (?:\w+ ){0,4}?(?:committee|inquiry|report)\b|\bdid the (?:\w+ ){0,4}?(?:report|inquiry) (?:conclude|find|say|recommend)\b", re.I)


_NAMES_RECOMMENDATION = re.compile(r"\brecommend|\bcall(?:ed|s)? (?:to|for)\b|\bcommittee(?:'s|’s)? call\b|\bproposal\b", re.I)


# "What's the most seed capital …?" asks as "what is" does (issue 4 lever)
CONTRACTIONS = True
_CONTRACTION = re.compile(r"\b(what|who|where|when|how)[’']s\b", re.I)


def without_contractions(question: str) -> str:
    """"What's …" as "What is …", for the readers of a question's asking phrase."""
    return _CONTRACTION.sub(r"\1 is", question) if CONTRACTIONS else question


# "What happens to the unfinished parts once the completion deadline has passed?" asks
# for an event: the deadline, the date or the sum it names sets the scene (issue 4 lever)
EVENT_ASKED = True
_ASKS_EVENT = re.compile(r"^\s*(?:[^,?]{0,100},\s*)?what (?:happens|happened|will happen|would happen|"
                         r"(?:is|was|will be) the (?:effect|consequence|result)|are the (?:effects|consequences))\b", re.I)


@lru_cache(maxsize=256)  # asked of one question by several stages
def expected_kind(question: str) -> str | None:
    """The kind asked for by the question's first asking phrase: "How much grant did
    it get when it was set up?" asks for a sum, not a date."""
    question = without_contractions(question)
    if EVENT_ASKED and _ASKS_EVENT.search(question):
        return None
    found = [(m.start(), i, kind) for i, (kind, pattern) in enumerate(_EXPECTS) if (m := pattern.search(question))]
    return min(found)[2] if found else None


@dataclass(frozen=True)
class QuestionFacts:
    item_kind: str | None = None  # "recommendation"
    item_number: str | None = None  # "3"
    paragraph: str | None = None  # "4.2"
    asks_verdict: bool = False
    expects: str | None = None  # "time", "date", "name", "role", "person", "body", "money", "number"
    doc_id: str | None = None  # set when the item was inferred from the best passages
    names_recommendation: bool = False  # "the committee's recommendation on X"
    doc_kind: str | None = None  # "response" or "report": the kind of document that answers


def read_question(question: str) -> QuestionFacts:
    asked_for = ASKED_FOR_DONE and bool(_ASKED_FOR_DONE.search(question))
    item = _ITEM_REF.search(question)
    kind, number = (item.group(1).lower(), item.group(2).lower()) if item else (None, None)
    ordinal = _ORDINAL_ITEM_REF.search(question) if ORDINAL_ITEMS and not item else None
    if ordinal:
        kind, number = ordinal.group(2).lower(), str(_ORDINALS.index(ordinal.group(1).lower()) + 1)
    paragraph = _PARAGRAPH_REF.search(question)
    return QuestionFacts(
        item_kind=kind,
        item_number=number,
        paragraph=(paragraph.group(1) or paragraph.group(2)) if paragraph else None,
        asks_verdict=bool(_VERDICT.search(question)) or asked_for,
        expects=expected_kind(question),
        doc_kind=("response" if _ASKS_RESPONSE.search(question) else "report" if _ASKS_REPORT.search(question)
                  else "response" if GOVERNMENT_ASKED and GOVERNMENT_ACTOR.search(question) else None),
        names_recommendation=bool(_NAMES_RECOMMENDATION.search(question)) or asked_for,
    )


# Names in a question: capitalised runs ("Democratic Engagement Grant"), hyphenated
# names ("Inter-Ministerial"), acronyms ("PNT", "DSIT") and quoted phrases.
_NAME_RUN = re.compile(r"\b[A-Z][\w’'-]*(?:\s+(?:of|for|and|the|on|in)?\s*[A-Z][\w’'-]*)+")
_ACRONYM = re.compile(r"\b[A-Z]{2,6}s?\b")
# A quotation opens where no letter comes before its mark and closes where none follows:
# the apostrophes of "What's ... Group's" quote nothing.
_QUOTED = re.compile(r"(?<!\w)[‘'\"“]([^‘’'\"“”]{4,60})[’'\"”](?!\w)")
# Words that open a question, or any common word ("At the Harwell roundtable"): capitalised by place, not by a name
_QUESTION_OPENERS = {"what", "who", "whose", "whom", "when", "which", "how", "why", "where", "did", "does", "has", "have", "can", "according",
                     "per", "under", "answering", "rather", "roughly"} | set(STOPWORDS_EN)


_NAMED_PART = re.compile(r"\b(glossary|annex|appendix|appendices|foreword|executive summary|preface|footnotes?)\b", re.I)


def named_part(question: str) -> str | None:
    """The part of a document the question names ("the report's glossary"), as a section
    path would write it, or None."""
    named = _NAMED_PART.search(question)
    return named[1].lower().replace("appendices", "appendix").replace("footnotes", "footnote") if named else None


def in_part(part: str | None, metadata: dict) -> bool:
    """A chunk whose section path lies in the named part ("Appendix 3: Glossary")."""
    return bool(part) and part in str(metadata.get("section", "")).lower()


def quoted_terms(question: str) -> list[str]:
    """The phrases the question puts in quotation marks ("a 'very large site'")."""
    return [m.group(1) for m in _QUOTED.finditer(question)]


def named_phrases(question: str) -> list[str]:
    """Phrases a passage must contain verbatim to be about what the question names."""
    phrases: list[str] = []
    for match in _NAME_RUN.finditer(question):
        words = match.group(0).split()
        while words and (words[0].lower() in _QUESTION_OPENERS or words[0].islower()):
            words = words[1:]
        if len(words) >= 2:
            phrases.append(" ".join(words))
    phrases += [m.group(0) for m in _ACRONYM.finditer(question) if m.group(0) not in {"UK", "US", "EU"}]
    phrases += quoted_terms(question)
    cleaned = (re.sub(r"[’']s$", "", p.strip()).strip("‘’'\"“”") for p in phrases)
    return list(dict.fromkeys(p for p in cleaned if len(p) >= 2))


ITEM_IN_REPLY = True  # issue 4 lever


def with_item_from_passages(facts: QuestionFacts, passages: list[dict]) -> QuestionFacts:
    """A verdict question that names no recommendation ("Has the government signed up to
    an Expert Group?") is about the recommendation of the best passages (metadata dicts,
    best first)."""
    if not facts.asks_verdict or facts.item_number is not None or not facts.names_recommendation:
        return facts
    for meta in passages[:3]:
        if meta.get("recommendation"):
            # A verdict is the reply's: the report's recommendation 2 leaves it open which
            # document answers, so the response's recommendation 2 is the item too.
            reply_elsewhere = (ITEM_IN_REPLY and facts.doc_kind == "response"
                               and "response" not in str(meta.get("doc_type", "")))
            return replace(facts, item_kind=meta.get("item_kind") or "recommendation",
                           item_number=str(meta["recommendation"]).lower(),
                           doc_id=None if reply_elsewhere else meta.get("doc_id"))
    return facts


def matches_item(facts: QuestionFacts, metadata: dict) -> bool:
    return (
        facts.item_number is not None
        and (facts.doc_id is None or metadata.get("doc_id") == facts.doc_id)
        and str(metadata.get("recommendation") or "").lower() == facts.item_number
        and (metadata.get("item_kind") or facts.item_kind) == facts.item_kind
    )


def matches_paragraph(facts: QuestionFacts, metadata: dict) -> bool:
    return facts.paragraph is not None and facts.paragraph in str(metadata.get("paragraphs") or "").split(",")
